/*
 * test_xlsx — io/xlsx.c: a workbook written by a real spreadsheet library
 * (tests/fixtures/xlsx/changeset.xlsx, made by exceljs with make.mjs) read
 * into sheets — names, shared strings, numbers, a date cell as YYYY-MM-DD,
 * booleans, skipped empty rows with their row numbers, sparse rows padded —
 * and hostile or broken workbooks built here with libzip: not a zip, a
 * zip bomb (a part larger than XLSX_MAX_PART_BYTES uncompressed), a DTD
 * with entities, too many sheets, a missing workbook, a value without a
 * header, a bad shared string index; the 1904 date system.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/io/sheet.h"
#include "../../src/lib/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *d = malloc((size_t)n);
	assert_int_equal(fread(d, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return d;
}

struct part {
	const char *name;
	const char *data;
	size_t len; /* 0: strlen(data) */
};

/* A zip archive of parts, in memory (caller frees). */
static char *make_zip(const struct part *parts, int n, size_t *len)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	assert_non_null(src);
	zip_source_keep(src);
	zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(za);
	for (int i = 0; i < n; i++) {
		size_t l = parts[i].len ? parts[i].len : strlen(parts[i].data);
		zip_source_t *s = zip_source_buffer(za, parts[i].data, l, 0);
		assert_non_null(s);
		assert_true(zip_file_add(za, parts[i].name, s, ZIP_FL_ENC_UTF_8) >= 0);
	}
	assert_int_equal(zip_close(za), 0);
	assert_int_equal(zip_source_open(src), 0);
	zip_source_seek(src, 0, SEEK_END);
	zip_int64_t size = zip_source_tell(src);
	zip_source_seek(src, 0, SEEK_SET);
	char *out = malloc((size_t)size);
	assert_int_equal(zip_source_read(src, out, (zip_uint64_t)size), size);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	*len = (size_t)size;
	return out;
}

#define RELS                                                                                       \
	"<?xml version=\"1.0\"?><Relationships "                                                   \
	"xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "    \
	"Id=\"rId1\" "                                                                             \
	"Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"              \
	"officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
#define WB_HEAD                                                                                    \
	"<?xml version=\"1.0\"?><workbook "                                                        \
	"xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "                     \
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
#define WS_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
#define WB_RELS_ONE                                                                                \
	"<?xml version=\"1.0\"?><Relationships "                                                   \
	"xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "    \
	"Id=\"rId1\" Type=\"" WS_TYPE "\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
#define WS(rows)                                                                                   \
	"<?xml version=\"1.0\"?><worksheet "                                                       \
	"xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" rows     \
	"</sheetData></worksheet>"

/* Read a one-sheet workbook whose workbook.xml is wb and sheet1 is ws. */
static int read_one(struct arena *a, const char *wb, const char *ws, struct sheet **out, int *n,
		    char *err, size_t errlen)
{
	const struct part parts[] = {{"_rels/.rels", RELS, 0},
				     {"xl/workbook.xml", wb, 0},
				     {"xl/_rels/workbook.xml.rels", WB_RELS_ONE, 0},
				     {"xl/worksheets/sheet1.xml", ws, 0}};
	size_t len;
	char *zip = make_zip(parts, 4, &len);
	int rc = sheet_read_xlsx(a, zip, len, "t.xlsx", out, n, err, errlen);
	free(zip);
	return rc;
}

static const char *one_sheet_wb =
    WB_HEAD "<sheets><sheet name=\"sources\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

static void test_fixture(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	size_t len;
	char *data = read_file("tests/fixtures/xlsx/changeset.xlsx", &len);
	struct sheet *sh;
	int n;
	char err[256];
	assert_int_equal(
	    sheet_read_xlsx(a, data, len, "wijzigingen.xlsx", &sh, &n, err, sizeof err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(sh[0].name, "sources");
	assert_string_equal(sh[0].file, "wijzigingen.xlsx, blad sources");
	assert_int_equal(sh[0].ncols, 5);
	assert_int_equal(sh[0].nrows, 3); /* the empty row 3 is skipped */
	assert_string_equal(sh[0].cells[0][4], "reference_date");
	assert_string_equal(sh[0].cells[1][0], "test-bron");
	assert_string_equal(sh[0].cells[1][4], "2025-03-24");
	assert_int_equal(sh[0].line[2], 4);
	assert_string_equal(sh[0].cells[2][1], "\xC3\x89\xC3\xA9ntje \"met\" aanhalingstekens; en "
					       "komma, ook");
	assert_string_equal(sh[0].cells[2][2], "");
	assert_string_equal(sh[1].name, "organisation_changes");
	assert_int_equal(sh[1].nrows, 4);
	assert_string_equal(sh[1].cells[1][2], "12345");
	assert_string_equal(sh[1].cells[2][2], "TRUE");
	assert_string_equal(sh[1].cells[3][0], "gm9998");
	assert_string_equal(sh[1].cells[3][1], "");
	assert_string_equal(sh[1].cells[3][2], "0.5");
	assert_int_equal(sh[1].line[3], 5);
	free(data);
	arena_free(a);
}

static void test_inline_dates_1904(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct sheet *sh;
	int n;
	char err[256];
	const char *styles =
	    "<?xml version=\"1.0\"?><styleSheet "
	    "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts>"
	    "<numFmt numFmtId=\"165\" formatCode=\"[$-413]d\\ mmmm\\ yyyy;@\"/>"
	    "<numFmt numFmtId=\"166\" formatCode=\"h:mm\"/></numFmts><cellXfs>"
	    "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"165\"/><xf "
	    "numFmtId=\"166\"/></cellXfs></styleSheet>";
	const char *wb_rels =
	    "<?xml version=\"1.0\"?><Relationships "
	    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	    "<Relationship Id=\"rId1\" Type=\"" WS_TYPE "\" Target=\"/xl/worksheets/s.xml\"/>"
	    "<Relationship Id=\"rId2\" "
	    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
	    "Target=\"styles.xml\"/></Relationships>";
	const char *wb = WB_HEAD "<workbookPr date1904=\"1\"/><sheets><sheet name=\"s\" "
				 "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
	const char *ws =
	    WS("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c>"
	       "<c r=\"B1\" t=\"inlineStr\"><is><r><t>b</t></r><r><t "
	       "xml:space=\"preserve\"> c</t></r></is></c><c r=\"C1\" "
	       "t=\"inlineStr\"><is><t>d</t></is></c><c r=\"D1\" "
	       "t=\"inlineStr\"><is><t>t</t></is></c></row>"
	       "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>0</v></c><c r=\"B2\" "
	       "s=\"2\"><v>44000.75</v></c><c r=\"C2\" t=\"d\"><v>2024-02-29T00:00:00</v>"
	       "</c><c r=\"D2\" s=\"3\"><v>0.5</v></c></row>");
	const struct part parts[] = {{"_rels/.rels", RELS, 0},
				     {"xl/workbook.xml", wb, 0},
				     {"xl/_rels/workbook.xml.rels", wb_rels, 0},
				     {"xl/styles.xml", styles, 0},
				     {"xl/worksheets/s.xml", ws, 0}};
	size_t len;
	char *zip = make_zip(parts, 5, &len);
	assert_int_equal(sheet_read_xlsx(a, zip, len, "t.xlsx", &sh, &n, err, sizeof err), 0);
	free(zip);
	assert_int_equal(n, 1);
	assert_string_equal(sh[0].cells[0][1], "b c");
	/* serial 0 is not a date: the value stays as it is */
	assert_string_equal(sh[0].cells[1][0], "0");
	/* 1904 system: 44000 days after 1904-01-01 */
	assert_string_equal(sh[0].cells[1][1], "2024-06-19");
	assert_string_equal(sh[0].cells[1][2], "2024-02-29");
	/* a time format is not a date */
	assert_string_equal(sh[0].cells[1][3], "0.5");
	arena_free(a);
}

static void test_not_a_workbook(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct sheet *sh;
	int n;
	char err[256];
	assert_int_equal(
	    sheet_read_xlsx(a, "id,naam\n1,x\n", 12, "t.xlsx", &sh, &n, err, sizeof err), -1);
	assert_non_null(strstr(err, "t.xlsx: geen XLSX-bestand"));
	assert_int_equal(
	    sheet_read_xlsx(a, "PK\3\4garbage", 11, "t.xlsx", &sh, &n, err, sizeof err), -1);
	assert_non_null(strstr(err, "beschadigd"));
	/* a zip without a workbook */
	const struct part parts[] = {{"readme.txt", "hallo", 0}};
	size_t len;
	char *zip = make_zip(parts, 1, &len);
	assert_int_equal(sheet_read_xlsx(a, zip, len, "t.xlsx", &sh, &n, err, sizeof err), -1);
	assert_non_null(strstr(err, "geen werkmap gevonden"));
	free(zip);
	arena_free(a);
}

static void test_zip_bomb(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	size_t big = XLSX_MAX_PART_BYTES + 1;
	char *spaces = malloc(big);
	memset(spaces, ' ', big);
	const struct part parts[] = {{"_rels/.rels", RELS, 0},
				     {"xl/workbook.xml", one_sheet_wb, 0},
				     {"xl/_rels/workbook.xml.rels", WB_RELS_ONE, 0},
				     {"xl/worksheets/sheet1.xml", spaces, big}};
	size_t len;
	char *zip = make_zip(parts, 4, &len);
	free(spaces);
	assert_true(len < 1024 * 1024); /* small on the wire */
	struct sheet *sh;
	int n;
	char err[256];
	assert_int_equal(sheet_read_xlsx(a, zip, len, "t.xlsx", &sh, &n, err, sizeof err), -1);
	assert_non_null(strstr(err, "te groot"));
	assert_null(sh);
	free(zip);
	arena_free(a);
}

static void test_dtd_refused(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct sheet *sh;
	int n;
	char err[256];
	const char *ws = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY x \"lol\">"
			 "<!ENTITY y \"&x;&x;&x;&x;&x;&x;&x;&x;\">]><worksheet "
			 "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
			 "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&y;</t></is>"
			 "</c></row></sheetData></worksheet>";
	assert_int_equal(read_one(a, one_sheet_wb, ws, &sh, &n, err, sizeof err), -1);
	assert_non_null(strstr(err, "DTD"));
	const char *ext = "<?xml version=\"1.0\"?><!DOCTYPE worksheet SYSTEM "
			  "\"http://example.invalid/x.dtd\"><worksheet/>";
	assert_int_equal(read_one(a, one_sheet_wb, ext, &sh, &n, err, sizeof err), -1);
	assert_non_null(strstr(err, "DTD"));
	arena_free(a);
}

static void test_bad_cells(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct sheet *sh;
	int n;
	char err[256];
	/* a value in a column without a header */
	assert_int_equal(
	    read_one(a, one_sheet_wb,
		     WS("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c>"
			"</row><row r=\"2\"><c r=\"C2\"><v>3</v></c></row>"),
		     &sh, &n, err, sizeof err),
	    -1);
	assert_non_null(strstr(err, "t.xlsx: blad sources, rij 2: een waarde in kolom 3"));
	/* a shared string index without a shared string table */
	assert_int_equal(read_one(a, one_sheet_wb,
				  WS("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>"), &sh,
				  &n, err, sizeof err),
			 -1);
	assert_non_null(strstr(err, "rij 1 verwijst naar een tekst die niet bestaat"));
	/* rows out of order */
	assert_int_equal(read_one(a, one_sheet_wb,
				  WS("<row r=\"2\"><c r=\"A2\"><v>1</v></c></row><row "
				     "r=\"1\"><c r=\"A1\"><v>1</v></c></row>"),
				  &sh, &n, err, sizeof err),
			 -1);
	assert_non_null(strstr(err, "volgorde"));
	/* not XML */
	assert_int_equal(
	    read_one(a, one_sheet_wb, "<worksheet><sheetData>", &sh, &n, err, sizeof err), -1);
	assert_non_null(strstr(err, "geen geldige XML"));
	/* an empty sheet is a sheet without rows */
	assert_int_equal(read_one(a, one_sheet_wb, WS(""), &sh, &n, err, sizeof err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(sh[0].nrows, 0);
	assert_int_equal(sh[0].ncols, 0);
	arena_free(a);
}

static void test_too_many_sheets(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char wb[8192];
	size_t o = (size_t)snprintf(wb, sizeof wb, "%s<sheets>", WB_HEAD);
	for (int i = 0; i <= XLSX_MAX_SHEETS; i++)
		o += (size_t)snprintf(wb + o, sizeof wb - o,
				      "<sheet name=\"s%d\" sheetId=\"%d\" r:id=\"rId1\"/>", i,
				      i + 1);
	snprintf(wb + o, sizeof wb - o, "</sheets></workbook>");
	struct sheet *sh;
	int n;
	char err[256];
	assert_int_equal(read_one(a, wb, WS(""), &sh, &n, err, sizeof err), -1);
	assert_non_null(strstr(err, "meer dan 32 bladen"));
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fixture),	    cmocka_unit_test(test_inline_dates_1904),
	    cmocka_unit_test(test_not_a_workbook),  cmocka_unit_test(test_zip_bomb),
	    cmocka_unit_test(test_dtd_refused),	    cmocka_unit_test(test_bad_cells),
	    cmocka_unit_test(test_too_many_sheets),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
