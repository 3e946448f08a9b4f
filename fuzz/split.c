/* split.c: fuzz the sentence splitter and the tokenizer (src/text/). */
#include <assert.h>
#include <string.h>

#include "fuzz.h"
#include "text/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct kg_sentences ss;
	static struct kg_tokens ts;
	const char *text = (const char *)data;

	kg_split_sentences(text, size, &ss);
	for (size_t i = 0; i < ss.n; i++) {
		const struct kg_sentence *s = &ss.v[i];

		/* Sentences lie inside the text, in order, without overlap. */
		assert(s->off <= size && s->len <= size - s->off);
		assert(i == 0 || ss.v[i - 1].off + ss.v[i - 1].len <= s->off);
		kg_tokenize(text, s->off, s->len, &ts);
		for (size_t j = 0; j < ts.n; j++) {
			const struct kg_token *t = &ts.v[j];

			assert(t->off >= s->off && t->len > 0);
			assert(t->off + t->len <= s->off + s->len);
			(void)kg_is_abbrev(text + t->off, t->len);
			(void)kg_tok_is(text, t, "the");
		}
	}
	/* The tokenizer alone, on the whole input (one long "sentence"). */
	kg_tokenize(text, 0, size, &ts);
	return 0;
}
