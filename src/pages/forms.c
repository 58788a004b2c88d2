/*
 * forms — see forms.h.
 */
#include "forms.h"
#include "../domain/labels.h"
#include "../lib/arena.h"
#include "../lib/secret.h"
#include "../lib/text.h"
#include "../render/html.h"

#include <microhttpd.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *form_error_for(const struct field_errors *e, const char *name)
{
	if (!e)
		return NULL;
	for (int i = 0; i < e->n; i++)
		if (strcmp(e->e[i].field, name) == 0)
			return e->e[i].message;
	return NULL;
}

static const struct form_field *find_field(const struct form_field *fields, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(fields[i].name, name) == 0)
			return &fields[i];
	return NULL;
}

void form_error_summary(struct buf *b, const struct field_errors *e,
			const struct form_field *fields, int n)
{
	if (!e || e->n == 0)
		return;
	html_raw(
	    b, "<div class=\"utrecht-alert utrecht-alert--error atlas-notice atlas-error-summary\" "
	       "id=\"foutmeldingen\" tabindex=\"-1\" autofocus>"
	       "<div class=\"utrecht-alert__content\">"
	       "<h2 class=\"utrecht-heading-2\" id=\"foutmeldingen-kop\">Controleer uw "
	       "invoer</h2><p class=\"utrecht-paragraph\">");
	html_rawf(b, "%d", e->n);
	html_raw(b, e->n == 1 ? " gegeven is niet goed ingevuld. Er is niets opgeslagen."
			      : " gegevens zijn niet goed ingevuld. Er is niets opgeslagen.");
	html_raw(b, "</p><ul class=\"utrecht-unordered-list\">");
	for (int i = 0; i < e->n; i++) {
		const struct form_field *f = find_field(fields, n, e->e[i].field);
		html_raw(b, "<li class=\"utrecht-unordered-list__item\">");
		if (f) {
			html_raw(b, "<a class=\"utrecht-link utrecht-link--html-a\" href=\"#f-");
			html_attr(b, f->name);
			html_raw(b, "\">");
			html_text(b, f->label);
			html_raw(b, ": ");
			html_text(b, e->e[i].message);
			html_raw(b, "</a>");
		} else {
			html_text(b, e->e[i].message);
		}
		html_raw(b, "</li>");
	}
	html_raw(b, "</ul></div></div>");
}

/* The aria-describedby value for a field: hint and/or error ids. */
static void described_by(struct buf *b, const struct form_field *f, bool has_error)
{
	if (!f->hint && !has_error)
		return;
	html_raw(b, " aria-describedby=\"");
	if (f->hint) {
		html_raw(b, "f-");
		html_attr(b, f->name);
		html_raw(b, "-hint");
	}
	if (has_error) {
		if (f->hint)
			html_raw(b, " ");
		html_raw(b, "f-");
		html_attr(b, f->name);
		html_raw(b, "-fout");
	}
	html_raw(b, "\"");
	if (has_error)
		html_raw(b, " aria-invalid=\"true\"");
}

static void hint_and_error(struct buf *b, const struct form_field *f, const char *err)
{
	if (f->hint) {
		html_raw(
		    b,
		    "<div class=\"utrecht-form-field__description utrecht-form-field-description\" "
		    "id=\"f-");
		html_attr(b, f->name);
		html_raw(b, "-hint\">");
		html_text(b, f->hint);
		html_raw(b, "</div>");
	}
	if (err) {
		html_raw(b, "<div class=\"utrecht-form-field__error-message "
			    "utrecht-form-field-error-message\" id=\"f-");
		html_attr(b, f->name);
		html_raw(b, "-fout\"><span class=\"atlas-visually-hidden\">Fout: </span>");
		html_text(b, err);
		html_raw(b, "</div>");
	}
}

/* Is option value v in the ";"-separated list? */
static bool in_list(const char *list, const char *v)
{
	size_t n = strlen(v);
	if (!list || !n)
		return false;
	const char *p = list;
	while (*p) {
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && strncmp(p, v, n) == 0)
			return true;
		if (!end)
			break;
		p = end + 1;
	}
	return false;
}

static void checks(struct buf *b, const struct form_field *f, const char *value, const char *err)
{
	html_raw(b, "<fieldset class=\"utrecht-form-fieldset utrecht-form-fieldset--html-fieldset "
		    "atlas-form-field");
	if (err)
		html_raw(b, " utrecht-form-fieldset--invalid");
	html_raw(b, "\"");
	described_by(b, f, err != NULL);
	html_raw(b, "><legend class=\"utrecht-form-fieldset__legend "
		    "utrecht-form-fieldset__legend--html-legend\">");
	html_text(b, f->label);
	if (f->required)
		html_raw(b, " <span class=\"atlas-muted\">(verplicht)</span>");
	html_raw(b, "</legend>");
	hint_and_error(b, f, err);
	for (int i = 0; i < f->n_opts; i++) {
		html_raw(b, "<div class=\"utrecht-form-field utrecht-form-field--checkbox\">"
			    "<div class=\"utrecht-form-field__input\">"
			    "<input class=\"utrecht-checkbox utrecht-checkbox--html-input");
		if (err)
			html_raw(b, " utrecht-checkbox--invalid");
		html_raw(b, "\" type=\"checkbox\" id=\"f-");
		html_attr(b, f->name);
		if (i > 0)
			html_rawf(b, "-%d", i + 1);
		html_raw(b, "\" name=\"");
		html_attr(b, f->name);
		html_raw(b, "\" value=\"");
		html_attr(b, f->opts[i].value);
		html_raw(b, "\"");
		if (in_list(value, f->opts[i].value))
			html_raw(b, " checked");
		html_raw(
		    b, "></div><div class=\"utrecht-form-field__label\">"
		       "<label class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"f-");
		html_attr(b, f->name);
		if (i > 0)
			html_rawf(b, "-%d", i + 1);
		html_raw(b, "\">");
		html_text(b, f->opts[i].label);
		html_raw(b, "</label></div></div>");
	}
	html_raw(b, "</fieldset>");
}

/*
 * The hint of a date field shown as a browser date control. The browser
 * shows the date in the visitor's own format (dd-mm-jjjj in Dutch), so a
 * hint "Als jjjj-mm-dd, bijvoorbeeld 2025-01-31." would be wrong there: the
 * sentence that names the typed format is left out and the rest kept
 * ("Als jjjj-mm-dd. Leeg als …" → "Leeg als …", "Sinds wanneer, als
 * jjjj-mm-dd." → "Sinds wanneer."). A hint that is only the format becomes
 * NULL. When the field falls back to a text box (an invalid value being
 * corrected) the hint is kept as written, because there it is true.
 */
const char *form_date_hint(const char *hint, char *out, size_t n)
{
	if (!hint)
		return NULL;
	const char *fmt = strstr(hint, "jjjj-mm-dd");
	if (!fmt)
		return hint;
	size_t pre = (size_t)(fmt - hint);
	const char *rest = fmt + strlen("jjjj-mm-dd");
	if (pre >= 6 && strncmp(fmt - 6, ", als ", 6) == 0) {
		/* "Sinds wanneer, als jjjj-mm-dd." → "Sinds wanneer." */
		pre -= 6;
	} else if (pre == 4 && strncmp(hint, "Als ", 4) == 0) {
		/* "Als jjjj-mm-dd[, bijvoorbeeld …]. Rest" → "Rest" */
		pre = 0;
		const char *stop = strstr(rest, ". ");
		rest = stop ? stop + 2 : rest + strlen(rest);
	} else {
		return hint; /* an unknown shape: keep it */
	}
	snprintf(out, n, "%.*s%s", (int)pre, hint, rest);
	return *out ? out : NULL;
}

/* "jjjj-mm-ddTuu:mm", as a datetime-local control submits it. */
static bool is_local_datetime(const char *v)
{
	static const char shape[] = "dddd-dd-ddTdd:dd";
	for (int i = 0; i < 16; i++)
		if (shape[i] == 'd' ? !(v[i] >= '0' && v[i] <= '9') : v[i] != shape[i])
			return false;
	return v[16] == '\0';
}

/* The hint of a date-time field shown as a date-time control: the example
 * ", zoals 2027-03-15T14:00" (typed form) left out, the rest kept. */
static const char *datetime_hint(const char *hint, char *out, size_t n)
{
	const char *ex = hint ? strstr(hint, ", zoals ") : NULL;
	if (!ex)
		return hint;
	const char *rest = strchr(ex + 8, ' ');
	snprintf(out, n, "%.*s.%s%s", (int)(ex - hint), hint, rest ? " " : "",
		 rest ? rest + 1 : "");
	return out;
}

/* Is f shown as a date or date-time control (not as text, which an invalid
 * value being corrected needs)? */
static bool as_control(const struct form_field *f, const char *value)
{
	if (f->kind == FK_DATE)
		return !*value || is_iso_date(value);
	if (f->kind == FK_DATETIME)
		return !*value || is_local_datetime(value);
	return false;
}

void form_field(struct buf *b, const struct form_field *f, const char *value,
		const struct field_errors *e)
{
	const char *err = form_error_for(e, f->name);
	value = form_str(value);
	struct form_field as_date;
	char hint_buf[256];
	if (as_control(f, value)) {
		as_date = *f;
		as_date.hint = f->kind == FK_DATE
				   ? form_date_hint(f->hint, hint_buf, sizeof hint_buf)
				   : datetime_hint(f->hint, hint_buf, sizeof hint_buf);
		f = &as_date;
	}
	if (f->kind == FK_CHECKS) {
		checks(b, f, value, err);
		return;
	}
	html_raw(b, "<div class=\"utrecht-form-field atlas-form-field");
	if (err)
		html_raw(b, " utrecht-form-field--invalid");
	html_raw(b, "\"><div class=\"utrecht-form-field__label\">"
		    "<label class=\"utrecht-form-label\" for=\"f-");
	html_attr(b, f->name);
	html_raw(b, "\">");
	html_text(b, f->label);
	if (f->required)
		html_raw(b, " <span class=\"atlas-muted\">(verplicht)</span>");
	html_raw(b, "</label></div>");
	hint_and_error(b, f, err);
	html_raw(b, "<div class=\"utrecht-form-field__input\">");
	switch (f->kind) {
	case FK_TEXTAREA:
		html_raw(b, "<textarea class=\"utrecht-textarea utrecht-textarea--html-textarea");
		if (err)
			html_raw(b, " utrecht-textarea--invalid");
		html_raw(b, "\" rows=\"5\" id=\"f-");
		html_attr(b, f->name);
		html_raw(b, "\" name=\"");
		html_attr(b, f->name);
		html_raw(b, "\"");
		if (f->max_len > 0)
			html_rawf(b, " maxlength=\"%d\"", f->max_len);
		described_by(b, f, err != NULL);
		html_raw(b, ">");
		/* a leading newline would be eaten by the parser: keep it */
		if (value[0] == '\n')
			html_raw(b, "\n");
		html_text(b, value);
		html_raw(b, "</textarea>");
		break;
	case FK_SELECT: {
		html_raw(b, "<select class=\"utrecht-select utrecht-select--html-select");
		if (err)
			html_raw(b, " utrecht-select--invalid");
		html_raw(b, "\" id=\"f-");
		html_attr(b, f->name);
		html_raw(b, "\" name=\"");
		html_attr(b, f->name);
		html_raw(b, "\"");
		described_by(b, f, err != NULL);
		html_raw(b, ">");
		bool found = false;
		for (int i = 0; i < f->n_opts; i++)
			found = found || strcmp(f->opts[i].value, value) == 0;
		/* an unknown submitted value stays visible (and invalid) */
		if (!found && *value) {
			html_raw(b, "<option value=\"");
			html_attr(b, value);
			html_raw(b, "\" selected>");
			html_text(b, value);
			html_raw(b, "</option>");
		}
		for (int i = 0; i < f->n_opts; i++) {
			html_raw(b, "<option value=\"");
			html_attr(b, f->opts[i].value);
			html_raw(b, strcmp(f->opts[i].value, value) == 0 ? "\" selected>" : "\">");
			html_text(b, f->opts[i].label);
			html_raw(b, "</option>");
		}
		html_raw(b, "</select>");
		break;
	}
	default: {
		/* a date field that holds something that is not a date (the user's
		 * invalid input) is shown as a text field, so it can be corrected */
		const char *type = !as_control(f, value) ? f->kind == FK_URL ? "url" : "text"
				   : f->kind == FK_DATE	 ? "date"
							 : "datetime-local";
		html_raw(b, "<input class=\"utrecht-textbox utrecht-textbox--html-input");
		if (f->kind == FK_NUMBER)
			html_raw(b, " utrecht-textbox--numeric");
		if (f->kind == FK_URL)
			html_raw(b, " utrecht-textbox--url");
		if (err)
			html_raw(b, " utrecht-textbox--invalid");
		html_raw(b, "\" type=\"");
		html_raw(b, type);
		html_raw(b, "\" id=\"f-");
		html_attr(b, f->name);
		html_raw(b, "\" name=\"");
		html_attr(b, f->name);
		html_raw(b, "\" value=\"");
		html_attr(b, value);
		html_raw(b, "\"");
		if (f->max_len > 0 && f->kind != FK_DATE && f->kind != FK_DATETIME)
			html_rawf(b, " maxlength=\"%d\"", f->max_len);
		if (f->kind == FK_NUMBER)
			html_raw(b, " inputmode=\"decimal\"");
		described_by(b, f, err != NULL);
		html_raw(b, ">");
		break;
	}
	}
	html_raw(b, "</div></div>");
}

void form_fields(struct buf *b, const struct form_field *fields, int n, const char *const *vals,
		 const struct field_errors *e)
{
	for (int i = 0; i < n; i++)
		form_field(b, &fields[i], vals[i], e);
}

void form_hidden(struct buf *b, const char *name, const char *value)
{
	html_raw(b, "<input type=\"hidden\" name=\"");
	html_attr(b, name);
	html_raw(b, "\" value=\"");
	html_attr(b, form_str(value));
	html_raw(b, "\">");
}

void form_csrf(struct buf *b, const struct request *r)
{
	form_hidden(b, "csrf", r->csrf);
}

void form_open(struct buf *b, const struct request *r, const char *action)
{
	html_raw(b, "<form class=\"atlas-edit-form\" method=\"post\" novalidate action=\"");
	html_attr(b, action);
	html_raw(b, "\">");
	form_csrf(b, r);
}

void form_close(struct buf *b)
{
	html_raw(b, "</form>");
}

void form_submit(struct buf *b, const char *text, bool primary)
{
	html_raw(b, primary ? "<button class=\"utrecht-button utrecht-button--primary-action\" "
			      "type=\"submit\">"
			    : "<button class=\"utrecht-button utrecht-button--secondary-action\" "
			      "type=\"submit\">");
	html_text(b, text);
	html_raw(b, "</button>");
}

void form_version_field(struct buf *b, int64_t version)
{
	html_rawf(b, "<input type=\"hidden\" name=\"versie\" value=\"%lld\">", (long long)version);
}

void form_buttons(struct buf *b, const char *submit, const char *link_href, const char *link_text)
{
	html_raw(b, "<p class=\"utrecht-button-group\">");
	form_submit(b, submit, true);
	html_raw(b, " ");
	comp_link(b, link_href, link_text);
	html_raw(b, "</p>");
}

struct comp_option *form_label_opts(struct arena *a, const struct label *t, int n,
				    const char *empty_label, int *n_out)
{
	struct comp_option *o = arena_calloc(a, (size_t)n + 1, sizeof *o);
	int k = 0;
	if (empty_label)
		o[k++] = (struct comp_option){"", empty_label};
	for (int i = 0; i < n; i++)
		o[k++] = (struct comp_option){t[i].api, t[i].label};
	*n_out = k;
	return o;
}

void form_submitted(struct request *r, const struct form_field *fields, int n, const char **v)
{
	for (int i = 0; i < n; i++) {
		if (fields[i].kind == FK_CHECKS) {
			const char *vals[64];
			int nv = req_form_all(r, fields[i].name, vals, 64);
			struct buf d = BUF_INIT;
			for (int k = 0; k < nv; k++) {
				if (k)
					buf_putc(&d, ';');
				buf_puts(&d, vals[k]);
			}
			v[i] = arena_strdup(r->arena, d.data ? d.data : "");
			buf_free(&d);
		} else {
			v[i] = form_str(req_form(r, fields[i].name));
		}
	}
}

const char *form_record_href(struct request *r, const char *base, const char *key,
			     const char *suffix)
{
	struct buf u = BUF_INIT;
	buf_puts(&u, base);
	url_seg(&u, key);
	buf_puts(&u, suffix ? suffix : "");
	const char *s = arena_strdup(r->arena, u.data);
	buf_free(&u);
	return s;
}

void form_confirm_button(struct buf *b, const struct request *r, const char *action,
			 int64_t version, const char *what, const char *terug)
{
	html_raw(b, "<form class=\"atlas-inline-form\" method=\"post\" action=\"");
	html_attr(b, action);
	html_raw(b, "\">");
	form_csrf(b, r);
	if (terug)
		form_hidden(b, "terug", terug);
	html_raw(b, "<input type=\"hidden\" name=\"versie\" value=\"");
	html_rawf(b, "%lld", (long long)version);
	html_raw(b, "\"><button class=\"utrecht-button utrecht-button--secondary-action\" "
		    "type=\"submit\">Bevestig dat dit klopt");
	if (what && *what) {
		html_raw(b, "<span class=\"atlas-visually-hidden\">: ");
		html_text(b, what);
		html_raw(b, "</span>");
	}
	html_raw(b, "</button></form>");
}

void form_actor(struct buf *b, const char *by)
{
	if (str_empty(by)) {
		html_raw(b, "de bron");
		return;
	}
	if (strncmp(by, "gebruiker:", 10) == 0)
		by += 10;
	html_text(b, by);
}

void form_confirmed_line(struct buf *b, const char *date, const char *by)
{
	html_raw(b, "Laatst bevestigd op ");
	if (str_empty(date))
		html_raw(b, "(onbekend)");
	else
		html_date_nl(b, date);
	if (str_empty(by)) {
		html_raw(b, " volgens de bron");
	} else {
		html_raw(b, " door ");
		form_actor(b, by);
	}
}

/* Show a value as its option label(s) where the field has options. */
static void show_value(struct buf *b, const struct form_field *f, const char *v)
{
	v = form_str(v);
	if (!*v) {
		html_raw(b, "<span class=\"atlas-unknown\">(leeg)</span>");
		return;
	}
	if (f->kind == FK_SELECT) {
		for (int i = 0; i < f->n_opts; i++)
			if (strcmp(f->opts[i].value, v) == 0) {
				html_text(b, f->opts[i].label);
				return;
			}
	} else if (f->kind == FK_CHECKS) {
		bool first = true;
		for (int i = 0; i < f->n_opts; i++)
			if (in_list(v, f->opts[i].value)) {
				if (!first)
					html_raw(b, ", ");
				html_text(b, f->opts[i].label);
				first = false;
			}
		if (!first)
			return;
	} else if (f->kind == FK_DATE && is_iso_date(v)) {
		html_date_nl(b, v);
		return;
	}
	html_text(b, v);
}

/* Equal as sets for checkbox groups, as strings otherwise. */
static bool same_value(const struct form_field *f, const char *a, const char *b)
{
	a = form_str(a);
	b = form_str(b);
	if (f->kind != FK_CHECKS)
		return strcmp(a, b) == 0;
	for (int i = 0; i < f->n_opts; i++)
		if (in_list(a, f->opts[i].value) != in_list(b, f->opts[i].value))
			return false;
	return true;
}

void form_conflict_table(struct buf *b, const struct form_field *fields, int n,
			 const char *const *mine, const char *const *stored)
{
	static const struct comp_col cols[] = {{"Gegeven", false},
					       {"Uw invoer", false},
					       {"Nu opgeslagen", false},
					       {"Verschil", false}};
	comp_table_open(b, "Uw invoer naast de opgeslagen gegevens", cols, 4);
	for (int i = 0; i < n; i++) {
		bool same = same_value(&fields[i], mine[i], stored[i]);
		html_raw(b, same ? "<tr class=\"utrecht-table__row\">"
				 : "<tr class=\"utrecht-table__row atlas-diff-row\">");
		comp_th_open(b);
		html_text(b, fields[i].label);
		comp_th_close(b);
		comp_td_open(b, false);
		if (!same)
			html_raw(b, "<mark>");
		show_value(b, &fields[i], mine[i]);
		if (!same)
			html_raw(b, "</mark>");
		comp_td_close(b);
		comp_td_open(b, false);
		if (!same)
			html_raw(b, "<mark>");
		show_value(b, &fields[i], stored[i]);
		if (!same)
			html_raw(b, "</mark>");
		comp_td_close(b);
		comp_td_open(b, false);
		if (same)
			html_raw(b, "Gelijk");
		else
			html_raw(b, "<strong>Verschilt</strong>");
		comp_td_close(b);
		comp_row_close(b);
	}
	comp_table_close(b);
}

/* The value of `key` in the raw query string, if it is one of the known
 * notice codes (no decoding needed: codes are plain ASCII). */
static const char *query_code(const char *query, const char *key)
{
	size_t kl = strlen(key);
	const char *p = query;
	while (p && *p) {
		if (strncmp(p, key, kl) == 0 && p[kl] == '=')
			return p + kl + 1;
		p = strchr(p, '&');
		if (p)
			p++;
	}
	return NULL;
}

void form_flash_from(struct buf *b, const struct request *r, const struct form_notice *notices,
		     size_t n)
{
	if (!r->user || !r->query)
		return;
	const char *v = query_code(r->query, "melding");
	if (!v)
		return;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(notices[i].code);
		if (strncmp(v, notices[i].code, len) == 0 && (v[len] == '\0' || v[len] == '&')) {
			html_raw(b, "<div class=\"utrecht-alert utrecht-alert--ok atlas-notice\" "
				    "role=\"status\"><div class=\"utrecht-alert__content\">"
				    "<p class=\"utrecht-alert__message\">");
			html_text(b, notices[i].text);
			html_raw(b, "</p></div></div>");
			return;
		}
	}
}

void form_flash(struct buf *b, const struct request *r)
{
	static const struct form_notice msgs[] = {
	    {"opgeslagen", "De wijzigingen zijn opgeslagen."},
	    {"aangemaakt", "Het samenwerkingsverband is aangemaakt."},
	    {"toegevoegd", "De deelnemer is toegevoegd."},
	    {"beeindigd", "Beëindigd: de einddatum is vastgelegd."},
	    {"bevestigd", "Bevestigd: de datum „laatst bevestigd” is vernieuwd."},
	};
	form_flash_from(b, r, msgs, sizeof msgs / sizeof msgs[0]);
}

bool form_version(struct request *r, int64_t *out)
{
	const char *v = req_form(r, "versie");
	long n;
	if (!v || !parse_long(v, 0, 0x7fffffffL, &n))
		return false;
	*out = n;
	return true;
}

bool form_is_stale(const char *last_confirmed, const char *today)
{
	if (str_empty(last_confirmed) || !today || strlen(today) < 10)
		return true;
	char cutoff[32];
	int y = atoi(today);
	if (y < 1 || y > 9999)
		return true;
	snprintf(cutoff, sizeof cutoff, "%04d%.6s", y - 1, today + 4);
	return strcmp(last_confirmed, cutoff) < 0;
}

int page_store_down(struct request *r)
{
	return respond_error(r, 503, "Tijdelijk niet beschikbaar",
			     "De database is even niet bereikbaar. Er is niets opgeslagen. "
			     "Probeer het over enkele minuten opnieuw.",
			     NULL);
}

const char *form_token_cookie(const struct request *r, const char *cookie)
{
	if (!r->conn)
		return NULL;
	const char *v =
	    MHD_lookup_connection_value((struct MHD_Connection *)r->conn, MHD_COOKIE_KIND, cookie);
	if (!v || strlen(v) != 43)
		return NULL;
	for (const char *p = v; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			return NULL;
	return v;
}

const char *form_open_token(struct request *r, const char *cookie, const char *path)
{
	if (r->csrf)
		return r->csrf;
	const char *tok = form_token_cookie(r, cookie);
	if (!tok) {
		char fresh[44];
		secret_random_token(fresh);
		tok = arena_strdup(r->arena, fresh);
	}
	req_header(r, "Set-Cookie",
		   arena_printf(r->arena,
				"%s=%s; HttpOnly; SameSite=Strict; Path=%s; Max-Age=7200%s", cookie,
				tok, path, r->secure ? "; Secure" : ""));
	return tok;
}

bool form_open_token_ok(struct request *r, const char *cookie)
{
	const char *sent = req_form(r, "csrf");
	const char *want = r->csrf ? r->csrf : form_token_cookie(r, cookie);
	if (!sent || !want)
		return false;
	size_t n = strlen(sent);
	return n > 0 && n == strlen(want) && sodium_memcmp(sent, want, n) == 0;
}

void form_confirm_checkbox(struct buf *b, const char *label, bool invalid)
{
	html_raw(b,
		 "<div class=\"utrecht-form-field utrecht-form-field--checkbox\">"
		 "<input class=\"utrecht-checkbox utrecht-checkbox--html-input\" type=\"checkbox\" "
		 "id=\"f-bevestigen\" name=\"bevestigen\" value=\"ja\"");
	if (invalid)
		html_raw(b, " aria-invalid=\"true\"");
	html_raw(b, "> <label class=\"utrecht-form-label utrecht-form-label--checkbox\" "
		    "for=\"f-bevestigen\">");
	html_text(b, label);
	html_raw(b, "</label></div>");
}

bool form_code_in_list(const char *codes, const char *code)
{
	size_t n = strlen(code);
	for (const char *p = codes; p && *p;) {
		size_t len = strcspn(p, ",");
		if (len == n && strncmp(p, code, n) == 0)
			return true;
		p += len + (p[len] == ',');
	}
	return false;
}

void form_gemeente_picker(struct buf *b, const char *name, const char *legend,
			  const struct form_gemeente *g, int n, const char *chosen)
{
	html_raw(b, "<fieldset class=\"utrecht-form-fieldset atlas-vergelijk__fieldset\">"
		    "<legend class=\"utrecht-form-fieldset__legend\">");
	html_text(b, legend);
	html_raw(b, "</legend><div class=\"atlas-vergelijk__checks\">");
	struct buf other = BUF_INIT;
	for (int i = 0; i < n; i++) {
		bool on = form_code_in_list(chosen, g[i].code);
		if (!g[i].checkbox) {
			if (on)
				buf_printf(&other, "%s%s", other.len ? "," : "", g[i].code);
			continue;
		}
		html_raw(b, "<div class=\"utrecht-form-field utrecht-form-field--checkbox\">"
			    "<input class=\"utrecht-checkbox\" type=\"checkbox\" name=\"");
		html_attr(b, name);
		html_raw(b, "\" id=\"g-");
		html_attr(b, g[i].code);
		html_raw(b, "\" value=\"");
		html_attr(b, g[i].code);
		html_raw(b, on ? "\" checked>" : "\">");
		html_raw(b, "<label class=\"utrecht-form-label\" for=\"g-");
		html_attr(b, g[i].code);
		html_raw(b, "\">");
		html_text(b, g[i].name);
		html_raw(b, "</label></div>");
	}
	html_raw(b, "</div></fieldset>");
	html_raw(b, "<div class=\"atlas-filter__grid\">");
	html_raw(b, "<div class=\"utrecht-form-field\"><div class=\"utrecht-form-field__label\">"
		    "<label class=\"utrecht-form-label\" for=\"");
	html_attr(b, name);
	html_raw(b, "-elders\">Gemeenten elders in het land</label></div><div "
		    "class=\"utrecht-form-field__description\" id=\"");
	html_attr(b, name);
	html_raw(b, "-elders-uitleg\">Gemeentecodes gescheiden door komma's, bijvoorbeeld "
		    "gm0363,gm0599.</div><div class=\"utrecht-form-field__input\">"
		    "<input class=\"utrecht-textbox utrecht-textbox--html-input\" type=\"text\" "
		    "id=\"");
	html_attr(b, name);
	html_raw(b, "-elders\" name=\"");
	html_attr(b, name);
	html_raw(b, "\" aria-describedby=\"");
	html_attr(b, name);
	html_raw(b, "-elders-uitleg\" value=\"");
	html_attr(b, other.data ? other.data : "");
	buf_free(&other);
	html_raw(b, "\"></div></div>");
}
