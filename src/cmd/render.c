/*
 * render.c: `kgraph render`: lay out and draw the graph in-process (gvc).
 */
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
		KG_FILTER_LONGOPTS,
		{NULL, 0, NULL, 0}
	};
	struct kg_opts o = KG_OPTS(ctx, argc, argv, "+T:K:o:", opts);
	static const char *const formats[] = {"svg", "png", "pdf", NULL};
	struct kg_graph_opts go = {"svg", "auto", NULL, NULL, NULL};
	struct kg_filter_args fa = {0};
	const char *path = NULL;
	struct kg_store *st = NULL;
	FILE *out;
	int c, r, ret = KG_EXIT_USAGE;

	while ((c = kg_opt_next(&o)) > 0) {
		switch (c) {
		case 'T':
			if (!one_of(optarg, formats)) {
				kg_usage_error(ctx, "unknown format '%s' (svg|png|pdf)", optarg);
				goto out;
			}
			go.format = optarg;
			break;
		case 'K':
			if (!kg_graph_engine_ok(optarg)) {
				kg_usage_error(ctx, "unknown engine '%s' (dot|neato|sfdp|auto)", optarg);
				goto out;
			}
			go.engine = optarg;
			break;
		case 'o':
			path = optarg;
			break;
		case 't':
			go.title = optarg;
			break;
		default:	/* the filters: the rest of opts */
			if (kg_filter_option(&fa, c, optarg, ctx) != 1)
				goto out;
		}
	}
	if (c < 0) {
		ret = o.status;
		goto out;
	}
	if (optind != argc) {
		kg_usage_error(ctx, "unexpected argument '%s'", argv[optind]);
		goto out;
	}
	if (!path) {
		kg_usage_error(ctx, "give an output file with -o");
		goto out;
	}
	if ((r = kg_filter_finish(&fa, ctx))) {
		ret = r;
		goto out;
	}
	go.filter = &fa.f;
	ret = KG_EXIT_FAIL;
	if (kg_store_open(ctx->db, KG_STORE_READONLY, &st) < 0)
		goto out;
	if ((out = kg_open_output(path))) {
		int w = kg_graph_write(st, &go, out);
		if (kg_close_output(out, path) == 0 && w == 0)
			ret = KG_EXIT_OK;
		else if (strcmp(path, "-"))
			remove(path);	/* no half-drawn picture left behind */
	}
out:
	kg_store_close(st);
	kg_filter_args_release(&fa);
	return ret;
}
