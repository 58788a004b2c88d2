/*
 * currency (pages) — how current each partner's data is (app/currency.h):
 * the table on the home page (the least current partners in the province)
 * and the page /actualiteit (every partner, least current first), so the
 * programme team can chase them.
 */
#ifndef ATLAS_PAGES_CURRENCY_H
#define ATLAS_PAGES_CURRENCY_H

#include "../http/request.h"

#include <stdbool.h>

/* The table of partners, least current first: at most limit rows (0 = all),
 * only those in the province when in_province. */
void currency_table(struct buf *b, struct request *r, int limit, bool in_province,
		    const char *caption);

int page_currency(struct request *r); /* GET /actualiteit */

#endif
