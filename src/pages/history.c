/*
 * history — the history pages, the change list and its Atom feed, and the
 * request side of time travel for ?peildatum= (see history.h); the dated
 * snapshots themselves come from app/readmodel.h.
 *
 * Reads audit events through the store (store_history, store_changes) and
 * turns them into text with domain/diff.c; all markup goes through the
 * render/html.h writers, the feed through render/atom.c. Writes nothing.
 */
#include "history.h"
#include "auth_ui.h"
#include "pages.h"
#include "../app/readmodel.h"
#include "../domain/diff.h"
#include "../domain/labels.h"
#include "../domain/snapshot.h"
#include "../lib/text.h"
#include "../render/atom.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"
#include "../store/store_write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CHANGES_PAGE_SIZE 25
#define FEED_SIZE 50
#define FEED_ID_PREFIX "tag:samenwerkingsatlas.provincie-utrecht.nl,2025:"

const struct param_spec history_batch_params[] = {{"pagina", PT_PAGE, 0}, {NULL, 0, 0}};

const struct param_spec history_changes_params[] = {
    {"soort", PT_TEXT, 40}, {"door", PT_TEXT, 100}, {"pagina", PT_PAGE, 0}, {NULL, 0, 0}};

/* ---- what may be shown ---------------------------------------------------- */

/* Registry entities (public) with their Dutch filter value. */
static const struct {
	const char *entity, *soort, *label;
} kinds[] = {
    {"collaboration", "samenwerkingsverband", "Samenwerkingsverbanden"},
    {"participation", "deelname", "Deelnames"},
    {"organisation", "organisatie", "Organisaties"},
    {"source", "bron", "Bronnen"},
    {"domain", "beleidsdomein", "Beleidsdomeinen"},
};
#define N_KINDS ((int)(sizeof kinds / sizeof kinds[0]))

static bool public_entity(const char *entity)
{
	for (int i = 0; i < N_KINDS; i++)
		if (entity && strcmp(entity, kinds[i].entity) == 0)
			return true;
	return false;
}

/* ---- small formatters -------------------------------------------------------- */

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static long days_from_civil(long y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Unix seconds of the last Sunday of month m in year y, 01:00 UTC. */
static long long last_sunday_0100(long y, int m)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	long day = days_from_civil(y, m, mdays[m - 1]);
	long wd = (day + 4) % 7; /* 1970-01-01 was a Thursday (4); 0 = Sunday */
	if (wd < 0)
		wd += 7;
	return (long long)(day - wd) * 86400 + 3600;
}

/* A UTC ISO timestamp ("2025-01-01T12:00:00.000Z") as Dutch local time
 * ("1 januari 2025, 13:00"); the raw text when it does not parse. */
static void put_when(struct buf *b, const char *at)
{
	int y, mo, d, h, mi, s;
	if (!at || sscanf(at, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6 || mo < 1 ||
	    mo > 12) {
		html_text(b, at ? at : "");
		return;
	}
	long long t = (long long)days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
	bool summer = t >= last_sunday_0100(y, 3) && t < last_sunday_0100(y, 10);
	t += summer ? 7200 : 3600;
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	char iso[32];
	snprintf(iso, sizeof iso, "%04d-%02d-%02d", (tm.tm_year + 1900) % 10000,
		 (tm.tm_mon + 1) % 100, tm.tm_mday % 100);
	html_date_nl(b, iso);
	html_rawf(b, ", %02d:%02d", tm.tm_hour, tm.tm_min);
}

/* True for events of the seed import. */
static bool from_seed(const struct audit_row *a)
{
	return str_empty(a->actor) || strcmp(a->source ? a->source : "", "seed") == 0 ||
	       strncmp(a->actor, "cli:import", 10) == 0;
}

/* Who made the change, as shown to people (plain text): the actor as
 * recorded without the "gebruiker:" prefix, or "Meegeleverde dataset". */
static const char *actor_text(const struct audit_row *a)
{
	if (from_seed(a))
		return "Meegeleverde dataset";
	return strncmp(a->actor, "gebruiker:", 10) == 0 ? a->actor + 10 : a->actor;
}

static const char *via_label(const char *via)
{
	static const struct {
		const char *code, *label;
	} t[] = {{"web", "de website"},
		 {"api", "de API"},
		 {"cli", "de opdrachtregel"},
		 {"import", "een import"}};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (via && strcmp(via, t[i].code) == 0)
			return t[i].label;
	return via && *via ? via : NULL;
}

/* The collaboration key of a participation event: seed events use
 * "collab/org[/joined]", web/API events the participation id. */
static int part_collab(const struct snapshot *s, const char *key)
{
	if (!key)
		return -1;
	const char *slash = strchr(key, '/');
	if (slash) {
		char ck[128];
		size_t n = (size_t)(slash - key);
		if (n >= sizeof ck)
			return -1;
		memcpy(ck, key, n);
		ck[n] = '\0';
		return snapshot_find_collab(s, ck);
	}
	long id;
	if (!parse_long(key, 1, 0x7fffffffL, &id))
		return -1;
	for (int i = 0; i < s->n_parts; i++)
		if (s->parts[i].id == id)
			return s->parts[i].collaboration;
	return -1;
}

/* Link target and name of the record an event is about (NULL when gone). */
static const char *record_href(struct request *r, const struct audit_row *a, const char **name)
{
	const struct snapshot *s = r->snap;
	struct buf u = BUF_INIT;
	const char *href = NULL;
	int i;
	*name = NULL;
	if (strcmp(a->entity, "collaboration") == 0 &&
	    (i = snapshot_find_collab(s, a->entity_key)) >= 0) {
		buf_puts(&u, "/samenwerkingsverbanden/");
		url_seg(&u, s->collabs[i].key);
		*name = s->collabs[i].name;
	} else if (strcmp(a->entity, "participation") == 0 &&
		   (i = part_collab(s, a->entity_key)) >= 0) {
		buf_puts(&u, "/samenwerkingsverbanden/");
		url_seg(&u, s->collabs[i].key);
		*name = s->collabs[i].name;
	} else if (strcmp(a->entity, "organisation") == 0 &&
		   (i = snapshot_find_org(s, a->entity_key)) >= 0) {
		buf_puts(&u, "/organisaties/");
		url_seg(&u, s->orgs[i].code);
		*name = s->orgs[i].name;
	}
	if (u.len)
		href = arena_strdup(r->arena, u.data);
	buf_free(&u);
	return href;
}

/* The diff lines of an event as a list. */
static void put_lines(struct buf *b, const struct snapshot *s, const struct audit_row *a)
{
	struct buf t = BUF_INIT;
	diff_describe(&t, s, a->entity, a->action, a->before, a->after);
	html_raw(b, "<ul class=\"utrecht-unordered-list atlas-diff\">");
	char *line = t.data;
	while (line && *line) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		html_raw(b, "<li class=\"utrecht-unordered-list__item\">");
		html_text(b, line);
		html_raw(b, "</li>");
		if (!nl)
			break;
		line = nl + 1;
	}
	html_raw(b, "</ul>");
	buf_free(&t);
}

/* One event of a timeline: heading with the time, who/via, the lines. */
static void put_event(struct buf *b, struct request *r, const struct audit_row *a, bool with_record)
{
	html_raw(b, "<li class=\"atlas-timeline__item\"><h2 class=\"utrecht-heading-3\">"
		    "<time datetime=\"");
	html_attr(b, a->at);
	html_raw(b, "\">");
	put_when(b, a->at);
	html_raw(b, "</time></h2><p class=\"utrecht-paragraph atlas-timeline__meta\">");
	if (with_record) {
		const char *name;
		const char *href = record_href(r, a, &name);
		const char *what = diff_entity_label(a->entity);
		html_text(b, what[0] ? arena_printf(r->arena, "%c%s",
						    what[0] >= 'a' && what[0] <= 'z'
							? what[0] - 'a' + 'A'
							: what[0],
						    what + 1)
				     : "");
		html_raw(b, ": ");
		if (href)
			comp_link(b, href, name);
		else
			html_text(b, a->entity_key);
		html_raw(b, ". ");
	}
	html_raw(b, "Door: ");
	html_text(b, actor_text(a));
	const char *via = from_seed(a) ? NULL : via_label(a->via);
	if (via) {
		html_raw(b, ", via ");
		html_text(b, via);
	}
	html_raw(b, ".");
	if (a->batch_id > 0) {
		html_raw(b, " Onderdeel van ");
		comp_link(
		    b, arena_printf(r->arena, "/wijzigingen/import/%lld", (long long)a->batch_id),
		    arena_printf(r->arena, "import %lld (%s)", (long long)a->batch_id,
				 str_empty(a->batch_title) ? "zonder naam" : a->batch_title));
		html_raw(b, ".");
	}
	html_raw(b, "</p>");
	put_lines(b, r->snap, a);
	html_raw(b, "</li>");
}

/* ---- import batches ------------------------------------------------------------ */

/* "/wijzigingen/import/<id>" in the arena. */
static const char *batch_href(struct request *r, int64_t id)
{
	return arena_printf(r->arena, "/wijzigingen/import/%lld", (long long)id);
}

/* "Import van 85 wijzigingen uit utrecht-2026" (plain text, arena). */
static const char *batch_heading(struct request *r, int changes, const char *title)
{
	return arena_printf(r->arena, "Import van %d %s uit %s", changes,
			    changes == 1 ? "wijziging" : "wijzigingen",
			    str_empty(title) ? "een bestand" : title);
}

/* One grouped entry of /wijzigingen for a whole import batch. */
static void put_batch(struct buf *b, struct request *r, const struct audit_row *a)
{
	html_raw(b, "<li class=\"atlas-timeline__item\"><h2 class=\"utrecht-heading-3\">"
		    "<time datetime=\"");
	html_attr(b, a->at);
	html_raw(b, "\">");
	put_when(b, a->at);
	html_raw(b, "</time></h2><p class=\"utrecht-paragraph atlas-timeline__meta\">");
	html_text(b, batch_heading(r, a->batch_changes, a->batch_title));
	html_raw(b, " door ");
	html_text(b, actor_text(a));
	const char *via = from_seed(a) ? NULL : via_label(a->via);
	if (via) {
		html_raw(b, ", via ");
		html_text(b, via);
	}
	html_raw(b, ".</p><p class=\"utrecht-paragraph\">");
	comp_link(b, batch_href(r, a->batch_id),
		  arena_printf(r->arena, "Alle wijzigingen van deze import bekijken (import %lld)",
			       (long long)a->batch_id));
	html_raw(b, "</p></li>");
}

#define BATCH_PAGE_SIZE 200

int page_import_batch(struct request *r)
{
	long id, page = 1;
	if (r->n_path_args < 1 || !parse_long(r->path_args[0], 1, 0x7fffffffL, &id))
		return respond_not_found(r);
	const char *pv = req_param(r, "pagina");
	if (pv && !parse_long(pv, 1, 10000, &page))
		return respond_error(r, 400, "Ongeldige parameter", "Ongeldig paginanummer.",
				     "pagina");
	struct store *st = store_thread();
	struct import_batch_row batch;
	struct audit_row *rows = NULL;
	int n = 0;
	int rc =
	    st ? store_import_batch_events(st, r->arena, id, BATCH_PAGE_SIZE,
					   (int)((page - 1) * BATCH_PAGE_SIZE), &batch, &rows, &n)
	       : STORE_ERR;
	if (rc == STORE_ERR_NOTFOUND)
		return respond_not_found(r);
	if (rc != STORE_OK)
		return respond_error(r, 500, "Interne fout", "De import kon niet worden geladen.",
				     NULL);
	struct audit_row who = {.actor = batch.actor, .via = batch.via, .source = ""};
	const char *heading = batch_heading(r, batch.changes, batch.title);
	struct buf *b = &r->out;
	const struct crumb crumbs[] = {{"Recente wijzigingen", "/wijzigingen"},
				       {arena_printf(r->arena, "Import %ld", id), NULL}};
	const struct page_head h = {.title = heading, .crumbs = crumbs, .n_crumbs = 2};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">");
	html_text(b, heading);
	html_raw(b, "</h1><p class=\"utrecht-paragraph utrecht-paragraph--lead\">Ingelezen op "
		    "<time datetime=\"");
	html_attr(b, batch.at);
	html_raw(b, "\">");
	put_when(b, batch.at);
	html_raw(b, "</time> door ");
	html_text(b, actor_text(&who));
	const char *via = via_label(batch.via);
	if (via) {
		html_raw(b, ", via ");
		html_text(b, via);
	}
	html_raw(b, ". Hieronder staat elke vastgelegde wijziging van deze import, oudste "
		    "eerst.</p>");
	long n_pages = (batch.events + BATCH_PAGE_SIZE - 1) / BATCH_PAGE_SIZE;
	html_raw(b, "<p class=\"utrecht-paragraph atlas-result-count\"><strong>");
	html_int_nl(b, batch.events);
	html_raw(b, batch.events == 1 ? " vastgelegde wijziging" : " vastgelegde wijzigingen");
	html_raw(b, "</strong>");
	if (n_pages > 1)
		html_rawf(b, ", pagina %ld van %ld", page, n_pages);
	html_raw(b, "</p><ol class=\"atlas-timeline\">");
	for (int i = 0; i < n; i++)
		if (public_entity(rows[i].entity))
			put_event(b, r, &rows[i], true);
	html_raw(b, "</ol>");
	if (n == 0)
		html_raw(b, "<p class=\"utrecht-paragraph\">Deze import heeft geen openbare "
			    "wijzigingen vastgelegd.</p>");
	comp_pagination(b, arena_printf(r->arena, "/wijzigingen/import/%ld?", id), page, n_pages);
	html_raw(b, "<p class=\"utrecht-paragraph\">Terug naar <a class=\"utrecht-link "
		    "utrecht-link--html-a\" href=\"/wijzigingen\">Recente wijzigingen</a>.</p>");
	layout_end(b, r->snap->stats.newest_confirmed);
	return 200;
}

/* ---- record history ---------------------------------------------------------- */

static int history_page(struct request *r, const char *entity, const char *key, const char *name,
			const char *record_href_, const char *list_label, const char *list_href,
			enum nav_section nav)
{
	struct store *st = store_thread();
	struct audit_row *rows = NULL;
	int n = 0;
	if (!st || store_history(st, r->arena, entity, key, &rows, &n) != STORE_OK)
		return respond_error(r, 500, "Interne fout",
				     "De geschiedenis kon niet worden geladen.", NULL);
	struct buf *b = &r->out;
	const struct crumb crumbs[] = {
	    {list_label, list_href}, {name, record_href_}, {"Geschiedenis", NULL}};
	const struct page_head h = {.title = arena_printf(r->arena, "Geschiedenis van %s", name),
				    .nav = nav,
				    .crumbs = crumbs,
				    .n_crumbs = 3};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b, "<h1 class=\"utrecht-heading-1\">Geschiedenis van ");
	html_text(b, name);
	html_raw(b, "</h1><p class=\"utrecht-paragraph utrecht-paragraph--lead\">Elke wijziging "
		    "in dit record, nieuwste eerst: wanneer, door wie, via welk kanaal en wat er "
		    "veranderde. ");
	if (strcmp(entity, "collaboration") == 0)
		html_raw(b, "Wijzigingen in de deelnemers staan er ook bij. ");
	html_raw(b, "Terug naar ");
	comp_link(b, record_href_, name);
	html_raw(b, ".</p>");
	int shown = 0;
	html_raw(b, "<ol class=\"atlas-timeline\">");
	for (int i = 0; i < n; i++) {
		if (!public_entity(rows[i].entity))
			continue;
		put_event(b, r, &rows[i], false);
		shown++;
	}
	html_raw(b, "</ol>");
	if (shown == 0)
		html_raw(b, "<p class=\"utrecht-paragraph\">Er zijn nog geen wijzigingen "
			    "vastgelegd.</p>");
	html_raw(b, "<p class=\"utrecht-paragraph\">Alle wijzigingen in het register staan op "
		    "<a class=\"utrecht-link utrecht-link--html-a\" href=\"/wijzigingen\">"
		    "Recente wijzigingen</a>.</p>");
	layout_end(b, r->snap->stats.newest_confirmed);
	return 200;
}

int page_collab_history(struct request *r)
{
	const struct snapshot *s = r->snap;
	int i = r->n_path_args > 0 ? snapshot_find_collab(s, r->path_args[0]) : -1;
	if (i < 0)
		return respond_not_found(r);
	const struct collaboration *c = &s->collabs[i];
	struct buf u = BUF_INIT;
	buf_puts(&u, "/samenwerkingsverbanden/");
	url_seg(&u, c->key);
	const char *href = arena_strdup(r->arena, u.data);
	buf_free(&u);
	return history_page(r, "collaboration", c->key, c->name, href, "Samenwerkingsverbanden",
			    "/samenwerkingsverbanden", NAV_COLLABS);
}

int page_org_history(struct request *r)
{
	const struct snapshot *s = r->snap;
	int i = r->n_path_args > 0 ? snapshot_find_org(s, r->path_args[0]) : -1;
	if (i < 0)
		return respond_not_found(r);
	const struct organisation *o = &s->orgs[i];
	struct buf u = BUF_INIT;
	buf_puts(&u, "/organisaties/");
	url_seg(&u, o->code);
	const char *href = arena_strdup(r->arena, u.data);
	buf_free(&u);
	return history_page(r, "organisation", o->code, o->name, href, "Organisaties",
			    "/organisaties", NAV_ORGS);
}

/* ---- recent changes -------------------------------------------------------------- */

/* The entity for the soort filter; NULL = all; sets *bad for unknown values. */
static const char *soort_entity(const char *soort, bool *bad)
{
	*bad = false;
	if (str_empty(soort))
		return NULL;
	for (int i = 0; i < N_KINDS; i++)
		if (strcmp(soort, kinds[i].soort) == 0)
			return kinds[i].entity;
	*bad = true;
	return NULL;
}

/* Load the rows for /wijzigingen(.atom); 0 or an error status already written. */
static int load_changes(struct request *r, int limit, long page, struct audit_row **rows, int *n,
			int *total)
{
	bool bad;
	const char *entity = soort_entity(req_param(r, "soort"), &bad);
	if (bad)
		return respond_error(r, 400, "Ongeldige parameter",
				     "Kies bij soort: samenwerkingsverband, deelname, organisatie, "
				     "bron of beleidsdomein.",
				     "soort");
	const char *door = req_param(r, "door");
	struct store *st = store_thread();
	if (!st || store_changes(st, r->arena, entity, str_empty(door) ? NULL : door, limit,
				 (int)((page - 1) * limit), rows, n, total) != STORE_OK)
		return respond_error(r, 500, "Interne fout",
				     "De wijzigingen konden niet worden geladen.", NULL);
	return 0;
}

/* "soort=..&door=..&" of the request, for links. */
static void changes_query(struct buf *q, const struct request *r)
{
	static const char *const keys[] = {"soort", "door", NULL};
	for (int i = 0; keys[i]; i++) {
		const char *v = req_param(r, keys[i]);
		if (str_empty(v))
			continue;
		url_arg(q, keys[i]);
		buf_putc(q, '=');
		url_arg(q, v);
		buf_putc(q, '&');
	}
}

int page_changes(struct request *r)
{
	long page = 1;
	const char *pv = req_param(r, "pagina");
	if (pv && !parse_long(pv, 1, 10000, &page))
		return respond_error(r, 400, "Ongeldige parameter", "Ongeldig paginanummer.",
				     "pagina");
	struct audit_row *rows = NULL;
	int n = 0, total = 0;
	int st = load_changes(r, CHANGES_PAGE_SIZE, page, &rows, &n, &total);
	if (st)
		return st;

	struct buf *b = &r->out;
	struct buf q = BUF_INIT;
	const struct page_head h = {
	    .title = page > 1 ? arena_printf(r->arena, "Recente wijzigingen, pagina %ld", page)
			      : "Recente wijzigingen",
	    .nav = NAV_NONE};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b,
		 "<h1 class=\"utrecht-heading-1\">Recente wijzigingen</h1>"
		 "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Alle wijzigingen in het "
		 "register, nieuwste eerst: door partners via de website of de API, en door "
		 "het inlezen van de meegeleverde dataset. Volg ze ook met een feedlezer: ");
	changes_query(&q, r);
	if (q.len)
		q.data[--q.len] = '\0';
	html_raw(b, "<a class=\"utrecht-link utrecht-link--html-a\" type=\"application/atom+xml\" "
		    "href=\"/wijzigingen.atom");
	if (q.len) {
		html_raw(b, "?");
		html_attr(b, q.data);
	}
	html_raw(b, "\">Atom-feed van deze wijzigingen</a>.</p>");

	/* filters */
	const char *soort = req_param(r, "soort");
	html_raw(b,
		 "<form class=\"utrecht-form atlas-filter\" method=\"get\" action=\"/wijzigingen\" "
		 "aria-labelledby=\"filter-titel\"><h2 class=\"utrecht-heading-2 "
		 "atlas-filter__title\" id=\"filter-titel\">Filteren</h2>"
		 "<div class=\"atlas-filter__grid\">");
	struct comp_option opts[N_KINDS + 1];
	opts[0] = (struct comp_option){"", "Alle soorten"};
	for (int i = 0; i < N_KINDS; i++)
		opts[i + 1] = (struct comp_option){kinds[i].soort, kinds[i].label};
	comp_select(b, "soort", "Soort record", opts, N_KINDS + 1, soort);
	html_raw(b, "<div class=\"utrecht-form-field utrecht-form-field--text\">"
		    "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" "
		    "for=\"f-door\">Door (gebruikersnaam zoals vastgelegd)</label></div>"
		    "<div class=\"utrecht-form-field__input\"><input class=\"utrecht-textbox "
		    "utrecht-textbox--html-input\" type=\"text\" id=\"f-door\" name=\"door\" "
		    "maxlength=\"100\" value=\"");
	html_attr(b, req_param(r, "door") ? req_param(r, "door") : "");
	html_raw(b,
		 "\"></div></div></div><div class=\"atlas-filter__actions\">"
		 "<button class=\"utrecht-button utrecht-button--primary-action\" type=\"submit\">"
		 "Filter toepassen</button><a class=\"utrecht-link utrecht-link--html-a\" "
		 "href=\"/wijzigingen\">Alle filters wissen</a></div></form>");

	long n_pages = (total + CHANGES_PAGE_SIZE - 1) / CHANGES_PAGE_SIZE;
	html_raw(b, "<p class=\"utrecht-paragraph atlas-result-count\"><strong>");
	html_int_nl(b, total);
	html_raw(b, total == 1 ? " wijziging" : " wijzigingen");
	html_raw(b, "</strong>");
	if (n_pages > 1)
		html_rawf(b, ", pagina %ld van %ld", page, n_pages);
	html_raw(b, "</p>");

	html_raw(b, "<ol class=\"atlas-timeline\">");
	for (int i = 0; i < n; i++) {
		if (!public_entity(rows[i].entity))
			continue;
		if (rows[i].batch_id > 0)
			put_batch(b, r, &rows[i]);
		else
			put_event(b, r, &rows[i], true);
	}
	html_raw(b, "</ol>");
	if (n == 0)
		html_raw(b, "<p class=\"utrecht-paragraph\">Geen wijzigingen gevonden.</p>");

	buf_reset(&q);
	buf_puts(&q, "/wijzigingen?");
	changes_query(&q, r);
	comp_pagination(b, q.data, page, n_pages);
	layout_end(b, r->snap->stats.newest_confirmed);
	buf_free(&q);
	return 200;
}

/* RFC 3339 form of an audit timestamp (it already is one: "...Z"). */
static const char *rfc3339(const char *at)
{
	return str_empty(at) ? "1970-01-01T00:00:00Z" : at;
}

int page_changes_atom(struct request *r)
{
	struct audit_row *rows = NULL;
	int n = 0, total = 0;
	int st = load_changes(r, FEED_SIZE, 1, &rows, &n, &total);
	if (st)
		return st;
	struct buf *b = &r->out;
	struct buf q = BUF_INIT, self = BUF_INIT, alt = BUF_INIT;
	changes_query(&q, r);
	if (q.len)
		q.data[--q.len] = '\0';
	buf_printf(&self, "/wijzigingen.atom%s%s", q.len ? "?" : "", q.len ? q.data : "");
	buf_printf(&alt, "/wijzigingen%s%s", q.len ? "?" : "", q.len ? q.data : "");

	const char *updated = "1970-01-01T00:00:00Z";
	for (int i = 0; i < n; i++)
		if (public_entity(rows[i].entity)) {
			updated = rfc3339(rows[i].at);
			break;
		}
	const struct atom_feed f = {
	    .id = arena_printf(r->arena, FEED_ID_PREFIX "wijzigingen%s%s", q.len ? "?" : "",
			       q.len ? q.data : ""),
	    .title = "Samenwerkingsatlas Provincie Utrecht — recente wijzigingen",
	    .subtitle = "Wijzigingen in het register van samenwerkingsverbanden, nieuwste eerst.",
	    .updated = updated,
	    .self = self.data,
	    .alternate = alt.data,
	    .author = "Samenwerkingsatlas Provincie Utrecht"};
	atom_begin(b, &f);
	for (int i = 0; i < n; i++) {
		const struct audit_row *a = &rows[i];
		if (!public_entity(a->entity))
			continue;
		if (a->batch_id > 0) {
			const char *heading = batch_heading(r, a->batch_changes, a->batch_title);
			const char *by = actor_text(a);
			const struct atom_entry be = {
			    .id = arena_printf(r->arena, FEED_ID_PREFIX "import:%lld",
					       (long long)a->batch_id),
			    .title = heading,
			    .updated = rfc3339(a->at),
			    .link = batch_href(r, a->batch_id),
			    .author = by,
			    .content = arena_printf(r->arena, "%s door %s.", heading, by)};
			atom_entry(b, &be);
			continue;
		}
		const char *name;
		const char *href = record_href(r, a, &name);
		struct buf content = BUF_INIT;
		diff_describe(&content, r->snap, a->entity, a->action, a->before, a->after);
		const char *actor = actor_text(a);
		const char *via = from_seed(a) ? NULL : via_label(a->via);
		buf_printf(&content, "Door: %s%s%s.", actor, via ? ", via " : "", via ? via : "");
		const char *what = diff_entity_label(a->entity);
		const struct atom_entry e = {
		    .id = arena_printf(r->arena, FEED_ID_PREFIX "wijziging:%lld", (long long)a->id),
		    .title = arena_printf(r->arena, "%c%s %s: %s",
					  what[0] >= 'a' && what[0] <= 'z' ? what[0] - 'a' + 'A'
									   : what[0],
					  what[0] ? what + 1 : "",
					  strcmp(a->action, "insert") == 0    ? "toegevoegd"
					  : strcmp(a->action, "delete") == 0  ? "verwijderd"
					  : strcmp(a->action, "confirm") == 0 ? "bevestigd"
									      : "gewijzigd",
					  name ? name : a->entity_key),
		    .updated = rfc3339(a->at),
		    .link = href,
		    .author = actor,
		    .content = content.data ? content.data : ""};
		atom_entry(b, &e);
		buf_free(&content);
	}
	atom_end(b);
	r->content_type = "application/atom+xml; charset=utf-8";
	buf_free(&q);
	buf_free(&self);
	buf_free(&alt);
	return 200;
}

/* ---- time travel ------------------------------------------------------------------ */

struct tt_hold {
	struct rm_shared *snap; /* the dated snapshot (app/readmodel.h) */
	const struct snapshot *prev;
	char date[11];
};

void *history_timetravel_begin(struct request *r, int *status)
{
	*status = 0;
	const char *v = req_param(r, "peildatum");
	if (str_empty(v))
		return NULL;
	const struct snapshot *s;
	struct rm_shared *held;
	const char *msg;
	int rc = readmodel_at(r->snap, v, &s, &held, &msg);
	if (rc == READMODEL_ERR_LOAD) {
		*status = respond_error(r, 500, "Interne fout", msg, NULL);
		return NULL;
	}
	if (rc != 0) {
		*status = respond_error(r, 400, "Ongeldige parameter", msg, "peildatum");
		return NULL;
	}
	struct tt_hold *h = arena_calloc(r->arena, 1, sizeof *h);
	h->snap = held;
	h->prev = r->snap;
	snprintf(h->date, sizeof h->date, "%s", v);
	r->snap = s;
	return h;
}

void history_timetravel_end(struct request *r, void *hold)
{
	struct tt_hold *h = hold;
	if (!h)
		return;
	r->snap = h->prev;
	rm_shared_release(h->snap);
}

void history_timetravel_notice(struct buf *b, const struct request *r, const void *hold)
{
	const struct tt_hold *h = hold;
	(void)r;
	if (!h)
		return;
	html_raw(b, "<div class=\"utrecht-alert atlas-notice\" role=\"status\"><p "
		    "class=\"utrecht-paragraph\"><strong>U bekijkt het register zoals het was op ");
	html_date_nl(b, h->date);
	html_raw(b, ".</strong> Welke samenwerkingsverbanden actief waren en wie deelnam, volgt "
		    "uit de start- en einddata en de data van toe- en uittreden. Namen, fasen en "
		    "andere gegevens zijn de huidige; ontbreekt een datum, dan telt het record als "
		    "bestaand. <a class=\"utrecht-link utrecht-link--html-a\" href=\"");
	html_attr(b, r->path);
	html_raw(b, "\">Terug naar vandaag</a>.</p></div>");
}

void history_timetravel_field(struct buf *b, const struct request *r)
{
	const char *v = req_param(r, "peildatum");
	html_raw(b, "<div class=\"utrecht-form-field atlas-timetravel\">"
		    "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" "
		    "for=\"peildatum\">Peildatum</label></div>"
		    "<div class=\"utrecht-form-field__description\" id=\"peildatum-uitleg\">"
		    "Toon het register zoals het op die dag was. Leeg: vandaag.</div>"
		    "<div class=\"utrecht-form-field__input\"><input class=\"utrecht-textbox "
		    "utrecht-textbox--html-input atlas-timetravel__input\" type=\"date\" "
		    "id=\"peildatum\" name=\"peildatum\" aria-describedby=\"peildatum-uitleg\" "
		    "value=\"");
	html_attr(b, str_empty(v) ? "" : v);
	html_raw(b, "\"></div></div>");
}

void history_timetravel_hidden(struct buf *b, const struct request *r)
{
	const char *v = req_param(r, "peildatum");
	if (str_empty(v))
		return;
	html_raw(b, "<input type=\"hidden\" name=\"peildatum\" value=\"");
	html_attr(b, v);
	html_raw(b, "\">");
}

void history_timetravel_query(struct buf *q, const struct request *r)
{
	const char *v = req_param(r, "peildatum");
	if (str_empty(v))
		return;
	url_arg(q, "peildatum");
	buf_putc(q, '=');
	url_arg(q, v);
	buf_putc(q, '&');
}
