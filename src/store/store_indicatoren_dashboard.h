/*
 * store_indicatoren_dashboard — the two queries of the gemeente dashboard
 *: every value of one area (all indicators and periods, index
 * indicator_value_area), and the values of the comparison set — the
 * gemeenten of a province plus the peers — for each indicator in the period
 * of the area's newest value. See app/indicatoren_dashboard.h.
 */
#ifndef ATLAS_STORE_INDICATOREN_DASHBOARD_H
#define ATLAS_STORE_INDICATOREN_DASHBOARD_H

#include "store.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;

struct indicator_cell {
	int64_t indicator_id;
	const char *area, *period, *note, *province, *area_name;
	bool has;
	double value;
	bool peer; /* compare values: the area is a peer (class or list) */
};

/* Every value of area, by indicator id and period (oldest first). */
int store_indicator_area_values(struct store *s, struct arena *a, const char *area,
				struct indicator_cell **out, int *n);

/*
 * For each indicator with a value for area, the values in the period of
 * that newest value for the gemeenten that are in province, or named in
 * list (comma-separated upper-case codes, "" none), or have value
 * class_value for indicator class_id in class_period (class_id 0: none).
 * area itself is included; peer marks the class and list members.
 */
int store_indicator_compare_values(struct store *s, struct arena *a, const char *area,
				   const char *province, const char *list, int64_t class_id,
				   const char *class_period, double class_value,
				   struct indicator_cell **out, int *n);

/* One area (code, name, level, province); STORE_ERR_NOTFOUND. */
int store_indicator_area_get(struct store *s, struct arena *a, const char *code,
			     struct indicator_cell *out);

/* The gemeenten (code, name, province) — the peer form's choices. */
int store_indicator_gemeenten(struct store *s, struct arena *a, struct indicator_cell **out,
			      int *n);

#endif
