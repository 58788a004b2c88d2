/*
 * network (pages) — see network.h. The nodes and edges come from
 * domain/network.c, the same code the API uses, so the page, the CSV and
 * the JSON always agree.
 */
#include "auth_ui.h"
#include "forms.h"
#include "filter_form.h"
#include "network.h"
#include "history.h"
#include "people.h"
#include "../app/network.h"
#include "../domain/filter.h"
#include "../domain/labels.h"
#include "../domain/network.h"
#include "../domain/network_layout.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../render/assets.h"
#include "../render/components.h"
#include "../render/csv.h"
#include "../render/html.h"
#include "../render/layout.h"

#include <stdio.h>
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
					    {"kies", PT_TEXT, 200},
					    {"peildatum", PT_TEXT, 10},
					    {NULL, 0, 0}};

const struct param_spec collab_export_params[] = {
    {"beleidsdomein", PT_FILTER, 0}, {"juridischeVorm", PT_FILTER, 0},
    {"fase", PT_FILTER, 0},	     {"soort", PT_FILTER, 0},
    {"deelnemer", PT_FILTER, 0},     {"status", PT_FILTER, 0},
    {"sorteer", PT_FILTER, 0},	     {NULL, 0, 0}};

/* The filter keys the network accepts (status is fixed to actief). */
static const char *const net_keys[] = {"beleidsdomein", "juridischeVorm", "fase",
				       "soort",		"deelnemer",	  NULL};

#define LINK_CLASS "utrecht-link utrecht-link--html-a"
/* ring 2 of a neighbourhood: at most this many nodes are drawn */
#define MAX_RING2 40
/* organisations whose sets of collaborations are at least this alike
 * (average Jaccard) form a group in the whole-network overview */
#define GROUP_CUT 0.4

struct net_query {
	struct collab_filter f;
	bool all_orgs;
	bool by_collab;	  /* group the table by collaboration */
	bool people;	  /* person nodes (personen=ja) */
	const char *pick; /* kies: "o-<code>", "s-<id>" or "p-<key>", or NULL */
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
	q->pick = NULL;
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
	const char *pick = req_param(r, "kies");
	if (!str_empty(pick)) {
		const char *problem = network_pick_problem(pick);
		if (problem)
			return respond_error(r, 400, "Ongeldige parameter", problem, "kies");
		q->pick = pick;
		if (pick[0] == 'p')
			q->people = true; /* a person is only in the network with its seats */
	}
	return 0;
}

/* Append "k=v&" for the filter keys, alleOrganisaties, personen and the date. */
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
	history_timetravel_query(q, r);
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

/* The id of a node as in the API and in ?kies=: "o-<code>" or "s-<id>". */
static const char *node_id(struct request *r, const struct net_node *n)
{
	const struct snapshot *s = r->snap;
	return n->kind == NET_ORG ? arena_printf(r->arena, "o-%s", s->orgs[n->index].code)
				  : arena_printf(r->arena, "s-%s", s->collabs[n->index].key);
}

/* /netwerk?…&kies=<id> */
static const char *pick_href(struct request *r, const struct net_query *nq, const char *id)
{
	struct buf e = BUF_INIT;
	buf_puts(&e, "kies=");
	url_arg(&e, id);
	const char *h = href_with(r, "/netwerk", nq, e.data);
	buf_free(&e);
	return h;
}

static const char *node_name(const struct snapshot *s, const struct net_node *n)
{
	return n->kind == NET_ORG ? s->orgs[n->index].name : s->collabs[n->index].name;
}

/* The name drawn for a node: a collaboration's short name when it has one. */
static const char *node_label(const struct snapshot *s, const struct net_node *n)
{
	if (n->kind == NET_COLLAB && !str_empty(s->collabs[n->index].short_name))
		return s->collabs[n->index].short_name;
	return node_name(s, n);
}

static void node_link(struct buf *b, const struct snapshot *s, const struct net_node *n)
{
	if (n->kind == NET_ORG)
		comp_link_seg(b, "/organisaties", s->orgs[n->index].code, s->orgs[n->index].name);
	else
		comp_link_seg(b, "/samenwerkingsverbanden", s->collabs[n->index].key,
			      s->collabs[n->index].name);
}

/* A link that puts the node at the centre of the network view. */
static void pick_link(struct buf *b, struct request *r, const struct net_query *nq,
		      const struct net_node *n)
{
	html_raw(b, "<a class=\"" LINK_CLASS "\" href=\"");
	html_attr(b, pick_href(r, nq, node_id(r, n)));
	html_raw(b, "\">");
	html_text(b, node_name(r->snap, n));
	html_raw(b, "</a>");
}

/* The hidden inputs that keep the filters in a form. */
static void hidden_filters(struct buf *b, struct request *r, const struct net_query *nq)
{
	for (int i = 0; net_keys[i]; i++) {
		const char *v = req_param(r, net_keys[i]);
		if (str_empty(v))
			continue;
		form_hidden(b, net_keys[i], v);
	}
	if (nq->all_orgs)
		html_raw(b, "<input type=\"hidden\" name=\"alleOrganisaties\" value=\"ja\">");
	if (nq->people)
		html_raw(b, "<input type=\"hidden\" name=\"personen\" value=\"ja\">");
}

static void option(struct buf *b, const char *value, const char *label, const char *cur)
{
	html_raw(b, "<option value=\"");
	html_attr(b, value);
	html_raw(b, "\"");
	if (cur && strcmp(cur, value) == 0)
		html_raw(b, " selected");
	html_raw(b, ">");
	html_text(b, label);
	html_raw(b, "</option>");
}

/* The selector above the drawing: choose a node (and a date); a plain GET form. */
static void pick_form(struct buf *b, struct request *r, const struct network *net,
		      const struct net_query *nq)
{
	const struct snapshot *s = r->snap;
	html_raw(b, "<form class=\"utrecht-form net-pick\" method=\"get\" action=\"/netwerk\" "
		    "aria-labelledby=\"kies-titel\"><h2 class=\"utrecht-heading-2\" "
		    "id=\"kies-titel\">Kies wat u wilt zien</h2><div class=\"net-pick__grid\">"
		    "<div class=\"utrecht-form-field\"><div class=\"utrecht-form-field__label\">"
		    "<label class=\"utrecht-form-label\" for=\"f-kies\">Gemeente, "
		    "samenwerkingsverband of persoon</label></div><div "
		    "class=\"utrecht-form-field__description\" id=\"f-kies-uitleg\">Toont deze "
		    "organisatie, dit verband of deze persoon in het midden, met alles waarmee het "
		    "verbonden is. Leeg: het hele netwerk in groepen.</div><div "
		    "class=\"utrecht-form-field__input\"><select class=\"utrecht-select "
		    "utrecht-select--html-select\" id=\"f-kies\" name=\"kies\" "
		    "aria-describedby=\"f-kies-uitleg\"><option value=\"\">Het hele netwerk "
		    "(groepen)</option>");
	static const struct {
		const char *label;
		int kind; /* org kind, -1: other orgs, -2: collaborations */
	} groups[] = {{"Gemeenten", ORG_MUNICIPALITY},
		      {"Provincie", ORG_PROVINCE},
		      {"Waterschappen", ORG_WATER_BOARD},
		      {"Andere organisaties", -1},
		      {"Samenwerkingsverbanden", -2}};
	for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		bool open = false;
		for (int i = 0; i < net->n_nodes; i++) {
			const struct net_node *n = &net->nodes[i];
			bool in;
			if (groups[g].kind == -2)
				in = n->kind == NET_COLLAB;
			else if (n->kind != NET_ORG)
				in = false;
			else if (groups[g].kind == -1)
				in = s->orgs[n->index].kind != ORG_MUNICIPALITY &&
				     s->orgs[n->index].kind != ORG_PROVINCE &&
				     s->orgs[n->index].kind != ORG_WATER_BOARD;
			else
				in = (int)s->orgs[n->index].kind == groups[g].kind;
			if (!in)
				continue;
			if (!open) {
				html_raw(b, "<optgroup label=\"");
				html_attr(b, groups[g].label);
				html_raw(b, "\">");
				open = true;
			}
			option(b, node_id(r, n), node_name(s, n), nq->pick);
		}
		if (open)
			html_raw(b, "</optgroup>");
	}
	if (net->n_persons > 0) {
		html_raw(b, "<optgroup label=\"Personen\">");
		for (int i = 0; i < net->n_persons; i++)
			option(b, arena_printf(r->arena, "p-%s", net->persons[i].key),
			       net->persons[i].name, nq->pick);
		html_raw(b, "</optgroup>");
	}
	html_raw(b, "</select></div></div>");
	history_timetravel_field(b, r);
	html_raw(b, "</div>");
	hidden_filters(b, r, nq);
	if (nq->by_collab)
		html_raw(b, "<input type=\"hidden\" name=\"groeperen\" "
			    "value=\"samenwerkingsverband\">");
	html_raw(b, "<div class=\"atlas-filter__actions\"><button class=\"utrecht-button "
		    "utrecht-button--primary-action\" type=\"submit\">Toon</button></div></form>");
}

static void filter_form(struct buf *b, struct request *r, const struct net_query *nq)
{
	bool any = nq->all_orgs || nq->people;
	for (int i = 0; net_keys[i]; i++)
		any = any || !str_empty(req_param(r, net_keys[i]));
	html_raw(b, "<details class=\"net-filters\"");
	if (any)
		html_raw(b, " open");
	html_raw(b, "><summary>Filters: welke samenwerkingsverbanden en organisaties</summary>");
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
		 "bestuur van een getoond samenwerkingsverband. Zonder inloggen alleen personen "
		 "met een openbaar ambt.</p></div>");
	if (nq->by_collab)
		html_raw(b, "<input type=\"hidden\" name=\"groeperen\" "
			    "value=\"samenwerkingsverband\">");
	if (nq->pick) {
		html_raw(b, "<input type=\"hidden\" name=\"kies\" value=\"");
		html_attr(b, nq->pick);
		html_raw(b, "\">");
	}
	history_timetravel_hidden(b, r);

	html_raw(b,
		 "</div><div class=\"atlas-filter__actions\">"
		 "<button class=\"utrecht-button utrecht-button--primary-action\" type=\"submit\">"
		 "Filter toepassen</button>"
		 "<a class=\"" LINK_CLASS "\" href=\"/netwerk\">"
		 "Alle filters wissen</a></div></form></details>");
}

/* ---- drawings ------------------------------------------------------------------ */

/* Fill colours (>= 4.5:1 on white) per kind of node. */
enum draw_kind { DK_MUNI, DK_PROVINCE, DK_WATER, DK_OTHER, DK_COLLAB, DK_PERSON, DK_COUNT };
static const char *const dk_fill[DK_COUNT] = {"#0b4f9c", "#5a2a82", "#00606b",
					      "#545454", "#a04a00", "#1a6e2e"};
static const char *const dk_label[DK_COUNT] = {"Gemeente",
					       "Provincie",
					       "Waterschap",
					       "Andere organisatie",
					       "Samenwerkingsverband",
					       "Persoon (zetel in een bestuur)"};

static enum draw_kind kind_of(const struct snapshot *s, const struct net_node *n)
{
	if (n->kind == NET_COLLAB)
		return DK_COLLAB;
	switch (s->orgs[n->index].kind) {
	case ORG_MUNICIPALITY:
		return DK_MUNI;
	case ORG_PROVINCE:
		return DK_PROVINCE;
	case ORG_WATER_BOARD:
		return DK_WATER;
	default:
		return DK_OTHER;
	}
}

static void shape(struct buf *b, enum draw_kind k, double x, double y, double r)
{
	if (k == DK_COLLAB)
		html_rawf(b,
			  "<rect class=\"net-shape\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
			  "height=\"%.1f\" fill=\"%s\"/>",
			  x - r, y - r, 2 * r, 2 * r, dk_fill[k]);
	else if (k == DK_PERSON)
		html_rawf(b,
			  "<polygon class=\"net-shape\" points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f "
			  "%.1f,%.1f\" fill=\"%s\"/>",
			  x, y - r, x + r, y, x, y + r, x - r, y, dk_fill[k]);
	else
		html_rawf(b,
			  "<circle class=\"net-shape\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" "
			  "fill=\"%s\"/>",
			  x, y, r, dk_fill[k]);
}

static void legend(struct buf *b, const bool *drawn, const char *extra)
{
	html_raw(b, "<ul class=\"net-legend\" aria-label=\"Legenda\">");
	for (int k = 0; k < DK_COUNT; k++) {
		if (!drawn[k])
			continue;
		html_rawf(b,
			  "<li data-soort=\"%d\"><svg width=\"16\" height=\"16\" "
			  "aria-hidden=\"true\">",
			  k);
		shape(b, (enum draw_kind)k, 8, 8, 7);
		html_raw(b, "</svg> ");
		html_text(b, dk_label[k]);
		html_raw(b, "</li>");
	}
	if (extra)
		html_raw(b, extra);
	html_raw(b, "</ul>");
}

/* A data cell that names its column for the stacked rows of narrow screens
 * (web/css/network.css, .net-stack). */
static void td_labelled(struct buf *b, const char *label, bool numeric)
{
	html_raw(b, numeric
			? "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column\" "
			  "data-label=\""
			: "<td class=\"utrecht-table__cell\" data-label=\"");
	html_attr(b, label);
	html_raw(b, "\">");
}

/* What one drawn node is: kind, link, full name. */
struct drawn {
	enum draw_kind kind;
	const char *href;
	const char *name;
};

static void hood_svg(struct buf *b, const struct nl_graph *g, const struct drawn *d,
		     const char *cls, const char *title_id, const char *title)
{
	html_rawf(
	    b,
	    "<svg class=\"net-svg %s\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
	    "%.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"group\" aria-labelledby=\"%s\">"
	    "<title id=\"%s\">",
	    cls, g->width, g->height, g->width, g->height, title_id, title_id);
	html_text(b, title);
	html_raw(b, "</title><g class=\"net-edges\" aria-hidden=\"true\">");
	for (int e = 0; e < g->n_edges; e++) {
		const struct nl_node *p = &g->nodes[g->ea[e]], *q = &g->nodes[g->eb[e]];
		html_rawf(b,
			  "<line class=\"net-edge%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
			  "y2=\"%.1f\"/>",
			  p->ring == 0 || q->ring == 0 ? " net-edge--spoke" : "", p->x, p->y, q->x,
			  q->y);
	}
	html_raw(b, "</g>");
	for (int k = 0; k < g->n; k++) {
		int i = g->draw_order[k];
		const struct nl_node *v = &g->nodes[i];
		html_raw(b, "<a class=\"net-node");
		if (v->ring == 0)
			html_raw(b, " net-node--selected");
		html_raw(b, "\" href=\"");
		html_attr(b, d[i].href);
		html_raw(b, "\"><title>");
		html_text(b, d[i].name);
		html_raw(b, "</title>");
		shape(b, d[i].kind, v->x, v->y, g->node_r);
		html_rawf(b, "<text class=\"net-label\" x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\"",
			  v->lx, v->ly, g->font);
		if (v->anchor != 1)
			html_raw(b, v->anchor < 0 ? " text-anchor=\"end\""
						  : " text-anchor=\"middle\"");
		html_raw(b, ">");
		html_text(b, v->text);
		html_raw(b, "</text></a>");
	}
	html_raw(b, "</svg>");
}

/* The neighbourhood of the chosen node: drawing (wide and narrow) and table. */
static void hood_section(struct buf *b, struct request *r, const struct network *net,
			 const struct net_query *nq, const struct net_hood *h)
{
	const struct snapshot *s = r->snap;
	int n = 1 + h->n1 + h->n2;
	struct nl_node *nodes = arena_calloc(r->arena, (size_t)n, sizeof *nodes);
	struct drawn *d = arena_calloc(r->arena, (size_t)n, sizeof *d);
	int *ea = arena_calloc(r->arena, (size_t)(h->n1 * (1 + h->n2)) + 1, sizeof(int));
	int *eb = arena_calloc(r->arena, (size_t)(h->n1 * (1 + h->n2)) + 1, sizeof(int));
	int *pos = arena_calloc(r->arena, (size_t)net->n_nodes + 1, sizeof(int));
	const char *center_name;
	if (h->kind == NET_PERSON) {
		const struct net_person *p = &net->persons[h->center];
		center_name = p->name;
		d[0] = (struct drawn){DK_PERSON, arena_printf(r->arena, "/personen/%s", p->key),
				      p->name};
	} else {
		const struct net_node *c = &net->nodes[h->center];
		center_name = node_name(s, c);
		d[0] = (struct drawn){
		    kind_of(s, c),
		    c->kind == NET_ORG
			? arena_printf(r->arena, "/organisaties/%s", s->orgs[c->index].code)
			: arena_printf(r->arena, "/samenwerkingsverbanden/%s",
				       s->collabs[c->index].key),
		    center_name};
	}
	nodes[0] = (struct nl_node){.label = center_name, .ring = 0};
	for (int i = 0; i < net->n_nodes; i++)
		pos[i] = -1;
	for (int k = 0; k < h->n1 + h->n2; k++) {
		int ni = k < h->n1 ? h->ring1[k] : h->ring2[k - h->n1];
		const struct net_node *v = &net->nodes[ni];
		pos[ni] = k + 1;
		nodes[k + 1] =
		    (struct nl_node){.label = node_label(s, v), .ring = k < h->n1 ? 1 : 2};
		d[k + 1] =
		    (struct drawn){kind_of(s, v), pick_href(r, nq, node_id(r, v)), node_name(s, v)};
	}
	int ne = 0;
	for (int k = 0; k < h->n1; k++) {
		ea[ne] = 0;
		eb[ne++] = k + 1;
	}
	for (int e = 0; e < net->n_edges; e++) {
		int p = pos[net->edges[e].org], q = pos[net->edges[e].collab];
		if (p > 0 && q > 0 && (nodes[p].ring == 2 || nodes[q].ring == 2)) {
			ea[ne] = p;
			eb[ne++] = q;
		}
	}
	struct nl_graph wide = {
	    .nodes = nodes, .n = n, .ea = ea, .eb = eb, .n_edges = ne, .font = 14, .node_r = 6};
	network_layout_radial(&wide, r->arena);
	if (wide.width > 1280) /* too wide to keep its text at 12 px: columns */
		network_layout_columns(&wide, 1100, r->arena);
	/* the narrow drawing gets its own copy of the nodes */
	struct nl_node *nodes2 = arena_calloc(r->arena, (size_t)n, sizeof *nodes2);
	memcpy(nodes2, nodes, (size_t)n * sizeof *nodes2);
	struct nl_graph narrow = {
	    .nodes = nodes2, .n = n, .ea = ea, .eb = eb, .n_edges = ne, .font = 13, .node_r = 5};
	network_layout_columns(&narrow, 360, r->arena);

	bool drawn[DK_COUNT] = {0};
	for (int i = 0; i < n; i++)
		drawn[d[i].kind] = true;

	html_raw(b, "<section class=\"net-graph\" id=\"netwerk-weergave\" "
		    "aria-labelledby=\"netwerk-weergave-titel\"><h2 class=\"utrecht-heading-2\" "
		    "id=\"netwerk-weergave-titel\">Netwerk rond ");
	html_text(b, center_name);
	html_raw(b, "</h2><p class=\"utrecht-paragraph\" id=\"netwerk-uitleg\">");
	html_text(b, center_name);
	if (h->kind == NET_ORG) {
		html_raw(b, " neemt deel aan <strong>");
		html_int_nl(b, h->n1);
		html_raw(b, h->n1 == 1 ? " samenwerkingsverband" : " samenwerkingsverbanden");
		html_raw(b, "</strong> (binnenste ring), samen met <strong>");
		html_int_nl(b, h->n2_total);
		html_raw(b, h->n2_total == 1 ? " andere organisatie" : " andere organisaties");
		html_raw(b, "</strong> (buitenste ring).");
	} else if (h->kind == NET_COLLAB) {
		html_raw(b, " heeft <strong>");
		html_int_nl(b, h->n1);
		html_raw(b, h->n1 == 1 ? " deelnemer" : " deelnemers");
		html_raw(b, "</strong> (binnenste ring); die nemen samen deel aan <strong>");
		html_int_nl(b, h->n2_total);
		html_raw(b, h->n2_total == 1 ? " ander samenwerkingsverband"
					     : " andere samenwerkingsverbanden");
		html_raw(b, "</strong> (buitenste ring).");
	} else {
		html_raw(b, " heeft een zetel in <strong>");
		html_int_nl(b, h->n1);
		html_raw(b, h->n1 == 1 ? " samenwerkingsverband" : " samenwerkingsverbanden");
		html_raw(b, "</strong> (binnenste ring), met hun <strong>");
		html_int_nl(b, h->n2_total);
		html_raw(b, " deelnemers</strong> (buitenste ring).");
	}
	if (h->n2 < h->n2_total) {
		html_raw(b, " De tekening toont er ");
		html_int_nl(b, h->n2);
		html_raw(b, ": die met de meeste verbindingen; de tabel noemt ze allemaal.");
	}
	html_raw(b, " Kies een naam in de tekening om die in het midden te zetten.</p>"
		    "<figure class=\"net-figure\">");
	char title[400];
	snprintf(title, sizeof title, "Netwerk rond %s", center_name);
	hood_svg(b, &wide, d, "net-svg--wide", "netwerk-tekening-breed", title);
	hood_svg(b, &narrow, d, "net-svg--narrow", "netwerk-tekening-smal", title);
	html_raw(b, "</figure>");
	legend(b, drawn,
	       "<li><svg width=\"24\" height=\"16\" aria-hidden=\"true\"><line x1=\"1\" "
	       "y1=\"8\" x2=\"23\" y2=\"8\" class=\"net-edge\"/></svg> Deelname "
	       "(organisatie neemt deel aan samenwerkingsverband)</li>");
	html_raw(b, "</section>");

	/* the table: one row per ring-1 node with its links into ring 2 */
	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"deelnames\">Rond ");
	html_text(b, center_name);
	html_raw(b, " als tabel</h2>");
	static const struct comp_col cols_org[] = {
	    {"Samenwerkingsverband", false}, {"Rol", false}, {"Andere deelnemers", false}};
	static const struct comp_col cols_collab[] = {
	    {"Deelnemer", false}, {"Rol", false}, {"Andere samenwerkingsverbanden", false}};
	static const struct comp_col cols_person[] = {
	    {"Samenwerkingsverband", false}, {"Orgaan", false}, {"Deelnemers", false}};
	const struct comp_col *cols = h->kind == NET_ORG      ? cols_org
				      : h->kind == NET_COLLAB ? cols_collab
							      : cols_person;
	html_raw(b, "<div class=\"net-stack\">");
	comp_table_open(b, arena_printf(r->arena, "Verbindingen van %s", center_name), cols, 3);
	for (int k = 0; k < h->n1; k++) {
		int ni = h->ring1[k];
		const struct net_node *v = &net->nodes[ni];
		comp_row_open(b);
		comp_th_open(b);
		pick_link(b, r, nq, v);
		comp_th_close(b);
		td_labelled(b, cols[1].label, false);
		if (h->kind == NET_PERSON) {
			const struct net_person *p = &net->persons[h->center];
			bool first = true;
			for (int e = 0; e < p->degree; e++) {
				const struct net_person_edge *pe = &net->person_edges[p->edges[e]];
				if (pe->collab != ni)
					continue;
				int body =
				    pe->body >= 0 && pe->body < SEAT_BODY_COUNT ? pe->body : 0;
				if (!first)
					html_raw(b, ", ");
				html_text(b, seat_body_labels[body].label);
				if (pe->derived)
					html_raw(b, " (volgens de wet)");
				first = false;
			}
		} else {
			for (int e = 0; e < v->degree; e++) {
				const struct net_edge *ed = &net->edges[v->edges[e]];
				if (ed->org == h->center || ed->collab == h->center)
					html_text(
					    b, role_labels[s->parts[ed->participation].role].label);
			}
		}
		comp_td_close(b);
		td_labelled(b, cols[2].label, false);
		int shown = 0;
		for (int e = 0; e < v->degree; e++) {
			const struct net_edge *ed = &net->edges[v->edges[e]];
			int o = ed->org == ni ? ed->collab : ed->org;
			if (h->kind != NET_PERSON && o == h->center)
				continue;
			if (shown++)
				html_raw(b, ", ");
			pick_link(b, r, nq, &net->nodes[o]);
		}
		if (!shown)
			html_raw(b, "<span class=\"atlas-muted\">Geen</span>");
		comp_td_close(b);
		comp_row_close(b);
	}
	comp_table_close(b);
	html_raw(b, "</div>");
}

/* ---- the whole network in groups ------------------------------------------------ */

#define BOX_W_WIDE 210
#define BOX_W_NARROW 170
#define BOX_LINE 19
#define BOX_HEAD 46

/* One drawing of the groups: boxes in a grid of cols columns, each listing
 * its organisations as links; with arcs, the collaborations that connect
 * two groups as arcs above a single row of boxes. */
static void groups_svg(struct buf *b, struct request *r, const struct network *net,
		       const struct net_query *nq, const struct net_groups *gs, int cols, int box_w,
		       bool arcs, const char *cls, const char *title_id)
{
	const struct snapshot *s = r->snap;
	int gap = 12, rows = (gs->n + cols - 1) / cols;
	int *row_h = arena_calloc(r->arena, (size_t)rows + 1, sizeof(int));
	for (int g = 0; g < gs->n; g++) {
		int h = BOX_HEAD + gs->g[g].n * BOX_LINE + 8;
		if (h > row_h[g / cols])
			row_h[g / cols] = h;
	}
	int max_between = 0;
	for (int i = 0; i < gs->n * gs->n; i++)
		if (gs->between[i] > max_between)
			max_between = gs->between[i];
	int arc_room = arcs && max_between > 0 ? 150 : 0;
	int width = cols * box_w + (cols - 1) * gap + 2;
	int height = arc_room + 2;
	for (int i = 0; i < rows; i++)
		height += row_h[i] + gap;
	html_rawf(b,
		  "<svg class=\"net-svg %s\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
		  "%d %d\" width=\"%d\" height=\"%d\" role=\"group\" aria-labelledby=\"%s\">"
		  "<title id=\"%s\">Het netwerk in groepen van organisaties die vaak samen "
		  "deelnemen</title>",
		  cls, width, height, width, height, title_id, title_id);
	if (arc_room) {
		html_raw(b, "<g class=\"net-arcs\">");
		for (int g = 0; g < gs->n; g++)
			for (int h2 = g + 1; h2 < gs->n; h2++) {
				int c = gs->between[g * gs->n + h2];
				if (!c)
					continue;
				double x1 = 1 + g * (box_w + gap) + box_w / 2.0;
				double x2 = 1 + h2 * (box_w + gap) + box_w / 2.0;
				double lift = arc_room - 8;
				double sw = 1 + 7.0 * c / max_between;
				html_rawf(
				    b,
				    "<path class=\"net-arc\" d=\"M%.1f %d C%.1f %.1f %.1f "
				    "%.1f %.1f %d\" stroke-width=\"%.1f\"><title>",
				    x1, arc_room, x1, arc_room - lift * (0.5 + (h2 - g) * 0.12), x2,
				    arc_room - lift * (0.5 + (h2 - g) * 0.12), x2, arc_room, sw);
				html_text(b, gs->g[g].name);
				html_raw(b, " en ");
				html_text(b, gs->g[h2].name);
				html_rawf(b, ": %d gedeelde samenwerkingsverbanden</title></path>",
					  c);
			}
		html_raw(b, "</g>");
	}
	int y = arc_room + 1;
	for (int row = 0; row < rows; row++) {
		for (int col = 0; col < cols; col++) {
			int g = row * cols + col;
			if (g >= gs->n)
				break;
			const struct net_group *gr = &gs->g[g];
			int x = 1 + col * (box_w + gap);
			int h = BOX_HEAD + gr->n * BOX_LINE + 8;
			html_rawf(b,
				  "<g class=\"net-group\"><rect class=\"net-group__box\" x=\"%d\" "
				  "y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\"/>",
				  x, y, box_w, h);
			struct arena *a = r->arena;
			html_rawf(b,
				  "<text class=\"net-group__name\" x=\"%d\" y=\"%d\" "
				  "font-size=\"15\">",
				  x + 8, y + 20);
			const char *nm = network_layout_shorten(gr->name, box_w - 16, 15, a);
			html_text(b, nm);
			html_rawf(b,
				  "</text><text class=\"net-group__count\" x=\"%d\" y=\"%d\" "
				  "font-size=\"13\">%d %s</text>",
				  x + 8, y + 38, gr->n,
				  gr->n == 1 ? "organisatie" : "organisaties");
			for (int k = 0; k < gr->n; k++) {
				const struct net_node *v = &net->nodes[gr->orgs[k]];
				int ly = y + BOX_HEAD + k * BOX_LINE + 13;
				html_raw(b, "<a class=\"net-node\" href=\"");
				html_attr(b, pick_href(r, nq, node_id(r, v)));
				html_raw(b, "\"><title>");
				html_text(b, node_name(s, v));
				html_raw(b, "</title>");
				shape(b, kind_of(s, v), x + 14, ly - 4.5, 5);
				html_rawf(b,
					  "<text class=\"net-label\" x=\"%d\" y=\"%d\" "
					  "font-size=\"13\">",
					  x + 24, ly);
				const char *lbl =
				    network_layout_shorten(node_name(s, v), box_w - 30, 13, a);
				html_text(b, lbl);
				html_raw(b, "</text></a>");
			}
			html_raw(b, "</g>");
		}
		y += row_h[row] + gap;
	}
	html_raw(b, "</svg>");
}

static void groups_section(struct buf *b, struct request *r, const struct network *net,
			   const struct net_query *nq, const struct net_groups *gs)
{
	const struct snapshot *s = r->snap;
	html_raw(b, "<section class=\"net-graph\" id=\"netwerk-weergave\" "
		    "aria-labelledby=\"netwerk-weergave-titel\"><h2 class=\"utrecht-heading-2\" "
		    "id=\"netwerk-weergave-titel\">Het netwerk in groepen</h2>"
		    "<p class=\"utrecht-paragraph\" id=\"netwerk-uitleg\">Organisaties die "
		    "grotendeels aan dezelfde samenwerkingsverbanden deelnemen, staan samen in een "
		    "groep. Een groep heet naar het samenwerkingsverband dat het best past bij wie "
		    "erin zit. Kies een organisatie om haar netwerk te zien, met elke naam "
		    "erbij.</p><figure class=\"net-figure\">");
	int cols = gs->n < 5 ? gs->n : 5;
	bool arcs = gs->n <= 5;
	int box_w = cols > 0 ? (1120 - (cols - 1) * 12) / cols : BOX_W_WIDE;
	box_w = box_w < BOX_W_WIDE ? BOX_W_WIDE : box_w > 260 ? 260 : box_w;
	groups_svg(b, r, net, nq, gs, cols, box_w, arcs, "net-svg--wide", "netwerk-groepen-breed");
	groups_svg(b, r, net, nq, gs, gs->n < 2 ? 1 : 2, BOX_W_NARROW, false, "net-svg--narrow",
		   "netwerk-groepen-smal");
	html_raw(b, "</figure>");
	bool drawn[DK_COUNT] = {0};
	for (int i = 0; i < net->n_orgs; i++)
		drawn[kind_of(s, &net->nodes[i])] = true;
	int max_between = 0;
	for (int i = 0; i < gs->n * gs->n; i++)
		if (gs->between[i] > max_between)
			max_between = gs->between[i];
	legend(
	    b, drawn,
	    arcs && max_between > 0
		? "<li><svg width=\"24\" height=\"16\" aria-hidden=\"true\"><rect x=\"1\" "
		  "y=\"1\" width=\"22\" height=\"14\" rx=\"3\" class=\"net-group__box\"/></svg> "
		  "Groep organisaties die vaak samen deelnemen</li><li class=\"net-legend__arc\">"
		  "<svg width=\"24\" height=\"16\" aria-hidden=\"true\"><path d=\"M2 15 C2 2 22 "
		  "2 22 15\" class=\"net-arc\" stroke-width=\"3\"/></svg> Gedeelde "
		  "samenwerkingsverbanden tussen twee groepen (dikker: meer)</li>"
		: "<li><svg width=\"24\" height=\"16\" aria-hidden=\"true\"><rect x=\"1\" "
		  "y=\"1\" width=\"22\" height=\"14\" rx=\"3\" class=\"net-group__box\"/></svg> "
		  "Groep organisaties die vaak samen deelnemen</li>");
	html_raw(b, "</section>");

	/* the groups as a table, with what connects them */
	static const struct comp_col cols_g[] = {{"Groep", false},
						 {"Organisaties", false},
						 {"Eigen verbanden", true},
						 {"Gedeeld met andere groepen", false}};
	comp_table_open(b, "Groepen in het netwerk", cols_g, 4);
	for (int g = 0; g < gs->n; g++) {
		const struct net_group *gr = &gs->g[g];
		comp_row_open(b);
		comp_th_open(b);
		html_text(b, gr->name);
		comp_th_close(b);
		comp_td_open(b, false);
		for (int k = 0; k < gr->n; k++) {
			if (k)
				html_raw(b, ", ");
			pick_link(b, r, nq, &net->nodes[gr->orgs[k]]);
		}
		comp_td_close(b);
		comp_td_int(b, gr->inside);
		comp_td_open(b, false);
		int shown = 0;
		for (int h2 = 0; h2 < gs->n; h2++) {
			int c = h2 == g ? 0 : gs->between[g * gs->n + h2];
			if (!c)
				continue;
			if (shown++)
				html_raw(b, "; ");
			html_text(b, gs->g[h2].name);
			html_rawf(b, ": %d", c);
		}
		if (!shown)
			html_raw(b, "<span class=\"atlas-muted\">Geen</span>");
		comp_td_close(b);
		comp_row_close(b);
	}
	comp_table_close(b);
}

/* One table of the grouped alternative: the rows first..last of nodes
 * (node indexes in list), each with everything it is connected to. */
static void group_rows_table(struct buf *b, struct request *r, const struct network *net,
			     const struct net_query *nq, const char *caption, const int *list,
			     int n)
{
	const struct snapshot *s = r->snap;
	static const struct comp_col by_org[] = {{"Organisatie", false},
						 {"Soort", false},
						 {"Deelnames", true},
						 {"Samenwerkingsverbanden", false}};
	static const struct comp_col by_collab[] = {{"Samenwerkingsverband", false},
						    {"Soort", false},
						    {"Deelnemers", true},
						    {"Organisaties", false}};
	const struct comp_col *cols = nq->by_collab ? by_collab : by_org;
	html_raw(b, "<div class=\"net-stack\">");
	comp_table_open(b, caption, cols, 4);
	for (int i = 0; i < n; i++) {
		const struct net_node *v = &net->nodes[list[i]];
		comp_row_open(b);
		comp_th_open(b);
		pick_link(b, r, nq, v);
		comp_th_close(b);
		td_labelled(b, cols[1].label, false);
		html_text(b, v->kind == NET_ORG
				 ? org_kind_labels[s->orgs[v->index].kind].label
				 : collab_kind_labels[s->collabs[v->index].kind].label);
		comp_td_close(b);
		td_labelled(b, cols[2].label, true);
		html_int_nl(b, v->degree);
		comp_td_close(b);
		td_labelled(b, cols[3].label, false);
		for (int k = 0; k < v->degree; k++) {
			const struct net_edge *e = &net->edges[v->edges[k]];
			if (k)
				html_raw(b, ", ");
			node_link(b, s, &net->nodes[nq->by_collab ? e->org : e->collab]);
		}
		comp_td_close(b);
		comp_row_close(b);
	}
	comp_table_close(b);
	html_raw(b, "</div>");
}

/* The table alternative, grouped: per group of organisations (or per kind
 * of collaboration) a collapsible table with one row per organisation (or
 * collaboration) and everything it is connected to in one cell. */
static void grouped_table(struct buf *b, struct request *r, const struct network *net,
			  const struct net_query *nq, const struct net_groups *gs)
{
	const struct snapshot *s = r->snap;
	html_raw(b, "<h2 class=\"utrecht-heading-2\" id=\"deelnames\">Deelnames als tabel</h2>"
		    "<p class=\"utrecht-paragraph\">Per ");
	html_raw(b, nq->by_collab ? "soort samenwerkingsverband een tabel met elk verband en "
				    "zijn deelnemers"
				  : "groep een tabel met elke organisatie en de "
				    "samenwerkingsverbanden waaraan zij deelneemt");
	html_raw(b, "; open een groep om de tabel te zien. Alle deelnames met hun rol, één per "
		    "rij, staan in de CSV. Groeperen per: ");
	if (nq->by_collab) {
		html_raw(b, "<a class=\"" LINK_CLASS "\" href=\"");
		html_attr(b, href_with(r, "/netwerk", nq, NULL));
		html_raw(b, "#deelnames\">organisatie</a> · <strong aria-current=\"true\">"
			    "samenwerkingsverband</strong>");
	} else {
		html_raw(b, "<strong aria-current=\"true\">organisatie</strong> · "
			    "<a class=\"" LINK_CLASS "\" href=\"");
		html_attr(b, href_with(r, "/netwerk", nq, "groeperen=samenwerkingsverband"));
		html_raw(b, "#deelnames\">samenwerkingsverband</a>");
	}
	html_raw(b, ".</p>");
	int *list = arena_calloc(r->arena, (size_t)net->n_nodes + 1, sizeof(int));
	int n_parts = nq->by_collab ? COLLAB_KIND_COUNT : gs->n;
	for (int g = 0; g < n_parts; g++) {
		int n = 0;
		const char *name;
		if (nq->by_collab) {
			for (int i = net->n_orgs; i < net->n_nodes; i++)
				if ((int)s->collabs[net->nodes[i].index].kind == g)
					list[n++] = i;
			name = collab_kind_labels[g].label;
		} else {
			for (int i = 0; i < net->n_orgs; i++)
				if (gs->group_of[i] == g)
					list[n++] = i;
			name = gs->g[g].name;
		}
		if (n == 0)
			continue;
		html_raw(b, "<details class=\"net-group-table\"><summary>");
		html_text(b, name);
		html_rawf(b, " <span class=\"atlas-muted\">(%d %s)</span></summary>", n,
			  nq->by_collab
			      ? (n == 1 ? "samenwerkingsverband" : "samenwerkingsverbanden")
			      : (n == 1 ? "organisatie" : "organisaties"));
		group_rows_table(
		    b, r, net, nq,
		    arena_printf(r->arena, "Deelnames, gegroepeerd per %s: %s",
				 nq->by_collab ? "samenwerkingsverband" : "organisatie", name),
		    list, n);
		html_raw(b, "</details>");
	}
}

static void person_tables(struct buf *b, struct request *r, const struct network *net,
			  const struct net_query *nq)
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
		html_raw(b, "<a class=\"" LINK_CLASS "\" href=\"");
		html_attr(b, pick_href(r, nq, arena_printf(r->arena, "p-%s", p->key)));
		html_raw(b, "\">");
		html_text(b, p->name);
		html_raw(b, "</a>");
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

/* The chosen node: 0 with *h filled, 1 when it is not in this network, or
 * -1 when memory ran out. */
static int find_pick(struct request *r, const struct network *net, const char *pick,
		     struct net_hood *h)
{
	const struct snapshot *s = r->snap;
	const char *id = pick + 2;
	enum net_node_kind kind;
	int center = -1;
	if (pick[0] == 'p') {
		kind = NET_PERSON;
		for (int i = 0; i < net->n_persons && center < 0; i++)
			if (strcmp(net->persons[i].key, id) == 0)
				center = i;
	} else if (pick[0] == 'o') {
		kind = NET_ORG;
		int o = snapshot_find_org(s, id);
		center = o < 0 ? -1 : network_find(net, NET_ORG, o);
	} else {
		kind = NET_COLLAB;
		int c = snapshot_find_collab(s, id);
		center = c < 0 ? -1 : network_find(net, NET_COLLAB, c);
	}
	if (center < 0)
		return 1;
	return network_neighbourhood(net, kind, center, MAX_RING2, r->arena, h) < 0 ? -1 : 0;
}

static int network_page(struct request *r, void *tt)
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
	struct net_hood hood;
	int found = nq.pick ? find_pick(r, &net, nq.pick, &hood) : 1;
	if (found < 0)
		return respond_error(r, 500, "Interne fout", "Het netwerk kon niet worden gemaakt.",
				     NULL);
	r->etag = s->etag;
	if (nq.people && r->user)
		r->etag = NULL; /* the persons depend on who asks */

	const char *center = NULL;
	if (found == 0)
		center = hood.kind == NET_PERSON ? net.persons[hood.center].name
						 : node_name(s, &net.nodes[hood.center]);
	const struct page_head h = {.title = center
						 ? arena_printf(r->arena, "Netwerk rond %s", center)
						 : "Netwerk van samenwerkingen",
				    .nav = NAV_NETWORK,
				    .nav_exact = true};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<link rel=\"stylesheet\" href=\"");
	html_attr(b, assets_url("css/network.css"));
	html_raw(b, "\">");
	html_raw(b,
		 "<h1 class=\"utrecht-heading-1\">Netwerk van samenwerkingen</h1>"
		 "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Wie werkt met wie samen? "
		 "Kies een gemeente, samenwerkingsverband of persoon en zie alles waarmee die "
		 "verbonden is, met elke naam erbij. Zonder keuze ziet u het hele netwerk in "
		 "groepen. Dezelfde gegevens staan steeds ook als tabel.</p>");
	history_timetravel_notice(b, r, tt);
	pick_form(b, r, &net, &nq);
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

	if (nq.pick && found == 1) {
		html_raw(b,
			 "<div class=\"utrecht-alert atlas-notice\" role=\"status\" "
			 "id=\"kies-niet-gevonden\"><p class=\"utrecht-paragraph\">De "
			 "gekozen organisatie, het samenwerkingsverband of de persoon staat niet "
			 "in dit netwerk (met deze filters en op deze datum). Kies hierboven een "
			 "andere, of <a class=\"" LINK_CLASS "\" href=\"");
		html_attr(b, href_with(r, "/netwerk", &nq, NULL));
		html_raw(b, "\">bekijk het hele netwerk</a>.</p></div>");
	}
	if (net.n_edges == 0) {
		html_raw(b, "<p class=\"utrecht-paragraph\">Geen deelnames gevonden met deze "
			    "filters. <a class=\"" LINK_CLASS "\" "
			    "href=\"/netwerk\">Toon het hele netwerk</a>.</p>");
	} else if (found == 0) {
		hood_section(b, r, &net, &nq, &hood);
		html_raw(b, "<p class=\"utrecht-paragraph\"><a class=\"" LINK_CLASS "\" href=\"");
		html_attr(b, href_with(r, "/netwerk", &nq, NULL));
		html_raw(b, "\">Terug naar het hele netwerk in groepen</a></p>");
	} else {
		struct net_groups gs;
		if (network_groups(s, &net, GROUP_CUT, r->arena, &gs) < 0)
			return respond_error(r, 500, "Interne fout",
					     "Het netwerk kon niet worden gemaakt.", NULL);
		groups_section(b, r, &net, &nq, &gs);
		grouped_table(b, r, &net, &nq, &gs);
		if (nq.people)
			person_tables(b, r, &net, &nq);
	}

	html_raw(b, "<p class=\"utrecht-paragraph atlas-opendata\">Dit netwerk als open data: <a "
		    "class=\"" LINK_CLASS "\" href=\"");
	html_attr(b, href_with(r, "/netwerk.csv", &nq,
			       nq.by_collab ? "groeperen=samenwerkingsverband" : NULL));
	html_raw(b, "\">deelnames als CSV (spreadsheet)</a> · <a class=\"" LINK_CLASS "\" "
		    "href=\"");
	html_attr(b, href_with(r, "/api/v1/netwerk", &nq, NULL));
	html_raw(b, "\">knopen en verbindingen in JSON via de open API</a>.</p>");
	layout_end(b, s->stats.newest_confirmed);
	return 200;
}

int page_network(struct request *r)
{
	int st = 0; /* ?peildatum= swaps r->snap for that date */
	void *tt = history_timetravel_begin(r, &st);
	if (st)
		return st;
	st = network_page(r, tt);
	history_timetravel_end(r, tt);
	return st;
}

static int network_csv(struct request *r)
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

int page_network_csv(struct request *r)
{
	int st = 0; /* ?peildatum= swaps r->snap for that date */
	void *tt = history_timetravel_begin(r, &st);
	if (st)
		return st;
	st = network_csv(r);
	history_timetravel_end(r, tt);
	return st;
}
