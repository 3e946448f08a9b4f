/* common.c: what the commands share: usage errors, help, output files. */
#include <errno.h>
#include <stdarg.h>
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
