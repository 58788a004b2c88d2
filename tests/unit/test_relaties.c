/*
 * test_relaties — domain/relaties.c: the input rules of contact moments,
 * signals and follow-ups (a Dutch message on the right field, nothing
 * else), the signal status transitions, the "no contact for N months"
 * flag at month and year boundaries, and which organisations are regional
 * networks (relaties_is_network) on a small fictional snapshot.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/domain/relaties.h"

static const char *only_error(const struct field_errors *e)
{
	assert_int_equal(e->n, 1);
	return e->e[0].field;
}

static void test_contact(void **state)
{
	(void)state;
	struct field_errors e = {0};
	relaties_check_contact(&e, "2026-12-06", "bestuurlijk", "Regionale agenda", "", "intern",
			       "2026-12-07");
	assert_int_equal(e.n, 0);
	relaties_check_contact(&e, "2026-12-07", "netwerkdag", "Netwerkdag", "Regel 1\nRegel 2",
			       "partner", "2026-12-07");
	assert_int_equal(e.n, 0);
	memset(&e, 0, sizeof e);
	relaties_check_contact(&e, "2026-12-08", "bestuurlijk", "x", "", "intern", "2026-12-07");
	assert_string_equal(only_error(&e), "datum");
	memset(&e, 0, sizeof e);
	relaties_check_contact(&e, "2026-02-30", "bestuurlijk", "x", "", "intern", "2026-12-07");
	assert_string_equal(only_error(&e), "datum");
	memset(&e, 0, sizeof e);
	relaties_check_contact(&e, "2026-12-01", "koffie", "x", "", "intern", "2026-12-07");
	assert_string_equal(only_error(&e), "soort");
	memset(&e, 0, sizeof e);
	relaties_check_contact(&e, "2026-12-01", "anders", "", "", "intern", "2026-12-07");
	assert_string_equal(only_error(&e), "onderwerp");
	memset(&e, 0, sizeof e);
	relaties_check_contact(&e, "2026-12-01", "anders", "Kop\nmet regel", "", "intern",
			       "2026-12-07");
	assert_string_equal(only_error(&e), "onderwerp");
	memset(&e, 0, sizeof e);
	relaties_check_contact(&e, "2026-12-01", "anders", "x", "", "openbaar", "2026-12-07");
	assert_string_equal(only_error(&e), "vertrouwelijkheid");
	memset(&e, 0, sizeof e);
	relaties_check_contact(&e, NULL, NULL, NULL, NULL, NULL, "2026-12-07");
	assert_int_equal(e.n, 4);
}

static void test_signal_and_follow_up(void **state)
{
	(void)state;
	struct field_errors e = {0};
	relaties_check_signal(&e, "Quorum ontbreekt", "", "hoog", "intern");
	assert_int_equal(e.n, 0);
	relaties_check_signal(&e, "Quorum ontbreekt", "", "kritiek", "intern");
	assert_string_equal(only_error(&e), "ernst");
	memset(&e, 0, sizeof e);
	relaties_check_follow_up(&e, "Terugbellen", true, "2026-12-07", "partner", "2026-12-07");
	assert_int_equal(e.n, 0);
	relaties_check_follow_up(&e, "Terugbellen", false, "2026-12-07", "partner", "2026-12-07");
	assert_string_equal(only_error(&e), "eigenaar");
	memset(&e, 0, sizeof e);
	relaties_check_follow_up(&e, "Terugbellen", true, "2026-12-06", "partner", "2026-12-07");
	assert_string_equal(only_error(&e), "uiterlijk");
	memset(&e, 0, sizeof e);
	relaties_check_follow_up(&e, "Terugbellen", true, "", "partner", "2026-12-07");
	assert_string_equal(only_error(&e), "uiterlijk");

	assert_true(relaties_signal_transition("open", "in_behandeling"));
	assert_true(relaties_signal_transition("opgelost", "open"));
	assert_false(relaties_signal_transition("open", "open"));
	assert_false(relaties_signal_transition("open", "weg"));
	assert_false(relaties_signal_transition(NULL, "open"));
}

static void test_quiet(void **state)
{
	(void)state;
	assert_true(relaties_is_quiet("", "2026-12-07", 6));
	assert_true(relaties_is_quiet(NULL, "2026-12-07", 6));
	assert_false(relaties_is_quiet("2026-06-07", "2026-12-07", 6)); /* exactly six months */
	assert_true(relaties_is_quiet("2026-06-06", "2026-12-07", 6));
	/* across the turn of the year */
	assert_false(relaties_is_quiet("2025-09-15", "2026-02-10", 6));
	assert_true(relaties_is_quiet("2025-08-09", "2026-02-10", 6));
	assert_true(relaties_is_quiet("2024-12-31", "2026-12-07", 12));
	assert_false(relaties_is_quiet("2025-12-07", "2026-12-07", 12));
	/* an unreadable today never flags */
	assert_false(relaties_is_quiet("2020-01-01", "morgen", 6));
	assert_string_equal(relaties_label(signal_status_labels, 3, "in_behandeling"),
			    "In behandeling");
	assert_string_equal(relaties_label(signal_status_labels, 3, "onbekend"), "onbekend");
}

static void test_reminder_at(void **state)
{
	(void)state;
	char at[21];
	assert_true(relaties_reminder_at("2026-12-08", at));
	assert_string_equal(at, "2026-12-07T07:00:00Z");
	assert_true(relaties_reminder_at("2027-01-01", at));
	assert_string_equal(at, "2026-12-31T07:00:00Z");
	assert_true(relaties_reminder_at("2028-03-01", at));
	assert_string_equal(at, "2028-02-29T07:00:00Z"); /* a leap year */
	assert_false(relaties_reminder_at("2026-02-30", at));
	assert_false(relaties_reminder_at("morgen", at));
	assert_false(relaties_reminder_at(NULL, at));
}

/*
 * A fictional snapshot: gemeenten Testdorp (in the province), Buitenstad
 * (outside) and Oudweide (in the province, ended); network organisations
 * for collaborations of each kind and state; a province.
 */
enum {
	O_TESTDORP,
	O_BUITENSTAD,
	O_OUDWEIDE,
	O_NET,
	O_NET_OUT,
	O_GR,
	O_PRIV,
	O_ENDED_NET,
	O_STOPPED,
	O_LEFT,
	O_NET_ENDED_ORG,
	O_PROV,
	O_NO_COLLAB,
	N_O
};
enum { C_NET, C_NET_OUT, C_GR, C_PRIV, C_ENDED, C_STOPPED, C_LEFT, N_C };

struct fixture {
	struct snapshot s;
	struct organisation o[N_O];
	struct collaboration c[N_C];
	struct participation p[16];
	int idx[16];
};

static void part(struct fixture *f, int ci, int oi, bool active)
{
	int pi = f->s.n_parts++;
	f->p[pi] =
	    (struct participation){.collaboration = ci, .organisation = oi, .active = active};
	f->idx[pi] = pi;
	if (!f->c[ci].parts)
		f->c[ci].parts = &f->idx[pi];
	f->c[ci].n_parts++;
}

static void fixture_build(struct fixture *f)
{
	memset(f, 0, sizeof *f);
	for (int i = 0; i < N_O; i++)
		f->o[i] = (struct organisation){.kind = ORG_OTHER, .collaboration = -1};
	f->o[O_TESTDORP] = (struct organisation){
	    .kind = ORG_MUNICIPALITY, .in_province = true, .collaboration = -1};
	f->o[O_BUITENSTAD] = (struct organisation){.kind = ORG_MUNICIPALITY, .collaboration = -1};
	f->o[O_OUDWEIDE] = (struct organisation){
	    .kind = ORG_MUNICIPALITY, .in_province = true, .ended = true, .collaboration = -1};
	f->o[O_PROV] = (struct organisation){.kind = ORG_PROVINCE, .collaboration = -1};
	f->o[O_NET].collaboration = C_NET;
	f->o[O_NET_OUT].collaboration = C_NET_OUT;
	f->o[O_GR].collaboration = C_GR;
	f->o[O_PRIV].collaboration = C_PRIV;
	f->o[O_ENDED_NET].collaboration = C_ENDED;
	f->o[O_STOPPED].collaboration = C_STOPPED;
	f->o[O_LEFT].collaboration = C_LEFT;
	f->o[O_NET_ENDED_ORG].collaboration = C_NET;
	f->o[O_NET_ENDED_ORG].ended = true;
	for (int i = 0; i < N_C; i++)
		f->c[i] = (struct collaboration){.kind = COLLAB_NETWORK, .active = true};
	f->c[C_GR].kind = COLLAB_JOINT_ARRANGEMENT;
	f->c[C_PRIV].kind = COLLAB_PRIVATE_LAW;
	f->c[C_ENDED].active = false;
	f->s.orgs = f->o;
	f->s.n_orgs = N_O;
	f->s.collabs = f->c;
	f->s.n_collabs = N_C;
	f->s.parts = f->p;
	/* participations are grouped per collaboration, in order */
	part(f, C_NET, O_BUITENSTAD, true);
	part(f, C_NET, O_TESTDORP, true);
	part(f, C_NET_OUT, O_BUITENSTAD, true);
	part(f, C_NET_OUT, O_PROV, true);
	part(f, C_GR, O_TESTDORP, true);
	part(f, C_PRIV, O_TESTDORP, true);
	part(f, C_ENDED, O_TESTDORP, true);
	part(f, C_STOPPED, O_OUDWEIDE, true);
	part(f, C_LEFT, O_TESTDORP, false);
}

static void test_is_network(void **state)
{
	(void)state;
	struct fixture f;
	fixture_build(&f);
	const struct snapshot *s = &f.s;
	/* a network and a joint arrangement with a gemeente of the province */
	assert_true(relaties_is_network(s, O_NET));
	assert_true(relaties_is_network(s, O_GR));
	/* only gemeenten outside the province, or the province itself */
	assert_false(relaties_is_network(s, O_NET_OUT));
	/* a private-law collaboration is not a regional network */
	assert_false(relaties_is_network(s, O_PRIV));
	/* an ended collaboration, an ended gemeente, a gemeente that left */
	assert_false(relaties_is_network(s, O_ENDED_NET));
	assert_false(relaties_is_network(s, O_STOPPED));
	assert_false(relaties_is_network(s, O_LEFT));
	/* the organisation itself ended */
	assert_false(relaties_is_network(s, O_NET_ENDED_ORG));
	/* not of kind other, or no collaboration of its own */
	assert_false(relaties_is_network(s, O_TESTDORP));
	assert_false(relaties_is_network(s, O_PROV));
	assert_false(relaties_is_network(s, O_NO_COLLAB));
	/* the same organisation as a joint-arrangement body is no network */
	f.o[O_GR].kind = ORG_JOINT_BODY;
	assert_false(relaties_is_network(s, O_GR));
	/* out of range, no snapshot */
	assert_false(relaties_is_network(s, -1));
	assert_false(relaties_is_network(s, N_O));
	assert_false(relaties_is_network(NULL, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_contact),    cmocka_unit_test(test_signal_and_follow_up),
	    cmocka_unit_test(test_quiet),      cmocka_unit_test(test_reminder_at),
	    cmocka_unit_test(test_is_network),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
