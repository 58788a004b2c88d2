/*
 * bibliotheek — the pages of the knowledge base (rules: app/bibliotheek.h);
 * never cached (they show what the reader may see):
 *
 *   GET      /kennis/bibliotheek[?thema=&soort=&organisatie=&q=&pagina=]
 *                                              the items, newest first, with filters
 *   GET/POST /kennis/bibliotheek/nieuw         add an item (signed-in editor, staff)
 *   GET      /kennis/bibliotheek/{id}          one item
 *   GET/POST /kennis/bibliotheek/{id}/bewerken edit an item (its organisation's editor,
 *                                              staff)
 *   POST     /kennis/bibliotheek/{id}/verwijderen  remove it
 *
 * Sections for other pages: "In de bibliotheek" on the organisation and
 * collaboration pages (public items only: those pages are cached for
 * anonymous visitors, and every write of an item bumps the data version),
 * and the group "Bibliotheek" on /zoeken (per request, as the reader may
 * see).
 */
#ifndef ATLAS_PAGES_BIBLIOTHEEK_H
#define ATLAS_PAGES_BIBLIOTHEEK_H

#include "../http/request.h"
#include "../http/router.h"
#include "../lib/buf.h"

extern const struct param_spec bibliotheek_list_params[];

int page_bibliotheek(struct request *r);
int page_bibliotheek_new(struct request *r);
int page_bibliotheek_show(struct request *r);
int page_bibliotheek_edit(struct request *r);
int page_bibliotheek_delete(struct request *r);

/* "In de bibliotheek": the newest public items of or about organisation
 * code / related to collaboration key; nothing when there are none. */
void bibliotheek_org_section(struct buf *b, struct request *r, const char *code);
void bibliotheek_collab_section(struct buf *b, struct request *r, const char *key);

/* The group "Bibliotheek" of /zoeken for query q: the items the reader may
 * see that match, with a link to the full list; nothing when none match. */
void bibliotheek_search_section(struct buf *b, struct request *r, const char *q);

#endif
