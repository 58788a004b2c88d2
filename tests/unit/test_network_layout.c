/*
 * test_network_layout — the pure drawing and ordering rules behind /netwerk
 * and the heat map of /analyse/overlap, on fictional inputs:
 *   - overlap_blocks: a fictional 9×9 similarity matrix with three obvious
 *     blocks, its items shuffled, comes back with each block as one
 *     contiguous run, three blocks, the right members and cohesion; one item
 *     and an all-zero matrix; the result does not depend on repeated runs;
 *   - network_layout: neighbourhoods of several sizes (up to 30 nodes in
 *     ring 1 and 40 in ring 2, long names) laid out radially and in columns
 *     have no two labels overlapping, no label over another node, everything
 *     inside the drawing, text shortened with "…" only when too long; the
 *     columns layout keeps the requested width; the overlap check itself
 *     finds a planted overlap.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/domain/network_layout.h"
#include "../../src/domain/overlap_blocks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- seriation ---------------------------------------------------------------- */

/* items 0..8 in three blocks {0,4,8} {1,3,6} {2,5,7}: 0.8 within, 0.1 between */
static int truth(int i)
{
	static const int b[9] = {0, 1, 2, 1, 0, 2, 1, 2, 0};
	return b[i];
}

static void test_blocks_obvious(void **state)
{
	(void)state;
	double sim[81];
	for (int i = 0; i < 9; i++)
		for (int j = 0; j < 9; j++)
			sim[i * 9 + j] = i == j ? 0 : truth(i) == truth(j) ? 0.8 : 0.1;
	sim[0 * 9 + 4] = sim[4 * 9 + 0] = 0.9; /* a little variation within a block */
	struct arena *a = arena_new();
	struct overlap_blocks b;
	assert_int_equal(overlap_blocks_compute(sim, 9, 0.4, a, &b), 0);
	assert_int_equal(b.n, 9);
	assert_int_equal(b.n_blocks, 3);
	/* the order is a permutation */
	int seen[9] = {0};
	for (int k = 0; k < 9; k++)
		seen[b.order[k]]++;
	for (int i = 0; i < 9; i++)
		assert_int_equal(seen[i], 1);
	/* every block is one contiguous run of three, with the true members */
	for (int k = 0; k < 9; k += 3) {
		int t = truth(b.order[k]);
		for (int q = k; q < k + 3; q++) {
			assert_int_equal(truth(b.order[q]), t);
			assert_int_equal(b.block[b.order[q]], k / 3);
		}
	}
	/* blocks numbered in order of appearance; cohesion is the mean within */
	for (int g = 0; g < 3; g++) {
		int first = b.order[g * 3];
		double expect = truth(first) == 0 ? (0.9 + 0.8 + 0.8) / 3 : 0.8;
		assert_true(b.cohesion[g] > expect - 1e-9 && b.cohesion[g] < expect + 1e-9);
	}
	/* the same input gives the same answer */
	struct overlap_blocks b2;
	assert_int_equal(overlap_blocks_compute(sim, 9, 0.4, a, &b2), 0);
	assert_memory_equal(b.order, b2.order, 9 * sizeof(int));
	arena_free(a);
}

static void test_blocks_edge_cases(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct overlap_blocks b;
	double one = 0;
	assert_int_equal(overlap_blocks_compute(&one, 1, 0.4, a, &b), 0);
	assert_int_equal(b.n_blocks, 1);
	assert_int_equal(b.order[0], 0);
	/* nothing in common: every item its own block, order by position */
	double zero[16] = {0};
	assert_int_equal(overlap_blocks_compute(zero, 4, 0.4, a, &b), 0);
	assert_int_equal(b.n_blocks, 4);
	for (int k = 0; k < 4; k++)
		assert_int_equal(b.block[b.order[k]], k);
	/* everything alike: one block */
	double all[16];
	for (int i = 0; i < 16; i++)
		all[i] = 0.7;
	assert_int_equal(overlap_blocks_compute(all, 4, 0.4, a, &b), 0);
	assert_int_equal(b.n_blocks, 1);
	arena_free(a);
}

/* ---- layout --------------------------------------------------------------------- */

/* A fictional neighbourhood: n1 nodes in ring 1, n2 in ring 2, every ring-2
 * node linked to two ring-1 nodes; some names long. */
static struct nl_graph hood(struct arena *a, int n1, int n2, double font)
{
	int n = 1 + n1 + n2;
	struct nl_node *v = arena_calloc(a, (size_t)n, sizeof *v);
	int *ea = arena_calloc(a, (size_t)(n1 + 2 * n2) + 1, sizeof(int));
	int *eb = arena_calloc(a, (size_t)(n1 + 2 * n2) + 1, sizeof(int));
	v[0] = (struct nl_node){.label = "Gemeente Testmidden", .ring = 0};
	int ne = 0;
	for (int i = 1; i <= n1; i++) {
		v[i] = (struct nl_node){
		    .label = i % 4 == 0 ? arena_printf(a,
						       "Gemeenschappelijke regeling Testverband "
						       "nummer %d voor fictieve taken",
						       i)
					: arena_printf(a, "Testverband %d", i),
		    .ring = 1};
		ea[ne] = 0;
		eb[ne++] = i;
	}
	for (int k = 0; k < n2; k++) {
		int i = 1 + n1 + k;
		v[i] = (struct nl_node){.label = arena_printf(a, "Testgemeente Ë%d", k), .ring = 2};
		if (n1 > 0) {
			ea[ne] = 1 + (k * 7) % n1;
			eb[ne++] = i;
			ea[ne] = 1 + (k * 3 + 1) % n1;
			eb[ne++] = i;
		}
	}
	return (struct nl_graph){
	    .nodes = v, .n = n, .ea = ea, .eb = eb, .n_edges = ne, .font = font, .node_r = 6};
}

static void check_clean(const struct nl_graph *g, const char *what)
{
	int i = -1, j = -1;
	if (network_layout_overlap(g, &i, &j))
		fail_msg("%s: overlap between node %d (%s) and %d (%s)", what, i, g->nodes[i].text,
			 j, g->nodes[j].text);
	for (int k = 0; k < g->n; k++) {
		assert_non_null(g->nodes[k].text);
		/* shortened only when needed, and then with an ellipsis */
		if (strcmp(g->nodes[k].text, g->nodes[k].label) != 0)
			assert_non_null(strstr(g->nodes[k].text, "\xE2\x80\xA6"));
	}
	/* every node placed once in the draw order */
	int seen[256] = {0};
	assert_true(g->n <= 256);
	for (int k = 0; k < g->n; k++)
		seen[g->draw_order[k]]++;
	for (int k = 0; k < g->n; k++)
		assert_int_equal(seen[k], 1);
}

static void test_layout_no_overlap(void **state)
{
	(void)state;
	static const int sizes[][2] = {{1, 0},	 {3, 2},  {11, 26}, {14, 27},
				       {30, 40}, {5, 40}, {40, 3}};
	for (size_t t = 0; t < sizeof sizes / sizeof sizes[0]; t++) {
		struct arena *a = arena_new();
		char what[64];
		struct nl_graph g = hood(a, sizes[t][0], sizes[t][1], 14);
		assert_int_equal(network_layout_radial(&g, a), 0);
		snprintf(what, sizeof what, "radial %d+%d", sizes[t][0], sizes[t][1]);
		check_clean(&g, what);
		struct nl_graph c = hood(a, sizes[t][0], sizes[t][1], 13);
		c.node_r = 5;
		assert_int_equal(network_layout_columns(&c, 360, a), 0);
		snprintf(what, sizeof what, "columns %d+%d", sizes[t][0], sizes[t][1]);
		check_clean(&c, what);
		assert_true(c.width == 360);
		arena_free(a);
	}
}

static void test_layout_deterministic(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct nl_graph g1 = hood(a, 11, 26, 14), g2 = hood(a, 11, 26, 14);
	network_layout_radial(&g1, a);
	network_layout_radial(&g2, a);
	for (int i = 0; i < g1.n; i++) {
		assert_true(g1.nodes[i].x == g2.nodes[i].x && g1.nodes[i].y == g2.nodes[i].y);
		assert_string_equal(g1.nodes[i].text, g2.nodes[i].text);
	}
	arena_free(a);
}

static void test_overlap_check_finds_overlap(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct nl_graph g = hood(a, 3, 0, 14);
	network_layout_radial(&g, a);
	assert_false(network_layout_overlap(&g, NULL, NULL));
	/* plant node 2's label on node 1's */
	g.nodes[2].box = g.nodes[1].box;
	int i, j;
	assert_true(network_layout_overlap(&g, &i, &j));
	assert_true((i == 1 && j == 2) || (i == 2 && j == 1));
	/* and a label outside the drawing */
	struct nl_graph h = hood(a, 3, 0, 14);
	network_layout_radial(&h, a);
	h.nodes[1].box.x1 = h.width + 5;
	assert_true(network_layout_overlap(&h, NULL, NULL));
	arena_free(a);
}

static void test_shorten(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_string_equal(network_layout_shorten("Kort", 200, 10, a), "Kort");
	const char *s = network_layout_shorten("Een heel lange naam van een verband", 60, 10, a);
	assert_true(network_layout_text_width(s, 10) <= 60);
	assert_non_null(strstr(s, "\xE2\x80\xA6"));
	/* multi-byte characters are never cut in half */
	s = network_layout_shorten("ËËËËËËËËËËËËËËËË", 40, 10, a);
	assert_true(strlen(s) % 2 == 1 || strstr(s, "\xE2\x80\xA6"));
	assert_true(network_layout_text_width("ËË", 10) == 2 * LAYOUT_CHAR_EM * 10);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_blocks_obvious),
	    cmocka_unit_test(test_blocks_edge_cases),
	    cmocka_unit_test(test_layout_no_overlap),
	    cmocka_unit_test(test_layout_deterministic),
	    cmocka_unit_test(test_overlap_check_finds_overlap),
	    cmocka_unit_test(test_shorten),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
