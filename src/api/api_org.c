/*
 * api_org — GET /api/v1/organisaties (paged list, filter by kind and
 * status), GET /api/v1/organisaties/{code} (one organisation) and
 * GET /api/v1/organisaties/{code}/deelnames (its participations) and
 * GET /api/v1/organisaties/{code}/overzicht (the organisation at a glance,
 * app/org_glance.h; honours ?peildatum=).
 *
 * Query parameters are validated by the router (routes.c); the handlers
 * check them again so they are safe to call directly (unit tests). Ended
 * organisations (mergers) keep their resource, marked "opgeheven", with a
 * link to the successor.
 */
#include "api.h"
#include "api_common.h"
#include "../app/org_glance.h"
#include "../app/readmodel.h"
#include "../lib/text.h"
#include "../store/store.h"

#include <stdio.h>
#include <string.h>

#define ORG_PATH API_BASE "/organisaties"
#define ORG_PAGE_SIZE 50

static const char *const org_list_keys[] = {"soort", "status", "paginaGrootte", "pagina", NULL};

/* Parse status (actief | beeindigd | alle); dflt when absent, -1 when invalid. */
static int parse_status(const struct request *r, int dflt)
{
	const char *v = req_param(r, "status");
	if (!v)
		return dflt;
	if (strcmp(v, "actief") == 0)
		return 0;
	if (strcmp(v, "beeindigd") == 0)
		return 1;
	if (strcmp(v, "alle") == 0)
		return 2;
	return -1;
}

/* Self-link suffixes per status (the default, actief, needs no query). */
static const char *const status_suffix[] = {"/deelnames", "/deelnames?status=beeindigd",
					    "/deelnames?status=alle"};

static int bad_status(struct request *r)
{
	return respond_error(r, 400, "Ongeldige parameter",
			     "De parameter 'status' moet 'actief', 'beeindigd' of 'alle' zijn.",
			     "status");
}

int api_org_list(struct request *r)
{
	const struct snapshot *s = r->snap;
	long page = 1, size = ORG_PAGE_SIZE;
	int kind = -1;

	const char *soort = req_param(r, "soort");
	if (soort && (kind = label_from_api(org_kind_labels, ORG_KIND_COUNT, soort)) < 0)
		return respond_error(r, 400, "Ongeldige parameter",
				     "De parameter 'soort' moet een van deze waarden zijn: "
				     "provincie, gemeente, waterschap, samenwerkingsorgaan, rijk, "
				     "overig.",
				     "soort");
	int status = parse_status(r, 2);
	if (status < 0)
		return bad_status(r);
	if (!api_param_long(r, "pagina", 1, 10000, &page))
		return respond_error(
		    r, 400, "Ongeldige parameter",
		    "De parameter 'pagina' moet een geheel getal van 1 tot en met 10000 zijn.",
		    "pagina");
	if (!api_param_long(r, "paginaGrootte", 1, 100, &size))
		return respond_error(r, 400, "Ongeldige parameter",
				     "De parameter 'paginaGrootte' moet een geheel getal van 1 tot "
				     "en met 100 zijn.",
				     "paginaGrootte");

	int *idx = arena_calloc(r->arena, (size_t)(s->n_orgs > 0 ? s->n_orgs : 1), sizeof(int));
	int n = 0;
	for (int i = 0; i < s->n_orgs; i++) {
		const struct organisation *o = &s->orgs[i];
		bool ended = api_org_ended(s, o);
		if (kind >= 0 && (int)o->kind != kind)
			continue;
		if ((status == 0 && ended) || (status == 1 && !ended))
			continue;
		idx[n++] = i;
	}

	struct jw w;
	api_begin(r, &w);
	jw_obj(&w);
	api_paging(r, &w, ORG_PATH, org_list_keys, page, size, n);
	jw_key(&w, "organisaties");
	jw_arr(&w);
	long from = (page - 1) * size;
	for (long i = from; i < n && i < from + size; i++) {
		const struct organisation *o = &s->orgs[idx[i]];
		jw_obj(&w);
		jw_kstr(&w, "code", o->code);
		jw_kstr(&w, "naam", o->name);
		jw_kstr(&w, "soort", api_value(org_kind_labels, ORG_KIND_COUNT, (int)o->kind));
		jw_kstr(&w, "cbsCode", o->cbs_code);
		jw_kstr(&w, "tooiCode", o->tooi);
		jw_kbool(&w, "inProvincie", o->in_province);
		jw_kbool(&w, "opgeheven", api_org_ended(s, o));
		jw_kint(&w, "aantalActieveVerbanden", o->n_active_collabs);
		api_links_self_seg(&w, ORG_PATH "/", o->code);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	return 200;
}

/* {code,naam,_links} of an organisation by index. */
static void org_ref_item(struct jw *w, const struct snapshot *s, int idx)
{
	const struct organisation *o = &s->orgs[idx];
	jw_obj(w);
	jw_kstr(w, "code", o->code);
	jw_kstr(w, "naam", o->name);
	api_links_self_seg(w, ORG_PATH "/", o->code);
	jw_end(w);
}

static int find_org(struct request *r)
{
	return r->n_path_args > 0 ? snapshot_find_org(r->snap, r->path_args[0]) : -1;
}

int api_org_get(struct request *r)
{
	const struct snapshot *s = r->snap;
	int i = find_org(r);
	if (i < 0)
		return respond_not_found(r);
	const struct organisation *o = &s->orgs[i];

	struct jw w;
	api_begin(r, &w);
	jw_obj(&w);
	jw_key(&w, "_links");
	jw_obj(&w);
	jw_key(&w, "self");
	jw_obj(&w);
	api_khref(&w, "href", ORG_PATH "/", o->code, NULL);
	jw_end(&w);
	jw_key(&w, "deelnames");
	jw_obj(&w);
	api_khref(&w, "href", ORG_PATH "/", o->code, "/deelnames");
	jw_end(&w);
	jw_end(&w);
	jw_kstr(&w, "code", o->code);
	jw_kstr(&w, "naam", o->name);
	jw_kstr(&w, "soort", api_value(org_kind_labels, ORG_KIND_COUNT, (int)o->kind));
	jw_kstr(&w, "cbsCode", o->cbs_code);
	jw_kstr(&w, "tooiCode", o->tooi);
	jw_kbool(&w, "inProvincie", o->in_province);
	jw_kbool(&w, "opgeheven", api_org_ended(s, o));
	jw_kstr(&w, "geldigVanaf", o->valid_from);
	jw_kstr(&w, "geldigTot", o->valid_to);
	api_org_ref(&w, s, "opvolger", o->successor);
	jw_key(&w, "voorgangers");
	jw_arr(&w);
	for (int k = 0; k < o->n_predecessors; k++)
		org_ref_item(&w, s, o->predecessors[k]);
	jw_end(&w);
	jw_key(&w, "inwoners");
	if (o->population >= 0) {
		jw_obj(&w);
		jw_kint(&w, "aantal", o->population);
		jw_kstr(&w, "peildatum", o->population_date);
		jw_end(&w);
	} else {
		jw_null(&w);
	}
	jw_key(&w, "oppervlakteKm2");
	if (o->area_km2 >= 0)
		jw_num(&w, o->area_km2);
	else
		jw_null(&w);
	jw_key(&w, "samenwerkingsverband");
	if (o->collaboration >= 0) {
		const struct collaboration *c = &s->collabs[o->collaboration];
		jw_obj(&w);
		jw_kstr(&w, "id", c->key);
		jw_kstr(&w, "naam", c->name);
		api_links_self_seg(&w, API_BASE "/samenwerkingsverbanden/", c->key);
		jw_end(&w);
	} else {
		jw_null(&w);
	}
	jw_kint(&w, "aantalActieveVerbanden", o->n_active_collabs);
	api_source(&w, s, "bron", o->source);
	jw_kstr(&w, "laatstBevestigd", o->last_confirmed);
	jw_kstr(&w, "opmerking", o->note);
	jw_end(&w);
	return 200;
}

int api_org_participations(struct request *r)
{
	const struct snapshot *s = r->snap;
	int i = find_org(r);
	if (i < 0)
		return respond_not_found(r);
	int status = parse_status(r, 0);
	if (status < 0)
		return bad_status(r);
	const struct organisation *o = &s->orgs[i];

	struct jw w;
	api_begin(r, &w);
	jw_obj(&w);
	jw_key(&w, "_links");
	jw_obj(&w);
	jw_key(&w, "self");
	jw_obj(&w);
	api_khref(&w, "href", ORG_PATH "/", o->code, status_suffix[status]);
	jw_end(&w);
	jw_key(&w, "organisatie");
	jw_obj(&w);
	api_khref(&w, "href", ORG_PATH "/", o->code, NULL);
	jw_end(&w);
	jw_end(&w);
	jw_key(&w, "organisatie");
	jw_obj(&w);
	jw_kstr(&w, "code", o->code);
	jw_kstr(&w, "naam", o->name);
	jw_end(&w);

	int total = 0;
	jw_key(&w, "deelnames");
	jw_arr(&w);
	for (int k = 0; k < o->n_parts; k++) {
		const struct participation *p = &s->parts[o->parts[k]];
		const struct collaboration *c = &s->collabs[p->collaboration];
		bool active = p->active && c->active;
		if ((status == 0 && !active) || (status == 1 && active))
			continue;
		total++;
		jw_obj(&w);
		jw_key(&w, "samenwerkingsverband");
		jw_obj(&w);
		jw_kstr(&w, "id", c->key);
		jw_kstr(&w, "naam", c->name);
		jw_kstr(&w, "soort",
			api_value(collab_kind_labels, COLLAB_KIND_COUNT, (int)c->kind));
		jw_kstr(&w, "juridischeVorm",
			api_value(legal_form_labels, LF_COUNT, (int)c->legal_form));
		jw_kbool(&w, "actief", c->active);
		api_links_self_seg(&w, API_BASE "/samenwerkingsverbanden/", c->key);
		jw_end(&w);
		jw_kstr(&w, "orgaan", api_value(body_labels, BODY_COUNT, (int)p->body));
		jw_kstr(&w, "rol", api_value(role_labels, ROLE_COUNT, (int)p->role));
		jw_kstr(&w, "toegetreden", p->joined);
		jw_kstr(&w, "uitgetreden", p->left);
		jw_kbool(&w, "actief", active);
		jw_key(&w, "beleidsdomeinen");
		jw_arr(&w);
		for (int d = 0; d < c->n_domains; d++)
			jw_str(&w, s->domains[c->domains[d]].key);
		jw_end(&w);
		jw_end(&w);
	}
	jw_end(&w);
	jw_kint(&w, "totaal", total);
	jw_end(&w);
	return 200;
}

/* An amount in euro, or null when unknown. */
static void k_amount(struct jw *w, const char *key, int64_t v)
{
	jw_key(w, key);
	if (v >= 0)
		jw_int(w, v);
	else
		jw_null(w);
}

static void k_number(struct jw *w, const char *key, double v, double scale)
{
	jw_key(w, key);
	if (v >= 0)
		jw_num(w, (double)(long long)(v * scale + 0.5) / scale);
	else
		jw_null(w);
}

static void glance_row_json(struct jw *w, const struct snapshot *s, const struct org_glance *g,
			    const struct glance_row *row)
{
	const struct collaboration *c = &s->collabs[row->collab];
	const struct participation *p = &s->parts[row->part];
	jw_obj(w);
	jw_key(w, "samenwerkingsverband");
	jw_obj(w);
	jw_kstr(w, "id", c->key);
	jw_kstr(w, "naam", c->name);
	jw_kstr(w, "soort", api_value(collab_kind_labels, COLLAB_KIND_COUNT, (int)c->kind));
	jw_kstr(w, "juridischeVorm", api_value(legal_form_labels, LF_COUNT, (int)c->legal_form));
	jw_kstr(w, "website", c->website);
	api_links_self_seg(w, API_BASE "/samenwerkingsverbanden/", c->key);
	jw_end(w);
	jw_kstr(w, "rol", api_value(role_labels, ROLE_COUNT, (int)p->role));
	jw_key(w, "zetels");
	jw_arr(w);
	for (int k = 0; k < row->n_seats; k++) {
		jw_obj(w);
		jw_kstr(w, "orgaan", seat_body_labels[row->seats[k].body].api);
		jw_kstr(w, "persoon", row->seats[k].person);
		jw_kstr(w, "persoonId", row->seats[k].person_key);
		jw_kbool(w, "vanRechtswege", row->seats[k].by_law);
		jw_end(w);
	}
	jw_end(w);
	jw_key(w, "bijdrage");
	jw_obj(w);
	jw_kint(w, "jaar", g->year);
	k_amount(w, "bedrag", row->amount);
	k_amount(w, "bedragVorigJaar", row->amount_prev);
	k_amount(w, "totaalBekend", row->n_known > 0 ? row->total : -1);
	jw_kint(w, "aantalBekend", row->n_known);
	jw_kint(w, "aantalDeelnemers", row->n_members);
	k_number(w, "aandeel", row->share, 10000.0);
	jw_end(w);
	jw_key(w, "volgendMoment");
	if (row->has_next) {
		jw_obj(w);
		jw_kstr(w, "document", wgr_doc_slug(row->next.doc));
		jw_kint(w, "begrotingsjaar", row->next.year);
		jw_kstr(w, "datum", row->next.date);
		int ay, am;
		if (row->next.doc == WGR_DOC_ZIENSWIJZE_BEGROTING &&
		    glance_agenda_month(row->next.date, &ay, &am) == 0) {
			char ym[16];
			snprintf(ym, sizeof ym, "%04u-%02u", (unsigned)ay % 10000u,
				 (unsigned)am % 100u);
			jw_kstr(w, "agenderenIn", ym);
		}
		jw_kstr(w, "tekst", row->next_text);
		jw_kstr(w, "grondslag", row->next.rule ? row->next.rule->article : "");
		jw_end(w);
	} else {
		jw_null(w);
	}
	/* why there is no dated moment ("" when there is one) */
	jw_kstr(w, "toelichtingMoment", row->has_next ? "" : row->next_text);
	/* the coming zienswijze on the begroting when it is not the next moment */
	jw_kstr(w, "zienswijze", row->pending);
	jw_end(w);
}

int api_org_overview(struct request *r)
{
	int tt_status = api_at_date(r, NULL);
	if (tt_status)
		return tt_status;
	const struct snapshot *s = r->snap;
	int i = find_org(r);
	if (i < 0)
		return respond_not_found(r);
	const struct organisation *o = &s->orgs[i];
	struct org_glance g;
	if (org_glance_build(store_thread(), s, i, r->user, r->arena, &g) != 0)
		return respond_error(r, 500, "Interne fout",
				     "Het overzicht kon niet worden gemaakt.", NULL);

	struct jw w;
	api_begin(r, &w);
	jw_obj(&w);
	jw_key(&w, "_links");
	jw_obj(&w);
	jw_key(&w, "self");
	jw_obj(&w);
	api_khref(&w, "href", ORG_PATH "/", o->code, "/overzicht");
	jw_end(&w);
	jw_key(&w, "organisatie");
	jw_obj(&w);
	api_khref(&w, "href", ORG_PATH "/", o->code, NULL);
	jw_end(&w);
	jw_end(&w);
	jw_kstr(&w, "peildatum", s->today);
	jw_key(&w, "organisatie");
	jw_obj(&w);
	jw_kstr(&w, "code", o->code);
	jw_kstr(&w, "naam", o->name);
	jw_kstr(&w, "soort", api_value(org_kind_labels, ORG_KIND_COUNT, (int)o->kind));
	k_amount(&w, "inwoners", o->population);
	jw_kstr(&w, "volksvertegenwoordiging", g.council.name);
	jw_end(&w);
	jw_key(&w, "samenwerkingsverbanden");
	jw_arr(&w);
	for (int k = 0; k < g.n_rows; k++)
		glance_row_json(&w, s, &g, &g.rows[k]);
	jw_end(&w);
	jw_key(&w, "totaal");
	jw_obj(&w);
	jw_kint(&w, "jaar", g.year);
	jw_kint(&w, "aantalSamenwerkingsverbanden", g.n_rows);
	jw_kint(&w, "aantalBijdragenBekend", g.n_known);
	k_amount(&w, "bekendeBijdragen", g.n_known > 0 ? g.total : -1);
	k_amount(&w, "bekendeBijdragenVorigJaar", g.n_known_prev > 0 ? g.total_prev : -1);
	k_number(&w, "perInwoner", g.per_inhabitant, 100.0);
	jw_end(&w);
	jw_key(&w, "vergelijking");
	jw_arr(&w);
	for (int k = 0; k < g.n_peers; k++) {
		const struct glance_peer *pp = &g.peers[k];
		const struct organisation *x = &s->orgs[pp->org];
		jw_obj(&w);
		jw_kstr(&w, "code", x->code);
		jw_kstr(&w, "naam", x->name);
		k_amount(&w, "inwoners", x->population);
		jw_kint(&w, "aantalSamenwerkingsverbanden", pp->n_collabs);
		jw_kint(&w, "aantalBijdragenBekend", pp->n_known);
		k_amount(&w, "bekendeBijdragen", pp->n_known > 0 ? pp->total : -1);
		k_number(&w, "perInwoner", pp->per_inhabitant, 100.0);
		api_links_self_seg(&w, ORG_PATH "/", x->code);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	return 200;
}
