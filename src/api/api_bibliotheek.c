/*
 * api_bibliotheek — the knowledge base through the API; see
 * api_bibliotheek.h. Same rules and outcomes as the pages.
 */
#include "api_bibliotheek.h"
#include "api_common.h"
#include "../app/bibliotheek.h"
#include "../app/policy.h"
#include "../app/readmodel.h"
#include "../lib/text.h"
#include "../render/json.h"

#include <jansson.h>
#include <string.h>

#define PATH API_BASE "/kennis/publicaties"

const struct param_spec api_bibliotheek_list_params[] = {{"soort", PT_TEXT, 20},
							 {"thema", PT_TEXT, 80},
							 {"organisatie", PT_TEXT, 80},
							 {"samenwerkingsverband", PT_TEXT, 200},
							 {"q", PT_TEXT, 200},
							 {"pagina", PT_PAGE, 0},
							 {"paginaGrootte", PT_PAGE_SIZE, 0},
							 {NULL, 0, 0}};

static const char *const list_keys[] = {
    "soort", "thema", "organisatie", "samenwerkingsverband", "q", "paginaGrootte", NULL};

/* The form's field names are the API's member names. */
static void api_field_names(struct field_errors *e)
{
	static const char *const map[][2] = {{"thema", "beleidsdomeinen"},
					     {"samenwerkingsverband", "samenwerkingsverbanden"},
					     {"gemeente", "gemeenten"}};
	for (int i = 0; i < e->n; i++)
		for (size_t k = 0; k < sizeof map / sizeof map[0]; k++)
			if (strcmp(e->e[i].field, map[k][0]) == 0)
				snprintf(e->e[i].field, sizeof e->e[i].field, "%s", map[k][1]);
}

static int outcome_or_respond(struct request *r, enum bib_outcome o, struct field_errors *e)
{
	switch (o) {
	case BIB_OK:
		return 0;
	case BIB_INVALID:
		api_field_names(e);
		return api_invalid(r, e, "De invoer klopt niet. Er is niets opgeslagen.");
	case BIB_NOTFOUND:
		return respond_not_found(r);
	case BIB_FORBIDDEN:
		return respond_error(
		    r, 403, "Geen toegang",
		    "Redacteuren beheren alleen stukken van hun eigen organisatie; "
		    "het programmateam beheert alle stukken.",
		    NULL);
	case BIB_CONFLICT:
		return respond_error(r, 409, "Conflict",
				     "Het stuk is intussen gewijzigd. Haal het opnieuw op.", NULL);
	default:
		return api_store_down(r);
	}
}

static void strs_json(struct jw *w, const char *key, const char *const *v, int n)
{
	jw_key(w, key);
	jw_arr(w);
	for (int i = 0; i < n; i++)
		jw_str(w, v[i]);
	jw_end(w);
}

static void row_json(struct jw *w, const struct publication_row *x)
{
	jw_obj(w);
	jw_kint(w, "id", x->id);
	jw_kstr(w, "soort", x->kind);
	jw_kstr(w, "titel", x->title);
	jw_kstr(w, "url", *x->url ? x->url : NULL);
	jw_kstr(w, "samenvatting", x->summary);
	jw_kstr(w, "datum", x->published_on);
	jw_kstr(w, "licentie", *x->licence ? x->licence : NULL);
	jw_kstr(w, "organisatie", x->org_code);
	jw_kstr(w, "zichtbaarheid", x->visibility);
	strs_json(w, "beleidsdomeinen", x->themes, x->n_themes);
	strs_json(w, "samenwerkingsverbanden", x->collabs, x->n_collabs);
	strs_json(w, "gemeenten", x->orgs, x->n_orgs);
	jw_kint(w, "versie", x->version);
	jw_kstr(w, "gewijzigdOp", x->updated_at);
	char href[64];
	snprintf(href, sizeof href, PATH "/%lld", (long long)x->id);
	api_links_self(w, href);
	jw_end(w);
}

int api_bibliotheek_list(struct request *r)
{
	long page = 1, size = 20;
	if (!api_param_long(r, "pagina", 1, 10000, &page) ||
	    !api_param_long(r, "paginaGrootte", 1, 100, &size))
		return respond_error(
		    r, 400, "Ongeldige parameter",
		    "pagina is 1 tot en met 10000, paginaGrootte 1 tot en met 100.", "pagina");
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	struct bibliotheek_query q = {.kind = req_param(r, "soort"),
				      .theme = req_param(r, "thema"),
				      .org = req_param(r, "organisatie"),
				      .collab = req_param(r, "samenwerkingsverband"),
				      .q = req_param(r, "q"),
				      .page = (int)page,
				      .page_size = (int)size};
	struct publication_row *rows;
	int n, total;
	if (bibliotheek_list(s, r->arena, api_token_user(r), &q, &rows, &n, &total))
		return api_store_down(r);
	r->cache_control = "no-store";
	struct jw w;
	api_begin(r, &w);
	r->etag = NULL;
	jw_obj(&w);
	api_paging(r, &w, PATH, list_keys, page, size, total);
	jw_key(&w, "publicaties");
	jw_arr(&w);
	for (int i = 0; i < n; i++)
		row_json(&w, &rows[i]);
	jw_end(&w);
	jw_end(&w);
	return 200;
}

static int reply_row(struct request *r, struct store *s, int64_t id, int status)
{
	struct publication_row x;
	int st =
	    outcome_or_respond(r, bibliotheek_get(s, r->arena, api_token_user(r), id, &x), NULL);
	if (st)
		return st;
	r->cache_control = "no-store";
	struct jw w;
	api_begin(r, &w);
	r->etag = NULL;
	row_json(&w, &x);
	return status;
}

int api_bibliotheek_show(struct request *r)
{
	int64_t id;
	if (!api_path_id(r, 0, &id))
		return respond_not_found(r);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	return reply_row(r, s, id, 200);
}

static const char *const known[] = {
    "soort",	 "titel",	  "url",	 "samenvatting",    "datum",
    "licentie",	 "zichtbaarheid", "organisatie", "beleidsdomeinen", "samenwerkingsverbanden",
    "gemeenten", "versie"};

/* Members of o over f (absent members keep f's value). */
static void read_body(struct request *r, json_t *o, struct bibliotheek_form *f,
		      struct field_errors *e)
{
	const char *v;
#define MEMBER(name, dst)                                                                          \
	if (json_object_get(o, name) && api_str_member(o, name, &v, e))                            \
		dst = v ? v : "";
	MEMBER("soort", f->in.kind)
	MEMBER("titel", f->in.title)
	MEMBER("url", f->in.url)
	MEMBER("samenvatting", f->in.summary)
	MEMBER("datum", f->in.published_on)
	MEMBER("licentie", f->in.licence)
	MEMBER("zichtbaarheid", f->in.visibility)
	MEMBER("organisatie", f->org_code)
#undef MEMBER
	static const char *const arrays[] = {"beleidsdomeinen", "samenwerkingsverbanden",
					     "gemeenten"};
	static const int max[] = {BIBLIOTHEEK_THEMES_MAX, BIBLIOTHEEK_COLLABS_MAX,
				  BIBLIOTHEEK_ORGS_MAX};
	const char *const **lists[] = {&f->themes, &f->collabs, &f->orgs};
	int *counts[] = {&f->n_themes, &f->n_collabs, &f->n_orgs};
	for (int i = 0; i < 3; i++) {
		if (!json_object_get(o, arrays[i]))
			continue;
		const char **out = arena_calloc(r->arena, (size_t)max[i] + 2, sizeof *out);
		*counts[i] = api_str_array(o, arrays[i], out, max[i] + 1, e);
		*lists[i] = out;
	}
	json_t *ver = json_object_get(o, "versie");
	if (ver && json_is_integer(ver))
		f->version = json_integer_value(ver);
	else if (ver && !json_is_null(ver))
		field_errors_add(e, "versie", "Geef de versie als geheel getal.");
	else
		f->version = 0;
	api_unknown_members(o, known, sizeof known / sizeof known[0], e);
}

int api_bibliotheek_create(struct request *r)
{
	json_t *o;
	int st = api_json_body_or_respond(r, &o);
	if (st)
		return st;
	struct field_errors e = {0};
	struct bibliotheek_form f = {0};
	read_body(r, o, &f, &e);
	if (e.n)
		return api_invalid(r, &e, "De invoer klopt niet. Er is niets opgeslagen.");
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int64_t id = 0;
	enum bib_outcome out =
	    bibliotheek_save(s, r->arena, r->snap, r->user, "api", 0, &f, &e, &id);
	if ((st = outcome_or_respond(r, out, &e)))
		return st;
	app_after_write();
	req_header(r, "Location", arena_printf(r->arena, PATH "/%lld", (long long)id));
	return reply_row(r, s, id, 201);
}

int api_bibliotheek_patch(struct request *r)
{
	int64_t id;
	if (!api_path_id(r, 0, &id))
		return respond_not_found(r);
	json_t *o;
	int st = api_json_body_or_respond(r, &o);
	if (st)
		return st;
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	struct publication_row x;
	struct field_errors e = {0};
	if ((st = outcome_or_respond(r, bibliotheek_get(s, r->arena, api_token_user(r), id, &x),
				     &e)))
		return st;
	struct bibliotheek_form f;
	bibliotheek_form_of(&x, &f);
	read_body(r, o, &f, &e);
	if (e.n)
		return api_invalid(r, &e, "De invoer klopt niet. Er is niets opgeslagen.");
	int64_t out_id;
	enum bib_outcome out =
	    bibliotheek_save(s, r->arena, r->snap, r->user, "api", id, &f, &e, &out_id);
	if ((st = outcome_or_respond(r, out, &e)))
		return st;
	app_after_write();
	return reply_row(r, s, id, 200);
}

int api_bibliotheek_delete(struct request *r)
{
	int64_t id;
	if (!api_path_id(r, 0, &id))
		return respond_not_found(r);
	struct store *s = store_thread();
	if (!s)
		return api_store_down(r);
	int st = outcome_or_respond(r, bibliotheek_delete(s, r->arena, r->user, "api", id), NULL);
	if (st)
		return st;
	app_after_write();
	r->cache_control = "no-store";
	r->etag = NULL;
	return 204;
}
