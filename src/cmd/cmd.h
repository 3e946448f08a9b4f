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
 * article, hand each result to the sink, in input order, on the calling
 * thread.  The sink returns 0, 1 (this article failed: counted) or -1
 * (stop).  Returns the number of failed inputs and articles, or -1 when
 * stopped.  With jobs > 1 the coding runs in that many threads
 * (src/cmd/pipeline.c); the sink sees the same results in the same order.
 */
struct kg_read_opts;
struct kg_pipeline_opts {
	int jobs;	/* coder threads; 0: one per core */
	int progress;	/* progress line on stderr: 0 when it is a terminal, 1 always, -1 never */
	int stats;	/* one "kgraph: stats: key=value ..." line on stderr at the end */
	/* Called on the sink's thread when no result has come for a while
	 * (a slow input): commit, flush.  NULL: never.  -1 stops. */
	int (*idle)(void *ctx);
};
typedef int (*kg_sink_fn)(const struct kg_result *r, void *ctx);
int kg_pipeline(char **paths, int npaths, const struct kg_read_opts *ro,
		const struct kg_pipeline_opts *po, kg_sink_fn sink, void *ctx);

/* The number of jobs in s ("4"), or the number of cores for NULL; -1 if bad. */
int kg_pipeline_jobs(const char *s);

/*
 * The options extract and ingest share: -j/--jobs N, -q/--quiet,
 * -v/--verbose, --stats, --progress, --no-progress.  Put KG_PIPELINE_LONGOPTS
 * in the getopt_long table and KG_PIPELINE_SHORTOPTS in the short string,
 * and hand unknown option codes to kg_pipeline_option(): it returns 0 when
 * it took c, KG_EXIT_USAGE after reporting a bad value, -1 when c is not
 * one of these.
 */
enum { KG_OPT_STATS = 0x200, KG_OPT_PROGRESS, KG_OPT_NO_PROGRESS };
#define KG_PIPELINE_SHORTOPTS "j:qv"
#define KG_PIPELINE_LONGOPTS \
	{"jobs", required_argument, NULL, 'j'}, \
	{"quiet", no_argument, NULL, 'q'}, \
	{"verbose", no_argument, NULL, 'v'}, \
	{"stats", no_argument, NULL, KG_OPT_STATS}, \
	{"progress", no_argument, NULL, KG_OPT_PROGRESS}, \
	{"no-progress", no_argument, NULL, KG_OPT_NO_PROGRESS}
#define KG_PIPELINE_HELP \
	"  -j, --jobs N    coder threads (default: the number of cores); output is\n" \
	"                  the same, in the same order, for any N\n" \
	"  -q, --quiet     no progress and no summary; errors only\n" \
	"  -v, --verbose   more messages\n" \
	"  --stats         print a line of figures (MB/s, sentences/s, peak RSS) at the end\n" \
	"  --progress, --no-progress  force the progress line on stderr on or off\n" \
	"                  (default: shown when stderr is a terminal)\n"
int kg_pipeline_option(const struct kg_cmd_ctx *ctx, struct kg_pipeline_opts *po, int c,
		       const char *arg);

#endif
