/*
 * api_overlap — GET /api/v1/analyse/overlap. Validates the query (the
 * router has checked drempel, the filter values, pagina and paginaGrootte;
 * status must be "actief" and sorteer one of the congruence orders), runs
 * the analysis in the request arena and writes one page of all four parts
 * as JSON: paren, identiekeGroepen, gemeenten (bestuurlijke drukte) and
 * congruentie (pairs of gemeenten and gemeenten with different partners per
 * domain), plus zonderActieveDeelnemers.
 *
 * Paging: one pagina/paginaGrootte applies to each of the six lists (items
 * (pagina-1)*paginaGrootte .. pagina*paginaGrootte-1 of every list); the
 * full length of each list is in "aantallen", and "totaal"/"aantalPaginas"/
 * the links follow the longest list, so walking "next" returns every item
 * of every list exactly once. At national scale the unpaged reply was
 * 39 MB (58,311 congruence pairs); a page is at most a few hundred KB.
 * The server caches whole replies by URL + snapshot; the analysis itself
 * is shared per snapshot version by app/overlap.h, so the other pages of a
 * query reuse it instead of analysing again.
 */
#include "api_overlap.h"
#include "api_common.h"
#include "../app/overlap.h"
#include "../app/readmodel.h"
#include "../lib/text.h"

#include <stdbool.h>
#include <stdio.h>

#define OVERLAP_PATH API_BASE "/analyse/overlap"
#define OVERLAP_PAGE_SIZE 100 /* default and maximum (router: PT_PAGE_SIZE, 1..100) */

/* The query keys plus paging, for the links (overlap_query_keys + 2). */
static const char *const page_keys[] = {
    "drempel", "beleidsdomein", "juridischeVorm", "fase",      "soort", "status",
    "sorteer", "paginaGrootte", "pagina",	  "peildatum", NULL};

/* The slice [from, to) of a list of n items on this page. */
struct slice {
	long from, to;
};

static struct slice slice_of(long page, long size, long n)
{
	struct slice sl = {(page - 1) * size, page * size};
	if (sl.from > n)
		sl.from = n;
	if (sl.to > n)
		sl.to = n;
	return sl;
}

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

static void write_pairs(struct jw *w, const struct snapshot *s, const struct overlap_result *res,
			struct slice sl)
{
	jw_key(w, "paren");
	jw_arr(w);
	for (long i = sl.from; i < sl.to; i++) {
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

static void write_groups(struct jw *w, const struct snapshot *s, const struct overlap_result *res,
			 struct slice sl)
{
	jw_key(w, "identiekeGroepen");
	jw_arr(w);
	for (long i = sl.from; i < sl.to; i++) {
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

static void write_munis(struct jw *w, const struct snapshot *s, const struct overlap_result *res,
			struct slice sl)
{
	jw_key(w, "gemeenten");
	jw_arr(w);
	for (long i = sl.from; i < sl.to; i++) {
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
			     const struct overlap_result *res, struct slice cp, struct slice dv)
{
	jw_key(w, "congruentie");
	jw_obj(w);
	jw_kstr(w, "formule", "|C(a) ∩ C(b)| / |C(a) ∪ C(b)|");
	jw_kstr(w, "toelichting",
		"C(x) is de verzameling actieve samenwerkingsverbanden (na filtering) waarin "
		"gemeente x actief deelneemt; twee lege verzamelingen geven 0.");
	jw_key(w, "paren");
	jw_arr(w);
	for (long i = cp.from; i < cp.to; i++) {
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
	for (long i = dv.from; i < dv.to; i++) {
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

/* The paging links (as api_paging writes them) plus "pagina", the HTML page. */
static void write_links(struct request *r, struct jw *w, long page, long pages)
{
	long last = pages > 0 ? pages : 1;
	jw_key(w, "_links");
	jw_obj(w);
	api_link(w, "self", api_page_href(r, OVERLAP_PATH, page_keys, page));
	api_link(w, "first", api_page_href(r, OVERLAP_PATH, page_keys, 1));
	if (page > 1)
		api_link(
		    w, "prev",
		    api_page_href(r, OVERLAP_PATH, page_keys, page - 1 < last ? page - 1 : last));
	if (page < pages)
		api_link(w, "next", api_page_href(r, OVERLAP_PATH, page_keys, page + 1));
	api_link(w, "last", api_page_href(r, OVERLAP_PATH, page_keys, last));
	api_link(w, "pagina", api_page_href(r, "/analyse/overlap", overlap_query_keys, 0));
	jw_end(w);
}

/* The seriation: the gemeenten in heat-map order and the blocks (unpaged;
 * at most one entry per in-province gemeente). */
static void write_blocks(struct request *r, struct jw *w, const struct snapshot *s,
			 const struct overlap_result *res)
{
	struct overlap_seriation ser;
	if (res->n_cong > OVERLAP_SERIATION_MAX || overlap_seriate(s, res, r->arena, &ser) < 0)
		return;
	jw_key(w, "congruentieVolgorde");
	jw_arr(w);
	for (int k = 0; k < ser.n; k++)
		jw_str(w, s->orgs[res->cong_orgs[ser.order[k]]].code);
	jw_end(w);
	jw_key(w, "congruentieBlokken");
	jw_arr(w);
	for (int g = 0; g < ser.n_blocks; g++) {
		jw_obj(w);
		jw_kint(w, "nummer", g + 1);
		jw_kint(w, "aantalGemeenten", ser.size[g]);
		jw_key(w, "samenhang");
		jw_num(w, ser.cohesion[g]);
		if (ser.named_after[g] >= 0) {
			jw_key(w, "lijktOp");
			collab_ref(w, s, res, ser.named_after[g]);
		} else {
			jw_key(w, "lijktOp");
			jw_null(w);
		}
		jw_key(w, "gemeenten");
		jw_arr(w);
		for (int k = 0; k < ser.n; k++)
			if (ser.block[ser.order[k]] == g)
				jw_str(w, s->orgs[res->cong_orgs[ser.order[k]]].code);
		jw_end(w);
		jw_end(w);
	}
	jw_end(w);
}

int api_overlap(struct request *r)
{
	const char *date = req_param(r, "peildatum");
	int tt_status = api_at_date(r, NULL);
	if (tt_status)
		return tt_status;
	const struct snapshot *s = r->snap;
	struct overlap_query q;
	char msg[256];
	long page = 1, size = OVERLAP_PAGE_SIZE;

	overlap_query_init(&q);
	for (int k = 0; overlap_query_keys[k]; k++) {
		const char *v = req_param(r, overlap_query_keys[k]);
		if (!v)
			continue;
		if (overlap_query_set(&q, s, overlap_query_keys[k], v, msg, sizeof msg) < 0)
			return respond_error(r, 400, "Ongeldige parameter",
					     arena_strdup(r->arena, msg), overlap_query_keys[k]);
	}
	/* the router has checked both (PT_PAGE, PT_PAGE_SIZE); kept for direct calls */
	if (!api_param_long(r, "pagina", 1, 10000, &page))
		return respond_error(
		    r, 400, "Ongeldige parameter",
		    "De parameter 'pagina' moet een geheel getal van 1 tot en met 10000 zijn.",
		    "pagina");
	if (!api_param_long(r, "paginaGrootte", 1, OVERLAP_PAGE_SIZE, &size))
		return respond_error(r, 400, "Ongeldige parameter",
				     "De parameter 'paginaGrootte' moet een geheel getal van 1 tot "
				     "en met 100 zijn.",
				     "paginaGrootte");
	struct rm_shared *hold;
	const struct overlap_result res = *app_overlap(s, &q, &hold); /* arrays shared, read only */
	arena_on_free(r->arena, rm_shared_release_cb, hold);

	const long counts[] = {res.n_empty, res.n_pairs,  res.n_groups,
			       res.n_munis, res.n_cpairs, res.n_divs};
	long longest = 0;
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++)
		if (counts[i] > longest)
			longest = counts[i];
	long pages = (longest + size - 1) / size;
	if (pages > 10000) { /* the last pages could not be asked for (pagina <= 10000) */
		long min = (longest + 9999) / 10000;
		return respond_error(
		    r, 400, "Ongeldige parameter",
		    arena_printf(
			r->arena,
			"De parameter 'paginaGrootte' is te klein voor deze analyse: met %ld "
			"resultaten zijn er meer dan 10000 pagina's. Kies ten minste %ld.",
			longest, min),
		    "paginaGrootte");
	}

	struct jw w;
	api_begin(r, &w);
	jw_obj(&w);
	write_links(r, &w, page, pages);
	jw_kint(&w, "totaal", longest);
	jw_kint(&w, "pagina", page);
	jw_kint(&w, "paginaGrootte", size);
	jw_kint(&w, "aantalPaginas", pages);
	jw_key(&w, "aantallen");
	jw_obj(&w);
	jw_kint(&w, "zonderActieveDeelnemers", res.n_empty);
	jw_kint(&w, "paren", res.n_pairs);
	jw_kint(&w, "identiekeGroepen", res.n_groups);
	jw_kint(&w, "gemeenten", res.n_munis);
	jw_kint(&w, "congruentieParen", res.n_cpairs);
	jw_kint(&w, "verschillendePartners", res.n_divs);
	jw_end(&w);
	jw_key(&w, "drempel");
	jw_num(&w, overlap_threshold_value(q.threshold));
	jw_kint(&w, "aantalGeanalyseerd", res.n_considered);
	if (!str_empty(date))
		jw_kstr(&w, "peildatum", date);
	write_blocks(r, &w, s, &res);
	jw_key(&w, "zonderActieveDeelnemers");
	jw_arr(&w);
	struct slice sl = slice_of(page, size, res.n_empty);
	for (long i = sl.from; i < sl.to; i++)
		collab_ref(&w, s, &res, res.empty[i]);
	jw_end(&w);
	write_pairs(&w, s, &res, slice_of(page, size, res.n_pairs));
	write_groups(&w, s, &res, slice_of(page, size, res.n_groups));
	write_munis(&w, s, &res, slice_of(page, size, res.n_munis));
	write_congruence(&w, s, &res, slice_of(page, size, res.n_cpairs),
			 slice_of(page, size, res.n_divs));
	jw_end(&w);
	return 200;
}
