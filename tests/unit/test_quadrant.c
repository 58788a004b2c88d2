/*
 * test_quadrant — the role-perspective quadrant (render/quadrant.h):
 * positions for worked score examples (formula x = ((P+S)-(R+Q))/8,
 * y = ((R+P)-(S+Q))/8), the quadrant a position falls in, clamping of
 * out-of-range scores, the accessible SVG structure (role="img",
 * aria-labelledby to <title> and <desc> explaining the axes), escaping of
 * hostile labels, shortened long labels, markers fanned out when parties
 * share a position, and the empty diagram. Also the person nodes of the
 * network (domain/network.h network_add_people) on a small fictional
 * snapshot. All fixtures are fictional ("Gemeente Testdorp", gm9999).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/domain/filter.h"
#include "../../src/domain/network.h"
#include "../../src/domain/snapshot.h"
#include "../../src/lib/arena.h"
#include "../../src/lib/buf.h"
#include "../../src/render/quadrant.h"
#include "fixtures.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define HOSTILE "Testdorp <script>alert(\"x\")</script> & 'co'"
#define HOSTILE_ESC "Testdorp &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;"

static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static void pos(int r, int p, int s, int q, double ex, double ey)
{
	int sc[QUADRANT_AXES] = {r, p, s, q};
	double x, y;
	quadrant_position(sc, &x, &y);
	assert_true(fabs(x - ex) < 1e-9);
	assert_true(fabs(y - ey) < 1e-9);
}

static void test_positions(void **state)
{
	(void)state;
	/* equal scores: the centre */
	pos(3, 3, 3, 3, 0.0, 0.0);
	pos(1, 1, 1, 1, 0.0, 0.0);
	/* one perspective clearly leads: its corner, halfway out */
	pos(5, 1, 1, 1, -0.5, 0.5);  /* rechtmatig: top left */
	pos(1, 5, 1, 1, 0.5, 0.5);   /* presterend: top right */
	pos(1, 1, 5, 1, 0.5, -0.5);  /* samenwerkend: bottom right */
	pos(1, 1, 1, 5, -0.5, -0.5); /* responsief: bottom left */
	/* the extremes: two neighbouring perspectives at 5, the others at 1 */
	pos(5, 5, 1, 1, 0.0, 1.0);  /* government as the starting point */
	pos(1, 5, 5, 1, 1.0, 0.0);  /* results */
	pos(1, 1, 5, 5, 0.0, -1.0); /* society */
	pos(5, 1, 1, 5, -1.0, 0.0); /* rules and process */
	/* a worked mixed example: R5 P2 S2 Q1 → x = (4-6)/8, y = (7-3)/8 */
	pos(5, 2, 2, 1, -0.25, 0.5);
	/* R1 P2 S5 Q3 → x = (7-4)/8, y = (3-8)/8 */
	pos(1, 2, 5, 3, 0.375, -0.625);
	/* out-of-range scores are clamped to 1..5 */
	pos(9, 0, -3, 1, -0.5, 0.5);
}

static void test_quadrant_of(void **state)
{
	(void)state;
	assert_int_equal(quadrant_of(-0.5, 0.5), 0);
	assert_int_equal(quadrant_of(0.5, 0.5), 1);
	assert_int_equal(quadrant_of(0.5, -0.5), 2);
	assert_int_equal(quadrant_of(-0.5, -0.5), 3);
	assert_int_equal(quadrant_of(0.0, 0.5), -1);
	assert_int_equal(quadrant_of(0.5, 0.0), -1);
}

static const struct quadrant_point points[] = {
    {"Gemeente Testdorp", {5, 1, 1, 1}},
    {HOSTILE, {1, 1, 5, 1}},
    {"Gemeente Voorbeeldstad", {5, 1, 1, 1}}, /* same position as Testdorp */
    {"Gemeenschappelijke regeling Heel Lange Naam Testdorp", {3, 3, 3, 3}},
};

static struct quadrant make(int n)
{
	struct quadrant q = {.id = "kw-test",
			     .title = "Rollen in <Testverband>",
			     .names = {"Rechtmatig", "Presterend", "Samenwerkend", "Responsief"},
			     .points = points,
			     .n = n};
	return q;
}

static void test_svg_structure(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	struct quadrant q = make(4);
	quadrant_svg(&b, &q);
	assert_false(b.err);
	const char *s = b.data;
	assert_non_null(strstr(s, "role=\"img\" aria-labelledby=\"kw-test-titel "
				  "kw-test-beschrijving\""));
	assert_non_null(
	    strstr(s, "<title id=\"kw-test-titel\">Rollen in &lt;Testverband&gt;</title>"));
	assert_non_null(strstr(s, "<desc id=\"kw-test-beschrijving\">"));
	assert_non_null(strstr(s, "verticale as"));
	assert_non_null(strstr(s, "horizontale as"));
	assert_non_null(strstr(s, "gedeeld door 8"));
	assert_non_null(strstr(s, "Linksboven Rechtmatig, rechtsboven Presterend, rechtsonder "
				  "Samenwerkend, linksonder Responsief."));
	assert_int_equal(count(s, "<g class=\"atlas-quadrant__party\">"), 4);
	assert_int_equal(count(s, "<circle "), 4);
	/* positions: centre (320, 270), reach 196: (-0.5, 0.5) → (222, 172) */
	assert_non_null(strstr(s, "<circle cx=\"222\" cy=\"172\""));
	/* (0.5, -0.5) → (418, 368) */
	assert_non_null(strstr(s, "<circle cx=\"418\" cy=\"368\""));
	/* the second party at (222, 172) is fanned out by 22 px (angle 0) */
	assert_non_null(strstr(s, "<circle cx=\"244\" cy=\"172\""));
	/* the centre */
	assert_non_null(strstr(s, "<circle cx=\"320\" cy=\"270\""));
	/* tooltips with the scores, numbered */
	assert_non_null(strstr(s, "<title>1. Gemeente Testdorp: Rechtmatig 5, Presterend 1, "
				  "Samenwerkend 1, Responsief 1</title>"));
	/* no raw markup from data; no style attributes (CSP) */
	assert_null(strstr(s, "<script>"));
	assert_non_null(strstr(s, HOSTILE_ESC));
	assert_null(strstr(s, "style="));
	/* a long label is shortened in the drawing (full text in the title) */
	assert_non_null(strstr(s, "Gemeenschappelijke regeli…</text>"));
	assert_non_null(strstr(s, "4. Gemeenschappelijke regeling Heel Lange Naam Testdorp:"));
	buf_free(&b);
}

static void test_svg_empty(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	struct quadrant q = make(0);
	quadrant_svg(&b, &q);
	assert_non_null(strstr(b.data, "Nog geen beoordelingen"));
	assert_int_equal(count(b.data, "<circle "), 0);
	assert_non_null(strstr(b.data, "Aantal partijen: 0."));
	buf_free(&b);
}

/* ---- person nodes in the network ------------------------------------------------ */

static struct snapshot *snap;

static void add_org(struct snapshot *s, int64_t id, const char *code, const char *name)
{
	struct organisation *o = fixture_org(s, id, code, ORG_MUNICIPALITY, name);
	o->in_province = true;
	o->last_confirmed = snapshot_str(s, "2024-01-01");
}

static void add_collab(struct snapshot *s, int64_t id, const char *key, const char *name)
{
	fixture_collab(s, id, key, name, 1)->last_confirmed = snapshot_str(s, "2024-01-01");
}

static void add_part(struct snapshot *s, int64_t id, int collab_id, int org_id)
{
	fixture_part(s, id, collab_id, org_id)->last_confirmed = snapshot_str(s, "2024-01-01");
}

static int setup(void **state)
{
	(void)state;
	struct snapshot *s = snapshot_new(1);
	struct domain *d = snapshot_add_domain(s);
	d->id = 1;
	d->key = snapshot_str(s, "afval");
	d->name = snapshot_str(s, "Afval");
	d->description = snapshot_str(s, "");
	add_org(s, 1, "gm9999", "Gemeente Testdorp");
	add_collab(s, 1, "afvalschap-test", "Afvalschap Test");
	add_collab(s, 2, "veiligheid-test", "Veiligheidsregio Test");
	add_collab(s, 3, "los-verband", "Los Verband"); /* no participants: not a node */
	add_part(s, 1, 1, 1);
	add_part(s, 2, 2, 1);
	snap = fixture_snapshot_finish(s, "2024-06-01");
	return snap ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	snapshot_free(snap);
	return 0;
}

static void test_network_people(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct collab_filter f;
	struct network n;
	collab_filter_init(&f, 20);
	assert_int_equal(network_build(snap, &f, false, a, &n), 0);
	assert_int_equal(n.n_persons, 0);
	int afval = snapshot_find_collab(snap, "afvalschap-test");
	int veilig = snapshot_find_collab(snap, "veiligheid-test");
	int los = snapshot_find_collab(snap, "los-verband");
	const struct net_seat seats[] = {
	    {"piet-test", "Piet Test", veilig, 1, false},
	    {"anna-test", "Anna Test", afval, 0, false},
	    {"piet-test", "Piet Test", afval, 0, false},
	    {"piet-test", "Piet Test", los, 0, false}, /* not a node: skipped */
	    {"kees-test", "Kees Test", los, 0, false}, /* only that seat: no person node */
	};
	int edges_before = n.n_edges, nodes_before = n.n_nodes;
	assert_int_equal(network_add_people(snap, &n, seats, 5, a), 0);
	assert_int_equal(n.n_edges, edges_before); /* participations unchanged */
	assert_int_equal(n.n_nodes, nodes_before);
	assert_int_equal(n.n_persons, 2);
	assert_int_equal(n.n_person_edges, 3);
	/* by name: Anna, then Piet; Piet's edges by collaboration name */
	assert_string_equal(n.persons[0].key, "anna-test");
	assert_string_equal(n.persons[1].key, "piet-test");
	assert_int_equal(n.persons[0].degree, 1);
	assert_int_equal(n.persons[1].degree, 2);
	const struct net_person_edge *e0 = &n.person_edges[n.persons[1].edges[0]];
	const struct net_person_edge *e1 = &n.person_edges[n.persons[1].edges[1]];
	assert_int_equal(e0->person, 1);
	assert_int_equal(n.nodes[e0->collab].index, afval);
	assert_int_equal(n.nodes[e1->collab].index, veilig);
	assert_int_equal(e1->body, 1);
	assert_int_equal(network_find(&n, NET_COLLAB, los), -1);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_positions),
	    cmocka_unit_test(test_quadrant_of),
	    cmocka_unit_test(test_svg_structure),
	    cmocka_unit_test(test_svg_empty),
	    cmocka_unit_test_setup_teardown(test_network_people, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
