/*
 * readmodel — the reference-counting primitive (rm_shared), the keyed
 * caches (rm_cache: build once, eviction of old versions, an evicted entry
 * lives on until its last user lets go) and the read model itself with a
 * fictional loader: acquire/release, a rebuild after a write and after the
 * date changed, and dated snapshots for time travel (cached per date, a
 * dated snapshot freed by its last user, the date checks).
 * Run under valgrind to see that everything is freed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../src/app/readmodel.h"
#include "../../src/domain/snapshot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- rm_shared and rm_cache ---------------------------------------------- */

static int n_freed;

static void count_free(void *p)
{
	n_freed++;
	free(p);
}

static int n_built;

/* Builds an int holding the build number, at the version passed in arg. */
static int build_int(void *arg, void **value, uint64_t *version, char *err, size_t errlen)
{
	(void)err;
	(void)errlen;
	int *v = malloc(sizeof *v);
	*v = ++n_built;
	*value = v;
	*version = *(const uint64_t *)arg;
	return 0;
}

static int build_fail(void *arg, void **value, uint64_t *version, char *err, size_t errlen)
{
	(void)arg;
	(void)value;
	(void)version;
	snprintf(err, errlen, "kapot");
	return -1;
}

static void test_shared_refcount(void **state)
{
	(void)state;
	n_freed = 0;
	int *v = malloc(sizeof *v);
	struct rm_shared *h = rm_shared_new(v, count_free, 3, "k");
	assert_ptr_equal(rm_shared_value(h), v);
	assert_int_equal(rm_shared_version(h), 3);
	rm_shared_hold(h);
	rm_shared_hold(h);
	rm_shared_release(h);
	rm_shared_release(h);
	assert_int_equal(n_freed, 0);
	rm_shared_release(h);
	assert_int_equal(n_freed, 1);
	rm_shared_release(NULL);
}

static struct rm_shared *get(struct rm_cache *c, const char *key, uint64_t version, bool newer_ok)
{
	char err[64];
	return rm_cache_get(c, key, version, newer_ok, build_int, count_free, &version, err,
			    sizeof err);
}

static void test_cache_builds_once(void **state)
{
	(void)state;
	n_freed = n_built = 0;
	struct rm_cache *c = rm_cache_new(2);
	struct rm_shared *a = get(c, "a", 1, false);
	struct rm_shared *a2 = get(c, "a", 1, false);
	assert_ptr_equal(a, a2);
	assert_int_equal(n_built, 1);
	struct rm_shared *b = get(c, "b", 1, false);
	assert_ptr_not_equal(a, b);
	assert_int_equal(n_built, 2);
	/* another version is another entry, unless newer ones may serve */
	struct rm_shared *a_v2 = get(c, "a", 2, false);
	assert_ptr_not_equal(a_v2, a);
	struct rm_shared *a_any = get(c, "a", 1, true);
	assert_ptr_equal(a_any, a_v2);
	assert_int_equal(n_built, 3);
	rm_shared_release(a);
	rm_shared_release(a2);
	rm_shared_release(b);
	rm_shared_release(a_v2);
	rm_shared_release(a_any);
	rm_cache_free(c);
	assert_int_equal(n_freed, 3);
}

static void test_cache_eviction(void **state)
{
	(void)state;
	n_freed = n_built = 0;
	struct rm_cache *c = rm_cache_new(2);
	rm_shared_release(get(c, "old", 1, false));
	struct rm_shared *x = get(c, "x", 2, false);
	rm_shared_release(get(c, "x", 2, false));
	assert_int_equal(rm_cache_count(c), 2);
	/* the older version goes first, even though "x" was used less recently */
	rm_shared_release(get(c, "y", 2, false));
	assert_int_equal(n_freed, 1);
	assert_int_equal(rm_cache_count(c), 2);
	/* then the least recently used one: "x" (still held here) */
	rm_shared_release(get(c, "y", 2, false));
	rm_shared_release(get(c, "z", 2, false));
	assert_int_equal(n_freed, 1); /* evicted but in use */
	assert_int_equal(*(int *)rm_shared_value(x), 2);
	rm_shared_release(x); /* its last user frees it */
	assert_int_equal(n_freed, 2);
	rm_cache_free(c);
	assert_int_equal(n_freed, 4);
}

static void test_cache_build_failure(void **state)
{
	(void)state;
	struct rm_cache *c = rm_cache_new(1);
	char err[64] = "";
	assert_null(rm_cache_get(c, "k", 1, false, build_fail, count_free, NULL, err, sizeof err));
	assert_string_equal(err, "kapot");
	assert_int_equal(rm_cache_count(c), 0);
	rm_cache_free(c);
}

/* ---- the read model with a fictional loader ------------------------------------ */

static uint64_t fake_version = 1;
static char fake_today[11] = "2026-06-01";
static int n_loads;
static bool fail_loads;

static int fake_load(const char *date, struct snapshot **out, char *err, size_t errlen)
{
	if (fail_loads) {
		snprintf(err, errlen, "database weg");
		return -1;
	}
	n_loads++;
	struct snapshot *s = snapshot_new(fake_version);
	struct organisation *o = snapshot_add_org(s);
	o->id = 1;
	o->code = snapshot_str(s, "gm9001");
	o->name = snapshot_str(s, "Testdorp");
	o->valid_from = o->valid_to = o->last_confirmed = snapshot_str(s, "");
	o->successor = o->collaboration = o->source = -1;
	struct collaboration *c = snapshot_add_collab(s);
	c->id = 1;
	c->key = snapshot_str(s, "regeling-a");
	c->name = snapshot_str(s, "Regeling A");
	c->start_date = snapshot_str(s, "2020-01-01");
	c->end_date = c->last_confirmed = snapshot_str(s, "");
	c->source = -1;
	snapshot_collab_set_domains(s, c, NULL, 0);
	int rc = snapshot_finish(s, date, err, errlen);
	assert_int_equal(rc, 0);
	*out = s;
	return 0;
}

static int fake_data_version(uint64_t *v)
{
	*v = fake_version;
	return 0;
}

static void fake_today_fn(char out[11])
{
	memcpy(out, fake_today, 11);
}

static const struct readmodel_loader loader = {fake_load, fake_data_version, fake_today_fn, NULL};

static int setup(void **state)
{
	(void)state;
	fake_version = 1;
	snprintf(fake_today, sizeof fake_today, "2026-06-01");
	n_loads = 0;
	fail_loads = false;
	return readmodel_start(&loader, NULL);
}

static int teardown(void **state)
{
	(void)state;
	readmodel_stop();
	return 0;
}

static void test_acquire_and_write(void **state)
{
	(void)state;
	struct rm_shared *h1, *h2, *h3;
	const struct snapshot *s1 = readmodel_acquire(&h1);
	assert_int_equal(s1->version, 1);
	assert_string_equal(s1->today, "2026-06-01");
	assert_true(s1->collabs[0].active);
	const struct snapshot *s2 = readmodel_acquire(&h2);
	assert_ptr_equal(s1, s2);
	/* a write: the next acquire reads the new snapshot, the old one stays
	 * valid for whoever holds it */
	fake_version = 2;
	app_after_write();
	const struct snapshot *s3 = readmodel_acquire(&h3);
	assert_int_equal(s3->version, 2);
	assert_ptr_not_equal(s3, s1);
	assert_int_equal(s1->version, 1);
	assert_string_equal(s1->collabs[0].key, "regeling-a");
	rm_shared_release(h1);
	rm_shared_release(h2); /* frees version 1 */
	rm_shared_release(h3);
}

static void test_reload_on_new_day(void **state)
{
	(void)state;
	struct rm_shared *h;
	const struct snapshot *s = readmodel_acquire(&h);
	assert_string_equal(s->today, "2026-06-01");
	rm_shared_release(h);
	snprintf(fake_today, sizeof fake_today, "2026-06-02");
	sleep(1); /* the check runs at most once a second */
	usleep(100000);
	s = readmodel_acquire(&h);
	assert_string_equal(s->today, "2026-06-02");
	rm_shared_release(h);
	/* another process wrote: picked up by the next check */
	fake_version = 5;
	sleep(1);
	usleep(100000);
	s = readmodel_acquire(&h);
	assert_int_equal(s->version, 5);
	rm_shared_release(h);
}

static void test_time_travel(void **state)
{
	(void)state;
	struct rm_shared *now_h, *d1, *d1b, *d2;
	const struct snapshot *now = readmodel_acquire(&now_h);
	const struct snapshot *s1, *s1b, *s2;
	const char *msg;
	int loads = n_loads;
	assert_int_equal(readmodel_at(now, "2019-06-01", &s1, &d1, &msg), 0);
	assert_string_equal(s1->today, "2019-06-01");
	assert_false(s1->collabs[0].active); /* starts in 2020 */
	assert_true(now->collabs[0].active);
	assert_int_equal(readmodel_at(now, "2019-06-01", &s1b, &d1b, &msg), 0);
	assert_ptr_equal(s1, s1b); /* cached */
	assert_int_equal(n_loads, loads + 1);
	rm_shared_release(d1b);

	/* four other dates evict 2019-06-01 from the cache; the holder keeps it */
	static const char *const dates[] = {"2020-01-01", "2021-01-01", "2022-01-01", "2023-01-01"};
	for (int i = 0; i < 4; i++) {
		assert_int_equal(readmodel_at(now, dates[i], &s2, &d2, &msg), 0);
		assert_string_equal(s2->today, dates[i]);
		rm_shared_release(d2);
	}
	assert_string_equal(s1->today, "2019-06-01");
	assert_string_equal(s1->collabs[0].key, "regeling-a");
	rm_shared_release(d1); /* its last user frees it (valgrind: no leak) */
	assert_int_equal(readmodel_at(now, "2019-06-01", &s1, &d1, &msg), 0);
	assert_int_equal(n_loads, loads + 6); /* built again */
	rm_shared_release(d1);

	/* the checks */
	assert_int_equal(readmodel_at(now, "2019-02-30", &s1, &d1, &msg), READMODEL_ERR_DATE);
	assert_non_null(msg);
	assert_null(d1);
	assert_int_equal(readmodel_at(now, "gisteren", &s1, &d1, &msg), READMODEL_ERR_DATE);
	assert_int_equal(readmodel_at(now, "2026-06-02", &s1, &d1, &msg), READMODEL_ERR_FUTURE);
	assert_int_equal(readmodel_at(now, "2026-06-01", &s1, &d1, &msg), 0); /* today */
	rm_shared_release(d1);
	fail_loads = true;
	assert_int_equal(readmodel_at(now, "2001-01-01", &s1, &d1, &msg), READMODEL_ERR_LOAD);
	fail_loads = false;
	rm_shared_release(now_h);
}

static void test_dated_snapshot_of_newer_data(void **state)
{
	(void)state;
	struct rm_shared *old_h, *new_h, *d_new, *d_old;
	const struct snapshot *old = readmodel_acquire(&old_h);
	const struct snapshot *d;
	const char *msg;
	fake_version = 9;
	app_after_write();
	const struct snapshot *cur = readmodel_acquire(&new_h);
	assert_int_equal(readmodel_at(cur, "2024-01-01", &d, &d_new, &msg), 0);
	assert_int_equal(d->version, 9);
	int loads = n_loads;
	/* a request still on the old snapshot may use the newer dated one */
	assert_int_equal(readmodel_at(old, "2024-01-01", &d, &d_old, &msg), 0);
	assert_int_equal(n_loads, loads);
	rm_shared_release(d_new);
	rm_shared_release(d_old);
	rm_shared_release(old_h);
	rm_shared_release(new_h);
}

static void test_per_version_cache(void **state)
{
	(void)state;
	static struct rm_cache *mine;
	n_built = 0;
	struct rm_cache *c = readmodel_cache(&mine, 1);
	assert_ptr_equal(readmodel_cache(&mine, 1), c);
	struct rm_shared *h = get(c, "q", 1, false);
	assert_int_equal(n_built, 1);
	/* still held when the read model stops: freed by its last release */
	readmodel_stop();
	assert_null(mine);
	assert_int_equal(*(int *)rm_shared_value(h), 1);
	rm_shared_release(h);
	assert_int_equal(readmodel_start(&loader, NULL), 0); /* for teardown */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_shared_refcount),
	    cmocka_unit_test(test_cache_builds_once),
	    cmocka_unit_test(test_cache_eviction),
	    cmocka_unit_test(test_cache_build_failure),
	    cmocka_unit_test_setup_teardown(test_acquire_and_write, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_reload_on_new_day, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_time_travel, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_dated_snapshot_of_newer_data, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_per_version_cache, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
