/*
 * api_people — the read API for people, seats, role perspectives, phase
 * history and shared agreements. See api_people.h for the routes,
 * the ETag choice and the privacy rule; this file applies that rule in one
 * place (app/policy.h) for every reply.
 *
 * Not here: writing people data (web forms, pages/), the store queries
 * (store/store_people.h) and the domain rules (domain/people.h).
 */
#include "api_people.h"
#include "api_common.h"
#include "../app/accounts.h"
#include "../app/derived_seats.h"
#include "../app/policy.h"
#include "../domain/provenance.h"
#include "../lib/text.h"
#include "../store/store_people.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define PERSON_PATH API_BASE "/personen"
#define COLLAB_PATH API_BASE "/samenwerkingsverbanden"
#define PERSON_PAGE_SIZE 50
#define ERASED_NAME "onbekende persoon"

const struct param_spec api_person_list_params[] = {{"organisatie", PT_TEXT, 80},
						    {"pagina", PT_PAGE, 0},
						    {"paginaGrootte", PT_PAGE_SIZE, 0},
						    {NULL, 0, 0}};

static const char *const person_list_keys[] = {"organisatie", "paginaGrootte", "pagina", NULL};

/* ------------------------------------------------------------ helpers */

static int store_unavailable(struct request *r)
{
	return respond_error(r, 503, "Tijdelijk niet beschikbaar",
			     "De gegevens over personen zijn nu niet te lezen. Probeer het later "
			     "opnieuw.",
			     NULL);
}

/*
 * Start a reply from per-request store data: JSON content type, the
 * data-version ETag of api_people.h (read before the data, so it is never
 * newer than the body), Vary and the cache policy per view.
 */
static void people_begin(struct request *r, struct jw *w, struct store *st)
{
	jw_init(w, &r->out);
	r->content_type = "application/json";
	uint64_t dv = 0;
	if (store_data_version(st, &dv) == STORE_OK)
		r->etag = arena_printf(r->arena, "\"pv%" PRIu64 "-%" PRIu64 "-%s-%s\"", dv,
				       r->snap->version, r->snap->today, r->user ? "i" : "o");
	else
		r->etag = NULL;
	r->cache_control = r->user ? "private, no-cache" : "no-cache";
	req_header(r, "Vary", "Authorization, Cookie");
}

/* Is the period [from, to) current on today? Empty ends are open. */
static bool period_active(const char *from, const char *to, const char *today)
{
	if (!str_empty(from) && strcmp(from, today) > 0)
		return false;
	return str_empty(to) || strcmp(to, today) > 0;
}

/* {code,naam,_links} from a code and a stored name; the name of the
 * snapshot wins when the organisation is known there. */
static void org_ref_code(struct jw *w, const struct snapshot *s, const char *key, const char *code,
			 const char *name)
{
	int i = str_empty(code) ? -1 : snapshot_find_org(s, code);
	if (i >= 0) {
		api_org_ref(w, s, key, i);
		return;
	}
	jw_key(w, key);
	if (str_empty(code)) {
		jw_null(w);
		return;
	}
	jw_obj(w);
	jw_kstr(w, "code", code);
	jw_kstr(w, "naam", name);
	jw_end(w);
}

/* {id,naam,_links} of a collaboration by key (snapshot name when known). */
static void collab_ref_key(struct jw *w, const struct snapshot *s, const char *key,
			   const char *ckey, const char *name)
{
	int i = snapshot_find_collab(s, ckey);
	jw_key(w, key);
	jw_obj(w);
	jw_kstr(w, "id", ckey);
	jw_kstr(w, "naam", i >= 0 ? s->collabs[i].name : name);
	if (i >= 0)
		api_links_self_seg(w, COLLAB_PATH "/", ckey);
	jw_end(w);
}

/* The collaboration of the path, or -1 (the caller answers 404). */
static int path_collab(const struct request *r)
{
	return r->n_path_args > 0 ? snapshot_find_collab(r->snap, r->path_args[0]) : -1;
}

/*
 * Open a collaboration sub-resource: the collaboration of the path (404 when
 * unknown), this thread's store (503 when closed) and the reply start of
 * people_begin(). Returns 0 with *ci and *st set, or the status already
 * answered.
 */
static int collab_sub_begin(struct request *r, struct jw *w, int *ci, struct store **st)
{
	*ci = path_collab(r);
	if (*ci < 0)
		return respond_not_found(r);
	*st = store_thread();
	if (!*st)
		return store_unavailable(r);
	people_begin(r, w, *st);
	return 0;
}

/* People by id, for the seat lists. */
struct person_index {
	struct person *v;
	int n;
};

static int cmp_person_id(const void *a, const void *b)
{
	int64_t x = ((const struct person *)a)->id, y = ((const struct person *)b)->id;
	return (x > y) - (x < y);
}

static int person_index_load(struct arena *a, struct store *st, struct person_index *ix)
{
	ix->v = NULL;
	ix->n = 0;
	if (store_person_list(st, a, &ix->v, &ix->n) != STORE_OK)
		return -1;
	if (ix->n > 1)
		qsort(ix->v, (size_t)ix->n, sizeof *ix->v, cmp_person_id);
	return 0;
}

static const struct person *person_index_find(const struct person_index *ix, int64_t id)
{
	struct person key;
	key.id = id;
	if (ix->n == 0)
		return NULL;
	return bsearch(&key, ix->v, (size_t)ix->n, sizeof *ix->v, cmp_person_id);
}

/* "_links":{"self":...,"samenwerkingsverband":...} and the collaboration
 * reference that open every collaboration sub-resource. */
static void collab_sub_head(struct jw *w, const struct snapshot *s, int ci, const char *suffix)
{
	const struct collaboration *c = &s->collabs[ci];
	jw_key(w, "_links");
	jw_obj(w);
	jw_key(w, "self");
	jw_obj(w);
	api_khref(w, "href", COLLAB_PATH "/", c->key, suffix);
	jw_end(w);
	jw_key(w, "samenwerkingsverband");
	jw_obj(w);
	api_khref(w, "href", COLLAB_PATH "/", c->key, NULL);
	jw_end(w);
	jw_end(w);
	jw_key(w, "samenwerkingsverband");
	jw_obj(w);
	jw_kstr(w, "id", c->key);
	jw_kstr(w, "naam", c->name);
	jw_kstr(w, "juridischeVorm", api_value(legal_form_labels, LF_COUNT, (int)c->legal_form));
	jw_kbool(w, "actief", c->active);
	api_links_self_seg(w, COLLAB_PATH "/", c->key);
	jw_end(w);
}

/* ------------------------------------------------------------ personen */

static int bad_param(struct request *r, const char *name, const char *detail)
{
	return respond_error(r, 400, "Ongeldige parameter", detail, name);
}

/* Mark in keep[] the people (by list position) with a visible office in,
 * or a seat on behalf of, organisation code. */
static int mark_org_people(struct request *r, struct store *st, const char *code,
			   const struct person *people, int n, bool *keep)
{
	struct office *offs = NULL;
	struct seat *seats = NULL;
	int n_offs = 0, n_seats = 0, rc = -1;
	if (store_offices_of_org(st, r->arena, code, &offs, &n_offs) != STORE_OK ||
	    store_seats_of_org(st, r->arena, code, &seats, &n_seats) != STORE_OK)
		goto out;
	for (int i = 0; i < n; i++) {
		for (int k = 0; k < n_offs && !keep[i]; k++)
			keep[i] = offs[k].person_id == people[i].id &&
				  policy_office_visible(r->user, offs[k].kind);
		for (int k = 0; k < n_seats && !keep[i]; k++)
			keep[i] = seats[k].person_id == people[i].id;
	}
	rc = 0;
out:
	return rc;
}

int api_person_list(struct request *r)
{
	const struct snapshot *s = r->snap;
	long page = 1, size = PERSON_PAGE_SIZE;
	if (!api_param_long(r, "pagina", 1, 10000, &page))
		return bad_param(
		    r, "pagina",
		    "De parameter 'pagina' moet een geheel getal van 1 tot en met 10000 zijn.");
	if (!api_param_long(r, "paginaGrootte", 1, 100, &size))
		return bad_param(r, "paginaGrootte",
				 "De parameter 'paginaGrootte' moet een geheel getal van 1 tot en "
				 "met 100 zijn.");
	const char *org = req_param(r, "organisatie");
	if (org && snapshot_find_org(s, org) < 0)
		return bad_param(r, "organisatie",
				 "De parameter 'organisatie' moet de code van een bestaande "
				 "organisatie zijn, zoals gm0344.");

	struct store *st = store_thread();
	if (!st)
		return store_unavailable(r);
	struct jw w;
	people_begin(r, &w, st); /* the version before the data */

	struct person *people = NULL;
	struct seat *seats = NULL;
	int n = 0, n_seats = 0, status;
	if (store_person_list(st, r->arena, &people, &n) != STORE_OK ||
	    store_seats_all(st, r->arena, &seats, &n_seats) != STORE_OK) {
		status = store_unavailable(r);
		goto out;
	}
	bool *keep = arena_calloc(r->arena, (size_t)(n > 0 ? n : 1), sizeof(bool));
	if (org) {
		if (mark_org_people(r, st, org, people, n, keep) < 0) {
			status = store_unavailable(r);
			goto out;
		}
	} else {
		for (int i = 0; i < n; i++)
			keep[i] = true;
	}
	long total = 0;
	for (int i = 0; i < n; i++) {
		keep[i] = keep[i] && policy_person_visible(r->user, &people[i]);
		total += keep[i];
	}

	jw_obj(&w);
	api_paging(r, &w, PERSON_PATH, person_list_keys, page, size, total);
	jw_key(&w, "personen");
	jw_arr(&w);
	long from = (page - 1) * size, pos = 0;
	for (int i = 0; i < n && pos < from + size; i++) {
		if (!keep[i] || pos++ < from)
			continue;
		const struct person *p = &people[i];
		int active = 0;
		for (int k = 0; k < n_seats; k++)
			active += seats[k].person_id == p->id &&
				  period_active(seats[k].from, seats[k].to, s->today);
		jw_obj(&w);
		jw_kstr(&w, "id", p->key);
		jw_kstr(&w, "naam", p->name);
		jw_kstr(&w, "partij", p->party);
		jw_kbool(&w, "publiekeFunctie", p->has_public_office);
		jw_kint(&w, "aantalActieveZetels", active);
		api_links_self_seg(&w, PERSON_PATH "/", p->key);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	status = 200;
out:
	return status;
}

static void write_office(struct jw *w, const struct snapshot *s, const struct office *o)
{
	jw_obj(w);
	jw_kint(w, "id", o->id);
	org_ref_code(w, s, "organisatie", o->org_code, o->org_name);
	jw_kstr(w, "functie", api_value(office_labels, OFFICE_COUNT, (int)o->kind));
	jw_kbool(w, "waarnemend", o->acting);
	jw_kstr(w, "portefeuille", o->portfolio);
	jw_kstr(w, "van", o->from);
	jw_kstr(w, "tot", o->to);
	jw_kbool(w, "actief", period_active(o->from, o->to, s->today));
	jw_end(w);
}

/* Seat members shared by the person's and the collaboration's seat lists
 * (after "id" and the person or collaboration). */
static void write_seat_fields(struct jw *w, const struct snapshot *s, const struct seat *z)
{
	org_ref_code(w, s, "namens", z->org_code, z->org_name);
	jw_kstr(w, "orgaan", api_value(seat_body_labels, SEAT_BODY_COUNT, (int)z->body));
	jw_kstr(w, "van", z->from);
	jw_kstr(w, "tot", z->to);
	jw_kbool(w, "actief", period_active(z->from, z->to, s->today));
}

int api_person_get(struct request *r)
{
	const struct snapshot *s = r->snap;
	if (r->n_path_args < 1)
		return respond_not_found(r);
	const char *key = r->path_args[0];
	struct store *st = store_thread();
	if (!st)
		return store_unavailable(r);
	struct jw w;
	people_begin(r, &w, st);

	struct person p;
	struct office *offs = NULL;
	struct seat *seats = NULL;
	int n_offs = 0, n_seats = 0, status;
	int rc = store_person_get(st, r->arena, key, &p);
	if (rc == STORE_ERR_NOTFOUND) {
		status = respond_not_found(r);
		goto out;
	}
	if (rc != STORE_OK ||
	    store_offices_of_person(st, r->arena, key, &offs, &n_offs) != STORE_OK ||
	    store_seats_of_person(st, r->arena, key, &seats, &n_seats) != STORE_OK) {
		status = store_unavailable(r);
		goto out;
	}
	/* the rule on the offices themselves, not only the derived flag */
	bool has_public = false;
	for (int i = 0; i < n_offs; i++)
		has_public |= office_is_public(offs[i].kind);
	if (!policy_person_visible(r->user, &p) || (!r->user && !has_public)) {
		status = respond_not_found(r);
		goto out;
	}

	jw_obj(&w);
	jw_key(&w, "_links");
	jw_obj(&w);
	jw_key(&w, "self");
	jw_obj(&w);
	api_khref(&w, "href", PERSON_PATH "/", p.key, NULL);
	jw_end(&w);
	if (policy_has_role(r->user, USER_ROLE_ADMIN)) {
		jw_key(&w, "export");
		jw_obj(&w);
		api_khref(&w, "href", PERSON_PATH "/", p.key, "/export");
		jw_end(&w);
	}
	jw_end(&w);
	jw_kstr(&w, "id", p.key);
	jw_kstr(&w, "naam", p.name);
	jw_kstr(&w, "partij", p.party);
	jw_kbool(&w, "publiekeFunctie", has_public);
	if (r->user) { /* contact details and notes: signed-in callers only */
		jw_kstr(&w, "email", p.email);
		jw_kstr(&w, "telefoon", p.phone);
		jw_kstr(&w, "opmerking", p.note);
	}
	jw_kstr(&w, "laatstBevestigd", p.last_confirmed);
	jw_key(&w, "functies");
	jw_arr(&w);
	for (int i = 0; i < n_offs; i++)
		if (policy_office_visible(r->user, offs[i].kind))
			write_office(&w, s, &offs[i]);
	jw_end(&w);
	jw_key(&w, "zetels");
	jw_arr(&w);
	for (int i = 0; i < n_seats; i++) {
		jw_obj(&w);
		jw_kint(&w, "id", seats[i].id);
		collab_ref_key(&w, s, "samenwerkingsverband", seats[i].collab_key,
			       seats[i].collab_name);
		write_seat_fields(&w, s, &seats[i]);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	status = 200;
out:
	return status;
}

/* A person key that is safe inside a quoted filename (slugs always are). */
static bool key_is_slug(const char *k)
{
	if (str_empty(k))
		return false;
	for (const char *c = k; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-'))
			return false;
	return true;
}

int api_person_export(struct request *r)
{
	/* the route requires a beheerder; checked again so the handler is safe alone */
	if (!r->user)
		return respond_error(r, 401, "Niet aangemeld",
				     "Meld u aan met een persoonlijke API-sleutel "
				     "(Authorization: Bearer ...).",
				     NULL);
	if (!policy_has_role(r->user, USER_ROLE_ADMIN))
		return respond_error(r, 403, "Geen toegang",
				     "Alleen een beheerder mag alle gegevens van een persoon "
				     "exporteren.",
				     NULL);
	if (r->n_path_args < 1)
		return respond_not_found(r);
	const char *key = r->path_args[0];
	struct store *st = store_thread();
	if (!st)
		return store_unavailable(r);
	const char *json = NULL;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "api", &w, actor, today);
	int rc = store_person_export_by(st, r->arena, &w, key, &json);
	if (rc == STORE_ERR_NOTFOUND)
		return respond_not_found(r);
	if (rc != STORE_OK || !json)
		return store_unavailable(r);
	buf_puts(&r->out, json);
	r->content_type = "application/json";
	r->etag = NULL;
	r->cache_control = "no-store"; /* personal data: never kept by caches */
	req_header(r, "Vary", "Authorization, Cookie");
	req_header(r, "Content-Disposition",
		   key_is_slug(key)
		       ? arena_printf(r->arena, "attachment; filename=\"persoon-%s.json\"", key)
		       : "attachment; filename=\"persoon.json\"");
	return 200;
}

/* ------------------------------------------------------------ verbanden */

/*
 * "wettelijkeZetels": the seats the law gives by office
 * (app/derived_seats.h), not stored: per participant the office holder
 * with that office's own source, or persoon null when none is recorded.
 */
static int write_derived_seats(struct request *r, struct jw *w, struct store *st, int ci)
{
	const struct snapshot *s = r->snap;
	struct derived_seat *ds = NULL;
	int n = 0;
	if (derived_seats_apply(s, ci) &&
	    derived_seats_of_collab(st, s, ci, r->arena, &ds, &n) != 0)
		return -1;
	jw_key(w, "wettelijkeZetels");
	jw_arr(w);
	for (int i = 0; i < n; i++) {
		const struct derived_seat *d = &ds[i];
		const struct organisation *o = &s->orgs[d->org];
		bool has = d->office.id > 0 && policy_person_visible(r->user, &d->person);
		char basis[200];
		jw_obj(w);
		jw_kstr(w, "orgaan",
			api_value(seat_body_labels, SEAT_BODY_COUNT, (int)d->rule->body));
		jw_key(w, "grondslag");
		jw_obj(w);
		jw_kstr(w, "tekst", derived_seat_basis(d->rule, basis, sizeof basis));
		jw_kstr(w, "wet", d->rule->law);
		jw_kstr(w, "artikel", d->rule->article);
		jw_kstr(w, "url", d->rule->url);
		jw_end(w);
		org_ref_code(w, s, "namens", o->code, o->name);
		jw_kstr(w, "functie", api_value(office_labels, OFFICE_COUNT, (int)d->rule->office));
		jw_key(w, "persoon");
		if (!has) {
			jw_null(w);
		} else {
			jw_obj(w);
			jw_kstr(w, "id", d->person.key);
			jw_kstr(w, "naam", d->person.name);
			api_links_self_seg(w, PERSON_PATH "/", d->person.key);
			jw_end(w);
		}
		jw_kbool(w, "waarnemend", has && d->office.acting);
		jw_kstr(w, "van", has ? d->office.from : "");
		jw_key(w, "bron");
		if (!has || !d->source) {
			jw_null(w);
		} else {
			const struct provenance_row *src = d->source;
			char words[160];
			provenance_words(src->confidence, false, src->source_kind, false, words,
					 sizeof words);
			jw_obj(w);
			jw_kstr(w, "titel", src->source_title);
			jw_kstr(w, "url", src->source_url);
			jw_kstr(w, "verschenen", src->source_date);
			jw_kstr(w, "zekerheid", src->confidence);
			jw_kstr(w, "zekerheidTekst", words);
			jw_kbool(w, "mogelijkVerouderd", strcmp(src->confidence, "low") == 0);
			jw_end(w);
		}
		jw_end(w);
	}
	jw_end(w);
	return 0;
}

int api_collab_seats(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct store *st;
	struct jw w;
	int ci, early = collab_sub_begin(r, &w, &ci, &st);
	if (early)
		return early;
	const struct collaboration *c = &s->collabs[ci];

	struct seat *seats = NULL;
	struct person_index ix = {NULL, 0};
	int n = 0, status;
	if (store_seats_of_collab(st, r->arena, c->key, &seats, &n) != STORE_OK ||
	    person_index_load(r->arena, st, &ix) < 0) {
		status = store_unavailable(r);
		goto out;
	}

	jw_obj(&w);
	collab_sub_head(&w, s, ci, "/zetels");
	/* the bodies this legal form has (Wgr art. 8), as the forms enforce */
	jw_key(&w, "organen");
	jw_arr(&w);
	for (int b = 0; b < SEAT_BODY_COUNT; b++)
		if (seat_body_allowed(c->legal_form, c->kind, (enum seat_body)b, NULL, 0))
			jw_str(&w, api_value(seat_body_labels, SEAT_BODY_COUNT, b));
	jw_end(&w);
	long total = 0;
	jw_key(&w, "zetels");
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		const struct seat *z = &seats[i];
		const struct person *p = person_index_find(&ix, z->person_id);
		if (!p || (!r->user && !p->has_public_office))
			continue; /* hidden person: the seat would reveal them */
		total++;
		jw_obj(&w);
		jw_kint(&w, "id", z->id);
		jw_key(&w, "persoon");
		jw_obj(&w);
		if (p->erased) {
			jw_kstr(&w, "id", NULL);
			jw_kstr(&w, "naam", ERASED_NAME);
			jw_kstr(&w, "partij", NULL);
			jw_kbool(&w, "gewist", true);
		} else {
			jw_kstr(&w, "id", p->key);
			jw_kstr(&w, "naam", p->name);
			jw_kstr(&w, "partij", p->party);
			jw_kbool(&w, "gewist", false);
			api_links_self_seg(&w, PERSON_PATH "/", p->key);
		}
		jw_end(&w);
		write_seat_fields(&w, s, z);
		jw_end(&w);
	}
	jw_end(&w);
	jw_kint(&w, "totaal", total);
	if (write_derived_seats(r, &w, st, ci) < 0) {
		status = store_unavailable(r);
		goto out;
	}
	jw_end(&w);
	status = 200;
out:
	return status;
}

/* Scores object {rechtmatig:..,presterend:..,...} keyed by perspective api values. */
static void write_scores(struct jw *w, const int scores[PERSP_COUNT])
{
	jw_key(w, "scores");
	jw_obj(w);
	for (int k = 0; k < PERSP_COUNT; k++)
		jw_kint(w, perspective_labels[k].api, scores[k]);
	jw_end(w);
}

static const char *persp_api(int d)
{
	return d >= 0 && d < PERSP_COUNT ? perspective_labels[d].api : NULL;
}

int api_collab_roles(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct store *st;
	struct jw w;
	int ci, early = collab_sub_begin(r, &w, &ci, &st);
	if (early)
		return early;
	const struct collaboration *c = &s->collabs[ci];

	struct role_assessment *as = NULL;
	int n = 0, status;
	if (store_assessments_of_collab(st, r->arena, c->key, &as, &n) != STORE_OK) {
		status = store_unavailable(r);
		goto out;
	}

	jw_obj(&w);
	collab_sub_head(&w, s, ci, "/rollen");
	jw_key(&w, "perspectieven");
	jw_arr(&w);
	for (int k = 0; k < PERSP_COUNT; k++) {
		jw_obj(&w);
		jw_kstr(&w, "code", perspective_labels[k].api);
		jw_kstr(&w, "naam", perspective_labels[k].label);
		jw_kstr(&w, "toelichting", perspective_explanations[k]);
		jw_end(&w);
	}
	jw_end(&w);
	int changes_total = 0;
	jw_key(&w, "deelnames");
	jw_arr(&w);
	for (int k = 0; k < c->n_parts; k++) {
		const struct participation *pt = &s->parts[c->parts[k]];
		jw_obj(&w);
		jw_kint(&w, "deelname", pt->id);
		api_org_ref(&w, s, "organisatie", pt->organisation);
		jw_kstr(&w, "rol", api_value(role_labels, ROLE_COUNT, (int)pt->role));
		jw_kbool(&w, "actief", pt->active);
		/* assessments come oldest first per participation (newest last) */
		const struct role_assessment *prev = NULL;
		int last_dominant = -1, changes = 0, count = 0;
		jw_key(&w, "beoordelingen");
		jw_arr(&w);
		for (int i = 0; i < n; i++) {
			const struct role_assessment *a = &as[i];
			if (a->participation_id != pt->id)
				continue;
			int dom = perspective_dominant(a->scores);
			bool changed = prev && perspective_changed(prev->scores, a->scores);
			changes += changed;
			count++;
			jw_obj(&w);
			jw_kint(&w, "id", a->id);
			jw_kstr(&w, "datum", a->date);
			write_scores(&w, a->scores);
			jw_kstr(&w, "dominantPerspectief", persp_api(dom));
			jw_kbool(&w, "rolwisseling", changed);
			jw_kstr(&w, "vorigDominantPerspectief",
				changed ? persp_api(perspective_dominant(prev->scores)) : NULL);
			jw_kstr(&w, "toelichting", a->note);
			if (r->user)
				jw_kstr(&w, "ingevoerdDoor", a->actor);
			jw_end(&w);
			prev = a;
			last_dominant = dom;
		}
		jw_end(&w);
		jw_kstr(&w, "huidigDominantPerspectief", count ? persp_api(last_dominant) : NULL);
		jw_kint(&w, "aantalRolwisselingen", changes);
		changes_total += changes;
		jw_end(&w);
	}
	jw_end(&w);
	jw_kint(&w, "aantalRolwisselingen", changes_total);
	jw_end(&w);
	status = 200;
out:
	return status;
}

int api_collab_phases(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct store *st;
	struct jw w;
	int ci, early = collab_sub_begin(r, &w, &ci, &st);
	if (early)
		return early;
	const struct collaboration *c = &s->collabs[ci];

	struct phase_event *ev = NULL;
	int n = 0;
	if (store_phases_of_collab(st, r->arena, c->key, &ev, &n) != STORE_OK) {
		return store_unavailable(r);
	}
	jw_obj(&w);
	collab_sub_head(&w, s, ci, "/fasen");
	jw_kstr(&w, "huidigeFase", api_value(phase_labels, PHASE_COUNT, (int)c->phase));
	jw_key(&w, "fasen");
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		jw_obj(&w);
		jw_kint(&w, "id", ev[i].id);
		jw_kstr(&w, "fase", api_value(phase_labels, PHASE_COUNT, ev[i].phase));
		jw_kstr(&w, "procesfase", ev[i].process_phase);
		jw_kstr(&w, "datum", ev[i].date);
		jw_kstr(&w, "toelichting", ev[i].note);
		jw_end(&w);
	}
	jw_end(&w);
	jw_kint(&w, "totaal", n);
	jw_end(&w);
	return 200;
}

/* "partijen": the organisations of a ;-separated code list. */
static void write_parties(struct request *r, struct jw *w, const char *codes)
{
	jw_key(w, "partijen");
	jw_arr(w);
	const char *p = codes ? codes : "";
	while (*p) {
		const char *e = strchr(p, ';');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		while (len && (*p == ' ' || *p == ','))
			p++, len--;
		while (len && (p[len - 1] == ' ' || p[len - 1] == ','))
			len--;
		if (len) {
			char *code = arena_strndup(r->arena, p, len);
			int oi = snapshot_find_org(r->snap, code);
			if (oi >= 0) {
				const struct organisation *o = &r->snap->orgs[oi];
				jw_obj(w);
				jw_kstr(w, "code", o->code);
				jw_kstr(w, "naam", o->name);
				api_links_self_seg(w, API_BASE "/organisaties/", o->code);
				jw_end(w);
			} else {
				jw_obj(w);
				jw_kstr(w, "code", code);
				jw_kstr(w, "naam", NULL);
				jw_end(w);
			}
		}
		if (!e)
			break;
		p = e + 1;
	}
	jw_end(w);
}

int api_collab_agreements(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct store *st;
	struct jw w;
	int ci, early = collab_sub_begin(r, &w, &ci, &st);
	if (early)
		return early;
	const struct collaboration *c = &s->collabs[ci];

	struct agreement *ag = NULL;
	int n = 0;
	if (store_agreements_of_collab(st, r->arena, c->key, &ag, &n) != STORE_OK) {
		return store_unavailable(r);
	}
	jw_obj(&w);
	collab_sub_head(&w, s, ci, "/afspraken");
	jw_key(&w, "afspraken");
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		const struct agreement *a = &ag[i];
		jw_obj(&w);
		jw_kint(&w, "id", a->id);
		jw_kstr(&w, "titel", a->title);
		jw_kstr(&w, "omschrijving", a->description);
		jw_kbool(&w, "alleDeelnemers", str_empty(a->parties));
		write_parties(r, &w, a->parties);
		jw_kstr(&w, "sinds", a->since);
		jw_kstr(&w, "status",
			api_value(agreement_status_labels, AGR_COUNT, (int)a->status));
		jw_kstr(&w, "document", a->document_url);
		jw_kint(&w, "versie", a->version);
		jw_end(&w);
	}
	jw_end(&w);
	jw_kint(&w, "totaal", n);
	jw_end(&w);
	return 200;
}
