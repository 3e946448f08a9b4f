/*
 * export.c: `kgraph export`: the graph in formats other tools read.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "base/err.h"
#include "cmd/cmd.h"
#include "export/export.h"
#include "store/store.h"

/* The folder for a format that writes several files (csv): made if
 * missing, refused if it is something else. */
static int make_dir(const char *path)
{
	struct stat sb;

	if (mkdir(path, 0777) == 0)
		return 0;
	if (errno == EEXIST && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return 0;
	if (errno == EEXIST)
		return kg_error("%s: exists and is not a folder (csv writes nodes.csv and"
				" relationships.csv into a folder)", path);
	return kg_error("%s:", path);
}

int cmd_export(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"engine", required_argument, NULL, 'K'},
		{"title", required_argument, NULL, 't'},
		KG_FILTER_LONGOPTS,
		{NULL, 0, NULL, 0}
	};
	struct kg_opts o = KG_OPTS(ctx, argc, argv, "+f:o:K:", opts);
	struct kg_graph_opts go = {"dot", "auto", NULL, NULL, NULL};
	struct kg_filter_args fa = {0};
	const char *path = NULL;
	struct kg_store *st = NULL;
	FILE *out = NULL;
	int c, r, ret = KG_EXIT_USAGE;

	while ((c = kg_opt_next(&o)) > 0) {
		switch (c) {
		case 'f':
			if (kg_export_format(optarg) < 0) {
				kg_usage_error(ctx, "unknown format '%s' (%s)", optarg, kg_export_formats());
				goto out;
			}
			go.format = optarg;
			break;
		case 'o':
			path = optarg;
			break;
		case 'K':
			if (!kg_graph_engine_ok(optarg)) {
				kg_usage_error(ctx, "unknown engine '%s' (dot|neato|sfdp|auto)", optarg);
				goto out;
			}
			go.engine = optarg;
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
	if (kg_export_needs_dir(go.format) && (!path || !strcmp(path, "-"))) {
		kg_usage_error(ctx, "--format %s writes two files: give a folder with -o DIR", go.format);
		goto out;
	}
	if ((r = kg_filter_finish(&fa, ctx))) {
		ret = r;
		goto out;
	}
	go.filter = &fa.f;
	go.path = path;
	ret = KG_EXIT_FAIL;
	if (kg_store_open(ctx->db, KG_STORE_READONLY, &st) < 0)
		goto out;
	if (kg_export_needs_dir(go.format)) {
		if (make_dir(path) == 0 && kg_export_write(st, &go, NULL) == 0)
			ret = KG_EXIT_OK;
	} else if ((out = kg_open_output(path))) {
		int w = kg_export_write(st, &go, out);
		if (kg_close_output(out, path) == 0 && w == 0)
			ret = KG_EXIT_OK;
		else if (path && strcmp(path, "-"))
			remove(path);	/* no truncated export left behind */
	}
out:
	kg_store_close(st);
	kg_filter_args_release(&fa);
	return ret;
}
