/*
 * pages — one handler per HTML page (server-rendered, NL Design System
 * classes, works without JavaScript). Each handler reads r->snap (and the
 * store for search), writes the page into r->out through the render/
 * writers, sets r->etag where the page depends only on the snapshot, and
 * returns the HTTP status. Routes and their declared parameters are in
 * http/routes.c.
 */
#ifndef ATLAS_PAGES_H
#define ATLAS_PAGES_H

#include "../http/request.h"

int page_home(struct request *r);	   /* GET / */
int page_collab_list(struct request *r);   /* GET /samenwerkingsverbanden */
int page_collab_show(struct request *r);   /* GET /samenwerkingsverbanden/{id} */
int page_org_list(struct request *r);	   /* GET /organisaties */
int page_org_show(struct request *r);	   /* GET /organisaties/{code} */
int page_search(struct request *r);	   /* GET /zoeken?q= */
int page_about(struct request *r);	   /* GET /over */
int page_accessibility(struct request *r); /* GET /toegankelijkheid */
int page_contact(struct request *r);	   /* GET /contact */
int page_privacy(struct request *r);	   /* GET /privacy */
int page_colofon(struct request *r);	   /* GET /colofon */

#endif
