/* arena.c: bump allocation in blocks that grow with demand. */
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"

#define KG_ARENA_BLOCK 65536
#define ALIGN 16

struct kg_arena_block {
	struct kg_arena_block *next;
	size_t size;
	_Alignas(16) unsigned char data[];
};

void *kg_arena_alloc(struct kg_arena *a, size_t n)
{
	struct kg_arena_block *b;
	size_t size;

	n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if (a->head && a->used + n <= a->head->size) {
		void *p = a->head->data + a->used;
		a->used += n;
		return p;
	}
	size = n > KG_ARENA_BLOCK ? n : KG_ARENA_BLOCK;
	b = kg_xmalloc(sizeof *b + size);
	b->size = size;
	b->next = a->head;
	a->head = b;
	a->used = n;
	return b->data;
}

void *kg_arena_zalloc(struct kg_arena *a, size_t n)
{
	return memset(kg_arena_alloc(a, n), 0, n);
}

char *kg_arena_strndup(struct kg_arena *a, const char *s, size_t n)
{
	char *p = kg_arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *kg_arena_strdup(struct kg_arena *a, const char *s)
{
	return kg_arena_strndup(a, s, strlen(s));
}

void kg_arena_reset(struct kg_arena *a)
{
	struct kg_arena_block *b, *next;

	if (!a->head)
		return;
	/* Keep the newest (largest recent) block, free the rest. */
	for (b = a->head->next; b; b = next) {
		next = b->next;
		free(b);
	}
	a->head->next = NULL;
	a->used = 0;
}

void kg_arena_free(struct kg_arena *a)
{
	struct kg_arena_block *b, *next;

	for (b = a->head; b; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
	a->used = 0;
}
