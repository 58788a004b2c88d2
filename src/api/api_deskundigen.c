/*
 * api_deskundigen — the experts' listings in the API; see api_deskundigen.h.
 */
#include "api_deskundigen.h"
#include "api_common.h"
#include "../app/deskundigen.h"
#include "../lib/text.h"
#include "../render/json.h"

#include <string.h>

const struct param_spec api_deskundigen_params[] = {
    {"q", PT_TEXT, 200}, {"thema", PT_TEXT, 80}, {NULL, 0, 0}};

int api_deskundigen_list(struct request *r)
{
	if (!(r->via_token && r->user)) {
		req_header(r, "WWW-Authenticate", "Bearer realm=\"samenwerkingsatlas\"");
		return respond_error(r, 401, "Niet aangemeld",
				     "Wie weet wat is alleen met een persoonlijke API-sleutel "
				     "(Authorization: Bearer ...) te lezen.",
				     NULL);
	}
	const char *theme = req_param(r, "thema");
	if (!str_empty(theme) && !deskundigen_theme_known(r->snap, theme))
		return respond_error(r, 400, "Ongeldige parameter",
				     "thema is de sleutel van een beleidsdomein "
				     "(GET /api/v1/beleidsdomeinen).",
				     "thema");
	struct store *st = store_thread();
	if (!st)
		return api_store_down(r);
	struct expert_row *rows;
	int n;
	enum ex_outcome o = deskundigen_search(st, r->arena, r->snap, r->user, req_param(r, "q"),
					       str_empty(theme) ? NULL : theme, &rows, &n);
	if (o == EX_FORBIDDEN)
		return respond_error(r, 403, "Geen toegang", "Geen toegang tot Wie weet wat.",
				     NULL);
	if (o != EX_OK)
		return api_store_down(r);
	struct jw w;
	r->cache_control = "no-store";
	api_begin(r, &w);
	r->etag = NULL;
	jw_obj(&w);
	api_links_self(&w, API_BASE "/kennis/deskundigen");
	jw_kint(&w, "totaal", n);
	jw_key(&w, "deskundigen");
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		const struct expert_row *x = &rows[i];
		jw_obj(&w);
		jw_kint(&w, "id", x->id);
		jw_kstr(&w, "naam", x->name);
		jw_kstr(&w, "organisatie", *x->org_code ? x->org_code : NULL);
		jw_key(&w, "themas");
		jw_arr(&w);
		const char **keys;
		int nk = deskundigen_theme_keys(r->arena, x->themes, &keys);
		for (int k = 0; k < nk; k++)
			jw_str(&w, keys[k]);
		jw_end(&w);
		jw_kstr(&w, "kennis", x->expertise);
		jw_kstr(&w, "trefwoorden", x->keywords);
		jw_kstr(&w, "contact", x->contact);
		jw_kstr(&w, "toestemmingSinds", x->consent_at);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	return 200;
}
