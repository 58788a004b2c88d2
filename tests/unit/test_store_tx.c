/*
 * test_store_tx — the one transaction helper (store_tx.c) seen through the
 * write functions: inside an import batch (store_batch_begin …
 * store_batch_end) every write — collaboration, person, AB meeting — runs as
 * a savepoint of the batch, a rejected write undoes only itself, commit keeps
 * all of them and rollback none. Fictional seed and fictional people.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/store/store.h"
#include "../../src/store/store_calendar.h"
#include "../../src/store/store_people.h"
#include "../../src/store/store_write.h"
#include "../../src/lib/arena.h"
#include "fixtures.h"

#define TODAY "2025-03-01"

struct fx {
	struct arena *a; /* owns what the store's read functions return */
	char dir[128];
	char db[256];
	struct store *s;
	struct write_ctx w;
	char err[1024];
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || fixture_store_seeded(f))
		return -1;
	f->a = arena_new();
	f->w = (struct write_ctx){"cli:test", "cli", TODAY};
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

static long long people(struct fx *f)
{
	return fx_query_int(f->db, "SELECT count(*) FROM person");
}

static int create(struct fx *f, const char *name, char *key, size_t keylen)
{
	struct person_input in = {.name = name, .party = "", .email = "", .phone = "", .note = ""};
	struct field_errors e = {0};
	return store_person_create(f->s, &f->w, &in, key, keylen, &e);
}

/* People writes inside a batch: each is a savepoint; a rejected one (name
 * too short) does not end the batch; commit keeps the others. */
static void test_person_writes_in_batch(void **state)
{
	struct fx *f = *state;
	char k1[96], k2[96], k3[96];
	struct field_errors e = {0};
	long long before = people(f);

	assert_int_equal(store_batch_begin(f->s), STORE_OK);
	assert_int_equal(create(f, "Anna Batchpersoon", k1, sizeof k1), STORE_OK);
	assert_int_equal(create(f, "x", k2, sizeof k2), STORE_ERR_INVALID);
	assert_int_equal(create(f, "Bert Batchpersoon", k3, sizeof k3), STORE_OK);
	assert_int_equal(
	    store_ab_meeting_set(f->s, &f->w, "gr-testregio-afval", "2025", "2025-06-12", &e),
	    STORE_OK);
	/* nothing visible to another connection before the batch commits */
	assert_int_equal(people(f), before);
	assert_int_equal(store_batch_end(f->s, true), STORE_OK);

	assert_int_equal(people(f), before + 2);
	struct person p;
	assert_int_equal(store_person_get(f->s, f->a, k1, &p), STORE_OK);
	assert_string_equal(p.name, "Anna Batchpersoon");
	assert_int_equal(store_person_get(f->s, f->a, k3, &p), STORE_OK);
	assert_string_equal(p.name, "Bert Batchpersoon");
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM ab_meeting"), 1);
	/* after the batch, plain transactions again */
	assert_int_equal(create(f, "Chris Losse Schrijver", k1, sizeof k1), STORE_OK);
	assert_int_equal(people(f), before + 3);
}

/* A batch ended without commit leaves nothing behind. */
static void test_batch_rollback(void **state)
{
	struct fx *f = *state;
	char k[96];
	long long before = people(f);
	long long audit = fx_query_int(f->db, "SELECT count(*) FROM audit_event");

	assert_int_equal(store_batch_begin(f->s), STORE_OK);
	assert_int_equal(store_batch_begin(f->s), STORE_ERR); /* no nesting */
	assert_int_equal(create(f, "Dora Teruggedraaid", k, sizeof k), STORE_OK);
	assert_int_equal(store_batch_end(f->s, false), STORE_OK);
	assert_int_equal(people(f), before);
	assert_int_equal(fx_query_int(f->db, "SELECT count(*) FROM audit_event"), audit);
	assert_int_equal(store_batch_end(f->s, true), STORE_ERR); /* none open */
}

/* The version a connection's last committed write made (the read model
 * skips a refresh that a snapshot at that version already holds): set by a
 * commit, kept by a rejected write, unknown (0) after a batch. */
static void test_wrote_version(void **state)
{
	struct fx *f = *state;
	char k[96];
	uint64_t v = 0;
	assert_int_equal(create(f, "Els Versieschrijver", k, sizeof k), STORE_OK);
	assert_int_equal(store_data_version(f->s, &v), STORE_OK);
	assert_true(v > 0);
	assert_int_equal(store_wrote_version(f->s), v);
	assert_int_equal(create(f, "y", k, sizeof k), STORE_ERR_INVALID);
	assert_int_equal(store_wrote_version(f->s), v);
	assert_int_equal(create(f, "Frits Versieschrijver", k, sizeof k), STORE_OK);
	assert_int_equal(store_wrote_version(f->s), v + 1);
	assert_int_equal(store_batch_begin(f->s), STORE_OK);
	assert_int_equal(create(f, "Gea Versieschrijver", k, sizeof k), STORE_OK);
	assert_int_equal(store_batch_end(f->s, true), STORE_OK);
	assert_int_equal(store_wrote_version(f->s), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_person_writes_in_batch, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_batch_rollback, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_wrote_version, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
