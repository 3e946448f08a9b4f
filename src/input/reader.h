/*
 * reader.h: internal to src/input: the byte source every format reads
 * from, and the format readers (text.c, json.c, html.c) that read.c
 * dispatches to.  Nothing outside src/input includes this.
 *
 * A source is a file, stdin or a memory buffer, read through one window
 * so the readers can peek at the head (format and binary detection) and
 * then read lines (JSONL: bounded memory) or the rest (text, JSON).
 */
#ifndef KG_INPUT_READER_H
#define KG_INPUT_READER_H

#include <stdio.h>

#include "base/buf.h"
#include "input/input.h"

/* The largest article, JSON file or JSONL line read into memory. */
#define KG_INPUT_MAX ((size_t)256 << 20)
/* How much of an input the detectors look at. */
#define KG_INPUT_PEEK 8192

struct kg_src {
	const char *name;	/* for messages: the path or "<stdin>" */
	FILE *f;		/* NULL: a memory source */
	const char *p;		/* the window: bytes p[pos..end) not yet read */
	char *own;		/* the window's memory (file sources) */
	size_t cap, pos, end;
	unsigned long long off;	/* input offset of p[0] */
	int eof, err;		/* err: errno of a read error */
	const struct kg_read_opts *o;	/* its wait hook, for file sources */
	int regular;		/* 1: a regular file (never blocks), -1: not, 0: not known yet */
};

/* o (borrowed, may be NULL) gives the hook to call before a read that
 * would block. */
void kg_src_file(struct kg_src *s, const char *name, FILE *f, const struct kg_read_opts *o);
void kg_src_mem(struct kg_src *s, const char *name, const char *data, size_t len);
void kg_src_release(struct kg_src *s);
/* Make at least n bytes visible at p + pos (fewer at end of input); returns
 * how many are. */
size_t kg_src_peek(struct kg_src *s, size_t n);
/* The bytes at hand, reading once if there are none (a pipe gives what
 * it has: no waiting for more); 0 at end of input. */
size_t kg_src_avail(struct kg_src *s);
/* Append the next line (with its '\n') to b.  Returns 1, 0 at end of input,
 * -1 on a read error, -2 when the line is longer than max (the rest of the
 * line is skipped). */
int kg_src_line(struct kg_src *s, struct kg_buf *b, size_t max);
/* Append the rest of the input.  0, -1 on a read error, -2 beyond max. */
int kg_src_rest(struct kg_src *s, struct kg_buf *b, size_t max);

/*
 * Make b valid UTF-8 without NUL bytes: each bad byte becomes U+FFFD.
 * Reported once as "NAME:LINE: invalid UTF-8 at byte OFF (N bad bytes
 * replaced by U+FFFD)", with LINE counted from line0 and OFF from off0.
 * Returns the number of bytes replaced.
 */
size_t kg_input_repair(struct kg_buf *b, const char *name, size_t line0, unsigned long long off0);
/* Is the head of an input binary (NUL or control bytes, not UTF-8)? */
int kg_input_is_binary(const char *p, size_t n);

/* Fields of one article before delivery. */
struct kg_input_meta {
	const char *id, *title, *date, *source, *url;
	const char *origin;
};

/*
 * Hand one article to fn: finds the dateline (and the title when
 * find_title), applies --date.  text must be valid UTF-8 (repaired).
 * Returns fn's result, or 1 when the article is empty (reported).
 */
int kg_input_deliver(const struct kg_input_meta *m, const char *text, size_t len,
		     int find_title, const struct kg_read_opts *o, kg_article_fn fn, void *ctx);

/*
 * The JSON scanner (jscan.c) for article objects: what it finds of the
 * fields text, id, title, date, source and url.
 */
enum kg_jtype {
	KG_J_NONE = 0,	/* no such member */
	KG_J_NULL, KG_J_FALSE, KG_J_TRUE, KG_J_INT, KG_J_REAL, KG_J_STRING, KG_J_ARRAY, KG_J_OBJECT,
};

enum { KG_JF_TEXT, KG_JF_ID, KG_JF_TITLE, KG_JF_DATE, KG_JF_SOURCE, KG_JF_URL, KG_JF_N };

struct kg_jfield {
	enum kg_jtype type;
	const char *s;		/* KG_J_STRING after kg_jscan_decode: NUL-terminated */
	size_t off, len;	/* KG_J_STRING: the bytes (escaped until decoded) */
	int esc;		/* the string holds escapes */
	long long i;		/* KG_J_INT */
};

struct kg_jarticle {
	enum kg_jtype top;	/* the value scanned: KG_J_OBJECT */
	struct kg_jfield f[KG_JF_N];
};

/*
 * Scan the JSON object at the start of s[0..n) (valid UTF-8; white space
 * before it is skipped).  Returns the bytes up to and with its closing
 * brace, with a describing the fields (strings not decoded yet, s not
 * changed), or 0 when anything is not plain and well-formed: a syntax
 * error, \u0000, a lone surrogate, a control character in a string, an
 * integer of more than 18 digits, a number with an exponent, nesting
 * deeper than 32, a value other than an object.  Then Jansson decides
 * and reports: what the scanner accepts, Jansson accepts with the same
 * values.
 */
size_t kg_jscan_article(const char *s, size_t n, struct kg_jarticle *a);
/* Decode a's strings in place in s (the buffer scanned) and NUL-terminate
 * them: the bytes of the object are no longer JSON afterwards. */
void kg_jscan_decode(char *s, struct kg_jarticle *a);
/* What Jansson decoded from v, in the scanner's terms (the strings
 * borrowed from v): the reader's path for what the scanner refuses, and
 * what the scanner's tests compare it with. */
struct json_t;
void kg_jarticle_from_jansson(struct json_t *v, struct kg_jarticle *a);

/* The format readers: each returns the number of failures (reported) or -1
 * when fn asked to stop. */
int kg_read_text(struct kg_src *s, const struct kg_read_opts *o, kg_article_fn fn, void *ctx);
int kg_read_json(struct kg_src *s, const struct kg_read_opts *o, kg_article_fn fn, void *ctx);
int kg_read_jsonl(struct kg_src *s, const struct kg_read_opts *o, kg_article_fn fn, void *ctx);
int kg_read_html(struct kg_src *s, const struct kg_read_opts *o, kg_article_fn fn, void *ctx);

#endif
