/*
 * export.c: `kgraph export`: the graph in formats other tools read.
 */
#include <getopt.h>
#include <string.h>

#include "base/err.h"
#include "cmd/cmd.h"
#include "export/export.h"
#include "store/store.h"

int cmd_export(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	struct kg_graph_opts go = {"dot", NULL, NULL};
	const char *path = NULL;
	struct kg_store *st = NULL;
	FILE *out;
	int c, ret = KG_EXIT_FAIL;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+f:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "dot"))
				return kg_usage_error(ctx, "unknown format '%s'", optarg);
			go.format = optarg;
			break;
		case 'o':
			path = optarg;
			break;
		case 'h':
			kg_cmd_help(ctx->cmd, stdout);
			return KG_EXIT_OK;
		default:
			return kg_usage_error(ctx, "bad option '%s'", argv[optind - 1]);
		}
	}
	if (optind != argc)
		return kg_usage_error(ctx, "unexpected argument '%s'", argv[optind]);
	if (kg_store_open(ctx->db, KG_STORE_READONLY, &st) < 0)
		return KG_EXIT_FAIL;
	if ((out = kg_open_output(path))) {
		int w = kg_graph_write(st, &go, out);
		if (kg_close_output(out, path) == 0 && w == 0)
			ret = KG_EXIT_OK;
	}
	kg_store_close(st);
	return ret;
}
