/*
 * samenwerking_cijfers — the collaboration figures and the import of the
 * policy-domain mapping; see samenwerking_cijfers.h.
 */
#include "samenwerking_cijfers.h"
#include "../lib/arena.h"
#include "../lib/buf.h"
#include "../lib/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const sc_mapping_header[3] = {"beleidsdomein", "indicatoren", "toelichting"};

/* ---- the figures ------------------------------------------------------------------- */

static bool is_gemeente_code(const char *c)
{
	if (strlen(c) != 6 || c[0] != 'G' || c[1] != 'M')
		return false;
	for (int i = 2; i < 6; i++)
		if (c[i] < '0' || c[i] > '9')
			return false;
	return true;
}

/* The values of one member: a slice of the store's rows (ordered by area). */
struct slice {
	const struct sc_value *v;
	int n;
};

static const struct sc_value *find(struct slice sl, const char *key, const char *period)
{
	for (int i = 0; i < sl.n; i++)
		if (strcmp(sl.v[i].key, key) == 0 && strcmp(sl.v[i].period, period) == 0)
			return &sl.v[i];
	return NULL;
}

static struct sc_cell cell_of(struct slice sl, const char *key, const char *period)
{
	const struct sc_value *v = period ? find(sl, key, period) : NULL;
	return v && v->has ? (struct sc_cell){true, v->value} : (struct sc_cell){false, 0};
}

/* The newest period in which any member has a value of key (NULL: none). */
static const char *newest_period(const struct slice *sl, int n, const char *key)
{
	const char *best = NULL;
	for (int m = 0; m < n; m++)
		for (int i = 0; i < sl[m].n; i++)
			if (sl[m].v[i].has && strcmp(sl[m].v[i].key, key) == 0 &&
			    (!best || strcmp(sl[m].v[i].period, best) > 0))
				best = sl[m].v[i].period;
	return best;
}

static const struct sc_def *def_of(const struct sc_def *defs, int n, const char *key)
{
	for (int i = 0; i < n; i++)
		if (strcmp(defs[i].key, key) == 0)
			return &defs[i];
	return NULL;
}

/* d's warning, once per text, named by label (the figure it concerns). */
static void add_warning(struct sc_figures *f, const struct sc_def *d, const char *label)
{
	if (!d || !*d->warning)
		return;
	for (int i = 0; i < f->n_warnings; i++)
		if (strcmp(f->warnings[i], d->warning) == 0)
			return;
	f->warnings[f->n_warnings] = d->warning;
	f->warning_names[f->n_warnings++] = label;
}

static int cmp_member(const void *x, const void *y)
{
	const struct sc_member *a = x, *b = y;
	return str_collate_nl(a->org_name, b->org_name);
}

/* The domain's part cells of one member in period, summed (missing when any
 * part is missing). */
static struct sc_cell domain_cell(struct slice sl, const char **keys, int nkeys, const char *period,
				  struct sc_cell *tmp)
{
	for (int k = 0; k < nkeys; k++)
		tmp[k] = cell_of(sl, keys[k], period);
	return sc_sum_parts(tmp, nkeys);
}

int samenwerking_cijfers_build(struct store *st, struct arena *a, const struct snapshot *s, int ci,
			       struct sc_figures *out)
{
	memset(out, 0, sizeof *out);
	const struct collaboration *c = &s->collabs[ci];

	/* the active participants, each organisation once */
	out->members = arena_calloc(a, (size_t)c->n_parts + 1, sizeof *out->members);
	for (int k = 0; k < c->n_parts; k++) {
		const struct participation *p = &s->parts[c->parts[k]];
		if (!p->active)
			continue;
		const struct organisation *o = &s->orgs[p->organisation];
		bool seen = false;
		for (int m = 0; m < out->n_members && !seen; m++)
			seen = strcmp(out->members[m].org_code, o->code) == 0;
		if (seen)
			continue;
		struct sc_member *m = &out->members[out->n_members++];
		m->org_code = o->code;
		m->org_name = o->name;
		m->cbs = o->kind == ORG_MUNICIPALITY && o->cbs_code && is_gemeente_code(o->cbs_code)
			     ? o->cbs_code
			     : "";
		if (*m->cbs)
			out->n_gemeenten++;
	}
	if (out->n_members > 1)
		qsort(out->members, (size_t)out->n_members, sizeof *out->members, cmp_member);

	/* the mapping of the collaboration's domains */
	struct sc_domain_row *map;
	int nmap;
	if (store_sc_domains(st, a, &map, &nmap))
		return STORE_ERR;
	out->mapping_loaded = nmap > 0;
	out->n_domains = c->n_domains;
	out->domains = arena_calloc(a, (size_t)c->n_domains + 1, sizeof *out->domains);
	const char ***dkeys = arena_calloc(a, (size_t)c->n_domains + 1, sizeof *dkeys);
	int *ndkeys = arena_calloc(a, (size_t)c->n_domains + 1, sizeof *ndkeys);
	struct buf keys = BUF_INIT;
	buf_puts(&keys, SC_KEY_INHABITANTS "," SC_KEY_AREA);
	for (int d = 0; d < c->n_domains; d++) {
		const struct domain *dom = &s->domains[c->domains[d]];
		struct sc_domain_figure *f = &out->domains[d];
		f->key = dom->key;
		f->name = dom->name;
		f->note = "";
		dkeys[d] = arena_calloc(a, SC_MAX_KEYS, sizeof **dkeys);
		for (int i = 0; i < nmap; i++) {
			if (strcmp(map[i].domain, dom->key) != 0)
				continue;
			f->mapped = true;
			f->note = map[i].note;
			char *kb = arena_alloc(a, strlen(map[i].keys) + 1);
			int nk = sc_split_keys(map[i].keys, kb, dkeys[d], SC_MAX_KEYS);
			ndkeys[d] = nk < 0 ? 0 : nk; /* checked on import */
			for (int k = 0; k < ndkeys[d]; k++) {
				buf_putc(&keys, ',');
				buf_puts(&keys, dkeys[d][k]);
			}
		}
	}

	/* the definitions and the members' values: one query each */
	struct sc_def *defs = NULL;
	int ndefs = 0;
	int rc = store_sc_defs(st, a, keys.data, &defs, &ndefs);
	struct buf areas = BUF_INIT;
	for (int m = 0; m < out->n_members; m++) {
		if (!*out->members[m].cbs)
			continue;
		if (areas.len)
			buf_putc(&areas, ',');
		buf_puts(&areas, out->members[m].cbs);
	}
	struct sc_value *vals = NULL;
	int nvals = 0;
	if (rc == STORE_OK && areas.len)
		rc = store_sc_values(st, a, areas.data, keys.data, &vals, &nvals);
	buf_free(&keys);
	buf_free(&areas);
	if (rc)
		return STORE_ERR;

	struct slice *sl = arena_calloc(a, (size_t)out->n_members + 1, sizeof *sl);
	for (int m = 0; m < out->n_members; m++) {
		const char *cbs = out->members[m].cbs;
		int i = 0;
		while (*cbs && i < nvals && strcmp(vals[i].area, cbs) != 0)
			i++;
		sl[m].v = vals + i;
		while (*cbs && i + sl[m].n < nvals && strcmp(vals[i + sl[m].n].area, cbs) == 0)
			sl[m].n++;
	}

	out->warnings = arena_calloc(a, (size_t)ndefs + 1, sizeof *out->warnings);
	out->warning_names = arena_calloc(a, (size_t)ndefs + 1, sizeof *out->warning_names);
	int nm = out->n_members;
	struct sc_cell *cells = arena_calloc(a, (size_t)nm + 1, sizeof *cells);
	struct sc_cell *weights = arena_calloc(a, (size_t)nm + 1, sizeof *weights);
	struct sc_cell *tmp = arena_calloc(a, SC_MAX_KEYS, sizeof *tmp);

	/* inhabitants and area: the newest period with a value, summed */
	struct sc_figure *base[2] = {&out->inhabitants, &out->area};
	const char *base_key[2] = {SC_KEY_INHABITANTS, SC_KEY_AREA};
	for (int b = 0; b < 2; b++) {
		base[b]->def = def_of(defs, ndefs, base_key[b]);
		base[b]->period = newest_period(sl, nm, base_key[b]);
		for (int m = 0; m < nm; m++) {
			cells[m] = cell_of(sl[m], base_key[b], base[b]->period);
			if (b == 0)
				out->members[m].inhabitants = cells[m];
			else
				out->members[m].area = cells[m];
		}
		base[b]->total = sc_sum(cells, nm);
		if (base[b]->period)
			add_warning(out, base[b]->def, b == 0 ? "Inwoners" : "Oppervlakte");
	}

	/* per domain: the newest period in which a member has every taakveld,
	 * lasten per inhabitant weighted by the inhabitants of that period */
	for (int m = 0; m < nm; m++)
		out->members[m].spend =
		    arena_calloc(a, (size_t)out->n_domains + 1, sizeof *out->members[m].spend);
	for (int d = 0; d < out->n_domains; d++) {
		struct sc_domain_figure *f = &out->domains[d];
		f->defs = arena_calloc(a, (size_t)ndkeys[d] + 1, sizeof *f->defs);
		for (int k = 0; k < ndkeys[d]; k++) {
			const struct sc_def *df = def_of(defs, ndefs, dkeys[d][k]);
			if (df)
				f->defs[f->n_defs++] = df;
		}
		if (!ndkeys[d])
			continue;
		for (int m = 0; m < nm; m++)
			for (int i = 0; i < sl[m].n; i++) {
				const char *p = sl[m].v[i].period;
				if (strcmp(sl[m].v[i].key, dkeys[d][0]) != 0 ||
				    (f->period && strcmp(p, f->period) <= 0))
					continue;
				if (domain_cell(sl[m], dkeys[d], ndkeys[d], p, tmp).has)
					f->period = p;
			}
		for (int m = 0; m < nm; m++) {
			cells[m] = domain_cell(sl[m], dkeys[d], ndkeys[d], f->period, tmp);
			weights[m] = cell_of(sl[m], SC_KEY_INHABITANTS, f->period);
			out->members[m].spend[d] = cells[m];
		}
		f->total = sc_weighted(cells, weights, nm);
		if (f->period)
			for (int k = 0; k < f->n_defs; k++)
				add_warning(out, f->defs[k], "Lasten per inwoner (Iv3)");
	}
	return STORE_OK;
}

/* ---- the mapping file -------------------------------------------------------------- */

static void add_err(struct ind_import_report *rep, const char *file, int line, int col,
		    const char *msg)
{
	if (rep->n_errors < INDICATOREN_MAX_ERRORS)
		rep->errors[rep->n_errors] =
		    (struct ind_error){.file = file, .line = line, .col = col, .message = msg};
	rep->n_errors++;
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static bool in_sorted(const char **arr, int n, const char *s)
{
	return n && bsearch(&s, arr, (size_t)n, sizeof *arr, cmp_str);
}

int samenwerking_cijfers_import_domains(struct store *st, struct arena *a,
					const struct write_ctx *w, const char *file,
					const struct sheet *sh, const char **keys, int nkeys,
					bool dry_run, struct ind_import_report *rep)
{
	const char **domains;
	int ndomains;
	if (store_sc_registry_domains(st, a, &domains, &ndomains)) {
		snprintf(rep->fatal, sizeof rep->fatal, "de database is niet bereikbaar");
		return -1;
	}
	struct sc_domain_row *rows = arena_calloc(a, (size_t)sh->nrows + 1, sizeof *rows);
	int n = 0;
	for (int r = 1; r < sh->nrows; r++) {
		const char *dom = sh->cells[r][0], *list = sh->cells[r][1], *note = sh->cells[r][2];
		int line = sh->line[r];
		if (!*dom && !*list && !*note)
			continue;
		bool ok = true;
		if (!in_sorted(domains, ndomains, dom)) {
			add_err(
			    rep, file, line, 1,
			    arena_printf(a, "'%s' is geen beleidsdomein van het register", dom));
			ok = false;
		}
		for (int i = 0; i < n && ok; i++)
			if (strcmp(rows[i].domain, dom) == 0) {
				add_err(rep, file, line, 1,
					arena_printf(a,
						     "beleidsdomein %s staat meer dan eens in het "
						     "bestand",
						     dom));
				ok = false;
			}
		const char *split[SC_MAX_KEYS];
		char *kb = arena_alloc(a, strlen(list) + 1);
		int nk = sc_split_keys(list, kb, split, SC_MAX_KEYS);
		if (nk < 0) {
			add_err(
			    rep, file, line, 2,
			    arena_printf(a,
					 "de lijst indicatoren is ongeldig (sleutels gescheiden "
					 "door ';', elk één keer, hoogstens %d)",
					 SC_MAX_KEYS));
			ok = false;
		}
		struct buf joined = BUF_INIT;
		for (int k = 0; k < nk; k++) {
			if (!in_sorted(keys, nkeys, split[k])) {
				add_err(rep, file, line, 2,
					arena_printf(a, "indicator '%s' bestaat niet", split[k]));
				ok = false;
			}
			if (k)
				buf_putc(&joined, ';');
			buf_puts(&joined, split[k]);
		}
		if (strlen(note) > INDICATOR_TEXT_MAX) {
			add_err(rep, file, line, 3,
				arena_printf(a, "de toelichting is langer dan %d tekens",
					     INDICATOR_TEXT_MAX));
			ok = false;
		}
		if (ok)
			rows[n++] = (struct sc_domain_row){
			    dom, arena_strdup(a, joined.len ? joined.data : ""), note};
		buf_free(&joined);
	}
	rep->rows = n;
	if (rep->n_errors)
		return -1;
	bool changed;
	if (store_sc_domains_replace(st, w, file, rows, n, dry_run, &changed, rep->fatal,
				     sizeof rep->fatal))
		return -1;
	if (changed)
		rep->counts.changed = 1;
	else
		rep->counts.unchanged = 1;
	return 0;
}
