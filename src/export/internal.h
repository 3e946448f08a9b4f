/*
 * internal.h: what the writers of src/export/ share, private to them: the
 * styling rules of viz/style.tsv, and the graph as a Jansson tree (for the
 * JSON export and the HTML viewer).
 *
 * Each rule is "section key attribute value"; see viz/style.tsv.  The
 * style owns its strings; lookups return borrowed pointers valid until
 * kg_style_free.
 */
#ifndef KG_EXPORT_STYLE_H
#define KG_EXPORT_STYLE_H

#include <jansson.h>

#include <stddef.h>

struct kg_style_rule {
	const char *section, *key, *attr, *value;
};

struct kg_style {
	struct kg_style_rule *rules;
	size_t n;
	char *text;		/* the file, cut into the rules' strings */
};

/* Read the embedded viz/style.tsv (or text, when not NULL: for tests).
 * Bad lines are reported and skipped; returns 0, or -1 when there is no
 * style at all. */
int kg_style_load(struct kg_style *st, const char *text);
void kg_style_free(struct kg_style *st);	/* NULL-safe, leaves it empty */

/* The value for (section, key, attr); a rule with key "*" in the same
 * section is the fallback.  NULL when neither exists. */
const char *kg_style_get(const struct kg_style *st, const char *section,
			 const char *key, const char *attr);
double kg_style_num(const struct kg_style *st, const char *section, const char *key,
		    const char *attr, double dflt);

/* The CAMEO root of a code ("190" -> "19"), into buf[3]. */
void kg_cameo_root(const char *code, char buf[3]);

struct kg_store;
struct kg_graph_opts;
/* {"nodes": [...], "edges": [... each with "triples": [...]]}: a new
 * reference, or NULL after reporting. */
json_t *kg_json_graph(struct kg_store *st, const struct kg_graph_opts *o);

#endif
