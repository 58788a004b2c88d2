/*
 * fuzz_indicatoren_json — libFuzzer target for the indicator JSON reader
 * (src/io/indicatoren_json.c, OData v4) and the number and period rules
 * (src/domain/indicatoren.c) on arbitrary bytes: the reader either rejects
 * the input with a message naming the file, or returns a header row and at
 * least one element row, every row exactly ncols non-NULL cells, line[r]
 * the element's position r; the shape is long exactly when the header has
 * Measure and Value. Every cell is then parsed as a number and as a period
 * without crashing, and a number read is finite.
 */
#include "../../src/domain/indicatoren.h"
#include "../../src/io/indicatoren_json.h"
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
	enum ind_json_shape shape;
	char err[512] = "";
	(void)indicatoren_json_detect((const char *)data, size, "f.json");
	int rc = indicatoren_json_read(a, (const char *)data, size, "f.json", &sh, &shape, err,
				       sizeof err);
	if (rc == 0) {
		if (sh.nrows < 2 || sh.ncols < 1 || sh.ncols > INDICATOREN_JSON_MAX_FIELDS)
			abort();
		bool measure = false, value = false;
		for (int c = 0; c < sh.ncols; c++) {
			measure = measure || strcmp(sh.cells[0][c], "Measure") == 0;
			value = value || strcmp(sh.cells[0][c], "Value") == 0;
		}
		if ((shape == IND_JSON_LONG) != (measure && value))
			abort();
		for (int r = 0; r < sh.nrows; r++) {
			if (sh.line[r] != r)
				abort();
			for (int c = 0; c < sh.ncols; c++) {
				const char *cell = sh.cells[r][c];
				if (!cell)
					abort();
				double v;
				enum ind_number k = indicator_parse_number(cell, &v);
				if (k == IND_NUM_VALUE && !isfinite(v))
					abort();
				char p[INDICATOR_PERIOD_MAX + 1];
				bool prov;
				if (indicator_period_normalise(cell, p, sizeof p, &prov) &&
				    strlen(p) < 4)
					abort();
			}
		}
	} else if (!strstr(err, "f.json")) {
		abort(); /* a rejection always names the file */
	}
	arena_free(a);
	return 0;
}
