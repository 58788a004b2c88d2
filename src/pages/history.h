/*
 * history — the audit trail made readable:
 *
 *   GET /samenwerkingsverbanden/{id}/geschiedenis   timeline of one collaboration
 *                                                   (its participations included)
 *   GET /organisaties/{code}/geschiedenis           timeline of one organisation
 *   GET /wijzigingen                                recent changes, filters soort/door
 *   GET /wijzigingen.atom                           the same as an Atom 1.0 feed
 *   GET /wijzigingen/import/{id}                    the events of one import batch
 *
 * A change-set import (app/changeset.h) is ONE entry in /wijzigingen and the
 * feed ("Import van 85 wijzigingen uit utrecht-2026 door …") that opens to
 * its events on /wijzigingen/import/{id}.
 *
 * and time travel for the collaboration list (page and API):
 * ?peildatum=YYYY-MM-DD shows the registry as it was on that date, computed
 * from validity periods (start/end dates of collaborations, joined/left of
 * participations, valid_from/valid_to of organisations; the rule is
 * snapshot_at in domain/snapshot.h). Attributes such as names and phases are
 * today's values. The dated snapshots come from the read model
 * (readmodel_at, app/readmodel.h), which caches a few recent dates.
 *
 * The audit trail of the public registry is public: it shows the actor as
 * recorded (the user name of an editor, "Meegeleverde dataset" for the seed
 * import), when, via which channel and what changed. Events about user
 * accounts and API tokens are never shown.
 */
#ifndef ATLAS_HISTORY_H
#define ATLAS_HISTORY_H

#include "../http/request.h"
#include "../http/router.h"

int page_collab_history(struct request *r); /* GET /samenwerkingsverbanden/{id}/geschiedenis */
int page_org_history(struct request *r);    /* GET /organisaties/{code}/geschiedenis */
int page_changes(struct request *r);	    /* GET /wijzigingen */
int page_changes_atom(struct request *r);   /* GET /wijzigingen.atom */
int page_import_batch(struct request *r);   /* GET /wijzigingen/import/{id} */

/* Query parameters of /wijzigingen and /wijzigingen.atom (soort, door, pagina). */
extern const struct param_spec history_changes_params[];
/* Query parameters of /wijzigingen/import/{id} (pagina). */
extern const struct param_spec history_batch_params[];

/*
 * Time travel. history_timetravel_begin looks at the "peildatum" parameter:
 * absent/empty → returns NULL and leaves r->snap alone; invalid or in the
 * future → writes a 400 reply naming peildatum, sets *status and returns
 * NULL; valid → points r->snap at a snapshot for that date and returns a
 * hold that the caller passes to history_timetravel_end (which restores
 * r->snap and releases the snapshot) before returning. *status is 0 unless
 * an error reply was written; a 500 is written when loading fails.
 */
void *history_timetravel_begin(struct request *r, int *status);
void history_timetravel_end(struct request *r, void *hold);
/* The notice "U bekijkt het register zoals het was op …" with a link back to
 * the same page today (nothing without a hold). */
void history_timetravel_notice(struct buf *b, const struct request *r, const void *hold);
/* A labelled date control named "peildatum" for a page's GET form (the
 * time-travel control of list, map, network, overlap and organisation
 * pages); shows the requested date. */
void history_timetravel_field(struct buf *b, const struct request *r);
/* <input type="hidden" name="peildatum"> for the filter form (or nothing). */
void history_timetravel_hidden(struct buf *b, const struct request *r);
/* "peildatum=…&" for links that keep the date (or nothing). */
void history_timetravel_query(struct buf *q, const struct request *r);

#endif
