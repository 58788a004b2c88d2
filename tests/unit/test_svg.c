/*
 * test_svg — the server-rendered bar charts (render/svg.h): accessible
 * structure (role="img", aria-labelledby to <title> and <desc>, a <title>
 * per bar), escaping of hostile labels, shortened long labels, bar lengths
 * proportional to the values, the empty chart, and the data table with the
 * same numbers. Also the network builder (domain/network.h) on a small
 * fictional snapshot: default (in-province) and all organisations, ended
 * participations excluded, filters, adjacency.
 * All fixtures are fictional ("Gemeente Testdorp", gm9999).
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
#include "../../src/render/svg.h"
#include "fixtures.h"

#include <stdio.h>
#include <string.h>

#define HOSTILE "Testregio <script>alert(\"x\")</script> & 'co'"
#define HOSTILE_ESC "Testregio &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;"

static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static const struct svg_bar bars[] = {
    {"Sociaal domein", 10, "/samenwerkingsverbanden?beleidsdomein=sociaal-domein"},
    {HOSTILE, 5, NULL},
    {"Een heel erg lange naam van een beleidsdomein in Testdorp", 0, NULL},
};

static const struct svg_chart chart = {.id = "grafiek-test",
				       .title = "Actief per <domein>",
				       .desc = "Beschrijving & uitleg",
				       .cat_label = "Beleidsdomein",
				       .value_label = "Aantal actief",
				       .bars = bars,
				       .n_bars = 3};

static void test_chart_structure(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	svg_bar_chart(&b, &chart);
	assert_false(b.err);
	const char *s = b.data;
	assert_non_null(strstr(s, "<svg "));
	assert_non_null(strstr(s, "role=\"img\""));
	assert_non_null(
	    strstr(s, "aria-labelledby=\"grafiek-test-titel grafiek-test-beschrijving\""));
	assert_non_null(
	    strstr(s, "<title id=\"grafiek-test-titel\">Actief per &lt;domein&gt;</title>"));
	assert_non_null(
	    strstr(s, "<desc id=\"grafiek-test-beschrijving\">Beschrijving &amp; uitleg</desc>"));
	/* one <title> for the chart + one per bar */
	assert_int_equal(count(s, "<title"), 4);
	assert_int_equal(count(s, "<rect "), 3);
	assert_non_null(strstr(s, "<title>Sociaal domein: 10</title>"));
	assert_non_null(strstr(s, HOSTILE_ESC ": 5</title>"));
	assert_null(strstr(s, "<script>"));
	assert_null(strstr(s, "style="));
	/* proportional, in % of the chart's width: 10 -> the longest bar (85%),
	 * 5 -> half of it, 0 -> 0 */
	assert_non_null(strstr(s, "width=\"85.0%\""));
	assert_non_null(strstr(s, "width=\"42.5%\""));
	assert_non_null(strstr(s, "width=\"0.0%\""));
	/* no viewBox: the text is not scaled with the drawing, and no text is
	 * set below 14 px */
	assert_null(strstr(s, "viewBox"));
	assert_non_null(strstr(s, "width=\"100%\""));
	assert_int_equal(count(s, "font-size=\"14\""), count(s, "<text "));
	/* the long label is shortened on the chart, full in the bar title */
	assert_non_null(strstr(s, "…</text>"));
	assert_non_null(
	    strstr(s, "<title>Een heel erg lange naam van een beleidsdomein in Testdorp: 0"));
	assert_non_null(strstr(s, "</svg>"));
	buf_free(&b);
}

static void test_chart_empty(void **state)
{
	(void)state;
	struct svg_chart c = chart;
	c.n_bars = 0;
	struct buf b = BUF_INIT;
	svg_bar_chart(&b, &c);
	assert_non_null(strstr(b.data, "Geen gegevens"));
	assert_non_null(strstr(b.data, "role=\"img\""));
	assert_int_equal(count(b.data, "<rect "), 0);
	buf_free(&b);
}

static void test_figure_table(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	svg_bar_figure(&b, &chart, true);
	const char *s = b.data;
	assert_non_null(strstr(s, "<details"));
	assert_non_null(strstr(s, "<summary>"));
	assert_non_null(strstr(s, "<caption"));
	assert_non_null(strstr(s, "Actief per &lt;domein&gt;</caption>"));
	assert_int_equal(count(s, "scope=\"row\""), 3);
	assert_non_null(strstr(s, "href=\"/samenwerkingsverbanden?beleidsdomein=sociaal-domein\""));
	assert_non_null(strstr(s, ">10<"));
	buf_free(&b);
	svg_bar_figure(&b, &chart, false);
	assert_null(strstr(b.data, "<details"));
	assert_non_null(strstr(b.data, "<table"));
	buf_free(&b);
}

/* ---- the network ----------------------------------------------------------- */

static struct snapshot *snap;

static struct organisation *add_org(struct snapshot *s, int64_t id, const char *code,
				    enum org_kind kind, const char *name, bool in_province)
{
	struct organisation *o = fixture_org(s, id, code, kind, name);
	o->in_province = in_province;
	o->last_confirmed = snapshot_str(s, "2024-01-01");
	return o;
}

static void add_collab(struct snapshot *s, int64_t id, const char *key, const char *name,
		       enum collab_kind kind, int domain_id, const char *end_date)
{
	struct collaboration *c = fixture_collab(s, id, key, name, domain_id);
	c->kind = kind;
	c->end_date = snapshot_str(s, end_date);
	c->last_confirmed = snapshot_str(s, "2024-01-01");
}

static void add_part(struct snapshot *s, int64_t id, int collab_id, int org_id, enum role role,
		     const char *left)
{
	struct participation *p = fixture_part(s, id, collab_id, org_id);
	p->role = role;
	p->left = snapshot_str(s, left);
	p->last_confirmed = snapshot_str(s, "2024-01-01");
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
	d = snapshot_add_domain(s);
	d->id = 2;
	d->key = snapshot_str(s, "veiligheid");
	d->name = snapshot_str(s, "Veiligheid");
	d->description = snapshot_str(s, "");

	add_org(s, 1, "gm9999", ORG_MUNICIPALITY, "Gemeente Testdorp", true);
	add_org(s, 2, "gm9998", ORG_MUNICIPALITY, "Gemeente Voorbeeldstad", true);
	add_org(s, 3, "ws9999", ORG_WATER_BOARD, "Waterschap Testpolder", false);
	add_org(s, 4, "gm9990", ORG_MUNICIPALITY, "Gemeente Buitenaf", false);

	add_collab(s, 1, "afvalschap-test", "Afvalschap Test", COLLAB_JOINT_ARRANGEMENT, 1, "");
	add_collab(s, 2, "veiligheid-test", "Veiligheidsregio Test", COLLAB_JOINT_ARRANGEMENT, 2,
		   "");
	add_collab(s, 3, "netwerk-buiten", "Netwerk Buiten", COLLAB_NETWORK, 1, "");
	add_collab(s, 4, "oud-verband", "Oud Verband", COLLAB_JOINT_ARRANGEMENT, 1, "2010-01-01");

	add_part(s, 1, 1, 1, ROLE_CENTRUMGEMEENTE, "");
	add_part(s, 2, 1, 2, ROLE_DEELNEMER, "");
	add_part(s, 3, 1, 3, ROLE_DEELNEMER, "");
	add_part(s, 4, 2, 1, ROLE_DEELNEMER, "");
	add_part(s, 5, 2, 2, ROLE_DEELNEMER, "2020-01-01"); /* left: no edge */
	add_part(s, 6, 3, 4, ROLE_DEELNEMER, "");	    /* only an outside member */
	add_part(s, 7, 4, 1, ROLE_DEELNEMER, "");	    /* ended collaboration */

	snap = fixture_snapshot_finish(s, "2024-06-01");
	return snap ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	snapshot_free(snap);
	return 0;
}

static int node_of(const struct network *n, enum net_node_kind k, const char *key)
{
	int i = k == NET_ORG ? snapshot_find_org(snap, key) : snapshot_find_collab(snap, key);
	return i < 0 ? -1 : network_find(n, k, i);
}

static void test_network_default(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct collab_filter f;
	struct network n;
	collab_filter_init(&f, 20);
	assert_int_equal(network_build(snap, &f, false, a, &n), 0);
	/* in-province gemeenten; collaborations 1 and 2 (3 has no in-province member, 4 ended) */
	assert_int_equal(n.n_orgs, 2);
	assert_int_equal(n.n_nodes, 4);
	/* edges: testdorp-afval, testdorp-veiligheid, voorbeeldstad-afval (left one excluded) */
	assert_int_equal(n.n_edges, 3);
	int t = node_of(&n, NET_ORG, "gm9999");
	int v = node_of(&n, NET_ORG, "gm9998");
	int afval = node_of(&n, NET_COLLAB, "afvalschap-test");
	assert_true(t >= 0 && v >= 0 && afval >= 0);
	assert_int_equal(node_of(&n, NET_ORG, "ws9999"), -1);
	assert_int_equal(node_of(&n, NET_COLLAB, "netwerk-buiten"), -1);
	assert_int_equal(node_of(&n, NET_COLLAB, "oud-verband"), -1);
	assert_int_equal(n.nodes[t].degree, 2);
	assert_int_equal(n.nodes[v].degree, 1);
	assert_int_equal(n.nodes[afval].degree, 2);
	/* organisations come first, then collaborations */
	for (int i = 0; i < n.n_nodes; i++)
		assert_int_equal(n.nodes[i].kind, i < n.n_orgs ? NET_ORG : NET_COLLAB);
	/* every adjacency entry is an edge touching the node */
	for (int i = 0; i < n.n_nodes; i++)
		for (int k = 0; k < n.nodes[i].degree; k++) {
			const struct net_edge *e = &n.edges[n.nodes[i].edges[k]];
			assert_true(e->org == i || e->collab == i);
		}
	/* the role travels with the edge */
	bool centrum = false;
	for (int e = 0; e < n.n_edges; e++)
		centrum |= n.edges[e].org == t && n.edges[e].collab == afval &&
			   snap->parts[n.edges[e].participation].role == ROLE_CENTRUMGEMEENTE;
	assert_true(centrum);
	arena_free(a);
}

static void test_network_all_and_filters(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct collab_filter f;
	struct network n;
	char msg[256];
	collab_filter_init(&f, 20);
	assert_int_equal(network_build(snap, &f, true, a, &n), 0);
	assert_int_equal(n.n_orgs, 4);
	assert_int_equal(n.n_nodes, 7);
	assert_int_equal(n.n_edges, 5);

	/* a domain filter; status beeindigd in the filter is ignored (always active) */
	assert_int_equal(
	    collab_filter_set(&f, snap, "beleidsdomein", "veiligheid", msg, sizeof msg), 0);
	assert_int_equal(collab_filter_set(&f, snap, "status", "beeindigd", msg, sizeof msg), 0);
	assert_int_equal(network_build(snap, &f, false, a, &n), 0);
	assert_int_equal(n.n_nodes, 2);
	assert_int_equal(n.n_edges, 1);

	/* nothing matches: an empty network */
	collab_filter_init(&f, 20);
	assert_int_equal(collab_filter_set(&f, snap, "soort", "privaatrechtelijk", msg, sizeof msg),
			 0);
	assert_int_equal(network_build(snap, &f, true, a, &n), 0);
	assert_int_equal(n.n_nodes, 0);
	assert_int_equal(n.n_edges, 0);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_chart_structure),
	    cmocka_unit_test(test_chart_empty),
	    cmocka_unit_test(test_figure_table),
	    cmocka_unit_test(test_network_default),
	    cmocka_unit_test(test_network_all_and_filters),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
