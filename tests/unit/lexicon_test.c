/* lexicon_test.c: the phrase table and the TSV readers. */
#include <stdio.h>
#include <stdlib.h>
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


static void inflects_and_reads_relations(void)
{
	static const char rel[] =
		"attack\tv\t_\t190\tattacks\n"
		"hold talks\tv\twith\t040\tholds talks with\theld/held\tsym\n"
		"crisis\tn\twith\t190\tcrisis\tcrises\n"
		"ban\tv\t_\t172\tbans\n";
	struct kg_lexicon *lx = kg_lex_new();
	const struct kg_lex_entry *e;
	char b[64];

	CU_ASSERT_STRING_EQUAL(kg_lex_inflect("agree", KG_FORM_PAST, b, sizeof b), "agreed");
	CU_ASSERT_STRING_EQUAL(kg_lex_inflect("deny", KG_FORM_3SG, b, sizeof b), "denies");
	CU_ASSERT_STRING_EQUAL(kg_lex_inflect("deny", KG_FORM_PAST, b, sizeof b), "denied");
	CU_ASSERT_STRING_EQUAL(kg_lex_inflect("ban", KG_FORM_ING, b, sizeof b), "banning");
	CU_ASSERT_STRING_EQUAL(kg_lex_inflect("visit", KG_FORM_PAST, b, sizeof b), "visited");
	CU_ASSERT_STRING_EQUAL(kg_lex_inflect("criticize", KG_FORM_ING, b, sizeof b), "criticizing");
	CU_ASSERT_STRING_EQUAL(kg_lex_inflect("push", KG_FORM_3SG, b, sizeof b), "pushes");
	CU_ASSERT_STRING_EQUAL(kg_lex_inflect("tie", KG_FORM_ING, b, sizeof b), "tying");
	CU_ASSERT_STRING_EQUAL(kg_lex_inflect("agree", KG_FORM_ING, b, sizeof b), "agreeing");
	CU_ASSERT_STRING_EQUAL(kg_lex_inflect("ally", KG_FORM_PL, b, sizeof b), "allies");

	CU_ASSERT_EQUAL(kg_lex_load_tsv(lx, "relations", "r.tsv", rel, strlen(rel)), 0);
	e = get(lx, "attacked");
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CU_ASSERT_EQUAL(e->forms, KG_FORM_PAST | KG_FORM_PP);
	CU_ASSERT_STRING_EQUAL(e->lemma, "attack");
	CU_ASSERT_PTR_NOT_NULL(get(lx, "attacking"));
	e = get(lx, "held talks");
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CU_ASSERT(e->rflags & KG_RELF_SYM);
	CU_ASSERT_STRING_EQUAL(e->prep, "with");
	CU_ASSERT_PTR_NOT_NULL(get(lx, "holding talks"));
	CU_ASSERT_PTR_NULL(get(lx, "holded talks"));
	CU_ASSERT_PTR_NOT_NULL(get(lx, "crises"));
	CU_ASSERT_PTR_NOT_NULL(get(lx, "banned"));
	CU_ASSERT_EQUAL(kg_lex_lead_words(lx, "held", 4), 2);
	CU_ASSERT_EQUAL(kg_lex_lead_words(lx, "attack", 6), 1);
	CU_ASSERT_EQUAL(kg_lex_lead_words(lx, "nothing", 7), 0);
	kg_lex_free(lx);
}

static void builtin_relations_cover_all_roots(void)
{
	struct kg_lexicon *lx = kg_lex_new();
	char root[3], phrase[64];
	int have[21] = {0};
	static const char *const probes[] = {
		"offered condolences", "urged", "pledged support", "met", "praised", "shared intelligence",
		"sent aid", "withdrew", "investigated", "demanded", "condemned", "rejected",
		"threatened", "protested", "deployed troops", "imposed sanctions", "arrested",
		"kidnapped", "attacked", "massacred", NULL
	};

	CU_ASSERT_EQUAL_FATAL(kg_lex_load_builtin(lx), 0);
	for (int i = 0; probes[i]; i++) {
		const struct kg_lex_entry *e;
		snprintf(phrase, sizeof phrase, "%s", probes[i]);
		for (e = get(lx, phrase); e; e = e->next)
			if (e->kind == KG_LEX_RELATION) {
				memcpy(root, e->cameo, 2);
				root[2] = 0;
				have[atoi(root)] = 1;
				CU_ASSERT_PTR_NOT_NULL(kg_lex_cameo(lx, e->cameo));
			}
	}
	for (int i = 1; i <= 20; i++)
		CU_ASSERT(have[i]);
	kg_lex_free(lx);
}

void test_lexicon(void)
{
	static CU_TestInfo tests[] = {
		{"normalises phrases", normalises},
		{"reads countries and actors", reads_countries_and_actors},
		{"built-in dictionaries load", builtin_loads},
		{"inflects and reads relations", inflects_and_reads_relations},
		{"built-in relations cover all CAMEO roots", builtin_relations_cover_all_roots},
		CU_TEST_INFO_NULL
	};
	kg_suite("lexicon", tests);
}
