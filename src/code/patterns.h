/*
 * patterns.h: the PETRARCH verb-pattern coder.
 *
 * When the lexicon holds PETRARCH/TABARI dictionaries (kg_lex_load_petrarch),
 * sentences are coded the way those dictionaries were written for: a
 * shallow chunking finds the noun phrases around actors and agents (with
 * compounds "X, Y and Z" and "the ambassadors of X"), each verb of the
 * dictionary is tried against its block's patterns (longest first), and
 * the source and target come from the pattern ($, +, %) or, by default,
 * from the subject before the verb and the first actor after it.  No
 * parse tree is used: real news comes without one.
 *
 * A patcoder borrows the lexicon (which must outlive it) and owns the
 * result of its last run, like kg_coder.  It keeps no static state: one
 * patcoder per thread, a lexicon may be shared.  Work is linear in the
 * sentence length times the longest dictionary phrase.
 */
#ifndef KG_PATTERNS_H
#define KG_PATTERNS_H

#include "base/kgraph.h"

struct kg_lexicon;
struct kg_patcoder;

/* NULL when the lexicon has no PETRARCH verbs. */
struct kg_patcoder *kg_patcoder_new(const struct kg_lexicon *lx);
void kg_patcoder_free(struct kg_patcoder *pc);

/* Code an article; *out is valid until the next run or free.  Returns 0. */
int kg_patcoder_run(struct kg_patcoder *pc, const struct kg_article *a,
		    const struct kg_result **out);

enum kg_discard {
	KG_DISCARD_NONE = 0,
	KG_DISCARD_SENTENCE,	/* some sentence held a discard phrase */
	KG_DISCARD_STORY,	/* a story-level discard voided the article */
};

/* Whether the last run met a discard phrase. */
enum kg_discard kg_patcoder_discarded(const struct kg_patcoder *pc);

#endif
