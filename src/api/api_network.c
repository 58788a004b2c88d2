/*
 * api_network — see api_network.h. Reply shape:
 *   {_links:{self}, totaalKnopen, totaalVerbindingen, alleOrganisaties,
 *    knopen:[{id, soort, code, naam, type, aantalVerbindingen, _links}],
 *    verbindingen:[{bron, doel, rol}]}
 * Node ids are "o-<organisation code>" and "s-<collaboration id>"; an edge
 * goes from the organisation (bron) to the collaboration (doel).
 * With personen=ja also person nodes {id "p-<person key>", soort
 * "persoon", code (the person key), naam, aantalVerbindingen, _links} and one edge per
 * current seat {bron "p-...", doel "s-...", soort "zetel", orgaan}; the
 * reply then has "personen": true and totaalKnopen/totaalVerbindingen
 * include them. Anonymous callers get only people with a public office
 * (app/network.h network_add_visible_people).
 */
#include "api_network.h"
#include "api_common.h"
#include "../app/network.h"
#include "../app/readmodel.h"
#include "../domain/filter.h"
#include "../domain/network.h"
#include "../domain/people.h"
#include "../lib/text.h"
#include "../render/html.h"

#include <limits.h>
#include <string.h>

#define NET_PATH API_BASE "/netwerk"

static const char *const filter_keys[] = {"beleidsdomein", "juridischeVorm", "fase",
					  "soort",	   "deelnemer",	     NULL};

/* Node id: "o-<code>" or "s-<key>" (codes and keys are URL-safe slugs). */
static const char *node_id(struct request *r, const struct snapshot *s, const struct net_node *n)
{
	return n->kind == NET_ORG ? arena_printf(r->arena, "o-%s", s->orgs[n->index].code)
				  : arena_printf(r->arena, "s-%s", s->collabs[n->index].key);
}

/* organisations whose sets of collaborations are this alike form a group
 * (the same cut as the page) */
#define GROUP_CUT 0.4

static void write_groups(struct jw *w, const struct snapshot *s, const struct network *net,
			 const struct net_groups *gs, const char **ids)
{
	jw_key(w, "groepen");
	jw_arr(w);
	for (int g = 0; g < gs->n; g++) {
		const struct net_group *gr = &gs->g[g];
		jw_obj(w);
		jw_kint(w, "nummer", g + 1);
		jw_kstr(w, "naam", gr->name);
		jw_kstr(w, "lijktOp",
			gr->named_after >= 0 ? s->collabs[net->nodes[gr->named_after].index].key
					     : NULL);
		jw_key(w, "organisaties");
		jw_arr(w);
		for (int k = 0; k < gr->n; k++)
			jw_str(w, ids[gr->orgs[k]]);
		jw_end(w);
		jw_kint(w, "eigenVerbanden", gr->inside);
		jw_key(w, "gedeeldMet");
		jw_arr(w);
		for (int h = 0; h < gs->n; h++) {
			int c = h == g ? 0 : gs->between[g * gs->n + h];
			if (!c)
				continue;
			jw_obj(w);
			jw_kint(w, "groep", h + 1);
			jw_kint(w, "aantalVerbanden", c);
			jw_end(w);
		}
		jw_end(w);
		jw_end(w);
	}
	jw_end(w);
}

int api_network(struct request *r)
{
	const char *date = req_param(r, "peildatum");
	int tt_status = api_at_date(r, NULL);
	if (tt_status)
		return tt_status;
	const struct snapshot *s = r->snap;
	struct collab_filter f;
	char msg[256];
	bool all_orgs = false;

	collab_filter_init(&f, 20);
	for (int k = 0; filter_keys[k]; k++) {
		const char *v = req_param(r, filter_keys[k]);
		if (str_empty(v))
			continue;
		if (collab_filter_set(&f, s, filter_keys[k], v, msg, sizeof msg) < 0)
			return respond_error(r, 400, "Ongeldige parameter",
					     arena_strdup(r->arena, msg), filter_keys[k]);
	}
	const char *all = req_param(r, "alleOrganisaties");
	if (!str_empty(all)) {
		if (strcmp(all, "ja") == 0)
			all_orgs = true;
		else if (strcmp(all, "nee") != 0)
			return respond_error(
			    r, 400, "Ongeldige parameter",
			    "De parameter 'alleOrganisaties' moet 'ja' of 'nee' zijn.",
			    "alleOrganisaties");
	}

	bool people = false; /* personen=ja: person nodes */
	const char *pp = req_param(r, "personen");
	if (!str_empty(pp)) {
		if (strcmp(pp, "ja") == 0)
			people = true;
		else if (strcmp(pp, "nee") != 0)
			return respond_error(r, 400, "Ongeldige parameter",
					     "De parameter 'personen' moet 'ja' of 'nee' zijn.",
					     "personen");
	}

	const char *pick = req_param(r, "kies"); /* the neighbourhood of one node */
	if (!str_empty(pick)) {
		const char *problem = network_pick_problem(pick);
		if (problem)
			return respond_error(r, 400, "Ongeldige parameter", problem, "kies");
		if (pick[0] == 'p')
			people = true;
	} else {
		pick = NULL;
	}

	struct network net;
	if (network_build(s, &f, all_orgs, r->arena, &net) < 0 ||
	    (people &&
	     network_add_visible_people(store_thread(), r->snap, r->user, &net, r->arena) < 0))
		return respond_error(r, 500, "Interne fout", "Het netwerk kon niet worden gemaakt.",
				     NULL);
	const char **ids = arena_calloc(r->arena, (size_t)net.n_nodes + 1, sizeof *ids);
	for (int i = 0; i < net.n_nodes; i++)
		ids[i] = node_id(r, s, &net.nodes[i]);

	/* kies: keep only the chosen node (ring 0), its neighbours (1) and theirs (2) */
	signed char *ring = NULL;
	int center = -1;
	enum net_node_kind ckind = NET_ORG;
	if (pick) {
		if (pick[0] == 'p') {
			ckind = NET_PERSON;
			for (int i = 0; i < net.n_persons && center < 0; i++)
				if (strcmp(net.persons[i].key, pick + 2) == 0)
					center = i;
		} else {
			ckind = pick[0] == 'o' ? NET_ORG : NET_COLLAB;
			for (int i = 0; i < net.n_nodes && center < 0; i++)
				if (strcmp(ids[i], pick) == 0)
					center = i;
		}
		struct net_hood h = {0};
		/* a node that is not in this network: an empty neighbourhood */
		if (center >= 0 &&
		    network_neighbourhood(&net, ckind, center, INT_MAX, r->arena, &h) < 0)
			return respond_error(r, 500, "Interne fout",
					     "Het netwerk kon niet worden gemaakt.", NULL);
		ring = arena_calloc(r->arena, (size_t)net.n_nodes + 1, 1);
		for (int i = 0; i < net.n_nodes; i++)
			ring[i] = -1;
		if (ckind != NET_PERSON && center >= 0)
			ring[center] = 0;
		for (int k = 0; k < h.n1; k++)
			ring[h.ring1[k]] = 1;
		for (int k = 0; k < h.n2; k++)
			ring[h.ring2[k]] = 2;
	}
	/* what is written: nodes in the ring (all without kies), edges between them */
	int n_nodes = 0, n_edges = 0, n_persons = 0, n_pedges = 0;
	for (int i = 0; i < net.n_nodes; i++)
		n_nodes += !ring || ring[i] >= 0;
	for (int e = 0; e < net.n_edges; e++)
		n_edges +=
		    !ring || (ring[net.edges[e].org] >= 0 && ring[net.edges[e].collab] >= 0 &&
			      (ring[net.edges[e].org] < 2 || ring[net.edges[e].collab] < 2));
	for (int i = 0; i < net.n_persons; i++)
		n_persons += !ring || (ckind == NET_PERSON && i == center);
	for (int e = 0; e < net.n_person_edges; e++)
		n_pedges += !ring || (ckind == NET_PERSON && net.person_edges[e].person == center);

	struct jw w;
	api_begin(r, &w);
	jw_obj(&w);
	/* the canonical self link: the filters that are set, alleOrganisaties only when ja */
	const char *self = api_page_href(r, NET_PATH, filter_keys, 0);
	if (all_orgs)
		self = arena_printf(r->arena, "%s%calleOrganisaties=ja", self,
				    strchr(self, '?') ? '&' : '?');
	if (pick) {
		struct buf q = BUF_INIT;
		url_arg(&q, pick);
		self = arena_printf(r->arena, "%s%ckies=%s", self, strchr(self, '?') ? '&' : '?',
				    q.data ? q.data : "");
		buf_free(&q);
	}
	if (!str_empty(date))
		self = arena_printf(r->arena, "%s%cpeildatum=%s", self,
				    strchr(self, '?') ? '&' : '?', date);
	if (people) {
		self =
		    arena_printf(r->arena, "%s%cpersonen=ja", self, strchr(self, '?') ? '&' : '?');
		/* the reply depends on who asks (privacy): no shared validator */
		if (r->user)
			r->etag = NULL;
	}
	api_links_self(&w, self);
	jw_kint(&w, "totaalKnopen", n_nodes + n_persons);
	jw_kint(&w, "totaalVerbindingen", n_edges + n_pedges);
	jw_kbool(&w, "alleOrganisaties", all_orgs);
	if (people)
		jw_kbool(&w, "personen", true);
	if (!str_empty(date))
		jw_kstr(&w, "peildatum", date);
	if (pick)
		jw_kstr(&w, "gekozen", pick);
	jw_key(&w, "knopen");
	jw_arr(&w);
	for (int i = 0; i < net.n_nodes; i++) {
		const struct net_node *n = &net.nodes[i];
		if (ring && ring[i] < 0)
			continue;
		jw_obj(&w);
		jw_kstr(&w, "id", ids[i]);
		if (ring)
			jw_kint(&w, "ring", ring[i]);
		if (n->kind == NET_ORG) {
			const struct organisation *o = &s->orgs[n->index];
			jw_kstr(&w, "soort", "organisatie");
			jw_kstr(&w, "code", o->code);
			jw_kstr(&w, "naam", o->name);
			jw_kstr(&w, "type",
				api_value(org_kind_labels, ORG_KIND_COUNT, (int)o->kind));
			jw_kbool(&w, "inProvincie", o->in_province);
			jw_kint(&w, "aantalVerbindingen", n->degree);
			api_links_self_seg(&w, API_BASE "/organisaties/", o->code);
		} else {
			const struct collaboration *c = &s->collabs[n->index];
			jw_kstr(&w, "soort", "samenwerkingsverband");
			jw_kstr(&w, "code", c->key);
			jw_kstr(&w, "naam", c->name);
			jw_kstr(&w, "korteNaam", c->short_name);
			jw_kstr(&w, "type",
				api_value(collab_kind_labels, COLLAB_KIND_COUNT, (int)c->kind));
			jw_kstr(&w, "juridischeVorm",
				api_value(legal_form_labels, LF_COUNT, (int)c->legal_form));
			jw_kint(&w, "aantalVerbindingen", n->degree);
			api_links_self_seg(&w, API_BASE "/samenwerkingsverbanden/", c->key);
		}
		jw_end(&w);
	}
	for (int i = 0; i < net.n_persons; i++) {
		const struct net_person *p = &net.persons[i];
		if (ring && !(ckind == NET_PERSON && i == center))
			continue;
		jw_obj(&w);
		if (ring)
			jw_kint(&w, "ring", 0);
		jw_kstr(&w, "id", arena_printf(r->arena, "p-%s", p->key));
		jw_kstr(&w, "soort", "persoon");
		jw_kstr(&w, "code", p->key);
		jw_kstr(&w, "naam", p->name);
		jw_kint(&w, "aantalVerbindingen", p->degree);
		api_links_self_seg(&w, API_BASE "/personen/", p->key);
		jw_end(&w);
	}
	jw_end(&w);
	jw_key(&w, "verbindingen");
	jw_arr(&w);
	for (int e = 0; e < net.n_edges; e++) {
		const struct net_edge *ed = &net.edges[e];
		if (ring && !(ring[ed->org] >= 0 && ring[ed->collab] >= 0 &&
			      (ring[ed->org] < 2 || ring[ed->collab] < 2)))
			continue;
		jw_obj(&w);
		jw_kstr(&w, "bron", ids[ed->org]);
		jw_kstr(&w, "doel", ids[ed->collab]);
		jw_kstr(&w, "rol",
			api_value(role_labels, ROLE_COUNT, (int)s->parts[ed->participation].role));
		jw_end(&w);
	}
	for (int e = 0; e < net.n_person_edges; e++) {
		const struct net_person_edge *pe = &net.person_edges[e];
		int body = pe->body >= 0 && pe->body < SEAT_BODY_COUNT ? pe->body : 0;
		if (ring && !(ckind == NET_PERSON && pe->person == center))
			continue;
		jw_obj(&w);
		jw_kstr(&w, "bron", arena_printf(r->arena, "p-%s", net.persons[pe->person].key));
		jw_kstr(&w, "doel", ids[pe->collab]);
		jw_kstr(&w, "soort", "zetel");
		jw_kstr(&w, "orgaan", seat_body_labels[body].api);
		jw_kbool(&w, "volgensDeWet", pe->derived);
		jw_end(&w);
	}
	jw_end(&w);
	if (!pick) {
		struct net_groups gs;
		if (network_groups(s, &net, GROUP_CUT, r->arena, &gs) == 0)
			write_groups(&w, s, &net, &gs, ids);
	}
	jw_end(&w);
	return 200;
}
