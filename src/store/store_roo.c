/*
 * store_roo — the ROO import into the store, on either engine through the
 * db.h driver, in one transaction of store_tx.c; see store_roo.h. Parsing
 * the file is io/roo.c.
 *
 * Every record goes through one generic upsert (store_roo_upsert.c). Participations are collected
 * in a temporary table while streaming and resolved after the whole file is read, because a
 * participant may be a regeling that comes later. Then everything an earlier ROO import wrote and
 * this file no longer holds is ended with the file's date.
 */
#include "store_roo.h"

#include "../io/roo.h"
#include "store_internal.h"
#include "store_roo_internal.h"
#include "../domain/slug.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

const char *const roo_entity_names[ROO_E_COUNT] = {
    [ROO_E_ORG] = "organisaties", [ROO_E_COLLAB] = "samenwerkingsverbanden",
    [ROO_E_PART] = "deelnames",	  [ROO_E_PERSON] = "personen",
    [ROO_E_OFFICE] = "ambten",	  [ROO_E_SEAT] = "zetels",
};

/* --- organisations --- */

static const char *org_kind(const char *type, const char *tooi)
{
	char t[256];
	store_roo_lower(t, sizeof t, type);
	if (strcmp(t, "gemeente") == 0 || strstr(tooi, "/tooi/id/gemeente/"))
		return "municipality";
	if (strcmp(t, "provincie") == 0 || strstr(tooi, "/tooi/id/provincie/"))
		return "province";
	if (strcmp(t, "waterschap") == 0 || strstr(tooi, "/tooi/id/waterschap/"))
		return "water_board";
	if (strstr(t, "samenwerkingsorgaan"))
		return "joint_arrangement_body";
	if (strstr(t, "ministerie") || strstr(tooi, "/tooi/id/ministerie/"))
		return "national";
	return "other";
}

/* The organisation for a ROO reference: by systeemId, TOOI id, then code. */
static int64_t find_org(struct imp *im, const char *sid, const char *tooi)
{
	int64_t id = 0;
	if (sid[0])
		id = store_roo_find_id(
		    im->s,
		    "SELECT id FROM organisation WHERE roo_system_id = ? AND roo_system_id <> ''",
		    sid, NULL);
	if (id == 0 && tooi[0])
		id = store_roo_find_id(
		    im->s, "SELECT id FROM organisation WHERE tooi = ? AND tooi <> ''", tooi, NULL);
	if (id == 0 && tooi[0]) {
		char code[64];
		store_roo_tooi_code(tooi, code, sizeof code);
		if (code[0])
			id = store_roo_find_id(im->s, "SELECT id FROM organisation WHERE code = ?",
					       code, NULL);
	}
	return id;
}

static void org_code_of(struct imp *im, int64_t id, char *out, size_t n)
{
	db_stmt *st = store_stmt(im->s, "SELECT code FROM organisation WHERE id = ?");
	out[0] = '\0';
	if (!st)
		return;
	db_bind_int64(st, 1, id);
	if (db_step(st) == DB_ROW)
		snprintf(out, n, "%s", store_col_text(st, 0));
	db_reset(st);
}

/* Upsert an organisation. New rows get a code from the TOOI id or
 * "roo-<systeemId>". A row from another source (e.g. the seed) keeps its
 * name and kind; only the link and empty dates are filled. */
static int put_org(struct imp *im, const char *sid, const char *tooi, const char *name,
		   const char *kind, const char *from, const char *to, int64_t collab_id,
		   int64_t *out, char *err, size_t el)
{
	int64_t id = find_org(im, sid, tooi);
	if (id < 0)
		return store_db_fail(im->s, "organisatie zoeken", err, el);
	/* rows the ROO import created (its source) follow the ROO; others
	 * (the seed, edits) are linked but keep their name and kind */
	db_stmt *os = store_stmt(im->s, "SELECT source_id FROM organisation WHERE id = ?");
	bool linked = false;
	if (id && os) {
		db_bind_int64(os, 1, id);
		linked = db_step(os) == DB_ROW && db_column_int64(os, 0) == im->source_id;
		db_reset(os);
	}
	struct rec r = {.table = "organisation", .entity = "organisation"};
	char code[81];
	if (id)
		org_code_of(im, id, code, sizeof code);
	else {
		char base[64];
		store_roo_tooi_code(tooi, base, sizeof base);
		if (!base[0])
			snprintf(base, sizeof base, "roo-%s", sid[0] ? sid : "0");
		store_roo_unique_key(im->s, "organisation", "code", base, sid, code, sizeof code);
	}
	snprintf(r.key, sizeof r.key, "%s", code);
	if (!id) {
		store_roo_rec_add(&r, "code", code);
		store_roo_rec_add(&r, "kind", kind);
		store_roo_rec_addi(&r, "source_id", im->source_id);
	}
	store_roo_rec_add(&r, "roo_system_id", sid);
	if (tooi[0])
		store_roo_rec_add(&r, "tooi", tooi);
	if (!id || linked) {
		store_roo_rec_add(&r, "name", name);
		store_roo_rec_add(&r, "valid_from", from);
		store_roo_rec_add(&r, "valid_to", to);
		store_roo_rec_addi(&r, "ended", to[0] && im->date[0] && strcmp(to, im->date) <= 0);
	} else {
		store_roo_rec_add(&r, "valid_from", from);
		r.keep[r.n - 1] = true;
	}
	if (collab_id > 0) {
		store_roo_rec_addi(&r, "collaboration_id", collab_id);
		r.keep[r.n - 1] = true;
	}
	int rc = store_roo_upsert(im, &r, id, ROO_E_ORG, false, out, err, el);
	store_roo_rec_free(&r);
	if (rc == STORE_OK && store_roo_mark_seen(im, 'o', *out))
		return store_db_fail(im->s, "ROO-import", err, el);
	return rc;
}

/* --- people --- */

static const char *office_kind(const char *fname, const char *org_kind_code)
{
	char t[256];
	store_roo_lower(t, sizeof t, fname);
	if (strstr(t, "commissaris van de koning"))
		return "cdk";
	if (strstr(t, "burgemeester") && !strstr(t, "loco"))
		return "burgemeester";
	if (strstr(t, "wethouder"))
		return "wethouder";
	if (strstr(t, "gedeputeerde"))
		return "gedeputeerde";
	if (strstr(t, "dijkgraaf"))
		return "dijkgraaf";
	if (strstr(t, "heemraad"))
		return "heemraad";
	if (strstr(t, "statenlid") || strstr(t, "lid provinciale staten"))
		return "statenlid";
	if (strstr(t, "raadslid") || strstr(t, "lid gemeenteraad") || strstr(t, "lid van de raad"))
		return "raadslid";
	if (strstr(t, "algemeen bestuur") && strcmp(org_kind_code, "water_board") == 0)
		return "ab-lid-waterschap";
	return NULL; /* officials and other functions are not imported */
}

static const char *seat_body(const char *fname)
{
	char t[256];
	store_roo_lower(t, sizeof t, fname);
	if (strstr(t, "voorzitter") && !strstr(t, "vice"))
		return "voorzitter";
	if (strstr(t, "dagelijks bestuur"))
		return "dagelijks-bestuur";
	if (strstr(t, "algemeen bestuur"))
		return "algemeen-bestuur";
	if (strstr(t, "portefeuillehoudersoverleg"))
		return "portefeuillehoudersoverleg";
	if (strstr(t, "adviescommissie"))
		return "adviescommissie";
	if (strstr(t, "bestuur"))
		return "bestuur";
	return NULL;
}

static int put_person(struct imp *im, const struct roo_person *m, int64_t *out, char *err,
		      size_t el)
{
	int64_t id = store_roo_find_id(
	    im->s, "SELECT id FROM person WHERE roo_system_id = ? AND roo_system_id <> ''", m->sid,
	    NULL);
	if (id < 0)
		return store_db_fail(im->s, "persoon zoeken", err, el);
	if (id && store_roo_seen(im, 'p', id)) {
		*out = id;
		return STORE_OK;
	}
	struct rec r = {.table = "person", .entity = "person"};
	if (!id) {
		char base[81], key[81];
		slug_make(m->name, 60, "roo", base, sizeof base);
		store_roo_unique_key(im->s, "person", "key", base, m->sid, key, sizeof key);
		snprintf(r.key, sizeof r.key, "%s", key);
		store_roo_rec_add(&r, "key", key);
		store_roo_rec_add(&r, "roo_system_id", m->sid);
	} else {
		db_stmt *st = store_stmt(im->s, "SELECT key FROM person WHERE id = ?");
		if (st) {
			db_bind_int64(st, 1, id);
			if (db_step(st) == DB_ROW)
				snprintf(r.key, sizeof r.key, "%s", store_col_text(st, 0));
			db_reset(st);
		}
	}
	store_roo_rec_add(&r, "name", m->name);
	store_roo_rec_add(&r, "party", m->party);
	int rc = store_roo_upsert(im, &r, id, ROO_E_PERSON, false, out, err, el);
	store_roo_rec_free(&r);
	if (rc == STORE_OK && store_roo_mark_seen(im, 'p', *out))
		return store_db_fail(im->s, "ROO-import", err, el);
	return rc;
}

/* Offices (org_id > 0) or seats (collab_id > 0) for the functies. */
static int put_functions(struct imp *im, const struct roo_function *fs, int nf, int64_t org_id,
			 const char *okind, int64_t collab_id, const char *ckey, char *err,
			 size_t el)
{
	for (int i = 0; i < nf; i++) {
		const struct roo_function *f = &fs[i];
		const char *kind = collab_id ? seat_body(f->name) : office_kind(f->name, okind);
		if (!kind || (collab_id && org_id <= 0)) {
			im->rep->skipped_functions++;
			continue;
		}
		for (int j = 0; j < f->npeople; j++) {
			const struct roo_person *m = &f->people[j];
			if (!m->name[0] || !m->sid[0])
				continue;
			int64_t pid;
			if (put_person(im, m, &pid, err, el))
				return STORE_ERR;
			char rid[64];
			snprintf(rid, sizeof rid, "%s/%s", f->sid, m->sid);
			const char *table = collab_id ? "seat" : "office";
			char sql[96];
			snprintf(
			    sql, sizeof sql,
			    "SELECT id FROM %s WHERE roo_system_id = ? AND roo_system_id <> ''",
			    table);
			int64_t id = store_roo_find_id(im->s, sql, rid, NULL);
			if (id < 0)
				return store_db_fail(im->s, "zetel zoeken", err, el);
			struct rec r = {.table = table, .entity = table};
			store_roo_rec_add(&r, "roo_system_id", rid);
			store_roo_rec_addi(&r, "person_id", pid);
			store_roo_rec_addi(&r, "organisation_id", org_id);
			if (collab_id) {
				store_roo_rec_addi(&r, "collaboration_id", collab_id);
				store_roo_rec_add(&r, "body", kind);
			} else {
				store_roo_rec_add(&r, "kind", kind);
				store_roo_rec_add(&r, "portfolio", "");
				r.keep[r.n - 1] = true;
			}
			store_roo_rec_add(&r, "from_date", m->from);
			store_roo_rec_add(&r, "to_date", m->to);
			int64_t out;
			int rc = store_roo_upsert(im, &r, id, collab_id ? ROO_E_SEAT : ROO_E_OFFICE,
						  false, &out, err, el);
			/* the audit key: the id, as the people store does */
			(void)ckey;
			store_roo_rec_free(&r);
			if (rc)
				return rc;
			if (store_roo_mark_seen(im, collab_id ? 's' : 'f', out))
				return store_db_fail(im->s, "ROO-import", err, el);
		}
	}
	return STORE_OK;
}

/* --- callbacks --- */

static int on_header(void *ctx, const struct roo_header *h, char *err, size_t el)
{
	struct imp *im = ctx;
	snprintf(im->rep->timestamp, sizeof im->rep->timestamp, "%s", h->timestamp);
	snprintf(im->rep->version, sizeof im->rep->version, "%s", h->version);
	snprintf(im->source, sizeof im->source, "ROO-export %s",
		 h->timestamp[0] ? h->timestamp : "(zonder tijdstempel)");
	if (h->date[0]) {
		snprintf(im->date, sizeof im->date, "%s", h->date);
	} else {
		time_t now = time(NULL);
		struct tm tm;
		gmtime_r(&now, &tm);
		strftime(im->date, sizeof im->date, "%Y-%m-%d", &tm);
	}
	db_stmt *st = store_stmt(
	    im->s,
	    "INSERT INTO source (key, title, publisher, url, reference_date, retrieved, note) "
	    "VALUES (?1, 'Register van Overheidsorganisaties (export)', "
	    "'KOOP / Ministerie van BZK', "
	    "'https://organisaties.overheid.nl/archive/exportOO.xml', ?2, ?2, "
	    "'Ingelezen met atlas import roo') "
	    "ON CONFLICT(key) DO UPDATE SET reference_date = excluded.reference_date "
	    "WHERE source.reference_date < excluded.reference_date");
	if (!st)
		return store_db_fail(im->s, "bron vastleggen", err, el);
	db_bind_text(st, 1, SOURCE_KEY, -1, DB_STATIC);
	db_bind_text(st, 2, im->date, -1, DB_TRANSIENT);
	if (store_step_done(im->s, st, "bron vastleggen", err, el))
		return STORE_ERR;
	im->source_id =
	    store_roo_find_id(im->s, "SELECT id FROM source WHERE key = ?", SOURCE_KEY, NULL);
	return im->source_id > 0 ? STORE_OK : store_db_fail(im->s, "bron vastleggen", err, el);
}

static int on_org(void *ctx, const struct roo_org *o, char *err, size_t el)
{
	struct imp *im = ctx;
	im->rep->records++;
	if (!o->sid[0]) {
		snprintf(err, el, "organisatie '%.80s' zonder systeemId", o->name);
		return STORE_ERR_INVALID;
	}
	const char *kind = org_kind(o->type, o->tooi);
	int64_t id;
	if (put_org(im, o->sid, o->tooi, o->name, kind, o->from, o->to, 0, &id, err, el))
		return STORE_ERR;
	return put_functions(im, o->functions, o->nfunctions, id, kind, 0, NULL, err, el);
}

/* The beleidsterreinen of g without a domain, "; "-joined, into out. */
static void unknown_terms(struct imp *im, const struct roo_regeling *g, char *out, size_t n)
{
	out[0] = '\0';
	for (int i = 0; i < g->nterms; i++) {
		const char *key = store_roo_map_find(&im->map, g->terms[i]);
		if (key &&
		    store_roo_find_id(im->s, "SELECT id FROM domain WHERE key = ?", key, NULL) > 0)
			continue;
		store_roo_report_unknown(im->rep, g->terms[i]);
		size_t u = strlen(out);
		snprintf(out + u, n - u, "%s%s", u ? "; " : "", g->terms[i]);
	}
}

/* Make the domains of collaboration cid those mapped from g's terms;
 * *changed tells whether they differed (have/want: the id lists). */
static int set_domains(struct imp *im, int64_t cid, const struct roo_regeling *g, bool *changed,
		       char *have, char *want, size_t n, char *err, size_t el)
{
	db_stmt *st = store_stmt(im->s, "DELETE FROM roo_dom");
	if (!st || store_step_done(im->s, st, "domeinen", err, el))
		return STORE_ERR;
	for (int i = 0; i < g->nterms; i++) {
		const char *key = store_roo_map_find(&im->map, g->terms[i]);
		int64_t did =
		    key ? store_roo_find_id(im->s, "SELECT id FROM domain WHERE key = ?", key, NULL)
			: 0;
		if (did <= 0)
			continue;
		st =
		    store_stmt(im->s, "INSERT INTO roo_dom (id) VALUES (?) ON CONFLICT DO NOTHING");
		if (!st)
			return store_db_fail(im->s, "domeinen", err, el);
		db_bind_int64(st, 1, did);
		if (store_step_done(im->s, st, "domeinen", err, el))
			return STORE_ERR;
	}
	st = store_stmt(im->s, "SELECT (SELECT group_concat(k, ';') FROM (SELECT d.key AS k FROM "
			       "roo_dom x JOIN domain d ON d.id = x.id ORDER BY d.key) AS ks), "
			       "(SELECT group_concat(k, ';') FROM (SELECT d.key AS k FROM "
			       "collaboration_domain cd JOIN domain d ON d.id = cd.domain_id WHERE "
			       "cd.collaboration_id = ? ORDER BY d.key) AS ks)");
	if (!st)
		return store_db_fail(im->s, "domeinen", err, el);
	db_bind_int64(st, 1, cid);
	want[0] = have[0] = '\0';
	if (db_step(st) == DB_ROW) {
		snprintf(want, n, "%s", store_col_text(st, 0));
		snprintf(have, n, "%s", store_col_text(st, 1));
	}
	db_reset(st);
	*changed = strcmp(want, have) != 0;
	if (!*changed)
		return STORE_OK;
	st = store_stmt(im->s, "DELETE FROM collaboration_domain WHERE collaboration_id = ?");
	if (!st)
		return store_db_fail(im->s, "domeinen", err, el);
	db_bind_int64(st, 1, cid);
	if (store_step_done(im->s, st, "domeinen", err, el))
		return STORE_ERR;
	st = store_stmt(im->s, "INSERT INTO collaboration_domain (collaboration_id, domain_id) "
			       "SELECT ?, id FROM roo_dom");
	if (!st)
		return store_db_fail(im->s, "domeinen", err, el);
	db_bind_int64(st, 1, cid);
	return store_step_done(im->s, st, "domeinen", err, el);
}

static int64_t find_collab(struct imp *im, const char *sid, const char *tooi)
{
	int64_t id = 0;
	if (sid[0])
		id = store_roo_find_id(
		    im->s,
		    "SELECT id FROM collaboration WHERE roo_system_id = ? AND roo_system_id <> ''",
		    sid, NULL);
	if (id == 0 && tooi[0])
		id = store_roo_find_id(im->s,
				       "SELECT id FROM collaboration WHERE tooi = ? AND tooi <> ''",
				       tooi, NULL);
	return id;
}

static int on_regeling(void *ctx, const struct roo_regeling *g, char *err, size_t el)
{
	struct imp *im = ctx;
	im->rep->records++;
	if (!g->sid[0]) {
		snprintf(err, el, "regeling '%.80s' zonder systeemId", g->title);
		return STORE_ERR_INVALID;
	}
	int64_t id = find_collab(im, g->sid, g->tooi);
	if (id < 0)
		return store_db_fail(im->s, "regeling zoeken", err, el);
	struct rec r = {.table = "collaboration", .entity = "collaboration"};
	if (!id) {
		char base[81], key[81];
		slug_make(g->title, 60, "roo", base, sizeof base);
		store_roo_unique_key(im->s, "collaboration", "key", base, g->sid, key, sizeof key);
		snprintf(r.key, sizeof r.key, "%s", key);
		store_roo_rec_add(&r, "key", key);
		store_roo_rec_add(&r, "kind", "joint_arrangement");
		store_roo_rec_addi(&r, "source_id", im->source_id);
	} else {
		db_stmt *st = store_stmt(im->s, "SELECT key FROM collaboration WHERE id = ?");
		if (st) {
			db_bind_int64(st, 1, id);
			if (db_step(st) == DB_ROW)
				snprintf(r.key, sizeof r.key, "%s", store_col_text(st, 0));
			db_reset(st);
		}
	}
	char unknown[2048], have[1024], want[1024];
	bool dom_changed = false;
	unknown_terms(im, g, unknown, sizeof unknown);
	store_roo_rec_add(&r, "roo_system_id", g->sid);
	store_roo_rec_add(&r, "tooi", g->tooi);
	store_roo_rec_add(&r, "name", g->title);
	store_roo_rec_add(&r, "short_name", g->short_name);
	store_roo_rec_add(&r, "legal_form", g->legal_form);
	store_roo_rec_add(&r, "powers", g->powers);
	store_roo_rec_add(&r, "purpose", g->purpose ? g->purpose : "");
	store_roo_rec_add(&r, "start_date", g->from);
	store_roo_rec_add(&r, "end_date", g->to);
	store_roo_rec_add(&r, "roo_previous", g->previous.sid);
	store_roo_rec_add(&r, "roo_next", g->next.sid);
	store_roo_rec_add(&r, "roo_bronhouder", g->bronhouder.sid[0] ? g->bronhouder.name : "");
	store_roo_rec_add(&r, "roo_terms", unknown);
	int64_t cid;
	int unchanged_before = im->rep->unchanged[ROO_E_COLLAB];
	int rc = store_roo_upsert(im, &r, id, ROO_E_COLLAB, false, &cid, err, el);
	if (rc)
		goto out;
	rc = set_domains(im, cid, g, &dom_changed, have, want, sizeof have, err, el);
	if (rc)
		goto out;
	if (dom_changed && id) {
		/* the domains alone changed: count and audit it as a change */
		if (im->rep->unchanged[ROO_E_COLLAB] > unchanged_before) {
			im->rep->unchanged[ROO_E_COLLAB]--;
			im->rep->changed[ROO_E_COLLAB]++;
		}
		json_t *b = json_pack("{s:s}", "domains", have);
		json_t *a = json_pack("{s:s}", "domains", want);
		char *bs = json_dumps(b, JSON_COMPACT), *as = json_dumps(a, JSON_COMPACT);
		rc = store_audit_write(im->s, ACTOR, VIA, im->source, "update", "collaboration",
				       r.key, bs, as);
		free(bs);
		free(as);
		json_decref(b);
		json_decref(a);
		if (rc) {
			rc = store_db_fail(im->s, "ROO-import: audit", err, el);
			goto out;
		}
	}
	if (store_roo_mark_seen(im, 'c', cid)) {
		rc = store_db_fail(im->s, "ROO-import", err, el);
		goto out;
	}
	/* the body that carries out the regeling (regionaal samenwerkingsorgaan) */
	int64_t body = 0;
	if (g->body.sid[0] || g->body.tooi[0]) {
		body = find_org(im, g->body.sid, g->body.tooi);
		if (body > 0) {
			db_stmt *st = store_stmt(im->s, "UPDATE organisation SET collaboration_id "
							"= ? WHERE id = ? AND collaboration_id "
							"IS NULL");
			if (!st) {
				rc = store_db_fail(im->s, "samenwerkingsorgaan", err, el);
				goto out;
			}
			db_bind_int64(st, 1, cid);
			db_bind_int64(st, 2, body);
			if ((rc = store_step_done(im->s, st, "samenwerkingsorgaan", err, el)))
				goto out;
		}
	}
	/* participations are resolved after the whole file (a participant may be
	 * a regeling further on) */
	for (int i = 0; i < g->nparts; i++) {
		const struct roo_participant *p = &g->parts[i];
		db_stmt *st = store_stmt(
		    im->s, "INSERT INTO roo_part (collaboration_id, sid, tooi, name, joined, "
			   "share, body) VALUES (?, ?, ?, ?, ?, ?, ?)");
		if (!st) {
			rc = store_db_fail(im->s, "deelnemers", err, el);
			goto out;
		}
		db_bind_int64(st, 1, cid);
		db_bind_text(st, 2, p->sid, -1, DB_STATIC);
		db_bind_text(st, 3, p->tooi, -1, DB_STATIC);
		db_bind_text(st, 4, p->name, -1, DB_STATIC);
		db_bind_text(st, 5, p->joined, -1, DB_STATIC);
		if (p->has_share)
			db_bind_double(st, 6, p->share);
		db_bind_text(st, 7, p->body, -1, DB_STATIC);
		if ((rc = store_step_done(im->s, st, "deelnemers", err, el)))
			goto out;
	}
	rc = put_functions(im, g->functions, g->nfunctions, body, "", cid, r.key, err, el);
out:
	store_roo_rec_free(&r);
	return rc;
}

/* --- after the file --- */

static const char *body_code(const char *name)
{
	char t[256];
	store_roo_lower(t, sizeof t, name);
	if (strstr(t, "algemeen bestuur"))
		return "algemeen_bestuur";
	if (strstr(t, "college") || strstr(t, "gedeputeerde staten") ||
	    strstr(t, "dagelijks bestuur"))
		return "college";
	if (strstr(t, "burgemeester"))
		return "burgemeester";
	if (strstr(t, "raad") || strstr(t, "staten"))
		return "raad";
	return "";
}

/*
 * An existing organisation that this file refers to as a participant (and
 * that put_org did not visit): it is in the file, so it is seen — else
 * end_missing would end, on every later run, the organisations an earlier
 * run created for references. One of the ROO's own (roo_system_id set)
 * counts as unchanged, once per run.
 */
static int reference_seen(struct imp *im, int64_t id, char *err, size_t el)
{
	if (id <= 0 || store_roo_seen(im, 'o', id))
		return STORE_OK;
	if (store_roo_mark_seen(im, 'o', id))
		return store_db_fail(im->s, "ROO-import", err, el);
	int64_t own = store_roo_find_id_int(
	    im->s, "SELECT id FROM organisation WHERE id = ? AND roo_system_id <> ''", id);
	if (own < 0)
		return store_db_fail(im->s, "organisatie zoeken", err, el);
	if (own > 0)
		im->rep->unchanged[ROO_E_ORG]++;
	return STORE_OK;
}

/* The organisation standing for a participant that is itself a regeling. */
static int regeling_org(struct imp *im, int64_t cid, int64_t *out, char *err, size_t el)
{
	*out = store_roo_find_id_int(
	    im->s, "SELECT id FROM organisation WHERE collaboration_id = ? ORDER BY id", cid);
	if (*out)
		return *out > 0 ? reference_seen(im, *out, err, el) : STORE_ERR;
	char sid[24] = "", name[256] = "";
	db_stmt *st =
	    store_stmt(im->s, "SELECT roo_system_id, name FROM collaboration WHERE id = ?");
	if (!st)
		return store_db_fail(im->s, "regeling als deelnemer", err, el);
	db_bind_int64(st, 1, cid);
	if (db_step(st) == DB_ROW) {
		snprintf(sid, sizeof sid, "%s", store_col_text(st, 0));
		snprintf(name, sizeof name, "%s", store_col_text(st, 1));
	}
	db_reset(st);
	char rsid[32];
	snprintf(rsid, sizeof rsid, "gr%s", sid);
	return put_org(im, rsid, "", name, "joint_arrangement_body", "", "", cid, out, err, el);
}

static int resolve_parts(struct imp *im, char *err, size_t el)
{
	db_stmt *q;
	if (db_prepare(im->s,
		       "SELECT p.collaboration_id, p.sid, p.tooi, p.name, p.joined, p.share, "
		       "p.body, c.key FROM roo_part p JOIN collaboration c ON c.id = "
		       "p.collaboration_id ORDER BY p.seq",
		       &q) != DB_OK)
		return store_db_fail(im->s, "deelnemers", err, el);
	int rc = STORE_OK;
	while (rc == STORE_OK && db_step(q) == DB_ROW) {
		int64_t cid = db_column_int64(q, 0);
		char sid[24], tooi[256], name[256], joined[11], body[256], ckey[81];
		snprintf(sid, sizeof sid, "%s", store_col_text(q, 1));
		snprintf(tooi, sizeof tooi, "%s", store_col_text(q, 2));
		snprintf(name, sizeof name, "%s", store_col_text(q, 3));
		snprintf(joined, sizeof joined, "%s", store_col_text(q, 4));
		bool has_share = db_column_type(q, 5) != DB_NULL;
		double share = db_column_double(q, 5);
		snprintf(body, sizeof body, "%s", store_col_text(q, 6));
		snprintf(ckey, sizeof ckey, "%s", store_col_text(q, 7));
		int64_t oid = find_org(im, sid, tooi);
		if (oid > 0 && (rc = reference_seen(im, oid, err, el)))
			break;
		if (oid == 0) {
			int64_t pc = find_collab(im, sid, tooi);
			if (pc > 0)
				rc = regeling_org(im, pc, &oid, err, el);
			else
				rc = put_org(im, sid, tooi, name[0] ? name : sid,
					     org_kind("", tooi), "", "", 0, &oid, err, el);
			if (rc)
				break;
		}
		if (oid < 0) {
			rc = store_db_fail(im->s, "deelnemer zoeken", err, el);
			break;
		}
		db_stmt *st = store_stmt(im->s, "SELECT id FROM participation WHERE "
						"collaboration_id = ? AND organisation_id = ? "
						"ORDER BY left_on <> '', id");
		if (!st) {
			rc = store_db_fail(im->s, "deelname zoeken", err, el);
			break;
		}
		db_bind_int64(st, 1, cid);
		db_bind_int64(st, 2, oid);
		int64_t id = 0;
		while (db_step(st) == DB_ROW) {
			int64_t cand = db_column_int64(st, 0);
			if (!store_roo_seen(im, 'd', cand)) {
				id = cand;
				break;
			}
		}
		db_reset(st);
		char code[81];
		org_code_of(im, oid, code, sizeof code);
		struct rec r = {.table = "participation", .entity = "participation"};
		snprintf(r.key, sizeof r.key, "%s/%s%s%s", ckey, code, joined[0] ? "/" : "",
			 joined);
		if (!id) {
			store_roo_rec_addi(&r, "collaboration_id", cid);
			store_roo_rec_addi(&r, "organisation_id", oid);
			store_roo_rec_add(&r, "role", "deelnemer");
			store_roo_rec_addi(&r, "source_id", im->source_id);
		}
		store_roo_rec_add(&r, "body", body_code(body));
		if (has_share)
			store_roo_rec_addf(&r, "cost_share", share);
		else
			store_roo_rec_add(&r, "cost_share", NULL);
		store_roo_rec_add(&r, "joined", joined);
		store_roo_rec_add(&r, "left_on", "");
		int64_t out;
		rc = store_roo_upsert(im, &r, id, ROO_E_PART, false, &out, err, el);
		store_roo_rec_free(&r);
		if (rc == STORE_OK && store_roo_mark_seen(im, 'd', out))
			rc = store_db_fail(im->s, "ROO-import", err, el);
	}
	db_finalize(q);
	return rc;
}

/* End every row of table that an earlier ROO import wrote and this file
 * does not hold: set col to the file's date (or, with flag_col, also 1). */
static int end_missing(struct imp *im, const char *table, char kind, const char *where,
		       const char *col, const char *flag_col, int ekind, const char *keysql,
		       char *err, size_t el)
{
	char sql[800];
	snprintf(sql, sizeof sql,
		 "SELECT t.id, %s FROM %s t WHERE %s AND t.%s = '' AND NOT EXISTS (SELECT 1 FROM "
		 "roo_seen s WHERE s.kind = '%c' AND s.id = t.id)",
		 keysql, table, where, col, kind);
	db_stmt *q;
	if (db_prepare(im->s, sql, &q) != DB_OK)
		return store_db_fail(im->s, "beëindigen", err, el);
	int rc = STORE_OK;
	/* collect first: updating while stepping the same table is unsafe */
	int64_t *ids = NULL;
	char **keys = NULL;
	int n = 0, cap = 0;
	while (db_step(q) == DB_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			ids = realloc(ids, (size_t)cap * sizeof *ids);
			keys = realloc(keys, (size_t)cap * sizeof *keys);
			if (!ids || !keys)
				abort();
		}
		ids[n] = db_column_int64(q, 0);
		keys[n] = strdup(store_col_text(q, 1));
		n++;
	}
	db_finalize(q);
	for (int i = 0; i < n && rc == STORE_OK; i++) {
		struct rec r = {.table = table, .entity = table};
		snprintf(r.key, sizeof r.key, "%s", keys[i]);
		store_roo_rec_add(&r, col, im->date);
		if (flag_col)
			store_roo_rec_addi(&r, flag_col, 1);
		int64_t out;
		rc = store_roo_upsert(im, &r, ids[i], ekind, true, &out, err, el);
		store_roo_rec_free(&r);
	}
	for (int i = 0; i < n; i++)
		free(keys[i]);
	free(ids);
	free(keys);
	return rc;
}

static int end_all_missing(struct imp *im, char *err, size_t el)
{
	if (end_missing(im, "collaboration", 'c', "t.roo_system_id <> ''", "end_date", NULL,
			ROO_E_COLLAB, "t.key", err, el))
		return STORE_ERR;
	if (end_missing(im, "organisation", 'o', "t.roo_system_id <> ''", "valid_to", "ended",
			ROO_E_ORG, "t.code", err, el))
		return STORE_ERR;
	if (end_missing(im, "participation", 'd',
			"t.collaboration_id IN (SELECT id FROM collaboration WHERE roo_system_id "
			"<> '')",
			"left_on", NULL, ROO_E_PART,
			"(SELECT c.key || '/' || o.code || CASE WHEN t.joined <> '' THEN '/' || "
			"t.joined ELSE '' END FROM collaboration c, organisation o WHERE c.id = "
			"t.collaboration_id AND o.id = t.organisation_id)",
			err, el))
		return STORE_ERR;
	if (end_missing(im, "seat", 's', "t.roo_system_id <> ''", "to_date", NULL, ROO_E_SEAT,
			"CAST(t.id AS TEXT)", err, el))
		return STORE_ERR;
	if (end_missing(im, "office", 'f', "t.roo_system_id <> ''", "to_date", NULL, ROO_E_OFFICE,
			"CAST(t.id AS TEXT)", err, el))
		return STORE_ERR;
	return STORE_OK;
}

int store_roo_report_changes(const struct roo_report *rep)
{
	int n = 0;
	for (int i = 0; i < ROO_E_COUNT; i++)
		n += rep->added[i] + rep->changed[i] + rep->ended[i];
	return n;
}

void store_roo_report_free(struct roo_report *rep)
{
	for (int i = 0; i < rep->nunknown; i++)
		free(rep->unknown_terms[i]);
	free(rep->unknown_terms);
	free(rep->unknown_counts);
	rep->unknown_terms = NULL;
	rep->unknown_counts = NULL;
	rep->nunknown = rep->ucap = 0;
}

int store_roo_import(struct store *s, const char *path, const char *map_csv, bool dry_run,
		     bool progress, struct roo_report *rep, char *err, size_t errlen)
{
	struct imp im = {.s = s, .rep = rep};
	int rc = STORE_ERR;
	bool in_tx = false;
	if (store_roo_map_load(&im.map, map_csv) != 0) {
		store_set_err(err, errlen, "%s: tabel beleidsterreinen niet te lezen", map_csv);
		return STORE_ERR_INVALID;
	}
	/* roo_part keeps file order in seq (an identity column on PostgreSQL) */
	if (store_exec(
		s,
		db_engine(s) == DB_PG
		    ? "CREATE TEMP TABLE IF NOT EXISTS roo_seen (kind TEXT NOT NULL, id "
		      "BIGINT NOT NULL, PRIMARY KEY (kind, id));"
		      "CREATE TEMP TABLE IF NOT EXISTS roo_part (seq BIGINT GENERATED BY "
		      "DEFAULT AS IDENTITY PRIMARY KEY, collaboration_id BIGINT, sid TEXT, "
		      "tooi TEXT, name TEXT, joined TEXT, share DOUBLE PRECISION, body TEXT);"
		      "CREATE TEMP TABLE IF NOT EXISTS roo_dom (id BIGINT PRIMARY KEY);"
		      "DELETE FROM roo_seen; DELETE FROM roo_part; DELETE FROM roo_dom;"
		    : "CREATE TEMP TABLE IF NOT EXISTS roo_seen (kind TEXT NOT NULL, id "
		      "INTEGER NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;"
		      "CREATE TEMP TABLE IF NOT EXISTS roo_part (seq INTEGER PRIMARY KEY, "
		      "collaboration_id INTEGER, sid TEXT, tooi TEXT, name TEXT, joined TEXT, "
		      "share REAL, body TEXT);"
		      "CREATE TEMP TABLE IF NOT EXISTS roo_dom (id INTEGER PRIMARY KEY);"
		      "DELETE FROM roo_seen; DELETE FROM roo_part; DELETE FROM roo_dom;",
		"ROO-import voorbereiden", err, errlen))
		goto out;
	if (store_tx_begin(s, "transactie starten", err, errlen))
		goto out;
	in_tx = true;
	struct roo_handler h = {
	    .ctx = &im, .header = on_header, .org = on_org, .regeling = on_regeling};
	struct roo_stats stats = {0};
	if (roo_parse_file(path, &h, progress, &stats, err, errlen) != 0) {
		rc = STORE_ERR_INVALID;
		goto out;
	}
	rc = resolve_parts(&im, err, errlen);
	if (rc == STORE_OK)
		rc = end_all_missing(&im, err, errlen);
	if (rc != STORE_OK)
		goto out;
	if (store_roo_report_changes(rep) > 0) {
		rc = store_rebuild_search(s, err, errlen);
		if (rc == STORE_OK)
			rc = store_bump_data_version(s, err, errlen);
		if (rc != STORE_OK)
			goto out;
	}
	if (dry_run) {
		store_tx_rollback(s);
		in_tx = false;
		rc = STORE_OK;
		goto out;
	}
	rc = store_tx_commit(s, "transactie afronden", err, errlen);
	if (rc == STORE_OK)
		in_tx = false;
out:
	if (in_tx)
		store_tx_rollback(s);
	store_roo_map_free(&im.map);
	return rc;
}
