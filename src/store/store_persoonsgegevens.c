/*
 * store_persoonsgegevens — personal data by e-mail address and its erasure
 * on either engine; see store_persoonsgegevens.h.
 */
#include "store_persoonsgegevens.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "store_internal.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

/* What every erasure of a registration clears: who it was. The event, the
 * status and the dates stay, so places, the waiting list and attendance
 * still count. */
#define REG_ERASE "email = NULL, name = '', show_name = 0, updated_at = " NOW

static const char *dup(struct arena *a, db_stmt *st, int i)
{
	return arena_strdup(a, store_col_text(st, i));
}

/* The address in lower case (in arena a); addresses are stored so. */
static const char *lowered(struct arena *a, const char *email)
{
	char *l = arena_strdup(a, email ? email : "");
	for (char *p = l; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return l;
}

/* Run st (an UPDATE or DELETE … RETURNING id) to the end; *n the rows. */
static int count_rows(struct store *s, db_stmt *st, const char *what, int *n)
{
	int rc;
	*n = 0;
	while ((rc = db_step(st)) == DB_ROW)
		(*n)++;
	db_reset(st);
	return rc == DB_DONE ? STORE_OK : store_db_fail(s, what, NULL, 0);
}

/* One audit event with counts (never an address). */
static int audit_counts(struct store *s, const struct write_ctx *w, const char *entity,
			const char *key, const char *k1, int v1, const char *k2, int v2,
			const char *k3, int v3)
{
	json_t *o = json_object();
	json_object_set_new(o, k1, json_integer(v1));
	if (k2)
		json_object_set_new(o, k2, json_integer(v2));
	if (k3)
		json_object_set_new(o, k3, json_integer(v3));
	char *after = store_json_text(o);
	int rc = store_audit_write(s, store_ctx_actor(w), store_ctx_via(w), store_ctx_via(w),
				   "erase", entity, key, NULL, after);
	free(after);
	return rc;
}

/* ---- reading ---------------------------------------------------------------------- */

#define PREG_SELECT                                                                                \
	"SELECT r.id, r.event_id, e.title, e.starts_at, e.ends_at, r.name, COALESCE(r.email, "     \
	"''), "                                                                                    \
	"r.organisation, r.status, r.created_at, r.show_name, r.user_id "                          \
	"FROM event_registration r JOIN event e ON e.id = r.event_id "

static void read_preg(db_stmt *st, struct arena *a, void *out)
{
	struct personal_registration *r = out;
	r->id = db_column_int64(st, 0);
	r->event_id = db_column_int64(st, 1);
	r->event_title = dup(a, st, 2);
	r->starts_at = dup(a, st, 3);
	r->ends_at = dup(a, st, 4);
	r->name = dup(a, st, 5);
	r->email = dup(a, st, 6);
	r->organisation = dup(a, st, 7);
	r->status = dup(a, st, 8);
	r->created_at = dup(a, st, 9);
	r->show_name = db_column_int(st, 10) != 0;
	r->account = db_column_int64(st, 11) != 0;
}

int store_personal_registrations(struct store *s, struct arena *a, const char *email,
				 struct personal_registration **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!s)
		return STORE_ERR;
	if (str_empty(email))
		return STORE_OK;
	return store_list(s, a, PREG_SELECT,
			  "WHERE lower(r.email) = ?1 ORDER BY e.starts_at DESC, r.id",
			  lowered(a, email), sizeof **out, read_preg, (void **)out, n);
}

static void read_pcorr(db_stmt *st, struct arena *a, void *out)
{
	struct personal_correction *c = out;
	c->id = db_column_int64(st, 0);
	c->entity = dup(a, st, 1);
	c->entity_key = dup(a, st, 2);
	c->field = dup(a, st, 3);
	c->status = dup(a, st, 4);
	c->created_at = dup(a, st, 5);
}

static void read_pmail(db_stmt *st, struct arena *a, void *out)
{
	struct personal_mail *m = out;
	m->id = db_column_int64(st, 0);
	m->kind = dup(a, st, 1);
	m->subject = dup(a, st, 2);
	m->status = dup(a, st, 3);
	m->created_at = dup(a, st, 4);
	m->sent_at = dup(a, st, 5);
	m->pruned = db_column_int(st, 6) != 0;
}

int store_personal_data_find(struct store *s, struct arena *a, const char *email,
			     struct personal_data *out)
{
	memset(out, 0, sizeof *out);
	if (!s)
		return STORE_ERR;
	if (str_empty(email))
		return STORE_OK;
	const char *l = lowered(a, email);
	if (store_personal_registrations(s, a, l, &out->registrations, &out->n_registrations) ||
	    store_list(
		s, a, "SELECT id, entity, entity_key, field, status, created_at FROM correction ",
		"WHERE email <> '' AND lower(email) = ?1 ORDER BY id", l, sizeof *out->corrections,
		read_pcorr, (void **)&out->corrections, &out->n_corrections) ||
	    store_list(s, a,
		       "SELECT id, kind, subject, status, created_at, sent_at, pruned FROM outbox ",
		       "WHERE lower(to_address) = ?1 ORDER BY id", l, sizeof *out->mail, read_pmail,
		       (void **)&out->mail, &out->n_mail))
		return STORE_ERR;
	db_stmt *st =
	    store_stmt(s, "SELECT count(*) FROM expert_listing WHERE user_id IN "
			  "(SELECT id FROM app_user WHERE email <> '' AND lower(email) = ?1)");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, l, -1, DB_STATIC);
	int rc = db_step(st);
	if (rc == DB_ROW)
		out->n_listings = db_column_int(st, 0);
	db_reset(st);
	return rc == DB_ROW ? STORE_OK : store_db_fail(s, "vermeldingen tellen", NULL, 0);
}

/* ---- erasing ---------------------------------------------------------------------- */

/* Delete the experts' listings of accounts with address l; *n deleted. */
static int listings_erase_in(struct store *s, const char *l, int *n)
{
	db_stmt *st =
	    store_stmt(s, "DELETE FROM expert_listing WHERE user_id IN (SELECT id FROM "
			  "app_user WHERE email <> '' AND lower(email) = ?1) RETURNING id");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, l, -1, DB_STATIC);
	return count_rows(s, st, "vermeldingen verwijderen", n);
}

/* Erase the registrations under l (lower case); *n erased. */
static int registrations_erase_in(struct store *s, const char *l, int *n)
{
	db_stmt *st = store_stmt(s, "UPDATE event_registration SET " REG_ERASE
				    ", organisation = '', confirm_digest = NULL, client_key = '' "
				    "WHERE lower(email) = ?1 RETURNING id");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, l, -1, DB_STATIC);
	return count_rows(s, st, "aanmeldingen wissen", n);
}

int store_personal_registrations_erase_in(struct store *s, const char *email, int *n)
{
	*n = 0;
	if (str_empty(email))
		return STORE_OK;
	struct arena *a = arena_new();
	const char *l = lowered(a, email);
	int listings = 0;
	int rc = registrations_erase_in(s, l, n);
	if (rc == STORE_OK)
		rc = listings_erase_in(s, l, &listings);
	arena_free(a);
	return rc;
}

int store_personal_data_erase(struct store *s, const struct write_ctx *w, const char *email,
			      struct personal_erased *out)
{
	memset(out, 0, sizeof *out);
	if (!s || str_empty(email))
		return STORE_ERR_INVALID;
	struct arena *a = arena_new();
	const char *l = lowered(a, email);
	int withdrawn = 0, scrubbed = 0;
	if (store_tx_begin(s, "persoonsgegevens wissen", NULL, 0))
		goto fail;
	if (registrations_erase_in(s, l, &out->registrations) ||
	    listings_erase_in(s, l, &out->listings))
		goto fail;
	db_stmt *st = store_stmt(s, "UPDATE correction SET email = '' WHERE email <> '' AND "
				    "lower(email) = ?1 RETURNING id");
	if (!st)
		goto fail;
	db_bind_text(st, 1, l, -1, DB_STATIC);
	if (count_rows(s, st, "correctiemeldingen wissen", &out->corrections))
		goto fail;
	st = store_stmt(s, "DELETE FROM outbox WHERE status = 'queued' AND lower(to_address) = ?1 "
			   "RETURNING id");
	if (!st)
		goto fail;
	db_bind_text(st, 1, l, -1, DB_STATIC);
	if (count_rows(s, st, "berichten intrekken", &withdrawn))
		goto fail;
	st = store_stmt(s, "UPDATE outbox SET to_address = '', to_name = '', body = '', pruned = 1 "
			   "WHERE lower(to_address) = ?1 RETURNING id");
	if (!st)
		goto fail;
	db_bind_text(st, 1, l, -1, DB_STATIC);
	if (count_rows(s, st, "berichten wissen", &scrubbed))
		goto fail;
	out->mail = withdrawn + scrubbed;
	if (audit_counts(s, w, "persoonsgegevens", "verzoek", "aanmeldingen", out->registrations,
			 "correctiemeldingen", out->corrections, "berichten", out->mail) ||
	    (out->listings && audit_counts(s, w, "expert_listing", "verzoek", "verwijderd",
					   out->listings, NULL, 0, NULL, 0)) ||
	    store_tx_commit(s, "persoonsgegevens wissen", NULL, 0))
		goto fail;
	arena_free(a);
	return STORE_OK;
fail:
	store_tx_rollback(s);
	arena_free(a);
	memset(out, 0, sizeof *out);
	return STORE_ERR;
}

int store_registration_erase(struct store *s, const struct write_ctx *w, int64_t id)
{
	if (!s)
		return STORE_ERR;
	if (store_tx_begin(s, "aanmelding wissen", NULL, 0))
		return STORE_ERR;
	db_stmt *st = store_stmt(s, "UPDATE event_registration SET " REG_ERASE
				    " WHERE id = ?1 AND name <> '' RETURNING id");
	if (!st)
		goto fail;
	db_bind_int64(st, 1, id);
	int n = 0;
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	if (count_rows(s, st, "aanmelding wissen", &n) ||
	    (n && audit_counts(s, w, "event_registration", key, "gewist", n, NULL, 0, NULL, 0)) ||
	    store_tx_commit(s, "aanmelding wissen", NULL, 0))
		goto fail;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	return STORE_ERR;
}

int store_registrations_sweep(struct store *s, const struct write_ctx *w, const char *ended_before,
			      const char *expired_before, int *erased, int *removed)
{
	*erased = *removed = 0;
	if (!s || str_empty(ended_before) || str_empty(expired_before))
		return STORE_ERR_INVALID;
	if (store_tx_begin(s, "bewaartermijn aanmeldingen", NULL, 0))
		return STORE_ERR;
	db_stmt *st = store_stmt(
	    s, "UPDATE event_registration SET " REG_ERASE ", confirm_digest = NULL, "
	       "cancel_digest = NULL, client_key = '' WHERE (name <> '' OR email IS NOT NULL OR "
	       "confirm_digest IS NOT NULL OR cancel_digest IS NOT NULL OR client_key <> '') AND "
	       "event_id IN (SELECT id FROM event WHERE ends_at < ?1) RETURNING id");
	if (!st)
		goto fail;
	db_bind_text(st, 1, ended_before, -1, DB_STATIC);
	if (count_rows(s, st, "aanmeldingen wissen", erased))
		goto fail;
	st = store_stmt(s, "DELETE FROM event_registration WHERE status = 'onbevestigd' AND "
			   "confirm_until <> '' AND confirm_until < ?1 RETURNING id");
	if (!st)
		goto fail;
	db_bind_text(st, 1, expired_before, -1, DB_STATIC);
	if (count_rows(s, st, "onbevestigde aanmeldingen verwijderen", removed))
		goto fail;
	int cleared = 0;
	st = store_stmt(s, "UPDATE event_registration SET client_key = '' WHERE client_key <> '' "
			   "AND created_at < ?1 RETURNING id");
	if (!st)
		goto fail;
	db_bind_text(st, 1, expired_before, -1, DB_STATIC);
	if (count_rows(s, st, "adresvingerafdrukken wissen", &cleared))
		goto fail;
	if ((*erased || *removed) &&
	    audit_counts(s, w, "event_registration", "bewaartermijn", "gewist", *erased,
			 "verwijderd", *removed, NULL, 0))
		goto fail;
	if (store_tx_commit(s, "bewaartermijn aanmeldingen", NULL, 0))
		goto fail;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	*erased = *removed = 0;
	return STORE_ERR;
}
