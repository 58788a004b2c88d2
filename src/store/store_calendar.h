/*
 * store_calendar — the recorded algemeen-bestuur (AB) meeting dates at
 * which a collaboration adopts its begroting for a budget year (migration
 * 6, table ab_meeting). The Wgr calendar (pages/calendar.c) derives the
 * ontwerpbegroting and zienswijze deadlines from them
 * (domain/wgr_calendar.h).
 *
 * Writes run in one transaction with one audit event (entity
 * "ab_meeting", key "<collaboration key>/<budget year>") and bump the data
 * version. Validation (every invalid field is reported, Dutch messages,
 * field names as in the web form):
 *   begrotingsjaar  a whole number 2000..2100
 *   datum           a real date YYYY-MM-DD in the year before the budget
 *                   year or in the budget year itself
 * Nothing is written on any error.
 */
#ifndef ATLAS_STORE_CALENDAR_H
#define ATLAS_STORE_CALENDAR_H

#include "store.h"
#include "store_write.h"

struct ab_meeting {
	char collab_key[128];
	int budget_year;
	char date[11];
};

/* Validate a budget year (text, as entered) and a date; on success *year is
 * set. Returns STORE_OK or STORE_ERR_INVALID with errs filled. */
int store_ab_meeting_validate(const char *year_text, const char *date, int *year,
			      struct field_errors *errs);

/* Record (insert or replace) the AB date of collab_key for budget year
 * year_text. STORE_ERR_NOTFOUND for an unknown collaboration,
 * STORE_ERR_INVALID with errs on invalid input. */
int store_ab_meeting_set(struct store *s, const struct write_ctx *w, const char *collab_key,
			 const char *year_text, const char *date, struct field_errors *errs);

/* The recorded date (11 bytes) or STORE_ERR_NOTFOUND. */
int store_ab_meeting_get(struct store *s, const char *collab_key, int budget_year, char date[11]);

/* All recorded dates (collab_key NULL) or those of one collaboration, by
 * collaboration key and year; the array lives in arena a. */
int store_ab_meeting_list(struct store *s, struct arena *a, const char *collab_key,
			  struct ab_meeting **out, int *n);

#endif
