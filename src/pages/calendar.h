/*
 * calendar — the Wgr planning & control calendar (domain/wgr_calendar.h,
 * rules from io/wgr_rules.h):
 *   /kalender?organisatie=CODE            coming legal moments (next 18
 *                                         months) of every regeling with
 *                                         its own budget, by month
 *   /organisaties/{code}/kalender         the council member's view: what
 *                                         must my raad give a zienswijze on,
 *                                         and by when
 *   /organisaties/{code}/kalender.ics     iCalendar feed (RFC 5545)
 *   /samenwerkingsverbanden/{id}/kalender.ics
 * Regelingen whose legal form is unknown are listed with the honest
 * "onbekend of deze regeling een eigen begroting heeft"; nothing is
 * computed for them. Reads only the snapshot and the rule table.
 */
#ifndef ATLAS_CALENDAR_H
#define ATLAS_CALENDAR_H

#include "../http/request.h"
#include "../http/router.h"

extern const struct param_spec calendar_params[]; /* organisatie */

int page_calendar(struct request *r);		 /* GET /kalender */
int page_org_calendar(struct request *r);	 /* GET /organisaties/{code}/kalender */
int page_org_calendar_ics(struct request *r);	 /* GET /organisaties/{code}/kalender.ics */
int page_collab_calendar_ics(struct request *r); /* GET /samenwerkingsverbanden/{id}/kalender.ics */
/* GET/POST /samenwerkingsverbanden/{id}/ab-vergaderingen (ab_meeting.c): the
 * recorded AB meeting dates that adopt the begroting (editors of the
 * collaboration only). */
int page_collab_ab_meetings(struct request *r);

#endif
