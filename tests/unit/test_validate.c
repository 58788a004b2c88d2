/*
 * test_validate — the seed row rules of domain/validate.c against good and
 * bad values, and the seed CSV reader (io/seed.c) on well-formed and
 * damaged files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/domain/validate.h"
#include "../../src/io/seed.h"
#include "../../src/lib/text.h"
#include "fixtures.h"

static void test_key(void **state)
{
	(void)state;
	const char *good[] = {"gm0344", "pv26", "ws0636", "sociaal-domein",
			      "ab",	"u10",	"a-b-c",  "0123456789"};
	const char *bad[] = {"",     "a",    "GM0344", "gemeente_utrecht", "ab cd", "ab/cd",
			     "é-ab", "ab\n", "a.b",    "<script>",	   NULL};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		assert_true(validate_is_key(good[i]));
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(validate_is_key(bad[i]));
	char k[82];
	memset(k, 'a', 80);
	k[80] = '\0';
	assert_true(validate_is_key(k));
	k[80] = 'a';
	k[81] = '\0';
	assert_false(validate_is_key(k));
}

static void test_dates_urls_numbers(void **state)
{
	(void)state;
	assert_true(validate_is_date_opt(""));
	assert_true(validate_is_date_opt("2019-01-01"));
	assert_true(validate_is_date_opt("2024-02-29"));
	assert_false(validate_is_date_opt("2023-02-29"));
	assert_false(validate_is_date_opt("2019-02-30"));
	assert_false(validate_is_date_opt("01-01-2019"));
	assert_false(validate_is_date_opt("2019-1-1"));
	assert_false(validate_is_date_opt("2019-01-01T00:00"));

	assert_true(validate_is_url_opt(""));
	assert_true(validate_is_url_opt("https://vru.nl/"));
	assert_true(validate_is_url_opt("http://example.org/a?b=c&d=e"));
	assert_false(validate_is_url_opt("javascript:alert(1)"));
	assert_false(validate_is_url_opt("ftp://example.org/"));
	assert_false(validate_is_url_opt("https://"));
	assert_false(validate_is_url_opt("https:///pad"));
	assert_false(validate_is_url_opt("https://example.org/a b"));
	assert_false(validate_is_url_opt("https://example.org/\"><script>"));

	assert_true(validate_is_flag_opt(""));
	assert_true(validate_is_flag_opt("0"));
	assert_true(validate_is_flag_opt("1"));
	assert_false(validate_is_flag_opt("2"));
	assert_false(validate_is_flag_opt("ja"));

	long long n;
	assert_true(validate_count_opt("", &n));
	assert_int_equal(n, -1);
	assert_true(validate_count_opt("161852", &n));
	assert_int_equal(n, 161852);
	assert_true(validate_count_opt("0", NULL));
	assert_false(validate_count_opt("-1", NULL));
	assert_false(validate_count_opt("1.5", NULL));
	assert_false(validate_count_opt("1 000", NULL));
	assert_false(validate_count_opt("1e3", NULL));
	assert_false(validate_count_opt("9999999999999999", NULL));

	double d;
	assert_true(validate_number_opt("", 0, 1, &d));
	assert_true(d < 0);
	assert_true(validate_number_opt("63.86", 0, 1e6, &d));
	assert_true(d > 63.85 && d < 63.87);
	assert_true(validate_number_opt("0.25", 0, 1, &d));
	assert_true(validate_number_opt("1", 0, 1, NULL));
	assert_false(validate_number_opt("1.01", 0, 1, NULL));
	assert_false(validate_number_opt("0,25", 0, 1, NULL));
	assert_false(validate_number_opt(".5", 0, 1, NULL));
	assert_false(validate_number_opt("5.", 0, 10, NULL));
	assert_false(validate_number_opt("1e2", 0, 1e6, NULL));
	assert_false(validate_number_opt("nan", 0, 1e6, NULL));
	assert_false(validate_number_opt("-3", 0, 1e6, NULL));
}

static void test_split_domains(void **state)
{
	(void)state;
	char k[4][81];
	assert_int_equal(validate_split_domains("", k, 4), 0);
	assert_int_equal(validate_split_domains("afval", k, 4), 1);
	assert_string_equal(k[0], "afval");
	assert_int_equal(validate_split_domains(" werk-en-inkomen ; sociaal-domein;", k, 4), 2);
	assert_string_equal(k[0], "werk-en-inkomen");
	assert_string_equal(k[1], "sociaal-domein");
	assert_int_equal(validate_split_domains("a;b;c;d;e", k, 4), -1); /* "a" too short */
	assert_int_equal(validate_split_domains("aa;bb;cc;dd;ee", k, 4), -1);
	assert_int_equal(validate_split_domains("afval,water", k, 4), -1);
	assert_int_equal(validate_split_domains("Afval", k, 4), -1);
}

/* A good organisation row to vary. */
static const char *org_row[SEED_ORG_NCOLS] = {
    "gm9998",
    "municipality",
    "Gemeente Testdorp",
    "GM9998",
    "gm9998",
    "1",
    "",
    "",
    "",
    "12345",
    "2024-01-01",
    "45.67",
    "",
    "test-bron-1",
    "2024-01-01",
    "",
    "0",
};

static int org_with(int col, const char *value, char *err, size_t errlen)
{
	const char *f[SEED_ORG_NCOLS];
	memcpy(f, org_row, sizeof f);
	f[col] = value;
	return validate_org_row(f, err, errlen);
}

static void test_org_rows(void **state)
{
	(void)state;
	char err[512];
	assert_int_equal(validate_org_row(org_row, err, sizeof err), 0);
	struct {
		int col;
		const char *value;
		int ok;
		const char *msg;
	} cases[] = {
	    {SEED_ORG_CODE, "", 0, "kolom code is verplicht"},
	    {SEED_ORG_CODE, "GM9998", 0, "kolom code: 'GM9998' is geen geldige code"},
	    {SEED_ORG_KIND, "gemeente", 0, "kolom kind: onbekende waarde 'gemeente'"},
	    {SEED_ORG_KIND, "", 0, "kolom kind is verplicht"},
	    {SEED_ORG_KIND, "water_board", 1, NULL},
	    {SEED_ORG_NAME, "", 0, "kolom name is verplicht"},
	    {SEED_ORG_NAME, "Gemeente\nTestdorp", 0, "stuurteken"},
	    {SEED_ORG_NAME, "Gemeente \"Test\" & <script>", 1, NULL},
	    {SEED_ORG_CBS_CODE, "gm9998", 0, "kolom cbs_code"},
	    {SEED_ORG_CBS_CODE, "PV26", 1, NULL},
	    {SEED_ORG_CBS_CODE, "", 1, NULL},
	    {SEED_ORG_TOOI, "GM9998", 0, "kolom tooi"},
	    {SEED_ORG_TOOI, "ws0636", 1, NULL},
	    {SEED_ORG_IN_PROVINCE, "ja", 0, "kolom in_province: 'ja' moet 0 of 1 zijn"},
	    {SEED_ORG_VALID_FROM, "2019-02-30", 0,
	     "kolom valid_from: '2019-02-30' is geen geldige datum"},
	    {SEED_ORG_VALID_TO, "1-1-2019", 0, "kolom valid_to"},
	    {SEED_ORG_SUCCESSOR_CODE, "gm9998", 0, "eigen opvolger"},
	    {SEED_ORG_SUCCESSOR_CODE, "Gemeente X", 0, "kolom successor_code"},
	    {SEED_ORG_SUCCESSOR_CODE, "gm1961", 1, NULL},
	    {SEED_ORG_POPULATION, "12.345", 0, "kolom population"},
	    {SEED_ORG_POPULATION, "-5", 0, "kolom population"},
	    {SEED_ORG_POPULATION_DATE, "2024", 0, "kolom population_date"},
	    {SEED_ORG_AREA_KM2, "45,67", 0, "kolom area_km2"},
	    {SEED_ORG_AREA_KM2, "", 1, NULL},
	    {SEED_ORG_COLLABORATION_KEY, "Regio X", 0, "kolom collaboration_key"},
	    {SEED_ORG_SOURCE_ID, "", 0, "kolom source_id is verplicht"},
	    {SEED_ORG_LAST_CONFIRMED, "gisteren", 0, "kolom last_confirmed"},
	    {SEED_ORG_NOTE, "regel 1\nregel 2", 1, NULL},
	    {SEED_ORG_ENDED, "true", 0, "kolom ended"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		err[0] = '\0';
		int rc = org_with(cases[i].col, cases[i].value, err, sizeof err);
		if (cases[i].ok ? rc != 0 : rc != -1 || !strstr(err, cases[i].msg))
			fail_msg("case %zu ('%s'): rc %d, err '%s'", i, cases[i].value, rc, err);
	}
	/* valid_to before valid_from */
	const char *f[SEED_ORG_NCOLS];
	memcpy(f, org_row, sizeof f);
	f[SEED_ORG_VALID_FROM] = "2019-01-01";
	f[SEED_ORG_VALID_TO] = "2018-12-31";
	assert_int_equal(validate_org_row(f, err, sizeof err), -1);
	assert_non_null(strstr(err, "ligt vóór"));
	f[SEED_ORG_VALID_TO] = "2019-01-01";
	assert_int_equal(validate_org_row(f, err, sizeof err), 0);

	/* over-long value shown cut at a character boundary (valid UTF-8) */
	char longv[200];
	strcpy(longv, "x");
	for (int i = 0; i < 40; i++)
		strcat(longv, "é");
	assert_int_equal(org_with(SEED_ORG_CODE, longv, err, sizeof err), -1);
	assert_non_null(strstr(err, "…"));
	assert_true(utf8_is_valid(err, strlen(err)));
}

static void test_other_rows(void **state)
{
	(void)state;
	char err[512];
	const char *src[SEED_SRC_NCOLS] = {"cbs-gemeenten-2023",
					   "Gemeentelijke indeling",
					   "CBS",
					   "https://www.cbs.nl/",
					   "CC BY 4.0",
					   "Bron: CBS",
					   "2023-01-01",
					   "2026-11-28",
					   ""};
	assert_int_equal(validate_source_row(src, err, sizeof err), 0);
	src[SEED_SRC_REFERENCE_DATE] = "";
	assert_int_equal(validate_source_row(src, err, sizeof err), -1);
	assert_non_null(strstr(err, "reference_date is verplicht"));
	src[SEED_SRC_REFERENCE_DATE] = "2023-01-01";
	src[SEED_SRC_URL] = "javascript:alert(1)";
	assert_int_equal(validate_source_row(src, err, sizeof err), -1);
	assert_non_null(strstr(err, "kolom url"));

	const char *dom[SEED_DOM_NCOLS] = {"sociaal-domein", "Sociaal domein", ""};
	assert_int_equal(validate_domain_row(dom, err, sizeof err), 0);
	dom[SEED_DOM_NAME] = "";
	assert_int_equal(validate_domain_row(dom, err, sizeof err), -1);

	const char *col[SEED_COL_NCOLS] = {"regio-test",
					   "Regio Test",
					   "",
					   "joint_arrangement",
					   "OL",
					   "delegatie",
					   "afval;bestuur",
					   "groei",
					   "",
					   "",
					   "2010-01-01",
					   "",
					   "",
					   "test-bron-1",
					   "",
					   ""};
	assert_int_equal(validate_collab_row(col, err, sizeof err), 0);
	col[SEED_COL_LEGAL_FORM] = "";
	col[SEED_COL_POWERS] = "";
	col[SEED_COL_PHASE] = "";
	col[SEED_COL_DOMAINS] = "";
	assert_int_equal(validate_collab_row(col, err, sizeof err), 0);
	col[SEED_COL_LEGAL_FORM] = "ol";
	assert_int_equal(validate_collab_row(col, err, sizeof err), -1);
	assert_non_null(strstr(err, "kolom legal_form: onbekende waarde 'ol'; toegestaan: OL GO"));
	col[SEED_COL_LEGAL_FORM] = "OL";
	col[SEED_COL_KIND] = "wgr";
	assert_int_equal(validate_collab_row(col, err, sizeof err), -1);
	col[SEED_COL_KIND] = "network";
	col[SEED_COL_PHASE] = "beëindigd";
	assert_int_equal(validate_collab_row(col, err, sizeof err), -1);
	col[SEED_COL_PHASE] = "beeindigd";
	col[SEED_COL_DOMAINS] = "Afval";
	assert_int_equal(validate_collab_row(col, err, sizeof err), -1);
	assert_non_null(strstr(err, "kolom domains"));
	col[SEED_COL_DOMAINS] = "afval";
	col[SEED_COL_END_DATE] = "2009-12-31";
	assert_int_equal(validate_collab_row(col, err, sizeof err), -1);
	assert_non_null(strstr(err, "end_date"));
	col[SEED_COL_END_DATE] = "2015-01-01";
	col[SEED_COL_WEBSITE] = "www.example.org";
	assert_int_equal(validate_collab_row(col, err, sizeof err), -1);
	col[SEED_COL_WEBSITE] = "https://www.example.org/";
	assert_int_equal(validate_collab_row(col, err, sizeof err), 0);

	const char *par[SEED_PAR_NCOLS] = {
	    "regio-test", "gm9998",	 "", "deelnemer", "0.25", "1000", "2015-01-01",
	    "",		  "test-bron-1", "", ""};
	assert_int_equal(validate_part_row(par, err, sizeof err), 0);
	par[SEED_PAR_ROLE] = "";
	assert_int_equal(validate_part_row(par, err, sizeof err), -1);
	assert_non_null(strstr(err, "kolom role is verplicht"));
	par[SEED_PAR_ROLE] = "toehoorder";
	par[SEED_PAR_BODY] = "algemeen_bestuur";
	assert_int_equal(validate_part_row(par, err, sizeof err), 0);
	par[SEED_PAR_COST_SHARE] = "1.5";
	assert_int_equal(validate_part_row(par, err, sizeof err), -1);
	assert_non_null(strstr(err, "kolom cost_share"));
	par[SEED_PAR_COST_SHARE] = "";
	par[SEED_PAR_CONTRIBUTION_EUR] = "€ 1000";
	assert_int_equal(validate_part_row(par, err, sizeof err), -1);
	par[SEED_PAR_CONTRIBUTION_EUR] = "";
	par[SEED_PAR_LEFT] = "2014-12-31";
	assert_int_equal(validate_part_row(par, err, sizeof err), -1);
	assert_non_null(strstr(err, "kolom left (2014-12-31) ligt vóór joined"));
	par[SEED_PAR_LEFT] = "2019-01-01";
	assert_int_equal(validate_part_row(par, err, sizeof err), 0);
}

/* ------------------------------------------------------------ CSV reader */

static void test_seed_read_fixture(void **state)
{
	(void)state;
	struct seed_file *f;
	char err[512];
	assert_int_equal(seed_read(FX_SEED_DIR, "participations", part_columns, SEED_PAR_NCOLS, &f,
				   err, sizeof err),
			 0);
	assert_int_equal(f->nrows, 10);
	assert_int_equal(f->rows[0].line, 2);
	assert_int_equal(f->rows[9].line, 11);
	assert_string_equal(f->rows[1].cols[SEED_PAR_NOTE], "Penvoering & \"regie\" <b>vet</b>");
	assert_string_equal(f->rows[3].cols[SEED_PAR_BODY], "");
	assert_non_null(strstr(f->path, "seed-fictional/participations.csv"));
	seed_file_free(f);
	seed_file_free(NULL);
}

static int read_text(const char *text, struct seed_file **f, char *err, size_t errlen)
{
	char dir[128];
	static const char *const cols[3] = {"a", "b", "c"};
	if (fx_tempdir(dir, sizeof dir))
		return -2;
	char path[256];
	snprintf(path, sizeof path, "%s/t.csv", dir);
	fx_write(path, text);
	int rc = seed_read(dir, "t", cols, 3, f, err, errlen);
	fx_rm_rf(dir);
	return rc;
}

static void test_seed_read_shapes(void **state)
{
	(void)state;
	struct seed_file *f;
	char err[512];

	/* BOM, CRLF, blank lines, quoted newlines: lines are counted in the file */
	assert_int_equal(read_text("\xEF\xBB\xBF"
				   "a,b,c\r\n1,2,3\r\n\r\n4,\"x\ny\",6\r\n7,8,9",
				   &f, err, sizeof err),
			 0);
	assert_int_equal(f->nrows, 3);
	assert_int_equal(f->rows[0].line, 2);
	assert_int_equal(f->rows[1].line, 4);
	assert_string_equal(f->rows[1].cols[1], "x\ny");
	assert_int_equal(f->rows[2].line, 6);
	assert_string_equal(f->rows[2].cols[2], "9");
	seed_file_free(f);

	struct {
		const char *text, *msg;
	} bad[] = {
	    {"", "t.csv, regel 1: bestand is leeg"},
	    {"a,b\n1,2\n", "t.csv, regel 1: kopregel heeft 2 kolommen, verwacht 3"},
	    {"a,B,c\n", "t.csv, regel 1: kopregel klopt niet: kolom 2 heet 'B', verwacht 'b'"},
	    {"a,b,c\n1,2,3\n1,2\n", "t.csv, regel 3: 2 kolommen, verwacht 3"},
	    {"a,b,c\n1,2,3\n\n1,2,3,4\n", "t.csv, regel 4: 4 kolommen, verwacht 3"},
	    {"a,b,c\n1,\"2\n,3\n", "t.csv, regel 2: aanhalingsteken niet afgesloten"},
	    {"a,b,c\n1,2\"x\",3\n", "t.csv, regel 2: ongeldige CSV"},
	    {"a,b,c\n1,\xff,3\n", "t.csv, regel 2: ongeldige UTF-8"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		f = (struct seed_file *)1;
		err[0] = '\0';
		int rc = read_text(bad[i].text, &f, err, sizeof err);
		if (rc != -1 || f != NULL || !strstr(err, bad[i].msg))
			fail_msg("case %zu: rc %d err '%s'", i, rc, err);
	}

	assert_int_equal(
	    seed_read("/nonexistent", "t", part_columns, SEED_PAR_NCOLS, &f, err, sizeof err), -1);
	assert_non_null(strstr(err, "/nonexistent/t.csv: kan niet worden gelezen"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_key),
	    cmocka_unit_test(test_dates_urls_numbers),
	    cmocka_unit_test(test_split_domains),
	    cmocka_unit_test(test_org_rows),
	    cmocka_unit_test(test_other_rows),
	    cmocka_unit_test(test_seed_read_fixture),
	    cmocka_unit_test(test_seed_read_shapes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
