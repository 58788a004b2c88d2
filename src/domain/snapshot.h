/*
 * snapshot — building and freeing the immutable read model (model.h).
 *
 * The store creates a snapshot, appends rows with the snapshot_add_*
 * functions and calls snapshot_finish. While loading, every cross reference
 * field (organisation.successor, .collaboration, .source; collaboration
 * .source and .domains; participation .collaboration, .organisation,
 * .source) holds the referenced row's database id, or -1. snapshot_finish
 * sorts the arrays by name, turns those ids into array indexes and computes
 * the derived fields (active flags, per-object lists, counts) for `today`.
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
 * Resolve references, sort, derive. Returns 0, or -1 when a reference points
 * to no row (message in err).
 */
int snapshot_finish(struct snapshot *s, const char *today, char *err, size_t errlen);

/* True when [from, to) contains day; empty bounds are open. ISO strings. */
bool period_contains(const char *from, const char *to, const char *day);

#endif
