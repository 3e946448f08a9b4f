/* jscan_test.c: the JSON scanner of article objects (src/input/jscan.c):
 * what it decodes, what it leaves to Jansson, and that whatever it
 * accepts Jansson accepts with the same values. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "input/reader.h"
#include "tests.h"


/* Scan and decode a copy of in; 0 when the scanner refused it. */
static size_t scan(const char *in, struct kg_buf *b, struct kg_jarticle *a)
{
	size_t n;

	kg_buf_reset(b);
	kg_buf_add(b, in, strlen(in));
	n = kg_jscan_article(b->s, b->len, a);
	if (n)
		kg_jscan_decode(b->s, a);
	return n;
}

/* Whatever the scanner accepts, Jansson accepts, ending at the same byte,
 * with the same fields.  Returns 1 when they agree (or the scanner
 * refused: Jansson then decides alone). */
static int agrees(const char *in)
{
	struct kg_buf b = KG_BUF_INIT;
	struct kg_jarticle a, j;
	json_error_t e;
	json_t *v;
	size_t n = scan(in, &b, &a);
	int ok = 1;

	if (!n) {
		kg_buf_release(&b);
		return 1;
	}
	v = json_loadb(in, strlen(in), JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK, &e);
	if (!v || !json_is_object(v) || (size_t)e.position != n) {
		ok = 0;
		goto out;
	}
	kg_jarticle_from_jansson(v, &j);
	for (int i = 0; i < KG_JF_N; i++) {
		ok &= a.f[i].type == j.f[i].type;
		if (j.f[i].type == KG_J_STRING)
			ok &= a.f[i].len == j.f[i].len && a.f[i].s[a.f[i].len] == 0 &&
			      !memcmp(a.f[i].s, j.f[i].s, a.f[i].len);
		if (j.f[i].type == KG_J_INT)
			ok &= a.f[i].i == j.f[i].i;
	}
out:
	if (!ok)
		fprintf(stderr, "\n  scanner and Jansson disagree on %s\n", in);
	json_decref(v);
	kg_buf_release(&b);
	return ok;
}

static void decodes(void)
{
	static const struct {
		const char *in;
		int field;
		const char *want;
	} cases[] = {
		{"{\"text\":\"plain\"}", KG_JF_TEXT, "plain"},
		{" \t\r\n{ \"text\" : \"sp\" }", KG_JF_TEXT, "sp"},
		{"{\"text\":\"a\\nb\\tc\\rd\\be\\ff\"}", KG_JF_TEXT, "a\nb\tc\rd\be\ff"},
		{"{\"text\":\"q\\\"uote \\\\ sl\\/ash\"}", KG_JF_TEXT, "q\"uote \\ sl/ash"},
		{"{\"text\":\"caf\\u00e9 \\u00C9\"}", KG_JF_TEXT, "caf\xC3\xA9 \xC3\x89"},
		{"{\"text\":\"\\u0041\\u07ff\\u0800\\uffFF\"}", KG_JF_TEXT, "A\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF"},
		{"{\"text\":\"smile \\ud83d\\ude00!\"}", KG_JF_TEXT, "smile \xF0\x9F\x98\x80!"},
		{"{\"text\":\"\\uDBFF\\uDFFF\"}", KG_JF_TEXT, "\xF4\x8F\xBF\xBF"},
		{"{\"text\":\"d\xC3\xA9j\xC3\xA0 \xE2\x80\x94 vu\"}", KG_JF_TEXT, "d\xC3\xA9j\xC3\xA0 \xE2\x80\x94 vu"},
		{"{\"text\":\"\"}", KG_JF_TEXT, ""},
		{"{\"te\\u0078t\":\"escaped key\"}", KG_JF_TEXT, "escaped key"},
		{"{\"text\":\"first\",\"text\":\"last wins\"}", KG_JF_TEXT, "last wins"},
		{"{\"title\":\"T\",\"x\":{\"a\":[1,2.5,-3,true,false,null,{\"b\":\"\\u00e9\"}]},\"text\":\"after nested\"}",
		 KG_JF_TEXT, "after nested"},
		{"{\"text\":\"t\",\"source\":\"Reuters \\u2013 AP\"}", KG_JF_SOURCE, "Reuters \xE2\x80\x93 AP"},
		{"{\"text\":\"t\",\"url\":\"https:\\/\\/x.example\\/a?b=1\"}", KG_JF_URL, "https://x.example/a?b=1"},
		/* long strings: the eight-byte steps and their ends */
		{"{\"text\":\"0123456789abcdef0123456789abcdef\\\"0123456\"}", KG_JF_TEXT,
		 "0123456789abcdef0123456789abcdef\"0123456"},
		{"{\"text\":\"01234567\\n01234567\\u00e901234567\"}", KG_JF_TEXT, "01234567\n01234567\xC3\xA9" "01234567"},
	};
	struct kg_buf b = KG_BUF_INIT;
	struct kg_jarticle a;

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t n = scan(cases[i].in, &b, &a);
		const struct kg_jfield *f = &a.f[cases[i].field];

		CU_ASSERT_EQUAL(n, strlen(cases[i].in));
		if (!n || f->type != KG_J_STRING) {
			fprintf(stderr, "\n  not decoded: %s\n", cases[i].in);
			CU_FAIL("decoded");
			continue;
		}
		CU_ASSERT_EQUAL(f->len, strlen(cases[i].want));
		CU_ASSERT_STRING_EQUAL(f->s, cases[i].want);
		CU_ASSERT(agrees(cases[i].in));
	}
	kg_buf_release(&b);
}

static void types(void)
{
	struct kg_buf b = KG_BUF_INIT;
	struct kg_jarticle a;
	const char *in = "{\"id\":-42,\"title\":null,\"date\":true,\"source\":1.5,\"url\":[],\"text\":{}}";

	CU_ASSERT_EQUAL(scan(in, &b, &a), strlen(in));
	CU_ASSERT_EQUAL(a.top, KG_J_OBJECT);
	CU_ASSERT_EQUAL(a.f[KG_JF_ID].type, KG_J_INT);
	CU_ASSERT_EQUAL(a.f[KG_JF_ID].i, -42);
	CU_ASSERT_EQUAL(a.f[KG_JF_TITLE].type, KG_J_NULL);
	CU_ASSERT_EQUAL(a.f[KG_JF_DATE].type, KG_J_TRUE);
	CU_ASSERT_EQUAL(a.f[KG_JF_SOURCE].type, KG_J_REAL);
	CU_ASSERT_EQUAL(a.f[KG_JF_URL].type, KG_J_ARRAY);
	CU_ASSERT_EQUAL(a.f[KG_JF_TEXT].type, KG_J_OBJECT);
	CU_ASSERT(agrees(in));

	in = "{\"id\":999999999999999999,\"text\":\"x\",\"date\":false}";
	CU_ASSERT_EQUAL(scan(in, &b, &a), strlen(in));
	CU_ASSERT_EQUAL(a.f[KG_JF_ID].i, 999999999999999999LL);
	CU_ASSERT_EQUAL(a.f[KG_JF_DATE].type, KG_J_FALSE);
	CU_ASSERT_EQUAL(a.f[KG_JF_TITLE].type, KG_J_NONE);
	CU_ASSERT(agrees(in));

	in = "{\"id\":0,\"text\":\"x\"}";
	CU_ASSERT_EQUAL(scan(in, &b, &a), strlen(in));
	CU_ASSERT_EQUAL(a.f[KG_JF_ID].i, 0);
	CU_ASSERT(agrees("{\"id\":-0,\"text\":\"x\"}"));

	/* the scanner stops after the object: the caller checks what follows */
	in = "{\"text\":\"x\"} \n{\"text\":\"y\"}";
	CU_ASSERT_EQUAL(scan(in, &b, &a), 12);
	CU_ASSERT(agrees(in));
	CU_ASSERT_EQUAL(scan("{}", &b, &a), 2);
	CU_ASSERT_EQUAL(a.f[KG_JF_TEXT].type, KG_J_NONE);
	kg_buf_release(&b);
}

/* What the scanner leaves to Jansson: errors (Jansson reports them) and
 * the rare cases it decides. */
static void refuses(void)
{
	static const char *const cases[] = {
		"", "   ", "[]", "\"text\"", "42", "null", "true",
		"{", "{\"text\"", "{\"text\":", "{\"text\":\"x\"", "{\"text\":\"x\",", "{\"text\":\"x\",}",
		"{\"text\" \"x\"}", "{text:\"x\"}", "{'text':'x'}", "{\"text\":'x'}",
		"{\"text\":\"x\"]", "{\"a\":[1,]}", "{\"a\":[1 2]}", "{\"a\":{\"b\"}}", "{\"a\":{,}}",
		"{\"text\":\"bad \\x escape\"}", "{\"text\":\"short \\u12\"}", "{\"text\":\"\\u12G4\"}",
		"{\"text\":\"nul \\u0000 byte\"}", "{\"te\\u0000xt\":\"x\"}",
		"{\"text\":\"lone high \\ud83d alone\"}", "{\"text\":\"lone high at end \\ud83d\"}",
		"{\"text\":\"lone low \\ude00\"}", "{\"text\":\"high then high \\ud83d\\ud83d\"}",
		"{\"text\":\"high then letter \\ud83d\\u0041\"}", "{\"text\":\"high then \\n \\ud83d\\n\"}",
		"{\"text\":\"raw\ttab\"}", "{\"text\":\"raw\nnewline\"}", "{\"text\":\"raw \x01\"}",
		"{\"text\":\"trailing backslash\\",
		"{\"id\":01,\"text\":\"x\"}", "{\"id\":-,\"text\":\"x\"}", "{\"id\":1.,\"text\":\"x\"}",
		"{\"id\":.5,\"text\":\"x\"}", "{\"id\":+1,\"text\":\"x\"}", "{\"id\":1e5,\"text\":\"x\"}",
		"{\"id\":1.5E-3,\"text\":\"x\"}", "{\"id\":1234567890123456789,\"text\":\"x\"}",
		"{\"id\":-99999999999999999999,\"text\":\"x\"}", "{\"id\":0x10,\"text\":\"x\"}",
		"{\"a\":tru}", "{\"a\":nul}", "{\"a\":falsy}", "{\"a\":truex}", "{\"a\":NaN}", "{\"a\":Infinity}",
		"{\"a\":\xC3\xA9}", "\xEF\xBB\xBF{\"text\":\"bom\"}",
		"{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
	};
	struct kg_buf b = KG_BUF_INIT;
	struct kg_jarticle a;

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		if (scan(cases[i], &b, &a)) {
			fprintf(stderr, "\n  accepted: %s\n", cases[i]);
			CU_FAIL("refused");
		}
		/* refused: the bytes are left as they were, for Jansson */
		CU_ASSERT_EQUAL(b.len, strlen(cases[i]));
		CU_ASSERT(!memcmp(b.s, cases[i], b.len));
	}
	kg_buf_release(&b);
}

/* Nesting: up to the limit skipped, beyond it left to Jansson. */
static void nesting(void)
{
	struct kg_buf in = KG_BUF_INIT, b = KG_BUF_INIT;
	struct kg_jarticle a;

	for (int depth = 1; depth <= 40; depth++) {
		kg_buf_reset(&in);
		kg_buf_adds(&in, "{\"text\":\"x\",\"n\":");
		for (int i = 0; i < depth; i++)
			kg_buf_adds(&in, i % 2 ? "{\"k\":" : "[");
		kg_buf_adds(&in, "1");
		for (int i = depth - 1; i >= 0; i--)
			kg_buf_adds(&in, i % 2 ? "}" : "]");
		kg_buf_adds(&in, "}");
		CU_ASSERT_EQUAL(scan(in.s, &b, &a) != 0, depth < 32);
		CU_ASSERT(agrees(in.s));
	}
	kg_buf_release(&in);
	kg_buf_release(&b);
}

/* A generated mix: every prefix of a few objects, and many small ones
 * built from pieces: the scanner never disagrees with Jansson. */
static void differential(void)
{
	static const char *const keys[] = {"\"text\"", "\"id\"", "\"title\"", "\"x\"", "\"t\\u0065xt\"", "\"\""};
	static const char *const vals[] = {
		"\"a\"", "\"\\u00e9\\n\"", "\"\\ud83d\\ude00\"", "\"\\ud83d\"", "12", "-7", "3.25", "1e2",
		"true", "false", "null", "[]", "{}", "[1,{\"a\":\"\\\"\"}]", "\"\xE2\x80\x94\"", "0",
		"\"x\\u0000\"", "\"tab\t\"", "01", "\"\\/\"",
	};
	const size_t nk = sizeof keys / sizeof *keys, nv = sizeof vals / sizeof *vals;
	struct kg_buf in = KG_BUF_INIT;
	unsigned long x = 12345;
	int bad = 0;

	for (int round = 0; round < 3000; round++) {
		int members = (int)(x % 4);

		kg_buf_reset(&in);
		kg_buf_adds(&in, "{");
		for (int m = 0; m < members; m++) {
			x = x * 6364136223846793005UL + 1442695040888963407UL;
			kg_buf_addf(&in, "%s%s%s:%s%s", m ? "," : "", x >> 60 & 1 ? " " : "",
				    keys[(x >> 33) % nk], x >> 61 & 1 ? " " : "", vals[(x >> 40) % nv]);
		}
		kg_buf_adds(&in, "}");
		x = x * 6364136223846793005UL + 1442695040888963407UL;
		for (size_t cut = 0; cut <= in.len; cut += in.len / 3 + 1) {
			char *pre = kg_xstrndup(in.s, cut);
			bad += !agrees(pre);
			free(pre);
		}
		bad += !agrees(in.s);
	}
	CU_ASSERT_EQUAL(bad, 0);
	kg_buf_release(&in);
}

void test_jscan(void)
{
	kg_suite("jscan", (CU_TestInfo[]){
		{"decodes strings and escapes", decodes},
		{"field types", types},
		{"leaves errors and rare cases to Jansson", refuses},
		{"nesting", nesting},
		{"agrees with Jansson", differential},
		CU_TEST_INFO_NULL,
	});
}
