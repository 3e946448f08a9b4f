/*
 * jscan.c: fuzz the JSON scanner of article objects (src/input/jscan.c)
 * against Jansson.  The input is made valid UTF-8 first (the readers
 * repair it before they scan).  Whatever the scanner accepts, Jansson
 * must accept, ending at the same byte, with the same fields; the
 * decoded strings are NUL-terminated and valid UTF-8.
 */
#include <assert.h>
#include <jansson.h>
#include <string.h>

#include "base/buf.h"
#include "fuzz.h"
#include "input/reader.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static enum kg_jtype jtype(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return KG_J_OBJECT;
	case JSON_ARRAY: return KG_J_ARRAY;
	case JSON_STRING: return KG_J_STRING;
	case JSON_INTEGER: return KG_J_INT;
	case JSON_REAL: return KG_J_REAL;
	case JSON_TRUE: return KG_J_TRUE;
	case JSON_FALSE: return KG_J_FALSE;
	default: return KG_J_NULL;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[KG_JF_N] = {"text", "id", "title", "date", "source", "url"};
	struct kg_buf b = KG_BUF_INIT, orig = KG_BUF_INIT;
	struct kg_jarticle a;
	json_error_t e;
	json_t *v;
	size_t n;

	kg_buf_add(&b, data, size);
	kg_input_repair(&b, "fuzz", 1, 0);
	kg_buf_add(&orig, b.s, b.len);
	n = kg_jscan_article(b.s, b.len, &a);
	assert(b.len == orig.len && !memcmp(b.s, orig.s, b.len));	/* scanning writes nothing */
	if (!n)
		goto out;
	assert(n <= b.len && b.s[n - 1] == '}');
	kg_jscan_decode(b.s, &a);
	v = json_loadb(orig.s, orig.len, JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK, &e);
	assert(v && json_is_object(v) && (size_t)e.position == n);
	for (int i = 0; i < KG_JF_N; i++) {
		json_t *f = json_object_get(v, names[i]);

		if (!f) {
			assert(a.f[i].type == KG_J_NONE);
			continue;
		}
		assert(a.f[i].type == jtype(f));
		if (json_is_string(f)) {
			assert(a.f[i].len == json_string_length(f));
			assert(!memcmp(a.f[i].s, json_string_value(f), a.f[i].len));
			assert(a.f[i].s[a.f[i].len] == 0);
		}
		if (json_is_integer(f))
			assert(a.f[i].i == json_integer_value(f));
	}
	json_decref(v);
out:
	kg_buf_release(&b);
	kg_buf_release(&orig);
	return 0;
}
