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
 * Dictionary options (src/cmd/dictopts.c), shared by extract, ingest and
 * validate: add KG_DICT_LONGOPTS to a getopt_long table and pass each
 * option to kg_dict_opt (1 = it was one of them).
 */
struct kg_lexicon;
struct kg_dict_opts {
	const char *dir;	/* --dict-dir: file names are relative to it */
	const char *verbs, *actors, *agents, *discards;	/* actors: F[,F...] */
};
enum {
	KG_OPT_DICT_DIR = 0x1000, KG_OPT_VERBS, KG_OPT_ACTORS, KG_OPT_AGENTS, KG_OPT_DISCARDS,
};
#define KG_DICT_LONGOPTS \
	{"dict-dir", required_argument, NULL, KG_OPT_DICT_DIR}, \
	{"verbs", required_argument, NULL, KG_OPT_VERBS}, \
	{"actors", required_argument, NULL, KG_OPT_ACTORS}, \
	{"agents", required_argument, NULL, KG_OPT_AGENTS}, \
	{"discards", required_argument, NULL, KG_OPT_DISCARDS}
#define KG_DICT_HELP \
	"  --dict-dir DIR  PETRARCH/TABARI dictionaries: file names below are relative to DIR\n" \
	"  --verbs F       verb patterns (CAMEO.2.0.txt, PETR.Validate.verbs.txt)\n" \
	"  --actors F[,F]  actor dictionaries\n" \
	"  --agents F      agent dictionary\n" \
	"  --discards F    discard phrases\n"
int kg_dict_opt(struct kg_dict_opts *o, int opt, const char *arg);
int kg_dict_given(const struct kg_dict_opts *o);
/* A lexicon of those files plus the CAMEO codebook, or NULL after reporting. */
struct kg_lexicon *kg_dict_load(const struct kg_dict_opts *o);
/* kg_pipeline with the dictionaries of o (NULL or none given: built-in). */
int kg_pipeline_dict(char **paths, int npaths, const struct kg_read_opts *ro,
		     const struct kg_dict_opts *o, kg_sink_fn sink, void *ctx);

int cmd_validate(int argc, char **argv, struct kg_cmd_ctx *ctx);

#endif
