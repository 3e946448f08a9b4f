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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kg_buf b = KG_BUF_INIT, orig = KG_BUF_INIT;
	struct kg_jarticle a, j;
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
	kg_jarticle_from_jansson(v, &j);
	for (int i = 0; i < KG_JF_N; i++) {
		assert(a.f[i].type == j.f[i].type);
		if (j.f[i].type == KG_J_STRING) {
			assert(a.f[i].len == j.f[i].len);
			assert(!memcmp(a.f[i].s, j.f[i].s, a.f[i].len));
			assert(a.f[i].s[a.f[i].len] == 0);
		}
		if (j.f[i].type == KG_J_INT)
			assert(a.f[i].i == j.f[i].i);
	}
	json_decref(v);
out:
	kg_buf_release(&b);
	kg_buf_release(&orig);
	return 0;
}
