/*
 * lexicon.c: the phrase table and the readers of the built-in TSV files.
 *
 * Phrases live in an open-addressing hash table keyed by their normalised
 * text; the matcher builds a candidate phrase from tokens in a reused
 * buffer and looks it up, so matching allocates nothing.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/embed.h"
#include "base/err.h"
#include "lexicon/lexicon.h"

/* A phrase chain in the table, with its key's hash and length: a probe
 * that meets another phrase costs no visit to the entry or its string. */
struct slot {
	struct kg_lex_entry *e;	/* head of the chain; NULL: free */
	uint32_t h, len;
};

struct kg_lexicon {
	struct kg_arena arena;
	struct slot *slots;	/* phrase chains, by normalised phrase */
	size_t nslots, nphrases;
	uint64_t *filter;	/* 4 * nslots bits: a Bloom filter of the phrases */
	unsigned max_words;
	size_t counts[KG_LEX_DISCARD + 1];
	struct kg_cameo *cameo;
	size_t ncameo, cameo_cap;
	const struct kg_lex_entry **bycode;	/* canonical actor per code */
	size_t ncodes, code_slots;
	struct lead *lead;	/* first word -> longest phrase it starts */
	size_t nlead, lead_slots;
};

struct lead {
	const char *word;	/* NUL-terminated, in the arena */
	uint32_t h;
	uint16_t len, maxw;	/* words of at most 511 bytes (kg_lex_add) */
};

/*
 * The coder looks up every candidate phrase of a sentence (most of them
 * in no dictionary), so the hash reads eight bytes at a time and the last
 * one to seven bytes with two overlapping loads, no loop (as wyhash
 * does); the byte order only moves slots around.  Mixed well enough for
 * probes to stay short at half load.
 */
static uint64_t load64(const char *s)
{
	uint64_t w;

	memcpy(&w, s, 8);
	return w;
}

static uint64_t load32(const char *s)
{
	uint32_t w;

	memcpy(&w, s, 4);
	return w;
}

static uint64_t mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
	return h ^ (h >> 31);
}

/* a[0..n) == b[0..n), for the short keys of the tables: no call to memcmp. */
static int same(const char *a, const char *b, size_t n)
{
	size_t i;

	if (n >= 8) {
		for (i = 0; i + 8 <= n; i += 8)
			if (load64(a + i) != load64(b + i))
				return 0;
		return load64(a + n - 8) == load64(b + n - 8);
	}
	if (n >= 4)
		return load32(a) == load32(b) && load32(a + n - 4) == load32(b + n - 4);
	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

static uint64_t hash(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
	const unsigned char *u = (const unsigned char *)s;

	for (; n > 8; s += 8, u += 8, n -= 8)
		h = mix(h, load64(s));
	if (n == 8)
		h = mix(h, load64(s));
	else if (n >= 4)
		h = mix(h, load32(s) | load32(s + n - 4) << 32);
	else if (n)
		h = mix(h, (uint64_t)u[0] | (uint64_t)u[n / 2] << 8 | (uint64_t)u[n - 1] << 16);
	h *= 0x94D049BB133111EBULL;
	return h ^ (h >> 29);
}

struct kg_lexicon *kg_lex_new(void)
{
	struct kg_lexicon *lx = kg_xcalloc(1, sizeof *lx);

	lx->nslots = 1 << 14;
	lx->slots = kg_xcalloc(lx->nslots, sizeof *lx->slots);
	lx->filter = kg_xcalloc(lx->nslots / 16, sizeof *lx->filter);
	return lx;
}

void kg_lex_free(struct kg_lexicon *lx)
{
	if (!lx)
		return;
	free(lx->slots);
	free(lx->filter);
	free(lx->cameo);
	free(lx->bycode);
	free(lx->lead);
	kg_arena_free(&lx->arena);
	free(lx);
}

const char *kg_lex_intern(struct kg_lexicon *lx, const char *s, size_t n)
{
	return kg_arena_strndup(&lx->arena, s, n);
}

/* Each byte lower-cased, or 0 for those kg_lex_norm must look at: white
 * space, '_', 0xE2 (’ ‘) and NUL. */
static const unsigned char norm_byte[256] = {
	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x00, 0x00, 0x0B, 0x0C, 0x00, 0x0E, 0x0F,
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F,
	0x00, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F,
	0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F,
	0x40, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F,
	0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x5B, 0x5C, 0x5D, 0x5E, 0x00,
	0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F,
	0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F,
	0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x8E, 0x8F,
	0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F,
	0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF,
	0xB0, 0xB1, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBA, 0xBB, 0xBC, 0xBD, 0xBE, 0xBF,
	0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF,
	0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF,
	0xE0, 0xE1, 0x00, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF,
	0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF,
};

size_t kg_lex_norm(const char *t, size_t n, char *buf, size_t cap)
{
	size_t i = 0, o = 0;
	int space = 0;

	/* The common case, one word with room to spare (the coder normalises
	 * every token): lower-case it until a byte needs the rules below. */
	if (n < cap)
		for (unsigned char m; i < n && (m = norm_byte[(unsigned char)t[i]]); i++)
			buf[o++] = (char)m;
	for (; i < n; i++) {
		unsigned char c = (unsigned char)t[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '_') {
			space = o > 0;
			continue;
		}
		if (space) {
			if (o + 1 >= cap)
				return 0;
			buf[o++] = ' ';
			space = 0;
		}
		if (c == 0xE2 && i + 2 < n && (unsigned char)t[i + 1] == 0x80 &&
		    ((unsigned char)t[i + 2] == 0x99 || (unsigned char)t[i + 2] == 0x98)) {
			c = '\'';
			i += 2;
		} else if (c >= 'A' && c <= 'Z') {
			c = (unsigned char)(c + 32);
		}
		if (o + 1 >= cap)
			return 0;
		buf[o++] = (char)c;
	}
	buf[o] = 0;
	return o;
}

/*
 * Most phrases the coder asks for are in no dictionary.  A Bloom filter
 * (two bits per phrase, from a hash of the length and the first and last
 * eight bytes: a few instructions, and 8 KB that stay in the cache for
 * the built-in dictionaries) turns nearly all of them away before the
 * full hash and the probe.
 */
static uint64_t quick_hash(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint64_t a = 0, b = 0, h;

	if (n >= 8) {
		a = load64(s);
		b = load64(s + n - 8);
	} else if (n >= 4) {
		a = load32(s);
		b = load32(s + n - 4);
	} else if (n) {
		a = (uint64_t)u[0] | (uint64_t)u[n / 2] << 8 | (uint64_t)u[n - 1] << 16;
	}
	h = (a ^ n) * 0x9E3779B97F4A7C15ULL ^ b * 0xC2B2AE3D27D4EB4FULL;
	return h ^ (h >> 29);
}

static void filter_add(uint64_t *filter, size_t nbits, const char *s, size_t n)
{
	uint64_t h = quick_hash(s, n);
	size_t a = h & (nbits - 1), b = (h >> 32) & (nbits - 1);

	filter[a / 64] |= 1ULL << (a % 64);
	filter[b / 64] |= 1ULL << (b % 64);
}

static int filter_has(const struct kg_lexicon *lx, const char *s, size_t n)
{
	uint64_t h = quick_hash(s, n);
	size_t nbits = lx->nslots * 4, a = h & (nbits - 1), b = (h >> 32) & (nbits - 1);

	return (lx->filter[a / 64] >> (a % 64) & 1) && (lx->filter[b / 64] >> (b % 64) & 1);
}

static void rehash(struct kg_lexicon *lx)
{
	size_t n = lx->nslots * 2, i, j;
	struct slot *s = kg_xcalloc(n, sizeof *s);

	for (i = 0; i < lx->nslots; i++) {
		if (!lx->slots[i].e)
			continue;
		for (j = lx->slots[i].h & (n - 1); s[j].e; j = (j + 1) & (n - 1))
			;
		s[j] = lx->slots[i];
	}
	free(lx->slots);
	lx->slots = s;
	lx->nslots = n;
	free(lx->filter);
	lx->filter = kg_xcalloc(n / 16, sizeof *lx->filter);
	for (i = 0; i < n; i++)
		if (s[i].e)
			filter_add(lx->filter, n * 4, s[i].e->phrase, s[i].len);
}

/* The slot of norm[0..len), or the free slot where it would go; *hp
 * gets the key's hash.  Writes nothing: coder threads share the table. */
static struct slot *find_slot(const struct kg_lexicon *lx, const char *norm, size_t len,
			      uint32_t *hp)
{
	uint32_t h = (uint32_t)hash(norm, len);
	size_t i, mask = lx->nslots - 1;
	struct slot *s;

	for (i = h & mask; (s = &lx->slots[i])->e; i = (i + 1) & mask)
		if (s->h == h && s->len == len && same(s->e->phrase, norm, len))
			break;
	*hp = h;
	return s;
}

static struct lead *lead_slot(const struct kg_lexicon *lx, const char *w, size_t n)
{
	uint32_t h = (uint32_t)hash(w, n);
	size_t i, mask = lx->lead_slots - 1;
	struct lead *l;

	for (i = h & mask; (l = &lx->lead[i])->word; i = (i + 1) & mask)
		if (l->h == h && l->len == n && same(l->word, w, n))
			break;
	return l;
}

static void note_lead(struct kg_lexicon *lx, const char *norm, size_t n, unsigned nwords)
{
	const char *sp = memchr(norm, ' ', n);
	size_t w = sp ? (size_t)(sp - norm) : n;
	struct lead *l;

	if ((lx->nlead + 1) * 2 > lx->lead_slots) {
		struct lead *old = lx->lead;
		size_t on = lx->lead_slots, i;

		lx->lead_slots = on ? on * 2 : 1 << 14;
		lx->lead = kg_xcalloc(lx->lead_slots, sizeof *lx->lead);
		for (i = 0; i < on; i++)
			if (old[i].word)
				*lead_slot(lx, old[i].word, old[i].len) = old[i];
		free(old);
	}
	l = lead_slot(lx, norm, w);
	if (!l->word) {
		l->word = kg_lex_intern(lx, norm, w);
		l->len = (uint16_t)w;
		l->h = (uint32_t)hash(norm, w);
		lx->nlead++;
	}
	if (nwords > l->maxw)
		l->maxw = (uint16_t)nwords;
}

unsigned kg_lex_lead_words(const struct kg_lexicon *lx, const char *norm, size_t len)
{
	const struct lead *l;

	if (!lx->lead_slots)
		return 0;
	l = lead_slot(lx, norm, len);
	return l->word ? l->maxw : 0;
}

struct kg_lex_entry *kg_lex_add(struct kg_lexicon *lx, enum kg_lex_kind kind,
				const char *phrase, size_t len)
{
	char norm[512];
	size_t n = kg_lex_norm(phrase, len, norm, sizeof norm), i, upper = 0, letters = 0;
	struct kg_lex_entry *e;
	struct slot *slot;
	uint32_t h;

	if (!n)
		return NULL;
	if ((lx->nphrases + 1) * 2 > lx->nslots)
		rehash(lx);
	e = kg_arena_zalloc(&lx->arena, sizeof *e);
	e->kind = kind;
	e->surface = kg_lex_intern(lx, phrase, len);
	for (i = 0; i < len; i++) {
		if (phrase[i] >= 'A' && phrase[i] <= 'Z')
			upper++, letters++;
		else if (phrase[i] >= 'a' && phrase[i] <= 'z')
			letters++;
	}
	while (len && (*phrase == ' ' || *phrase == '_'))
		phrase++, len--;
	if (len && ((*phrase >= 'A' && *phrase <= 'Z') || (unsigned char)*phrase >= 0x80))
		e->flags |= KG_LEXF_CAP;
	if (letters && upper == letters && letters <= 5)
		e->flags |= KG_LEXF_EXACT;
	e->nwords = 1;
	for (i = 0; i < n; i++)
		if (norm[i] == ' ')
			e->nwords++;
	if (e->nwords > lx->max_words)
		lx->max_words = e->nwords;
	note_lead(lx, norm, n, e->nwords);
	lx->counts[kind]++;
	slot = find_slot(lx, norm, n, &h);
	if (!slot->e) {
		e->phrase = kg_lex_intern(lx, norm, n);
		slot->e = e;
		slot->h = h;
		slot->len = (uint32_t)n;
		filter_add(lx->filter, lx->nslots * 4, norm, n);
		lx->nphrases++;
	} else {
		struct kg_lex_entry *p = slot->e;
		e->phrase = p->phrase;
		while (p->next)
			p = p->next;
		p->next = e;
	}
	return e;
}

const struct kg_lex_entry *kg_lex_get(const struct kg_lexicon *lx, const char *norm, size_t len)
{
	uint32_t h;

	if (!filter_has(lx, norm, len))
		return NULL;
	return find_slot(lx, norm, len, &h)->e;
}

unsigned kg_lex_max_words(const struct kg_lexicon *lx)
{
	return lx->max_words;
}

size_t kg_lex_count(const struct kg_lexicon *lx, enum kg_lex_kind kind)
{
	return lx->counts[kind];
}

const struct kg_cameo *kg_lex_cameo(const struct kg_lexicon *lx, const char *code)
{
	size_t lo = 0, hi = lx->ncameo;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(lx->cameo[mid].code, code);
		if (!c)
			return &lx->cameo[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static const struct kg_lex_entry **code_slot(const struct kg_lexicon *lx, const char *code)
{
	size_t i, n = strlen(code);

	for (i = hash(code, n) & (lx->code_slots - 1); lx->bycode[i];
	     i = (i + 1) & (lx->code_slots - 1))
		if (!strcmp(lx->bycode[i]->actor.code, code))
			break;
	return &lx->bycode[i];
}

void kg_lex_set_canonical(struct kg_lexicon *lx, const struct kg_lex_entry *e)
{
	const struct kg_lex_entry **slot;

	if (!e || !e->actor.code || !*e->actor.code)
		return;
	if ((lx->ncodes + 1) * 2 > lx->code_slots) {
		const struct kg_lex_entry **old = lx->bycode;
		size_t n = lx->code_slots, i;

		lx->code_slots = n ? n * 2 : 1024;
		lx->bycode = kg_xcalloc(lx->code_slots, sizeof *lx->bycode);
		for (i = 0; i < n; i++)
			if (old[i])
				*code_slot(lx, old[i]->actor.code) = old[i];
		free(old);
	}
	slot = code_slot(lx, e->actor.code);
	if (!*slot) {
		*slot = e;
		lx->ncodes++;
	}
}

const struct kg_lex_entry *kg_lex_by_code(const struct kg_lexicon *lx, const char *code)
{
	if (!lx->code_slots || !code)
		return NULL;
	return *code_slot(lx, code);
}

/* ---- TSV readers ---- */

#define MAXF 12

struct line {
	const char *f[MAXF];
	size_t n[MAXF];
	int nf;
};

static int split_tabs(const char *s, size_t len, struct line *l)
{
	size_t a = 0, i;

	l->nf = 0;
	for (i = 0; i <= len; i++) {
		if (i == len || s[i] == '\t') {
			if (l->nf == MAXF)
				return -1;
			l->f[l->nf] = s + a;
			l->n[l->nf] = i - a;
			if (l->n[l->nf] == 1 && s[a] == '-')
				l->n[l->nf] = 0;
			l->nf++;
			a = i + 1;
		}
	}
	return l->nf;
}

static int parse_date(const char *s, size_t n)
{
	int y, m, d;
	char tmp[16];

	if (!n)
		return 0;
	if (n >= sizeof tmp)
		return -1;
	memcpy(tmp, s, n);
	tmp[n] = 0;
	if (sscanf(tmp, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return -1;
	return y * 10000 + m * 100 + d;
}

typedef void (*each_fn)(struct kg_lexicon *lx, const char *item, size_t n, void *ctx);

static void each_item(struct kg_lexicon *lx, const char *s, size_t n, each_fn fn, void *ctx)
{
	size_t a = 0, i;

	for (i = 0; i <= n; i++)
		if (i == n || s[i] == '|') {
			const char *p = s + a;
			size_t k = i - a;
			while (k && *p == ' ')
				p++, k--;
			while (k && p[k - 1] == ' ')
				k--;
			if (k)
				fn(lx, p, k, ctx);
			a = i + 1;
		}
}

struct actor_ctx {
	struct kg_actor actor;
	const char *office;
	int from, until;
	unsigned flags;
	const char *agent;
};

static struct kg_lex_entry *add_actor(struct kg_lexicon *lx, const char *p, size_t n,
				      struct actor_ctx *c)
{
	const char *eq = memchr(p, '=', n);
	struct kg_lex_entry *e;

	e = kg_lex_add(lx, KG_LEX_ACTOR, p, eq ? (size_t)(eq - p) : n);
	if (!e)
		return NULL;
	e->actor = c->actor;
	e->office = c->office;
	e->from = c->from;
	e->until = c->until;
	e->flags |= c->flags;
	e->agent = c->agent;
	if (eq) {
		/* "Kremlin=GOV": the metonym names an institution of the state. */
		struct kg_buf b = KG_BUF_INIT;
		const char *ag = kg_lex_intern(lx, eq + 1, n - (size_t)(eq - p) - 1);
		kg_buf_addf(&b, "%s%s", c->actor.code, ag);
		e->agent = ag;
		e->actor.code = kg_lex_intern(lx, b.s, b.len);
		e->actor.type = KG_ACTOR_GOVERNMENT;
		kg_buf_release(&b);
	}
	return e;
}

static void add_actor_alias(struct kg_lexicon *lx, const char *p, size_t n, void *vctx)
{
	add_actor(lx, p, n, vctx);
}

static const char *dup_field(struct kg_lexicon *lx, const struct line *l, int i)
{
	return l->n[i] ? kg_lex_intern(lx, l->f[i], l->n[i]) : NULL;
}

static int load_countries(struct kg_lexicon *lx, const struct line *l)
{
	struct actor_ctx c = {0};

	if (l->nf < 6)
		return -1;
	c.actor.code = dup_field(lx, l, 0);
	c.actor.name = dup_field(lx, l, 1);
	c.actor.country = c.actor.code;
	c.actor.type = KG_ACTOR_STATE;
	if (!c.actor.code || !c.actor.name)
		return -1;
	kg_lex_set_canonical(lx, add_actor(lx, l->f[1], l->n[1], &c));
	each_item(lx, l->f[3], l->n[3], add_actor_alias, &c);
	c.flags = KG_LEXF_ADJ;
	each_item(lx, l->f[4], l->n[4], add_actor_alias, &c);
	c.flags = KG_LEXF_METONYM;
	each_item(lx, l->f[5], l->n[5], add_actor_alias, &c);
	return 0;
}

static int load_actors(struct kg_lexicon *lx, const struct line *l)
{
	struct actor_ctx c = {0};
	char type[32];
	int t;

	if (l->nf < 8 || !l->n[0] || !l->n[1] || l->n[2] >= sizeof type)
		return -1;
	memcpy(type, l->f[2], l->n[2]);
	type[l->n[2]] = 0;
	if ((t = kg_actor_type_parse(type)) < 0)
		return -1;
	c.actor.name = dup_field(lx, l, 0);
	c.actor.code = dup_field(lx, l, 1);
	c.actor.type = (enum kg_actor_type)t;
	c.actor.country = dup_field(lx, l, 3);
	c.office = dup_field(lx, l, 5);
	if ((c.from = parse_date(l->f[6], l->n[6])) < 0 ||
	    (c.until = parse_date(l->f[7], l->n[7])) < 0)
		return -1;
	kg_lex_set_canonical(lx, add_actor(lx, l->f[0], l->n[0], &c));
	each_item(lx, l->f[4], l->n[4], add_actor_alias, &c);
	return 0;
}

struct agent_ctx {
	const char *code;
	unsigned flags;
};

static void add_agent(struct kg_lexicon *lx, const char *p, size_t n, void *vctx)
{
	struct agent_ctx *c = vctx;
	struct kg_lex_entry *e = kg_lex_add(lx, KG_LEX_AGENT, p, n);

	if (!e)
		return;
	e->agent = c->code;
	e->flags = (e->flags & ~(unsigned)(KG_LEXF_CAP | KG_LEXF_EXACT)) | c->flags;
}

static int load_agents(struct kg_lexicon *lx, const struct line *l)
{
	struct agent_ctx c = {0};

	if (l->nf < 3 || !l->n[0] || !l->n[1])
		return -1;
	c.code = dup_field(lx, l, 1);
	if (l->n[2]) {
		char fl[128];
		size_t n = l->n[2] < sizeof fl - 1 ? l->n[2] : sizeof fl - 1;

		memcpy(fl, l->f[2], n);
		fl[n] = 0;
		if (strstr(fl, "office"))
			c.flags |= KG_LEXF_OFFICE;
		if (strstr(fl, "armed"))
			c.flags |= KG_LEXF_ARMED;
	}
	each_item(lx, l->f[0], l->n[0], add_agent, &c);
	return 0;
}

struct place_ctx {
	const char *name, *country, *kind;
};

static void add_place(struct kg_lexicon *lx, const char *p, size_t n, void *vctx)
{
	struct place_ctx *c = vctx;
	struct kg_lex_entry *e = kg_lex_add(lx, KG_LEX_PLACE, p, n);

	if (!e)
		return;
	e->actor.name = c->name;
	e->actor.country = c->country;
	e->actor.code = c->country;
	e->actor.type = KG_ACTOR_STATE;
	e->place_kind = c->kind;
}

static int load_places(struct kg_lexicon *lx, const struct line *l)
{
	struct place_ctx c;

	/* country may be "-": seas, straits and disputed areas. */
	if (l->nf < 4 || !l->n[0])
		return -1;
	c.name = dup_field(lx, l, 0);
	c.country = dup_field(lx, l, 1);
	c.kind = dup_field(lx, l, 2);
	add_place(lx, l->f[0], l->n[0], &c);
	each_item(lx, l->f[3], l->n[3], add_place, &c);
	return 0;
}

/* ---- relations.tsv ---- */

static int is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* ban -> banned: one syllable ending consonant-vowel-consonant. */
static int doubles(const char *w, size_t n)
{
	size_t i, groups = 0;
	char last;

	if (n < 3)
		return 0;
	last = w[n - 1];
	if (is_vowel(last) || last == 'w' || last == 'x' || last == 'y')
		return 0;
	if (!is_vowel(w[n - 2]) || is_vowel(w[n - 3]))
		return 0;
	for (i = 0; i < n; i++)
		if (is_vowel(w[i]) && (i == 0 || !is_vowel(w[i - 1])))
			groups++;
	return groups == 1;
}

char *kg_lex_inflect(const char *w, unsigned form, char *buf, size_t cap)
{
	size_t n = strlen(w);
	char last = n ? w[n - 1] : 0, prev = n > 1 ? w[n - 2] : 0;
	int ys = last == 'y' && prev && !is_vowel(prev);
	int sib = last == 's' || last == 'x' || last == 'z' || last == 'o' ||
		  (last == 'h' && (prev == 'c' || prev == 's'));

	switch (form) {
	case KG_FORM_3SG:
	case KG_FORM_PL:
		if (ys)
			snprintf(buf, cap, "%.*sies", (int)(n - 1), w);
		else
			snprintf(buf, cap, "%s%s", w, sib && !(form == KG_FORM_PL && last == 'o') ? "es" : "s");
		break;
	case KG_FORM_PAST:
	case KG_FORM_PP:
		if (last == 'e')
			snprintf(buf, cap, "%sd", w);
		else if (ys)
			snprintf(buf, cap, "%.*sied", (int)(n - 1), w);
		else if (doubles(w, n))
			snprintf(buf, cap, "%s%ced", w, last);
		else
			snprintf(buf, cap, "%sed", w);
		break;
	case KG_FORM_ING:
		if (last == 'e' && prev == 'i')
			snprintf(buf, cap, "%.*sying", (int)(n - 2), w);
		else if (last == 'e' && prev != 'e' && prev != 'y' && prev != 'o')
			snprintf(buf, cap, "%.*sing", (int)(n - 1), w);
		else if (doubles(w, n))
			snprintf(buf, cap, "%s%cing", w, last);
		else
			snprintf(buf, cap, "%sing", w);
		break;
	default:
		snprintf(buf, cap, "%s", w);
	}
	return buf;
}

struct rel_line {
	const char *pos, *prep, *cameo, *label, *lemma;
	unsigned rflags;
};

static void add_rel_form(struct kg_lexicon *lx, const struct rel_line *r, const char *surface,
			 unsigned forms)
{
	struct kg_lex_entry *e = kg_lex_add(lx, KG_LEX_RELATION, surface, strlen(surface));

	if (!e)
		return;
	e->flags &= ~(unsigned)(KG_LEXF_CAP | KG_LEXF_EXACT);
	e->pos = r->pos;
	e->prep = r->prep;
	e->cameo = r->cameo;
	e->label = r->label;
	e->lemma = r->lemma;
	e->forms = forms;
	e->rflags = r->rflags;
}

/*
 * relations.tsv: phrase  pos  prep  cameo  label  [forms]  [flags]
 * A verb (pos v) inflects its first word, a noun (n) its last; forms gives
 * irregular ones ("held/held" past/participle, "crises" plural, "none").
 */
static int load_relations(struct kg_lexicon *lx, const struct line *l)
{
	struct rel_line r = {0};
	char lemma[256], head[64], tail[192], forms[128], fl[64], buf[96];
	char out[6][256];
	unsigned bits[6];
	size_t hn, nout = 0, i, j;
	const char *sp;
	int verb, noun;

	if (l->nf < 5 || !l->n[0] || !l->n[1] || !l->n[3] || !l->n[4] || l->n[0] >= sizeof lemma)
		return -1;
	if (!(l->n[1] == 1 && strchr("vnp", l->f[1][0])))
		return -1;
	memcpy(lemma, l->f[0], l->n[0]);
	lemma[l->n[0]] = 0;
	for (i = 0; lemma[i]; i++)
		if (lemma[i] >= 'A' && lemma[i] <= 'Z')
			lemma[i] = (char)(lemma[i] + 32);
	verb = l->f[1][0] == 'v';
	noun = l->f[1][0] == 'n';
	r.pos = dup_field(lx, l, 1);
	r.prep = dup_field(lx, l, 2);
	r.cameo = dup_field(lx, l, 3);
	r.label = dup_field(lx, l, 4);
	r.lemma = kg_lex_intern(lx, lemma, strlen(lemma));
	if (!kg_lex_cameo(lx, r.cameo) && lx->ncameo)
		return -1;
	forms[0] = fl[0] = 0;
	if (l->nf > 5 && l->n[5] && l->n[5] < sizeof forms) {
		memcpy(forms, l->f[5], l->n[5]);
		forms[l->n[5]] = 0;
	}
	if (l->nf > 6 && l->n[6] && l->n[6] < sizeof fl) {
		memcpy(fl, l->f[6], l->n[6]);
		fl[l->n[6]] = 0;
		if (strstr(fl, "sym"))
			r.rflags |= KG_RELF_SYM;
		if (strstr(fl, "ctrl"))
			r.rflags |= KG_RELF_CTRL;
		if (strstr(fl, "counter"))
			r.rflags |= KG_RELF_COUNTER;
		if (strstr(fl, "ambig"))
			r.rflags |= KG_RELF_AMBIG;
	}
	/* Split into the word that inflects and the rest. */
	if (verb) {
		sp = strchr(lemma, ' ');
		hn = sp ? (size_t)(sp - lemma) : strlen(lemma);
		if (hn >= sizeof head)
			return -1;
		memcpy(head, lemma, hn);
		head[hn] = 0;
		snprintf(tail, sizeof tail, "%s", sp ? sp : "");
	} else {
		sp = strrchr(lemma, ' ');
		snprintf(head, sizeof head, "%s", sp ? sp + 1 : lemma);
		snprintf(tail, sizeof tail, "%.*s", sp ? (int)(sp - lemma) + 1 : 0, lemma);
	}
#define OUT(s, b) do { \
	if (verb) snprintf(out[nout], sizeof out[nout], "%s%s", (s), tail); \
	else snprintf(out[nout], sizeof out[nout], "%s%s", tail, (s)); \
	bits[nout++] = (b); \
} while (0)
	OUT(head, KG_FORM_BASE);
	if (verb) {
		char past[64] = "", pp[64] = "";
		const char *slash = strchr(forms, '/');

		if (*forms && slash) {
			snprintf(past, sizeof past, "%.*s", (int)(slash - forms), forms);
			snprintf(pp, sizeof pp, "%s", slash + 1);
		}
		OUT(kg_lex_inflect(head, KG_FORM_3SG, buf, sizeof buf), KG_FORM_3SG);
		OUT(*past ? past : kg_lex_inflect(head, KG_FORM_PAST, buf, sizeof buf), KG_FORM_PAST);
		OUT(*pp ? pp : kg_lex_inflect(head, KG_FORM_PP, buf, sizeof buf), KG_FORM_PP);
		OUT(kg_lex_inflect(head, KG_FORM_ING, buf, sizeof buf), KG_FORM_ING);
	} else if (noun && strcmp(forms, "none")) {
		OUT(*forms ? forms : kg_lex_inflect(head, KG_FORM_PL, buf, sizeof buf), KG_FORM_PL);
	}
#undef OUT
	/* One entry per distinct surface ("met" is past and participle). */
	for (i = 0; i < nout; i++) {
		unsigned b = bits[i];
		int dup = 0;

		for (j = 0; j < i; j++)
			if (!strcmp(out[j], out[i]))
				dup = 1;
		if (dup)
			continue;
		for (j = i + 1; j < nout; j++)
			if (!strcmp(out[j], out[i]))
				b |= bits[j];
		add_rel_form(lx, &r, out[i], b);
	}
	return 0;
}

static int cmp_cameo(const void *a, const void *b)
{
	return strcmp(((const struct kg_cameo *)a)->code, ((const struct kg_cameo *)b)->code);
}

static int load_cameo(struct kg_lexicon *lx, const struct line *l)
{
	struct kg_cameo *c;
	char num[32];

	if (l->nf < 4 || !l->n[0] || !l->n[1] || l->n[3] >= sizeof num)
		return -1;
	KG_GROW(lx->cameo, lx->ncameo + 1, lx->cameo_cap);
	c = &lx->cameo[lx->ncameo];
	c->code = dup_field(lx, l, 0);
	c->label = dup_field(lx, l, 1);
	c->quad_class = l->n[2] ? l->f[2][0] - '0' : 0;
	memcpy(num, l->f[3], l->n[3]);
	num[l->n[3]] = 0;
	c->goldstein = atof(num);
	if (c->quad_class < 1 || c->quad_class > 4)
		return -1;
	lx->ncameo++;
	return 0;
}

static const struct {
	const char *type;
	int (*line)(struct kg_lexicon *, const struct line *);
} readers[] = {
	{"countries", load_countries},
	{"actors", load_actors},
	{"agents", load_agents},
	{"places", load_places},
	{"relations", load_relations},
	{"cameo", load_cameo},
};

int kg_lex_load_tsv(struct kg_lexicon *lx, const char *type, const char *name,
		    const char *data, size_t len)
{
	int (*fn)(struct kg_lexicon *, const struct line *) = NULL;
	size_t i, a = 0, lineno = 0;
	int bad = 0;
	struct line l;

	for (i = 0; i < sizeof readers / sizeof *readers; i++)
		if (!strcmp(readers[i].type, type))
			fn = readers[i].line;
	if (!fn)
		return kg_error("%s: unknown dictionary type '%s'", name, type), 1;
	for (i = 0; i <= len; i++) {
		size_t n;
		const char *s;

		if (i < len && data[i] != '\n')
			continue;
		s = data + a;
		n = i - a;
		a = i + 1;
		lineno++;
		if (n && s[n - 1] == '\r')
			n--;
		if (!n || s[0] == '#')
			continue;
		if (split_tabs(s, n, &l) < 0 || fn(lx, &l) < 0) {
			kg_warn("%s:%zu: malformed %s entry", name, lineno, type);
			bad++;
		}
	}
	if (fn == load_cameo && lx->ncameo)
		qsort(lx->cameo, lx->ncameo, sizeof *lx->cameo, cmp_cameo);
	return bad;
}

int kg_lex_load_builtin(struct kg_lexicon *lx)
{
	static const struct {
		const char *path, *type;
	} files[] = {
		{"data/cameo.tsv", "cameo"},
		{"data/dict/countries.tsv", "countries"},
		{"data/dict/actors.tsv", "actors"},
		{"data/dict/agents.tsv", "agents"},
		{"data/dict/places.tsv", "places"},
		{"data/relations.tsv", "relations"},
	};
	int bad = 0;

	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		const struct kg_embedded *e = kg_embed_find(files[i].path);
		if (!e)
			return kg_error("built-in dictionary %s missing from the build", files[i].path);
		bad += kg_lex_load_tsv(lx, files[i].type, files[i].path, e->data, e->len);
	}
	return bad ? -1 : 0;
}

void *kg_lex_alloc(struct kg_lexicon *lx, size_t n)
{
	return kg_arena_zalloc(&lx->arena, n);
}
