/*
 * test_diff — readable Dutch lines from audit events (src/domain/diff.c):
 * field changes with labels for enumerations, dates and organisation names,
 * participations added/ended, soft deletes, confirmations, unknown keys by
 * name, empty and invalid JSON. Fixtures are fictional (gm9999 "Testdorp").
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/domain/diff.h"
#include "../../src/domain/snapshot.h"

#include <stdio.h>
#include <string.h>

static struct snapshot *snap;

static int setup(void **state)
{
	(void)state;
	char err[128];
	snap = snapshot_new(1);
	struct organisation *o = snapshot_add_org(snap);
	o->id = 1;
	o->code = snapshot_str(snap, "gm9999");
	o->name = snapshot_str(snap, "Testdorp");
	o->successor = o->collaboration = o->source = -1;
	struct domain *d = snapshot_add_domain(snap);
	d->id = 1;
	d->key = snapshot_str(snap, "veiligheid");
	d->name = snapshot_str(snap, "Veiligheid");
	return snapshot_finish(snap, "2025-01-01", err, sizeof err);
}

static int teardown(void **state)
{
	(void)state;
	snapshot_free(snap);
	return 0;
}

/* The lines of one event as one string. */
static char *describe(const char *entity, const char *action, const char *before, const char *after,
		      int *n)
{
	static char out[4096];
	struct buf b = BUF_INIT;
	*n = diff_describe(&b, snap, entity, action, before, after);
	snprintf(out, sizeof out, "%s", b.data ? b.data : "");
	buf_free(&b);
	return out;
}

static void test_phase_change(void **state)
{
	(void)state;
	int n;
	char *s = describe("collaboration", "update",
			   "{\"naam\":\"Testregio\",\"fase\":\"groei\",\"versie\":1}",
			   "{\"naam\":\"Testregio\",\"fase\":\"stabilisatie\",\"versie\":2}", &n);
	assert_int_equal(n, 1);
	assert_string_equal(s, "Fase: groei → stabilisatie\n");
	/* stored (seed) key names and db codes work as well */
	s = describe("collaboration", "update", "{\"phase\":\"\",\"legal_form\":\"OL\"}",
		     "{\"phase\":\"beeindigd\",\"legal_form\":\"GO\"}", &n);
	assert_int_equal(n, 2);
	assert_non_null(strstr(s, "Fase: onbekend → beëindigd\n"));
	assert_non_null(
	    strstr(s, "Juridische vorm: openbaar lichaam → gemeenschappelijk orgaan\n"));
}

static void test_name_dates_domains(void **state)
{
	(void)state;
	int n;
	char *s = describe("collaboration", "update",
			   "{\"naam\":\"Oud\",\"startdatum\":\"\",\"beleidsdomeinen\":\"\"}",
			   "{\"naam\":\"Nieuw\",\"startdatum\":\"2025-01-01\","
			   "\"beleidsdomeinen\":\"veiligheid;onbekend-domein\"}",
			   &n);
	assert_int_equal(n, 3);
	assert_non_null(strstr(s, "Naam: Oud → Nieuw\n"));
	assert_non_null(strstr(s, "Startdatum: (leeg) → 1 januari 2025\n"));
	assert_non_null(strstr(s, "Beleidsdomeinen: (leeg) → Veiligheid, onbekend-domein\n"));
}

static void test_participation_added_and_ended(void **state)
{
	(void)state;
	int n;
	char *s = describe("participation", "insert", NULL,
			   "{\"organisatie\":\"gm9999\",\"rol\":\"deelnemer\","
			   "\"toegetreden\":\"2025-01-01\"}",
			   &n);
	assert_int_equal(n, 1);
	assert_string_equal(s, "Deelnemer toegevoegd: Testdorp (per 1 januari 2025)\n");
	/* ending: a soft delete with both images */
	s = describe(
	    "participation", "delete",
	    "{\"organisatie\":\"gm9999\",\"uitgetreden\":\"\",\"rol\":\"deelnemer\"}",
	    "{\"organisatie\":\"gm9999\",\"uitgetreden\":\"2025-06-30\",\"rol\":\"deelnemer\"}",
	    &n);
	assert_int_equal(n, 1);
	assert_string_equal(s, "Deelnemer uitgetreden: Testdorp (per 30 juni 2025)\n");
	/* a role change names the organisation; numbers in Dutch */
	s = describe("participation", "update",
		     "{\"organisatie\":\"gm9999\",\"rol\":\"deelnemer\",\"bijdrage\":null}",
		     "{\"organisatie\":\"gm9999\",\"rol\":\"penvoerder\",\"bijdrage\":12000}", &n);
	assert_int_equal(n, 2);
	assert_non_null(strstr(s, "Rol (Testdorp): deelnemer → penvoerder\n"));
	assert_non_null(strstr(s, "(Testdorp): (leeg) → 12.000\n"));
	/* seed keys and an unknown organisation code */
	s = describe("participation", "insert", NULL,
		     "{\"organisation\":\"gm0000\",\"joined\":\"\"}", &n);
	assert_string_equal(s, "Deelnemer toegevoegd: gm0000\n");
}

static void test_unknown_keys_and_edge_cases(void **state)
{
	(void)state;
	int n;
	char *s = describe("collaboration", "update", "{\"kleur\":\"rood\"}",
			   "{\"kleur\":\"blauw\\nmet regel\"}", &n);
	assert_string_equal(s, "kleur: rood → blauw met regel\n");
	/* no real change ("" and null are the same) */
	s = describe("collaboration", "update", "{\"doel\":\"\",\"versie\":1}",
		     "{\"doel\":null,\"versie\":2}", &n);
	assert_int_equal(n, 1);
	assert_string_equal(s, "Geen inhoudelijke wijziging\n");
	/* invalid JSON is treated as absent */
	s = describe("collaboration", "update", "{niet", "[1]", &n);
	assert_string_equal(s, "Geen inhoudelijke wijziging\n");
	s = describe("organisation", "insert", NULL, "{\"name\":\"Testdorp\"}", &n);
	assert_string_equal(s, "Organisatie opgenomen: Testdorp\n");
	s = describe("collaboration", "confirm", "{\"laatstBevestigd\":\"2024-01-01\"}",
		     "{\"laatstBevestigd\":\"2025-01-01\"}", &n);
	assert_string_equal(s, "Bevestigd dat de gegevens kloppen\n");
	s = describe("collaboration", "delete", "{\"fase\":\"groei\",\"einddatum\":\"\"}",
		     "{\"fase\":\"beeindigd\",\"einddatum\":\"2025-01-01\"}", &n);
	assert_int_equal(n, 3);
	assert_non_null(strstr(s, "Samenwerkingsverband beëindigd\n"));
	assert_non_null(strstr(s, "Einddatum: (leeg) → 1 januari 2025\n"));
	/* long texts are shortened */
	char before[600], after[600];
	memset(after, 0, sizeof after);
	strcpy(after, "{\"doel\":\"");
	memset(after + 9, 'x', 400);
	strcat(after, "\"}");
	strcpy(before, "{\"doel\":\"kort\"}");
	s = describe("collaboration", "update", before, after, &n);
	assert_true(strlen(s) < 250);
	assert_non_null(strstr(s, "…"));
}

static void test_date_nl(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	diff_date_nl(&b, "2024-02-29");
	buf_puts(&b, "|");
	diff_date_nl(&b, "2023-02-29");
	assert_string_equal(b.data, "29 februari 2024|2023-02-29");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_phase_change),
	    cmocka_unit_test(test_name_dates_domains),
	    cmocka_unit_test(test_participation_added_and_ended),
	    cmocka_unit_test(test_unknown_keys_and_edge_cases),
	    cmocka_unit_test(test_date_nl),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
