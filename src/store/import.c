/*
 * import.c: triples coded elsewhere into the store (see import.h).
 *
 * The rebuilt article goes through kg_store_add() like any other, then two
 * things are set right: its identity (a hash of its id and rebuilt text,
 * "t1:...", so two articles whose triples stand in the same sentences stay
 * two) and the sentence numbers, which kg_store_add() counts from 1.
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "store/import.h"
#include "store/store.h"

enum { IM_FIND, IM_LAST, IM_REHASH, IM_SENTENCES, IM_RESEQ, IM_N };

static const char *const im_sql[IM_N] = {
	[IM_FIND] = "SELECT id FROM articles WHERE hash = ?1",
	/* kg_store_add() just added it: the highest id (rowids grow). */
	[IM_LAST] = "SELECT max(id) FROM articles",
	[IM_REHASH] = "UPDATE articles SET hash = ?2 WHERE id = ?1",
	[IM_SENTENCES] = "SELECT id FROM sentences WHERE article_id = ?1 ORDER BY seq DESC",
	[IM_RESEQ] = "UPDATE sentences SET seq = ?2 WHERE id = ?1",
};

struct kg_import {
	struct kg_store *st;
	sqlite3_stmt *s[IM_N];
	struct kg_buf key;
	sqlite3_int64 *ids;
	size_t idcap;
};

static int db_error(struct kg_import *im, const char *what)
{
	return kg_error("%s: %s: %s", kg_store_path(im->st), what,
			sqlite3_errmsg(kg_store_db(im->st)));
}

struct kg_import *kg_import_new(struct kg_store *st)
{
	struct kg_import *im = kg_xcalloc(1, sizeof *im);

	im->st = st;
	kg_buf_init(&im->key);
	for (int i = 0; i < IM_N; i++)
		if (sqlite3_prepare_v3(kg_store_db(st), im_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
				       &im->s[i], NULL) != SQLITE_OK) {
			db_error(im, "cannot prepare statement");
			kg_import_free(im);
			return NULL;
		}
	return im;
}

void kg_import_free(struct kg_import *im)
{
	if (!im)
		return;
	for (int i = 0; i < IM_N; i++)
		sqlite3_finalize(im->s[i]);
	kg_buf_release(&im->key);
	free(im->ids);
	free(im);
}

static sqlite3_stmt *use(struct kg_import *im, int i)
{
	sqlite3_reset(im->s[i]);
	sqlite3_clear_bindings(im->s[i]);
	return im->s[i];
}

int kg_import_add(struct kg_import *im, const struct kg_result *r, const size_t *seq)
{
	const struct kg_article *a = r->article;
	char ih[40];
	sqlite3_stmt *s;
	sqlite3_int64 art;
	size_t i;
	int rc;

	kg_buf_reset(&im->key);
	kg_buf_adds(&im->key, a->id ? a->id : "");
	kg_buf_addc(&im->key, '\0');
	kg_buf_add(&im->key, a->text, a->len);
	kg_store_hash(im->key.s, im->key.len, ih);
	ih[0] = 't';
	s = use(im, IM_FIND);
	sqlite3_bind_text(s, 1, ih, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return db_error(im, "cannot look up article");
	sqlite3_reset(s);

	if ((rc = kg_store_add(im->st, r)) <= 0)
		return rc;	/* error, or stored already with this very text */
	s = use(im, IM_LAST);
	if (sqlite3_step(s) != SQLITE_ROW)
		return db_error(im, "cannot find imported article");
	art = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	s = use(im, IM_REHASH);
	sqlite3_bind_int64(s, 1, art);
	sqlite3_bind_text(s, 2, ih, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE)
		return db_error(im, "cannot mark imported article");

	/* Read the ids first (never update the index a query walks), then
	 * renumber from the last sentence down: seq[i] >= i + 1 and grows
	 * with i, so no two sentences of the article share a number on the way. */
	s = use(im, IM_SENTENCES);
	sqlite3_bind_int64(s, 1, art);
	KG_GROW(im->ids, r->nsentences, im->idcap);
	for (i = 0; i < r->nsentences && (rc = sqlite3_step(s)) == SQLITE_ROW; i++)
		im->ids[i] = sqlite3_column_int64(s, 0);	/* seq descending */
	sqlite3_reset(s);
	if (i != r->nsentences)
		return db_error(im, "sentences of imported article missing");
	for (i = 0; i < r->nsentences; i++) {
		s = use(im, IM_RESEQ);
		sqlite3_bind_int64(s, 1, im->ids[i]);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)seq[r->nsentences - 1 - i]);
		if (sqlite3_step(s) != SQLITE_DONE)
			return db_error(im, "cannot number sentences");
	}
	return 1;
}
