/*
 * store_write — changes to the registry by people (web forms, API) and the
 * audit trail read back. Part of the store interface.
 *
 * Every function here is ONE transaction: validate, check the expected
 * version, write the row(s), bump the record's version, write the
 * audit_event(s) with actor, via ("web", "api", "cli"), before/after JSON,
 * bump meta.data_version, commit. On any failure nothing is written
 * (rollback), including no audit event.
 *
 * Optimistic concurrency: collaborations, organisations and participations
 * carry an integer `version` (1 on insert, +1 on every change). Updates take
 * the version the client read; a different current version gives
 * STORE_ERR_CONFLICT and *current_version.
 *
 * Input strings are UTF-8 from the edge (already checked for validity and
 * NUL); this layer checks types, lengths, enumerations, dates (real
 * calendar dates, end not before start) and references, and reports every
 * invalid field (not just the first) in struct field_errors with Dutch
 * messages. HTML in text is stored as text.
 */
#ifndef ATLAS_STORE_WRITE_H
#define ATLAS_STORE_WRITE_H

#include "store.h"
#include "../domain/records.h"

struct arena;

#include <stdbool.h>
#include <stdint.h>

/* Who writes. */
struct write_ctx {
	const char *actor; /* "gebruiker:jan" / "cli:..." */
	const char *via;   /* "web", "api", "cli" */
	const char *today; /* YYYY-MM-DD (for "ended today", confirmations) */
};

/* Create; the key is derived from the name (kebab-case, made unique) and
 * returned in key_out. New records are confirmed today by the actor. */
int store_collab_create(struct store *s, const struct write_ctx *w, const struct collab_input *in,
			char *key_out, size_t keylen, struct field_errors *errs);
/* Update (fields NULL are kept). expected_version must equal the current. */
int store_collab_update(struct store *s, const struct write_ctx *w, const char *key,
			int64_t expected_version, const struct collab_input *in,
			struct field_errors *errs, int64_t *current_version);
/* Soft delete: phase beeindigd and end date today (unless already set). */
int store_collab_end(struct store *s, const struct write_ctx *w, const char *key,
		     int64_t expected_version, int64_t *current_version);

/* The same, with the collaboration's first participation (e.g. the partner
 * that creates it, as penvoerder) written in the same transaction: both or
 * neither. first may be NULL. */
int store_collab_create_with(struct store *s, const struct write_ctx *w,
			     const struct collab_input *in, const struct part_input *first,
			     char *key_out, size_t keylen, struct field_errors *errs);
/* Add a participation to collaboration key; *id_out gets its id. */
int store_part_create(struct store *s, const struct write_ctx *w, const char *collab_key,
		      const struct part_input *in, int64_t *id_out, struct field_errors *errs);
int store_part_update(struct store *s, const struct write_ctx *w, int64_t part_id,
		      int64_t expected_version, const struct part_input *in,
		      struct field_errors *errs, int64_t *current_version);
/* End a participation on date `left` (YYYY-MM-DD; validated). */
int store_part_end(struct store *s, const struct write_ctx *w, int64_t part_id,
		   int64_t expected_version, const char *left, struct field_errors *errs,
		   int64_t *current_version);

int store_org_update(struct store *s, const struct write_ctx *w, const char *code,
		     int64_t expected_version, const struct org_input *in,
		     struct field_errors *errs, int64_t *current_version);

/* "Bevestig dat dit klopt": last_confirmed = today, confirmed_by = actor,
 * version + 1, audited. entity is "collaboration", "participation" or
 * "organisation"; key is the key/code, or the participation id as text. */
int store_confirm(struct store *s, const struct write_ctx *w, const char *entity, const char *key,
		  int64_t expected_version, int64_t *current_version);

/* One audit event, for history pages and the change feed. */
struct audit_row {
	int64_t id;
	char at[25]; /* UTC ISO timestamp */
	const char *actor;
	const char *via;
	const char *action;	/* insert, update, delete, confirm */
	const char *entity;	/* collaboration, participation, organisation, ... */
	const char *entity_key; /* key/code/id */
	const char *before;	/* JSON or "" */
	const char *after;	/* JSON or "" */
	const char *source;	/* "seed", "web", ... */
	/* The import batch the event belongs to (0: none), its title and
	 * number of changes (store_history, store_changes). In store_changes
	 * such a row stands for the whole batch (its newest matching event). */
	int64_t batch_id;
	const char *batch_title;
	int batch_changes;
};
/* History of one record (newest first). For a collaboration this includes
 * the events of its participations. Rows and their text live in arena a
 * (never NULL strings; "" when absent). */
int store_history(struct store *s, struct arena *a, const char *entity, const char *key,
		  struct audit_row **out, int *n);
/* Recent changes, newest first, optionally filtered by entity and by
 * actor; limit/offset paging; *total counts all matches. The events of one
 * import batch (audit_event.batch_id) come as ONE row, the batch's newest
 * matching event with batch_id, batch_title and batch_changes set. Rows in
 * arena a. */
int store_changes(struct store *s, struct arena *a, const char *entity, const char *actor,
		  int limit, int offset, struct audit_row **out, int *n, int *total);

/* One import batch (import_batch) as read back. */
struct import_batch_row {
	int64_t id;
	char at[25];
	const char *actor, *via, *title;
	int changes; /* the number of changes the import made */
	int events;  /* its audit events */
};
/* The batch id and its audit events (oldest first, at most limit, from
 * offset), with *total events; rows in arena a. STORE_ERR_NOTFOUND when
 * there is no such batch. */
int store_import_batch_events(struct store *s, struct arena *a, int64_t id, int limit, int offset,
			      struct import_batch_row *batch, struct audit_row **out, int *n);

/*
 * Batches (the CSV import). store_batch_begin opens ONE
 * transaction; until store_batch_end, every write function above runs as a
 * savepoint inside it (a rejected write leaves nothing, the others stay
 * pending) and nothing is visible to other connections. store_batch_end
 * commits when commit is true, else rolls everything back.
 */
int store_batch_begin(struct store *s);
int store_batch_end(struct store *s, bool commit);
/* The current version of a collaboration (entity "collaboration", key) or
 * of participation id inside collaboration collab_key (entity
 * "participation", key = id as text). STORE_ERR_NOTFOUND when absent. */
int store_current_version(struct store *s, const char *entity, const char *key,
			  const char *collab_key, int64_t *version);

#endif
