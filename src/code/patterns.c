/*
 * patterns.c: code sentences with PETRARCH verb patterns, without a parser.
 *
 * Per sentence:
 *  1. words (kg_lex_words, the same tokenizer the dictionaries went
 *     through), each with a closed-class tag (determiner, preposition ...);
 *  2. longest dictionary matches: actors, agents, verbs, discards; actor
 *     and agent names written with spaces may have words between theirs;
 *  3. verbs used as nouns are dropped ("an attack", "their meeting");
 *  4. noun phrases: runs of open words holding an actor or an agent;
 *     "X, Y and Z" make a compound; "the ambassadors of X" hands the agent
 *     to X; each phrase gets its codes: [prefix agents] actor [agents],
 *     the actor's code chosen by the article date;
 *  5. each verb: its patterns, longest first, else its default code; the
 *     source is the subject (the nearest phrase before the verb in its
 *     clause that is not the object of a preposition; "and VERB" shares
 *     the previous verb's), the target the first phrase after it;
 *     "was VERBed by X" swaps them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "code/patterns.h"
#include "lexicon/lexicon.h"
#include "text/text.h"

enum cls {
	C_WORD = 0,	/* open class */
	C_DET, C_PREP, C_CONJ, C_SUB, C_PRON, C_AUX, C_BE, C_MODAL, C_NEG, C_POSS,
	C_COMMA, C_PUNCT, C_TO,
};

struct closed_word {
	const char *w;
	unsigned char cls;
};

static const struct closed_word closed[] = {
	{"'", C_POSS}, {"'s", C_POSS}, {"a", C_DET}, {"about", C_PREP}, {"across", C_PREP},
	{"after", C_SUB}, {"against", C_PREP}, {"along", C_PREP}, {"although", C_SUB},
	{"am", C_BE}, {"amid", C_PREP}, {"among", C_PREP}, {"an", C_DET}, {"and", C_CONJ},
	{"another", C_DET}, {"any", C_DET}, {"are", C_BE}, {"at", C_PREP}, {"be", C_BE},
	{"because", C_SUB}, {"been", C_BE}, {"before", C_SUB}, {"behind", C_PREP},
	{"being", C_BE}, {"between", C_PREP}, {"both", C_DET}, {"but", C_CONJ},
	{"by", C_PREP}, {"ca", C_MODAL}, {"can", C_MODAL}, {"could", C_MODAL},
	{"despite", C_PREP}, {"did", C_AUX}, {"do", C_AUX}, {"does", C_AUX},
	{"during", C_PREP}, {"each", C_DET}, {"every", C_DET}, {"for", C_PREP},
	{"from", C_PREP}, {"had", C_AUX}, {"has", C_AUX}, {"have", C_AUX}, {"he", C_PRON},
	{"her", C_DET}, {"him", C_PRON}, {"his", C_DET}, {"i", C_PRON}, {"if", C_SUB}, {"in", C_PREP},
	{"into", C_PREP}, {"is", C_BE}, {"it", C_PRON}, {"its", C_DET}, {"may", C_MODAL}, {"me", C_PRON},
	{"might", C_MODAL}, {"must", C_MODAL}, {"my", C_DET}, {"n't", C_NEG},
	{"near", C_PREP}, {"never", C_NEG}, {"no", C_DET}, {"nor", C_CONJ}, {"not", C_NEG},
	{"of", C_PREP}, {"on", C_PREP}, {"onto", C_PREP}, {"or", C_CONJ}, {"our", C_DET},
	{"over", C_PREP}, {"shall", C_MODAL}, {"she", C_PRON}, {"should", C_MODAL},
	{"since", C_SUB}, {"some", C_DET}, {"than", C_PREP}, {"that", C_SUB},
	{"the", C_DET}, {"their", C_DET}, {"them", C_PRON}, {"these", C_DET}, {"they", C_PRON},
	{"this", C_DET}, {"those", C_DET}, {"though", C_SUB}, {"through", C_PREP},
	{"to", C_TO}, {"toward", C_PREP}, {"towards", C_PREP}, {"under", C_PREP},
	{"unless", C_SUB}, {"until", C_SUB}, {"upon", C_PREP}, {"us", C_PRON}, {"was", C_BE},
	{"we", C_PRON}, {"were", C_BE}, {"when", C_SUB}, {"where", C_SUB},
	{"whereas", C_SUB}, {"whether", C_SUB}, {"which", C_SUB}, {"while", C_SUB},
	{"who", C_SUB}, {"whom", C_SUB}, {"whose", C_SUB}, {"will", C_MODAL},
	{"with", C_PREP}, {"within", C_PREP}, {"without", C_PREP}, {"wo", C_MODAL},
	{"would", C_MODAL}, {"you", C_PRON}, {"your", C_DET},
};

static int cmp_closed(const void *k, const void *e)
{
	return strcmp(k, ((const struct closed_word *)e)->w);
}

static unsigned char classify(const char *w, int punct)
{
	const struct closed_word *hit;

	if (punct)
		return w[0] == ',' ? C_COMMA : C_PUNCT;
	hit = bsearch(w, closed, sizeof closed / sizeof *closed, sizeof *closed, cmp_closed);
	return hit ? hit->cls : C_WORD;
}

enum mark { M_NONE = 0, M_ACTOR, M_AGENT, M_VERB };

/* A verb's patterns, subject and object are looked for within this many
 * tokens of it: run-on "sentences" stay linear. */
#define WINDOW 48

struct tok {
	size_t off, len;	/* bytes in the article text */
	size_t woff;		/* normalised word in pc->words */
	const char *w;
	unsigned char cls;
	unsigned char mark;	/* at the first token of a match */
	unsigned char noun;	/* a verb form used as a noun */
	unsigned mlen;		/* tokens in the match */
	int cover;		/* first token of the match covering this one, or -1 */
	int unit;		/* noun phrase holding this token, or -1 */
	const struct kg_lex_entry *e;
};

/* A noun phrase, or several joined: the codes of its actors. */
struct member {
	char code[72];
	const char *name;
};

struct group {
	size_t start, end;	/* tokens [start, end) */
	size_t m0, nm;		/* members in pc->members */
};

struct unit {
	size_t start, end;
	int actor;		/* token of its first actor, or -1 */
	int nagents;
	int agents[8];		/* tokens of its agents */
	int last_is_mark;	/* ends with an actor or an agent */
	int has_actor;
};

struct event {
	const struct member *s, *t;
	char code[8];
	const struct kg_petr_block *block;
	unsigned char negated, modality;
};

struct kg_patcoder {
	const struct kg_lexicon *lx;
	unsigned maxw;
	struct kg_arena arena;	/* per article */
	struct kg_sentences sents;
	struct kg_result res;
	size_t tcap;
	struct kg_buf words;
	struct kg_buf key;
	struct tok *t;
	size_t nt, tokcap;
	struct unit *u;
	size_t nu, ucap;
	struct group *g;
	size_t ng, gcap;
	struct member *m;
	size_t nm, mcap;
	struct event *ev;
	size_t nev, evcap;
	int date;
	const char *text;
	enum kg_discard discard;
	unsigned char negated, modality;	/* of the verb being coded */
	size_t lo, hi;		/* the tokens a verb's patterns and roles may reach */
};

struct kg_patcoder *kg_patcoder_new(const struct kg_lexicon *lx)
{
	struct kg_patcoder *pc;

	if (!kg_lex_has_petrarch_verbs(lx))
		return NULL;
	pc = kg_xcalloc(1, sizeof *pc);
	pc->lx = lx;
	pc->maxw = kg_lex_max_words(lx);
	kg_buf_init(&pc->words);
	kg_buf_init(&pc->key);
	return pc;
}

void kg_patcoder_free(struct kg_patcoder *pc)
{
	if (!pc)
		return;
	kg_sentences_release(&pc->sents);
	free(pc->res.triples);
	kg_buf_release(&pc->words);
	kg_buf_release(&pc->key);
	free(pc->t);
	free(pc->u);
	free(pc->g);
	free(pc->m);
	free(pc->ev);
	kg_arena_free(&pc->arena);
	free(pc);
}

enum kg_discard kg_patcoder_discarded(const struct kg_patcoder *pc)
{
	return pc->discard;
}

/* ---- tokens ---- */

static void add_tok(void *vpc, size_t off, size_t len, const char *w, size_t wlen, int punct)
{
	struct kg_patcoder *pc = vpc;
	struct tok *t;

	KG_GROW(pc->t, pc->nt + 1, pc->tokcap);
	t = &pc->t[pc->nt++];
	memset(t, 0, sizeof *t);
	t->off = off;
	t->len = len;
	t->woff = pc->words.len;
	kg_buf_add(&pc->words, w, wlen);
	kg_buf_addc(&pc->words, 0);
	t->cls = classify(w, punct);
	t->cover = t->unit = -1;
}

static int is(const struct tok *t, const char *w)
{
	return !strcmp(t->w, w);
}

/* ---- dictionary matches ---- */

static int is_petr(const struct kg_lex_entry *e, enum kg_lex_kind kind)
{
	return e->kind == kind && (e->flags & KG_LEXF_PETR) && !(e->flags & KG_LEXF_GAPPED);
}

static const struct kg_lex_entry *first_of(const struct kg_lex_entry *e, enum kg_lex_kind kind)
{
	for (; e; e = e->next)
		if (is_petr(e, kind))
			return e;
	return NULL;
}

/* Can token k stand inside a noun phrase between the words of a gapped name? */
static int np_word(const struct tok *t)
{
	return t->cls == C_WORD || t->cls == C_DET || t->cls == C_POSS;
}

/* A gapped name starting at token i: its length in tokens, or 0. */
static size_t match_gap(const struct kg_patcoder *pc, size_t i, const struct kg_petr_gap *g)
{
	size_t k = i + 1;
	unsigned j;

	for (j = 1; j < g->words.n; j++) {
		const char *w = g->words.v[j].word;
		size_t lim = k + 4;

		if (g->words.v[j].joined) {
			if (k >= pc->nt || strcmp(pc->t[k].w, w))
				return 0;
			k++;
			continue;
		}
		while (k < pc->nt && k < lim && strcmp(pc->t[k].w, w)) {
			if (!np_word(&pc->t[k]))
				return 0;
			k++;
		}
		if (k >= pc->nt || k >= lim)
			return 0;
		k++;
	}
	return k - i;
}

static int all_caps(const char *s, size_t n)
{
	size_t i, letters = 0;

	for (i = 0; i < n; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			return 0;
		letters += s[i] >= 'A' && s[i] <= 'Z';
	}
	return letters > 1;
}

static void find_matches(struct kg_patcoder *pc)
{
	size_t i, w, n;

	for (i = 0; i < pc->nt; i++) {
		const struct kg_lex_entry *best[4] = {0};
		size_t blen[4] = {0};
		int k, pick = 0;

		if (pc->t[i].cls == C_PUNCT || pc->t[i].cls == C_COMMA)
			continue;
		kg_buf_reset(&pc->key);
		for (w = 1; w <= pc->maxw && i + w <= pc->nt; w++) {
			const struct kg_lex_entry *e, *f;
			const struct tok *t = &pc->t[i + w - 1];

			if (t->cls == C_PUNCT)
				break;
			if (w > 1)
				kg_buf_addc(&pc->key, ' ');
			kg_buf_adds(&pc->key, t->w);
			if (!(e = kg_lex_get(pc->lx, pc->key.s, pc->key.len)))
				continue;
			if ((f = first_of(e, KG_LEX_ACTOR)))
				best[M_ACTOR] = f, blen[M_ACTOR] = w;
			if ((f = first_of(e, KG_LEX_AGENT)))
				best[M_AGENT] = f, blen[M_AGENT] = w;
			if ((f = first_of(e, KG_LEX_RELATION)) && f->extra)
				best[M_VERB] = f, blen[M_VERB] = w;
			if ((f = first_of(e, KG_LEX_DISCARD)) && pc->discard != KG_DISCARD_STORY)
				pc->discard = (f->flags & KG_LEXF_STORY) ? KG_DISCARD_STORY :
					      KG_DISCARD_SENTENCE;
		}
		/* Names whose words may stand apart ("Ithilen state-run television"). */
		kg_buf_reset(&pc->key);
		kg_buf_addc(&pc->key, '\001');
		kg_buf_adds(&pc->key, pc->t[i].w);
		for (const struct kg_lex_entry *e = kg_lex_get(pc->lx, pc->key.s, pc->key.len); e;
		     e = e->next) {
			const struct kg_petr_gap *g = e->extra;
			int kind = e->kind == KG_LEX_ACTOR ? M_ACTOR : e->kind == KG_LEX_AGENT ? M_AGENT : 0;

			if (!(e->flags & KG_LEXF_GAPPED) || !g || !kind)
				continue;
			if ((n = match_gap(pc, i, g)) > blen[kind]) {
				best[kind] = g->entry;
				blen[kind] = n;
			}
		}
		/* "told us", "it is": a one-word name on a function word must be
		 * written in capitals (US, IT) to count. */
		if (pc->t[i].cls != C_WORD && !all_caps(pc->text + pc->t[i].off, pc->t[i].len))
			for (k = M_ACTOR; k <= M_AGENT; k++)
				if (blen[k] == 1)
					best[k] = NULL, blen[k] = 0;
		for (k = M_ACTOR; k <= M_VERB; k++)
			if (best[k] && blen[k] > blen[pick])
				pick = k;
		if (!pick)
			continue;
		pc->t[i].mark = (unsigned char)pick;
		pc->t[i].mlen = (unsigned)blen[pick];
		pc->t[i].e = pick == M_ACTOR ? kg_lex_get(pc->lx, best[pick]->phrase,
							  strlen(best[pick]->phrase)) : best[pick];
		for (w = 0; w < blen[pick]; w++)
			pc->t[i + w].cover = (int)i;
		i += blen[pick] - 1;
	}
}

/* ---- verbs used as nouns ---- */

static int ends_with(const char *w, const char *suf)
{
	size_t a = strlen(w), b = strlen(suf);
	return a > b && !strcmp(w + a - b, suf);
}

static int null_code(const char *c);

/* Does a pattern of the verb at i name the word just before it ("WENT ON *",
 * "NO *", "AIR *")?  Then the dictionary means it as a verb there. */
static int pattern_wants(const struct kg_patcoder *pc, size_t i)
{
	const struct kg_lex_entry *e = kg_lex_get(pc->lx, pc->t[i].e->phrase,
						  strlen(pc->t[i].e->phrase));

	for (; e; e = e->next) {
		const struct kg_petr_verb *v = e->extra;
		unsigned p;

		if (!is_petr(e, KG_LEX_RELATION) || !v)
			continue;
		for (p = 0; p < v->block->npat; p++) {
			const struct kg_petr_pattern *pt = &v->block->pat[p];
			size_t pos = i;
			unsigned j;
			int ok = 1;

			if (!pt->npre || pt->pre[pt->npre - 1].type != KG_PETR_WORD ||
			    strcmp(pt->pre[pt->npre - 1].word, pc->t[i - 1].w) || null_code(pt->codes.code))
				continue;
			for (j = pt->npre; ok && j-- > 0;) {
				const struct kg_petr_elem *el = &pt->pre[j];
				int joined = j + 1 < pt->npre ? pt->pre[j + 1].joined : 1;
				if (el->type != KG_PETR_WORD)
					continue;
				while (pos > 0 && i - pos < WINDOW && strcmp(pc->t[pos - 1].w, el->word) &&
				       !joined)
					pos--;
				if (!pos || strcmp(pc->t[pos - 1].w, el->word))
					ok = 0;
				else
					pos--;
			}
			if (ok)
				return 1;
		}
	}
	return 0;
}

static void rescue_nouns(struct kg_patcoder *pc)
{
	size_t i;

	for (i = 1; i < pc->nt; i++) {
		struct tok *t = &pc->t[i];

		if (t->mark == M_VERB && t->noun && t->cls != C_MODAL && t->cls != C_BE &&
		    pattern_wants(pc, i))
			t->noun = 0;
	}
}

/* "five suspected militants": a count before a word makes it a modifier. */
static int number(const struct tok *t)
{
	static const char *const words[] = {
		"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"dozens", "hundreds", "thousands", "several", "many", "few",
	};
	size_t i;

	if (t->w[0] >= '0' && t->w[0] <= '9')
		return 1;
	for (i = 0; i < sizeof words / sizeof *words; i++)
		if (!strcmp(t->w, words[i]))
			return 1;
	return 0;
}

static void find_nouns(struct kg_patcoder *pc)
{
	size_t i;

	for (i = 0; i < pc->nt; i++) {
		struct tok *t = &pc->t[i];
		const struct kg_petr_verb *v;
		size_t k;
		int steps, actor_seen = 0;

		if (t->mark != M_VERB)
			continue;
		v = t->e->extra;
		if (t->cls == C_MODAL || t->cls == C_BE) {
			t->noun = 1;
			continue;
		}
		if (!i)
			continue;
		if (pc->t[i - 1].cls == C_TO)
			continue;
		if (pc->t[i - 1].cls == C_DET || pc->t[i - 1].cls == C_POSS ||
		    number(&pc->t[i - 1])) {
			t->noun = 1;
			continue;
		}
		if (ends_with(t->w, "ing") && pc->t[i - 1].cls == C_PREP) {
			t->noun = 1;
			continue;
		}
		if (v->past || ends_with(t->w, "ed"))
			continue;
		/* A verb is followed by its object: "agree that", "restore the". */
		k = i + t->mlen;
		if (k < pc->nt && (pc->t[k].cls == C_DET || pc->t[k].cls == C_SUB ||
				   pc->t[k].cls == C_PRON || pc->t[k].mark == M_ACTOR))
			continue;
		/* "an anti- Gondor parade": a determiner before open words;
		 * "for talks", "on maritime disputes": the object of a preposition. */
		for (k = i, steps = 0; k-- > 0 && steps < 4; steps++) {
			const struct tok *p = &pc->t[k];
			if (p->cover >= 0 && pc->t[p->cover].mark == M_AGENT)
				break;
			if (p->cls == C_DET || p->cls == C_POSS) {
				t->noun = 1;
				break;
			}
			if (p->cls == C_PREP && !actor_seen) {
				t->noun = 1;
				break;
			}
			/* "hold peace talks": the object of the verb before */
			if (p->cover >= 0 && pc->t[p->cover].mark == M_VERB && !pc->t[p->cover].noun &&
			    pc->t[p->cover].cls == C_WORD && !actor_seen && steps < 2) {
				t->noun = 1;
				break;
			}
			if (p->cls != C_WORD)
				break;
			if (p->cover >= 0 && pc->t[p->cover].mark == M_ACTOR)
				actor_seen = 1;
		}
	}
}

static int is_verb(const struct kg_patcoder *pc, size_t i)
{
	return pc->t[i].mark == M_VERB && !pc->t[i].noun;
}

/* A verb that surely heads a clause: past, or after an auxiliary, a modal
 * or a pronoun; not an infinitive ("to stop X" is the object of the verb
 * before it). */
static int strong_verb(const struct kg_patcoder *pc, size_t i)
{
	const struct tok *t = &pc->t[i];
	size_t k = i;

	if (!is_verb(pc, i) || t->cls == C_AUX)
		return 0;
	while (k > 0 && pc->t[k - 1].cls == C_WORD && pc->t[k - 1].cover < 0 && i - k < 2)
		k--;
	if (k > 0 && pc->t[k - 1].cls == C_TO)
		return 0;
	if (((const struct kg_petr_verb *)t->e->extra)->past || ends_with(t->w, "ed"))
		return 1;
	return k > 0 && (pc->t[k - 1].cls == C_AUX || pc->t[k - 1].cls == C_MODAL ||
			 pc->t[k - 1].cls == C_BE || pc->t[k - 1].cls == C_NEG ||
			 pc->t[k - 1].cls == C_PRON);
}

/* ---- noun phrases ---- */

static int np_able(const struct kg_patcoder *pc, size_t i)
{
	const struct tok *t = &pc->t[i];

	if (t->cover >= 0) {
		const struct tok *h = &pc->t[t->cover];
		return h->mark != M_VERB || h->noun;
	}
	/* An unknown word in -ed is more likely a verb than a modifier. */
	if (t->cls == C_WORD && t->len > 4 && ends_with(t->w, "ed"))
		return 0;
	return t->cls == C_WORD || t->cls == C_DET || t->cls == C_POSS;
}

static int mark_at(const struct kg_patcoder *pc, size_t i)
{
	int c = pc->t[i].cover;

	if (c < 0)
		return M_NONE;
	return pc->t[c].mark == M_VERB ? M_NONE : pc->t[c].mark;
}

/* The dated actor entry that holds on the article date. */
static const struct kg_lex_entry *dated(const struct kg_patcoder *pc, const struct kg_lex_entry *e)
{
	const struct kg_lex_entry *dflt = NULL, *any = NULL;

	for (; e; e = e->next) {
		if (!is_petr(e, KG_LEX_ACTOR))
			continue;
		if (!any)
			any = e;
		if (!e->from && !e->until) {
			if (!dflt)
				dflt = e;
			continue;
		}
		if (pc->date && (!e->from || pc->date >= e->from) && (!e->until || pc->date <= e->until))
			return e;
	}
	return dflt ? dflt : pc->date ? NULL : any;
}

static int null_code(const char *c)
{
	return !*c || !strcmp(c, "---") || !strcmp(c, "+++");
}

/* Append an agent code ("~GOV" or "NGO~") unless the code already has it. */
static void add_agent(char *code, size_t cap, char *pre, size_t precap, const char *ag)
{
	size_t n = strlen(ag), i, cl = strlen(code);
	char a[24];

	if (n >= sizeof a)
		return;
	if (ag[0] == '~') {
		memcpy(a, ag + 1, n - 1);
		a[n - 1] = 0;
		for (i = 3; i + strlen(a) <= cl; i += 3)
			if (!strncmp(code + i, a, strlen(a)))
				return;
		if (cl + strlen(a) < cap)
			strcat(code, a);
	} else {
		memcpy(a, ag, n);
		a[n - 1 > 0 ? n - 1 : 0] = 0;
		if (strstr(pre, a) || strstr(code, a))
			return;
		if (strlen(pre) + strlen(a) < precap)
			strcat(pre, a);
	}
}

static void add_member(struct kg_patcoder *pc, const char *code, const char *name)
{
	struct member *m;
	size_t k;

	for (k = pc->g[pc->ng - 1].m0; k < pc->nm; k++)
		if (!strcmp(pc->m[k].code, code))
			return;
	KG_GROW(pc->m, pc->nm + 1, pc->mcap);
	m = &pc->m[pc->nm++];
	snprintf(m->code, sizeof m->code, "%s", code);
	m->name = name;
	pc->g[pc->ng - 1].nm++;
}

/* Members for unit u: each actor code of its actor, with the agents. */
static void unit_members(struct kg_patcoder *pc, const struct unit *u, const struct unit *from,
			 const struct unit *agents_of)
{
	const struct kg_lex_entry *a = NULL;
	const char *codes = "---", *name = NULL;
	const struct unit *au = u->has_actor ? u : from;
	int former = 0;
	size_t k;

	if (au && au->actor >= 0 && (a = dated(pc, pc->t[au->actor].e))) {
		codes = a->actor.code;
		name = a->actor.name;
	} else if (au && au->actor >= 0) {
		return;
	}
	for (k = u->start; k < u->end; k++)
		if (is(&pc->t[k], "former"))
			former = 1;
	for (;;) {
		const char *slash = strchr(codes, '/');
		size_t n = slash ? (size_t)(slash - codes) : strlen(codes);
		char code[40], pre[40] = "";
		int j;

		if (n >= 24)
			return;
		memcpy(code, codes, n);
		code[n] = 0;
		if (!strcmp(code, "---") && !u->nagents && !(agents_of && agents_of->nagents) &&
		    !(from && from != u && from->nagents > 1))
			goto next;
		/* modifiers handed on in a compound: "Danish Islamist media and government" */
		if (from && from != u && !u->has_actor)
			for (j = 0; j + 1 < from->nagents; j++)
				add_agent(code, sizeof code, pre, sizeof pre,
					  pc->t[from->agents[j]].e->agent);
		if (agents_of)
			for (j = 0; j < agents_of->nagents; j++)
				add_agent(code, sizeof code, pre, sizeof pre,
					  former ? "~ELI" : pc->t[agents_of->agents[j]].e->agent);
		for (j = 0; j < u->nagents; j++)
			add_agent(code, sizeof code, pre, sizeof pre,
				  former && u->has_actor ? "~ELI" : pc->t[u->agents[j]].e->agent);
		if (former && u->has_actor && !u->nagents && !(agents_of && agents_of->nagents))
			add_agent(code, sizeof code, pre, sizeof pre, "~ELI");
		if (!strcmp(code, "---"))
			goto next;
		{
			char full[64], nm[160];
			const struct unit *src = u->nagents ? u : agents_of;
			const char *ag = src && src->nagents ?
					 pc->t[src->agents[src->nagents - 1]].e->surface : NULL;
			const char *show = name;

			snprintf(full, sizeof full, "%s%s", pre, code);
			/* "Israel Troops" and "Israel" are different actors: name both. */
			if (!show)
				show = ag;
			else if (ag && strncmp(full + strlen(pre), codes, n) == 0 &&
				 strlen(full) > strlen(a ? a->actor.code : "")) {
				snprintf(nm, sizeof nm, "%s %s", name, ag);
				show = kg_arena_strdup(&pc->arena, nm);
			}
			add_member(pc, full, show ? show : full);
		}
next:
		if (!slash)
			break;
		codes = slash + 1;
	}
}

static size_t code_len(const struct kg_patcoder *pc, int k)
{
	const struct kg_lex_entry *e = dated(pc, pc->t[k].e);

	return e && !null_code(e->actor.code) ? strlen(e->actor.code) : 0;
}

static void build_units(struct kg_patcoder *pc)
{
	size_t i = 0;

	pc->nu = 0;
	while (i < pc->nt) {
		struct unit u;
		size_t k;

		if (!np_able(pc, i)) {
			i++;
			continue;
		}
		memset(&u, 0, sizeof u);
		u.start = i;
		u.actor = -1;
		while (i < pc->nt && np_able(pc, i)) {
			/* "Ithilen's awful and cool minister": adjectives joined by "and". */
			i++;
			if (i + 1 < pc->nt && pc->t[i].cls == C_CONJ && !mark_at(pc, i - 1) &&
			    pc->t[i - 1].cls == C_WORD && np_able(pc, i + 1) && !is(&pc->t[i], "but"))
				i++;
		}
		u.end = i;
		for (k = u.start; k < u.end; k++) {
			int m = mark_at(pc, k);
			if (pc->t[k].cover != (int)k)
				continue;
			/* Of several actors, the most specific code: "Chinese
			 * President Xi Jinping" is CHNGOV, not CHN. */
			if (m == M_ACTOR && (u.actor < 0 || code_len(pc, (int)k) > code_len(pc, u.actor)))
				u.actor = (int)k, u.has_actor = 1;
			else if (m == M_AGENT && u.nagents < 8)
				u.agents[u.nagents++] = (int)k;
		}
		if (u.actor < 0 && !u.nagents)
			continue;
		/* "a military agreement", "police presence": an agent that only
		 * modifies the head noun is no actor. */
		if (u.actor < 0) {
			int last = u.agents[u.nagents - 1];
			size_t e = (size_t)last + pc->t[last].mlen;
			/* ... but "Islamist militants" are people: a plural head keeps it */
			if (e < u.end && pc->t[u.end - 1].cls == C_WORD && !mark_at(pc, u.end - 1) &&
			    !ends_with(pc->t[u.end - 1].w, "s"))
				continue;
		}
		u.last_is_mark = mark_at(pc, u.end - 1) != M_NONE;
		for (k = u.start; k < u.end; k++)
			pc->t[k].unit = (int)pc->nu;
		KG_GROW(pc->u, pc->nu + 1, pc->ucap);
		pc->u[pc->nu++] = u;
	}
}

/* Tokens between units a and b form a compound separator: , and or. */
static int compound_sep(const struct kg_patcoder *pc, const struct unit *a, const struct unit *b)
{
	size_t k = a->end;

	if (!a->last_is_mark)
		return 0;
	if (k < b->start && pc->t[k].cls == C_COMMA)
		k++;
	if (k < b->start && pc->t[k].cls == C_CONJ && !is(&pc->t[k], "but"))
		k++;
	return k == b->start && k > a->end;
}

static int linker(const struct tok *t)
{
	return is(t, "of") || is(t, "in") || is(t, "from");
}

/* "its troops", "their leaders": they belong to someone named before. */
static int possessive(const struct tok *t)
{
	return is(t, "its") || is(t, "their") || is(t, "his") || is(t, "her");
}

static int possessed(const struct kg_patcoder *pc, const struct unit *u)
{
	return possessive(&pc->t[u->start]);
}

/* "its troops": the nearest phrase with an actor before unit a. */
static const struct unit *owner(const struct kg_patcoder *pc, size_t a)
{
	size_t lim = a > 16 ? a - 16 : 0;

	while (a-- > lim)
		if (pc->u[a].has_actor)
			return &pc->u[a];
	return NULL;
}

static void build_groups(struct kg_patcoder *pc)
{
	size_t i = 0, j, k;

	pc->ng = pc->nm = 0;
	while (i < pc->nu) {
		size_t a = i, b = i + 1, c, d, link_from = i;
		int any_actor = pc->u[i].has_actor;
		struct group *g;

		while (b < pc->nu && compound_sep(pc, &pc->u[b - 1], &pc->u[b]))
			any_actor |= pc->u[b].has_actor, b++;
		c = d = b;
		/* "the ambassadors of X, Y and Z": agents handed to the actors */
		if (!pc->u[b - 1].has_actor && b < pc->nu &&
		    pc->u[b].start == pc->u[b - 1].end + 1 &&
		    linker(&pc->t[pc->u[b - 1].end]) && pc->u[b].has_actor &&
		    !possessed(pc, &pc->u[b - 1])) {
			d = b + 1;
			while (d < pc->nu && compound_sep(pc, &pc->u[d - 1], &pc->u[d]))
				d++;
			/* "Ithilen and the government of Gondor": only the last */
			if (any_actor)
				link_from = b - 1;
			else
				link_from = a;
		}
		KG_GROW(pc->g, pc->ng + 1, pc->gcap);
		g = &pc->g[pc->ng++];
		g->start = pc->u[a].start;
		g->end = pc->u[d - 1].end;
		g->m0 = pc->nm;
		g->nm = 0;
		if (d > c) {
			for (j = a; j < link_from; j++)
				unit_members(pc, &pc->u[j], NULL, NULL);
			for (j = c; j < d; j++)
				for (k = link_from; k < b; k++)
					unit_members(pc, &pc->u[j], NULL, &pc->u[k]);
		} else {
			const struct unit *from = NULL, *last = &pc->u[b - 1], *share = NULL;

			/* "the Gondor and Arnor governments": the head agent is everyone's */
			if (b - a > 1 && last->has_actor && last->nagents && last->agents[0] > last->actor &&
			    pc->t[last->start].cls != C_DET)
				share = last;
			for (j = a; j < b; j++) {
				const struct unit *u = &pc->u[j];
				if (u->has_actor)
					from = u;
				else if (!from && (is(&pc->t[u->start], "its") ||
						   is(&pc->t[u->start], "their")))
					from = owner(pc, a);
				unit_members(pc, u, u->has_actor ? NULL : from,
					     share && u != share && u->has_actor && !u->nagents ? share : NULL);
			}
		}
		if (!g->nm)
			pc->ng--;
		i = d;
	}
	/* t[].unit now names the group */
	for (j = 0; j < pc->nt; j++)
		pc->t[j].unit = -1;
	for (i = 0; i < pc->ng; i++)
		for (j = pc->g[i].start; j < pc->g[i].end; j++)
			pc->t[j].unit = (int)i;
}

/* The first phrase starting at pos or after (at once: at pos). */
static const struct group *group_from(const struct kg_patcoder *pc, size_t pos, int at_once)
{
	size_t k;

	for (k = pos; k < pc->hi; k++) {
		if (pc->t[k].unit >= 0 && pc->g[pc->t[k].unit].start == k)
			return &pc->g[pc->t[k].unit];
		if (at_once)
			return NULL;
	}
	return NULL;
}

/* The last phrase ending at pos or before (at once: at pos). */
static const struct group *group_before(const struct kg_patcoder *pc, size_t pos, int at_once)
{
	size_t k = pos;

	while (k > pc->lo) {
		if (pc->t[k - 1].unit >= 0) {
			const struct group *g = &pc->g[pc->t[k - 1].unit];
			if (g->end <= pos)
				return at_once && g->end != pos ? NULL : g;
			k = g->start;
			continue;
		}
		if (at_once)
			return NULL;
		k--;
	}
	return NULL;
}

/* ---- pattern matching ---- */

struct bind {
	const struct group *src, *tgt, *cmp;
	int cmp_pre;
};

static int seq_fwd(const struct kg_patcoder *pc, const struct kg_petr_seq *s, size_t k,
		   size_t *end, int depth);

/* A synset member starting exactly at k.  Synsets may hold synsets (a
 * dictionary may even loop): depth bounds the nesting. */
static int syn_at_depth(const struct kg_patcoder *pc, const struct kg_petr_synset *syn, size_t k,
			size_t *end, int depth)
{
	unsigned i;

	if (depth > 8)
		return 0;
	for (i = 0; i < syn->n; i++)
		if (seq_fwd(pc, &syn->members[i], k, end, depth + 1))
			return 1;
	return 0;
}

static int syn_at(const struct kg_patcoder *pc, const struct kg_petr_synset *syn, size_t k,
		  size_t *end)
{
	return syn_at_depth(pc, syn, k, end, 0);
}

static int seq_fwd(const struct kg_patcoder *pc, const struct kg_petr_seq *s, size_t k,
		   size_t *end, int depth)
{
	unsigned i;

	for (i = 0; i < s->n; i++) {
		const struct kg_petr_elem *e = &s->v[i];
		if (e->type == KG_PETR_WORD) {
			if (k >= pc->hi || strcmp(pc->t[k].w, e->word))
				return 0;
			k++;
		} else if (e->type == KG_PETR_SYN && e->syn) {
			if (!syn_at_depth(pc, e->syn, k, &k, depth))
				return 0;
		} else {
			return 0;
		}
	}
	*end = k;
	return 1;
}

/* A synset member ending exactly at end (exclusive): its start. */
static int syn_ending(const struct kg_patcoder *pc, const struct kg_petr_synset *syn, size_t end,
		      size_t *start)
{
	size_t k, e;

	for (k = end; k-- > pc->lo && end - k <= 8;)
		if (syn_at(pc, syn, k, &e) && e == end) {
			*start = k;
			return 1;
		}
	return 0;
}

static int skip_np_fwd(const struct kg_patcoder *pc, size_t pos, size_t *out)
{
	size_t k = pos;

	while (k < pc->hi && (pc->t[k].cls == C_PREP || pc->t[k].cls == C_TO))
		k++;
	if (k < pc->hi && pc->t[k].unit >= 0) {
		*out = pc->g[pc->t[k].unit].end;
		return 1;
	}
	while (k < pc->hi && np_able(pc, k) && pc->t[k].unit < 0)
		k++;
	if (k == pos)
		return 0;
	*out = k;
	return 1;
}

static int skip_np_back(const struct kg_patcoder *pc, size_t pos, size_t *out)
{
	size_t k = pos;

	if (k > pc->lo && pc->t[k - 1].unit >= 0) {
		*out = pc->g[pc->t[k - 1].unit].start;
		return 1;
	}
	while (k > pc->lo && np_able(pc, k - 1))
		k--;
	if (k == pos)
		return 0;
	*out = k;
	return 1;
}


/* Bind an actor group g found by a $, + or % element (% wants a compound
 * of two or more actors; pre: the compound stands before the verb). */
static int bind_group(const struct kg_petr_elem *e, const struct group *g, int pre, struct bind *b)
{
	if (!g || (e->type == KG_PETR_CMP && g->nm < 2))
		return 0;
	if (e->type == KG_PETR_SRC)
		b->src = g;
	else if (e->type == KG_PETR_TGT)
		b->tgt = g;
	else
		b->cmp = g, b->cmp_pre = pre;
	return 1;
}

static int elem_fwd(const struct kg_patcoder *pc, const struct kg_petr_elem *e, int joined,
		    size_t *pos, struct bind *b)
{
	size_t k, end;
	const struct group *g;

	/* Within a phrase ({ARMS SHIPMENT}, (TO BORDER)) words stand close. */
	size_t lim = e->cont && *pos + 4 < pc->hi ? *pos + 4 : pc->hi;

	switch (e->type) {
	case KG_PETR_WORD:
		for (k = *pos; k < lim; k++) {
			if (!strcmp(pc->t[k].w, e->word)) {
				*pos = k + 1;
				return 1;
			}
			if (joined)
				return 0;
		}
		return 0;
	case KG_PETR_SYN:
		if (!e->syn)
			return 0;
		for (k = *pos; k < lim; k++) {
			if (syn_at(pc, e->syn, k, &end)) {
				*pos = end;
				return 1;
			}
			if (joined)
				return 0;
		}
		return 0;
	case KG_PETR_SKIP:
		return skip_np_fwd(pc, *pos, pos);
	default:
		if (!bind_group(e, g = group_from(pc, *pos, joined), 0, b))
			return 0;
		*pos = g->end;
		return 1;
	}
}

static int elem_back(const struct kg_patcoder *pc, const struct kg_petr_elem *e, int joined,
		     size_t *pos, struct bind *b)
{
	size_t k, start;
	const struct group *g;

	switch (e->type) {
	case KG_PETR_WORD:
		for (k = *pos; k-- > pc->lo;) {
			if (!strcmp(pc->t[k].w, e->word)) {
				*pos = k;
				return 1;
			}
			if (joined)
				return 0;
		}
		return 0;
	case KG_PETR_SYN:
		if (!e->syn)
			return 0;
		for (k = *pos; k > pc->lo; k--) {
			if (syn_ending(pc, e->syn, k, &start)) {
				*pos = start;
				return 1;
			}
			if (joined)
				return 0;
		}
		return 0;
	case KG_PETR_SKIP:
		return skip_np_back(pc, *pos, pos);
	default:
		if (!bind_group(e, g = group_before(pc, *pos, joined), 1, b))
			return 0;
		*pos = g->start;
		return 1;
	}
}

static int match(const struct kg_patcoder *pc, const struct kg_petr_pattern *p, size_t v0,
		 size_t v1, struct bind *b)
{
	size_t pos = v1;
	unsigned i;

	memset(b, 0, sizeof *b);
	for (i = 0; i < p->npost; i++)
		if (!elem_fwd(pc, &p->post[i], p->post[i].joined, &pos, b))
			return 0;
	pos = v0;
	for (i = p->npre; i-- > 0;) {
		int joined = i + 1 < p->npre ? p->pre[i + 1].joined : p->verb_joined;
		if (!elem_back(pc, &p->pre[i], joined, &pos, b))
			return 0;
	}
	return 1;
}

/* ---- sources and targets ---- */

static int comma_between(const struct kg_patcoder *pc, size_t a, size_t b)
{
	for (; a < b; a++)
		if (pc->t[a].cls == C_COMMA)
			return 1;
	return 0;
}

/* The subject of the verb at v0, or NULL. */
static const struct group *subject(const struct kg_patcoder *pc, size_t v0,
				   const struct group *not, const struct group *before)
{
	size_t k = v0;

	while (k-- > pc->lo) {
		const struct tok *t = &pc->t[k];

		/* "Arnor, which broke relations with Mordor, welcomed ...": after
		 * the relative clause closes, its antecedent is the subject. */
		if (t->cls == C_SUB && (is(t, "which") || is(t, "who")) && k >= 2 &&
		    pc->t[k - 1].cls == C_COMMA && pc->t[k - 2].unit >= 0 && comma_between(pc, k, v0))
			return &pc->g[pc->t[k - 2].unit];
		if (t->cls == C_SUB || (t->cls == C_PUNCT && (is(t, ";") || is(t, ":"))))
			return NULL;
		if (t->cls == C_PRON) {
			/* "it", "they": the subject of the verb before, else the
			 * phrase before */
			if (is(t, "it") || is(t, "they"))
				return before && before->end <= k ? before : group_before(pc, k, 0);
			return NULL;
		}
		if (t->unit >= 0) {
			const struct group *g = &pc->g[t->unit];
			if (g->start > 0 && (pc->t[g->start - 1].cls == C_PREP ||
					     pc->t[g->start - 1].cls == C_TO)) {
				k = g->start;
				continue;
			}
			/* "NOTED + *": the target bound before the verb is not its subject */
			if (g == not) {
				k = g->start;
				continue;
			}
			return g;
		}
	}
	return NULL;
}

/* Does any of the phrase's words name an actor (not only agents)? */
static int group_has_actor(const struct kg_patcoder *pc, const struct group *g)
{
	size_t k;

	for (k = g->start; k < g->end; k++)
		if (mark_at(pc, k) == M_ACTOR)
			return 1;
	return 0;
}

/* The first phrase after the verb, before the next verb. */
static const struct group *object(const struct kg_patcoder *pc, size_t v1)
{
	size_t k, h;

	for (k = v1; k < pc->hi; k++) {
		if (pc->t[k].unit >= 0) {
			const struct group *g = &pc->g[pc->t[k].unit];
			/* "recalled its ambassador from Iran": what the subject owns
			 * is not the target */
			if (possessive(&pc->t[g->start]) && pc->t[g->start].unit >= 0 && !group_has_actor(pc, g)) {
				k = g->end - 1;
				continue;
			}
			return g;
		}
		if (pc->t[k].cover == (int)k && strong_verb(pc, k))
			return NULL;
		/* ", a senior official said": a new clause begins */
		if (pc->t[k].cls == C_COMMA && (h = k + 1) < pc->nt) {
			size_t e;
			while (h < pc->nt && h < k + 5 && pc->t[h].unit < 0 &&
			       (pc->t[h].cls == C_WORD || pc->t[h].cls == C_DET) && pc->t[h].cover < 0)
				h++;
			if (h >= pc->nt || pc->t[h].unit < 0)
				continue;
			e = pc->g[pc->t[h].unit].end;
			while (e < pc->nt && (pc->t[e].cls == C_AUX || pc->t[e].cls == C_MODAL ||
					      pc->t[e].cls == C_NEG))
				e++;
			if (e < pc->nt && pc->t[e].cover == (int)e && is_verb(pc, e))
				return NULL;
		}
		if (pc->t[k].cls == C_PUNCT && (is(&pc->t[k], ";") || is(&pc->t[k], ":")))
			return NULL;
	}
	return NULL;
}

/* "was fiercely opposed by X": the phrase after "by", or NULL. */
static const struct group *passive_agent(const struct kg_patcoder *pc, size_t v0, size_t v1,
					 const struct kg_petr_verb *v)
{
	size_t k = v0, steps = 0;

	if (!v->past && !ends_with(pc->t[v0].w, "ed"))
		return NULL;
	while (k > 0 && steps < 3 && (pc->t[k - 1].cls == C_WORD || pc->t[k - 1].cls == C_CONJ) &&
	       pc->t[k - 1].unit < 0)
		k--, steps++;
	if (!k || pc->t[k - 1].cls != C_BE)
		return NULL;
	k = v1;
	if (k < pc->nt && pc->t[k].cls == C_WORD && pc->t[k].unit < 0)
		k++;
	if (k + 1 < pc->nt && is(&pc->t[k], "by") && pc->t[k + 1].unit >= 0)
		return &pc->g[pc->t[k + 1].unit];
	return NULL;
}

/* ---- events ---- */

static void add_event(struct kg_patcoder *pc, const struct member *s, const struct member *t,
		      const char *code, const struct kg_petr_block *blk)
{
	size_t i;
	struct event *e;

	if (null_code(code) || !strcmp(s->code, t->code))
		return;
	for (i = 0; i < pc->nev; i++)
		if (!strcmp(pc->ev[i].s->code, s->code) && !strcmp(pc->ev[i].t->code, t->code) &&
		    !strcmp(pc->ev[i].code, code))
			return;
	KG_GROW(pc->ev, pc->nev + 1, pc->evcap);
	e = &pc->ev[pc->nev++];
	e->s = s;
	e->t = t;
	e->negated = pc->negated;
	e->modality = pc->modality;
	snprintf(e->code, sizeof e->code, "%s", code);
	e->block = blk;
}

static void emit_pairs(struct kg_patcoder *pc, const struct group *S, const struct group *T,
		       const struct kg_petr_codes *c, const struct kg_petr_block *blk)
{
	size_t i, j;

	for (i = 0; i < S->nm; i++)
		for (j = 0; j < T->nm; j++) {
			const struct member *s = &pc->m[S->m0 + i], *t = &pc->m[T->m0 + j];
			if (S == T && j <= i)
				continue;
			add_event(pc, s, t, c->code, blk);
			add_event(pc, t, s, c->code2[0] ? c->code2 : S == T ? c->code : "", blk);
		}
}

static int code_verb(struct kg_patcoder *pc, size_t v0, const struct group **last_src)
{
	const struct kg_lex_entry *head = pc->t[v0].e, *e;
	const struct kg_petr_verb *pv = head->extra;
	size_t v1 = v0 + pc->t[v0].mlen;
	const struct kg_petr_pattern *best = NULL;
	const struct kg_petr_block *blk = pv->block;
	struct bind b = {0}, tb;
	struct kg_petr_codes codes;
	const struct group *S, *T, *by;
	size_t before = pc->nev, k;

	pc->lo = v0 > WINDOW ? v0 - WINDOW : 0;
	pc->hi = v1 + WINDOW < pc->nt ? v1 + WINDOW : pc->nt;
	/* Every block that lists this verb form; a later definition's code wins. */
	head = kg_lex_get(pc->lx, head->phrase, strlen(head->phrase));
	codes = pv->codes;
	for (e = head; e; e = e->next) {
		const struct kg_petr_verb *v = e->extra;
		unsigned i;

		if (!is_petr(e, KG_LEX_RELATION) || !v)
			continue;
		codes = v->codes;
		for (i = 0; i < v->block->npat; i++) {
			const struct kg_petr_pattern *p = &v->block->pat[i];
			if (best && p->weight <= best->weight)
				break;
			if (!strcmp(p->codes.code, "+++"))
				continue;
			if (match(pc, p, v0, v1, &tb)) {
				best = p, b = tb, blk = v->block;
				break;
			}
		}
	}
	if (best)
		codes = best->codes;
	S = b.src;
	T = b.tgt;
	if (b.cmp && b.cmp_pre && !S)
		S = b.cmp;
	else if (b.cmp && !b.cmp_pre && !T)
		T = b.cmp;
	if (!S) {
		/* "... and promised": the subject of the verb before */
		k = v0;
		while (k > 0 && (pc->t[k - 1].cls == C_AUX || pc->t[k - 1].cls == C_MODAL ||
				 pc->t[k - 1].cls == C_NEG))
			k--;
		if (k > 0 && pc->t[k - 1].cls == C_CONJ && *last_src)
			S = *last_src;
		else
			S = subject(pc, v0, b.tgt, *last_src);
	}
	if (b.cmp && b.cmp_pre && S == b.cmp && !b.tgt) {
		T = S;
	} else if (!T) {
		if (!b.src && (by = passive_agent(pc, v0, v1, pv))) {
			T = S;
			S = by;
		} else {
			T = object(pc, v1);
		}
	}
	/* "will not visit": the auxiliaries before the verb */
	pc->negated = 0;
	pc->modality = KG_MOD_ACTUAL;
	for (k = v0; k > 0 && v0 - k < 5; k--) {
		const struct tok *a = &pc->t[k - 1];
		if (a->cls == C_NEG)
			pc->negated = 1;
		else if (a->cls == C_MODAL && (is(a, "may") || is(a, "might") || is(a, "could")))
			pc->modality = KG_MOD_POSSIBLE;
		else if (a->cls == C_MODAL && (is(a, "will") || is(a, "wo") || is(a, "would") ||
					       is(a, "shall")))
			pc->modality = pc->modality ? pc->modality : KG_MOD_INTENDED;
		else if (a->cls != C_AUX && a->cls != C_BE && a->cls != C_MODAL &&
			 a->cls != C_TO && !(a->cls == C_WORD && a->cover < 0))
			break;
	}
	if (S)
		*last_src = S;
	if (S && T && (S != T || b.cmp))
		emit_pairs(pc, S, T, &codes, blk);
	return pc->nev > before;
}

/* The actor type and country a CAMEO actor code spells. */
static void actor_kind(struct kg_patcoder *pc, struct kg_actor *a)
{
	static const struct {
		const char *role;
		enum kg_actor_type type;
	} roles[] = {
		{"GOV", KG_ACTOR_GOVERNMENT}, {"MIL", KG_ACTOR_GOVERNMENT}, {"COP", KG_ACTOR_GOVERNMENT},
		{"JUD", KG_ACTOR_GOVERNMENT}, {"LEG", KG_ACTOR_GOVERNMENT}, {"SPY", KG_ACTOR_GOVERNMENT},
		{"REB", KG_ACTOR_ARMED_GROUP}, {"INS", KG_ACTOR_ARMED_GROUP},
		{"UAF", KG_ACTOR_ARMED_GROUP}, {"MED", KG_ACTOR_MEDIA}, {"OPP", KG_ACTOR_PARTY},
		{"PTY", KG_ACTOR_PARTY}, {"BUS", KG_ACTOR_COMPANY}, {"MNC", KG_ACTOR_COMPANY},
		{"CVL", KG_ACTOR_GROUP}, {"REF", KG_ACTOR_GROUP}, {"EDU", KG_ACTOR_GROUP},
		{"LAB", KG_ACTOR_GROUP}, {"HRI", KG_ACTOR_NGO}, {"NGO", KG_ACTOR_NGO},
		{"IGO", KG_ACTOR_IGO},
	};
	const char *c = a->code;
	size_t n = strlen(c), i, k;

	a->type = KG_ACTOR_UNKNOWN;
	a->country = NULL;
	if (n >= 3 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' &&
	    c[2] >= 'A' && c[2] <= 'Z' && strncmp(c, "IGO", 3) && strncmp(c, "NGO", 3) &&
	    strncmp(c, "NGM", 3) && strncmp(c, "MNC", 3) && strncmp(c, "IMG", 3)) {
		a->country = kg_arena_strndup(&pc->arena, c, 3);
		if (n == 3)
			a->type = KG_ACTOR_STATE;
	}
	for (k = 0; k + 3 <= n; k += 3)
		for (i = 0; i < sizeof roles / sizeof *roles; i++)
			if (!strncmp(c + k, roles[i].role, 3) && (k || roles[i].type == KG_ACTOR_IGO ||
								 roles[i].type == KG_ACTOR_NGO ||
								 roles[i].type == KG_ACTOR_COMPANY))
				a->type = roles[i].type;
}

/* CAMEO's quad classes by root code: verbal and material cooperation,
 * verbal and material conflict. */
static int quad_class(const char *code)
{
	int root;

	if (code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9')
		return 0;
	root = (code[0] - '0') * 10 + (code[1] - '0');
	return root < 1 ? 0 : root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : root <= 20 ? 4 : 0;
}

static void code_sentence(struct kg_patcoder *pc, size_t si)
{
	const struct kg_sentence *s = &pc->res.sentences[si];
	const struct group *last_src = NULL;
	size_t i, k;
	int clause_event = 0;
	enum kg_discard before = pc->discard;

	pc->nt = 0;
	kg_buf_reset(&pc->words);
	kg_lex_words(pc->text + s->off, s->len, add_tok, pc);
	for (i = 0; i < pc->nt; i++) {
		pc->t[i].w = pc->words.s + pc->t[i].woff;
		pc->t[i].off += s->off;
	}
	pc->discard = KG_DISCARD_NONE;
	find_matches(pc);
	if (pc->discard) {
		if (before == KG_DISCARD_STORY || pc->discard == KG_DISCARD_STORY)
			pc->discard = KG_DISCARD_STORY;
		return;
	}
	pc->discard = before;
	find_nouns(pc);
	rescue_nouns(pc);
	build_units(pc);
	build_groups(pc);
	pc->nev = 0;
#ifdef KG_PATTERNS_DEBUG
	{
		for (i = 0; i < pc->nt; i++)
			fprintf(stderr, "%s/%d%s%s%s ", pc->t[i].w, pc->t[i].cls,
				pc->t[i].mark == M_ACTOR ? "/A" : pc->t[i].mark == M_AGENT ? "/G" :
				pc->t[i].mark == M_VERB ? (pc->t[i].noun ? "/n" : "/V") : "",
				pc->t[i].unit >= 0 ? "@" : "", "");
		fprintf(stderr, "\n");
		for (i = 0; i < pc->ng; i++) {
			fprintf(stderr, "  group %zu-%zu:", pc->g[i].start, pc->g[i].end);
			for (k = 0; k < pc->g[i].nm; k++)
				fprintf(stderr, " %s", pc->m[pc->g[i].m0 + k].code);
			fprintf(stderr, "\n");
		}
	}
#endif
	for (i = 0; i < pc->nt; i++) {
		if (pc->t[i].cls == C_SUB)
			clause_event = 0;
		if (pc->t[i].cover != (int)i || !is_verb(pc, i))
			continue;
		/* "abandoned efforts to stop X": the infinitive is the object */
		k = i;
		while (k > 0 && (pc->t[k - 1].cls == C_BE || pc->t[k - 1].cls == C_AUX))
			k--;
		if (clause_event && k > 0 && pc->t[k - 1].cls == C_TO) {
			i += pc->t[i].mlen - 1;
			continue;
		}
		if (code_verb(pc, i, &last_src))
			clause_event = 1;
		i += pc->t[i].mlen - 1;
	}
	for (i = 0; i < pc->nev; i++) {
		const struct event *e = &pc->ev[i];
		struct kg_triple *t;
		const struct kg_cameo *cm = kg_lex_cameo(pc->lx, e->code);
		char c3[4];

		if (!cm && strlen(e->code) > 3) {
			memcpy(c3, e->code, 3);
			c3[3] = 0;
			cm = kg_lex_cameo(pc->lx, c3);
		}
		KG_GROW(pc->res.triples, pc->res.ntriples + 1, pc->tcap);
		t = &pc->res.triples[pc->res.ntriples++];
		memset(t, 0, sizeof *t);
		t->sentence = si;
		t->subject.name = kg_arena_strdup(&pc->arena, e->s->name);
		t->subject.code = kg_arena_strdup(&pc->arena, e->s->code);
		t->object.name = kg_arena_strdup(&pc->arena, e->t->name);
		t->object.code = kg_arena_strdup(&pc->arena, e->t->code);
		t->predicate = cm ? cm->label : e->block->name;
		snprintf(t->cameo, sizeof t->cameo, "%s", e->code);
		t->quad_class = cm ? cm->quad_class : quad_class(e->code);
		t->goldstein = cm ? cm->goldstein : 0;
		if (pc->res.article->date)
			snprintf(t->event_date, sizeof t->event_date, "%s", pc->res.article->date);
		t->negated = e->negated;
		t->modality = (enum kg_modality)e->modality;
		t->confidence = 0.6;
		actor_kind(pc, &t->subject);
		actor_kind(pc, &t->object);
	}
}

int kg_patcoder_run(struct kg_patcoder *pc, const struct kg_article *a,
		    const struct kg_result **out)
{
	size_t i;

	kg_arena_reset(&pc->arena);
	pc->res.article = a;
	pc->res.nmentions = pc->res.ntriples = pc->res.nfacts = 0;
	pc->text = a->text;
	/* "2015-06-01" (or the date part of "2015-06-01T10:00:00Z") */
	pc->date = a->date ? kg_lex_date(a->date, strlen(a->date) > 10 ? 10 : strlen(a->date)) : 0;
	pc->discard = KG_DISCARD_NONE;
	kg_split_sentences(a->text, a->len, &pc->sents);
	pc->res.sentences = pc->sents.v;
	pc->res.nsentences = pc->sents.n;
	for (i = 0; i < pc->sents.n; i++)
		code_sentence(pc, i);
	if (pc->discard == KG_DISCARD_STORY)
		pc->res.ntriples = 0;
	*out = &pc->res;
	return 0;
}
