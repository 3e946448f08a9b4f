/*
 * lexicon.h: the dictionary model, one for every source of words.
 *
 * A lexicon maps a phrase (normalised: lower case, single spaces, ’ as ')
 * to entries: actors, agent words, places, relation words, discards.
 * The built-in TSV files under data/ (embedded in the binary) and, later,
 * PETRARCH/TABARI dictionaries are read into this same model, so the
 * coder has one place to look words up.
 *
 * The lexicon owns every string and entry in it (one arena); lookups
 * return borrowed pointers valid until kg_lex_free.
 */
#ifndef KG_LEXICON_H
#define KG_LEXICON_H

#include <stddef.h>

#include "base/kgraph.h"

enum kg_lex_kind {
	KG_LEX_ACTOR = 1,	/* a named actor: Iran, Taliban, Ahmad Vahidi */
	KG_LEX_AGENT,		/* a role word: minister, rebels, police */
	KG_LEX_PLACE,		/* a location: Kerman -> IRN */
	KG_LEX_RELATION,	/* an event word: attack, collaboration with */
	KG_LEX_DISCARD,		/* a phrase that voids actor matching in it */
};

/* Entry flags. */
enum {
	KG_LEXF_CAP = 1 << 0,	/* written capitalised: text must be too */
	KG_LEXF_EXACT = 1 << 1,	/* short upper-case alias (US, IS): exact case only */
	KG_LEXF_OFFICE = 1 << 2,	/* agent word that titles a person: "Interior Minister" */
	KG_LEXF_ARMED = 1 << 3,	/* agent word for an armed actor */
	KG_LEXF_ADJ = 1 << 4,	/* actor alias that is an adjective/demonym: Afghan */
	KG_LEXF_METONYM = 1 << 5,	/* a capital standing for its state: Tehran */
	KG_LEXF_PLURAL = 1 << 6,	/* agent word in plural form */
};

struct kg_lex_entry {
	enum kg_lex_kind kind;
	unsigned flags;
	unsigned nwords;
	const char *phrase;	/* normalised key */
	const char *surface;	/* as written in the dictionary */
	struct kg_lex_entry *next;	/* next entry with the same phrase */

	/* KG_LEX_ACTOR */
	struct kg_actor actor;
	const char *office;	/* persons: "Interior Minister" */
	int from, until;	/* yyyymmdd; 0 = open */

	/* KG_LEX_AGENT: CAMEO agent code ("GOV"); also used for metonyms */
	const char *agent;

	/* KG_LEX_PLACE: actor.country holds the country, actor.name the place */
	const char *place_kind;

	/* KG_LEX_RELATION */
	const char *cameo;	/* "036" */
	const char *label;	/* "cooperates with" */
	const char *pos;	/* "v" verb, "n" noun, "p" phrase */
	const char *prep;	/* the preposition that introduces the target, or NULL */
	void *extra;		/* owned by whoever reads relation sources */

	/* KG_LEX_RELATION from data/relations.tsv (others leave them 0) */
	const char *lemma;	/* "hold talks" for "held talks" */
	unsigned forms;		/* KG_FORM_* bits this surface form stands for */
	unsigned rflags;	/* KG_RELF_* */
};

/* Word forms of a relation entry (a surface may be several: "met"). */
enum {
	KG_FORM_BASE = 1 << 0,	/* attack (verb base, noun singular) */
	KG_FORM_3SG = 1 << 1,	/* attacks (verb) */
	KG_FORM_PAST = 1 << 2,	/* attacked */
	KG_FORM_PP = 1 << 3,	/* attacked (participle: passive) */
	KG_FORM_ING = 1 << 4,	/* attacking */
	KG_FORM_PL = 1 << 5,	/* attacks (noun plural) */
};

/* Relation flags (column 7 of relations.tsv). */
enum {
	KG_RELF_SYM = 1 << 0,	/* "talks between X and Y": either side may lead */
	KG_RELF_CTRL = 1 << 1,	/* takes "to VERB": threaten to attack */
	KG_RELF_COUNTER = 1 << 2,	/* "to counter X": X is the third party */
	KG_RELF_AMBIG = 1 << 3,	/* common word: only with a clear actor on both sides */
};

struct kg_lexicon;

struct kg_lexicon *kg_lex_new(void);
void kg_lex_free(struct kg_lexicon *lx);

/* Intern a string in the lexicon's arena. */
const char *kg_lex_intern(struct kg_lexicon *lx, const char *s, size_t n);

/*
 * Add an entry for phrase (any case; normalised here) and return it for
 * the caller to fill.  Entries with the same phrase are chained, newest
 * last.  kind, phrase, surface, nwords and the case flags are set.
 */
struct kg_lex_entry *kg_lex_add(struct kg_lexicon *lx, enum kg_lex_kind kind,
				const char *phrase, size_t len);

/* The first entry for a normalised phrase, or NULL. */
const struct kg_lex_entry *kg_lex_get(const struct kg_lexicon *lx,
				      const char *norm, size_t len);

/* The canonical actor entry for a CAMEO code ("IRN"), or NULL; the first
 * entry registered for a code wins. */
const struct kg_lex_entry *kg_lex_by_code(const struct kg_lexicon *lx, const char *code);
void kg_lex_set_canonical(struct kg_lexicon *lx, const struct kg_lex_entry *e);

/* The longest phrase, in words (bounds the matcher's window). */
unsigned kg_lex_max_words(const struct kg_lexicon *lx);

/* The longest phrase, in words, whose first word is norm[0..len) (any
 * kind), or 0 when no phrase starts with that word: lets the matcher skip
 * most tokens with one lookup. */
unsigned kg_lex_lead_words(const struct kg_lexicon *lx, const char *norm, size_t len);

/*
 * Inflect a lower-case English word into buf: form is one KG_FORM_* bit
 * (KG_FORM_PL for nouns).  Regular rules only (agree-agreed, deny-denies,
 * ban-banned); irregular forms come from relations.tsv.  Returns buf.
 */
char *kg_lex_inflect(const char *word, unsigned form, char *buf, size_t cap);
size_t kg_lex_count(const struct kg_lexicon *lx, enum kg_lex_kind kind);

/*
 * Normalise text[0..n) into buf (capacity cap): lower-case ASCII, ’ -> ',
 * runs of space -> one space.  Returns the length, or 0 if it did not fit.
 */
size_t kg_lex_norm(const char *text, size_t n, char *buf, size_t cap);

/*
 * Load the built-in dictionaries embedded in the binary (data/dict/,
 * data/relations.tsv, data/cameo.tsv).  Returns 0, or -1 after reporting.
 */
int kg_lex_load_builtin(struct kg_lexicon *lx);

/*
 * Load one TSV dictionary of the given type ("countries", "actors",
 * "agents", "places", "relations") from memory; name is used in messages
 * ("data/dict/actors.tsv:12: ...").  Bad lines are reported and skipped;
 * returns the number of bad lines.
 */
int kg_lex_load_tsv(struct kg_lexicon *lx, const char *type, const char *name,
		    const char *data, size_t len);

/* CAMEO codebook (data/cameo.tsv). */
struct kg_cameo {
	const char *code, *label;
	int quad_class;
	double goldstein;
};
const struct kg_cameo *kg_lex_cameo(const struct kg_lexicon *lx, const char *code);

/*
 * ---- PETRARCH/TABARI dictionaries (src/lexicon/petrarch.c) ----
 *
 * The field's CAMEO dictionaries are read into this same model: actors
 * (KG_LEX_ACTOR, one entry per name and dated code, in file order, with
 * from/until), agents (KG_LEX_AGENT, agent = "~GOV" suffix or "NGO~"
 * prefix), discards (KG_LEX_DISCARD, KG_LEXF_STORY for story-level ones)
 * and verbs (KG_LEX_RELATION whose extra is a struct kg_petr_verb, which
 * leads to the verb block and its patterns).  Every entry read from these
 * files carries KG_LEXF_PETR.  Everything is owned by the lexicon.
 */
enum {
	KG_LEXF_PETR = 1 << 12,		/* read from a PETRARCH/TABARI file */
	KG_LEXF_STORY = 1 << 13,	/* discard: voids the whole article */
	KG_LEXF_GAPPED = 1 << 14,	/* index entry of a phrase whose words may be apart */
};

/* One element of a verb pattern ("- $ * FOR &ECONSANCT [172]"). */
enum kg_petr_el {
	KG_PETR_WORD = 1,	/* a literal word */
	KG_PETR_SYN,		/* &SYNSET */
	KG_PETR_SRC,		/* $ the source actor */
	KG_PETR_TGT,		/* + the target actor */
	KG_PETR_CMP,		/* % a compound actor: source and target among its members */
	KG_PETR_SKIP,		/* ^ skip one noun phrase */
};

struct kg_petr_synset;

struct kg_petr_elem {
	unsigned char type;	/* enum kg_petr_el */
	unsigned char joined;	/* written WORD_WORD: must follow the previous element at once */
	unsigned char group;	/* 0, or '{' inside a noun phrase, '(' inside a prepositional one */
	unsigned char cont;	/* continues its {...} or (...): a few words apart at most */
	const char *word;	/* KG_PETR_WORD: normalised */
	const struct kg_petr_synset *syn;	/* KG_PETR_SYN */
};

/* A word sequence: a synset member or a multi-word name. */
struct kg_petr_seq {
	const struct kg_petr_elem *v;
	unsigned n;
};

struct kg_petr_synset {
	const char *name;	/* without the '&' */
	const struct kg_petr_seq *members;
	unsigned n;
	unsigned line;
};

/* Codes as written: "064", "032" + "033" for [032:033], "" for none; "---" is null. */
struct kg_petr_codes {
	char code[8], code2[8];
};

struct kg_petr_pattern {
	const struct kg_petr_elem *pre, *post;	/* before and after the verb, in reading order */
	unsigned npre, npost;
	unsigned char verb_joined;	/* "IN_*": the verb follows the last pre element at once */
	unsigned weight;	/* elements other than the verb: longer patterns are tried first */
	unsigned line;
	struct kg_petr_codes codes;
};

struct kg_petr_block {
	const char *name;	/* "RESTORE" */
	struct kg_petr_codes codes;
	const struct kg_petr_pattern *pat;	/* sorted by weight, longest first */
	unsigned npat;
	const char *file;
	unsigned line;
};

struct kg_petr_verb {
	const struct kg_petr_block *block;
	struct kg_petr_codes codes;	/* the verb's own code, else the block's */
	unsigned char past;	/* a past form (-ED or irregular): rarely a noun */
};

/* A phrase with KG_LEXF_GAPPED: the entry is indexed under "\1" + its first
 * word; extra points to this. */
struct kg_petr_gap {
	struct kg_petr_seq words;	/* all the words, the first included */
	const struct kg_lex_entry *entry;	/* the real entry (actor or agent) */
};

/* Zeroed memory owned by the lexicon (freed by kg_lex_free). */
void *kg_lex_alloc(struct kg_lexicon *lx, size_t n);

/*
 * Read a PETRARCH/TABARI dictionary of the given kind ("actors", "agents",
 * "discards", "verbs") from path, or from memory (name is used in
 * messages).  Bad lines are reported as "kgraph: FILE:LINE: reason" and
 * skipped; the rest loads.  Returns the number of bad lines, or -1 when
 * the file cannot be read.
 */
int kg_lex_load_petrarch(struct kg_lexicon *lx, const char *kind, const char *path);
int kg_lex_load_petrarch_mem(struct kg_lexicon *lx, const char *kind, const char *name,
			     const char *data, size_t len);

/* Does the lexicon hold PETRARCH verbs (the coder then uses their patterns)? */
int kg_lex_has_petrarch_verbs(const struct kg_lexicon *lx);

/* Load only the CAMEO codebook of the built-in data (labels, Goldstein). */
int kg_lex_load_codebook(struct kg_lexicon *lx);

/*
 * The words of text[0..n) as PETRARCH sees them, for dictionaries and
 * text alike: lower case, '_' separates, "'s" and "n't" split off
 * ("won't" -> "wo n't"), punctuation one token each.  fn gets each word's
 * byte span in text and its normalised form.  Returns the word count.
 */
typedef void (*kg_lex_word_fn)(void *ctx, size_t off, size_t len, const char *w, size_t wlen,
			       int punct);
size_t kg_lex_words(const char *text, size_t n, kg_lex_word_fn fn, void *ctx);

/* The yyyymmdd of "YYYY-MM-DD", "YYYYMMDD" or "YYMMDD" (19YY from 30), or 0. */
int kg_lex_date(const char *s, size_t n);

#endif
