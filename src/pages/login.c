/*
 * login — see login.h. The form has CSRF protection before any session
 * exists: GET sets a short-lived random token in the cookie `atlas_login`
 * (HttpOnly, SameSite=Strict, Path=/inloggen) and repeats it in a hidden
 * field; POST compares the two in constant time. A missing or wrong token
 * answers 403 and counts no login attempt. The policy itself (rate limits,
 * generic message, Argon2 verification) is http/auth.c.
 */
#include "login.h"
#include "auth_ui.h"
#include "forms.h"
#include "../http/auth.h"
#include "../http/oidc.h"
#include "../http/session.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <sodium.h>
#include <string.h>

const struct param_spec login_params[] = {{"terug", PT_TEXT, 512}, {NULL, 0, 0}};

static void set_login_cookie(struct request *r, const char *token, bool clear)
{
	req_header(r, "Set-Cookie",
		   arena_printf(r->arena,
				"%s=%s; HttpOnly; SameSite=Strict; Path=/inloggen; Max-Age=%d%s",
				LOGIN_COOKIE, clear ? "" : token, clear ? 0 : LOGIN_COOKIE_MAX_AGE,
				r->secure ? "; Secure" : ""));
}

/*
 * The OpenID Connect button ("Inloggen met uw organisatie"), only when an
 * OIDC provider is configured (http/oidc.h). A link (GET), so it needs no
 * CSRF token: pages/oidc_pages.c starts the flow with state and PKCE.
 */
static void oidc_button(struct buf *b, const char *terug)
{
	if (!oidc_enabled())
		return;
	html_raw(
	    b,
	    "<section class=\"atlas-login-oidc\" aria-labelledby=\"oidc-titel\">"
	    "<h2 class=\"utrecht-heading-2\" id=\"oidc-titel\">Met het account van uw "
	    "organisatie</h2><p class=\"utrecht-paragraph\">Werkt uw organisatie met "
	    "eenmalig inloggen? Dan hebt u geen apart wachtwoord nodig.</p>"
	    "<p class=\"utrecht-paragraph\"><a class=\"utrecht-button-link "
	    "utrecht-button-link--html-a utrecht-button-link--primary-action atlas-button-link\" "
	    "href=\"/inloggen/oidc");
	if (!str_empty(terug)) {
		html_raw(b, "?terug=");
		url_arg(b, terug);
	}
	html_raw(b, "\">Inloggen met uw organisatie</a></p></section>"
		    "<h2 class=\"utrecht-heading-2\">Met gebruikersnaam en wachtwoord</h2>");
}

struct login_form {
	const char *username; /* as typed (kept on error) */
	const char *err_user; /* per-field messages */
	const char *err_pw;
	const char *failure; /* generic failure or rate-limit message */
	const char *terug;   /* where to go after signing in; "" for none */
	const char *token;   /* pre-login CSRF token */
};

static void render_form(struct request *r, const struct login_form *f)
{
	struct buf *b = &r->out;
	const struct crumb crumbs[] = {{"Inloggen", NULL}};
	const struct page_head h = {
	    .title = (f->err_user || f->err_pw || f->failure) ? "Fout bij inloggen" : "Inloggen",
	    .nav = NAV_NONE,
	    .crumbs = crumbs,
	    .n_crumbs = 1};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Inloggen</h1>"
		    "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Medewerkers van de "
		    "provincie, de gemeenten en de waterschappen houden hier de gegevens van hun "
		    "organisatie actueel. Voor het bekijken van de atlas hoeft u niet in te "
		    "loggen.</p>");
	if (f->failure) {
		const char *ids[] = {"f-gebruikersnaam"};
		const char *msgs[] = {f->failure};
		aui_error_summary(b, ids, msgs, 1);
	} else {
		const char *ids[] = {"f-gebruikersnaam", "f-wachtwoord"};
		const char *msgs[] = {f->err_user, f->err_pw};
		aui_error_summary(b, ids, msgs, 2);
	}
	oidc_button(b, f->terug);
	html_raw(b, "<form class=\"atlas-form\" method=\"post\" action=\"/inloggen\" novalidate>");
	aui_csrf(b, f->token);
	html_raw(b, "<input type=\"hidden\" name=\"terug\" value=\"");
	html_attr(b, f->terug);
	html_raw(b, "\">");
	const struct aui_field user = {.id = "f-gebruikersnaam",
				       .name = "gebruikersnaam",
				       .label = "Gebruikersnaam",
				       .value = f->username,
				       .error = f->err_user,
				       .autocomplete = "username",
				       .maxlength = 64,
				       .required = true};
	aui_text_field(b, &user);
	const struct aui_field pw = {.id = "f-wachtwoord",
				     .name = "wachtwoord",
				     .label = "Wachtwoord",
				     .type = "password",
				     .error = f->err_pw,
				     .autocomplete = "current-password",
				     .required = true};
	aui_text_field(b, &pw);
	html_raw(b,
		 "<p class=\"atlas-form__actions\"><button type=\"submit\" class=\"utrecht-button "
		 "utrecht-button--primary-action\">Inloggen</button></p></form>"
		 "<p class=\"utrecht-paragraph\">Wachtwoord vergeten of nog geen account? Neem "
		 "contact op met de beheerder van de Samenwerkingsatlas bij de provincie "
		 "Utrecht.</p>");
	layout_end(b, NULL);
}

/* The return target the visitor asked for, when it is a safe local path;
 * "" when none was given (then the user lands by role: aui_landing). */
static const char *given_return(const char *terug)
{
	return auth_local_path(terug) ? terug : "";
}

int page_login(struct request *r)
{
	const char *terug = given_return(req_param(r, "terug"));
	r->cache_control = "no-store";
	r->etag = NULL;
	if (r->user && !r->via_token)
		return respond_redirect(r, aui_return_or_landing(terug, r->user));
	const char *tok = form_token_cookie(r, LOGIN_COOKIE);
	if (!tok) {
		char fresh[44];
		session_random_token(fresh);
		tok = arena_strdup(r->arena, fresh);
	}
	set_login_cookie(r, tok, false);
	const struct login_form f = {.terug = terug, .token = tok};
	render_form(r, &f);
	return 200;
}

/* Constant-time equality of two tokens of any length. */
static bool token_equal(const char *a, const char *b)
{
	if (!a || !b)
		return false;
	size_t n = strlen(a);
	return n == strlen(b) && n > 0 && sodium_memcmp(a, b, n) == 0;
}

int page_login_submit(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	const char *user_in = req_form(r, "gebruikersnaam");
	if (r->form_bad)
		return respond_error(r, 400, "Ongeldig formulier",
				     "Het formulier kon niet worden gelezen.", NULL);
	const char *cookie = form_token_cookie(r, LOGIN_COOKIE);
	if (!token_equal(cookie, req_form(r, "csrf")))
		return respond_error(r, 403, "Formulier verlopen",
				     "Het inlogformulier is verlopen of ongeldig. Laad de pagina "
				     "opnieuw en probeer het nog eens.",
				     NULL);
	const char *password = req_form(r, "wachtwoord");
	struct login_form f = {.username = user_in ? user_in : "",
			       .terug = given_return(req_form(r, "terug")),
			       .token = cookie};
	if (str_empty(user_in))
		f.err_user = "Vul uw gebruikersnaam in.";
	if (str_empty(password))
		f.err_pw = "Vul uw wachtwoord in.";
	if (strlen(f.username) > 200)
		f.username = "";
	if (f.err_user || f.err_pw) {
		render_form(r, &f);
		return 400;
	}

	char name[65];
	if (!auth_username_normalise(user_in, name)) {
		/* cannot exist; still costs and counts like any failure */
		size_t n = strlen(user_in);
		n = n > 64 ? 64 : n;
		memcpy(name, user_in, n);
		name[n] = '\0';
	}
	struct store *st = store_thread();
	if (!st)
		return respond_error(r, 500, "Interne fout",
				     "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
				     NULL);
	struct user u;
	int retry = 0;
	enum auth_result res = auth_login(st, name, password, r->client_addr, &u, &retry);
	switch (res) {
	case AUTH_OK:
		break;
	case AUTH_LIMITED:
		log_info("login: too many failures (account or address %s)",
			 r->client_addr ? r->client_addr : "");
		req_header(r, "Retry-After", arena_printf(r->arena, "%d", retry));
		f.failure = arena_printf(r->arena,
					 "Te veel mislukte pogingen om in te loggen. Probeer het "
					 "over %d minuten opnieuw.",
					 (retry + 59) / 60);
		render_form(r, &f);
		return 429;
	case AUTH_FAILED:
		f.failure = AUTH_MSG_FAILED;
		render_form(r, &f);
		return 400;
	case AUTH_ERROR:
	default:
		return respond_error(r, 500, "Interne fout",
				     "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
				     NULL);
	}
	if (session_start(r, &u) != 0)
		return respond_error(r, 500, "Interne fout",
				     "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
				     NULL);
	set_login_cookie(r, "", true);
	log_info("login: %s signed in", u.username);
	return respond_redirect(r, aui_return_or_landing(f.terug, &u));
}

int page_logout(struct request *r)
{
	r->cache_control = "no-store";
	session_end(r);
	return respond_redirect(r, "/");
}
