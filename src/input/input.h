/*
 * input.h: read articles from files, directories and stdin.
 *
 * kg_read_path() hands each article to a callback and forgets it: the
 * article and its strings are valid only during the call (streaming: one
 * article in memory at a time).  A bad input is reported as
 * "kgraph: FILE[:LINE]: reason" and skipped; reading goes on.
 */
#ifndef KG_INPUT_H
#define KG_INPUT_H

#include "base/kgraph.h"

enum kg_format {
	KG_FMT_AUTO = 0,
	KG_FMT_TEXT,
	KG_FMT_JSON,
	KG_FMT_JSONL,
};

int kg_format_parse(const char *s);	/* -1 if unknown */

struct kg_read_opts {
	enum kg_format format;
	const char *date;	/* default article date (--date), or NULL */
};

/* Return 0 when the article was handled, 1 when it failed (counted, reading
 * goes on), -1 to stop reading at once. */
typedef int (*kg_article_fn)(const struct kg_article *a, void *ctx);

/*
 * Read path ("-" is stdin; a directory is walked in name order).
 * Returns the number of inputs that failed (each already reported), or
 * -1 if the callback asked to stop.
 */
int kg_read_path(const char *path, const struct kg_read_opts *o, kg_article_fn fn, void *ctx);

#endif
