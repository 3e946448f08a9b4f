/*
 * ask.c: what the read-only question commands (search, actors, neighbors,
 * timeline, path, stats, dict list) share: running one statement into
 * the row writers, and actor arguments.
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "cmd/cmd.h"
#include "export/export.h"
#include "store/store.h"

static void bind(sqlite3_stmt *s, int i, const char *v)
{
	size_t n;

	if (!v) {
		sqlite3_bind_null(s, i);
		return;
	}
	n = strspn(v + (*v == '-'), "0123456789");
	if (n && n < 19 && !v[n + (*v == '-')])
		sqlite3_bind_int64(s, i, strtoll(v, NULL, 10));
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

int kg_cmd_rows(const struct kg_cmd_ctx *ctx, int format, const char *sql,
		const char *const *params, int nparams, unsigned long json_cols)
{
	struct kg_store *st;
	sqlite3_stmt *s = NULL;
	int ret = KG_EXIT_FAIL;

	if (kg_store_open(ctx->db, KG_STORE_READONLY, &st) < 0)
		return KG_EXIT_FAIL;
	if (sqlite3_prepare_v2(kg_store_db(st), sql, -1, &s, NULL) != SQLITE_OK) {
		kg_error("%s: %s", ctx->cmd->name, sqlite3_errmsg(kg_store_db(st)));
		goto out;
	}
	for (int i = 0; i < nparams; i++)
		bind(s, i + 1, params[i]);
	if (kg_rows_write_nested(stdout, format, s, ctx->cmd->name, json_cols) == 0)
		ret = KG_EXIT_OK;
out:
	sqlite3_finalize(s);
	kg_store_close(st);
	return ret;
}

int kg_cmd_actor(struct kg_store *st, const char *name, long long **ids)
{
	sqlite3_int64 *v;
	int n = kg_store_actor_ids(st, name, &v);

	*ids = v;
	if (n == 0)
		kg_error("no actor '%s' in %s (kgraph actors lists them; names, codes and aliases work)",
			 name, kg_store_path(st));
	return n;
}

char *kg_cmd_walk_json(const struct kg_walk *w)
{
	struct kg_buf b = KG_BUF_INIT;

	kg_buf_addc(&b, '[');
	for (size_t i = 0; i < w->n; i++)
		kg_buf_addf(&b, "%s[%lld,%d,%lld]", i ? "," : "", (long long)w->id[i], w->depth[i],
			    (long long)w->via[i]);
	kg_buf_addc(&b, ']');
	return kg_buf_detach(&b);
}
