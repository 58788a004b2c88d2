/*
 * test_overlap — the overlap analysis (domain/overlap.c) on a small
 * fictional registry with hand-computed answers: Jaccard values including
 * the exact threshold boundary (4/5 = 0.8), identical sets (J = 1), a
 * one-participant collaboration, ended participations and an ended
 * collaboration left out, a collaboration without active participants
 * excluded, bestuurlijke drukte per gemeente, congruence (with the empty
 * set defined as 0) and partner sets that differ between domains.
 *
 * The fixture (all names fictional):
 *   Alfa     {A,B,C,D,E}            Afval         A contributes 1000
 *   Beta     {A,B,C,D}              Afval         A contributes 500
 *   Gamma    {A,B,C,D}              Veiligheid    (same set as Beta)
 *   Delta    {E,F,Buiten,Waterschap} Zorg
 *   Epsilon  {A}                    Zorg
 *   Zeta     {A}                    Afval         (same set as Epsilon)
 *   Eta      {A, left 2000}         Afval         no active participant
 *   Theta    {B,C, D left 2001}     Afval
 *   Iota     {A,B,C,D,E}            Afval         ended collaboration
 * A..G are in-province gemeenten (G takes part in nothing), Buiten is a
 * gemeente outside the province, Oud an ended gemeente.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/domain/overlap.h"
#include "../../src/domain/snapshot.h"
#include "fixtures.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static struct snapshot *snap;

static void org(struct snapshot *s, int64_t id, const char *code, const char *name,
		enum org_kind kind, bool in_province, bool ended)
{
	struct organisation *o = fixture_org(s, id, code, kind, name);
	o->in_province = in_province;
	o->ended = ended;
}

static void collab(struct snapshot *s, int64_t id, const char *key, const char *name,
		   int64_t domain_id, enum phase phase)
{
	fixture_collab(s, id, key, name, (int)domain_id)->phase = phase;
}

static void part(struct snapshot *s, int64_t collab_id, int64_t org_id, const char *left,
		 int64_t contribution)
{
	struct participation *p = fixture_part(s, s->n_parts + 1, (int)collab_id, (int)org_id);
	p->left = snapshot_str(s, left);
	p->contribution = contribution;
}

static void domain(struct snapshot *s, int64_t id, const char *key, const char *name)
{
	fixture_domain(s, id, key, name, "");
}

enum { A = 1, B, C, D, E, F, G, BUITEN, OUD, WS };
enum { ALFA = 101, BETA, GAMMA, DELTA, EPSILON, ZETA, ETA, THETA, IOTA };
enum { AFVAL = 201, VEILIGHEID, ZORG };

static int setup(void **state)
{
	(void)state;
	struct snapshot *s = snapshot_new(1);
	domain(s, AFVAL, "afval-test", "Afval (test)");
	domain(s, VEILIGHEID, "veiligheid-test", "Veiligheid (test)");
	domain(s, ZORG, "zorg-test", "Zorg (test)");
	org(s, A, "gm9991", "Gemeente Testdorp A", ORG_MUNICIPALITY, true, false);
	org(s, B, "gm9992", "Gemeente Testdorp B", ORG_MUNICIPALITY, true, false);
	org(s, C, "gm9993", "Gemeente Testdorp C", ORG_MUNICIPALITY, true, false);
	org(s, D, "gm9994", "Gemeente Testdorp D", ORG_MUNICIPALITY, true, false);
	org(s, E, "gm9995", "Gemeente Testdorp E", ORG_MUNICIPALITY, true, false);
	org(s, F, "gm9996", "Gemeente Testdorp F", ORG_MUNICIPALITY, true, false);
	org(s, G, "gm9997", "Gemeente Testdorp G", ORG_MUNICIPALITY, true, false);
	org(s, BUITEN, "gm9998", "Gemeente Buitendorp", ORG_MUNICIPALITY, false, false);
	org(s, OUD, "gm9990", "Gemeente Oudedorp", ORG_MUNICIPALITY, true, true);
	org(s, WS, "ws9999", "Waterschap Testwater", ORG_WATER_BOARD, true, false);
	collab(s, ALFA, "alfa", "Alfa", AFVAL, PHASE_UNKNOWN);
	collab(s, BETA, "beta", "Beta", AFVAL, PHASE_UNKNOWN);
	collab(s, GAMMA, "gamma", "Gamma", VEILIGHEID, PHASE_GROEI);
	collab(s, DELTA, "delta", "Delta", ZORG, PHASE_UNKNOWN);
	collab(s, EPSILON, "epsilon", "Epsilon", ZORG, PHASE_UNKNOWN);
	collab(s, ZETA, "zeta", "Zeta", AFVAL, PHASE_UNKNOWN);
	collab(s, ETA, "eta", "Eta", AFVAL, PHASE_UNKNOWN);
	collab(s, THETA, "theta", "Theta", AFVAL, PHASE_UNKNOWN);
	collab(s, IOTA, "iota", "Iota", AFVAL, PHASE_BEEINDIGD);
	part(s, ALFA, A, "", 1000);
	part(s, ALFA, B, "", -1);
	part(s, ALFA, C, "", -1);
	part(s, ALFA, D, "", -1);
	part(s, ALFA, E, "", -1);
	part(s, BETA, A, "", 500);
	part(s, BETA, B, "", -1);
	part(s, BETA, C, "", -1);
	part(s, BETA, D, "", -1);
	part(s, GAMMA, D, "", -1);
	part(s, GAMMA, C, "", -1);
	part(s, GAMMA, B, "", -1);
	part(s, GAMMA, A, "", -1);
	part(s, DELTA, E, "", -1);
	part(s, DELTA, F, "", -1);
	part(s, DELTA, BUITEN, "", -1);
	part(s, DELTA, WS, "", -1);
	part(s, EPSILON, A, "", -1);
	part(s, ZETA, A, "", -1);
	part(s, ETA, A, "2000-01-01", 9999);
	part(s, THETA, B, "", -1);
	part(s, THETA, C, "", -1);
	part(s, THETA, D, "2001-06-30", -1);
	for (int o = A; o <= E; o++)
		part(s, IOTA, o, "", 7);
	snap = fixture_snapshot_finish(s, "2026-01-01");
	return snap ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	snapshot_free(snap);
	snap = NULL;
	return 0;
}

static int ci(const char *key)
{
	return snapshot_find_collab(snap, key);
}

static int oi(const char *code)
{
	return snapshot_find_org(snap, code);
}

/* Run with the default filter and threshold num/den. */
static void run(struct arena *a, int64_t num, int64_t den, struct overlap_result *r)
{
	struct collab_filter f;
	collab_filter_init(&f, 20);
	overlap_analyse(snap, &f, (struct overlap_threshold){num, den}, a, r);
}

static void test_threshold_parse(void **state)
{
	(void)state;
	struct overlap_threshold t;
	assert_true(overlap_threshold_parse("0.8", &t));
	assert_int_equal(t.num, 8);
	assert_int_equal(t.den, 10);
	assert_true(overlap_threshold_parse("0,75", &t));
	assert_int_equal(t.num, 75);
	assert_int_equal(t.den, 100);
	assert_true(overlap_threshold_parse("1", &t));
	assert_int_equal(t.num, 1);
	assert_int_equal(t.den, 1);
	assert_true(overlap_threshold_parse("1.000", &t));
	assert_true(overlap_threshold_parse("0", &t));
	assert_int_equal(t.num, 0);
	assert_true(overlap_threshold_parse("0.123456", &t));
	assert_true(fabs(overlap_threshold_value(t) - 0.123456) < 1e-12);
	const char *bad[] = {"",   "1.5",	"1.01", "2",	"abc",	"0.",	".8",	 "-0.1",
			     "01", "0.1234567", "0.8 ", " 0.8", "0..8", "1e-1", "0,8,1", "+0.5"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(overlap_threshold_parse(bad[i], &t));
	assert_false(overlap_threshold_parse(NULL, &t));
}

static void test_considered_and_excluded(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct overlap_result r;
	run(a, 8, 10, &r);
	/* Iota ended: not considered at all; Eta has no active participant */
	assert_int_equal(r.n_considered, 7);
	assert_int_equal(r.n_empty, 1);
	assert_int_equal(r.empty[0], ci("eta"));
	assert_int_equal(r.size[ci("iota")], -1);
	assert_int_equal(r.size[ci("eta")], -1);
	/* ended participation of D excluded: Theta = {B, C} */
	assert_int_equal(r.size[ci("theta")], 2);
	assert_int_equal(r.size[ci("alfa")], 5);
	assert_int_equal(r.size[ci("delta")], 4);
	assert_int_equal(r.size[ci("epsilon")], 1);
	arena_free(a);
}

static void test_pairs_at_default_threshold(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct overlap_result r;
	run(a, 8, 10, &r);
	/* J(Beta,Gamma) = 4/4 = 1; J(Epsilon,Zeta) = 1/1 = 1;
	 * J(Alfa,Beta) = J(Alfa,Gamma) = 4/5 = 0.8 exactly: included */
	assert_int_equal(r.n_pairs, 4);
	const struct overlap_pair *p = r.pairs;
	assert_int_equal(p[0].a, ci("beta"));
	assert_int_equal(p[0].b, ci("gamma"));
	assert_int_equal(p[0].inter, 4);
	assert_int_equal(p[0].uni, 4);
	assert_true(p[0].jaccard == 1.0);
	assert_false(p[0].candidate); /* Afval vs Veiligheid */
	assert_int_equal(p[1].a, ci("epsilon"));
	assert_int_equal(p[1].b, ci("zeta"));
	assert_int_equal(p[1].inter, 1);
	assert_false(p[1].candidate); /* Zorg vs Afval */
	assert_int_equal(p[2].a, ci("alfa"));
	assert_int_equal(p[2].b, ci("beta"));
	assert_int_equal(p[2].size_a, 5);
	assert_int_equal(p[2].size_b, 4);
	assert_int_equal(p[2].inter, 4);
	assert_int_equal(p[2].uni, 5);
	assert_true(fabs(p[2].jaccard - 0.8) < 1e-12);
	assert_true(p[2].candidate); /* both Afval */
	assert_true(p[2].shared_domains != 0);
	assert_int_equal(p[3].a, ci("alfa"));
	assert_int_equal(p[3].b, ci("gamma"));
	assert_false(p[3].candidate);
	arena_free(a);
}

static void test_threshold_boundaries(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct overlap_result r;
	/* just above 0.8: only the two J = 1 pairs */
	run(a, 800001, 1000000, &r);
	assert_int_equal(r.n_pairs, 2);
	/* 1: identical sets only */
	run(a, 1, 1, &r);
	assert_int_equal(r.n_pairs, 2);
	/* 0.5: adds Theta {B,C} with Beta and Gamma {A,B,C,D}: 2/4 */
	run(a, 5, 10, &r);
	assert_int_equal(r.n_pairs, 6);
	assert_true(fabs(r.pairs[4].jaccard - 0.5) < 1e-12);
	assert_int_equal(r.pairs[4].a, ci("beta"));
	assert_int_equal(r.pairs[4].b, ci("theta"));
	assert_true(r.pairs[4].candidate);
	/* 0: every pair with at least one common participant; disjoint pairs
	 * (J = 0) never count. 7 collaborations give 21 pairs; disjoint are
	 * Delta with Beta, Gamma, Epsilon, Zeta, Theta (5), and Epsilon, Zeta
	 * with Theta (2): 14 remain. J(Alfa,Delta) = 1/8. */
	run(a, 0, 1, &r);
	assert_int_equal(r.n_pairs, 14);
	const struct overlap_pair *last = &r.pairs[r.n_pairs - 1];
	assert_int_equal(last->inter, 1);
	assert_int_equal(last->uni, 8);
	assert_int_equal(last->a, ci("alfa"));
	assert_int_equal(last->b, ci("delta"));
	arena_free(a);
}

static void test_identical_groups(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct overlap_result r;
	run(a, 8, 10, &r);
	assert_int_equal(r.n_groups, 2);
	assert_int_equal(r.groups[0].n, 2);
	assert_int_equal(r.groups[0].set_size, 4);
	assert_int_equal(r.groups[0].collabs[0], ci("beta"));
	assert_int_equal(r.groups[0].collabs[1], ci("gamma"));
	/* a one-participant set counts too */
	assert_int_equal(r.groups[1].set_size, 1);
	assert_int_equal(r.groups[1].collabs[0], ci("epsilon"));
	assert_int_equal(r.groups[1].collabs[1], ci("zeta"));
	arena_free(a);
}

static const struct overlap_muni *muni(const struct overlap_result *r, const char *code)
{
	for (int i = 0; i < r->n_munis; i++)
		if (r->munis[i].org == oi(code))
			return &r->munis[i];
	return NULL;
}

static void test_bestuurlijke_drukte(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct overlap_result r;
	run(a, 8, 10, &r);
	/* A..G and Buiten; the ended Oud is left out */
	assert_int_equal(r.n_munis, 8);
	assert_null(muni(&r, "gm9990"));
	const struct overlap_muni *m = muni(&r, "gm9991");
	assert_non_null(m);
	/* Alfa, Beta, Gamma, Epsilon, Zeta; configurations: Alfa's set,
	 * Beta = Gamma, Epsilon = Zeta; the ended Eta participation (9999)
	 * and the ended Iota (7) do not count */
	assert_int_equal(m->n_collabs, 5);
	assert_int_equal(m->n_configs, 3);
	assert_int_equal(m->contribution, 1500);
	assert_int_equal(m->n_known, 2);
	m = muni(&r, "gm9992"); /* B: Alfa, Beta, Gamma, Theta */
	assert_int_equal(m->n_collabs, 4);
	assert_int_equal(m->n_configs, 3);
	assert_int_equal(m->n_known, 0);
	m = muni(&r, "gm9994"); /* D: Theta participation ended */
	assert_int_equal(m->n_collabs, 3);
	assert_int_equal(m->n_configs, 2);
	m = muni(&r, "gm9997"); /* G: nothing, still listed */
	assert_non_null(m);
	assert_int_equal(m->n_collabs, 0);
	assert_int_equal(m->n_configs, 0);
	m = muni(&r, "gm9998"); /* outside the province: listed */
	assert_int_equal(m->n_collabs, 1);
	arena_free(a);
}

static int cong_pos(const struct overlap_result *r, const char *code)
{
	for (int i = 0; i < r->n_cong; i++)
		if (r->cong_orgs[i] == oi(code))
			return i;
	return -1;
}

static void test_congruence(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct overlap_result r;
	run(a, 8, 10, &r);
	/* in-province current gemeenten A..G: 7, so 21 pairs */
	assert_int_equal(r.n_cong, 7);
	assert_int_equal(cong_pos(&r, "gm9998"), -1);
	assert_int_equal(r.n_cpairs, 21);
	int pa = cong_pos(&r, "gm9991"), pb = cong_pos(&r, "gm9992"), pc = cong_pos(&r, "gm9993"),
	    pd = cong_pos(&r, "gm9994"), pe = cong_pos(&r, "gm9995"), pf = cong_pos(&r, "gm9996"),
	    pg = cong_pos(&r, "gm9997");
	/* C(A) = {Alfa,Beta,Gamma,Epsilon,Zeta}, C(B) = {Alfa,Beta,Gamma,Theta}: 3/6 */
	assert_true(fabs(overlap_congruence(&r, pa, pb) - 0.5) < 1e-12);
	assert_true(fabs(overlap_congruence(&r, pb, pa) - 0.5) < 1e-12);
	/* C(B) = C(C): 1 */
	assert_true(overlap_congruence(&r, pb, pc) == 1.0);
	/* C(D) = {Alfa,Beta,Gamma}: A-D 3/5 */
	assert_true(fabs(overlap_congruence(&r, pa, pd) - 0.6) < 1e-12);
	/* C(E) = {Alfa,Delta}, C(F) = {Delta}: 1/2; A-F disjoint: 0 */
	assert_true(fabs(overlap_congruence(&r, pe, pf) - 0.5) < 1e-12);
	assert_true(overlap_congruence(&r, pa, pf) == 0.0);
	/* G has no collaborations: two empty sets give 0 by definition */
	assert_true(overlap_congruence(&r, pg, pg) == 0.0);
	assert_true(overlap_congruence(&r, pa, pg) == 0.0);
	/* sorted by share: B-C first */
	assert_int_equal(r.cpairs[0].a, pb);
	assert_int_equal(r.cpairs[0].b, pc);
	assert_int_equal(r.cpairs[0].together, 4);
	assert_int_equal(r.cpairs[0].either, 4);
	for (int i = 1; i < r.n_cpairs; i++)
		assert_true(r.cpairs[i - 1].share >= r.cpairs[i].share);
	arena_free(a);
}

static void test_divergence(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct overlap_result r;
	run(a, 8, 10, &r);
	/* E: Afval partners {A,B,C,D} (Alfa), Zorg partners {F,Buiten} (Delta;
	 * the water board is no gemeente): J = 0. A: Afval {B,C,D,E} vs
	 * Veiligheid {B,C,D}: 3/4, not different; Zorg has no partner. */
	assert_int_equal(r.n_divs, 1);
	const struct overlap_divergence *d = &r.divs[0];
	assert_int_equal(d->cong, cong_pos(&r, "gm9995"));
	int afval = snapshot_find_domain(snap, "afval-test"),
	    zorg = snapshot_find_domain(snap, "zorg-test");
	assert_int_equal(d->domain_a < d->domain_b ? d->domain_a : d->domain_b,
			 afval < zorg ? afval : zorg);
	assert_int_equal(d->inter, 0);
	assert_int_equal(d->uni, 6);
	const uint64_t *pz = overlap_partners(&r, d->cong, zorg);
	assert_true(overlap_has(pz, oi("gm9996")));
	assert_true(overlap_has(pz, oi("gm9998")));
	assert_false(overlap_has(pz, oi("ws9999")));
	assert_false(overlap_has(pz, oi("gm9995"))); /* not itself */
	arena_free(a);
}

static void test_filter(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct overlap_result r;
	struct collab_filter f;
	collab_filter_init(&f, 20);
	f.domain = snapshot_find_domain(snap, "afval-test");
	overlap_analyse(snap, &f, OVERLAP_DEFAULT_THRESHOLD, a, &r);
	/* Alfa, Beta, Zeta, Theta (Eta empty, Iota ended) */
	assert_int_equal(r.n_considered, 4);
	assert_int_equal(r.n_pairs, 1); /* Alfa-Beta 0.8 */
	assert_int_equal(r.n_groups, 0);
	assert_int_equal(muni(&r, "gm9991")->n_collabs, 3);
	assert_int_equal(r.n_divs, 0);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_threshold_parse),
	    cmocka_unit_test(test_considered_and_excluded),
	    cmocka_unit_test(test_pairs_at_default_threshold),
	    cmocka_unit_test(test_threshold_boundaries),
	    cmocka_unit_test(test_identical_groups),
	    cmocka_unit_test(test_bestuurlijke_drukte),
	    cmocka_unit_test(test_congruence),
	    cmocka_unit_test(test_divergence),
	    cmocka_unit_test(test_filter),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
