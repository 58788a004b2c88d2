/*
 * router — the route table as data (cgit's cmd.c, Kore's declared
 * parameters). Each route names its methods, path pattern ({x} captures one
 * segment), handler, kind (page, api, static) and the query parameters it
 * accepts with a validator each. router_dispatch answers 404/405/400 before a
 * handler runs; undeclared query parameters are dropped.
 */
#ifndef ATLAS_ROUTER_H
#define ATLAS_ROUTER_H

#include "request.h"

enum param_type {
	PT_FILTER,    /* a collaboration filter key, checked by collab_filter_set */
	PT_TEXT,      /* free text, at most max_len code points */
	PT_ORG_KIND,  /* organisation kind api value (gemeente, ...) */
	PT_STATUS,    /* actief | beeindigd | alle */
	PT_PAGE,      /* 1..10000 */
	PT_PAGE_SIZE, /* 1..100 */
	PT_DECIMAL01, /* a decimal number 0..1, '.' or ',' (overlap_threshold_parse) */
};

struct param_spec {
	const char *name;
	enum param_type type;
	int max_len; /* PT_TEXT only */
};

struct route {
	unsigned methods;        /* HTTP_GET | HTTP_HEAD ... */
	const char *pattern;     /* "/organisaties/{code}" */
	handler_fn handler;
	enum route_kind kind;
	unsigned flags;          /* ROUTE_CACHE ... */
	const struct param_spec *params; /* terminated by {NULL} */
	int min_role;            /* enum user_role needed (0: public) */
};

#define ROUTE_CACHE 1u /* reply depends only on URL + snapshot: cache it */
#define ROUTE_CSRF 2u  /* form POST: the body's "csrf" field must match the session */
#define ROUTE_FORM 4u  /* POST with a form body (the router decodes it) */

extern const struct route routes[];
extern const int n_routes;

/*
 * Match r->path against the table, capture path args, validate query
 * parameters (from the raw query string) into r->params, and run the
 * handler. Returns the HTTP status of the reply written into r.
 */
int router_dispatch(struct request *r);

/* Validate and decode the raw query string into r->params for route rt.
 * Returns 0 or the status of an error reply already written. */
int router_parse_query(struct request *r, const struct route *rt);

#endif
