/*
 * overlap_bench — times the overlap analysis (domain/overlap.c) on a
 * synthetic national-scale registry built in memory: 342 gemeenten, 12
 * provinces, 21 water boards, 16 domains and 3,000 active collaborations
 * with 2–30 participants each, drawn with a fixed-seed PRNG so every run
 * analyses the same data. All names are clearly synthetic ("Synthetische
 * gemeente 001"). About 5 % of the participations have ended, about 30 %
 * carry a contribution, and 5 % of the collaborations copy another's
 * membership (identical groups).
 *
 * Prints min / median / max wall-clock milliseconds of the full analysis
 * (pairs at the default threshold 0.8, identical groups, per-gemeente
 * counts, congruence of all 342 gemeenten and divergent partner sets) over
 * BENCH_RUNS runs (default 30, at least 20) after two warm-up runs, and
 * the sizes of the result. Target (issue 3): median <= 50 ms.
 *
 * Built by `make bench` as build/bench/overlap_bench and run from
 * bench/run. Not a test: exits 0 whatever the figures.
 */
#include "../src/domain/overlap.h"
#include "../src/domain/snapshot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define N_GEMEENTEN 342
#define N_PROVINCES 12
#define N_WATER_BOARDS 21
#define N_DOMAINS 16
#define N_COLLABS 3000
#define MIN_PARTS 2
#define MAX_PARTS 30
#define SEED 0x5eed2026u

static uint64_t rng_state = SEED;

/* splitmix64: small, fast, fixed sequence for a fixed seed */
static uint64_t rng(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static int rnd(int lo, int hi) /* inclusive */
{
	return lo + (int)(rng() % (uint64_t)(hi - lo + 1));
}

static char *str(struct snapshot *s, const char *fmt, int n)
{
	char tmp[96];
	snprintf(tmp, sizeof tmp, fmt, n);
	return snapshot_str(s, tmp);
}

static void add_org(struct snapshot *s, int64_t id, const char *code, const char *name,
		    enum org_kind kind)
{
	struct organisation *o = snapshot_add_org(s);
	o->id = id;
	o->code = snapshot_str(s, code);
	o->name = snapshot_str(s, name);
	o->kind = kind;
	o->cbs_code = o->tooi = o->valid_from = o->valid_to = snapshot_str(s, "");
	o->population_date = o->last_confirmed = o->note = snapshot_str(s, "");
	o->in_province = true; /* national scale: every gemeente counts for congruence */
	o->successor = o->collaboration = o->source = -1;
	o->population = -1;
	o->area_km2 = -1;
}

static struct snapshot *build(void)
{
	struct snapshot *s = snapshot_new(1);
	char code[32], name[96];
	int64_t id = 1;
	for (int d = 0; d < N_DOMAINS; d++) {
		struct domain *dm = snapshot_add_domain(s);
		dm->id = 1000 + d;
		dm->key = str(s, "synthetisch-domein-%02d", d + 1);
		dm->name = str(s, "Synthetisch domein %02d", d + 1);
		dm->description = snapshot_str(s, "");
	}
	int n_orgs = N_GEMEENTEN + N_PROVINCES + N_WATER_BOARDS;
	for (int i = 0; i < N_GEMEENTEN; i++, id++) {
		snprintf(code, sizeof code, "gm9%03d", i);
		snprintf(name, sizeof name, "Synthetische gemeente %03d", i + 1);
		add_org(s, id, code, name, ORG_MUNICIPALITY);
	}
	for (int i = 0; i < N_PROVINCES; i++, id++) {
		snprintf(code, sizeof code, "pv9%02d", i);
		snprintf(name, sizeof name, "Synthetische provincie %02d", i + 1);
		add_org(s, id, code, name, ORG_PROVINCE);
	}
	for (int i = 0; i < N_WATER_BOARDS; i++, id++) {
		snprintf(code, sizeof code, "ws9%03d", i);
		snprintf(name, sizeof name, "Synthetisch waterschap %02d", i + 1);
		add_org(s, id, code, name, ORG_WATER_BOARD);
	}

	int members[MAX_PARTS];
	static int prev_members[N_COLLABS][MAX_PARTS];
	static int prev_n[N_COLLABS];
	int64_t part_id = 1;
	for (int c = 0; c < N_COLLABS; c++) {
		struct collaboration *col = snapshot_add_collab(s);
		col->id = 100000 + c;
		col->key = str(s, "synthetisch-verband-%04d", c + 1);
		col->name = str(s, "Synthetisch samenwerkingsverband %04d", c + 1);
		col->short_name = col->purpose = col->seat = col->start_date = col->end_date =
		    col->website = col->last_confirmed = col->note = snapshot_str(s, "");
		col->kind = (enum collab_kind)rnd(0, COLLAB_KIND_COUNT - 1);
		col->legal_form = (enum legal_form)rnd(0, LF_COUNT - 1);
		col->phase = (enum phase)rnd(0, PHASE_TRANSFORMATIE);
		col->source = -1;
		int doms[3], nd = rnd(1, 3);
		for (int k = 0; k < nd; k++)
			doms[k] = 1000 + rnd(0, N_DOMAINS - 1);
		if (nd == 3 && doms[2] == doms[1])
			nd = 2;
		if (nd >= 2 && doms[1] == doms[0])
			doms[1] = doms[--nd];
		snapshot_collab_set_domains(s, col, doms, nd);

		int n;
		if (c > 0 && rnd(1, 100) <= 5) { /* same members as an earlier one */
			int src = rnd(0, c - 1);
			n = prev_n[src];
			memcpy(members, prev_members[src], sizeof(int) * (size_t)n);
		} else {
			/* regional: members drawn around a centre gemeente, plus
			 * sometimes a province or a water board */
			n = rnd(MIN_PARTS, MAX_PARTS);
			int centre = rnd(0, N_GEMEENTEN - 1), width = n * 2 + 4;
			for (int k = 0; k < n;) {
				int m;
				int kind = rnd(1, 100);
				if (kind <= 4)
					m = N_GEMEENTEN + rnd(0, N_PROVINCES - 1);
				else if (kind <= 10)
					m = N_GEMEENTEN + N_PROVINCES + rnd(0, N_WATER_BOARDS - 1);
				else
					m = (centre + rnd(0, width - 1)) % N_GEMEENTEN;
				bool dup = false;
				for (int j = 0; j < k && !dup; j++)
					dup = members[j] == m;
				if (!dup)
					members[k++] = m;
			}
		}
		prev_n[c] = n;
		memcpy(prev_members[c], members, sizeof(int) * (size_t)n);
		for (int k = 0; k < n; k++) {
			struct participation *p = snapshot_add_part(s);
			p->id = part_id++;
			p->collaboration = (int)col->id;
			p->organisation = members[k] + 1; /* org ids start at 1 */
			p->cost_share = -1;
			p->contribution = rnd(1, 100) <= 30 ? rnd(1000, 250000) : -1;
			p->joined = p->last_confirmed = p->note = snapshot_str(s, "");
			p->left = snapshot_str(s, rnd(1, 100) <= 5 ? "2020-01-01" : "");
			p->source = -1;
		}
	}
	(void)n_orgs;
	char err[256];
	if (snapshot_finish(s, "2026-01-01", err, sizeof err) != 0) {
		fprintf(stderr, "overlap_bench: snapshot: %s\n", err);
		snapshot_free(s);
		return NULL;
	}
	return s;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(void)
{
	int runs = 30;
	const char *env = getenv("BENCH_RUNS");
	if (env && atoi(env) >= 20)
		runs = atoi(env);
	if (runs > 1000)
		runs = 1000;

	double t0 = now_ms();
	struct snapshot *s = build();
	if (!s)
		return 1;
	double t_build = now_ms() - t0;

	struct collab_filter f;
	collab_filter_init(&f, 20);
	struct overlap_result r;
	double times[1000];
	for (int i = -2; i < runs; i++) {
		struct arena *a = arena_new();
		double t = now_ms();
		overlap_analyse(s, &f, OVERLAP_DEFAULT_THRESHOLD, a, &r);
		t = now_ms() - t;
		if (i >= 0)
			times[i] = t;
		if (i == runs - 1) {
			long long sum_parts = 0;
			for (int k = 0; k < r.n_considered; k++)
				sum_parts += r.size[r.considered[k]];
			printf("Overlapanalyse, synthetisch landelijk register (vaste seed %#x): "
			       "%d gemeenten, %d organisaties, %d samenwerkingsverbanden "
			       "(%d geanalyseerd, %lld actieve deelnames), %d beleidsdomeinen; "
			       "opgebouwd in %.1f ms\n",
			       SEED, N_GEMEENTEN, s->n_orgs, s->n_collabs, r.n_considered,
			       sum_parts, s->n_domains, t_build);
			printf("Resultaat bij drempel 0,8: %d paren, %d identieke groepen, %d "
			       "gemeenten, %d congruentieparen, %d afwijkende partnersets\n",
			       r.n_pairs, r.n_groups, r.n_munis, r.n_cpairs, r.n_divs);
		}
		arena_free(a);
	}
	qsort(times, (size_t)runs, sizeof(double), cmp_double);
	double median = runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
	printf("Volledige analyse over %d runs: min %.2f ms, mediaan %.2f ms, max %.2f ms  "
	       "(doel <= 50 ms: %s)\n",
	       runs, times[0], median, times[runs - 1],
	       median <= 50.0 ? "GEHAALD" : "NIET GEHAALD");
	snapshot_free(s);
	return 0;
}
