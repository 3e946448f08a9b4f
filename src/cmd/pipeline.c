/*
 * pipeline.c: read -> split -> find actors -> code events -> sink.
 * extract and ingest differ only in the sink they pass.
 */
#include "base/err.h"
#include "cmd/cmd.h"
#include "code/coder.h"
#include "input/input.h"
#include "lexicon/lexicon.h"

struct run {
	struct kg_coder *coder;
	kg_sink_fn sink;
	void *ctx;
	int bad;
};

static int one_article(const struct kg_article *a, void *vrun)
{
	struct run *r = vrun;
	const struct kg_result *res;
	int rc;

	if (kg_coder_run(r->coder, a, &res) < 0)
		return 1;
	rc = r->sink(res, r->ctx);
	return rc < 0 ? -1 : rc;
}

int kg_pipeline(char **paths, int npaths, const struct kg_read_opts *ro,
		kg_sink_fn sink, void *ctx)
{
	return kg_pipeline_lex(NULL, paths, npaths, ro, sink, ctx);
}

int kg_pipeline_lex(const struct kg_lexicon *given, char **paths, int npaths,
		    const struct kg_read_opts *ro, kg_sink_fn sink, void *ctx)
{
	struct kg_lexicon *lx = NULL;
	struct run r = {0};
	int i, rc;

	if (!given) {
		lx = kg_lex_new();
		if (kg_lex_load_builtin(lx) < 0) {
			kg_lex_free(lx);
			return -1;
		}
	}
	r.coder = kg_coder_new(given ? given : lx);
	r.sink = sink;
	r.ctx = ctx;
	for (i = 0; i < npaths; i++) {
		rc = kg_read_path(paths[i], ro, one_article, &r);
		if (rc < 0) {
			r.bad = -1;
			break;
		}
		r.bad += rc;
	}
	kg_coder_free(r.coder);
	kg_lex_free(lx);
	return r.bad;
}
