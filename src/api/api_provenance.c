/*
 * api_provenance — where each value of a record came from:
 * GET /api/v1/samenwerkingsverbanden/{id}/herkomst (with its participations)
 * and GET /api/v1/organisaties/{code}/herkomst. The same shaping as the
 * pages (app/provenance.h): numbered sources, per field the source, the
 * certainty in words, and claims that are not confirmed; plus the record's
 * last confirmation and whether it is older than a year. Provenance rows
 * are read per request from the store; every write bumps the data version,
 * so the snapshot's ETag covers them.
 */
#include "api.h"
#include "api_common.h"
#include "../app/provenance.h"

#include <string.h>

#define COLLAB_PATH API_BASE "/samenwerkingsverbanden"
#define ORG_PATH API_BASE "/organisaties"

static int unavailable(struct request *r)
{
	return respond_error(r, 503, "Tijdelijk niet beschikbaar",
			     "De herkomst van de gegevens is nu niet te lezen. Probeer het later "
			     "opnieuw.",
			     NULL);
}

static const char *entity_nl(const char *entity)
{
	if (strcmp(entity, "collaboration") == 0)
		return "samenwerkingsverband";
	if (strcmp(entity, "organisation") == 0)
		return "organisatie";
	if (strcmp(entity, "participation") == 0)
		return "deelname";
	return entity;
}

static const char *confidence_nl(const char *c)
{
	return strcmp(c, "high") == 0 ? "hoog" : strcmp(c, "low") == 0 ? "laag" : "middel";
}

/* "laatstBevestigd", "bevestigdDoor", "verouderd", "gegevens", "bronnen". */
static void write_view(struct jw *w, const struct snapshot *s, const struct prov_view *v,
		       const char *confirmed, const char *by)
{
	jw_kstr(w, "laatstBevestigd", confirmed);
	jw_kstr(w, "bevestigdDoor", by);
	jw_kbool(w, "verouderd", app_provenance_stale(s, confirmed));
	jw_key(w, "gegevens");
	jw_arr(w);
	for (int i = 0; i < v->n_marks; i++) {
		const struct prov_mark *m = &v->marks[i];
		jw_obj(w);
		jw_kstr(w, "soort", entity_nl(m->entity));
		jw_kstr(w, "sleutel", m->entity_key);
		jw_kstr(w, "veld", m->field);
		jw_kstr(w, "veldNaam", m->field_label);
		jw_kstr(w, "status", m->unconfirmed ? "onbevestigd" : "feit");
		jw_kstr(w, "waarde", m->value);
		jw_kbool(w, "gepland", m->planned);
		jw_kstr(w, "zekerheid", confidence_nl(m->confidence));
		jw_kstr(w, "zekerheidInWoorden", m->words);
		jw_key(w, "bron");
		if (m->source >= 0)
			jw_int(w, v->sources[m->source].number);
		else
			jw_null(w);
		jw_kstr(w, "toelichting", m->note);
		jw_kstr(w, "vastgelegdOp", m->recorded_at);
		jw_end(w);
	}
	jw_end(w);
	jw_key(w, "bronnen");
	jw_arr(w);
	for (int i = 0; i < v->n_sources; i++) {
		const struct prov_source *x = &v->sources[i];
		jw_obj(w);
		jw_kint(w, "nummer", x->number);
		jw_kstr(w, "sleutel", x->key);
		jw_kstr(w, "titel", x->title);
		jw_kstr(w, "uitgever", x->publisher);
		jw_kstr(w, "url", x->url);
		jw_kstr(w, "datum", x->date);
		jw_kstr(w, "soort", x->kind);
		jw_kbool(w, "secundair", x->secondary);
		jw_end(w);
	}
	jw_end(w);
}

/* The herkomst reply of one record: links to itself (path/key/herkomst) and
 * to the record (under rel), its id (under id_name) and name, and the
 * view. */
static int reply(struct request *r, const struct prov_view *v, const char *path, const char *key,
		 const char *rel, const char *id_name, const char *name, const char *last_confirmed,
		 const char *confirmed_by)
{
	struct jw w;
	api_begin(r, &w);
	jw_obj(&w);
	jw_key(&w, "_links");
	jw_obj(&w);
	jw_key(&w, "self");
	jw_obj(&w);
	api_khref(&w, "href", path, key, "/herkomst");
	jw_end(&w);
	jw_key(&w, rel);
	jw_obj(&w);
	api_khref(&w, "href", path, key, NULL);
	jw_end(&w);
	jw_end(&w);
	jw_kstr(&w, id_name, key);
	jw_kstr(&w, "naam", name);
	write_view(&w, r->snap, v, last_confirmed, confirmed_by);
	jw_end(&w);
	return 200;
}

int api_collab_provenance(struct request *r)
{
	const struct snapshot *s = r->snap;
	int ci = r->n_path_args > 0 ? snapshot_find_collab(s, r->path_args[0]) : -1;
	if (ci < 0)
		return respond_not_found(r);
	const struct collaboration *c = &s->collabs[ci];
	struct prov_view v;
	if (app_provenance_for_collab(r->arena, s, ci, &v))
		return unavailable(r);
	return reply(r, &v, COLLAB_PATH "/", c->key, "samenwerkingsverband", "id", c->name,
		     c->last_confirmed, c->confirmed_by);
}

int api_org_provenance(struct request *r)
{
	const struct snapshot *s = r->snap;
	int oi = r->n_path_args > 0 ? snapshot_find_org(s, r->path_args[0]) : -1;
	if (oi < 0)
		return respond_not_found(r);
	const struct organisation *o = &s->orgs[oi];
	struct prov_view v;
	if (app_provenance_for_org(r->arena, s, oi, &v))
		return unavailable(r);
	return reply(r, &v, ORG_PATH "/", o->code, "organisatie", "code", o->name,
		     o->last_confirmed, o->confirmed_by);
}
