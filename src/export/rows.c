/*
 * rows.c: query results in the formats analysts paste elsewhere.
 *
 * One table of writers (as the sqlite3 shell keeps its modes): each has a
 * header, row and footer function.  The table format must see every row
 * to size its columns, so it buffers; the others stream.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "export/export.h"

enum { F_TABLE, F_CSV, F_TSV, F_JSON, F_JSONL, F_N };

static const char *const names[F_N] = {"table", "csv", "tsv", "json", "jsonl"};

int kg_rows_format(const char *name)
{
	for (int i = 0; i < F_N; i++)
		if (!strcmp(name, names[i]))
			return i;
	return -1;
}

const char *kg_rows_formats(void)
{
	return "table|csv|tsv|json|jsonl";
}

static void csv_field(FILE *out, const char *s)
{
	if (!strpbrk(s, ",\"\n\r")) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

static void tsv_field(FILE *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\t': fputs("\\t", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\\': fputs("\\\\", out); break;
		default: fputc(*s, out);
		}
	}
}

static json_t *json_value(sqlite3_stmt *s, int i, unsigned long json_cols)
{
	if (i < (int)(8 * sizeof json_cols) && (json_cols >> i & 1) &&
	    sqlite3_column_type(s, i) == SQLITE_TEXT) {
		json_t *j = json_loadb((const char *)sqlite3_column_text(s, i),
				       (size_t)sqlite3_column_bytes(s, i), JSON_DECODE_ANY, NULL);
		if (j)
			return j;
	}
	switch (sqlite3_column_type(s, i)) {
	case SQLITE_INTEGER:
		return json_integer(sqlite3_column_int64(s, i));
	case SQLITE_FLOAT:
		return json_real(sqlite3_column_double(s, i));
	case SQLITE_NULL:
		return json_null();
	default:
		return json_stringn((const char *)sqlite3_column_text(s, i),
				    (size_t)sqlite3_column_bytes(s, i));
	}
}

/* Display width of a UTF-8 string (code points; good enough for a table). */
static size_t width(const char *s)
{
	size_t w = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
	return w;
}

static void pad(FILE *out, const char *s, size_t w)
{
	fputs(s, out);
	for (size_t n = width(s); n < w; n++)
		fputc(' ', out);
}

/* Cells are kept as one-line strings: table output is for reading. */
static char *cell(sqlite3_stmt *s, int i)
{
	const char *t = (const char *)sqlite3_column_text(s, i);
	char *c = kg_xstrdup(t ? t : "");

	for (char *p = c; *p; p++)
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
	return c;
}

static int write_table(FILE *out, sqlite3_stmt *s, int *rc)
{
	int nc = sqlite3_column_count(s), i;
	size_t *w = kg_xcalloc((size_t)nc, sizeof *w), nrows = 0, cap = 0, r;
	char **cells = NULL;

	for (i = 0; i < nc; i++)
		w[i] = width(sqlite3_column_name(s, i));
	while ((*rc = sqlite3_step(s)) == SQLITE_ROW) {
		KG_GROW(cells, (nrows + 1) * (size_t)nc, cap);
		for (i = 0; i < nc; i++) {
			char *c = cell(s, i);
			size_t cw = width(c);
			cells[nrows * (size_t)nc + (size_t)i] = c;
			if (cw > w[i])
				w[i] = cw;
		}
		nrows++;
	}
	for (i = 0; i < nc; i++) {
		pad(out, sqlite3_column_name(s, i), i + 1 < nc ? w[i] : 0);
		fputs(i + 1 < nc ? "  " : "\n", out);
	}
	for (i = 0; i < nc; i++) {
		for (size_t k = 0; k < w[i]; k++)
			fputc('-', out);
		fputs(i + 1 < nc ? "  " : "\n", out);
	}
	for (r = 0; r < nrows; r++)
		for (i = 0; i < nc; i++) {
			char *c = cells[r * (size_t)nc + (size_t)i];
			pad(out, c, i + 1 < nc ? w[i] : 0);
			fputs(i + 1 < nc ? "  " : "\n", out);
			free(c);
		}
	free(cells);
	free(w);
	return 0;
}

int kg_rows_write(FILE *out, int format, sqlite3_stmt *s, const char *what)
{
	return kg_rows_write_nested(out, format, s, what, 0);
}

int kg_rows_is_json(int format)
{
	return format == F_JSON || format == F_JSONL;
}

int kg_rows_write_nested(FILE *out, int format, sqlite3_stmt *s, const char *what,
			 unsigned long json_cols)
{
	int nc = sqlite3_column_count(s), i, rc = SQLITE_DONE, first = 1;

	if (format == F_TABLE) {
		write_table(out, s, &rc);
		goto done;
	}
	if (format == F_CSV || format == F_TSV) {
		for (i = 0; i < nc; i++) {
			if (i)
				fputc(format == F_CSV ? ',' : '\t', out);
			(format == F_CSV ? csv_field : tsv_field)(out, sqlite3_column_name(s, i));
		}
		if (nc)
			fputc(format == F_CSV ? '\r' : '\n', out);
		if (nc && format == F_CSV)
			fputc('\n', out);
	}
	if (format == F_JSON)
		fputc('[', out);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (format == F_CSV || format == F_TSV) {
			for (i = 0; i < nc; i++) {
				const char *t = (const char *)sqlite3_column_text(s, i);
				if (i)
					fputc(format == F_CSV ? ',' : '\t', out);
				(format == F_CSV ? csv_field : tsv_field)(out, t ? t : "");
			}
			fputs(format == F_CSV ? "\r\n" : "\n", out);
		} else {
			json_t *o = json_object();
			for (i = 0; i < nc; i++)
				json_object_set_new(o, sqlite3_column_name(s, i), json_value(s, i, json_cols));
			if (format == F_JSON)
				fputs(first ? "\n" : ",\n", out);
			json_dumpf(o, out, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
			if (format == F_JSONL)
				fputc('\n', out);
			json_decref(o);
			first = 0;
		}
	}
	if (format == F_JSON)
		fputs(first ? "]\n" : "\n]\n", out);
done:
	if (rc != SQLITE_DONE)
		return kg_error("%s: %s", what, sqlite3_errmsg(sqlite3_db_handle(s)));
	return 0;
}
