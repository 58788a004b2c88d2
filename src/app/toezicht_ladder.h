/*
 * toezicht_ladder (app) — the intervention ladder, its agreements and the
 * dialogue log of interbestuurlijk toezicht, shared by the pages
 * (pages/toezicht_ladder.c) and the API (api/api_toezicht_ladder.c).
 *
 * Who sees what (app/policy.c): a step record of steps 4 and 5 (the
 * decision to act in the organisation's place and its execution) and a
 * record of the schorsing/vernietiging track (a voordracht aan de Kroon)
 * is a public decision of Gedeputeerde Staten: everyone. Steps 1 to 3 are
 * the dialogue between supervisor and organisation: supervisors and the
 * organisation's own editors. Agreements: supervisors and the own editors,
 * at any step. Dialogue records: intern for supervisors, gedeeld also for
 * the own editors; never anonymous. Anything a reader may not see is
 * NOTFOUND, as if it did not exist. Only supervisors write.
 *
 * Takes plain values; renders nothing.
 */
#ifndef ATLAS_APP_TOEZICHT_LADDER_H
#define ATLAS_APP_TOEZICHT_LADDER_H

#include "toezicht.h"
#include "../domain/toezicht_ladder.h"
#include "../store/store_toezicht_ladder.h"

#include <stdbool.h>
#include <stdint.h>

/* The help text on the step form: the proportionality principle, with its
 * source (Algemeen beleidskader indeplaatsstelling bij taakverwaarlozing). */
extern const char toezicht_ladder_proportionality[];
extern const char toezicht_ladder_proportionality_source[];

/* Is record r public (ibt_record_public)? */
bool toezicht_ladder_public(const struct ibt_ladder_row *r);

/* Filters as text ("" / NULL: any). */
struct ibt_ladder_query {
	const char *org, *domain;
};

/* The step records u may see (both tracks), by organisation, domain and
 * start date (newest first). */
enum ibt_outcome toezicht_ladder_list(struct store *st, struct arena *a, const struct snapshot *s,
				      const struct user *u, const struct ibt_ladder_query *q,
				      struct ibt_ladder_row **out, int *n, struct field_errors *e);

/* One record as u may see it (NOTFOUND when not visible); its agreements
 * when u may see them (*agr NULL and *n_agr -1 otherwise). */
enum ibt_outcome toezicht_ladder_get(struct store *st, struct arena *a, const struct user *u,
				     int64_t id, struct ibt_ladder_row *out,
				     struct ibt_agreement_row **agr, int *n_agr);

/* The supervisors' work list: every open record (FORBIDDEN for others). */
enum ibt_outcome toezicht_ladder_open(struct store *st, struct arena *a, const struct user *u,
				      struct ibt_ladder_row **out, int *n);

/* The current ladder step of org x domain (0: none), for the form. */
int toezicht_ladder_current(struct store *st, struct arena *a, const char *org, int64_t domain_id);

/* Supervisors set a step or record a voordracht aan de Kroon. */
enum ibt_outcome toezicht_ladder_set(struct store *st, struct arena *a, const struct snapshot *s,
				     const struct user *u, const char *via,
				     const struct ibt_step_input *in, struct field_errors *e,
				     int64_t *id);

/* Supervisors end open record id on ended (field "tot"; "" = today). */
enum ibt_outcome toezicht_ladder_end(struct store *st, struct arena *a, const struct user *u,
				     const char *via, int64_t id, const char *ended,
				     struct field_errors *e);

/* Supervisors add an agreement to record ladder_id. */
enum ibt_outcome toezicht_agreement_add(struct store *st, struct arena *a, const struct user *u,
					const char *via, int64_t ladder_id,
					const struct ibt_agreement_input *in,
					struct field_errors *e, int64_t *id);

/* One agreement with its record, as u may see it (NOTFOUND otherwise). */
enum ibt_outcome toezicht_agreement_get(struct store *st, struct arena *a, const struct user *u,
					int64_t id, struct ibt_agreement_row *out,
					struct ibt_ladder_row *ladder);

/* Supervisors change agreement id. */
enum ibt_outcome toezicht_agreement_save(struct store *st, struct arena *a, const struct user *u,
					 const char *via, int64_t id,
					 const struct ibt_agreement_input *in,
					 struct field_errors *e);

/* The dialogue records u may see (none for anonymous readers), newest
 * first. */
enum ibt_outcome toezicht_dialogue_list(struct store *st, struct arena *a, const struct snapshot *s,
					const struct user *u, const struct ibt_ladder_query *q,
					struct ibt_dialogue_row **out, int *n,
					struct field_errors *e);

/* Supervisors record a dialogue record. */
enum ibt_outcome toezicht_dialogue_add(struct store *st, struct arena *a, const struct snapshot *s,
				       const struct user *u, const char *via,
				       const struct ibt_dialogue_input *in, struct field_errors *e,
				       int64_t *id);

#endif
