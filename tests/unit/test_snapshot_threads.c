/*
 * Regression test: snapshots are built concurrently (a write's reload in one
 * request thread while another request builds a time-travel or reply
 * snapshot). snapshot_finish sorts with qsort through file-level state; a
 * non-thread-local sort key function made two concurrent builds sort with
 * each other's key and crash (found by the national-scale mixed benchmark).
 * Several threads build fictional snapshots of different shapes at once and
 * check every lookup afterwards.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../src/domain/snapshot.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define THREADS 4
#define ROUNDS 150

/* Build a snapshot with n_orgs organisations and n_collabs collaborations
 * (sizes differ per thread, so sorting with a wrong key goes out of bounds). */
static struct snapshot *build(int n_orgs, int n_collabs)
{
	struct snapshot *s = snapshot_new(1);
	char buf[64];
	for (int i = 0; i < n_orgs; i++) {
		struct organisation *o = snapshot_add_org(s);
		o->id = i + 1;
		snprintf(buf, sizeof buf, "gm%04d", 9999 - i);
		o->code = snapshot_str(s, buf);
		snprintf(buf, sizeof buf, "Testgemeente %05d", (i * 7919) % 100003);
		o->name = snapshot_str(s, buf);
		o->successor = o->collaboration = o->source = -1;
		o->population = -1;
		o->area_km2 = -1;
	}
	for (int i = 0; i < n_collabs; i++) {
		struct collaboration *c = snapshot_add_collab(s);
		c->id = i + 1;
		snprintf(buf, sizeof buf, "testregeling-%04d", i);
		c->key = snapshot_str(s, buf);
		snprintf(buf, sizeof buf, "Testregeling %05d", (i * 7919) % 100003);
		c->name = snapshot_str(s, buf);
		c->source = -1;
		snapshot_collab_set_domains(s, c, NULL, 0);
	}
	for (int i = 0; i < n_collabs; i++) {
		struct participation *p = snapshot_add_part(s);
		p->id = i + 1;
		p->collaboration = i + 1;
		p->organisation = (i % n_orgs) + 1;
		p->source = -1;
		p->cost_share = -1;
		p->contribution = -1;
	}
	char err[128];
	if (snapshot_finish(s, "2026-01-01", err, sizeof err) != 0) {
		snapshot_free(s);
		return NULL;
	}
	return s;
}

static void *worker(void *arg)
{
	int t = (int)(intptr_t)arg;
	for (int round = 0; round < ROUNDS; round++) {
		int n_orgs = 5 + t * 40 + round % 7, n_collabs = 300 - t * 60 + round % 5;
		struct snapshot *s = build(n_orgs, n_collabs);
		if (!s)
			return (void *)1;
		char buf[64];
		for (int i = 0; i < n_orgs; i++) {
			snprintf(buf, sizeof buf, "gm%04d", 9999 - i);
			if (snapshot_find_org(s, buf) < 0)
				return (void *)1;
		}
		for (int i = 0; i < n_collabs; i++) {
			snprintf(buf, sizeof buf, "testregeling-%04d", i);
			if (snapshot_find_collab(s, buf) < 0)
				return (void *)1;
		}
		snapshot_free(s);
	}
	return NULL;
}

static void test_concurrent_builds(void **state)
{
	(void)state;
	pthread_t th[THREADS];
	for (int i = 0; i < THREADS; i++)
		assert_int_equal(pthread_create(&th[i], NULL, worker, (void *)(intptr_t)i), 0);
	for (int i = 0; i < THREADS; i++) {
		void *ret = (void *)1;
		assert_int_equal(pthread_join(th[i], &ret), 0);
		assert_null(ret);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_concurrent_builds)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
