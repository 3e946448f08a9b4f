/*
 * dictopts.c: the dictionary options shared by extract, ingest and
 * validate: --dict-dir DIR --verbs F --actors F[,F] --agents F --discards F.
 *
 * Given any of them, the lexicon is built from those PETRARCH/TABARI files
 * (file names relative to --dict-dir) plus the CAMEO codebook, instead of
 * the built-in dictionaries.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/buf.h"
#include "base/err.h"
#include "cmd/cmd.h"
#include "lexicon/lexicon.h"

int kg_dict_opt(struct kg_dict_opts *o, int opt, const char *arg)
{
	switch (opt) {
	case KG_OPT_DICT_DIR:
		o->dir = arg;
		return 1;
	case KG_OPT_VERBS:
		o->verbs = arg;
		return 1;
	case KG_OPT_ACTORS:
		o->actors = arg;
		return 1;
	case KG_OPT_AGENTS:
		o->agents = arg;
		return 1;
	case KG_OPT_DISCARDS:
		o->discards = arg;
		return 1;
	}
	return 0;
}

int kg_dict_given(const struct kg_dict_opts *o)
{
	return o && (o->dir || o->verbs || o->actors || o->agents || o->discards);
}

static int load_one(struct kg_lexicon *lx, const char *dir, const char *kind,
		    const char *name, size_t n, int *bad)
{
	struct kg_buf path = KG_BUF_INIT;
	int rc;

	while (n && (*name == ' ' || *name == '\t'))
		name++, n--;
	while (n && (name[n - 1] == ' ' || name[n - 1] == '\t'))
		n--;
	if (!n)
		return 0;
	if (dir && *name != '/')
		kg_buf_addf(&path, "%s/", dir);
	kg_buf_add(&path, name, n);
	rc = kg_lex_load_petrarch(lx, kind, path.s);
	kg_buf_release(&path);
	if (rc < 0)
		return -1;
	*bad += rc;
	return 0;
}

/* Comma-separated file names. */
static int load_list(struct kg_lexicon *lx, const char *dir, const char *kind,
		     const char *list, int *bad)
{
	const char *p = list;

	if (!list)
		return 0;
	for (;;) {
		const char *c = strchr(p, ',');
		size_t n = c ? (size_t)(c - p) : strlen(p);
		if (load_one(lx, dir, kind, p, n, bad) < 0)
			return -1;
		if (!c)
			return 0;
		p = c + 1;
	}
}

struct kg_lexicon *kg_dict_load(const struct kg_dict_opts *o)
{
	struct kg_lexicon *lx = kg_lex_new();
	struct timespec t0, t1;
	int bad = 0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	/* Without PETRARCH verbs, the built-in relation words code with the
	 * actors given: one coder, two sources of words. */
	if ((o->verbs ? kg_lex_load_codebook(lx) : kg_lex_load_builtin(lx)) < 0 ||
	    load_list(lx, o->dir, "actors", o->actors, &bad) < 0 ||
	    load_list(lx, o->dir, "agents", o->agents, &bad) < 0 ||
	    load_list(lx, o->dir, "discards", o->discards, &bad) < 0 ||
	    load_list(lx, o->dir, "verbs", o->verbs, &bad) < 0) {
		kg_lex_free(lx);
		return NULL;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	kg_info("dictionaries: %zu actor, %zu agent, %zu verb, %zu discard entries "
		"in %.3f s%s", kg_lex_count(lx, KG_LEX_ACTOR), kg_lex_count(lx, KG_LEX_AGENT),
		kg_lex_count(lx, KG_LEX_RELATION), kg_lex_count(lx, KG_LEX_DISCARD),
		(double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
		bad ? " (some lines skipped)" : "");
	return lx;
}
