/*
 * store_provenance — where a value came from, per field of a record, and
 * the claims that are recorded but not taken as fact; plus the import
 * batches that group the audit events of one change-set import.
 *
 * A provenance row names (entity, entity_key, field): entity is
 * "collaboration", "organisation", "participation", "person", "office" or
 * "seat"; entity_key the record's key or code, for a participation
 * "<collab key>/<org code>" with "/<joined>" appended when joined is set
 * (provenance_part_key in domain/provenance.h); field a column name
 * ("legal_form", "start_date", …) or "record" for the record as a whole
 * (a membership, a new organisation). status "fact" is the source of the
 * value the record holds now; "unconfirmed" a value that a source claims
 * but that is not applied ("gepland, niet bevestigd"). One row per
 * (entity, entity_key, field, status): a put replaces it.
 *
 * Provenance is module data read per request by index (never part of the
 * registry snapshot). Writes run inside the caller's write transaction or
 * batch (store_write_begin / store_batch_begin); they write no audit event
 * of their own — the write they belong to does.
 */
#ifndef ATLAS_STORE_PROVENANCE_H
#define ATLAS_STORE_PROVENANCE_H

#include "store.h"
#include "store_write.h"

#include <stdint.h>

struct arena;

struct provenance_input {
	const char *entity;
	const char *entity_key;
	const char *field;
	const char *status;	 /* "fact" or "unconfirmed" */
	const char *value;	 /* the claimed value (unconfirmed), or the value applied */
	const char *source_key;	 /* source.key, or NULL/"" when only a URL is known */
	const char *source_url;	 /* a URL without a source row (a correction's link) */
	const char *source_date; /* the date the source itself gives, or "" */
	const char *confidence;	 /* "high", "medium" or "low" */
	const char *note;
};

struct provenance_row {
	const char *entity, *entity_key, *field, *status, *value;
	const char *source_key, *source_title, *source_publisher, *source_kind;
	const char *source_url; /* the source row's URL, else the row's own */
	const char *source_date, *confidence, *note, *recorded_at, *recorded_by;
	int64_t batch_id;
};

/* Inside an open write: insert or replace the row for (entity, key, field,
 * status); recorded_at = now, recorded_by = w's actor, batch_id = the open
 * import batch (store_import_batch_begin) or NULL. STORE_ERR_INVALID when
 * source_key names no source; STORE_ERR on a fault. */
int store_provenance_put(struct store *s, const struct write_ctx *w,
			 const struct provenance_input *p);

/* Inside an open write: delete the row for (entity, key, field, status)
 * (no-op when absent). */
int store_provenance_drop(struct store *s, const char *entity, const char *entity_key,
			  const char *field, const char *status);

/* The rows of one record (entity, key), and with children also those whose
 * key starts with "<key>/" (a collaboration's participations, entity
 * "participation"), ordered by entity, key, field, status. In arena a. */
int store_provenance_of(struct store *s, struct arena *a, const char *entity, const char *key,
			bool with_children, struct provenance_row **out, int *n);

/*
 * Import batches. Inside an open batch (store_batch_begin): start one
 * (title e.g. "utrecht-2026" or the uploaded file's name) — every audit
 * event and provenance row written until store_import_batch_end carries
 * its id — and end it with the number of changes it made. *id is the new
 * batch's id.
 */
int store_import_batch_begin(struct store *s, const struct write_ctx *w, const char *title,
			     int64_t *id);
int store_import_batch_end(struct store *s, int64_t id, int changes);

#endif
