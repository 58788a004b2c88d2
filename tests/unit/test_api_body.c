/*
 * test_api_body — the write API's JSON body parser (src/api/api_body.h):
 * presence and Content-Type (400/415), JSON syntax, UTF-8 and NUL, duplicate
 * keys, deep nesting, non-objects; field types per kind (text, {code}/{id}
 * objects, domain lists, numbers, integers); create/replace/merge filling;
 * read-only members ignored; "organisatie" only on create; every problem
 * reported; unknown member names cut on a UTF-8 character boundary.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/api/api_body.h"
#include "../../src/lib/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JSON "application/json"

static int collab(struct arena *a, const char *body, enum api_body_mode mode,
		  struct collab_input *in, struct api_body_error *err)
{
	memset(in, 0, sizeof *in);
	return api_body_collab(a, body, body ? strlen(body) : 0, JSON, mode, in, err);
}

static int part(struct arena *a, const char *body, enum api_body_mode mode, bool allow_empty,
		struct part_input *in, struct api_body_error *err)
{
	memset(in, 0, sizeof *in);
	return api_body_part(a, body, body ? strlen(body) : 0, JSON, mode, allow_empty, in, err);
}

/* The reason given for field name, or NULL. */
static const char *reason(const struct api_body_error *err, const char *name)
{
	for (int i = 0; i < err->fields.n; i++)
		if (strcmp(err->fields.e[i].field, name) == 0)
			return err->fields.e[i].message;
	return NULL;
}

static void test_presence_and_type(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct collab_input c;
	struct part_input p;
	struct api_body_error err;
	assert_int_equal(collab(a, NULL, API_BODY_CREATE, &c, &err), 400);
	assert_string_equal(err.title, "Geen invoer");
	assert_int_equal(collab(a, "", API_BODY_MERGE, &c, &err), 400);
	/* DELETE of a participation: no body is fine and sets nothing */
	assert_int_equal(part(a, NULL, API_BODY_MERGE, true, &p, &err), 0);
	assert_int_equal(err.status, 0);
	assert_null(p.left);
	assert_null(p.org_code);

	const char *body = "{\"naam\":\"X\"}";
	const char *ok[] = {"application/json", "APPLICATION/JSON; charset=utf-8",
			    "application/merge-patch+json", "application/json;charset=UTF-8"};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		memset(&c, 0, sizeof c);
		assert_int_equal(
		    api_body_collab(a, body, strlen(body), ok[i], API_BODY_MERGE, &c, &err), 0);
		assert_string_equal(c.name, "X");
	}
	const char *bad[] = {NULL,
			     "",
			     "text/plain",
			     "application/jsonx",
			     "application/js",
			     "application/x-www-form-urlencoded",
			     "json"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		memset(&c, 0, sizeof c);
		assert_int_equal(
		    api_body_collab(a, body, strlen(body), bad[i], API_BODY_MERGE, &c, &err), 415);
		assert_int_equal(err.status, 415);
		assert_string_equal(err.title, "Onbekend formaat");
		assert_int_equal(err.fields.n, 0);
	}
	arena_free(a);
}

static void test_syntax(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct collab_input c;
	struct api_body_error err;
	const char *bad[] = {
	    "{",
	    "{\"naam\":\"a\",}",
	    "{\"naam\":\"a\"} x",
	    "{\"naam\":\"\xC3\"}",	       /* truncated UTF-8 */
	    "{\"naam\":\"\xC0\xAF\"}",	       /* overlong '/' */
	    "{\"naam\":\"\xED\xA0\x80\"}",     /* surrogate */
	    "{\"naam\":\"a\\u0000b\"}",	       /* NUL */
	    "{\"na\\u0000am\":\"a\"}",	       /* NUL in a key */
	    "{\"naam\":\"a\",\"naam\":\"b\"}", /* duplicate */
	    "{\"bijdrage\":1e999}",	       /* real overflow */
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_int_equal(collab(a, bad[i], API_BODY_MERGE, &c, &err), 400);
		assert_string_equal(err.title, "Ongeldige JSON");
		assert_non_null(strstr(err.detail, "regel 1, kolom"));
		assert_int_equal(err.fields.n, 0);
	}
	/* an array is JSON but not an object; other top-level values are
	 * refused by the parser itself (jansson without JSON_DECODE_ANY) */
	const char *notobj[] = {"[]", "[{\"naam\":\"a\"}]"};
	for (size_t i = 0; i < sizeof notobj / sizeof *notobj; i++) {
		assert_int_equal(collab(a, notobj[i], API_BODY_MERGE, &c, &err), 400);
		assert_string_equal(err.detail, "De body moet een JSON-object zijn.");
	}
	const char *scalar[] = {"\"naam\"", "12", "null", "true"};
	for (size_t i = 0; i < sizeof scalar / sizeof *scalar; i++) {
		assert_int_equal(collab(a, scalar[i], API_BODY_MERGE, &c, &err), 400);
		assert_string_equal(err.title, "Ongeldige JSON");
		assert_int_equal(err.fields.n, 0);
	}
	/* an integer beyond 64 bits is refused by the parser, not wrapped */
	struct part_input p;
	assert_int_equal(
	    part(a, "{\"bijdrage\":99999999999999999999}", API_BODY_MERGE, false, &p, &err), 400);
	assert_string_equal(err.title, "Ongeldige JSON");

	/* 100,000 levels deep: refused (jansson's depth limit), no crash */
	size_t depth = 100000;
	char *deep = malloc(2 * depth + 16);
	assert_non_null(deep);
	size_t n = 0;
	n += (size_t)sprintf(deep, "{\"doel\":");
	for (size_t i = 0; i < depth; i++)
		deep[n++] = '[';
	for (size_t i = 0; i < depth; i++)
		deep[n++] = ']';
	deep[n++] = '}';
	memset(&c, 0, sizeof c);
	assert_int_equal(api_body_collab(a, deep, n, JSON, API_BODY_MERGE, &c, &err), 400);
	assert_string_equal(err.title, "Ongeldige JSON");
	free(deep);
	arena_free(a);
}

static void test_collab_create_and_merge(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct collab_input c;
	struct api_body_error err;
	const char *body = "{\"naam\":\"Afval Zuid \xC3\xA9\",\"soort\":\"wgr\","
			   "\"juridischeVorm\":{\"code\":\"gemeenschappelijk-orgaan\",\"x\":1},"
			   "\"beleidsdomeinen\":[\"afval\",{\"code\":\"milieu\"}],"
			   "\"bron\":{\"id\":\"cbs\"},\"einddatum\":null,"
			   "\"id\":\"genegeerd\",\"versie\":7,\"_links\":{\"self\":{}},"
			   "\"deelnemers\":[1,2]}";
	assert_int_equal(collab(a, body, API_BODY_CREATE, &c, &err), 0);
	assert_int_equal(err.status, 0);
	assert_string_equal(c.name, "Afval Zuid \xC3\xA9");
	assert_string_equal(c.kind, "wgr");
	assert_string_equal(c.legal_form, "gemeenschappelijk-orgaan");
	assert_string_equal(c.domains, "afval;milieu");
	assert_string_equal(c.source_key, "cbs");
	assert_string_equal(c.end_date, "");
	/* absent writable fields are cleared on create/replace ... */
	assert_string_equal(c.purpose, "");
	assert_string_equal(c.website, "");
	assert_string_equal(c.short_name, "");
	/* ... except the source (the store's default applies) */
	assert_int_equal(collab(a, "{\"naam\":\"X\"}", API_BODY_REPLACE, &c, &err), 0);
	assert_null(c.source_key);
	assert_string_equal(c.note, "");

	/* merge keeps what is absent (NULL); null clears ("") */
	assert_int_equal(collab(a,
				"{\"opmerking\":null,\"beleidsdomeinen\":\"a;b\","
				"\"juridischeVorm\":{\"code\":null},\"bron\":null}",
				API_BODY_MERGE, &c, &err),
			 0);
	assert_string_equal(c.note, "");
	assert_string_equal(c.domains, "a;b");
	assert_string_equal(c.legal_form, "");
	assert_string_equal(c.source_key, "");
	assert_null(c.name);
	assert_null(c.purpose);
	assert_null(c.end_date);
	/* the empty object changes nothing */
	assert_int_equal(collab(a, "{}", API_BODY_MERGE, &c, &err), 0);
	assert_null(c.name);
	arena_free(a);
}

static void test_collab_types(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct collab_input c;
	struct api_body_error err;
	/* every problem is reported, not only the first; nothing for good fields */
	const char *body = "{\"naam\":12,\"soort\":\"wgr\",\"doel\":[\"x\"],"
			   "\"beleidsdomeinen\":[\"a;b\"],\"juridischeVorm\":{\"code\":3},"
			   "\"bron\":true,\"kleur\":\"rood\",\"website\":{}}";
	assert_int_equal(collab(a, body, API_BODY_CREATE, &c, &err), 400);
	assert_int_equal(err.status, 400);
	assert_string_equal(err.title, "Ongeldige invoer");
	assert_int_equal(err.fields.n, 7);
	assert_string_equal(reason(&err, "naam"), "Moet tekst zijn.");
	assert_string_equal(reason(&err, "doel"), "Moet tekst zijn.");
	assert_string_equal(reason(&err, "website"), "Moet tekst zijn.");
	assert_string_equal(reason(&err, "juridischeVorm"), "Moet tekst zijn.");
	assert_string_equal(reason(&err, "bron"), "Moet tekst zijn.");
	assert_string_equal(reason(&err, "beleidsdomeinen"),
			    "Moet een lijst met codes van beleidsdomeinen zijn.");
	assert_string_equal(reason(&err, "kleur"), "Onbekend veld.");
	assert_null(reason(&err, "soort"));
	/* a domain list: not an object, no non-string items, no ',' inside */
	const char *bad[] = {"{\"beleidsdomeinen\":{}}", "{\"beleidsdomeinen\":[1]}",
			     "{\"beleidsdomeinen\":[\"a,b\"]}", "{\"beleidsdomeinen\":[{}]}",
			     "{\"beleidsdomeinen\":3}"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_int_equal(collab(a, bad[i], API_BODY_MERGE, &c, &err), 400);
		assert_int_equal(err.fields.n, 1);
		assert_string_equal(err.fields.e[0].field, "beleidsdomeinen");
	}
	assert_int_equal(collab(a, "{\"beleidsdomeinen\":[]}", API_BODY_MERGE, &c, &err), 0);
	assert_string_equal(c.domains, "");
	/* at most FIELD_ERRORS_MAX problems are kept */
	char many[4096];
	size_t n = (size_t)sprintf(many, "{");
	for (int i = 0; i < 40; i++)
		n += (size_t)sprintf(many + n, "%s\"veld%d\":1", i ? "," : "", i);
	sprintf(many + n, "}");
	assert_int_equal(collab(a, many, API_BODY_MERGE, &c, &err), 400);
	assert_int_equal(err.fields.n, FIELD_ERRORS_MAX);
	arena_free(a);
}

static void test_part(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct part_input p;
	struct api_body_error err;
	assert_int_equal(part(a,
			      "{\"organisatie\":\"GM0363\",\"rol\":\"deelnemer\","
			      "\"kostenverdeelsleutel\":0.25,\"bijdrage\":1200,\"bron\":{}}",
			      API_BODY_CREATE, false, &p, &err),
			 0);
	assert_string_equal(p.org_code, "GM0363");
	assert_string_equal(p.role, "deelnemer");
	assert_string_equal(p.cost_share, "0.25");
	assert_string_equal(p.contribution, "1200");
	assert_string_equal(p.body, "");
	assert_string_equal(p.left, "");
	/* numeric strings pass through (the store validates them) */
	assert_int_equal(part(a, "{\"kostenverdeelsleutel\":\"0,5\",\"bijdrage\":\"12\"}",
			      API_BODY_MERGE, false, &p, &err),
			 0);
	assert_string_equal(p.cost_share, "0,5");
	assert_string_equal(p.contribution, "12");
	assert_null(p.org_code);
	assert_int_equal(part(a, "{\"kostenverdeelsleutel\":1}", API_BODY_MERGE, false, &p, &err),
			 0);
	assert_string_equal(p.cost_share, "1");
	/* wrong types */
	assert_int_equal(part(a, "{\"kostenverdeelsleutel\":true,\"bijdrage\":1.5}", API_BODY_MERGE,
			      false, &p, &err),
			 400);
	assert_string_equal(reason(&err, "kostenverdeelsleutel"), "Moet een getal zijn.");
	assert_string_equal(reason(&err, "bijdrage"), "Moet een geheel getal zijn.");
	/* the organisation of a participation is fixed after create */
	assert_int_equal(part(a, "{\"organisatie\":\"GM0363\"}", API_BODY_MERGE, false, &p, &err),
			 400);
	assert_non_null(strstr(reason(&err, "organisatie"), "Kan niet worden gewijzigd"));
	assert_int_equal(part(a, "{\"organisatie\":\"GM0363\"}", API_BODY_REPLACE, false, &p, &err),
			 400);
	assert_int_equal(part(a, "{\"rol\":\"x\"}", API_BODY_REPLACE, false, &p, &err), 0);
	assert_null(p.org_code); /* not cleared on replace either */
	/* DELETE with a body: only the end date is used by the caller */
	assert_int_equal(
	    part(a, "{\"uitgetreden\":\"2026-01-01\"}", API_BODY_MERGE, true, &p, &err), 0);
	assert_string_equal(p.left, "2026-01-01");
	arena_free(a);
}

/*
 * Regression (fuzz_json_body, tests/fuzz/corpus/fuzz_json_body/
 * regress-unknown-key-cut.json): the name of an unknown member was cut to
 * 47 bytes with snprintf, which could split a multi-byte character; the 400
 * reply then carried invalid UTF-8 in invalidParams[].name.
 */
static void test_unknown_name_cut_on_character(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct collab_input c;
	struct api_body_error err;
	for (int lead = 0; lead < 4; lead++) {
		/* 'x' * lead, then 40 x "é" (2 bytes): some cut lands mid-character */
		char body[256];
		size_t n = (size_t)sprintf(body, "{\"%.*s", lead, "xxx");
		for (int i = 0; i < 40; i++)
			n += (size_t)sprintf(body + n, "\xC3\xA9");
		/* and one 4-byte character at every offset */
		n += (size_t)sprintf(body + n, "\":1,\"%.*s", 44 + lead,
				     "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy");
		n += (size_t)sprintf(body + n, "\xF0\x9F\x98\x80\":2}");
		assert_int_equal(collab(a, body, API_BODY_MERGE, &c, &err), 400);
		assert_int_equal(err.fields.n, 2);
		for (int i = 0; i < err.fields.n; i++) {
			const char *f = err.fields.e[i].field;
			assert_true(strlen(f) > 0 && strlen(f) < sizeof err.fields.e[i].field);
			assert_true(utf8_is_valid(f, strlen(f)));
			assert_string_equal(err.fields.e[i].message, "Onbekend veld.");
		}
		/* the longest prefix that fits on a character boundary is kept */
		assert_int_equal(strlen(err.fields.e[0].field),
				 (size_t)(lead + (47 - lead) / 2 * 2));
	}
	/* a short unknown name is kept whole */
	assert_int_equal(collab(a, "{\"\xC3\xA9t\xC3\xA9\":1}", API_BODY_MERGE, &c, &err), 400);
	assert_string_equal(err.fields.e[0].field, "\xC3\xA9t\xC3\xA9");
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_presence_and_type),
	    cmocka_unit_test(test_syntax),
	    cmocka_unit_test(test_collab_create_and_merge),
	    cmocka_unit_test(test_collab_types),
	    cmocka_unit_test(test_part),
	    cmocka_unit_test(test_unknown_name_cut_on_character),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
