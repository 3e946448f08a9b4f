/*
 * checkpoint.c: copy the write-ahead log into the database on a thread of
 * its own, while the writer goes on.
 *
 * In WAL mode a commit appends pages to the -wal file, and a checkpoint
 * copies them into the database file later.  SQLite does it inside the
 * commit that takes the log past 1000 pages, in the writer's time (7% of
 * an ingest's writer, plus the wait for the disk).  A bulk writer
 * (KG_STORE_APPEND) turns that off and hands the copying to this thread,
 * which has its own connection: WAL lets one checkpointer run beside the
 * writer.  The log only starts again from its beginning when everything
 * in it has been copied, so once it holds more than LIMIT_FRAMES pages
 * the next transaction first waits for the copier to catch up
 * (kg_ckpt_wait), which keeps the -wal file bounded.
 *
 * Only the store (src/store/store.c) uses this file.
 */
#include <pthread.h>
#include <stdlib.h>

#include "base/buf.h"
#include "store/checkpoint.h"

#define LIMIT_FRAMES 32768	/* 128 MB of 4 KB pages */

struct kg_ckpt {
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t wake, idle;
	sqlite3 *db;		/* the copier's connection */
	int want;		/* a commit came since the last copy began */
	int running;		/* a copy is under way */
	int stop;
	int frames;		/* pages in the log after the writer's last commit */
};

static void *copier(void *v)
{
	struct kg_ckpt *c = v;

	pthread_mutex_lock(&c->mu);
	for (;;) {
		while (!c->want && !c->stop)
			pthread_cond_wait(&c->wake, &c->mu);
		if (c->stop)
			break;
		c->want = 0;
		c->running = 1;
		pthread_mutex_unlock(&c->mu);
		/* PASSIVE: copy what no reader still needs, never wait for
		 * a lock; what is left goes at the next commit's turn.
		 * Errors only leave the log longer. */
		sqlite3_wal_checkpoint_v2(c->db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
		pthread_mutex_lock(&c->mu);
		c->running = 0;
		pthread_cond_broadcast(&c->idle);
	}
	pthread_mutex_unlock(&c->mu);
	return NULL;
}

/* SQLite calls this after each commit of the writer, with the log's size. */
static int committed(void *v, sqlite3 *db, const char *schema, int frames)
{
	struct kg_ckpt *c = v;

	(void)db;
	(void)schema;
	pthread_mutex_lock(&c->mu);
	c->frames = frames;
	c->want = 1;
	pthread_cond_signal(&c->wake);
	pthread_mutex_unlock(&c->mu);
	return SQLITE_OK;
}

struct kg_ckpt *kg_ckpt_start(sqlite3 *writer, const char *path, int busy_ms)
{
	struct kg_ckpt *c = kg_xcalloc(1, sizeof *c);

	if (sqlite3_open_v2(path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_busy_timeout(c->db, busy_ms);
	if (sqlite3_exec(c->db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	pthread_mutex_init(&c->mu, NULL);
	pthread_cond_init(&c->wake, NULL);
	pthread_cond_init(&c->idle, NULL);
	if (pthread_create(&c->th, NULL, copier, c)) {
		pthread_cond_destroy(&c->idle);
		pthread_cond_destroy(&c->wake);
		pthread_mutex_destroy(&c->mu);
		goto fail;
	}
	/* Replaces SQLite's own checkpoint-at-commit hook. */
	sqlite3_wal_hook(writer, committed, c);
	return c;
fail:
	/* Not fatal: the writer keeps checkpointing itself. */
	sqlite3_close(c->db);
	free(c);
	return NULL;
}

void kg_ckpt_wait(struct kg_ckpt *c)
{
	if (!c)
		return;
	pthread_mutex_lock(&c->mu);
	if (c->frames > LIMIT_FRAMES)
		while (c->want || c->running)
			pthread_cond_wait(&c->idle, &c->mu);
	pthread_mutex_unlock(&c->mu);
}

void kg_ckpt_stop(struct kg_ckpt *c, sqlite3 *writer)
{
	if (!c)
		return;
	pthread_mutex_lock(&c->mu);
	c->stop = 1;
	pthread_cond_signal(&c->wake);
	pthread_mutex_unlock(&c->mu);
	pthread_join(c->th, NULL);
	sqlite3_wal_hook(writer, NULL, NULL);
	sqlite3_close(c->db);
	pthread_cond_destroy(&c->idle);
	pthread_cond_destroy(&c->wake);
	pthread_mutex_destroy(&c->mu);
	free(c);
}
