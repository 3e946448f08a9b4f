/*
 * text.c: plain-text articles, and what every format shares: UTF-8
 * repair, binary detection, the title and the dateline.
 *
 * A text file is one article.  Its first line is the title when it
 * stands alone: short, without final punctuation, followed by more text.
 * A dateline opening the body ("KABUL –", "WASHINGTON (Reuters) -",
 * "NEW YORK, Nov. 28 (AP) —") names the place the story was filed from:
 * it is handed on as kg_article.dateline so the coder does not take
 * "KABUL" for an actor.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "input/reader.h"

/* Length of the valid UTF-8 sequence at p[0..n), or 0 (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF).  NUL is bad. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
	unsigned char c = p[0];
	unsigned char lo = 0x80, hi = 0xBF;
	size_t len, i;

	if (c < 0x80)
		return c ? 1 : 0;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else
		return 0;
	if (n < len || p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return len;
}

/* Eight bytes of ASCII without NUL at p? */
static int ascii8(const unsigned char *p)
{
	const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
	uint64_t w;

	memcpy(&w, p, 8);
	return !((w | ((w - ones) & ~w)) & highs);
}

size_t kg_input_repair(struct kg_buf *b, const char *name, size_t line0, unsigned long long off0)
{
	const unsigned char *p = (const unsigned char *)b->s;
	struct kg_buf out = KG_BUF_INIT;
	size_t i = 0, n = b->len, bad = 0, first = 0, k, line;

	while (i < n) {
		size_t l;

		if (!bad && n - i >= 8 && ascii8(p + i)) {	/* most of the news */
			i += 8;
			continue;
		}
		l = utf8_len(p + i, n - i);

		if (l) {
			i += l;
			continue;
		}
		if (!bad++) {
			first = i;
			kg_buf_grow(&out, n + 64);
			kg_buf_add(&out, p, i);
		}
		kg_buf_add(&out, "\xEF\xBF\xBD", 3);
		i++;
		/* copy the valid run that follows */
		for (k = i; k < n && (l = utf8_len(p + k, n - k)); k += l)
			;
		kg_buf_add(&out, p + i, k - i);
		i = k;
	}
	if (!bad)
		return 0;
	for (line = line0, k = 0; k < first; k++)
		line += p[k] == '\n';
	kg_error("%s:%zu: %s at byte %llu (%zu bad byte%s replaced by U+FFFD)", name, line,
		 p[first] ? "invalid UTF-8" : "NUL byte", off0 + first, bad, bad == 1 ? "" : "s");
	kg_buf_release(b);
	*b = out;
	return bad;
}

int kg_input_is_binary(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, ctrl = 0, bad = 0, l;

	while (i < n) {
		unsigned char c = p[i];

		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v')
			ctrl++;
		if (c < 0x80) {
			i++;
		} else if ((l = utf8_len(p + i, n - i))) {
			i += l;
		} else {
			if (n - i >= 4)	/* not a sequence cut by the end of the head */
				bad++;
			i++;
		}
	}
	return ctrl * 10 > n || bad * 4 > n;
}

/* The first line, when it is a title; *body is where the body starts. */
static char *title_of(const char *s, size_t len, size_t *body)
{
	const char *nl = memchr(s, '\n', len);
	size_t n, i;

	if (!nl)
		return NULL;
	n = (size_t)(nl - s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\r' || s[n - 1] == '\t'))
		n--;
	if (!n || n > 200 || s[n - 1] == '.' || s[n - 1] == ',' || s[n - 1] == ';')
		return NULL;
	for (i = (size_t)(nl - s); i < len && isspace((unsigned char)s[i]); i++)
		;
	if (i == len)
		return NULL;	/* nothing follows: the line is the article */
	*body = (size_t)(nl - s) + 1;
	return kg_xstrndup(s, n);
}

/* A dash between dateline and story: – — -- - (returns its length). */
static size_t dash_at(const char *s, size_t i, size_t len)
{
	if (len - i >= 3 && !memcmp(s + i, "\xE2\x80", 2) &&
	    ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
		return 3;
	if (len - i >= 2 && s[i] == '-' && s[i + 1] == '-')
		return 2;
	return s[i] == '-';
}

/* A word of the place: upper case (UTF-8 letters allowed), '.', '\'',
 * inner '-'.  Returns its end, or i when there is no such word. */
static size_t upper_word(const char *s, size_t i, size_t len)
{
	size_t p = i;
	int up = 0;

	while (p < len) {
		unsigned char c = (unsigned char)s[p];

		if (c >= 'A' && c <= 'Z')
			up++;
		else if (c >= 0x80 && !dash_at(s, p, len))
			;
		else if ((c == '.' || c == '\'') && p > i)
			;
		else if (c == '-' && p > i && p + 1 < len && s[p + 1] >= 'A' && s[p + 1] <= 'Z')
			;
		else
			break;
		p++;
	}
	if (!up || (p < len && isalnum((unsigned char)s[p])))
		return i;	/* "US officials": lower case follows */
	return p;
}

/* "KABUL", ", Afghanistan" / ", Nov. 28", " (Reuters)", " –": the span of a
 * dateline at s[i..], with its place and agency; 0 when there is none. */
static size_t dateline_at(const char *s, size_t len, size_t i, size_t *place_end,
			  size_t *agency, size_t *agency_len)
{
	size_t p = i, e, d;

	for (;;) {
		if ((e = upper_word(s, p, len)) == p)
			break;
		p = *place_end = e;
		if (p + 1 < len && s[p] == ' ' && s[p + 1] >= 'A' && s[p + 1] <= 'Z' &&
		    upper_word(s, p + 1, len) > p + 1)
			p++;
		else
			break;
	}
	if (p == i || p - i > 48 || p - i < 2)
		return 0;
	if (p + 1 < len && s[p] == ',' && s[p + 1] == ' ') {	/* region or date */
		size_t q = p + 2, start = q;

		while (q < len && q - start <= 40) {
			unsigned char c = (unsigned char)s[q];

			if (q == start || s[q - 1] == ' ') {	/* a word starts */
				if (!(isupper(c) || isdigit(c) || c >= 0x80))
					return 0;
			}
			if (c == '(' || c == '\n' || dash_at(s, q, len) ||
			    (c == ' ' && q + 1 < len && (s[q + 1] == '(' || dash_at(s, q + 1, len))))
				break;
			if (!(isalnum(c) || c == ' ' || c == '.' || c == ',' || c == '\'' || c >= 0x80))
				return 0;
			q++;
		}
		if (q - start > 40 || q == start)
			return 0;
		p = q;
	}
	while (p < len && s[p] == ' ')
		p++;
	if (p < len && s[p] == '(') {
		const char *close = memchr(s + p, ')', len - p < 42 ? len - p : 42);

		if (!close || memchr(s + p, '\n', (size_t)(close - (s + p))))
			return 0;
		*agency = p + 1;
		*agency_len = (size_t)(close - (s + p)) - 1;
		p = (size_t)(close - s) + 1;
		while (p < len && s[p] == ' ')
			p++;
	}
	if (p >= len || !(d = dash_at(s, p, len)))
		return 0;
	p += d;
	if (p < len && s[p] != ' ' && s[p] != '\n' && s[p] != '\r')
		return 0;	/* "ABC-TV": a hyphen, not a dash */
	while (p < len && s[p] == ' ')
		p++;
	return p - i;
}

int kg_input_deliver(const struct kg_input_meta *m, const char *text, size_t len,
		     int find_title, const struct kg_read_opts *o, kg_article_fn fn, void *ctx)
{
	struct kg_article a = {0};
	char *title = NULL, place[64], agency[48];
	size_t body = 0, i, place_end = 0, ag = 0, aglen = 0, span;
	int ret;

	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
		text += 3;
		len -= 3;
	}
	for (i = 0; i < len && isspace((unsigned char)text[i]); i++)
		;
	if (i == len)
		return kg_error("%s: no text, skipped", m->origin), 1;
	a.id = m->id;
	a.title = m->title;
	a.date = m->date ? m->date : o->date;
	a.source = m->source;
	a.url = m->url;
	a.origin = m->origin;
	a.text = text;
	a.len = len;
	if (find_title && !a.title && (title = title_of(text, len, &body)))
		a.title = title;
	while (body < len && isspace((unsigned char)text[body]))
		body++;
	if ((span = dateline_at(text, len, body, &place_end, &ag, &aglen))) {
		snprintf(place, sizeof place, "%.*s", (int)(place_end - body), text + body);
		a.dateline = place;
		a.dateline_off = body;
		a.dateline_len = span;
		if (aglen && !a.source) {
			snprintf(agency, sizeof agency, "%.*s", (int)aglen, text + ag);
			a.source = agency;
		}
	}
	ret = fn(&a, ctx);
	free(title);
	return ret;
}

int kg_read_text(struct kg_src *s, const struct kg_read_opts *o, kg_article_fn fn, void *ctx)
{
	struct kg_buf b = KG_BUF_INIT;
	struct kg_input_meta m = {0};
	int bad = 0, ret, rc;

	rc = kg_src_rest(s, &b, KG_INPUT_MAX);
	if (rc == -1) {
		kg_error("%s: read error: %s", s->name, strerror(s->err));
		ret = 1;
		goto out;
	}
	if (rc == -2) {
		kg_error("%s: larger than %zu MiB, skipped", s->name, KG_INPUT_MAX >> 20);
		ret = 1;
		goto out;
	}
	bad = kg_input_repair(&b, s->name, 1, 0) > 0;
	m.id = s->f == stdin ? NULL : s->name;
	m.origin = s->name;
	ret = kg_input_deliver(&m, b.s, b.len, 1, o, fn, ctx);
	if (ret >= 0)
		ret += bad;
out:
	kg_buf_release(&b);
	return ret;
}
