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

#endif
