/*
 * components — see components.h. Markup literals are ours; every value
 * passes through html_text / html_attr.
 */
#include "components.h"
#include "html.h"
#include "../lib/text.h"

#include <stdio.h>
#include <string.h>

/* ---- tables ------------------------------------------------------------ */

/*
 * The column labels of the table being written, so that each cell can carry
 * its label as data-label: on small screens the stylesheet shows tables as
 * stacked rows with the label before each value. Per thread (the server
 * writes pages on several threads), set by comp_table_open_ex, cleared by
 * comp_table_close; comp_row_open restarts the column count.
 */
#define COL_MAX 24
#define COL_LABEL_MAX 96
static _Thread_local struct {
	int n;	 /* columns of the open table; 0 = no table open */
	int col; /* the next cell's column */
	char label[COL_MAX][COL_LABEL_MAX];
} cur;

/* Copy src into dst (cap bytes), cut at a UTF-8 character boundary. */
static void copy_label(char *dst, const char *src, size_t cap)
{
	size_t len = src ? strlen(src) : 0;
	if (len >= cap) {
		len = cap - 1;
		while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
			len--;
	}
	if (len)
		memcpy(dst, src, len);
	dst[len] = '\0';
}

/* The data-label attribute of the next cell (nothing past the last column). */
static void cell_label(struct buf *b)
{
	int c = cur.col++;
	if (c < 0 || c >= cur.n || !cur.label[c][0])
		return;
	html_raw(b, " data-label=\"");
	html_attr(b, cur.label[c]);
	html_raw(b, "\"");
}

void comp_table_open(struct buf *b, const char *caption, const struct comp_col *cols, int n)
{
	comp_table_open_ex(b, caption, cols, n, false);
}

void comp_table_open_ex(struct buf *b, const char *caption, const struct comp_col *cols, int n,
			bool caption_hidden)
{
	html_raw(b, n <= 3 ? "<div class=\"utrecht-table-container atlas-table-container "
			     "atlas-table-container--narrow\">"
			   : "<div class=\"utrecht-table-container atlas-table-container\">");
	html_raw(b, ""
		    "<table class=\"utrecht-table utrecht-table--html-table "
		    "utrecht-table--alternate-row-color atlas-table--stack\">"
		    "<caption class=\"utrecht-table__caption");
	html_raw(b, caption_hidden ? " atlas-visually-hidden\">" : "\">");
	html_text(b, caption);
	html_raw(
	    b,
	    "</caption><thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">");
	cur.n = n < COL_MAX ? n : COL_MAX;
	cur.col = 0;
	for (int i = 0; i < cur.n; i++)
		copy_label(cur.label[i], cols[i].label, COL_LABEL_MAX);
	for (int i = 0; i < n; i++) {
		html_raw(b, cols[i].numeric
				? "<th scope=\"col\" class=\"utrecht-table__header-cell "
				  "utrecht-table__header-cell--numeric-column\">"
				: "<th scope=\"col\" class=\"utrecht-table__header-cell\">");
		html_text(b, cols[i].label);
		html_raw(b, "</th>");
	}
	html_raw(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
}

void comp_table_close(struct buf *b)
{
	cur.n = 0;
	cur.col = 0;
	html_raw(b, "</tbody></table></div>");
}

void comp_row_open(struct buf *b)
{
	cur.col = 0;
	html_raw(b, "<tr class=\"utrecht-table__row\">");
}

void comp_row_close(struct buf *b)
{
	html_raw(b, "</tr>");
}

void comp_th_open(struct buf *b)
{
	/* the row header names the row: no label before it when stacked */
	cur.col++;
	html_raw(b, "<th scope=\"row\" class=\"utrecht-table__header-cell atlas-row-header\">");
}

void comp_th_close(struct buf *b)
{
	html_raw(b, "</th>");
}

void comp_td_open(struct buf *b, bool numeric)
{
	html_raw(b, numeric
			? "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column\""
			: "<td class=\"utrecht-table__cell\"");
	cell_label(b);
	html_raw(b, ">");
}

void comp_td_close(struct buf *b)
{
	html_raw(b, "</td>");
}

void comp_td_text(struct buf *b, const char *text, const char *empty)
{
	comp_td_open(b, false);
	if (str_empty(text)) {
		comp_missing(b, empty);
	} else {
		html_text(b, text);
	}
	comp_td_close(b);
}

void comp_td_int(struct buf *b, long long v)
{
	comp_td_open(b, true);
	html_int_nl(b, v);
	comp_td_close(b);
}

void comp_td_date(struct buf *b, const char *iso, const char *empty)
{
	if (str_empty(iso)) {
		comp_td_text(b, NULL, empty);
		return;
	}
	comp_td_open(b, false);
	html_raw(b, "<time datetime=\"");
	html_attr(b, iso);
	html_raw(b, "\">");
	html_date_nl(b, iso);
	html_raw(b, "</time>");
	comp_td_close(b);
}

void comp_link(struct buf *b, const char *href, const char *text)
{
	html_raw(b, "<a class=\"utrecht-link utrecht-link--html-a\" href=\"");
	html_attr(b, href);
	html_raw(b, "\">");
	html_text(b, text);
	html_raw(b, "</a>");
}

void comp_ext_link(struct buf *b, const char *url, const char *text)
{
	if (url && (strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0))
		comp_link(b, url, text);
	else
		html_text(b, text);
}

void comp_link_seg(struct buf *b, const char *prefix, const char *seg, const char *text)
{
	html_raw(b, "<a class=\"utrecht-link utrecht-link--html-a\" href=\"");
	html_attr(b, prefix);
	html_raw(b, "/");
	/* url_seg output has only unreserved chars and %XX: safe in an attribute */
	url_seg(b, seg);
	html_raw(b, "\">");
	html_text(b, text);
	html_raw(b, "</a>");
}

/* ---- data lists --------------------------------------------------------- */

void comp_dl_open(struct buf *b)
{
	html_raw(b, "<dl class=\"utrecht-data-list utrecht-data-list--rows atlas-data-list\">");
}

void comp_dl_close(struct buf *b)
{
	html_raw(b, "</dl>");
}

void comp_dl_item_open(struct buf *b, const char *key)
{
	html_raw(
	    b, "<div class=\"utrecht-data-list__item\"><dt class=\"utrecht-data-list__item-key\">");
	html_text(b, key);
	html_raw(b, "</dt><dd class=\"utrecht-data-list__item-value "
		    "utrecht-data-list__item-value--html-dd\">");
}

void comp_dl_item_close(struct buf *b)
{
	html_raw(b, "</dd></div>");
}

static void unknown(struct buf *b)
{
	html_raw(b, "<span class=\"atlas-unknown\">Onbekend</span>");
}

void comp_missing(struct buf *b, const char *empty)
{
	if (str_empty(empty) || strcmp(empty, "Onbekend") == 0) {
		html_raw(b, "<span class=\"atlas-unknown\"><span aria-hidden=\"true\">—</span>"
			    "<span class=\"atlas-visually-hidden\">onbekend</span></span>");
		return;
	}
	html_raw(b, "<span class=\"atlas-unknown\">");
	html_text(b, empty);
	html_raw(b, "</span>");
}

/* ---- in-page navigation -------------------------------------------------- */

void comp_page_nav(struct buf *b, const struct comp_anchor *items, int n)
{
	if (n < 2)
		return;
	html_raw(b, "<nav class=\"atlas-toc atlas-page-nav\" aria-labelledby=\"op-deze-pagina\">"
		    "<p class=\"atlas-page-nav__title\" id=\"op-deze-pagina\">Op deze pagina</p>"
		    "<ul class=\"atlas-list atlas-page-nav__list\">");
	for (int i = 0; i < n; i++) {
		html_raw(b, "<li><a class=\"utrecht-link utrecht-link--html-a\" href=\"#");
		html_attr(b, items[i].id);
		html_raw(b, "\">");
		html_text(b, items[i].label);
		html_raw(b, "</a></li>");
	}
	html_raw(b, "</ul></nav>");
}

void comp_dl_text(struct buf *b, const char *key, const char *value)
{
	comp_dl_item_open(b, key);
	if (str_empty(value))
		unknown(b);
	else
		html_text(b, value);
	comp_dl_item_close(b);
}

void comp_dl_date(struct buf *b, const char *key, const char *iso)
{
	comp_dl_item_open(b, key);
	if (str_empty(iso)) {
		unknown(b);
	} else {
		html_raw(b, "<time datetime=\"");
		html_attr(b, iso);
		html_raw(b, "\">");
		html_date_nl(b, iso);
		html_raw(b, "</time>");
	}
	comp_dl_item_close(b);
}

/* ---- forms ------------------------------------------------------------------ */

void comp_select(struct buf *b, const char *name, const char *label, const struct comp_option *opts,
		 int n, const char *selected)
{
	if (!selected)
		selected = "";
	html_raw(b, "<div class=\"utrecht-form-field atlas-form-field\">"
		    "<div class=\"utrecht-form-field__label\">"
		    "<label class=\"utrecht-form-label\" for=\"f-");
	html_attr(b, name);
	html_raw(b, "\">");
	html_text(b, label);
	html_raw(b, "</label></div><div class=\"utrecht-form-field__input\">"
		    "<select class=\"utrecht-select utrecht-select--html-select\" id=\"f-");
	html_attr(b, name);
	html_raw(b, "\" name=\"");
	html_attr(b, name);
	html_raw(b, "\">");
	for (int i = 0; i < n; i++) {
		html_raw(b, "<option value=\"");
		html_attr(b, opts[i].value);
		html_raw(b, strcmp(opts[i].value, selected) == 0 ? "\" selected>" : "\">");
		html_text(b, opts[i].label);
		html_raw(b, "</option>");
	}
	html_raw(b, "</select></div></div>");
}

/* ---- pagination ---------------------------------------------------------- */

static void page_href(struct buf *b, const char *base, long page)
{
	html_raw(b, " href=\"");
	html_attr(b, base);
	html_rawf(b, "pagina=%ld\"", page);
}

void comp_pagination(struct buf *b, const char *base, long page, long n_pages)
{
	if (n_pages <= 1)
		return;
	if (page < 1)
		page = 1;
	html_raw(b, "<nav class=\"utrecht-pagination atlas-pagination\" aria-label=\"Paginering\">"
		    "<ul class=\"atlas-pagination__list\">");
	if (page > 1) {
		html_raw(b, "<li><a class=\"utrecht-pagination__relative-link "
			    "utrecht-pagination__relative-link--prev\" rel=\"prev\"");
		page_href(b, base, page - 1);
		html_raw(b, ">Vorige<span class=\"atlas-visually-hidden\"> pagina</span></a></li>");
	}
	long prev = 0;
	for (long p = 1; p <= n_pages; p++) {
		/* first, last and a window of two around the current page */
		if (p != 1 && p != n_pages && (p < page - 2 || p > page + 2))
			continue;
		if (prev && p > prev + 1)
			html_raw(b,
				 "<li class=\"atlas-pagination__gap\" aria-hidden=\"true\">…</li>");
		prev = p;
		if (p == page) {
			html_raw(b,
				 "<li><a class=\"utrecht-pagination__page-link "
				 "utrecht-pagination__page-link--current\" aria-current=\"page\"");
		} else {
			html_raw(b, "<li><a class=\"utrecht-pagination__page-link\"");
		}
		page_href(b, base, p);
		html_rawf(b, "><span class=\"atlas-visually-hidden\">Pagina </span>%ld</a></li>",
			  p);
	}
	if (page < n_pages) {
		html_raw(b, "<li><a class=\"utrecht-pagination__relative-link "
			    "utrecht-pagination__relative-link--next\" rel=\"next\"");
		page_href(b, base, page + 1);
		html_raw(b,
			 ">Volgende<span class=\"atlas-visually-hidden\"> pagina</span></a></li>");
	}
	html_raw(b, "</ul></nav>");
}

/* The value of attribute `name` inside the tag [tag, end), or NULL; *len set. */
static const char *tag_attr(const char *tag, const char *end, const char *name, size_t *len)
{
	size_t nl = strlen(name);
	for (const char *p = tag; p + nl + 2 < end; p++) {
		if (p[-1] != ' ' || strncmp(p, name, nl) != 0 || p[nl] != '=' || p[nl + 1] != '"')
			continue;
		const char *v = p + nl + 2;
		const char *q = memchr(v, '"', (size_t)(end - v));
		if (!q)
			return NULL;
		*len = (size_t)(q - v);
		return v;
	}
	return NULL;
}

void comp_page_nav_insert(struct buf *b, size_t at)
{
	if (b->err || !b->data || at > b->len)
		return;
	struct buf nav = BUF_INIT;
	int n = 0;
	const char *end = b->data + b->len;
	for (const char *p = strstr(b->data + at, "<h2"); p; p = strstr(p + 3, "<h2")) {
		const char *gt = memchr(p, '>', (size_t)(end - p));
		if (!gt)
			break;
		size_t id_len = 0;
		const char *id = tag_attr(p + 3, gt, "id", &id_len);
		const char *close = strstr(gt, "</h2>");
		if (!id || !id_len || !close)
			continue;
		if (n++ == 0)
			html_raw(
			    &nav,
			    "<nav class=\"atlas-toc atlas-page-nav\" "
			    "aria-labelledby=\"op-deze-pagina\"><p class=\"atlas-page-nav__title\" "
			    "id=\"op-deze-pagina\">Op deze pagina</p><ul class=\"atlas-list "
			    "atlas-page-nav__list\">");
		/* the id and text come from this page's own escaped markup: copied
		 * as they are, tags left out and spaces collapsed */
		html_raw(&nav, "<li><a class=\"utrecht-link utrecht-link--html-a\" href=\"#");
		buf_add(&nav, id, id_len);
		html_raw(&nav, "\">");
		bool in_tag = false, space = false, any = false;
		for (const char *t = gt + 1; t < close; t++) {
			if (*t == '<')
				in_tag = true;
			else if (*t == '>')
				in_tag = false;
			else if (!in_tag && (*t == ' ' || *t == '\n' || *t == '\t'))
				space = any;
			else if (!in_tag) {
				if (space)
					buf_putc(&nav, ' ');
				space = false;
				any = true;
				buf_putc(&nav, *t);
			}
		}
		html_raw(&nav, "</a></li>");
	}
	if (n >= 2) {
		html_raw(&nav, "</ul></nav>");
		if (!nav.err && buf_reserve(b, nav.len)) {
			memmove(b->data + at + nav.len, b->data + at, b->len - at + 1);
			memcpy(b->data + at, nav.data, nav.len);
			b->len += nav.len;
		}
	}
	buf_free(&nav);
}

/* ---- numbers ---------------------------------------------------------------- */

void comp_decimal_nl(struct buf *b, double v, int decimals)
{
	char tmp[64];
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	int n = snprintf(tmp, sizeof tmp, "%.*f", decimals, v < 0 ? -v : v);
	if (n <= 0 || (size_t)n >= sizeof tmp)
		return;
	char *dot = strchr(tmp, '.');
	size_t int_len = dot ? (size_t)(dot - tmp) : (size_t)n;
	if (v < 0 && strspn(tmp, "0.") != (size_t)n)
		buf_putc(b, '-');
	for (size_t i = 0; i < int_len; i++) {
		if (i > 0 && (int_len - i) % 3 == 0)
			buf_putc(b, '.');
		buf_putc(b, tmp[i]);
	}
	if (dot) {
		buf_putc(b, ',');
		buf_puts(b, dot + 1);
	}
}

/* ---- badges and notices ------------------------------------------------------ */

void comp_badge(struct buf *b, enum badge_kind kind, const char *text)
{
	static const char *const cls[] = {
	    [BADGE_NEUTRAL] = "utrecht-status-badge--neutral",
	    [BADGE_ACTIVE] = "utrecht-status-badge--active",
	    [BADGE_ENDED] = "utrecht-status-badge--inactive",
	    [BADGE_WARNING] = "utrecht-status-badge--warning",
	};
	html_raw(b, "<span class=\"utrecht-status-badge atlas-badge ");
	html_raw(b, cls[kind]);
	html_raw(b, "\">");
	html_text(b, text);
	html_raw(b, "</span>");
}

void comp_notice(struct buf *b, const char *lead, const char *body)
{
	html_raw(b,
		 "<div class=\"utrecht-alert utrecht-alert--warning atlas-notice\" role=\"note\">"
		 "<div class=\"utrecht-alert__content\"><p class=\"utrecht-alert__message\">");
	if (!str_empty(lead)) {
		html_raw(b, "<strong>");
		html_text(b, lead);
		html_raw(b, "</strong> ");
	}
	html_text(b, body);
	html_raw(b, "</p></div></div>");
}

void comp_source_note(struct buf *b, const struct snapshot *s, int source_index,
		      const char *last_confirmed)
{
	html_raw(b, "<p class=\"utrecht-paragraph atlas-source\">");
	if (source_index >= 0 && source_index < s->n_sources) {
		const struct source *src = &s->sources[source_index];
		const char *who = str_empty(src->attribution) ? src->publisher : src->attribution;
		if (strncmp(who, "Bron: ", 6) == 0)
			who += 6;
		html_raw(b, "Bron: ");
		if (!str_empty(who)) {
			html_text(b, who);
			html_raw(b, ", ");
		}
		html_raw(b, "„");
		comp_ext_link(b, src->url, src->title);
		html_raw(b, "”");
		if (!str_empty(src->reference_date)) {
			html_raw(b, ", peildatum ");
			html_date_nl(b, src->reference_date);
		}
		html_raw(b, ". ");
	} else {
		html_raw(b, "Bron: onbekend. ");
	}
	html_raw(b, "Laatst bevestigd: ");
	if (str_empty(last_confirmed))
		html_raw(b, "onbekend");
	else
		html_date_nl(b, last_confirmed);
	html_raw(b, ".</p>");
}

void comp_h2(struct buf *b, const char *id, const char *text)
{
	html_raw(b, "<h2 class=\"utrecht-heading-2\"");
	if (id) {
		html_raw(b, " id=\"");
		html_attr(b, id);
		html_raw(b, "\"");
	}
	html_raw(b, ">");
	html_text(b, text);
	html_raw(b, "</h2>");
}

void comp_para(struct buf *b, const char *text)
{
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	html_text(b, text);
	html_raw(b, "</p>");
}

void comp_link_card(struct buf *b, int level, const char *href, const char *name, const char *what)
{
	level = level == 2 ? 2 : 3;
	html_rawf(b,
		  "<li class=\"atlas-link-card\"><h%d class=\"utrecht-heading-3 "
		  "atlas-link-card__title\"><a class=\"utrecht-link utrecht-link--html-a\" href=\"",
		  level);
	html_attr(b, href);
	html_raw(b, "\">");
	html_text(b, name);
	html_rawf(b, "</a></h%d><p class=\"utrecht-paragraph atlas-link-card__text\">", level);
	html_text(b, what);
	html_raw(b, "</p></li>");
}
