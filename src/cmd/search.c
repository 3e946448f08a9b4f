/*
 * search.c: `kgraph search TERMS...`: full-text search over the stored
 * sentences (FTS5 table sentences_fts), each match with its triples.
 *
 * Terms are taken as plain words (each quoted for FTS5, all required),
 * so "Iran-Afghanistan border" just works; --fts passes FTS5 query syntax
 * through (OR, NEAR, "phrases", prefix*).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "cmd/cmd.h"
#include "export/export.h"

/* The triples of sentence s.id, readable or as a JSON array. */
#define TRIPLES_TEXT \
	"(SELECT group_concat(t, '; ') FROM (SELECT sa.name || ' ' || e.predicate || ' ' || oa.name" \
	" || ' [' || e.cameo || ']' AS t FROM events e JOIN actors sa ON sa.id = e.subject_id" \
	" JOIN actors oa ON oa.id = e.object_id WHERE e.sentence_id = s.id ORDER BY e.id))"
#define TRIPLES_JSON \
	"(SELECT json_group_array(json_object('subject', sa.name, 'subject_code', sa.code," \
	" 'predicate', e.predicate, 'object', oa.name, 'object_code', oa.code, 'cameo', e.cameo," \
	" 'modality', e.modality, 'event_date', e.event_date)) FROM events e" \
	" JOIN actors sa ON sa.id = e.subject_id JOIN actors oa ON oa.id = e.object_id" \
	" WHERE e.sentence_id = s.id)"
#define SEARCH_SQL(TRIPLES) \
	"SELECT s.id AS sentence_id, coalesce(a.title, a.ext_id) AS article, s.seq AS seq," \
	" s.text AS sentence, " TRIPLES " AS triples" \
	" FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid" \
	" JOIN articles a ON a.id = s.article_id" \
	" WHERE sentences_fts MATCH ?1 ORDER BY rank, s.id LIMIT ?2"

int cmd_search(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"limit", required_argument, NULL, 'n'},
		{"fts", no_argument, NULL, 'F'},
		{NULL, 0, NULL, 0}
	};
	struct kg_opts o = KG_OPTS(ctx, argc, argv, "f:n:F", opts);
	struct kg_buf q = KG_BUF_INIT;
	char limit[24] = "50";
	const char *params[2];
	long lim;
	int c, fts = 0, format = kg_rows_format("table"), json, ret;

	while ((c = kg_opt_next(&o)) > 0) {
		switch (c) {
		case 'f':
			if ((format = kg_opt_format(ctx, optarg)) < 0)
				return KG_EXIT_USAGE;
			break;
		case 'n':
			if (kg_opt_long(ctx, "--limit", optarg, 0, LONG_MAX, &lim))
				return KG_EXIT_USAGE;
			snprintf(limit, sizeof limit, "%ld", lim);
			break;
		case 'F':
			fts = 1;
			break;
		}
	}
	if (c < 0)
		return o.status;
	if (optind >= argc)
		return kg_usage_error(ctx, "give the words to search for");
	for (int i = optind; i < argc; i++) {
		const char *p = argv[i];
		if (fts) {
			kg_buf_addf(&q, "%s%s", q.len ? " " : "", p);
			continue;
		}
		/* Each word becomes an FTS5 string: "word" (quotes doubled). */
		while (*p) {
			size_t n;
			while (*p == ' ' || *p == '\t' || *p == '\n')
				p++;
			if (!(n = strcspn(p, " \t\n")))
				break;
			kg_buf_adds(&q, q.len ? " \"" : "\"");
			for (size_t k = 0; k < n; k++) {
				if (p[k] == '"')
					kg_buf_addc(&q, '"');
				kg_buf_addc(&q, p[k]);
			}
			kg_buf_addc(&q, '"');
			p += n;
		}
	}
	if (!q.len) {
		kg_buf_release(&q);
		return kg_usage_error(ctx, "give the words to search for");
	}
	params[0] = q.s;
	params[1] = limit;
	json = kg_rows_is_json(format);
	ret = kg_cmd_rows(ctx, format, json ? SEARCH_SQL(TRIPLES_JSON) : SEARCH_SQL(TRIPLES_TEXT),
			  params, 2, json ? 1UL << 4 : 0);
	kg_buf_release(&q);
	return ret;
}
