/*
 * graph.c: the relationship diagram, built with cgraph and laid out and
 * rendered in-process by gvc.  Graphviz stays inside this file: its
 * headers define generic macros (MIN, TRUE...) that must not leak.
 *
 * Nodes are actors, edges are aggregated relations (subject, object,
 * CAMEO code) labelled with the relation and coloured by QuadClass.
 */
#include <graphviz/gvc.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "export/export.h"
#include "store/store.h"

/* QuadClass 1..4: verbal coop, material coop, verbal conflict, material conflict. */
static const char *const quad_color[5] = {"#666666", "#2b8cbe", "#1a9850", "#fdae61", "#d73027"};

struct build {
	Agraph_t *g;
	Agsym_t *n_label, *n_shape, *n_tooltip;
	Agsym_t *e_label, *e_color, *e_style, *e_penwidth, *e_tooltip, *e_fontcolor;
	size_t nedges;
};

static const char *node_shape(enum kg_actor_type t)
{
	switch (t) {
	case KG_ACTOR_STATE: return "box";
	case KG_ACTOR_GOVERNMENT: return "box";
	case KG_ACTOR_PERSON: return "ellipse";
	case KG_ACTOR_ARMED_GROUP: return "octagon";
	case KG_ACTOR_IGO: return "hexagon";
	default: return "ellipse";
	}
}

static Agnode_t *node(struct build *b, const struct kg_actor *a)
{
	struct kg_buf key = KG_BUF_INIT, tip = KG_BUF_INIT;
	Agnode_t *n;

	kg_buf_addf(&key, "%s|%s", a->name, a->code ? a->code : "");
	n = agnode(b->g, key.s, 0);
	if (!n) {
		n = agnode(b->g, key.s, 1);
		agxset(n, b->n_label, (char *)a->name);
		agxset(n, b->n_shape, (char *)node_shape(a->type));
		kg_buf_addf(&tip, "%s [%s] %s", a->name, a->code && *a->code ? a->code : "?",
			    kg_actor_type_name(a->type));
		agxset(n, b->n_tooltip, tip.s);
	}
	kg_buf_release(&key);
	kg_buf_release(&tip);
	return n;
}

static int add_edge(const struct kg_edge *e, void *ctx)
{
	struct build *b = ctx;
	Agnode_t *s = node(b, &e->subject), *o = node(b, &e->object);
	Agedge_t *ed;
	char key[32], width[32];
	struct kg_buf tip = KG_BUF_INIT;
	const char *color = quad_color[e->quad_class >= 1 && e->quad_class <= 4 ? e->quad_class : 0];

	snprintf(key, sizeof key, "%s", e->cameo);
	ed = agedge(b->g, s, o, key, 1);
	agxset(ed, b->e_label, (char *)e->predicate);
	agxset(ed, b->e_color, (char *)color);
	agxset(ed, b->e_fontcolor, (char *)color);
	agxset(ed, b->e_style, strcmp(e->modality, "actual") ? "dashed" : "solid");
	snprintf(width, sizeof width, "%.2f", 1.0 + log((double)e->mentions));
	agxset(ed, b->e_penwidth, width);
	kg_buf_addf(&tip, "%s %s %s (CAMEO %s, %ld mention%s): %s [%s]", e->subject.name,
		    e->predicate, e->object.name, e->cameo, e->mentions, e->mentions == 1 ? "" : "s",
		    e->sentence ? e->sentence : "", e->article ? e->article : "");
	agxset(ed, b->e_tooltip, tip.s);
	kg_buf_release(&tip);
	b->nedges++;
	return 0;
}

static int build(struct kg_store *st, const struct kg_graph_opts *o, struct build *b)
{
	memset(b, 0, sizeof *b);
	b->g = agopen("kgraph", Agdirected, NULL);
	agattr(b->g, AGRAPH, "fontname", "Helvetica");
	agattr(b->g, AGRAPH, "overlap", "false");
	agattr(b->g, AGRAPH, "splines", "true");
	agattr(b->g, AGRAPH, "label", o->title ? (char *)o->title : "");
	agattr(b->g, AGRAPH, "labelloc", "t");
	agattr(b->g, AGNODE, "fontname", "Helvetica");
	agattr(b->g, AGNODE, "style", "filled");
	agattr(b->g, AGNODE, "fillcolor", "#f7f7f7");
	agattr(b->g, AGEDGE, "fontname", "Helvetica");
	agattr(b->g, AGEDGE, "fontsize", "10");
	b->n_label = agattr(b->g, AGNODE, "label", "");
	b->n_shape = agattr(b->g, AGNODE, "shape", "ellipse");
	b->n_tooltip = agattr(b->g, AGNODE, "tooltip", "");
	b->e_label = agattr(b->g, AGEDGE, "label", "");
	b->e_color = agattr(b->g, AGEDGE, "color", "black");
	b->e_fontcolor = agattr(b->g, AGEDGE, "fontcolor", "black");
	b->e_style = agattr(b->g, AGEDGE, "style", "solid");
	b->e_penwidth = agattr(b->g, AGEDGE, "penwidth", "1");
	b->e_tooltip = agattr(b->g, AGEDGE, "tooltip", "");
	return kg_store_edges(st, add_edge, b);
}

int kg_graph_write(struct kg_store *st, const struct kg_graph_opts *o, FILE *out)
{
	struct build b;
	GVC_t *gvc = NULL;
	const char *engine = o->engine;
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
	if (!engine || !strcmp(engine, "auto"))
		engine = b.nedges > 200 ? "sfdp" : "dot";
	gvc = gvContext();
	if (gvLayout(gvc, b.g, engine) != 0) {
		kg_error("layout with %s failed", engine);
		goto out;
	}
	if (gvRender(gvc, b.g, o->format, out) != 0)
		kg_error("rendering %s failed", o->format);
	else
		ret = 0;
	gvFreeLayout(gvc, b.g);
out:
	if (b.g)
		agclose(b.g);
	if (gvc)
		gvFreeContext(gvc);
	return ret;
}
