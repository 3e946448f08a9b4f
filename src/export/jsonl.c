/*
 * jsonl.c: one triple per line, the interchange format of `kgraph extract`
 * (documented in docs/jsonl.md).
 *
 * Written by hand, byte for byte what Jansson's json_dumpf(JSON_COMPACT |
 * JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(4)) wrote before: building a
 * json_t per triple, dumping it piece by piece through fwrite and freeing
 * it took more than a third of `kgraph extract` (docs/benchmarks.md).  The
 * line is built in a buffer on the stack and written with one fwrite.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/err.h"
#include "export/export.h"

struct out {
	FILE *f;
	size_t n;
	int err;
	char b[8192];
};

static void flush(struct out *o)
{
	if (o->n && fwrite(o->b, 1, o->n, o->f) != o->n)
		o->err = 1;
	o->n = 0;
}

static void put(struct out *o, const char *s, size_t n)
{
	if (o->n + n > sizeof o->b) {
		flush(o);
		if (n > sizeof o->b) {
			if (fwrite(s, 1, n, o->f) != n)
				o->err = 1;
			return;
		}
	}
	memcpy(o->b + o->n, s, n);
	o->n += n;
}

static void puts_(struct out *o, const char *s)
{
	put(o, s, strlen(s));
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

/* A JSON string, escaped as Jansson does: \" \\ \b \f \n \r \t, other
 * control characters as \u00XX, everything else (UTF-8 included) as is. */
static void str(struct out *o, const char *s, size_t n)
{
	size_t i, run = 0;

	put(o, "\"", 1);
	for (i = 0; i < n; i++) {
		unsigned char c;
		char esc[8];

		while (n - i >= 8 && !special8(s + i))
			i += 8;
		if (i == n)
			break;
		c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		put(o, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '"': put(o, "\\\"", 2); break;
		case '\\': put(o, "\\\\", 2); break;
		case '\b': put(o, "\\b", 2); break;
		case '\f': put(o, "\\f", 2); break;
		case '\n': put(o, "\\n", 2); break;
		case '\r': put(o, "\\r", 2); break;
		case '\t': put(o, "\\t", 2); break;
		default:
			snprintf(esc, sizeof esc, "\\u%04X", c);
			put(o, esc, 6);
		}
	}
	put(o, s + run, n - run);
	put(o, "\"", 1);
}

static void str_or_null(struct out *o, const char *s)
{
	if (s && *s)
		str(o, s, strlen(s));
	else
		put(o, "null", 4);
}

static void integer(struct out *o, long long v)
{
	char b[24], *p = b + sizeof b;
	unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;

	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	put(o, p, (size_t)(b + sizeof b - p));
}

/* A real as Jansson writes it: %.4g, a ".0" when that looks like an
 * integer, no '+' and no leading zeros in the exponent. */
#define REALBUF 48

static int format_real(double v, char *b)
{
	char *e, *p, *q;
	int n;

	n = snprintf(b, REALBUF - 3, "%.4g", v);
	if (!strchr(b, '.') && !strchr(b, 'e')) {
		memcpy(b + n, ".0", 3);
		n += 2;
	}
	if ((e = strchr(b, 'e'))) {	/* Jansson's own steps, as they are */
		p = e + 1;
		q = p + 1;
		if (*p == '-')
			p++;
		while (*q == '0')
			q++;
		if (q != p) {
			memmove(p, q, strlen(q) + 1);
			n = (int)strlen(b);
		}
	}
	return n;
}

/*
 * Goldstein scores and confidences take a dozen values in a whole corpus,
 * and %.4g costs more than the rest of a line: the last values formatted
 * are kept, by their bits, in a small table (one per thread, as the
 * export functions may run on several).
 */
#define REALS 64
static _Thread_local struct {
	uint64_t bits;
	int n;			/* 0: empty */
	char s[31];
} reals[REALS];

static void real(struct out *o, double v)
{
	uint64_t bits, h;
	char b[REALBUF];
	int n;

	if (!isfinite(v)) {
		put(o, "null", 4);
		return;
	}
	memcpy(&bits, &v, sizeof bits);
	h = (bits * 0x9E3779B97F4A7C15ULL) >> 58;	/* 6 bits: REALS slots */
	if (reals[h].n && reals[h].bits == bits) {
		put(o, reals[h].s, (size_t)reals[h].n);
		return;
	}
	n = format_real(v, b);
	if (n > 0 && (size_t)n < sizeof reals[h].s) {
		reals[h].bits = bits;
		reals[h].n = n;
		memcpy(reals[h].s, b, (size_t)n);
	}
	put(o, b, (size_t)n);
}

static void actor(struct out *o, const struct kg_actor *a)
{
	put(o, "{\"name\":", 8);
	str(o, a->name ? a->name : "", a->name ? strlen(a->name) : 0);
	put(o, ",\"code\":", 8);
	str(o, a->code ? a->code : "", a->code ? strlen(a->code) : 0);
	put(o, ",\"type\":", 8);
	puts_(o, "\"");
	puts_(o, kg_actor_type_name(a->type));
	put(o, "\"}", 2);
}

int kg_jsonl_triple(FILE *f, const struct kg_result *r, const struct kg_triple *t)
{
	const struct kg_article *a = r->article;
	const struct kg_sentence *s = &r->sentences[t->sentence];
	struct out o;

	o.f = f;
	o.n = 0;
	o.err = 0;
	puts_(&o, "{\"article\":");
	str_or_null(&o, a->id ? a->id : a->origin);
	puts_(&o, ",\"sentence\":");
	integer(&o, (long long)t->sentence + 1);
	puts_(&o, ",\"text\":");
	str(&o, a->text + s->off, s->len);
	puts_(&o, ",\"subject\":");
	actor(&o, &t->subject);
	puts_(&o, ",\"predicate\":");
	str(&o, t->predicate ? t->predicate : "", t->predicate ? strlen(t->predicate) : 0);
	puts_(&o, ",\"object\":");
	actor(&o, &t->object);
	puts_(&o, ",\"cameo\":");
	str(&o, t->cameo, strlen(t->cameo));
	puts_(&o, ",\"quad_class\":");
	integer(&o, t->quad_class);
	puts_(&o, ",\"goldstein\":");
	real(&o, t->goldstein);
	puts_(&o, ",\"modality\":\"");
	puts_(&o, kg_modality_name(t->modality));
	puts_(&o, t->negated ? "\",\"negated\":true" : "\",\"negated\":false");
	puts_(&o, t->reported ? ",\"reported\":true" : ",\"reported\":false");
	puts_(&o, ",\"against\":");
	if (t->has_against)
		actor(&o, &t->against);
	else
		put(&o, "null", 4);
	puts_(&o, ",\"event_date\":");
	str_or_null(&o, t->event_date);
	puts_(&o, ",\"location\":");
	str_or_null(&o, t->location);
	puts_(&o, ",\"attribution\":");
	str_or_null(&o, t->attribution);
	puts_(&o, ",\"confidence\":");
	real(&o, t->confidence);
	put(&o, "}\n", 2);
	flush(&o);
	if (o.err)
		return kg_error("write error:");
	return 0;
}
