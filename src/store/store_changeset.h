/*
 * store_changeset — the SQL of the change-set import (app/changeset.h):
 * reading the records a change set compares with (sources, organisations,
 * collaborations, a collaboration's participations), and the writes it
 * makes — new sources, organisations, collaborations (with domains) and
 * participations, changed fields, provenance-only changes — each with its
 * audit event.
 *
 * Records are exchanged as text in the seed's column form (the column
 * names of the seed files in data/seed: "name", "valid_to", "successor_code",
 * "legal_form", "left" …; enumerations as db codes, flags "0"/"1",
 * references as codes/keys, "" for empty), the same form the change files
 * use. Which column a name maps to is a static table here; a name not in it
 * is refused (STORE_ERR_INVALID), so no identifier comes from input.
 *
 * Every write is one audited write (store_write_begin … _finish): inside
 * the change set's batch (store_batch_begin) it is a savepoint, and the
 * open import batch (store_import_batch_begin) is stamped on its audit
 * event. Audit images use the seed's column names (domain/diff.c reads
 * them). A renamed organisation or collaboration keeps its previous name
 * in former_names ("; "-separated, oldest first).
 */
#ifndef ATLAS_STORE_CHANGESET_H
#define ATLAS_STORE_CHANGESET_H

#include "store.h"
#include "store_provenance.h"
#include "store_write.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;

/* One field value in seed column form. */
struct cs_value {
	const char *field;
	const char *value;
};

/* A record as read: values in seed column form, looked up by name. */
struct cs_record {
	int64_t id; /* row id; 0 when absent */
	const char *key;
	int n;
	const char **names;
	const char **values;
};

/* The value of field in r ("" when r has no such field). */
const char *store_cs_get(const struct cs_record *r, const char *field);

/* Read one source (key … note, kind), organisation (code … ended,
 * former_names) or collaboration (key … note, domains, former_names) into
 * *out (in arena a). STORE_OK, STORE_ERR_NOTFOUND or STORE_ERR. */
int store_cs_source(struct store *s, struct arena *a, const char *key, struct cs_record *out);
int store_cs_org(struct store *s, struct arena *a, const char *code, struct cs_record *out);
int store_cs_collab(struct store *s, struct arena *a, const char *key, struct cs_record *out);

/* The participations of a collaboration (collaboration_key,
 * organisation_code, body, role, cost_share, contribution_eur, joined,
 * left, source_id, last_confirmed, note), ordered by id. */
int store_cs_parts(struct store *s, struct arena *a, const char *collab_key, struct cs_record **out,
		   int *n);

/* 1 when a policy domain with this key exists, 0 when not, -1 on a fault. */
int store_cs_domain_exists(struct store *s, const char *key);

/*
 * Superseded rows. *audit_id: the first audit event of the change set
 * titled title (its first import batch), 0 when it was never applied.
 * store_cs_touched_since: 1 when (entity, key) — with prefix, every
 * entity_key under "<key>/" (a collaboration's participations) — has an
 * audit event after audit_id that is not of a batch with that title (a
 * web or API edit, another change set), 0 when not, -1 on a fault.
 */
int store_cs_first_event(struct store *s, const char *title, int64_t *audit_id);
int store_cs_touched_since(struct store *s, const char *entity, const char *key, bool prefix,
			   int64_t audit_id, const char *title);

/* Insert a record from its values (the fields given; others default). A
 * participation's id goes to *id (may be NULL). Audited as "insert". */
int store_cs_source_insert(struct store *s, const struct write_ctx *w, const struct cs_value *v,
			   int n);
int store_cs_org_insert(struct store *s, const struct write_ctx *w, const struct cs_value *v,
			int n);
int store_cs_collab_insert(struct store *s, const struct write_ctx *w, const struct cs_value *v,
			   int n);
int store_cs_part_insert(struct store *s, const struct write_ctx *w, const struct cs_value *v,
			 int n, int64_t *id);

/* Set the given fields of one record (key: source key, organisation code,
 * collaboration key; a participation by id), version + 1 where records
 * carry one, audited as "update" with the old and new values. A "name" that
 * changes appends the previous name to former_names (organisations and
 * collaborations). */
int store_cs_source_update(struct store *s, const struct write_ctx *w, const char *key,
			   const struct cs_value *v, int n);
int store_cs_org_update(struct store *s, const struct write_ctx *w, const char *code,
			const struct cs_value *v, int n);
int store_cs_collab_update(struct store *s, const struct write_ctx *w, const char *key,
			   const struct cs_value *v, int n);
int store_cs_part_update(struct store *s, const struct write_ctx *w, int64_t id,
			 const struct cs_value *v, int n);

/* Record provenance alone (a value's source changes, or a claim that is
 * not applied): store_provenance_put with an audit event on the record
 * (entity, audit_key) showing the field, the claimed value, the source and
 * the confidence before (old: the row p replaces, or NULL) and after. */
int store_cs_provenance(struct store *s, const struct write_ctx *w, const char *audit_key,
			const struct provenance_input *old, const struct provenance_input *p);

#endif
