/*
 * kgraph: news articles in, a knowledge graph of who does what to whom out.
 *
 * The data flows one way, and the folders under src/ follow it:
 *
 *   input/    read articles (text files, directories, stdin)
 *   text/     split them into sentences and tokens
 *   lexicon/  the dictionaries: actors, agents, places, relation words
 *   code/     find actors and code events: actor - relation - actor triples
 *   store/    keep them, with provenance, in SQLite
 *   export/   hand them on: JSON lines, query rows, DOT, SVG/PNG/PDF
 *   cmd/      one file per command, on top of all the above
 *   base/     buffers, arenas, messages and the shared types (kgraph.h)
 *
 * `extract` and `ingest` run the same pipeline and differ only in the sink.
 * This file holds the command table and the global options; start reading
 * main(), then src/cmd/extract.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "cmd/cmd.h"

const struct kg_command kg_commands[] = {
	{"ingest", cmd_ingest, "ingest [options] PATH...|-",
	 "code articles and store the triples in the database",
	 "  --format F      input format: auto|text|json|jsonl|html (default auto)\n"
	 "  --date DATE     article date (YYYY-MM-DD) when the input gives none\n"
	 "  --reextract     re-code every stored article (after `kgraph dict add`)\n"
	 "  --triples FILE  load triples made elsewhere (kgraph extract's JSON lines; - for stdin)\n"
	 "  --batch N       articles per transaction (default 4000; also at most 64 MB\n"
	 "                  of text or 2 seconds): smaller batches commit sooner,\n"
	 "                  bigger ones write faster\n"
	 KG_PIPELINE_HELP
	 KG_DICT_HELP},
	{"extract", cmd_extract, "extract [options] PATH...|-",
	 "code articles and print the triples (no database)",
	 "  --format F      output: jsonl|tsv (default jsonl)\n"
	 "  --input-format F  auto|text|json|jsonl|html (default auto)\n"
	 "  --date DATE     article date (YYYY-MM-DD) when the input gives none\n"
	 KG_PIPELINE_HELP
	 KG_DICT_HELP},
	{"query", cmd_query, "query [--format F] [--param NAME=VALUE]... SQL",
	 "run read-only SQL on the database",
	 "  --format F      table|csv|tsv|json|jsonl (default table)\n"
	 "  --param N=V     bind V to :N, @N or $N in the SQL (numbers bind as numbers)\n"},
	{"export", cmd_export, "export --format F [-o FILE|DIR] [filters]",
	 "write the graph for other tools",
	 "  --format F      dot|json|graphml|gexf|csv|gdelt|html (default dot)\n"
	 "  -o FILE         output file (default stdout); for csv a folder that gets\n"
	 "                  nodes.csv and relationships.csv (Neo4j import)\n"
	 "  -K ENGINE       html: layout engine, as for render (default auto)\n"
	 "  --title TEXT    a title (html, json, gexf)\n"
	 KG_FILTER_HELP},
	{"render", cmd_render, "render [-T svg|png|pdf] [-K dot|neato|sfdp|auto] -o FILE [filters]",
	 "lay out and draw the graph",
	 "  -T FORMAT       svg|png|pdf (default svg)\n"
	 "  -K ENGINE       dot|neato|sfdp|auto (default auto: sfdp for large graphs)\n"
	 "  --title TEXT    a title above the diagram\n"
	 "  -o FILE         output file (required; - for stdout)\n"
	 KG_FILTER_HELP},
	{"search", cmd_search, "search [--format F] [--limit N] [--fts] WORDS...",
	 "find stored sentences by full-text search, with their triples",
	 "  --format F      table|csv|tsv|json|jsonl (default table)\n"
	 "  --limit N       at most N sentences (default 50)\n"
	 "  --fts           WORDS are an FTS5 query (OR, NEAR, \"phrase\", prefix*)\n"},
	{"actors", cmd_actors, "actors [--unresolved] [--type T] [--limit N] [--format F]",
	 "list actors by mentions; --unresolved: names no dictionary knows",
	 "  --unresolved    only names no dictionary resolved, most frequent first\n"
	 "  --type T        only actors of type T (state, person, armed_group ...)\n"
	 "  --limit N       at most N rows\n"
	 "  --format F      table|csv|tsv|json|jsonl (default table)\n"},
	{"neighbors", cmd_neighbors, "neighbors [--depth N] [--format F] ACTOR",
	 "actors related to ACTOR (name, code or alias), nearest first",
	 "  --depth N       follow relations N steps out (default 1, at most 6)\n"
	 "  --format F      table|csv|tsv|json|jsonl (default table)\n"},
	{"timeline", cmd_timeline, "timeline [--undated] [--limit N] [--format F] ACTOR",
	 "the dated events of ACTOR in order, with their counts",
	 "  --undated       also list undated events (last)\n"
	 "  --limit N       at most N rows\n"
	 "  --format F      table|csv|tsv|json|jsonl (default table)\n"},
	{"path", cmd_path, "path [--max-depth N] [--format F] ACTOR ACTOR",
	 "the shortest chain of relations between two actors",
	 "  --max-depth N   give up beyond N links (default 6)\n"
	 "  --format F      table|csv|tsv|json|jsonl (default table)\n"},
	{"stats", cmd_stats, "stats [--verify] [--format F]", "count what the database holds",
	 "  --verify        recount the counted (events, edges, full text); exit 1 if off\n"
	 "  --format F      table|csv|tsv|json|jsonl (default table)\n"},
	{"dict", cmd_dict, "dict add NAME --code CODE --type TYPE [--alias A]... [--country C] | dict list [--format F] | dict remove NAME",
	 "the user dictionary kept in the database, used by every ingest",
	 "  add NAME        add (or replace) an actor: --code CAMEO code, --type state|person|...,\n"
	 "                  --alias another name (repeatable), --country ISO3\n"
	 "  list            the entries, with their aliases\n"
	 "  remove NAME     drop an entry\n"
	 "then `kgraph ingest --reextract` re-codes the stored articles with it.\n"},
	{"schema", cmd_schema, "schema", "print the store's entity diagram as DOT (see docs/schema.md)", ""},
	{"validate", cmd_validate, "validate [--format text|jsonl] --dict-dir DIR FILE.xml",
	 "code PETRARCH validation records and compare with their expected events",
	 "  --dict-dir DIR  where the dictionaries named in the file's <Environment> are\n"
	 "  --format F      text (per record, then totals) or jsonl (the events produced)\n"
	 "  --verbs F, --actors F[,F], --agents F, --discards F  override <Environment>\n"},
	{"help", cmd_help, "help [COMMAND]", "show help for kgraph or a command", ""},
	{"version", cmd_version, "version", "print the version", ""},
	{NULL, NULL, NULL, NULL, NULL}
};

const struct kg_command *kg_command_find(const char *name)
{
	for (const struct kg_command *c = kg_commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

static void usage(FILE *out)
{
	fprintf(out, "usage: kgraph [-d DB] [-q|-v] COMMAND [options] [args]\n\n"
		"  -d DB   database file (default: $KGRAPH_DB, else ./kgraph.db)\n"
		"  -q, -v  quieter, more verbose\n\ncommands:\n");
	for (const struct kg_command *c = kg_commands; c->name; c++)
		fprintf(out, "  %-9s %s\n", c->name, c->summary);
	fprintf(out, "\n`kgraph help COMMAND` tells more.\n");
}

int cmd_help(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	const struct kg_command *c;

	if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")))
		argv[1] = "help";
	if (argc < 2) {
		usage(stdout);
		return KG_EXIT_OK;
	}
	if (!(c = kg_command_find(argv[1])))
		return kg_usage_error(ctx, "unknown command '%s'", argv[1]);
	kg_cmd_help(c, stdout);
	return KG_EXIT_OK;
}

int cmd_version(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	if (kg_wants_help(argc, argv)) {
		kg_cmd_help(ctx->cmd, stdout);
		return KG_EXIT_OK;
	}
	if (argc > 1)
		return kg_usage_error(ctx, "takes no arguments");
	printf("kgraph %s\n", KG_VERSION);
	return KG_EXIT_OK;
}

int main(int argc, char **argv)
{
	struct kg_cmd_ctx ctx = {0};
	int i, ret;

	ctx.db = getenv("KGRAPH_DB");
	if (!ctx.db || !*ctx.db)
		ctx.db = "kgraph.db";
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-d") || !strcmp(a, "--db")) {
			if (++i >= argc) {
				fprintf(stderr, "kgraph: option %s needs a database file\n", a);
				return KG_EXIT_USAGE;
			}
			ctx.db = argv[i];
		} else if (!strncmp(a, "--db=", 5)) {
			ctx.db = a + 5;
		} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
			kg_verbosity = -1;
		} else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
			kg_verbosity = 1;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return KG_EXIT_OK;
		} else if (!strcmp(a, "--version")) {
			printf("kgraph %s\n", KG_VERSION);
			return KG_EXIT_OK;
		} else {
			fprintf(stderr, "kgraph: unknown option '%s' (see kgraph help)\n", a);
			return KG_EXIT_USAGE;
		}
	}
	if (i >= argc) {
		usage(stderr);
		return KG_EXIT_USAGE;
	}
	if (!(ctx.cmd = kg_command_find(argv[i]))) {
		fprintf(stderr, "kgraph: unknown command '%s' (see kgraph help)\n", argv[i]);
		return KG_EXIT_USAGE;
	}
	ret = ctx.cmd->fn(argc - i, argv + i, &ctx);

	/* A tool whose output feeds pipelines must fail on a full disk (git). */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		kg_error("write error on standard output:");
		ret = KG_EXIT_FAIL;
	}
	return ret;
}
