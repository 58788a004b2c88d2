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

/* True when areas x (of a) and y (of b) nest among the items both
 * indelingen cover: one holds every such item of the other. */
static bool areas_nest(const struct regions_set *a, const bool *x, const struct regions_set *b,
		       const bool *y, int n)
{
	bool x_only = false, y_only = false;
	for (int j = 0; j < n; j++) {
		if (!regions_covered(a, j) || !regions_covered(b, j))
			continue;
		x_only = x_only || (x[j] && !y[j]);
		y_only = y_only || (y[j] && !x[j]);
	}
	return !(x_only && y_only);
}

/* True when some area of `from` holding item i nests with no area of `to`
 * holding i. */
static bool misfit(const struct regions_set *from, const struct regions_set *to, int i, int n,
		   bool from_is_a)
{
	for (int x = 0; x < from->n_areas; x++) {
		if (!from->in[x][i])
			continue;
		bool fits = false;
		for (int y = 0; y < to->n_areas && !fits; y++)
			fits = to->in[y][i] &&
			       (from_is_a ? areas_nest(from, from->in[x], to, to->in[y], n)
					  : areas_nest(to, to->in[y], from, from->in[x], n));
		if (!fits)
			return true;
	}
	return false;
}

int regions_compare(const struct regions_set *a, const struct regions_set *b, int n, bool *mismatch,
		    bool *only_one)
{
	int count = 0;
	for (int i = 0; i < n; i++) {
		bool ca = regions_covered(a, i), cb = regions_covered(b, i);
		if (only_one)
			only_one[i] = ca != cb;
		mismatch[i] = ca && cb && (misfit(a, b, i, n, true) || misfit(b, a, i, n, false));
		count += mismatch[i];
	}
	return count;
}
