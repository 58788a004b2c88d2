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

#include <stddef.h>

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

/* Index of the record with database id `id`, or -1. Participations are kept
 * in id order. */
int snapshot_org_by_id(const struct snapshot *s, int64_t id);
int snapshot_collab_by_id(const struct snapshot *s, int64_t id);
int snapshot_part_by_id(const struct snapshot *s, int64_t id);

/* ---- deriving a snapshot from another (snapshot_delta.c) ----------------------
 *
 * snapshot_derive(from, version) is a new snapshot that shares everything
 * with `from` (arrays, indexes, strings) and has its own small generation of
 * memory for what it changes. Before changing records of one kind, call its
 * snapshot_own_* (copies that array unless the snapshot is its only holder;
 * for participations with room for `extra` more). Strings and lists for
 * changed records come from snapshot_str / snapshot_alloc. snapshot_seal
 * ends the changes (it counts the generation's bytes). Organisations and
 * collaborations are added or moved (renamed) by installing a new array in
 * order with snapshot_set_*; participations are only appended in id order.
 */
struct snapshot *snapshot_derive(const struct snapshot *from, uint64_t version);
void snapshot_own_orgs(struct snapshot *s);
void snapshot_own_collabs(struct snapshot *s);
void snapshot_own_domains(struct snapshot *s);
void snapshot_own_parts(struct snapshot *s, int extra);
void snapshot_own_changed(struct snapshot *s); /* org_changed and collab_changed */
/* The orders of the organisation and collaboration arrays (name, then
 * code or key). */
int snapshot_cmp_org(const struct organisation *a, const struct organisation *b);
int snapshot_cmp_collab(const struct collaboration *a, const struct collaboration *b);
/* A new array block for snapshot_set_*. */
void *snapshot_array_new(size_t count, size_t size);
/* Install a new organisation or collaboration array (n records in the
 * array order, from snapshot_array_new) with its changed-versions, and
 * rebuild the lookups by code, key and id. */
void snapshot_set_orgs(struct snapshot *s, struct organisation *arr, int n, uint64_t *changed);
void snapshot_set_collabs(struct snapshot *s, struct collaboration *arr, int n, uint64_t *changed);
/* count*size zeroed bytes in the snapshot's own generation. */
void *snapshot_alloc(struct snapshot *s, size_t count, size_t size);
void snapshot_seal(struct snapshot *s);
/* Derived generations since the last full build, and their bytes: the read
 * model rebuilds fully when the chain grows long. */
int snapshot_chain_depth(const struct snapshot *s);
size_t snapshot_chain_bytes(const struct snapshot *s);
/* The participant orders snapshot_finish and snapshot_at use (qsort
 * comparators over participation indexes of s). */
void snapshot_sort_collab_parts(const struct snapshot *s, int *parts, int n);
void snapshot_sort_org_parts(const struct snapshot *s, int *parts, int n);
/* Recompute s->stats.oldest/newest_confirmed over every record. */
void snapshot_confirmed_range(struct snapshot *s);

/* The predicates snapshot_at applies, for code that derives one record. */
bool snapshot_collab_active_on(const struct collaboration *c, const char *date);
bool snapshot_part_active_on(const struct participation *p, const struct organisation *o,
			     const char *date);
bool snapshot_org_existed(const struct organisation *o, const char *date);

/* True when [from, to) contains day; empty bounds are open. ISO strings. */
bool period_contains(const char *from, const char *to, const char *day);

#endif
