/*
 * test_store_group_commit — the SQLite group commit of store_tx_commit
 * (store_tx.c): a write returns only after its WAL is synced, a failed
 * sync fails the commit, writers in parallel share fsyncs and lose none of
 * their rows, and a database without a WAL file commits without one.
 * A fictional table in a temporary database; the sync is observed through
 * the test hook store_set_wal_sync_hook.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "../../src/store/store.h"
#include "../../src/store/store_internal.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct fx {
	char dir[64];
	char db[128];
	struct store *s;
};

static atomic_int syncs;      /* calls of the hook */
static atomic_int fail_syncs; /* the hook reports failure while set */
static char synced_path[256];

static int counting_sync(const char *wal_path)
{
	snprintf(synced_path, sizeof synced_path, "%s", wal_path);
	atomic_fetch_add(&syncs, 1);
	usleep(2000); /* a slow disk, so parallel writers meet */
	return atomic_load(&fail_syncs) ? -1 : 0;
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/atlas-gc.XXXXXX");
	if (!f || !mkdtemp(f->dir))
		return -1;
	snprintf(f->db, sizeof f->db, "%s/t.db", f->dir);
	char err[256];
	if (store_open(f->db, &f->s, err, sizeof err) ||
	    store_exec(f->s, "CREATE TABLE fictional_row (id INTEGER PRIMARY KEY, who TEXT)",
		       "tabel", err, sizeof err))
		return -1;
	atomic_store(&syncs, 0);
	atomic_store(&fail_syncs, 0);
	store_set_wal_sync_hook(counting_sync);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	store_set_wal_sync_hook(NULL);
	store_close(f->s);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf %s", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

static int insert_one(struct store *s, const char *who)
{
	char sql[128];
	snprintf(sql, sizeof sql, "INSERT INTO fictional_row(who) VALUES ('%s')", who);
	if (store_tx_begin(s, "test", NULL, 0))
		return -1;
	if (store_exec(s, sql, "test", NULL, 0) || store_tx_commit(s, "test", NULL, 0)) {
		store_tx_rollback(s);
		return -1;
	}
	return 0;
}

static long count_rows(struct store *s)
{
	db_stmt *st = store_stmt(s, "SELECT count(*) FROM fictional_row");
	long n = -1;
	if (st && db_step(st) == DB_ROW)
		n = (long)db_column_int64(st, 0);
	if (st)
		db_reset(st);
	return n;
}

/* One writer alone: every commit waits for a sync of this database's WAL. */
static void test_each_commit_synced(void **state)
{
	struct fx *f = *state;
	unsigned long before = store_wal_fsyncs();
	for (int i = 0; i < 5; i++) {
		int seen = atomic_load(&syncs);
		assert_int_equal(insert_one(f->s, "Testpersoon"), 0);
		assert_int_equal(atomic_load(&syncs), seen + 1); /* synced before it returned */
	}
	assert_int_equal(store_wal_fsyncs() - before, 5);
	char want[160];
	snprintf(want, sizeof want, "%s-wal", f->db);
	assert_string_equal(synced_path, want);
	assert_int_equal(count_rows(f->s), 5);
}

/* A write whose WAL cannot be synced is not acknowledged. */
static void test_failed_sync_fails_commit(void **state)
{
	struct fx *f = *state;
	atomic_store(&fail_syncs, 1);
	char err[256] = "";
	assert_int_equal(store_tx_begin(f->s, "test", err, sizeof err), 0);
	assert_int_equal(store_exec(f->s, "INSERT INTO fictional_row(who) VALUES ('Fictief')",
				    "test", err, sizeof err),
			 0);
	assert_int_not_equal(store_tx_commit(f->s, "wijziging vastleggen", err, sizeof err), 0);
	assert_non_null(strstr(err, "wijziging vastleggen"));
	store_tx_rollback(f->s); /* what callers do: must be harmless now */
	atomic_store(&fail_syncs, 0);
	assert_int_equal(insert_one(f->s, "Daarna"), 0); /* the writer turn was passed on */
}

struct writer_arg {
	const char *db;
	int n;
	int failed;
};

static void *writer(void *p)
{
	struct writer_arg *a = p;
	struct store *s = NULL;
	char err[256];
	if (store_open(a->db, &s, err, sizeof err)) {
		a->failed = a->n;
		return NULL;
	}
	for (int i = 0; i < a->n; i++)
		if (insert_one(s, "Parallel"))
			a->failed++;
	store_close(s);
	return NULL;
}

/* Four writers on their own connections: no row lost, fewer fsyncs than
 * commits is allowed (and expected), more never. */
static void test_parallel_writers_share_syncs(void **state)
{
	struct fx *f = *state;
	enum { THREADS = 4, EACH = 40 };
	pthread_t t[THREADS];
	struct writer_arg a[THREADS];
	unsigned long before = store_wal_fsyncs();
	for (int i = 0; i < THREADS; i++) {
		a[i] = (struct writer_arg){f->db, EACH, 0};
		assert_int_equal(pthread_create(&t[i], NULL, writer, &a[i]), 0);
	}
	for (int i = 0; i < THREADS; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(a[i].failed, 0);
	}
	unsigned long used = store_wal_fsyncs() - before;
	assert_true(used >= 1);
	assert_true(used <= THREADS * EACH);
	assert_int_equal(count_rows(f->s), THREADS * EACH);
}

/* An in-memory database has no WAL file: commits go through without one. */
static void test_memory_database_no_wal(void **state)
{
	(void)state;
	struct store *m = NULL;
	char err[256];
	assert_int_equal(store_open(":memory:", &m, err, sizeof err), 0);
	assert_int_equal(store_exec(m,
				    "CREATE TABLE fictional_row (id INTEGER PRIMARY KEY, who TEXT)",
				    "tabel", err, sizeof err),
			 0);
	int seen = atomic_load(&syncs);
	assert_int_equal(insert_one(m, "Geheugen"), 0);
	assert_int_equal(atomic_load(&syncs), seen);
	assert_int_equal(count_rows(m), 1);
	store_close(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_each_commit_synced, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_failed_sync_fails_commit, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_parallel_writers_share_syncs, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_memory_database_no_wal, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
