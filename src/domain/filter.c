/*
 * filter — see filter.h.
 */
#include "filter.h"
#include "labels.h"
#include "../lib/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const collab_filter_keys[] = {
    "beleidsdomein", "juridischeVorm", "fase",	 "soort",	  "deelnemer",
    "status",	     "sorteer",	       "pagina", "paginaGrootte", NULL};

void collab_filter_init(struct collab_filter *f, long page_size)
{
	f->domain = f->legal_form = f->phase = f->kind = f->org = -1;
	f->status = STATUS_ACTIVE;
	f->sort = SORT_NAME;
	f->page = 1;
	f->page_size = page_size;
}

int collab_filter_set(struct collab_filter *f, const struct snapshot *s, const char *name,
		      const char *value, char *msg, size_t msglen)
{
	int i;
	if (strcmp(name, "beleidsdomein") == 0) {
		if ((i = snapshot_find_domain(s, value)) < 0)
			goto bad_value;
		f->domain = i;
	} else if (strcmp(name, "juridischeVorm") == 0) {
		if ((i = label_from_api(legal_form_labels, LF_COUNT, value)) < 0)
			goto bad_value;
		f->legal_form = i;
	} else if (strcmp(name, "fase") == 0) {
		if ((i = label_from_api(phase_labels, PHASE_COUNT, value)) < 0)
			goto bad_value;
		f->phase = i;
	} else if (strcmp(name, "soort") == 0) {
		if ((i = label_from_api(collab_kind_labels, COLLAB_KIND_COUNT, value)) < 0)
			goto bad_value;
		f->kind = i;
	} else if (strcmp(name, "deelnemer") == 0) {
		if ((i = snapshot_find_org(s, value)) < 0) {
			snprintf(
			    msg, msglen,
			    "Er is geen organisatie met de code '%.80s' (parameter 'deelnemer').",
			    value);
			return -1;
		}
		f->org = i;
	} else if (strcmp(name, "status") == 0) {
		if (strcmp(value, "actief") == 0)
			f->status = STATUS_ACTIVE;
		else if (strcmp(value, "beeindigd") == 0)
			f->status = STATUS_ENDED;
		else if (strcmp(value, "alle") == 0)
			f->status = STATUS_ALL;
		else
			goto bad_value;
	} else if (strcmp(name, "sorteer") == 0) {
		static const char *sorts[] = {"naam",	     "-naam",	  "deelnemers",
					      "-deelnemers", "bevestigd", "-bevestigd"};
		for (i = 0; i < 6; i++)
			if (strcmp(value, sorts[i]) == 0)
				break;
		if (i == 6)
			goto bad_value;
		f->sort = (enum collab_sort)i;
	} else if (strcmp(name, "pagina") == 0) {
		if (!parse_long(value, 1, 10000, &f->page)) {
			snprintf(msg, msglen,
				 "De parameter 'pagina' moet een geheel getal van 1 tot en met "
				 "10000 zijn.");
			return -1;
		}
	} else if (strcmp(name, "paginaGrootte") == 0) {
		if (!parse_long(value, 1, 100, &f->page_size)) {
			snprintf(msg, msglen,
				 "De parameter 'paginaGrootte' moet een geheel getal van 1 tot en "
				 "met 100 zijn.");
			return -1;
		}
	} else {
		return 1;
	}
	return 0;
bad_value:
	snprintf(msg, msglen, "De waarde '%.80s' is niet geldig voor de parameter '%s'.", value,
		 name);
	return -1;
}

bool collab_filter_match(const struct collab_filter *f, const struct snapshot *s, int i)
{
	const struct collaboration *c = &s->collabs[i];
	if (f->status == STATUS_ACTIVE && !c->active)
		return false;
	if (f->status == STATUS_ENDED && c->active)
		return false;
	if (f->domain >= 0) {
		bool found = false;
		for (int k = 0; k < c->n_domains && !found; k++)
			found = c->domains[k] == f->domain;
		if (!found)
			return false;
	}
	if (f->legal_form >= 0 && (int)c->legal_form != f->legal_form)
		return false;
	if (f->phase >= 0 && (int)c->phase != f->phase)
		return false;
	if (f->kind >= 0 && (int)c->kind != f->kind)
		return false;
	if (f->org >= 0) {
		bool found = false;
		for (int k = 0; k < c->n_parts && !found; k++) {
			const struct participation *p = &s->parts[c->parts[k]];
			/* for the current view only current members count; otherwise
			 * any participation, past or present */
			found = p->organisation == f->org &&
				(p->active || !c->active || f->status != STATUS_ACTIVE);
		}
		if (!found)
			return false;
	}
	return true;
}

static _Thread_local const struct snapshot *sort_snap;
static _Thread_local enum collab_sort sort_key;

static int cmp(const void *a, const void *b)
{
	const struct collaboration *x = &sort_snap->collabs[*(const int *)a];
	const struct collaboration *y = &sort_snap->collabs[*(const int *)b];
	int c = 0;
	switch (sort_key) {
	case SORT_PARTS:
	case SORT_PARTS_DESC:
		c = x->n_active_parts - y->n_active_parts;
		break;
	case SORT_CONFIRMED:
	case SORT_CONFIRMED_DESC:
		c = strcmp(x->last_confirmed, y->last_confirmed);
		break;
	default:
		break;
	}
	if (sort_key == SORT_NAME_DESC || sort_key == SORT_PARTS_DESC ||
	    sort_key == SORT_CONFIRMED_DESC)
		c = -c;
	if (c == 0) /* arrays are sorted by name: index order is name order */
		c = sort_key == SORT_NAME_DESC ? *(const int *)b - *(const int *)a
					       : *(const int *)a - *(const int *)b;
	return c;
}

int collab_filter_apply(const struct collab_filter *f, const struct snapshot *s, int *out)
{
	int n = 0;
	for (int i = 0; i < s->n_collabs; i++)
		if (collab_filter_match(f, s, i))
			out[n++] = i;
	if (f->sort != SORT_NAME) {
		sort_snap = s;
		sort_key = f->sort;
		qsort(out, (size_t)n, sizeof(int), cmp);
	}
	return n;
}

int collab_filter_facet_size(const struct snapshot *s, enum filter_facet facet)
{
	switch (facet) {
	case FACET_DOMAIN:
		return s->n_domains;
	case FACET_LEGAL_FORM:
		return LF_COUNT;
	case FACET_PHASE:
		return PHASE_COUNT;
	case FACET_KIND:
		return COLLAB_KIND_COUNT;
	case FACET_ORG:
		return s->n_orgs;
	}
	return 0;
}

int collab_filter_facet_counts(const struct collab_filter *f, const struct snapshot *s,
			       enum filter_facet facet, int *counts)
{
	int n = collab_filter_facet_size(s, facet);
	memset(counts, 0, (size_t)n * sizeof *counts);
	struct collab_filter g = *f;
	switch (facet) {
	case FACET_DOMAIN:
		g.domain = -1;
		break;
	case FACET_LEGAL_FORM:
		g.legal_form = -1;
		break;
	case FACET_PHASE:
		g.phase = -1;
		break;
	case FACET_KIND:
		g.kind = -1;
		break;
	case FACET_ORG:
		g.org = -1;
		break;
	}
	int total = 0;
	for (int i = 0; i < s->n_collabs; i++) {
		if (!collab_filter_match(&g, s, i))
			continue;
		total++;
		const struct collaboration *c = &s->collabs[i];
		switch (facet) {
		case FACET_DOMAIN:
			for (int k = 0; k < c->n_domains; k++)
				if (c->domains[k] >= 0 && c->domains[k] < n)
					counts[c->domains[k]]++;
			break;
		case FACET_LEGAL_FORM:
			if ((int)c->legal_form < n)
				counts[c->legal_form]++;
			break;
		case FACET_PHASE:
			if ((int)c->phase < n)
				counts[c->phase]++;
			break;
		case FACET_KIND:
			if ((int)c->kind < n)
				counts[c->kind]++;
			break;
		case FACET_ORG:
			for (int k = 0; k < c->n_parts; k++) {
				const struct participation *p = &s->parts[c->parts[k]];
				/* the same rule as collab_filter_match's deelnemer */
				if (!(p->active || !c->active || g.status != STATUS_ACTIVE))
					continue;
				bool seen = false;
				for (int j = 0; j < k && !seen; j++) {
					const struct participation *q = &s->parts[c->parts[j]];
					seen =
					    q->organisation == p->organisation &&
					    (q->active || !c->active || g.status != STATUS_ACTIVE);
				}
				if (!seen && p->organisation >= 0 && p->organisation < n)
					counts[p->organisation]++;
			}
			break;
		}
	}
	return total;
}
