/*
 * api_toezicht_ladder — the intervention ladder, its agreements and the
 * dialogue log of interbestuurlijk toezicht through the API
 * (/api/v1/toezicht/ladder, /afspraken, /dialoog). Public step records for
 * everyone; the rest only as app/toezicht_ladder.c allows the token's
 * user. Never cached.
 */
#ifndef ATLAS_API_TOEZICHT_LADDER_H
#define ATLAS_API_TOEZICHT_LADDER_H

#include "../http/request.h"

int api_toezicht_ladder_list(struct request *r);
int api_toezicht_ladder_create(struct request *r);
int api_toezicht_ladder_show(struct request *r);
int api_toezicht_ladder_end(struct request *r);
int api_toezicht_agreement_add(struct request *r);
int api_toezicht_agreement_save(struct request *r);
int api_toezicht_dialogue_list(struct request *r);
int api_toezicht_dialogue_create(struct request *r);

#endif
