/*
 * api_domain — GET /api/v1/beleidsdomeinen: every policy domain with its
 * number of active collaborations and a link to the filtered list. The list
 * is small (tens of entries) and is not paged.
 */
#include "api.h"
#include "api_common.h"

int api_domain_list(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct jw w;

	api_begin(r, &w);
	jw_obj(&w);
	jw_key(&w, "_links");
	jw_obj(&w);
	api_link(&w, "self", API_BASE "/beleidsdomeinen");
	jw_end(&w);
	jw_kint(&w, "totaal", s->n_domains);
	jw_key(&w, "beleidsdomeinen");
	jw_arr(&w);
	for (int i = 0; i < s->n_domains; i++) {
		const struct domain *d = &s->domains[i];
		jw_obj(&w);
		jw_kstr(&w, "code", d->key);
		jw_kstr(&w, "naam", d->name);
		jw_kstr(&w, "omschrijving", d->description);
		jw_kint(&w, "aantalActieveVerbanden", d->n_active);
		jw_key(&w, "_links");
		jw_obj(&w);
		jw_key(&w, "samenwerkingsverbanden");
		jw_obj(&w);
		api_khref(&w, "href", API_BASE "/samenwerkingsverbanden?beleidsdomein=", d->key,
			  NULL);
		jw_end(&w);
		jw_end(&w);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	return 200;
}
