/*
 * regions — see regions.h. Pure functions over the snapshot.
 */
#include "regions.h"

#include <stdlib.h>
#include <string.h>

/* Depth-first resolution; on_path cuts cycles (a network that, through
 * another network, takes part in itself). */
static void resolve(const struct snapshot *s, int c, bool *out, bool *via, bool *on_path)
{
	if (on_path[c])
		return;
	on_path[c] = true;
	const struct collaboration *col = &s->collabs[c];
	for (int k = 0; k < col->n_parts; k++) {
		const struct participation *p = &s->parts[col->parts[k]];
		if (!p->active)
			continue;
		const struct organisation *o = &s->orgs[p->organisation];
		int inner = o->collaboration;
		if (inner >= 0 && inner < s->n_collabs && inner != c) {
			if (via)
				via[inner] = true;
			resolve(s, inner, out, via, on_path);
		} else {
			out[p->organisation] = true;
		}
	}
	on_path[c] = false;
}

int regions_resolve(const struct snapshot *s, int c, bool *out, bool *via)
{
	memset(out, 0, (size_t)s->n_orgs * sizeof *out);
	if (via)
		memset(via, 0, (size_t)s->n_collabs * sizeof *via);
	if (c < 0 || c >= s->n_collabs)
		return 0;
	bool *on_path = calloc((size_t)s->n_collabs + 1, sizeof *on_path);
	if (!on_path)
		return 0;
	resolve(s, c, out, via, on_path);
	free(on_path);
	int n = 0;
	for (int o = 0; o < s->n_orgs; o++)
		n += out[o];
	return n;
}

bool regions_together(const struct regions_set *set, int i, int j)
{
	for (int a = 0; a < set->n_areas; a++)
		if (set->in[a][i] && set->in[a][j])
			return true;
	return false;
}

bool regions_covered(const struct regions_set *set, int i)
{
	for (int a = 0; a < set->n_areas; a++)
		if (set->in[a][i])
			return true;
	return false;
}

/* True when areas x (of a) and y (of b) cross among the items both
 * indelingen cover: each holds an item the other does not. */
static bool areas_cross(const struct regions_set *a, const bool *x, const struct regions_set *b,
			const bool *y, int n)
{
	bool x_only = false, y_only = false;
	for (int j = 0; j < n; j++) {
		if (!regions_covered(a, j) || !regions_covered(b, j))
			continue;
		x_only = x_only || (x[j] && !y[j]);
		y_only = y_only || (y[j] && !x[j]);
	}
	return x_only && y_only;
}

int regions_compare(const struct regions_set *a, const struct regions_set *b, int n, bool *mismatch,
		    bool *only_one)
{
	int count = 0;
	for (int i = 0; i < n; i++) {
		bool ca = regions_covered(a, i), cb = regions_covered(b, i);
		if (only_one)
			only_one[i] = ca != cb;
		bool cross = false;
		for (int x = 0; x < a->n_areas && !cross; x++)
			for (int y = 0; y < b->n_areas && !cross && a->in[x][i]; y++)
				cross = b->in[y][i] && areas_cross(a, a->in[x], b, b->in[y], n);
		mismatch[i] = cross;
		count += cross;
	}
	return count;
}
