/*
 * test_filter_counts — domain/filter.c collab_filter_facet_counts: the
 * number beside each choice of a filter select is the number of
 * collaborations the list would show with that choice, the other filters
 * kept; a choice that gives nothing counts 0. Fictional snapshot built by
 * hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/domain/filter.h"
#include "fixtures.h"

/*
 * Domains: Cultuur (0), Sociaal domein (1).
 * Organisations: Proefstad (0), Testdorp (1), Voorbeeldwaard (2).
 * Collaborations (by name):
 *   0 Fictief Jeugdnetwerk     sociaal, network, form unknown; Proefstad
 *   1 Fictieve Sociale Dienst  sociaal, Wgr, OL;  Testdorp twice (two bodies), Proefstad
 *   2 Fictief Theater (ended)  cultuur, Wgr, OL;  Voorbeeldwaard
 */
static struct snapshot *build(void)
{
	struct snapshot *s = snapshot_new(1);
	fixture_domain(s, 1, "cultuur", "Cultuur", "");
	fixture_domain(s, 2, "sociaal-domein", "Sociaal domein", "");
	fixture_org(s, 1, "gm9992", ORG_MUNICIPALITY, "Proefstad");
	fixture_org(s, 2, "gm9991", ORG_MUNICIPALITY, "Testdorp");
	fixture_org(s, 3, "gm9993", ORG_MUNICIPALITY, "Voorbeeldwaard");
	struct collaboration *c =
	    fixture_collab(s, 10, "fictief-jeugdnetwerk", "Fictief Jeugdnetwerk", 2);
	c->kind = COLLAB_NETWORK;
	c = fixture_collab(s, 11, "fictieve-sociale-dienst", "Fictieve Sociale Dienst", 2);
	c->kind = COLLAB_JOINT_ARRANGEMENT;
	c->legal_form = LF_OL;
	c = fixture_collab(s, 12, "fictief-theater", "Fictief Theater", 1);
	c->kind = COLLAB_JOINT_ARRANGEMENT;
	c->legal_form = LF_OL;
	c->end_date = snapshot_str(s, "2020-01-01");
	fixture_part(s, 100, 10, 1);
	fixture_part(s, 101, 11, 2);
	fixture_part(s, 102, 11, 2)->body = BODY_RAAD; /* a second body: counts once */
	fixture_part(s, 103, 11, 1);
	fixture_part(s, 104, 12, 3);
	return fixture_snapshot_finish(s, "2026-12-07");
}

static void test_counts_per_choice(void **state)
{
	(void)state;
	struct snapshot *s = build();
	assert_non_null(s);
	int dom = snapshot_find_domain(s, "cultuur"),
	    soc = snapshot_find_domain(s, "sociaal-domein");
	int proef = snapshot_find_org(s, "gm9992"), test = snapshot_find_org(s, "gm9991"),
	    voor = snapshot_find_org(s, "gm9993");
	struct collab_filter f;
	collab_filter_init(&f, 25);
	int counts[16];

	/* active only (the default): the ended theatre is not counted */
	assert_int_equal(collab_filter_facet_size(s, FACET_DOMAIN), 2);
	assert_int_equal(collab_filter_facet_counts(&f, s, FACET_DOMAIN, counts), 2);
	assert_int_equal(counts[soc], 2);
	assert_int_equal(counts[dom], 0); /* "Cultuur (0)" */

	assert_int_equal(collab_filter_facet_counts(&f, s, FACET_KIND, counts), 2);
	assert_int_equal(counts[COLLAB_NETWORK], 1);
	assert_int_equal(counts[COLLAB_JOINT_ARRANGEMENT], 1);
	assert_int_equal(counts[COLLAB_PRIVATE_LAW], 0);

	/* another filter is kept: soort=netwerk → only the network */
	f.kind = COLLAB_NETWORK;
	collab_filter_facet_counts(&f, s, FACET_DOMAIN, counts);
	assert_int_equal(counts[soc], 1);
	collab_filter_facet_counts(&f, s, FACET_LEGAL_FORM, counts);
	assert_int_equal(counts[LF_OL], 0);
	assert_int_equal(counts[LF_UNKNOWN], 1);
	/* …but the facet's own current choice is not: every kind still counted */
	assert_int_equal(collab_filter_facet_counts(&f, s, FACET_KIND, counts), 2);
	assert_int_equal(counts[COLLAB_JOINT_ARRANGEMENT], 1);

	/* organisations: once per collaboration, even with two bodies */
	collab_filter_init(&f, 25);
	assert_int_equal(collab_filter_facet_size(s, FACET_ORG), 3);
	collab_filter_facet_counts(&f, s, FACET_ORG, counts);
	assert_int_equal(counts[proef], 2);
	assert_int_equal(counts[test], 1);
	assert_int_equal(counts[voor], 0);
	/* status=alle brings the ended theatre in */
	f.status = STATUS_ALL;
	assert_int_equal(collab_filter_facet_counts(&f, s, FACET_ORG, counts), 3);
	assert_int_equal(counts[voor], 1);
	collab_filter_facet_counts(&f, s, FACET_DOMAIN, counts);
	assert_int_equal(counts[dom], 1);

	/* the counts equal what the list shows for each choice */
	collab_filter_init(&f, 25);
	collab_filter_facet_counts(&f, s, FACET_PHASE, counts);
	int out[8];
	for (int ph = 0; ph < PHASE_COUNT; ph++) {
		struct collab_filter g = f;
		g.phase = ph;
		assert_int_equal(collab_filter_apply(&g, s, out), counts[ph]);
	}
	snapshot_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_counts_per_choice),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
