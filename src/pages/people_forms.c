/*
 * people_forms — the editing forms for people: a new person,
 * editing a person, adding an office, adding a seat (two steps without
 * JavaScript: first the collaboration, then only the bodies its legal form
 * has and its participants as "namens"), and ending an office or seat on a
 * date. Permissions (also on the pages and in docs/SECURITY.md): programme
 * staff and administrators edit everything; a partner editor records
 * offices in and seats on behalf of their own organisation only, and edits
 * a person's own data when that person has an office or seat there (or
 * was created by the editor and has nothing yet). The store validates
 * every field (struct field_errors); nothing is written on any error.
 */
#include "people.h"

#include "auth_ui.h"
#include "edit.h"
#include "forms.h"
#include "../app/accounts.h"
#include "../app/policy.h"
#include "../domain/labels.h"
#include "../app/readmodel.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct param_spec people_seat_params[] = {{"samenwerkingsverband", PT_TEXT, 80},
						{NULL, 0, 0}};

/* ---- shared form plumbing --------------------------------------------------- */

static void add_error(struct field_errors *e, const char *field, const char *msg)
{
	if (e->n >= FIELD_ERRORS_MAX)
		return;
	snprintf(e->e[e->n].field, sizeof e->e[e->n].field, "%s", field);
	snprintf(e->e[e->n].message, sizeof e->e[e->n].message, "%s", msg);
	e->n++;
}

/* Start a form page: head, h1 (with "Fout: " in the title on errors) and
 * the error summary. */
static void form_page_begin(struct request *r, const char *h1, const struct person *p,
			    const char *step, const struct field_errors *errs,
			    const struct form_field *f, int n)
{
	struct buf *b = &r->out;
	buf_reset(b);
	bool bad = errs && errs->n > 0;
	const char *pname = p ? (p->erased ? "Onbekende persoon" : p->name) : NULL;
	const struct crumb crumbs[] = {
	    {"Personen", "/personen"},
	    {pname ? pname : step, pname ? people_href(r, p->key, "") : NULL},
	    {step, NULL}};
	const struct page_head h = {.title = bad ? arena_printf(r->arena, "Fout: %s", h1) : h1,
				    .nav = NAV_PEOPLE,
				    .crumbs = crumbs,
				    .n_crumbs = pname ? 3 : 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, h1);
	html_raw(b, "</h1>");
	form_error_summary(b, errs, f, n);
}

/* Load person key (not erased) into p: 0, or the status of the 404/409/500
 * reply already sent. */
static int load_person_or_respond(struct request *r, struct person *p)
{
	int rc = people_load_or_respond(r, store_thread(), p);
	if (rc)
		return rc;
	if (p->erased)
		return respond_error(r, 409, "Gegevens gewist",
				     "De gegevens van deze persoon zijn gewist; er kan niets meer "
				     "aan worden toegevoegd of gewijzigd.",
				     NULL);
	return 0;
}

/* The person of the path, for adding an office or seat: the 403 page when
 * the user may not, else as load_person_or_respond. */
static int person_to_add_to_or_respond(struct request *r, struct person *p)
{
	if (!policy_may_create_person(r->user, r->snap))
		return edit_forbidden(r);
	return load_person_or_respond(r, p);
}

/* ---- person: new and edit ---------------------------------------------------- */

enum { PF_NAME, PF_PARTY, PF_EMAIL, PF_PHONE, PF_NOTE, PF_COUNT };

static void person_fields(struct form_field f[PF_COUNT])
{
	f[PF_NAME] = (struct form_field){
	    "naam", "Naam", FK_TEXT,
	    200,    true,   "Voornaam en achternaam, zoals in openbare bronnen.",
	    NULL,   0};
	f[PF_PARTY] = (struct form_field){
	    "partij", "Partij", FK_TEXT,
	    100,      false,	"Alleen bij politieke ambtsdragers en als dit openbaar is.",
	    NULL,     0};
	f[PF_EMAIL] = (struct form_field){"email", "E-mailadres",
					  FK_TEXT, 200,
					  false,   "Alleen zichtbaar voor ingelogde gebruikers.",
					  NULL,	   0};
	f[PF_PHONE] = (struct form_field){"telefoon", "Telefoonnummer",
					  FK_TEXT,    40,
					  false,      "Alleen zichtbaar voor ingelogde gebruikers.",
					  NULL,	      0};
	f[PF_NOTE] =
	    (struct form_field){"opmerking",
				"Opmerking",
				FK_TEXTAREA,
				1000,
				false,
				"Alleen zichtbaar voor ingelogde gebruikers. Ten hoogste 1000 "
				"tekens.",
				NULL,
				0};
}

static void person_input_from(const char *const v[PF_COUNT], struct person_input *in)
{
	memset(in, 0, sizeof *in);
	in->name = v[PF_NAME];
	in->party = v[PF_PARTY];
	in->email = v[PF_EMAIL];
	in->phone = v[PF_PHONE];
	in->note = v[PF_NOTE];
}

static int person_form_page(struct request *r, const struct person *p,
			    const struct form_field f[PF_COUNT], const char *const v[PF_COUNT],
			    int64_t version, const struct field_errors *errs, int status)
{
	struct buf *b = &r->out;
	const char *h1 = p ? arena_printf(r->arena, "%s bewerken", p->name) : "Nieuwe persoon";
	form_page_begin(r, h1, p, p ? "Bewerken" : "Nieuwe persoon", errs, f, PF_COUNT);
	html_raw(b, "<p class=\"utrecht-paragraph\">Leg alleen gegevens vast die nodig zijn "
		    "voor de atlas. Naam, partij, publieke functies en zetels zijn openbaar; "
		    "ambtenaren, contactgegevens en de opmerking zien alleen ingelogde "
		    "gebruikers.</p>");
	if (!p && r->user && r->user->role == USER_ROLE_EDITOR)
		html_raw(b, "<p class=\"utrecht-paragraph\">Als redacteur legt u daarna een "
			    "functie binnen uw eigen organisatie of een zetel namens uw eigen "
			    "organisatie vast.</p>");
	form_open(b, r, p ? people_href(r, p->key, "/bewerken") : "/personen/nieuw");
	if (p)
		form_version_field(b, version);
	form_fields(b, f, PF_COUNT, v, errs);
	form_buttons(b, p ? "Opslaan" : "Persoon toevoegen",
		     p ? people_href(r, p->key, "") : "/personen", "Annuleren");
	form_close(b);
	layout_end(b, NULL);
	return status;
}

int page_person_new(struct request *r)
{
	if (!policy_may_create_person(r->user, r->snap))
		return edit_forbidden(r);
	struct form_field f[PF_COUNT];
	person_fields(f);
	const char *v[PF_COUNT];
	if (r->method & (HTTP_GET | HTTP_HEAD)) {
		for (int i = 0; i < PF_COUNT; i++)
			v[i] = "";
		return person_form_page(r, NULL, f, v, 0, NULL, 200);
	}
	form_submitted(r, f, PF_COUNT, v);
	struct person_input in;
	person_input_from(v, &in);
	struct write_ctx w;
	char actor[80], today[11], key[128];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	struct field_errors errs = {0};
	struct store *st = store_thread();
	if (!st)
		return people_store_failure(r);
	int rc = store_person_create(st, &w, &in, key, sizeof key, &errs);
	if (rc == STORE_ERR_INVALID)
		return person_form_page(r, NULL, f, v, 0, &errs, 400);
	if (rc != STORE_OK)
		return people_store_failure(r);
	app_after_write();
	return respond_redirect(r, people_href(r, key, "?melding=persoon-aangemaakt"));
}

int page_person_edit(struct request *r)
{
	struct person p;
	int status;
	if ((status = load_person_or_respond(r, &p)))
		return status;
	if (!policy_may_edit_person(store_thread(), r->arena, r->user, r->snap, p.key))
		return edit_forbidden(r);
	struct form_field f[PF_COUNT];
	person_fields(f);
	const char *stored[PF_COUNT] = {p.name, p.party, p.email, p.phone, p.note};
	if (r->method & (HTTP_GET | HTTP_HEAD))
		return person_form_page(r, &p, f, stored, p.version, NULL, 200);
	int64_t version, current = 0;
	if (!form_version(r, &version))
		return edit_bad_version(r);
	const char *v[PF_COUNT];
	form_submitted(r, f, PF_COUNT, v);
	struct person_input in;
	person_input_from(v, &in);
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	struct field_errors errs = {0};
	int rc = store_person_update(store_thread(), &w, p.key, version, &in, &errs, &current);
	if (rc == STORE_ERR_INVALID)
		return person_form_page(r, &p, f, v, version, &errs, 400);
	if (rc == STORE_ERR_CONFLICT)
		return edit_conflict_page(r, p.name, people_href(r, p.key, "/bewerken"),
					  people_href(r, p.key, ""), f, PF_COUNT, v, stored);
	if (rc != STORE_OK)
		return people_store_failure(r);
	app_after_write();
	return respond_redirect(r, people_href(r, p.key, "?melding=opgeslagen"));
}

/* ---- offices ----------------------------------------------------------------- */

enum { OF_ORG, OF_KIND, OF_PORTFOLIO, OF_FROM, OF_TO, OF_COUNT };

static void office_fields(struct request *r, struct form_field f[OF_COUNT])
{
	const struct snapshot *s = r->snap;
	struct arena *a = r->arena;
	struct comp_option *o;
	int n = 0;
	int oi = policy_scoped_org(r->user, r->snap);
	if (oi >= 0) {
		o = arena_calloc(a, 1, sizeof *o);
		o[n++] = (struct comp_option){s->orgs[oi].code, s->orgs[oi].name};
	} else {
		o = arena_calloc(a, (size_t)s->n_orgs + 1, sizeof *o);
		o[n++] = (struct comp_option){"", "Kies een organisatie"};
		for (int i = 0; i < s->n_orgs; i++)
			o[n++] = (struct comp_option){
			    s->orgs[i].code,
			    s->orgs[i].ended ? arena_printf(a, "%s (opgeheven)", s->orgs[i].name)
					     : s->orgs[i].name};
	}
	f[OF_ORG] =
	    (struct form_field){"organisatie", "Organisatie", FK_SELECT, 0, true, NULL, o, n};
	const struct comp_option *k =
	    form_label_opts(a, office_labels, OFFICE_COUNT, "Kies een functie", &n);
	f[OF_KIND] = (struct form_field){
	    "functie", "Functie", FK_SELECT,
	    0,	       true,	  "Ambtenaren zijn alleen zichtbaar voor ingelogde gebruikers.",
	    k,	       n};
	f[OF_PORTFOLIO] =
	    (struct form_field){"portefeuille", "Portefeuille",
				FK_TEXT,	300,
				false,		"Bijvoorbeeld Ruimtelijke ordening, Financiën.",
				NULL,		0};
	f[OF_FROM] = (struct form_field){
	    "van", "Van", FK_DATE, 10, false, "Als jjjj-mm-dd, bijvoorbeeld 2022-06-01.", NULL, 0};
	f[OF_TO] = (struct form_field){
	    "tot", "Tot", FK_DATE, 10, false, "Als jjjj-mm-dd. Leeg als de functie nog loopt.",
	    NULL,  0};
}

static int office_form_page(struct request *r, const struct person *p,
			    const struct form_field f[OF_COUNT], const char *const v[OF_COUNT],
			    const struct field_errors *errs, int status)
{
	struct buf *b = &r->out;
	form_page_begin(r, arena_printf(r->arena, "Functie toevoegen voor %s", p->name), p,
			"Functie toevoegen", errs, f, OF_COUNT);
	if (r->user->role == USER_ROLE_EDITOR)
		html_raw(b, "<p class=\"utrecht-paragraph\">Als redacteur legt u alleen functies "
			    "binnen uw eigen organisatie vast.</p>");
	form_open(b, r, people_href(r, p->key, "/functies/nieuw"));
	form_fields(b, f, OF_COUNT, v, errs);
	form_buttons(b, "Functie toevoegen", people_href(r, p->key, ""), "Annuleren");
	form_close(b);
	layout_end(b, NULL);
	return status;
}

int page_person_office_new(struct request *r)
{
	struct person p;
	int status;
	if ((status = person_to_add_to_or_respond(r, &p)))
		return status;
	struct form_field f[OF_COUNT];
	office_fields(r, f);
	const char *v[OF_COUNT];
	if (r->method & (HTTP_GET | HTTP_HEAD)) {
		for (int i = 0; i < OF_COUNT; i++)
			v[i] = "";
		if (!policy_is_staff(r->user))
			v[OF_ORG] = r->user->org_code;
		return office_form_page(r, &p, f, v, NULL, 200);
	}
	form_submitted(r, f, OF_COUNT, v);
	if (!policy_is_staff(r->user) && !policy_may_manage_org_people(r->user, v[OF_ORG]))
		return edit_forbidden(r);
	struct office_input in = {.org_code = v[OF_ORG],
				  .kind = v[OF_KIND],
				  .portfolio = v[OF_PORTFOLIO],
				  .from = v[OF_FROM],
				  .to = v[OF_TO]};
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	struct field_errors errs = {0};
	int64_t id = 0;
	int rc = store_office_add(store_thread(), &w, p.key, &in, &id, &errs);
	if (rc == STORE_ERR_INVALID)
		return office_form_page(r, &p, f, v, &errs, 400);
	if (rc != STORE_OK)
		return people_store_failure(r);
	app_after_write();
	return respond_redirect(r, people_href(r, p.key, "?melding=functie-toegevoegd"));
}

/* ---- seats -------------------------------------------------------------------- */

enum { SF_COLLAB, SF_ORG, SF_BODY, SF_FROM, SF_TO, SF_COUNT };

/* Step 1: choose the collaboration (a GET form, works without JavaScript). */
static int seat_step1(struct request *r, const struct person *p, const struct field_errors *errs,
		      int status)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	struct comp_option *o = arena_calloc(r->arena, (size_t)s->n_collabs + 1, sizeof *o);
	int n = 0;
	o[n++] = (struct comp_option){"", "Kies een samenwerkingsverband"};
	for (int i = 0; i < s->n_collabs; i++)
		o[n++] = (struct comp_option){
		    s->collabs[i].key,
		    s->collabs[i].active
			? s->collabs[i].name
			: arena_printf(r->arena, "%s (beëindigd)", s->collabs[i].name)};
	struct form_field f = {"samenwerkingsverband",
			       "Samenwerkingsverband",
			       FK_SELECT,
			       0,
			       true,
			       "Daarna kiest u het orgaan: alleen de organen die de juridische "
			       "vorm van dit samenwerkingsverband kent.",
			       o,
			       n};
	form_page_begin(r, arena_printf(r->arena, "Zetel toevoegen voor %s", p->name), p,
			"Zetel toevoegen", errs, &f, 1);
	html_raw(b, "<p class=\"utrecht-paragraph\">Stap 1 van 2: kies het "
		    "samenwerkingsverband.</p>"
		    "<form class=\"atlas-edit-form\" method=\"get\" action=\"");
	html_attr(b, people_href(r, p->key, "/zetels/nieuw"));
	html_raw(b, "\">");
	form_field(b, &f, req_param(r, "samenwerkingsverband"), errs);
	form_buttons(b, "Verder", people_href(r, p->key, ""), "Annuleren");
	html_raw(b, "</form>");
	layout_end(b, NULL);
	return status;
}

/* The fields of step 2 for collaboration ci. */
static int seat_fields(struct request *r, int ci, struct form_field f[SF_COUNT])
{
	const struct snapshot *s = r->snap;
	const struct collaboration *c = &s->collabs[ci];
	struct arena *a = r->arena;
	f[SF_COLLAB] = (struct form_field){
	    "samenwerkingsverband", "Samenwerkingsverband", FK_TEXT, 0, true, NULL, NULL, 0};
	/* namens: the participants (a partner editor: only their own organisation) */
	struct comp_option *o = arena_calloc(a, (size_t)c->n_parts + 2, sizeof *o);
	int n = 0;
	if (!policy_is_staff(r->user)) {
		int oi = policy_own_org(r->user, r->snap);
		if (oi >= 0)
			o[n++] = (struct comp_option){s->orgs[oi].code, s->orgs[oi].name};
	} else {
		o[n++] = (struct comp_option){"", "Kies een organisatie"};
		for (int k = 0; k < c->n_parts; k++) {
			const struct organisation *org =
			    &s->orgs[s->parts[c->parts[k]].organisation];
			bool dup = false;
			for (int j = 1; j < n && !dup; j++)
				dup = strcmp(o[j].value, org->code) == 0;
			if (!dup)
				o[n++] = (struct comp_option){
				    org->code,
				    s->parts[c->parts[k]].active
					? org->name
					: arena_printf(a, "%s (voormalig deelnemer)", org->name)};
		}
	}
	f[SF_ORG] = (struct form_field){
	    "namens", "Namens", FK_SELECT,
	    0,	      true,	"De deelnemende organisatie die deze persoon vertegenwoordigt.",
	    o,	      n};
	struct comp_option *bo = arena_calloc(a, SEAT_BODY_COUNT + 1, sizeof *bo);
	int nb = 0;
	bo[nb++] = (struct comp_option){"", "Kies een orgaan"};
	for (int k = 0; k < SEAT_BODY_COUNT; k++)
		if (seat_body_allowed(c->legal_form, c->kind, (enum seat_body)k, NULL, 0))
			bo[nb++] = (struct comp_option){seat_body_labels[k].api,
							seat_body_labels[k].label};
	f[SF_BODY] = (struct form_field){
	    "orgaan",
	    "Orgaan",
	    FK_SELECT,
	    0,
	    true,
	    c->legal_form == LF_UNKNOWN
		? "De juridische vorm is onbekend; daarom staan alle organen in de lijst."
		: arena_printf(a, "De organen die een %s kent.",
			       legal_form_labels[c->legal_form].label),
	    bo,
	    nb};
	f[SF_FROM] = (struct form_field){
	    "van", "Van", FK_DATE, 10, false, "Als jjjj-mm-dd, bijvoorbeeld 2022-06-01.", NULL, 0};
	f[SF_TO] = (struct form_field){"tot", "Tot", FK_DATE,
				       10,    false, "Als jjjj-mm-dd. Leeg als de zetel nog loopt.",
				       NULL,  0};
	return nb - 1;
}

static int seat_step2(struct request *r, const struct person *p, int ci,
		      const struct form_field f[SF_COUNT], const char *const v[SF_COUNT],
		      int n_bodies, const struct field_errors *errs, int status)
{
	const struct collaboration *c = &r->snap->collabs[ci];
	struct buf *b = &r->out;
	form_page_begin(r, arena_printf(r->arena, "Zetel toevoegen voor %s", p->name), p,
			"Zetel toevoegen", errs, f, SF_COUNT);
	html_raw(b, "<p class=\"utrecht-paragraph\">Stap 2 van 2. Samenwerkingsverband: "
		    "<strong>");
	html_text(b, c->name);
	html_raw(b, "</strong> (");
	html_text(b, c->legal_form == LF_UNKNOWN ? "juridische vorm onbekend"
						 : legal_form_labels[c->legal_form].label);
	html_raw(b, "). ");
	comp_link(b, people_href(r, p->key, "/zetels/nieuw"), "Ander samenwerkingsverband kiezen");
	html_raw(b, "</p>");
	if (n_bodies == 0) {
		char msg[256] = "";
		seat_body_allowed(c->legal_form, c->kind, SEAT_BESTUUR, msg, sizeof msg);
		html_raw(b, "<p class=\"utrecht-paragraph\">");
		html_text(b, msg[0] ? msg : "Dit samenwerkingsverband heeft geen eigen organen.");
		html_raw(b, " Er kan daarom geen zetel worden vastgelegd.</p>");
		layout_end(b, NULL);
		return status;
	}
	if (r->user->role == USER_ROLE_EDITOR)
		html_raw(b, "<p class=\"utrecht-paragraph\">Als redacteur legt u alleen zetels "
			    "namens uw eigen organisatie vast.</p>");
	form_open(b, r, people_href(r, p->key, "/zetels/nieuw"));
	form_hidden(b, "samenwerkingsverband", c->key);
	for (int i = SF_ORG; i < SF_COUNT; i++)
		form_field(b, &f[i], v[i], errs);
	form_buttons(b, "Zetel toevoegen", people_href(r, p->key, ""), "Annuleren");
	form_close(b);
	layout_end(b, NULL);
	return status;
}

int page_person_seat_new(struct request *r)
{
	struct person p;
	int status;
	if ((status = person_to_add_to_or_respond(r, &p)))
		return status;
	bool get = (r->method & (HTTP_GET | HTTP_HEAD)) != 0;
	const char *ck =
	    get ? req_param(r, "samenwerkingsverband") : req_form(r, "samenwerkingsverband");
	int ci = str_empty(ck) ? -1 : snapshot_find_collab(r->snap, ck);
	if (ci < 0) {
		struct field_errors errs = {0};
		if (!str_empty(ck) || !get)
			add_error(&errs, "samenwerkingsverband",
				  "Kies een bestaand samenwerkingsverband.");
		return seat_step1(r, &p, errs.n ? &errs : NULL, errs.n ? 400 : 200);
	}
	struct form_field f[SF_COUNT];
	int n_bodies = seat_fields(r, ci, f);
	const char *v[SF_COUNT];
	if (get) {
		for (int i = 0; i < SF_COUNT; i++)
			v[i] = "";
		v[SF_COLLAB] = r->snap->collabs[ci].key;
		if (!policy_is_staff(r->user))
			v[SF_ORG] = r->user->org_code;
		return seat_step2(r, &p, ci, f, v, n_bodies, NULL, 200);
	}
	form_submitted(r, f, SF_COUNT, v);
	v[SF_COLLAB] = r->snap->collabs[ci].key;
	if (!policy_is_staff(r->user) && !policy_may_manage_org_people(r->user, v[SF_ORG]))
		return edit_forbidden(r);
	/* the legal form decides the bodies; checked here and again by the store */
	struct field_errors errs = {0};
	const struct collaboration *c = &r->snap->collabs[ci];
	int body = label_from_api(seat_body_labels, SEAT_BODY_COUNT, v[SF_BODY]);
	char msg[200] = "";
	if (body >= 0 &&
	    !seat_body_allowed(c->legal_form, c->kind, (enum seat_body)body, msg, sizeof msg))
		add_error(&errs, "orgaan",
			  msg[0] ? msg : "Dit samenwerkingsverband heeft dit orgaan niet.");
	if (errs.n)
		return seat_step2(r, &p, ci, f, v, n_bodies, &errs, 400);
	struct seat_input in = {.collab_key = c->key,
				.org_code = v[SF_ORG],
				.body = v[SF_BODY],
				.from = v[SF_FROM],
				.to = v[SF_TO]};
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	int64_t id = 0;
	int rc = store_seat_add(store_thread(), &w, p.key, &in, &id, &errs);
	if (rc == STORE_ERR_INVALID)
		return seat_step2(r, &p, ci, f, v, n_bodies, &errs, 400);
	if (rc != STORE_OK)
		return people_store_failure(r);
	app_after_write();
	return respond_redirect(r, people_href(r, p.key, "?melding=zetel-toegevoegd"));
}

/* ---- ending an office or a seat ------------------------------------------------ */

/* 400 with the store's first message (the form is a single date field). */
static int end_invalid(struct request *r, const struct person *p, const struct field_errors *e)
{
	struct buf *b = &r->out;
	buf_reset(b);
	const struct crumb crumbs[] = {
	    {"Personen", "/personen"}, {p->name, people_href(r, p->key, "")}, {"Beëindigen", NULL}};
	const struct page_head h = {
	    .title = "Fout: Niet beëindigd", .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 3};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Niet beëindigd</h1>"
		    "<div class=\"utrecht-alert utrecht-alert--error atlas-notice\" role=\"alert\">"
		    "<div class=\"utrecht-alert__content\"><p class=\"utrecht-alert__message\">");
	html_text(b, e->n ? e->e[0].message : "De einddatum is ongeldig.");
	html_raw(b, " Er is niets gewijzigd.</p></div></div><p class=\"utrecht-paragraph\">");
	comp_link(b, people_href(r, p->key, ""), "Terug naar de persoon");
	html_raw(b, "</p>");
	layout_end(b, NULL);
	return 400;
}

static int end_common(struct request *r, bool seat)
{
	struct person p;
	int status;
	if ((status = load_person_or_respond(r, &p)))
		return status;
	long id;
	if (r->n_path_args < 2 || !parse_long(r->path_args[1], 1, 0x7fffffffL, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	const char *org = NULL;
	struct office *of = NULL;
	struct seat *se = NULL;
	int n = 0;
	if (seat) {
		if (store_seats_of_person(st, r->arena, p.key, &se, &n) == STORE_OK)
			for (int i = 0; i < n && !org; i++)
				if (se[i].id == id)
					org = arena_strdup(r->arena, se[i].org_code);
	} else {
		if (store_offices_of_person(st, r->arena, p.key, &of, &n) == STORE_OK)
			for (int i = 0; i < n && !org; i++)
				if (of[i].id == id)
					org = arena_strdup(r->arena, of[i].org_code);
	}
	if (!org)
		return respond_not_found(r);
	if (!policy_may_manage_org_people(r->user, org))
		return edit_forbidden(r);
	const char *to = form_str(req_form(r, "tot"));
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	if (str_empty(to))
		to = today;
	struct field_errors errs = {0};
	int rc =
	    seat ? store_seat_end(st, &w, id, to, &errs) : store_office_end(st, &w, id, to, &errs);
	if (rc == STORE_ERR_INVALID)
		return end_invalid(r, &p, &errs);
	if (rc == STORE_ERR_NOTFOUND)
		return respond_not_found(r);
	if (rc != STORE_OK)
		return people_store_failure(r);
	app_after_write();
	return respond_redirect(
	    r, people_href(r, p.key,
			   seat ? "?melding=zetel-beeindigd" : "?melding=functie-beeindigd"));
}

int page_person_office_end(struct request *r)
{
	return end_common(r, false);
}

int page_person_seat_end(struct request *r)
{
	return end_common(r, true);
}
