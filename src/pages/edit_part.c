/*
 * edit_part — the web forms for participations: add a participant
 * (/samenwerkingsverbanden/{id}/deelnemers/nieuw), edit one (role, body,
 * contribution, cost share, dates: .../{deelname}/bewerken), end it on a
 * date (.../beeindigen) and confirm it (.../bevestigen). Reads the
 * snapshot, writes only through store_write.h.
 */
#include "auth_ui.h"
#include "edit.h"
#include "forms.h"
#include "../app/accounts.h"
#include "../app/policy.h"
#include "../domain/amount.h"
#include "../domain/labels.h"
#include "../app/readmodel.h"
#include "../lib/text.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdio.h>
#include <string.h>

enum { PF_ORG, PF_BODY, PF_ROLE, PF_SHARE, PF_CONTRIB, PF_JOINED, PF_LEFT, PF_NOTE, PF_COUNT };

static const struct form_field end_field = {
    "uittreding", "Datum van uittreding",
    FK_DATE,	  10,
    true,	  "Als jjjj-mm-dd, bijvoorbeeld 2025-12-31.",
    NULL,	  0};

/* The fields; the organisation choice lists every existing organisation, or
 * only the editor's own when all_orgs is false. */
static void part_fields(struct request *r, struct form_field f[PF_COUNT], bool all_orgs)
{
	const struct snapshot *s = r->snap;
	int n;
	struct comp_option *orgs = arena_calloc(r->arena, (size_t)s->n_orgs + 1, sizeof *orgs);
	int k = 0;
	orgs[k++] = (struct comp_option){"", "Kies een organisatie"};
	for (int i = 0; i < s->n_orgs; i++) {
		if (s->orgs[i].ended)
			continue;
		if (!all_orgs && !policy_may_edit_org(r->user, r->snap, i))
			continue;
		orgs[k++] = (struct comp_option){s->orgs[i].code, s->orgs[i].name};
	}
	f[PF_ORG] =
	    (struct form_field){"organisatie", "Organisatie", FK_SELECT, 0, true, NULL, orgs, k};
	const struct comp_option *o = form_label_opts(r->arena, body_labels, BODY_COUNT, NULL, &n);
	f[PF_BODY] =
	    (struct form_field){"orgaan",  "Deelnemend orgaan",
				FK_SELECT, 0,
				false,	   "Raad, college of burgemeester (of algemeen bestuur).",
				o,	   n};
	o = form_label_opts(r->arena, role_labels, ROLE_COUNT, NULL, &n);
	f[PF_ROLE] = (struct form_field){"rol", "Rol", FK_SELECT, 0, true, NULL, o, n};
	f[PF_SHARE] =
	    (struct form_field){"kostenverdeelsleutel",
				"Kostenverdeelsleutel",
				FK_NUMBER,
				20,
				false,
				"Aandeel in de kosten als getal tussen 0 en 1, bijvoorbeeld "
				"0,25. Leeg als onbekend.",
				NULL,
				0};
	f[PF_CONTRIB] = (struct form_field){
	    "bijdrage",
	    "Bijdrage per jaar (euro)",
	    FK_NUMBER,
	    15,
	    false,
	    "In hele euro's, zoals u het gewend bent: 12500, 12.500 of € 12.500,-. "
	    "Leeg als onbekend.",
	    NULL,
	    0};
	f[PF_JOINED] =
	    (struct form_field){"toegetreden", "Toegetreden",
				FK_DATE,       10,
				false,	       "Als jjjj-mm-dd, bijvoorbeeld 2025-01-01.",
				NULL,	       0};
	f[PF_LEFT] = (struct form_field){
	    "uitgetreden", "Uitgetreden",
	    FK_DATE,	   10,
	    false,	   "Als jjjj-mm-dd. Leeg zolang de organisatie deelneemt.",
	    NULL,	   0};
	f[PF_NOTE] = (struct form_field){"opmerking", "Opmerking",
					 FK_TEXTAREA, 1000,
					 false,	      "Ten hoogste 1000 tekens.",
					 NULL,	      0};
}

static void part_stored(struct request *r, const struct participation *p, const char *v[PF_COUNT])
{
	const struct snapshot *s = r->snap;
	v[PF_ORG] = s->orgs[p->organisation].code;
	v[PF_BODY] = body_labels[p->body].api;
	v[PF_ROLE] = role_labels[p->role].api;
	if (p->cost_share >= 0) {
		char *t = arena_printf(r->arena, "%.6g", p->cost_share);
		for (char *q = t; *q; q++)
			if (*q == '.')
				*q = ',';
		v[PF_SHARE] = t;
	} else {
		v[PF_SHARE] = "";
	}
	if (p->contribution >= 0) {
		char t[40];
		v[PF_CONTRIB] = arena_strdup(
		    r->arena, amount_format_nl((int64_t)p->contribution * 100, t, sizeof t, 0));
	} else {
		v[PF_CONTRIB] = "";
	}
	v[PF_JOINED] = p->joined;
	v[PF_LEFT] = p->left;
	v[PF_NOTE] = p->note;
}

static void part_submitted(struct request *r, const struct form_field f[PF_COUNT],
			   const char *v[PF_COUNT], bool with_org)
{
	form_submitted(r, f, PF_COUNT, v);
	if (!with_org)
		v[PF_ORG] = NULL;
}

/* The form's values as store input. The bijdrage is read as people type it
 * (domain/amount.h) and passed on as whole euros; what cannot be read is
 * passed as typed, so the store's validation names the problem. */
static void part_input_from(struct request *r, const char *const v[PF_COUNT], struct part_input *in)
{
	memset(in, 0, sizeof *in);
	in->org_code = v[PF_ORG];
	in->body = v[PF_BODY];
	in->role = v[PF_ROLE];
	in->cost_share = v[PF_SHARE];
	char whole[32];
	in->contribution = amount_whole_euros(v[PF_CONTRIB], whole, sizeof whole, NULL) == AMOUNT_OK
			       ? arena_strdup(r->arena, whole)
			       : v[PF_CONTRIB];
	in->joined = v[PF_JOINED];
	in->left = v[PF_LEFT];
	in->note = v[PF_NOTE];
}

static const char *href(struct request *r, const char *key, long long pid, const char *suffix)
{
	struct buf u = BUF_INIT;
	buf_puts(&u, "/samenwerkingsverbanden/");
	url_seg(&u, key);
	if (pid > 0)
		buf_printf(&u, "/deelnemers/%lld", pid);
	buf_puts(&u, suffix);
	const char *s = arena_strdup(r->arena, u.data);
	buf_free(&u);
	return s;
}

/* The create (pi < 0) or edit page; end_errs/end_value for the end form. */
static int part_form_page(struct request *r, int ci, int pi, const struct form_field f[PF_COUNT],
			  const char *const v[PF_COUNT], int64_t version,
			  const struct field_errors *errs, const char *end_value,
			  const struct field_errors *end_errs, int status)
{
	const struct snapshot *s = r->snap;
	const struct collaboration *c = &s->collabs[ci];
	const struct participation *p = pi >= 0 ? &s->parts[pi] : NULL;
	struct buf *b = &r->out;
	buf_reset(b);
	bool bad = (errs && errs->n) || (end_errs && end_errs->n);
	const char *what = p ? arena_printf(r->arena, "Deelname van %s aan %s",
					    s->orgs[p->organisation].name, c->name)
			     : arena_printf(r->arena, "Deelnemer toevoegen aan %s", c->name);
	const char *back = href(r, c->key, 0, "");
	const struct crumb crumbs[] = {{"Samenwerkingsverbanden", "/samenwerkingsverbanden"},
				       {c->name, back},
				       {p ? "Deelname bewerken" : "Deelnemer toevoegen", NULL}};
	const struct page_head h = {.title = bad ? arena_printf(r->arena, "Fout: %s", what) : what,
				    .nav = NAV_COLLABS,
				    .crumbs = crumbs,
				    .n_crumbs = 3};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, what);
	html_raw(b, "</h1>");
	const struct form_field *ff = p ? f + 1 : f;
	const char *const *vv = p ? v + 1 : v;
	int n = p ? PF_COUNT - 1 : PF_COUNT;
	form_error_summary(b, errs, ff, n);
	form_error_summary(b, end_errs, &end_field, 1);
	form_open(b, r,
		  p ? href(r, c->key, (long long)p->id, "/bewerken")
		    : href(r, c->key, 0, "/deelnemers/nieuw"));
	if (p)
		form_version_field(b, version);
	form_fields(b, ff, n, vv, errs);
	form_buttons(b, p ? "Opslaan" : "Deelnemer toevoegen", back, "Annuleren");
	form_close(b);

	if (p && p->active) {
		html_raw(b, "<h2 class=\"utrecht-heading-2\">Deelname beëindigen</h2>"
			    "<p class=\"utrecht-paragraph\">De organisatie blijft als voormalige "
			    "deelnemer zichtbaar, met de datum van uittreding.</p>");
		form_open(b, r, href(r, c->key, (long long)p->id, "/beeindigen"));
		form_version_field(b, p->version);
		form_field(b, &end_field, end_value, end_errs);
		form_submit(b, "Deelname beëindigen", false);
		form_close(b);
	}
	layout_end(b, NULL);
	return status;
}

int page_part_new(struct request *r)
{
	int ci = snapshot_find_collab(r->snap, r->path_args[0]);
	if (ci < 0)
		return respond_not_found(r);
	bool all = policy_may_edit_collab(r->user, r->snap, ci);
	/* an editor may add their own organisation to any collaboration */
	if (!all && !(r->user && r->user->role == USER_ROLE_EDITOR && r->user->org_code[0] &&
		      snapshot_find_org(r->snap, r->user->org_code) >= 0))
		return edit_forbidden(r);
	const struct collaboration *c = &r->snap->collabs[ci];
	struct form_field f[PF_COUNT];
	part_fields(r, f, all);
	const char *v[PF_COUNT];
	if (r->method & (HTTP_GET | HTTP_HEAD)) {
		for (int i = 0; i < PF_COUNT; i++)
			v[i] = "";
		v[PF_BODY] = "onbekend";
		v[PF_ROLE] = "deelnemer";
		if (!all)
			v[PF_ORG] = r->user->org_code;
		return part_form_page(r, ci, -1, f, v, 0, NULL, NULL, NULL, 200);
	}
	part_submitted(r, f, v, true);
	int oi = snapshot_find_org(r->snap, v[PF_ORG]);
	if (!all && (oi < 0 || !policy_may_edit_org(r->user, r->snap, oi)))
		return edit_forbidden(r);
	struct part_input in;
	part_input_from(r, v, &in);
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	struct field_errors errs = {0};
	int64_t id = 0;
	int rc = store_part_create(store_thread(), &w, c->key, &in, &id, &errs);
	if (rc == STORE_ERR_INVALID)
		return part_form_page(r, ci, -1, f, v, 0, &errs, NULL, NULL, 400);
	return edit_write_done(r, rc, href(r, c->key, 0, "?melding=toegevoegd"));
}

/* Common start of the per-participation routes: find and authorise. */
static int find_part_or_respond(struct request *r, int *ci, int *pi)
{
	*ci = snapshot_find_collab(r->snap, r->path_args[0]);
	*pi = snapshot_find_part(r->snap, *ci, r->path_args[1]);
	if (*ci < 0 || *pi < 0)
		return respond_not_found(r);
	if (!policy_may_edit_part(r->user, r->snap, *pi))
		return edit_forbidden(r);
	return 0;
}

int page_part_edit(struct request *r)
{
	int ci, pi, st;
	if ((st = find_part_or_respond(r, &ci, &pi)))
		return st;
	const struct participation *p = &r->snap->parts[pi];
	struct form_field f[PF_COUNT];
	part_fields(r, f, true);
	const char *stored[PF_COUNT];
	part_stored(r, p, stored);
	char today[11];
	today_iso(today);
	if (r->method & (HTTP_GET | HTTP_HEAD))
		return part_form_page(r, ci, pi, f, stored, p->version, NULL, today, NULL, 200);
	int64_t version, current = 0;
	if (!form_version(r, &version))
		return edit_bad_version(r);
	const char *v[PF_COUNT];
	part_submitted(r, f, v, false);
	struct part_input in;
	part_input_from(r, v, &in);
	struct write_ctx w;
	char actor[80];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	struct field_errors errs = {0};
	int rc = store_part_update(store_thread(), &w, p->id, version, &in, &errs, &current);
	const struct collaboration *c = &r->snap->collabs[ci];
	if (rc == STORE_ERR_INVALID) {
		v[PF_ORG] = stored[PF_ORG];
		return part_form_page(r, ci, pi, f, v, version, &errs, today, NULL, 400);
	}
	if (rc == STORE_ERR_CONFLICT) {
		const char *name = arena_printf(r->arena, "De deelname van %s",
						r->snap->orgs[p->organisation].name);
		return edit_conflict_page(r, name, href(r, c->key, (long long)p->id, "/bewerken"),
					  href(r, c->key, 0, ""), f + 1, PF_COUNT - 1, v + 1,
					  stored + 1);
	}
	return edit_write_done(r, rc, href(r, c->key, 0, "?melding=opgeslagen"));
}

int page_part_end(struct request *r)
{
	int ci, pi, st;
	if ((st = find_part_or_respond(r, &ci, &pi)))
		return st;
	const struct participation *p = &r->snap->parts[pi];
	const struct collaboration *c = &r->snap->collabs[ci];
	int64_t version, current = 0;
	if (!form_version(r, &version))
		return edit_bad_version(r);
	const char *left = form_str(req_form(r, end_field.name));
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	struct field_errors errs = {0};
	int rc = store_part_end(store_thread(), &w, p->id, version, left, &errs, &current);
	if (rc == STORE_ERR_INVALID) {
		/* the store names the date "uitgetreden"; here it is the end form's field */
		for (int i = 0; i < errs.n; i++)
			if (strcmp(errs.e[i].field, "uitgetreden") == 0)
				snprintf(errs.e[i].field, sizeof errs.e[i].field, "%s",
					 end_field.name);
		if (str_empty(left) && !form_error_for(&errs, end_field.name) &&
		    errs.n < FIELD_ERRORS_MAX) {
			snprintf(errs.e[errs.n].field, sizeof errs.e[0].field, "%s",
				 end_field.name);
			snprintf(errs.e[errs.n].message, sizeof errs.e[0].message,
				 "Vul de datum van uittreding in.");
			errs.n++;
		}
		struct form_field f[PF_COUNT];
		part_fields(r, f, true);
		const char *stored[PF_COUNT];
		part_stored(r, p, stored);
		return part_form_page(r, ci, pi, f, stored, p->version, NULL, left, &errs, 400);
	}
	if (rc == STORE_ERR_CONFLICT)
		return edit_conflict_simple(r,
					    arena_printf(r->arena, "De deelname van %s",
							 r->snap->orgs[p->organisation].name),
					    href(r, c->key, 0, ""));
	return edit_write_done(r, rc, href(r, c->key, 0, "?melding=beeindigd"));
}

int page_part_confirm(struct request *r)
{
	int ci, pi, st;
	if ((st = find_part_or_respond(r, &ci, &pi)))
		return st;
	const struct participation *p = &r->snap->parts[pi];
	const struct collaboration *c = &r->snap->collabs[ci];
	return edit_confirm(
	    r, "participation", arena_printf(r->arena, "%lld", (long long)p->id),
	    arena_printf(r->arena, "De deelname van %s", r->snap->orgs[p->organisation].name),
	    href(r, c->key, 0, ""));
}
