/*
 * api_evaluatie — released evaluation aggregates; see api_evaluatie.h.
 * The API answers for the public: released rounds only, for every reader,
 * and never the open answers.
 */
#include "api_evaluatie.h"
#include "api_common.h"
#include "../app/evaluatie.h"
#include "../app/readmodel.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "../render/json.h"

#include <string.h>

static void round_json(struct request *r, struct jw *w, const struct ev_round_row *x)
{
	jw_obj(w);
	jw_kint(w, "id", x->id);
	jw_kstr(w, "naam", x->name);
	jw_kstr(w, "begin", x->starts_on);
	jw_kstr(w, "einde", x->ends_on);
	jw_kstr(w, "status", x->status);
	jw_key(w, "_links");
	jw_obj(w);
	jw_key(w, "resultaten");
	jw_obj(w);
	jw_kstr(
	    w, "href",
	    arena_printf(r->arena, API_BASE "/evaluatie/rondes/%lld/resultaten", (long long)x->id));
	jw_end(w);
	jw_end(w);
	jw_end(w);
}

int api_evaluatie_rounds(struct request *r)
{
	struct store *st = store_thread();
	if (!st)
		return api_store_down(r);
	struct ev_round_row *rows;
	int n;
	if (evaluatie_rounds(st, r->arena, NULL, &rows, &n))
		return api_store_down(r);
	r->cache_control = "no-store";
	struct jw w;
	api_begin(r, &w);
	r->etag = NULL;
	jw_obj(&w);
	jw_key(&w, "rondes");
	jw_arr(&w);
	for (int i = 0; i < n; i++)
		round_json(r, &w, &rows[i]);
	jw_end(&w);
	jw_end(&w);
	return 200;
}

static void cell_json(struct jw *w, const struct ev_result_row *x, const struct ev_cell *c)
{
	jw_kbool(w, "onderdrukt", c->hidden);
	if (c->hidden) {
		jw_key(w, "n");
		jw_null(w);
		return;
	}
	jw_kint(w, "n", c->n);
	jw_key(w, "verdeling");
	jw_obj(w);
	for (int v = x->first; v <= x->last; v++) {
		char k[8];
		snprintf(k, sizeof k, "%d", v);
		jw_kint(w, k, c->counts[v]);
	}
	jw_end(w);
	double m = 0;
	bool has = x->scale && evaluatie_mean(c, &m);
	jw_knum_or_null(w, "gemiddelde", has, m);
}

int api_evaluatie_results(struct request *r)
{
	long id;
	if (r->n_path_args < 1 || !parse_long(r->path_args[0], 1, 1000000000L, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return api_store_down(r);
	struct ev_results res;
	enum evaluatie_outcome o = evaluatie_results(st, r->arena, r->snap, NULL, id, &res);
	if (o == EVAL_NOTFOUND)
		return respond_not_found(r);
	if (o != EVAL_OK)
		return api_store_down(r);
	r->cache_control = "no-store";
	struct jw w;
	api_begin(r, &w);
	r->etag = NULL;
	jw_obj(&w);
	jw_key(&w, "ronde");
	round_json(r, &w, &res.round);
	jw_key(&w, "respondenten");
	if (res.respondents_hidden)
		jw_null(&w);
	else
		jw_int(&w, res.respondents);
	jw_kint(&w, "minimumGroep", EVALUATIE_MIN_CELL);
	jw_key(&w, "vragen");
	jw_arr(&w);
	for (int i = 0; i < res.n_rows; i++) {
		const struct ev_result_row *x = &res.rows[i];
		jw_obj(&w);
		jw_kstr(&w, "vraag", x->item->item_key);
		jw_kint(&w, "versie", x->item->version);
		jw_kstr(&w, "blok", x->item->block);
		jw_kstr(&w, "soort", x->item->kind);
		jw_kstr(&w, "tekst", x->item->text);
		if (x->party >= 0) {
			char party[EVALUATIE_OPTION_MAX * 4 + 1];
			evaluatie_option(x->item->options, x->party, party, sizeof party);
			jw_kstr(&w, "partij", party);
			jw_kstr(&w, "perspectief", evaluatie_perspectives[x->persp]);
		}
		jw_key(&w, "totaal");
		jw_obj(&w);
		cell_json(&w, x, &x->total);
		jw_end(&w);
		jw_key(&w, "indelingen");
		jw_arr(&w);
		for (int d = 0; d < x->n_by; d++) {
			jw_obj(&w);
			jw_kstr(&w, "indeling", x->by[d].title);
			jw_key(&w, "groepen");
			jw_arr(&w);
			for (int g = 0; g < x->by[d].k; g++) {
				if (!x->by[d].cells[g].n)
					continue;
				jw_obj(&w);
				jw_kstr(&w, "groep", x->by[d].labels[g]);
				cell_json(&w, x, &x->by[d].cells[g]);
				jw_end(&w);
			}
			jw_end(&w);
			jw_end(&w);
		}
		jw_end(&w);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	return 200;
}
