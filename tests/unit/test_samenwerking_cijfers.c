/*
 * test_samenwerking_cijfers — the collaboration figures' pure rules with
 * worked examples: sums over the participants that have a value, spending
 * per inhabitant weighted by inhabitants, coverage, a missing value that
 * is never counted as zero, and the domain's list of indicator keys.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/domain/samenwerking_cijfers.h"

static void test_sum(void **state)
{
	(void)state;
	const struct sc_cell inh[] = {{true, 1000}, {true, 3000}, {false, 0}};
	struct sc_total t = sc_sum(inh, 3);
	assert_true(t.has);
	assert_float_equal(t.value, 4000, 1e-9);
	assert_int_equal(t.n_with, 2); /* the third has no value: "2 van 3" */
	assert_int_equal(t.n_of, 3);
	/* nobody has a value: unknown, not zero */
	const struct sc_cell none[] = {{false, 0}, {false, 0}};
	t = sc_sum(none, 2);
	assert_false(t.has);
	assert_int_equal(t.n_with, 0);
	assert_int_equal(t.n_of, 2);
	/* a real zero is a value */
	const struct sc_cell zero[] = {{true, 0}};
	t = sc_sum(zero, 1);
	assert_true(t.has);
	assert_int_equal(t.n_with, 1);
	t = sc_sum(NULL, 0);
	assert_false(t.has);
}

static void test_weighted(void **state)
{
	(void)state;
	/* 1,000 inhabitants at € 100 and 3,000 at € 200: (100,000 + 600,000) /
	 * 4,000 = € 175 per inhabitant, not the plain mean € 150 */
	const struct sc_cell per[] = {{true, 100}, {true, 200}};
	const struct sc_cell inh[] = {{true, 1000}, {true, 3000}};
	struct sc_total t = sc_weighted(per, inh, 2);
	assert_true(t.has);
	assert_float_equal(t.value, 175, 1e-9);
	assert_int_equal(t.n_with, 2);
	/* a participant without spending, or without inhabitants, is left
	 * out of both sums (a missing value is not € 0) */
	const struct sc_cell per3[] = {{true, 100}, {false, 0}, {true, 200}};
	const struct sc_cell inh3[] = {{true, 1000}, {true, 5000}, {false, 0}};
	t = sc_weighted(per3, inh3, 3);
	assert_true(t.has);
	assert_float_equal(t.value, 100, 1e-9);
	assert_int_equal(t.n_with, 1);
	assert_int_equal(t.n_of, 3);
	/* a real € 0 counts and pulls the figure down */
	const struct sc_cell per0[] = {{true, 0}, {true, 200}};
	t = sc_weighted(per0, inh, 2);
	assert_float_equal(t.value, 150, 1e-9);
	assert_int_equal(t.n_with, 2);
	/* nobody covered: unknown */
	const struct sc_cell nop[] = {{false, 0}, {false, 0}};
	t = sc_weighted(nop, inh, 2);
	assert_false(t.has);
	assert_int_equal(t.n_with, 0);
}

static void test_parts(void **state)
{
	(void)state;
	const struct sc_cell p[] = {{true, 10.5}, {true, 0}, {true, 4.5}};
	struct sc_cell c = sc_sum_parts(p, 3);
	assert_true(c.has);
	assert_float_equal(c.value, 15, 1e-9);
	/* one taakveld missing: the domain total is missing, not a lower sum */
	const struct sc_cell q[] = {{true, 10.5}, {false, 0}};
	c = sc_sum_parts(q, 2);
	assert_false(c.has);
	c = sc_sum_parts(NULL, 0);
	assert_false(c.has);
}

static void test_keys(void **state)
{
	(void)state;
	const char *keys[SC_MAX_KEYS];
	char buf[200];
	assert_int_equal(sc_split_keys("iv3_a; iv3_b ;;iv3_c", buf, keys, SC_MAX_KEYS), 3);
	assert_string_equal(keys[0], "iv3_a");
	assert_string_equal(keys[1], "iv3_b");
	assert_string_equal(keys[2], "iv3_c");
	assert_int_equal(sc_split_keys("", buf, keys, SC_MAX_KEYS), 0);
	assert_int_equal(sc_split_keys("iv3_a;iv3_a", buf, keys, SC_MAX_KEYS), -1);
	assert_int_equal(sc_split_keys("Iv3-A", buf, keys, SC_MAX_KEYS), -1);
	assert_int_equal(sc_split_keys("a;b;c", buf, keys, 2), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sum),
	    cmocka_unit_test(test_weighted),
	    cmocka_unit_test(test_parts),
	    cmocka_unit_test(test_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
