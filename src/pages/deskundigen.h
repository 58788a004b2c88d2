/*
 * Pages of "Wie weet wat" (app/deskundigen.h), for signed-in users only:
 *
 *   GET  /kennis/wie-weet-wat[?q=…&thema=…]          the experts, searchable
 *   GET  /kennis/wie-weet-wat/mijn-vermelding         one's own listing (form)
 *   POST /kennis/wie-weet-wat/mijn-vermelding         save it, with consent (CSRF)
 *   POST /kennis/wie-weet-wat/mijn-vermelding/verwijderen   remove it at once (CSRF)
 *
 * Never cached (personal data).
 */
#ifndef ATLAS_PAGES_DESKUNDIGEN_H
#define ATLAS_PAGES_DESKUNDIGEN_H

#include "../http/request.h"
#include "../http/router.h"

extern const struct param_spec deskundigen_params[];

int page_deskundigen(struct request *r);
int page_deskundige_mine(struct request *r);
int page_deskundige_remove(struct request *r);

#endif
