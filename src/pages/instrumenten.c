/*
 * instrumenten — the pages of instrument requests; see instrumenten.h.
 */
#include "instrumenten.h"
#include "auth_ui.h"
#include "forms.h"
#include "../app/instrumenten.h"
#include "../app/policy.h"
#include "../app/readmodel.h"
#include "../domain/amount.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <string.h>

const struct param_spec instrumenten_new_params[] = {{"soort", PT_TEXT, 20}, {NULL, 0, 0}};

static const char *org_name(struct request *r, const char *code)
{
	int oi = snapshot_find_org(r->snap, code);
	return oi >= 0 ? r->snap->orgs[oi].name : code;
}

static void orgs_text(struct buf *b, struct request *r, const char *const *codes, int n)
{
	if (!n) {
		html_raw(b, "—");
		return;
	}
	for (int i = 0; i < n; i++) {
		if (i)
			html_raw(b, ", ");
		html_text(b, org_name(r, codes[i]));
	}
}

static void amount_text(struct buf *b, int64_t cents)
{
	if (cents < 0) {
		html_raw(b, "—");
		return;
	}
	char out[48];
	html_raw(b, "€ ");
	html_text(b, amount_format_nl(cents, out, sizeof out, 0));
}

static const char *kind_label(const char *k)
{
	return instrument_label(instrument_kind_labels, LABEL_COUNT(instrument_kind_labels), k);
}

static const char *status_label(const char *k)
{
	return instrument_label(instrument_status_labels, LABEL_COUNT(instrument_status_labels), k);
}

static void title_link(struct buf *b, struct request *r, const struct instrument_row *x)
{
	comp_link(b, arena_printf(r->arena, "/instrumenten/%lld", (long long)x->id), x->title);
}

/* ---- the overview ----------------------------------------------------------------- */

static void public_tables(struct buf *b, struct request *r, const struct instrument_row *rows,
			  int n)
{
	int stim = 0, lobby = 0;
	for (int i = 0; i < n; i++) {
		stim += strcmp(rows[i].kind, "stimulans") == 0;
		lobby += strcmp(rows[i].kind, "lobby") == 0;
	}
	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"stimulans\">Toegekende bijdragen "
		    "„Stimulans in samenwerking”</h2>");
	if (!stim) {
		comp_para(b, "Er zijn nog geen bijdragen toegekend.");
	} else {
		static const struct comp_col cols[] = {{"Bijdrage", false},
						       {"Aangevraagd door", false},
						       {"Betrokken organisaties", false},
						       {"Toegekend", true},
						       {"Periode", false},
						       {"Samenwerkingsverband", false}};
		comp_table_open(b, "Toegekende stimuleringsbijdragen", cols, 6);
		for (int i = 0; i < n; i++) {
			const struct instrument_row *x = &rows[i];
			if (strcmp(x->kind, "stimulans") != 0)
				continue;
			comp_row_open(b);
			comp_th_open(b);
			title_link(b, r, x);
			comp_th_close(b);
			comp_td_text(b, org_name(r, x->org_code), "");
			comp_td_open(b, false);
			orgs_text(b, r, x->parties, x->n_parties);
			comp_td_close(b);
			comp_td_open(b, true);
			amount_text(b, x->amount_granted);
			comp_td_close(b);
			comp_td_open(b, false);
			html_date_nl(b, x->period_start);
			html_raw(b, " – ");
			html_date_nl(b, x->period_end);
			comp_td_close(b);
			comp_td_open(b, false);
			int ci = *x->collab_key ? snapshot_find_collab(r->snap, x->collab_key) : -1;
			if (ci >= 0)
				comp_link_seg(b, "/samenwerkingsverbanden",
					      r->snap->collabs[ci].key, r->snap->collabs[ci].name);
			else
				html_raw(b, "—");
			comp_td_close(b);
			comp_row_close(b);
		}
		comp_table_close(b);
	}
	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"lobby\">Lobbydossiers</h2>"
		    "<p class=\"utrecht-paragraph\">De stem van meerdere gemeenten en "
		    "waterschappen tegelijk richting Rijk en Europa. Gemeenten en waterschappen "
		    "geven hun steun zelf aan.</p>");
	if (!lobby) {
		comp_para(b, "Er zijn nog geen lobbydossiers.");
		return;
	}
	static const struct comp_col lcols[] = {
	    {"Dossier", false}, {"Aangevraagd door", false}, {"Gesteund door", false}};
	comp_table_open(b, "Lobbydossiers en wie ze steunen", lcols, 3);
	for (int i = 0; i < n; i++) {
		const struct instrument_row *x = &rows[i];
		if (strcmp(x->kind, "lobby") != 0)
			continue;
		comp_row_open(b);
		comp_th_open(b);
		title_link(b, r, x);
		comp_th_close(b);
		comp_td_text(b, org_name(r, x->org_code), "");
		comp_td_open(b, false);
		orgs_text(b, r, x->supporters, x->n_supporters);
		comp_td_close(b);
		comp_row_close(b);
	}
	comp_table_close(b);
}

static void requests_table(struct buf *b, struct request *r, const struct instrument_row *rows,
			   int n)
{
	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"aanvragen\">Aanvragen</h2>");
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	comp_link(b, "/instrumenten/nieuw", "Nieuwe aanvraag doen");
	html_raw(b, "</p>");
	if (!n) {
		comp_para(b, "Er zijn nog geen aanvragen.");
		return;
	}
	static const struct comp_col cols[] = {{"Aanvraag", false},
					       {"Soort", false},
					       {"Organisatie", false},
					       {"Status", false},
					       {"Ingediend op", false}};
	comp_table_open(b,
			policy_is_province(r->user) ? "Alle aanvragen, nieuwste eerst"
						    : "Aanvragen van uw organisatie",
			cols, 5);
	for (int i = 0; i < n; i++) {
		const struct instrument_row *x = &rows[i];
		comp_row_open(b);
		comp_th_open(b);
		title_link(b, r, x);
		comp_th_close(b);
		comp_td_text(b, kind_label(x->kind), "");
		comp_td_text(b, org_name(r, x->org_code), "");
		comp_td_text(b, status_label(x->status), "");
		comp_td_date(b, arena_printf(r->arena, "%.10s", x->created_at), "");
		comp_row_close(b);
	}
	comp_table_close(b);
}

int page_instrumenten(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct instrument_row *pub, *mine = NULL;
	int np, nm = 0;
	if (instrumenten_public_list(st, r->arena, &pub, &np) ||
	    (r->user && instrumenten_mine(st, r->arena, r->user, &mine, &nm)))
		return page_store_down(r);
	struct buf *b = &r->out;
	const struct page_head h = {.title = "Instrumenten voor samenwerking", .nav = NAV_NONE};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b,
		 "<h1 class=\"utrecht-heading-1\">Instrumenten voor samenwerking</h1>"
		 "<p class=\"utrecht-paragraph\">Gemeenten en waterschappen kunnen de provincie om "
		 "drie instrumenten vragen:</p><ul class=\"utrecht-unordered-list\">"
		 "<li><strong>Financiële scan</strong>: een blik van buiten op de financiën van uw "
		 "organisatie.</li>"
		 "<li><strong>Stimulans in samenwerking</strong>: een tijdelijke bijdrage of "
		 "ondersteuning om buren bij elkaar te brengen.</li>"
		 "<li><strong>Belangenbehartiging</strong>: de stem van meerdere gemeenten en "
		 "waterschappen tegelijk richting Rijk en Europa.</li></ul>");
	bool may_ask = r->user && (policy_is_province(r->user) ||
				   (r->user->role == USER_ROLE_EDITOR && *r->user->org_code));
	if (!r->user)
		comp_para(b, "Redacteuren van gemeenten en waterschappen doen een aanvraag na "
			     "inloggen.");
	if (may_ask)
		requests_table(b, r, mine, nm);
	public_tables(b, r, pub, np);
	layout_end(b, NULL);
	return 200;
}

/* ---- a new request ------------------------------------------------------------------- */

static const struct form_field f_soort = {
    "soort", "Wat vraagt u aan", FK_SELECT, 0, true, NULL, NULL, 0};
static const struct form_field f_organisatie = {"organisatie", "Namens", FK_SELECT, 0,
						true,	       NULL,	 NULL,	    0};
static const struct form_field f_titel = {"titel", "Titel", FK_TEXT, INSTRUMENT_TITLE_MAX,
					  true,	   NULL,    NULL,    0};
static const struct form_field f_doel = {
    "doel",
    "Doel",
    FK_TEXTAREA,
    INSTRUMENT_TEXT_MAX,
    false,
    "Wat wilt u bereiken, en met wie? Verplicht bij een stimuleringsbijdrage en een lobbydossier.",
    NULL,
    0};
static const struct form_field f_bedrag = {
    "bedrag",  "Gevraagd bedrag in euro",
    FK_NUMBER, 20,
    false,     "Alleen bij een stimuleringsbijdrage, bijvoorbeeld 25.000.",
    NULL,      0};
static const struct form_field f_van = {"periodeVan", "Periode vanaf",
					FK_DATE,      10,
					false,	      "Alleen bij een stimuleringsbijdrage.",
					NULL,	      0};
static const struct form_field f_tot = {"periodeTot", "Periode tot en met",
					FK_DATE,      10,
					false,	      "Alleen bij een stimuleringsbijdrage.",
					NULL,	      0};

static struct form_field with_opts(const struct form_field *f, const struct comp_option *o, int n)
{
	struct form_field c = *f;
	c.opts = o;
	c.n_opts = n;
	return c;
}

/* The partners a request may involve: gemeenten and waterschappen in s,
 * not ended (checkbox options). */
static struct comp_option *partner_opts(struct request *r, int *n)
{
	const struct snapshot *s = r->snap;
	struct comp_option *o = arena_calloc(r->arena, (size_t)s->n_orgs + 1, sizeof *o);
	int k = 0;
	for (int i = 0; i < s->n_orgs; i++) {
		const struct organisation *x = &s->orgs[i];
		if (!x->ended && x->in_province &&
		    (x->kind == ORG_MUNICIPALITY || x->kind == ORG_WATER_BOARD))
			o[k++] = (struct comp_option){x->code, x->name};
	}
	*n = k;
	return o;
}

static int new_form(struct request *r, const struct field_errors *e, int status)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	struct buf *b = &r->out;
	buf_reset(b);
	int nk, np, no = 0;
	struct comp_option *kinds = form_label_opts(
	    r->arena, instrument_kind_labels, LABEL_COUNT(instrument_kind_labels), "Kies", &nk);
	struct comp_option *partners = partner_opts(r, &np);
	struct comp_option *orgs = NULL;
	bool staff = policy_is_province(r->user);
	if (staff) {
		orgs = arena_calloc(r->arena, (size_t)np + 1, sizeof *orgs);
		orgs[no++] = (struct comp_option){"", "Kies een organisatie"};
		for (int i = 0; i < np; i++)
			orgs[no++] = partners[i];
	}
	const struct form_field fields[] = {
	    with_opts(&f_soort, kinds, nk),
	    f_titel,
	    f_doel,
	    f_bedrag,
	    f_van,
	    f_tot,
	    with_opts(&(struct form_field){"partners", "Betrokken gemeenten en waterschappen",
					   FK_CHECKS, 0, false, NULL, NULL, 0},
		      partners, np),
	    with_opts(&f_organisatie, orgs, no),
	};
	int n = staff ? 8 : 7;
	const char *vals[8];
	form_submitted(r, fields, n, vals);
	if (r->method != HTTP_POST) {
		const char *k = req_param(r, "soort");
		vals[0] = k ? k : "";
	}
	const struct crumb crumbs[] = {{"Instrumenten", "/instrumenten"},
				       {"Nieuwe aanvraag", NULL}};
	const struct page_head h = {
	    .title = "Nieuwe aanvraag", .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Nieuwe aanvraag</h1>");
	if (!staff) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Namens ");
		html_text(b, org_name(r, r->user->org_code));
		html_raw(b, ". De provincie neemt de aanvraag in behandeling en laat u per e-mail "
			    "weten hoe het ermee staat.</p>");
	}
	if (e)
		form_error_summary(b, e, fields, n);
	html_raw(b, "<form class=\"atlas-edit-form\" method=\"post\" novalidate "
		    "action=\"/instrumenten/nieuw\">");
	form_csrf(b, r);
	if (staff)
		form_field(b, &fields[7], vals[7], e);
	form_fields(b, fields, 7, vals, e);
	form_buttons(b, "Aanvraag indienen", "/instrumenten", "Annuleren");
	html_raw(b, "</form>");
	layout_end(b, NULL);
	return status;
}

int page_instrument_new(struct request *r)
{
	bool staff = policy_is_province(r->user);
	if (!staff && !(r->user && r->user->role == USER_ROLE_EDITOR && *r->user->org_code))
		return respond_error(r, 403, "Geen toegang",
				     "Alleen redacteuren van een gemeente of waterschap en "
				     "medewerkers van de provincie doen aanvragen.",
				     NULL);
	if (r->method != HTTP_POST)
		return new_form(r, NULL, 200);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	const char *parties[INSTRUMENT_PARTIES_MAX + 1];
	struct instrumenten_form f = {
	    .org_code = staff ? req_form(r, "organisatie") : NULL,
	    .in = {.kind = req_form(r, "soort"),
		   .title = req_form(r, "titel"),
		   .purpose = req_form(r, "doel"),
		   .amount = req_form(r, "bedrag"),
		   .period_start = req_form(r, "periodeVan"),
		   .period_end = req_form(r, "periodeTot")},
	    .parties = parties,
	};
	f.n_parties = req_form_all(r, "partners", parties, INSTRUMENT_PARTIES_MAX + 1);
	struct field_errors e = {0};
	int64_t id;
	enum instr_outcome o =
	    instrumenten_request(st, r->arena, r->snap, r->user, "web", &f, &e, &id);
	switch (o) {
	case INS_OK:
		return respond_redirect(
		    r,
		    arena_printf(r->arena, "/instrumenten/%lld?melding=ingediend", (long long)id));
	case INS_INVALID:
		return new_form(r, &e, 400);
	case INS_FORBIDDEN:
		return respond_error(r, 403, "Geen toegang",
				     "U doet alleen aanvragen namens uw eigen organisatie.", NULL);
	default:
		return page_store_down(r);
	}
}

/* ---- one request --------------------------------------------------------------------- */

static const struct form_notice notices[] = {
    {"ingediend", "Uw aanvraag is ingediend."},
    {"status", "De status is gewijzigd; de aanvrager krijgt bericht."},
    {"gekoppeld", "Het samenwerkingsverband is gekoppeld."},
    {"steun", "Uw organisatie steunt dit dossier."},
};

static const struct form_field f_status = {
    "status", "Nieuwe status", FK_SELECT, 0, true, NULL, NULL, 0};
static const struct form_field f_datum = {"besluitdatum", "Datum van het besluit", FK_DATE, 10,
					  false,	  "Leeg: vandaag.",	   NULL,    0};
static const struct form_field f_toegekend = {
    "bedragToegekend",
    "Toegekend bedrag in euro",
    FK_NUMBER,
    20,
    false,
    "Verplicht bij het toekennen van een stimuleringsbijdrage.",
    NULL,
    0};
static const struct form_field f_reden = {
    "reden",	 "Reden of toelichting",
    FK_TEXTAREA, INSTRUMENT_TEXT_MAX,
    false,	 "Verplicht bij afwijzen. De aanvrager krijgt deze tekst.",
    NULL,	 0};

static void decision_form(struct buf *b, struct request *r, const struct instrument_row *x,
			  const struct field_errors *e)
{
	struct comp_option *opts =
	    arena_calloc(r->arena, LABEL_COUNT(instrument_status_labels) + 1, sizeof *opts);
	int n = 0;
	opts[n++] = (struct comp_option){"", "Kies"};
	for (int i = 0; i < LABEL_COUNT(instrument_status_labels); i++)
		if (instrument_transition(x->status, instrument_status_labels[i].api))
			opts[n++] = (struct comp_option){instrument_status_labels[i].api,
							 instrument_status_labels[i].label};
	html_raw(b, "<section class=\"atlas-manage\" aria-labelledby=\"h-besluit\">"
		    "<h2 class=\"utrecht-heading-2\" id=\"h-besluit\">Behandelen</h2>");
	if (n == 1) {
		comp_para(b, "Deze aanvraag is afgehandeld.");
		html_raw(b, "</section>");
		return;
	}
	const struct form_field fields[] = {with_opts(&f_status, opts, n), f_datum, f_toegekend,
					    f_reden};
	const char *vals[4];
	form_submitted(r, fields, 4, vals);
	if (e)
		form_error_summary(b, e, fields, 4);
	html_raw(b, "<form class=\"atlas-edit-form\" method=\"post\" novalidate action=\"");
	html_attr(b, arena_printf(r->arena, "/instrumenten/%lld/status", (long long)x->id));
	html_raw(b, "\">");
	form_csrf(b, r);
	form_fields(b, fields, 4, vals, e);
	form_submit(b, "Status wijzigen", true);
	html_raw(b, "</form></section>");
}

static void collab_form(struct buf *b, struct request *r, const struct instrument_row *x)
{
	int n = 0;
	struct comp_option *opts =
	    arena_calloc(r->arena, (size_t)r->snap->n_collabs + 1, sizeof *opts);
	opts[n++] = (struct comp_option){"", "Geen"};
	for (int i = 0; i < r->snap->n_collabs; i++)
		opts[n++] = (struct comp_option){r->snap->collabs[i].key, r->snap->collabs[i].name};
	const struct form_field f = {"samenwerkingsverband",
				     "Samenwerkingsverband dat deze bijdrage hielp starten",
				     FK_SELECT,
				     0,
				     false,
				     NULL,
				     opts,
				     n};
	html_raw(b, "<form class=\"atlas-edit-form\" method=\"post\" action=\"");
	html_attr(
	    b, arena_printf(r->arena, "/instrumenten/%lld/samenwerkingsverband", (long long)x->id));
	html_raw(b, "\">");
	form_csrf(b, r);
	form_field(b, &f, x->collab_key, NULL);
	form_submit(b, "Koppelen", false);
	html_raw(b, "</form>");
}

static int show_page(struct request *r, int64_t id, const struct field_errors *e, int status)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct instrument_row x;
	enum instr_outcome o = instrumenten_get(st, r->arena, r->user, id, &x);
	if (o == INS_NOTFOUND)
		return respond_not_found(r);
	if (o != INS_OK)
		return page_store_down(r);
	struct buf *b = &r->out;
	buf_reset(b);
	const struct crumb crumbs[] = {{"Instrumenten", "/instrumenten"}, {x.title, NULL}};
	const struct page_head h = {
	    .title = x.title, .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, x.title);
	html_raw(b, "</h1>");
	form_flash_from(b, r, notices, sizeof notices / sizeof notices[0]);
	if (status == 409)
		aui_alert(b, "warning", "Niet gewijzigd.",
			  "De aanvraag had die status al, of is intussen gewijzigd.");
	comp_dl_open(b);
	comp_dl_text(b, "Soort", kind_label(x.kind));
	comp_dl_text(b, "Aangevraagd door", org_name(r, x.org_code));
	comp_dl_text(b, "Status", status_label(x.status));
	if (*x.purpose)
		comp_dl_text(b, "Doel", x.purpose);
	if (x.n_parties) {
		comp_dl_item_open(b, "Betrokken organisaties");
		orgs_text(b, r, x.parties, x.n_parties);
		comp_dl_item_close(b);
	}
	if (strcmp(x.kind, "stimulans") == 0) {
		comp_dl_item_open(b, "Gevraagd bedrag");
		amount_text(b, x.amount_asked);
		comp_dl_item_close(b);
		comp_dl_item_open(b, "Periode");
		html_date_nl(b, x.period_start);
		html_raw(b, " – ");
		html_date_nl(b, x.period_end);
		comp_dl_item_close(b);
		if (x.amount_granted >= 0) {
			comp_dl_item_open(b, "Toegekend bedrag");
			amount_text(b, x.amount_granted);
			comp_dl_item_close(b);
		}
	}
	if (*x.decision_date)
		comp_dl_date(b, "Besluit op", x.decision_date);
	if (*x.reason)
		comp_dl_text(b, "Toelichting bij het besluit", x.reason);
	if (strcmp(x.kind, "lobby") == 0) {
		comp_dl_item_open(b, "Gesteund door");
		orgs_text(b, r, x.supporters, x.n_supporters);
		comp_dl_item_close(b);
	}
	int ci = *x.collab_key ? snapshot_find_collab(r->snap, x.collab_key) : -1;
	if (ci >= 0) {
		comp_dl_item_open(b, "Hielp starten");
		comp_link_seg(b, "/samenwerkingsverbanden", r->snap->collabs[ci].key,
			      r->snap->collabs[ci].name);
		comp_dl_item_close(b);
	}
	comp_dl_close(b);
	if (!instrumenten_public(&x))
		comp_notice(b, "Niet openbaar.",
			    "Alleen de provincie en de betrokken organisaties zien deze aanvraag.");
	if (instrumenten_may_support(r->user, &x)) {
		html_raw(b, "<form class=\"atlas-edit-form\" method=\"post\" action=\"");
		html_attr(b, arena_printf(r->arena, "/instrumenten/%lld/steun", (long long)x.id));
		html_raw(b, "\">");
		form_csrf(b, r);
		form_submit(b, "Wij steunen dit dossier", true);
		html_raw(b, "</form>");
	}
	if (policy_may_decide_instrument(r->user)) {
		decision_form(b, r, &x, e);
		if (strcmp(x.kind, "stimulans") == 0)
			collab_form(b, r, &x);
	}
	layout_end(b, NULL);
	return status;
}

static bool path_id(const struct request *r, int64_t *id)
{
	long v;
	if (!parse_long(r->path_args[0], 1, 0x7fffffffL, &v))
		return false;
	*id = v;
	return true;
}

int page_instrument_show(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	return show_page(r, id, NULL, 200);
}

static int after_write(struct request *r, int64_t id, enum instr_outcome o,
		       const struct field_errors *e, const char *notice)
{
	switch (o) {
	case INS_OK:
		app_after_write(); /* a grant or link may change a collaboration page */
		return respond_redirect(r, arena_printf(r->arena, "/instrumenten/%lld?melding=%s",
							(long long)id, notice));
	case INS_NOTFOUND:
		return respond_not_found(r);
	case INS_FORBIDDEN:
		return respond_error(r, 403, "Geen toegang", "Dit mag u bij deze aanvraag niet.",
				     NULL);
	case INS_INVALID:
		return show_page(r, id, e, 400);
	case INS_CONFLICT:
		return show_page(r, id, NULL, 409);
	default:
		log_error("instrumenten: a write about request %lld failed", (long long)id);
		return page_store_down(r);
	}
}

int page_instrument_status(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct field_errors e = {0};
	enum instr_outcome o = instrumenten_decide(
	    st, r->arena, r->snap, r->user, "web", id, req_form(r, "status"),
	    req_form(r, "besluitdatum"), req_form(r, "bedragToegekend"), req_form(r, "reden"), &e);
	return after_write(r, id, o, &e, "status");
}

int page_instrument_collab(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct field_errors e = {0};
	enum instr_outcome o = instrumenten_link_collab(st, r->arena, r->snap, r->user, "web", id,
							req_form(r, "samenwerkingsverband"), &e);
	return after_write(r, id, o, &e, "gekoppeld");
}

int page_instrument_support(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	enum instr_outcome o = instrumenten_support(st, r->arena, r->snap, r->user, "web", id);
	return after_write(r, id, o, NULL, "steun");
}

void instrumenten_collab_section(struct buf *b, struct request *r, const char *collab_key)
{
	struct store *st = store_thread();
	struct instrument_row *rows;
	int n;
	if (!st || instrumenten_for_collab(st, r->arena, collab_key, &rows, &n) || !n)
		return;
	html_raw(b, "<section aria-labelledby=\"h-stimulans\"><h2 class=\"utrecht-heading-2\" "
		    "id=\"h-stimulans\">Stimulans in samenwerking</h2><ul "
		    "class=\"utrecht-unordered-list\">");
	for (int i = 0; i < n; i++) {
		html_raw(b, "<li>");
		title_link(b, r, &rows[i]);
		html_raw(b, ": ");
		amount_text(b, rows[i].amount_granted);
		html_raw(b, " van de provincie, aangevraagd door ");
		html_text(b, org_name(r, rows[i].org_code));
		html_raw(b, ".</li>");
	}
	html_raw(b, "</ul></section>");
}
