/*
 * Personal data requests by e-mail address; see persoonsgegevens.h and
 * app/persoonsgegevens.h.
 */
#include "persoonsgegevens.h"
#include "auth_ui.h"
#include "forms.h"
#include "outbox.h"
#include "../app/persoonsgegevens.h"
#include "../app/policy.h"
#include "../domain/bijeenkomsten.h"
#include "../domain/labels.h"
#include "../domain/mail_address.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/json.h"
#include "../render/layout.h"

#include <string.h>

#define PATH "/beheer/persoonsgegevens"

static int forbidden(struct request *r)
{
	return respond_error(r, 403, "Geen toegang",
			     "Alleen beheerders behandelen verzoeken over persoonsgegevens.", NULL);
}

static void begin(struct request *r, const char *title, bool error)
{
	struct buf *b = &r->out;
	buf_reset(b);
	r->cache_control = "no-store";
	r->etag = NULL;
	const struct crumb crumbs[] = {{"Beheer", "/beheer"}, {"Persoonsgegevens", NULL}};
	const struct page_head h = {
	    .title = arena_printf(r->arena, "%s%s", error ? "Fout: " : "", title),
	    .nav = NAV_ADMIN,
	    .crumbs = crumbs,
	    .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Persoonsgegevens op e-mailadres</h1>");
}

/* The form asking for the address (value kept, error shown). */
static void address_form(struct buf *b, const struct request *r, const char *email,
			 const char *error)
{
	html_raw(b,
		 "<p class=\"utrecht-paragraph\">Voor een verzoek om inzage of wissen (AVG "
		 "artikel 15 en 17) van iemand die niet in het personenregister staat: een gast "
		 "die zich aanmeldde voor een bijeenkomst, iemand die een melding deed met een "
		 "e-mailadres, of de ontvanger van e-mail. Personen in het register exporteert en "
		 "wist u op hun eigen pagina.</p>");
	form_open(b, r, PATH);
	form_hidden(b, "actie", "zoeken");
	const struct aui_field f = {.id = "f-email",
				    .name = "email",
				    .label = "E-mailadres",
				    .type = "email",
				    .value = email,
				    .error = error,
				    .autocomplete = "off",
				    .maxlength = MAIL_ADDRESS_MAX};
	aui_text_field(b, &f);
	form_submit(b, "Zoeken", true);
	form_close(b);
}

int page_persoonsgegevens(struct request *r)
{
	if (!policy_may_handle_personal_data(r->user))
		return forbidden(r);
	begin(r, "Persoonsgegevens op e-mailadres", false);
	address_form(&r->out, r, NULL, NULL);
	layout_end(&r->out, NULL);
	return 200;
}

static void registrations_table(struct buf *b, struct request *r, const struct personal_data *d)
{
	html_raw(b, "<h2 class=\"utrecht-heading-2\">Aanmeldingen voor bijeenkomsten</h2>");
	if (!d->n_registrations) {
		comp_para(b, "Geen.");
		return;
	}
	static const struct comp_col cols[] = {{"Bijeenkomst", false}, {"Begin", false},
					       {"Naam", false},	       {"Organisatie", false},
					       {"Status", false},      {"Aangemeld", false}};
	comp_table_open_ex(b, "Aanmeldingen onder dit e-mailadres", cols, 6, true);
	for (int i = 0; i < d->n_registrations; i++) {
		const struct personal_registration *x = &d->registrations[i];
		comp_row_open(b);
		comp_th_open(b);
		comp_link(b, arena_printf(r->arena, "/bijeenkomsten/%lld", (long long)x->event_id),
			  x->event_title);
		comp_th_close(b);
		comp_td_text(b, outbox_when(r, x->starts_at), NULL);
		comp_td_text(b, persoonsgegevens_shown_name(x->name), NULL);
		comp_td_text(b, x->organisation, "");
		comp_td_text(b,
			     bijeenkomst_label(registration_status_labels,
					       LABEL_COUNT(registration_status_labels), x->status),
			     NULL);
		comp_td_text(b, outbox_when(r, x->created_at), NULL);
		comp_row_close(b);
	}
	comp_table_close(b);
}

static void other_tables(struct buf *b, struct request *r, const struct personal_data *d)
{
	html_raw(b, "<h2 class=\"utrecht-heading-2\">Meldingen „Meld wat niet klopt”</h2>");
	if (!d->n_corrections)
		comp_para(b, "Geen.");
	else {
		static const struct comp_col cols[] = {
		    {"Melding", false}, {"Over", false}, {"Status", false}, {"Gedaan", false}};
		comp_table_open_ex(b, "Meldingen met dit e-mailadres", cols, 4, true);
		for (int i = 0; i < d->n_corrections; i++) {
			const struct personal_correction *x = &d->corrections[i];
			comp_row_open(b);
			comp_th_open(b);
			html_rawf(b, "%lld", (long long)x->id);
			comp_th_close(b);
			comp_td_open(b, false);
			html_text(b, x->entity_key);
			html_raw(b, " (");
			html_text(b, x->field);
			html_raw(b, ")");
			comp_td_close(b);
			comp_td_text(b,
				     strcmp(x->status, "accepted") == 0	  ? "Overgenomen"
				     : strcmp(x->status, "rejected") == 0 ? "Afgewezen"
									  : "Open",
				     NULL);
			comp_td_text(b, outbox_when(r, x->created_at), NULL);
			comp_row_close(b);
		}
		comp_table_close(b);
	}
	html_raw(b, "<h2 class=\"utrecht-heading-2\">E-mail aan dit adres</h2>");
	if (!d->n_mail) {
		comp_para(b, "Geen.");
		return;
	}
	static const struct comp_col cols[] = {
	    {"Bericht", false}, {"Soort", false}, {"Onderwerp", false}, {"Status", false}};
	comp_table_open_ex(b, "Berichten aan dit e-mailadres", cols, 4, true);
	for (int i = 0; i < d->n_mail; i++) {
		const struct personal_mail *x = &d->mail[i];
		comp_row_open(b);
		comp_th_open(b);
		html_rawf(b, "%lld", (long long)x->id);
		comp_th_close(b);
		comp_td_text(b, x->kind, NULL);
		comp_td_text(b, x->subject, NULL);
		comp_td_text(b, outbox_status_text(x->status), NULL);
		comp_row_close(b);
	}
	comp_table_close(b);
}

/* The export and erase forms for email. */
static void action_forms(struct buf *b, const struct request *r, const char *email,
			 bool missing_confirm)
{
	html_raw(b, "<h2 class=\"utrecht-heading-2\">Inzage</h2>");
	form_open(b, r, PATH);
	form_hidden(b, "actie", "export");
	form_hidden(b, "email", email);
	form_submit(b, "Alle gegevens als JSON downloaden", false);
	form_close(b);
	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"wissen\">Wissen</h2>");
	comp_para(b, "Wissen verwijdert naam, e-mailadres en organisatie uit de aanmeldingen (de "
		     "plaats en de aanwezigheid blijven tellen), het e-mailadres uit de meldingen, "
		     "en adres en tekst uit de e-mail; e-mail die nog in de wachtrij staat, wordt "
		     "ingetrokken; een vermelding in Wie weet wat van een account met dit adres "
		     "wordt verwijderd. In het auditlog komt alleen te staan dát er gewist is en "
		     "hoeveel. "
		     "Dit kan niet ongedaan worden gemaakt.");
	form_open(b, r, PATH);
	form_hidden(b, "actie", "wissen");
	form_hidden(b, "email", email);
	if (missing_confirm)
		aui_alert(b, "error", NULL,
			  "Vink aan dat u de gegevens wilt wissen. Er is niets gewist.");
	form_confirm_checkbox(b, "Ja, wis deze gegevens definitief", missing_confirm);
	form_submit(b, "Gegevens wissen", true);
	form_close(b);
}

static int export_json(struct request *r, const char *email, const struct personal_data *d)
{
	struct buf *b = &r->out;
	buf_reset(b);
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	jw_kstr(&w, "email", email);
	jw_key(&w, "aanmeldingen");
	jw_arr(&w);
	for (int i = 0; i < d->n_registrations; i++) {
		const struct personal_registration *x = &d->registrations[i];
		jw_obj(&w);
		jw_kint(&w, "id", x->id);
		jw_kint(&w, "bijeenkomst", x->event_id);
		jw_kstr(&w, "bijeenkomstTitel", x->event_title);
		jw_kstr(&w, "begin", x->starts_at);
		jw_kstr(&w, "naam", x->name);
		jw_kstr(&w, "email", x->email);
		jw_kstr(&w, "organisatie", x->organisation);
		jw_kstr(&w, "status", x->status);
		jw_kbool(&w, "naamZichtbaar", x->show_name);
		jw_kbool(&w, "viaAccount", x->account);
		jw_kstr(&w, "aangemeld", x->created_at);
		jw_end(&w);
	}
	jw_end(&w);
	jw_key(&w, "correctiemeldingen");
	jw_arr(&w);
	for (int i = 0; i < d->n_corrections; i++) {
		const struct personal_correction *x = &d->corrections[i];
		jw_obj(&w);
		jw_kint(&w, "id", x->id);
		jw_kstr(&w, "soort", x->entity);
		jw_kstr(&w, "sleutel", x->entity_key);
		jw_kstr(&w, "veld", x->field);
		jw_kstr(&w, "status", x->status);
		jw_kstr(&w, "gedaan", x->created_at);
		jw_end(&w);
	}
	jw_end(&w);
	jw_kint(&w, "vermeldingenWieWeetWat", d->n_listings);
	jw_key(&w, "berichten");
	jw_arr(&w);
	for (int i = 0; i < d->n_mail; i++) {
		const struct personal_mail *x = &d->mail[i];
		jw_obj(&w);
		jw_kint(&w, "id", x->id);
		jw_kstr(&w, "soort", x->kind);
		jw_kstr(&w, "onderwerp", x->subject);
		jw_kstr(&w, "status", x->status);
		jw_kstr(&w, "aangemaakt", x->created_at);
		jw_kstr(&w, "verzonden", x->sent_at);
		jw_kbool(&w, "tekstVerwijderd", x->pruned);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	r->content_type = "application/json; charset=utf-8";
	r->cache_control = "no-store";
	req_header(r, "Content-Disposition", "attachment; filename=\"persoonsgegevens.json\"");
	return 200;
}

int page_persoonsgegevens_post(struct request *r)
{
	if (!policy_may_handle_personal_data(r->user))
		return forbidden(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	const char *email = req_form(r, "email");
	const char *action = req_form(r, "actie");
	if (!action)
		action = "zoeken";
	bool erase = strcmp(action, "wissen") == 0;
	bool export = strcmp(action, "export") == 0;
	if (!erase && !export && strcmp(action, "zoeken") != 0)
		return respond_error(r, 400, "Ongeldig verzoek",
				     "De actie is zoeken, export of wissen. Er is niets gewijzigd.",
				     "actie");
	struct field_errors e = {0};
	struct personal_data d;
	const char *confirm = req_form(r, "bevestigen");
	bool missing_confirm = erase && !(confirm && strcmp(confirm, "ja") == 0);
	struct personal_erased gone = {0};
	enum pd_outcome o;
	if (erase && !missing_confirm)
		o = persoonsgegevens_erase(st, r->user, "web", email, &gone, &e);
	else
		o = persoonsgegevens_find(st, r->arena, r->user, email, &d, &e);
	if (o == PD_FORBIDDEN)
		return forbidden(r);
	if (o == PD_FAILED)
		return page_store_down(r);
	if (o == PD_INVALID) {
		begin(r, "Persoonsgegevens op e-mailadres", true);
		address_form(&r->out, r, email, form_error_for(&e, "email"));
		layout_end(&r->out, NULL);
		return 422;
	}
	if (export)
		return export_json(r, email, &d);
	struct buf *b = &r->out;
	if (erase && !missing_confirm) {
		begin(r, "Persoonsgegevens gewist", false);
		aui_alert(
		    b, "ok", NULL,
		    arena_printf(r->arena,
				 "Gewist: %d aanmelding(en), het e-mailadres in %d melding(en) "
				 "en %d bericht(en); %d vermelding(en) in Wie weet wat verwijderd.",
				 gone.registrations, gone.corrections, gone.mail, gone.listings));
		address_form(b, r, NULL, NULL);
		layout_end(b, NULL);
		return 200;
	}
	begin(r, "Persoonsgegevens op e-mailadres", missing_confirm);
	html_raw(b, "<p class=\"utrecht-paragraph\">Gevonden onder <strong>");
	html_text(b, email);
	html_rawf(b,
		  "</strong>: %d aanmelding(en), %d melding(en) en %d bericht(en), en %d "
		  "vermelding(en) in Wie weet wat van een account met dit adres.</p>",
		  d.n_registrations, d.n_corrections, d.n_mail, d.n_listings);
	registrations_table(b, r, &d);
	other_tables(b, r, &d);
	action_forms(b, r, email, missing_confirm);
	layout_end(b, NULL);
	return missing_confirm ? 400 : 200;
}
