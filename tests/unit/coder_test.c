/*
 * coder_test.c: the coder on whole articles.  Sentence-level cases live as
 * data in tests/cases/ and run through the CLI (tests/cli/cases.sh); this
 * suite checks the result structure the sinks rely on.
 */
#include <string.h>

#include "code/coder.h"
#include "lexicon/lexicon.h"
#include "tests.h"

static void result_has_provenance(void)
{
	static const char text[] = "Title line\n"
		"Iran is reportedly contemplating enhanced collaboration with the Taliban.\n";
	struct kg_lexicon *lx = kg_lex_new();
	struct kg_coder *c;
	struct kg_article a = {0};
	const struct kg_result *r;
	const struct kg_triple *t;

	CU_ASSERT_EQUAL_FATAL(kg_lex_load_builtin(lx), 0);
	c = kg_coder_new(lx);
	a.text = text;
	a.len = strlen(text);
	a.origin = "test";
	CU_ASSERT_EQUAL(kg_coder_run(c, &a, &r), 0);
	CU_ASSERT_EQUAL(r->nsentences, 2);
	CU_ASSERT(r->nmentions >= 2);
	CU_ASSERT_EQUAL_FATAL(r->ntriples, 1);
	t = &r->triples[0];
	CU_ASSERT_EQUAL(t->sentence, 1);
	CU_ASSERT_STRING_EQUAL(t->subject.name, "Iran");
	CU_ASSERT_STRING_EQUAL(t->object.name, "Taliban");
	CU_ASSERT(!strncmp(t->cameo, "03", 2));
	CU_ASSERT_NOT_EQUAL(t->modality, KG_MOD_ACTUAL);
	CU_ASSERT(t->reported);
	CU_ASSERT(!memcmp(text + r->sentences[1].off, "Iran is", 7));
	/* A second run replaces the result. */
	a.text = "Nothing happened.";
	a.len = strlen(a.text);
	CU_ASSERT_EQUAL(kg_coder_run(c, &a, &r), 0);
	CU_ASSERT_EQUAL(r->ntriples, 0);
	kg_coder_free(c);
	kg_lex_free(lx);
}


/* Code text with the built-in lexicon; the coder and lexicon live in statics
 * of this test file only (tests run in one thread). */
static struct kg_lexicon *LX;
static struct kg_coder *CD;

static const struct kg_result *code(const char *text, const char *date)
{
	static struct kg_article a;
	const struct kg_result *r = NULL;

	if (!LX) {
		LX = kg_lex_new();
		CU_ASSERT_EQUAL_FATAL(kg_lex_load_builtin(LX), 0);
		CD = kg_coder_new(LX);
	}
	memset(&a, 0, sizeof a);
	a.text = text;
	a.len = strlen(text);
	a.date = date;
	a.origin = "test";
	CU_ASSERT_EQUAL(kg_coder_run(CD, &a, &r), 0);
	return r;
}

static const struct kg_triple *find(const struct kg_result *r, const char *subj, const char *obj)
{
	for (size_t i = 0; i < r->ntriples; i++)
		if (!strcmp(r->triples[i].subject.name, subj) && !strcmp(r->triples[i].object.name, obj))
			return &r->triples[i];
	return NULL;
}

static void dates_and_places(void)
{
	const struct kg_result *r;
	const struct kg_triple *t;

	r = code("Russia attacked Ukraine on January 3.", "2024-01-05");
	CU_ASSERT_PTR_NOT_NULL_FATAL(t = find(r, "Russia", "Ukraine"));
	CU_ASSERT_STRING_EQUAL(t->event_date, "2024-01-03");
	/* 2024-01-05 was a Friday: "on Tuesday" is 2024-01-02. */
	r = code("Israel struck Syria on Tuesday.", "2024-01-05");
	CU_ASSERT_PTR_NOT_NULL_FATAL(t = find(r, "Israel", "Syria"));
	CU_ASSERT_STRING_EQUAL(t->event_date, "2024-01-02");
	/* December in a January article is last year's. */
	r = code("Israel struck Syria on December 30.", "2024-01-05");
	CU_ASSERT_PTR_NOT_NULL_FATAL(t = find(r, "Israel", "Syria"));
	CU_ASSERT_STRING_EQUAL(t->event_date, "2023-12-30");
	/* no date in the sentence: the article's */
	r = code("Iran criticized Israel.", "2024-02-01");
	CU_ASSERT_PTR_NOT_NULL_FATAL(t = find(r, "Iran", "Israel"));
	CU_ASSERT_STRING_EQUAL(t->event_date, "2024-02-01");
	/* location from the gazetteer; the attack's target is the place's state */
	r = code("An attack by the Islamic State in Kerman killed dozens.", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t = find(r, "Islamic State", "Iran"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(t->location);
	CU_ASSERT_STRING_EQUAL(t->location, "Kerman");
	CU_ASSERT_STRING_EQUAL(t->event_date, "");
	/* a capital after "in" is a place, named as the city */
	r = code("Keir Starmer met Volodymyr Zelensky in London on Sunday.", "2025-03-03");
	CU_ASSERT_PTR_NOT_NULL_FATAL(t = find(r, "Keir Starmer", "Volodymyr Zelensky"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(t->location);
	CU_ASSERT_STRING_EQUAL(t->location, "London");
	CU_ASSERT_STRING_EQUAL(t->event_date, "2025-03-02");
	/* a dateline is a place */
	r = code("KYIV – Russia attacked Ukraine overnight.", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t = find(r, "Russia", "Ukraine"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(t->location);
	CU_ASSERT_STRING_EQUAL(t->location, "Kyiv");
}

static void polarity_hedges_attribution(void)
{
	const struct kg_result *r;
	const struct kg_triple *t;

	r = code("North Korea did not attack South Korea.", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t = find(r, "North Korea", "South Korea"));
	CU_ASSERT(t->negated);
	r = code("Iran refused to meet with the United States.", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t = find(r, "Iran", "United States"));
	CU_ASSERT(t->negated);
	r = code("Venezuela's government denied that it had threatened Guyana.", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t = find(r, "Venezuela government", "Guyana"));
	CU_ASSERT(t->negated);
	r = code("Iran said it would not negotiate and criticized the United States.", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t = find(r, "Iran", "United States"));
	CU_ASSERT(!t->negated);
	/* refusing to condemn an invasion does not negate the invasion */
	r = code("Beijing has refused to condemn Russia's invasion of Ukraine.", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t = find(r, "China", "Russia"));
	CU_ASSERT(t->negated);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t = find(r, "Russia", "Ukraine"));
	CU_ASSERT(!t->negated);
	r = code("Russia allegedly attacked Ukraine.", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t = find(r, "Russia", "Ukraine"));
	CU_ASSERT(t->reported);
	CU_ASSERT(!t->negated);
	CU_ASSERT(t->confidence > 0 && t->confidence < 1);
	r = code("According to The Diplomat, Iran is considering cooperation with the Taliban.", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t = find(r, "Iran", "Taliban"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(t->attribution);
	CU_ASSERT_STRING_EQUAL(t->attribution, "The Diplomat");
	CU_ASSERT_EQUAL(t->modality, KG_MOD_CONSIDERED);
	CU_ASSERT_EQUAL(r->ntriples, 1);
	r = code("Russia attacked Ukraine overnight, the Ukrainian military said.", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t = find(r, "Russia", "Ukraine"));
	CU_ASSERT_PTR_NOT_NULL(t->attribution);
}

static void facts_and_unknown_names(void)
{
	const struct kg_result *r;
	size_t i;
	int office = 0, affil = 0, unres = 0;

	r = code("Interior Minister Ahmad Vahidi met Zorgan Blimp in Tehran. "
		 "ISKP, the Islamic State's affiliate in Afghanistan, attacked Iran.", NULL);
	for (i = 0; i < r->nfacts; i++) {
		const struct kg_fact *f = &r->facts[i];
		if (!strcmp(f->relation, "office") && !strcmp(f->subject.name, "Ahmad Vahidi") &&
		    !strcmp(f->value, "Interior Minister"))
			office = 1;
		if (!strcmp(f->relation, "affiliate_of") && f->has_object &&
		    !strcmp(f->object.name, "Islamic State"))
			affil = 1;
	}
	CU_ASSERT(office);
	CU_ASSERT(affil);
	for (i = 0; i < r->nmentions; i++)
		if (!r->mentions[i].resolved && !strcmp(r->mentions[i].actor.name, "Zorgan Blimp")) {
			unres = 1;
			CU_ASSERT_STRING_EQUAL(r->mentions[i].actor.code, "");
		}
	CU_ASSERT(unres);
	/* two actors joined by a hyphen are mentioned, not unknown */
	r = code("Disputes over the Iran-Afghanistan border persist, The Diplomat said.", NULL);
	unres = 0;
	/* ... and "The Diplomat", a name no dictionary knows, is listed as
	 * unresolved (not read as the agent word "diplomat") */
	for (i = 0; i < r->nmentions; i++) {
		if (!strcmp(r->mentions[i].actor.name, "Afghanistan") && r->mentions[i].resolved)
			unres++;
		if (!strcmp(r->mentions[i].actor.name, "The Diplomat") && !r->mentions[i].resolved &&
		    !strcmp(r->mentions[i].actor.code, ""))
			unres++;
		CU_ASSERT(strcmp(r->mentions[i].actor.name, "Diplomat"));
	}
	CU_ASSERT_EQUAL(unres, 2);
	CU_ASSERT_EQUAL(r->ntriples, 0);
	/* an unknown name is listed but takes no part until a dictionary
	 * knows it; with a title it is a person and does */
	r = code("Interior Minister Ahmad Vahidi met Zorgan Blimp in Tehran.", NULL);
	CU_ASSERT_PTR_NULL(find(r, "Ahmad Vahidi", "Zorgan Blimp"));
	r = code("Iran's Interior Minister Ahmad Vahidi met Interior Minister Zorgan Blimp.", NULL);
	CU_ASSERT_PTR_NOT_NULL(find(r, "Ahmad Vahidi", "Zorgan Blimp"));
}

static void datelines_and_composition(void)
{
	const struct kg_result *r;
	const struct kg_triple *t;
	size_t i;

	r = code("KABUL – Afghan Interior Minister Siraj Haqqani criticized Pakistan.", NULL);
	CU_ASSERT_EQUAL(r->ntriples, 1);
	for (i = 0; i < r->nmentions; i++)
		CU_ASSERT(strcmp(r->mentions[i].actor.name, "Afghanistan") || r->mentions[i].off > 10);
	r = code("Syrian rebels attacked Damascus.", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t = find(r, "Syrian rebels", "Syria"));
	CU_ASSERT_STRING_EQUAL(t->subject.code, "SYRREB");
	r = code("Al-Shabaab attacked Somalia on Friday. The group said it had targeted "
		 "government officials.", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t = find(r, "al-Shabaab", "government officials"));
	CU_ASSERT_STRING_EQUAL(t->object.code, "SOMGOV");
	r = code("Iran's foreign minister met Russia's defence minister.", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t = find(r, "Iran's foreign minister", "Russia's defence minister"));
	CU_ASSERT_STRING_EQUAL(t->subject.code, "IRNGOV");
	CU_ASSERT_STRING_EQUAL(t->object.code, "RUSGOV");
}

/* Relation entries added by other readers (PETRARCH) carry no word forms;
 * the coder takes them as any form. */
static void foreign_relation_entries(void)
{
	struct kg_lexicon *lx = kg_lex_new();
	struct kg_coder *cd;
	struct kg_lex_entry *e;
	struct kg_article a = {0};
	const struct kg_result *r;
	static const char text[] = "Russia's blitz on Ukraine failed. Russia blitzed Ukraine.";

	CU_ASSERT_EQUAL_FATAL(kg_lex_load_builtin(lx), 0);
	e = kg_lex_add(lx, KG_LEX_RELATION, "blitz", 5);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	e->pos = "n", e->prep = "on", e->cameo = "190", e->label = "blitzes";
	e = kg_lex_add(lx, KG_LEX_RELATION, "blitzed", 7);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	e->pos = "v", e->prep = "_", e->cameo = "190", e->label = "blitzes";
	cd = kg_coder_new(lx);
	a.text = text;
	a.len = strlen(text);
	a.origin = "test";
	CU_ASSERT_EQUAL(kg_coder_run(cd, &a, &r), 0);
	CU_ASSERT_EQUAL(r->ntriples, 2);
	kg_coder_free(cd);
	kg_lex_free(lx);
}

static void cleanup(void)
{
	kg_coder_free(CD);
	kg_lex_free(LX);
	CD = NULL;
	LX = NULL;
}

void test_coder(void)
{
	static CU_TestInfo tests[] = {
		{"result has provenance", result_has_provenance},
		{"dates and places", dates_and_places},
		{"polarity, hedges and attribution", polarity_hedges_attribution},
		{"facts and unknown names", facts_and_unknown_names},
		{"datelines and composed codes", datelines_and_composition},
		{"relation entries of other readers", foreign_relation_entries},
		{"cleanup", cleanup},
		CU_TEST_INFO_NULL
	};
	kg_suite("coder", tests);
}
