/*
 * snapshot — building and freeing the immutable read model (model.h).
 *
 * The store creates a snapshot, appends rows with the snapshot_add_*
 * functions and calls snapshot_finish. While loading, every cross reference
 * field (organisation.successor, .collaboration, .source; collaboration
 * .source and .domains; participation .collaboration, .organisation,
 * .source) holds the referenced row's database id, or -1. snapshot_finish
 * sorts the arrays by name, turns those ids into array indexes and computes
 * the derived fields (per-object lists; with snapshot_at the active flags and
 * counts) for `today`.
 * No I/O here.
 */
#ifndef ATLAS_SNAPSHOT_H
#define ATLAS_SNAPSHOT_H

#include "model.h"

/* A new empty snapshot. Free with snapshot_free. */
struct snapshot *snapshot_new(uint64_t version);
/* Free everything. snapshot_free(NULL) is a no-op. */
void snapshot_free(struct snapshot *s);
/* Copy a string into the snapshot's memory (NULL becomes ""). */
char *snapshot_str(struct snapshot *s, const char *str);
/* Append a zeroed row; the pointer is valid until the next add of that kind. */
struct source *snapshot_add_source(struct snapshot *s);
struct domain *snapshot_add_domain(struct snapshot *s);
struct organisation *snapshot_add_org(struct snapshot *s);
struct collaboration *snapshot_add_collab(struct snapshot *s);
struct participation *snapshot_add_part(struct snapshot *s);
/* Set a collaboration's domain ids (copied). */
void snapshot_collab_set_domains(struct snapshot *s, struct collaboration *c, const int *ids,
				 int n);
/*
 * Resolve references, sort, and derive for `today` with snapshot_at. Returns
 * 0, or -1 when a reference points to no row (message in err).
 */
int snapshot_finish(struct snapshot *s, const char *today, char *err, size_t errlen);

/*
 * The one rule for "active on date D" (ISO YYYY-MM-DD), for today's view and
 * for time travel alike. Recomputes everything that depends on the date:
 * organisation.ended, collaboration.active, participation.active, the
 * active counts, the participant order (active first), the stats, and
 * s->today / s->etag. Attributes (names, phases, ...) are left alone.
 *   - a collaboration is active when D lies in [start_date, end_date) and its
 *     phase is not "beëindigd" — or it is, but the known end date lies after D;
 *   - a participation is active when D lies in [joined, left) and its
 *     organisation existed on D ([valid_from, valid_to));
 *   - an organisation has ended when its known valid_to is on or before D;
 *     without a valid_to the recorded flag (recorded_ended) counts.
 * Empty dates are open bounds. Call only on a finished snapshot that no
 * other thread reads (it writes the derived fields in place).
 */
void snapshot_at(struct snapshot *s, const char *date);

/* The predicates snapshot_at applies, for code that derives one record. */
bool snapshot_collab_active_on(const struct collaboration *c, const char *date);
bool snapshot_part_active_on(const struct participation *p, const struct organisation *o,
			     const char *date);
bool snapshot_org_existed(const struct organisation *o, const char *date);

/* True when [from, to) contains day; empty bounds are open. ISO strings. */
bool period_contains(const char *from, const char *to, const char *day);

#endif
