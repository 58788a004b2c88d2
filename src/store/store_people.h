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
 */
#ifndef ATLAS_STORE_PEOPLE_H
#define ATLAS_STORE_PEOPLE_H

#include "../domain/people.h"
#include "store_write.h"

struct person {
	int64_t id;
	char key[81];       /* URL id: kebab-case slug of the name, unique */
	char name[201];
	char party[101];    /* political party where public, "" */
	char email[201];    /* contact: signed-in users only */
	char phone[41];     /* contact: signed-in users only */
	char note[1001];
	bool erased;        /* "onbekende persoon" after an erasure */
	bool has_public_office; /* derived: holds/held at least one public office */
	int64_t version;
	char last_confirmed[11];
	char confirmed_by[129];
};

struct office {
	int64_t id;
	int64_t person_id;
	char person_key[81];
	char person_name[201];
	char org_code[81];
	char org_name[201];
	enum office_kind kind;
	char portfolio[301]; /* portefeuille, "" */
	char from[11], to[11];
	int64_t version;
};

struct seat {
	int64_t id;
	int64_t person_id;
	char person_key[81];
	char person_name[201];
	char collab_key[81];
	char collab_name[201];
	char org_code[81]; /* on behalf of */
	char org_name[201];
	enum seat_body body;
	char from[11], to[11];
	int64_t version;
};

struct role_assessment {
	int64_t id;
	int64_t participation_id;
	char collab_key[81];
	char org_code[81];
	char org_name[201];
	char date[11];
	int scores[PERSP_COUNT]; /* 1..5 */
	char note[1001];
	char actor[129];
};

struct phase_event {
	int64_t id;
	char collab_key[81];
	int phase;              /* enum phase */
	char process_phase[41]; /* verkennen, delen, overeenkomen, vormgeven, uitvoeren-en-vernieuwen or "" */
	char date[11];
	char note[501];
};


struct agreement {
	int64_t id;
	char collab_key[81];
	char title[201];
	char description[2001];
	char parties[1001];  /* ;-separated organisation codes ("" = all participants) */
	char since[11];
	enum agreement_status status;
	char document_url[501];
	int64_t version;
};


/* People */
int store_person_create(struct store *s, const struct write_ctx *w, const struct person_input *in,
			char *key_out, size_t keylen, struct field_errors *errs);
int store_person_update(struct store *s, const struct write_ctx *w, const char *key,
			int64_t expected_version, const struct person_input *in,
			struct field_errors *errs, int64_t *current_version);
int store_person_get(struct store *s, const char *key, struct person *out);
/* All people (erased included, flagged), by name; free() the array. */
int store_person_list(struct store *s, struct person **out, int *n);
/* Export everything stored about a person as a JSON document (malloc'd).
 * Same as store_person_export_by with no write context (actor "onbekend"). */
int store_person_export(struct store *s, const char *key, char **json_out);
/* As store_person_export, and records who exported whose data in the audit
 * trail: action 'update' (the audit CHECK has no 'export'), entity
 * 'person_export', entity_key the person's numeric id (not the key, which
 * may be made from the name), after {"export":true}, actor/via from w; no
 * personal data. The history pages do not show this entity. When the event
 * cannot be written, nothing is returned (STORE_ERR): no unlogged export. */
int store_person_export_by(struct store *s, const struct write_ctx *w, const char *key,
			   char **json_out);
/* Erase: name, party, contact and note are removed; offices and seats stay
 * as "onbekende persoon"; the audit trail records that an erasure happened
 * and keeps no personal data (earlier audit rows of this person have their
 * before/after JSON replaced by {"gewist": true}). */
int store_person_erase(struct store *s, const struct write_ctx *w, const char *key);

/* Offices and seats (free() the arrays) */
int store_office_add(struct store *s, const struct write_ctx *w, const char *person_key,
		     const struct office_input *in, int64_t *id_out, struct field_errors *errs);
int store_office_end(struct store *s, const struct write_ctx *w, int64_t id, const char *to,
		     struct field_errors *errs);
int store_offices_of_person(struct store *s, const char *person_key, struct office **out, int *n);
int store_offices_of_org(struct store *s, const char *org_code, struct office **out, int *n);
int store_seat_add(struct store *s, const struct write_ctx *w, const char *person_key,
		   const struct seat_input *in, int64_t *id_out, struct field_errors *errs);
int store_seat_end(struct store *s, const struct write_ctx *w, int64_t id, const char *to,
		   struct field_errors *errs);
int store_seats_of_person(struct store *s, const char *person_key, struct seat **out, int *n);
int store_seats_of_collab(struct store *s, const char *collab_key, struct seat **out, int *n);
int store_seats_of_org(struct store *s, const char *org_code, struct seat **out, int *n);
/* Every seat (for the network's person nodes and the bestuurders analysis). */
int store_seats_all(struct store *s, struct seat **out, int *n);

/* Role perspectives (newest last) */
int store_assessment_add(struct store *s, const struct write_ctx *w, int64_t participation_id,
			 const struct assessment_input *in, int64_t *id_out,
			 struct field_errors *errs);
int store_assessments_of_collab(struct store *s, const char *collab_key,
				struct role_assessment **out, int *n);
/* All assessments, by participation then date (for /analyse/rolwisselingen). */
int store_assessments_all(struct store *s, struct role_assessment **out, int *n);

/* Phase history (oldest first) */
int store_phase_add(struct store *s, const struct write_ctx *w, const char *collab_key,
		    const struct phase_input *in, int64_t *id_out, struct field_errors *errs);
int store_phases_of_collab(struct store *s, const char *collab_key, struct phase_event **out,
			   int *n);

/* Shared agreements */
int store_agreement_add(struct store *s, const struct write_ctx *w, const char *collab_key,
			const struct agreement_input *in, int64_t *id_out,
			struct field_errors *errs);
int store_agreement_update(struct store *s, const struct write_ctx *w, int64_t id,
			   int64_t expected_version, const struct agreement_input *in,
			   struct field_errors *errs, int64_t *current_version);
int store_agreements_of_collab(struct store *s, const char *collab_key, struct agreement **out,
			       int *n);

#endif
