/*
 * formats.c: the graph for other tools, one table of writers (the sqlite3
 * shell's output modes): DOT, JSON, GraphML, GEXF, Neo4j CSV, GDELT, HTML.
 *
 * Every writer reads the same filtered selection from the store (edges,
 * their actors, their triples), so a filter means the same thing in every
 * format.  Node ids are "n" + actors.id, edge ids "e" + rank (strongest
 * first), in every format, the rendered SVG included.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "export/export.h"
#include "export/internal.h"
#include "store/store.h"

static const struct {
	const char *name;
	int (*write)(struct kg_store *, const struct kg_graph_opts *, FILE *);
	int dir;		/* writes files into the folder o->path */
} writers[] = {
	{"dot", kg_graph_write, 0},
	{"json", kg_json_write, 0},
	{"graphml", kg_graphml_write, 0},
	{"gexf", kg_gexf_write, 0},
	{"csv", kg_neo4j_write, 1},
	{"gdelt", kg_gdelt_write, 0},
	{"html", kg_html_write, 0},
};
#define NWRITERS (sizeof writers / sizeof *writers)

int kg_export_format(const char *name)
{
	for (size_t i = 0; i < NWRITERS; i++)
		if (!strcmp(name, writers[i].name))
			return (int)i;
	return -1;
}

const char *kg_export_formats(void)
{
	return "dot|json|graphml|gexf|csv|gdelt|html";
}

int kg_export_needs_dir(const char *name)
{
	int i = kg_export_format(name);

	return i >= 0 && writers[i].dir;
}

int kg_export_write(struct kg_store *st, const struct kg_graph_opts *o, FILE *out)
{
	int i = kg_export_format(o->format);

	if (i < 0)
		return kg_error("unknown export format '%s'", o->format);
	return writers[i].write(st, o, out);
}

/* ---- JSON ---------------------------------------------------------- */

static json_t *str(const char *s)
{
	return s ? json_string(s) : json_null();
}

struct jctx {
	json_t *nodes, *edges;
	struct kg_style style;
};

static int json_node(const struct kg_node *n, void *ctx)
{
	struct jctx *j = ctx;
	char id[32];

	snprintf(id, sizeof id, "n%lld", n->id);
	json_array_append_new(j->nodes, json_pack("{s:s, s:o, s:o, s:s, s:o, s:I, s:I}",
		"id", id, "name", str(n->actor.name), "code", str(n->actor.code),
		"type", kg_actor_type_name(n->actor.type), "country", str(n->actor.country),
		"degree", (json_int_t)n->degree, "mentions", (json_int_t)n->mentions));
	return 0;
}

static int json_edge(const struct kg_edge *e, void *ctx)
{
	struct jctx *j = ctx;
	char id[32], src[32], dst[32], root[3];
	const char *color, *rootname;
	char quad[8];

	snprintf(id, sizeof id, "e%ld", e->rank);
	snprintf(src, sizeof src, "n%lld", e->subject_id);
	snprintf(dst, sizeof dst, "n%lld", e->object_id);
	snprintf(quad, sizeof quad, "%d", e->quad_class);
	kg_cameo_root(e->cameo, root);
	rootname = kg_style_get(&j->style, "root", root, "legend");
	color = kg_style_get(&j->style, "quad", quad, "color");
	json_array_append_new(j->edges, json_pack(
		"{s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:i, s:f, s:s, s:I, s:I, s:o, s:o, s:o, s:[]}",
		"id", id, "source", src, "target", dst,
		"subject", str(e->subject.name), "object", str(e->object.name),
		"predicate", str(e->predicate), "cameo", str(e->cameo), "cameo_root", str(rootname),
		"quad_class", e->quad_class, "goldstein", e->goldstein, "modality", e->modality,
		"weight", (json_int_t)e->mentions, "articles", (json_int_t)e->articles,
		"first_date", str(e->first_date), "last_date", str(e->last_date),
		"color", str(color), "triples"));
	return 0;
}

static int json_triple(const struct kg_edge_triple *t, void *ctx)
{
	struct jctx *j = ctx;
	json_t *e = json_array_get(j->edges, (size_t)t->edge - 1);

	if (!e)
		return kg_error("triple %lld: edge %ld missing from the selection", t->id, t->edge);
	json_array_append_new(json_object_get(e, "triples"), json_pack(
		"{s:I, s:o, s:o, s:o, s:i, s:f, s:o, s:b, s:o, s:o, s:o, s:f, s:o, s:i,"
		" s:{s:I, s:o, s:o, s:o, s:o, s:o}}",
		"id", (json_int_t)t->id, "subject", str(t->subject.name), "predicate", str(t->predicate),
		"cameo", str(t->cameo), "quad_class", t->quad_class, "goldstein", t->goldstein,
		"modality", str(t->modality), "reported", t->reported, "date", str(t->date),
		"location", str(t->location), "attribution", str(t->attribution),
		"confidence", t->confidence, "sentence", str(t->sentence), "sentence_seq", t->seq,
		"article", "id", (json_int_t)t->article_id, "ext_id", str(t->ext_id),
		"title", str(t->title), "url", str(t->url), "source", str(t->source),
		"published", str(t->published)));
	return 0;
}

json_t *kg_json_graph(struct kg_store *st, const struct kg_graph_opts *o)
{
	struct jctx j = {json_array(), json_array(), {0}};
	json_t *root = NULL, *quads;

	if (kg_style_load(&j.style, NULL) < 0 ||
	    kg_store_graph_nodes(st, o->filter, json_node, &j) < 0 ||
	    kg_store_graph_edges(st, o->filter, json_edge, &j) < 0 ||
	    kg_store_graph_triples(st, o->filter, json_triple, &j) < 0) {
		json_decref(j.nodes);
		json_decref(j.edges);
		goto out;
	}
	quads = json_array();
	for (int q = 1; q <= 4; q++) {
		char key[8];

		snprintf(key, sizeof key, "%d", q);
		json_array_append_new(quads, json_pack("{s:i, s:o, s:o}", "quad_class", q,
			"label", str(kg_style_get(&j.style, "quad", key, "legend")),
			"color", str(kg_style_get(&j.style, "quad", key, "color"))));
	}
	root = json_pack("{s:s?, s:o, s:o, s:o}", "title", o->title, "quads", quads,
			 "nodes", j.nodes, "edges", j.edges);
out:
	kg_style_free(&j.style);
	return root;
}

int kg_json_write(struct kg_store *st, const struct kg_graph_opts *o, FILE *out)
{
	json_t *g = kg_json_graph(st, o);
	int ret;

	if (!g)
		return -1;
	ret = json_dumpf(g, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER) == 0 && fputc('\n', out) != EOF
	      ? 0 : kg_error("write error:");
	json_decref(g);
	return ret;
}

/* ---- XML: GraphML and GEXF ----------------------------------------- */

/* Text for an XML attribute or element: escaped, and without the control
 * characters XML 1.0 forbids. */
static void xml(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\t': case '\n': case '\r': fputc(' ', out); break;
		default:
			if (c >= 0x20 && c != 0x7f)
				fputc(c, out);
		}
	}
}

struct xctx {
	FILE *out;
	struct kg_style style;
	int gexf;
};

/* "#rrggbb" -> r, g, b; 0 if it is not one. */
static int rgb(const char *c, unsigned *r, unsigned *g, unsigned *b)
{
	return c && strlen(c) == 7 && c[0] == '#' && strspn(c + 1, "0123456789abcdefABCDEF") == 6 &&
	       sscanf(c + 1, "%2x%2x%2x", r, g, b) == 3;
}

/* GraphML key ids are XML IDs, unique in the file: "v_" for node keys,
 * "e_" for edge keys. */
static void gml_data(FILE *out, char kind, const char *key, const char *v)
{
	if (!v)
		return;
	fprintf(out, "      <data key=\"%c_%s\">", kind, key);
	xml(out, v);
	fputs("</data>\n", out);
}

static void gexf_att(FILE *out, const char *key, const char *v)
{
	if (!v)
		return;
	fprintf(out, "          <attvalue for=\"%s\" value=\"", key);
	xml(out, v);
	fputs("\"/>\n", out);
}

static int xml_node(const struct kg_node *n, void *ctx)
{
	struct xctx *x = ctx;
	FILE *out = x->out;
	const char *type = kg_actor_type_name(n->actor.type);
	const char *fill = kg_style_get(&x->style, "type", type, "fillcolor");
	char num[2][32];
	unsigned r, g, b;

	snprintf(num[0], sizeof num[0], "%ld", n->degree);
	snprintf(num[1], sizeof num[1], "%ld", n->mentions);
	if (x->gexf) {
		fprintf(out, "      <node id=\"n%lld\" label=\"", n->id);
		xml(out, n->actor.name);
		fputs("\">\n        <attvalues>\n", out);
		gexf_att(out, "code", n->actor.code);
		gexf_att(out, "type", type);
		gexf_att(out, "country", n->actor.country);
		gexf_att(out, "degree", num[0]);
		gexf_att(out, "mentions", num[1]);
		fputs("        </attvalues>\n", out);
		if (rgb(fill, &r, &g, &b))
			fprintf(out, "        <viz:color r=\"%u\" g=\"%u\" b=\"%u\"/>\n", r, g, b);
		fputs("      </node>\n", out);
	} else {
		fprintf(out, "    <node id=\"n%lld\">\n", n->id);
		gml_data(out, 'v', "label", n->actor.name);
		gml_data(out, 'v', "code", n->actor.code);
		gml_data(out, 'v', "type", type);
		gml_data(out, 'v', "country", n->actor.country);
		gml_data(out, 'v', "degree", num[0]);
		gml_data(out, 'v', "mentions", num[1]);
		gml_data(out, 'v', "color", fill);
		fputs("    </node>\n", out);
	}
	return ferror(out) ? kg_error("write error:") : 0;
}

static int xml_edge(const struct kg_edge *e, void *ctx)
{
	struct xctx *x = ctx;
	FILE *out = x->out;
	char quad[8], root[3], num[4][32];
	const char *color, *rootname;
	unsigned r, g, b;

	snprintf(quad, sizeof quad, "%d", e->quad_class);
	kg_cameo_root(e->cameo, root);
	rootname = kg_style_get(&x->style, "root", root, "legend");
	color = kg_style_get(&x->style, "quad", quad, "color");
	snprintf(num[0], sizeof num[0], "%.17g", e->goldstein);
	snprintf(num[1], sizeof num[1], "%ld", e->mentions);
	snprintf(num[2], sizeof num[2], "%ld", e->articles);
	if (x->gexf) {
		fprintf(out, "      <edge id=\"e%ld\" source=\"n%lld\" target=\"n%lld\" weight=\"%ld\" label=\"",
			e->rank, e->subject_id, e->object_id, e->mentions);
		xml(out, e->predicate);
		fputs("\">\n        <attvalues>\n", out);
		gexf_att(out, "cameo", e->cameo);
		gexf_att(out, "cameo_root", rootname);
		gexf_att(out, "quad_class", quad);
		gexf_att(out, "goldstein", num[0]);
		gexf_att(out, "modality", e->modality);
		gexf_att(out, "mentions", num[1]);
		gexf_att(out, "articles", num[2]);
		gexf_att(out, "first_date", e->first_date);
		gexf_att(out, "last_date", e->last_date);
		gexf_att(out, "sentence", e->sentence);
		gexf_att(out, "article", e->article);
		gexf_att(out, "url", e->url);
		fputs("        </attvalues>\n", out);
		if (rgb(color, &r, &g, &b))
			fprintf(out, "        <viz:color r=\"%u\" g=\"%u\" b=\"%u\"/>\n", r, g, b);
		fputs("      </edge>\n", out);
	} else {
		fprintf(out, "    <edge id=\"e%ld\" source=\"n%lld\" target=\"n%lld\">\n",
			e->rank, e->subject_id, e->object_id);
		gml_data(out, 'e', "label", e->predicate);
		gml_data(out, 'e', "cameo", e->cameo);
		gml_data(out, 'e', "cameo_root", rootname);
		gml_data(out, 'e', "quad_class", quad);
		gml_data(out, 'e', "goldstein", num[0]);
		gml_data(out, 'e', "modality", e->modality);
		gml_data(out, 'e', "weight", num[1]);
		gml_data(out, 'e', "articles", num[2]);
		gml_data(out, 'e', "first_date", e->first_date);
		gml_data(out, 'e', "last_date", e->last_date);
		gml_data(out, 'e', "sentence", e->sentence);
		gml_data(out, 'e', "article", e->article);
		gml_data(out, 'e', "url", e->url);
		gml_data(out, 'e', "color", color);
		fputs("    </edge>\n", out);
	}
	return ferror(out) ? kg_error("write error:") : 0;
}

/* The typed attributes: for, name, GraphML type, GEXF type. */
static const struct {
	const char *for_, *name, *gml, *gexf;
} attrs[] = {
	{"node", "label", "string", NULL},
	{"node", "code", "string", "string"},
	{"node", "type", "string", "string"},
	{"node", "country", "string", "string"},
	{"node", "degree", "int", "integer"},
	{"node", "mentions", "int", "integer"},
	{"node", "color", "string", NULL},
	{"edge", "label", "string", NULL},
	{"edge", "cameo", "string", "string"},
	{"edge", "cameo_root", "string", "string"},
	{"edge", "quad_class", "int", "integer"},
	{"edge", "goldstein", "double", "double"},
	{"edge", "modality", "string", "string"},
	{"edge", "weight", "int", NULL},
	{"edge", "mentions", NULL, "integer"},
	{"edge", "articles", "int", "integer"},
	{"edge", "first_date", "string", "string"},
	{"edge", "last_date", "string", "string"},
	{"edge", "sentence", "string", "string"},
	{"edge", "article", "string", "string"},
	{"edge", "url", "string", "string"},
	{"edge", "color", "string", NULL},
};
#define NATTRS (sizeof attrs / sizeof *attrs)

static int xml_write(struct kg_store *st, const struct kg_graph_opts *o, FILE *out, int gexf)
{
	struct xctx x = {out, {0}, gexf};
	int ret = -1;

	if (kg_style_load(&x.style, NULL) < 0)
		return -1;
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
	if (gexf) {
		fputs("<gexf xmlns=\"http://www.gexf.net/1.2draft\""
		      " xmlns:viz=\"http://www.gexf.net/1.2draft/viz\""
		      " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
		      " xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\""
		      " version=\"1.2\">\n  <meta>\n    <creator>kgraph " KG_VERSION "</creator>\n", out);
		if (o->title) {
			fputs("    <description>", out);
			xml(out, o->title);
			fputs("</description>\n", out);
		}
		fputs("  </meta>\n  <graph mode=\"static\" defaultedgetype=\"directed\">\n", out);
		for (int pass = 0; pass < 2; pass++) {
			const char *cls = pass ? "edge" : "node";

			fprintf(out, "    <attributes class=\"%s\" mode=\"static\">\n", cls);
			for (size_t i = 0; i < NATTRS; i++)
				if (!strcmp(attrs[i].for_, cls) && attrs[i].gexf)
					fprintf(out, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n",
						attrs[i].name, attrs[i].name, attrs[i].gexf);
			fputs("    </attributes>\n", out);
		}
		fputs("    <nodes>\n", out);
	} else {
		fputs("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
		      " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
		      " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
		      " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n", out);
		for (size_t i = 0; i < NATTRS; i++)
			if (attrs[i].gml)
				fprintf(out, "  <key id=\"%c_%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
					attrs[i].for_[0] == 'n' ? 'v' : 'e', attrs[i].name, attrs[i].for_,
					attrs[i].name, attrs[i].gml);
		fputs("  <graph id=\"kgraph\" edgedefault=\"directed\">\n", out);
		if (o->title) {
			/* GraphML has no graph-level description: a comment keeps it. */
			fputs("    <!-- ", out);
			for (const char *p = o->title; *p; p++)
				if (*p != '-' && *p != '\n')
					fputc(*p, out);
			fputs(" -->\n", out);
		}
	}
	if (kg_store_graph_nodes(st, o->filter, xml_node, &x) < 0)
		goto out;
	if (gexf)
		fputs("    </nodes>\n    <edges>\n", out);
	if (kg_store_graph_edges(st, o->filter, xml_edge, &x) < 0)
		goto out;
	fputs(gexf ? "    </edges>\n  </graph>\n</gexf>\n" : "  </graph>\n</graphml>\n", out);
	ret = 0;
out:
	kg_style_free(&x.style);
	return ret;
}

int kg_graphml_write(struct kg_store *st, const struct kg_graph_opts *o, FILE *out)
{
	return xml_write(st, o, out, 0);
}

int kg_gexf_write(struct kg_store *st, const struct kg_graph_opts *o, FILE *out)
{
	return xml_write(st, o, out, 1);
}

/* ---- Neo4j CSV ------------------------------------------------------ */

/* One RFC 4180 field: quoted, quotes doubled, line breaks as spaces
 * (neo4j-admin import wants --multiline-fields otherwise). */
static void csv(FILE *out, const char *s)
{
	fputc('"', out);
	for (; s && *s; s++) {
		if (*s == '"')
			fputs("\"\"", out);
		else if (*s == '\n' || *s == '\r')
			fputc(' ', out);
		else
			fputc(*s, out);
	}
	fputc('"', out);
}

struct nctx {
	FILE *out;
	struct kg_style style;
};

static int neo_node(const struct kg_node *n, void *ctx)
{
	struct nctx *c = ctx;
	const char *type = kg_actor_type_name(n->actor.type);
	char label[64];
	size_t k = 0;

	/* armed_group -> ArmedGroup: Neo4j labels are CamelCase by custom. */
	for (const char *p = type; *p && k < sizeof label - 1; p++) {
		if (*p == '_')
			continue;
		label[k++] = (char)(p == type || p[-1] == '_' ? toupper((unsigned char)*p) : *p);
	}
	label[k] = '\0';
	fprintf(c->out, "n%lld,", n->id);
	csv(c->out, n->actor.name);
	fputc(',', c->out);
	csv(c->out, n->actor.code);
	fputc(',', c->out);
	csv(c->out, type);
	fputc(',', c->out);
	csv(c->out, n->actor.country);
	fprintf(c->out, ",%ld,%ld,Actor;%s\n", n->degree, n->mentions, label);
	return ferror(c->out) ? kg_error("write error:") : 0;
}

static int neo_edge(const struct kg_edge *e, void *ctx)
{
	struct nctx *c = ctx;
	char root[3];

	kg_cameo_root(e->cameo, root);
	fprintf(c->out, "n%lld,n%lld,%s,e%ld,", e->subject_id, e->object_id,
		kg_style_get(&c->style, "root", root, "neo4j"), e->rank);
	csv(c->out, e->predicate);
	fputc(',', c->out);
	csv(c->out, e->cameo);
	fprintf(c->out, ",%d,%.17g,", e->quad_class, e->goldstein);
	csv(c->out, e->modality);
	fprintf(c->out, ",%ld,%ld,", e->mentions, e->articles);
	csv(c->out, e->first_date);
	fputc(',', c->out);
	csv(c->out, e->last_date);
	fputc(',', c->out);
	csv(c->out, e->sentence);
	fputc(',', c->out);
	csv(c->out, e->article);
	fputc(',', c->out);
	csv(c->out, e->url);
	fputc('\n', c->out);
	return ferror(c->out) ? kg_error("write error:") : 0;
}

static FILE *open_in(const char *dir, const char *name, struct kg_buf *path)
{
	FILE *f;

	kg_buf_reset(path);
	kg_buf_addf(path, "%s/%s", dir, name);
	if (!(f = fopen(path->s, "wb")))
		kg_error("%s:", path->s);
	return f;
}

static int close_in(FILE *f, const char *path)
{
	int bad = fflush(f) != 0 || ferror(f);

	bad |= fclose(f) != 0;
	return bad ? kg_error("%s: write error:", path) : 0;
}

int kg_neo4j_write(struct kg_store *st, const struct kg_graph_opts *o, FILE *unused)
{
	struct nctx c = {NULL, {0}};
	struct kg_buf path = KG_BUF_INIT;
	int ret = -1;

	if (!o->path)
		return kg_error("csv: no folder to write nodes.csv and relationships.csv into");
	if (kg_style_load(&c.style, NULL) < 0)
		return -1;
	if (!(c.out = open_in(o->path, "nodes.csv", &path)))
		goto out;
	fputs("actorId:ID,name,code,type,country,degree:int,mentions:int,:LABEL\n", c.out);
	if (kg_store_graph_nodes(st, o->filter, neo_node, &c) < 0) {
		fclose(c.out);
		goto out;
	}
	if (close_in(c.out, path.s) < 0 || !(c.out = open_in(o->path, "relationships.csv", &path)))
		goto out;
	fputs(":START_ID,:END_ID,:TYPE,edgeId,predicate,cameo,quadClass:int,goldstein:double,"
	      "modality,mentions:int,articles:int,firstDate,lastDate,sentence,article,url\n", c.out);
	if (kg_store_graph_edges(st, o->filter, neo_edge, &c) < 0) {
		fclose(c.out);
		goto out;
	}
	ret = close_in(c.out, path.s);
out:
	kg_buf_release(&path);
	kg_style_free(&c.style);
	return ret;
}

/* ---- GDELT 2.0 event table ------------------------------------------ */

/* CAMEO actor role codes (GDELT's Actor1Type1Code...) and religions. */
static const char *const role_codes[] = {
	"AGR", "AMN", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "GRP",
	"HLH", "HRI", "IGO", "IMG", "INS", "INT", "IRC", "JUD", "LAB", "LEG", "MED", "MIL",
	"MNC", "MOD", "NGM", "NGO", "OPP", "PKO", "PTY", "RAD", "REB", "REF", "SEP", "SET",
	"SPY", "UAF", "UNO", NULL
};
static const char *const religion_codes[] = {
	"ADR", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "HIN", "JAN", "JEW", "MUS", "SHN",
	"SIK", "TAO", "ZRO", NULL
};

static int in_list(const char *s, const char *const *v)
{
	for (; *v; v++)
		if (!strncmp(s, *v, 3))
			return 1;
	return 0;
}

/* A field: tabs and line breaks would break the row, so they are spaces. */
static void tsv(FILE *out, const char *s)
{
	for (; s && *s; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

/* The 10 actor columns, each followed by a tab. */
static void gdelt_actor(FILE *out, const struct kg_actor *a)
{
	const char *code = a->code ? a->code : "";
	const char *types[3] = {NULL, NULL, NULL}, *religion[2] = {NULL, NULL};
	size_t len = strlen(code), nt = 0, nr = 0;
	char country[4] = "";

	if (a->country && strlen(a->country) == 3)
		memcpy(country, a->country, 4);
	/* The code is 3-letter blocks: country, then roles, religions... */
	for (size_t i = 0; len % 3 == 0 && i + 3 <= len; i += 3) {
		if (i == 0 && !strncmp(code, country, 3))
			continue;
		if (nt < 3 && in_list(code + i, role_codes))
			types[nt++] = code + i;
		else if (nr < 2 && in_list(code + i, religion_codes))
			religion[nr++] = code + i;
	}
	tsv(out, code);
	fputc('\t', out);
	for (const char *p = a->name; p && *p; p++)	/* GDELT writes names in capitals */
		fputc(*p == '\t' || *p == '\n' ? ' ' : toupper((unsigned char)*p), out);
	fprintf(out, "\t%s\t\t\t", country);	/* known group and ethnic codes: unknown */
	for (int i = 0; i < 2; i++)
		fprintf(out, "%.*s\t", religion[i] ? 3 : 0, religion[i] ? religion[i] : "");
	for (int i = 0; i < 3; i++)
		fprintf(out, "%.*s\t", types[i] ? 3 : 0, types[i] ? types[i] : "");
}

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int gdelt_row(const struct kg_edge_triple *t, void *ctx)
{
	static const int cum[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
	FILE *out = ctx;
	const char *d = t->date && strlen(t->date) >= 10 ? t->date : t->ingested_at;
	int y = 0, m = 0, day = 0;
	const char *c = t->cameo ? t->cameo : "";
	size_t cl = strlen(c);

	if (!d || sscanf(d, "%4d-%2d-%2d", &y, &m, &day) != 3 || m < 1 || m > 12)
		y = m = day = 0;
	fprintf(out, "%lld\t", t->id);
	if (y)
		fprintf(out, "%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t", y, m, day, y, m, y,
			y + (cum[m - 1] + (m > 2 && leap(y)) + day - 1) / (leap(y) ? 366.0 : 365.0));
	else
		fputs("\t\t\t\t", out);
	gdelt_actor(out, &t->subject);
	gdelt_actor(out, &t->object);
	fprintf(out, "%d\t", t->seq == 1);	/* IsRootEvent: the lead sentence */
	tsv(out, c);
	fprintf(out, "\t%.*s\t%.*s\t", (int)(cl < 3 ? cl : 3), c, (int)(cl < 2 ? cl : 2), c);
	fprintf(out, "%d\t%.1f\t1\t1\t1\t\t", t->quad_class, t->goldstein);	/* tone unknown */
	fputs("\t\t\t\t\t\t\t\t", out);	/* Actor1Geo_* */
	fputs("\t\t\t\t\t\t\t\t", out);	/* Actor2Geo_* */
	fputc('\t', out);		/* ActionGeo_Type */
	tsv(out, t->location);		/* ActionGeo_FullName */
	fputs("\t\t\t\t\t\t\t", out);	/* the other ActionGeo_* */
	if (t->ingested_at && strlen(t->ingested_at) >= 19)
		fprintf(out, "%.4s%.2s%.2s%.2s%.2s%.2s", t->ingested_at, t->ingested_at + 5,
			t->ingested_at + 8, t->ingested_at + 11, t->ingested_at + 14, t->ingested_at + 17);
	fputc('\t', out);
	tsv(out, t->url);
	fputc('\n', out);
	return ferror(out) ? kg_error("write error:") : 0;
}

int kg_gdelt_write(struct kg_store *st, const struct kg_graph_opts *o, FILE *out)
{
	return kg_store_graph_triples(st, o->filter, gdelt_row, out);
}
