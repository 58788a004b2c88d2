/*
 * api_common — helpers shared by the API handlers in src/api/: the HAL-style
 * "_links" objects, pagination blocks, query-string building for links that
 * keep the caller's filters, and the small JSON fragments that several
 * resources repeat (source, organisation and collaboration references).
 *
 * Private to src/api/. Everything writes through the streaming JSON writer
 * (render/json.h); nothing here allocates beyond the request arena.
 */
#ifndef ATLAS_API_COMMON_H
#define ATLAS_API_COMMON_H

#include "../domain/labels.h"
#include "../domain/records.h"
#include "../http/request.h"
#include "../render/json.h"

#include <jansson.h>
#include <stdbool.h>

/*
 * ?peildatum=: when the request names a date, point r->snap at the registry
 * as it was on that date (released with the request's arena) and set *dated
 * (may be NULL). Returns 0, or the status of the problem reply it wrote (400
 * for a bad or future date, 500 when the dated snapshot cannot be loaded).
 */
int api_at_date(struct request *r, bool *dated);

#define API_BASE "/api/v1"

/*
 * Start a JSON reply: init w on r->out, set the content type and ETag of
 * the current snapshot.
 */
void api_begin(struct request *r, struct jw *w);

/* api_begin for module data read per request: no ETag, never stored
 * (Cache-Control: no-store). */
void api_begin_private(struct request *r, struct jw *w);

/* The user of an API token, never a web session's (API rule): NULL when
 * the request came without a token. */
const struct user *api_token_user(const struct request *r);

/* Path argument i as a record id (1 .. 2^31-1); false when absent or not
 * such a number. */
bool api_path_id(const struct request *r, int i, int64_t *id);

/* The api value of entry idx of a label table, or NULL (JSON null) when idx
 * is the table's "unknown" entry (an empty db code) or out of range. */
const char *api_value(const struct label *t, int n, int idx);

/* Write "_links":{"self":{"href":href}} as a member of the open object. */
void api_links_self(struct jw *w, const char *href);
/* Write "name":{"href":href} as a member of the open (_links) object. */
void api_link(struct jw *w, const char *name, const char *href);

/*
 * Build "path?k1=v1&k2=v2&pagina=N" into the request arena: for each key of
 * keys (NULL-terminated) with a value in r, the key and its URL-encoded value,
 * except "pagina", which is replaced by page (omitted when page < 1).
 * Returns the arena string.
 */
const char *api_page_href(struct request *r, const char *path, const char *const *keys, long page);

/*
 * Write the pagination members of a list reply into the open object:
 * "_links" (self, first, last, prev, next — prev/next only when they exist),
 * "totaal", "pagina", "paginaGrootte", "aantalPaginas". Links keep the
 * request's parameters named in keys.
 */
void api_paging(struct request *r, struct jw *w, const char *path, const char *const *keys,
		long page, long page_size, long total);

/* Full source object ({id,titel,uitgever,url,licentie,naamsvermelding,
 * peildatum}) as the value of key, or null when idx < 0. */
void api_source(struct jw *w, const struct snapshot *s, const char *key, int idx);

/*
 * Write key:"prefix<seg>suffix" where seg is percent-encoded as one URL path
 * segment. prefix and suffix (may be NULL) must be literals from our code
 * without characters JSON would escape (", \, <, >, &, control bytes).
 */
void api_khref(struct jw *w, const char *key, const char *prefix, const char *seg,
	       const char *suffix);
/* Write "_links":{"self":{"href":"prefix<seg>"}} (see api_khref). */
void api_links_self_seg(struct jw *w, const char *prefix, const char *seg);

/* {code,naam,_links} of organisation idx as the value of key (null if < 0). */
void api_org_ref(struct jw *w, const struct snapshot *s, const char *key, int idx);

/* True when organisation o has ended (flag set, or valid_to not after today). */
bool api_org_ended(const struct snapshot *s, const struct organisation *o);

/* Parse an optional page or page-size parameter already checked by the
 * router; returns false (and the caller answers 400) when out of range. */
bool api_param_long(const struct request *r, const char *name, long min, long max, long *out);

/* Start a GeoJSON reply in r->out: content type application/geo+json, the
 * snapshot's ETag, and the opened collection {"type":"FeatureCollection"
 * (the caller writes the other members and closes it). */
void api_geojson_begin(struct request *r, struct jw *w);

/* Open one feature in w (writing into out): {"type":"Feature","id":id,
 * "geometry":geometry, where geometry is trusted compact JSON (io/geo.h)
 * or NULL for null. The caller writes "properties" and closes it. */
void api_geojson_feature(struct jw *w, struct buf *out, const char *id, const char *geometry);

/* ---- JSON request bodies and their errors (the module APIs share these) ---- */

/* 503 "Niet beschikbaar" with Retry-After when the database is unreachable. */
int api_store_down(struct request *r);

/* 400 "Ongeldige invoer" with one invalidParams entry per error in e. */
int api_invalid(struct request *r, const struct field_errors *e, const char *detail);

/* A member of a JSON object that must be a string (or absent/null: *out
 * NULL); false with an error for key in e when it is another type. */
bool api_str_member(json_t *o, const char *key, const char **out, struct field_errors *e);

/* Parse the body as a JSON object (Content-Type application/json): 0 with
 * *root (freed with the request's arena), or the status of the problem
 * reply already sent (415, 400). */
int api_json_body_or_respond(struct request *r, json_t **root);

/* An array member of strings (absent/null: none): up to max of them into
 * out (borrowed from o); returns how many there are (may exceed max, so the
 * caller can refuse too many). A wrong type adds an error for key to e. */
int api_str_array(json_t *o, const char *key, const char **out, int max, struct field_errors *e);

/* Adds an error for "body" to e for every member of o not in known[0..n). */
void api_unknown_members(json_t *o, const char *const *known, size_t n, struct field_errors *e);

#endif
