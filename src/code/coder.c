/*
 * coder.c: the event coder.  A shallow, linear pass per sentence:
 *
 *   1. tokens, each with its normalised form and closed-class tags
 *      (determiners, prepositions, modals, hedges, negations, boundaries);
 *   2. actor noun phrases by longest dictionary match and case rules:
 *      [the] [country|actor] [adjectives] [agent words] [person name],
 *      composed CAMEO-style ("Afghan Interior Minister Siraj Haqqani" ->
 *      AFGGOV), references ("the nation", "its", "Vahidi") resolved against
 *      the article's recent actors, unknown capitalised names kept;
 *   3. relation words with their reading (verb or noun, passive or not)
 *      decided from the words around them;
 *   4. roles by local grammar: subject = nearest actor phrase to the left in
 *      the same clause (skipping inserted comma phrases, attributions and
 *      prepositional objects), object = direct object or the actor after the
 *      relation's preposition, "by X" for passives and event nouns,
 *      possessive and modifier sources for nouns ("X's attack on Y",
 *      "the U.S. withdrawal from Y");
 *   5. modality, negation, hedges, attribution, date, place, confidence.
 *
 * Every window is bounded, so work is linear in sentence length.  All
 * per-sentence arrays live in the coder and are reused; strings that must
 * outlive a sentence go to the per-article arena.  No static mutable state:
 * one coder per thread may share one read-only lexicon.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "base/arena.h"
#include "base/buf.h"
#include "code/coder.h"
#include "code/patterns.h"
#include "lexicon/lexicon.h"
#include "text/text.h"

/* ---- closed-class words ---- */

enum {
	W_DET = 1u << 0,	/* the, a, this */
	W_PREP = 1u << 1,	/* of, in, with ... */
	W_AUX = 1u << 2,	/* is, has, did */
	W_BE = 1u << 3,		/* is, was, been (passive) */
	W_MODAL = 1u << 4,	/* will, may */
	W_NEG = 1u << 5,	/* not, never */
	W_CONJ = 1u << 6,	/* and, or */
	W_SUB = 1u << 7,	/* which, while, because: a clause starts */
	W_SAY = 1u << 8,	/* said, told */
	W_HEDGE = 1u << 9,	/* reportedly, allegedly */
	W_INT = 1u << 10,	/* intended: will, plans, vowed */
	W_CONS = 1u << 11,	/* considered: considering, weighing */
	W_POSSIB = 1u << 12,	/* possible: may, could, potential */
	W_NEGV = 1u << 13,	/* refused, declined, denied, failed */
	W_ADV = 1u << 14,	/* adverbs that sit in a verb group */
	W_PRON = 1u << 15,	/* it, they, he, she */
	W_PPRON = 1u << 16,	/* its, their, his, her */
	W_REFSTATE = 1u << 17,	/* country, nation */
	W_REFGROUP = 1u << 18,	/* group, militia */
	W_REFGOV = 1u << 19,	/* government, regime */
	W_REFMIL = 1u << 20,	/* army, military */
	W_MONTH = 1u << 21,
	W_WDAY = 1u << 22,
	W_HON = 1u << 23,	/* Mr., Dr.: a person's name follows */
	W_THAT = 1u << 24,
	W_FUNC = 1u << 25,	/* any other function word: never a name */
	W_PERSPRON = 1u << 26,	/* he, she, his, her: a person */
	W_PLURPRON = 1u << 27,	/* they, their, them */
	W_AFFIL = 1u << 28,	/* affiliate, branch, wing */
	W_LOCPREP = 1u << 29,	/* in, at, near: a place follows */
	W_REFIGO = 1u << 30,	/* bloc, alliance: an international body */
};

struct word {
	const char *w;
	unsigned cls;
	int num;		/* month or weekday number */
};

/* Alphabetical, for the reader; looked up through word_get(). */
static const struct word words[] = {
	{"'ll", W_MODAL | W_INT, 0}, {"a", W_DET, 0}, {"about", W_PREP, 0},
	{"according", W_FUNC, 0}, {"across", W_PREP, 0}, {"adm", W_HON, 0},
	{"administration", W_REFGOV, 0}, {"affiliate", W_AFFIL, 0}, {"after", W_PREP, 0},
	{"against", W_PREP, 0}, {"agree", W_INT, 0}, {"agreed", W_INT, 0},
	{"agrees", W_INT, 0}, {"aim", W_INT, 0}, {"aimed", W_INT, 0}, {"aims", W_INT, 0},
	{"all", W_FUNC, 0}, {"allegedly", W_HEDGE | W_ADV, 0}, {"alliance", W_REFIGO, 0}, {"along", W_PREP, 0},
	{"alongside", W_PREP, 0}, {"already", W_ADV, 0}, {"also", W_ADV, 0},
	{"although", W_SUB, 0}, {"am", W_AUX | W_BE, 0}, {"amid", W_PREP, 0},
	{"among", W_PREP, 0}, {"amongst", W_PREP, 0}, {"an", W_DET, 0}, {"and", W_CONJ, 0},
	{"another", W_DET, 0}, {"any", W_DET, 0}, {"apparently", W_HEDGE | W_ADV, 0},
	{"appear", W_POSSIB, 0}, {"appears", W_POSSIB, 0}, {"apr", W_MONTH, 4},
	{"april", W_MONTH, 4}, {"are", W_AUX | W_BE, 0}, {"arm", W_AFFIL, 0},
	{"army", W_REFMIL, 0}, {"around", W_PREP, 0}, {"as", W_FUNC, 0},
	{"at", W_PREP | W_LOCPREP, 0}, {"atop", W_PREP, 0}, {"aug", W_MONTH, 8},
	{"august", W_MONTH, 8}, {"authorities", W_REFGOV, 0}, {"be", W_AUX | W_BE, 0},
	{"because", W_SUB, 0}, {"been", W_AUX | W_BE, 0}, {"before", W_PREP, 0},
	{"behind", W_PREP, 0}, {"being", W_AUX | W_BE, 0}, {"believed", W_HEDGE, 0},
	{"beside", W_PREP, 0}, {"between", W_PREP, 0}, {"beyond", W_PREP, 0},
	{"bloc", W_REFIGO, 0}, {"both", W_DET, 0}, {"branch", W_AFFIL, 0}, {"but", W_SUB, 0}, {"by", W_PREP, 0},
	{"can", W_MODAL | W_POSSIB, 0}, {"capt", W_HON, 0}, {"col", W_HON, 0},
	{"consider", W_CONS, 0}, {"considered", W_CONS, 0}, {"considering", W_CONS, 0},
	{"considers", W_CONS, 0}, {"contemplate", W_CONS, 0}, {"contemplated", W_CONS, 0},
	{"contemplates", W_CONS, 0}, {"contemplating", W_CONS, 0},
	{"could", W_MODAL | W_POSSIB, 0}, {"country", W_REFSTATE, 0}, {"debating", W_CONS, 0},
	{"dec", W_MONTH, 12}, {"december", W_MONTH, 12}, {"decided", W_INT, 0},
	{"decline", W_NEGV, 0}, {"declined", W_NEGV, 0}, {"declines", W_NEGV, 0},
	{"denied", W_NEGV, 0}, {"denies", W_NEGV, 0}, {"deny", W_NEGV, 0},
	{"despite", W_PREP, 0}, {"did", W_AUX, 0}, {"do", W_AUX, 0}, {"does", W_AUX, 0},
	{"dr", W_HON, 0}, {"dr.", W_HON, 0}, {"during", W_PREP, 0}, {"each", W_DET, 0},
	{"even", W_ADV, 0}, {"every", W_DET, 0}, {"expected", W_INT, 0},
	{"explore", W_CONS, 0}, {"explored", W_CONS, 0}, {"explores", W_CONS, 0},
	{"exploring", W_CONS, 0}, {"eyeing", W_CONS, 0}, {"fail", W_NEGV, 0},
	{"failed", W_NEGV, 0}, {"fails", W_NEGV, 0}, {"feb", W_MONTH, 2},
	{"february", W_MONTH, 2}, {"following", W_PREP, 0}, {"for", W_PREP, 0},
	{"friday", W_WDAY, 5}, {"from", W_PREP, 0}, {"further", W_ADV, 0},
	{"future", W_INT, 0}, {"gen", W_HON, 0}, {"get", W_AUX | W_BE, 0},
	{"gets", W_AUX | W_BE, 0}, {"got", W_AUX | W_BE, 0}, {"government", W_REFGOV, 0},
	{"group", W_REFGROUP, 0}, {"had", W_AUX, 0}, {"has", W_AUX, 0}, {"have", W_AUX, 0},
	{"he", W_PRON | W_PERSPRON, 0}, {"her", W_PPRON | W_PERSPRON, 0},
	{"him", W_PRON | W_PERSPRON, 0}, {"his", W_PPRON | W_PERSPRON, 0}, {"hope", W_INT, 0},
	{"hopes", W_INT, 0}, {"however", W_FUNC, 0}, {"if", W_SUB, 0},
	{"in", W_PREP | W_LOCPREP, 0}, {"including", W_PREP, 0}, {"inside", W_PREP, 0},
	{"intend", W_INT, 0}, {"intended", W_INT, 0}, {"intends", W_INT, 0},
	{"intent", W_INT, 0}, {"into", W_PREP, 0}, {"is", W_AUX | W_BE, 0}, {"it", W_PRON, 0},
	{"its", W_PPRON, 0}, {"jan", W_MONTH, 1}, {"january", W_MONTH, 1},
	{"jointly", W_ADV, 0}, {"jul", W_MONTH, 7}, {"july", W_MONTH, 7}, {"jun", W_MONTH, 6},
	{"june", W_MONTH, 6}, {"junta", W_REFGOV, 0}, {"just", W_ADV, 0},
	{"kingdom", W_REFSTATE, 0}, {"likely", W_POSSIB, 0}, {"lt", W_HON, 0},
	{"maj", W_HON, 0}, {"mar", W_MONTH, 3}, {"march", W_MONTH, 3},
	{"may", W_MODAL | W_POSSIB, 5}, {"meanwhile", W_FUNC, 0},
	{"might", W_MODAL | W_POSSIB, 0}, {"military", W_REFMIL, 0},
	{"militia", W_REFGROUP, 0}, {"ministry", W_REFGOV, 0}, {"monday", W_WDAY, 1},
	{"movement", W_REFGROUP, 0}, {"mr", W_HON, 0}, {"mr.", W_HON, 0}, {"mrs", W_HON, 0},
	{"mrs.", W_HON, 0}, {"ms", W_HON, 0}, {"ms.", W_HON, 0}, {"mull", W_CONS, 0},
	{"mulling", W_CONS, 0}, {"mulls", W_CONS, 0}, {"must", W_MODAL, 0}, {"n't", W_NEG, 0},
	{"nation", W_REFSTATE, 0}, {"near", W_PREP | W_LOCPREP, 0},
	{"never", W_NEG | W_ADV, 0}, {"no", W_NEG | W_DET, 0}, {"not", W_NEG | W_ADV, 0},
	{"nov", W_MONTH, 11}, {"november", W_MONTH, 11}, {"now", W_ADV, 0},
	{"oct", W_MONTH, 10}, {"october", W_MONTH, 10}, {"of", W_PREP, 0},
	{"offer", W_INT, 0}, {"offered", W_INT, 0}, {"offers", W_INT, 0},
	{"offshoot", W_AFFIL, 0}, {"on", W_PREP, 0}, {"once", W_ADV, 0}, {"only", W_ADV, 0},
	{"open", W_INT, 0}, {"or", W_CONJ, 0}, {"organisation", W_REFGROUP, 0},
	{"organization", W_REFGROUP, 0}, {"our", W_DET, 0}, {"over", W_PREP, 0}, {"party", W_REFGROUP, 0},
	{"perhaps", W_POSSIB | W_ADV, 0}, {"plan", W_INT, 0}, {"planned", W_INT, 0},
	{"planning", W_INT, 0}, {"plans", W_INT, 0}, {"pledge", W_INT, 0},
	{"pledged", W_INT, 0}, {"pledges", W_INT, 0}, {"poised", W_INT, 0},
	{"possible", W_POSSIB, 0}, {"possibly", W_POSSIB | W_ADV, 0},
	{"potential", W_POSSIB, 0}, {"potentially", W_POSSIB | W_ADV, 0},
	{"prepare", W_INT, 0}, {"prepared", W_INT, 0}, {"prepares", W_INT, 0},
	{"preparing", W_INT, 0}, {"prof", W_HON, 0}, {"promise", W_INT, 0},
	{"promised", W_INT, 0}, {"promises", W_INT, 0}, {"proposed", W_INT, 0},
	{"purportedly", W_HEDGE | W_ADV, 0}, {"ready", W_INT, 0}, {"recently", W_ADV, 0},
	{"refuse", W_NEGV, 0}, {"refused", W_NEGV, 0}, {"refuses", W_NEGV, 0},
	{"refusing", W_NEGV, 0}, {"regime", W_REFGOV, 0}, {"rep", W_HON, 0},
	{"reported", W_HEDGE, 0}, {"reportedly", W_HEDGE | W_ADV, 0},
	{"republic", W_REFSTATE, 0}, {"said", W_SAY, 0}, {"saturday", W_WDAY, 6},
	{"say", W_SAY, 0}, {"saying", W_SAY, 0}, {"says", W_SAY, 0}, {"seek", W_INT, 0},
	{"seeking", W_INT, 0}, {"seeks", W_INT, 0}, {"seem", W_POSSIB, 0},
	{"seems", W_POSSIB, 0}, {"sen", W_HON, 0}, {"sep", W_MONTH, 9}, {"sept", W_MONTH, 9},
	{"september", W_MONTH, 9}, {"set", W_INT, 0}, {"sgt", W_HON, 0},
	{"shall", W_MODAL | W_INT, 0}, {"she", W_PRON | W_PERSPRON, 0},
	{"should", W_MODAL, 0}, {"since", W_PREP, 0}, {"some", W_DET, 0}, {"soon", W_ADV, 0},
	{"stated", W_SAY, 0}, {"still", W_ADV, 0}, {"studying", W_CONS, 0},
	{"sunday", W_WDAY, 0}, {"than", W_FUNC, 0}, {"that", W_THAT | W_DET, 0},
	{"the", W_DET, 0}, {"their", W_PPRON | W_PLURPRON, 0},
	{"them", W_PRON | W_PLURPRON, 0}, {"then", W_ADV, 0}, {"there", W_FUNC, 0},
	{"these", W_DET, 0}, {"they", W_PRON | W_PLURPRON, 0}, {"this", W_DET, 0},
	{"those", W_DET, 0}, {"though", W_SUB, 0},
	{"through", W_PREP, 0}, {"throughout", W_PREP, 0}, {"thursday", W_WDAY, 4},
	{"to", W_PREP, 0}, {"told", W_SAY, 0}, {"toward", W_PREP, 0}, {"towards", W_PREP, 0},
	{"tuesday", W_WDAY, 2}, {"under", W_PREP, 0}, {"unless", W_SUB, 0},
	{"unlikely", W_POSSIB, 0}, {"upcoming", W_INT, 0}, {"upon", W_PREP, 0},
	{"versus", W_PREP, 0}, {"via", W_PREP, 0}, {"vow", W_INT, 0}, {"vowed", W_INT, 0},
	{"vows", W_INT, 0}, {"want", W_INT, 0}, {"wants", W_INT, 0}, {"was", W_AUX | W_BE, 0},
	{"we", W_FUNC, 0}, {"wednesday", W_WDAY, 3}, {"weigh", W_CONS, 0},
	{"weighing", W_CONS, 0}, {"weighs", W_CONS, 0}, {"were", W_AUX | W_BE, 0},
	{"what", W_FUNC, 0}, {"when", W_SUB, 0}, {"where", W_SUB, 0}, {"whereas", W_SUB, 0},
	{"which", W_SUB, 0}, {"while", W_SUB, 0}, {"who", W_SUB, 0}, {"whom", W_SUB, 0},
	{"whose", W_SUB, 0}, {"will", W_MODAL | W_INT, 0}, {"willing", W_INT, 0},
	{"willingness", W_INT, 0}, {"wing", W_AFFIL, 0}, {"with", W_PREP, 0},
	{"within", W_PREP, 0}, {"without", W_PREP, 0}, {"would", W_MODAL | W_INT, 0},
	{"yet", W_ADV, 0},
};

/* words[] by hash, built once for every coder: a token's class in one
 * probe or two, where a bsearch with strcmp took 13% of extract. */
#define WORD_SLOTS 1024		/* a power of two, over twice the words */
_Static_assert(sizeof words / sizeof *words * 2 < WORD_SLOTS, "WORD_SLOTS too small for words[]");
static unsigned short word_slot[WORD_SLOTS];	/* index into words + 1; 0: empty */
static pthread_once_t word_once = PTHREAD_ONCE_INIT;

static uint32_t word_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	while (n--)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static void word_index(void)
{
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		uint32_t j = word_hash(words[i].w, strlen(words[i].w)) & (WORD_SLOTS - 1);

		while (word_slot[j])
			j = (j + 1) & (WORD_SLOTS - 1);
		word_slot[j] = (unsigned short)(i + 1);
	}
}

/* The function word s[0..n), or NULL (word_index has run: kg_coder_new). */
static const struct word *word_get(const char *s, size_t n)
{
	uint32_t j;

	for (j = word_hash(s, n) & (WORD_SLOTS - 1); word_slot[j]; j = (j + 1) & (WORD_SLOTS - 1)) {
		const struct word *w = &words[word_slot[j] - 1];

		if (!strncmp(w->w, s, n) && !w->w[n])
			return w;
	}
	return NULL;
}

/* ---- per-sentence structures ---- */

enum {
	NP_POSS = 1u << 0,	/* followed by 's: "Iran's" */
	NP_ADJ = 1u << 1,	/* only a demonym: "Iranian" */
	NP_ATTRIB = 1u << 2,	/* the source of the report, not a participant */
	NP_REF = 1u << 3,	/* resolved from a reference word */
	NP_PLACE = 1u << 4,	/* "in Kerman": a location, not an actor */
	NP_PERSON = 1u << 5,
	NP_UNRES = 1u << 6,	/* unknown name */
	NP_DATELINE = 1u << 7,
	NP_PPOBJ = 1u << 8,	/* object of a preposition */
	NP_PRONOUN = 1u << 9,
	NP_AGENTONLY = 1u << 10,	/* "militants", "protesters" */
	NP_WEAK = 1u << 11,	/* "the embassy": unnamed, never a participant */
	NP_PLURAL = 1u << 12,	/* written as a plural: "the Saudis", "militants" */
};

struct np {
	size_t a, b;		/* tokens [a, b) */
	struct kg_actor actor;
	unsigned f;
	double conf;		/* how sure the actor is */
};

struct ti {
	size_t noff, nlen;	/* normalised form in nbuf */
	unsigned cls;		/* W_* */
	int num;
	int np;			/* NP covering the token, or -1 */
	int rel;		/* relation starting here, or -1 */
	unsigned lead;		/* longest phrase starting here, in words */
};

struct rel {
	size_t a, b;
	const struct kg_lex_entry *e;	/* the reading chosen */
	int verb, passive, participle;
	int used;		/* consumed by another (control, purpose) */
};

/* One actor remembered for references. */
struct memo {
	struct kg_actor actor;
	unsigned f;
	const char *surname;	/* last word of a person's name, lower case */
};

#define MEMO 16

struct kg_coder {
	const struct kg_lexicon *lx;
	struct kg_arena arena;
	struct kg_sentences sents;
	struct kg_tokens toks;
	struct kg_result res;
	size_t mcap, tcap, fcap;
	struct kg_patcoder *pat;	/* PETRARCH verb patterns, when the lexicon has them */

	struct ti *ti;
	size_t ticap;
	char *nbuf;
	size_t nbcap;
	struct np *np;
	size_t nnp, npcap;
	struct rel *rel;
	size_t nrel, relcap;

	struct memo memo[MEMO];
	size_t nmemo;		/* total pushed; ring index = n % MEMO */
	struct memo people[MEMO];	/* the persons met, for a lone surname */
	size_t npeople;
	char srec[MEMO][4];	/* the states spoken of, places included, latest last */
	size_t nsrec;
	struct {
		char code[4];
		int n;
	} states[32];		/* how often each country was spoken of */
	size_t nstates;
	struct {
		const char *phrase;	/* the relation's lemma: "strike", "attack" */
		struct kg_actor actor;	/* who did it */
		struct kg_actor target;	/* to whom; no name when not said */
		size_t si;		/* the sentence */
	} hits[8];		/* the article's last violent acts, for "condemned the attack" */
	size_t nhits;		/* total pushed; ring index = n % 8 */
	struct {
		const char *phrase;
		struct kg_actor actor;
		size_t si;
	} acts[8];		/* the article's last acts of any kind ("condemned the exercises") */
	size_t nacts;
	int art_date;		/* days since epoch of the article date, or -1 */
	int art_year;

	/* per sentence */
	const char *text;
	size_t si;
	const char *attribution;
	const char *location;
	char sdate[11];
	int reported;
	int title;		/* a headline in title case */
	int debug;		/* KG_CODER_DEBUG set: phrases to stderr */
};

struct kg_coder *kg_coder_new(const struct kg_lexicon *lx)
{
	struct kg_coder *c = kg_xcalloc(1, sizeof *c);

	pthread_once(&word_once, word_index);
	c->lx = lx;
	c->pat = kg_patcoder_new(lx);
	c->debug = getenv("KG_CODER_DEBUG") != NULL;
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
	free(c->res.facts);
	free(c->ti);
	free(c->nbuf);
	free(c->np);
	free(c->rel);
	kg_arena_free(&c->arena);
	free(c);
}

/* ---- token helpers ---- */

#define T(i) (c->toks.v[i])
#define NT (c->toks.n)

static const char *norm_of(const struct kg_coder *c, size_t i, size_t *n)
{
	*n = c->ti[i].nlen;
	return c->nbuf + c->ti[i].noff;
}

static int is(const struct kg_coder *c, size_t i, const char *w)
{
	size_t n;
	const char *s;

	if (i >= NT)
		return 0;
	s = norm_of(c, i, &n);
	/* the first letter rules out most words before any strlen */
	return n && s[0] == w[0] && !strncmp(s, w, n) && w[n] == 0;
}

static int punct(const struct kg_coder *c, size_t i, char p)
{
	return i < NT && (T(i).flags & KG_TOK_PUNCT) && T(i).len == 1 && c->text[T(i).off] == p;
}

static int is_comma(const struct kg_coder *c, size_t i)
{
	return punct(c, i, ',');
}

/* A hard clause boundary: ; : ( ) dashes, quotes, or a subordinator. */
static int boundary(const struct kg_coder *c, size_t i)
{
	if (T(i).flags & KG_TOK_PUNCT)
		return punct(c, i, ';') || punct(c, i, ':') || punct(c, i, '(') || punct(c, i, ')') ||
		       punct(c, i, '[') || punct(c, i, ']') || punct(c, i, '?') || punct(c, i, '!') ||
		       ((T(i).flags & KG_TOK_DASH) && !punct(c, i, '-'));
	return (c->ti[i].cls & W_SUB) != 0;
}

static int lower_word(const struct kg_coder *c, size_t i)
{
	return i < NT && (T(i).flags & KG_TOK_WORD) && !(T(i).flags & KG_TOK_CAP) &&
	       !(T(i).flags & KG_TOK_NUM);
}

static int ends_with(const struct kg_coder *c, size_t i, const char *suf)
{
	size_t n, k = strlen(suf);
	const char *s = norm_of(c, i, &n);

	return n > k + 2 && !memcmp(s + n - k, suf, k);
}

/* An adverb in a verb group: "reportedly", "also", "not". */
static int adverb(const struct kg_coder *c, size_t i)
{
	/* -ly words that are adjectives or nouns */
	static const char *const not_adv[] = {
		"deadly", "early", "friendly", "costly", "elderly", "daily", "weekly",
		"monthly", "yearly", "rally", "family", "assembly", "supply", "reply",
		"holy", "lonely", "anomaly", "monopoly", "bully", "ally", "tally",
		"unlikely", "orderly", "timely", "lively", "manly", "kindly", NULL
	};

	if (c->ti[i].cls & (W_ADV | W_NEG))
		return 1;
	if (!lower_word(c, i) || !ends_with(c, i, "ly") || c->ti[i].cls)
		return 0;
	for (int k = 0; not_adv[k]; k++)
		if (is(c, i, not_adv[k]))
			return 0;
	return 1;
}

/* ---- lexicon matching ---- */

static int entry_fits(const struct kg_coder *c, const struct kg_lex_entry *e, size_t i, size_t w)
{
	size_t a = T(i).off, b = T(i + w - 1).off + T(i + w - 1).len;

	if ((e->flags & KG_LEXF_CAP) && !(T(i).flags & KG_TOK_CAP))
		return 0;
	if ((e->flags & KG_LEXF_EXACT) &&
	    (strlen(e->surface) != b - a || memcmp(c->text + a, e->surface, b - a)))
		return 0;
	return 1;
}

/* Longest phrase at token i with an entry of one of the kinds in mask
 * (bits 1 << kind) that fits the case rules; its first such entry. */
static const struct kg_lex_entry *lookup(const struct kg_coder *c, size_t i, unsigned mask,
					 size_t *nw)
{
	size_t n, w, maxw;
	const char *s = norm_of(c, i, &n);

	if (!(T(i).flags & KG_TOK_WORD))
		return NULL;
	maxw = c->ti[i].lead;
	if (maxw > NT - i)
		maxw = NT - i;
	/* a phrase never spans punctuation other than a dash */
	for (w = 1; w < maxw; w++)
		if ((T(i + w).flags & KG_TOK_PUNCT) && !(T(i + w).flags & KG_TOK_DASH))
			break;
	maxw = w < maxw ? w : maxw;
	for (w = maxw; w >= 1; w--) {
		const struct kg_lex_entry *e;
		size_t end;

		end = c->ti[i + w - 1].noff + c->ti[i + w - 1].nlen;
		for (e = kg_lex_get(c->lx, s, end - c->ti[i].noff); e; e = e->next)
			if ((mask & (1u << e->kind)) && entry_fits(c, e, i, w)) {
				*nw = w;
				return e;
			}
	}
	return NULL;
}

#define M_ACTOR (1u << KG_LEX_ACTOR)
#define M_AGENT (1u << KG_LEX_AGENT)
#define M_PLACE (1u << KG_LEX_PLACE)
#define M_REL (1u << KG_LEX_RELATION)

/* ---- dates ---- */

static int days_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int z, int *y, int *m, int *d)
{
	int era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	*y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y += *m <= 2;
}

static void set_date(struct kg_coder *c, int days)
{
	int y, m, d;

	civil_from_days(days, &y, &m, &d);
	if (y < 0 || y > 9999)
		return;
	m = (m % 13 + 13) % 13;
	d = (d % 32 + 32) % 32;
	/* "%04d-%02d-%02d" by hand: snprintf here, once per sentence, was 3%
	 * of extract (docs/benchmarks.md). */
	c->sdate[0] = (char)('0' + y / 1000);
	c->sdate[1] = (char)('0' + y / 100 % 10);
	c->sdate[2] = (char)('0' + y / 10 % 10);
	c->sdate[3] = (char)('0' + y % 10);
	c->sdate[4] = '-';
	c->sdate[5] = (char)('0' + m / 10);
	c->sdate[6] = (char)('0' + m % 10);
	c->sdate[7] = '-';
	c->sdate[8] = (char)('0' + d / 10);
	c->sdate[9] = (char)('0' + d % 10);
	c->sdate[10] = 0;
}

static int num_at(const struct kg_coder *c, size_t i, int lo, int hi)
{
	char b[8];
	size_t n;
	int v;

	if (i >= NT || !(T(i).flags & KG_TOK_NUM) || T(i).len >= sizeof b)
		return -1;
	memcpy(b, c->text + T(i).off, T(i).len);
	b[T(i).len] = 0;
	for (n = 0; b[n]; n++)
		if (b[n] < '0' || b[n] > '9')
			return -1;
	v = atoi(b);
	return v >= lo && v <= hi ? v : -1;
}

/* "on January 3", "3 January 2024", "on Monday": the sentence's date. */
static void find_date(struct kg_coder *c)
{
	size_t i;

	c->sdate[0] = 0;
	for (i = 0; i < NT; i++) {
		const struct ti *t = &c->ti[i];
		int m = 0, d = -1, y = -1;

		if ((t->cls & W_MONTH) && (T(i).flags & KG_TOK_CAP)) {
			m = t->num;
			if ((d = num_at(c, i + 1, 1, 31)) > 0) {
				size_t k = i + 2 + is_comma(c, i + 2);
				y = num_at(c, k, 1900, 2100);
			} else if (i > 0 && (d = num_at(c, i - 1, 1, 31)) > 0) {
				y = num_at(c, i + 1, 1900, 2100);
			}
			if (d < 1)
				continue;
			if (y < 0) {
				if (c->art_date < 0)
					continue;
				y = c->art_year;
				/* "on December 30" in a January article: last year. */
				if (days_from_civil(y, m, d) > c->art_date + 31)
					y--;
			}
			set_date(c, days_from_civil(y, m, d));
			return;
		}
		if ((t->cls & W_WDAY) && (T(i).flags & KG_TOK_CAP) && c->art_date >= 0) {
			/* 1970-01-01 was a Thursday (4). */
			int wd = ((c->art_date % 7) + 7 + 4) % 7, back = (wd - t->num + 7) % 7;
			if (i > 0 && is(c, i - 1, "next"))
				set_date(c, c->art_date + (back ? 7 - back : 7));
			else
				set_date(c, c->art_date - back);
			return;
		}
	}
}

/* ---- reference memory ---- */

static int is_state(const struct kg_actor *a)
{
	return a->type == KG_ACTOR_STATE || (a->code && strlen(a->code) == 3 && a->country &&
					      !strcmp(a->code, a->country));
}

/* An organised group ("the group", "they"); a bare "protesters" is not. */
static int is_group(const struct kg_actor *a)
{
	return a->type == KG_ACTOR_ARMED_GROUP || a->type == KG_ACTOR_MOVEMENT ||
	       a->type == KG_ACTOR_PARTY;
}

static int state_count(const struct kg_coder *c, const char *code)
{
	for (size_t k = 0; k < c->nstates; k++)
		if (code && !strncmp(c->states[k].code, code, 3))
			return c->states[k].n;
	return 0;
}

/* A state spoken of (an actor's or a place's), for "the two countries". */
static void note_state(struct kg_coder *c, const char *cc)
{
	if (!cc || strlen(cc) != 3 || !strcmp(cc, "IGO"))
		return;
	if (c->nsrec && !strcmp(c->srec[(c->nsrec - 1) % MEMO], cc))
		return;
	memcpy(c->srec[c->nsrec++ % MEMO], cc, 4);
}

static void remember(struct kg_coder *c, const struct np *p)
{
	struct memo *m;
	const char *sp;
	const struct kg_lex_entry *g;

	if (p->f & NP_PLACE)
		note_state(c, p->actor.country ? p->actor.country : p->actor.code);
	if (!p->actor.name || !*p->actor.name || (p->f & (NP_PLACE | NP_DATELINE)))
		return;
	if (p->actor.type != KG_ACTOR_MEDIA)	/* a territory (Kosovo) has a code, no country */
		note_state(c, is_state(&p->actor) || (!p->actor.country && p->actor.type == KG_ACTOR_STATE) ?
			      p->actor.code : p->actor.country);
	/* a group's leader brings the group to mind ("the group said") */
	if (p->actor.type == KG_ACTOR_PERSON && p->actor.code && *p->actor.code &&
	    (g = kg_lex_by_code(c->lx, p->actor.code)) && is_group(&g->actor)) {
		struct np gp = {0};
		gp.actor = g->actor;
		remember(c, &gp);
	}
	if (p->actor.country && strlen(p->actor.country) == 3 && !(p->f & NP_REF)) {
		size_t k;
		for (k = 0; k < c->nstates; k++)
			if (!strcmp(c->states[k].code, p->actor.country))
				break;
		if (k == c->nstates && k < sizeof c->states / sizeof *c->states) {
			memcpy(c->states[k].code, p->actor.country, 4);
			c->states[k].n = 0;
			c->nstates++;
		}
		if (k < c->nstates)
			c->states[k].n++;
	}
	m = &c->memo[c->nmemo++ % MEMO];
	m->actor = p->actor;
	m->f = p->f;
	m->surname = NULL;
	if (p->actor.type == KG_ACTOR_PERSON && (sp = strrchr(p->actor.name, ' '))) {
		char low[64];
		size_t n = kg_lex_norm(sp + 1, strlen(sp + 1), low, sizeof low);
		if (n) {
			m->surname = kg_arena_strndup(&c->arena, low, n);
			c->people[c->npeople++ % MEMO] = *m;
		}
	}
}

enum ref_kind { REF_STATE, REF_GROUP, REF_PERSON, REF_NONPERSON, REF_PLURAL, REF_GOV, REF_MIL, REF_IGO };

static const struct memo *recall(const struct kg_coder *c, enum ref_kind k, const char *not_code)
{
	size_t i, n = c->nmemo < MEMO ? c->nmemo : MEMO;

	for (i = 1; i <= n; i++) {
		const struct memo *m = &c->memo[(c->nmemo - i) % MEMO];
		const struct kg_actor *a = &m->actor;
		int ok;

		if (m->f & NP_ATTRIB && a->type == KG_ACTOR_MEDIA)
			continue;
		switch (k) {
		case REF_STATE: ok = is_state(a); break;
		case REF_GROUP: ok = is_group(a) && !(m->f & NP_AGENTONLY); break;	/* not "fighters" */
		case REF_IGO: ok = a->type == KG_ACTOR_IGO; break;
		case REF_PERSON: ok = a->type == KG_ACTOR_PERSON; break;
		case REF_PLURAL:
			/* "they": a plural first ("the Saudis", "militants") */
			ok = (m->f & NP_PLURAL) || is_group(a) || (m->f & NP_AGENTONLY);
			break;
		case REF_GOV:
		case REF_MIL:
			/* not "soldiers" counted somewhere: "the army" is a named one */
			ok = a->type != KG_ACTOR_PERSON && !(m->f & NP_AGENTONLY) && a->code && a->country &&
			     strlen(a->code) == 6 &&
			     !strncmp(a->code, a->country, 3) &&
			     !strcmp(a->code + 3, k == REF_GOV ? "GOV" : "MIL");
			break;
		default: ok = a->type != KG_ACTOR_PERSON && a->type != KG_ACTOR_MEDIA; break;
		}
		if (ok && not_code && a->code && *a->code && !strcmp(a->code, not_code))
			continue;
		if (ok)
			return m;
	}
	return NULL;
}

/* The state last spoken of: a state, or the country of the last actor
 * that has one ("Georgian President X ... the government"). */
static const struct kg_actor *recall_state(const struct kg_coder *c)
{
	size_t i, n = c->nmemo < MEMO ? c->nmemo : MEMO;

	for (i = 1; i <= n; i++) {
		const struct memo *m = &c->memo[(c->nmemo - i) % MEMO];
		const struct kg_lex_entry *st;

		if (is_state(&m->actor))
			return &m->actor;
		if (m->actor.type != KG_ACTOR_MEDIA && m->actor.country && *m->actor.country &&
		    (st = kg_lex_by_code(c->lx, m->actor.country)))
			return &st->actor;
	}
	return NULL;
}

/* ---- actor noun phrases ---- */

/* The state the article speaks of most (the last one on a tie): whose
 * "soldiers" a bare count of soldiers are. */
static const struct kg_actor *news_state(const struct kg_coder *c)
{
	const struct kg_actor *last = recall_state(c);
	const struct kg_lex_entry *e;
	int best = last ? state_count(c, last->code) : 0;
	size_t bi = SIZE_MAX;

	for (size_t i = 0; i < c->nstates && i < 32; i++)
		if (c->states[i].n > best)
			best = c->states[i].n, bi = i;
	if (bi != SIZE_MAX && (e = kg_lex_by_code(c->lx, c->states[bi].code)))
		return &e->actor;
	return last;
}

static const char *arena_span(struct kg_coder *c, size_t a, size_t b)
{
	size_t off = T(a).off, end = T(b - 1).off + T(b - 1).len;
	return kg_arena_strndup(&c->arena, c->text + off, end - off);
}

/* a + sep + b[0..bn) in the article arena (no heap use per phrase) */
static const char *arena_join(struct kg_coder *c, const char *a, const char *sep,
			      const char *b, size_t bn)
{
	size_t an = a ? strlen(a) : 0, sn = sep ? strlen(sep) : 0;
	char *s = kg_arena_alloc(&c->arena, an + sn + bn + 1);

	memcpy(s, a ? a : "", an);
	memcpy(s + an, sep ? sep : "", sn);
	memcpy(s + an + sn, b ? b : "", bn);
	s[an + sn + bn] = 0;
	return s;
}

static const char *compose_code(struct kg_coder *c, const char *country, const char *agent)
{
	return arena_join(c, country, NULL, agent, agent ? strlen(agent) : 0);
}

static const struct kg_lex_entry *part_actor(const struct kg_coder *c, const char *w, size_t n);
static int part_word(const struct kg_coder *c, size_t k);
static const struct kg_lex_entry *gapped(const struct kg_coder *c, size_t i, size_t *nw);
static int irregular_verb(const struct kg_coder *c, size_t k);

/* "government", "administration", "regime", "cabinet", "authorities": a
 * word for a state's government as a whole. */
static int gov_head(const struct kg_coder *c, size_t k)
{
	static const char *const h[] = {
		"government", "governments", "administration", "regime", "cabinet", "authorities", NULL
	};

	for (int i = 0; k < NT && h[i]; i++)
		if (is(c, k, h[i]))
			return 1;
	return 0;
}

/* One display name per government, however it is written ("the Biden
 * administration", "Raisi's government", "the Iranian government" are all
 * "Iran government"), so a graph has one node for it; NULL when the
 * country is unknown. */
static const char *gov_name(struct kg_coder *c, const char *cc)
{
	const struct kg_lex_entry *st = cc ? kg_lex_by_code(c->lx, cc) : NULL;

	if (!st || !st->actor.name)
		return NULL;
	return arena_join(c, st->actor.name, " ", "government", 10);
}

/* A capitalised word (no other test) */
static int name_word_raw(const struct kg_coder *c, size_t i)
{
	return (T(i).flags & KG_TOK_WORD) && (T(i).flags & KG_TOK_CAP) && !c->ti[i].cls;
}

/* A capitalised word that may be part of a name nobody knows. */
static int name_word(const struct kg_coder *c, size_t i)
{
	const struct ti *t = &c->ti[i];

	if (i >= NT || !(T(i).flags & KG_TOK_WORD) || !(T(i).flags & KG_TOK_CAP))
		return 0;
	{
		/* capitalised adjectives that name no actor */
		static const char *const adj[] = {
			"western", "eastern", "northern", "southern", "central", "european",
			"asian", "african", "arab", "muslim", "christian", "jewish", "sunni",
			"shiite", "shia", "islamist", "islamic", "latin", "nordic", "global",
			"international", "national", "federal", "regional", NULL
		};
		for (int k = 0; adj[k]; k++)
			if (is(c, i, adj[k]) && !(i + 1 < NT && name_word_raw(c, i + 1)))
				return 0;
	}
	if (c->title)
		return 0;	/* "Ceasefire Falters": title case is no name */
	{
		/* "Iran-backed", "U.S.-led": a compound adjective, not a name;
		 * "Iran-Afghanistan": two actors */
		const char *w = c->text + T(i).off, *h = memchr(w, '-', T(i).len);
		if (h && h + 1 < w + T(i).len && h[1] >= 'a' && h[1] <= 'z')
			return 0;
		if (h && part_actor(c, w, (size_t)(h - w)))
			return 0;
	}
	if (t->cls & (W_FUNC | W_DET | W_PREP | W_AUX | W_MODAL | W_SUB | W_CONJ | W_PRON |
		      W_PPRON | W_MONTH | W_WDAY | W_SAY | W_NEG | W_HON | W_INT | W_CONS |
		      W_THAT | W_HEDGE | W_NEGV | W_ADV))
		return 0;
	return 1;
}

/* "external forces", "foreign troops": not the state in the news */
static int foreign_adj(const struct kg_coder *c, size_t a, size_t b)
{
	static const char *const fa[] = {
		"external", "foreign", "outside", "international", "allied", "rival", "enemy",
		"western", "coalition", "multinational", NULL
	};

	for (size_t k = a; k < b; k++)
		for (int i = 0; fa[i]; i++)
			if (is(c, k, fa[i]))
				return 1;
	return 0;
}

/* "drone attacks", "police raid": a singular agent word before an event
 * noun that can be read as a noun modifies it. */
static int modifier_agent(const struct kg_coder *c, size_t k, size_t w)
{
	const struct kg_lex_entry *e;
	size_t n, wr;
	const char *t = norm_of(c, k + w - 1, &n);

	if (k + w >= NT || t[n - 1] == 's')
		return 0;
	for (e = lookup(c, k + w, M_REL, &wr); e; e = e->next)
		if (e->kind == KG_LEX_RELATION && e->pos[0] == 'n')
			return 1;
	return 0;
}

/*
 * "Brussels" stands for the European Union, not Belgium, when the EU is in
 * view: an EU body among the article's recent actors, or "EU",
 * "European", "bloc", "Commission" in the sentence.  Returns the EU entry
 * or NULL.
 */
static const struct kg_lex_entry *seat_of_union(const struct kg_coder *c, const struct kg_lex_entry *e,
						size_t i, size_t w)
{
	static const char *const ctx[] = {"eu", "e.u.", "european", "bloc", "bloc's", "commission", NULL};
	size_t n = c->nmemo < MEMO ? c->nmemo : MEMO, k;

	if (!(e->flags & KG_LEXF_METONYM) || w != 1 || !is(c, i, "brussels"))
		return NULL;
	for (k = 1; k <= n; k++) {
		const char *code = c->memo[(c->nmemo - k) % MEMO].actor.code;
		if (code && !strncmp(code, "IGOEUR", 6))
			return kg_lex_by_code(c->lx, "IGOEUREEC");
	}
	for (k = 0; k < NT; k++)
		for (int j = 0; ctx[j]; j++)
			if (is(c, k, ctx[j]))
				return kg_lex_by_code(c->lx, "IGOEUREEC");
	return NULL;
}

/* The person entry valid at the article date among a phrase's entries. */
static const struct kg_lex_entry *pick_actor(const struct kg_coder *c, const struct kg_lex_entry *e,
					     size_t i, size_t w)
{
	const struct kg_lex_entry *best = NULL, *first = e;
	int day = 0;

	if (c->art_date >= 0) {
		int y, m, d;
		civil_from_days(c->art_date, &y, &m, &d);
		day = y * 10000 + m * 100 + d;
	}
	for (; e; e = e->next) {
		if (e->kind != KG_LEX_ACTOR || !entry_fits(c, e, i, w))
			continue;
		if (day && ((e->from && day < e->from) || (e->until && day > e->until)))
			continue;
		if (!best || (!day && e->until == 0 && best->until))
			best = e;
	}
	if (!best && day) {
		/* out of office at that date, but still the same person */
		for (e = first; e; e = e->next)
			if (e->kind == KG_LEX_ACTOR && entry_fits(c, e, i, w))
				return e;
	}
	return best;
}

static int add_np(struct kg_coder *c, size_t a, size_t b, const struct kg_actor *act, unsigned f,
		  double conf)
{
	struct np *p;
	size_t k;

	KG_GROW(c->np, c->nnp + 1, c->npcap);
	p = &c->np[c->nnp];
	p->a = a;
	p->b = b;
	p->actor = *act;
	p->f = f;
	p->conf = conf;
	for (k = a; k < b; k++)
		c->ti[k].np = (int)c->nnp;
	{
		size_t n;
		const char *t = norm_of(c, b - 1, &n);
		if ((T(b - 1).flags & KG_TOK_POSS) && b - 1 > a)
			t = norm_of(c, b - 2, &n);
		if (n > 3 && t[n - 1] == 's' && t[n - 2] != 's')
			p->f |= NP_PLURAL;
	}
	if (a > 0 && (c->ti[a - 1].cls & W_PREP))
		p->f |= NP_PPOBJ;
	if (a > 1 && (c->ti[a - 1].cls & W_DET) && (c->ti[a - 2].cls & W_PREP))
		p->f |= NP_PPOBJ;
	/* "of France, Germany and Italy": the whole list */
	if (a > 1 && ((c->ti[a - 1].cls & W_CONJ) ||
		      (is_comma(c, a - 1) && b < NT && (is_comma(c, b) || (c->ti[b].cls & W_CONJ)))) &&
	    c->ti[a - 2].np >= 0 && (c->np[c->ti[a - 2].np].f & NP_PPOBJ))
		p->f |= NP_PPOBJ;
	return (int)c->nnp++;
}

static void add_mention(struct kg_coder *c, const struct np *p)
{
	struct kg_mention *m;

	if (p->f & (NP_PLACE | NP_DATELINE))
		return;
	KG_GROW(c->res.mentions, c->res.nmentions + 1, c->mcap);
	m = &c->res.mentions[c->res.nmentions++];
	{
		/* the words that name the actor: no "the", no "'s" */
		size_t a = p->a, b = p->b;
		if (b > a + 1 && (T(b - 1).flags & KG_TOK_POSS))
			b--;
		if (b > a + 1 && (c->ti[a].cls & W_DET) && !(T(a).flags & KG_TOK_CAP))
			a++;
		m->sentence = c->si;
		m->off = T(a).off;
		m->len = T(b - 1).off + T(b - 1).len - m->off;
	}
	m->actor = p->actor;
	m->resolved = !(p->f & NP_UNRES);
}

static void add_fact(struct kg_coder *c, const struct kg_actor *s, const char *rel,
		     const char *value, const struct kg_actor *o)
{
	struct kg_fact *f;

	KG_GROW(c->res.facts, c->res.nfacts + 1, c->fcap);
	f = &c->res.facts[c->res.nfacts++];
	memset(f, 0, sizeof *f);
	f->sentence = c->si;
	f->subject = *s;
	f->relation = rel;
	f->value = value;
	if (o) {
		f->has_object = true;
		f->object = *o;
	}
}

/* The state a country-ish entry stands for ("Afghan" -> Afghanistan). */
static const struct kg_lex_entry *state_of(const struct kg_coder *c, const struct kg_lex_entry *e)
{
	const char *cc = e->actor.country ? e->actor.country : e->actor.code;
	return cc ? kg_lex_by_code(c->lx, cc) : NULL;
}

/* The last non-person actor whose name ends with the word at token h
 * ("the junta" after "Niger's military junta"). */
static const struct memo *recall_named(const struct kg_coder *c, size_t h)
{
	size_t i, n = c->nmemo < MEMO ? c->nmemo : MEMO, wn;
	const char *w = norm_of(c, h, &wn);

	for (i = 1; i <= n; i++) {
		const struct memo *m = &c->memo[(c->nmemo - i) % MEMO];
		const char *nm = m->actor.name, *sp;
		size_t ln;
		if (m->actor.type == KG_ACTOR_PERSON || !nm)
			continue;
		sp = strrchr(nm, ' ');
		sp = sp ? sp + 1 : nm;
		ln = strlen(sp);
		if (ln == wn && !strncasecmp(sp, w, wn))
			return m;
	}
	return NULL;
}

/* "the court", "the council", "the agency": the last international body,
 * NGO or company met whose name holds that word ("International Court of
 * Justice"). */
static const struct memo *recall_in_name(const struct kg_coder *c, size_t h)
{
	size_t i, n = c->nmemo < MEMO ? c->nmemo : MEMO, wn;
	const char *w = norm_of(c, h, &wn);

	if (wn < 4 || c->ti[h].cls || !lower_word(c, h))
		return NULL;
	for (i = 1; i <= n; i++) {
		const struct memo *m = &c->memo[(c->nmemo - i) % MEMO];
		const char *nm = m->actor.name;
		if (!nm || (m->actor.type != KG_ACTOR_IGO && m->actor.type != KG_ACTOR_NGO &&
			    m->actor.type != KG_ACTOR_COMPANY))
			continue;
		for (const char *p = nm; *p; p++)
			if ((p == nm || p[-1] == ' ') && !strncasecmp(p, w, wn) && (p[wn] == 0 || p[wn] == ' '))
				return m;
	}
	return NULL;
}

/* A reference phrase at i ("the country", "its", "he"); returns tokens used. */
static size_t reference(struct kg_coder *c, size_t i)
{
	const struct ti *t = &c->ti[i];
	const struct memo *m = NULL;
	struct memo subj_memo;
	const struct kg_actor *st = NULL;
	struct kg_actor act;
	unsigned f = NP_REF;
	size_t n = 1;
	const char *agent = NULL;

	if ((t->cls & W_DET) && is(c, i, "the") && i + 1 < NT &&
	    (lower_word(c, i + 1) || (T(i + 1).flags & KG_TOK_WORD))) {
		unsigned k;
		size_t h = i + 1, w;
		/* "the Iran-backed group", "the militant group" */
		while (h < i + 3 && h + 1 < NT && !(c->ti[h].cls & (W_REFSTATE | W_REFGROUP | W_REFGOV | W_REFMIL | W_REFIGO)) &&
		       (lower_word(c, h) || ((T(h).flags & KG_TOK_WORD) && memchr(c->text + T(h).off, '-', T(h).len) &&
					     !lookup(c, h, M_ACTOR, &w))) &&
		       !(c->ti[h].cls & ~(unsigned)W_FUNC) &&
		       (!lookup(c, h, M_REL | M_AGENT | M_ACTOR, &w) ||
			/* "the rebel group", "the jihadist movement" */
			((c->ti[h + 1].cls & W_REFGROUP) && lookup(c, h, M_AGENT, &w))) &&
		       lower_word(c, h + 1))
			h++;
		if (!lower_word(c, h))
			return 0;
		for (size_t q = i + 1; q < h; q++)
			if (is(c, q, "regional") || is(c, q, "local") || is(c, q, "provincial") ||
			    is(c, q, "municipal") || is(c, q, "autonomous") || is(c, q, "former") ||
			    is(c, q, "previous") || is(c, q, "exiled") || is(c, q, "rival"))
				return 0;	/* "the regional government in Erbil": not the state's */
		k = c->ti[h].cls;
		n = h - i;
		if (!(c->ti[i + 1].cls & (W_REFSTATE | W_REFGROUP | W_REFGOV | W_REFMIL | W_REFIGO)) &&
		    (m = recall_in_name(c, i + 1))) {
			h = i + 1;	/* "the court": the International Court of Justice */
			n = 1;
		} else if (!(k & (W_REFSTATE | W_REFGROUP | W_REFGOV | W_REFMIL | W_REFIGO))) {
			/* "the opposition", "the parliament", "the police": the
			 * institution of the state in the news */
			const struct kg_lex_entry *ag = lookup(c, h, M_AGENT, &w);
			if (!ag || !ag->agent || h + w > NT || (h + w < NT && (T(h + w).flags & KG_TOK_WORD) &&
							       lower_word(c, h + w) && !(c->ti[h + w].cls)))
				return 0;
			if (strcmp(ag->agent, "OPP") && strcmp(ag->agent, "LEG") &&
			    strcmp(ag->agent, "JUD") && strcmp(ag->agent, "COP"))
				return 0;
			if (!(st = recall_state(c)))
				return 0;
			agent = ag->agent;
			n += w - 1;
		} else if (k & W_REFSTATE)
			st = recall_state(c);
		else if (k & W_REFGROUP)
			m = recall(c, REF_GROUP, NULL);
		else if (k & W_REFIGO)
			m = recall(c, REF_IGO, NULL);	/* "the bloc": the EU met before */
		else if (k & (W_REFGOV | W_REFMIL)) {
			/* "the army": an army met before, else the last state's */
			agent = (k & W_REFGOV) ? "GOV" : "MIL";
			/* "the army": one met before if its state is spoken of at
			 * least as much as the last state, else the last state's */
			st = recall_state(c);
			if (st && i > 0 && is(c, i - 1, "between")) {
				/* "X offered to host talks between the government and
				 * the rebels": not X's own government */
				for (size_t q = 0; q < c->nnp; q++)
					if (c->np[q].actor.code && st->code && !strcmp(c->np[q].actor.code, st->code)) {
						const struct memo *o = recall(c, REF_STATE, st->code);
						st = o ? &o->actor : NULL;
						break;
					}
			}
			if ((m = recall_named(c, h))) {
				agent = NULL, st = NULL;	/* "the junta": "Niger's junta" */
			} else if ((m = recall(c, agent[0] == 'G' ? REF_GOV : REF_MIL, NULL)) &&
				   (!st || state_count(c, m->actor.code) >= state_count(c, st->code)))
				agent = NULL, st = NULL;
			else
				m = NULL;
		} else
			return 0;
		n++;
	} else if (t->cls & (W_PRON | W_PPRON)) {
		if (T(i).flags & KG_TOK_CAP && i > 0)
			return 0;
		if ((t->cls & W_PPRON) && !(t->cls & (W_PERSPRON | W_PLURPRON)) && i > 2) {
			/* "as Moscow kept up its bombardment": the subject of the
			 * verb just before the possessive */
			static const char *const own[] = {
				"kept", "keep", "keeps", "continued", "continue", "continues", "resumed", "resume",
				"resumes", "stepped", "step", "steps", "intensified", "intensify", "intensifies",
				"escalated", "escalate", "escalates", "expanded", "expand", "expands", "ramped",
				"scaled", "halted", "halt", "halts", "suspended", "suspend", "suspends", "ended",
				"end", "ends", "stopped", "stop", "stops", "launched", "launch", "launches",
				"began", "begin", "begins", "started", "start", "starts", "up", "down", "back", NULL
			};
			size_t q = i, lw = 0, aux = 0;
			int ok = 1;
			while (q > 0 && lw < 2 && lower_word(c, q - 1) && !c->ti[q - 1].cls &&
			       c->ti[q - 1].np < 0) {
				int hit = 0;
				for (int o = 0; own[o]; o++)
					hit |= is(c, q - 1, own[o]);
				ok &= hit;	/* "kept up its bombardment", not "attacked its consulate" */
				q--, lw++;
			}
			if (!ok)
				lw = 0;
			while (q > 0 && aux < 3 && c->ti[q - 1].np < 0 &&
			       ((c->ti[q - 1].cls & (W_AUX | W_MODAL | W_INT)) || adverb(c, q - 1)))
				q--, aux++;
			if (lw && q > 0 && c->ti[q - 1].np >= 0) {
				const struct np *p = &c->np[c->ti[q - 1].np];
				if (!(p->f & (NP_PPOBJ | NP_PLACE | NP_DATELINE | NP_WEAK | NP_PLURAL | NP_ATTRIB)) &&
				    !((p->f & NP_UNRES) && !(p->f & NP_PERSON)) && p->actor.type != KG_ACTOR_PERSON &&
				    p->actor.type != KG_ACTOR_MEDIA) {
					subj_memo.actor = p->actor;
					subj_memo.f = p->f;
					m = &subj_memo;
				}
			}
		}
		/* "India accused X of backing militants ..., and announced it
		 * would ...": the sentence's subject first */
		for (size_t q = 0; !m && q < c->nnp && q < 32 && c->np[q].a < i && !is(c, i, "him") &&
		     !is(c, i, "them"); q++) {
			const struct np *p = &c->np[q];
			if ((p->f & (NP_PPOBJ | NP_PLACE | NP_DATELINE | NP_WEAK)) ||
			    ((p->f & NP_PRONOUN) && p->b == p->a + 1))
				continue;	/* but "Its leaders ..., and they": the leaders */
			if (p->actor.type == KG_ACTOR_MEDIA)
				break;
			if (((t->cls & W_PERSPRON) && p->actor.type == KG_ACTOR_PERSON) ||
			    (!(t->cls & (W_PERSPRON | W_PLURPRON)) && p->actor.type != KG_ACTOR_PERSON &&
			     !(p->f & NP_PLURAL)) ||
			    ((t->cls & W_PLURPRON) && ((p->f & NP_PLURAL) || is_group(&p->actor)))) {
				subj_memo.actor = p->actor;
				subj_memo.f = p->f;
				m = &subj_memo;
			}
			break;
		}
		if (m)
			;	/* the sentence's subject */
		else if (t->cls & W_PERSPRON)
			m = recall(c, REF_PERSON, NULL);
		else if (t->cls & W_PLURPRON) {
			if (!(m = recall(c, REF_PLURAL, NULL)))
				m = recall(c, REF_STATE, NULL);
		} else if (is(c, i, "it") || is(c, i, "its")) {
			m = recall(c, REF_NONPERSON, NULL);
		}
		f |= NP_PRONOUN;
		if (t->cls & W_PPRON)
			f |= NP_POSS;
	} else {
		return 0;
	}
	if (!m && !st)
		return 0;
	act = m ? m->actor : *st;
	if (agent) {
		const char *cc = act.country ? act.country : act.code;
		size_t hn;
		const char *hw = norm_of(c, i + n - 1, &hn);

		act.code = compose_code(c, cc, agent);
		act.type = KG_ACTOR_GOVERNMENT;
		act.country = cc;
		/* "Egypt government", "Georgia opposition" */
		act.name = arena_join(c, act.name, " ", hw, hn);
		if (!strcmp(agent, "GOV") && gov_head(c, i + n - 1) && gov_name(c, cc))
			act.name = gov_name(c, cc);	/* "the regime": "Syria government" */
	}
	if (i + n < NT && (T(i + n).flags & KG_TOK_POSS))
		f |= NP_POSS, n++;
	if ((f & NP_POSS) && act.country && *act.country) {
		/* "its forces", "the country's foreign minister" */
		size_t k = i + n, adj = 0, w;
		const struct kg_lex_entry *ag;
		while (k < NT && adj < 2 && lower_word(c, k) && !c->ti[k].cls &&
		       !lookup(c, k, M_AGENT | M_REL, &w))
			k++, adj++;
		if (k < NT && (ag = lookup(c, k, M_AGENT, &w)) && ag->agent && *ag->agent &&
		    !modifier_agent(c, k, w)) {
			act.code = compose_code(c, act.country, ag->agent);
			act.type = KG_ACTOR_GOVERNMENT;
			f &= ~(unsigned)NP_POSS;
			n = k + w - i;
		}
	}
	add_np(c, i, i + n, &act, f | (m ? m->f & (NP_UNRES | NP_PERSON) : 0), 0.8);
	return n;
}

/*
 * The actor phrase starting at token i, if any; returns tokens used.
 *   [the] [actor|demonym] ['s] [adj]{0,2} [agent]* [person|Name]
 */
static size_t actor_phrase(struct kg_coder *c, size_t i, size_t sent_start)
{
	const struct kg_lex_entry *base = NULL, *agent = NULL, *person = NULL, *e, *tail_agent = NULL;
	size_t j = i, w, name_a = 0, name_b = 0, agent_a = 0, agent_b = 0;
	int det = 0, poss = 0, hon = 0, counted = 0;
	struct kg_actor act = {0};
	unsigned f = 0;
	double conf = 0.9;

	if ((T(j).flags & KG_TOK_CAP) && is(c, j, "the") && j + 1 < NT && (T(j + 1).flags & KG_TOK_CAP) &&
	    (e = lookup(c, j, M_ACTOR, &w)) && w >= 2 && (e = pick_actor(c, e, j, w))) {
		/* "The Diplomat", "The Hague": "The" belongs to the name */
		struct kg_actor a = e->actor;
		unsigned f0 = 0;
		j += w;
		if (j < NT && (T(j).flags & KG_TOK_POSS))
			f0 |= NP_POSS, j++;
		add_np(c, i, j, &a, f0 | (a.type == KG_ACTOR_PERSON ? NP_PERSON : 0), 0.9);
		return j - i;
	}
	if (j > sent_start && (T(j).flags & KG_TOK_CAP) && is(c, j, "the") && j + 1 < NT &&
	    name_word(c, j + 1) && !lookup(c, j + 1, M_ACTOR | M_PLACE, &w) &&
	    !(j > 0 && (T(j - 1).flags & KG_TOK_QUOTE))) {
		/* A capitalised "The" inside a sentence opens a name the
		 * dictionaries do not know ("according to The Diplomat", "told
		 * The Economist"): an unknown name, not the agent word
		 * "diplomat". */
		struct kg_actor a = {0};
		size_t k = j + 1;
		unsigned f0 = NP_UNRES;
		while (k < NT && name_word(c, k) && !lookup(c, k, M_ACTOR | M_PLACE, &w))
			k++;
		a.name = arena_span(c, j, k);
		a.code = "";
		a.type = KG_ACTOR_UNKNOWN;
		if (k < NT && (T(k).flags & KG_TOK_POSS))
			f0 |= NP_POSS, k++;
		add_np(c, i, k, &a, f0, 0.6);
		return k - i;
	}
	if (c->ti[j].cls & W_DET && !(c->ti[j].cls & W_NEG) && !is(c, j, "that")) {
		det = 1;
		j++;
	}
	if (j < NT && (c->ti[j].cls & W_HON) && (T(j).flags & KG_TOK_CAP)) {
		hon = 1;
		j++;
		if (punct(c, j, '.'))
			j++;	/* "Gen. Abdel Fattah Burhan" */
	}
	if (j >= NT)
		return 0;
	/* Base actor (or a hyphenated pair "Iran-Afghanistan" - skipped). */
	if ((e = lookup(c, j, M_ACTOR | M_AGENT | M_REL | M_PLACE, &w)) && e->kind != KG_LEX_AGENT) {
		const struct kg_lex_entry *a = pick_actor(c, e, j, w), *eu;
		if (a && (eu = seat_of_union(c, a, j, w)))
			a = eu;	/* "Brussels" in a story about the EU */
		if (a) {
			base = a;
			j += w;
		}
	}
	if (base && base->actor.type == KG_ACTOR_PERSON) {
		const char *sp = base->actor.name ? strrchr(base->actor.name, ' ') : NULL;
		person = base;
		base = NULL;
		name_a = i + det + hon;
		/* "President Xi" (an alias) "Jinping": the rest of the name */
		if (sp && j < NT && (T(j).flags & KG_TOK_CAP) && strlen(sp + 1) == T(j).len &&
		    !strncmp(sp + 1, c->text + T(j).off, T(j).len))
			j++;
		name_b = j;
	}
	if ((base || person) && j < NT && (T(j).flags & KG_TOK_POSS)) {
		/* "Iran's foreign minister": the possessive may own an agent. */
		size_t k = j + 1, adj = 0;
		while (k < NT && adj < 2 && lower_word(c, k) && !c->ti[k].cls &&
		       !lookup(c, k, M_AGENT | M_REL, &w))
			k++, adj++;
		if (base && k < NT && (e = lookup(c, k, M_AGENT, &w)) && base && is_state(&base->actor)) {
			j = k;
		} else {
			poss = 1;
			j++;
		}
	}
	if (!poss && !person) {
		/* Agent words, maybe after one or two adjectives. */
		size_t k = j, adj = 0;
		while (k < NT && adj < 2 && (lower_word(c, k) || (base && name_word(c, k))) &&
		       !c->ti[k].cls && !ends_with(c, k, "ed") && (base || det || !ends_with(c, k, "ing")) &&
		       !lookup(c, k, M_AGENT | M_REL | M_ACTOR, &w) && !irregular_verb(c, k) &&
		       !(c->ti[k].lead >= 2 && lower_word(c, k) && gapped(c, k, &w)))	/* "send additional troops": a verb */
			k++, adj++;
		if (adj && !(k < NT && lookup(c, k, M_AGENT, &w)))
			k = j, adj = 0;
		while (k < NT && (e = lookup(c, k, M_AGENT, &w))) {
			size_t wr;
			/* "military cooperation" is an event, not the military */
			if (lookup(c, k, M_REL, &wr) && wr > w)
				break;
			if (modifier_agent(c, k, w))
				break;
			/* An agent word in lower case after a base or determiner, or
			 * a capitalised title ("Interior Minister"). */
			if (!(T(k).flags & KG_TOK_CAP) && !base && !det && adj == 0 && k != i && !agent &&
			    !(e->flags & KG_LEXF_PLURAL))
				break;
			if (!agent)
				agent_a = k;
			agent = e;
			k += w;
			agent_b = k;
		}
		if (agent)
			j = k;
	}
	/* A person's name after a title or a country: dictionary or unknown. */
	if (!poss && !person && j < NT && (agent || hon || base) && name_word(c, j)) {
		if ((e = lookup(c, j, M_ACTOR, &w)) && (e = pick_actor(c, e, j, w)) &&
		    e->actor.type == KG_ACTOR_PERSON) {
			person = e;
			name_a = j;
			name_b = j + w;
			j += w;
		} else if (!lookup(c, j, M_ACTOR | M_AGENT | M_PLACE | M_REL, &w) &&
			   (agent || hon)) {
			name_a = j;
			while (j < NT && name_word(c, j) && !lookup(c, j, M_ACTOR | M_AGENT | M_PLACE, &w)) {
				/* an initial: "S. Jaishankar" */
				if (T(j).len == 1 && punct(c, j + 1, '.') && name_word(c, j + 2))
					j++;
				j++;
			}
			name_b = j;
			/* a known person after an initial: "S. Jaishankar" */
			if (j < NT && (e = lookup(c, j, M_ACTOR, &w)) && (e = pick_actor(c, e, j, w)) &&
			    e->actor.type == KG_ACTOR_PERSON && j - name_a <= 2) {
				person = e;
				name_b = j + w;
				j += w;
			}
		}
	}
	/* An unknown capitalised name on its own. */
	if (!base && !agent && !person && !name_b && name_word(c, j) &&
	    !lookup(c, j, M_ACTOR | M_AGENT | M_PLACE | M_REL, &w)) {
		size_t k = j, n;
		while (k < NT && name_word(c, k) && !lookup(c, k, M_ACTOR | M_AGENT | M_PLACE, &w))
			k++;
		/* "Vahidi": the surname of a person met before (also opening a
		 * sentence: "Ali and Maduro met"). */
		if (k - j == 1 && !(T(j).flags & KG_TOK_UPPER)) {
			size_t m, cnt = c->npeople < MEMO ? c->npeople : MEMO;
			const char *s = norm_of(c, j, &n);
			for (m = 1; m <= cnt; m++) {
				const struct memo *mm = &c->people[(c->npeople - m) % MEMO];
				if (mm->surname && strlen(mm->surname) == n && !memcmp(mm->surname, s, n)) {
					unsigned pf = NP_REF | NP_PERSON | (mm->f & NP_UNRES);
					if (k < NT && (T(k).flags & KG_TOK_POSS))
						pf |= NP_POSS, k++;
					add_np(c, i, k, &mm->actor, pf, 0.85);
					return k - i;
				}
			}
		}
		/* A lone capitalised word opening a sentence is usually just a word. */
		if (k - j == 1 && (j == sent_start || (j > 0 && (T(j - 1).flags & KG_TOK_QUOTE)))) {
			if (!(k < NT && ((T(k).flags & KG_TOK_POSS) || (c->ti[k].cls & (W_AUX | W_MODAL | W_SAY)))))
				return 0;
		}
		if (T(j).flags & KG_TOK_UPPER && k < NT && (T(k).flags & KG_TOK_DASH))
			return 0;	/* an unknown dateline */
		/* "Kurdish militants": an unknown name that qualifies an agent
		 * is a group of that agent's kind. */
		while (k < NT && lower_word(c, k) && (e = lookup(c, k, M_AGENT, &w)) &&
		       !(lookup(c, k, M_REL, &n) && n > w)) {
			k += w;
			tail_agent = e;
		}
		name_a = j;
		name_b = k;
		j = k;
	}
	if (!base && !agent && !person && !name_b)
		return 0;

	/* Compose the actor. */
	if (person && !poss && j < NT && lower_word(c, j) && gov_head(c, j) && person->actor.country &&
	    gov_name(c, person->actor.country)) {
		/* "the Biden administration", "the Assad regime" */
		act.country = person->actor.country;
		struct np pp = {0};
		pp.actor = person->actor;
		pp.f = NP_PERSON;
		remember(c, &pp);	/* "Biden" later is the person */
		act.code = compose_code(c, person->actor.country, "GOV");
		act.name = gov_name(c, person->actor.country);
		act.type = KG_ACTOR_GOVERNMENT;
		j++;
	} else if (person) {
		act = person->actor;
		f |= NP_PERSON;
	} else if (name_b && tail_agent && !agent && !base) {
		act.name = arena_span(c, name_a, name_b);
		act.code = tail_agent->agent ? tail_agent->agent : "";
		act.type = (tail_agent->flags & KG_LEXF_ARMED) ? KG_ACTOR_ARMED_GROUP : KG_ACTOR_GROUP;
		f |= NP_AGENTONLY;
		conf = 0.6;
	} else if (name_b) {
		act.name = arena_span(c, name_a, name_b);
		act.type = agent || hon ? KG_ACTOR_PERSON : KG_ACTOR_UNKNOWN;
		if (base && (is_state(&base->actor) || (base->flags & KG_LEXF_ADJ))) {
			const char *cc = base->actor.country ? base->actor.country : base->actor.code;
			act.country = cc;
			act.code = compose_code(c, cc, agent ? agent->agent : NULL);
			conf = 0.75;
		} else if (base && base->actor.code && *base->actor.code) {
			/* "Hezbollah leader Hassan Nasrallah": the group's person */
			act.code = base->actor.code;
			act.country = base->actor.country;
			conf = 0.75;
		} else {
			act.code = "";
			f |= NP_UNRES;
			conf = 0.6;
		}
		if (act.type == KG_ACTOR_PERSON)
			f |= NP_PERSON;
	} else if (base && agent) {
		if (is_state(&base->actor) || (base->flags & (KG_LEXF_ADJ | KG_LEXF_METONYM))) {
			const char *cc = base->actor.country ? base->actor.country : base->actor.code;
			act.name = arena_span(c, i + det, agent_b);
			act.code = compose_code(c, cc, agent->agent);
			act.country = cc;
			act.type = KG_ACTOR_GOVERNMENT;
			if (gov_head(c, agent_b - 1) && agent->agent && !strcmp(agent->agent, "GOV") &&
			    gov_name(c, cc))
				act.name = gov_name(c, cc);	/* "the Iranian government" */
			/* "Syrian rebels" are a group, "Israeli military" the state's */
			if ((agent->flags & KG_LEXF_ARMED) && agent->agent &&
			    strcmp(agent->agent, "MIL") && strcmp(agent->agent, "COP") &&
			    strcmp(agent->agent, "SPY"))
				act.type = KG_ACTOR_ARMED_GROUP;
		} else {
			act = base->actor;
		}
	} else if (base) {
		act = base->actor;
		if (base->flags & KG_LEXF_ADJ) {
			const struct kg_lex_entry *st = state_of(c, base);
			size_t n;
			const char *t = norm_of(c, j - 1, &n);
			if (st)
				act = st->actor;
			f |= NP_ADJ;
			if (st && !det && n > 3 && t[n - 1] == 's' && i > 0 &&
			    ((T(i - 1).flags & KG_TOK_NUM) || is(c, i - 1, "many") || is(c, i - 1, "several") ||
			     is(c, i - 1, "two") || is(c, i - 1, "three") || is(c, i - 1, "four") ||
			     is(c, i - 1, "five") || is(c, i - 1, "six") || is(c, i - 1, "seven") ||
			     is(c, i - 1, "eight") || is(c, i - 1, "nine") || is(c, i - 1, "ten") ||
			     is(c, i - 1, "some") || is(c, i - 1, "few") ||
			     (i > 1 && is(c, i - 1, "of") && part_word(c, i - 2)))) {
				/* "Thousands of Israelis", "two Americans": people, not the state */
				act.name = arena_span(c, i, j);
				act.code = compose_code(c, st->actor.code, "CVL");
				act.country = st->actor.code;
				act.type = KG_ACTOR_GROUP;
				f = (f & ~(unsigned)NP_ADJ) | NP_AGENTONLY;
				conf = 0.75;
			}
		}
	} else {
		/* Agent words alone: "militant groups", "the government". */
		size_t a0 = agent_a;
		while (a0 > i + det && lower_word(c, a0 - 1))
			a0--;
		if (det && (c->ti[agent_a].cls & (W_REFGOV | W_REFMIL | W_REFGROUP | W_REFSTATE)) &&
		    agent_b == agent_a + 1)
			return 0;	/* "the government": a reference */
		{
			/* A bare singular agent is a modifier ("drone attack"), a
			 * counted one an object count ("150 drones"). */
			size_t n;
			const char *t = norm_of(c, agent_b - 1, &n);
			if (!det && !(T(agent_a).flags & KG_TOK_CAP) && t[n - 1] != 's' &&
			    !is(c, agent_b - 1, "police"))
				return 0;
			/* but "killed 20 soldiers": people are victims, not a count of things */
			if (i > 0 && (T(i - 1).flags & KG_TOK_NUM) &&
			    !(agent->agent && (!strcmp(agent->agent, "MIL") || !strcmp(agent->agent, "COP") ||
					       !strcmp(agent->agent, "CVL")) &&
			      t[n - 1] == 's' && !is(c, agent_b - 1, "drones") && !is(c, agent_b - 1, "missiles") &&
			      !is(c, agent_b - 1, "rockets") && !is(c, agent_b - 1, "warplanes") &&
			      !is(c, agent_b - 1, "jets") && !is(c, agent_b - 1, "warships")))
				return 0;
			counted = i > 0 && (T(i - 1).flags & KG_TOK_NUM);
		}
		act.name = arena_span(c, a0, agent_b);
		act.code = agent->agent ? agent->agent : "";
		if (agent->agent && (!strcmp(agent->agent, "GOV") || !strcmp(agent->agent, "MIL") ||
				     !strcmp(agent->agent, "COP") || !strcmp(agent->agent, "JUD") ||
				     !strcmp(agent->agent, "LEG")) && !foreign_adj(c, a0, agent_a) &&
		    (!det || (is(c, i, "the") && ends_with(c, agent_b - 1, "s") && !is(c, agent_b, "of")))) {
			/* "government officials", "security forces", "the armed
			 * forces": the state in the news */
			const struct kg_actor *st = counted ? news_state(c) : recall_state(c);
			if (st) {
				act.country = st->code;
				act.code = compose_code(c, st->code, agent->agent);
			}
		}
		if (is(c, agent_b, "of") && !(agent_b + 1 < NT && lower_word(c, agent_b + 1) &&
					      ends_with(c, agent_b + 1, "ing")))
			f |= NP_WEAK;	/* "Leaders of ...": whose leaders is told after
					 * (not "accused by rights groups of killing") */
		{
			/* "drones launched by ...": a weapon nobody owns is no actor */
			static const char *const arms[] = {
				"drones", "drone", "warplanes", "warplane", "jets", "warships",
				"warship", "missiles", "rockets", "aircraft", NULL
			};
			for (int q = 0; arms[q]; q++)
				if (is(c, agent_b - 1, arms[q]))
					f |= NP_WEAK;
		}
		/* "the embassy", "an official": someone unnamed, not an actor */
		/* ("the state oil company", "a senior official" too) */
		if (det && !(c->ti[i].cls & W_PPRON) && (a0 == agent_a || !act.country)) {
			size_t n;
			const char *t = norm_of(c, agent_b - 1, &n);
			if (t[n - 1] != 's' && !is(c, agent_b - 1, "police"))
				f |= NP_WEAK;
		}
		act.type = (agent->flags & KG_LEXF_ARMED) ? KG_ACTOR_ARMED_GROUP : KG_ACTOR_GROUP;
		f |= NP_AGENTONLY;
		conf = 0.6;
	}
	if (!act.code)
		act.code = "";
	if (j < NT && (T(j).flags & KG_TOK_POSS) && !poss) {
		poss = 1;
		j++;
	}
	/* "Raisi's administration", "Iran's foreign ministry": the owner's
	 * state with the agent. */
	if (poss && act.country && *act.country) {
		size_t k = j, adj = 0;
		const struct kg_lex_entry *ag2;
		while (k < NT && adj < 2 && lower_word(c, k) && !c->ti[k].cls &&
		       !lookup(c, k, M_AGENT | M_REL, &w))
			k++, adj++;
		if (k < NT && (ag2 = lookup(c, k, M_AGENT, &w)) && ag2->agent && *ag2->agent &&
		    !modifier_agent(c, k, w)) {
			if (person) {
				struct np pp = {0};
				pp.actor = person->actor;
				pp.f = NP_PERSON;
				remember(c, &pp);	/* "Mohamud" later is the person */
			}
			act.code = compose_code(c, act.country, ag2->agent);
			act.name = arena_span(c, i + det, k + w);
			if (gov_head(c, k + w - 1) && !strcmp(ag2->agent, "GOV") && gov_name(c, act.country))
				act.name = gov_name(c, act.country);	/* "Raisi's administration" */
			act.type = KG_ACTOR_GOVERNMENT;
			f &= ~(unsigned)(NP_POSS | NP_PERSON);
			poss = 0;
			j = k + w;
			if (j < NT && (T(j).flags & KG_TOK_POSS))
				poss = 1, j++;
		}
	}
	if (poss)
		f |= NP_POSS;
	{
		int k = add_np(c, i, j, &act, f, conf);
		/* Office facts: "Interior Minister Ahmad Vahidi". */
		if (agent && (agent->flags & KG_LEXF_OFFICE) && (person || name_b)) {
			const struct kg_lex_entry *st = base ? state_of(c, base) : NULL;
			add_fact(c, &c->np[k].actor, "office", arena_span(c, agent_a, agent_b),
				 st ? &st->actor : NULL);
		}
	}
	return j - i;
}

/* ---- relation readings ---- */

/* "sent", "gave", "sold": a verb, never an adjective between a state and
 * an agent word ("Iran sent drones", not the actor "Iran sent drones"). */
static int irregular_verb(const struct kg_coder *c, size_t k)
{
	static const char *const v[] = {
		"sent", "send", "sends", "gave", "give", "gives", "sold", "sell", "sells", "flew",
		"hit", "hits", "struck", "shot", "fought", "kept", "lost", "won", "took", "take",
		"takes", "made", "make", "makes", "built", "led", "leads", "held", "holds", "met",
		"meets", "bought", "buys", "brought", "brings", "told", "tells", "sought", "seeks",
		"began", "begins", "threw", "drove", "ran", "runs", "got", "gets", "put", "puts",
		"let", "lets", "left", "leaves", "paid", "pays", "set", "sets", "saw", "sees",
		"spent", "stood", "went", "goes", "has", "had", NULL
	};

	for (int i = 0; v[i]; i++)
		if (is(c, k, v[i]))
			return 1;
	return 0;
}

/* "drew", "sparked", "prompted": a verb whose object is a reaction
 * ("drew condemnation from X"); after an event noun it is a verb, not a
 * noun the event noun modifies. */
static int reaction_word(const struct kg_coder *c, size_t k)
{
	static const char *const v[] = {
		"drew", "draw", "draws", "drawn", "drawing", "sparked", "spark", "sparks", "prompted",
		"prompt", "prompts", "triggered", "trigger", "triggers", "provoked", "provoke",
		"provokes", "attracted", "attract", "attracts", "met", "faced", "earned", "earn",
		"earns", "received", "brought", NULL
	};

	for (int i = 0; k < NT && v[i]; i++)
		if (is(c, k, v[i]))
			return 1;
	return 0;
}

static const struct kg_lex_entry *reading(const struct kg_lex_entry *e, int verb)
{
	for (; e; e = e->next)
		if (e->kind == KG_LEX_RELATION && (e->pos[0] == 'v') == verb)
			return e;
	return NULL;
}

/* "keep attacking", "stopped shelling": an -ing verb follows */
static int aspect_verb(const struct kg_coder *c, size_t k)
{
	static const char *const asp[] = {
		"keep", "keeps", "kept", "continue", "continues", "continued", "stop", "stops",
		"stopped", "start", "starts", "started", "began", "begin", "begins", "resumed",
		"resume", "resumes", "avoid", "avoided", NULL
	};

	for (int i = 0; asp[i]; i++)
		if (is(c, k, asp[i]))
			return 1;
	return 0;
}

/* Decide noun or verb for the relation phrase at [a, a+w). */
static void add_relation(struct kg_coder *c, size_t a, size_t w, const struct kg_lex_entry *head)
{
	const struct kg_lex_entry *v = reading(head, 1), *n = reading(head, 0), *e = NULL;
	size_t p = a ? a - 1 : (size_t)-1;
	int verb = 0, passive = 0, participle = 0;
	unsigned pc = a ? c->ti[p].cls : 0;
	size_t w2;

	if (v && (v->forms & KG_FORM_BASE) && !(v->forms & (KG_FORM_PAST | KG_FORM_3SG)) && a &&
	    !(pc & (W_MODAL | W_AUX | W_ADV | W_INT | W_NEGV | W_CONS | W_CONJ)) && !is(c, p, "to") &&
	    !(c->ti[p].np >= 0) && !adverb(c, p))
		v = NULL;	/* a bare base form needs to, a modal or a subject */
	if (a && ((pc & (W_DET | W_PPRON)) || (T(p).flags & KG_TOK_NUM)))
		v = NULL;
	if (v && !n && a && c->ti[p].rel >= 0 && !c->rel[c->ti[p].rel].verb && ends_with(c, a + w - 1, "s") &&
	    (a + w >= NT || (c->ti[a + w].cls & (W_MODAL | W_AUX | W_PREP)) || (T(a + w).flags & KG_TOK_PUNCT)))
		return;	/* "Western arms supplies would ...": a compound noun */
	if (a && c->ti[p].np >= 0 && (c->np[c->ti[p].np].f & (NP_POSS | NP_ADJ)) && n &&
	    !((c->np[c->ti[p].np].f & NP_ADJ) && (c->np[c->ti[p].np].f & NP_PLURAL)))
		v = NULL;	/* "Iran's attack", "Iranian strikes"; not "Israelis protested" */
	if (a && (pc & W_PREP) && !is(c, p, "to") && !(v && (v->forms & KG_FORM_ING)))
		v = NULL;	/* "for normalizing ties" is a gerund, "of attack" a noun */
	if (a && c->ti[p].np >= 0 && c->np[c->ti[p].np].a > 0 &&
	    c->ti[c->np[c->ti[p].np].a - 1].rel >= 0 &&
	    c->rel[c->ti[c->np[c->ti[p].np].a - 1].rel].verb)
		v = NULL;	/* "struck Hamas targets": the object's head noun */
	if (v && n && a && c->ti[p].np >= 0 && a + w < NT && (c->ti[a + w].cls & W_PREP)) {
		/* "U.S. sanctions on Venezuela": the noun's preposition follows. */
		size_t ln;
		const char *nx = norm_of(c, a + w, &ln);
		char key[24];
		if (ln < sizeof key - 1) {
			memcpy(key, nx, ln);
			key[ln] = 0;
			if (n->prep && strstr(n->prep, key) && !(v->prep && strstr(v->prep, key)))
				v = NULL;
		}
	}
	if (v && n) {
		/* Both readings: a verb after a subject, modal, adverb or "to". */
		if (a == 0)
			verb = 0;
		else if (adverb(c, p) && is(c, p, "further") && p > 0 &&
			 ((c->ti[p - 1].rel >= 0 && c->rel[c->ti[p - 1].rel].verb) || (c->ti[p - 1].cls & W_DET)))
			verb = 0;	/* "host further talks": an adjective */
		else if (c->ti[p].np >= 0 || (pc & (W_MODAL | W_AUX | W_NEG | W_PRON | W_CONJ)) ||
			 is(c, p, "to") || adverb(c, p))
			verb = 1;
		else if (is_comma(c, p) && (v->forms & KG_FORM_ING))
			verb = 1;
		else if ((v->forms & KG_FORM_ING) && (is(c, p, "after") || is(c, p, "before") ||
						      is(c, p, "while") || is(c, p, "since") || is(c, p, "when") ||
						      is(c, p, "without")) && a + w < NT && !(c->ti[a + w].cls & W_PREP))
			verb = 1;	/* "after meeting Iraqi officials": a gerund with its object */
		else
			verb = 0;
	} else {
		verb = v != NULL;
	}
	e = verb ? v : n;
	if (!e)
		return;
	if (verb) {
		size_t k = a;
		while (k > 0 && adverb(c, k - 1))
			k--;
		if ((e->forms & KG_FORM_PP) && k > 0 && (c->ti[k - 1].cls & W_BE))
			passive = 1;
		else if ((e->forms & KG_FORM_PP) && is(c, a + w, "by") && !(k > 0 && (c->ti[k - 1].cls & W_AUX)))
			passive = 1;
		/* Past participle with no auxiliary and not a finite past: "the
		 * convoy attacked by militants" is passive, done above. */
		if ((e->forms & KG_FORM_ING) && !(e->forms & KG_FORM_BASE) && k > 0 &&
		    (is_comma(c, k - 1) || a == 0))
			participle = 1;
		if ((e->forms & KG_FORM_ING) && k > 0 && !(c->ti[k - 1].cls & W_AUX) &&
		    c->ti[k - 1].np < 0 && !is_comma(c, k - 1) &&
		    !(c->ti[k - 1].cls & (W_CONS | W_INT | W_PREP | W_CONJ)) && !aspect_verb(c, k - 1))
			return;	/* "mounting demands", "the increasing threats" */
	} else if (e->forms && !(e->forms & (KG_FORM_BASE | KG_FORM_PL))) {
		/* (entries of other readers have no forms: any form) */
		return;
	}
	if (!verb && a + w + 1 < NT && lower_word(c, a + w) && !c->ti[a + w].cls &&
	    !ends_with(c, a + w, "ed") && !ends_with(c, a + w, "ing") && !reaction_word(c, a + w) &&
	    !lookup(c, a + w, M_AGENT, &w2)) {
		/* "a genocide case", "attack helicopters": the noun modifies
		 * the next one */
		const struct kg_lex_entry *nx = lookup(c, a + w, M_REL, &w2);
		if (nx ? reading(nx, 0) != NULL : !ends_with(c, a + w, "s"))
			return;
	}
	KG_GROW(c->rel, c->nrel + 1, c->relcap);
	c->rel[c->nrel] = (struct rel){a, a + w, e, verb, passive, participle, 0};
	c->ti[a].rel = (int)c->nrel++;
}

/* ---- roles ---- */

struct side {
	int np[4];
	int n;
};

static void side_add(struct side *s, int np)
{
	for (int i = 0; i < s->n; i++)
		if (s->np[i] == np)
			return;
	if (s->n < 4)
		s->np[s->n++] = np;
}

/* An unknown name without a title is listed (a mention for the analyst to
 * review) but takes no part in events until a dictionary knows it. */
static int unknown(const struct kg_coder *c, int np)
{
	return (c->np[np].f & NP_UNRES) && !(c->np[np].f & NP_PERSON);
}

static int usable(const struct kg_coder *c, int np)
{
	return np >= 0 && !unknown(c, np) && !(c->np[np].f & (NP_ATTRIB | NP_PLACE | NP_DATELINE | NP_WEAK));
}

/* "X, Y and Z" ending at NP k: add the conjuncts to the left. */
static void conjuncts_left(const struct kg_coder *c, int k, struct side *s)
{
	size_t a = c->np[k].a;

	side_add(s, k);
	while (a >= 2 && ((c->ti[a - 1].cls & W_CONJ) || (is_comma(c, a - 1) && s->n > 1) ||
			  /* a headline: "Israel, Hamas agree to ceasefire" */
			  (is_comma(c, a - 1) && !punct(c, NT - 1, '.') && c->ti[a - 2].np >= 0 &&
			   c->np[c->ti[a - 2].np].a == 0)) &&
	       usable(c, c->ti[a - 2].np)) {
		int p = c->ti[a - 2].np;
		if (is_comma(c, a - 1) && !(c->np[k].f & NP_PPOBJ) && (c->np[p].f & NP_PPOBJ))
			break;
		side_add(s, p);
		a = c->np[p].a;
		if (s->n >= 4)
			break;
	}
}

/* An object may be a place: it stands for its state ("shelled Kharkiv"). */
static int usable_obj(const struct kg_coder *c, int np)
{
	return np >= 0 && !unknown(c, np) && !(c->np[np].f & (NP_ATTRIB | NP_DATELINE | NP_WEAK)) &&
	       (!(c->np[np].f & NP_PLACE) || (c->np[np].actor.country && *c->np[np].actor.country));
}

/* The actor phrase starting at token k, with "and Y" conjuncts. */
static int np_right(const struct kg_coder *c, size_t k, size_t limit, struct side *s)
{
	int p;

	if (k >= limit || !usable_obj(c, p = c->ti[k].np) || c->np[p].a != k)
		return 0;
	/* "his Chinese counterpart Wang Yi": the possessive only determines the phrase */
	if ((c->ti[k].cls & W_PPRON) && c->np[p].b == k + 1 && k + 1 < limit &&
	    usable_obj(c, c->ti[k + 1].np) && c->np[c->ti[k + 1].np].a == k + 1)
		p = c->ti[++k].np;
	side_add(s, p);
	k = c->np[p].b;
	{
		/* "X, Y and Z": commas join only a list that ends in "and". */
		int keep = s->n, conj = 0;
		while (k + 1 < limit && ((c->ti[k].cls & W_CONJ) || is_comma(c, k))) {
			size_t q = k + 1;
			int was_conj = (c->ti[k].cls & W_CONJ) != 0;
			if (q < limit && is(c, q, "also"))
				q++;
			if (!usable_obj(c, p = c->ti[q].np) || c->np[p].a != q)
				break;
			side_add(s, p);
			k = c->np[p].b;
			if (was_conj) {
				conj = 1;
				keep = s->n;
				break;
			}
		}
		if (!conj)
			s->n = keep;
	}
	return 1;
}

/* Skip determiners, adjectives and numbers from k; stop at limit. */
static size_t skip_modifiers(const struct kg_coder *c, size_t k, size_t limit, size_t max)
{
	size_t n = 0;

	/* "at least 20 soldiers", "more than 30 civilians", "up to 50 troops" */
	if (k + 2 < limit && ((is(c, k, "at") && (is(c, k + 1, "least") || is(c, k + 1, "most"))) ||
			      ((is(c, k, "more") || is(c, k, "fewer") || is(c, k, "less")) && is(c, k + 1, "than")) ||
			      (is(c, k, "up") && is(c, k + 1, "to"))) &&
	    (T(k + 2).flags & KG_TOK_NUM))
		k += 2;
	while (k < limit && n < max && c->ti[k].np < 0 && c->ti[k].rel < 0 &&
	       !(c->ti[k].cls & W_THAT) &&
	       ((c->ti[k].cls & (W_DET | W_PPRON | W_POSSIB | W_INT | W_HEDGE)) ||
		(T(k).flags & KG_TOK_NUM) || (lower_word(c, k) && !c->ti[k].cls)))
		k++, n++;
	return k;
}

/* "members of X", "the city of X", "dozens of ...": the head of a phrase
 * whose "of" names the actor (not "deployment of X"). */
static int part_word(const struct kg_coder *c, size_t k)
{
	static const char *const part[] = {
		"members", "member", "leaders", "leader", "supporters", "fighters", "officials",
		"troops", "soldiers", "units", "positions", "bases", "base", "city", "town",
		"village", "province", "region", "capital", "dozens", "hundreds", "thousands",
		"scores", "some", "many", "most", "several", "all", "part", "parts", "remnants",
		"elements", "wing", "branch", "territory", "port", "ports", "commanders",
		"commander", "camps", "hideouts", "strongholds", "infrastructure", "areas", "area",
		"regions", "towns", "cities", "villages", "neighbourhoods", "neighborhoods",
		"outskirts", "north", "south", "east", "west", "centre", "center", "embassy",
		"embassies", "consulate", "consulates", NULL
	};

	if (T(k).flags & KG_TOK_NUM)
		return 1;
	for (int i = 0; part[i]; i++)
		if (is(c, k, part[i]))
			return 1;
	return 0;
}

/* The actor a noun phrase at k names: itself, "X's N", "X camps", or an
 * apposition "the common adversary, ISKP". */
static int object_at(const struct kg_coder *c, size_t k, size_t limit, struct side *s)
{
	size_t j;

	if (np_right(c, k, limit, s))
		return 1;
	j = skip_modifiers(c, k, limit, 4);
	if (j != k && np_right(c, j, limit, s))
		return 1;
	if (j == k && k < limit && c->ti[k].np >= 0 && (c->np[c->ti[k].np].f & NP_WEAK) &&
	    c->np[c->ti[k].np].a == k) {
		j = c->np[c->ti[k].np].b;	/* "the embassies of France" */
		if (np_right(c, j, limit, s))
			return 1;	/* "the paramilitary Rapid Support Forces" */
	}
	{
		/* "blamed a militia loyal to Haftar", "gunmen linked to IS": the
		 * actor the unnamed group serves */
		for (size_t h = j > k ? j - 1 : j; h <= j + 1 && h + 2 < limit; h++)
			if ((is(c, h, "loyal") && is(c, h + 1, "to")) || (is(c, h, "linked") && is(c, h + 1, "to")) ||
			    (is(c, h, "allied") && is(c, h + 1, "with")) ||
			    (is(c, h, "affiliated") && is(c, h + 1, "with")) ||
			    (is(c, h, "aligned") && is(c, h + 1, "with"))) {
				size_t q = skip_modifiers(c, h + 2, limit, 4);
				if (np_right(c, q, limit, s))
					return 1;
				break;
			}
	}
	/* "members of Hamas", "dozens of members of the Islamic State" */
	for (int hop = 0; hop < 2 && j < limit && is(c, j, "of") && j > k && part_word(c, j - 1); hop++) {
		j = skip_modifiers(c, j + 1, limit, 4);
		if (np_right(c, j, limit, s))
			return 1;
	}
	/* apposition (not ", Qatar's prime minister announced": a new clause) */
	if (j < limit && is_comma(c, j)) {
		int n0 = s->n;
		if (np_right(c, j + 1, limit, s)) {
			size_t e = c->np[s->np[s->n - 1]].b;
			if (!(e < NT && lower_word(c, e) && !(c->ti[e].cls & (W_PREP | W_CONJ | W_SUB | W_DET))))
				return 1;
			s->n = n0;
			return 0;
		}
	}
	if (j + 1 < limit && lower_word(c, j) && is_comma(c, j + 1) && np_right(c, j + 2, limit, s))
		return 1;
	return 0;
}

/* End of the clause that contains token k (exclusive). */
static size_t clause_end(const struct kg_coder *c, size_t k, size_t max)
{
	size_t n = 0;

	for (; k < NT && n < max; k++, n++) {
		if (punct(c, k, '.') && k > 0 && T(k - 1).len == 1 && (T(k - 1).flags & KG_TOK_CAP))
			continue;	/* an initial: "S. Jaishankar" */
		if (boundary(c, k) || punct(c, k, '.') || (c->ti[k].cls & W_SAY))
			break;
	}
	return k;
}

/* Does the phrase before the comma at q hold a verb (not an apposition
 * like ", the Russian president,")? */
static int verb_segment(const struct kg_coder *c, size_t q)
{
	size_t j = q, n = 0;

	while (j > 0 && n++ < 30 && !is_comma(c, j - 1) && !boundary(c, j - 1))
		j--;
	if (j > 0 && (c->ti[j - 1].cls & W_SUB))
		return 0;	/* ", which act as guarantors ...,": an inserted clause */
	j = q, n = 0;
	while (j > 0 && n++ < 30 && !is_comma(c, j - 1) && !boundary(c, j - 1)) {
		j--;
		if (c->ti[j].np < 0 && lower_word(c, j) && !(c->ti[j].cls & (W_DET | W_PPRON)))
			return 1;
	}
	return 0;
}

/*
 * The subject of a relation at token r: walk left through the verb group
 * and non-actor words in the clause; skip inserted ", ... ," phrases.
 */
/* A bare agent phrase followed by "linked to / allied with / loyal to /
 * affiliated with / aligned with / tied to" and a named actor: that actor's
 * phrase, else -1. */
static int affiliated(const struct kg_coder *c, int p)
{
	size_t b = c->np[p].b;
	int g;

	if (!(c->np[p].f & NP_AGENTONLY) || b + 2 >= NT)
		return -1;
	if (!((is(c, b, "linked") && is(c, b + 1, "to")) || (is(c, b, "tied") && is(c, b + 1, "to")) ||
	      (is(c, b, "loyal") && is(c, b + 1, "to")) || (is(c, b, "allied") && is(c, b + 1, "with")) ||
	      (is(c, b, "allied") && is(c, b + 1, "to")) || (is(c, b, "affiliated") && is(c, b + 1, "with")) ||
	      (is(c, b, "aligned") && is(c, b + 1, "with"))))
		return -1;
	b += 2;
	if (b + 1 < NT && is(c, b, "the") && c->ti[b].np < 0)
		b++;
	if (b >= NT || (g = c->ti[b].np) < 0 || !usable(c, g) || (c->np[g].f & NP_AGENTONLY))
		return -1;
	return g;
}

static int light_word(const struct kg_coder *c, size_t k);

/* "travelled", "flew", "visited": a trip, whose purpose may follow. */
static int travel_word(const struct kg_coder *c, size_t k)
{
	static const char *const v[] = {
		"travelled", "traveled", "travel", "travels", "travelling", "traveling", "flew", "fly",
		"flies", "flying", "arrived", "arrive", "arrives", "arriving", "went", "go", "goes",
		"headed", "head", "heads", "came", "come", "comes", "returned", "return", "returns",
		"visited", "visit", "visits", "visiting", "rushed", "dispatched", NULL
	};

	for (int i = 0; v[i]; i++)
		if (is(c, k, v[i]))
			return 1;
	return 0;
}

/* "visited Cairo (on Monday) to discuss ...", "flew to Beijing to meet
 * ...": for the verb at r after "to", the token of the trip's verb, else
 * SIZE_MAX.  The purpose is the traveller's, not the place's. */
static size_t purpose_of_trip(const struct kg_coder *c, size_t r)
{
	size_t j, n = 0;
	int p;

	if (r < 3 || !is(c, r - 1, "to"))
		return SIZE_MAX;
	j = r - 1;
	/* "next week", "on Monday", "last month" */
	while (j > 0 && n++ < 4 && c->ti[j - 1].np < 0 &&
	       ((c->ti[j - 1].cls & (W_WDAY | W_MONTH)) || (T(j - 1).flags & KG_TOK_NUM) ||
		is(c, j - 1, "on") || is(c, j - 1, "next") || is(c, j - 1, "last") || is(c, j - 1, "this") ||
		is(c, j - 1, "week") || is(c, j - 1, "month") || is(c, j - 1, "weekend") ||
		is(c, j - 1, "year")))
		j--;
	if (j == 0 || (p = c->ti[j - 1].np) < 0)
		return SIZE_MAX;
	j = c->np[p].a;
	if (j > 0 && (is(c, j - 1, "to") || is(c, j - 1, "in"))) {
		j--;	/* "flew to Beijing", "arrived in Kyiv" */
		/* "sent about 10,000 soldiers to Russia to support ...": the sender */
		if (j > 0 && (p = c->ti[j - 1].np) >= 0) {
			size_t a = c->np[p].a;
			while (a > 0 && n++ < 8 && ((T(a - 1).flags & KG_TOK_NUM) || is(c, a - 1, "about") ||
						    (is_comma(c, a - 1) && a > 1 && (T(a - 2).flags & KG_TOK_NUM)) ||
						    is(c, a - 1, "some") || is(c, a - 1, "more") ||
						    is(c, a - 1, "than") || is(c, a - 1, "least") || is(c, a - 1, "at")))
				a--;
			if (a > 0 && (is(c, a - 1, "sent") || is(c, a - 1, "send") || is(c, a - 1, "sends") ||
				      is(c, a - 1, "deployed") || is(c, a - 1, "deploy") || is(c, a - 1, "deploys") ||
				      is(c, a - 1, "dispatched")))
				return a - 1;
		}
	}
	while (j > 0 && adverb(c, j - 1))
		j--;
	return j > 0 && travel_word(c, j - 1) ? j - 1 : SIZE_MAX;
}

static int subject_left(const struct kg_coder *c, size_t r, struct side *s, int *last_subj,
			const char *noun)
{
	size_t k = r, steps = 0;
	int first = 1, via_conj = 0;

	{
		size_t tv = purpose_of_trip(c, r);
		if (tv != SIZE_MAX && tv < r)
			return subject_left(c, tv, s, last_subj, noun);
	}

	while (k > 0 && steps++ < 24) {
		size_t q = k - 1;
		int p = c->ti[q].np;

		if (p >= 0) {
			const struct np *n = &c->np[p];
			k = n->a;
			/* "after Moscow launched": "after" opens a clause here */
			if ((n->f & NP_PPOBJ) && first && n->a > 0 &&
			    (is(c, n->a - 1, "after") || is(c, n->a - 1, "before") ||
			     is(c, n->a - 1, "since") || is(c, n->a - 1, "until")) && usable(c, p)) {
				side_add(s, p);
				return 1;
			}
			/* "Thousands of Israelis protested": the part is the whole */
			if ((n->f & NP_PPOBJ) && n->a >= 2 && is(c, n->a - 1, "of") &&
			    part_word(c, n->a - 2) && usable(c, p) &&
			    !(n->a >= 3 && (c->ti[n->a - 3].cls & W_DET))) {	/* not "a member of X" */
				conjuncts_left(c, p, s);
				return 1;
			}
			if (!usable(c, p) || (n->f & NP_PPOBJ))
				continue;	/* "a response to Washington's bullying" */
			if (noun && n->a > 0 && c->ti[n->a - 1].rel >= 0 && c->rel[c->ti[n->a - 1].rel].verb &&
			    (!strncmp(c->rel[c->ti[n->a - 1].rel].e->cameo, noun, 2) || light_word(c, n->a - 1))) {
				k = n->a - 1;	/* "killed X's commander in a strike on Y": the killer's strike */
				continue;
			}
			if (via_conj && (n->f & NP_POSS) && !(n->f & NP_PRONOUN) && n->b < r &&
			    c->ti[n->b].rel < 0 && lower_word(c, n->b) && n->a > 0 && lower_word(c, n->a - 1) &&
			    !c->ti[n->a - 1].cls)
				continue;	/* "welcomed Petro's decision and offered": an object's owner */
			if (via_conj && n->a > 1) {
				/* "The Kremlin said Western arms would not change the
				 * war and accused Berlin ...": a modal clause reported
				 * by X, then a verb of X's */
				size_t sv = n->a - 1 - ((c->ti[n->a - 1].cls & W_THAT) && n->a > 2);
				int modal = 0;
				for (size_t q2 = n->b; q2 < r; q2++)
					modal |= (c->ti[q2].cls & W_MODAL) != 0;
				if ((c->ti[sv].cls & W_SAY) && sv > 0 && c->ti[sv - 1].np >= 0 && modal &&
				    !unknown(c, c->ti[sv - 1].np) &&
				    !(c->np[c->ti[sv - 1].np].f & (NP_PLACE | NP_WEAK | NP_DATELINE))) {
					side_add(s, c->ti[sv - 1].np);
					return 1;
				}
			}
			{
				/* "gunmen linked to the Islamic State killed ...": the
				 * group acts through its unnamed fighters */
				int g = affiliated(c, p);
				if (g >= 0) {
					side_add(s, g);
					return 1;
				}
			}
			conjuncts_left(c, p, s);
			return 1;
		}
		if ((is(c, q, "who") || is(c, q, "which")) && q > 0) {
			/* "Erdogan, who met X": the antecedent acts */
			size_t a = q - (is_comma(c, q - 1) && q > 1 ? 1 : 0);
			int p2 = c->ti[a - 1].np;
			if (a > 0 && p2 >= 0 && (usable(c, p2) || (c->np[p2].f & NP_ATTRIB)) &&
			    !(c->np[p2].f & NP_PPOBJ)) {
				side_add(s, p2);
				return 1;
			}
			return 0;
		}
		if (punct(c, q, ')')) {
			/* "militants (JNIM) attacked": skip the brackets */
			size_t j = q, n = 0;
			while (j > 0 && n++ < 12 && !punct(c, j - 1, '('))
				j--;
			if (j > 0 && punct(c, j - 1, '(')) {
				k = j - 1;
				continue;
			}
		}
		if (via_conj && (c->ti[q].cls & W_SAY) && q > 0 && c->ti[q - 1].np >= 0) {
			/* "X said ... and urged Y": the speaker urged */
			side_add(s, c->ti[q - 1].np);
			return 1;
		}
		if (via_conj && (c->ti[q].cls & W_THAT)) {
			/* "X said in a statement that ... and called on Y": X */
			for (size_t q2 = q, n2 = 0; q2 > 1 && n2 < 5; q2--, n2++)
				if ((c->ti[q2 - 1].cls & W_SAY) && c->ti[q2 - 2].np >= 0 &&
				    !unknown(c, c->ti[q2 - 2].np) &&
				    !(c->np[c->ti[q2 - 2].np].f & (NP_PLACE | NP_WEAK | NP_DATELINE))) {
					side_add(s, c->ti[q2 - 2].np);
					return 1;
				}
		}
		if (boundary(c, q) || (c->ti[q].cls & (W_SAY | W_THAT)))
			return 0;
		if ((c->ti[q].cls & W_CONJ) && (first || (q + 1 < NT && c->ti[q + 1].np < 0 &&
							 lower_word(c, q + 1) && !(c->ti[q + 1].cls & W_DET)))) {
			/* "attacked X and killed Y", "met X and pledged aid to Y":
			 * the same subject as the verb before. */
			if (*last_subj >= 0) {
				side_add(s, *last_subj);
				return 1;
			}
			first = 0;	/* no verb before: the subject is further left */
			via_conj = 1;
			k = q;
			continue;
		}
		if (is_comma(c, q) && first && q + 1 < NT && c->ti[q + 1].rel >= 0 &&
		    !(c->rel[c->ti[q + 1].rel].e->forms & KG_FORM_ING) && c->rel[c->ti[q + 1].rel].verb &&
		    verb_segment(c, q)) {
			/* "Niger junta orders troops out, deepens ties with Russia":
			 * a comma joining two verbs keeps the subject */
			if (*last_subj >= 0) {
				side_add(s, *last_subj);
				return 1;
			}
			for (size_t p2 = 0; p2 < c->nnp && p2 < 32 && c->np[p2].a < q; p2++)
				if (usable(c, (int)p2) && !(c->np[p2].f & NP_PPOBJ)) {
					conjuncts_left(c, (int)p2, s);
					return 1;
				}
			return 0;
		}
		if (is_comma(c, q)) {
			/* An inserted phrase: jump to the comma that opens it. */
			size_t j = q, n = 0;
			while (j > 0 && n++ < 30 && !is_comma(c, j - 1) &&
			       !(boundary(c, j - 1) && (T(j - 1).flags & KG_TOK_PUNCT)))
				j--;
			if (j > 0 && is_comma(c, j - 1)) {
				k = j - 1;
				continue;
			}
			return 0;	/* a fronted phrase: "In response, ..." */
		}
		if (c->ti[q].rel >= 0 && c->rel[c->ti[q].rel].verb && is(c, q + 1, "to")) {
			k = q;	/* "offered to help X": the offer governs the help */
			continue;
		}
		if (c->ti[q].rel >= 0 && c->rel[c->ti[q].rel].verb && purpose_of_trip(c, q) != SIZE_MAX &&
		    (!noun || !strncmp(c->rel[c->ti[q].rel].e->cameo, noun, 2)))
			/* "visited Baku to discuss the talks with X" */
			return subject_left(c, purpose_of_trip(c, q), s, last_subj, NULL);
		if (noun && c->ti[q].rel >= 0 && c->rel[c->ti[q].rel].verb && light_word(c, q)) {
			k = q;	/* "launched two days of drills": the launcher's drills */
			continue;
		}
		if (noun && c->ti[q].rel >= 0 && c->rel[c->ti[q].rel].verb &&
		    !(c->ti[q].cls & (W_INT | W_CONS)) &&
		    !(c->rel[c->ti[q].rel].e->lemma && !strcmp(c->rel[c->ti[q].rel].e->lemma, "order"))) {
			/* "blamed the attack on X" is not the blamer's attack, but
			 * "signed a deal" is the signer's deal. */
			if (strncmp(c->rel[c->ti[q].rel].e->cameo, noun, 2))
				return 0;
			k = q;
			continue;
		}
		if (c->ti[q].rel >= 0 && c->rel[c->ti[q].rel].verb && !first &&
		    !(c->rel[c->ti[q].rel].e->forms & KG_FORM_ING) && !(c->ti[q].cls & (W_INT | W_CONS)) &&
		    !(q > 0 && c->ti[q - 1].np >= 0 && affiliated(c, c->ti[q - 1].np) >= 0))
			return 0;	/* another finite verb: its own clause */
		if (!(c->ti[q].cls & (W_CONJ)) || !first)
			first = first && (adverb(c, q) || (c->ti[q].cls & (W_AUX | W_MODAL)));
		k = q;
	}
	return 0;
}

/* The object of an active verb or the target of a noun. */
static int object_right(const struct kg_coder *c, const struct rel *r, struct side *s)
{
	const char *prep = r->e->prep ? r->e->prep : "";
	size_t end = clause_end(c, r->b, 14), k = r->b;
	int direct = strstr(prep, "_") != NULL;

	while (k < end && adverb(c, k))
		k++;
	if (r->verb && direct && object_at(c, k, end, s))
		return 1;
	if (r->verb && !direct && !r->passive && r->e->cameo[0] == '0' && r->e->cameo[1] == '7' &&
	    np_right(c, k, end, s)) {
		/* "agreed to provide Iran with fighter jets": the recipient is
		 * the object when "with" names the thing given */
		int last = s->np[s->n - 1];
		if (c->np[last].b < end && is(c, c->np[last].b, "with"))
			return 1;
		s->n = 0;
	}
	if (r->verb && direct && !strncmp(r->e->cameo, "13", 2) && k + 1 < NT && (c->ti[k].cls & W_THAT)) {
		/* "warned that Western arms deliveries would escalate the war":
		 * the warning is aimed at the clause's subject */
		size_t j = skip_modifiers(c, k + 1, clause_end(c, k + 1, 10), 2);
		int p = j < NT ? c->ti[j].np : -1;
		if (p >= 0 && c->np[p].a == j && !(c->np[p].f & NP_PRONOUN) &&
		    np_right(c, j, clause_end(c, j, 10), s))
			return 1;
	}
	if (r->verb && direct && (!strncmp(r->e->cameo, "12", 2) || !strncmp(r->e->cameo, "11", 2))) {
		/* "rejected calls from X", "rejected a proposal by X",
		 * "condemned joint exercises by X and Y", "rejected repeated
		 * offers of talks from X": the act or proposal is X's */
		size_t j = k, n = 0;
		while (j < end && n++ < 6 && c->ti[j].np < 0 && !is(c, j, "by") && !is(c, j, "from") &&
		       ((c->ti[j].rel >= 0 && !c->rel[c->ti[j].rel].verb) || is(c, j, "of") ||
			(c->ti[j].cls & (W_DET | W_PPRON | W_INT)) || (T(j).flags & KG_TOK_NUM) ||
			(lower_word(c, j) && !(c->ti[j].cls & ~(unsigned)W_DET))))
			j++;
		if (j > k && j < end && (is(c, j, "by") || is(c, j, "from")) && !is(c, j - 1, "of") &&
		    np_right(c, j + 1, end, s))
			return 1;
	}
	/* "... with X", "... on X": the first listed preposition ahead. */
	for (; k < end; k++) {
		char w[32];
		size_t n;
		const char *t = norm_of(c, k, &n);
		const char *hit;

		if (c->ti[k].rel >= 0 && k != r->a) {
			/* "signed a deal with X", "discussed a meeting with X": the
			 * noun of the same kind takes the target; "blamed the attack
			 * on X": the verb keeps its own. */
			const struct rel *o = &c->rel[c->ti[k].rel];
			if (o->verb || !strncmp(o->e->cameo, r->e->cameo, 2))
				return 0;
		}
		if (!(c->ti[k].cls & W_PREP) || n >= sizeof w - 1)
			continue;
		if (!r->verb && is(c, k, "of")) {
			/* "tariffs of up to 15% on X": an amount, then the target */
			size_t q = k + 1, n2 = 0;
			while (q < end && n2++ < 6 &&
			       ((T(q).flags & KG_TOK_NUM) || is(c, q, "up") || is(c, q, "to") || is(c, q, "%") ||
				is(c, q, "percent") || is(c, q, "per") || is(c, q, "cent") || is(c, q, "about") ||
				is(c, q, "around") || is(c, q, "billion") || is(c, q, "million") || is(c, q, "$")))
				q++;
			if (q > k + 1 && q < end && n2 > 1 && (c->ti[q].cls & W_PREP) && (T(q - 1).flags & (KG_TOK_NUM | KG_TOK_PUNCT) ||
											       lower_word(c, q - 1))) {
				k = q - 1;
				continue;
			}
		}
		if (!r->verb && is(c, k, "by") && k + 1 < end && c->ti[k + 1].np >= 0) {
			k = c->np[c->ti[k + 1].np].b - 1;	/* "the attack by X on Y" */
			continue;
		}
		if (is(c, k, "at") && k + 1 < end && (is(c, k + 1, "least") || is(c, k + 1, "most"))) {
			k++;	/* "at least 40 drones at Odesa" */
			continue;
		}
		memcpy(w, t, n);
		w[n] = 0;
		for (hit = strstr(prep, w); hit; hit = strstr(hit + 1, w))
			if ((hit == prep || hit[-1] == '|') && (hit[n] == 0 || hit[n] == '|'))
				break;
		if (!hit) {
			if (!r->verb)
				return 0;	/* a noun takes its target right away */
			continue;
		}
		return object_at(c, k + 1, end, s);
	}
	return 0;
}

/* "by X" right after a passive verb or an event noun. */
static int agent_by(const struct kg_coder *c, size_t k, size_t max, struct side *s)
{
	size_t end = clause_end(c, k, max);

	static const char *const pp[] = {
		"held", "led", "run", "backed", "controlled", "seized", "taken", "built", "made", "owned",
		"operated", "supported", "funded", "armed", "occupied", "claimed", NULL
	};

	for (; k < end; k++) {
		if (is(c, k, "by") && k > 0)
			for (int i = 0; pp[i]; i++)
				if (is(c, k - 1, pp[i]))
					return 0;	/* "strikes on a town held by rebels": the town's holders */
		if (is(c, k, "by"))
			return object_at(c, k + 1, end, s);
		/* "the attack on X was condemned by Y": the verb's agent */
		if ((c->ti[k].cls & (W_AUX | W_MODAL)) || (c->ti[k].rel >= 0 && c->rel[c->ti[k].rel].verb))
			return 0;
	}
	return 0;
}

/* "an attack ... in Kerman": the place's state is the target. */
static int place_target(struct kg_coder *c, size_t k, size_t limit, struct side *s)
{
	size_t end = clause_end(c, k, 10);

	if (limit && end > limit)
		end = limit;

	for (; k < end; k++) {
		int p = c->ti[k].np;
		if (p >= 0 && c->np[p].a == k && k > 0 && (is(c, k - 1, "in") || is(c, k - 1, "near")) &&
		    ((c->np[p].f & NP_PLACE) || ((c->np[p].f & NP_POSS) && is_state(&c->np[p].actor)))) {
			side_add(s, p);
			return 1;
		}
	}
	return 0;
}

/* ---- modality ---- */

struct mod {
	enum kg_modality m;
	int negated;
};

/* "agreed (on Wednesday) to a ceasefire": an agreement reached, not an
 * intention ("agreed to talk") */
static int agreed_noun(const struct kg_coder *c, size_t k)
{
	size_t j, w;
	const struct kg_lex_entry *e;

	if (!(is(c, k, "agreed") || is(c, k, "agree") || is(c, k, "agrees")))
		return 0;
	for (j = k + 1; j < k + 4 && j < NT && !is(c, j, "to"); j++)
		;
	if (j + 1 >= NT || !is(c, j, "to"))
		return 0;
	j++;
	if (c->ti[j].cls & W_DET)
		return 1;
	for (e = lookup(c, j, M_REL, &w); e; e = e->next)
		if (e->kind == KG_LEX_RELATION && e->pos[0] == 'n')
			return 1;
	return 0;
}

static void scan_modality(const struct kg_coder *c, size_t a, size_t b, struct mod *m)
{
	int cons = 0, intd = 0, poss = 0;

	/* "Japan to hold talks with China": a headline's future */
	if (a < b && a + 1 < NT && is(c, a, "to") && a > 0 && c->ti[a - 1].np >= 0 &&
	    !punct(c, NT - 1, '.'))
		intd = 1;
	for (size_t k = a; k < b && k < NT; k++) {
		unsigned cls = c->ti[k].cls;

		if (c->ti[k].np >= 0)
			continue;
		if (cls & W_CONS)
			cons = 1;
		/* "agreed to a ceasefire" is an agreement, "agreed to talk" an
		 * intention */
		if ((cls & W_INT) && !agreed_noun(c, k))
			intd = 1;
		if (cls & W_POSSIB)
			poss = 1;
		if (cls & (W_NEG | W_NEGV))
			m->negated = 1;
		if (c->ti[k].rel >= 0 && (c->rel[c->ti[k].rel].e->rflags & KG_RELF_CTRL))
			intd = 1;
	}
	/* "would have been obliged to arrest": counterfactual, only possible */
	for (size_t k = a; k + 1 < b && k + 1 < NT; k++)
		if ((c->ti[k].cls & W_MODAL) && is(c, k + 1, "have"))
			poss = 1, intd = 0;
	if (cons)
		m->m = KG_MOD_CONSIDERED;
	else if (intd && !poss)
		m->m = KG_MOD_INTENDED;
	else if (poss)
		m->m = KG_MOD_POSSIBLE;
	else if (intd)
		m->m = KG_MOD_INTENDED;
}

/* ---- triples ---- */

static void emit(struct kg_coder *c, const struct rel *r, const struct kg_actor *s,
		 const struct kg_actor *o, const struct kg_actor *against, const struct mod *m,
		 double conf)
{
	struct kg_triple *t;
	const struct kg_cameo *cm;
	char code[8];

	if (!s->name || !o->name || !*s->name || !*o->name)
		return;
	if (s->code && o->code && *s->code && !strcmp(s->code, o->code))
		return;	/* an actor does not act on itself */
	if (!strcmp(s->name, o->name))
		return;
	/* Iran's minister "warned that Tehran ...": not an act on his own state */
	if ((s->type == KG_ACTOR_PERSON || s->type == KG_ACTOR_GOVERNMENT) && s->country &&
	    o->code && is_state(o) && !strcmp(s->country, o->code))
		return;
	/* nor a state on its own government or leader ("visit Washington to
	 * discuss ... with President Joe Biden"), but for domestic acts:
	 * protest (14), coercion and arrest (17) */
	if ((o->type == KG_ACTOR_PERSON || o->type == KG_ACTOR_GOVERNMENT) && o->country && s->code && is_state(s) && !strcmp(o->country, s->code) &&
	    strncmp(r->e->cameo, "14", 2) && strncmp(r->e->cameo, "17", 2) && strncmp(r->e->cameo, "18", 2) &&
	    strncmp(r->e->cameo, "19", 2) && strncmp(r->e->cameo, "20", 2))
		return;
	/* "Maduro ordered the Venezuelan military to ...": a state's
	 * government and army are one side for acts short of force */
	if (s->country && o->country && !strcmp(s->country, o->country) && s->code && o->code &&
	    strlen(s->code) == 6 && strlen(o->code) == 6 &&
	    (!strcmp(s->code + 3, "GOV") || !strcmp(s->code + 3, "MIL")) &&
	    (!strcmp(o->code + 3, "GOV") || !strcmp(o->code + 3, "MIL")) &&
	    strncmp(r->e->cameo, "14", 2) && strncmp(r->e->cameo, "17", 2) &&
	    strncmp(r->e->cameo, "18", 2) && strncmp(r->e->cameo, "19", 2) && strncmp(r->e->cameo, "20", 2))
		return;
	snprintf(code, sizeof code, "%s", r->e->cameo);
	/* An intention to meet or cooperate is CAMEO 03, not the act. */
	if (m->m != KG_MOD_ACTUAL && code[0] == '0' && code[1] >= '4' && code[1] <= '7')
		snprintf(code, sizeof code, "%s", !strcmp(code, "045") ? "039" : code[1] == '4' ? "036" :
			 code[1] == '7' ? "033" : "030");
	if (!(cm = kg_lex_cameo(c->lx, code)))
		cm = kg_lex_cameo(c->lx, r->e->cameo);
	/* one triple per dyad and code in a sentence, however it was reached */
	for (size_t q = c->res.ntriples; q > 0 && c->res.triples[q - 1].sentence == c->si; q--) {
		const struct kg_triple *u = &c->res.triples[q - 1];
		if (!strcmp(u->cameo, cm ? cm->code : code) && !strcmp(u->subject.name, s->name) &&
		    !strcmp(u->object.name, o->name) && u->modality == m->m && u->negated == m->negated)
			return;
	}
	KG_GROW(c->res.triples, c->res.ntriples + 1, c->tcap);
	t = &c->res.triples[c->res.ntriples++];
	memset(t, 0, sizeof *t);
	t->sentence = c->si;
	t->subject = *s;
	t->object = *o;
	if (against) {
		t->has_against = true;
		t->against = *against;
	}
	t->predicate = r->e->label;
	snprintf(t->cameo, sizeof t->cameo, "%s", cm ? cm->code : code);
	t->quad_class = cm ? cm->quad_class : 0;
	t->goldstein = cm ? cm->goldstein : 0;
	t->modality = m->m;
	t->negated = m->negated;
	t->reported = c->reported;
	snprintf(t->event_date, sizeof t->event_date, "%s", c->sdate);
	t->location = c->location;
	t->attribution = c->attribution;
	if (c->reported)
		conf -= 0.05;
	if (m->m != KG_MOD_ACTUAL)
		conf -= 0.05;
	t->confidence = conf < 0.05 ? 0.05 : conf > 1 ? 1 : conf;
}

static const struct kg_actor *place_state(const struct kg_coder *c, const struct np *p)
{
	const struct kg_lex_entry *st;
	static const char *const land[] = {
		"land", "lands", "territory", "territories", "soil", "airspace", "waters", "border",
		"borders", "coast", "coastline", NULL
	};

	if ((p->f & NP_POSS) && p->b < NT && p->actor.country && !is_state(&p->actor))
		for (int i = 0; land[i]; i++)
			if (is(c, p->b, land[i]) && (st = kg_lex_by_code(c->lx, p->actor.country)))
				return &st->actor;	/* "occupied its land": the state's */
	if (!(p->f & NP_PLACE))
		return &p->actor;
	st = p->actor.country ? kg_lex_by_code(c->lx, p->actor.country) : NULL;
	return st ? &st->actor : NULL;
}

/* "to counter X", "against X" after a cooperative relation: the third party. */
static int third_party(struct kg_coder *c, size_t k, struct side *s)
{
	size_t end = clause_end(c, k, 10), j;

	for (j = k; j < end; j++) {
		if (is(c, j, "to") && j + 1 < NT && c->ti[j + 1].rel >= 0) {
			struct rel *r = &c->rel[c->ti[j + 1].rel];
			if (!(r->e->rflags & KG_RELF_COUNTER))
				return 0;
			/* past the clause's end by a little: "the adversary, ISKP" */
			size_t lim = clause_end(c, r->b, 10) + 3;
			if (object_at(c, r->b, lim > NT ? NT : lim, s)) {
				r->used = 1;
				return 1;
			}
			return 0;
		}
		if (is(c, j, "against") && object_at(c, j + 1, end, s))
			return 1;
	}
	return 0;
}

/* "suspended its partnership with", "halted talks with": a verb that
 * ends the cooperation the noun names. */
static int reversed(const struct kg_coder *c, size_t a, size_t b)
{
	static const char *const stop[] = {
		"suspended", "suspend", "suspends", "suspending", "halted", "halt", "halts",
		"ended", "end", "ends", "froze", "freeze", "freezes", "frozen", "scrapped",
		"scrap", "cancelled", "canceled", "cancel", "abandoned", "abandon", "severed",
		"terminated", "terminate", "quit", "exited", "broke", "downgraded", NULL
	};

	if (b > a + 8)
		a = b - 8;
	for (size_t k = a; k < b; k++)
		for (int i = 0; stop[i]; i++)
			if (is(c, k, stop[i]))
				return 1;
	return 0;
}

/* The reduced-relations reading of a cooperation noun: 164 for talks,
 * 160 for the rest; kept in the coder (no lexicon entry of its own). */
static struct rel *reverse_rel(struct kg_coder *c, struct rel *r, int root)
{
	struct kg_lex_entry *e = kg_arena_alloc(&c->arena, sizeof *e);
	struct rel *n = kg_arena_alloc(&c->arena, sizeof *n);

	*e = *r->e;
	e->cameo = root == 4 ? "164" : "160";
	e->label = root == 4 ? "halts talks with" : "reduces relations with";
	e->rflags &= ~(unsigned)KG_RELF_SYM;
	*n = *r;
	n->e = e;
	return n;
}

/* Between a subject and its event noun only auxiliaries, adverbs,
 * determiners, adjectives and a light verb (held, began, signed ...). */
static int light_word(const struct kg_coder *c, size_t k)
{
	static const char *const light[] = {
		"held", "hold", "holds", "holding", "began", "begin", "begins", "started",
		"start", "resumed", "resume", "continued", "continue", "opened", "open",
		"concluded", "reached", "reach", "conducted", "launched", "signed", "sign",
		"agreed", "announced", "completed", "finalized", "struck", NULL
	};

	for (int i = 0; light[i]; i++)
		if (is(c, k, light[i]))
			return 1;
	return 0;
}

static int light_path(const struct kg_coder *c, size_t a, size_t b)
{
	int verbs = 0;

	for (size_t k = b; k > a; k--)
		if (is_comma(c, k - 1)) {
			a = k;	/* after an inserted ", whose ... ," */
			break;
		}
	for (size_t k = a; k < b; k++) {
		int lv = 0;
		if (c->ti[k].cls & (W_AUX | W_MODAL | W_DET | W_ADV | W_NEG | W_INT | W_CONS | W_POSSIB | W_HEDGE))
			continue;
		lv = light_word(c, k);
		if (lv || (c->ti[k].rel >= 0 && c->rel[c->ti[k].rel].verb)) {
			verbs++;
			continue;
		}
		if (is(c, k, "to"))
			continue;	/* "agreed to open talks" */
		if ((c->ti[k].cls & W_PREP) && k + 1 < b &&
		    ((c->ti[k + 1].cls & (W_WDAY | W_MONTH)) || (T(k + 1).flags & KG_TOK_NUM))) {
			k++;	/* "agreed on Wednesday to a ceasefire" */
			continue;
		}
		if (!lower_word(c, k) || (c->ti[k].cls & W_PREP))
			return 0;
		if (ends_with(c, k, "ed") && k + 1 < b && !(c->ti[k + 1].rel >= 0))
			return 0;	/* "welcomed the agreement": another verb */
		if (k + 1 < b && !(c->ti[k + 1].rel >= 0))
			continue;	/* an adjective before the noun */
	}
	return verbs <= 1;
}

static void emit(struct kg_coder *c, const struct rel *r, const struct kg_actor *s,
		 const struct kg_actor *o, const struct kg_actor *against, const struct mod *m,
		 double conf);

/*
 * "Syria demanded a Turkish withdrawal", "Hamas rejected Israel's
 * proposal": an event noun that is the object of an appeal, demand or
 * rejection has not happened; the verb's act is aimed at the noun's source.
 */
static int demanded(struct kg_coder *c, const struct rel *r, int *last_subj, int main_subj,
		    const struct side *src)
{
	size_t k = r->a, n = 0;
	const struct rel *gv;
	struct side subj = {{0}, 0};
	struct mod m = {KG_MOD_ACTUAL, 0};
	int root, i, j;

	(void)main_subj;
	while (k > 0 && n++ < 5) {
		size_t q = k - 1;
		if (c->ti[q].rel >= 0)
			break;
		if (c->ti[q].cls & (W_PREP | W_SUB | W_SAY | W_CONJ))
			return 0;	/* "pressure Israel to respect the agreement" */
		if (!((c->ti[q].cls & (W_DET | W_POSSIB | W_INT)) || lower_word(c, q) ||
		      c->ti[q].np >= 0 || (T(q).flags & KG_TOK_POSS)))
			return 0;
		k = q;
	}
	if (k == 0 || c->ti[k - 1].rel < 0)
		return 0;
	gv = &c->rel[c->ti[k - 1].rel];
	root = atoi(gv->e->cameo) / 10;
	if (!gv->verb || gv->used || (root != 2 && root != 10 && root != 12))
		return 0;
	if (gv->e->lemma && !strcmp(gv->e->lemma, "order"))
		return 0;	/* "ordered an invasion": the orderer's act, not a demand */
	if (!subject_left(c, gv->a, &subj, last_subj, NULL))
		return 1;	/* the noun is still not an event */
	scan_modality(c, c->np[subj.np[0]].b, gv->a, &m);
	for (i = 0; i < subj.n; i++)
		for (j = 0; j < src->n; j++)
			emit(c, gv, &c->np[subj.np[i]].actor, &c->np[src->np[j]].actor, NULL, &m, 0.7);
	return 1;
}

/* "condemned the attack", "denounced these strikes": a definite violent
 * event noun with no actor of its own refers back to the article's last
 * act of that kind (the same lemma, or any act for "attack"); its doer is
 * the target. */
static const struct kg_actor *hit_doer(const struct kg_coder *c, const struct rel *o);

static const struct kg_actor *event_ref(const struct kg_coder *c, const struct rel *r)
{
	size_t k = r->b, n = 0;
	int def = 0;
	const struct rel *o;

	while (k < NT && n++ < 3 && c->ti[k].np < 0 && c->ti[k].rel < 0 &&
	       ((c->ti[k].cls & W_DET) || (lower_word(c, k) && !c->ti[k].cls))) {
		if (is(c, k, "the") || is(c, k, "this") || is(c, k, "these") || is(c, k, "that") ||
		    is(c, k, "those"))
			def = 1;
		k++;
	}
	if (!def || k >= NT || c->ti[k].rel < 0 || (o = &c->rel[c->ti[k].rel])->verb)
		return NULL;
	if (atoi(o->e->cameo) / (strlen(o->e->cameo) > 3 ? 100 : 10) < 18) {
		/* "condemned the exercises": the doer of the last act of that
		 * name ("joint exercises"), within four sentences */
		const char *nl = o->e->lemma ? o->e->lemma : o->e->phrase, *ls = strrchr(nl, ' ');
		ls = ls ? ls + 1 : nl;
		for (size_t h = c->nacts; h > 0 && c->nacts - h < 8 && c->si - c->acts[(h - 1) % 8].si <= 4; h--) {
			const char *ph = c->acts[(h - 1) % 8].phrase, *lp = strrchr(ph, ' ');
			lp = lp ? lp + 1 : ph;
			size_t ml = strlen(ph) < strlen(nl) ? strlen(ph) : strlen(nl);
			/* "met" ... "the meeting": one lemma the start of the other */
			if (c->acts[(h - 1) % 8].si != c->si &&
			    (!strcmp(ph, nl) || !strcmp(lp, ls) || (ml >= 4 && !strncmp(ph, nl, ml))))
				return &c->acts[(h - 1) % 8].actor;
		}
		return NULL;
	}
	return hit_doer(c, o);
}

/* The doer of the article's last act that the violent event noun o names
 * (the same lemma, or any act for "attack"), within four sentences. */
static const struct kg_actor *hit_doer(const struct kg_coder *c, const struct rel *o)
{
	const struct kg_actor *best = NULL;
	size_t best_si = 0;

	for (size_t h = c->nhits; h > 0 && c->nhits - h < 8 && c->si - c->hits[(h - 1) % 8].si <= 4; h--) {
		const struct kg_actor *a = &c->hits[(h - 1) % 8].actor;
		const char *ph = c->hits[(h - 1) % 8].phrase;
		const char *nl = o->e->lemma ? o->e->lemma : o->e->phrase;
		if (best && c->hits[(h - 1) % 8].si != best_si)
			break;
		/* "the attack", "the shooting", "the assault": any act; of
		 * two acts in one sentence the first, the main clause's ("Iran
		 * fired missiles at Israel in retaliation for an Israeli strike") */
		if (!strncmp(ph, nl, 4) || !strcmp(nl, "attack") || !strcmp(nl, "shooting") ||
		    !strcmp(nl, "assault") || !strcmp(nl, "aggression") || !strcmp(nl, "incursion")) {
			best = a;
			best_si = c->hits[(h - 1) % 8].si;
		}
	}
	return best;
}

/* An earlier act as a subject: "The recent attack by X on Y (drew
 * condemnation ...)", "Israel's strike on the consulate (was condemned
 * ...)", "The attack (was condemned ...)": the doer of the first event
 * noun of roots 13-20 in the clause that ends before token g. */
static int subject_event_np(const struct kg_coder *c, size_t g, const struct rel **op)
{
	size_t a = g, k, n = 0;
	const struct rel *o = NULL;

	*op = NULL;
	while (a > 0 && n++ < 16 && !boundary(c, a - 1) && !(c->ti[a - 1].cls & (W_SAY | W_THAT)) &&
	       !punct(c, a - 1, '.'))
		a--;
	for (k = a; k < g && !o; k++)
		if (c->ti[k].rel >= 0 && !c->rel[c->ti[k].rel].verb &&
		    atoi(c->rel[c->ti[k].rel].e->cameo) / (strlen(c->rel[c->ti[k].rel].e->cameo) > 3 ? 100 : 10) >= 13)
			o = &c->rel[c->ti[k].rel];
	if (!o)
		return -1;
	*op = o;
	k = o->a;
	/* "Israel's strike", "Houthi attacks", "Russian shelling" */
	for (n = 0; k > a && n < 3 && c->ti[k - 1].np < 0 && lower_word(c, k - 1) && !c->ti[k - 1].cls; n++)
		k--;
	if (k > a && c->ti[k - 1].np >= 0 && usable(c, c->ti[k - 1].np) &&
	    (c->np[c->ti[k - 1].np].f & (NP_POSS | NP_ADJ) || c->np[c->ti[k - 1].np].b == o->a))
		return c->ti[k - 1].np;
	/* "the attack by X on Y" */
	for (k = o->b; k < g; k++)
		if (is(c, k, "by") && k + 1 < g && c->ti[k + 1].np >= 0 && usable(c, c->ti[k + 1].np))
			return c->ti[k + 1].np;
		else if (is(c, k, "by") && k + 2 < g && (c->ti[k + 1].cls & W_DET) && c->ti[k + 2].np >= 0 &&
			 usable(c, c->ti[k + 2].np))
			return c->ti[k + 2].np;
	return -1;
}

static const struct kg_actor *subject_event(const struct kg_coder *c, size_t g)
{
	const struct rel *o;
	int p = subject_event_np(c, g, &o);

	if (p >= 0)
		return &c->np[p].actor;
	/* "The attack drew condemnation": the last act of that kind */
	return o ? hit_doer(c, o) : NULL;
}

/* "drew condemnation from X", "sparked criticism from X", "met with
 * protests from X": the token of the verb that governs the reaction noun
 * at r (or SIZE_MAX). */
static size_t reaction_verb(const struct kg_coder *c, const struct rel *r)
{
	size_t k = r->a, n = 0;

	while (k > 0 && n++ < 4 && c->ti[k - 1].np < 0 && c->ti[k - 1].rel < 0) {
		if (reaction_word(c, k - 1))
			return k - 1;
		if (!((c->ti[k - 1].cls & (W_DET | W_ADV)) || is(c, k - 1, "with") ||
		      (lower_word(c, k - 1) && !c->ti[k - 1].cls && !ends_with(c, k - 1, "ed"))))
			break;
		k--;
	}
	return SIZE_MAX;
}

/* A side named by a count of its people ("nine soldiers", "20 police")
 * is their state. */
static const struct kg_actor *side_of(const struct kg_coder *c, const struct kg_actor *a)
{
	static const char *const num[] = {
		"two ", "three ", "four ", "five ", "six ", "seven ", "eight ", "nine ", "ten ",
		"dozens ", "hundreds ", "several ", "at least ", "more than ", NULL
	};
	const struct kg_lex_entry *st;
	int counted = a && a->name && a->name[0] >= '0' && a->name[0] <= '9';

	for (int i = 0; a && a->name && num[i]; i++)
		counted |= !strncasecmp(a->name, num[i], strlen(num[i]));
	/* "Colombian soldiers" killed: the victims' state */
	if (a && a->name && (strstr(a->name, "soldiers") || strstr(a->name, "police") ||
			     strstr(a->name, "officers") || strstr(a->name, "civilians")))
		counted = 1;
	if (counted && a->country && (st = kg_lex_by_code(c->lx, a->country)))
		return &st->actor;
	return a;
}

/* "both sides", "the warring parties", "the two countries": the length
 * of such a phrase at k (0 if none); *pair is set when it names exactly
 * two ("both", "the two"), so that two states may be meant. */
static size_t sides_len(const struct kg_coder *c, size_t k, int *pair)
{
	static const char *const two[] = {
		"sides", "parties", "countries", "nations", "neighbours", "neighbors",
		"governments", "states", NULL
	};
	size_t n = 0, h;
	int p = 0;

	if (k + 1 >= NT)
		return 0;
	if (is(c, k, "both") || is(c, k, "all"))
		h = k + 1, p = is(c, k, "both");
	else if (k + 2 < NT && is(c, k, "the") && (is(c, k + 1, "two") || is(c, k + 1, "warring")))
		h = k + 2, p = is(c, k + 1, "two");
	else
		return 0;
	if (is(c, h, "warring") && h + 1 < NT && !is(c, h - 1, "warring"))
		h++;
	for (int i = 0; two[i]; i++)
		if (is(c, h, two[i]))
			n = h + 1 - k;
	/* "all countries" is no pair; "all sides" / "all parties" are */
	if (n && is(c, k, "all") && !is(c, h, "sides") && !is(c, h, "parties"))
		return 0;
	if (pair)
		*pair = p;
	return n;
}

/* The two states last spoken of, other than the states of the actors in
 * excl ("Kazakhstan offered to host talks between the two countries"):
 * 1 if two were found. */
static int two_states(const struct kg_coder *c, const struct side *excl, const struct kg_actor **two,
		      int sides)
{
	size_t i, n = c->nmemo < MEMO ? c->nmemo : MEMO;
	const char *got[2] = {NULL, NULL};
	const struct kg_actor *act[2] = {NULL, NULL};
	int ng = 0;

	if (!sides)
		n = c->nsrec < MEMO ? c->nsrec : MEMO;
	for (i = 1; i <= n && ng < 2; i++) {
		const struct kg_actor *a = &c->memo[(c->nmemo - i) % MEMO].actor;
		const char *cc = is_state(a) ? a->code : a->country;
		int skip = 0;
		if (!sides) {
			const struct kg_lex_entry *se = kg_lex_by_code(c->lx, c->srec[(c->nsrec - i) % MEMO]);
			if (!se)
				continue;
			a = &se->actor;
			cc = a->code;
		}
		/* "the two sides": any two actors (an army and a militia), not
		 * only states */
		if (sides && a->code && *a->code && a->type != KG_ACTOR_MEDIA && a->type != KG_ACTOR_GROUP)
			cc = a->code;
		if (a->type == KG_ACTOR_MEDIA || !cc || (!sides && strlen(cc) != 3) || strlen(cc) < 3)
			continue;
		for (int j = 0; excl && j < excl->n; j++) {
			const struct kg_actor *x = &c->np[excl->np[j]].actor;
			const char *xc = is_state(x) ? x->code : x->country;
			if ((xc && !strncmp(xc, cc, 3)) || (x->code && !strcmp(x->code, cc)))
				skip = 1;
		}
		if (skip || (got[0] && !strcmp(got[0], cc)))
			continue;
		/* "Vucic" and "Serbia" are one side; an army and a militia of
		 * one country are two */
		if (sides && ng && !strncmp(got[0], cc, 3) && !is_group(act[0]) && !is_group(a))
			continue;
		act[ng] = a;
		got[ng++] = cc;
	}
	if (ng < 2)
		return 0;
	if (sides) {
		two[0] = side_of(c, act[0]);
		two[1] = side_of(c, act[1]);
		return two[0] != two[1];
	}
	for (i = 0; i < 2; i++) {
		const struct kg_lex_entry *e = kg_lex_by_code(c->lx, got[i]);
		if (!e)
			return 0;
		two[i] = &e->actor;
	}
	return 1;
}

/* "urged both sides to ...", "called on the warring parties": the two
 * sides of the article's last violent act; with none, "the two countries"
 * are the two states last spoken of besides the subject's.  Returns the
 * tokens used. */
static size_t sides_ref(const struct kg_coder *c, size_t k, const struct side *excl,
			const struct kg_actor **two)
{
	int pair = 0;
	size_t n = sides_len(c, k, &pair);

	if (!n)
		return 0;
	two[0] = two[1] = NULL;
	if (pair) {
		/* "Turkey, which has ties with both Somalia and Ethiopia, is
		 * trying to broker a deal between the two neighbours": the two
		 * states the sentence itself names */
		const char *got[3] = {NULL, NULL, NULL};
		int ng = 0;
		size_t after = 0;
		for (int j = 0; excl && j < excl->n; j++)
			if (c->np[excl->np[j]].b > after)
				after = c->np[excl->np[j]].b;
		for (size_t q = 0; q < c->nnp && c->np[q].a < k && ng < 3; q++) {
			const struct kg_actor *a = &c->np[q].actor;
			if (c->np[q].a < after)
				continue;	/* "Venezuela, Cuba and Norway urged both sides" */
			const char *cc = is_state(a) ? a->code : a->country;
			int skip = !usable_obj(c, (int)q) || !cc || strlen(cc) != 3;
			for (int j = 0; !skip && excl && j < excl->n; j++) {
				const struct kg_actor *x = &c->np[excl->np[j]].actor;
				const char *xc = is_state(x) ? x->code : x->country;
				skip = xc && !strcmp(xc, cc);
			}
			for (int j = 0; !skip && j < ng; j++)
				skip = !strcmp(got[j], cc);
			if (!skip)
				got[ng++] = cc;
		}
		if (ng == 2) {
			const struct kg_lex_entry *e0 = kg_lex_by_code(c->lx, got[0]);
			const struct kg_lex_entry *e1 = kg_lex_by_code(c->lx, got[1]);
			if (e0 && e1) {
				two[0] = &e0->actor;
				two[1] = &e1->actor;
				return n;
			}
		}
	}
	/* the last act between two named sides, not one on civilians; "both
	 * countries" are two states, not militants and a state */
	int states = !is(c, k + n - 1, "sides") && !is(c, k + n - 1, "parties");
	for (size_t h = c->nhits; h > 0 && c->nhits - h < 8; h--) {
		const struct kg_actor *a = &c->hits[(h - 1) % 8].actor, *t = &c->hits[(h - 1) % 8].target;
		if (c->si - c->hits[(h - 1) % 8].si > 4)
			break;
		if (a->type == KG_ACTOR_GROUP || !a->code || !*a->code || strstr(a->code, "CVL"))
			continue;
		if (states && (!(is_state(a) || (a->country && *a->country)) ||
			       (t->name && !(is_state(t) || (t->country && *t->country)))))
			continue;
		if (!t->name) {
			if (!two[0])
				two[0] = a;	/* "North Korea fired a missile": one side known */
			continue;
		}
		if (t->type == KG_ACTOR_GROUP || !t->code || !*t->code || strstr(t->code, "CVL"))
			continue;
		two[0] = side_of(c, a);	/* an act between two sides comes first */
		two[1] = side_of(c, t);
		return n;
	}
	{
		/* one side only known ("North Korea fired a missile"): two
		 * named sides spoken of are better, else that one side */
		const struct kg_actor *one = two[0], *st[2];
		if (pair && two_states(c, excl, st, is(c, k + n - 1, "sides") || is(c, k + n - 1, "parties")) &&
		    (!one || (one->code && ((st[0]->code && !strncmp(st[0]->code, one->code, 3)) ||
					    (st[1]->code && !strncmp(st[1]->code, one->code, 3)))))) {
			two[0] = st[0];
			two[1] = st[1];
			return n;
		}
		two[0] = one;
		two[1] = NULL;
		return one ? n : 0;
	}
}

/* "urged X to withdraw its forces and stop supporting Y": what is asked
 * for, from token q (after "to"), has not happened: every verb of it up
 * to the clause's end or a new subject ("..., and Russia attacked Z"). */
static void mark_asked(struct kg_coder *c, size_t q)
{
	size_t end = clause_end(c, q, 16);

	for (size_t k = q; k < end; k++) {
		if ((c->ti[k].cls & W_CONJ) && k + 1 < end && c->ti[k + 1].np >= 0)
			break;
		if (c->ti[k].rel >= 0)
			c->rel[c->ti[k].rel].used = 1;	/* "to resume operations against Y" too */
	}
}

/* "accused Pakistan (on Wednesday) of sending troops to support X": what
 * an accusation claims, from token q after its target, is no event. */
static void mark_claim(struct kg_coder *c, size_t q)
{
	size_t e2, n = 0;

	while (q < NT && n++ < 3 && !is(c, q, "of") && !is(c, q, "for") &&
	       ((c->ti[q].cls & W_PREP) || (c->ti[q].cls & (W_WDAY | W_MONTH))))
		q++;	/* "accused Pakistan on Wednesday of ..." */
	if (q < NT && (is(c, q, "of") || is(c, q, "for")) && q + 2 < NT && adverb(c, q + 1) &&
	    lower_word(c, q + 2) && ends_with(c, q + 2, "ing"))
		q++;	/* "of deliberately targeting civilians" */
	if (q < NT && (is(c, q, "of") || is(c, q, "for") || adverb(c, q)) && q + 1 < NT && lower_word(c, q + 1) &&
	    (ends_with(c, q + 1, "ing") || is(c, q + 1, "using") || is(c, q + 1, "being") ||
	     is(c, q + 1, "doing") || is(c, q + 1, "aiding")))	/* "of using Iraqi territory" */
		/* "of sending troops to support X": the claim goes on */
		for (e2 = clause_end(c, q + 1, 8), q++; q < e2; q++) {
			const struct rel *x = c->ti[q].rel >= 0 ? &c->rel[c->ti[q].rel] : NULL;
			if (c->ti[q].cls & W_CONJ)
				break;	/* "... and expelled X": a new act */
			if (x && (!x->verb || !(x->e->forms & (KG_FORM_PAST | KG_FORM_3SG))))
				c->rel[c->ti[q].rel].used = 1;	/* "of selling weapons to X" too */
		}
}

/* "if Israel retaliated", "unless Hamas agrees": the subject at token a
 * opens a condition. */
static int conditional(const struct kg_coder *c, size_t a)
{
	return a > 0 && (is(c, a - 1, "if") || is(c, a - 1, "unless") || is(c, a - 1, "whether"));
}

static void code_relation(struct kg_coder *c, struct rel *r, int *last_subj, int main_subj)
{
	const struct kg_actor *ref_obj = NULL, *sides[2] = {NULL, NULL};
	int rec = 0, acted = 0;
	struct side src = {{0}, 0}, tgt = {{0}, 0}, ag = {{0}, 0};
	struct mod m = {KG_MOD_ACTUAL, 0};
	double conf = 0.85;
	int governed = 0;
	size_t from;
	int i, j, root = atoi(r->e->cameo) / (strlen(r->e->cameo) > 2 ? 10 : 1);

	if (strlen(r->e->cameo) == 4)
		root = atoi(r->e->cameo) / 100;
	if (r->used)
		return;
	if (r->verb && r->a > 0 && c->ti[r->a - 1].np >= 0 && affiliated(c, c->ti[r->a - 1].np) >= 0)
		return;	/* "gunmen allied with X": a modifier, not an alliance */
	if (r->verb && r->passive) {
		agent_by(c, r->b, 6, &src);
		subject_left(c, r->a, &tgt, last_subj, NULL);
		if (!tgt.n && src.n && (root == 11 || root == 12) && (ref_obj = subject_event(c, r->a)))
			conf -= 0.1;	/* "The attack on X was condemned by Z" */
		if (!tgt.n && src.n && root >= 18) {
			/* "The embassy in Kabul was attacked by IS": the place in a
			 * subject that names no actor */
			size_t q0 = r->a > 8 ? r->a - 8 : 0, q;
			for (q = q0; q < r->a; q++)
				if (usable(c, c->ti[q].np) || boundary(c, q) || is_comma(c, q))
					break;
			if (q == r->a)
				place_target(c, q0, r->a, &tgt);
			conf -= 0.15;
		}
	} else if (r->verb) {
		if (r->participle && r->a > 0) {
			size_t k = r->a - 1;
			while (k > 0 && adverb(c, k))
				k--;
			/* the subject of the verb before, else of the sentence */
			if (*last_subj >= 0)
				side_add(&src, *last_subj);
			else if (main_subj >= 0)
				side_add(&src, main_subj);
			conf -= 0.1;
		} else if ((r->e->forms & KG_FORM_ING) && r->a > 1 &&
			   (is(c, r->a - 1, "after") || is(c, r->a - 1, "before") || is(c, r->a - 1, "while") ||
			    is(c, r->a - 1, "since") || is(c, r->a - 1, "when"))) {
			/* "..., Scholz said after speaking to Vucic": the sayer;
			 * "Iran condemned Israel after meeting X": the verb's subject */
			int p = (c->ti[r->a - 2].cls & W_SAY) && r->a > 2 ? c->ti[r->a - 3].np : -1;
			if (p >= 0 && !(c->np[p].f & (NP_PPOBJ | NP_PLACE | NP_WEAK)))
				side_add(&src, p);
			else if (*last_subj >= 0)
				side_add(&src, *last_subj);
			conf -= 0.1;
		} else {
			subject_left(c, r->a, &src, last_subj, NULL);
			if (!src.n && root >= 18) {
				/* "A drone strike by the RSF killed several soldiers" */
				const struct rel *o;
				int p = subject_event_np(c, r->a, &o);
				if (p >= 0) {
					side_add(&src, p);
					conf -= 0.1;
				}
			}
		}
		/* "threatened to attack X": the threat takes the act's target. */
		if ((r->e->rflags & KG_RELF_CTRL) && is(c, r->b, "to") && r->b + 1 < NT &&
		    c->ti[r->b + 1].rel >= 0) {
			struct rel *in = &c->rel[c->ti[r->b + 1].rel];
			object_right(c, in, &tgt);
			in->used = 1;
			if (atoi(in->e->cameo) / (strlen(in->e->cameo) > 3 ? 100 : 10) >= 15 &&
			    kg_lex_cameo(c->lx, "138")) {
				struct kg_lex_entry *e = kg_arena_alloc(&c->arena, sizeof *e);
				struct rel *nr = kg_arena_alloc(&c->arena, sizeof *nr);
				*e = *r->e;
				e->cameo = "138";
				e->label = "threatens to use force against";
				*nr = *r;
				nr->e = e;
				r = nr;
			}
		} else {
			object_right(c, r, &tgt);
		}
		/* "struck a refinery in Russia's Ryazan region" */
		if (!tgt.n && src.n && root >= 18 && (strstr(r->e->prep ? r->e->prep : "", "_")))
			place_target(c, r->b, 0, &tgt), conf -= 0.15;
	} else {
		/* Event noun: "X's attack on Y", "the U.S. withdrawal from Y",
		 * "an attack by X in Y", "talks between X and Y". */
		size_t k = r->a;
		while (k > 0 && c->ti[k - 1].np < 0 && c->ti[k - 1].rel < 0 &&
		       ((lower_word(c, k - 1) && !(c->ti[k - 1].cls & (W_PREP | W_SAY | W_AUX | W_MODAL | W_SUB | W_CONJ))) ||
			(c->ti[k - 1].cls & (W_HEDGE | W_POSSIB))) && r->a - k < 3 && !reaction_word(c, k - 1)) {
			k--;
			if (c->ti[k].cls & W_DET)
				break;	/* "a Kenyan patrol prompted a protest": not Kenya's */
		}
		if (k > 0 && usable(c, c->ti[k - 1].np) &&
		    (c->np[c->ti[k - 1].np].f & (NP_POSS | NP_ADJ) || c->np[c->ti[k - 1].np].b == r->a))
			conjuncts_left(c, c->ti[k - 1].np, &src);
		if (src.n == 1 && (c->np[src.np[0]].f & NP_PRONOUN) && is(c, c->np[src.np[0]].a, "their") &&
		    (r->e->rflags & KG_RELF_SYM)) {
			/* "X and Y will hold their first summit" */
			struct side sub = {{0}, 0};
			if (subject_left(c, c->np[src.np[0]].a, &sub, last_subj, r->e->cameo) && sub.n >= 2)
				src = sub;
		}
		if (is(c, r->b, "between") && (r->e->rflags & KG_RELF_SYM)) {
			struct side both = {{0}, 0};
			const struct rel *gv = NULL;
			/* "hosted talks between X and Y", "trying to broker a
			 * ceasefire between X and Y": the parties are X and Y, the
			 * host or mediator deals with each */
			for (size_t q = r->a, n = 0; q > 0 && n < 6; q--, n++) {	/* "hosted two rounds of talks" */
				if (c->ti[q - 1].np >= 0 || boundary(c, q - 1) || is_comma(c, q - 1))
					break;
				if (c->ti[q - 1].rel >= 0 && c->rel[c->ti[q - 1].rel].verb) {
					gv = &c->rel[c->ti[q - 1].rel];
					if (strcmp(gv->e->cameo, "043") && strcmp(gv->e->cameo, "045"))
						gv = NULL;
					break;
				}
			}
			if (np_right(c, r->b + 1, clause_end(c, r->b + 1, 10), &both) && both.n >= 2) {
				/* "trying to broker a ceasefire": not yet one */
				if (gv && !strcmp(gv->e->cameo, "045") && gv->a > 0 && is(c, gv->a - 1, "to"))
					return;	/* the mediation verb codes it */
				if (gv && !strcmp(gv->e->cameo, "043")) {
					struct side med = {{0}, 0};
					if (subject_left(c, gv->a, &med, last_subj, NULL)) {
						struct mod hm = {KG_MOD_ACTUAL, 0};
						scan_modality(c, c->np[med.np[med.n - 1]].b, gv->a, &hm);
						for (i = 0; i < med.n; i++)
							for (j = 0; j < both.n; j++) {
								const struct kg_actor *o = place_state(c, &c->np[both.np[j]]);
								if (o)
									emit(c, gv, &c->np[med.np[i]].actor, o, NULL, &hm,
									     0.75 * c->np[med.np[i]].conf / 0.9);
							}
					}
				}
				side_add(&src, both.np[0]);
				for (i = 1; i < both.n; i++)
					side_add(&tgt, both.np[i]);
			} else {
				/* "offered to host talks between the two countries":
				 * the host deals with each of the two states meant */
				struct side med = {{0}, 0};
				const struct kg_actor *two[2];
				if (gv && !strcmp(gv->e->cameo, "043") && subject_left(c, gv->a, &med, last_subj, NULL) &&
				    sides_ref(c, r->b + 1, &med, two) && two[1]) {
					struct mod hm = {KG_MOD_ACTUAL, 0};
					scan_modality(c, c->np[med.np[med.n - 1]].b, gv->a, &hm);
					for (i = 0; i < med.n; i++)
						for (j = 0; j < 2; j++)
							emit(c, gv, &c->np[med.np[i]].actor, two[j], NULL, &hm,
							     0.7 * c->np[med.np[i]].conf / 0.9);
				}
				return;	/* "talks between the two sides": not the subject's own talks */
			}
		}
		if (!src.n)
			agent_by(c, r->b, 8, &src);	/* "attack (on Y) by X" */
		if (!src.n && (root == 11 || root == 12 || root == 14) && is(c, r->b, "from") &&
		    (from = reaction_verb(c, r)) != SIZE_MAX) {
			/* "The attack by X drew condemnation from Z": Z condemns X */
			const struct kg_actor *doer = subject_event(c, from);
			if (!doer && from > 0 && is_comma(c, from - 1) && ends_with(c, from, "ing")) {
				/* "X deported thousands, drawing criticism from Z" */
				int sj = *last_subj >= 0 ? *last_subj : main_subj;
				if (sj >= 0 && usable(c, sj))
					doer = &c->np[sj].actor;
			}
			if (doer && object_at(c, r->b + 1, clause_end(c, r->b + 1, 10), &src))
				ref_obj = doer, conf -= 0.1;
			else
				src.n = 0;
		}
		if (!tgt.n)
			object_right(c, r, &tgt);
		size_t lv = k;
		while (lv > 0 && c->ti[lv - 1].np < 0 && c->ti[lv - 1].rel < 0 &&
		       ((c->ti[lv - 1].cls & W_DET) || (T(lv - 1).flags & KG_TOK_NUM) ||
			(lower_word(c, lv - 1) && !c->ti[lv - 1].cls && !light_word(c, lv - 1) &&
			 !is(c, lv - 1, "out") && !is(c, lv - 1, "up"))) && k - lv < 3)
			lv--;
		if (!src.n && !tgt.n && root >= 18 && r->e->prep && lv > 0 &&
		    (light_word(c, lv - 1) || is(c, lv - 1, "out") || is(c, lv - 1, "up") ||
		     (c->ti[lv - 1].rel >= 0 && c->rel[c->ti[lv - 1].rel].verb)) &&
		    (strstr(r->e->prep, "on") || strstr(r->e->prep, "of"))) {
			/* "Pakistan launched airstrikes on militant hideouts in
			 * Afghanistan": the place's state, and the governing subject */
			place_target(c, r->b, 0, &tgt);
			if (tgt.n)
				conf -= 0.15;
		}
		size_t kp = k;
		if (kp > 2 && is(c, kp - 1, "of") && lower_word(c, kp - 2) && ends_with(c, kp - 2, "s") &&
		    !c->ti[kp - 2].cls)
			kp -= 2;	/* "after days of fighting" */
		if (!src.n && (tgt.n || (r->e->rflags & KG_RELF_SYM)) &&
		    !(kp > 0 && (is(c, kp - 1, "since") || is(c, kp - 1, "after") || is(c, kp - 1, "before") ||
				is(c, kp - 1, "during") || is(c, kp - 1, "amid") || is(c, kp - 1, "despite") ||
				is(c, kp - 1, "following") || is(c, kp - 1, "until") || is(c, kp - 1, "like")))) {
			/* the subject of the clause that governs the noun (not
			 * "has become a hub since the invasion of Ukraine") */
			subject_left(c, k, &src, last_subj, r->e->cameo);
			conf -= 0.1;
			governed = 1;
		}
		/* "an attack by X in Kerman", but not "... the wars in Ukraine" */
		if (!tgt.n && src.n && root >= 18 && !governed && r->e->prep &&
		    (strstr(r->e->prep, "on") || strstr(r->e->prep, "of")))
			place_target(c, r->b, 0, &tgt), conf -= 0.15;	/* not "its operation in Mali" */
	}
	if (r->verb && src.n && !r->passive)
		*last_subj = src.np[0];
	/* the noun's own source is the demand's target ("a Turkish
	 * withdrawal"), else its target ("rejected talks with Ukraine") */
	if (!r->verb && (src.n || tgt.n) && demanded(c, r, last_subj, main_subj, src.n ? &src : &tgt))
		return;
	/* "Iran and the Taliban agreed to cooperate": each with the other.
	 * A noun only through a light verb: "X and Y held talks", not
	 * "X and Y pushed for talks". */
	if (!tgt.n && src.n >= 2 && (r->e->rflags & KG_RELF_SYM) &&
	    (r->verb || light_path(c, c->np[src.np[0]].b, r->a))) {
		tgt = src;
		conf -= 0.1;
	}
	if (r->verb && src.n && !tgt.n && !ref_obj && (root == 11 || root == 12) &&
	    strstr(r->e->prep ? r->e->prep : "", "_"))
		ref_obj = event_ref(c, r), conf -= 0.1;
	if (r->verb && src.n && !tgt.n && !ref_obj && strstr(r->e->prep ? r->e->prep : "", "between")) {
		/* "trying to broker a deal between the two neighbours" */
		size_t k = r->b, e2 = clause_end(c, r->b, 8);
		while (k < e2 && !is(c, k, "between") && !is_comma(c, k))
			k++;
		if (k < e2 && sides_ref(c, k + 1, &src, sides) && sides[1])
			ref_obj = sides[0], conf -= 0.15;
	}
	if (r->verb && src.n && !tgt.n && !ref_obj && root != 18 && root != 19 && root != 20 &&
	    strstr(r->e->prep ? r->e->prep : "", "_")) {
		size_t k = r->b, n;
		while (k < NT && adverb(c, k))
			k++;
		if ((n = sides_ref(c, k, &src, sides))) {
			ref_obj = sides[0], conf -= 0.15;
			/* what is asked for has not happened */
			if (is(c, k + n, "to") && k + n + 1 < NT)
				mark_asked(c, k + n + 1);
		}
	}
	if (r->verb && !r->passive && !r->participle && src.n && !tgt.n && !ref_obj && root >= 18 &&
	    (r->e->forms & KG_FORM_PAST) && !conditional(c, c->np[src.np[0]].a)) {
		/* "the Houthis fired missiles at a ship": no target actor, but
		 * "the attack" may refer back to it */
		memset(&c->hits[c->nhits % 8], 0, sizeof c->hits[0]);
		c->hits[c->nhits % 8].phrase = r->e->lemma ? r->e->lemma : r->e->phrase;
		c->hits[c->nhits % 8].actor = c->np[src.np[0]].actor;
		c->hits[c->nhits % 8].si = c->si;
		c->nhits++;
	}
	if (r->verb && root == 10 && !tgt.n && src.n && r->b < NT && (c->ti[r->b].cls & W_THAT)) {
		/* "demanded that the rebels withdraw": the demand is on the
		 * clause's subject, whose act has not happened */
		size_t jj = skip_modifiers(c, r->b + 1, clause_end(c, r->b + 1, 10), 2);
		int p = jj < NT ? c->ti[jj].np : -1;
		if (p >= 0 && c->np[p].a == jj && !(c->np[p].f & NP_PRONOUN) && usable(c, p)) {
			side_add(&tgt, p);
			mark_asked(c, c->np[p].b);
		}
	}
	if (r->verb && root == 11 && !r->passive && (!tgt.n || is(c, r->b, "of")))
		mark_claim(c, r->b);	/* "the PKK, which it accuses of using Iraqi territory to ..." */
	if (!src.n && !tgt.n && (r->e->rflags & KG_RELF_SYM) && !r->passive) {
		/* "The two sides reached an agreement", "Both countries agreed
		 * to cooperate": the two sides with each other */
		size_t a0 = r->a, n0 = 0, sn;
		int pair = 0;
		const struct kg_actor *two[2];
		while (a0 > 0 && n0++ < 12 && !boundary(c, a0 - 1) && !is_comma(c, a0 - 1) &&
		       !(c->ti[a0 - 1].cls & (W_SAY | W_THAT)) && c->ti[a0 - 1].np < 0)
			a0--;
		while (a0 < r->a && !(sn = sides_len(c, a0, &pair)) && (c->ti[a0].cls & W_FUNC))
			a0++;	/* "Meanwhile, the two sides ..." */
		if (a0 < r->a && (sn = sides_len(c, a0, &pair)) && pair && (r->verb || light_path(c, a0 + sn, r->a)) &&
		    sides_ref(c, a0, NULL, two) && two[1]) {
			struct mod pm = {KG_MOD_ACTUAL, 0};
			scan_modality(c, a0 + sn, r->a, &pm);
			emit(c, r, two[0], two[1], NULL, &pm, 0.6);
			emit(c, r, two[1], two[0], NULL, &pm, 0.6);
			return;
		}
	}
	if (src.n && !tgt.n && !ref_obj && !r->passive && usable(c, src.np[0])) {
		/* "Beijing launched military drills": no target, but "the
		 * drills" may refer back to it */
		c->acts[c->nacts % 8].phrase = r->e->lemma ? r->e->lemma : r->e->phrase;
		c->acts[c->nacts % 8].actor = c->np[src.np[0]].actor;
		c->acts[c->nacts % 8].si = c->si;
		c->nacts++;
	}
	if (!src.n || (!tgt.n && !ref_obj))
		return;
	from = c->np[src.np[src.n - 1]].b;
	if (from > r->a)
		from = r->a > 6 ? r->a - 6 : 0;
	/* "said she would not step down and called on X": the verb group
	 * of this verb starts after the conjunction */
	/* but "would suspend X and expel Y": a bare verb shares the modal */
	for (size_t q = r->a; q > from && !(r->verb && (r->e->forms & KG_FORM_BASE) &&
					     !(r->e->forms & (KG_FORM_PAST | KG_FORM_3SG))); q--)
		if (c->ti[q - 1].cls & W_CONJ) {
			from = q;
			break;
		}
	scan_modality(c, from, r->a, &m);
	{
		/* "a deal could see Turkey and Syria cooperate": the modal
		 * before a causative verb before the subject */
		size_t q = c->np[src.np[src.n - 1]].a;
		if (q >= 2 && (is(c, q - 1, "see") || is(c, q - 1, "allow") || is(c, q - 1, "let") ||
			       is(c, q - 1, "help") || is(c, q - 1, "enable")) &&
		    (c->ti[q - 2].cls & (W_MODAL | W_POSSIB)) && m.m == KG_MOD_ACTUAL)
			scan_modality(c, q - 2, q - 1, &m);
	}
	{
		/* "X denied that it had threatened Y" */
		size_t q = c->np[src.np[0]].a;
		if (q > 0 && (c->ti[q - 1].cls & W_THAT))
			q--;
		if (q > 0 && (c->ti[q - 1].cls & W_NEGV))
			m.negated = 1;
	}
	for (size_t q = r->a; q < r->b; q++)	/* words inside a phrase: "held no talks" */
		if (c->ti[q].cls & (W_NEG))
			m.negated = 1;
	if (r->participle)
		m.m = KG_MOD_ACTUAL, m.negated = 0;
	if (r->verb && !r->passive && conditional(c, c->np[src.np[0]].a))
		m.m = KG_MOD_POSSIBLE;	/* "if Israel retaliated", "whether Russia would attack" */
	if (r->verb && m.m == KG_MOD_ACTUAL) {
		/* "sent drones to Russia to attack Ukraine": the purpose of a
		 * sending has not happened yet */
		size_t tv = purpose_of_trip(c, r->a);
		if (tv != SIZE_MAX && !travel_word(c, tv))
			m.m = KG_MOD_INTENDED;
	}
	if (!r->verb) {
		/* "called for talks with X", "Pakistan's appeal for talks":
		 * asked for, not held */
		static const char *const ask[] = {
			"called", "call", "calls", "calling", "appeal", "appeals", "appealed", "request",
			"requests", "requested", "pushed", "push", "pushing", "pressed", "press", "urged",
			"asked", "demand", "demands", "demanded", "pleaded", NULL
		};
		size_t qa = r->a, n2 = 0;
		while (qa > 0 && n2++ < 3 && c->ti[qa - 1].np < 0 &&
		       ((c->ti[qa - 1].cls & W_DET) || (lower_word(c, qa - 1) && !c->ti[qa - 1].cls)))
			qa--;
		if (qa >= 2 && is(c, qa - 1, "for"))
			for (int i2 = 0; ask[i2]; i2++)
				if (is(c, qa - 2, ask[i2]))
					m.m = KG_MOD_INTENDED;
		/* "a potential collaboration", "the planned withdrawal" */
		for (size_t q = r->a > 3 ? r->a - 3 : 0; q < r->a; q++)
			if (c->ti[q].cls & W_POSSIB)
				m.m = KG_MOD_POSSIBLE;
		if (m.m == KG_MOD_ACTUAL) {
			/* the governing verb's modality, back to the subject */
			size_t s0 = c->np[src.np[0]].b;
			if (s0 < r->a)
				scan_modality(c, s0, r->a, &m);
		}
		if (m.m == KG_MOD_ACTUAL && (c->np[src.np[0]].f & NP_POSS) &&
		    (c->np[src.np[0]].f & NP_PRONOUN)) {
			/* "is likely to deepen its cooperation with" */
			size_t q = c->np[src.np[0]].a, a0 = q;
			while (a0 > 0 && q - a0 < 6 && !boundary(c, a0 - 1) && !is_comma(c, a0 - 1) &&
			       c->ti[a0 - 1].np < 0)
				a0--;
			scan_modality(c, a0, q, &m);
		}
	}
	if (r->verb && root == 11 && tgt.n)
		mark_claim(c, c->np[tgt.np[tgt.n - 1]].b);	/* "accused Pakistan of backing militants" */
	if (r->verb && (root == 2 || root == 10) && tgt.n) {
		/* "urged X to pressure Y": what is asked for has not happened */
		size_t q = c->np[tgt.np[tgt.n - 1]].b;
		if (is(c, q, "to") && q + 1 < NT)
			mark_asked(c, q + 1);
	}
	if (root == 13 && m.m == KG_MOD_INTENDED)
		m.m = KG_MOD_ACTUAL;	/* "vowed revenge": the vow is the threat */
	if (!r->verb && root >= 3 && root <= 6 && reversed(c, r->a > 6 ? r->a - 6 : 0, r->a))
		r = reverse_rel(c, r, root);
	if (root <= 8 && tgt.n)
		third_party(c, c->np[tgt.np[tgt.n - 1]].b, &ag);
	if (root <= 8 && !ag.n && c->np[src.np[0]].a > 2) {
		/* "In a bid to counter Chinese influence, Australia signed ..." */
		size_t s0 = c->np[src.np[0]].a;
		for (size_t q = s0 > 40 ? s0 - 40 : 0; q + 1 < s0 && !ag.n; q++)
			if (is(c, q, "to") && c->ti[q + 1].rel >= 0 &&
			    (c->rel[c->ti[q + 1].rel].e->rflags & KG_RELF_COUNTER)) {
				struct rel *cr = &c->rel[c->ti[q + 1].rel];
				if (object_at(c, cr->b, c->np[src.np[0]].a, &ag))
					cr->used = 1;
			}
	}
	for (i = 0; i < src.n; i++)
		for (j = 0; j < tgt.n; j++) {
			const struct np *sp = &c->np[src.np[i]], *tp = &c->np[tgt.np[j]];
			const struct kg_actor *o = place_state(c, tp);
			double cf = conf * (sp->conf < tp->conf ? sp->conf : tp->conf) / 0.9;
			if (!o)
				continue;
			size_t nt0 = c->res.ntriples;
			emit(c, r, &sp->actor, o, ag.n ? &c->np[ag.np[0]].actor : NULL, &m, cf);
			if (!acted && c->res.ntriples > nt0 && m.m == KG_MOD_ACTUAL && !m.negated) {
				acted = 1;
				c->acts[c->nacts % 8].phrase = r->e->lemma ? r->e->lemma : r->e->phrase;
				c->acts[c->nacts % 8].actor = sp->actor;
				c->acts[c->nacts % 8].si = c->si;
				c->nacts++;
			}
			if (root >= 18 && m.m == KG_MOD_ACTUAL && !m.negated && i == 0 && j == 0 &&
			    c->res.ntriples > nt0) {
				c->hits[c->nhits % 8].phrase = r->e->lemma ? r->e->lemma : r->e->phrase;
				c->hits[c->nhits % 8].actor = sp->actor;
				c->hits[c->nhits % 8].target = *o;
				c->hits[c->nhits % 8].si = c->si;
				c->nhits++;
				rec = 1;
			}
		}
	if (!rec && root >= 18 && m.m == KG_MOD_ACTUAL && !m.negated && r->verb && !r->passive && src.n &&
	    !conditional(c, c->np[src.np[0]].a)) {
		/* "fired a missile off its coast": no dyad, but an act to refer to */
		memset(&c->hits[c->nhits % 8], 0, sizeof c->hits[0]);
		c->hits[c->nhits % 8].phrase = r->e->lemma ? r->e->lemma : r->e->phrase;
		c->hits[c->nhits % 8].actor = c->np[src.np[0]].actor;
		c->hits[c->nhits % 8].si = c->si;
		c->nhits++;
	}
	for (i = 0; ref_obj && i < src.n; i++) {
		emit(c, r, &c->np[src.np[i]].actor, ref_obj, NULL, &m, conf * c->np[src.np[i]].conf / 0.9);
		if (sides[1])
			emit(c, r, &c->np[src.np[i]].actor, sides[1], NULL, &m, conf * c->np[src.np[i]].conf / 0.9);
	}
}

/* ---- attribution ---- */

static void mark_attrib(struct kg_coder *c, size_t k, size_t end)
{
	size_t a = k;

	for (; k < end; k++) {
		int p = c->ti[k].np;
		if (is_comma(c, k) || punct(c, k, '.'))
			break;
		if (p >= 0)
			c->np[p].f |= NP_ATTRIB;
	}
	if (k > a && !c->attribution) {
		size_t s = a;
		if (c->ti[s].cls & W_DET && !(T(s).flags & KG_TOK_CAP))
			s++;
		if (s < k)
			c->attribution = arena_span(c, s, k);
	}
}

/* "according to X", "as reported by X", "X said", "said X". */
static void attribution(struct kg_coder *c)
{
	size_t i;

	for (i = 0; i < NT; i++) {
		if (is(c, i, "according") && is(c, i + 1, "to")) {
			mark_attrib(c, i + 2, NT);
		} else if (is(c, i, "as") && (is(c, i + 1, "reported") || is(c, i + 1, "stated")) &&
			   is(c, i + 2, "by")) {
			mark_attrib(c, i + 3, NT);
		} else if (c->ti[i].cls & W_SAY) {
			/* "X said" closes the sentence or opens a that-clause. */
			int p = i > 0 ? c->ti[i - 1].np : -1;
			size_t nx = i + 1;
			int closing = nx >= NT || punct(c, nx, '.') || is_comma(c, nx) ||
				      (c->ti[nx].cls & W_THAT) || (T(nx).flags & KG_TOK_QUOTE) ||
				      (c->ti[nx].cls & W_PREP && !is(c, nx, "to"));
			if (p >= 0 && i > 0 && (closing || c->ti[nx].np >= 0 ||
						(c->ti[nx].cls & W_PRON) || lower_word(c, nx))) {
				c->np[p].f |= NP_ATTRIB;
				if (!c->attribution)
					c->attribution = c->np[p].actor.name;
			} else if (i > 0 && is_comma(c, i - 1) && c->ti[nx].np >= 0 &&
				   (c->np[c->ti[nx].np].b >= NT || punct(c, c->np[c->ti[nx].np].b, '.') ||
				    is_comma(c, c->np[c->ti[nx].np].b))) {
				c->np[c->ti[nx].np].f |= NP_ATTRIB;	/* ", said Smith." */
				if (!c->attribution)
					c->attribution = c->np[c->ti[nx].np].actor.name;
			}
		}
	}
}

/* "a Portuguese-flagged ship", "Iranian-owned": the owner's state is the
 * actor phrase (unlike "Iran-backed militias", which are the militias). */
static int hyphen_owner(struct kg_coder *c, size_t i)
{
	static const char *const suf[] = {"-flagged", "-owned", "-registered", "-operated", NULL};
	const char *w = c->text + T(i).off;
	char norm[64];
	size_t n;

	if (!(T(i).flags & KG_TOK_WORD) || T(i).len >= sizeof norm)
		return 0;
	for (int k = 0; suf[k]; k++) {
		size_t sl = strlen(suf[k]);
		const struct kg_lex_entry *e;
		if (T(i).len <= sl || strncasecmp(w + T(i).len - sl, suf[k], sl))
			continue;
		if (!(n = kg_lex_norm(w, T(i).len - sl, norm, sizeof norm)))
			return 0;
		for (e = kg_lex_get(c->lx, norm, n); e; e = e->next)
			if (e->kind == KG_LEX_ACTOR && (is_state(&e->actor) || (e->flags & KG_LEXF_ADJ))) {
				const struct kg_lex_entry *st = state_of(c, e);
				struct kg_actor a = st ? st->actor : e->actor;
				add_np(c, i, i + 1, &a, NP_ADJ, 0.8);
				return 1;
			}
		return 0;
	}
	return 0;
}

/*
 * A multi-word relation with a determiner, possessive or adjectives after
 * its first word: "recalled its ambassador", "cut all ties", "restored
 * full diplomatic relations".  *nw counts the words spanned.
 */
static const struct kg_lex_entry *gapped(const struct kg_coder *c, size_t i, size_t *nw)
{
	const struct kg_lex_entry *best = NULL, *e;
	size_t hn, j, w2, besttok = 0;
	const char *h;
	char buf[256];

	if (c->ti[i].lead < 2)
		return NULL;
	h = norm_of(c, i, &hn);
	for (j = i + 2; j <= i + 4 && j < NT; j++) {
		const struct ti *g = &c->ti[j - 1];
		/* the word just before the tail must be a gap word */
		if (!((g->cls & (W_DET | W_PPRON)) || is(c, j - 1, "all") ||
		      ((T(j - 1).flags & KG_TOK_NUM) && g->np < 0) ||	/* "swapped 95 prisoners" */
		      (lower_word(c, j - 1) && !g->cls && g->rel < 0 && g->np < 0)))
			break;
		for (w2 = c->ti[i].lead - 1; w2 >= 1; w2--) {
			size_t a = c->ti[j].noff, b, n;
			if (j + w2 > NT)
				continue;
			b = c->ti[j + w2 - 1].noff + c->ti[j + w2 - 1].nlen;
			if (hn + 1 + (b - a) >= sizeof buf)
				continue;
			memcpy(buf, h, hn);
			buf[hn] = ' ';
			memcpy(buf + hn + 1, c->nbuf + a, b - a);
			n = hn + 1 + (b - a);
			for (e = kg_lex_get(c->lx, buf, n); e; e = e->next)
				if (e->kind == KG_LEX_RELATION && j + w2 - i > besttok) {
					best = e;
					besttok = j + w2 - i;
					break;
				}
		}
	}
	*nw = besttok;
	return best;
}

/* The actor entry a part of a word names ("Iran" in "Iran-Afghanistan"). */
static const struct kg_lex_entry *part_actor(const struct kg_coder *c, const char *w, size_t n)
{
	char norm[64];
	size_t k;
	const struct kg_lex_entry *e;

	if (!n || n >= sizeof norm || !(k = kg_lex_norm(w, n, norm, sizeof norm)))
		return NULL;
	for (e = kg_lex_get(c->lx, norm, k); e; e = e->next)
		if (e->kind == KG_LEX_ACTOR && (!(e->flags & KG_LEXF_EXACT) ||
						(strlen(e->surface) == n && !memcmp(e->surface, w, n))))
			return e;
	return NULL;
}

/* "the Iran-Afghanistan border", "Israel-Hamas war": two actors in one
 * word are mentioned (not unknown names), but take no role. */
static int hyphen_pair(struct kg_coder *c, size_t i)
{
	const char *w = c->text + T(i).off, *h;
	const struct kg_lex_entry *a, *b;
	struct np p = {0};

	if (!(T(i).flags & KG_TOK_CAP) || !(h = memchr(w, '-', T(i).len)))
		return 0;
	if (!(a = part_actor(c, w, (size_t)(h - w))) ||
	    !(b = part_actor(c, h + 1, T(i).len - (size_t)(h - w) - 1)))
		return 0;
	for (int k = 0; k < 2; k++) {
		const struct kg_lex_entry *e = k ? b : a;
		const struct kg_lex_entry *st = (e->flags & KG_LEXF_ADJ) ? state_of(c, e) : NULL;
		struct kg_mention *m;

		p.actor = st ? st->actor : e->actor;
		KG_GROW(c->res.mentions, c->res.nmentions + 1, c->mcap);
		m = &c->res.mentions[c->res.nmentions++];
		m->sentence = c->si;
		m->off = k ? (size_t)(h + 1 - c->text) : T(i).off;
		m->len = k ? T(i).off + T(i).len - m->off : (size_t)(h - w);
		m->actor = p.actor;
		m->resolved = true;
		remember(c, &p);
	}
	return 1;
}

/* ---- one sentence ---- */

static void tag_tokens(struct kg_coder *c)
{
	size_t i, need = 0;

	KG_GROW(c->ti, NT + 1, c->ticap);
	for (i = 0; i < NT; i++)
		need += T(i).len * 2 + 2;
	KG_GROW(c->nbuf, need + 1, c->nbcap);
	need = 0;
	for (i = 0; i < NT; i++) {
		struct ti *t = &c->ti[i];
		const struct word *w;
		size_t n;

		if (i > 0 && T(i).off > T(i - 1).off + T(i - 1).len)
			c->nbuf[need++] = ' ';
		n = kg_lex_norm(c->text + T(i).off, T(i).len, c->nbuf + need, T(i).len * 2 + 1);
		t->noff = need;
		t->nlen = n;
		need += n;
		c->nbuf[need] = 0;
		t->cls = 0;
		t->num = 0;
		t->np = t->rel = -1;
		t->lead = (T(i).flags & KG_TOK_WORD) ? kg_lex_lead_words(c->lx, c->nbuf + t->noff, n) : 0;
		if (n && n < 24 && (T(i).flags & (KG_TOK_WORD | KG_TOK_POSS))) {
			if ((w = word_get(c->nbuf + t->noff, n))) {
				t->cls = w->cls;
				t->num = w->num;
			}
		}
		/* "is said to", "are believed to": a hedge, not a report */
		if (i > 0 && (c->ti[i - 1].cls & W_BE) && (t->cls & (W_SAY | W_HEDGE)) &&
		    i + 1 < NT && T(i + 1).len == 2 && !strncasecmp(c->text + T(i + 1).off, "to", 2))
			t->cls = W_HEDGE | W_ADV;
		/* "May" the month vs "may" the modal. */
		if (t->cls & W_MONTH && (t->cls & W_MODAL)) {
			if (T(i).flags & KG_TOK_CAP && i > 0)
				t->cls = W_MONTH;
			else
				t->cls &= ~(unsigned)W_MONTH;
		}
	}
}

static void code_sentence(struct kg_coder *c, size_t si)
{
	const struct kg_sentence *s = &c->res.sentences[si];
	size_t i, w, start = 0;
	int last_subj = -1, main_subj = -1, dateline = 0;

	c->si = si;
	kg_tokenize(c->text, s->off, s->len, &c->toks);
	if (!NT)
		return;
	tag_tokens(c);
	c->nnp = c->nrel = 0;
	{
		/* A headline in title case: capitals say nothing about names. */
		size_t nw = 0, caps = 0;
		for (i = 0; i < NT; i++)
			if ((T(i).flags & KG_TOK_WORD) && T(i).len > 3) {
				nw++;
				caps += (T(i).flags & KG_TOK_CAP) != 0;
			}
		c->title = nw >= 4 && caps * 10 >= nw * 8 && !punct(c, NT - 1, '.');
	}
	c->attribution = c->location = NULL;
	c->reported = 0;
	find_date(c);
	if (!c->sdate[0] && c->art_date >= 0)
		set_date(c, c->art_date);

	/* A dateline: "KABUL -" or "KABUL, Jan 5 (Reuters) -" opening an article. */
	if (si <= 2 && (T(0).flags & KG_TOK_UPPER)) {
		size_t k = 0;
		while (k < NT && k < 8 && !(T(k).flags & KG_TOK_DASH))
			k++;
		if (k < NT && k < 8 && (T(k).flags & KG_TOK_DASH)) {
			const struct kg_lex_entry *e = lookup(c, 0, M_PLACE | M_ACTOR, &w);
			struct kg_actor a = {0};
			if (e) {
				a = e->actor;
				c->location = e->kind == KG_LEX_PLACE || !(e->flags & KG_LEXF_METONYM) ?
					      e->actor.name : e->surface;
				dateline = 1;
			}
			a.name = a.name ? a.name : "";
			add_np(c, 0, k + 1, &a, NP_DATELINE, 0);
			start = k + 1;
		}
	}

	/* Actor phrases, places, references, relations. */
	for (i = start; i < NT; i++) {
		const struct kg_lex_entry *e;
		size_t n;

		if (c->ti[i].cls & W_HEDGE && !(c->ti[i].cls & W_SAY))
			c->reported = 1;
		/* Places: cities and provinces, and countries after "in". */
		if ((e = lookup(c, i, M_PLACE, &w)) && !lookup(c, i, M_ACTOR, &n)) {
			struct kg_actor a = e->actor;
			int p = add_np(c, i, i + w, &a, NP_PLACE, 0.7);
			remember(c, &c->np[p]);	/* only its state, for "the two countries" */
			if (!c->location || dateline)	/* the sentence's place wins */
				c->location = e->actor.name, dateline = 0;
			if (i + w < NT && (T(i + w).flags & KG_TOK_POSS))
				c->np[p].b++, c->ti[i + w].np = p;
			i = c->np[p].b - 1;
			continue;
		}
		if (i > 0 && (c->ti[i - 1].cls & W_LOCPREP) && (e = lookup(c, i, M_ACTOR, &w)) &&
		    is_state(&e->actor) && !(e->flags & KG_LEXF_ADJ) &&
		    !(i + w < NT && (lookup(c, i + w, M_AGENT, &n) || (T(i + w).flags & KG_TOK_POSS)))) {
			struct kg_actor a = e->actor;
			a.country = a.country ? a.country : a.code;
			{
				int q = add_np(c, i, i + w, &a, NP_PLACE, 0.7);
				remember(c, &c->np[q]);	/* its state only, for "the two countries" */
			}
			if (!c->location || dateline)	/* "in London": the city */
				c->location = (e->flags & KG_LEXF_METONYM) ? e->surface : e->actor.name,
				dateline = 0;
			i += w - 1;
			continue;
		}
		if (hyphen_owner(c, i) || hyphen_pair(c, i))
			continue;
		if ((n = sides_len(c, i, NULL))) {
			i += n - 1;	/* "both sides", "the two countries": resolved by the verb */
			continue;
		}
		if ((n = reference(c, i)) || (n = actor_phrase(c, i, start))) {
			/* remembered at once: "Turkey said it would ..." */
			if (c->nnp && !(c->np[c->nnp - 1].f & NP_REF))
				remember(c, &c->np[c->nnp - 1]);
			i += n - 1;
			continue;
		}
		{
			size_t gw = 0;
			const struct kg_lex_entry *g = gapped(c, i, &gw);

			if (!(e = lookup(c, i, M_REL, &w)))
				w = 0;
			if (g && gw > w)
				e = g, w = gw;	/* "recalled its ambassador from" */
			if (e) {
				add_relation(c, i, w, e);
				i += w - 1;
			}
		}
	}
	attribution(c);
	for (i = 0; i < c->nnp; i++) {
		if (!(c->np[i].f & (NP_PLACE | NP_DATELINE | NP_REF)))
			add_mention(c, &c->np[i]);
		/* the sentence's subject, for participles: a sayer counts
		 * ("Erdogan said ..., accusing Stockholm") */
		if (main_subj < 0 && !(c->np[i].f & (NP_PPOBJ | NP_PLACE | NP_DATELINE | NP_WEAK)) &&
		    c->np[i].actor.type != KG_ACTOR_MEDIA &&
		    (!is_comma(c, c->np[i].b) ||
		     /* "al-Shabaab, the group linked to al-Qaeda, ...": an apposition follows */
		     (c->np[i].b + 1 < NT && !(c->np[i].f & NP_UNRES) &&
		      (is(c, c->np[i].b + 1, "the") || is(c, c->np[i].b + 1, "which") ||
		       is(c, c->np[i].b + 1, "who")))))
			main_subj = (int)i;
	}
	/* Affiliation: "ISKP, the Islamic State's affiliate in Afghanistan". */
	for (i = 0; i + 1 < c->nnp; i++) {
		const struct np *x = &c->np[i], *y = &c->np[i + 1];
		if (is_comma(c, x->b) && y->a == x->b + 1 && (y->f & NP_POSS) && y->b < NT &&
		    (c->ti[y->b].cls & W_AFFIL) && usable(c, (int)i))
			add_fact(c, &x->actor, "affiliate_of", NULL, &y->actor);
	}
	if (c->debug) {
		fprintf(stderr, "states:");
		for (i = c->nsrec > MEMO ? c->nsrec - MEMO : 0; i < c->nsrec; i++)
			fprintf(stderr, " %s", c->srec[i % MEMO]);
		fprintf(stderr, "\n");
		for (i = 0; i < c->nnp; i++)
			fprintf(stderr, "np %zu-%zu [%s|%s] f=%#x\n", c->np[i].a, c->np[i].b,
				c->np[i].actor.name, c->np[i].actor.code, c->np[i].f);
		for (i = 0; i < c->nrel; i++)
			fprintf(stderr, "rel %zu-%zu %s %s verb=%d passive=%d\n", c->rel[i].a, c->rel[i].b,
				c->rel[i].e->lemma ? c->rel[i].e->lemma : c->rel[i].e->phrase,
				c->rel[i].e->cameo, c->rel[i].verb, c->rel[i].passive);
	}
	for (i = 0; i < c->nrel; i++)
		code_relation(c, &c->rel[i], &last_subj, main_subj);
	/* The sentence's subject stays the most salient actor for the next
	 * sentence's pronouns ("X met Y. He said ..." is X). */
	if (main_subj >= 0 && !(c->np[main_subj].f & (NP_PRONOUN))) {
		size_t ns = c->nsrec;
		remember(c, &c->np[main_subj]);
		c->nsrec = ns;	/* salience, not one more mention of its state */
	}
}

int kg_coder_run(struct kg_coder *c, const struct kg_article *a, const struct kg_result **out)
{
	size_t i;
	int y, m, d;

	if (c->pat)
		return kg_patcoder_run(c->pat, a, out);
	kg_arena_reset(&c->arena);
	c->res.article = a;
	c->res.nmentions = c->res.ntriples = c->res.nfacts = 0;
	c->nmemo = 0;
	c->npeople = 0;
	c->nsrec = 0;
	c->nstates = 0;
	c->nhits = 0;
	c->nacts = 0;
	c->text = a->text;
	c->art_date = -1;
	if (a->date && sscanf(a->date, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12 &&
	    d >= 1 && d <= 31) {
		c->art_date = days_from_civil(y, m, d);
		c->art_year = y;
	}
	kg_split_sentences(a->text, a->len, &c->sents);
	c->res.sentences = c->sents.v;
	c->res.nsentences = c->sents.n;
	for (i = 0; i < c->sents.n; i++)
		code_sentence(c, i);
	*out = &c->res;
	return 0;
}
