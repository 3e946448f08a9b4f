/* store_test.c: migrations, refusal of foreign files, adding articles. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"
#include "tests.h"

static char dir[] = "/tmp/kgraph-test-XXXXXX";
static char path[256];

static long count(struct kg_store *st, const char *sql)
{
	sqlite3_stmt *s;
	long n = -1;

	if (sqlite3_prepare_v2(kg_store_db(st), sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

static void creates_and_dedups(void)
{
	static const char text[] = "Iran met the Taliban.";
	struct kg_store *st;
	struct kg_article a = {0};
	struct kg_sentence se = {0, sizeof text - 1};
	struct kg_actor iran = {"Iran", "IRN", KG_ACTOR_STATE, "IRN"};
	struct kg_actor tal = {"Taliban", "AFGTAL", KG_ACTOR_ARMED_GROUP, "AFG"};
	struct kg_triple t = {0};
	struct kg_mention m[2] = {{0, 0, 4, iran, true}, {0, 13, 7, tal, true}};
	struct kg_result r = {0};

	a.id = "a1";
	a.text = text;
	a.len = sizeof text - 1;
	a.origin = "a1";
	t.subject = iran;
	t.object = tal;
	t.predicate = "meets";
	strcpy(t.cameo, "040");
	t.quad_class = 1;
	r.article = &a;
	r.sentences = &se;
	r.nsentences = 1;
	r.mentions = m;
	r.nmentions = 2;
	r.triples = &t;
	r.ntriples = 1;

	CU_ASSERT_EQUAL_FATAL(kg_store_open(path, 0, &st), 0);
	CU_ASSERT_EQUAL(kg_store_begin(st), 0);
	CU_ASSERT_EQUAL(kg_store_add(st, &r), 1);
	CU_ASSERT_EQUAL(kg_store_add(st, &r), 0);	/* same content: nothing added */
	CU_ASSERT_EQUAL(kg_store_commit(st), 0);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM articles"), 1);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM triples WHERE subject = 'Iran' AND object = 'Taliban'"), 1);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM actors"), 2);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM mentions"), 2);
	CU_ASSERT(count(st, "PRAGMA user_version") >= 1);
	kg_store_close(st);

	/* Read-only reopen sees the same. */
	CU_ASSERT_EQUAL_FATAL(kg_store_open(path, KG_STORE_READONLY, &st), 0);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM events"), 1);
	kg_store_close(st);
}

static void refuses_foreign_and_newer(void)
{
	char other[300];
	struct kg_store *st;
	FILE *f;
	sqlite3 *db;

	snprintf(other, sizeof other, "%s/notes.txt", dir);
	f = fopen(other, "w");
	fputs("not a database at all, just notes\n", f);
	fclose(f);
	CU_ASSERT_EQUAL(kg_store_open(other, 0, &st), -1);
	CU_ASSERT_PTR_NULL(st);

	snprintf(other, sizeof other, "%s/other.db", dir);
	sqlite3_open(other, &db);
	sqlite3_exec(db, "CREATE TABLE mine(x); INSERT INTO mine VALUES (1)", NULL, NULL, NULL);
	sqlite3_close(db);
	CU_ASSERT_EQUAL(kg_store_open(other, 0, &st), -1);

	sqlite3_open(path, &db);
	sqlite3_exec(db, "PRAGMA user_version = 999", NULL, NULL, NULL);
	sqlite3_close(db);
	CU_ASSERT_EQUAL(kg_store_open(path, 0, &st), -1);
}

static void hash_is_stable(void)
{
	char a[40], b[40], c[40];

	kg_store_hash("abc", 3, a);
	kg_store_hash("abc", 3, b);
	kg_store_hash("abd", 3, c);
	CU_ASSERT_STRING_EQUAL(a, b);
	CU_ASSERT_STRING_NOT_EQUAL(a, c);
	CU_ASSERT_EQUAL(strlen(a), 35);
}

static int setup(void)
{
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/kg.db", dir);
	return 0;
}

static void teardown_files(void)
{
	char cmd[400];

	/* Test scaffolding only: remove the temporary folder. */
	snprintf(cmd, sizeof cmd, "%s", dir);
	static const char *const names[] = {"kg.db", "kg.db-wal", "kg.db-shm", "notes.txt",
					    "other.db", "other.db-wal", "other.db-shm", NULL};
	for (int i = 0; names[i]; i++) {
		snprintf(cmd, sizeof cmd, "%s/%s", dir, names[i]);
		unlink(cmd);
	}
	CU_ASSERT_EQUAL(rmdir(dir), 0);
}

void test_store(void)
{
	static CU_TestInfo tests[] = {
		{"creates and dedups", creates_and_dedups},
		{"refuses foreign and newer files", refuses_foreign_and_newer},
		{"content hash is stable", hash_is_stable},
		{"cleanup", teardown_files},
		CU_TEST_INFO_NULL
	};
	if (setup())
		return;
	kg_suite("store", tests);
}
