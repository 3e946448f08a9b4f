/*
 * read.c: fuzz the article readers (src/input/: text, JSON, JSONL, HTML,
 * format detection, UTF-8 repair, title and dateline) through
 * kg_read_buffer.  The first byte picks the format (auto most often).
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "fuzz.h"
#include "input/input.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static int valid_utf8(const unsigned char *p, size_t n)
{
	/* The readers promise valid UTF-8 without NUL; a cheap check of the
	 * structure (lead byte, continuation bytes). */
	size_t i = 0;

	while (i < n) {
		unsigned char c = p[i];
		size_t l = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;

		if (!c || !l || i + l > n)
			return 0;
		for (size_t k = 1; k < l; k++)
			if ((p[i + k] & 0xC0) != 0x80)
				return 0;
		i += l;
	}
	return 1;
}

static size_t touch(const char *s)
{
	return s ? strlen(s) : 0;
}

static int article(const struct kg_article *a, void *ctx)
{
	size_t *n = ctx;

	assert(a->text && a->origin);
	assert(valid_utf8((const unsigned char *)a->text, a->len));
	assert(a->dateline_off <= a->len && a->dateline_len <= a->len - a->dateline_off);
	*n += touch(a->id) + touch(a->title) + touch(a->date) + touch(a->source) +
	      touch(a->url) + touch(a->dateline);
	if (a->date)
		assert(strlen(a->date) == 10);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum kg_format formats[8] = {
		KG_FMT_AUTO, KG_FMT_AUTO, KG_FMT_AUTO, KG_FMT_AUTO,
		KG_FMT_TEXT, KG_FMT_JSON, KG_FMT_JSONL, KG_FMT_HTML,
	};
	struct kg_read_opts o = {0};
	size_t n = 0;

	if (!size)
		return 0;
	o.format = formats[data[0] & 7];
	o.date = data[0] & 8 ? "2024-01-04" : NULL;
	kg_read_buffer("fuzz", (const char *)data + 1, size - 1, &o, article, &n);
	return 0;
}
