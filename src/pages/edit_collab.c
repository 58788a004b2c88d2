/*
 * edit_collab — the web forms for collaborations: create
 * (/samenwerkingsverbanden/nieuw), edit (.../{id}/bewerken), end
 * (.../beeindigen) and confirm (.../bevestigen), plus the permission checks
 * and the error/conflict pages the other edit_* modules share. Reads the
 * snapshot, writes only through store_write.h; validation is the store's.
 */
#include "auth_ui.h"
#include "edit.h"
#include "forms.h"
#include "../app/accounts.h"
#include "../app/policy.h"
#include "../domain/labels.h"
#include "../app/readmodel.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdio.h>
#include <string.h>

/* ---- shared error pages ------------------------------------------------------- */

int edit_forbidden(struct request *r)
{
	return respond_error(r, 403, "Geen toegang",
			     "U mag dit gegeven niet wijzigen. Er is niets gewijzigd.", NULL);
}

int edit_bad_version(struct request *r)
{
	return respond_error(r, 400, "Ongeldig formulier",
			     "Het formulier mist de versie van het gegeven. Er is niets gewijzigd. "
			     "Laad de pagina opnieuw.",
			     "versie");
}

int edit_store_failure(struct request *r, int rc)
{
	if (rc == STORE_ERR_NOTFOUND)
		return respond_not_found(r);
	log_error("edit: store write failed (%d)", rc);
	return respond_error(r, 500, "Er ging iets mis",
			     "Het opslaan is niet gelukt. Er is niets gewijzigd. Probeer het later "
			     "opnieuw.",
			     NULL);
}

int edit_collab_or_respond(struct request *r, const struct collaboration **c)
{
	int ci = snapshot_find_collab(r->snap, r->path_args[0]);
	if (ci < 0)
		return respond_not_found(r);
	if (!policy_may_edit_collab(r->user, r->snap, ci))
		return edit_forbidden(r);
	*c = &r->snap->collabs[ci];
	return 0;
}

const char *edit_collab_href(struct request *r, const char *key, const char *suffix)
{
	return form_record_href(r, "/samenwerkingsverbanden/", key, suffix);
}

int edit_write_done(struct request *r, int rc, const char *redirect)
{
	if (rc != 0)
		return edit_store_failure(r, rc);
	app_after_write();
	return respond_redirect(r, redirect);
}

int edit_confirm(struct request *r, const char *entity, const char *key, const char *name,
		 const char *record_href)
{
	int64_t version, current = 0;
	if (!form_version(r, &version))
		return edit_bad_version(r);
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	int rc = store_confirm(store_thread(), &w, entity, key, version, &current);
	if (rc == STORE_ERR_CONFLICT)
		return edit_conflict_simple(r, name, record_href);
	if (rc != 0)
		return edit_store_failure(r, rc);
	app_after_write();
	const char *terug = req_form(r, "terug");
	if (terug && strcmp(terug, "/mijn-organisatie") == 0)
		return respond_redirect(r, "/mijn-organisatie?melding=bevestigd");
	return respond_redirect(r, arena_printf(r->arena, "%s?melding=bevestigd", record_href));
}

static void conflict_head(struct request *r, const char *record_name)
{
	struct buf *b = &r->out;
	const struct page_head h = {.title = "Niet opgeslagen: gewijzigd door iemand anders",
				    .nav = NAV_NONE};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b,
		 "<h1 class=\"utrecht-heading-1\">Niet opgeslagen: iemand anders heeft dit "
		 "gegeven gewijzigd</h1>"
		 "<div class=\"utrecht-alert utrecht-alert--warning atlas-notice\" role=\"note\">"
		 "<div class=\"utrecht-alert__content\"><p class=\"utrecht-alert__message\">");
	html_text(b, record_name);
	html_raw(b, " is gewijzigd nadat u het formulier opende. Uw wijziging is <strong>niet"
		    "</strong> opgeslagen en er is niets overschreven.</p></div></div>");
}

int edit_conflict_page(struct request *r, const char *record_name, const char *reload_href,
		       const char *back_href, const struct form_field *fields, int n,
		       const char *const *mine, const char *const *stored)
{
	struct buf *b = &r->out;
	buf_reset(b);
	conflict_head(r, record_name);
	html_raw(b, "<p class=\"utrecht-paragraph\">Hieronder staat uw invoer naast wat nu is "
		    "opgeslagen. Gegevens die verschillen zijn gemarkeerd. Laad het formulier "
		    "opnieuw met de opgeslagen gegevens en breng uw wijziging daarin opnieuw "
		    "aan.</p>");
	form_conflict_table(b, fields, n, mine, stored);
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	comp_link(b, reload_href, "Laad het formulier opnieuw");
	html_raw(b, " · ");
	comp_link(b, back_href, "Terug naar het gegeven");
	html_raw(b, "</p>");
	layout_end(b, NULL);
	return 409;
}

int edit_conflict_simple(struct request *r, const char *record_name, const char *back_href)
{
	struct buf *b = &r->out;
	buf_reset(b);
	conflict_head(r, record_name);
	html_raw(b, "<p class=\"utrecht-paragraph\">Bekijk de huidige gegevens en probeer het "
		    "opnieuw.</p><p class=\"utrecht-paragraph\">");
	comp_link(b, back_href, "Naar de huidige gegevens");
	html_raw(b, "</p>");
	layout_end(b, NULL);
	return 409;
}

/* ---- the collaboration form ------------------------------------------------- */

enum {
	CF_NAME,
	CF_SHORT,
	CF_KIND,
	CF_FORM,
	CF_POWERS,
	CF_DOMAINS,
	CF_PHASE,
	CF_PURPOSE,
	CF_SEAT,
	CF_START,
	CF_END,
	CF_WEBSITE,
	CF_NOTE,
	CF_COUNT
};

/* The fields of the collaboration form (options from the snapshot). */
static void collab_fields(struct request *r, struct form_field f[CF_COUNT])
{
	const struct snapshot *s = r->snap;
	struct arena *a = r->arena;
	int n;
	memset(f, 0, sizeof(struct form_field) * CF_COUNT);
	f[CF_NAME] = (struct form_field){"naam", "Naam", FK_TEXT, 200, true, NULL, NULL, 0};
	f[CF_SHORT] = (struct form_field){
	    "korteNaam", "Korte naam", FK_TEXT, 60, false, "Bijvoorbeeld een afkorting.", NULL, 0};
	f[CF_KIND].opts =
	    form_label_opts(a, collab_kind_labels, COLLAB_KIND_COUNT, "Kies een soort", &n);
	f[CF_KIND] =
	    (struct form_field){"soort", "Soort", FK_SELECT, 0, true, NULL, f[CF_KIND].opts, n};
	const struct comp_option *o = form_label_opts(a, legal_form_labels, LF_COUNT, NULL, &n);
	f[CF_FORM] = (struct form_field){
	    "juridischeVorm", "Juridische vorm", FK_SELECT, 0, false, NULL, o, n};
	o = form_label_opts(a, powers_labels, POW_COUNT, NULL, &n);
	f[CF_POWERS] = (struct form_field){"bevoegdheidsverkrijging",
					   "Bevoegdheden verkregen door",
					   FK_SELECT,
					   0,
					   false,
					   NULL,
					   o,
					   n};
	struct comp_option *d = arena_calloc(a, (size_t)s->n_domains + 1, sizeof *d);
	for (int i = 0; i < s->n_domains; i++)
		d[i] = (struct comp_option){s->domains[i].key, s->domains[i].name};
	f[CF_DOMAINS] = (struct form_field){"beleidsdomeinen",
					    "Beleidsdomeinen",
					    FK_CHECKS,
					    0,
					    true,
					    "Kies één of meer beleidsdomeinen.",
					    d,
					    s->n_domains};
	o = form_label_opts(a, phase_labels, PHASE_COUNT, NULL, &n);
	f[CF_PHASE] = (struct form_field){"fase", "Fase", FK_SELECT, 0, false, NULL, o, n};
	f[CF_PURPOSE] = (struct form_field){"doel",
					    "Doel",
					    FK_TEXTAREA,
					    2000,
					    false,
					    "Waarvoor werken de deelnemers samen? Ten hoogste 2000 "
					    "tekens.",
					    NULL,
					    0};
	f[CF_SEAT] = (struct form_field){
	    "vestigingsplaats", "Vestigingsplaats", FK_TEXT, 100, false, NULL, NULL, 0};
	f[CF_START] = (struct form_field){"startdatum", "Startdatum",
					  FK_DATE,	10,
					  false,	"Als jjjj-mm-dd, bijvoorbeeld 2025-01-31.",
					  NULL,		0};
	f[CF_END] = (struct form_field){"einddatum",
					"Einddatum",
					FK_DATE,
					10,
					false,
					"Als jjjj-mm-dd. Leeg als het samenwerkingsverband nog "
					"bestaat.",
					NULL,
					0};
	f[CF_WEBSITE] = (struct form_field){
	    "website", "Website", FK_URL,
	    500,       false,	  "Een adres dat begint met https:// of http://.",
	    NULL,      0};
	f[CF_NOTE] = (struct form_field){"opmerking", "Opmerking",
					 FK_TEXTAREA, 1000,
					 false,	      "Ten hoogste 1000 tekens.",
					 NULL,	      0};
}

/* The stored values of collaboration c in form representation. */
static void collab_stored(struct request *r, const struct collaboration *c, const char *v[CF_COUNT])
{
	const struct snapshot *s = r->snap;
	v[CF_NAME] = c->name;
	v[CF_SHORT] = c->short_name;
	v[CF_KIND] = collab_kind_labels[c->kind].api;
	v[CF_FORM] = legal_form_labels[c->legal_form].api;
	v[CF_POWERS] = powers_labels[c->powers].api;
	struct buf d = BUF_INIT;
	for (int k = 0; k < c->n_domains; k++) {
		if (k)
			buf_putc(&d, ';');
		buf_puts(&d, s->domains[c->domains[k]].key);
	}
	v[CF_DOMAINS] = arena_strdup(r->arena, d.data ? d.data : "");
	buf_free(&d);
	v[CF_PHASE] = phase_labels[c->phase].api;
	v[CF_PURPOSE] = c->purpose;
	v[CF_SEAT] = c->seat;
	v[CF_START] = c->start_date;
	v[CF_END] = c->end_date;
	v[CF_WEBSITE] = c->website;
	v[CF_NOTE] = c->note;
}

static void collab_input_from(const char *const v[CF_COUNT], struct collab_input *in)
{
	memset(in, 0, sizeof *in);
	in->name = v[CF_NAME];
	in->short_name = v[CF_SHORT];
	in->kind = v[CF_KIND];
	in->legal_form = v[CF_FORM];
	in->powers = v[CF_POWERS];
	in->domains = v[CF_DOMAINS];
	in->phase = v[CF_PHASE];
	in->purpose = v[CF_PURPOSE];
	in->seat = v[CF_SEAT];
	in->start_date = v[CF_START];
	in->end_date = v[CF_END];
	in->website = v[CF_WEBSITE];
	in->note = v[CF_NOTE];
}

/* Render the create (c == NULL) or edit form page. */
static int collab_form_page(struct request *r, const struct collaboration *c,
			    const struct form_field f[CF_COUNT], const char *const v[CF_COUNT],
			    int64_t version, const struct field_errors *errs, int status)
{
	struct buf *b = &r->out;
	buf_reset(b);
	bool bad = errs && errs->n > 0;
	const char *title =
	    c ? arena_printf(r->arena, "%s%s bewerken", bad ? "Fout: " : "", c->name)
	      : (bad ? "Fout: Nieuw samenwerkingsverband" : "Nieuw samenwerkingsverband");
	const char *back = c ? edit_collab_href(r, c->key, "") : "/samenwerkingsverbanden";
	const struct crumb crumbs[] = {{"Samenwerkingsverbanden", "/samenwerkingsverbanden"},
				       {c ? c->name : "Nieuw", c ? back : NULL},
				       {"Bewerken", NULL}};
	const struct page_head h = {
	    .title = title, .nav = NAV_COLLABS, .crumbs = crumbs, .n_crumbs = c ? 3 : 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	if (c) {
		html_text(b, c->name);
		html_raw(b, " bewerken");
	} else {
		html_raw(b, "Nieuw samenwerkingsverband");
	}
	html_raw(b, "</h1>");
	form_error_summary(b, errs, f, CF_COUNT);
	if (!c && r->user && r->user->role == USER_ROLE_EDITOR)
		html_raw(b, "<p class=\"utrecht-paragraph\">Uw organisatie wordt als eerste "
			    "deelnemer toegevoegd, met de rol penvoerder. Daarna kunt u het "
			    "samenwerkingsverband verder bijhouden.</p>");
	form_open(b, r,
		  c ? edit_collab_href(r, c->key, "/bewerken") : "/samenwerkingsverbanden/nieuw");
	if (c)
		form_version_field(b, version);
	form_fields(b, f, CF_COUNT, v, errs);
	form_buttons(b, c ? "Opslaan" : "Samenwerkingsverband aanmaken", back, "Annuleren");
	form_close(b);
	layout_end(b, NULL);
	return status;
}

int page_collab_new(struct request *r)
{
	if (!policy_may_create_collab(r->user, r->snap))
		return edit_forbidden(r);
	struct form_field f[CF_COUNT];
	collab_fields(r, f);
	const char *v[CF_COUNT];
	if (r->method & (HTTP_GET | HTTP_HEAD)) {
		for (int i = 0; i < CF_COUNT; i++)
			v[i] = "";
		v[CF_FORM] = "onbekend";
		v[CF_POWERS] = "onbekend";
		v[CF_PHASE] = "onbekend";
		return collab_form_page(r, NULL, f, v, 0, NULL, 200);
	}
	form_submitted(r, f, CF_COUNT, v);
	struct collab_input in;
	collab_input_from(v, &in);
	struct write_ctx w;
	char actor[80], today[11], key[128];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	struct field_errors errs = {0};
	/* a partner editor's organisation becomes the penvoerder (in the same
	 * transaction), so they can keep editing what they created */
	struct part_input pin = {.org_code = r->user->org_code,
				 .body = "onbekend",
				 .role = "penvoerder",
				 .cost_share = "",
				 .contribution = "",
				 .joined = "",
				 .left = "",
				 .note = ""};
	bool editor = r->user->role == USER_ROLE_EDITOR;
	int rc = store_collab_create_with(store_thread(), &w, &in, editor ? &pin : NULL, key,
					  sizeof key, &errs);
	if (rc == STORE_ERR_INVALID)
		return collab_form_page(r, NULL, f, v, 0, &errs, 400);
	return edit_write_done(r, rc, edit_collab_href(r, key, "?melding=aangemaakt"));
}

int page_collab_edit(struct request *r)
{
	const struct collaboration *c;
	int st = edit_collab_or_respond(r, &c);
	if (st)
		return st;
	struct form_field f[CF_COUNT];
	collab_fields(r, f);
	const char *stored[CF_COUNT];
	collab_stored(r, c, stored);
	if (r->method & (HTTP_GET | HTTP_HEAD))
		return collab_form_page(r, c, f, stored, c->version, NULL, 200);

	int64_t version;
	if (!form_version(r, &version))
		return edit_bad_version(r);
	const char *v[CF_COUNT];
	form_submitted(r, f, CF_COUNT, v);
	struct collab_input in;
	collab_input_from(v, &in);
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	struct field_errors errs = {0};
	int64_t current = 0;
	int rc = store_collab_update(store_thread(), &w, c->key, version, &in, &errs, &current);
	if (rc == STORE_ERR_INVALID)
		return collab_form_page(r, c, f, v, version, &errs, 400);
	if (rc == STORE_ERR_CONFLICT)
		return edit_conflict_page(r, c->name, edit_collab_href(r, c->key, "/bewerken"),
					  edit_collab_href(r, c->key, ""), f, CF_COUNT, v, stored);
	return edit_write_done(r, rc, edit_collab_href(r, c->key, "?melding=opgeslagen"));
}

int page_collab_end(struct request *r)
{
	const struct collaboration *c;
	int st = edit_collab_or_respond(r, &c);
	if (st)
		return st;
	int64_t version, current = 0;
	if (!form_version(r, &version))
		return edit_bad_version(r);
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	int rc = store_collab_end(store_thread(), &w, c->key, version, &current);
	if (rc == STORE_ERR_CONFLICT)
		return edit_conflict_simple(r, c->name, edit_collab_href(r, c->key, ""));
	return edit_write_done(r, rc, edit_collab_href(r, c->key, "?melding=beeindigd"));
}

int page_collab_confirm(struct request *r)
{
	const struct collaboration *c;
	int st = edit_collab_or_respond(r, &c);
	if (st)
		return st;
	return edit_confirm(r, "collaboration", c->key, c->name, edit_collab_href(r, c->key, ""));
}
