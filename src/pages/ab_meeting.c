/*
 * ab_meeting — GET/POST /samenwerkingsverbanden/{id}/ab-vergaderingen:
 * the dates of the algemeen-bestuur meetings that adopt the collaboration's
 * begroting, per budget year (store/store_calendar.h). The Wgr calendar
 * derives the ontwerpbegroting and zienswijze deadlines from them. Only for
 * users who may edit the collaboration (edit.h); the route requires a
 * signed-in editor and a CSRF token on POST. Post/redirect/get; 400 with
 * field errors; nothing is written on any error.
 */
#include "calendar.h"
#include "auth_ui.h"
#include "edit.h"
#include "forms.h"
#include "../app/accounts.h"
#include "../app/policy.h"
#include "../domain/wgr_calendar.h"
#include "../app/readmodel.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"
#include "../store/store_calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct comp_col ab_cols[] = {{"Begrotingsjaar", true}, {"Vergadering", false}};

static int ab_page(struct request *r, const struct collaboration *c, const char *const v[2],
		   const struct field_errors *errs, int status)
{
	struct buf *b = &r->out;
	buf_reset(b);
	bool bad = errs && errs->n > 0;
	const struct form_field f[2] = {
	    {.name = "begrotingsjaar",
	     .label = "Begrotingsjaar",
	     .kind = FK_NUMBER,
	     .max_len = 4,
	     .required = true,
	     .hint = "Het jaar van de begroting, bijvoorbeeld 2027."},
	    {.name = "datum",
	     .label = "Datum van de vergadering",
	     .kind = FK_DATE,
	     .required = true,
	     .hint = "De vergadering van het algemeen bestuur die de begroting vaststelt; in het "
		     "begrotingsjaar of het jaar ervoor."},
	};
	const char *back = edit_collab_href(r, c->key, "");
	const char *title = arena_printf(r->arena, "%sAB-vergaderingen over de begroting — %s",
					 bad ? "Fout: " : "", c->name);
	const struct crumb crumbs[] = {{"Samenwerkingsverbanden", "/samenwerkingsverbanden"},
				       {c->name, back},
				       {"AB-vergaderingen", NULL}};
	const struct page_head h = {
	    .title = title, .nav = NAV_COLLABS, .crumbs = crumbs, .n_crumbs = 3};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">AB-vergaderingen over de begroting</h1>"
		    "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">");
	html_text(b, c->name);
	html_raw(b, ": de datum waarop het algemeen bestuur de begroting vaststelt. De "
		    "Wgr-kalender leidt daaruit af wanneer de ontwerpbegroting naar de raden "
		    "moet (12 weken ervoor, art. 35) en tot wanneer zij een zienswijze kunnen "
		    "geven.</p>");
	form_flash(b, r);
	struct ab_meeting *list = NULL;
	int n = 0;
	if (store_ab_meeting_list(store_thread(), r->arena, c->key, &list, &n) == STORE_OK &&
	    n > 0) {
		comp_table_open(b, "Vastgelegde vergaderingen", ab_cols, 2);
		for (int i = 0; i < n; i++) {
			comp_row_open(b);
			comp_td_text(b, arena_printf(r->arena, "%d", list[i].budget_year), NULL);
			comp_td_date(b, list[i].date, "Onbekend");
			comp_row_close(b);
		}
		comp_table_close(b);
	} else {
		html_raw(b,
			 "<p class=\"utrecht-paragraph\">Nog geen vergaderingen vastgelegd.</p>");
	}
	html_raw(b, "<h2 class=\"utrecht-heading-2\">Vergadering vastleggen</h2>");
	form_error_summary(b, errs, f, 2);
	form_open(b, r, edit_collab_href(r, c->key, "/ab-vergaderingen"));
	form_fields(b, f, 2, v, errs);
	form_buttons(b, "Vastleggen", edit_collab_href(r, c->key, "/kalender.ics"),
		     "iCal-feed van deze regeling");
	form_close(b);
	layout_end(b, NULL);
	return status;
}

int page_collab_ab_meetings(struct request *r)
{
	const struct collaboration *c;
	int st = edit_collab_or_respond(r, &c);
	if (st)
		return st;
	if (r->method & (HTTP_GET | HTTP_HEAD)) {
		const char *v[2] = {arena_printf(r->arena, "%d", atoi(r->snap->today) + 1), ""};
		return ab_page(r, c, v, NULL, 200);
	}
	const char *year = req_form(r, "begrotingsjaar");
	const char *date = req_form(r, "datum");
	const char *v[2] = {year ? year : "", date ? date : ""};
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	struct field_errors errs = {0};
	int rc = store_ab_meeting_set(store_thread(), &w, c->key, v[0], v[1], &errs);
	if (rc == STORE_ERR_INVALID)
		return ab_page(r, c, v, &errs, 400);
	return edit_write_done(r, rc,
			       edit_collab_href(r, c->key, "/ab-vergaderingen?melding=opgeslagen"));
}
