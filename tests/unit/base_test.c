/* base_test.c: buffers, arenas, enum names. */
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/kgraph.h"
#include "tests.h"

static void buf_grows_and_formats(void)
{
	struct kg_buf b = KG_BUF_INIT;

	CU_ASSERT_STRING_EQUAL(b.s, "");
	for (int i = 0; i < 1000; i++)
		kg_buf_addf(&b, "%d,", i);
	CU_ASSERT_EQUAL(b.len, strlen(b.s));
	CU_ASSERT(!strncmp(b.s, "0,1,2,", 6));
	CU_ASSERT(!strcmp(b.s + b.len - 4, "999,"));
	kg_buf_reset(&b);
	CU_ASSERT_EQUAL(b.len, 0);
	CU_ASSERT_STRING_EQUAL(b.s, "");
	kg_buf_release(&b);
	CU_ASSERT_EQUAL(b.cap, 0);
}

static void arena_aligns_and_resets(void)
{
	struct kg_arena a = KG_ARENA_INIT;
	char *big;

	for (int i = 0; i < 10000; i++) {
		void *p = kg_arena_alloc(&a, (size_t)(i % 37) + 1);
		CU_ASSERT_EQUAL((unsigned long)p % 16, 0);
	}
	big = kg_arena_alloc(&a, 1 << 20);	/* larger than a block */
	memset(big, 1, 1 << 20);
	CU_ASSERT_STRING_EQUAL(kg_arena_strndup(&a, "Taliban!", 7), "Taliban");
	kg_arena_reset(&a);
	CU_ASSERT_PTR_NOT_NULL(kg_arena_alloc(&a, 10));
	kg_arena_free(&a);
	CU_ASSERT_PTR_NULL(a.head);
}

static void names_round_trip(void)
{
	for (int t = 0; t < KG_ACTOR_NTYPES; t++)
		CU_ASSERT_EQUAL(kg_actor_type_parse(kg_actor_type_name(t)), t);
	CU_ASSERT_EQUAL(kg_actor_type_parse("nonsense"), -1);
	CU_ASSERT_EQUAL(kg_modality_parse("considered"), KG_MOD_CONSIDERED);
	CU_ASSERT_STRING_EQUAL(kg_modality_name(KG_MOD_POSSIBLE), "possible");
	CU_ASSERT_EQUAL(kg_modality_parse("maybe"), -1);
}

void test_base(void)
{
	static CU_TestInfo tests[] = {
		{"buf grows and formats", buf_grows_and_formats},
		{"arena aligns and resets", arena_aligns_and_resets},
		{"enum names round-trip", names_round_trip},
		CU_TEST_INFO_NULL
	};
	kg_suite("base", tests);
}
