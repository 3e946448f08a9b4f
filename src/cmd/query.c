/*
 * query.c: `kgraph query SQL`: read-only SQL on the store.
 *
 * Read-only by construction: the database is opened read-only, and every
 * statement must be one SQLite itself calls read-only, so a write is
 * refused before it runs and changes nothing.
 */
#include <getopt.h>
#include <string.h>

#include "base/err.h"
#include "cmd/cmd.h"
#include "export/export.h"
#include "store/store.h"

int cmd_query(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	struct kg_store *st = NULL;
	sqlite3_stmt *s = NULL;
	const char *sql, *tail;
	int c, format = kg_rows_format("table"), ret = KG_EXIT_OK;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+f:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if ((format = kg_rows_format(optarg)) < 0)
				return kg_usage_error(ctx, "unknown format '%s' (%s)", optarg,
						      kg_rows_formats());
			break;
		case 'h':
			kg_cmd_help(ctx->cmd, stdout);
			return KG_EXIT_OK;
		default:
			return kg_usage_error(ctx, "bad option '%s'", argv[optind - 1]);
		}
	}
	if (optind + 1 != argc)
		return kg_usage_error(ctx, "give one SQL string");
	if (kg_store_open(ctx->db, KG_STORE_READONLY, &st) < 0)
		return KG_EXIT_FAIL;
	for (sql = argv[optind]; sql && *sql; sql = tail) {
		if (sqlite3_prepare_v2(kg_store_db(st), sql, -1, &s, &tail) != SQLITE_OK) {
			kg_error("query: %s", sqlite3_errmsg(kg_store_db(st)));
			ret = KG_EXIT_FAIL;
			break;
		}
		if (!s)
			continue;	/* whitespace or a comment */
		if (!sqlite3_stmt_readonly(s)) {
			kg_error("query: only read-only SQL is allowed (SELECT, WITH ...); nothing was changed");
			ret = KG_EXIT_FAIL;
			break;
		}
		if (kg_rows_write(stdout, format, s, "query") < 0) {
			ret = KG_EXIT_FAIL;
			break;
		}
		sqlite3_finalize(s);
		s = NULL;
	}
	sqlite3_finalize(s);
	kg_store_close(st);
	return ret;
}
