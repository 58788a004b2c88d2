/*
 * financien_kengetallen (app) — the six BBV kengetallen of a gemeente,
 * shared by the pages (pages/financien_kengetallen.c) and the API
 * (api/api_financien_kengetallen.c): the view of one year and document in
 * the BBV presentation columns with each ratio computed from the stored
 * inputs (domain/financien_kengetallen.h), its signal category from the
 * current bands, and the inputs' sources; the form and API write of the
 * inputs of one year and document; the CSV import (all or nothing, errors
 * with file, line and column); the staff's change of a band.
 *
 * A gemeente is a registry organisation of kind gemeente (its code is the
 * lower-case CBS code) or a gemeente of the indicator areas (the Iv3
 * figures); codes are stored upper case. Who may write:
 * policy_may_enter_kengetallen and policy_may_edit_kengetal_bands.
 * Takes plain values; renders nothing.
 */
#ifndef ATLAS_APP_FINANCIEN_KENGETALLEN_H
#define ATLAS_APP_FINANCIEN_KENGETALLEN_H

#include "../domain/financien_kengetallen.h"
#include "../domain/model.h"
#include "../domain/records.h"
#include "../store/store_auth.h"
#include "../store/store_financien_kengetallen.h"

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct store;

enum kg_outcome {
	KG_OK,
	KG_INVALID,   /* field errors (Dutch) */
	KG_NOTFOUND,  /* no such gemeente */
	KG_FORBIDDEN, /* u may not */
	KG_FAILED,
};

/* A Dutch sentence for a refusal. */
const char *kg_message(enum kg_outcome o);

struct kg_gemeente {
	const char *code; /* upper case: "GM0344" */
	const char *name;
	bool in_registry; /* /organisaties/{lower code} exists */
};

/* The gemeente of code (any case). */
enum kg_outcome kg_gemeente_find(struct store *st, struct arena *a, const struct snapshot *s,
				 const char *code, struct kg_gemeente *out);

/* One presentation column: its inputs, their sources and the results. */
struct kg_view_col {
	struct kg_column col;
	const char *label; /* "Verslag 2022" */
	struct kg_inputs in;
	const char *source[KG_N_COMP]; /* NULL when not entered */
	int n_entered;
	struct kg_result res[KG_N_RATIO];
	char category[KG_N_RATIO]; /* 'A', 'B', 'C'; 0 when not computed or no band */
};

struct kg_view {
	struct kg_gemeente g;
	int year;
	enum kg_kind kind;
	struct kg_view_col cols[3];
	struct kg_band_row *bands;
	int n_bands;
	const struct kg_band_row *band[KG_N_RATIO]; /* per ratio, NULL when none */
};

/* The current year (UTC): the default year. */
int kg_this_year(void);

/*
 * The view of gemeente code for year ("" / NULL: this year) and document
 * kind ("" / NULL: begroting). KG_INVALID with a Dutch message in e
 * (fields "jaar", "soort").
 */
enum kg_outcome kg_view_build(struct store *st, struct arena *a, const struct snapshot *s,
			      const char *code, const char *year, const char *kind,
			      struct kg_view *out, struct field_errors *e);

/* The form or API input of one year and document: every component's
 * amount and source as typed ("" / NULL: not entered). */
struct kg_form_input {
	const char *year, *kind, *unit;
	const char *amount[KG_N_COMP];
	const char *source[KG_N_COMP];
};

/* The field name of component c's source in forms and errors
 * ("vaste_schulden_bron"); its amount is the component key. */
const char *kg_source_field(struct arena *a, int c);

/*
 * Replace the inputs of one year and document of gemeente code with in:
 * field errors (amount: the component key; source: kg_source_field; "jaar",
 * "soort", "eenheid") and nothing written on any error.
 */
enum kg_outcome kg_inputs_save(struct store *st, struct arena *a, const struct snapshot *s,
			       const struct user *u, const char *via, const char *code,
			       const struct kg_form_input *in, struct field_errors *e);

/* The stored inputs of one year and document as the form shows them
 * (amounts in euro, "12.345.678"; unit euro). */
enum kg_outcome kg_inputs_form(struct store *st, struct arena *a, const char *code, int year,
			       enum kg_kind kind, struct kg_form_input *out);

#define KG_IMPORT_MAX_ERRORS 50

struct kg_import_error {
	int line, col; /* 0: the whole file */
	const char *column;
	const char *message;
};

struct kg_import_report {
	int rows;   /* data rows read (template rows without an amount skipped) */
	int stored; /* inputs written */
	int sets;   /* year × document sets touched */
	struct kg_import_error errors[KG_IMPORT_MAX_ERRORS];
	int n_errors; /* may exceed KG_IMPORT_MAX_ERRORS: only that many kept */
};

/* "kengetallen.csv, regel 3, kolom 4 (bedrag)". */
const char *kg_import_where(struct arena *a, const char *file, const struct kg_import_error *e);

/*
 * Import the CSV data (len bytes) of file for gemeente code: all or
 * nothing. KG_INVALID with rep->errors when anything is wrong (nothing
 * written); KG_OK with the counts.
 */
enum kg_outcome kg_import(struct store *st, struct arena *a, const struct snapshot *s,
			  const struct user *u, const char *via, const char *code, const char *file,
			  const char *data, size_t len, struct kg_import_report *rep);

/* The staff's change of the band of ratio key: bounds as typed (percent,
 * fields "ondergrens", "bovengrens"), direction "lager_is_beter" or
 * "hoger_is_beter" ("richting"), the source ("bron", required) and its
 * link ("bronUrl", optional http(s)). */
struct kg_band_input {
	const char *low, *high, *direction, *source, *source_url;
};
enum kg_outcome kg_band_save(struct store *st, struct arena *a, const struct user *u,
			     const char *via, const char *key, const struct kg_band_input *in,
			     struct field_errors *e);

/* Every band (for the staff's page and the API). */
enum kg_outcome kg_bands(struct store *st, struct arena *a, struct kg_band_row **out, int *n);

#endif
