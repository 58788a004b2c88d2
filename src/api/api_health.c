/*
 * api_health — GET /api/v1/health and GET /gezondheid (see api_health.h).
 *
 * The probe runs on the request thread's own connection (store_thread)
 * with a 1-second lock timeout: "database bereikbaar" means this process
 * can read from it now. Migrations are current when the database's
 * PRAGMA user_version equals the number of migrations this binary has
 * (store_check_schema). The snapshot version is the data version of the
 * read model this request was served from; it follows the database within
 * about a second (server.c polls meta.data_version).
 *
 * Not here: deciding what a load balancer does with a 503 (its own
 * configuration, see docs/DEPLOYMENT.md).
 */
#include "api_health.h"
#include "../domain/model.h"
#include "../lib/log.h"
#include "../render/json.h"
#include "../store/store.h"
#include "../store/store_backup.h"

#include <stdio.h>
#include <string.h>

#define HEALTH_TIMEOUT_MS 1000

struct health {
	bool db_ok;	/* the trivial query answered */
	bool schema_ok; /* migrations current */
	struct store_health h;
	char why[256]; /* Dutch reason when not healthy */
};

static void probe(struct health *out)
{
	memset(out, 0, sizeof *out);
	struct store *s = store_thread();
	char err[256] = "";
	if (!s) {
		snprintf(out->why, sizeof out->why, "De database is niet bereikbaar.");
		return;
	}
	if (store_health(s, HEALTH_TIMEOUT_MS, &out->h, err, sizeof err) != STORE_OK) {
		/* the details (host, port, database name) go to the log only:
		 * this endpoint is public */
		log_error("health: %s", err);
		snprintf(out->why, sizeof out->why, "De database is niet bereikbaar.");
		return;
	}
	out->db_ok = true;
	if (store_check_schema(s, err, sizeof err) != STORE_OK) {
		snprintf(out->why, sizeof out->why, "Het databaseschema is niet actueel: %s", err);
		return;
	}
	out->schema_ok = true;
}

int api_health(struct request *r)
{
	struct health st;
	probe(&st);
	r->etag = NULL;
	if (!st.db_ok || !st.schema_ok)
		return respond_error(r, 503, "Niet beschikbaar", st.why, NULL);
	struct jw w;
	jw_init(&w, &r->out);
	jw_obj(&w);
	jw_kstr(&w, "status", "gezond");
	jw_kstr(&w, "versie", ATLAS_VERSION);
	jw_key(&w, "database");
	jw_obj(&w);
	jw_kbool(&w, "bereikbaar", true);
	jw_kint(&w, "schemaVersie", st.h.schema_version);
	jw_kint(&w, "schemaVerwacht", st.h.schema_expected);
	jw_kbool(&w, "migratiesActueel", true);
	jw_kint(&w, "dataVersie", (int64_t)st.h.data_version);
	jw_end(&w);
	jw_kint(&w, "snapshotVersie", r->snap ? (int64_t)r->snap->version : 0);
	jw_end(&w);
	r->content_type = "application/json";
	r->cache_control = "no-store";
	return 200;
}

int page_health(struct request *r)
{
	struct health st;
	probe(&st);
	r->etag = NULL;
	r->content_type = "text/plain; charset=utf-8";
	r->cache_control = "no-store";
	if (!st.db_ok || !st.schema_ok) {
		buf_printf(&r->out, "ongezond\nreden: %s\nversie: %s\n", st.why, ATLAS_VERSION);
		return 503;
	}
	buf_printf(&r->out,
		   "gezond\nversie: %s\ndatabase: bereikbaar\nschema: versie %d (actueel)\n"
		   "gegevens: versie %llu (getoond: versie %llu)\n",
		   ATLAS_VERSION, st.h.schema_version, (unsigned long long)st.h.data_version,
		   (unsigned long long)(r->snap ? r->snap->version : 0));
	return 200;
}
