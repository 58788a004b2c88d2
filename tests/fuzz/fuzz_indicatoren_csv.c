/*
 * fuzz_indicatoren_csv — libFuzzer target for the indicator CSV reader
 * (src/io/indicatoren_csv.c) and the number and period rules
 * (src/domain/indicatoren.c) on arbitrary bytes: the reader either rejects
 * the input with a message naming the file, or returns rows of exactly
 * ncols non-NULL cells with increasing line numbers; every cell is then
 * parsed as a number and as a period without crashing, and a number read
 * is finite.
 */
#include "../../src/domain/indicatoren.h"
#include "../../src/io/indicatoren_csv.h"
#include "../../src/lib/arena.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	struct sheet sh;
	char delim = 0, err[512] = "";
	int rc = indicatoren_csv_read(a, (const char *)data, size, "f.csv", &sh, &delim, err,
				      sizeof err);
	if (rc == 0) {
		if (delim != ';' && delim != ',')
			abort();
		if (sh.nrows < 0 || sh.ncols < 0 || sh.ncols > INDICATOREN_CSV_MAX_COLS)
			abort();
		for (int r = 0; r < sh.nrows; r++) {
			if (sh.line[r] < 1 || (r && sh.line[r] <= sh.line[r - 1]))
				abort();
			for (int c = 0; c < sh.ncols; c++) {
				const char *cell = sh.cells[r][c];
				if (!cell)
					abort();
				double v;
				enum ind_number k = indicator_parse_number(cell, &v);
				if (k == IND_NUM_VALUE && !isfinite(v))
					abort();
				if (k != IND_NUM_VALUE && v != 0)
					abort();
				char p[INDICATOR_PERIOD_MAX + 1];
				bool prov;
				if (indicator_period_normalise(cell, p, sizeof p, &prov) &&
				    strlen(p) < 4)
					abort();
			}
		}
	} else if (!strstr(err, "f.csv")) {
		abort(); /* a rejection always names the file */
	}
	arena_free(a);
	return 0;
}
