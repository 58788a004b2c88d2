/*
 * users — see users.h. Validates every field (length, format, known role,
 * known organisation) before the store is asked; on errors the form is
 * shown again with status 400, the input kept (never the password), an
 * error summary and a message at each field. An administrator cannot
 * disable or demote themselves (so the last administrator cannot lock
 * everyone out by accident).
 */
#include "users.h"
#include "auth_ui.h"
#include "../app/policy.h"
#include "../http/auth.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#define NAME_MAX_CHARS 100
#define EMAIL_MAX_BYTES 128

static const char *actor_of(const struct request *r)
{
	return arena_printf(r->arena, "gebruiker:%s", r->user->username);
}

static int internal_error(struct request *r)
{
	return respond_error(r, 500, "Interne fout",
			     "Er ging iets mis aan onze kant. Probeer het later opnieuw.", NULL);
}

/* Role options for a select (every role a user can have). */
static void role_options(struct aui_option opts[USER_ROLE_COUNT], int *n)
{
	*n = 0;
	for (int i = USER_ROLE_EDITOR; i < USER_ROLE_COUNT; i++) {
		opts[*n].value = user_role_code((enum user_role)i);
		opts[*n].label = user_role_label((enum user_role)i);
		(*n)++;
	}
}

/* Organisation options: "" (none) then every organisation of the snapshot. */
static struct aui_option *org_options(const struct request *r, int *n)
{
	const struct snapshot *s = r->snap;
	struct aui_option *o = arena_calloc(r->arena, (size_t)s->n_orgs + 1, sizeof *o);
	o[0].value = "";
	o[0].label = "Geen (programmateam, beheer, toezicht)";
	int k = 1;
	for (int i = 0; i < s->n_orgs; i++) {
		if (s->orgs[i].ended)
			continue;
		o[k].value = s->orgs[i].code;
		o[k].label = s->orgs[i].name;
		k++;
	}
	*n = k;
	return o;
}

static const char *org_name(const struct request *r, const char *code)
{
	if (str_empty(code))
		return NULL;
	int i = snapshot_find_org(r->snap, code);
	return i >= 0 ? r->snap->orgs[i].name : code;
}

/* Role and organisation must fit together: a partner editor needs an
 * organisation. Returns the problem for the organisation field or NULL. */
static const char *org_problem(const struct request *r, int role, const char *org)
{
	if (!str_empty(org) && snapshot_find_org(r->snap, org) < 0)
		return "Kies een organisatie uit de lijst.";
	if (role == USER_ROLE_EDITOR && str_empty(org))
		return "Een redacteur hoort bij één organisatie: kies die organisatie.";
	return NULL;
}

/* ------------------------------------------------------------ the list */

struct add_form {
	const char *username, *name, *email, *role, *org;
	const char *e_username, *e_name, *e_email, *e_role, *e_org, *e_pw;
};

static void render_list(struct request *r, const struct add_form *f)
{
	struct buf *b = &r->out;
	bool has_err =
	    f && (f->e_username || f->e_name || f->e_email || f->e_role || f->e_org || f->e_pw);
	const struct crumb crumbs[] = {{"Gebruikers", NULL}};
	const struct page_head h = {.title =
					has_err ? "Fout: Gebruikers beheren" : "Gebruikers beheren",
				    .nav = NAV_ADMIN,
				    .crumbs = crumbs,
				    .n_crumbs = 1};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Gebruikers beheren</h1>"
		    "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Wie mag de gegevens "
		    "in de atlas bijwerken, met welke rol en voor welke organisatie.</p>");
	if (has_err) {
		const char *ids[] = {"f-gebruikersnaam", "f-naam",	"f-email", "f-rol",
				     "f-organisatie",	 "f-wachtwoord"};
		const char *msgs[] = {f->e_username, f->e_name, f->e_email,
				      f->e_role,     f->e_org,	f->e_pw};
		aui_error_summary(b, ids, msgs, 6);
	}

	struct store *st = store_thread();
	struct user *users = NULL;
	int n = 0;
	if (st && store_user_list(st, r->arena, &users, &n) == STORE_OK && n > 0) {
		static const struct comp_col cols[] = {{"Gebruikersnaam", false},
						       {"Naam", false},
						       {"Rol", false},
						       {"Organisatie", false},
						       {"Status", false}};
		comp_table_open(b, "Alle gebruikers", cols, 5);
		for (int i = 0; i < n; i++) {
			const struct user *u = &users[i];
			comp_row_open(b);
			comp_th_open(b);
			comp_link_seg(b, "/beheer/gebruikers", u->username, u->username);
			comp_th_close(b);
			comp_td_text(b, u->display_name, "—");
			comp_td_text(b, user_role_label(u->role), "—");
			comp_td_text(b, org_name(r, u->org_code), "—");
			comp_td_text(b, u->disabled ? "Geblokkeerd" : "Actief", NULL);
			comp_row_close(b);
		}
		comp_table_close(b);
	} else {
		html_raw(b, "<p class=\"utrecht-paragraph\">Er zijn nog geen gebruikers.</p>");
	}

	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"toevoegen\">Gebruiker toevoegen</h2>"
		    "<form class=\"atlas-form\" method=\"post\" action=\"/beheer/gebruikers\" "
		    "novalidate>");
	aui_csrf(b, r->csrf);
	const struct add_form empty = {0};
	if (!f)
		f = &empty;
	const struct aui_field fu = {.id = "f-gebruikersnaam",
				     .name = "gebruikersnaam",
				     .label = "Gebruikersnaam",
				     .hint = "3 tot 64 tekens: kleine letters, cijfers en . _ @ -",
				     .value = f->username,
				     .error = f->e_username,
				     .autocomplete = "off",
				     .maxlength = 64,
				     .required = true};
	aui_text_field(b, &fu);
	const struct aui_field fn = {.id = "f-naam",
				     .name = "naam",
				     .label = "Naam",
				     .hint =
					 "Zoals die in de kop van de pagina en in de geschiedenis "
					 "verschijnt.",
				     .value = f->name,
				     .error = f->e_name,
				     .autocomplete = "off",
				     .maxlength = NAME_MAX_CHARS};
	aui_text_field(b, &fn);
	const struct aui_field fe = {.id = "f-email",
				     .name = "email",
				     .label = "E-mailadres (niet verplicht)",
				     .type = "email",
				     .value = f->email,
				     .error = f->e_email,
				     .autocomplete = "off",
				     .maxlength = EMAIL_MAX_BYTES};
	aui_text_field(b, &fe);
	struct aui_option ropts[USER_ROLE_COUNT];
	int nr;
	role_options(ropts, &nr);
	const struct aui_field fr = {.id = "f-rol",
				     .name = "rol",
				     .label = "Rol",
				     .value = f->role ? f->role : "redacteur",
				     .error = f->e_role};
	aui_select_field(b, &fr, ropts, nr);
	int no;
	struct aui_option *oopts = org_options(r, &no);
	const struct aui_field fo = {.id = "f-organisatie",
				     .name = "organisatie",
				     .label = "Organisatie",
				     .hint = "Verplicht voor een redacteur: die bewerkt alleen de "
					     "gegevens van deze organisatie.",
				     .value = f->org ? f->org : "",
				     .error = f->e_org};
	aui_select_field(b, &fo, oopts, no);
	const struct aui_field fp = {.id = "f-wachtwoord",
				     .name = "wachtwoord",
				     .label = "Eerste wachtwoord",
				     .type = "password",
				     .hint =
					 "Minstens 12 tekens. Geef het via een veilig kanaal door.",
				     .error = f->e_pw,
				     .autocomplete = "new-password",
				     .required = true};
	aui_text_field(b, &fp);
	html_raw(b,
		 "<p class=\"atlas-form__actions\"><button type=\"submit\" class=\"utrecht-button "
		 "utrecht-button--primary-action\">Gebruiker toevoegen</button></p></form>");
	layout_end(b, NULL);
}

int page_users(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	render_list(r, NULL);
	return 200;
}

static const char *display_name_problem(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s);
	if (n > 128 || utf8_length(s, n) > NAME_MAX_CHARS)
		return "De naam is te lang (hoogstens 100 tekens).";
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return "De naam bevat ongeldige tekens.";
	return NULL;
}

static const char *email_problem(const char *s)
{
	if (str_empty(s))
		return NULL;
	size_t n = strlen(s);
	const char *at = strchr(s, '@');
	if (n > EMAIL_MAX_BYTES)
		return "Het e-mailadres is te lang (hoogstens 128 tekens).";
	if (!at || at == s || !at[1] || strchr(at + 1, '@') || !strchr(at + 1, '.'))
		return "Vul een e-mailadres in zoals naam@organisatie.nl.";
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] <= 0x20 || s[i] == 0x7f)
			return "Vul een e-mailadres in zoals naam@organisatie.nl.";
	return NULL;
}

/* Keep a field's input for re-display, but not absurdly long input. */
static const char *kept(const char *s)
{
	return s && strlen(s) <= 400 ? s : "";
}

int page_users_add(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	struct add_form f = {.username = kept(req_form(r, "gebruikersnaam")),
			     .name = kept(req_form(r, "naam")),
			     .email = kept(req_form(r, "email")),
			     .role = kept(req_form(r, "rol")),
			     .org = kept(req_form(r, "organisatie"))};
	const char *pw = req_form(r, "wachtwoord");
	char uname[65];
	if (str_empty(f.username))
		f.e_username = "Vul een gebruikersnaam in.";
	else if (!auth_username_normalise(f.username, uname))
		f.e_username = "Gebruik 3 tot 64 tekens: kleine letters, cijfers en . _ @ -";
	f.e_name = display_name_problem(f.name);
	f.e_email = email_problem(f.email);
	int role = user_role_parse(f.role);
	if (role <= USER_ROLE_NONE || role >= USER_ROLE_COUNT)
		f.e_role = "Kies een rol uit de lijst.";
	else
		f.e_org = org_problem(r, role, f.org);
	f.e_pw = auth_password_problem(pw);
	if (f.e_username || f.e_name || f.e_email || f.e_role || f.e_org || f.e_pw) {
		render_list(r, &f);
		return 400;
	}

	struct user u = {0};
	snprintf(u.username, sizeof u.username, "%s", uname);
	snprintf(u.display_name, sizeof u.display_name, "%s", f.name ? f.name : "");
	snprintf(u.email, sizeof u.email, "%s", f.email ? f.email : "");
	snprintf(u.org_code, sizeof u.org_code, "%s", f.org ? f.org : "");
	u.role = (enum user_role)role;
	char hash[AUTH_HASH_MAX];
	if (auth_hash_password(pw, hash) != 0)
		return internal_error(r);
	struct store *st = store_thread();
	if (!st)
		return internal_error(r);
	char err[256] = "";
	int rc = store_user_add(st, actor_of(r), &u, hash, err, sizeof err);
	sodium_memzero(hash, sizeof hash);
	if (rc == STORE_ERR_INVALID) {
		f.e_username = arena_strdup(r->arena, *err ? err : "Deze gebruiker bestaat al.");
		render_list(r, &f);
		return 400;
	}
	if (rc != STORE_OK)
		return internal_error(r);
	struct buf loc = BUF_INIT;
	buf_puts(&loc, "/beheer/gebruikers/");
	url_seg(&loc, u.username);
	const char *l = arena_strdup(r->arena, loc.data ? loc.data : "/beheer/gebruikers");
	buf_free(&loc);
	return respond_redirect(r, l);
}

/* ------------------------------------------------------------ one user */

static void render_user(struct request *r, const struct user *u, const char *role_val,
			const char *org_val, const char *e_role, const char *e_org,
			const char *e_status)
{
	struct buf *b = &r->out;
	bool has_err = e_role || e_org || e_status;
	const struct crumb crumbs[] = {{"Gebruikers", "/beheer/gebruikers"}, {u->username, NULL}};
	const char *title =
	    arena_printf(r->arena, "%sGebruiker %s", has_err ? "Fout: " : "", u->username);
	const struct page_head h = {
	    .title = title, .nav = NAV_ADMIN, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Gebruiker ");
	html_text(b, u->username);
	html_raw(b, "</h1>");
	{
		const char *ids[] = {"f-rol", "f-organisatie", "f-status"};
		const char *msgs[] = {e_role, e_org, e_status};
		aui_error_summary(b, ids, msgs, 3);
	}
	comp_dl_open(b);
	comp_dl_text(b, "Naam", str_empty(u->display_name) ? "—" : u->display_name);
	comp_dl_text(b, "E-mailadres", str_empty(u->email) ? "—" : u->email);
	comp_dl_text(b, "Rol", user_role_label(u->role));
	comp_dl_text(b, "Organisatie", str_empty(u->org_code) ? "—" : org_name(r, u->org_code));
	comp_dl_text(b, "Status", u->disabled ? "Geblokkeerd" : "Actief");
	comp_dl_close(b);

	struct buf action = BUF_INIT;
	buf_puts(&action, "/beheer/gebruikers/");
	url_seg(&action, u->username);
	const char *base = arena_strdup(r->arena, action.data ? action.data : "");
	buf_free(&action);

	html_raw(b, "<h2 class=\"utrecht-heading-2\">Rol en organisatie wijzigen</h2>"
		    "<form class=\"atlas-form\" method=\"post\" action=\"");
	html_attr(b, base);
	html_raw(b, "/rol\" novalidate>");
	aui_csrf(b, r->csrf);
	struct aui_option ropts[USER_ROLE_COUNT];
	int nr;
	role_options(ropts, &nr);
	const struct aui_field fr = {.id = "f-rol",
				     .name = "rol",
				     .label = "Rol",
				     .value = role_val ? role_val : user_role_code(u->role),
				     .error = e_role};
	aui_select_field(b, &fr, ropts, nr);
	int no;
	struct aui_option *oopts = org_options(r, &no);
	const struct aui_field fo = {.id = "f-organisatie",
				     .name = "organisatie",
				     .label = "Organisatie",
				     .hint = "Verplicht voor een redacteur.",
				     .value = org_val ? org_val : u->org_code,
				     .error = e_org};
	aui_select_field(b, &fo, oopts, no);
	html_raw(b,
		 "<p class=\"atlas-form__actions\"><button type=\"submit\" class=\"utrecht-button "
		 "utrecht-button--primary-action\">Rol opslaan</button></p></form>");

	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"f-status\">");
	html_raw(b, u->disabled ? "Toegang herstellen" : "Toegang blokkeren");
	html_raw(b, "</h2>");
	if (e_status)
		aui_alert(b, "error", "Fout:", e_status);
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	html_raw(b, u->disabled ? "Deze gebruiker kan nu niet inloggen en geen API-sleutels "
				  "gebruiken. Na herstel werken wachtwoord en niet-ingetrokken "
				  "sleutels weer."
				: "Een geblokkeerde gebruiker kan niet meer inloggen; lopende "
				  "sessies eindigen direct en API-sleutels werken niet meer.");
	html_raw(b, "</p><form method=\"post\" action=\"");
	html_attr(b, base);
	html_raw(b, "/status\">");
	aui_csrf(b, r->csrf);
	html_raw(b, u->disabled ? "<input type=\"hidden\" name=\"actie\" value=\"deblokkeren\">"
				  "<button type=\"submit\" class=\"utrecht-button "
				  "utrecht-button--primary-action\">Toegang herstellen</button>"
				: "<input type=\"hidden\" name=\"actie\" value=\"blokkeren\">"
				  "<button type=\"submit\" class=\"utrecht-button "
				  "utrecht-button--secondary-action\">Blokkeren</button>");
	html_raw(b, "</form>");
	layout_end(b, NULL);
}

/* Start a page about the user named in the path (never cached) and load
 * that user into u: 0, or the status of the 404/500 reply already sent. */
static int load_user_or_respond(struct request *r, struct user *u)
{
	r->cache_control = "no-store";
	r->etag = NULL;
	struct store *st = store_thread();
	const char *name = r->n_path_args > 0 ? r->path_args[0] : "";
	if (!st)
		return internal_error(r);
	int rc =
	    auth_username_valid(name) ? store_user_get(st, name, u, NULL, 0) : STORE_ERR_NOTFOUND;
	if (rc == STORE_ERR_NOTFOUND)
		return respond_error(r, 404, "Gebruiker niet gevonden",
				     "Deze gebruiker bestaat niet.", NULL);
	if (rc != STORE_OK)
		return internal_error(r);
	return 0;
}

static int redirect_user(struct request *r, const char *username)
{
	struct buf loc = BUF_INIT;
	buf_puts(&loc, "/beheer/gebruikers/");
	url_seg(&loc, username);
	const char *l = arena_strdup(r->arena, loc.data ? loc.data : "/beheer/gebruikers");
	buf_free(&loc);
	return respond_redirect(r, l);
}

int page_user_show(struct request *r)
{
	struct user u;
	int status;
	if ((status = load_user_or_respond(r, &u)))
		return status;
	render_user(r, &u, NULL, NULL, NULL, NULL, NULL);
	return 200;
}

int page_user_set_role(struct request *r)
{
	struct user u;
	int status;
	if ((status = load_user_or_respond(r, &u)))
		return status;
	const char *role_s = kept(req_form(r, "rol"));
	const char *org = kept(req_form(r, "organisatie"));
	const char *e_role = NULL, *e_org = NULL;
	int role = user_role_parse(role_s);
	if (role <= USER_ROLE_NONE || role >= USER_ROLE_COUNT)
		e_role = "Kies een rol uit de lijst.";
	else if (!policy_may_set_role(r->user, &u, (enum user_role)role))
		e_role = "U kunt uw eigen rol niet wijzigen. Vraag een andere beheerder.";
	else
		e_org = org_problem(r, role, org);
	if (e_role || e_org) {
		render_user(r, &u, role_s, org, e_role, e_org, NULL);
		return 400;
	}
	char err[256] = "";
	int rc = store_user_set_role(store_thread(), actor_of(r), u.username, (enum user_role)role,
				     org, err, sizeof err);
	if (rc == STORE_ERR_INVALID) {
		render_user(r, &u, role_s, org, NULL, arena_strdup(r->arena, err), NULL);
		return 400;
	}
	if (rc != STORE_OK)
		return internal_error(r);
	return redirect_user(r, u.username);
}

int page_user_set_status(struct request *r)
{
	struct user u;
	int status;
	if ((status = load_user_or_respond(r, &u)))
		return status;
	const char *act = req_form(r, "actie");
	bool disable;
	if (act && strcmp(act, "blokkeren") == 0)
		disable = true;
	else if (act && strcmp(act, "deblokkeren") == 0)
		disable = false;
	else {
		render_user(r, &u, NULL, NULL, NULL, NULL, "Onbekende handeling.");
		return 400;
	}
	if (disable && !policy_may_disable_user(r->user, &u)) {
		render_user(r, &u, NULL, NULL, NULL, NULL,
			    "U kunt uzelf niet blokkeren. Vraag een andere beheerder.");
		return 400;
	}
	struct store *st = store_thread();
	char err[256] = "";
	int rc = store_user_set_disabled(st, actor_of(r), u.username, disable, err, sizeof err);
	if (rc == STORE_ERR_INVALID) {
		render_user(r, &u, NULL, NULL, NULL, NULL, arena_strdup(r->arena, err));
		return 400;
	}
	if (rc != STORE_OK)
		return internal_error(r);
	if (disable)
		store_session_delete_user(st, u.id); /* their sessions end now */
	return redirect_user(r, u.username);
}
