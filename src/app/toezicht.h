/*
 * toezicht (app) — interbestuurlijk toezicht (IBT), shared by the pages
 * (pages/toezicht*.c) and the API (api/api_toezicht.c).
 *
 * Configuration as data: the supervision domains with their validity
 * years, the organisation kinds they apply to and a label set each
 * (administrators change them). Assessments per organisation x domain x
 * year: a label level, the organisation's own judgement, a motivation, the
 * links it rests on, assessor and dates; status concept (supervisors only)
 * → in dialoog (also the organisation's own editors, who respond in
 * writing) → vastgesteld (public). Every read of an assessment goes through
 * policy_ibt_visible, so nothing of a concept, and nothing in dialogue for
 * anyone but supervisors and the organisation's editors, leaves this file.
 *
 * Takes plain values; renders nothing.
 */
#ifndef ATLAS_APP_TOEZICHT_H
#define ATLAS_APP_TOEZICHT_H

#include "../domain/model.h"
#include "../domain/records.h"
#include "../domain/toezicht.h"
#include "../store/store_auth.h"
#include "../store/store_toezicht.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct store;

enum ibt_outcome {
	IBT_OK,
	IBT_INVALID,   /* e has a Dutch message per field */
	IBT_NOTFOUND,  /* no such record, or not visible to the reader */
	IBT_FORBIDDEN, /* u may not do this */
	IBT_STALE,     /* the status changed meanwhile, or a level is still in use */
	IBT_FAILED,
};

/* A Dutch sentence for a refusal or conflict outcome. */
const char *toezicht_message(enum ibt_outcome o);

/* The current year (UTC). */
int toezicht_this_year(void);

/* Every domain with its labels. */
enum ibt_outcome toezicht_domains(struct store *st, struct arena *a, struct ibt_domain_row **out,
				  int *n);
/* The domain with key among d[0..n), or NULL. */
const struct ibt_domain_row *toezicht_domain_find(const struct ibt_domain_row *d, int n,
						  const char *key);
const struct ibt_domain_row *toezicht_domain_by_id(const struct ibt_domain_row *d, int n,
						   int64_t id);
/* The label of level in d, or NULL. */
const struct ibt_label *toezicht_label(const struct ibt_domain_row *d, int level);

/* The public view (/toezicht): the established assessments of one domain in
 * one year, for the map gemeenten and in a list. */
struct ibt_view {
	struct ibt_domain_row *domains;
	int n_domains;
	const struct ibt_domain_row *domain; /* the chosen one (default: the first) */
	int year;			     /* the chosen year (default: last year) */
	int first_year, last_year;	     /* the years to choose from */
	int n_gm;			     /* map gemeenten */
	int *gm;			     /* their organisation indexes, by name */
	struct ibt_assessment_row **gm_row;  /* per map gemeente: its assessment or NULL */
	struct ibt_assessment_row *rows;     /* every established one of domain and year */
	int n_rows;
};
/* Build the view for domein (a key or "") and jaar ("" or a year); on an
 * unknown value a Dutch message in msg and the default is used. */
enum ibt_outcome toezicht_view(struct store *st, struct arena *a, const struct snapshot *s,
			       const char *domain, const char *year, struct ibt_view *v, char *msg,
			       size_t msglen);

/* The assessments of organisation org_code that u may see, by domain and
 * year (newest first). */
enum ibt_outcome toezicht_of_org(struct store *st, struct arena *a, const struct user *u,
				 const char *org_code, struct ibt_assessment_row **out, int *n);

/* The supervisors' work list: every concept and in-dialogue assessment
 * (FORBIDDEN for others). */
enum ibt_outcome toezicht_worklist(struct store *st, struct arena *a, const struct user *u,
				   struct ibt_assessment_row **out, int *n);

/* The API list: established ones for everyone, with status "concept" or
 * "dialoog" only what u may see. Filters as text ("" / NULL: any). */
struct ibt_query {
	const char *domain, *year, *org, *status;
};
enum ibt_outcome toezicht_list(struct store *st, struct arena *a, const struct snapshot *s,
			       const struct user *u, const struct ibt_query *q,
			       struct ibt_assessment_row **out, int *n, struct field_errors *e);

/* One assessment as u may see it (NOTFOUND when not visible), with its
 * responses. */
enum ibt_outcome toezicht_get(struct store *st, struct arena *a, const struct user *u, int64_t id,
			      struct ibt_assessment_row *out, struct ibt_response_row **resp,
			      int *n_resp);

/* Supervisors record a concept assessment. */
enum ibt_outcome toezicht_create(struct store *st, struct arena *a, const struct snapshot *s,
				 const struct user *u, const char *via,
				 const struct ibt_assessment_input *in, struct field_errors *e,
				 int64_t *id);

/* Supervisors move assessment id to status (api value; field "status"). */
enum ibt_outcome toezicht_move(struct store *st, struct arena *a, const struct user *u,
			       const char *via, int64_t id, const char *status,
			       struct field_errors *e);

/* A supervisor or an editor of the organisation responds to assessment id
 * in dialogue (field "tekst"). */
enum ibt_outcome toezicht_respond(struct store *st, struct arena *a, const struct user *u,
				  const char *via, int64_t id, const char *text,
				  struct field_errors *e);

/* Administrators add a domain (with the default three labels) or change
 * one (adding false: the domain with in->key). */
enum ibt_outcome toezicht_domain_save(struct store *st, struct arena *a, const struct user *u,
				      const char *via, bool adding,
				      const struct ibt_domain_input *in, struct field_errors *e);

/* Administrators replace the label set of domain key. */
enum ibt_outcome toezicht_labels_save(struct store *st, struct arena *a, const struct user *u,
				      const char *via, const char *key, const struct ibt_label *l,
				      int n, struct field_errors *e);

/* The default label set: adequaat / redelijk adequaat / niet adequaat. */
extern const struct ibt_label toezicht_default_labels[3];

#endif
