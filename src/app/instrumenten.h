/*
 * instrumenten — the requests side of the instrument kit, shared by the
 * pages (pages/instrumenten.c) and the API (api/api_instrumenten.c).
 *
 * A partner's editor (or province staff on a partner's behalf) asks for a
 * financial scan, a stimulus contribution (purpose, organisations
 * involved, amount, period) or support for a lobby dossier. Province staff
 * move it ingediend → in behandeling → toegekend / afgewezen → afgerond
 * (domain/instrumenten.h) with a decision date, the amount granted and a
 * reason; every status change mails the requester (app/outbox.h, in the
 * same transaction). Granted stimulus contributions and lobby dossiers are
 * public — subsidies are public information — with the organisations
 * involved; partners add their own support to a public lobby dossier; a
 * stimulus contribution can be linked to the collaboration it helped
 * start and then shows on that collaboration's page. Everything else is
 * seen only by province staff and the editors of the organisations
 * involved (policy.h).
 *
 * Takes plain values; renders nothing.
 */
#ifndef ATLAS_APP_INSTRUMENTEN_H
#define ATLAS_APP_INSTRUMENTEN_H

#include "../domain/instrumenten.h"
#include "../domain/model.h"
#include "../domain/records.h"
#include "../store/store_auth.h"
#include "../store/store_instrumenten.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct store;

enum instr_outcome {
	INS_OK,
	INS_INVALID,   /* e has a Dutch message per field */
	INS_NOTFOUND,  /* no such request, or one u may not see */
	INS_FORBIDDEN, /* u may see it but not do this */
	INS_CONFLICT,  /* the status changed meanwhile, or already supported */
	INS_FAILED,
};

/* Is request r public (a granted stimulus contribution or lobby dossier)? */
bool instrumenten_public(const struct instrument_row *r);

/* The public requests, newest first. */
int instrumenten_public_list(struct store *st, struct arena *a, struct instrument_row **out,
			     int *n);

/* The requests u works with: province staff all, a partner editor their
 * own organisation's; *n = 0 for others. */
int instrumenten_mine(struct store *st, struct arena *a, const struct user *u,
		      struct instrument_row **out, int *n);

/* Request id if u may see it. */
enum instr_outcome instrumenten_get(struct store *st, struct arena *a, const struct user *u,
				    int64_t id, struct instrument_row *out);

/* The public stimulus contributions linked to collaboration key. */
int instrumenten_for_collab(struct store *st, struct arena *a, const char *key,
			    struct instrument_row **out, int *n);

/* A request as entered; parties: organisation codes (must be in s). */
struct instrumenten_form {
	const char *org_code; /* the requesting organisation; NULL: u's own */
	struct instrument_input in;
	const char *const *parties;
	int n_parties;
};
enum instr_outcome instrumenten_request(struct store *st, struct arena *a, const struct snapshot *s,
					const struct user *u, const char *via,
					const struct instrumenten_form *f, struct field_errors *e,
					int64_t *id);

/* Move request id to status `to` with a decision date ("" = today), the
 * amount granted as typed and a reason; mails the requester. */
enum instr_outcome instrumenten_decide(struct store *st, struct arena *a, const struct snapshot *s,
				       const struct user *u, const char *via, int64_t id,
				       const char *to, const char *decision_date,
				       const char *amount, const char *reason,
				       struct field_errors *e);

/* Link stimulus contribution id to collaboration key ("" unlinks). */
enum instr_outcome instrumenten_link_collab(struct store *st, struct arena *a,
					    const struct snapshot *s, const struct user *u,
					    const char *via, int64_t id, const char *key,
					    struct field_errors *e);

/* u's organisation supports public lobby dossier id. */
enum instr_outcome instrumenten_support(struct store *st, struct arena *a, const struct snapshot *s,
					const struct user *u, const char *via, int64_t id);

/* May u support request r (a partner editor of another organisation than
 * the requester's, r a public lobby dossier not yet supported by it)? */
bool instrumenten_may_support(const struct user *u, const struct instrument_row *r);

#endif
