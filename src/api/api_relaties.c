/*
 * api_relaties — the relations module through the API; see api_relaties.h.
 * The same rules, validation and outcomes as the pages (app/relaties.h).
 */
#include "api_relaties.h"
#include "api_common.h"
#include "../app/policy.h"
#include "../app/readmodel.h"
#include "../app/relaties.h"
#include "../lib/text.h"
#include "../render/json.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* Only with a personal API token of a signed-in user; 0 or the reply's status. */
static int token_or_respond(struct request *r)
{
	if (r->via_token && r->user)
		return 0;
	req_header(r, "WWW-Authenticate", "Bearer realm=\"samenwerkingsatlas\"");
	return respond_error(r, 401, "Niet aangemeld",
			     "Relaties zijn alleen met een persoonlijke API-sleutel "
			     "(Authorization: Bearer ...) te lezen.",
			     NULL);
}

static int outcome_or_respond(struct request *r, enum relaties_outcome o,
			      const struct field_errors *e)
{
	switch (o) {
	case REL_OK:
		return 0;
	case REL_INVALID:
		return api_invalid(r, e, "De invoer klopt niet. Er is niets opgeslagen.");
	case REL_NOTFOUND:
		return respond_not_found(r);
	case REL_FORBIDDEN:
		return respond_error(r, 403, "Geen toegang",
				     "Alleen medewerkers van de provincie zien en schrijven dit.",
				     NULL);
	case REL_CONFLICT:
		return respond_error(r, 409, "Conflict", "Het record had die status al.", NULL);
	default:
		return api_store_down(r);
	}
}

static void managers_json(struct jw *w, const struct account_manager_row *m, int n)
{
	jw_arr(w);
	for (int i = 0; i < n; i++) {
		jw_obj(w);
		jw_kint(w, "id", m[i].id);
		jw_kstr(w, "gebruiker", m[i].username);
		jw_kstr(w, "naam",
			str_empty(m[i].display_name) ? m[i].username : m[i].display_name);
		jw_kstr(w, "begindatum", m[i].start_date);
		jw_kstr(w, "einddatum", *m[i].end_date ? m[i].end_date : NULL);
		jw_end(w);
	}
	jw_end(w);
}

/* "volgendeBijeenkomst": the next event someone of the partner holds a
 * place at, or null. */
static void next_event_json(struct jw *w, const struct relation_next_event *e)
{
	jw_key(w, "volgendeBijeenkomst");
	if (!e) {
		jw_null(w);
		return;
	}
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)e->event_id);
	jw_obj(w);
	jw_kint(w, "id", e->event_id);
	jw_kstr(w, "titel", e->title);
	jw_kstr(w, "begin", e->starts_at);
	api_khref(w, "href", API_BASE "/bijeenkomsten/", id, NULL);
	jw_end(w);
}

int api_relaties_list(struct request *r)
{
	int st = token_or_respond(r);
	if (st)
		return st;
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	struct relation_overview_row *rows;
	int n;
	enum relaties_outcome o =
	    relaties_overview(s, r->arena, r->snap, r->user, false, &rows, &n);
	if ((st = outcome_or_respond(r, o, NULL)))
		return st;
	struct jw w;
	api_begin_private(r, &w);
	jw_obj(&w);
	api_links_self(&w, API_BASE "/relaties");
	jw_kint(&w, "totaal", n);
	jw_kint(&w, "stilNaMaanden", relaties_quiet_months());
	jw_key(&w, "relaties");
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		const struct organisation *org = &r->snap->orgs[rows[i].org];
		jw_obj(&w);
		jw_kstr(&w, "organisatie", org->code);
		jw_kstr(&w, "naam", org->name);
		jw_kbool(&w, "regionaalNetwerk", rows[i].network);
		jw_key(&w, "accounthouders");
		managers_json(&w, rows[i].managers, rows[i].n_managers);
		jw_kstr(&w, "laatsteContact", *rows[i].last_contact ? rows[i].last_contact : NULL);
		jw_kbool(&w, "langGeenContact", rows[i].quiet);
		jw_kint(&w, "openSignalen", rows[i].open_signals);
		jw_kint(&w, "openVervolgacties", rows[i].open_follow_ups);
		jw_kint(&w, "teLateVervolgacties", rows[i].overdue_follow_ups);
		next_event_json(&w, rows[i].next);
		api_khref(&w, "href", API_BASE "/relaties/", org->code, NULL);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	return 200;
}

int api_relaties_show(struct request *r)
{
	int st = token_or_respond(r);
	if (st)
		return st;
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	struct relation_partner p;
	enum relaties_outcome o =
	    relaties_partner(s, r->arena, r->snap, r->user, r->path_args[0], &p);
	if ((st = outcome_or_respond(r, o, NULL)))
		return st;
	const struct organisation *org = &r->snap->orgs[p.org];
	struct jw w;
	api_begin_private(r, &w);
	jw_obj(&w);
	api_links_self_seg(&w, API_BASE "/relaties/", org->code);
	jw_kstr(&w, "organisatie", org->code);
	jw_kstr(&w, "naam", org->name);
	jw_kbool(&w, "regionaalNetwerk", p.network);
	jw_kstr(&w, "laatsteContact", *p.last_contact ? p.last_contact : NULL);
	if (!p.partner_view)
		next_event_json(&w, p.next);
	jw_key(&w, "accounthouders");
	managers_json(&w, p.managers, p.n_managers);
	jw_key(&w, "contactmomenten");
	jw_arr(&w);
	for (int i = 0; i < p.n_contacts; i++) {
		const struct contact_row *c = &p.contacts[i];
		jw_obj(&w);
		jw_kint(&w, "id", c->id);
		jw_kstr(&w, "datum", c->held_on);
		jw_kstr(&w, "soort", c->kind);
		jw_kstr(&w, "onderwerp", c->subject);
		jw_kstr(&w, "samenvatting", *c->summary ? c->summary : NULL);
		jw_kstr(&w, "vertrouwelijkheid", c->confidentiality);
		jw_key(&w, "koppelingen");
		jw_arr(&w);
		for (int j = 0; j < c->n_links; j++) {
			jw_obj(&w);
			jw_kstr(&w, "soort", c->links[j].kind);
			jw_kstr(&w, "sleutel", c->links[j].ref);
			jw_end(&w);
		}
		jw_end(&w);
		jw_end(&w);
	}
	jw_end(&w);
	jw_key(&w, "signalen");
	jw_arr(&w);
	for (int i = 0; i < p.n_signals; i++) {
		const struct signal_row *x = &p.signals[i];
		jw_obj(&w);
		jw_kint(&w, "id", x->id);
		jw_kstr(&w, "titel", x->title);
		jw_kstr(&w, "toelichting", *x->description ? x->description : NULL);
		jw_kstr(&w, "ernst", x->severity);
		jw_kstr(&w, "status", x->status);
		jw_kstr(&w, "samenwerkingsverband", *x->collab_key ? x->collab_key : NULL);
		jw_kstr(&w, "vertrouwelijkheid", x->confidentiality);
		jw_kstr(&w, "gemeldOp", x->created_at);
		jw_end(&w);
	}
	jw_end(&w);
	jw_key(&w, "vervolgacties");
	jw_arr(&w);
	for (int i = 0; i < p.n_follow_ups; i++) {
		const struct follow_up_row *f = &p.follow_ups[i];
		jw_obj(&w);
		jw_kint(&w, "id", f->id);
		jw_kstr(&w, "titel", f->title);
		jw_kstr(&w, "eigenaar", f->owner_username);
		jw_kstr(&w, "uiterlijk", f->due_date);
		jw_kstr(&w, "status", f->status);
		jw_kstr(&w, "vertrouwelijkheid", f->confidentiality);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	return 200;
}

/* The reply to a create: 201 with the new id and a link to the partner. */
static int created(struct request *r, const char *code, int64_t id)
{
	struct jw w;
	api_begin_private(r, &w);
	const char *href = arena_printf(r->arena, API_BASE "/relaties/%s", code);
	req_header(r, "Location", href);
	jw_obj(&w);
	jw_kint(&w, "id", id);
	api_khref(&w, "relatie", API_BASE "/relaties/", code, NULL);
	jw_end(&w);
	return 201;
}

int api_relaties_contact_add(struct request *r)
{
	json_t *o;
	int st = api_json_body_or_respond(r, &o);
	if (st)
		return st;
	struct field_errors e = {0};
	const char *orgs[RELATIES_LINKS_MAX + 1], *collabs[RELATIES_LINKS_MAX + 1],
	    *domains[RELATIES_LINKS_MAX + 1], *people[RELATIES_LINKS_MAX + 1];
	struct relaties_contact_form f = {
	    .orgs = orgs, .collabs = collabs, .domains = domains, .people = people};
	api_str_member(o, "datum", &f.held_on, &e);
	api_str_member(o, "soort", &f.kind, &e);
	api_str_member(o, "onderwerp", &f.subject, &e);
	api_str_member(o, "samenvatting", &f.summary, &e);
	api_str_member(o, "vertrouwelijkheid", &f.confidentiality, &e);
	f.n_orgs = api_str_array(o, "organisaties", orgs, RELATIES_LINKS_MAX + 1, &e);
	f.n_collabs =
	    api_str_array(o, "samenwerkingsverbanden", collabs, RELATIES_LINKS_MAX + 1, &e);
	f.n_domains = api_str_array(o, "beleidsdomeinen", domains, RELATIES_LINKS_MAX + 1, &e);
	f.n_people = api_str_array(o, "personen", people, RELATIES_LINKS_MAX + 1, &e);
	static const char *const known[] = {"datum",
					    "soort",
					    "onderwerp",
					    "samenvatting",
					    "vertrouwelijkheid",
					    "organisaties",
					    "samenwerkingsverbanden",
					    "beleidsdomeinen",
					    "personen"};
	api_unknown_members(o, known, sizeof known / sizeof known[0], &e);
	if (f.n_orgs + f.n_collabs + f.n_domains + f.n_people > RELATIES_LINKS_MAX)
		field_errors_add(&e, "organisaties", "Geef ten hoogste %d koppelingen.",
				 RELATIES_LINKS_MAX);
	if (e.n)
		return api_invalid(r, &e, "De invoer klopt niet. Er is niets opgeslagen.");
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int64_t id;
	enum relaties_outcome out = relaties_add_contact(s, r->arena, r->snap, r->user, "api",
							 r->path_args[0], &f, &e, &id);
	if ((st = outcome_or_respond(r, out, &e)))
		return st;
	return created(r, r->path_args[0], id);
}

int api_relaties_signal_add(struct request *r)
{
	json_t *o;
	int st = api_json_body_or_respond(r, &o);
	if (st)
		return st;
	struct field_errors e = {0};
	struct relaties_signal_form f = {0};
	api_str_member(o, "titel", &f.title, &e);
	api_str_member(o, "toelichting", &f.description, &e);
	api_str_member(o, "ernst", &f.severity, &e);
	api_str_member(o, "samenwerkingsverband", &f.collab_key, &e);
	api_str_member(o, "vertrouwelijkheid", &f.confidentiality, &e);
	static const char *const known[] = {"titel", "toelichting", "ernst", "samenwerkingsverband",
					    "vertrouwelijkheid"};
	api_unknown_members(o, known, sizeof known / sizeof known[0], &e);
	if (e.n)
		return api_invalid(r, &e, "De invoer klopt niet. Er is niets opgeslagen.");
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int64_t id;
	enum relaties_outcome out =
	    relaties_add_signal(s, r->snap, r->user, "api", r->path_args[0], &f, &e, &id);
	if ((st = outcome_or_respond(r, out, &e)))
		return st;
	return created(r, r->path_args[0], id);
}

int api_relaties_follow_up_add(struct request *r)
{
	json_t *o;
	int st = api_json_body_or_respond(r, &o);
	if (st)
		return st;
	struct field_errors e = {0};
	struct relaties_follow_up_form f = {0};
	api_str_member(o, "titel", &f.title, &e);
	api_str_member(o, "eigenaar", &f.owner, &e);
	api_str_member(o, "uiterlijk", &f.due_date, &e);
	api_str_member(o, "vertrouwelijkheid", &f.confidentiality, &e);
	json_t *cv = json_object_get(o, "contactmoment");
	if (cv && json_is_integer(cv) && json_integer_value(cv) > 0)
		f.contact_id = json_integer_value(cv);
	else if (cv && !json_is_null(cv))
		field_errors_add(&e, "contactmoment", "Geef het nummer van het contactmoment.");
	static const char *const known[] = {"titel", "eigenaar", "uiterlijk", "vertrouwelijkheid",
					    "contactmoment"};
	api_unknown_members(o, known, sizeof known / sizeof known[0], &e);
	if (e.n)
		return api_invalid(r, &e, "De invoer klopt niet. Er is niets opgeslagen.");
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int64_t id;
	enum relaties_outcome out = relaties_add_follow_up(s, r->arena, r->snap, r->user, "api",
							   r->path_args[0], &f, &e, &id);
	if ((st = outcome_or_respond(r, out, &e)))
		return st;
	return created(r, r->path_args[0], id);
}

/* PATCH {"status": ...} of a signal (signal true) or a follow-up. */
static int patch_status(struct request *r, bool signal)
{
	long id;
	if (!parse_long(r->path_args[0], 1, 0x7fffffffL, &id))
		return respond_not_found(r);
	json_t *o;
	int st = api_json_body_or_respond(r, &o);
	if (st)
		return st;
	struct field_errors e = {0};
	const char *status = NULL;
	api_str_member(o, "status", &status, &e);
	static const char *const known[] = {"status"};
	api_unknown_members(o, known, 1, &e);
	if (!e.n && !status)
		field_errors_add(&e, "status", "Geef de nieuwe status.");
	if (e.n)
		return api_invalid(r, &e, "De invoer klopt niet. Er is niets opgeslagen.");
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	const char *org;
	enum relaties_outcome out =
	    signal ? relaties_set_signal_status(s, r->arena, r->user, "api", id, status, &e, &org)
		   : relaties_set_follow_up_status(s, r->arena, r->snap, r->user, "api", id, status,
						   &e, &org);
	if ((st = outcome_or_respond(r, out, &e)))
		return st;
	struct jw w;
	api_begin_private(r, &w);
	jw_obj(&w);
	jw_kint(&w, "id", id);
	jw_kstr(&w, "status", status);
	api_khref(&w, "relatie", API_BASE "/relaties/", org, NULL);
	jw_end(&w);
	return 200;
}

int api_relaties_signal_patch(struct request *r)
{
	return patch_status(r, true);
}

int api_relaties_follow_up_patch(struct request *r)
{
	return patch_status(r, false);
}
