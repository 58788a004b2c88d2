/*
 * fuzz_seed_csv — libFuzzer target for the seed CSV reader (src/io/seed.c)
 * on arbitrary bytes: the input is written to a temporary file and read
 * with a three-column header; the reader must either reject it with a
 * message or return rows with exactly ncols NUL-terminated cells.
 */
#include "../../src/io/seed.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!dir[0]) {
		snprintf(dir, sizeof dir, "/tmp/fuzz_seed_XXXXXX");
		if (!mkdtemp(dir))
			abort();
	}
	char path[128];
	snprintf(path, sizeof path, "%s/t.csv", dir);
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	static const char *const cols[] = {"key", "name", "description"};
	struct seed_file *sf = NULL;
	char err[512] = "";
	int rc = seed_read(dir, "t", cols, 3, &sf, err, sizeof err);
	if (rc == 0) {
		if (!sf || sf->ncols != 3 || sf->nrows < 0)
			abort();
		for (int i = 0; i < sf->nrows; i++)
			for (int c = 0; c < 3; c++)
				if (!sf->rows[i].cols[c] || sf->rows[i].line < 1)
					abort();
	} else if (!err[0] || sf) {
		abort(); /* a rejection always says why and returns nothing */
	}
	seed_file_free(sf);
	return 0;
}
