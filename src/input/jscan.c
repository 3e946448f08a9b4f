/*
 * jscan.c: a scanner for the flat JSON objects that carry articles.
 *
 * Jansson builds a tree for every JSONL line (an allocation per value,
 * the strings copied a byte at a time): about 180,000 instructions for a
 * 1.3 KB article, a quarter of extract's time.  The scanner checks the
 * object in one pass, notes where the article's fields are, and skips
 * (validating them) the members it does not want; kg_jscan_decode then
 * decodes the wanted strings in place, only once the whole object is
 * known to be good, so a refusal leaves the bytes as they were.
 *
 * It accepts a subset of what Jansson accepts, with the same values
 * (the last of two equal keys wins, as in Jansson), and returns 0 for
 * everything else: syntax errors, \u0000, lone surrogates, control
 * characters in strings, integers of more than 18 digits, numbers with
 * an exponent or of more than 300 characters, nesting deeper than
 * KG_JSCAN_DEPTH, anything but an object at the top.  The caller then
 * asks Jansson, whose messages (with line and column) stay the ones users
 * see, and which decides the rare cases.  tests/unit/jscan_test.c and
 * fuzz/jscan.c compare the two.
 *
 * The input must be valid UTF-8 (the readers repair it first): bytes
 * from 0x80 up are taken as they are, inside strings, and refused
 * elsewhere.
 */
#include <stdint.h>
#include <string.h>

#include "input/reader.h"

#define KG_JSCAN_DEPTH 32

static const char *ws(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The four hex digits at p (p + 4 <= e checked by the caller), or -1. */
static long hex4(const char *p)
{
	long v = 0;

	for (int i = 0; i < 4; i++) {
		int d = hexval(p[i]);

		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/* Eight bytes at once: is one of them '"', '\\' or a control character?
 * (Exact for "is there one"; bytes from 0x80 never count.) */
static int special8(const char *p)
{
	const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
	uint64_t w, q, b;

	memcpy(&w, p, 8);
	q = w ^ (ones * '"');
	b = w ^ (ones * '\\');
	return (((q - ones) & ~q) | ((b - ones) & ~b) | ((w - ones * 0x20) & ~w)) & highs ? 1 : 0;
}

/*
 * The string whose body starts at p (after the opening quote): returns
 * its closing quote, or NULL when Jansson must decide.  *esc is set when
 * the body holds escapes.
 */
static const char *string_end(const char *p, const char *e, int *esc)
{
	for (;;) {
		unsigned char c;
		long u, u2;

		while (e - p >= 8 && !special8(p))
			p += 8;
		if (p >= e)
			return NULL;
		c = (unsigned char)*p;
		if (c == '"')
			return p;
		if (c < 0x20)
			return NULL;	/* Jansson: control character */
		if (c != '\\') {
			p++;
			continue;
		}
		*esc = 1;
		if (e - p < 2)
			return NULL;
		switch (p[1]) {
		case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
			p += 2;
			continue;
		case 'u':
			break;
		default:
			return NULL;
		}
		if (e - p < 6 || (u = hex4(p + 2)) <= 0 || (u >= 0xDC00 && u <= 0xDFFF))
			return NULL;	/* bad escape, \u0000, lone low surrogate */
		p += 6;
		if (u >= 0xD800 && u <= 0xDBFF) {
			if (e - p < 6 || p[0] != '\\' || p[1] != 'u' ||
			    (u2 = hex4(p + 2)) < 0xDC00 || u2 > 0xDFFF)
				return NULL;	/* a high surrogate alone */
			p += 6;
		}
	}
}

static int digit(const char *p, const char *e)
{
	return p < e && *p >= '0' && *p <= '9';
}

/* The number at p: its end, or NULL; f (may be NULL) gets its type and,
 * for an integer, its value. */
static const char *number(const char *p, const char *e, struct kg_jfield *f)
{
	const char *q = p, *d;
	long long v = 0;

	if (q < e && *q == '-')
		q++;
	d = q;
	if (q < e && *q == '0') {
		if (digit(++q, e))
			return NULL;	/* 01 */
	} else if (digit(q, e)) {
		while (digit(q, e))
			q++;
	} else {
		return NULL;
	}
	if (q < e && (*q == 'e' || *q == 'E'))
		return NULL;	/* Jansson decides on overflow */
	if (q < e && *q == '.') {
		if (!digit(++q, e))
			return NULL;
		while (digit(q, e))
			q++;
		if ((q < e && (*q == 'e' || *q == 'E')) || q - p > 300)
			return NULL;
		if (f)
			f->type = KG_J_REAL;
		return q;
	}
	if (q - d > 18)
		return NULL;	/* may not fit json_int_t: Jansson decides */
	for (const char *r = d; r < q; r++)
		v = v * 10 + (*r - '0');
	if (f) {
		f->type = KG_J_INT;
		f->i = *p == '-' ? -v : v;
	}
	return q;
}

static const char *value(const char *base, const char *p, const char *e, int depth,
			 struct kg_jfield *f);

/* The object or array at p, validated: its end, or NULL. */
static const char *container(const char *base, const char *p, const char *e, int depth)
{
	int obj = *p == '{', esc;
	char close = obj ? '}' : ']';

	if (depth >= KG_JSCAN_DEPTH)
		return NULL;
	p = ws(p + 1, e);
	if (p < e && *p == close)
		return p + 1;
	for (;;) {
		if (obj) {
			if (p >= e || *p != '"' || !(p = string_end(p + 1, e, &esc)))
				return NULL;
			p = ws(p + 1, e);
			if (p >= e || *p != ':')
				return NULL;
			p = ws(p + 1, e);
		}
		if (!(p = value(base, p, e, depth + 1, NULL)))
			return NULL;
		p = ws(p, e);
		if (p < e && *p == ',') {
			p = ws(p + 1, e);
			continue;
		}
		return p < e && *p == close ? p + 1 : NULL;
	}
}

/* Any value at p: its end, or NULL; f (may be NULL) describes it. */
static const char *value(const char *base, const char *p, const char *e, int depth,
			 struct kg_jfield *f)
{
	struct kg_jfield dummy;
	const char *q;
	int esc = 0;

	if (!f)
		f = &dummy;
	memset(f, 0, sizeof *f);
	if (p >= e)
		return NULL;
	switch (*p) {
	case '"':
		if (!(q = string_end(p + 1, e, &esc)))
			return NULL;
		f->type = KG_J_STRING;
		f->off = (size_t)(p + 1 - base);
		f->len = (size_t)(q - (p + 1));
		f->esc = esc;
		return q + 1;
	case '{':
	case '[':
		f->type = *p == '{' ? KG_J_OBJECT : KG_J_ARRAY;
		return container(base, p, e, depth);
	case 't':
		f->type = KG_J_TRUE;
		return e - p >= 4 && !memcmp(p, "true", 4) ? p + 4 : NULL;
	case 'f':
		f->type = KG_J_FALSE;
		return e - p >= 5 && !memcmp(p, "false", 5) ? p + 5 : NULL;
	case 'n':
		f->type = KG_J_NULL;
		return e - p >= 4 && !memcmp(p, "null", 4) ? p + 4 : NULL;
	default:
		return number(p, e, f);
	}
}

static size_t unescape(char *s, size_t n);

/* Which article field the key s[0..n) names, or -1. */
static int field_of(const char *s, size_t n, int esc)
{
	static const char *const names[KG_JF_N] = {"text", "id", "title", "date", "source", "url"};
	char tmp[48];

	if (esc) {	/* "te\u0078t" is "text" (the escapes were checked) */
		if (n > sizeof tmp)
			return -1;	/* an escape takes at most 6 bytes per byte: more than 8 */
		memcpy(tmp, s, n);
		n = unescape(tmp, n);
		s = tmp;
	}
	for (int i = 0; i < KG_JF_N; i++)
		if (strlen(names[i]) == n && !memcmp(names[i], s, n))
			return i;
	return -1;
}

size_t kg_jscan_article(const char *s, size_t n, struct kg_jarticle *a)
{
	const char *p, *e = s + n, *k;
	int esc, which;

	memset(a, 0, sizeof *a);
	p = ws(s, e);
	if (p >= e || *p != '{')
		return 0;
	a->top = KG_J_OBJECT;
	p = ws(p + 1, e);
	if (p < e && *p == '}')
		return (size_t)(p + 1 - s);
	for (;;) {
		esc = 0;
		if (p >= e || *p != '"' || !(k = string_end(p + 1, e, &esc)))
			return 0;
		which = field_of(p + 1, (size_t)(k - (p + 1)), esc);
		p = ws(k + 1, e);
		if (p >= e || *p != ':')
			return 0;
		p = ws(p + 1, e);
		if (!(p = value(s, p, e, 1, which >= 0 ? &a->f[which] : NULL)))
			return 0;
		p = ws(p, e);
		if (p < e && *p == ',') {
			p = ws(p + 1, e);
			continue;
		}
		if (p < e && *p == '}')
			return (size_t)(p + 1 - s);
		return 0;
	}
}

/* UTF-8 of code point u at o; its length. */
static size_t put_utf8(char *o, long u)
{
	if (u < 0x80) {
		o[0] = (char)u;
		return 1;
	}
	if (u < 0x800) {
		o[0] = (char)(0xC0 | (u >> 6));
		o[1] = (char)(0x80 | (u & 0x3F));
		return 2;
	}
	if (u < 0x10000) {
		o[0] = (char)(0xE0 | (u >> 12));
		o[1] = (char)(0x80 | ((u >> 6) & 0x3F));
		o[2] = (char)(0x80 | (u & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (u >> 18));
	o[1] = (char)(0x80 | ((u >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((u >> 6) & 0x3F));
	o[3] = (char)(0x80 | (u & 0x3F));
	return 4;
}

/* Decode the escapes of s[0..n) in place (checked by string_end: every
 * one is complete and valid); the new length.  The output never
 * overtakes the input: an escape is longer than what it stands for. */
static size_t unescape(char *s, size_t n)
{
	char *o = s;
	const char *p = s, *e = s + n, *bs;
	long u;

	while (p < e) {
		size_t k;

		bs = memchr(p, '\\', (size_t)(e - p));
		k = bs ? (size_t)(bs - p) : (size_t)(e - p);
		if (o != p)
			memmove(o, p, k);
		o += k;
		if (!bs)
			break;
		p = bs + 2;
		switch (bs[1]) {
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u':
			u = hex4(p);
			p += 4;
			if (u >= 0xD800 && u <= 0xDBFF) {
				u = 0x10000 + ((u - 0xD800) << 10) + (hex4(p + 2) - 0xDC00);
				p += 6;
			}
			o += put_utf8(o, u);
			break;
		default: *o++ = bs[1]; break;	/* " \ / */
		}
	}
	return (size_t)(o - s);
}

void kg_jscan_decode(char *s, struct kg_jarticle *a)
{
	for (int i = 0; i < KG_JF_N; i++) {
		struct kg_jfield *f = &a->f[i];

		if (f->type != KG_J_STRING)
			continue;
		if (f->esc)
			f->len = unescape(s + f->off, f->len);
		s[f->off + f->len] = 0;
		f->s = s + f->off;
	}
}
