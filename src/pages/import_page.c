/*
 * import_page — see import_page.h.
 */
#include "import_page.h"
#include "../app/accounts.h"
#include "../app/changeset_upload.h"
#include "../app/readmodel.h"
#include "../domain/diff.h"
#include "../domain/provenance.h"
#include "../http/multipart.h"
#include "../http/router.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"
#include "../store/store.h"
#include "../store/store_csv.h"
#include "auth_ui.h"
#include "forms.h"

#include <stdio.h>
#include <string.h>

/* The longest import name (code points). */
#define NAME_MAX_LEN 120

static const struct comp_option confidence_opts[] = {
    {"medium", "Zeker en waarschijnlijk (high, medium)"},
    {"high", "Alleen zeker (high)"},
};

static const struct form_field fields[] = {
    {"bestanden", "Bestanden", FK_TEXT, 0, true, NULL, NULL, 0},
    {"naam", "Naam van deze import", FK_TEXT, NAME_MAX_LEN, false,
     "Bijvoorbeeld utrecht-2026. Zo heet de import in de geschiedenis; leeg laten neemt de "
     "bestandsnaam.",
     NULL, 0},
    {"zekerheid", "Wat wordt een feit?", FK_SELECT, 0, false,
     "Regels met een lagere zekerheid worden vastgelegd als niet bevestigd, met hun bron.",
     confidence_opts, 2},
};
#define N_FIELDS 3

/* What the request asked for. */
struct input {
	const char *name;	/* the import's name as typed ("" = from the files) */
	const char *confidence; /* "medium" or "high" */
	struct cs_file files[CHANGESET_UPLOAD_MAX_FILES + 1];
	int n_files;
	size_t bytes;
};

/* The page head: title for <title>, crumb for the breadcrumb (NULL: title). */
static void page_begin(struct request *r, const char *title, const char *crumb)
{
	const struct crumb crumbs[] = {{"Importeren", "/beheer/import"},
				       {crumb ? crumb : title, NULL}};
	const struct page_head h = {
	    .title = title, .nav = NAV_ADMIN, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(&r->out, page_head_for(r, &h));
}

/* The upload form (multipart/form-data), with the values of in (may be
 * NULL) and the errors of fe (may be NULL). */
static void upload_form(struct buf *b, const struct request *r, const struct input *in,
			const struct field_errors *fe)
{
	html_raw(b,
		 "<form class=\"atlas-edit-form\" method=\"post\" enctype=\"multipart/form-data\" "
		 "novalidate action=\"/beheer/import\">");
	form_csrf(b, r);
	const char *err = form_error_for(fe, "bestanden");
	html_raw(b, "<div class=\"utrecht-form-field atlas-form-field");
	if (err)
		html_raw(b, " utrecht-form-field--invalid");
	html_raw(b,
		 "\"><div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" "
		 "for=\"f-bestanden\">Bestanden <span class=\"atlas-muted\">(verplicht)</span>"
		 "</label></div><div class=\"utrecht-form-field__description "
		 "utrecht-form-field-description\" id=\"f-bestanden-hint\">Eén XLSX-werkmap "
		 "met een blad per tabel, of een of meer CSV-bestanden met de tabel als "
		 "bestandsnaam (bijvoorbeeld organisation_changes.csv). Samen hoogstens ");
	html_rawf(b, "%u MiB.</div>", CHANGESET_UPLOAD_MAX_BYTES >> 20);
	if (err) {
		html_raw(b, "<div class=\"utrecht-form-field__error-message "
			    "utrecht-form-field-error-message\" id=\"f-bestanden-fout\"><span "
			    "class=\"atlas-visually-hidden\">Fout: </span>");
		html_text(b, err);
		html_raw(b, "</div>");
	}
	html_raw(b,
		 "<div class=\"utrecht-form-field__input\"><input class=\"utrecht-textbox "
		 "utrecht-textbox--html-input atlas-file-input\" type=\"file\" id=\"f-bestanden\" "
		 "name=\"bestanden\" multiple required accept=\".xlsx,.csv,"
		 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv\" "
		 "aria-describedby=\"f-bestanden-hint");
	if (err)
		html_raw(b, " f-bestanden-fout\" aria-invalid=\"true");
	html_raw(b, "\"></div></div>");
	form_field(b, &fields[1], in ? in->name : "", fe);
	form_field(b, &fields[2], in ? in->confidence : "medium", fe);
	form_submit(b, "Controleren", true);
	form_close(b);
}

static void intro(struct buf *b)
{
	html_raw(b, "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Lees correcties en "
		    "aanvullingen in uit een wijzigingenset: nieuwe organisaties, "
		    "samenwerkingsverbanden en deelnames, en wijzigingen in bestaande records, "
		    "elk met bron, datum en zekerheid. U ziet eerst elke wijziging; pas na "
		    "<strong>Toepassen</strong> wordt er iets opgeslagen, als één import in de "
		    "geschiedenis.</p><p class=\"utrecht-paragraph\">Het formaat staat in de "
		    "handleiding bij de import (docs/import.md); hetzelfde kan op de opdrachtregel "
		    "met <code>atlas import wijzigingen MAP</code> en via de API met <code>POST "
		    "/api/v1/wijzigingen</code>.</p>");
}

int page_import(struct request *r)
{
	const struct crumb crumbs[] = {{"Importeren", NULL}};
	const struct page_head h = {
	    .title = "Wijzigingen importeren", .nav = NAV_ADMIN, .crumbs = crumbs, .n_crumbs = 1};
	layout_begin(&r->out, page_head_for(r, &h));
	struct buf *b = &r->out;
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Wijzigingen importeren</h1>");
	intro(b);
	upload_form(b, r, NULL, NULL);
	layout_end(b, r->snap->stats.newest_confirmed);
	return 200;
}

/* ---- the preview ------------------------------------------------------------ */

/* A table in a scroll box that keyboard users can reach and scroll (a
 * wide table scrolls sideways on a phone): the box is a region named by
 * the heading labelled_by. The rest as comp_table_open_ex. */
static void table_open(struct buf *b, const char *labelled_by, const char *caption,
		       const struct comp_col *cols, int n)
{
	html_raw(b, "<div class=\"utrecht-table-container atlas-table-container\" tabindex=\"0\" "
		    "role=\"region\" aria-labelledby=\"");
	html_attr(b, labelled_by);
	html_raw(b, "\"><table class=\"utrecht-table utrecht-table--html-table "
		    "utrecht-table--alternate-row-color\"><caption class=\"utrecht-table__caption "
		    "atlas-visually-hidden\">");
	html_text(b, caption);
	html_raw(b, "</caption><thead class=\"utrecht-table__header\"><tr "
		    "class=\"utrecht-table__row\">");
	for (int i = 0; i < n; i++) {
		html_raw(b, cols[i].numeric
				? "<th scope=\"col\" class=\"utrecht-table__header-cell "
				  "utrecht-table__header-cell--numeric-column\">"
				: "<th scope=\"col\" class=\"utrecht-table__header-cell\">");
		html_text(b, cols[i].label);
		html_raw(b, "</th>");
	}
	html_raw(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
}

static void td_text(struct buf *b, const char *s)
{
	comp_td_text(b, s, "—");
}

/* "Organisatie gm0344 (Utrecht)" of a change. */
static const char *record_text(struct request *r, const struct cs_change *c)
{
	const char *what = diff_entity_label(c->entity);
	char first[8] = "";
	if (what && what[0] >= 'a' && what[0] <= 'z')
		snprintf(first, sizeof first, "%c", what[0] - 'a' + 'A');
	const char *rest = what && *what ? what + (first[0] ? 1 : 0) : c->entity;
	if (!str_empty(c->label) && strcmp(c->label, c->key) != 0)
		return arena_printf(r->arena, "%s%s %s (%s)", first, rest, c->key, c->label);
	return arena_printf(r->arena, "%s%s %s", first, rest, c->key);
}

/* The changes ch[0..n), one table per file or sheet; ids of the headings
 * start with id_prefix ("bestand", "overgeslagen"). */
static void changes_table(struct request *r, const struct cs_change *ch, int n,
			  const struct changeset *cs, const char *id_prefix)
{
	struct buf *b = &r->out;
	static const struct comp_col cols[] = {
	    {"Regel", true}, {"Soort", false}, {"Record", false}, {"Veld", false},
	    {"Nu", false},   {"Wordt", false}, {"Bron", false},	  {"Zekerheid", false}};
	char today[11];
	today_iso(today);
	/* one table per file or sheet, in the order they appear */
	for (int i = 0; i < n; i++) {
		const char *file = ch[i].file ? ch[i].file : "";
		bool seen = false;
		for (int j = 0; j < i && !seen; j++)
			seen = strcmp(ch[j].file ? ch[j].file : "", file) == 0;
		if (seen)
			continue;
		int count = 0;
		for (int j = i; j < n; j++)
			count += strcmp(ch[j].file ? ch[j].file : "", file) == 0;
		const char *id = arena_printf(r->arena, "%s-%d", id_prefix, i + 1);
		html_raw(b, "<h3 class=\"utrecht-heading-3\" id=\"");
		html_attr(b, id);
		html_raw(b, "\">");
		html_text(b, file);
		html_rawf(b, " <span class=\"atlas-muted\">(%d %s)</span></h3>", count,
			  count == 1 ? "wijziging" : "wijzigingen");
		table_open(b, id, arena_printf(r->arena, "Wijzigingen uit %s", file), cols, 8);
		for (int j = i; j < n; j++) {
			const struct cs_change *c = &ch[j];
			if (strcmp(c->file ? c->file : "", file) != 0)
				continue;
			comp_row_open(b);
			comp_td_int(b, c->line);
			td_text(b, changeset_op_label(c->op));
			td_text(b, record_text(r, c));
			td_text(b, str_empty(c->field_label)
				       ? (str_empty(c->field) ? "hele record" : c->field)
				       : c->field_label);
			td_text(b, c->old_value);
			td_text(b, c->new_value);
			td_text(b, c->source_key);
			char words[160];
			bool planned = c->op == CS_UNCONFIRMED &&
				       is_iso_date(c->new_value ? c->new_value : "") &&
				       strcmp(c->new_value, today) > 0;
			td_text(b, str_empty(c->confidence)
				       ? ""
				       : provenance_words(
					     c->confidence, c->op == CS_UNCONFIRMED,
					     changeset_source_kind(cs, r->snap, c->source_key),
					     planned, words, sizeof words));
			comp_row_close(b);
		}
		comp_table_close(b);
	}
}

static void problems_block(struct request *r, const struct cs_problem *p, int n)
{
	struct buf *b = &r->out;
	html_raw(b, "<div class=\"utrecht-alert utrecht-alert--error atlas-notice "
		    "atlas-error-summary\" id=\"foutmeldingen\" tabindex=\"-1\" autofocus>"
		    "<div class=\"utrecht-alert__content\"><h2 class=\"utrecht-heading-2\" "
		    "id=\"problemen\">");
	html_rawf(b, "%d %s gevonden", n, n == 1 ? "probleem" : "problemen");
	html_raw(b,
		 "</h2><p class=\"utrecht-paragraph\"><strong>Er wordt niets toegepast.</strong> "
		 "Verbeter de bestanden en upload ze opnieuw.</p></div></div>");
	static const struct comp_col cols[] = {
	    {"Bestand", false}, {"Regel", true}, {"Reden", false}};
	table_open(b, "problemen", "Problemen", cols, 3);
	for (int i = 0; i < n; i++) {
		comp_row_open(b);
		td_text(b, p[i].file);
		if (p[i].line > 0)
			comp_td_int(b, p[i].line);
		else
			td_text(b, "");
		td_text(b, p[i].message);
		comp_row_close(b);
	}
	comp_table_close(b);
}

/* The form that applies the previewed plan: the files travel back as
 * base64url in hidden fields, with the plan's fingerprint. */
static void apply_form(struct request *r, const struct input *in, const struct cs_report *rep)
{
	struct buf *b = &r->out;
	char digest[65];
	changeset_plan_digest(rep, digest);
	html_raw(b, "<form class=\"atlas-edit-form\" method=\"post\" novalidate "
		    "action=\"/beheer/import\">");
	form_csrf(b, r);
	form_hidden(b, "stap", "toepassen");
	form_hidden(b, "plan", digest);
	form_hidden(b, "naam", in->name);
	form_hidden(b, "zekerheid", in->confidence);
	for (int i = 0; i < in->n_files; i++) {
		form_hidden(b, "bestandsnaam", in->files[i].name);
		form_hidden(b, "inhoud",
			    changeset_upload_encode(r->arena, in->files[i].data, in->files[i].len));
	}
	html_raw(b, "<div class=\"atlas-form-actions\">");
	form_submit(b,
		    rep->n_changes ? arena_printf(r->arena, "Toepassen (%d %s)", rep->n_changes,
						  rep->n_changes == 1 ? "wijziging" : "wijzigingen")
				   : "Toepassen",
		    true);
	html_raw(b, " <a class=\"utrecht-link utrecht-link--html-a\" href=\"/beheer/import\">"
		    "Annuleren en andere bestanden kiezen</a></div>");
	form_close(b);
}

/* The preview: problems, or every change with the button that applies
 * them. notice (may be NULL) comes first. Returns the status. */
static int preview(struct request *r, const struct input *in, const struct changeset *cs,
		   const struct cs_report *rep, const char *notice, int status)
{
	struct buf *b = &r->out;
	page_begin(r,
		   rep->n_problems ? "Problemen in de wijzigingen — Importeren"
				   : "Wijzigingen controleren",
		   "Wijzigingen controleren");
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Wijzigingen controleren</h1>");
	if (notice) {
		html_raw(b, "<div class=\"utrecht-alert atlas-notice\" role=\"status\"><p "
			    "class=\"utrecht-paragraph\">");
		html_text(b, notice);
		html_raw(b, "</p></div>");
	}
	html_raw(b, "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Uit ");
	html_text(b, cs->title);
	html_raw(b, ": <strong>");
	html_int_nl(b, rep->n_changes);
	html_raw(b, rep->n_changes == 1 ? " wijziging" : " wijzigingen");
	html_raw(b, "</strong>, ");
	html_int_nl(b, rep->n_unchanged);
	html_raw(b, rep->n_unchanged == 1 ? " regel" : " regels");
	html_raw(b, " al in orde");
	if (rep->n_problems) {
		html_raw(b, ", ");
		html_int_nl(b, rep->n_problems);
		html_raw(b, rep->n_problems == 1 ? " probleem" : " problemen");
	}
	html_raw(b, ". Er is nog niets opgeslagen.</p>");
	if (rep->n_problems) {
		problems_block(r, rep->problems, rep->n_problems);
	} else if (rep->n_changes == 0) {
		html_raw(b, "<div class=\"utrecht-alert utrecht-alert--ok\" role=\"status\"><p "
			    "class=\"utrecht-paragraph\">Er is niets te wijzigen: het register "
			    "bevat dit alles al.</p></div>");
	} else {
		html_raw(b,
			 "<p class=\"utrecht-paragraph\">Controleer de wijzigingen hieronder. "
			 "<strong>Toepassen</strong> (onderaan) slaat precies deze wijzigingen op, "
			 "als één import.</p>");
	}
	if (rep->n_changes) {
		html_raw(b, rep->n_problems
				? "<h2 class=\"utrecht-heading-2\">Wijzigingen per bestand "
				  "(worden niet toegepast)</h2>"
				: "<h2 class=\"utrecht-heading-2\">Wijzigingen per bestand</h2>");
		changes_table(r, rep->changes, rep->n_changes, cs, "bestand");
	}
	if (rep->n_superseded) {
		html_raw(
		    b, "<h2 class=\"utrecht-heading-2\">Overgeslagen: later elders gewijzigd</h2>"
		       "<p class=\"utrecht-paragraph\">Deze regels zijn eerder met deze set "
		       "ingelezen, maar het record is daarna op de website, via de API of met een "
		       "andere set gewijzigd. De latere wijziging blijft staan; deze regels worden "
		       "niet toegepast.</p>");
		changes_table(r, rep->superseded, rep->n_superseded, cs, "overgeslagen");
	}
	if (!rep->n_problems && rep->n_changes)
		apply_form(r, in, rep);
	if (rep->n_problems || rep->n_changes == 0) {
		html_raw(b, "<h2 class=\"utrecht-heading-2\">Opnieuw uploaden</h2>");
		upload_form(b, r, in, NULL);
	}
	layout_end(b, r->snap->stats.newest_confirmed);
	return status;
}

/* The first page again with form errors (nothing read). */
static int form_errors(struct request *r, const struct input *in, const struct cs_problem *p, int n)
{
	struct field_errors fe = {0};
	for (int i = 0; i < n && fe.n < FIELD_ERRORS_MAX; i++) {
		struct field_error *e = &fe.e[fe.n++];
		snprintf(e->field, sizeof e->field, "bestanden");
		if (!str_empty(p[i].file))
			snprintf(e->message, sizeof e->message, "%s: %s", p[i].file, p[i].message);
		else
			snprintf(e->message, sizeof e->message, "%s", p[i].message);
	}
	page_begin(r, "Fout bij importeren — Importeren", "Wijzigingen importeren");
	struct buf *b = &r->out;
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Wijzigingen importeren</h1>");
	form_error_summary(b, &fe, fields, N_FIELDS);
	intro(b);
	upload_form(b, r, in, &fe);
	layout_end(b, r->snap->stats.newest_confirmed);
	return 400;
}

static int one_error(struct request *r, const struct input *in, const char *msg)
{
	const struct cs_problem p = {"", 0, msg};
	return form_errors(r, in, &p, 1);
}

/* ---- the older CSV template ------------------------------------------------------ */

/* One file in the collaborations/participations template (io/csv_import.h):
 * the preview is a dry run (counts, or every bad line), Toepassen the real
 * import in one transaction. Its events are not an import batch. */
static int template_import(struct request *r, const struct input *in, bool apply)
{
	const struct cs_file *f = &in->files[0];
	if (!store_thread())
		return respond_error(
		    r, 503, "Tijdelijk niet beschikbaar",
		    "De database is even niet bereikbaar. Probeer het later opnieuw.", NULL);
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	struct csv_import_report rep;
	int rc = store_csv_import(store_thread(), &w, f->data, f->len, !apply, &rep);
	struct buf *b = &r->out;
	int status = 200;
	if (rc != 0) {
		int n = rep.n_errors < CSV_IMPORT_MAX_ERRORS ? rep.n_errors : CSV_IMPORT_MAX_ERRORS;
		struct cs_problem *p = arena_calloc(r->arena, (size_t)(n ? n : 1), sizeof *p);
		for (int i = 0; i < n; i++)
			p[i] = (struct cs_problem){f->name, rep.errors[i].line,
						   arena_strdup(r->arena, rep.errors[i].message)};
		page_begin(r, "Problemen in het bestand — Importeren", "Wijzigingen controleren");
		html_raw(b, "<h1 class=\"utrecht-heading-1\">Wijzigingen controleren</h1>");
		problems_block(r, p, n);
		if (rep.n_errors > n)
			html_rawf(b, "<p class=\"utrecht-paragraph\">En nog %d problemen.</p>",
				  rep.n_errors - n);
		html_raw(b, "<h2 class=\"utrecht-heading-2\">Opnieuw uploaden</h2>");
		upload_form(b, r, in, NULL);
		status = 400;
	} else if (apply) {
		app_after_write();
		page_begin(r, "Import toegepast", NULL);
		html_raw(b, "<h1 class=\"utrecht-heading-1\">Import toegepast</h1><div "
			    "class=\"utrecht-alert utrecht-alert--ok\" role=\"status\"><p "
			    "class=\"utrecht-paragraph\">");
		html_text(b, f->name);
		html_raw(b, " (");
		html_text(b, csv_table_name(rep.table));
		html_raw(b, "): ");
		html_int_nl(b, rep.added);
		html_raw(b, " toegevoegd, ");
		html_int_nl(b, rep.changed);
		html_raw(b, " gewijzigd, ");
		html_int_nl(b, rep.unchanged);
		html_raw(b, " ongewijzigd.</p></div><p class=\"utrecht-paragraph\">");
		comp_link(b, "/wijzigingen", "Bekijk de wijzigingen in de geschiedenis");
		html_raw(b, ".</p>");
	} else {
		page_begin(r, "Wijzigingen controleren", NULL);
		html_raw(b, "<h1 class=\"utrecht-heading-1\">Wijzigingen controleren</h1><p "
			    "class=\"utrecht-paragraph utrecht-paragraph--lead\">");
		html_text(b, f->name);
		html_raw(b, " volgt het CSV-sjabloon voor ");
		html_text(b, csv_table_name(rep.table));
		html_raw(b, ": ");
		html_int_nl(b, rep.added);
		html_raw(b, " toe te voegen, ");
		html_int_nl(b, rep.changed);
		html_raw(b, " te wijzigen, ");
		html_int_nl(b, rep.unchanged);
		html_raw(b, " ongewijzigd. Er is nog niets opgeslagen.</p>");
		if (rep.added + rep.changed > 0) {
			struct cs_report none = {0};
			apply_form(r, in, &none);
		} else {
			html_raw(
			    b, "<div class=\"utrecht-alert utrecht-alert--ok\" role=\"status\"><p "
			       "class=\"utrecht-paragraph\">Er is niets te wijzigen.</p></div>");
		}
	}
	csv_import_report_free(&rep);
	layout_end(b, r->snap->stats.newest_confirmed);
	return status;
}

/* ---- the POST ------------------------------------------------------------------ */

/* Read name, confidence and the files (uploaded, or carried back from the
 * preview). Returns 0 or the status of the reply already written. */
static int read_input_or_respond(struct request *r, bool apply, struct input *in)
{
	memset(in, 0, sizeof *in);
	const char *name = req_form(r, "naam");
	const char *conf = req_form(r, "zekerheid");
	in->name = name ? name : "";
	in->confidence = str_empty(conf) ? "medium" : conf;
	if (strcmp(in->confidence, "medium") != 0 && strcmp(in->confidence, "high") != 0) {
		in->confidence = "medium";
		return one_error(r, in, "Kies bij ‘Wat wordt een feit?’ een van de opties.");
	}
	if (utf8_length(in->name, strlen(in->name)) > NAME_MAX_LEN)
		return one_error(r, in, "De naam van de import is te lang (hoogstens 120 tekens).");
	if (apply) {
		const char *names[CHANGESET_UPLOAD_MAX_FILES + 1],
		    *data[CHANGESET_UPLOAD_MAX_FILES + 1];
		int nn = req_form_all(r, "bestandsnaam", names, CHANGESET_UPLOAD_MAX_FILES + 1);
		int nd = req_form_all(r, "inhoud", data, CHANGESET_UPLOAD_MAX_FILES + 1);
		if (nn != nd || nn == 0)
			return one_error(r, in,
					 "De bestanden zijn niet meegekomen. Upload ze opnieuw.");
		for (int i = 0; i < nn; i++) {
			struct cs_file *f = &in->files[in->n_files++];
			f->name = names[i];
			if (changeset_upload_decode(r->arena, data[i], &f->data, &f->len) != 0)
				return one_error(
				    r, in,
				    "De bestanden zijn beschadigd meegekomen. Upload ze "
				    "opnieuw.");
			in->bytes += f->len;
		}
		return 0;
	}
	const struct upload *ups[CHANGESET_UPLOAD_MAX_FILES + 1];
	int n = req_files(r, "bestanden", ups, CHANGESET_UPLOAD_MAX_FILES + 1);
	for (int i = 0; i < n; i++) {
		struct cs_file *f = &in->files[in->n_files++];
		f->name = ups[i]->filename;
		f->data = ups[i]->data;
		f->len = ups[i]->len;
		in->bytes += f->len;
	}
	return 0;
}

int page_import_submit(struct request *r)
{
	const char *stap = req_form(r, "stap");
	bool apply = stap && strcmp(stap, "toepassen") == 0;
	struct input in;
	int status = read_input_or_respond(r, apply, &in);
	if (status)
		return status;

	if (in.n_files == 1 && changeset_upload_is_template(&in.files[0]))
		return template_import(r, &in, apply);

	struct changeset cs;
	struct cs_problem *probs;
	int n_probs;
	if (changeset_upload_read(r->arena, in.files, in.n_files, in.name, &cs, &probs, &n_probs) !=
	    0)
		return form_errors(r, &in, probs, n_probs);

	struct store *st = store_thread();
	if (!st)
		return respond_error(
		    r, 503, "Tijdelijk niet beschikbaar",
		    "De database is even niet bereikbaar. Probeer het later opnieuw.", NULL);
	char err[256] = "", today[11];
	today_iso(today);
	struct cs_report rep;
	if (changeset_plan(st, r->arena, &cs, in.confidence, today, &rep, err, sizeof err) != 0)
		return respond_error(
		    r, 500, "Interne fout",
		    "De wijzigingen konden niet worden vergeleken met het register.", NULL);
	if (!apply || rep.n_problems || rep.n_changes == 0)
		return preview(r, &in, &cs, &rep, NULL, rep.n_problems ? 400 : 200);

	char digest[65];
	changeset_plan_digest(&rep, digest);
	const char *plan = req_form(r, "plan");
	if (!plan || strcmp(plan, digest) != 0)
		return preview(r, &in, &cs, &rep,
			       "Het register is veranderd sinds u de wijzigingen controleerde. "
			       "Hieronder staan ze zoals ze nu zouden worden toegepast; controleer "
			       "ze opnieuw.",
			       409);

	struct write_ctx w;
	char actor[80], wtoday[11];
	accounts_write_ctx(r->user, "web", &w, actor, wtoday);
	struct cs_report done;
	if (changeset_apply(st, r->arena, &cs, in.confidence, &w, &done, err, sizeof err) != 0)
		return respond_error(r, 500, "Interne fout",
				     "De wijzigingen konden niet worden opgeslagen. Er is niets "
				     "gewijzigd.",
				     NULL);
	if (done.n_problems || done.batch_id <= 0)
		return preview(r, &in, &cs, &done,
			       "Er is niets opgeslagen: bij het toepassen bleek de set niet meer "
			       "toepasbaar.",
			       done.n_problems ? 400 : 200);

	struct buf *b = &r->out;
	page_begin(r, "Import toegepast", NULL);
	const char *href =
	    arena_printf(r->arena, "/wijzigingen/import/%lld", (long long)done.batch_id);
	html_raw(b,
		 "<h1 class=\"utrecht-heading-1\">Import toegepast</h1><div class=\"utrecht-alert "
		 "utrecht-alert--ok\" role=\"status\"><p class=\"utrecht-paragraph\">");
	html_int_nl(b, done.n_changes);
	html_raw(b, done.n_changes == 1 ? " wijziging uit " : " wijzigingen uit ");
	html_text(b, cs.title);
	html_raw(b, " opgeslagen als één import.</p></div><p class=\"utrecht-paragraph\">");
	comp_link(b, href, "Bekijk deze import in de geschiedenis");
	html_raw(b, " of ");
	comp_link(b, "/beheer/import", "importeer nog een wijzigingenset");
	html_raw(b, ".</p>");
	layout_end(b, r->snap->stats.newest_confirmed);
	return 200;
}
