/*
 * render.c: `kgraph render`: lay out and draw the graph in-process (gvc).
 */
#include <getopt.h>
#include <string.h>

#include "base/err.h"
#include "cmd/cmd.h"
#include "export/export.h"
#include "store/store.h"

static int one_of(const char *s, const char *const *v)
{
	for (; *v; v++)
		if (!strcmp(s, *v))
			return 1;
	return 0;
}

int cmd_render(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"title", required_argument, NULL, 't'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	static const char *const formats[] = {"svg", "png", "pdf", NULL};
	static const char *const engines[] = {"dot", "neato", "sfdp", "auto", NULL};
	struct kg_graph_opts go = {"svg", "auto", NULL};
	const char *path = NULL;
	struct kg_store *st = NULL;
	FILE *out;
	int c, ret = KG_EXIT_FAIL;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+T:K:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'T':
			if (!one_of(optarg, formats))
				return kg_usage_error(ctx, "unknown format '%s' (svg|png|pdf)", optarg);
			go.format = optarg;
			break;
		case 'K':
			if (!one_of(optarg, engines))
				return kg_usage_error(ctx, "unknown engine '%s' (dot|neato|sfdp|auto)", optarg);
			go.engine = optarg;
			break;
		case 'o':
			path = optarg;
			break;
		case 't':
			go.title = optarg;
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
	if (!path)
		return kg_usage_error(ctx, "give an output file with -o");
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
