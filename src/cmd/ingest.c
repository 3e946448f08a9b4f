/*
 * ingest.c: `kgraph ingest`: code articles and store them.  Articles are
 * stored in batches (one transaction per BATCH_ARTICLES articles or
 * BATCH_BYTES of text: a commit per article would rewrite the indexes
 * and the full-text segments every time), each article under its own
 * savepoint, so a failed article leaves nothing behind and a kill loses
 * at most the batch in flight (never more than BATCH_SECONDS of work, for
 * slow streams on stdin).
 */
#include <getopt.h>
#include <string.h>
#include <time.h>

#include "base/err.h"
#include "cmd/cmd.h"
#include "input/input.h"
#include "lexicon/lexicon.h"
#include "store/store.h"

#define BATCH_ARTICLES 500
#define BATCH_BYTES (8u << 20)
#define BATCH_SECONDS 2

struct sink {
	struct kg_store *st;
	long added, skipped, triples;
	long batch;		/* articles in the open transaction */
	long b_added, b_triples;	/* what it adds, counted at commit */
	size_t bytes;
	time_t since;		/* when the open transaction began */
};

static int flush(struct sink *s)
{
	if (!s->batch)
		return 0;
	s->batch = 0;
	s->bytes = 0;
	if (kg_store_commit(s->st) < 0) {
		kg_store_rollback(s->st);
		return -1;
	}
	s->added += s->b_added;
	s->triples += s->b_triples;
	s->b_added = s->b_triples = 0;
	return 0;
}

static int store_article(const struct kg_result *r, void *vs)
{
	struct sink *s = vs;
	int rc;

	if (!s->batch) {
		if (kg_store_begin(s->st) < 0)
			return -1;
		s->since = time(NULL);
	}
	s->batch++;
	s->bytes += r->article->len;
	if (kg_store_savepoint(s->st) < 0)
		return -1;
	rc = kg_store_add(s->st, r);
	if (rc < 0) {
		if (kg_store_rollback_to(s->st) < 0)
			return -1;
		kg_warn("%s: not stored", r->article->origin);
		return 1;
	}
	if (kg_store_release(s->st) < 0)
		return -1;
	if (rc == 0) {
		s->skipped++;
		kg_info("%s: already stored", r->article->origin);
	} else {
		s->b_added++;
		s->b_triples += (long)r->ntriples;
	}
	if ((s->batch >= BATCH_ARTICLES || s->bytes >= BATCH_BYTES ||
	     time(NULL) - s->since >= BATCH_SECONDS) && flush(s) < 0)
		return -1;
	return 0;
}

int cmd_ingest(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"date", required_argument, NULL, 'D'},
		{"reextract", no_argument, NULL, 'R'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	struct kg_read_opts ro = {0};
	struct sink s = {0};
	struct kg_lexicon *lx = NULL;
	int c, rc, reextract = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+f:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if ((rc = kg_format_parse(optarg)) < 0)
				return kg_usage_error(ctx, "unknown input format '%s'", optarg);
			ro.format = (enum kg_format)rc;
			break;
		case 'D':
			ro.date = optarg;
			break;
		case 'R':
			reextract = 1;
			break;
		case 'h':
			kg_cmd_help(ctx->cmd, stdout);
			return KG_EXIT_OK;
		default:
			return kg_usage_error(ctx, "bad option '%s'", argv[optind - 1]);
		}
	}
	if (reextract && optind < argc)
		return kg_usage_error(ctx, "--reextract re-codes the stored articles and takes no input");
	if (!reextract && optind >= argc)
		return kg_usage_error(ctx, "no input (give files, directories or -)");
	if (kg_store_open(ctx->db, 0, &s.st) < 0)
		return KG_EXIT_FAIL;
	/* The user's dictionary, kept in the store, and the built-in ones. */
	if (!(lx = kg_dict_lexicon(s.st))) {
		kg_store_close(s.st);
		return KG_EXIT_FAIL;
	}
	if (reextract) {
		rc = kg_reextract(s.st, lx);
		kg_lex_free(lx);
		kg_store_close(s.st);
		return rc ? KG_EXIT_FAIL : KG_EXIT_OK;
	}
	rc = kg_pipeline_lex(lx, argv + optind, argc - optind, &ro, store_article, &s);
	if (rc < 0) {
		/* Stopped by a store error: the batch in flight may hold half
		 * an article, so it goes; earlier batches stay. */
		kg_store_rollback(s.st);
	} else if (flush(&s) < 0) {
		rc = -1;
	}
	kg_lex_free(lx);
	if (kg_verbosity >= 0)
		fprintf(stderr, "kgraph: %ld article%s added, %ld already stored, %ld triples\n",
			s.added, s.added == 1 ? "" : "s", s.skipped, s.triples);
	kg_store_close(s.st);
	return rc ? KG_EXIT_FAIL : KG_EXIT_OK;
}
