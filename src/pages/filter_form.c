/*
 * filter_form — see filter_form.h.
 */
#include "filter_form.h"
#include "../domain/labels.h"
#include "../domain/filter.h"
#include "../render/components.h"
#include "../render/html.h"

#include <string.h>

/* One choice of a filter select: its value, label and how many
 * collaborations it would give (-1: no count shown). */
struct counted_option {
	const char *value, *label;
	int count;
};

/*
 * A labelled select like comp_select, with the number of results beside
 * each choice: "Sociaal domein (12)". A choice that would give no results
 * is marked "(0, geen resultaten)" but stays selectable: the counts hold
 * for the other filters as they are now, and a visitor may change several
 * selects before submitting.
 */
static void counted_select(struct request *r, const char *name, const char *label,
			   const struct counted_option *o, int n, const char *selected)
{
	struct comp_option *co = arena_calloc(r->arena, (size_t)n, sizeof *co);
	for (int i = 0; i < n; i++) {
		co[i].value = o[i].value;
		if (o[i].count == 0)
			co[i].label = arena_printf(r->arena, "%s (0, geen resultaten)", o[i].label);
		else if (o[i].count > 0)
			co[i].label = arena_printf(r->arena, "%s (%d)", o[i].label, o[i].count);
		else
			co[i].label = o[i].label;
	}
	comp_select(&r->out, name, label, co, n, selected);
}

static void enum_select(struct request *r, const char *name, const char *label, const char *all,
			const struct label *t, int n, int skip, const int *counts, int total)
{
	/* index 0 of these tables is "unknown" (except kinds): listed last */
	bool has_unknown = t == legal_form_labels || t == phase_labels;
	struct counted_option *o = arena_calloc(r->arena, (size_t)n + 1, sizeof *o);
	int k = 0;
	o[k++] = (struct counted_option){"", all, total};
	for (int i = has_unknown ? 1 : 0; i < n; i++)
		if (i != skip)
			o[k++] = (struct counted_option){t[i].api, t[i].label, counts[i]};
	if (has_unknown)
		o[k++] = (struct counted_option){t[0].api, "Onbekend", counts[0]};
	counted_select(r, name, label, o, k, req_param(r, name));
}

/* The filter the request asks for (invalid values are left out here: the
 * page reports them). */
static void current_filter(struct request *r, struct collab_filter *f)
{
	collab_filter_init(f, 25);
	char msg[200];
	for (int i = 0; collab_filter_keys[i]; i++) {
		const char *v = req_param(r, collab_filter_keys[i]);
		if (v && *v)
			(void)collab_filter_set(f, r->snap, collab_filter_keys[i], v, msg,
						sizeof msg);
	}
}

static int *facet(struct request *r, const struct collab_filter *f, enum filter_facet which,
		  int *total)
{
	int n = collab_filter_facet_size(r->snap, which);
	int *counts = arena_calloc(r->arena, (size_t)n + 1, sizeof *counts);
	*total = collab_filter_facet_counts(f, r->snap, which, counts);
	return counts;
}

void filter_form_selects(struct request *r, unsigned fields)
{
	const struct snapshot *s = r->snap;
	struct collab_filter cur;
	current_filter(r, &cur);
	int total;
	if (fields & FF_DOMAIN) {
		const int *cnt = facet(r, &cur, FACET_DOMAIN, &total);
		struct counted_option *o =
		    arena_calloc(r->arena, (size_t)s->n_domains + 1, sizeof *o);
		o[0] = (struct counted_option){"", "Alle beleidsdomeinen", total};
		for (int i = 0; i < s->n_domains; i++)
			o[i + 1] =
			    (struct counted_option){s->domains[i].key, s->domains[i].name, cnt[i]};
		counted_select(r, "beleidsdomein", "Beleidsdomein", o, s->n_domains + 1,
			       req_param(r, "beleidsdomein"));
	}
	if (fields & FF_LEGAL_FORM) {
		const int *cnt = facet(r, &cur, FACET_LEGAL_FORM, &total);
		enum_select(r, "juridischeVorm", "Juridische vorm", "Alle juridische vormen",
			    legal_form_labels, LF_COUNT, -1, cnt, total);
	}
	if (fields & (FF_PHASE | FF_PHASE_ACTIVE)) {
		const int *cnt = facet(r, &cur, FACET_PHASE, &total);
		enum_select(r, "fase", "Fase", "Alle fasen", phase_labels, PHASE_COUNT,
			    (fields & FF_PHASE_ACTIVE) ? PHASE_BEEINDIGD : -1, cnt, total);
	}
	if (fields & FF_KIND) {
		const int *cnt = facet(r, &cur, FACET_KIND, &total);
		enum_select(r, "soort", "Soort samenwerking", "Alle soorten", collab_kind_labels,
			    COLLAB_KIND_COUNT, -1, cnt, total);
	}
	if (fields & (FF_PARTICIPANT | FF_PARTICIPANT_ACTIVE)) {
		const int *cnt = facet(r, &cur, FACET_ORG, &total);
		const char *sel = req_param(r, "deelnemer");
		struct counted_option *o = arena_calloc(r->arena, (size_t)s->n_orgs + 1, sizeof *o);
		int k = 0;
		o[k++] = (struct counted_option){"", "Alle organisaties", total};
		for (int i = 0; i < s->n_orgs; i++) {
			const struct organisation *org = &s->orgs[i];
			bool in = (fields & FF_PARTICIPANT_ACTIVE) ? org->n_active_collabs > 0
								   : org->n_parts > 0;
			if (!in && !(sel && strcmp(sel, org->code) == 0))
				continue; /* keep a chosen one visible */
			o[k++] = (struct counted_option){
			    org->code,
			    org->ended ? arena_printf(r->arena, "%s (opgeheven)", org->name)
				       : org->name,
			    cnt[i]};
		}
		counted_select(r, "deelnemer", "Deelnemende organisatie", o, k, sel);
	}
}
