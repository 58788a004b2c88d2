/*
 * kennis — GET /kennis: the landing page of the programme's knowledge line
 * ("Versterken kennispositie overheden"): indicators per gemeente, the
 * knowledge base, funding calls, and — for signed-in users — who knows
 * what. Public; the last card is a link only for signed-in users.
 */
#ifndef ATLAS_PAGES_KENNIS_H
#define ATLAS_PAGES_KENNIS_H

#include "../http/request.h"

int page_kennis(struct request *r);

#endif
