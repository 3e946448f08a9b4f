/* embed.c: lookup in the generated table of embedded files. */
#include <string.h>

#include "base/embed.h"

const struct kg_embedded *kg_embed_find(const char *path)
{
	const struct kg_embedded *e;

	for (e = kg_embedded; e->path; e++)
		if (!strcmp(e->path, path))
			return e;
	return NULL;
}
