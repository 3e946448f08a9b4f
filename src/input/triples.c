/*
 * triples.c: kgraph extract's JSON lines back into coded articles (see
 * triples.h).  This is what lets extraction run anywhere (N processes, a
 * Hadoop Streaming mapper, Spark's RDD.pipe) and one store load it all.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "input/triples.h"

struct sent {
	size_t seq;
	const char *text;
	size_t len;
};

struct batch {
	const char *path;
	struct kg_arena arena;	/* strings of the batch */
	char *article;		/* NULL: no batch open */
	char origin[64 + 4096];
	struct kg_triple *t;
	size_t nt, tcap;
	struct sent *s;
	size_t ns, scap;
	struct kg_buf text;
	struct kg_sentence *ks;
	size_t *seq;
	size_t kscap;
	kg_triples_fn fn;
	void *ctx;
	int failed;		/* batches the callback failed */
};

static int bad_line(const char *path, size_t line, const char *what)
{
	kg_error("%s:%zu: %s", path, line, what);
	return 1;
}

/* A string member, copied into the arena; NULL when absent or null.
 * Returns -1 when present with another type. */
static int get_str(struct batch *b, json_t *o, const char *key, const char **out)
{
	json_t *v = json_object_get(o, key);

	*out = NULL;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return -1;
	*out = kg_arena_strndup(&b->arena, json_string_value(v), json_string_length(v));
	return 0;
}

static int get_actor(struct batch *b, json_t *o, const char *key, struct kg_actor *a)
{
	json_t *v = json_object_get(o, key);
	const char *type;
	int t;

	memset(a, 0, sizeof *a);
	if (!json_is_object(v))
		return -1;
	if (get_str(b, v, "name", &a->name) < 0 || !a->name || !*a->name ||
	    get_str(b, v, "code", &a->code) < 0 || get_str(b, v, "type", &type) < 0)
		return -1;
	if (!a->code)
		a->code = "";
	if (type) {
		if ((t = kg_actor_type_parse(type)) < 0)
			return -1;
		a->type = (enum kg_actor_type)t;
	}
	return 0;
}

static int cmp_sent(const void *x, const void *y)
{
	const struct sent *a = x, *b = y;

	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Hand the open batch to the callback, then forget it. */
static int flush(struct batch *b)
{
	struct kg_triples_batch kb = {0};
	struct kg_article a = {0};
	size_t i, k;
	int rc;

	if (!b->article)
		return 0;
	if (!b->nt)	/* every line of it was bad */
		goto done;
	/* Sentences in article order; the triples refer to them by index. */
	qsort(b->s, b->ns, sizeof *b->s, cmp_sent);
	KG_GROW(b->ks, b->ns, b->kscap);
	b->seq = kg_xrealloc(b->seq, b->kscap * sizeof *b->seq);
	kg_buf_reset(&b->text);
	for (i = 0; i < b->ns; i++) {
		if (i)
			kg_buf_addc(&b->text, '\n');
		b->ks[i].off = b->text.len;
		b->ks[i].len = b->s[i].len;
		b->seq[i] = b->s[i].seq;
		kg_buf_add(&b->text, b->s[i].text, b->s[i].len);
	}
	for (k = 0; k < b->nt; k++)
		for (i = 0; i < b->ns; i++)
			if (b->seq[i] == b->t[k].sentence) {
				b->t[k].sentence = i;
				break;
			}
	a.id = b->article;
	a.text = b->text.s;
	a.len = b->text.len;
	a.origin = b->origin;
	kb.res.article = &a;
	kb.res.sentences = b->ks;
	kb.res.nsentences = b->ns;
	kb.res.triples = b->t;
	kb.res.ntriples = b->nt;
	kb.seq = b->seq;
	kb.origin = b->origin;
	if ((rc = b->fn(&kb, b->ctx)) < 0)
		return -1;
	b->failed += rc;
done:
	b->article = NULL;
	b->nt = b->ns = 0;
	kg_arena_reset(&b->arena);
	return 0;
}

/* One line: a triple.  Returns 0, 1 (bad line, reported) or -1 (stop). */
static int one_line(struct batch *b, size_t line, const char *s, size_t n)
{
	json_error_t jerr;
	json_t *o, *v;
	struct kg_triple t = {0};
	const char *art, *text, *str;
	json_int_t seq;
	size_t i;
	int rc = 0, m;
	char msg[300];

	if (!(o = json_loadb(s, n, JSON_REJECT_DUPLICATES, &jerr))) {
		snprintf(msg, sizeof msg, "not JSON (column %d): %s", jerr.column, jerr.text);
		return bad_line(b->path, line, msg);
	}
	if (!json_is_object(o)) {
		rc = bad_line(b->path, line, "not a JSON object");
		goto out;
	}
	v = json_object_get(o, "article");
	art = json_string_value(v);
	if (!art || !*art) {
		rc = bad_line(b->path, line, "no \"article\" (a non-empty string)");
		goto out;
	}
	v = json_object_get(o, "sentence");
	if (!json_is_integer(v) || (seq = json_integer_value(v)) < 1) {
		rc = bad_line(b->path, line, "no \"sentence\" (a number from 1)");
		goto out;
	}
	if (!json_is_string(json_object_get(o, "text"))) {
		rc = bad_line(b->path, line, "no \"text\" (the sentence)");
		goto out;
	}
	if (b->article && strcmp(b->article, art) && (rc = flush(b)) < 0)
		goto out;
	if (!b->article) {
		b->article = kg_arena_strdup(&b->arena, art);
		snprintf(b->origin, sizeof b->origin, "%s:%zu", b->path, line);
	}
	get_str(b, o, "text", &text);
	if (get_actor(b, o, "subject", &t.subject) < 0 || get_actor(b, o, "object", &t.object) < 0) {
		rc = bad_line(b->path, line, "\"subject\" and \"object\" must be {\"name\",\"code\",\"type\"}");
		goto out;
	}
	v = json_object_get(o, "against");
	if (v && !json_is_null(v)) {
		if (get_actor(b, o, "against", &t.against) < 0) {
			rc = bad_line(b->path, line, "\"against\" must be null or an actor");
			goto out;
		}
		t.has_against = true;
	}
	if (get_str(b, o, "predicate", &t.predicate) < 0 || !t.predicate ||
	    get_str(b, o, "cameo", &str) < 0 || !str || !*str || strlen(str) >= sizeof t.cameo) {
		rc = bad_line(b->path, line, "no \"predicate\" or \"cameo\" (strings)");
		goto out;
	}
	memcpy(t.cameo, str, strlen(str) + 1);
	if (get_str(b, o, "modality", &str) < 0 || (str && (m = kg_modality_parse(str)) < 0)) {
		rc = bad_line(b->path, line, "\"modality\" must be actual|intended|considered|possible");
		goto out;
	}
	t.modality = str ? (enum kg_modality)m : KG_MOD_ACTUAL;
	if (get_str(b, o, "event_date", &str) < 0 || (str && strlen(str) >= sizeof t.event_date)) {
		rc = bad_line(b->path, line, "\"event_date\" must be null or YYYY-MM-DD");
		goto out;
	}
	if (str)
		memcpy(t.event_date, str, strlen(str) + 1);
	if (get_str(b, o, "location", &t.location) < 0 ||
	    get_str(b, o, "attribution", &t.attribution) < 0) {
		rc = bad_line(b->path, line, "\"location\" and \"attribution\" must be null or strings");
		goto out;
	}
	t.quad_class = (int)json_integer_value(json_object_get(o, "quad_class"));
	t.goldstein = json_number_value(json_object_get(o, "goldstein"));
	t.negated = json_is_true(json_object_get(o, "negated"));
	t.reported = json_is_true(json_object_get(o, "reported"));
	v = json_object_get(o, "confidence");
	t.confidence = v ? json_number_value(v) : 0.5;
	t.sentence = (size_t)seq;	/* a number until flush() makes it an index */

	for (i = 0; i < b->ns; i++)
		if (b->s[i].seq == (size_t)seq)
			break;
	if (i == b->ns) {
		KG_GROW(b->s, b->ns + 1, b->scap);
		b->s[b->ns++] = (struct sent){(size_t)seq, text, strlen(text)};
	} else if (strcmp(b->s[i].text, text)) {
		rc = bad_line(b->path, line, "another text for a sentence of this article seen before");
		goto out;
	}
	KG_GROW(b->t, b->nt + 1, b->tcap);
	b->t[b->nt++] = t;
out:
	json_decref(o);
	return rc;
}

int kg_triples_read(const char *path, kg_triples_fn fn, void *ctx)
{
	struct batch b = {0};
	FILE *f = stdin;
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t n;
	int bad = 0, rc;

	if (strcmp(path, "-") && !(f = fopen(path, "rb")))
		return kg_error("%s:", path), 1;
	b.path = path;
	b.fn = fn;
	b.ctx = ctx;
	kg_buf_init(&b.text);
	while ((n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			n--;
		if (n == 0)
			continue;
		if ((rc = one_line(&b, lineno, line, (size_t)n)) < 0) {
			bad = -1;
			goto out;
		}
		bad += rc;
	}
	if (ferror(f)) {
		bad++;
		kg_error("%s: read error:", path);
	}
	if (flush(&b) < 0)
		bad = -1;
	else
		bad += b.failed;
out:
	if (f != stdin)
		fclose(f);
	free(line);
	free(b.t);
	free(b.s);
	free(b.ks);
	free(b.seq);
	kg_buf_release(&b.text);
	kg_arena_free(&b.arena);
	return bad;
}
