/*
 * analysis_index — see analysis_index.h.
 */
#include "analysis_index.h"
#include "auth_ui.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

/* One analysis: where it is, its name, and the question it answers. */
struct analysis {
	const char *href, *name, *question;
};

static const struct analysis analyses[] = {
    {"/analyse/overlap", "Overlap en bundeling",
     "Welke gemeenten zitten samen in veel dezelfde samenwerkingsverbanden, en waar lopen de "
     "regio-indelingen van verschillende beleidsdomeinen niet gelijk?"},
    {"/netwerk", "Netwerk van samenwerkingen",
     "Wie werkt met wie samen: welke organisaties zijn via samenwerkingsverbanden met elkaar "
     "verbonden?"},
    {"/analyse/bestuurders", "Bestuurders en verwevenheid",
     "Welke bestuurders zitten in de meeste besturen, en wie verbindt samenwerkingsverbanden "
     "doordat hij of zij in twee of meer ervan zit?"},
    {"/analyse/rolwisselingen", "Rolwisselingen",
     "Welke partijen kijken sinds kort vanuit een ander rolperspectief naar hun "
     "samenwerkingsverband, en van welk naar welk perspectief?"},
    {"/kaart", "Kaart",
     "Waar liggen de samenwerkingsverbanden op de kaart, en met hoeveel en welke werkt elke "
     "gemeente samen?"},
};

int page_analysis_index(struct request *r)
{
	struct buf *b = &r->out;
	r->etag = r->snap->etag;
	const struct crumb crumbs[] = {{"Analyses", NULL}};
	const struct page_head h = {.title = "Analyses",
				    .nav = NAV_ANALYSIS,
				    .nav_exact = true,
				    .crumbs = crumbs,
				    .n_crumbs = 1};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Analyses</h1>"
		    "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Overzichten over alle "
		    "samenwerkingsverbanden heen. Elke analyse beantwoordt één vraag.</p>"
		    "<ul class=\"atlas-link-cards\">");
	for (size_t i = 0; i < sizeof analyses / sizeof analyses[0]; i++) {
		const struct analysis *a = &analyses[i];
		comp_link_card(b, 2, a->href, a->name, a->question);
	}
	html_raw(b, "</ul>");
	layout_end(b, r->snap->stats.newest_confirmed);
	return 200;
}
