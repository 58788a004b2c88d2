/*
 * info — the explanatory pages: /over (where the data comes from: a table
 * of every source with publisher, licence, date and what it provides, and
 * how the data is kept) and /toegankelijkheid (the accessibility statement
 * in the government's model). Reads only the snapshot; the text is ours
 * and describes the atlas as built. Contact, privacy and colofon: info_legal.c.
 */
#include "auth_ui.h"
#include "info.h"
#include "pages.h"
#include "../app/siteinfo.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"
#include "../lib/arena.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* What a source gives, in words: the records that cite it ("26
 * organisaties, 3 deelnames"), or else the first sentence of its note with
 * any "(commit …)" reference left out — a repository commit says nothing to
 * a reader (the exact copy is in data/SOURCES.md). */
static void source_provides(struct buf *b, const char *note, int n_orgs, int n_collabs, int n_parts)
{
	if (n_orgs || n_collabs || n_parts) {
		const char *sep = "";
		if (n_orgs) {
			html_int_nl(b, n_orgs);
			html_raw(b, n_orgs == 1 ? " organisatie" : " organisaties");
			sep = ", ";
		}
		if (n_collabs) {
			html_raw(b, sep);
			html_int_nl(b, n_collabs);
			html_raw(b, n_collabs == 1 ? " samenwerkingsverband"
						   : " samenwerkingsverbanden");
			sep = ", ";
		}
		if (n_parts) {
			html_raw(b, sep);
			html_int_nl(b, n_parts);
			html_raw(b, n_parts == 1 ? " deelname" : " deelnames");
		}
		return;
	}
	if (str_empty(note)) {
		html_raw(b, "<span class=\"atlas-muted\">Bron bij afzonderlijke gegevens</span>");
		return;
	}
	struct buf t = BUF_INIT;
	for (const char *p = note; *p;) {
		if (*p == '(') {
			const char *close = strchr(p, ')');
			if (close) {
				size_t len = (size_t)(close - p);
				bool commit = false;
				for (size_t i = 0; i + 6 <= len; i++)
					if (strncmp(p + i, "commit", 6) == 0)
						commit = true;
				if (commit) {
					while (t.len && t.data[t.len - 1] == ' ')
						t.data[--t.len] = '\0';
					p = close + 1;
					continue;
				}
			}
		}
		buf_putc(&t, *p++);
	}
	const char *text = t.data ? t.data : "";
	const char *stop = strstr(text, ". ");
	size_t n = stop ? (size_t)(stop - text) + 1 : strlen(text);
	if (n > 220) { /* cut at a word, on a character boundary */
		n = 220;
		while (n > 0 && text[n] != ' ')
			n--;
		char *cut = strndup(text, n);
		html_text(b, cut);
		html_raw(b, " …");
		free(cut);
	} else {
		char *cut = strndup(text, n);
		html_text(b, cut);
		free(cut);
	}
	buf_free(&t);
}

static void source_row(struct buf *b, const struct source *src, int n_orgs, int n_collabs,
		       int n_parts)
{
	comp_row_open(b);
	comp_th_open(b);
	html_raw(b, "<span id=\"bron-");
	html_attr(b, src->key);
	html_raw(b, "\">");
	if (str_empty(src->url))
		html_text(b, src->title);
	else
		comp_ext_link(b, src->url, src->title);
	html_raw(b, "</span>");
	comp_th_close(b);
	comp_td_text(b, src->publisher, "Onbekend");
	comp_td_open(b, false);
	html_text(b, str_empty(src->licence) ? "Onbekend" : src->licence);
	if (!str_empty(src->attribution) && strcmp(src->attribution, src->publisher) != 0) {
		html_raw(b, "<br><span class=\"atlas-muted\">Vermeld: ");
		html_text(b, src->attribution);
		html_raw(b, "</span>");
	}
	comp_td_close(b);
	comp_td_date(b, src->reference_date, "Onbekend");
	comp_td_open(b, false);
	source_provides(b, src->note, n_orgs, n_collabs, n_parts);
	comp_td_close(b);
	comp_row_close(b);
}

static const struct comp_col source_cols[] = {
    {"Bron", false},	  {"Uitgever", false},	     {"Licentie", false},
    {"Peildatum", false}, {"Wat het levert", false},
};

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

	comp_h2(b, "inhoud-atlas", "Wat staat in de atlas");
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
	comp_para(
	    b, "Organisaties zijn de provincie, de gemeenten, de waterschappen en de organen van "
	       "samenwerkingsverbanden. Gemeenten die zijn samengevoegd blijven in de atlas staan "
	       "als opgeheven organisatie, met een verwijzing naar de opvolger als die bekend is.");
	comp_para(
	    b, "De indeling in beleidsdomeinen is een eigen indeling van de atlas, gemaakt op "
	       "basis van de naam en het doel van elk samenwerkingsverband. Het is geen officiële "
	       "indeling.");

	comp_h2(b, "bijhouden", "Hoe de gegevens worden bijgehouden");
	comp_para(b,
		  "De gegevens komen uit openbare bronnen: het Centraal Bureau voor de Statistiek "
		  "(CBS) voor gemeenten, inwoneraantallen en oppervlakte, de Open State Foundation "
		  "voor de gemeenschappelijke regelingen van 2015, en websites van de "
		  "samenwerkingsverbanden zelf. Ze worden met een vast, herhaalbaar script omgezet "
		  "naar de gegevensbestanden van de atlas. Er worden geen gegevens bedacht of "
		  "aangevuld: wat een bron niet vermeldt, staat in de atlas als „Onbekend”.");
	comp_para(b, "Elke wijziging in de database wordt vastgelegd met tijdstip en herkomst.");

	comp_h2(b, "laatst-bevestigd", "Wat „laatst bevestigd” betekent");
	comp_para(b,
		  "Bij elk samenwerkingsverband, elke organisatie en elke deelname staat een datum "
		  "„laatst bevestigd”. Dat is de datum waarop de bron het gegeven voor het laatst "
		  "beschreef (de peildatum van de bron). Het zegt dus niet dat het gegeven vandaag "
		  "nog klopt, maar wel hoe oud de informatie is. Hoe ouder de datum, hoe groter de "
		  "kans dat er intussen iets is veranderd.");

	comp_h2(b, "gegevens-2015", "Deelnemers uit 2015");
	comp_para(
	    b, "Van de meeste gemeenschappelijke regelingen zijn de deelnemers alleen bekend uit "
	       "de gegevens die de Open State Foundation in 2015 bij de provincies opvroeg "
	       "(OpenGR). Sindsdien zijn gemeenten samengevoegd en kunnen deelnemers zijn "
	       "toegetreden of uitgetreden. De atlas toont deze deelnemers met hun datum uit 2015 "
	       "en raadt de huidige samenstelling niet. Bij die samenwerkingsverbanden staat een "
	       "waarschuwing.");

	comp_h2(b, "bronnen", "Alle bronnen");
	/* how many records cite each source */
	int *use = arena_calloc(r->arena, (size_t)s->n_sources * 3 + 1, sizeof *use);
	for (int i = 0; i < s->n_orgs; i++)
		if (s->orgs[i].source >= 0 && s->orgs[i].source < s->n_sources)
			use[s->orgs[i].source * 3]++;
	for (int i = 0; i < s->n_collabs; i++)
		if (s->collabs[i].source >= 0 && s->collabs[i].source < s->n_sources)
			use[s->collabs[i].source * 3 + 1]++;
	for (int i = 0; i < s->n_parts; i++)
		if (s->parts[i].source >= 0 && s->parts[i].source < s->n_sources)
			use[s->parts[i].source * 3 + 2]++;
	int n_main = 0;
	for (int i = 0; i < s->n_sources; i++)
		if (use[i * 3] || use[i * 3 + 1] || use[i * 3 + 2])
			n_main++;
	html_raw(b, "<p class=\"utrecht-paragraph\">De atlas gebruikt ");
	html_int_nl(b, s->n_sources);
	html_raw(b, s->n_sources == 1 ? " bron" : " bronnen");
	html_raw(b, ". De eerste tabel toont de ");
	html_int_nl(b, n_main);
	html_raw(b, " bronnen waar organisaties, samenwerkingsverbanden of deelnames op steunen; "
		    "de tweede, ingeklapte tabel de bronnen bij afzonderlijke gegevens, zoals "
		    "ambtsdragers en besluiten. Bij elk gegeven in de atlas staat zijn eigen "
		    "bron.</p>");
	comp_table_open(b, "Bronnen van organisaties, samenwerkingsverbanden en deelnames",
			source_cols, 5);
	for (int i = 0; i < s->n_sources; i++)
		if (use[i * 3] || use[i * 3 + 1] || use[i * 3 + 2])
			source_row(b, &s->sources[i], use[i * 3], use[i * 3 + 1], use[i * 3 + 2]);
	comp_table_close(b);
	if (s->n_sources > n_main) {
		html_raw(b, "<details class=\"atlas-details\"><summary>Nog ");
		html_int_nl(b, s->n_sources - n_main);
		html_raw(b, " bronnen bij afzonderlijke gegevens</summary>");
		comp_table_open(b, "Bronnen bij afzonderlijke gegevens", source_cols, 5);
		for (int i = 0; i < s->n_sources; i++)
			if (!use[i * 3] && !use[i * 3 + 1] && !use[i * 3 + 2])
				source_row(b, &s->sources[i], 0, 0, 0);
		comp_table_close(b);
		html_raw(b, "</details>");
	}
	html_raw(b,
		 "<p class=\"utrecht-paragraph\">Wat „Onbekend; alleen feiten overgenomen” "
		 "betekent: de bron noemt geen licentie; de atlas neemt er alleen feiten uit over "
		 "(wie neemt deel, sinds wanneer), geen teksten. De precieze kopie van elk "
		 "gegevensbestand staat in data/SOURCES.md bij de broncode.</p>");

	comp_h2(b, "open-data", "Open data");
	html_raw(b, "<p class=\"utrecht-paragraph\">Alle gegevens zijn ook beschikbaar via een "
		    "open API in JSON, met dezelfde filters als de pagina's. De beschrijving staat "
		    "in het <a class=\"utrecht-link utrecht-link--html-a\" "
		    "href=\"/api/v1/openapi.json\">OpenAPI-document</a>. Vermeld bij hergebruik de "
		    "bronnen hierboven volgens hun licentie.</p>");
	layout_end(b, s->stats.newest_confirmed);
	return 200;
}

/* One known problem: what, the success criterion, the consequence for the
 * visitor, the alternative meanwhile, the measure and its date. */
static void known_issue(struct buf *b, const char *what, const char *criterion, const char *effect,
			const char *alternative, const char *fix, const char *when)
{
	html_raw(b, "<h3 class=\"utrecht-heading-3\">");
	html_text(b, what);
	html_raw(b, "</h3>");
	comp_dl_open(b);
	comp_dl_text(b, "Succescriterium", criterion);
	comp_dl_text(b, "Gevolg", effect);
	comp_dl_text(b, "Alternatief", alternative);
	comp_dl_text(b, "Maatregel", fix);
	comp_dl_text(b, "Opgelost uiterlijk", when);
	comp_dl_close(b);
}

/*
 * The accessibility statement in the Dutch government's model
 * (modelverklaring, digitoegankelijk.nl): who, for which website, the
 * compliance status, when it was drawn up and how it was assessed, the
 * known problems with their measures and dates, contact, and the
 * escalation to the Nationale ombudsman. The status is chosen honestly:
 * without a full evaluation (WCAG-EM) by an independent party the model
 * allows no higher status than "eerste maatregelen genomen".
 */
int page_accessibility(struct request *r)
{
	struct buf *b = &r->out;
	r->etag = r->snap->etag;

	const struct page_head h = {
	    .title = "Toegankelijkheid", .nav = NAV_ACCESSIBILITY, .nav_exact = true};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Toegankelijkheids&shy;verklaring</h1>"
		    "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">De provincie Utrecht "
		    "wil dat iedereen de Samenwerkingsatlas kan gebruiken, ook met een "
		    "schermlezer, alleen een toetsenbord of een vergrote weergave. Deze verklaring "
		    "volgt het model van de Rijksoverheid (digitoegankelijk.nl).</p>");

	comp_dl_open(b);
	comp_dl_text(b, "Organisatie", "Provincie Utrecht");
	comp_dl_text(b, "Website",
		     "Samenwerkingsatlas (deze website, alle pagina's en de "
		     "downloads; de open API valt erbuiten)");
	comp_dl_item_open(b, "Status");
	html_raw(b, "<strong>C — Eerste maatregelen genomen</strong>");
	comp_dl_item_close(b);
	comp_dl_text(b, "Datum van de verklaring", "7 december 2026");
	comp_dl_text(b, "Laatst herzien", "7 december 2026");
	comp_dl_close(b);

	comp_h2(b, "verklaring", "Verklaring");
	comp_para(
	    b, "De provincie Utrecht streeft ernaar de Samenwerkingsatlas toegankelijk te maken, "
	       "overeenkomstig het Besluit digitale toegankelijkheid overheid. Dat besluit "
	       "verwijst naar de Europese norm EN 301 549, die voor websites gelijk is aan de "
	       "Web Content Accessibility Guidelines (WCAG) 2.1 op niveau A en AA. Deze "
	       "verklaring geldt voor alle pagina's van de Samenwerkingsatlas.");

	comp_h2(b, "status", "Nalevingsstatus");
	comp_para(
	    b, "Status C: eerste maatregelen genomen. Er is nog geen volledig "
	       "toegankelijkheidsonderzoek volgens de evaluatiemethode WCAG-EM gedaan door een "
	       "onafhankelijke partij. Daarom kunnen we niet verklaren dat de atlas gedeeltelijk "
	       "of volledig voldoet, ook al letten we bij elke wijziging op toegankelijkheid en "
	       "vinden de automatische controles geen fouten op de gecontroleerde pagina's. Wat "
	       "we wel weten, staat hieronder bij de bekende problemen.");

	comp_h2(b, "onderbouwing", "Hoe we dit hebben beoordeeld");
	html_raw(b,
		 "<ul class=\"utrecht-unordered-list atlas-list\">"
		 "<li>Eigen beoordeling, geen onafhankelijk onderzoek.</li>"
		 "<li>Automatische tests bij elke wijziging: elke pagina wordt gecontroleerd op "
		 "geldige HTML (Nu HTML Checker van W3C) en met axe-core op de regels van WCAG "
		 "2.1 A en AA, op een breed (1280 px) en een smal (390 px) scherm; ook controleren "
		 "de tests of elementen buiten het scherm vallen, of alles met alleen een "
		 "toetsenbord werkt en of de pagina's zonder JavaScript werken.</li>"
		 "<li>Lighthouse (Google) voor toegankelijkheid en snelheid van de belangrijkste "
		 "pagina's.</li>"
		 "<li>Nog niet gedaan: een handmatige controle van alle 50 succescriteria en een "
		 "test met schermlezers (NVDA, VoiceOver) door ervaringsdeskundigen.</li></ul>");

	comp_h2(b, "problemen", "Bekende problemen en wat we eraan doen");
	comp_para(b, "Deze problemen kennen we. Bij elk staat wat het voor u betekent, hoe u de "
		     "informatie intussen toch krijgt en wanneer het is opgelost.");
	known_issue(b, "Kaart en netwerk zijn figuren (SVG)", "1.1.1 Niet-tekstuele content",
		    "Met een schermlezer is de figuur zelf niet te volgen.",
		    "Onder elke kaart en elk netwerk staat een tabel met dezelfde gegevens.",
		    "Namen en legenda in de figuur; tabel en figuur blijven gelijk.",
		    "31 maart 2027");
	known_issue(b, "Brede tabellen op een smal scherm", "1.4.10 Reflow",
		    "Op een telefoon moet u sommige tabellen opzij schuiven.",
		    "De gegevens zijn ook te downloaden als CSV.",
		    "Tabellen worden op een smal scherm rijen onder elkaar.", "31 maart 2027");
	known_issue(b, "Kleine tekst in grafieken op een telefoon", "1.4.4 Herschalen van tekst",
		    "Labels in grafieken kunnen klein worden.",
		    "Inzoomen werkt; de tabel naast elke grafiek heeft gewone tekst.",
		    "Tekst in figuren nooit kleiner dan 12 pixels.", "31 maart 2027");
	known_issue(b, "Teksten uit bronnen", "3.1.5 Leesniveau (AAA, niet verplicht)",
		    "Doelen en toelichtingen zijn overgenomen en niet altijd in eenvoudige taal.",
		    "Vraag ons om uitleg via het contactadres hieronder.",
		    "Geen: de tekst van de bron blijft zoals hij is.", "Niet van toepassing");

	comp_h2(b, "contact", "Een probleem melden");
	comp_para(
	    b, "Kunt u iets niet gebruiken of lezen? Meld het ons. Noem de pagina (het webadres) "
	       "en beschrijf wat er misgaat. U krijgt binnen vijf werkdagen een "
	       "ontvangstbevestiging en binnen twee weken een inhoudelijke reactie; intussen "
	       "helpen we u aan de informatie die u zoekt.");
	html_raw(b, "<p class=\"utrecht-paragraph\">Contactadres: ");
	info_contact_address(b, siteinfo_contact(), "--contact");
	html_raw(b, "</p>");

	comp_h2(b, "ombudsman", "Niet tevreden?");
	html_raw(b, "<p class=\"utrecht-paragraph\">Bent u niet tevreden met hoe wij uw melding "
		    "hebben behandeld? Dien dan eerst een klacht in bij de provincie Utrecht. Bent "
		    "u daarna nog niet tevreden, dan kunt u zich wenden tot de <a "
		    "class=\"utrecht-link utrecht-link--html-a\" "
		    "href=\"https://www.nationaleombudsman.nl/\">Nationale ombudsman</a>.</p>");

	comp_h2(b, "aanvullend", "Aanvullende informatie");
	html_raw(b,
		 "<p class=\"utrecht-paragraph\">Wat de atlas met persoonsgegevens doet, leest "
		 "u in de <a class=\"utrecht-link utrecht-link--html-a\" "
		 "href=\"/privacy\">privacyverklaring</a>; wie hem maakt in het <a "
		 "class=\"utrecht-link utrecht-link--html-a\" href=\"/colofon\">colofon</a>.</p>");
	layout_end(b, r->snap->stats.newest_confirmed);
	return 200;
}
