/*
 * sheet — a table as it arrives from a partner: a named sheet of text
 * cells, row 0 the header. Read from CSV (io/sheet_csv.c, libcsv) or from
 * the worksheets of an XLSX workbook (io/xlsx.c, libzip + libxml2). The
 * change-set import (app/changeset.h) reads its files through this one
 * shape, whatever the file format.
 *
 * Everything a reader returns lives in the arena it was given. Cells are
 * never NULL ("" for an empty cell); rows shorter than the header are
 * padded with "". Readers reject what they cannot read with a Dutch
 * message naming the file (and line or cell) and return -1.
 */
#ifndef ATLAS_IO_SHEET_H
#define ATLAS_IO_SHEET_H

#include <stddef.h>

struct arena;

struct sheet {
	const char *name;    /* "sources", "organisation_changes", … (file or worksheet name
				without extension) */
	const char *file;    /* what a message names: "wijzigingen.xlsx, blad sources" */
	int ncols;	     /* header width */
	int nrows;	     /* rows including the header */
	const char ***cells; /* cells[row][col] */
	const int *line;     /* line[row]: the 1-based line (CSV) or row number (XLSX) */
};

/* The column index of header name h, or -1. */
int sheet_col(const struct sheet *sh, const char *h);

/* Cell (row, col), "" when col < 0 or out of range. */
const char *sheet_cell(const struct sheet *sh, int row, int col);

/* Parse CSV text (UTF-8, optional BOM, comma separated, RFC 4180 quoting)
 * into one sheet named name; file is used in messages. */
int sheet_read_csv(struct arena *a, const char *data, size_t len, const char *name,
		   const char *file, struct sheet *out, char *err, size_t errlen);

/* Limits against hostile workbooks (xlsx.c): at most this many sheets,
 * rows per sheet, and bytes of uncompressed XML per part. */
#define XLSX_MAX_SHEETS 32
#define XLSX_MAX_ROWS 20000
#define XLSX_MAX_PART_BYTES (16u << 20)

/* Read every worksheet of an XLSX workbook (bytes data, len) into *out
 * (*n sheets, each named after its worksheet); file names the upload in
 * messages. Shared strings, inline strings, numbers and booleans are read;
 * a date cell (a number with a date style) becomes YYYY-MM-DD. */
int sheet_read_xlsx(struct arena *a, const void *data, size_t len, const char *file,
		    struct sheet **out, int *n, char *err, size_t errlen);

#endif
