/*
 * triples.h: read triples made elsewhere (kgraph extract's JSON lines,
 * docs/jsonl.md) back into coded articles, for `kgraph ingest --triples`.
 *
 * The lines of one article are consecutive (extract writes them so, and
 * splitting its input by whole articles keeps them so).  Each run of lines
 * with the same "article" becomes one batch: a kg_result whose article text
 * is its sentences, each once, in sentence order, joined by newlines, with
 * the triples on them.  Streaming: one article in memory at a time.  The
 * batch and its strings are valid only during the callback.
 *
 * A bad line is reported as "kgraph: FILE:LINE: reason" and skipped.
 */
#ifndef KG_TRIPLES_H
#define KG_TRIPLES_H

#include "base/kgraph.h"

struct kg_triples_batch {
	struct kg_result res;	/* article, sentences, triples; no mentions */
	const size_t *seq;	/* seq[i]: the 1-based number of sentence i in its article */
	const char *origin;	/* "FILE:LINE" of the batch's first line */
};

/* Return 0 (stored), 1 (failed: counted, reading goes on), -1 (stop). */
typedef int (*kg_triples_fn)(const struct kg_triples_batch *b, void *ctx);

/*
 * Read path ("-" is stdin).  Returns the number of bad lines and failed
 * batches, or -1 when the file cannot be read or the callback stopped.
 */
int kg_triples_read(const char *path, kg_triples_fn fn, void *ctx);

#endif
