/*
 * financien_kengetallen_csv — reader and template of the kengetal input
 * file; see financien_kengetallen_csv.h.
 */
#include "financien_kengetallen_csv.h"
#include "../domain/financien_kengetallen.h"
#include "../lib/arena.h"
#include "../render/csv.h"
#include "indicatoren_csv.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

const char *const kg_csv_names[KG_CSV_NCOLS] = {"jaar",	  "soort",   "onderdeel",
						"bedrag", "eenheid", "bron"};

int kg_csv_read(struct arena *a, const char *data, size_t len, const char *file,
		struct kg_csv_row **out, int *n, char *err, size_t errlen)
{
	*out = NULL;
	*n = 0;
	if (len > KG_CSV_MAX_BYTES) {
		snprintf(err, errlen, "%s: het bestand is groter dan 1 MiB.", file);
		return -1;
	}
	struct sheet sh;
	char delim;
	if (indicatoren_csv_read(a, data, len, file, &sh, &delim, err, errlen))
		return -1;
	if (sh.nrows < 1) {
		snprintf(err, errlen, "%s: het bestand is leeg.", file);
		return -1;
	}
	int at[KG_CSV_NCOLS];
	for (int c = 0; c < KG_CSV_NCOLS; c++) {
		at[c] = -1;
		for (int k = 0; k < sh.ncols && at[c] < 0; k++)
			if (strcasecmp(sheet_cell(&sh, 0, k), kg_csv_names[c]) == 0)
				at[c] = k;
		if (at[c] < 0) {
			snprintf(err, errlen,
				 "%s, regel %d: de kolom \"%s\" ontbreekt (nodig: jaar, soort, "
				 "onderdeel, bedrag, eenheid, bron).",
				 file, sh.line[0], kg_csv_names[c]);
			return -1;
		}
	}
	struct kg_csv_row *rows =
	    arena_calloc(a, (size_t)(sh.nrows > 1 ? sh.nrows - 1 : 1), sizeof *rows);
	for (int r = 1; r < sh.nrows; r++) {
		struct kg_csv_row *row = &rows[r - 1];
		row->line = sh.line[r];
		for (int c = 0; c < KG_CSV_NCOLS; c++) {
			row->cell[c] = sheet_cell(&sh, r, at[c]);
			row->col[c] = at[c] + 1;
		}
	}
	*out = rows;
	*n = sh.nrows - 1;
	return 0;
}

void kg_csv_template(struct buf *b)
{
	struct csv c;
	csv_begin(&c, b);
	for (int i = 0; i < KG_CSV_NCOLS; i++)
		csv_cell(&c, kg_csv_names[i]);
	csv_cell(&c, "toelichting");
	csv_end_row(&c);
	for (int i = 0; i < KG_N_COMP; i++) {
		csv_cell(&c, "");
		csv_cell(&c, "");
		csv_cell(&c, kg_comps[i].key);
		csv_cell(&c, "");
		csv_cell(&c, kg_comps[i].household ? "euro" : "duizend_euro");
		csv_cell(&c, "");
		char t[400];
		snprintf(t, sizeof t, "%s (%s)", kg_comps[i].name, kg_comps[i].article);
		csv_cell(&c, t);
		csv_end_row(&c);
	}
}
