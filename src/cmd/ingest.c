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
#include "store/store.h"

struct sink {
	struct kg_store *st;
	long added, skipped, triples;
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

int cmd_ingest(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"date", required_argument, NULL, 'D'},
		{"help", no_argument, NULL, 'h'},
		KG_DICT_LONGOPTS,
		{NULL, 0, NULL, 0}
	};
	struct kg_read_opts ro = {0};
	struct kg_dict_opts dict = {0};
	struct sink s = {0};
	int c, rc;

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
		case 'h':
			kg_cmd_help(ctx->cmd, stdout);
			return KG_EXIT_OK;
		default:
			if (kg_dict_opt(&dict, c, optarg))
				break;
			return kg_usage_error(ctx, "bad option '%s'", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return kg_usage_error(ctx, "no input (give files, directories or -)");
	if (kg_store_open(ctx->db, 0, &s.st) < 0)
		return KG_EXIT_FAIL;
	rc = kg_pipeline_dict(argv + optind, argc - optind, &ro, &dict, store_article, &s);
	if (kg_verbosity >= 0)
		fprintf(stderr, "kgraph: %ld article%s added, %ld already stored, %ld triples\n",
			s.added, s.added == 1 ? "" : "s", s.skipped, s.triples);
	kg_store_close(s.st);
	return rc ? KG_EXIT_FAIL : KG_EXIT_OK;
}
