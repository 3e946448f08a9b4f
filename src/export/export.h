/*
 * export.h: hand the graph and the triples to people and other tools.
 *
 *  - kg_jsonl_triple: one triple as a JSON line (kgraph extract).
 *  - kg_rows_*: query results as table, csv, tsv, json or jsonl, one table
 *    of writers (the sqlite3 shell's output modes).
 *  - kg_graph_*: the relationship diagram with cgraph: DOT, or laid out and
 *    rendered in-process by gvc (SVG, PNG, PDF).
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

/* Diagrams. */
struct kg_graph_opts {
	const char *format;	/* "dot", "svg", "png", "pdf" */
	const char *engine;	/* "dot", "neato", "sfdp", "auto" or NULL */
	const char *title;	/* or NULL */
};

/* Build the diagram of the whole store and write it to out. */
int kg_graph_write(struct kg_store *st, const struct kg_graph_opts *o, FILE *out);

#endif
