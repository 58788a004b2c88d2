/*
 * test_map — the map's pure logic (domain/mapcount.c) on worked examples:
 * legend classes (hand-computed breaks, a zero class, small ranges, all
 * equal, empty), class lookup, which organisations are on the map, and the
 * counts (ended collaborations, left participants, several bodies of one
 * organisation, filters) over a tiny hand-built fictional snapshot; plus
 * the geometry loader on a fictional GeoJSON file and on bad input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/domain/filter.h"
#include "../../src/domain/mapcount.h"
#include "../../src/io/geo.h"
#include "fixtures.h"

#include <stdio.h>
#include <string.h>

static void check_class(const struct map_classes *k, int i, int lo, int hi, int shade)
{
	assert_int_equal(k->c[i].lo, lo);
	assert_int_equal(k->c[i].hi, hi);
	assert_int_equal(k->c[i].shade, shade);
}

static void test_classes_worked(void **state)
{
	(void)state;
	struct map_classes k;
	/* 3..14 = 12 values in 5 classes: widths 3,3,2,2,2 */
	const int a[] = {8, 10, 13, 3, 14, 9, 11, 7};
	mapcount_classes(a, 8, &k);
	assert_int_equal(k.n, 5);
	check_class(&k, 0, 3, 5, 0);
	check_class(&k, 1, 6, 8, 1);
	check_class(&k, 2, 9, 10, 2);
	check_class(&k, 3, 11, 12, 3);
	check_class(&k, 4, 13, 14, 4);
	assert_int_equal(mapcount_class_of(&k, 3), 0);
	assert_int_equal(mapcount_class_of(&k, 8), 1);
	assert_int_equal(mapcount_class_of(&k, 10), 2);
	assert_int_equal(mapcount_class_of(&k, 14), 4);
	assert_int_equal(mapcount_class_of(&k, 2), -1);
	assert_int_equal(mapcount_class_of(&k, 15), -1);

	/* zero is its own class; 1..8 in the 4 others: 2,2,2,2 */
	const int b[] = {0, 1, 8, 0, 5};
	mapcount_classes(b, 5, &k);
	assert_int_equal(k.n, 5);
	check_class(&k, 0, 0, 0, 0);
	check_class(&k, 1, 1, 2, 1);
	check_class(&k, 2, 3, 4, 2);
	check_class(&k, 3, 5, 6, 3);
	check_class(&k, 4, 7, 8, 4);
}

static void test_classes_small(void **state)
{
	(void)state;
	struct map_classes k;
	/* two values: one class each, lightest and darkest */
	const int a[] = {2, 3, 3, 2};
	mapcount_classes(a, 4, &k);
	assert_int_equal(k.n, 2);
	check_class(&k, 0, 2, 2, 0);
	check_class(&k, 1, 3, 3, 4);
	/* zero plus three values: 4 classes spread over the palette */
	const int b[] = {0, 1, 2, 3};
	mapcount_classes(b, 4, &k);
	assert_int_equal(k.n, 4);
	check_class(&k, 0, 0, 0, 0);
	check_class(&k, 1, 1, 1, 1);
	check_class(&k, 2, 2, 2, 3);
	check_class(&k, 3, 3, 3, 4);
	/* all equal and positive: one middle class */
	const int c[] = {7, 7};
	mapcount_classes(c, 2, &k);
	assert_int_equal(k.n, 1);
	check_class(&k, 0, 7, 7, 2);
	/* all zero: one lightest class */
	const int d[] = {0, 0, 0};
	mapcount_classes(d, 3, &k);
	assert_int_equal(k.n, 1);
	check_class(&k, 0, 0, 0, 0);
	/* nothing */
	mapcount_classes(NULL, 0, &k);
	assert_int_equal(k.n, 0);
	assert_int_equal(mapcount_class_of(&k, 0), -1);
}

/* ---- a tiny fictional snapshot ---------------------------------------------- */

static char empty[] = "";
static char today[] = "2025-06-01";

/* orgs: 0 Gemeente Testdorp (map), 1 Gemeente Proefstad (map),
 * 2 Waterschap Nat (water board), 3 Gemeente Oudheim (ended),
 * 4 Gemeente Verweg (outside the province), 5 Gemeente Laatst (valid_to past) */
static struct organisation orgs[6];
static struct collaboration collabs[3];
static struct participation parts[9];
static int c0_parts[] = {0, 1, 2, 3}, c1_parts[] = {4, 5}, c2_parts[] = {6, 7, 8};
static int c0_domains[] = {0};
static struct domain domains[1];
static struct snapshot snap;

static void build(void)
{
	static char *names[] = {"Gemeente Testdorp", "Gemeente Proefstad", "Waterschap Nat",
				"Gemeente Oudheim",  "Gemeente Verweg",	   "Gemeente Laatst"};
	static char *codes[] = {"gm9991", "gm9992", "ws9993", "gm9994", "gm9995", "gm9996"};
	memset(orgs, 0, sizeof orgs);
	for (int i = 0; i < 6; i++) {
		orgs[i].name = names[i];
		orgs[i].code = codes[i];
		orgs[i].cbs_code = empty;
		orgs[i].valid_to = empty;
		orgs[i].kind = ORG_MUNICIPALITY;
		orgs[i].in_province = true;
		orgs[i].successor = -1;
	}
	orgs[2].kind = ORG_WATER_BOARD;
	orgs[3].ended = true;
	orgs[4].in_province = false;
	orgs[5].valid_to = "2024-12-31";

	domains[0] = (struct domain){.key = "testdomein", .name = "Testdomein"};
	memset(collabs, 0, sizeof collabs);
	/* c0: active, Wgr, domain 0: Testdorp (raad and college), Proefstad, Nat */
	collabs[0] = (struct collaboration){.key = "c0",
					    .name = "Regeling Een",
					    .kind = COLLAB_JOINT_ARRANGEMENT,
					    .active = true,
					    .parts = c0_parts,
					    .n_parts = 4,
					    .domains = c0_domains,
					    .n_domains = 1,
					    .domain_mask = 1};
	/* c1: active network: Testdorp left, Proefstad active */
	collabs[1] = (struct collaboration){.key = "c1",
					    .name = "Netwerk Twee",
					    .kind = COLLAB_NETWORK,
					    .active = true,
					    .parts = c1_parts,
					    .n_parts = 2};
	/* c2: ended: Testdorp, Proefstad, Verweg */
	collabs[2] = (struct collaboration){.key = "c2",
					    .name = "Oud Verband",
					    .kind = COLLAB_JOINT_ARRANGEMENT,
					    .active = false,
					    .parts = c2_parts,
					    .n_parts = 3};
	const struct {
		int c, o;
		bool active;
	} p[9] = {{0, 0, true}, {0, 0, true}, {0, 1, true}, {0, 2, true}, {1, 0, false},
		  {1, 1, true}, {2, 0, true}, {2, 1, true}, {2, 4, true}};
	for (int i = 0; i < 9; i++)
		parts[i] = (struct participation){
		    .collaboration = p[i].c, .organisation = p[i].o, .active = p[i].active};
	memset(&snap, 0, sizeof snap);
	memcpy(snap.today, today, sizeof today);
	snap.orgs = orgs;
	snap.n_orgs = 6;
	snap.collabs = collabs;
	snap.n_collabs = 3;
	snap.parts = parts;
	snap.n_parts = 9;
	snap.domains = domains;
	snap.n_domains = 1;
}

static void test_map_orgs_and_counts(void **state)
{
	(void)state;
	build();
	int out[6];
	int n = mapcount_map_orgs(&snap, out);
	assert_int_equal(n, 2); /* not the water board, ended, outside, expired */
	assert_int_equal(out[0], 0);
	assert_int_equal(out[1], 1);
	assert_false(mapcount_is_map_org(&snap, 5));

	struct collab_filter f;
	collab_filter_init(&f, 20);
	int counts[2];
	mapcount_counts(&snap, &f, out, n, counts);
	/* Testdorp: c0 once (two bodies), c1 left, c2 ended -> 1; Proefstad: c0, c1 -> 2 */
	assert_int_equal(counts[0], 1);
	assert_int_equal(counts[1], 2);
	/* status and org in the filter are ignored: the map is always "actief" */
	f.status = STATUS_ALL;
	f.org = 0;
	mapcount_counts(&snap, &f, out, n, counts);
	assert_int_equal(counts[0], 1);
	assert_int_equal(counts[1], 2);
	/* soort=netwerk */
	collab_filter_init(&f, 20);
	f.kind = COLLAB_NETWORK;
	mapcount_counts(&snap, &f, out, n, counts);
	assert_int_equal(counts[0], 0);
	assert_int_equal(counts[1], 1);
	/* beleidsdomein */
	collab_filter_init(&f, 20);
	f.domain = 0;
	mapcount_counts(&snap, &f, out, n, counts);
	assert_int_equal(counts[0], 1);
	assert_int_equal(counts[1], 1);

	assert_true(mapcount_takes_part(&snap, 0, 0));
	assert_false(mapcount_takes_part(&snap, 1, 0)); /* left */
	assert_true(mapcount_takes_part(&snap, 1, 1));
}

static void test_geometry_loader(void **state)
{
	(void)state;
	char dir[64], path[128];
	assert_int_equal(fx_tempdir(dir, sizeof dir), 0);
	snprintf(path, sizeof path, "%s/g.geojson", dir);
	assert_int_equal(
	    fx_write(
		path,
		"{\"type\":\"FeatureCollection\",\"features\":["
		"{\"type\":\"Feature\",\"properties\":{\"statcode\":\"GM9991\",\"statnaam\":"
		"\"Testdorp\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[5.0,52.0],"
		"[5.1,52.0],[5.1,52.1],[5.0,52.1],[5.0,52.0]]]}},"
		"{\"type\":\"Feature\",\"properties\":{\"statcode\":\"GM9992\",\"statnaam\":"
		"\"Proefstad\"},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[[[5.1,"
		"52.0],[5.2,52.0],[5.2,52.1],[5.1,52.0]]]]}}]}"),
	    0);
	assert_int_equal(geo_load(path), 2);
	/* not a FeatureCollection of polygons */
	assert_int_equal(fx_write(path, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
					"\"Feature\",\"properties\":{},\"geometry\":{\"type\":"
					"\"Point\",\"coordinates\":[5,52]}}]}"),
			 0);
	assert_int_equal(geo_load(path), -1);
	assert_int_equal(fx_write(path, "{nope"), 0);
	assert_int_equal(geo_load(path), -1);
	snprintf(path, sizeof path, "%s/missing.geojson", dir);
	assert_int_equal(geo_load(path), -1);
	/* the real file of the repository: the 26 gemeenten */
	assert_int_equal(geo_load(GEO_DEFAULT_FILE), 26);
	geo_free();
	fx_rm_rf(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_classes_worked),
	    cmocka_unit_test(test_classes_small),
	    cmocka_unit_test(test_map_orgs_and_counts),
	    cmocka_unit_test(test_geometry_loader),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
