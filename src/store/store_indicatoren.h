/*
 * store_indicatoren — the indicator store on either engine:
 * areas, indicator definitions, values per indicator, area and period
 * (missing = NULL, never zero) and the history of corrected values.
 * Outside the read model: indexed queries per request. An import is one
 * transaction with one audit event (the file and the counts) and one data
 * version bump; a dry run rolls it back. Which file becomes what is app/indicatoren.h's business.
 */
#ifndef ATLAS_STORE_INDICATOREN_H
#define ATLAS_STORE_INDICATOREN_H

#include "store.h"
#include "store_write.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;

struct indicator_def {
	const char *key, *name, *definition, *unit, *theme, *source, *source_url, *licence,
	    *direction, *area_level, *warning;
};

struct indicator_area {
	const char *code, *name, *level, *province;
};

struct indicator_value_in {
	const char *key, *area, *period, *note;
	bool has; /* false: missing (NULL) */
	double value;
};

struct indicator_import_counts {
	int added, changed, unchanged;
	/* the keys of the indicators whose values were added or changed (sorted;
	 * in the caller's arena) */
	const char **touched;
	int n_touched;
};

/*
 * Write areas, definitions and values (any of them may be empty) in one
 * transaction with one audit event naming `file`: new rows are added, rows
 * that differ are updated (a value's old value, version and note go to the
 * history and its version goes up), equal rows are left alone. Every key
 * and area a value names must exist (after the areas and definitions of
 * this call): STORE_ERR_INVALID otherwise, err says which. dry_run rolls
 * back; so does an import that changes nothing (no audit event then).
 * out->touched lives in out_arena.
 * An import that changes something journals ('extern', 0) and bumps the
 * data version: collaboration pages, cached by version, show its figures.
 */
int store_indicator_import(struct store *s, struct arena *out_arena, const struct write_ctx *w,
			   const char *file, const struct indicator_def *defs, int ndefs,
			   const struct indicator_area *areas, int nareas,
			   const struct indicator_value_in *vals, int nvals, bool dry_run,
			   struct indicator_import_counts *out, char *err, size_t errlen);

struct indicator_period {
	const char *period;
	int n_values;  /* rows */
	int n_present; /* rows with a value */
};

struct indicator_row {
	int64_t id;
	struct indicator_def d;
	struct indicator_period *periods; /* oldest first */
	int n_periods;
};

/* Every indicator by theme and name, with its periods. */
int store_indicators(struct store *s, struct arena *a, struct indicator_row **out, int *n);
/* One indicator with its periods; STORE_ERR_NOTFOUND. */
int store_indicator_get(struct store *s, struct arena *a, const char *key,
			struct indicator_row *out);

/* The keys of every indicator / the codes of every area, sorted (strcmp). */
int store_indicator_keys(struct store *s, struct arena *a, const char ***out, int *n);
int store_indicator_area_codes(struct store *s, struct arena *a, const char ***out, int *n);

struct indicator_value_row {
	const char *area, *area_name, *province, *period, *note, *updated_at;
	bool has;
	double value;
	int64_t version;
};

/*
 * The values of indicator id, filtered on area, period and province (NULL:
 * any), by period (newest first) and area code; at most limit from offset
 * (limit < 0: all); *total counts every match.
 */
int store_indicator_values(struct store *s, struct arena *a, int64_t id, const char *area,
			   const char *period, const char *province, int limit, int offset,
			   struct indicator_value_row **out, int *n, int *total);

struct indicator_history_row {
	int64_t version;
	bool has;
	double value;
	const char *note, *replaced_at;
};

/* The earlier versions of one value, oldest first (none: *n = 0). */
int store_indicator_history(struct store *s, struct arena *a, int64_t id, const char *area,
			    const char *period, struct indicator_history_row **out, int *n);

#endif
