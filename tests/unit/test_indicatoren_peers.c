/*
 * test_indicatoren_peers — the gemeente dashboard's pure rules, worked
 * examples: the explicit peer list (?vergelijk=), peers by class, rank in
 * the province by direction with ties and missing values, peer mean and
 * median without missing values, the trend and the summary sentence with
 * its 2.5% tolerance.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/domain/indicatoren.h"
#include "../../src/domain/indicatoren_peers.h"

static void test_list(void **state)
{
	(void)state;
	char codes[PEERS_MAX_CODES][PEERS_CODE_LEN];
	const char *err;
	assert_int_equal(peers_parse_list("gm0344,GM0355", codes, PEERS_MAX_CODES, &err), 2);
	assert_string_equal(codes[0], "GM0344");
	assert_string_equal(codes[1], "GM0355");
	/* spaces, empty items and duplicates */
	assert_int_equal(peers_parse_list(" gm0344 ,,GM0344, gm0321", codes, PEERS_MAX_CODES, &err),
			 2);
	assert_string_equal(codes[1], "GM0321");
	assert_int_equal(peers_parse_list("", codes, PEERS_MAX_CODES, &err), -1);
	assert_non_null(strstr(err, "minstens één"));
	assert_int_equal(peers_parse_list("gm344", codes, PEERS_MAX_CODES, &err), -1);
	assert_non_null(strstr(err, "gemeentecodes"));
	assert_int_equal(peers_parse_list("pv0026", codes, PEERS_MAX_CODES, &err), -1);
	assert_int_equal(peers_parse_list("gm03x4", codes, PEERS_MAX_CODES, &err), -1);
	assert_int_equal(peers_parse_list("gm0344%", codes, PEERS_MAX_CODES, &err), -1);
	assert_int_equal(peers_parse_list("gm0001,gm0002,gm0003", codes, 2, &err), -1);
	assert_non_null(strstr(err, "hoogstens"));
}

static void test_class(void **state)
{
	(void)state;
	/* size classes of five gemeenten; area 0 is ours (class 5) */
	const double cls[] = {5, 5, 4, 5, 0};
	const bool has[] = {true, true, true, true, false};
	bool m[5];
	assert_int_equal(peers_by_class(cls, has, 5, 0, 5, true, m), 2);
	assert_false(m[0]); /* never itself */
	assert_true(m[1]);
	assert_false(m[2]);
	assert_true(m[3]);
	assert_false(m[4]); /* missing class: no peer, even though 0 != 5 anyway */
	assert_int_equal(peers_by_class(cls, has, 5, 0, 5, false, m), 0);
}

static void test_rank_province(void **state)
{
	(void)state;
	/* hoger_beter: 30 > 20 = 20 > 10; missing unranked */
	const double v[] = {20, 30, 0, 10, 20};
	const bool has[] = {true, true, false, true, true};
	int r[5];
	indicator_rank(v, has, 5, "hoger_beter", r);
	assert_int_equal(r[0], 2);
	assert_int_equal(r[1], 1);
	assert_int_equal(r[2], 0);
	assert_int_equal(r[3], 4);
	assert_int_equal(r[4], 2);
	assert_int_equal(peers_ranked_count(r, 5), 4); /* "2 van 4" */
	indicator_rank(v, has, 5, "lager_beter", r);
	assert_int_equal(r[3], 1);
	assert_int_equal(r[0], 2);
	assert_int_equal(r[1], 4);
}

static void test_stats(void **state)
{
	(void)state;
	const double v[] = {10, 0, 30, 20, 99};
	const bool has[] = {true, false, true, true, true};
	const bool member[] = {true, true, true, true, false};
	struct peer_stats st;
	assert_true(peers_stats(v, has, member, 5, &st));
	assert_int_equal(st.n, 3); /* the missing one is left out, not counted as 0 */
	assert_true(st.mean == 20);
	assert_true(st.median == 20);
	const double w[] = {1, 2, 3, 10};
	const bool all[] = {true, true, true, true};
	assert_true(peers_stats(w, all, NULL, 4, &st));
	assert_true(st.mean == 4);
	assert_true(st.median == 2.5);
	const bool none[] = {false, false, false, false};
	assert_false(peers_stats(w, none, NULL, 4, &st));
	assert_int_equal(st.n, 0);
}

static void test_trend(void **state)
{
	(void)state;
	/* 2020 missing, 2021 10, 2022 missing, 2023 12.5, 2024 missing */
	const double v[] = {0, 10, 0, 12.5, 0};
	const bool has[] = {false, true, false, true, false};
	struct peer_trend t = peers_trend(v, has, 5);
	assert_int_equal(t.first, 1);
	assert_int_equal(t.last, 3);
	assert_true(t.change == 2.5);
	assert_int_equal(t.n_present, 2);
	const bool none[] = {false, false};
	t = peers_trend(v, none, 2);
	assert_int_equal(t.first, -1);
	assert_int_equal(t.n_present, 0);
}

static void test_sentence(void **state)
{
	(void)state;
	struct peer_stats st = {.n = 3, .mean = 100, .median = 90};
	assert_int_equal(peers_position(true, 103, &st), PEER_ABOVE);
	assert_int_equal(peers_position(true, 102.5, &st), PEER_AROUND); /* on the tolerance */
	assert_int_equal(peers_position(true, 97.5, &st), PEER_AROUND);
	assert_int_equal(peers_position(true, 97, &st), PEER_BELOW);
	assert_int_equal(peers_position(false, 100, &st), PEER_NONE);
	struct peer_stats none = {0};
	assert_int_equal(peers_position(true, 100, &none), PEER_NONE);
	struct peer_stats zero = {.n = 2, .mean = 0};
	assert_int_equal(peers_position(true, 0, &zero), PEER_AROUND);
	assert_int_equal(peers_position(true, -0.1, &zero), PEER_BELOW);
	assert_string_equal(peers_sentence(PEER_ABOVE),
			    "ligt boven het gemiddelde van vergelijkbare gemeenten");
	assert_string_equal(peers_sentence(PEER_BELOW),
			    "ligt onder het gemiddelde van vergelijkbare gemeenten");
	assert_string_equal(peers_sentence(PEER_AROUND),
			    "ligt rond het gemiddelde van vergelijkbare gemeenten");
	assert_string_equal(peers_sentence(PEER_NONE), "");
	assert_string_equal(peers_position_key(PEER_AROUND), "rond");
	assert_null(peers_position_key(PEER_NONE));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_list),	  cmocka_unit_test(test_class),
	    cmocka_unit_test(test_rank_province), cmocka_unit_test(test_stats),
	    cmocka_unit_test(test_trend),	  cmocka_unit_test(test_sentence),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
