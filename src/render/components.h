/*
 * components — reusable pieces of page markup with NL Design System
 * (Utrecht) class names: tables with caption and header scopes, definition
 * lists, pagination, filter selects, status badges, notices and the
 * "bron en datum" footnote.
 *
 * Every string argument is plain text (or a URL already built with
 * url_seg/url_arg) and is escaped here for its context; callers never pass
 * markup. Components write to a buf and keep no state. They do not know
 * about the snapshot except comp_source_note, which formats one source.
 */
#ifndef ATLAS_COMPONENTS_H
#define ATLAS_COMPONENTS_H

#include "../domain/model.h"
#include "../lib/buf.h"

#include <stdbool.h>

/* ---- tables ------------------------------------------------------------ */

/* One column header. */
struct comp_col {
	const char *label; /* header text */
	bool numeric;	   /* right-aligned numbers */
};

/*
 * Open a table: a scrollable container, <table>, <caption> (caption is
 * required: every table is named), a header row of <th scope="col"> and
 * the opening <tbody>. Until comp_table_close, each data cell written with
 * comp_td_* carries its column's label (data-label) for the stacked layout
 * on small screens; comp_row_open starts a row's count, a row header
 * (comp_th_open) takes its column too. Write a row's cells through these
 * functions only (a cell written by hand would shift the labels).
 */
void comp_table_open(struct buf *b, const char *caption, const struct comp_col *cols, int n);
/* As comp_table_open; with caption_hidden the caption is only for assistive
 * technology (use when a heading right above says the same). */
void comp_table_open_ex(struct buf *b, const char *caption, const struct comp_col *cols, int n,
			bool caption_hidden);
/* Close tbody, table and container. */
void comp_table_close(struct buf *b);
/* Open / close one body row. */
void comp_row_open(struct buf *b);
void comp_row_close(struct buf *b);
/* Open a row header cell (<th scope="row">); close with comp_th_close. */
void comp_th_open(struct buf *b);
void comp_th_close(struct buf *b);
/* Open a data cell (numeric: right-aligned); close with comp_td_close. */
void comp_td_open(struct buf *b, bool numeric);
void comp_td_close(struct buf *b);
/* A data cell with text; empty or NULL text shows comp_missing(empty). */
void comp_td_text(struct buf *b, const char *text, const char *empty);
/*
 * What a missing value shows: for NULL, "" or "Onbekend" a dash with a
 * visually hidden "onbekend" (one short, consistent mark in tables);
 * otherwise the given text (e.g. "Geen"), muted.
 */
void comp_missing(struct buf *b, const char *empty);
/* A numeric data cell in Dutch format. */
void comp_td_int(struct buf *b, long long v);
/* A data cell with an ISO date as "12 januari 2006"; empty shows `empty`. */
void comp_td_date(struct buf *b, const char *iso, const char *empty);
/* A link: <a class="utrecht-link" href="href">text</a>. href is a URL
 * built with url_seg/url_arg (it is attribute-escaped here). */
void comp_link(struct buf *b, const char *href, const char *text);
/* One card of a <ul class="atlas-link-cards">: a heading of level (2 or 3)
 * with the link to href, and a sentence what (both plain text). */
void comp_link_card(struct buf *b, int level, const char *href, const char *name, const char *what);
/* A link to an external URL from data: only http(s) URLs become links
 * (anything else, e.g. "javascript:", is shown as plain text). */
void comp_ext_link(struct buf *b, const char *url, const char *text);
/* A link to /<prefix>/<seg> where seg is URL-path encoded. */
void comp_link_seg(struct buf *b, const char *prefix, const char *seg, const char *text);

/* ---- data lists (<dl>) --------------------------------------------------- */

void comp_dl_open(struct buf *b);
void comp_dl_close(struct buf *b);
/* Open an item with its key (<div><dt>key</dt><dd>); close with comp_dl_item_close. */
void comp_dl_item_open(struct buf *b, const char *key);
void comp_dl_item_close(struct buf *b);
/* A whole item with a text value; empty or NULL value shows "Onbekend". */
void comp_dl_text(struct buf *b, const char *key, const char *value);
/* A whole item with an ISO date value; empty shows "Onbekend". */
void comp_dl_date(struct buf *b, const char *key, const char *iso);

/* ---- forms ----------------------------------------------------------------- */

/* One option of a select. */
struct comp_option {
	const char *value; /* submitted value ("" for "all") */
	const char *label; /* shown text */
};

/*
 * A labelled select in a form field: <label for=id>, <select id=id
 * name=name>. The option whose value equals `selected` (NULL = "") is marked
 * selected.
 */
void comp_select(struct buf *b, const char *name, const char *label, const struct comp_option *opts,
		 int n, const char *selected);

/* ---- navigation ------------------------------------------------------------ */

/*
 * Pagination for `page` of `n_pages` (nothing when n_pages <= 1). Links are
 * base followed by "pagina=N"; base is a URL built with url_seg/url_arg that
 * ends in '?' or '&' (e.g. "/samenwerkingsverbanden?soort=wgr&").
 */
void comp_pagination(struct buf *b, const char *base, long page, long n_pages);

/*
 * In-page navigation for long pages: "Op deze pagina" and a list of links to
 * the page's section headings (their ids). Nothing with fewer than two.
 */
struct comp_anchor {
	const char *id;	   /* id of the h2 ([a-z0-9-]) */
	const char *label; /* link text, plain text */
};
void comp_page_nav(struct buf *b, const struct comp_anchor *items, int n);
/*
 * The same navigation for a page whose sections are written by several
 * modules: looks at what b holds after offset `at` (markup this page wrote,
 * already escaped), takes every <h2> with an id, in order, with its text
 * (tags left out), and inserts the navigation at `at`. Nothing with fewer
 * than two such headings.
 */
void comp_page_nav_insert(struct buf *b, size_t at);

/* ---- numbers ---------------------------------------------------------------- */

/* A decimal number in Dutch format with `decimals` digits after the comma
 * and thousands dots (1.234,5). */
void comp_decimal_nl(struct buf *b, double v, int decimals);

/* ---- badges and notices ------------------------------------------------------ */

enum badge_kind { BADGE_NEUTRAL, BADGE_ACTIVE, BADGE_ENDED, BADGE_WARNING };
/* A status badge with text. */
void comp_badge(struct buf *b, enum badge_kind kind, const char *text);

/* A notice box (role-less, with a heading-less strong lead): lead is bold
 * text, body plain text; either may be NULL. */
void comp_notice(struct buf *b, const char *lead, const char *body);

/*
 * The "bron en datum" footnote for a record: "Bron: <attribution or
 * title>, peildatum <date>. Laatst bevestigd: <date>." with a link to the
 * source URL when there is one. source_index may be -1 (no source).
 */
void comp_source_note(struct buf *b, const struct snapshot *s, int source_index,
		      const char *last_confirmed);

/* <h2 class="utrecht-heading-2" id="id">text</h2> (id may be NULL) and
 * <p class="utrecht-paragraph">text</p>; both texts escaped. */
void comp_h2(struct buf *b, const char *id, const char *text);
void comp_para(struct buf *b, const char *text);

#endif
