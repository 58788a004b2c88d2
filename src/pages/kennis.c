/*
 * kennis — the knowledge landing page; see kennis.h.
 */
#include "kennis.h"
#include "auth_ui.h"
#include "../app/policy.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

int page_kennis(struct request *r)
{
	struct buf *b = &r->out;
	r->cache_control = "no-store";
	r->etag = NULL;
	const struct crumb crumbs[] = {{"Kennis", NULL}};
	const struct page_head h = {
	    .title = "Kennis", .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 1};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Kennis</h1>"
		    "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Cijfers, publicaties, "
		    "subsidiekansen en collega's: de kennis die gemeenten, waterschappen en de "
		    "provincie met elkaar delen.</p><ul class=\"atlas-link-cards\">");
	comp_link_card(
	    b, 2, "/kennis/indicatoren", "Indicatoren per gemeente",
	    "Cijfers van CBS en uit de begrotingen (Iv3), met bron en periode, en hoe de "
	    "gemeenten in de provincie zich tot elkaar verhouden.");
	comp_link_card(b, 2, "/kennis/vergelijk", "Gemeenten vergelijken",
		       "Eén cijfer naast elkaar voor de gemeenten die u kiest: op de kaart van "
		       "de provincie en tussen alle gemeenten van Nederland, om te downloaden.");
	comp_link_card(b, 2, "/kennis/bibliotheek", "Bibliotheek",
		       "Publicaties, analyses en rapporten van de partners, op thema en "
		       "samenwerkingsverband.");
	comp_link_card(b, 2, "/kennis/subsidiekansen", "Subsidiekansen",
		       "Oproepen van de EU en het Rijk met hun deadline, en welke partners "
		       "belangstelling hebben om samen aan te vragen.");
	if (policy_may_see_experts(r->user))
		comp_link_card(b, 2, "/kennis/wie-weet-wat", "Wie weet wat",
			       "Collega's bij de partners die hun kennis willen delen, en uw eigen "
			       "vermelding.");
	html_raw(b, "</ul>");
	if (!policy_may_see_experts(r->user))
		comp_para(b,
			  "Wie weet wat — collega's bij de partners die hun kennis willen delen — "
			  "is er voor wie is ingelogd.");
	layout_end(b, NULL);
	return 200;
}
