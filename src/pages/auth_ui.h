/*
 * auth_ui — shared pieces of the account pages (login, /account,
 * /beheer/gebruikers): the page header's account area for the signed-in
 * user, and small NL Design System form writers (text field with error
 * message, select, error summary, hidden CSRF field, alerts).
 *
 * Writes only through the html.h writers; reads nothing but the request.
 */
#ifndef ATLAS_AUTH_UI_H
#define ATLAS_AUTH_UI_H

#include "../http/request.h"
#include "../render/layout.h"

#include <stdbool.h>

/*
 * A copy of h (allocated in r's arena) with the header's account area
 * filled in from r: the signed-in user's name and CSRF token, or for
 * anonymous visitors a login link that returns to the current page. Use as
 * layout_begin(b, page_head_for(r, &h)).
 */
const struct page_head *page_head_for(const struct request *r, const struct page_head *h);

/*
 * Where a user lands after signing in without a target: staff on /beheer,
 * other signed-in users on their work list (/mijn-organisatie), anyone else
 * on the home page.
 */
const char *aui_landing(const struct user *u);

/*
 * The page to send u to after signing in: terug when it is a safe local
 * path other than the login pages, else aui_landing(u).
 */
const char *aui_return_or_landing(const char *terug, const struct user *u);

/* One text-like input (text, password, email). Strings are plain text. */
struct aui_field {
	const char *id;	  /* element id, e.g. "f-gebruikersnaam" */
	const char *name; /* form field name */
	const char *label;
	const char *type;	  /* "text" (default), "password", "email" */
	const char *value;	  /* shown value (never for passwords), may be NULL */
	const char *hint;	  /* description under the label, may be NULL */
	const char *error;	  /* Dutch error message, NULL when valid */
	const char *autocomplete; /* may be NULL */
	int maxlength;		  /* 0: none */
	bool required;
};
void aui_text_field(struct buf *b, const struct aui_field *f);

/* A <select> with options (value, label) and the selected value. */
struct aui_option {
	const char *value, *label;
};
void aui_select_field(struct buf *b, const struct aui_field *f, const struct aui_option *opts,
		      int n);

/* Hidden CSRF field carrying token (escaped). */
void aui_csrf(struct buf *b, const char *token);

/*
 * Error summary at the top of a form: a titled alert listing each error as
 * a link to its field (#id). ids/messages are parallel arrays; entries with
 * a NULL message are skipped. Writes nothing when all are NULL.
 */
void aui_error_summary(struct buf *b, const char *const *ids, const char *const *messages, int n);

/* An alert box: kind "error", "ok", "info" or "warning"; text is plain. */
void aui_alert(struct buf *b, const char *kind, const char *lead, const char *text);

#endif
