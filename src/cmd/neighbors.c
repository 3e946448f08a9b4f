/*
 * neighbors.c: `kgraph neighbors ACTOR [--depth N]`: the actors related
 * to ACTOR (either direction), nearest first, each with the relations
 * that link it to the actor it was reached from.
 */
#include <stdlib.h>

#include "base/err.h"
#include "cmd/cmd.h"
#include "export/export.h"
#include "store/store.h"

static const char sql[] =
	"WITH w (id, depth, via) AS (SELECT json_extract(value, '$[0]'),"
	" json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(?1))"
	KG_CMD_REL
	" SELECT w.depth AS depth, a.name AS actor, a.code AS code, a.type AS type, v.name AS via,"
	" rels.r AS relations,"
	" rels.m AS mentions"
	" FROM w JOIN actors a ON a.id = w.id JOIN actors v ON v.id = w.via" KG_CMD_RELS_JOIN
	" WHERE w.depth > 0 ORDER BY w.depth, mentions DESC, a.name";

#define MAX_DEPTH 6
#define MAX_NODES 100000

int cmd_neighbors(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"depth", required_argument, NULL, 'd'},
		{NULL, 0, NULL, 0}
	};
	struct kg_opts o = KG_OPTS(ctx, argc, argv, "f:d:", opts);
	struct kg_store *st = NULL;
	struct kg_walk w = {0};
	long long *ids = NULL;
	const char *params[1];
	char *json = NULL;
	long depth = 1;
	int c, n, format = kg_rows_format("table"), ret = KG_EXIT_FAIL;

	while ((c = kg_opt_next(&o)) > 0) {
		switch (c) {
		case 'f':
			if ((format = kg_opt_format(ctx, optarg)) < 0)
				return KG_EXIT_USAGE;
			break;
		case 'd':
			if (kg_opt_long(ctx, "--depth", optarg, 1, MAX_DEPTH, &depth))
				return KG_EXIT_USAGE;
			break;
		}
	}
	if (c < 0)
		return o.status;
	if (optind + 1 != argc)
		return kg_usage_error(ctx, "give one actor (name, code or alias)");
	if (kg_store_open(ctx->db, KG_STORE_READONLY, &st) < 0)
		return KG_EXIT_FAIL;
	if ((n = kg_cmd_actor(st, argv[optind], &ids)) <= 0)
		goto out;
	if (kg_store_walk(st, ids, (size_t)n, NULL, 0, (int)depth, MAX_NODES, &w) < 0)
		goto out;
	if (w.truncated)
		kg_warn("neighbors: stopped after %d actors; give a smaller --depth", MAX_NODES);
	kg_store_close(st);
	st = NULL;
	params[0] = json = kg_cmd_walk_json(&w);
	ret = kg_cmd_rows(ctx, format, sql, params, 1, 0);
out:
	free(json);
	free(ids);
	kg_walk_release(&w);
	kg_store_close(st);
	return ret;
}
