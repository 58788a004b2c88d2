/*
 * mapcount — see mapcount.h. Pure functions over the snapshot.
 */
#include "mapcount.h"

#include <stdlib.h>
#include <string.h>

bool mapcount_is_map_org(const struct snapshot *s, int o)
{
	const struct organisation *org = &s->orgs[o];
	if (org->kind != ORG_MUNICIPALITY || !org->in_province || org->ended)
		return false;
	if (org->valid_to && org->valid_to[0] && strcmp(org->valid_to, s->today) <= 0)
		return false;
	return true;
}

int mapcount_map_orgs(const struct snapshot *s, int *out)
{
	int n = 0;
	for (int i = 0; i < s->n_orgs; i++)
		if (mapcount_is_map_org(s, i))
			out[n++] = i;
	return n;
}

bool mapcount_takes_part(const struct snapshot *s, int c, int o)
{
	const struct collaboration *col = &s->collabs[c];
	for (int k = 0; k < col->n_parts; k++) {
		const struct participation *p = &s->parts[col->parts[k]];
		if (p->organisation == o && p->active)
			return true;
	}
	return false;
}

void mapcount_counts(const struct snapshot *s, const struct collab_filter *f, const int *orgs,
		     int n, int *counts)
{
	struct collab_filter g = *f;
	g.status = STATUS_ACTIVE;
	g.org = -1;
	/* pos[o] = position of organisation o in orgs + 1 (0: not counted);
	 * seen[j] = last collaboration + 1 that counted orgs[j] (distinct) */
	int *pos = calloc((size_t)s->n_orgs + 1, sizeof *pos);
	int *seen = calloc((size_t)n + 1, sizeof *seen);
	memset(counts, 0, (size_t)n * sizeof *counts);
	if (!pos || !seen)
		goto out;
	for (int j = 0; j < n; j++)
		pos[orgs[j]] = j + 1;
	for (int c = 0; c < s->n_collabs; c++) {
		if (!collab_filter_match(&g, s, c))
			continue;
		const struct collaboration *col = &s->collabs[c];
		for (int k = 0; k < col->n_parts; k++) {
			const struct participation *p = &s->parts[col->parts[k]];
			int j = pos[p->organisation] - 1;
			if (j < 0 || !p->active || seen[j] == c + 1)
				continue;
			seen[j] = c + 1;
			counts[j]++;
		}
	}
out:
	free(pos);
	free(seen);
}

void mapcount_classes(const int *counts, int n, struct map_classes *k)
{
	memset(k, 0, sizeof *k);
	if (n <= 0)
		return;
	int max = 0, min_pos = -1;
	bool zero = false;
	for (int i = 0; i < n; i++) {
		int v = counts[i] < 0 ? 0 : counts[i];
		if (v == 0)
			zero = true;
		else if (min_pos < 0 || v < min_pos)
			min_pos = v;
		if (v > max)
			max = v;
	}
	if (zero)
		k->c[k->n++] = (struct map_class){0, 0, 0};
	if (min_pos > 0) {
		/* split span values into m classes whose widths differ by at most
		 * one, the wider ones first */
		int slots = MAP_MAX_CLASSES - k->n;
		int span = max - min_pos + 1;
		int m = span < slots ? span : slots;
		int base = span / m, extra = span % m;
		int lo = min_pos;
		for (int i = 0; i < m; i++) {
			int w = base + (i < extra ? 1 : 0);
			k->c[k->n++] = (struct map_class){lo, lo + w - 1, 0};
			lo += w;
		}
	}
	for (int i = 0; i < k->n; i++) {
		if (k->n == 1)
			k->c[i].shade = k->c[i].hi == 0 ? 0 : MAP_MAX_CLASSES / 2;
		else
			k->c[i].shade = (i * (MAP_MAX_CLASSES - 1) + (k->n - 1) / 2) / (k->n - 1);
	}
}

int mapcount_class_of(const struct map_classes *k, int v)
{
	for (int i = 0; i < k->n; i++)
		if (v >= k->c[i].lo && v <= k->c[i].hi)
			return i;
	return -1;
}
