/*
 * kgraph.h: the types every stage passes along (an article, an actor, a
 * triple, the result of coding one article).  Ground floor: includes
 * nothing of the project, so the store can store triples without the
 * coder, and the exporters can read them without the store.
 *
 * Strings in these structs are borrowed: whoever fills a struct owns the
 * memory (the reader owns an article, the coder owns a result until its
 * next run).
 */
#ifndef KGRAPH_H
#define KGRAPH_H

#include <stdbool.h>
#include <stddef.h>

#define KG_VERSION "0.1.0"

/* Exit codes of the command line (jq keeps them in one enum too). */
enum kg_exit {
	KG_EXIT_OK = 0,
	KG_EXIT_FAIL = 1,	/* some input or operation failed */
	KG_EXIT_USAGE = 2,	/* bad command line */
};

/* One article, as the readers hand it to the pipeline. */
struct kg_article {
	const char *id;		/* external id, or NULL: the store derives one */
	const char *title;	/* NULL when unknown */
	const char *date;	/* published date "YYYY-MM-DD", or NULL */
	const char *source;	/* publisher, or NULL */
	const char *url;	/* or NULL */
	const char *text;	/* body, valid UTF-8 */
	size_t len;
	const char *origin;	/* where it came from, for messages: "FILE" or "FILE:LINE" */
	/* A dateline opening the body ("KABUL –", "WASHINGTON (Reuters) -"):
	 * the place it names ("KABUL"), or NULL; and the bytes of text it
	 * covers, so the coder can take it as a place, not an actor. */
	const char *dateline;
	size_t dateline_off, dateline_len;
};

enum kg_actor_type {
	KG_ACTOR_UNKNOWN = 0,
	KG_ACTOR_STATE,
	KG_ACTOR_GOVERNMENT,
	KG_ACTOR_PERSON,
	KG_ACTOR_ARMED_GROUP,
	KG_ACTOR_IGO,
	KG_ACTOR_NGO,
	KG_ACTOR_MEDIA,
	KG_ACTOR_PARTY,
	KG_ACTOR_MOVEMENT,
	KG_ACTOR_COMPANY,
	KG_ACTOR_GROUP,		/* a sector of a population: civilians, protesters */
	KG_ACTOR_NTYPES
};

/* "state", "armed_group" ...; the inverse returns -1 for an unknown name. */
const char *kg_actor_type_name(enum kg_actor_type t);
int kg_actor_type_parse(const char *s);

struct kg_actor {
	const char *name;	/* canonical display name: "Iran", "Taliban" */
	const char *code;	/* CAMEO code: "IRN", "IRNGOV", "AFGTAL"; "" when unresolved */
	enum kg_actor_type type;
	const char *country;	/* ISO3 of the country it belongs to, or NULL */
};

enum kg_modality {
	KG_MOD_ACTUAL = 0,
	KG_MOD_INTENDED,	/* will, plans, pledged, seeks */
	KG_MOD_CONSIDERED,	/* considering, contemplating, exploring */
	KG_MOD_POSSIBLE,	/* may, might, could, potential */
};

const char *kg_modality_name(enum kg_modality m);
int kg_modality_parse(const char *s);

/* A sentence, as byte offsets into the article text. */
struct kg_sentence {
	size_t off, len;
};

/* An actor found in a sentence (resolved or not). */
struct kg_mention {
	size_t sentence;	/* index into kg_result.sentences */
	size_t off, len;	/* byte offsets into the article text */
	struct kg_actor actor;
	bool resolved;		/* false: a capitalised name no dictionary knows */
};

/* actor - relation - actor, with everything an analyst needs to trust it. */
struct kg_triple {
	size_t sentence;	/* index into kg_result.sentences */
	struct kg_actor subject;
	struct kg_actor object;
	bool has_against;
	struct kg_actor against;	/* third party: "to counter ISKP" */
	const char *predicate;	/* readable relation: "intends to cooperate with" */
	char cameo[8];		/* "036", "190" */
	int quad_class;		/* 1..4 */
	double goldstein;
	enum kg_modality modality;
	bool negated;
	bool reported;		/* hedged: reportedly, allegedly */
	char event_date[11];	/* "YYYY-MM-DD" or "" */
	const char *location;	/* place name, or NULL */
	const char *attribution;	/* "The Diplomat", or NULL */
	double confidence;	/* 0..1 */
};

/* A fact that is not an event: "Vahidi holds office Interior Minister of Iran". */
struct kg_fact {
	size_t sentence;
	struct kg_actor subject;
	const char *relation;	/* "office", "affiliate_of", "member_of" */
	const char *value;	/* "Interior Minister", or NULL */
	bool has_object;
	struct kg_actor object;
};

/* Everything coding one article produced.  Owned by the coder. */
struct kg_result {
	const struct kg_article *article;
	struct kg_sentence *sentences;
	size_t nsentences;
	struct kg_mention *mentions;
	size_t nmentions;
	struct kg_triple *triples;
	size_t ntriples;
	struct kg_fact *facts;
	size_t nfacts;
};

#endif
