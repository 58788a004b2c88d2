/*
 * filter_form — see filter_form.h.
 */
#include "filter_form.h"
#include "../domain/labels.h"
#include "../render/components.h"

#include <string.h>

static void enum_select(struct request *r, const char *name, const char *label, const char *all,
			const struct label *t, int n, int skip)
{
	/* index 0 of these tables is "unknown" (except kinds): listed last */
	bool has_unknown = t == legal_form_labels || t == phase_labels;
	struct comp_option *o = arena_calloc(r->arena, (size_t)n + 1, sizeof *o);
	int k = 0;
	o[k++] = (struct comp_option){"", all};
	for (int i = has_unknown ? 1 : 0; i < n; i++)
		if (i != skip)
			o[k++] = (struct comp_option){t[i].api, t[i].label};
	if (has_unknown)
		o[k++] = (struct comp_option){t[0].api, "Onbekend"};
	comp_select(&r->out, name, label, o, k, req_param(r, name));
}

void filter_form_selects(struct request *r, unsigned fields)
{
	const struct snapshot *s = r->snap;
	if (fields & FF_DOMAIN) {
		struct comp_option *o = arena_calloc(r->arena, (size_t)s->n_domains + 1, sizeof *o);
		o[0] = (struct comp_option){"", "Alle beleidsdomeinen"};
		for (int i = 0; i < s->n_domains; i++)
			o[i + 1] = (struct comp_option){s->domains[i].key, s->domains[i].name};
		comp_select(&r->out, "beleidsdomein", "Beleidsdomein", o, s->n_domains + 1,
			    req_param(r, "beleidsdomein"));
	}
	if (fields & FF_LEGAL_FORM)
		enum_select(r, "juridischeVorm", "Juridische vorm", "Alle juridische vormen",
			    legal_form_labels, LF_COUNT, -1);
	if (fields & (FF_PHASE | FF_PHASE_ACTIVE))
		enum_select(r, "fase", "Fase", "Alle fasen", phase_labels, PHASE_COUNT,
			    (fields & FF_PHASE_ACTIVE) ? PHASE_BEEINDIGD : -1);
	if (fields & FF_KIND)
		enum_select(r, "soort", "Soort samenwerking", "Alle soorten", collab_kind_labels,
			    COLLAB_KIND_COUNT, -1);
	if (fields & (FF_PARTICIPANT | FF_PARTICIPANT_ACTIVE)) {
		const char *sel = req_param(r, "deelnemer");
		struct comp_option *o = arena_calloc(r->arena, (size_t)s->n_orgs + 1, sizeof *o);
		int k = 0;
		o[k++] = (struct comp_option){"", "Alle organisaties"};
		for (int i = 0; i < s->n_orgs; i++) {
			const struct organisation *org = &s->orgs[i];
			bool in = (fields & FF_PARTICIPANT_ACTIVE) ? org->n_active_collabs > 0
								   : org->n_parts > 0;
			if (!in && !(sel && strcmp(sel, org->code) == 0))
				continue; /* keep a chosen one visible */
			o[k++] = (struct comp_option){
			    org->code, org->ended
					   ? arena_printf(r->arena, "%s (opgeheven)", org->name)
					   : org->name};
		}
		comp_select(&r->out, "deelnemer", "Deelnemende organisatie", o, k, sel);
	}
}
