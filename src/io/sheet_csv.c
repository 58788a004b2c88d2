/*
 * sheet_csv — a CSV file as a sheet (io/sheet.h): libcsv, fed line by line
 * so every row knows the line it starts on (a quoted cell may span lines),
 * UTF-8 checked, an optional BOM dropped, rows padded to the header width.
 * Everything lands in the caller's arena.
 */
#include "sheet.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SHEET_ROW_NOT_BEGUN = 0 };

/* Widest row and most rows a CSV sheet may have. */
#define SHEET_MAX_COLS 64
#define SHEET_MAX_ROWS 20000

int sheet_col(const struct sheet *sh, const char *h)
{
	if (!sh || !h || sh->nrows < 1)
		return -1;
	for (int c = 0; c < sh->ncols; c++)
		if (strcmp(sh->cells[0][c], h) == 0)
			return c;
	return -1;
}

const char *sheet_cell(const struct sheet *sh, int row, int col)
{
	if (!sh || row < 0 || row >= sh->nrows || col < 0 || col >= sh->ncols)
		return "";
	const char *v = sh->cells[row][col];
	return v ? v : "";
}

struct srow {
	int line;
	int n;
	const char *v[SHEET_MAX_COLS];
};

struct sctx {
	struct arena *a;
	struct srow cur;
	struct srow *rows;
	int nrows, cap;
	int start_line;
	int too_wide; /* line of the first row wider than SHEET_MAX_COLS, 0 = none */
	int too_long;
};

static void on_field(void *data, size_t len, void *arg)
{
	struct sctx *c = arg;
	if (c->cur.n >= SHEET_MAX_COLS) {
		if (!c->too_wide)
			c->too_wide = c->start_line;
		return;
	}
	c->cur.v[c->cur.n++] = arena_strndup(c->a, data ? data : "", data ? len : 0);
}

static void on_record(int ch, void *arg)
{
	(void)ch;
	struct sctx *c = arg;
	if (c->nrows >= SHEET_MAX_ROWS) {
		c->too_long = 1;
		memset(&c->cur, 0, sizeof c->cur);
		return;
	}
	if (c->nrows == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->rows = xreallocarray(c->rows, (size_t)c->cap, sizeof *c->rows);
	}
	c->cur.line = c->start_line;
	c->rows[c->nrows++] = c->cur;
	memset(&c->cur, 0, sizeof c->cur);
}

/* The length of the line at p (n bytes left) with its end: "\n", "\r\n"
 * or a lone "\r" (old spreadsheet exports). */
static size_t line_len(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\n')
			return i + 1;
		if (p[i] == '\r')
			return i + 1 < n && p[i + 1] == '\n' ? i + 2 : i + 1;
	}
	return n;
}

int sheet_read_csv(struct arena *a, const char *data, size_t len, const char *name,
		   const char *file, struct sheet *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	if (err && errlen)
		err[0] = '\0';
	if (!data)
		data = "";
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (!utf8_is_valid(data, len) || memchr(data, '\0', len)) {
		snprintf(err, errlen, "%s: het bestand is geen geldige UTF-8-tekst", file);
		return -1;
	}
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		snprintf(err, errlen, "%s: de CSV-lezer kon niet starten", file);
		return -1;
	}
	struct sctx c = {.a = a, .start_line = 1};
	size_t pos = 0;
	int line = 0, rc = 0;
	while (pos < len) {
		line++;
		size_t n = line_len(data + pos, len - pos);
		if (p.pstate == SHEET_ROW_NOT_BEGUN)
			c.start_line = line;
		if (csv_parse(&p, data + pos, n, on_field, on_record, &c) != n) {
			snprintf(err, errlen, "%s, regel %d: ongeldige CSV (%s)", file, line,
				 csv_error(&p) == CSV_EPARSE
				     ? "aanhalingsteken op een verkeerde plaats"
				     : csv_strerror(csv_error(&p)));
			rc = -1;
			break;
		}
		pos += n;
	}
	if (rc == 0 && csv_fini(&p, on_field, on_record, &c) != 0) {
		snprintf(err, errlen, "%s, regel %d: aanhalingsteken niet afgesloten", file,
			 c.start_line);
		rc = -1;
	}
	csv_free(&p);
	if (rc == 0 && c.too_wide) {
		snprintf(err, errlen, "%s, regel %d: meer dan %d kolommen", file, c.too_wide,
			 SHEET_MAX_COLS);
		rc = -1;
	}
	if (rc == 0 && c.too_long) {
		snprintf(err, errlen, "%s: meer dan %d regels", file, SHEET_MAX_ROWS);
		rc = -1;
	}
	if (rc == 0 && c.nrows == 0) {
		snprintf(err, errlen, "%s: het bestand is leeg (geen kopregel)", file);
		rc = -1;
	}
	int ncols = rc == 0 ? c.rows[0].n : 0;
	for (int r = 1; rc == 0 && r < c.nrows; r++) {
		if (c.rows[r].n > ncols) {
			snprintf(err, errlen, "%s, regel %d: %d kolommen, de kopregel heeft er %d",
				 file, c.rows[r].line, c.rows[r].n, ncols);
			rc = -1;
		}
	}
	if (rc == 0) {
		const char ***cells = arena_calloc(a, (size_t)c.nrows, sizeof *cells);
		int *lines = arena_calloc(a, (size_t)c.nrows, sizeof *lines);
		for (int r = 0; r < c.nrows; r++) {
			const char **row =
			    arena_calloc(a, (size_t)(ncols ? ncols : 1), sizeof *row);
			for (int k = 0; k < ncols; k++)
				row[k] = k < c.rows[r].n && c.rows[r].v[k] ? c.rows[r].v[k] : "";
			cells[r] = row;
			lines[r] = c.rows[r].line;
		}
		out->name = arena_strdup(a, name ? name : "");
		out->file = arena_strdup(a, file ? file : "");
		out->ncols = ncols;
		out->nrows = c.nrows;
		out->cells = cells;
		out->line = lines;
	}
	free(c.rows);
	return rc;
}
