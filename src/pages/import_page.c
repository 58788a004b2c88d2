/*
 * import_page — see import_page.h.
 */
#include "import_page.h"
#include "../app/accounts.h"
#include "../app/readmodel.h"
#include "../store/store_csv.h"
#include "../lib/text.h"
#include "../render/html.h"
#include "../render/layout.h"
#include "auth_ui.h"
#include "forms.h"

#include <stdio.h>
#include <string.h>

static const struct comp_option dry_opts[] = {
    {"ja", "Alleen controleren (proefrun): niets opslaan"}};

static const struct form_field fields[] = {
    {"csv", "CSV-inhoud", FK_TEXTAREA, 0, true,
     "Plak hier de inhoud van het CSV-bestand, met de kopregel. Samenwerkingsverbanden en "
     "deelnames gaan in aparte bestanden; het sjabloon staat op de pagina Open data.",
     NULL, 0},
    {"proefrun", "Proefrun", FK_CHECKS, 0, false, NULL, dry_opts, 1},
};

static void render(struct request *r, const char *csv, bool dry, const struct field_errors *fe,
		   const struct csv_import_report *rep, bool done)
{
	struct buf *b = &r->out;
	const struct crumb crumbs[] = {{"Importeren", NULL}};
	const struct page_head h = {.title = fe && fe->n ? "Fout bij importeren — Importeren"
							 : "Importeren",
				    .crumbs = crumbs,
				    .n_crumbs = 1};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Samenwerkingsverbanden of deelnames "
		    "importeren</h1>");
	if (fe && fe->n) {
		form_error_summary(b, fe, fields, 2);
		if (rep && rep->n_errors > FIELD_ERRORS_MAX)
			html_rawf(b, "<p class=\"utrecht-paragraph\">En nog %d fouten.</p>",
				  rep->n_errors - FIELD_ERRORS_MAX);
		html_raw(b,
			 "<p class=\"utrecht-paragraph\"><strong>Er is niets opgeslagen.</strong> "
			 "Verbeter de regels en probeer het opnieuw.</p>");
	}
	if (done && rep) {
		html_raw(b, "<div class=\"utrecht-alert utrecht-alert--ok\" role=\"status\">"
			    "<p class=\"utrecht-paragraph\">");
		html_raw(b,
			 dry ? "Proefrun geslaagd, er is niets opgeslagen: " : "Import geslaagd: ");
		html_text(b, csv_table_name(rep->table));
		html_raw(b, ", ");
		html_int_nl(b, rep->rows);
		html_raw(b, " regels; ");
		html_int_nl(b, rep->added);
		html_raw(b, " toegevoegd, ");
		html_int_nl(b, rep->changed);
		html_raw(b, " gewijzigd, ");
		html_int_nl(b, rep->unchanged);
		html_raw(b, " ongewijzigd.</p></div>");
		if (rep->added_keys.data) {
			html_raw(b, "<h2 class=\"utrecht-heading-2\">Toegevoegd</h2>"
				    "<pre class=\"atlas-pre\">");
			html_text(b, rep->added_keys.data);
			html_raw(b, "</pre>");
		}
	}
	html_raw(b,
		 "<p class=\"utrecht-paragraph\">Eén bestand per keer, UTF-8 (met of zonder "
		 "BOM), met puntkomma's of komma's als scheidingsteken. Een lege sleutel of id "
		 "maakt een nieuw record; een bestaande werkt dat record bij. Bij één foute regel "
		 "wordt niets opgeslagen. Voor grote bestanden: <code>atlas import csv "
		 "BESTAND</code>. Download de huidige gegevens als voorbeeld op <a "
		 "class=\"utrecht-link utrecht-link--html-a\" href=\"/open-data\">Open "
		 "data</a>.</p>");
	form_open(b, r, "/beheer/import");
	const char *vals[2] = {csv ? csv : "", dry ? "ja" : ""};
	form_fields(b, fields, 2, vals, fe);
	form_submit(b, "Importeren", true);
	form_close(b);
	layout_end(b, r->snap->stats.newest_confirmed);
}

int page_import(struct request *r)
{
	render(r, "", false, NULL, NULL, false);
	return 200;
}

int page_import_submit(struct request *r)
{
	const char *csv = req_form(r, "csv");
	const char *dry_v = req_form(r, "proefrun");
	bool dry = dry_v && strcmp(dry_v, "ja") == 0;
	struct field_errors fe = {0};
	if (str_empty(csv)) {
		snprintf(fe.e[0].field, sizeof fe.e[0].field, "csv");
		snprintf(fe.e[0].message, sizeof fe.e[0].message,
			 "Plak de inhoud van een CSV-bestand in het veld.");
		fe.n = 1;
		render(r, "", dry, &fe, NULL, false);
		return 400;
	}
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	struct csv_import_report rep;
	int rc = store_csv_import(store_thread(), &w, csv, strlen(csv), dry, &rep);
	if (rc != 0) {
		for (int i = 0;
		     i < rep.n_errors && i < CSV_IMPORT_MAX_ERRORS && fe.n < FIELD_ERRORS_MAX;
		     i++) {
			struct field_error *e = &fe.e[fe.n++];
			snprintf(e->field, sizeof e->field, "csv");
			if (rep.errors[i].line > 0)
				snprintf(e->message, sizeof e->message, "Regel %d: %s",
					 rep.errors[i].line, rep.errors[i].message);
			else
				snprintf(e->message, sizeof e->message, "%s",
					 rep.errors[i].message);
		}
		render(r, csv, dry, &fe, &rep, false);
		csv_import_report_free(&rep);
		return 400;
	}
	if (!dry)
		app_after_write();
	render(r, dry ? csv : "", dry, NULL, &rep, true);
	csv_import_report_free(&rep);
	return 200;
}
