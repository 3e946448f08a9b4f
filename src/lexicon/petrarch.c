/*
 * petrarch.c: read the field's CAMEO dictionaries (TABARI/PETRARCH
 * formats) into the lexicon.
 *
 * The comments at the top of each dictionary file are the specification:
 *
 *  actors    NAME_WITH_UNDERSCORES [CODE]   primary name; "+NAME" synonyms
 *            follow; codes may sit on later lines, dated as
 *            [CODE yymmdd-yymmdd], [CODE <yymmdd], [CODE >yymmdd], and the
 *            first dated code that holds on the article's date wins, else
 *            the undated one.  "A/B/C" names several actors at once.
 *  agents    WORD [~GOV] (suffix) or [NGO~] (prefix); {PLURAL ...} gives
 *            the plural forms ({} none), else a regular plural is made;
 *            !SET! = A, B, C substitutes each member.
 *  discards  PHRASE voids the sentence, +PHRASE the whole story.
 *  verbs     &SYNSET then +MEMBER lines; "--- VERB [code] ---" opens a
 *            block; VERB {FORMS} [code] lines ("+" marks the verb word in
 *            a multi-word verb: WIRE_+TAP); "- PRE * POST [code]" patterns.
 *
 * In names and patterns words joined by '_' must be adjacent; words
 * separated by a space may have other words between them (in an actor
 * name: within the same noun phrase).  A trailing '_' only stops a word.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/embed.h"
#include "base/err.h"
#include "lexicon/lexicon.h"

#define SENTINEL "\001petrarch verbs"
#define MAXW 64		/* words in one name or pattern */
#define MAXREPORT 10	/* bad lines reported one by one per file */

/* ---- words ---- */

static int is_wordc(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c >= 0x80 || c == '&';
}

/* UTF-8 punctuation (quotes, dashes) at s: its length, or 0. */
static size_t upunct(const unsigned char *s, size_t n)
{
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
	    (s[2] == 0x93 || s[2] == 0x94 || s[2] == 0x98 || s[2] == 0x99 ||
	     s[2] == 0x9C || s[2] == 0x9D || s[2] == 0xA6))
		return 3;
	if (n >= 2 && s[0] == 0xC2 && (s[1] == 0xAB || s[1] == 0xBB))
		return 2;
	return 0;
}

static int is_apos(const unsigned char *s, size_t n, size_t *alen)
{
	if (n >= 1 && s[0] == '\'') {
		*alen = 1;
		return 1;
	}
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x99) {
		*alen = 3;
		return 1;
	}
	return 0;
}

static void emit(kg_lex_word_fn fn, void *ctx, const char *t, size_t off, size_t len, int punct)
{
	char w[128];
	size_t i, o = 0, a;

	for (i = 0; i < len && o + 1 < sizeof w; i++) {
		unsigned char c = (unsigned char)t[off + i];
		if (is_apos((const unsigned char *)t + off + i, len - i, &a)) {
			w[o++] = '\'';
			i += a - 1;
			continue;
		}
		w[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	/* "U.S.S.R." and "U.S.S.R" are one name: an abbreviation's final period
	 * is not part of its key. */
	if (o > 2 && w[o - 1] == '.' && memchr(w, '.', o - 1))
		o--;
	w[o] = 0;
	fn(ctx, off, len, w, o, punct);
}

size_t kg_lex_words(const char *text, size_t n, kg_lex_word_fn fn, void *ctx)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, count = 0, a, k;

	while (i < n) {
		unsigned char c = s[i];
		size_t start, end, dots = 0;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '_' ||
		    (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0)) {
			i += c == 0xC2 ? 2 : 1;
			continue;
		}
		if ((k = upunct(s + i, n - i)) || !is_wordc(c)) {
			/* An apostrophe before s + non-letter: a split possessive. */
			if (is_apos(s + i, n - i, &a) && i + a < n && (s[i + a] == 's' || s[i + a] == 'S') &&
			    (i + a + 1 >= n || !is_wordc(s[i + a + 1])) && i > 0 && is_wordc(s[i - 1])) {
				emit(fn, ctx, text, i, a + 1, 0);
				count++;
				i += a + 1;
				continue;
			}
			if (!k)
				k = 1;
			if (c == '-' && i + 1 < n && s[i + 1] == '-')
				k = 2;
			emit(fn, ctx, text, i, k, 1);
			count++;
			i += k;
			continue;
		}
		start = i;
		while (i < n) {
			if (is_wordc(s[i]) && !upunct(s + i, n - i)) {
				i++;
			} else if ((s[i] == '-' || s[i] == '.') && i + 1 < n && is_wordc(s[i + 1]) &&
				   !upunct(s + i + 1, n - i - 1)) {
				dots += s[i] == '.';
				i++;
			} else if (s[i] == ',' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9' &&
				   s[i - 1] >= '0' && s[i - 1] <= '9') {
				i++;
			} else if (is_apos(s + i, n - i, &a) && i + a < n && is_wordc(s[i + a]) &&
				   !upunct(s + i + a, n - i - a)) {
				i += a;
			} else {
				break;
			}
		}
		/* "anti-": a trailing hyphen belongs to the word. */
		if (i < n && s[i] == '-' && (i + 1 >= n || s[i + 1] != '-'))
			i++;
		/* "U.S.", "K.U.", "W.": the final period of an abbreviation. */
		if (i < n && s[i] == '.' && (dots || i - start == 1))
			i++;
		end = i;
		/* Possessive 's and the clitic n't are words of their own. */
		for (k = start; k < end; k++)
			if (is_apos(s + k, end - k, &a) && k + a + 1 == end &&
			    (s[end - 1] == 's' || s[end - 1] == 'S') && k > start)
				break;
		if (k < end) {
			emit(fn, ctx, text, start, k - start, 0);
			emit(fn, ctx, text, k, end - k, 0);
			count += 2;
			continue;
		}
		for (k = start + 1; k + 2 < end; k++)
			if ((s[k] == 'n' || s[k] == 'N') && is_apos(s + k + 1, end - k - 1, &a) &&
			    k + 1 + a + 1 == end && (s[end - 1] == 't' || s[end - 1] == 'T'))
				break;
		if (k + 2 < end) {
			emit(fn, ctx, text, start, k - start, 0);
			emit(fn, ctx, text, k, end - k, 0);
			count += 2;
			continue;
		}
		emit(fn, ctx, text, start, end - start, 0);
		count++;
	}
	return count;
}

struct joinbuf {
	char *s;
	size_t len, cap;
	int bad;
	unsigned n;
};

static void join_word(void *vctx, size_t off, size_t len, const char *w, size_t wlen, int punct)
{
	struct joinbuf *b = vctx;

	if (b->len + wlen + 2 > b->cap) {
		b->bad = 1;
		return;
	}
	if (b->len)
		b->s[b->len++] = ' ';
	memcpy(b->s + b->len, w, wlen);
	b->len += wlen;
	b->s[b->len] = 0;
	b->n++;
}

/* Normalise a dictionary phrase the way text is tokenised; 0 if too long. */
static size_t norm_phrase(const char *p, size_t n, char *buf, size_t cap, unsigned *nwords)
{
	struct joinbuf b = {buf, 0, cap, 0, 0};

	buf[0] = 0;
	kg_lex_words(p, n, join_word, &b);
	if (nwords)
		*nwords = b.n;
	return b.bad ? 0 : b.len;
}

/* ---- dates ---- */

int kg_lex_date(const char *s, size_t n)
{
	char d[9];
	size_t i, k = 0;
	int y;

	for (i = 0; i < n && k < 9; i++)
		if (s[i] >= '0' && s[i] <= '9')
			d[k++] = s[i];
		else if (s[i] != '-')
			return 0;
	if (k == 6) {
		y = (d[0] - '0') * 10 + (d[1] - '0');
		y += y < 30 ? 2000 : 1900;
		return y * 10000 + atoi((char[]){d[2], d[3], d[4], d[5], 0});
	}
	if (k == 8) {
		d[8] = 0;
		return atoi(d);
	}
	return 0;
}

/* ---- files and lines ---- */

struct reader {
	struct kg_lexicon *lx;
	const char *name;
	unsigned line;
	int bad;
};

static void bad_line(struct reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void bad_line(struct reader *r, const char *fmt, ...)
{
	struct kg_buf b = KG_BUF_INIT;
	va_list ap;

	/* The field's published dictionaries hold a few defects: say where the
	 * first ones are, then only how many. */
	if (r->bad++ >= MAXREPORT)
		return;
	va_start(ap, fmt);
	kg_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	kg_warn("%s:%u: %s", r->name, r->line, b.s);
	kg_buf_release(&b);
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Trim a line of its comment ('#' outside brackets) and surrounding space. */
static void trim(const char **p, size_t *n)
{
	size_t i, depth = 0;

	for (i = 0; i < *n; i++) {
		if ((*p)[i] == '[')
			depth++;
		else if ((*p)[i] == ']' && depth)
			depth--;
		else if ((*p)[i] == '#' && !depth)
			break;
	}
	*n = i;
	while (*n && is_space(**p))
		(*p)++, (*n)--;
	while (*n && is_space((*p)[*n - 1]))
		(*n)--;
}

/* Split "[...]" code fields off the end of a line: returns the count found
 * (up to max), setting s/n to what is left before the first one. */
static int take_brackets(const char **p, size_t *n, const char **f, size_t *fn, int max)
{
	const char *s = *p;
	size_t len = *n, i;
	int k = 0;

	for (i = 0; i < len; i++)
		if (s[i] == '[')
			break;
	if (i == len)
		return 0;
	*n = i;
	while (*n && is_space(s[*n - 1]))
		(*n)--;
	while (i < len && k < max) {
		size_t a;
		if (s[i] != '[') {
			i++;
			continue;
		}
		a = ++i;
		while (i < len && s[i] != ']')
			i++;
		if (i == len)
			return -1;
		f[k] = s + a;
		fn[k] = i - a;
		while (fn[k] && is_space(*f[k]))
			f[k]++, fn[k]--;
		while (fn[k] && is_space(f[k][fn[k] - 1]))
			fn[k]--;
		k++;
		i++;
	}
	return k;
}

/* "032", "032:033", ":173", "---". */
static int parse_codes(const char *s, size_t n, struct kg_petr_codes *c)
{
	const char *colon = memchr(s, ':', n);
	size_t a = colon ? (size_t)(colon - s) : n, b = colon ? n - a - 1 : 0, i;

	memset(c, 0, sizeof *c);
	if (a >= sizeof c->code || b >= sizeof c->code2 || (!a && !b))
		return -1;
	for (i = 0; i < n; i++)
		if (is_space(s[i]))
			return -1;
	memcpy(c->code, s, a);
	if (colon)
		memcpy(c->code2, colon + 1, b);
	return 0;
}

/* Title-case a dictionary name for display: "MINAS_TIRITH" -> "Minas Tirith". */
static const char *display_name(struct kg_lexicon *lx, const char *p, size_t n)
{
	char buf[256];
	size_t i, o = 0;
	int single = 1;	/* one word: "UAE", "UN" are acronyms */

	while (n && (*p == '+' || *p == '_' || *p == ' '))
		p++, n--;
	while (n && (p[n - 1] == '_' || p[n - 1] == ' '))
		n--;
	/* "EMBASSY_IN": a trailing function word is no part of the name */
	for (;;) {
		static const char *const tail[] = {"_IN", "_OF", "_TO", "_AT", "_BY", "_FOR", "_ON"};
		size_t t, before = n;
		for (t = 0; t < sizeof tail / sizeof *tail; t++) {
			size_t tl = strlen(tail[t]);
			if (n > tl && !strncasecmp(p + n - tl, tail[t], tl))
				n -= tl;
		}
		if (n == before)
			break;
	}
	for (i = 0; i < n; i++)
		if (p[i] == '_' || p[i] == ' ' || p[i] == '-')
			single = 0;
	for (i = 0; i < n && o + 1 < sizeof buf;) {
		/* one word: initials and short acronyms (U.S.S.R, UN, UAE) keep
		 * their capitals, function words go lower case inside a name */
		static const char *const small[] = {"AND", "OF", "THE", "FOR", "DE", "AL", "EL", "LA",
						    "ON", "IN", "DU", "DA", "VON", "VAN", "TO", "AT",
						    "BY", "A", "AN", "OR"};
		static const char *const words[] = {"MEN", "WAR", "NEW", "OLD", "AIR", "SEA", "GAS",
						    "OIL", "LAW", "ARM", "AID", "BAY", "RED", "ANTI",
						    "PRO", "SON", "BIN", "BEN", "ABU", "IBN"};
		size_t a = i, e = i, k, len;
		int keep = 0, lower = 0, letters = 0, common = 0;

		while (e < n && p[e] != '_' && p[e] != ' ' && p[e] != '-')
			e++;
		len = e - a;
		for (k = a; k < e; k++) {
			if (p[k] == '.' || (p[k] >= '0' && p[k] <= '9'))
				keep = 1;
			letters += (p[k] >= 'A' && p[k] <= 'Z') || (p[k] >= 'a' && p[k] <= 'z');
		}
		for (k = 0; k < sizeof small / sizeof *small; k++)
			if (strlen(small[k]) == len && !strncasecmp(small[k], p + a, len))
				lower = o > 0, common = 1;
		for (k = 0; k < sizeof words / sizeof *words; k++)
			if (strlen(words[k]) == len && !strncasecmp(words[k], p + a, len))
				common = 1;
		if (common)
			keep = 0;
		else if (letters <= 3 && single)
			keep = 1;
		for (k = a; k < e && o + 1 < sizeof buf; k++) {
			char c = p[k];
			if (!keep && c >= 'A' && c <= 'Z' && (k > a || lower))
				c = (char)(c + 32);
			else if (!keep && c >= 'a' && c <= 'z' && k == a && !lower)
				c = (char)(c - 32);
			buf[o++] = c;
		}
		if (e < n && o + 1 < sizeof buf)
			buf[o++] = p[e] == '_' ? ' ' : p[e];
		i = e + 1;
	}
	return kg_lex_intern(lx, buf, o);
}

/* Add an entry for a dictionary phrase; a phrase with spaces also gets a
 * gapped index entry under its first word. */
static struct kg_lex_entry *add_phrase(struct reader *r, enum kg_lex_kind kind,
				       const char *p, size_t n)
{
	char norm[512], key[160];
	unsigned nw;
	size_t len, i;
	int gapped = 0;
	struct kg_lex_entry *e;

	while (n && (*p == '+' || is_space(*p)))
		p++, n--;
	while (n && (p[n - 1] == '_' || is_space(p[n - 1])))
		n--;
	if (!n)
		return NULL;
	if (!(len = norm_phrase(p, n, norm, sizeof norm, &nw)) || !nw) {
		bad_line(r, "phrase too long or empty");
		return NULL;
	}
	if (!(e = kg_lex_add(r->lx, kind, norm, len)))
		return NULL;
	e->flags = (e->flags & ~(unsigned)(KG_LEXF_CAP | KG_LEXF_EXACT)) | KG_LEXF_PETR;
	e->surface = display_name(r->lx, p, n);
	for (i = 0; i < n; i++)
		if (p[i] == ' ' || p[i] == '\t')
			gapped = 1;
	if (gapped && nw > 1 && nw < MAXW) {
		struct kg_petr_gap *g = kg_lex_alloc(r->lx, sizeof *g);
		struct kg_petr_elem *v = kg_lex_alloc(r->lx, nw * sizeof *v);
		struct kg_lex_entry *ix;
		const char *w = norm;
		unsigned k;

		for (k = 0; k < nw; k++) {
			const char *sp = strchr(w, ' ');
			size_t wl = sp ? (size_t)(sp - w) : strlen(w);
			v[k].type = KG_PETR_WORD;
			v[k].word = kg_lex_intern(r->lx, w, wl);
			w += wl + (sp != NULL);
		}
		/* Words joined by '_' in the dictionary stay adjacent. */
		{
			size_t q = 0;
			unsigned wi = 0;
			for (q = 0; q < n && wi < nw; q++)
				if (p[q] == '_' && wi + 1 < nw)
					v[++wi].joined = 1;
				else if (p[q] == ' ' || p[q] == '\t') {
					wi++;
					while (q + 1 < n && (p[q + 1] == ' ' || p[q + 1] == '\t'))
						q++;
				}
		}
		g->words.v = v;
		g->words.n = nw;
		g->entry = e;
		snprintf(key, sizeof key, "\001%s", v[0].word);
		if ((ix = kg_lex_add(r->lx, kind, key, strlen(key)))) {
			ix->flags |= KG_LEXF_GAPPED | KG_LEXF_PETR;
			ix->extra = g;
		}
	}
	return e;
}

/* ---- actors ---- */

struct dated {
	const char *code;
	int from, until;	/* 0 = open */
};

struct actor_rec {
	const char *name[256];
	size_t nlen[256];
	unsigned nnames;
	struct dated codes[32];
	unsigned ncodes;
	unsigned line;
	int open;
	int saw_code;	/* a code line, good or bad */
};

static int parse_dated(struct reader *r, const char *s, size_t n, struct dated *d)
{
	size_t i = 0, a;
	const char *rest;
	size_t rn;
	const char *dash;

	while (i < n && !is_space(s[i]) && s[i] != '<' && s[i] != '>')
		i++;
	if (!i)
		return -1;
	d->code = kg_lex_intern(r->lx, s, i);
	d->from = d->until = 0;
	rest = s + i;
	rn = n - i;
	while (rn && is_space(*rest))
		rest++, rn--;
	if (!rn)
		return 0;
	if (*rest == '<' || *rest == '>') {
		char op = *rest;
		int date;
		rest++, rn--;
		while (rn && is_space(*rest))
			rest++, rn--;
		if (!(date = kg_lex_date(rest, rn)))
			return -1;
		if (op == '<')
			d->until = date - 1;
		else
			d->from = date + 1;
		return 0;
	}
	if (!(dash = memchr(rest, '-', rn)))
		return -1;
	a = (size_t)(dash - rest);
	{
		const char *b = dash + 1;
		size_t bn = rn - a - 1, an = a;
		while (an && is_space(rest[an - 1]))
			an--;
		while (bn && is_space(*b))
			b++, bn--;
		d->from = kg_lex_date(rest, an);
		d->until = kg_lex_date(b, bn);
		if (!d->from || !d->until)
			return -1;
	}
	return 0;
}

static void commit_actor(struct reader *r, struct actor_rec *a)
{
	unsigned i, k;
	const char *display;

	if (!a->open)
		return;
	a->open = 0;
	if (!a->ncodes && a->saw_code)
		return;		/* its bad codes were reported */
	if (!a->ncodes) {
		unsigned save = r->line;
		r->line = a->line;
		bad_line(r, "actor has no [CODE]");
		r->line = save;
		return;
	}
	display = display_name(r->lx, a->name[0], a->nlen[0]);
	for (i = 0; i < a->nnames; i++)
		for (k = 0; k < a->ncodes; k++) {
			struct kg_lex_entry *e = add_phrase(r, KG_LEX_ACTOR, a->name[i], a->nlen[i]);
			if (!e)
				break;
			e->actor.name = display;
			e->actor.code = a->codes[k].code;
			e->actor.type = KG_ACTOR_UNKNOWN;
			e->from = a->codes[k].from;
			e->until = a->codes[k].until;
		}
}

static void actor_codes(struct reader *r, struct actor_rec *a, const char *p, size_t n)
{
	const char *f[8];
	size_t fn[8];
	int k, i;

	a->saw_code = 1;
	k = take_brackets(&p, &n, f, fn, 8);
	if (k < 0) {
		bad_line(r, "unclosed '['");
		return;
	}
	for (i = 0; i < k; i++) {
		if (a->ncodes >= sizeof a->codes / sizeof *a->codes) {
			bad_line(r, "too many codes");
			return;
		}
		if (parse_dated(r, f[i], fn[i], &a->codes[a->ncodes]) < 0) {
			bad_line(r, "bad code '[%.*s]' (want [CODE], [CODE <yymmdd], [CODE >yymmdd] "
				 "or [CODE yymmdd-yymmdd])", (int)fn[i], f[i]);
			continue;
		}
		a->ncodes++;
	}
}

static void actor_line(struct reader *r, struct actor_rec *a, const char *p, size_t n)
{
	const char *name = p;
	size_t nn = n;
	const char *br = memchr(p, '[', n);

	if (*p == '[') {
		if (!a->open) {
			bad_line(r, "code without an actor name");
			return;
		}
		actor_codes(r, a, p, n);
		return;
	}
	if (br) {
		nn = (size_t)(br - p);
		while (nn && is_space(name[nn - 1]))
			nn--;
	}
	if (*p == '+') {
		if (!a->open) {
			bad_line(r, "synonym without a primary name");
			return;
		}
	} else if (a->open && !a->ncodes && !a->saw_code && !br) {
		/* Names listed one per line before their codes share them. */
	} else {
		commit_actor(r, a);
		a->open = 1;
		a->nnames = a->ncodes = 0;
		a->saw_code = 0;
		a->line = r->line;
	}
	if (a->nnames < sizeof a->name / sizeof *a->name && nn) {
		a->name[a->nnames] = name;
		a->nlen[a->nnames++] = nn;
	}
	if (br)
		actor_codes(r, a, br, n - (size_t)(br - p));
}

/* ---- agents ---- */

struct subst {
	char name[32];
	const char *items[16];
	size_t ilen[16];
	unsigned n;
};

/* Regular English plural of the last word of a phrase. */
static size_t plural(const char *p, size_t n, char *buf, size_t cap)
{
	char last, prev;

	if (n < 2 || n + 3 >= cap)
		return 0;
	memcpy(buf, p, n);
	last = (char)(p[n - 1] | 32);
	prev = (char)(p[n - 2] | 32);
	if (last == 'y' && !strchr("aeiou", prev)) {
		memcpy(buf + n - 1, "IES", 3);
		return n + 2;
	}
	if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's'))) {
		memcpy(buf + n, "ES", 2);
		return n + 2;
	}
	buf[n] = 'S';
	return n + 1;
}

static void add_agent(struct reader *r, const char *p, size_t n, const char *code)
{
	struct kg_lex_entry *e = add_phrase(r, KG_LEX_AGENT, p, n);

	if (e)
		e->agent = code;
}

static void agent_forms(struct reader *r, const char *p, size_t n, const char *forms,
			size_t fn, int has_forms, const char *code)
{
	char pl[512];
	size_t k;

	add_agent(r, p, n, code);
	if (!has_forms) {
		while (n && is_space(p[n - 1]))
			n--;
		/* "MINISTRY_": a stopped word gets no plural */
		if (n && p[n - 1] == '_')
			return;
		if ((k = plural(p, n, pl, sizeof pl)))
			add_agent(r, pl, k, code);
		return;
	}
	while (fn) {
		size_t a = 0;
		while (fn && is_space(*forms))
			forms++, fn--;
		while (a < fn && !is_space(forms[a]))
			a++;
		if (a)
			add_agent(r, forms, a, code);
		forms += a;
		fn -= a;
	}
}

static void agent_line(struct reader *r, struct subst *subs, unsigned *nsubs,
		       const char *p, size_t n)
{
	const char *f[2], *forms = NULL, *ob, *cb, *bang;
	size_t fn[2], nforms = 0;
	const char *code;
	int k;

	if (*p == '!' && memchr(p, '=', n) && !memchr(p, '[', n)) {
		/* !SET! = A, B, C */
		const char *eq = memchr(p, '=', n), *e2 = memchr(p + 1, '!', n - 1);
		struct subst *s;
		size_t i, a;

		if (!eq || !e2 || e2 > eq || (size_t)(e2 - p + 1) >= sizeof s->name ||
		    *nsubs >= 16) {
			bad_line(r, "bad substitution set (want !NAME! = A, B, C)");
			return;
		}
		s = &subs[(*nsubs)++];
		memcpy(s->name, p, (size_t)(e2 - p + 1));
		s->name[e2 - p + 1] = 0;
		s->n = 0;
		for (i = (size_t)(eq - p) + 1, a = i; i <= n; i++)
			if (i == n || p[i] == ',') {
				const char *it = p + a;
				size_t il = i - a;
				while (il && is_space(*it))
					it++, il--;
				while (il && is_space(it[il - 1]))
					il--;
				if (il && s->n < 16) {
					s->items[s->n] = kg_lex_intern(r->lx, it, il);
					s->ilen[s->n++] = il;
				}
				a = i + 1;
			}
		return;
	}
	k = take_brackets(&p, &n, f, fn, 2);
	if (k <= 0) {
		bad_line(r, "agent without [~CODE] or [CODE~]");
		return;
	}
	if (!fn[0] || !memchr(f[0], '~', fn[0])) {
		bad_line(r, "agent code '[%.*s]' has no '~'", (int)fn[0], f[0]);
		return;
	}
	{
		char c[32];
		size_t i, o = 0;
		for (i = 0; i < fn[0] && o + 1 < sizeof c; i++)
			if (!is_space(f[0][i]))
				c[o++] = f[0][i];
		code = kg_lex_intern(r->lx, c, o);
	}
	if ((ob = memchr(p, '{', n))) {
		if (!(cb = memchr(ob, '}', n - (size_t)(ob - p)))) {
			bad_line(r, "unclosed '{'");
			return;
		}
		forms = ob + 1;
		nforms = (size_t)(cb - ob - 1);
		n = (size_t)(ob - p);
		while (n && is_space(p[n - 1]))
			n--;
	}
	if ((bang = memchr(p, '!', n))) {
		const char *e2 = memchr(bang + 1, '!', n - (size_t)(bang - p) - 1);
		unsigned i, j;
		if (!e2) {
			bad_line(r, "unclosed '!' substitution");
			return;
		}
		for (i = 0; i < *nsubs; i++)
			if (strlen(subs[i].name) == (size_t)(e2 - bang + 1) &&
			    !strncmp(subs[i].name, bang, (size_t)(e2 - bang + 1)))
				break;
		if (i == *nsubs) {
			bad_line(r, "unknown substitution set '%.*s'", (int)(e2 - bang + 1), bang);
			return;
		}
		for (j = 0; j < subs[i].n; j++) {
			struct kg_buf b = KG_BUF_INIT;
			kg_buf_add(&b, p, (size_t)(bang - p));
			kg_buf_add(&b, subs[i].items[j], subs[i].ilen[j]);
			kg_buf_add(&b, e2 + 1, n - (size_t)(e2 + 1 - p));
			agent_forms(r, b.s, b.len, forms, nforms, forms != NULL, code);
			kg_buf_release(&b);
		}
		return;
	}
	agent_forms(r, p, n, forms, nforms, forms != NULL, code);
}

/* ---- verbs ---- */

struct synref {
	struct kg_petr_elem *el;
	const char *name;
	unsigned line;
};

struct verbs {
	struct reader *r;
	/* synsets while reading */
	struct kg_petr_synset **syn;
	size_t nsyn, syncap;
	struct kg_petr_synset *cursyn;
	struct kg_petr_seq *members;
	size_t nmem, memcap;
	/* references to resolve at the end */
	struct synref *refs;
	size_t nrefs, refcap;
	/* the current block */
	struct kg_petr_block *block;
	struct kg_petr_pattern *pat;
	size_t npat, patcap;
	struct kg_lex_entry **verbs;	/* entries of the current block */
	size_t nverbs, verbcap;
	int mode;	/* 0 none, 1 synset, 2 block */
};

/* Parse a sequence of pattern/synset words into elements.  Returns the
 * element count, or -1.  verb_at gets the index of '*' in the output
 * (elements before it are pre), or -1. */
static int parse_elems(struct verbs *v, const char *p, size_t n, struct kg_petr_elem *out,
		       int max, int *verb_at, unsigned char *verb_joined)
{
	size_t i = 0;
	int k = 0, joined = 0, group_start = -1, depth = 0;
	unsigned char group = 0, outer = 0;

	if (verb_at)
		*verb_at = -1;
	while (i < n) {
		size_t a;
		char w[128];
		struct kg_petr_elem *e;

		if (is_space(p[i])) {
			joined = 0;
			i++;
			continue;
		}
		if (p[i] == '_') {
			joined = k > 0 || (verb_at && *verb_at >= 0);
			i++;
			continue;
		}
		if (p[i] == '{' || p[i] == '(') {
			if (!depth++)
				group_start = k;
			outer = depth == 1 ? (unsigned char)p[i] : outer;
			group = (unsigned char)p[i];
			i++;
			continue;
		}
		if (p[i] == '}' || p[i] == ')') {
			if (depth)
				depth--;
			group = depth ? outer : 0;
			i++;
			continue;
		}
		if (p[i] == '*') {
			if (!verb_at || *verb_at >= 0)
				return -1;
			*verb_at = k;
			*verb_joined = (unsigned char)joined;
			joined = 0;
			i++;
			/* "*_OUT": the next element is joined to the verb. */
			continue;
		}
		if (k >= max)
			return -1;
		e = &out[k];
		memset(e, 0, sizeof *e);
		e->group = group;
		e->cont = (unsigned char)(group && k > group_start && !(verb_at && *verb_at == k));
		e->joined = (unsigned char)(joined && !(verb_at && *verb_at == k && k == 0 && 0));
		if ((p[i] == '$' || p[i] == '+' || p[i] == '%' || p[i] == '^') &&
		    (i + 1 == n || is_space(p[i + 1]) || p[i + 1] == '_' || p[i + 1] == ')' ||
		     p[i + 1] == '}')) {
			e->type = p[i] == '$' ? KG_PETR_SRC : p[i] == '+' ? KG_PETR_TGT :
				  p[i] == '%' ? KG_PETR_CMP : KG_PETR_SKIP;
			i++;
			k++;
			joined = 0;
			continue;
		}
		a = i;
		if (p[i] == '&') {
			i++;
			while (i < n && !is_space(p[i]) && p[i] != '_' && p[i] != ')' && p[i] != '}')
				i++;
			e->type = KG_PETR_SYN;
			KG_GROW(v->refs, v->nrefs + 1, v->refcap);
			v->refs[v->nrefs].el = e;	/* fixed up by the caller after copying */
			v->refs[v->nrefs].name = kg_lex_intern(v->r->lx, p + a + 1, i - a - 1);
			v->refs[v->nrefs].line = v->r->line;
			v->nrefs++;
			k++;
			joined = 0;
			continue;
		}
		while (i < n && !is_space(p[i]) && p[i] != '_' && p[i] != ')' && p[i] != '}' &&
		       p[i] != '*')
			i++;
		if (i - a >= sizeof w - 1)
			return -1;
		{
			/* A word may tokenise into several ("N'T", "DON'T"). */
			char norm[160];
			unsigned nw;
			size_t len = norm_phrase(p + a, i - a, norm, sizeof norm, &nw), q = 0;
			unsigned j;

			if (!len || !nw)
				continue;
			for (j = 0; j < nw; j++) {
				const char *sp = strchr(norm + q, ' ');
				size_t wl = sp ? (size_t)(sp - norm - q) : strlen(norm + q);
				if (k >= max)
					return -1;
				e = &out[k];
				memset(e, 0, sizeof *e);
				e->type = KG_PETR_WORD;
				e->group = group;
				e->cont = (unsigned char)(group && k > group_start &&
							  !(verb_at && *verb_at == k));
				e->joined = (unsigned char)(j ? 1 : joined);
				e->word = kg_lex_intern(v->r->lx, norm + q, wl);
				q += wl + 1;
				k++;
			}
		}
		joined = 0;
	}
	return k;
}

/* Copy n elements into the lexicon, moving synset references along. */
static struct kg_petr_elem *keep_elems(struct verbs *v, struct kg_petr_elem *tmp, int n,
				       size_t refs_before)
{
	struct kg_petr_elem *e = kg_lex_alloc(v->r->lx, (size_t)(n ? n : 1) * sizeof *e);
	size_t i;

	if (n)
		memcpy(e, tmp, (size_t)n * sizeof *e);
	for (i = refs_before; i < v->nrefs; i++)
		v->refs[i].el = e + (v->refs[i].el - tmp);
	return e;
}

static void end_synset(struct verbs *v)
{
	struct kg_petr_seq *m;

	if (!v->cursyn)
		return;
	m = kg_lex_alloc(v->r->lx, (v->nmem ? v->nmem : 1) * sizeof *m);
	if (v->nmem)
		memcpy(m, v->members, v->nmem * sizeof *m);
	v->cursyn->members = m;
	v->cursyn->n = (unsigned)v->nmem;
	if (!v->nmem) {
		unsigned save = v->r->line;
		v->r->line = v->cursyn->line;
		bad_line(v->r, "synset &%s has no members", v->cursyn->name);
		v->r->line = save;
	}
	v->cursyn = NULL;
	v->nmem = 0;
}

static int cmp_weight(const void *a, const void *b)
{
	const struct kg_petr_pattern *x = a, *y = b;

	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static void end_block(struct verbs *v)
{
	struct kg_petr_pattern *p;

	if (!v->block)
		return;
	p = kg_lex_alloc(v->r->lx, (v->npat ? v->npat : 1) * sizeof *p);
	if (v->npat) {
		memcpy(p, v->pat, v->npat * sizeof *p);
		qsort(p, v->npat, sizeof *p, cmp_weight);
	}
	v->block->pat = p;
	v->block->npat = (unsigned)v->npat;
	v->block = NULL;
	v->npat = 0;
	v->nverbs = 0;
}

static void synset_start(struct verbs *v, const char *p, size_t n)
{
	struct kg_petr_synset *s;
	size_t a = 1;

	end_block(v);
	end_synset(v);
	while (a < n && !is_space(p[a]))
		a++;
	while (a > 1 && p[a - 1] == '_')
		a--;
	s = kg_lex_alloc(v->r->lx, sizeof *s);
	s->name = kg_lex_intern(v->r->lx, p + 1, a - 1);
	s->line = v->r->line;
	KG_GROW(v->syn, v->nsyn + 1, v->syncap);
	v->syn[v->nsyn++] = s;
	v->cursyn = s;
	v->mode = 1;
}

static int add_member(struct verbs *v, const char *p, size_t n)
{
	struct kg_petr_elem tmp[MAXW];
	size_t refs = v->nrefs;
	int k, i;

	k = parse_elems(v, p, n, tmp, MAXW, NULL, NULL);
	if (k <= 0) {
		v->nrefs = refs;
		return -1;
	}
	/* The words of one member are adjacent. */
	for (i = 1; i < k; i++)
		tmp[i].joined = 1;
	KG_GROW(v->members, v->nmem + 1, v->memcap);
	v->members[v->nmem].v = keep_elems(v, tmp, k, refs);
	v->members[v->nmem].n = (unsigned)k;
	v->nmem++;
	return tmp[k - 1].type == KG_PETR_WORD;
}

static void synset_member(struct verbs *v, const char *p, size_t n)
{
	char pl[512];
	size_t k;
	int rc;

	p++, n--;
	while (n && is_space(p[n - 1]))
		n--;
	if ((rc = add_member(v, p, n)) < 0) {
		bad_line(v->r, "bad synset member");
		return;
	}
	/* Members get their regular plural, unless stopped with '_' ("CASH_"). */
	if (rc && n && p[n - 1] != '_' && (k = plural(p, n, pl, sizeof pl)))
		add_member(v, pl, k);
}

static void block_start(struct verbs *v, const char *p, size_t n)
{
	const char *f[2];
	size_t fn[2], a;
	int k;
	struct kg_petr_block *b;

	end_block(v);
	end_synset(v);
	v->mode = 2;
	p += 3, n -= 3;
	while (n && p[n - 1] == '-')
		n--;
	k = take_brackets(&p, &n, f, fn, 2);
	b = kg_lex_alloc(v->r->lx, sizeof *b);
	while (n && is_space(*p))
		p++, n--;
	for (a = 0; a < n && !is_space(p[a]); a++)
		;
	b->name = display_name(v->r->lx, p, n);
	b->file = v->r->name;
	b->line = v->r->line;
	if (k <= 0 || parse_codes(f[0], fn[0], &b->codes) < 0) {
		bad_line(v->r, "verb block without a [code]");
		strcpy(b->codes.code, "---");
	}
	v->block = b;
}

/* Regular forms of a verb word (PETRARCH's rules: no doubling). */
static int verb_forms(const char *w, size_t n, char forms[3][64])
{
	char last, prev;

	if (!n || n + 4 >= 64)
		return 0;
	last = w[n - 1];
	prev = n > 1 ? w[n - 2] : 0;
	memcpy(forms[0], w, n);
	memcpy(forms[1], w, n);
	memcpy(forms[2], w, n);
	if (last == 'Y' && !strchr("AEIOU", prev)) {
		strcpy(forms[0] + n - 1, "IES");
		strcpy(forms[1] + n - 1, "IED");
	} else {
		strcpy(forms[0] + n, (last == 'S' || last == 'X' || last == 'Z' ||
				      (last == 'H' && (prev == 'C' || prev == 'S'))) ? "ES" : "S");
		strcpy(forms[1] + n, last == 'E' ? "D" : "ED");
	}
	if (last == 'E' && prev != 'E')
		strcpy(forms[2] + n - 1, "ING");
	else
		strcpy(forms[2] + n, "ING");
	return 3;
}

static void add_verb_form(struct verbs *v, const char *p, size_t n,
			  const struct kg_petr_codes *own, int past)
{
	char buf[256];
	size_t i, o = 0;
	struct kg_lex_entry *e;
	struct kg_petr_verb *pv;

	/* Drop the '+' that marks the verb word. */
	for (i = 0; i < n && o + 1 < sizeof buf; i++)
		if (p[i] != '+')
			buf[o++] = p[i];
	if (!(e = add_phrase(v->r, KG_LEX_RELATION, buf, o)))
		return;
	pv = kg_lex_alloc(v->r->lx, sizeof *pv);
	pv->block = v->block;
	pv->codes = own->code[0] || own->code2[0] ? *own : v->block->codes;
	pv->past = (unsigned char)past;
	e->extra = pv;
	e->cameo = pv->codes.code;
	e->pos = "v";
	e->label = v->block->name;
	KG_GROW(v->verbs, v->nverbs + 1, v->verbcap);
	v->verbs[v->nverbs++] = e;
}

static void verb_line(struct verbs *v, const char *p, size_t n)
{
	const char *f[2], *ob, *cb;
	size_t fn[2];
	struct kg_petr_codes own = {{0}, {0}};
	int k;

	if (!v->block) {
		bad_line(v->r, "verb outside a '--- VERB [code] ---' block");
		return;
	}
	k = take_brackets(&p, &n, f, fn, 2);
	if (k < 0 || (k > 0 && parse_codes(f[0], fn[0], &own) < 0)) {
		bad_line(v->r, "bad verb code");
		return;
	}
	if ((ob = memchr(p, '{', n))) {
		size_t rest;
		const char *q;

		if (!(cb = memchr(ob, '}', n - (size_t)(ob - p)))) {
			bad_line(v->r, "unclosed '{'");
			return;
		}
		rest = n;
		n = (size_t)(ob - p);
		while (n && is_space(p[n - 1]))
			n--;
		add_verb_form(v, p, n, &own, 0);
		for (q = ob + 1; q < cb;) {
			size_t a = 0;
			while (q < cb && is_space(*q))
				q++;
			while (q + a < cb && !is_space(q[a]))
				a++;
			if (a)
				add_verb_form(v, q, a, &own, 1);
			q += a;
		}
		(void)rest;
		return;
	}
	while (n && is_space(p[n - 1]))
		n--;
	while (n && p[n - 1] == '_')
		n--;
	add_verb_form(v, p, n, &own, 0);
	{
		/* Regular forms of the verb word: the '+'-marked one, else the
		 * first word of a phrase. */
		const char *plus = memchr(p, '+', n);
		size_t a = plus ? (size_t)(plus - p) + 1 : 0, b = a, i;
		char forms[3][64];

		while (b < n && p[b] != '_' && p[b] != ' ')
			b++;
		if (verb_forms(p + a, b - a, forms) == 3)
			for (i = 0; i < 3; i++) {
				struct kg_buf buf = KG_BUF_INIT;
				kg_buf_add(&buf, p, a);
				kg_buf_adds(&buf, forms[i]);
				kg_buf_add(&buf, p + b, n - b);
				add_verb_form(v, buf.s, buf.len, &own, i == 1);
				kg_buf_release(&buf);
			}
	}
}

static void pattern_line(struct verbs *v, const char *p, size_t n)
{
	struct kg_petr_elem tmp[MAXW];
	struct kg_petr_pattern *pt;
	const char *f[2];
	size_t fn[2], refs = v->nrefs;
	int k, at, i;
	unsigned char vj = 0;
	struct kg_petr_elem *e;

	if (!v->block) {
		bad_line(v->r, "pattern outside a verb block");
		return;
	}
	p++, n--;
	k = take_brackets(&p, &n, f, fn, 2);
	if (k <= 0) {
		bad_line(v->r, "pattern without a [code]");
		return;
	}
	KG_GROW(v->pat, v->npat + 1, v->patcap);
	pt = &v->pat[v->npat];
	memset(pt, 0, sizeof *pt);
	if (parse_codes(f[0], fn[0], &pt->codes) < 0) {
		bad_line(v->r, "bad pattern code '[%.*s]'", (int)fn[0], f[0]);
		return;
	}
	k = parse_elems(v, p, n, tmp, MAXW, &at, &vj);
	if (k < 0 || at < 0) {
		v->nrefs = refs;
		bad_line(v->r, k < 0 ? "pattern too long or malformed" : "pattern without the verb '*'");
		return;
	}
	e = keep_elems(v, tmp, k, refs);
	pt->pre = e;
	pt->npre = (unsigned)at;
	pt->post = e + at;
	pt->npost = (unsigned)(k - at);
	pt->verb_joined = vj;
	pt->line = v->r->line;
	for (i = 0; i < k; i++)
		pt->weight++;
	v->npat++;
}

static void resolve_synsets(struct verbs *v)
{
	size_t i, j;

	for (i = 0; i < v->nrefs; i++) {
		const char *name = v->refs[i].name;
		size_t nl = strlen(name);

		while (nl && name[nl - 1] == '_')
			nl--;
		for (j = 0; j < v->nsyn; j++)
			if (strlen(v->syn[j]->name) == nl && !strncmp(v->syn[j]->name, name, nl))
				break;
		if (j == v->nsyn) {
			unsigned save = v->r->line;
			v->r->line = v->refs[i].line;
			bad_line(v->r, "unknown synset &%s", name);
			v->r->line = save;
			/* An unknown synset matches nothing. */
			v->refs[i].el->type = KG_PETR_WORD;
			v->refs[i].el->word = "\001";
			continue;
		}
		v->refs[i].el->syn = v->syn[j];
	}
}

/* ---- the readers ---- */

static int contains(const char *p, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; i + k <= n; i++)
		if (!memcmp(p + i, needle, k))
			return 1;
	return 0;
}

typedef void (*line_fn)(struct reader *r, void *st, const char *p, size_t n);

static void each_line(struct reader *r, const char *data, size_t len, line_fn fn, void *st)
{
	size_t i, a = 0;
	int in_comment = 0;

	r->line = 0;
	for (i = 0; i <= len; i++) {
		const char *p;
		size_t n;

		if (i < len && data[i] != '\n')
			continue;
		p = data + a;
		n = i - a;
		a = i + 1;
		r->line++;
		/* <!-- ... --> comments, possibly over several lines. */
		while (n && is_space(*p))
			p++, n--;
		if (in_comment) {
			if (n >= 3 && contains(p, n, "-->"))
				in_comment = 0;
			continue;
		}
		if (n && *p == '<') {
			if (!contains(p, n, ">"))
				in_comment = 1;
			continue;
		}
		trim(&p, &n);
		if (!n)
			fn(r, st, NULL, 0);
		else
			fn(r, st, p, n);
	}
}

static void actors_fn(struct reader *r, void *st, const char *p, size_t n)
{
	if (p)
		actor_line(r, st, p, n);
}

struct agents_st {
	struct subst subs[16];
	unsigned nsubs;
};

static void agents_fn(struct reader *r, void *vst, const char *p, size_t n)
{
	struct agents_st *st = vst;

	if (p)
		agent_line(r, st->subs, &st->nsubs, p, n);
}

static void discards_fn(struct reader *r, void *st, const char *p, size_t n)
{
	struct kg_lex_entry *e;

	if (!p)
		return;
	if ((e = add_phrase(r, KG_LEX_DISCARD, p, n)) && *p == '+')
		e->flags |= KG_LEXF_STORY;
}

static void verbs_fn(struct reader *r, void *vst, const char *p, size_t n)
{
	struct verbs *v = vst;

	if (!p)
		return;
	if (n >= 3 && !strncmp(p, "---", 3) && (n == 3 || p[3] == ' ' || p[3] == '\t')) {
		block_start(v, p, n);
	} else if (*p == '&') {
		synset_start(v, p, n);
	} else if (*p == '+' && v->mode == 1) {
		synset_member(v, p, n);
	} else if (*p == '-') {
		pattern_line(v, p, n);
	} else if (v->mode == 1 && !v->block) {
		bad_line(v->r, "line outside a synset or verb block");
	} else {
		end_synset(v);
		v->mode = 2;
		verb_line(v, p, n);
	}
}

int kg_lex_load_petrarch_mem(struct kg_lexicon *lx, const char *kind, const char *name,
			     const char *data, size_t len)
{
	struct reader r = {lx, name, 0, 0};

	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))	/* a UTF-8 byte-order mark */
		data += 3, len -= 3;

	if (!strcmp(kind, "actors")) {
		struct actor_rec *a = kg_xcalloc(1, sizeof *a);
		each_line(&r, data, len, actors_fn, a);
		commit_actor(&r, a);
		free(a);
	} else if (!strcmp(kind, "agents")) {
		struct agents_st st;
		st.nsubs = 0;
		each_line(&r, data, len, agents_fn, &st);
	} else if (!strcmp(kind, "discards")) {
		each_line(&r, data, len, discards_fn, NULL);
	} else if (!strcmp(kind, "verbs")) {
		struct verbs v;
		struct kg_lex_entry *s;

		memset(&v, 0, sizeof v);
		v.r = &r;
		each_line(&r, data, len, verbs_fn, &v);
		end_block(&v);
		end_synset(&v);
		resolve_synsets(&v);
		free(v.syn);
		free(v.members);
		free(v.refs);
		free(v.pat);
		free(v.verbs);
		if (!kg_lex_has_petrarch_verbs(lx) &&
		    (s = kg_lex_add(lx, KG_LEX_RELATION, SENTINEL, strlen(SENTINEL))))
			s->flags |= KG_LEXF_PETR;
	} else {
		return kg_error("%s: unknown dictionary kind '%s' (actors|agents|discards|verbs)",
				name, kind);
	}
	if (r.bad > MAXREPORT)
		kg_warn("%s: %d more bad lines skipped", name, r.bad - MAXREPORT);
	return r.bad;
}

int kg_lex_load_petrarch(struct kg_lexicon *lx, const char *kind, const char *path)
{
	FILE *f = fopen(path, "rb");
	struct kg_buf b = KG_BUF_INIT;
	char chunk[65536];
	size_t n;
	int rc;

	if (!f)
		return kg_error("%s:", path);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		kg_buf_add(&b, chunk, n);
	if (ferror(f)) {
		fclose(f);
		kg_buf_release(&b);
		return kg_error("%s:", path);
	}
	fclose(f);
	rc = kg_lex_load_petrarch_mem(lx, kind, kg_lex_intern(lx, path, strlen(path)), b.s, b.len);
	kg_buf_release(&b);
	return rc;
}

int kg_lex_has_petrarch_verbs(const struct kg_lexicon *lx)
{
	return kg_lex_get(lx, SENTINEL, strlen(SENTINEL)) != NULL;
}

int kg_lex_load_codebook(struct kg_lexicon *lx)
{
	const struct kg_embedded *e = kg_embed_find("data/cameo.tsv");

	if (!e)
		return kg_error("built-in codebook data/cameo.tsv missing from the build");
	return kg_lex_load_tsv(lx, "cameo", "data/cameo.tsv", e->data, e->len) ? -1 : 0;
}
