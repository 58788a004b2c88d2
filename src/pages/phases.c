/*
 * phases — the life-cycle phase history of a collaboration: the
 * timeline on the collaboration page and the form
 * /samenwerkingsverbanden/{id}/fasen/nieuw. See roles.h.
 *
 * Phase events are read from the store per request (not in the snapshot).
 * When a new event has the newest date of all events, the collaboration's
 * current phase (the snapshot field the list filters use) is set to it with
 * store_collab_update, as a second transaction right after the event is
 * written: the event is the fact, the current phase follows it. Should that
 * second write fail (e.g. someone changed the collaboration at the same
 * moment: a version conflict), the event stays and the failure is logged;
 * the editor can set the phase with the collaboration form.
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

/* Kaats & Opheij's process phases: {value stored, label}. */
static const struct comp_option process_opts[] = {
    {"", "Geen procesfase opgegeven"},
    {"verkennen", "Verkennen"},
    {"delen", "Delen"},
    {"overeenkomen", "Overeenkomen"},
    {"vormgeven", "Vormgeven"},
    {"uitvoeren-en-vernieuwen", "Uitvoeren en vernieuwen"},
};
#define N_PROCESS ((int)(sizeof process_opts / sizeof process_opts[0]))

static const char *process_label(const char *v)
{
	for (int i = 1; i < N_PROCESS; i++)
		if (strcmp(process_opts[i].value, v) == 0)
			return process_opts[i].label;
	return v;
}

void phases_collab_section(struct buf *b, struct request *r, int ci)
{
	const struct collaboration *c = &r->snap->collabs[ci];
	html_raw(b, "<section aria-labelledby=\"fasen\"><h2 class=\"utrecht-heading-2\" "
		    "id=\"fasen\">Levensloop</h2><p class=\"utrecht-paragraph\">De fasen die dit "
		    "samenwerkingsverband heeft doorlopen (initiatief, groei, stabilisatie, "
		    "transformatie, beëindigd), met waar bekend de procesfase volgens Kaats en "
		    "Opheij (verkennen, delen, overeenkomen, vormgeven, uitvoeren en "
		    "vernieuwen).</p>");
	struct phase_event *ev = NULL;
	int n = 0;
	if (store_phases_of_collab(store_thread(), r->arena, c->key, &ev, &n) != 0) {
		log_error("phases: reading the phase history of %s failed", c->key);
		html_raw(b, "<p class=\"utrecht-paragraph\">De levensloop kon nu niet worden "
			    "gelezen.</p>");
		n = 0;
	} else if (n == 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Er is nog geen levensloop "
			    "vastgelegd.</p>");
	} else {
		html_raw(b, "<ol class=\"utrecht-ordered-list atlas-timeline\" "
			    "aria-label=\"Fasen, oudste eerst\">");
		for (int i = 0; i < n; i++) {
			const struct phase_event *e = &ev[i];
			html_raw(b, "<li class=\"utrecht-ordered-list__item atlas-timeline__item"
				    "\"><span class=\"atlas-timeline__date\">");
			if (is_iso_date(e->date)) {
				html_raw(b, "<time datetime=\"");
				html_attr(b, e->date);
				html_raw(b, "\">");
				html_date_nl(b, e->date);
				html_raw(b, "</time>");
			} else {
				html_text(b, e->date);
			}
			html_raw(b, "</span>: <strong>");
			int ph = e->phase >= 0 && e->phase < PHASE_COUNT ? e->phase : PHASE_UNKNOWN;
			html_text(b, phase_labels[ph].label);
			html_raw(b, "</strong>");
			if (e->process_phase[0]) {
				html_raw(b, " (procesfase: ");
				html_text(b, process_label(e->process_phase));
				html_raw(b, ")");
			}
			if (i == n - 1)
				html_raw(b, " <span class=\"atlas-muted\">— meest recent</span>");
			if (e->note[0]) {
				html_raw(b, "<br><span class=\"atlas-muted\">");
				html_text(b, e->note);
				html_raw(b, "</span>");
			}
			html_raw(b, "</li>");
		}
		html_raw(b, "</ol>");
	}
	if (policy_may_edit_collab(r->user, r->snap, ci)) {
		html_raw(b, "<p class=\"utrecht-paragraph\">");
		comp_link(b, edit_collab_href(r, c->key, "/fasen/nieuw"), "Fase toevoegen");
		html_raw(b, "</p>");
	}
	html_raw(b, "</section>");
}

/* ---- the form ----------------------------------------------------------------- */

enum { PF_PHASE, PF_PROCESS, PF_DATE, PF_NOTE, PF_COUNT };

static void phase_fields(struct request *r, struct form_field f[PF_COUNT])
{
	struct comp_option *o = arena_calloc(r->arena, PHASE_COUNT + 1, sizeof *o);
	int n = 0;
	o[n++] = (struct comp_option){"", "Kies een fase"};
	for (int i = 0; i < PHASE_COUNT; i++)
		if (i != PHASE_UNKNOWN)
			o[n++] = (struct comp_option){phase_labels[i].api, phase_labels[i].label};
	f[PF_PHASE] = (struct form_field){"fase", "Fase", FK_SELECT, 0, true, NULL, o, n};
	f[PF_PROCESS] = (struct form_field){
	    "procesfase",
	    "Procesfase (Kaats en Opheij)",
	    FK_SELECT,
	    0,
	    false,
	    "Waar staat het samenwerkingsproces: verkennen, delen, overeenkomen, vormgeven of "
	    "uitvoeren en vernieuwen.",
	    process_opts,
	    N_PROCESS};
	f[PF_DATE] = (struct form_field){
	    "datum", "Datum", FK_DATE, 10, true, "Sinds wanneer, als jjjj-mm-dd.", NULL, 0};
	f[PF_NOTE] = (struct form_field){"toelichting", "Toelichting",
					 FK_TEXTAREA,	500,
					 false,		"Ten hoogste 500 tekens.",
					 NULL,		0};
}

static int phase_form_page(struct request *r, const struct collaboration *c,
			   const struct form_field f[PF_COUNT], const char *const v[PF_COUNT],
			   const struct field_errors *errs, int status)
{
	struct buf *b = &r->out;
	buf_reset(b);
	bool bad = errs && errs->n > 0;
	const char *back = edit_collab_href(r, c->key, "");
	const struct crumb crumbs[] = {{"Samenwerkingsverbanden", "/samenwerkingsverbanden"},
				       {c->name, back},
				       {"Fase toevoegen", NULL}};
	const struct page_head h = {.title = arena_printf(r->arena, "%sFase toevoegen aan %s",
							  bad ? "Fout: " : "", c->name),
				    .nav = NAV_COLLABS,
				    .crumbs = crumbs,
				    .n_crumbs = 3};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Fase toevoegen aan ");
	html_text(b, c->name);
	html_raw(b, "</h1>");
	form_error_summary(b, errs, f, PF_COUNT);
	html_raw(b, "<p class=\"utrecht-paragraph\">Is dit de fase met de nieuwste datum, dan "
		    "wordt ook de huidige fase van het samenwerkingsverband aangepast.</p>");
	form_open(b, r, edit_collab_href(r, c->key, "/fasen/nieuw"));
	form_fields(b, f, PF_COUNT, v, errs);
	form_buttons(b, "Fase toevoegen", arena_printf(r->arena, "%s#fasen", back), "Annuleren");
	form_close(b);
	layout_end(b, NULL);
	return status;
}

/* Set the collaboration's current phase when the event dated `date` is the
 * newest of its history (see the file comment). */
static void follow_newest(const struct write_ctx *w, const struct collaboration *c,
			  const char *phase, const char *date)
{
	struct phase_event *ev = NULL;
	int n = 0;
	struct arena *a = arena_new();
	if (store_phases_of_collab(store_thread(), a, c->key, &ev, &n) != 0) {
		arena_free(a);
		return;
	}
	bool newest = true;
	for (int i = 0; i < n; i++)
		if (strcmp(ev[i].date, date) > 0)
			newest = false;
	arena_free(a);
	int want = label_from_api(phase_labels, PHASE_COUNT, phase);
	if (!newest || want < 0 || (int)c->phase == want)
		return;
	struct collab_input in = {.phase = phase};
	struct field_errors errs = {0};
	int64_t current = 0;
	int rc = store_collab_update(store_thread(), w, c->key, c->version, &in, &errs, &current);
	if (rc != 0)
		log_error("phases: setting the current phase of %s to %s failed (%d)", c->key,
			  phase, rc);
}

int page_phase_new(struct request *r)
{
	const struct collaboration *c;
	int st = edit_collab_or_respond(r, &c);
	if (st)
		return st;
	struct form_field f[PF_COUNT];
	phase_fields(r, f);
	const char *v[PF_COUNT];
	if (r->method & (HTTP_GET | HTTP_HEAD)) {
		char *today = arena_calloc(r->arena, 11, 1);
		today_iso(today);
		for (int i = 0; i < PF_COUNT; i++)
			v[i] = "";
		v[PF_DATE] = today;
		return phase_form_page(r, c, f, v, NULL, 200);
	}
	form_submitted(r, f, PF_COUNT, v);
	struct phase_input in = {.phase = v[PF_PHASE],
				 .process_phase = v[PF_PROCESS],
				 .date = v[PF_DATE],
				 .note = v[PF_NOTE]};
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	struct field_errors errs = {0};
	int64_t id = 0;
	int rc = store_phase_add(store_thread(), &w, c->key, &in, &id, &errs);
	if (rc == STORE_ERR_INVALID)
		return phase_form_page(r, c, f, v, &errs, 400);
	if (rc != 0)
		return edit_store_failure(r, rc);
	follow_newest(&w, c, v[PF_PHASE], v[PF_DATE]);
	app_after_write();
	return respond_redirect(r, edit_collab_href(r, c->key, "?melding=opgeslagen#fasen"));
}
