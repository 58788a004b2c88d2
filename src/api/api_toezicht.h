/*
 * api_toezicht — interbestuurlijk toezicht through the API
 * (/api/v1/toezicht/…): the domains with their labels, the established
 * assessments (public; filters domein, jaar, organisatie), and with a
 * supervisor's token also the concept and in-dialogue ones and the writes
 * (create, change status); an organisation's editors read and answer the
 * in-dialogue assessments of their own organisation. Also the GeoJSON
 * export of the public view (/toezicht.geojson).
 */
#ifndef ATLAS_API_TOEZICHT_H
#define ATLAS_API_TOEZICHT_H

#include "../http/request.h"

int api_toezicht_domains(struct request *r);
int api_toezicht_list(struct request *r);
int api_toezicht_show(struct request *r);
int api_toezicht_create(struct request *r);
int api_toezicht_move(struct request *r);
int api_toezicht_respond(struct request *r);
int api_toezicht_geojson(struct request *r);

#endif
