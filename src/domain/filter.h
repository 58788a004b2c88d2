/*
 * filter — the collaboration list filter shared by the page
 * /samenwerkingsverbanden and GET /api/v1/samenwerkingsverbanden, so both
 * accept exactly the same query keys and values:
 *
 *   beleidsdomein   domain key                (e.g. sociaal-domein)
 *   juridischeVorm  legal form api value      (OL, GO, ..., onbekend)
 *   fase            phase api value           (groei, ..., onbekend)
 *   soort           kind api value            (wgr, privaatrechtelijk, netwerk)
 *   deelnemer       organisation code         (gm0344)
 *   status          actief (default), beeindigd, alle
 *   sorteer         naam (default), -naam, deelnemers, -deelnemers, bevestigd, -bevestigd
 *   pagina          1..10000 (default 1)
 *   paginaGrootte   1..100 (default 25 on pages, 20 in the API)
 *
 * Pure logic over a snapshot; no I/O.
 */
#ifndef ATLAS_FILTER_H
#define ATLAS_FILTER_H

#include "model.h"

#include <stddef.h>

enum collab_status { STATUS_ACTIVE, STATUS_ENDED, STATUS_ALL };
enum collab_sort {
	SORT_NAME,
	SORT_NAME_DESC,
	SORT_PARTS,
	SORT_PARTS_DESC,
	SORT_CONFIRMED,
	SORT_CONFIRMED_DESC
};

struct collab_filter {
	int domain;	/* domain index or -1 */
	int legal_form; /* enum legal_form or -1 */
	int phase;	/* enum phase or -1 */
	int kind;	/* enum collab_kind or -1 */
	int org;	/* organisation index or -1 */
	enum collab_status status;
	enum collab_sort sort;
	long page; /* 1-based */
	long page_size;
};

/* The query keys, in display order (NULL-terminated). */
extern const char *const collab_filter_keys[];

/* Defaults: everything -1, active, by name, page 1, the given page size. */
void collab_filter_init(struct collab_filter *f, long page_size);

/*
 * Set one filter from a query parameter. Returns 0, 1 when name is not a
 * filter key (ignored), or -1 with a Dutch message in msg (the value is
 * invalid: unknown domain, pagina=abc, ...).
 */
int collab_filter_set(struct collab_filter *f, const struct snapshot *s, const char *name,
		      const char *value, char *msg, size_t msglen);

/* True when collaboration i passes the filter (ignores paging). */
bool collab_filter_match(const struct collab_filter *f, const struct snapshot *s, int i);

/* The dimensions of the filter that a select offers choices for. */
enum filter_facet { FACET_DOMAIN, FACET_LEGAL_FORM, FACET_PHASE, FACET_KIND, FACET_ORG };

/* How many counts collab_filter_facet_counts writes for a facet: the
 * number of domains, legal forms, phases, kinds or organisations. */
int collab_filter_facet_size(const struct snapshot *s, enum filter_facet facet);

/*
 * For each choice of one facet, how many collaborations the filter f would
 * match with that choice instead of its current one (every other filter
 * kept): the number to show beside an option, 0 for a choice that would
 * give an empty list. counts must hold collab_filter_facet_size() ints;
 * the total with the facet left open is returned. A collaboration counts
 * once per choice (an organisation with two participations in it: once).
 */
int collab_filter_facet_counts(const struct collab_filter *f, const struct snapshot *s,
			       enum filter_facet facet, int *counts);

/*
 * Apply: writes the indexes of all matching collaborations, sorted, into
 * out (which must hold s->n_collabs ints); returns how many matched.
 */
int collab_filter_apply(const struct collab_filter *f, const struct snapshot *s, int *out);

#endif
