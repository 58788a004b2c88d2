/*
 * api_overlap — GET /api/v1/analyse/overlap. Validates the query (the
 * router has checked drempel and the filter values; status must be
 * "actief" and sorteer one of the congruence orders), runs the analysis in
 * the request arena and streams all four parts as JSON: paren,
 * identiekeGroepen, gemeenten (bestuurlijke drukte) and congruentie (pairs
 * of gemeenten and gemeenten with different partners per domain).
 * Nothing is cached here (the server caches by URL + snapshot).
 */
#include "api_overlap.h"
#include "api_common.h"
#include "../domain/overlap.h"

#define OVERLAP_PATH API_BASE "/analyse/overlap"

/* {id,naam,aantalDeelnemers,_links} of collaboration i. */
static void collab_ref(struct jw *w, const struct snapshot *s, const struct overlap_result *res,
		       int i)
{
	const struct collaboration *c = &s->collabs[i];
	jw_obj(w);
	jw_kstr(w, "id", c->key);
	jw_kstr(w, "naam", c->name);
	jw_kint(w, "aantalDeelnemers", res->size[i] >= 0 ? res->size[i] : 0);
	api_links_self_seg(w, API_BASE "/samenwerkingsverbanden/", c->key);
	jw_end(w);
}

static void domain_keys(struct jw *w, const struct snapshot *s, uint64_t mask)
{
	jw_arr(w);
	for (int d = 0; d < s->n_domains && d < 64; d++)
		if (mask & (1ull << d))
			jw_str(w, s->domains[d].key);
	jw_end(w);
}

static void write_pairs(struct jw *w, const struct snapshot *s, const struct overlap_result *res)
{
	jw_key(w, "paren");
	jw_arr(w);
	for (int i = 0; i < res->n_pairs; i++) {
		const struct overlap_pair *p = &res->pairs[i];
		jw_obj(w);
		jw_key(w, "a");
		collab_ref(w, s, res, p->a);
		jw_key(w, "b");
		collab_ref(w, s, res, p->b);
		jw_kint(w, "gemeenschappelijkeDeelnemers", p->inter);
		jw_kint(w, "deelnemersSamen", p->uni);
		jw_key(w, "jaccard");
		jw_num(w, p->jaccard);
		jw_kbool(w, "kandidaatBundeling", p->candidate);
		jw_key(w, "gedeeldeBeleidsdomeinen");
		domain_keys(w, s, p->shared_domains);
		jw_end(w);
	}
	jw_end(w);
}

static void write_groups(struct jw *w, const struct snapshot *s, const struct overlap_result *res)
{
	jw_key(w, "identiekeGroepen");
	jw_arr(w);
	for (int i = 0; i < res->n_groups; i++) {
		const struct overlap_group *g = &res->groups[i];
		jw_obj(w);
		jw_kint(w, "aantalDeelnemers", g->set_size);
		jw_kbool(w, "eenDeelnemer", g->set_size == 1);
		jw_key(w, "deelnemers");
		jw_arr(w);
		const struct collaboration *c = &s->collabs[g->collabs[0]];
		int last = -1; /* parts are in organisation order: skip a second body */
		for (int k = 0; k < c->n_parts; k++) {
			const struct participation *p = &s->parts[c->parts[k]];
			if (p->active && p->organisation != last)
				jw_str(w, s->orgs[p->organisation].code);
			if (p->active)
				last = p->organisation;
		}
		jw_end(w);
		jw_key(w, "samenwerkingsverbanden");
		jw_arr(w);
		for (int k = 0; k < g->n; k++)
			collab_ref(w, s, res, g->collabs[k]);
		jw_end(w);
		jw_end(w);
	}
	jw_end(w);
}

static void write_munis(struct jw *w, const struct snapshot *s, const struct overlap_result *res)
{
	jw_key(w, "gemeenten");
	jw_arr(w);
	for (int i = 0; i < res->n_munis; i++) {
		const struct overlap_muni *m = &res->munis[i];
		const struct organisation *o = &s->orgs[m->org];
		jw_obj(w);
		jw_kstr(w, "code", o->code);
		jw_kstr(w, "naam", o->name);
		jw_kbool(w, "inProvincie", o->in_province);
		jw_kint(w, "aantalSamenwerkingsverbanden", m->n_collabs);
		jw_kint(w, "aantalPartnerconfiguraties", m->n_configs);
		jw_key(w, "bekendeBijdragen");
		if (m->n_known > 0)
			jw_int(w, m->contribution);
		else
			jw_null(w);
		jw_kint(w, "aantalBekendeBijdragen", m->n_known);
		api_links_self_seg(w, API_BASE "/organisaties/", o->code);
		jw_end(w);
	}
	jw_end(w);
}

static void org_codes(struct jw *w, const struct snapshot *s, const uint64_t *x, const uint64_t *y,
		      bool in_y)
{
	jw_arr(w);
	for (int o = 0; o < s->n_orgs; o++)
		if (overlap_has(x, o) && overlap_has(y, o) == in_y)
			jw_str(w, s->orgs[o].code);
	jw_end(w);
}

static void write_congruence(struct jw *w, const struct snapshot *s,
			     const struct overlap_result *res)
{
	jw_key(w, "congruentie");
	jw_obj(w);
	jw_kstr(w, "formule", "|C(a) ∩ C(b)| / |C(a) ∪ C(b)|");
	jw_kstr(w, "toelichting",
		"C(x) is de verzameling actieve samenwerkingsverbanden (na filtering) waarin "
		"gemeente x actief deelneemt; twee lege verzamelingen geven 0.");
	jw_key(w, "paren");
	jw_arr(w);
	for (int i = 0; i < res->n_cpairs; i++) {
		const struct overlap_cpair *p = &res->cpairs[i];
		jw_obj(w);
		api_org_ref(w, s, "a", res->cong_orgs[p->a]);
		api_org_ref(w, s, "b", res->cong_orgs[p->b]);
		jw_kint(w, "samen", p->together);
		jw_kint(w, "inEenVanBeide", p->either);
		jw_key(w, "aandeel");
		jw_num(w, p->share);
		jw_end(w);
	}
	jw_end(w);
	jw_key(w, "verschillendePartners");
	jw_arr(w);
	for (int i = 0; i < res->n_divs; i++) {
		const struct overlap_divergence *d = &res->divs[i];
		const uint64_t *pa = overlap_partners(res, d->cong, d->domain_a);
		const uint64_t *pb = overlap_partners(res, d->cong, d->domain_b);
		jw_obj(w);
		api_org_ref(w, s, "gemeente", res->cong_orgs[d->cong]);
		jw_kstr(w, "beleidsdomeinA", s->domains[d->domain_a].key);
		jw_kstr(w, "beleidsdomeinB", s->domains[d->domain_b].key);
		jw_kint(w, "aantalPartnersA", d->n_a);
		jw_kint(w, "aantalPartnersB", d->n_b);
		jw_key(w, "jaccard");
		jw_num(w, d->jaccard);
		jw_key(w, "gemeenschappelijkePartners");
		org_codes(w, s, pa, pb, true);
		jw_key(w, "alleenInA");
		org_codes(w, s, pa, pb, false);
		jw_key(w, "alleenInB");
		org_codes(w, s, pb, pa, false);
		jw_end(w);
	}
	jw_end(w);
	jw_end(w);
}

int api_overlap(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct overlap_query q;
	char msg[256];

	overlap_query_init(&q);
	for (int k = 0; overlap_query_keys[k]; k++) {
		const char *v = req_param(r, overlap_query_keys[k]);
		if (!v)
			continue;
		if (overlap_query_set(&q, s, overlap_query_keys[k], v, msg, sizeof msg) < 0)
			return respond_error(r, 400, "Ongeldige parameter",
					     arena_strdup(r->arena, msg), overlap_query_keys[k]);
	}
	struct overlap_result res;
	overlap_analyse(s, &q.filter, q.threshold, r->arena, &res);
	overlap_sort_congruence(&res, q.order);

	struct jw w;
	api_begin(r, &w);
	jw_obj(&w);
	jw_key(&w, "_links");
	jw_obj(&w);
	api_link(&w, "self", api_page_href(r, OVERLAP_PATH, overlap_query_keys, 0));
	api_link(&w, "pagina", api_page_href(r, "/analyse/overlap", overlap_query_keys, 0));
	jw_end(&w);
	jw_key(&w, "drempel");
	jw_num(&w, overlap_threshold_value(q.threshold));
	jw_kint(&w, "aantalGeanalyseerd", res.n_considered);
	jw_key(&w, "zonderActieveDeelnemers");
	jw_arr(&w);
	for (int i = 0; i < res.n_empty; i++)
		collab_ref(&w, s, &res, res.empty[i]);
	jw_end(&w);
	write_pairs(&w, s, &res);
	write_groups(&w, s, &res);
	write_munis(&w, s, &res);
	write_congruence(&w, s, &res);
	jw_end(&w);
	return 200;
}
