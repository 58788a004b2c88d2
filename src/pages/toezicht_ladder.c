/*
 * toezicht_ladder (pages) — the intervention ladder, agreements and the
 * dialogue log; see toezicht_ladder.h. Module data read per request
 * (no-store).
 */
#include "toezicht_ladder.h"
#include "auth_ui.h"
#include "forms.h"
#include "../app/policy.h"
#include "../app/toezicht_ladder.h"
#include "../domain/snapshot.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdio.h>
#include <string.h>

static void no_cache(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
}

static const struct user *web_user(const struct request *r)
{
	return r->user && !r->via_token ? r->user : NULL;
}

static bool path_id(const struct request *r, int64_t *id)
{
	long v;
	if (!parse_long(r->path_args[0], 1, 0x7fffffffL, &v))
		return false;
	*id = v;
	return true;
}

static const char *org_name(const struct request *r, const char *code)
{
	int oi = snapshot_find_org(r->snap, code);
	return oi >= 0 ? r->snap->orgs[oi].name : code;
}

static const char *org_href(struct request *r, const char *code, const char *suffix)
{
	struct buf u = BUF_INIT;
	buf_puts(&u, "/organisaties/");
	url_seg(&u, code);
	buf_puts(&u, suffix);
	const char *out = arena_strdup(r->arena, u.data);
	buf_free(&u);
	return out;
}

static const char *ladder_href(struct request *r, int64_t id, const char *suffix)
{
	return arena_printf(r->arena, "/toezicht/ladder/%lld%s", (long long)id,
			    suffix ? suffix : "");
}

static const char *domain_name(const struct ibt_domain_row *d, int nd, int64_t id, const char *key)
{
	const struct ibt_domain_row *x = toezicht_domain_by_id(d, nd, id);
	return x ? x->name : key;
}

static int forbidden(struct request *r)
{
	return respond_error(r, 403, "Geen toegang",
			     "Dit mag alleen een toezichthouder van de provincie.", NULL);
}

/* The reviewers (';'-joined codes) as names, ", "-joined. */
static const char *reviewer_names(struct request *r, const char *codes)
{
	struct buf b = BUF_INIT;
	for (const char *p = codes ? codes : ""; *p;) {
		const char *end = strchr(p, ';');
		char code[64];
		snprintf(code, sizeof code, "%.*s", (int)(end ? end - p : (long)strlen(p)), p);
		if (*code)
			buf_printf(&b, "%s%s", b.len ? ", " : "", org_name(r, code));
		if (!end)
			break;
		p = end + 1;
	}
	const char *out = arena_strdup(r->arena, b.data ? b.data : "");
	buf_free(&b);
	return out;
}

/* ---- the sections on the organisation's page -------------------------------------------- */

static void ladder_section(struct request *r, struct store *st, const struct organisation *o,
			   const struct ibt_domain_row *d, int nd)
{
	struct buf *b = &r->out;
	const struct user *u = web_user(r);
	struct ibt_ladder_query q = {.org = o->code};
	struct ibt_ladder_row *rows;
	int n;
	struct field_errors e = {0};
	comp_h2(b, "tz-ladder", "Interventieladder");
	if (toezicht_ladder_list(st, r->arena, r->snap, u, &q, &rows, &n, &e) != IBT_OK) {
		comp_para(b, "De interventieladder kan nu niet worden gelezen.");
		return;
	}
	comp_para(b,
		  "De interventieladder heeft vijf treden: 1 signalering, 2 verdere "
		  "factfinding en beoordeling, 3 afspraken over acties, termijnen en vervolg, 4 "
		  "besluit tot indeplaatsstelling en 5 uitvoering daarvan. Daarnaast kan de "
		  "provincie de Kroon voordragen een besluit te schorsen of te vernietigen. "
		  "Trede 4 en 5 en voordrachten aan de Kroon zijn openbare besluiten; trede 1 tot "
		  "en met 3 zijn de dialoog met de organisatie en alleen zichtbaar voor "
		  "toezichthouders en de redacteuren van de organisatie.");
	if (policy_is_supervisor(u))
		html_rawf(b,
			  "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" "
			  "href=\"%s\">Trede of voordracht vastleggen</a></p>",
			  org_href(r, o->code, "/toezicht/ladder"));
	if (!n) {
		comp_para(b, "Er zijn geen treden of voordrachten vastgelegd die u kunt zien.");
		return;
	}
	bool agreements = policy_ibt_agreements_visible(u, o->code);
	static const struct comp_col cols[] = {{"Trede", false},     {"Domein", false},
					       {"Sinds", false},     {"Tot", false},
					       {"Onderwerp", false}, {"Afspraken", true}};
	comp_table_open_ex(b, arena_printf(r->arena, "Interventieladder van %s", o->name), cols,
			   agreements ? 6 : 5, true);
	for (int i = 0; i < n; i++) {
		const struct ibt_ladder_row *x = &rows[i];
		comp_row_open(b);
		comp_th_open(b);
		comp_link(b, ladder_href(r, x->id, NULL),
			  x->track == IBT_TRACK_CROWN
			      ? ibt_record_name(x->track, x->step)
			      : arena_printf(r->arena, "%d. %s", x->step, ibt_step_name(x->step)));
		comp_th_close(b);
		comp_td_text(b, domain_name(d, nd, x->domain_id, x->domain_key), "");
		comp_td_date(b, x->started_on, "");
		if (*x->ended_on)
			comp_td_date(b, x->ended_on, "");
		else
			comp_td_text(b, "Loopt nog", "");
		comp_td_text(b, x->subject, "—");
		if (agreements)
			comp_td_int(b, x->n_agreements);
		comp_row_close(b);
	}
	comp_table_close(b);
}

static void dialogue_section(struct request *r, struct store *st, const struct organisation *o,
			     const struct ibt_domain_row *d, int nd)
{
	const struct user *u = web_user(r);
	if (!policy_ibt_dialogue_visible(u, o->code, true))
		return;
	struct buf *b = &r->out;
	struct ibt_ladder_query q = {.org = o->code};
	struct ibt_dialogue_row *rows;
	int n;
	struct field_errors e = {0};
	comp_h2(b, "tz-dialooglog", "Dialoog (niet openbaar)");
	if (toezicht_dialogue_list(st, r->arena, r->snap, u, &q, &rows, &n, &e) != IBT_OK) {
		comp_para(b, "Het dialooglogboek kan nu niet worden gelezen.");
		return;
	}
	comp_para(b,
		  policy_is_supervisor(u)
		      ? "Toezichtgesprekken, reality checks, thematische studies en peer reviews. "
			"Intern ziet alleen de toezichthouder; gedeeld ook de redacteuren van de "
			"organisatie."
		      : "De gesprekken en studies die de toezichthouder met uw organisatie deelt.");
	if (policy_is_supervisor(u))
		html_rawf(b,
			  "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" "
			  "href=\"%s\">Gesprek of studie vastleggen</a></p>",
			  org_href(r, o->code, "/toezicht/dialoog"));
	if (!n) {
		comp_para(b, "Er is nog niets vastgelegd.");
		return;
	}
	static const struct comp_col cols[] = {
	    {"Onderwerp", false}, {"Datum", false},	    {"Soort", false},
	    {"Domein", false},	  {"Deelnemers", false},    {"Beoordelaars", false},
	    {"Rapport", false},	  {"Aantekeningen", false}, {"Zichtbaarheid", false}};
	comp_table_open_ex(b, arena_printf(r->arena, "Dialoog met %s", o->name), cols, 9, true);
	for (int i = 0; i < n; i++) {
		const struct ibt_dialogue_row *x = &rows[i];
		comp_row_open(b);
		comp_th_open(b);
		html_text(b, x->subject);
		comp_th_close(b);
		comp_td_date(b, x->held_on, "");
		comp_td_text(b, ibt_dialogue_kind_name(x->kind), "");
		comp_td_text(b, x->domain_id ? domain_name(d, nd, x->domain_id, x->domain_key) : "",
			     "Alle domeinen");
		comp_td_text(b, x->participants, "—");
		comp_td_text(b, reviewer_names(r, x->reviewers), "—");
		comp_td_open(b, false);
		if (*x->report_url)
			comp_ext_link(b, x->report_url, "Rapport");
		else
			html_raw(b, "—");
		comp_td_close(b);
		comp_td_text(b, x->notes, "—");
		comp_td_text(b, x->shared ? "Gedeeld met de organisatie" : "Intern", "");
		comp_row_close(b);
	}
	comp_table_close(b);
}

void toezicht_ladder_org_sections(struct request *r, const struct organisation *o)
{
	struct store *st = store_thread();
	struct ibt_domain_row *d;
	int nd;
	if (!st || toezicht_domains(st, r->arena, &d, &nd) != IBT_OK)
		return;
	ladder_section(r, st, o, d, nd);
	dialogue_section(r, st, o, d, nd);
}

void toezicht_ladder_worklist(struct request *r)
{
	struct store *st = store_thread();
	struct ibt_ladder_row *rows;
	int n;
	struct ibt_domain_row *d;
	int nd;
	if (!st || toezicht_ladder_open(st, r->arena, web_user(r), &rows, &n) != IBT_OK ||
	    toezicht_domains(st, r->arena, &d, &nd) != IBT_OK)
		return;
	struct buf *b = &r->out;
	comp_h2(b, "tz-interventies", "Lopende interventies (niet alle openbaar)");
	if (!n) {
		comp_para(b, "Geen organisatie staat op de interventieladder.");
		return;
	}
	static const struct comp_col cols[] = {
	    {"Organisatie", false}, {"Domein", false}, {"Trede", false}, {"Sinds", false}};
	comp_table_open_ex(b, "Lopende treden en voordrachten", cols, 4, true);
	for (int i = 0; i < n; i++) {
		comp_row_open(b);
		comp_th_open(b);
		comp_link(b, org_href(r, rows[i].org_code, "/toezicht#tz-ladder"),
			  org_name(r, rows[i].org_code));
		comp_th_close(b);
		comp_td_text(b, domain_name(d, nd, rows[i].domain_id, rows[i].domain_key), "");
		comp_td_open(b, false);
		comp_link(b, ladder_href(r, rows[i].id, NULL),
			  ibt_record_name(rows[i].track, rows[i].step));
		comp_td_close(b);
		comp_td_date(b, rows[i].started_on, "");
		comp_row_close(b);
	}
	comp_table_close(b);
}

/* ---- the step form ---------------------------------------------------------------------- */

enum { L_SPOOR, L_DOMEIN, L_TREDE, L_SINDS, L_ONDERWERP, L_REDEN, N_L };

static const struct organisation *path_org(struct request *r)
{
	int oi = snapshot_find_org(r->snap, r->path_args[0]);
	return oi >= 0 ? &r->snap->orgs[oi] : NULL;
}

/* The domains that apply to o, as options after a first one (empty). */
static struct comp_option *domain_opts(struct request *r, const struct organisation *o,
				       const struct ibt_domain_row *d, int nd, const char *first,
				       int *n)
{
	struct comp_option *opts = arena_calloc(r->arena, (size_t)nd + 2, sizeof *opts);
	*n = 0;
	opts[(*n)++] = (struct comp_option){"", first};
	for (int i = 0; i < nd; i++)
		if (ibt_domain_applies(d[i].org_kinds, org_kind_labels[o->kind].api))
			opts[(*n)++] = (struct comp_option){d[i].key, d[i].name};
	return opts;
}

static int ladder_form(struct request *r, const struct organisation *o,
		       const struct field_errors *err, int status)
{
	no_cache(r);
	struct store *st = store_thread();
	struct ibt_domain_row *d;
	int nd;
	if (!st || toezicht_domains(st, r->arena, &d, &nd) != IBT_OK)
		return page_store_down(r);
	int ndo;
	struct comp_option *doms = domain_opts(r, o, d, nd, "Kies een domein", &ndo);
	static const struct comp_option tracks[] = {
	    {"ladder", "Interventieladder"},
	    {"kroon", "Schorsing of vernietiging (voordracht aan de Kroon)"}};
	struct comp_option *steps = arena_calloc(r->arena, IBT_STEPS + 2, sizeof *steps);
	steps[0] = (struct comp_option){"", "Geen (bij schorsing of vernietiging)"};
	for (int i = 1; i <= IBT_STEPS; i++)
		steps[i] =
		    (struct comp_option){arena_printf(r->arena, "%d", i),
					 arena_printf(r->arena, "%d. %s", i, ibt_step_name(i))};
	struct form_field f[N_L] = {
	    {"spoor", "Spoor", FK_SELECT, 0, true, NULL, tracks, 2},
	    {"domein", "Toezichtdomein", FK_SELECT, 0, true, NULL, doms, ndo},
	    {"trede", "Trede", FK_SELECT, 0, false,
	     "Alleen bij de interventieladder. Een nieuwe trede beëindigt de huidige.", steps,
	     IBT_STEPS + 1},
	    {"sinds", "Sinds", FK_DATE, 10, false, "Leeg: vandaag.", NULL, 0},
	    {"onderwerp", "Onderwerp", FK_TEXT, IBT_SUBJECT_MAX, false,
	     "Bij schorsing of vernietiging verplicht: het besluit waarom het gaat.", NULL, 0},
	    {"reden", "Reden", FK_TEXTAREA, IBT_TEXT_MAX, false,
	     "Verplicht bij opschalen voorbij trede 2 of het overslaan van een trede: waarom "
	     "volstaat een lichter middel niet? Zie Proportionaliteit hierboven.",
	     NULL, 0},
	};
	const char *v[N_L];
	if (err)
		form_submitted(r, f, N_L, v);
	else
		for (int i = 0; i < N_L; i++)
			v[i] = i == L_SPOOR ? "ladder" : "";
	struct buf *b = &r->out;
	buf_reset(b);
	const char *title = arena_printf(r->arena, "Trede of voordracht vastleggen: %s", o->name);
	const struct crumb crumbs[] = {
	    {"Organisaties", "/organisaties"},
	    {o->name, org_href(r, o->code, "")},
	    {"Interbestuurlijk toezicht", org_href(r, o->code, "/toezicht")},
	    {"Trede vastleggen", NULL}};
	const struct page_head h = {
	    .title = title, .nav = NAV_ORGS, .crumbs = crumbs, .n_crumbs = 4};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, title);
	html_raw(b, "</h1>");
	comp_h2(b, "tz-nu", "Huidige treden");
	html_raw(b, "<ul class=\"utrecht-unordered-list\">");
	for (int i = 0; i < nd; i++) {
		if (!ibt_domain_applies(d[i].org_kinds, org_kind_labels[o->kind].api))
			continue;
		int cur = toezicht_ladder_current(st, r->arena, o->code, d[i].id);
		html_raw(b, "<li>");
		html_text(b, arena_printf(r->arena, "%s: %s", d[i].name,
					  cur ? arena_printf(r->arena, "trede %d, %s", cur,
							     ibt_step_name(cur))
					      : "geen trede"));
		html_raw(b, "</li>");
	}
	html_raw(b, "</ul>");
	comp_h2(b, "tz-proportioneel", "Proportionaliteit");
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	html_text(b, toezicht_ladder_proportionality);
	html_raw(b, " Bron: ");
	comp_ext_link(b, toezicht_ladder_proportionality_source,
		      "Algemeen beleidskader indeplaatsstelling bij taakverwaarlozing");
	html_raw(b, ".</p>");
	if (err)
		form_error_summary(b, err, f, N_L);
	form_open(b, r, org_href(r, o->code, "/toezicht/ladder"));
	form_fields(b, f, N_L, v, err);
	form_buttons(b, "Vastleggen", org_href(r, o->code, "/toezicht"), "Annuleren");
	form_close(b);
	layout_end(b, NULL);
	return status;
}

int page_toezicht_ladder_form(struct request *r)
{
	const struct organisation *o = path_org(r);
	if (!o)
		return respond_not_found(r);
	if (!policy_is_supervisor(web_user(r)))
		return forbidden(r);
	return ladder_form(r, o, NULL, 200);
}

int page_toezicht_ladder_create(struct request *r)
{
	const struct organisation *o = path_org(r);
	if (!o)
		return respond_not_found(r);
	if (!policy_is_supervisor(web_user(r)))
		return forbidden(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct ibt_step_input in = {
	    .org = o->code,
	    .domain = req_form(r, "domein"),
	    .track = req_form(r, "spoor"),
	    .step = req_form(r, "trede"),
	    .since = req_form(r, "sinds"),
	    .subject = req_form(r, "onderwerp"),
	    .reason = req_form(r, "reden"),
	};
	struct field_errors e = {0};
	int64_t id = 0;
	enum ibt_outcome out =
	    toezicht_ladder_set(st, r->arena, r->snap, web_user(r), "web", &in, &e, &id);
	switch (out) {
	case IBT_OK:
		return respond_redirect(r, ladder_href(r, id, "?melding=opgeslagen"));
	case IBT_INVALID:
		return ladder_form(r, o, &e, 400);
	case IBT_STALE:
		field_errors_add(&e, "trede",
				 "De huidige trede is intussen gewijzigd. Er is niets opgeslagen; "
				 "kies opnieuw.");
		return ladder_form(r, o, &e, 409);
	case IBT_FORBIDDEN:
		return forbidden(r);
	default:
		log_error("toezicht: recording a ladder step failed");
		return page_store_down(r);
	}
}

/* ---- one step record -------------------------------------------------------------------- */

static const struct form_notice notices[] = {
    {"opgeslagen", "De trede is vastgelegd."},
    {"beeindigd", "De trede is beëindigd."},
    {"afspraak", "De afspraak is vastgelegd."},
};

enum { A_ACTIE, A_EIGENAAR, A_TERMIJN, A_STATUS, N_A };

static void agreement_fields(struct form_field *f)
{
	static const struct comp_option st[] = {
	    {"open", "Open"}, {"uitgevoerd", "Uitgevoerd"}, {"vervallen", "Vervallen"}};
	f[A_ACTIE] = (struct form_field){"actie", "Actie", FK_TEXTAREA, 1000, true, NULL, NULL, 0};
	f[A_EIGENAAR] = (struct form_field){
	    "eigenaar", "Eigenaar",
	    FK_TEXT,	IBT_SUBJECT_MAX,
	    true,	"Wie de actie uitvoert, zoals het college of een afdeling.",
	    NULL,	0};
	f[A_TERMIJN] = (struct form_field){"termijn", "Termijn", FK_DATE, 10, true, NULL, NULL, 0};
	f[A_STATUS] = (struct form_field){"status", "Status", FK_SELECT, 0, true, NULL, st, 3};
}

/* which: the form whose errors err holds ('a' agreement, 'e' end). */
static int show_record(struct request *r, int64_t id, const struct field_errors *err, char which,
		       int status)
{
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	const struct user *u = web_user(r);
	struct ibt_ladder_row x;
	struct ibt_agreement_row *agr;
	int na;
	enum ibt_outcome o = toezicht_ladder_get(st, r->arena, u, id, &x, &agr, &na);
	if (o == IBT_NOTFOUND)
		return respond_not_found(r);
	struct ibt_domain_row *d;
	int nd;
	if (o != IBT_OK || toezicht_domains(st, r->arena, &d, &nd) != IBT_OK)
		return page_store_down(r);
	struct buf *b = &r->out;
	buf_reset(b);
	const char *name = org_name(r, x.org_code);
	const char *dname = domain_name(d, nd, x.domain_id, x.domain_key);
	const char *what = ibt_record_name(x.track, x.step);
	const char *title = arena_printf(r->arena, "%s, %s: %s", name, dname, what);
	const struct crumb crumbs[] = {{"Interbestuurlijk toezicht", "/toezicht"},
				       {name, org_href(r, x.org_code, "/toezicht")},
				       {what, NULL}};
	const struct page_head h = {
	    .title = title, .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 3};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, title);
	html_raw(b, "</h1>");
	form_flash_from(b, r, notices, sizeof notices / sizeof notices[0]);
	if (err)
		form_error_summary(b, err, NULL, 0);
	if (!toezicht_ladder_public(&x))
		aui_alert(b, "info", "Niet openbaar: ",
			  "trede 1 tot en met 3 zijn de dialoog; alleen toezichthouders en de "
			  "redacteuren van de organisatie zien ze.");
	comp_dl_open(b);
	comp_dl_text(b, "Spoor",
		     x.track == IBT_TRACK_CROWN ? "Schorsing en vernietiging"
						: "Interventieladder");
	if (x.track == IBT_TRACK_LADDER)
		comp_dl_text(b, "Trede", arena_printf(r->arena, "%d. %s", x.step, what));
	comp_dl_text(b, "Domein", dname);
	comp_dl_date(b, "Sinds", x.started_on);
	if (*x.ended_on)
		comp_dl_date(b, "Tot", x.ended_on);
	else
		comp_dl_text(b, "Tot", "Loopt nog");
	comp_dl_text(b, "Onderwerp", *x.subject ? x.subject : "Geen");
	comp_dl_text(b, "Reden", *x.reason ? x.reason : "Geen");
	comp_dl_text(b, "Vastgelegd door", x.recorded_by);
	comp_dl_close(b);
	bool sup = policy_is_supervisor(u);
	if (na >= 0) {
		comp_h2(b, "tz-afspraken", "Afspraken (niet openbaar)");
		if (!na) {
			comp_para(b, "Er zijn nog geen afspraken vastgelegd.");
		} else {
			static const struct comp_col cols[] = {{"Actie", false},
							       {"Eigenaar", false},
							       {"Termijn", false},
							       {"Status", false}};
			comp_table_open_ex(b, "Afspraken bij deze trede", cols, 4, true);
			for (int i = 0; i < na; i++) {
				comp_row_open(b);
				comp_th_open(b);
				if (sup)
					comp_link(b,
						  arena_printf(r->arena, "/toezicht/afspraken/%lld",
							       (long long)agr[i].id),
						  agr[i].action);
				else
					html_text(b, agr[i].action);
				comp_th_close(b);
				comp_td_text(b, agr[i].owner, "");
				comp_td_date(b, agr[i].due_on, "");
				comp_td_text(b, ibt_agreement_status_name(agr[i].status), "");
				comp_row_close(b);
			}
			comp_table_close(b);
		}
	}
	if (sup) {
		comp_h2(b, "tz-afspraak-nieuw", "Afspraak toevoegen");
		struct form_field f[N_A];
		agreement_fields(f);
		const char *v[N_A] = {"", "", "", "open"};
		if (err && which == 'a')
			form_submitted(r, f, N_A, v);
		form_open(b, r, ladder_href(r, x.id, "/afspraken"));
		form_fields(b, f, N_A, v, which == 'a' ? err : NULL);
		form_submit(b, "Afspraak toevoegen", true);
		form_close(b);
		if (!*x.ended_on) {
			comp_h2(b, "tz-einde", "Beëindigen");
			static const struct form_field fe = {"tot", "Tot en met",     FK_DATE, 10,
							     false, "Leeg: vandaag.", NULL,    0};
			form_open(b, r, ladder_href(r, x.id, "/einde"));
			form_field(b, &fe, which == 'e' ? form_str(req_form(r, "tot")) : "",
				   which == 'e' ? err : NULL);
			form_submit(b, "Beëindigen", false);
			form_close(b);
		}
	}
	html_rawf(b,
		  "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"%s\">Terug naar "
		  "het toezicht op deze organisatie</a></p>",
		  org_href(r, x.org_code, "/toezicht#tz-ladder"));
	layout_end(b, NULL);
	return status;
}

int page_toezicht_ladder_show(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	return show_record(r, id, NULL, 0, 200);
}

int page_toezicht_ladder_end(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct field_errors e = {0};
	enum ibt_outcome o =
	    toezicht_ladder_end(st, r->arena, web_user(r), "web", id, req_form(r, "tot"), &e);
	switch (o) {
	case IBT_OK:
		return respond_redirect(r, ladder_href(r, id, "?melding=beeindigd"));
	case IBT_NOTFOUND:
		return respond_not_found(r);
	case IBT_FORBIDDEN:
		return forbidden(r);
	case IBT_INVALID:
		return show_record(r, id, &e, 'e', 400);
	case IBT_STALE:
		field_errors_add(&e, "tot", "Deze trede is al beëindigd. Er is niets opgeslagen.");
		return show_record(r, id, &e, 'e', 409);
	default:
		return page_store_down(r);
	}
}

static struct ibt_agreement_input agreement_in(struct request *r)
{
	return (struct ibt_agreement_input){req_form(r, "actie"), req_form(r, "eigenaar"),
					    req_form(r, "termijn"), req_form(r, "status")};
}

int page_toezicht_agreement_add(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct field_errors e = {0};
	struct ibt_agreement_input in = agreement_in(r);
	int64_t aid;
	enum ibt_outcome o =
	    toezicht_agreement_add(st, r->arena, web_user(r), "web", id, &in, &e, &aid);
	switch (o) {
	case IBT_OK:
		return respond_redirect(r, ladder_href(r, id, "?melding=afspraak#tz-afspraken"));
	case IBT_NOTFOUND:
		return respond_not_found(r);
	case IBT_FORBIDDEN:
		return forbidden(r);
	case IBT_INVALID:
		return show_record(r, id, &e, 'a', 400);
	default:
		return page_store_down(r);
	}
}

/* ---- one agreement ---------------------------------------------------------------------- */

static int agreement_page(struct request *r, int64_t id, const struct field_errors *err, int status)
{
	no_cache(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct ibt_agreement_row g;
	struct ibt_ladder_row x;
	enum ibt_outcome o = toezicht_agreement_get(st, r->arena, web_user(r), id, &g, &x);
	if (o == IBT_NOTFOUND)
		return respond_not_found(r);
	if (o != IBT_OK)
		return page_store_down(r);
	struct form_field f[N_A];
	agreement_fields(f);
	const char *v[N_A] = {g.action, g.owner, g.due_on, ibt_agreement_status_api(g.status)};
	if (err)
		form_submitted(r, f, N_A, v);
	struct buf *b = &r->out;
	buf_reset(b);
	const char *name = org_name(r, x.org_code);
	const char *what = ibt_record_name(x.track, x.step);
	const struct crumb crumbs[] = {{"Interbestuurlijk toezicht", "/toezicht"},
				       {name, org_href(r, x.org_code, "/toezicht")},
				       {what, ladder_href(r, x.id, NULL)},
				       {"Afspraak wijzigen", NULL}};
	const struct page_head h = {
	    .title = "Afspraak wijzigen", .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 4};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Afspraak wijzigen</h1>");
	if (err)
		form_error_summary(b, err, f, N_A);
	form_open(b, r, arena_printf(r->arena, "/toezicht/afspraken/%lld", (long long)id));
	form_fields(b, f, N_A, v, err);
	form_buttons(b, "Opslaan", ladder_href(r, x.id, NULL), "Annuleren");
	form_close(b);
	layout_end(b, NULL);
	return status;
}

int page_toezicht_agreement(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	if (!policy_is_supervisor(web_user(r)))
		return forbidden(r);
	return agreement_page(r, id, NULL, 200);
}

int page_toezicht_agreement_save(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct field_errors e = {0};
	struct ibt_agreement_input in = agreement_in(r);
	enum ibt_outcome o = toezicht_agreement_save(st, r->arena, web_user(r), "web", id, &in, &e);
	struct ibt_agreement_row g;
	struct ibt_ladder_row x;
	switch (o) {
	case IBT_OK:
		if (toezicht_agreement_get(st, r->arena, web_user(r), id, &g, &x) != IBT_OK)
			return page_store_down(r);
		return respond_redirect(r, ladder_href(r, x.id, "?melding=afspraak#tz-afspraken"));
	case IBT_NOTFOUND:
		return respond_not_found(r);
	case IBT_FORBIDDEN:
		return forbidden(r);
	case IBT_INVALID:
		return agreement_page(r, id, &e, 400);
	default:
		return page_store_down(r);
	}
}

/* ---- the dialogue form ------------------------------------------------------------------ */

enum {
	G_SOORT,
	G_DOMEIN,
	G_DATUM,
	G_ONDERWERP,
	G_DEELNEMERS,
	G_BEOORDELAARS,
	G_RAPPORT,
	G_AANTEKENINGEN,
	G_ZICHTBAARHEID,
	N_G
};

static int dialogue_form(struct request *r, const struct organisation *o,
			 const struct field_errors *err, int status)
{
	no_cache(r);
	struct store *st = store_thread();
	struct ibt_domain_row *d;
	int nd;
	if (!st || toezicht_domains(st, r->arena, &d, &nd) != IBT_OK)
		return page_store_down(r);
	int ndo;
	struct comp_option *doms = domain_opts(r, o, d, nd, "Alle domeinen", &ndo);
	static const struct comp_option kinds[] = {{"toezichtgesprek", "Toezichtgesprek"},
						   {"reality-check", "Reality check"},
						   {"thematische-studie", "Thematische studie"},
						   {"peer-review", "Peer review (visitatie)"}};
	static const struct comp_option vis[] = {
	    {"intern", "Intern (alleen toezichthouders)"},
	    {"gedeeld", "Gedeeld (ook de redacteuren van de organisatie)"}};
	const struct snapshot *s = r->snap;
	struct comp_option *gm = arena_calloc(r->arena, (size_t)s->n_orgs + 1, sizeof *gm);
	int ngm = 0;
	for (int i = 0; i < s->n_orgs; i++) {
		const struct organisation *x = &s->orgs[i];
		if (x->kind == ORG_MUNICIPALITY && x->in_province && !x->ended && x != o)
			gm[ngm++] = (struct comp_option){x->code, x->name};
	}
	struct form_field f[N_G] = {
	    {"soort", "Soort", FK_SELECT, 0, true, NULL, kinds, 4},
	    {"domein", "Toezichtdomein", FK_SELECT, 0, false, NULL, doms, ndo},
	    {"datum", "Datum", FK_DATE, 10, true, NULL, NULL, 0},
	    {"onderwerp", "Onderwerp", FK_TEXT, IBT_SUBJECT_MAX, true,
	     "Bij een peer review: waarop de gemeenten elkaar beoordeelden.", NULL, 0},
	    {"deelnemers", "Deelnemers", FK_TEXTAREA, 1000, false,
	     "Wie er meededen, als vrije tekst.", NULL, 0},
	    {"beoordelaars", "Beoordelende gemeenten (alleen bij een peer review)", FK_CHECKS, 0,
	     false, NULL, gm, ngm},
	    {"rapport", "Rapport of verslag (link)", FK_URL, 2000, false, NULL, NULL, 0},
	    {"aantekeningen", "Aantekeningen", FK_TEXTAREA, IBT_TEXT_MAX, false, NULL, NULL, 0},
	    {"zichtbaarheid", "Zichtbaarheid", FK_SELECT, 0, true,
	     "Nooit openbaar; gedeeld ziet ook de organisatie zelf.", vis, 2},
	};
	const char *v[N_G];
	if (err)
		form_submitted(r, f, N_G, v);
	else
		for (int i = 0; i < N_G; i++)
			v[i] = i == G_ZICHTBAARHEID ? "intern" : "";
	struct buf *b = &r->out;
	buf_reset(b);
	const char *title = arena_printf(r->arena, "Gesprek of studie vastleggen: %s", o->name);
	const struct crumb crumbs[] = {
	    {"Organisaties", "/organisaties"},
	    {o->name, org_href(r, o->code, "")},
	    {"Interbestuurlijk toezicht", org_href(r, o->code, "/toezicht")},
	    {"Dialoog vastleggen", NULL}};
	const struct page_head h = {
	    .title = title, .nav = NAV_ORGS, .crumbs = crumbs, .n_crumbs = 4};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, title);
	html_raw(b, "</h1>");
	if (err)
		form_error_summary(b, err, f, N_G);
	form_open(b, r, org_href(r, o->code, "/toezicht/dialoog"));
	form_fields(b, f, N_G, v, err);
	form_buttons(b, "Vastleggen", org_href(r, o->code, "/toezicht"), "Annuleren");
	form_close(b);
	layout_end(b, NULL);
	return status;
}

int page_toezicht_dialogue_form(struct request *r)
{
	const struct organisation *o = path_org(r);
	if (!o)
		return respond_not_found(r);
	if (!policy_is_supervisor(web_user(r)))
		return forbidden(r);
	return dialogue_form(r, o, NULL, 200);
}

int page_toezicht_dialogue_create(struct request *r)
{
	const struct organisation *o = path_org(r);
	if (!o)
		return respond_not_found(r);
	if (!policy_is_supervisor(web_user(r)))
		return forbidden(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	const char *reviewers[64];
	int nr = req_form_all(r, "beoordelaars", reviewers, 64);
	struct buf rb = BUF_INIT;
	for (int i = 0; i < nr; i++)
		buf_printf(&rb, "%s%s", i ? ";" : "", reviewers[i]);
	struct ibt_dialogue_input in = {
	    .org = o->code,
	    .domain = req_form(r, "domein"),
	    .kind = req_form(r, "soort"),
	    .held_on = req_form(r, "datum"),
	    .subject = req_form(r, "onderwerp"),
	    .participants = req_form(r, "deelnemers"),
	    .reviewers = arena_strdup(r->arena, rb.data ? rb.data : ""),
	    .report_url = req_form(r, "rapport"),
	    .notes = req_form(r, "aantekeningen"),
	    .visibility = req_form(r, "zichtbaarheid"),
	};
	buf_free(&rb);
	struct field_errors e = {0};
	int64_t id = 0;
	enum ibt_outcome out =
	    toezicht_dialogue_add(st, r->arena, r->snap, web_user(r), "web", &in, &e, &id);
	switch (out) {
	case IBT_OK:
		return respond_redirect(r, org_href(r, o->code, "/toezicht#tz-dialooglog"));
	case IBT_INVALID:
		return dialogue_form(r, o, &e, 400);
	case IBT_FORBIDDEN:
		return forbidden(r);
	default:
		log_error("toezicht: recording a dialogue record failed");
		return page_store_down(r);
	}
}
