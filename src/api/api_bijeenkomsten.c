/*
 * api_bijeenkomsten — events through the API; see api_bijeenkomsten.h.
 */
#include "api_bijeenkomsten.h"
#include "api_common.h"
#include "../app/bijeenkomsten.h"
#include "../app/policy.h"
#include "../lib/text.h"
#include "../render/json.h"

#include <jansson.h>
#include <string.h>

static void event_json(struct request *r, struct jw *w, const struct event_row *e)
{
	char now[17];
	bijeenkomsten_now(now);
	jw_obj(w);
	jw_kint(w, "id", e->id);
	jw_kstr(w, "soort", e->kind);
	jw_kstr(w, "doelgroep", *e->audience ? e->audience : NULL);
	jw_kstr(w, "titel", e->title);
	jw_kstr(w, "omschrijving", e->description);
	jw_kstr(w, "begin", e->starts_at);
	jw_kstr(w, "einde", e->ends_at);
	jw_kstr(w, "locatie", *e->location ? e->location : NULL);
	jw_kstr(w, "onlineLink", *e->online_url ? e->online_url : NULL);
	jw_kstr(w, "casus", *e->topic ? e->topic : NULL);
	jw_kstr(w, "organisator", e->organiser);
	jw_kint(w, "capaciteit", e->capacity);
	jw_kint(w, "plaatsenVrij", bijeenkomst_places_left(e->capacity, e->taken));
	jw_kint(w, "wachtlijst", e->waiting);
	jw_kstr(w, "aanmeldenTot", *e->deadline ? e->deadline : NULL);
	jw_kbool(w, "aanmeldenOpen", bijeenkomst_registration_open(e->deadline, e->starts_at, now));
	api_khref(w, "href", API_BASE "/bijeenkomsten/",
		  arena_printf(r->arena, "%lld", (long long)e->id), NULL);
	jw_kstr(w, "pagina", arena_printf(r->arena, "/bijeenkomsten/%lld", (long long)e->id));
	jw_end(w);
}

int api_bijeenkomsten_list(struct request *r)
{
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	struct event_row *rows;
	int n;
	if (bijeenkomsten_list(s, r->arena, &rows, &n) != EV_OK)
		return api_store_down(r);
	struct jw w;
	api_begin_private(r, &w);
	jw_obj(&w);
	api_links_self(&w, API_BASE "/bijeenkomsten");
	jw_kint(&w, "totaal", n);
	jw_key(&w, "bijeenkomsten");
	jw_arr(&w);
	for (int i = 0; i < n; i++)
		event_json(r, &w, &rows[i]);
	jw_end(&w);
	jw_end(&w);
	return 200;
}

static int get_or_respond(struct request *r, struct store *s, int64_t *id, struct event_row *e)
{
	if (!api_path_id(r, 0, id))
		return respond_not_found(r);
	enum ev_outcome o = bijeenkomsten_get(s, r->arena, *id, e);
	if (o == EV_NOTFOUND)
		return respond_not_found(r);
	return o == EV_OK ? 0 : api_store_down(r);
}

int api_bijeenkomst_show(struct request *r)
{
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int64_t id;
	struct event_row e;
	int st = get_or_respond(r, s, &id, &e);
	if (st)
		return st;
	struct jw w;
	api_begin_private(r, &w);
	event_json(r, &w, &e);
	return 200;
}

static const char *const members[] = {"soort", "doelgroep",  "titel",	     "omschrijving",
				      "begin", "einde",	     "locatie",	     "onlineLink",
				      "casus", "capaciteit", "aanmeldenTot", "organisator"};
#define N_MEMBERS (sizeof members / sizeof members[0])

/* Read the body's members over in (kept where a member is absent: PATCH). */
static void read_body(struct request *r, json_t *o, struct event_input *in, struct field_errors *e)
{
	const char **slot[N_MEMBERS] = {&in->kind,	  &in->audience,   &in->title,
					&in->description, &in->starts_at,  &in->ends_at,
					&in->location,	  &in->online_url, &in->topic,
					&in->capacity,	  &in->deadline,   &in->organiser};
	for (size_t i = 0; i < N_MEMBERS; i++) {
		json_t *v = json_object_get(o, members[i]);
		if (!v)
			continue;
		if (strcmp(members[i], "capaciteit") == 0 && json_is_integer(v)) {
			*slot[i] = arena_printf(r->arena, "%lld", (long long)json_integer_value(v));
			continue;
		}
		const char *s = NULL;
		if (api_str_member(o, members[i], &s, e))
			*slot[i] = s ? s : "";
	}
	api_unknown_members(o, members, N_MEMBERS, e);
}

static int saved_or_respond(struct request *r, enum ev_outcome o, const struct field_errors *e)
{
	switch (o) {
	case EV_OK:
		return 0;
	case EV_INVALID:
		return api_invalid(r, e, "De invoer klopt niet. Er is niets opgeslagen.");
	case EV_FORBIDDEN:
		return respond_error(r, 403, "Geen toegang",
				     "Alleen medewerkers van de provincie maken en wijzigen "
				     "bijeenkomsten.",
				     NULL);
	case EV_NOTFOUND:
		return respond_not_found(r);
	default:
		return api_store_down(r);
	}
}

static int reply_event(struct request *r, struct store *s, int64_t id, int status)
{
	struct event_row e;
	if (bijeenkomsten_get(s, r->arena, id, &e) != EV_OK)
		return api_store_down(r);
	if (status == 201)
		req_header(r, "Location",
			   arena_printf(r->arena, API_BASE "/bijeenkomsten/%lld", (long long)id));
	struct jw w;
	api_begin_private(r, &w);
	event_json(r, &w, &e);
	return status;
}

int api_bijeenkomst_create(struct request *r)
{
	if (!policy_is_province(r->user))
		return saved_or_respond(r, EV_FORBIDDEN, NULL);
	json_t *o;
	int st = api_json_body_or_respond(r, &o);
	if (st)
		return st;
	struct field_errors e = {0};
	struct event_input in = {0};
	read_body(r, o, &in, &e);
	if (e.n)
		return api_invalid(r, &e, "De invoer klopt niet. Er is niets opgeslagen.");
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int64_t id = 0;
	if ((st = saved_or_respond(r, bijeenkomsten_save(s, r->user, "api", 0, &in, &e, &id), &e)))
		return st;
	return reply_event(r, s, id, 201);
}

int api_bijeenkomst_patch(struct request *r)
{
	if (!policy_is_province(r->user))
		return saved_or_respond(r, EV_FORBIDDEN, NULL);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int64_t id;
	struct event_row old;
	int st = get_or_respond(r, s, &id, &old);
	if (st)
		return st;
	json_t *o;
	if ((st = api_json_body_or_respond(r, &o)))
		return st;
	struct event_input in = {
	    .kind = old.kind,
	    .audience = old.audience,
	    .title = old.title,
	    .description = old.description,
	    .starts_at = old.starts_at,
	    .ends_at = old.ends_at,
	    .location = old.location,
	    .online_url = old.online_url,
	    .topic = old.topic,
	    .capacity = arena_printf(r->arena, "%d", old.capacity),
	    .deadline = old.deadline,
	    .organiser = old.organiser,
	};
	struct field_errors e = {0};
	read_body(r, o, &in, &e);
	if (e.n)
		return api_invalid(r, &e, "De invoer klopt niet. Er is niets opgeslagen.");
	int64_t out;
	if ((st =
		 saved_or_respond(r, bijeenkomsten_save(s, r->user, "api", id, &in, &e, &out), &e)))
		return st;
	return reply_event(r, s, id, 200);
}

int api_bijeenkomst_registrations(struct request *r)
{
	if (!r->via_token || !r->user) { /* personal data: a personal API token, not a session */
		req_header(r, "WWW-Authenticate", "Bearer realm=\"samenwerkingsatlas\"");
		return respond_error(r, 401, "Niet aangemeld",
				     "Aanmeldingen zijn alleen met een persoonlijke API-sleutel "
				     "(Authorization: Bearer ...) te lezen.",
				     NULL);
	}
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int64_t id;
	struct event_row e;
	int st = get_or_respond(r, s, &id, &e);
	if (st)
		return st;
	struct registration_row *rows;
	int n;
	enum ev_outcome o = bijeenkomsten_registrations(s, r->arena, r->user, id, &rows, &n);
	if (o == EV_FORBIDDEN)
		return respond_error(r, 403, "Geen toegang",
				     "Alleen medewerkers van de provincie zien de aanmeldingen.",
				     NULL);
	if (o != EV_OK)
		return api_store_down(r);
	struct jw w;
	api_begin_private(r, &w);
	jw_obj(&w);
	api_links_self(
	    &w, arena_printf(r->arena, API_BASE "/bijeenkomsten/%lld/aanmeldingen", (long long)id));
	jw_kint(&w, "totaal", n);
	jw_key(&w, "aanmeldingen");
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		jw_obj(&w);
		jw_kint(&w, "id", rows[i].id);
		jw_kstr(&w, "naam", *rows[i].name ? rows[i].name : NULL);
		jw_kbool(&w, "gewist", !*rows[i].name);
		jw_kstr(&w, "organisatie", rows[i].organisation);
		jw_kstr(&w, "email", *rows[i].email ? rows[i].email : NULL);
		jw_kstr(&w, "status", rows[i].status);
		jw_kbool(&w, "zichtbaar", rows[i].show_name);
		jw_kstr(&w, "aangemeld", rows[i].created_at);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	return 200;
}
