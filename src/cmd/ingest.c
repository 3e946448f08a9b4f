/*
 * ingest.c: `kgraph ingest`: code articles and store them.  Each article
 * is stored in its own transaction, so a kill loses at most the article
 * in flight, and a failed article leaves nothing behind.
 */
#include <getopt.h>
#include <string.h>

#include "base/err.h"
#include "cmd/cmd.h"
#include "input/input.h"
#include "input/triples.h"
#include "store/import.h"
#include "store/store.h"

struct sink {
	struct kg_store *st;
	long added, skipped, triples;
	struct kg_import *im;	/* --triples */
};

static int store_article(const struct kg_result *r, void *vs)
{
	struct sink *s = vs;
	int rc;

	if (kg_store_begin(s->st) < 0)
		return -1;
	rc = kg_store_add(s->st, r);
	if (rc < 0) {
		kg_store_rollback(s->st);
		kg_warn("%s: not stored", r->article->origin);
		return 1;
	}
	if (kg_store_commit(s->st) < 0) {
		kg_store_rollback(s->st);
		return -1;
	}
	if (rc == 0) {
		s->skipped++;
		kg_info("%s: already stored", r->article->origin);
	} else {
		s->added++;
		s->triples += (long)r->ntriples;
	}
	return 0;
}

/* --triples: one article rebuilt from triples coded elsewhere. */
static int store_batch(const struct kg_triples_batch *b, void *vs)
{
	struct sink *s = vs;
	int rc;

	if (kg_store_begin(s->st) < 0)
		return -1;
	if ((rc = kg_import_add(s->im, &b->res, b->seq)) < 0) {
		kg_store_rollback(s->st);
		kg_warn("%s: not stored", b->origin);
		return 1;
	}
	if (kg_store_commit(s->st) < 0) {
		kg_store_rollback(s->st);
		return -1;
	}
	if (rc == 0) {
		s->skipped++;
	} else {
		s->added++;
		s->triples += (long)b->res.ntriples;
	}
	return 0;
}

int cmd_ingest(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"date", required_argument, NULL, 'D'},
		{"help", no_argument, NULL, 'h'},
		{"triples", required_argument, NULL, 'T'},
		KG_PIPELINE_LONGOPTS,
		{NULL, 0, NULL, 0}
	};
	struct kg_read_opts ro = {0};
	struct sink s = {0};
	struct kg_pipeline_opts po = {0};
	const char *triples = NULL;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+f:h" KG_PIPELINE_SHORTOPTS, opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if ((rc = kg_format_parse(optarg)) < 0)
				return kg_usage_error(ctx, "unknown input format '%s'", optarg);
			ro.format = (enum kg_format)rc;
			break;
		case 'D':
			ro.date = optarg;
			break;
		case 'T':
			triples = optarg;
			break;
		case 'h':
			kg_cmd_help(ctx->cmd, stdout);
			return KG_EXIT_OK;
		default:
			if ((rc = kg_pipeline_option(ctx, &po, c, optarg)) >= 0) {
				if (rc)
					return rc;
				break;
			}
			return kg_usage_error(ctx, "bad option '%s'", argv[optind - 1]);
		}
	}
	if (triples && optind < argc)
		return kg_usage_error(ctx, "--triples takes the only input");
	if (!triples && optind >= argc)
		return kg_usage_error(ctx, "no input (give files, directories or -)");
	if (kg_store_open(ctx->db, 0, &s.st) < 0)
		return KG_EXIT_FAIL;
	if (triples)
		rc = (s.im = kg_import_new(s.st)) ? kg_triples_read(triples, store_batch, &s) : -1;
	else
		rc = kg_pipeline(argv + optind, argc - optind, &ro, &po, store_article, &s);
	kg_import_free(s.im);
	if (kg_verbosity >= 0)
		fprintf(stderr, "kgraph: %ld article%s added, %ld already stored, %ld triples\n",
			s.added, s.added == 1 ? "" : "s", s.skipped, s.triples);
	kg_store_close(s.st);
	return rc ? KG_EXIT_FAIL : KG_EXIT_OK;
}
