/* suite.c: registering a suite from a table of tests. */
#include <stdio.h>
#include <stdlib.h>

#include "tests.h"

void kg_suite(const char *name, CU_TestInfo *tests)
{
	CU_pSuite s = CU_add_suite(name, NULL, NULL);

	if (!s) {
		fprintf(stderr, "cannot add suite %s\n", name);
		exit(1);
	}
	for (; tests->pName; tests++)
		if (!CU_add_test(s, tests->pName, tests->pTestFunc)) {
			fprintf(stderr, "cannot add test %s\n", tests->pName);
			exit(1);
		}
}
