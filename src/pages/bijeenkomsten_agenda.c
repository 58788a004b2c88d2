/*
 * bijeenkomsten_agenda — the agenda of an event on its page; see
 * bijeenkomsten_agenda.h.
 */
#include "bijeenkomsten_agenda.h"
#include "auth_ui.h"
#include "bijeenkomsten.h"
#include "forms.h"
#include "../app/bijeenkomsten_agenda.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"

#include <string.h>

/* The signed-in user of a web session (a token does not count on pages). */
static const struct user *web_user(const struct request *r)
{
	return r->user && !r->via_token ? r->user : NULL;
}

static bool arg_id(const struct request *r, int i, int64_t *id)
{
	long v;
	if (!r->path_args[i] || !parse_long(r->path_args[i], 1, 0x7fffffffL, &v))
		return false;
	*id = v;
	return true;
}

static const char *item_href(struct request *r, int64_t event_id, int64_t id, const char *what)
{
	return arena_printf(r->arena, "/bijeenkomsten/%lld/agendapunten/%lld/%s",
			    (long long)event_id, (long long)id, what);
}

static const struct form_field propose_fields[] = {
    {"titel", "Titel van het agendapunt", FK_TEXT, AGENDA_TITLE_MAX, true, NULL, NULL, 0},
    {"toelichting", "Toelichting", FK_TEXTAREA, AGENDA_TEXT_MAX, false,
     "Waarom dit onderwerp op de agenda hoort, en wat u ervan verwacht.", NULL, 0},
};

/* "Voorgesteld door Gemeente X · 3 keer gesteund (2 organisaties)". */
static void item_facts(struct buf *b, const struct agenda_item *it, bool support)
{
	html_raw(b, "<p class=\"utrecht-paragraph\">Voorgesteld door ");
	html_text(b, it->org_name);
	if (support) {
		const struct agenda_item_row *x = &it->row;
		if (x->supports == 0)
			html_raw(b, " · nog niet gesteund");
		else
			html_rawf(b, " · %d keer gesteund (%d %s)", x->supports, x->support_orgs,
				  x->support_orgs == 1 ? "organisatie" : "organisaties");
	}
	html_raw(b, "</p>");
}

static void programme(struct buf *b, const struct agenda_view *v)
{
	html_raw(b, "<section aria-labelledby=\"h-programma\"><h2 class=\"utrecht-heading-2\" "
		    "id=\"h-programma\">Programma</h2>");
	if (!v->n_programme) {
		comp_para(b, "Het programma is nog niet bekend.");
		html_raw(b, "</section>");
		return;
	}
	html_raw(b, "<ol class=\"utrecht-ordered-list atlas-agenda\">");
	for (int i = 0; i < v->n_programme; i++) {
		const struct agenda_item *it = &v->items[i];
		html_raw(b,
			 "<li class=\"utrecht-ordered-list__item\"><p class=\"utrecht-paragraph\">"
			 "<strong>");
		if (*it->row.start_time) {
			html_text(b, it->row.start_time);
			html_raw(b, " uur · ");
		}
		html_text(b, it->row.title);
		html_raw(b, "</strong></p>");
		if (*it->row.description)
			comp_para(b, it->row.description);
		item_facts(b, it, false);
		html_raw(b, "</li>");
	}
	html_raw(b, "</ol></section>");
}

static const struct comp_option status_opts[] = {
    {"voorgesteld", "Voorgesteld"},
    {"geaccepteerd", "In het programma"},
    {"afgewezen", "Niet in het programma"},
};

/* Staff: the status, place and time of item it. */
static void decide_form(struct buf *b, struct request *r, const struct agenda_item *it)
{
	const struct agenda_item_row *x = &it->row;
	long long id = (long long)x->id;
	form_open(b, r, item_href(r, x->event_id, x->id, "besluit"));
	html_rawf(b,
		  "<fieldset class=\"utrecht-form-fieldset atlas-agenda-besluit\"><legend "
		  "class=\"utrecht-form-fieldset__legend\">Besluit over dit agendapunt</legend>"
		  "<div class=\"utrecht-form-field\"><label class=\"utrecht-form-label\" "
		  "for=\"f-status-%lld\">Status</label> <select class=\"utrecht-select "
		  "utrecht-select--html-select\" id=\"f-status-%lld\" name=\"status\">",
		  id, id);
	for (size_t i = 0; i < sizeof status_opts / sizeof status_opts[0]; i++) {
		html_raw(b, "<option value=\"");
		html_attr(b, status_opts[i].value);
		html_raw(b, strcmp(status_opts[i].value, x->status) == 0 ? "\" selected>" : "\">");
		html_text(b, status_opts[i].label);
		html_raw(b, "</option>");
	}
	html_rawf(b,
		  "</select></div><div class=\"utrecht-form-field\"><label "
		  "class=\"utrecht-form-label\" for=\"f-volgorde-%lld\">Plaats (1 tot %d, leeg: "
		  "achteraan)</label> <input class=\"utrecht-textbox "
		  "utrecht-textbox--html-input\" type=\"text\" inputmode=\"numeric\" size=\"4\" "
		  "id=\"f-volgorde-%lld\" name=\"volgorde\" value=\"",
		  id, AGENDA_POSITION_MAX, id);
	if (x->position > 0)
		html_rawf(b, "%d", x->position);
	html_rawf(b,
		  "\"></div><div class=\"utrecht-form-field\"><label class=\"utrecht-form-label\" "
		  "for=\"f-tijd-%lld\">Tijd (uu:mm, mag leeg)</label> <input "
		  "class=\"utrecht-textbox utrecht-textbox--html-input\" type=\"text\" size=\"6\" "
		  "id=\"f-tijd-%lld\" name=\"tijd\" value=\"",
		  id, id);
	html_attr(b, x->start_time);
	html_raw(b, "\"></div><button class=\"utrecht-button utrecht-button--secondary-action\" "
		    "type=\"submit\">Besluit opslaan<span class=\"atlas-visually-hidden\">: ");
	html_text(b, x->title);
	html_raw(b, "</span></button></fieldset>");
	form_close(b);
}

static void support_part(struct buf *b, struct request *r, const struct agenda_view *v,
			 const struct agenda_item *it)
{
	if (it->may_support) {
		form_open(b, r, item_href(r, it->row.event_id, it->row.id, "steun"));
		html_raw(b, "<button class=\"utrecht-button utrecht-button--secondary-action\" "
			    "type=\"submit\">Steunen<span class=\"atlas-visually-hidden\">: ");
		html_text(b, it->row.title);
		html_raw(b, "</span></button>");
		form_close(b);
	} else if (v->is_proposer && it->row.supported)
		comp_para(b, "U steunt dit agendapunt.");
	else if (v->is_proposer && it->rule == AGENDA_SUPPORT_OWN)
		comp_para(b, "Voorstel van uw organisatie.");
}

static void proposals(struct buf *b, struct request *r, const struct agenda_view *v,
		      const struct event_row *e, const struct agenda_form_state *fs)
{
	html_raw(b, "<section aria-labelledby=\"h-agenda-samen\"><h2 class=\"utrecht-heading-2\" "
		    "id=\"h-agenda-samen\">Agenda in samenspraak</h2>");
	comp_para(b, "Partners stellen agendapunten voor en steunen die van anderen, tot het "
		     "begin van de bijeenkomst. De provincie stelt het programma vast. Bij een "
		     "agendapunt staat alleen de organisatie, nooit uw naam.");
	if (fs && fs->problem)
		aui_alert(b, "warning", "", fs->problem);
	const struct agenda_item *list = v->may_decide ? v->items : v->items + v->n_programme;
	int n = v->may_decide ? v->n : v->n - v->n_programme;
	if (!n)
		comp_para(b, v->may_decide ? "Er zijn nog geen agendapunten."
					   : "Er zijn nog geen open voorstellen.");
	else {
		html_raw(b, "<ul class=\"utrecht-unordered-list atlas-agenda\">");
		for (int i = 0; i < n; i++) {
			const struct agenda_item *it = &list[i];
			html_raw(b, "<li class=\"utrecht-unordered-list__item\"><h3 "
				    "class=\"utrecht-heading-3\">");
			html_text(b, it->row.title);
			html_raw(b, "</h3>");
			if (*it->row.description)
				comp_para(b, it->row.description);
			html_raw(b, "<p class=\"utrecht-paragraph\">Status: ");
			html_text(b, agenda_status_label(it->row.status));
			html_raw(b, "</p>");
			item_facts(b, it, true);
			support_part(b, r, v, it);
			if (v->may_decide)
				decide_form(b, r, it);
			html_raw(b, "</li>");
		}
		html_raw(b, "</ul>");
	}
	if (v->may_propose) {
		html_raw(b, "<h3 class=\"utrecht-heading-3\" id=\"h-voorstellen\">Agendapunt "
			    "voorstellen</h3>");
		const char *vals[2] = {"", ""};
		const struct field_errors *err = fs ? fs->err : NULL;
		if (err) {
			form_submitted(r, propose_fields, 2, vals);
			form_error_summary(b, err, propose_fields, 2);
		}
		form_open(
		    b, r,
		    arena_printf(r->arena, "/bijeenkomsten/%lld/agendapunten", (long long)e->id));
		form_fields(b, propose_fields, 2, vals, err);
		form_submit(b, "Agendapunt voorstellen", true);
		form_close(b);
	} else if (v->is_proposer)
		comp_para(b, "De bijeenkomst is begonnen: voorstellen en steunen kan niet meer.");
	html_raw(b, "</section>");
}

void bijeenkomsten_agenda_section(struct buf *b, struct request *r, struct store *st,
				  const struct event_row *e, const struct agenda_form_state *fs)
{
	struct agenda_view v;
	if (bijeenkomsten_agenda(st, r->arena, r->snap, web_user(r), e, &v) != AG_OK) {
		log_error("bijeenkomsten: reading the agenda of event %lld failed",
			  (long long)e->id);
		return;
	}
	programme(b, &v);
	if (v.see_proposals)
		proposals(b, r, &v, e, fs);
}

/* ---- the forms ------------------------------------------------------------------------- */

static int after(struct request *r, int64_t event_id, enum ag_outcome o,
		 const struct field_errors *e, const char *notice, bool decide)
{
	if (o == AG_OK)
		return respond_redirect(
		    r, arena_printf(r->arena, "/bijeenkomsten/%lld?melding=%s#h-agenda-samen",
				    (long long)event_id, notice));
	if (o == AG_NOTFOUND)
		return respond_not_found(r);
	if (o == AG_FAILED)
		return page_store_down(r);
	struct agenda_form_state fs = {0};
	int status = 409;
	if (o == AG_INVALID && !decide) {
		fs.err = e;
		status = 400;
	} else if (o == AG_INVALID) {
		const char *msg = "Het besluit is niet opgeslagen:";
		for (int i = 0; i < e->n; i++)
			msg = arena_printf(r->arena, "%s %s", msg, e->e[i].message);
		fs.problem = msg;
		status = 400;
	} else {
		fs.problem = bijeenkomsten_agenda_message(o, decide);
		if (o == AG_FORBIDDEN || o == AG_OWN)
			status = 403;
	}
	return bijeenkomsten_event_page_agenda(r, event_id, &fs, status);
}

int page_bijeenkomst_agenda_propose(struct request *r)
{
	int64_t id;
	if (!arg_id(r, 0, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	const struct agenda_input in = {.title = req_form(r, "titel"),
					.description = req_form(r, "toelichting")};
	struct field_errors e = {0};
	int64_t item;
	enum ag_outcome o =
	    bijeenkomsten_agenda_propose(st, r->snap, web_user(r), "web", id, &in, &e, &item);
	return after(r, id, o, &e, "agendapunt", false);
}

int page_bijeenkomst_agenda_support(struct request *r)
{
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	int64_t event_id, id;
	if (!arg_id(r, 0, &event_id) || !arg_id(r, 1, &id))
		return respond_not_found(r);
	enum ag_outcome o =
	    bijeenkomsten_agenda_support(st, r->snap, web_user(r), "web", event_id, id);
	return after(r, event_id, o, NULL, "gesteund", false);
}

int page_bijeenkomst_agenda_decide(struct request *r)
{
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	int64_t event_id, id;
	if (!arg_id(r, 0, &event_id) || !arg_id(r, 1, &id))
		return respond_not_found(r);
	const struct agenda_decision d = {.status = req_form(r, "status"),
					  .position = req_form(r, "volgorde"),
					  .start_time = req_form(r, "tijd")};
	struct field_errors e = {0};
	enum ag_outcome o =
	    bijeenkomsten_agenda_decide(st, web_user(r), "web", event_id, id, &d, &e);
	return after(r, event_id, o, &e, "agendabesluit", true);
}
