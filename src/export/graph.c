/*
 * graph.c: the relationship diagram, built with cgraph and laid out and
 * rendered in-process by gvc.  Graphviz stays inside this file: its
 * headers define generic macros (MIN, TRUE...) that must not leak.
 *
 * Nodes are actors, edges are aggregated relations (subject, object,
 * CAMEO code) from the store's filtered graph.  How they look comes from
 * viz/style.tsv (style.c): colour by QuadClass, line style by modality,
 * shape and fill by actor type, pen width by log of mentions.  The legend
 * is an HTML-like graph label, so it shows with every engine.
 */
#include <graphviz/gvc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "export/export.h"
#include "export/internal.h"
#include "store/store.h"

/* dot's spline routing, mincross and network simplex grow much faster
 * than linear: 200 actors / 400 random edges take 38 s as they are.  -K
 * auto uses dot below these sizes only; a forced dot is bounded above them
 * (straight edges, mclimit, nslimit: 1 s for 400 edges, 3 s for 600, 13 s
 * for 1,000) and refused above DOT_REFUSE_EDGES. */
#define DOT_AUTO_NODES 60
#define DOT_AUTO_EDGES 120
#define DOT_REFUSE_EDGES 600
/* neato and sfdp route curved edges around nodes only up to this many
 * edges: the router costs 10 s at 300 edges and 45 s at 600, far more than
 * the layout (1 s for 5,000 edges); beyond it, straight lines. */
#define SPLINE_EDGES 100
/* Beyond this many actors, no edge labels: they would only cover the
 * diagram (the tooltips keep them). */
#define BIG_NODES 300

struct build {
	Agraph_t *g;
	struct kg_style style;
	const struct kg_graph_opts *o;
	Agsym_t *n_label, *n_tooltip, *n_id, *n_class;
	Agsym_t *e_label, *e_tooltip, *e_id, *e_class, *e_url, *e_penwidth;
	long nnodes, nedges;
	unsigned types_seen;	/* bit per enum kg_actor_type, for the legend */
	int big;
};

const char *kg_graph_auto_engine(long nnodes, long nedges)
{
	return nnodes <= DOT_AUTO_NODES && nedges <= DOT_AUTO_EDGES ? "dot" : "sfdp";
}

/* Text for an escString attribute (label, tooltip): Graphviz reads \N, \n,
 * \l... in it, so a backslash from an article must be doubled. */
static void add_esc(struct kg_buf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\\')
			kg_buf_addc(b, '\\');
		if (*s == '\n' || *s == '\r' || *s == '\t')
			kg_buf_addc(b, ' ');
		else
			kg_buf_addc(b, *s);
	}
}

/* Text inside an HTML-like label. */
static void add_html(struct kg_buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': kg_buf_adds(b, "&amp;"); break;
		case '<': kg_buf_adds(b, "&lt;"); break;
		case '>': kg_buf_adds(b, "&gt;"); break;
		case '"': kg_buf_adds(b, "&quot;"); break;
		case '\n': case '\r': case '\t': kg_buf_addc(b, ' '); break;
		default: kg_buf_addc(b, *s);
		}
	}
}

/*
 * A link for the URL attribute, or 0 when there is none worth making: only
 * http(s), so an article cannot plant "javascript:" in the SVG.  Graphviz
 * 2.42 writes URLs into SVG without escaping '&', so it is given as &amp;
 * (which it passes through); characters that could end the attribute are
 * percent-encoded.
 */
static int add_url(struct kg_buf *b, const char *url)
{
	if (!url || (strncmp(url, "http://", 7) && strncmp(url, "https://", 8)))
		return 0;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
		if (*p == '&')
			kg_buf_adds(b, "&amp;");
		else if (*p <= ' ' || *p == '"' || *p == '\'' || *p == '<' || *p == '>' ||
			 *p == '\\' || *p == 0x7f)
			kg_buf_addf(b, "%%%02X", *p);
		else
			kg_buf_addc(b, (char)*p);
	}
	return 1;
}

/* Declare the defaults of one kind of object ("graph", "node", "edge"). */
static void declare_defaults(struct build *b, int kind, const char *section)
{
	for (size_t i = 0; i < b->style.n; i++) {
		const struct kg_style_rule *r = &b->style.rules[i];

		if (!strcmp(r->section, section) && !strcmp(r->key, "*"))
			agattr(b->g, kind, (char *)r->attr, (char *)r->value);
	}
}

/* Declare every attribute a keyed section sets (quad, modality, type), with
 * the kind's default, so agxset can set it per object. */
static void declare_keyed(struct build *b, int kind, const char *section, const char *dflt_section)
{
	for (size_t i = 0; i < b->style.n; i++) {
		const struct kg_style_rule *r = &b->style.rules[i];
		const char *d;

		if (strcmp(r->section, section) || !strcmp(r->attr, "legend") ||
		    agattr(b->g, kind, (char *)r->attr, NULL))
			continue;
		d = kg_style_get(&b->style, dflt_section, "*", r->attr);
		agattr(b->g, kind, (char *)r->attr, (char *)(d ? d : ""));
	}
}

/* Apply a keyed section's rules to obj; a key without rules gets "*". */
static void apply(struct build *b, void *obj, int kind, const char *section, const char *key)
{
	int found = 0;

	for (int pass = 0; pass < 2 && !found; pass++) {
		const char *k = pass ? "*" : key;

		for (size_t i = 0; i < b->style.n; i++) {
			const struct kg_style_rule *r = &b->style.rules[i];
			Agsym_t *sym;

			if (strcmp(r->section, section) || strcmp(r->key, k) ||
			    !strcmp(r->attr, "legend"))
				continue;
			found = 1;
			if ((sym = agattr(b->g, kind, (char *)r->attr, NULL)))
				agxset(obj, sym, (char *)r->value);
		}
	}
}

static int add_node(const struct kg_node *n, void *ctx)
{
	struct build *b = ctx;
	struct kg_buf name = KG_BUF_INIT, tip = KG_BUF_INIT;
	const char *type = kg_actor_type_name(n->actor.type);
	Agnode_t *v;

	kg_buf_addf(&name, "n%lld", n->id);
	v = agnode(b->g, name.s, 1);
	agxset(v, b->n_id, name.s);
	apply(b, v, AGNODE, "type", type);
	kg_buf_reset(&name);
	add_esc(&name, n->actor.name);
	agxset(v, b->n_label, name.s);
	add_esc(&tip, n->actor.name);
	kg_buf_addf(&tip, " [%s] %s\\n%ld relation%s, %ld mention%s",
		    n->actor.code && *n->actor.code ? n->actor.code : "no code", type,
		    n->degree, n->degree == 1 ? "" : "s", n->mentions, n->mentions == 1 ? "" : "s");
	agxset(v, b->n_tooltip, tip.s);
	kg_buf_reset(&tip);
	kg_buf_addf(&tip, "t-%s", type);
	agxset(v, b->n_class, tip.s);
	b->types_seen |= 1u << n->actor.type;
	b->nnodes++;
	kg_buf_release(&name);
	kg_buf_release(&tip);
	return 0;
}

static int add_edge(const struct kg_edge *e, void *ctx)
{
	struct build *b = ctx;
	struct kg_buf s = KG_BUF_INIT;
	Agnode_t *from, *to;
	Agedge_t *ed;
	char key[48], root[3], quad[8];
	double w;
	const char *rootname;

	snprintf(key, sizeof key, "n%lld", e->subject_id);
	from = agnode(b->g, key, 0);
	snprintf(key, sizeof key, "n%lld", e->object_id);
	to = agnode(b->g, key, 0);
	if (!from || !to)	/* cannot happen: nodes come from the same selection */
		return kg_error("edge %ld: actor missing from the graph", e->rank);
	snprintf(key, sizeof key, "e%ld", e->rank);
	ed = agedge(b->g, from, to, key, 1);
	agxset(ed, b->e_id, key);
	snprintf(quad, sizeof quad, "%d", e->quad_class);
	apply(b, ed, AGEDGE, "quad", quad);
	apply(b, ed, AGEDGE, "modality", e->modality);

	w = kg_style_num(&b->style, "width", "*", "min", 1) +
	    kg_style_num(&b->style, "width", "*", "per_log", 1) * log((double)(e->mentions > 0 ? e->mentions : 1));
	if (w > kg_style_num(&b->style, "width", "*", "max", 8))
		w = kg_style_num(&b->style, "width", "*", "max", 8);
	kg_buf_addf(&s, "%.2f", w);
	agxset(ed, b->e_penwidth, s.s);

	kg_cameo_root(e->cameo, root);
	rootname = kg_style_get(&b->style, "root", root, "legend");
	if (!b->big) {
		kg_buf_reset(&s);
		add_esc(&s, e->predicate && *e->predicate ? e->predicate : rootname);
		agxset(ed, b->e_label, s.s);
	}

	kg_buf_reset(&s);
	add_esc(&s, e->subject.name);
	kg_buf_addc(&s, ' ');
	add_esc(&s, e->predicate);
	kg_buf_addc(&s, ' ');
	add_esc(&s, e->object.name);
	kg_buf_addf(&s, "\\nCAMEO %s", e->cameo);
	if (rootname && strcmp(rootname, e->cameo)) {
		kg_buf_adds(&s, " (");
		add_esc(&s, rootname);
		kg_buf_adds(&s, ")");
	}
	kg_buf_addf(&s, ", QuadClass %d, %s, %ld mention%s in %ld article%s", e->quad_class,
		    e->modality, e->mentions, e->mentions == 1 ? "" : "s", e->articles,
		    e->articles == 1 ? "" : "s");
	if (e->first_date) {
		kg_buf_addf(&s, ", %s", e->first_date);
		if (e->last_date && strcmp(e->last_date, e->first_date))
			kg_buf_addf(&s, " to %s", e->last_date);
	}
	kg_buf_adds(&s, "\\n\"");
	add_esc(&s, e->sentence);
	kg_buf_adds(&s, "\"");
	if (e->article) {
		kg_buf_adds(&s, "\\n-- ");
		add_esc(&s, e->article);
	}
	agxset(ed, b->e_tooltip, s.s);

	kg_buf_reset(&s);
	if (add_url(&s, e->url))
		agxset(ed, b->e_url, s.s);
	kg_buf_reset(&s);
	kg_buf_addf(&s, "q%d m-%s", e->quad_class, e->modality);
	agxset(ed, b->e_class, s.s);
	kg_buf_release(&s);
	b->nedges++;
	return 0;
}

/* The title and the legend, as one HTML-like label above the diagram. */
static void legend(struct build *b)
{
	static const char *const mods[] = {"actual", "intended", "considered", "possible"};
	const char *style[4];
	struct kg_buf h = KG_BUF_INIT;
	char key[8];
	char *html;

	kg_buf_adds(&h, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"2\">");
	if (b->o->title && *b->o->title) {
		kg_buf_adds(&h, "<TR><TD COLSPAN=\"12\"><FONT POINT-SIZE=\"16\">");
		add_html(&h, b->o->title);
		kg_buf_adds(&h, "</FONT></TD></TR>");
	}
	kg_buf_adds(&h, "<TR>");
	for (int q = 1; q <= 4; q++) {
		const char *c, *l;

		snprintf(key, sizeof key, "%d", q);
		c = kg_style_get(&b->style, "quad", key, "color");
		l = kg_style_get(&b->style, "quad", key, "legend");
		kg_buf_adds(&h, "<TD BGCOLOR=\"");
		add_html(&h, c ? c : "black");
		kg_buf_adds(&h, "\" WIDTH=\"14\"> </TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">");
		add_html(&h, l ? l : key);
		kg_buf_adds(&h, "</FONT></TD>");
	}
	/* One cell per line style, naming the modalities drawn with it. */
	for (int m = 0; m < 4; m++) {
		const char *st = kg_style_get(&b->style, "modality", mods[m], "style");
		style[m] = st ? st : "solid";
	}
	kg_buf_adds(&h, "</TR><TR>");
	for (int m = 0; m < 4; m++) {
		int seen = 0;

		for (int k = 0; k < m; k++)
			seen |= !strcmp(style[k], style[m]);
		if (seen)
			continue;
		kg_buf_adds(&h, "<TD ALIGN=\"RIGHT\"><FONT POINT-SIZE=\"9\">");
		if (!strcmp(style[m], "solid"))
			kg_buf_adds(&h, "&#8212;&#8212;&#8212;");
		else if (!strcmp(style[m], "dashed"))
			kg_buf_adds(&h, "- - - -");
		else if (!strcmp(style[m], "dotted"))
			kg_buf_adds(&h, ". . . . .");
		else
			add_html(&h, style[m]);
		kg_buf_adds(&h, "</FONT></TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">");
		for (int k = m, n = 0; k < 4; k++) {
			const char *l = kg_style_get(&b->style, "modality", mods[k], "legend");

			if (strcmp(style[k], style[m]))
				continue;
			if (n++)
				kg_buf_adds(&h, ", ");
			add_html(&h, l ? l : mods[k]);
		}
		kg_buf_adds(&h, "</FONT></TD>");
	}
	kg_buf_adds(&h, "<TD></TD><TD></TD></TR>");
	if (b->types_seen)	/* an empty <TR> is a syntax error */
		kg_buf_adds(&h, "<TR>");
	for (int t = 0, n = 0; t < KG_ACTOR_NTYPES; t++) {
		const char *name = kg_actor_type_name((enum kg_actor_type)t), *fill, *shape, *l;

		if (!(b->types_seen & (1u << t)))
			continue;
		if (n++ == 4)
			kg_buf_adds(&h, "</TR><TR>");
		fill = kg_style_get(&b->style, "type", name, "fillcolor");
		shape = kg_style_get(&b->style, "type", name, "shape");
		l = kg_style_get(&b->style, "type", name, "legend");
		kg_buf_adds(&h, "<TD BGCOLOR=\"");
		add_html(&h, fill ? fill : "white");
		kg_buf_adds(&h, "\" BORDER=\"1\" WIDTH=\"14\"> </TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">");
		add_html(&h, l ? l : name);
		if (shape) {
			kg_buf_adds(&h, " (");
			add_html(&h, shape);
			kg_buf_adds(&h, ")");
		}
		kg_buf_adds(&h, "</FONT></TD>");
	}
	kg_buf_adds(&h, b->types_seen ? "</TR></TABLE>" : "</TABLE>");
	html = agstrdup_html(b->g, h.s);
	agattr(b->g, AGRAPH, "label", html);
	agstrfree(b->g, html);
	kg_buf_release(&h);
}

static int build(struct kg_store *st, const struct kg_graph_opts *o, struct build *b)
{
	memset(b, 0, sizeof *b);
	b->o = o;
	if (kg_style_load(&b->style, NULL) < 0)
		return -1;
	b->g = agopen("kgraph", Agdirected, NULL);
	declare_defaults(b, AGRAPH, "graph");
	declare_defaults(b, AGNODE, "node");
	declare_defaults(b, AGEDGE, "edge");
	declare_keyed(b, AGNODE, "type", "node");
	declare_keyed(b, AGEDGE, "quad", "edge");
	declare_keyed(b, AGEDGE, "modality", "edge");
	b->n_label = agattr(b->g, AGNODE, "label", "\\N");
	b->n_tooltip = agattr(b->g, AGNODE, "tooltip", "");
	b->n_id = agattr(b->g, AGNODE, "id", "");
	b->n_class = agattr(b->g, AGNODE, "class", "");
	b->e_label = agattr(b->g, AGEDGE, "label", "");
	b->e_tooltip = agattr(b->g, AGEDGE, "tooltip", "");
	b->e_id = agattr(b->g, AGEDGE, "id", "");
	b->e_class = agattr(b->g, AGEDGE, "class", "");
	b->e_url = agattr(b->g, AGEDGE, "URL", "");
	b->e_penwidth = agattr(b->g, AGEDGE, "penwidth", "1");
	if (kg_store_graph_nodes(st, o->filter, add_node, b) < 0)
		return -1;
	/* Decided before the edges come, so on the nodes. */
	b->big = b->nnodes > BIG_NODES;
	if (kg_store_graph_edges(st, o->filter, add_edge, b) < 0)
		return -1;
	legend(b);
	return 0;
}

static void release(struct build *b)
{
	if (b->g)
		agclose(b->g);
	kg_style_free(&b->style);
}

/* Pick and prepare the engine; NULL (reported) when the layout would not
 * finish in reasonable time. */
static const char *engine(struct build *b)
{
	const char *e = b->o->engine;

	if (!e || !strcmp(e, "auto"))
		e = kg_graph_auto_engine(b->nnodes, b->nedges);
	if (!strcmp(e, "dot") && b->nedges > DOT_AUTO_EDGES) {
		if (b->nedges > DOT_REFUSE_EDGES) {
			kg_error("-K dot: %ld edges are too many for dot (kgraph stops at %d: its"
				 " layout time grows steeply, over 15 minutes for 5,000); use -K sfdp"
				 " or -K auto, or narrow the graph with --top N, --actor A or"
				 " --min-weight N", b->nedges, DOT_REFUSE_EDGES);
			return NULL;
		}
		/* Bound the phases that explode: spline routing, crossing
		 * minimisation and network simplex. */
		agattr(b->g, AGRAPH, "splines", "false");
		agattr(b->g, AGRAPH, "mclimit", "0.1");
		agattr(b->g, AGRAPH, "nslimit", "2");
		agattr(b->g, AGRAPH, "nslimit1", "2");
		agattr(b->g, AGRAPH, "remincross", "false");
		agattr(b->g, AGRAPH, "searchsize", "10");
	}
	if (strcmp(e, "dot")) {
		agattr(b->g, AGRAPH, "overlap", "prism");
		if (b->nedges > SPLINE_EDGES)
			agattr(b->g, AGRAPH, "splines", "false");
	}
	if (!strcmp(e, "sfdp") || !strcmp(e, "neato"))
		agattr(b->g, AGRAPH, "outputorder", "edgesfirst");
	return e;
}

int kg_graph_engine_ok(const char *name)
{
	static const char *const engines[] = {"dot", "neato", "sfdp", "auto"};

	for (size_t i = 0; i < sizeof engines / sizeof *engines; i++)
		if (!strcmp(name, engines[i]))
			return 1;
	return 0;
}

int kg_graph_write(struct kg_store *st, const struct kg_graph_opts *o, FILE *out)
{
	struct build b;
	GVC_t *gvc = NULL;
	const char *e;
	int ret = -1;

	if (build(st, o, &b) < 0)
		goto out;
	if (!strcmp(o->format, "dot")) {
		if (agwrite(b.g, out) != 0)
			kg_error("write error:");
		else
			ret = 0;
		goto out;
	}
	if (!(e = engine(&b)))
		goto out;
	gvc = gvContext();
	if (gvLayout(gvc, b.g, e) != 0) {
		kg_error("layout with %s failed", e);
		goto out;
	}
	if (gvRender(gvc, b.g, o->format, out) != 0)
		kg_error("rendering %s failed", o->format);
	else
		ret = 0;
	gvFreeLayout(gvc, b.g);
out:
	release(&b);
	if (gvc)
		gvFreeContext(gvc);
	return ret;
}

int kg_graph_render_mem(struct kg_store *st, const struct kg_graph_opts *o,
			char **data, size_t *len)
{
	struct build b;
	GVC_t *gvc = NULL;
	const char *e;
	char *d = NULL;
	unsigned int n = 0;
	int ret = -1;

	*data = NULL;
	*len = 0;
	if (build(st, o, &b) < 0 || !(e = engine(&b)))
		goto out;
	gvc = gvContext();
	if (gvLayout(gvc, b.g, e) != 0) {
		kg_error("layout with %s failed", e);
		goto out;
	}
	if (gvRenderData(gvc, b.g, o->format, &d, &n) != 0 || !d) {
		kg_error("rendering %s failed", o->format);
	} else {
		*data = kg_xstrndup(d, n);
		*len = n;
		ret = 0;
	}
	if (d)
		gvFreeRenderData(d);
	gvFreeLayout(gvc, b.g);
out:
	release(&b);
	if (gvc)
		gvFreeContext(gvc);
	return ret;
}
