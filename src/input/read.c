/*
 * read.c: files, directories, stdin and memory to articles.
 *
 * Opens the input, looks at its head (binary? which format?) and hands it
 * to the format reader (text.c, json.c, html.c).  Directories are walked
 * in name order; each directory is entered once, by (device, inode), so a
 * symlink loop is reported instead of followed forever.
 */
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/err.h"
#include "input/input.h"
#include "input/reader.h"

int kg_format_parse(const char *s)
{
	static const char *const names[] = {"auto", "text", "json", "jsonl", "html"};

	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp(s, names[i]))
			return (int)i;
	return -1;
}

/* Sources */

void kg_src_file(struct kg_src *s, const char *name, FILE *f, const struct kg_read_opts *o)
{
	memset(s, 0, sizeof *s);
	s->name = name;
	s->f = f;
	s->p = "";
	s->o = o;
}

/*
 * Before a read from a pipe or terminal: when nothing comes within
 * wait_ms, call the wait hook (a single-threaded pipeline flushes its
 * output or commits there), then read, which blocks.  Regular files never
 * keep the reader waiting: no hook, no poll.
 */
static void before_read(struct kg_src *s, int fd)
{
	struct pollfd pfd = {fd, POLLIN, 0};
	struct stat st;
	int rc;

	if (!s->o || !s->o->wait)
		return;
	if (!s->regular)
		s->regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? 1 : -1;
	if (s->regular > 0)
		return;
	do
		rc = poll(&pfd, 1, s->o->wait_ms);
	while (rc < 0 && errno == EINTR);
	if (rc == 0)
		s->o->wait(s->o->wait_ctx);
}

void kg_src_mem(struct kg_src *s, const char *name, const char *data, size_t len)
{
	memset(s, 0, sizeof *s);
	s->name = name;
	s->p = len ? data : "";
	s->end = len;
	s->eof = 1;
}

void kg_src_release(struct kg_src *s)
{
	free(s->own);
	s->own = NULL;
}

/* Read once into the window (at least n bytes of room); 0 at end of input. */
static size_t fill(struct kg_src *s, size_t n)
{
	size_t have = s->end - s->pos;
	ssize_t got;

	if (s->pos) {	/* slide the unread bytes to the front */
		memmove(s->own, s->own + s->pos, have);
		s->off += s->pos;
		s->pos = 0;
		s->end = have;
	}
	if (n > s->cap || s->cap - s->end < 4096) {
		s->cap = n < 65536 ? 65536 : n;
		if (s->cap < s->end + 4096)
			s->cap = s->end + 65536;
		s->own = kg_xrealloc(s->own, s->cap);
	}
	s->p = s->own;
	before_read(s, fileno(s->f));
	/* read(2), not fread: a pipe hands on what it has, so JSONL streams. */
	do
		got = read(fileno(s->f), s->own + s->end, s->cap - s->end);
	while (got < 0 && errno == EINTR);
	if (got <= 0) {
		s->eof = 1;
		if (got < 0)
			s->err = errno;
		return 0;
	}
	s->end += (size_t)got;
	return (size_t)got;
}

size_t kg_src_peek(struct kg_src *s, size_t n)
{
	while (s->end - s->pos < n && !s->eof && s->f)
		fill(s, n);
	return s->end - s->pos;
}

size_t kg_src_avail(struct kg_src *s)
{
	if (s->end == s->pos && !s->eof && s->f)
		fill(s, 65536);
	return s->end - s->pos;
}

int kg_src_line(struct kg_src *s, struct kg_buf *b, size_t max)
{
	size_t got = 0;
	int toolong = 0;

	for (;;) {
		size_t have = kg_src_avail(s), n;
		const char *nl;

		if (!have) {
			if (s->err)
				return -1;
			return toolong ? -2 : got > 0;
		}
		nl = memchr(s->p + s->pos, '\n', have);
		n = nl ? (size_t)(nl - (s->p + s->pos)) + 1 : have;
		if (!toolong && got + n > max) {
			toolong = 1;
			kg_buf_reset(b);
		}
		if (!toolong)
			kg_buf_add(b, s->p + s->pos, n);
		got += n;
		s->pos += n;
		if (nl)
			return toolong ? -2 : 1;
	}
}

int kg_src_rest(struct kg_src *s, struct kg_buf *b, size_t max)
{
	for (;;) {
		size_t have = kg_src_avail(s);

		if (!have)
			return s->err ? -1 : 0;
		if (b->len + have > max)
			return -2;
		kg_buf_add(b, s->p + s->pos, have);
		s->pos += have;
	}
}

/* Formats */

static size_t skip_space(const char *p, size_t i, size_t n)
{
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r'))
		i++;
	return i;
}

static int has_suffix(const char *name, const char *suf)
{
	size_t n = strlen(name), m = strlen(suf);

	return n >= m && !strcasecmp(name + n - m, suf);
}

/* The format of an input, from its head (and its name for HTML). */
static enum kg_format detect(const char *name, const char *p, size_t n)
{
	size_t i = 0, j;

	if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		i = 3;	/* UTF-8 byte order mark */
	i = skip_space(p, i, n);
	if (i < n && (p[i] == '{' || p[i] == '[')) {
		j = skip_space(p, i + 1, n);
		/* "[Reuters] ..." is text; '{"' or '[{' starts JSON. */
		if (j < n && p[i] == '{' && (p[j] == '"' || p[j] == '}'))
			return KG_FMT_JSONL;	/* kg_read_jsonl falls back to JSON */
		if (j < n && p[i] == '[' && (p[j] == '{' || p[j] == ']'))
			return KG_FMT_JSON;
		return KG_FMT_TEXT;
	}
	if (i < n && p[i] == '<' &&
	    ((n - i >= 14 && !strncasecmp(p + i, "<!doctype html", 14)) ||
	     (n - i >= 5 && !strncasecmp(p + i, "<html", 5))))
		return KG_FMT_HTML;
	if (has_suffix(name, ".html") || has_suffix(name, ".htm"))
		return KG_FMT_HTML;
	return KG_FMT_TEXT;
}

static int read_src(struct kg_src *s, const struct kg_read_opts *o, kg_article_fn fn, void *ctx)
{
	size_t n = kg_src_avail(s);
	enum kg_format fmt = o->format;

	if (!n) {
		if (s->err)
			return kg_error("%s: read error: %s", s->name, strerror(s->err)), 1;
		return kg_error("%s: empty input, skipped", s->name), 1;
	}
	if (kg_input_is_binary(s->p + s->pos, n < KG_INPUT_PEEK ? n : KG_INPUT_PEEK))
		return kg_error("%s: binary file (NUL, control or non-UTF-8 bytes), skipped", s->name), 1;
	if (fmt == KG_FMT_AUTO)
		fmt = detect(s->name, s->p + s->pos, n);
	switch (fmt) {
	case KG_FMT_JSON:
		return kg_read_json(s, o, fn, ctx);
	case KG_FMT_JSONL:
		return kg_read_jsonl(s, o, fn, ctx);
	case KG_FMT_HTML:
		return kg_read_html(s, o, fn, ctx);
	default:
		return kg_read_text(s, o, fn, ctx);
	}
}

int kg_read_buffer(const char *name, const char *data, size_t len,
		   const struct kg_read_opts *o, kg_article_fn fn, void *ctx)
{
	struct kg_src s;
	int ret;

	kg_src_mem(&s, name, data, len);
	ret = read_src(&s, o, fn, ctx);
	kg_src_release(&s);
	return ret;
}

static int read_file(const char *path, const struct kg_read_opts *o, kg_article_fn fn, void *ctx)
{
	struct kg_src s;
	FILE *f;
	int ret;

	if (!strcmp(path, "-")) {
		kg_src_file(&s, "<stdin>", stdin, o);
		ret = read_src(&s, o, fn, ctx);
		kg_src_release(&s);
		return ret;
	}
	if (!(f = fopen(path, "rb")))
		return kg_error("%s:", path), 1;
	kg_src_file(&s, path, f, o);
	ret = read_src(&s, o, fn, ctx);
	kg_src_release(&s);
	fclose(f);
	return ret;
}

/* Directories */

/* The directories entered so far, by (device, inode): open addressing. */
struct visited {
	struct {
		dev_t dev;
		ino_t ino;
		int used;
	} *v;
	size_t n, cap;
};

/* Add (dev, ino); 0 if it was there already. */
static int visit(struct visited *vs, dev_t dev, ino_t ino)
{
	size_t i, h;

	if (2 * (vs->n + 1) > vs->cap) {
		struct visited bigger = {NULL, 0, vs->cap ? 2 * vs->cap : 64};

		bigger.v = kg_xcalloc(bigger.cap, sizeof *bigger.v);
		for (i = 0; i < vs->cap; i++)
			if (vs->v[i].used)
				visit(&bigger, vs->v[i].dev, vs->v[i].ino);
		free(vs->v);
		*vs = bigger;
	}
	h = (size_t)((unsigned long long)ino * 0x9E3779B97F4A7C15ULL ^ (unsigned long long)dev);
	for (i = h % vs->cap; vs->v[i].used; i = (i + 1) % vs->cap)
		if (vs->v[i].dev == dev && vs->v[i].ino == ino)
			return 0;
	vs->v[i].dev = dev;
	vs->v[i].ino = ino;
	vs->v[i].used = 1;
	vs->n++;
	return 1;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int read_dir(const char *path, const struct stat *dst, struct visited *vs,
		    const struct kg_read_opts *o, kg_article_fn fn, void *ctx, int depth)
{
	DIR *d;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	int bad = 0, r;

	if (!visit(vs, dst->st_dev, dst->st_ino))
		return kg_error("%s: directory already walked (a symlink loop?), skipped", path), 1;
	if (depth > 64)
		return kg_error("%s: directories nested too deep, skipped", path), 1;
	if (!(d = opendir(path)))
		return kg_error("%s:", path), 1;
	errno = 0;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;	/* ., .., hidden files */
		KG_GROW(names, n + 1, cap);
		names[n++] = kg_xstrdup(de->d_name);
	}
	if (errno)
		bad += kg_error("%s: cannot list directory:", path) < 0;
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_names);
	for (i = 0; i < n; i++) {
		struct kg_buf p = KG_BUF_INIT;
		struct stat st;

		kg_buf_addf(&p, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", names[i]);
		r = 0;
		if (stat(p.s, &st) < 0)
			r = kg_error("%s:", p.s) < 0;
		else if (S_ISDIR(st.st_mode))
			r = read_dir(p.s, &st, vs, o, fn, ctx, depth + 1);
		else if (S_ISREG(st.st_mode))
			r = read_file(p.s, o, fn, ctx);
		else
			kg_info("%s: not a regular file, skipped", p.s);	/* FIFOs would block */
		kg_buf_release(&p);
		if (r < 0) {
			bad = r;
			break;
		}
		bad += r;
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return bad;
}

int kg_read_path(const char *path, const struct kg_read_opts *o, kg_article_fn fn, void *ctx)
{
	struct stat st;
	struct visited vs = {0};
	int ret;

	if (!strcmp(path, "-") || stat(path, &st) < 0 || !S_ISDIR(st.st_mode))
		return read_file(path, o, fn, ctx);
	ret = read_dir(path, &st, &vs, o, fn, ctx, 0);
	free(vs.v);
	return ret;
}
