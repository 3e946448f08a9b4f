/*
 * ingest.c: `kgraph ingest`: code articles and store them.  Articles are
 * committed in batches (BATCH_ARTICLES, or every BATCH_SECONDS), each
 * inside its own savepoint: a failed article leaves nothing behind, and a
 * kill loses at most the batch in flight, which a re-run adds again (the
 * articles already stored are recognised by their hash).  One commit per
 * article spent most of the ingest writing the same index pages to the
 * WAL again and again (docs/benchmarks.md).
 */
#include <getopt.h>
#include <string.h>
#include <time.h>

#include "base/err.h"
#include "cmd/cmd.h"
#include "input/input.h"
#include "input/triples.h"
#include "store/import.h"
#include "store/store.h"

#define BATCH_ARTICLES 500
#define BATCH_SECONDS 1.0

struct sink {
	struct kg_store *st;
	long added, skipped, triples;
	struct kg_import *im;	/* --triples */
	int in_tx;		/* a batch transaction is open */
	long n_tx;		/* articles in it */
	double t_tx;		/* when it began */
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int sql(struct sink *s, const char *stmt)
{
	sqlite3 *db = kg_store_db(s->st);

	if (sqlite3_exec(db, stmt, NULL, NULL, NULL) != SQLITE_OK)
		return kg_error("%s: %s", kg_store_path(s->st), sqlite3_errmsg(db));
	return 0;
}

static int commit(struct sink *s)
{
	if (!s->in_tx)
		return 0;
	s->in_tx = 0;
	if (kg_store_commit(s->st) < 0) {
		kg_store_rollback(s->st);
		return -1;
	}
	return 0;
}

/* Store one article (seq: rebuilt from --triples) in the open batch. */
static int store_one(struct sink *s, const struct kg_result *r, const size_t *seq,
		     const char *origin)
{
	int rc;

	if (!s->in_tx) {
		if (kg_store_begin(s->st) < 0)
			return -1;
		s->in_tx = 1;
		s->n_tx = 0;
		s->t_tx = now();
	}
	if (sql(s, "SAVEPOINT kg_article") < 0)
		return -1;
	rc = seq ? kg_import_add(s->im, r, seq) : kg_store_add(s->st, r);
	if (rc < 0) {
		if (sqlite3_get_autocommit(kg_store_db(s->st))) {
			/* SQLite gave the whole batch up (disk full, I/O error). */
			s->in_tx = 0;
			kg_error("%s: the last %ld articles were not stored", origin, s->n_tx);
			return -1;
		}
		if (sql(s, "ROLLBACK TO kg_article") < 0 || sql(s, "RELEASE kg_article") < 0)
			return -1;
		kg_warn("%s: not stored", origin);
		return 1;
	}
	if (sql(s, "RELEASE kg_article") < 0)
		return -1;
	if (rc == 0) {
		s->skipped++;
		kg_info("%s: already stored", origin);
	} else {
		s->added++;
		s->triples += (long)r->ntriples;
	}
	if (++s->n_tx >= BATCH_ARTICLES || now() - s->t_tx >= BATCH_SECONDS)
		return commit(s);
	return 0;
}

/* The input is slow (a stream): commit what came, so it can be queried. */
static int idle_commit(void *vs)
{
	return commit(vs);
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
	/* The per-article savepoints journal into temporary files otherwise:
	 * a third of the time of an ingest went to the kernel. */
	if (sql(&s, "PRAGMA temp_store = MEMORY") < 0) {
		kg_store_close(s.st);
		return KG_EXIT_FAIL;
	}
	po.idle = idle_commit;
	if (triples)
		rc = (s.im = kg_import_new(s.st)) ? kg_triples_read(triples, store_batch, &s) : -1;
	else
		rc = kg_pipeline(argv + optind, argc - optind, &ro, &po, store_article, &s);
	if (commit(&s) < 0)
		rc = -1;
	kg_import_free(s.im);
	if (kg_verbosity >= 0)
		fprintf(stderr, "kgraph: %ld article%s added, %ld already stored, %ld triples\n",
			s.added, s.added == 1 ? "" : "s", s.skipped, s.triples);
	kg_store_close(s.st);
	return rc ? KG_EXIT_FAIL : KG_EXIT_OK;
}
