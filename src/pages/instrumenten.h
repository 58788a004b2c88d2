/*
 * instrumenten — the pages of the instrument kit's requests (rules:
 * app/instrumenten.h); never cached (they show what the reader may see):
 *
 *   GET      /instrumenten                          the instruments, granted stimulus
 *                                                   contributions and lobby dossiers (public),
 *                                                   and the reader's requests
 *   GET/POST /instrumenten/nieuw[?soort=]           ask for an instrument
 *   GET      /instrumenten/{id}                     one request
 *   POST     /instrumenten/{id}/status              a decision or status change (staff)
 *   POST     /instrumenten/{id}/samenwerkingsverband link the collaboration (staff)
 *   POST     /instrumenten/{id}/steun               "Wij steunen dit dossier" (partner editor)
 */
#ifndef ATLAS_PAGES_INSTRUMENTEN_H
#define ATLAS_PAGES_INSTRUMENTEN_H

#include "../http/request.h"
#include "../http/router.h"
#include "../lib/buf.h"

extern const struct param_spec instrumenten_new_params[];

int page_instrumenten(struct request *r);
int page_instrument_new(struct request *r);
int page_instrument_show(struct request *r);
int page_instrument_status(struct request *r);
int page_instrument_collab(struct request *r);
int page_instrument_support(struct request *r);

/* On a collaboration page: the public stimulus contributions that helped
 * start it. */
void instrumenten_collab_section(struct buf *b, struct request *r, const char *collab_key);

#endif
