/*
 * currency (app) — see currency.h.
 */
#include "currency.h"
#include "../domain/provenance.h"

#include <stdlib.h>
#include <string.h>

static void count(const struct snapshot *s, struct currency *c, const char *confirmed)
{
	c->records++;
	if (!provenance_stale(confirmed, s->today))
		c->current++;
	const char *d = confirmed ? confirmed : "";
	if (c->records == 1 || (*c->oldest && strncmp(d, c->oldest, 10) < 0))
		c->oldest = d;
}

void app_currency_of(const struct snapshot *s, int oi, struct currency *out)
{
	const struct organisation *o = &s->orgs[oi];
	memset(out, 0, sizeof *out);
	out->org = oi;
	out->oldest = "";
	count(s, out, o->last_confirmed);
	for (int k = 0; k < o->n_parts; k++) {
		const struct participation *p = &s->parts[o->parts[k]];
		if (!p->active)
			continue;
		count(s, out, p->last_confirmed);
		const struct collaboration *c = &s->collabs[p->collaboration];
		if (p->role == ROLE_PENVOERDER && c->active)
			count(s, out, c->last_confirmed);
	}
}

int app_currency_percent(const struct currency *c)
{
	return c->records > 0 ? c->current * 100 / c->records : 0;
}

static int by_currency(const void *x, const void *y)
{
	const struct currency *a = x, *b = y;
	/* a->current / a->records < b->current / b->records, without division */
	long l = (long)a->current * b->records, r = (long)b->current * a->records;
	if (l != r)
		return l < r ? -1 : 1;
	int d = strcmp(a->oldest, b->oldest);
	if (d)
		return d;
	return a->org - b->org; /* s->orgs is sorted by name */
}

struct currency *app_currency_partners(struct arena *a, const struct snapshot *s, int *n)
{
	struct currency *out = arena_calloc(a, (size_t)s->n_orgs + 1, sizeof *out);
	int m = 0;
	for (int i = 0; i < s->n_orgs; i++) {
		const struct organisation *o = &s->orgs[i];
		bool partner = false;
		for (int k = 0; k < o->n_parts && !partner; k++)
			partner = s->parts[o->parts[k]].active;
		if (o->ended || !partner)
			continue;
		app_currency_of(s, i, &out[m++]);
	}
	qsort(out, (size_t)m, sizeof *out, by_currency);
	*n = m;
	return out;
}
