/*
 * store_indicatoren_vergelijk — the queries of the compare page
 * (/kennis/vergelijk, app/indicatoren_vergelijk.h): the values of one
 * indicator in one period for every gemeente of the country, the gemeenten
 * the form offers, and the gemeenten of the same peer class as one
 * gemeente. Read per request on either engine; every value bound.
 */
#ifndef ATLAS_STORE_INDICATOREN_VERGELIJK_H
#define ATLAS_STORE_INDICATOREN_VERGELIJK_H

#include "store.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;

struct vergelijk_cell {
	const char *area, *name, *province, *note;
	bool has; /* false: missing (NULL in the store), never zero */
	double value;
};

/* The values of indicator id in period for every gemeente that has a row
 * (missing ones included, has false), by area code. */
int store_indicator_vergelijk_values(struct store *s, struct arena *a, int64_t id,
				     const char *period, struct vergelijk_cell **out, int *n);

/* Every gemeente area (code, name, province; note ""), by name and code. */
int store_indicator_vergelijk_gemeenten(struct store *s, struct arena *a,
					struct vergelijk_cell **out, int *n);

/*
 * The gemeenten with the same value of class indicator class_key as area in
 * the period of area's newest class value, area itself included, by code
 * (only area's own code is filled when its class is unknown: *n = 0 then).
 */
int store_indicator_vergelijk_class_peers(struct store *s, struct arena *a, const char *class_key,
					  const char *area, const char ***out, int *n);

#endif
