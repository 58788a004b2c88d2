/*
 * indicatoren_model — the indicator module's own small read model: every
 * area, definition and value in memory, shared by the requests that need
 * many values at once (the gemeente dashboard), so they read arrays
 * instead of tens of thousands of index lookups.
 *
 * Built on first use from one read transaction (store_indicator_model_read)
 * and kept in a one-entry read-model cache (app/readmodel.h) under the
 * store's indicator stamp: the id of the newest indicator import event. A
 * request reads the stamp (one indexed query) and gets the model of that
 * stamp, built once when an import changed something — also by another
 * process or instance, since the stamp lives in the database. The registry
 * snapshot knows nothing of it.
 *
 * Memory: ~40 bytes per value (1.2 MB per 30,000 values), strings interned.
 */
#ifndef ATLAS_APP_INDICATOREN_MODEL_H
#define ATLAS_APP_INDICATOREN_MODEL_H

#include "../store/store_indicatoren.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct store;

/* One value: the area by index into im->areas. */
struct im_cell {
	int area;
	bool has; /* false: missing, never zero */
	double value;
	const char *note;
};

/* The values of one indicator in one period, by area index. */
struct im_period {
	const char *period;
	struct im_cell *cells;
	int n;
};

struct indicator_model {
	uint64_t stamp;
	struct indicator_area *areas; /* by code (strcmp) */
	int n_areas;
	int *by_name; /* area indexes of the gemeenten by name, code */
	int n_gemeenten;
	struct indicator_row *inds; /* by theme and name */
	int n_inds;
	struct im_period **series; /* per indicator index: its periods, oldest first */
	int *n_series;
	struct arena *arena;
};

/*
 * The model of the store's current stamp, held until the arena a is freed.
 * NULL on a fault (logged).
 */
const struct indicator_model *indicatoren_model(struct store *st, struct arena *a);

/* The index of area code (exact, upper case) or -1. */
int im_area(const struct indicator_model *m, const char *code);
/* The index of indicator key or -1. */
int im_indicator(const struct indicator_model *m, const char *key);
/* The cell of area in series period p, or NULL. */
const struct im_cell *im_cell(const struct im_period *p, int area);

#endif
