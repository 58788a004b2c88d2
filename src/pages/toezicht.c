/*
 * toezicht (pages) — the public IBT view, an organisation's history, one
 * assessment with its dialogue and the supervisors' forms; see toezicht.h.
 * Everything read per request (module data, no-store); what a reader sees
 * is decided in app/toezicht.c through app/policy.c.
 */
#include "toezicht.h"
#include "auth_ui.h"
#include "forms.h"
#include "toezicht_draw.h"
#include "toezicht_ladder.h"
#include "../app/policy.h"
#include "../app/toezicht.h"
#include "../domain/snapshot.h"
#include "../io/geo.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/csv.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdio.h>
#include <string.h>

#define BASE "/toezicht"

static void no_cache(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
}

static const struct user *web_user(const struct request *r)
{
	return r->user && !r->via_token ? r->user : NULL;
}

static bool path_id(const struct request *r, int64_t *id)
{
	long v;
	if (!parse_long(r->path_args[0], 1, 0x7fffffffL, &v))
		return false;
	*id = v;
	return true;
}

static const char *org_name(const struct request *r, const char *code)
{
	int oi = snapshot_find_org(r->snap, code);
	return oi >= 0 ? r->snap->orgs[oi].name : code;
}

static const char *org_toezicht_href(struct request *r, const char *code)
{
	struct buf u = BUF_INIT;
	buf_puts(&u, "/organisaties/");
	url_seg(&u, code);
	buf_puts(&u, "/toezicht");
	const char *out = arena_strdup(r->arena, u.data);
	buf_free(&u);
	return out;
}

static const char *assessment_href(struct request *r, int64_t id, const char *suffix)
{
	return arena_printf(r->arena, BASE "/beoordelingen/%lld%s", (long long)id,
			    suffix ? suffix : "");
}

/* ---- the public view ------------------------------------------------------------------ */

/* The query string for domain and year (for export links). */
static const char *query_of(struct request *r, const struct ibt_view *v)
{
	struct buf u = BUF_INIT;
	buf_puts(&u, "domein=");
	url_arg(&u, v->domain ? v->domain->key : "");
	buf_printf(&u, "&jaar=%d", v->year);
	const char *out = arena_strdup(r->arena, u.data);
	buf_free(&u);
	return out;
}

static void choice_form(struct request *r, const struct ibt_view *v)
{
	struct buf *b = &r->out;
	struct comp_option *d = arena_calloc(r->arena, (size_t)v->n_domains + 1, sizeof *d);
	for (int i = 0; i < v->n_domains; i++)
		d[i] = (struct comp_option){v->domains[i].key, v->domains[i].name};
	int ny = v->last_year - v->first_year + 1;
	struct comp_option *y = arena_calloc(r->arena, (size_t)ny + 1, sizeof *y);
	for (int i = 0; i < ny; i++) {
		const char *t = arena_printf(r->arena, "%d", v->last_year - i);
		y[i] = (struct comp_option){t, t};
	}
	html_raw(b, "<form class=\"atlas-filter\" method=\"get\" action=\"" BASE "\" "
		    "aria-labelledby=\"tz-keuze\"><h2 class=\"utrecht-heading-2\" id=\"tz-keuze\">"
		    "Welk domein en welk jaar?</h2>");
	comp_select(b, "domein", "Toezichtdomein", d, v->n_domains,
		    v->domain ? v->domain->key : "");
	comp_select(b, "jaar", "Jaar", y, ny, arena_printf(r->arena, "%d", v->year));
	html_raw(b, "<div class=\"utrecht-button-group\"><button class=\"utrecht-button "
		    "utrecht-button--primary-action\" type=\"submit\">Tonen</button></div></form>");
}

/* The table of assessments rows (established, one domain and year). */
static void view_table(struct request *r, const struct ibt_domain_row *d, const char *caption,
		       const char *first_col, struct ibt_assessment_row **rows, const int *orgs,
		       int n)
{
	struct buf *b = &r->out;
	const struct comp_col cols[] = {{first_col, false},
					{"Oordeel provincie", false},
					{"Eigen oordeel", false},
					{"Vastgesteld op", false}};
	comp_table_open_ex(b, caption, cols, 4, true);
	for (int i = 0; i < n; i++) {
		const struct ibt_assessment_row *a = rows[i];
		const char *code = orgs ? r->snap->orgs[orgs[i]].code : a->org_code;
		comp_row_open(b);
		comp_th_open(b);
		comp_link(b, org_toezicht_href(r, code), org_name(r, code));
		comp_th_close(b);
		comp_td_open(b, false);
		if (a)
			tz_label_inline(b, toezicht_label(d, a->level), a->level);
		else
			html_raw(b, "<span class=\"atlas-muted\">Geen vastgesteld oordeel</span>");
		comp_td_close(b);
		comp_td_text(b,
			     a && a->own_level ? toezicht_label(d, a->own_level)
						     ? toezicht_label(d, a->own_level)->name
						     : ""
					       : "",
			     "Niet opgegeven");
		comp_td_date(b, a ? a->established_on : "", "—");
		comp_row_close(b);
	}
	comp_table_close(b);
}

static void worklist(struct request *r)
{
	struct store *st = store_thread();
	struct ibt_assessment_row *w;
	int n;
	if (!st || toezicht_worklist(st, r->arena, web_user(r), &w, &n) != IBT_OK)
		return;
	struct buf *b = &r->out;
	html_raw(b, "<section aria-labelledby=\"tz-werk\"><h2 class=\"utrecht-heading-2\" "
		    "id=\"tz-werk\">Werkvoorraad toezichthouders (niet openbaar)</h2>");
	html_raw(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"" BASE
		    "/beoordelingen/nieuw\">Nieuwe beoordeling</a></p>");
	if (!n) {
		comp_para(b, "Er zijn geen beoordelingen in concept of in dialoog.");
	} else {
		static const struct comp_col cols[] = {
		    {"Organisatie", false}, {"Domein", false}, {"Jaar", true}, {"Status", false}};
		comp_table_open_ex(b, "Beoordelingen in concept of in dialoog", cols, 4, true);
		for (int i = 0; i < n; i++) {
			comp_row_open(b);
			comp_th_open(b);
			comp_link(b, assessment_href(r, w[i].id, NULL), org_name(r, w[i].org_code));
			comp_th_close(b);
			comp_td_text(b, w[i].domain_key, "");
			comp_td_int(b, w[i].year);
			comp_td_text(b, ibt_status_name(w[i].status), "");
			comp_row_close(b);
		}
		comp_table_close(b);
	}
	html_raw(b, "</section>");
}

int page_toezicht(struct request *r)
{
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct ibt_view v;
	char msg[200];
	if (toezicht_view(st, r->arena, r->snap, req_param(r, "domein"), req_param(r, "jaar"), &v,
			  msg, sizeof msg) != IBT_OK)
		return page_store_down(r);
	struct buf *b = &r->out;
	const struct crumb crumbs[] = {{"Interbestuurlijk toezicht", NULL}};
	const struct page_head h = {
	    .title = "Interbestuurlijk toezicht", .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 1};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b,
		 "<h1 class=\"utrecht-heading-1\">Interbestuurlijk toezicht</h1>"
		 "<p class=\"utrecht-paragraph\">De provincie houdt toezicht op hoe gemeenten, "
		 "waterschappen en gemeenschappelijke regelingen hun wettelijke taken uitvoeren. "
		 "Per domein en per jaar geeft de provincie een oordeel, na een dialoog met de "
		 "organisatie. Hier staan alleen de vastgestelde oordelen.</p>");
	if (msg[0])
		aui_alert(b, "warning", "", msg);
	if (policy_is_supervisor(web_user(r))) {
		worklist(r);
		toezicht_ladder_worklist(r);
	}
	if (!v.domain) {
		comp_para(b, "Er zijn nog geen toezichtdomeinen ingesteld.");
		layout_end(b, NULL);
		return 200;
	}
	choice_form(r, &v);
	const struct ibt_domain_row *d = v.domain;
	const char *title = arena_printf(r->arena, "%s in %d", d->name, v.year);
	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"tz-kaart\">");
	html_text(b, title);
	html_raw(b, "</h2>");
	bool gemeenten = ibt_domain_applies(d->org_kinds, "gemeente");
	int established = 0;
	for (int j = 0; j < v.n_gm; j++)
		established += v.gm_row[j] != NULL;
	if (gemeenten) {
		html_rawf(b,
			  "<p class=\"utrecht-paragraph\" role=\"status\">%d van de %d gemeenten "
			  "hebben een vastgesteld oordeel.</p>",
			  established, v.n_gm);
		tz_map(r, &v);
		view_table(r, d, arena_printf(r->arena, "Oordelen per gemeente: %s", title),
			   "Gemeente", v.gm_row, v.gm, v.n_gm);
	}
	/* waterschappen and gemeenschappelijke regelingen: the table view */
	struct ibt_assessment_row **others =
	    arena_calloc(r->arena, (size_t)v.n_rows + 1, sizeof *others);
	int n_others = 0;
	for (int i = 0; i < v.n_rows; i++) {
		int oi = snapshot_find_org(r->snap, v.rows[i].org_code);
		if (oi < 0 || r->snap->orgs[oi].kind != ORG_MUNICIPALITY)
			others[n_others++] = &v.rows[i];
	}
	if (ibt_domain_applies(d->org_kinds, "waterschap") ||
	    ibt_domain_applies(d->org_kinds, "samenwerkingsorgaan")) {
		comp_h2(b, "tz-overig", "Waterschappen en gemeenschappelijke regelingen");
		if (n_others)
			view_table(r, d,
				   arena_printf(r->arena,
						"Oordelen over waterschappen en gemeenschappelijke "
						"regelingen: %s",
						title),
				   "Organisatie", others, NULL, n_others);
		else
			comp_para(b, "Voor dit jaar zijn er geen vastgestelde oordelen over "
				     "waterschappen of gemeenschappelijke regelingen.");
	}
	const char *q = query_of(r, &v);
	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"tz-download\">Downloaden</h2>"
		    "<ul class=\"utrecht-unordered-list\"><li><a class=\"utrecht-link\" href=\"");
	html_attr(b, arena_printf(r->arena, BASE ".csv?%s", q));
	html_raw(b, "\">Deze oordelen als CSV</a></li><li><a class=\"utrecht-link\" href=\"");
	html_attr(b, arena_printf(r->arena, "/api/v1/toezicht/beoordelingen?%s", q));
	html_raw(b, "\">als JSON</a></li><li><a class=\"utrecht-link\" href=\"");
	html_attr(b, arena_printf(r->arena, BASE ".geojson?%s", q));
	html_raw(b, "\">als GeoJSON (gemeenten)</a></li><li><a class=\"utrecht-link\" "
		    "href=\"/api/v1/toezicht/domeinen\">de domeinen en labels als JSON</a></li>"
		    "</ul>");
	if (!str_empty(d->source_url)) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Meer over dit toezicht: ");
		comp_ext_link(b, d->source_url, "Provincie Utrecht, interbestuurlijk toezicht");
		html_raw(b, "</p>");
	}
	if (policy_may_configure_ibt(web_user(r)))
		html_raw(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" "
			    "href=\"/beheer/toezicht\">Domeinen en labels beheren</a></p>");
	layout_end(b, NULL);
	return 200;
}

int page_toezicht_csv(struct request *r)
{
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct ibt_view v;
	char msg[200];
	if (toezicht_view(st, r->arena, r->snap, req_param(r, "domein"), req_param(r, "jaar"), &v,
			  msg, sizeof msg) != IBT_OK)
		return page_store_down(r);
	if (msg[0])
		return respond_error(r, 400, "Ongeldige parameter", msg, NULL);
	struct csv c;
	csv_begin(&c, &r->out);
	static const char *const head[] = {"Organisatie", "Code",	   "CBS-code",
					   "Domein",	  "Jaar",	   "Oordeel provincie",
					   "Niveau",	  "Eigen oordeel", "Vastgesteld op"};
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		csv_cell(&c, head[i]);
	csv_end_row(&c);
	for (int i = 0; i < v.n_rows; i++) {
		const struct ibt_assessment_row *a = &v.rows[i];
		int oi = snapshot_find_org(r->snap, a->org_code);
		const struct ibt_label *l = toezicht_label(v.domain, a->level);
		const struct ibt_label *own = toezicht_label(v.domain, a->own_level);
		csv_cell(&c, org_name(r, a->org_code));
		csv_cell(&c, a->org_code);
		csv_cell(&c, oi >= 0 ? r->snap->orgs[oi].cbs_code : "");
		csv_cell(&c, v.domain->name);
		csv_int(&c, a->year);
		csv_cell(&c, l ? l->name : "");
		csv_int(&c, a->level);
		csv_cell(&c, own ? own->name : "");
		csv_cell(&c, a->established_on);
		csv_end_row(&c);
	}
	r->content_type = "text/csv; charset=utf-8";
	return 200;
}

/* ---- an organisation's history -------------------------------------------------------- */

static void links_list(struct buf *b, const char *links)
{
	bool any = false;
	for (const char *p = links ? links : ""; *p;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		while (len && (p[len - 1] == '\r' || p[len - 1] == ' '))
			len--;
		if (len) {
			char one[2048];
			snprintf(one, sizeof one, "%.*s", (int)len, p);
			if (!any)
				html_raw(b, "<ul class=\"utrecht-unordered-list\">");
			any = true;
			html_raw(b, "<li>");
			comp_ext_link(b, one, one);
			html_raw(b, "</li>");
		}
		if (!end)
			break;
		p = end + 1;
	}
	if (any)
		html_raw(b, "</ul>");
	else
		html_raw(b, "<span class=\"atlas-muted\">Geen</span>");
}

int page_toezicht_org(struct request *r)
{
	no_cache(r);
	int oi = snapshot_find_org(r->snap, r->path_args[0]);
	if (oi < 0)
		return respond_not_found(r);
	const struct organisation *o = &r->snap->orgs[oi];
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct ibt_domain_row *d;
	int nd;
	struct ibt_assessment_row *rows;
	int n;
	const struct user *u = web_user(r);
	if (toezicht_domains(st, r->arena, &d, &nd) != IBT_OK ||
	    toezicht_of_org(st, r->arena, u, o->code, &rows, &n) != IBT_OK)
		return page_store_down(r);
	struct buf *b = &r->out;
	const char *title = arena_printf(r->arena, "Interbestuurlijk toezicht: %s", o->name);
	struct buf ohref = BUF_INIT;
	buf_puts(&ohref, "/organisaties/");
	url_seg(&ohref, o->code);
	const struct crumb crumbs[] = {{"Organisaties", "/organisaties"},
				       {o->name, arena_strdup(r->arena, ohref.data)},
				       {"Interbestuurlijk toezicht", NULL}};
	buf_free(&ohref);
	const struct page_head h = {
	    .title = title, .nav = NAV_ORGS, .crumbs = crumbs, .n_crumbs = 3};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, title);
	html_raw(b, "</h1>");
	const char *kind = org_kind_labels[o->kind].api;
	int shown = 0;
	bool private_seen = false;
	for (int k = 0; k < nd; k++) {
		if (!ibt_domain_applies(d[k].org_kinds, kind))
			continue;
		shown++;
		const char *id = arena_printf(r->arena, "tz-%s", d[k].key);
		comp_h2(b, id, d[k].name);
		int cnt = 0;
		for (int i = 0; i < n; i++)
			cnt += rows[i].domain_id == d[k].id;
		if (!cnt) {
			comp_para(b, "Nog geen vastgestelde oordelen.");
			continue;
		}
		static const struct comp_col cols[] = {
		    {"Jaar", false},	   {"Oordeel provincie", false}, {"Eigen oordeel", false},
		    {"Motivering", false}, {"Bronnen", false},		 {"Status", false}};
		comp_table_open_ex(b, arena_printf(r->arena, "%s: oordelen per jaar", d[k].name),
				   cols, 6, true);
		for (int i = 0; i < n; i++) {
			const struct ibt_assessment_row *a = &rows[i];
			if (a->domain_id != d[k].id)
				continue;
			private_seen |= a->status != IBT_ESTABLISHED;
			comp_row_open(b);
			comp_th_open(b);
			comp_link(b, assessment_href(r, a->id, NULL),
				  arena_printf(r->arena, "%d", a->year));
			comp_th_close(b);
			comp_td_open(b, false);
			tz_label_inline(b, toezicht_label(&d[k], a->level), a->level);
			comp_td_close(b);
			const struct ibt_label *own = toezicht_label(&d[k], a->own_level);
			comp_td_text(b, own ? own->name : "", "Niet opgegeven");
			comp_td_text(b, a->motivation, "Geen");
			comp_td_open(b, false);
			links_list(b, a->links);
			comp_td_close(b);
			comp_td_text(b, ibt_status_name(a->status), "");
			comp_row_close(b);
		}
		comp_table_close(b);
	}
	if (!shown)
		comp_para(b, "De provincie houdt op deze soort organisatie geen interbestuurlijk "
			     "toezicht per domein.");
	if (private_seen)
		aui_alert(b, "info", "Niet openbaar: ",
			  "beoordelingen in concept of in dialoog ziet u omdat u toezichthouder "
			  "bent of redacteur van deze organisatie. Bezoekers zien alleen de "
			  "vastgestelde oordelen.");
	toezicht_ladder_org_sections(r, o);
	html_raw(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"" BASE
		    "\">Alle gemeenten op de kaart</a></p>");
	layout_end(b, NULL);
	return 200;
}

/* ---- one assessment ------------------------------------------------------------------- */

static const struct form_notice notices[] = {
    {"opgeslagen", "De beoordeling is als concept vastgelegd."},
    {"status", "De status van de beoordeling is gewijzigd."},
    {"reactie", "Uw reactie is vastgelegd."},
};

static int show_assessment(struct request *r, int64_t id, const struct field_errors *err,
			   const char *problem, int status)
{
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	const struct user *u = web_user(r);
	struct ibt_assessment_row a;
	struct ibt_response_row *resp;
	int nr;
	enum ibt_outcome o = toezicht_get(st, r->arena, u, id, &a, &resp, &nr);
	if (o == IBT_NOTFOUND)
		return respond_not_found(r);
	if (o != IBT_OK)
		return page_store_down(r);
	struct ibt_domain_row *d;
	int nd;
	if (toezicht_domains(st, r->arena, &d, &nd) != IBT_OK)
		return page_store_down(r);
	const struct ibt_domain_row *dom = toezicht_domain_by_id(d, nd, a.domain_id);
	struct buf *b = &r->out;
	buf_reset(b);
	const char *name = org_name(r, a.org_code);
	const char *title =
	    arena_printf(r->arena, "%s: %s %d", name, dom ? dom->name : a.domain_key, a.year);
	const struct crumb crumbs[] = {{"Interbestuurlijk toezicht", BASE},
				       {name, org_toezicht_href(r, a.org_code)},
				       {arena_printf(r->arena, "%d", a.year), NULL}};
	const struct page_head h = {
	    .title = title, .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 3};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, title);
	html_raw(b, "</h1>");
	form_flash_from(b, r, notices, sizeof notices / sizeof notices[0]);
	if (problem)
		aui_alert(b, "warning", "", problem);
	if (err)
		form_error_summary(b, err, NULL, 0);
	if (a.status != IBT_ESTABLISHED)
		aui_alert(b, "info", "Niet openbaar: ",
			  a.status == IBT_CONCEPT
			      ? "dit concept ziet alleen de toezichthouder."
			      : "deze beoordeling is in dialoog; alleen toezichthouders en de "
				"redacteuren van de organisatie zien haar.");
	comp_dl_open(b);
	comp_dl_text(b, "Status", ibt_status_name(a.status));
	comp_dl_item_open(b, "Oordeel provincie");
	tz_label_inline(b, toezicht_label(dom, a.level), a.level);
	comp_dl_item_close(b);
	const struct ibt_label *own = toezicht_label(dom, a.own_level);
	comp_dl_text(b, "Eigen oordeel van de organisatie", own ? own->name : "Niet opgegeven");
	comp_dl_text(b, "Motivering", *a.motivation ? a.motivation : "Geen");
	comp_dl_item_open(b, "Bronnen");
	links_list(b, a.links);
	comp_dl_item_close(b);
	comp_dl_text(b, "Beoordeeld door", a.assessor);
	comp_dl_date(b, "Beoordeeld op", a.assessed_on);
	if (a.status == IBT_ESTABLISHED)
		comp_dl_date(b, "Vastgesteld op", a.established_on);
	comp_dl_close(b);

	if (a.status != IBT_ESTABLISHED || nr) {
		comp_h2(b, "tz-dialoog", "Dialoog");
		if (!nr)
			comp_para(b, "Nog geen reacties.");
		for (int i = 0; i < nr; i++) {
			html_raw(b, "<article class=\"atlas-card\"><p class=\"utrecht-paragraph\">"
				    "<strong>");
			html_text(b, resp[i].author);
			html_raw(b, "</strong>, ");
			html_date_nl(b, resp[i].created_at);
			html_raw(b, "</p><p class=\"utrecht-paragraph\">");
			html_text(b, resp[i].body);
			html_raw(b, "</p></article>");
		}
	}
	if (policy_may_respond_ibt(u, a.org_code, (int)a.status)) {
		static const struct form_field f = {
		    "tekst",
		    "Uw reactie",
		    FK_TEXTAREA,
		    IBT_TEXT_MAX,
		    true,
		    "De toezichthouder en de redacteuren van de organisatie lezen dit.",
		    NULL,
		    0};
		form_open(b, r, assessment_href(r, a.id, "/reactie"));
		form_field(b, &f, err ? form_str(req_form(r, "tekst")) : "", err);
		form_submit(b, "Reactie versturen", true);
		form_close(b);
	}
	if (policy_is_supervisor(u) && a.status != IBT_ESTABLISHED) {
		comp_h2(b, "tz-status", "Status wijzigen");
		for (int k = 0; k < IBT_STATUS_COUNT; k++) {
			if (!ibt_may_move(a.status, (enum ibt_status)k))
				continue;
			form_open(b, r, assessment_href(r, a.id, "/status"));
			form_hidden(b, "status", ibt_status_api((enum ibt_status)k));
			form_submit(b,
				    k == IBT_DIALOGUE	   ? "In dialoog brengen"
				    : k == IBT_ESTABLISHED ? "Vaststellen (openbaar maken)"
							   : "Terug naar concept",
				    k != IBT_CONCEPT);
			form_close(b);
		}
	}
	layout_end(b, NULL);
	return status;
}

int page_toezicht_assessment(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	return show_assessment(r, id, NULL, NULL, 200);
}

int page_toezicht_move(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct field_errors e = {0};
	enum ibt_outcome o =
	    toezicht_move(st, r->arena, web_user(r), "web", id, req_form(r, "status"), &e);
	switch (o) {
	case IBT_OK:
		return respond_redirect(r, assessment_href(r, id, "?melding=status"));
	case IBT_NOTFOUND:
		return respond_not_found(r);
	case IBT_FORBIDDEN:
		return respond_error(r, 403, "Geen toegang", toezicht_message(o), NULL);
	case IBT_INVALID:
		return show_assessment(r, id, &e, NULL, 400);
	case IBT_STALE:
		return show_assessment(r, id, NULL, toezicht_message(o), 409);
	default:
		return page_store_down(r);
	}
}

int page_toezicht_respond(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct field_errors e = {0};
	enum ibt_outcome o =
	    toezicht_respond(st, r->arena, web_user(r), "web", id, req_form(r, "tekst"), &e);
	switch (o) {
	case IBT_OK:
		return respond_redirect(r, assessment_href(r, id, "?melding=reactie"));
	case IBT_NOTFOUND:
		return respond_not_found(r);
	case IBT_FORBIDDEN:
		return respond_error(r, 403, "Geen toegang", toezicht_message(o), NULL);
	case IBT_INVALID:
		return show_assessment(r, id, &e, NULL, 400);
	case IBT_STALE:
		return show_assessment(
		    r, id, NULL,
		    "Reageren kan alleen zolang de beoordeling in dialoog is. Er "
		    "is niets opgeslagen.",
		    409);
	default:
		return page_store_down(r);
	}
}

/* ---- the supervisors' form ------------------------------------------------------------ */

enum { F_ORG, F_DOMEIN, F_JAAR, F_NIVEAU, F_EIGEN, F_MOTIVERING, F_BRONNEN, F_DATUM, N_FIELDS };

static void fields_of(struct request *r, const struct ibt_domain_row *d, int nd,
		      struct form_field *f)
{
	const struct snapshot *s = r->snap;
	struct comp_option *orgs = arena_calloc(r->arena, (size_t)s->n_orgs + 2, sizeof *orgs);
	int no = 0;
	orgs[no++] = (struct comp_option){"", "Kies een organisatie"};
	for (int i = 0; i < s->n_orgs; i++) {
		const struct organisation *o = &s->orgs[i];
		if (!o->in_province || o->ended)
			continue;
		if (o->kind == ORG_MUNICIPALITY || o->kind == ORG_WATER_BOARD ||
		    o->kind == ORG_JOINT_BODY)
			orgs[no++] = (struct comp_option){o->code, o->name};
	}
	struct comp_option *doms = arena_calloc(r->arena, (size_t)nd + 2, sizeof *doms);
	doms[0] = (struct comp_option){"", "Kies een domein"};
	int max = 0;
	for (int i = 0; i < nd; i++) {
		doms[i + 1] = (struct comp_option){d[i].key, d[i].name};
		if (d[i].n_labels > max)
			max = d[i].n_labels;
	}
	/* levels with the names the domains give them, " / "-joined when they differ */
	struct comp_option *lv = arena_calloc(r->arena, (size_t)max + 2, sizeof *lv);
	struct comp_option *own = arena_calloc(r->arena, (size_t)max + 2, sizeof *own);
	lv[0] = (struct comp_option){"", "Kies een oordeel"};
	own[0] = (struct comp_option){"", "Niet opgegeven"};
	for (int l = 1; l <= max; l++) {
		struct buf t = BUF_INIT;
		buf_printf(&t, "%d: ", l);
		int names = 0;
		for (int i = 0; i < nd; i++) {
			const struct ibt_label *x = toezicht_label(&d[i], l);
			if (!x || (names && strstr(t.data, x->name)))
				continue;
			buf_printf(&t, "%s%s", names++ ? " / " : "", x->name);
		}
		const char *txt = arena_strdup(r->arena, t.data);
		buf_free(&t);
		lv[l] = own[l] = (struct comp_option){arena_printf(r->arena, "%d", l), txt};
	}
	f[F_ORG] =
	    (struct form_field){"organisatie", "Organisatie", FK_SELECT, 0, true, NULL, orgs, no};
	f[F_DOMEIN] =
	    (struct form_field){"domein", "Toezichtdomein", FK_SELECT, 0, true, NULL, doms, nd + 1};
	f[F_JAAR] = (struct form_field){
	    "jaar", "Jaar", FK_NUMBER,
	    4,	    true,   "Het jaar waarover u oordeelt, niet in de toekomst.",
	    NULL,   0};
	f[F_NIVEAU] = (struct form_field){
	    "niveau", "Oordeel provincie", FK_SELECT, 0, true, "Label 1 is het beste oordeel.", lv,
	    max + 1};
	f[F_EIGEN] = (struct form_field){
	    "eigenOordeel", "Eigen oordeel van de organisatie", FK_SELECT, 0, false, NULL, own,
	    max + 1};
	f[F_MOTIVERING] = (struct form_field){"motivering", "Motivering", FK_TEXTAREA, IBT_TEXT_MAX,
					      false,	    NULL,	  NULL,	       0};
	f[F_BRONNEN] =
	    (struct form_field){"bronnen",
				"Bronnen",
				FK_TEXTAREA,
				8000,
				false,
				"Links (https://…) naar de stukken of indicatoren waarop "
				"het oordeel rust, één per regel.",
				NULL,
				0};
	f[F_DATUM] = (struct form_field){"beoordeeldOp", "Beoordeeld op",  FK_DATE, 10,
					 false,		 "Leeg: vandaag.", NULL,    0};
}

static int assessment_form(struct request *r, const struct field_errors *err, int status)
{
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct ibt_domain_row *d;
	int nd;
	if (toezicht_domains(st, r->arena, &d, &nd) != IBT_OK)
		return page_store_down(r);
	struct form_field f[N_FIELDS];
	fields_of(r, d, nd, f);
	const char *v[N_FIELDS];
	if (err) {
		form_submitted(r, f, N_FIELDS, v);
	} else {
		for (int i = 0; i < N_FIELDS; i++)
			v[i] = "";
		v[F_ORG] = form_str(req_param(r, "organisatie"));
		v[F_JAAR] = arena_printf(r->arena, "%d", toezicht_this_year() - 1);
	}
	struct buf *b = &r->out;
	buf_reset(b);
	const struct crumb crumbs[] = {{"Interbestuurlijk toezicht", BASE},
				       {"Nieuwe beoordeling", NULL}};
	const struct page_head h = {
	    .title = "Nieuwe beoordeling", .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Nieuwe beoordeling</h1>"
		    "<p class=\"utrecht-paragraph\">Een nieuwe beoordeling is een concept: alleen "
		    "toezichthouders zien haar, tot u haar in dialoog brengt met de organisatie en "
		    "daarna vaststelt.</p>");
	if (err)
		form_error_summary(b, err, f, N_FIELDS);
	form_open(b, r, BASE "/beoordelingen");
	form_fields(b, f, N_FIELDS, v, err);
	form_buttons(b, "Concept vastleggen", BASE, "Annuleren");
	form_close(b);
	layout_end(b, NULL);
	return status;
}

int page_toezicht_new(struct request *r)
{
	if (!policy_is_supervisor(web_user(r)))
		return respond_error(r, 403, "Geen toegang", toezicht_message(IBT_FORBIDDEN), NULL);
	return assessment_form(r, NULL, 200);
}

int page_toezicht_create(struct request *r)
{
	if (!policy_is_supervisor(web_user(r)))
		return respond_error(r, 403, "Geen toegang", toezicht_message(IBT_FORBIDDEN), NULL);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct ibt_assessment_input in = {
	    .org = req_form(r, "organisatie"),
	    .domain = req_form(r, "domein"),
	    .year = req_form(r, "jaar"),
	    .level = req_form(r, "niveau"),
	    .own_level = req_form(r, "eigenOordeel"),
	    .motivation = req_form(r, "motivering"),
	    .links = req_form(r, "bronnen"),
	    .assessed_on = req_form(r, "beoordeeldOp"),
	};
	struct field_errors e = {0};
	int64_t id = 0;
	enum ibt_outcome o =
	    toezicht_create(st, r->arena, r->snap, web_user(r), "web", &in, &e, &id);
	if (o == IBT_OK)
		return respond_redirect(r, assessment_href(r, id, "?melding=opgeslagen"));
	if (o == IBT_INVALID)
		return assessment_form(r, &e, 400);
	if (o == IBT_FORBIDDEN)
		return respond_error(r, 403, "Geen toegang", toezicht_message(o), NULL);
	log_error("toezicht: recording an assessment failed");
	return page_store_down(r);
}
