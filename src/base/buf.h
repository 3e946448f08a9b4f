/*
 * buf.h: growable byte buffer, always NUL-terminated (git's strbuf).
 * A buffer owns its memory; kg_buf_release frees it and leaves the buffer
 * empty and reusable.  Allocation failure aborts with a message: kgraph
 * cannot do useful work without memory, and checking every append would
 * bury the logic (git's xmalloc does the same).
 */
#ifndef KG_BUF_H
#define KG_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct kg_buf {
	char *s;	/* never NULL after init: "" at worst */
	size_t len, cap;
};

#define KG_BUF_INIT { kg_buf_empty, 0, 0 }
extern char kg_buf_empty[];

void kg_buf_init(struct kg_buf *b);
void kg_buf_release(struct kg_buf *b);
void kg_buf_grow(struct kg_buf *b, size_t extra);
void kg_buf_add(struct kg_buf *b, const void *p, size_t n);
void kg_buf_adds(struct kg_buf *b, const char *s);
void kg_buf_addc(struct kg_buf *b, char c);
void kg_buf_addf(struct kg_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void kg_buf_vaddf(struct kg_buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
void kg_buf_reset(struct kg_buf *b);		/* len = 0, keeps memory */
char *kg_buf_detach(struct kg_buf *b);		/* caller frees */

/* Checked allocation (abort on failure). */
void *kg_xmalloc(size_t n);
void *kg_xcalloc(size_t n, size_t size);
void *kg_xrealloc(void *p, size_t n);
char *kg_xstrdup(const char *s);
char *kg_xstrndup(const char *s, size_t n);

/* Grow an array to hold at least n items (git's ALLOC_GROW). */
#define KG_GROW(p, n, cap) do { \
	if ((n) > (cap)) { \
		size_t kg_nc_ = (cap) ? (cap) * 2 : 16; \
		while (kg_nc_ < (n)) kg_nc_ *= 2; \
		(p) = kg_xrealloc((p), kg_nc_ * sizeof *(p)); \
		(cap) = kg_nc_; \
	} \
} while (0)

#endif
