/*
 * fuzz_csv_writer — libFuzzer round trip for the CSV writer
 * (src/render/csv.c): the input is split on 0x00 into cells and on 0x01
 * into rows; the cells are written with csv_cell, the document is read back
 * with libcsv (strict, spaces kept, as a spreadsheet would) and every cell
 * must come back unchanged, except that cells starting with = + - @ TAB CR
 * come back with the apostrophe the writer adds against formula injection.
 */
#include "../../src/lib/buf.h"
#include "../../src/render/csv.h"

#include <csv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAXC 256

struct cells {
	char *v[MAXC];
	size_t len[MAXC];
	int row[MAXC];
	int n;
};

struct reader {
	struct cells got;
	int row;
};

static void on_field(void *s, size_t len, void *ctx)
{
	struct reader *r = ctx;
	if (r->got.n >= MAXC)
		abort();
	r->got.v[r->got.n] = malloc(len + 1);
	if (!r->got.v[r->got.n])
		abort();
	memcpy(r->got.v[r->got.n], s, len);
	r->got.v[r->got.n][len] = 0;
	r->got.len[r->got.n] = len;
	r->got.row[r->got.n] = r->row;
	r->got.n++;
}

static void on_row(int c, void *ctx)
{
	(void)c;
	((struct reader *)ctx)->row++;
}

static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	struct cells want = {.n = 0};
	struct buf b = BUF_INIT;
	struct csv w;
	csv_begin(&w, &b);
	size_t start = 0;
	int row = 0;
	for (size_t i = 0; i <= size && want.n < MAXC; i++) {
		if (i < size && data[i] != 0 && data[i] != 1)
			continue;
		size_t len = i - start;
		char *cell = malloc(len + 2);
		if (!cell)
			abort();
		memcpy(cell, data + start, len);
		cell[len] = 0;
		csv_cell(&w, cell);
		/* what a reader must see */
		bool formula = len > 0 && strchr("=+-@\t\r", cell[0]) != NULL;
		if (formula) {
			memmove(cell + 1, cell, len + 1);
			cell[0] = '\'';
			len++;
		}
		want.v[want.n] = cell;
		want.len[want.n] = len;
		want.row[want.n] = row;
		want.n++;
		if (i < size && data[i] == 1) {
			csv_end_row(&w);
			row++;
		}
		start = i + 1;
	}
	csv_end_row(&w);
	if (b.err)
		abort();

	struct csv_parser p;
	struct reader r = {.got = {.n = 0}, .row = 0};
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		abort();
	csv_set_space_func(&p, no_space);
	const char *doc = b.data;
	size_t dl = b.len;
	if (dl < 3 || memcmp(doc, "\xEF\xBB\xBF", 3) != 0)
		abort(); /* the writer starts with a BOM */
	if (csv_parse(&p, doc + 3, dl - 3, on_field, on_row, &r) != dl - 3)
		abort(); /* the writer's output must be strict CSV */
	if (csv_fini(&p, on_field, on_row, &r) != 0)
		abort();
	csv_free(&p);

	/* a row of one empty cell is written as an empty line, which libcsv skips */
	int gi = 0;
	for (int i = 0; i < want.n; i++) {
		bool lone_empty = want.len[i] == 0 && (i == 0 || want.row[i - 1] != want.row[i]) &&
				  (i + 1 == want.n || want.row[i + 1] != want.row[i]);
		if (lone_empty)
			continue; /* libcsv reports no field for an empty line */
		if (gi >= r.got.n || r.got.len[gi] != want.len[i] ||
		    memcmp(r.got.v[gi], want.v[i], want.len[i]) != 0)
			abort(); /* a cell did not survive the round trip */
		gi++;
	}
	if (gi != r.got.n)
		abort();
	for (int i = 0; i < want.n; i++)
		free(want.v[i]);
	for (int i = 0; i < r.got.n; i++)
		free(r.got.v[i]);
	buf_free(&b);
	return 0;
}
