/*
 * test_indicatoren_json — the reader of indicator JSON (OData v4,
 * io/indicatoren_json.c): both shapes become the table the CSV reader
 * returns, numbers in decimal notation, null as missing, errors naming the
 * file and position; and a worked example of the mapping through
 * app/indicatoren.c on a SQLite store: the long and the wide shape give the
 * rows the same table as CSV gives. Fictional areas (GM99xx), indicators
 * (test_…) and measure codes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/app/indicatoren.h"
#include "../../src/io/indicatoren_json.h"
#include "../../src/lib/arena.h"
#include "../../src/store/store.h"
#include "fixtures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int read_json(struct arena *a, const char *text, struct sheet *sh,
		     enum ind_json_shape *shape, char *err, size_t errlen)
{
	return indicatoren_json_read(a, text, strlen(text), "t.json", sh, shape, err, errlen);
}

static void test_detect(void **state)
{
	(void)state;
	assert_true(indicatoren_json_detect("  \n{\"value\":[]}", 15, "x.csv"));
	assert_true(indicatoren_json_detect("\xEF\xBB\xBF{", 4, "x"));
	assert_true(indicatoren_json_detect("a,b\n", 4, "cbs.JSON"));
	assert_false(indicatoren_json_detect("indicator,gebied\n", 17, "waarden.csv"));
	assert_false(indicatoren_json_detect("", 0, "leeg.csv"));
}

static void test_shapes(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct sheet sh;
	enum ind_json_shape shape;
	char err[256];
	/* the long shape: padded codes trimmed, numbers in decimal notation,
	 * null and a missing field "" */
	const char *lng =
	    "{\"@odata.context\":\"x\",\"value\":["
	    "{\"Id\":0,\"Measure\":\"M009901\",\"Perioden\":\"2023JJ00\",\"RegioS\":\"GM9901    \","
	    "\"Value\":12345.0,\"ValueAttribute\":\"None\"},"
	    "{\"Id\":1,\"Measure\":\"M009901\",\"Perioden\":\"2023JJ00\",\"RegioS\":\"GM9902\","
	    "\"Value\":null,\"ValueAttribute\":\"Impossible\"},"
	    "{\"Id\":2,\"Measure\":\"M009901\",\"RegioS\":\"GM9903\",\"Value\":0.1},"
	    "{\"Id\":3,\"Measure\":\"M009901\",\"RegioS\":\"GM9903\",\"Value\":1.5e-7},"
	    "{\"Id\":4,\"Measure\":\"M009901\",\"RegioS\":\"GM9903\",\"Value\":2e21,\"Extra\":true}"
	    "]}";
	assert_int_equal(read_json(a, lng, &sh, &shape, err, sizeof err), 0);
	assert_int_equal(shape, IND_JSON_LONG);
	assert_int_equal(sh.nrows, 6);
	assert_int_equal(sh.ncols, 7);
	assert_string_equal(sh.cells[0][1], "Measure");
	assert_string_equal(sh.cells[0][6], "Extra");
	assert_int_equal(sh.line[0], 0);
	assert_int_equal(sh.line[1], 1);
	assert_int_equal(sh.line[5], 5);
	assert_string_equal(sh.cells[1][3], "GM9901");
	assert_string_equal(sh.cells[1][4], "12345");
	assert_string_equal(sh.cells[2][4], "");
	assert_string_equal(sh.cells[2][5], "Impossible");
	assert_string_equal(sh.cells[3][2], ""); /* no Perioden in this element */
	assert_string_equal(sh.cells[3][4], "0.1");
	assert_string_equal(sh.cells[4][4], "0.00000015");
	assert_string_equal(sh.cells[5][4], "2000000000000000000000");
	assert_string_equal(sh.cells[5][6], "true");
	assert_string_equal(sh.cells[1][6], ""); /* padded */
	/* the wide shape: one object per area */
	const char *wide = "\xEF\xBB\xBF{\"value\":[{\"WijkenEnBuurten\":\"GM9901    \","
			   "\"AantalInwoners_5\":50123},{\"WijkenEnBuurten\":\"GM9902\","
			   "\"AantalInwoners_5\":-7.25}]}";
	assert_int_equal(read_json(a, wide, &sh, &shape, err, sizeof err), 0);
	assert_int_equal(shape, IND_JSON_WIDE);
	assert_int_equal(sh.nrows, 3);
	assert_string_equal(sh.cells[0][1], "AantalInwoners_5");
	assert_string_equal(sh.cells[1][0], "GM9901");
	assert_string_equal(sh.cells[1][1], "50123");
	assert_string_equal(sh.cells[2][1], "-7.25");
	arena_free(a);
}

static void test_errors(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct sheet sh;
	enum ind_json_shape shape;
	char err[256];
	assert_int_equal(read_json(a, "{\"value\":[{\"a\":1}", &sh, &shape, err, sizeof err), -1);
	assert_non_null(strstr(err, "t.json, regel 1, kolom"));
	assert_non_null(strstr(err, "geen geldige JSON"));
	assert_int_equal(read_json(a, "{\"d\":{\"results\":[]}}", &sh, &shape, err, sizeof err),
			 -1);
	assert_non_null(strstr(err, "t.json: verwacht een JSON-object met een lijst \"value\""));
	assert_int_equal(read_json(a, "[1,2]", &sh, &shape, err, sizeof err), -1);
	assert_int_equal(read_json(a, "{\"value\":[]}", &sh, &shape, err, sizeof err), -1);
	assert_non_null(strstr(err, "leeg"));
	assert_int_equal(read_json(a, "{\"value\":[{\"a\":1},3]}", &sh, &shape, err, sizeof err),
			 -1);
	assert_string_equal(err, "t.json, waarde 2: geen object");
	assert_int_equal(
	    read_json(a, "{\"value\":[{\"a\":1},{\"a\":{\"b\":2}}]}", &sh, &shape, err, sizeof err),
	    -1);
	assert_string_equal(err, "t.json, waarde 2, veld 'a': een object of lijst is geen waarde");
	assert_int_equal(
	    read_json(a, "{\"value\":[{\"a\":1,\"a\":2}]}", &sh, &shape, err, sizeof err), -1);
	assert_int_equal(read_json(a, "{\"value\":[{}]}", &sh, &shape, err, sizeof err), -1);
	arena_free(a);
}

/* ---- the worked example: mapping through app/indicatoren.c ---------------------------- */

struct fx {
	struct arena *a;
	char dir[128], db[256], err[512];
	struct store *s;
	struct write_ctx w;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || fx_tempdir(f->dir, sizeof f->dir))
		return -1;
	f->a = arena_new();
	snprintf(f->db, sizeof f->db, "%s/atlas.db", f->dir);
	int applied;
	if (store_open(f->db, &f->s, f->err, sizeof f->err) != STORE_OK ||
	    store_migrate(f->s, &applied, f->err, sizeof f->err) != STORE_OK)
		return -1;
	f->w = (struct write_ctx){.actor = "test", .via = "cli", .today = "2026-01-01"};
	static const char areas[] = "code,naam,niveau,provincie\nGM9901,Testwaard,gemeente,PV26\n"
				    "GM9902,Proefdorp,gemeente,PV26\n";
	static const char defs[] =
	    "key,naam,definitie,eenheid,thema,bron,bron_url,licentie,richting,gebiedsniveau,"
	    "waarschuwing\ntest_inwoners,Inwoners (fictief),,personen,Test,Testbureau,,,neutraal,"
	    "gemeente,\ntest_woz,WOZ (fictief),,k euro,Test,Testbureau,,,neutraal,gemeente,\n";
	struct ind_import_report rep;
	if (indicatoren_import(f->s, f->a, &f->w, "gebieden.csv", areas, strlen(areas), NULL, NULL,
			       0, false, &rep) ||
	    indicatoren_import(f->s, f->a, &f->w, "indicatoren.csv", defs, strlen(defs), NULL, NULL,
			       0, false, &rep))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	store_close(f->s);
	fx_rm_rf(f->dir);
	arena_free(f->a);
	free(f);
	return 0;
}

/* The value of key in area and period as "12.5|1" (value|version) or "NULL|1". */
static const char *stored(struct fx *f, const char *key, const char *area, const char *period)
{
	struct indicator_row r;
	if (indicatoren_one(f->s, f->a, key, &r))
		return "geen indicator";
	struct indicator_value_row *v;
	int n, total;
	if (indicatoren_values(f->s, f->a, &r, area, period, 10, 0, &v, &n, &total) || n != 1)
		return "geen waarde";
	static char out[64];
	if (v[0].has)
		snprintf(out, sizeof out, "%g|%lld", v[0].value, (long long)v[0].version);
	else
		snprintf(out, sizeof out, "NULL|%lld", (long long)v[0].version);
	return out;
}

static void test_mapping_worked_example(void **state)
{
	struct fx *f = *state;
	/* one mapping for three files: a CSV table, the long and the wide JSON shape */
	static const char map[] = "bron,kolom,indicator,periode,factor\n"
				  "lang.json,M009901,test_inwoners,,\n"
				  "lang.json,M009902,test_woz,,0.001\n"
				  "breed.json,AantalInwoners,test_inwoners,,\n"
				  "breed.json,GemiddeldeWOZ,test_woz,,0.001\n"
				  "tabel.csv,AantalInwoners,test_inwoners,,\n"
				  "tabel.csv,GemiddeldeWOZ,test_woz,,0.001\n";
	/* the long shape, 2023: the country row skipped, a measure not in the
	 * mapping skipped, a ValueAttribute other than None missing (not 0) */
	static const char lng[] =
	    "{\"value\":["
	    "{\"Id\":0,\"Measure\":\"M009901\",\"Perioden\":\"2023JJ00\",\"RegioS\":\"NL01  \","
	    "\"Value\":17000000,\"ValueAttribute\":\"None\"},"
	    "{\"Id\":1,\"Measure\":\"M009901\",\"Perioden\":\"2023JJ00\",\"RegioS\":\"GM9901  \","
	    "\"Value\":50123,\"ValueAttribute\":\"None\"},"
	    "{\"Id\":2,\"Measure\":\"M009902\",\"Perioden\":\"2023JJ00\",\"RegioS\":\"GM9901  \","
	    "\"Value\":312000.0,\"ValueAttribute\":\"None\"},"
	    "{\"Id\":3,\"Measure\":\"M009901\",\"Perioden\":\"2023JJ00\",\"RegioS\":\"GM9902  \","
	    "\"Value\":0,\"ValueAttribute\":\"Confidential\"},"
	    "{\"Id\":4,\"Measure\":\"M009902\",\"Perioden\":\"2023JJ00\",\"RegioS\":\"GM9902  \","
	    "\"Value\":null,\"ValueAttribute\":\"None\"},"
	    "{\"Id\":5,\"Measure\":\"M009999\",\"Perioden\":\"2023JJ00\",\"RegioS\":\"GM9902  \","
	    "\"Value\":1,\"ValueAttribute\":\"None\"}]}";
	struct ind_import_report *rep = arena_calloc(f->a, 1, sizeof *rep);
	assert_int_equal(indicatoren_import(f->s, f->a, &f->w, "lang.json", lng, strlen(lng),
					    "map.csv", map, strlen(map), false, rep),
			 0);
	assert_int_equal(rep->kind, IND_FILE_CBS);
	assert_int_equal(rep->rows, 4);
	assert_int_equal(rep->counts.added, 4);
	assert_int_equal(rep->counts.n_touched, 2);
	assert_string_equal(rep->counts.touched[0], "test_inwoners");
	assert_string_equal(stored(f, "test_inwoners", "GM9901", "2023"), "50123|1");
	assert_string_equal(stored(f, "test_woz", "GM9901", "2023"), "312|1"); /* factor 0.001 */
	assert_string_equal(stored(f, "test_inwoners", "GM9902", "2023"), "NULL|1");
	assert_string_equal(stored(f, "test_woz", "GM9902", "2023"), "NULL|1");
	assert_string_equal(stored(f, "test_inwoners", "NL01", "2023"), "geen waarde");

	/* the wide shape and a CSV table of the same figures for 2024 give the
	 * same rows: the second of the two changes nothing */
	static const char wide[] =
	    "{\"value\":[{\"WijkenEnBuurten\":\"GM9901    \",\"Perioden\":\"2024JJ00\","
	    "\"AantalInwoners_5\":50500,\"GemiddeldeWOZ_12\":325000},"
	    "{\"WijkenEnBuurten\":\"GM9902    \",\"Perioden\":\"2024JJ00\","
	    "\"AantalInwoners_5\":8100.5,\"GemiddeldeWOZ_12\":null}]}";
	memset(rep, 0, sizeof *rep);
	assert_int_equal(indicatoren_import(f->s, f->a, &f->w, "breed.json", wide, strlen(wide),
					    "map.csv", map, strlen(map), false, rep),
			 0);
	assert_int_equal(rep->counts.added, 4);
	assert_string_equal(stored(f, "test_woz", "GM9901", "2024"), "325|1");
	assert_string_equal(stored(f, "test_woz", "GM9902", "2024"), "NULL|1");
	static const char csv[] = "WijkenEnBuurten;Perioden;AantalInwoners_5;GemiddeldeWOZ_12\n"
				  "GM9901;2024;50500;325000\nGM9902;2024;8100,5;.\n";
	assert_int_equal(indicatoren_import(f->s, f->a, &f->w, "tabel.csv", csv, strlen(csv),
					    "map.csv", map, strlen(map), true, rep),
			 0);
	assert_int_equal(rep->counts.added, 0);
	assert_int_equal(rep->counts.changed, 4); /* only the source note differs */
	assert_int_equal(rep->counts.unchanged, 0);

	/* errors name the element and field; nothing is written */
	static const char bad[] =
	    "{\"value\":[{\"Measure\":\"M009901\",\"Perioden\":\"2025JJ00\",\"RegioS\":\"GM9901\","
	    "\"Value\":\"veel\"},{\"Measure\":\"M009901\",\"Perioden\":\"2025X000\","
	    "\"RegioS\":\"GM9902\",\"Value\":1},{\"Measure\":\"M009902\",\"Perioden\":"
	    "\"2025JJ00\",\"RegioS\":\"GM0000\",\"Value\":1}]}";
	assert_int_equal(indicatoren_import(f->s, f->a, &f->w, "lang.json", bad, strlen(bad),
					    "map.csv", map, strlen(map), false, rep),
			 -1);
	assert_int_equal(rep->n_errors, 3);
	assert_string_equal(indicatoren_error_where(f->a, &rep->errors[0]),
			    "lang.json, waarde 1, veld 'Value'");
	assert_string_equal(indicatoren_error_where(f->a, &rep->errors[1]),
			    "lang.json, waarde 2, veld 'Perioden'");
	assert_string_equal(indicatoren_error_where(f->a, &rep->errors[2]),
			    "lang.json, waarde 3, veld 'RegioS'");
	assert_string_equal(stored(f, "test_inwoners", "GM9901", "2025"), "geen waarde");
	/* JSON needs a mapping */
	assert_int_equal(indicatoren_import(f->s, f->a, &f->w, "lang.json", lng, strlen(lng), NULL,
					    NULL, 0, false, rep),
			 -1);
	assert_non_null(strstr(rep->errors[0].message, "koppelbestand"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_detect),
	    cmocka_unit_test(test_shapes),
	    cmocka_unit_test(test_errors),
	    cmocka_unit_test_setup_teardown(test_mapping_worked_example, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
