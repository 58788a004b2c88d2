/*
 * store_copy — move a whole atlas database to another engine (see
 * store_copy.h): `atlas copy --from sqlite:PATH --to postgres://…`.
 *
 * The source is read in one read transaction (one consistent view, so the
 * server may keep running on it); the destination is migrated, must be
 * empty, and is written in one write transaction: every row of every table,
 * with its id, in foreign-key order; columns that point into their own table
 * (organisation.successor_id) are filled in a second pass; identity
 * sequences are moved past the copied ids; the search index is rebuilt; the
 * copy itself is recorded as one audit event. Row counts are compared
 * before the commit. Anything wrong rolls the destination back completely.
 *
 * Values keep their type (integer, real, text, NULL): reals are bound as
 * doubles so nothing is lost in a text round trip. Sessions and API tokens
 * are copied too, so nobody has to sign in again after the move.
 */
#include "store_copy.h"
#include "../lib/buf.h"
#include "../lib/log.h"
#include "../lib/xalloc.h"
#include "store_internal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every table, parents before children. late: a column referring to its
 * own table, written after all rows exist. has_id: an identity column. */
static const struct copy_table {
	const char *name;
	const char *late;
	int has_id;
} tables[] = {
    {"source", NULL, 1},
    {"domain", NULL, 1},
    {"collaboration", NULL, 1},
    {"collaboration_domain", NULL, 0},
    {"organisation", "successor_id", 1},
    {"participation", NULL, 1},
    {"app_user", NULL, 1},
    {"session", NULL, 0},
    {"login_failure", NULL, 0},
    {"api_token", NULL, 1},
    {"person", NULL, 1},
    {"office", NULL, 1},
    {"seat", NULL, 1},
    {"role_assessment", NULL, 1},
    {"phase_event", NULL, 1},
    {"agreement", NULL, 1},
    {"ab_meeting", NULL, 0},
    {"oidc_pending", NULL, 0},
    {"import_batch", NULL, 1},
    {"provenance", NULL, 1},
    {"correction", NULL, 1},
    {"event", NULL, 1}, /* before contact_moment, which may name one */
    {"account_manager", NULL, 1},
    {"contact_moment", NULL, 1},
    {"contact_link", NULL, 0},
    {"relation_signal", NULL, 1},
    {"follow_up", NULL, 1},
    {"instrument_request", NULL, 1},
    {"instrument_party", NULL, 0},
    {"instrument_support", NULL, 0},
    {"outbox", NULL, 1},
    {"event_registration", NULL, 1},
    {"event_agenda_item", NULL, 1},
    {"event_agenda_support", NULL, 0},
    {"event_document", NULL, 1},
    {"expert_listing", NULL, 1},
    {"funding_call", NULL, 1},
    {"funding_interest", NULL, 1},
    {"funding_reminder", NULL, 1},
    {"indicator_area", NULL, 0},
    {"indicator", NULL, 1},
    {"indicator_value", NULL, 1},
    {"indicator_period", NULL, 0},
    {"indicator_value_history", NULL, 1},
    {"publication", NULL, 1},
    {"publication_theme", NULL, 0},
    {"publication_collab", NULL, 0},
    {"publication_org", NULL, 0},
    {"samenwerking_cijfers_domein", NULL, 0},
    {"ibt_domain", NULL, 1},
    {"ibt_label", NULL, 0},
    {"ibt_assessment", NULL, 1},
    {"ibt_response", NULL, 1},
    {"survey_item", "superseded_by", 1},
    {"survey_round", NULL, 1},
    {"survey_round_org", NULL, 0},
    {"survey_round_collab", NULL, 0},
    {"survey_round_item", NULL, 0},
    {"survey_link", NULL, 1},
    {"survey_draft", NULL, 0},
    {"survey_response", NULL, 0},
    {"survey_answer", NULL, 0},
    {"ibt_ladder", NULL, 1},
    {"ibt_agreement", NULL, 1},
    {"ibt_dialogue", NULL, 1},
    {"fin_kengetal_band", NULL, 0},
    {"fin_kengetal_input", NULL, 0},
    {"audit_event", NULL, 1},
    {"meta", NULL, 0},
};
#define NTABLES ((int)(sizeof tables / sizeof *tables))

static int count_rows(struct store *s, const char *table, int64_t *n)
{
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	db_stmt *st = store_stmt(s, sql);
	if (!st)
		return STORE_ERR;
	int rc = db_step(st);
	*n = rc == DB_ROW ? db_column_int64(st, 0) : -1;
	db_reset(st);
	return rc == DB_ROW ? STORE_OK : STORE_ERR;
}

/* Bind column i of the source row to parameter p of the destination. */
static void bind_value(db_stmt *dst, int p, db_stmt *src, int i)
{
	switch (db_column_type(src, i)) {
	case DB_NULL:
		db_bind_null(dst, p);
		break;
	case DB_INTEGER:
		db_bind_int64(dst, p, db_column_int64(src, i));
		break;
	case DB_FLOAT:
		db_bind_double(dst, p, db_column_double(src, i));
		break;
	default:
		db_bind_text(dst, p, (const char *)db_column_text(src, i), db_column_bytes(src, i),
			     DB_TRANSIENT);
	}
}

/* Copy one table; *copied counts its rows. */
static int copy_table(struct store *from, struct store *to, const struct copy_table *t,
		      int64_t *copied, char *err, size_t errlen)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT * FROM %s ORDER BY 1", t->name);
	db_stmt *q;
	if (db_prepare(from, sql, &q) != DB_OK)
		return store_db_fail(from, t->name, err, errlen);
	int rc = STORE_OK, step, ncol = 0, late = -1, id_col = -1;
	db_stmt *ins = NULL, *upd = NULL;
	*copied = 0;
	while ((step = db_step(q)) == DB_ROW) {
		if (!ins) {
			/* the INSERT from the source's column names */
			ncol = db_column_count(q);
			struct buf b = BUF_INIT, v = BUF_INIT;
			buf_printf(&b, "INSERT INTO %s (", t->name);
			for (int i = 0; i < ncol; i++) {
				const char *name = db_column_name(q, i);
				if (t->late && strcmp(name, t->late) == 0)
					late = i;
				if (strcmp(name, "id") == 0)
					id_col = i;
				buf_printf(&b, "%s\"%s\"", i ? ", " : "", name);
				buf_printf(&v, "%s?%d", i ? ", " : "", i + 1);
			}
			buf_printf(&b, ") VALUES (%s)", v.data);
			int prc = db_prepare(to, b.data, &ins);
			buf_free(&b);
			buf_free(&v);
			if (prc != DB_OK) {
				rc = store_db_fail(to, t->name, err, errlen);
				break;
			}
			if (late >= 0 && id_col >= 0) {
				snprintf(sql, sizeof sql, "UPDATE %s SET %s = ? WHERE id = ?",
					 t->name, t->late);
				if (db_prepare(to, sql, &upd) != DB_OK) {
					rc = store_db_fail(to, t->name, err, errlen);
					break;
				}
			}
		}
		db_clear_bindings(ins);
		for (int i = 0; i < ncol; i++) {
			if (i == late)
				db_bind_null(ins, i + 1);
			else
				bind_value(ins, i + 1, q, i);
		}
		int r = db_step(ins);
		db_reset(ins);
		if (r != DB_DONE) {
			rc = store_db_fail(to, t->name, err, errlen);
			break;
		}
		(*copied)++;
	}
	if (rc == STORE_OK && step != DB_DONE)
		rc = store_db_fail(from, t->name, err, errlen);
	/* second pass: the self references */
	if (rc == STORE_OK && upd) {
		db_reset(q);
		while ((step = db_step(q)) == DB_ROW) {
			if (db_column_type(q, late) == DB_NULL)
				continue;
			db_clear_bindings(upd);
			bind_value(upd, 1, q, late);
			bind_value(upd, 2, q, id_col);
			int r = db_step(upd);
			db_reset(upd);
			if (r != DB_DONE) {
				rc = store_db_fail(to, t->name, err, errlen);
				break;
			}
		}
		if (rc == STORE_OK && step != DB_DONE)
			rc = store_db_fail(from, t->name, err, errlen);
	}
	db_finalize(ins);
	db_finalize(upd);
	db_finalize(q);
	return rc;
}

/* PostgreSQL: the next generated id must follow the copied ones. */
static int reset_sequence(struct store *to, const char *table, char *err, size_t errlen)
{
	char sql[256];
	snprintf(sql, sizeof sql,
		 "SELECT setval(pg_get_serial_sequence('%s', 'id'), "
		 "(SELECT coalesce(max(id), 0) + 1 FROM %s), false)",
		 table, table);
	return store_exec(to, sql, "reeks bijwerken", err, errlen);
}

/* Every table of the source must be in `tables` (a migration that adds a
 * table without adding it here would otherwise lose its rows silently).
 * Not copied: the search index (rebuilt) and the change journal (the
 * target's triggers journal the copied rows; a server on the copy starts
 * from a full load). */
static int check_complete(struct store *from, char *err, size_t errlen)
{
	const char *sql =
	    db_engine(from) == DB_PG
		? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND "
		  "tablename NOT IN ('search_fts', 'schema_version', 'change_journal') ORDER BY 1"
		: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
		  "'search_fts%' AND name NOT LIKE 'sqlite_%' AND name <> 'change_journal' "
		  "ORDER BY 1";
	db_stmt *q;
	if (db_prepare(from, sql, &q) != DB_OK)
		return store_db_fail(from, "tabellen opsommen", err, errlen);
	int rc = STORE_OK, step;
	while (rc == STORE_OK && (step = db_step(q)) == DB_ROW) {
		const char *name = (const char *)db_column_text(q, 0);
		bool known = false;
		for (int i = 0; i < NTABLES && !known; i++)
			known = name && strcmp(name, tables[i].name) == 0;
		if (!known) {
			store_set_err(err, errlen,
				      "tabel %s is onbekend voor 'atlas copy': niets gekopieerd",
				      name ? name : "?");
			rc = STORE_ERR;
		}
	}
	if (rc == STORE_OK && step != DB_DONE)
		rc = store_db_fail(from, "tabellen opsommen", err, errlen);
	db_finalize(q);
	return rc;
}

/* Tables a migration fills with bundled defaults (children first): a
 * fresh target has those rows, which the copy replaces with the source's. */
static const char *const seeded[] = {"ibt_label", "ibt_domain", "survey_item", "fin_kengetal_band"};
#define NSEEDED ((int)(sizeof seeded / sizeof *seeded))

static bool is_seeded(const char *table)
{
	for (int i = 0; i < NSEEDED; i++)
		if (strcmp(seeded[i], table) == 0)
			return true;
	return false;
}

static int is_empty(struct store *to, bool *empty)
{
	*empty = true;
	for (int i = 0; i < NTABLES; i++) {
		int64_t n;
		if (strcmp(tables[i].name, "meta") == 0 || is_seeded(tables[i].name))
			continue;
		if (count_rows(to, tables[i].name, &n))
			return STORE_ERR;
		if (n > 0)
			*empty = false;
	}
	return STORE_OK;
}

int store_copy(struct store *from, struct store *to, const char *actor,
	       struct store_copy_report *rep, char *err, size_t errlen)
{
	memset(rep, 0, sizeof *rep);
	int rc = store_check_schema(from, err, errlen);
	if (rc != STORE_OK)
		return rc;
	int applied;
	if ((rc = store_migrate(to, &applied, err, errlen)) != STORE_OK)
		return rc;
	if (store_tx_begin_read(from, "bron lezen", err, errlen))
		return STORE_ERR;
	if (store_tx_begin(to, "kopie starten", err, errlen)) {
		store_tx_rollback(from);
		return STORE_ERR;
	}
	if ((rc = check_complete(from, err, errlen)) != STORE_OK)
		goto fail;
	bool empty;
	if (is_empty(to, &empty)) {
		rc = store_db_fail(to, "doeldatabase controleren", err, errlen);
		goto fail;
	}
	if (!empty) {
		store_set_err(err, errlen,
			      "de doeldatabase bevat al gegevens; kopieer alleen naar een lege "
			      "database (niets gewijzigd)");
		rc = STORE_ERR_INVALID;
		goto fail;
	}
	if (store_exec(to, "DELETE FROM meta", "kopie starten", err, errlen)) {
		rc = STORE_ERR;
		goto fail;
	}
	for (int i = 0; i < NSEEDED; i++) {
		char sql[64];
		snprintf(sql, sizeof sql, "DELETE FROM %s", seeded[i]);
		if (store_exec(to, sql, "kopie starten", err, errlen)) {
			rc = STORE_ERR;
			goto fail;
		}
	}
	json_t *counts = json_object();
	for (int i = 0; i < NTABLES; i++) {
		int64_t copied = 0, have_src = 0, have_dst = 0;
		rc = copy_table(from, to, &tables[i], &copied, err, errlen);
		if (rc == STORE_OK && (count_rows(from, tables[i].name, &have_src) ||
				       count_rows(to, tables[i].name, &have_dst))) {
			rc = store_db_fail(to, "rijen tellen", err, errlen);
		} else if (rc == STORE_OK && (have_src != copied || have_dst != copied)) {
			store_set_err(err, errlen, "tabel %s: %lld rijen gelezen, %lld geschreven",
				      tables[i].name, (long long)have_src, (long long)have_dst);
			rc = STORE_ERR;
		}
		if (rc == STORE_OK && tables[i].has_id && db_engine(to) == DB_PG)
			rc = reset_sequence(to, tables[i].name, err, errlen);
		if (rc != STORE_OK) {
			json_decref(counts);
			goto fail;
		}
		json_object_set_new(counts, tables[i].name, json_integer(copied));
		rep->tables++;
		rep->rows += copied;
	}
	json_t *after =
	    json_pack("{s:s, s:o}", "van", db_engine(from) == DB_PG ? "postgresql" : "sqlite",
		      "rijen", counts);
	char *after_s = json_dumps(after, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(after);
	rc = store_rebuild_search(to, err, errlen);
	if (rc == STORE_OK && store_audit_write(to, actor, "cli", "cli", "insert", "database",
						"kopie", NULL, after_s))
		rc = store_db_fail(to, "auditregel schrijven", err, errlen);
	free(after_s);
	if (rc == STORE_OK)
		rc = store_bump_data_version(to, err, errlen);
	if (rc != STORE_OK)
		goto fail;
	if (store_tx_commit(to, "kopie vastleggen", err, errlen)) {
		rc = STORE_ERR;
		goto fail;
	}
	store_tx_commit(from, "bron lezen", NULL, 0);
	return STORE_OK;
fail:
	store_tx_rollback(to);
	store_tx_rollback(from);
	memset(rep, 0, sizeof *rep);
	return rc == STORE_OK ? STORE_ERR : rc;
}
