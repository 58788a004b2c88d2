/*
 * api_search — GET /api/v1/zoeken?q=: the full-text search of /zoeken as
 * JSON (store_search: names, short and former names, abbreviations,
 * purposes, beleidsdomeinen, legal forms), 20 hits per page, with the same
 * suggestion as the page ("Bedoelt u het beleidsdomein Sociaal domein?",
 * domain/search.h). Without a query (or only spaces): no results.
 */
#include "api.h"
#include "api_common.h"
#include "../domain/search.h"
#include "../lib/text.h"
#include "../store/store.h"

#define SEARCH_PAGE_SIZE 20

static const char *const search_keys[] = {"q", "pagina", NULL};

int api_search(struct request *r)
{
	const struct snapshot *s = r->snap;
	const char *q = req_param(r, "q");
	long page = 1;
	if (!api_param_long(r, "pagina", 1, 10000, &page))
		return respond_error(r, 400, "Ongeldige parameter",
				     "De parameter 'pagina' moet een geheel getal van 1 tot en met "
				     "10000 zijn.",
				     "pagina");
	bool has_q = false;
	for (const char *p = q; p && *p && !has_q; p++)
		has_q = *p != ' ' && *p != '\t';
	struct store *st = has_q ? store_thread() : NULL;
	struct search_hit *hits = NULL;
	int n = 0, total = 0;
	if (has_q &&
	    (!st || store_search(st, r->arena, q, SEARCH_PAGE_SIZE,
				 (int)((page - 1) * SEARCH_PAGE_SIZE), &hits, &n, &total) != 0))
		return respond_error(r, 503, "Tijdelijk niet beschikbaar",
				     "Zoeken lukt nu niet. Probeer het later opnieuw.", NULL);
	struct jw w;
	api_begin(r, &w);
	jw_obj(&w);
	api_paging(r, &w, API_BASE "/zoeken", search_keys, page, SEARCH_PAGE_SIZE, total);
	jw_kstr(&w, "zoekterm", has_q ? q : NULL);
	jw_key(&w, "suggestie");
	int d = has_q ? search_domain_hint(s, q) : -1;
	if (d >= 0) {
		const struct domain *dom = &s->domains[d];
		jw_obj(&w);
		jw_kstr(&w, "tekst",
			arena_printf(r->arena, "Bedoelt u het beleidsdomein %s?", dom->name));
		jw_key(&w, "beleidsdomein");
		jw_obj(&w);
		jw_kstr(&w, "code", dom->key);
		jw_kstr(&w, "naam", dom->name);
		jw_end(&w);
		jw_key(&w, "_links");
		jw_obj(&w);
		jw_key(&w, "samenwerkingsverbanden");
		jw_obj(&w);
		api_khref(&w, "href", API_BASE "/samenwerkingsverbanden?beleidsdomein=", dom->key,
			  NULL);
		jw_end(&w);
		jw_end(&w);
		jw_end(&w);
	} else {
		jw_null(&w);
	}
	jw_key(&w, "resultaten");
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		bool collab = hits[i].kind == 'c';
		jw_obj(&w);
		jw_kstr(&w, "soort", collab ? "samenwerkingsverband" : "organisatie");
		jw_kstr(&w, "id", hits[i].key);
		jw_kstr(&w, "naam", hits[i].name);
		jw_kstr(&w, "fragment", hits[i].snippet);
		jw_key(&w, "_links");
		jw_obj(&w);
		jw_key(&w, "self");
		jw_obj(&w);
		api_khref(&w, "href",
			  collab ? API_BASE "/samenwerkingsverbanden/" : API_BASE "/organisaties/",
			  hits[i].key, NULL);
		jw_end(&w);
		jw_end(&w);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	return 200;
}
