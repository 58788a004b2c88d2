/*
 * api_instrumenten — instrument requests through the API; see
 * api_instrumenten.h. Same rules and outcomes as the pages.
 */
#include "api_instrumenten.h"
#include "api_common.h"
#include "../app/instrumenten.h"
#include "../app/policy.h"
#include "../app/readmodel.h"
#include "../lib/text.h"
#include "../render/json.h"

#include <jansson.h>
#include <string.h>

static int outcome_or_respond(struct request *r, enum instr_outcome o, const struct field_errors *e)
{
	switch (o) {
	case INS_OK:
		return 0;
	case INS_INVALID:
		return api_invalid(r, e, "De invoer klopt niet. Er is niets opgeslagen.");
	case INS_NOTFOUND:
		return respond_not_found(r);
	case INS_FORBIDDEN:
		return respond_error(r, 403, "Geen toegang", "Dit mag u bij deze aanvraag niet.",
				     NULL);
	case INS_CONFLICT:
		return respond_error(r, 409, "Conflict",
				     "De aanvraag had die status al, is intussen gewijzigd, of uw "
				     "organisatie steunt haar al.",
				     NULL);
	default:
		return api_store_down(r);
	}
}

static void orgs_json(struct jw *w, const char *const *codes, int n)
{
	jw_arr(w);
	for (int i = 0; i < n; i++)
		jw_str(w, codes[i]);
	jw_end(w);
}

static void amount_json(struct jw *w, const char *key, int64_t cents)
{
	if (cents < 0) {
		jw_key(w, key);
		jw_null(w);
	} else {
		jw_key(w, key);
		jw_num(w, (double)cents / 100.0);
	}
}

static void row_json(struct jw *w, const struct instrument_row *x)
{
	jw_obj(w);
	jw_kint(w, "id", x->id);
	jw_kstr(w, "soort", x->kind);
	jw_kstr(w, "titel", x->title);
	jw_kstr(w, "doel", *x->purpose ? x->purpose : NULL);
	jw_kstr(w, "organisatie", x->org_code);
	jw_key(w, "betrokkenOrganisaties");
	orgs_json(w, x->parties, x->n_parties);
	jw_kstr(w, "status", x->status);
	jw_kbool(w, "openbaar", instrumenten_public(x));
	amount_json(w, "bedragGevraagd", x->amount_asked);
	amount_json(w, "bedragToegekend", x->amount_granted);
	jw_kstr(w, "periodeVan", *x->period_start ? x->period_start : NULL);
	jw_kstr(w, "periodeTot", *x->period_end ? x->period_end : NULL);
	jw_kstr(w, "besluitdatum", *x->decision_date ? x->decision_date : NULL);
	jw_kstr(w, "reden", *x->reason ? x->reason : NULL);
	jw_kstr(w, "samenwerkingsverband", *x->collab_key ? x->collab_key : NULL);
	jw_key(w, "gesteundDoor");
	orgs_json(w, x->supporters, x->n_supporters);
	jw_kstr(w, "ingediendOp", x->created_at);
	char href[64];
	snprintf(href, sizeof href, API_BASE "/instrumenten/%lld", (long long)x->id);
	jw_kstr(w, "href", href);
	jw_end(w);
}

/* A JSON number of euros as the Dutch amount text the rules parse
 * ("25000,50"), in the request's arena. */
static const char *euros_text(struct request *r, json_t *v)
{
	char *t = arena_printf(r->arena, "%.2f", json_number_value(v));
	char *dot = strchr(t, '.');
	if (dot)
		*dot = ',';
	return t;
}

int api_instrumenten_list(struct request *r)
{
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	struct instrument_row *pub, *mine = NULL;
	int np, nm = 0;
	const struct user *u = api_token_user(r);
	if (instrumenten_public_list(s, r->arena, &pub, &np) ||
	    (u && instrumenten_mine(s, r->arena, u, &mine, &nm)))
		return api_store_down(r);
	r->cache_control = "no-store";
	struct jw w;
	api_begin(r, &w);
	r->etag = NULL;
	jw_obj(&w);
	api_links_self(&w, API_BASE "/instrumenten");
	jw_kint(&w, "totaal", np);
	jw_key(&w, "instrumenten");
	jw_arr(&w);
	for (int i = 0; i < np; i++)
		row_json(&w, &pub[i]);
	jw_end(&w);
	if (u) {
		jw_key(&w, "aanvragen");
		jw_arr(&w);
		for (int i = 0; i < nm; i++)
			row_json(&w, &mine[i]);
		jw_end(&w);
	}
	jw_end(&w);
	return 200;
}

/* 200 with request id as the reader sees it. */
static int reply_row(struct request *r, struct store *s, int64_t id, int status)
{
	struct instrument_row x;
	int st =
	    outcome_or_respond(r, instrumenten_get(s, r->arena, api_token_user(r), id, &x), NULL);
	if (st)
		return st;
	r->cache_control = "no-store";
	struct jw w;
	api_begin(r, &w);
	r->etag = NULL;
	row_json(&w, &x);
	return status;
}

int api_instrument_show(struct request *r)
{
	int64_t id;
	if (!api_path_id(r, 0, &id))
		return respond_not_found(r);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	return reply_row(r, s, id, 200);
}

int api_instrument_create(struct request *r)
{
	json_t *o;
	int st = api_json_body_or_respond(r, &o);
	if (st)
		return st;
	struct field_errors e = {0};
	const char *parties[INSTRUMENT_PARTIES_MAX + 1];
	struct instrumenten_form f = {.parties = parties};
	api_str_member(o, "organisatie", &f.org_code, &e);
	api_str_member(o, "soort", &f.in.kind, &e);
	api_str_member(o, "titel", &f.in.title, &e);
	api_str_member(o, "doel", &f.in.purpose, &e);
	api_str_member(o, "periodeVan", &f.in.period_start, &e);
	api_str_member(o, "periodeTot", &f.in.period_end, &e);
	json_t *amount = json_object_get(o, "bedragGevraagd");
	if (amount && json_is_number(amount))
		f.in.amount = euros_text(r, amount);
	else if (amount && !json_is_null(amount))
		field_errors_add(&e, "bedragGevraagd", "Geef het bedrag in euro als getal.");
	f.n_parties =
	    api_str_array(o, "betrokkenOrganisaties", parties, INSTRUMENT_PARTIES_MAX + 1, &e);
	static const char *const known[] = {
	    "organisatie", "soort",	 "titel",	   "doel",
	    "periodeVan",  "periodeTot", "bedragGevraagd", "betrokkenOrganisaties"};
	api_unknown_members(o, known, sizeof known / sizeof known[0], &e);
	if (e.n)
		return api_invalid(r, &e, "De invoer klopt niet. Er is niets opgeslagen.");
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int64_t id;
	enum instr_outcome out =
	    instrumenten_request(s, r->arena, r->snap, r->user, "api", &f, &e, &id);
	/* the form's field "bedrag" is the API's "bedragGevraagd" */
	for (int i = 0; i < e.n; i++)
		if (strcmp(e.e[i].field, "bedrag") == 0)
			snprintf(e.e[i].field, sizeof e.e[i].field, "bedragGevraagd");
	if ((st = outcome_or_respond(r, out, &e)))
		return st;
	req_header(r, "Location",
		   arena_printf(r->arena, API_BASE "/instrumenten/%lld", (long long)id));
	return reply_row(r, s, id, 201);
}

int api_instrument_patch(struct request *r)
{
	int64_t id;
	if (!api_path_id(r, 0, &id))
		return respond_not_found(r);
	json_t *o;
	int st = api_json_body_or_respond(r, &o);
	if (st)
		return st;
	struct field_errors e = {0};
	const char *status = NULL, *date = NULL, *reason = NULL, *collab = NULL, *amount = NULL;
	api_str_member(o, "status", &status, &e);
	api_str_member(o, "besluitdatum", &date, &e);
	api_str_member(o, "reden", &reason, &e);
	api_str_member(o, "samenwerkingsverband", &collab, &e);
	json_t *a = json_object_get(o, "bedragToegekend");
	if (a && json_is_number(a))
		amount = euros_text(r, a);
	else if (a && !json_is_null(a))
		field_errors_add(&e, "bedragToegekend", "Geef het bedrag in euro als getal.");
	static const char *const known[] = {"status", "besluitdatum", "reden",
					    "samenwerkingsverband", "bedragToegekend"};
	api_unknown_members(o, known, sizeof known / sizeof known[0], &e);
	bool link = json_object_get(o, "samenwerkingsverband") != NULL;
	if (!e.n && !status && !link)
		field_errors_add(&e, "status",
				 "Geef een nieuwe status of een samenwerkingsverband.");
	if (e.n)
		return api_invalid(r, &e, "De invoer klopt niet. Er is niets opgeslagen.");
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	if (status) {
		enum instr_outcome out = instrumenten_decide(s, r->arena, r->snap, r->user, "api",
							     id, status, date, amount, reason, &e);
		if ((st = outcome_or_respond(r, out, &e)))
			return st;
	}
	if (link) {
		enum instr_outcome out = instrumenten_link_collab(
		    s, r->arena, r->snap, r->user, "api", id, collab ? collab : "", &e);
		if ((st = outcome_or_respond(r, out, &e)))
			return st;
	}
	app_after_write();
	return reply_row(r, s, id, 200);
}

int api_instrument_support(struct request *r)
{
	int64_t id;
	if (!api_path_id(r, 0, &id))
		return respond_not_found(r);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int st = outcome_or_respond(
	    r, instrumenten_support(s, r->arena, r->snap, r->user, "api", id), NULL);
	if (st)
		return st;
	return reply_row(r, s, id, 200);
}
