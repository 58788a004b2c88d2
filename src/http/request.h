/*
 * request — what a handler sees and how it answers.
 *
 * The server (server.c) parses and validates the request line before any
 * handler runs: the path and every query parameter are percent-decoded and
 * checked for valid UTF-8 and NUL bytes; the router (router.c) matches the
 * route table, captures {params} from the path, validates the declared query
 * parameters and drops undeclared ones. A handler therefore only sees clean,
 * declared input.
 *
 * A handler fills r->out (body), may set r->content_type and extra headers,
 * and returns the HTTP status. A helper that answers the client itself
 * when it fails ends in _or_respond (Redis's ...OrReply): it returns 0 on
 * success, or the HTTP status of the error reply it has already written,
 * so the caller writes `if ((st = x_or_respond(r, ...))) return st;`.
 */
#ifndef ATLAS_REQUEST_H
#define ATLAS_REQUEST_H

#include "../domain/model.h"
#include "../lib/arena.h"
#include "../lib/buf.h"
#include "../store/store_auth.h"

#include <stdbool.h>
#include <stddef.h>

enum http_method {
	HTTP_GET = 1,
	HTTP_HEAD = 2,
	HTTP_POST = 4,
	HTTP_PUT = 8,
	HTTP_DELETE = 16,
	HTTP_PATCH = 32,
	HTTP_OPTIONS = 64
};

enum route_kind { ROUTE_PAGE, ROUTE_API, ROUTE_STATIC };

#define REQ_MAX_PARAMS 32
#define REQ_MAX_PATH_ARGS 4
#define REQ_MAX_HEADERS 16

struct param {
	const char *name;
	const char *value; /* decoded, valid UTF-8, no NUL */
};

struct header {
	const char *name, *value;
};

struct route;

struct request {
	struct arena *arena; /* freed when the reply is sent */
	enum http_method method;
	const char *path;		     /* decoded path, e.g. "/organisaties/gm0344" */
	const char *query;		     /* raw query string after '?', or "" */
	struct param params[REQ_MAX_PARAMS]; /* declared, validated query params */
	int n_params;
	const char *path_args[REQ_MAX_PATH_ARGS]; /* captured {segments}, decoded */
	int n_path_args;
	const struct route *route;
	const struct snapshot *snap; /* current read model, valid for the request */
	const char *if_none_match;   /* header value or NULL */
	const char *accept;	     /* header value or NULL */
	bool head;		     /* HEAD: body is dropped by the server */
	const char *body;	     /* request body (POST/PUT/PATCH/DELETE), NUL-terminated */
	size_t body_len;
	const char *body_type;	  /* Content-Type of the body or NULL */
	const char *if_match;	  /* If-Match header or NULL */
	const char *client_addr;  /* peer IP address as text */
	const struct user *user;  /* signed-in user (session or API token) or NULL */
	const char *csrf;	  /* the session's CSRF token, or NULL */
	const char *session_hash; /* digest of the session cookie, or NULL */
	bool via_token;		  /* authenticated with an API token */
	bool auth_unavailable;	  /* credentials sent, but the database could
				   * not check them (the router answers 503) */
	bool secure;		  /* TLS, or a trusted proxy said https */
	struct param *form;	  /* decoded form fields (lazily, see req_form) */
	int n_form;
	bool form_parsed;
	bool form_bad;	      /* the body was not valid form data */
	struct upload *files; /* the file parts of a multipart/form-data body (multipart.h) */
	int n_files;
	/* the reply */
	struct buf out;
	const char *content_type; /* default text/html; charset=utf-8 */
	struct header headers[REQ_MAX_HEADERS];
	int n_headers;
	const char *etag;	   /* set to enable ETag/If-None-Match handling */
	const char *cache_control; /* default "no-cache" for pages and API */
	const void *static_body;   /* instead of out: persistent bytes (static files) */
	size_t static_len;
	const void *static_gz; /* optional precompressed variant of static_body */
	size_t static_gz_len;
	bool gzip_ok; /* the client accepts gzip */
	void *conn;   /* private: the MHD connection */
};

/* The decoded value of a declared query parameter, or NULL. */
const char *req_param(const struct request *r, const char *name);
/* Add a response header (name and value must live as long as the request). */
void req_header(struct request *r, const char *name, const char *value);

/*
 * A field of an application/x-www-form-urlencoded body (decoded, valid
 * UTF-8, no NUL), or NULL when absent. The first call parses the body;
 * malformed bodies set r->form_bad and yield no fields.
 */
const char *req_form(struct request *r, const char *name);
/* All values of a repeated field (e.g. a multi-select); returns the count. */
int req_form_all(struct request *r, const char *name, const char **vals, int max);
/* The files of a multipart/form-data body sent as field name (NULL: any
 * field), in order; empty file inputs (no file name, no bytes) are left
 * out. Returns the count (at most max). The form fields of such a body are
 * read with req_form as usual. */
struct upload;
int req_files(struct request *r, const char *name, const struct upload **out, int max);

/* 303 See Other to a local path (must start with a single '/'). */
int respond_redirect(struct request *r, const char *location);

/*
 * Render an error reply for the route's kind: an HTML page (pages) or
 * application/problem+json (API), both with Dutch title and detail. param
 * names the offending parameter (may be NULL). Returns status for
 * `return respond_error(...)`.
 */
int respond_error(struct request *r, int status, const char *title, const char *detail,
		  const char *param);

/* One invalid input of a problem reply: the field or parameter name and
 * the Dutch reason. */
struct problem_param {
	const char *name;
	const char *reason;
};

/*
 * respond_error with n invalid inputs (invalidParams of RFC 9457 on API
 * routes; the HTML page shows only detail). params may be NULL when n is 0.
 * Returns status.
 */
int respond_problem(struct request *r, int status, const char *title, const char *detail,
		    const struct problem_param *params, int n);
/* 404 with the standard Dutch wording for the route's kind. */
int respond_not_found(struct request *r);

/* Handler type: returns the HTTP status. */
typedef int (*handler_fn)(struct request *r);

#endif
