/*
 * json.c: JSON and JSONL articles.  Plain objects are read by the
 * scanner of jscan.c; anything else (every error included) by Jansson,
 * whose messages users see.  Both give a struct kg_jarticle to deliver().
 *
 * An article object has "text" (required) and optionally "id", "title",
 * "date", "source", "url"; other fields are ignored.  A JSON file holds
 * one object or an array of them; the array is decoded one element at a
 * time so an error names the element's line, and an element of the wrong
 * shape is skipped while the others are read.  JSONL is read line by
 * line: memory is bounded by the longest line, not the file.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "input/reader.h"

static const char *type_name(enum kg_jtype t)
{
	switch (t) {
	case KG_J_OBJECT: return "an object";
	case KG_J_ARRAY: return "an array";
	case KG_J_STRING: return "a string";
	case KG_J_INT: return "an integer";
	case KG_J_REAL: return "a number";
	case KG_J_TRUE: case KG_J_FALSE: return "a boolean";
	default: return "null";
	}
}

static enum kg_jtype type_of(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return KG_J_OBJECT;
	case JSON_ARRAY: return KG_J_ARRAY;
	case JSON_STRING: return KG_J_STRING;
	case JSON_INTEGER: return KG_J_INT;
	case JSON_REAL: return KG_J_REAL;
	case JSON_TRUE: return KG_J_TRUE;
	case JSON_FALSE: return KG_J_FALSE;
	default: return KG_J_NULL;
	}
}

/* Both the scanner's and Jansson's go through deliver(). */
void kg_jarticle_from_jansson(json_t *v, struct kg_jarticle *a)
{
	static const char *const names[KG_JF_N] = {"text", "id", "title", "date", "source", "url"};

	memset(a, 0, sizeof *a);
	a->top = type_of(v);
	if (!json_is_object(v))
		return;
	for (int i = 0; i < KG_JF_N; i++) {
		json_t *f = json_object_get(v, names[i]);

		if (!f)
			continue;
		a->f[i].type = type_of(f);
		if (json_is_string(f)) {
			a->f[i].s = json_string_value(f);
			a->f[i].len = json_string_length(f);
		} else if (json_is_integer(f)) {
			a->f[i].i = json_integer_value(f);
		}
	}
}

/* An optional string field: 0 (and *out set or NULL), or -1 when it has
 * another type. */
static int str_field(const struct kg_jarticle *a, int i, const char *key, const char *where,
		     const char **out)
{
	const struct kg_jfield *f = &a->f[i];

	*out = NULL;
	if (f->type == KG_J_NONE || f->type == KG_J_NULL)
		return 0;
	if (f->type != KG_J_STRING)
		return kg_error("%s: \"%s\" must be a string, not %s", where, key, type_name(f->type));
	*out = f->s;
	return 0;
}

static int is_date(const char *s)
{
	static const char shape[] = "dddd-dd-dd";

	for (int i = 0; i < 10; i++)
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
			return 0;
	return s[10] == 0 || s[10] == 'T' || s[10] == ' ';
}

/*
 * Hand one decoded value to fn as an article.  where is "FILE" or
 * "FILE:LINE".  Returns fn's result, 1 when the value is not a usable
 * article (reported), -1 to stop.
 */
static int deliver(const struct kg_jarticle *a, const char *where, const char *default_id,
		   const struct kg_read_opts *o, kg_article_fn fn, void *ctx)
{
	struct kg_input_meta m = {0};
	const struct kg_jfield *text = &a->f[KG_JF_TEXT], *id = &a->f[KG_JF_ID];
	char idbuf[32], date[11];
	const char *d;
	int bad = 0, ret;

	if (a->top != KG_J_OBJECT)
		return kg_error("%s: an article must be a JSON object, not %s", where, type_name(a->top)), 1;
	if (text->type == KG_J_NONE)
		return kg_error("%s: article has no \"text\"", where), 1;
	if (text->type != KG_J_STRING)
		return kg_error("%s: \"text\" must be a string, not %s", where, type_name(text->type)), 1;
	if (id->type == KG_J_INT) {
		snprintf(idbuf, sizeof idbuf, "%lld", id->i);
		m.id = idbuf;
	} else if (str_field(a, KG_JF_ID, "id", where, &m.id) < 0) {
		return 1;
	}
	if (!m.id)
		m.id = default_id;
	if (str_field(a, KG_JF_TITLE, "title", where, &m.title) < 0 ||
	    str_field(a, KG_JF_SOURCE, "source", where, &m.source) < 0 ||
	    str_field(a, KG_JF_URL, "url", where, &m.url) < 0 ||
	    str_field(a, KG_JF_DATE, "date", where, &d) < 0)
		return 1;
	if (d && is_date(d)) {
		memcpy(date, d, 10);
		date[10] = 0;
		m.date = date;
	} else if (d && *d) {
		kg_error("%s: \"date\" is not YYYY-MM-DD: %.40s (ignored)", where, d);
		bad = 1;
	}
	if (m.title && !*m.title)
		m.title = NULL;
	m.origin = where;
	ret = kg_input_deliver(&m, text->s, text->len, 0, o, fn, ctx);
	return ret < 0 ? ret : ret + bad;
}

static int deliver_object(json_t *v, const char *where, const char *default_id,
			  const struct kg_read_opts *o, kg_article_fn fn, void *ctx)
{
	struct kg_jarticle a;

	kg_jarticle_from_jansson(v, &a);
	return deliver(&a, where, default_id, o, fn, ctx);
}

/* Line and column of byte i, counted on from the last call (calls go
 * forward, so counting stays linear in the file). */
struct pos {
	const char *s;
	size_t at, line, bol;	/* bytes counted, their line, its first byte */
};

static void pos_to(struct pos *p, size_t i)
{
	for (; p->at < i; p->at++)
		if (p->s[p->at] == '\n') {
			p->line++;
			p->bol = p->at + 1;
		}
}

static size_t skip_ws(const char *s, size_t i, size_t n)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

/* Report a Jansson error of a value that started at byte i. */
static void decode_error(struct pos *p, size_t i, const char *name, const json_error_t *e)
{
	size_t line, col;

	pos_to(p, i);
	line = p->line + (size_t)(e->line > 0 ? e->line - 1 : 0);
	col = e->line <= 1 ? i - p->bol + (size_t)(e->column > 0 ? e->column : 1) : (size_t)e->column;
	kg_error("%s:%zu:%zu: %s", name, line, col, e->text);
}

/* A whole JSON text in memory: one article object or an array of them. */
static int json_buffer(const char *name, char *buf, size_t len, const struct kg_read_opts *o,
		       kg_article_fn fn, void *ctx)
{
	struct pos p = {buf, 0, 1, 0};
	struct kg_buf where = KG_BUF_INIT;
	struct kg_jarticle a;
	json_error_t e;
	json_t *v;
	size_t i = 0, n, line;
	int bad = 0, r, array;

	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		i = 3;
	i = skip_ws(buf, i, len);
	if (i == len)
		return kg_error("%s: no JSON text, skipped", name), 1;
	array = buf[i] == '[';
	if (array)
		i = skip_ws(buf, i + 1, len);
	for (;;) {
		if (array && i < len && buf[i] == ']' ) {
			i++;
			break;
		}
		/* The scanner takes the plain objects; Jansson the rest, with
		 * its messages for what is wrong. */
		v = NULL;
		if ((n = kg_jscan_article(buf + i, len - i, &a))) {
			pos_to(&p, i);
			line = p.line;
			/* count the element's lines before its "\n" are decoded */
			pos_to(&p, i + n);
			kg_jscan_decode(buf + i, &a);
		} else if ((v = json_loadb(buf + i, len - i, JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY, &e))) {
			pos_to(&p, i);
			line = p.line;
			n = (size_t)e.position;
			kg_jarticle_from_jansson(v, &a);
		} else {
			decode_error(&p, i, name, &e);
			bad++;
			goto out;
		}
		kg_buf_reset(&where);
		if (array)
			kg_buf_addf(&where, "%s:%zu", name, line);
		else
			kg_buf_adds(&where, name);
		r = deliver(&a, where.s, array ? NULL : name, o, fn, ctx);
		json_decref(v);
		if (r < 0) {
			bad = -1;
			goto out;
		}
		bad += r;
		i = skip_ws(buf, i + n, len);
		if (!array)
			break;
		if (i < len && buf[i] == ',') {
			i = skip_ws(buf, i + 1, len);
			continue;
		}
		if (i < len && buf[i] == ']') {
			i++;
			break;
		}
		pos_to(&p, i);
		kg_error("%s:%zu:%zu: expected ',' or ']' after an array element", name, p.line, i - p.bol + 1);
		bad++;
		goto out;
	}
	i = skip_ws(buf, i, len);
	if (i < len) {
		pos_to(&p, i);
		kg_error("%s:%zu:%zu: data after the JSON text (use --format jsonl for one object per line)",
			 name, p.line, i - p.bol + 1);
		bad++;
	}
out:
	kg_buf_release(&where);
	return bad;
}

/* Read the rest of s after what is already in b, repair it, decode it. */
static int json_rest(struct kg_src *s, struct kg_buf *b, const struct kg_read_opts *o,
		     kg_article_fn fn, void *ctx)
{
	int rc = kg_src_rest(s, b, KG_INPUT_MAX), bad;

	if (rc == -1)
		return kg_error("%s: read error: %s", s->name, strerror(s->err)), 1;
	if (rc == -2)
		return kg_error("%s: larger than %zu MiB, skipped", s->name, KG_INPUT_MAX >> 20), 1;
	bad = kg_input_repair(b, s->name, 1, 0) > 0;
	rc = json_buffer(s->name, b->s, b->len, o, fn, ctx);
	return rc < 0 ? rc : rc + bad;
}

int kg_read_json(struct kg_src *s, const struct kg_read_opts *o, kg_article_fn fn, void *ctx)
{
	struct kg_buf b = KG_BUF_INIT;
	int ret = json_rest(s, &b, o, fn, ctx);

	kg_buf_release(&b);
	return ret;
}

/* Does the next non-blank line open an object?  ('{' on the line after an
 * unfinished first line: JSONL with a broken line 1, not JSON over lines.) */
static int next_line_is_object(struct kg_src *s)
{
	size_t n = kg_src_peek(s, 4096), i = 0;
	const char *p = s->p + s->pos;

	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
		i++;
	return i < n && p[i] == '{';
}

int kg_read_jsonl(struct kg_src *s, const struct kg_read_opts *o, kg_article_fn fn, void *ctx)
{
	struct kg_buf line = KG_BUF_INIT, where = KG_BUF_INIT;
	struct kg_jarticle a;
	size_t lineno = 0, i, n;
	int bad = 0, r, rep, first = 1;

	for (;;) {
		unsigned long long off = s->off + s->pos;
		json_error_t e;
		json_t *v;

		kg_buf_reset(&line);
		r = kg_src_line(s, &line, KG_INPUT_MAX);
		if (r == 0)
			break;
		lineno++;
		if (r == -1) {
			kg_error("%s:%zu: read error: %s", s->name, lineno, strerror(s->err));
			bad++;
			break;
		}
		if (r == -2) {
			kg_error("%s:%zu: line longer than %zu MiB, skipped", s->name, lineno, KG_INPUT_MAX >> 20);
			bad++;
			continue;
		}
		i = lineno == 1 && line.len >= 3 && !memcmp(line.s, "\xEF\xBB\xBF", 3) ? 3 : 0;
		i = skip_ws(line.s, i, line.len);
		if (i == line.len)
			continue;	/* blank line */
		rep = kg_input_repair(&line, s->name, lineno, off) > 0;
		/* The scanner takes the plain objects; Jansson the rest, with
		 * its messages for what is wrong. */
		n = kg_jscan_article(line.s, line.len, &a);
		if (n && skip_ws(line.s, n, line.len) == line.len) {
			first = 0;
			bad += rep;
			kg_jscan_decode(line.s, &a);
			kg_buf_reset(&where);
			kg_buf_addf(&where, "%s:%zu", s->name, lineno);
			r = deliver(&a, where.s, NULL, o, fn, ctx);
			if (r < 0) {
				bad = -1;
				goto out;
			}
			bad += r;
			continue;
		}
		v = json_loadb(line.s, line.len, JSON_DECODE_ANY, &e);
		if (!v && first && o->format == KG_FMT_AUTO && json_error_code(&e) ==
		    json_error_premature_end_of_input && !next_line_is_object(s)) {
			/* Not one object per line: a JSON text over several lines. */
			r = json_rest(s, &line, o, fn, ctx);
			bad = r < 0 ? r : bad + r + rep;
			goto out;
		}
		first = 0;
		bad += rep;
		if (!v) {
			kg_error("%s:%zu:%d: %s", s->name, lineno, e.column > 0 ? e.column : e.position, e.text);
			bad++;
			continue;
		}
		kg_buf_reset(&where);
		kg_buf_addf(&where, "%s:%zu", s->name, lineno);
		r = deliver_object(v, where.s, NULL, o, fn, ctx);
		json_decref(v);
		if (r < 0) {
			bad = -1;
			goto out;
		}
		bad += r;
	}
out:
	kg_buf_release(&line);
	kg_buf_release(&where);
	return bad;
}
