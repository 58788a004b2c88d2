/*
 * store_bijeenkomsten_agenda — the agenda items partners propose for an
 * event and who supports them, on either engine. Module data outside the
 * read model: every list is one indexed query per request, no write bumps
 * the data version. Every write is one transaction (a savepoint inside the
 * batch app/bijeenkomsten_agenda.c opens around its checks and the write)
 * with its audit event; the audit events name the event, the item, the
 * organisation and the status — never the user's name.
 */
#ifndef ATLAS_STORE_BIJEENKOMSTEN_AGENDA_H
#define ATLAS_STORE_BIJEENKOMSTEN_AGENDA_H

#include "store.h"
#include "store_write.h"

#include <stdbool.h>
#include <stdint.h>

struct arena;

struct agenda_item_row {
	int64_t id, event_id;
	const char *title, *description;
	int64_t proposed_by; /* user id; 0 when the account is gone (personal data) */
	const char *org_code;
	const char *status;
	int position;		/* place in the programme; 0: none */
	const char *start_time; /* "HH:MM" or "" */
	int supports;		/* supporting users */
	int support_orgs;	/* distinct supporting organisations */
	bool supported;		/* supported by the user asked about */
	const char *created_at, *updated_at;
};

/* The items of event_id: accepted ones first in programme order (position,
 * with 0 last; time; id), then the others by creation. accepted_only: just
 * the programme. user_id: whose support sets .supported (0: nobody). */
int store_agenda_items(struct store *s, struct arena *a, int64_t event_id, bool accepted_only,
		       int64_t user_id, struct agenda_item_row **out, int *n);
/* Item id; STORE_ERR_NOTFOUND when none. */
int store_agenda_item_get(struct store *s, struct arena *a, int64_t id, int64_t user_id,
			  struct agenda_item_row *out);
/* A new proposal ("voorgesteld") of event_id by user_id for org_code. */
int store_agenda_item_add(struct store *s, const struct write_ctx *w, int64_t event_id,
			  int64_t user_id, const char *org_code, const char *title,
			  const char *description, int64_t *id_out);
/* Set the status, position (< 0: keep) and start time (NULL: keep) of item
 * id. STORE_ERR_NOTFOUND when none. */
int store_agenda_item_decide(struct store *s, const struct write_ctx *w, int64_t id,
			     const char *status, int position, const char *start_time);
/* user_id of org_code supports item id (of event_id, for the audit event);
 * STORE_ERR_CONFLICT when that user supports it already. */
int store_agenda_support_add(struct store *s, const struct write_ctx *w, int64_t id,
			     int64_t event_id, int64_t user_id, const char *org_code);

#endif
