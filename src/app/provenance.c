/*
 * provenance (app) — see provenance.h.
 */
#include "provenance.h"
#include "../domain/provenance.h"
#include "../store/store.h"
#include "../store/store_provenance.h"

#include <string.h>

/* The index of the source of row in v (added when new). */
static int source_of(struct prov_view *v, const struct provenance_row *row)
{
	const char *id = *row->source_key ? row->source_key : row->source_url;
	if (!*id)
		return -1;
	for (int i = 0; i < v->n_sources; i++) {
		const struct prov_source *x = &v->sources[i];
		if (strcmp(*x->key ? x->key : x->url, id) == 0)
			return i;
	}
	struct prov_source *x = &v->sources[v->n_sources];
	x->number = v->n_sources + 1;
	x->key = row->source_key;
	x->title = *row->source_title ? row->source_title : row->source_url;
	x->publisher = row->source_publisher;
	x->url = row->source_url;
	x->date = row->source_date;
	x->kind = *row->source_kind ? row->source_kind
				    : provenance_kind_guess(row->source_url, row->source_title,
							    row->source_publisher);
	x->secondary = provenance_kind_secondary(x->kind);
	return v->n_sources++;
}

static int shape(struct arena *a, const struct snapshot *s, struct provenance_row *rows, int n,
		 struct prov_view *out)
{
	out->marks = arena_calloc(a, (size_t)n + 1, sizeof *out->marks);
	out->sources = arena_calloc(a, (size_t)n + 1, sizeof *out->sources);
	out->n_marks = out->n_sources = 0;
	for (int i = 0; i < n; i++) {
		const struct provenance_row *row = &rows[i];
		struct prov_mark *m = &out->marks[out->n_marks++];
		m->entity = row->entity;
		m->entity_key = row->entity_key;
		m->field = row->field;
		m->field_label = provenance_field_label(row->field);
		m->unconfirmed = strcmp(row->status, "unconfirmed") == 0;
		m->planned = provenance_claim_planned(row->field, row->value, m->unconfirmed,
						      row->source_date, s->today);
		m->value = row->value;
		m->confidence = row->confidence;
		m->note = row->note;
		m->recorded_at = row->recorded_at;
		m->recorded_by = row->recorded_by;
		m->source = source_of(out, row);
		char words[160];
		provenance_words(row->confidence, m->unconfirmed,
				 m->source >= 0 ? out->sources[m->source].kind : "", m->planned,
				 words, sizeof words);
		m->words = arena_strdup(a, words);
	}
	return 0;
}

int app_provenance_for_collab(struct arena *a, const struct snapshot *s, int ci,
			      struct prov_view *out)
{
	memset(out, 0, sizeof *out);
	struct store *st = store_thread();
	struct provenance_row *rows = NULL;
	int n = 0;
	if (!st || store_provenance_of(st, a, "collaboration", s->collabs[ci].key, true, &rows, &n))
		return -1;
	return shape(a, s, rows, n, out);
}

int app_provenance_for_org(struct arena *a, const struct snapshot *s, int oi, struct prov_view *out)
{
	memset(out, 0, sizeof *out);
	struct store *st = store_thread();
	struct provenance_row *rows = NULL;
	int n = 0;
	if (!st || store_provenance_of(st, a, "organisation", s->orgs[oi].code, false, &rows, &n))
		return -1;
	return shape(a, s, rows, n, out);
}

const struct prov_mark *app_provenance_find(const struct prov_view *v, const char *entity,
					    const char *key, const char *field, bool unconfirmed)
{
	for (int i = 0; v && i < v->n_marks; i++) {
		const struct prov_mark *m = &v->marks[i];
		if (m->unconfirmed == unconfirmed && strcmp(m->entity, entity) == 0 &&
		    strcmp(m->entity_key, key) == 0 && strcmp(m->field, field) == 0)
			return m;
	}
	return NULL;
}

const struct prov_mark *app_provenance_find_part(const struct prov_view *v,
						 const struct snapshot *s,
						 const struct participation *p, bool unconfirmed)
{
	char with[300], without[300];
	const char *ck = s->collabs[p->collaboration].key, *oc = s->orgs[p->organisation].code;
	provenance_part_key(with, sizeof with, ck, oc, p->joined);
	provenance_part_key(without, sizeof without, ck, oc, NULL);
	for (int i = 0; v && i < v->n_marks; i++) {
		const struct prov_mark *m = &v->marks[i];
		if (m->unconfirmed == unconfirmed && strcmp(m->entity, "participation") == 0 &&
		    (strcmp(m->entity_key, with) == 0 || strcmp(m->entity_key, without) == 0))
			return m;
	}
	return NULL;
}

bool app_provenance_stale(const struct snapshot *s, const char *confirmed)
{
	return provenance_stale(confirmed, s->today);
}
