/*
 * roles — role perspectives: the section "Rollen van de partijen"
 * on a collaboration page (quadrant diagram with a table alternative, the
 * history per party with role changes marked), the assessment form per
 * participation and /analyse/rolwisselingen. See roles.h. Assessments come
 * from the store per request (not in the snapshot); the rules for the
 * dominant perspective and role changes are domain/people.c.
 */
#include "auth_ui.h"
#include "edit.h"
#include "forms.h"
#include "roles.h"
#include "../app/accounts.h"
#include "../app/policy.h"
#include "../domain/labels.h"
#include "../domain/people.h"
#include "../app/readmodel.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/assets.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"
#include "../render/quadrant.h"
#include "../store/store_people.h"

#include <stdlib.h>
#include <string.h>

/* Short names in the diagram (the seed's terms, capitalised). */
static const char *const short_names[PERSP_COUNT] = {"Rechtmatig", "Presterend", "Samenwerkend",
						     "Responsief"};
/* What each perspective puts first, in a few words under its name in the
 * diagram (so the diagram reads without the explanation next to it). */
static const char *const short_hints[PERSP_COUNT] = {
    "regels en zorgvuldigheid", "resultaten en doelmatigheid", "samen met partners",
    "ruimte voor de samenleving"};

const char *roles_term(int perspective)
{
	if (perspective < 0 || perspective >= PERSP_COUNT)
		return "geen";
	return perspective_labels[perspective].api;
}

struct ranked {
	const struct role_assessment *a;
	int group; /* order of first appearance of its participation */
};

static int cmp_ranked(const void *x, const void *y)
{
	const struct ranked *a = x, *b = y;
	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	int c = strcmp(a->a->date, b->a->date);
	if (c)
		return c;
	return a->a->id < b->a->id ? -1 : a->a->id > b->a->id;
}

/* The assessments sorted into groups per participation (arena array). */
static struct ranked *sort_assessments(struct request *r, const struct role_assessment *as, int n,
				       int *n_groups)
{
	struct ranked *rk = arena_calloc(r->arena, (size_t)n + 1, sizeof *rk);
	int64_t *seen = arena_calloc(r->arena, (size_t)n + 1, sizeof *seen);
	int ng = 0;
	for (int i = 0; i < n; i++) {
		int g = -1;
		for (int k = 0; k < ng && g < 0; k++)
			if (seen[k] == as[i].participation_id)
				g = k;
		if (g < 0) {
			g = ng;
			seen[ng++] = as[i].participation_id;
		}
		rk[i] = (struct ranked){&as[i], g};
	}
	qsort(rk, (size_t)n, sizeof *rk, cmp_ranked);
	*n_groups = ng;
	return rk;
}

static void scores_line(struct buf *b, const int scores[PERSP_COUNT])
{
	for (int k = 0; k < PERSP_COUNT; k++) {
		if (k)
			html_raw(b, ", ");
		html_text(b, perspective_labels[k].api);
		html_rawf(b, " %d", scores[k]);
	}
}

static void dominant_text(struct buf *b, const int scores[PERSP_COUNT])
{
	int d = perspective_dominant(scores);
	if (d < 0)
		html_raw(b, "<span class=\"atlas-muted\">Geen (gelijke hoogste scores)</span>");
	else
		html_text(b, perspective_labels[d].label);
}

/* The explanation of the four perspectives and of the positioning. */
static void perspectives_explained(struct buf *b)
{
	html_raw(b, "<details class=\"atlas-details\"><summary>Wat betekenen de vier "
		    "perspectieven?</summary><dl class=\"atlas-perspectives\">");
	for (int k = 0; k < PERSP_COUNT; k++) {
		html_raw(b, "<dt>");
		html_text(b, perspective_labels[k].label);
		html_raw(b, " (");
		html_text(b, perspective_labels[k].api);
		html_raw(b, ")</dt><dd>");
		html_text(b, perspective_explanations[k]);
		html_raw(b, "</dd>");
	}
	html_raw(b, "</dl></details>");
}

void roles_collab_section(struct buf *b, struct request *r, int ci)
{
	const struct snapshot *s = r->snap;
	const struct collaboration *c = &s->collabs[ci];
	html_raw(b, "<section aria-labelledby=\"rollen\"><link rel=\"stylesheet\" href=\"");
	html_attr(b, assets_url("css/roles.css"));
	html_raw(b, "\"><h2 class=\"utrecht-heading-2\" id=\"rollen\">Rollen van de partijen</h2>");
	html_raw(b, "<p class=\"utrecht-paragraph\">Welke rol neemt elke partij in deze "
		    "samenwerking in? Redacteuren beoordelen per deelnemer de vier "
		    "overheidsperspectieven uit het model van Van der Steen (NSOB) met een score "
		    "van 1 (past niet) tot 5 (past sterk). Het perspectief met de hoogste score is "
		    "het dominante; verandert dat tussen twee beoordelingen, dan is er sprake van "
		    "een rolwisseling.</p>");
	perspectives_explained(b);

	struct role_assessment *as = NULL;
	int n = 0;
	if (store_assessments_of_collab(store_thread(), r->arena, c->key, &as, &n) != 0) {
		log_error("roles: reading assessments of %s failed", c->key);
		html_raw(b, "<p class=\"utrecht-paragraph\">De rolbeoordelingen konden nu niet "
			    "worden gelezen.</p></section>");
		return;
	}

	/* editors: one link per participation they may assess */
	bool any_link = false;
	for (int k = 0; r->user && k < c->n_parts; k++) {
		const struct participation *p = &s->parts[c->parts[k]];
		if (!p->active || !policy_may_edit_part(r->user, r->snap, c->parts[k]))
			continue;
		if (!any_link)
			html_raw(b, "<p class=\"utrecht-paragraph\">Rol beoordelen van:</p>"
				    "<ul class=\"utrecht-unordered-list atlas-role-links\">");
		any_link = true;
		html_raw(b, "<li class=\"utrecht-unordered-list__item\">");
		comp_link(b,
			  edit_collab_href(
			      r, c->key,
			      arena_printf(r->arena, "/deelnemers/%lld/rol", (long long)p->id)),
			  s->orgs[p->organisation].name);
		html_raw(b, "</li>");
	}
	if (any_link)
		html_raw(b, "</ul>");

	if (n == 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Er zijn nog geen rolbeoordelingen "
			    "vastgelegd voor dit samenwerkingsverband.");
		if (!r->user)
			html_raw(b, " Redacteuren van de deelnemers en het programmateam kunnen ze "
				    "na inloggen toevoegen.");
		html_raw(b, "</p></section>");
		return;
	}

	int ng = 0;
	struct ranked *rk = sort_assessments(r, as, n, &ng);
	/* the latest assessment per group: the last of each run */
	struct quadrant_point *pts = arena_calloc(r->arena, (size_t)ng + 1, sizeof *pts);
	const struct role_assessment **latest =
	    arena_calloc(r->arena, (size_t)ng + 1, sizeof *latest);
	for (int i = 0; i < n; i++)
		latest[rk[i].group] = rk[i].a;
	for (int g = 0; g < ng; g++) {
		pts[g].label = latest[g]->org_name[0] ? latest[g]->org_name : latest[g]->org_code;
		for (int k = 0; k < PERSP_COUNT; k++)
			pts[g].scores[k] = latest[g]->scores[k];
	}

	html_raw(b, "<p class=\"utrecht-paragraph\"><strong>Zo leest u het diagram:</strong> elke "
		    "genummerde stip is een partij, met haar laatste beoordeling. Staat de stip "
		    "ver in een vlak, dan kiest die partij duidelijk voor die rol; dicht bij het "
		    "midden heeft ze geen uitgesproken rol. De tabel onder het diagram bevat "
		    "dezelfde gegevens met de nummers.</p>"
		    "<details class=\"atlas-details\"><summary>Hoe wordt de plaats "
		    "berekend?</summary><p class=\"utrecht-paragraph\">Horizontaal: (presterend + "
		    "samenwerkend) min (rechtmatig + responsief); verticaal: (rechtmatig + "
		    "presterend) min (samenwerkend + responsief); beide gedeeld door 8. Gelijke "
		    "scores geven het midden.</p></details>");
	struct quadrant q = {.id = "rollen-kwadrant",
			     .title =
				 arena_printf(r->arena, "Rollen van de partijen in %s", c->name),
			     .points = pts,
			     .n = ng};
	for (int k = 0; k < PERSP_COUNT; k++) {
		q.names[k] = short_names[k];
		q.hints[k] = short_hints[k];
	}
	html_raw(b, "<figure class=\"atlas-quadrant-figure\">");
	quadrant_svg(b, &q);
	html_raw(b, "</figure>");

	static const struct comp_col cols[] = {{"Nr.", true},
					       {"Organisatie", false},
					       {"Rechtmatig", true},
					       {"Presterend", true},
					       {"Samenwerkend", true},
					       {"Responsief", true},
					       {"Dominant perspectief", false},
					       {"Datum", false}};
	comp_table_open(
	    b, arena_printf(r->arena, "Laatste rolbeoordeling per partij in %s", c->name), cols, 8);
	for (int g = 0; g < ng; g++) {
		const struct role_assessment *a = latest[g];
		comp_row_open(b);
		comp_td_int(b, g + 1);
		comp_th_open(b);
		comp_link_seg(b, "/organisaties", a->org_code, pts[g].label);
		comp_th_close(b);
		for (int k = 0; k < PERSP_COUNT; k++)
			comp_td_int(b, a->scores[k]);
		comp_td_open(b, false);
		dominant_text(b, a->scores);
		comp_td_close(b);
		comp_td_date(b, a->date, "Onbekend");
		comp_row_close(b);
	}
	comp_table_close(b);

	/* history per party, role changes marked */
	html_raw(b, "<h3 class=\"utrecht-heading-3\" id=\"rollen-verloop\">Verloop per "
		    "partij</h3>");
	int i = 0;
	for (int g = 0; g < ng; g++) {
		html_raw(b, "<h4 class=\"utrecht-heading-4\">");
		html_text(b, pts[g].label);
		html_raw(b, "</h4><ol class=\"utrecht-ordered-list atlas-role-history\">");
		const struct role_assessment *prev = NULL;
		for (; i < n && rk[i].group == g; i++) {
			const struct role_assessment *a = rk[i].a;
			html_raw(b, "<li class=\"utrecht-ordered-list__item\">");
			if (prev && perspective_changed(prev->scores, a->scores)) {
				html_raw(b,
					 "<strong class=\"atlas-role-change\">Rolwisseling: van ");
				html_text(b, roles_term(perspective_dominant(prev->scores)));
				html_raw(b, " naar ");
				html_text(b, roles_term(perspective_dominant(a->scores)));
				html_raw(b, " per ");
				html_date_nl(b, a->date);
				html_raw(b, "</strong><br>");
			}
			html_date_nl(b, a->date);
			html_raw(b, ": ");
			scores_line(b, a->scores);
			html_raw(b, ". Dominant: ");
			dominant_text(b, a->scores);
			html_raw(b, ".");
			if (a->note[0]) {
				html_raw(b, "<br><span class=\"atlas-muted\">Toelichting: ");
				html_text(b, a->note);
				html_raw(b, "</span>");
			}
			html_raw(b, "</li>");
			prev = a;
		}
		html_raw(b, "</ol>");
	}
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	comp_link(b, "/analyse/rolwisselingen", "Alle recente rolwisselingen in de atlas");
	html_raw(b, "</p></section>");
}

/* ---- the assessment form ------------------------------------------------------ */

enum { RF_DATE, RF_S0, RF_NOTE = RF_S0 + PERSP_COUNT, RF_COUNT };

static const struct comp_option score_opts[] = {
    {"", "Kies een score"}, {"1", "1 – past niet"}, {"2", "2"}, {"3", "3"}, {"4", "4"},
    {"5", "5 – past sterk"}};

static void role_fields(struct request *r, struct form_field f[RF_COUNT])
{
	memset(f, 0, sizeof(struct form_field) * RF_COUNT);
	f[RF_DATE] = (struct form_field){"datum", "Datum van de beoordeling",
					 FK_DATE, 10,
					 true,	  "Als jjjj-mm-dd, bijvoorbeeld 2026-03-01.",
					 NULL,	  0};
	for (int k = 0; k < PERSP_COUNT; k++)
		f[RF_S0 + k] = (struct form_field){
		    perspective_labels[k].api,
		    arena_printf(r->arena, "%s (%s)", short_names[k], perspective_labels[k].label),
		    FK_SELECT,
		    0,
		    true,
		    perspective_explanations[k],
		    score_opts,
		    (int)(sizeof score_opts / sizeof score_opts[0])};
	f[RF_NOTE] =
	    (struct form_field){"toelichting", "Toelichting",
				FK_TEXTAREA,   1000,
				false,	       "Waarom deze scores? Ten hoogste 1000 tekens.",
				NULL,	       0};
}

static int role_form_page(struct request *r, const struct collaboration *c,
			  const struct participation *p, const struct form_field f[RF_COUNT],
			  const char *const v[RF_COUNT], const struct field_errors *errs,
			  int status)
{
	struct buf *b = &r->out;
	buf_reset(b);
	const struct organisation *o = &r->snap->orgs[p->organisation];
	bool bad = errs && errs->n > 0;
	const char *back = edit_collab_href(r, c->key, "");
	const struct crumb crumbs[] = {{"Samenwerkingsverbanden", "/samenwerkingsverbanden"},
				       {c->name, back},
				       {"Rol beoordelen", NULL}};
	const struct page_head h = {.title = arena_printf(r->arena, "%sRol van %s in %s",
							  bad ? "Fout: " : "", o->name, c->name),
				    .nav = NAV_COLLABS,
				    .crumbs = crumbs,
				    .n_crumbs = 3};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Rol van ");
	html_text(b, o->name);
	html_raw(b, " in ");
	html_text(b, c->name);
	html_raw(b, "</h1>");
	form_error_summary(b, errs, f, RF_COUNT);
	html_raw(b,
		 "<p class=\"utrecht-paragraph\">Geef voor elk van de vier "
		 "overheidsperspectieven (Van der Steen, NSOB) aan hoe sterk het past bij de rol "
		 "die deze partij nu in de samenwerking inneemt: 1 past niet, 5 past sterk. Het "
		 "perspectief met de hoogste score is het dominante; bij gelijke hoogste scores "
		 "is er geen dominant perspectief. Een eerdere beoordeling blijft bewaard, zodat "
		 "het verloop zichtbaar is.</p>");
	form_open(b, r,
		  edit_collab_href(
		      r, c->key, arena_printf(r->arena, "/deelnemers/%lld/rol", (long long)p->id)));
	form_field(b, &f[RF_DATE], v[RF_DATE], errs);
	html_raw(b, "<fieldset class=\"utrecht-form-fieldset atlas-fieldset\"><legend "
		    "class=\"utrecht-form-fieldset__legend\">Scores per perspectief</legend>");
	for (int k = 0; k < PERSP_COUNT; k++)
		form_field(b, &f[RF_S0 + k], v[RF_S0 + k], errs);
	html_raw(b, "</fieldset>");
	form_field(b, &f[RF_NOTE], v[RF_NOTE], errs);
	form_buttons(b, "Beoordeling opslaan", arena_printf(r->arena, "%s#rollen", back),
		     "Annuleren");
	form_close(b);
	layout_end(b, NULL);
	return status;
}

int page_role_assess(struct request *r)
{
	int ci = snapshot_find_collab(r->snap, r->path_args[0]);
	int pi = snapshot_find_part(r->snap, ci, r->path_args[1]);
	if (ci < 0 || pi < 0)
		return respond_not_found(r);
	if (!policy_may_edit_part(r->user, r->snap, pi))
		return edit_forbidden(r);
	const struct collaboration *c = &r->snap->collabs[ci];
	const struct participation *p = &r->snap->parts[pi];
	struct form_field f[RF_COUNT];
	role_fields(r, f);
	const char *v[RF_COUNT];
	if (r->method & (HTTP_GET | HTTP_HEAD)) {
		char *today = arena_calloc(r->arena, 11, 1);
		today_iso(today);
		for (int i = 0; i < RF_COUNT; i++)
			v[i] = "";
		v[RF_DATE] = today;
		return role_form_page(r, c, p, f, v, NULL, 200);
	}
	form_submitted(r, f, RF_COUNT, v);
	struct assessment_input in = {.date = v[RF_DATE], .note = v[RF_NOTE]};
	for (int k = 0; k < PERSP_COUNT; k++)
		in.scores[k] = v[RF_S0 + k];
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	struct field_errors errs = {0};
	int64_t id = 0;
	int rc = store_assessment_add(store_thread(), &w, p->id, &in, &id, &errs);
	if (rc == STORE_ERR_INVALID)
		return role_form_page(r, c, p, f, v, &errs, 400);
	return edit_write_done(r, rc, edit_collab_href(r, c->key, "?melding=opgeslagen#rollen"));
}

/* ---- /analyse/rolwisselingen ----------------------------------------------------- */

struct role_change {
	const struct role_assessment *before, *after;
};

static int cmp_change(const void *x, const void *y)
{
	const struct role_change *a = x, *b = y;
	int c = strcmp(b->after->date, a->after->date); /* newest first */
	if (c)
		return c;
	return b->after->id < a->after->id ? -1 : b->after->id > a->after->id;
}

int page_role_changes(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	struct role_assessment *as = NULL;
	int n = 0;
	if (store_assessments_all(store_thread(), r->arena, &as, &n) != 0)
		return edit_store_failure(r, -1);
	r->etag = s->etag;

	/* consecutive assessments of one participation (by date) */
	int ng = 0;
	struct ranked *rk = sort_assessments(r, as, n, &ng);
	struct role_change *ch = arena_calloc(r->arena, (size_t)n + 1, sizeof *ch);
	int nc = 0;
	for (int i = 1; i < n; i++)
		if (rk[i].group == rk[i - 1].group &&
		    perspective_changed(rk[i - 1].a->scores, rk[i].a->scores))
			ch[nc++] = (struct role_change){rk[i - 1].a, rk[i].a};
	qsort(ch, (size_t)nc, sizeof *ch, cmp_change);

	const struct crumb crumbs[] = {{"Rolwisselingen", NULL}};
	const struct page_head h = {
	    .title = "Rolwisselingen", .nav = NAV_ANALYSIS, .crumbs = crumbs, .n_crumbs = 1};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b,
		 "<h1 class=\"utrecht-heading-1\">Rolwisselingen</h1>"
		 "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Wanneer verandert de rol "
		 "die een partij in een samenwerkingsverband inneemt? Een rolwisseling is een "
		 "nieuwe rolbeoordeling waarin een ander perspectief dominant is dan in de "
		 "vorige beoordeling van dezelfde deelname. Een beoordeling zonder dominant "
		 "perspectief (gelijke hoogste scores) telt niet als wisseling.</p>");
	perspectives_explained(b);
	if (nc == 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Er zijn nog geen rolwisselingen "
			    "vastgelegd.");
		html_raw(b, n == 0 ? " Er zijn ook nog geen rolbeoordelingen: redacteuren voegen "
				     "ze toe op de pagina van een samenwerkingsverband, onder "
				     "„Rollen van de partijen”."
				   : " Voor een rolwisseling zijn minstens twee beoordelingen van "
				     "dezelfde deelname nodig.");
		html_raw(b, "</p>");
	} else {
		html_raw(b, "<p class=\"utrecht-paragraph\">");
		html_int_nl(b, nc);
		html_raw(b, nc == 1 ? " rolwisseling" : " rolwisselingen");
		html_raw(b, ", de nieuwste eerst.</p>");
		static const struct comp_col cols[] = {{"Datum", false},
						       {"Samenwerkingsverband", false},
						       {"Organisatie", false},
						       {"Van", false},
						       {"Naar", false}};
		comp_table_open(b, "Rolwisselingen, nieuwste eerst", cols, 5);
		for (int i = 0; i < nc; i++) {
			const struct role_assessment *a = ch[i].after;
			int ci = snapshot_find_collab(s, a->collab_key);
			comp_row_open(b);
			comp_td_date(b, a->date, "Onbekend");
			comp_th_open(b);
			if (ci >= 0)
				comp_link(b, edit_collab_href(r, a->collab_key, "#rollen"),
					  s->collabs[ci].name);
			else
				html_text(b, a->collab_key);
			comp_th_close(b);
			comp_td_open(b, false);
			comp_link_seg(b, "/organisaties", a->org_code,
				      a->org_name[0] ? a->org_name : a->org_code);
			comp_td_close(b);
			comp_td_text(b, roles_term(perspective_dominant(ch[i].before->scores)),
				     NULL);
			comp_td_text(b, roles_term(perspective_dominant(a->scores)), NULL);
			comp_row_close(b);
		}
		comp_table_close(b);
	}
	layout_end(b, s->stats.newest_confirmed);
	return 200;
}
