/*
 * people_admin — what administrators do with a person's data (AVG): the
 * export of everything recorded about a person (GET /personen/{id}/export,
 * a JSON download) and the erasure (GET/POST /personen/{id}/wissen). The
 * routes need the administrator role (http/routes.c); the erasure form
 * carries the CSRF token. Both are audited by the store.
 */
#include "people.h"

#include "auth_ui.h"
#include "forms.h"
#include "../app/accounts.h"
#include "../app/readmodel.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int page_person_export(struct request *r)
{
	struct store *st = store_thread();
	struct person p;
	int rc;
	if ((rc = people_load_or_respond(r, st, &p)))
		return rc;
	const char *json = NULL;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	if (store_person_export_by(st, r->arena, &w, p.key, &json) != STORE_OK || !json)
		return people_store_failure(r);
	buf_puts(&r->out, json);
	r->content_type = "application/json; charset=utf-8";
	r->cache_control = "no-store";
	req_header(
	    r, "Content-Disposition",
	    arena_printf(r->arena, "attachment; filename=\"persoon-%lld.json\"", (long long)p.id));
	return 200;
}

static int erase_page(struct request *r, const struct person *p, bool missing_confirm)
{
	struct buf *b = &r->out;
	buf_reset(b);
	const char *name = people_shown_name(p, NULL);
	const struct crumb crumbs[] = {
	    {"Personen", "/personen"}, {name, people_href(r, p->key, "")}, {"Wissen", NULL}};
	const struct page_head h = {.title =
					missing_confirm ? "Fout: Persoon wissen" : "Persoon wissen",
				    .nav = NAV_PEOPLE,
				    .crumbs = crumbs,
				    .n_crumbs = 3};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, name);
	html_raw(b, " wissen</h1>");
	if (missing_confirm)
		html_raw(b, "<div class=\"utrecht-alert utrecht-alert--error atlas-notice\" "
			    "role=\"alert\"><div class=\"utrecht-alert__content\">"
			    "<p class=\"utrecht-alert__message\">Vink aan dat u de gegevens wilt "
			    "wissen. Er is niets gewist.</p></div></div>");
	html_raw(
	    b,
	    "<p class=\"utrecht-paragraph\">Wissen (recht op vergetelheid, AVG artikel 17) "
	    "verwijdert de naam, partij, contactgegevens en opmerking van deze persoon, en naam en "
	    "e-mailadres in de aanmeldingen voor bijeenkomsten onder dat e-mailadres. De "
	    "functies en zetels blijven bestaan als „onbekende persoon”. In de "
	    "wijzigingsgeschiedenis blijft alleen staan dát er gewist is, niet wat. Dit kan niet "
	    "ongedaan worden gemaakt.</p><p class=\"utrecht-paragraph\">Exporteer de gegevens "
	    "eerst als de persoon om inzage heeft gevraagd: ");
	comp_link(b, people_href(r, p->key, "/export"), "alle gegevens als JSON");
	html_raw(b, ".</p>");
	form_open(b, r, people_href(r, p->key, "/wissen"));
	form_confirm_checkbox(b, "Ja, wis de gegevens van deze persoon definitief",
			      missing_confirm);
	html_raw(b, "<p class=\"utrecht-button-group\">");
	form_submit(b, "Gegevens wissen", true);
	html_raw(b, " ");
	comp_link(b, people_href(r, p->key, ""), "Annuleren");
	html_raw(b, "</p>");
	form_close(b);
	layout_end(b, NULL);
	return missing_confirm ? 400 : 200;
}

int page_person_erase(struct request *r)
{
	struct store *st = store_thread();
	struct person p;
	int rc;
	if ((rc = people_load_or_respond(r, st, &p)))
		return rc;
	if (p.erased)
		return respond_error(r, 409, "Al gewist",
				     "De gegevens van deze persoon zijn al gewist.", NULL);
	if (r->method & (HTTP_GET | HTTP_HEAD))
		return erase_page(r, &p, false);
	const char *ok = req_form(r, "bevestigen");
	if (!ok || strcmp(ok, "ja") != 0)
		return erase_page(r, &p, true);
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	rc = store_person_erase(st, &w, p.key);
	if (rc == STORE_ERR_NOTFOUND)
		return respond_not_found(r);
	if (rc != STORE_OK)
		return people_store_failure(r);
	app_after_write();
	/* the erased person has a new key (gewist-<id>): show its page with the audit */
	int n = 0;
	struct person *all = people_load_all(r->arena, &n);
	const struct person *e = people_find(all, n, p.id);
	const char *to = e ? people_href(r, e->key, "?melding=gewist") : "/personen?melding=gewist";
	return respond_redirect(r, to);
}
