/*
 * test_person_export_audit — the person export (issue 5, AVG/GDPR) leaves an
 * audit event: who exported whose data, and nothing personal. The event is
 * action 'update' (the audit CHECK of migration 3 has no 'export'), entity
 * 'person_export', entity_key the person's numeric id; it survives an
 * erasure unchanged and still contains no name; a failed export (unknown
 * person) writes nothing. Fictional people only ("Jan Testpersoon").
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/store/store.h"
#include "../../src/store/store_people.h"
#include "../../src/store/store_write.h"
#include "../../src/lib/arena.h"
#include "fixtures.h"

#include <jansson.h>
#include <string.h>

struct fx {
	struct arena *a; /* owns what the store's read functions return */
	char dir[128];
	char db[256];
	struct store *s;
	char err[1024];
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || fixture_store_seeded(f))
		return -1;
	f->a = arena_new();
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	fixture_store_free(f);
	arena_free(f->a);
	free(f);
	return 0;
}

/* The person_export events, newest first. */
/* The export events of person id (newest first): the record's own history,
 * since the public change list never shows them. */
static int export_events(struct fx *f, const char *id, struct audit_row **rows, int *n)
{
	return store_history(f->s, f->a, "person_export", id, rows, n);
}

static void test_export_is_audited(void **state)
{
	struct fx *f = *state;
	const struct write_ctx editor = {"gebruiker:red-test", "web", "2025-03-01"};
	const struct write_ctx admin = {"gebruiker:beheer-test", "api", "2025-03-01"};
	struct field_errors e;
	memset(&e, 0, sizeof e);
	char key[96];
	struct person_input in = {.name = "Jan Testpersoon",
				  .party = "Testpartij",
				  .email = "jan@example.org",
				  .phone = "030 000 0000",
				  .note = ""};
	assert_int_equal(store_person_create(f->s, &editor, &in, key, sizeof key, &e), STORE_OK);
	struct person p;
	assert_int_equal(store_person_get(f->s, f->a, key, &p), STORE_OK);
	char idtext[24];
	snprintf(idtext, sizeof idtext, "%lld", (long long)p.id);

	struct audit_row *rows = NULL;
	int n = -1;
	assert_int_equal(export_events(f, idtext, &rows, &n), STORE_OK);
	assert_int_equal(n, 0);

	/* an unknown person: not found, no event */
	const char *doc = NULL;
	assert_int_equal(store_person_export_by(f->s, f->a, &admin, "niemand", &doc),
			 STORE_ERR_NOTFOUND);
	assert_null(doc);
	assert_int_equal(export_events(f, idtext, &rows, &n), STORE_OK);
	assert_int_equal(n, 0);

	/* the export: the document, and one event naming the administrator */
	assert_int_equal(store_person_export_by(f->s, f->a, &admin, key, &doc), STORE_OK);
	assert_non_null(doc);
	assert_non_null(strstr(doc, "jan@example.org")); /* the export itself is complete */
	assert_int_equal(export_events(f, idtext, &rows, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].actor, "gebruiker:beheer-test");
	assert_string_equal(rows[0].via, "api");
	assert_string_equal(rows[0].action, "update");
	assert_string_equal(rows[0].entity, "person_export");
	assert_string_equal(rows[0].entity_key, idtext);
	assert_string_equal(rows[0].before, "");
	assert_string_equal(rows[0].after, "{\"export\":true}");
	/* nothing personal in the event */
	const char *fields[] = {rows[0].entity_key, rows[0].before, rows[0].after, rows[0].source};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		assert_null(strstr(fields[i], "Jan"));
		assert_null(strstr(fields[i], "Testpersoon"));
		assert_null(strstr(fields[i], "example.org"));
		assert_null(strstr(fields[i], key));
	}

	/* the public change list never shows it, not even when asked by entity */
	struct audit_row *pub = NULL;
	int npub = -1, total = -1;
	assert_int_equal(
	    store_changes(f->s, f->a, "person_export", NULL, 100, 0, &pub, &npub, &total),
	    STORE_OK);
	assert_int_equal(npub, 0);
	assert_int_equal(total, 0);

	/* the old entry point records too (actor "onbekend") */
	assert_int_equal(store_person_export(f->s, f->a, key, &doc), STORE_OK);
	assert_int_equal(export_events(f, idtext, &rows, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].actor, "onbekend");

	/* after an erasure the events stay, still without personal data */
	assert_int_equal(store_person_erase(f->s, &admin, key), STORE_OK);
	assert_int_equal(export_events(f, idtext, &rows, &n), STORE_OK);
	assert_int_equal(n, 2);
	for (int i = 0; i < n; i++) {
		assert_string_equal(rows[i].entity_key, idtext);
		assert_null(strstr(rows[i].after, "Jan"));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_export_is_audited, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
