/*
 * json.c: JSON and JSONL articles (Jansson).
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

static const char *type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: return "an integer";
	case JSON_REAL: return "a number";
	case JSON_TRUE: case JSON_FALSE: return "a boolean";
	default: return "null";
	}
}

/* An optional string field: 0 (and *out set or NULL), or -1 when it has
 * another type. */
static int str_field(json_t *obj, const char *key, const char *where, const char **out)
{
	json_t *v = json_object_get(obj, key);

	*out = NULL;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return kg_error("%s: \"%s\" must be a string, not %s", where, key, type_name(v));
	*out = json_string_value(v);
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
static int deliver_object(json_t *obj, const char *where, const char *default_id,
			  const struct kg_read_opts *o, kg_article_fn fn, void *ctx)
{
	struct kg_input_meta m = {0};
	json_t *text, *id;
	char idbuf[32], date[11];
	const char *d;
	int bad = 0, ret;

	if (!json_is_object(obj))
		return kg_error("%s: an article must be a JSON object, not %s", where, type_name(obj)), 1;
	text = json_object_get(obj, "text");
	if (!text)
		return kg_error("%s: article has no \"text\"", where), 1;
	if (!json_is_string(text))
		return kg_error("%s: \"text\" must be a string, not %s", where, type_name(text)), 1;
	id = json_object_get(obj, "id");
	if (id && json_is_integer(id)) {
		snprintf(idbuf, sizeof idbuf, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
		m.id = idbuf;
	} else if (str_field(obj, "id", where, &m.id) < 0) {
		return 1;
	}
	if (!m.id)
		m.id = default_id;
	if (str_field(obj, "title", where, &m.title) < 0 || str_field(obj, "source", where, &m.source) < 0 ||
	    str_field(obj, "url", where, &m.url) < 0 || str_field(obj, "date", where, &d) < 0)
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
	ret = kg_input_deliver(&m, json_string_value(text), json_string_length(text), 0, o, fn, ctx);
	return ret < 0 ? ret : ret + bad;
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
static int json_buffer(const char *name, const char *buf, size_t len, const struct kg_read_opts *o,
		       kg_article_fn fn, void *ctx)
{
	struct pos p = {buf, 0, 1, 0};
	struct kg_buf where = KG_BUF_INIT;
	json_error_t e;
	json_t *v;
	size_t i = 0;
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
		v = json_loadb(buf + i, len - i, JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY, &e);
		if (!v) {
			decode_error(&p, i, name, &e);
			bad++;
			goto out;
		}
		pos_to(&p, i);
		kg_buf_reset(&where);
		if (array)
			kg_buf_addf(&where, "%s:%zu", name, p.line);
		else
			kg_buf_adds(&where, name);
		r = deliver_object(v, where.s, array ? NULL : name, o, fn, ctx);
		json_decref(v);
		if (r < 0) {
			bad = -1;
			goto out;
		}
		bad += r;
		i = skip_ws(buf, i + (size_t)e.position, len);
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
	size_t lineno = 0, i;
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
