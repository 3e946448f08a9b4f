/*
 * split.c: sentence boundaries.
 *
 * A sentence ends at . ! ? (with closing quotes or brackets after it) when
 * the next word starts a new sentence, unless the word before the period
 * is an abbreviation ("U.S.", "Gen.", "Jan.") or an initial ("George W.
 * Bush").  A blank line always ends one.  A single line break ends one
 * when the line is a heading (short and without final punctuation), so a
 * title or byline is never glued to the first sentence, while hard-wrapped
 * paragraphs stay whole.
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "text/text.h"

/* Short, common abbreviations that are followed by a period mid-sentence. */
static const char *const abbrevs[] = {
	"mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt",
	"cpt", "sgt", "adm", "cmdr", "gov", "sen", "rep", "rev", "sr", "jr",
	"st", "mt", "ft", "pres", "amb", "sec", "supt", "hon", "messrs",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec", "no", "nos", "vs", "v", "etc", "approx", "est", "dept",
	"univ", "inc", "ltd", "co", "corp", "bros", "al", "fig", "vol",
	"u.s", "u.k", "u.n", "e.u", "u.s.a", "a.m", "p.m", "e.g", "i.e",
	"d.c", "u.a.e", "s.a", NULL
};

int kg_is_abbrev(const char *w, size_t len)
{
	char low[16];
	size_t i;

	/* No abbreviation has more than 6 letters ("messrs", "approx"). */
	if (len == 0 || len > 6)
		return 0;
	for (i = 0; i < len; i++)
		low[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] + 32) : w[i];
	low[len] = 0;
	/* The first letter first: this runs at every period of the text. */
	for (i = 0; abbrevs[i]; i++)
		if (abbrevs[i][0] == low[0] && !strcmp(low, abbrevs[i]))
			return 1;
	/* An initial: one capital letter ("W." in "George W. Bush"). */
	return len == 1 && w[0] >= 'A' && w[0] <= 'Z';
}

/* The bytes kg_split_sentences stops at: '\n' . ! ? */
static const unsigned char ends_here[256] = {['\n'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1};

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* Closing quotes and brackets that may follow the final period. */
static size_t closer_len(const char *s, size_t i, size_t len)
{
	unsigned char c = (unsigned char)s[i];

	if (c == '"' || c == '\'' || c == ')' || c == ']')
		return 1;
	/* ” (E2 80 9D) and ’ (E2 80 99) */
	if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x9D || (unsigned char)s[i + 2] == 0x99))
		return 3;
	return 0;
}

/* Could the text at i begin a new sentence? */
static int starts_sentence(const char *s, size_t i, size_t len)
{
	unsigned char c;

	while (i < len && is_space((unsigned char)s[i]))
		i++;
	if (i >= len)
		return 1;
	c = (unsigned char)s[i];
	if (c >= 'A' && c <= 'Z')
		return 1;
	if (c >= '0' && c <= '9')
		return 1;
	if (c == '"' || c == '\'' || c == '(' || c == '[')
		return 1;
	if (c >= 0x80)	/* “ ‘ or a non-ASCII capital: accept */
		return 1;
	return 0;
}

/* After a dotted abbreviation ("in the U.S. The talks"), a capitalised
 * word that usually opens a sentence means the sentence did end. */
static int next_is_opener(const char *s, size_t i, size_t len)
{
	static const char *const openers[] = {
		"The ", "A ", "An ", "It ", "He ", "She ", "They ", "We ", "I ",
		"In ", "On ", "But ", "This ", "That ", "These ", "Its ", "His ",
		"Her ", "Their ", "There ", "However", "Meanwhile", NULL
	};
	while (i < len && is_space((unsigned char)s[i]))
		i++;
	for (int k = 0; openers[k]; k++) {
		size_t n = strlen(openers[k]);
		if (i + n <= len && !memcmp(s + i, openers[k], n))
			return 1;
	}
	return 0;
}

/* The word that ends just before position i (the period). */
static void word_before(const char *s, size_t i, size_t *start)
{
	size_t j = i;

	while (j > 0 && !is_space((unsigned char)s[j - 1]) &&
	       s[j - 1] != '(' && s[j - 1] != '"')
		j--;
	*start = j;
}

/* Where to cut a run-on "sentence" longer than KG_MAX_SENTENCE: after the
 * last ';' or ',' in its second half, else at the last space, else at a
 * UTF-8 character boundary. */
static size_t cut_point(const char *s, size_t a)
{
	size_t lim = a + KG_MAX_SENTENCE, k;

	for (k = lim; k > a + KG_MAX_SENTENCE / 2; k--)
		if ((s[k - 1] == ';' || s[k - 1] == ',') && is_space((unsigned char)s[k]))
			return k;
	for (k = lim; k > a + KG_MAX_SENTENCE / 2; k--)
		if (is_space((unsigned char)s[k]))
			return k;
	for (k = lim; k > a && ((unsigned char)s[k] & 0xC0) == 0x80; k--)
		;
	return k > a ? k : lim;
}

static void push(struct kg_sentences *out, const char *s, size_t a, size_t b)
{
	while (a < b && is_space((unsigned char)s[a]))
		a++;
	while (b > a && is_space((unsigned char)s[b - 1]))
		b--;
	if (a == b)
		return;
	/* No real sentence is this long; a run-on text (a table, a list, a
	 * page without periods) is cut into pieces, so that work and output
	 * (each triple repeats its sentence) stay linear in the input. */
	while (b - a > KG_MAX_SENTENCE) {
		size_t k = cut_point(s, a);
		push(out, s, a, k);
		a = k;
		while (a < b && is_space((unsigned char)s[a]))
			a++;
	}
	if (a == b)
		return;
	KG_GROW(out->v, out->n + 1, out->cap);
	out->v[out->n].off = a;
	out->v[out->n].len = b - a;
	out->n++;
}

/* A line that stands alone: short and not ending in sentence punctuation
 * or a word that continues (a comma, "and"). */
static int heading_line(const char *s, size_t a, size_t b)
{
	size_t n;
	unsigned char last;

	while (a < b && is_space((unsigned char)s[a]))
		a++;
	while (b > a && is_space((unsigned char)s[b - 1]))
		b--;
	n = b - a;
	if (n == 0)
		return 1;
	last = (unsigned char)s[b - 1];
	if (last == '.' || last == '!' || last == '?' || last == ':' || last == '"')
		return 1;	/* a finished sentence on its own line */
	if (last == ',' || last == ';' || last == '-')
		return 0;
	return n < 60;
}

void kg_split_sentences(const char *s, size_t len, struct kg_sentences *out)
{
	size_t i, start = 0, line = 0;

	out->n = 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c != '\n' && c != '.' && c != '!' && c != '?') {	/* most bytes: on */
			while (i + 1 < len && !ends_here[(unsigned char)s[i + 1]])
				i++;
			continue;
		}
		if (c == '\n') {
			size_t j = i + 1;
			int blank = 0;

			while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
				j++;
			if (j < len && s[j] == '\n')
				blank = 1;
			if (blank || j >= len || heading_line(s, line, i)) {
				push(out, s, start, i);
				start = i + 1;
			}
			line = i + 1;
			continue;
		}
		if (c != '.' && c != '!' && c != '?')
			continue;
		/* Runs of ... or ?! end together. */
		{
			size_t end = i + 1, ws;

			while (end < len && (s[end] == '.' || s[end] == '!' || s[end] == '?'))
				end++;
			while (end < len && closer_len(s, end, len))
				end += closer_len(s, end, len);
			if (end < len && !is_space((unsigned char)s[end])) {
				i = end - 1;
				continue;	/* "U.S.-led", "3.5", "gov.uk" */
			}
			if (c == '.' && end == i + 1) {
				word_before(s, i, &ws);
				if (kg_is_abbrev(s + ws, i - ws) &&
				    !(memchr(s + ws, '.', i - ws) && next_is_opener(s, end, len)))
					continue;
			}
			if (!starts_sentence(s, end, len)) {
				i = end - 1;
				continue;
			}
			push(out, s, start, end);
			start = end;
			i = end - 1;
		}
	}
	push(out, s, start, len);
}

void kg_sentences_release(struct kg_sentences *s)
{
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}
