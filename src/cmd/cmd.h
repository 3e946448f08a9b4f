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

/*
 * The graph filters shared by export and render (src/cmd/filter.c).  Put
 * KG_FILTER_LONGOPTS in the getopt_long table and hand every option to
 * kg_filter_option: it returns 1 when it took the option, 0 when the
 * option is not a filter, -1 after printing a usage error.  Then
 * kg_filter_finish checks the whole and adds the dictionary's names for
 * the --actor aliases; release frees what the filter keeps.
 */
#include "store/store.h"

enum {
	KG_OPT_ACTOR = 0x100, KG_OPT_DEPTH, KG_OPT_SINCE, KG_OPT_UNTIL, KG_OPT_CAMEO,
	KG_OPT_QUAD, KG_OPT_MIN_WEIGHT, KG_OPT_TOP, KG_OPT_TYPE, KG_OPT_ARTICLE,
};

#define KG_FILTER_LONGOPTS \
	{"actor", required_argument, NULL, KG_OPT_ACTOR}, \
	{"depth", required_argument, NULL, KG_OPT_DEPTH}, \
	{"since", required_argument, NULL, KG_OPT_SINCE}, \
	{"until", required_argument, NULL, KG_OPT_UNTIL}, \
	{"cameo", required_argument, NULL, KG_OPT_CAMEO}, \
	{"quad", required_argument, NULL, KG_OPT_QUAD}, \
	{"min-weight", required_argument, NULL, KG_OPT_MIN_WEIGHT}, \
	{"top", required_argument, NULL, KG_OPT_TOP}, \
	{"type", required_argument, NULL, KG_OPT_TYPE}, \
	{"article", required_argument, NULL, KG_OPT_ARTICLE}

#define KG_FILTER_HELP \
	"  --actor A       only the ego network of actor A (name, alias or CAMEO code,\n" \
	"                  any case; repeatable)\n" \
	"  --depth N       with --actor: actors up to N hops away (default 1)\n" \
	"  --since DATE    events on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)\n" \
	"  --until DATE    events on or before DATE\n" \
	"  --cameo P       CAMEO codes starting with P (repeatable, or P1,P2)\n" \
	"  --quad N        QuadClass N: 1 verbal coop, 2 material coop, 3 verbal\n" \
	"                  conflict, 4 material conflict (repeatable, or 3,4)\n" \
	"  --min-weight N  edges with at least N mentions\n" \
	"  --top N         only the N strongest edges\n" \
	"  --type T        edges touching an actor of type T (state, government,\n" \
	"                  person, armed_group, igo, ...; repeatable)\n" \
	"  --article ID    events from article ID (database id or external id)\n"

struct kg_filter_args {
	struct kg_filter f;
	size_t actors_cap, cameos_cap, types_cap, articles_cap;
	char **owned;
	size_t nowned, owned_cap;
	int depth_set;
};

int kg_filter_option(struct kg_filter_args *fa, int opt, const char *arg,
		     const struct kg_cmd_ctx *ctx);
int kg_filter_finish(struct kg_filter_args *fa, const struct kg_cmd_ctx *ctx);
void kg_filter_args_release(struct kg_filter_args *fa);	/* NULL-safe */

#endif
