/*
 * exports — see exports.h.
 */
#include "exports.h"
#include "../domain/filter.h"
#include "../domain/labels.h"
#include "../lib/text.h"
#include "../render/csv.h"

#include <string.h>

/* The list filter keys the export accepts: the page's, without paging. */
static const char *const export_keys[] = {"beleidsdomein", "juridischeVorm", "fase",	"soort",
					  "deelnemer",	   "status",	     "sorteer", NULL};

static void csv_row(struct csv *c, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		csv_cell(c, cells[i]);
	csv_end_row(c);
}

/* Domain names of c joined with "; " (arena string; "" when none). */
static const char *domain_names(struct request *r, const struct collaboration *c)
{
	struct buf b = BUF_INIT;
	for (int k = 0; k < c->n_domains; k++) {
		if (k > 0)
			buf_puts(&b, "; ");
		buf_puts(&b, r->snap->domains[c->domains[k]].name);
	}
	const char *s = arena_strdup(r->arena, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

static const char *label_or_empty(const struct label *t, int idx)
{
	return t[idx].db[0] ? t[idx].label : "";
}

int page_collab_list_csv(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct collab_filter f;
	char msg[256];

	collab_filter_init(&f, 20);
	for (int i = 0; export_keys[i]; i++) {
		const char *v = req_param(r, export_keys[i]);
		if (str_empty(v))
			continue;
		if (collab_filter_set(&f, s, export_keys[i], v, msg, sizeof msg) < 0)
			return respond_error(r, 400, "Ongeldige parameter",
					     arena_strdup(r->arena, msg), export_keys[i]);
	}
	int *idx = arena_calloc(r->arena, (size_t)s->n_collabs + 1, sizeof(int));
	int n = collab_filter_apply(&f, s, idx);

	r->etag = s->etag;
	r->content_type = "text/csv; charset=utf-8";
	req_header(r, "Content-Disposition", "attachment; filename=\"samenwerkingsverbanden.csv\"");
	struct csv c;
	csv_begin(&c, &r->out);
	static const char *const head[] = {"Naam",
					   "Korte naam",
					   "Soort",
					   "Juridische vorm",
					   "Beleidsdomeinen",
					   "Fase",
					   "Actieve deelnemers",
					   "Laatst bevestigd",
					   "Bron",
					   "URL"};
	csv_row(&c, head, sizeof head / sizeof head[0]);
	for (int k = 0; k < n; k++) {
		const struct collaboration *cb = &s->collabs[idx[k]];
		const struct source *src = cb->source >= 0 ? &s->sources[cb->source] : NULL;
		csv_cell(&c, cb->name);
		csv_cell(&c, cb->short_name);
		csv_cell(&c, collab_kind_labels[cb->kind].label);
		csv_cell(&c, label_or_empty(legal_form_labels, (int)cb->legal_form));
		csv_cell(&c, domain_names(r, cb));
		csv_cell(&c, label_or_empty(phase_labels, (int)cb->phase));
		csv_int(&c, cb->n_active_parts);
		csv_cell(&c, cb->last_confirmed);
		csv_cell(&c, src ? src->title : NULL);
		csv_cell(&c, src ? src->url : NULL);
		csv_end_row(&c);
	}
	return 200;
}

int page_org_parts_csv(struct request *r)
{
	const struct snapshot *s = r->snap;
	int oi = snapshot_find_org(s, r->path_args[0]);
	if (oi < 0)
		return respond_not_found(r);
	const struct organisation *o = &s->orgs[oi];
	int status = 0; /* 0 actief (default), 1 beeindigd, 2 alle — as the API */
	const char *st = req_param(r, "status");
	if (!str_empty(st)) {
		if (strcmp(st, "beeindigd") == 0)
			status = 1;
		else if (strcmp(st, "alle") == 0)
			status = 2;
		else if (strcmp(st, "actief") != 0)
			return respond_error(r, 400, "Ongeldige parameter",
					     "De parameter 'status' moet 'actief', 'beeindigd' of "
					     "'alle' zijn.",
					     "status");
	}

	/* the file name: deelnames-<code>.csv with only [a-z0-9-] kept */
	struct buf fn = BUF_INIT;
	buf_puts(&fn, "attachment; filename=\"deelnames-");
	for (const char *p = o->code; *p; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-')
			buf_putc(&fn, *p);
	buf_puts(&fn, ".csv\"");
	req_header(r, "Content-Disposition", arena_strdup(r->arena, fn.data));
	buf_free(&fn);
	r->etag = s->etag;
	r->content_type = "text/csv; charset=utf-8";

	struct csv c;
	csv_begin(&c, &r->out);
	static const char *const head[] = {
	    "Organisatie",     "Samenwerkingsverband", "Korte naam", "Soort",
	    "Juridische vorm", "Beleidsdomeinen",      "Orgaan",     "Rol",
	    "Toegetreden",     "Uitgetreden",	       "Actief",     "Laatst bevestigd",
	    "Website"};
	csv_row(&c, head, sizeof head / sizeof head[0]);
	for (int k = 0; k < o->n_parts; k++) {
		const struct participation *p = &s->parts[o->parts[k]];
		const struct collaboration *cb = &s->collabs[p->collaboration];
		bool active = p->active && cb->active;
		if ((status == 0 && !active) || (status == 1 && active))
			continue;
		csv_cell(&c, o->name);
		csv_cell(&c, cb->name);
		csv_cell(&c, cb->short_name);
		csv_cell(&c, collab_kind_labels[cb->kind].label);
		csv_cell(&c, label_or_empty(legal_form_labels, (int)cb->legal_form));
		csv_cell(&c, domain_names(r, cb));
		csv_cell(&c, label_or_empty(body_labels, (int)p->body));
		csv_cell(&c, role_labels[p->role].label);
		csv_cell(&c, p->joined);
		csv_cell(&c, p->left);
		csv_cell(&c, active ? "ja" : "nee");
		csv_cell(&c, p->last_confirmed);
		csv_cell(&c, cb->website);
		csv_end_row(&c);
	}
	return 200;
}
