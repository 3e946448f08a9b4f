/*
 * html.c: `export --format html`: one self-contained file, no network: the
 * rendered SVG inline, the graph's data as JSON, and the viewer's script
 * and style from viz/viewer.{html,css,js} (embedded in kgraph).
 *
 * Article text reaches the page twice, and neither time as markup: in the
 * SVG, escaped by Graphviz (tooltips, labels), and in the JSON, inside
 * <script type="application/json"> with '<', '>' and '&' written as \u003c
 * ..., so "</script>" in a sentence cannot close the element.  The script
 * inserts text with textContent only.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/embed.h"
#include "base/err.h"
#include "export/export.h"
#include "export/internal.h"

static void html_text(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		default: fputc(*s, out);
		}
	}
}

static void json_in_html(FILE *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': fputs("\\u003c", out); break;
		case '>': fputs("\\u003e", out); break;
		case '&': fputs("\\u0026", out); break;
		default: fputc(*s, out);
		}
	}
}

/* An embedded viewer file; with a closer ("</script"), one that cannot
 * end its own element early. */
static const char *part(const char *path, const char *closer)
{
	const struct kg_embedded *e = kg_embed_find(path);

	if (!e) {
		kg_error("%s: not built into this kgraph", path);
		return NULL;
	}
	for (const char *p = e->data; closer && (p = strchr(p, '<')); p++)
		if (!strncasecmp(p, closer, strlen(closer))) {
			kg_error("%s: contains '%s', which would end the page's element", path, closer);
			return NULL;
		}
	return e->data;
}

int kg_html_write(struct kg_store *st, const struct kg_graph_opts *o, FILE *out)
{
	struct kg_graph_opts so = *o;
	const char *tpl, *css, *js, *p, *svgstart;
	char *svg = NULL, *data = NULL;
	size_t n;
	json_t *g = NULL;
	int ret = -1;

	so.format = "svg";
	if (!(tpl = part("viz/viewer.html", NULL)) ||
	    !(css = part("viz/viewer.css", "</style")) ||
	    !(js = part("viz/viewer.js", "</script")))
		return -1;
	if (kg_graph_render_mem(st, &so, &svg, &n) < 0 || !(g = kg_json_graph(st, o)))
		goto out;
	if (!(data = json_dumps(g, JSON_COMPACT | JSON_PRESERVE_ORDER))) {
		kg_error("cannot encode the graph as JSON");
		goto out;
	}
	/* From <svg on: the XML prolog and doctype do not belong in HTML. */
	svgstart = strstr(svg, "<svg");
	for (p = tpl; *p;) {
		const char *q = strstr(p, "{{"), *end;

		if (!q) {
			fputs(p, out);
			break;
		}
		fwrite(p, 1, (size_t)(q - p), out);
		if (!(end = strstr(q, "}}"))) {
			fputs(q, out);
			break;
		}
		n = (size_t)(end - q - 2);
		if (n == 5 && !strncmp(q + 2, "TITLE", 5))
			html_text(out, o->title ? o->title : "kgraph");
		else if (n == 3 && !strncmp(q + 2, "CSS", 3))
			fputs(css, out);
		else if (n == 2 && !strncmp(q + 2, "JS", 2))
			fputs(js, out);
		else if (n == 3 && !strncmp(q + 2, "SVG", 3))
			fputs(svgstart ? svgstart : "", out);
		else if (n == 4 && !strncmp(q + 2, "DATA", 4))
			json_in_html(out, data);
		else
			fwrite(q, 1, (size_t)(end + 2 - q), out);
		p = end + 2;
	}
	ret = ferror(out) ? kg_error("write error:") : 0;
out:
	free(svg);
	free(data);
	json_decref(g);
	return ret;
}
