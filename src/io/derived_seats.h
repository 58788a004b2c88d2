/*
 * derived_seats (io) — loads the legal-composition rules
 * (data/wettelijke-samenstelling.csv: collaboration_key, body, office, law,
 * article, url; see domain/derived_seats.h) at startup with the seed CSV
 * reader and keeps them as the process-wide table the people sections and
 * the network read. Immutable after loading.
 */
#ifndef ATLAS_IO_DERIVED_SEATS_H
#define ATLAS_IO_DERIVED_SEATS_H

#include "../domain/derived_seats.h"

#include <stddef.h>

/* The default path of the rule table, relative to the working directory. */
#define DERIVED_RULES_DEFAULT "data/wettelijke-samenstelling.csv"

/* Read path (a .csv file) into *out (free with derived_rules_free). 0, or
 * -1 with a Dutch message "pad, regel N: reden" in err. */
int derived_rules_load(const char *path, struct legal_rules *out, char *err, size_t errlen);

void derived_rules_free(struct legal_rules *t);

/* Load path as the process-wide table (once, before serving). A missing
 * file is no error (no derived seats); a bad one is: -1, reason on
 * stderr. */
int derived_rules_init(const char *path);

/* Install t as the process-wide table (tests); the caller keeps t alive. */
void derived_rules_set(const struct legal_rules *t);

/* The process-wide table; n = 0 when none was loaded. */
const struct legal_rules *derived_rules_current(void);

#endif
