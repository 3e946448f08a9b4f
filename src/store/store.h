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

/* An aggregated edge: every event of one subject-object-code. */
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
};

typedef int (*kg_edge_fn)(const struct kg_edge *e, void *ctx);

/* Every edge, strongest first; stops when fn returns non-zero. */
int kg_store_edges(struct kg_store *st, kg_edge_fn fn, void *ctx);

#endif
