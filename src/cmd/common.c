/* common.c: what the commands share: usage errors, help, options, output files. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/err.h"
#include "cmd/cmd.h"
#include "export/export.h"

int kg_usage_error(const struct kg_cmd_ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "kgraph: %s: ", ctx->cmd ? ctx->cmd->name : "usage");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (ctx->cmd)
		fprintf(stderr, " (usage: kgraph %s)\n", ctx->cmd->usage);
	else
		fputc('\n', stderr);
	return KG_EXIT_USAGE;
}

int kg_opt_format(const struct kg_cmd_ctx *ctx, const char *arg)
{
	int f = kg_rows_format(arg);

	if (f < 0)
		kg_usage_error(ctx, "unknown format '%s' (%s)", arg, kg_rows_formats());
	return f;
}

void kg_cmd_help(const struct kg_command *c, FILE *out)
{
	fprintf(out, "usage: kgraph [-d DB] %s\n\n%s.\n", c->usage, c->summary);
	if (c->help && *c->help)
		fprintf(out, "\noptions:\n%s", c->help);
}

int kg_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			return 0;
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return 1;
	}
	return 0;
}

/* The tables getopt_long sees: the command's, with ':' (a missing value
 * returns ':') and -h/--help added unless there. */
static int opts_start(struct kg_opts *o)
{
	const char *s = o->shortopts;
	size_t n = 0, k;
	int help = 0;

	if (*s == '+')
		o->shorts[n++] = *s++;
	o->shorts[n++] = ':';
	if (n + strlen(s) + 2 > sizeof o->shorts)
		return -1;
	memcpy(o->shorts + n, s, strlen(s));
	n += strlen(s);
	if (!strchr(s, 'h'))
		o->shorts[n++] = 'h';
	o->shorts[n] = 0;
	for (k = 0; o->longopts[k].name; k++) {
		if (k + 2 >= KG_OPTS_MAX)
			return -1;
		o->longs[k] = o->longopts[k];
		help |= !strcmp(o->longopts[k].name, "help");
	}
	if (!help)
		o->longs[k++] = (struct option){"help", no_argument, NULL, 'h'};
	o->longs[k] = (struct option){NULL, 0, NULL, 0};
	optind = 0;	/* start over: a fresh argv */
	opterr = 0;
	o->started = 1;
	return 0;
}

/*
 * The option getopt_long just refused, as the user wrote it.  A long one
 * (optopt 0, or the code of a long option given a value it does not take,
 * when it consumed its word) is that word; a short one is its letter,
 * even inside a group (-uZ, -Zu), where argv[optind - 1] is another word.
 */
static const char *refused(const struct kg_opts *o, int before, char *buf)
{
	const char *w = o->argv[optind - 1];

	if (!optopt || (optind > before && !strncmp(w, "--", 2)))
		return w;
	buf[0] = '-';
	buf[1] = (char)optopt;
	buf[2] = 0;
	return buf;
}

int kg_opt_next(struct kg_opts *o)
{
	char buf[3];
	int c, before;

	if (!o->started && opts_start(o) < 0) {
		kg_error("%s: too many options for kg_opt_next", o->ctx->cmd->name);
		o->status = KG_EXIT_FAIL;
		return -1;
	}
	before = optind ? optind : 1;
	switch ((c = getopt_long(o->argc, o->argv, o->shorts, o->longs, NULL))) {
	case -1:
		return 0;
	case 'h':
		kg_cmd_help(o->ctx->cmd, stdout);
		o->status = KG_EXIT_OK;
		return -1;
	case ':':
		o->status = kg_usage_error(o->ctx, "%s needs a value", refused(o, before, buf));
		return -1;
	case '?':
		o->status = kg_usage_error(o->ctx, "bad option '%s'", refused(o, before, buf));
		return -1;
	}
	return c;
}

int kg_opt_long(const struct kg_cmd_ctx *ctx, const char *name, const char *arg,
		long min, long max, long *out)
{
	char *end;
	long v;

	/* Out of long's range, strtol gives LONG_MIN or LONG_MAX: refused
	 * by the bounds, or taken as "no bound" when max is LONG_MAX. */
	v = strtol(arg, &end, 10);
	if (end != arg && !*end && v >= min && v <= max) {
		*out = v;
		return 0;
	}
	if (max == LONG_MAX)
		return kg_usage_error(ctx, "%s wants a whole number of at least %ld, not '%s'",
				      name, min, arg);
	return kg_usage_error(ctx, "%s wants a whole number from %ld to %ld, not '%s'",
			      name, min, max, arg);
}

FILE *kg_open_output(const char *path)
{
	struct stat st;
	FILE *f;

	if (!path || !strcmp(path, "-"))
		return stdout;
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		kg_error("%s: not a regular file, refusing to write to it", path);
		return NULL;
	}
	if (!(f = fopen(path, "wb")))
		kg_error("%s:", path);
	return f;
}

int kg_close_output(FILE *f, const char *path)
{
	int bad;

	if (!f)
		return 0;
	bad = fflush(f) != 0 || ferror(f);
	if (f != stdout)
		bad |= fclose(f) != 0;
	if (bad)
		return kg_error("%s: write error:", path && strcmp(path, "-") ? path : "standard output");
	return 0;
}
