/*
 * api_toezicht_ladder — the intervention ladder, agreements and the
 * dialogue log through the API; see api_toezicht_ladder.h.
 */
#include "api_toezicht_ladder.h"
#include "api_common.h"
#include "../app/toezicht_ladder.h"
#include "../domain/snapshot.h"
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
		return respond_error(r, 403, "Geen toegang",
				     "Dit mag alleen een toezichthouder van de provincie.", NULL);
	case IBT_STALE:
		return respond_error(r, 409, "Conflict",
				     "De trede is intussen gewijzigd of beëindigd. Er is niets "
				     "opgeslagen.",
				     NULL);
	default:
		return api_store_down(r);
	}
}

static const char *org_name(const struct request *r, const char *code)
{
	int oi = snapshot_find_org(r->snap, code);
	return oi >= 0 ? r->snap->orgs[oi].name : code;
}

static void nullable(struct jw *w, const char *key, const char *v)
{
	jw_kstr(w, key, v && *v ? v : NULL);
}

static void agreement_json(struct request *r, struct jw *w, const struct ibt_agreement_row *g)
{
	jw_obj(w);
	jw_kint(w, "id", g->id);
	jw_kint(w, "trede", g->ladder_id);
	jw_kstr(w, "actie", g->action);
	jw_kstr(w, "eigenaar", g->owner);
	jw_kstr(w, "termijn", g->due_on);
	jw_kstr(w, "status", ibt_agreement_status_api(g->status));
	api_khref(w, "href", PATH "/afspraken/", arena_printf(r->arena, "%lld", (long long)g->id),
		  NULL);
	jw_end(w);
}

/* A step record; its agreements when agr_n >= 0. */
static void ladder_json(struct request *r, struct jw *w, const struct ibt_ladder_row *x,
			const struct ibt_agreement_row *agr, int agr_n)
{
	jw_obj(w);
	jw_kint(w, "id", x->id);
	jw_kstr(w, "organisatie", x->org_code);
	jw_kstr(w, "organisatieNaam", org_name(r, x->org_code));
	jw_kstr(w, "domein", x->domain_key);
	jw_kstr(w, "spoor", ibt_track_api(x->track));
	jw_key(w, "trede");
	if (x->track == IBT_TRACK_LADDER)
		jw_int(w, x->step);
	else
		jw_null(w);
	jw_kstr(w, "naam", ibt_record_name(x->track, x->step));
	jw_kstr(w, "sinds", x->started_on);
	nullable(w, "tot", x->ended_on);
	nullable(w, "onderwerp", x->subject);
	nullable(w, "reden", x->reason);
	jw_kstr(w, "vastgelegdDoor", x->recorded_by);
	jw_kbool(w, "openbaar", toezicht_ladder_public(x));
	if (agr_n >= 0) {
		jw_key(w, "afspraken");
		jw_arr(w);
		for (int i = 0; i < agr_n; i++)
			agreement_json(r, w, &agr[i]);
		jw_end(w);
	}
	api_khref(w, "href", PATH "/ladder/", arena_printf(r->arena, "%lld", (long long)x->id),
		  NULL);
	jw_end(w);
}

int api_toezicht_ladder_list(struct request *r)
{
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	struct ibt_ladder_query q = {.org = req_param(r, "organisatie"),
				     .domain = req_param(r, "domein")};
	struct field_errors e = {0};
	struct ibt_ladder_row *rows;
	int n;
	enum ibt_outcome o =
	    toezicht_ladder_list(s, r->arena, r->snap, api_token_user(r), &q, &rows, &n, &e);
	if (o == IBT_INVALID)
		return api_invalid(r, &e, "De filters kloppen niet.");
	if (o != IBT_OK)
		return refuse(r, o, &e);
	struct jw w;
	api_begin_private(r, &w);
	jw_obj(&w);
	api_links_self(&w, PATH "/ladder");
	jw_kint(&w, "totaal", n);
	jw_key(&w, "treden");
	jw_arr(&w);
	for (int i = 0; i < n; i++)
		ladder_json(r, &w, &rows[i], NULL, -1);
	jw_end(&w);
	jw_end(&w);
	return 200;
}

static int reply_ladder(struct request *r, struct store *s, int64_t id, int status)
{
	struct ibt_ladder_row x;
	struct ibt_agreement_row *agr;
	int na;
	enum ibt_outcome o = toezicht_ladder_get(s, r->arena, api_token_user(r), id, &x, &agr, &na);
	if (o != IBT_OK)
		return refuse(r, o, NULL);
	if (status == 201)
		req_header(r, "Location",
			   arena_printf(r->arena, PATH "/ladder/%lld", (long long)id));
	struct jw w;
	api_begin_private(r, &w);
	ladder_json(r, &w, &x, agr, na);
	return status;
}

int api_toezicht_ladder_show(struct request *r)
{
	int64_t id;
	if (!api_path_id(r, 0, &id))
		return respond_not_found(r);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	return reply_ladder(r, s, id, 200);
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
		return arena_strdup(r->arena, v);
	return "";
}

static const char *const STEP_KNOWN[] = {"organisatie", "domein",    "spoor", "trede",
					 "sinds",	"onderwerp", "reden"};

int api_toezicht_ladder_create(struct request *r)
{
	json_t *o;
	int st = api_json_body_or_respond(r, &o);
	if (st)
		return st;
	struct field_errors e = {0};
	struct ibt_step_input in = {
	    .org = text_member(r, o, "organisatie", &e),
	    .domain = text_member(r, o, "domein", &e),
	    .track = text_member(r, o, "spoor", &e),
	    .step = text_member(r, o, "trede", &e),
	    .since = text_member(r, o, "sinds", &e),
	    .subject = text_member(r, o, "onderwerp", &e),
	    .reason = text_member(r, o, "reden", &e),
	};
	api_unknown_members(o, STEP_KNOWN, sizeof STEP_KNOWN / sizeof STEP_KNOWN[0], &e);
	if (e.n)
		return api_invalid(r, &e, INVALID);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int64_t id = 0;
	enum ibt_outcome out =
	    toezicht_ladder_set(s, r->arena, r->snap, api_token_user(r), "api", &in, &e, &id);
	if (out != IBT_OK)
		return refuse(r, out, &e);
	return reply_ladder(r, s, id, 201);
}

int api_toezicht_ladder_end(struct request *r)
{
	int64_t id;
	if (!api_path_id(r, 0, &id))
		return respond_not_found(r);
	json_t *o;
	int st = api_json_body_or_respond(r, &o);
	if (st)
		return st;
	struct field_errors e = {0};
	const char *ended = text_member(r, o, "tot", &e);
	static const char *const known[] = {"tot"};
	api_unknown_members(o, known, 1, &e);
	if (e.n)
		return api_invalid(r, &e, INVALID);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	enum ibt_outcome out =
	    toezicht_ladder_end(s, r->arena, api_token_user(r), "api", id, ended, &e);
	if (out != IBT_OK)
		return refuse(r, out, &e);
	return reply_ladder(r, s, id, 200);
}

static const char *const AGR_KNOWN[] = {"actie", "eigenaar", "termijn", "status"};

/* The agreement body; 0, or the status of the reply already sent. */
static int agreement_body(struct request *r, struct ibt_agreement_input *in, struct field_errors *e)
{
	json_t *o;
	int st = api_json_body_or_respond(r, &o);
	if (st)
		return st;
	*in = (struct ibt_agreement_input){
	    text_member(r, o, "actie", e), text_member(r, o, "eigenaar", e),
	    text_member(r, o, "termijn", e), text_member(r, o, "status", e)};
	api_unknown_members(o, AGR_KNOWN, sizeof AGR_KNOWN / sizeof AGR_KNOWN[0], e);
	return e->n ? api_invalid(r, e, INVALID) : 0;
}

static int reply_agreement(struct request *r, struct store *s, int64_t id, int status)
{
	struct ibt_agreement_row g;
	struct ibt_ladder_row x;
	enum ibt_outcome o = toezicht_agreement_get(s, r->arena, api_token_user(r), id, &g, &x);
	if (o != IBT_OK)
		return refuse(r, o, NULL);
	if (status == 201)
		req_header(r, "Location",
			   arena_printf(r->arena, PATH "/afspraken/%lld", (long long)id));
	struct jw w;
	api_begin_private(r, &w);
	agreement_json(r, &w, &g);
	return status;
}

int api_toezicht_agreement_add(struct request *r)
{
	int64_t ladder_id;
	if (!api_path_id(r, 0, &ladder_id))
		return respond_not_found(r);
	struct field_errors e = {0};
	struct ibt_agreement_input in;
	int st = agreement_body(r, &in, &e);
	if (st)
		return st;
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int64_t id = 0;
	enum ibt_outcome out =
	    toezicht_agreement_add(s, r->arena, api_token_user(r), "api", ladder_id, &in, &e, &id);
	if (out != IBT_OK)
		return refuse(r, out, &e);
	return reply_agreement(r, s, id, 201);
}

int api_toezicht_agreement_save(struct request *r)
{
	int64_t id;
	if (!api_path_id(r, 0, &id))
		return respond_not_found(r);
	struct field_errors e = {0};
	struct ibt_agreement_input in;
	int st = agreement_body(r, &in, &e);
	if (st)
		return st;
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	enum ibt_outcome out =
	    toezicht_agreement_save(s, r->arena, api_token_user(r), "api", id, &in, &e);
	if (out != IBT_OK)
		return refuse(r, out, &e);
	return reply_agreement(r, s, id, 200);
}

static void dialogue_json(struct request *r, struct jw *w, const struct ibt_dialogue_row *x)
{
	jw_obj(w);
	jw_kint(w, "id", x->id);
	jw_kstr(w, "organisatie", x->org_code);
	jw_kstr(w, "organisatieNaam", org_name(r, x->org_code));
	nullable(w, "domein", x->domain_key);
	jw_kstr(w, "soort", ibt_dialogue_kind_api(x->kind));
	jw_kstr(w, "datum", x->held_on);
	jw_kstr(w, "onderwerp", x->subject);
	nullable(w, "deelnemers", x->participants);
	jw_key(w, "beoordelaars");
	jw_arr(w);
	for (const char *p = x->reviewers; *p;) {
		const char *end = strchr(p, ';');
		char code[64];
		snprintf(code, sizeof code, "%.*s", (int)(end ? end - p : (long)strlen(p)), p);
		if (*code)
			jw_str(w, code);
		if (!end)
			break;
		p = end + 1;
	}
	jw_end(w);
	nullable(w, "rapport", x->report_url);
	nullable(w, "aantekeningen", x->notes);
	jw_kstr(w, "zichtbaarheid", x->shared ? "gedeeld" : "intern");
	jw_kstr(w, "vastgelegdDoor", x->recorded_by);
	jw_end(w);
}

int api_toezicht_dialogue_list(struct request *r)
{
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	struct ibt_ladder_query q = {.org = req_param(r, "organisatie"),
				     .domain = req_param(r, "domein")};
	struct field_errors e = {0};
	struct ibt_dialogue_row *rows;
	int n;
	enum ibt_outcome o =
	    toezicht_dialogue_list(s, r->arena, r->snap, api_token_user(r), &q, &rows, &n, &e);
	if (o == IBT_INVALID)
		return api_invalid(r, &e, "De filters kloppen niet.");
	if (o != IBT_OK)
		return refuse(r, o, &e);
	struct jw w;
	api_begin_private(r, &w);
	jw_obj(&w);
	api_links_self(&w, PATH "/dialoog");
	jw_kint(&w, "totaal", n);
	jw_key(&w, "gesprekken");
	jw_arr(&w);
	for (int i = 0; i < n; i++)
		dialogue_json(r, &w, &rows[i]);
	jw_end(&w);
	jw_end(&w);
	return 200;
}

static const char *const DLG_KNOWN[] = {"organisatie",	 "domein",	 "soort",	 "datum",
					"onderwerp",	 "deelnemers",	 "beoordelaars", "rapport",
					"aantekeningen", "zichtbaarheid"};

int api_toezicht_dialogue_create(struct request *r)
{
	json_t *o;
	int st = api_json_body_or_respond(r, &o);
	if (st)
		return st;
	struct field_errors e = {0};
	const char *codes[IBT_REVIEWERS_MAX + 1];
	int nc = json_object_get(o, "beoordelaars")
		     ? api_str_array(o, "beoordelaars", codes, IBT_REVIEWERS_MAX + 1, &e)
		     : 0;
	if (nc > IBT_REVIEWERS_MAX) {
		field_errors_add(&e, "beoordelaars", "Kies ten hoogste %d gemeenten.",
				 IBT_REVIEWERS_MAX);
		nc = 0;
	}
	struct buf rb = BUF_INIT;
	for (int i = 0; i < nc; i++)
		buf_printf(&rb, "%s%s", i ? ";" : "",
			   strchr(codes[i], ';') || !*codes[i] ? "-" : codes[i]);
	struct ibt_dialogue_input in = {
	    .org = text_member(r, o, "organisatie", &e),
	    .domain = text_member(r, o, "domein", &e),
	    .kind = text_member(r, o, "soort", &e),
	    .held_on = text_member(r, o, "datum", &e),
	    .subject = text_member(r, o, "onderwerp", &e),
	    .participants = text_member(r, o, "deelnemers", &e),
	    .reviewers = arena_strdup(r->arena, rb.data ? rb.data : ""),
	    .report_url = text_member(r, o, "rapport", &e),
	    .notes = text_member(r, o, "aantekeningen", &e),
	    .visibility = text_member(r, o, "zichtbaarheid", &e),
	};
	buf_free(&rb);
	api_unknown_members(o, DLG_KNOWN, sizeof DLG_KNOWN / sizeof DLG_KNOWN[0], &e);
	if (e.n)
		return api_invalid(r, &e, INVALID);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int64_t id = 0;
	enum ibt_outcome out =
	    toezicht_dialogue_add(s, r->arena, r->snap, api_token_user(r), "api", &in, &e, &id);
	if (out != IBT_OK)
		return refuse(r, out, &e);
	struct ibt_ladder_query q = {.org = in.org};
	struct ibt_dialogue_row *rows;
	int n;
	struct field_errors qe = {0};
	if (toezicht_dialogue_list(s, r->arena, r->snap, api_token_user(r), &q, &rows, &n, &qe) !=
	    IBT_OK)
		return api_store_down(r);
	for (int i = 0; i < n; i++)
		if (rows[i].id == id) {
			struct jw w;
			api_begin_private(r, &w);
			dialogue_json(r, &w, &rows[i]);
			return 201;
		}
	return api_store_down(r);
}
