/*
 * arena.h: bump allocator for per-article and per-dictionary memory.
 * Hot paths (tokenizer, coder) allocate here and free everything at once
 * with kg_arena_reset (keeps the first block) or kg_arena_free.
 */
#ifndef KG_ARENA_H
#define KG_ARENA_H

#include <stddef.h>

struct kg_arena_block;
struct kg_arena {
	struct kg_arena_block *head;
	size_t used;		/* bytes used in head */
};

#define KG_ARENA_INIT { 0, 0 }

void *kg_arena_alloc(struct kg_arena *a, size_t n);	/* aligned for any type */
void *kg_arena_zalloc(struct kg_arena *a, size_t n);
char *kg_arena_strndup(struct kg_arena *a, const char *s, size_t n);
char *kg_arena_strdup(struct kg_arena *a, const char *s);
void kg_arena_reset(struct kg_arena *a);	/* keep one block, forget all */
void kg_arena_free(struct kg_arena *a);

#endif
