/*
 * auth_ui — see auth_ui.h.
 */
#include "auth_ui.h"
#include "../app/policy.h"
#include "../http/auth.h"
#include "../lib/text.h"
#include "../render/html.h"

#include <string.h>

const struct page_head *page_head_for(const struct request *r, const struct page_head *h)
{
	struct page_head *c = arena_alloc(r->arena, sizeof *c);
	*c = *h;
	c->account_known = true;
	c->menu_mine = false;
	c->menu_relations = false;
	c->menu_admin = false;
	if (r->user && !r->via_token) {
		c->user_name =
		    str_empty(r->user->display_name) ? r->user->username : r->user->display_name;
		c->csrf = r->csrf;
		c->menu_mine = policy_has_work_list(r->user);
		c->menu_relations = policy_is_province(r->user);
		c->menu_admin = policy_may_administer(r->user);
		return c;
	}
	c->user_name = NULL;
	c->csrf = NULL;
	if (!r->path || strncmp(r->path, "/inloggen", 9) == 0 || strcmp(r->path, "/") == 0) {
		c->login_href = "/inloggen";
		return c;
	}
	struct buf target = BUF_INIT, href = BUF_INIT;
	buf_puts(&target, r->path);
	if (!str_empty(r->query)) {
		buf_puts(&target, "?");
		buf_puts(&target, r->query);
	}
	buf_puts(&href, "/inloggen?terug=");
	if (target.data && target.len <= 512)
		url_arg(&href, target.data);
	else
		buf_puts(&href, "%2F");
	c->login_href = href.err ? "/inloggen" : arena_strdup(r->arena, href.data);
	buf_free(&target);
	buf_free(&href);
	return c;
}

const char *aui_landing(const struct user *u)
{
	if (policy_may_administer(u))
		return "/beheer";
	if (policy_has_work_list(u))
		return "/mijn-organisatie";
	return "/";
}

const char *aui_return_or_landing(const char *terug, const struct user *u)
{
	/* no target, or the login pages themselves (where a target-less
	 * sign-in started): the role's own starting page */
	if (str_empty(terug) || !auth_local_path(terug) || strncmp(terug, "/inloggen", 9) == 0)
		return aui_landing(u);
	return terug;
}

static void describedby(struct buf *b, const struct aui_field *f)
{
	if (!f->hint && !f->error)
		return;
	html_raw(b, " aria-describedby=\"");
	if (f->hint) {
		html_attr(b, f->id);
		html_raw(b, "-hint");
	}
	if (f->error) {
		if (f->hint)
			html_raw(b, " ");
		html_attr(b, f->id);
		html_raw(b, "-fout");
	}
	html_raw(b, "\"");
	if (f->error)
		html_raw(b, " aria-invalid=\"true\"");
}

static void field_open(struct buf *b, const struct aui_field *f, const char *kind)
{
	html_raw(b, "<div class=\"utrecht-form-field utrecht-form-field--");
	html_attr(b, kind);
	if (f->error)
		html_raw(b, " utrecht-form-field--invalid");
	html_raw(b, " atlas-form-field atlas-form-field--stacked\">"
		    "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" "
		    "for=\"");
	html_attr(b, f->id);
	html_raw(b, "\">");
	html_text(b, f->label);
	html_raw(b, "</label></div>");
	if (f->hint) {
		html_raw(b, "<div class=\"utrecht-form-field__description "
			    "utrecht-form-field-description\" id=\"");
		html_attr(b, f->id);
		html_raw(b, "-hint\">");
		html_text(b, f->hint);
		html_raw(b, "</div>");
	}
	if (f->error) {
		html_raw(b, "<div class=\"utrecht-form-field__error-message "
			    "utrecht-form-field-error-message\" id=\"");
		html_attr(b, f->id);
		html_raw(b, "-fout\"><span class=\"atlas-visually-hidden\">Fout: </span>");
		html_text(b, f->error);
		html_raw(b, "</div>");
	}
	html_raw(b, "<div class=\"utrecht-form-field__input\">");
}

void aui_text_field(struct buf *b, const struct aui_field *f)
{
	const char *type = f->type ? f->type : "text";
	field_open(b, f, "text");
	html_raw(b, "<input class=\"utrecht-textbox utrecht-textbox--html-input");
	if (strcmp(type, "password") == 0)
		html_raw(b, " utrecht-textbox--password");
	if (f->error)
		html_raw(b, " utrecht-textbox--invalid");
	html_raw(b, "\" id=\"");
	html_attr(b, f->id);
	html_raw(b, "\" name=\"");
	html_attr(b, f->name);
	html_raw(b, "\" type=\"");
	html_attr(b, type);
	html_raw(b, "\"");
	if (f->value && strcmp(type, "password") != 0) {
		html_raw(b, " value=\"");
		html_attr(b, f->value);
		html_raw(b, "\"");
	}
	if (f->autocomplete) {
		html_raw(b, " autocomplete=\"");
		html_attr(b, f->autocomplete);
		html_raw(b, "\"");
	}
	if (f->maxlength > 0)
		html_rawf(b, " maxlength=\"%d\"", f->maxlength);
	if (f->required)
		html_raw(b, " required");
	describedby(b, f);
	html_raw(b, "></div></div>");
}

void aui_select_field(struct buf *b, const struct aui_field *f, const struct aui_option *opts,
		      int n)
{
	field_open(b, f, "select");
	html_raw(b, "<select class=\"utrecht-select utrecht-select--html-select");
	if (f->error)
		html_raw(b, " utrecht-select--invalid");
	html_raw(b, "\" id=\"");
	html_attr(b, f->id);
	html_raw(b, "\" name=\"");
	html_attr(b, f->name);
	html_raw(b, "\"");
	if (f->required)
		html_raw(b, " required");
	describedby(b, f);
	html_raw(b, ">");
	for (int i = 0; i < n; i++) {
		html_raw(b, "<option value=\"");
		html_attr(b, opts[i].value);
		html_raw(b, "\"");
		if (f->value && strcmp(f->value, opts[i].value) == 0)
			html_raw(b, " selected");
		html_raw(b, ">");
		html_text(b, opts[i].label);
		html_raw(b, "</option>");
	}
	html_raw(b, "</select></div></div>");
}

void aui_csrf(struct buf *b, const char *token)
{
	html_raw(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
	html_attr(b, token ? token : "");
	html_raw(b, "\">");
}

void aui_error_summary(struct buf *b, const char *const *ids, const char *const *messages, int n)
{
	int count = 0;
	for (int i = 0; i < n; i++)
		count += messages[i] != NULL;
	if (!count)
		return;
	html_raw(b, "<div class=\"utrecht-alert utrecht-alert--error atlas-error-summary\" "
		    "id=\"foutoverzicht\" tabindex=\"-1\" autofocus role=\"alert\" "
		    "aria-labelledby=\"foutoverzicht-titel\">"
		    "<div class=\"utrecht-alert__content\">"
		    "<h2 class=\"utrecht-heading-2\" id=\"foutoverzicht-titel\">");
	html_raw(b,
		 count == 1 ? "Er is 1 fout in het formulier" : "Er zijn fouten in het formulier");
	html_raw(b, "</h2><ul class=\"utrecht-unordered-list\">");
	for (int i = 0; i < n; i++) {
		if (!messages[i])
			continue;
		html_raw(b, "<li><a class=\"utrecht-link utrecht-link--html-a\" href=\"#");
		html_attr(b, ids[i]);
		html_raw(b, "\">");
		html_text(b, messages[i]);
		html_raw(b, "</a></li>");
	}
	html_raw(b, "</ul></div></div>");
}

void aui_alert(struct buf *b, const char *kind, const char *lead, const char *text)
{
	html_raw(b, "<div class=\"utrecht-alert utrecht-alert--");
	html_attr(b, kind);
	html_raw(b, "\"");
	if (strcmp(kind, "error") == 0)
		html_raw(b, " role=\"alert\"");
	else
		html_raw(b, " role=\"status\"");
	html_raw(b, "><div class=\"utrecht-alert__content\"><p class=\"utrecht-alert__message\">");
	if (!str_empty(lead)) {
		html_raw(b, "<strong>");
		html_text(b, lead);
		html_raw(b, "</strong> ");
	}
	html_text(b, text);
	html_raw(b, "</p></div></div>");
}
