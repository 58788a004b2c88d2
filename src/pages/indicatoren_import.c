/*
 * indicatoren_import — the staff upload page of the indicator store; see
 * indicatoren_import.h.
 */
#include "indicatoren_import.h"
#include "auth_ui.h"
#include "forms.h"
#include "../app/accounts.h"
#include "../app/indicatoren.h"
#include "../http/multipart.h"
#include "../http/router.h"
#include "../lib/arena.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdio.h>
#include <string.h>

#define ACTION "/kennis/indicatoren/importeren"

static const struct form_field fields[] = {
    {"bestand", "Bestand", FK_TEXT, 0, true, NULL, NULL, 0},
    {"koppelbestand", "Koppelbestand", FK_TEXT, 0, false, NULL, NULL, 0},
};
#define N_FIELDS 2

static void page_begin(struct request *r, const char *title)
{
	const struct crumb crumbs[] = {{"Indicatoren", "/kennis/indicatoren"},
				       {"Importeren", NULL}};
	const struct page_head h = {
	    .title = title, .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(&r->out, page_head_for(r, &h));
}

/* One file input: name, label, hint, accept; the error of fe (may be NULL). */
static void file_field(struct buf *b, const char *name, const char *label, bool required,
		       const char *hint, const char *accept, const struct field_errors *fe)
{
	const char *err = form_error_for(fe, name);
	html_raw(b, "<div class=\"utrecht-form-field atlas-form-field");
	if (err)
		html_raw(b, " utrecht-form-field--invalid");
	html_raw(b,
		 "\"><div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" "
		 "for=\"f-");
	html_attr(b, name);
	html_raw(b, "\">");
	html_text(b, label);
	html_raw(b, required ? " <span class=\"atlas-muted\">(verplicht)</span>"
			     : " <span class=\"atlas-muted\">(niet verplicht)</span>");
	html_raw(b, "</label></div><div class=\"utrecht-form-field__description "
		    "utrecht-form-field-description\" id=\"f-");
	html_attr(b, name);
	html_raw(b, "-hint\">");
	html_text(b, hint);
	html_raw(b, "</div>");
	if (err) {
		html_raw(b, "<div class=\"utrecht-form-field__error-message "
			    "utrecht-form-field-error-message\" id=\"f-");
		html_attr(b, name);
		html_raw(b, "-fout\"><span class=\"atlas-visually-hidden\">Fout: </span>");
		html_text(b, err);
		html_raw(b, "</div>");
	}
	html_raw(b, "<div class=\"utrecht-form-field__input\"><input class=\"utrecht-textbox "
		    "utrecht-textbox--html-input atlas-file-input\" type=\"file\" id=\"f-");
	html_attr(b, name);
	html_raw(b, "\" name=\"");
	html_attr(b, name);
	html_raw(b, "\"");
	if (required)
		html_raw(b, " required");
	html_raw(b, " accept=\"");
	html_attr(b, accept);
	html_raw(b, "\" aria-describedby=\"f-");
	html_attr(b, name);
	html_raw(b, "-hint");
	if (err) {
		html_raw(b, " f-");
		html_attr(b, name);
		html_raw(b, "-fout\" aria-invalid=\"true");
	}
	html_raw(b, "\"></div></div>");
}

static void upload_form(struct buf *b, const struct request *r, bool dry_run,
			const struct field_errors *fe)
{
	html_raw(b,
		 "<form class=\"atlas-edit-form\" method=\"post\" enctype=\"multipart/form-data\" "
		 "novalidate action=\"" ACTION "\">");
	form_csrf(b, r);
	char hint[400];
	snprintf(
	    hint, sizeof hint,
	    "Een CSV-bestand (gebieden, indicatoren, waarden of een CBS-tabel: ';' of ',', "
	    "decimale komma of punt, '.' voor ontbrekend) of JSON zoals de OData-API van het "
	    "CBS het geeft ({\"value\": [...]}). Samen met het koppelbestand hoogstens %u MiB.",
	    INDICATOREN_UPLOAD_MAX_BYTES >> 20);
	file_field(b, "bestand", "Bestand", true, hint, ".csv,.json,text/csv,application/json", fe);
	file_field(b, "koppelbestand", "Koppelbestand", false,
		   "Nodig voor een CBS-tabel en voor JSON: welke kolom (of Measure) welke "
		   "indicator wordt, met de kopregel bron,kolom,indicator,periode,factor.",
		   ".csv,text/csv", fe);
	html_raw(b,
		 "<div class=\"utrecht-form-field utrecht-form-field--checkbox\">"
		 "<input class=\"utrecht-checkbox utrecht-checkbox--html-input\" type=\"checkbox\" "
		 "id=\"f-proef\" name=\"proef\" value=\"ja\"");
	if (dry_run)
		html_raw(b, " checked");
	html_raw(b, "> <label class=\"utrecht-form-label utrecht-form-label--checkbox\" "
		    "for=\"f-proef\">Alleen controleren (proefimport)</label></div>");
	form_submit(b, "Importeren", true);
	form_close(b);
}

static void intro(struct buf *b)
{
	comp_para(b, "Lees cijfers in de indicatorenopslag in. De import is alles of niets: bij "
		     "een fout wordt er niets opgeslagen en ziet u elke fout met regel en kolom. "
		     "Hetzelfde bestand twee keer verandert niets; een gewijzigde waarde krijgt "
		     "een nieuwe versie en de oude blijft in de geschiedenis.");
	html_raw(b, "<p class=\"utrecht-paragraph\">Hetzelfde kan op de opdrachtregel met "
		    "<code>atlas import indicatoren BESTAND --mapping KOPPELBESTAND</code> en via "
		    "de API met <code>POST /api/v1/kennis/indicatoren/importen</code>.</p>");
}

int page_indicatoren_import(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	page_begin(r, "Indicatoren importeren");
	struct buf *b = &r->out;
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Indicatoren importeren</h1>");
	intro(b);
	upload_form(b, r, false, NULL);
	layout_end(b, NULL);
	return 200;
}

/* The form again with one error on field name. */
static int form_error_status(struct request *r, bool dry_run, const char *name, const char *msg,
			     int status)
{
	struct field_errors fe = {0};
	struct field_error *e = &fe.e[fe.n++];
	snprintf(e->field, sizeof e->field, "%s", name);
	snprintf(e->message, sizeof e->message, "%s", msg);
	page_begin(r, "Fout bij importeren — Indicatoren importeren");
	struct buf *b = &r->out;
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Indicatoren importeren</h1>");
	form_error_summary(b, &fe, fields, N_FIELDS);
	intro(b);
	upload_form(b, r, dry_run, &fe);
	layout_end(b, NULL);
	return status;
}

static int form_error(struct request *r, bool dry_run, const char *name, const char *msg)
{
	return form_error_status(r, dry_run, name, msg, 400);
}

static void count_item(struct buf *b, int n, const char *what)
{
	html_raw(b, "<li>");
	html_int_nl(b, n);
	html_raw(b, " ");
	html_text(b, what);
	html_raw(b, "</li>");
}

int page_indicatoren_import_submit(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	bool dry_run = !str_empty(req_form(r, "proef"));
	const struct upload *up[2] = {NULL, NULL}, *mp[2] = {NULL, NULL};
	int nf = req_files(r, "bestand", up, 2);
	int nm = req_files(r, "koppelbestand", mp, 2);
	if (r->form_bad)
		return form_error(
		    r, dry_run, "bestand",
		    "Het formulier kon niet worden gelezen. Kies het bestand opnieuw.");
	if (nf != 1 || str_empty(up[0]->filename))
		return form_error(r, dry_run, "bestand", "Kies een bestand om te importeren.");
	if (up[0]->len == 0)
		return form_error(r, dry_run, "bestand", "Het gekozen bestand is leeg.");
	if (nm > 1)
		return form_error(r, dry_run, "koppelbestand", "Kies hoogstens één koppelbestand.");
	const struct upload *map = nm == 1 && !str_empty(mp[0]->filename) ? mp[0] : NULL;
	if (up[0]->len + (map ? map->len : 0) > INDICATOREN_UPLOAD_MAX_BYTES)
		return form_error_status(
		    r, dry_run, "bestand",
		    arena_printf(r->arena,
				 "Het bestand is (met het koppelbestand) groter dan %u MiB. Splits "
				 "het, of importeer het met atlas import indicatoren op de server. "
				 "Er is niets opgeslagen.",
				 INDICATOREN_UPLOAD_MAX_BYTES >> 20),
		    413);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	struct ind_import_report *rep = arena_calloc(r->arena, 1, sizeof *rep);
	int rc = indicatoren_import(st, r->arena, &w, up[0]->filename, up[0]->data, up[0]->len,
				    map ? map->filename : NULL, map ? map->data : NULL,
				    map ? map->len : 0, dry_run, rep);
	if (rc && !rep->n_errors)
		return page_store_down(r);
	struct buf *b = &r->out;
	if (rc) {
		page_begin(r, "Fouten in het bestand — Indicatoren importeren");
		html_raw(b, "<h1 class=\"utrecht-heading-1\">Indicatoren importeren</h1>");
		html_raw(b, "<div class=\"utrecht-alert utrecht-alert--error atlas-notice "
			    "atlas-error-summary\" id=\"foutmeldingen\" tabindex=\"-1\" autofocus>"
			    "<div class=\"utrecht-alert__content\"><h2 class=\"utrecht-heading-2\" "
			    "id=\"fouten\">");
		html_int_nl(b, rep->n_errors);
		html_raw(b, rep->n_errors == 1 ? " fout gevonden" : " fouten gevonden");
		html_raw(b,
			 "</h2><p class=\"utrecht-paragraph\"><strong>Er is niets "
			 "opgeslagen.</strong> Verbeter het bestand en importeer het opnieuw.</p>"
			 "<ul class=\"utrecht-unordered-list\" aria-labelledby=\"fouten\">");
		int kept =
		    rep->n_errors < INDICATOREN_MAX_ERRORS ? rep->n_errors : INDICATOREN_MAX_ERRORS;
		for (int i = 0; i < kept; i++) {
			const struct ind_error *e = &rep->errors[i];
			html_raw(b, "<li class=\"utrecht-unordered-list__item\">");
			html_text(b, indicatoren_error_where(r->arena, e));
			html_raw(b, ": ");
			html_text(b, e->message);
			html_raw(b, "</li>");
		}
		html_raw(b, "</ul>");
		if (rep->n_errors > kept)
			html_rawf(b, "<p class=\"utrecht-paragraph\">En nog %d fouten.</p>",
				  rep->n_errors - kept);
		html_raw(b, "</div></div><h2 class=\"utrecht-heading-2\">Opnieuw importeren</h2>");
		upload_form(b, r, dry_run, NULL);
		layout_end(b, NULL);
		return 400;
	}
	page_begin(r, dry_run ? "Proefimport gecontroleerd — Indicatoren importeren"
			      : "Import opgeslagen — Indicatoren importeren");
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_raw(b, dry_run ? "Proefimport gecontroleerd" : "Import opgeslagen");
	html_raw(b, "</h1><div class=\"utrecht-alert utrecht-alert--ok\" role=\"status\"><p "
		    "class=\"utrecht-paragraph\">");
	html_text(b, up[0]->filename);
	html_raw(b, " (");
	html_text(b, indicatoren_kind_name(rep->kind));
	html_raw(b, "): ");
	html_raw(b, dry_run ? "het bestand is in orde. Er is niets opgeslagen."
			    : "opgeslagen als één import.");
	html_raw(b, "</p></div><h2 class=\"utrecht-heading-2\" id=\"aantallen\">");
	html_raw(b, dry_run ? "Wat de import zou doen" : "Aantallen");
	html_raw(b, "</h2><ul class=\"utrecht-unordered-list\" aria-labelledby=\"aantallen\">");
	count_item(b, rep->counts.added, dry_run ? "nieuw (zou worden toegevoegd)" : "nieuw");
	count_item(b, rep->counts.changed,
		   dry_run ? "gewijzigd (zou een nieuwe versie krijgen)" : "gewijzigd");
	count_item(b, rep->counts.unchanged, "ongewijzigd");
	html_raw(b, "</ul>");
	if (rep->counts.n_touched) {
		html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"gewijzigd\">");
		html_raw(b,
			 dry_run ? "Indicatoren die zouden veranderen" : "Gewijzigde indicatoren");
		html_raw(
		    b, "</h2><ul class=\"utrecht-unordered-list\" aria-labelledby=\"gewijzigd\">");
		for (int i = 0; i < rep->counts.n_touched; i++) {
			html_raw(b, "<li class=\"utrecht-unordered-list__item\">");
			comp_link_seg(b, "/kennis/indicatoren", rep->counts.touched[i],
				      rep->counts.touched[i]);
			html_raw(b, "</li>");
		}
		html_raw(b, "</ul>");
	}
	html_raw(b, "<h2 class=\"utrecht-heading-2\">Nog een bestand importeren</h2>");
	upload_form(b, r, dry_run, NULL);
	layout_end(b, NULL);
	return 200;
}
