/*
 * export.h: hand the graph and the triples to people and other tools.
 *
 *  - kg_jsonl_triple: one triple as a JSON line (kgraph extract).
 *  - kg_rows_*: query results as table, csv, tsv, json or jsonl, one table
 *    of writers (the sqlite3 shell's output modes).
 *  - kg_graph_*: the relationship diagram with cgraph: DOT, or laid out and
 *    rendered in-process by gvc (SVG, PNG, PDF), styled by viz/style.tsv.
 *  - kg_export_*: the graph for other tools (JSON, GraphML, GEXF, Neo4j
 *    CSV, GDELT, a self-contained HTML viewer), all from the same filtered
 *    edges of the store (store.h: struct kg_filter).
 *
 * Writers borrow everything they are given and write to the FILE passed;
 * they return 0, or -1 after reporting.
 */
#ifndef KG_EXPORT_H
#define KG_EXPORT_H

#include <stdio.h>

#include <sqlite3.h>

#include "base/kgraph.h"

struct kg_store;

/* Write one triple of r as a JSON object on its own line. */
int kg_jsonl_triple(FILE *out, const struct kg_result *r, const struct kg_triple *t);

/* Query results. */
int kg_rows_format(const char *name);	/* -1 if unknown */
const char *kg_rows_formats(void);	/* "table|csv|tsv|json|jsonl" */
/* Step s to the end, writing every row; returns 0 or -1 (SQL error, reported). */
int kg_rows_write(FILE *out, int format, sqlite3_stmt *s, const char *what);
/* The same, where bit i of json_cols marks column i as JSON text: json
 * and jsonl embed it as a value, the other formats print the text. */
int kg_rows_write_nested(FILE *out, int format, sqlite3_stmt *s, const char *what,
			 unsigned long json_cols);
int kg_rows_is_json(int format);	/* json or jsonl */

/* Diagrams and graph exports. */
struct kg_filter;
struct kg_graph_opts {
	const char *format;	/* "dot", "svg", "png", "pdf"; for kg_export_write any of kg_export_formats() */
	const char *engine;	/* "dot", "neato", "sfdp", "auto" or NULL */
	const char *title;	/* or NULL */
	const struct kg_filter *filter;	/* which edges; NULL: all */
	const char *path;	/* the -o argument, for formats that write a folder (csv) */
};

/* Build the diagram of the selected edges and write it to out: DOT as
 * built (no layout), or laid out and rendered (svg, png, pdf). */
int kg_graph_write(struct kg_store *st, const struct kg_graph_opts *o, FILE *out);
/* Is name a layout engine -K accepts (dot, neato, sfdp, auto)? */
int kg_graph_engine_ok(const char *name);

/* Lay out and render to memory (o->format, usually "svg"); *data is
 * malloc'ed, NUL-terminated, the caller frees it. */
int kg_graph_render_mem(struct kg_store *st, const struct kg_graph_opts *o,
			char **data, size_t *len);

/* The engine -K auto picks for a graph of this size. */
const char *kg_graph_auto_engine(long nnodes, long nedges);

/*
 * Every export format, one table of writers: dot json graphml gexf csv
 * gdelt html.  kg_export_needs_dir says the format writes a folder
 * (o->path) rather than to out.
 */
int kg_export_format(const char *name);	/* -1 if unknown */
const char *kg_export_formats(void);	/* "dot|json|..." */
int kg_export_needs_dir(const char *name);
int kg_export_write(struct kg_store *st, const struct kg_graph_opts *o, FILE *out);

/* The writers (export/formats.c, export/html.c). */
int kg_json_write(struct kg_store *st, const struct kg_graph_opts *o, FILE *out);
int kg_graphml_write(struct kg_store *st, const struct kg_graph_opts *o, FILE *out);
int kg_gexf_write(struct kg_store *st, const struct kg_graph_opts *o, FILE *out);
int kg_neo4j_write(struct kg_store *st, const struct kg_graph_opts *o, FILE *out);
int kg_gdelt_write(struct kg_store *st, const struct kg_graph_opts *o, FILE *out);
int kg_html_write(struct kg_store *st, const struct kg_graph_opts *o, FILE *out);

#endif
