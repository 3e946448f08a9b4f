/*
 * jsonl.c: one triple per line, the interchange format of `kgraph extract`
 * (documented in docs/jsonl.md).  Built with Jansson so every string is
 * escaped correctly.
 */
#include <jansson.h>
#include <string.h>

#include "base/err.h"
#include "export/export.h"

static json_t *actor(const struct kg_actor *a)
{
	return json_pack("{s:s, s:s, s:s}", "name", a->name ? a->name : "",
			 "code", a->code ? a->code : "",
			 "type", kg_actor_type_name(a->type));
}

static json_t *str_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

int kg_jsonl_triple(FILE *out, const struct kg_result *r, const struct kg_triple *t)
{
	const struct kg_article *a = r->article;
	const struct kg_sentence *s = &r->sentences[t->sentence];
	json_t *o;
	int rc;

	o = json_object();
	json_object_set_new(o, "article", str_or_null(a->id ? a->id : a->origin));
	json_object_set_new(o, "sentence", json_integer((json_int_t)t->sentence + 1));
	json_object_set_new(o, "text", json_stringn(a->text + s->off, s->len));
	json_object_set_new(o, "subject", actor(&t->subject));
	json_object_set_new(o, "predicate", json_string(t->predicate ? t->predicate : ""));
	json_object_set_new(o, "object", actor(&t->object));
	json_object_set_new(o, "cameo", json_string(t->cameo));
	json_object_set_new(o, "quad_class", json_integer(t->quad_class));
	json_object_set_new(o, "goldstein", json_real(t->goldstein));
	json_object_set_new(o, "modality", json_string(kg_modality_name(t->modality)));
	json_object_set_new(o, "negated", json_boolean(t->negated));
	json_object_set_new(o, "reported", json_boolean(t->reported));
	json_object_set_new(o, "against", t->has_against ? actor(&t->against) : json_null());
	json_object_set_new(o, "event_date", str_or_null(t->event_date));
	json_object_set_new(o, "location", str_or_null(t->location));
	json_object_set_new(o, "attribution", str_or_null(t->attribution));
	json_object_set_new(o, "confidence", json_real(t->confidence));
	rc = json_dumpf(o, out, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(4));
	json_decref(o);
	if (rc < 0 || fputc('\n', out) == EOF)
		return kg_error("write error:");
	return 0;
}
