/*
 * token.c: words and punctuation of one sentence.
 *
 * A word keeps internal apostrophes, hyphens and periods ("al-Qaeda",
 * "U.S.", "O'Brien"); a possessive "'s" / "’s" is split off as its own
 * token so "Iran's" yields the actor "Iran".  Bytes >= 0x80 are letters,
 * except the UTF-8 quotes and dashes, which become punctuation.
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "text/text.h"

static int is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80;
}

/* Bytes that always go on a word: ASCII letters and digits, and bytes
 * from 0x80 other than 0xC2 and 0xE2, the only ones that can start the
 * punctuation of upunct() (the word loop then asks it).  1: a digit or
 * non-ASCII byte, 2: a lower-case letter, 3: an upper-case one (counted
 * on the way, for KG_TOK_UPPER). */
#define W4(a) a, a, a, a
#define W16(a) W4(a), W4(a), W4(a), W4(a)
static const unsigned char word_byte[256] = {
	W16(0), W16(0), W16(0),
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,		/* 0-9 */
	0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,		/* A-O */
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0,		/* P-Z */
	0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,		/* a-o */
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0,		/* p-z */
	W16(1), W16(1), W16(1), W16(1),				/* 0x80-0xBF */
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,		/* 0xC2 */
	W16(1),
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,		/* 0xE2 */
	W16(1),
};

/* Length of a UTF-8 punctuation sequence at s (quotes, dashes), or 0. */
static size_t upunct(const unsigned char *s, size_t n, unsigned *flags)
{
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80) {
		switch (s[2]) {
		case 0x93: case 0x94: case 0x95:	/* – — ― */
			*flags = KG_TOK_PUNCT | KG_TOK_DASH;
			return 3;
		case 0x98: case 0x99: case 0x9C: case 0x9D:	/* ‘ ’ “ ” */
			*flags = KG_TOK_PUNCT | KG_TOK_QUOTE;
			return 3;
		case 0xA6:	/* … */
			*flags = KG_TOK_PUNCT;
			return 3;
		}
	}
	if (n >= 2 && s[0] == 0xC2 && (s[1] == 0xAB || s[1] == 0xBB || s[1] == 0xA0)) {
		*flags = s[1] == 0xA0 ? 0 : KG_TOK_PUNCT | KG_TOK_QUOTE;	/* « » nbsp */
		return 2;
	}
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

static void add(struct kg_tokens *out, size_t off, size_t len, unsigned flags)
{
	KG_GROW(out->v, out->n + 1, out->cap);
	out->v[out->n].off = off;
	out->v[out->n].len = len;
	out->v[out->n].flags = flags;
	out->n++;
}

/* Flags of the word w[0..n), which has that many ASCII letters, upper
 * of them upper case. */
static unsigned word_flags(const unsigned char *w, size_t n, size_t letters, size_t upper)
{
	unsigned f = KG_TOK_WORD;

	if (w[0] >= '0' && w[0] <= '9')
		f |= KG_TOK_NUM;
	if (w[0] >= 'A' && w[0] <= 'Z')
		f |= KG_TOK_CAP;
	/* Latin-1 supplement / Latin Extended capitals (Ö, É, Ş ...). */
	if (w[0] == 0xC3 && n > 1 && w[1] >= 0x80 && w[1] <= 0x9E)
		f |= KG_TOK_CAP;
	if (letters >= 2 && upper == letters)
		f |= KG_TOK_UPPER;
	return f;
}

void kg_tokenize(const char *text, size_t off, size_t len, struct kg_tokens *out)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = off, end = off + len, a, pl, letters, upper;
	unsigned pf;

	out->n = 0;
	while (i < end) {
		unsigned char c = s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
			i++;
			continue;
		}
		if ((c == 0xE2 || c == 0xC2) && (pl = upunct(s + i, end - i, &pf))) {
			size_t al;
			/* ’s after a word is a possessive. */
			if (is_apos(s + i, end - i, &al) && out->n &&
			    (out->v[out->n - 1].flags & KG_TOK_WORD) &&
			    out->v[out->n - 1].off + out->v[out->n - 1].len == i) {
				if (i + al < end && (s[i + al] == 's' || s[i + al] == 'S') &&
				    (i + al + 1 >= end || !is_alnum(s[i + al + 1]))) {
					add(out, i, al + 1, KG_TOK_POSS);
					i += al + 1;
					continue;
				}
			}
			if (pf)
				add(out, i, pl, pf);
			i += pl;
			continue;
		}
		if (!is_alnum(c)) {
			size_t al;
			if (c == '\'' && out->n && (out->v[out->n - 1].flags & KG_TOK_WORD) &&
			    out->v[out->n - 1].off + out->v[out->n - 1].len == i &&
			    is_apos(s + i, end - i, &al)) {
				if (i + 1 < end && (s[i + 1] == 's' || s[i + 1] == 'S') &&
				    (i + 2 >= end || !is_alnum(s[i + 2]))) {
					add(out, i, 2, KG_TOK_POSS);
					i += 2;
					continue;
				}
				/* "rebels'" plural possessive */
				if (i + 1 >= end || !is_alnum(s[i + 1])) {
					add(out, i, 1, KG_TOK_POSS);
					i++;
					continue;
				}
			}
			if (c == '-' && i + 1 < end && s[i + 1] == '-') {
				add(out, i, 2, KG_TOK_PUNCT | KG_TOK_DASH);
				i += 2;
				continue;
			}
			add(out, i, 1, KG_TOK_PUNCT | (c == '"' ? KG_TOK_QUOTE : 0) |
			    (c == '-' ? KG_TOK_DASH : 0));
			i++;
			continue;
		}
		/* A word: alnum runs joined by ' - . (but not a final period,
		 * unless the word is a dotted abbreviation such as "U.S."). */
		a = i;
		letters = upper = 0;
		for (;;) {
			size_t al;
			unsigned k;

			for (; i < end; i++) {
				if ((k = word_byte[s[i]])) {
					letters += k >> 1;
					upper += k == 3;
				} else if (!((s[i] == 0xC2 || s[i] == 0xE2) && !upunct(s + i, end - i, &pf))) {
					break;
				}
			}
			if (i + 1 < end && (s[i] == '-' || s[i] == '.' || s[i] == '&') &&
			    is_alnum(s[i + 1]) && !upunct(s + i + 1, end - i - 1, &pf)) {
				i++;
				continue;
			}
			/* "U.S.-led": a dotted abbreviation joined by a hyphen. */
			if (i + 2 < end && s[i] == '.' && s[i + 1] == '-' && is_alnum(s[i + 2]) &&
			    memchr(s + a, '.', i - a)) {
				i += 2;
				continue;
			}
			/* O'Brien, but not Iran's (handled as a possessive). */
			if (is_apos(s + i, end - i, &al) && i + al < end && is_alnum(s[i + al]) &&
			    !((s[i + al] == 's' || s[i + al] == 'S') &&
			      (i + al + 1 >= end || !is_alnum(s[i + al + 1])))) {
				i += al;
				continue;
			}
			break;
		}
		/* "U.S." keeps its final period when the word is dotted. */
		if (i < end && s[i] == '.' && memchr(s + a, '.', i - a) && i - a <= 6)
			i++;
		add(out, a, i - a, word_flags(s + a, i - a, letters, upper));
	}
}

int kg_tok_is(const char *text, const struct kg_token *t, const char *lower)
{
	size_t i;

	for (i = 0; i < t->len; i++) {
		char c = text[t->off + i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (!lower[i] || c != lower[i])
			return 0;
	}
	return lower[i] == 0;
}

void kg_tokens_release(struct kg_tokens *t)
{
	free(t->v);
	t->v = NULL;
	t->n = t->cap = 0;
}
