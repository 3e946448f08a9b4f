/*
 * coder.h: code one article into actors, events and facts.
 *
 * The coder borrows a lexicon (which must outlive it) and owns the result
 * of its last run: kg_coder_run() overwrites the previous result, and the
 * result's strings point into the article, the lexicon or the coder's
 * per-article arena.  One coder per thread; a lexicon may be shared.
 */
#ifndef KG_CODER_H
#define KG_CODER_H

#include "base/kgraph.h"

struct kg_lexicon;
struct kg_coder;

struct kg_coder *kg_coder_new(const struct kg_lexicon *lx);
void kg_coder_free(struct kg_coder *c);

/* Code an article.  Returns 0; *out is valid until the next run or free. */
int kg_coder_run(struct kg_coder *c, const struct kg_article *a, const struct kg_result **out);

#endif
