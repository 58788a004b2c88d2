/*
 * test_officeholders — the change-set table "office_holders"
 * (app/officeholders.h) against the fictional seed, with a sheet built by
 * hand and clearly fictional people ("Anna Testburger"): the plan writes
 * nothing and lists every change; writing makes persons, offices (acting
 * for a waarnemend burgemeester), a seat, sources and provenance; a second
 * plan and a second write change nothing; a low-confidence row is imported
 * with provenance confidence low; a month-only start date becomes the
 * first of the month with a note; rows with an unknown organisation code,
 * a bad date, an unknown office or no source are problems with their line
 * and nothing is written; an existing person with the same name and an
 * office at the organisation is reused, not duplicated.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/app/officeholders.h"
#include "../../src/lib/arena.h"
#include "../../src/store/store.h"
#include "../../src/store/store_people.h"
#include "../../src/store/store_provenance.h"
#include "../../src/store/store_write.h"
#include "fixtures.h"

#define TODAY "2026-12-06"
#define NCOL 13

static const char *const header[NCOL] = {
    "organisation_code",
    "person_name",
    "office",
    "portfolio",
    "collaboration_key",
    "body",
    "start_date",
    "source_url",
    "source_title",
    "source_date",
    "retrieved",
    "confidence",
    "note",
};

/* Fictional rows on the fictional seed (tests/fixtures/seed-fictional). */
static const char *const good[][NCOL] = {
    {"gm9998", "Anna Testburger", "burgemeester", "", "", "", "2020-02",
     "https://example.org/testdorp/burgemeester", "Burgemeester van Testdorp", "2024-05-01",
     "2026-12-06", "high", "Fictief."},
    {"gm9999", "Bram Proefwaarnemer", "waarnemend burgemeester", "", "", "", "2025-10-02",
     "https://example.org/voorbeeldstad/waarnemer", "Waarnemer in Voorbeeldstad", "", "2026-12-06",
     "medium", ""},
    {"gm9996", "Cees Oudbron", "burgemeester", "", "", "", "2019-01-01",
     "https://example.net/oud-bericht", "Een oud bericht", "2019", "2026-12-06", "low",
     "Geen nieuwere bron."},
    {"pv99", "Dora Testgedeputeerde", "gedeputeerde", "Water en testen", "", "", "2023-08-21",
     "https://example.org/testdorp/burgemeester", "Burgemeester van Testdorp", "2024-05-01",
     "2026-12-06", "medium", ""},
    {"gm9998", "Anna Testburger", "voorzitter algemeen bestuur", "", "veiligheidsregio-testland",
     "voorzitter", "", "https://example.org/vrt/bestuur", "Bestuur van de VRT", "2025",
     "2026-12-06", "medium", ""},
};
#define NGOOD ((int)(sizeof good / sizeof good[0]))

static const char *const bad[][NCOL] = {
    {"gm0000", "Eva Onbekend", "burgemeester", "", "", "", "", "https://example.org/a", "A", "", "",
     "medium", ""},
    {"gm9998", "Fred Datum", "burgemeester", "", "", "", "2020-13", "https://example.org/b", "B",
     "", "", "medium", ""},
    {"gm9998", "Gert Functie", "wethouder", "", "", "", "", "https://example.org/c", "C", "", "",
     "medium", ""},
    {"gm9998", "Hans Bronloos", "burgemeester", "", "", "", "", "", "", "", "", "medium", ""},
};
#define NBAD ((int)(sizeof bad / sizeof bad[0]))

struct fx {
	struct arena *a;
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
	f->a = arena_new();
	f->w = (struct write_ctx){"cli:test", "cli", TODAY};
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	arena_free(f->a);
	fixture_store_free(f);
	free(f);
	return 0;
}

/* A sheet of the header and n rows (lines 2..n+1) in arena a. */
static struct sheet make_sheet(struct arena *a, const char *const (*rows)[NCOL], int n)
{
	const char ***cells = arena_calloc(a, (size_t)n + 1, sizeof *cells);
	int *line = arena_calloc(a, (size_t)n + 1, sizeof *line);
	for (int i = 0; i <= n; i++) {
		cells[i] = arena_calloc(a, NCOL, sizeof **cells);
		for (int c = 0; c < NCOL; c++)
			cells[i][c] = i == 0 ? header[c] : rows[i - 1][c];
		line[i] = i + 1;
	}
	return (struct sheet){.name = "office_holders",
			      .file = "office_holders.csv",
			      .ncols = NCOL,
			      .nrows = n + 1,
			      .cells = cells,
			      .line = line};
}

static long long q(struct fx *f, const char *sql)
{
	return fx_query_int(f->db, sql);
}

static int count_op(const struct cs_report *r, enum cs_op op, const char *entity)
{
	int n = 0;
	for (int i = 0; i < r->n_changes; i++)
		if (r->changes[i].op == op && strcmp(r->changes[i].entity, entity) == 0)
			n++;
	return n;
}

static void write_sheet(struct fx *f, const struct sheet *sh, struct cs_report *rep)
{
	assert_int_equal(store_batch_begin(f->s), STORE_OK);
	int rc = officeholders_write(f->s, f->a, sh, NULL, &f->w, rep);
	assert_int_equal(rc, 0);
	assert_int_equal(store_batch_end(f->s, rep->n_problems == 0), STORE_OK);
}

static void test_plan_write_idempotent(void **state)
{
	struct fx *f = *state;
	struct sheet sh = make_sheet(f->a, good, NGOOD);
	long long events = q(f, "SELECT count(*) FROM audit_event");

	struct cs_report plan = {0};
	assert_int_equal(officeholders_plan(f->s, f->a, &sh, NULL, TODAY, &plan), 0);
	assert_int_equal(plan.n_problems, 0);
	assert_int_equal(count_op(&plan, CS_ADD, "person"), 4); /* Anna once */
	assert_int_equal(count_op(&plan, CS_ADD, "office"), 4);
	assert_int_equal(count_op(&plan, CS_ADD, "seat"), 1);
	assert_int_equal(count_op(&plan, CS_ADD, "source"), 4); /* one URL twice */
	assert_int_equal(plan.n_changes, 13);
	/* the plan wrote nothing */
	assert_int_equal(q(f, "SELECT count(*) FROM person"), 0);
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event"), events);

	struct cs_report done = {0};
	write_sheet(f, &sh, &done);
	assert_int_equal(done.n_problems, 0);
	assert_int_equal(done.n_changes, plan.n_changes);
	assert_int_equal(q(f, "SELECT count(*) FROM person"), 4);
	assert_int_equal(q(f, "SELECT count(*) FROM office"), 4);
	assert_int_equal(q(f, "SELECT count(*) FROM seat"), 1);
	/* waarnemend = burgemeester with acting */
	assert_int_equal(q(f, "SELECT acting FROM office f JOIN person p ON p.id = f.person_id "
			      "WHERE p.name = 'Bram Proefwaarnemer' AND f.kind = 'burgemeester'"),
			 1);
	assert_int_equal(q(f, "SELECT count(*) FROM office WHERE acting = 1"), 1);
	/* a month-only date: the first of the month, with a note */
	assert_int_equal(q(f, "SELECT count(*) FROM office WHERE from_date = '2020-02-01'"), 1);
	assert_int_equal(q(f, "SELECT count(*) FROM provenance WHERE entity = 'office' AND note "
			      "LIKE '%alleen als maand%2020-02%'"),
			 1);
	/* the portfolio of the gedeputeerde */
	assert_int_equal(q(f, "SELECT count(*) FROM office WHERE kind = 'gedeputeerde' AND "
			      "portfolio = 'Water en testen'"),
			 1);
	/* nothing beyond name, office, organisation and dates */
	assert_int_equal(q(f, "SELECT count(*) FROM person WHERE email <> '' OR phone <> '' OR "
			      "note <> '' OR party <> ''"),
			 0);
	/* every office and seat has its source; the low row carries low */
	assert_int_equal(q(f, "SELECT count(*) FROM provenance WHERE entity IN ('office', 'seat') "
			      "AND field = 'record' AND status = 'fact' AND source_id IS NOT NULL"),
			 5);
	assert_int_equal(q(f, "SELECT count(*) FROM provenance p JOIN office f ON p.entity_key = "
			      "'gm9996/' || f.id WHERE p.entity = 'office' AND p.confidence = "
			      "'low'"),
			 1);
	assert_int_equal(q(f, "SELECT count(*) FROM source WHERE key LIKE 'web-example-org-%'"), 3);
	assert_int_equal(q(f, "SELECT count(*) FROM source WHERE key LIKE 'web-%' AND kind = ''"),
			 0);
	/* the VRT seat: voorzitter on behalf of Testdorp */
	assert_int_equal(q(f,
			   "SELECT count(*) FROM seat t JOIN organisation o ON o.id = "
			   "t.organisation_id WHERE t.body = 'voorzitter' AND o.code = 'gm9998'"),
			 1);
	/* Anna is one person with an office and a seat */
	assert_int_equal(q(f, "SELECT count(*) FROM person WHERE name = 'Anna Testburger'"), 1);

	/* idempotent: a second plan and a second write change nothing */
	long long version = q(f, "SELECT value FROM meta WHERE key = 'data_version'");
	struct cs_report again = {0};
	assert_int_equal(officeholders_plan(f->s, f->a, &sh, NULL, TODAY, &again), 0);
	assert_int_equal(again.n_problems, 0);
	assert_int_equal(again.n_changes, 0);
	assert_int_equal(again.n_unchanged, NGOOD);
	struct cs_report again_w = {0};
	write_sheet(f, &sh, &again_w);
	assert_int_equal(again_w.n_changes, 0);
	assert_int_equal(q(f, "SELECT count(*) FROM person"), 4);
	assert_int_equal(q(f, "SELECT value FROM meta WHERE key = 'data_version'"), version);
}

static void test_changes_and_provenance(void **state)
{
	struct fx *f = *state;
	struct sheet sh = make_sheet(f->a, good, NGOOD);
	struct cs_report done = {0};
	write_sheet(f, &sh, &done);

	/* a newer sheet: Bram's start date corrected, Cees confirmed at medium */
	const char *rows[NGOOD][NCOL];
	memcpy(rows, good, sizeof rows);
	rows[1][6] = "2025-10-01";
	rows[2][11] = "medium";
	struct sheet sh2 = make_sheet(f->a, (const char *const(*)[NCOL])rows, NGOOD);
	struct cs_report plan = {0};
	assert_int_equal(officeholders_plan(f->s, f->a, &sh2, NULL, TODAY, &plan), 0);
	assert_int_equal(plan.n_changes, 2);
	assert_int_equal(count_op(&plan, CS_UPDATE, "office"), 1);
	assert_int_equal(count_op(&plan, CS_PROVENANCE, "office"), 1);
	for (int i = 0; i < plan.n_changes; i++)
		if (plan.changes[i].op == CS_UPDATE) {
			assert_string_equal(plan.changes[i].field, "from_date");
			assert_string_equal(plan.changes[i].old_value, "2025-10-02");
			assert_string_equal(plan.changes[i].new_value, "2025-10-01");
			assert_int_equal(plan.changes[i].line, 3);
		}
	struct cs_report w2 = {0};
	write_sheet(f, &sh2, &w2);
	assert_int_equal(w2.n_changes, 2);
	assert_int_equal(q(f, "SELECT count(*) FROM office WHERE from_date = '2025-10-01'"), 1);
	assert_int_equal(q(f, "SELECT count(*) FROM provenance WHERE entity = 'office' AND "
			      "confidence = 'low'"),
			 0);
	struct cs_report again = {0};
	assert_int_equal(officeholders_plan(f->s, f->a, &sh2, NULL, TODAY, &again), 0);
	assert_int_equal(again.n_changes, 0);
}

static void test_problems(void **state)
{
	struct fx *f = *state;
	const char *rows[NGOOD + NBAD][NCOL];
	memcpy(rows, good, sizeof good);
	memcpy(rows + NGOOD, bad, sizeof bad);
	struct sheet sh = make_sheet(f->a, (const char *const(*)[NCOL])rows, NGOOD + NBAD);
	struct cs_report plan = {0};
	assert_int_equal(officeholders_plan(f->s, f->a, &sh, NULL, TODAY, &plan), 0);
	assert_int_equal(plan.n_problems, NBAD);
	assert_int_equal(plan.n_changes, 0);
	const char *want[NBAD] = {"gm0000", "2020-13", "wethouder", "bron"};
	for (int i = 0; i < NBAD; i++) {
		assert_int_equal(plan.problems[i].line, NGOOD + 2 + i);
		assert_string_equal(plan.problems[i].file, "office_holders.csv");
		assert_non_null(strstr(plan.problems[i].message, want[i]));
	}
	struct cs_report w = {0};
	write_sheet(f, &sh, &w);
	assert_int_equal(w.n_problems, NBAD);
	assert_int_equal(q(f, "SELECT count(*) FROM person"), 0);
	assert_int_equal(q(f, "SELECT count(*) FROM source WHERE key LIKE 'web-%'"), 0);

	/* a missing column is a problem of the header line */
	const char *short_header[3] = {"organisation_code", "person_name", "office"};
	const char **cells[1] = {short_header};
	int line[1] = {1};
	struct sheet h = {.name = "office_holders",
			  .file = "x.csv",
			  .ncols = 3,
			  .nrows = 1,
			  .cells = (const char ***)cells,
			  .line = line};
	struct cs_report hr = {0};
	assert_int_equal(officeholders_plan(f->s, f->a, &h, NULL, TODAY, &hr), 0);
	assert_true(hr.n_problems >= 3);
	assert_int_equal(hr.problems[0].line, 1);
}

static void test_existing_person_reused(void **state)
{
	struct fx *f = *state;
	char key[96];
	struct field_errors e;
	struct person_input in = {.name = "Anna Testburger"};
	assert_int_equal(store_person_create(f->s, &f->w, &in, key, sizeof key, &e), STORE_OK);
	struct office_input of = {
	    .org_code = "gm9998", .kind = "burgemeester", .from = "2014-01-01"};
	assert_int_equal(store_office_add(f->s, &f->w, key, &of, NULL, &e), STORE_OK);
	/* a namesake without an office at these organisations is not reused */
	struct person_input other = {.name = "Bram Proefwaarnemer"};
	char key2[96];
	assert_int_equal(store_person_create(f->s, &f->w, &other, key2, sizeof key2, &e), STORE_OK);

	struct sheet sh = make_sheet(f->a, good, NGOOD);
	struct cs_report plan = {0};
	assert_int_equal(officeholders_plan(f->s, f->a, &sh, NULL, TODAY, &plan), 0);
	assert_int_equal(count_op(&plan, CS_ADD, "person"), 3);
	assert_int_equal(count_op(&plan, CS_ADD, "office"), 3);
	assert_int_equal(count_op(&plan, CS_UPDATE, "office"), 1); /* 2014-01-01 → 2020-02-01 */
	struct cs_report w = {0};
	write_sheet(f, &sh, &w);
	assert_int_equal(q(f, "SELECT count(*) FROM person WHERE name = 'Anna Testburger'"), 1);
	assert_int_equal(q(f, "SELECT count(*) FROM person WHERE name = 'Bram Proefwaarnemer'"), 2);
	assert_int_equal(q(f, "SELECT count(*) FROM office"), 4);
}

static void test_successor_ends_predecessor(void **state)
{
	struct fx *f = *state;
	char k1[96], k2[96];
	struct field_errors e;
	struct person_input p1 = {.name = "Piet Voorganger"}, p2 = {.name = "Zoë Benoemd"};
	assert_int_equal(store_person_create(f->s, &f->w, &p1, k1, sizeof k1, &e), STORE_OK);
	assert_int_equal(store_person_create(f->s, &f->w, &p2, k2, sizeof k2, &e), STORE_OK);
	/* Testdorp's burgemeester since 2012: Anna (2020-02) succeeds him */
	struct office_input o1 = {
	    .org_code = "gm9998", .kind = "burgemeester", .from = "2012-01-01"};
	/* Voorbeeldstad's appointed burgemeester stays: Bram is a waarnemer */
	struct office_input o2 = {
	    .org_code = "gm9999", .kind = "burgemeester", .from = "2015-01-01"};
	int64_t id1, id2;
	assert_int_equal(store_office_add(f->s, &f->w, k1, &o1, &id1, &e), STORE_OK);
	assert_int_equal(store_office_add(f->s, &f->w, k2, &o2, &id2, &e), STORE_OK);

	struct sheet sh = make_sheet(f->a, good, NGOOD);
	struct cs_report plan = {0};
	assert_int_equal(officeholders_plan(f->s, f->a, &sh, NULL, TODAY, &plan), 0);
	assert_int_equal(count_op(&plan, CS_END, "office"), 1);
	for (int i = 0; i < plan.n_changes; i++)
		if (plan.changes[i].op == CS_END) {
			assert_string_equal(plan.changes[i].new_value, "2020-02-01");
			assert_int_equal(plan.changes[i].line, 2);
		}
	struct cs_report w = {0};
	write_sheet(f, &sh, &w);
	assert_int_equal(count_op(&w, CS_END, "office"), 1);
	char sql[200];
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM office WHERE id = %lld AND to_date = "
		 "'2020-02-01'",
		 (long long)id1);
	assert_int_equal(q(f, sql), 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM office WHERE id = %lld AND to_date = ''",
		 (long long)id2);
	assert_int_equal(q(f, sql), 1);
	assert_int_equal(q(f, "SELECT count(*) FROM provenance WHERE field = 'to_date'"), 1);
	struct cs_report again = {0};
	assert_int_equal(officeholders_plan(f->s, f->a, &sh, NULL, TODAY, &again), 0);
	assert_int_equal(again.n_changes, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_plan_write_idempotent, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_changes_and_provenance, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_problems, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_existing_person_reused, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_successor_ends_predecessor, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
