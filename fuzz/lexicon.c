/*
 * lexicon.c: fuzz the built-in TSV dictionary readers (kg_lex_load_tsv),
 * then look up and normalise what was loaded.  The first byte picks the
 * dictionary type.
 */
#include <string.h>

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
	static const char *const types[] = {"countries", "actors", "agents", "places", "relations", "cameo"};
	struct kg_lexicon *lx;
	char norm[256];
	size_t n;

	if (!size)
		return 0;
	lx = kg_lex_new();
	kg_lex_load_tsv(lx, types[data[0] % 6], "fuzz", (const char *)data + 1, size - 1);
	/* Each line's first field, normalised, looked up. */
	for (size_t i = 1, a = 1; i <= size; i++) {
		if (i < size && data[i] != '\n' && data[i] != '\t')
			continue;
		if ((n = kg_lex_norm((const char *)data + a, i - a, norm, sizeof norm)))
			(void)kg_lex_get(lx, norm, n);
		a = i + 1;
	}
	(void)kg_lex_by_code(lx, "IRN");
	(void)kg_lex_cameo(lx, "190");
	(void)kg_lex_max_words(lx);
	kg_lex_free(lx);
	return 0;
}
