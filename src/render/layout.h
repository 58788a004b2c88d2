/*
 * layout — the page shell shared by every HTML page: doctype, <head> with
 * the hashed stylesheet URLs, skip link, page header with the site name and
 * the main navigation, optional breadcrumbs, <main id="inhoud">, and the
 * footer. Pages write their content between layout_begin and layout_end.
 *
 * Also renders the complete error page the server uses for 400/404/405/
 * 413/500 on page routes. Does not read the store or the snapshot beyond
 * what is passed in; writes only through the html.h writers.
 */
#ifndef ATLAS_LAYOUT_H
#define ATLAS_LAYOUT_H

#include "../lib/buf.h"

#include <stdbool.h>

/* The main navigation item a page belongs to (for aria-current). */
enum nav_section {
	NAV_NONE,
	NAV_HOME,
	NAV_COLLABS,
	NAV_ORGS,
	NAV_SEARCH,
	NAV_ABOUT,
	NAV_ACCESSIBILITY,
	NAV_MAP,
	NAV_NETWORK,
	NAV_ANALYSIS,
	NAV_PEOPLE,    /* wie zit waar: /personen, /analyse/bestuurders */
	NAV_CALENDAR,  /* /kalender */
	NAV_MINE,      /* Mijn organisatie (editors) */
	NAV_RELATIONS, /* Relaties (province staff) */
	NAV_ADMIN,     /* Beheer (programme team) */
};

/* One breadcrumb step; href NULL marks the current page (last step). */
struct crumb {
	const char *label; /* plain text, escaped on output */
	const char *href;  /* URL built by the caller with url_seg/url_arg, or NULL */
};

struct page_head {
	const char *title; /* plain text; " — Samenwerkingsatlas Provincie Utrecht" is appended */
	enum nav_section nav;	    /* navigation item to mark */
	bool nav_exact;		    /* true: this page IS the nav item (aria-current="page") */
	const struct crumb *crumbs; /* may be NULL; "Home" is prepended automatically */
	int n_crumbs;
	/* who is signed in (set by page_head_for in pages/auth_ui.h).
	 * account_known false: the header shows no account area at all (error
	 * pages, pages that have not adopted it). Otherwise user_name NULL means
	 * anonymous: an "Inloggen" link (to login_href, or "/inloggen"); else the
	 * name linking to /account and an "Uitloggen" button (a POST form
	 * carrying csrf). All plain text, escaped on output. */
	bool account_known;
	const char *user_name;
	const char *csrf;
	const char *login_href; /* "/inloggen?terug=..." built with url_arg, or NULL */
	/* role-aware menu items, decided by page_head_for through app/policy.h
	 * (the layout never looks at the user): "Mijn organisatie" (the
	 * signed-in user's work list) and "Beheer" (the programme team's
	 * /beheer overview). */
	bool menu_mine;
	bool menu_relations; /* "Relaties": province staff (accounthouder and up) */
	bool menu_admin;
};

/*
 * Write everything up to and including the opening <main> tag. The page
 * then writes its own h1 (exactly one) and content.
 */
void layout_begin(struct buf *b, const struct page_head *h);

/*
 * Close <main>, write the footer and close the document. data_date is the
 * newest "laatst bevestigd" date to show in the footer (ISO, may be NULL or
 * empty).
 */
void layout_end(struct buf *b, const char *data_date);

/*
 * A complete, valid Dutch HTML error page for `status` with a plain title
 * and detail (both plain text, escaped here). Shows no internals; offers
 * links to the home page and the search page.
 */
void layout_error_page(struct buf *b, int status, const char *title, const char *detail);

#endif
