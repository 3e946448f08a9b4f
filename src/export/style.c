/*
 * style.c: read viz/style.tsv, the diagram's look kept as data.
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/embed.h"
#include "base/err.h"
#include "export/internal.h"

#define STYLE_PATH "viz/style.tsv"

int kg_style_load(struct kg_style *st, const char *text)
{
	const struct kg_embedded *e = NULL;
	size_t cap = 0, lineno = 0;
	char *p, *line;

	memset(st, 0, sizeof *st);
	if (!text) {
		if (!(e = kg_embed_find(STYLE_PATH)))
			return kg_error("%s: not built into this kgraph", STYLE_PATH);
		text = e->data;
	}
	st->text = kg_xstrdup(text);
	for (p = st->text; p && *p; p = line) {
		char *f[4], *q = p;
		int n = 0;

		lineno++;
		line = strchr(p, '\n');
		if (line)
			*line++ = '\0';
		if (*p == '#' || *p == '\0' || *p == '\r')
			continue;
		while (n < 4) {
			f[n++] = q;
			if (!(q = strchr(q, '\t')))
				break;
			*q++ = '\0';
		}
		if (n != 4 || q) {
			kg_warn("%s:%zu: wanted 4 tab-separated fields", STYLE_PATH, lineno);
			continue;
		}
		f[3][strcspn(f[3], "\r")] = '\0';
		KG_GROW(st->rules, st->n + 1, cap);
		st->rules[st->n++] = (struct kg_style_rule){f[0], f[1], f[2], f[3]};
	}
	return 0;
}

void kg_style_free(struct kg_style *st)
{
	if (!st)
		return;
	free(st->rules);
	free(st->text);
	memset(st, 0, sizeof *st);
}

const char *kg_style_get(const struct kg_style *st, const char *section,
			 const char *key, const char *attr)
{
	const char *any = NULL;

	for (size_t i = 0; i < st->n; i++) {
		const struct kg_style_rule *r = &st->rules[i];

		if (strcmp(r->section, section) || strcmp(r->attr, attr))
			continue;
		if (key && !strcmp(r->key, key))
			return r->value;
		if (!strcmp(r->key, "*") && !any)
			any = r->value;
	}
	return any;
}

double kg_style_num(const struct kg_style *st, const char *section, const char *key,
		    const char *attr, double dflt)
{
	const char *v = kg_style_get(st, section, key, attr);
	char *end;
	double d;

	if (!v)
		return dflt;
	d = strtod(v, &end);
	return end != v && !*end ? d : dflt;
}

void kg_cameo_root(const char *code, char buf[3])
{
	buf[0] = buf[1] = buf[2] = '\0';
	if (code && code[0] && code[1]) {
		buf[0] = code[0];
		buf[1] = code[1];
	}
}
