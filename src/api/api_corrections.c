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

static int store_down(struct request *r)
{
	req_header(r, "Retry-After", "5");
	return respond_error(r, 503, "Niet beschikbaar",
			     "De database is even niet bereikbaar. Er is niets opgeslagen.", NULL);
}

static int invalid(struct request *r, const struct field_errors *e, const char *detail)
{
	struct problem_param *p = arena_calloc(r->arena, (size_t)e->n + 1, sizeof *p);
	for (int i = 0; i < e->n; i++)
		p[i] = (struct problem_param){e->e[i].field, e->e[i].message};
	return respond_problem(r, 400, "Ongeldige invoer", detail, p, e->n);
}

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

/* A member of the body that must be a string (or absent/null); false with
 * an error when it is another type. */
static bool str_member(json_t *o, const char *key, const char **out, struct field_errors *e)
{
	json_t *v = json_object_get(o, key);
	*out = NULL;
	if (!v || json_is_null(v))
		return true;
	if (!json_is_string(v)) {
		field_errors_add(e, key, "Dit veld moet tekst zijn.");
		return false;
	}
	*out = json_string_value(v);
	return true;
}

/* Parse the JSON object body: 0 with *root (decref'd with the arena), or
 * the status of the problem reply sent. */
static void decref(void *p)
{
	json_decref(p);
}

static int body_or_respond(struct request *r, json_t **root)
{
	const char *ct = r->body_type ? r->body_type : "";
	size_t ctl = strcspn(ct, "; ");
	if (!(ctl == 16 && strncasecmp(ct, "application/json", 16) == 0))
		return respond_error(r, 415, "Onbekend formaat",
				     "Stuur JSON (Content-Type: application/json).", NULL);
	if (!r->body || !r->body_len)
		return respond_error(r, 400, "Geen invoer", "Stuur een JSON-object.", NULL);
	json_error_t err;
	json_t *j = json_loadb(r->body, r->body_len, JSON_REJECT_DUPLICATES, &err);
	if (!j)
		return respond_error(r, 400, "Ongeldige JSON",
				     arena_printf(r->arena,
						  "Regel %d, kolom %d: de invoer is geen "
						  "geldige JSON.",
						  err.line, err.column),
				     NULL);
	arena_on_free(r->arena, decref, j);
	if (!json_is_object(j))
		return respond_error(r, 400, "Ongeldige invoer", "Stuur een JSON-object.", NULL);
	*root = j;
	return 0;
}

int api_corrections_create(struct request *r)
{
	json_t *o;
	int st = body_or_respond(r, &o);
	if (st)
		return st;
	struct field_errors e = {0};
	const char *object, *key, *part, *field, *value, *source, *comment, *email;
	str_member(o, "object", &object, &e);
	str_member(o, "sleutel", &key, &e);
	str_member(o, "veld", &field, &e);
	str_member(o, "waarde", &value, &e);
	str_member(o, "bron", &source, &e);
	str_member(o, "toelichting", &comment, &e);
	str_member(o, "email", &email, &e);
	part = NULL;
	json_t *dv = json_object_get(o, "deelname");
	if (dv && json_is_integer(dv))
		part = arena_printf(r->arena, "%lld", (long long)json_integer_value(dv));
	else if (dv && !json_is_null(dv))
		field_errors_add(&e, "deelname", "Geef het nummer van de deelname (een getal).");
	const char *known[] = {"object", "sleutel", "deelname",	   "veld",
			       "waarde", "bron",    "toelichting", "email"};
	const char *k;
	json_t *v;
	json_object_foreach(o, k, v)
	{
		bool ok = false;
		for (size_t i = 0; i < sizeof known / sizeof known[0] && !ok; i++)
			ok = strcmp(k, known[i]) == 0;
		if (!ok)
			field_errors_add(&e, "body", "Onbekend veld in de invoer.");
	}
	if (e.n)
		return invalid(r, &e, "De invoer klopt niet. Er is niets opgeslagen.");

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
		return invalid(r, &e, "De invoer klopt niet. Er is niets opgeslagen.");
	}
	if (!found) {
		field_errors_add(&e, "sleutel", "Dit gegeven bestaat niet in de atlas.");
		return invalid(r, &e, "De invoer klopt niet. Er is niets opgeslagen.");
	}

	struct store *s = store_thread();
	if (!s)
		return store_down(r);
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
		return invalid(r, &e, "De melding is ongeldig. Er is niets opgeslagen.");
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
		return store_down(r);
	struct correction_row *rows = NULL;
	int n = 0;
	if (corrections_queue(s, r->arena, r->snap, r->user, open, 500, &rows, &n))
		return store_down(r);
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
		if ((st = body_or_respond(r, &o)))
			return st;
		if (!str_member(o, "reden", &reason, &e))
			return invalid(r, &e, "De invoer klopt niet.");
	}
	struct store *s = store_thread();
	if (!s)
		return store_down(r);
	const char *msg = "";
	enum corr_outcome out =
	    accept ? corrections_accept(s, r->arena, r->snap, r->user, "api", id, &e, &msg)
		   : corrections_reject(s, r->arena, r->snap, r->user, "api", id, reason, &e, &msg);
	switch (out) {
	case CORR_OK:
		break;
	case CORR_INVALID:
		if (e.n)
			return invalid(r, &e, msg);
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
		return store_down(r);
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
