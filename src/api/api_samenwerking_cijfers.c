/*
 * api_samenwerking_cijfers — the collaboration figures as JSON; see
 * api_samenwerking_cijfers.h.
 */
#include "api_samenwerking_cijfers.h"
#include "api_common.h"
#include "../app/samenwerking_cijfers.h"
#include "../lib/arena.h"
#include "../render/json.h"

#include <string.h>

static void num_or_null(struct jw *w, const char *key, bool has, double v)
{
	jw_key(w, key);
	if (has)
		jw_num(w, v);
	else
		jw_null(w);
}

static void def_json(struct jw *w, struct request *r, const struct sc_def *d)
{
	jw_obj(w);
	jw_kstr(w, "sleutel", d->key);
	jw_kstr(w, "naam", d->name);
	jw_kstr(w, "eenheid", *d->unit ? d->unit : NULL);
	jw_kstr(w, "bron", d->source);
	jw_kstr(w, "bronUrl", *d->source_url ? d->source_url : NULL);
	jw_kstr(w, "licentie", *d->licence ? d->licence : NULL);
	jw_kstr(w, "waarschuwing", *d->warning ? d->warning : NULL);
	jw_kstr(w, "href", arena_printf(r->arena, API_BASE "/kennis/indicatoren/%s", d->key));
	jw_end(w);
}

/* The total, its period and coverage. */
static void total_json(struct jw *w, const char *period, const struct sc_total *t)
{
	jw_kstr(w, "periode", period);
	num_or_null(w, "totaal", t->has, t->value);
	jw_kint(w, "deelnemersMetGegevens", t->n_with);
	jw_kint(w, "deelnemers", t->n_of);
}

static void base_json(struct jw *w, struct request *r, const char *key, const struct sc_figure *f)
{
	jw_key(w, key);
	jw_obj(w);
	total_json(w, f->period, &f->total);
	jw_key(w, "indicator");
	if (f->def)
		def_json(w, r, f->def);
	else
		jw_null(w);
	jw_end(w);
}

int api_samenwerking_cijfers(struct request *r)
{
	const struct snapshot *s = r->snap;
	int ci = snapshot_find_collab(s, r->path_args[0]);
	if (ci < 0)
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return api_store_down(r);
	struct sc_figures f;
	if (samenwerking_cijfers_build(st, r->arena, s, ci, &f))
		return api_store_down(r);
	const struct collaboration *c = &s->collabs[ci];
	struct jw w;
	api_begin(r, &w);
	jw_obj(&w);
	api_links_self(
	    &w, arena_printf(r->arena, API_BASE "/samenwerkingsverbanden/%s/cijfers", c->key));
	jw_kstr(&w, "samenwerkingsverband", c->key);
	jw_kstr(&w, "naam", c->name);
	jw_kint(&w, "deelnemers", f.n_members);
	jw_kint(&w, "gemeenten", f.n_gemeenten);
	jw_kbool(&w, "koppelingGeladen", f.mapping_loaded);
	base_json(&w, r, "inwoners", &f.inhabitants);
	base_json(&w, r, "oppervlakte", &f.area);
	jw_key(&w, "lastenPerInwoner");
	jw_arr(&w);
	for (int d = 0; d < f.n_domains; d++) {
		const struct sc_domain_figure *df = &f.domains[d];
		jw_obj(&w);
		jw_kstr(&w, "beleidsdomein", df->key);
		jw_kstr(&w, "naam", df->name);
		jw_key(&w, "iv3Taakvelden");
		if (f.mapping_loaded)
			jw_bool(&w, df->mapped && df->n_defs > 0);
		else
			jw_null(&w);
		jw_kstr(&w, "toelichting", *df->note ? df->note : NULL);
		total_json(&w, df->period, &df->total);
		jw_kstr(&w, "eenheid", "euro per inwoner");
		jw_kstr(&w, "weging", "som van de lasten gedeeld door de som van de inwoners");
		jw_key(&w, "indicatoren");
		jw_arr(&w);
		for (int k = 0; k < df->n_defs; k++)
			def_json(&w, r, df->defs[k]);
		jw_end(&w);
		jw_end(&w);
	}
	jw_end(&w);
	jw_key(&w, "perDeelnemer");
	jw_arr(&w);
	for (int m = 0; m < f.n_members; m++) {
		const struct sc_member *p = &f.members[m];
		jw_obj(&w);
		jw_kstr(&w, "organisatie", p->org_code);
		jw_kstr(&w, "naam", p->org_name);
		jw_kstr(&w, "gemeente", *p->cbs ? p->cbs : NULL);
		num_or_null(&w, "inwoners", p->inhabitants.has, p->inhabitants.value);
		num_or_null(&w, "oppervlakte", p->area.has, p->area.value);
		jw_key(&w, "lastenPerInwoner");
		jw_obj(&w);
		for (int d = 0; d < f.n_domains; d++)
			if (f.domains[d].period)
				num_or_null(&w, f.domains[d].key, p->spend[d].has,
					    p->spend[d].value);
		jw_end(&w);
		jw_end(&w);
	}
	jw_end(&w);
	jw_key(&w, "waarschuwingen");
	jw_arr(&w);
	for (int i = 0; i < f.n_warnings; i++) {
		jw_obj(&w);
		jw_kstr(&w, "indicator", f.warning_names[i]);
		jw_kstr(&w, "tekst", f.warnings[i]);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	return 200;
}
