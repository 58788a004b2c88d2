/*
 * edit — the web editing pages: forms for collaborations,
 * participations and organisations, ending and "Bevestig dat dit klopt",
 * and /mijn-organisatie. Every POST route is declared with ROUTE_CSRF |
 * ROUTE_FORM and min_role USER_ROLE_EDITOR in http/routes.c (the router
 * checks sign-in, role and CSRF token before a handler runs); the handlers
 * then check the object (app/policy.h), call the store (store_write.h) in one
 * transaction each, and answer with post/redirect/get (303 to the record
 * page with ?melding=...), a form with errors (400) or a conflict page
 * (409). Nothing is written on any error.
 */
#ifndef ATLAS_EDIT_H
#define ATLAS_EDIT_H

#include "../http/request.h"
#include "../store/store_write.h"

#include <stdbool.h>

/* The 403 page for a forbidden object ("nothing changed"). */
int edit_forbidden(struct request *r);
/* 400 for a form without a usable "versie" field. */
int edit_bad_version(struct request *r);
/* The page for a store failure (500) — or the conflict/notfound status. */
int edit_store_failure(struct request *r, int rc);

struct collaboration;
/* The collaboration of the path ({id}) that the user may edit: 0 with *c
 * set, or the status of the 404/403 page already sent. */
int edit_collab_or_respond(struct request *r, const struct collaboration **c);
/* /samenwerkingsverbanden/{key}{suffix} (suffix may be NULL), arena-owned. */
const char *edit_collab_href(struct request *r, const char *key, const char *suffix);
/* The answer after a store write: the failure page when rc != 0, else the
 * read model is told of the write (app_after_write) and a 303 to redirect. */
int edit_write_done(struct request *r, int rc, const char *redirect);

/* Collaborations (edit_collab.c). */
int page_collab_new(struct request *r); /* GET/POST /samenwerkingsverbanden/nieuw */
int page_collab_edit(struct request *r);
int page_collab_end(struct request *r);	    /* POST /samenwerkingsverbanden/{id}/beeindigen */
int page_collab_confirm(struct request *r); /* POST /samenwerkingsverbanden/{id}/bevestigen */

/* Participations (edit_part.c). */
int page_part_new(struct request *r);	  /* GET/POST .../{id}/deelnemers/nieuw */
int page_part_edit(struct request *r);	  /* GET/POST .../{id}/deelnemers/{deelname}/bewerken */
int page_part_end(struct request *r);	  /* POST .../{id}/deelnemers/{deelname}/beeindigen */
int page_part_confirm(struct request *r); /* POST .../{id}/deelnemers/{deelname}/bevestigen */

/* Organisations (edit_org.c). */
int page_org_edit(struct request *r);	 /* GET/POST /organisaties/{code}/bewerken */
int page_org_confirm(struct request *r); /* POST /organisaties/{code}/bevestigen */

/* GET /mijn-organisatie (mine.c). */
int page_mine(struct request *r);

struct form_field;
/*
 * The conflict page (status 409): the record changed since the form was
 * loaded. Shows what the user entered next to what is stored now (field by
 * field, differences marked), says nothing was saved and links to
 * reload_href (the form with the current data) and back_href (the record).
 */
int edit_conflict_page(struct request *r, const char *record_name, const char *reload_href,
		       const char *back_href, const struct form_field *fields, int n,
		       const char *const *mine, const char *const *stored);
/* A short 409 page for one-button actions (confirm, end) on a changed record. */
int edit_conflict_simple(struct request *r, const char *record_name, const char *back_href);

/*
 * "Bevestig dat dit klopt" for one record (entity and key as store_confirm
 * takes them): checks the form's version, confirms, and answers with the
 * 409 page (name, back to record_href) or a redirect: to /mijn-organisatie
 * when the form came from there (hidden "terug"), else to record_href with
 * ?melding=bevestigd. The caller has checked the permission.
 */
int edit_confirm(struct request *r, const char *entity, const char *key, const char *name,
		 const char *record_href);

#endif
