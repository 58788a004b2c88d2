/*
 * indicatoren_dashboard — the gemeente dashboard; see indicatoren_dashboard.h.
 */
#include "indicatoren_dashboard.h"
#include "../domain/indicatoren.h"
#include "../lib/arena.h"
#include "indicatoren_model.h"

#include <stdio.h>
#include <string.h>

const struct dash_class dash_classes[] = {
    {"grootteklasse", "klasse_gemeentegrootte", "dezelfde gemeentegrootteklasse (CBS)"},
    {"stedelijkheid", "klasse_stedelijkheid", "dezelfde stedelijkheidsklasse (CBS)"},
    {"centrumfunctie", "klasse_centrumfunctie", "dezelfde centrumfunctie (Iv3)"},
    {"sociale_structuur", "klasse_sociale_structuur", "dezelfde sociale structuur (Iv3)"},
};
const int dash_n_classes = (int)(sizeof dash_classes / sizeof *dash_classes);

static bool is_class_key(const char *key)
{
	return strncmp(key, "klasse_", 7) == 0;
}

int indicatoren_dashboard_gemeenten(struct store *st, struct arena *a, struct dash_peer **out,
				    int *n)
{
	*out = NULL;
	*n = 0;
	const struct indicator_model *m = indicatoren_model(st, a);
	if (!m)
		return STORE_ERR;
	*out = arena_calloc(a, (size_t)m->n_gemeenten + 1, sizeof **out);
	for (int i = 0; i < m->n_gemeenten; i++) {
		const struct indicator_area *g = &m->areas[m->by_name[i]];
		(*out)[i] = (struct dash_peer){g->code, g->name};
	}
	*n = m->n_gemeenten;
	return STORE_OK;
}

int indicatoren_dashboard_all_gemeenten(struct store *st, struct arena *a,
					struct dash_gemeente **out, int *n)
{
	*out = NULL;
	*n = 0;
	const struct indicator_model *m = indicatoren_model(st, a);
	if (!m)
		return STORE_ERR;
	*out = arena_calloc(a, (size_t)m->n_gemeenten + 1, sizeof **out);
	for (int i = 0; i < m->n_gemeenten; i++) {
		const struct indicator_area *g = &m->areas[m->by_name[i]];
		(*out)[i] = (struct dash_gemeente){g->code, g->name, g->province};
	}
	*n = m->n_gemeenten;
	return STORE_OK;
}

static bool is_gemeente(const struct indicator_model *m, int area)
{
	return area >= 0 && strcmp(m->areas[area].level, "gemeente") == 0;
}

/* The explicit list: parsed, and every code a gemeente of the model. */
static enum dash_status parse_list(const struct indicator_model *m, struct arena *a,
				   const char *vergelijk, struct dashboard *d, bool *peer,
				   const char **err)
{
	char codes[PEERS_MAX_CODES][PEERS_CODE_LEN];
	int n = peers_parse_list(vergelijk, codes, PEERS_MAX_CODES, err);
	if (n < 0)
		return DASH_BAD;
	d->peers = arena_calloc(a, (size_t)n, sizeof *d->peers);
	size_t len = 0;
	char *list = arena_alloc(a, (size_t)n * PEERS_CODE_LEN + 1);
	for (int i = 0; i < n; i++) {
		int g = im_area(m, codes[i]);
		if (!is_gemeente(m, g)) {
			*err = arena_printf(a, "Vergelijk met: %s is geen bekende gemeentecode.",
					    codes[i]);
			return DASH_BAD;
		}
		if (strcmp(m->areas[g].code, d->area) == 0)
			continue; /* the gemeente itself is no peer */
		peer[g] = true;
		d->peers[d->n_peers++] = (struct dash_peer){m->areas[g].code, m->areas[g].name};
		len += (size_t)snprintf(list + len, PEERS_CODE_LEN + 1, "%s%s", len ? "," : "",
					codes[i]);
	}
	list[len] = '\0';
	d->list = list;
	return DASH_OK;
}

/* Peers by class: the gemeenten with the gemeente's newest class value in
 * that period, listed by code. */
static void class_peers(const struct indicator_model *m, struct arena *a, int self,
			struct dashboard *d, bool *peer)
{
	int ci = im_indicator(m, d->cls->key);
	if (ci < 0)
		return;
	const struct im_period *ps = m->series[ci];
	const struct im_period *at = NULL;
	for (int k = 0; k < m->n_series[ci]; k++) {
		const struct im_cell *c = im_cell(&ps[k], self);
		if (c && c->has) {
			at = &ps[k];
			d->class_has = true;
			d->class_value = c->value;
			d->class_period = ps[k].period;
		}
	}
	if (!at)
		return;
	d->peers = arena_calloc(a, (size_t)at->n + 1, sizeof *d->peers);
	for (int k = 0; k < at->n; k++) {
		const struct im_cell *c = &at->cells[k];
		if (c->area == self || !c->has || c->value != d->class_value ||
		    !is_gemeente(m, c->area))
			continue;
		peer[c->area] = true;
		d->peers[d->n_peers++] =
		    (struct dash_peer){m->areas[c->area].code, m->areas[c->area].name};
	}
}

/* One indicator row: the gemeente's series, its rank in the province and
 * the peers' statistics in the period of its newest value. */
static void fill_item(const struct indicator_model *m, struct arena *a, int ind, int self,
		      const bool *peer, struct dashboard *d, struct dash_item *it, double *vals,
		      bool *has, bool *member, int *rank)
{
	const struct indicator_row *x = &m->inds[ind];
	const struct im_period *ps = m->series[ind];
	int nps = m->n_series[ind];
	it->ind = x;
	it->periods = arena_calloc(a, (size_t)nps + 1, sizeof *it->periods);
	it->values = arena_calloc(a, (size_t)nps + 1, sizeof *it->values);
	it->has = arena_calloc(a, (size_t)nps + 1, sizeof *it->has);
	it->notes = arena_calloc(a, (size_t)nps + 1, sizeof *it->notes);
	int *at = arena_calloc(a, (size_t)nps + 1, sizeof *at);
	for (int k = 0; k < nps; k++) {
		const struct im_cell *c = im_cell(&ps[k], self);
		if (!c)
			continue;
		at[it->n_series] = k;
		it->periods[it->n_series] = ps[k].period;
		it->values[it->n_series] = c->value;
		it->has[it->n_series] = c->has;
		it->notes[it->n_series] = c->note;
		it->n_series++;
	}
	it->trend = peers_trend(it->values, it->has, it->n_series);
	if (it->trend.last < 0)
		return;
	it->period = it->periods[it->trend.last];
	it->value_has = true;
	it->value = it->values[it->trend.last];
	it->note = it->notes[it->trend.last];
	const struct im_period *p = &ps[at[it->trend.last]];
	/* rank among the province's gemeenten (by code, as the cells are) */
	int np = 0, pos = -1;
	for (int k = 0; k < p->n; k++) {
		const struct im_cell *c = &p->cells[k];
		if (!is_gemeente(m, c->area) ||
		    strcmp(m->areas[c->area].province, d->province) != 0)
			continue;
		if (c->area == self)
			pos = np;
		vals[np] = c->value;
		has[np++] = c->has;
	}
	indicator_rank(vals, has, np, x->d.direction, rank);
	it->rank = pos >= 0 ? rank[pos] : 0;
	it->n_ranked = peers_ranked_count(rank, np);
	/* the peers */
	int nm = 0;
	for (int k = 0; k < p->n; k++) {
		const struct im_cell *c = &p->cells[k];
		if (!peer[c->area])
			continue;
		vals[nm] = c->value;
		has[nm] = c->has;
		member[nm++] = true;
	}
	peers_stats(vals, has, member, nm, &it->peers);
	it->position = peers_position(it->value_has, it->value, &it->peers);
}

enum dash_status indicatoren_dashboard(struct store *st, struct arena *a, const char *area,
				       const char *klasse, const char *vergelijk,
				       struct dashboard *d, const char **err)
{
	memset(d, 0, sizeof *d);
	*err = NULL;
	/* the gemeente */
	char code[PEERS_CODE_LEN];
	const char *perr;
	if (!area || peers_parse_list(area, &code, 1, &perr) != 1 || strchr(area, ','))
		return DASH_NOTFOUND;
	const struct indicator_model *m = indicatoren_model(st, a);
	if (!m)
		return DASH_FAULT;
	int self = im_area(m, code);
	if (!is_gemeente(m, self))
		return DASH_NOTFOUND;
	d->area = m->areas[self].code;
	d->area_name = m->areas[self].name;
	d->province = m->areas[self].province;

	/* the peer choice */
	bool *peer = arena_calloc(a, (size_t)m->n_areas + 1, sizeof *peer);
	if (vergelijk) {
		enum dash_status s = parse_list(m, a, vergelijk, d, peer, err);
		if (s)
			return s;
	} else {
		const char *want = klasse && *klasse ? klasse : DASH_DEFAULT_CLASS;
		for (int i = 0; i < dash_n_classes && !d->cls; i++)
			if (strcmp(dash_classes[i].param, want) == 0)
				d->cls = &dash_classes[i];
		if (!d->cls) {
			*err =
			    "Vergelijk met: kies grootteklasse, stedelijkheid, centrumfunctie of "
			    "sociale_structuur.";
			return DASH_BAD;
		}
		class_peers(m, a, self, d, peer);
	}

	double *vals = arena_calloc(a, (size_t)m->n_areas + 1, sizeof *vals);
	bool *has = arena_calloc(a, (size_t)m->n_areas + 1, sizeof *has);
	bool *member = arena_calloc(a, (size_t)m->n_areas + 1, sizeof *member);
	int *rank = arena_calloc(a, (size_t)m->n_areas + 1, sizeof *rank);
	d->items = arena_calloc(a, (size_t)m->n_inds + 1, sizeof *d->items);
	for (int i = 0; i < m->n_inds; i++) {
		const struct indicator_row *x = &m->inds[i];
		if (is_class_key(x->d.key) || strcmp(x->d.area_level, "gemeente") != 0)
			continue;
		fill_item(m, a, i, self, peer, d, &d->items[d->n_items++], vals, has, member, rank);
	}
	return DASH_OK;
}
