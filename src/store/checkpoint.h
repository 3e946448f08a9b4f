/*
 * checkpoint.h: the store's background checkpointer (private to
 * src/store/; see checkpoint.c).
 */
#ifndef KG_CHECKPOINT_H
#define KG_CHECKPOINT_H

#include <sqlite3.h>

struct kg_ckpt;

/* Start copying writer's log on a thread; NULL when it cannot (the
 * writer then checkpoints as SQLite does by default). */
struct kg_ckpt *kg_ckpt_start(sqlite3 *writer, const char *path, int busy_ms);
/* Before a transaction: wait for the copier if the log grew too long. */
void kg_ckpt_wait(struct kg_ckpt *c);	/* NULL-safe */
/* Stop and join the thread (before the writer closes). */
void kg_ckpt_stop(struct kg_ckpt *c, sqlite3 *writer);	/* NULL-safe */

#endif
