/*
 * financien_kengetallen_csv — the CSV file of kengetal inputs: its reader
 * (columns jaar, soort, onderdeel, bedrag, eenheid, bron in any order; a
 * column toelichting and other columns are ignored; ';' or ',' separated,
 * UTF-8 with or without BOM, through io/indicatoren_csv.h) and the
 * downloadable template (every component on a row of its own, with its
 * name and BBV article as toelichting). Checking the cells is
 * app/financien_kengetallen.c's business.
 */
#ifndef ATLAS_IO_FINANCIEN_KENGETALLEN_CSV_H
#define ATLAS_IO_FINANCIEN_KENGETALLEN_CSV_H

#include "../lib/buf.h"

#include <stddef.h>

struct arena;

enum kg_csv_col {
	KG_CSV_JAAR,
	KG_CSV_SOORT,
	KG_CSV_ONDERDEEL,
	KG_CSV_BEDRAG,
	KG_CSV_EENHEID,
	KG_CSV_BRON,
	KG_CSV_NCOLS
};
/* "jaar", "soort", … : the header names. */
extern const char *const kg_csv_names[KG_CSV_NCOLS];

/* One data row: its 1-based line, and per column the cell and the 1-based
 * column number it came from. */
struct kg_csv_row {
	int line;
	const char *cell[KG_CSV_NCOLS];
	int col[KG_CSV_NCOLS];
};

/* The most bytes of one file. */
#define KG_CSV_MAX_BYTES (1u << 20)

/*
 * Read data (len bytes) of file: row 0 is the header. -1 with a Dutch
 * message naming file and line (and the missing column) in err when the
 * file cannot be read or a column is missing; otherwise 0 with the data
 * rows in *out (arena a).
 */
int kg_csv_read(struct arena *a, const char *data, size_t len, const char *file,
		struct kg_csv_row **out, int *n, char *err, size_t errlen);

/* The template: the header with toelichting, then one row per component
 * (jaar, soort, bedrag and bron empty, eenheid "duizend_euro" or, for the
 * amounts per household, "euro"). */
void kg_csv_template(struct buf *b);

#endif
