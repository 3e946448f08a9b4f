/*
 * ingest.c: `kgraph ingest`: code articles and store them.  Articles are
 * stored in batches (one transaction per BATCH_ARTICLES articles, or
 * --batch N, or BATCH_BYTES of text: a commit per article would rewrite the indexes
 * and the full-text segments every time); an article that is not whole
 * is refused before it is written, and a kill or a failing disk loses at
 * most the batch in flight (never more than BATCH_SECONDS of work, for
 * slow streams on stdin; and when no article comes for the pipeline's
 * idle delay, what came is committed at once).
 *
 * ingest --triples loads triples coded elsewhere (kgraph extract's JSON
 * lines, src/input/triples.c) the same way, one rebuilt article at a time.
 */
#include <getopt.h>
#include <string.h>
#include <time.h>

#include "base/err.h"
#include "cmd/cmd.h"
#include "input/input.h"
#include "input/triples.h"
#include "lexicon/lexicon.h"
#include "store/import.h"
#include "store/store.h"

/* Bigger batches write each index page touched by the batch once for
 * more rows: 500 articles a batch cost 31 s on 100 MB, 4000 cost 23 s
 * (docs/benchmarks.md).  The seconds bound what a kill can lose. */
#define BATCH_ARTICLES 4000	/* --batch */
#define BATCH_MAX 1000000
#define BATCH_BYTES (64u << 20)
#define BATCH_SECONDS 2

struct sink {
	struct kg_store *st;
	long added, skipped, triples;
	long batch;		/* articles in the open transaction */
	long batch_max;		/* --batch */
	long b_added, b_triples;	/* what it adds, counted at commit */
	size_t bytes;
	time_t since;		/* when the open transaction began */
	struct kg_import *im;	/* --triples */
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

/* Store one article (seq: rebuilt by --triples) in the open batch.  A
 * result that is not whole is refused before anything is written; after
 * that only SQLite itself can fail (a full disk, an I/O error), and then
 * the batch goes and the ingest stops.  No savepoint per article: it
 * copied every page an article touched into the statement journal, 14%
 * of the writer's time (docs/benchmarks.md). */
static int store_one(struct sink *s, const struct kg_result *r, const size_t *seq,
		     const char *origin)
{
	int rc;

	if (kg_store_check(r) < 0) {
		kg_warn("%s: not stored", origin);
		return 1;
	}
	if (!s->batch) {
		if (kg_store_begin(s->st) < 0)
			return -1;
		s->since = time(NULL);
	}
	s->batch++;
	s->bytes += r->article->len;
	rc = seq ? kg_import_add(s->im, r, seq) : kg_store_add(s->st, r);
	if (rc < 0) {
		kg_error("%s: not stored, nor the %ld article%s before it since the last commit:"
			 " ingest again to add them", origin, s->batch - 1, s->batch == 2 ? "" : "s");
		return -1;
	}
	if (rc == 0) {
		s->skipped++;
		kg_info("%s: already stored", origin);
	} else {
		s->b_added++;
		s->b_triples += (long)r->ntriples;
	}
	if ((s->batch >= s->batch_max || s->bytes >= BATCH_BYTES ||
	     time(NULL) - s->since >= BATCH_SECONDS) && flush(s) < 0)
		return -1;
	return 0;
}

/* The input is slow (a stream): commit what came, so it can be queried. */
static int idle_commit(void *vs)
{
	return flush(vs);
}

static int store_article(const struct kg_result *r, void *vs)
{
	return store_one(vs, r, NULL, r->article->origin);
}

/* --triples: one article rebuilt from triples coded elsewhere. */
static int store_batch(const struct kg_triples_batch *b, void *vs)
{
	return store_one(vs, &b->res, b->seq, b->origin);
}

int cmd_ingest(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"date", required_argument, NULL, 'D'},
		{"reextract", no_argument, NULL, 'R'},
		{"triples", required_argument, NULL, 'T'},
		{"batch", required_argument, NULL, 'B'},
		KG_PIPELINE_LONGOPTS,
		KG_DICT_LONGOPTS,
		{NULL, 0, NULL, 0}
	};
	struct kg_opts o = KG_OPTS(ctx, argc, argv, "+f:" KG_PIPELINE_SHORTOPTS, opts);
	struct kg_read_opts ro = {0};
	struct kg_dict_opts dict = {0};
	struct sink s = {.batch_max = BATCH_ARTICLES};
	struct kg_pipeline_opts po = {0};
	struct kg_lexicon *lx = NULL;
	const char *triples = NULL;
	int c, rc, reextract = 0;

	while ((c = kg_opt_next(&o)) > 0) {
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
		case 'T':
			triples = optarg;
			break;
		case 'B':
			if ((rc = kg_opt_long(ctx, "--batch", optarg, 1, BATCH_MAX, &s.batch_max)))
				return rc;
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
	if (reextract && (optind < argc || triples))
		return kg_usage_error(ctx, "--reextract re-codes the stored articles and takes no input");
	if (triples && optind < argc)
		return kg_usage_error(ctx, "--triples takes the only input");
	if (!reextract && !triples && optind >= argc)
		return kg_usage_error(ctx, "no input (give files, directories or -)");
	/* SQLite's memory statistics take a global mutex on every allocation:
	 * 13% of an ingest's processor time (docs/benchmarks.md).  kgraph
	 * reads none of them.  Must come before SQLite initialises; a later
	 * call only returns SQLITE_MISUSE, harmlessly. */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	if (kg_store_open(ctx->db, reextract ? 0 : KG_STORE_APPEND, &s.st) < 0)
		return KG_EXIT_FAIL;
	if (triples) {
		rc = (s.im = kg_import_new(s.st)) ? kg_triples_read(triples, store_batch, &s) : -1;
		goto done;
	}
	/* PETRARCH/TABARI dictionaries when given; else the user's dictionary,
	 * kept in the store, and the built-in ones. */
	if (!(lx = kg_dict_given(&dict) ? kg_dict_load(&dict) : kg_dict_lexicon(s.st))) {
		kg_store_close(s.st);
		return KG_EXIT_FAIL;
	}
	if (reextract) {
		rc = kg_reextract(s.st, lx);
		kg_lex_free(lx);
		kg_store_close(s.st);
		return rc ? KG_EXIT_FAIL : KG_EXIT_OK;
	}
	po.idle = idle_commit;
	rc = kg_pipeline_lex(lx, argv + optind, argc - optind, &ro, &po, store_article, &s);
done:
	if (rc < 0) {
		/* Stopped by a store error: the batch in flight may hold half
		 * an article, so it goes; earlier batches stay. */
		kg_store_rollback(s.st);
	} else if (flush(&s) < 0) {
		rc = -1;
	}
	kg_import_free(s.im);
	kg_lex_free(lx);
	if (kg_verbosity >= 0)
		fprintf(stderr, "kgraph: %ld article%s added, %ld already stored, %ld triples\n",
			s.added, s.added == 1 ? "" : "s", s.skipped, s.triples);
	kg_store_close(s.st);
	return rc ? KG_EXIT_FAIL : KG_EXIT_OK;
}
