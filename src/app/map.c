/*
 * map (app) — the map view shared by the map page and the map API; see
 * map.h.
 */
#include "map.h"
#include "../domain/regions.h"
#include "../io/geo.h"
#include "../lib/text.h"

#include <stdio.h>
#include <stdlib.h>
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

/* Dark enough for lines and patterns on white (>= 4.5:1), and told apart by
 * pattern and label as well (never colour alone). */
static const char *const area_colours[] = {"#0b5fa5", "#b34700", "#007a5a", "#a4377a",
					   "#5a4fcf", "#6b6100", "#b3003b", "#00707a"};
#define N_AREA_COLOURS (int)(sizeof area_colours / sizeof *area_colours)

static const char *const pattern_names[MAP_N_PATTERNS] = {"schuine arcering /",
							  "schuine arcering \\",
							  "liggende strepen",
							  "staande strepen",
							  "stippen",
							  "ruitjes"};

const char *map_area_colour(int style)
{
	return area_colours[(style < 0 ? 0 : style) % N_AREA_COLOURS];
}

int map_area_pattern(int style)
{
	return (style < 0 ? 0 : style) % MAP_N_PATTERNS;
}

const char *map_pattern_name(int p)
{
	return pattern_names[(p < 0 ? 0 : p) % MAP_N_PATTERNS];
}

static bool in_sorted(const int *list, int n, int x)
{
	int lo = 0, hi = n - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (list[mid] == x)
			return true;
		if (list[mid] < x)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return false;
}

bool map_area_has_other(const struct map_area *ar, int o)
{
	return in_sorted(ar->others, ar->n_others, o);
}

bool map_area_has_via(const struct map_area *ar, int c)
{
	return in_sorted(ar->via, ar->n_via, c);
}

void map_area_build(const struct snapshot *s, struct arena *a, const struct map_view *v, int c,
		    struct map_area *out)
{
	memset(out, 0, sizeof *out);
	out->collab = c;
	out->in = arena_calloc(a, (size_t)v->n + 1, sizeof(bool));
	/* resolved into flags per record, kept as lists */
	bool *others = calloc((size_t)s->n_orgs + 1, sizeof(bool));
	bool *via = calloc((size_t)s->n_collabs + 1, sizeof(bool));
	if (!out->in || !others || !via) {
		free(others);
		free(via);
		return;
	}
	regions_resolve(s, c, others, via);
	int n_o = 0, n_v = 0;
	for (int o = 0; o < s->n_orgs; o++) {
		if (!others[o])
			continue;
		int j = map_view_pos(v, o);
		if (j >= 0) {
			others[o] = false;
			out->in[j] = true;
			out->n_in++;
		} else {
			n_o++;
		}
	}
	for (int k = 0; k < s->n_collabs; k++)
		n_v += via[k];
	out->others = arena_calloc(a, (size_t)n_o + 1, sizeof(int));
	out->via = arena_calloc(a, (size_t)n_v + 1, sizeof(int));
	for (int o = 0; o < s->n_orgs; o++)
		if (others[o])
			out->others[out->n_others++] = o;
	for (int k = 0; k < s->n_collabs; k++)
		if (via[k])
			out->via[out->n_via++] = k;
	free(others);
	free(via);
}

/* "A".."Z", "AA".. for i = 0, 1, …; or "1", "2", … when numeric. */
static void area_label(char out[12], int i, bool numeric)
{
	if (numeric)
		snprintf(out, 12, "%d", i + 1);
	else if (i < 26)
		snprintf(out, 12, "%c", 'A' + i);
	else
		snprintf(out, 12, "%c%c", 'A' + (i / 26 - 1) % 26, 'A' + i % 26);
}

int map_view_regions(const struct snapshot *s, struct arena *a, struct map_view *v,
		     const char *weergave, const char *vergelijk, const char *waterschappen,
		     char *msg, size_t msglen, const char **param)
{
	int rc = 0;
	v->mode = MAP_MODE_REGIONS;
	v->cmp_domain = -1;
	if (!str_empty(weergave)) {
		if (strcmp(weergave, "aantal") == 0)
			v->mode = MAP_MODE_COUNT;
		else if (strcmp(weergave, "regio") != 0) {
			rc = -1;
			*param = "weergave";
			snprintf(msg, msglen,
				 "De waarde '%.40s' is niet geldig voor de parameter 'weergave'. "
				 "Kies regio (de regio-indeling) of aantal (aantal per gemeente).",
				 weergave);
		}
	}
	if (!str_empty(waterschappen)) {
		if (strcmp(waterschappen, "ja") == 0)
			v->waterboards = true;
		else if (rc == 0) {
			rc = -1;
			*param = "waterschappen";
			snprintf(msg, msglen,
				 "De waarde '%.40s' is niet geldig voor de parameter "
				 "'waterschappen'. Gebruik ja, of laat de parameter weg.",
				 waterschappen);
		}
	}
	if (!str_empty(vergelijk)) {
		v->cmp_domain = snapshot_find_domain(s, vergelijk);
		if (v->cmp_domain < 0 && rc == 0) {
			rc = -1;
			*param = "vergelijk";
			snprintf(msg, msglen,
				 "Er is geen beleidsdomein '%.60s' (parameter 'vergelijk'). Kies "
				 "een beleidsdomein uit de lijst.",
				 vergelijk);
		}
	}
	v->n_areas_of = arena_calloc(a, (size_t)v->n + 1, sizeof(int));
	if (!v->n_areas_of)
		return rc;

	/* the areas: the chosen collaboration, else every matching one */
	int n_src = v->verband >= 0 ? 1 : v->n_matching;
	if (v->verband < 0 && n_src > MAP_MAX_AREAS) {
		v->too_many = true;
	}
	v->areas = arena_calloc(a, (size_t)n_src + 1, sizeof *v->areas);
	for (int m = 0; v->areas && m < n_src; m++) {
		int c = v->verband >= 0 ? v->verband : v->matching[m];
		struct map_area *ar = &v->areas[v->n_areas];
		map_area_build(s, a, v, c, ar);
		ar->style = v->n_areas;
		area_label(ar->label, v->n_areas, false);
		v->n_areas++;
		for (int j = 0; ar->in && j < v->n; j++)
			v->n_areas_of[j] += ar->in[j];
	}

	/* the second indeling: the active collaborations of domain vergelijk
	 * (the other filters apply to it as well) */
	if (v->cmp_domain >= 0) {
		struct collab_filter f = v->f;
		f.domain = v->cmp_domain;
		v->cmp = arena_calloc(a, (size_t)s->n_collabs + 1, sizeof *v->cmp);
		for (int c = 0; v->cmp && c < s->n_collabs; c++) {
			if (!collab_filter_match(&f, s, c))
				continue;
			struct map_area *ar = &v->cmp[v->n_cmp];
			map_area_build(s, a, v, c, ar);
			ar->style = v->n_cmp + 1;
			area_label(ar->label, v->n_cmp, true);
			v->n_cmp++;
		}
		const bool **ia = arena_calloc(a, (size_t)v->n_areas + 1, sizeof *ia);
		const bool **ib = arena_calloc(a, (size_t)v->n_cmp + 1, sizeof *ib);
		v->mismatch = arena_calloc(a, (size_t)v->n + 1, sizeof(bool));
		v->only_one = arena_calloc(a, (size_t)v->n + 1, sizeof(bool));
		if (ia && ib && v->mismatch && v->only_one) {
			for (int i = 0; i < v->n_areas; i++)
				ia[i] = v->areas[i].in;
			for (int i = 0; i < v->n_cmp; i++)
				ib[i] = v->cmp[i].in;
			struct regions_set sa = {ia, v->n_areas}, sb = {ib, v->n_cmp};
			v->n_mismatch = regions_compare(&sa, &sb, v->n, v->mismatch, v->only_one);
			for (int j = 0; j < v->n; j++)
				v->n_only_one += v->only_one[j];
		}
	}
	return rc;
}

bool map_view_together(const struct map_area *areas, int n_areas, int i, int j)
{
	for (int k = 0; k < n_areas; k++)
		if (areas[k].in && areas[k].in[i] && areas[k].in[j])
			return true;
	return false;
}
