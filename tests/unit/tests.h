/* tests.h: the list of unit-test suites (one per module). */
#ifndef KG_TESTS_H
#define KG_TESTS_H

#include <CUnit/CUnit.h>

#define KG_TEST_SUITES \
	X(base) \
	X(text) \
	X(lexicon) \
	X(coder) \
	X(store) \
	X(petrarch) \
	X(export) \
	X(input) \
	X(jscan)

#define X(name) void test_##name(void);
KG_TEST_SUITES
#undef X

/* Add a suite with its tests: kg_suite("text", (CU_TestInfo[]){...}). */
void kg_suite(const char *name, CU_TestInfo *tests);

#endif
