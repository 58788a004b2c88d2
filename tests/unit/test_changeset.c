/*
 * test_changeset — the change-set import (app/changeset.c) on the store
 * fixture with the fictional seed: CSV sheets (io/sheet_csv.c), the pure
 * rules (domain/changeset_rules.c), validation problems with file and line,
 * plan vs apply, idempotence, unconfirmed low rows, renames keeping the
 * former name, membership statements and reading a folder.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/app/changeset.h"
#include "../../src/domain/changeset_rules.h"
#include "../../src/io/sheet.h"
#include "../../src/lib/arena.h"
#include "../../src/store/store.h"
#include "../../src/store/store_provenance.h"
#include "../../src/store/store_write.h"
#include "fixtures.h"

#define TODAY "2026-12-06"

struct fx {
	char dir[128], db[256], err[512];
	struct store *s;
	struct arena *a;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || fixture_store_seeded(f))
		return -1;
	f->a = arena_new();
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

static const struct write_ctx W = {"cli:test", "cli", TODAY};

/* A change set of (name, csv text) pairs, NULL-terminated. */
static struct changeset make(struct fx *f, const char *const *files)
{
	struct changeset cs = {0};
	int n = 0;
	while (files[2 * n])
		n++;
	cs.sheets = arena_calloc(f->a, (size_t)n, sizeof *cs.sheets);
	for (int i = 0; i < n; i++) {
		char err[256];
		const char *name = files[2 * i], *text = files[2 * i + 1];
		char *file = arena_printf(f->a, "%s.csv", name);
		assert_int_equal(sheet_read_csv(f->a, text, strlen(text), name, file, &cs.sheets[i],
						err, sizeof err),
				 0);
	}
	cs.n = n;
	cs.title = "test";
	return cs;
}

/* Does the report have a problem in file at line whose message contains s? */
static bool has_problem(const struct cs_report *r, const char *file, int line, const char *s)
{
	for (int i = 0; i < r->n_problems; i++)
		if (strcmp(r->problems[i].file, file) == 0 && r->problems[i].line == line &&
		    strstr(r->problems[i].message, s))
			return true;
	return false;
}

static const char SOURCES[] =
    "id,title,publisher,url,licence,attribution,reference_date,retrieved,note\n"
    "test-bron-cs,Fictief besluit Testland,Gemeente Testdorp (fictief),"
    "https://zoek.officielebekendmakingen.nl/gmb-9999-1.html,Onbekend,Testdorp,2025-05-01,"
    "2026-12-06,Verzonnen bron.\n";

static const char ORG_CHANGES[] =
    "code,field,new_value,source_id,source_url,source_date,confidence,note\n"
    "gm9998,name,Gemeente Testdorp-Nieuw,test-bron-cs,,2025-05-01,high,\n"
    "gm9998,source_id,test-bron-cs,test-bron-cs,,,medium,\n"
    "gm9999,tooi,gm9990,test-bron-cs,,,low,Gepland.\n";

static const char NEW_COLLABS[] =
    "key,name,short_name,kind,legal_form,powers,domains,phase,purpose,seat,start_date,end_date,"
    "website,source_id,last_confirmed,note,source_url,source_date,confidence\n"
    "gr-testbeheer,Testbeheer,,joint_arrangement,BVO,,afval,,Fictief.,,,,,test-bron-cs,"
    "2025-05-01,,,,high\n";

static const char NEW_PARTS[] =
    "collaboration_key,organisation_code,body,role,cost_share,contribution_eur,joined,left,"
    "source_id,last_confirmed,note,source_url,source_date,confidence\n"
    "gr-testbeheer,gm9998,college,deelnemer,,,,,test-bron-cs,2025-05-01,,,,high\n"
    "gr-testbeheer,gm9999,college,penvoerder,,,,,test-bron-cs,2025-05-01,,,,high\n";

static const char PART_CHANGES[] =
    "collaboration_key,organisation_code,action,date,body,role,source_id,source_url,"
    "source_date,confidence,note\n"
    "gr-testregio-afval,gm9997,end,2019-01-01,,,test-bron-cs,,,high,\n"
    ",,,,,,,,,,\n" /* an empty spreadsheet row is skipped */
    "veiligheidsregio-testland,pv99,add,2020-01-01,algemeen_bestuur,,test-bron-cs,,,high,\n";

static const char COLLAB_CHANGES[] =
    "key,field,new_value,source_id,source_url,source_date,confidence,note\n"
    "gr-testregio-afval,phase,groei,test-bron-cs,,,high,\n"
    "gr-testregio-afval,end_date,2030-01-01,test-bron-cs,,,low,Gepland.\n"
    "gr-testregio-afval,current_participants,gm9998;gm9999;pv99,test-bron-cs,,,high,\n"
    "gr-testregio-afval,participants_body,college,test-bron-cs,,,high,\n";

static const char *const GOOD[] = {
    "sources",
    SOURCES,
    "organisation_changes",
    ORG_CHANGES,
    "new_collaborations",
    NEW_COLLABS,
    "collaboration_changes",
    COLLAB_CHANGES,
    "new_participations",
    NEW_PARTS,
    "participation_changes",
    PART_CHANGES,
    NULL,
    NULL,
};

static void test_sheet_csv(void **state)
{
	struct fx *f = *state;
	struct sheet sh;
	char err[256];
	const char text[] = "\xEF\xBB\xBF"
			    "a,b,c\n1,\"twee\nregels\",3\n4\n\n5,6,7\n";
	assert_int_equal(
	    sheet_read_csv(f->a, text, strlen(text), "t", "t.csv", &sh, err, sizeof err), 0);
	assert_int_equal(sh.ncols, 3);
	assert_int_equal(sh.nrows, 4);
	assert_int_equal(sheet_col(&sh, "a"), 0);
	assert_int_equal(sheet_col(&sh, "c"), 2);
	assert_int_equal(sheet_col(&sh, "x"), -1);
	assert_string_equal(sheet_cell(&sh, 1, 1), "twee\nregels");
	assert_string_equal(sheet_cell(&sh, 2, 2), ""); /* padded */
	assert_string_equal(sheet_cell(&sh, 2, 9), "");
	assert_int_equal(sh.line[1], 2);
	assert_int_equal(sh.line[2], 4); /* the quoted cell spans lines 2-3 */
	assert_int_equal(sh.line[3], 6);
	const char cr[] = "a,b\r1,2\r\n3,4\r";
	assert_int_equal(sheet_read_csv(f->a, cr, strlen(cr), "t", "t.csv", &sh, err, sizeof err),
			 0);
	assert_int_equal(sh.nrows, 3);
	assert_int_equal(sh.line[1], 2);
	assert_int_equal(sh.line[2], 3);
	assert_string_equal(sheet_cell(&sh, 2, 1), "4");
	const char wide[] = "a,b\n1,2,3\n";
	assert_int_equal(
	    sheet_read_csv(f->a, wide, strlen(wide), "t", "t.csv", &sh, err, sizeof err), -1);
	assert_non_null(strstr(err, "t.csv, regel 2"));
	const char quote[] = "a,b\n\"1,2\n";
	assert_int_equal(
	    sheet_read_csv(f->a, quote, strlen(quote), "t", "t.csv", &sh, err, sizeof err), -1);
	const char bad[] = "a,b\n\xff,1\n";
	assert_int_equal(sheet_read_csv(f->a, bad, strlen(bad), "t", "t.csv", &sh, err, sizeof err),
			 -1);
	assert_non_null(strstr(err, "UTF-8"));
}

static void test_rules(void **state)
{
	(void)state;
	char err[256];
	assert_true(cs_confidence_applies("high", NULL));
	assert_true(cs_confidence_applies("medium", "medium"));
	assert_false(cs_confidence_applies("medium", "high"));
	assert_false(cs_confidence_applies("low", NULL));
	assert_false(cs_confidence_applies("zeker", NULL));
	assert_null(cs_org_field("phase"));
	assert_non_null(cs_collab_field("phase"));
	assert_true(cs_collab_field("current_participants")->member);
	assert_int_equal(cs_check_value(cs_collab_field("legal_form"), "OL", err, sizeof err), 0);
	assert_int_equal(cs_check_value(cs_collab_field("legal_form"), "ol", err, sizeof err), -1);
	assert_int_equal(cs_check_value(cs_collab_field("end_date"), "2019-02-29", err, sizeof err),
			 -1);
	assert_non_null(strstr(err, "geen geldige datum"));
	assert_int_equal(cs_check_value(cs_org_field("tooi"), "ws0155", err, sizeof err), 0);
	assert_int_equal(cs_check_value(cs_org_field("tooi"), "x1", err, sizeof err), -1);
	assert_int_equal(cs_check_value(cs_org_field("ended"), "ja", err, sizeof err), -1);
	char codes[8][81];
	assert_int_equal(cs_split_codes(" gm0001 ; gm0002;", codes, 8, err, sizeof err), 2);
	assert_string_equal(codes[1], "gm0002");
	assert_int_equal(cs_split_codes("gm0001;gm0001", codes, 8, err, sizeof err), -1);
	assert_string_equal(cs_confirmed_date("", "2020-01-01"), "2020-01-01");
	assert_string_equal(cs_confirmed_date("2021-01-01", "2020-01-01"), "2021-01-01");
}

static void test_problems(void **state)
{
	struct fx *f = *state;
	static const char *const files[] = {
	    "organisation_changes",
	    "code,field,new_value,source_id,source_url,source_date,confidence,note\n"
	    "gm9998,note,Goed,test-bron-1,,,high,\n"
	    "gm0000,name,Onbekend,test-bron-1,,,high,\n"
	    "gm9998,valid_to,2024-13-01,test-bron-1,,,high,\n"
	    "gm9998,note,Zonder bron,bron-die-niet-bestaat,,,high,\n"
	    "gm9998,cbs_code,GM9998,test-bron-1,,,zeker,\n",
	    "collaboration_changes",
	    "key,field,new_value,source_id,source_url,source_date,confidence,note\n"
	    "gr-testregio-afval,phase,rijp,test-bron-1,,,high,\n"
	    "gr-testregio-afval,current_participants,gm9998,test-bron-1,,,high,\n",
	    "participation_changes",
	    "collaboration_key,organisation_code,action,date,body,role,source_id,source_url,"
	    "source_date,confidence,note\n"
	    "gr-testregio-afval,gm9998,stop,,,,test-bron-1,,,high,\n"
	    "gr-testregio-afval,gm9998,end,,,,test-bron-1,,,high,\n",
	    "onbekend_blad",
	    "a\n",
	    NULL,
	    NULL,
	};
	struct changeset cs = make(f, files);
	struct cs_report r;
	assert_int_equal(changeset_plan(f->s, f->a, &cs, NULL, TODAY, &r, f->err, sizeof f->err),
			 0);
	/* an unknown sheet stops before any row is read */
	assert_int_equal(r.n_problems, 1);
	assert_true(has_problem(&r, "onbekend_blad.csv", 0, "onbekend blad"));
	cs.n = 3;
	assert_int_equal(changeset_plan(f->s, f->a, &cs, NULL, TODAY, &r, f->err, sizeof f->err),
			 0);
	assert_true(
	    has_problem(&r, "organisation_changes.csv", 3, "onbekende organisatie 'gm0000'"));
	assert_true(has_problem(&r, "organisation_changes.csv", 4, "geen geldige datum"));
	assert_true(has_problem(&r, "organisation_changes.csv", 5, "onbekende bron"));
	assert_true(has_problem(&r, "organisation_changes.csv", 6, "zekerheid 'zeker'"));
	assert_true(has_problem(&r, "collaboration_changes.csv", 2, "geen bekende fase"));
	assert_true(
	    has_problem(&r, "collaboration_changes.csv", 3, "niet gelijk aan de deelnames"));
	assert_true(has_problem(&r, "participation_changes.csv", 2, "actie 'stop'"));
	assert_true(has_problem(&r, "participation_changes.csv", 3, "hoort een datum"));
	long long audits = fx_query_int(f->db, "SELECT count(*) FROM audit_event");
	assert_int_equal(changeset_apply(f->s, f->a, &cs, NULL, &W, &r, f->err, sizeof f->err), 0);
	assert_true(r.n_problems > 0);
	assert_int_equal(r.batch_id, 0);
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM audit_event"), audits);
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM organisation WHERE "
					     "note = 'Goed'"),
			 0);
}

static void test_plan_apply_twice(void **state)
{
	struct fx *f = *state;
	struct changeset cs = make(f, GOOD);
	struct cs_report plan, done, again;
	long long audits = fx_query_int(f->db, "SELECT count(*) FROM audit_event");
	assert_int_equal(changeset_plan(f->s, f->a, &cs, NULL, TODAY, &plan, f->err, sizeof f->err),
			 0);
	for (int i = 0; i < plan.n_problems; i++)
		fprintf(stderr, "%s:%d: %s\n", plan.problems[i].file, plan.problems[i].line,
			plan.problems[i].message);
	assert_int_equal(plan.n_problems, 0);
	assert_true(plan.n_changes > 10);
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM audit_event"), audits);

	assert_int_equal(changeset_apply(f->s, f->a, &cs, NULL, &W, &done, f->err, sizeof f->err),
			 0);
	assert_int_equal(done.n_problems, 0);
	assert_int_equal(done.n_changes, plan.n_changes);
	assert_true(done.batch_id > 0);
	for (int i = 0; i < plan.n_changes; i++) {
		assert_int_equal(done.changes[i].op, plan.changes[i].op);
		assert_string_equal(done.changes[i].key, plan.changes[i].key);
		assert_string_equal(done.changes[i].field, plan.changes[i].field);
	}
	/* the facts */
	assert_int_equal(fx_query_int(f->db,
				      "SELECT count(*) FROM organisation WHERE code = "
				      "'gm9998' AND name = 'Gemeente Testdorp-Nieuw' AND "
				      "former_names = 'Gemeente Testdorp' AND last_confirmed "
				      "= '2025-05-01'"),
			 1);
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM participation p JOIN "
					     "collaboration c ON c.id = p.collaboration_id WHERE "
					     "c.key = 'gr-testbeheer'"),
			 2);
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM collaboration_domain cd JOIN "
					     "collaboration c ON c.id = cd.collaboration_id WHERE "
					     "c.key = 'gr-testbeheer'"),
			 1);
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM participation p JOIN "
					     "organisation o ON o.id = p.organisation_id WHERE "
					     "o.code = 'gm9997' AND p.left_on = '2019-01-01' AND "
					     "p.collaboration_id = (SELECT id FROM collaboration "
					     "WHERE key = 'gr-testregio-afval')"),
			 1);
	/* membership statements: source and body of the current participations */
	assert_int_equal(fx_query_int(f->db,
				      "SELECT count(*) FROM participation p JOIN "
				      "collaboration c ON c.id = p.collaboration_id JOIN "
				      "source s ON s.id = p.source_id WHERE c.key = "
				      "'gr-testregio-afval' AND s.key = 'test-bron-cs' AND "
				      "p.body = 'college' AND p.last_confirmed = '2025-05-01'"),
			 3);
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM source WHERE key = "
					     "'test-bron-cs' AND kind = 'bekendmaking'"),
			 1);
	/* low rows: unconfirmed claims, not facts */
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM collaboration WHERE key = "
					     "'gr-testregio-afval' AND end_date = ''"),
			 1);
	assert_int_equal(fx_query_int(f->db,
				      "SELECT count(*) FROM provenance WHERE status = "
				      "'unconfirmed' AND entity_key = 'gr-testregio-afval' AND "
				      "field = 'end_date' AND value = '2030-01-01' AND "
				      "confidence = 'low'"),
			 1);
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM organisation WHERE code = "
					     "'gm9999' AND tooi = 'gm9999'"),
			 1);
	/* one batch; every event of it carries the batch */
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM import_batch"), 1);
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM audit_event WHERE actor = "
					     "'cli:test' AND batch_id IS NULL"),
			 0);
	long long after = fx_query_int(f->db, "SELECT count(*) FROM audit_event");

	/* twice: nothing to do, nothing written */
	assert_int_equal(changeset_apply(f->s, f->a, &cs, NULL, &W, &again, f->err, sizeof f->err),
			 0);
	for (int i = 0; i < again.n_changes; i++)
		fprintf(stderr, "still: %s:%d %s %s %s\n", again.changes[i].file,
			again.changes[i].line, changeset_op_label(again.changes[i].op),
			again.changes[i].key, again.changes[i].field);
	assert_int_equal(again.n_changes, 0);
	assert_int_equal(again.n_problems, 0);
	assert_int_equal(again.batch_id, 0);
	assert_true(again.n_unchanged > 0);
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM audit_event"), after);
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM import_batch"), 1);
}

/* A later edit wins: a field edited on the web after the change set was
 * applied is not overwritten by applying the change set again. */
static void test_later_edit_wins(void **state)
{
	struct fx *f = *state;
	struct changeset cs = make(f, GOOD);
	struct cs_report r;
	assert_int_equal(changeset_apply(f->s, f->a, &cs, NULL, &W, &r, f->err, sizeof f->err), 0);
	assert_true(r.n_changes > 0);
	int64_t version = 0;
	assert_int_equal(
	    store_current_version(f->s, "collaboration", "gr-testregio-afval", NULL, &version),
	    STORE_OK);
	const struct write_ctx web = {"gebruiker:redacteur", "web", TODAY};
	struct collab_input in = {.phase = "transformatie"};
	assert_int_equal(
	    store_collab_update(f->s, &web, "gr-testregio-afval", version, &in, NULL, NULL),
	    STORE_OK);
	long long audits = fx_query_int(f->db, "SELECT count(*) FROM audit_event");
	assert_int_equal(changeset_apply(f->s, f->a, &cs, NULL, &W, &r, f->err, sizeof f->err), 0);
	assert_int_equal(r.n_problems, 0);
	assert_int_equal(r.n_changes, 0);
	assert_int_equal(r.n_superseded, 1);
	assert_string_equal(r.superseded[0].key, "gr-testregio-afval");
	assert_string_equal(r.superseded[0].field, "phase");
	assert_int_equal(r.superseded[0].line, 2);
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM audit_event"), audits);
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM collaboration WHERE key = "
					     "'gr-testregio-afval' AND phase = 'transformatie'"),
			 1);
}

static void test_min_high(void **state)
{
	struct fx *f = *state;
	struct changeset cs = make(f, GOOD);
	struct cs_report r;
	assert_int_equal(changeset_apply(f->s, f->a, &cs, "high", &W, &r, f->err, sizeof f->err),
			 0);
	assert_int_equal(r.n_problems, 0);
	/* the medium source_id row is only a claim at high */
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM provenance WHERE status = "
					     "'unconfirmed' AND entity_key = 'gm9998' AND field = "
					     "'source_id' AND confidence = 'medium'"),
			 1);
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM organisation o JOIN source s "
					     "ON s.id = o.source_id WHERE o.code = 'gm9998' AND "
					     "s.key = 'test-bron-1'"),
			 1);
	assert_int_equal(changeset_plan(f->s, f->a, &cs, "low", TODAY, &r, f->err, sizeof f->err),
			 0);
	assert_int_equal(r.n_problems, 1);
}

static void test_read_dir(void **state)
{
	struct fx *f = *state;
	char d[300];
	snprintf(d, sizeof d, "%s/01-test/", f->dir);
	assert_int_equal(mkdir(d, 0700), 0);
	char p[400];
	snprintf(p, sizeof p, "%s/sources.csv", d);
	assert_int_equal(fx_write(p, SOURCES), 0);
	snprintf(p, sizeof p, "%s/SOURCES.md", d);
	assert_int_equal(fx_write(p, "# niet gelezen\n"), 0);
	struct changeset cs;
	assert_int_equal(changeset_read_dir(f->a, d, &cs, f->err, sizeof f->err), 0);
	assert_int_equal(cs.n, 1);
	assert_string_equal(cs.title, "01-test");
	assert_string_equal(cs.sheets[0].name, "sources");
	assert_string_equal(cs.sheets[0].file, "sources.csv");
	snprintf(p, sizeof p, "%s/bestaat-niet", f->dir);
	assert_int_equal(changeset_read_dir(f->a, p, &cs, f->err, sizeof f->err), -1);
	assert_non_null(strstr(f->err, "bestaat-niet"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_sheet_csv, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_rules, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_problems, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_plan_apply_twice, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_later_edit_wins, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_min_high, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_read_dir, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
