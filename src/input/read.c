/*
 * read.c: files, directories and stdin to articles.
 *
 * Plain text: the whole file is one article; its first line is the title
 * when it stands alone (short, no final period, followed by more text).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/err.h"
#include "input/input.h"

int kg_format_parse(const char *s)
{
	static const char *const names[] = {"auto", "text", "json", "jsonl"};

	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp(s, names[i]))
			return (int)i;
	return -1;
}

static int read_stream(FILE *f, struct kg_buf *b)
{
	char chunk[65536];
	size_t n;

	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		kg_buf_add(b, chunk, n);
	return ferror(f) ? -1 : 0;
}

/* The first line, when it is a title: short and without final punctuation. */
static char *title_of(const char *s, size_t len)
{
	const char *nl = memchr(s, '\n', len);
	size_t n;

	if (!nl)
		return NULL;
	n = (size_t)(nl - s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\r'))
		n--;
	if (!n || n > 200 || s[n - 1] == '.' || s[n - 1] == ',')
		return NULL;
	return kg_xstrndup(s, n);
}

static int read_text(const char *path, FILE *f, const struct kg_read_opts *o,
		     kg_article_fn fn, void *ctx)
{
	struct kg_buf b = KG_BUF_INIT;
	struct kg_article a = {0};
	char *title = NULL;
	int ret;

	if (read_stream(f, &b) < 0) {
		kg_buf_release(&b);
		return kg_error("%s: read error:", path), 1;
	}
	title = title_of(b.s, b.len);
	a.id = path;
	a.title = title;
	a.date = o->date;
	a.text = b.s;
	a.len = b.len;
	a.origin = path;
	ret = fn(&a, ctx);
	free(title);
	kg_buf_release(&b);
	return ret ? ret : 0;
}

static int read_file(const char *path, const struct kg_read_opts *o, kg_article_fn fn, void *ctx)
{
	FILE *f;
	int ret;

	if (!strcmp(path, "-"))
		return read_text("-", stdin, o, fn, ctx);
	if (!(f = fopen(path, "rb")))
		return kg_error("%s:", path), 1;
	ret = read_text(path, f, o, fn, ctx);
	fclose(f);
	return ret;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int read_dir(const char *path, const struct kg_read_opts *o, kg_article_fn fn,
		    void *ctx, int depth)
{
	DIR *d;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	int bad = 0, r;

	if (depth > 64)
		return kg_error("%s: directories nested too deep", path), 1;
	if (!(d = opendir(path)))
		return kg_error("%s:", path), 1;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;	/* ., .., hidden files */
		KG_GROW(names, n + 1, cap);
		names[n++] = kg_xstrdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_names);
	for (i = 0; i < n; i++) {
		struct kg_buf p = KG_BUF_INIT;
		struct stat st;

		kg_buf_addf(&p, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", names[i]);
		if (stat(p.s, &st) < 0) {
			bad += kg_error("%s:", p.s) < 0;
		} else if (S_ISDIR(st.st_mode)) {
			r = read_dir(p.s, o, fn, ctx, depth + 1);
			if (r < 0) {
				kg_buf_release(&p);
				bad = r;
				goto out;
			}
			bad += r;
		} else if (S_ISREG(st.st_mode)) {
			r = read_file(p.s, o, fn, ctx);
			if (r < 0) {
				kg_buf_release(&p);
				bad = r;
				goto out;
			}
			bad += r;
		}
		kg_buf_release(&p);
	}
out:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return bad;
}

int kg_read_path(const char *path, const struct kg_read_opts *o, kg_article_fn fn, void *ctx)
{
	struct stat st;

	if (strcmp(path, "-") && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return read_dir(path, o, fn, ctx, 0);
	return read_file(path, o, fn, ctx);
}
