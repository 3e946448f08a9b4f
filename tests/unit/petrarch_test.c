/* petrarch_test.c: the PETRARCH/TABARI readers and the verb-pattern coder. */
#include <string.h>

#include "base/err.h"
#include "code/patterns.h"
#include "lexicon/lexicon.h"
#include "tests.h"

static const char actors[] =
	"<!-- a comment\n over two lines -->\n"
	"ARNOR_  [ARN]\n"
	"GONDOR [GON]\n+MINAS_TIRITH\n"
	"GOLLUM  # pas\n+SMEAGOL\n"
	"\t[HOB < 950601]\n"
	"\t[HOBGOV 19950601 - 19990815]\n"
	"\t[HOBREB > 990816]\n"
	"THE_SHIRE  [FRO/BIL/SAM]\n"
	"ITHILEN  [ITH]\n"
	"ITHILEN TELEVISION  [ITHTV]\n"
	"NO_CODE_HERE\n"
	"MORDOR [MOR 9999]\n"
	"OSGILIATH [OSG]\n";

static const char agents[] =
	"!MINST! = MINISTER, MINISTRY\n"
	"GOVERNMENT  [~GOV]\n"
	"POLICE {} [ ~COP]\n"
	"GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\n"
	"!MINST!_OF_SILLY_WALKS [~GOV]\n"
	"MSF {}  [NGO~]\n"
	"BROKEN\n";

static const char verbs[] =
	"&TIETYPES\n+MILITARY\n+ECONOMIC\n\n"
	"--- RESTORE  [064]  ---\n"
	"RESTORE\n"
	"- * &TIETYPES TIES [902]\n"
	"- * NEW_&TIETYPES_RELATIONS [903]\n"
	"- NOT * [112]\n"
	"--- MEET  [031:032]  ---\n"
	"MEET\n"
	"- % HAVE * [191]\n"
	"--- BREAK [1717] ---\n"
	"BREAK { BROKE BROKEN  }\n"
	"+BREAK_DOWN {+BROKE_DOWN}\n"
	"- * TREATY [161]\n"
	"--- RUSH [042] ---\n"
	"RUSH\n"
	"- * (TO {NORTHERN BORDER}) [154]\n"
	"--- CONDEMN [122] ---\n"
	"CONDEMN\n"
	"- * &NOSUCHSET [999]\n"
	"- no star here [111]\n";

static const struct kg_lex_entry *get(const struct kg_lexicon *lx, const char *norm,
				      enum kg_lex_kind kind)
{
	const struct kg_lex_entry *e;

	for (e = kg_lex_get(lx, norm, strlen(norm)); e; e = e->next)
		if (e->kind == kind && !(e->flags & KG_LEXF_GAPPED))
			return e;
	return NULL;
}

static struct kg_lexicon *load(int *bad)
{
	struct kg_lexicon *lx = kg_lex_new();
	int save = kg_verbosity;

	kg_verbosity = -1;	/* the bad lines below are on purpose */
	bad[0] = kg_lex_load_petrarch_mem(lx, "actors", "a.txt", actors, strlen(actors));
	bad[1] = kg_lex_load_petrarch_mem(lx, "agents", "g.txt", agents, strlen(agents));
	bad[2] = kg_lex_load_petrarch_mem(lx, "verbs", "v.txt", verbs, strlen(verbs));
	kg_verbosity = save;
	return lx;
}

static void words_like_treebank(void)
{
	struct kg_lexicon *lx = kg_lex_new();
	int bad[3];

	kg_lex_free(lx);
	lx = load(bad);
	/* "won't" is "wo n't"; possessives split; abbreviations keep their dots */
	CU_ASSERT_EQUAL(kg_lex_date("950601", 6), 19950601);
	CU_ASSERT_EQUAL(kg_lex_date("291231", 6), 20291231);
	CU_ASSERT_EQUAL(kg_lex_date("2014-01-04", 10), 20140104);
	CU_ASSERT_EQUAL(kg_lex_date("20140", 5), 0);
	kg_lex_free(lx);
}

static void reads_actors(void)
{
	int bad[3];
	struct kg_lexicon *lx = load(bad);
	const struct kg_lex_entry *e;

	/* no code, and a bad date: reported, the rest loads */
	CU_ASSERT_EQUAL(bad[0], 2);
	e = get(lx, "arnor", KG_LEX_ACTOR);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CU_ASSERT_STRING_EQUAL(e->actor.code, "ARN");
	CU_ASSERT_STRING_EQUAL(e->actor.name, "Arnor");
	e = get(lx, "minas tirith", KG_LEX_ACTOR);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CU_ASSERT_STRING_EQUAL(e->actor.code, "GON");
	CU_ASSERT_STRING_EQUAL(e->actor.name, "Gondor");
	/* dated codes in file order */
	e = get(lx, "smeagol", KG_LEX_ACTOR);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CU_ASSERT_STRING_EQUAL(e->actor.code, "HOB");
	CU_ASSERT_EQUAL(e->from, 0);
	CU_ASSERT_EQUAL(e->until, 19950600);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e->next);
	CU_ASSERT_STRING_EQUAL(e->next->actor.code, "HOBGOV");
	CU_ASSERT_EQUAL(e->next->from, 19950601);
	CU_ASSERT_EQUAL(e->next->until, 19990815);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e->next->next);
	CU_ASSERT_EQUAL(e->next->next->from, 19990817);
	CU_ASSERT_PTR_NULL(get(lx, "no code here", KG_LEX_ACTOR));
	CU_ASSERT_PTR_NOT_NULL(get(lx, "osgiliath", KG_LEX_ACTOR));
	kg_lex_free(lx);
}

static void reads_agents(void)
{
	int bad[3];
	struct kg_lexicon *lx = load(bad);
	const struct kg_lex_entry *e;

	CU_ASSERT_EQUAL(bad[1], 1);
	e = get(lx, "governments", KG_LEX_AGENT);	/* regular plural */
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CU_ASSERT_STRING_EQUAL(e->agent, "~GOV");
	CU_ASSERT_PTR_NOT_NULL(get(lx, "police", KG_LEX_AGENT));
	CU_ASSERT_PTR_NULL(get(lx, "polices", KG_LEX_AGENT));	/* {}: no plural */
	CU_ASSERT_PTR_NOT_NULL(get(lx, "golden geese", KG_LEX_AGENT));
	CU_ASSERT_PTR_NULL(get(lx, "golden gooses", KG_LEX_AGENT));
	CU_ASSERT_PTR_NOT_NULL(get(lx, "ministry of silly walks", KG_LEX_AGENT));
	CU_ASSERT_PTR_NOT_NULL(get(lx, "minister of silly walks", KG_LEX_AGENT));
	e = get(lx, "msf", KG_LEX_AGENT);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CU_ASSERT_STRING_EQUAL(e->agent, "NGO~");
	kg_lex_free(lx);
}

static void reads_verbs(void)
{
	int bad[3];
	struct kg_lexicon *lx = load(bad);
	const struct kg_lex_entry *e;
	const struct kg_petr_verb *v;

	/* the unknown synset and the pattern without '*' */
	CU_ASSERT_EQUAL(bad[2], 2);
	CU_ASSERT(kg_lex_has_petrarch_verbs(lx));
	e = get(lx, "restored", KG_LEX_RELATION);	/* regular forms */
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	v = e->extra;
	CU_ASSERT_STRING_EQUAL(v->codes.code, "064");
	CU_ASSERT_EQUAL(v->block->npat, 3);
	/* longest first */
	CU_ASSERT_EQUAL(v->block->pat[0].weight, 3);
	CU_ASSERT_STRING_EQUAL(v->block->pat[0].codes.code, "903");
	CU_ASSERT(v->block->pat[0].post[1].joined);
	CU_ASSERT_EQUAL(v->block->pat[0].post[1].type, KG_PETR_SYN);
	CU_ASSERT_STRING_EQUAL(v->block->pat[0].post[1].syn->name, "TIETYPES");
	CU_ASSERT_PTR_NOT_NULL(get(lx, "restoring", KG_LEX_RELATION));
	e = get(lx, "meet", KG_LEX_RELATION);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	v = e->extra;
	CU_ASSERT_STRING_EQUAL(v->codes.code, "031");
	CU_ASSERT_STRING_EQUAL(v->codes.code2, "032");
	/* explicit forms replace the regular ones; multi-word verbs */
	CU_ASSERT_PTR_NOT_NULL(get(lx, "broken", KG_LEX_RELATION));
	CU_ASSERT_PTR_NULL(get(lx, "breaked", KG_LEX_RELATION));
	CU_ASSERT_PTR_NOT_NULL(get(lx, "broke down", KG_LEX_RELATION));
	kg_lex_free(lx);
}

/* Code one sentence and return "SRC TGT CODE; ..." in buf. */
static const char *code(struct kg_patcoder *pc, const char *date, const char *text,
			char *buf, size_t cap)
{
	struct kg_article a = {0};
	const struct kg_result *r;
	size_t i, o = 0;

	a.text = text;
	a.len = strlen(text);
	a.date = date;
	a.origin = "test";
	kg_patcoder_run(pc, &a, &r);
	buf[0] = 0;
	for (i = 0; i < r->ntriples && o < cap; i++)
		o += (size_t)snprintf(buf + o, cap - o, "%s%s %s %s", i ? "; " : "",
				      r->triples[i].subject.code, r->triples[i].object.code,
				      r->triples[i].cameo);
	return buf;
}

static void codes_sentences(void)
{
	int bad[3];
	struct kg_lexicon *lx = load(bad);
	struct kg_patcoder *pc = kg_patcoder_new(lx);
	char b[512];

	CU_ASSERT_PTR_NOT_NULL_FATAL(pc);
	/* default code, target in a prepositional phrase */
	CU_ASSERT_STRING_EQUAL(code(pc, NULL, "Arnor will restore full ties with Gondor.", b, sizeof b),
			       "ARN GON 064");
	/* a synset in a pattern; words between allowed */
	CU_ASSERT_STRING_EQUAL(code(pc, NULL, "Arnor will restore full economic ties with Gondor.",
				    b, sizeof b), "ARN GON 902");
	/* joined words must be adjacent: NEW_&TIETYPES_RELATIONS */
	CU_ASSERT_STRING_EQUAL(code(pc, NULL, "Arnor restored new military relations with Gondor.",
				    b, sizeof b), "ARN GON 903");
	CU_ASSERT_STRING_EQUAL(code(pc, NULL, "Arnor restored new global military relations with Gondor.",
				    b, sizeof b), "ARN GON 064");
	/* the article date picks the dated code */
	CU_ASSERT_STRING_EQUAL(code(pc, "1995-01-01", "Smeagol restored ties with Gondor.", b, sizeof b),
			       "HOB GON 064");
	CU_ASSERT_STRING_EQUAL(code(pc, "1997-05-05", "Smeagol restored ties with Gondor.", b, sizeof b),
			       "HOBGOV GON 064");
	CU_ASSERT_STRING_EQUAL(code(pc, "2001-01-01", "Smeagol restored ties with Gondor.", b, sizeof b),
			       "HOBREB GON 064");
	/* pair codes, agents, possessives */
	CU_ASSERT_STRING_EQUAL(code(pc, NULL, "The Gondor government will meet Arnor's police.",
				    b, sizeof b), "GONGOV ARNCOP 031; ARNCOP GONGOV 032");
	/* % compound: events among its members */
	CU_ASSERT_STRING_EQUAL(code(pc, NULL, "Gondor and Osgiliath have to meet in secret.", b, sizeof b),
			       "GON OSG 191; OSG GON 191");
	/* several codes at once, a prefix agent, a gapped name */
	CU_ASSERT_STRING_EQUAL(code(pc, NULL, "The Shire broke a treaty with Ithilen state-run television.",
				    b, sizeof b), "FRO ITHTV 161; BIL ITHTV 161; SAM ITHTV 161");
	CU_ASSERT_STRING_EQUAL(code(pc, NULL, "MSF restored ties with Mordor.", b, sizeof b), "");
	CU_ASSERT_STRING_EQUAL(code(pc, NULL, "An MSF Arnor government restored ties with Osgiliath.",
				    b, sizeof b), "NGOARNGOV OSG 064");
	/* a phrase in a pattern keeps its words close together */
	CU_ASSERT_STRING_EQUAL(code(pc, NULL, "Arnor rushed troops to the northern border of Gondor.",
				    b, sizeof b), "ARN GON 154");
	CU_ASSERT_STRING_EQUAL(code(pc, NULL, "Arnor rushed troops to Gondor as it spoke of a northern "
				    "border.", b, sizeof b), "ARN GON 042");
	/* a verb used as a noun codes nothing */
	CU_ASSERT_STRING_EQUAL(code(pc, NULL, "Arnor spoke of the meet with Gondor.", b, sizeof b), "");
	/* passive with an agent */
	CU_ASSERT_STRING_EQUAL(code(pc, NULL, "Arnor was condemned by Gondor.", b, sizeof b),
			       "GON ARN 122");
	/* verb-phrase coordination keeps the subject */
	CU_ASSERT_STRING_EQUAL(code(pc, NULL, "Arnor condemned Gondor and restored ties with Osgiliath.",
				    b, sizeof b), "ARN GON 122; ARN OSG 064");
	/* the subject after a relative clause; "its" belongs to its owner */
	CU_ASSERT_STRING_EQUAL(code(pc, NULL, "Arnor, which condemned Mordor, restored ties with Gondor.",
				    b, sizeof b), "ARN GON 064");
	CU_ASSERT_STRING_EQUAL(code(pc, NULL, "Arnor knows that its police condemned Gondor.", b, sizeof b),
			       "ARNCOP GON 122");
	/* ... but what the subject owns is not its target */
	CU_ASSERT_STRING_EQUAL(code(pc, NULL, "Arnor condemned its police in Gondor.", b, sizeof b),
			       "ARN GON 122");
	/* "it" is the subject of the verb before */
	CU_ASSERT_STRING_EQUAL(code(pc, NULL, "The Gondor government condemned Arnor because it "
				    "restored ties with Osgiliath.", b, sizeof b),
			       "GONGOV ARN 122; GONGOV OSG 064");
	/* a compound shares its head agent */
	CU_ASSERT_STRING_EQUAL(code(pc, NULL, "The Gondor and Arnor governments condemned Osgiliath.",
				    b, sizeof b), "GONGOV OSG 122; ARNGOV OSG 122");
	CU_ASSERT_STRING_EQUAL(code(pc, NULL, "Osgiliath and the Gondor government condemned Arnor.",
				    b, sizeof b), "OSG ARN 122; GONGOV ARN 122");
	/* "us" is a pronoun, not a name written in capitals */
	CU_ASSERT_STRING_EQUAL(code(pc, NULL, "Arnor condemned us.", b, sizeof b), "");
	kg_patcoder_free(pc);
	kg_lex_free(lx);
}

static void negation_and_names(void)
{
	int bad[3];
	struct kg_lexicon *lx = load(bad);
	struct kg_patcoder *pc = kg_patcoder_new(lx);
	struct kg_article a = {0};
	const struct kg_result *r;

	CU_ASSERT_PTR_NOT_NULL_FATAL(pc);
	a.text = "The Arnor government will not restore ties with Gondor.";
	a.len = strlen(a.text);
	a.origin = "test";
	kg_patcoder_run(pc, &a, &r);
	CU_ASSERT_EQUAL_FATAL(r->ntriples, 1);
	CU_ASSERT(r->triples[0].negated);
	CU_ASSERT_EQUAL(r->triples[0].modality, KG_MOD_INTENDED);
	CU_ASSERT_STRING_EQUAL(r->triples[0].subject.name, "Arnor Government");
	CU_ASSERT_EQUAL(r->triples[0].subject.type, KG_ACTOR_GOVERNMENT);
	CU_ASSERT_STRING_EQUAL(r->triples[0].subject.country, "ARN");
	CU_ASSERT_STRING_EQUAL(r->triples[0].object.name, "Gondor");
	CU_ASSERT_EQUAL(r->triples[0].object.type, KG_ACTOR_STATE);
	/* the dictionary's "- NOT * [112]" codes the refusal */
	CU_ASSERT_STRING_EQUAL(r->triples[0].cameo, "112");
	CU_ASSERT_EQUAL(r->triples[0].quad_class, 3);
	kg_patcoder_free(pc);
	kg_lex_free(lx);
}

static void without_verbs_no_patcoder(void)
{
	struct kg_lexicon *lx = kg_lex_new();

	CU_ASSERT_EQUAL(kg_lex_load_petrarch_mem(lx, "actors", "a", "X [Y]\n", 6), 0);
	CU_ASSERT_PTR_NULL(kg_patcoder_new(lx));
	CU_ASSERT_EQUAL(kg_lex_load_petrarch_mem(lx, "nonsense", "n", "", 0), -1);
	kg_lex_free(lx);
}

void test_petrarch(void)
{
	kg_suite("petrarch", (CU_TestInfo[]){
		{"dates", words_like_treebank},
		{"actors: names, synonyms, dated codes", reads_actors},
		{"agents: plurals, substitutions, prefixes", reads_agents},
		{"verbs: forms, blocks, synsets, patterns", reads_verbs},
		{"codes sentences", codes_sentences},
		{"negation, modality, names and types", negation_and_names},
		{"no verbs, no pattern coder", without_verbs_no_patcoder},
		CU_TEST_INFO_NULL,
	});
}
