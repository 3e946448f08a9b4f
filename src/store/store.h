/*
 * store.h: the SQLite knowledge graph.
 *
 * Opening applies the embedded migrations (schema/NNN-*.sql) keyed on
 * PRAGMA user_version, and refuses a database from a newer kgraph.  The
 * handle owns its connection and its prepared statements; kg_store_close
 * finalizes them.  Results handed to callbacks are borrowed for the call.
 * Errors are reported ("kgraph: DB: reason") and returned as -1.
 */
#ifndef KG_STORE_H
#define KG_STORE_H

#include <sqlite3.h>

#include "base/kgraph.h"

enum {
	KG_STORE_READONLY = 1 << 0,	/* open read-only; never create or migrate */
};

struct kg_store;

int kg_store_open(const char *path, unsigned flags, struct kg_store **out);
void kg_store_close(struct kg_store *st);	/* NULL-safe */
sqlite3 *kg_store_db(struct kg_store *st);
const char *kg_store_path(const struct kg_store *st);

int kg_store_begin(struct kg_store *st);
int kg_store_commit(struct kg_store *st);
void kg_store_rollback(struct kg_store *st);

/* The hash that identifies an article's content ("h1:..."), into buf[40]. */
void kg_store_hash(const char *text, size_t len, char buf[40]);

/*
 * Store one coded article with its sentences, mentions and events, inside
 * the caller's transaction.  Returns 1 when added, 0 when an article with
 * the same content is already stored (nothing is added), -1 on error.
 */
int kg_store_add(struct kg_store *st, const struct kg_result *r);

/*
 * The graph: filtered edges, their actors and their triples (edges.c).
 *
 * A filter selects events in SQL (every value bound, never pasted), then
 * aggregates them into edges, one per subject-object-CAMEO code.  Negated
 * events ("did not attack") never make an edge.  A NULL filter or a zeroed
 * one selects everything.  The filter borrows its strings.
 */
struct kg_filter {
	const char **actors;	/* ego network around these: names or codes, any case */
	size_t nactors;
	int depth;		/* hops from the actors (0 counts as 1) */
	const char *since, *until;	/* YYYY, YYYY-MM or YYYY-MM-DD, inclusive */
	const char **cameos;	/* CAMEO code prefixes ("19", "036") */
	size_t ncameos;
	unsigned quads;		/* bit q set: keep QuadClass q (1..4); 0 = all */
	long min_weight;	/* keep edges with at least this many mentions */
	long top;		/* keep only the N strongest edges; 0 = all */
	const char **types;	/* keep edges touching an actor of one of these types */
	size_t ntypes;
	const char **articles;	/* keep events from these articles (id or external id) */
	size_t narticles;
};

/* An aggregated edge: every selected event of one subject-object-code. */
struct kg_edge {
	struct kg_actor subject, object;
	const char *predicate;
	const char *cameo;
	int quad_class;
	double goldstein;
	const char *modality;	/* the strongest: actual beats the rest */
	long mentions;
	const char *sentence;	/* one sentence that states it */
	const char *article;	/* that sentence's article (title or id) */
	/* added by the filtered API */
	long rank;		/* 1-based position, strongest first: the edge's id */
	long long subject_id, object_id;	/* actors.id */
	long articles;		/* distinct articles */
	const char *url;	/* that sentence's article URL, or NULL */
	const char *first_date, *last_date;	/* event or article dates, or NULL */
};

/* An actor of the selected edges. */
struct kg_node {
	long long id;		/* actors.id */
	struct kg_actor actor;
	long degree;		/* selected edges touching it */
	long mentions;		/* their mentions, added up */
};

/* One selected event (triple) with its provenance. */
struct kg_edge_triple {
	long edge;		/* the kg_edge.rank it belongs to */
	long long id;		/* events.id */
	struct kg_actor subject, object;
	const char *predicate, *cameo;
	int quad_class;
	double goldstein;
	const char *modality;
	int reported;
	const char *date;	/* event date, else the article's, or NULL */
	const char *location, *attribution;	/* or NULL */
	double confidence;
	const char *sentence;
	int seq;		/* the sentence's position in its article, from 1 */
	long long article_id;
	const char *ext_id, *title, *url, *source, *published;	/* or NULL */
	const char *ingested_at;	/* "YYYY-MM-DDTHH:MM:SSZ" */
};

typedef int (*kg_edge_fn)(const struct kg_edge *e, void *ctx);
typedef int (*kg_node_fn)(const struct kg_node *n, void *ctx);
typedef int (*kg_edge_triple_fn)(const struct kg_edge_triple *t, void *ctx);

/* Every edge, strongest first; stops when fn returns non-zero. */
int kg_store_edges(struct kg_store *st, kg_edge_fn fn, void *ctx);

/* The selected edges, strongest first (by rank); stops when fn returns
 * non-zero and returns that value. */
int kg_store_graph_edges(struct kg_store *st, const struct kg_filter *f, kg_edge_fn fn, void *ctx);
/* The actors of the selected edges, by name. */
int kg_store_graph_nodes(struct kg_store *st, const struct kg_filter *f, kg_node_fn fn, void *ctx);
/* The events of the selected edges, by edge rank, then event id. */
int kg_store_graph_triples(struct kg_store *st, const struct kg_filter *f,
			   kg_edge_triple_fn fn, void *ctx);

/* Is s a date the filter takes (YYYY, YYYY-MM or YYYY-MM-DD)? */
int kg_filter_date_ok(const char *s);

#endif
