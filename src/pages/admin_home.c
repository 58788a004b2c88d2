/*
 * admin_home — see admin_home.h.
 */
#include "admin_home.h"
#include "auth_ui.h"
#include "currency.h"
#include "../app/policy.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

static void task(struct buf *b, const char *href, const char *name, const char *what)
{
	comp_link_card(b, 3, href, name, what);
}

int page_admin_home(struct request *r)
{
	struct buf *b = &r->out;
	r->cache_control = "no-store";
	r->etag = NULL;
	const struct page_head h = {.title = "Beheer", .nav = NAV_ADMIN, .nav_exact = true};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b,
		 "<h1 class=\"utrecht-heading-1\">Beheer</h1>"
		 "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Voor het programmateam: "
		 "gegevens bijwerken, meldingen beoordelen en partners helpen hun gegevens "
		 "actueel te houden.</p>"
		 "<h2 class=\"utrecht-heading-2\">Gegevens</h2><ul class=\"atlas-link-cards\">");
	task(b, "/samenwerkingsverbanden/nieuw", "Nieuw samenwerkingsverband",
	     "Een samenwerkingsverband toevoegen dat nog niet in de atlas staat.");
	task(b, "/personen/nieuw", "Nieuwe persoon",
	     "Een bestuurder of ambtenaar toevoegen, om functies en zetels vast te leggen.");
	task(b, "/beheer/import", "Wijzigingen importeren",
	     "Een wijzigingenset (CSV of XLSX) uploaden, eerst bekijken en dan toepassen.");
	task(b, "/beheer/correcties", "Meldingen beoordelen",
	     "Meldingen over wat niet klopt overnemen of afwijzen.");
	task(b, "/mijn-organisatie", "Actualiteit van alle gegevens",
	     "Alle huidige gegevens, het langst niet bevestigde eerst, om te bevestigen.");
	task(b, "/wijzigingen", "Recente wijzigingen",
	     "Wat er is veranderd, door wie en wanneer, ook als Atom-feed.");
	task(b, "/beheer/uitgaande-post", "Uitgaande post",
	     "E-mail die de atlas verstuurt: in de wachtrij, verzonden of mislukt.");
	task(b, "/evaluatie/vragen", "Evaluatie: vragenbank en rondes",
	     "Vragen, rondes, links om te antwoorden en resultaten van de metingen.");
	html_raw(b, "</ul>");
	if (policy_may_manage_users(r->user)) {
		html_raw(b, "<h2 class=\"utrecht-heading-2\">Toegang</h2>"
			    "<ul class=\"atlas-link-cards\">");
		task(b, "/beheer/gebruikers", "Gebruikers en rollen",
		     "Accounts aanmaken, rollen en organisaties toekennen, accounts blokkeren.");
		task(b, "/beheer/persoonsgegevens", "Persoonsgegevens op e-mailadres",
		     "Een verzoek om inzage of wissen van een gast of melder behandelen.");
		task(b, "/beheer/toezicht", "Toezicht instellen",
		     "Domeinen van het interbestuurlijk toezicht en hun labels.");
		html_raw(b, "</ul>");
	}
	html_raw(b, "<h2 class=\"utrecht-heading-2\">Partners met de minst actuele gegevens</h2>"
		    "<p class=\"utrecht-paragraph\">Het volledige overzicht staat op <a "
		    "class=\"utrecht-link utrecht-link--html-a\" href=\"/actualiteit\">Actualiteit "
		    "per partner</a>.</p>");
	currency_table(b, r, 5, true,
		       "De vijf partners in de provincie met de minst actuele gegevens");
	layout_end(b, r->snap->stats.newest_confirmed);
	return 200;
}
