/*
 * snapshot_delta — the next snapshot from the previous one and what a write
 * changed, instead of a rebuild of the whole registry.
 *
 * A delta holds the rows that changed since a snapshot version, as the store
 * read them (the current rows of every changed organisation, collaboration
 * and participation, in id order, their reference fields still database ids
 * as while loading, see snapshot.h) and the ids of removed rows.
 * snapshot_apply derives the next snapshot (snapshot_derive): it copies only
 * the arrays whose records change, replaces the changed records, and updates
 * what depends on them — active flags, the participant lists of the touched
 * collaborations and organisations, the active counts per organisation,
 * collaboration and beleidsdomein, and the home page counts — by taking out
 * the old contribution of every touched record and adding its new one.
 *
 * New and renamed organisations and collaborations are merged into the
 * name order, every index into that array moving along; participations are
 * appended in id order.
 *
 * What it leaves to a full rebuild (SNAPSHOT_REBUILD, with the reason): a
 * removed record, a participation that moved to another organisation or
 * collaboration or is older than the newest, a reference to a record
 * neither side knows, and any change of sources or beleidsdomeinen.
 *
 * It also keeps the versions reply caches go by (model.h): a change of
 * attributes only — no active flag, participant list or count changes, and
 * nothing outside the snapshot — sets `changed` on the touched records and
 * on the collaborations and organisations they are shown with; anything
 * else moves snapshot.global_changed, after which no earlier reply counts.
 *
 * snapshot_compare checks two snapshots field by field (records, derived
 * fields, lists and counts): the incremental result against a full rebuild.
 * Pure functions; no I/O.
 */
#ifndef ATLAS_SNAPSHOT_DELTA_H
#define ATLAS_SNAPSHOT_DELTA_H

#include "model.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct snapshot_delta {
	uint64_t version;      /* the data version the delta brings a snapshot to */
	struct snapshot *rows; /* changed rows (snapshot_add_*), never finished */
	int64_t *gone;	       /* ids of removed rows ... */
	char *gone_kind;       /* ... and their kind: 'o', 'c' or 'p' */
	int n_gone, cap_gone;
	bool other;   /* sources or beleidsdomeinen changed */
	bool outside; /* records outside the snapshot that record pages show
		       * changed (people, roles, meetings, ...) */
};

/* An empty delta for `version`. Free with snapshot_delta_free. */
struct snapshot_delta *snapshot_delta_new(uint64_t version);
void snapshot_delta_free(struct snapshot_delta *d);
/* Record that the row `id` of kind 'o', 'c' or 'p' no longer exists. */
void snapshot_delta_gone(struct snapshot_delta *d, char kind, int64_t id);
/* Nothing changed in the registry (only the version moved). */
bool snapshot_delta_empty(const struct snapshot_delta *d);

/* A delta that changes every record of s to the value it has in s (rows
 * refer to s's strings; free the delta before s): applied to s it must give
 * s again, derived fields and all — a check of the incremental rules
 * (atlas check, unit tests). */
struct snapshot_delta *snapshot_delta_of_all(const struct snapshot *s, uint64_t version);

enum { SNAPSHOT_APPLIED = 0, SNAPSHOT_REBUILD = 1 };

/*
 * The snapshot after d, derived from old (which stays valid and unchanged):
 * SNAPSHOT_APPLIED with *out set (free with snapshot_free), or
 * SNAPSHOT_REBUILD with a Dutch reason in why when only a full rebuild can
 * apply d. old must be a finished snapshot; its date (old->today) stays.
 */
int snapshot_apply(const struct snapshot *old, const struct snapshot_delta *d,
		   struct snapshot **out, char *why, size_t whylen);

/*
 * 0 when a and b hold the same registry with the same derived fields, lists
 * and counts (the version and ETag are not compared); otherwise -1 with the
 * first difference described in diff.
 */
int snapshot_compare(const struct snapshot *a, const struct snapshot *b, char *diff,
		     size_t difflen);

#endif
