/* store_test.c: migrations, refusal of foreign files, adding articles. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/embed.h"
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


/* Any distinct event whose counts differ from a recount of events. */
static const char recount[] =
	"SELECT (SELECT count(*) FROM unique_events u WHERE"
	" mentions <> (SELECT count(*) FROM events e WHERE e.unique_event_id = u.id)"
	" OR articles <> (SELECT count(DISTINCT s.article_id) FROM events e"
	"   JOIN sentences s ON s.id = e.sentence_id WHERE e.unique_event_id = u.id)"
	" OR sources <> (SELECT count(DISTINCT nullif(a.source, '')) FROM events e"
	"   JOIN sentences s ON s.id = e.sentence_id JOIN articles a ON a.id = s.article_id"
	"   WHERE e.unique_event_id = u.id)"
	" OR mentions <= 0)"
	" + (SELECT count(*) FROM events WHERE unique_event_id IS NULL)"
	" + (SELECT count(*) FROM (SELECT * FROM edge_recount EXCEPT SELECT * FROM edge_kept))"
	" + (SELECT count(*) FROM (SELECT * FROM edge_kept EXCEPT SELECT * FROM edge_recount))";

/* The edges as kept, and as a recount of events would give them. */
static const char edge_views[] =
	"CREATE TEMP VIEW edge_kept AS SELECT subject_id, object_id, root, events, mentions,"
	" articles, sources, round(goldstein_sum, 6), actual, first_date, last_date FROM edge_weights;"
	"CREATE TEMP VIEW edge_recount AS SELECT e.subject_id, e.object_id, substr(e.cameo, 1, 2),"
	" count(DISTINCT e.unique_event_id), count(*), count(DISTINCT s.article_id),"
	" count(DISTINCT nullif(a.source, '')), round(total(e.goldstein), 6),"
	" sum(e.modality = 'actual' AND NOT e.negated), min(e.event_date), max(e.event_date)"
	" FROM events e JOIN sentences s ON s.id = e.sentence_id JOIN articles a ON a.id = s.article_id"
	" GROUP BY 1, 2, 3;";

/* The problems `kgraph stats --verify` finds (the same SQL). */
static long verify_problems(struct kg_store *st)
{
	return count(st, "SELECT sum(problems) FROM (" KG_STORE_SQL_VERIFY ")");
}

/* A hand-built coder result: one sentence per line of text, and one
 * triple subject -040-> object in the sentence given. */
struct fake {
	struct kg_article a;
	struct kg_sentence se[4];
	struct kg_mention m[4];
	struct kg_triple t[4];
	struct kg_result r;
};

static const struct kg_actor IRAN = {"Iran", "IRN", KG_ACTOR_STATE, "IRN"};
static const struct kg_actor TAL = {"Taliban", "AFGTAL", KG_ACTOR_ARMED_GROUP, "AFG"};
static const struct kg_actor PAK = {"Pakistan", "PAK", KG_ACTOR_STATE, "PAK"};

static void fake_init(struct fake *f, const char *id, const char *source, const char *text)
{
	const char *p = text, *nl;

	memset(f, 0, sizeof *f);
	f->a.id = id;
	f->a.origin = id;
	f->a.source = source;
	f->a.text = text;
	f->a.len = strlen(text);
	f->r.article = &f->a;
	f->r.sentences = f->se;
	f->r.mentions = f->m;
	f->r.triples = f->t;
	while (*p && f->r.nsentences < 4) {
		nl = strchr(p, '\n');
		if (!nl)
			nl = p + strlen(p);
		f->se[f->r.nsentences].off = (size_t)(p - text);
		f->se[f->r.nsentences++].len = (size_t)(nl - p);
		p = *nl ? nl + 1 : nl;
	}
}

static void fake_triple(struct fake *f, size_t sentence, struct kg_actor subj, struct kg_actor obj,
			const char *cameo, const char *date)
{
	struct kg_triple *t = &f->t[f->r.ntriples++];

	t->sentence = sentence;
	t->subject = subj;
	t->object = obj;
	t->predicate = "meets";
	snprintf(t->cameo, sizeof t->cameo, "%s", cameo);
	t->quad_class = 1;
	t->goldstein = 1.0;
	t->confidence = 0.5;
	snprintf(t->event_date, sizeof t->event_date, "%s", date ? date : "");
}

static int add(struct kg_store *st, struct fake *f)
{
	int rc;

	if (kg_store_begin(st) < 0)
		return -1;
	rc = kg_store_add(st, &f->r);
	if (rc < 0 || kg_store_commit(st) < 0) {
		kg_store_rollback(st);
		return -1;
	}
	return rc;
}

static void counts_dedup_events(void)
{
	char p[300];
	struct kg_store *st;
	struct fake f1, f2, f3, f4;

	snprintf(p, sizeof p, "%s/dedup.db", dir);
	CU_ASSERT_EQUAL_FATAL(kg_store_open(p, 0, &st), 0);
	CU_ASSERT_EQUAL_FATAL(sqlite3_exec(kg_store_db(st), edge_views, NULL, NULL, NULL), SQLITE_OK);
	/* The same event twice in one article (two sentences). */
	fake_init(&f1, "one", "Reuters", "Iran met the Taliban.\nThe meeting of Iran and the Taliban was long.");
	fake_triple(&f1, 0, IRAN, TAL, "040", "2024-01-05");
	fake_triple(&f1, 1, IRAN, TAL, "040", "2024-01-05");
	CU_ASSERT_EQUAL(add(st, &f1), 1);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM unique_events"), 1);
	CU_ASSERT_EQUAL(count(st, "SELECT mentions * 100 + articles * 10 + sources FROM unique_events"), 211);

	/* A second article, another source: one edge, its counts rise. */
	fake_init(&f2, "two", "AP", "Tehran hosted a Taliban delegation.");
	fake_triple(&f2, 0, IRAN, TAL, "040", "2024-01-05");
	CU_ASSERT_EQUAL(add(st, &f2), 1);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM unique_events"), 1);
	CU_ASSERT_EQUAL(count(st, "SELECT mentions * 100 + articles * 10 + sources FROM unique_events"), 322);

	/* A third from a source already counted: articles rise, sources not.
	 * The same pair on another date, or with another code, is another event. */
	fake_init(&f3, "three", "Reuters", "Iran and the Taliban met again.\nIran met Pakistan.");
	fake_triple(&f3, 0, IRAN, TAL, "040", "2024-01-05");
	fake_triple(&f3, 0, IRAN, TAL, "040", "2024-02-01");
	fake_triple(&f3, 1, IRAN, PAK, "040", "2024-01-05");
	CU_ASSERT_EQUAL(add(st, &f3), 1);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM unique_events"), 3);
	CU_ASSERT_EQUAL(count(st, "SELECT mentions * 100 + articles * 10 + sources FROM unique_events"
			      " WHERE event_date = '2024-01-05' AND cameo = '040'"
			      " AND object_id = (SELECT id FROM actors WHERE code = 'AFGTAL')"), 432);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM events"), 6);
	CU_ASSERT_EQUAL(count(st, "SELECT mentions FROM triples WHERE sentence = 'Tehran hosted a Taliban delegation.'"), 4);

	/* Undated events and articles without a source count too. */
	fake_init(&f4, "four", NULL, "Iran met the Taliban once more.");
	fake_triple(&f4, 0, IRAN, TAL, "040", NULL);
	CU_ASSERT_EQUAL(add(st, &f4), 1);
	CU_ASSERT_EQUAL(count(st, "SELECT mentions * 100 + articles * 10 + sources FROM unique_events"
			      " WHERE event_date = ''"), 110);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM events WHERE event_date IS NULL"), 1);

	/* The edge Iran -> Taliban, root 04, gathers the three events (two
	 * dates and the undated one); its dates span the dated ones. */
	CU_ASSERT_EQUAL(count(st, "SELECT events * 1000 + mentions * 100 + articles * 10 + sources FROM edges"
			      " WHERE object = 'Taliban'"), 3642);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM edges WHERE object = 'Taliban' AND root = '04'"
			      " AND first_date = '2024-01-05' AND last_date = '2024-02-01'"), 1);
	CU_ASSERT_EQUAL(count(st, "SELECT degree * 10 + out_degree FROM actor_degree WHERE name = 'Iran'"), 22);

	/* Re-adding unchanged content adds nothing. */
	CU_ASSERT_EQUAL(add(st, &f2), 0);
	/* The same story from another source is another article, and a
	 * source more for its events. */
	fake_init(&f2, "two-again", "AFP", "Tehran hosted a Taliban delegation.");
	fake_triple(&f2, 0, IRAN, TAL, "040", "2024-01-05");
	CU_ASSERT_EQUAL(add(st, &f2), 1);
	CU_ASSERT_EQUAL(add(st, &f2), 0);
	CU_ASSERT_EQUAL(count(st, "SELECT mentions * 100 + articles * 10 + sources FROM unique_events"
			      " WHERE event_date = '2024-01-05' AND cameo = '040'"
			      " AND object_id = (SELECT id FROM actors WHERE code = 'AFGTAL')"), 543);
	CU_ASSERT_EQUAL(count(st, recount), 0);
	CU_ASSERT_EQUAL(count(st, "SELECT sum(mentions) FROM unique_events"), 8);
	CU_ASSERT_EQUAL(count(st, recount), 0);

	/* Re-coding an article takes its share out and puts the new one in. */
	fake_init(&f1, "one", "Reuters", "Iran met the Taliban.\nThe meeting of Iran and the Taliban was long.");
	fake_triple(&f1, 0, IRAN, PAK, "040", "2024-01-05");
	CU_ASSERT_EQUAL(kg_store_begin(st), 0);
	CU_ASSERT_EQUAL(kg_store_recode(st, 1, &f1.r), 0);
	CU_ASSERT_EQUAL(kg_store_commit(st), 0);
	CU_ASSERT_EQUAL(count(st, recount), 0);
	CU_ASSERT_EQUAL(count(st, "SELECT mentions * 100 + articles * 10 + sources FROM unique_events"
			      " WHERE event_date = '2024-01-05' AND object_id = (SELECT id FROM actors WHERE code = 'AFGTAL')"),
			333);	/* Reuters still reports it through article three */
	CU_ASSERT_EQUAL(count(st, "SELECT mentions * 100 + articles * 10 + sources FROM unique_events"
			      " WHERE event_date = '2024-01-05' AND object_id = (SELECT id FROM actors WHERE code = 'PAK')"),
			221);
	/* ... and an event no article reports any more goes. */
	fake_init(&f3, "three", "Reuters", "Iran and the Taliban met again.\nIran met Pakistan.");
	CU_ASSERT_EQUAL(kg_store_begin(st), 0);
	CU_ASSERT_EQUAL(kg_store_recode(st, 3, &f3.r), 0);
	CU_ASSERT_EQUAL(kg_store_commit(st), 0);
	CU_ASSERT_EQUAL(count(st, recount), 0);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM unique_events WHERE event_date = '2024-02-01'"), 0);
	CU_ASSERT_EQUAL(count(st, "SELECT mentions * 100 + articles * 10 + sources FROM unique_events"
			      " WHERE event_date = '2024-01-05' AND object_id = (SELECT id FROM actors WHERE code = 'AFGTAL')"),
			222);	/* Reuters gone: AP and AFP */
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM edges WHERE object = 'Taliban'"
			      " AND last_date = '2024-01-05'"), 1);	/* the date span shrank back */
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM unique_event_sources WHERE articles <= 0"), 0);
	CU_ASSERT_EQUAL(verify_problems(st), 0);
	/* ... which sees a count gone wrong. */
	CU_ASSERT_EQUAL(sqlite3_exec(kg_store_db(st), "BEGIN; UPDATE unique_events SET mentions = mentions + 1"
				     " WHERE id = (SELECT min(id) FROM unique_events)", NULL, NULL, NULL), SQLITE_OK);
	CU_ASSERT_EQUAL(verify_problems(st), 1);
	CU_ASSERT_EQUAL(sqlite3_exec(kg_store_db(st), "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM sentences WHERE article_id = 3"), 2);

	/* Outside a transaction the store makes its own. */
	fake_init(&f4, "five", NULL, "Envoys met the Taliban in Quetta.");
	fake_triple(&f4, 0, PAK, TAL, "040", NULL);
	CU_ASSERT_EQUAL(kg_store_add(st, &f4.r), 1);
	CU_ASSERT(sqlite3_get_autocommit(kg_store_db(st)));
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'Quetta'"), 1);

	/* Full text follows adds, re-codes and rollbacks. */
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'Tehran'"), 2);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'Pakistan'"), 1);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'meeting'"), 1);
	CU_ASSERT_EQUAL(sqlite3_exec(kg_store_db(st), "INSERT INTO sentences_fts (sentences_fts, rank)"
				     " VALUES ('integrity-check', 1)", NULL, NULL, NULL), SQLITE_OK);
	kg_store_close(st);
}

/* The append-only handle ingest uses: no savepoint, so a result that is
 * not whole must be refused before anything of it is written; deleting
 * through it is refused. */
static void append_checks_first(void)
{
	char p[300];
	struct kg_store *st;
	struct fake ok, bad, far;

	snprintf(p, sizeof p, "%s/append.db", dir);
	CU_ASSERT_EQUAL_FATAL(kg_store_open(p, KG_STORE_APPEND, &st), 0);
	CU_ASSERT_EQUAL_FATAL(sqlite3_exec(kg_store_db(st), edge_views, NULL, NULL, NULL), SQLITE_OK);
	fake_init(&ok, "ok", "AP", "Iran met the Taliban in Kerman.");
	fake_triple(&ok, 0, IRAN, TAL, "040", "2024-01-05");
	fake_init(&bad, "bad", "AP", "Iran met Pakistan in Quetta.");
	fake_triple(&bad, 0, IRAN, PAK, "040", "not a date");
	fake_init(&far, "far", "AP", "Iran met Pakistan in Gwadar.");
	fake_triple(&far, 0, IRAN, PAK, "040", "2024-01-06");
	far.r.triples[0].sentence = 7;	/* no such sentence */
	CU_ASSERT_EQUAL(kg_store_check(&ok.r), 0);
	CU_ASSERT_EQUAL(kg_store_check(&bad.r), -1);
	CU_ASSERT_EQUAL(kg_store_check(&far.r), -1);
	CU_ASSERT_EQUAL(kg_store_begin(st), 0);
	CU_ASSERT_EQUAL(kg_store_add(st, &bad.r), -1);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM articles"), 0);	/* nothing written */
	CU_ASSERT_EQUAL(kg_store_add(st, &far.r), -1);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM articles"), 0);
	CU_ASSERT_EQUAL(kg_store_add(st, &ok.r), 1);
	CU_ASSERT_EQUAL(kg_store_commit(st), 0);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM articles"), 1);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'Kerman'"), 1);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	CU_ASSERT_EQUAL(verify_problems(st), 0);
	CU_ASSERT_EQUAL(kg_store_begin(st), 0);
	CU_ASSERT_EQUAL(kg_store_recode(st, 1, &ok.r), -1);	/* needs the foreign keys */
	CU_ASSERT_EQUAL(kg_store_prune_actors(st), -1);
	kg_store_rollback(st);
	kg_store_close(st);
}

static void batch_savepoints(void)
{
	char p[300];
	struct kg_store *st;
	struct fake ok, bad;

	snprintf(p, sizeof p, "%s/batch.db", dir);
	CU_ASSERT_EQUAL_FATAL(kg_store_open(p, 0, &st), 0);
	CU_ASSERT_EQUAL_FATAL(sqlite3_exec(kg_store_db(st), edge_views, NULL, NULL, NULL), SQLITE_OK);
	fake_init(&ok, "ok", "AP", "Iran met the Taliban in Kerman.");
	fake_triple(&ok, 0, IRAN, TAL, "040", "2024-01-05");
	fake_init(&bad, "bad", "AP", "Iran met Pakistan in Quetta.");
	fake_triple(&bad, 0, IRAN, PAK, "040", "not a date");
	CU_ASSERT_EQUAL(kg_store_begin(st), 0);
	CU_ASSERT_EQUAL(kg_store_savepoint(st), 0);
	CU_ASSERT_EQUAL(kg_store_add(st, &bad.r), -1);	/* reported, undone alone */
	CU_ASSERT_EQUAL(kg_store_rollback_to(st), 0);
	CU_ASSERT_EQUAL(kg_store_savepoint(st), 0);
	CU_ASSERT_EQUAL(kg_store_add(st, &ok.r), 1);
	CU_ASSERT_EQUAL(kg_store_release(st), 0);
	CU_ASSERT_EQUAL(kg_store_commit(st), 0);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM articles"), 1);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'Quetta'"), 0);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'Kerman'"), 1);
	CU_ASSERT_EQUAL(count(st, recount), 0);
	CU_ASSERT_EQUAL(verify_problems(st), 0);
	kg_store_close(st);
}

static void offsets_aliases_unresolved(void)
{
	static const char text[] = "KABUL – Tehran’s envoy met The Diplomat.";
	char p[300];
	struct kg_store *st;
	struct fake f;
	struct kg_actor dip = {"The Diplomat", "", KG_ACTOR_UNKNOWN, NULL};
	sqlite3_int64 *ids;
	const char *t;

	snprintf(p, sizeof p, "%s/offsets.db", dir);
	CU_ASSERT_EQUAL_FATAL(kg_store_open(p, 0, &st), 0);
	fake_init(&f, "o", NULL, text);
	t = strstr(text, "Tehran");
	f.m[0] = (struct kg_mention){0, (size_t)(t - text), 6, IRAN, true};
	t = strstr(text, "The Diplomat");
	f.m[1] = (struct kg_mention){0, (size_t)(t - text), 12, dip, false};
	f.r.nmentions = 2;
	CU_ASSERT_EQUAL(add(st, &f), 1);
	/* "–" is 3 bytes and "’" 3: character offsets count code points. */
	CU_ASSERT_EQUAL(count(st, "SELECT start * 1000 + char_start FROM mentions WHERE actor_id ="
			      " (SELECT id FROM actors WHERE code = 'IRN')"), 10008);
	CU_ASSERT_EQUAL(count(st, "SELECT char_end - char_start FROM mentions WHERE actor_id ="
			      " (SELECT id FROM actors WHERE name = 'The Diplomat')"), 12);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM mentions m JOIN sentences s ON s.id = m.sentence_id"
			      " WHERE substr(s.text, m.char_start - s.char_start + 1, m.char_end - m.char_start)"
			      " IN ('Tehran', 'The Diplomat')"), 2);
	CU_ASSERT_EQUAL(count(st, "SELECT char_end FROM sentences"), 40);
	/* Unknown names are kept, unresolved, and `actors --unresolved`
	 * (this very SQL) lists them, with a sentence that uses each. */
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM actors WHERE resolved = 0 AND name = 'The Diplomat'"), 1);
	{
		sqlite3_stmt *s;
		CU_ASSERT_EQUAL_FATAL(sqlite3_prepare_v2(kg_store_db(st), KG_STORE_SQL_UNRESOLVED, -1, &s, NULL),
				      SQLITE_OK);
		sqlite3_bind_int(s, 3, -1);
		CU_ASSERT_EQUAL(sqlite3_step(s), SQLITE_ROW);
		CU_ASSERT_STRING_EQUAL(sqlite3_column_text(s, 0), "The Diplomat");
		CU_ASSERT_EQUAL(sqlite3_column_int(s, 1), 1);
		CU_ASSERT_STRING_EQUAL(sqlite3_column_text(s, 3), text);
		CU_ASSERT_EQUAL(sqlite3_step(s), SQLITE_DONE);	/* Iran is resolved */
		sqlite3_finalize(s);
	}
	/* Actor arguments: name, code, or the words an article used. */
	CU_ASSERT_EQUAL(kg_store_actor_ids(st, "tehran", &ids), 1);
	free(ids);
	CU_ASSERT_EQUAL(kg_store_actor_ids(st, "irn", &ids), 1);
	free(ids);
	CU_ASSERT_EQUAL(kg_store_actor_ids(st, "the diplomat", &ids), 1);
	free(ids);
	CU_ASSERT_EQUAL(kg_store_actor_ids(st, "Kabul", &ids), 0);
	free(ids);
	kg_store_close(st);
}

static void stores_facts(void)
{
	char p[300];
	struct kg_store *st;
	struct fake f;
	struct kg_fact fa = {0};
	struct kg_actor vahidi = {"Ahmad Vahidi", "IRNGOV", KG_ACTOR_PERSON, "IRN"};

	snprintf(p, sizeof p, "%s/facts.db", dir);
	CU_ASSERT_EQUAL_FATAL(kg_store_open(p, 0, &st), 0);
	fake_init(&f, "f", NULL, "Interior Minister Ahmad Vahidi of Iran spoke.");
	fa.subject = vahidi;
	fa.relation = "office";
	fa.value = "Interior Minister";
	fa.has_object = true;
	fa.object = IRAN;
	f.r.facts = &fa;
	f.r.nfacts = 1;
	CU_ASSERT_EQUAL(add(st, &f), 1);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM facts f JOIN actors s ON s.id = f.subject_id"
			      " JOIN actors o ON o.id = f.object_id JOIN sentences t ON t.id = f.sentence_id"
			      " WHERE s.name = 'Ahmad Vahidi' AND f.relation = 'office'"
			      " AND f.value = 'Interior Minister' AND o.code = 'IRN' AND t.seq = 1"), 1);
	/* A fact past the sentences is refused, and nothing of it stays. */
	fake_init(&f, "g", NULL, "Another sentence.");
	fa.sentence = 3;
	f.r.facts = &fa;
	f.r.nfacts = 1;
	CU_ASSERT_EQUAL(add(st, &f), -1);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM articles"), 1);
	kg_store_close(st);
}

static int collect(const struct kg_actor *a, const char *alias, void *vb)
{
	char *b = vb;

	snprintf(b + strlen(b), 200 - strlen(b), "%s/%s/%s/%s;", a->name, a->code,
		 kg_actor_type_name(a->type), alias ? alias : "-");
	return 0;
}

static void user_dictionary(void)
{
	char p[300], got[200] = "";
	struct kg_store *st;
	struct kg_actor dip = {"The Diplomat", "MEDDIP", KG_ACTOR_MEDIA, NULL};
	char *aliases[] = {"Diplomat", "TD"};

	snprintf(p, sizeof p, "%s/dict.db", dir);
	CU_ASSERT_EQUAL_FATAL(kg_store_open(p, 0, &st), 0);
	CU_ASSERT_EQUAL(kg_store_dict_add(st, &dip, aliases, 2), 1);
	CU_ASSERT_EQUAL(kg_store_dict_add(st, &dip, aliases, 1), 0);	/* replaced */
	CU_ASSERT_EQUAL(kg_store_dict_each(st, collect, got), 0);
	CU_ASSERT_STRING_EQUAL(got, "The Diplomat/MEDDIP/media/-;The Diplomat/MEDDIP/media/Diplomat;");
	CU_ASSERT_EQUAL(kg_store_dict_remove(st, "THE DIPLOMAT"), 1);
	CU_ASSERT_EQUAL(kg_store_dict_remove(st, "The Diplomat"), 0);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM dict_aliases"), 0);
	kg_store_close(st);
}

static void walks(void)
{
	char p[300];
	struct kg_store *st;
	struct fake f;
	struct kg_actor a = {"Alpha", "AAA", KG_ACTOR_STATE, NULL}, b = {"Beta", "BBB", KG_ACTOR_STATE, NULL},
			c = {"Gamma", "CCC", KG_ACTOR_STATE, NULL}, d = {"Delta", "DDD", KG_ACTOR_STATE, NULL},
			e = {"Epsilon", "EEE", KG_ACTOR_STATE, NULL};
	struct kg_walk w;
	sqlite3_int64 ia, id, ie, *v;

	snprintf(p, sizeof p, "%s/walk.db", dir);
	CU_ASSERT_EQUAL_FATAL(kg_store_open(p, 0, &st), 0);
	/* A -> B <- C -> D, and E alone with itself. */
	fake_init(&f, "w", NULL, "One.\nTwo.\nThree.\nFour.");
	fake_triple(&f, 0, a, b, "040", NULL);
	fake_triple(&f, 1, c, b, "040", NULL);
	fake_triple(&f, 2, c, d, "190", NULL);
	fake_triple(&f, 3, e, e, "010", NULL);
	CU_ASSERT_EQUAL_FATAL(add(st, &f), 1);
	CU_ASSERT_EQUAL_FATAL(kg_store_actor_ids(st, "AAA", &v), 1);
	ia = v[0];
	free(v);
	CU_ASSERT_EQUAL_FATAL(kg_store_actor_ids(st, "delta", &v), 1);
	id = v[0];
	free(v);
	CU_ASSERT_EQUAL_FATAL(kg_store_actor_ids(st, "Epsilon", &v), 1);
	ie = v[0];
	free(v);

	CU_ASSERT_EQUAL(kg_store_walk(st, &ia, 1, NULL, 0, 1, 0, &w), 0);
	CU_ASSERT_EQUAL(w.n, 2);	/* A, B */
	kg_walk_release(&w);
	CU_ASSERT_EQUAL(kg_store_walk(st, &ia, 1, NULL, 0, 2, 0, &w), 0);
	CU_ASSERT_EQUAL(w.n, 3);	/* A, B, C: either direction */
	CU_ASSERT_EQUAL(w.depth[2], 2);
	kg_walk_release(&w);
	CU_ASSERT_EQUAL(kg_store_walk(st, &ia, 1, NULL, 0, 6, 2, &w), 0);
	CU_ASSERT_EQUAL(w.n, 2);
	CU_ASSERT(w.truncated);
	kg_walk_release(&w);

	CU_ASSERT_EQUAL(kg_store_walk(st, &ia, 1, &id, 1, 6, 0, &w), 0);
	CU_ASSERT_EQUAL_FATAL(w.n, 4);	/* A B C D */
	CU_ASSERT_EQUAL(w.id[0], ia);
	CU_ASSERT_EQUAL(w.id[3], id);
	CU_ASSERT_EQUAL(w.via[3], w.id[2]);
	CU_ASSERT_EQUAL(w.depth[3], 3);
	kg_walk_release(&w);
	CU_ASSERT_EQUAL(kg_store_walk(st, &ia, 1, &id, 1, 2, 0, &w), 0);
	CU_ASSERT_EQUAL(w.n, 0);	/* too far for --max-depth 2 */
	kg_walk_release(&w);
	CU_ASSERT_EQUAL(kg_store_walk(st, &ia, 1, &ie, 1, 6, 0, &w), 0);
	CU_ASSERT_EQUAL(w.n, 0);	/* not connected */
	kg_walk_release(&w);
	kg_store_close(st);
}

/* A database made by the first schema upgrades in place, rows kept. */
static void migrates_from_001(void)
{
	char p[300];
	sqlite3 *db;
	struct kg_store *st;
	const struct kg_embedded *m = kg_embed_find("schema/001-init.sql");

	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	snprintf(p, sizeof p, "%s/old.db", dir);
	CU_ASSERT_EQUAL_FATAL(sqlite3_open(p, &db), SQLITE_OK);
	CU_ASSERT_EQUAL(sqlite3_exec(db, m->data, NULL, NULL, NULL), SQLITE_OK);
	CU_ASSERT_EQUAL(sqlite3_exec(db,
		"PRAGMA user_version = 1;"
		"INSERT INTO articles (id, source, hash, text) VALUES (1, 'AP', 'h1', 'Ünal met Iran.'), (2, 'AFP', 'h2', 'Iran met Ünal.');"
		"INSERT INTO sentences VALUES (1, 1, 1, 0, 15, 'Ünal met Iran.'), (2, 2, 1, 0, 15, 'Iran met Ünal.');"
		"INSERT INTO actors (id, name, code) VALUES (1, 'Iran', 'IRN'), (2, 'Ünal', 'TURGOV');"
		"INSERT INTO mentions (sentence_id, actor_id, start, end) VALUES (1, 1, 10, 14);"
		"INSERT INTO events (sentence_id, subject_id, object_id, predicate, cameo, quad_class, goldstein, modality, event_date)"
		" VALUES (1, 2, 1, 'meets', '040', 1, 1.0, 'actual', '2024-01-01'),"
		"        (2, 2, 1, 'meets', '040', 1, 1.0, 'actual', '2024-01-01');",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	CU_ASSERT_EQUAL_FATAL(kg_store_open(p, 0, &st), 0);
	CU_ASSERT_EQUAL_FATAL(sqlite3_exec(kg_store_db(st), edge_views, NULL, NULL, NULL), SQLITE_OK);
	CU_ASSERT_EQUAL(count(st, "PRAGMA user_version"), kg_store_schema_version());
	CU_ASSERT_EQUAL(count(st, "SELECT events * 100 + mentions * 10 + articles FROM edges"), 122);
	CU_ASSERT_EQUAL(count(st, "SELECT mentions * 100 + articles * 10 + sources FROM unique_events"), 222);
	CU_ASSERT_EQUAL(count(st, recount), 0);
	CU_ASSERT_EQUAL(count(st, "SELECT char_start * 100 + char_end FROM mentions"), 913);
	CU_ASSERT_EQUAL(count(st, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'unal'"), 2);
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
	static const char *const names[] = {"kg", "other", "dedup", "batch", "append", "offsets", "dict",
					    "walk", "old", "facts", NULL};
	static const char *const ext[] = {".db", ".db-wal", ".db-shm", NULL};
	char p[400];

	/* Test scaffolding only: remove the temporary folder. */
	snprintf(p, sizeof p, "%s/notes.txt", dir);
	unlink(p);
	for (int i = 0; names[i]; i++)
		for (int k = 0; ext[k]; k++) {
			snprintf(p, sizeof p, "%s/%s%s", dir, names[i], ext[k]);
			unlink(p);
		}
	CU_ASSERT_EQUAL(rmdir(dir), 0);
}

void test_store(void)
{
	static CU_TestInfo tests[] = {
		{"creates and dedups", creates_and_dedups},
		{"refuses foreign and newer files", refuses_foreign_and_newer},
		{"content hash is stable", hash_is_stable},
		{"same event, one edge, counted", counts_dedup_events},
		{"a failed article in a batch is undone alone", batch_savepoints},
		{"append-only handle checks before it writes", append_checks_first},
		{"character offsets, aliases, unresolved names", offsets_aliases_unresolved},
		{"facts", stores_facts},
		{"user dictionary", user_dictionary},
		{"graph walks", walks},
		{"migrates a 001 database", migrates_from_001},
		{"cleanup", teardown_files},
		CU_TEST_INFO_NULL
	};
	if (setup())
		return;
	kg_suite("store", tests);
}
