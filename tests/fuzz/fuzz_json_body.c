/*
 * fuzz_json_body — libFuzzer target for the JSON request bodies of the
 * write API (src/api/api_body.c, what api_write.c runs on every POST, PUT,
 * PATCH and DELETE body) and the pure value checks the store then runs on
 * the result (src/domain/validate_write.c). The whole input is the body; it
 * is parsed as a collaboration (create, replace, merge) and as a
 * participation (create, replace, merge, merge with an empty body allowed).
 *
 * Checks the contract in api_body.h:
 *   - the status is 0, 400 or 415 and equals err.status; a refusal has a
 *     Dutch title and a valid UTF-8 detail; field problems only with 400;
 *     at most FIELD_ERRORS_MAX of them, names and reasons valid UTF-8;
 *   - an accepted body gives fields that are NULL or valid UTF-8 (jansson
 *     refuses \u0000, so no NUL inside); create/replace leave no writable
 *     field NULL except "bron" (and "organisatie" on replace);
 *   - differential: create and merge of the same collaboration body give
 *     the same status; when accepted, a field merge left NULL is "" after
 *     create and every other field is the same text;
 *   - JSON syntax, UTF-8, duplicates and the object check do not depend on
 *     the target: a body refused as "Ongeldige JSON" is refused so for both;
 *   - 415 for a non-JSON Content-Type before the body is looked at;
 *   - validate_collab_input / validate_part_input / validate_domain_list on
 *     every accepted body: no crash, at most FIELD_ERRORS_MAX problems,
 *     valid UTF-8 messages, a domain count in [-1, VALIDATE_MAX_DOMAINS].
 * The body size limit is the server's (413 before routing) and is not
 * exercised here; libFuzzer's -max_len (default 4096) bounds the input.
 * Does not start a server or open a database. Build/run: make fuzz.
 */
#include "../../src/api/api_body.h"
#include "../../src/domain/validate.h"
#include "../../src/domain/validate_write.h"
#include "../../src/lib/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c)                                                                                   \
	do {                                                                                       \
		if (!(c))                                                                          \
			abort();                                                                   \
	} while (0)

static int valid_text(const char *s)
{
	return s && utf8_is_valid(s, strlen(s));
}

static void check_refusal(int rc, const struct api_body_error *err)
{
	CHECK(rc == err->status);
	if (rc == 0) {
		CHECK(err->fields.n == 0);
		return;
	}
	CHECK(rc == 400 || rc == 415);
	CHECK(valid_text(err->title) && *err->title);
	CHECK(valid_text(err->detail) && *err->detail);
	CHECK(err->fields.n >= 0 && err->fields.n <= FIELD_ERRORS_MAX);
	CHECK(err->fields.n == 0 || rc == 400);
	for (int i = 0; i < err->fields.n; i++) {
		const struct field_error *f = &err->fields.e[i];
		CHECK(memchr(f->field, 0, sizeof f->field) &&
		      memchr(f->message, 0, sizeof f->message));
		CHECK(valid_text(f->field) && valid_text(f->message) && *f->message);
	}
}

static void check_validation(const struct field_errors *e)
{
	CHECK(e->n >= 0 && e->n <= FIELD_ERRORS_MAX);
	for (int i = 0; i < e->n; i++)
		CHECK(valid_text(e->e[i].field) && valid_text(e->e[i].message));
}

/* Both input structs are plain lists of const char * (store_write.h). */
#define N_COLLAB (sizeof(struct collab_input) / sizeof(const char *))
#define N_PART (sizeof(struct part_input) / sizeof(const char *))
_Static_assert(N_COLLAB == 14 && N_PART == 8, "input structs changed: update this target");
_Static_assert(offsetof(struct part_input, org_code) == 0, "org_code must be first");

static void collab_fields(const struct collab_input *in, const char *f[N_COLLAB])
{
	memcpy(f, in, sizeof *in);
}

static void check_collab(struct arena *a, const char *body, size_t size)
{
	struct collab_input c[3];
	struct api_body_error err[3];
	int rc[3];
	for (int m = 0; m < 3; m++) {
		memset(&c[m], 0, sizeof c[m]);
		rc[m] = api_body_collab(a, body, size, "application/json; charset=utf-8",
					(enum api_body_mode)m, &c[m], &err[m]);
		check_refusal(rc[m], &err[m]);
	}
	/* a collaboration has no create-only field: the mode never decides */
	CHECK(rc[API_BODY_CREATE] == rc[API_BODY_MERGE] &&
	      rc[API_BODY_REPLACE] == rc[API_BODY_MERGE]);
	CHECK(err[API_BODY_CREATE].fields.n == err[API_BODY_MERGE].fields.n);
	if (rc[API_BODY_MERGE])
		return;
	const char *fc[N_COLLAB], *fr[N_COLLAB], *fm[N_COLLAB];
	collab_fields(&c[API_BODY_CREATE], fc);
	collab_fields(&c[API_BODY_REPLACE], fr);
	collab_fields(&c[API_BODY_MERGE], fm);
	for (size_t i = 0; i < N_COLLAB; i++) {
		bool source = i == offsetof(struct collab_input, source_key) / sizeof(const char *);
		CHECK(!fm[i] || valid_text(fm[i]));
		if (fm[i]) {
			CHECK(fc[i] && strcmp(fc[i], fm[i]) == 0);
			CHECK(fr[i] && strcmp(fr[i], fm[i]) == 0);
		} else if (source) {
			CHECK(!fc[i] && !fr[i]); /* the store's default source */
		} else {
			CHECK(fc[i] && !*fc[i] && fr[i] && !*fr[i]); /* absent: cleared */
		}
	}
	/* what the store checks next (without the database references) */
	for (int m = 0; m < 3; m++) {
		struct field_errors e = {.n = 0};
		validate_collab_input(&c[m], &e);
		check_validation(&e);
	}
	char keys[VALIDATE_MAX_DOMAINS][81];
	if (c[API_BODY_MERGE].domains) {
		int nd =
		    validate_domain_list(c[API_BODY_MERGE].domains, keys, VALIDATE_MAX_DOMAINS);
		CHECK(nd >= -1 && nd <= VALIDATE_MAX_DOMAINS);
		for (int i = 0; i < nd; i++)
			CHECK(memchr(keys[i], 0, sizeof keys[i]) && *keys[i]);
	}
}

static void check_part(struct arena *a, const char *body, size_t size, int collab_rc,
		       const struct api_body_error *collab_err)
{
	struct part_input p[4];
	struct api_body_error err[4];
	int rc[4];
	for (int m = 0; m < 4; m++) {
		memset(&p[m], 0, sizeof p[m]);
		enum api_body_mode mode = m == 3 ? API_BODY_MERGE : (enum api_body_mode)m;
		rc[m] = api_body_part(a, body, size, "application/merge-patch+json", mode, m == 3,
				      &p[m], &err[m]);
		check_refusal(rc[m], &err[m]);
		/* syntax and the object check come before the field table */
		if (size > 0 && collab_rc == 400 && collab_err->fields.n == 0)
			CHECK(rc[m] == 400 && err[m].fields.n == 0 &&
			      strcmp(err[m].detail, collab_err->detail) == 0);
		if (size > 0 && (rc[m] == 0 || err[m].fields.n > 0))
			CHECK(collab_rc == 0 || collab_err->fields.n > 0);
	}
	if (size == 0)
		CHECK(rc[3] == 0 && rc[0] == 400 && rc[2] == 400);
	const char *f[N_PART];
	for (int m = 0; m < 4; m++) {
		if (rc[m])
			continue;
		memcpy(f, &p[m], sizeof p[m]);
		for (size_t i = 0; i < N_PART; i++) {
			CHECK(!f[i] || valid_text(f[i]));
			if (m == API_BODY_CREATE)
				CHECK(f[i]);
			if (m == API_BODY_REPLACE)
				CHECK(i == 0 ? !f[i] : f[i] != NULL); /* org_code is first */
		}
		struct field_errors e = {.n = 0};
		validate_part_input(&p[m], m == API_BODY_CREATE, &e);
		check_validation(&e);
	}
	/* a merge refused only for "organisatie" fails on create at most there */
	if (rc[API_BODY_MERGE] == 400 && err[API_BODY_MERGE].fields.n == 1 &&
	    strcmp(err[API_BODY_MERGE].fields.e[0].field, "organisatie") == 0)
		CHECK(rc[API_BODY_CREATE] == 0 ||
		      (err[API_BODY_CREATE].fields.n == 1 &&
		       strcmp(err[API_BODY_CREATE].fields.e[0].field, "organisatie") == 0));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	if (!a)
		abort();
	/* an exact-size copy, so ASan sees any read past the body's end */
	char *body = malloc(size ? size : 1);
	if (!body)
		abort();
	memcpy(body, data, size);

	struct collab_input c;
	struct api_body_error err;
	memset(&c, 0, sizeof c);
	int rc = api_body_collab(a, body, size, "text/plain", API_BODY_MERGE, &c, &err);
	check_refusal(rc, &err);
	CHECK(rc == (size ? 415 : 400));

	check_collab(a, body, size);
	memset(&c, 0, sizeof c);
	rc = api_body_collab(a, body, size, "application/json", API_BODY_MERGE, &c, &err);
	check_part(a, body, size, rc, &err);

	free(body);
	arena_free(a);
	return 0;
}
