/*
 * fields — the small checks every input validator shares: text fields
 * (valid UTF-8, no control characters, length in code points) and "absent
 * counts as empty". The field-error list itself is domain/records.h, whose
 * helpers field_errors_add / field_errors_get live in fields.c too.
 *
 * Not here: the rules of a particular record (validate_write.c,
 * validate_people.c), I/O.
 */
#ifndef ATLAS_FIELDS_H
#define ATLAS_FIELDS_H

#include "records.h"

#include <stdbool.h>
#include <stddef.h>

/* s, or "" when s is NULL (never NULL; no copy). */
const char *field_nz(const char *s);

/*
 * Check text field v (NULL counts as ""): valid UTF-8, no control
 * characters (multi_line allows newline, carriage return and tab), between
 * min and max code points. On failure adds one Dutch message for field to
 * e; what is the noun with article for the message ("Een naam", "Het doel").
 */
void field_check_text(struct field_errors *e, const char *field, const char *v, size_t min,
		      size_t max, bool multi_line, const char *what);

#endif
