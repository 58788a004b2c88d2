/*
 * map (app) — the map view that the map page (/kaart, pages/map.c) and the
 * map API (GET /api/v1/kaart, api/api_map.c) both serve: for the chosen
 * filters, the active collaborations per gemeente, the legend classes, the
 * matching collaborations and the chosen one ("verband").
 *
 * Takes plain values (a snapshot, an arena, the query values) and writes
 * nothing: the shapes are io/geo.c, counting and classes domain/mapcount.c,
 * the HTML page pages/map.c and the GeoJSON api/api_map.c.
 */
#ifndef ATLAS_APP_MAP_H
#define ATLAS_APP_MAP_H

#include "../domain/filter.h"
#include "../domain/mapcount.h"
#include "../lib/arena.h"

#include <stdbool.h>
#include <stddef.h>

/* The number of list filters the map takes (map_filter_keys). */
#define MAP_N_FILTERS 4

/* The query keys of those filters, in order, NULL-terminated:
 * beleidsdomein, juridischeVorm, fase, soort. */
extern const char *const map_filter_keys[MAP_N_FILTERS + 1];

/* What the map draws: the regio-indeling (default) or the count map. */
enum map_mode { MAP_MODE_REGIONS, MAP_MODE_COUNT };

/* More areas than this are not drawn (the map would be unreadable); the
 * tables still hold them all. */
#define MAP_MAX_AREAS 12

/* One drawn area: a collaboration as the union of the territory of its
 * members, nested collaborations resolved (domain/regions.h). */
struct map_area {
	int collab; /* collaboration index */
	bool *in;   /* per map position j (0..n-1): gemeente j lies in the area */
	int n_in;
	/* organisations covered but not a gemeente on the map, and the
	 * collaborations resolved as nested members: ascending indexes (a list,
	 * not a flag per record: a national map has thousands of areas) */
	int *others;
	int n_others;
	int *via;
	int n_via;
	int style;	/* colour and pattern (map_area_colour / map_area_pattern) */
	char label[12]; /* "A", "B", … (compared indeling: "1", "2", …) */
};

/* Is organisation o among ar->others / collaboration c among ar->via? */
bool map_area_has_other(const struct map_area *ar, int o);
bool map_area_has_via(const struct map_area *ar, int c);

/* Everything a map reply shows, computed from the snapshot and the query.
 * Arrays live in the arena given to map_view_build. */
struct map_view {
	struct collab_filter f; /* beleidsdomein, juridischeVorm, fase, soort; status actief */
	const char *filter_vals[MAP_N_FILTERS]; /* the values asked for (NULL: none) */
	int n;					/* number of map gemeenten */
	int *orgs;				/* their organisation indexes, by name */
	int *counts;				/* active collaborations per gemeente under f */
	int *cls;				/* legend class per gemeente (0-based) */
	int *feature;	      /* geometry feature per gemeente (io/geo.h), -1 if none */
	struct map_classes k; /* the legend */
	int *matching;	      /* indexes of the collaborations passing f */
	int n_matching;
	int verband; /* chosen collaboration (query "verband"), -1 */

	/* the regio-indeling (map_view_regions) */
	enum map_mode mode;
	struct map_area *areas; /* the chosen collaboration, or every matching one */
	int n_areas;
	bool too_many;	  /* more than MAP_MAX_AREAS matching: none drawn */
	int *n_areas_of;  /* per map position: in how many areas */
	bool waterboards; /* the water-board layer is on */
	/* comparison with a second indeling (query "vergelijk", a domain key) */
	int cmp_domain; /* domain index, -1 */
	struct map_area *cmp;
	int n_cmp;
	bool *mismatch; /* per map position: a boundary cuts through its groups */
	int n_mismatch;
	bool *only_one; /* per map position: in just one of the two indelingen */
	int n_only_one;
};

/*
 * Compute the view of snapshot s for the filter values vals[i] (for
 * map_filter_keys[i]; NULL or "" = no filter) and the chosen collaboration
 * key verband (NULL or "" = none). Arrays are allocated in a. Returns 0; or
 * -1 with a Dutch message in msg and the offending parameter name in *param
 * when a value is unknown (the view is still complete, without that value,
 * so a page can show it anyway).
 */
int map_view_build(const struct snapshot *s, struct arena *a, const char *const vals[MAP_N_FILTERS],
		   const char *verband, struct map_view *v, char *msg, size_t msglen,
		   const char **param);

/*
 * Add the regio-indeling to view v (after map_view_build): weergave
 * ("regio" default, "aantal"), vergelijk (a domain key or empty) and
 * waterschappen ("ja" or empty). Returns 0; or -1 with a Dutch message and
 * the parameter name on an unknown value (the view is still usable).
 */
int map_view_regions(const struct snapshot *s, struct arena *a, struct map_view *v,
		     const char *weergave, const char *vergelijk, const char *waterschappen,
		     char *msg, size_t msglen, const char **param);

/* Resolve collaboration c into area out over the map gemeenten of v. */
void map_area_build(const struct snapshot *s, struct arena *a, const struct map_view *v, int c,
		    struct map_area *out);

/* The stroke/pattern colour (#rrggbb, >= 4.5:1 on white) and the pattern
 * number (0..MAP_N_PATTERNS-1) of area style k. */
#define MAP_N_PATTERNS 6
const char *map_area_colour(int style);
int map_area_pattern(int style);
/* The Dutch name of pattern p ("schuin naar rechts", …). */
const char *map_pattern_name(int p);

/* True when map positions i and j lie together in one of the n areas. */
bool map_view_together(const struct map_area *areas, int n_areas, int i, int j);

/* Position of organisation o among the map gemeenten of v, or -1. */
int map_view_pos(const struct map_view *v, int o);

/*
 * The organisations that are not on the map and take part (actively) in a
 * matching collaboration or in the chosen one: an array of s->n_orgs bools
 * allocated in a (NULL when out of memory).
 */
bool *map_view_off_map(const struct snapshot *s, const struct map_view *v, struct arena *a);

/* The fill colour (#rrggbb) of palette shade 0..MAP_MAX_CLASSES-1. */
const char *map_shade_colour(int shade);

#endif
