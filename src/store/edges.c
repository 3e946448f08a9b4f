/*
 * edges.c: the graph as the exporters see it: filtered events aggregated
 * into edges, with their actors and their triples.
 *
 * Every query starts with the same chain of CTEs, built once from the
 * filter, with every user value bound as a parameter:
 *
 *   fe0  events that pass the per-event filters (date, code, quad, type,
 *        article), negated ones left out
 *   ego  (with --actor) the actors within N hops of the seed actors over
 *        fe0, undirected; fe keeps the events between two of them
 *   ed   fe grouped by subject, object and CAMEO code (min-weight)
 *   sel  ed ranked strongest first (mentions, then names), cut to --top
 *
 * The three readers then select edges, nodes or triples from sel, so the
 * same filter gives the same graph in every format.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "store/store.h"

struct param {
	const char *s;		/* text, or NULL for an integer */
	long long i;
};

struct sel {
	struct kg_buf sql;
	struct param *p;
	size_t np, cap;
};

/* Bind v as the next parameter and return its number (?N). */
static size_t add_text(struct sel *q, const char *v)
{
	KG_GROW(q->p, q->np + 1, q->cap);
	q->p[q->np].s = v;
	q->p[q->np].i = 0;
	return ++q->np;
}

static size_t add_int(struct sel *q, long long v)
{
	KG_GROW(q->p, q->np + 1, q->cap);
	q->p[q->np].s = NULL;
	q->p[q->np].i = v;
	return ++q->np;
}

int kg_filter_date_ok(const char *s)
{
	static const char pat[] = "dddd-dd-dd";
	size_t n = strlen(s);

	if (n != 4 && n != 7 && n != 10)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (pat[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
			return 0;
	if (n >= 7 && (strncmp(s + 5, "01", 2) < 0 || strncmp(s + 5, "12", 2) > 0))
		return 0;
	if (n == 10 && (strncmp(s + 8, "01", 2) < 0 || strncmp(s + 8, "31", 2) > 0))
		return 0;
	return 1;
}

/* The modality ranks: the strongest (lowest) wins an edge. */
#define MRANK "CASE e.modality WHEN 'actual' THEN 0 WHEN 'intended' THEN 1" \
	      " WHEN 'considered' THEN 2 ELSE 3 END"

static void build(struct sel *q, const struct kg_filter *f)
{
	struct kg_buf *b = &q->sql;
	int types = f && f->ntypes;
	size_t i, n;

	kg_buf_adds(b, "WITH fe0 AS (SELECT e.id AS id, e.subject_id AS subject_id,"
		    " e.object_id AS object_id, e.cameo AS cameo, e.goldstein AS g, " MRANK " AS mrank,"
		    " coalesce(nullif(e.event_date, ''), nullif(a.published, '')) AS d,"
		    " s.article_id AS art"
		    " FROM events e JOIN sentences s ON s.id = e.sentence_id"
		    " JOIN articles a ON a.id = s.article_id");
	if (types)
		kg_buf_adds(b, " JOIN actors sa ON sa.id = e.subject_id"
			    " JOIN actors oa ON oa.id = e.object_id");
	kg_buf_adds(b, " WHERE e.negated = 0");
	if (f && f->since)
		kg_buf_addf(b, " AND d >= ?%zu", add_text(q, f->since));
	if (f && f->until) {
		n = add_text(q, f->until);
		kg_buf_addf(b, " AND substr(d, 1, length(?%zu)) <= ?%zu", n, n);
	}
	if (f && f->ncameos) {
		kg_buf_adds(b, " AND (");
		for (i = 0; i < f->ncameos; i++) {
			n = add_text(q, f->cameos[i]);
			kg_buf_addf(b, "%ssubstr(e.cameo, 1, length(?%zu)) = ?%zu", i ? " OR " : "", n, n);
		}
		kg_buf_adds(b, ")");
	}
	if (f && f->quads) {
		const char *sep = "";
		kg_buf_adds(b, " AND e.quad_class IN (");
		for (int qc = 0; qc < 32; qc++)
			if (f->quads & (1u << qc)) {
				kg_buf_addf(b, "%s?%zu", sep, add_int(q, qc));
				sep = ", ";
			}
		kg_buf_adds(b, ")");
	}
	if (types) {
		struct kg_buf in = KG_BUF_INIT;
		for (i = 0; i < f->ntypes; i++)
			kg_buf_addf(&in, "%s?%zu", i ? ", " : "", add_text(q, f->types[i]));
		kg_buf_addf(b, " AND (sa.type IN (%s) OR oa.type IN (%s))", in.s, in.s);
		kg_buf_release(&in);
	}
	if (f && f->narticles) {
		kg_buf_adds(b, " AND (");
		for (i = 0; i < f->narticles; i++) {
			n = add_text(q, f->articles[i]);
			kg_buf_addf(b, "%sa.id = ?%zu OR a.ext_id = ?%zu", i ? " OR " : "", n, n);
		}
		kg_buf_adds(b, ")");
	}
	kg_buf_adds(b, ")");

	if (f && f->nactors) {
		kg_buf_adds(b, ", seed(id) AS (SELECT id FROM actors WHERE ");
		for (i = 0; i < f->nactors; i++) {
			n = add_text(q, f->actors[i]);
			kg_buf_addf(b, "%sname = ?%zu COLLATE NOCASE OR code = ?%zu COLLATE NOCASE",
				    i ? " OR " : "", n, n);
		}
		kg_buf_addf(b, "), ego(id, hop) AS (SELECT id, 0 FROM seed UNION"
			    " SELECT CASE WHEN f.subject_id = ego.id THEN f.object_id ELSE f.subject_id END,"
			    " ego.hop + 1 FROM ego JOIN fe0 f ON f.subject_id = ego.id OR f.object_id = ego.id"
			    " WHERE ego.hop < ?%zu),"
			    " egon(id) AS (SELECT DISTINCT id FROM ego),"
			    " fe AS MATERIALIZED (SELECT * FROM fe0 WHERE subject_id IN egon AND object_id IN egon)",
			    add_int(q, f->depth > 0 ? f->depth : 1));
	} else {
		kg_buf_adds(b, ", fe AS MATERIALIZED (SELECT * FROM fe0)");
	}
	/* first: the earliest event of the strongest modality, packed with its
	 * rank so that one min() finds both. */
	kg_buf_addf(b, ", ed AS (SELECT subject_id, object_id, cameo, count(*) AS n,"
		    " count(DISTINCT art) AS na, avg(g) AS g, min(d) AS d0, max(d) AS d1,"
		    " min(mrank * 1099511627776 + id) AS first"
		    " FROM fe GROUP BY subject_id, object_id, cameo HAVING count(*) >= ?%zu)",
		    add_int(q, f && f->min_weight > 0 ? f->min_weight : 1));
	kg_buf_adds(b, ", edr AS (SELECT ed.*, row_number() OVER (ORDER BY n DESC, sa.name, sa.code,"
		    " oa.name, oa.code, ed.cameo) AS rk FROM ed JOIN actors sa ON sa.id = ed.subject_id"
		    " JOIN actors oa ON oa.id = ed.object_id)");
	n = add_int(q, f && f->top > 0 ? f->top : 0);
	kg_buf_addf(b, ", sel AS MATERIALIZED (SELECT * FROM edr WHERE ?%zu <= 0 OR rk <= ?%zu) ", n, n);
}

static int prepare(struct kg_store *st, const struct kg_filter *f, const char *tail,
		   sqlite3_stmt **out)
{
	struct sel q = {KG_BUF_INIT, NULL, 0, 0};
	sqlite3 *db = kg_store_db(st);
	int ret = 0;

	build(&q, f);
	kg_buf_adds(&q.sql, tail);
	if (sqlite3_prepare_v2(db, q.sql.s, -1, out, NULL) != SQLITE_OK) {
		ret = kg_error("%s: cannot read the graph: %s", kg_store_path(st), sqlite3_errmsg(db));
		goto out;
	}
	for (size_t i = 0; i < q.np; i++) {
		if (q.p[i].s)
			sqlite3_bind_text(*out, (int)i + 1, q.p[i].s, -1, SQLITE_STATIC);
		else
			sqlite3_bind_int64(*out, (int)i + 1, q.p[i].i);
	}
out:
	kg_buf_release(&q.sql);
	free(q.p);
	return ret;
}

static const char *text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

/* Columns i..i+3: name, code, type, country. */
static void actor(sqlite3_stmt *s, int i, struct kg_actor *a)
{
	int t;

	a->name = text(s, i);
	a->code = text(s, i + 1);
	t = text(s, i + 2) ? kg_actor_type_parse(text(s, i + 2)) : -1;
	a->type = t < 0 ? KG_ACTOR_UNKNOWN : (enum kg_actor_type)t;
	a->country = text(s, i + 3);
}

/* Step s to the end, handing each row to row(); returns what fn returned,
 * or -1 on an SQL error. */
struct cb {
	kg_edge_fn edge;
	kg_node_fn node;
	kg_edge_triple_fn triple;
	void *ctx;
};

static int each(struct kg_store *st, sqlite3_stmt *s, int (*row)(sqlite3_stmt *, const struct cb *),
		const struct cb *cb)
{
	int rc, ret = 0;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if ((ret = row(s, cb)))
			break;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = kg_error("%s: cannot read the graph: %s", kg_store_path(st),
			       sqlite3_errmsg(kg_store_db(st)));
	sqlite3_finalize(s);
	return ret;
}

static int edge_row(sqlite3_stmt *s, const struct cb *cb)
{
	static const char *const mod[] = {"actual", "intended", "considered", "possible"};
	struct kg_edge e = {0};
	int m;

	e.rank = sqlite3_column_int64(s, 0);
	e.subject_id = sqlite3_column_int64(s, 1);
	actor(s, 2, &e.subject);
	e.object_id = sqlite3_column_int64(s, 6);
	actor(s, 7, &e.object);
	e.predicate = text(s, 11);
	e.cameo = text(s, 12);
	e.quad_class = sqlite3_column_int(s, 13);
	e.goldstein = sqlite3_column_double(s, 14);
	m = sqlite3_column_int(s, 15);
	e.modality = mod[m >= 0 && m <= 3 ? m : 3];
	e.mentions = sqlite3_column_int64(s, 16);
	e.sentence = text(s, 17);
	e.article = text(s, 18);
	e.url = text(s, 19);
	e.articles = sqlite3_column_int64(s, 20);
	e.first_date = text(s, 21);
	e.last_date = text(s, 22);
	return cb->edge(&e, cb->ctx);
}

int kg_store_graph_edges(struct kg_store *st, const struct kg_filter *f, kg_edge_fn fn, void *ctx)
{
	static const char tail[] =
		"SELECT sel.rk, sa.id, sa.name, sa.code, sa.type, sa.country,"
		" oa.id, oa.name, oa.code, oa.type, oa.country,"
		" e.predicate, sel.cameo, e.quad_class,"
		" sel.g,"
		" sel.first >> 40, sel.n, s.text, coalesce(a.title, a.ext_id), a.url, sel.na, sel.d0, sel.d1"
		" FROM sel JOIN actors sa ON sa.id = sel.subject_id JOIN actors oa ON oa.id = sel.object_id"
		" JOIN events e ON e.id = (sel.first & 1099511627775)"
		" JOIN sentences s ON s.id = e.sentence_id JOIN articles a ON a.id = s.article_id"
		" ORDER BY sel.rk";
	struct cb cb = {fn, NULL, NULL, ctx};
	sqlite3_stmt *s;

	if (prepare(st, f, tail, &s) < 0)
		return -1;
	return each(st, s, edge_row, &cb);
}

int kg_store_edges(struct kg_store *st, kg_edge_fn fn, void *ctx)
{
	return kg_store_graph_edges(st, NULL, fn, ctx);
}

static int node_row(sqlite3_stmt *s, const struct cb *cb)
{
	struct kg_node n = {0};

	n.id = sqlite3_column_int64(s, 0);
	actor(s, 1, &n.actor);
	n.degree = sqlite3_column_int64(s, 5);
	n.mentions = sqlite3_column_int64(s, 6);
	return cb->node(&n, cb->ctx);
}

int kg_store_graph_nodes(struct kg_store *st, const struct kg_filter *f, kg_node_fn fn, void *ctx)
{
	static const char tail[] =
		"SELECT a.id, a.name, a.code, a.type, a.country, count(*), sum(x.n)"
		" FROM (SELECT subject_id AS id, n FROM sel UNION ALL"
		"       SELECT object_id, n FROM sel WHERE object_id != subject_id) x"
		" JOIN actors a ON a.id = x.id GROUP BY a.id ORDER BY a.name, a.code, a.id";
	struct cb cb = {NULL, fn, NULL, ctx};
	sqlite3_stmt *s;

	if (prepare(st, f, tail, &s) < 0)
		return -1;
	return each(st, s, node_row, &cb);
}

static int triple_row(sqlite3_stmt *s, const struct cb *cb)
{
	struct kg_edge_triple t = {0};

	t.edge = sqlite3_column_int64(s, 0);
	t.id = sqlite3_column_int64(s, 1);
	actor(s, 2, &t.subject);
	actor(s, 6, &t.object);
	t.predicate = text(s, 10);
	t.cameo = text(s, 11);
	t.quad_class = sqlite3_column_int(s, 12);
	t.goldstein = sqlite3_column_double(s, 13);
	t.modality = text(s, 14);
	t.reported = sqlite3_column_int(s, 15);
	t.date = text(s, 16);
	t.location = text(s, 17);
	t.attribution = text(s, 18);
	t.confidence = sqlite3_column_double(s, 19);
	t.sentence = text(s, 20);
	t.seq = sqlite3_column_int(s, 21);
	t.article_id = sqlite3_column_int64(s, 22);
	t.ext_id = text(s, 23);
	t.title = text(s, 24);
	t.url = text(s, 25);
	t.source = text(s, 26);
	t.published = text(s, 27);
	t.ingested_at = text(s, 28);
	return cb->triple(&t, cb->ctx);
}

int kg_store_graph_triples(struct kg_store *st, const struct kg_filter *f,
			   kg_edge_triple_fn fn, void *ctx)
{
	static const char tail[] =
		"SELECT sel.rk, e.id, sa.name, sa.code, sa.type, sa.country,"
		" oa.name, oa.code, oa.type, oa.country,"
		" e.predicate, e.cameo, e.quad_class, e.goldstein, e.modality, e.reported,"
		" coalesce(nullif(e.event_date, ''), nullif(a.published, '')),"
		" e.location, e.attribution, e.confidence, s.text, s.seq,"
		" a.id, a.ext_id, a.title, a.url, a.source, a.published, a.ingested_at"
		" FROM sel JOIN events e ON e.subject_id = sel.subject_id AND e.object_id = sel.object_id"
		" AND +e.cameo = sel.cameo AND +e.id IN (SELECT id FROM fe)"
		" JOIN sentences s ON s.id = e.sentence_id"
		" JOIN articles a ON a.id = s.article_id"
		" JOIN actors sa ON sa.id = e.subject_id JOIN actors oa ON oa.id = e.object_id"
		" ORDER BY sel.rk, e.id";
	struct cb cb = {NULL, NULL, fn, ctx};
	sqlite3_stmt *s;

	if (prepare(st, f, tail, &s) < 0)
		return -1;
	return each(st, s, triple_row, &cb);
}
