/*
 * respond — request helpers and the one error renderer: an HTML page for
 * page routes, RFC 9457 problem+json for API routes (chosen by the route's
 * kind, or by the /api/ prefix when no route matched).
 */
#include "request.h"
#include "form.h"
#include "multipart.h"
#include "router.h"
#include "../render/json.h"
#include "../render/layout.h"
#include "../lib/text.h"

#include <string.h>

const char *req_param(const struct request *r, const char *name)
{
	for (int i = 0; i < r->n_params; i++)
		if (strcmp(r->params[i].name, name) == 0)
			return r->params[i].value;
	return NULL;
}

void req_header(struct request *r, const char *name, const char *value)
{
	if (r->n_headers == REQ_MAX_HEADERS)
		return;
	r->headers[r->n_headers].name = name;
	r->headers[r->n_headers].value = value;
	r->n_headers++;
}

static bool is_api(const struct request *r)
{
	if (r->route)
		return r->route->kind == ROUTE_API;
	return strncmp(r->path ? r->path : "", "/api/", 5) == 0;
}

int respond_problem(struct request *r, int status, const char *title, const char *detail,
		    const struct problem_param *params, int n)
{
	buf_reset(&r->out);
	r->etag = NULL;
	r->static_body = NULL;
	r->cache_control = "no-store";
	if (is_api(r)) {
		struct jw w;
		jw_init(&w, &r->out);
		jw_obj(&w);
		jw_kstr(&w, "type", "about:blank");
		jw_kstr(&w, "title", title);
		jw_kint(&w, "status", status);
		jw_kstr(&w, "detail", detail);
		jw_kstr(&w, "instance", r->path);
		if (n > 0) {
			jw_key(&w, "invalidParams");
			jw_arr(&w);
			for (int i = 0; i < n; i++) {
				jw_obj(&w);
				jw_kstr(&w, "name", params[i].name);
				jw_kstr(&w, "reason", params[i].reason);
				jw_end(&w);
			}
			jw_end(&w);
		}
		jw_end(&w);
		r->content_type = "application/problem+json";
	} else {
		layout_error_page(&r->out, status, title, detail);
		r->content_type = "text/html; charset=utf-8";
	}
	return status;
}

int respond_error(struct request *r, int status, const char *title, const char *detail,
		  const char *param)
{
	const struct problem_param p = {param, detail};
	return respond_problem(r, status, title, detail, &p, param ? 1 : 0);
}

int respond_not_found(struct request *r)
{
	return respond_error(r, 404, "Niet gevonden",
			     is_api(r) ? "Deze bron bestaat niet."
				       : "De pagina die u zocht bestaat niet (meer). Controleer "
					 "het adres of zoek in de atlas.",
			     NULL);
}

/* Parse the form body once into r->form. */
static void parse_form(struct request *r)
{
	r->form_parsed = true;
	if (!r->body || !r->body_len)
		return;
	const char *boundary = multipart_boundary(r->arena, r->body_type);
	if (boundary) {
		if (multipart_parse(r->arena, r->body, r->body_len, boundary, &r->form, &r->n_form,
				    &r->files, &r->n_files) != 0)
			r->form_bad = true;
		return;
	}
	if (r->body_type && strncmp(r->body_type, "application/x-www-form-urlencoded", 33) != 0) {
		r->form_bad = true;
		return;
	}
	if (form_decode(r->arena, r->body, r->body_len, &r->form, &r->n_form) != 0)
		r->form_bad = true;
}

const char *req_form(struct request *r, const char *name)
{
	if (!r->form_parsed)
		parse_form(r);
	for (int i = 0; i < r->n_form; i++)
		if (strcmp(r->form[i].name, name) == 0)
			return r->form[i].value;
	return NULL;
}

int req_form_all(struct request *r, const char *name, const char **vals, int max)
{
	if (!r->form_parsed)
		parse_form(r);
	int n = 0;
	for (int i = 0; i < r->n_form && n < max; i++)
		if (strcmp(r->form[i].name, name) == 0)
			vals[n++] = r->form[i].value;
	return n;
}

int req_files(struct request *r, const char *name, const struct upload **out, int max)
{
	if (!r->form_parsed)
		parse_form(r);
	int n = 0;
	for (int i = 0; i < r->n_files && n < max; i++) {
		const struct upload *u = &r->files[i];
		if (name && strcmp(u->name, name) != 0)
			continue;
		if (!*u->filename && u->len == 0)
			continue;
		out[n++] = u;
	}
	return n;
}

int respond_redirect(struct request *r, const char *location)
{
	if (!location || location[0] != '/' || location[1] == '/' || location[1] == '\\' ||
	    strpbrk(location, "\r\n"))
		location = "/";
	buf_reset(&r->out);
	r->etag = NULL;
	r->cache_control = "no-store";
	req_header(r, "Location", arena_strdup(r->arena, location));
	return 303;
}
