/*
 * Pages of personal data requests (/beheer/persoonsgegevens, administrators
 * only): look up what the atlas holds under an e-mail address, download it
 * as JSON, erase it. The address travels in a POST body only, never in a
 * URL (so not in logs or history).
 */
#ifndef ATLAS_PAGES_PERSOONSGEGEVENS_H
#define ATLAS_PAGES_PERSOONSGEGEVENS_H

#include "../http/request.h"

int page_persoonsgegevens(struct request *r);
int page_persoonsgegevens_post(struct request *r);

#endif
