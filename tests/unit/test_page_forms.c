/*
 * test_page_forms — the shared pieces of the editing forms in pages/forms.h
 * that the form pages once each wrote themselves: record addresses
 * (URL-encoded key, optional suffix), label-table options (with and without
 * an empty first option), the button group, the hidden version field and
 * the "?melding=" notice (only for a signed-in user and a known code).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/domain/labels.h"
#include "../../src/lib/arena.h"
#include "../../src/lib/buf.h"
#include "../../src/pages/forms.h"
#include "../../src/store/store_auth.h"

#include <string.h>

static void test_record_href(void **state)
{
	(void)state;
	struct request r;
	memset(&r, 0, sizeof r);
	r.arena = arena_new();
	assert_string_equal(form_record_href(&r, "/samenwerkingsverbanden/", "regio-west", ""),
			    "/samenwerkingsverbanden/regio-west");
	assert_string_equal(form_record_href(&r, "/personen/", "a b", "/functies/nieuw"),
			    "/personen/a%20b/functies/nieuw");
	assert_string_equal(form_record_href(&r, "/organisaties/", "gm9999", NULL),
			    "/organisaties/gm9999");
	arena_free(r.arena);
}

static void test_label_opts(void **state)
{
	(void)state;
	static const struct label t[] = {{"a", "alfa", "Alfa"}, {"b", "beta", "Bèta"}};
	struct arena *a = arena_new();
	int n = 0;
	struct comp_option *o = form_label_opts(a, t, 2, NULL, &n);
	assert_int_equal(n, 2);
	assert_string_equal(o[0].value, "alfa");
	assert_string_equal(o[1].label, "Bèta");
	o = form_label_opts(a, t, 2, "Kies er een", &n);
	assert_int_equal(n, 3);
	assert_string_equal(o[0].value, "");
	assert_string_equal(o[0].label, "Kies er een");
	assert_string_equal(o[2].value, "beta");
	arena_free(a);
}

static void test_buttons_and_version(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	form_buttons(&b, "Opslaan", "/terug?x=1&y=2", "Annuleren");
	assert_string_equal(b.data,
			    "<p class=\"utrecht-button-group\"><button class=\"utrecht-button "
			    "utrecht-button--primary-action\" type=\"submit\">Opslaan</button> "
			    "<a class=\"utrecht-link utrecht-link--html-a\" "
			    "href=\"/terug?x=1&amp;y=2\">Annuleren</a></p>");
	buf_reset(&b);
	form_version_field(&b, 42);
	assert_string_equal(b.data, "<input type=\"hidden\" name=\"versie\" value=\"42\">");
	buf_free(&b);
}

static void test_flash(void **state)
{
	(void)state;
	static const struct form_notice notices[] = {{"opgeslagen", "Opgeslagen."},
						     {"gewist", "Gewist & weg."}};
	struct user u;
	memset(&u, 0, sizeof u);
	struct request r;
	memset(&r, 0, sizeof r);
	struct buf b = BUF_INIT;

	r.query = "melding=gewist";
	form_flash_from(&b, &r, notices, 2); /* not signed in: nothing */
	assert_true(b.len == 0);

	r.user = &u;
	r.query = "x=1&melding=onbekend";
	form_flash_from(&b, &r, notices, 2); /* unknown code: nothing */
	assert_true(b.len == 0);

	r.query = "x=1&melding=gewist&y=2";
	form_flash_from(&b, &r, notices, 2);
	assert_non_null(strstr(b.data, "role=\"status\""));
	assert_non_null(strstr(b.data, ">Gewist &amp; weg.</p>"));
	buf_free(&b);
}

/* A date control shows the date in the visitor's format: hints that name
 * the typed format jjjj-mm-dd lose that sentence there, and keep it where
 * the field is a text box (an invalid value being corrected). */
static void test_date_hints(void **state)
{
	(void)state;
	char out[256];
	assert_null(form_date_hint("Als jjjj-mm-dd, bijvoorbeeld 2025-01-31.", out, sizeof out));
	assert_string_equal(form_date_hint("Als jjjj-mm-dd. Leeg zolang de organisatie deelneemt.",
					   out, sizeof out),
			    "Leeg zolang de organisatie deelneemt.");
	assert_string_equal(form_date_hint("Sinds wanneer, als jjjj-mm-dd.", out, sizeof out),
			    "Sinds wanneer.");
	assert_string_equal(form_date_hint("Datum van het besluit.", out, sizeof out),
			    "Datum van het besluit.");
	assert_null(form_date_hint(NULL, out, sizeof out));

	struct buf b = BUF_INIT;
	const struct form_field f = {"van", "Van", FK_DATE,
				     10,    false, "Als jjjj-mm-dd. Leeg als de functie nog loopt.",
				     NULL,  0};
	form_field(&b, &f, "", NULL);
	assert_non_null(strstr(b.data, "type=\"date\""));
	assert_null(strstr(b.data, "jjjj-mm-dd"));
	assert_non_null(strstr(b.data, "Leeg als de functie nog loopt."));
	buf_free(&b);
	/* the user's invalid input comes back in a text box, with the format */
	struct buf t = BUF_INIT;
	form_field(&t, &f, "31-12-2025", NULL);
	assert_non_null(strstr(t.data, "type=\"text\""));
	assert_non_null(strstr(t.data, "jjjj-mm-dd"));
	buf_free(&t);
}

/* A date-time field is a datetime-local control without the typed example,
 * and text with the example when the value is not a local date-time. */
static void test_datetime_field(void **state)
{
	(void)state;
	const struct form_field f = {
	    "begin", "Begin", FK_DATETIME,
	    16,	     true,    "Datum en tijd, zoals 2027-03-15T14:00. Lokale tijd.",
	    NULL,    0};
	struct buf b = BUF_INIT;
	form_field(&b, &f, "2027-03-15T14:00", NULL);
	assert_non_null(strstr(b.data, "type=\"datetime-local\""));
	assert_non_null(strstr(b.data, "value=\"2027-03-15T14:00\""));
	assert_non_null(strstr(b.data, "Datum en tijd. Lokale tijd."));
	assert_null(strstr(b.data, "zoals"));
	assert_null(strstr(b.data, "maxlength"));
	buf_free(&b);
	struct buf t = BUF_INIT;
	form_field(&t, &f, "15 maart 14 uur", NULL);
	assert_non_null(strstr(t.data, "type=\"text\""));
	assert_non_null(strstr(t.data, "zoals 2027-03-15T14:00"));
	buf_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_record_href),		cmocka_unit_test(test_label_opts),
	    cmocka_unit_test(test_buttons_and_version), cmocka_unit_test(test_flash),
	    cmocka_unit_test(test_date_hints),		cmocka_unit_test(test_datetime_field),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
