/*
 * petrarch.c: fuzz the PETRARCH/TABARI dictionary readers
 * (kg_lex_load_petrarch_mem, src/lexicon/petrarch.c); the first byte picks
 * actors, agents, discards or verbs.  Then the coder runs a few fixed
 * sentences with what was loaded, so the patterns read are also used.
 * Built only when src/lexicon/petrarch.c exists (see the Makefile).
 */
#include <string.h>

#include "code/coder.h"
#include "fuzz.h"
#include "lexicon/lexicon.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const kinds[] = {"actors", "agents", "discards", "verbs"};
	static const char text[] =
		"Iran will cooperate with the Taliban against ISKP. The Iranian interior minister "
		"accused Pakistani rebels of an attack. Officials did not restore ties with Kabul.";
	struct kg_lexicon *lx;
	struct kg_coder *c;
	struct kg_article a = {0};
	const struct kg_result *r;

	if (!size)
		return 0;
	lx = kg_lex_new();
	kg_lex_load_petrarch_mem(lx, kinds[data[0] & 3], "fuzz", (const char *)data + 1, size - 1);
	c = kg_coder_new(lx);
	a.text = text;
	a.len = sizeof text - 1;
	a.origin = "fuzz";
	a.date = "2015-06-01";
	kg_coder_run(c, &a, &r);
	kg_coder_free(c);
	kg_lex_free(lx);
	return 0;
}
