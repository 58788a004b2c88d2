/*
 * snapshot_at — the one rule for "active on date D", on a fictional
 * registry: Testdorp merged into Nieuwstad on 2019-01-01 (its participation
 * has no end date of its own), a participation that joins in 2030, a
 * collaboration ended in 2015, one in phase "beëindigd" whose known end
 * date (2030) lies after D, one ended without a date, one that starts in
 * 2027, and an organisation recorded as ended without a date. The same
 * snapshot re-derived for another date and back gives the same answers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../src/domain/snapshot.h"

#include <string.h>

#define D "2026-06-01"	    /* "today" of the test */
#define BEFORE "2018-06-01" /* before the merger */

enum { ORG_TESTDORP = 1, ORG_NIEUWSTAD, ORG_TESTMEER, ORG_OUDVEEN };
enum { CB_A = 1, CB_B, CB_C, CB_D, CB_E };

static void org(struct snapshot *s, int64_t id, const char *code, const char *name,
		const char *from, const char *to, bool recorded_ended, int64_t successor)
{
	struct organisation *o = snapshot_add_org(s);
	o->id = id;
	o->code = snapshot_str(s, code);
	o->name = snapshot_str(s, name);
	o->kind = ORG_MUNICIPALITY;
	o->in_province = true;
	o->cbs_code = o->tooi = o->population_date = o->last_confirmed = o->note =
	    snapshot_str(s, "");
	o->confirmed_by = snapshot_str(s, "");
	o->valid_from = snapshot_str(s, from);
	o->valid_to = snapshot_str(s, to);
	o->ended = recorded_ended;
	o->successor = (int)successor;
	o->collaboration = o->source = -1;
	o->population = -1;
	o->area_km2 = -1;
}

static void collab(struct snapshot *s, int64_t id, const char *key, enum phase phase,
		   const char *start, const char *end)
{
	struct collaboration *c = snapshot_add_collab(s);
	c->id = id;
	c->key = snapshot_str(s, key);
	c->name = snapshot_str(s, key);
	c->short_name = c->purpose = c->seat = c->website = c->last_confirmed = c->note =
	    snapshot_str(s, "");
	c->confirmed_by = snapshot_str(s, "");
	c->phase = phase;
	c->start_date = snapshot_str(s, start);
	c->end_date = snapshot_str(s, end);
	c->source = -1;
	snapshot_collab_set_domains(s, c, NULL, 0);
}

static void part(struct snapshot *s, int64_t id, int64_t cb, int64_t o, const char *joined,
		 const char *left)
{
	struct participation *p = snapshot_add_part(s);
	p->id = id;
	p->collaboration = (int)cb;
	p->organisation = (int)o;
	p->joined = snapshot_str(s, joined);
	p->left = snapshot_str(s, left);
	p->last_confirmed = p->note = p->confirmed_by = snapshot_str(s, "");
	p->source = -1;
	p->cost_share = -1;
	p->contribution = -1;
}

static struct snapshot *build(const char *date)
{
	struct snapshot *s = snapshot_new(7);
	org(s, ORG_TESTDORP, "gm9001", "Testdorp", "", "2019-01-01", true, ORG_NIEUWSTAD);
	org(s, ORG_NIEUWSTAD, "gm9002", "Nieuwstad", "2019-01-01", "", false, -1);
	org(s, ORG_TESTMEER, "gm9003", "Testmeer", "", "", false, -1);
	org(s, ORG_OUDVEEN, "gm9004", "Oudveen", "", "", true, -1);
	collab(s, CB_A, "regeling-a", PHASE_GROEI, "", "");
	collab(s, CB_B, "regeling-b", PHASE_BEEINDIGD, "2010-01-01", "2015-01-01");
	collab(s, CB_C, "regeling-c", PHASE_BEEINDIGD, "", "2030-01-01");
	collab(s, CB_D, "regeling-d", PHASE_BEEINDIGD, "", "");
	collab(s, CB_E, "regeling-e", PHASE_INITIATIEF, "2027-01-01", "");
	part(s, 1, CB_A, ORG_TESTDORP, "", "");		   /* merged away in 2019 */
	part(s, 2, CB_A, ORG_NIEUWSTAD, "2019-01-01", ""); /* its successor */
	part(s, 3, CB_A, ORG_TESTMEER, "2030-01-01", "");  /* joins in the future */
	part(s, 4, CB_C, ORG_TESTMEER, "", "");
	part(s, 5, CB_B, ORG_TESTMEER, "", "");
	part(s, 6, CB_A, ORG_OUDVEEN, "", "2020-01-01"); /* left in 2020 */
	char err[128];
	assert_int_equal(snapshot_finish(s, date, err, sizeof err), 0);
	return s;
}

static const struct collaboration *C(const struct snapshot *s, const char *key)
{
	int i = snapshot_find_collab(s, key);
	assert_true(i >= 0);
	return &s->collabs[i];
}

static const struct organisation *O(const struct snapshot *s, const char *code)
{
	int i = snapshot_find_org(s, code);
	assert_true(i >= 0);
	return &s->orgs[i];
}

static const struct participation *P(const struct snapshot *s, int64_t id)
{
	for (int i = 0; i < s->n_parts; i++)
		if (s->parts[i].id == id)
			return &s->parts[i];
	fail_msg("participation %lld missing", (long long)id);
	return NULL;
}

/* Everything that must hold on D. */
static void check_on_d(const struct snapshot *s)
{
	assert_string_equal(s->today, D);
	assert_true(C(s, "regeling-a")->active);
	assert_false(C(s, "regeling-b")->active); /* ended 2015 */
	assert_true(C(s, "regeling-c")->active);  /* beëindigd, but the end date lies after D */
	assert_false(C(s, "regeling-d")->active); /* beëindigd without a date */
	assert_false(C(s, "regeling-e")->active); /* starts in 2027 */
	assert_false(P(s, 1)->active);		  /* Testdorp no longer exists */
	assert_true(P(s, 2)->active);
	assert_false(P(s, 3)->active); /* joins in 2030 */
	assert_true(P(s, 4)->active);
	assert_true(P(s, 5)->active); /* active participation of an ended collaboration */
	assert_false(P(s, 6)->active);
	assert_true(O(s, "gm9001")->ended);
	assert_false(O(s, "gm9002")->ended);
	assert_false(O(s, "gm9003")->ended);
	assert_true(O(s, "gm9004")->ended); /* recorded, no date */
	assert_int_equal(C(s, "regeling-a")->n_active_parts, 1);
	assert_int_equal(C(s, "regeling-a")->n_parts, 4);
	assert_int_equal(O(s, "gm9003")->n_active_collabs, 1); /* only regeling-c */
	assert_int_equal(O(s, "gm9002")->n_active_collabs, 1);
	assert_int_equal(O(s, "gm9001")->n_active_collabs, 0);
	assert_int_equal(s->stats.n_active, 2);
	assert_int_equal(s->stats.n_ended, 3);
	assert_int_equal(s->stats.n_participations, 2);
	/* the active participant first */
	const struct collaboration *a = C(s, "regeling-a");
	assert_int_equal(s->parts[a->parts[0]].id, 2);
}

static void check_before(const struct snapshot *s)
{
	assert_string_equal(s->today, BEFORE);
	assert_true(C(s, "regeling-a")->active);
	assert_false(C(s, "regeling-b")->active);
	assert_true(C(s, "regeling-c")->active);
	assert_false(C(s, "regeling-e")->active);
	assert_true(P(s, 1)->active);  /* Testdorp still existed */
	assert_false(P(s, 2)->active); /* Nieuwstad did not yet */
	assert_false(P(s, 3)->active);
	assert_true(P(s, 6)->active); /* left only in 2020 */
	assert_false(O(s, "gm9001")->ended);
	assert_true(O(s, "gm9004")->ended);
	assert_int_equal(C(s, "regeling-a")->n_active_parts, 2);
	assert_int_equal(O(s, "gm9001")->n_active_collabs, 1);
	assert_int_equal(s->stats.n_active, 2);
	assert_int_equal(s->stats.n_participations, 3);
}

static void test_rule_on_d(void **state)
{
	(void)state;
	struct snapshot *s = build(D);
	check_on_d(s);
	assert_non_null(strstr(s->etag, D));
	snapshot_free(s);
}

static void test_rule_before_merger(void **state)
{
	(void)state;
	struct snapshot *s = build(BEFORE);
	check_before(s);
	snapshot_free(s);
}

static void test_rule_ended_in_2014(void **state)
{
	(void)state;
	struct snapshot *s = build("2014-06-01");
	assert_true(C(s, "regeling-b")->active); /* within [2010, 2015) */
	assert_true(P(s, 5)->active);
	assert_int_equal(O(s, "gm9003")->n_active_collabs, 2);
	snapshot_free(s);
}

/* Re-deriving one snapshot for another date and back changes nothing. */
static void test_rederive(void **state)
{
	(void)state;
	struct snapshot *s = build(D);
	snapshot_at(s, BEFORE);
	check_before(s);
	snapshot_at(s, D);
	check_on_d(s);
	snapshot_free(s);
}

static void test_predicates(void **state)
{
	(void)state;
	struct snapshot *s = build(D);
	const struct collaboration *c = C(s, "regeling-c");
	assert_true(snapshot_collab_active_on(c, "2029-12-31"));
	assert_false(snapshot_collab_active_on(c, "2030-01-01"));
	const struct organisation *o = O(s, "gm9001");
	assert_true(snapshot_org_existed(o, "2018-12-31"));
	assert_false(snapshot_org_existed(o, "2019-01-01"));
	assert_true(snapshot_part_active_on(P(s, 1), o, "2018-12-31"));
	assert_false(snapshot_part_active_on(P(s, 1), o, "2019-01-01"));
	snapshot_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rule_on_d),	       cmocka_unit_test(test_rule_before_merger),
	    cmocka_unit_test(test_rule_ended_in_2014), cmocka_unit_test(test_rederive),
	    cmocka_unit_test(test_predicates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
