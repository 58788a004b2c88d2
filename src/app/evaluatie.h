/*
 * evaluatie — measuring the programme ("Evaluatie"): what the
 * pages (pages/evaluatie*.c) and the API (api/api_evaluatie.c) share.
 *
 * Programme staff (policy_may_manage_evaluations) keep the versioned item
 * bank (an item used in a round is never changed: saving it makes a new
 * version that supersedes it), set up rounds (target groups,
 * organisations, optional collaborations, an ordered questionnaire), move
 * them concept → open → gesloten (closing freezes a round), make
 * single-use response links per target group and organisation (a CSV for
 * mail merge, or mail through the outbox; the address is kept only in the
 * outbox message) and release a round's aggregates to the public.
 *
 * Respondents need no account. The link's token is kept only as a digest.
 * Progress is saved as a draft tied to the link; submission moves the
 * answers into anonymous responses (store_evaluatie.h) and deletes the
 * draft in one transaction. A collaboration block repeats for each
 * collaboration of the round the respondent's organisation takes part in
 * (from the registry) and is stored as a response of its own, so the set of
 * collaborations cannot single out an organisation.
 *
 * Results: per item the n, the distribution and the mean, in total and by
 * target group, organisation kind and collaboration; every group with
 * fewer than five respondents is hidden, also by differencing
 * (evaluatie_suppress in domain/evaluatie.h), in every output. Open
 * answers are for staff only.
 *
 * Takes plain values; renders nothing.
 */
#ifndef ATLAS_APP_EVALUATIE_H
#define ATLAS_APP_EVALUATIE_H

#include "../domain/evaluatie.h"
#include "../domain/model.h"
#include "../store/store_auth.h"
#include "../store/store_evaluatie.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct store;

enum evaluatie_outcome {
	EVAL_OK,
	EVAL_INVALID,	/* e has a Dutch message per field */
	EVAL_NOTFOUND,	/* no such item, round or link (or not visible to u) */
	EVAL_FORBIDDEN, /* not programme staff */
	EVAL_CONFLICT,	/* the state does not allow it (round not in concept, ...) */
	EVAL_USED,	/* the link was used */
	EVAL_CLOSED,	/* the round of the link is not open */
	EVAL_FAILED,
};

/* A form field (name, value) as posted or saved in a draft. */
struct ev_pair {
	const char *name, *value;
};

/* ---- item bank ---- */
int evaluatie_items(struct store *st, struct arena *a, struct ev_item_row **out, int *n);
enum evaluatie_outcome evaluatie_item_get(struct store *st, struct arena *a, const struct user *u,
					  int64_t id, struct ev_item_row *out);
/* A new item (id 0); or item id changed: in place while no round uses it,
 * otherwise as a new version that supersedes it (*id_out the new one). */
enum evaluatie_outcome evaluatie_item_save(struct store *st, struct arena *a, const struct user *u,
					   const char *via, int64_t id,
					   const struct evaluatie_item_input *in,
					   struct field_errors *e, int64_t *id_out);

/* ---- rounds ---- */
/* The rounds u may see: staff every round, others the released ones. */
int evaluatie_rounds(struct store *st, struct arena *a, const struct user *u,
		     struct ev_round_row **out, int *n);
enum evaluatie_outcome evaluatie_round_get(struct store *st, struct arena *a, const struct user *u,
					   int64_t id, struct ev_round_row *out);

struct evaluatie_round_form {
	struct evaluatie_round_input in;
	const char *const *orgs; /* organisation codes */
	int n_orgs;
	const char *const *collabs; /* collaboration keys */
	int n_collabs;
	const char *const *items; /* item ids as text, in order */
	int n_items;
};
enum evaluatie_outcome evaluatie_round_save(struct store *st, struct arena *a,
					    const struct snapshot *s, const struct user *u,
					    const char *via, const struct evaluatie_round_form *f,
					    struct field_errors *e, int64_t *id_out);
/* Move round id to status to (open from concept, gesloten from open). */
enum evaluatie_outcome evaluatie_round_move(struct store *st, struct arena *a, const struct user *u,
					    const char *via, int64_t id, const char *to);
/* Release (or withdraw) a closed round's aggregates. */
enum evaluatie_outcome evaluatie_round_release(struct store *st, struct arena *a,
					       const struct user *u, const char *via, int64_t id,
					       bool released);

/* ---- links ---- */
#define EVALUATIE_LINKS_MAX 500
/* A made link: the token (shown once) and its address (or "" when it
 * went into the CSV). */
struct ev_made_link {
	const char *token, *url, *to;
};
/*
 * Make count links (1..500) for target group and organisation org of open
 * or concept round id; with addresses (one per line) one link per address
 * is mailed through the outbox instead (count then ignored). *out the
 * links made.
 */
enum evaluatie_outcome evaluatie_links_make(struct store *st, struct arena *a,
					    const struct snapshot *s, const struct user *u,
					    const char *via, int64_t id, const char *group,
					    const char *org, const char *count,
					    const char *addresses, struct field_errors *e,
					    struct ev_made_link **out, int *n);
int evaluatie_link_counts(struct store *st, struct arena *a, int64_t id, struct ev_link_count **out,
			  int *n);

/* ---- the questionnaire ---- */
struct ev_block {
	const char *collab_key;	 /* "" for the general block */
	const char *collab_name; /* "" for the general block */
};

struct ev_questionnaire {
	struct ev_link_row link;
	struct ev_round_row round;
	const char *org_name;
	struct ev_item_row *items; /* the round's items in order */
	int n_items;
	struct ev_block *blocks; /* [0] general, then one per collaboration */
	int n_blocks;
	struct ev_pair *values; /* the draft's answers */
	int n_values;
};

/* Is item (scope) asked in block b of q? */
bool evaluatie_in_block(const struct ev_questionnaire *q, const struct ev_item_row *item, int b);

/* The questionnaire of token: EVAL_NOTFOUND (unknown), EVAL_USED,
 * EVAL_CLOSED (round not open; q->round is set). */
enum evaluatie_outcome evaluatie_questionnaire(struct store *st, struct arena *a,
					       const struct snapshot *s, const char *token,
					       struct ev_questionnaire *q);
/*
 * Answer the questionnaire of token with values[0..n): submit false saves
 * them as the draft (no checks beyond size); submit true checks every
 * answer (errors per field name in e: EVAL_INVALID, nothing stored but the
 * draft) and submits. The form field of item i in block b is
 * "b<b>-i<id>", of a role-perspective score "b<b>-i<id>-p<party>-q<persp>".
 */
enum evaluatie_outcome evaluatie_answer(struct store *st, struct arena *a, const struct snapshot *s,
					const char *token, const struct ev_pair *values, int n,
					bool submit, struct field_errors *e);

/* ---- results ---- */
#define EV_CATS 11 /* value 0..10 */

struct ev_cell {
	int n;		     /* respondents */
	int counts[EV_CATS]; /* per value (likert and scores 0..5; choices 1..n) */
	bool hidden;	     /* fewer than 5 (or by differencing): show nothing */
};

struct ev_breakdown {
	const char *title;
	int k;
	const char **labels;
	struct ev_cell *cells;
};

struct ev_result_row {
	const struct ev_item_row *item;
	int party, persp; /* role perspective items: the party and perspective; else -1 */
	int first, last;  /* the values shown: 0..5 for scales, 1..n for choices */
	bool scale;	  /* has a mean over 1..5 */
	struct ev_cell total;
	struct ev_breakdown by[3];
	int n_by;
};

struct ev_results {
	struct ev_round_row round;
	int respondents; /* general responses; hidden when under 5 */
	bool respondents_hidden;
	struct ev_result_row *rows;
	int n_rows;
	struct ev_item_row *items;
	int n_items;
	struct ev_open_answer *open; /* staff only; NULL otherwise */
	int n_open;
};

/* The results of round id for u (EVAL_NOTFOUND unless staff or released),
 * with the suppression rule applied. */
enum evaluatie_outcome evaluatie_results(struct store *st, struct arena *a,
					 const struct snapshot *s, const struct user *u, int64_t id,
					 struct ev_results *out);
/* The mean over values 1..5 of c (false when c is hidden or has none). */
bool evaluatie_mean(const struct ev_cell *c, double *mean);

/* The public base URL the links point to. */
const char *evaluatie_public_url(void);

#endif
