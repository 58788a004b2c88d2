/*
 * test_csv_import — the CSV exchange of collaborations and participations
 * (io/csv_import.h) against the fictional seed: export → import changes
 * nothing (also with a formula-like note), valid files with ';' and ','
 * separators, with and without a BOM, a dry run, and every kind of bad
 * line rejected with its line number and nothing written (rows and audit
 * events counted before and after).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/domain/snapshot.h"
#include "../../src/store/store_csv.h"
#include "../../src/store/store.h"
#include "../../src/store/store_write.h"
#include "fixtures.h"

#define TODAY "2025-03-01"

struct fx {
	char dir[128];
	char db[256];
	struct store *s;
	struct write_ctx w;
	char err[1024];
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || fixture_store_seeded(f))
		return -1;
	f->w = (struct write_ctx){"cli:test", "cli", TODAY};
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	fixture_store_free(f);
	free(f);
	return 0;
}

static long long state_sum(struct fx *f)
{
	return fx_query_int(f->db, "SELECT (SELECT count(*) FROM collaboration) * 1000000 + "
				   "(SELECT count(*) FROM participation) * 1000 + "
				   "(SELECT count(*) FROM audit_event) + "
				   "(SELECT sum(version) FROM collaboration) * 7 + "
				   "(SELECT sum(version) FROM participation) * 13");
}

static struct snapshot *snap(struct fx *f)
{
	struct snapshot *s = fixture_snapshot(f->s, TODAY);
	assert_non_null(s);
	return s;
}

static int run(struct fx *f, const char *csv, bool dry, struct csv_import_report *rep)
{
	int rc = store_csv_import(f->s, &f->w, csv, strlen(csv), dry, rep);
	csv_import_report_free(rep);
	return rc;
}

static void test_round_trip(void **state)
{
	struct fx *f = *state;
	/* a note that looks like a formula is neutralised on export and
	 * restored on import */
	struct collab_input in = {.note = "=SUM(A1:A2)"};
	int64_t now;
	assert_int_equal(store_collab_update(f->s, &f->w, "gr-testregio-afval", 1, &in, NULL, &now),
			 STORE_OK);
	struct snapshot *s = snap(f);
	struct buf c = BUF_INIT, p = BUF_INIT;
	csv_export_collabs(&c, s);
	csv_export_parts(&p, s);
	assert_non_null(strstr(c.data, "'=SUM(A1:A2)"));
	long long before = state_sum(f);
	struct csv_import_report rep;
	assert_int_equal(run(f, c.data, false, &rep), 0);
	assert_int_equal(rep.table, CSV_TABLE_COLLABS);
	assert_int_equal(rep.unchanged, s->n_collabs);
	assert_int_equal(rep.changed + rep.added, 0);
	assert_int_equal(run(f, p.data, false, &rep), 0);
	assert_int_equal(rep.table, CSV_TABLE_PARTS);
	assert_int_equal(rep.unchanged, s->n_parts);
	assert_int_equal(rep.changed + rep.added, 0);
	assert_int_equal(state_sum(f), before);
	snapshot_free(s);
	buf_free(&c);
	buf_free(&p);
}

static void test_valid_semicolon_bom(void **state)
{
	struct fx *f = *state;
	const char *csv = "\xEF\xBB\xBFsleutel;naam;soort;beleidsdomeinen;juridischeVorm;doel\r\n"
			  ";Testsamenwerking Zuid;wgr;afval;GO;\"Doel; met puntkomma\"\r\n"
			  "gr-testregio-afval;Afvalschap Testregio (nieuw);wgr;afval;OL;\r\n";
	struct csv_import_report rep;
	assert_int_equal(store_csv_import(f->s, &f->w, csv, strlen(csv), false, &rep), 0);
	assert_int_equal(rep.sep, ';');
	assert_int_equal(rep.added, 1);
	assert_int_equal(rep.changed, 1);
	assert_non_null(strstr(rep.added_keys.data, "regel 2: testsamenwerking-zuid"));
	csv_import_report_free(&rep);
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM collaboration WHERE purpose = "
					     "'Doel; met puntkomma' AND legal_form = 'GO'"),
			 1);
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM collaboration WHERE name = "
					     "'Afvalschap Testregio (nieuw)'"),
			 1);
}

static void test_valid_comma_parts_and_dry_run(void **state)
{
	struct fx *f = *state;
	const char *csv = "samenwerkingsverband,organisatie,rol,orgaan,kostenverdeelsleutel,"
			  "toegetreden\n"
			  "veiligheidsregio-testland,pv99,toehoorder,college,\"0,1\",2020-01-01\n";
	long long before = state_sum(f);
	struct csv_import_report rep;
	assert_int_equal(run(f, csv, true, &rep), 0);
	assert_int_equal(rep.sep, ',');
	assert_int_equal(rep.added, 1);
	assert_int_equal(state_sum(f), before); /* dry run: nothing written */
	assert_int_equal(run(f, csv, false, &rep), 0);
	assert_int_equal(rep.added, 1);
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM participation WHERE role = "
					     "'toehoorder' AND abs(cost_share - 0.1) < 1e-9"),
			 1);
}

/* Every bad file: rc -1, the first error on line `line`, nothing written. */
static void bad(struct fx *f, const char *csv, size_t len, int line, const char *needle)
{
	long long before = state_sum(f);
	struct csv_import_report rep;
	int rc = store_csv_import(f->s, &f->w, csv, len, false, &rep);
	if (rc != -1 || rep.n_errors < 1 || rep.errors[0].line != line ||
	    (needle && !strstr(rep.errors[0].message, needle)))
		fail_msg("%s: rc %d, %d errors, first line %d: %s", csv, rc, rep.n_errors,
			 rep.n_errors ? rep.errors[0].line : -1,
			 rep.n_errors ? rep.errors[0].message : "");
	csv_import_report_free(&rep);
	assert_int_equal(state_sum(f), before);
}

#define BAD(f, s, line, needle) bad(f, s, strlen(s), line, needle)

static void test_bad_lines(void **state)
{
	struct fx *f = *state;
	const char *h = "sleutel,naam,soort,beleidsdomeinen\n";
	char b[512];
	/* a good line first: it must be rolled back too */
#define WITH(x) (snprintf(b, sizeof b, "%s,Goed verband,wgr,afval\n%s", h, x), b)
	BAD(f, WITH(",Verband X,onzin,afval\n"), 3, "soort");
	BAD(f, WITH(",Verband X,wgr,onbekend-domein\n"), 3, "beleidsdomein");
	BAD(f, WITH(",,wgr,afval\n"), 3, "naam");
	BAD(f, WITH(",Verband X,wgr\n"), 3, "kolommen");
	BAD(f, WITH("bestaat-niet,Verband X,wgr,afval\n"), 3, "sleutel");
	BAD(f, WITH(",\"Verband X,wgr,afval\n"), 3, "afgesloten");
	BAD(f, "sleutel,naam,kleur\n,Verband,rood\n", 1, "kleur");
	BAD(f, "een,twee\n1,2\n", 1, "Kopregel");
	BAD(f, "", 1, "leeg");
	BAD(f, "sleutel,naam\n", 2, "kopregel");
	BAD(f, "sleutel,naam,startdatum,soort,beleidsdomeinen\n,X verband,2023-02-31,wgr,afval\n",
	    2, "startdatum");
	BAD(f, "sleutel,naam\n,Verband \xC3\x28 kapot\n", 2, "UTF-8");
	static const char nul[] = "sleutel,naam\n,Ver\0band\n";
	bad(f, nul, sizeof nul - 1, 0, "NUL");
	/* participations */
	const char *ph = "id,samenwerkingsverband,organisatie,rol\n";
	snprintf(b, sizeof b,
		 "%s,veiligheidsregio-testland,pv99,deelnemer\n,geen-verband,pv99,"
		 "deelnemer\n",
		 ph);
	BAD(f, b, 3, "geen samenwerkingsverband");
	snprintf(b, sizeof b, "%s999999,veiligheidsregio-testland,pv99,deelnemer\n", ph);
	BAD(f, b, 2, "geen deelname");
	snprintf(b, sizeof b, "%s,veiligheidsregio-testland,gm0000,deelnemer\n", ph);
	BAD(f, b, 2, "organisatie");
	snprintf(b, sizeof b, "%s,veiligheidsregio-testland,pv99,baas\n", ph);
	BAD(f, b, 2, "rol");
	/* a quoted field spanning lines: the error names the line it starts on */
	BAD(f,
	    "sleutel,naam,soort,beleidsdomeinen,doel\n,Goed verband,wgr,afval,\"twee\nregels\"\n"
	    ",Verband X,onzin,afval,\n",
	    4, "soort");
#undef WITH
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_valid_semicolon_bom, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_valid_comma_parts_and_dry_run, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_bad_lines, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
