/*
 * store_instrumenten — instrument requests (financial scan, stimulus
 * contribution, lobby dossier) with their parties and supporters, on
 * either engine. Outside the read model: indexed queries per request. Every
 * write is one transaction with its audit event (naming the request, its
 * organisation and status; never the text), or a savepoint of the caller's
 * batch, so a status change commits together with the mail reporting it.
 * Who may see or do what is app/instrumenten.h's business.
 */
#ifndef ATLAS_STORE_INSTRUMENTEN_H
#define ATLAS_STORE_INSTRUMENTEN_H

#include "store.h"
#include "store_write.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;

struct instrument_row {
	int64_t id;
	const char *kind, *org_code, *title, *purpose;
	int64_t amount_asked; /* cents, -1 when none */
	const char *period_start, *period_end, *status;
	bool granted;
	const char *decision_date;
	int64_t amount_granted; /* cents, -1 when none */
	const char *reason, *collab_key;
	int64_t requested_by;
	const char *requester; /* username */
	const char *created_at, *updated_at;
	const char **parties; /* organisation codes involved */
	int n_parties;
	const char **supporters; /* organisation codes backing a lobby dossier */
	int n_supporters;
};

struct instrument_new {
	const char *kind, *org_code, *title, *purpose, *period_start, *period_end, *collab_key;
	int64_t amount_asked; /* cents, 0: none */
	int64_t requested_by;
	const char *const *parties;
	int n_parties;
};

int store_instrument_add(struct store *s, const struct write_ctx *w,
			 const struct instrument_new *in, int64_t *id_out);
/* One request with its parties and supporters; STORE_ERR_NOTFOUND. */
int store_instrument_get(struct store *s, struct arena *a, int64_t id, struct instrument_row *out);

/*
 * The requests that match: public_only (granted stimulus contributions and
 * lobby dossiers), org_code (requested by, NULL: any), collab_key (linked
 * to, NULL: any); newest first, at most limit; with parties and supporters.
 */
int store_instruments(struct store *s, struct arena *a, bool public_only, const char *org_code,
		      const char *collab_key, int limit, struct instrument_row **out, int *n);

/* A decision or status change: status, and for a decision its date,
 * amount granted (cents, 0: none) and reason; granted is set when status is
 * toegekend. STORE_ERR_CONFLICT when the status is no longer `from`. */
int store_instrument_set_status(struct store *s, const struct write_ctx *w, int64_t id,
				const char *from, const char *to, const char *decision_date,
				int64_t amount_granted, const char *reason);

/* Link the collaboration a stimulus helped start ("" to unlink). */
int store_instrument_set_collab(struct store *s, const struct write_ctx *w, int64_t id,
				const char *collab_key);

/* Organisation org_code supports lobby dossier id; STORE_ERR_CONFLICT when
 * it already does. */
int store_instrument_support(struct store *s, const struct write_ctx *w, int64_t id,
			     const char *org_code);

#endif
