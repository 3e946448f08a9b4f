/* buf.c: growable buffers and checked allocation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"

char kg_buf_empty[1];

static void die_oom(size_t n)
{
	fprintf(stderr, "kgraph: out of memory (%zu bytes)\n", n);
	abort();
}

void *kg_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die_oom(n);
	return p;
}

void *kg_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die_oom(n * size);
	return p;
}

void *kg_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die_oom(n);
	return q;
}

char *kg_xstrdup(const char *s)
{
	return kg_xstrndup(s, strlen(s));
}

char *kg_xstrndup(const char *s, size_t n)
{
	char *p = kg_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

void kg_buf_init(struct kg_buf *b)
{
	b->s = kg_buf_empty;
	b->len = b->cap = 0;
}

void kg_buf_release(struct kg_buf *b)
{
	if (b->cap)
		free(b->s);
	kg_buf_init(b);
}

void kg_buf_grow(struct kg_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1, cap;

	if (need <= b->cap)
		return;
	if (need < extra)
		die_oom(extra);
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	if (b->cap) {
		b->s = kg_xrealloc(b->s, cap);
	} else {
		b->s = kg_xmalloc(cap);
		b->s[0] = 0;
	}
	b->cap = cap;
}

void kg_buf_add(struct kg_buf *b, const void *p, size_t n)
{
	kg_buf_grow(b, n);
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = 0;
}

void kg_buf_adds(struct kg_buf *b, const char *s)
{
	kg_buf_add(b, s, strlen(s));
}

void kg_buf_addc(struct kg_buf *b, char c)
{
	kg_buf_grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = 0;
}

void kg_buf_vaddf(struct kg_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(b->s + b->len, b->cap ? b->cap - b->len : 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	if (b->len + (size_t)n + 1 > b->cap) {
		kg_buf_grow(b, (size_t)n);
		vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
	}
	b->len += (size_t)n;
}

void kg_buf_addf(struct kg_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kg_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void kg_buf_reset(struct kg_buf *b)
{
	b->len = 0;
	if (b->cap)
		b->s[0] = 0;
}

char *kg_buf_detach(struct kg_buf *b)
{
	char *s = b->cap ? b->s : kg_xstrdup("");
	kg_buf_init(b);
	return s;
}
