/*
 * calendar — see calendar.h.
 */
#include "calendar.h"
#include "auth_ui.h"
#include "../app/org_glance.h"
#include "../domain/labels.h"
#include "../domain/org_glance.h"
#include "../domain/wgr_calendar.h"
#include "../io/wgr_rules.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/ical.h"
#include "../render/layout.h"
#include "../store/store_calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct param_spec calendar_params[] = {{"organisatie", PT_TEXT, 60}, {NULL, 0, 0}};

static const char *const month_names[12] = {"januari",	 "februari", "maart",	 "april",
					    "mei",	 "juni",     "juli",	 "augustus",
					    "september", "oktober",  "november", "december"};

/* One computed moment of one collaboration. */
struct entry {
	int collab;
	struct wgr_moment m;
};

struct entries {
	struct entry *v;
	int n, cap;
	struct ab_meeting *ab; /* recorded AB dates (store_calendar.h), in the arena */
	int n_ab;
	bool org_only; /* one organisation's view: only moments for its council */
	bool gs;       /* ... which is the provincie (Gedeputeerde Staten supervise) */
};

/* Load the recorded AB meeting dates once per request (none on failure:
 * the moments then stay undated, as before). */
static void load_ab(struct arena *a, struct entries *e)
{
	struct store *st = store_thread();
	if (!st || store_ab_meeting_list(st, a, NULL, &e->ab, &e->n_ab) != STORE_OK) {
		e->ab = NULL;
		e->n_ab = 0;
	}
}

static const char *ab_date_of(const struct entries *e, const char *key, int year)
{
	for (int i = 0; i < e->n_ab; i++)
		if (e->ab[i].budget_year == year && strcmp(e->ab[i].collab_key, key) == 0)
			return e->ab[i].date;
	return NULL;
}

static void push(struct request *r, struct entries *e, int collab, const struct wgr_moment *m)
{
	/* an organisation's view leaves out what goes to another body only */
	if (e->org_only && !glance_moment_for_council(m, e->gs))
		return;
	if (e->n == e->cap) {
		int cap = e->cap ? e->cap * 2 : 64;
		struct entry *nv = arena_calloc(r->arena, (size_t)cap, sizeof *nv);
		if (!nv)
			return;
		if (e->n)
			memcpy(nv, e->v, (size_t)e->n * sizeof *nv);
		e->v = nv;
		e->cap = cap;
	}
	e->v[e->n].collab = collab;
	e->v[e->n].m = *m;
	e->n++;
}

static int today_year(const struct snapshot *s)
{
	return atoi(s->today);
}

/* True when collaboration c is active and org (or any org when -1) takes part. */
static bool collab_selected(const struct snapshot *s, int c, int org)
{
	const struct collaboration *cb = &s->collabs[c];
	if (!cb->active)
		return false;
	if (org < 0)
		return true;
	for (int k = 0; k < cb->n_parts; k++) {
		const struct participation *p = &s->parts[cb->parts[k]];
		if (p->active && p->organisation == org)
			return true;
	}
	return false;
}

/* All moments of collaboration c for budget years y0..y1. */
static void collect_collab(struct request *r, struct entries *e, int c, int y0, int y1)
{
	const struct snapshot *s = r->snap;
	const struct collaboration *cb = &s->collabs[c];
	struct wgr_moment m[WGR_MAX_MOMENTS];
	for (int y = y0; y <= y1; y++) {
		struct wgr_input in = {.legal_form = cb->legal_form,
				       .kind = cb->kind,
				       .minister = wgr_collab_minister(s, c),
				       .year = y,
				       .ab_date = ab_date_of(e, cb->key, y)};
		int n = wgr_calendar_compute(wgr_rules_current(), &in, m, WGR_MAX_MOMENTS);
		for (int i = 0; i < n; i++)
			push(r, e, c, &m[i]);
	}
}

/* Insertion sort (few entries; avoids a global qsort context across threads). */
static void sort_entries(const struct snapshot *s, struct entry *v, int n)
{
	for (int i = 1; i < n; i++) {
		struct entry t = v[i];
		int j = i - 1;
		while (j >= 0) {
			int d = strcmp(v[j].m.date, t.m.date);
			if (!d)
				d = str_collate_nl(s->collabs[v[j].collab].name,
						   s->collabs[t.collab].name);
			if (!d)
				d = (int)v[j].m.doc - (int)t.m.doc;
			if (d <= 0)
				break;
			v[j + 1] = v[j];
			j--;
		}
		v[j + 1] = t;
	}
}

/* "Zienswijze begroting" from "zienswijze begroting" (ASCII first letter). */
static void doc_title(struct buf *b, const struct wgr_moment *m)
{
	const char *l = wgr_doc_label(m->doc);
	char first[2] = {l[0] >= 'a' && l[0] <= 'z' ? (char)(l[0] - 32) : l[0], '\0'};
	html_text(b, first);
	html_text(b, l + 1);
	if (m->doc != WGR_DOC_ZIENSWIJZE_ONTWERPREGELING)
		html_rawf(b, " %d", m->year);
}

static void confidence_cell(struct buf *b, char c)
{
	comp_td_open(b, false);
	if (c == 'H')
		html_raw(b, "<abbr title=\"primaire bron: de wettekst\">H</abbr> — wettekst");
	else
		html_raw(
		    b, "<abbr title=\"secundaire bron, niet in de wettekst gecontroleerd\">M</abbr>"
		       " — secundaire bron");
	comp_td_close(b);
}

static const struct comp_col cols_dated[] = {
    {"Uiterlijk", false}, {"Regeling", false},	{"Wat", false},	     {"Wie", false},
    {"Aan wie", false},	  {"Grondslag", false}, {"Zekerheid", false}};

static void row(struct buf *b, const struct snapshot *s, const struct entry *e, bool dated)
{
	const struct collaboration *cb = &s->collabs[e->collab];
	comp_row_open(b);
	if (dated) {
		comp_td_date(b, e->m.date, "Onbekend");
	} else {
		comp_td_text(b, e->m.when, NULL);
	}
	comp_td_open(b, false);
	comp_link_seg(b, "/samenwerkingsverbanden", cb->key, cb->name);
	comp_td_close(b);
	comp_th_open(b);
	doc_title(b, &e->m);
	comp_th_close(b);
	comp_td_text(b, e->m.acts, NULL);
	comp_td_text(b, e->m.receives, NULL);
	comp_td_open(b, false);
	comp_ext_link(b, e->m.rule->source, e->m.rule->article);
	comp_td_close(b);
	confidence_cell(b, e->m.rule->confidence);
	comp_row_close(b);
}

/* The dated moments in [from, to], one table per month. */
static int dated_by_month(struct buf *b, const struct snapshot *s, struct entries *e,
			  const char *from, const char *to)
{
	sort_entries(s, e->v, e->n);
	int shown = 0, cur_y = 0, cur_m = 0;
	bool open = false;
	for (int i = 0; i < e->n; i++) {
		const struct entry *x = &e->v[i];
		if (!x->m.date[0] || strcmp(x->m.date, from) < 0 || strcmp(x->m.date, to) > 0)
			continue;
		int y = atoi(x->m.date), m = atoi(x->m.date + 5);
		if (y != cur_y || m != cur_m) {
			if (open)
				comp_table_close(b);
			cur_y = y;
			cur_m = m;
			char cap[40];
			snprintf(cap, sizeof cap, "%s %d", month_names[(m - 1) % 12], y);
			html_raw(b, "<h3 class=\"utrecht-heading-3\">");
			html_text(b, cap);
			html_raw(b, "</h3>");
			comp_table_open_ex(b, cap, cols_dated, 7, true);
			open = true;
		}
		row(b, s, x, true);
		shown++;
	}
	if (open)
		comp_table_close(b);
	return shown;
}

static const struct comp_col cols_undated[] = {
    {"Wanneer", false}, {"Regeling", false},  {"Wat", false},	   {"Wie", false},
    {"Aan wie", false}, {"Grondslag", false}, {"Zekerheid", false}};

/* Moments of budget year `year` that have no date (the AB date is unknown). */
static int undated_table(struct buf *b, const struct snapshot *s, const struct entries *e, int year)
{
	int n = 0;
	for (int i = 0; i < e->n; i++) {
		const struct entry *x = &e->v[i];
		if (x->m.date[0] || x->m.year != year ||
		    x->m.doc == WGR_DOC_ZIENSWIJZE_ONTWERPREGELING)
			continue;
		if (n == 0) {
			char cap[80];
			snprintf(cap, sizeof cap,
				 "Begroting %d (vergadering van het algemeen bestuur in %d)", year,
				 year - 1);
			comp_table_open(b, cap, cols_undated, 7);
		}
		row(b, s, x, false);
		n++;
	}
	if (n)
		comp_table_close(b);
	return n;
}

/* Regelingen for which nothing can be computed, with the reason. */
static void not_computed(struct buf *b, const struct snapshot *s, int org)
{
	int n = 0;
	for (int c = 0; c < s->n_collabs; c++) {
		if (!collab_selected(s, c, org))
			continue;
		const struct collaboration *cb = &s->collabs[c];
		enum wgr_budget w = wgr_budget_of(cb->kind, cb->legal_form);
		if (w != WGR_UNKNOWN_FORM && w != WGR_NO_BUDGET)
			continue;
		if (n++ == 0)
			html_raw(b, "<ul class=\"utrecht-unordered-list atlas-list\">");
		html_raw(b, "<li>");
		comp_link_seg(b, "/samenwerkingsverbanden", cb->key, cb->name);
		html_raw(b, ": ");
		html_text(
		    b, w == WGR_UNKNOWN_FORM
			   ? "juridische vorm onbekend — onbekend of deze regeling een eigen "
			     "begroting heeft; momenten niet berekend."
			   : "geen eigen begroting (centrumconstructie of regeling zonder meer).");
		html_raw(b, "</li>");
	}
	if (n)
		html_raw(b, "</ul>");
	else
		html_raw(b, "<p class=\"utrecht-paragraph\">Geen.</p>");
}

/* The standing art. 1 rule (zienswijze on a draft regeling). */
static void standing_rules(struct buf *b)
{
	const struct wgr_rules *t = wgr_rules_current();
	for (int i = 0; i < t->n; i++) {
		const struct wgr_rule *x = &t->rules[i];
		if (x->doc != WGR_DOC_ZIENSWIJZE_ONTWERPREGELING || x->valid_to[0])
			continue;
		html_raw(b, "<p class=\"utrecht-paragraph\">");
		html_text(b,
			  "Zienswijze op een ontwerp van (een wijziging van) een regeling, ook bij "
			  "toetreden of uittreden: ");
		html_text(b, x->note);
		html_text(b, ". Grondslag: ");
		comp_ext_link(b, x->source, x->article);
		html_text(b, x->confidence == 'H' ? " (wettekst)." : " (secundaire bron).");
		html_raw(b, "</p>");
	}
}

static void explain(struct buf *b)
{
	comp_h2(b, "over-de-kalender", "Over deze kalender");
	comp_para(
	    b,
	    "De data volgen uit de Wet gemeenschappelijke regelingen (Wgr) zoals die sinds 1 juli "
	    "2022 geldt; voor eerdere begrotingsjaren gelden de oude termijnen (15 april, 8 weken, "
	    "1 augustus). Ze gelden alleen voor regelingen met een eigen begroting: openbaar "
	    "lichaam, gemeenschappelijk orgaan en bedrijfsvoeringsorganisatie.");
	comp_para(
	    b,
	    "Zekerheid H betekent: gecontroleerd in (een kopie van) de wettekst. M betekent: uit "
	    "een "
	    "secundaire bron, nog niet in de wettekst gecontroleerd. Controleer een termijn altijd "
	    "in de eigen regeling: die kan eerdere data afspreken.");
	comp_para(
	    b,
	    "De datum van de vergadering van het algemeen bestuur staat nog niet in de atlas. "
	    "Daarom tonen we de ontwerpbegroting en de zienswijze zonder datum, als termijn vóór "
	    "die vergadering. We verzinnen geen datum.");
}

static void range_end(const char *today, char out[11])
{
	int y = atoi(today), m = atoi(today + 5);
	int mm = m - 1 + 18;
	char tmp[32];
	snprintf(tmp, sizeof tmp, "%04d-%02d-%.2s", (y + mm / 12) % 10000, mm % 12 + 1, today + 8);
	memcpy(out, tmp, 10);
	out[10] = '\0';
}

/* Shared body of /kalender and /organisaties/{code}/kalender. */
static void calendar_body(struct request *r, int org)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	int y = today_year(s);
	struct entries e = {0};
	if (org >= 0) {
		e.org_only = true;
		e.gs = s->orgs[org].kind == ORG_PROVINCE;
	}
	load_ab(r->arena, &e);
	int n_budget = 0;
	for (int c = 0; c < s->n_collabs; c++) {
		if (!collab_selected(s, c, org))
			continue;
		const struct collaboration *cb = &s->collabs[c];
		if (wgr_budget_of(cb->kind, cb->legal_form) != WGR_OWN_BUDGET)
			continue;
		n_budget++;
		collect_collab(r, &e, c, y - 1, y + 2);
	}
	char to[11];
	range_end(s->today, to);

	comp_h2(b, "komend", "Komende momenten (18 maanden)");
	html_raw(b, "<p class=\"utrecht-paragraph\">Van ");
	html_date_nl(b, s->today);
	html_raw(b, " tot ");
	html_date_nl(b, to);
	html_rawf(b, ". Regelingen met een eigen begroting: %d.</p>", n_budget);
	if (dated_by_month(b, s, &e, s->today, to) == 0)
		comp_para(b, "Geen momenten met een datum in deze periode.");

	comp_h2(b, "zonder-datum",
		"Momenten die afhangen van de vergadering van het algemeen bestuur");
	int shown = 0;
	/* the next two budget years: their AB meetings fall this year and next year */
	for (int yy = y + 1; yy <= y + 2; yy++)
		shown += undated_table(b, s, &e, yy);
	if (!shown)
		comp_para(b, "Geen.");

	comp_h2(b, "niet-berekend", "Regelingen waarvoor we niets berekenen");
	not_computed(b, s, org);

	comp_h2(b, "altijd", "Op elk moment: zienswijze op een ontwerpregeling");
	standing_rules(b);
}

int page_calendar(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	const char *code = req_param(r, "organisatie");
	int org = -1;
	if (!str_empty(code)) {
		org = snapshot_find_org(s, code);
		if (org < 0)
			return respond_error(r, 400, "Onbekende organisatie",
					     "Deze organisatie staat niet in de atlas. Kies een "
					     "organisatie uit de lijst.",
					     "organisatie");
	}
	r->etag = s->etag;
	const struct page_head h = {
	    .title = "Wgr-kalender", .nav = NAV_CALENDAR, .nav_exact = true};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b,
		 "<h1 class=\"utrecht-heading-1\">Wgr-kalender</h1>"
		 "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Wanneer moeten "
		 "gemeenschappelijke regelingen hun kadernota, begroting en jaarrekening sturen, "
		 "en tot wanneer kan een raad een zienswijze geven? De wettelijke termijnen per "
		 "regeling.</p>");

	html_raw(b, "<form class=\"utrecht-form\" method=\"get\" action=\"/kalender\">");
	int n_opts = 1;
	struct comp_option *opts = arena_calloc(r->arena, (size_t)s->n_orgs + 1, sizeof *opts);
	if (opts) {
		opts[0].value = "";
		opts[0].label = "Alle organisaties";
		for (int i = 0; i < s->n_orgs; i++) {
			if (s->orgs[i].n_active_collabs <= 0)
				continue;
			opts[n_opts].value = s->orgs[i].code;
			opts[n_opts].label = s->orgs[i].name;
			n_opts++;
		}
		comp_select(b, "organisatie", "Organisatie", opts, n_opts, code);
	}
	html_raw(
	    b, "<button type=\"submit\" class=\"utrecht-button utrecht-button--secondary-action\">"
	       "Toon</button></form>");
	if (org >= 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">");
		html_text(b, "De kalender voor de raad van deze organisatie, met iCal-feed: ");
		struct buf href = BUF_INIT;
		buf_puts(&href, "/organisaties/");
		url_seg(&href, s->orgs[org].code);
		buf_puts(&href, "/kalender");
		comp_link(b, href.data ? href.data : "/kalender", s->orgs[org].name);
		buf_free(&href);
		html_raw(b, ".</p>");
	}
	calendar_body(r, org);
	explain(b);
	layout_end(b, s->stats.newest_confirmed);
	return 200;
}

/* The body that gives the zienswijze, by organisation kind. */
static const char *council_of(const struct organisation *o)
{
	switch (o->kind) {
	case ORG_MUNICIPALITY:
		return "de gemeenteraad";
	case ORG_PROVINCE:
		return "Provinciale Staten";
	case ORG_WATER_BOARD:
		return "het algemeen bestuur van het waterschap";
	default:
		return "het bestuur";
	}
}

int page_org_calendar(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	int oi = snapshot_find_org(s, r->path_args[0]);
	if (oi < 0)
		return respond_not_found(r);
	const struct organisation *o = &s->orgs[oi];
	r->etag = s->etag;

	struct buf href = BUF_INIT;
	buf_puts(&href, "/organisaties/");
	url_seg(&href, o->code);
	const char *org_href = arena_strdup(r->arena, href.data ? href.data : "/organisaties");
	buf_puts(&href, "/kalender.ics");
	const char *ics_href = arena_strdup(r->arena, href.data ? href.data : "/kalender");
	buf_free(&href);

	const struct crumb crumbs[] = {
	    {"Organisaties", "/organisaties"}, {o->name, org_href}, {"Wgr-kalender", NULL}};
	const char *title = arena_printf(r->arena, "Wgr-kalender van %s", o->name);
	const struct page_head h = {
	    .title = title, .nav = NAV_ORGS, .crumbs = crumbs, .n_crumbs = 3};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, title);
	html_raw(b, "</h1><p class=\"utrecht-paragraph utrecht-paragraph--lead\">");
	html_text(b, "Waarover moet ");
	html_text(b, council_of(o));
	html_text(b,
		  " een zienswijze geven, en wanneer? Hieronder staan de wettelijke momenten van "
		  "de gemeenschappelijke regelingen waaraan ");
	html_text(b, o->name);
	html_text(b, " deelneemt.");
	html_raw(b, "</p><p class=\"utrecht-paragraph\">");
	html_text(b, "Zet deze data in uw eigen agenda: ");
	comp_link(b, ics_href, "iCal-feed (.ics) voor Outlook, Google of Apple Agenda");
	html_raw(b, ". Alleen wat ");
	html_text(b, council_of(o));
	html_raw(b, " moet agenderen: ");
	comp_link(b, arena_printf(r->arena, "%s/raadskalender.ics", org_href),
		  "agenda met zienswijzen en agenderen (.ics)");
	html_raw(b, ".</p>");
	calendar_body(r, oi);
	explain(b);
	layout_end(b, s->stats.newest_confirmed);
	return 200;
}

/* Write the feed for the collaborations selected by (org, collab). */
static int ics_reply(struct request *r, int org, int collab, const char *calname)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	int y = today_year(s);
	struct entries e = {0};
	if (org >= 0) {
		e.org_only = true;
		e.gs = s->orgs[org].kind == ORG_PROVINCE;
	}
	load_ab(r->arena, &e);
	for (int c = 0; c < s->n_collabs; c++) {
		if (collab >= 0 && c != collab)
			continue;
		if (collab < 0 && !collab_selected(s, c, org))
			continue;
		collect_collab(r, &e, c, y - 1, y + 2);
	}
	e.ab = NULL;
	e.n_ab = 0;
	sort_entries(s, e.v, e.n);
	r->etag = s->etag;
	r->content_type = "text/calendar; charset=utf-8";
	char dtstamp[20];
	snprintf(dtstamp, sizeof dtstamp, "%.4s%.2s%.2sT000000Z", s->today, s->today + 5,
		 s->today + 8);
	ical_begin(b, calname);
	for (int i = 0; i < e.n; i++) {
		const struct entry *x = &e.v[i];
		if (!x->m.date[0])
			continue;
		/* an organisation's feed: nothing past (a collaboration's keeps its year) */
		if (org >= 0 && strcmp(x->m.date, s->today) < 0)
			continue;
		const struct collaboration *cb = &s->collabs[x->collab];
		const char *label = wgr_doc_label(x->m.doc);
		char first = label[0] >= 'a' && label[0] <= 'z' ? (char)(label[0] - 32) : label[0];
		const char *who = str_empty(cb->short_name) ? cb->name : cb->short_name;
		struct ical_event ev = {
		    .uid = arena_printf(r->arena, "%s-%s-%d@samenwerkingsatlas",
					wgr_doc_slug(x->m.doc), cb->key, x->m.year),
		    .dtstamp = dtstamp,
		    .date = x->m.date,
		    .summary =
			arena_printf(r->arena, "%c%s %d — %s", first, label + 1, x->m.year, who),
		    .description = arena_printf(
			r->arena,
			"%s: %s.\nWie: %s. Aan: %s.\nGrondslag: %s (%s).\n%s\nBron: %s\n"
			"Regeling: %s",
			cb->name, x->m.when, x->m.acts, x->m.receives, x->m.rule->article,
			x->m.rule->confidence == 'H' ? "wettekst"
						     : "secundaire bron, niet in de wettekst "
						       "gecontroleerd",
			x->m.rule->note, x->m.rule->source, cb->key),
		    .url = NULL,
		    .categories = "Wgr",
		};
		ical_event(b, &ev);
	}
	ical_end(b);
	return 200;
}

int page_org_calendar_ics(struct request *r)
{
	const struct snapshot *s = r->snap;
	int oi = snapshot_find_org(s, r->path_args[0]);
	if (oi < 0)
		return respond_not_found(r);
	return ics_reply(r, oi, -1, arena_printf(r->arena, "Wgr-kalender %s", s->orgs[oi].name));
}

int page_collab_calendar_ics(struct request *r)
{
	const struct snapshot *s = r->snap;
	int ci = snapshot_find_collab(s, r->path_args[0]);
	if (ci < 0)
		return respond_not_found(r);
	return ics_reply(r, -1, ci, arena_printf(r->arena, "Wgr-kalender %s", s->collabs[ci].name));
}

static char upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
}

int page_org_council_ics(struct request *r)
{
	const struct snapshot *s = r->snap;
	int oi = snapshot_find_org(s, r->path_args[0]);
	if (oi < 0)
		return respond_not_found(r);
	const struct organisation *o = &s->orgs[oi];
	struct glance_event *ev = NULL;
	int n = 0;
	if (org_glance_council_events(store_thread(), s, oi, r->arena, &ev, &n) != 0)
		n = 0;
	struct glance_council council = glance_council_of(o->kind);
	struct buf *b = &r->out;
	r->etag = s->etag;
	r->content_type = "text/calendar; charset=utf-8";
	char dtstamp[20];
	snprintf(dtstamp, sizeof dtstamp, "%.4s%.2s%.2sT000000Z", s->today, s->today + 5,
		 s->today + 8);
	ical_begin(b, arena_printf(r->arena, "Agenda voor %s — %s", council.name, o->name));
	for (int i = 0; i < n; i++) {
		const struct glance_event *x = &ev[i];
		const struct collaboration *cb = &s->collabs[x->collab];
		const char *who = str_empty(cb->short_name) ? cb->name : cb->short_name;
		char deadline[40];
		glance_date_words(x->m.date, deadline, sizeof deadline);
		struct ical_event e = {
		    .uid = arena_printf(r->arena, "raad-%s%s-%s-%d-%s@samenwerkingsatlas",
					x->agenda ? "agenderen-" : "", wgr_doc_slug(x->m.doc),
					cb->key, x->m.year, o->code),
		    .dtstamp = dtstamp,
		    .date = x->date,
		    .summary =
			x->agenda
			    ? arena_printf(r->arena,
					   "Agenderen: zienswijze begroting %d — %s (vóór %s)",
					   x->m.year, who, deadline)
			: x->m.doc == WGR_DOC_ZIENSWIJZE_BEGROTING
			    ? arena_printf(r->arena, "Uiterste datum zienswijze begroting %d — %s",
					   x->m.year, who)
			    : arena_printf(r->arena, "%c%s %d naar %s — %s",
					   upper(wgr_doc_label(x->m.doc)[0]),
					   wgr_doc_label(x->m.doc) + 1, x->m.year, council.name,
					   who),
		    .description = arena_printf(
			r->arena, "%s.\n%s: %s.\nGrondslag: %s (%s).\nBron: %s\nRegeling: %s",
			x->text, cb->name, x->m.when, x->m.rule->article,
			x->m.rule->confidence == 'H' ? "wettekst"
						     : "secundaire bron, niet in de wettekst "
						       "gecontroleerd",
			x->m.rule->source, cb->key),
		    .url = NULL,
		    .categories = x->agenda ? "Agenderen" : "Wgr",
		};
		ical_event(b, &e);
	}
	ical_end(b);
	return 200;
}
