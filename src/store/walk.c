/*
 * walk.c: breadth-first walks over the graph of distinct events, for
 * `neighbors --depth` and `path`.  Done in C rather than a recursive CTE:
 * each actor is expanded once (one indexed query), so the work is bounded
 * by the edges reached, and max_nodes bounds it further on dense graphs.
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "store/store.h"

/* Actor id -> position in the walk; open addressing, ids are >= 1. */
struct seen {
	sqlite3_int64 *key;
	size_t *pos;
	size_t n, cap;
};

static size_t slot(const struct seen *h, sqlite3_int64 k)
{
	size_t i = (size_t)((unsigned long long)k * 0x9E3779B97F4A7C15ULL) & (h->cap - 1);

	while (h->key[i] && h->key[i] != k)
		i = (i + 1) & (h->cap - 1);
	return i;
}

static void seen_put(struct seen *h, sqlite3_int64 k, size_t pos)
{
	size_t i;

	if ((h->n + 1) * 2 > h->cap) {
		struct seen old = *h;
		h->cap = old.cap ? old.cap * 2 : 256;
		h->key = kg_xcalloc(h->cap, sizeof *h->key);
		h->pos = kg_xcalloc(h->cap, sizeof *h->pos);
		h->n = 0;
		for (i = 0; i < old.cap; i++)
			if (old.key[i])
				seen_put(h, old.key[i], old.pos[i]);
		free(old.key);
		free(old.pos);
	}
	i = slot(h, k);
	if (!h->key[i]) {
		h->key[i] = k;
		h->n++;
	}
	h->pos[i] = pos;
}

static long seen_get(const struct seen *h, sqlite3_int64 k)
{
	size_t i;

	if (!h->cap)
		return -1;
	i = slot(h, k);
	return h->key[i] ? (long)h->pos[i] : -1;
}

static void push(struct kg_walk *w, sqlite3_int64 id, sqlite3_int64 via, int depth)
{
	if (w->n + 1 > w->cap) {
		w->cap = w->cap ? w->cap * 2 : 64;
		w->id = kg_xrealloc(w->id, w->cap * sizeof *w->id);
		w->via = kg_xrealloc(w->via, w->cap * sizeof *w->via);
		w->depth = kg_xrealloc(w->depth, w->cap * sizeof *w->depth);
	}
	w->id[w->n] = id;
	w->via[w->n] = via;
	w->depth[w->n++] = depth;
}

static int member(const sqlite3_int64 *v, size_t n, sqlite3_int64 id)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == id)
			return 1;
	return 0;
}

/* Keep only the chain that ends at position end, start first. */
static void keep_path(struct kg_walk *w, const struct seen *h, size_t end)
{
	struct kg_walk p = {0};
	long i;
	size_t k;

	for (i = (long)end; i >= 0; i = w->via[i] ? seen_get(h, w->via[i]) : -1)
		push(&p, w->id[i], w->via[i], w->depth[i]);
	for (k = 0; k < p.n / 2; k++) {	/* reverse: start first */
		size_t j = p.n - 1 - k;
		sqlite3_int64 t = p.id[k]; p.id[k] = p.id[j]; p.id[j] = t;
		t = p.via[k]; p.via[k] = p.via[j]; p.via[j] = t;
		int d = p.depth[k]; p.depth[k] = p.depth[j]; p.depth[j] = d;
	}
	p.truncated = w->truncated;
	kg_walk_release(w);
	*w = p;
}

int kg_store_walk(struct kg_store *st, const sqlite3_int64 *from, size_t nfrom,
		  const sqlite3_int64 *to, size_t nto, int max_depth, size_t max_nodes,
		  struct kg_walk *w)
{
	static const char sql[] =
		"SELECT object_id FROM unique_events WHERE subject_id = ?1"
		" UNION SELECT subject_id FROM unique_events WHERE object_id = ?1";
	struct seen h = {0};
	sqlite3_stmt *s = NULL;
	size_t head, i;
	long found = -1;
	int rc, ret = -1;

	memset(w, 0, sizeof *w);
	if (sqlite3_prepare_v2(kg_store_db(st), sql, -1, &s, NULL) != SQLITE_OK) {
		kg_error("%s: cannot walk the graph: %s", kg_store_path(st),
			 sqlite3_errmsg(kg_store_db(st)));
		goto out;
	}
	for (i = 0; i < nfrom; i++) {
		if (seen_get(&h, from[i]) >= 0)
			continue;
		seen_put(&h, from[i], w->n);
		push(w, from[i], 0, 0);
		if (to && found < 0 && member(to, nto, from[i]))
			found = (long)w->n - 1;
	}
	for (head = 0; head < w->n && found < 0 && !w->truncated; head++) {
		sqlite3_int64 id = w->id[head];
		int d = w->depth[head];

		if (d >= max_depth)
			break;	/* breadth-first: every later one is as deep */
		sqlite3_reset(s);
		sqlite3_bind_int64(s, 1, id);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			sqlite3_int64 nb = sqlite3_column_int64(s, 0);

			if (seen_get(&h, nb) >= 0)
				continue;
			if (max_nodes && w->n >= max_nodes) {
				w->truncated = 1;
				break;
			}
			seen_put(&h, nb, w->n);
			push(w, nb, id, d + 1);
			if (to && member(to, nto, nb)) {
				found = (long)w->n - 1;
				break;
			}
		}
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			kg_error("%s: cannot walk the graph: %s", kg_store_path(st),
				 sqlite3_errmsg(kg_store_db(st)));
			goto out;
		}
	}
	if (to) {
		if (found >= 0)
			keep_path(w, &h, (size_t)found);
		else
			w->n = 0;
	}
	ret = 0;
out:
	sqlite3_finalize(s);
	free(h.key);
	free(h.pos);
	if (ret < 0)
		kg_walk_release(w);
	return ret;
}

void kg_walk_release(struct kg_walk *w)
{
	if (!w)
		return;
	free(w->id);
	free(w->via);
	free(w->depth);
	memset(w, 0, sizeof *w);
}
