/*
 * query.c: `kgraph query SQL`: read-only SQL on the store.
 *
 * Read-only by construction, in three layers: the database is opened
 * read-only; an authorizer refuses, at prepare time, anything but reading
 * (writes, ATTACH/DETACH, schema changes, pragmas that set something);
 * and every statement must be one SQLite itself calls read-only.  A write
 * is refused before it runs and changes nothing.  Extension loading is
 * off.  Values come in through --param NAME=VALUE, bound, never pasted
 * into the SQL.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/err.h"
#include "cmd/cmd.h"
#include "export/export.h"
#include "store/store.h"

struct param {
	const char *name;	/* without the :, @ or $ */
	const char *value;
	int used;
};

struct guard {
	char denied[64];	/* what the authorizer refused, for the message */
};

/* Pragmas that only read; those in the first list may take an argument
 * (a table name), the others only read when given none. */
static const char *const pragma_arg_ok[] = {
	"table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
	"foreign_key_list", "foreign_key_check", "integrity_check", "quick_check", NULL
};
static const char *const pragma_noarg_ok[] = {
	"user_version", "schema_version", "application_id", "page_count", "page_size",
	"freelist_count", "encoding", "data_version", "database_list", "collation_list",
	"function_list", "module_list", "pragma_list", "compile_options", "foreign_keys",
	"journal_mode", NULL
};

static int listed(const char *const *v, const char *s)
{
	for (; s && *v; v++)
		if (!strcasecmp(*v, s))
			return 1;
	return 0;
}

static int authorize(void *vg, int action, const char *a, const char *b,
		     const char *db, const char *trigger)
{
	struct guard *g = vg;
	const char *what;

	switch (action) {
	case SQLITE_SELECT:
	case SQLITE_READ:
	case SQLITE_RECURSIVE:
	case SQLITE_TRANSACTION:
		return SQLITE_OK;
	case SQLITE_FUNCTION:
		if (b && !strcmp(b, "load_extension")) {
			snprintf(g->denied, sizeof g->denied, "load_extension()");
			return SQLITE_DENY;
		}
		return SQLITE_OK;
	case SQLITE_PRAGMA:
		if (listed(pragma_arg_ok, a) || (!b && listed(pragma_noarg_ok, a)))
			return SQLITE_OK;
		snprintf(g->denied, sizeof g->denied, "PRAGMA %s%s", a ? a : "", b ? " with a value" : "");
		return SQLITE_DENY;
	case SQLITE_INSERT: what = "INSERT"; break;
	case SQLITE_UPDATE: what = "UPDATE"; break;
	case SQLITE_DELETE: what = "DELETE"; break;
	case SQLITE_ATTACH: what = "ATTACH"; break;
	case SQLITE_DETACH: what = "DETACH"; break;
	case SQLITE_ALTER_TABLE: what = "ALTER TABLE"; break;
	case SQLITE_ANALYZE: what = "ANALYZE"; break;
	case SQLITE_REINDEX: what = "REINDEX"; break;
	case SQLITE_SAVEPOINT: what = "SAVEPOINT"; break;
	default: what = "changing the schema"; break;
	}
	snprintf(g->denied, sizeof g->denied, "%s", what);
	return SQLITE_DENY;
}

/* Integers and decimals bind as numbers (so LIMIT :n works); anything
 * else, "007" included, binds as text. */
static void bind_value(sqlite3_stmt *s, int i, const char *v)
{
	char *end;
	long long n;
	double d;
	const char *p = v + (*v == '-');

	if (*p >= '1' && *p <= '9' && !strpbrk(p, ".eE")) {
		errno = 0;
		n = strtoll(v, &end, 10);
		if (!*end && !errno) {
			sqlite3_bind_int64(s, i, n);
			return;
		}
	} else if (!strcmp(p, "0")) {
		sqlite3_bind_int(s, i, 0);
		return;
	}
	if ((*p >= '1' && *p <= '9') || (p[0] == '0' && p[1] == '.')) {
		d = strtod(v, &end);
		if (!*end) {
			sqlite3_bind_double(s, i, d);
			return;
		}
	}
	sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

static int bind_params(sqlite3_stmt *s, struct param *pv, int np)
{
	int n = sqlite3_bind_parameter_count(s);

	for (int i = 1; i <= n; i++) {
		const char *name = sqlite3_bind_parameter_name(s, i);
		int k;

		if (!name || !name[1])
			return kg_error("query: positional parameters (?) are not supported: name them "
					"(:NAME) and give --param NAME=VALUE");
		for (k = 0; k < np; k++)
			if (!strcmp(pv[k].name, name + 1))
				break;
		if (k == np)
			return kg_error("query: parameter %s has no value (give --param %s=VALUE)",
					name, name + 1);
		pv[k].used = 1;
		bind_value(s, i, pv[k].value);
	}
	return 0;
}

int cmd_query(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"param", required_argument, NULL, 'p'},
		{NULL, 0, NULL, 0}
	};
	struct kg_opts o = KG_OPTS(ctx, argc, argv, "+f:p:", opts);
	struct kg_store *st = NULL;
	struct guard g = {{0}};
	struct param *pv = NULL;
	sqlite3_stmt *s = NULL;
	sqlite3 *db;
	const char *sql, *tail;
	size_t cap = 0;
	int c, np = 0, format = kg_rows_format("table"), ret = KG_EXIT_OK;

	while ((c = kg_opt_next(&o)) > 0) {
		switch (c) {
		case 'f':
			if ((format = kg_opt_format(ctx, optarg)) < 0) {
				free(pv);
				return KG_EXIT_USAGE;
			}
			break;
		case 'p': {
			char *eq = strchr(optarg, '='), *name = optarg;
			if (*name == ':' || *name == '@' || *name == '$')
				name++;
			if (!eq || eq == name || strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
						     "0123456789_") != (size_t)(eq - name)) {
				free(pv);
				return kg_usage_error(ctx, "--param wants NAME=VALUE, got '%s'", optarg);
			}
			*eq = 0;
			KG_GROW(pv, (size_t)np + 1, cap);
			pv[np].name = name;
			pv[np].value = eq + 1;
			pv[np++].used = 0;
			break;
		}
		}
	}
	if (c < 0) {
		free(pv);
		return o.status;
	}
	if (optind + 1 != argc) {
		free(pv);
		return kg_usage_error(ctx, "give one SQL string");
	}
	if (kg_store_open(ctx->db, KG_STORE_READONLY, &st) < 0) {
		free(pv);
		return KG_EXIT_FAIL;
	}
	db = kg_store_db(st);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, (int *)NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
	/* Connect the full-text table before the authorizer is on: SQLite
	 * touches the schema when it first connects a virtual table. */
	sqlite3_exec(db, "SELECT 1 FROM sentences_fts LIMIT 0", NULL, NULL, NULL);
	sqlite3_set_authorizer(db, authorize, &g);
	for (sql = argv[optind]; sql && *sql; sql = tail) {
		g.denied[0] = 0;
		if (sqlite3_prepare_v2(db, sql, -1, &s, &tail) != SQLITE_OK) {
			if (g.denied[0])
				kg_error("query: %s is not allowed: query is read-only; nothing was changed",
					 g.denied);
			else
				kg_error("query: %s", sqlite3_errmsg(db));
			ret = KG_EXIT_FAIL;
			break;
		}
		if (!s)
			continue;	/* whitespace or a comment */
		if (!sqlite3_stmt_readonly(s)) {
			kg_error("query: only read-only SQL is allowed (SELECT, WITH ...); nothing was changed");
			ret = KG_EXIT_FAIL;
			break;
		}
		if (bind_params(s, pv, np) < 0 || kg_rows_write(stdout, format, s, "query") < 0) {
			ret = KG_EXIT_FAIL;
			break;
		}
		sqlite3_finalize(s);
		s = NULL;
	}
	for (int k = 0; ret == KG_EXIT_OK && k < np; k++)
		if (!pv[k].used)
			kg_warn("query: --param %s is not used by the SQL", pv[k].name);
	sqlite3_finalize(s);
	kg_store_close(st);
	free(pv);
	return ret;
}
