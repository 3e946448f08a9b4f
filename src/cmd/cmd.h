/*
 * cmd.h: the commands (one file each under src/cmd/, one public cmd_*
 * function) and the few helpers they share.  Only main() and the cmd_*
 * functions print to the user or decide the exit status.
 */
#ifndef KG_CMD_H
#define KG_CMD_H

#include <getopt.h>
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
int cmd_search(int argc, char **argv, struct kg_cmd_ctx *ctx);
int cmd_actors(int argc, char **argv, struct kg_cmd_ctx *ctx);
int cmd_neighbors(int argc, char **argv, struct kg_cmd_ctx *ctx);
int cmd_timeline(int argc, char **argv, struct kg_cmd_ctx *ctx);
int cmd_path(int argc, char **argv, struct kg_cmd_ctx *ctx);
int cmd_stats(int argc, char **argv, struct kg_cmd_ctx *ctx);
int cmd_dict(int argc, char **argv, struct kg_cmd_ctx *ctx);
int cmd_schema(int argc, char **argv, struct kg_cmd_ctx *ctx);

/* Helpers (src/cmd/common.c). */

/* Print "kgraph: CMD: msg" and the usage line to stderr; returns KG_EXIT_USAGE. */
int kg_usage_error(const struct kg_cmd_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The query-row format named by arg (kg_rows_format), or -1 after a usage
 * error naming the formats; the caller returns KG_EXIT_USAGE. */
int kg_opt_format(const struct kg_cmd_ctx *ctx, const char *arg);
/* Print the command's full help to out. */
void kg_cmd_help(const struct kg_command *c, FILE *out);
/* Is argv[i] --help or -h? (for commands that take free arguments) */
int kg_wants_help(int argc, char **argv);

/*
 * getopt_long for the commands, with what they all do alike: -h/--help
 * (added to the options given) prints the command's help and exits 0; an
 * unknown option ("bad option '-Z'"), a missing value ("--limit needs a
 * value") or a value given to an option that takes none is a usage error.
 *
 *	struct kg_opts o = KG_OPTS(ctx, argc, argv, "f:n:", longopts);
 *	while ((c = kg_opt_next(&o)) > 0)
 *		switch (c) { case 'f': ... }
 *	if (c < 0)
 *		return o.status;	(after --help or a usage error)
 *	argv[optind..argc-1] are the arguments
 *
 * shortopts is getopt's ("+..." stops at the first argument, for
 * commands whose arguments may look like options); longopts ends with
 * {NULL}, has no flag pointers, and leaves the code 'h' to --help.
 * Returns the next option's code, 0 after the last, -1 when the command
 * is done (status: its exit code).
 */
#define KG_OPTS_MAX 48
struct kg_opts {
	const struct kg_cmd_ctx *ctx;
	int argc;
	char **argv;
	const char *shortopts;
	const struct option *longopts;
	int status;
	/* kg_opt_next's own: the tables with --help added */
	int started;
	char shorts[64];
	struct option longs[KG_OPTS_MAX];
};
#define KG_OPTS(c, n, v, s, l) {.ctx = (c), .argc = (n), .argv = (v), .shortopts = (s), .longopts = (l)}
int kg_opt_next(struct kg_opts *o);
/*
 * The whole number arg (decimal, as strtol reads it) of option name
 * ("--limit"), from min to max, in *out: 0, or KG_EXIT_USAGE after a
 * usage error "--depth wants a whole number from 1 to 6, not 'abc'".
 * With max LONG_MAX there is no upper bound: a larger number is LONG_MAX.
 */
int kg_opt_long(const struct kg_cmd_ctx *ctx, const char *name, const char *arg,
		long min, long max, long *out);

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
	double lexicon_ms;	/* for --stats: the time the caller took to load the
				 * lexicon it passes to kg_pipeline_lex */
};
typedef int (*kg_sink_fn)(const struct kg_result *r, void *ctx);
int kg_pipeline(char **paths, int npaths, const struct kg_read_opts *ro,
		const struct kg_pipeline_opts *po, kg_sink_fn sink, void *ctx);

/* The default number of jobs: the number of cores (at most the limit). */
int kg_pipeline_jobs(void);

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
/* The same with a lexicon the caller built (borrowed; NULL: the built-in). */
struct kg_lexicon;
int kg_pipeline_lex(const struct kg_lexicon *lx, char **paths, int npaths,
		    const struct kg_read_opts *ro, const struct kg_pipeline_opts *po,
		    kg_sink_fn sink, void *ctx);

/*
 * The lexicon ingest codes with (src/cmd/dict.c): the user dictionary kept
 * in the store, whose entries win over built-in ones for the same words,
 * then the built-in dictionaries.  Free with kg_lex_free; NULL after a
 * message.
 */
struct kg_lexicon *kg_dict_lexicon(struct kg_store *st);
/*
 * The read-only questions (src/cmd/ask.c).  kg_cmd_rows opens the store
 * read-only, runs sql with the parameters ?1..?n bound (strings of digits
 * as integers, NULL as NULL) and writes the rows (json_cols: see
 * kg_rows_write_nested); it returns an exit code.  kg_cmd_actor finds the
 * actors an argument names (name, code or alias; *ids to free): their
 * number, 0 after a message when none, -1.
 */
int kg_cmd_rows(const struct kg_cmd_ctx *ctx, int format, const char *sql,
		const char *const *params, int nparams, unsigned long json_cols);
int kg_cmd_actor(struct kg_store *st, const char *name, long long **ids);
/* A walk (store.h) as JSON [[id, depth, via], ...] for json_each(); free it. */
struct kg_walk;
char *kg_cmd_walk_json(const struct kg_walk *w);
/*
 * For neighbors and path: after a CTE w(id, depth, via), KG_CMD_REL adds
 * rel(id, via, r, m): the relations linking w.via to w.id, one per
 * direction and CAMEO code, "→ attacked [190]" with arrows seen from via,
 * with m mentions, strongest first; and rels(id, via, r, m): all of one
 * pair in one row.  Join it with KG_CMD_RELS_JOIN (one lookup per row:
 * correlated subqueries over rel scanned it once per row).
 */
#define KG_CMD_REL \
	", rel (id, via, r, m) AS MATERIALIZED (SELECT w.id, w.via," \
	" CASE WHEN u.subject_id = w.via THEN '→ ' ELSE '← ' END || u.predicate" \
	" || ' [' || u.cameo || ']', sum(u.mentions) FROM w JOIN unique_events u" \
	" ON (u.subject_id = w.via AND u.object_id = w.id) OR (u.subject_id = w.id AND u.object_id = w.via)" \
	" WHERE w.depth > 0 GROUP BY w.id, w.via, u.subject_id = w.via, u.cameo" \
	" ORDER BY w.id, w.via, sum(u.mentions) DESC, u.cameo)," \
	" rels (id, via, r, m) AS (SELECT id, via," \
	" group_concat(r || CASE WHEN m > 1 THEN ' ×' || m ELSE '' END, '; '), sum(m)" \
	" FROM rel GROUP BY id, via)"
#define KG_CMD_RELS_JOIN " LEFT JOIN rels ON rels.id = w.id AND rels.via = w.via"

/* ingest --reextract: re-code every stored article with lx, each under
 * its own savepoint, in batches.  Returns the number of articles that
 * failed (left as they were), or -1. */
int kg_reextract(struct kg_store *st, const struct kg_lexicon *lx);

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

int cmd_validate(int argc, char **argv, struct kg_cmd_ctx *ctx);

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
