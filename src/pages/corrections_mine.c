/*
 * corrections_mine — "Partners confirm or correct in one place" on Mijn
 * organisatie: next to "Bevestig dat dit klopt" each record gets "Dit klopt
 * niet" (the correction form for that record), a participation the user may
 * edit gets "Wij zijn uitgetreden per …" (a normal end of the participation,
 * audited), and "Bevestig alles wat klopt" confirms a reviewed set of the
 * organisation's records in one transaction. See corrections.h.
 */
#include "corrections.h"
#include "auth_ui.h"
#include "edit.h"
#include "forms.h"
#include "../app/accounts.h"
#include "../app/corrections.h"
#include "../app/policy.h"
#include "../app/readmodel.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdio.h>
#include <string.h>

#define CONFIRM_MAX 2000

void corrections_mine_flash(struct buf *b, const struct request *r)
{
	static const struct form_notice notices[] = {
	    {"uitgetreden", "Vastgelegd: de deelname eindigt op de opgegeven datum."},
	    {"alles-bevestigd", "Bevestigd: de gekozen gegevens zijn als juist bevestigd."},
	};
	form_flash_from(b, r, notices, sizeof notices / sizeof notices[0]);
}

void corrections_mine_links(struct buf *b, const struct request *r)
{
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	if (policy_scoped_org(r->user, r->snap) >= 0) {
		comp_link(b, "/mijn-organisatie/bevestigen", "Bevestig alles wat klopt");
		html_raw(b, " · ");
	}
	comp_link(b, "/mijn/correcties", "Mijn meldingen");
	if (policy_may_review_corrections(r->user, r->snap)) {
		html_raw(b, " · ");
		comp_link(b, "/beheer/correcties", "Meldingen behandelen");
	}
	html_raw(b, "</p>");
}

void corrections_mine_actions(struct buf *b, struct request *r, char kind, int index)
{
	const struct snapshot *s = r->snap;
	struct corr_target t;
	const char *href;
	if (kind == 'o') {
		href = form_record_href(r, "/organisaties/", s->orgs[index].code, "/melding");
		corrections_target_org(s, s->orgs[index].code, &t);
	} else if (kind == 'c') {
		href = form_record_href(r, "/samenwerkingsverbanden/", s->collabs[index].key,
					"/melding");
		corrections_target_collab(s, s->collabs[index].key, &t);
	} else {
		const struct participation *p = &s->parts[index];
		href = arena_printf(r->arena, "%s?deelname=%lld",
				    form_record_href(r, "/samenwerkingsverbanden/",
						     s->collabs[p->collaboration].key, "/melding"),
				    (long long)p->id);
		t = (struct corr_target){.kind = CORR_PART, .index = index};
	}
	const char *name = corrections_record_name(r->arena, s, &t);
	html_raw(b, " <a class=\"utrecht-link utrecht-link--html-a\" href=\"");
	html_attr(b, href);
	html_raw(b, "\">Dit klopt niet<span class=\"atlas-visually-hidden\">: ");
	html_text(b, name);
	html_raw(b, "</span></a>");
	if (kind != 'p' || !policy_may_edit_part(r->user, s, index))
		return;
	const struct participation *p = &s->parts[index];
	long long id = (long long)p->id;
	html_raw(b, "<details class=\"atlas-details\"><summary>Wij zijn uitgetreden per …"
		    "<span class=\"atlas-visually-hidden\"> (");
	html_text(b, name);
	html_raw(b, ")</span></summary><form class=\"atlas-inline-form\" method=\"post\" "
		    "action=\"/mijn-organisatie/uittreden\">");
	form_csrf(b, r);
	html_rawf(b, "<input type=\"hidden\" name=\"deelname\" value=\"%lld\">", id);
	form_version_field(b, p->version);
	html_rawf(b,
		  "<label class=\"utrecht-form-label\" for=\"f-uit-%lld\">Datum van "
		  "uittreden</label> <input class=\"utrecht-textbox\" type=\"date\" "
		  "id=\"f-uit-%lld\" name=\"datum\" required> ",
		  id, id);
	form_submit(b, "Vastleggen", false);
	html_raw(b, "</form></details>");
}

/* ---- "Wij zijn uitgetreden per …" -------------------------------------------------- */

static int leave_error(struct request *r, const char *msg, int status)
{
	struct buf *b = &r->out;
	buf_reset(b);
	const struct page_head h = {.title = "Fout: uittreden niet vastgelegd", .nav = NAV_MINE};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Uittreden niet vastgelegd</h1>");
	aui_alert(b, "error", "Er is niets gewijzigd.", msg);
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	comp_link(b, "/mijn-organisatie", "Terug naar Mijn organisatie");
	html_raw(b, "</p>");
	layout_end(b, NULL);
	return status;
}

int page_mine_leave(struct request *r)
{
	const struct snapshot *s = r->snap;
	long id;
	if (!parse_long(form_str(req_form(r, "deelname")), 1, 0x7fffffffL, &id))
		return respond_not_found(r);
	int pi = -1;
	for (int i = 0; i < s->n_parts && pi < 0; i++)
		if (s->parts[i].id == id)
			pi = i;
	if (pi < 0)
		return respond_not_found(r);
	if (!policy_may_edit_part(r->user, s, pi))
		return edit_forbidden(r);
	int64_t version, current = 0;
	if (!form_version(r, &version))
		return edit_bad_version(r);
	const char *date = form_str(req_form(r, "datum"));
	if (!*date)
		return leave_error(r, "Vul de datum in waarop uw organisatie is uitgetreden.", 400);
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	struct field_errors e = {0};
	int rc = store_part_end(store_thread(), &w, id, version, date, &e, &current);
	if (rc == STORE_ERR_INVALID)
		return leave_error(r, e.n ? e.e[0].message : "De datum is ongeldig.", 400);
	if (rc == STORE_ERR_CONFLICT)
		return edit_conflict_simple(r,
					    arena_printf(r->arena, "De deelname van %s",
							 s->orgs[s->parts[pi].organisation].name),
					    "/mijn-organisatie");
	return edit_write_done(r, rc, "/mijn-organisatie?melding=uitgetreden");
}

/* ---- "Bevestig alles wat klopt" ---------------------------------------------------- */

/* One record of the set: its checkbox and what is being confirmed. */
static void confirm_item(struct buf *b, struct request *r, int id, const struct corr_target *t,
			 const char *value, const char *confirmed, const char *by)
{
	const struct snapshot *s = r->snap;
	const char *name = corrections_record_name(r->arena, s, t);
	html_rawf(b, "<fieldset class=\"atlas-card utrecht-form-fieldset\"><legend "
		     "class=\"utrecht-form-fieldset__legend\">");
	html_text(b, name);
	html_rawf(b,
		  "</legend><div class=\"utrecht-form-field utrecht-form-field--checkbox\">"
		  "<input class=\"utrecht-checkbox\" type=\"checkbox\" id=\"b-%d\" "
		  "name=\"bevestig\" value=\"",
		  id);
	html_attr(b, value);
	html_rawf(b,
		  "\" checked> <label class=\"utrecht-form-label\" for=\"b-%d\">Klopt, "
		  "bevestigen<span class=\"atlas-visually-hidden\">: ",
		  id);
	html_text(b, name);
	html_raw(b, "</span></label></div>");
	int nf;
	const struct corr_field *f = corrections_fields(t->kind, &nf);
	comp_dl_open(b);
	for (int i = 0; i < nf; i++)
		if (f[i].input != CI_FREE)
			comp_dl_text(b, f[i].label,
				     corrections_display(
					 &f[i], corrections_current(r->arena, s, t, f[i].name)));
	comp_dl_item_open(b, "Laatst bevestigd");
	if (*confirmed)
		form_confirmed_line(b, confirmed, by);
	else
		html_raw(b, "Nooit");
	comp_dl_item_close(b);
	comp_dl_close(b);
	html_raw(b, "</fieldset>");
}

static int confirm_page(struct request *r, int own, const char *error, int status)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	buf_reset(b);
	r->cache_control = "no-store";
	r->etag = NULL;
	const struct crumb crumbs[] = {{"Mijn organisatie", "/mijn-organisatie"},
				       {"Bevestig alles wat klopt", NULL}};
	const struct page_head h = {.title = error ? "Fout: Bevestig alles wat klopt"
						   : "Bevestig alles wat klopt",
				    .nav = NAV_MINE,
				    .crumbs = crumbs,
				    .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Bevestig alles wat klopt</h1>");
	if (error)
		aui_alert(b, "error", "Er is niets bevestigd.", error);
	html_raw(b, "<p class=\"utrecht-paragraph\">Hieronder staan de gegevens van ");
	html_text(b, s->orgs[own].name);
	html_raw(b, " zoals ze nu in de atlas staan. Vink uit wat niet klopt (en meld dat met "
		    "„Dit klopt niet” op Mijn organisatie); de rest bevestigt u in één keer. "
		    "Bevestigen verandert geen gegevens, alleen de datum „laatst bevestigd”.</p>");
	form_open(b, r, "/mijn-organisatie/bevestigen");
	struct corr_target t;
	int seq = 0;
	const struct organisation *o = &s->orgs[own];
	corrections_target_org(s, o->code, &t);
	confirm_item(b, r, ++seq, &t,
		     arena_printf(r->arena, "o:%s:%lld", o->code, (long long)o->version),
		     form_str(o->last_confirmed), form_str(o->confirmed_by));
	for (int i = 0; i < s->n_collabs; i++) {
		const struct collaboration *c = &s->collabs[i];
		if (!c->active || !policy_may_edit_collab(r->user, s, i))
			continue;
		corrections_target_collab(s, c->key, &t);
		confirm_item(b, r, ++seq, &t,
			     arena_printf(r->arena, "c:%s:%lld", c->key, (long long)c->version),
			     form_str(c->last_confirmed), form_str(c->confirmed_by));
	}
	for (int i = 0; i < s->n_parts; i++) {
		const struct participation *p = &s->parts[i];
		if (!p->active || p->organisation != own || !s->collabs[p->collaboration].active)
			continue;
		t = (struct corr_target){.kind = CORR_PART, .index = i, .entity = "participation"};
		confirm_item(
		    b, r, ++seq, &t,
		    arena_printf(r->arena, "p:%lld:%lld", (long long)p->id, (long long)p->version),
		    form_str(p->last_confirmed), form_str(p->confirmed_by));
	}
	form_buttons(b, "Bevestig de aangevinkte gegevens", "/mijn-organisatie", "Annuleren");
	form_close(b);
	layout_end(b, NULL);
	return status;
}

/* "o:<code>:<version>" → item; false when malformed. */
static bool parse_item(struct request *r, const char *v, struct corr_confirm_item *it)
{
	const char *last = strrchr(v, ':');
	long version;
	if (strlen(v) < 5 || v[1] != ':' || !last || last <= v + 2 ||
	    !parse_long(last + 1, 0, 0x7fffffffL, &version))
		return false;
	it->entity = v[0] == 'o'   ? "organisation"
		     : v[0] == 'c' ? "collaboration"
		     : v[0] == 'p' ? "participation"
				   : NULL;
	if (!it->entity)
		return false;
	it->key = arena_strndup(r->arena, v + 2, (size_t)(last - (v + 2)));
	it->version = version;
	return true;
}

int page_mine_confirm_all(struct request *r)
{
	int own = policy_scoped_org(r->user, r->snap);
	if (own < 0)
		return respond_error(r, 403, "Geen toegang",
				     "„Bevestig alles wat klopt” is er voor redacteuren van een "
				     "organisatie: zij bevestigen de gegevens van hun eigen "
				     "organisatie.",
				     NULL);
	if (r->method & (HTTP_GET | HTTP_HEAD))
		return confirm_page(r, own, NULL, 200);
	const char **vals = arena_calloc(r->arena, CONFIRM_MAX, sizeof *vals);
	int n = req_form_all(r, "bevestig", vals, CONFIRM_MAX);
	if (n <= 0)
		return confirm_page(r, own, "Vink minstens één gegeven aan.", 400);
	struct corr_confirm_item *items = arena_calloc(r->arena, (size_t)n, sizeof *items);
	for (int i = 0; i < n; i++)
		if (!parse_item(r, vals[i], &items[i]))
			return confirm_page(r, own, "Het formulier kon niet worden gelezen.", 400);
	int failed = -1;
	enum corr_outcome o =
	    corrections_confirm_set(store_thread(), r->snap, r->user, items, n, &failed);
	switch (o) {
	case CORR_OK:
		app_after_write();
		return respond_redirect(r, "/mijn-organisatie?melding=alles-bevestigd");
	case CORR_FORBIDDEN:
		return edit_forbidden(r);
	case CORR_CONFLICT:
	case CORR_NOTFOUND:
		return confirm_page(r, own,
				    "Een van de gegevens is intussen gewijzigd. Bekijk de huidige "
				    "gegevens hieronder en bevestig opnieuw.",
				    409);
	default:
		return edit_store_failure(r, STORE_ERR);
	}
}
