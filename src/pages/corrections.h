/*
 * corrections — the web pages of "Meld wat niet klopt" (the rules are
 * app/corrections.h):
 *
 *   GET/POST /samenwerkingsverbanden/{id}/melding[?veld=&deelname=]   the form
 *   GET/POST /organisaties/{code}/melding[?veld=]                      the form
 *   GET      /correcties/status/{token}        the proposer's status link
 *   GET      /beheer/correcties                the review queue (reviewers)
 *   POST     /beheer/correcties/{id}/overnemen accept (CSRF)
 *   POST     /beheer/correcties/{id}/afwijzen  reject with a reason (CSRF)
 *   GET      /mijn/correcties                  a signed-in proposer's proposals
 *
 * and "Mijn organisatie"'s "confirm or correct in one place"
 * (corrections_mine.c):
 *
 *   POST     /mijn-organisatie/uittreden       "Wij zijn uitgetreden per …"
 *   GET/POST /mijn-organisatie/bevestigen      "Bevestig alles wat klopt"
 *
 * The form works for anonymous visitors, so its CSRF check is the
 * handler's: the session's token for a signed-in user, else a
 * double-submit cookie (atlas_melding, SameSite=Strict). No link from user
 * input is ever rendered live: source links are shown as text.
 */
#ifndef ATLAS_PAGES_CORRECTIONS_H
#define ATLAS_PAGES_CORRECTIONS_H

#include "../http/request.h"
#include "../http/router.h"

extern const struct param_spec corrections_form_params[];

int page_correction_collab(struct request *r);
int page_correction_org(struct request *r);
int page_correction_status(struct request *r);
int page_corrections_queue(struct request *r);
int page_correction_accept(struct request *r);
int page_correction_reject(struct request *r);
int page_my_corrections(struct request *r);

int page_mine_leave(struct request *r);
int page_mine_confirm_all(struct request *r);

/* The "Meld wat niet klopt" section of a record page: a short line and a
 * link to the form. href is the record's own address (e.g.
 * "/organisaties/gm0344"), already percent-encoded. */
void corrections_section(struct buf *b, const char *href);

/* On /mijn-organisatie: the notice after "uitgetreden" or "alles
 * bevestigd", and the extra actions of one row (kind 'o', 'c' or 'p', the
 * snapshot index): "Dit klopt niet" for every record, "Wij zijn uitgetreden
 * per …" for a participation the user may edit; and the links to
 * "Bevestig alles wat klopt" and the user's own proposals. */
void corrections_mine_flash(struct buf *b, const struct request *r);
void corrections_mine_actions(struct buf *b, struct request *r, char kind, int index);
void corrections_mine_links(struct buf *b, const struct request *r);

#endif
