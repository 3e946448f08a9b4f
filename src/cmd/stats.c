/*
 * stats.c: `kgraph stats`: what the store holds, in one table; with
 * --verify, a recount of everything the store keeps counted (distinct
 * events, edges, the full-text index), exit 1 when anything is off.
 */
#include "base/buf.h"
#include "base/err.h"
#include "cmd/cmd.h"
#include "export/export.h"
#include "store/store.h"

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

/* --verify: recount (one pass: it reads every triple), print the result
 * like any table, and exit 1 when anything is off. */
static int verify(const struct kg_cmd_ctx *ctx, int format)
{
	static const char show[] =
		"SELECT json_extract(value, '$[0]') AS \"check\", json_extract(value, '$[1]') AS problems"
		" FROM json_each(?1)";
	struct kg_store *st;
	struct kg_buf b = KG_BUF_INIT;
	sqlite3_stmt *s = NULL;
	const char *params[1];
	long problems = 0;
	int rc, ret = KG_EXIT_FAIL;

	if (kg_store_open(ctx->db, KG_STORE_READONLY, &st) < 0)
		return KG_EXIT_FAIL;
	if (sqlite3_prepare_v2(kg_store_db(st), KG_STORE_SQL_VERIFY, -1, &s, NULL) != SQLITE_OK) {
		kg_error("stats: %s", sqlite3_errmsg(kg_store_db(st)));
		goto out;
	}
	kg_buf_addc(&b, '[');
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		problems += sqlite3_column_int64(s, 1);
		kg_buf_addf(&b, "%s[\"%s\",%lld]", b.len > 1 ? "," : "",
			    (const char *)sqlite3_column_text(s, 0), (long long)sqlite3_column_int64(s, 1));
	}
	kg_buf_addc(&b, ']');
	if (rc != SQLITE_DONE) {
		kg_error("stats: %s", sqlite3_errmsg(kg_store_db(st)));
		goto out;
	}
	sqlite3_finalize(s);
	s = NULL;
	kg_store_close(st);
	st = NULL;
	params[0] = b.s;
	if (kg_cmd_rows(ctx, format, show, params, 1, 0) != KG_EXIT_OK)
		goto out;
	if (problems)
		kg_error("%s: %ld problem%s found: the store is inconsistent (please report it)",
			 ctx->db, problems, problems == 1 ? "" : "s");
	else
		ret = KG_EXIT_OK;
out:
	sqlite3_finalize(s);
	kg_store_close(st);
	kg_buf_release(&b);
	return ret;
}

int cmd_stats(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"verify", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0}
	};
	struct kg_opts o = KG_OPTS(ctx, argc, argv, "f:V", opts);
	int c, check = 0, format = kg_rows_format("table");

	while ((c = kg_opt_next(&o)) > 0) {
		switch (c) {
		case 'f':
			if ((format = kg_opt_format(ctx, optarg)) < 0)
				return KG_EXIT_USAGE;
			break;
		case 'V':
			check = 1;
			break;
		}
	}
	if (c < 0)
		return o.status;
	if (optind != argc)
		return kg_usage_error(ctx, "takes no arguments");
	if (check)
		return verify(ctx, format);
	return kg_cmd_rows(ctx, format, sql, NULL, 0, 0);
}
