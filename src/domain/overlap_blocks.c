/*
 * overlap_blocks — see overlap_blocks.h. O(n^3) over at most a few hundred
 * items (the heat map shows at most 60).
 */
#include "overlap_blocks.h"

#include <string.h>

/* A cluster: its items as a run in a shared array, via first/next links. */
struct cl {
	int first, last; /* items at the two ends of its order */
	int size;
	int alive;
};

static double at(const double *sim, int n, int i, int j)
{
	return sim[(size_t)i * (size_t)n + (size_t)j];
}

/* Reverse the linked run of items starting at first (next[] links). */
static void reverse_run(int *next, int first)
{
	int prev = -1, cur = first;
	while (cur >= 0) {
		int nx = next[cur];
		next[cur] = prev;
		prev = cur;
		cur = nx;
	}
}

int overlap_blocks_compute(const double *sim, int n, double cut, struct arena *a,
			   struct overlap_blocks *out)
{
	memset(out, 0, sizeof *out);
	out->n = n;
	size_t nn = (size_t)(n > 0 ? n : 1);
	struct cl *c = arena_calloc(a, nn, sizeof *c);
	double *link = arena_calloc(a, nn * nn, sizeof(double)); /* average similarity */
	int *next = arena_calloc(a, nn, sizeof(int));
	int *member_of = arena_calloc(a, nn, sizeof(int)); /* item -> cluster */
	out->order = arena_calloc(a, nn, sizeof(int));
	out->block = arena_calloc(a, nn, sizeof(int));
	out->cohesion = arena_calloc(a, nn, sizeof(double));
	if (!c || !link || !next || !member_of || !out->order || !out->block || !out->cohesion)
		return -1;
	for (int i = 0; i < n; i++) {
		c[i] = (struct cl){i, i, 1, 1};
		next[i] = -1;
		member_of[i] = i;
		for (int j = 0; j < n; j++)
			link[(size_t)i * nn + (size_t)j] = i == j ? 0 : at(sim, n, i, j);
	}
	int alive = n;
	int blocks_taken = n <= 1; /* one item: one block, taken below */
	while (alive > 1) {
		int bi = -1, bj = -1;
		double best = -1;
		for (int i = 0; i < n; i++) {
			if (!c[i].alive)
				continue;
			for (int j = i + 1; j < n; j++)
				if (c[j].alive && link[(size_t)i * nn + (size_t)j] > best + 1e-12) {
					best = link[(size_t)i * nn + (size_t)j];
					bi = i;
					bj = j;
				}
		}
		if (!blocks_taken && best < cut) {
			/* the clusters now are the blocks (numbered after the order is known) */
			for (int i = 0; i < n; i++)
				out->block[i] = member_of[i];
			blocks_taken = 1;
		}
		/* join bi and bj: choose the orientation whose meeting ends are most alike */
		struct cl *x = &c[bi], *y = &c[bj];
		double o[4] = {at(sim, n, x->last, y->first), at(sim, n, x->last, y->last),
			       at(sim, n, x->first, y->first), at(sim, n, x->first, y->last)};
		int k = 0;
		for (int t = 1; t < 4; t++)
			if (o[t] > o[k] + 1e-12)
				k = t;
		if (k == 2 || k == 3) { /* reverse x */
			reverse_run(next, x->first);
			int t = x->first;
			x->first = x->last;
			x->last = t;
		}
		if (k == 1 || k == 3) { /* reverse y */
			reverse_run(next, y->first);
			int t = y->first;
			y->first = y->last;
			y->last = t;
		}
		next[x->last] = y->first;
		x->last = y->last;
		for (int m = y->first; m >= 0; m = next[m])
			member_of[m] = bi;
		for (int j = 0; j < n; j++) {
			if (!c[j].alive || j == bi || j == bj)
				continue;
			double v = (x->size * link[(size_t)bi * nn + (size_t)j] +
				    y->size * link[(size_t)bj * nn + (size_t)j]) /
				   (x->size + y->size);
			link[(size_t)bi * nn + (size_t)j] = link[(size_t)j * nn + (size_t)bi] = v;
		}
		x->size += y->size;
		y->alive = 0;
		alive--;
	}
	if (!blocks_taken || n == 1)
		for (int i = 0; i < n; i++)
			out->block[i] = member_of[i]; /* everything merged above the cut */
	/* the order: the run of the last cluster */
	int root = -1;
	for (int i = 0; i < n && root < 0; i++)
		if (c[i].alive)
			root = i;
	int k = 0;
	for (int m = root >= 0 ? c[root].first : -1; m >= 0 && k < n; m = next[m])
		out->order[k++] = m;
	/* renumber blocks (cluster ids) by first appearance in the order */
	int *num = arena_calloc(a, nn, sizeof(int));
	int *cnt = arena_calloc(a, nn, sizeof(int));
	if (!num || !cnt)
		return -1;
	for (int i = 0; i < n; i++)
		num[i] = -1;
	int nb = 0;
	for (int p = 0; p < n; p++) {
		int id = out->block[out->order[p]];
		if (num[id] < 0)
			num[id] = nb++;
	}
	for (int i = 0; i < n; i++)
		out->block[i] = num[out->block[i]];
	out->n_blocks = nb;
	/* cohesion: average similarity of the pairs within each block */
	for (int i = 0; i < n; i++) {
		cnt[out->block[i]]++;
		for (int j = i + 1; j < n; j++)
			if (out->block[i] == out->block[j])
				out->cohesion[out->block[i]] += at(sim, n, i, j);
	}
	for (int b = 0; b < nb; b++) {
		double pairs = cnt[b] * (cnt[b] - 1) / 2.0;
		out->cohesion[b] = pairs > 0 ? out->cohesion[b] / pairs : 1.0;
	}
	return 0;
}
