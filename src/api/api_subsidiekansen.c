/*
 * api_subsidiekansen — funding calls through the API; see
 * api_subsidiekansen.h.
 */
#include "api_subsidiekansen.h"
#include "api_common.h"
#include "../app/outbox.h"
#include "../app/subsidiekansen.h"
#include "../domain/snapshot.h"
#include "../domain/validate.h"
#include "../lib/text.h"
#include "../render/json.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#define PATH API_BASE "/kennis/subsidiekansen"
#define INVALID "De invoer klopt niet. Er is niets opgeslagen."

static const char *etag_of(struct request *r, const struct funding_call_row *c)
{
	return arena_printf(r->arena, "\"sk%lld-v%lld\"", (long long)c->id, (long long)c->version);
}

static int outcome_or_respond(struct request *r, enum fc_outcome o, const struct field_errors *e)
{
	switch (o) {
	case FC_OK:
		return 0;
	case FC_INVALID:
		return api_invalid(r, e, INVALID);
	case FC_NOTFOUND:
		return respond_not_found(r);
	case FC_FORBIDDEN:
		return respond_error(r, 403, "Geen toegang", subsidiekansen_message(o), NULL);
	case FC_STALE:
		return respond_error(r, 412, "Versie verouderd", subsidiekansen_message(o), NULL);
	case FC_TWICE:
	case FC_NONE:
		return respond_error(r, 409, "Conflict", subsidiekansen_message(o), NULL);
	default:
		return api_store_down(r);
	}
}

static void themes_json(struct jw *w, const char *themes)
{
	char keys[FUNDING_THEMES_MAX * 2][81];
	int n = validate_split_domains(themes ? themes : "", keys, FUNDING_THEMES_MAX * 2);
	jw_key(w, "themas");
	jw_arr(w);
	for (int i = 0; i < n; i++)
		jw_str(w, keys[i]);
	jw_end(w);
}

static void call_json(struct request *r, struct jw *w, const struct funding_call_row *c,
		      const struct funding_view *v, const char *today)
{
	jw_obj(w);
	jw_kint(w, "id", c->id);
	jw_kstr(w, "programma", c->programme);
	jw_kstr(w, "programmaNaam",
		funding_label(funding_programme_labels, LABEL_COUNT(funding_programme_labels),
			      c->programme));
	jw_kstr(w, "titel", c->title);
	jw_kstr(w, "link", c->url);
	jw_kstr(w, "opent", *c->opens_on ? c->opens_on : NULL);
	jw_kstr(w, "deadline", c->deadline);
	jw_kstr(w, "status",
		funding_status_api(funding_status_on(c->opens_on, c->deadline, today)));
	themes_json(w, c->themes);
	jw_kstr(w, "wieKanAanvragen", *c->eligible ? c->eligible : NULL);
	jw_key(w, "budgetCenten");
	if (c->budget >= 0)
		jw_int(w, c->budget);
	else
		jw_null(w);
	jw_key(w, "cofinanciering");
	if (c->cofinancing >= 0)
		jw_int(w, c->cofinancing);
	else
		jw_null(w);
	jw_kstr(w, "omschrijving", *c->description ? c->description : NULL);
	jw_kstr(w, "statusNotitie", *c->status_note ? c->status_note : NULL);
	jw_kint(w, "versie", c->version);
	jw_kint(w, "interesseAantal", c->interests);
	if (v && v->may_mark) {
		jw_kbool(w, "interesseEigenOrganisatie", v->marked);
		jw_kbool(w, "herinneringEigenOrganisatie", v->marked && v->marked_remind);
	}
	if (v && v->see_interests) {
		jw_key(w, "interesse");
		jw_arr(w);
		for (int i = 0; i < v->n_interests; i++) {
			const struct funding_interest_row *x = &v->interests[i];
			int oi = snapshot_find_org(r->snap, x->org_code);
			jw_obj(w);
			jw_kstr(w, "organisatie", x->org_code);
			jw_kstr(w, "organisatieNaam",
				oi >= 0 ? r->snap->orgs[oi].name : x->org_code);
			jw_kstr(w, "gemeldDoor", *x->user ? x->user : NULL);
			jw_kstr(w, "toelichting", *x->note ? x->note : NULL);
			jw_kbool(w, "herinnering", x->remind);
			jw_kstr(w, "gemeldOp", x->created_at);
			jw_end(w);
		}
		jw_end(w);
		jw_key(w, "herinneringen");
		jw_arr(w);
		for (int i = 0; i < v->n_reminders; i++) {
			const struct funding_reminder_row *x = &v->reminders[i];
			jw_obj(w);
			jw_kstr(w, "organisatie", x->org_code);
			jw_kint(w, "dagenVoorDeadline", x->lead_days);
			jw_kstr(w, "deadline", x->deadline);
			jw_kstr(w, "inWachtrijOp", x->queued_at);
			jw_kstr(w, "status",
				*x->status ? outbox_status_word(x->status) : "ingetrokken");
			jw_kstr(w, "verzondenOp", *x->sent_at ? x->sent_at : NULL);
			jw_end(w);
		}
		jw_end(w);
	}
	jw_kstr(w, "aangemaaktOp", c->created_at);
	jw_kstr(w, "gewijzigdOp", c->updated_at);
	api_khref(w, "href", PATH "/", arena_printf(r->arena, "%lld", (long long)c->id), NULL);
	jw_end(w);
}

int api_subsidiekansen_list(struct request *r)
{
	struct field_errors e = {0};
	struct funding_filter f = {0};
	const char *theme = req_param(r, "thema");
	if (theme && *theme) {
		if (snapshot_find_domain(r->snap, theme) < 0)
			field_errors_add(&e, "thema",
					 "Dit thema bestaat niet; zie /api/v1/beleidsdomeinen.");
		f.theme = theme;
	}
	if (!funding_parse_window(req_param(r, "binnenDagen"), &f.within))
		field_errors_add(&e, "binnenDagen", "Geef een aantal dagen van 1 tot en met %d.",
				 FUNDING_WINDOW_MAX);
	const char *status = req_param(r, "status");
	if (status && *status) {
		if (label_from_api(funding_status_labels, LABEL_COUNT(funding_status_labels),
				   status) < 0)
			field_errors_add(&e, "status", "Kies open, komend of gesloten.");
		f.status = status;
	}
	if (e.n)
		return api_invalid(r, &e, "De filters kloppen niet.");
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	char today[11];
	today_iso(today);
	struct funding_call_row *rows;
	int n;
	if (subsidiekansen_list(s, r->arena, &f, today, &rows, &n) != FC_OK)
		return api_store_down(r);
	struct jw w;
	api_begin_private(r, &w);
	jw_obj(&w);
	api_links_self(&w, PATH);
	jw_kint(&w, "totaal", n);
	jw_key(&w, "subsidiekansen");
	jw_arr(&w);
	for (int i = 0; i < n; i++)
		call_json(r, &w, &rows[i], NULL, today);
	jw_end(&w);
	jw_end(&w);
	return 200;
}

/* Reply with call id as the reader sees it, with its ETag. */
static int reply_call(struct request *r, struct store *s, int64_t id, int status)
{
	struct funding_call_row c;
	int st = outcome_or_respond(r, subsidiekansen_get(s, r->arena, id, &c), NULL);
	if (st)
		return st;
	struct funding_view v;
	if (subsidiekansen_view(s, r->arena, r->snap, api_token_user(r), &c, &v) != FC_OK)
		return api_store_down(r);
	char today[11];
	today_iso(today);
	if (status == 201)
		req_header(r, "Location", arena_printf(r->arena, PATH "/%lld", (long long)id));
	req_header(r, "ETag", etag_of(r, &c));
	struct jw w;
	api_begin_private(r, &w);
	call_json(r, &w, &c, &v, today);
	return status;
}

int api_subsidiekans_show(struct request *r)
{
	int64_t id;
	if (!api_path_id(r, 0, &id))
		return respond_not_found(r);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	return reply_call(r, s, id, 200);
}

static const char *const KNOWN[] = {
    "programma",       "titel",	       "link",		 "opent",	 "deadline",	 "themas",
    "wieKanAanvragen", "budgetCenten", "cofinanciering", "omschrijving", "statusNotitie"};

/* An integer member (absent: keep *out; null: ""): as decimal text into
 * *out; cents as euros ("12,50") when euros. */
static void int_member(struct request *r, json_t *o, const char *key, bool euros, const char **out,
		       struct field_errors *e)
{
	json_t *x = json_object_get(o, key);
	if (!x)
		return;
	if (json_is_null(x)) {
		*out = "";
		return;
	}
	if (!json_is_integer(x)) {
		field_errors_add(e, key,
				 euros ? "Geef het budget als heel aantal eurocenten."
				       : "Geef een heel percentage.");
		return;
	}
	long long v = json_integer_value(x);
	if (euros) {
		long long a = v < 0 ? -v : v;
		*out = arena_printf(r->arena, "%s%lld,%02lld", v < 0 ? "-" : "", a / 100, a % 100);
	} else {
		*out = arena_printf(r->arena, "%lld", v);
	}
}

/* Optional string member: absent keeps *out, null clears it. */
static void str_member(json_t *o, const char *key, const char **out, struct field_errors *e)
{
	json_t *x = json_object_get(o, key);
	if (!x)
		return;
	if (json_is_null(x)) {
		*out = "";
		return;
	}
	const char *v = NULL;
	if (api_str_member(o, key, &v, e) && v)
		*out = v;
}

/* The members of body o over the values in f (PATCH: the stored call). */
static void read_body(struct request *r, json_t *o, struct funding_form *f, struct field_errors *e)
{
	str_member(o, "programma", &f->in.programme, e);
	str_member(o, "titel", &f->in.title, e);
	str_member(o, "link", &f->in.url, e);
	str_member(o, "opent", &f->in.opens_on, e);
	str_member(o, "deadline", &f->in.deadline, e);
	str_member(o, "wieKanAanvragen", &f->in.eligible, e);
	str_member(o, "omschrijving", &f->in.description, e);
	str_member(o, "statusNotitie", &f->in.status_note, e);
	int_member(r, o, "budgetCenten", true, &f->in.budget, e);
	int_member(r, o, "cofinanciering", false, &f->in.cofinancing, e);
	json_t *t = json_object_get(o, "themas");
	if (t) {
		const char *keys[FUNDING_THEMES_MAX];
		int n = api_str_array(o, "themas", keys, FUNDING_THEMES_MAX, e);
		if (n > FUNDING_THEMES_MAX) {
			field_errors_add(e, "themas", "Kies ten hoogste %d thema's.",
					 FUNDING_THEMES_MAX);
			n = 0;
		}
		struct buf b = BUF_INIT;
		for (int i = 0; i < n; i++) {
			/* a ';' would split one key into two: refuse it as unknown */
			buf_printf(&b, "%s%s", i ? ";" : "",
				   strchr(keys[i], ';') || !*keys[i] ? "?" : keys[i]);
		}
		f->themes = arena_strdup(r->arena, b.data ? b.data : "");
		buf_free(&b);
	}
	api_unknown_members(o, KNOWN, sizeof KNOWN / sizeof KNOWN[0], e);
}

int api_subsidiekans_create(struct request *r)
{
	json_t *o;
	int st = api_json_body_or_respond(r, &o);
	if (st)
		return st;
	struct field_errors e = {0};
	struct funding_form f = {0};
	read_body(r, o, &f, &e);
	if (e.n)
		return api_invalid(r, &e, INVALID);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int64_t id = 0;
	if ((st = outcome_or_respond(
		 r, subsidiekansen_create(s, r->arena, r->snap, r->user, "api", &f, &e, &id), &e)))
		return st;
	return reply_call(r, s, id, 201);
}

/* The version an If-Match header names for call id: 1 and *version, 0 when
 * it names another call or is not ours, -1 when missing. "*" is current. */
static int if_match(const struct request *r, int64_t id, int64_t current, int64_t *version)
{
	const char *h = r->if_match;
	if (!h)
		return -1;
	for (const char *p = h; *p;) {
		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		if (!*p)
			break;
		if (*p == '*') {
			*version = current;
			return 1;
		}
		const char *t = strncmp(p, "W/", 2) == 0 ? p + 2 : p;
		long long tid, tv;
		if (sscanf(t, "\"sk%lld-v%lld", &tid, &tv) == 2 && tid == id) {
			*version = tv;
			return 1;
		}
		p += strcspn(p, ",");
	}
	return 0;
}

int api_subsidiekans_patch(struct request *r)
{
	int64_t id;
	if (!api_path_id(r, 0, &id))
		return respond_not_found(r);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	struct funding_call_row c;
	int st = outcome_or_respond(r, subsidiekansen_get(s, r->arena, id, &c), NULL);
	if (st)
		return st;
	int64_t version = 0;
	int m = if_match(r, id, c.version, &version);
	if (m < 0)
		return respond_error(r, 428, "If-Match ontbreekt",
				     "Wijzigen kan alleen met de ETag van de versie die u hebt "
				     "opgehaald, in de header If-Match. Er is niets gewijzigd.",
				     NULL);
	if (m == 0 || version != c.version) {
		req_header(r, "ETag", etag_of(r, &c));
		return respond_error(r, 412, "Versie verouderd", subsidiekansen_message(FC_STALE),
				     NULL);
	}
	json_t *o;
	if ((st = api_json_body_or_respond(r, &o)))
		return st;
	struct field_errors e = {0};
	char cents[32] = "", pct[16] = "";
	if (c.budget >= 0)
		snprintf(cents, sizeof cents, "%lld,%02lld", (long long)(c.budget / 100),
			 (long long)(c.budget % 100));
	if (c.cofinancing >= 0)
		snprintf(pct, sizeof pct, "%d", c.cofinancing);
	struct funding_form f = {.in = {.programme = c.programme,
					.title = c.title,
					.url = c.url,
					.opens_on = c.opens_on,
					.deadline = c.deadline,
					.eligible = c.eligible,
					.budget = cents,
					.cofinancing = pct,
					.description = c.description,
					.status_note = c.status_note},
				 .themes = c.themes};
	read_body(r, o, &f, &e);
	if (e.n)
		return api_invalid(r, &e, INVALID);
	if ((st = outcome_or_respond(
		 r,
		 subsidiekansen_update(s, r->arena, r->snap, r->user, "api", id, version, &f, &e),
		 &e)))
		return st;
	return reply_call(r, s, id, 200);
}

int api_subsidiekans_interest(struct request *r)
{
	int64_t id;
	if (!api_path_id(r, 0, &id))
		return respond_not_found(r);
	struct field_errors e = {0};
	const char *note = NULL;
	bool remind = true;
	if (r->body_len > 0) {
		json_t *o;
		int st = api_json_body_or_respond(r, &o);
		if (st)
			return st;
		api_str_member(o, "toelichting", &note, &e);
		json_t *h = json_object_get(o, "herinnering");
		if (h && json_is_boolean(h))
			remind = json_is_true(h);
		else if (h)
			field_errors_add(&e, "herinnering", "Geef true of false.");
		static const char *const known[] = {"toelichting", "herinnering"};
		api_unknown_members(o, known, 2, &e);
		if (e.n)
			return api_invalid(r, &e, INVALID);
	}
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int st = outcome_or_respond(
	    r, subsidiekansen_mark(s, r->arena, r->snap, r->user, "api", id, note, remind, &e), &e);
	if (st)
		return st;
	return reply_call(r, s, id, 201);
}

int api_subsidiekans_withdraw(struct request *r)
{
	int64_t id;
	if (!api_path_id(r, 0, &id))
		return respond_not_found(r);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int st = outcome_or_respond(
	    r, subsidiekansen_withdraw(s, r->arena, r->snap, r->user, "api", id), NULL);
	if (st)
		return st;
	r->cache_control = "no-store";
	r->etag = NULL;
	return 204;
}
