/*
 * agreements — shared agreements ("gemeenschappelijke afspraken") of a
 * collaboration: the section on the collaboration page and the
 * forms .../afspraken/nieuw and .../afspraken/{afspraak}/bewerken (with the
 * agreement's version: a changed agreement gives the 409 conflict page).
 * See roles.h. Agreements are read from the store per request; validation
 * (lengths, dates, status, http(s) document link, party codes) is the
 * store's. Document links are shown only when they are http(s)
 * (comp_ext_link), always escaped.
 */
#include "auth_ui.h"
#include "edit.h"
#include "forms.h"
#include "roles.h"
#include "../app/accounts.h"
#include "../app/policy.h"
#include "../domain/labels.h"
#include "../app/readmodel.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"
#include "../store/store_people.h"

#include <stdlib.h>
#include <string.h>

static enum badge_kind status_badge(enum agreement_status st)
{
	switch (st) {
	case AGR_GELDEND:
		return BADGE_ACTIVE;
	case AGR_HERZIEN:
		return BADGE_WARNING;
	case AGR_VERVALLEN:
		return BADGE_ENDED;
	default:
		return BADGE_NEUTRAL;
	}
}

/* The parties of an agreement: organisation links, or "Alle deelnemers". */
static void parties_cell(struct buf *b, struct request *r, const char *parties)
{
	if (str_empty(parties)) {
		html_raw(b, "Alle deelnemers");
		return;
	}
	char *copy = arena_strdup(r->arena, parties);
	int k = 0;
	for (char *save = NULL, *t = strtok_r(copy, ";,", &save); t;
	     t = strtok_r(NULL, ";,", &save)) {
		while (*t == ' ')
			t++;
		if (!*t)
			continue;
		if (k++)
			html_raw(b, ", ");
		int oi = snapshot_find_org(r->snap, t);
		if (oi >= 0)
			comp_link_seg(b, "/organisaties", t, r->snap->orgs[oi].name);
		else
			html_text(b, t);
	}
}

void agreements_collab_section(struct buf *b, struct request *r, int ci)
{
	const struct collaboration *c = &r->snap->collabs[ci];
	bool may = policy_may_edit_collab(r->user, r->snap, ci);
	html_raw(b, "<section aria-labelledby=\"afspraken\"><h2 class=\"utrecht-heading-2\" "
		    "id=\"afspraken\">Gemeenschappelijke afspraken</h2>");
	struct agreement *ag = NULL;
	int n = 0;
	if (store_agreements_of_collab(store_thread(), r->arena, c->key, &ag, &n) != 0) {
		log_error("agreements: reading the agreements of %s failed", c->key);
		html_raw(b, "<p class=\"utrecht-paragraph\">De afspraken konden nu niet worden "
			    "gelezen.</p>");
		n = 0;
	} else if (n == 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Er zijn nog geen gemeenschappelijke "
			    "afspraken vastgelegd, bijvoorbeeld over de rolverdeling tussen de "
			    "partijen.</p>");
	} else {
		struct comp_col cols[6] = {{"Afspraak", false}, {"Tussen", false},
					   {"Sinds", false},	{"Status", false},
					   {"Document", false}, {"Beheer", false}};
		comp_table_open(
		    b, arena_printf(r->arena, "Gemeenschappelijke afspraken van %s", c->name), cols,
		    may ? 6 : 5);
		for (int i = 0; i < n; i++) {
			const struct agreement *a = &ag[i];
			comp_row_open(b);
			comp_th_open(b);
			html_text(b, a->title);
			if (a->description[0]) {
				html_raw(b, "<br><span class=\"atlas-meta\">");
				html_text(b, a->description);
				html_raw(b, "</span>");
			}
			comp_th_close(b);
			comp_td_open(b, false);
			parties_cell(b, r, a->parties);
			comp_td_close(b);
			comp_td_date(b, a->since, "Onbekend");
			comp_td_open(b, false);
			int st = a->status >= 0 && a->status < AGR_COUNT ? (int)a->status : 0;
			comp_badge(b, status_badge((enum agreement_status)st),
				   agreement_status_labels[st].label);
			comp_td_close(b);
			comp_td_open(b, false);
			if (a->document_url[0])
				comp_ext_link(b, a->document_url, "Document");
			else
				html_raw(b, "<span class=\"atlas-unknown\">Geen</span>");
			comp_td_close(b);
			if (may) {
				comp_td_open(b, false);
				html_raw(b,
					 "<a class=\"utrecht-link utrecht-link--html-a\" href=\"");
				html_attr(b, edit_collab_href(
						 r, c->key,
						 arena_printf(r->arena, "/afspraken/%lld/bewerken",
							      (long long)a->id)));
				html_raw(b, "\">Bewerken<span class=\"atlas-visually-hidden\">: ");
				html_text(b, a->title);
				html_raw(b, "</span></a>");
				comp_td_close(b);
			}
			comp_row_close(b);
		}
		comp_table_close(b);
	}
	if (may) {
		html_raw(b, "<p class=\"utrecht-paragraph\">");
		comp_link(b, edit_collab_href(r, c->key, "/afspraken/nieuw"), "Afspraak toevoegen");
		html_raw(b, "</p>");
	}
	html_raw(b, "</section>");
}

/* ---- forms -------------------------------------------------------------------- */

enum { AF_TITLE, AF_DESC, AF_PARTIES, AF_SINCE, AF_STATUS, AF_DOC, AF_COUNT };

static void agreement_fields(struct request *r, const struct collaboration *c,
			     struct form_field f[AF_COUNT])
{
	const struct snapshot *s = r->snap;
	struct comp_option *po = arena_calloc(r->arena, (size_t)c->n_parts + 1, sizeof *po);
	int np = 0;
	for (int k = 0; k < c->n_parts; k++) {
		const struct organisation *o = &s->orgs[s->parts[c->parts[k]].organisation];
		bool dup = false;
		for (int j = 0; j < np && !dup; j++)
			dup = strcmp(po[j].value, o->code) == 0;
		if (!dup)
			po[np++] = (struct comp_option){o->code, o->name};
	}
	struct comp_option *so = arena_calloc(r->arena, AGR_COUNT + 1, sizeof *so);
	for (int i = 0; i < AGR_COUNT; i++)
		so[i] = (struct comp_option){agreement_status_labels[i].api,
					     agreement_status_labels[i].label};
	f[AF_TITLE] = (struct form_field){
	    "titel", "Titel", FK_TEXT, 200, true, "Wat is afgesproken, in een paar woorden.",
	    NULL,    0};
	f[AF_DESC] = (struct form_field){"omschrijving", "Omschrijving",
					 FK_TEXTAREA,	 2000,
					 false,		 "Ten hoogste 2000 tekens.",
					 NULL,		 0};
	f[AF_PARTIES] = (struct form_field){
	    "partijen", "Tussen welke partijen",
	    FK_CHECKS,	0,
	    false,	"Vink niets aan als de afspraak voor alle deelnemers geldt.",
	    po,		np};
	f[AF_SINCE] =
	    (struct form_field){"sinds", "Sinds", FK_DATE, 10, false, "Als jjjj-mm-dd.", NULL, 0};
	f[AF_STATUS] =
	    (struct form_field){"status", "Status", FK_SELECT, 0, true, NULL, so, AGR_COUNT};
	f[AF_DOC] = (struct form_field){"document", "Document",
					FK_URL,	    500,
					false,	    "Een adres dat begint met https:// of http://.",
					NULL,	    0};
}

static void agreement_stored(const struct agreement *a, const char *v[AF_COUNT])
{
	v[AF_TITLE] = a->title;
	v[AF_DESC] = a->description;
	v[AF_PARTIES] = a->parties;
	v[AF_SINCE] = a->since;
	int st = a->status >= 0 && a->status < AGR_COUNT ? (int)a->status : 0;
	v[AF_STATUS] = agreement_status_labels[st].api;
	v[AF_DOC] = a->document_url;
}

static void agreement_input_from(const char *const v[AF_COUNT], struct agreement_input *in)
{
	in->title = v[AF_TITLE];
	in->description = v[AF_DESC];
	in->parties = v[AF_PARTIES];
	in->since = v[AF_SINCE];
	in->status = v[AF_STATUS];
	in->document_url = v[AF_DOC];
}

static int agreement_form_page(struct request *r, const struct collaboration *c,
			       const struct agreement *a, const struct form_field f[AF_COUNT],
			       const char *const v[AF_COUNT], int64_t version,
			       const struct field_errors *errs, int status)
{
	struct buf *b = &r->out;
	buf_reset(b);
	bool bad = errs && errs->n > 0;
	const char *back = edit_collab_href(r, c->key, "");
	const char *what = a ? "Afspraak bewerken" : "Afspraak toevoegen";
	const struct crumb crumbs[] = {
	    {"Samenwerkingsverbanden", "/samenwerkingsverbanden"}, {c->name, back}, {what, NULL}};
	const struct page_head h = {
	    .title = arena_printf(r->arena, "%s%s — %s", bad ? "Fout: " : "", what, c->name),
	    .nav = NAV_COLLABS,
	    .crumbs = crumbs,
	    .n_crumbs = 3};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, what);
	html_raw(b, ": ");
	html_text(b, c->name);
	html_raw(b, "</h1>");
	form_error_summary(b, errs, f, AF_COUNT);
	form_open(
	    b, r,
	    a ? edit_collab_href(
		    r, c->key, arena_printf(r->arena, "/afspraken/%lld/bewerken", (long long)a->id))
	      : edit_collab_href(r, c->key, "/afspraken/nieuw"));
	if (a)
		form_version_field(b, version);
	form_fields(b, f, AF_COUNT, v, errs);
	form_buttons(b, a ? "Opslaan" : "Afspraak toevoegen",
		     arena_printf(r->arena, "%s#afspraken", back), "Annuleren");
	form_close(b);
	layout_end(b, NULL);
	return status;
}

int page_agreement_new(struct request *r)
{
	const struct collaboration *c;
	int st = edit_collab_or_respond(r, &c);
	if (st)
		return st;
	struct form_field f[AF_COUNT];
	agreement_fields(r, c, f);
	const char *v[AF_COUNT];
	if (r->method & (HTTP_GET | HTTP_HEAD)) {
		for (int i = 0; i < AF_COUNT; i++)
			v[i] = "";
		v[AF_STATUS] = agreement_status_labels[AGR_VOORGESTELD].api;
		return agreement_form_page(r, c, NULL, f, v, 0, NULL, 200);
	}
	form_submitted(r, f, AF_COUNT, v);
	struct agreement_input in;
	agreement_input_from(v, &in);
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	struct field_errors errs = {0};
	int64_t id = 0;
	int rc = store_agreement_add(store_thread(), &w, c->key, &in, &id, &errs);
	if (rc == STORE_ERR_INVALID)
		return agreement_form_page(r, c, NULL, f, v, 0, &errs, 400);
	return edit_write_done(r, rc, edit_collab_href(r, c->key, "?melding=opgeslagen#afspraken"));
}

int page_agreement_edit(struct request *r)
{
	int ci = snapshot_find_collab(r->snap, r->path_args[0]);
	long aid;
	if (ci < 0 || !parse_long(r->path_args[1], 1, 0x7fffffffL, &aid))
		return respond_not_found(r);
	if (!policy_may_edit_collab(r->user, r->snap, ci))
		return edit_forbidden(r);
	const struct collaboration *c = &r->snap->collabs[ci];
	struct agreement *ag = NULL, *a = NULL;
	int n = 0;
	if (store_agreements_of_collab(store_thread(), r->arena, c->key, &ag, &n) != 0)
		return edit_store_failure(r, -1);
	for (int i = 0; i < n && !a; i++)
		if (ag[i].id == aid)
			a = &ag[i];
	if (!a) {
		return respond_not_found(r);
	}
	struct agreement *cur = arena_calloc(r->arena, 1, sizeof *cur);
	*cur = *a;

	struct form_field f[AF_COUNT];
	agreement_fields(r, c, f);
	const char *stored[AF_COUNT];
	agreement_stored(cur, stored);
	if (r->method & (HTTP_GET | HTTP_HEAD))
		return agreement_form_page(r, c, cur, f, stored, cur->version, NULL, 200);

	int64_t version;
	if (!form_version(r, &version))
		return edit_bad_version(r);
	const char *v[AF_COUNT];
	form_submitted(r, f, AF_COUNT, v);
	struct agreement_input in;
	agreement_input_from(v, &in);
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	struct field_errors errs = {0};
	int64_t current = 0;
	int rc = store_agreement_update(store_thread(), &w, cur->id, version, &in, &errs, &current);
	if (rc == STORE_ERR_INVALID)
		return agreement_form_page(r, c, cur, f, v, version, &errs, 400);
	if (rc == STORE_ERR_CONFLICT)
		return edit_conflict_page(
		    r, arena_printf(r->arena, "De afspraak „%s”", cur->title),
		    edit_collab_href(
			r, c->key,
			arena_printf(r->arena, "/afspraken/%lld/bewerken", (long long)cur->id)),
		    edit_collab_href(r, c->key, "#afspraken"), f, AF_COUNT, v, stored);
	return edit_write_done(r, rc, edit_collab_href(r, c->key, "?melding=opgeslagen#afspraken"));
}
