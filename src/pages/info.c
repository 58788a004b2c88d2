/*
 * info — the two explanatory pages: /over (where the data comes from:
 * every source with licence, attribution and dates, and how the data is
 * kept) and /toegankelijkheid (the accessibility statement). Reads only
 * the snapshot; the text is ours and describes the atlas as built.
 */
#include "auth_ui.h"
#include "pages.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

static void h2(struct buf *b, const char *id, const char *text)
{
	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"");
	html_attr(b, id);
	html_raw(b, "\">");
	html_text(b, text);
	html_raw(b, "</h2>");
}

static void para(struct buf *b, const char *text)
{
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	html_text(b, text);
	html_raw(b, "</p>");
}

static void source_entry(struct buf *b, const struct source *src)
{
	html_raw(b, "<h3 class=\"utrecht-heading-3\" id=\"bron-");
	html_attr(b, src->key);
	html_raw(b, "\">");
	html_text(b, src->title);
	html_raw(b, "</h3>");
	comp_dl_open(b);
	comp_dl_text(b, "Uitgever", src->publisher);
	comp_dl_text(b, "Licentie", src->licence);
	comp_dl_text(b, "Naamsvermelding", src->attribution);
	comp_dl_date(b, "Peildatum", src->reference_date);
	comp_dl_date(b, "Opgehaald op", src->retrieved);
	comp_dl_item_open(b, "Vindplaats");
	if (str_empty(src->url))
		html_raw(b, "<span class=\"atlas-unknown\">Geen (eigen indeling)</span>");
	else
		comp_ext_link(b, src->url, src->url);
	comp_dl_item_close(b);
	if (!str_empty(src->note))
		comp_dl_text(b, "Toelichting", src->note);
	comp_dl_close(b);
}

int page_about(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	r->etag = s->etag;

	const struct page_head h = {
	    .title = "Over de gegevens", .nav = NAV_ABOUT, .nav_exact = true};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Over de gegevens</h1>"
		    "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">De Samenwerkingsatlas "
		    "verzamelt openbare gegevens over samenwerkingsverbanden van de provincie "
		    "Utrecht, de gemeenten en de waterschappen. Elk gegeven heeft een bron en een "
		    "datum. Deze pagina laat zien welke bronnen dat zijn en hoe oud ze zijn.</p>");

	html_raw(b, "<nav class=\"atlas-toc\" aria-label=\"Op deze pagina\"><ul "
		    "class=\"utrecht-unordered-list atlas-list\">"
		    "<li><a class=\"utrecht-link utrecht-link--html-a\" href=\"#inhoud-atlas\">Wat "
		    "staat in de atlas</a></li>"
		    "<li><a class=\"utrecht-link utrecht-link--html-a\" href=\"#bijhouden\">Hoe de "
		    "gegevens worden bijgehouden</a></li>"
		    "<li><a class=\"utrecht-link utrecht-link--html-a\" href=\"#laatst-bevestigd\">"
		    "Wat „laatst bevestigd” betekent</a></li>"
		    "<li><a class=\"utrecht-link utrecht-link--html-a\" href=\"#gegevens-2015\">"
		    "Deelnemers uit 2015</a></li>"
		    "<li><a class=\"utrecht-link utrecht-link--html-a\" href=\"#bronnen\">Alle "
		    "bronnen</a></li>"
		    "<li><a class=\"utrecht-link utrecht-link--html-a\" href=\"#open-data\">Open "
		    "data</a></li></ul></nav>");

	h2(b, "inhoud-atlas", "Wat staat in de atlas");
	html_raw(b, "<p class=\"utrecht-paragraph\">De atlas bevat ");
	html_int_nl(b, s->n_orgs);
	html_raw(b, " organisaties, ");
	html_int_nl(b, s->n_collabs);
	html_raw(b, " samenwerkingsverbanden (waarvan ");
	html_int_nl(b, s->stats.n_active);
	html_raw(b, " actief) en ");
	html_int_nl(b, s->n_parts);
	html_raw(b, " deelnames, ingedeeld in ");
	html_int_nl(b, s->n_domains);
	html_raw(b, " beleidsdomeinen.</p>");
	para(b,
	     "Organisaties zijn de provincie, de gemeenten, de waterschappen en de organen van "
	     "samenwerkingsverbanden. Gemeenten die zijn samengevoegd blijven in de atlas staan "
	     "als opgeheven organisatie, met een verwijzing naar de opvolger als die bekend is.");
	para(b, "De indeling in beleidsdomeinen is een eigen indeling van de atlas, gemaakt op "
		"basis van de naam en het doel van elk samenwerkingsverband. Het is geen officiële "
		"indeling.");

	h2(b, "bijhouden", "Hoe de gegevens worden bijgehouden");
	para(b, "De gegevens komen uit openbare bronnen: het Centraal Bureau voor de Statistiek "
		"(CBS) voor gemeenten, inwoneraantallen en oppervlakte, de Open State Foundation "
		"voor de gemeenschappelijke regelingen van 2015, en websites van de "
		"samenwerkingsverbanden zelf. Ze worden met een vast, herhaalbaar script omgezet "
		"naar de gegevensbestanden van de atlas. Er worden geen gegevens bedacht of "
		"aangevuld: wat een bron niet vermeldt, staat in de atlas als „Onbekend”.");
	para(b, "Elke wijziging in de database wordt vastgelegd met tijdstip en herkomst.");

	h2(b, "laatst-bevestigd", "Wat „laatst bevestigd” betekent");
	para(b, "Bij elk samenwerkingsverband, elke organisatie en elke deelname staat een datum "
		"„laatst bevestigd”. Dat is de datum waarop de bron het gegeven voor het laatst "
		"beschreef (de peildatum van de bron). Het zegt dus niet dat het gegeven vandaag "
		"nog klopt, maar wel hoe oud de informatie is. Hoe ouder de datum, hoe groter de "
		"kans dat er intussen iets is veranderd.");

	h2(b, "gegevens-2015", "Deelnemers uit 2015");
	para(b, "Van de meeste gemeenschappelijke regelingen zijn de deelnemers alleen bekend uit "
		"de gegevens die de Open State Foundation in 2015 bij de provincies opvroeg "
		"(OpenGR). Sindsdien zijn gemeenten samengevoegd en kunnen deelnemers zijn "
		"toegetreden of uitgetreden. De atlas toont deze deelnemers met hun datum uit 2015 "
		"en raadt de huidige samenstelling niet. Bij die samenwerkingsverbanden staat een "
		"waarschuwing.");

	h2(b, "bronnen", "Alle bronnen");
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	html_int_nl(b, s->n_sources);
	html_raw(b, s->n_sources == 1 ? " bron" : " bronnen");
	html_raw(b, ", met licentie, naamsvermelding en data.</p>");
	for (int i = 0; i < s->n_sources; i++)
		source_entry(b, &s->sources[i]);

	h2(b, "open-data", "Open data");
	html_raw(b, "<p class=\"utrecht-paragraph\">Alle gegevens zijn ook beschikbaar via een "
		    "open API in JSON, met dezelfde filters als de pagina's. De beschrijving staat "
		    "in het <a class=\"utrecht-link utrecht-link--html-a\" "
		    "href=\"/api/v1/openapi.json\">OpenAPI-document</a>. Vermeld bij hergebruik de "
		    "bronnen hierboven volgens hun licentie.</p>");
	layout_end(b, s->stats.newest_confirmed);
	return 200;
}

int page_accessibility(struct request *r)
{
	struct buf *b = &r->out;
	r->etag = r->snap->etag;

	const struct page_head h = {
	    .title = "Toegankelijkheid", .nav = NAV_ACCESSIBILITY, .nav_exact = true};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Toegankelijkheidsverklaring</h1>"
		    "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Iedereen moet de "
		    "Samenwerkingsatlas kunnen gebruiken, ook met een schermlezer, alleen een "
		    "toetsenbord of een vergrote weergave. Deze verklaring beschrijft wat we "
		    "daarvoor doen en wat nog niet goed is.</p>");

	h2(b, "doel", "Ons doel");
	para(b, "De atlas moet voldoen aan de Web Content Accessibility Guidelines (WCAG) 2.1 op "
		"niveau AA, zoals voor Nederlandse overheden verplicht is. Er is nog geen "
		"onafhankelijk onderzoek (audit) gedaan. Deze verklaring is daarom een eigen "
		"beoordeling en geen officiële toegankelijkheidsverklaring met een status volgens "
		"het model van de Rijksoverheid.");

	h2(b, "maatregelen", "Wat we doen");
	html_raw(b, "<ul class=\"utrecht-unordered-list atlas-list\">"
		    "<li>Alle pagina's werken zonder JavaScript.</li>"
		    "<li>De pagina's gebruiken de componenten en kleuren van NL Design System, met "
		    "voldoende kleurcontrast en een zichtbare focus.</li>"
		    "<li>Elke pagina heeft één hoofdkop, herkenbare gebieden (kop, navigatie, "
		    "inhoud, voettekst) en een link „Direct naar de inhoud”.</li>"
		    "<li>Tabellen hebben een bijschrift en kolom- en rijkoppen; formuliervelden "
		    "hebben een zichtbaar label.</li>"
		    "<li>De huidige pagina is in de navigatie gemarkeerd, ook voor "
		    "schermlezers.</li>"
		    "<li>De taal van de pagina's is Nederlands en staat zo in de code.</li></ul>");

	h2(b, "testen", "Hoe we testen");
	para(b, "De automatische tests van de atlas controleren elke pagina met de Nu HTML "
		"Checker (de validator van W3C) op geldige HTML. Tijdens de bouw zijn de pagina's "
		"ook met axe-core gecontroleerd op de regels van WCAG 2.1 A en AA, op een breed "
		"en een smal scherm; die controle komt nog in de automatische tests. Handmatige "
		"controles met toetsenbord en schermlezer volgen. Automatische controles vinden "
		"niet alle problemen.");

	h2(b, "beperkingen", "Bekende beperkingen");
	html_raw(b,
		 "<ul class=\"utrecht-unordered-list atlas-list\">"
		 "<li>Brede tabellen, zoals de lijst met deelnemers, moeten op een smal scherm "
		 "horizontaal worden gescrold.</li>"
		 "<li>Sommige gegevens zijn „Onbekend” omdat de bron ze niet vermeldt; dat is "
		 "een beperking van de gegevens, niet van de toegankelijkheid.</li>"
		 "<li>Teksten uit bronnen (zoals doelen en toelichtingen) zijn overgenomen en niet "
		 "altijd in eenvoudige taal geschreven.</li>"
		 "<li>Er is nog geen onafhankelijke toegankelijkheidsaudit uitgevoerd.</li></ul>");

	h2(b, "contact", "Een probleem melden");
	para(b, "Kunt u iets niet gebruiken of lezen, of vindt u een fout in de gegevens? Meld het "
		"via de provincie Utrecht. Noem de pagina (het webadres) en beschrijf wat er "
		"misgaat; dan zoeken we een oplossing en helpen we u intussen aan de informatie.");
	layout_end(b, r->snap->stats.newest_confirmed);
	return 200;
}
