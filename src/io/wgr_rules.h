/*
 * wgr_rules — loads the Wgr planning & control rule table
 * (data/wgr-pc-rules.csv, see docs/wgr-calendar.md) at startup with the
 * seed CSV reader, checks every row with domain/wgr_calendar.c, and keeps
 * the result as the process-wide table that the calendar pages read. The
 * table is immutable after loading; it is not reloaded while serving.
 */
#ifndef ATLAS_WGR_RULES_H
#define ATLAS_WGR_RULES_H

#include "../domain/wgr_calendar.h"

#include <stddef.h>

/* The default path of the rule table, relative to the working directory. */
#define WGR_RULES_DEFAULT "data/wgr-pc-rules.csv"

/*
 * Read path (must end in ".csv") into *out (free with wgr_rules_free).
 * Returns 0, or -1 with a Dutch message "pad, regel N: reden" in err.
 */
int wgr_rules_load(const char *path, struct wgr_rules *out, char *err, size_t errlen);

/* Free the rows of a table loaded by wgr_rules_load. */
void wgr_rules_free(struct wgr_rules *t);

/*
 * Load path as the process-wide table (call once, before serving).
 * Returns 0 or -1 with the reason on stderr.
 */
int wgr_rules_init(const char *path);

/* The process-wide table; an empty table (n = 0) when none was loaded. */
const struct wgr_rules *wgr_rules_current(void);

#endif
