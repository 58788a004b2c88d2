/*
 * corrections — "Meld wat niet klopt": the rules of proposed corrections,
 * shared by the web pages (pages/corrections*.c), the API
 * (api/api_corrections.c) and "Mijn organisatie".
 *
 * Anyone — a signed-in partner or an anonymous visitor — proposes a new
 * value for one field of a collaboration, an organisation or a
 * participation, with a source link, a comment and (anonymous visitors
 * only) an e-mail address for questions. Nothing is published before
 * review: a proposal lands in the queue of the programme team and of the
 * editors who may edit that record (policy_may_review_correction);
 * accepting it applies it as a normal edit through the store writers
 * (expected version, validation, audit) with the proposal's link as the
 * value's provenance, in the same transaction as the status change;
 * rejecting it needs a reason. Handling clears the e-mail address.
 *
 * Abuse limits: at most CORRECTIONS_PER_HOUR proposals per client address
 * per hour (anonymous; a digest of the address is stored, never the
 * address), CORRECTIONS_PER_HOUR_USER per signed-in account, and at most
 * CORRECTIONS_OPEN_PER_RECORD open proposals per record; size caps per
 * field; a honeypot field that people leave empty (filled: the proposal
 * is dropped and the caller answers as if it were received); a source
 * link must be http(s) and is never rendered as a live link.
 *
 * Takes plain values (store, snapshot, user, strings); renders nothing.
 */
#ifndef ATLAS_APP_CORRECTIONS_H
#define ATLAS_APP_CORRECTIONS_H

#include "../domain/labels.h"
#include "../domain/model.h"
#include "../domain/records.h"
#include "../store/store_auth.h"
#include "../store/store_corrections.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct store;

#define CORRECTIONS_PER_HOUR 5
#define CORRECTIONS_PER_HOUR_USER 30
#define CORRECTIONS_OPEN_PER_RECORD 20
#define CORRECTIONS_VALUE_MAX 2000   /* code points of a proposed value */
#define CORRECTIONS_COMMENT_MAX 4000 /* code points of a comment */
#define CORRECTIONS_URL_MAX 500	     /* bytes of a source link */
#define CORRECTIONS_EMAIL_MAX 254
#define CORRECTIONS_REASON_MAX 1000
#define CORRECTIONS_TOKEN_LEN 43 /* the status-link token (lib/secret.h) */

enum corr_kind { CORR_COLLAB, CORR_ORG, CORR_PART };

/* How a field's value is entered. CI_FREE: "Iets anders" — a description
 * of what is wrong or missing (a member that is not listed, an organisation
 * that merged away) that no single field holds; accepting it records the
 * decision and the reviewer makes the edit by hand. */
enum corr_input { CI_TEXT, CI_TEXTAREA, CI_DATE, CI_URL, CI_NUMBER, CI_SELECT, CI_FREE };

/* The name of the "Iets anders" field. */
#define CORRECTIONS_FREE_FIELD "overig"

/* A field a proposal may name: the Dutch API/form name, its label, the
 * column name under which its provenance is filed, and for enumerations
 * the label table. */
struct corr_field {
	const char *name, *label, *column;
	enum corr_input input;
	const struct label *t;
	int tn;
};

/* The fields of records of kind k, in form order; *n their count. */
const struct corr_field *corrections_fields(enum corr_kind k, int *n);
/* The field named name of kind k, or NULL. */
const struct corr_field *corrections_field(enum corr_kind k, const char *name);

/* The record a proposal is about, resolved in the snapshot. */
struct corr_target {
	enum corr_kind kind;
	int index;	    /* into collabs / orgs / parts */
	const char *entity; /* "collaboration", "organisation", "participation" */
	char key[200];	    /* entity_key: key, code or "<collab key>/<participation id>" */
};

/* Resolve a record: a collaboration key, an organisation code, or a
 * participation (collaboration key and participation id as text). False
 * when it is not in s. */
bool corrections_target_collab(const struct snapshot *s, const char *key, struct corr_target *t);
bool corrections_target_org(const struct snapshot *s, const char *code, struct corr_target *t);
bool corrections_target_part(const struct snapshot *s, const char *collab_key, const char *pid,
			     struct corr_target *t);
/* From a stored proposal's entity and entity_key. */
bool corrections_target_of(const struct snapshot *s, const char *entity, const char *entity_key,
			   struct corr_target *t);

/* The record's name as shown ("Deelname van X aan Y" for participations),
 * an arena string. */
const char *corrections_record_name(struct arena *a, const struct snapshot *s,
				    const struct corr_target *t);

/* The current value of field (API form: enumerations as api value) of t,
 * in arena a; "" when empty or unknown field. */
const char *corrections_current(struct arena *a, const struct snapshot *s,
				const struct corr_target *t, const char *field);

/* The value as shown to people: an enumeration's Dutch label, "(leeg)"
 * for "". */
const char *corrections_display(const struct corr_field *f, const char *value);

/* A proposal as entered. NULL counts as "". */
struct correction_proposal {
	const char *field;    /* veld */
	const char *value;    /* waarde */
	const char *source;   /* bron: http(s) link */
	const char *comment;  /* toelichting */
	const char *email;    /* email: anonymous proposers only */
	const char *honeypot; /* the field people do not see; must stay empty */
};

enum corr_outcome {
	CORR_OK,
	CORR_INVALID,	/* e has a Dutch message per field */
	CORR_LIMITED,	/* a rate limit; message says which */
	CORR_DISCARDED, /* the honeypot was filled: nothing stored; answer as if received */
	CORR_NOTFOUND,
	CORR_FORBIDDEN,
	CORR_CONFLICT, /* already handled, or the record changed meanwhile */
	CORR_FAILED,   /* a store fault */
};

/*
 * Propose p for record t on behalf of u (NULL: anonymous, identified for
 * the rate limit by a digest of client_addr) through via ("web", "api").
 * Validates the field and the value with the rules of a normal edit
 * (domain/validate_write.c), the sizes, the link and the e-mail address.
 * On CORR_OK: *id the new proposal, token the status-link token (shown
 * once; only its digest is stored). On CORR_LIMITED: *message says why.
 */
enum corr_outcome corrections_propose(struct store *st, struct arena *a, const struct snapshot *s,
				      const struct user *u, const char *client_addr,
				      const char *via, const struct corr_target *t,
				      const struct correction_proposal *p, struct field_errors *e,
				      const char **message, char token[44], int64_t *id);

/* The proposals u may review (open: oldest first; else handled, newest
 * first), at most limit. */
int corrections_queue(struct store *st, struct arena *a, const struct snapshot *s,
		      const struct user *u, bool open, int limit, struct correction_row **out,
		      int *n);

/* The proposal with status token `token` (as shown to the proposer);
 * STORE_ERR_NOTFOUND when none. */
int corrections_by_token(struct store *st, struct arena *a, const char *token,
			 struct correction_row *out);

/*
 * Accept proposal id: applies the value as a normal edit by u (expected
 * version = the record's version in s) and marks the proposal accepted
 * with provenance (the proposal's link, confidence medium), all in one
 * transaction. An "Iets anders" proposal is only marked accepted (the
 * reviewer edits the record by hand). CORR_INVALID (e filled) when the value is no longer valid,
 * CORR_CONFLICT when the proposal was handled or the record changed
 * meanwhile, CORR_FORBIDDEN/CORR_NOTFOUND. *message: a Dutch sentence for
 * the outcome (never NULL).
 */
enum corr_outcome corrections_accept(struct store *st, struct arena *a, const struct snapshot *s,
				     const struct user *u, const char *via, int64_t id,
				     struct field_errors *e, const char **message);

/* Reject proposal id with reason (required, at most CORRECTIONS_REASON_MAX;
 * error field "reden"). */
enum corr_outcome corrections_reject(struct store *st, struct arena *a, const struct snapshot *s,
				     const struct user *u, const char *via, int64_t id,
				     const char *reason, struct field_errors *e,
				     const char **message);

/* The Dutch word for a proposal's status ("In behandeling", "Verwerkt",
 * "Afgewezen"). */
const char *corrections_status_label(const char *status);

/*
 * "Bevestig alles wat klopt": confirm the records (entity, key as
 * store_confirm takes them, and the version the user saw) in one
 * transaction, each with its audited 'confirm' event — all or none. u must
 * be allowed to edit each (checked here against s). *failed is the index
 * of the item that failed (-1 when none). Returns CORR_OK, CORR_FORBIDDEN,
 * CORR_CONFLICT (an item changed since), CORR_NOTFOUND or CORR_FAILED.
 */
struct corr_confirm_item {
	const char *entity, *key;
	int64_t version;
};
enum corr_outcome corrections_confirm_set(struct store *st, const struct snapshot *s,
					  const struct user *u,
					  const struct corr_confirm_item *items, int n,
					  int *failed);

#endif
