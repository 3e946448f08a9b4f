/*
 * text.h: split an article into sentences and a sentence into tokens.
 *
 * Both work on byte offsets into the caller's text and never copy it.  The
 * output arrays are the caller's and are reused across calls (grown as
 * needed, never shrunk), so the hot path does not allocate per token.
 */
#ifndef KG_TEXT_H
#define KG_TEXT_H

#include <stddef.h>

#include "base/kgraph.h"

enum {
	KG_TOK_WORD = 1 << 0,	/* letters (maybe digits, '-', '.', '\'') */
	KG_TOK_NUM = 1 << 1,	/* starts with a digit */
	KG_TOK_PUNCT = 1 << 2,	/* one punctuation mark */
	KG_TOK_CAP = 1 << 3,	/* first letter upper case */
	KG_TOK_UPPER = 1 << 4,	/* all letters upper case (two or more) */
	KG_TOK_POSS = 1 << 5,	/* possessive clitic: 's, ', ’s */
	KG_TOK_DASH = 1 << 6,	/* a dash used as punctuation: – — -- */
	KG_TOK_QUOTE = 1 << 7,	/* a quotation mark */
};

struct kg_token {
	size_t off, len;	/* bytes into the text given to kg_tokenize */
	unsigned flags;
};

struct kg_sentences {
	struct kg_sentence *v;
	size_t n, cap;
};

struct kg_tokens {
	struct kg_token *v;
	size_t n, cap;
};

/* The longest sentence, in bytes: longer runs are cut (see split.c). */
#define KG_MAX_SENTENCE 2000

/* Sentences of text[0..len), trimmed of surrounding space; none longer
 * than KG_MAX_SENTENCE bytes. */
void kg_split_sentences(const char *text, size_t len, struct kg_sentences *out);

/* Tokens of text[off..off+len); offsets stay relative to text. */
void kg_tokenize(const char *text, size_t off, size_t len, struct kg_tokens *out);

/* Is the word text[0..len) an abbreviation that does not end a sentence? */
int kg_is_abbrev(const char *w, size_t len);

/* ASCII-case-insensitive compare of a token with a lower-case word. */
int kg_tok_is(const char *text, const struct kg_token *t, const char *lower);

void kg_sentences_release(struct kg_sentences *s);
void kg_tokens_release(struct kg_tokens *t);

#endif
