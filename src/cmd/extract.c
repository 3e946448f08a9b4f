/*
 * extract.c: `kgraph extract`: code articles and print the triples, one
 * JSON object per line (docs/jsonl.md), or TSV.  No database: a stateless
 * filter, usable as a Hadoop Streaming mapper.
 */
#include <getopt.h>
#include <string.h>
#include <time.h>

#include "base/err.h"
#include "cmd/cmd.h"
#include "export/export.h"
#include "input/input.h"
#include "lexicon/lexicon.h"

struct sink {
	int tsv;
};

static int write_triples(const struct kg_result *r, void *vs)
{
	struct sink *s = vs;

	for (size_t i = 0; i < r->ntriples; i++) {
		const struct kg_triple *t = &r->triples[i];

		if (!s->tsv) {
			if (kg_jsonl_triple(stdout, r, t) < 0)
				return -1;
			continue;
		}
		printf("%s\t%zu\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
		       r->article->id ? r->article->id : r->article->origin, t->sentence + 1,
		       t->subject.name, t->subject.code, t->predicate, t->cameo,
		       t->object.name, kg_modality_name(t->modality),
		       t->has_against && t->against.name ? t->against.name : "");
	}
	return ferror(stdout) ? -1 : 0;
}

/* The input is slow (a stream): let the triples so far go downstream. */
static int flush_out(void *vs)
{
	return fflush(stdout) == 0 ? 0 : kg_error("write error on standard output:");
}

int cmd_extract(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"input-format", required_argument, NULL, 'i'},
		{"date", required_argument, NULL, 'D'},
		KG_PIPELINE_LONGOPTS,
		KG_DICT_LONGOPTS,
		{NULL, 0, NULL, 0}
	};
	struct kg_opts o = KG_OPTS(ctx, argc, argv, "+f:" KG_PIPELINE_SHORTOPTS, opts);
	struct kg_read_opts ro = {0};
	struct kg_dict_opts dict = {0};
	struct sink s = {0};
	struct kg_pipeline_opts po = {0};
	int c, rc;

	while ((c = kg_opt_next(&o)) > 0) {
		switch (c) {
		case 'f':
			if (!strcmp(optarg, "tsv"))
				s.tsv = 1;
			else if (strcmp(optarg, "jsonl"))
				return kg_usage_error(ctx, "unknown output format '%s' (jsonl|tsv)", optarg);
			break;
		case 'i':
			if ((rc = kg_format_parse(optarg)) < 0)
				return kg_usage_error(ctx, "unknown input format '%s'", optarg);
			ro.format = (enum kg_format)rc;
			break;
		case 'D':
			ro.date = optarg;
			break;
		default:
			if (!kg_dict_opt(&dict, c, optarg) &&
			    (rc = kg_pipeline_option(ctx, &po, c, optarg)) > 0)
				return rc;
			break;
		}
	}
	if (c < 0)
		return o.status;
	if (optind >= argc)
		return kg_usage_error(ctx, "no input (give files, directories or -)");
	po.idle = flush_out;
	if (kg_dict_given(&dict)) {
		struct timespec t0, t1;
		struct kg_lexicon *lx;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		if (!(lx = kg_dict_load(&dict)))
			return KG_EXIT_FAIL;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		po.lexicon_ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
				(double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
		rc = kg_pipeline_lex(lx, argv + optind, argc - optind, &ro, &po, write_triples, &s);
		kg_lex_free(lx);
	} else {
		rc = kg_pipeline(argv + optind, argc - optind, &ro, &po, write_triples, &s);
	}
	return rc ? KG_EXIT_FAIL : KG_EXIT_OK;
}
