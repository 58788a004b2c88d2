/*
 * search — /zoeken?q=: the search form and full-text results from the
 * store (FTS5; case and diacritics ignored). Snippets come back as plain
 * text and are escaped here. Depends on the store, so it sets no ETag.
 */
#include "auth_ui.h"
#include "bibliotheek.h"
#include "pages.h"
#include "../domain/search.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"
#include "../store/store.h"

#include <string.h>

#define SEARCH_PAGE_SIZE 20

static void search_form(struct buf *b, const char *q)
{
	html_raw(b,
		 "<form class=\"utrecht-form atlas-search\" method=\"get\" action=\"/zoeken\" "
		 "role=\"search\"><div class=\"utrecht-form-field\">"
		 "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" "
		 "for=\"q\">Zoekterm</label></div>"
		 "<div class=\"utrecht-form-field__description atlas-muted\" id=\"q-uitleg\">"
		 "Zoekt in namen, korte en vroegere namen, afkortingen, doelen, beleidsdomeinen en "
		 "juridische vormen van samenwerkingsverbanden en organisaties, en in de "
		 "bibliotheek. Hoofdletters en "
		 "accenten maken niet uit.</div>"
		 "<div class=\"utrecht-form-field__input atlas-search__row\">"
		 "<input class=\"utrecht-textbox utrecht-textbox--html-input atlas-search__input\" "
		 "type=\"search\" id=\"q\" name=\"q\" maxlength=\"200\" autocomplete=\"off\" "
		 "aria-describedby=\"q-uitleg\" value=\"");
	html_attr(b, q);
	html_raw(b, "\"><button class=\"utrecht-button utrecht-button--primary-action\" "
		    "type=\"submit\">Zoeken</button></div></div></form>");
}

/* "Bedoelt u het beleidsdomein Sociaal domein?" when the query names or
 * means one (domain/search.h). */
static void domain_hint(struct buf *b, const struct snapshot *s, const char *q)
{
	int d = search_domain_hint(s, q);
	if (d < 0)
		return;
	const struct domain *dom = &s->domains[d];
	html_raw(b, "<p class=\"utrecht-paragraph atlas-search__hint\">Bedoelt u het "
		    "beleidsdomein <a class=\"utrecht-link utrecht-link--html-a\" "
		    "href=\"/samenwerkingsverbanden?beleidsdomein=");
	url_arg(b, dom->key);
	html_raw(b, "\">");
	html_text(b, dom->name);
	html_raw(b, "</a>?");
	if (!str_empty(dom->description)) {
		html_raw(b, " <span class=\"atlas-muted\">(");
		html_text(b, dom->description);
		html_raw(b, ")</span>");
	}
	html_raw(b, " Daar staan alle ");
	html_int_nl(b, dom->n_active);
	html_raw(b, dom->n_active == 1 ? " actieve samenwerkingsverband"
				       : " actieve samenwerkingsverbanden");
	html_raw(b, " in dit beleidsdomein.</p>");
}

int page_search(struct request *r)
{
	struct buf *b = &r->out;
	struct buf base = BUF_INIT;
	struct search_hit *hits = NULL;
	int n = 0, total = 0, status = 200;
	long page = 1;
	const char *q = req_param(r, "q");
	const char *pg = req_param(r, "pagina");
	bool has_q = false;

	if (!str_empty(pg) && !parse_long(pg, 1, 10000, &page)) {
		status =
		    respond_error(r, 400, "Ongeldige parameter",
				  "De parameter 'pagina' moet een geheel getal van 1 tot en met "
				  "10000 zijn.",
				  "pagina");
		goto out;
	}
	/* a query of only spaces is no query */
	for (const char *p = q; p && *p && !has_q; p++)
		has_q = *p != ' ' && *p != '\t';

	if (has_q) {
		struct store *st = store_thread();
		if (!st ||
		    store_search(st, r->arena, q, SEARCH_PAGE_SIZE,
				 (int)((page - 1) * SEARCH_PAGE_SIZE), &hits, &n, &total) != 0) {
			log_error("search: store unavailable or query failed");
			hits = NULL;
			n = 0;
			status = respond_error(r, 500, "Zoeken lukt nu niet",
					       "Er ging bij het zoeken iets mis. Probeer het later "
					       "opnieuw.",
					       NULL);
			goto out;
		}
	}

	const struct page_head h = {
	    .title = has_q ? arena_printf(r->arena, "Zoekresultaten voor „%s”", q) : "Zoeken",
	    .nav = NAV_SEARCH,
	    .nav_exact = true};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Zoeken</h1>");
	search_form(b, has_q ? q : "");

	if (has_q) {
		long n_pages = (total + SEARCH_PAGE_SIZE - 1) / SEARCH_PAGE_SIZE;
		html_raw(b, "<h2 class=\"utrecht-heading-2\">");
		html_int_nl(b, total);
		html_raw(b, total == 1 ? " resultaat" : " resultaten");
		html_raw(b, " voor „");
		html_text(b, q);
		html_raw(b, "”");
		if (n_pages > 1)
			html_rawf(b, " <span class=\"atlas-count\">(pagina %ld van %ld)</span>",
				  page, n_pages);
		html_raw(b, "</h2>");
		domain_hint(b, r->snap, q);
		if (total == 0) {
			html_raw(b,
				 "<p class=\"utrecht-paragraph\">Niets gevonden. Controleer de "
				 "spelling, gebruik minder woorden of bekijk de <a "
				 "class=\"utrecht-link utrecht-link--html-a\" "
				 "href=\"/samenwerkingsverbanden?status=alle\">volledige lijst</a>."
				 "</p>");
		} else if (n == 0) {
			html_raw(b, "<p class=\"utrecht-paragraph\">Deze pagina heeft geen "
				    "resultaten meer.</p>");
		} else {
			html_rawf(b, "<ol class=\"atlas-results\" start=\"%ld\">",
				  (page - 1) * SEARCH_PAGE_SIZE + 1);
			for (int i = 0; i < n; i++) {
				const struct search_hit *hit = &hits[i];
				bool collab = hit->kind == 'c';
				html_raw(
				    b,
				    "<li class=\"atlas-result\"><p class=\"atlas-result__kind\">");
				html_raw(b, collab ? "Samenwerkingsverband" : "Organisatie");
				html_raw(b, "</p><p class=\"atlas-result__title\">");
				comp_link_seg(b,
					      collab ? "/samenwerkingsverbanden" : "/organisaties",
					      hit->key, hit->name);
				html_raw(b, "</p>");
				/* a snippet that only repeats the name adds nothing */
				if (!str_empty(hit->snippet) &&
				    strcmp(hit->snippet, hit->name) != 0) {
					html_raw(b, "<p class=\"utrecht-paragraph "
						    "atlas-result__snippet\">");
					html_text(b, hit->snippet);
					html_raw(b, "</p>");
				}
				html_raw(b, "</li>");
			}
			html_raw(b, "</ol>");
		}
		buf_puts(&base, "/zoeken?q=");
		url_arg(&base, q);
		buf_putc(&base, '&');
		comp_pagination(b, base.data, page, n_pages);
		/* the knowledge base, per request as the reader may see it */
		if (page == 1)
			bibliotheek_search_section(b, r, q);
	} else {
		html_raw(
		    b, "<p class=\"utrecht-paragraph\">Of blader door alle <a class=\"utrecht-link "
		       "utrecht-link--html-a\" href=\"/samenwerkingsverbanden\">"
		       "samenwerkingsverbanden</a> en <a class=\"utrecht-link "
		       "utrecht-link--html-a\" href=\"/organisaties\">organisaties</a>.</p>");
	}
	layout_end(b, r->snap ? r->snap->stats.newest_confirmed : NULL);
out:
	buf_free(&base);
	return status;
}
