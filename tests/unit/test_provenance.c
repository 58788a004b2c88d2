/*
 * test_provenance — provenance per field, staleness, currency and search
 * terms against the fictional seed: the certainty words
 * (domain/provenance.h), the 12-month rule, the share of a partner's
 * records confirmed in the last year (app/currency.h), the synonyms and
 * abbreviations of domain/search.h, the search index's extra terms
 * (beleidsdomein, legal form, former names), and provenance rows written
 * with store_provenance_put and shaped by app/provenance.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "../../src/app/currency.h"
#include "../../src/app/provenance.h"
#include "../../src/domain/provenance.h"
#include "../../src/domain/search.h"
#include "../../src/domain/snapshot.h"
#include "../../src/lib/arena.h"
#include "../../src/store/store.h"
#include "../../src/store/store_internal.h"
#include "../../src/store/store_provenance.h"
#include "fixtures.h"

#include <stdlib.h>
#include <string.h>

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
	f->w = (struct write_ctx){"gebruiker:jan", "cli", "2024-06-01"};
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	store_thread_release();
	fixture_store_free(f);
	arena_free(f->a);
	free(f);
	return 0;
}

static void test_words(void **state)
{
	(void)state;
	char b[160];
	assert_string_equal(provenance_words("high", false, "bekendmaking", false, b, sizeof b),
			    "bevestigd door officiële bekendmaking");
	assert_string_equal(provenance_words("medium", false, "nieuws", false, b, sizeof b),
			    "volgens een nieuwsbericht");
	assert_string_equal(provenance_words("low", true, "bekendmaking", true, b, sizeof b),
			    "gepland, niet bevestigd (volgens een officiële bekendmaking)");
	assert_string_equal(provenance_words("high", true, "secundair", false, b, sizeof b),
			    "onzeker, niet bevestigd (volgens een secundaire bron)");
	/* never a code letter */
	for (const char *c = b; *c; c++)
		assert_false(c[0] == ' ' && (c[1] == 'A' || c[1] == 'B') && c[2] == ' ');
	assert_true(provenance_kind_secondary("secundair"));
	assert_false(provenance_kind_secondary("bekendmaking"));
	assert_string_equal(
	    provenance_kind_guess("https://zoek.officielebekendmakingen.nl/x", "", ""),
	    "bekendmaking");
	assert_string_equal(provenance_kind_guess("", "Beleidsdomein-indeling",
						  "Samenwerkingsatlas (eigen redactie)"),
			    "redactie");
	/* a page on the organisation's own site is the organisation's word */
	assert_true(provenance_own_site("https://www.testdorp.nl/burgemeester", "Testdorp"));
	assert_true(
	    provenance_own_site("https://magazine.provincie-testland.nl/x", "Provincie Testland"));
	assert_true(provenance_own_site("https://oudewaterdal.nl/", "Gemeente Oude Waterdal"));
	assert_false(provenance_own_site("https://www.testdorpsekrant.nl/x", "Testdorp"));
	assert_false(provenance_own_site("https://testdorp.nl.example.org/x", "Testdorp"));
	assert_false(provenance_own_site("", "Testdorp"));
	assert_string_equal(provenance_field_label("legal_form"), "Juridische vorm");
	assert_string_equal(provenance_field_label("iets_anders"), "iets_anders");
}

static void test_stale_rule(void **state)
{
	(void)state;
	assert_false(provenance_stale("2025-12-07", "2026-12-07"));
	assert_false(provenance_stale("2026-01-01", "2026-12-07"));
	assert_true(provenance_stale("2025-12-06", "2026-12-07"));
	assert_true(provenance_stale("2015-10-07", "2026-12-07"));
	assert_true(provenance_stale("", "2026-12-07"));
	assert_true(provenance_planned("2027-01-01", "2026-12-07"));
	assert_false(provenance_planned("2026-12-07", "2026-12-07"));
	assert_false(provenance_planned("OL", "2026-12-07"));
	/* an announced start without a source date is a plan, also once past */
	assert_true(provenance_claim_planned("start_date", "2026-01-01", true, "", "2026-12-07"));
	assert_true(
	    provenance_claim_planned("end_date", "2026-01-01", true, "2025-06-01", "2026-12-07"));
	/* a date before its source's date is an uncertain past fact */
	assert_false(
	    provenance_claim_planned("start_date", "2018-01-01", true, "2024-07-01", "2026-12-07"));
	/* facts and other fields are not plans, unless after today */
	assert_false(provenance_claim_planned("start_date", "2026-01-01", false, "", "2026-12-07"));
	assert_false(provenance_claim_planned("tooi", "ws0665", true, "", "2026-12-07"));
	assert_true(provenance_claim_planned("seat", "2099-01-01", false, "", "2026-12-07"));
}

static void test_synonyms_and_acronyms(void **state)
{
	(void)state;
	char b[128] = "";
	assert_string_equal(search_acronyms("Waterschap Amstel, Gooi en Vecht", b, sizeof b),
			    "WAGV AGV");
	b[0] = '\0';
	assert_string_equal(
	    search_acronyms("Hoogheemraadschap De Stichtse Rijnlanden", b, sizeof b), "HDSR DSR");
	b[0] = '\0';
	assert_string_equal(search_acronyms("Gemeente Testdorp", b, sizeof b), "");
	const struct search_synonym *syn = search_synonym("jeugdzorg", 9);
	assert_non_null(syn);
	assert_string_equal(syn->instead, "jeugd");
	assert_non_null(search_synonym("JeugdZorg", 9));
	assert_non_null(search_synonym("brandweer", 9));
	assert_string_equal(search_synonym("brandweer", 9)->instead, "veiligheid");
	assert_string_equal(search_synonym("afvalinzameling", 15)->instead, "afval");
	assert_null(search_synonym("utrecht", 7));
	assert_null(search_synonym("je", 2));
	assert_non_null(search_suggest("regionale jeugdzorg utrecht"));
	assert_null(search_suggest("utrecht"));
}

static void test_domain_hint(void **state)
{
	struct fx *f = *state;
	struct snapshot *s = fixture_snapshot(f->s, "2024-06-01");
	assert_non_null(s);
	int d = search_domain_hint(s, "jeugdzorg");
	assert_true(d >= 0);
	assert_string_equal(s->domains[d].key, "sociaal-domein");
	d = search_domain_hint(s, "brandweer");
	assert_true(d >= 0);
	assert_string_equal(s->domains[d].key, "veiligheid");
	d = search_domain_hint(s, "Afval");
	assert_true(d >= 0);
	assert_string_equal(s->domains[d].key, "afval");
	assert_int_equal(search_domain_hint(s, "Testdorp"), -1);
	snapshot_free(s);
}

/* The keys of the hits of q, space-separated, in arena a. */
static const char *hits_of(struct fx *f, const char *q)
{
	struct search_hit *h = NULL;
	int n = 0, tot = 0;
	assert_int_equal(store_search(f->s, f->a, q, 20, 0, &h, &n, &tot), STORE_OK);
	char *out = arena_calloc(f->a, 1, 2048);
	for (int i = 0; i < n; i++) {
		strcat(out, " ");
		strcat(out, h[i].key);
	}
	strcat(out, " ");
	return out;
}

static void test_search_terms(void **state)
{
	struct fx *f = *state;
	/* beleidsdomein: "netwerk-lege-tafel" has domain afval but no "afval" in its name */
	const char *h = hits_of(f, "afval");
	assert_non_null(strstr(h, " gr-testregio-afval "));
	assert_non_null(strstr(h, " netwerk-lege-tafel "));
	/* legal form in words and as code */
	h = hits_of(f, "openbaar lichaam");
	assert_non_null(strstr(h, " gr-testregio-afval "));
	assert_non_null(strstr(h, " veiligheidsregio-testland "));
	assert_null(strstr(h, " netwerk-lege-tafel "));
	/* a synonym: jeugdzorg → jeugd (the description of Sociaal domein) */
	h = hits_of(f, "jeugdzorg");
	assert_non_null(strstr(h, " netwerk-lege-tafel "));
	/* brandweer → veiligheid */
	h = hits_of(f, "brandweer");
	assert_non_null(strstr(h, " veiligheidsregio-testland "));
	/* a rename: the former name and the abbreviation of the new one */
	assert_int_equal(
	    fx_exec_raw(f->db,
			"UPDATE organisation SET name = 'Waterschap Testrivier, Zand en Klei', "
			"former_names = 'Hoogheemraadschap Oude Testlanden' WHERE code = "
			"'gm9996'"),
	    0);
	assert_int_equal(store_tx_begin(f->s, "test", f->err, sizeof f->err), STORE_OK);
	assert_int_equal(store_rebuild_search(f->s, f->err, sizeof f->err), STORE_OK);
	assert_int_equal(store_tx_commit(f->s, "test", f->err, sizeof f->err), STORE_OK);
	h = hits_of(f, "TZK");
	assert_non_null(strstr(h, " gm9996 "));
	h = hits_of(f, "Oude Testlanden");
	assert_non_null(strstr(h, " gm9996 "));
	h = hits_of(f, "HOT"); /* abbreviation of the former name */
	assert_non_null(strstr(h, " gm9996 "));
	h = hits_of(f, "Zand en Klei");
	assert_non_null(strstr(h, " gm9996 "));
}

static void test_provenance_shaped(void **state)
{
	struct fx *f = *state;
	const struct provenance_input rows[] = {
	    {"collaboration", "gr-testregio-afval", "legal_form", "fact", "OL", "test-bron-2", "",
	     "2023-05-01", "high", ""},
	    {"collaboration", "gr-testregio-afval", "start_date", "unconfirmed", "2999-01-01", "",
	     "https://zoek.officielebekendmakingen.nl/gmb-test.html", "", "low", "Fictief"},
	    {"participation", "gr-testregio-afval/gm9998/2015-01-01", "record", "fact", "", "",
	     "https://example.org/nieuws/testdorp", "2024-01-01", "medium", ""},
	    {"organisation", "gm9998", "name", "fact", "Gemeente Testdorp", "test-bron-1", "", "",
	     "high", ""},
	};
	assert_int_equal(store_write_begin(f->s), STORE_OK);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		assert_int_equal(store_provenance_put(f->s, &f->w, &rows[i]), STORE_OK);
	/* a source key that does not exist is refused */
	const struct provenance_input bad = {"collaboration",
					     "gr-testregio-afval",
					     "seat",
					     "fact",
					     "X",
					     "bestaat-niet",
					     "",
					     "",
					     "high",
					     ""};
	assert_int_equal(store_provenance_put(f->s, &f->w, &bad), STORE_ERR_INVALID);
	assert_int_equal(store_write_finish(f->s, &f->w, "update", "collaboration",
					    "gr-testregio-afval", NULL, NULL),
			 STORE_OK);

	store_thread_setup(f->db);
	struct snapshot *s = fixture_snapshot(f->s, "2024-06-01");
	assert_non_null(s);
	int ci = snapshot_find_collab(s, "gr-testregio-afval");
	struct prov_view v;
	assert_int_equal(app_provenance_for_collab(f->a, s, ci, &v), 0);
	assert_int_equal(v.n_marks, 3); /* the organisation's row is not the collaboration's */
	assert_int_equal(v.n_sources, 3);
	const struct prov_mark *m =
	    app_provenance_find(&v, "collaboration", "gr-testregio-afval", "legal_form", false);
	assert_non_null(m);
	assert_string_equal(m->field_label, "Juridische vorm");
	assert_true(m->source >= 0);
	assert_false(v.sources[m->source].secondary); /* a gemeente's letter */
	assert_string_equal(m->words, "bevestigd door een overheidsorganisatie");
	assert_int_equal(v.sources[m->source].number, 1);
	m = app_provenance_find(&v, "collaboration", "gr-testregio-afval", "start_date", true);
	assert_non_null(m);
	assert_true(m->unconfirmed);
	assert_true(m->planned);
	assert_string_equal(m->words,
			    "gepland, niet bevestigd (volgens een officiële bekendmaking)");
	assert_string_equal(v.sources[m->source].kind, "bekendmaking");
	assert_null(
	    app_provenance_find(&v, "collaboration", "gr-testregio-afval", "start_date", false));
	/* the participation of Testdorp, keyed with its joined date */
	const struct participation *p = NULL;
	for (int k = 0; k < s->collabs[ci].n_parts; k++) {
		const struct participation *q = &s->parts[s->collabs[ci].parts[k]];
		if (strcmp(s->orgs[q->organisation].code, "gm9998") == 0)
			p = q;
	}
	assert_non_null(p);
	m = app_provenance_find_part(&v, s, p, false);
	assert_non_null(m);
	assert_string_equal(m->words, "volgens een secundaire bron");
	assert_true(v.sources[m->source].secondary);

	int oi = snapshot_find_org(s, "gm9998");
	assert_int_equal(app_provenance_for_org(f->a, s, oi, &v), 0);
	assert_int_equal(v.n_marks, 1);
	assert_string_equal(v.marks[0].words, "bevestigd, volgens een secundaire bron");
	snapshot_free(s);
}

static void test_currency(void **state)
{
	struct fx *f = *state;
	/* on 2024-06-01: Testdorp's own record (2024-01-01), its current
	 * participations in the Afvalschap (2024-01-01) and the
	 * Veiligheidsregio (2023-06-30, current); the network's ended */
	struct snapshot *s = fixture_snapshot(f->s, "2024-06-01");
	assert_non_null(s);
	struct currency c;
	app_currency_of(s, snapshot_find_org(s, "gm9998"), &c);
	assert_int_equal(c.records, 3);
	assert_int_equal(c.current, 3);
	assert_int_equal(app_currency_percent(&c), 100);
	snapshot_free(s);
	/* a year later only what was confirmed since 2024-07-01 counts: nothing */
	s = fixture_snapshot(f->s, "2025-07-01");
	assert_non_null(s);
	app_currency_of(s, snapshot_find_org(s, "gm9998"), &c);
	assert_int_equal(c.records, 3);
	assert_int_equal(c.current, 0);
	assert_string_equal(c.oldest, "2023-06-30");
	/* the partner list is sorted least current first and holds no ended organisation */
	int n = 0;
	struct currency *all = app_currency_partners(f->a, s, &n);
	assert_true(n > 0);
	for (int i = 0; i < n; i++) {
		assert_false(s->orgs[all[i].org].ended);
		if (i > 0)
			assert_true((long)all[i - 1].current * all[i].records <=
				    (long)all[i].current * all[i - 1].records);
	}
	snapshot_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_words),
	    cmocka_unit_test(test_stale_rule),
	    cmocka_unit_test(test_synonyms_and_acronyms),
	    cmocka_unit_test_setup_teardown(test_domain_hint, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_search_terms, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_provenance_shaped, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_currency, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
