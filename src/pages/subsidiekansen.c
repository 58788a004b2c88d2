/*
 * subsidiekansen — the pages of funding calls; see subsidiekansen.h.
 */
#include "subsidiekansen.h"
#include "auth_ui.h"
#include "forms.h"
#include "../app/policy.h"
#include "../app/outbox.h"
#include "../app/siteinfo.h"
#include "../app/subsidiekansen.h"
#include "../domain/amount.h"
#include "../domain/snapshot.h"
#include "../domain/validate.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/ical.h"
#include "../render/layout.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define BASE "/kennis/subsidiekansen"

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

static const char *call_href(struct request *r, int64_t id, const char *suffix)
{
	return arena_printf(r->arena, BASE "/%lld%s", (long long)id, suffix ? suffix : "");
}

static bool path_id(const struct request *r, int64_t *id)
{
	long v;
	if (!parse_long(r->path_args[0], 1, 0x7fffffffL, &v))
		return false;
	*id = v;
	return true;
}

/* Signed in with a web session (not an API token on a page). */
static const struct user *web_user(const struct request *r)
{
	return r->user && !r->via_token ? r->user : NULL;
}

static const char *programme_label(const char *v)
{
	return funding_label(funding_programme_labels, LABEL_COUNT(funding_programme_labels), v);
}

static const char *euros(struct request *r, int64_t cents)
{
	char out[48];
	return arena_strdup(r->arena, amount_format_nl(cents, out, sizeof out, 1));
}

static void status_badge(struct buf *b, enum funding_status s)
{
	comp_badge(b,
		   s == FUNDING_OPEN	   ? BADGE_ACTIVE
		   : s == FUNDING_UPCOMING ? BADGE_NEUTRAL
					   : BADGE_ENDED,
		   funding_label(funding_status_labels, LABEL_COUNT(funding_status_labels),
				 funding_status_api(s)));
}

/* ---- the list ------------------------------------------------------------------------ */

static void call_table(struct buf *b, struct request *r, const char *caption,
		       const struct funding_call_row *rows, int n, bool upcoming)
{
	static const struct comp_col cols[] = {{"Subsidiekans", false},
					       {"Deadline", false},
					       {"Thema's", false},
					       {"Budget", true},
					       {"Interesse", true}};
	comp_table_open_ex(b, caption, cols, 5, true);
	for (int i = 0; i < n; i++) {
		const struct funding_call_row *c = &rows[i];
		comp_row_open(b);
		comp_th_open(b);
		comp_link(b, call_href(r, c->id, NULL), c->title);
		html_raw(b, "<br>");
		html_text(b, programme_label(c->programme));
		if (upcoming && *c->opens_on) {
			html_raw(b, "<br>Opent op ");
			html_date_nl(b, c->opens_on);
		}
		comp_th_close(b);
		comp_td_date(b, c->deadline, "Onbekend");
		comp_td_text(b, subsidiekansen_theme_names(r->arena, r->snap, c->themes), "Geen");
		comp_td_text(b, c->budget >= 0 ? euros(r, c->budget) : "", "Onbekend");
		comp_td_int(b, c->interests);
		comp_row_close(b);
	}
	comp_table_close(b);
}

/* The GET filter form: theme and deadline window. */
static void filter_form(struct buf *b, struct request *r, const char *theme, const char *within)
{
	const struct snapshot *s = r->snap;
	struct comp_option *d = arena_calloc(r->arena, (size_t)s->n_domains + 1, sizeof *d);
	d[0] = (struct comp_option){"", "Alle thema's"};
	for (int i = 0; i < s->n_domains; i++)
		d[i + 1] = (struct comp_option){s->domains[i].key, s->domains[i].name};
	static const struct comp_option w[] = {{"", "Alle deadlines"},
					       {"30", "Binnen 30 dagen"},
					       {"90", "Binnen 90 dagen"},
					       {"365", "Binnen een jaar"}};
	html_raw(b, "<form class=\"atlas-filter\" method=\"get\" action=\"" BASE "\" "
		    "aria-label=\"Subsidiekansen filteren\">");
	comp_select(b, "thema", "Thema", d, s->n_domains + 1, theme);
	comp_select(b, "binnen", "Deadline", w, 4, within);
	html_raw(b, "<div class=\"utrecht-button-group\"><button class=\"utrecht-button "
		    "utrecht-button--primary-action\" type=\"submit\">Filteren</button>");
	if ((theme && *theme) || (within && *within))
		html_raw(b, "<a class=\"utrecht-link\" href=\"" BASE "\">Filters wissen</a>");
	html_raw(b, "</div></form>");
}

static const struct form_notice notices[] = {
    {"opgeslagen", "De subsidiekans is vastgelegd."},
    {"gewijzigd", "De wijzigingen zijn opgeslagen."},
    {"interesse", "De interesse van uw organisatie is vastgelegd. De provincie ziet welke "
		  "partners interesse hebben en neemt contact op om aanvragen te bundelen."},
    {"ingetrokken", "De interesse van uw organisatie is ingetrokken."},
};

int page_subsidiekansen(struct request *r)
{
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	const char *theme = req_param(r, "thema");
	const char *within = req_param(r, "binnen");
	struct funding_filter f = {0};
	const char *problem = NULL;
	if (theme && *theme) {
		if (snapshot_find_domain(r->snap, theme) < 0)
			problem = "Dit thema bestaat niet; alle thema's worden getoond.";
		else
			f.theme = theme;
	}
	if (!funding_parse_window(within, &f.within))
		problem = "Kies een deadline uit de lijst; alle deadlines worden getoond.";
	char today[11];
	today_iso(today);
	struct funding_call_row *rows;
	int n;
	if (subsidiekansen_list(st, r->arena, &f, today, &rows, &n) != FC_OK)
		return store_down(r);
	struct funding_call_row *sec[3];
	int ns[3] = {0, 0, 0};
	for (int k = 0; k < 3; k++)
		sec[k] = arena_calloc(r->arena, (size_t)n + 1, sizeof *sec[k]);
	for (int i = 0; i < n; i++) {
		enum funding_status s =
		    funding_status_on(rows[i].opens_on, rows[i].deadline, today);
		int k = s == FUNDING_OPEN ? 0 : s == FUNDING_UPCOMING ? 1 : 2;
		sec[k][ns[k]++] = rows[i];
	}
	struct buf *b = &r->out;
	const struct crumb crumbs[] = {{"Subsidiekansen", NULL}};
	const struct page_head h = {
	    .title = "Subsidiekansen", .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 1};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Subsidiekansen</h1>"
		    "<p class=\"utrecht-paragraph\">Oproepen van Europese programma's (zoals "
		    "Interreg, LIFE, Horizon Europe en EFRO) en van het Rijk (zoals Regio Deals en "
		    "specifieke uitkeringen) die de provincie bijhoudt. Gemeenten en waterschappen "
		    "die partner zijn, melden op de pagina van een oproep interesse; de provincie "
		    "bundelt zo aanvragen. "
		    "<a class=\"utrecht-link\" href=\"" BASE ".ics\">Alle deadlines in uw agenda "
		    "(iCal)</a></p>");
	form_flash_from(b, r, notices, sizeof notices / sizeof notices[0]);
	if (problem)
		aui_alert(b, "warning", "", problem);
	if (policy_may_manage_funding_calls(web_user(r)))
		html_raw(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" "
			    "href=\"" BASE "/nieuw\">Nieuwe subsidiekans</a></p>");
	filter_form(b, r, f.theme ? f.theme : "", f.within ? within : "");
	html_rawf(b, "<p class=\"utrecht-paragraph\" role=\"status\">%d %s gevonden.</p>", n,
		  n == 1 ? "subsidiekans" : "subsidiekansen");
	static const char *const heads[3][3] = {
	    {"open", "Open oproepen", "Er zijn geen open oproepen die aan het filter voldoen."},
	    {"komend", "Opent binnenkort", "Er zijn geen oproepen die binnenkort openen."},
	    {"gesloten", "Gesloten oproepen",
	     "Er zijn geen gesloten oproepen die aan het filter voldoen."}};
	for (int k = 0; k < 3; k++) {
		comp_h2(b, heads[k][0], heads[k][1]);
		if (ns[k])
			call_table(b, r, heads[k][1], sec[k], ns[k], k == 1);
		else
			comp_para(b, heads[k][2]);
	}
	layout_end(b, NULL);
	return 200;
}

/* ---- iCal --------------------------------------------------------------------------- */

static const char *dtstamp_now(struct request *r)
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	char out[20];
	strftime(out, sizeof out, "%Y%m%dT%H%M%SZ", &tm);
	return arena_strdup(r->arena, out);
}

int page_subsidiekansen_ics(struct request *r)
{
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	char today[11];
	today_iso(today);
	struct funding_call_row *rows;
	int n;
	if (subsidiekansen_list(st, r->arena, NULL, today, &rows, &n) != FC_OK)
		return store_down(r);
	struct buf *b = &r->out;
	r->content_type = "text/calendar; charset=utf-8";
	const char *stamp = dtstamp_now(r);
	ical_begin(b, "Subsidiekansen — Samenwerkingsatlas Provincie Utrecht");
	for (int i = 0; i < n; i++) {
		const struct funding_call_row *c = &rows[i];
		const char *desc = arena_printf(r->arena, "%s. Deadline van de oproep. Link: %s",
						programme_label(c->programme), c->url);
		struct ical_event ev = {
		    .uid = arena_printf(r->arena, "subsidiekans-%lld@samenwerkingsatlas",
					(long long)c->id),
		    .dtstamp = stamp,
		    .date = c->deadline,
		    .summary = arena_printf(r->arena, "Deadline: %s", c->title),
		    .description = desc,
		    .url = arena_printf(r->arena, "%s" BASE "/%lld", siteinfo_public_url(),
					(long long)c->id),
		    .categories = programme_label(c->programme),
		};
		ical_event(b, &ev);
	}
	ical_end(b);
	return 200;
}

/* ---- the call form ------------------------------------------------------------------ */

enum {
	F_PROGRAMMA,
	F_TITEL,
	F_LINK,
	F_OPENT,
	F_DEADLINE,
	F_THEMAS,
	F_WIE,
	F_BUDGET,
	F_COFIN,
	F_OMSCHRIJVING,
	F_NOTITIE,
	N_FIELDS
};

static void call_fields(struct request *r, struct form_field *f)
{
	int np;
	struct comp_option *progs = form_label_opts(
	    r->arena, funding_programme_labels, LABEL_COUNT(funding_programme_labels), "Kies", &np);
	const struct snapshot *s = r->snap;
	struct comp_option *d = arena_calloc(r->arena, (size_t)s->n_domains + 1, sizeof *d);
	for (int i = 0; i < s->n_domains; i++)
		d[i] = (struct comp_option){s->domains[i].key, s->domains[i].name};
	f[F_PROGRAMMA] =
	    (struct form_field){"programma", "Programma", FK_SELECT, 0, true, NULL, progs, np};
	f[F_TITEL] =
	    (struct form_field){"titel", "Titel", FK_TEXT, FUNDING_TITLE_MAX, true, NULL, NULL, 0};
	f[F_LINK] = (struct form_field){"link", "Link naar de oproep",
					FK_URL, 2000,
					true,	"Begint met https:// of http://.",
					NULL,	0};
	f[F_OPENT] = (struct form_field){
	    "opent", "Opent op", FK_DATE, 10, false, "Leeg als de oproep al open is.", NULL, 0};
	f[F_DEADLINE] =
	    (struct form_field){"deadline", "Deadline", FK_DATE, 10, true, NULL, NULL, 0};
	f[F_THEMAS] = (struct form_field){"themas", "Thema's",	 FK_CHECKS,
					  0,	    false,	 "De beleidsdomeinen van de atlas.",
					  d,	    s->n_domains};
	f[F_WIE] =
	    (struct form_field){"wieKanAanvragen",
				"Wie kan aanvragen",
				FK_TEXTAREA,
				FUNDING_SHORT_MAX,
				false,
				"Bijvoorbeeld: gemeenten, waterschappen, samenwerkingsverbanden.",
				NULL,
				0};
	f[F_BUDGET] =
	    (struct form_field){"budget",  "Budget in euro",
				FK_NUMBER, 24,
				false,	   "Het totale budget van de oproep, zoals 2.500.000.",
				NULL,	   0};
	f[F_COFIN] =
	    (struct form_field){"cofinanciering",
				"Cofinanciering (procent)",
				FK_NUMBER,
				3,
				false,
				"Het deel dat de aanvrager zelf betaalt, 0 tot en met 100.",
				NULL,
				0};
	f[F_OMSCHRIJVING] = (struct form_field){
	    "omschrijving", "Omschrijving", FK_TEXTAREA, FUNDING_TEXT_MAX, false, NULL, NULL, 0};
	f[F_NOTITIE] = (struct form_field){
	    "statusNotitie",
	    "Statusnotitie",
	    FK_TEXTAREA,
	    FUNDING_SHORT_MAX,
	    false,
	    "Verplicht als u een oproep vastlegt waarvan de deadline al voorbij is.",
	    NULL,
	    0};
}

static const char *euro_plain(struct request *r, int64_t cents)
{
	if (cents < 0)
		return "";
	char out[48];
	return arena_strdup(r->arena, amount_format_nl(cents, out, sizeof out, 0));
}

static int call_form(struct request *r, const struct funding_call_row *c,
		     const struct field_errors *err, const char *problem, int status)
{
	no_cache(r);
	struct form_field f[N_FIELDS];
	call_fields(r, f);
	const char *v[N_FIELDS];
	if (err || problem) {
		form_submitted(r, f, N_FIELDS, v);
	} else if (c) {
		v[F_PROGRAMMA] = c->programme;
		v[F_TITEL] = c->title;
		v[F_LINK] = c->url;
		v[F_OPENT] = c->opens_on;
		v[F_DEADLINE] = c->deadline;
		v[F_THEMAS] = c->themes;
		v[F_WIE] = c->eligible;
		v[F_BUDGET] = euro_plain(r, c->budget);
		v[F_COFIN] =
		    c->cofinancing >= 0 ? arena_printf(r->arena, "%d", c->cofinancing) : "";
		v[F_OMSCHRIJVING] = c->description;
		v[F_NOTITIE] = c->status_note;
	} else {
		for (int i = 0; i < N_FIELDS; i++)
			v[i] = "";
	}
	struct buf *b = &r->out;
	buf_reset(b);
	const char *title =
	    c ? arena_printf(r->arena, "%s bewerken", c->title) : "Nieuwe subsidiekans";
	const struct crumb crumbs[] = {{"Subsidiekansen", BASE}, {title, NULL}};
	const struct page_head h = {
	    .title = title, .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, title);
	html_raw(b, "</h1>");
	if (problem)
		aui_alert(b, "warning", "", problem);
	if (err)
		form_error_summary(b, err, f, N_FIELDS);
	form_open(b, r, c ? call_href(r, c->id, "/bewerken") : BASE);
	if (c) {
		int64_t ver = c->version;
		if (err || problem)
			form_version(r, &ver);
		form_version_field(b, ver);
	}
	form_fields(b, f, N_FIELDS, v, err);
	form_buttons(b, c ? "Wijzigingen opslaan" : "Subsidiekans vastleggen",
		     c ? call_href(r, c->id, NULL) : BASE, "Annuleren");
	form_close(b);
	layout_end(b, NULL);
	return status;
}

static int staff_only(struct request *r)
{
	return respond_error(r, 403, "Geen toegang",
			     "Alleen medewerkers van de provincie leggen subsidiekansen vast en "
			     "wijzigen ze.",
			     NULL);
}

int page_subsidiekans_new(struct request *r)
{
	if (!policy_may_manage_funding_calls(web_user(r)))
		return staff_only(r);
	return call_form(r, NULL, NULL, NULL, 200);
}

int page_subsidiekans_edit(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	if (!policy_may_manage_funding_calls(web_user(r)))
		return staff_only(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	struct funding_call_row c;
	enum fc_outcome o = subsidiekansen_get(st, r->arena, id, &c);
	if (o == FC_NOTFOUND)
		return respond_not_found(r);
	if (o != FC_OK)
		return store_down(r);
	return call_form(r, &c, NULL, NULL, 200);
}

static void read_form(struct request *r, struct funding_form *f)
{
	struct form_field fields[N_FIELDS];
	call_fields(r, fields);
	const char *v[N_FIELDS];
	form_submitted(r, fields, N_FIELDS, v);
	*f = (struct funding_form){
	    .in = {.programme = v[F_PROGRAMMA],
		   .title = v[F_TITEL],
		   .url = v[F_LINK],
		   .opens_on = v[F_OPENT],
		   .deadline = v[F_DEADLINE],
		   .eligible = v[F_WIE],
		   .budget = v[F_BUDGET],
		   .cofinancing = v[F_COFIN],
		   .description = v[F_OMSCHRIJVING],
		   .status_note = v[F_NOTITIE]},
	    .themes = v[F_THEMAS],
	};
}

static int saved(struct request *r, int64_t id, enum fc_outcome o, const struct field_errors *e,
		 const struct funding_call_row *old, const char *notice)
{
	switch (o) {
	case FC_OK:
		return respond_redirect(
		    r, arena_printf(r->arena, BASE "/%lld?melding=%s", (long long)id, notice));
	case FC_FORBIDDEN:
		return staff_only(r);
	case FC_NOTFOUND:
		return respond_not_found(r);
	case FC_INVALID:
		return call_form(r, old, e, NULL, 400);
	case FC_STALE:
		return call_form(r, old, NULL, subsidiekansen_message(o), 409);
	default:
		log_error("subsidiekansen: saving a call failed");
		return store_down(r);
	}
}

int page_subsidiekans_create(struct request *r)
{
	if (!policy_may_manage_funding_calls(web_user(r)))
		return staff_only(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	struct funding_form f;
	read_form(r, &f);
	struct field_errors e = {0};
	int64_t id = 0;
	enum fc_outcome o =
	    subsidiekansen_create(st, r->arena, r->snap, web_user(r), "web", &f, &e, &id);
	return saved(r, id, o, &e, NULL, "opgeslagen");
}

int page_subsidiekans_update(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	if (!policy_may_manage_funding_calls(web_user(r)))
		return staff_only(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	struct funding_call_row old;
	enum fc_outcome o = subsidiekansen_get(st, r->arena, id, &old);
	if (o != FC_OK)
		return saved(r, id, o, NULL, NULL, "");
	int64_t version;
	if (!form_version(r, &version))
		version = -1;
	struct funding_form f;
	read_form(r, &f);
	struct field_errors e = {0};
	o = subsidiekansen_update(st, r->arena, r->snap, web_user(r), "web", id, version, &f, &e);
	return saved(r, id, o, &e, &old, "gewijzigd");
}

/* ---- the call page ------------------------------------------------------------------- */

static const char *org_name(const struct request *r, const char *code)
{
	int oi = snapshot_find_org(r->snap, code);
	return oi >= 0 ? r->snap->orgs[oi].name : code;
}

/* Province staff: the deadline reminders queued for the marks — when, for
 * which organisation, and whether they went; never an address. */
static void reminders_table(struct buf *b, struct request *r, const struct funding_view *v)
{
	if (!v->n_reminders) {
		comp_para(b, "Er zijn nog geen herinneringen voor de deadline verstuurd.");
		return;
	}
	static const struct comp_col cols[] = {{"Organisatie", false},
					       {"Termijn", false},
					       {"Deadline", false},
					       {"In de wachtrij gezet", false},
					       {"Status", false}};
	comp_table_open(b, "Herinneringen voor de deadline (alleen zichtbaar voor de provincie)",
			cols, 5);
	for (int i = 0; i < v->n_reminders; i++) {
		const struct funding_reminder_row *x = &v->reminders[i];
		comp_row_open(b);
		comp_th_open(b);
		html_text(b, org_name(r, x->org_code));
		comp_th_close(b);
		comp_td_text(b,
			     x->lead_days == 1
				 ? "1 dag ervoor"
				 : arena_printf(r->arena, "%d dagen ervoor", x->lead_days),
			     "");
		comp_td_date(b, x->deadline, "Onbekend");
		char day[11];
		snprintf(day, sizeof day, "%.10s", x->queued_at);
		comp_td_date(b, day, "Onbekend");
		const char *st = !*x->status ? "ingetrokken" : outbox_status_word(x->status);
		if (*x->sent_at)
			st = arena_printf(r->arena, "%s op %.10s", st, x->sent_at);
		comp_td_text(b, st, "");
		comp_row_close(b);
	}
	comp_table_close(b);
}

static void interest_section(struct buf *b, struct request *r, const struct funding_call_row *c,
			     const struct funding_view *v, const struct field_errors *err,
			     const char *problem)
{
	html_raw(b, "<section aria-labelledby=\"h-interesse\"><h2 class=\"utrecht-heading-2\" "
		    "id=\"h-interesse\">Interesse van partners</h2>");
	if (problem)
		aui_alert(b, "warning", "", problem);
	if (c->interests == 0)
		comp_para(b, "Nog geen organisaties hebben interesse gemeld.");
	else
		html_rawf(b, "<p class=\"utrecht-paragraph\">%d %s interesse gemeld.</p>",
			  c->interests,
			  c->interests == 1 ? "organisatie heeft" : "organisaties hebben");
	if (v->may_mark) {
		if (v->marked) {
			comp_para(b,
				  v->marked_remind
				      ? "Uw organisatie heeft interesse gemeld. U krijgt een "
					"herinnering per e-mail voor de deadline."
				      : "Uw organisatie heeft interesse gemeld, zonder herinnering "
					"voor de deadline.");
			form_open(b, r, call_href(r, c->id, "/interesse"));
			form_hidden(b, "actie", "intrekken");
			form_submit(b, "Interesse intrekken", false);
			form_close(b);
		} else {
			static const struct form_field note = {
			    "toelichting",
			    "Toelichting voor de provincie",
			    FK_TEXTAREA,
			    1000,
			    false,
			    "Bijvoorbeeld het project dat u wilt indienen. Alleen de provincie "
			    "ziet "
			    "dit.",
			    NULL,
			    0};
			html_raw(b, "<div id=\"interesse-form\">");
			if (err)
				form_error_summary(b, err, &note, 1);
			form_open(b, r, call_href(r, c->id, "/interesse"));
			form_field(b, &note, err ? form_str(req_form(r, "toelichting")) : "", err);
			html_raw(b,
				 "<div class=\"utrecht-form-field utrecht-form-field--checkbox\">"
				 "<input class=\"utrecht-checkbox\" type=\"checkbox\" "
				 "id=\"f-herinnering\" name=\"herinnering\" value=\"ja\" "
				 "aria-describedby=\"f-herinnering-uitleg\"");
			html_raw(b, !err || req_form(r, "herinnering") ? " checked>" : ">");
			html_raw(b, "<label class=\"utrecht-form-label\" for=\"f-herinnering\">"
				    "Herinnering sturen voor de deadline</label>"
				    "<div class=\"utrecht-form-field-description\" "
				    "id=\"f-herinnering-uitleg\">");
			html_text(b,
				  arena_printf(r->arena,
					       "Per e-mail aan u, %s dagen voor de deadline, met "
					       "uw toelichting.",
					       subsidiekansen_reminder_days()));
			html_raw(b, "</div></div>");
			form_submit(b, "Interesse melden voor mijn organisatie", true);
			form_close(b);
			html_raw(b, "</div>");
		}
	} else if (!v->see_interests && !web_user(r)) {
		comp_para(b, "Redacteuren van gemeenten en waterschappen die partner zijn, melden "
			     "interesse nadat zij zijn ingelogd.");
	}
	if (v->see_interests && v->n_interests) {
		static const struct comp_col cols[] = {{"Organisatie", false},
						       {"Gemeld door", false},
						       {"Toelichting", false},
						       {"Herinnering", false},
						       {"Gemeld op", false}};
		comp_table_open(
		    b, "Organisaties met interesse (alleen zichtbaar voor de provincie)", cols, 5);
		for (int i = 0; i < v->n_interests; i++) {
			const struct funding_interest_row *x = &v->interests[i];
			comp_row_open(b);
			comp_th_open(b);
			html_text(b, org_name(r, x->org_code));
			comp_th_close(b);
			comp_td_text(b, x->user, "Onbekend");
			comp_td_text(b, x->note, "Geen");
			comp_td_text(b, x->remind ? "Ja" : "Nee", "");
			char day[11];
			snprintf(day, sizeof day, "%.10s", x->created_at);
			comp_td_date(b, day, "Onbekend");
			comp_row_close(b);
		}
		comp_table_close(b);
		reminders_table(b, r, v);
	}
	html_raw(b, "</section>");
}

static int call_page(struct request *r, int64_t id, const struct field_errors *err,
		     const char *problem, int status)
{
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	struct funding_call_row c;
	enum fc_outcome o = subsidiekansen_get(st, r->arena, id, &c);
	if (o == FC_NOTFOUND)
		return respond_not_found(r);
	if (o != FC_OK)
		return store_down(r);
	struct funding_view v;
	if (subsidiekansen_view(st, r->arena, r->snap, web_user(r), &c, &v) != FC_OK)
		return store_down(r);
	char today[11];
	today_iso(today);
	struct buf *b = &r->out;
	buf_reset(b);
	const struct crumb crumbs[] = {{"Subsidiekansen", BASE}, {c.title, NULL}};
	const struct page_head h = {
	    .title = c.title, .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, c.title);
	html_raw(b, "</h1>");
	form_flash_from(b, r, notices, sizeof notices / sizeof notices[0]);
	comp_dl_open(b);
	comp_dl_text(b, "Programma", programme_label(c.programme));
	comp_dl_item_open(b, "Status");
	status_badge(b, funding_status_on(c.opens_on, c.deadline, today));
	comp_dl_item_close(b);
	if (*c.opens_on)
		comp_dl_date(b, "Opent op", c.opens_on);
	comp_dl_date(b, "Deadline", c.deadline);
	comp_dl_text(b, "Thema's", subsidiekansen_theme_names(r->arena, r->snap, c.themes));
	comp_dl_text(b, "Wie kan aanvragen", c.eligible);
	comp_dl_text(b, "Budget", c.budget >= 0 ? euros(r, c.budget) : "");
	comp_dl_text(b, "Cofinanciering",
		     c.cofinancing >= 0 ? arena_printf(r->arena, "%d procent", c.cofinancing) : "");
	comp_dl_item_open(b, "Oproep");
	comp_ext_link(b, c.url, "De oproep op de website van het programma");
	comp_dl_item_close(b);
	if (*c.status_note)
		comp_dl_text(b, "Statusnotitie", c.status_note);
	comp_dl_close(b);
	if (*c.description) {
		comp_h2(b, "over", "Over deze oproep");
		comp_para(b, c.description);
	}
	if (v.may_manage)
		html_rawf(b,
			  "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" "
			  "href=\"" BASE "/%lld/bewerken\">Subsidiekans bewerken</a></p>",
			  (long long)c.id);
	interest_section(b, r, &c, &v, err, problem);
	layout_end(b, NULL);
	return status;
}

int page_subsidiekans(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	return call_page(r, id, NULL, NULL, 200);
}

int page_subsidiekans_interest(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return store_down(r);
	bool withdraw = strcmp(form_str(req_form(r, "actie")), "intrekken") == 0;
	struct field_errors e = {0};
	enum fc_outcome o =
	    withdraw ? subsidiekansen_withdraw(st, r->arena, r->snap, web_user(r), "web", id)
		     : subsidiekansen_mark(st, r->arena, r->snap, web_user(r), "web", id,
					   req_form(r, "toelichting"),
					   req_form(r, "herinnering") != NULL, &e);
	switch (o) {
	case FC_OK:
		return respond_redirect(r, arena_printf(r->arena, BASE "/%lld?melding=%s",
							(long long)id,
							withdraw ? "ingetrokken" : "interesse"));
	case FC_NOTFOUND:
		return respond_not_found(r);
	case FC_FORBIDDEN:
		return respond_error(r, 403, "Geen toegang",
				     "Alleen een redacteur van een gemeente of waterschap die "
				     "partner is, meldt interesse voor de eigen organisatie.",
				     NULL);
	case FC_INVALID:
		return call_page(r, id, &e, NULL, 400);
	case FC_TWICE:
	case FC_NONE:
		return call_page(r, id, NULL, subsidiekansen_message(o), 409);
	default:
		return store_down(r);
	}
}
