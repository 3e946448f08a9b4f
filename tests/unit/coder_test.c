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

void test_coder(void)
{
	static CU_TestInfo tests[] = {
		{"result has provenance", result_has_provenance},
		CU_TEST_INFO_NULL
	};
	kg_suite("coder", tests);
}
