/*
 * actors.c: `kgraph actors [--unresolved] [--type T]`: the actors in the
 * store, most mentioned first.  --unresolved lists the names no
 * dictionary knew (the coder keeps them with an empty code), by
 * frequency, with a sentence that uses each: what to `kgraph dict add`.
 */
#include <limits.h>
#include <stdio.h>

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
		{NULL, 0, NULL, 0}
	};
	struct kg_opts o = KG_OPTS(ctx, argc, argv, "f:t:un:", opts);
	char limit[24] = "-1";
	const char *params[3] = {NULL, "0", limit};
	long lim;
	int c, format = kg_rows_format("table");

	while ((c = kg_opt_next(&o)) > 0) {
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
			if (kg_opt_long(ctx, "--limit", optarg, 0, LONG_MAX, &lim))
				return KG_EXIT_USAGE;
			snprintf(limit, sizeof limit, "%ld", lim);
			break;
		}
	}
	if (c < 0)
		return o.status;
	if (optind != argc)
		return kg_usage_error(ctx, "takes no arguments");
	return kg_cmd_rows(ctx, format, params[1][0] == '1' ? KG_STORE_SQL_UNRESOLVED : KG_STORE_SQL_ACTORS,
			   params, 3, 0);
}
