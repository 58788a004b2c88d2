/*
 * test_evaluatie — domain/evaluatie.c: the suppression rule for small
 * cells (primary and secondary, so a total minus the shown groups never
 * reveals a suppressed group), the checks of one answer (scale, choice,
 * open text) and the input rules of an item and a round.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/domain/evaluatie.h"

static bool has(const struct field_errors *e, const char *field)
{
	for (int i = 0; i < e->n; i++)
		if (strcmp(e->e[i].field, field) == 0)
			return true;
	return false;
}

/* Can the hidden groups be worked out as one small group by differencing?
 * With the total shown: the sum of hidden groups is total minus the shown
 * ones, so it must be 0 or at least 5, and never one single group. */
static void assert_no_differencing(int total, const int *n, int k, const bool *hidden,
				   bool total_hidden)
{
	if (total_hidden)
		return;
	int all = 0;
	for (int i = 0; i < k; i++)
		all += n[i];
	assert_int_equal(all, total);
	assert_true(total >= EVALUATIE_MIN_CELL);
	int sum = 0, cnt = 0;
	for (int i = 0; i < k; i++)
		if (hidden[i]) {
			sum += n[i];
			cnt++;
		}
	assert_true(cnt == 0 || (cnt >= 2 && sum >= EVALUATIE_MIN_CELL));
	for (int i = 0; i < k; i++)
		if (!hidden[i])
			assert_true(n[i] == 0 || n[i] >= EVALUATIE_MIN_CELL);
}

static void test_suppress_nothing_small(void **state)
{
	(void)state;
	int n[] = {10, 7, 5};
	bool h[3];
	assert_false(evaluatie_suppress(22, n, 3, h));
	assert_false(h[0] || h[1] || h[2]);
}

static void test_suppress_primary_and_secondary(void **state)
{
	(void)state;
	/* 3 bestuurders, 12 ambtenaren, 8 volksvertegenwoordigers: the 3 are
	 * hidden, and because 23 - 12 - 8 = 3 would give them away, the
	 * smallest other group (8) is hidden too */
	int n[] = {3, 12, 8};
	bool h[3];
	assert_false(evaluatie_suppress(23, n, 3, h));
	assert_true(h[0]);
	assert_false(h[1]);
	assert_true(h[2]);
	assert_no_differencing(23, n, 3, h, false);
}

static void test_suppress_two_small_groups_together_small(void **state)
{
	(void)state;
	/* 1 + 2 hidden is still a group of 3 by differencing: add the 6 */
	int n[] = {1, 2, 6, 20};
	bool h[4];
	assert_false(evaluatie_suppress(29, n, 4, h));
	assert_true(h[0] && h[1] && h[2]);
	assert_false(h[3]);
	assert_no_differencing(29, n, 4, h, false);
}

static void test_suppress_two_small_groups_enough(void **state)
{
	(void)state;
	/* 4 + 3 = 7 together: no single group can be derived */
	int n[] = {4, 3, 9};
	bool h[3];
	assert_false(evaluatie_suppress(16, n, 3, h));
	assert_true(h[0] && h[1]);
	assert_false(h[2]);
	assert_no_differencing(16, n, 3, h, false);
}

static void test_suppress_zero_groups_shown(void **state)
{
	(void)state;
	int n[] = {0, 9, 6};
	bool h[3];
	assert_false(evaluatie_suppress(15, n, 3, h));
	assert_false(h[0] || h[1] || h[2]);
}

static void test_suppress_small_total(void **state)
{
	(void)state;
	int n[] = {2, 2, 0};
	bool h[3];
	assert_true(evaluatie_suppress(4, n, 3, h));
	assert_true(h[0] && h[1]);
	assert_false(h[2]);
}

static void test_suppress_nothing_to_add(void **state)
{
	(void)state;
	/* one small group and only empty others: the total would reveal it,
	 * so the total is hidden as well (here the total is small anyway);
	 * with a large other group that one is hidden instead */
	int n[] = {3, 0};
	bool h[2];
	assert_true(evaluatie_suppress(3, n, 2, h));
	int m[] = {4, 5};
	bool g[2];
	assert_false(evaluatie_suppress(9, m, 2, g));
	assert_true(g[0] && g[1]);
	assert_no_differencing(9, m, 2, g, false);
}

static void test_suppress_exhaustive(void **state)
{
	(void)state;
	/* every partition of up to 14 respondents over three groups */
	for (int a = 0; a <= 14; a++)
		for (int b = 0; b <= 14; b++)
			for (int c = 0; c <= 14; c++) {
				int n[] = {a, b, c};
				bool h[3];
				bool th = evaluatie_suppress(a + b + c, n, 3, h);
				if (a + b + c < EVALUATIE_MIN_CELL)
					assert_true(th);
				assert_no_differencing(a + b + c, n, 3, h, th);
			}
}

static void test_check_scale(void **state)
{
	(void)state;
	int v = -1;
	assert_int_equal(evaluatie_check_scale("3", &v), EVA_OK);
	assert_int_equal(v, 3);
	assert_int_equal(evaluatie_check_scale("0", &v), EVA_OK);
	assert_int_equal(v, 0);
	assert_int_equal(evaluatie_check_scale("", &v), EVA_EMPTY);
	assert_int_equal(evaluatie_check_scale(NULL, &v), EVA_EMPTY);
	assert_int_equal(evaluatie_check_scale("6", &v), EVA_RANGE);
	assert_int_equal(evaluatie_check_scale("-1", &v), EVA_RANGE);
	assert_int_equal(evaluatie_check_scale("33", &v), EVA_RANGE);
}

static void test_check_choice(void **state)
{
	(void)state;
	int v = 0;
	assert_int_equal(evaluatie_check_choice("2", 3, &v), EVA_OK);
	assert_int_equal(v, 2);
	assert_int_equal(evaluatie_check_choice("4", 3, &v), EVA_RANGE);
	assert_int_equal(evaluatie_check_choice("0", 3, &v), EVA_RANGE);
	assert_int_equal(evaluatie_check_choice("x", 3, &v), EVA_RANGE);
	assert_int_equal(evaluatie_check_choice("", 3, &v), EVA_EMPTY);
}

static void test_check_open(void **state)
{
	(void)state;
	char big[EVALUATIE_OPEN_MAX + 2];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = 0;
	assert_int_equal(evaluatie_check_open("Prima.\nTweede regel."), EVA_OK);
	assert_int_equal(evaluatie_check_open(big), EVA_TOO_LONG);
	assert_int_equal(evaluatie_check_open(""), EVA_EMPTY);
}

static void test_item_check(void **state)
{
	(void)state;
	struct field_errors e = {0};
	struct evaluatie_item_input good = {.block = "relatie",
					    .kind = "likert",
					    .text =
						"Ik vertrouw erop dat partners afspraken nakomen.",
					    .source = "Fictieve bron"};
	evaluatie_item_check(&e, &good);
	assert_int_equal(e.n, 0);
	struct evaluatie_item_input bad = {
	    .block = "x", .kind = "enkelvoudig", .text = "", .options = "alleen"};
	evaluatie_item_check(&e, &bad);
	assert_true(has(&e, "blok"));
	assert_true(has(&e, "tekst"));
	assert_true(has(&e, "keuzes"));
	struct field_errors f = {0};
	struct evaluatie_item_input opts = {
	    .block = "proces", .kind = "open", .text = "Wat kan beter?", .options = "a\nb"};
	evaluatie_item_check(&f, &opts);
	assert_true(has(&f, "keuzes"));
	assert_int_equal(evaluatie_option_count(" een \n\n twee\r\ndrie"), 3);
	char o[40];
	assert_true(evaluatie_option(" een \n\n twee\r\ndrie", 1, o, sizeof o));
	assert_string_equal(o, "twee");
	assert_false(evaluatie_option("een", 1, o, sizeof o));
}

static void test_round_check(void **state)
{
	(void)state;
	struct field_errors e = {0};
	struct evaluatie_round_input good = {.name = "Fictieve nulmeting",
					     .starts_on = "2026-01-01",
					     .ends_on = "2026-02-01",
					     .groups = "bestuurders;ambtenaren"};
	evaluatie_round_check(&e, &good);
	assert_int_equal(e.n, 0);
	struct evaluatie_round_input bad = {
	    .name = "", .starts_on = "2026-02-01", .ends_on = "2026-01-01", .groups = "burgers"};
	evaluatie_round_check(&e, &bad);
	assert_true(has(&e, "naam"));
	assert_true(has(&e, "einde"));
	assert_true(has(&e, "doelgroep"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_suppress_nothing_small),
	    cmocka_unit_test(test_suppress_primary_and_secondary),
	    cmocka_unit_test(test_suppress_two_small_groups_together_small),
	    cmocka_unit_test(test_suppress_two_small_groups_enough),
	    cmocka_unit_test(test_suppress_zero_groups_shown),
	    cmocka_unit_test(test_suppress_small_total),
	    cmocka_unit_test(test_suppress_nothing_to_add),
	    cmocka_unit_test(test_suppress_exhaustive),
	    cmocka_unit_test(test_check_scale),
	    cmocka_unit_test(test_check_choice),
	    cmocka_unit_test(test_check_open),
	    cmocka_unit_test(test_item_check),
	    cmocka_unit_test(test_round_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
