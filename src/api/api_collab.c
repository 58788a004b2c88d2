/*
 * api_collab — GET /api/v1/samenwerkingsverbanden (filtered, sorted, paged
 * list of summaries) and GET /api/v1/samenwerkingsverbanden/{id} (one
 * collaboration with its participants and source).
 *
 * The list uses the same filter as the HTML page (domain/filter.h), so both
 * accept exactly the same keys and values. Replies are streamed with the JSON
 * writer; nothing is cached here (the server caches by URL + snapshot).
 */
#include "api.h"
#include "api_common.h"
#include "api_write.h"
#include "../domain/filter.h"
#include "../app/readmodel.h"
#include "../lib/text.h"

#define COLLAB_PATH API_BASE "/samenwerkingsverbanden"
#define API_PAGE_SIZE 20

/* One list item (summary). */
static void write_summary(struct jw *w, const struct snapshot *s, const struct collaboration *c)
{
	jw_obj(w);
	jw_kstr(w, "id", c->key);
	jw_kstr(w, "naam", c->name);
	jw_kstr(w, "korteNaam", c->short_name);
	jw_kstr(w, "soort", api_value(collab_kind_labels, COLLAB_KIND_COUNT, (int)c->kind));
	jw_kstr(w, "juridischeVorm", api_value(legal_form_labels, LF_COUNT, (int)c->legal_form));
	jw_kstr(w, "fase", api_value(phase_labels, PHASE_COUNT, (int)c->phase));
	jw_key(w, "beleidsdomeinen");
	jw_arr(w);
	for (int k = 0; k < c->n_domains; k++)
		jw_str(w, s->domains[c->domains[k]].key);
	jw_end(w);
	jw_kbool(w, "actief", c->active);
	jw_kint(w, "aantalDeelnemers", c->n_active_parts);
	jw_kstr(w, "laatstBevestigd", c->last_confirmed);
	api_links_self_seg(w, COLLAB_PATH "/", c->key);
	jw_end(w);
}

/* The filter keys plus the time-travel date, for the paging links. */
static const char *const list_keys[] = {"beleidsdomein", "juridischeVorm", "fase",    "soort",
					"deelnemer",	 "status",	   "sorteer", "pagina",
					"paginaGrootte", "peildatum",	   NULL};

int api_collab_list(struct request *r)
{
	bool tt;
	const char *date = req_param(r, "peildatum");
	int tt_status = api_at_date(r, &tt);
	if (tt_status)
		return tt_status;
	const struct snapshot *s = r->snap;
	struct collab_filter f;
	char msg[256];

	collab_filter_init(&f, API_PAGE_SIZE);
	for (int k = 0; collab_filter_keys[k]; k++) {
		const char *v = req_param(r, collab_filter_keys[k]);
		if (!v)
			continue;
		if (collab_filter_set(&f, s, collab_filter_keys[k], v, msg, sizeof msg) < 0)
			return respond_error(r, 400, "Ongeldige parameter",
					     arena_strdup(r->arena, msg), collab_filter_keys[k]);
	}

	int *idx =
	    arena_calloc(r->arena, (size_t)(s->n_collabs > 0 ? s->n_collabs : 1), sizeof(int));
	int n = collab_filter_apply(&f, s, idx);

	struct jw w;
	api_begin(r, &w);
	jw_obj(&w);
	api_paging(r, &w, COLLAB_PATH, list_keys, f.page, f.page_size, n);
	if (tt)
		jw_kstr(&w, "peildatum", date);
	jw_key(&w, "samenwerkingsverbanden");
	jw_arr(&w);
	long from = (f.page - 1) * f.page_size;
	for (long i = from; i < n && i < from + f.page_size; i++)
		write_summary(&w, s, &s->collabs[idx[i]]);
	jw_end(&w);
	jw_end(&w);
	return 200;
}

/* One participant of a collaboration. */
void api_collab_write_participant(struct jw *w, const struct snapshot *s,
				  const struct participation *p)
{
	const struct organisation *o = &s->orgs[p->organisation];
	jw_obj(w);
	jw_kint(w, "id", p->id); /* the {deelname} of the write routes */
	jw_kint(w, "versie", p->version);
	jw_key(w, "organisatie");
	jw_obj(w);
	jw_kstr(w, "code", o->code);
	jw_kstr(w, "naam", o->name);
	jw_kstr(w, "soort", api_value(org_kind_labels, ORG_KIND_COUNT, (int)o->kind));
	api_links_self_seg(w, API_BASE "/organisaties/", o->code);
	jw_end(w);
	jw_kstr(w, "orgaan", api_value(body_labels, BODY_COUNT, (int)p->body));
	jw_kstr(w, "rol", api_value(role_labels, ROLE_COUNT, (int)p->role));
	jw_key(w, "kostenverdeelsleutel");
	if (p->cost_share >= 0)
		jw_num(w, p->cost_share);
	else
		jw_null(w);
	jw_key(w, "bijdrage");
	if (p->contribution >= 0)
		jw_int(w, p->contribution);
	else
		jw_null(w);
	jw_kstr(w, "toegetreden", p->joined);
	jw_kstr(w, "uitgetreden", p->left);
	jw_kbool(w, "actief", p->active);
	jw_key(w, "bron");
	if (p->source >= 0) {
		const struct source *src = &s->sources[p->source];
		jw_obj(w);
		jw_kstr(w, "id", src->key);
		jw_kstr(w, "titel", src->title);
		jw_kstr(w, "peildatum", src->reference_date);
		jw_end(w);
	} else {
		jw_null(w);
	}
	jw_kstr(w, "laatstBevestigd", p->last_confirmed);
	jw_kstr(w, "opmerking", p->note);
	jw_end(w);
}

int api_collab_get(struct request *r)
{
	const struct snapshot *s = r->snap;
	int i = r->n_path_args > 0 ? snapshot_find_collab(s, r->path_args[0]) : -1;
	if (i < 0)
		return respond_not_found(r);

	struct jw w;
	api_begin(r, &w);
	r->etag = api_collab_etag(r, &s->collabs[i]); /* per-record ETag */
	api_collab_write_detail(&w, s, i);
	return 200;
}

void api_collab_write_detail(struct jw *w, const struct snapshot *s, int i)
{
	const struct collaboration *c = &s->collabs[i];
	jw_obj(w);
	jw_key(w, "_links");
	jw_obj(w);
	jw_key(w, "self");
	jw_obj(w);
	api_khref(w, "href", COLLAB_PATH "/", c->key, NULL);
	jw_end(w);
	jw_key(w, "samenwerkingsverbanden");
	jw_obj(w);
	jw_kstr(w, "href", COLLAB_PATH);
	jw_end(w);
	jw_end(w);
	jw_kstr(w, "id", c->key);
	jw_kstr(w, "naam", c->name);
	jw_kstr(w, "korteNaam", c->short_name);
	jw_kstr(w, "soort", api_value(collab_kind_labels, COLLAB_KIND_COUNT, (int)c->kind));
	jw_key(w, "juridischeVorm");
	if (api_value(legal_form_labels, LF_COUNT, (int)c->legal_form)) {
		jw_obj(w);
		jw_kstr(w, "code", legal_form_labels[c->legal_form].api);
		jw_kstr(w, "omschrijving", legal_form_labels[c->legal_form].label);
		jw_end(w);
	} else {
		jw_null(w);
	}
	jw_kstr(w, "bevoegdheidsverkrijging", api_value(powers_labels, POW_COUNT, (int)c->powers));
	jw_key(w, "beleidsdomeinen");
	jw_arr(w);
	for (int k = 0; k < c->n_domains; k++) {
		const struct domain *d = &s->domains[c->domains[k]];
		jw_obj(w);
		jw_kstr(w, "code", d->key);
		jw_kstr(w, "naam", d->name);
		jw_end(w);
	}
	jw_end(w);
	jw_kstr(w, "fase", api_value(phase_labels, PHASE_COUNT, (int)c->phase));
	jw_kstr(w, "doel", c->purpose);
	jw_kstr(w, "vestigingsplaats", c->seat);
	jw_kstr(w, "startdatum", c->start_date);
	jw_kstr(w, "einddatum", c->end_date);
	jw_kstr(w, "website", c->website);
	jw_kbool(w, "actief", c->active);
	jw_kint(w, "aantalDeelnemers", c->n_active_parts);
	jw_kstr(w, "opmerking", c->note);
	api_source(w, s, "bron", c->source);
	jw_kstr(w, "laatstBevestigd", c->last_confirmed);
	jw_kint(w, "versie", c->version);
	jw_key(w, "deelnemers");
	jw_arr(w);
	for (int k = 0; k < c->n_parts; k++)
		api_collab_write_participant(w, s, &s->parts[c->parts[k]]);
	jw_end(w);
	jw_end(w);
}
