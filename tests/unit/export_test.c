/* export_test.c: the style table, the filtered graph of the store
 * (src/store/edges.c) and the writers, on an in-memory database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "export/export.h"
#include "export/internal.h"
#include "store/store.h"
#include "tests.h"

static void style_rules(void)
{
	struct kg_style st;

	CU_ASSERT_EQUAL_FATAL(kg_style_load(&st, "# comment\n\nquad\t4\tcolor\t#d7301f\n"
					    "quad\t*\tcolor\t#666666\r\nbad line\n"
					    "width\t*\tmin\tone\nwidth\t*\tmax\t8\n"), 0);
	CU_ASSERT_EQUAL(st.n, 4);	/* the bad line is reported and skipped */
	CU_ASSERT_STRING_EQUAL(kg_style_get(&st, "quad", "4", "color"), "#d7301f");
	CU_ASSERT_STRING_EQUAL(kg_style_get(&st, "quad", "2", "color"), "#666666");	/* CR dropped */
	CU_ASSERT_PTR_NULL(kg_style_get(&st, "type", "state", "shape"));
	CU_ASSERT_EQUAL(kg_style_num(&st, "width", "*", "max", 1), 8);
	CU_ASSERT_EQUAL(kg_style_num(&st, "width", "*", "min", 1.5), 1.5);	/* not a number */
	kg_style_free(&st);
	kg_style_free(&st);	/* twice is harmless */
	CU_ASSERT_EQUAL_FATAL(kg_style_load(&st, NULL), 0);	/* the embedded viz/style.tsv */
	CU_ASSERT_PTR_NOT_NULL(kg_style_get(&st, "quad", "1", "color"));
	CU_ASSERT_STRING_EQUAL(kg_style_get(&st, "root", "19", "neo4j"), "FIGHT");
	CU_ASSERT_STRING_EQUAL(kg_style_get(&st, "root", "99", "neo4j"), "RELATES_TO");
	kg_style_free(&st);
}

static void small_helpers(void)
{
	char r[3];

	kg_cameo_root("190", r);
	CU_ASSERT_STRING_EQUAL(r, "19");
	kg_cameo_root("0", r);
	CU_ASSERT_STRING_EQUAL(r, "");
	kg_cameo_root(NULL, r);
	CU_ASSERT_STRING_EQUAL(r, "");
	CU_ASSERT(kg_filter_date_ok("2024"));
	CU_ASSERT(kg_filter_date_ok("2024-02"));
	CU_ASSERT(kg_filter_date_ok("2024-02-29"));
	CU_ASSERT(!kg_filter_date_ok("2024-13"));
	CU_ASSERT(!kg_filter_date_ok("2024-00-10"));
	CU_ASSERT(!kg_filter_date_ok("2024-01-32"));
	CU_ASSERT(!kg_filter_date_ok("24-01-01"));
	CU_ASSERT(!kg_filter_date_ok("2024/01/01"));
	CU_ASSERT(!kg_filter_date_ok(""));
	CU_ASSERT_EQUAL(kg_export_format("gexf"), 3);
	CU_ASSERT_EQUAL(kg_export_format("xml"), -1);
	CU_ASSERT(kg_export_needs_dir("csv"));
	CU_ASSERT(!kg_export_needs_dir("json"));
	CU_ASSERT_STRING_EQUAL(kg_graph_auto_engine(10, 20), "dot");
	CU_ASSERT_STRING_EQUAL(kg_graph_auto_engine(2000, 5000), "sfdp");
}

/* A: Iran -190-> Taliban twice (actual and intended), Taliban -042-> Pakistan,
 * Russia -057-> China, and a negated Pakistan -190-> China. */
static struct kg_store *fixture(void)
{
	static const char sql[] =
		"INSERT INTO actors (id, name, code, type) VALUES (1, 'Iran', 'IRN', 'state'),"
		" (2, 'Taliban', 'AFGTAL', 'armed_group'), (3, 'Pakistan', 'PAK', 'state'),"
		" (4, 'Russia', 'RUS', 'state'), (5, 'China', 'CHN', 'state');"
		"INSERT INTO articles (id, ext_id, title, url, published, hash, text) VALUES"
		" (1, 'a', 'A', 'https://x.test/a', '2024-01-02', 'h1', 't'),"
		" (2, 'b', 'B', NULL, '2024-03-04', 'h2', 't');"
		"INSERT INTO sentences (id, article_id, seq, start, end, text) VALUES"
		" (1, 1, 1, 0, 1, 'one'), (2, 2, 1, 0, 1, 'two'), (3, 2, 2, 0, 1, 'three'),"
		" (4, 2, 3, 0, 1, 'four'), (5, 2, 4, 0, 1, 'five');"
		"INSERT INTO events (sentence_id, subject_id, object_id, predicate, cameo, quad_class,"
		" goldstein, modality, negated) VALUES"
		" (2, 1, 2, 'may attack', '190', 4, -10, 'possible', 0),"
		" (1, 1, 2, 'attacked', '190', 4, -10, 'actual', 0),"
		" (3, 2, 3, 'consulted', '042', 1, 2, 'actual', 0),"
		" (4, 4, 5, 'signed with', '057', 1, 8, 'actual', 0),"
		" (5, 3, 5, 'attacked', '190', 4, -10, 'actual', 1);";
	struct kg_store *st = NULL;

	if (kg_store_open(":memory:", 0, &st) < 0)
		return NULL;
	if (sqlite3_exec(kg_store_db(st), sql, NULL, NULL, NULL) != SQLITE_OK) {
		kg_store_close(st);
		return NULL;
	}
	return st;
}

struct seen {
	char edges[256];
	long n, mentions[8], ranks[8];
	const char *modality[8];
	char first_sentence[64];
};

static int on_edge(const struct kg_edge *e, void *ctx)
{
	struct seen *s = ctx;
	char one[64];

	snprintf(one, sizeof one, "%s%s>%s", s->n ? "," : "", e->subject.name, e->object.name);
	strncat(s->edges, one, sizeof s->edges - strlen(s->edges) - 1);
	if (s->n < 8) {
		s->mentions[s->n] = e->mentions;
		s->ranks[s->n] = e->rank;
		s->modality[s->n] = strcmp(e->modality, "actual") ? "other" : "actual";
	}
	if (!s->n)
		snprintf(s->first_sentence, sizeof s->first_sentence, "%s", e->sentence);
	s->n++;
	return 0;
}

static const char *edges_of(struct kg_store *st, const struct kg_filter *f, struct seen *s)
{
	memset(s, 0, sizeof *s);
	if (kg_store_graph_edges(st, f, on_edge, s) < 0)
		return "error";
	return s->edges;
}

static int count_node(const struct kg_node *n, void *ctx)
{
	(*(long *)ctx)++;
	return 0;
}

static int count_triple(const struct kg_edge_triple *t, void *ctx)
{
	long *n = ctx;

	CU_ASSERT(t->edge >= 1);
	CU_ASSERT_PTR_NOT_NULL(t->sentence);
	(*n)++;
	return 0;
}

static void filtered_graph(void)
{
	struct kg_store *st = fixture();
	struct kg_filter f = {0};
	struct seen s;
	const char *actors[] = {"taliban"}, *sneaky[] = {"x' OR 1=1 --"}, *cameos[] = {"19"};
	const char *types[] = {"armed_group"}, *arts[] = {"a"};
	long n = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(st);
	/* Strongest first; the negated event is no edge; actual beats possible,
	 * and the edge's sentence is its actual event's. */
	CU_ASSERT_STRING_EQUAL(edges_of(st, NULL, &s), "Iran>Taliban,Russia>China,Taliban>Pakistan");
	CU_ASSERT_EQUAL(s.mentions[0], 2);
	CU_ASSERT_EQUAL(s.ranks[2], 3);
	CU_ASSERT_STRING_EQUAL(s.modality[0], "actual");
	CU_ASSERT_STRING_EQUAL(s.first_sentence, "one");
	f.actors = actors;
	f.nactors = 1;
	CU_ASSERT_STRING_EQUAL(edges_of(st, &f, &s), "Iran>Taliban,Taliban>Pakistan");
	f.actors = sneaky;
	CU_ASSERT_STRING_EQUAL(edges_of(st, &f, &s), "");
	memset(&f, 0, sizeof f);
	f.cameos = cameos;
	f.ncameos = 1;
	CU_ASSERT_STRING_EQUAL(edges_of(st, &f, &s), "Iran>Taliban");
	f.since = "2024-02";	/* only the possible event is left */
	CU_ASSERT_STRING_EQUAL(edges_of(st, &f, &s), "Iran>Taliban");
	CU_ASSERT_EQUAL(s.mentions[0], 1);
	CU_ASSERT_STRING_EQUAL(s.modality[0], "other");
	memset(&f, 0, sizeof f);
	f.until = "2024-01";
	CU_ASSERT_STRING_EQUAL(edges_of(st, &f, &s), "Iran>Taliban");
	memset(&f, 0, sizeof f);
	f.quads = 1u << 1;
	CU_ASSERT_STRING_EQUAL(edges_of(st, &f, &s), "Russia>China,Taliban>Pakistan");
	memset(&f, 0, sizeof f);
	f.min_weight = 2;
	CU_ASSERT_STRING_EQUAL(edges_of(st, &f, &s), "Iran>Taliban");
	memset(&f, 0, sizeof f);
	f.top = 2;
	CU_ASSERT_STRING_EQUAL(edges_of(st, &f, &s), "Iran>Taliban,Russia>China");
	CU_ASSERT_EQUAL(kg_store_graph_nodes(st, &f, count_node, &n), 0);
	CU_ASSERT_EQUAL(n, 4);
	n = 0;
	CU_ASSERT_EQUAL(kg_store_graph_triples(st, &f, count_triple, &n), 0);
	CU_ASSERT_EQUAL(n, 3);
	memset(&f, 0, sizeof f);
	f.types = types;
	f.ntypes = 1;
	CU_ASSERT_STRING_EQUAL(edges_of(st, &f, &s), "Iran>Taliban,Taliban>Pakistan");
	memset(&f, 0, sizeof f);
	f.articles = arts;
	f.narticles = 1;
	CU_ASSERT_STRING_EQUAL(edges_of(st, &f, &s), "Iran>Taliban");
	CU_ASSERT_EQUAL(s.mentions[0], 1);
	kg_store_close(st);
}

/* Run a writer into memory. */
static char *write_to_mem(struct kg_store *st, const char *format, const struct kg_filter *f)
{
	struct kg_graph_opts o = {format, "auto", "A <title>", f, NULL};
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	int r;

	if (!m)
		return NULL;
	r = kg_export_write(st, &o, m);
	fclose(m);
	if (r < 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

static void writers(void)
{
	struct kg_store *st = fixture();
	json_error_t err;
	json_t *j;
	char *out;

	CU_ASSERT_PTR_NOT_NULL_FATAL(st);
	out = write_to_mem(st, "json", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	j = json_loads(out, 0, &err);
	CU_ASSERT_PTR_NOT_NULL(j);
	CU_ASSERT_EQUAL(json_array_size(json_object_get(j, "edges")), 3);
	CU_ASSERT_EQUAL(json_array_size(json_object_get(j, "nodes")), 5);
	CU_ASSERT_EQUAL(json_array_size(json_object_get(json_array_get(json_object_get(j, "edges"), 0),
						       "triples")), 2);
	json_decref(j);
	free(out);

	out = write_to_mem(st, "dot", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "digraph"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "A &lt;title&gt;"));	/* in the HTML-like legend */
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "URL=\"https://x.test/a\""));
	free(out);

	out = write_to_mem(st, "gdelt", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	for (char *line = out, *nl; (nl = strchr(line, '\n')); line = nl + 1) {
		int tabs = 0;

		for (char *p = line; p < nl; p++)
			tabs += *p == '\t';
		CU_ASSERT_EQUAL(tabs, 60);
	}
	free(out);

	out = write_to_mem(st, "html", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "<svg"));
	CU_ASSERT_PTR_NULL(strstr(out, "<?xml"));
	CU_ASSERT_PTR_NULL(strstr(out, "{{"));
	free(out);
	kg_store_close(st);
}

void test_export(void)
{
	static CU_TestInfo tests[] = {
		{"style rules", style_rules},
		{"small helpers", small_helpers},
		{"filtered graph", filtered_graph},
		{"writers", writers},
		CU_TEST_INFO_NULL
	};

	kg_suite("export", tests);
}
