/*
 * store.c: open, migrate and write the SQLite store.
 *
 * Statements used per article are prepared once and kept in the handle
 * (the SQL sits in stmt_sql[]).  Writes happen inside the caller's
 * transaction (ingest: a batch, one savepoint per article); new sentences
 * enter the full-text index when it commits.
 *
 * Deduplication: events holds one row per mention (its provenance),
 * unique_events one row per (subject, object, CAMEO code, date) and
 * edge_weights one per (subject, object, CAMEO root), with the counts
 * mentions/articles/sources kept right here, on insert and on removal
 * (ingest --reextract), without recounting the tables.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/embed.h"
#include "base/err.h"
#include "store/checkpoint.h"
#include "store/store.h"

enum {
	ST_FIND_ARTICLE,
	ST_ADD_ARTICLE,
	ST_ADD_SENTENCE,
	ST_FIND_ACTOR,
	ST_ADD_ACTOR,
	ST_ADD_ALIAS,
	ST_ADD_MENTION,
	ST_ADD_UNIQUE,
	ST_ADD_EVENT,
	ST_ADD_SOURCE,
	ST_ADD_FACT,
	ST_ARTICLE_EVENTS,
	ST_DROP_SOURCE,
	ST_DEL_SOURCE,
	ST_UNCOUNT,
	ST_DEL_UNIQUE,
	ST_DEL_SENTENCES,
	ST_GET_ARTICLE,
	ST_ADD_EDGE,
	ST_EDGE_ADD_SOURCE,
	ST_EDGE_DROP_SOURCE,
	ST_EDGE_DEL_SOURCE,
	ST_EDGE_UNCOUNT,
	ST_EDGE_UNCOUNT_ARTICLE,
	ST_DEL_EDGE,
	ST_N
};

static const char *const stmt_sql[ST_N] = {
	[ST_FIND_ARTICLE] = "SELECT id FROM articles WHERE hash = ?1",
	[ST_ADD_ARTICLE] = "INSERT INTO articles (ext_id, title, source, url, published, hash, text)"
			   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[ST_ADD_SENTENCE] = "INSERT INTO sentences (article_id, seq, start, end, text, char_start, char_end)"
			    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[ST_FIND_ACTOR] = "SELECT id FROM actors WHERE name = ?1 AND code = ?2",
	[ST_ADD_ACTOR] = "INSERT INTO actors (name, code, type, country, resolved)"
			 " VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_ADD_ALIAS] = "INSERT OR IGNORE INTO actor_aliases (alias, actor_id) VALUES (?1, ?2)",
	[ST_ADD_MENTION] = "INSERT INTO mentions (sentence_id, actor_id, start, end, char_start, char_end)"
			   " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	/* One statement finds or creates the distinct event and counts the
	 * mention: no SELECT per row. */
	[ST_ADD_UNIQUE] = "INSERT INTO unique_events (subject_id, object_id, cameo, event_date,"
			  " predicate, quad_class, goldstein, mentions, articles, sources)"
			  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9 IS NOT NULL)"
			  " ON CONFLICT (subject_id, object_id, cameo, event_date)"
			  " DO UPDATE SET mentions = mentions + excluded.mentions, articles = articles + 1,"
			  " sources = sources + (?9 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM unique_event_sources"
			  "  WHERE unique_event_id = unique_events.id AND source = ?9))"
			  " RETURNING id, mentions",
	[ST_ADD_EVENT] = "INSERT INTO events (sentence_id, subject_id, object_id, against_id,"
			 " predicate, cameo, quad_class, goldstein, modality, negated, reported,"
			 " event_date, location, attribution, confidence, unique_event_id)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
	[ST_ADD_SOURCE] = "INSERT INTO unique_event_sources (unique_event_id, source, articles)"
			  " VALUES (?1, ?2, 1) ON CONFLICT (unique_event_id, source)"
			  " DO UPDATE SET articles = articles + 1 RETURNING articles",
	[ST_ADD_FACT] = "INSERT INTO facts (sentence_id, subject_id, relation, value, object_id)"
			" VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_ARTICLE_EVENTS] = "SELECT e.unique_event_id, count(*), total(e.goldstein),"
			      " sum(e.modality = 'actual' AND NOT e.negated),"
			      " u.subject_id, u.object_id, substr(u.cameo, 1, 2) FROM sentences s"
			      " JOIN events e ON e.sentence_id = s.id"
			      " JOIN unique_events u ON u.id = e.unique_event_id"
			      " WHERE s.article_id = ?1 GROUP BY e.unique_event_id",
	[ST_DROP_SOURCE] = "UPDATE unique_event_sources SET articles = articles - 1"
			   " WHERE unique_event_id = ?1 AND source = ?2 RETURNING articles",
	[ST_DEL_SOURCE] = "DELETE FROM unique_event_sources"
			  " WHERE unique_event_id = ?1 AND source = ?2 AND articles <= 0",
	[ST_UNCOUNT] = "UPDATE unique_events SET mentions = mentions - ?2, articles = articles - 1,"
		       " sources = sources - ?3 WHERE id = ?1 RETURNING mentions",
	[ST_DEL_UNIQUE] = "DELETE FROM unique_events WHERE id = ?1 AND mentions <= 0",
	[ST_DEL_SENTENCES] = "DELETE FROM sentences WHERE article_id = ?1",
	[ST_GET_ARTICLE] = "SELECT ext_id, title, published, source, url, text FROM articles"
			   " WHERE id = ?1",
	/* One row per edge an article reports, its mentions summed in memory
	 * (add_derived): ?4 distinct events it started, ?8/?9 its date span
	 * (NULL when undated), ?10 the source.  min() of a NULL is NULL,
	 * hence the coalesce: the dates span dated events. */
	[ST_ADD_EDGE] = "INSERT INTO edge_weights (subject_id, object_id, root, events, mentions,"
			" goldstein_sum, actual, first_date, last_date, articles, sources)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10 IS NOT NULL)"
			" ON CONFLICT (subject_id, object_id, root) DO UPDATE SET"
			" events = events + excluded.events, mentions = mentions + excluded.mentions,"
			" goldstein_sum = goldstein_sum + excluded.goldstein_sum,"
			" actual = actual + excluded.actual,"
			" first_date = coalesce(min(first_date, excluded.first_date), first_date, excluded.first_date),"
			" last_date = coalesce(max(last_date, excluded.last_date), last_date, excluded.last_date),"
			" articles = articles + 1,"
			" sources = sources + (?10 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM edge_weight_sources"
			"  WHERE edge_id = edge_weights.id AND source = ?10))"
			" RETURNING id",
	[ST_EDGE_ADD_SOURCE] = "INSERT INTO edge_weight_sources (edge_id, source, articles)"
			       " VALUES (?1, ?2, 1) ON CONFLICT (edge_id, source)"
			       " DO UPDATE SET articles = articles + 1 RETURNING articles",
	[ST_EDGE_DROP_SOURCE] = "UPDATE edge_weight_sources SET articles = articles - 1"
				" WHERE edge_id = ?1 AND source = ?2 RETURNING articles",
	[ST_EDGE_DEL_SOURCE] = "DELETE FROM edge_weight_sources"
			       " WHERE edge_id = ?1 AND source = ?2 AND articles <= 0",
	[ST_EDGE_UNCOUNT] = "UPDATE edge_weights SET mentions = mentions - ?4, goldstein_sum = goldstein_sum - ?5,"
			    " actual = actual - ?6, events = events - ?7"
			    " WHERE subject_id = ?1 AND object_id = ?2 AND root = ?3 RETURNING id",
	[ST_EDGE_UNCOUNT_ARTICLE] = "UPDATE edge_weights SET articles = articles - 1, sources = sources - ?2,"
				    " first_date = (SELECT min(nullif(u.event_date, '')) FROM unique_events u"
				    "  WHERE u.subject_id = edge_weights.subject_id"
				    "  AND u.object_id = edge_weights.object_id AND substr(u.cameo, 1, 2) = root),"
				    " last_date = (SELECT max(nullif(u.event_date, '')) FROM unique_events u"
				    "  WHERE u.subject_id = edge_weights.subject_id"
				    "  AND u.object_id = edge_weights.object_id AND substr(u.cameo, 1, 2) = root)"
				    " WHERE id = ?1 RETURNING mentions",
	[ST_DEL_EDGE] = "DELETE FROM edge_weights WHERE id = ?1 AND mentions <= 0",
};

struct kg_store {
	sqlite3 *db;
	char *path;
	unsigned flags;
	int ready;		/* opened and migrated */
	sqlite3_int64 fts_lo;	/* first sentence added in this transaction, 0: none */
	long added;		/* articles added or re-coded through this handle */
	sqlite3_stmt *stmt[ST_N];
	sqlite3_int64 *sent_ids;
	size_t *sent_chars;
	size_t sent_cap;
	struct trip *trips;	/* the triples of the article being added */
	size_t trip_cap;
	sqlite3_int64 *eids;	/* and its edges */
	size_t neids, eid_cap;
	char *art_str[6];	/* the article loaded by kg_store_article_load */
	struct actor_cache {	/* (name, code) -> actors.id, committed or not */
		char **key;	/* "name\037code", owned */
		sqlite3_int64 *id;
		size_t n, cap;
	} actors;
	char origin[64];
	struct kg_ckpt *ck;	/* KG_STORE_APPEND: the background checkpointer */
};

static void cache_clear(struct actor_cache *c);

sqlite3 *kg_store_db(struct kg_store *st)
{
	return st->db;
}

const char *kg_store_path(const struct kg_store *st)
{
	return st->path;
}

static int db_error(struct kg_store *st, const char *what)
{
	return kg_error("%s: %s: %s", st->path, what, sqlite3_errmsg(st->db));
}

static int exec(struct kg_store *st, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		kg_error("%s: %s", st->path, msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int user_version(struct kg_store *st, int *v)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK)
		return db_error(st, "cannot read schema version");
	rc = sqlite3_step(s);
	*v = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : db_error(st, "cannot read schema version");
}

/* The embedded migrations, in order: schema/001-*.sql, 002-... */
static const struct kg_embedded *migration(int n)
{
	const struct kg_embedded *e;
	char prefix[32];

	snprintf(prefix, sizeof prefix, "schema/%03d-", n);
	for (e = kg_embedded; e->path; e++)
		if (!strncmp(e->path, prefix, strlen(prefix)))
			return e;
	return NULL;
}

static int latest_version(void)
{
	int n = 0;

	while (migration(n + 1))
		n++;
	return n;
}

int kg_store_schema_version(void)
{
	return latest_version();
}

/* Is this file a kgraph store (or empty, so we may make it one)? */
static int is_ours(struct kg_store *st, int version)
{
	sqlite3_stmt *s;
	int n = 0, ours = 0;

	if (sqlite3_prepare_v2(st->db, "SELECT count(*), sum(name = 'articles' AND type = 'table')"
			       " FROM sqlite_master", -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW) {
		n = sqlite3_column_int(s, 0);
		ours = sqlite3_column_int(s, 1);
	} else {
		sqlite3_finalize(s);
		return -1;
	}
	sqlite3_finalize(s);
	if (n == 0 && version == 0)
		return 1;
	return ours && version > 0;
}

/* How long to wait for another writer; KGRAPH_BUSY_TIMEOUT (ms) lets
 * tests wait less. */
static int busy_ms(void)
{
	const char *e = getenv("KGRAPH_BUSY_TIMEOUT");

	return e && *e ? atoi(e) : 10000;
}

/* Switching a new store to WAL needs an exclusive lock, and SQLite does not
 * call the busy handler for it when another kgraph is opening the same new
 * file ("database is locked" at once): retry for the busy timeout. */
static int set_wal(struct kg_store *st)
{
	int rc, waited = 0;

	while ((rc = sqlite3_exec(st->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL)) != SQLITE_OK &&
	       (rc & 0xff) == SQLITE_BUSY && waited < busy_ms()) {
		sqlite3_sleep(10);
		waited += 10;
	}
	return rc == SQLITE_OK ? 0 : db_error(st, "cannot switch to WAL");
}

/* The schema version and is_ours() from one snapshot: another kgraph may
 * be creating the store right now.  1 ours, 0 not, -1 error. */
static int check_file(struct kg_store *st, int *v)
{
	int ours;

	if (exec(st, "BEGIN") < 0)
		return -1;
	ours = user_version(st, v) < 0 ? -1 : is_ours(st, *v);
	sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	return ours;
}

static int migrate(struct kg_store *st)
{
	int v, now, latest = latest_version(), ours;

	if ((ours = check_file(st, &v)) < 0)
		return db_error(st, "not a database");
	if (!ours)
		return kg_error("%s: not a kgraph database (refusing to touch it)", st->path);
	if (v > latest)
		return kg_error("%s: database schema version %d is newer than this kgraph (%d): upgrade kgraph",
				st->path, v, latest);
	if (v == latest)
		return 0;
	if (st->flags & KG_STORE_READONLY)
		return kg_error("%s: database schema version %d is older than %d: run an ingest to upgrade it",
				st->path, v, latest);
	while (v < latest) {
		const struct kg_embedded *m = migration(v + 1);
		char *pragma;

		if (exec(st, "BEGIN IMMEDIATE") < 0)
			return -1;
		/* Another kgraph may have migrated while we waited for the lock. */
		if (user_version(st, &now) < 0 || now > v) {
			exec(st, "ROLLBACK");
			if (now <= v)
				return -1;
			v = now;
			continue;
		}
		pragma = sqlite3_mprintf("PRAGMA user_version = %d", v + 1);
		if (exec(st, m->data) < 0 || exec(st, pragma) < 0) {
			sqlite3_free(pragma);
			exec(st, "ROLLBACK");
			return kg_error("%s: migration %s failed", st->path, m->path);
		}
		sqlite3_free(pragma);
		if (exec(st, "COMMIT") < 0)
			return -1;
		v++;
	}
	return 0;
}

int kg_store_open(const char *path, unsigned flags, struct kg_store **out)
{
	struct kg_store *st = kg_xcalloc(1, sizeof *st);
	int oflags = (flags & KG_STORE_READONLY) ? SQLITE_OPEN_READONLY :
		     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

	*out = NULL;
	st->path = kg_xstrdup(path);
	st->flags = flags;
	if (sqlite3_open_v2(path, &st->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		kg_error("%s: cannot open database: %s", path,
			 st->db ? sqlite3_errmsg(st->db) : "out of memory");
		kg_store_close(st);
		return -1;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, busy_ms());
	/* Check the file before anything can write to it: a file that is not
	 * ours must be left exactly as it was. */
	if (!(flags & KG_STORE_APPEND) && exec(st, "PRAGMA foreign_keys = ON") < 0) {
		kg_store_close(st);
		return -1;
	}
	if (!(flags & KG_STORE_READONLY)) {
		int v, ours = 0;
		if ((ours = check_file(st, &v)) <= 0) {
			if (ours <= 0)
				kg_error("%s: not a kgraph database (refusing to touch it)", path);
			kg_store_close(st);
			return -1;
		}
		if (sqlite3_db_readonly(st->db, "main") == 1) {	/* SQLite fell back to read-only */
			kg_error("%s: cannot write to the database: attempt to write a readonly database", path);
			kg_store_close(st);
			return -1;
		}
		if (v > latest_version()) {	/* before WAL: that would change the file */
			kg_error("%s: database schema version %d is newer than this kgraph (%d): upgrade kgraph",
				 path, v, latest_version());
			kg_store_close(st);
			return -1;
		}
		if (set_wal(st) < 0 ||
		    exec(st, "PRAGMA synchronous = NORMAL") < 0 ||
		    /* Batches of articles stay in memory until commit, and the
		     * per-article savepoint journal never touches a file. */
		    exec(st, "PRAGMA cache_size = -65536") < 0 ||
		    exec(st, "PRAGMA temp_store = MEMORY") < 0) {
			kg_store_close(st);
			return -1;
		}
	}
	if (migrate(st) < 0) {
		kg_store_close(st);
		return -1;
	}
	st->ready = 1;
	if ((flags & KG_STORE_APPEND) && *path && strcmp(path, ":memory:"))
		st->ck = kg_ckpt_start(st->db, path, busy_ms());
	*out = st;
	return 0;
}

void kg_store_close(struct kg_store *st)
{
	if (!st)
		return;
	kg_ckpt_stop(st->ck, st->db);
	for (int i = 0; i < ST_N; i++)
		sqlite3_finalize(st->stmt[i]);
	/* Keep the planner's statistics fresh: ANALYZE after a large ingest
	 * (sampling at most 1000 rows per index, so it stays well under a
	 * second on big stores), otherwise the cheap PRAGMA optimize SQLite
	 * recommends at close.  Neither matters for correctness, so errors
	 * are ignored. */
	if (st->db && st->ready && !(st->flags & KG_STORE_READONLY) &&
	    sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, st->added > KG_STORE_ANALYZE_AFTER ?
			     "PRAGMA analysis_limit = 1000; ANALYZE" : "PRAGMA optimize",
			     NULL, NULL, NULL);
	if (st->db)
		sqlite3_close(st->db);
	for (int i = 0; i < 6; i++)
		free(st->art_str[i]);
	free(st->sent_ids);
	free(st->sent_chars);
	free(st->trips);
	free(st->eids);
	cache_clear(&st->actors);
	free(st->path);
	free(st);
}

/* A statement left on a row (a lookup that found something) keeps its read
 * snapshot open after COMMIT; the next BEGIN IMMEDIATE then cannot take the
 * write lock once another process has written, and SQLite answers
 * SQLITE_BUSY at once (no busy wait: it would deadlock).  So reset them all
 * at each transaction's ends. */
static void reset_all(struct kg_store *st)
{
	for (int i = 0; i < ST_N; i++)
		if (st->stmt[i])
			sqlite3_reset(st->stmt[i]);
}

int kg_store_begin(struct kg_store *st)
{
	reset_all(st);
	kg_ckpt_wait(st->ck);
	return exec(st, "BEGIN IMMEDIATE");
}

/* Index the sentences this transaction added, all in one statement.
 * Rows are numbered max(id) + 1 on, so every sentence with id >= fts_lo
 * was added in this transaction (ids freed by --reextract included, which
 * the delete trigger took out of the index first). */
static int index_text(struct kg_store *st)
{
	char *sql;
	int rc;

	if (!st->fts_lo)
		return 0;
	sql = sqlite3_mprintf("INSERT INTO sentences_fts (rowid, text)"
			      " SELECT id, text FROM sentences WHERE id >= %lld",
			      (long long)st->fts_lo);
	rc = exec(st, sql);
	sqlite3_free(sql);
	st->fts_lo = 0;
	return rc;
}

int kg_store_commit(struct kg_store *st)
{
	reset_all(st);
	if (index_text(st) < 0)
		return -1;
	return exec(st, "COMMIT");
}

void kg_store_rollback(struct kg_store *st)
{
	reset_all(st);
	st->fts_lo = 0;
	cache_clear(&st->actors);
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* One article inside a batch transaction: a failed article is undone
 * alone, the batch goes on. */
int kg_store_savepoint(struct kg_store *st)
{
	return exec(st, "SAVEPOINT article");
}

int kg_store_release(struct kg_store *st)
{
	return exec(st, "RELEASE article");
}

int kg_store_rollback_to(struct kg_store *st)
{
	cache_clear(&st->actors);
	if (exec(st, "ROLLBACK TO article") < 0)
		return -1;
	return exec(st, "RELEASE article");
}

/* Two independent 64-bit hashes (FNV-1a and a multiply-xorshift) of the
 * content: the store's identity of an article, not a security measure. */
struct hash {
	unsigned long long h1, h2;
};

static void hash_add(struct hash *h, const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)p[i];
		h->h1 = (h->h1 ^ c) * 1099511628211ULL;
		h->h2 = (h->h2 + c) * 0xFF51AFD7ED558CCDULL;
		h->h2 ^= h->h2 >> 29;
	}
}

void kg_store_hash(const char *text, size_t len, char buf[40])
{
	struct hash h = {1469598103934665603ULL, 0x9E3779B97F4A7C15ULL ^ len};

	hash_add(&h, text, len);
	snprintf(buf, 40, "h1:%016llx%016llx", h.h1, h.h2);
}

/* An article is its text as published by its source: the same wire story
 * at two outlets is two articles (and two sources for its events), the
 * same file ingested twice is one.  Without a source, the text alone. */
static void article_hash(const struct kg_article *a, char buf[40])
{
	struct hash h = {1469598103934665603ULL, 0x9E3779B97F4A7C15ULL ^ a->len};

	if (!a->source || !*a->source) {
		kg_store_hash(a->text, a->len, buf);
		return;
	}
	hash_add(&h, a->source, strlen(a->source));
	hash_add(&h, "", 1);	/* the NUL between source and text */
	hash_add(&h, a->text, a->len);
	snprintf(buf, 40, "h1:%016llx%016llx", h.h1, h.h2);
}

static sqlite3_stmt *stmt(struct kg_store *st, int i)
{
	if (!st->stmt[i] &&
	    sqlite3_prepare_v3(st->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
			       &st->stmt[i], NULL) != SQLITE_OK) {
		db_error(st, "cannot prepare statement");
		return NULL;
	}
	sqlite3_reset(st->stmt[i]);
	sqlite3_clear_bindings(st->stmt[i]);
	return st->stmt[i];
}

/* Run a statement that returns one integer (RETURNING, SELECT); *v is
 * left alone when it returns no row.  Resets it, so nothing stays pending. */
static int step_int(struct kg_store *st, sqlite3_stmt *s, sqlite3_int64 *v, const char *what)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW) {
		*v = sqlite3_column_int64(s, 0);
		rc = sqlite3_step(s);
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : db_error(st, what);
}

/* The same for a row of two integers (RETURNING id, mentions). */
static int step_int2(struct kg_store *st, sqlite3_stmt *s, sqlite3_int64 *a, sqlite3_int64 *b,
		     const char *what)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW) {
		*a = sqlite3_column_int64(s, 0);
		*b = sqlite3_column_int64(s, 1);
		rc = sqlite3_step(s);
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : db_error(st, what);
}

static int step_done(struct kg_store *st, sqlite3_stmt *s, const char *what)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : db_error(st, what);
}

static void bind_text(sqlite3_stmt *s, int i, const char *t)
{
	if (t)
		sqlite3_bind_text(s, i, t, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

/* Characters (code points) in text[0..off), counted on from a cursor so
 * that walking an article's sentences in order is linear. */
struct cursor {
	size_t byte, chr;
};

static size_t char_off(const char *text, size_t off, struct cursor *c)
{
	if (off < c->byte)
		c->byte = c->chr = 0;
	for (; c->byte < off; c->byte++)
		if (((unsigned char)text[c->byte] & 0xC0) != 0x80)
			c->chr++;
	return c->chr;
}

/*
 * Actor ids are looked up in memory first: an article names the same
 * few actors again and again, and a SELECT per mention was a fifth of the
 * ingest time.  The cache may hold ids added in the open transaction, so
 * every rollback empties it.
 */
static size_t cache_slot(const struct actor_cache *c, const char *key, size_t n)
{
	unsigned long long h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)key[i]) * 1099511628211ULL;
	for (i = (size_t)h & (c->cap - 1); c->key[i]; i = (i + 1) & (c->cap - 1))
		if (!strncmp(c->key[i], key, n) && !c->key[i][n])
			break;
	return i;
}

static void cache_clear(struct actor_cache *c)
{
	for (size_t i = 0; i < c->cap; i++)
		free(c->key[i]);
	free(c->key);
	free(c->id);
	memset(c, 0, sizeof *c);
}

static void cache_put(struct actor_cache *c, const char *key, size_t n, sqlite3_int64 id)
{
	size_t i;

	if (c->n + 1 > c->cap / 2) {
		struct actor_cache old = *c;
		if (old.cap >= (1u << 20)) {	/* bound the memory: start over */
			cache_clear(c);
			old = *c;
		}
		c->cap = old.cap ? old.cap * 2 : 1024;
		c->key = kg_xcalloc(c->cap, sizeof *c->key);
		c->id = kg_xcalloc(c->cap, sizeof *c->id);
		c->n = 0;
		for (i = 0; i < old.cap; i++)
			if (old.key[i]) {
				size_t k = cache_slot(c, old.key[i], strlen(old.key[i]));
				c->key[k] = old.key[i];
				c->id[k] = old.id[i];
				c->n++;
			}
		free(old.key);
		free(old.id);
	}
	i = cache_slot(c, key, n);
	if (!c->key[i]) {
		c->key[i] = kg_xstrndup(key, n);
		c->n++;
	}
	c->id[i] = id;
}

/* The id of an actor, added on first sight. */
static sqlite3_int64 actor_id(struct kg_store *st, const struct kg_actor *a, int resolved)
{
	sqlite3_stmt *s;
	const char *code = a->code ? a->code : "";
	sqlite3_int64 id = -1;
	char key[512];
	int n;

	if (!a->name || !*a->name)
		return kg_error("%s: an actor without a name", st->path);
	n = snprintf(key, sizeof key, "%s\037%s", a->name, code);
	if (n > 0 && (size_t)n < sizeof key && st->actors.cap) {
		size_t i = cache_slot(&st->actors, key, (size_t)n);
		if (st->actors.key[i])
			return st->actors.id[i];
	}
	if (!(s = stmt(st, ST_FIND_ACTOR)))
		return -1;
	bind_text(s, 1, a->name);
	bind_text(s, 2, code);
	if (step_int(st, s, &id, "cannot look up actor") < 0)
		return -1;
	if (id < 0) {
		if (!(s = stmt(st, ST_ADD_ACTOR)))
			return -1;
		bind_text(s, 1, a->name);
		bind_text(s, 2, code);
		bind_text(s, 3, kg_actor_type_name(a->type));
		bind_text(s, 4, a->country);
		sqlite3_bind_int(s, 5, resolved);
		if (step_done(st, s, "cannot add actor") < 0)
			return -1;
		id = sqlite3_last_insert_rowid(st->db);
	}
	if (n > 0 && (size_t)n < sizeof key)
		cache_put(&st->actors, key, (size_t)n, id);
	return id;
}

static sqlite3_int64 triple_actor(struct kg_store *st, const struct kg_actor *a)
{
	return actor_id(st, a, a->code && *a->code);
}

static int cmp_id(const void *a, const void *b)
{
	sqlite3_int64 x = *(const sqlite3_int64 *)a, y = *(const sqlite3_int64 *)b;

	return x < y ? -1 : x > y;
}

static int is_date(const char *d)
{
	return d && strlen(d) == 10 && d[4] == '-' && d[7] == '-';
}

/* The reverse, for one id: *gone is set when no article of source
 * reports it any more. */
static int drop_source(struct kg_store *st, sqlite3_int64 id, const char *source,
		       int drop, int del, int *gone)
{
	sqlite3_stmt *s;
	sqlite3_int64 left = -1;

	*gone = 0;
	if (!source)
		return 0;
	if (!(s = stmt(st, drop)))
		return -1;
	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, source);
	if (step_int(st, s, &left, "cannot count source") < 0)
		return -1;
	if (left != 0)
		return 0;
	*gone = 1;
	if (!(s = stmt(st, del)))
		return -1;
	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, source);
	return step_done(st, s, "cannot remove source");
}

/* A triple of the article being added, with its actors and distinct
 * event; sorted by distinct event, by edge, and back to the order given. */
struct trip {
	const struct kg_triple *t;
	size_t i;
	sqlite3_int64 sid, oid, gid, uid;
	int started;		/* first of its group, and the group made the event */
};

static int cmp_ekey(const struct trip *x, const struct trip *y)
{
	if (x->sid != y->sid)
		return x->sid < y->sid ? -1 : 1;
	if (x->oid != y->oid)
		return x->oid < y->oid ? -1 : 1;
	return strncmp(x->t->cameo, y->t->cameo, 2);
}

static int cmp_ukey(const struct trip *x, const struct trip *y)
{
	int c = cmp_ekey(x, y);

	if (!c)
		c = strcmp(x->t->cameo, y->t->cameo);
	if (!c)
		c = strcmp(x->t->event_date, y->t->event_date);
	return c;
}

static int cmp_index(const void *a, const void *b)
{
	const struct trip *x = a, *y = b;

	return x->i < y->i ? -1 : x->i > y->i;
}

static int cmp_unique(const void *a, const void *b)
{
	int c = cmp_ukey(a, b);

	return c ? c : cmp_index(a, b);
}

static int cmp_edge(const void *a, const void *b)
{
	int c = cmp_ekey(a, b);

	return c ? c : cmp_index(a, b);
}

/* Sentences, mentions, facts and events of r, for the stored article art. */
static int named(const struct kg_actor *a)
{
	return a->name && *a->name;
}

int kg_store_check(const struct kg_result *r)
{
	const struct kg_article *a = r->article;
	size_t i;

	if (!a->text)
		return kg_error("%s: an article without text", a->origin);
	for (i = 0; i < r->nsentences; i++) {
		const struct kg_sentence *se = &r->sentences[i];
		if (se->off > a->len || se->len > a->len - se->off)
			return kg_error("%s: sentence %zu lies outside the article", a->origin, i + 1);
	}
	for (i = 0; i < r->nmentions; i++) {
		const struct kg_mention *m = &r->mentions[i];
		if (m->sentence >= r->nsentences || m->off > a->len || m->len > a->len - m->off)
			return kg_error("%s: mention %zu lies outside the article", a->origin, i + 1);
		if (!named(&m->actor))
			return kg_error("%s: mention %zu: an actor without a name", a->origin, i + 1);
	}
	for (i = 0; i < r->nfacts; i++) {
		const struct kg_fact *f = &r->facts[i];
		if (f->sentence >= r->nsentences)
			return kg_error("%s: fact %zu lies outside the article", a->origin, i + 1);
		if (!named(&f->subject) || (f->has_object && !named(&f->object)))
			return kg_error("%s: fact %zu: an actor without a name", a->origin, i + 1);
	}
	for (i = 0; i < r->ntriples; i++) {
		const struct kg_triple *t = &r->triples[i];
		if (t->sentence >= r->nsentences)
			return kg_error("%s: triple %zu lies outside the article", a->origin, i + 1);
		if (t->event_date[0] && !is_date(t->event_date))
			return kg_error("%s: triple %zu: bad event date '%s'", a->origin, i + 1, t->event_date);
		if (!named(&t->subject) || !named(&t->object) || (t->has_against && !named(&t->against)))
			return kg_error("%s: triple %zu: an actor without a name", a->origin, i + 1);
	}
	return 0;
}

static int add_derived(struct kg_store *st, sqlite3_int64 art, const struct kg_result *r)
{
	const struct kg_article *a = r->article;
	const char *source = a->source && *a->source ? a->source : NULL;
	struct cursor cur = {0, 0};
	sqlite3_stmt *s;
	sqlite3_int64 k;
	size_t i, j, q;

	if (r->nsentences > st->sent_cap) {
		st->sent_cap = r->nsentences;
		st->sent_ids = kg_xrealloc(st->sent_ids, st->sent_cap * sizeof *st->sent_ids);
		st->sent_chars = kg_xrealloc(st->sent_chars, st->sent_cap * sizeof *st->sent_chars);
	}
	for (i = 0; i < r->nsentences; i++) {
		const struct kg_sentence *se = &r->sentences[i];
		size_t c0, c1;

		c0 = char_off(a->text, se->off, &cur);
		c1 = char_off(a->text, se->off + se->len, &cur);
		if (!(s = stmt(st, ST_ADD_SENTENCE)))
			return -1;
		sqlite3_bind_int64(s, 1, art);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)i + 1);
		sqlite3_bind_int64(s, 3, (sqlite3_int64)se->off);
		sqlite3_bind_int64(s, 4, (sqlite3_int64)(se->off + se->len));
		sqlite3_bind_text(s, 5, a->text + se->off, (int)se->len, SQLITE_STATIC);
		sqlite3_bind_int64(s, 6, (sqlite3_int64)c0);
		sqlite3_bind_int64(s, 7, (sqlite3_int64)c1);
		if (step_done(st, s, "cannot add sentence") < 0)
			return -1;
		st->sent_ids[i] = sqlite3_last_insert_rowid(st->db);
		st->sent_chars[i] = c0;
		if (!st->fts_lo)
			st->fts_lo = st->sent_ids[i];
	}
	for (i = 0; i < r->nmentions; i++) {
		const struct kg_mention *m = &r->mentions[i];
		sqlite3_int64 id;
		size_t c0, c1;

		if ((id = actor_id(st, &m->actor, m->resolved)) < 0)
			return -1;
		if (m->off < cur.byte) {	/* out of order: restart at its sentence */
			cur.byte = r->sentences[m->sentence].off;
			cur.chr = st->sent_chars[m->sentence];
			if (m->off < cur.byte)
				cur.byte = cur.chr = 0;
		}
		c0 = char_off(a->text, m->off, &cur);
		c1 = char_off(a->text, m->off + m->len, &cur);
		if (!(s = stmt(st, ST_ADD_MENTION)))
			return -1;
		sqlite3_bind_int64(s, 1, st->sent_ids[m->sentence]);
		sqlite3_bind_int64(s, 2, id);
		sqlite3_bind_int64(s, 3, (sqlite3_int64)m->off);
		sqlite3_bind_int64(s, 4, (sqlite3_int64)(m->off + m->len));
		sqlite3_bind_int64(s, 5, (sqlite3_int64)c0);
		sqlite3_bind_int64(s, 6, (sqlite3_int64)c1);
		if (step_done(st, s, "cannot add mention") < 0)
			return -1;
		/* The words the article used for the actor become an alias
		 * (once: the pair is remembered in the actor cache, keyed
		 * "\001id\037words" so it cannot meet an actor's key). */
		if (m->len && (strlen(m->actor.name) != m->len ||
			       memcmp(m->actor.name, a->text + m->off, m->len))) {
			char key[512];
			int n = snprintf(key, sizeof key, "\001%lld\037%.*s", (long long)id,
					 (int)m->len, a->text + m->off);
			int known = 0;

			if (n > 0 && (size_t)n < sizeof key && st->actors.cap)
				known = st->actors.key[cache_slot(&st->actors, key, (size_t)n)] != NULL;
			if (!known) {
				if (!(s = stmt(st, ST_ADD_ALIAS)))
					return -1;
				sqlite3_bind_text(s, 1, a->text + m->off, (int)m->len, SQLITE_STATIC);
				sqlite3_bind_int64(s, 2, id);
				if (step_done(st, s, "cannot add alias") < 0)
					return -1;
				if (n > 0 && (size_t)n < sizeof key)
					cache_put(&st->actors, key, (size_t)n, id);
			}
		}
	}
	for (i = 0; i < r->nfacts; i++) {
		const struct kg_fact *f = &r->facts[i];
		sqlite3_int64 sid, oid = 0;

		if ((sid = triple_actor(st, &f->subject)) < 0 ||
		    (f->has_object && (oid = triple_actor(st, &f->object)) < 0))
			return -1;
		if (!(s = stmt(st, ST_ADD_FACT)))
			return -1;
		sqlite3_bind_int64(s, 1, st->sent_ids[f->sentence]);
		sqlite3_bind_int64(s, 2, sid);
		bind_text(s, 3, f->relation ? f->relation : "");
		bind_text(s, 4, f->value);
		if (f->has_object)
			sqlite3_bind_int64(s, 5, oid);
		if (step_done(st, s, "cannot add fact") < 0)
			return -1;
	}
	/* Triples: the actors in order, then one upsert per distinct event
	 * and per edge of the article (the mentions of each summed here, the
	 * article and its source counted in the same statement), then the
	 * events rows in order. */
	if (r->ntriples > st->trip_cap) {
		st->trip_cap = r->ntriples;
		st->trips = kg_xrealloc(st->trips, st->trip_cap * sizeof *st->trips);
	}
	for (i = 0; i < r->ntriples; i++) {
		const struct kg_triple *t = &r->triples[i];
		struct trip *p = &st->trips[i];

		p->t = t;
		p->i = i;
		p->gid = 0;
		p->started = 0;
		if ((p->sid = triple_actor(st, &t->subject)) < 0 ||
		    (p->oid = triple_actor(st, &t->object)) < 0 ||
		    (t->has_against && (p->gid = triple_actor(st, &t->against)) < 0))
			return -1;
	}
	if (r->ntriples > 1)
		qsort(st->trips, r->ntriples, sizeof *st->trips, cmp_unique);
	for (i = 0; i < r->ntriples; i = j) {
		const struct kg_triple *t = st->trips[i].t;	/* the first stated */
		sqlite3_int64 uid = -1, umentions = 0;

		for (j = i + 1; j < r->ntriples && !cmp_ukey(&st->trips[j], &st->trips[i]); j++)
			;
		if (!(s = stmt(st, ST_ADD_UNIQUE)))
			return -1;
		sqlite3_bind_int64(s, 1, st->trips[i].sid);
		sqlite3_bind_int64(s, 2, st->trips[i].oid);
		bind_text(s, 3, t->cameo);
		bind_text(s, 4, t->event_date);
		bind_text(s, 5, t->predicate ? t->predicate : "");
		sqlite3_bind_int(s, 6, t->quad_class);
		sqlite3_bind_double(s, 7, t->goldstein);
		sqlite3_bind_int64(s, 8, (sqlite3_int64)(j - i));
		bind_text(s, 9, source);
		if (step_int2(st, s, &uid, &umentions, "cannot count event") < 0)
			return -1;
		if (source) {
			if (!(s = stmt(st, ST_ADD_SOURCE)))
				return -1;
			sqlite3_bind_int64(s, 1, uid);
			bind_text(s, 2, source);
			if (step_int(st, s, &k, "cannot count source") < 0)
				return -1;
		}
		st->trips[i].started = umentions == (sqlite3_int64)(j - i);
		for (q = i; q < j; q++)
			st->trips[q].uid = uid;
	}
	if (r->ntriples > 1)
		qsort(st->trips, r->ntriples, sizeof *st->trips, cmp_edge);
	for (i = 0; i < r->ntriples; i = j) {
		const char *first = NULL, *last = NULL;
		sqlite3_int64 events = 0, actual = 0, eid = -1;
		double gsum = 0;

		for (j = i; j < r->ntriples && !cmp_ekey(&st->trips[j], &st->trips[i]); j++) {
			const struct kg_triple *t = st->trips[j].t;

			events += st->trips[j].started;
			gsum += t->goldstein;
			actual += t->modality == KG_MOD_ACTUAL && !t->negated;
			if (t->event_date[0]) {
				if (!first || strcmp(t->event_date, first) < 0)
					first = t->event_date;
				if (!last || strcmp(t->event_date, last) > 0)
					last = t->event_date;
			}
		}
		if (!(s = stmt(st, ST_ADD_EDGE)))
			return -1;
		sqlite3_bind_int64(s, 1, st->trips[i].sid);
		sqlite3_bind_int64(s, 2, st->trips[i].oid);
		sqlite3_bind_text(s, 3, st->trips[i].t->cameo, (int)strnlen(st->trips[i].t->cameo, 2), SQLITE_STATIC);
		sqlite3_bind_int64(s, 4, events);
		sqlite3_bind_int64(s, 5, (sqlite3_int64)(j - i));
		sqlite3_bind_double(s, 6, gsum);
		sqlite3_bind_int64(s, 7, actual);
		bind_text(s, 8, first);
		bind_text(s, 9, last);
		bind_text(s, 10, source);
		if (step_int(st, s, &eid, "cannot weigh edge") < 0)
			return -1;
		if (source) {
			if (!(s = stmt(st, ST_EDGE_ADD_SOURCE)))
				return -1;
			sqlite3_bind_int64(s, 1, eid);
			bind_text(s, 2, source);
			if (step_int(st, s, &k, "cannot count source") < 0)
				return -1;
		}
	}
	if (r->ntriples > 1)
		qsort(st->trips, r->ntriples, sizeof *st->trips, cmp_index);
	for (i = 0; i < r->ntriples; i++) {
		const struct trip *p = &st->trips[i];
		const struct kg_triple *t = p->t;

		if (!(s = stmt(st, ST_ADD_EVENT)))
			return -1;
		sqlite3_bind_int64(s, 1, st->sent_ids[t->sentence]);
		sqlite3_bind_int64(s, 2, p->sid);
		sqlite3_bind_int64(s, 3, p->oid);
		if (t->has_against)
			sqlite3_bind_int64(s, 4, p->gid);
		bind_text(s, 5, t->predicate ? t->predicate : "");
		bind_text(s, 6, t->cameo);
		sqlite3_bind_int(s, 7, t->quad_class);
		sqlite3_bind_double(s, 8, t->goldstein);
		bind_text(s, 9, kg_modality_name(t->modality));
		sqlite3_bind_int(s, 10, t->negated);
		sqlite3_bind_int(s, 11, t->reported);
		bind_text(s, 12, t->event_date[0] ? t->event_date : NULL);
		bind_text(s, 13, t->location);
		bind_text(s, 14, t->attribution);
		sqlite3_bind_double(s, 15, t->confidence);
		sqlite3_bind_int64(s, 16, p->uid);
		if (step_done(st, s, "cannot add event") < 0)
			return -1;
	}
	return 0;
}

int kg_store_add(struct kg_store *st, const struct kg_result *r)
{
	const struct kg_article *a = r->article;
	sqlite3_stmt *s;
	sqlite3_int64 art = -1;
	char hash[40];

	/* Outside a transaction, make one: the full-text index is written
	 * at commit (index_text), and an article is stored whole or not. */
	if (sqlite3_get_autocommit(st->db)) {
		int rc;
		if (kg_store_begin(st) < 0)
			return -1;
		rc = kg_store_add(st, r);
		if (rc < 0 || kg_store_commit(st) < 0) {
			kg_store_rollback(st);
			return -1;
		}
		return rc;
	}

	if (kg_store_check(r) < 0)
		return -1;
	article_hash(a, hash);
	if (!(s = stmt(st, ST_FIND_ARTICLE)))
		return -1;
	bind_text(s, 1, hash);
	if (step_int(st, s, &art, "cannot look up article") < 0)
		return -1;
	if (art >= 0)
		return 0;
	if (!(s = stmt(st, ST_ADD_ARTICLE)))
		return -1;
	bind_text(s, 1, a->id);
	bind_text(s, 2, a->title);
	bind_text(s, 3, a->source);
	bind_text(s, 4, a->url);
	bind_text(s, 5, a->date);
	bind_text(s, 6, hash);
	sqlite3_bind_text(s, 7, a->text, (int)a->len, SQLITE_STATIC);
	if (step_done(st, s, "cannot add article") < 0)
		return -1;
	art = sqlite3_last_insert_rowid(st->db);
	if (add_derived(st, art, r) < 0)
		return -1;
	st->added++;
	return 1;
}

/* Remove what coding produced for article art (sentences, mentions,
 * events, facts, full-text rows), taking its share out of the counts of
 * the distinct events and edges it reported; an event or edge no article
 * reports any more goes. */
static int drop_derived(struct kg_store *st, sqlite3_int64 art, const char *source)
{
	struct gone {
		sqlite3_int64 uid, n, actual, subject, object;
		double goldstein;
		char root[4];
	} *g = NULL;
	size_t ng = 0, cap = 0, i, j;
	sqlite3_stmt *s;
	int rc, ret = -1, src_gone;

	if (!(s = stmt(st, ST_ARTICLE_EVENTS)))
		return -1;
	sqlite3_bind_int64(s, 1, art);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *root = (const char *)sqlite3_column_text(s, 6);
		KG_GROW(g, ng + 1, cap);
		g[ng].uid = sqlite3_column_int64(s, 0);
		g[ng].n = sqlite3_column_int64(s, 1);
		g[ng].goldstein = sqlite3_column_double(s, 2);
		g[ng].actual = sqlite3_column_int64(s, 3);
		g[ng].subject = sqlite3_column_int64(s, 4);
		g[ng].object = sqlite3_column_int64(s, 5);
		snprintf(g[ng++].root, sizeof g->root, "%s", root ? root : "");
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		db_error(st, "cannot read events");
		goto out;
	}
	if (!(s = stmt(st, ST_DEL_SENTENCES)))
		goto out;
	sqlite3_bind_int64(s, 1, art);
	if (step_done(st, s, "cannot remove sentences") < 0)
		goto out;
	st->neids = 0;
	for (i = 0; i < ng; i++) {
		sqlite3_int64 mentions = 0, eid = -1;

		if (drop_source(st, g[i].uid, source, ST_DROP_SOURCE, ST_DEL_SOURCE, &src_gone) < 0 ||
		    !(s = stmt(st, ST_UNCOUNT)))
			goto out;
		sqlite3_bind_int64(s, 1, g[i].uid);
		sqlite3_bind_int64(s, 2, g[i].n);
		sqlite3_bind_int(s, 3, src_gone);
		if (step_int(st, s, &mentions, "cannot count event") < 0)
			goto out;
		if (mentions <= 0) {
			if (!(s = stmt(st, ST_DEL_UNIQUE)))
				goto out;
			sqlite3_bind_int64(s, 1, g[i].uid);
			if (step_done(st, s, "cannot remove event") < 0)
				goto out;
		}
		if (!(s = stmt(st, ST_EDGE_UNCOUNT)))
			goto out;
		sqlite3_bind_int64(s, 1, g[i].subject);
		sqlite3_bind_int64(s, 2, g[i].object);
		bind_text(s, 3, g[i].root);
		sqlite3_bind_int64(s, 4, g[i].n);
		sqlite3_bind_double(s, 5, g[i].goldstein);
		sqlite3_bind_int64(s, 6, g[i].actual);
		sqlite3_bind_int(s, 7, mentions <= 0);
		if (step_int(st, s, &eid, "cannot weigh edge") < 0)
			goto out;
		if (eid < 0) {
			kg_error("%s: article %lld: an event without its edge", st->path, (long long)art);
			goto out;
		}
		KG_GROW(st->eids, st->neids + 1, st->eid_cap);
		st->eids[st->neids++] = eid;
	}
	if (st->neids > 1)
		qsort(st->eids, st->neids, sizeof *st->eids, cmp_id);
	for (i = 0; i < st->neids; i = j) {
		sqlite3_int64 mentions = 0;

		for (j = i + 1; j < st->neids && st->eids[j] == st->eids[i]; j++)
			;
		if (drop_source(st, st->eids[i], source, ST_EDGE_DROP_SOURCE, ST_EDGE_DEL_SOURCE,
				&src_gone) < 0 || !(s = stmt(st, ST_EDGE_UNCOUNT_ARTICLE)))
			goto out;
		sqlite3_bind_int64(s, 1, st->eids[i]);
		sqlite3_bind_int(s, 2, src_gone);
		if (step_int(st, s, &mentions, "cannot weigh edge") < 0)
			goto out;
		if (mentions <= 0) {
			if (!(s = stmt(st, ST_DEL_EDGE)))
				goto out;
			sqlite3_bind_int64(s, 1, st->eids[i]);
			if (step_done(st, s, "cannot remove edge") < 0)
				goto out;
		}
	}
	ret = 0;
out:
	free(g);
	return ret;
}

/* Deleting needs the foreign keys (ON DELETE CASCADE): not through an
 * append-only handle. */
static int may_delete(struct kg_store *st)
{
	if (st->flags & KG_STORE_APPEND)
		return kg_error("%s: internal error: delete through an append-only store handle", st->path);
	return 0;
}

int kg_store_recode(struct kg_store *st, sqlite3_int64 article, const struct kg_result *r)
{
	const char *src = r->article->source && *r->article->source ? r->article->source : NULL;

	if (may_delete(st) < 0 || kg_store_check(r) < 0 || drop_derived(st, article, src) < 0 || add_derived(st, article, r) < 0)
		return -1;
	st->added++;
	return 0;
}

int kg_store_article_ids(struct kg_store *st, sqlite3_int64 **ids, size_t *n)
{
	sqlite3_stmt *s;
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(st->db, "SELECT id FROM articles ORDER BY id", -1, &s, NULL) != SQLITE_OK)
		return db_error(st, "cannot list articles");
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		KG_GROW(*ids, *n + 1, cap);
		(*ids)[(*n)++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return db_error(st, "cannot list articles");
	}
	return 0;
}

int kg_store_article_load(struct kg_store *st, sqlite3_int64 id, struct kg_article *a)
{
	sqlite3_stmt *s;
	int rc, i;

	memset(a, 0, sizeof *a);
	if (!(s = stmt(st, ST_GET_ARTICLE)))
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) != SQLITE_ROW) {
		sqlite3_reset(s);
		return rc == SQLITE_DONE ? kg_error("%s: no article %lld", st->path, (long long)id) :
		       db_error(st, "cannot read article");
	}
	for (i = 0; i < 6; i++) {
		const char *t = (const char *)sqlite3_column_text(s, i);
		free(st->art_str[i]);
		st->art_str[i] = t ? kg_xstrndup(t, (size_t)sqlite3_column_bytes(s, i)) : NULL;
	}
	a->len = (size_t)sqlite3_column_bytes(s, 5);
	sqlite3_reset(s);
	snprintf(st->origin, sizeof st->origin, "article %lld", (long long)id);
	a->id = st->art_str[0];
	a->title = st->art_str[1];
	a->date = st->art_str[2];
	a->source = st->art_str[3];
	a->url = st->art_str[4];
	a->text = st->art_str[5] ? st->art_str[5] : "";
	a->origin = a->id ? a->id : st->origin;
	return 0;
}

int kg_store_prune_actors(struct kg_store *st)
{
	if (may_delete(st) < 0)
		return -1;
	cache_clear(&st->actors);
	/* One set-based pass (NOT IN builds its index once); NULLs are kept
	 * out of the list, or NOT IN would match nothing. */
	return exec(st, "DELETE FROM actors WHERE id NOT IN ("
		    "SELECT actor_id FROM mentions UNION SELECT subject_id FROM events"
		    " UNION SELECT object_id FROM events"
		    " UNION SELECT against_id FROM events WHERE against_id IS NOT NULL"
		    " UNION SELECT subject_id FROM facts"
		    " UNION SELECT object_id FROM facts WHERE object_id IS NOT NULL"
		    " UNION SELECT subject_id FROM unique_events UNION SELECT object_id FROM unique_events)");
}
