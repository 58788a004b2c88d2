/*
 * api_health — the health check for load balancers and monitoring:
 * GET /api/v1/health (JSON) and GET /gezondheid (the same checks as plain
 * Dutch text). Healthy = the process answers, the database answers a
 * trivial query within a short timeout and its schema is the one this
 * binary expects. Never cached, no ETag.
 */
#ifndef ATLAS_API_HEALTH_H
#define ATLAS_API_HEALTH_H

#include "../http/request.h"

/* The program version reported by the health check; the build may pass
 * -DATLAS_VERSION="..." (e.g. from git describe). */
#ifndef ATLAS_VERSION
#define ATLAS_VERSION "dev"
#endif

int api_health(struct request *r);  /* GET /api/v1/health: 200 JSON or 503 problem+json */
int page_health(struct request *r); /* GET /gezondheid: 200 or 503, text/plain */

#endif
