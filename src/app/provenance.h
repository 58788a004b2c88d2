/*
 * provenance (app) — "says who?" per field, shaped once for the
 * collaboration and organisation pages (pages/provenance.c) and the API
 * (api/api_provenance.c): the provenance rows of a record read per request
 * from the store (store_provenance_of, indexed; never part of the
 * snapshot), numbered sources for the "Bronnen" list, and per field a mark
 * with the certainty in words (domain/provenance.h). Also the staleness of
 * a record: when it was last confirmed, by whom, and whether that is more
 * than 12 months ago.
 *
 * Takes plain values (an arena, the snapshot, an index); writes nothing.
 */
#ifndef ATLAS_APP_PROVENANCE_H
#define ATLAS_APP_PROVENANCE_H

#include "../domain/model.h"
#include "../lib/arena.h"

#include <stdbool.h>

/* One numbered source of a record's "Bronnen" list. */
struct prov_source {
	int number;	 /* 1, 2, … in order of first use */
	const char *key; /* source.key, "" when only a URL is known */
	const char *title, *publisher, *url, *date, *kind;
	bool secondary; /* provenance_kind_secondary(kind) */
};

/* One field's provenance (a provenance row, shaped). */
struct prov_mark {
	const char *entity, *entity_key, *field;
	const char *field_label; /* "Juridische vorm" */
	bool unconfirmed;	 /* a claim not taken as fact ("niet bevestigd") */
	bool planned;		 /* the value is a date after today */
	const char *value;	 /* the value the source gives */
	const char *confidence;	 /* "high", "medium", "low" */
	const char *words;	 /* "bevestigd door officiële bekendmaking" */
	const char *note, *recorded_at, *recorded_by;
	int source; /* index into sources, -1 when the row names none */
};

struct prov_view {
	struct prov_mark *marks;
	int n_marks;
	struct prov_source *sources;
	int n_sources;
};

/*
 * The provenance of collaboration ci with its participations (entity
 * "participation", keys "<collab>/<org>[/<joined>]"), or of organisation
 * oi. 0 with *out filled (possibly empty), -1 when the store failed. In a.
 */
int app_provenance_for_collab(struct arena *a, const struct snapshot *s, int ci,
			      struct prov_view *out);
int app_provenance_for_org(struct arena *a, const struct snapshot *s, int oi,
			   struct prov_view *out);

/* The mark for (entity, key, field), confirmed or not; NULL when none. */
const struct prov_mark *app_provenance_find(const struct prov_view *v, const char *entity,
					    const char *key, const char *field, bool unconfirmed);

/* The first mark of participation p (any field, confirmed or not, keyed
 * with or without its joined date); NULL when none. */
const struct prov_mark *app_provenance_find_part(const struct prov_view *v,
						 const struct snapshot *s,
						 const struct participation *p, bool unconfirmed);

/* Is a record confirmed on `confirmed` stale on the snapshot's date (never
 * confirmed, or more than 12 months before)? */
bool app_provenance_stale(const struct snapshot *s, const char *confirmed);

#endif
