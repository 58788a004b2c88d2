/*
 * layout — see layout.h. The shell follows the NL Design System page
 * template: skip link, page header with navigation, content, footer.
 */
#include "layout.h"
#include "assets.h"
#include "html.h"
#include "../lib/text.h"

#define SITE_NAME "Samenwerkingsatlas Provincie Utrecht"

/* A main navigation item: the section it is (the page at href), and the
 * sections whose pages live under it (marked as "you are in here"). */
struct nav_item {
	enum nav_section section;
	enum nav_section also;
	const char *href;
	const char *label;
};

/* The main questions, in the order a visitor asks them. Home is the brand
 * link; the information pages are in the footer. */
static const struct nav_item nav_items[] = {
    {NAV_COLLABS, NAV_NONE, "/samenwerkingsverbanden", "Samenwerkingen"},
    {NAV_MAP, NAV_NONE, "/kaart", "Kaart"},
    {NAV_ORGS, NAV_NONE, "/organisaties", "Organisaties"},
    {NAV_PEOPLE, NAV_NONE, "/personen", "Wie zit waar"},
    {NAV_CALENDAR, NAV_NONE, "/kalender", "Kalender"},
    {NAV_ANALYSIS, NAV_NETWORK, "/analyse", "Analyses"},
    {NAV_SEARCH, NAV_NONE, "/zoeken", "Zoeken"},
};

/* The items for signed-in roles, after the main ones. */
static const struct nav_item nav_mine = {NAV_MINE, NAV_NONE, "/mijn-organisatie",
					 "Mijn organisatie"};
static const struct nav_item nav_relations = {NAV_RELATIONS, NAV_NONE, "/relaties", "Relaties"};
static const struct nav_item nav_admin = {NAV_ADMIN, NAV_NONE, "/beheer", "Beheer"};

static void stylesheet(struct buf *b, const char *logical)
{
	html_raw(b, "<link rel=\"stylesheet\" href=\"");
	html_attr(b, assets_url(logical));
	html_raw(b, "\">");
}

static void nav_link(struct buf *b, const struct nav_item *it, enum nav_section current, bool exact,
		     const char *extra_class)
{
	bool here = current != NAV_NONE && (it->section == current || it->also == current);
	html_raw(b, "<li class=\"utrecht-nav-list__item atlas-nav__item");
	if (extra_class) {
		html_raw(b, " ");
		html_raw(b, extra_class);
	}
	html_raw(b, "\"><a class=\"utrecht-nav-list__link atlas-nav__link");
	if (here)
		html_raw(b, " atlas-nav__link--current");
	html_raw(b, "\" href=\"");
	html_attr(b, it->href);
	html_raw(b, "\"");
	if (here)
		html_raw(b, exact && it->section == current ? " aria-current=\"page\""
							    : " aria-current=\"true\"");
	html_raw(b, ">");
	html_text(b, it->label);
	html_raw(b, "</a></li>");
}

static void nav_list(struct buf *b, const struct page_head *h, const char *modifier)
{
	html_raw(b, "<ul class=\"utrecht-nav-list atlas-nav__list ");
	html_raw(b, modifier);
	html_raw(b, "\">");
	for (size_t i = 0; i < sizeof nav_items / sizeof nav_items[0]; i++)
		nav_link(b, &nav_items[i], h->nav, h->nav_exact, NULL);
	/* the role items form their own group at the end of the bar */
	const char *group = "atlas-nav__item--role";
	if (h->menu_mine) {
		nav_link(b, &nav_mine, h->nav, h->nav_exact, group);
		group = NULL;
	}
	if (h->menu_relations) {
		nav_link(b, &nav_relations, h->nav, h->nav_exact, group);
		group = NULL;
	}
	if (h->menu_admin)
		nav_link(b, &nav_admin, h->nav, h->nav_exact, group);
	html_raw(b, "</ul>");
}

/*
 * The main navigation. Wide screens show the bar; at 40em and below the
 * same items sit behind a "Menu" button: a <details> element, which opens
 * and closes without JavaScript, by mouse, touch and keyboard, and which
 * browsers announce as an expandable button. CSS shows one of the two lists
 * (the other is display: none, so hidden from assistive technology too).
 */
static void navigation(struct buf *b, const struct page_head *h)
{
	html_raw(b, "<nav class=\"utrecht-nav-bar atlas-nav\" aria-label=\"Hoofdmenu\">"
		    "<div class=\"utrecht-nav-bar__content atlas-nav__content\">");
	nav_list(b, h, "atlas-nav__list--bar");
	html_raw(b, "<details class=\"atlas-menu\"><summary class=\"atlas-menu__button\">"
		    "<span class=\"atlas-menu__icon\" aria-hidden=\"true\"></span>Menu</summary>");
	nav_list(b, h, "atlas-nav__list--menu");
	html_raw(b, "</details></div></nav>");
}

static void breadcrumbs(struct buf *b, const struct crumb *crumbs, int n)
{
	if (!crumbs || n <= 0)
		return;
	html_raw(
	    b, "<nav class=\"utrecht-breadcrumb-nav atlas-breadcrumbs\" aria-label=\"Kruimelpad\">"
	       "<ol class=\"utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol\">"
	       "<li class=\"utrecht-breadcrumb-nav__item\"><a class=\"utrecht-breadcrumb-nav__link "
	       "utrecht-breadcrumb-nav__link--first\" href=\"/\">Home</a></li>");
	for (int i = 0; i < n; i++) {
		html_raw(b, "<li class=\"utrecht-breadcrumb-nav__item\">");
		if (crumbs[i].href) {
			html_raw(b, "<a class=\"utrecht-breadcrumb-nav__link\" href=\"");
			html_attr(b, crumbs[i].href);
			html_raw(b, "\">");
			html_text(b, crumbs[i].label);
			html_raw(b, "</a>");
		} else {
			html_raw(b,
				 "<span class=\"utrecht-breadcrumb-nav__link "
				 "utrecht-breadcrumb-nav__link--current\" aria-current=\"page\">");
			html_text(b, crumbs[i].label);
			html_raw(b, "</span>");
		}
		html_raw(b, "</li>");
	}
	html_raw(b, "</ol></nav>");
}

/* The signed-in user's name, account link and logout button, or the
 * login link for anonymous visitors. */
static void account_area(struct buf *b, const struct page_head *h)
{
	if (!h->account_known)
		return;
	html_raw(b, "<div class=\"atlas-header__account\">");
	if (str_empty(h->user_name)) {
		html_raw(b, "<a class=\"utrecht-link utrecht-link--html-a atlas-header__login\" "
			    "href=\"");
		html_attr(b, str_empty(h->login_href) ? "/inloggen" : h->login_href);
		html_raw(b, "\">Inloggen</a></div>");
		return;
	}
	html_raw(b, "<p class=\"atlas-header__user\"><span class=\"atlas-visually-hidden\">"
		    "Ingelogd als </span><a class=\"utrecht-link utrecht-link--html-a\" "
		    "href=\"/account\">");
	html_text(b, h->user_name);
	html_raw(b, "</a></p><form class=\"atlas-header__logout\" method=\"post\" "
		    "action=\"/uitloggen\"><input type=\"hidden\" name=\"csrf\" value=\"");
	html_attr(b, h->csrf ? h->csrf : "");
	html_raw(b, "\"><button type=\"submit\" class=\"utrecht-button "
		    "utrecht-button--secondary-action\">Uitloggen</button></form></div>");
}

void layout_begin(struct buf *b, const struct page_head *h)
{
	html_raw(b, "<!DOCTYPE html>\n<html lang=\"nl\" class=\"utrecht-theme atlas-theme\">"
		    "<head><meta charset=\"utf-8\">"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
		    "<title>");
	if (!str_empty(h->title)) {
		html_text(b, h->title);
		html_raw(b, " — ");
	}
	html_raw(b, SITE_NAME "</title>");
	stylesheet(b, "gen/utrecht-tokens.css");
	stylesheet(b, "gen/utrecht-components.css");
	stylesheet(b, "css/atlas.css");
	/* the print stylesheet, for every page */
	html_raw(b, "<link rel=\"stylesheet\" media=\"print\" href=\"");
	html_attr(b, assets_url("css/print.css"));
	html_raw(b, "\">");
	html_raw(b, "<link rel=\"icon\" type=\"image/svg+xml\" href=\"");
	html_attr(b, assets_url("img/favicon.svg"));
	html_raw(
	    b, "\"></head>"
	       "<body class=\"utrecht-page-body utrecht-body atlas-body\">"
	       "<a class=\"utrecht-skip-link utrecht-skip-link--visible-on-focus atlas-skip-link\" "
	       "href=\"#inhoud\">Direct naar de inhoud</a>"
	       "<header class=\"utrecht-page-header atlas-header\">"
	       "<div class=\"utrecht-page-header__content atlas-header__content\">"
	       "<a class=\"atlas-brand\" href=\"/\"><img class=\"atlas-brand__logo\" src=\"");
	html_attr(b, assets_url("img/logo.svg"));
	html_raw(b, "\" alt=\"\" width=\"44\" height=\"44\">"
		    "<span class=\"atlas-brand__text\"><span class=\"atlas-brand__name\">"
		    "Samenwerkingsatlas</span><span class=\"atlas-brand__owner\">Provincie Utrecht"
		    "</span></span></a>"
		    "<p class=\"atlas-header__tagline\">Wie werkt met wie samen: provincie, "
		    "gemeenten en waterschappen</p>");
	account_area(b, h);
	html_raw(b, "</div>");
	navigation(b, h);
	html_raw(b, "</header><div class=\"utrecht-page atlas-page\">");
	breadcrumbs(b, h->crumbs, h->n_crumbs);
	html_raw(b,
		 "<main id=\"inhoud\" class=\"utrecht-page-content atlas-main\" tabindex=\"-1\">");
}

void layout_end(struct buf *b, const char *data_date)
{
	html_raw(b, "</main></div>"
		    "<footer class=\"utrecht-page-footer atlas-footer\">"
		    "<div class=\"utrecht-page-footer__content atlas-footer__content\">"
		    "<div class=\"atlas-footer__about\">"
		    "<p class=\"atlas-footer__title\">Samenwerkingsatlas Provincie Utrecht</p>"
		    "<p>Een openbaar overzicht van de samenwerkingsverbanden van de provincie, "
		    "de gemeenten en de waterschappen in Utrecht, met bron en datum bij elk "
		    "gegeven.</p>");
	if (!str_empty(data_date)) {
		html_raw(b, "<p>Meest recente bevestiging van een gegeven: <time datetime=\"");
		html_attr(b, data_date);
		html_raw(b, "\">");
		html_date_nl(b, data_date);
		html_raw(b, "</time>.</p>");
	}
	html_raw(b, "</div><nav class=\"atlas-footer__nav\" aria-label=\"Voettekst\">"
		    "<ul class=\"atlas-footer__links\">"
		    "<li><a class=\"atlas-footer__link\" href=\"/over\">Over de gegevens en "
		    "bronnen</a></li>"
		    "<li><a class=\"atlas-footer__link\" href=\"/toegankelijkheid\">"
		    "Toegankelijkheidsverklaring</a></li>"
		    "<li><a class=\"atlas-footer__link\" href=\"/open-data\">Open data "
		    "downloaden</a></li>"
		    "<li><a class=\"atlas-footer__link\" href=\"/actualiteit\">Actualiteit per "
		    "partner</a></li>"
		    "<li><a class=\"atlas-footer__link\" href=\"/wijzigingen\">Recente "
		    "wijzigingen</a></li>"
		    "<li><a class=\"atlas-footer__link\" href=\"/bijeenkomsten\">Bijeenkomsten"
		    "</a></li>"
		    "<li><a class=\"atlas-footer__link\" href=\"/instrumenten\">Instrumenten "
		    "voor samenwerking</a></li>"
		    "<li><a class=\"atlas-footer__link\" href=\"/kennis\">Kennis: cijfers, "
		    "publicaties en subsidiekansen</a></li>"
		    "<li><a class=\"atlas-footer__link\" href=\"/financien\">Financiën van "
		    "gemeenten</a></li>"
		    "<li><a class=\"atlas-footer__link\" href=\"/toezicht\">Interbestuurlijk "
		    "toezicht</a></li>"
		    "<li><a class=\"atlas-footer__link\" href=\"/evaluatie\">Evaluatie van het "
		    "programma</a></li>"
		    "<li><a class=\"atlas-footer__link\" href=\"/contact\">Contact</a></li>"
		    "<li><a class=\"atlas-footer__link\" href=\"/privacy\">Privacyverklaring"
		    "</a></li>"
		    "<li><a class=\"atlas-footer__link\" href=\"/colofon\">Colofon</a></li>"
		    "<li><a class=\"atlas-footer__link\" href=\"/api/v1/openapi.json\">"
		    "Open API (OpenAPI 3, JSON)</a></li>"
		    "</ul></nav></div></footer></body></html>\n");
}

void layout_error_page(struct buf *b, int status, const char *title, const char *detail)
{
	const struct page_head h = {.title = str_empty(title) ? "Fout" : title, .nav = NAV_NONE};
	layout_begin(b, &h);
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, h.title);
	html_raw(b, "</h1>");
	if (!str_empty(detail)) {
		html_raw(b, "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">");
		html_text(b, detail);
		html_raw(b, "</p>");
	}
	if (status >= 500)
		html_raw(
		    b, "<p class=\"utrecht-paragraph\">Er ging bij ons iets mis. Probeer het over "
		       "een paar minuten opnieuw.</p>");
	html_raw(b, "<p class=\"utrecht-paragraph\">Ga naar de <a class=\"utrecht-link "
		    "utrecht-link--html-a\" href=\"/\">startpagina</a>, bekijk alle <a "
		    "class=\"utrecht-link utrecht-link--html-a\" href=\"/samenwerkingsverbanden\">"
		    "samenwerkingsverbanden</a> of <a class=\"utrecht-link utrecht-link--html-a\" "
		    "href=\"/zoeken\">zoek</a> in de atlas.</p>");
	html_rawf(b, "<p class=\"utrecht-paragraph atlas-muted\">Foutcode %d</p>", status);
	layout_end(b, NULL);
}
