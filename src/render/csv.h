/*
 * csv — the CSV writer for exports: RFC 4180 quoting, UTF-8 with a BOM so
 * Excel opens Dutch text correctly, semicolon-free comma separation, and
 * cells that begin with = + - @ (or a tab/CR) prefixed with an apostrophe so
 * spreadsheet programs do not run them as formulas (OWASP CSV injection).
 */
#ifndef ATLAS_CSV_H
#define ATLAS_CSV_H

#include "../lib/buf.h"
#include <stdbool.h>
#include <stdint.h>

struct csv {
	struct buf *b;
	bool row_started; /* a cell was written on the current row */
};

/* Start a CSV document in b (writes the UTF-8 BOM). */
void csv_begin(struct csv *c, struct buf *b);
/* One text cell (NULL = empty). */
void csv_cell(struct csv *c, const char *s);
/* One integer cell. */
void csv_int(struct csv *c, int64_t v);
/* One decimal cell (up to 6 significant decimals, '.' as separator). */
void csv_num(struct csv *c, double v);
/* End the current row (CRLF, as RFC 4180 says). */
void csv_end_row(struct csv *c);

#endif
