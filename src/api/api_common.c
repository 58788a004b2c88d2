/*
 * api_common — see api_common.h.
 */
#include "api_common.h"
#include "../lib/text.h"
#include "../render/html.h"
#include "../app/readmodel.h"
#include "../lib/arena.h"

#include <string.h>
#include <strings.h>

void api_begin(struct request *r, struct jw *w)
{
	jw_init(w, &r->out);
	r->content_type = "application/json";
	r->etag = r->snap->etag;
}

void api_begin_private(struct request *r, struct jw *w)
{
	r->cache_control = "no-store";
	api_begin(r, w);
	r->etag = NULL;
}

const struct user *api_token_user(const struct request *r)
{
	return r->via_token ? r->user : NULL;
}

bool api_path_id(const struct request *r, int i, int64_t *id)
{
	long v;
	if (r->n_path_args <= i || !parse_long(r->path_args[i], 1, 0x7fffffffL, &v))
		return false;
	*id = v;
	return true;
}

const char *api_value(const struct label *t, int n, int idx)
{
	if (idx < 0 || idx >= n || t[idx].db[0] == '\0')
		return NULL;
	return t[idx].api;
}

void api_link(struct jw *w, const char *name, const char *href)
{
	jw_key(w, name);
	jw_obj(w);
	jw_kstr(w, "href", href);
	jw_end(w);
}

void api_links_self(struct jw *w, const char *href)
{
	jw_key(w, "_links");
	jw_obj(w);
	api_link(w, "self", href);
	jw_end(w);
}

const char *api_page_href(struct request *r, const char *path, const char *const *keys, long page)
{
	struct buf b = BUF_INIT;
	char sep = '?';
	buf_puts(&b, path);
	for (int i = 0; keys[i]; i++) {
		if (strcmp(keys[i], "pagina") == 0)
			continue;
		const char *v = req_param(r, keys[i]);
		if (!v)
			continue;
		buf_putc(&b, sep);
		url_arg(&b, keys[i]);
		buf_putc(&b, '=');
		url_arg(&b, v);
		sep = '&';
	}
	if (page >= 1)
		buf_printf(&b, "%cpagina=%ld", sep, page);
	const char *s = arena_strndup(r->arena, b.data ? b.data : "", b.len);
	buf_free(&b);
	return s;
}

void api_paging(struct request *r, struct jw *w, const char *path, const char *const *keys,
		long page, long page_size, long total)
{
	long pages = (total + page_size - 1) / page_size;
	long last = pages > 0 ? pages : 1;

	jw_key(w, "_links");
	jw_obj(w);
	api_link(w, "self", api_page_href(r, path, keys, page));
	api_link(w, "first", api_page_href(r, path, keys, 1));
	if (page > 1)
		api_link(w, "prev",
			 api_page_href(r, path, keys, page - 1 < last ? page - 1 : last));
	if (page < pages)
		api_link(w, "next", api_page_href(r, path, keys, page + 1));
	api_link(w, "last", api_page_href(r, path, keys, last));
	jw_end(w);
	jw_kint(w, "totaal", total);
	jw_kint(w, "pagina", page);
	jw_kint(w, "paginaGrootte", page_size);
	jw_kint(w, "aantalPaginas", pages);
}

void api_source(struct jw *w, const struct snapshot *s, const char *key, int idx)
{
	jw_key(w, key);
	if (idx < 0 || idx >= s->n_sources) {
		jw_null(w);
		return;
	}
	const struct source *src = &s->sources[idx];
	jw_obj(w);
	jw_kstr(w, "id", src->key);
	jw_kstr(w, "titel", src->title);
	jw_kstr(w, "uitgever", src->publisher);
	jw_kstr(w, "url", src->url);
	jw_kstr(w, "licentie", src->licence);
	jw_kstr(w, "naamsvermelding", src->attribution);
	jw_kstr(w, "peildatum", src->reference_date);
	jw_end(w);
}

void api_khref(struct jw *w, const char *key, const char *prefix, const char *seg,
	       const char *suffix)
{
	jw_key(w, key);
	/* Write the string in place instead of building it first: prefix is a
	 * literal from our code (so is suffix) and url_seg only emits [A-Za-z0-9._~%-], so
	 * neither needs JSON escaping. This keeps list replies allocation-free. */
	w->after_key = false;
	buf_putc(w->b, '"');
	buf_puts(w->b, prefix);
	url_seg(w->b, seg);
	if (suffix)
		buf_puts(w->b, suffix);
	buf_putc(w->b, '"');
}

void api_links_self_seg(struct jw *w, const char *prefix, const char *seg)
{
	jw_key(w, "_links");
	jw_obj(w);
	jw_key(w, "self");
	jw_obj(w);
	api_khref(w, "href", prefix, seg, NULL);
	jw_end(w);
	jw_end(w);
}

void api_org_ref(struct jw *w, const struct snapshot *s, const char *key, int idx)
{
	jw_key(w, key);
	if (idx < 0 || idx >= s->n_orgs) {
		jw_null(w);
		return;
	}
	const struct organisation *o = &s->orgs[idx];
	jw_obj(w);
	jw_kstr(w, "code", o->code);
	jw_kstr(w, "naam", o->name);
	api_links_self_seg(w, API_BASE "/organisaties/", o->code);
	jw_end(w);
}

bool api_org_ended(const struct snapshot *s, const struct organisation *o)
{
	if (o->ended)
		return true;
	return !str_empty(o->valid_to) && strcmp(o->valid_to, s->today) <= 0;
}

bool api_param_long(const struct request *r, const char *name, long min, long max, long *out)
{
	const char *v = req_param(r, name);
	if (!v)
		return true;
	return parse_long(v, min, max, out);
}

void api_geojson_begin(struct request *r, struct jw *w)
{
	jw_init(w, &r->out);
	r->content_type = "application/geo+json";
	r->etag = r->snap->etag;
	jw_obj(w);
	jw_kstr(w, "type", "FeatureCollection");
}

void api_geojson_feature(struct jw *w, struct buf *out, const char *id, const char *geometry)
{
	jw_obj(w);
	jw_kstr(w, "type", "Feature");
	jw_kstr(w, "id", id);
	jw_key(w, "geometry");
	if (geometry) {
		buf_puts(out, geometry); /* trusted compact JSON made by jansson at startup */
		w->after_key = false;
	} else {
		jw_null(w);
	}
}

int api_at_date(struct request *r, bool *dated)
{
	const char *date = req_param(r, "peildatum");
	if (dated)
		*dated = !str_empty(date);
	if (str_empty(date))
		return 0;
	const struct snapshot *at;
	struct rm_shared *held;
	const char *problem;
	int rc = readmodel_at(r->snap, date, &at, &held, &problem);
	if (rc == READMODEL_ERR_LOAD)
		return respond_error(r, 500, "Interne fout", problem, NULL);
	if (rc != 0)
		return respond_error(r, 400, "Ongeldige parameter", problem, "peildatum");
	arena_on_free(r->arena, rm_shared_release_cb, held);
	r->snap = at;
	return 0;
}

/* ---- JSON request bodies ------------------------------------------------------ */

int api_store_down(struct request *r)
{
	req_header(r, "Retry-After", "5");
	return respond_error(r, 503, "Niet beschikbaar",
			     "De database is even niet bereikbaar. Er is niets opgeslagen.", NULL);
}

int api_invalid(struct request *r, const struct field_errors *e, const char *detail)
{
	struct problem_param *p = arena_calloc(r->arena, (size_t)e->n + 1, sizeof *p);
	for (int i = 0; i < e->n; i++)
		p[i] = (struct problem_param){e->e[i].field, e->e[i].message};
	return respond_problem(r, 400, "Ongeldige invoer", detail, p, e->n);
}

bool api_str_member(json_t *o, const char *key, const char **out, struct field_errors *e)
{
	json_t *v = json_object_get(o, key);
	*out = NULL;
	if (!v || json_is_null(v))
		return true;
	if (!json_is_string(v)) {
		field_errors_add(e, key, "Dit veld moet tekst zijn.");
		return false;
	}
	*out = json_string_value(v);
	return true;
}

static void decref(void *p)
{
	json_decref(p);
}

int api_json_body_or_respond(struct request *r, json_t **root)
{
	const char *ct = r->body_type ? r->body_type : "";
	size_t ctl = strcspn(ct, "; ");
	if (!(ctl == 16 && strncasecmp(ct, "application/json", 16) == 0))
		return respond_error(r, 415, "Onbekend formaat",
				     "Stuur JSON (Content-Type: application/json).", NULL);
	if (!r->body || !r->body_len)
		return respond_error(r, 400, "Geen invoer", "Stuur een JSON-object.", NULL);
	json_error_t err;
	json_t *j = json_loadb(r->body, r->body_len, JSON_REJECT_DUPLICATES, &err);
	if (!j)
		return respond_error(r, 400, "Ongeldige JSON",
				     arena_printf(r->arena,
						  "Regel %d, kolom %d: de invoer is geen "
						  "geldige JSON.",
						  err.line, err.column),
				     NULL);
	arena_on_free(r->arena, decref, j);
	if (!json_is_object(j))
		return respond_error(r, 400, "Ongeldige invoer", "Stuur een JSON-object.", NULL);
	*root = j;
	return 0;
}

void api_unknown_members(json_t *o, const char *const *known, size_t n, struct field_errors *e)
{
	const char *k;
	json_t *v;
	json_object_foreach(o, k, v)
	{
		bool ok = false;
		for (size_t i = 0; i < n && !ok; i++)
			ok = strcmp(k, known[i]) == 0;
		if (!ok)
			field_errors_add(e, "body", "Onbekend veld in de invoer.");
	}
}

int api_str_array(json_t *o, const char *key, const char **out, int max, struct field_errors *e)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_array(v)) {
		field_errors_add(e, key, "Geef een lijst van sleutels of codes.");
		return 0;
	}
	int n = 0;
	size_t i;
	json_t *x;
	json_array_foreach(v, i, x)
	{
		if (!json_is_string(x)) {
			field_errors_add(e, key, "Geef een lijst van sleutels of codes (tekst).");
			return 0;
		}
		if (n < max)
			out[n] = json_string_value(x);
		n++;
	}
	return n;
}
