/*
 * api_toezicht — IBT through the API; see api_toezicht.h.
 */
#include "api_toezicht.h"
#include "api_common.h"
#include "../app/toezicht.h"
#include "../domain/snapshot.h"
#include "../io/geo.h"
#include "../lib/text.h"
#include "../render/json.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#define PATH API_BASE "/toezicht"
#define INVALID "De invoer klopt niet. Er is niets opgeslagen."

static int refuse(struct request *r, enum ibt_outcome o, const struct field_errors *e)
{
	switch (o) {
	case IBT_INVALID:
		return api_invalid(r, e, INVALID);
	case IBT_NOTFOUND:
		return respond_not_found(r);
	case IBT_FORBIDDEN:
		return respond_error(r, 403, "Geen toegang", toezicht_message(o), NULL);
	case IBT_STALE:
		return respond_error(r, 409, "Conflict", toezicht_message(o), NULL);
	default:
		return api_store_down(r);
	}
}

static void label_json(struct jw *w, const struct ibt_label *l)
{
	jw_obj(w);
	jw_kint(w, "niveau", l->level);
	jw_kstr(w, "naam", l->name);
	jw_kstr(w, "kleur", l->colour);
	jw_kstr(w, "patroon", l->pattern);
	jw_kstr(w, "patroonNaam", ibt_pattern_name(ibt_pattern_from(l->pattern)));
	jw_end(w);
}

static void domain_json(struct jw *w, const struct ibt_domain_row *d)
{
	jw_obj(w);
	jw_kstr(w, "sleutel", d->key);
	jw_kstr(w, "naam", d->name);
	jw_kint(w, "geldigVanaf", d->valid_from);
	jw_key(w, "geldigTot");
	if (d->valid_to)
		jw_int(w, d->valid_to);
	else
		jw_null(w);
	jw_key(w, "soorten");
	jw_arr(w);
	for (const char *p = d->org_kinds; *p;) {
		const char *end = strchr(p, ';');
		char k[64];
		snprintf(k, sizeof k, "%.*s", (int)(end ? end - p : (long)strlen(p)), p);
		jw_str(w, k);
		if (!end)
			break;
		p = end + 1;
	}
	jw_end(w);
	jw_kstr(w, "bron", *d->source_url ? d->source_url : NULL);
	jw_key(w, "labels");
	jw_arr(w);
	for (int i = 0; i < d->n_labels; i++)
		label_json(w, &d->labels[i]);
	jw_end(w);
	jw_end(w);
}

int api_toezicht_domains(struct request *r)
{
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	struct ibt_domain_row *d;
	int n;
	if (toezicht_domains(s, r->arena, &d, &n) != IBT_OK)
		return api_store_down(r);
	struct jw w;
	api_begin_private(r, &w);
	jw_obj(&w);
	api_links_self(&w, PATH "/domeinen");
	jw_kint(&w, "totaal", n);
	jw_key(&w, "domeinen");
	jw_arr(&w);
	for (int i = 0; i < n; i++)
		domain_json(&w, &d[i]);
	jw_end(&w);
	jw_end(&w);
	return 200;
}

static void links_json(struct jw *w, const char *links)
{
	jw_key(w, "bronnen");
	jw_arr(w);
	for (const char *p = links ? links : ""; *p;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		while (len && (p[len - 1] == '\r' || p[len - 1] == ' '))
			len--;
		if (len) {
			char one[2048];
			snprintf(one, sizeof one, "%.*s", (int)len, p);
			jw_str(w, one);
		}
		if (!end)
			break;
		p = end + 1;
	}
	jw_end(w);
}

static void assessment_json(struct request *r, struct jw *w, const struct ibt_assessment_row *a,
			    const struct ibt_domain_row *d, const struct ibt_response_row *resp,
			    int nr)
{
	int oi = snapshot_find_org(r->snap, a->org_code);
	const struct ibt_label *l = toezicht_label(d, a->level);
	const struct ibt_label *own = toezicht_label(d, a->own_level);
	jw_obj(w);
	jw_kint(w, "id", a->id);
	jw_kstr(w, "organisatie", a->org_code);
	jw_kstr(w, "organisatieNaam", oi >= 0 ? r->snap->orgs[oi].name : a->org_code);
	jw_kstr(w, "domein", a->domain_key);
	jw_kint(w, "jaar", a->year);
	jw_kint(w, "niveau", a->level);
	jw_kstr(w, "oordeel", l ? l->name : NULL);
	jw_key(w, "eigenOordeel");
	if (a->own_level)
		jw_int(w, a->own_level);
	else
		jw_null(w);
	jw_kstr(w, "eigenOordeelNaam", own ? own->name : NULL);
	jw_kstr(w, "motivering", *a->motivation ? a->motivation : NULL);
	links_json(w, a->links);
	jw_kstr(w, "beoordeeldDoor", a->assessor);
	jw_kstr(w, "beoordeeldOp", a->assessed_on);
	jw_kstr(w, "status", ibt_status_api(a->status));
	jw_kstr(w, "vastgesteldOp", *a->established_on ? a->established_on : NULL);
	if (resp) {
		jw_key(w, "reacties");
		jw_arr(w);
		for (int i = 0; i < nr; i++) {
			jw_obj(w);
			jw_kstr(w, "door", resp[i].author);
			jw_kstr(w, "tekst", resp[i].body);
			jw_kstr(w, "op", resp[i].created_at);
			jw_end(w);
		}
		jw_end(w);
	}
	api_khref(w, "href", PATH "/beoordelingen/",
		  arena_printf(r->arena, "%lld", (long long)a->id), NULL);
	jw_end(w);
}

int api_toezicht_list(struct request *r)
{
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	struct ibt_query q = {.domain = req_param(r, "domein"),
			      .year = req_param(r, "jaar"),
			      .org = req_param(r, "organisatie"),
			      .status = req_param(r, "status")};
	struct field_errors e = {0};
	struct ibt_assessment_row *rows;
	int n;
	enum ibt_outcome o =
	    toezicht_list(s, r->arena, r->snap, api_token_user(r), &q, &rows, &n, &e);
	if (o == IBT_INVALID)
		return api_invalid(r, &e, "De filters kloppen niet.");
	if (o != IBT_OK)
		return refuse(r, o, &e);
	struct ibt_domain_row *d;
	int nd;
	if (toezicht_domains(s, r->arena, &d, &nd) != IBT_OK)
		return api_store_down(r);
	struct jw w;
	api_begin_private(r, &w);
	jw_obj(&w);
	api_links_self(&w, PATH "/beoordelingen");
	jw_kint(&w, "totaal", n);
	jw_key(&w, "beoordelingen");
	jw_arr(&w);
	for (int i = 0; i < n; i++)
		assessment_json(r, &w, &rows[i], toezicht_domain_by_id(d, nd, rows[i].domain_id),
				NULL, 0);
	jw_end(&w);
	jw_end(&w);
	return 200;
}

static int reply_one(struct request *r, struct store *s, int64_t id, int status)
{
	struct ibt_assessment_row a;
	struct ibt_response_row *resp;
	int nr;
	enum ibt_outcome o = toezicht_get(s, r->arena, api_token_user(r), id, &a, &resp, &nr);
	if (o != IBT_OK)
		return refuse(r, o, NULL);
	struct ibt_domain_row *d;
	int nd;
	if (toezicht_domains(s, r->arena, &d, &nd) != IBT_OK)
		return api_store_down(r);
	if (status == 201)
		req_header(r, "Location",
			   arena_printf(r->arena, PATH "/beoordelingen/%lld", (long long)id));
	struct jw w;
	api_begin_private(r, &w);
	assessment_json(r, &w, &a, toezicht_domain_by_id(d, nd, a.domain_id), resp, nr);
	return status;
}

int api_toezicht_show(struct request *r)
{
	int64_t id;
	if (!api_path_id(r, 0, &id))
		return respond_not_found(r);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	return reply_one(r, s, id, 200);
}

/* An integer or string member as text (absent or null: ""). */
static const char *text_member(struct request *r, json_t *o, const char *key,
			       struct field_errors *e)
{
	json_t *x = json_object_get(o, key);
	if (!x || json_is_null(x))
		return "";
	if (json_is_integer(x))
		return arena_printf(r->arena, "%lld", (long long)json_integer_value(x));
	const char *v = NULL;
	if (api_str_member(o, key, &v, e) && v)
		return v;
	return "";
}

static const char *const KNOWN[] = {"organisatie",  "domein",	  "jaar",    "niveau",
				    "eigenOordeel", "motivering", "bronnen", "beoordeeldOp"};

int api_toezicht_create(struct request *r)
{
	json_t *o;
	int st = api_json_body_or_respond(r, &o);
	if (st)
		return st;
	struct field_errors e = {0};
	struct ibt_assessment_input in = {
	    .org = text_member(r, o, "organisatie", &e),
	    .domain = text_member(r, o, "domein", &e),
	    .year = text_member(r, o, "jaar", &e),
	    .level = text_member(r, o, "niveau", &e),
	    .own_level = text_member(r, o, "eigenOordeel", &e),
	    .motivation = text_member(r, o, "motivering", &e),
	    .assessed_on = text_member(r, o, "beoordeeldOp", &e),
	};
	const char *links[IBT_LINKS_MAX + 1];
	int nl = json_object_get(o, "bronnen")
		     ? api_str_array(o, "bronnen", links, IBT_LINKS_MAX + 1, &e)
		     : 0;
	if (nl > IBT_LINKS_MAX) {
		field_errors_add(&e, "bronnen", "Geef ten hoogste %d links.", IBT_LINKS_MAX);
		nl = 0;
	}
	struct buf lb = BUF_INIT;
	for (int i = 0; i < nl; i++)
		buf_printf(&lb, "%s%s", i ? "\n" : "",
			   strchr(links[i], '\n') || !*links[i] ? "-" : links[i]);
	in.links = arena_strdup(r->arena, lb.data ? lb.data : "");
	buf_free(&lb);
	api_unknown_members(o, KNOWN, sizeof KNOWN / sizeof KNOWN[0], &e);
	if (e.n)
		return api_invalid(r, &e, INVALID);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int64_t id = 0;
	enum ibt_outcome out =
	    toezicht_create(s, r->arena, r->snap, api_token_user(r), "api", &in, &e, &id);
	if (out != IBT_OK)
		return refuse(r, out, &e);
	return reply_one(r, s, id, 201);
}

/* A body with one string member key (and nothing else). */
static int one_member(struct request *r, const char *key, const char **out, struct field_errors *e)
{
	json_t *o;
	int st = api_json_body_or_respond(r, &o);
	if (st)
		return st;
	const char *v = NULL;
	api_str_member(o, key, &v, e);
	*out = v ? arena_strdup(r->arena, v) : "";
	const char *known[] = {key};
	api_unknown_members(o, known, 1, e);
	return 0;
}

/* A write on one assessment whose body is one text member: the status move
 * and the written response share everything but the member, the app
 * function and the status of the reply. */
typedef enum ibt_outcome (*one_text_write)(struct store *, struct arena *, const struct user *,
					   const char *, int64_t, const char *,
					   struct field_errors *);

static int write_one_text(struct request *r, const char *key, one_text_write write, int ok)
{
	int64_t id;
	if (!api_path_id(r, 0, &id))
		return respond_not_found(r);
	struct field_errors e = {0};
	const char *text;
	int st = one_member(r, key, &text, &e);
	if (st)
		return st;
	if (e.n)
		return api_invalid(r, &e, INVALID);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	enum ibt_outcome o = write(s, r->arena, api_token_user(r), "api", id, text, &e);
	if (o != IBT_OK)
		return refuse(r, o, &e);
	return reply_one(r, s, id, ok);
}

int api_toezicht_move(struct request *r)
{
	return write_one_text(r, "status", toezicht_move, 200);
}

int api_toezicht_respond(struct request *r)
{
	return write_one_text(r, "tekst", toezicht_respond, 201);
}

int api_toezicht_geojson(struct request *r)
{
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	struct ibt_view v;
	char msg[200];
	if (toezicht_view(s, r->arena, r->snap, req_param(r, "domein"), req_param(r, "jaar"), &v,
			  msg, sizeof msg) != IBT_OK)
		return api_store_down(r);
	if (msg[0])
		return respond_error(r, 400, "Ongeldige parameter", msg, NULL);
	struct jw w;
	api_geojson_begin(r, &w);
	r->cache_control = "no-store";
	r->etag = NULL;
	jw_kstr(&w, "domein", v.domain ? v.domain->key : NULL);
	jw_kint(&w, "jaar", v.year);
	jw_key(&w, "features");
	jw_arr(&w);
	for (int j = 0; j < v.n_gm; j++) {
		const struct organisation *o = &r->snap->orgs[v.gm[j]];
		int f = geo_find(o->cbs_code);
		api_geojson_feature(&w, &r->out, o->code,
				    f >= 0 ? geo_feature_at(f)->geometry : NULL);
		const struct ibt_assessment_row *a = v.gm_row[j];
		const struct ibt_label *l = a ? toezicht_label(v.domain, a->level) : NULL;
		jw_key(&w, "properties");
		jw_obj(&w);
		jw_kstr(&w, "code", o->code);
		jw_kstr(&w, "naam", o->name);
		jw_kstr(&w, "cbsCode", o->cbs_code);
		jw_key(&w, "niveau");
		if (a)
			jw_int(&w, a->level);
		else
			jw_null(&w);
		jw_kstr(&w, "oordeel", l ? l->name : NULL);
		jw_kstr(&w, "kleur", l ? l->colour : NULL);
		jw_kstr(&w, "patroon", l ? l->pattern : NULL);
		jw_kstr(&w, "vastgesteldOp", a ? a->established_on : NULL);
		jw_end(&w);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	return 200;
}
