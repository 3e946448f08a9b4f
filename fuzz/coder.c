/*
 * coder.c: fuzz the coder (kg_coder_run) with the built-in dictionaries,
 * on the input as an article body.  Checks that every offset and index
 * it returns lies inside the article and its result.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "code/coder.h"
#include "fuzz.h"
#include "lexicon/lexicon.h"

static struct kg_lexicon *lx;
static struct kg_coder *coder;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	lx = kg_lex_new();
	if (kg_lex_load_builtin(lx) < 0)
		abort();
	coder = kg_coder_new(lx);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kg_article a = {0};
	const struct kg_result *r;
	char *text = malloc(size + 1);	/* the readers hand on NUL-terminated text */

	memcpy(text, data, size);
	text[size] = 0;
	a.text = text;
	a.len = size;
	a.origin = "fuzz";
	a.date = size & 1 ? "2024-01-04" : NULL;
	if (size > 8 && data[0] == 'K') {	/* sometimes a dateline */
		a.dateline = "KABUL";
		a.dateline_off = 0;
		a.dateline_len = 8;
	}
	if (kg_coder_run(coder, &a, &r) == 0) {
		for (size_t i = 0; i < r->nsentences; i++)
			assert(r->sentences[i].off + r->sentences[i].len <= size);
		for (size_t i = 0; i < r->nmentions; i++) {
			assert(r->mentions[i].sentence < r->nsentences);
			assert(r->mentions[i].off + r->mentions[i].len <= size);
			assert(r->mentions[i].actor.name);
		}
		for (size_t i = 0; i < r->ntriples; i++) {
			const struct kg_triple *t = &r->triples[i];

			assert(t->sentence < r->nsentences);
			assert(t->subject.name && t->object.name && t->predicate);
			assert(strlen(t->cameo) < sizeof t->cameo);
		}
		for (size_t i = 0; i < r->nfacts; i++)
			assert(r->facts[i].sentence < r->nsentences);
	}
	free(text);
	return 0;
}
