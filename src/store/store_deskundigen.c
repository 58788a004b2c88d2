/*
 * store_deskundigen — experts' listings; see store_deskundigen.h.
 */
#include "store_deskundigen.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "store_internal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

#define EXPERT_SELECT                                                                              \
	"SELECT x.id, x.user_id, CASE WHEN u.display_name = '' THEN u.username ELSE "              \
	"u.display_name END, x.org_code, x.expertise, x.keywords, x.contact, x.themes, "           \
	"x.consent_at, x.updated_at FROM expert_listing x JOIN app_user u ON u.id = x.user_id "

static const char *dup(struct arena *a, db_stmt *st, int i)
{
	return arena_strdup(a, store_col_text(st, i));
}

static void read_expert(db_stmt *st, struct arena *a, void *out)
{
	struct expert_row *x = out;
	x->id = db_column_int64(st, 0);
	x->user_id = db_column_int64(st, 1);
	x->name = dup(a, st, 2);
	x->org_code = dup(a, st, 3);
	x->expertise = dup(a, st, 4);
	x->keywords = dup(a, st, 5);
	x->contact = dup(a, st, 6);
	x->themes = dup(a, st, 7);
	x->consent_at = dup(a, st, 8);
	x->updated_at = dup(a, st, 9);
}

int store_experts(struct store *s, struct arena *a, const char *theme, struct expert_row **out,
		  int *n)
{
	*out = NULL;
	*n = 0;
	if (!s)
		return STORE_ERR;
	const char *like = str_empty(theme) ? NULL : arena_printf(a, "%%;%s;%%", theme);
	return store_list(s, a, EXPERT_SELECT,
			  like ? "WHERE u.disabled = 0 AND x.themes LIKE ?1 ORDER BY 3, x.id"
			       : "WHERE u.disabled = 0 ORDER BY 3, x.id",
			  like, sizeof **out, read_expert, (void **)out, n);
}

int store_expert_of_user(struct store *s, struct arena *a, int64_t user_id, struct expert_row *out)
{
	memset(out, 0, sizeof *out);
	if (!s)
		return STORE_ERR;
	db_stmt *st = store_stmt(s, EXPERT_SELECT "WHERE x.user_id = ?1");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, user_id);
	struct expert_row *rows;
	int n;
	if (store_collect(s, a, st, sizeof *rows, read_expert, (void **)&rows, &n))
		return STORE_ERR;
	if (!n)
		return STORE_ERR_NOTFOUND;
	*out = rows[0];
	return STORE_OK;
}

/* The audit event: the listing's id only (its text is personal data). */
static int audit(struct store *s, const struct write_ctx *w, const char *action, int64_t id)
{
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	return store_audit_write(s, store_ctx_actor(w), store_ctx_via(w), store_ctx_via(w), action,
				 "expert_listing", key, NULL, NULL);
}

/* Bind user_id and v as ?1..?6 to st (… RETURNING id), step it to the end;
 * *id_out the id returned (unchanged when none). The last step's code. */
static int step_values(db_stmt *st, int64_t user_id, const struct expert_values *v, int64_t *id_out)
{
	db_bind_int64(st, 1, user_id);
	db_bind_text(st, 2, v->org_code ? v->org_code : "", -1, DB_STATIC);
	db_bind_text(st, 3, v->expertise, -1, DB_STATIC);
	db_bind_text(st, 4, v->keywords ? v->keywords : "", -1, DB_STATIC);
	db_bind_text(st, 5, v->contact, -1, DB_STATIC);
	db_bind_text(st, 6, v->themes ? v->themes : "", -1, DB_STATIC);
	int rc = db_step(st);
	if (rc == DB_ROW)
		*id_out = db_column_int64(st, 0);
	while (rc == DB_ROW)
		rc = db_step(st);
	db_reset(st);
	return rc;
}

int store_expert_save(struct store *s, const struct write_ctx *w, int64_t user_id,
		      const struct expert_values *v, int64_t *id_out)
{
	*id_out = 0;
	if (!s)
		return STORE_ERR;
	if (store_tx_begin(s, "vermelding opslaan", NULL, 0))
		return STORE_ERR;
	db_stmt *st =
	    store_stmt(s, "UPDATE expert_listing SET org_code = ?2, expertise = ?3, keywords = ?4, "
			  "contact = ?5, themes = ?6, consent_at = " NOW ", updated_at = " NOW
			  " WHERE user_id = ?1 RETURNING id");
	if (!st)
		goto fail;
	int rc = step_values(st, user_id, v, id_out);
	if (rc != DB_DONE) {
		store_db_fail(s, "vermelding opslaan", NULL, 0);
		goto fail;
	}
	const char *action = "update";
	if (!*id_out) {
		action = "insert";
		st = store_stmt(s, "INSERT INTO expert_listing (user_id, org_code, expertise, "
				   "keywords, contact, themes, consent_at, created_at, updated_at) "
				   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, " NOW ", " NOW ", " NOW
				   ") RETURNING id");
		if (!st)
			goto fail;
		rc = step_values(st, user_id, v, id_out);
		if (rc != DB_DONE || !*id_out) {
			store_db_fail(s, "vermelding opslaan", NULL, 0);
			goto fail;
		}
	}
	if (audit(s, w, action, *id_out) || store_tx_commit(s, "vermelding opslaan", NULL, 0))
		goto fail;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	*id_out = 0;
	return STORE_ERR;
}

int store_expert_remove(struct store *s, const struct write_ctx *w, int64_t user_id)
{
	if (!s)
		return STORE_ERR;
	if (store_tx_begin(s, "vermelding verwijderen", NULL, 0))
		return STORE_ERR;
	db_stmt *st = store_stmt(s, "DELETE FROM expert_listing WHERE user_id = ?1 RETURNING id");
	if (!st)
		goto fail;
	db_bind_int64(st, 1, user_id);
	int64_t id = 0;
	int rc = db_step(st);
	if (rc == DB_ROW)
		id = db_column_int64(st, 0);
	while (rc == DB_ROW)
		rc = db_step(st);
	db_reset(st);
	if (rc != DB_DONE) {
		store_db_fail(s, "vermelding verwijderen", NULL, 0);
		goto fail;
	}
	if (!id) {
		store_tx_rollback(s);
		return STORE_ERR_NOTFOUND;
	}
	if (audit(s, w, "delete", id) || store_tx_commit(s, "vermelding verwijderen", NULL, 0))
		goto fail;
	return STORE_OK;
fail:
	store_tx_rollback(s);
	return STORE_ERR;
}
