/*
 * pipeline.c: read -> split -> find actors -> code events -> sink.
 * extract and ingest differ only in the sink they pass.
 *
 * With one job everything runs on the calling thread, the sink's idle
 * hook included: the reader calls it when a pipe has kept it waiting for
 * IDLE_MS (src/input/read.c, before_read), so a slow stream is flushed or
 * committed as it comes, without a thread to watch the clock.  With N jobs:
 *
 *   reader thread --> ring of 2N article slots --> N coder threads
 *                                              --> sink, on the calling thread,
 *                                                  in input order
 *
 * Slots are taken in sequence (nread, ncode, nout count them).  Each
 * carries a batch of articles, each copied (the reader's article lives
 * only during its callback) next to a coder of its own, so every result
 * stays valid, without copying, until the sink has consumed it and the
 * slot is reused.  The lexicon is shared read-only by every coder.  The
 * reader blocks when all slots are taken, so memory stays bounded whatever
 * the input size: at most 2N batches are in flight.  The sink sees exactly
 * the sequence of results that one job gives.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/err.h"
#include "cmd/cmd.h"
#include "code/coder.h"
#include "input/input.h"
#include "lexicon/lexicon.h"

#define MAX_JOBS 256

/* What the sink has seen, for --stats and the progress line. */
struct meter {
	const struct kg_pipeline_opts *po;
	double t0, last;	/* seconds (monotonic) */
	double lex_ms;
	unsigned long long bytes, total;	/* article text bytes; input size or 0 */
	unsigned long articles, sentences, triples;
	int tty;
	int jobs;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Bytes of the regular files among paths (stdin too, when redirected from a
 * file); 0 when unknown: a directory or a pipe. */
static unsigned long long input_size(char **paths, int npaths)
{
	unsigned long long n = 0;
	struct stat st;

	for (int i = 0; i < npaths; i++) {
		int rc = strcmp(paths[i], "-") ? stat(paths[i], &st) : fstat(0, &st);

		if (rc < 0 || !S_ISREG(st.st_mode))
			return 0;
		n += (unsigned long long)st.st_size;
	}
	return n;
}

static void progress(struct meter *m, int final)
{
	double t = now(), el = t - m->t0, mb = (double)m->bytes / 1e6, rate;

	if (!m->tty || (!final && t - m->last < 0.25))
		return;
	m->last = t;
	rate = el > 0 ? mb / el : 0;
	/* MB of article text; the input (JSON) is a little larger, so the
	 * total is shown only while running, with the ETA it gives. */
	fprintf(stderr, "\rkgraph: %lu articles, %.1f MB", m->articles, mb);
	if (m->total && !final)
		fprintf(stderr, " of ~%.1f", (double)m->total / 1e6);
	fprintf(stderr, ", %.1f MB/s", rate);
	/* Text bytes undercount a JSON input a little: the ETA errs long. */
	if (m->total && rate > 0 && !final) {
		double left = ((double)m->total / 1e6 - mb) / rate;
		if (left < 0)
			left = 0;
		fprintf(stderr, ", ETA %d:%02d", (int)left / 60, (int)left % 60);
	}
	fputs(final ? "\033[K\n" : "\033[K", stderr);
}

static void meter_add(struct meter *m, const struct kg_result *r)
{
	m->articles++;
	m->bytes += r->article->len;
	m->sentences += r->nsentences;
	m->triples += r->ntriples;
	if (m->tty)
		progress(m, 0);
}

/* Peak resident memory (kB) and processor seconds (all threads). */
static long usage(double *cpu)
{
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru) != 0) {
		*cpu = 0;
		return -1;
	}
	*cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	return ru.ru_maxrss;
}

static void report(struct meter *m)
{
	double el = now() - m->t0, cpu;
	long rss = usage(&cpu);

	if (m->tty && m->articles)
		progress(m, 1);
	if (!m->po || !m->po->stats)
		return;
	/* One line, key=value, for scripts (bench/run reads it). */
	fprintf(stderr, "kgraph: stats: jobs=%d articles=%lu bytes=%llu sentences=%lu triples=%lu"
		" seconds=%.3f cpu_seconds=%.3f mb_per_s=%.2f sentences_per_s=%.0f lexicon_ms=%.2f"
		" peak_rss_kb=%ld\n",
		m->jobs, m->articles, m->bytes, m->sentences, m->triples, el, cpu,
		el > 0 ? (double)m->bytes / 1e6 / el : 0, el > 0 ? (double)m->sentences / el : 0,
		m->lex_ms, rss);
}

/* ---- one job: everything on this thread ---- */

/* How long a slow input may keep results waiting before the sink's idle
 * hook runs (both for one job and for N). */
#define IDLE_MS 200

struct serial {
	struct kg_coder *coder;
	kg_sink_fn sink;
	void *ctx;
	struct meter *m;
	const struct kg_pipeline_opts *po;
	int pending;		/* results sunk since the idle hook last ran */
	int failed;		/* the idle hook failed: stop at the next article */
};

static int one_article(const struct kg_article *a, void *vrun)
{
	struct serial *r = vrun;
	const struct kg_result *res;
	int rc;

	if (r->failed)
		return -1;
	if (kg_coder_run(r->coder, a, &res) < 0)
		return 1;
	rc = r->sink(res, r->ctx);
	meter_add(r->m, res);
	r->pending = 1;
	return rc < 0 ? -1 : rc;
}

/* The reader is about to wait for a slow input: let the sink finish what
 * it holds (flush, commit), as the sink thread does after IDLE_MS with
 * N jobs. */
static void serial_wait(void *vrun)
{
	struct serial *r = vrun;

	if (!r->pending || r->failed)
		return;
	r->pending = 0;
	if (r->po->idle(r->ctx) < 0)
		r->failed = 1;
}

static int run_serial(const struct kg_lexicon *lx, char **paths, int npaths,
		      const struct kg_read_opts *given, const struct kg_pipeline_opts *po,
		      kg_sink_fn sink, void *ctx, struct meter *m)
{
	struct serial r = {kg_coder_new(lx), sink, ctx, m, po, 0, 0};
	struct kg_read_opts ro = {0};
	int i, rc, bad = 0;

	if (given)
		ro = *given;
	if (po->idle) {
		ro.wait = serial_wait;
		ro.wait_ctx = &r;
		ro.wait_ms = IDLE_MS;
	}
	for (i = 0; i < npaths && !r.failed; i++) {
		rc = kg_read_path(paths[i], &ro, one_article, &r);
		if (rc < 0) {
			bad = -1;
			break;
		}
		bad += rc;
	}
	if (r.failed)
		bad = -1;
	kg_coder_free(r.coder);
	return bad;
}

/* ---- N jobs: reader thread, coder threads, sink here ---- */

/*
 * A slot carries a batch of articles, not one: handing over an article
 * costs a few thread wake-ups, as long as coding a short article takes,
 * so one article per slot ran two jobs only 1.3 times as fast as one.
 * A batch closes at BATCH_ARTICLES articles or BATCH_BYTES of text.
 */
#define BATCH_ARTICLES 32
#define BATCH_BYTES (128 * 1024)

struct item {
	struct kg_article a;	/* strings point into mem */
	struct kg_buf mem;
	struct kg_coder *coder;	/* made on first use */
	const struct kg_result *res;
	int rc;			/* kg_coder_run's */
};

enum { SLOT_FREE, SLOT_READ, SLOT_CODING, SLOT_DONE };

struct slot {
	int state;
	size_t n;		/* items in use */
	size_t bytes;
	struct item item[BATCH_ARTICLES];
};

struct pool {
	pthread_mutex_t mu;
	pthread_cond_t freed, filled, coded;
	struct slot *slot;
	unsigned long nslots;
	unsigned long nread, ncode, nout;	/* next sequence number to fill, code, sink */
	struct slot *cur;	/* the reader's open batch, or NULL */
	int filling;		/* the reader is copying an article into cur */
	int idle;		/* coders waiting for work */
	int eof, stop;
	int read_bad;		/* inputs the reader failed on, or -1 */
	const struct kg_lexicon *lx;
	char **paths;
	int npaths;
	const struct kg_read_opts *ro;
};

/* Copy a's strings into the item's buffer: one allocation that the item
 * keeps and reuses.  A new string in struct kg_article must be copied here
 * too, or the coder threads would read the reader's freed memory: the
 * assertion stops the build until it is. */
_Static_assert(sizeof(struct kg_article) == 8 * sizeof(char *) + 3 * sizeof(size_t),
	       "struct kg_article changed: copy its new strings in item_fill()");
static void item_fill(struct item *it, const struct kg_article *a)
{
	const char *src[7] = {a->id, a->title, a->date, a->source, a->url, a->origin, a->dateline};
	const char **dst[7] = {&it->a.id, &it->a.title, &it->a.date, &it->a.source, &it->a.url,
			       &it->a.origin, &it->a.dateline};
	size_t off[7];
	int i;

	it->a = *a;	/* the numbers; every pointer is replaced below */
	kg_buf_reset(&it->mem);
	kg_buf_add(&it->mem, a->text, a->len);
	kg_buf_addc(&it->mem, '\0');
	for (i = 0; i < 7; i++) {
		off[i] = it->mem.len;
		if (src[i]) {
			kg_buf_adds(&it->mem, src[i]);
			kg_buf_addc(&it->mem, '\0');
		}
	}
	it->a.text = it->mem.s;
	for (i = 0; i < 7; i++)
		*dst[i] = src[i] ? it->mem.s + off[i] : NULL;
}

/* Hand the reader's open batch to the coders (under the lock). */
static void publish(struct pool *p)
{
	if (!p->cur)
		return;
	p->cur->state = SLOT_READ;
	p->nread++;
	p->cur = NULL;
	pthread_cond_signal(&p->filled);
}

/*
 * The reader's callback: copy the article into the open batch.  A batch is
 * handed over when full, or at once when a coder waits for work: a slow
 * stream (articles arriving one by one on a pipe) is coded and stored as
 * each article comes, a fast one in whole batches.
 */
static int pool_put(const struct kg_article *a, void *vp)
{
	struct pool *p = vp;
	struct slot *s;

	pthread_mutex_lock(&p->mu);
	if (!p->cur) {
		while (!p->stop && p->nread - p->nout >= p->nslots)
			pthread_cond_wait(&p->freed, &p->mu);
		if (p->stop) {
			pthread_mutex_unlock(&p->mu);
			return -1;
		}
		p->cur = &p->slot[p->nread % p->nslots];
		p->cur->n = p->cur->bytes = 0;
	}
	s = p->cur;
	p->filling = 1;	/* no coder takes the batch while we write to it */
	pthread_mutex_unlock(&p->mu);

	item_fill(&s->item[s->n], a);

	pthread_mutex_lock(&p->mu);
	s->n++;
	s->bytes += a->len;
	p->filling = 0;
	if (s->n == BATCH_ARTICLES || s->bytes >= BATCH_BYTES ||
	    (p->idle && p->ncode == p->nread))
		publish(p);
	pthread_mutex_unlock(&p->mu);
	return 0;
}

static void *reader(void *vp)
{
	struct pool *p = vp;
	int bad = 0, rc;

	for (int i = 0; i < p->npaths; i++) {
		rc = kg_read_path(p->paths[i], p->ro, pool_put, p);
		if (rc < 0) {
			bad = -1;
			break;
		}
		bad += rc;
	}
	pthread_mutex_lock(&p->mu);
	publish(p);
	p->read_bad = bad;
	p->eof = 1;
	pthread_cond_broadcast(&p->filled);
	pthread_cond_broadcast(&p->coded);
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

static void *worker(void *vp)
{
	struct pool *p = vp;
	struct slot *s;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->stop && p->ncode == p->nread) {
			/* Nothing queued: take the reader's open batch rather
			 * than wait for it to fill (the input may be slow). */
			if (p->cur && p->cur->n && !p->filling) {
				publish(p);
				continue;
			}
			if (p->eof)
				break;
			p->idle++;
			pthread_cond_wait(&p->filled, &p->mu);
			p->idle--;
		}
		if (p->stop || p->ncode == p->nread)
			break;	/* stopped, or the end of the input */
		s = &p->slot[p->ncode++ % p->nslots];
		s->state = SLOT_CODING;
		pthread_mutex_unlock(&p->mu);

		for (size_t i = 0; i < s->n; i++) {
			struct item *it = &s->item[i];

			if (!it->coder)
				it->coder = kg_coder_new(p->lx);
			it->rc = kg_coder_run(it->coder, &it->a, &it->res);
		}

		pthread_mutex_lock(&p->mu);
		s->state = SLOT_DONE;
		pthread_cond_signal(&p->coded);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/* Sink one coded batch, in order; returns the failures or -1 to stop. */
static int sink_slot(struct slot *s, kg_sink_fn sink, void *ctx, struct meter *m)
{
	int bad = 0, rc;

	for (size_t i = 0; i < s->n; i++) {
		struct item *it = &s->item[i];

		if (it->rc < 0) {
			bad++;
			continue;
		}
		rc = sink(it->res, ctx);
		meter_add(m, it->res);
		if (rc < 0)
			return -1;
		bad += rc;
	}
	return bad;
}

/* pthread_cond_timedwait for ms milliseconds on the monotonic clock. */
static int timed_wait(pthread_cond_t *cv, pthread_mutex_t *mu, long ms)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_sec += ms / 1000;
	ts.tv_nsec += (ms % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	return pthread_cond_timedwait(cv, mu, &ts);
}

static int run_pool(const struct kg_lexicon *lx, int jobs, char **paths, int npaths,
		    const struct kg_read_opts *ro, const struct kg_pipeline_opts *po,
		    kg_sink_fn sink, void *ctx, struct meter *m)
{
	struct pool p = {0};
	pthread_t rd, *wk = kg_xcalloc((size_t)jobs, sizeof *wk);
	pthread_condattr_t ca;
	int nwk = 0, bad = 0, rc, have_reader = 0, pending = 0;
	unsigned long i;

	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.freed, NULL);
	pthread_cond_init(&p.filled, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&p.coded, &ca);
	pthread_condattr_destroy(&ca);
	p.nslots = 2 * (unsigned long)jobs;
	p.slot = kg_xcalloc(p.nslots, sizeof *p.slot);
	for (i = 0; i < p.nslots; i++)
		for (size_t k = 0; k < BATCH_ARTICLES; k++)
			kg_buf_init(&p.slot[i].item[k].mem);
	p.lx = lx;
	p.paths = paths;
	p.npaths = npaths;
	p.ro = ro;

	if (pthread_create(&rd, NULL, reader, &p) != 0) {
		bad = kg_error("cannot start the reader thread");
		goto out;
	}
	have_reader = 1;
	for (nwk = 0; nwk < jobs; nwk++)
		if (pthread_create(&wk[nwk], NULL, worker, &p) != 0)
			break;
	if (nwk == 0) {
		kg_error("cannot start a coder thread");
		pthread_mutex_lock(&p.mu);
		p.stop = 1;
		pthread_cond_broadcast(&p.freed);
		pthread_mutex_unlock(&p.mu);
		bad = -1;
		goto out;
	}

	/* The sink, in input order.  When nothing has come for IDLE_MS, the
	 * sink may finish what it holds (commit, flush): the input is slow. */
	pthread_mutex_lock(&p.mu);
	for (;;) {
		struct slot *s = &p.slot[p.nout % p.nslots];

		while (!(p.nout < p.nread && s->state == SLOT_DONE) && !(p.eof && p.nout == p.nread)) {
			if (!po->idle || !pending) {
				pthread_cond_wait(&p.coded, &p.mu);
				continue;
			}
			if (timed_wait(&p.coded, &p.mu, IDLE_MS) == ETIMEDOUT) {
				pthread_mutex_unlock(&p.mu);
				pending = 0;
				rc = po->idle(ctx);
				pthread_mutex_lock(&p.mu);
				if (rc < 0) {
					p.stop = 1;
					pthread_cond_broadcast(&p.freed);
					pthread_cond_broadcast(&p.filled);
					bad = -1;
					goto unlock;
				}
			}
		}
		if (p.nout == p.nread)
			break;	/* eof, all sunk */
		pthread_mutex_unlock(&p.mu);
		pending = 1;

		rc = sink_slot(s, sink, ctx, m);

		pthread_mutex_lock(&p.mu);
		s->state = SLOT_FREE;
		p.nout++;
		pthread_cond_signal(&p.freed);
		if (rc < 0) {
			p.stop = 1;
			pthread_cond_broadcast(&p.freed);
			pthread_cond_broadcast(&p.filled);
			bad = -1;
			break;
		}
		bad += rc;
	}
unlock:
	pthread_mutex_unlock(&p.mu);
out:
	for (int k = 0; k < nwk; k++)
		pthread_join(wk[k], NULL);
	if (have_reader) {
		pthread_join(rd, NULL);
		if (bad >= 0)
			bad = p.read_bad < 0 ? -1 : bad + p.read_bad;
	}
	for (i = 0; i < p.nslots; i++)
		for (size_t k = 0; k < BATCH_ARTICLES; k++) {
			kg_coder_free(p.slot[i].item[k].coder);
			kg_buf_release(&p.slot[i].item[k].mem);
		}
	free(p.slot);
	free(wk);
	pthread_cond_destroy(&p.coded);
	pthread_cond_destroy(&p.filled);
	pthread_cond_destroy(&p.freed);
	pthread_mutex_destroy(&p.mu);
	return bad;
}

int kg_pipeline_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (int)n;
}

static struct kg_lexicon *load_lexicon(void)
{
	struct kg_lexicon *lx = kg_lex_new();

	if (kg_lex_load_builtin(lx) < 0) {
		kg_lex_free(lx);
		return NULL;
	}
	return lx;
}

int kg_pipeline(char **paths, int npaths, const struct kg_read_opts *ro,
		const struct kg_pipeline_opts *po, kg_sink_fn sink, void *ctx)
{
	return kg_pipeline_lex(NULL, paths, npaths, ro, po, sink, ctx);
}

int kg_pipeline_lex(const struct kg_lexicon *given, char **paths, int npaths,
		    const struct kg_read_opts *ro, const struct kg_pipeline_opts *po,
		    kg_sink_fn sink, void *ctx)
{
	struct kg_pipeline_opts dflt = {0};
	struct meter m = {0};
	struct kg_lexicon *lx = NULL;
	int jobs, bad;
	double t;

	if (!po)
		po = &dflt;
	jobs = po->jobs > 0 ? po->jobs : kg_pipeline_jobs();
	m.po = po;
	m.jobs = jobs;
	m.tty = po->progress > 0 || (po->progress == 0 && kg_verbosity >= 0 && isatty(2));
	m.lex_ms = po->lexicon_ms;
	if (!given) {
		t = now();
		if (!(lx = load_lexicon()))
			return -1;
		m.lex_ms = (now() - t) * 1e3;
		kg_info("dictionaries loaded in %.1f ms", m.lex_ms);
		given = lx;
	}
	m.total = m.tty ? input_size(paths, npaths) : 0;
	m.t0 = m.last = now();
	/* One job needs no threads at all: the reader calls the idle hook
	 * itself before it waits for a slow input. */
	if (jobs == 1)
		bad = run_serial(given, paths, npaths, ro, po, sink, ctx, &m);
	else
		bad = run_pool(given, jobs, paths, npaths, ro, po, sink, ctx, &m);
	report(&m);
	kg_lex_free(lx);
	return bad;
}

int kg_pipeline_option(const struct kg_cmd_ctx *ctx, struct kg_pipeline_opts *po, int c,
		       const char *arg)
{
	switch (c) {
	case 'j': {
		long n = 0;
		int rc = kg_opt_long(ctx, "--jobs", arg, 1, MAX_JOBS, &n);

		po->jobs = (int)n;
		return rc;
	}
	case 'q':
		kg_verbosity = -1;
		po->progress = -1;
		return 0;
	case 'v':
		kg_verbosity = 1;
		return 0;
	case KG_OPT_STATS:
		po->stats = 1;
		return 0;
	case KG_OPT_PROGRESS:
		po->progress = 1;
		return 0;
	case KG_OPT_NO_PROGRESS:
		po->progress = -1;
		return 0;
	}
	return -1;
}
