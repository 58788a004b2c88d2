/*
 * api_bijeenkomsten_verslag — after the event through the API; see
 * api_bijeenkomsten_verslag.h.
 */
#include "api_bijeenkomsten_verslag.h"
#include "api_common.h"
#include "../app/bijeenkomsten_verslag.h"
#include "../app/policy.h"
#include "../lib/text.h"
#include "../render/json.h"

#include <jansson.h>
#include <string.h>

#define CODES_MAX 400
#define INVALID "De invoer klopt niet. Er is niets opgeslagen."

static int outcome_or_respond(struct request *r, enum ev_outcome o, const struct field_errors *e)
{
	switch (o) {
	case EV_OK:
		return 0;
	case EV_INVALID:
		return api_invalid(r, e, INVALID);
	case EV_FORBIDDEN:
		return respond_error(r, 403, "Geen toegang",
				     "Alleen medewerkers van de provincie leggen het vervolg van "
				     "een bijeenkomst vast en wijzigen aanmeldingen.",
				     NULL);
	case EV_NOTFOUND:
		return respond_not_found(r);
	default:
		return api_store_down(r);
	}
}

static int forbidden_unless_staff(struct request *r)
{
	return policy_is_province(r->user) ? 0 : outcome_or_respond(r, EV_FORBIDDEN, NULL);
}

/* GET and the reply of PUT: the report and the document links. */
static int reply_report(struct request *r, int64_t id, int status)
{
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	const char *report;
	struct event_document_row *docs;
	int n;
	int st =
	    outcome_or_respond(r, bijeenkomsten_report(s, r->arena, id, &report, &docs, &n), NULL);
	if (st)
		return st;
	struct jw w;
	api_begin_private(r, &w);
	jw_obj(&w);
	api_links_self(
	    &w, arena_printf(r->arena, API_BASE "/bijeenkomsten/%lld/verslag", (long long)id));
	jw_kstr(&w, "verslag", *report ? report : NULL);
	jw_key(&w, "documenten");
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		jw_obj(&w);
		jw_kint(&w, "id", docs[i].id);
		jw_kstr(&w, "titel", docs[i].title);
		jw_kstr(&w, "url", docs[i].url);
		jw_end(&w);
	}
	jw_end(&w);
	jw_kstr(&w, "pagina", arena_printf(r->arena, "/bijeenkomsten/%lld", (long long)id));
	jw_end(&w);
	return status;
}

int api_bijeenkomst_verslag(struct request *r)
{
	int64_t id;
	if (!api_path_id(r, 0, &id))
		return respond_not_found(r);
	return reply_report(r, id, 200);
}

/* The staff write's preamble: the event id and the JSON body (members
 * known[0..n) only, unknown ones as errors in e). 0 or the status sent. */
static int write_begin(struct request *r, int64_t *id, json_t **o, const char *const *known,
		       size_t n, struct field_errors *e)
{
	int st = forbidden_unless_staff(r);
	if (st)
		return st;
	if (!api_path_id(r, 0, id))
		return respond_not_found(r);
	if ((st = api_json_body_or_respond(r, o)))
		return st;
	api_unknown_members(*o, known, n, e);
	return 0;
}

int api_bijeenkomst_verslag_put(struct request *r)
{
	static const char *const known[] = {"verslag"};
	struct field_errors e = {0};
	int64_t id;
	json_t *o;
	int st = write_begin(r, &id, &o, known, 1, &e);
	if (st)
		return st;
	const char *report = NULL;
	api_str_member(o, "verslag", &report, &e);
	if (e.n)
		return api_invalid(r, &e, INVALID);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	if ((st = outcome_or_respond(
		 r, bijeenkomsten_save_report(s, r->user, "api", id, report ? report : "", &e),
		 &e)))
		return st;
	return reply_report(r, id, 200);
}

int api_bijeenkomst_document_add(struct request *r)
{
	static const char *const known[] = {"titel", "url"};
	struct field_errors e = {0};
	int64_t id;
	json_t *o;
	int st = write_begin(r, &id, &o, known, 2, &e);
	if (st)
		return st;
	const char *title = NULL, *url = NULL;
	api_str_member(o, "titel", &title, &e);
	api_str_member(o, "url", &url, &e);
	if (e.n)
		return api_invalid(r, &e, INVALID);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int64_t doc;
	if ((st = outcome_or_respond(
		 r, bijeenkomsten_add_document(s, r->user, "api", id, title, url, &e, &doc), &e)))
		return st;
	const char *where =
	    arena_printf(r->arena, API_BASE "/bijeenkomsten/%lld/verslag", (long long)id);
	req_header(r, "Location", where);
	struct jw w;
	api_begin_private(r, &w);
	jw_obj(&w);
	jw_kint(&w, "id", doc);
	jw_kstr(&w, "titel", title);
	jw_kstr(&w, "url", url);
	jw_key(&w, "_links");
	jw_obj(&w);
	jw_key(&w, "verslag");
	jw_obj(&w);
	jw_kstr(&w, "href", where);
	jw_end(&w);
	jw_end(&w);
	jw_end(&w);
	return 201;
}

int api_bijeenkomst_document_delete(struct request *r)
{
	int st = forbidden_unless_staff(r);
	if (st)
		return st;
	int64_t id, doc;
	if (!api_path_id(r, 0, &id) || !api_path_id(r, 1, &doc))
		return respond_not_found(r);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	if ((st = outcome_or_respond(r, bijeenkomsten_remove_document(s, r->user, "api", id, doc),
				     NULL)))
		return st;
	return reply_report(r, id, 200);
}

int api_bijeenkomst_contactlog(struct request *r)
{
	static const char *const known[] = {"organisaties"};
	struct field_errors e = {0};
	int64_t id;
	json_t *o;
	int st = write_begin(r, &id, &o, known, 1, &e);
	if (st)
		return st;
	const char *codes[CODES_MAX];
	int n = api_str_array(o, "organisaties", codes, CODES_MAX, &e);
	if (n > CODES_MAX)
		field_errors_add(&e, "organisaties", "Kies ten hoogste %d partners.", CODES_MAX);
	if (e.n)
		return api_invalid(r, &e, INVALID);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int written = 0;
	if ((st = outcome_or_respond(r,
				     bijeenkomsten_log_contacts(s, r->arena, r->snap, r->user,
								"api", id, codes, n, &e, &written),
				     &e)))
		return st;
	struct jw w;
	api_begin_private(r, &w);
	jw_obj(&w);
	jw_kint(&w, "aangemaakt", written);
	jw_key(&w, "organisaties");
	jw_arr(&w);
	for (int i = 0; i < n; i++)
		jw_str(&w, codes[i]);
	jw_end(&w);
	jw_end(&w);
	return written ? 201 : 200;
}

int api_bijeenkomst_follow_up(struct request *r)
{
	static const char *const known[] = {"organisatie", "titel", "eigenaar", "uiterlijk",
					    "vertrouwelijkheid"};
	struct field_errors e = {0};
	int64_t id;
	json_t *o;
	int st = write_begin(r, &id, &o, known, 5, &e);
	if (st)
		return st;
	const char *org = NULL;
	struct relaties_follow_up_form f = {0};
	api_str_member(o, "organisatie", &org, &e);
	api_str_member(o, "titel", &f.title, &e);
	api_str_member(o, "eigenaar", &f.owner, &e);
	api_str_member(o, "uiterlijk", &f.due_date, &e);
	api_str_member(o, "vertrouwelijkheid", &f.confidentiality, &e);
	if (!f.confidentiality)
		f.confidentiality = "intern";
	if (e.n)
		return api_invalid(r, &e, INVALID);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int64_t fid;
	if ((st = outcome_or_respond(r,
				     bijeenkomsten_add_follow_up(s, r->arena, r->snap, r->user,
								 "api", id, org, &f, &e, &fid),
				     &e)))
		return st;
	req_header(r, "Location", arena_printf(r->arena, API_BASE "/relaties/%s", org));
	struct jw w;
	api_begin_private(r, &w);
	jw_obj(&w);
	jw_kint(&w, "id", fid);
	api_khref(&w, "relatie", API_BASE "/relaties/", org, NULL);
	jw_end(&w);
	return 201;
}

static void registration_json(struct jw *w, const struct registration_row *x)
{
	jw_obj(w);
	jw_kint(w, "id", x->id);
	jw_kstr(w, "naam", *x->name ? x->name : NULL);
	jw_kbool(w, "gewist", !*x->name);
	jw_kstr(w, "organisatie", x->organisation);
	jw_kstr(w, "email", *x->email ? x->email : NULL);
	jw_kstr(w, "status", x->status);
	jw_kbool(w, "zichtbaar", x->show_name);
	jw_kstr(w, "aangemeld", x->created_at);
	jw_end(w);
}

int api_bijeenkomst_registration_patch(struct request *r)
{
	static const char *const known[] = {"naam", "organisatie", "zichtbaar"};
	struct field_errors e = {0};
	int64_t id, rid;
	json_t *o;
	int st = write_begin(r, &id, &o, known, 3, &e);
	if (st)
		return st;
	if (!api_path_id(r, 1, &rid))
		return respond_not_found(r);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	struct registration_row old;
	if ((st = outcome_or_respond(
		 r, bijeenkomsten_registration(s, r->arena, r->user, id, rid, &old), NULL)))
		return st;
	const char *name = old.name, *org = old.organisation;
	bool show = old.show_name;
	const char *v = NULL;
	if (json_object_get(o, "naam") && api_str_member(o, "naam", &v, &e))
		name = v ? v : "";
	if (json_object_get(o, "organisatie") && api_str_member(o, "organisatie", &v, &e))
		org = v ? v : "";
	json_t *z = json_object_get(o, "zichtbaar");
	if (z && json_is_boolean(z))
		show = json_is_true(z);
	else if (z)
		field_errors_add(&e, "zichtbaar", "Geef true of false.");
	if (e.n)
		return api_invalid(r, &e, INVALID);
	if ((st = outcome_or_respond(
		 r,
		 bijeenkomsten_registration_edit(s, r->user, "api", id, rid, name, org, show, &e),
		 &e)))
		return st;
	struct registration_row now;
	if ((st = outcome_or_respond(
		 r, bijeenkomsten_registration(s, r->arena, r->user, id, rid, &now), NULL)))
		return st;
	struct jw w;
	api_begin_private(r, &w);
	registration_json(&w, &now);
	return 200;
}

int api_bijeenkomst_registration_delete(struct request *r)
{
	int st = forbidden_unless_staff(r);
	if (st)
		return st;
	int64_t id, rid;
	if (!api_path_id(r, 0, &id) || !api_path_id(r, 1, &rid))
		return respond_not_found(r);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	if ((st = outcome_or_respond(
		 r, bijeenkomsten_registration_remove(s, r->user, "api", id, rid), NULL)))
		return st;
	struct event_row ev;
	if ((st = outcome_or_respond(r, bijeenkomsten_get(s, r->arena, id, &ev), NULL)))
		return st;
	struct jw w;
	api_begin_private(r, &w);
	jw_obj(&w);
	jw_kint(&w, "id", rid);
	jw_kbool(&w, "verwijderd", true);
	jw_kint(&w, "plaatsenVrij", bijeenkomst_places_left(ev.capacity, ev.taken));
	jw_kint(&w, "wachtlijst", ev.waiting);
	api_khref(&w, "bijeenkomst", API_BASE "/bijeenkomsten/",
		  arena_printf(r->arena, "%lld", (long long)id), NULL);
	jw_end(&w);
	return 200;
}
