/*
 * router — the route table as data (cgit's cmd.c, Kore's declared
 * parameters). Each route names its methods, path pattern ({x} captures one
 * segment), handler, kind (page, api, static) and the query parameters it
 * accepts with a validator each, the role it needs and its flags.
 * router_dispatch answers 404/405/400/401/403 (and 503 when credentials
 * cannot be checked) before a handler runs; undeclared query parameters
 * are dropped.
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
	PT_LIST,      /* a list: may repeat (checkboxes of a GET form); the values are
		       * joined with commas into one, at most max_len items and
		       * LIST_MAX_BYTES in all (each value may itself hold commas) */
};

/* The joined value of a PT_LIST parameter is at most this long. */
#define LIST_MAX_BYTES 1024

struct param_spec {
	const char *name;
	enum param_type type;
	int max_len; /* PT_TEXT: code points; PT_LIST: items */
};

struct route {
	unsigned methods;    /* HTTP_GET | HTTP_HEAD ... */
	const char *pattern; /* "/organisaties/{code}" */
	handler_fn handler;
	enum route_kind kind;
	unsigned flags;			 /* ROUTE_CACHE ... */
	const struct param_spec *params; /* terminated by {NULL} */
	int min_role;			 /* enum user_role needed (0: public) */
};

#define ROUTE_CACHE 1u	 /* reply depends only on URL + snapshot: cache it */
#define ROUTE_CSRF 2u	 /* form POST: the body's "csrf" field must match the session */
#define ROUTE_FORM 4u	 /* POST with a form body (the router decodes it) */
#define ROUTE_TOKEN 8u	 /* API write: only with a personal API token, not a web session */
#define ROUTE_UPLOAD 16u /* file upload: the body may be up to UPLOAD_BODY_LIMIT */
/* A cached reply (ROUTE_CACHE) that shows one collaboration ({id}) or one
 * organisation ({code}) with its participations: without a query string it
 * stays valid across writes that leave that record alone (snapshot
 * `changed`, model.h), instead of only for the snapshot version it was
 * built from. */
#define ROUTE_SCOPE_COLLAB 32u
#define ROUTE_SCOPE_ORG 64u
/* A cached list of collaborations (summaries only, any query string but a
 * peildatum, which reads history): it
 * stays valid across writes that change no summary (snapshot
 * list_changed). */
#define ROUTE_SCOPE_LIST 128u

/* Uploads (the change-set import): at most UPLOAD_FILES_LIMIT bytes of
 * files; the body limit leaves room for the same files sent back
 * base64-encoded when a previewed import is applied. */
#define UPLOAD_FILES_LIMIT (8u << 20)
#define UPLOAD_BODY_LIMIT (12u << 20)
/* A larger upload is still read (and dropped) up to this size, so the
 * browser gets to show the 413 page; beyond it the connection is closed. */
#define UPLOAD_DISCARD_LIMIT (64u << 20)

/* The body limit for a raw request URI: UPLOAD_BODY_LIMIT when a
 * ROUTE_UPLOAD route matches its path, else dflt. Sets *upload. */
size_t router_body_limit(struct arena *a, const char *raw_uri, size_t dflt, bool *upload);

/* For a GET of raw_uri that matches a ROUTE_SCOPE_* route: 'l' for a list
 * (any query string); 'c' or 'o' with *key its path argument (allocated in
 * a) for a record without a query string; else 0. */
char router_reply_scope(struct arena *a, const char *raw_uri, const char **key);
/* Does the path of raw_uri match a GET route with ROUTE_CACHE? */
bool router_cacheable(struct arena *a, const char *raw_uri);

/*
 * The access rules the router applies before a handler runs. They live in
 * app/policy.c (policy_has_role, policy_may_write_api); main.c installs them
 * with router_set_access before serving, so http/ does not depend on app/.
 * Until then every route that needs a role or a token is refused.
 */
struct router_access {
	/* Does u (NULL: anonymous) have at least role? */
	bool (*has_role)(const struct user *u, enum user_role role);
	/* May u write through the API (via_token: signed in with an API token)? */
	bool (*may_write_api)(const struct user *u, bool via_token);
};

/* Install the access rules (a pointer to static data; kept, not copied). */
void router_set_access(const struct router_access *a);

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
int router_parse_query_or_respond(struct request *r, const struct route *rt);

#endif
