/*
 * coder.c: the first slice of the event coder.
 *
 * For each sentence: tokenize, find actor mentions by longest dictionary
 * match, find relation words, and pair each relation with the actor before
 * it (the source) and the actor its preposition introduces (the target).
 * Modal and hedge words in the sentence set modality and "reported".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "code/coder.h"
#include "code/patterns.h"
#include "lexicon/lexicon.h"
#include "text/text.h"

struct kg_coder {
	const struct kg_lexicon *lx;
	struct kg_arena arena;
	struct kg_sentences sents;
	struct kg_tokens toks;
	struct kg_result res;
	size_t mcap, tcap;
	struct kg_patcoder *pat;	/* PETRARCH verb patterns, when the lexicon has them */
};

struct kg_coder *kg_coder_new(const struct kg_lexicon *lx)
{
	struct kg_coder *c = kg_xcalloc(1, sizeof *c);

	c->lx = lx;
	c->pat = kg_patcoder_new(lx);
	return c;
}

void kg_coder_free(struct kg_coder *c)
{
	if (!c)
		return;
	kg_patcoder_free(c->pat);
	kg_sentences_release(&c->sents);
	kg_tokens_release(&c->toks);
	free(c->res.mentions);
	free(c->res.triples);
	kg_arena_free(&c->arena);
	free(c);
}

/* Longest lexicon match of the given kind starting at token i. */
static const struct kg_lex_entry *match_at(struct kg_coder *c, const char *text, size_t i,
					   enum kg_lex_kind kind, size_t *nt)
{
	const struct kg_token *t = c->toks.v;
	unsigned maxw = kg_lex_max_words(c->lx), w;
	char norm[512];

	for (w = maxw; w >= 1; w--) {
		const struct kg_lex_entry *e;
		size_t a, b, n;

		if (i + w > c->toks.n)
			continue;
		a = t[i].off;
		b = t[i + w - 1].off + t[i + w - 1].len;
		if (!(n = kg_lex_norm(text + a, b - a, norm, sizeof norm)))
			continue;
		for (e = kg_lex_get(c->lx, norm, n); e; e = e->next) {
			if (e->kind != kind)
				continue;
			if ((e->flags & KG_LEXF_CAP) && !(t[i].flags & KG_TOK_CAP))
				continue;
			if ((e->flags & KG_LEXF_EXACT) && strncmp(text + a, e->surface, b - a))
				continue;
			*nt = w;
			return e;
		}
	}
	return NULL;
}

struct found {
	size_t tok, ntok;
	const struct kg_lex_entry *e;
};

static void add_triple(struct kg_coder *c, size_t sent, const struct kg_actor *s,
		       const struct kg_actor *o, const struct kg_lex_entry *rel,
		       enum kg_modality mod, int reported, const char *place)
{
	struct kg_triple *t;
	const struct kg_cameo *cm = kg_lex_cameo(c->lx, rel->cameo);

	KG_GROW(c->res.triples, c->res.ntriples + 1, c->tcap);
	t = &c->res.triples[c->res.ntriples++];
	memset(t, 0, sizeof *t);
	t->sentence = sent;
	t->subject = *s;
	t->object = *o;
	t->predicate = rel->label;
	snprintf(t->cameo, sizeof t->cameo, "%s", rel->cameo);
	t->quad_class = cm ? cm->quad_class : 0;
	t->goldstein = cm ? cm->goldstein : 0;
	t->modality = mod;
	t->reported = reported;
	t->location = place;
	if (c->res.article && c->res.article->date)
		snprintf(t->event_date, sizeof t->event_date, "%s", c->res.article->date);
	t->confidence = 0.5;
}

static void code_sentence(struct kg_coder *c, const char *text, size_t si)
{
	const struct kg_sentence *s = &c->res.sentences[si];
	struct found actors[64], rels[16];
	size_t na = 0, nr = 0, i, nt;
	enum kg_modality mod = KG_MOD_ACTUAL;
	int reported = 0;
	const char *place = NULL;

	kg_tokenize(text, s->off, s->len, &c->toks);
	for (i = 0; i < c->toks.n; i++) {
		const struct kg_token *t = &c->toks.v[i];
		const struct kg_lex_entry *e;

		if (kg_tok_is(text, t, "reportedly") || kg_tok_is(text, t, "allegedly"))
			reported = 1;
		if (kg_tok_is(text, t, "considering") || kg_tok_is(text, t, "contemplating") ||
		    kg_tok_is(text, t, "exploring") || kg_tok_is(text, t, "weighing"))
			mod = KG_MOD_CONSIDERED;
		else if (mod == KG_MOD_ACTUAL && (kg_tok_is(text, t, "may") ||
			 kg_tok_is(text, t, "might") || kg_tok_is(text, t, "could") ||
			 kg_tok_is(text, t, "potential")))
			mod = KG_MOD_POSSIBLE;
		if ((e = match_at(c, text, i, KG_LEX_ACTOR, &nt)) && na < 64) {
			struct kg_mention *m;
			actors[na++] = (struct found){i, nt, e};
			KG_GROW(c->res.mentions, c->res.nmentions + 1, c->mcap);
			m = &c->res.mentions[c->res.nmentions++];
			m->sentence = si;
			m->off = t->off;
			m->len = c->toks.v[i + nt - 1].off + c->toks.v[i + nt - 1].len - t->off;
			m->actor = e->actor;
			m->resolved = true;
			i += nt - 1;
			continue;
		}
		if ((e = match_at(c, text, i, KG_LEX_PLACE, &nt))) {
			place = e->actor.name;
			if (i > 0 && kg_tok_is(text, &c->toks.v[i - 1], "in") && na < 64)
				actors[na++] = (struct found){i, nt, e};
			i += nt - 1;
			continue;
		}
		if ((e = match_at(c, text, i, KG_LEX_RELATION, &nt)) && nr < 16) {
			rels[nr++] = (struct found){i, nt, e};
			i += nt - 1;
		}
	}
	for (i = 0; i < nr; i++) {
		const struct kg_lex_entry *r = rels[i].e;
		const struct found *src = NULL, *tgt = NULL;
		size_t after = rels[i].tok + rels[i].ntok, k;

		/* "attack by X in Y": X acts on the place's state. */
		if (r->prep && !strcmp(r->prep, "by")) {
			if (after < c->toks.n && kg_tok_is(text, &c->toks.v[after], "by")) {
				for (k = 0; k < na; k++)
					if (actors[k].tok > after && actors[k].e->kind == KG_LEX_ACTOR) {
						src = &actors[k];
						break;
					}
				for (k = 0; src && k < na; k++)
					if (actors[k].tok > src->tok && actors[k].e->kind == KG_LEX_PLACE) {
						tgt = &actors[k];
						break;
					}
			}
		} else {
			for (k = 0; k < na; k++)
				if (actors[k].tok < rels[i].tok && actors[k].e->kind == KG_LEX_ACTOR)
					src = &actors[k];
			if (r->prep && after < c->toks.n && kg_tok_is(text, &c->toks.v[after], r->prep))
				for (k = 0; k < na; k++)
					if (actors[k].tok > after && actors[k].e->kind == KG_LEX_ACTOR) {
						tgt = &actors[k];
						break;
					}
		}
		if (src && tgt) {
			struct kg_actor o = tgt->e->actor;
			if (tgt->e->kind == KG_LEX_PLACE) {
				/* A place stands for its state. */
				const struct kg_lex_entry *st = kg_lex_by_code(c->lx, tgt->e->actor.country);
				if (!st)
					continue;
				o = st->actor;
			}
			if (!o.name)
				continue;
			add_triple(c, si, &src->e->actor, &o, r, mod, reported, place);
		}
	}
}

int kg_coder_run(struct kg_coder *c, const struct kg_article *a, const struct kg_result **out)
{
	size_t i;

	if (c->pat)
		return kg_patcoder_run(c->pat, a, out);
	kg_arena_reset(&c->arena);
	c->res.article = a;
	c->res.nmentions = c->res.ntriples = c->res.nfacts = 0;
	kg_split_sentences(a->text, a->len, &c->sents);
	c->res.sentences = c->sents.v;
	c->res.nsentences = c->sents.n;
	for (i = 0; i < c->sents.n; i++)
		code_sentence(c, a->text, i);
	*out = &c->res;
	return 0;
}
