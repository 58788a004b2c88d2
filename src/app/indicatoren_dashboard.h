/*
 * indicatoren_dashboard — the gemeente dashboard, shared by the
 * page /organisaties/{code}/kennis and the API
 * /api/v1/kennis/gemeenten/{code}/dashboard: per indicator the gemeente's
 * newest value, its trend over the periods, its rank among the gemeenten of
 * its province and its position against peers. Peers are the gemeenten
 * with the same class value in the same period (a `klasse_…` indicator) or
 * an explicit list of codes. Public open data; renders nothing.
 */
#ifndef ATLAS_APP_INDICATOREN_DASHBOARD_H
#define ATLAS_APP_INDICATOREN_DASHBOARD_H

#include "../domain/indicatoren_peers.h"
#include "../store/store_indicatoren.h"

#include <stdbool.h>

struct arena;
struct store;

/* The peer classes a user may pick: the URL value and the indicator key. */
struct dash_class {
	const char *param, *key, *label;
};
extern const struct dash_class dash_classes[];
extern const int dash_n_classes;
/* The class used when the request names none. */
#define DASH_DEFAULT_CLASS "grootteklasse"

struct dash_peer {
	const char *code, *name;
};

struct dash_item {
	const struct indicator_row *ind;
	/* the series of the gemeente, oldest first */
	int n_series;
	const char **periods;
	double *values;
	bool *has;
	const char **notes;
	struct peer_trend trend;
	/* the newest value (trend.last), NULL period when none */
	const char *period;
	bool value_has;
	double value;
	const char *note;
	int rank, n_ranked;	 /* in the province; rank 0: unranked */
	struct peer_stats peers; /* n 0: no peer has a value */
	enum peer_position position;
};

struct dashboard {
	const char *area, *area_name, *province;
	/* the peer choice: class (one of dash_classes) or, when list != NULL,
	 * an explicit list ("GM0344,GM0355") */
	const struct dash_class *cls;
	const char *class_period; /* the period of the gemeente's class value */
	bool class_has;
	double class_value;
	const char *list;
	struct dash_peer *peers;
	int n_peers;
	struct dash_item *items; /* by theme and name; the classes left out */
	int n_items;
};

enum dash_status { DASH_OK = 0, DASH_NOTFOUND = 1, DASH_BAD = 2, DASH_FAULT = 3 };

/*
 * Build the dashboard of area code (a gemeente code, any case) with peers by
 * klasse (a dash_classes param, NULL: the default) or vergelijk (an explicit
 * list; wins over klasse). DASH_BAD with *err a Dutch message for a bad
 * klasse or vergelijk; DASH_NOTFOUND for an unknown area or one that is not
 * a gemeente.
 */
enum dash_status indicatoren_dashboard(struct store *st, struct arena *a, const char *area,
				       const char *klasse, const char *vergelijk,
				       struct dashboard *out, const char **err);

/* Every gemeente (code, name, province) by name: the own selection's
 * choices (the province's as checkboxes). */
struct dash_gemeente {
	const char *code, *name, *province;
};
int indicatoren_dashboard_all_gemeenten(struct store *st, struct arena *a,
					struct dash_gemeente **out, int *n);

/* The gemeenten (code, name) a peer list may name, by name. */
int indicatoren_dashboard_gemeenten(struct store *st, struct arena *a, struct dash_peer **out,
				    int *n);

#endif
