/*
 * map (app) — the map view shared by the map page and the map API; see
 * map.h.
 */
#include "map.h"
#include "../io/geo.h"
#include "../lib/text.h"

#include <stdio.h>
#include <string.h>

const char *const map_filter_keys[MAP_N_FILTERS + 1] = {"beleidsdomein", "juridischeVorm", "fase",
							"soort", NULL};

/* ColorBrewer "Blues" (sequential, colour-blind safe); shade 3 and 4 take
 * white text (>= 5:1), shades 0-2 dark text (>= 7:1). */
static const char *const palette[MAP_MAX_CLASSES] = {"#eff3ff", "#bdd7e7", "#6baed6", "#2171b5",
						     "#08306b"};

const char *map_shade_colour(int shade)
{
	if (shade < 0 || shade >= MAP_MAX_CLASSES)
		return palette[0];
	return palette[shade];
}

int map_view_build(const struct snapshot *s, struct arena *a, const char *const vals[MAP_N_FILTERS],
		   const char *verband, struct map_view *v, char *msg, size_t msglen,
		   const char **param)
{
	int rc = 0;
	char m[256];
	*param = NULL;
	if (msglen)
		msg[0] = '\0';
	memset(v, 0, sizeof *v);
	collab_filter_init(&v->f, 20);
	for (int i = 0; map_filter_keys[i]; i++) {
		const char *val = vals[i];
		if (str_empty(val))
			continue;
		v->filter_vals[i] = val;
		if (collab_filter_set(&v->f, s, map_filter_keys[i], val, m, sizeof m) < 0 &&
		    rc == 0) {
			rc = -1;
			*param = map_filter_keys[i];
			snprintf(msg, msglen, "%s", m);
		}
	}
	v->f.status = STATUS_ACTIVE;
	v->f.org = -1;

	v->orgs = arena_calloc(a, (size_t)s->n_orgs + 1, sizeof(int));
	v->n = mapcount_map_orgs(s, v->orgs);
	v->counts = arena_calloc(a, (size_t)v->n + 1, sizeof(int));
	v->cls = arena_calloc(a, (size_t)v->n + 1, sizeof(int));
	v->feature = arena_calloc(a, (size_t)v->n + 1, sizeof(int));
	mapcount_counts(s, &v->f, v->orgs, v->n, v->counts);
	mapcount_classes(v->counts, v->n, &v->k);
	for (int j = 0; j < v->n; j++) {
		v->cls[j] = mapcount_class_of(&v->k, v->counts[j]);
		v->feature[j] = geo_find(s->orgs[v->orgs[j]].cbs_code);
	}
	v->matching = arena_calloc(a, (size_t)s->n_collabs + 1, sizeof(int));
	for (int c = 0; c < s->n_collabs; c++)
		if (collab_filter_match(&v->f, s, c))
			v->matching[v->n_matching++] = c;

	v->verband = -1;
	const char *vk = verband;
	if (!str_empty(vk)) {
		v->verband = snapshot_find_collab(s, vk);
		if (v->verband < 0 && rc == 0) {
			rc = -1;
			*param = "verband";
			snprintf(msg, msglen,
				 "Er is geen samenwerkingsverband met de id '%.80s' (parameter "
				 "'verband'). Kies een samenwerkingsverband uit de lijst.",
				 vk);
		}
	}
	return rc;
}

int map_view_pos(const struct map_view *v, int o)
{
	for (int j = 0; j < v->n; j++)
		if (v->orgs[j] == o)
			return j;
	return -1;
}

bool *map_view_off_map(const struct snapshot *s, const struct map_view *v, struct arena *a)
{
	bool *off = arena_calloc(a, (size_t)s->n_orgs + 1, sizeof(bool));
	if (!off)
		return NULL;
	for (int m = 0; m <= v->n_matching; m++) {
		int c = m < v->n_matching ? v->matching[m] : v->verband;
		if (c < 0)
			continue;
		const struct collaboration *col = &s->collabs[c];
		for (int k = 0; k < col->n_parts; k++) {
			const struct participation *p = &s->parts[col->parts[k]];
			if (p->active && map_view_pos(v, p->organisation) < 0)
				off[p->organisation] = true;
		}
	}
	return off;
}
