/*
 * collabs — the collaboration pages: the filterable list
 * /samenwerkingsverbanden and one collaboration /samenwerkingsverbanden/{id}.
 * The list reads only the snapshot; filtering and sorting are
 * domain/filter.c, the same code the API uses. The page of one
 * collaboration adds sections of other modules (people, roles, instruments,
 * the participants' figures, …) that read their own store per request.
 * Does not write anything.
 */
#include "auth_ui.h"
#include "corrections.h"
#include "filter_form.h"
#include "pages.h"
#include "edit.h"
#include "forms.h"
#include "bibliotheek.h"
#include "instrumenten.h"
#include "relaties.h"
#include "samenwerking_cijfers.h"
#include "../app/policy.h"
#include "../domain/filter.h"
#include "../domain/labels.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"
#include "history.h"	/* time travel */
#include "roles.h"	/* roles, phases, agreements */
#include "people.h"	/* people */
#include "provenance.h" /* sources per field, gaps, staleness */
#include "../lib/log.h"

#include <stdio.h>
#include <string.h>

#define LIST_PAGE_SIZE 25

/* Append "key=value&" for every filter key that is set, except those in skip
 * (NULL-terminated); the result is a URL query fragment. */
static void filter_query(struct buf *q, const struct request *r, const char *const *skip)
{
	for (int i = 0; collab_filter_keys[i]; i++) {
		const char *k = collab_filter_keys[i];
		bool skipped = false;
		for (int j = 0; skip && skip[j]; j++)
			skipped = skipped || strcmp(skip[j], k) == 0;
		const char *v = req_param(r, k);
		if (skipped || str_empty(v))
			continue;
		url_arg(q, k);
		buf_putc(q, '=');
		url_arg(q, v);
		buf_putc(q, '&');
	}
}

static void domain_links(struct buf *b, const struct snapshot *s, const struct collaboration *c)
{
	if (c->n_domains == 0) {
		html_raw(b, "<span class=\"atlas-unknown\">Geen</span>");
		return;
	}
	for (int k = 0; k < c->n_domains; k++) {
		const struct domain *d = &s->domains[c->domains[k]];
		if (k > 0)
			html_raw(b, ", ");
		html_raw(b, "<a class=\"utrecht-link utrecht-link--html-a\" "
			    "href=\"/samenwerkingsverbanden?beleidsdomein=");
		url_arg(b, d->key);
		html_raw(b, "\">");
		html_text(b, d->name);
		html_raw(b, "</a>");
	}
}

/* The options of the filter form, built from the snapshot. */
static void filter_form(struct buf *b, struct request *r)
{
	html_raw(b, "<form class=\"utrecht-form atlas-filter\" method=\"get\" "
		    "action=\"/samenwerkingsverbanden\" aria-labelledby=\"filter-titel\">"
		    "<h2 class=\"utrecht-heading-2 atlas-filter__title\" id=\"filter-titel\">"
		    "Filteren en sorteren</h2><div class=\"atlas-filter__grid\">");

	filter_form_selects(r, FF_DOMAIN | FF_LEGAL_FORM | FF_PHASE | FF_KIND | FF_PARTICIPANT);

	static const struct comp_option status_opts[] = {
	    {"actief", "Actief"}, {"beeindigd", "Beëindigd"}, {"alle", "Actief en beëindigd"}};
	const char *st = req_param(r, "status");
	comp_select(b, "status", "Status", status_opts, 3, str_empty(st) ? "actief" : st);

	static const struct comp_option sort_opts[] = {
	    {"naam", "Naam (A-Z)"},
	    {"-naam", "Naam (Z-A)"},
	    {"-deelnemers", "Meeste deelnemers"},
	    {"deelnemers", "Minste deelnemers"},
	    {"-bevestigd", "Laatst bevestigd (nieuwste eerst)"},
	    {"bevestigd", "Laatst bevestigd (oudste eerst)"}};
	const char *so = req_param(r, "sorteer");
	comp_select(b, "sorteer", "Sorteren op", sort_opts, 6, str_empty(so) ? "naam" : so);

	/* time travel: the register as it was on a chosen date */
	history_timetravel_field(b, r);
	html_raw(b,
		 "</div><div class=\"atlas-filter__actions\">"
		 "<button class=\"utrecht-button utrecht-button--primary-action\" type=\"submit\">"
		 "Filter toepassen</button>"
		 "<a class=\"utrecht-link utrecht-link--html-a\" href=\"/samenwerkingsverbanden\">"
		 "Alle filters wissen</a></div></form>");
}

int page_collab_list(struct request *r)
{
	int tt_status = 0; /* ?peildatum= swaps r->snap for that date */
	void *tt = history_timetravel_begin(r, &tt_status);
	if (tt_status)
		return tt_status;
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	struct buf base = BUF_INIT, api = BUF_INIT;
	struct collab_filter f;
	char msg[256];
	int status = 200;

	collab_filter_init(&f, LIST_PAGE_SIZE);
	for (int i = 0; collab_filter_keys[i]; i++) {
		const char *v = req_param(r, collab_filter_keys[i]);
		if (str_empty(v)) /* an empty select ("Alle ...") means: no filter */
			continue;
		if (collab_filter_set(&f, s, collab_filter_keys[i], v, msg, sizeof msg) < 0) {
			status = respond_error(r, 400, "Ongeldige parameter", msg,
					       collab_filter_keys[i]);
			goto out;
		}
	}

	int *idx = arena_calloc(r->arena, (size_t)s->n_collabs + 1, sizeof(int));
	int total = collab_filter_apply(&f, s, idx);
	long n_pages = (total + f.page_size - 1) / f.page_size;
	long first = (f.page - 1) * f.page_size;
	long last = first + f.page_size < total ? first + f.page_size : total;

	r->etag = s->etag;
	const struct page_head h = {.title = f.page > 1 ? arena_printf(r->arena,
								       "Samenwerkingsverbanden, "
								       "pagina %ld",
								       f.page)
							: "Samenwerkingsverbanden",
				    .nav = NAV_COLLABS,
				    .nav_exact = true};
	layout_begin(b, page_head_for(r, &h));
	html_raw(
	    b, "<h1 class=\"utrecht-heading-1\">Samenwerkingsverbanden</h1>"
	       "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Gemeenschappelijke "
	       "regelingen, privaatrechtelijke samenwerkingen en netwerken waarin de provincie, "
	       "gemeenten en waterschappen in Utrecht samenwerken. Kies hieronder wat u wilt zien; "
	       "de filters staan in het webadres, zodat u een selectie kunt delen.</p>");
	history_timetravel_notice(b, r, tt);
	filter_form(b, r);

	html_raw(b, "<p class=\"utrecht-paragraph atlas-result-count\" id=\"resultaat\"><strong>");
	html_int_nl(b, total);
	html_raw(b, total == 1 ? " samenwerkingsverband" : " samenwerkingsverbanden");
	html_raw(b, "</strong>");
	if (f.status == STATUS_ACTIVE)
		html_raw(b, " (actief)");
	else if (f.status == STATUS_ENDED)
		html_raw(b, " (beëindigd)");
	if (n_pages > 1)
		html_rawf(b, ", pagina %ld van %ld", f.page, n_pages);
	html_raw(b, "</p>");

	if (total == 0) {
		html_raw(b,
			 "<p class=\"utrecht-paragraph\">Geen samenwerkingsverbanden gevonden met "
			 "deze filters. <a class=\"utrecht-link utrecht-link--html-a\" "
			 "href=\"/samenwerkingsverbanden?status=alle\">Toon alle "
			 "samenwerkingsverbanden</a>.</p>");
	} else if (first >= total) {
		html_raw(
		    b,
		    "<p class=\"utrecht-paragraph\">Deze pagina bestaat niet. Ga naar <a "
		    "class=\"utrecht-link utrecht-link--html-a\" href=\"/samenwerkingsverbanden?");
		filter_query(&base, r, (const char *const[]){"pagina", NULL});
		html_attr(b, base.len ? base.data : "");
		html_raw(b, "pagina=1\">pagina 1</a>.</p>");
		buf_reset(&base);
	} else {
		static const struct comp_col cols[] = {{"Naam", false},
						       {"Soort", false},
						       {"Juridische vorm", false},
						       {"Beleidsdomeinen", false},
						       {"Actieve deelnemers", true},
						       {"Laatst bevestigd", false}};
		char caption[96];
		if (n_pages > 1)
			snprintf(caption, sizeof caption,
				 "Samenwerkingsverbanden %ld tot en met %ld", first + 1, last);
		else
			snprintf(caption, sizeof caption, "Samenwerkingsverbanden");
		comp_table_open(b, caption, cols, 6);
		for (long k = first; k < last; k++) {
			const struct collaboration *c = &s->collabs[idx[k]];
			comp_row_open(b);
			comp_th_open(b);
			comp_link_seg(b, "/samenwerkingsverbanden", c->key, c->name);
			if (!c->active) {
				html_raw(b, " ");
				comp_badge(b, BADGE_ENDED, "Beëindigd");
			}
			comp_th_close(b);
			comp_td_text(b, collab_kind_labels[c->kind].label, "Onbekend");
			/* many sources do not name the legal form: a dash, not a word
			 * that fills the column */
			comp_td_text(b,
				     c->legal_form == LF_UNKNOWN
					 ? NULL
					 : legal_form_labels[c->legal_form].label,
				     "Onbekend");
			comp_td_open(b, false);
			domain_links(b, s, c);
			comp_td_close(b);
			comp_td_int(b, c->n_active_parts);
			comp_td_date(b, c->last_confirmed, "Onbekend");
			comp_row_close(b);
		}
		comp_table_close(b);
	}

	buf_puts(&base, "/samenwerkingsverbanden?");
	filter_query(&base, r, (const char *const[]){"pagina", NULL});
	history_timetravel_query(&base, r);
	comp_pagination(b, base.data, f.page, n_pages);

	buf_puts(&api, "/api/v1/samenwerkingsverbanden?");
	filter_query(&api, r, (const char *const[]){"pagina", "paginaGrootte", NULL});
	history_timetravel_query(&api, r);
	api.data[--api.len] = '\0'; /* drop the trailing '?' or '&' */
	html_raw(b, "<p class=\"utrecht-paragraph atlas-opendata\">Deze selectie als open data: <a "
		    "class=\"utrecht-link utrecht-link--html-a\" href=\"");
	html_attr(b, api.data);
	html_raw(b, "\">JSON via de open API</a> · <a class=\"utrecht-link utrecht-link--html-a\" "
		    "href=\"");
	buf_reset(&api);
	buf_puts(&api, "/samenwerkingsverbanden.csv?");
	filter_query(&api, r, (const char *const[]){"pagina", "paginaGrootte", NULL});
	api.data[--api.len] = '\0';
	html_attr(b, api.data);
	html_raw(b, "\">alle ");
	html_int_nl(b, total);
	html_raw(b, " als CSV (spreadsheet)</a>.</p>");
	layout_end(b, s->stats.newest_confirmed);
out:
	history_timetravel_end(r, tt);
	buf_free(&base);
	buf_free(&api);
	return status;
}

/* "12,5 %" for a fraction 0..1. */
static void percent(struct buf *b, double frac)
{
	comp_decimal_nl(b, frac * 100.0, frac * 100.0 == (double)(long)(frac * 100.0) ? 0 : 1);
	html_raw(b, "\u00a0%");
}

/* "/samenwerkingsverbanden/<key>" with the key URL-encoded (arena string). */
static const char *collab_path(struct request *r, const char *key)
{
	struct buf u = BUF_INIT;
	buf_puts(&u, "/samenwerkingsverbanden/");
	url_seg(&u, key);
	const char *p = arena_strdup(r->arena, u.data);
	buf_free(&u);
	return p;
}

/* A date as "12 januari 2006", or "Onbekend". */
static void date_or_unknown(struct buf *b, const char *iso)
{
	if (str_empty(iso))
		html_raw(b, "<span class=\"atlas-unknown\">Onbekend</span>");
	else
		html_date_nl(b, iso);
}

/* The controls for signed-in users who may change this collaboration. */
static void manage_block(struct buf *b, struct request *r, int ci)
{
	const struct collaboration *c = &r->snap->collabs[ci];
	bool may_collab = policy_may_edit_collab(r->user, r->snap, ci);
	bool may_add = policy_may_add_part(r->user, r->snap, ci);
	if (!may_collab && !may_add)
		return;
	const char *base = collab_path(r, c->key);
	html_raw(b, "<section class=\"atlas-manage\" aria-labelledby=\"beheer-kop\">"
		    "<h2 class=\"utrecht-heading-2\" id=\"beheer-kop\">Beheer</h2>"
		    "<ul class=\"utrecht-unordered-list\">");
	if (may_collab) {
		html_raw(b, "<li class=\"utrecht-unordered-list__item\">");
		comp_link(b, arena_printf(r->arena, "%s/bewerken", base), "Bewerken");
		html_raw(b, "</li>");
	}
	if (may_add) {
		html_raw(b, "<li class=\"utrecht-unordered-list__item\">");
		comp_link(b, arena_printf(r->arena, "%s/deelnemers/nieuw", base),
			  "Deelnemer toevoegen");
		html_raw(b, "</li>");
	}
	html_raw(b, "</ul>");
	if (may_collab) {
		html_raw(b, "<div class=\"utrecht-button-group\">");
		form_confirm_button(b, r, arena_printf(r->arena, "%s/bevestigen", base), c->version,
				    c->name, NULL);
		if (c->active) {
			html_raw(b, "<form class=\"atlas-inline-form\" method=\"post\" action=\"");
			html_attr(b, arena_printf(r->arena, "%s/beeindigen", base));
			html_raw(b, "\">");
			form_csrf(b, r);
			form_version_field(b, c->version);
			form_submit(b, "Beëindigen (per vandaag)", false);
			html_raw(b, "</form>");
		}
		html_raw(b, "</div>");
	}
	html_raw(b, "</section>");
}

static void parts_table(struct buf *b, struct request *r, const struct collaboration *c,
			bool former, const char *caption, const struct prov_view *pv)
{
	const struct snapshot *s = r->snap;
	/* signed-in users who may change a row get a column with the controls */
	bool manage = false;
	for (int k = 0; r->user && k < c->n_parts && !manage; k++)
		manage = s->parts[c->parts[k]].active != former &&
			 policy_may_edit_part(r->user, r->snap, c->parts[k]);
	/* columns that are unknown for every row are left out and named below the table */
	bool has_body = false, has_joined = false, has_share = false, has_contrib = false;
	for (int k = 0; k < c->n_parts; k++) {
		const struct participation *p = &s->parts[c->parts[k]];
		if (p->active == former)
			continue;
		has_body = has_body || p->body != BODY_UNKNOWN;
		has_joined = has_joined || !str_empty(p->joined);
		has_share = has_share || p->cost_share >= 0;
		has_contrib = has_contrib || p->contribution >= 0;
	}
	struct comp_col cols[9];
	int n = 0;
	cols[n++] = (struct comp_col){"Organisatie", false};
	if (has_body)
		cols[n++] = (struct comp_col){"Orgaan", false};
	cols[n++] = (struct comp_col){"Rol", false};
	if (has_joined)
		cols[n++] = (struct comp_col){"Toegetreden", false};
	if (former)
		cols[n++] = (struct comp_col){"Uitgetreden", false};
	if (has_share)
		cols[n++] = (struct comp_col){"Kostenverdeelsleutel", true};
	if (has_contrib)
		cols[n++] = (struct comp_col){"Bijdrage per jaar", true};
	cols[n++] = (struct comp_col){"Laatst bevestigd", false};
	if (manage)
		cols[n++] = (struct comp_col){"Beheer", false};
	comp_table_open(b, caption, cols, n);
	for (int k = 0; k < c->n_parts; k++) {
		const struct participation *p = &s->parts[c->parts[k]];
		if (p->active == former)
			continue;
		const struct organisation *o = &s->orgs[p->organisation];
		comp_row_open(b);
		comp_th_open(b);
		comp_link_seg(b, "/organisaties", o->code, o->name);
		provenance_ref(b, pv, app_provenance_find_part(pv, s, p, false));
		if (o->ended) {
			html_raw(b, " ");
			comp_badge(b, BADGE_ENDED, "Opgeheven");
		}
		const struct prov_mark *claim = app_provenance_find_part(pv, s, p, true);
		if (claim) {
			html_raw(b, "<br>");
			provenance_claim(b, pv, claim);
		}
		comp_th_close(b);
		if (has_body)
			comp_td_text(b, p->body == BODY_UNKNOWN ? NULL : body_labels[p->body].label,
				     "Niet vastgelegd");
		comp_td_text(b, role_labels[p->role].label, "Onbekend");
		if (has_joined)
			comp_td_date(b, p->joined, "Onbekend");
		if (former)
			comp_td_date(b, p->left, "Onbekend");
		if (has_share) {
			comp_td_open(b, true);
			if (p->cost_share >= 0)
				percent(b, p->cost_share);
			else
				html_raw(b, "<span class=\"atlas-unknown\">Onbekend</span>");
			comp_td_close(b);
		}
		if (has_contrib) {
			comp_td_open(b, true);
			if (p->contribution >= 0) {
				html_raw(b, "€\u00a0");
				html_int_nl(b, p->contribution);
			} else {
				html_raw(b, "<span class=\"atlas-unknown\">Onbekend</span>");
			}
			comp_td_close(b);
		}
		comp_td_open(b, false);
		date_or_unknown(b, p->last_confirmed);
		html_raw(b, "<br><span class=\"atlas-meta\">door ");
		form_actor(b, p->confirmed_by);
		html_raw(b, "</span>");
		if (app_provenance_stale(s, p->last_confirmed)) {
			html_raw(b, "<br>");
			comp_badge(b, BADGE_WARNING, "ouder dan een jaar");
		}
		comp_td_close(b);
		if (manage) {
			comp_td_open(b, false);
			if (policy_may_edit_part(r->user, r->snap, c->parts[k])) {
				const char *base =
				    arena_printf(r->arena, "%s/deelnemers/%lld",
						 collab_path(r, c->key), (long long)p->id);
				html_raw(b,
					 "<a class=\"utrecht-link utrecht-link--html-a\" href=\"");
				html_attr(b, base);
				html_raw(
				    b,
				    "/bewerken\">Bewerken<span class=\"atlas-visually-hidden\">: "
				    "deelname van ");
				html_text(b, o->name);
				html_raw(b, "</span></a>");
				if (!former)
					form_confirm_button(
					    b, r, arena_printf(r->arena, "%s/bevestigen", base),
					    p->version,
					    arena_printf(r->arena, "deelname van %s", o->name),
					    NULL);
			}
			comp_td_close(b);
		}
		comp_row_close(b);
	}
	comp_table_close(b);
	if (!has_body || !has_joined || !has_share || !has_contrib) {
		const char *missing[4];
		int m = 0;
		if (!has_body)
			missing[m++] = "het deelnemende orgaan (raad, college of burgemeester)";
		if (!has_joined)
			missing[m++] = "de datum van toetreding";
		if (!has_share)
			missing[m++] = "de kostenverdeelsleutel";
		if (!has_contrib)
			missing[m++] = "de jaarlijkse bijdrage";
		html_raw(b, "<p class=\"utrecht-paragraph atlas-muted\">Niet bekend uit de bron en "
			    "daarom niet getoond: ");
		for (int i = 0; i < m; i++) {
			if (i > 0)
				html_raw(b, i == m - 1 ? " en " : ", ");
			html_text(b, missing[i]);
		}
		html_raw(b, ".</p>");
	}
}

/* One source note per distinct (source, last_confirmed) of the participations. */
static void parts_sources(struct buf *b, struct request *r, const struct collaboration *c)
{
	const struct snapshot *s = r->snap;
	int *seen = arena_calloc(r->arena, (size_t)c->n_parts + 1, sizeof(int));
	int n_seen = 0;
	for (int k = 0; k < c->n_parts; k++) {
		const struct participation *p = &s->parts[c->parts[k]];
		bool dup = false;
		for (int j = 0; j < n_seen && !dup; j++) {
			const struct participation *q = &s->parts[seen[j]];
			dup = q->source == p->source &&
			      strcmp(q->last_confirmed, p->last_confirmed) == 0;
		}
		if (dup)
			continue;
		seen[n_seen++] = c->parts[k];
		comp_source_note(b, s, p->source, p->last_confirmed);
	}
}

/* Memberships a source claims that are not taken as fact (a participation
 * that is not in the registry, e.g. a planned accession). */
static void parts_claims(struct buf *b, struct request *r, const struct collaboration *c,
			 const struct prov_view *pv)
{
	const struct snapshot *s = r->snap;
	bool open = false;
	for (int i = 0; i < pv->n_marks; i++) {
		const struct prov_mark *m = &pv->marks[i];
		if (!m->unconfirmed || strcmp(m->entity, "participation") != 0)
			continue;
		bool shown = false; /* in the table already */
		for (int k = 0; k < c->n_parts && !shown; k++)
			shown = app_provenance_find_part(pv, s, &s->parts[c->parts[k]], true) == m;
		if (shown)
			continue;
		if (!open) {
			html_raw(b, "<h3 class=\"utrecht-heading-3\">Gemelde deelnames, niet "
				    "bevestigd</h3><ul class=\"utrecht-unordered-list\">");
			open = true;
		}
		const char *org = strchr(m->entity_key, '/');
		char code[200] = "";
		if (org) {
			size_t len = strcspn(org + 1, "/");
			if (len < sizeof code) {
				memcpy(code, org + 1, len);
				code[len] = '\0';
			}
		}
		int oi = snapshot_find_org(s, code);
		html_raw(b, "<li class=\"utrecht-unordered-list__item\">");
		if (oi >= 0)
			comp_link_seg(b, "/organisaties", s->orgs[oi].code, s->orgs[oi].name);
		else
			html_text(b, code);
		html_raw(b, ": ");
		provenance_claim(b, pv, m);
		html_raw(b, "</li>");
	}
	if (open)
		html_raw(b, "</ul>");
}

int page_collab_show(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	int ci = snapshot_find_collab(s, r->path_args[0]);
	if (ci < 0)
		return respond_not_found(r);
	const struct collaboration *c = &s->collabs[ci];
	r->etag = s->etag;

	const struct crumb crumbs[] = {{"Samenwerkingsverbanden", "/samenwerkingsverbanden"},
				       {c->name, NULL}};
	const struct page_head h = {
	    .title = c->name, .nav = NAV_COLLABS, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));

	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, c->name);
	html_raw(b, "</h1><p class=\"atlas-badges\">");
	comp_badge(b, BADGE_NEUTRAL, collab_kind_labels[c->kind].label);
	html_raw(b, " ");
	comp_badge(b, c->active ? BADGE_ACTIVE : BADGE_ENDED, c->active ? "Actief" : "Beëindigd");
	provenance_stale_badge(b, s, c->last_confirmed);
	html_raw(b, "</p>");
	form_flash(b, r);
	if (!str_empty(c->note))
		comp_notice(b, "Let op:", c->note);

	/* provenance per field, read per request (app/provenance.h) */
	struct prov_view pv;
	if (app_provenance_for_collab(r->arena, s, ci, &pv))
		log_error("collab %s: provenance unavailable", c->key);
	struct prov_record pr = {.view = &pv, .entity = "collaboration", .key = c->key};

	/* "Op deze pagina" goes here once the sections below are written */
	const size_t nav_at = b->len;
	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"gegevens\">Gegevens</h2>");
	comp_dl_open(b);
	provenance_dl_text(b, &pr, "Doel", c->purpose, "purpose", "doel");
	provenance_dl_text(b, &pr, "Naam", c->name, "name", NULL);
	provenance_dl_text(b, &pr, "Korte naam", c->short_name, "short_name", NULL);
	provenance_dl_text(b, &pr, "Soort", collab_kind_labels[c->kind].label, "kind", NULL);
	provenance_dl_text(b, &pr, "Juridische vorm",
			   c->legal_form == LF_UNKNOWN ? NULL
						       : legal_form_labels[c->legal_form].label,
			   "legal_form", "juridische vorm");
	provenance_dl_text(b, &pr, "Bevoegdheden verkregen door",
			   c->powers == POW_UNKNOWN ? NULL : powers_labels[c->powers].label,
			   "powers", "bevoegdheden");
	if (c->n_domains > 0) {
		comp_dl_item_open(b, "Beleidsdomeinen");
		domain_links(b, s, c);
		provenance_marks(b, &pr, "domains");
		comp_dl_item_close(b);
	} else {
		provenance_dl_text(b, &pr, "Beleidsdomeinen", NULL, "domains", "beleidsdomein");
	}
	provenance_dl_text(b, &pr, "Fase",
			   c->phase == PHASE_UNKNOWN ? NULL : phase_labels[c->phase].label, "phase",
			   "fase");
	provenance_dl_text(b, &pr, "Vestigingsplaats", c->seat, "seat", "vestigingsplaats");
	provenance_dl_date(b, &pr, "Startdatum", c->start_date, "start_date", "startdatum");
	provenance_dl_date(b, &pr, "Einddatum", c->end_date, "end_date",
			   c->active ? NULL : "einddatum");
	if (str_empty(c->website)) {
		provenance_dl_text(b, &pr, "Website", NULL, "website", "website");
	} else {
		comp_dl_item_open(b, "Website");
		comp_ext_link(b, c->website, c->website);
		provenance_marks(b, &pr, "website");
		comp_dl_item_close(b);
	}
	for (int i = 0; i < s->n_orgs; i++) {
		if (s->orgs[i].collaboration != ci)
			continue;
		comp_dl_item_open(b, "Als organisatie");
		comp_link_seg(b, "/organisaties", s->orgs[i].code, s->orgs[i].name);
		comp_dl_item_close(b);
	}
	comp_dl_item_open(b, "Laatst bevestigd");
	provenance_confirmed(b, s, c->last_confirmed, c->confirmed_by);
	comp_dl_item_close(b);
	comp_dl_close(b);
	provenance_gaps_line(b, &pr,
			     policy_may_edit_collab(r->user, s, ci)
				 ? arena_printf(r->arena, "%s/bewerken", collab_path(r, c->key))
				 : NULL,
			     arena_printf(r->arena, "%s/melding", collab_path(r, c->key)));
	comp_source_note(b, s, c->source, c->last_confirmed);
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	comp_link(b, arena_printf(r->arena, "%s/geschiedenis", collab_path(r, c->key)),
		  "Geschiedenis van de wijzigingen");
	html_raw(b, " · ");
	comp_link(b, arena_printf(r->arena, "%s/kalender.ics", collab_path(r, c->key)),
		  "Termijnen en AB-vergaderingen in uw agenda (iCal)");
	html_raw(b, "</p>");
	if (r->user)
		manage_block(b, r, ci);

	int n_former = c->n_parts - c->n_active_parts;
	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"deelnemers\">");
	html_raw(b, c->active ? "Deelnemers" : "Deelnemers bij beëindiging");
	html_raw(b, " <span class=\"atlas-count\">(");
	html_int_nl(b, c->n_active_parts);
	html_raw(b, ")</span></h2>");
	if (c->n_active_parts == 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Er zijn geen huidige deelnemers "
			    "vastgelegd.</p>");
	} else {
		parts_table(
		    b, r, c, false,
		    arena_printf(r->arena, "%s van %s",
				 c->active ? "Huidige deelnemers" : "Deelnemers bij beëindiging",
				 c->name),
		    &pv);
	}
	if (n_former > 0) {
		html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"voormalige-deelnemers\">"
			    "Voormalige deelnemers "
			    "<span class=\"atlas-count\">(");
		html_int_nl(b, n_former);
		html_raw(b, ")</span></h2>");
		parts_table(b, r, c, true,
			    arena_printf(r->arena, "Voormalige deelnemers van %s", c->name), &pv);
	}
	if (c->n_parts > 0) {
		html_raw(b, "<h3 class=\"utrecht-heading-3\">Bron van de deelnemers</h3>");
		parts_sources(b, r, c);
	}
	samenwerking_cijfers_collab_section(b, r, ci); /* figures of the participants */
	people_render_collab_bodies(b, r, ci);
	roles_collab_section(b, r, ci);		   /* roles */
	phases_collab_section(b, r, ci);	   /* phase history */
	agreements_collab_section(b, r, ci);	   /* shared agreements */
	relaties_collab_section(b, r, c->key);	   /* open signals, province staff only */
	instrumenten_collab_section(b, r, c->key); /* granted stimulus contributions */
	bibliotheek_collab_section(b, r, c->key);  /* public items about it */
	parts_claims(b, r, c, &pv);		   /* memberships claimed, not confirmed */
	provenance_sources_section(b, s, &pv);
	corrections_section(b, edit_collab_href(r, c->key, NULL));

	html_raw(
	    b,
	    "<p class=\"utrecht-paragraph atlas-opendata\">Deze gegevens als open data: <a "
	    "class=\"utrecht-link utrecht-link--html-a\" href=\"/api/v1/samenwerkingsverbanden/");
	url_seg(b, c->key);
	html_raw(b, "\">JSON via de open API</a>.</p>");
	comp_page_nav_insert(b, nav_at);
	layout_end(b, s->stats.newest_confirmed);
	return 200;
}
