/* lexicon_test.c: the phrase table and the TSV readers. */
#include <string.h>

#include "lexicon/lexicon.h"
#include "tests.h"

static const struct kg_lex_entry *get(struct kg_lexicon *lx, const char *phrase)
{
	char norm[256];
	size_t n = kg_lex_norm(phrase, strlen(phrase), norm, sizeof norm);
	return kg_lex_get(lx, norm, n);
}

static void normalises(void)
{
	char b[64];

	CU_ASSERT_EQUAL(kg_lex_norm("  The  Islamic_State ", 21, b, sizeof b), 17);
	CU_ASSERT_STRING_EQUAL(b, "the islamic state");
	kg_lex_norm("Iran\xE2\x80\x99s", 8, b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "iran's");
	CU_ASSERT_EQUAL(kg_lex_norm("abcdef", 6, b, 4), 0);	/* does not fit */
}

static void reads_countries_and_actors(void)
{
	static const char countries[] =
		"# code name type aliases adjectives capitals\n"
		"IRN\tIran\tstate\tIslamic Republic of Iran\tIranian|Iranians\tTehran\n"
		"RUS\tRussia\tstate\tRussian Federation\tRussian\tMoscow|Kremlin=GOV\n"
		"USA\tUnited States\tstate\tU.S.|US\tAmerican\tWashington\n";
	static const char actors[] =
		"Ahmad Vahidi\tIRNGOV\tperson\tIRN\tVahidi\tInterior Minister\t2021-08-25\t2024-08-21\n"
		"broken line\n"
		"Taliban\tAFGTAL\tarmed_group\tAFG\t-\t-\t-\t-\n";
	struct kg_lexicon *lx = kg_lex_new();
	const struct kg_lex_entry *e;

	CU_ASSERT_EQUAL(kg_lex_load_tsv(lx, "countries", "c.tsv", countries, strlen(countries)), 0);
	CU_ASSERT_EQUAL(kg_lex_load_tsv(lx, "actors", "a.tsv", actors, strlen(actors)), 1);
	e = get(lx, "IRANIAN");
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CU_ASSERT_STRING_EQUAL(e->actor.code, "IRN");
	CU_ASSERT(e->flags & KG_LEXF_ADJ);
	e = get(lx, "kremlin");
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CU_ASSERT_STRING_EQUAL(e->actor.code, "RUSGOV");
	CU_ASSERT_EQUAL(e->actor.type, KG_ACTOR_GOVERNMENT);
	e = get(lx, "us");
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CU_ASSERT(e->flags & KG_LEXF_EXACT);	/* "us" the pronoun is not the U.S. */
	e = get(lx, "vahidi");
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CU_ASSERT_EQUAL(e->from, 20210825);
	CU_ASSERT_STRING_EQUAL(e->office, "Interior Minister");
	CU_ASSERT_PTR_NOT_NULL(get(lx, "taliban"));
	CU_ASSERT_PTR_NULL(get(lx, "broken line"));
	CU_ASSERT_EQUAL(kg_lex_max_words(lx), 4);
	e = kg_lex_by_code(lx, "IRN");
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CU_ASSERT_STRING_EQUAL(e->actor.name, "Iran");
	kg_lex_free(lx);
}

static void builtin_loads(void)
{
	struct kg_lexicon *lx = kg_lex_new();
	const struct kg_cameo *c;

	CU_ASSERT_EQUAL(kg_lex_load_builtin(lx), 0);
	CU_ASSERT(kg_lex_count(lx, KG_LEX_ACTOR) > 0);
	CU_ASSERT(kg_lex_count(lx, KG_LEX_RELATION) > 0);
	c = kg_lex_cameo(lx, "190");
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_EQUAL(c->quad_class, 4);
	CU_ASSERT_PTR_NULL(kg_lex_cameo(lx, "999"));
	kg_lex_free(lx);
}

void test_lexicon(void)
{
	static CU_TestInfo tests[] = {
		{"normalises phrases", normalises},
		{"reads countries and actors", reads_countries_and_actors},
		{"built-in dictionaries load", builtin_loads},
		CU_TEST_INFO_NULL
	};
	kg_suite("lexicon", tests);
}
