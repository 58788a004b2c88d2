/*
 * indicatoren_vergelijk — the compare view; see indicatoren_vergelijk.h.
 */
#include "indicatoren_vergelijk.h"
#include "indicatoren.h"
#include "indicatoren_dashboard.h"
#include "../domain/indicatoren_peers.h"
#include "../lib/arena.h"
#include "../lib/buf.h"

#include <stdio.h>
#include <string.h>

const char *indicatoren_vergelijk_class(int i, const char **label)
{
	if (i < 0 || i >= dash_n_classes)
		return NULL;
	if (label)
		*label = dash_classes[i].label;
	return dash_classes[i].param;
}

static const char *class_key(const char *param)
{
	for (int i = 0; i < dash_n_classes; i++)
		if (strcmp(dash_classes[i].param, param) == 0)
			return dash_classes[i].key;
	return NULL;
}

static const struct vergelijk_cell *find_gemeente(const struct vergelijk_cell *g, int n,
						  const char *code)
{
	for (int i = 0; i < n; i++)
		if (strcmp(g[i].area, code) == 0)
			return &g[i];
	return NULL;
}

static int find_row(const struct vergelijk_row *all, int n, const char *code)
{
	int lo = 0, hi = n - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		int c = strcmp(all[mid].code, code);
		if (!c)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* Ranks of the rows of all in province (NULL: every row) by direction. */
static void rank_rows(struct arena *a, struct vergelijk_row *all, int n, const char *province,
		      const char *direction)
{
	double *v = arena_calloc(a, (size_t)n + 1, sizeof *v);
	bool *has = arena_calloc(a, (size_t)n + 1, sizeof *has);
	int *rank = arena_calloc(a, (size_t)n + 1, sizeof *rank);
	int *idx = arena_calloc(a, (size_t)n + 1, sizeof *idx);
	int m = 0;
	for (int i = 0; i < n; i++) {
		if (province && strcmp(all[i].province, province) != 0)
			continue;
		idx[m] = i;
		v[m] = all[i].value;
		has[m] = all[i].has;
		m++;
	}
	indicator_rank(v, has, m, direction, rank);
	int ranked = peers_ranked_count(rank, m);
	for (int k = 0; k < m; k++) {
		struct vergelijk_row *row = &all[idx[k]];
		if (province) {
			row->rank_pv = rank[k];
			row->n_pv = ranked;
		} else {
			row->rank_nl = rank[k];
			row->n_nl = ranked;
		}
	}
}

static struct vergelijk_row row_of(const struct vergelijk *out, const struct vergelijk_cell *g)
{
	int i = find_row(out->all, out->n_all, g->area);
	if (i >= 0)
		return out->all[i];
	return (struct vergelijk_row){.code = g->area,
				      .name = g->name,
				      .province = g->province,
				      .note = "",
				      .share_below = -1,
				      .cls = -1};
}

enum vergelijk_status indicatoren_vergelijk(struct store *st, struct arena *a, const char *key,
					    const char *gebieden, const char *period,
					    const char *van, const char *klasse,
					    struct vergelijk *out, const char **err,
					    const char **param)
{
	memset(out, 0, sizeof *out);
	*err = NULL;
	*param = NULL;
	char msg[200];
	if (!indicator_key_valid(key))
		return VG_NOTFOUND;
	int rc = indicatoren_one(st, a, key, &out->ind);
	if (rc == STORE_ERR_NOTFOUND)
		return VG_NOTFOUND;
	if (rc)
		return VG_FAULT;
	if (strcmp(out->ind.d.area_level, "gemeente") != 0) {
		*err = "Deze indicator gaat niet over gemeenten; vergelijken kan alleen bij "
		       "cijfers per gemeente.";
		*param = "indicator";
		return VG_BAD;
	}
	if (period && *period) {
		if (!indicatoren_has_period(&out->ind, period)) {
			snprintf(msg, sizeof msg,
				 "Voor deze indicator is er geen periode '%.20s'. Kies een van de "
				 "perioden op de pagina van de indicator.",
				 period);
			*err = arena_strdup(a, msg);
			*param = "periode";
			return VG_BAD;
		}
		out->period = arena_strdup(a, period);
	} else {
		out->period = indicatoren_latest_period(&out->ind);
	}

	/* the chosen codes: van, its peers, then gebieden */
	struct vergelijk_cell *gem;
	int n_gem;
	if (store_indicator_vergelijk_gemeenten(st, a, &gem, &n_gem))
		return VG_FAULT;
	char(*codes)[7] = arena_calloc(a, VERGELIJK_MAX_CODES + 1, sizeof *codes);
	int n_codes = vergelijk_parse_codes(gebieden, codes, VERGELIJK_MAX_CODES, msg, sizeof msg);
	if (n_codes < 0) {
		*err = arena_strdup(a, msg);
		*param = "gebieden";
		return VG_BAD;
	}
	for (int i = 0; i < n_codes; i++)
		if (!find_gemeente(gem, n_gem, codes[i])) {
			snprintf(msg, sizeof msg, "Een gemeente met de code '%s' kennen we niet.",
				 codes[i]);
			*err = arena_strdup(a, msg);
			*param = "gebieden";
			return VG_BAD;
		}
	const char **list = arena_calloc(a, (size_t)n_gem + VERGELIJK_MAX_CODES + 2, sizeof *list);
	int n_list = 0;
	if (van && *van) {
		char one[2][7];
		if (vergelijk_parse_codes(van, one, 1, msg, sizeof msg) != 1 ||
		    !find_gemeente(gem, n_gem, one[0])) {
			*err = "Vergelijkbaar met: kies een bekende gemeente, bijvoorbeeld gm0344.";
			*param = "van";
			return VG_BAD;
		}
		const char *ck = class_key(klasse && *klasse ? klasse : DASH_DEFAULT_CLASS);
		if (!ck) {
			*err = "Onbekende klasse. Kies grootteklasse, stedelijkheid, "
			       "centrumfunctie of sociale_structuur.";
			*param = "klasse";
			return VG_BAD;
		}
		const char **peers;
		int n_peers;
		if (store_indicator_vergelijk_class_peers(st, a, ck, one[0], &peers, &n_peers))
			return VG_FAULT;
		list[n_list++] = arena_strdup(a, one[0]);
		for (int i = 0; i < n_peers; i++)
			if (strcmp(peers[i], one[0]) != 0)
				list[n_list++] = peers[i];
	}
	for (int i = 0; i < n_codes; i++) {
		bool seen = false;
		for (int k = 0; k < n_list && !seen; k++)
			seen = strcmp(list[k], codes[i]) == 0;
		if (!seen)
			list[n_list++] = codes[i];
	}

	/* every gemeente's value in the period */
	struct vergelijk_cell *cells = NULL;
	int n_cells = 0;
	if (out->period &&
	    store_indicator_vergelijk_values(st, a, out->ind.id, out->period, &cells, &n_cells))
		return VG_FAULT;
	out->all = arena_calloc(a, (size_t)n_cells + 1, sizeof *out->all);
	out->n_all = n_cells;
	double *v = arena_calloc(a, (size_t)n_cells + 1, sizeof *v);
	bool *has = arena_calloc(a, (size_t)n_cells + 1, sizeof *has);
	for (int i = 0; i < n_cells; i++) {
		out->all[i] = (struct vergelijk_row){.code = cells[i].area,
						     .name = cells[i].name,
						     .province = cells[i].province,
						     .note = cells[i].note,
						     .found = true,
						     .has = cells[i].has,
						     .value = cells[i].value,
						     .share_below = -1,
						     .cls = -1};
		v[i] = cells[i].value;
		has[i] = cells[i].has;
	}
	double *sorted = arena_calloc(a, (size_t)n_cells + 1, sizeof *sorted);
	out->n_present = vergelijk_sorted(v, has, n_cells, sorted);
	if (out->n_present) {
		out->median = vergelijk_quantile(sorted, out->n_present, 0.5);
		out->min = sorted[0];
		out->max = sorted[out->n_present - 1];
		vergelijk_breaks(sorted, out->n_present, VERGELIJK_CLASSES, out->breaks);
		vergelijk_histogram(sorted, out->n_present, VERGELIJK_BINS, out->hist,
				    &out->hist_lo, &out->hist_hi);
	}
	rank_rows(a, out->all, n_cells, NULL, out->ind.d.direction);
	/* the provincial ranks: per province present among the rows */
	for (int i = 0; i < n_cells; i++) {
		bool first = true;
		for (int k = 0; k < i && first; k++)
			first = strcmp(out->all[k].province, out->all[i].province) != 0;
		if (first && *out->all[i].province)
			rank_rows(a, out->all, n_cells, out->all[i].province, out->ind.d.direction);
	}
	for (int i = 0; i < n_cells; i++) {
		struct vergelijk_row *row = &out->all[i];
		if (!row->has)
			continue;
		row->share_below = vergelijk_share_below(sorted, out->n_present, row->value);
		row->cls = vergelijk_class_of(row->value, out->breaks, VERGELIJK_CLASSES);
		out->class_count[row->cls]++;
	}

	/* the chosen rows, in the order asked */
	out->chosen = arena_calloc(a, (size_t)n_list + 1, sizeof *out->chosen);
	struct buf joined = BUF_INIT;
	for (int k = 0; k < n_list; k++) {
		const struct vergelijk_cell *g = find_gemeente(gem, n_gem, list[k]);
		int i = find_row(out->all, out->n_all, list[k]);
		if (i >= 0)
			out->all[i].chosen = true;
		out->chosen[out->n_chosen] = row_of(out, g);
		out->chosen[out->n_chosen++].chosen = true;
		buf_printf(&joined, "%s%s", k ? "," : "", list[k]);
	}
	out->codes = arena_strdup(a, joined.data ? joined.data : "");
	buf_free(&joined);

	/* the province's gemeenten, by name (gem is by name) */
	out->province = arena_calloc(a, (size_t)n_gem + 1, sizeof *out->province);
	for (int k = 0; k < n_gem; k++)
		if (strcmp(gem[k].province, INDICATOREN_PROVINCE) == 0) {
			struct vergelijk_row *p = &out->province[out->n_province++];
			*p = row_of(out, &gem[k]);
			for (int i = 0; i < n_list && !p->chosen; i++)
				p->chosen = strcmp(list[i], p->code) == 0;
		}
	return VG_OK;
}

int indicatoren_vergelijk_choices(struct store *st, struct arena *a, struct indicator_row **inds,
				  int *n_inds, struct vergelijk_cell **gemeenten, int *n_gemeenten)
{
	if (indicatoren_all(st, a, inds, n_inds))
		return STORE_ERR;
	return store_indicator_vergelijk_gemeenten(st, a, gemeenten, n_gemeenten);
}
