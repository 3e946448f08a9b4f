/*
 * store.c: open, migrate and write the SQLite store.
 *
 * Statements used per article are prepared once and kept in the handle
 * (the SQL sits above each).  Writes happen inside the caller's
 * transaction, so a kill loses at most the article in flight.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/embed.h"
#include "base/err.h"
#include "store/store.h"

enum {
	ST_FIND_ARTICLE,
	ST_ADD_ARTICLE,
	ST_ADD_SENTENCE,
	ST_FIND_ACTOR,
	ST_ADD_ACTOR,
	ST_ADD_MENTION,
	ST_ADD_EVENT,
	ST_N
};

static const char *const stmt_sql[ST_N] = {
	[ST_FIND_ARTICLE] = "SELECT id FROM articles WHERE hash = ?1",
	[ST_ADD_ARTICLE] = "INSERT INTO articles (ext_id, title, source, url, published, hash, text)"
			   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[ST_ADD_SENTENCE] = "INSERT INTO sentences (article_id, seq, start, end, text)"
			    " VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_FIND_ACTOR] = "SELECT id FROM actors WHERE name = ?1 AND code = ?2",
	[ST_ADD_ACTOR] = "INSERT INTO actors (name, code, type, country, resolved)"
			 " VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_ADD_MENTION] = "INSERT INTO mentions (sentence_id, actor_id, start, end)"
			   " VALUES (?1, ?2, ?3, ?4)",
	[ST_ADD_EVENT] = "INSERT INTO events (sentence_id, subject_id, object_id, against_id,"
			 " predicate, cameo, quad_class, goldstein, modality, negated, reported,"
			 " event_date, location, attribution, confidence)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
};

struct kg_store {
	sqlite3 *db;
	char *path;
	unsigned flags;
	sqlite3_stmt *stmt[ST_N];
	sqlite3_int64 *sent_ids;
	size_t sent_cap;
};

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
	if (exec(st, "PRAGMA foreign_keys = ON") < 0) {
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
		    exec(st, "PRAGMA synchronous = NORMAL") < 0) {
			kg_store_close(st);
			return -1;
		}
	}
	if (migrate(st) < 0) {
		kg_store_close(st);
		return -1;
	}
	*out = st;
	return 0;
}

void kg_store_close(struct kg_store *st)
{
	if (!st)
		return;
	for (int i = 0; i < ST_N; i++)
		sqlite3_finalize(st->stmt[i]);
	if (st->db)
		sqlite3_close(st->db);
	free(st->sent_ids);
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
	return exec(st, "BEGIN IMMEDIATE");
}

int kg_store_commit(struct kg_store *st)
{
	reset_all(st);
	return exec(st, "COMMIT");
}

void kg_store_rollback(struct kg_store *st)
{
	reset_all(st);
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

void kg_store_hash(const char *text, size_t len, char buf[40])
{
	/* Two independent 64-bit hashes (FNV-1a and a multiply-xorshift) of
	 * the content: the store's identity of an article, not a security
	 * measure. */
	unsigned long long h1 = 1469598103934665603ULL, h2 = 0x9E3779B97F4A7C15ULL ^ len;
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		h1 = (h1 ^ c) * 1099511628211ULL;
		h2 = (h2 + c) * 0xFF51AFD7ED558CCDULL;
		h2 ^= h2 >> 29;
	}
	snprintf(buf, 40, "h1:%016llx%016llx", h1, h2);
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

static void bind_text(sqlite3_stmt *s, int i, const char *t)
{
	if (t)
		sqlite3_bind_text(s, i, t, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

/* The id of an actor, added on first sight. */
static sqlite3_int64 actor_id(struct kg_store *st, const struct kg_actor *a, int resolved)
{
	sqlite3_stmt *s;
	const char *code = a->code ? a->code : "";

	if (!(s = stmt(st, ST_FIND_ACTOR)))
		return -1;
	bind_text(s, 1, a->name);
	bind_text(s, 2, code);
	if (sqlite3_step(s) == SQLITE_ROW)
		return sqlite3_column_int64(s, 0);
	if (!(s = stmt(st, ST_ADD_ACTOR)))
		return -1;
	bind_text(s, 1, a->name);
	bind_text(s, 2, code);
	bind_text(s, 3, kg_actor_type_name(a->type));
	bind_text(s, 4, a->country);
	sqlite3_bind_int(s, 5, resolved);
	if (sqlite3_step(s) != SQLITE_DONE)
		return db_error(st, "cannot add actor");
	return sqlite3_last_insert_rowid(st->db);
}

int kg_store_add(struct kg_store *st, const struct kg_result *r)
{
	const struct kg_article *a = r->article;
	sqlite3_stmt *s;
	sqlite3_int64 art;
	char hash[40];
	size_t i;

	kg_store_hash(a->text, a->len, hash);
	if (!(s = stmt(st, ST_FIND_ARTICLE)))
		return -1;
	bind_text(s, 1, hash);
	if (sqlite3_step(s) == SQLITE_ROW)
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
	if (sqlite3_step(s) != SQLITE_DONE)
		return db_error(st, "cannot add article");
	art = sqlite3_last_insert_rowid(st->db);

	if (r->nsentences > st->sent_cap) {
		st->sent_cap = r->nsentences;
		st->sent_ids = kg_xrealloc(st->sent_ids, st->sent_cap * sizeof *st->sent_ids);
	}
	for (i = 0; i < r->nsentences; i++) {
		const struct kg_sentence *se = &r->sentences[i];

		if (!(s = stmt(st, ST_ADD_SENTENCE)))
			return -1;
		sqlite3_bind_int64(s, 1, art);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)i + 1);
		sqlite3_bind_int64(s, 3, (sqlite3_int64)se->off);
		sqlite3_bind_int64(s, 4, (sqlite3_int64)(se->off + se->len));
		sqlite3_bind_text(s, 5, a->text + se->off, (int)se->len, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE)
			return db_error(st, "cannot add sentence");
		st->sent_ids[i] = sqlite3_last_insert_rowid(st->db);
	}
	for (i = 0; i < r->nmentions; i++) {
		const struct kg_mention *m = &r->mentions[i];
		sqlite3_int64 id = actor_id(st, &m->actor, m->resolved);

		if (id < 0 || !(s = stmt(st, ST_ADD_MENTION)))
			return -1;
		sqlite3_bind_int64(s, 1, st->sent_ids[m->sentence]);
		sqlite3_bind_int64(s, 2, id);
		sqlite3_bind_int64(s, 3, (sqlite3_int64)m->off);
		sqlite3_bind_int64(s, 4, (sqlite3_int64)(m->off + m->len));
		if (sqlite3_step(s) != SQLITE_DONE)
			return db_error(st, "cannot add mention");
	}
	for (i = 0; i < r->ntriples; i++) {
		const struct kg_triple *t = &r->triples[i];
		sqlite3_int64 sid = actor_id(st, &t->subject, 1), oid, gid = 0;

		if (sid < 0 || (oid = actor_id(st, &t->object, 1)) < 0)
			return -1;
		if (t->has_against && (gid = actor_id(st, &t->against, 1)) < 0)
			return -1;
		if (!(s = stmt(st, ST_ADD_EVENT)))
			return -1;
		sqlite3_bind_int64(s, 1, st->sent_ids[t->sentence]);
		sqlite3_bind_int64(s, 2, sid);
		sqlite3_bind_int64(s, 3, oid);
		if (t->has_against)
			sqlite3_bind_int64(s, 4, gid);
		bind_text(s, 5, t->predicate);
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
		if (sqlite3_step(s) != SQLITE_DONE)
			return db_error(st, "cannot add event");
	}
	return 1;
}
