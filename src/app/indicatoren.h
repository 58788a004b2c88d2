/*
 * indicatoren — the indicator store, shared by the command line
 * (`atlas import indicatoren`), the pages (pages/indicatoren.c) and the API
 * (api/api_indicatoren.c).
 *
 * Import: one file at a time, all or nothing, one audit event. The kind is
 * told by the header row:
 *   code,naam,niveau,provincie                 areas (data/indicatoren/gebieden.csv)
 *   key,naam,definitie,eenheid,thema,bron,…   definitions (indicatoren.csv)
 *   indicator,gebied,periode,waarde[,bron]     values (waarden.csv)
 *   beleidsdomein,indicatoren,toelichting      which indicators belong to a policy
 *                                              domain (beleidsdomein_taakvelden.csv;
 *                                              app/samenwerking_cijfers.h)
 *   anything else, with a mapping file         a CBS-style table: one row per area,
 *                                              one column per indicator (mapping:
 *                                              bron,kolom,indicator,periode,factor)
 * or a JSON document as CBS's OData v4 API returns it (io/indicatoren_json.h:
 * first non-space byte '{' or a name ending in .json), with a mapping file:
 * the wide shape is mapped like a CBS-style table, the long shape by Measure
 * code (kolom) per element.
 * Errors name file, line and column in Dutch; with any error nothing is
 * written. Importing the same file twice changes nothing; a changed value
 * gets a new version and keeps the old one in the history.
 *
 * Reading: every indicator and value is public (open data with its source
 * and licence). Takes plain values; renders nothing.
 */
#ifndef ATLAS_APP_INDICATOREN_H
#define ATLAS_APP_INDICATOREN_H

#include "../domain/indicatoren.h"
#include "../store/store_indicatoren.h"

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct store;

#define INDICATOREN_MAX_ERRORS 50
/* Most bytes of file and mapping one upload (page or API) may hold: the
 * server's limit of uploaded files (http/router.h, UPLOAD_FILES_LIMIT). The
 * command line reads files up to INDICATOREN_CSV_MAX_BYTES. */
#define INDICATOREN_UPLOAD_MAX_BYTES (8u << 20)

enum ind_file_kind {
	IND_FILE_AREAS,
	IND_FILE_DEFS,
	IND_FILE_VALUES,
	IND_FILE_CBS,
	IND_FILE_DOMAINS
};

struct ind_error {
	const char *file;
	int line, col;	   /* col 0: the whole line; line 0: the whole file. In a JSON
			      document line is the element's position in "value" */
	const char *field; /* JSON: the element's field (line > 0), else NULL */
	const char *message;
};

/* Where e is, in Dutch: "f.csv, regel 3, kolom 2", "f.json, waarde 17, veld
 * 'Value'", "f.csv, regel 3" or "f.csv". */
const char *indicatoren_error_where(struct arena *a, const struct ind_error *e);

struct ind_import_report {
	enum ind_file_kind kind;
	int rows; /* data rows read (areas, definitions or values) */
	struct indicator_import_counts counts;
	struct ind_error errors[INDICATOREN_MAX_ERRORS];
	int n_errors;	 /* may exceed INDICATOREN_MAX_ERRORS (the rest are not kept) */
	char fatal[512]; /* a fault that is not the file's (database) */
};

/* "gebieden", "indicatordefinities", "waarden", "CBS-tabel", "beleidsdomeinen". */
const char *indicatoren_kind_name(enum ind_file_kind k);

/*
 * Import data (len bytes, named file in messages and the audit event);
 * mapping/mapping_len/mapping_file the optional mapping (NULL: none).
 * 0 when written (or, dry_run, when it would be); -1 with rep->errors or
 * rep->fatal otherwise. Arena a holds what the report points to.
 */
int indicatoren_import(struct store *st, struct arena *a, const struct write_ctx *w,
		       const char *file, const char *data, size_t len, const char *mapping_file,
		       const char *mapping, size_t mapping_len, bool dry_run,
		       struct ind_import_report *rep);

/* ---- reading (public) ---- */

int indicatoren_all(struct store *st, struct arena *a, struct indicator_row **out, int *n);
/* STORE_ERR_NOTFOUND when there is no such indicator. */
int indicatoren_one(struct store *st, struct arena *a, const char *key, struct indicator_row *out);
/* The newest period with at least one value, NULL when none. */
const char *indicatoren_latest_period(const struct indicator_row *r);
/* Is period one of r's periods? */
bool indicatoren_has_period(const struct indicator_row *r, const char *period);

struct indicator_ranked {
	struct indicator_value_row v;
	int rank; /* 1 = best by the indicator's direction; 0 = missing */
};

/* The values of r in period for the areas of province (e.g. PV26), ranked
 * (domain/indicatoren.h), best first, missing last. */
int indicatoren_province_ranked(struct store *st, struct arena *a, const struct indicator_row *r,
				const char *period, const char *province,
				struct indicator_ranked **out, int *n);

/* Values of r (filters NULL: any), paginated; see store_indicator_values. */
int indicatoren_values(struct store *st, struct arena *a, const struct indicator_row *r,
		       const char *area, const char *period, int limit, int offset,
		       struct indicator_value_row **out, int *n, int *total);

/* The province whose gemeenten the pages compare: Utrecht. */
#define INDICATOREN_PROVINCE "PV26"

#endif
