/*
 * store_indicatoren_model — what the indicator read model
 * (app/indicatoren_model.h) is built from: a stamp that changes with every
 * import that changed something, and one consistent read of every area,
 * definition and value.
 */
#ifndef ATLAS_STORE_INDICATOREN_MODEL_H
#define ATLAS_STORE_INDICATOREN_MODEL_H

#include "store.h"
#include "store_indicatoren.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;

/* The id of the newest indicator import event (0: none): an import that
 * changed anything writes one, in the same transaction as its values. */
int store_indicator_stamp(struct store *s, uint64_t *out);

/* One value as the scan hands it over; the strings live until fn returns. */
struct indicator_scan_row {
	int64_t indicator_id;
	const char *area, *period, *note;
	bool has; /* false: missing (NULL) */
	double value;
};

/*
 * In one read transaction: the stamp, every area (by code), every
 * definition with its periods (store_indicators' order) into a, and every
 * value by indicator id, period and area code through fn(arg, row).
 */
int store_indicator_model_read(struct store *s, struct arena *a, uint64_t *stamp,
			       struct indicator_area **areas, int *nareas,
			       struct indicator_row **inds, int *ninds,
			       void (*fn)(void *arg, const struct indicator_scan_row *row),
			       void *arg);

#endif
