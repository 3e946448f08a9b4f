/* input_test.c: the readers through kg_read_buffer: titles, datelines,
 * format detection, UTF-8 repair, JSON fields. */
#include <stdio.h>
#include <string.h>

#include "input/input.h"
#include "tests.h"

/* What the callback saw (copies: the article is gone after the call). */
struct seen {
	int n;
	char id[64], title[128], date[16], source[64], dateline[64], origin[64];
	char text[256];
	size_t dl_off, dl_len, len;
};

static void copy(char *dst, size_t cap, const char *s)
{
	snprintf(dst, cap, "%s", s ? s : "(null)");
}

static int keep(const struct kg_article *a, void *ctx)
{
	struct seen *s = ctx;

	s->n++;
	copy(s->id, sizeof s->id, a->id);
	copy(s->title, sizeof s->title, a->title);
	copy(s->date, sizeof s->date, a->date);
	copy(s->source, sizeof s->source, a->source);
	copy(s->dateline, sizeof s->dateline, a->dateline);
	copy(s->origin, sizeof s->origin, a->origin);
	snprintf(s->text, sizeof s->text, "%.*s", (int)a->len, a->text);
	s->dl_off = a->dateline_off;
	s->dl_len = a->dateline_len;
	s->len = a->len;
	return 0;
}

static int read_as(const char *data, enum kg_format f, struct seen *s)
{
	struct kg_read_opts o = {0};

	memset(s, 0, sizeof *s);
	o.format = f;
	return kg_read_buffer("mem", data, strlen(data), &o, keep, s);
}

static void datelines(void)
{
	static const struct {
		const char *text, *place, *source, *rest;
	} cases[] = {
		{"KABUL \xE2\x80\x93 Iran met the Taliban.", "KABUL", "(null)", "Iran met"},
		{"WASHINGTON (Reuters) - Iran met the Taliban.", "WASHINGTON", "Reuters", "Iran met"},
		{"NEW YORK, Nov. 28 (AP) \xE2\x80\x94 The UN met.", "NEW YORK", "AP", "The UN"},
		{"BEIJING, China -- Talks began.", "BEIJING", "(null)", "Talks began"},
		{"Title line\n\nTEHRAN - Iran said.", "TEHRAN", "(null)", "Iran said"},
		{"S\xC3\x83O PAULO \xE2\x80\x93 Brazil voted.", "S\xC3\x83O PAULO", "(null)", "Brazil"},
		/* not datelines */
		{"US officials - said nothing.", NULL, NULL, NULL},
		{"NEW York - said nothing.", NULL, NULL, NULL},
		{"Iran - the state - met.", NULL, NULL, NULL},
		{"ABC-TV reported the talks.", NULL, NULL, NULL},
		{"KABUL, the capital - fell.", NULL, NULL, NULL},
	};
	struct seen s;

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		CU_ASSERT_EQUAL(read_as(cases[i].text, KG_FMT_TEXT, &s), 0);
		CU_ASSERT_EQUAL(s.n, 1);
		if (!cases[i].place) {
			CU_ASSERT_STRING_EQUAL(s.dateline, "(null)");
			CU_ASSERT_EQUAL(s.dl_len, 0);
			continue;
		}
		CU_ASSERT_STRING_EQUAL(s.dateline, cases[i].place);
		CU_ASSERT_STRING_EQUAL(s.source, cases[i].source);
		CU_ASSERT(s.dl_off + s.dl_len <= s.len);
		CU_ASSERT(!strncmp(s.text + s.dl_off + s.dl_len, cases[i].rest, strlen(cases[i].rest)));
	}
}

static void titles(void)
{
	struct seen s;

	read_as("Iran and the Taliban\n\nIran met the Taliban.\n", KG_FMT_TEXT, &s);
	CU_ASSERT_STRING_EQUAL(s.title, "Iran and the Taliban");
	read_as("Iran met the Taliban.\nThey talked.\n", KG_FMT_TEXT, &s);
	CU_ASSERT_STRING_EQUAL(s.title, "(null)");
	read_as("Only one line\n", KG_FMT_TEXT, &s);
	CU_ASSERT_STRING_EQUAL(s.title, "(null)");
	/* A byte order mark is not part of the title. */
	read_as("\xEF\xBB\xBFHeadline\nBody text.\n", KG_FMT_AUTO, &s);
	CU_ASSERT_STRING_EQUAL(s.title, "Headline");
}

static void detection(void)
{
	struct seen s;

	/* one object per line -> JSONL, origin FILE:LINE */
	CU_ASSERT_EQUAL(read_as("{\"text\": \"a\"}\n{\"id\": 7, \"text\": \"b\"}\n", KG_FMT_AUTO, &s), 0);
	CU_ASSERT_EQUAL(s.n, 2);
	CU_ASSERT_STRING_EQUAL(s.id, "7");
	CU_ASSERT_STRING_EQUAL(s.origin, "mem:2");
	/* a pretty object -> JSON */
	CU_ASSERT_EQUAL(read_as("{\n \"id\": \"p\",\n \"text\": \"x\"\n}\n", KG_FMT_AUTO, &s), 0);
	CU_ASSERT_EQUAL(s.n, 1);
	CU_ASSERT_STRING_EQUAL(s.id, "p");
	/* an array -> JSON, dates cut to the day */
	CU_ASSERT_EQUAL(read_as("[{\"text\": \"a\", \"date\": \"2024-01-04T10:00:00Z\"}, {\"text\": \"b\"}]", KG_FMT_AUTO, &s), 0);
	CU_ASSERT_EQUAL(s.n, 2);
	read_as("[{\"text\": \"a\", \"date\": \"2024-01-04T10:00:00Z\"}]", KG_FMT_AUTO, &s);
	CU_ASSERT_STRING_EQUAL(s.date, "2024-01-04");
	/* brackets and braces that open text */
	read_as("[Reuters] Iran met.", KG_FMT_AUTO, &s);
	CU_ASSERT_STRING_EQUAL(s.text, "[Reuters] Iran met.");
	read_as("{sic} Iran met.", KG_FMT_AUTO, &s);
	CU_ASSERT_STRING_EQUAL(s.text, "{sic} Iran met.");
	/* HTML */
	read_as("<!DOCTYPE html><title>T</title><p>Iran met.</p><script>x</script>", KG_FMT_AUTO, &s);
	CU_ASSERT_STRING_EQUAL(s.title, "T");
	CU_ASSERT_STRING_EQUAL(s.text, "Iran met.\n\n");
}

static void repair(void)
{
	struct seen s;

	/* bad bytes become U+FFFD; the article is kept and counted as failed */
	CU_ASSERT_EQUAL(read_as("Iran\xFF met.", KG_FMT_TEXT, &s), 1);
	CU_ASSERT_EQUAL(s.n, 1);
	CU_ASSERT_STRING_EQUAL(s.text, "Iran\xEF\xBF\xBD met.");
	/* overlong and surrogate forms are invalid too */
	read_as("a\xC0\xAF b\xED\xA0\x80 c, with enough text around to be text", KG_FMT_TEXT, &s);
	CU_ASSERT_STRING_EQUAL(s.text, "a\xEF\xBF\xBD\xEF\xBF\xBD b\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD c, with enough text around to be text");
	/* mostly bad bytes: binary, skipped */
	CU_ASSERT_EQUAL(read_as("a\xC0\xAF b\xED\xA0\x80 c", KG_FMT_TEXT, &s), 1);
	CU_ASSERT_EQUAL(s.n, 0);
	/* valid multibyte text is left alone */
	CU_ASSERT_EQUAL(read_as("Caf\xC3\xA9 \xE2\x80\x93 \xF0\x9F\x98\x80 ok", KG_FMT_TEXT, &s), 0);
	/* JSON with a bad byte in a string: repaired, then decoded */
	CU_ASSERT_EQUAL(read_as("{\"text\": \"Iran\xFF met.\"}\n", KG_FMT_AUTO, &s), 1);
	CU_ASSERT_STRING_EQUAL(s.text, "Iran\xEF\xBF\xBD met.");
	/* empty, blank */
	CU_ASSERT_EQUAL(read_as("", KG_FMT_AUTO, &s), 1);
	CU_ASSERT_EQUAL(s.n, 0);
	CU_ASSERT_EQUAL(read_as(" \n\t\n", KG_FMT_AUTO, &s), 1);
	CU_ASSERT_EQUAL(s.n, 0);
}

void test_input(void)
{
	kg_suite("input", (CU_TestInfo[]){
		{"datelines", datelines},
		{"titles", titles},
		{"format detection", detection},
		{"UTF-8 repair", repair},
		CU_TEST_INFO_NULL,
	});
}
