/*
 * html.c: HTML articles through libxml2's forgiving HTML parser.
 *
 * Text only: script, style and the like are skipped, block elements
 * become paragraph breaks, runs of white space one space.  The title is
 * <title> (else the first line, as for text), the date a
 * <meta property="article:published_time"> or <meta name="date">.
 * The walk is iterative: a deeply nested page cannot exhaust the stack.
 */
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/err.h"
#include "input/reader.h"

static int in_list(const xmlChar *name, const char *const *list)
{
	for (; *list; list++)
		if (!strcasecmp((const char *)name, *list))
			return 1;
	return 0;
}

static const char *const skipped[] = {
	"script", "style", "noscript", "template", "head", "svg", "math", "iframe",
	"object", "nav", "button", "select", "form", NULL
};

static const char *const blocks[] = {
	"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table",
	"article", "section", "header", "footer", "blockquote", "pre", "main", "figure",
	"figcaption", "dt", "dd", "hr", "address", "aside", "body", NULL
};

/* Append text with runs of white space collapsed. */
static void add_text(struct kg_buf *b, const char *s)
{
	for (; *s; s++) {
		int space = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f';

		if (space) {
			if (b->len && b->s[b->len - 1] != ' ' && b->s[b->len - 1] != '\n')
				kg_buf_addc(b, ' ');
		} else {
			kg_buf_addc(b, *s);
		}
	}
}

/* A paragraph break: drop trailing spaces, end with one empty line. */
static void add_break(struct kg_buf *b)
{
	while (b->len && b->s[b->len - 1] == ' ')
		b->s[--b->len] = 0;
	if (b->len && b->s[b->len - 1] != '\n')
		kg_buf_addc(b, '\n');
	if (b->len >= 1 && (b->len < 2 || b->s[b->len - 2] != '\n'))
		kg_buf_addc(b, '\n');
}

/* The text of an element's subtree, without the skipped elements. */
static void walk(xmlNode *top, struct kg_buf *b)
{
	xmlNode *n = top;

	while (n) {
		int descend = 0;

		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				add_text(b, (const char *)n->content);
		} else if (n->type == XML_ELEMENT_NODE && n->name) {
			if (!in_list(n->name, skipped)) {
				if (in_list(n->name, blocks))
					add_break(b);
				descend = n->children != NULL;
			}
		}
		if (descend) {
			n = n->children;
			continue;
		}
		/* next sibling, or climb (closing blocks on the way) */
		while (n != top && !n->next) {
			n = n->parent;
			if (n->type == XML_ELEMENT_NODE && n->name && in_list(n->name, blocks))
				add_break(b);
		}
		if (n == top)
			break;
		n = n->next;
	}
}

/* The first element named name, breadth of a document order walk. */
static xmlNode *find(xmlNode *n, const char *name)
{
	xmlNode *top = n;

	while (n) {
		if (n->type == XML_ELEMENT_NODE && n->name && !strcasecmp((const char *)n->name, name))
			return n;
		if (n->children && n->type == XML_ELEMENT_NODE) {
			n = n->children;
			continue;
		}
		while (n != top && !n->next)
			n = n->parent;
		if (n == top)
			return NULL;
		n = n->next;
	}
	return NULL;
}

/* <meta property="article:published_time" content="2024-01-04T..."> */
static void meta_date(xmlNode *head, char date[11])
{
	for (xmlNode *n = head ? head->children : NULL; n; n = n->next) {
		xmlChar *key, *content;

		if (n->type != XML_ELEMENT_NODE || strcasecmp((const char *)n->name, "meta"))
			continue;
		if (!(key = xmlGetProp(n, (const xmlChar *)"property")))
			key = xmlGetProp(n, (const xmlChar *)"name");
		content = xmlGetProp(n, (const xmlChar *)"content");
		if (key && content && strlen((const char *)content) >= 10 &&
		    strspn((const char *)content, "0123456789") == 4 && content[4] == '-' &&
		    content[7] == '-' &&
		    (!strcasecmp((const char *)key, "article:published_time") ||
		     !strcasecmp((const char *)key, "date") || !strcasecmp((const char *)key, "pubdate"))) {
			memcpy(date, content, 10);
			date[10] = 0;
		}
		xmlFree(key);
		xmlFree(content);
	}
}

int kg_read_html(struct kg_src *s, const struct kg_read_opts *o, kg_article_fn fn, void *ctx)
{
	struct kg_buf raw = KG_BUF_INIT, text = KG_BUF_INIT, title = KG_BUF_INIT;
	struct kg_input_meta m = {0};
	htmlDocPtr doc = NULL;
	xmlNode *root, *body, *t;
	char date[11] = "";
	int rc, bad, ret = 1;

	rc = kg_src_rest(s, &raw, KG_INPUT_MAX);
	if (rc == -1) {
		kg_error("%s: read error: %s", s->name, strerror(s->err));
		goto out;
	}
	if (rc == -2) {
		kg_error("%s: larger than %zu MiB, skipped", s->name, KG_INPUT_MAX >> 20);
		goto out;
	}
	bad = kg_input_repair(&raw, s->name, 1, 0) > 0;
	doc = htmlReadMemory(raw.s, (int)raw.len, NULL, "UTF-8",
			     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
			     HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);
	if (!doc || !(root = xmlDocGetRootElement(doc))) {
		kg_error("%s: not an HTML document, skipped", s->name);
		goto out;
	}
	if ((t = find(root, "title")) && t->children) {
		walk(t, &title);
		while (title.len && (title.s[title.len - 1] == ' ' || title.s[title.len - 1] == '\n'))
			title.s[--title.len] = 0;
	}
	meta_date(find(root, "head"), date);
	body = find(root, "body");
	walk(body ? body : root, &text);
	m.id = s->f == stdin ? NULL : s->name;
	m.origin = s->name;
	m.title = title.len ? title.s : NULL;
	m.date = date[0] ? date : NULL;
	ret = kg_input_deliver(&m, text.s, text.len, !m.title, o, fn, ctx);
	if (ret >= 0)
		ret += bad;
out:
	xmlFreeDoc(doc);
	kg_buf_release(&title);
	kg_buf_release(&text);
	kg_buf_release(&raw);
	return ret;
}
