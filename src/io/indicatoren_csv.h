/*
 * indicatoren_csv — the reader of indicator files: the
 * repository's own files (the CSV files of data/indicatoren) and CBS-style exports.
 * UTF-8 with or without BOM; the separator is ';' or ',' (whichever of the
 * two the first non-empty line holds more of, outside quotes; ',' on a
 * tie); RFC 4180 quoting; LF or CRLF. Every line becomes a row (title and
 * footer lines of CBS exports included: the caller picks the header row);
 * rows shorter than the widest row are padded with "". Cells are trimmed of
 * surrounding spaces (StatLine's fixed-width padding).
 */
#ifndef ATLAS_IO_INDICATOREN_CSV_H
#define ATLAS_IO_INDICATOREN_CSV_H

#include "sheet.h"

#include <stddef.h>

struct arena;

/* Limits: bytes of one file, cells of one row. */
#define INDICATOREN_CSV_MAX_BYTES (64u << 20)
#define INDICATOREN_CSV_MAX_COLS 512

/*
 * Parse data (len bytes) into *out (everything in arena a): row 0 is the
 * first line, ncols the widest row, line[] the 1-based line each row starts
 * on. Empty lines are skipped. -1 with a Dutch message naming file and line
 * in err for invalid UTF-8, an unterminated quote or too many columns;
 * *delim is the separator used.
 */
int indicatoren_csv_read(struct arena *a, const char *data, size_t len, const char *file,
			 struct sheet *out, char *delim, char *err, size_t errlen);

#endif
