/*
 * store_calendar — the dates of the AB meetings (budget calendar) of a
 * collaboration: read and record one per budget year, audited, on either
 * engine through the db.h driver; see store_calendar.h. Not here: the
 * calendar rules (io/wgr_rules.c), the pages.
 */
#include "store_calendar.h"
#include "store_internal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void add_err(struct field_errors *e, const char *field, const char *msg)
{
	if (!e || e->n >= FIELD_ERRORS_MAX)
		return;
	snprintf(e->e[e->n].field, sizeof e->e[e->n].field, "%s", field);
	snprintf(e->e[e->n].message, sizeof e->e[e->n].message, "%s", msg);
	e->n++;
}

/* A real civil date in strict YYYY-MM-DD form. */
static int real_date(const char *s, int *y, int *m, int *d)
{
	if (!s || strlen(s) != 10)
		return -1;
	for (int i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return -1;
		} else if (s[i] < '0' || s[i] > '9') {
			return -1;
		}
	}
	*y = atoi(s);
	*m = atoi(s + 5);
	*d = atoi(s + 8);
	static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (*m < 1 || *m > 12 || *d < 1 || *d > mdays[*m - 1])
		return -1;
	bool leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
	if (*m == 2 && *d == 29 && !leap)
		return -1;
	return 0;
}

int store_ab_meeting_validate(const char *year_text, const char *date, int *year,
			      struct field_errors *errs)
{
	int bad = 0;
	long yv = 0;
	bool year_ok = false;
	if (year_text && *year_text && strlen(year_text) <= 4) {
		char *end;
		yv = strtol(year_text, &end, 10);
		year_ok = *end == '\0' && year_text[0] >= '0' && year_text[0] <= '9' &&
			  yv >= 2000 && yv <= 2100;
	}
	if (!year_ok) {
		add_err(errs, "begrotingsjaar",
			"Vul een begrotingsjaar in van 2000 tot en met 2100.");
		bad = 1;
	}
	int y, m, d;
	if (!date || !*date) {
		add_err(errs, "datum", "Vul de datum van de vergadering in (JJJJ-MM-DD).");
		bad = 1;
	} else if (real_date(date, &y, &m, &d)) {
		add_err(errs, "datum", "Vul een bestaande datum in, als JJJJ-MM-DD.");
		bad = 1;
	} else if (year_ok && (y < yv - 1 || y > yv)) {
		add_err(
		    errs, "datum",
		    "De vergadering over de begroting valt in het begrotingsjaar of in het jaar "
		    "ervoor.");
		bad = 1;
	}
	if (bad)
		return STORE_ERR_INVALID;
	if (year)
		*year = (int)yv;
	return STORE_OK;
}

static int64_t collab_id(struct store *s, const char *key)
{
	db_stmt *st = store_stmt(s, "SELECT id FROM collaboration WHERE key = ?");
	if (!st)
		return -1;
	db_bind_text(st, 1, key, -1, DB_TRANSIENT);
	int64_t id = 0;
	int rc = db_step(st);
	if (rc == DB_ROW)
		id = db_column_int64(st, 0);
	else if (rc != DB_DONE)
		id = -1;
	db_reset(st);
	return id;
}

static char *image(const char *key, int year, const char *date)
{
	json_t *o = json_pack("{s:s, s:i, s:s}", "samenwerkingsverband", key, "begrotingsjaar",
			      year, "datum", date);
	char *t = o ? json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	json_decref(o);
	return t;
}

int store_ab_meeting_set(struct store *s, const struct write_ctx *w, const char *collab_key,
			 const char *year_text, const char *date, struct field_errors *errs)
{
	int year = 0;
	if (!collab_key)
		return STORE_ERR_NOTFOUND;
	if (store_ab_meeting_validate(year_text, date, &year, errs))
		return STORE_ERR_INVALID;
	if (store_write_begin(s))
		return STORE_ERR;
	int rc = STORE_ERR;
	char *before = NULL, *after = NULL;
	int64_t id = collab_id(s, collab_key);
	if (id < 0)
		goto out;
	if (id == 0) {
		rc = STORE_ERR_NOTFOUND;
		goto out;
	}
	char old[11] = "";
	if (store_ab_meeting_get(s, collab_key, year, old) == STORE_OK)
		before = image(collab_key, year, old);
	after = image(collab_key, year, date);
	db_stmt *st = store_stmt(s, "INSERT INTO ab_meeting (collaboration_id, budget_year, "
				    "date) VALUES (?, ?, ?) ON CONFLICT (collaboration_id, "
				    "budget_year) DO UPDATE SET date = excluded.date");
	if (!st)
		goto out;
	db_bind_int64(st, 1, id);
	db_bind_int(st, 2, year);
	db_bind_text(st, 3, date, -1, DB_TRANSIENT);
	int sr = db_step(st);
	db_reset(st);
	if (sr != DB_DONE) {
		store_db_fail(s, "AB-vergadering opslaan", NULL, 0);
		goto out;
	}
	char key[160];
	snprintf(key, sizeof key, "%s/%d", collab_key, year);
	if (store_write_finish(s, w, before ? "update" : "insert", "ab_meeting", key, before,
			       after))
		goto out;
	rc = STORE_OK;
out:
	if (rc != STORE_OK)
		store_tx_rollback(s);
	free(before);
	free(after);
	return rc;
}

int store_ab_meeting_get(struct store *s, const char *collab_key, int budget_year, char date[11])
{
	db_stmt *st = store_stmt(s, "SELECT a.date FROM ab_meeting a JOIN collaboration c ON "
				    "c.id = a.collaboration_id WHERE c.key = ? AND "
				    "a.budget_year = ?");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, collab_key, -1, DB_TRANSIENT);
	db_bind_int(st, 2, budget_year);
	int rc = db_step(st), out = STORE_ERR_NOTFOUND;
	if (rc == DB_ROW) {
		snprintf(date, 11, "%s", store_col_text(st, 0));
		out = STORE_OK;
	} else if (rc != DB_DONE) {
		out = store_db_fail(s, "AB-vergadering lezen", NULL, 0);
	}
	db_reset(st);
	return out;
}

int store_ab_meeting_list(struct store *s, struct arena *ar, const char *collab_key,
			  struct ab_meeting **out, int *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st =
	    store_stmt(s, "SELECT c.key, a.budget_year, a.date FROM ab_meeting a "
			  "JOIN collaboration c ON c.id = a.collaboration_id WHERE "
			  "CAST(?1 AS TEXT) IS NULL OR c.key = ?1 ORDER BY c.key, a.budget_year");
	if (!st)
		return STORE_ERR;
	if (collab_key)
		db_bind_text(st, 1, collab_key, -1, DB_TRANSIENT);
	int cap = 0, rc;
	while ((rc = db_step(st)) == DB_ROW) {
		*out = store_grow(ar, *out, *n, &cap, sizeof **out);
		struct ab_meeting *a = &(*out)[(*n)++];
		snprintf(a->collab_key, sizeof a->collab_key, "%s", store_col_text(st, 0));
		a->budget_year = db_column_int(st, 1);
		snprintf(a->date, sizeof a->date, "%s", store_col_text(st, 2));
	}
	db_reset(st);
	if (rc != DB_DONE) {
		*out = NULL;
		*n = 0;
		return store_db_fail(s, "AB-vergaderingen lezen", NULL, 0);
	}
	return STORE_OK;
}
