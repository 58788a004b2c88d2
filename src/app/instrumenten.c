/*
 * instrumenten — instrument requests' feature logic; see instrumenten.h.
 */
#include "instrumenten.h"
#include "../domain/amount.h"
#include "../lib/arena.h"
#include "../lib/buf.h"
#include "../lib/text.h"
#include "../store/store.h"
#include "accounts.h"
#include "outbox.h"
#include "policy.h"
#include "siteinfo.h"

#include <stdlib.h>
#include <string.h>

#define LIST_LIMIT 500

bool instrumenten_public(const struct instrument_row *r)
{
	return instrument_public(r->kind, r->granted);
}

int instrumenten_public_list(struct store *st, struct arena *a, struct instrument_row **out, int *n)
{
	return store_instruments(st, a, true, NULL, NULL, LIST_LIMIT, out, n);
}

int instrumenten_mine(struct store *st, struct arena *a, const struct user *u,
		      struct instrument_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (policy_is_province(u))
		return store_instruments(st, a, false, NULL, NULL, LIST_LIMIT, out, n);
	if (u && !u->disabled && u->role == USER_ROLE_EDITOR && *u->org_code)
		return store_instruments(st, a, false, u->org_code, NULL, LIST_LIMIT, out, n);
	return STORE_OK;
}

static bool visible(const struct user *u, const struct instrument_row *r)
{
	return policy_instrument_visible(u, instrumenten_public(r), r->org_code, r->parties,
					 r->n_parties);
}

static enum instr_outcome outcome(int rc)
{
	switch (rc) {
	case STORE_OK:
		return INS_OK;
	case STORE_ERR_NOTFOUND:
		return INS_NOTFOUND;
	case STORE_ERR_CONFLICT:
		return INS_CONFLICT;
	case STORE_ERR_INVALID:
		return INS_INVALID;
	default:
		return INS_FAILED;
	}
}

enum instr_outcome instrumenten_get(struct store *st, struct arena *a, const struct user *u,
				    int64_t id, struct instrument_row *out)
{
	int rc = store_instrument_get(st, a, id, out);
	if (rc)
		return outcome(rc);
	return visible(u, out) ? INS_OK : INS_NOTFOUND;
}

int instrumenten_for_collab(struct store *st, struct arena *a, const char *key,
			    struct instrument_row **out, int *n)
{
	return store_instruments(st, a, true, NULL, key, 50, out, n);
}

enum instr_outcome instrumenten_request(struct store *st, struct arena *a, const struct snapshot *s,
					const struct user *u, const char *via,
					const struct instrumenten_form *f, struct field_errors *e,
					int64_t *id)
{
	(void)a;
	*id = 0;
	const char *org = f->org_code && *f->org_code ? f->org_code : (u ? u->org_code : "");
	int oi = snapshot_find_org(s, org);
	if (oi < 0) {
		field_errors_add(e, "organisatie", "Kies de organisatie die de aanvraag doet.");
		return INS_INVALID;
	}
	if (!policy_may_request_instrument(u, s->orgs[oi].code))
		return INS_FORBIDDEN;
	int64_t cents;
	instrument_check(e, &f->in, &cents);
	if (f->n_parties > INSTRUMENT_PARTIES_MAX)
		field_errors_add(e, "partners", "Kies ten hoogste %d organisaties.",
				 INSTRUMENT_PARTIES_MAX);
	const char *parties[INSTRUMENT_PARTIES_MAX];
	int k = 0;
	for (int i = 0; i < f->n_parties && i < INSTRUMENT_PARTIES_MAX; i++) {
		int x = snapshot_find_org(s, f->parties[i]);
		if (x < 0)
			field_errors_add(e, "partners", "Organisatie „%.60s” bestaat niet.",
					 f->parties[i]);
		else
			parties[k++] = s->orgs[x].code;
	}
	if (e->n)
		return INS_INVALID;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	struct instrument_new in = {.kind = f->in.kind,
				    .org_code = s->orgs[oi].code,
				    .title = f->in.title,
				    .purpose = f->in.purpose,
				    .period_start = f->in.period_start,
				    .period_end = f->in.period_end,
				    .amount_asked = cents,
				    .requested_by = u->id,
				    .parties = parties,
				    .n_parties = k};
	return outcome(store_instrument_add(st, &w, &in, id));
}

/* The mail to the requester about request r's new status `to`, queued in
 * the caller's batch; STORE_OK when the requester has no address. */
static int queue_status_mail(struct store *st, struct arena *a, const struct write_ctx *w,
			     const struct snapshot *s, const struct instrument_row *r,
			     const char *to, const char *reason, int64_t granted)
{
	struct user req;
	if (store_user_get_by_id(st, r->requested_by, &req) != STORE_OK || str_empty(req.email) ||
	    req.disabled)
		return STORE_OK;
	int oi = snapshot_find_org(s, r->org_code);
	const char *org = oi >= 0 ? s->orgs[oi].name : r->org_code;
	const char *status =
	    instrument_label(instrument_status_labels, LABEL_COUNT(instrument_status_labels), to);
	const char *kind =
	    instrument_label(instrument_kind_labels, LABEL_COUNT(instrument_kind_labels), r->kind);
	struct buf body = BUF_INIT;
	const char *name = str_empty(req.display_name) ? req.username : req.display_name;
	buf_printf(&body,
		   "Beste %s,\n\nDe aanvraag „%s” (%s) van %s heeft een nieuwe status: %s.\n", name,
		   r->title, kind, org, status);
	if (granted > 0) {
		char amount[48];
		buf_printf(&body, "\nToegekend bedrag: € %s.\n",
			   amount_format_nl(granted, amount, sizeof amount, 0));
	}
	if (reason && *reason)
		buf_printf(&body, "\nToelichting van de provincie:\n%s\n", reason);
	buf_printf(&body,
		   "\nU vindt de aanvraag op %s/instrumenten/%lld\n\nDit bericht is automatisch "
		   "verstuurd door de Samenwerkingsatlas.\n",
		   siteinfo_public_url(), (long long)r->id);
	struct mail_message m = {
	    .to = req.email,
	    .to_name = name,
	    .subject = arena_printf(a, "Uw aanvraag „%s”: %s", r->title, status),
	    .body = arena_strdup(a, body.data ? body.data : ""),
	    .kind = "aanvraag-status",
	    .dedupe_key = arena_printf(a, "aanvraag-%lld-%s", (long long)r->id, to),
	};
	buf_free(&body);
	struct field_errors e = {0};
	int64_t mid;
	bool dup;
	return outbox_queue(st, w, &m, &mid, &dup, &e);
}

enum instr_outcome instrumenten_decide(struct store *st, struct arena *a, const struct snapshot *s,
				       const struct user *u, const char *via, int64_t id,
				       const char *to, const char *decision_date,
				       const char *amount, const char *reason,
				       struct field_errors *e)
{
	struct instrument_row r;
	enum instr_outcome o = instrumenten_get(st, a, u, id, &r);
	if (o != INS_OK)
		return o;
	if (!policy_may_decide_instrument(u))
		return INS_FORBIDDEN;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	int64_t cents;
	instrument_check_decision(e, r.kind, to, decision_date, reason, amount, today, &cents);
	if (e->n)
		return INS_INVALID;
	if (!instrument_transition(r.status, to))
		return INS_CONFLICT;
	const char *date = decision_date && *decision_date ? decision_date : today;
	/* the status and the mail that reports it commit together */
	if (store_batch_begin(st))
		return INS_FAILED;
	int rc = store_instrument_set_status(st, &w, id, r.status, to, date, cents, reason);
	if (rc == STORE_OK)
		rc = queue_status_mail(st, a, &w, s, &r, to, reason, cents);
	if (store_batch_end(st, rc == STORE_OK) != STORE_OK && rc == STORE_OK)
		rc = STORE_ERR;
	return outcome(rc);
}

enum instr_outcome instrumenten_link_collab(struct store *st, struct arena *a,
					    const struct snapshot *s, const struct user *u,
					    const char *via, int64_t id, const char *key,
					    struct field_errors *e)
{
	struct instrument_row r;
	enum instr_outcome o = instrumenten_get(st, a, u, id, &r);
	if (o != INS_OK)
		return o;
	if (!policy_may_decide_instrument(u))
		return INS_FORBIDDEN;
	const char *k = "";
	if (key && *key) {
		int ci = snapshot_find_collab(s, key);
		if (ci < 0) {
			field_errors_add(e, "samenwerkingsverband",
					 "Kies een samenwerkingsverband uit de atlas.");
			return INS_INVALID;
		}
		k = s->collabs[ci].key;
	}
	if (strcmp(r.kind, "stimulans") != 0) {
		field_errors_add(
		    e, "samenwerkingsverband",
		    "Alleen een stimuleringsbijdrage hoort bij een samenwerkingsverband.");
		return INS_INVALID;
	}
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	return outcome(store_instrument_set_collab(st, &w, id, k));
}

bool instrumenten_may_support(const struct user *u, const struct instrument_row *r)
{
	if (!u || u->disabled || u->role != USER_ROLE_EDITOR || !*u->org_code)
		return false;
	if (strcmp(r->kind, "lobby") != 0 || !instrumenten_public(r) ||
	    strcmp(r->status, "afgerond") == 0 || strcmp(u->org_code, r->org_code) == 0)
		return false;
	for (int i = 0; i < r->n_supporters; i++)
		if (strcmp(r->supporters[i], u->org_code) == 0)
			return false;
	return true;
}

enum instr_outcome instrumenten_support(struct store *st, struct arena *a, const struct snapshot *s,
					const struct user *u, const char *via, int64_t id)
{
	struct instrument_row r;
	enum instr_outcome o = instrumenten_get(st, a, u, id, &r);
	if (o != INS_OK)
		return o;
	if (!instrumenten_may_support(u, &r)) {
		for (int i = 0; u && i < r.n_supporters; i++)
			if (strcmp(r.supporters[i], u->org_code) == 0)
				return INS_CONFLICT;
		return INS_FORBIDDEN;
	}
	int oi = snapshot_find_org(s, u->org_code);
	if (oi < 0)
		return INS_FORBIDDEN;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	return outcome(store_instrument_support(st, &w, id, s->orgs[oi].code));
}
