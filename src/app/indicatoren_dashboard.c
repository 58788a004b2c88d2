/*
 * indicatoren_dashboard — the gemeente dashboard; see indicatoren_dashboard.h.
 */
#include "indicatoren_dashboard.h"
#include "../domain/indicatoren.h"
#include "../lib/arena.h"
#include "../store/store_indicatoren_dashboard.h"

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
	struct indicator_cell *g;
	*out = NULL;
	*n = 0;
	if (store_indicator_gemeenten(st, a, &g, n))
		return STORE_ERR;
	*out = arena_calloc(a, (size_t)*n + 1, sizeof **out);
	for (int i = 0; i < *n; i++)
		(*out)[i] = (struct dash_peer){g[i].area, g[i].area_name};
	return STORE_OK;
}

/* The explicit list: parsed, and every code a gemeente in the store. */
static enum dash_status parse_list(struct store *st, struct arena *a, const char *vergelijk,
				   struct dashboard *d, const char **err)
{
	char codes[PEERS_MAX_CODES][PEERS_CODE_LEN];
	int n = peers_parse_list(vergelijk, codes, PEERS_MAX_CODES, err);
	if (n < 0)
		return DASH_BAD;
	struct dash_peer *g;
	int ng;
	if (indicatoren_dashboard_gemeenten(st, a, &g, &ng))
		return DASH_FAULT;
	d->peers = arena_calloc(a, (size_t)n, sizeof *d->peers);
	size_t len = 0;
	char *list = arena_alloc(a, (size_t)n * PEERS_CODE_LEN + 1);
	for (int i = 0; i < n; i++) {
		const struct dash_peer *hit = NULL;
		for (int j = 0; j < ng && !hit; j++)
			if (strcmp(g[j].code, codes[i]) == 0)
				hit = &g[j];
		if (!hit) {
			*err = arena_printf(a, "Vergelijk met: %s is geen bekende gemeentecode.",
					    codes[i]);
			return DASH_BAD;
		}
		if (strcmp(hit->code, d->area) == 0)
			continue; /* the gemeente itself is no peer */
		d->peers[d->n_peers++] = *hit;
		len += (size_t)snprintf(list + len, PEERS_CODE_LEN + 1, "%s%s", len ? "," : "",
					codes[i]);
	}
	list[len] = '\0';
	d->list = list;
	return DASH_OK;
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
	struct indicator_cell ar;
	int rc = store_indicator_area_get(st, a, code, &ar);
	if (rc == STORE_ERR_NOTFOUND)
		return DASH_NOTFOUND;
	if (rc)
		return DASH_FAULT;
	if (strcmp(ar.period, "gemeente") != 0)
		return DASH_NOTFOUND;
	d->area = ar.area;
	d->area_name = ar.area_name;
	d->province = ar.province;

	/* the peer choice */
	if (vergelijk) {
		enum dash_status s = parse_list(st, a, vergelijk, d, err);
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
	}

	struct indicator_row *inds;
	int ni;
	if (store_indicators(st, a, &inds, &ni))
		return DASH_FAULT;
	struct indicator_cell *own;
	int no;
	if (store_indicator_area_values(st, a, d->area, &own, &no))
		return DASH_FAULT;
	int64_t maxid = 0;
	for (int i = 0; i < ni; i++)
		if (inds[i].id > maxid)
			maxid = inds[i].id;
	/* first own cell per indicator id (own is sorted by id, period) */
	int *first = arena_calloc(a, (size_t)maxid + 1, sizeof *first);
	int *count = arena_calloc(a, (size_t)maxid + 1, sizeof *count);
	for (int i = no - 1; i >= 0; i--) {
		int64_t id = own[i].indicator_id;
		if (id < 1 || id > maxid)
			continue;
		first[id] = i + 1;
		count[id]++;
	}

	/* the class value: the newest period the gemeente has one */
	int64_t class_id = 0;
	if (d->cls)
		for (int i = 0; i < ni; i++)
			if (strcmp(inds[i].d.key, d->cls->key) == 0)
				class_id = inds[i].id;
	if (class_id && first[class_id])
		for (int i = first[class_id] - 1; i < first[class_id] - 1 + count[class_id]; i++)
			if (own[i].has) {
				d->class_has = true;
				d->class_value = own[i].value;
				d->class_period = own[i].period;
			}

	struct indicator_cell *cmp;
	int nc;
	if (store_indicator_compare_values(
		st, a, d->area, d->province, d->list ? d->list : "", d->class_has ? class_id : 0,
		d->class_period ? d->class_period : "", d->class_value, &cmp, &nc))
		return DASH_FAULT;

	/* the class peers by name, from the values: kept sorted by code, so a
	 * row's code is found by binary search */
	if (d->cls) {
		int cap = 16;
		d->peers = arena_calloc(a, (size_t)cap, sizeof *d->peers);
		for (int i = 0; i < nc; i++) {
			if (!cmp[i].peer || strcmp(cmp[i].area, d->area) == 0)
				continue;
			int lo = 0, hi = d->n_peers;
			while (lo < hi) {
				int mid = (lo + hi) / 2;
				int c = strcmp(d->peers[mid].code, cmp[i].area);
				if (c == 0)
					lo = hi = -1;
				else if (c < 0)
					lo = mid + 1;
				else
					hi = mid;
			}
			if (lo < 0)
				continue;
			if (d->n_peers == cap) {
				struct dash_peer *p = arena_calloc(a, (size_t)cap * 2, sizeof *p);
				memcpy(p, d->peers, (size_t)cap * sizeof *p);
				d->peers = p;
				cap *= 2;
			}
			memmove(&d->peers[lo + 1], &d->peers[lo],
				(size_t)(d->n_peers - lo) * sizeof *d->peers);
			d->peers[lo] = (struct dash_peer){cmp[i].area, cmp[i].area_name};
			d->n_peers++;
		}
	}

	int *cfirst = arena_calloc(a, (size_t)maxid + 1, sizeof *cfirst);
	int *ccount = arena_calloc(a, (size_t)maxid + 1, sizeof *ccount);
	for (int i = nc - 1; i >= 0; i--) {
		int64_t id = cmp[i].indicator_id;
		if (id < 1 || id > maxid)
			continue;
		cfirst[id] = i + 1;
		ccount[id]++;
	}
	double *vals = arena_calloc(a, (size_t)nc + 1, sizeof *vals);
	bool *has = arena_calloc(a, (size_t)nc + 1, sizeof *has);
	bool *member = arena_calloc(a, (size_t)nc + 1, sizeof *member);
	int *rank = arena_calloc(a, (size_t)nc + 1, sizeof *rank);

	d->items = arena_calloc(a, (size_t)ni + 1, sizeof *d->items);
	for (int i = 0; i < ni; i++) {
		const struct indicator_row *x = &inds[i];
		if (is_class_key(x->d.key) || strcmp(x->d.area_level, "gemeente") != 0)
			continue;
		struct dash_item *it = &d->items[d->n_items++];
		it->ind = x;
		int f = first[x->id] - 1, c = count[x->id];
		it->n_series = f >= 0 ? c : 0;
		it->periods = arena_calloc(a, (size_t)it->n_series + 1, sizeof *it->periods);
		it->values = arena_calloc(a, (size_t)it->n_series + 1, sizeof *it->values);
		it->has = arena_calloc(a, (size_t)it->n_series + 1, sizeof *it->has);
		it->notes = arena_calloc(a, (size_t)it->n_series + 1, sizeof *it->notes);
		for (int k = 0; k < it->n_series; k++) {
			it->periods[k] = own[f + k].period;
			it->values[k] = own[f + k].value;
			it->has[k] = own[f + k].has;
			it->notes[k] = own[f + k].note;
		}
		it->trend = peers_trend(it->values, it->has, it->n_series);
		if (it->trend.last < 0)
			continue;
		it->period = it->periods[it->trend.last];
		it->value_has = true;
		it->value = it->values[it->trend.last];
		it->note = it->notes[it->trend.last];
		/* rank among the province's gemeenten */
		int cf = cfirst[x->id] - 1, cc = ccount[x->id], np = 0, self = -1;
		for (int k = 0; cf >= 0 && k < cc; k++) {
			const struct indicator_cell *v = &cmp[cf + k];
			if (strcmp(v->province, d->province) != 0)
				continue;
			if (strcmp(v->area, d->area) == 0)
				self = np;
			vals[np] = v->value;
			has[np++] = v->has;
		}
		indicator_rank(vals, has, np, x->d.direction, rank);
		it->rank = self >= 0 ? rank[self] : 0;
		it->n_ranked = peers_ranked_count(rank, np);
		/* the peers */
		int nm = 0;
		for (int k = 0; cf >= 0 && k < cc; k++) {
			const struct indicator_cell *v = &cmp[cf + k];
			vals[nm] = v->value;
			has[nm] = v->has;
			member[nm++] = v->peer && strcmp(v->area, d->area) != 0;
		}
		peers_stats(vals, has, member, nm, &it->peers);
		it->position = peers_position(it->value_has, it->value, &it->peers);
	}
	return DASH_OK;
}
