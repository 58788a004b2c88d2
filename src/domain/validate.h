/*
 * validate — pure checks of seed rows (the CSV files in data/seed) before they are
 * stored: required fields, ISO dates, enum codes (labels.h db codes),
 * key/code patterns and numbers. Defines the exact column order of every
 * seed file. Messages are Dutch and name the column; the caller adds file
 * and line. References between rows (does this source exist?) are checked
 * by the importer, which knows the database; no I/O here.
 */
#ifndef ATLAS_VALIDATE_H
#define ATLAS_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

/* sources.csv */
enum source_col {
	SEED_SRC_ID,
	SEED_SRC_TITLE,
	SEED_SRC_PUBLISHER,
	SEED_SRC_URL,
	SEED_SRC_LICENCE,
	SEED_SRC_ATTRIBUTION,
	SEED_SRC_REFERENCE_DATE,
	SEED_SRC_RETRIEVED,
	SEED_SRC_NOTE,
	SEED_SRC_NCOLS
};

/* domains.csv */
enum domain_col { SEED_DOM_KEY, SEED_DOM_NAME, SEED_DOM_DESCRIPTION, SEED_DOM_NCOLS };

/* organisations.csv */
enum org_col {
	SEED_ORG_CODE,
	SEED_ORG_KIND,
	SEED_ORG_NAME,
	SEED_ORG_CBS_CODE,
	SEED_ORG_TOOI,
	SEED_ORG_IN_PROVINCE,
	SEED_ORG_VALID_FROM,
	SEED_ORG_VALID_TO,
	SEED_ORG_SUCCESSOR_CODE,
	SEED_ORG_POPULATION,
	SEED_ORG_POPULATION_DATE,
	SEED_ORG_AREA_KM2,
	SEED_ORG_COLLABORATION_KEY,
	SEED_ORG_SOURCE_ID,
	SEED_ORG_LAST_CONFIRMED,
	SEED_ORG_NOTE,
	SEED_ORG_ENDED,
	SEED_ORG_NCOLS
};

/* collaborations.csv */
enum collab_col {
	SEED_COL_KEY,
	SEED_COL_NAME,
	SEED_COL_SHORT_NAME,
	SEED_COL_KIND,
	SEED_COL_LEGAL_FORM,
	SEED_COL_POWERS,
	SEED_COL_DOMAINS, /* ';'-separated domain keys */
	SEED_COL_PHASE,
	SEED_COL_PURPOSE,
	SEED_COL_SEAT,
	SEED_COL_START_DATE,
	SEED_COL_END_DATE,
	SEED_COL_WEBSITE,
	SEED_COL_SOURCE_ID,
	SEED_COL_LAST_CONFIRMED,
	SEED_COL_NOTE,
	SEED_COL_NCOLS
};

/* participations.csv */
enum part_col {
	SEED_PAR_COLLABORATION_KEY,
	SEED_PAR_ORGANISATION_CODE,
	SEED_PAR_BODY,
	SEED_PAR_ROLE,
	SEED_PAR_COST_SHARE,
	SEED_PAR_CONTRIBUTION_EUR,
	SEED_PAR_JOINED,
	SEED_PAR_LEFT,
	SEED_PAR_SOURCE_ID,
	SEED_PAR_LAST_CONFIRMED,
	SEED_PAR_NOTE,
	SEED_PAR_NCOLS
};

/* The header of each file, in column order. */
extern const char *const source_columns[SEED_SRC_NCOLS];
extern const char *const domain_columns[SEED_DOM_NCOLS];
extern const char *const org_columns[SEED_ORG_NCOLS];
extern const char *const collab_columns[SEED_COL_NCOLS];
extern const char *const part_columns[SEED_PAR_NCOLS];

/* Longest accepted name/title (bytes) and other text field (bytes). */
#define VALIDATE_MAX_NAME 300
#define VALIDATE_MAX_TEXT 20000
/* Most domains one collaboration may have. */
#define VALIDATE_MAX_DOMAINS 32

/* True when s matches ^[a-z0-9-]{2,80}$ (codes, keys, source ids). */
bool validate_is_key(const char *s);
/* True when s is empty or a valid YYYY-MM-DD date. */
bool validate_is_date_opt(const char *s);
/* True when s is empty or an absolute http(s) URL without spaces or controls. */
bool validate_is_url_opt(const char *s);
/* True when s is empty or "0"/"1". */
bool validate_is_flag_opt(const char *s);
/* True when s is empty or a non-negative decimal integer below 10^15; the
 * value goes to *out (-1 when empty). out may be NULL. */
bool validate_count_opt(const char *s, long long *out);
/* True when s is empty or a decimal number ("12.5", no exponent, no comma)
 * within [min, max]; the value goes to *out (-1 when empty). out may be NULL. */
bool validate_number_opt(const char *s, double min, double max, double *out);

/*
 * Split a ';'-separated list of domain keys: surrounding spaces trimmed,
 * empty items skipped. Copies at most max keys (each < 81 bytes) into
 * keys[], returns the count, or -1 when an item is not a valid key or there
 * are more than max.
 */
int validate_split_domains(const char *s, char keys[][81], int max);

/*
 * Check one row of a seed file. f holds the row's fields in the column
 * order above. Returns 0, or -1 with a Dutch reason naming the column in
 * err (e.g. "kolom valid_from: '2019-02-30' is geen geldige datum
 * (JJJJ-MM-DD)").
 */
int validate_source_row(const char *const *f, char *err, size_t errlen);
int validate_domain_row(const char *const *f, char *err, size_t errlen);
int validate_org_row(const char *const *f, char *err, size_t errlen);
int validate_collab_row(const char *const *f, char *err, size_t errlen);
int validate_part_row(const char *const *f, char *err, size_t errlen);

#endif
