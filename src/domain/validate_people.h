/*
 * validate_people — pure checks of what people enter for People,
 * offices, seats, role assessments, phase events and shared agreements.
 * Like validate_write.h: every invalid field is reported under its Dutch
 * input name (the names in the comments of store/store_people.h) with a
 * Dutch message. Checks lengths, control characters, enumerations, real
 * dates, periods (end not before start), scores and URLs. References that
 * need the database (does the organisation exist, does it participate,
 * overlapping periods, the organisation's end date, the legal form's
 * bodies) are checked by the store (store_people_sqlite.c), which adds to
 * the same field_errors. No I/O here.
 */
#ifndef ATLAS_VALIDATE_PEOPLE_H
#define ATLAS_VALIDATE_PEOPLE_H

#include "records.h"

#include <stdbool.h>

/* Limits, in characters (code points). */
#define VP_NAME_MIN 2
#define VP_NAME_MAX 200
#define VP_PARTY_MAX 100
#define VP_EMAIL_MAX 200
#define VP_PHONE_MAX 40
#define VP_NOTE_MAX 1000
#define VP_PORTFOLIO_MAX 300
#define VP_PHASE_NOTE_MAX 500
#define VP_TITLE_MIN 2
#define VP_TITLE_MAX 200
#define VP_DESCRIPTION_MAX 2000
#define VP_PARTIES_MAX 1000
#define VP_URL_MAX 500

/* The optional process phase of a phase event (db code = api value). */
#define PROCESS_PHASE_COUNT 5
extern const struct label process_phase_labels[PROCESS_PHASE_COUNT];

/* A complete person (NULL counts as ""): naam required. */
void validate_person_input(const struct person_input *in, struct field_errors *e);
/* A new office: organisatie and functie required; van/tot dates. */
void validate_office_input(const struct office_input *in, struct field_errors *e);
/* A new seat: samenwerkingsverband, namens and orgaan required; van/tot. */
void validate_seat_input(const struct seat_input *in, struct field_errors *e);
/* An end date for an office or seat (field "tot"): required, a real date,
 * not before from (may be ""). */
void validate_end_date(const char *from, const char *to, struct field_errors *e);
/* An assessment: datum required and not after today (YYYY-MM-DD); each
 * score a whole number 1..5; scores_out gets the numbers (0 when invalid). */
void validate_assessment_input(const struct assessment_input *in, const char *today,
			       int scores_out[PERSP_COUNT], struct field_errors *e);
/* A phase event: fase (a known phase, not "onbekend") and datum required. */
void validate_phase_input(const struct phase_input *in, struct field_errors *e);
/* A complete agreement (NULL counts as ""): titel and status required. */
void validate_agreement_input(const struct agreement_input *in, struct field_errors *e);

/*
 * Split a ';'- or ','-separated list of organisation codes (spaces trimmed,
 * empty items skipped, duplicates removed, order kept) into codes[].
 * Returns the count, or -1 when an item is not a valid code or there are
 * more than max.
 */
int validate_code_list(const char *s, char codes[][81], int max);

#endif
