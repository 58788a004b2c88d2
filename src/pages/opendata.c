/*
 * opendata — see opendata.h.
 */
#include "opendata.h"
#include "../domain/labels.h"
#include "../io/csv_import.h"
#include "../lib/text.h"
#include "../render/csv.h"
#include "../render/html.h"
#include "../render/json.h"
#include "../render/layout.h"
#include "auth_ui.h"
#include "../io/geo.h"

#include <stdio.h>
#include <string.h>

#define OWN_LICENCE "Eigen registratie van de Samenwerkingsatlas"
#define LICENCE_NOTE                                                                               \
	"Elk record noemt zijn bron. Gebruik de gegevens volgens de licentie van die bron en "     \
	"vermeld de naamsvermelding: CBS-gegevens (codes, inwoners, oppervlakte) onder CC BY 4.0 " \
	"met \"Bron: CBS\", de OpenGR-gegevens van de Open State Foundation onder ODC-PDDL 1.0, "  \
	"de kaart onder CC BY 4.0 met \"Bron: CBS, Kadaster / PDOK\". Records zonder externe "     \
	"bron zijn eigen registratie van de Samenwerkingsatlas."

static const char *src_key(const struct snapshot *s, int i)
{
	return i >= 0 && i < s->n_sources ? s->sources[i].key : "";
}

struct dl {
	const char *href, *title, *format, *what;
};
static const struct dl downloads[] = {
    {"/open-data/samenwerkingsatlas.json", "Het hele register", "JSON",
     "Organisaties, samenwerkingsverbanden, deelnames en bronnen in één document."},
    {"/open-data/samenwerkingsverbanden.csv", "Samenwerkingsverbanden", "CSV",
     "Eén regel per samenwerkingsverband, ook beëindigde; zelfde kolommen als het "
     "importsjabloon."},
    {"/open-data/deelnames.csv", "Deelnames", "CSV",
     "Eén regel per deelname van een organisatie aan een samenwerkingsverband."},
    {"/open-data/organisaties.csv", "Organisaties", "CSV",
     "Provincie, gemeenten, waterschappen en andere deelnemers met CBS-code en TOOI-code."},
    {"/open-data/bronnen.csv", "Bronnen", "CSV",
     "Alle bronnen met uitgever, licentie, naamsvermelding en peildatum."},
    {"/api/v1/export/roo.xml", "ROO-export", "XML",
     "Het register in de vorm van de export van het Register van Overheidsorganisaties "
     "(oo-export 2.6.x); alleen regelingen met samenwerkingsvorm, bevoegdheidsverkrijging en "
     "datum van inwerkingtreding."},
    {"/api/v1/geo/organisaties", "Gemeenten op de kaart", "GeoJSON",
     "De 26 gemeenten met hun grens en het aantal samenwerkingsverbanden waaraan ze "
     "deelnemen."},
};

int page_open_data(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	r->etag = s->etag;
	const struct crumb crumbs[] = {{"Open data", NULL}};
	const struct page_head h = {
	    .title = "Open data", .nav = NAV_ABOUT, .crumbs = crumbs, .n_crumbs = 1};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Open data</h1>");
	html_raw(b,
		 "<p class=\"utrecht-paragraph\">Download het openbare register van de "
		 "Samenwerkingsatlas. Het gaat om openbare gegevens over organisaties en "
		 "samenwerkingsverbanden; gegevens over personen en contactgegevens staan er niet "
		 "in. De gegevens zijn bijgewerkt tot ");
	if (s->stats.newest_confirmed[0])
		html_date_nl(b, s->stats.newest_confirmed);
	else
		html_raw(b, "een onbekende datum");
	html_raw(b, " (laatst bevestigde gegevens).</p>");

	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"downloads\">Downloads</h2>"
		    "<ul class=\"utrecht-unordered-list\">");
	for (size_t i = 0; i < sizeof downloads / sizeof downloads[0]; i++) {
		const struct dl *d = &downloads[i];
		html_raw(b, "<li class=\"utrecht-unordered-list__item\"><a class=\"utrecht-link "
			    "utrecht-link--html-a\" href=\"");
		html_attr(b, d->href);
		html_raw(b, "\">");
		html_text(b, d->title);
		html_raw(b, " (");
		html_text(b, d->format);
		html_raw(b, ")</a>: ");
		html_text(b, d->what);
		html_raw(b, "</li>");
	}
	html_raw(b, "</ul><p class=\"utrecht-paragraph\">De CSV-bestanden zijn UTF-8 met BOM en "
		    "komma's als scheidingsteken. Cellen die met =, +, - of @ beginnen krijgen een "
		    "apostrof ervoor, zodat een spreadsheet ze niet als formule uitvoert. De "
		    "kolommen staan beschreven in het importsjabloon; de API staat in het "
		    "<a class=\"utrecht-link utrecht-link--html-a\" href=\"/api/v1/openapi.json\">"
		    "OpenAPI-document</a>.</p>");

	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"licenties\">Licenties en "
		    "naamsvermelding</h2><p class=\"utrecht-paragraph\">");
	html_text(b, LICENCE_NOTE);
	html_raw(b, "</p><div class=\"atlas-table-scroll\" tabindex=\"0\" role=\"region\" "
		    "aria-labelledby=\"licenties\"><table class=\"utrecht-table\"><caption "
		    "class=\"utrecht-table__caption\">Bronnen met licentie</caption><thead "
		    "class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
		    "<th class=\"utrecht-table__header-cell\" scope=\"col\">Bron</th>"
		    "<th class=\"utrecht-table__header-cell\" scope=\"col\">Uitgever</th>"
		    "<th class=\"utrecht-table__header-cell\" scope=\"col\">Licentie</th>"
		    "<th class=\"utrecht-table__header-cell\" scope=\"col\">Naamsvermelding</th>"
		    "<th class=\"utrecht-table__header-cell\" scope=\"col\">Peildatum</th>"
		    "</tr></thead><tbody class=\"utrecht-table__body\">");
	for (int i = 0; i < s->n_sources; i++) {
		const struct source *src = &s->sources[i];
		html_raw(b, "<tr class=\"utrecht-table__row\"><td class=\"utrecht-table__cell\">");
		html_text(b, src->title);
		html_raw(b, "</td><td class=\"utrecht-table__cell\">");
		html_text(b, src->publisher);
		html_raw(b, "</td><td class=\"utrecht-table__cell\">");
		html_text(b, str_empty(src->licence) ? OWN_LICENCE : src->licence);
		html_raw(b, "</td><td class=\"utrecht-table__cell\">");
		html_text(b, src->attribution);
		html_raw(b, "</td><td class=\"utrecht-table__cell\">");
		if (!str_empty(src->reference_date))
			html_date_nl(b, src->reference_date);
		html_raw(b, "</td></tr>");
	}
	html_raw(b, "</tbody></table></div><p class=\"utrecht-paragraph\">");
	html_text(b, GEO_ATTRIBUTION);
	html_raw(b, ".</p>");
	layout_end(b, s->stats.newest_confirmed);
	return 200;
}

/* ------------------------------------------------------------ JSON */

static void kstr_opt(struct jw *w, const char *k, const char *v)
{
	jw_key(w, k);
	if (str_empty(v))
		jw_null(w);
	else
		jw_str(w, v);
}

int page_open_data_json(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct jw w;
	jw_init(&w, &r->out);
	r->content_type = "application/json";
	r->etag = s->etag;
	req_header(r, "Content-Disposition", "attachment; filename=\"samenwerkingsatlas.json\"");
	jw_obj(&w);
	jw_kstr(&w, "titel", "Samenwerkingsatlas Provincie Utrecht — openbaar register");
	jw_kstr(&w, "beschrijving",
		"Samenwerkingsverbanden van de provincie Utrecht, haar gemeenten en waterschappen, "
		"met hun deelnemers. Alleen openbare gegevens; geen personen of contactgegevens.");
	kstr_opt(&w, "gegevensTot", s->stats.newest_confirmed);
	jw_kstr(&w, "licentie", LICENCE_NOTE);
	jw_kstr(&w, "kaartNaamsvermelding", GEO_ATTRIBUTION);

	jw_key(&w, "bronnen");
	jw_arr(&w);
	for (int i = 0; i < s->n_sources; i++) {
		const struct source *x = &s->sources[i];
		jw_obj(&w);
		jw_kstr(&w, "id", x->key);
		jw_kstr(&w, "titel", x->title);
		jw_kstr(&w, "uitgever", x->publisher);
		kstr_opt(&w, "url", x->url);
		jw_kstr(&w, "licentie", str_empty(x->licence) ? OWN_LICENCE : x->licence);
		kstr_opt(&w, "naamsvermelding", x->attribution);
		kstr_opt(&w, "peildatum", x->reference_date);
		kstr_opt(&w, "opgehaald", x->retrieved);
		jw_end(&w);
	}
	jw_end(&w);

	jw_key(&w, "organisaties");
	jw_arr(&w);
	for (int i = 0; i < s->n_orgs; i++) {
		const struct organisation *o = &s->orgs[i];
		jw_obj(&w);
		jw_kstr(&w, "code", o->code);
		jw_kstr(&w, "soort", org_kind_labels[o->kind].api);
		jw_kstr(&w, "naam", o->name);
		kstr_opt(&w, "cbsCode", o->cbs_code);
		kstr_opt(&w, "tooi", o->tooi);
		jw_kbool(&w, "inProvincie", o->in_province);
		kstr_opt(&w, "geldigVanaf", o->valid_from);
		kstr_opt(&w, "geldigTot", o->valid_to);
		jw_kbool(&w, "opgeheven", o->ended);
		kstr_opt(&w, "opvolger", o->successor >= 0 ? s->orgs[o->successor].code : NULL);
		jw_key(&w, "inwoners");
		o->population >= 0 ? jw_int(&w, o->population) : jw_null(&w);
		kstr_opt(&w, "peildatumInwoners", o->population_date);
		jw_key(&w, "oppervlakteKm2");
		o->area_km2 >= 0 ? jw_num(&w, o->area_km2) : jw_null(&w);
		kstr_opt(&w, "bron", src_key(s, o->source));
		kstr_opt(&w, "laatstBevestigd", o->last_confirmed);
		jw_end(&w);
	}
	jw_end(&w);

	jw_key(&w, "samenwerkingsverbanden");
	jw_arr(&w);
	for (int i = 0; i < s->n_collabs; i++) {
		const struct collaboration *c = &s->collabs[i];
		jw_obj(&w);
		jw_kstr(&w, "id", c->key);
		jw_kstr(&w, "naam", c->name);
		kstr_opt(&w, "korteNaam", c->short_name);
		jw_kstr(&w, "soort", collab_kind_labels[c->kind].api);
		jw_kstr(&w, "juridischeVorm", legal_form_labels[c->legal_form].api);
		jw_kstr(&w, "bevoegdheidsverkrijging", powers_labels[c->powers].api);
		jw_key(&w, "beleidsdomeinen");
		jw_arr(&w);
		for (int d = 0; d < c->n_domains; d++)
			jw_str(&w, s->domains[c->domains[d]].key);
		jw_end(&w);
		jw_kstr(&w, "fase", phase_labels[c->phase].api);
		kstr_opt(&w, "doel", c->purpose);
		kstr_opt(&w, "vestigingsplaats", c->seat);
		kstr_opt(&w, "startdatum", c->start_date);
		kstr_opt(&w, "einddatum", c->end_date);
		kstr_opt(&w, "website", c->website);
		jw_kbool(&w, "actief", c->active);
		kstr_opt(&w, "bron", src_key(s, c->source));
		kstr_opt(&w, "laatstBevestigd", c->last_confirmed);
		jw_end(&w);
	}
	jw_end(&w);

	jw_key(&w, "deelnames");
	jw_arr(&w);
	for (int i = 0; i < s->n_parts; i++) {
		const struct participation *p = &s->parts[i];
		jw_obj(&w);
		jw_kint(&w, "id", p->id);
		jw_kstr(&w, "samenwerkingsverband", s->collabs[p->collaboration].key);
		jw_kstr(&w, "organisatie", s->orgs[p->organisation].code);
		jw_kstr(&w, "orgaan", body_labels[p->body].api);
		jw_kstr(&w, "rol", role_labels[p->role].api);
		jw_key(&w, "kostenverdeelsleutel");
		p->cost_share >= 0 ? jw_num(&w, p->cost_share) : jw_null(&w);
		jw_key(&w, "bijdrage");
		p->contribution >= 0 ? jw_int(&w, p->contribution) : jw_null(&w);
		kstr_opt(&w, "toegetreden", p->joined);
		kstr_opt(&w, "uitgetreden", p->left);
		jw_kbool(&w, "actief", p->active);
		kstr_opt(&w, "bron", src_key(s, p->source));
		kstr_opt(&w, "laatstBevestigd", p->last_confirmed);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	return 200;
}

/* ------------------------------------------------------------ CSV */

static int csv_reply(struct request *r, const char *filename)
{
	r->content_type = "text/csv; charset=utf-8";
	r->etag = r->snap->etag;
	struct buf h = BUF_INIT;
	buf_printf(&h, "attachment; filename=\"%s\"", filename);
	req_header(r, "Content-Disposition", arena_strdup(r->arena, h.data ? h.data : ""));
	buf_free(&h);
	return 200;
}

int page_open_data_collabs_csv(struct request *r)
{
	csv_export_collabs(&r->out, r->snap);
	return csv_reply(r, "samenwerkingsverbanden.csv");
}

int page_open_data_parts_csv(struct request *r)
{
	csv_export_parts(&r->out, r->snap);
	return csv_reply(r, "deelnames.csv");
}

int page_open_data_orgs_csv(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct csv c;
	csv_begin(&c, &r->out);
	static const char *const cols[] = {"code",	     "soort",	  "naam",
					   "cbsCode",	     "tooi",	  "inProvincie",
					   "geldigVanaf",    "geldigTot", "opgeheven",
					   "opvolger",	     "inwoners",  "peildatumInwoners",
					   "oppervlakteKm2", "bron",	  "laatstBevestigd",
					   "opmerking",	     NULL};
	for (int i = 0; cols[i]; i++)
		csv_cell(&c, cols[i]);
	csv_end_row(&c);
	for (int i = 0; i < s->n_orgs; i++) {
		const struct organisation *o = &s->orgs[i];
		csv_cell(&c, o->code);
		csv_cell(&c, org_kind_labels[o->kind].api);
		csv_cell(&c, o->name);
		csv_cell(&c, o->cbs_code);
		csv_cell(&c, o->tooi);
		csv_cell(&c, o->in_province ? "ja" : "nee");
		csv_cell(&c, o->valid_from);
		csv_cell(&c, o->valid_to);
		csv_cell(&c, o->ended ? "ja" : "nee");
		csv_cell(&c, o->successor >= 0 ? s->orgs[o->successor].code : "");
		if (o->population >= 0)
			csv_int(&c, o->population);
		else
			csv_cell(&c, "");
		csv_cell(&c, o->population_date);
		if (o->area_km2 >= 0)
			csv_num(&c, o->area_km2);
		else
			csv_cell(&c, "");
		csv_cell(&c, src_key(s, o->source));
		csv_cell(&c, o->last_confirmed);
		csv_cell(&c, o->note);
		csv_end_row(&c);
	}
	return csv_reply(r, "organisaties.csv");
}

int page_open_data_sources_csv(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct csv c;
	csv_begin(&c, &r->out);
	static const char *const cols[] = {"id",	"titel",     "uitgever",
					   "url",	"licentie",  "naamsvermelding",
					   "peildatum", "opgehaald", NULL};
	for (int i = 0; cols[i]; i++)
		csv_cell(&c, cols[i]);
	csv_end_row(&c);
	for (int i = 0; i < s->n_sources; i++) {
		const struct source *x = &s->sources[i];
		csv_cell(&c, x->key);
		csv_cell(&c, x->title);
		csv_cell(&c, x->publisher);
		csv_cell(&c, x->url);
		csv_cell(&c, str_empty(x->licence) ? OWN_LICENCE : x->licence);
		csv_cell(&c, x->attribution);
		csv_cell(&c, x->reference_date);
		csv_cell(&c, x->retrieved);
		csv_end_row(&c);
	}
	return csv_reply(r, "bronnen.csv");
}
