/*
 * dict.c: `kgraph dict add|list|remove`: the user dictionary kept in the
 * store, and the two places it is used: every ingest adds its entries to
 * the lexicon (kg_dict_to_lexicon), and `ingest --reextract` re-codes the
 * stored articles with it (kg_reextract).  The analyst's loop:
 *
 *   kgraph actors --unresolved        names the dictionaries do not know
 *   kgraph dict add NAME --code ...   teach one
 *   kgraph ingest --reextract         re-code what is stored
 *
 * This file sits in the command layer because it joins the store and the
 * lexicon/coder, which must not know each other.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "cmd/cmd.h"
#include "code/coder.h"
#include "export/export.h"
#include "lexicon/lexicon.h"
#include "store/store.h"

static int add_to_lexicon(const struct kg_actor *a, const char *alias, void *vlx)
{
	struct kg_lexicon *lx = vlx;
	const char *phrase = alias ? alias : a->name;
	struct kg_lex_entry *e = kg_lex_add(lx, KG_LEX_ACTOR, phrase, strlen(phrase));

	if (!e)
		return 0;	/* nothing left after normalising: skip */
	e->actor.name = kg_lex_intern(lx, a->name, strlen(a->name));
	e->actor.code = kg_lex_intern(lx, a->code, strlen(a->code));
	e->actor.type = a->type;
	e->actor.country = a->country ? kg_lex_intern(lx, a->country, strlen(a->country)) : NULL;
	return 0;
}

/* The entry's name stands for its code, unless the built-in dictionaries
 * already name that code (the first registered wins). */
static int make_canonical(const struct kg_actor *a, const char *alias, void *vlx)
{
	struct kg_lexicon *lx = vlx;
	const struct kg_lex_entry *e;
	char norm[512];
	size_t n;

	if (alias || !(n = kg_lex_norm(a->name, strlen(a->name), norm, sizeof norm)))
		return 0;
	for (e = kg_lex_get(lx, norm, n); e; e = e->next)
		if (e->kind == KG_LEX_ACTOR && !strcmp(e->actor.code, a->code)) {
			kg_lex_set_canonical(lx, e);
			break;
		}
	return 0;
}

struct kg_lexicon *kg_dict_lexicon(struct kg_store *st)
{
	struct kg_lexicon *lx = kg_lex_new();

	/* The user's entries go in first: an entry chained first is matched
	 * first, so the analyst's word wins over a built-in one. */
	if (kg_store_dict_each(st, add_to_lexicon, lx) < 0 || kg_lex_load_builtin(lx) < 0 ||
	    kg_store_dict_each(st, make_canonical, lx) < 0) {
		kg_lex_free(lx);
		return NULL;
	}
	return lx;
}

static long count_events(struct kg_store *st)
{
	sqlite3_stmt *s;
	long n = -1;

	if (sqlite3_prepare_v2(kg_store_db(st), "SELECT count(*) FROM events", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

int kg_reextract(struct kg_store *st, const struct kg_lexicon *lx)
{
	struct kg_coder *coder = kg_coder_new(lx);
	sqlite3_int64 *ids = NULL;
	size_t n = 0, i, batch = 0;
	long before = count_events(st), done = 0;
	int bad = 0;

	if (kg_store_article_ids(st, &ids, &n) < 0) {
		kg_coder_free(coder);
		return -1;
	}
	/* Batches of articles per transaction, as ingest does, each article
	 * under its own savepoint: an article is coded the old way or the
	 * new, never half, and a failure leaves it as it was. */
	for (i = 0; i < n && bad >= 0; i++) {
		struct kg_article a;
		const struct kg_result *res;

		if (!batch && kg_store_begin(st) < 0) {
			bad = -1;
			break;
		}
		batch++;
		if (kg_store_savepoint(st) < 0) {
			bad = -1;
			break;
		}
		if (kg_store_article_load(st, ids[i], &a) < 0 ||
		    kg_coder_run(coder, &a, &res) < 0 ||
		    kg_store_recode(st, ids[i], res) < 0) {
			if (kg_store_rollback_to(st) < 0)
				bad = -1;
			else
				bad++;
			kg_warn("article %lld: not re-coded (left as it was)", (long long)ids[i]);
			continue;
		}
		if (kg_store_release(st) < 0) {
			bad = -1;
			break;
		}
		done++;
		if (batch >= 500) {
			batch = 0;
			if (kg_store_commit(st) < 0)
				bad = -1;
		}
	}
	/* The last batch, and the actors nothing refers to any more. */
	if (bad >= 0 && ((!batch && kg_store_begin(st) < 0) || kg_store_prune_actors(st) < 0 ||
			 kg_store_commit(st) < 0))
		bad = -1;
	if (bad < 0)
		kg_store_rollback(st);	/* the batch in flight; earlier ones stay */
	else if (kg_verbosity >= 0)
		fprintf(stderr, "kgraph: %ld article%s re-coded, %ld triples (were %ld)\n",
			done, done == 1 ? "" : "s", count_events(st), before);
	free(ids);
	kg_coder_free(coder);
	return bad;
}

static int dict_list(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	static const char sql[] =
		"SELECT d.name, d.code, d.type, d.country,"
		" (SELECT group_concat(alias, '|') FROM (SELECT alias FROM dict_aliases"
		"   WHERE entry_id = d.id ORDER BY alias)) AS aliases, d.added_at"
		" FROM dict_entries d ORDER BY d.name";
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{NULL, 0, NULL, 0}
	};
	struct kg_opts o = KG_OPTS(ctx, argc, argv, "f:", opts);
	int c, format = kg_rows_format("table");

	while ((c = kg_opt_next(&o)) > 0)
		if ((format = kg_opt_format(ctx, optarg)) < 0)
			return KG_EXIT_USAGE;
	if (c < 0)
		return o.status;
	if (optind != argc)
		return kg_usage_error(ctx, "dict list takes no arguments");
	return kg_cmd_rows(ctx, format, sql, NULL, 0, 0);
}

static int valid_code(char *s, size_t min, size_t max)
{
	size_t n = strlen(s);

	if (n < min || n > max)
		return 0;
	for (; *s; s++) {
		if (!isalnum((unsigned char)*s))
			return 0;
		*s = (char)toupper((unsigned char)*s);
	}
	return 1;
}

static int dict_add(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"code", required_argument, NULL, 'c'},
		{"type", required_argument, NULL, 't'},
		{"alias", required_argument, NULL, 'a'},
		{"country", required_argument, NULL, 'C'},
		{NULL, 0, NULL, 0}
	};
	struct kg_opts o = KG_OPTS(ctx, argc, argv, "c:t:a:C:", opts);
	struct kg_actor a = {0};
	struct kg_store *st = NULL;
	char **aliases = NULL;
	size_t na = 0, cap = 0;
	int c, t, rc = KG_EXIT_USAGE;

	a.type = KG_ACTOR_NTYPES;
	while ((c = kg_opt_next(&o)) > 0) {
		switch (c) {
		case 'c':
			if (!valid_code(optarg, 2, 24)) {
				kg_usage_error(ctx, "bad --code '%s' (letters and digits, as CAMEO: IRNGOV)", optarg);
				goto out;
			}
			a.code = optarg;
			break;
		case 't':
			if ((t = kg_actor_type_parse(optarg)) < 0) {
				kg_usage_error(ctx, "unknown --type '%s' (state, government, person, armed_group, "
					       "igo, ngo, media, party, movement, company, group)", optarg);
				goto out;
			}
			a.type = (enum kg_actor_type)t;
			break;
		case 'a':
			if (!*optarg) {
				kg_usage_error(ctx, "empty --alias");
				goto out;
			}
			KG_GROW(aliases, na + 1, cap);
			aliases[na++] = optarg;
			break;
		case 'C':
			if (!valid_code(optarg, 3, 3)) {
				kg_usage_error(ctx, "bad --country '%s' (an ISO 3166 alpha-3 code: IRN)", optarg);
				goto out;
			}
			a.country = optarg;
			break;
		}
	}
	if (c < 0) {
		rc = o.status;
		goto out;
	}
	if (optind + 1 != argc || !*argv[optind]) {
		kg_usage_error(ctx, "dict add wants one NAME");
		goto out;
	}
	if (!a.code || a.type == KG_ACTOR_NTYPES) {
		kg_usage_error(ctx, "dict add needs --code and --type");
		goto out;
	}
	a.name = argv[optind];
	rc = KG_EXIT_FAIL;
	if (kg_store_open(ctx->db, 0, &st) < 0)
		goto out;
	if (kg_store_begin(st) < 0)
		goto out;
	if ((t = kg_store_dict_add(st, &a, aliases, na)) < 0 || kg_store_commit(st) < 0) {
		kg_store_rollback(st);
		goto out;
	}
	if (kg_verbosity >= 0)
		fprintf(stderr, "kgraph: %s %s (%s, %s); `kgraph ingest --reextract` re-codes the stored articles\n",
			t ? "added" : "replaced", a.name, a.code, kg_actor_type_name(a.type));
	rc = KG_EXIT_OK;
out:
	kg_store_close(st);
	free(aliases);
	return rc;
}

static int dict_remove(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	struct kg_store *st = NULL;
	int rc = KG_EXIT_FAIL, n;

	if (argc != 2 || !*argv[1])
		return kg_usage_error(ctx, "dict remove wants one NAME");
	if (kg_store_open(ctx->db, 0, &st) < 0)
		return KG_EXIT_FAIL;
	if ((n = kg_store_dict_remove(st, argv[1])) < 0)
		goto out;
	if (n == 0) {
		kg_error("dict: no entry '%s' in the dictionary (see kgraph dict list)", argv[1]);
		goto out;
	}
	if (kg_verbosity >= 0)
		fprintf(stderr, "kgraph: removed %s; `kgraph ingest --reextract` re-codes the stored articles\n",
			argv[1]);
	rc = KG_EXIT_OK;
out:
	kg_store_close(st);
	return rc;
}

int cmd_dict(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	if (argc < 2)
		return kg_usage_error(ctx, "give add, list or remove");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    (argc == 3 && (!strcmp(argv[2], "--help") || !strcmp(argv[2], "-h")))) {
		kg_cmd_help(ctx->cmd, stdout);
		return KG_EXIT_OK;
	}
	if (!strcmp(argv[1], "add"))
		return dict_add(argc - 1, argv + 1, ctx);
	if (!strcmp(argv[1], "list"))
		return dict_list(argc - 1, argv + 1, ctx);
	if (!strcmp(argv[1], "remove") || !strcmp(argv[1], "rm"))
		return dict_remove(argc - 1, argv + 1, ctx);
	return kg_usage_error(ctx, "unknown dict command '%s' (add, list or remove)", argv[1]);
}
