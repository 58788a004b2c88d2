/*
 * calendar — the Wgr planning & control calendar (domain/wgr_calendar.h,
 * rules from io/wgr_rules.h):
 *   /kalender?organisatie=CODE            coming legal moments (next 18
 *                                         months) of every regeling with
 *                                         its own budget, by month
 *   /organisaties/{code}/kalender         the council member's view: what
 *                                         must my raad give a zienswijze on,
 *                                         and by when
 *   /organisaties/{code}/kalender.ics     iCalendar feed (RFC 5545) of the
 *                                         moments from today on that concern
 *                                         the organisation (supervisor dates
 *                                         only for the provincie, whose
 *                                         Gedeputeerde Staten receive them)
 *   /organisaties/{code}/raadskalender.ics  the council's moments only
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
/* GET /organisaties/{code}/raadskalender.ics: only the moments for the
 * council (documents that reach it, zienswijze deadlines and their
 * "agenderen" reminders), from today on (app/org_glance.h). */
int page_org_council_ics(struct request *r);
/* GET /organisaties/{code}/overzicht (orgs.c): the organisation at a glance
 * on its own, the printable one-page overview; honours ?peildatum=. */
int page_org_overview(struct request *r);
/* GET/POST /samenwerkingsverbanden/{id}/ab-vergaderingen (ab_meeting.c): the
 * recorded AB meeting dates that adopt the begroting (editors of the
 * collaboration only). */
int page_collab_ab_meetings(struct request *r);

#endif
