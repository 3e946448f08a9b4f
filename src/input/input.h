/*
 * input.h: read articles from files, directories, stdin and memory.
 *
 * Formats (docs/input.md): plain text (one article per file, the first
 * line is the title when it stands alone), JSON (one article object or an
 * array of them), JSONL (one object per line, streamed: memory stays
 * bounded whatever the file's size) and HTML (text only).  With
 * KG_FMT_AUTO the format is told from the content.
 *
 * kg_read_path() hands each article to a callback and forgets it: the
 * article and its strings are valid only during the call (streaming: one
 * article in memory at a time).  A bad input is reported as
 * "kgraph: FILE[:LINE[:COL]]: reason" and skipped; reading goes on.
 * Invalid UTF-8 and NUL bytes are replaced by U+FFFD (reported, counted
 * as a failure, the article kept); binary and empty inputs are skipped.
 */
#ifndef KG_INPUT_H
#define KG_INPUT_H

#include <stddef.h>

#include "base/kgraph.h"

enum kg_format {
	KG_FMT_AUTO = 0,
	KG_FMT_TEXT,
	KG_FMT_JSON,
	KG_FMT_JSONL,
	KG_FMT_HTML,
};

int kg_format_parse(const char *s);	/* -1 if unknown */

struct kg_read_opts {
	enum kg_format format;
	const char *date;	/* default article date (--date), or NULL */
	/* When set: called, on the reader's thread, when a pipe or terminal
	 * has given nothing for wait_ms and the reader is about to block
	 * on it (a slow stream): one thread can then flush or commit what
	 * it holds before it waits.  Never called for regular files. */
	void (*wait)(void *ctx);
	void *wait_ctx;
	int wait_ms;
};

/* Return 0 when the article was handled, 1 when it failed (counted, reading
 * goes on), -1 to stop reading at once. */
typedef int (*kg_article_fn)(const struct kg_article *a, void *ctx);

/*
 * Read path ("-" is stdin; a directory is walked in name order, each
 * directory once: symlink loops are reported, not followed).
 * Returns the number of inputs that failed (each already reported), or
 * -1 if the callback asked to stop.
 */
int kg_read_path(const char *path, const struct kg_read_opts *o, kg_article_fn fn, void *ctx);

/*
 * Read the articles in data[0..len) as if it were the file name (which is
 * only used in messages and as the default id).  Borrows data.  Same
 * result as kg_read_path (the fuzzers' entry point).
 */
int kg_read_buffer(const char *name, const char *data, size_t len,
		   const struct kg_read_opts *o, kg_article_fn fn, void *ctx);

#endif
