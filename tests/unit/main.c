/*
 * main.c: the CUnit runner.  Each module has tests/unit/<module>_test.c
 * exporting one `void test_<module>(void)` that adds its suite; all are
 * registered here.  main() returns the number of failures (CUnit's own
 * run returns success even when tests fail).
 */
#include <CUnit/Basic.h>
#include <stdio.h>

#include "tests.h"

int main(void)
{
	unsigned failures;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 1;
#define X(name) test_##name();
	KG_TEST_SUITES
#undef X
	CU_basic_set_mode(CU_BRM_NORMAL);
	CU_basic_run_tests();
	failures = CU_get_number_of_failures();	/* before cleanup resets it */
	CU_cleanup_registry();
	printf("\n");
	return failures ? 1 : 0;
}
