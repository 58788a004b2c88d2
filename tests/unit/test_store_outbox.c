/*
 * test_store_outbox — the outbox store (store_outbox.c) on SQLite: a
 * message joins the caller's transaction (an import batch: committed or
 * rolled back with it), a dedupe key queues once, a claim takes a row
 * once, a lost claim cannot mark the row, an expired lease is claimed
 * again, failures back off and end in "failed", staff retry, sent bodies
 * are pruned. "now" is passed in, so the schedule is exact.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/store/store.h"
#include "../../src/store/store_outbox.h"
#include "../../src/store/store_write.h"
#include "../../src/lib/arena.h"
#include "fixtures.h"

struct fx {
	struct arena *a;
	char dir[128];
	char db[256];
	struct store *s;
	struct write_ctx w;
	char err[1024];
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || fixture_store_empty(f))
		return -1;
	f->a = arena_new();
	f->w = (struct write_ctx){"cli:test", "cli", "2026-12-07"};
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

static const struct mail_message MSG = {.to = "zoe@example.org",
					.to_name = "Zoë",
					.subject = "Onderwerp",
					.body = "Tekst",
					.kind = "test",
					.not_before = "2026-01-01T00:00:00.000Z"};

static long long count(struct fx *f, const char *sql)
{
	return fx_query_int(f->db, sql);
}

static void test_transaction_and_dedupe(void **state)
{
	struct fx *f = *state;
	int64_t id = 0;
	bool dup = true;
	/* outside a transaction the bare insert refuses */
	assert_int_equal(store_outbox_insert(f->s, &MSG, "t0", &id, &dup), STORE_ERR);
	/* inside a batch that is rolled back: nothing stays */
	assert_int_equal(store_batch_begin(f->s), STORE_OK);
	assert_int_equal(store_outbox_queue(f->s, &f->w, &MSG, "t1", &id, &dup), STORE_OK);
	assert_true(id > 0);
	assert_int_equal(store_batch_end(f->s, false), STORE_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM outbox"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event WHERE entity = 'outbox'"), 0);
	/* committed with the batch */
	assert_int_equal(store_batch_begin(f->s), STORE_OK);
	assert_int_equal(store_outbox_queue(f->s, &f->w, &MSG, "t2", &id, &dup), STORE_OK);
	assert_int_equal(store_batch_end(f->s, true), STORE_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM outbox WHERE status = 'queued'"), 1);
	/* the dedupe key queues once */
	struct mail_message m = MSG;
	m.dedupe_key = "registratie:42";
	int64_t first = 0, again = 0;
	assert_int_equal(store_outbox_queue(f->s, &f->w, &m, "t3", &first, &dup), STORE_OK);
	assert_false(dup);
	assert_int_equal(store_outbox_queue(f->s, &f->w, &m, "t4", &again, &dup), STORE_OK);
	assert_true(dup);
	assert_int_equal(again, first);
	assert_int_equal(count(f, "SELECT count(*) FROM outbox"), 2);
	/* audit: one event per queued row, no address in it */
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event WHERE entity = 'outbox'"), 2);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event WHERE \"after\" LIKE '%zoe%'"),
			 0);
}

static void test_claim_lease_backoff(void **state)
{
	struct fx *f = *state;
	int64_t id = 0;
	bool dup;
	struct mail_message later = MSG;
	later.not_before = "2026-06-01T00:00:00.000Z";
	assert_int_equal(store_outbox_queue(f->s, &f->w, &later, "t1", &id, &dup), STORE_OK);
	struct outbox_row r;
	/* not due yet */
	assert_int_equal(store_outbox_claim(f->s, f->a, "2026-05-31T23:59:59.999Z",
					    "2026-06-01T00:05:00.000Z", "c1", &r),
			 STORE_ERR_NOTFOUND);
	/* claimed once */
	assert_int_equal(store_outbox_claim(f->s, f->a, "2026-06-01T00:00:00.000Z",
					    "2026-06-01T00:05:00.000Z", "c1", &r),
			 STORE_OK);
	assert_int_equal(r.id, id);
	assert_int_equal(r.attempts, 1);
	assert_string_equal(r.status, "sending");
	assert_string_equal(r.to_name, "Zoë");
	assert_string_equal(r.token, "t1");
	/* a second sender finds nothing while the lease holds */
	assert_int_equal(store_outbox_claim(f->s, f->a, "2026-06-01T00:04:00.000Z",
					    "2026-06-01T00:09:00.000Z", "c2", &r),
			 STORE_ERR_NOTFOUND);
	/* the lease ran out (the first sender crashed): taken again */
	assert_int_equal(store_outbox_claim(f->s, f->a, "2026-06-01T00:06:00.000Z",
					    "2026-06-01T00:11:00.000Z", "c2", &r),
			 STORE_OK);
	assert_int_equal(r.attempts, 2);
	/* the first sender's claim is gone: it cannot mark the row */
	assert_int_equal(store_outbox_sent(f->s, id, "c1", "2026-06-01T00:06:01.000Z"),
			 STORE_ERR_CONFLICT);
	/* a temporary failure: queued again until next_at */
	bool failed = true;
	assert_int_equal(store_outbox_failed(f->s, id, "c2", "2026-06-01T00:08:00.000Z", 3, false,
					     "Couldn't connect", &failed),
			 STORE_OK);
	assert_false(failed);
	assert_int_equal(store_outbox_claim(f->s, f->a, "2026-06-01T00:07:00.000Z",
					    "2026-06-01T00:12:00.000Z", "c3", &r),
			 STORE_ERR_NOTFOUND);
	assert_int_equal(store_outbox_claim(f->s, f->a, "2026-06-01T00:08:00.000Z",
					    "2026-06-01T00:13:00.000Z", "c3", &r),
			 STORE_OK);
	/* released untried (shutting down): the attempt does not count */
	assert_int_equal(store_outbox_release(f->s, id, "c3"), STORE_OK);
	assert_int_equal(store_outbox_claim(f->s, f->a, "2026-06-01T00:08:01.000Z",
					    "2026-06-01T00:13:01.000Z", "c4", &r),
			 STORE_OK);
	assert_int_equal(r.attempts, 3);
	/* the last attempt fails: failed, with its error */
	assert_int_equal(store_outbox_failed(f->s, id, "c4", "2026-06-01T00:20:00.000Z", 3, false,
					     "Couldn't connect", &failed),
			 STORE_OK);
	assert_true(failed);
	assert_int_equal(store_outbox_get(f->s, f->a, id, &r), STORE_OK);
	assert_string_equal(r.status, "failed");
	assert_string_equal(r.last_error, "Couldn't connect");
	assert_int_equal(store_outbox_claim(f->s, f->a, "2027-01-01T00:00:00.000Z",
					    "2027-01-01T00:05:00.000Z", "c5", &r),
			 STORE_ERR_NOTFOUND);
	/* staff queue it again; a second retry is a conflict */
	assert_int_equal(store_outbox_retry(f->s, &f->w, id), STORE_OK);
	assert_int_equal(store_outbox_retry(f->s, &f->w, id), STORE_ERR_CONFLICT);
	assert_int_equal(store_outbox_retry(f->s, &f->w, id + 100), STORE_ERR_NOTFOUND);
	assert_int_equal(store_outbox_claim(f->s, f->a, "2099-01-01T00:00:00.000Z",
					    "2099-01-01T00:05:00.000Z", "c6", &r),
			 STORE_OK);
	assert_int_equal(r.attempts, 1);
	assert_int_equal(store_outbox_sent(f->s, id, "c6", "2099-01-01T00:00:01.000Z"), STORE_OK);
	struct outbox_counts c;
	assert_int_equal(store_outbox_count(f->s, &c), STORE_OK);
	assert_int_equal(c.sent, 1);
	assert_int_equal(c.queued + c.sending + c.failed, 0);
	/* a permanent refusal fails at once */
	int64_t id2;
	assert_int_equal(store_outbox_queue(f->s, &f->w, &MSG, "t2", &id2, &dup), STORE_OK);
	assert_int_equal(store_outbox_claim(f->s, f->a, "2099-01-01T00:00:00.000Z",
					    "2099-01-01T00:05:00.000Z", "c7", &r),
			 STORE_OK);
	assert_int_equal(store_outbox_failed(f->s, id2, "c7", "2099-01-01T00:01:00.000Z", 8, true,
					     "550 no such user", &failed),
			 STORE_OK);
	assert_true(failed);
}

static void test_prune_and_list(void **state)
{
	struct fx *f = *state;
	int64_t a, b;
	bool dup;
	assert_int_equal(store_outbox_queue(f->s, &f->w, &MSG, "t1", &a, &dup), STORE_OK);
	assert_int_equal(store_outbox_queue(f->s, &f->w, &MSG, "t2", &b, &dup), STORE_OK);
	struct outbox_row r;
	assert_int_equal(store_outbox_claim(f->s, f->a, "2026-02-01T00:00:00.000Z",
					    "2026-02-01T00:05:00.000Z", "c1", &r),
			 STORE_OK);
	assert_int_equal(store_outbox_sent(f->s, r.id, "c1", "2026-02-01T00:00:01.000Z"), STORE_OK);
	int n = 0;
	assert_int_equal(store_outbox_prune(f->s, "2026-02-01T00:00:00.000Z", &n), STORE_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_outbox_prune(f->s, "2026-03-03T00:00:00.000Z", &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_outbox_get(f->s, f->a, r.id, &r), STORE_OK);
	assert_string_equal(r.body, "");
	assert_string_equal(r.to_address, ""); /* the address is personal data too */
	assert_string_equal(r.to_name, "");
	assert_true(r.pruned);
	/* only sent mail loses its body */
	assert_int_equal(count(f, "SELECT count(*) FROM outbox WHERE body = 'Tekst'"), 1);
	struct outbox_row *rows;
	assert_int_equal(store_outbox_list(f->s, f->a, NULL, 10, &rows, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_true(rows[0].id > rows[1].id);
	assert_int_equal(store_outbox_list(f->s, f->a, "queued", 10, &rows, &n), STORE_OK);
	assert_int_equal(n, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_transaction_and_dedupe, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_claim_lease_backoff, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_prune_and_list, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
