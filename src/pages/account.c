/*
 * account — see account.h. Shows only the signed-in user's own data; a
 * token id in the URL is always checked against the user (the store
 * revokes only the user's own tokens; tokens are app/accounts.c). API
 * token secrets are never stored or logged: the reply that shows one is
 * not cached (no-store).
 */
#include "account.h"
#include "auth_ui.h"
#include "../app/accounts.h"
#include "../app/policy.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct param_spec auth_no_params[] = {{NULL, 0, 0}};

/* "12 januari 2025, 14:03 UTC" from an ISO timestamp; "—" when empty. */
static void timestamp(struct buf *b, const char *ts)
{
	if (str_empty(ts)) {
		html_raw(b, "<span class=\"atlas-unknown\">nooit</span>");
		return;
	}
	char day[11];
	snprintf(day, sizeof day, "%.10s", ts);
	html_raw(b, "<time datetime=\"");
	html_attr(b, ts);
	html_raw(b, "\">");
	html_date_nl(b, day);
	if (strlen(ts) >= 16 && ts[10] == 'T') {
		char hm[6];
		snprintf(hm, sizeof hm, "%.5s", ts + 11);
		html_raw(b, ", ");
		html_text(b, hm);
		html_raw(b, " UTC");
	}
	html_raw(b, "</time>");
}

static const char *actor_of(const struct request *r)
{
	return arena_printf(r->arena, "gebruiker:%s", r->user->username);
}

static void render_account(struct request *r, const char *name_value, const char *name_error,
			   const char *notice)
{
	struct buf *b = &r->out;
	const struct user *u = r->user;
	const struct crumb crumbs[] = {{"Mijn account", NULL}};
	const struct page_head h = {.title = name_error ? "Fout: Mijn account" : "Mijn account",
				    .nav = NAV_NONE,
				    .crumbs = crumbs,
				    .n_crumbs = 1};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Mijn account</h1>");
	if (notice)
		aui_alert(b, "ok", NULL, notice);
	{
		const char *ids[] = {"f-sleutelnaam"};
		const char *msgs[] = {name_error};
		aui_error_summary(b, ids, msgs, 1);
	}
	comp_dl_open(b);
	comp_dl_text(b, "Naam", str_empty(u->display_name) ? u->username : u->display_name);
	comp_dl_text(b, "Gebruikersnaam", u->username);
	if (!str_empty(u->email))
		comp_dl_text(b, "E-mailadres", u->email);
	comp_dl_text(b, "Rol", user_role_label(u->role));
	comp_dl_item_open(b, "Organisatie");
	int oi = str_empty(u->org_code) ? -1 : snapshot_find_org(r->snap, u->org_code);
	if (oi >= 0) {
		comp_link_seg(b, "/organisaties", r->snap->orgs[oi].code, r->snap->orgs[oi].name);
		/* the partner editor's own records, oldest confirmation first */
		if (u->role == USER_ROLE_EDITOR) {
			html_raw(b, " · ");
			comp_link(b, "/mijn-organisatie", "Mijn organisatie: gegevens bijhouden");
		}
	} else if (!str_empty(u->org_code))
		html_text(b, u->org_code);
	else
		html_raw(b, "<span class=\"atlas-unknown\">Geen (de hele atlas)</span>");
	comp_dl_item_close(b);
	comp_dl_close(b);
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	comp_link(b, "/kennis/wie-weet-wat", "Wie weet wat: collega's met kennis vinden");
	html_raw(b, " · ");
	comp_link(b, "/kennis/wie-weet-wat/mijn-vermelding", "zelf vermeld worden");
	html_raw(b, "</p>");

	/* API tokens */
	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"api-sleutels\">Persoonlijke "
		    "API-sleutels</h2><p class=\"utrecht-paragraph\">Met een API-sleutel kan een "
		    "programma namens u gegevens wijzigen via de API (<code>Authorization: Bearer "
		    "&lt;sleutel&gt;</code>). Behandel een sleutel als een wachtwoord. Trek een "
		    "sleutel in zodra u hem niet meer gebruikt.</p>");
	struct store *st = store_thread();
	struct api_token *toks = NULL;
	int n = 0;
	if (st && store_token_list(st, r->arena, u->id, &toks, &n) == STORE_OK && n > 0) {
		static const struct comp_col cols[] = {{"Naam", false},
						       {"Begint met", false},
						       {"Aangemaakt", false},
						       {"Laatst gebruikt", false},
						       {"Status", false}};
		comp_table_open(b, "Uw API-sleutels", cols, 5);
		for (int i = 0; i < n; i++) {
			const struct api_token *t = &toks[i];
			comp_row_open(b);
			comp_th_open(b);
			html_text(b, t->name);
			comp_th_close(b);
			html_raw(b, "<td class=\"utrecht-table__cell\"><code>");
			html_text(b, t->prefix);
			html_raw(b, "…</code></td><td class=\"utrecht-table__cell\">");
			timestamp(b, t->created_at);
			html_raw(b, "</td><td class=\"utrecht-table__cell\">");
			timestamp(b, t->last_used_at);
			html_raw(b, "</td><td class=\"utrecht-table__cell\">");
			if (t->revoked) {
				html_raw(b, "Ingetrokken");
			} else {
				html_rawf(b,
					  "<form method=\"post\" "
					  "action=\"/account/sleutels/%lld/intrekken\">",
					  (long long)t->id);
				aui_csrf(b, r->csrf);
				html_raw(b, "<button type=\"submit\" class=\"utrecht-button "
					    "utrecht-button--secondary-action\">Intrekken<span "
					    "class=\"atlas-visually-hidden\">: ");
				html_text(b, t->name);
				html_raw(b, "</span></button></form>");
			}
			comp_td_close(b);
			comp_row_close(b);
		}
		comp_table_close(b);
	} else {
		html_raw(b, "<p class=\"utrecht-paragraph\">U hebt nog geen API-sleutels.</p>");
	}

	html_raw(b, "<h3 class=\"utrecht-heading-3\">Nieuwe API-sleutel maken</h3>"
		    "<form class=\"atlas-form\" method=\"post\" action=\"/account/sleutels\" "
		    "novalidate>");
	aui_csrf(b, r->csrf);
	const struct aui_field f = {.id = "f-sleutelnaam",
				    .name = "naam",
				    .label = "Naam van de sleutel",
				    .hint = "Waarvoor gebruikt u de sleutel? Bijvoorbeeld "
					    "„koppeling zaaksysteem”. Hoogstens 80 tekens.",
				    .value = name_value,
				    .error = name_error,
				    .autocomplete = "off",
				    .maxlength = API_TOKEN_NAME_MAX,
				    .required = true};
	aui_text_field(b, &f);
	html_raw(b,
		 "<p class=\"atlas-form__actions\"><button type=\"submit\" class=\"utrecht-button "
		 "utrecht-button--primary-action\">Sleutel maken</button></p></form>");
	layout_end(b, NULL);
}

int page_account(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	render_account(r, NULL, NULL, NULL);
	return 200;
}

int page_account_token_create(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	if (!policy_may_create_token(r->user, r->via_token))
		return respond_error(r, 403, "Geen toegang",
				     "Een API-sleutel kan geen nieuwe sleutels maken.", NULL);
	const char *name = req_form(r, "naam");
	const char *problem = accounts_token_name_problem(name);
	if (problem) {
		render_account(r, name && strlen(name) <= 400 ? name : "", problem, NULL);
		return 400;
	}
	struct store *st = store_thread();
	char secret[64];
	if (!st || accounts_token_create(st, actor_of(r), r->user, name, secret) != STORE_OK)
		return respond_error(
		    r, 500, "Interne fout",
		    "De sleutel kon niet worden gemaakt. Probeer het later opnieuw.", NULL);
	struct buf *b = &r->out;
	const struct crumb crumbs[] = {{"Mijn account", "/account"}, {"Nieuwe API-sleutel", NULL}};
	const struct page_head h = {
	    .title = "Nieuwe API-sleutel", .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Nieuwe API-sleutel</h1>");
	aui_alert(b, "warning", "Kopieer de sleutel nu.",
		  "Hij wordt maar één keer getoond: de atlas bewaart alleen een vingerafdruk "
		  "ervan en kan hem u niet opnieuw laten zien. Bent u hem kwijt, trek hem dan in "
		  "en maak een nieuwe.");
	comp_dl_open(b);
	comp_dl_text(b, "Naam", name);
	comp_dl_item_open(b, "Sleutel");
	html_raw(b, "<code class=\"atlas-token\" id=\"nieuwe-sleutel\">");
	html_text(b, secret);
	html_raw(b, "</code>");
	comp_dl_item_close(b);
	comp_dl_close(b);
	html_raw(b, "<p class=\"utrecht-paragraph\">Gebruik hem in de kop van elk API-verzoek: "
		    "<code>Authorization: Bearer &lt;sleutel&gt;</code>.</p>"
		    "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link utrecht-link--html-a\" "
		    "href=\"/account#api-sleutels\">Terug naar mijn account</a></p>");
	layout_end(b, NULL);
	sodium_memzero(secret, sizeof secret);
	return 200;
}

int page_account_token_revoke(struct request *r)
{
	r->cache_control = "no-store";
	long id;
	if (r->n_path_args < 1 || !parse_long(r->path_args[0], 1, 1000000000L, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return respond_error(r, 500, "Interne fout",
				     "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
				     NULL);
	int rc = accounts_token_revoke(st, actor_of(r), r->user, (int64_t)id);
	if (rc == STORE_ERR_NOTFOUND)
		return respond_not_found(r);
	if (rc != STORE_OK)
		return respond_error(r, 500, "Interne fout",
				     "De sleutel kon niet worden ingetrokken. Probeer het later "
				     "opnieuw.",
				     NULL);
	return respond_redirect(r, "/account#api-sleutels");
}
