/*
 * network (pages) — see network.h. The nodes and edges come from
 * domain/network.c, the same code the API uses, so the page, the CSV and
 * the JSON always agree.
 */
#include "auth_ui.h"
#include "filter_form.h"
#include "network.h"
#include "people.h"
#include "../app/network.h"
#include "../domain/filter.h"
#include "../domain/labels.h"
#include "../domain/network.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/assets.h"
#include "../render/components.h"
#include "../render/csv.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdlib.h>
#include <string.h>

const struct param_spec network_params[] = {{"beleidsdomein", PT_FILTER, 0},
					    {"juridischeVorm", PT_FILTER, 0},
					    {"fase", PT_FILTER, 0},
					    {"soort", PT_FILTER, 0},
					    {"deelnemer", PT_FILTER, 0},
					    {"alleOrganisaties", PT_TEXT, 3},
					    {"groeperen", PT_TEXT, 20},
					    {"personen", PT_TEXT, 3},
					    {NULL, 0, 0}};

const struct param_spec collab_export_params[] = {
    {"beleidsdomein", PT_FILTER, 0}, {"juridischeVorm", PT_FILTER, 0},
    {"fase", PT_FILTER, 0},	     {"soort", PT_FILTER, 0},
    {"deelnemer", PT_FILTER, 0},     {"status", PT_FILTER, 0},
    {"sorteer", PT_FILTER, 0},	     {NULL, 0, 0}};

/* The filter keys the network accepts (status is fixed to actief). */
static const char *const net_keys[] = {"beleidsdomein", "juridischeVorm", "fase",
				       "soort",		"deelnemer",	  NULL};

struct net_query {
	struct collab_filter f;
	bool all_orgs;
	bool by_collab; /* group the edge table by collaboration */
	bool people;	/* person nodes (personen=ja) */
};

/* Parse the query; on bad input the error reply is written and the status
 * returned, else 0. */
static int query_or_respond(struct request *r, struct net_query *q)
{
	char msg[256];
	collab_filter_init(&q->f, 20);
	q->all_orgs = false;
	q->by_collab = false;
	q->people = false;
	for (int i = 0; net_keys[i]; i++) {
		const char *v = req_param(r, net_keys[i]);
		if (str_empty(v))
			continue;
		if (collab_filter_set(&q->f, r->snap, net_keys[i], v, msg, sizeof msg) < 0)
			return respond_error(r, 400, "Ongeldige parameter",
					     arena_strdup(r->arena, msg), net_keys[i]);
	}
	const char *all = req_param(r, "alleOrganisaties");
	if (!str_empty(all)) {
		if (strcmp(all, "ja") == 0)
			q->all_orgs = true;
		else if (strcmp(all, "nee") != 0)
			return respond_error(
			    r, 400, "Ongeldige parameter",
			    "De parameter 'alleOrganisaties' moet 'ja' of 'nee' zijn.",
			    "alleOrganisaties");
	}
	const char *pp = req_param(r, "personen");
	if (!str_empty(pp)) {
		if (strcmp(pp, "ja") == 0)
			q->people = true;
		else if (strcmp(pp, "nee") != 0)
			return respond_error(r, 400, "Ongeldige parameter",
					     "De parameter 'personen' moet 'ja' of 'nee' zijn.",
					     "personen");
	}
	const char *grp = req_param(r, "groeperen");
	if (!str_empty(grp)) {
		if (strcmp(grp, "samenwerkingsverband") == 0)
			q->by_collab = true;
		else if (strcmp(grp, "organisatie") != 0)
			return respond_error(r, 400, "Ongeldige parameter",
					     "De parameter 'groeperen' moet 'organisatie' of "
					     "'samenwerkingsverband' zijn.",
					     "groeperen");
	}
	return 0;
}

/* Append "k=v&" for the filter keys and alleOrganisaties that are set. */
static void query_string(struct buf *q, const struct request *r, const struct net_query *nq)
{
	for (int i = 0; net_keys[i]; i++) {
		const char *v = req_param(r, net_keys[i]);
		if (str_empty(v))
			continue;
		url_arg(q, net_keys[i]);
		buf_putc(q, '=');
		url_arg(q, v);
		buf_putc(q, '&');
	}
	if (nq->all_orgs)
		buf_puts(q, "alleOrganisaties=ja&");
	if (nq->people)
		buf_puts(q, "personen=ja&");
}

/* "path?query" without a trailing '?' or '&'. */
static const char *href_with(struct request *r, const char *path, const struct net_query *nq,
			     const char *extra)
{
	struct buf b = BUF_INIT;
	buf_puts(&b, path);
	buf_putc(&b, '?');
	query_string(&b, r, nq);
	if (extra) {
		buf_puts(&b, extra);
		buf_putc(&b, '&');
	}
	b.data[--b.len] = '\0';
	const char *s = arena_strdup(r->arena, b.data);
	buf_free(&b);
	return s;
}

static void filter_form(struct buf *b, struct request *r, const struct net_query *nq)
{

	html_raw(b, "<form class=\"utrecht-form atlas-filter\" method=\"get\" action=\"/netwerk\" "
		    "aria-labelledby=\"filter-titel\">"
		    "<h2 class=\"utrecht-heading-2 atlas-filter__title\" id=\"filter-titel\">"
		    "Filteren</h2><div class=\"atlas-filter__grid\">");

	filter_form_selects(r,
			    FF_DOMAIN | FF_LEGAL_FORM | FF_PHASE | FF_KIND | FF_PARTICIPANT_ACTIVE);

	html_raw(b, "<div class=\"net-checkbox\"><input class=\"utrecht-checkbox "
		    "utrecht-checkbox--html-input net-checkbox__input\" type=\"checkbox\" "
		    "id=\"f-alleOrganisaties\" name=\"alleOrganisaties\" value=\"ja\" "
		    "aria-describedby=\"f-alleOrganisaties-uitleg\"");
	if (nq->all_orgs)
		html_raw(b, " checked");
	html_raw(b, "><label class=\"utrecht-form-label utrecht-form-label--checkbox "
		    "net-checkbox__label\" for=\"f-alleOrganisaties\">Ook organisaties buiten de "
		    "provincie tonen</label><p class=\"utrecht-form-field-description atlas-muted "
		    "net-checkbox__description\" id=\"f-alleOrganisaties-uitleg\">Standaard toont "
		    "het netwerk de provincie en de 26 gemeenten. Vink aan om ook waterschappen, "
		    "andere provincies, gemeenten buiten de provincie en samenwerkingsorganen te "
		    "tonen.</p></div>");
	/* person nodes */
	html_raw(b, "<div class=\"net-checkbox\"><input class=\"utrecht-checkbox "
		    "utrecht-checkbox--html-input net-checkbox__input\" type=\"checkbox\" "
		    "id=\"f-personen\" name=\"personen\" value=\"ja\" "
		    "aria-describedby=\"f-personen-uitleg\"");
	if (nq->people)
		html_raw(b, " checked");
	html_raw(b,
		 "><label class=\"utrecht-form-label utrecht-form-label--checkbox "
		 "net-checkbox__label\" for=\"f-personen\">Personen tonen</label><p "
		 "class=\"utrecht-form-field-description atlas-muted net-checkbox__description\" "
		 "id=\"f-personen-uitleg\">Voegt de personen toe die nu een zetel hebben in een "
		 "bestuur van een getoond samenwerkingsverband, met een lijn per zetel. Zonder "
		 "inloggen alleen personen met een openbaar ambt.</p></div>");
	if (nq->by_collab)
		html_raw(b, "<input type=\"hidden\" name=\"groeperen\" "
			    "value=\"samenwerkingsverband\">");

	html_raw(b,
		 "</div><div class=\"atlas-filter__actions\">"
		 "<button class=\"utrecht-button utrecht-button--primary-action\" type=\"submit\">"
		 "Filter toepassen</button>"
		 "<a class=\"utrecht-link utrecht-link--html-a\" href=\"/netwerk\">"
		 "Alle filters wissen</a></div></form>");
}

static void node_link(struct buf *b, const struct snapshot *s, const struct net_node *n)
{
	if (n->kind == NET_ORG)
		comp_link_seg(b, "/organisaties", s->orgs[n->index].code, s->orgs[n->index].name);
	else
		comp_link_seg(b, "/samenwerkingsverbanden", s->collabs[n->index].key,
			      s->collabs[n->index].name);
}

/* The table alternative: one row per edge, grouped. */
static void edge_table(struct buf *b, struct request *r, const struct network *net,
		       const struct net_query *nq)
{
	const struct snapshot *s = r->snap;
	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"deelnames\">Deelnames als tabel</h2>"
		    "<p class=\"utrecht-paragraph\">Elke rij is één lijn in het netwerk: een "
		    "organisatie die deelneemt aan een samenwerkingsverband, met haar rol. "
		    "Groeperen per: ");
	if (nq->by_collab) {
		html_raw(b, "<a class=\"utrecht-link utrecht-link--html-a\" href=\"");
		html_attr(b, href_with(r, "/netwerk", nq, NULL));
		html_raw(b, "#deelnames\">organisatie</a> · <strong aria-current=\"true\">"
			    "samenwerkingsverband</strong>");
	} else {
		html_raw(b, "<strong aria-current=\"true\">organisatie</strong> · "
			    "<a class=\"utrecht-link utrecht-link--html-a\" href=\"");
		html_attr(b, href_with(r, "/netwerk", nq, "groeperen=samenwerkingsverband"));
		html_raw(b, "#deelnames\">samenwerkingsverband</a>");
	}
	html_raw(b, ".</p>");

	static const struct comp_col by_org[] = {
	    {"Organisatie", false}, {"Samenwerkingsverband", false}, {"Rol", false}};
	static const struct comp_col by_collab[] = {
	    {"Samenwerkingsverband", false}, {"Organisatie", false}, {"Rol", false}};
	comp_table_open(b,
			nq->by_collab ? "Deelnames, gegroepeerd per samenwerkingsverband"
				      : "Deelnames, gegroepeerd per organisatie",
			nq->by_collab ? by_collab : by_org, 3);
	int first = nq->by_collab ? net->n_orgs : 0;
	int last = nq->by_collab ? net->n_nodes : net->n_orgs;
	for (int i = first; i < last; i++) {
		const struct net_node *n = &net->nodes[i];
		for (int k = 0; k < n->degree; k++) {
			const struct net_edge *e = &net->edges[n->edges[k]];
			const struct net_node *other =
			    &net->nodes[nq->by_collab ? e->org : e->collab];
			comp_row_open(b);
			comp_th_open(b);
			node_link(b, s, n);
			comp_th_close(b);
			comp_td_open(b, false);
			node_link(b, s, other);
			comp_td_close(b);
			comp_td_text(b, role_labels[s->parts[e->participation].role].label,
				     "Onbekend");
			comp_row_close(b);
		}
	}
	comp_table_close(b);
}

/* The node lists: organisations and collaborations with their degree. */
static void node_tables(struct buf *b, const struct snapshot *s, const struct network *net)
{
	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"knopen\">Organisaties en "
		    "samenwerkingsverbanden in dit netwerk</h2><div class=\"atlas-columns\"><div>");
	static const struct comp_col org_cols[] = {
	    {"Organisatie", false}, {"Soort", false}, {"Deelnames", true}};
	comp_table_open(b, "Organisaties", org_cols, 3);
	for (int i = 0; i < net->n_orgs; i++) {
		const struct net_node *n = &net->nodes[i];
		comp_row_open(b);
		comp_th_open(b);
		node_link(b, s, n);
		comp_th_close(b);
		comp_td_text(b, org_kind_labels[s->orgs[n->index].kind].label, "Onbekend");
		comp_td_int(b, n->degree);
		comp_row_close(b);
	}
	comp_table_close(b);
	html_raw(b, "</div><div>");
	static const struct comp_col collab_cols[] = {
	    {"Samenwerkingsverband", false}, {"Soort", false}, {"Deelnemers", true}};
	comp_table_open(b, "Samenwerkingsverbanden", collab_cols, 3);
	for (int i = net->n_orgs; i < net->n_nodes; i++) {
		const struct net_node *n = &net->nodes[i];
		comp_row_open(b);
		comp_th_open(b);
		node_link(b, s, n);
		comp_th_close(b);
		comp_td_text(b, collab_kind_labels[s->collabs[n->index].kind].label, "Onbekend");
		comp_td_int(b, n->degree);
		comp_row_close(b);
	}
	comp_table_close(b);
	html_raw(b, "</div></div>");
}

static void script(struct buf *b, const char *logical)
{
	html_raw(b, "<script defer src=\"");
	html_attr(b, assets_url(logical));
	html_raw(b, "\"></script>");
}

/* The container the script draws into; hidden until the script runs. */
static void graph_section(struct buf *b, struct request *r, const struct net_query *nq)
{
	html_raw(b, "<section class=\"net-graph\" id=\"netwerk-weergave\" hidden "
		    "aria-labelledby=\"netwerk-weergave-titel\" data-api=\"");
	html_attr(b, href_with(r, "/api/v1/netwerk", nq, NULL));
	html_raw(
	    b,
	    "\"><h2 class=\"utrecht-heading-2\" id=\"netwerk-weergave-titel\">Netwerkweergave</h2>"
	    "<p class=\"utrecht-paragraph atlas-muted\" id=\"netwerk-uitleg\">Rondjes zijn "
	    "organisaties, vierkantjes zijn samenwerkingsverbanden; een lijn betekent dat de "
	    "organisatie deelneemt. Kies een knoop met de muis of het toetsenbord om de buren te "
	    "zien. <strong>Toetsenbord:</strong> met Tab komt u in het netwerk; pijltjestoetsen "
	    "gaan naar de volgende of vorige buur van de gekozen knoop (zonder keuze: naar de "
	    "volgende of vorige knoop op naam); Enter of spatie kiest de knoop; Page Up en Page "
	    "Down gaan door alle knopen; Escape heft de keuze op.</p>"
	    "<div class=\"net-find\"><label class=\"utrecht-form-label\" for=\"netwerk-kies\">"
	    "Ga naar organisatie of samenwerkingsverband</label> "
	    "<select class=\"utrecht-select utrecht-select--html-select\" id=\"netwerk-kies\">"
	    "<option value=\"\">Kies…</option></select> "
	    "<button class=\"utrecht-button utrecht-button--secondary-action\" type=\"button\" "
	    "id=\"netwerk-kies-knop\">Toon</button></div>"
	    "<div class=\"net-layout\"><div class=\"net-canvas\" id=\"netwerk-tekening\"></div>"
	    "<div class=\"net-panel\" id=\"netwerk-paneel\" aria-live=\"polite\">"
	    "<p class=\"utrecht-paragraph\">Kies een knoop om te zien met wie die verbonden "
	    "is.</p></div></div>"
	    "<ul class=\"net-legend\" aria-label=\"Legenda\">"
	    "<li><svg width=\"16\" height=\"16\" aria-hidden=\"true\"><circle cx=\"8\" cy=\"8\" "
	    "r=\"7\" fill=\"#0b4f9c\"/></svg> Gemeente</li>"
	    "<li><svg width=\"16\" height=\"16\" aria-hidden=\"true\"><circle cx=\"8\" cy=\"8\" "
	    "r=\"7\" fill=\"#5a2a82\"/></svg> Provincie</li>"
	    "<li><svg width=\"16\" height=\"16\" aria-hidden=\"true\"><circle cx=\"8\" cy=\"8\" "
	    "r=\"7\" fill=\"#00606b\"/></svg> Waterschap</li>"
	    "<li><svg width=\"16\" height=\"16\" aria-hidden=\"true\"><circle cx=\"8\" cy=\"8\" "
	    "r=\"7\" fill=\"#545454\"/></svg> Andere organisatie</li>"
	    "<li><svg width=\"16\" height=\"16\" aria-hidden=\"true\"><rect x=\"1\" y=\"1\" "
	    "width=\"14\" height=\"14\" fill=\"#a04a00\"/></svg> Samenwerkingsverband</li>");
	if (nq->people)
		html_raw(b,
			 "<li><svg width=\"16\" height=\"16\" aria-hidden=\"true\"><polygon "
			 "points=\"8,1 15,8 8,15 1,8\" fill=\"#1a6e2e\"/></svg> Persoon (zetel in "
			 "een bestuur)</li>");
	html_raw(b, "</ul></section>");
}

static void person_tables(struct buf *b, struct request *r, const struct network *net)
{
	const struct snapshot *s = r->snap;
	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"zetels\">Zetels als tabel</h2>");
	if (net->n_persons == 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Er zijn geen ");
		html_raw(b, r->user ? "personen" : "personen met een openbaar ambt");
		html_raw(b,
			 " met een huidige zetel in een bestuur van deze samenwerkingsverbanden. "
			 "De meegeleverde gegevens bevatten geen personen; redacteuren voegen ze "
			 "toe via ");
		comp_link(b, "/personen", "Personen");
		html_raw(b, ".</p>");
		return;
	}
	html_raw(b, "<p class=\"utrecht-paragraph\">Elke rij is één lijn tussen een persoon en "
		    "een samenwerkingsverband: een huidige zetel in een bestuur.</p>");
	static const struct comp_col cols[] = {
	    {"Persoon", false}, {"Samenwerkingsverband", false}, {"Orgaan", false}};
	comp_table_open(b, "Zetels van personen in de getoonde samenwerkingsverbanden", cols, 3);
	for (int e = 0; e < net->n_person_edges; e++) {
		const struct net_person_edge *pe = &net->person_edges[e];
		const struct net_person *p = &net->persons[pe->person];
		comp_row_open(b);
		comp_th_open(b);
		comp_link_seg(b, "/personen", p->key, p->name);
		comp_th_close(b);
		comp_td_open(b, false);
		node_link(b, s, &net->nodes[pe->collab]);
		comp_td_close(b);
		int body = pe->body >= 0 && pe->body < SEAT_BODY_COUNT ? pe->body : 0;
		comp_td_open(b, false);
		html_text(b, seat_body_labels[body].label);
		if (pe->derived)
			html_raw(b, " <span class=\"atlas-muted\">(volgens de wet)</span>");
		comp_td_close(b);
		comp_row_close(b);
	}
	comp_table_close(b);
}

int page_network(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	struct net_query nq;
	struct network net;
	int st = query_or_respond(r, &nq);
	if (st)
		return st;
	if (network_build(s, &nq.f, nq.all_orgs, r->arena, &net) < 0 ||
	    (nq.people &&
	     network_add_visible_people(store_thread(), r->snap, r->user, &net, r->arena) < 0))
		return respond_error(r, 500, "Interne fout", "Het netwerk kon niet worden gemaakt.",
				     NULL);
	r->etag = s->etag;

	const struct page_head h = {
	    .title = "Netwerk van samenwerkingen", .nav = NAV_NETWORK, .nav_exact = true};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<link rel=\"stylesheet\" href=\"");
	html_attr(b, assets_url("css/network.css"));
	html_raw(b, "\">");
	html_raw(b,
		 "<h1 class=\"utrecht-heading-1\">Netwerk van samenwerkingen</h1>"
		 "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Welke organisaties "
		 "nemen deel aan welke actieve samenwerkingsverbanden? Het netwerk laat zien wie "
		 "met wie verbonden is. Dezelfde gegevens staan hieronder als tabel.</p>");
	filter_form(b, r, &nq);

	html_raw(b, "<p class=\"utrecht-paragraph atlas-result-count\" id=\"resultaat\" "
		    "data-knopen=\"");
	html_rawf(b, "%d\" data-verbindingen=\"%d\"><strong>", net.n_nodes, net.n_edges);
	html_int_nl(b, net.n_orgs);
	html_raw(b, net.n_orgs == 1 ? " organisatie" : " organisaties");
	html_raw(b, "</strong> en <strong>");
	html_int_nl(b, net.n_nodes - net.n_orgs);
	html_raw(b, net.n_nodes - net.n_orgs == 1 ? " samenwerkingsverband"
						  : " samenwerkingsverbanden");
	html_raw(b, "</strong>, verbonden door <strong>");
	html_int_nl(b, net.n_edges);
	html_raw(b, net.n_edges == 1 ? " deelname" : " deelnames");
	html_raw(b, "</strong> (alleen actieve samenwerkingsverbanden");
	if (!nq.all_orgs)
		html_raw(b, "; provincie en gemeenten in Utrecht");
	html_raw(b, ").</p>");
	if (nq.people && net.n_edges > 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\" id=\"resultaat-personen\" "
			    "data-personen=\"");
		html_rawf(b, "%d\" data-zetels=\"%d\">Met <strong>", net.n_persons,
			  net.n_person_edges);
		html_int_nl(b, net.n_persons);
		html_raw(b, net.n_persons == 1 ? " persoon" : " personen");
		html_raw(b, "</strong> en <strong>");
		html_int_nl(b, net.n_person_edges);
		html_raw(b, net.n_person_edges == 1 ? " zetel" : " zetels");
		html_raw(b, "</strong> in besturen van deze samenwerkingsverbanden");
		if (!r->user)
			html_raw(b, " (alleen personen met een openbaar ambt)");
		html_raw(b, ".</p>");
	}

	if (net.n_edges == 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Geen deelnames gevonden met deze "
			    "filters. <a class=\"utrecht-link utrecht-link--html-a\" "
			    "href=\"/netwerk\">Toon het hele netwerk</a>.</p>");
	} else {
		graph_section(b, r, &nq);
		edge_table(b, r, &net, &nq);
		node_tables(b, s, &net);
		if (nq.people)
			person_tables(b, r, &net);
	}

	html_raw(b, "<p class=\"utrecht-paragraph atlas-opendata\">Dit netwerk als open data: <a "
		    "class=\"utrecht-link utrecht-link--html-a\" href=\"");
	html_attr(b, href_with(r, "/netwerk.csv", &nq,
			       nq.by_collab ? "groeperen=samenwerkingsverband" : NULL));
	html_raw(b, "\">deelnames als CSV (spreadsheet)</a> · <a class=\"utrecht-link "
		    "utrecht-link--html-a\" href=\"");
	html_attr(b, href_with(r, "/api/v1/netwerk", &nq, NULL));
	html_raw(b, "\">knopen en verbindingen in JSON via de open API</a>.</p>");
	if (net.n_edges > 0) {
		script(b, "gen/d3-dispatch.min.js");
		script(b, "gen/d3-quadtree.min.js");
		script(b, "gen/d3-timer.min.js");
		script(b, "gen/d3-force.min.js");
		script(b, "js/network.js");
	}
	layout_end(b, s->stats.newest_confirmed);
	return 200;
}

int page_network_csv(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct net_query nq;
	struct network net;
	int st = query_or_respond(r, &nq);
	if (st)
		return st;
	if (network_build(s, &nq.f, nq.all_orgs, r->arena, &net) < 0 ||
	    (nq.people &&
	     network_add_visible_people(store_thread(), r->snap, r->user, &net, r->arena) < 0))
		return respond_error(r, 500, "Interne fout", "Het netwerk kon niet worden gemaakt.",
				     NULL);
	r->etag = s->etag;
	r->content_type = "text/csv; charset=utf-8";
	req_header(r, "Content-Disposition", "attachment; filename=\"netwerk.csv\"");

	struct csv c;
	csv_begin(&c, &r->out);
	static const char *const head_org[] = {"Organisatie",
					       "Organisatiecode",
					       "Soort organisatie",
					       "Samenwerkingsverband",
					       "Samenwerkingsverband-id",
					       "Soort samenwerking",
					       "Rol"};
	/* personen=ja: the seat edges follow the participations in the
	 * same columns (a person in the first two, "Persoon" as its kind, the
	 * body as its role) and a last column tells the two apart */
	for (size_t i = 0; i < sizeof head_org / sizeof head_org[0]; i++) {
		if (nq.people && i < 2)
			csv_cell(&c, i == 0 ? "Organisatie of persoon"
					    : "Organisatiecode of persoon-id");
		else
			csv_cell(&c, head_org[i]);
	}
	if (nq.people)
		csv_cell(&c, "Soort verbinding");
	csv_end_row(&c);
	int first = nq.by_collab ? net.n_orgs : 0;
	int last = nq.by_collab ? net.n_nodes : net.n_orgs;
	for (int i = first; i < last; i++) {
		const struct net_node *n = &net.nodes[i];
		for (int k = 0; k < n->degree; k++) {
			const struct net_edge *e = &net.edges[n->edges[k]];
			const struct organisation *o = &s->orgs[net.nodes[e->org].index];
			const struct collaboration *cb = &s->collabs[net.nodes[e->collab].index];
			csv_cell(&c, o->name);
			csv_cell(&c, o->code);
			csv_cell(&c, org_kind_labels[o->kind].label);
			csv_cell(&c, cb->name);
			csv_cell(&c, cb->key);
			csv_cell(&c, collab_kind_labels[cb->kind].label);
			csv_cell(&c, role_labels[s->parts[e->participation].role].label);
			if (nq.people)
				csv_cell(&c, "deelname");
			csv_end_row(&c);
		}
	}
	/* seat edges (already filtered for privacy by network_add_people_for) */
	for (int i = 0; nq.people && i < net.n_person_edges; i++) {
		const struct net_person_edge *pe = &net.person_edges[i];
		const struct net_person *p = &net.persons[pe->person];
		const struct collaboration *cb = &s->collabs[net.nodes[pe->collab].index];
		int body = pe->body >= 0 && pe->body < SEAT_BODY_COUNT ? pe->body : 0;
		csv_cell(&c, p->name);
		csv_cell(&c, p->key);
		csv_cell(&c, "Persoon");
		csv_cell(&c, cb->name);
		csv_cell(&c, cb->key);
		csv_cell(&c, collab_kind_labels[cb->kind].label);
		csv_cell(&c, seat_body_labels[body].label);
		csv_cell(&c, pe->derived ? "zetel volgens de wet" : "zetel");
		csv_end_row(&c);
	}
	return 200;
}
