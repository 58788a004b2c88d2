/*
 * api_write — create, change and end collaborations and participations
 * through the API (see api_write.h for the routes and rules).
 *
 * Order of checks per request: personal API token (401) → record exists
 * (404) → per-object permission (403) → If-Match present (428) → body is a
 * JSON object with known fields of the right JSON types (400/415) → the
 * store validates values and versions in one transaction (400 with every
 * invalid field / 412 when the version is stale). Nothing is written on any
 * error. After a successful write the server's snapshot is rebuilt and the
 * reply carries the record as GET shows it, with its new ETag.
 */
#include "api_write.h"
#include "api_body.h"
#include "api_common.h"
#include "../app/accounts.h"
#include "../app/policy.h"
#include "../domain/snapshot.h"
#include "../http/router.h"
#include "../app/readmodel.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/html.h"
#include "../store/store_write.h"

#include <stdio.h>
#include <string.h>

#define COLLAB_PATH API_BASE "/samenwerkingsverbanden"

/* ---- ETags and If-Match --------------------------------------------------- */

const char *api_collab_etag(struct request *r, const struct collaboration *c)
{
	/* record version for If-Match, plus the snapshot's tag: the reply also
	 * shows participants and date-dependent status, which change without a
	 * new record version; a 304 must never hide such a change */
	return arena_printf(r->arena, "\"c%lld-v%lld-%.*s\"", (long long)c->id,
			    (long long)c->version, (int)strlen(r->snap->etag) - 2,
			    r->snap->etag + 1);
}

const char *api_part_etag(struct request *r, const struct participation *p)
{
	return arena_printf(r->arena, "\"p%lld-v%lld-%.*s\"", (long long)p->id,
			    (long long)p->version, (int)strlen(r->snap->etag) - 2,
			    r->snap->etag + 1);
}

/*
 * Find the version the client claims in If-Match for record kind/id:
 * accepts a list of entity tags, W/ prefixes and the "-gz" suffix the
 * server adds to compressed replies; "*" means the current version.
 * Returns 1 (found, *version set), 0 (no tag for this record) or -1
 * (header missing).
 */
static int if_match_version(const struct request *r, char kind, int64_t id, int64_t current,
			    int64_t *version)
{
	const char *h = r->if_match;
	if (!h)
		return -1;
	const char *p = h;
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		if (!*p)
			break;
		size_t len = strcspn(p, ",");
		char tag[160];
		if (len < sizeof tag) {
			memcpy(tag, p, len);
			tag[len] = '\0';
			while (len > 0 && (tag[len - 1] == ' ' || tag[len - 1] == '\t'))
				tag[--len] = '\0';
			const char *t = tag;
			if (strcmp(t, "*") == 0) {
				*version = current;
				return 1;
			}
			if (strncmp(t, "W/", 2) == 0)
				t += 2;
			char k;
			long long tid, tv;
			int used = 0;
			if (sscanf(t, "\"%c%lld-v%lld%n", &k, &tid, &tv, &used) == 3 && used > 0 &&
			    (strcmp(t + used, "\"") == 0 || strcmp(t + used, "-gz\"") == 0 ||
			     strncmp(t + used, "-v", 2) == 0) &&
			    k == kind && tid == id && tv >= 0) {
				*version = tv;
				return 1;
			}
		}
		p += len;
	}
	return 0;
}

/* 412 with the current version in the detail and an ETag header. */
static int precondition_failed(struct request *r, const char *etag, int64_t version)
{
	req_header(r, "ETag", etag);
	return respond_error(
	    r, 412, "Versie verouderd",
	    arena_printf(r->arena,
			 "Het record is intussen gewijzigd: de huidige versie is %lld (ETag %s). "
			 "Haal het opnieuw op, verwerk uw wijziging en stuur die ETag mee in "
			 "If-Match. Er is niets gewijzigd.",
			 (long long)version, etag),
	    NULL);
}

/* 0 and *expected, or the status of the 428/412 reply. */
static int if_match_or_respond(struct request *r, char kind, int64_t id, int64_t current,
			       const char *etag, int64_t *expected)
{
	int rc = if_match_version(r, kind, id, current, expected);
	if (rc < 0)
		return respond_error(r, 428, "If-Match ontbreekt",
				     "Wijzigen kan alleen met de ETag van de versie die u hebt "
				     "opgehaald, in de header If-Match. Er is niets gewijzigd.",
				     NULL);
	if (rc == 0 || *expected != current)
		return precondition_failed(r, etag, current);
	return 0;
}

/* ---- authentication ------------------------------------------------------- */

static int forbidden(struct request *r)
{
	return respond_error(r, 403, "Geen toegang",
			     "U mag dit record niet wijzigen: een redacteur van een "
			     "partnerorganisatie wijzigt alleen de gegevens van de eigen "
			     "organisatie en de samenwerkingsverbanden waarvan die penvoerder of "
			     "centrumgemeente is. Er is niets gewijzigd.",
			     NULL);
}

/* ---- problem replies with every invalid field ------------------------------ */

static int respond_invalid(struct request *r, const struct field_errors *e, const char *detail)
{
	struct problem_param *p = arena_calloc(r->arena, (size_t)e->n + 1, sizeof *p);
	for (int i = 0; p && i < e->n; i++)
		p[i] = (struct problem_param){e->e[i].field, e->e[i].message};
	return respond_problem(r, 400, "Ongeldige invoer", detail, p, p ? e->n : 0);
}

/* ---- body parsing ---------------------------------------------------------- */

/*
 * Bodies are parsed by api_body.h (a pure function, also run by the fuzz
 * target tests/fuzz/fuzz_json_body.c and tests/unit/test_api_body.c); here
 * only the refusal becomes a reply. Returns 0 when status is 0, else the
 * status of the problem reply sent (400/415; a 400 with field problems
 * lists each in invalidParams).
 */
static int body_or_respond(struct request *r, int status, const struct api_body_error *err)
{
	if (!status)
		return 0;
	if (err->fields.n > 0)
		return respond_invalid(r, &err->fields, err->detail);
	return respond_error(r, status, err->title, err->detail, NULL);
}

static int collab_body_or_respond(struct request *r, struct collab_input *in,
				  enum api_body_mode mode)
{
	struct api_body_error err;
	int st = api_body_collab(r->arena, r->body, r->body_len, r->body_type, mode, in, &err);
	return body_or_respond(r, st, &err);
}

static int part_body_or_respond(struct request *r, struct part_input *in, enum api_body_mode mode,
				bool allow_empty)
{
	struct api_body_error err;
	int st = api_body_part(r->arena, r->body, r->body_len, r->body_type, mode, allow_empty, in,
			       &err);
	return body_or_respond(r, st, &err);
}

/* ---- store results --------------------------------------------------------- */

static int store_failed(struct request *r, int rc, const struct field_errors *e)
{
	if (rc == STORE_ERR_INVALID && e && e->n > 0)
		return respond_invalid(r, e,
				       "Een of meer velden zijn ongeldig. Er is niets gewijzigd.");
	if (rc == STORE_ERR_INVALID)
		return respond_error(r, 400, "Ongeldige invoer",
				     "De invoer is ongeldig. Er is niets gewijzigd.", NULL);
	if (rc == STORE_ERR_NOTFOUND)
		return respond_not_found(r);
	return respond_error(r, 500, "Interne fout",
			     "Het opslaan is mislukt. Er is niets gewijzigd; probeer het later "
			     "nog eens.",
			     NULL);
}

/*
 * The answer to a failed write of a versioned record: 412 with the ETag of
 * the current version (kind 'c' or 'p', id, cur) on a conflict, else
 * store_failed(). e may be NULL.
 */
static int write_failed(struct request *r, int rc, char kind, int64_t id, int64_t cur,
			const struct field_errors *e)
{
	if (rc == STORE_ERR_CONFLICT)
		return precondition_failed(
		    r,
		    arena_printf(r->arena, "\"%c%lld-v%lld\"", kind, (long long)id, (long long)cur),
		    cur);
	return store_failed(r, rc, e);
}

/* Reply with the collaboration as GET shows it (from a fresh snapshot). */
static int reply_collab(struct request *r, int status, const char *key)
{
	app_after_write();
	struct rm_shared *held;
	const struct snapshot *orig = r->snap, *s = readmodel_acquire(&held);
	r->snap = s; /* the reply and its ETag show the state after the write */
	int ci = snapshot_find_collab(s, key);
	struct buf loc = BUF_INIT;
	buf_puts(&loc, COLLAB_PATH "/");
	url_seg(&loc, key);
	if (status == 201)
		req_header(r, "Location", arena_strdup(r->arena, loc.data));
	buf_free(&loc);
	struct jw w;
	api_begin(r, &w);
	r->etag = NULL; /* the per-record ETag goes out as a plain header */
	r->cache_control = "no-store";
	if (ci >= 0) {
		req_header(r, "ETag", api_collab_etag(r, &s->collabs[ci]));
		api_collab_write_detail(&w, s, ci);
	} else {
		jw_obj(&w);
		jw_kstr(&w, "id", key);
		jw_end(&w);
	}
	r->snap = orig;
	rm_shared_release(held);
	return status;
}

static int reply_part(struct request *r, int status, const char *collab_key, int64_t pid)
{
	app_after_write();
	struct rm_shared *held;
	const struct snapshot *orig = r->snap, *s = readmodel_acquire(&held);
	r->snap = s; /* the reply and its ETag show the state after the write */
	int pi = -1;
	for (int i = 0; i < s->n_parts; i++)
		if (s->parts[i].id == pid)
			pi = i;
	struct buf loc = BUF_INIT;
	buf_puts(&loc, COLLAB_PATH "/");
	url_seg(&loc, collab_key);
	buf_printf(&loc, "/deelnemers/%lld", (long long)pid);
	const char *href = arena_strdup(r->arena, loc.data);
	buf_free(&loc);
	if (status == 201)
		req_header(r, "Location", href);
	struct jw w;
	api_begin(r, &w);
	r->etag = NULL;
	r->cache_control = "no-store";
	if (pi >= 0) {
		req_header(r, "ETag", api_part_etag(r, &s->parts[pi]));
		api_collab_write_participant(&w, s, &s->parts[pi]);
	} else {
		jw_obj(&w);
		jw_kint(&w, "id", pid);
		jw_end(&w);
	}
	r->snap = orig;
	rm_shared_release(held);
	return status;
}

/* The collaboration index of path arg 0, or -1. */
static int path_collab(const struct request *r)
{
	return r->n_path_args > 0 ? snapshot_find_collab(r->snap, r->path_args[0]) : -1;
}

/* ---- collaborations -------------------------------------------------------- */

int api_collab_create(struct request *r)
{
	int st;
	if (!policy_may_create_collab(r->user, r->snap))
		return forbidden(r);
	struct collab_input in;
	memset(&in, 0, sizeof in);
	if ((st = collab_body_or_respond(r, &in, API_BODY_CREATE)))
		return st;

	struct write_ctx w;
	char actor[80], today[11], key[128];
	struct field_errors e = {.n = 0};
	accounts_write_ctx(r->user, "api", &w, actor, today);
	/* a partner editor's organisation becomes the penvoerder (as in the web),
	 * in the same transaction as the collaboration */
	struct part_input pin = {.org_code = r->user->org_code,
				 .body = "",
				 .role = "penvoerder",
				 .cost_share = "",
				 .contribution = "",
				 .joined = "",
				 .left = "",
				 .note = ""};
	bool editor = !policy_has_role(r->user, USER_ROLE_STAFF);
	int rc = store_collab_create_with(store_thread(), &w, &in, editor ? &pin : NULL, key,
					  sizeof key, &e);
	if (rc != STORE_OK)
		return store_failed(r, rc, &e);
	return reply_collab(r, 201, key);
}

/*
 * The collaboration of the path that the user may edit, with the version of
 * If-Match: 0 with *ci and *expected set, or the status already answered
 * (404, 403, 428/412).
 */
static int collab_begin_or_respond(struct request *r, int *ci, int64_t *expected)
{
	*ci = path_collab(r);
	if (*ci < 0)
		return respond_not_found(r);
	const struct collaboration *c = &r->snap->collabs[*ci];
	if (!policy_may_edit_collab(r->user, r->snap, *ci))
		return forbidden(r);
	return if_match_or_respond(r, 'c', c->id, c->version, api_collab_etag(r, c), expected);
}

/* PUT and PATCH share everything but the body mode. */
static int collab_update(struct request *r, enum api_body_mode mode)
{
	int ci;
	int64_t expected;
	int st = collab_begin_or_respond(r, &ci, &expected);
	if (st)
		return st;
	const struct collaboration *c = &r->snap->collabs[ci];
	struct collab_input in;
	memset(&in, 0, sizeof in);
	if ((st = collab_body_or_respond(r, &in, mode)))
		return st;

	struct write_ctx w;
	char actor[80], today[11];
	struct field_errors e = {.n = 0};
	int64_t cur = 0;
	accounts_write_ctx(r->user, "api", &w, actor, today);
	int rc = store_collab_update(store_thread(), &w, c->key, expected, &in, &e, &cur);
	if (rc != STORE_OK)
		return write_failed(r, rc, 'c', c->id, cur, &e);
	return reply_collab(r, 200, c->key);
}

int api_collab_put(struct request *r)
{
	return collab_update(r, API_BODY_REPLACE);
}

int api_collab_patch(struct request *r)
{
	return collab_update(r, API_BODY_MERGE);
}

int api_collab_delete(struct request *r)
{
	int ci;
	int64_t expected;
	int st = collab_begin_or_respond(r, &ci, &expected);
	if (st)
		return st;
	const struct collaboration *c = &r->snap->collabs[ci];
	struct write_ctx w;
	char actor[80], today[11];
	int64_t cur = 0;
	accounts_write_ctx(r->user, "api", &w, actor, today);
	int rc = store_collab_end(store_thread(), &w, c->key, expected, &cur);
	if (rc != STORE_OK)
		return write_failed(r, rc, 'c', c->id, cur, NULL);
	return reply_collab(r, 200, c->key);
}

/* ---- participations -------------------------------------------------------- */

const struct param_spec api_part_delete_params[] = {{"uitgetreden", PT_TEXT, 10}, {NULL, 0, 0}};

int api_part_create(struct request *r)
{
	int st;
	int ci = path_collab(r);
	if (ci < 0)
		return respond_not_found(r);
	const struct collaboration *c = &r->snap->collabs[ci];
	struct part_input in;
	memset(&in, 0, sizeof in);
	if ((st = part_body_or_respond(r, &in, API_BODY_CREATE, false)))
		return st;
	/* may edit the collaboration, or adds their own organisation */
	int oi = str_empty(in.org_code) ? -1 : snapshot_find_org(r->snap, in.org_code);
	if (!policy_may_edit_collab(r->user, r->snap, ci) &&
	    !(oi >= 0 && policy_may_edit_org(r->user, r->snap, oi)))
		return forbidden(r);

	struct write_ctx w;
	char actor[80], today[11];
	struct field_errors e = {.n = 0};
	int64_t pid = 0;
	accounts_write_ctx(r->user, "api", &w, actor, today);
	int rc = store_part_create(store_thread(), &w, c->key, &in, &pid, &e);
	if (rc != STORE_OK)
		return store_failed(r, rc, &e);
	return reply_part(r, 201, c->key, pid);
}

/* The participation of the path ({id}/deelnemers/{deelname}), or -1. */
static int path_part(const struct request *r, int ci)
{
	return r->n_path_args > 1 ? snapshot_find_part(r->snap, ci, r->path_args[1]) : -1;
}

int api_part_get(struct request *r)
{
	int ci = path_collab(r);
	int pi = ci >= 0 ? path_part(r, ci) : -1;
	if (pi < 0)
		return respond_not_found(r);
	struct jw w;
	api_begin(r, &w);
	r->etag = api_part_etag(r, &r->snap->parts[pi]);
	api_collab_write_participant(&w, r->snap, &r->snap->parts[pi]);
	return 200;
}

/*
 * Shared start of PATCH/DELETE on a participation: the participation of the
 * path that the user may edit, the version of If-Match and the merged body
 * (allow_empty: an empty body is accepted, as when ending). 0 with *pi,
 * *expected and *in set, or the status already answered.
 */
static int part_begin_or_respond(struct request *r, int *pi, int64_t *expected,
				 struct part_input *in, bool allow_empty)
{
	int ci = path_collab(r);
	*pi = ci >= 0 ? path_part(r, ci) : -1;
	if (*pi < 0)
		return respond_not_found(r);
	const struct participation *p = &r->snap->parts[*pi];
	if (!policy_may_edit_part(r->user, r->snap, *pi))
		return forbidden(r);
	int st = if_match_or_respond(r, 'p', p->id, p->version, api_part_etag(r, p), expected);
	if (st)
		return st;
	memset(in, 0, sizeof *in);
	return part_body_or_respond(r, in, API_BODY_MERGE, allow_empty);
}

int api_part_patch(struct request *r)
{
	int pi;
	int64_t expected;
	struct part_input in;
	int st = part_begin_or_respond(r, &pi, &expected, &in, false);
	if (st)
		return st;
	const struct participation *p = &r->snap->parts[pi];
	struct write_ctx w;
	char actor[80], today[11];
	struct field_errors e = {.n = 0};
	int64_t cur = 0;
	accounts_write_ctx(r->user, "api", &w, actor, today);
	int rc = store_part_update(store_thread(), &w, p->id, expected, &in, &e, &cur);
	if (rc != STORE_OK)
		return write_failed(r, rc, 'p', p->id, cur, &e);
	return reply_part(r, 200, r->snap->collabs[p->collaboration].key, p->id);
}

int api_part_delete(struct request *r)
{
	int pi;
	int64_t expected;
	/* the end date: ?uitgetreden=, or {"uitgetreden": ...} in a body, or today */
	struct part_input in;
	int st = part_begin_or_respond(r, &pi, &expected, &in, true);
	if (st)
		return st;
	const struct participation *p = &r->snap->parts[pi];
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "api", &w, actor, today);
	const char *left = req_param(r, "uitgetreden");
	if (str_empty(left))
		left = !str_empty(in.left) ? in.left : today;
	struct field_errors e = {.n = 0};
	int64_t cur = 0;
	int rc = store_part_end(store_thread(), &w, p->id, expected, left, &e, &cur);
	if (rc != STORE_OK)
		return write_failed(r, rc, 'p', p->id, cur, &e);
	return reply_part(r, 200, r->snap->collabs[p->collaboration].key, p->id);
}
