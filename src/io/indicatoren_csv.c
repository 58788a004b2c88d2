/*
 * indicatoren_csv — the reader of indicator CSV files; see indicatoren_csv.h.
 */
#include "indicatoren_csv.h"
#include "../lib/arena.h"
#include "../lib/buf.h"
#include "../lib/text.h"

#include <stdio.h>
#include <string.h>

/* The separator: ';' or ',' by count on the first non-empty line. */
static char sniff(const char *p, size_t n)
{
	int semi = 0, comma = 0;
	bool q = false, seen = false;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		if (c == '"')
			q = !q;
		else if (!q && (c == '\n' || c == '\r')) {
			if (seen)
				break;
		} else {
			seen = true;
			if (!q && c == ';')
				semi++;
			else if (!q && c == ',')
				comma++;
		}
	}
	return semi > comma ? ';' : ',';
}

struct rowbuf {
	const char **cells;
	int n, cap;
};

static const char *trimmed(struct arena *a, const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return arena_strndup(a, s, n);
}

int indicatoren_csv_read(struct arena *a, const char *data, size_t len, const char *file,
			 struct sheet *out, char *delim, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	out->file = file;
	out->name = file;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (len > INDICATOREN_CSV_MAX_BYTES) {
		snprintf(err, errlen, "%s: het bestand is groter dan %u MiB", file,
			 INDICATOREN_CSV_MAX_BYTES >> 20);
		return -1;
	}
	if (!utf8_is_valid(data, len)) {
		snprintf(err, errlen, "%s: het bestand is geen geldige UTF-8-tekst", file);
		return -1;
	}
	char d = sniff(data, len);
	*delim = d;
	int rcap = 64, nrows = 0, ncols = 0;
	const char ***rows = arena_alloc(a, (size_t)rcap * sizeof *rows);
	int *lines = arena_alloc(a, (size_t)rcap * sizeof *lines);
	int *widths = arena_alloc(a, (size_t)rcap * sizeof *widths);
	struct buf field = BUF_INIT;
	const char *cells[INDICATOREN_CSV_MAX_COLS];
	int nc = 0, line = 1, row_line = 1;
	bool q = false, quoted_field = false, any = false;
	size_t i = 0;
	int rc = 0;
	for (;;) {
		bool end = i >= len;
		char c = end ? '\n' : data[i];
		if (q && !end) {
			if (c == '"') {
				if (i + 1 < len && data[i + 1] == '"') {
					buf_putc(&field, '"');
					i += 2;
					continue;
				}
				q = false;
				i++;
				continue;
			}
			if (c == '\n')
				line++;
			buf_putc(&field, c);
			i++;
			continue;
		}
		if (q && end) {
			snprintf(err, errlen,
				 "%s, regel %d: een aanhalingsteken wordt niet gesloten", file,
				 row_line);
			rc = -1;
			break;
		}
		if (c == '"' && field.len == 0 && !quoted_field) {
			q = true;
			quoted_field = true;
			any = true;
			i++;
			continue;
		}
		if (c == d || c == '\n' || c == '\r') {
			if (nc >= INDICATOREN_CSV_MAX_COLS) {
				snprintf(err, errlen, "%s, regel %d: meer dan %d kolommen", file,
					 row_line, INDICATOREN_CSV_MAX_COLS);
				rc = -1;
				break;
			}
			cells[nc++] =
			    quoted_field ? arena_strndup(a, field.data ? field.data : "", field.len)
					 : trimmed(a, field.data ? field.data : "", field.len);
			buf_reset(&field);
			quoted_field = false;
			if (c == d) {
				any = true;
				i++;
				continue;
			}
			/* end of a record */
			if (any) {
				if (nrows == rcap) {
					int cap = rcap * 2;
					const char ***r2 = arena_alloc(a, (size_t)cap * sizeof *r2);
					int *l2 = arena_alloc(a, (size_t)cap * sizeof *l2);
					int *w2 = arena_alloc(a, (size_t)cap * sizeof *w2);
					memcpy(r2, rows, (size_t)nrows * sizeof *r2);
					memcpy(l2, lines, (size_t)nrows * sizeof *l2);
					memcpy(w2, widths, (size_t)nrows * sizeof *w2);
					rows = r2;
					lines = l2;
					widths = w2;
					rcap = cap;
				}
				const char **r = arena_alloc(a, (size_t)nc * sizeof *r);
				memcpy(r, cells, (size_t)nc * sizeof *r);
				rows[nrows] = r;
				lines[nrows] = row_line;
				widths[nrows] = nc;
				if (nc > ncols)
					ncols = nc;
				nrows++;
			}
			nc = 0;
			any = false;
			if (end)
				break;
			if (c == '\r' && i + 1 < len && data[i + 1] == '\n')
				i++;
			i++;
			line++;
			row_line = line;
			continue;
		}
		any = true;
		buf_putc(&field, c);
		i++;
	}
	buf_free(&field);
	if (rc)
		return -1;
	for (int k = 0; k < nrows; k++) {
		if (widths[k] >= ncols)
			continue;
		const char **r = arena_alloc(a, (size_t)ncols * sizeof *r);
		memcpy(r, rows[k], (size_t)widths[k] * sizeof *r);
		for (int c2 = widths[k]; c2 < ncols; c2++)
			r[c2] = "";
		rows[k] = r;
	}
	out->ncols = ncols;
	out->nrows = nrows;
	out->cells = rows;
	out->line = lines;
	return 0;
}
