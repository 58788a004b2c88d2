/*
 * changeset — the change-set import: a folder (or an upload) of tables in
 * the format of ../shared/data/registry/utrecht-2026 (see docs/import.md):
 * sources, new_organisations, organisation_changes, new_collaborations,
 * collaboration_changes, new_participations, participation_changes, and
 * office_holders (people in public office, app/officeholders.h).
 *
 * Two steps, the same for the command (`atlas import wijzigingen MAP`),
 * the upload page and the API:
 *   changeset_plan  validates every row and compares it with the registry:
 *                   the report lists each change that would be made,
 *                   and each problem with file, line and reason. Writes
 *                   nothing.
 *   changeset_apply plans again and, when there is no problem and at
 *                   least one change, writes all changes in ONE
 *                   transaction under one import batch (one grouped entry
 *                   in the history), with provenance per field. A file
 *                   with any problem applies nothing. Applying the same
 *                   change-set twice changes nothing the second time.
 *
 * Rows with confidence "low" never become facts: they are recorded as
 * unconfirmed provenance ("gepland, niet bevestigd") on their record.
 * Tables are keyed by sheet name; unknown sheet names are a problem.
 */
#ifndef ATLAS_APP_CHANGESET_H
#define ATLAS_APP_CHANGESET_H

#include "../io/sheet.h"
#include "../store/store_write.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct store;

struct changeset {
	struct sheet *sheets;
	int n;
	const char *title; /* "utrecht-2026", "wijzigingen.xlsx": names the import batch */
};

enum cs_op {
	CS_ADD,		/* a new record (source, organisation, collaboration, participation, …) */
	CS_UPDATE,	/* a field gets a new value */
	CS_END,		/* a participation or office ends */
	CS_UNCONFIRMED, /* a low-confidence claim, recorded as "niet bevestigd" only */
	CS_PROVENANCE,	/* the value stays; its source (provenance, last confirmed) changes */
};

struct cs_change {
	const char *file;
	int line;
	enum cs_op op;
	const char *entity;	 /* "source", "organisation", "collaboration", "participation",
				    "person", "office", "seat" */
	const char *key;	 /* the record's key or code (participation: provenance_part_key) */
	const char *label;	 /* the record's name for people */
	const char *field;	 /* column name; "" for a whole record */
	const char *field_label; /* Dutch label of the field */
	const char *old_value;
	const char *new_value;
	const char *source_key;
	const char *confidence; /* "high", "medium", "low" */
};

struct cs_problem {
	const char *file;
	int line; /* 0 when the problem is the file itself */
	const char *message;
};

struct cs_report {
	struct cs_change *changes;
	int n_changes;
	int n_unchanged; /* rows that hold what the registry already says */
	struct cs_problem *problems;
	int n_problems;	  /* > 0: nothing was, or would be, applied */
	int64_t batch_id; /* after an apply that wrote: the import batch; else 0 */
	/* Rows skipped because their record was changed elsewhere (a web or
	 * API edit, another change set) after this change set (same title) was
	 * first applied: a later change wins, so applying the change sets of
	 * data/wijzigingen again and again changes nothing. Same shape as
	 * changes (op: what the row would have done). */
	struct cs_change *superseded;
	int n_superseded;
};

/* Read every *.csv of dir (sheet name = file name without ".csv") into
 * cs (in arena a; title = the folder's last path element). -1 with a
 * Dutch message in err when the folder or a file cannot be read. */
int changeset_read_dir(struct arena *a, const char *dir, struct changeset *cs, char *err,
		       size_t errlen);

/* Validate and compare; writes nothing. min_confidence "medium" (default:
 * NULL) or "high": rows below it are unconfirmed claims. today decides
 * "planned". Returns 0, or -1 on a database fault (err). */
int changeset_plan(struct store *st, struct arena *a, const struct changeset *cs,
		   const char *min_confidence, const char *today, struct cs_report *out, char *err,
		   size_t errlen);

/* Plan, then write when there is no problem (see above). Returns 0 (out
 * says what happened), or -1 on a database fault (nothing written). Calls
 * app_after_write() after a commit. */
int changeset_apply(struct store *st, struct arena *a, const struct changeset *cs,
		    const char *min_confidence, const struct write_ctx *w, struct cs_report *out,
		    char *err, size_t errlen);

/* Dutch words for an op ("nieuw", "wijziging", "beëindigd", "niet bevestigd",
 * "bron bijgewerkt"). */
const char *changeset_op_label(enum cs_op op);

#endif
