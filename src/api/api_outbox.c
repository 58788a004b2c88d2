/*
 * api_outbox — see api_outbox.h.
 */
#include "api_outbox.h"
#include "api_common.h"
#include "../app/outbox.h"
#include "../app/policy.h"
#include "../lib/text.h"
#include "../render/json.h"

#include <string.h>

#define OUTBOX_API_LIMIT 200

const struct param_spec api_outbox_params[] = {{"status", PT_TEXT, 20}, {NULL, 0, 0}};

/* A string member, null when empty. */
static void kstr_or_null(struct jw *w, const char *key, const char *v)
{
	jw_kstr(w, key, v && *v ? v : NULL);
}

static void write_row(struct jw *w, const struct outbox_row *m)
{
	jw_obj(w);
	jw_kint(w, "id", m->id);
	jw_kstr(w, "soort", m->kind);
	jw_kstr(w, "aan", m->to_address);
	kstr_or_null(w, "naam", m->to_name);
	jw_kstr(w, "onderwerp", m->subject);
	jw_kstr(w, "status", outbox_status_word(m->status));
	jw_kint(w, "pogingen", m->attempts);
	kstr_or_null(w, "laatsteFout", m->last_error);
	jw_kstr(w, "aangemaaktOp", m->created_at);
	kstr_or_null(w, "verzondenOp", m->sent_at);
	kstr_or_null(w, "volgendePogingNa",
		     strcmp(m->status, "queued") == 0 ? m->not_before : NULL);
	jw_kbool(w, "tekstVerwijderd", m->pruned);
	jw_end(w);
}

int api_outbox_list(struct request *r)
{
	if (!policy_may_see_outbox(r->user))
		return respond_error(
		    r, 403, "Geen toegang",
		    "Alleen het programmateam en beheerders zien de uitgaande post.", NULL);
	const char *word = req_param(r, "status");
	const char *code = NULL;
	if (!str_empty(word) && !(code = outbox_status_code(word)))
		return respond_error(r, 400, "Ongeldige parameter",
				     "status is wachtrij, bezig, verzonden of mislukt.", "status");
	struct store *s = store_thread();
	struct outbox_row *rows = NULL;
	int n = 0;
	struct outbox_counts cnt;
	if (!s || store_outbox_count(s, &cnt) ||
	    store_outbox_list(s, r->arena, code, OUTBOX_API_LIMIT, &rows, &n)) {
		req_header(r, "Retry-After", "5");
		return respond_error(r, 503, "Niet beschikbaar",
				     "De database is even niet bereikbaar.", NULL);
	}
	r->cache_control = "no-store";
	struct jw w;
	api_begin(r, &w);
	r->etag = NULL;
	jw_obj(&w);
	api_links_self(&w, code ? arena_printf(r->arena, API_BASE "/uitgaande-post?status=%s", word)
				: API_BASE "/uitgaande-post");
	jw_kbool(&w, "mailserverIngesteld", outbox_smtp_configured());
	jw_key(&w, "aantallen");
	jw_obj(&w);
	jw_kint(&w, "wachtrij", cnt.queued);
	jw_kint(&w, "bezig", cnt.sending);
	jw_kint(&w, "verzonden", cnt.sent);
	jw_kint(&w, "mislukt", cnt.failed);
	jw_end(&w);
	jw_kint(&w, "totaal", n);
	jw_key(&w, "berichten");
	jw_arr(&w);
	for (int i = 0; i < n; i++)
		write_row(&w, &rows[i]);
	jw_end(&w);
	jw_end(&w);
	return 200;
}
