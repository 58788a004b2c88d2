/*
 * api_bijeenkomsten_agenda — agenda in samenspraak through the API (rules:
 * app/bijeenkomsten_agenda.h). What a token sees follows the pages: the
 * accepted programme for everyone, the proposals with their support for
 * the tokens of partner editors and province staff. An item names its
 * organisation, never a person.
 *
 *   GET   /api/v1/bijeenkomsten/{id}/agenda        the programme (and proposals)
 *   POST  /api/v1/bijeenkomsten/{id}/agendapunten  propose {"titel", "toelichting"}
 *                                                  (partner editor, before the start)
 *   GET   /api/v1/agendapunten/{id}                one item the token may see
 *   PATCH /api/v1/agendapunten/{id}                {"status", "volgorde", "tijd"}
 *                                                  (province staff)
 *   POST  /api/v1/agendapunten/{id}/steun          the token's user supports the item
 */
#ifndef ATLAS_API_BIJEENKOMSTEN_AGENDA_H
#define ATLAS_API_BIJEENKOMSTEN_AGENDA_H

#include "../http/request.h"

int api_bijeenkomst_agenda(struct request *r);
int api_bijeenkomst_agenda_propose(struct request *r);
int api_agendapunt_show(struct request *r);
int api_agendapunt_patch(struct request *r);
int api_agendapunt_support(struct request *r);

#endif
