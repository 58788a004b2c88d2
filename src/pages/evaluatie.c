/*
 * evaluatie — the overview, the item bank and running rounds; see
 * evaluatie.h.
 */
#include "evaluatie.h"
#include "auth_ui.h"
#include "forms.h"
#include "../app/evaluatie.h"
#include "../app/policy.h"
#include "../app/readmodel.h"
#include "../domain/fields.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/csv.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BASE "/evaluatie"

const struct param_spec evaluatie_notice_params[] = {{"melding", PT_TEXT, 40}, {NULL, 0, 0}};

static const struct form_notice notices[] = {
    {"opgeslagen", "De vraag is opgeslagen."},
    {"nieuwe-versie", "De vraag was al gebruikt in een ronde: er is een nieuwe versie gemaakt."},
    {"ronde", "De ronde is aangemaakt als concept."},
    {"status", "De status van de ronde is gewijzigd."},
    {"vrijgegeven", "De vrijgave van de resultaten is gewijzigd."},
    {"verstuurd", "De uitnodigingen staan in de uitgaande post."},
};

static const struct user *web_user(const struct request *r)
{
	return r->user && !r->via_token ? r->user : NULL;
}

static void no_store(struct request *r)
{
	r->cache_control = "no-store";
	r->etag = NULL;
}

static bool path_id(struct request *r, int64_t *id)
{
	long v;
	if (r->n_path_args < 1 || !parse_long(r->path_args[0], 1, 1000000000L, &v))
		return false;
	*id = v;
	return true;
}

static const char *label(const struct label *t, int n, const char *v)
{
	return evaluatie_label(t, n, v);
}

#define L(t, v) label(t, LABEL_COUNT(t), v)

static int forbidden(struct request *r)
{
	return respond_error(r, 403, "Geen toegang",
			     "Alleen het programmateam beheert de evaluatie.", NULL);
}

/* ---- the overview -------------------------------------------------------------------- */

int page_evaluatie(struct request *r)
{
	no_store(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct ev_round_row *rows;
	int n;
	if (evaluatie_rounds(st, r->arena, web_user(r), &rows, &n))
		return page_store_down(r);
	bool staff = policy_may_manage_evaluations(web_user(r));
	struct buf *b = &r->out;
	const struct page_head h = {.title = "Evaluatie van het programma", .nav = NAV_NONE};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Evaluatie van het programma</h1>");
	form_flash_from(b, r, notices, sizeof notices / sizeof *notices);
	comp_para(b,
		  "Het programma wordt gemeten met vragenlijsten aan bestuurders, ambtenaren en "
		  "volksvertegenwoordigers van de deelnemende overheden: een nulmeting en "
		  "vervolgmetingen. Gevraagd wordt onder meer naar rolduidelijkheid, de relaties "
		  "op strategisch niveau en kennisdeling. Antwoorden worden anoniem bewaard; "
		  "resultaten van groepen met minder dan vijf respondenten worden nooit getoond.");
	if (staff) {
		html_raw(b, "<ul class=\"utrecht-unordered-list\"><li>");
		comp_link(b, BASE "/vragen", "Vragenbank");
		html_raw(b, "</li><li>");
		comp_link(b, BASE "/rondes/nieuw", "Nieuwe ronde");
		html_raw(b, "</li></ul>");
	}
	comp_h2(b, "rondes", staff ? "Rondes" : "Vrijgegeven resultaten");
	if (!n) {
		comp_para(b, staff ? "Er zijn nog geen rondes."
				   : "Er zijn nog geen vrijgegeven resultaten.");
	} else {
		static const struct comp_col cols[] = {
		    {"Ronde", false}, {"Periode", false}, {"Status", false}, {"Resultaten", false}};
		comp_table_open_ex(b, "Rondes", cols, 4, true);
		for (int i = 0; i < n; i++) {
			const struct ev_round_row *x = &rows[i];
			comp_row_open(b);
			comp_th_open(b);
			const char *href = arena_printf(r->arena, BASE "/%lld", (long long)x->id);
			if (staff)
				comp_link(b, arena_printf(r->arena, "%s/beheer", href), x->name);
			else
				html_text(b, x->name);
			comp_th_close(b);
			comp_td_open(b, false);
			html_date_nl(b, x->starts_on);
			html_raw(b, " – ");
			html_date_nl(b, x->ends_on);
			comp_td_close(b);
			comp_td_text(b, L(evaluatie_status_labels, x->status), NULL);
			comp_td_open(b, false);
			comp_link(b, href,
				  x->released ? "Resultaten" : "Resultaten (niet vrijgegeven)");
			comp_td_close(b);
			comp_row_close(b);
		}
		comp_table_close(b);
	}
	layout_end(b, NULL);
	return 200;
}

/* ---- the item bank ------------------------------------------------------------------- */

static const struct form_field f_tekst = {
    "tekst", "Vraagtekst", FK_TEXTAREA, EVALUATIE_ITEM_TEXT_MAX, true, NULL, NULL, 0};
static const struct form_field f_keuzes = {
    "keuzes",
    "Keuzes of partijen",
    FK_TEXTAREA,
    4000,
    false,
    "Eén per regel. Bij één of meer keuzes de antwoorden (2 tot 10); bij een rolperspectief "
    "de partijen (1 tot 10). Leeg bij een stelling of open vraag.",
    NULL,
    0};
static const struct form_field f_bron = {
    "bron", "Bron", FK_TEXT, EVALUATIE_SOURCE_MAX, false, "Waar de vraag vandaan komt.", NULL, 0};

#define N_ITEM_FIELDS 7

static void item_fields(struct request *r, struct form_field *f)
{
	int nb, nk, ns;
	struct comp_option *blocks =
	    form_label_opts(r->arena, evaluatie_block_labels, LABEL_COUNT(evaluatie_block_labels),
			    "Kies een blok", &nb);
	struct comp_option *kinds = form_label_opts(
	    r->arena, evaluatie_kind_labels, LABEL_COUNT(evaluatie_kind_labels), "Kies", &nk);
	struct comp_option *scopes = form_label_opts(
	    r->arena, evaluatie_scope_labels, LABEL_COUNT(evaluatie_scope_labels), NULL, &ns);
	static const struct comp_option yesno[] = {{"nee", "Nee"}, {"ja", "Ja"}};
	f[0] = (struct form_field){"blok", "Blok", FK_SELECT, 0, true, NULL, blocks, nb};
	f[1] = (struct form_field){"soort", "Soort vraag", FK_SELECT, 0, true, NULL, kinds, nk};
	f[2] = (struct form_field){"bereik",
				   "Bereik",
				   FK_SELECT,
				   0,
				   true,
				   "Per samenwerkingsverband: de vraag komt terug voor elk "
				   "samenwerkingsverband van de ronde waarin de organisatie van de "
				   "respondent deelneemt.",
				   scopes,
				   ns};
	f[3] = f_tekst;
	f[4] = f_keuzes;
	f[5] = f_bron;
	f[6] = (struct form_field){"verplicht", "Verplicht", FK_SELECT, 0, true, NULL, yesno, 2};
}

static void item_input(const char **v, struct evaluatie_item_input *in)
{
	*in = (struct evaluatie_item_input){.block = v[0],
					    .kind = v[1],
					    .scope = v[2],
					    .text = v[3],
					    .options = v[4],
					    .source = v[5],
					    .required = v[6]};
}

int page_evaluatie_items(struct request *r)
{
	no_store(r);
	if (!policy_may_manage_evaluations(web_user(r)))
		return forbidden(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct ev_item_row *rows;
	int n;
	if (evaluatie_items(st, r->arena, &rows, &n))
		return page_store_down(r);
	struct buf *b = &r->out;
	const struct crumb crumbs[] = {{"Evaluatie", BASE}, {"Vragenbank", NULL}};
	const struct page_head h = {
	    .title = "Vragenbank", .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Vragenbank</h1>");
	form_flash_from(b, r, notices, sizeof notices / sizeof *notices);
	comp_notice(b, "Voorstel.",
		    "De vragen gemarkeerd als voorstel komen uit de meegeleverde startbank, "
		    "opgesteld uit openbare bronnen (de vijf lenzen van Kaats & Opheij, de "
		    "rolperspectieven van de NSOB en andere instrumenten). Het programmateam past "
		    "ze aan of voegt eigen vragen toe. Een vraag die in een ronde is gebruikt, "
		    "verandert niet meer: wijzigen maakt een nieuwe versie.");
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	comp_link(b, BASE "/vragen/nieuw", "Vraag toevoegen");
	html_raw(b, "</p>");
	for (int blk = 0; blk < LABEL_COUNT(evaluatie_block_labels); blk++) {
		const char *key = evaluatie_block_labels[blk].api;
		int cnt = 0;
		for (int i = 0; i < n; i++)
			if (strcmp(rows[i].block, key) == 0)
				cnt++;
		if (!cnt)
			continue;
		comp_h2(b, arena_printf(r->arena, "blok-%s", key),
			evaluatie_block_labels[blk].label);
		static const struct comp_col cols[] = {{"Vraag", false},
						       {"Soort", false},
						       {"Versie", true},
						       {"Status", false},
						       {"Bron", false}};
		comp_table_open_ex(b, evaluatie_block_labels[blk].label, cols, 5, true);
		for (int i = 0; i < n; i++) {
			const struct ev_item_row *x = &rows[i];
			if (strcmp(x->block, key) != 0)
				continue;
			comp_row_open(b);
			comp_th_open(b);
			comp_link(b, arena_printf(r->arena, BASE "/vragen/%lld", (long long)x->id),
				  x->text);
			comp_th_close(b);
			comp_td_text(b, L(evaluatie_kind_labels, x->kind), NULL);
			comp_td_int(b, x->version);
			comp_td_open(b, false);
			if (x->superseded_by)
				html_raw(b, "Vervangen door een nieuwe versie");
			else if (x->used)
				html_raw(b, "Gebruikt in een ronde (vast)");
			else
				html_raw(b, "Te wijzigen");
			if (x->proposal)
				html_raw(b, "; voorstel uit de startbank");
			comp_td_close(b);
			comp_td_text(b, x->source, "Geen");
			comp_row_close(b);
		}
		comp_table_close(b);
	}
	layout_end(b, NULL);
	return 200;
}

/* The item form: new (x NULL) or item x; vals (NULL: x's or empty). */
static int item_form(struct request *r, const struct ev_item_row *x, const char **vals,
		     const struct field_errors *e, int status)
{
	no_store(r);
	struct buf *b = &r->out;
	buf_reset(b);
	struct form_field f[N_ITEM_FIELDS];
	item_fields(r, f);
	const char *v[N_ITEM_FIELDS] = {"", "likert", "algemeen", "", "", "", "nee"};
	if (vals)
		memcpy(v, vals, sizeof v);
	else if (x) {
		const char *init[N_ITEM_FIELDS] = {x->block,
						   x->kind,
						   x->scope,
						   x->text,
						   x->options,
						   x->source,
						   x->required ? "ja" : "nee"};
		memcpy(v, init, sizeof v);
	}
	const char *title =
	    x ? arena_printf(r->arena, "Vraag (versie %d)", x->version) : "Vraag toevoegen";
	const struct crumb crumbs[] = {
	    {"Evaluatie", BASE}, {"Vragenbank", BASE "/vragen"}, {title, NULL}};
	const struct page_head h = {
	    .title = title, .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 3};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, title);
	html_raw(b, "</h1>");
	form_flash_from(b, r, notices, sizeof notices / sizeof *notices);
	if (x && x->superseded_by) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Deze versie is vervangen. ");
		comp_link(b,
			  arena_printf(r->arena, BASE "/vragen/%lld", (long long)x->superseded_by),
			  "Naar de nieuwe versie");
		html_raw(b, "</p>");
	} else if (x && x->used) {
		comp_notice(b, "Gebruikt in een ronde.",
			    "Deze vraag verandert niet meer, zodat rondes dezelfde tekst "
			    "vergelijken. Opslaan maakt een nieuwe versie die deze vervangt.");
	}
	if (x && x->proposal)
		comp_notice(b, "Voorstel uit de startbank.",
			    "Het programmateam kan deze vraag aanpassen of vervangen.");
	if (x && x->superseded_by) {
		comp_dl_open(b);
		comp_dl_text(b, "Vraag", x->text);
		comp_dl_text(b, "Bron", x->source);
		comp_dl_close(b);
		layout_end(b, NULL);
		return status;
	}
	if (e)
		form_error_summary(b, e, f, N_ITEM_FIELDS);
	html_raw(b, "<form class=\"atlas-edit-form\" method=\"post\" novalidate action=\"");
	html_attr(b, x ? arena_printf(r->arena, BASE "/vragen/%lld", (long long)x->id)
		       : BASE "/vragen");
	html_raw(b, "\">");
	form_csrf(b, r);
	form_fields(b, f, N_ITEM_FIELDS, v, e);
	form_buttons(b, x && x->used ? "Nieuwe versie opslaan" : "Opslaan", BASE "/vragen",
		     "Annuleren");
	html_raw(b, "</form>");
	layout_end(b, NULL);
	return status;
}

int page_evaluatie_item_new(struct request *r)
{
	if (!policy_may_manage_evaluations(web_user(r)))
		return forbidden(r);
	return item_form(r, NULL, NULL, NULL, 200);
}

static int item_save(struct request *r, int64_t id)
{
	if (!policy_may_manage_evaluations(web_user(r)))
		return forbidden(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct ev_item_row old;
	bool used = false;
	if (id) {
		enum evaluatie_outcome o = evaluatie_item_get(st, r->arena, web_user(r), id, &old);
		if (o == EVAL_NOTFOUND)
			return respond_not_found(r);
		if (o != EVAL_OK)
			return page_store_down(r);
		used = old.used;
	}
	struct form_field f[N_ITEM_FIELDS];
	item_fields(r, f);
	const char *v[N_ITEM_FIELDS];
	form_submitted(r, f, N_ITEM_FIELDS, v);
	struct evaluatie_item_input in;
	item_input(v, &in);
	struct field_errors e = {0};
	int64_t nid = 0;
	enum evaluatie_outcome o =
	    evaluatie_item_save(st, r->arena, web_user(r), "web", id, &in, &e, &nid);
	if (o == EVAL_OK)
		return respond_redirect(r, arena_printf(r->arena, BASE "/vragen/%lld?melding=%s",
							(long long)nid,
							used ? "nieuwe-versie" : "opgeslagen"));
	if (o == EVAL_INVALID)
		return item_form(r, id ? &old : NULL, v, &e, 400);
	if (o == EVAL_CONFLICT) {
		field_errors_add(&e, "tekst",
				 "Deze versie is intussen vervangen of in gebruik genomen; open "
				 "de nieuwste versie en probeer het opnieuw.");
		return item_form(r, id ? &old : NULL, v, &e, 409);
	}
	if (o == EVAL_NOTFOUND)
		return respond_not_found(r);
	if (o == EVAL_FORBIDDEN)
		return forbidden(r);
	log_error("evaluatie: saving an item failed");
	return page_store_down(r);
}

int page_evaluatie_item_create(struct request *r)
{
	return item_save(r, 0);
}

int page_evaluatie_item(struct request *r)
{
	if (!policy_may_manage_evaluations(web_user(r)))
		return forbidden(r);
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct ev_item_row x;
	enum evaluatie_outcome o = evaluatie_item_get(st, r->arena, web_user(r), id, &x);
	if (o == EVAL_NOTFOUND)
		return respond_not_found(r);
	if (o != EVAL_OK)
		return page_store_down(r);
	return item_form(r, &x, NULL, NULL, 200);
}

int page_evaluatie_item_save(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	return item_save(r, id);
}

/* ---- rounds -------------------------------------------------------------------------- */

#define N_ROUND_FIELDS 7

struct round_setup {
	struct form_field f[N_ROUND_FIELDS];
};

static void round_fields(struct request *r, struct ev_item_row *items, int n_items,
			 struct form_field *f)
{
	const struct snapshot *s = r->snap;
	int ng;
	struct comp_option *groups = form_label_opts(
	    r->arena, evaluatie_group_labels, LABEL_COUNT(evaluatie_group_labels), NULL, &ng);
	struct comp_option *orgs = arena_calloc(r->arena, (size_t)s->n_orgs + 1, sizeof *orgs);
	int no = 0;
	for (int i = 0; i < s->n_orgs; i++) {
		const struct organisation *x = &s->orgs[i];
		if (!x->ended && x->in_province &&
		    (x->kind == ORG_MUNICIPALITY || x->kind == ORG_WATER_BOARD ||
		     x->kind == ORG_PROVINCE))
			orgs[no++] = (struct comp_option){x->code, x->name};
	}
	struct comp_option *collabs =
	    arena_calloc(r->arena, (size_t)s->n_collabs + 1, sizeof *collabs);
	int nc = 0;
	for (int i = 0; i < s->n_collabs; i++)
		if (s->collabs[i].active)
			collabs[nc++] = (struct comp_option){s->collabs[i].key, s->collabs[i].name};
	struct comp_option *its = arena_calloc(r->arena, (size_t)n_items + 1, sizeof *its);
	int ni = 0;
	for (int i = 0; i < n_items; i++)
		if (!items[i].superseded_by)
			its[ni++] = (struct comp_option){
			    arena_printf(r->arena, "%lld", (long long)items[i].id),
			    arena_printf(r->arena, "%s: %s",
					 L(evaluatie_block_labels, items[i].block), items[i].text)};
	f[0] = (struct form_field){
	    "naam", "Naam", FK_TEXT, EVALUATIE_NAME_MAX, true, "Bijvoorbeeld ‘Nulmeting 2021’.",
	    NULL,   0};
	f[1] = (struct form_field){"begin", "Begindatum", FK_DATE, 10, true, NULL, NULL, 0};
	f[2] = (struct form_field){"einde", "Einddatum", FK_DATE, 10, true, NULL, NULL, 0};
	f[3] =
	    (struct form_field){"doelgroep", "Doelgroepen", FK_CHECKS, 0, true, NULL, groups, ng};
	f[4] =
	    (struct form_field){"organisatie", "Organisaties", FK_CHECKS, 0, true, NULL, orgs, no};
	f[5] = (struct form_field){"samenwerkingsverband",
				   "Samenwerkingsverbanden (niet verplicht)",
				   FK_CHECKS,
				   0,
				   false,
				   "Vragen per samenwerkingsverband komen terug voor elk gekozen "
				   "verband waarin de organisatie van de respondent deelneemt.",
				   collabs,
				   nc};
	f[6] = (struct form_field){"vraag",   "Vragen",
				   FK_CHECKS, 0,
				   true,      "De vragenlijst volgt de volgorde van de vragenbank.",
				   its,	      ni};
}

static int round_form(struct request *r, const char **vals, const struct field_errors *e,
		      int status)
{
	no_store(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct ev_item_row *items;
	int n_items;
	if (evaluatie_items(st, r->arena, &items, &n_items))
		return page_store_down(r);
	struct buf *b = &r->out;
	buf_reset(b);
	struct form_field f[N_ROUND_FIELDS];
	round_fields(r, items, n_items, f);
	const char *v[N_ROUND_FIELDS] = {"", "", "", "", "", "", ""};
	if (vals)
		memcpy(v, vals, sizeof v);
	const struct crumb crumbs[] = {{"Evaluatie", BASE}, {"Nieuwe ronde", NULL}};
	const struct page_head h = {
	    .title = "Nieuwe ronde", .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Nieuwe ronde</h1>");
	if (e)
		form_error_summary(b, e, f, N_ROUND_FIELDS);
	html_raw(b, "<form class=\"atlas-edit-form\" method=\"post\" novalidate action=\"" BASE
		    "/rondes\">");
	form_csrf(b, r);
	form_fields(b, f, N_ROUND_FIELDS, v, e);
	form_buttons(b, "Ronde aanmaken", BASE, "Annuleren");
	html_raw(b, "</form>");
	layout_end(b, NULL);
	return status;
}

int page_evaluatie_round_new(struct request *r)
{
	if (!policy_may_manage_evaluations(web_user(r)))
		return forbidden(r);
	return round_form(r, NULL, NULL, 200);
}

int page_evaluatie_round_create(struct request *r)
{
	if (!policy_may_manage_evaluations(web_user(r)))
		return forbidden(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	const char *v[N_ROUND_FIELDS];
	static const char *names[N_ROUND_FIELDS] = {
	    "naam", "begin", "einde", "doelgroep", "organisatie", "samenwerkingsverband", "vraag"};
	const char *orgs[400], *collabs[400], *items[400], *groups[8];
	int no = req_form_all(r, "organisatie", orgs, 400);
	int nc = req_form_all(r, "samenwerkingsverband", collabs, 400);
	int ni = req_form_all(r, "vraag", items, 400);
	int ng = req_form_all(r, "doelgroep", groups, 8);
	struct buf g = BUF_INIT;
	for (int i = 0; i < ng; i++)
		buf_printf(&g, "%s%s", i ? ";" : "", groups[i]);
	const char *gj = arena_strdup(r->arena, g.data ? g.data : "");
	buf_free(&g);
	for (int i = 0; i < N_ROUND_FIELDS; i++)
		v[i] = field_nz(req_form(r, names[i]));
	/* the checkbox groups as the form shows them again */
	struct buf j = BUF_INIT;
	const char **lists[3] = {orgs, collabs, items};
	int counts[3] = {no, nc, ni};
	for (int k = 0; k < 3; k++) {
		buf_reset(&j);
		for (int i = 0; i < counts[k]; i++)
			buf_printf(&j, "%s%s", i ? ";" : "", lists[k][i]);
		v[4 + k] = arena_strdup(r->arena, j.data ? j.data : "");
	}
	buf_free(&j);
	v[3] = gj;
	struct evaluatie_round_form f = {
	    .in = {.name = v[0], .starts_on = v[1], .ends_on = v[2], .groups = gj},
	    .orgs = orgs,
	    .n_orgs = no,
	    .collabs = collabs,
	    .n_collabs = nc,
	    .items = items,
	    .n_items = ni,
	};
	struct field_errors e = {0};
	int64_t id = 0;
	enum evaluatie_outcome o =
	    evaluatie_round_save(st, r->arena, r->snap, web_user(r), "web", &f, &e, &id);
	if (o == EVAL_OK)
		return respond_redirect(
		    r, arena_printf(r->arena, BASE "/%lld/beheer?melding=ronde", (long long)id));
	if (o == EVAL_INVALID)
		return round_form(r, v, &e, 400);
	if (o == EVAL_FORBIDDEN)
		return forbidden(r);
	log_error("evaluatie: creating a round failed");
	return page_store_down(r);
}

static const char *org_name(struct request *r, const char *code)
{
	int oi = snapshot_find_org(r->snap, code);
	return oi >= 0 ? r->snap->orgs[oi].name : code;
}

static int round_admin(struct request *r, const struct field_errors *e, int status)
{
	no_store(r);
	if (!policy_may_manage_evaluations(web_user(r)))
		return forbidden(r);
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct ev_round_row x;
	enum evaluatie_outcome o = evaluatie_round_get(st, r->arena, web_user(r), id, &x);
	if (o == EVAL_NOTFOUND)
		return respond_not_found(r);
	if (o != EVAL_OK)
		return page_store_down(r);
	struct ev_link_count *lc;
	int nl;
	if (evaluatie_link_counts(st, r->arena, id, &lc, &nl))
		return page_store_down(r);
	struct buf *b = &r->out;
	buf_reset(b);
	const char *self = arena_printf(r->arena, BASE "/%lld", (long long)id);
	const struct crumb crumbs[] = {{"Evaluatie", BASE}, {x.name, NULL}};
	const struct page_head h = {
	    .title = x.name, .nav = NAV_NONE, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, x.name);
	html_raw(b, "</h1>");
	form_flash_from(b, r, notices, sizeof notices / sizeof *notices);
	comp_dl_open(b);
	comp_dl_text(b, "Status", L(evaluatie_status_labels, x.status));
	comp_dl_date(b, "Begin", x.starts_on);
	comp_dl_date(b, "Einde", x.ends_on);
	struct buf g = BUF_INIT;
	for (int i = 0; i < LABEL_COUNT(evaluatie_group_labels); i++)
		if (strstr(x.groups, evaluatie_group_labels[i].api))
			buf_printf(&g, "%s%s", g.len ? ", " : "", evaluatie_group_labels[i].label);
	comp_dl_text(b, "Doelgroepen", g.data ? g.data : "");
	buf_free(&g);
	comp_dl_text(b, "Aantal vragen", arena_printf(r->arena, "%d", x.n_items));
	comp_dl_text(b, "Resultaten openbaar", x.released ? "Ja" : "Nee");
	comp_dl_close(b);
	html_raw(b, "<p class=\"utrecht-paragraph\">");
	comp_link(b, self, "Resultaten");
	html_raw(b, "</p>");
	/* status */
	const char *next = strcmp(x.status, "concept") == 0 ? "open"
			   : strcmp(x.status, "open") == 0  ? "gesloten"
							    : NULL;
	if (next) {
		form_open(b, r, arena_printf(r->arena, "%s/status", self));
		form_hidden(b, "status", next);
		form_submit(
		    b, strcmp(next, "open") == 0 ? "Ronde openen" : "Ronde sluiten (definitief)",
		    false);
		form_close(b);
	} else {
		form_open(b, r, arena_printf(r->arena, "%s/vrijgeven", self));
		form_hidden(b, "vrijgeven", x.released ? "nee" : "ja");
		form_submit(b,
			    x.released ? "Vrijgave intrekken"
				       : "Resultaten vrijgeven (geaggregeerd, openbaar)",
			    false);
		form_close(b);
	}
	/* links */
	comp_h2(b, "links", "Links om te antwoorden");
	if (nl) {
		static const struct comp_col cols[] = {{"Organisatie", false},
						       {"Doelgroep", false},
						       {"Links", true},
						       {"Gebruikt", true}};
		comp_table_open_ex(b, "Links per organisatie en doelgroep", cols, 4, true);
		for (int i = 0; i < nl; i++) {
			comp_row_open(b);
			comp_th_open(b);
			html_text(b, org_name(r, lc[i].org_code));
			comp_th_close(b);
			comp_td_text(b, L(evaluatie_group_labels, lc[i].target_group), NULL);
			comp_td_int(b, lc[i].total);
			comp_td_int(b, lc[i].used);
			comp_row_close(b);
		}
		comp_table_close(b);
	} else {
		comp_para(b, "Er zijn nog geen links gemaakt.");
	}
	if (strcmp(x.status, "gesloten") != 0) {
		comp_para(
		    b, "Maak links voor één doelgroep van één organisatie. Zonder e-mailadressen "
		       "krijgt u een CSV-bestand om zelf te mailen (de links staan alleen in dat "
		       "bestand: bewaar het goed). Met e-mailadressen gaat elke link via de "
		       "uitgaande post; de adressen worden nergens anders bewaard.");
		int ng = 0;
		struct comp_option *groups = arena_calloc(r->arena, 4, sizeof *groups);
		for (int i = 0; i < LABEL_COUNT(evaluatie_group_labels); i++)
			if (strstr(x.groups, evaluatie_group_labels[i].api))
				groups[ng++] = (struct comp_option){
				    evaluatie_group_labels[i].api, evaluatie_group_labels[i].label};
		struct comp_option *orgs =
		    arena_calloc(r->arena, (size_t)x.n_orgs + 1, sizeof *orgs);
		for (int i = 0; i < x.n_orgs; i++)
			orgs[i] = (struct comp_option){x.orgs[i], org_name(r, x.orgs[i])};
		struct form_field f[4] = {
		    {"doelgroep", "Doelgroep", FK_SELECT, 0, true, NULL, groups, ng},
		    {"organisatie", "Organisatie", FK_SELECT, 0, true, NULL, orgs, x.n_orgs},
		    {"aantal", "Aantal links", FK_NUMBER, 3, false,
		     "Alleen zonder e-mailadressen: 1 tot en met 500.", NULL, 0},
		    {"adressen", "E-mailadressen (niet verplicht)", FK_TEXTAREA, 20000, false,
		     "Eén per regel; elk adres krijgt een eigen link.", NULL, 0},
		};
		if (e)
			form_error_summary(b, e, f, 4);
		const char *v[4] = {
		    field_nz(req_form(r, "doelgroep")), field_nz(req_form(r, "organisatie")),
		    field_nz(req_form(r, "aantal")), field_nz(req_form(r, "adressen"))};
		html_raw(b, "<form class=\"atlas-edit-form\" method=\"post\" novalidate action=\"");
		html_attr(b, arena_printf(r->arena, "%s/links", self));
		html_raw(b, "\">");
		form_csrf(b, r);
		form_fields(b, f, 4, v, e);
		form_submit(b, "Links maken", true);
		html_raw(b, "</form>");
	}
	layout_end(b, NULL);
	return status;
}

int page_evaluatie_round_admin(struct request *r)
{
	return round_admin(r, NULL, 200);
}

static int round_post_result(struct request *r, int64_t id, enum evaluatie_outcome o,
			     const char *notice)
{
	if (o == EVAL_OK)
		return respond_redirect(r, arena_printf(r->arena, BASE "/%lld/beheer?melding=%s",
							(long long)id, notice));
	if (o == EVAL_NOTFOUND)
		return respond_not_found(r);
	if (o == EVAL_FORBIDDEN)
		return forbidden(r);
	if (o == EVAL_CONFLICT || o == EVAL_INVALID)
		return respond_error(r, 409, "Niet mogelijk",
				     "Deze stap past niet bij de huidige status van de ronde. Een "
				     "gesloten ronde verandert niet meer.",
				     NULL);
	return page_store_down(r);
}

int page_evaluatie_round_status(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	enum evaluatie_outcome o =
	    evaluatie_round_move(st, r->arena, web_user(r), "web", id, req_form(r, "status"));
	return round_post_result(r, id, o, "status");
}

int page_evaluatie_round_release(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	const char *v = field_nz(req_form(r, "vrijgeven"));
	enum evaluatie_outcome o =
	    evaluatie_round_release(st, r->arena, web_user(r), "web", id, strcmp(v, "ja") == 0);
	return round_post_result(r, id, o, "vrijgegeven");
}

int page_evaluatie_links(struct request *r)
{
	int64_t id;
	if (!path_id(r, &id))
		return respond_not_found(r);
	struct store *st = store_thread();
	if (!st)
		return page_store_down(r);
	struct field_errors e = {0};
	struct ev_made_link *links;
	int n;
	const char *addresses = req_form(r, "adressen");
	enum evaluatie_outcome o = evaluatie_links_make(
	    st, r->arena, r->snap, web_user(r), "web", id, req_form(r, "doelgroep"),
	    req_form(r, "organisatie"), req_form(r, "aantal"), addresses, &e, &links, &n);
	if (o == EVAL_INVALID)
		return round_admin(r, &e, 400);
	if (o != EVAL_OK)
		return round_post_result(r, id, o, "");
	if (!str_empty(addresses))
		return respond_redirect(
		    r,
		    arena_printf(r->arena, BASE "/%lld/beheer?melding=verstuurd", (long long)id));
	no_store(r);
	r->content_type = "text/csv; charset=utf-8";
	req_header(
	    r, "Content-Disposition",
	    arena_printf(r->arena, "attachment; filename=\"ronde-%lld-links.csv\"", (long long)id));
	struct csv c;
	csv_begin(&c, &r->out);
	const char *head[] = {"organisatie", "doelgroep", "link"};
	for (int i = 0; i < 3; i++)
		csv_cell(&c, head[i]);
	csv_end_row(&c);
	for (int i = 0; i < n; i++) {
		csv_cell(&c, org_name(r, req_form(r, "organisatie")));
		csv_cell(&c, L(evaluatie_group_labels, req_form(r, "doelgroep")));
		csv_cell(&c, links[i].url);
		csv_end_row(&c);
	}
	return 200;
}
