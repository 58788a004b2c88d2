/*
 * api_corrections — "Meld wat niet klopt" through the API; see
 * api_corrections.h. The rules are app/corrections.h: the same fields,
 * validation, size caps and rate limits as the web form.
 */
#include "api_corrections.h"
#include "api_common.h"
#include "../app/corrections.h"
#include "../app/policy.h"
#include "../app/readmodel.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/json.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

const struct param_spec api_corrections_list_params[] = {{"status", PT_TEXT, 20}, {NULL, 0, 0}};

/* The object words of the API. */
static const char *object_word(const char *entity)
{
	if (strcmp(entity, "organisation") == 0)
		return "organisatie";
	if (strcmp(entity, "participation") == 0)
		return "deelname";
	return "samenwerkingsverband";
}

static const char *status_word(const char *status)
{
	if (strcmp(status, "accepted") == 0)
		return "overgenomen";
	if (strcmp(status, "rejected") == 0)
		return "afgewezen";
	return "open";
}

/* One proposal as JSON: never the e-mail address or the client key. */
static void write_row(struct jw *w, const struct correction_row *c)
{
	jw_obj(w);
	jw_kint(w, "id", c->id);
	jw_kstr(w, "object", object_word(c->entity));
	jw_kstr(w, "sleutel", c->entity_key);
	jw_kstr(w, "veld", c->field);
	jw_kstr(w, "huidigeWaarde", c->current_value);
	jw_kstr(w, "voorgesteldeWaarde", c->proposed_value);
	jw_kstr(w, "bron", *c->source_url ? c->source_url : NULL);
	jw_kstr(w, "toelichting", *c->comment ? c->comment : NULL);
	jw_kbool(w, "anoniem", c->user_id == 0);
	jw_kstr(w, "status", status_word(c->status));
	jw_kstr(w, "reden", *c->reason ? c->reason : NULL);
	jw_kstr(w, "gemeldOp", c->created_at);
	jw_kstr(w, "behandeldOp", *c->handled_at ? c->handled_at : NULL);
	jw_end(w);
}

int api_corrections_create(struct request *r)
{
	json_t *o;
	int st = api_json_body_or_respond(r, &o);
	if (st)
		return st;
	struct field_errors e = {0};
	const char *object, *key, *part, *field, *value, *source, *comment, *email;
	api_str_member(o, "object", &object, &e);
	api_str_member(o, "sleutel", &key, &e);
	api_str_member(o, "veld", &field, &e);
	api_str_member(o, "waarde", &value, &e);
	api_str_member(o, "bron", &source, &e);
	api_str_member(o, "toelichting", &comment, &e);
	api_str_member(o, "email", &email, &e);
	part = NULL;
	json_t *dv = json_object_get(o, "deelname");
	if (dv && json_is_integer(dv))
		part = arena_printf(r->arena, "%lld", (long long)json_integer_value(dv));
	else if (dv && !json_is_null(dv))
		field_errors_add(&e, "deelname", "Geef het nummer van de deelname (een getal).");
	const char *known[] = {"object", "sleutel", "deelname",	   "veld",
			       "waarde", "bron",    "toelichting", "email"};
	api_unknown_members(o, known, sizeof known / sizeof known[0], &e);
	if (e.n)
		return api_invalid(r, &e, "De invoer klopt niet. Er is niets opgeslagen.");

	struct corr_target t;
	bool found = false;
	object = object ? object : "";
	if (strcmp(object, "samenwerkingsverband") == 0)
		found = corrections_target_collab(r->snap, key, &t);
	else if (strcmp(object, "organisatie") == 0)
		found = corrections_target_org(r->snap, key, &t);
	else if (strcmp(object, "deelname") == 0)
		found = part && corrections_target_part(r->snap, key, part, &t);
	else {
		field_errors_add(&e, "object",
				 "Kies samenwerkingsverband, organisatie of deelname.");
		return api_invalid(r, &e, "De invoer klopt niet. Er is niets opgeslagen.");
	}
	if (!found) {
		field_errors_add(&e, "sleutel", "Dit gegeven bestaat niet in de atlas.");
		return api_invalid(r, &e, "De invoer klopt niet. Er is niets opgeslagen.");
	}

	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	/* a web session does not count here: only a personal API token */
	const struct user *u = r->via_token ? r->user : NULL;
	const struct correction_proposal p = {
	    .field = field, .value = value, .source = source, .comment = comment, .email = email};
	const char *msg = "";
	char token[44];
	int64_t id = 0;
	enum corr_outcome out = corrections_propose(s, r->arena, r->snap, u, r->client_addr, "api",
						    &t, &p, &e, &msg, token, &id);
	switch (out) {
	case CORR_OK:
		break;
	case CORR_INVALID:
		return api_invalid(r, &e, "De melding is ongeldig. Er is niets opgeslagen.");
	case CORR_LIMITED:
		req_header(r, "Retry-After", "3600");
		return respond_error(r, 429, "Te veel meldingen", msg, NULL);
	default:
		return respond_error(r, 500, "Interne fout",
				     "De melding kon niet worden opgeslagen. Probeer het later "
				     "opnieuw.",
				     NULL);
	}
	const char *status_href = arena_printf(r->arena, "/correcties/status/%s", token);
	req_header(r, "Location", status_href);
	r->cache_control = "no-store";
	struct jw w;
	api_begin(r, &w);
	r->etag = NULL;
	jw_obj(&w);
	jw_kint(&w, "id", id);
	jw_kstr(&w, "status", "open");
	jw_kstr(&w, "statusToken", token);
	jw_key(&w, "_links");
	jw_obj(&w);
	jw_key(&w, "status");
	jw_obj(&w);
	jw_kstr(&w, "href", status_href);
	jw_end(&w);
	jw_end(&w);
	jw_end(&w);
	return 201;
}

/* Reviewers only, with a personal API token. */
static int reviewer_or_respond(struct request *r)
{
	if (!r->via_token) {
		req_header(r, "WWW-Authenticate", "Bearer realm=\"samenwerkingsatlas\"");
		return respond_error(r, 401, "Niet aangemeld",
				     "Meldingen zijn alleen met een persoonlijke API-sleutel "
				     "(Authorization: Bearer ...) te lezen en te behandelen.",
				     NULL);
	}
	if (!policy_may_review_corrections(r->user, r->snap))
		return respond_error(r, 403, "Geen toegang",
				     "Alleen het programmateam en redacteuren van partners "
				     "behandelen meldingen.",
				     NULL);
	return 0;
}

int api_corrections_list(struct request *r)
{
	int st = reviewer_or_respond(r);
	if (st)
		return st;
	const char *status = req_param(r, "status");
	bool open = true;
	if (status && strcmp(status, "behandeld") == 0)
		open = false;
	else if (status && *status && strcmp(status, "open") != 0)
		return respond_error(r, 400, "Ongeldige parameter", "status is open of behandeld.",
				     "status");
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	struct correction_row *rows = NULL;
	int n = 0;
	if (corrections_queue(s, r->arena, r->snap, r->user, open, 500, &rows, &n))
		return api_store_down(r);
	r->cache_control = "no-store";
	struct jw w;
	api_begin(r, &w);
	r->etag = NULL;
	jw_obj(&w);
	api_links_self(&w, open ? API_BASE "/correcties" : API_BASE "/correcties?status=behandeld");
	jw_kint(&w, "totaal", n);
	jw_key(&w, "correcties");
	jw_arr(&w);
	for (int i = 0; i < n; i++)
		write_row(&w, &rows[i]);
	jw_end(&w);
	jw_end(&w);
	return 200;
}

/* Accept or reject {id}. */
static int handle(struct request *r, bool accept)
{
	int st = reviewer_or_respond(r);
	if (st)
		return st;
	long id;
	if (!parse_long(r->path_args[0], 1, 0x7fffffffL, &id))
		return respond_not_found(r);
	const char *reason = NULL;
	struct field_errors e = {0};
	if (!accept) {
		json_t *o;
		if ((st = api_json_body_or_respond(r, &o)))
			return st;
		if (!api_str_member(o, "reden", &reason, &e))
			return api_invalid(r, &e, "De invoer klopt niet.");
	}
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	const char *msg = "";
	enum corr_outcome out =
	    accept ? corrections_accept(s, r->arena, r->snap, r->user, "api", id, &e, &msg)
		   : corrections_reject(s, r->arena, r->snap, r->user, "api", id, reason, &e, &msg);
	switch (out) {
	case CORR_OK:
		break;
	case CORR_INVALID:
		if (e.n)
			return api_invalid(r, &e, msg);
		return respond_error(r, 400, "Ongeldige invoer", msg, NULL);
	case CORR_NOTFOUND:
		return respond_not_found(r);
	case CORR_FORBIDDEN:
		return respond_error(r, 403, "Geen toegang", msg, NULL);
	case CORR_CONFLICT:
		return respond_error(r, 409, "Conflict", msg, NULL);
	default:
		log_error("api corrections: handling %ld failed", id);
		return respond_error(r, 500, "Interne fout", msg, NULL);
	}
	app_after_write();
	struct correction_row c;
	if (store_correction_get(s, r->arena, id, &c))
		return api_store_down(r);
	r->cache_control = "no-store";
	struct jw w;
	api_begin(r, &w);
	r->etag = NULL;
	write_row(&w, &c);
	return 200;
}

int api_correction_accept(struct request *r)
{
	return handle(r, true);
}

int api_correction_reject(struct request *r)
{
	return handle(r, false);
}
