/*
 * mine — /mijn-organisatie: the records a signed-in partner keeps current,
 * oldest confirmation first, those confirmed more than 12 months ago marked
 * "Verouderd", each with "Bevestig dat dit klopt" where the user may edit
 * it. A partner editor sees their organisation, its active participations
 * and the collaborations it is penvoerder or centrumgemeente of; programme
 * staff and the other roles see every current record. Reads only the
 * snapshot; the buttons post to the confirm routes (edit_*.c).
 */
#include "auth_ui.h"
#include "corrections.h"
#include "edit.h"
#include "forms.h"
#include "pages.h"
#include "../app/policy.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdlib.h>
#include <string.h>

enum rec_kind { RK_ORG, RK_COLLAB, RK_PART };

struct mine_rec {
	enum rec_kind kind;
	int index; /* into orgs / collabs / parts */
	const char *confirmed, *by, *name;
};

static int cmp_rec(const void *a, const void *b)
{
	const struct mine_rec *x = a, *y = b;
	int c = strcmp(x->confirmed, y->confirmed);
	if (c)
		return c;
	c = str_collate_nl(x->name, y->name);
	if (c)
		return c;
	return x->index - y->index;
}

int page_mine(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	bool scoped = r->user->role == USER_ROLE_EDITOR;
	int own = scoped && r->user->org_code[0] ? snapshot_find_org(s, r->user->org_code) : -1;

	int cap = s->n_orgs + s->n_collabs + s->n_parts + 1;
	struct mine_rec *recs = arena_calloc(r->arena, (size_t)cap, sizeof *recs);
	int n = 0;
	for (int i = 0; i < s->n_orgs; i++) {
		const struct organisation *o = &s->orgs[i];
		if (scoped ? i != own : (o->ended || !o->in_province))
			continue;
		recs[n++] = (struct mine_rec){RK_ORG, i, form_str(o->last_confirmed),
					      form_str(o->confirmed_by), o->name};
	}
	for (int i = 0; i < s->n_collabs; i++) {
		const struct collaboration *c = &s->collabs[i];
		if (!c->active)
			continue;
		if (scoped && (own < 0 || !policy_may_edit_collab(r->user, r->snap, i)))
			continue;
		recs[n++] = (struct mine_rec){RK_COLLAB, i, form_str(c->last_confirmed),
					      form_str(c->confirmed_by), c->name};
	}
	for (int i = 0; i < s->n_parts; i++) {
		const struct participation *p = &s->parts[i];
		if (!p->active || !s->collabs[p->collaboration].active)
			continue;
		if (scoped && p->organisation != own)
			continue;
		recs[n++] =
		    (struct mine_rec){RK_PART, i, form_str(p->last_confirmed),
				      form_str(p->confirmed_by), s->collabs[p->collaboration].name};
	}
	qsort(recs, (size_t)n, sizeof *recs, cmp_rec);
	char today[11];
	today_iso(today);
	int n_stale = 0;
	for (int i = 0; i < n; i++)
		n_stale += form_is_stale(recs[i].confirmed, today);

	const char *heading =
	    own >= 0 ? arena_printf(r->arena, "Mijn organisatie: %s", s->orgs[own].name)
	    : scoped ? "Mijn organisatie"
		     : "Actualiteit van alle gegevens";
	const struct page_head h = {.title = "Mijn organisatie",
				    .nav = policy_has_work_list(r->user) ? NAV_MINE : NAV_ADMIN,
				    .nav_exact = policy_has_work_list(r->user)};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, heading);
	html_raw(b, "</h1>");
	form_flash(b, r);
	corrections_mine_flash(b, r);
	if (scoped && own < 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Uw account is niet aan een organisatie "
			    "gekoppeld. Vraag de beheerder om uw organisatie in te stellen.</p>");
		layout_end(b, NULL);
		return 200;
	}
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	html_raw(b, scoped ? "Dit zijn de gegevens die uw organisatie bijhoudt: de organisatie "
			     "zelf, haar deelnames en de samenwerkingsverbanden waarvan zij "
			     "penvoerder of centrumgemeente is. "
			   : "Dit zijn alle huidige gegevens in de atlas. ");
	html_raw(b, "Het langst niet bevestigde gegeven staat bovenaan. Gegevens die langer dan "
		    "12 maanden niet zijn bevestigd, zijn gemarkeerd als verouderd.</p>"
		    "<p class=\"utrecht-paragraph\"><strong>");
	html_int_nl(b, n_stale);
	html_raw(b, " van de ");
	html_int_nl(b, n);
	html_raw(b, "</strong> gegevens zijn verouderd.");
	if (scoped)
		html_raw(b, " <a class=\"utrecht-link utrecht-link--html-a\" "
			    "href=\"/samenwerkingsverbanden/nieuw\">Nieuw samenwerkingsverband "
			    "toevoegen</a>");
	html_raw(b, "</p>");
	if (own >= 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">");
		struct buf hist = BUF_INIT;
		buf_puts(&hist, "/organisaties/");
		url_seg(&hist, s->orgs[own].code);
		buf_puts(&hist, "/geschiedenis");
		if (hist.data && !hist.err)
			comp_link(b, hist.data, "Wijzigingen in de gegevens van uw organisatie");
		buf_free(&hist);
		html_raw(b, "</p>");
	}
	corrections_mine_links(b, r);

	static const struct comp_col cols[] = {{"Gegeven", false},	    {"Soort", false},
					       {"Laatst bevestigd", false}, {"Door", false},
					       {"Status", false},	    {"Actie", false}};
	comp_table_open(b, "Gegevens, het langst niet bevestigde eerst", cols, 6);
	for (int i = 0; i < n; i++) {
		const struct mine_rec *m = &recs[i];
		bool stale = form_is_stale(m->confirmed, today);
		const char *kind = NULL, *href = NULL, *action = NULL, *what = NULL;
		const char *meetings = NULL; /* where to record the AB's meeting dates */
		int64_t version = 0;
		bool may = false;
		struct buf u = BUF_INIT, a = BUF_INIT;
		if (m->kind == RK_ORG) {
			const struct organisation *o = &s->orgs[m->index];
			kind = "Organisatie";
			buf_puts(&u, "/organisaties/");
			url_seg(&u, o->code);
			buf_puts(&a, u.data);
			buf_puts(&a, "/bevestigen");
			version = o->version;
			may = policy_may_edit_org(r->user, r->snap, m->index);
			what = o->name;
		} else if (m->kind == RK_COLLAB) {
			const struct collaboration *c = &s->collabs[m->index];
			kind = "Samenwerkingsverband";
			buf_puts(&u, "/samenwerkingsverbanden/");
			url_seg(&u, c->key);
			buf_puts(&a, u.data);
			buf_puts(&a, "/bevestigen");
			version = c->version;
			may = policy_may_edit_collab(r->user, r->snap, m->index);
			what = c->name;
			if (may)
				meetings = arena_printf(r->arena, "%s/ab-vergaderingen", u.data);
		} else {
			const struct participation *p = &s->parts[m->index];
			const struct collaboration *c = &s->collabs[p->collaboration];
			kind = "Deelname";
			buf_puts(&u, "/samenwerkingsverbanden/");
			url_seg(&u, c->key);
			buf_puts(&a, u.data);
			buf_printf(&a, "/deelnemers/%lld/bevestigen", (long long)p->id);
			version = p->version;
			may = policy_may_edit_part(r->user, r->snap, m->index);
			what = arena_printf(r->arena, "Deelname van %s aan %s",
					    s->orgs[p->organisation].name, c->name);
		}
		href = arena_strdup(r->arena, u.data);
		action = arena_strdup(r->arena, a.data);
		buf_free(&u);
		buf_free(&a);
		comp_row_open(b);
		comp_th_open(b);
		comp_link(b, href, m->kind == RK_PART ? what : m->name);
		comp_th_close(b);
		comp_td_text(b, kind, NULL);
		comp_td_date(b, m->confirmed, "Onbekend");
		comp_td_open(b, false);
		form_actor(b, m->by);
		comp_td_close(b);
		comp_td_open(b, false);
		if (stale)
			comp_badge(b, BADGE_WARNING, "Verouderd");
		else
			comp_badge(b, BADGE_ACTIVE, "Actueel");
		comp_td_close(b);
		comp_td_open(b, false);
		if (may)
			form_confirm_button(b, r, action, version, what, "/mijn-organisatie");
		corrections_mine_actions(b, r, "ocp"[m->kind], m -> index);
		if (meetings) {
			html_raw(b, "<a class=\"utrecht-link utrecht-link--html-a\" href=\"");
			html_attr(b, meetings);
			html_raw(b,
				 "\">Vergaderdata AB<span class=\"atlas-visually-hidden\"> van ");
			html_text(b, what);
			html_raw(b, "</span></a>");
		}
		comp_td_close(b);
		comp_row_close(b);
	}
	comp_table_close(b);
	layout_end(b, NULL);
	return 200;
}
