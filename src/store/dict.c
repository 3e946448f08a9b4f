/*
 * dict.c: the user dictionary kept in the store (dict_entries and
 * dict_aliases), and actor arguments looked up by name, code or alias.
 * The store does not know the lexicon: the command layer turns these rows
 * into lexicon entries (src/cmd/dict.c).
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "store/store.h"

static int fail(struct kg_store *st, const char *what)
{
	return kg_error("%s: %s: %s", kg_store_path(st), what, sqlite3_errmsg(kg_store_db(st)));
}

static void bind_text(sqlite3_stmt *s, int i, const char *t)
{
	if (t && *t)
		sqlite3_bind_text(s, i, t, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

/* Run one statement with text parameters; returns the changes, or -1. */
static int run(struct kg_store *st, const char *sql, const char *a, const char *b,
	       const char *c, const char *d)
{
	sqlite3 *db = kg_store_db(st);
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return fail(st, "cannot prepare");
	bind_text(s, 1, a);
	bind_text(s, 2, b);
	bind_text(s, 3, c);
	bind_text(s, 4, d);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return fail(st, "cannot change the dictionary");
	return sqlite3_changes(db);
}

int kg_store_dict_add(struct kg_store *st, const struct kg_actor *a,
		      char *const *aliases, size_t naliases)
{
	int existed;
	size_t i;

	if ((existed = run(st, "DELETE FROM dict_entries WHERE name = ?1", a->name,
			   NULL, NULL, NULL)) < 0)
		return -1;
	if (run(st, "INSERT INTO dict_entries (name, code, type, country) VALUES (?1, ?2, ?3, ?4)",
		a->name, a->code, kg_actor_type_name(a->type), a->country) < 0)
		return -1;
	for (i = 0; i < naliases; i++)
		if (run(st, "INSERT OR IGNORE INTO dict_aliases (entry_id, alias)"
			" SELECT id, ?2 FROM dict_entries WHERE name = ?1", a->name, aliases[i],
			NULL, NULL) < 0)
			return -1;
	return existed ? 0 : 1;
}

int kg_store_dict_remove(struct kg_store *st, const char *name)
{
	return run(st, "DELETE FROM dict_entries WHERE name = ?1", name, NULL, NULL, NULL);
}

int kg_store_dict_each(struct kg_store *st, kg_dict_fn fn, void *ctx)
{
	static const char sql[] =
		"SELECT d.name, d.code, d.type, d.country, NULL FROM dict_entries d"
		" UNION ALL SELECT d.name, d.code, d.type, d.country, a.alias"
		" FROM dict_aliases a JOIN dict_entries d ON d.id = a.entry_id"
		" ORDER BY 1, 5";
	sqlite3_stmt *s;
	int rc, ret = 0;

	if (sqlite3_prepare_v2(kg_store_db(st), sql, -1, &s, NULL) != SQLITE_OK)
		return fail(st, "cannot read the dictionary");
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct kg_actor a = {0};
		int t = kg_actor_type_parse((const char *)sqlite3_column_text(s, 2));

		a.name = (const char *)sqlite3_column_text(s, 0);
		a.code = (const char *)sqlite3_column_text(s, 1);
		a.type = t < 0 ? KG_ACTOR_UNKNOWN : (enum kg_actor_type)t;
		a.country = (const char *)sqlite3_column_text(s, 3);
		if ((ret = fn(&a, (const char *)sqlite3_column_text(s, 4), ctx)))
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = fail(st, "cannot read the dictionary");
	sqlite3_finalize(s);
	return ret;
}

int kg_store_actor_ids(struct kg_store *st, const char *name, sqlite3_int64 **ids)
{
	sqlite3_stmt *s;
	size_t n = 0, cap = 0;
	int rc;

	*ids = NULL;
	if (sqlite3_prepare_v2(kg_store_db(st), "WITH " KG_STORE_WHO " SELECT id FROM who ORDER BY id",
			       -1, &s, NULL) != SQLITE_OK)
		return fail(st, "cannot look up actor");
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		KG_GROW(*ids, n + 1, cap);
		(*ids)[n++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		return fail(st, "cannot look up actor");
	}
	return (int)n;
}
