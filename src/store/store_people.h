/*
 * store_people — people, their offices, seats in collaboration bodies, role
 * perspective assessments, phase history and shared agreements.
 * Part of the store interface (conventions in store.h and store_write.h:
 * one transaction per write with its audit event, versions, field errors).
 *
 * Privacy (AVG): the store returns everything; the callers (pages, API)
 * decide what is public: public-office facts only for anonymous visitors;
 * officials (OFFICE_AMBTENAAR) and contact details for signed-in users only.
 * The bundled seed contains no people.
 *
 * Ownership: read functions take an arena (the request's) and return rows
 * and strings allocated in it; string fields are never NULL ("" when
 * absent) and hold the stored text whole (a name of 200 code points may be
 * 800 bytes). Nothing is freed by the caller; it all goes with the arena.
 */
#ifndef ATLAS_STORE_PEOPLE_H
#define ATLAS_STORE_PEOPLE_H

#include "../domain/people.h"
#include "store_write.h"

struct arena;

struct person {
	int64_t id;
	const char *key; /* URL id: kebab-case slug of the name, unique */
	const char *name;
	const char *party; /* political party where public, "" */
	const char *email; /* contact: signed-in users only */
	const char *phone; /* contact: signed-in users only */
	const char *note;
	bool erased;		/* "onbekende persoon" after an erasure */
	bool has_public_office; /* derived: holds/held at least one public office */
	int64_t version;
	const char *last_confirmed;
	const char *confirmed_by;
};

struct office {
	int64_t id;
	int64_t person_id;
	const char *person_key;
	const char *person_name;
	const char *org_code;
	const char *org_name;
	enum office_kind kind;
	const char *portfolio; /* portefeuille, "" */
	const char *from, *to;
	int64_t version;
	bool acting; /* waarnemend (office.acting) */
};

struct seat {
	int64_t id;
	int64_t person_id;
	const char *person_key;
	const char *person_name;
	const char *collab_key;
	const char *collab_name;
	const char *org_code; /* on behalf of */
	const char *org_name;
	enum seat_body body;
	const char *from, *to;
	int64_t version;
};

struct role_assessment {
	int64_t id;
	int64_t participation_id;
	const char *collab_key;
	const char *org_code;
	const char *org_name;
	const char *date;
	int scores[PERSP_COUNT]; /* 1..5 */
	const char *note;
	const char *actor;
};

struct phase_event {
	int64_t id;
	const char *collab_key;
	int phase;		   /* enum phase */
	const char *process_phase; /* verkennen, delen, overeenkomen, vormgeven,
				      uitvoeren-en-vernieuwen or "" */
	const char *date;
	const char *note;
};

struct agreement {
	int64_t id;
	const char *collab_key;
	const char *title;
	const char *description;
	const char *parties; /* ;-separated organisation codes ("" = all participants) */
	const char *since;
	enum agreement_status status;
	const char *document_url;
	int64_t version;
};

/* People */
int store_person_create(struct store *s, const struct write_ctx *w, const struct person_input *in,
			char *key_out, size_t keylen, struct field_errors *errs);
int store_person_update(struct store *s, const struct write_ctx *w, const char *key,
			int64_t expected_version, const struct person_input *in,
			struct field_errors *errs, int64_t *current_version);
int store_person_get(struct store *s, struct arena *a, const char *key, struct person *out);
/* All people (erased included, flagged), by name; rows in arena a. */
int store_person_list(struct store *s, struct arena *a, struct person **out, int *n);
/* Export everything stored about a person as a JSON document (text in arena out).
 * Same as store_person_export_by with no write context (actor "onbekend"). */
int store_person_export(struct store *s, struct arena *out, const char *key, const char **json_out);
/* As store_person_export, and records who exported whose data in the audit
 * trail: action 'update' (the audit CHECK has no 'export'), entity
 * 'person_export', entity_key the person's numeric id (not the key, which
 * may be made from the name), after {"export":true}, actor/via from w; no
 * personal data. The history pages do not show this entity. When the event
 * cannot be written, nothing is returned (STORE_ERR): no unlogged export. */
int store_person_export_by(struct store *s, struct arena *out, const struct write_ctx *w,
			   const char *key, const char **json_out);
/* Erase: name, party, contact and note are removed; offices and seats stay
 * as "onbekende persoon"; the audit trail records that an erasure happened
 * and keeps no personal data (earlier audit rows of this person have their
 * before/after JSON replaced by {"gewist": true}). */
int store_person_erase(struct store *s, const struct write_ctx *w, const char *key);

/* Offices and seats (rows in arena a) */
int store_office_add(struct store *s, const struct write_ctx *w, const char *person_key,
		     const struct office_input *in, int64_t *id_out, struct field_errors *errs);
int store_office_end(struct store *s, const struct write_ctx *w, int64_t id, const char *to,
		     struct field_errors *errs);
int store_offices_of_person(struct store *s, struct arena *a, const char *person_key,
			    struct office **out, int *n);
int store_offices_of_org(struct store *s, struct arena *a, const char *org_code,
			 struct office **out, int *n);
int store_seat_add(struct store *s, const struct write_ctx *w, const char *person_key,
		   const struct seat_input *in, int64_t *id_out, struct field_errors *errs);
int store_seat_end(struct store *s, const struct write_ctx *w, int64_t id, const char *to,
		   struct field_errors *errs);
int store_seats_of_person(struct store *s, struct arena *a, const char *person_key,
			  struct seat **out, int *n);
int store_seats_of_collab(struct store *s, struct arena *a, const char *collab_key,
			  struct seat **out, int *n);
int store_seats_of_org(struct store *s, struct arena *a, const char *org_code, struct seat **out,
		       int *n);
/* Every seat (for the network's person nodes and the bestuurders analysis). */
int store_seats_all(struct store *s, struct arena *a, struct seat **out, int *n);

/* Role perspectives (newest last) */
int store_assessment_add(struct store *s, const struct write_ctx *w, int64_t participation_id,
			 const struct assessment_input *in, int64_t *id_out,
			 struct field_errors *errs);
int store_assessments_of_collab(struct store *s, struct arena *a, const char *collab_key,
				struct role_assessment **out, int *n);
/* All assessments, by participation then date (for /analyse/rolwisselingen). */
int store_assessments_all(struct store *s, struct arena *a, struct role_assessment **out, int *n);

/* Phase history (oldest first) */
int store_phase_add(struct store *s, const struct write_ctx *w, const char *collab_key,
		    const struct phase_input *in, int64_t *id_out, struct field_errors *errs);
int store_phases_of_collab(struct store *s, struct arena *a, const char *collab_key,
			   struct phase_event **out, int *n);

/* Shared agreements */
int store_agreement_add(struct store *s, const struct write_ctx *w, const char *collab_key,
			const struct agreement_input *in, int64_t *id_out,
			struct field_errors *errs);
int store_agreement_update(struct store *s, const struct write_ctx *w, int64_t id,
			   int64_t expected_version, const struct agreement_input *in,
			   struct field_errors *errs, int64_t *current_version);
int store_agreements_of_collab(struct store *s, struct arena *a, const char *collab_key,
			       struct agreement **out, int *n);

#endif
