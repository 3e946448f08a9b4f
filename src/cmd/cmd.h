/*
 * cmd.h: the commands (one file each under src/cmd/, one public cmd_*
 * function) and the few helpers they share.  Only main() and the cmd_*
 * functions print to the user or decide the exit status.
 */
#ifndef KG_CMD_H
#define KG_CMD_H

#include <stdio.h>

#include "base/kgraph.h"

struct kg_store;

/* What main() hands every command. */
struct kg_cmd_ctx {
	const char *db;		/* -d DB, $KGRAPH_DB or ./kgraph.db */
	const struct kg_command *cmd;
};

struct kg_command {
	const char *name;
	int (*fn)(int argc, char **argv, struct kg_cmd_ctx *ctx);
	const char *usage;	/* "ingest [options] PATH...|-" */
	const char *summary;	/* one line for `kgraph help` */
	const char *help;	/* the options, for `kgraph help CMD` and --help */
};

extern const struct kg_command kg_commands[];	/* ends with name == NULL */
const struct kg_command *kg_command_find(const char *name);

int cmd_ingest(int argc, char **argv, struct kg_cmd_ctx *ctx);
int cmd_extract(int argc, char **argv, struct kg_cmd_ctx *ctx);
int cmd_query(int argc, char **argv, struct kg_cmd_ctx *ctx);
int cmd_export(int argc, char **argv, struct kg_cmd_ctx *ctx);
int cmd_render(int argc, char **argv, struct kg_cmd_ctx *ctx);
int cmd_help(int argc, char **argv, struct kg_cmd_ctx *ctx);
int cmd_version(int argc, char **argv, struct kg_cmd_ctx *ctx);

/* Helpers (src/cmd/common.c). */

/* Print "kgraph: CMD: msg" and the usage line to stderr; returns KG_EXIT_USAGE. */
int kg_usage_error(const struct kg_cmd_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Print the command's full help to out. */
void kg_cmd_help(const struct kg_command *c, FILE *out);
/* Is argv[i] --help or -h? (for commands that take free arguments) */
int kg_wants_help(int argc, char **argv);

/*
 * Open a file for writing an export: "-" or NULL is stdout.  Refuses to
 * write through anything but a regular file (or a new one).  Close with
 * kg_close_output, which reports write errors; both return -1 on failure.
 */
FILE *kg_open_output(const char *path);
int kg_close_output(FILE *f, const char *path);

/*
 * The pipeline shared by extract and ingest: read every path, code each
 * article, hand each result to the sink.  The sink returns 0, 1 (this
 * article failed: counted) or -1 (stop).  Returns the number of failed
 * inputs and articles, or -1 when stopped.
 */
struct kg_read_opts;
typedef int (*kg_sink_fn)(const struct kg_result *r, void *ctx);
int kg_pipeline(char **paths, int npaths, const struct kg_read_opts *ro,
		kg_sink_fn sink, void *ctx);

#endif
