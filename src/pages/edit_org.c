/*
 * edit_org — the web form for an organisation's own data
 * (/organisaties/{code}/bewerken: name, population with its date, area,
 * note) and its confirmation (/organisaties/{code}/bevestigen). A partner
 * editor may edit only their own organisation (req_may_edit_org). Reads the
 * snapshot, writes only through store_write.h.
 */
#include "auth_ui.h"
#include "edit.h"
#include "forms.h"
#include "../app/accounts.h"
#include "../app/policy.h"
#include "../app/readmodel.h"
#include "../lib/text.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdio.h>
#include <string.h>

enum { OF_NAME, OF_POP, OF_POP_DATE, OF_AREA, OF_NOTE, OF_COUNT };

static const struct form_field org_fields[OF_COUNT] = {
    [OF_NAME] = {"naam", "Naam", FK_TEXT, 200, true, NULL, NULL, 0},
    [OF_POP] = {"inwoners", "Inwoners", FK_NUMBER, 12, false,
		"Een heel getal, zonder punten. Leeg als onbekend.", NULL, 0},
    [OF_POP_DATE] = {"peildatumInwoners", "Peildatum inwoners", FK_DATE, 10, false,
		     "Als jjjj-mm-dd, bijvoorbeeld 2025-01-01.", NULL, 0},
    [OF_AREA] = {"oppervlakte", "Oppervlakte (km²)", FK_NUMBER, 20, false,
		 "Bijvoorbeeld 46,13. Leeg als onbekend.", NULL, 0},
    [OF_NOTE] = {"opmerking", "Opmerking", FK_TEXTAREA, 1000, false, "Ten hoogste 1000 tekens.",
		 NULL, 0},
};

static void org_stored(struct request *r, const struct organisation *o, const char *v[OF_COUNT])
{
	v[OF_NAME] = o->name;
	v[OF_POP] =
	    o->population >= 0 ? arena_printf(r->arena, "%lld", (long long)o->population) : "";
	v[OF_POP_DATE] = o->population_date;
	if (o->area_km2 >= 0) {
		char *t = arena_printf(r->arena, "%.2f", o->area_km2);
		for (char *q = t; *q; q++)
			if (*q == '.')
				*q = ',';
		v[OF_AREA] = t;
	} else {
		v[OF_AREA] = "";
	}
	v[OF_NOTE] = o->note;
}

static const char *org_href(struct request *r, const char *code, const char *suffix)
{
	return form_record_href(r, "/organisaties/", code, suffix);
}

static int org_form_page(struct request *r, const struct organisation *o,
			 const char *const v[OF_COUNT], int64_t version,
			 const struct field_errors *errs, int status)
{
	struct buf *b = &r->out;
	buf_reset(b);
	bool bad = errs && errs->n > 0;
	const char *back = org_href(r, o->code, "");
	const struct crumb crumbs[] = {
	    {"Organisaties", "/organisaties"}, {o->name, back}, {"Bewerken", NULL}};
	const struct page_head h = {
	    .title = arena_printf(r->arena, "%s%s bewerken", bad ? "Fout: " : "", o->name),
	    .nav = NAV_ORGS,
	    .crumbs = crumbs,
	    .n_crumbs = 3};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, o->name);
	html_raw(b, " bewerken</h1>");
	form_error_summary(b, errs, org_fields, OF_COUNT);
	form_open(b, r, org_href(r, o->code, "/bewerken"));
	form_version_field(b, version);
	form_fields(b, org_fields, OF_COUNT, v, errs);
	form_buttons(b, "Opslaan", back, "Annuleren");
	form_close(b);
	layout_end(b, NULL);
	return status;
}

int page_org_edit(struct request *r)
{
	int oi = snapshot_find_org(r->snap, r->path_args[0]);
	if (oi < 0)
		return respond_not_found(r);
	if (!policy_may_edit_org(r->user, r->snap, oi))
		return edit_forbidden(r);
	const struct organisation *o = &r->snap->orgs[oi];
	const char *stored[OF_COUNT];
	org_stored(r, o, stored);
	if (r->method & (HTTP_GET | HTTP_HEAD))
		return org_form_page(r, o, stored, o->version, NULL, 200);
	int64_t version, current = 0;
	if (!form_version(r, &version))
		return edit_bad_version(r);
	const char *v[OF_COUNT];
	form_submitted(r, org_fields, OF_COUNT, v);
	struct org_input in = {.name = v[OF_NAME],
			       .population = v[OF_POP],
			       .population_date = v[OF_POP_DATE],
			       .area_km2 = v[OF_AREA],
			       .note = v[OF_NOTE]};
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	struct field_errors errs = {0};
	int rc = store_org_update(store_thread(), &w, o->code, version, &in, &errs, &current);
	if (rc == STORE_ERR_INVALID)
		return org_form_page(r, o, v, version, &errs, 400);
	if (rc == STORE_ERR_CONFLICT)
		return edit_conflict_page(r, o->name, org_href(r, o->code, "/bewerken"),
					  org_href(r, o->code, ""), org_fields, OF_COUNT, v,
					  stored);
	return edit_write_done(r, rc, org_href(r, o->code, "?melding=opgeslagen"));
}

int page_org_confirm(struct request *r)
{
	int oi = snapshot_find_org(r->snap, r->path_args[0]);
	if (oi < 0)
		return respond_not_found(r);
	if (!policy_may_edit_org(r->user, r->snap, oi))
		return edit_forbidden(r);
	const struct organisation *o = &r->snap->orgs[oi];
	return edit_confirm(r, "organisation", o->code, o->name, org_href(r, o->code, ""));
}
