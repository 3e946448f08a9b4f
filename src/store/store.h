/*
 * store.h: the SQLite knowledge graph.
 *
 * Opening applies the embedded migrations (schema/NNN-*.sql) keyed on
 * PRAGMA user_version, and refuses a database from a newer kgraph.  The
 * handle owns its connection and its prepared statements; kg_store_close
 * finalizes them.  Results handed to callbacks are borrowed for the call.
 * Errors are reported ("kgraph: DB: reason") and returned as -1.
 *
 * The tables are described in docs/schema.md: articles, sentences,
 * actors (with aliases), mentions, events (one per coded triple),
 * unique_events and edge_weights (deduplicated, with counts kept by
 * kg_store_add and kg_store_recode), facts, the user dictionary and the
 * full-text index sentences_fts (written at kg_store_commit).
 */
#ifndef KG_STORE_H
#define KG_STORE_H

#include <sqlite3.h>

#include "base/kgraph.h"

enum {
	KG_STORE_READONLY = 1 << 0,	/* open read-only; never create or migrate */
	/* Add articles only (ingest): SQLite does not re-check the foreign
	 * keys of each row the store writes (it made every id it refers to
	 * in the same transaction), a quarter of the writer's time.  Deleting
	 * through this handle (kg_store_reextract) is refused. */
	KG_STORE_APPEND = 1 << 1,
};

struct kg_store;

int kg_store_open(const char *path, unsigned flags, struct kg_store **out);
void kg_store_close(struct kg_store *st);	/* NULL-safe */
sqlite3 *kg_store_db(struct kg_store *st);
const char *kg_store_path(const struct kg_store *st);

int kg_store_begin(struct kg_store *st);
int kg_store_commit(struct kg_store *st);
void kg_store_rollback(struct kg_store *st);
/* Savepoint "article" inside a transaction: release keeps what was
 * written since, rollback_to undoes it (and releases). */
int kg_store_savepoint(struct kg_store *st);
int kg_store_release(struct kg_store *st);
int kg_store_rollback_to(struct kg_store *st);

/* The hash of a text ("h1:..."), into buf[40].  An article's identity is
 * this hash of its text, or, when it names a source, of source and text:
 * the same story from two sources is two articles. */
void kg_store_hash(const char *text, size_t len, char buf[40]);

/*
 * Store one coded article with its sentences, mentions, facts and events,
 * counting its events into unique_events and edge_weights, inside the
 * caller's transaction (or its own when there is none; the full-text
 * index is written at kg_store_commit).  Returns 1 when added, 0 when an
 * article with the same content is already stored (nothing is added), -1
 * on error (reported; roll back, or roll back to the savepoint).  "The
 * same content" is the same text from the same source (kg_store_hash).
 * A result that fails kg_store_check is refused before anything is
 * written, so the only errors that leave half an article are SQLite's
 * own (a full disk, an I/O error).
 */
int kg_store_add(struct kg_store *st, const struct kg_result *r);
/* Is r whole (every offset inside its article, every sentence number
 * inside its sentences, dates YYYY-MM-DD, every actor named)?  0, or -1
 * after reporting what is wrong. */
int kg_store_check(const struct kg_result *r);

/*
 * Re-code a stored article: replace its sentences, mentions, facts and
 * events with those of r (the result of coding it again), keeping the
 * counts of distinct events right.  Inside the caller's transaction.
 */
int kg_store_recode(struct kg_store *st, sqlite3_int64 article, const struct kg_result *r);

/* The ids of every stored article, in order; the caller frees *ids. */
int kg_store_article_ids(struct kg_store *st, sqlite3_int64 **ids, size_t *n);

/* Load a stored article into *a; its strings belong to the store and
 * stay valid until the next load or the close. */
int kg_store_article_load(struct kg_store *st, sqlite3_int64 id, struct kg_article *a);

/* Remove actors nothing refers to any more (after re-coding). */
int kg_store_prune_actors(struct kg_store *st);

/* The schema version this kgraph writes (the number of migrations). */
int kg_store_schema_version(void);

/* A full ANALYZE at close when more articles than this were added. */
#define KG_STORE_ANALYZE_AFTER 1000

/*
 * The user dictionary (table dict_entries): actors the built-in
 * dictionaries lack.  kg_store_dict_add adds or replaces the entry for
 * a->name with its aliases (returns 1 added, 0 replaced, -1 error);
 * kg_store_dict_remove returns 1 removed, 0 not there.  kg_store_dict_each
 * calls fn once per entry name (alias NULL) and once per alias; the
 * strings are borrowed for the call.
 */
int kg_store_dict_add(struct kg_store *st, const struct kg_actor *a,
		      char *const *aliases, size_t naliases);
int kg_store_dict_remove(struct kg_store *st, const char *name);
typedef int (*kg_dict_fn)(const struct kg_actor *a, const char *alias, void *ctx);
int kg_store_dict_each(struct kg_store *st, kg_dict_fn fn, void *ctx);

/*
 * Actor arguments.  KG_STORE_WHO is a CTE `who(id)` of the actors named
 * by parameter ?1: by name, code, any alias an article used or a user
 * dictionary alias, case-insensitively; put it
 * after WITH [RECURSIVE].  kg_store_actor_ids fills *ids (caller frees)
 * and returns how many matched (0: none), or -1.
 */
#define KG_STORE_WHO \
	"who(id) AS (SELECT id FROM actors WHERE name = ?1 COLLATE NOCASE" \
	" UNION SELECT id FROM actors WHERE code = ?1 COLLATE NOCASE AND code <> ''" \
	" UNION SELECT actor_id FROM actor_aliases WHERE alias = ?1 COLLATE NOCASE" \
	" UNION SELECT a.id FROM dict_aliases da JOIN dict_entries d ON d.id = da.entry_id" \
	"  JOIN actors a ON a.name = d.name AND a.code = d.code WHERE da.alias = ?1 COLLATE NOCASE)"
int kg_store_actor_ids(struct kg_store *st, const char *name, sqlite3_int64 **ids);

/*
 * The SQL behind `kgraph actors` (kept here, beside the schema, so the
 * unit tests run exactly it): ?1 type or NULL, ?2 unresolved only (0/1,
 * KG_STORE_SQL_ACTORS only), ?3 limit (-1: none).  Unresolved names are
 * the actors the coder kept with resolved = 0, most mentioned first.
 */
#define KG_STORE_SQL_ACTORS \
	"WITH m (id, n) AS (SELECT actor_id, count(*) FROM mentions GROUP BY actor_id)," \
	" es (id, n) AS (SELECT subject_id, count(*) FROM events GROUP BY subject_id)," \
	" eo (id, n) AS (SELECT object_id, count(*) FROM events GROUP BY object_id)" \
	" SELECT a.name AS name, a.code AS code, a.type AS type, a.country AS country," \
	"  coalesce(m.n, 0) AS mentions, coalesce(es.n, 0) AS as_subject, coalesce(eo.n, 0) AS as_object," \
	"  (SELECT group_concat(alias, '|') FROM (SELECT alias FROM actor_aliases" \
	"    WHERE actor_id = a.id ORDER BY alias)) AS aliases" \
	" FROM actors a LEFT JOIN m ON m.id = a.id LEFT JOIN es ON es.id = a.id LEFT JOIN eo ON eo.id = a.id" \
	" WHERE (?1 IS NULL OR a.type = ?1) AND (?2 = 0 OR a.resolved = 0)" \
	"  AND (m.n OR es.n OR eo.n)" \
	" ORDER BY mentions DESC, as_subject + as_object DESC, name LIMIT ?3"
/*
 * Recount what the store keeps counted (`kgraph stats --verify`, and the
 * unit tests): rows (check, problems), all 0 in a sound store.  Reads
 * every triple: seconds on a million.
 */
#define KG_STORE_SQL_VERIFY \
	"WITH ue AS (SELECT u.mentions AS mentions, u.articles AS articles, u.sources AS sources," \
	"  (SELECT count(*) FROM events e WHERE e.unique_event_id = u.id) AS m," \
	"  (SELECT count(DISTINCT s.article_id) FROM events e JOIN sentences s ON s.id = e.sentence_id" \
	"   WHERE e.unique_event_id = u.id) AS a," \
	"  (SELECT count(DISTINCT nullif(ar.source, '')) FROM events e JOIN sentences s ON s.id = e.sentence_id" \
	"   JOIN articles ar ON ar.id = s.article_id WHERE e.unique_event_id = u.id) AS so" \
	"  FROM unique_events u)," \
	" er (s, o, r, ev, m, a, so, g, ac, f, l) AS (SELECT e.subject_id, e.object_id," \
	"  substr(e.cameo, 1, 2), count(DISTINCT e.unique_event_id)," \
	"  count(*), count(DISTINCT s.article_id), count(DISTINCT nullif(ar.source, ''))," \
	"  round(total(e.goldstein), 3), sum(e.modality = 'actual' AND NOT e.negated)," \
	"  min(e.event_date), max(e.event_date)" \
	"  FROM events e JOIN sentences s ON s.id = e.sentence_id JOIN articles ar ON ar.id = s.article_id" \
	"  GROUP BY 1, 2, 3)," \
	" ew (s, o, r, ev, m, a, so, g, ac, f, l) AS (SELECT subject_id, object_id, root, events," \
	"  mentions, articles, sources," \
	"  round(goldstein_sum, 3), actual, first_date, last_date FROM edge_weights)" \
	" SELECT 'distinct events with wrong counts' AS \"check\", count(*) AS problems FROM ue" \
	"  WHERE mentions <> m OR articles <> a OR sources <> so OR m = 0" \
	" UNION ALL SELECT 'triples without a distinct event', count(*) FROM events" \
	"  WHERE unique_event_id IS NULL" \
	" UNION ALL SELECT 'edges with wrong counts', count(*) FROM" \
	"  (SELECT s, o, r FROM (SELECT * FROM er EXCEPT SELECT * FROM ew)" \
	"   UNION SELECT s, o, r FROM (SELECT * FROM ew EXCEPT SELECT * FROM er))" \
	" UNION ALL SELECT 'sentences missing from the full-text index', count(*) FROM sentences s" \
	"  WHERE NOT EXISTS (SELECT 1 FROM sentences_fts_docsize d WHERE d.id = s.id)" \
	" UNION ALL SELECT 'full-text rows without a sentence', count(*) FROM sentences_fts_docsize d" \
	"  WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.id = d.id)" \
	" UNION ALL SELECT 'rows referring to a missing row', count(*) FROM pragma_foreign_key_check"

#define KG_STORE_SQL_UNRESOLVED \
	"SELECT name, mentions, articles, example FROM (" \
	" SELECT a.name AS name, count(*) AS mentions, count(DISTINCT s.article_id) AS articles," \
	"  min(s.id) AS first FROM actors a JOIN mentions m ON m.actor_id = a.id" \
	"  JOIN sentences s ON s.id = m.sentence_id" \
	"  WHERE a.resolved = 0 AND (?1 IS NULL OR a.type = ?1) GROUP BY a.id)" \
	" JOIN (SELECT id, text AS example FROM sentences) ON id = first" \
	" ORDER BY mentions DESC, articles DESC, name LIMIT ?3"

/*
 * Walk the graph of distinct events (either direction) breadth-first
 * from the actors from[0..nfrom).  Visits at most max_nodes actors, up
 * to max_depth steps away.  When to is given, stops at the first actor
 * in to[0..nto) and keeps only the path to it.  The result lists the
 * actors reached in order, each with its depth and the actor it was
 * reached from (0 for a start); free it with kg_walk_release.
 */
struct kg_walk {
	sqlite3_int64 *id, *via;
	int *depth;
	size_t n, cap;
	int truncated;	/* max_nodes was reached */
};
int kg_store_walk(struct kg_store *st, const sqlite3_int64 *from, size_t nfrom,
		  const sqlite3_int64 *to, size_t nto, int max_depth, size_t max_nodes,
		  struct kg_walk *w);
void kg_walk_release(struct kg_walk *w);

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
