/*
 * info_legal — the pages a government website owes its visitors: /contact
 * (where to ask, report or object), /privacy (the privacyverklaring: which
 * personal data the atlas stores, why, how long, who sees it and the
 * visitor's rights) and /colofon (who makes it, data, licences, software).
 * The addresses come from the installation (app/siteinfo.h, set by
 * `atlas serve --contact/--fg-contact`); when one is not configured the
 * page says so instead of showing an invented address. The text describes
 * the atlas as built (sessions, audit trail, correction queue, access log).
 */
#include "auth_ui.h"
#include "info.h"
#include "pages.h"
#include "../app/siteinfo.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdio.h>
#include <string.h>

/* An address is an e-mail address when it has one '@', no spaces and no
 * scheme; it then becomes a mailto: link. */
static bool is_email(const char *a)
{
	const char *at = strchr(a, '@');
	return at && at != a && at[1] && !strchr(at + 1, '@') && !strpbrk(a, " \t<>\"'") &&
	       !strstr(a, "://") && strncmp(a, "mailto:", 7) != 0;
}

void info_contact_address(struct buf *b, const char *addr, const char *option)
{
	if (!addr) {
		html_raw(b, "<strong class=\"atlas-unconfigured\">Nog niet ingesteld.</strong> "
			    "De beheerder van deze installatie moet dit adres instellen (");
		html_raw(b, "<code>atlas serve ");
		html_text(b, option);
		html_raw(b, "</code>); tot dan kunt u hier niemand bereiken.");
		return;
	}
	if (is_email(addr)) {
		html_raw(b, "<a class=\"utrecht-link utrecht-link--html-a\" href=\"mailto:");
		html_attr(b, addr);
		html_raw(b, "\">");
		html_text(b, addr);
		html_raw(b, "</a>");
	} else {
		comp_ext_link(b, addr, addr); /* only http(s) becomes a link */
	}
}

static void contact_para(struct buf *b, const char *lead)
{
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	html_text(b, lead);
	html_raw(b, " ");
	info_contact_address(b, siteinfo_contact(), "--contact");
	html_raw(b, "</p>");
}

int page_contact(struct request *r)
{
	struct buf *b = &r->out;
	r->etag = r->snap->etag;
	const struct page_head h = {.title = "Contact", .nav = NAV_NONE};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Contact</h1>"
		    "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Heeft u een vraag over "
		    "de Samenwerkingsatlas, klopt er iets niet, of kunt u iets niet gebruiken? "
		    "Neem contact op met het team dat de atlas beheert.</p>");
	contact_para(b, "Contactadres van de atlas:");

	comp_h2(b, "waarvoor", "Waarvoor kunt u ons benaderen");
	html_raw(b, "<ul class=\"utrecht-unordered-list atlas-list\">"
		    "<li><strong>Een gegeven klopt niet.</strong> Gebruik liefst „Meld wat niet "
		    "klopt” onderaan de pagina van het samenwerkingsverband of de organisatie; "
		    "dan komt uw voorstel met de juiste verwijzing in de beoordelingslijst.</li>"
		    "<li><strong>Toegankelijkheid.</strong> Kunt u een pagina niet gebruiken? Zie "
		    "de <a class=\"utrecht-link utrecht-link--html-a\" "
		    "href=\"/toegankelijkheid\">toegankelijkheidsverklaring</a>; noem de pagina "
		    "(het webadres) en wat er misgaat.</li>"
		    "<li><strong>Uw persoonsgegevens.</strong> Inzage, correctie, verwijdering of "
		    "bezwaar: zie de <a class=\"utrecht-link utrecht-link--html-a\" "
		    "href=\"/privacy\">privacyverklaring</a>.</li>"
		    "<li><strong>Een account om gegevens bij te houden</strong> voor uw gemeente, "
		    "waterschap of samenwerkingsverband.</li></ul>");

	comp_h2(b, "reactie", "Wanneer krijgt u antwoord");
	comp_para(b, "We streven ernaar binnen vijf werkdagen te reageren. Op een verzoek over uw "
		     "persoonsgegevens "
		     "beslissen we binnen een maand, zoals de AVG voorschrijft.");
	layout_end(b, r->snap->stats.newest_confirmed);
	return 200;
}

/* One kind of personal data: a heading (what) and its facts — whose, why,
 * legal ground, how long, who sees it — as a definition list, readable on
 * a phone as on a desktop. */
static void data_kind(struct buf *b, const char *what, const char *whose, const char *why,
		      const char *ground, const char *how_long, const char *who)
{
	/* "Accounts: gebruikersnaam, …" → heading "Accounts", the rest as "Gegevens" */
	const char *colon = strstr(what, ": ");
	html_raw(b, "<h3 class=\"utrecht-heading-3\">");
	char head[160];
	snprintf(head, sizeof head, "%.*s", colon ? (int)(colon - what) : (int)strlen(what), what);
	html_text(b, head);
	html_raw(b, "</h3>");
	comp_dl_open(b);
	if (colon) {
		comp_dl_item_open(b, "Gegevens");
		html_text(b, colon + 2);
		comp_dl_item_close(b);
	}
	comp_dl_text(b, "Van wie", whose);
	comp_dl_text(b, "Waarom", why);
	comp_dl_text(b, "Grondslag", ground);
	comp_dl_text(b, "Hoe lang", how_long);
	comp_dl_text(b, "Wie ziet het", who);
	comp_dl_close(b);
}

int page_privacy(struct request *r)
{
	struct buf *b = &r->out;
	r->etag = r->snap->etag;
	const struct page_head h = {.title = "Privacyverklaring", .nav = NAV_NONE};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Privacyverklaring</h1>"
		    "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">De Samenwerkingsatlas "
		    "is een openbaar overzicht van samenwerkingsverbanden. Daarvoor bewaart de "
		    "atlas ook persoonsgegevens: van bestuurders met een openbaar ambt, van de "
		    "mensen die de gegevens bijhouden en van wie een correctie meldt. Hier leest u "
		    "welke gegevens, waarom, hoe lang, wie ze ziet en welke rechten u heeft.</p>");

	html_raw(b,
		 "<nav class=\"atlas-toc\" aria-label=\"Op deze pagina\"><ul "
		 "class=\"utrecht-unordered-list atlas-list\">"
		 "<li><a class=\"utrecht-link utrecht-link--html-a\" href=\"#verantwoordelijke\">"
		 "Wie is verantwoordelijk</a></li>"
		 "<li><a class=\"utrecht-link utrecht-link--html-a\" href=\"#gegevens\">Welke "
		 "gegevens, waarom en hoe lang</a></li>"
		 "<li><a class=\"utrecht-link utrecht-link--html-a\" href=\"#cookies\">Cookies"
		 "</a></li>"
		 "<li><a class=\"utrecht-link utrecht-link--html-a\" href=\"#rechten\">Uw "
		 "rechten en bezwaar</a></li>"
		 "<li><a class=\"utrecht-link utrecht-link--html-a\" href=\"#fg\">Functionaris "
		 "gegevensbescherming</a></li></ul></nav>");

	comp_h2(b, "verantwoordelijke", "Wie is verantwoordelijk");
	comp_para(b,
		  "Verwerkingsverantwoordelijke is de organisatie die deze atlas beheert: de "
		  "provincie Utrecht, voor het programma Sterk Utrechts Bestuur. Gemeenten, "
		  "waterschappen en samenwerkingsverbanden die hun eigen gegevens bijhouden, doen "
		  "dat met een account van deze atlas.");
	contact_para(b, "Contactadres van de atlas:");

	comp_h2(b, "gegevens", "Welke gegevens, waarom en hoe lang");
	comp_para(b, "De grondslag is steeds de AVG, artikel 6 lid 1 onder e: de atlas is een taak "
		     "van algemeen belang (openheid over wie met wie samenwerkt in het openbaar "
		     "bestuur). Alleen het e-mailadres bij een correctiemelding geeft u vrijwillig "
		     "(toestemming, artikel 6 lid 1 onder a).");
	data_kind(b,
		  "Ambtsdragers en hun rollen: naam, partij, openbare functies, zetels in "
		  "besturen, periode, bron",
		  "Burgemeesters, wethouders, gedeputeerden, de commissaris van de Koning, "
		  "dijkgraven en andere leden van besturen",
		  "Laten zien wie namens welke organisatie in welk bestuur zit",
		  "Algemeen belang (art. 6 lid 1 e); de gegevens komen uit openbare bronnen",
		  "Zolang de functie duurt en daarna als geschiedenis, met begin- en einddatum",
		  "Iedereen; contactgegevens, notities en functies van ambtenaren alleen "
		  "ingelogde gebruikers");
	data_kind(b,
		  "Accounts: gebruikersnaam, naam, e-mailadres, rol, organisatie, wachtwoord "
		  "(alleen als onomkeerbare hash)",
		  "Medewerkers van partners en het programmateam die gegevens bijhouden",
		  "Inloggen en bepalen wie wat mag wijzigen", "Algemeen belang (art. 6 lid 1 e)",
		  "Zolang het account nodig is; daarna zet de beheerder het uit. Het account "
		  "blijft bestaan omdat de wijzigingsgeschiedenis ernaar verwijst",
		  "De beheerders; naam en organisatie ook andere ingelogde gebruikers");
	data_kind(b,
		  "Sessies en inlogpogingen: een willekeurige sessiesleutel (alleen als hash) "
		  "met tijdstippen; bij een mislukte inlogpoging de gebruikersnaam, het "
		  "IP-adres en het tijdstip",
		  "Wie inlogt of het probeert",
		  "Ingelogd blijven en het raden van wachtwoorden afremmen",
		  "Algemeen belang (art. 6 lid 1 e)",
		  "Een sessie vervalt na 30 minuten zonder gebruik en uiterlijk na 8 uur. "
		  "Mislukte pogingen tellen 15 minuten mee. Daarna worden ze verwijderd bij "
		  "een volgende mislukte poging met dezelfde naam of vanaf hetzelfde adres, en "
		  "die met de gebruikersnaam ook bij een geslaagde aanmelding; een vaste "
		  "opruimtermijn is er nog niet",
		  "Alleen de technisch beheerders, in de database; de software gebruikt ze om "
		  "te beslissen");
	data_kind(b,
		  "Wijzigingsgeschiedenis (auditlog): wie, wanneer, welk gegeven, oude en "
		  "nieuwe waarde",
		  "Wie gegevens wijzigt of bevestigt",
		  "Verantwoording: elke wijziging is na te gaan",
		  "Algemeen belang (art. 6 lid 1 e)",
		  "Zonder einddatum, zoals een register; bij wissen van een persoon blijft "
		  "alleen staan dát er gewist is",
		  "Iedereen ziet per record wat er veranderde en door welke gebruiker; ingelogde "
		  "gebruikers zien meer");
	data_kind(b,
		  "Correctiemeldingen: het voorstel, de bron, een toelichting en, als u dat "
		  "invult, uw e-mailadres",
		  "Iedereen die „Meld wat niet klopt” gebruikt",
		  "De melding beoordelen en u zo nodig antwoorden",
		  "Algemeen belang; het e-mailadres met toestemming (art. 6 lid 1 a)",
		  "Het e-mailadres tot de melding is afgehandeld (dan wordt het gewist); het "
		  "voorstel zelf blijft als verantwoording bij het gegeven",
		  "Het programmateam en de redacteuren van het betreffende gegeven; het "
		  "e-mailadres wordt nooit gepubliceerd");
	data_kind(b,
		  "Aanmeldingen voor bijeenkomsten: naam, organisatie, e-mailadres, of u "
		  "zichtbaar wilt zijn voor andere deelnemers, en uw aanwezigheid",
		  "Iedereen die zich aanmeldt voor een bijeenkomst van het programma",
		  "De bijeenkomst organiseren: bevestigen, herinneren, de wachtlijst en de "
		  "aanwezigheid bijhouden",
		  "Toestemming (art. 6 lid 1 a); u geeft die bij het aanmelden",
		  "Naam en e-mailadres worden gewist als u afmeldt, en anders een "
		  "bewaartermijn (standaard 90 dagen) na de bijeenkomst; een onbevestigde "
		  "aanmelding verdwijnt als de link is verlopen",
		  "Medewerkers van de provincie die bijeenkomsten organiseren; andere "
		  "deelnemers zien alleen naam en organisatie, en alleen als u dat aanvinkt");
	data_kind(b,
		  "Verzonden e-mail: adres, onderwerp en tekst van berichten die de atlas stuurt",
		  "Wie een bevestiging, herinnering of bericht over een aanvraag krijgt",
		  "Het bericht bezorgen en zien of dat lukte",
		  "Dezelfde grondslag als de gegevens waar het bericht over gaat",
		  "Tekst, adres en naam worden na de bewaartermijn (standaard 30 dagen) na "
		  "verzending gewist",
		  "Het programmateam en de beheerders");
	data_kind(b,
		  "Wie weet wat: uw naam en organisatie uit uw account, uw kennis en ervaring, "
		  "trefwoorden, thema's en hoe collega's u kunnen bereiken",
		  "Ingelogde gebruikers die zichzelf vermelden",
		  "Collega's bij andere overheden laten vinden wie ergens verstand van heeft",
		  "Toestemming (art. 6 lid 1 a); het moment waarop u die gaf wordt bewaard",
		  "Tot u de vermelding verwijdert (dat gaat meteen) of uw account wordt "
		  "verwijderd; bij een geblokkeerd account wordt ze niet getoond",
		  "Alleen ingelogde gebruikers van de atlas");
	data_kind(b, "Serverlogboek: tijdstip, gevraagde pagina, antwoordcode, grootte en duur",
		  "Elke bezoeker", "Storingen en misbruik opsporen",
		  "Algemeen belang (art. 6 lid 1 e)",
		  "Zo lang als het logboek van de server ze bewaart (gewoonlijk enkele weken)",
		  "De technisch beheerders. De atlas schrijft geen IP-adressen, cookies of "
		  "wachtwoorden in het logboek");
	comp_para(
	    b, "De atlas deelt geen persoonsgegevens met anderen en geeft ze niet door buiten "
	       "de Europese Economische Ruimte. De openbare gegevens over ambtsdragers staan ook "
	       "in de open API en de downloads; daar gelden dezelfde regels als op de pagina's. "
	       "Er is geen geautomatiseerde besluitvorming.");

	comp_h2(b, "cookies", "Cookies");
	comp_para(
	    b, "De atlas gebruikt geen cookies voor statistieken, advertenties of volgen. Alleen "
	       "wie inlogt krijgt een functionele sessiecookie (atlas_sessie); die is nodig om "
	       "ingelogd te blijven en verdwijnt na afmelden of na de termijn hierboven. Daarvoor "
	       "is geen toestemming nodig.");

	comp_h2(b, "rechten", "Uw rechten en bezwaar");
	html_raw(b, "<p class=\"utrecht-paragraph\">U mag vragen welke gegevens de atlas over u "
		    "bewaart (inzage), ze laten verbeteren of aanvullen, ze laten verwijderen of "
		    "de verwerking laten beperken. Tegen de verwerking op grond van het algemeen "
		    "belang kunt u bezwaar maken (artikel 21 AVG): dan stoppen we, tenzij er "
		    "zwaarwegende redenen zijn om door te gaan — die leggen we u dan uit. Gaat het "
		    "om een openbaar ambt, dan blijft het ambt zelf (functie, organisatie, "
		    "periode) openbaar; naam, partij en contactgegevens kunnen worden gewist.</p>");
	contact_para(b, "Stuur uw verzoek of bezwaar naar:");
	comp_para(
	    b, "Zeg om welke gegevens het gaat. We beslissen binnen een maand en vragen zo nodig "
	       "om u te identificeren; we bewaren geen kopie van uw identiteitsbewijs. Bent u "
	       "het niet eens met de afhandeling, dan kunt u een klacht indienen bij de "
	       "Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl).");

	comp_h2(b, "fg", "Functionaris gegevensbescherming");
	comp_para(b, "De functionaris gegevensbescherming (FG) houdt onafhankelijk toezicht op hoe "
		     "de organisatie met persoonsgegevens omgaat. U kunt de FG rechtstreeks "
		     "benaderen.");
	html_raw(b, "<p class=\"utrecht-paragraph\">Contact van de FG: ");
	info_contact_address(b, siteinfo_fg_contact(), "--fg-contact");
	html_raw(b, "</p>");
	layout_end(b, r->snap->stats.newest_confirmed);
	return 200;
}

int page_colofon(struct request *r)
{
	struct buf *b = &r->out;
	r->etag = r->snap->etag;
	const struct page_head h = {.title = "Colofon", .nav = NAV_NONE};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Colofon</h1>"
		    "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Wie de "
		    "Samenwerkingsatlas maakt, waar de gegevens vandaan komen en met welke "
		    "software hij is gebouwd.</p>");

	comp_h2(b, "makers", "Wie maakt de atlas");
	comp_para(b,
		  "De Samenwerkingsatlas is gemaakt voor het programma Sterk Utrechts Bestuur van "
		  "de provincie Utrecht. Gemeenten, waterschappen en samenwerkingsverbanden houden "
		  "hun eigen gegevens bij; het programmateam beoordeelt correcties en nieuwe "
		  "bronnen.");
	contact_para(b, "Contact:");

	comp_h2(b, "gegevens", "Gegevens en licenties");
	html_raw(b, "<ul class=\"utrecht-unordered-list atlas-list\">"
		    "<li>Gemeenten, inwoneraantallen, oppervlakte en grenzen: Centraal Bureau voor "
		    "de Statistiek (CBS) en Kadaster / PDOK, licentie CC BY 4.0.</li>"
		    "<li>Gemeenschappelijke regelingen van 2015: Open State Foundation (OpenGR), "
		    "ODC-PDDL 1.0 (publiek domein).</li>"
		    "<li>Huidige samenwerkingen en ambtsdragers: de websites en officiële "
		    "bekendmakingen van de organisaties zelf; alleen feiten zijn overgenomen, met "
		    "bron en datum bij elk gegeven.</li></ul>");
	html_raw(b,
		 "<p class=\"utrecht-paragraph\">Elke bron met uitgever, licentie en datum staat "
		 "op <a class=\"utrecht-link utrecht-link--html-a\" href=\"/over\">Over de "
		 "gegevens</a>. De gegevens zijn ook te downloaden en via de <a "
		 "class=\"utrecht-link utrecht-link--html-a\" href=\"/api/v1/openapi.json\">open "
		 "API</a> op te vragen; vermeld bij hergebruik de bronnen volgens hun "
		 "licentie.</p>");

	comp_h2(b, "software", "Software");
	html_raw(b, "<ul class=\"utrecht-unordered-list atlas-list\">"
		    "<li>De atlas zelf: open source onder de European Union Public Licence "
		    "(EUPL-1.2), geschreven in C.</li>"
		    "<li>Vormgeving: componenten en huisstijlkenmerken van NL Design System "
		    "(gemeente Utrecht-componenten, EUPL-1.2).</li>"
		    "<li>Webserver: GNU libmicrohttpd (LGPL); database: SQLite (publiek domein) of "
		    "PostgreSQL (PostgreSQL-licentie); verder jansson, libsodium, libxml2, zlib, "
		    "libcurl en libcsv.</li>"
		    "<li>De pagina's werken zonder JavaScript en zonder cookies van derden.</li>"
		    "</ul>");
	html_raw(b, "<p class=\"utrecht-paragraph\">Zie ook de <a class=\"utrecht-link "
		    "utrecht-link--html-a\" href=\"/privacy\">privacyverklaring</a> en de <a "
		    "class=\"utrecht-link utrecht-link--html-a\" "
		    "href=\"/toegankelijkheid\">toegankelijkheidsverklaring</a>.</p>");
	layout_end(b, r->snap->stats.newest_confirmed);
	return 200;
}
