/*
 * embed.h: files compiled into the binary (schema/, data/, viz/).
 * The table is generated at build time by scripts/embed.c; the bytes are
 * static and NUL-terminated, never freed.
 */
#ifndef KG_EMBED_H
#define KG_EMBED_H

#include <stddef.h>

struct kg_embedded {
	const char *path;	/* as given to the build, e.g. "schema/001-init.sql" */
	const char *data;
	size_t len;
};

extern const struct kg_embedded kg_embedded[];	/* ends with path == NULL */

/* The file at path, or NULL. */
const struct kg_embedded *kg_embed_find(const char *path);

#endif
