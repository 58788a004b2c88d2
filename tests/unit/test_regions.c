/*
 * test_regions — the regio-indeling's pure logic (domain/regions.c) and the
 * union outline (io/geo.c) on fictional worked examples: nested members
 * resolved recursively with a cycle cut, the congruence comparison of two
 * hand-made indelingen, and edge cancellation on two squares that share an
 * edge (plus the fallback when shapes do not share their vertices).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/domain/regions.h"
#include "../../src/io/geo.h"
#include "fixtures.h"

#include <stdio.h>
#include <string.h>

/* orgs: 0 Gemeente Aadorp, 1 Gemeente Beestad, 2 Gemeente Ceeveen,
 * 3 "Netwerk Noord" (stands for collaboration 1), 4 Provincie Fictief,
 * 5 "Kring Zuid" (stands for collaboration 2).
 * collaborations: 0 "Metropool Fictief" = {Netwerk Noord, Provincie};
 * 1 "Netwerk Noord" = {Aadorp, Beestad, Kring Zuid};
 * 2 "Kring Zuid" = {Ceeveen, Netwerk Noord (a cycle), Beestad (left)}. */
static struct organisation orgs[6];
static struct collaboration collabs[3];
static struct participation parts[8];
static int c0_parts[] = {0, 1}, c1_parts[] = {2, 3, 4}, c2_parts[] = {5, 6, 7};
static struct snapshot snap;

static void build(void)
{
	static char *names[] = {"Gemeente Aadorp", "Gemeente Beestad",	"Gemeente Ceeveen",
				"Netwerk Noord",   "Provincie Fictief", "Kring Zuid"};
	memset(orgs, 0, sizeof orgs);
	for (int i = 0; i < 6; i++) {
		orgs[i].name = names[i];
		orgs[i].code = names[i];
		orgs[i].kind = i < 3 ? ORG_MUNICIPALITY : ORG_OTHER;
		orgs[i].collaboration = -1;
		orgs[i].successor = -1;
	}
	orgs[3].collaboration = 1;
	orgs[5].collaboration = 2;
	collabs[0] =
	    (struct collaboration){.key = "c0", .active = true, .parts = c0_parts, .n_parts = 2};
	collabs[1] =
	    (struct collaboration){.key = "c1", .active = true, .parts = c1_parts, .n_parts = 3};
	collabs[2] =
	    (struct collaboration){.key = "c2", .active = true, .parts = c2_parts, .n_parts = 3};
	const struct {
		int c, o;
		bool active;
	} p[8] = {{0, 3, true}, {0, 4, true}, {1, 0, true}, {1, 1, true},
		  {1, 5, true}, {2, 2, true}, {2, 3, true}, {2, 1, false}};
	for (int i = 0; i < 8; i++)
		parts[i] = (struct participation){
		    .collaboration = p[i].c, .organisation = p[i].o, .active = p[i].active};
	memset(&snap, 0, sizeof snap);
	snap.orgs = orgs;
	snap.n_orgs = 6;
	snap.collabs = collabs;
	snap.n_collabs = 3;
	snap.parts = parts;
	snap.n_parts = 8;
}

static void test_resolve_nested(void **state)
{
	(void)state;
	build();
	bool out[6], via[3];
	/* Metropool Fictief → Netwerk Noord → Aadorp, Beestad, Kring Zuid → Ceeveen */
	assert_int_equal(regions_resolve(&snap, 0, out, via), 4);
	assert_true(out[0] && out[1] && out[2] && out[4]);
	assert_false(out[3] || out[5]); /* the networks themselves are resolved */
	assert_false(via[0]);
	assert_true(via[1] && via[2]);
	/* Kring Zuid: Ceeveen and, through Netwerk Noord, Aadorp and Beestad; the
	 * way back into Kring Zuid is cut; Beestad's own left participation
	 * does not count, but Beestad comes in through Netwerk Noord */
	assert_int_equal(regions_resolve(&snap, 2, out, via), 3);
	assert_true(out[0] && out[1] && out[2]);
	assert_int_equal(regions_resolve(&snap, -1, out, via), 0);
}

static void test_compare(void **state)
{
	(void)state;
	/* items 0..4; indeling a = {0,1}, {2,3}; b = {0,1,2}, {3}; item 4 only in b */
	bool a0[] = {1, 1, 0, 0, 0}, a1[] = {0, 0, 1, 1, 0};
	bool b0[] = {1, 1, 1, 0, 0}, b1[] = {0, 0, 0, 1, 1};
	const bool *ia[] = {a0, a1}, *ib[] = {b0, b1};
	struct regions_set a = {ia, 2}, b = {ib, 2};
	bool mis[5], one[5];
	/* {0,1} lies within {0,1,2}: fine. {2,3} nests with neither {0,1,2} nor
	 * {3,4} (among items both cover, {3} ⊂ {2,3}, so 3 is fine): item 2 lies
	 * in {2,3} and in {0,1,2}, which cross → marked; item 3 lies in {2,3}
	 * and {3}, which nest → not marked. */
	assert_int_equal(regions_compare(&a, &b, 5, mis, one), 1);
	assert_true(mis[2]);
	assert_false(mis[0] || mis[1] || mis[3] || mis[4]);
	assert_true(one[4]);
	assert_false(one[0] || one[1] || one[2] || one[3]);
	/* an indeling compared with itself coincides everywhere */
	assert_int_equal(regions_compare(&a, &a, 5, mis, NULL), 0);
	assert_true(regions_together(&a, 2, 3));
	assert_false(regions_together(&a, 1, 2));
}

/* Count the "L" commands in path data (the edges drawn after each M). */
static int count_char(const char *s, char c)
{
	int n = 0;
	for (; *s; s++)
		n += *s == c;
	return n;
}

static void test_union_outline(void **state)
{
	(void)state;
	char dir[64], path[128];
	assert_int_equal(fx_tempdir(dir, sizeof dir), 0);
	snprintf(path, sizeof path, "%s/g.geojson", dir);
	/* two clockwise squares sharing the edge x = 5.1 (same vertices) */
	assert_int_equal(
	    fx_write(path,
		     "{\"type\":\"FeatureCollection\",\"features\":["
		     "{\"type\":\"Feature\",\"properties\":{\"statcode\":\"GM9991\",\"statnaam\":"
		     "\"Aadorp\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[5.0,52.0],"
		     "[5.0,52.1],[5.1,52.1],[5.1,52.0],[5.0,52.0]]]}},"
		     "{\"type\":\"Feature\",\"properties\":{\"statcode\":\"GM9992\",\"statnaam\":"
		     "\"Beestad\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[5.1,52.0],"
		     "[5.1,52.1],[5.2,52.1],[5.2,52.0],[5.1,52.0]]]}}]}"),
	    0);
	assert_int_equal(geo_load(path), 2);
	assert_true(geo_shared_topology());
	int both[] = {0, 1};
	struct buf d = BUF_INIT;
	assert_int_equal(geo_union_outline(both, 2, &d), 0);
	/* the shared edge cancels: one closed ring of 6 edges (M + 5 L + Z) */
	assert_int_equal(count_char(d.data, 'M'), 1);
	assert_int_equal(count_char(d.data, 'L'), 5);
	assert_int_equal(count_char(d.data, 'Z'), 1);
	buf_free(&d);
	/* one member alone: its own four edges */
	assert_int_equal(geo_union_outline(both, 1, &d), 0);
	assert_int_equal(count_char(d.data, 'L'), 3);
	buf_free(&d);

	/* squares that touch without sharing vertices: no edge cancellation,
	 * the caller falls back to drawing the members */
	assert_int_equal(
	    fx_write(
		path,
		"{\"type\":\"FeatureCollection\",\"features\":["
		"{\"type\":\"Feature\",\"properties\":{\"statcode\":\"GM9991\",\"statnaam\":"
		"\"Aadorp\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[5.0,52.0],"
		"[5.0,52.1],[5.1,52.1],[5.1,52.0],[5.0,52.0]]]}},"
		"{\"type\":\"Feature\",\"properties\":{\"statcode\":\"GM9992\",\"statnaam\":"
		"\"Beestad\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[5.1,52.05],"
		"[5.1,52.15],[5.2,52.15],[5.2,52.05],[5.1,52.05]]]}}]}"),
	    0);
	assert_int_equal(geo_load(path), 2);
	assert_false(geo_shared_topology());
	assert_int_equal(geo_union_outline(both, 2, &d), -1);
	buf_free(&d);

	/* the repository's gemeenten share their vertices */
	assert_int_equal(geo_load(GEO_DEFAULT_FILE), 26);
	assert_true(geo_shared_topology());
	assert_true(geo_waterboard_count() >= 4);
	assert_true(geo_waterboard_find("ws0636", NULL) >= 0);
	assert_true(geo_waterboard_find("", "Hoogheemraadschap Amstel, Gooi en Vecht") >= 0);
	geo_free();
	fx_rm_rf(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_resolve_nested),
	    cmocka_unit_test(test_compare),
	    cmocka_unit_test(test_union_outline),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
