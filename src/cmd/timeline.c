/*
 * timeline.c: `kgraph timeline ACTOR`: the distinct events ACTOR took
 * part in (either side), in date order, with their counts and the first
 * sentence that reports each.  Undated events only with --undated (last).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/err.h"
#include "cmd/cmd.h"
#include "export/export.h"
#include "store/store.h"

/* ?1 actor, ?2 include undated, ?3 limit.  The two indexed halves
 * (subject side, object side) are united rather than OR-ed, so neither
 * scans the table. */
static const char sql[] =
	"WITH " KG_STORE_WHO ","
	" mine (id) AS (SELECT u.id FROM unique_events u WHERE u.subject_id IN (SELECT id FROM who)"
	"  UNION SELECT u.id FROM unique_events u WHERE u.object_id IN (SELECT id FROM who))"
	" SELECT nullif(u.event_date, '') AS date, sa.name AS subject, u.predicate AS predicate,"
	" oa.name AS object, u.cameo AS cameo, u.goldstein AS goldstein, u.mentions AS mentions,"
	" u.articles AS articles, u.sources AS sources,"
	" (SELECT s.text FROM events e JOIN sentences s ON s.id = e.sentence_id"
	"  WHERE e.unique_event_id = u.id ORDER BY e.id LIMIT 1) AS sentence"
	" FROM mine JOIN unique_events u ON u.id = mine.id"
	" JOIN actors sa ON sa.id = u.subject_id JOIN actors oa ON oa.id = u.object_id"
	" WHERE ?2 OR u.event_date <> ''"
	" ORDER BY u.event_date = '', u.event_date, u.id LIMIT ?3";

int cmd_timeline(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"undated", no_argument, NULL, 'u'},
		{"limit", required_argument, NULL, 'n'},
		{NULL, 0, NULL, 0}
	};
	struct kg_opts o = KG_OPTS(ctx, argc, argv, "f:un:", opts);
	struct kg_store *st;
	long long *ids = NULL;
	char limit[24] = "-1";
	const char *params[3] = {NULL, "0", limit};
	long lim;
	int c, n, format = kg_rows_format("table");

	while ((c = kg_opt_next(&o)) > 0) {
		switch (c) {
		case 'f':
			if ((format = kg_opt_format(ctx, optarg)) < 0)
				return KG_EXIT_USAGE;
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
	if (optind + 1 != argc)
		return kg_usage_error(ctx, "give one actor (name, code or alias)");
	/* Say so when the actor is unknown, rather than print nothing. */
	if (kg_store_open(ctx->db, KG_STORE_READONLY, &st) < 0)
		return KG_EXIT_FAIL;
	n = kg_cmd_actor(st, argv[optind], &ids);
	free(ids);
	kg_store_close(st);
	if (n <= 0)
		return KG_EXIT_FAIL;
	params[0] = argv[optind];
	return kg_cmd_rows(ctx, format, sql, params, 3, 0);
}
