/*
 * import.h: store triples coded elsewhere (kgraph ingest --triples).
 *
 * A batch is one article rebuilt from its triples (src/input/triples.h):
 * its sentences keep their numbers in the original article (seq), and the
 * article is known by its id and the sentences with triples, so loading
 * the same triples twice adds nothing.  Uses kg_store_add(), so imported
 * triples are stored, indexed and viewed exactly like ingested ones.
 * Borrows the store; kg_import_free() finalizes its statements.
 */
#ifndef KG_IMPORT_H
#define KG_IMPORT_H

#include <stddef.h>

#include "base/kgraph.h"

struct kg_store;
struct kg_import;

struct kg_import *kg_import_new(struct kg_store *st);
void kg_import_free(struct kg_import *im);	/* NULL-safe */

/*
 * Store r (inside the caller's transaction); seq[i] is the 1-based number
 * of r's sentence i.  Returns 1 when added, 0 when already stored, -1 on
 * error (reported).
 */
int kg_import_add(struct kg_import *im, const struct kg_result *r, const size_t *seq);

#endif
