/*
 * path.c: `kgraph path A B`: the shortest chain of relations from A to
 * B, either direction along each link (breadth-first, bounded by
 * --max-depth), one row per link.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "cmd/cmd.h"
#include "export/export.h"
#include "store/store.h"

static const char sql[] =
	"WITH w (id, depth, via) AS (SELECT json_extract(value, '$[0]'),"
	" json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(?1))"
	KG_CMD_REL
	" SELECT w.depth AS step, v.name AS actor, rels.r AS relation,"
	" a.name AS next, rels.m AS mentions"
	" FROM w JOIN actors a ON a.id = w.id JOIN actors v ON v.id = w.via" KG_CMD_RELS_JOIN
	" WHERE w.depth > 0 ORDER BY w.depth";

#define MAX_NODES 1000000

int cmd_path(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"max-depth", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	struct kg_store *st = NULL;
	struct kg_walk w = {0};
	long long *from = NULL, *to = NULL;
	const char *params[1];
	char *json = NULL, *end;
	int c, nf, nt, depth = 6, format = kg_rows_format("table"), ret = KG_EXIT_FAIL;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "f:d:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if ((format = kg_opt_format(ctx, optarg)) < 0)
				return KG_EXIT_USAGE;
			break;
		case 'd':
			depth = (int)strtol(optarg, &end, 10);
			if (*end || depth < 1 || depth > 20)
				return kg_usage_error(ctx, "--max-depth wants 1 to 20, got '%s'", optarg);
			break;
		case 'h':
			kg_cmd_help(ctx->cmd, stdout);
			return KG_EXIT_OK;
		default:
			return kg_usage_error(ctx, "bad option '%s'", argv[optind - 1]);
		}
	}
	if (optind + 2 != argc)
		return kg_usage_error(ctx, "give two actors (names, codes or aliases)");
	if (kg_store_open(ctx->db, KG_STORE_READONLY, &st) < 0)
		return KG_EXIT_FAIL;
	if ((nf = kg_cmd_actor(st, argv[optind], &from)) <= 0 ||
	    (nt = kg_cmd_actor(st, argv[optind + 1], &to)) <= 0)
		goto out;
	if (kg_store_walk(st, from, (size_t)nf, to, (size_t)nt, depth, MAX_NODES, &w) < 0)
		goto out;
	if (!w.n) {
		kg_error("path: no chain of relations from %s to %s within %d steps%s", argv[optind],
			 argv[optind + 1], depth, w.truncated ? " (search stopped: graph too large)" : "");
		goto out;
	}
	kg_store_close(st);
	st = NULL;
	params[0] = json = kg_cmd_walk_json(&w);
	ret = kg_cmd_rows(ctx, format, sql, params, 1, 0);
out:
	free(json);
	free(from);
	free(to);
	kg_walk_release(&w);
	kg_store_close(st);
	return ret;
}
