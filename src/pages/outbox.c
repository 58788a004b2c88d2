/*
 * outbox — see outbox.h.
 */
#include "outbox.h"
#include "auth_ui.h"
#include "forms.h"
#include "../app/accounts.h"
#include "../app/outbox.h"
#include "../app/policy.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <string.h>

#define OUTBOX_PAGE_LIMIT 200

const struct param_spec outbox_page_params[] = {{"status", PT_TEXT, 20}, {NULL, 0, 0}};

static int store_down(struct request *r)
{
	return respond_error(r, 503, "Tijdelijk niet beschikbaar",
			     "De database is even niet bereikbaar. Probeer het over enkele minuten "
			     "opnieuw.",
			     NULL);
}

static int forbidden(struct request *r)
{
	return respond_error(r, 403, "Geen toegang",
			     "Alleen het programmateam en beheerders zien de uitgaande post.",
			     NULL);
}

const char *outbox_when(struct request *r, const char *t)
{
	if (!t || strlen(t) < 16)
		return t;
	return arena_printf(r->arena, "%.10s %.5s%s", t, t + 11, strchr(t, 'Z') ? " UTC" : "");
}

const char *outbox_status_text(const char *code)
{
	if (strcmp(code, "queued") == 0)
		return "In de wachtrij";
	if (strcmp(code, "sending") == 0)
		return "Wordt verzonden";
	if (strcmp(code, "sent") == 0)
		return "Verzonden";
	if (strcmp(code, "failed") == 0)
		return "Mislukt";
	return code;
}

static void row(struct buf *b, struct request *r, const struct outbox_row *m)
{
	comp_row_open(b);
	comp_th_open(b);
	html_rawf(b, "%lld", (long long)m->id);
	comp_th_close(b);
	comp_td_text(b, outbox_when(r, m->created_at), NULL);
	comp_td_text(b, m->kind, NULL);
	comp_td_open(b, false);
	if (*m->to_name) {
		html_text(b, m->to_name);
		html_raw(b, "<br>");
	}
	html_text(b, *m->to_address ? m->to_address : "(gewist)");
	comp_td_close(b);
	comp_td_text(b, m->subject, NULL);
	comp_td_open(b, false);
	html_text(b, outbox_status_text(m->status));
	if (strcmp(m->status, "sent") == 0 && *m->sent_at) {
		html_raw(b, "<br>op ");
		html_text(b, outbox_when(r, m->sent_at));
	} else if (strcmp(m->status, "queued") == 0 && m->attempts > 0) {
		html_raw(b, "<br>volgende poging na ");
		html_text(b, outbox_when(r, m->not_before));
	}
	comp_td_close(b);
	comp_td_int(b, m->attempts);
	comp_td_text(b, m->last_error, "Geen");
	comp_td_open(b, false);
	if (strcmp(m->status, "failed") == 0) {
		html_raw(b, "<form class=\"atlas-inline-form\" method=\"post\" action=\"");
		html_attr(b, arena_printf(r->arena, "/beheer/uitgaande-post/%lld/opnieuw",
					  (long long)m->id));
		html_raw(b, "\">");
		form_csrf(b, r);
		html_raw(b,
			 "<button class=\"utrecht-button utrecht-button--secondary-action\" "
			 "type=\"submit\">Opnieuw proberen<span class=\"atlas-visually-hidden\"> "
			 "(bericht ");
		html_rawf(b, "%lld", (long long)m->id);
		html_raw(b, ")</span></button></form>");
	} else {
		comp_missing(b, "Geen");
	}
	comp_td_close(b);
	comp_row_close(b);
}

static int outbox_page(struct request *r, const char *alert, int status)
{
	struct buf *b = &r->out;
	buf_reset(b);
	r->cache_control = "no-store";
	r->etag = NULL;
	if (!policy_may_see_outbox(r->user))
		return forbidden(r);
	const char *word = req_param(r, "status");
	const char *code = NULL;
	if (!str_empty(word) && !(code = outbox_status_code(word)))
		return respond_error(r, 400, "Ongeldige parameter",
				     "status is wachtrij, bezig, verzonden of mislukt.", "status");
	struct store *s = store_thread();
	if (!s)
		return store_down(r);
	struct outbox_row *rows = NULL;
	int n = 0;
	struct outbox_counts cnt;
	if (store_outbox_count(s, &cnt) ||
	    store_outbox_list(s, r->arena, code, OUTBOX_PAGE_LIMIT, &rows, &n))
		return store_down(r);
	const struct page_head h = {
	    .title = arena_printf(r->arena, "%sUitgaande post", status >= 400 ? "Fout: " : ""),
	    .nav = NAV_ADMIN};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Uitgaande post</h1>");
	static const struct form_notice notices[] = {
	    {"opnieuw", "Het bericht staat weer in de wachtrij en wordt zo verzonden."},
	};
	form_flash_from(b, r, notices, sizeof notices / sizeof notices[0]);
	if (alert)
		aui_alert(b, "warning", NULL, alert);
	if (!outbox_smtp_configured())
		aui_alert(b, "warning", NULL,
			  "Geen mailserver ingesteld: berichten blijven in de wachtrij. Stel "
			  "ATLAS_SMTP_URL en ATLAS_MAIL_FROM in (docs/DEPLOYMENT.md).");
	html_raw(b, "<p class=\"utrecht-paragraph\">E-mail die de atlas verstuurt, zoals "
		    "bevestigingen en herinneringen. Een bericht dat niet lukt, wordt later "
		    "opnieuw geprobeerd; na de laatste poging staat het op „mislukt”. De tekst "
		    "en het adres van verzonden berichten worden na de bewaartermijn "
		    "verwijderd. Adressen zijn "
		    "persoonsgegevens: deze pagina is alleen voor het programmateam.</p>");
	html_rawf(b,
		  "<ul class=\"utrecht-unordered-list\"><li>In de wachtrij: %d</li>"
		  "<li>Wordt verzonden: %d</li><li>Verzonden: %d</li><li>Mislukt: %d</li></ul>",
		  cnt.queued, cnt.sending, cnt.sent, cnt.failed);

	html_raw(b, "<form class=\"utrecht-form atlas-filter\" method=\"get\" "
		    "action=\"/beheer/uitgaande-post\" aria-labelledby=\"filter-titel\">"
		    "<h2 class=\"utrecht-heading-2 atlas-filter__title\" id=\"filter-titel\">"
		    "Filteren</h2><div class=\"atlas-filter__grid\">");
	static const struct comp_option opts[] = {
	    {"", "Alle berichten"},	  {"wachtrij", "In de wachtrij"},
	    {"bezig", "Wordt verzonden"}, {"verzonden", "Verzonden"},
	    {"mislukt", "Mislukt"},
	};
	comp_select(b, "status", "Status", opts, (int)(sizeof opts / sizeof opts[0]),
		    code ? word : "");
	html_raw(b, "</div><div class=\"atlas-filter__actions\">"
		    "<button class=\"utrecht-button utrecht-button--primary-action\" "
		    "type=\"submit\">Filter toepassen</button></div></form>");

	if (!n) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Er zijn geen berichten");
		html_raw(b, code ? " met deze status.</p>" : ".</p>");
	} else {
		static const struct comp_col cols[] = {
		    {"Nr.", true},	{"Aangemaakt", false},	 {"Soort", false},
		    {"Aan", false},	{"Onderwerp", false},	 {"Status", false},
		    {"Pogingen", true}, {"Laatste fout", false}, {"Actie", false},
		};
		const char *caption =
		    n == OUTBOX_PAGE_LIMIT
			? arena_printf(r->arena, "De nieuwste %d berichten", OUTBOX_PAGE_LIMIT)
			: "Berichten, nieuwste eerst";
		comp_table_open(b, caption, cols, (int)(sizeof cols / sizeof cols[0]));
		for (int i = 0; i < n; i++)
			row(b, r, &rows[i]);
		comp_table_close(b);
	}
	layout_end(b, NULL);
	return status;
}

int page_outbox(struct request *r)
{
	return outbox_page(r, NULL, 200);
}

int page_outbox_retry(struct request *r)
{
	if (!policy_may_see_outbox(r->user))
		return forbidden(r);
	long id;
	if (!parse_long(r->path_args[0], 1, 0x7fffffffL, &id))
		return respond_not_found(r);
	struct store *s = store_thread();
	if (!s)
		return store_down(r);
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(r->user, "web", &w, actor, today);
	int rc = outbox_retry(s, &w, id);
	if (rc == STORE_OK)
		return respond_redirect(r, "/beheer/uitgaande-post?melding=opnieuw");
	if (rc == STORE_ERR_NOTFOUND)
		return respond_not_found(r);
	if (rc == STORE_ERR_CONFLICT)
		return outbox_page(
		    r, "Dit bericht is niet mislukt (meer): er is niets opnieuw gezet.", 409);
	return store_down(r);
}
