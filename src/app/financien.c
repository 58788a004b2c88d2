/*
 * financien — the comparison of lasten and baten; see financien.h.
 */
#include "financien.h"
#include "../domain/indicatoren_peers.h"
#include "../domain/indicatoren_vergelijk.h"
#include "../lib/arena.h"
#include "../store/store.h"
#include "indicatoren_model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct fin_group fin_groups[] = {
    {"grootte_stedelijkheid", "dezelfde grootteklasse en stedelijkheid (CBS)",
     "klasse_gemeentegrootte", "klasse_stedelijkheid"},
    {"centrum_sociaal", "dezelfde centrumfunctie en sociale structuur (gemeentefonds)",
     "klasse_centrumfunctie", "klasse_sociale_structuur"},
    {"provincie", "de gemeenten van de eigen provincie", NULL, NULL},
    {"land", "alle gemeenten van Nederland", NULL, NULL},
};
const int fin_n_groups = (int)(sizeof fin_groups / sizeof *fin_groups);

static bool is_gemeente(const struct indicator_model *m, int area)
{
	return area >= 0 && strcmp(m->areas[area].level, "gemeente") == 0;
}

/* The newest period of indicator i (its series is oldest first). */
static const struct im_period *newest(const struct indicator_model *m, int i)
{
	return i >= 0 && m->n_series[i] ? &m->series[i][m->n_series[i] - 1] : NULL;
}

/* The period of indicator i named period, or else its newest. */
static const struct im_period *period_or_newest(const struct indicator_model *m, int i,
						const char *period)
{
	for (int k = 0; i >= 0 && k < m->n_series[i]; k++)
		if (strcmp(m->series[i][k].period, period) == 0)
			return &m->series[i][k];
	return newest(m, i);
}

/* Mark the gemeenten whose value of class indicator key equals self's in
 * the period (or the class's newest); a gemeente without that class value
 * marks nothing. */
static void narrow_by_class(const struct indicator_model *m, struct arena *a, const char *key,
			    const char *period, int self, bool *peer)
{
	int ci = im_indicator(m, key);
	const struct im_period *p = period_or_newest(m, ci, period);
	const struct im_cell *own = p ? im_cell(p, self) : NULL;
	bool *same = arena_calloc(a, (size_t)m->n_areas + 1, sizeof *same);
	if (own && own->has)
		for (int k = 0; k < p->n; k++)
			if (p->cells[k].has && p->cells[k].value == own->value)
				same[p->cells[k].area] = true;
	for (int i = 0; i < m->n_areas; i++)
		peer[i] = peer[i] && same[i];
}

static enum fin_status choose_peers(const struct indicator_model *m, struct arena *a, int self,
				    const char *group, const char *list, struct fin_view *v,
				    bool *peer, const char **err)
{
	if (list) {
		char codes[PEERS_MAX_CODES][PEERS_CODE_LEN];
		int n = peers_parse_list(list, codes, PEERS_MAX_CODES, err);
		if (n < 0)
			return FIN_BAD;
		size_t len = 0;
		char *norm = arena_alloc(a, (size_t)n * PEERS_CODE_LEN + 1);
		for (int i = 0; i < n; i++) {
			int g = im_area(m, codes[i]);
			if (!is_gemeente(m, g)) {
				*err = arena_printf(
				    a, "Vergelijk met: %s is geen bekende gemeentecode.", codes[i]);
				return FIN_BAD;
			}
			if (g != self)
				peer[g] = true;
			len += (size_t)snprintf(norm + len, PEERS_CODE_LEN + 1, "%s%s",
						len ? "," : "", codes[i]);
		}
		v->list = norm;
		return FIN_OK;
	}
	const char *want = group && *group ? group : FIN_DEFAULT_GROUP;
	for (int i = 0; i < fin_n_groups && !v->group; i++)
		if (strcmp(fin_groups[i].param, want) == 0)
			v->group = &fin_groups[i];
	if (!v->group) {
		*err =
		    "Vergelijkingsgroep: kies grootte_stedelijkheid, centrum_sociaal, provincie of "
		    "land.";
		return FIN_BAD;
	}
	for (int i = 0; i < m->n_areas; i++)
		peer[i] = i != self && is_gemeente(m, i) &&
			  (strcmp(v->group->param, "provincie") != 0 ||
			   strcmp(m->areas[i].province, v->province) == 0);
	if (v->group->class1) {
		narrow_by_class(m, a, v->group->class1, v->period, self, peer);
		narrow_by_class(m, a, v->group->class2, v->period, self, peer);
	}
	return FIN_OK;
}

/* The taakveld's name from the indicator name "Lasten per inwoner,
 * taakveld 6.1 Samenkracht … (jaarrekening 2023)". */
static const char *taakveld_name(struct arena *a, const char *ind_name, const char *taakveld)
{
	const char *p = strstr(ind_name, taakveld);
	if (!p)
		return ind_name;
	p += strlen(taakveld);
	while (*p == ' ')
		p++;
	const char *end = strrchr(p, '(');
	size_t n = end && end > p ? (size_t)(end - p) : strlen(p);
	while (n && p[n - 1] == ' ')
		n--;
	return arena_strndup(a, p, n);
}

/* Values per area of one indicator's newest period; has[] marks present. */
static void spread(const struct indicator_model *m, int ind, double *val, bool *has)
{
	memset(has, 0, (size_t)m->n_areas * sizeof *has);
	const struct im_period *p = newest(m, ind);
	for (int k = 0; p && k < p->n; k++)
		if (p->cells[k].has) {
			val[p->cells[k].area] = p->cells[k].value;
			has[p->cells[k].area] = true;
		}
}

static void measure(const struct indicator_model *m, int self, const bool *peer, const double *val,
		    const bool *has, double *scratch, struct fin_measure *out)
{
	int n = 0;
	for (int i = 0; i < m->n_areas; i++)
		if (peer[i] && has[i])
			scratch[n++] = val[i];
	fin_quartiles(scratch, n, &out->peers);
	out->has = has[self];
	out->value = has[self] ? val[self] : 0;
	out->dev_has = out->has && out->peers.n;
	out->dev = out->dev_has ? out->value - out->peers.median : 0;
	out->band = out->has ? fin_band_of(out->value, &out->peers) : FIN_BAND_NONE;
}

struct work {
	double *lv, *bv, *sv; /* per area: lasten, baten, saldo */
	bool *lh, *bh, *sh;
	double *hl[9], *hb[9]; /* hoofdstuk sums per area */
	bool *hlh[9], *hbh[9];
	double *scratch;
};

static void row_figures(const struct indicator_model *m, int self, const bool *peer, int li, int bi,
			struct work *w, struct fin_row *row)
{
	int n = m->n_areas;
	if (li >= 0)
		spread(m, li, w->lv, w->lh);
	else
		memset(w->lh, 0, (size_t)n * sizeof *w->lh);
	if (bi >= 0)
		spread(m, bi, w->bv, w->bh);
	else
		memset(w->bh, 0, (size_t)n * sizeof *w->bh);
	for (int i = 0; i < n; i++) {
		w->sh[i] = w->lh[i] && w->bh[i];
		w->sv[i] = w->sh[i] ? w->bv[i] - w->lv[i] : 0;
		int h = row->hoofdstuk;
		if (w->lh[i]) {
			w->hl[h][i] += w->lv[i];
			w->hlh[h][i] = true;
		}
		if (w->bh[i]) {
			w->hb[h][i] += w->bv[i];
			w->hbh[h][i] = true;
		}
	}
	measure(m, self, peer, w->lv, w->lh, w->scratch, &row->lasten);
	measure(m, self, peer, w->bv, w->bh, w->scratch, &row->baten);
	measure(m, self, peer, w->sv, w->sh, w->scratch, &row->saldo);
}

static double size_of(const struct fin_row *r)
{
	return r->total_has ? fabs(r->dev_total) : fabs(r->lasten.dev);
}

static int cmp_rank(const void *x, const void *y, void *arg)
{
	const struct fin_view *v = arg;
	const struct fin_row *p = &v->rows[*(const int *)x], *q = &v->rows[*(const int *)y];
	double a = size_of(p), b = size_of(q);
	if (a != b)
		return a > b ? -1 : 1;
	return iv3_taakveld_cmp(p->taakveld, q->taakveld);
}

static int cmp_row(const void *x, const void *y)
{
	return iv3_taakveld_cmp(((const struct fin_row *)x)->taakveld,
				((const struct fin_row *)y)->taakveld);
}

enum fin_status financien_compare(struct store *st, struct arena *a, const char *code,
				  enum iv3_doc doc, const char *group, const char *list,
				  struct fin_view *v, const char **err)
{
	memset(v, 0, sizeof *v);
	*err = NULL;
	v->doc = doc;
	v->period = "";
	char own[PEERS_CODE_LEN];
	const char *perr;
	if (!code || strchr(code, ',') || peers_parse_list(code, &own, 1, &perr) != 1)
		return FIN_NOTFOUND;
	const struct indicator_model *m = indicatoren_model(st, a);
	if (!m)
		return FIN_FAULT;
	int self = im_area(m, own);
	if (!is_gemeente(m, self))
		return FIN_NOTFOUND;
	v->area = m->areas[self].code;
	v->name = m->areas[self].name;
	v->province = m->areas[self].province;

	/* the document's taakvelden: a lasten and a baten indicator each */
	v->rows = arena_calloc(a, (size_t)m->n_inds + 1, sizeof *v->rows);
	int *li = arena_calloc(a, (size_t)m->n_inds + 1, sizeof *li);
	int *bi = arena_calloc(a, (size_t)m->n_inds + 1, sizeof *bi);
	for (int i = 0; i < m->n_inds; i++) {
		struct iv3_key k;
		if (!iv3_parse_key(m->inds[i].d.key, &k) || k.doc != doc)
			continue;
		int r = 0;
		while (r < v->n_rows && strcmp(v->rows[r].taakveld, k.taakveld) != 0)
			r++;
		if (r == v->n_rows) {
			struct fin_row *row = &v->rows[v->n_rows++];
			snprintf(row->taakveld, sizeof row->taakveld, "%s", k.taakveld);
			row->hoofdstuk = k.hoofdstuk;
			row->changed_2023 = iv3_changed_2023(k.taakveld);
			row->name = taakveld_name(a, m->inds[i].d.name, k.taakveld);
			li[r] = bi[r] = -1;
		}
		if (k.lasten) {
			li[r] = i;
			v->rows[r].lasten_key = m->inds[i].d.key;
		} else {
			bi[r] = i;
			v->rows[r].baten_key = m->inds[i].d.key;
		}
		if (!*v->period && newest(m, i)) {
			v->period = newest(m, i)->period;
			v->source = m->inds[i].d.source;
			v->source_url = m->inds[i].d.source_url;
			v->licence = m->inds[i].d.licence;
			v->warning = m->inds[i].d.warning;
		}
	}
	/* by taakveld, with their indicator indexes */
	struct fin_row *sorted = arena_calloc(a, (size_t)v->n_rows + 1, sizeof *sorted);
	int *sli = arena_calloc(a, (size_t)v->n_rows + 1, sizeof *sli);
	int *sbi = arena_calloc(a, (size_t)v->n_rows + 1, sizeof *sbi);
	memcpy(sorted, v->rows, (size_t)v->n_rows * sizeof *sorted);
	for (int r = 0; r < v->n_rows; r++)
		sorted[r].hoofdstuk = r; /* carry the old index through the sort */
	if (v->n_rows > 1)
		qsort(sorted, (size_t)v->n_rows, sizeof *sorted, cmp_row);
	for (int r = 0; r < v->n_rows; r++) {
		int old = sorted[r].hoofdstuk;
		sli[r] = li[old];
		sbi[r] = bi[old];
		sorted[r].hoofdstuk = v->rows[old].hoofdstuk;
	}
	v->rows = sorted;

	/* the inhabitants the figures were computed with */
	const struct im_period *ip = newest(m, im_indicator(m, iv3_inhabitants_key(doc)));
	const struct im_cell *ic = ip ? im_cell(ip, self) : NULL;
	v->inhabitants_has = ic && ic->has && ic->value > 0;
	v->inhabitants = v->inhabitants_has ? ic->value : 0;

	bool *peer = arena_calloc(a, (size_t)m->n_areas + 1, sizeof *peer);
	enum fin_status s = choose_peers(m, a, self, group, list, v, peer, err);
	if (s)
		return s;
	v->peers = arena_calloc(a, (size_t)m->n_gemeenten + 1, sizeof *v->peers);
	for (int i = 0; i < m->n_gemeenten; i++)
		if (peer[m->by_name[i]])
			v->peers[v->n_peers++] = (struct fin_peer){
			    m->areas[m->by_name[i]].code, m->areas[m->by_name[i]].name,
			    m->areas[m->by_name[i]].province};

	struct work w;
	size_t na = (size_t)m->n_areas + 1;
	w.lv = arena_calloc(a, na, sizeof *w.lv);
	w.bv = arena_calloc(a, na, sizeof *w.bv);
	w.sv = arena_calloc(a, na, sizeof *w.sv);
	w.lh = arena_calloc(a, na, sizeof *w.lh);
	w.bh = arena_calloc(a, na, sizeof *w.bh);
	w.sh = arena_calloc(a, na, sizeof *w.sh);
	w.scratch = arena_calloc(a, na, sizeof *w.scratch);
	for (int h = 0; h < 9; h++) {
		w.hl[h] = arena_calloc(a, na, sizeof *w.hl[h]);
		w.hb[h] = arena_calloc(a, na, sizeof *w.hb[h]);
		w.hlh[h] = arena_calloc(a, na, sizeof *w.hlh[h]);
		w.hbh[h] = arena_calloc(a, na, sizeof *w.hbh[h]);
	}
	for (int r = 0; r < v->n_rows; r++) {
		struct fin_row *row = &v->rows[r];
		row_figures(m, self, peer, sli[r], sbi[r], &w, row);
		row->total_has = row->lasten.dev_has && v->inhabitants_has;
		row->dev_total = row->total_has ? row->lasten.dev * v->inhabitants : 0;
	}
	for (int h = 0; h < 9; h++) {
		struct fin_row *t = &v->hoofdstukken[h];
		snprintf(t->taakveld, sizeof t->taakveld, "%d", h);
		t->name = iv3_hoofdstuk_name(h);
		t->hoofdstuk = h;
		t->changed_2023 = h == 6;
		for (int i = 0; i < m->n_areas; i++) {
			w.sh[i] = w.hlh[h][i] && w.hbh[h][i];
			w.sv[i] = w.sh[i] ? w.hb[h][i] - w.hl[h][i] : 0;
		}
		measure(m, self, peer, w.hl[h], w.hlh[h], w.scratch, &t->lasten);
		measure(m, self, peer, w.hb[h], w.hbh[h], w.scratch, &t->baten);
		measure(m, self, peer, w.sv, w.sh, w.scratch, &t->saldo);
		t->total_has = t->lasten.dev_has && v->inhabitants_has;
		t->dev_total = t->total_has ? t->lasten.dev * v->inhabitants : 0;
	}

	v->ranked = arena_calloc(a, (size_t)v->n_rows + 1, sizeof *v->ranked);
	for (int r = 0; r < v->n_rows; r++)
		if (v->rows[r].lasten.dev_has)
			v->ranked[v->n_ranked++] = r;
	if (v->n_ranked > 1)
		qsort_r(v->ranked, (size_t)v->n_ranked, sizeof *v->ranked, cmp_rank, v);
	return FIN_OK;
}

int financien_gemeenten(struct store *st, struct arena *a, const char *province,
			struct fin_peer **out, int *n)
{
	*out = NULL;
	*n = 0;
	const struct indicator_model *m = indicatoren_model(st, a);
	if (!m)
		return STORE_ERR;
	*out = arena_calloc(a, (size_t)m->n_gemeenten + 1, sizeof **out);
	for (int i = 0; i < m->n_gemeenten; i++) {
		const struct indicator_area *g = &m->areas[m->by_name[i]];
		if (!province || strcmp(g->province, province) == 0)
			(*out)[(*n)++] = (struct fin_peer){g->code, g->name, g->province};
	}
	return STORE_OK;
}

bool fin_measure_parse(const char *s, enum fin_measure_kind *out)
{
	static const char *const keys[] = {"lasten", "baten", "saldo"};
	for (int i = 0; s && i < 3; i++)
		if (strcmp(s, keys[i]) == 0) {
			*out = (enum fin_measure_kind)i;
			return true;
		}
	return false;
}

const char *fin_measure_key(enum fin_measure_kind k)
{
	return k == FIN_BATEN ? "baten" : k == FIN_SALDO ? "saldo" : "lasten";
}

bool fin_order_parse(const char *s, enum fin_order *out)
{
	static const char *const keys[] = {"hoog", "laag", "naam"};
	for (int i = 0; s && i < 3; i++)
		if (strcmp(s, keys[i]) == 0) {
			*out = (enum fin_order)i;
			return true;
		}
	return false;
}

static int cmp_taakveld(const void *x, const void *y)
{
	return iv3_taakveld_cmp(((const struct fin_taakveld *)x)->code,
				((const struct fin_taakveld *)y)->code);
}

int financien_taakvelden(struct store *st, struct arena *a, enum iv3_doc doc,
			 struct fin_taakveld **out, int *n)
{
	*out = NULL;
	*n = 0;
	const struct indicator_model *m = indicatoren_model(st, a);
	if (!m)
		return STORE_ERR;
	*out = arena_calloc(a, (size_t)m->n_inds + 1, sizeof **out);
	for (int i = 0; i < m->n_inds; i++) {
		struct iv3_key k;
		if (!iv3_parse_key(m->inds[i].d.key, &k) || k.doc != doc || !k.lasten)
			continue;
		struct fin_taakveld *t = &(*out)[(*n)++];
		snprintf(t->code, sizeof t->code, "%s", k.taakveld);
		t->name = taakveld_name(a, m->inds[i].d.name, k.taakveld);
	}
	if (*n > 1)
		qsort(*out, (size_t)*n, sizeof **out, cmp_taakveld);
	return STORE_OK;
}

static int cmp_high(const void *x, const void *y)
{
	const struct fin_national_row *p = x, *q = y;
	if (p->has != q->has)
		return p->has ? -1 : 1;
	if (p->has && p->value != q->value)
		return p->value > q->value ? -1 : 1;
	return strcmp(p->name, q->name);
}

static int cmp_low(const void *x, const void *y)
{
	const struct fin_national_row *p = x, *q = y;
	if (p->has != q->has)
		return p->has ? -1 : 1;
	if (p->has && p->value != q->value)
		return p->value < q->value ? -1 : 1;
	return strcmp(p->name, q->name);
}

static int cmp_name(const void *x, const void *y)
{
	const struct fin_national_row *p = x, *q = y;
	int c = strcmp(p->name, q->name);
	return c ? c : strcmp(p->code, q->code);
}

enum fin_status financien_national(struct store *st, struct arena *a, enum iv3_doc doc,
				   const char *taakveld, enum fin_measure_kind measure,
				   enum fin_order order, struct fin_national *v)
{
	memset(v, 0, sizeof *v);
	v->doc = doc;
	v->measure = measure;
	v->period = "";
	const struct indicator_model *m = indicatoren_model(st, a);
	if (!m)
		return FIN_FAULT;
	int li = -1, bi = -1;
	for (int i = 0; i < m->n_inds; i++) {
		struct iv3_key k;
		if (!taakveld || !iv3_parse_key(m->inds[i].d.key, &k) || k.doc != doc ||
		    strcmp(k.taakveld, taakveld) != 0)
			continue;
		if (k.lasten)
			li = i;
		else
			bi = i;
		snprintf(v->taakveld, sizeof v->taakveld, "%s", k.taakveld);
		v->name = taakveld_name(a, m->inds[i].d.name, k.taakveld);
		v->changed_2023 = iv3_changed_2023(k.taakveld);
		v->source = m->inds[i].d.source;
		v->source_url = m->inds[i].d.source_url;
		v->licence = m->inds[i].d.licence;
		v->warning = m->inds[i].d.warning;
		if (newest(m, i))
			v->period = newest(m, i)->period;
	}
	if (li < 0 && bi < 0)
		return FIN_NOTFOUND;
	size_t na = (size_t)m->n_areas + 1;
	double *lv = arena_calloc(a, na, sizeof *lv), *bv = arena_calloc(a, na, sizeof *bv);
	bool *lh = arena_calloc(a, na, sizeof *lh), *bh = arena_calloc(a, na, sizeof *bh);
	if (li >= 0)
		spread(m, li, lv, lh);
	if (bi >= 0)
		spread(m, bi, bv, bh);
	/* the gemeenten of the document's division: a row, even an empty one
	 * (gemeenten merged away before the period have none) */
	bool *listed = arena_calloc(a, na, sizeof *listed);
	for (int x = 0; x < 2; x++) {
		const struct im_period *p = newest(m, x ? bi : li);
		for (int k = 0; p && k < p->n; k++)
			listed[p->cells[k].area] = true;
	}
	v->rows = arena_calloc(a, (size_t)m->n_gemeenten + 1, sizeof *v->rows);
	double *present = arena_calloc(a, (size_t)m->n_gemeenten + 1, sizeof *present);
	for (int g = 0; g < m->n_gemeenten; g++) {
		int i = m->by_name[g];
		if (!listed[i])
			continue;
		struct fin_national_row *r = &v->rows[v->n_rows++];
		r->code = m->areas[i].code;
		r->name = m->areas[i].name;
		r->province = m->areas[i].province;
		r->has = measure == FIN_LASTEN	? lh[i]
			 : measure == FIN_BATEN ? bh[i]
						: lh[i] && bh[i];
		r->value = !r->has		   ? 0
			   : measure == FIN_LASTEN ? lv[i]
			   : measure == FIN_BATEN  ? bv[i]
						   : bv[i] - lv[i];
		if (r->has)
			present[v->n_present++] = r->value;
	}
	fin_quartiles(present, v->n_present, &v->quartiles); /* sorts present */
	if (v->n_present) {
		v->min = present[0];
		v->max = present[v->n_present - 1];
		vergelijk_histogram(present, v->n_present, VERGELIJK_BINS, v->hist, &v->hist_lo,
				    &v->hist_hi);
	}
	/* ranks, highest first, shared by equal values */
	if (v->n_rows > 1)
		qsort(v->rows, (size_t)v->n_rows, sizeof *v->rows, cmp_high);
	for (int i = 0; i < v->n_rows && v->rows[i].has; i++)
		v->rows[i].rank =
		    i && v->rows[i].value == v->rows[i - 1].value ? v->rows[i - 1].rank : i + 1;
	if (order != FIN_ORDER_HIGH && v->n_rows > 1)
		qsort(v->rows, (size_t)v->n_rows, sizeof *v->rows,
		      order == FIN_ORDER_LOW ? cmp_low : cmp_name);
	return FIN_OK;
}
