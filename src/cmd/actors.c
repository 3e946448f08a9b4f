/*
 * actors.c: `kgraph actors [--unresolved] [--type T]`: the actors in the
 * store, most mentioned first.  --unresolved lists the names no
 * dictionary knew (the coder keeps them with an empty code), by
 * frequency, with a sentence that uses each: what to `kgraph dict add`.
 */
#include <getopt.h>
#include <string.h>

#include "base/err.h"
#include "cmd/cmd.h"
#include "export/export.h"
#include "store/store.h"

int cmd_actors(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"type", required_argument, NULL, 't'},
		{"unresolved", no_argument, NULL, 'u'},
		{"limit", required_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	const char *params[3] = {NULL, "0", "-1"};
	int c, format = kg_rows_format("table");

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "f:t:un:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if ((format = kg_opt_format(ctx, optarg)) < 0)
				return KG_EXIT_USAGE;
			break;
		case 't':
			if (kg_actor_type_parse(optarg) < 0)
				return kg_usage_error(ctx, "unknown type '%s' (state, government, person, "
						      "armed_group, igo, ngo, media, party, movement, "
						      "company, group, unknown)", optarg);
			params[0] = optarg;
			break;
		case 'u':
			params[1] = "1";
			break;
		case 'n':
			if (!*optarg || strspn(optarg, "0123456789") != strlen(optarg))
				return kg_usage_error(ctx, "--limit wants a number, got '%s'", optarg);
			params[2] = optarg;
			break;
		case 'h':
			kg_cmd_help(ctx->cmd, stdout);
			return KG_EXIT_OK;
		default:
			return kg_usage_error(ctx, "bad option '%s'", argv[optind - 1]);
		}
	}
	if (optind != argc)
		return kg_usage_error(ctx, "takes no arguments");
	return kg_cmd_rows(ctx, format, params[1][0] == '1' ? KG_STORE_SQL_UNRESOLVED : KG_STORE_SQL_ACTORS,
			   params, 3, 0);
}
