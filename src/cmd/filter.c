/*
 * filter.c: the options that choose which part of the graph `export` and
 * `render` show (--actor, --depth, --since, --until, --cameo, --quad,
 * --min-weight, --top, --type, --article), parsed in one place.  The
 * filtering itself happens in SQL (src/store/edges.c).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "cmd/cmd.h"
#include "lexicon/lexicon.h"
#include "store/store.h"

/* A copy the filter keeps until kg_filter_args_release. */
static const char *keep(struct kg_filter_args *fa, const char *s, size_t n)
{
	KG_GROW(fa->owned, fa->nowned + 1, fa->owned_cap);
	return fa->owned[fa->nowned++] = kg_xstrndup(s, n);
}

static void push(const char ***v, size_t *n, size_t *cap, const char *s)
{
	KG_GROW(*v, *n + 1, *cap);
	(*v)[(*n)++] = s;
}

/* Each comma-separated part of arg, checked by ok(), added to the list. */
static int list(struct kg_filter_args *fa, const struct kg_cmd_ctx *ctx, const char *opt,
		const char *arg, const char ***v, size_t *n, size_t *cap,
		int (*ok)(const char *), const char *what)
{
	const char *p = arg;

	do {
		size_t len = strcspn(p, ",");
		const char *s = keep(fa, p, len);

		if (!*s || (ok && !ok(s)))
			return kg_usage_error(ctx, "%s: '%s' is not %s", opt, s, what);
		push(v, n, cap, s);
		p += len;
	} while (*p++ == ',');
	return 0;
}

static int cameo_ok(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return n >= 1 && n <= 4 && !s[n];
}

static int type_ok(const char *s)
{
	return kg_actor_type_parse(s) >= 0;
}

/* 1: taken, 0: not a filter option, KG_EXIT_USAGE: reported. */
static int parse(struct kg_filter_args *fa, int opt, const char *arg,
		 const struct kg_cmd_ctx *ctx)
{
	struct kg_filter *f = &fa->f;
	long v;
	int r = 0;

	switch (opt) {
	case KG_OPT_ACTOR:
		if (!*arg)
			return kg_usage_error(ctx, "--actor wants a name, alias or code");
		push(&f->actors, &f->nactors, &fa->actors_cap, arg);
		break;
	case KG_OPT_DEPTH:
		if ((r = kg_opt_long(ctx, "--depth", arg, 1, 20, &v)) == 0)
			f->depth = (int)v;
		fa->depth_set = 1;
		break;
	case KG_OPT_SINCE:
	case KG_OPT_UNTIL:
		if (!kg_filter_date_ok(arg))
			return kg_usage_error(ctx, "%s wants a date YYYY-MM-DD (or YYYY-MM, YYYY), not '%s'",
					      opt == KG_OPT_SINCE ? "--since" : "--until", arg);
		*(opt == KG_OPT_SINCE ? &f->since : &f->until) = arg;
		break;
	case KG_OPT_CAMEO:
		r = list(fa, ctx, "--cameo", arg, &f->cameos, &f->ncameos, &fa->cameos_cap,
			 cameo_ok, "a CAMEO code prefix (1 to 4 digits)");
		break;
	case KG_OPT_QUAD: {
		const char **q = NULL;
		size_t n = 0, cap = 0;

		r = list(fa, ctx, "--quad", arg, &q, &n, &cap, NULL, "");
		for (size_t i = 0; r == 0 && i < n; i++) {
			if (strlen(q[i]) != 1 || q[i][0] < '1' || q[i][0] > '4')
				r = kg_usage_error(ctx, "--quad wants a QuadClass from 1 to 4, not '%s'", q[i]);
			else
				f->quads |= 1u << (q[i][0] - '0');
		}
		free(q);
		break;
	}
	case KG_OPT_MIN_WEIGHT:
		if ((r = kg_opt_long(ctx, "--min-weight", arg, 1, LONG_MAX, &v)) == 0)
			f->min_weight = v;
		break;
	case KG_OPT_TOP:
		if ((r = kg_opt_long(ctx, "--top", arg, 1, LONG_MAX, &v)) == 0)
			f->top = v;
		break;
	case KG_OPT_TYPE:
		r = list(fa, ctx, "--type", arg, &f->types, &f->ntypes, &fa->types_cap, type_ok,
			 "an actor type (state, government, person, armed_group, igo, ngo, media,"
			 " party, movement, company, group, unknown)");
		break;
	case KG_OPT_ARTICLE:
		r = list(fa, ctx, "--article", arg, &f->articles, &f->narticles, &fa->articles_cap,
			 NULL, "an article id");
		break;
	default:
		return 0;
	}
	return r ? r : 1;
}

int kg_filter_option(struct kg_filter_args *fa, int opt, const char *arg,
		     const struct kg_cmd_ctx *ctx)
{
	int r = parse(fa, opt, arg, ctx);

	return r == KG_EXIT_USAGE ? -1 : r;
}

/*
 * Names the user gave for --actor, plus the canonical name and code of
 * every dictionary actor the name is an alias of ("IS-K" -> ISKP,
 * IMGMUSISK): the store matches names and codes, in any case.
 */
static int resolve_aliases(struct kg_filter_args *fa)
{
	struct kg_lexicon *lx = kg_lex_new();
	size_t n = fa->f.nactors;
	char norm[256];
	int ret = 0;

	if (kg_lex_load_builtin(lx) < 0) {
		ret = -1;
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		const char *a = fa->f.actors[i];
		size_t len = kg_lex_norm(a, strlen(a), norm, sizeof norm);
		const struct kg_lex_entry *e = len ? kg_lex_get(lx, norm, len) : NULL;

		for (; e; e = e->next) {
			if (e->kind != KG_LEX_ACTOR || !e->actor.name)
				continue;
			push(&fa->f.actors, &fa->f.nactors, &fa->actors_cap,
			     keep(fa, e->actor.name, strlen(e->actor.name)));
			if (e->actor.code && *e->actor.code)
				push(&fa->f.actors, &fa->f.nactors, &fa->actors_cap,
				     keep(fa, e->actor.code, strlen(e->actor.code)));
		}
	}
out:
	kg_lex_free(lx);
	return ret;
}

int kg_filter_finish(struct kg_filter_args *fa, const struct kg_cmd_ctx *ctx)
{
	struct kg_filter *f = &fa->f;

	if (fa->depth_set && !f->nactors)
		return kg_usage_error(ctx, "--depth needs --actor");
	if (f->since && f->until && strncmp(f->since, f->until, strlen(f->until)) > 0)
		return kg_usage_error(ctx, "--since %s is after --until %s", f->since, f->until);
	if (f->nactors && resolve_aliases(fa) < 0)
		return KG_EXIT_FAIL;
	return 0;
}

void kg_filter_args_release(struct kg_filter_args *fa)
{
	if (!fa)
		return;
	for (size_t i = 0; i < fa->nowned; i++)
		free(fa->owned[i]);
	free(fa->owned);
	free(fa->f.actors);
	free(fa->f.cameos);
	free(fa->f.types);
	free(fa->f.articles);
	memset(fa, 0, sizeof *fa);
}
