/*
 * test_roo — the ROO import (io/roo.h, store/store_roo.h): legal-form codes,
 * verdeelsleutel parsing, namespace acceptance, the beleidsterrein table,
 * every bad fixture (error with file:line:column, nothing written),
 * idempotency and a newer export (updates, ends, audit trail).
 * Fixtures: tests/fixtures/roo (fictional, written from the XSD).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <regex.h>

#include "../../src/io/roo.h"
#include "../../src/store/store.h"
#include "../../src/store/store_roo.h"
#include "fixtures.h"

#define RDIR "tests/fixtures/roo/"
#define MAP "data/roo-beleidsterreinen.csv"

struct fx {
	char dir[128], db[192];
	struct store *s;
	char err[1024];
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || fixture_store_seeded(f))
		return -1;
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

static long long q(struct fx *f, const char *sql)
{
	return fx_query_int(f->db, sql);
}

/* A fingerprint of everything the import may write. */
static long long state_sum(struct fx *f)
{
	return q(f, "SELECT (SELECT count(*) FROM organisation) * 1 + (SELECT count(*) FROM "
		    "collaboration) * 1000 + (SELECT count(*) FROM participation) * 100000 + "
		    "(SELECT count(*) FROM person) * 10000000 + (SELECT count(*) FROM seat) * "
		    "1000000000 + (SELECT count(*) FROM audit_event) * 100000000000 + (SELECT "
		    "total(version) FROM organisation) + (SELECT total(version) FROM "
		    "collaboration) + (SELECT count(*) FROM office) * 7 + (SELECT value FROM meta "
		    "WHERE key = 'data_version')");
}

static int import(struct fx *f, const char *file, bool dry, struct roo_report *rep)
{
	memset(rep, 0, sizeof *rep);
	int rc = store_roo_import(f->s, file, MAP, dry, false, rep, f->err, sizeof f->err);
	return rc;
}

static void test_legal_form(void **state)
{
	(void)state;
	assert_string_equal(roo_legal_form("OL"), "OL");
	assert_string_equal(roo_legal_form("GO"), "GO");
	assert_string_equal(roo_legal_form("BVO"), "BVO");
	assert_string_equal(roo_legal_form("CC"), "CC");
	assert_string_equal(roo_legal_form("RZM"), "RZM");
	/* never the enumerated text, not even the one with apostrophes */
	assert_null(roo_legal_form("Openbaar lichaam"));
	assert_null(roo_legal_form("'Regeling zonder meer'"));
	assert_null(roo_legal_form("ol"));
	assert_null(roo_legal_form(""));
	assert_null(roo_legal_form(NULL));
	assert_string_equal(roo_powers("Zonder mandaat"), "zonder_mandaat");
	assert_null(roo_powers("zonder mandaat"));
}

static void test_share(void **state)
{
	(void)state;
	double v = -1;
	assert_int_equal(roo_parse_share("0,25", &v), 0);
	assert_true(v > 0.2499999 && v < 0.2500001);
	assert_int_equal(roo_parse_share("12", &v), 0);
	assert_true(v == 12.0);
	assert_int_equal(roo_parse_share(",5", &v), 0);
	assert_true(v == 0.5);
	assert_int_equal(roo_parse_share("3,", &v), 0);
	assert_true(v == 3.0);
	assert_int_equal(roo_parse_share("0.25", &v), -1);
	assert_int_equal(roo_parse_share("", &v), -1);
	assert_int_equal(roo_parse_share(",", &v), -1);
	assert_int_equal(roo_parse_share("1,2,3", &v), -1);
	assert_int_equal(roo_parse_share("-1", &v), -1);
	assert_int_equal(roo_parse_share("1234567890123456", &v), -1);
}

static void test_namespace(void **state)
{
	(void)state;
	char v[32];
	assert_true(roo_namespace_ok(ROO_NS_PREFIX "2.6.9", v, sizeof v));
	assert_string_equal(v, "2.6.9");
	assert_true(roo_namespace_ok(ROO_NS_PREFIX "2.6.13", v, sizeof v));
	assert_true(roo_namespace_ok(ROO_NS_PREFIX "2.7.0", NULL, 0));
	assert_true(roo_namespace_ok(ROO_NS_PREFIX "2.5", NULL, 0));
	assert_false(roo_namespace_ok(ROO_NS_PREFIX "3.0.0", NULL, 0));
	assert_false(roo_namespace_ok(ROO_NS_PREFIX "1.9.9", NULL, 0));
	assert_false(roo_namespace_ok(ROO_NS_PREFIX "2.", NULL, 0));
	assert_false(roo_namespace_ok(ROO_NS_PREFIX "2", NULL, 0));
	assert_false(roo_namespace_ok(ROO_NS_PREFIX "2.6.9x", NULL, 0));
	assert_false(roo_namespace_ok(ROO_NS_PREFIX "2.6.9/", NULL, 0));
	assert_false(roo_namespace_ok("http://almanak.overheid.nl/schema/export/2.0", NULL, 0));
	assert_false(roo_namespace_ok("https://example.org/schema/oo/export/2.6.9", NULL, 0));
	assert_false(roo_namespace_ok("", NULL, 0));
	assert_false(roo_namespace_ok(NULL, NULL, 0));
}

static void test_mapping(void **state)
{
	(void)state;
	char key[81];
	assert_int_equal(store_roo_map_term(MAP, "Afval", key, sizeof key), 0);
	assert_string_equal(key, "afval");
	assert_int_equal(store_roo_map_term(MAP, "openbare orde en veiligheid", key, sizeof key),
			 0);
	assert_string_equal(key, "veiligheid");
	assert_int_equal(store_roo_map_term(MAP, "Onbekend testterrein", key, sizeof key), -1);
	assert_int_equal(store_roo_map_term("data/bestaat-niet.csv", "Afval", key, sizeof key), -1);
}

static void test_bad_files(void **state)
{
	struct fx *f = *state;
	static const char *const bad[][2] = {
	    {"bad-truncated.xml", "onvolledig"},
	    {"bad-not-well-formed.xml", "geen geldige XML"},
	    {"bad-not-utf8.xml", "UTF-8"},
	    {"bad-latin1-declared.xml", "UTF-8"},
	    {"bad-wrong-root.xml", "hoofdelement"},
	    {"bad-unknown-legal-form.xml", "samenwerkingsvorm"},
	    {"bad-doctype-entity.xml", "DOCTYPE"},
	    {"bad-other-namespace.xml", "namespace"},
	};
	regex_t re;
	assert_int_equal(regcomp(&re,
				 "^tests/fixtures/roo/bad-[a-z0-9-]+\\.xml:[1-9][0-9]*:[0-9]+: ",
				 REG_EXTENDED | REG_NOSUB),
			 0);
	long long before = state_sum(f);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char path[256];
		snprintf(path, sizeof path, RDIR "%s", bad[i][0]);
		struct roo_report rep;
		int rc = import(f, path, false, &rep);
		if (rc != STORE_ERR_INVALID || !strstr(f->err, bad[i][1]) ||
		    regexec(&re, f->err, 0, NULL, 0) != 0)
			fail_msg("%s: rc %d, err '%s'", bad[i][0], rc, f->err);
		store_roo_report_free(&rep);
		assert_true(state_sum(f) == before);
	}
	regfree(&re);
	/* the external entity was never read */
	assert_int_equal(q(f, "SELECT count(*) FROM collaboration WHERE purpose LIKE '%root:%'"),
			 0);
}

static void test_import_and_update(void **state)
{
	struct fx *f = *state;
	struct roo_report rep;
	long long before = state_sum(f);
	/* dry run: a full report, nothing written */
	assert_int_equal(import(f, RDIR "valid-v1.xml", true, &rep), STORE_OK);
	assert_int_equal(rep.added[ROO_E_COLLAB], 2);
	assert_int_equal(rep.added[ROO_E_PART], 6);
	assert_int_equal(rep.added[ROO_E_SEAT], 2);
	/* unknown terms are reported (the fictional seed has fewer domains) */
	bool found = false;
	for (int i = 0; i < rep.nunknown; i++)
		found = found || strcmp(rep.unknown_terms[i], "Onbekend testterrein") == 0;
	assert_true(found);
	store_roo_report_free(&rep);
	assert_true(state_sum(f) == before);

	assert_int_equal(import(f, RDIR "valid-v1.xml", false, &rep), STORE_OK);
	assert_string_equal(rep.version, "2.6.9");
	int changes = store_roo_report_changes(&rep);
	store_roo_report_free(&rep);
	assert_true(changes >= 15);
	assert_int_equal(q(f, "SELECT count(*) FROM collaboration WHERE roo_system_id <> ''"), 2);
	/* verdeelsleutel "0,25" → 0.25, bestuursorgaan Raad → raad */
	assert_int_equal(q(f, "SELECT count(*) FROM participation p JOIN organisation o ON o.id = "
			      "p.organisation_id JOIN collaboration c ON c.id = p.collaboration_id "
			      "WHERE c.roo_system_id = '700001' AND o.code = 'gm9901' AND "
			      "abs(p.cost_share - 0.25) < 1e-9 AND p.body = 'raad' AND p.joined = "
			      "'2020-01-01'"),
			 1);
	/* legal forms from the code, domains mapped, unknown term kept */
	assert_int_equal(q(f, "SELECT count(*) FROM collaboration WHERE roo_system_id = '700001' "
			      "AND legal_form = 'OL' AND powers = 'delegatie' AND roo_terms LIKE "
			      "'%Onbekend testterrein%'"),
			 1);
	assert_int_equal(q(f, "SELECT count(*) FROM collaboration_domain cd JOIN collaboration c "
			      "ON c.id = cd.collaboration_id JOIN domain d ON d.id = cd.domain_id "
			      "WHERE c.roo_system_id = '700001' AND d.key = 'afval'"),
			 1);
	/* a regeling as participant stands for itself as a samenwerkingsorgaan */
	assert_int_equal(
	    q(f, "SELECT count(*) FROM participation p JOIN organisation o ON o.id = "
		 "p.organisation_id JOIN collaboration c ON c.id = p.collaboration_id "
		 "WHERE c.roo_system_id = '700002' AND o.kind = 'joint_arrangement_body'"),
	    1);
	/* the existing fictional province is linked, not duplicated */
	assert_int_equal(q(f, "SELECT count(*) FROM organisation WHERE code = 'pv99' AND "
			      "roo_system_id = '900003'"),
			 1);
	/* public facts only: the official (gemeentesecretaris) is not imported */
	assert_int_equal(q(f, "SELECT count(*) FROM person WHERE name = 'Ambtenaar Verzonnen'"), 0);
	assert_int_equal(q(f, "SELECT count(*) FROM office o JOIN person p ON p.id = o.person_id "
			      "WHERE p.name = 'Anna de Testvrouw' AND o.kind = 'burgemeester'"),
			 1);
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE via = 'import' AND source = "
			      "'ROO-export 2026-01-15T06:00:00'"),
			 changes);

	/* idempotent: the same file again changes nothing */
	long long mid = state_sum(f);
	assert_int_equal(import(f, RDIR "valid-v1.xml", false, &rep), STORE_OK);
	assert_int_equal(store_roo_report_changes(&rep), 0);
	store_roo_report_free(&rep);
	assert_true(state_sum(f) == mid);

	/* a newer export: one changed, one gone (ended on the file's date), one new */
	assert_int_equal(import(f, RDIR "valid-v2.xml", false, &rep), STORE_OK);
	assert_int_equal(rep.added[ROO_E_COLLAB], 1);
	assert_int_equal(rep.changed[ROO_E_COLLAB], 1);
	assert_int_equal(rep.ended[ROO_E_COLLAB], 1);
	assert_int_equal(rep.ended[ROO_E_PART], 3);
	store_roo_report_free(&rep);
	assert_int_equal(q(f, "SELECT count(*) FROM collaboration WHERE roo_system_id = '700002' "
			      "AND end_date = '2026-03-01'"),
			 1);
	assert_int_equal(q(f, "SELECT count(*) FROM participation p JOIN collaboration c ON c.id = "
			      "p.collaboration_id WHERE c.roo_system_id = '700002' AND p.left_on = "
			      "'2026-03-01'"),
			 3);
	assert_int_equal(q(f, "SELECT count(*) FROM collaboration WHERE roo_system_id = '700003' "
			      "AND legal_form = 'RZM' AND powers = 'zonder_mandaat'"),
			 1);
	assert_int_equal(q(f, "SELECT count(*) FROM collaboration WHERE roo_system_id = '700001' "
			      "AND purpose LIKE '%en verwerken%'"),
			 1);
	assert_true(q(f, "SELECT count(*) FROM audit_event WHERE via = 'import' AND source = "
			 "'ROO-export 2026-03-01T06:00:00' AND action = 'update'") >= 5);
	/* and v2 again: nothing */
	assert_int_equal(import(f, RDIR "valid-v2.xml", false, &rep), STORE_OK);
	assert_int_equal(store_roo_report_changes(&rep), 0);
	store_roo_report_free(&rep);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_legal_form),
	    cmocka_unit_test(test_share),
	    cmocka_unit_test(test_namespace),
	    cmocka_unit_test(test_mapping),
	    cmocka_unit_test_setup_teardown(test_bad_files, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_import_and_update, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
