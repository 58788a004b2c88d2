/*
 * oidc_pages — see oidc_pages.h. Just-in-time provisioning: the first time
 * someone signs in through their organisation, a local account is created
 * with their e-mail address (lower-cased) as login name, no password (so
 * only OIDC can sign them in), role "redacteur" and the organisation that
 * the configuration links to their e-mail domain. An existing account with
 * that name is used as it is (its role and organisation are managed in the
 * atlas, not by the provider); a disabled one is refused.
 */
#include "oidc_pages.h"
#include "auth_ui.h"
#include "../http/auth.h"
#include "../http/oidc.h"
#include "../http/session.h"
#include "../lib/log.h"
#include "../store/store_auth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

const struct param_spec oidc_start_params[] = {{"terug", PT_TEXT, 512}, {NULL, 0, 0}};

const struct param_spec oidc_callback_params[] = {{"code", PT_TEXT, 2048},
						  {"state", PT_TEXT, 64},
						  {"iss", PT_TEXT, 1024},
						  {"error", PT_TEXT, 64},
						  {"error_description", PT_TEXT, 500},
						  {NULL, 0, 0}};

static const char *const title_failed = "Inloggen via uw organisatie is mislukt";

/* Set (value != NULL) or clear the pending-sign-in cookie. */
static void oidc_cookie(struct request *r, const char *value)
{
	const char *v = arena_printf(r->arena,
				     "%s=%s; HttpOnly; SameSite=Lax; Path=/inloggen/oidc; "
				     "Max-Age=%d%s",
				     OIDC_COOKIE, value ? value : "",
				     value ? OIDC_PENDING_TTL_S : 0, r->secure ? "; Secure" : "");
	req_header(r, "Set-Cookie", v);
}

static int status_of(enum oidc_status st)
{
	switch (st) {
	case OIDC_OK:
		return 200;
	case OIDC_BAD_REQUEST:
		return 400;
	case OIDC_DENIED:
		return 403;
	case OIDC_PROVIDER:
		return 502;
	default:
		return 500;
	}
}

int page_oidc_start(struct request *r)
{
	if (!oidc_enabled())
		return respond_not_found(r);
	char cookie[44], err[256];
	char *url = NULL;
	/* without a target the flow returns to "/inloggen", which the callback
	 * reads as "land by role" (aui_return_or_landing) */
	const char *terug = req_param(r, "terug");
	if (!auth_local_path(terug))
		terug = "/inloggen";
	enum oidc_status st = oidc_begin(terug, cookie, &url, err, sizeof err);
	if (st != OIDC_OK)
		return respond_error(r, status_of(st), title_failed, err, NULL);
	oidc_cookie(r, cookie);
	buf_reset(&r->out);
	r->etag = NULL;
	r->cache_control = "no-store";
	req_header(r, "Location", arena_strdup(r->arena, url));
	free(url);
	return 303;
}

/* Find or create (just in time) the local account for a verified identity.
 * Returns 0, or the status of the error page already written. */
static int local_user(struct request *r, const struct oidc_identity *id, struct user *u)
{
	struct store *st = store_thread();
	if (!st)
		return respond_error(r, 503, "Tijdelijk niet beschikbaar",
				     "De atlas kan nu niet bij zijn gegevens. Probeer het later "
				     "opnieuw.",
				     NULL);
	int rc = store_user_get(st, id->email, u, NULL, 0);
	if (rc == STORE_ERR_NOTFOUND) {
		if (!auth_username_valid(id->email))
			return respond_error(
			    r, 403, title_failed,
			    "Uw e-mailadres kan niet als inlognaam in de atlas "
			    "worden gebruikt. Neem contact op met het programmateam.",
			    NULL);
		struct user nu = {.role = USER_ROLE_EDITOR};
		snprintf(nu.username, sizeof nu.username, "%.64s", id->email);
		snprintf(nu.email, sizeof nu.email, "%s", id->email);
		snprintf(nu.display_name, sizeof nu.display_name, "%s",
			 id->name[0] ? id->name : id->email);
		snprintf(nu.org_code, sizeof nu.org_code, "%s", id->org_code);
		char err[256] = "";
		rc = store_user_add(st, "oidc", &nu, "", err, sizeof err);
		if (rc == STORE_ERR_INVALID) {
			log_error("oidc: provisioning %s failed: %s", id->email, err);
			return respond_error(r, 403, title_failed,
					     "Voor uw organisatie kan nog geen account worden "
					     "aangemaakt. Neem contact op met het programmateam.",
					     NULL);
		}
		if (rc == STORE_OK) {
			log_info("oidc: created account %s (redacteur, %s)", id->email,
				 id->org_code);
			rc = store_user_get(st, id->email, u, NULL, 0);
		}
	}
	if (rc != STORE_OK)
		return respond_error(r, 500, "Er ging iets mis",
				     "Uw account kon niet worden opgehaald. Probeer het later "
				     "opnieuw.",
				     NULL);
	if (u->disabled)
		return respond_error(r, 403, title_failed,
				     "Uw account in de atlas is uitgeschakeld. Neem contact op met "
				     "het programmateam.",
				     NULL);
	return 0;
}

int page_oidc_callback(struct request *r)
{
	if (!oidc_enabled())
		return respond_not_found(r);
	oidc_cookie(r, NULL); /* one try per attempt, whatever happens */
	const char *perr = req_param(r, "error");
	if (perr) {
		/* The provider refused (e.g. access_denied); consume the attempt. */
		struct oidc_identity none;
		char ignored[16];
		const char *c = oidc_cookie_value(r), *s = req_param(r, "state");
		if (c && s)
			oidc_finish(c, s, "", NULL, &none, ignored, sizeof ignored);
		return respond_error(
		    r, strcmp(perr, "access_denied") == 0 ? 403 : 400, title_failed,
		    strcmp(perr, "access_denied") == 0
			? "U heeft het inloggen bij uw organisatie afgebroken of "
			  "geweigerd."
			: "De inlogdienst van uw organisatie meldde een fout. Begin "
			  "opnieuw met inloggen.",
		    NULL);
	}
	struct oidc_identity id;
	char err[512];
	enum oidc_status st =
	    oidc_finish(oidc_cookie_value(r), req_param(r, "state"), req_param(r, "code"),
			req_param(r, "iss"), &id, err, sizeof err);
	if (st != OIDC_OK)
		return respond_error(r, status_of(st), title_failed, err, NULL);
	struct user u;
	int rc = local_user(r, &id, &u);
	if (rc != 0)
		return rc;
	if (session_start(r, &u) != 0)
		return respond_error(r, 500, "Er ging iets mis",
				     "De sessie kon niet worden gestart. Probeer het opnieuw.",
				     NULL);
	log_info("oidc: %s signed in", u.username);
	return respond_redirect(r, aui_return_or_landing(id.terug, &u));
}
