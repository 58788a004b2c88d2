/*
 * test_deskundigen — domain/deskundigen.c: what an experts' listing must
 * hold (consent above all, a Dutch message on the right field) and how a
 * search matches (every word, any field, without regard to case).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/domain/deskundigen.h"

static bool has(const struct field_errors *e, const char *field)
{
	for (int i = 0; i < e->n; i++)
		if (strcmp(e->e[i].field, field) == 0)
			return true;
	return false;
}

static bool known(const char *key, const void *ctx)
{
	(void)ctx;
	return strcmp(key, "sociaal-domein") == 0 || strcmp(key, "afval") == 0;
}

static void test_check(void **state)
{
	(void)state;
	const char *themes[] = {"afval", "sociaal-domein"};
	struct expert_input ok = {.expertise = "Inzameling van grofvuil in een GR.",
				  .keywords = "afval, GR",
				  .contact = "0300-000000",
				  .themes = themes,
				  .n_themes = 2,
				  .consent = true};
	struct field_errors e = {0};
	deskundige_check(&e, &ok, known, NULL);
	assert_int_equal(e.n, 0);

	struct expert_input no_consent = ok;
	no_consent.consent = false;
	e = (struct field_errors){0};
	deskundige_check(&e, &no_consent, known, NULL);
	assert_int_equal(e.n, 1);
	assert_true(has(&e, "toestemming"));

	struct expert_input blank = ok;
	blank.expertise = " \n ";
	blank.contact = NULL;
	e = (struct field_errors){0};
	deskundige_check(&e, &blank, known, NULL);
	assert_true(has(&e, "expertise"));
	assert_true(has(&e, "contact"));

	const char *bad[] = {"afval", "bestaat-niet"};
	struct expert_input unknown = ok;
	unknown.themes = bad;
	e = (struct field_errors){0};
	deskundige_check(&e, &unknown, known, NULL);
	assert_int_equal(e.n, 1);
	assert_true(has(&e, "themas"));

	char long_text[EXPERT_EXPERTISE_MAX + 2];
	memset(long_text, 'x', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	struct expert_input too_long = ok;
	too_long.expertise = long_text;
	e = (struct field_errors){0};
	deskundige_check(&e, &too_long, known, NULL);
	assert_true(has(&e, "expertise"));
}

static void test_matches(void **state)
{
	(void)state;
	const char *texts[] = {"Wieke Weetal", "Jeugdhulp in een gemeenschappelijke regeling",
			       "Wgr, kostenverdeelsleutel", "Gemeente Testwaard"};
	assert_true(deskundige_matches(NULL, texts, 4));
	assert_true(deskundige_matches("", texts, 4));
	assert_true(deskundige_matches("JEUGDHULP", texts, 4));
	assert_true(deskundige_matches("wgr testwaard", texts, 4)); /* words in different fields */
	assert_true(deskundige_matches("  kosten, wieke ", texts, 4));
	assert_false(deskundige_matches("jeugdhulp afval", texts, 4)); /* every word must occur */
	assert_false(deskundige_matches("omgevingswet", texts, 4));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_check),
	    cmocka_unit_test(test_matches),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
