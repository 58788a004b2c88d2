/*
 * router — see router.h. Matching is a linear scan of the route table,
 * segment by segment; the only allocation is a copy of each captured path
 * segment ({x}) into the request arena (r->path_args), so a failed match
 * leaves at most a few bytes there until the request ends.
 */
#include "router.h"
#include "../domain/filter.h"
#include "../domain/labels.h"
#include "../domain/overlap.h"
#include "../lib/text.h"
#include "../render/html.h"

#include <sodium.h>

#include <stdio.h>
#include <string.h>

/* Match path against pattern; captures go to r->path_args. Segment text is
 * already decoded. "{*}" matches the rest (at least one character). */
static bool match(const char *pattern, const char *path, struct request *r)
{
	const char *p = pattern, *s = path;
	r->n_path_args = 0;
	while (*p) {
		if (p[0] == '{') {
			const char *close = strchr(p, '}');
			if (!close)
				return false;
			bool rest = p[1] == '*';
			const char *end = rest ? s + strlen(s) : strchr(s, '/');
			if (!end)
				end = s + strlen(s);
			if (end == s || r->n_path_args == REQ_MAX_PATH_ARGS)
				return false;
			r->path_args[r->n_path_args++] =
			    arena_strndup(r->arena, s, (size_t)(end - s));
			s = end;
			p = close + 1;
			continue;
		}
		if (*p != *s)
			return false;
		p++;
		s++;
	}
	return *s == '\0';
}

size_t router_body_limit(struct arena *a, const char *raw_uri, size_t dflt, bool *upload)
{
	*upload = false;
	const char *qm = strchr(raw_uri, '?');
	char *path = arena_strndup(a, raw_uri, qm ? (size_t)(qm - raw_uri) : strlen(raw_uri));
	struct request scratch = {.arena = a};
	for (int i = 0; i < n_routes; i++)
		if ((routes[i].flags & ROUTE_UPLOAD) && match(routes[i].pattern, path, &scratch)) {
			*upload = true;
			return dflt > UPLOAD_BODY_LIMIT ? dflt : UPLOAD_BODY_LIMIT;
		}
	return dflt;
}

char router_reply_scope(struct arena *a, const char *raw_uri, const char **key)
{
	*key = NULL;
	const char *qm = strchr(raw_uri, '?');
	char *path = arena_strndup(a, raw_uri, qm ? (size_t)(qm - raw_uri) : strlen(raw_uri));
	struct request scratch = {.arena = a};
	for (int i = 0; i < n_routes; i++) {
		unsigned f = routes[i].flags;
		if (!(f & (ROUTE_SCOPE_COLLAB | ROUTE_SCOPE_ORG | ROUTE_SCOPE_LIST)) ||
		    !(routes[i].methods & HTTP_GET) || !match(routes[i].pattern, path, &scratch))
			continue;
		if (f & ROUTE_SCOPE_LIST) /* a dated list rests on history, not on summaries */
			return qm && strstr(qm, "peildatum=") ? 0 : 'l';
		if (qm || scratch.n_path_args != 1)
			return 0;
		*key = scratch.path_args[0];
		return f & ROUTE_SCOPE_COLLAB ? 'c' : 'o';
	}
	return 0;
}

bool router_cacheable(struct arena *a, const char *raw_uri)
{
	const char *qm = strchr(raw_uri, '?');
	char *path = arena_strndup(a, raw_uri, qm ? (size_t)(qm - raw_uri) : strlen(raw_uri));
	struct request scratch = {.arena = a};
	for (int i = 0; i < n_routes; i++)
		if ((routes[i].methods & HTTP_GET) && match(routes[i].pattern, path, &scratch))
			return (routes[i].flags & ROUTE_CACHE) != 0;
	return false;
}

static const char *method_list(unsigned m, struct arena *a)
{
	char buf[64] = "";
	if (m & HTTP_GET)
		strcat(buf, "GET, HEAD");
	if (m & HTTP_POST)
		strcat(buf, *buf ? ", POST" : "POST");
	if (m & HTTP_PUT)
		strcat(buf, *buf ? ", PUT" : "PUT");
	if (m & HTTP_PATCH)
		strcat(buf, *buf ? ", PATCH" : "PATCH");
	if (m & HTTP_DELETE)
		strcat(buf, *buf ? ", DELETE" : "DELETE");
	return arena_strdup(a, buf);
}

static int check_param_or_respond(struct request *r, const struct param_spec *ps, const char *value)
{
	char msg[256];
	long v;
	switch (ps->type) {
	case PT_FILTER: {
		struct collab_filter f;
		collab_filter_init(&f, 20);
		if (collab_filter_set(&f, r->snap, ps->name, value, msg, sizeof msg) < 0)
			return respond_error(r, 400, "Ongeldige parameter", msg, ps->name);
		return 0;
	}
	case PT_TEXT:
		if ((int)utf8_length(value, strlen(value)) > ps->max_len) {
			snprintf(msg, sizeof msg,
				 "De parameter '%s' mag hoogstens %d tekens lang zijn.", ps->name,
				 ps->max_len);
			return respond_error(r, 400, "Ongeldige parameter", msg, ps->name);
		}
		return 0;
	case PT_ORG_KIND:
		if (label_from_api(org_kind_labels, ORG_KIND_COUNT, value) < 0)
			break;
		return 0;
	case PT_STATUS:
		if (strcmp(value, "actief") && strcmp(value, "beeindigd") && strcmp(value, "alle"))
			break;
		return 0;
	case PT_PAGE:
		if (!parse_long(value, 1, 10000, &v)) {
			snprintf(
			    msg, sizeof msg,
			    "De parameter '%s' moet een geheel getal van 1 tot en met 10000 zijn.",
			    ps->name);
			return respond_error(r, 400, "Ongeldige parameter", msg, ps->name);
		}
		return 0;
	case PT_PAGE_SIZE:
		if (!parse_long(value, 1, 100, &v)) {
			snprintf(
			    msg, sizeof msg,
			    "De parameter '%s' moet een geheel getal van 1 tot en met 100 zijn.",
			    ps->name);
			return respond_error(r, 400, "Ongeldige parameter", msg, ps->name);
		}
		return 0;
	case PT_DECIMAL01: {
		struct overlap_threshold t;
		if (!overlap_threshold_parse(value, &t)) {
			snprintf(
			    msg, sizeof msg,
			    "De parameter '%s' moet een getal van 0 tot en met 1 zijn, met een "
			    "punt of komma en hoogstens %d decimalen (bijvoorbeeld 0,8).",
			    ps->name, OVERLAP_MAX_DECIMALS);
			return respond_error(r, 400, "Ongeldige parameter", msg, ps->name);
		}
		return 0;
	}
	case PT_LIST: {
		int items = 0;
		for (const char *c = value; *c;) {
			size_t len = strcspn(c, ",");
			bool blank = true;
			for (size_t i = 0; i < len; i++)
				blank &= c[i] == ' ';
			items += !blank;
			c += len + (c[len] == ',');
		}
		if (items > ps->max_len) {
			snprintf(
			    msg, sizeof msg,
			    "De parameter '%s' mag hoogstens %d waarden bevatten; u gaf er %d.",
			    ps->name, ps->max_len, items);
			return respond_error(r, 400, "Ongeldige parameter", msg, ps->name);
		}
		return 0;
	}
	}
	snprintf(msg, sizeof msg, "De waarde '%.80s' is niet geldig voor de parameter '%s'.", value,
		 ps->name);
	return respond_error(r, 400, "Ongeldige parameter", msg, ps->name);
}

#define MAX_VALUE_BYTES 1024

int router_parse_query_or_respond(struct request *r, const struct route *rt)
{
	const char *q = r->query;
	r->n_params = 0;
	while (*q) {
		const char *amp = strchr(q, '&');
		size_t len = amp ? (size_t)(amp - q) : strlen(q);
		const char *eq = memchr(q, '=', len);
		size_t klen = eq ? (size_t)(eq - q) : len;
		const char *v = eq ? eq + 1 : q + len;
		size_t vlen = eq ? len - klen - 1 : 0;
		char *key = arena_alloc(r->arena, klen + 1);
		char *val = arena_alloc(r->arena, vlen + 1);
		if (pct_decode(q, klen, key, true) < 0 || pct_decode(v, vlen, val, true) < 0)
			return respond_error(r, 400, "Ongeldige aanvraag",
					     "De zoekparameters bevatten ongeldige tekens "
					     "(geen geldige UTF-8 of een NUL-teken).",
					     NULL);
		q += len + (amp ? 1 : 0);
		if (!*key)
			continue;
		const struct param_spec *ps = NULL;
		for (const struct param_spec *p = rt->params; p && p->name; p++)
			if (strcmp(p->name, key) == 0)
				ps = p;
		if (!ps)
			continue; /* undeclared input is dropped */
		if (vlen > MAX_VALUE_BYTES) {
			char msg[160];
			snprintf(msg, sizeof msg, "De waarde van de parameter '%s' is te lang.",
				 ps->name);
			return respond_error(r, 400, "Ongeldige parameter", msg, ps->name);
		}
		if (!*val)
			continue; /* an empty form field means "no filter" */
		int dup = -1;
		for (int i = 0; i < r->n_params; i++)
			if (strcmp(r->params[i].name, ps->name) == 0)
				dup = i;
		if (dup >= 0 && ps->type == PT_LIST) {
			/* a repeated list parameter: append, then check the whole */
			const char *old = r->params[dup].value;
			if (strlen(old) + 1 + strlen(val) > LIST_MAX_BYTES) {
				char msg[200];
				snprintf(msg, sizeof msg,
					 "De parameter '%s' is te lang: hoogstens %d tekens "
					 "samen.",
					 ps->name, LIST_MAX_BYTES);
				return respond_error(r, 400, "Ongeldige parameter", msg, ps->name);
			}
			char *joined = arena_printf(r->arena, "%s,%s", old, val);
			int st = check_param_or_respond(r, ps, joined);
			if (st)
				return st;
			r->params[dup].value = joined;
			continue;
		}
		if (dup >= 0) {
			char msg[160];
			snprintf(msg, sizeof msg, "De parameter '%s' mag maar één keer voorkomen.",
				 ps->name);
			return respond_error(r, 400, "Ongeldige parameter", msg, ps->name);
		}
		int st = check_param_or_respond(r, ps, val);
		if (st)
			return st;
		if (r->n_params == REQ_MAX_PARAMS)
			return respond_error(r, 400, "Ongeldige aanvraag",
					     "Te veel zoekparameters.", NULL);
		r->params[r->n_params].name = ps->name;
		r->params[r->n_params].value = val;
		r->n_params++;
	}
	return 0;
}

/* The access rules installed by router_set_access (NULL: refuse). */
static const struct router_access *access;

void router_set_access(const struct router_access *a)
{
	access = a;
}

int router_dispatch(struct request *r)
{
	unsigned allowed = 0;
	for (int i = 0; i < n_routes; i++) {
		const struct route *rt = &routes[i];
		if (!match(rt->pattern, r->path, r))
			continue;
		if (!(rt->methods & r->method)) {
			allowed |= rt->methods;
			continue;
		}
		r->route = rt;
		int st = router_parse_query_or_respond(r, rt);
		if (st)
			return st;
		if (rt->min_role > USER_ROLE_NONE && !r->user && r->auth_unavailable) {
			/* credentials came, the database could not check them */
			req_header(r, "Retry-After", "5");
			return respond_error(r, 503, "Tijdelijk niet beschikbaar",
					     "Uw aanmelding kan nu niet worden gecontroleerd: de "
					     "database is even niet bereikbaar. Probeer het over "
					     "enkele seconden opnieuw.",
					     NULL);
		}
		if (rt->min_role > USER_ROLE_NONE && !r->user) {
			if (rt->kind == ROUTE_API) {
				req_header(r, "WWW-Authenticate",
					   "Bearer realm=\"samenwerkingsatlas\"");
				return respond_error(r, 401, "Niet aangemeld",
						     "Meld u aan met een persoonlijke API-sleutel "
						     "(Authorization: Bearer ...).",
						     NULL);
			}
			if (r->method & (HTTP_GET | HTTP_HEAD)) {
				struct buf loc = BUF_INIT;
				buf_puts(&loc, "/inloggen?terug=");
				url_arg(&loc, r->path);
				const char *l = arena_strdup(r->arena, loc.data);
				buf_free(&loc);
				return respond_redirect(r, l);
			}
			return respond_error(r, 401, "Niet aangemeld",
					     "Uw sessie is verlopen. Meld u opnieuw aan.", NULL);
		}
		if (rt->min_role > USER_ROLE_NONE &&
		    !(access && access->has_role(r->user, (enum user_role)rt->min_role)))
			return respond_error(r, 403, "Geen toegang",
					     "U hebt geen rechten voor deze handeling.", NULL);
		if ((rt->flags & ROUTE_TOKEN) &&
		    !(access && access->may_write_api(r->user, r->via_token))) {
			req_header(r, "WWW-Authenticate", "Bearer realm=\"samenwerkingsatlas\"");
			return respond_error(
			    r, 401, "Niet aangemeld",
			    "Schrijven via de API kan alleen met een persoonlijke "
			    "API-sleutel (Authorization: Bearer ...). Een sessie van "
			    "de website telt hier niet.",
			    NULL);
		}
		if ((rt->flags & ROUTE_CSRF) && (r->method & ~(HTTP_GET | HTTP_HEAD))) {
			const char *tok = req_form(r, "csrf");
			if (r->form_bad)
				return respond_error(r, 400, "Ongeldig formulier",
						     "Het formulier kon niet worden gelezen.",
						     NULL);
			if (!r->csrf || !tok || strlen(tok) != strlen(r->csrf) ||
			    sodium_memcmp(tok, r->csrf, strlen(tok)) != 0)
				return respond_error(r, 403, "Formulier verlopen",
						     "Het formulier is verlopen of ongeldig. Er is "
						     "niets gewijzigd. Laad de pagina opnieuw en "
						     "probeer het nog eens.",
						     NULL);
		}
		return rt->handler(r);
	}
	if (allowed) {
		/* the error kind follows the first route with this path */
		for (int i = 0; i < n_routes; i++)
			if (match(routes[i].pattern, r->path, r)) {
				r->route = &routes[i];
				break;
			}
		req_header(r, "Allow", method_list(allowed, r->arena));
		char msg[160];
		snprintf(msg, sizeof msg, "Deze methode is hier niet toegestaan. Toegestaan: %s.",
			 method_list(allowed, r->arena));
		return respond_error(r, 405, "Methode niet toegestaan", msg, NULL);
	}
	r->route = NULL;
	return respond_not_found(r);
}
