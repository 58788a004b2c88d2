/*
 * fuzz_xlsx — libFuzzer target for the XLSX reader (src/io/xlsx.c
 * sheet_read_xlsx) on arbitrary bytes: libzip opens them in memory and
 * libxml2 reads the parts. The reader must accept or reject with a
 * message naming the file, without crashing, leaking or reading out of
 * bounds; an accepted workbook has at most XLSX_MAX_SHEETS sheets of at
 * most XLSX_MAX_ROWS rows, every cell non-NULL. The seed corpus holds the
 * exceljs workbook of tests/fixtures/xlsx. Build/run: make fuzz.
 */
#include "../../src/io/sheet.h"
#include "../../src/lib/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	struct sheet *sh;
	int n;
	char err[512] = "";
	if (sheet_read_xlsx(a, data, size, "f.xlsx", &sh, &n, err, sizeof err) != 0) {
		if (strncmp(err, "f.xlsx: ", 8) != 0)
			abort(); /* a rejection always says why, naming the file */
	} else {
		if (n < 0 || n > XLSX_MAX_SHEETS)
			abort();
		for (int i = 0; i < n; i++) {
			if (!sh[i].name || !sh[i].file || sh[i].nrows > XLSX_MAX_ROWS)
				abort();
			for (int r = 0; r < sh[i].nrows; r++)
				for (int c = 0; c < sh[i].ncols; c++)
					if (!sh[i].cells[r][c])
						abort();
		}
	}
	arena_free(a);
	return 0;
}
