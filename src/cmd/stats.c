/* stats.c: `kgraph stats`: what the store holds, in one table. */
#include <getopt.h>

#include "base/err.h"
#include "cmd/cmd.h"
#include "export/export.h"

static const char sql[] =
	"SELECT 'articles' AS statistic, count(*) AS value FROM articles"
	" UNION ALL SELECT 'sentences', count(*) FROM sentences"
	" UNION ALL SELECT 'actors', count(*) FROM actors"
	" UNION ALL SELECT 'unresolved actors', count(*) FROM actors WHERE resolved = 0"
	" UNION ALL SELECT 'mentions', count(*) FROM mentions"
	" UNION ALL SELECT 'triples (event mentions)', count(*) FROM events"
	" UNION ALL SELECT 'distinct events', count(*) FROM unique_events"
	" UNION ALL SELECT 'edges (subject, object, root)', count(*) FROM"
	"  (SELECT 1 FROM unique_events GROUP BY subject_id, object_id, substr(cameo, 1, 2))"
	" UNION ALL SELECT 'facts', count(*) FROM facts"
	" UNION ALL SELECT 'dictionary entries', count(*) FROM dict_entries"
	" UNION ALL SELECT 'first event date', min(nullif(event_date, '')) FROM unique_events"
	" UNION ALL SELECT 'last event date', max(nullif(event_date, '')) FROM unique_events"
	" UNION ALL SELECT 'schema version', user_version FROM pragma_user_version"
	" UNION ALL SELECT 'database bytes', page_count * page_size"
	"  FROM pragma_page_count, pragma_page_size";

int cmd_stats(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	int format;

	if (kg_wants_help(argc, argv)) {
		kg_cmd_help(ctx->cmd, stdout);
		return KG_EXIT_OK;
	}
	if ((format = kg_cmd_format(ctx, argc, argv)) < 0)
		return KG_EXIT_USAGE;
	if (optind != argc)
		return kg_usage_error(ctx, "takes no arguments");
	return kg_cmd_rows(ctx, format, sql, NULL, 0, 0);
}
