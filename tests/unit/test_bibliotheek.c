/*
 * test_bibliotheek — domain/bibliotheek.c and the knowledge-base rules of
 * app/policy.c: the input rules of an item (a Dutch message on the right
 * field), who may read an item, the folding that search matches (case and
 * diacritics ignored) and the words of a query, and who may add, edit and
 * remove items.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/app/policy.h"
#include "../../src/domain/bibliotheek.h"

static bool has(const struct field_errors *e, const char *field)
{
	for (int i = 0; i < e->n; i++)
		if (strcmp(e->e[i].field, field) == 0)
			return true;
	return false;
}

static const struct bibliotheek_input good = {.kind = "analyse",
					      .title = "Fictieve analyse Testwaard",
					      .url = "https://www.example.org/fictief",
					      .summary = "Een verzonnen analyse.\n\nTweede alinea.",
					      .published_on = "2026-01-15",
					      .licence = "CC BY 4.0",
					      .visibility = "openbaar"};

static void test_check_good(void **state)
{
	(void)state;
	struct field_errors e = {0};
	bibliotheek_check(&e, &good, "2026-12-07");
	assert_int_equal(e.n, 0);
	struct bibliotheek_input x = good;
	x.url = "";
	x.licence = NULL;
	x.visibility = ""; /* counts as openbaar */
	bibliotheek_check(&e, &x, "2026-12-07");
	assert_int_equal(e.n, 0);
}

static void test_check_bad(void **state)
{
	(void)state;
	char long_summary[BIBLIOTHEEK_SUMMARY_MAX + 2];
	memset(long_summary, 'x', sizeof long_summary - 1);
	long_summary[sizeof long_summary - 1] = '\0';
	struct bibliotheek_input x = {.kind = "boek",
				      .title = "",
				      .url = "javascript:alert(1)",
				      .summary = long_summary,
				      .published_on = "15-01-2026",
				      .visibility = "geheim"};
	struct field_errors e = {0};
	bibliotheek_check(&e, &x, "2026-12-07");
	const char *fields[] = {"soort", "titel", "url", "samenvatting", "datum", "zichtbaarheid"};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		assert_true(has(&e, fields[i]));
	assert_non_null(strstr(field_errors_get(&e, "url"), "https://"));
	/* a link needs an address; a date is not in the future nor impossible */
	struct bibliotheek_input l = good;
	l.kind = "link";
	l.url = "";
	l.published_on = "2027-01-01";
	struct field_errors e2 = {0};
	bibliotheek_check(&e2, &l, "2026-12-07");
	assert_true(has(&e2, "url"));
	assert_true(has(&e2, "datum"));
	l.url = "ftp://example.org/x";
	l.published_on = "2026-02-30";
	struct field_errors e3 = {0};
	bibliotheek_check(&e3, &l, "2026-12-07");
	assert_true(has(&e3, "url"));
	assert_true(has(&e3, "datum"));
	struct bibliotheek_input empty = {0};
	struct field_errors e4 = {0};
	bibliotheek_check(&e4, &empty, NULL);
	assert_true(has(&e4, "samenvatting"));
	assert_true(has(&e4, "datum"));
}

static void test_readable(void **state)
{
	(void)state;
	assert_true(bibliotheek_readable("openbaar", false));
	assert_true(bibliotheek_readable("partners", true));
	assert_false(bibliotheek_readable("partners", false));
	assert_false(bibliotheek_readable("anders", true));
	assert_false(bibliotheek_readable(NULL, true));
}

static void test_fold_and_words(void **state)
{
	(void)state;
	char out[128];
	assert_string_equal(
	    bibliotheek_fold("Één Rapport: Zeeuwse ËLFSTEDENTOCHT!", out, sizeof out),
	    "-een-rapport-zeeuwse-elfstedentocht-");
	assert_string_equal(bibliotheek_fold("", out, sizeof out), "-");
	char small[8];
	bibliotheek_fold("samenwerking", small, sizeof small);
	assert_true(strlen(small) < sizeof small);
	char w[5][64];
	int n = bibliotheek_query_words("  Zéeuwse, ELF-steden  ", w, 5);
	assert_int_equal(n, 3);
	assert_string_equal(w[0], "zeeuwse");
	assert_string_equal(w[1], "elf");
	assert_string_equal(w[2], "steden");
	assert_int_equal(bibliotheek_query_words("%_ !", w, 5), 0);
	assert_int_equal(bibliotheek_query_words("a b c", w, 5), 0);
	assert_int_equal(bibliotheek_query_words("een twee drie vier", w, 2), 2);
}

static struct user user(enum user_role role, const char *org)
{
	struct user u = {.id = 1, .role = role};
	snprintf(u.org_code, sizeof u.org_code, "%s", org);
	return u;
}

static void test_policy(void **state)
{
	(void)state;
	struct user red = user(USER_ROLE_EDITOR, "gm0001");
	struct user staff = user(USER_ROLE_STAFF, "");
	struct user mgr = user(USER_ROLE_ACCOUNT_MGR, "");
	struct user off = red;
	off.disabled = true;
	assert_true(policy_may_add_publications(&red));
	assert_true(policy_may_add_publications(&staff));
	assert_false(policy_may_add_publications(&mgr));
	assert_false(policy_may_add_publications(&off));
	assert_false(policy_may_add_publications(NULL));
	assert_true(policy_may_manage_publication(&red, "gm0001"));
	assert_false(policy_may_manage_publication(&red, "gm0002"));
	assert_true(policy_may_manage_publication(&staff, "gm0002"));
	assert_false(policy_may_manage_publication(&off, "gm0001"));
	assert_false(policy_may_manage_publication(NULL, "gm0001"));
	assert_true(policy_publication_visible(NULL, "openbaar"));
	assert_false(policy_publication_visible(NULL, "partners"));
	assert_false(policy_publication_visible(&off, "partners"));
	assert_true(policy_publication_visible(&mgr, "partners"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_check_good), cmocka_unit_test(test_check_bad),
	    cmocka_unit_test(test_readable),   cmocka_unit_test(test_fold_and_words),
	    cmocka_unit_test(test_policy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
