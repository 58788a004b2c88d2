/*
 * forms — shared rendering of the editing forms: labelled text
 * fields, text areas, selects, checkbox groups, date fields, the error
 * summary at the top of a form and the message next to each invalid field
 * (aria-describedby + aria-invalid), hidden fields, the CSRF field, the
 * one-button "Bevestig dat dit klopt" form, the "Laatst bevestigd op … door
 * …" line, the conflict table (what you entered vs. what is stored now), the
 * button group and the hidden version field, and small helpers the edit
 * handlers share (options from a label table, the submitted values, record
 * addresses, the "?melding=" notice, version parsing, staleness).
 *
 * Every string is plain text and is escaped here through render/html.h;
 * callers never pass markup. NL Design System (Utrecht) class names. Does
 * not read the store and does not validate input (the store does).
 */
#ifndef ATLAS_FORMS_H
#define ATLAS_FORMS_H

#include "../http/request.h"
#include "../render/components.h"
#include "../store/store_write.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum form_kind {
	FK_TEXT,     /* <input type="text"> */
	FK_NUMBER,   /* text input with inputmode="decimal" (numbers are validated by the store) */
	FK_URL,	     /* <input type="url"> */
	FK_TEXTAREA, /* <textarea> */
	FK_SELECT,   /* <select> with opts */
	FK_DATE,     /* <input type="date">, falls back to text; YYYY-MM-DD */
	FK_DATETIME, /* <input type="datetime-local">, falls back to text; YYYY-MM-DDTHH:MM */
	FK_CHECKS,   /* checkbox group in a fieldset; value is ";"-joined option values */
};

/* One field of a form. `name` is the input name and also the field name the
 * store uses in struct field_errors (e.g. "naam", "startdatum"). */
struct form_field {
	const char *name;
	const char *label;
	enum form_kind kind;
	int max_len;			/* maxlength (code points); 0 = none */
	bool required;			/* "(verplicht)" after the label */
	const char *hint;		/* description under the label, or NULL */
	const struct comp_option *opts; /* FK_SELECT / FK_CHECKS */
	int n_opts;
};

/* The message for field `name` in e, or NULL. */
const char *form_error_for(const struct field_errors *e, const char *name);

/*
 * The error summary (nothing when e has no errors): a heading "Controleer
 * uw invoer" and one item per error; errors of a field in `fields` link to
 * it (#f-<name>), other errors (e.g. a general one) are plain text.
 */
void form_error_summary(struct buf *b, const struct field_errors *e,
			const struct form_field *fields, int n);

/* One field with its label, hint, error message (when e has one for it)
 * and current value (NULL = ""). */
/* The hint of a date field shown as a date control: the sentence naming
 * the typed format (jjjj-mm-dd) left out, the rest kept; NULL when nothing
 * is left. Returns hint itself when it has no such sentence, else out. */
const char *form_date_hint(const char *hint, char *out, size_t n);
void form_field(struct buf *b, const struct form_field *f, const char *value,
		const struct field_errors *e);
/* All fields in order; vals[i] is the value of fields[i]. */
void form_fields(struct buf *b, const struct form_field *fields, int n, const char *const *vals,
		 const struct field_errors *e);

/* <input type="hidden"> with an escaped value. */
void form_hidden(struct buf *b, const char *name, const char *value);
/* The hidden CSRF field of the signed-in session. */
void form_csrf(struct buf *b, const struct request *r);
/* Open a POST form to action (a local URL built with url_seg) with the CSRF
 * field; close with form_close. */
void form_open(struct buf *b, const struct request *r, const char *action);
void form_close(struct buf *b);

/*
 * The CSRF token of a form open to anonymous visitors: the session's when
 * signed in, else a double-submit cookie (name `cookie`, scoped to `path`,
 * HttpOnly, SameSite=Strict, two hours), set on the reply when it is new.
 * form_open_token_ok: does the posted "csrf" field equal it?
 */
/* The token in cookie `cookie`, or NULL when absent or not of the form we
 * issue (43 URL-safe base64 characters). */
const char *form_token_cookie(const struct request *r, const char *cookie);
const char *form_open_token(struct request *r, const char *cookie, const char *path);
bool form_open_token_ok(struct request *r, const char *cookie);
/* The checkbox "bevestigen" = "ja" an irreversible action asks for, with
 * its label; invalid marks it (aria-invalid) after a submit without it. */
void form_confirm_checkbox(struct buf *b, const char *label, bool invalid);
/* A submit button; primary selects the primary-action style. */
void form_submit(struct buf *b, const char *text, bool primary);

/* A gemeente a picker offers: its code (GM0321) and name, and whether it
 * gets a checkbox (the province's own) or is typed in the text field. */
struct form_gemeente {
	const char *code, *name;
	bool checkbox;
};
/*
 * Pick gemeenten in a GET form: a fieldset (legend) of checkboxes for the
 * gemeenten with checkbox set, then a text field "Gemeenten elders in het
 * land" for codes of the others — all named `name` (a repeatable list
 * parameter, so the router joins them). chosen is the comma-separated
 * upper-case codes chosen now: their boxes are ticked, the others typed.
 */
void form_gemeente_picker(struct buf *b, const char *name, const char *legend,
			  const struct form_gemeente *g, int n, const char *chosen);
/* Is code one of the comma-separated codes? */
bool form_code_in_list(const char *codes, const char *code);

/*
 * The one-button form "Bevestig dat dit klopt" posting to action with the
 * record's version. `what` (may be NULL) is appended for screen readers
 * only, so several buttons on one page have distinct names. terug (may be
 * NULL) is sent as the hidden field "terug" (where to go afterwards; the
 * handler only accepts known local pages).
 */
void form_confirm_button(struct buf *b, const struct request *r, const char *action,
			 int64_t version, const char *what, const char *terug);

/* "Laatst bevestigd op 12 januari 2025 door jan" (or "… volgens de bron"). */
void form_confirmed_line(struct buf *b, const char *date, const char *by);
/* Just the actor as shown to people ("jan", "de bron", "import"). */
void form_actor(struct buf *b, const char *by);

/*
 * The conflict table: one row per field with what the user entered and what
 * is stored now, differing rows marked ("Verschilt"). Select/checkbox values
 * are shown with their option labels.
 */
void form_conflict_table(struct buf *b, const struct form_field *fields, int n,
			 const char *const *mine, const char *const *stored);

/* A "?melding=" code and the Dutch notice it stands for. */
struct form_notice {
	const char *code, *text;
};

/* The notice of notices[0..n) whose code "?melding=..." names, after a
 * successful post/redirect/get (only for signed-in users; nothing otherwise
 * or for an unknown code). */
void form_flash_from(struct buf *b, const struct request *r, const struct form_notice *notices,
		     size_t n);

/* The Dutch notice for "?melding=..." after a successful collaboration or
 * participation form (form_flash_from() over that form's codes). */
void form_flash(struct buf *b, const struct request *r);

/* The hidden "versie" field with the version the form was loaded at. */
void form_version_field(struct buf *b, int64_t version);

/* The button group under a form: the primary submit button and a link
 * (usually back, "Annuleren"). */
void form_buttons(struct buf *b, const char *submit, const char *link_href, const char *link_text);

struct label;
/*
 * Select/checkbox options (api value, label) of the label table t[0..n),
 * after a first option ("", empty_label) when empty_label is not NULL.
 * Returns the arena-owned array; *n_out is its length.
 */
struct comp_option *form_label_opts(struct arena *a, const struct label *t, int n,
				    const char *empty_label, int *n_out);

/* The submitted values of fields[0..n) into v: missing fields become "", a
 * checkbox group's values are joined by ";" (arena-owned). */
void form_submitted(struct request *r, const struct form_field *fields, int n, const char **v);

/* base, the URL-encoded key and suffix (NULL = ""): the address of a record
 * or one of its pages, arena-owned. */
const char *form_record_href(struct request *r, const char *base, const char *key,
			     const char *suffix);

/* Parse the hidden "versie" field; false when missing or not a number. */
bool form_version(struct request *r, int64_t *out);

/* True when last_confirmed (ISO date, may be empty) is more than 12 months
 * before today (ISO date). Empty counts as stale. */
bool form_is_stale(const char *last_confirmed, const char *today);

/* Field value for display in forms: NULL becomes "". */
static inline const char *form_str(const char *s)
{
	return s ? s : "";
}

/* 503 "Tijdelijk niet beschikbaar" when the database cannot be reached:
 * nothing was saved, try again in a few minutes. */
int page_store_down(struct request *r);

#endif
