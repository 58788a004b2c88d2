/*
 * api_bijeenkomsten_agenda — agenda in samenspraak through the API; see
 * api_bijeenkomsten_agenda.h. Same rules and outcomes as the pages.
 */
#include "api_bijeenkomsten_agenda.h"
#include "api_common.h"
#include "../app/bijeenkomsten.h"
#include "../app/bijeenkomsten_agenda.h"
#include "../lib/text.h"
#include "../render/json.h"

#include <jansson.h>
#include <string.h>

static int outcome_or_respond(struct request *r, enum ag_outcome o, const struct field_errors *e,
			      bool decide)
{
	switch (o) {
	case AG_OK:
		return 0;
	case AG_INVALID:
		return api_invalid(r, e, "De invoer klopt niet. Er is niets opgeslagen.");
	case AG_NOTFOUND:
		return respond_not_found(r);
	case AG_FORBIDDEN:
	case AG_OWN:
		return respond_error(r, 403, "Geen toegang",
				     bijeenkomsten_agenda_message(o, decide), NULL);
	case AG_CLOSED:
	case AG_TWICE:
	case AG_DECIDED:
		return respond_error(r, 409, "Conflict", bijeenkomsten_agenda_message(o, decide),
				     NULL);
	default:
		return api_store_down(r);
	}
}

static void item_json(struct request *r, struct jw *w, const struct agenda_item *it)
{
	const struct agenda_item_row *x = &it->row;
	jw_obj(w);
	jw_kint(w, "id", x->id);
	jw_kint(w, "bijeenkomst", x->event_id);
	jw_kstr(w, "titel", x->title);
	jw_kstr(w, "toelichting", *x->description ? x->description : NULL);
	jw_kstr(w, "status", x->status);
	jw_key(w, "volgorde");
	if (x->position > 0)
		jw_int(w, x->position);
	else
		jw_null(w);
	jw_kstr(w, "tijd", *x->start_time ? x->start_time : NULL);
	jw_kstr(w, "organisatie", x->org_code);
	jw_kstr(w, "organisatieNaam", it->org_name);
	jw_kint(w, "steun", x->supports);
	jw_kint(w, "steunOrganisaties", x->support_orgs);
	jw_kbool(w, "gesteund", x->supported);
	jw_kbool(w, "magSteunen", it->may_support);
	jw_kstr(w, "voorgesteldOp", x->created_at);
	api_khref(w, "href", API_BASE "/agendapunten/",
		  arena_printf(r->arena, "%lld", (long long)x->id), NULL);
	jw_end(w);
}

int api_bijeenkomst_agenda(struct request *r)
{
	int64_t id;
	if (!api_path_id(r, 0, &id))
		return respond_not_found(r);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	struct event_row ev;
	enum ev_outcome eo = bijeenkomsten_get(s, r->arena, id, &ev);
	if (eo == EV_NOTFOUND)
		return respond_not_found(r);
	if (eo != EV_OK)
		return api_store_down(r);
	struct agenda_view v;
	if (bijeenkomsten_agenda(s, r->arena, r->snap, api_token_user(r), &ev, &v) != AG_OK)
		return api_store_down(r);
	struct jw w;
	api_begin_private(r, &w);
	jw_obj(&w);
	api_links_self(
	    &w, arena_printf(r->arena, API_BASE "/bijeenkomsten/%lld/agenda", (long long)id));
	jw_kint(&w, "bijeenkomst", id);
	jw_kbool(&w, "voorstellenOpen", v.open);
	jw_kbool(&w, "magVoorstellen", v.may_propose);
	jw_key(&w, "programma");
	jw_arr(&w);
	for (int i = 0; i < v.n_programme; i++)
		item_json(r, &w, &v.items[i]);
	jw_end(&w);
	if (v.see_proposals) {
		jw_key(&w, "voorstellen");
		jw_arr(&w);
		for (int i = v.n_programme; i < v.n; i++)
			item_json(r, &w, &v.items[i]);
		jw_end(&w);
	}
	jw_end(&w);
	return 200;
}

/* Reply with item id as the reader sees it. */
static int reply_item(struct request *r, struct store *s, int64_t id, int status)
{
	struct agenda_item it;
	int st = outcome_or_respond(
	    r, bijeenkomsten_agenda_item(s, r->arena, r->snap, api_token_user(r), id, &it), NULL,
	    false);
	if (st)
		return st;
	if (status == 201)
		req_header(r, "Location",
			   arena_printf(r->arena, API_BASE "/agendapunten/%lld", (long long)id));
	struct jw w;
	api_begin_private(r, &w);
	item_json(r, &w, &it);
	return status;
}

int api_bijeenkomst_agenda_propose(struct request *r)
{
	int64_t event_id;
	if (!api_path_id(r, 0, &event_id))
		return respond_not_found(r);
	json_t *o;
	int st = api_json_body_or_respond(r, &o);
	if (st)
		return st;
	struct field_errors e = {0};
	struct agenda_input in = {0};
	api_str_member(o, "titel", &in.title, &e);
	api_str_member(o, "toelichting", &in.description, &e);
	static const char *const known[] = {"titel", "toelichting"};
	api_unknown_members(o, known, sizeof known / sizeof known[0], &e);
	if (e.n)
		return api_invalid(r, &e, "De invoer klopt niet. Er is niets opgeslagen.");
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int64_t id = 0;
	enum ag_outcome out =
	    bijeenkomsten_agenda_propose(s, r->snap, r->user, "api", event_id, &in, &e, &id);
	if ((st = outcome_or_respond(r, out, &e, false)))
		return st;
	return reply_item(r, s, id, 201);
}

int api_agendapunt_show(struct request *r)
{
	int64_t id;
	if (!api_path_id(r, 0, &id))
		return respond_not_found(r);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	return reply_item(r, s, id, 200);
}

int api_agendapunt_patch(struct request *r)
{
	int64_t id;
	if (!api_path_id(r, 0, &id))
		return respond_not_found(r);
	json_t *o;
	int st = api_json_body_or_respond(r, &o);
	if (st)
		return st;
	struct field_errors e = {0};
	struct agenda_decision d = {0};
	api_str_member(o, "status", &d.status, &e);
	json_t *pos = json_object_get(o, "volgorde");
	if (pos && json_is_integer(pos))
		d.position = arena_printf(r->arena, "%lld", (long long)json_integer_value(pos));
	else if (pos && json_is_null(pos))
		d.position = "";
	else if (pos)
		field_errors_add(&e, "volgorde", "Geef de plaats in het programma als heel getal.");
	json_t *t = json_object_get(o, "tijd");
	if (t && json_is_null(t))
		d.start_time = "";
	else if (t)
		api_str_member(o, "tijd", &d.start_time, &e);
	static const char *const known[] = {"status", "volgorde", "tijd"};
	api_unknown_members(o, known, sizeof known / sizeof known[0], &e);
	if (!e.n && !d.status && !d.position && !d.start_time)
		field_errors_add(&e, "status", "Geef een status, een volgorde of een tijd.");
	if (e.n)
		return api_invalid(r, &e, "De invoer klopt niet. Er is niets opgeslagen.");
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	if ((st = outcome_or_respond(
		 r, bijeenkomsten_agenda_decide(s, r->user, "api", 0, id, &d, &e), &e, true)))
		return st;
	return reply_item(r, s, id, 200);
}

int api_agendapunt_support(struct request *r)
{
	int64_t id;
	if (!api_path_id(r, 0, &id))
		return respond_not_found(r);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int st = outcome_or_respond(
	    r, bijeenkomsten_agenda_support(s, r->snap, r->user, "api", 0, id), NULL, false);
	if (st)
		return st;
	return reply_item(r, s, id, 200);
}
