/*
 * bijeenkomsten — the pages of events with registration; see
 * bijeenkomsten.h.
 */
#include "bijeenkomsten.h"
#include "auth_ui.h"
#include "bijeenkomsten_verslag.h"
#include "bijeenkomsten_agenda.h"
#include "forms.h"
#include "../app/bijeenkomsten.h"
#include "../app/persoonsgegevens.h"
#include "../app/policy.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/csv.h"
#include "../render/html.h"
#include "../render/ical.h"
#include "../render/layout.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define FORM_COOKIE "atlas_aanmelding"
#define ATTENDANCE_MAX 2000

static int store_down(struct request *r)
{
	return respond_error(r, 503, "Tijdelijk niet beschikbaar",
			     "De database is even niet bereikbaar. Er is niets opgeslagen. "
			     "Probeer het over enkele minuten opnieuw.",
			     NULL);
}

static void no_cache(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
}

static const char *event_href(struct request *r, int64_t id, const char *suffix)
{
	return arena_printf(r->arena, "/bijeenkomsten/%lld%s", (long long)id, suffix ? suffix : "");
}

static bool path_id(const struct request *r, int64_t *id)
{
	long v;
	if (!parse_long(r->path_args[0], 1, 0x7fffffffL, &v))
		return false;
	*id = v;
	return true;
}

/* "15 maart 2027, 14:00" for a local date-time. */
static void when(struct buf *b, const char *dt)
{
	if (!dt || strlen(dt) < 16) {
		html_text(b, dt ? dt : "");
		return;
	}
	char d[11];
	memcpy(d, dt, 10);
	d[10] = '\0';
	html_date_nl(b, d);
	html_raw(b, ", ");
	html_text(b, dt + 11);
}

static void when_range(struct buf *b, const struct event_row *e)
{
	when(b, e->starts_at);
	html_raw(b, " tot ");
	if (strncmp(e->starts_at, e->ends_at, 10) == 0)
		html_text(b, e->ends_at + 11);
	else
		when(b, e->ends_at);
}

static const char *kind_label(const char *v)
{
	return bijeenkomst_label(event_kind_labels, LABEL_COUNT(event_kind_labels), v);
}

/* Signed in with a web session (not an API token on a page). */
static const struct user *web_user(const struct request *r)
{
	return r->user && !r->via_token ? r->user : NULL;
}

/* ---- the list ------------------------------------------------------------------------ */

static void event_table(struct buf *b, struct request *r, const char *caption,
			const struct event_row *rows, int n, bool upcoming)
{
	static const struct comp_col cols[] = {
	    {"Bijeenkomst", false}, {"Wanneer", false}, {"Waar", false}, {"Plaatsen vrij", true}};
	comp_table_open(b, caption, cols, upcoming ? 4 : 3);
	for (int i = 0; i < n; i++) {
		const struct event_row *e = &rows[i];
		comp_row_open(b);
		comp_th_open(b);
		comp_link(b, event_href(r, e->id, NULL), e->title);
		html_raw(b, "<br>");
		html_text(b, kind_label(e->kind));
		comp_th_close(b);
		comp_td_open(b, false);
		when_range(b, e);
		comp_td_close(b);
		comp_td_text(b, *e->location ? e->location : "Online", NULL);
		if (upcoming)
			comp_td_int(b, bijeenkomst_places_left(e->capacity, e->taken));
		comp_row_close(b);
	}
	comp_table_close(b);
}

int page_bijeenkomsten(struct request *r)
{
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	struct event_row *rows;
	int n;
	if (bijeenkomsten_list(st, r->arena, &rows, &n) != EV_OK)
		return store_down(r);
	char now[17];
	bijeenkomsten_now(now);
	struct event_row *up = arena_calloc(r->arena, (size_t)n + 1, sizeof *up);
	struct event_row *past = arena_calloc(r->arena, (size_t)n + 1, sizeof *past);
	int nu = 0, np = 0;
	for (int i = 0; i < n; i++) {
		if (bijeenkomst_is_past(rows[i].starts_at, rows[i].ends_at, now))
			past[np++] = rows[i];
		else
			up[nu++] = rows[i];
	}
	/* earlier events newest first */
	for (int i = 0; i < np / 2; i++) {
		struct event_row t = past[i];
		past[i] = past[np - 1 - i];
		past[np - 1 - i] = t;
	}
	struct buf *b = &r->out;
	const struct page_head h = {.title = "Bijeenkomsten", .nav = NAV_NONE};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b,
		 "<h1 class=\"utrecht-heading-1\">Bijeenkomsten</h1>"
		 "<p class=\"utrecht-paragraph\">Netwerkdagen, reflectieve sessies en "
		 "kennissessies van het programma voor gemeenten, waterschappen en de "
		 "provincie. Meld u aan op de pagina van een bijeenkomst. "
		 "<a class=\"utrecht-link\" href=\"/bijeenkomsten.ics\">Alle bijeenkomsten in uw "
		 "agenda (iCal)</a></p>");
	if (policy_is_province(web_user(r)))
		html_raw(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" "
			    "href=\"/bijeenkomsten/nieuw\">Nieuwe bijeenkomst</a></p>");
	comp_h2(b, "komend", "Komende bijeenkomsten");
	if (nu)
		event_table(b, r, "Komende bijeenkomsten", up, nu, true);
	else
		comp_para(b, "Er zijn nu geen bijeenkomsten gepland.");
	comp_h2(b, "eerder", "Eerdere bijeenkomsten");
	if (np)
		event_table(b, r, "Eerdere bijeenkomsten", past, np, false);
	else
		comp_para(b, "Nog geen eerdere bijeenkomsten.");
	layout_end(b, NULL);
	return 200;
}

/* ---- iCal --------------------------------------------------------------------------- */

/* "20270315T140000" from "2027-03-15T14:00" (local time, with ICAL_TZ_PARAM). */
static const char *ical_time(struct request *r, const char *dt)
{
	return arena_printf(r->arena, "%.4s%.2s%.2sT%.2s%.2s00", dt, dt + 5, dt + 8, dt + 11,
			    dt + 14);
}

static void ical_one(struct request *r, struct buf *b, const struct event_row *e,
		     const char *dtstamp)
{
	const char *url = arena_printf(r->arena, "%s/bijeenkomsten/%lld",
				       bijeenkomsten_public_url(), (long long)e->id);
	html_raw(b, "BEGIN:VEVENT\r\n");
	ical_line(b, "UID",
		  arena_printf(r->arena, "bijeenkomst-%lld@samenwerkingsatlas", (long long)e->id));
	ical_line(b, "DTSTAMP", dtstamp);
	ical_line(b, "DTSTART" ICAL_TZ_PARAM, ical_time(r, e->starts_at));
	ical_line(b, "DTEND" ICAL_TZ_PARAM, ical_time(r, e->ends_at));
	ical_text_line(b, "SUMMARY", e->title);
	if (*e->description)
		ical_text_line(b, "DESCRIPTION", e->description);
	ical_text_line(b, "LOCATION", *e->location ? e->location : e->online_url);
	ical_text_line(b, "CATEGORIES", kind_label(e->kind));
	ical_line(b, "URL", url);
	html_raw(b, "END:VEVENT\r\n");
}

static const char *dtstamp_now(struct request *r)
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	char out[20];
	strftime(out, sizeof out, "%Y%m%dT%H%M%SZ", &tm);
	return arena_strdup(r->arena, out);
}

int page_bijeenkomsten_ics(struct request *r)
{
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	struct event_row *rows;
	int n;
	if (bijeenkomsten_list(st, r->arena, &rows, &n) != EV_OK)
		return store_down(r);
	struct buf *b = &r->out;
	r->content_type = "text/calendar; charset=utf-8";
	const char *stamp = dtstamp_now(r);
	ical_begin(b, "Bijeenkomsten — Samenwerkingsatlas Provincie Utrecht");
	ical_vtimezone(b);
	for (int i = 0; i < n; i++)
		ical_one(r, b, &rows[i], stamp);
	ical_end(b);
	return 200;
}

static int event_ics(struct request *r, int64_t id)
{
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	struct event_row e;
	enum ev_outcome o = bijeenkomsten_get(st, r->arena, id, &e);
	if (o == EV_NOTFOUND)
		return respond_not_found(r);
	if (o != EV_OK)
		return store_down(r);
	struct buf *b = &r->out;
	r->content_type = "text/calendar; charset=utf-8";
	ical_begin(b, e.title);
	ical_vtimezone(b);
	ical_one(r, b, &e, dtstamp_now(r));
	ical_end(b);
	return 200;
}

/* ---- the event form ---------------------------------------------------------------------- */

static const struct form_field f_titel = {"titel", "Titel", FK_TEXT, EVENT_TITLE_MAX,
					  true,	   NULL,    NULL,    0};
static const struct form_field f_omschrijving = {
    "omschrijving", "Omschrijving", FK_TEXTAREA, EVENT_TEXT_MAX, false, NULL, NULL, 0};
static const struct form_field f_begin = {
    "begin", "Begin", FK_DATETIME, 16, true, "Datum en tijd, zoals 2027-03-15T14:00.", NULL, 0};
static const struct form_field f_einde = {
    "einde", "Einde", FK_DATETIME, 16, true, "Datum en tijd, zoals 2027-03-15T17:00.", NULL, 0};
static const struct form_field f_locatie = {"locatie", "Locatie",
					    FK_TEXT,   EVENT_SHORT_MAX,
					    false,     "Adres of zaal; of vul een onlinelink in.",
					    NULL,      0};
static const struct form_field f_online = {"onlineLink", "Onlinelink", FK_URL, 2000,
					   false,	 NULL,	       NULL,   0};
static const struct form_field f_casus = {
    "casus", "Casus", FK_TEXT, EVENT_SHORT_MAX, false, "Bijvoorbeeld REP, RES of Omgevingswet.",
    NULL,    0};
static const struct form_field f_capaciteit = {
    "capaciteit", "Aantal plaatsen", FK_NUMBER, 6, true, NULL, NULL, 0};
static const struct form_field f_tot = {
    "aanmeldenTot", "Aanmelden kan tot",
    FK_DATETIME,    16,
    false,	    "Datum en tijd, zoals 2027-03-10T23:59. Leeg: tot het begin.",
    NULL,	    0};
static const struct form_field f_organisator = {
    "organisator", "Organisator", FK_TEXT, EVENT_SHORT_MAX, true, NULL, NULL, 0};

#define N_EVENT_FIELDS 12

static void event_fields(struct request *r, struct form_field *f)
{
	int nk, na;
	struct comp_option *kinds = form_label_opts(r->arena, event_kind_labels,
						    LABEL_COUNT(event_kind_labels), "Kies", &nk);
	struct comp_option *aud = form_label_opts(r->arena, event_audience_labels,
						  LABEL_COUNT(event_audience_labels), "Geen", &na);
	f[0] = (struct form_field){"soort", "Soort", FK_SELECT, 0, true, NULL, kinds, nk};
	f[1] = (struct form_field){
	    "doelgroep", "Doelgroep", FK_SELECT, 0, false, "Verplicht bij een reflectieve sessie.",
	    aud,	 na};
	f[2] = f_titel;
	f[3] = f_omschrijving;
	f[4] = f_begin;
	f[5] = f_einde;
	f[6] = f_locatie;
	f[7] = f_online;
	f[8] = f_casus;
	f[9] = f_capaciteit;
	f[10] = f_tot;
	f[11] = f_organisator;
}

static int event_form(struct request *r, const struct event_row *e, const struct field_errors *err,
		      int status)
{
	no_cache(r);
	struct form_field f[N_EVENT_FIELDS];
	event_fields(r, f);
	const char *v[N_EVENT_FIELDS];
	if (err) {
		form_submitted(r, f, N_EVENT_FIELDS, v);
	} else if (e) {
		const char *x[N_EVENT_FIELDS] = {
		    e->kind,	  e->audience,
		    e->title,	  e->description,
		    e->starts_at, e->ends_at,
		    e->location,  e->online_url,
		    e->topic,	  arena_printf(r->arena, "%d", e->capacity),
		    e->deadline,  e->organiser};
		memcpy(v, x, sizeof v);
	} else {
		for (int i = 0; i < N_EVENT_FIELDS; i++)
			v[i] = "";
		v[11] = "Provincie Utrecht";
	}
	struct buf *b = &r->out;
	buf_reset(b);
	const char *title =
	    e ? arena_printf(r->arena, "%s bewerken", e->title) : "Nieuwe bijeenkomst";
	const struct crumb crumbs[] = {{"Bijeenkomsten", "/bijeenkomsten"}, {title, NULL}};
	const struct page_head h = {
	    .title = title, .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, title);
	html_raw(b, "</h1>");
	if (err)
		form_error_summary(b, err, f, N_EVENT_FIELDS);
	form_open(b, r, e ? event_href(r, e->id, "/bewerken") : "/bijeenkomsten");
	form_fields(b, f, N_EVENT_FIELDS, v, err);
	form_buttons(b, e ? "Wijzigingen opslaan" : "Bijeenkomst vastleggen",
		     e ? event_href(r, e->id, NULL) : "/bijeenkomsten", "Annuleren");
	form_close(b);
	layout_end(b, NULL);
	return status;
}

static int staff_only(struct request *r)
{
	return respond_error(r, 403, "Geen toegang",
			     "Alleen medewerkers van de provincie maken en wijzigen bijeenkomsten.",
			     NULL);
}

int page_bijeenkomst_new(struct request *r)
{
	if (!policy_is_province(web_user(r)))
		return staff_only(r);
	return event_form(r, NULL, NULL, 200);
}

int page_bijeenkomst_edit(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	if (!policy_is_province(web_user(r)))
		return staff_only(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	struct event_row e;
	enum ev_outcome o = bijeenkomsten_get(st, r->arena, id, &e);
	if (o == EV_NOTFOUND)
		return respond_not_found(r);
	if (o != EV_OK)
		return store_down(r);
	return event_form(r, &e, NULL, 200);
}

static void read_event_form(struct request *r, struct event_input *in)
{
	*in = (struct event_input){
	    .kind = req_form(r, "soort"),
	    .audience = req_form(r, "doelgroep"),
	    .title = req_form(r, "titel"),
	    .description = req_form(r, "omschrijving"),
	    .starts_at = req_form(r, "begin"),
	    .ends_at = req_form(r, "einde"),
	    .location = req_form(r, "locatie"),
	    .online_url = req_form(r, "onlineLink"),
	    .topic = req_form(r, "casus"),
	    .capacity = req_form(r, "capaciteit"),
	    .deadline = req_form(r, "aanmeldenTot"),
	    .organiser = req_form(r, "organisator"),
	};
}

static int saved(struct request *r, int64_t id, enum ev_outcome o, const struct field_errors *e,
		 const struct event_row *old, const char *notice)
{
	switch (o) {
	case EV_OK:
		return respond_redirect(r, arena_printf(r->arena, "/bijeenkomsten/%lld?melding=%s",
							(long long)id, notice));
	case EV_FORBIDDEN:
		return staff_only(r);
	case EV_NOTFOUND:
		return respond_not_found(r);
	case EV_INVALID:
		return event_form(r, old, e, 400);
	default:
		log_error("bijeenkomsten: saving an event failed");
		return store_down(r);
	}
}

int page_bijeenkomst_create(struct request *r)
{
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	struct event_input in;
	read_event_form(r, &in);
	struct field_errors e = {0};
	int64_t id = 0;
	enum ev_outcome o = bijeenkomsten_save(st, web_user(r), "web", 0, &in, &e, &id);
	return saved(r, id, o, &e, NULL, "opgeslagen");
}

int page_bijeenkomst_update(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	struct event_row old;
	enum ev_outcome o = bijeenkomsten_get(st, r->arena, id, &old);
	if (o != EV_OK)
		return saved(r, id, o, NULL, NULL, "");
	struct event_input in;
	read_event_form(r, &in);
	struct field_errors e = {0};
	int64_t out;
	o = bijeenkomsten_save(st, web_user(r), "web", id, &in, &e, &out);
	return saved(r, id, o, &e, &old, "gewijzigd");
}

/* ---- the event page ------------------------------------------------------------------- */

static const struct form_notice notices[] = {
    {"opgeslagen", "De bijeenkomst is vastgelegd."},
    {"gewijzigd", "De wijzigingen zijn opgeslagen."},
    {"bevestigd", "U bent aangemeld. U hebt een plaats."},
    {"wachtlijst", "De bijeenkomst is vol: u staat op de wachtlijst. Komt er een plaats vrij, "
		   "dan krijgt u die automatisch en een bericht."},
    {"controleer-email", "Bijna klaar: we hebben u een e-mail gestuurd. Bevestig uw aanmelding "
			 "met de link in die e-mail; pas daarna telt uw aanmelding."},
    {"afgemeld", "U bent afgemeld."},
    {"aanwezigheid", "De aanwezigheid is opgeslagen."},
    {"aanmelding-gewijzigd", "De aanmelding is gewijzigd."},
    {"aanmelding-verwijderd", "De aanmelding is verwijderd."},
    {"agendapunt", "Uw agendapunt is voorgesteld. De provincie stelt het programma vast."},
    {"gesteund", "U steunt dit agendapunt."},
    {"agendabesluit", "Het agendapunt is bijgewerkt."},
};

static void flash(struct buf *b, const struct request *r)
{
	const char *code = req_param(r, "melding");
	for (size_t i = 0; code && i < sizeof notices / sizeof notices[0]; i++)
		if (strcmp(code, notices[i].code) == 0)
			aui_alert(b, "ok", "", notices[i].text);
}

static void checkbox(struct buf *b, const char *id, const char *name, const char *value, bool on,
		     const char *label)
{
	html_raw(b, "<div class=\"utrecht-form-field utrecht-form-field--checkbox\">"
		    "<input class=\"utrecht-checkbox\" type=\"checkbox\" id=\"");
	html_attr(b, id);
	html_raw(b, "\" name=\"");
	html_attr(b, name);
	html_raw(b, "\" value=\"");
	html_attr(b, value);
	html_raw(b, on ? "\" checked>" : "\">");
	html_raw(b, "<label class=\"utrecht-form-label\" for=\"");
	html_attr(b, id);
	html_raw(b, "\">");
	html_text(b, label);
	html_raw(b, "</label></div>");
}

static const char *SHOW_LABEL =
    "Mijn naam en organisatie mogen zichtbaar zijn voor andere deelnemers";

static void register_section(struct buf *b, struct request *r, struct store *st,
			     const struct event_row *e, const struct field_errors *err,
			     const char *problem)
{
	char now[17];
	bijeenkomsten_now(now);
	html_raw(b, "<section aria-labelledby=\"h-aanmelden\"><h2 class=\"utrecht-heading-2\" "
		    "id=\"h-aanmelden\">Aanmelden</h2>");
	if (problem)
		aui_alert(b, "warning", "", problem);
	const struct user *u = web_user(r);
	struct registration_row mine;
	if (u && bijeenkomsten_mine(st, r->arena, u, e->id, &mine) == EV_OK &&
	    strcmp(mine.status, "geannuleerd") != 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Uw aanmelding: <strong>");
		html_text(b,
			  bijeenkomst_label(registration_status_labels,
					    LABEL_COUNT(registration_status_labels), mine.status));
		html_raw(b, "</strong>.</p>");
		if (!bijeenkomst_is_past(e->starts_at, e->ends_at, now) &&
		    strcmp(mine.status, "aanwezig") != 0) {
			form_open(b, r, event_href(r, e->id, "/afmelden"));
			form_submit(b, "Afmelden", false);
			form_close(b);
		}
		html_raw(b, "</section>");
		return;
	}
	if (bijeenkomst_is_past(e->starts_at, e->ends_at, now)) {
		comp_para(b, "Deze bijeenkomst is voorbij.");
		html_raw(b, "</section>");
		return;
	}
	if (!bijeenkomst_registration_open(e->deadline, e->starts_at, now)) {
		comp_para(b, "Aanmelden is gesloten: de uiterste aanmelddatum is voorbij.");
		html_raw(b, "</section>");
		return;
	}
	if (bijeenkomst_places_left(e->capacity, e->taken) == 0)
		comp_para(b,
			  "De bijeenkomst is vol. Meldt u zich aan, dan komt u op de wachtlijst.");
	const char *tok = form_open_token(r, FORM_COOKIE, "/bijeenkomsten");
	html_raw(b, "<form method=\"post\" action=\"");
	html_attr(b, event_href(r, e->id, "/aanmelden"));
	html_raw(b, "\">");
	form_hidden(b, "csrf", tok);
	if (u) {
		html_raw(b, "<p class=\"utrecht-paragraph\">U meldt zich aan als ");
		html_text(b, *u->display_name ? u->display_name : u->username);
		html_raw(b, ".</p>");
	} else {
		static const struct form_field gf[] = {
		    {"naam", "Naam", FK_TEXT, EVENT_NAME_MAX, true, NULL, NULL, 0},
		    {"organisatie", "Organisatie", FK_TEXT, EVENT_NAME_MAX, true, NULL, NULL, 0},
		    {"email", "E-mailadres", FK_TEXT, 254, true,
		     "U krijgt een e-mail met een link om uw aanmelding te bevestigen.", NULL, 0},
		};
		const char *v[3] = {"", "", ""};
		if (err)
			form_submitted(r, gf, 3, v);
		if (err)
			form_error_summary(b, err, gf, 3);
		form_fields(b, gf, 3, v, err);
	}
	checkbox(b, "f-zichtbaar", "zichtbaar", "1", err && req_form(r, "zichtbaar"), SHOW_LABEL);
	form_submit(b, "Aanmelden", true);
	html_raw(b, "</form></section>");
}

static void attendees_section(struct buf *b, struct request *r, struct store *st,
			      const struct event_row *e)
{
	struct registration_row *rows;
	int n;
	if (bijeenkomsten_registrations(st, r->arena, web_user(r), e->id, &rows, &n) != EV_OK)
		return;
	html_raw(b, "<section aria-labelledby=\"h-deelnemers\"><h2 class=\"utrecht-heading-2\" "
		    "id=\"h-deelnemers\">Aanmeldingen</h2>");
	html_rawf(b,
		  "<p class=\"utrecht-paragraph\">Alleen zichtbaar voor medewerkers van de "
		  "provincie. <a class=\"utrecht-link\" href=\"/bijeenkomsten/%lld/"
		  "aanmeldingen.csv\">Aanmeldingen als CSV</a> · <a class=\"utrecht-link\" "
		  "href=\"/bijeenkomsten/%lld/bewerken\">Bijeenkomst bewerken</a> · <a "
		  "class=\"utrecht-link\" href=\"/bijeenkomsten/%lld/verslag\">Verslag en "
		  "vervolg</a></p>",
		  (long long)e->id, (long long)e->id, (long long)e->id);
	if (!n) {
		comp_para(b, "Nog geen aanmeldingen.");
		html_raw(b, "</section>");
		return;
	}
	form_open(b, r, event_href(r, e->id, "/aanwezigheid"));
	static const struct comp_col cols[] = {{"Naam", false},
					       {"Organisatie", false},
					       {"E-mailadres", false},
					       {"Status", false},
					       {"Aanwezig", false}};
	comp_table_open(b, "Aanmeldingen", cols, 5);
	for (int i = 0; i < n; i++) {
		const struct registration_row *x = &rows[i];
		comp_row_open(b);
		const char *who = persoonsgegevens_shown_name(x->name);
		comp_th_open(b);
		comp_link(
		    b,
		    event_href(r, e->id,
			       arena_printf(r->arena, "/aanmeldingen/%lld", (long long)x->id)),
		    who);
		comp_th_close(b);
		comp_td_text(b, x->organisation, "");
		comp_td_text(b, x->email, "");
		comp_td_text(b,
			     bijeenkomst_label(registration_status_labels,
					       LABEL_COUNT(registration_status_labels), x->status),
			     NULL);
		comp_td_open(b, false);
		if (bijeenkomst_status_takes_place(x->status))
			checkbox(b, arena_printf(r->arena, "f-aanwezig-%lld", (long long)x->id),
				 "aanwezig", arena_printf(r->arena, "%lld", (long long)x->id),
				 strcmp(x->status, "aanwezig") == 0,
				 arena_printf(r->arena, "%s aanwezig", who));
		comp_td_close(b);
		comp_row_close(b);
	}
	comp_table_close(b);
	form_submit(b, "Aanwezigheid opslaan", false);
	form_close(b);
	html_raw(b, "</section>");
}

static void fellows_section(struct buf *b, struct request *r, struct store *st,
			    const struct event_row *e)
{
	struct registration_row *rows;
	int n;
	if (bijeenkomsten_fellow_attendees(st, r->arena, web_user(r), e->id, &rows, &n) != EV_OK ||
	    !n)
		return;
	html_raw(b, "<section aria-labelledby=\"h-wie\"><h2 class=\"utrecht-heading-2\" "
		    "id=\"h-wie\">Wie komen er</h2><p class=\"utrecht-paragraph\">Deelnemers die "
		    "daarmee hebben ingestemd.</p><ul class=\"utrecht-unordered-list\">");
	for (int i = 0; i < n; i++) {
		html_raw(b, "<li>");
		html_text(b, rows[i].name);
		if (*rows[i].organisation) {
			html_raw(b, " (");
			html_text(b, rows[i].organisation);
			html_raw(b, ")");
		}
		html_raw(b, "</li>");
	}
	html_raw(b, "</ul></section>");
}

static int event_page_with(struct request *r, int64_t id, const struct field_errors *err,
			   const char *problem, const struct agenda_form_state *fs, int status)
{
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	struct event_row e;
	enum ev_outcome o = bijeenkomsten_get(st, r->arena, id, &e);
	if (o == EV_NOTFOUND)
		return respond_not_found(r);
	if (o != EV_OK)
		return store_down(r);
	struct buf *b = &r->out;
	buf_reset(b);
	const struct crumb crumbs[] = {{"Bijeenkomsten", "/bijeenkomsten"}, {e.title, NULL}};
	const struct page_head h = {
	    .title = e.title, .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, e.title);
	html_raw(b, "</h1>");
	flash(b, r);
	comp_dl_open(b);
	comp_dl_text(b, "Soort", kind_label(e.kind));
	if (*e.audience)
		comp_dl_text(b, "Doelgroep",
			     bijeenkomst_label(event_audience_labels,
					       LABEL_COUNT(event_audience_labels), e.audience));
	comp_dl_item_open(b, "Wanneer");
	when_range(b, &e);
	comp_dl_item_close(b);
	if (*e.location)
		comp_dl_text(b, "Locatie", e.location);
	if (*e.online_url) {
		comp_dl_item_open(b, "Online");
		comp_ext_link(b, e.online_url, e.online_url);
		comp_dl_item_close(b);
	}
	if (*e.topic)
		comp_dl_text(b, "Casus", e.topic);
	comp_dl_text(b, "Organisator", e.organiser);
	comp_dl_item_open(b, "Plaatsen");
	html_rawf(b, "%d van %d vrij", bijeenkomst_places_left(e.capacity, e.taken), e.capacity);
	if (e.waiting)
		html_rawf(b, " · %d op de wachtlijst", e.waiting);
	comp_dl_item_close(b);
	comp_dl_item_open(b, "Aanmelden kan tot");
	if (*e.deadline)
		when(b, e.deadline);
	else
		html_raw(b, "het begin");
	comp_dl_item_close(b);
	comp_dl_item_open(b, "In uw agenda");
	comp_link(b, event_href(r, e.id, ".ics"), "Bijeenkomst als iCal-bestand");
	comp_dl_item_close(b);
	comp_dl_close(b);
	if (*e.description) {
		comp_h2(b, "over", "Over deze bijeenkomst");
		comp_para(b, e.description);
	}
	bijeenkomsten_agenda_section(b, r, st, &e, fs);
	bijeenkomsten_verslag_section(b, r, st, &e);
	register_section(b, r, st, &e, err, problem);
	fellows_section(b, r, st, &e);
	attendees_section(b, r, st, &e);
	layout_end(b, NULL);
	return status;
}

static int event_page(struct request *r, int64_t id, const struct field_errors *err,
		      const char *problem, int status)
{
	return event_page_with(r, id, err, problem, NULL, status);
}

int bijeenkomsten_event_page_agenda(struct request *r, int64_t id,
				    const struct agenda_form_state *fs, int status)
{
	return event_page_with(r, id, NULL, NULL, fs, status);
}

int page_bijeenkomst(struct request *r)
{
	const char *arg = r->path_args[0];
	size_t n = strlen(arg);
	if (n > 4 && strcmp(arg + n - 4, ".ics") == 0) {
		long v;
		char num[24];
		if (n - 4 >= sizeof num)
			return respond_not_found(r);
		memcpy(num, arg, n - 4);
		num[n - 4] = '\0';
		if (!parse_long(num, 1, 0x7fffffffL, &v))
			return respond_not_found(r);
		return event_ics(r, v);
	}
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	return event_page(r, id, NULL, NULL, 200);
}

/* ---- registering ---------------------------------------------------------------------------- */

static int expired_form(struct request *r)
{
	return respond_error(r, 403, "Formulier verlopen",
			     "Het formulier is verlopen of ongeldig. Er is niets opgeslagen. Laad "
			     "de pagina opnieuw en probeer het nog eens.",
			     NULL);
}

int page_bijeenkomst_register(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	if (!form_open_token_ok(r, FORM_COOKIE))
		return expired_form(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	bool show = !str_empty(req_form(r, "zichtbaar"));
	const struct user *u = web_user(r);
	struct field_errors e = {0};
	enum ev_outcome o;
	const char *status = NULL;
	if (u)
		o = bijeenkomsten_register_user(st, u, id, show, &status);
	else
		o = bijeenkomsten_register_guest(st, r->client_addr, id, req_form(r, "naam"),
						 req_form(r, "organisatie"), req_form(r, "email"),
						 show, &e);
	switch (o) {
	case EV_OK:
		return respond_redirect(r, arena_printf(r->arena, "/bijeenkomsten/%lld?melding=%s",
							(long long)id,
							u ? status : "controleer-email"));
	case EV_DUPLICATE:
		/* a guest learns nothing about whether an address is registered */
		if (!u)
			return respond_redirect(
			    r,
			    arena_printf(r->arena, "/bijeenkomsten/%lld?melding=controleer-email",
					 (long long)id));
		return event_page(r, id, NULL, "U bent al aangemeld voor deze bijeenkomst.", 409);
	case EV_INVALID:
		return event_page(r, id, &e, NULL, 400);
	case EV_CLOSED:
		return event_page(r, id, NULL,
				  "Aanmelden is gesloten: de uiterste aanmelddatum is voorbij. Er "
				  "is niets opgeslagen.",
				  409);
	case EV_LIMITED:
		return event_page(
		    r, id, NULL,
		    "Vanaf uw adres zijn het afgelopen uur al veel aanmeldingen "
		    "gedaan. Probeer het over een uur opnieuw. Er is niets opgeslagen.",
		    429);
	case EV_NOTFOUND:
		return respond_not_found(r);
	default:
		log_error("bijeenkomsten: a registration failed");
		return store_down(r);
	}
}

int page_bijeenkomst_unregister(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	enum ev_outcome o = bijeenkomsten_cancel_user(st, web_user(r), id);
	if (o == EV_OK || o == EV_USED)
		return respond_redirect(
		    r,
		    arena_printf(r->arena, "/bijeenkomsten/%lld?melding=afgemeld", (long long)id));
	if (o == EV_NOTFOUND)
		return respond_not_found(r);
	return store_down(r);
}

int page_bijeenkomst_attendance(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	const char **vals = arena_calloc(r->arena, ATTENDANCE_MAX, sizeof *vals);
	int n = req_form_all(r, "aanwezig", vals, ATTENDANCE_MAX);
	if (n > ATTENDANCE_MAX)
		n = ATTENDANCE_MAX;
	int64_t *ids = arena_calloc(r->arena, (size_t)n + 1, sizeof *ids);
	int k = 0;
	for (int i = 0; i < n; i++) {
		long v;
		if (parse_long(vals[i], 1, 0x7fffffffL, &v))
			ids[k++] = v;
	}
	enum ev_outcome o = bijeenkomsten_attendance(st, web_user(r), "web", id, ids, k);
	if (o == EV_OK)
		return respond_redirect(
		    r,
		    arena_printf(r->arena, "/bijeenkomsten/%lld?melding=aanwezigheid#h-deelnemers",
				 (long long)id));
	if (o == EV_FORBIDDEN)
		return staff_only(r);
	if (o == EV_NOTFOUND)
		return respond_not_found(r);
	return store_down(r);
}

int page_bijeenkomst_csv(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	struct event_row e;
	enum ev_outcome o = bijeenkomsten_get(st, r->arena, id, &e);
	if (o == EV_NOTFOUND)
		return respond_not_found(r);
	struct registration_row *rows = NULL;
	int n = 0;
	if (o == EV_OK)
		o = bijeenkomsten_registrations(st, r->arena, web_user(r), id, &rows, &n);
	if (o == EV_FORBIDDEN)
		return respond_error(r, 403, "Geen toegang",
				     "Alleen medewerkers van de provincie zien de aanmeldingen.",
				     NULL);
	if (o != EV_OK)
		return store_down(r);
	r->content_type = "text/csv; charset=utf-8";
	req_header(r, "Content-Disposition",
		   arena_printf(r->arena,
				"attachment; filename=\"bijeenkomst-%lld-aanmeldingen.csv\"",
				(long long)id));
	struct csv c;
	csv_begin(&c, &r->out);
	const char *head[] = {"naam", "organisatie", "email", "status", "aangemeld", "zichtbaar"};
	for (int i = 0; i < 6; i++)
		csv_cell(&c, head[i]);
	csv_end_row(&c);
	for (int i = 0; i < n; i++) {
		csv_cell(&c, persoonsgegevens_shown_name(rows[i].name));
		csv_cell(&c, rows[i].organisation);
		csv_cell(&c, rows[i].email);
		csv_cell(&c, rows[i].status);
		csv_cell(&c, rows[i].created_at);
		csv_cell(&c, rows[i].show_name ? "ja" : "nee");
		csv_end_row(&c);
	}
	return 200;
}

/* ---- the mailed links ---------------------------------------------------------------------- */

static int link_page(struct request *r, int status, const char *title, const char *text,
		     const struct event_row *e)
{
	no_cache(r);
	struct buf *b = &r->out;
	buf_reset(b);
	const struct page_head h = {.title = title, .nav = NAV_NONE};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, title);
	html_raw(b, "</h1>");
	comp_para(b, text);
	if (e && e->id) {
		html_raw(b, "<p class=\"utrecht-paragraph\">");
		comp_link(b, event_href(r, e->id, NULL), e->title);
		html_raw(b, "</p>");
	} else {
		html_raw(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" "
			    "href=\"/bijeenkomsten\">Alle bijeenkomsten</a></p>");
	}
	layout_end(b, NULL);
	return status;
}

static int link_problem(struct request *r, enum ev_outcome o, const struct event_row *e,
			bool confirm)
{
	switch (o) {
	case EV_USED:
		return link_page(r, 410, confirm ? "Link al gebruikt" : "Al afgemeld",
				 confirm
				     ? "Deze bevestigingslink is al gebruikt. Uw aanmelding is "
				       "al verwerkt; u hoeft niets meer te doen."
				     : "U bent al afgemeld voor deze bijeenkomst. U hoeft niets "
				       "meer te doen.",
				 e);
	case EV_EXPIRED:
		return link_page(r, 410, "Link verlopen",
				 "Deze bevestigingslink is verlopen. Meld u opnieuw aan op de "
				 "pagina van de bijeenkomst.",
				 e);
	case EV_CLOSED:
		return link_page(r, 409, "Aanmelden gesloten",
				 "De uiterste aanmelddatum van deze bijeenkomst is voorbij. Uw "
				 "aanmelding is niet meer te bevestigen.",
				 e);
	case EV_NOTFOUND:
		return link_page(r, 404, "Link onbekend",
				 "Deze link kennen we niet. Controleer of u de hele link uit de "
				 "e-mail hebt gebruikt.",
				 NULL);
	default:
		return store_down(r);
	}
}

static int link_form(struct request *r, bool confirm, const struct event_row *e)
{
	no_cache(r);
	struct buf *b = &r->out;
	const char *title = confirm ? "Aanmelding bevestigen" : "Afmelden";
	const struct page_head h = {.title = title, .nav = NAV_NONE};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, title);
	html_raw(b, "</h1><p class=\"utrecht-paragraph\">");
	html_text(b, confirm ? "U bevestigt uw aanmelding voor " : "U meldt zich af voor ");
	html_text(b, e->title);
	html_raw(b, " (");
	when(b, e->starts_at);
	html_raw(b, ").</p><form method=\"post\" action=\"");
	html_attr(
	    b, arena_printf(r->arena, "/bijeenkomsten/%s/", confirm ? "bevestigen" : "afmelden"));
	url_seg(b, r->path_args[0]);
	html_raw(b, "\">");
	form_submit(b, confirm ? "Bevestig mijn aanmelding" : "Afmelden", true);
	html_raw(b, "</form>");
	layout_end(b, NULL);
	return 200;
}

/* The token in the path is the capability: no session and no CSRF token
 * needed (a forged POST could only confirm or cancel the link's own
 * registration, which needs the secret token). */
static int use_link(struct request *r, bool confirm)
{
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	const char *token = r->path_args[0];
	struct event_row e;
	if (r->method != HTTP_POST) {
		enum ev_outcome o =
		    bijeenkomsten_peek(st, r->arena, confirm ? 'b' : 'a', token, &e);
		if (o != EV_OK)
			return link_problem(r, o, &e, confirm);
		return link_form(r, confirm, &e);
	}
	const char *status = NULL;
	enum ev_outcome o = confirm ? bijeenkomsten_confirm(st, r->arena, token, &e, &status)
				    : bijeenkomsten_cancel(st, r->arena, token, &e);
	if (o != EV_OK)
		return link_problem(r, o, &e, confirm);
	if (!confirm)
		return link_page(r, 200, "U bent afgemeld",
				 "U bent afgemeld voor deze bijeenkomst. Uw plaats gaat naar de "
				 "eerste op de wachtlijst, als die er is.",
				 &e);
	if (strcmp(status, "wachtlijst") == 0)
		return link_page(
		    r, 200, "U staat op de wachtlijst",
		    "Uw aanmelding is bevestigd, maar de bijeenkomst is vol. U staat op "
		    "de wachtlijst; komt er een plaats vrij, dan krijgt u die "
		    "automatisch en een e-mail.",
		    &e);
	return link_page(r, 200, "Aanmelding bevestigd",
			 "Uw aanmelding is bevestigd. U hebt een plaats en krijgt een e-mail met "
			 "een link om u af te melden.",
			 &e);
}

int page_bijeenkomst_confirm(struct request *r)
{
	return use_link(r, true);
}

int page_bijeenkomst_cancel(struct request *r)
{
	return use_link(r, false);
}
