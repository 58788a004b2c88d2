/*
 * currency (pages) — see currency.h.
 */
#include "currency.h"
#include "auth_ui.h"
#include "../app/currency.h"
#include "../lib/text.h"
#include "../render/components.h"
#include "../render/html.h"
#include "../render/layout.h"

void currency_table(struct buf *b, struct request *r, int limit, bool in_province,
		    const char *caption)
{
	const struct snapshot *s = r->snap;
	int n = 0;
	struct currency *all = app_currency_partners(r->arena, s, &n);
	static const struct comp_col cols[] = {{"Organisatie", false},
					       {"Gegevens", true},
					       {"Bevestigd in het afgelopen jaar", true},
					       {"Actueel", true},
					       {"Oudste bevestiging", false}};
	comp_table_open(b, caption, cols, 5);
	int shown = 0, records = 0, current = 0;
	for (int i = 0; i < n; i++) {
		const struct currency *c = &all[i];
		const struct organisation *o = &s->orgs[c->org];
		if (in_province && !o->in_province)
			continue;
		records += c->records;
		current += c->current;
		if (limit > 0 && shown >= limit)
			continue;
		shown++;
		comp_row_open(b);
		comp_th_open(b);
		comp_link_seg(b, "/organisaties", o->code, o->name);
		comp_th_close(b);
		comp_td_int(b, c->records);
		comp_td_int(b, c->current);
		comp_td_open(b, true);
		html_rawf(b, "%d\u00a0%%", app_currency_percent(c));
		comp_td_close(b);
		comp_td_date(b, c->oldest, "Nooit bevestigd");
		comp_row_close(b);
	}
	comp_row_open(b);
	comp_th_open(b);
	html_raw(b, limit > 0 ? "Totaal (alle partners)" : "Totaal");
	comp_th_close(b);
	comp_td_int(b, records);
	comp_td_int(b, current);
	comp_td_open(b, true);
	html_rawf(b, "%d\u00a0%%", records ? current * 100 / records : 0);
	comp_td_close(b);
	comp_td_text(b, NULL, "");
	comp_row_close(b);
	comp_table_close(b);
}

int page_currency(struct request *r)
{
	const struct snapshot *s = r->snap;
	struct buf *b = &r->out;
	r->etag = s->etag;
	const struct page_head h = {.title = "Actualiteit per partner", .nav = NAV_ADMIN};
	layout_begin(b, page_head_for(r, &h));
	html_raw(b,
		 "<h1 class=\"utrecht-heading-1\">Actualiteit per partner</h1>"
		 "<p class=\"utrecht-paragraph utrecht-paragraph--lead\">Hoe actueel zijn de "
		 "gegevens van elke partner? Per organisatie die deelneemt aan een "
		 "samenwerkingsverband: hoeveel van haar gegevens in het afgelopen jaar zijn "
		 "bevestigd. De minst actuele staan bovenaan.</p>"
		 "<p class=\"utrecht-paragraph\">De gegevens van een partner zijn: de organisatie "
		 "zelf, haar huidige deelnames en de actieve samenwerkingsverbanden waarvan zij "
		 "penvoerder is. Een gegeven is actueel als het in de afgelopen 12 maanden is "
		 "bevestigd, door de partner of door een bron.</p>");
	currency_table(b, r, 0, false, "Actualiteit per partner, minst actueel eerst");
	layout_end(b, s->stats.newest_confirmed);
	return 200;
}
