/*
 * validate.c: `kgraph validate FILE.xml --dict-dir DIR`: code PETRARCH
 * validation records from their text alone and compare with the events
 * they expect.
 *
 * The file names the dictionaries in its <Environment> (Verbfile,
 * Actorfile with comma-separated names, Agentfile, Discardfile).  Each
 * <Sentence id= date= category=> holds (or is followed by) <EventCoding
 * sourcecode= targetcode= eventcode=> elements, or noevents="True", or
 * error="storydiscard"/"sentencediscard"/..., and its <Text>.  The <Parse>
 * trees are never read: kgraph codes news that comes without them.
 * A record passes when the set of events produced equals the set expected.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "base/buf.h"
#include "base/err.h"
#include "cmd/cmd.h"
#include "code/coder.h"
#include "code/patterns.h"
#include "export/export.h"
#include "lexicon/lexicon.h"

struct ev {
	char *src, *tgt, *code;
};

struct record {
	char *id, *date, *category, *text;
	struct ev *exp;
	size_t nexp, cap;
	char *error;		/* expected error, or NULL */
	long line;
};

struct cat {
	char name[32];
	int n, pass;
};

static char *prop(xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s;

	if (!v)
		return NULL;
	s = kg_xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

static char *trimmed(const char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r' || *s == '"')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' ||
		     s[n - 1] == '\r' || s[n - 1] == '"'))
		n--;
	return kg_xstrndup(s, n);
}

static void add_coding(struct record *r, xmlNode *n)
{
	char *v;

	if ((v = prop(n, "error"))) {
		free(r->error);
		r->error = v;
		return;
	}
	if ((v = prop(n, "noevents"))) {
		free(v);
		return;
	}
	KG_GROW(r->exp, r->nexp + 1, r->cap);
	{
		char *s = prop(n, "sourcecode"), *t = prop(n, "targetcode"), *c = prop(n, "eventcode");
		r->exp[r->nexp].src = trimmed(s ? s : "");
		r->exp[r->nexp].tgt = trimmed(t ? t : "");
		r->exp[r->nexp].code = trimmed(c ? c : "");
		free(s);
		free(t);
		free(c);
	}
	r->nexp++;
}

static void add_part(struct record *r, xmlNode *n)
{
	if (!xmlStrcmp(n->name, (const xmlChar *)"EventCoding")) {
		add_coding(r, n);
	} else if (!xmlStrcmp(n->name, (const xmlChar *)"Text")) {
		xmlChar *t = xmlNodeGetContent(n);
		char *q, *o;
		free(r->text);
		r->text = trimmed(t ? (const char *)t : "");
		xmlFree(t);
		/* One record is one sentence, wrapped over lines. */
		for (q = o = r->text; *q; q++) {
			if (*q == '\n' || *q == '\r' || *q == '\t' || *q == ' ') {
				if (o > r->text && o[-1] != ' ')
					*o++ = ' ';
				continue;
			}
			*o++ = *q;
		}
		*o = 0;
	}
}

static void free_record(struct record *r)
{
	size_t i;

	for (i = 0; i < r->nexp; i++) {
		free(r->exp[i].src);
		free(r->exp[i].tgt);
		free(r->exp[i].code);
	}
	free(r->exp);
	free(r->id);
	free(r->date);
	free(r->category);
	free(r->text);
	free(r->error);
	memset(r, 0, sizeof *r);
}

static xmlNode *child(xmlNode *n, const char *name)
{
	for (n = n ? n->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && !xmlStrcmp(n->name, (const xmlChar *)name))
			return n;
	return NULL;
}

static char *env_text(xmlNode *env, const char *name)
{
	xmlNode *n = child(env, name);
	xmlChar *t;
	char *s;

	if (!n)
		return NULL;
	t = xmlNodeGetContent(n);
	s = trimmed(t ? (const char *)t : "");
	xmlFree(t);
	if (!*s) {
		free(s);
		return NULL;
	}
	return s;
}

struct run {
	struct kg_patcoder *pc;
	const char *file;
	int jsonl;
	int n, pass;
	struct cat cats[64];
	int ncats;
	int failed_write;
};

static int ev_in(const struct ev *e, const struct kg_result *res)
{
	size_t i;

	for (i = 0; i < res->ntriples; i++)
		if (!strcmp(e->src, res->triples[i].subject.code) &&
		    !strcmp(e->tgt, res->triples[i].object.code) && !strcmp(e->code, res->triples[i].cameo))
			return 1;
	return 0;
}

static int expected(const struct record *r, const struct kg_triple *t)
{
	size_t i;

	for (i = 0; i < r->nexp; i++)
		if (!strcmp(r->exp[i].src, t->subject.code) && !strcmp(r->exp[i].tgt, t->object.code) &&
		    !strcmp(r->exp[i].code, t->cameo))
			return 1;
	return 0;
}

static void count(struct run *run, const char *category, int ok)
{
	int i;

	run->n++;
	run->pass += ok;
	for (i = 0; i < run->ncats; i++)
		if (!strcmp(run->cats[i].name, category))
			break;
	if (i == run->ncats) {
		if (run->ncats == 64)
			return;
		snprintf(run->cats[run->ncats++].name, sizeof run->cats[0].name, "%s", category);
	}
	run->cats[i].n++;
	run->cats[i].pass += ok;
}

static void do_record(struct run *run, struct record *r)
{
	struct kg_article a = {0};
	const struct kg_result *res;
	char date[16] = "", origin[512];
	enum kg_discard d;
	size_t i;
	int ok = 1;

	if (!r->id)
		return;
	if (!r->text) {
		kg_warn("%s:%ld: record %s has no <Text>", run->file, r->line, r->id);
		r->text = kg_xstrdup("");
	}
	if (r->date && strlen(r->date) == 8)
		snprintf(date, sizeof date, "%.4s-%.2s-%.2s", r->date, r->date + 4, r->date + 6);
	snprintf(origin, sizeof origin, "%s:%ld", run->file, r->line);
	a.id = r->id;
	a.date = *date ? date : NULL;
	a.text = r->text;
	a.len = strlen(r->text);
	a.origin = origin;
	kg_patcoder_run(run->pc, &a, &res);
	d = kg_patcoder_discarded(run->pc);
	if (run->jsonl) {
		for (i = 0; i < res->ntriples; i++)
			if (kg_jsonl_triple(stdout, res, &res->triples[i]) < 0)
				run->failed_write = 1;
		return;
	}
	for (i = 0; i < r->nexp; i++)
		ok &= ev_in(&r->exp[i], res);
	for (i = 0; i < res->ntriples; i++)
		ok &= expected(r, &res->triples[i]);
	if (r->error) {
		/* Discards are checked; other errors (a bad parse tree) expect nothing. */
		if (!strcmp(r->error, "storydiscard"))
			ok &= d == KG_DISCARD_STORY;
		else if (!strcmp(r->error, "sentencediscard"))
			ok &= d == KG_DISCARD_SENTENCE;
		ok &= res->ntriples == 0;
	}
	count(run, r->category ? r->category : "-", ok);
	printf("%s %s [%s]\n", ok ? "pass" : "FAIL", r->id, r->category ? r->category : "-");
	if (ok && !r->nexp && !r->error)
		return;
	printf("  expected:");
	if (r->error)
		printf(" error=%s", r->error);
	else if (!r->nexp)
		printf(" no events");
	for (i = 0; i < r->nexp; i++)
		printf(" %s %s %s%s", r->exp[i].src, r->exp[i].tgt, r->exp[i].code,
		       i + 1 < r->nexp ? ";" : "");
	printf("\n  produced:");
	if (d)
		printf(" %s", d == KG_DISCARD_STORY ? "storydiscard" : "sentencediscard");
	else if (!res->ntriples)
		printf(" no events");
	for (i = 0; i < res->ntriples; i++)
		printf(" %s %s %s%s", res->triples[i].subject.code, res->triples[i].object.code,
		       res->triples[i].cameo, i + 1 < res->ntriples ? ";" : "");
	printf("\n");
	if (!ok) {
		const char *p;
		int sp = 0;
		printf("  text: ");
		for (p = r->text; *p; p++) {
			if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
				sp = 1;
				continue;
			}
			if (sp)
				putchar(' ');
			sp = 0;
			putchar(*p);
		}
		putchar('\n');
	}
}

int cmd_validate(int argc, char **argv, struct kg_cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		KG_DICT_LONGOPTS,
		{NULL, 0, NULL, 0}
	};
	struct kg_opts o = KG_OPTS(ctx, argc, argv, "f:", opts);
	struct kg_dict_opts dict = {0};
	struct run run = {0};
	struct kg_lexicon *lx = NULL;
	struct record r = {0};
	xmlDoc *doc = NULL;
	xmlNode *root, *env, *sents, *n;
	char *env_verbs = NULL, *env_actors = NULL, *env_agents = NULL, *env_discards = NULL;
	int c, ret = KG_EXIT_FAIL, i;

	while ((c = kg_opt_next(&o)) > 0) {
		switch (c) {
		case 'f':
			if (!strcmp(optarg, "jsonl"))
				run.jsonl = 1;
			else if (strcmp(optarg, "text"))
				return kg_usage_error(ctx, "unknown format '%s' (text|jsonl)", optarg);
			break;
		default:	/* the rest of opts: KG_DICT_LONGOPTS */
			kg_dict_opt(&dict, c, optarg);
		}
	}
	if (c < 0)
		return o.status;
	if (optind != argc - 1)
		return kg_usage_error(ctx, "give one validation file (FILE.xml)");
	run.file = argv[optind];
	doc = xmlReadFile(run.file, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
			  XML_PARSE_HUGE);
	if (!doc) {
		const xmlError *e = xmlGetLastError();
		if (e && e->line)
			kg_error("%s:%d: not valid XML: %s", run.file, e->line,
				 e->message ? strtok(e->message, "\n") : "parse error");
		else
			kg_error("%s: cannot read it as XML", run.file);
		goto out;
	}
	root = xmlDocGetRootElement(doc);
	env = child(root, "Environment");
	/* <Sentences> holds the records; a file without it may hold them at the top */
	if (!(sents = child(root, "Sentences")))
		sents = root;
	if (!sents || (!child(sents, "Sentence"))) {
		kg_error("%s: no <Sentence> records in it", run.file);
		goto out;
	}
	if (env) {
		env_verbs = env_text(env, "Verbfile");
		env_actors = env_text(env, "Actorfile");
		env_agents = env_text(env, "Agentfile");
		env_discards = env_text(env, "Discardfile");
	}
	if (!dict.verbs)
		dict.verbs = env_verbs;
	if (!dict.actors)
		dict.actors = env_actors;
	if (!dict.agents)
		dict.agents = env_agents;
	if (!dict.discards)
		dict.discards = env_discards;
	if (!dict.verbs) {
		kg_error("%s: no <Verbfile> in its <Environment>: give --verbs", run.file);
		goto out;
	}
	if (!(lx = kg_dict_load(&dict)))
		goto out;
	if (!(run.pc = kg_patcoder_new(lx))) {
		kg_error("%s: no verb patterns loaded", dict.verbs);
		goto out;
	}
	for (n = sents->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!xmlStrcmp(n->name, (const xmlChar *)"Sentence")) {
			xmlNode *k;
			do_record(&run, &r);
			free_record(&r);
			r.id = prop(n, "id");
			r.date = prop(n, "date");
			r.category = prop(n, "category");
			r.line = xmlGetLineNo(n);
			if (!r.id)
				kg_warn("%s:%ld: <Sentence> without id: skipped", run.file, r.line);
			for (k = n->children; k; k = k->next)
				if (k->type == XML_ELEMENT_NODE)
					add_part(&r, k);
		} else {
			add_part(&r, n);
		}
	}
	do_record(&run, &r);
	free_record(&r);
	if (!run.jsonl) {
		printf("\n%d of %d records coded exactly (%.1f%%)\n", run.pass, run.n,
		       run.n ? 100.0 * run.pass / run.n : 0.0);
		for (i = 0; i < run.ncats; i++)
			printf("  %-10s %3d of %3d  %5.1f%%\n", run.cats[i].name, run.cats[i].pass,
			       run.cats[i].n, 100.0 * run.cats[i].pass / run.cats[i].n);
	}
	ret = run.failed_write ? KG_EXIT_FAIL : KG_EXIT_OK;
out:
	kg_patcoder_free(run.pc);
	kg_lex_free(lx);
	free(env_verbs);
	free(env_actors);
	free(env_agents);
	free(env_discards);
	xmlFreeDoc(doc);
	return ret;
}
