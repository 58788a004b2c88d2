/*
 * store_financien_kengetallen — the financial scan's kengetallen on either
 * engine: the inputs per gemeente (CBS code, upper case) × year × document
 * (begroting | jaarverslag) × component, each an amount in euro cents with
 * its source text, and the signal bands per kengetal (two bounds in
 * hundredths of a percent, the direction, the source). Module data outside
 * the read model: indexed queries per request, no journal trigger, no
 * data-version bump. Every write is one transaction with its audit event
 * (entities fin_kengetal_input, key "GM0344/2024/begroting", and
 * fin_kengetal_band, key the kengetal); an event names the gemeente, year,
 * document and the number of components, or the bounds — never a source
 * text. Who may write is app/financien_kengetallen.h's business.
 */
#ifndef ATLAS_STORE_FINANCIEN_KENGETALLEN_H
#define ATLAS_STORE_FINANCIEN_KENGETALLEN_H

#include "store.h"
#include "store_write.h"
#include "../domain/financien_kengetallen.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;

struct kg_band_row {
	const char *ratio; /* kg_ratios[].key */
	struct kg_band band;
	const char *source, *source_url, *updated_at, *updated_by;
};

/* Every band, in the order of the migration's seed. */
int store_kg_bands(struct store *s, struct arena *a, struct kg_band_row **out, int *n);
/* Change the bounds, direction and source of band b->ratio;
 * STORE_ERR_NOTFOUND when there is no such band. */
int store_kg_band_update(struct store *s, const struct write_ctx *w, const struct kg_band_row *b);

struct kg_input_row {
	int year;
	const char *kind;      /* "begroting" | "jaarverslag" */
	const char *component; /* kg_comps[].key */
	int64_t cents;
	const char *source, *updated_at, *updated_by;
};

/* The inputs of gemeente in years from..to (all documents), by year, kind
 * and component. */
int store_kg_inputs(struct store *s, struct arena *a, const char *gemeente, int from, int to,
		    struct kg_input_row **out, int *n);

/* The inputs of one year and document. */
struct kg_input_set {
	int year;
	const char *kind;
	const struct kg_input_row *rows; /* year and kind of the rows are ignored */
	int n;
};

/*
 * Write sets[0..n_sets) of gemeente in one transaction with one audit event
 * per set: replace true (the form) first removes the set's stored
 * components, so a component left out is no longer entered; replace false
 * (an import) adds or changes only the components given.
 */
int store_kg_inputs_write(struct store *s, const struct write_ctx *w, const char *gemeente,
			  const struct kg_input_set *sets, int n_sets, bool replace);

#endif
