/*
 * validate_write — pure checks of what people enter in the edit forms and
 * the write API (collaborations, participations, organisations).
 * Every invalid field is reported (not just the first) in struct
 * field_errors under its Dutch input name ("naam", "startdatum", ...) with
 * a Dutch message for the form or the API's invalidParams. Checks lengths
 * (in characters), control characters, enumerations (labels.h api values),
 * real calendar dates, periods (end not before start), numbers and URLs.
 * References that need the database (does this organisation, domain or
 * source exist? duplicate participation?) are checked by the store, which
 * adds to the same field_errors. No I/O here.
 *
 * The input structs and struct field_errors are domain/records.h.
 */
#ifndef ATLAS_VALIDATE_WRITE_H
#define ATLAS_VALIDATE_WRITE_H

#include "records.h"

#include <stdbool.h>

/* Limits, in characters (code points). */
#define VW_NAME_MIN 2
#define VW_NAME_MAX 200
#define VW_SHORT_NAME_MAX 60
#define VW_PURPOSE_MAX 2000
#define VW_SEAT_MAX 100
#define VW_NOTE_MAX 1000
#define VW_URL_MAX 500

/*
 * Check a complete collaboration (after an update's NULL fields were
 * filled from the stored record; NULL counts as ""). Required: naam, soort,
 * beleidsdomeinen. Appends to e.
 */
void validate_collab_input(const struct collab_input *in, struct field_errors *e);
/* Check a complete participation; create: organisatie is required. */
void validate_part_input(const struct part_input *in, bool create, struct field_errors *e);
/* Check a complete organisation edit. */
void validate_org_input(const struct org_input *in, struct field_errors *e);

/* A decimal number with '.' or ',' as decimal sign (no exponent, no
 * thousands separators) within [min, max]. "" is not accepted. */
bool validate_decimal_nl(const char *s, double min, double max, double *out);
/*
 * Split a ';'- or ','-separated list of domain keys (spaces trimmed, empty
 * items skipped, duplicates removed) and sort it. Returns the count, or -1
 * when an item is not a valid key or there are more than max.
 */
int validate_domain_list(const char *s, char keys[][81], int max);

#endif
