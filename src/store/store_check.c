/*
 * store_check — the consistency check of `atlas check`: participations
 * pointing at missing organisations or collaborations, active
 * collaborations without current participants, ended organisations still
 * participating. Reads only, in one read transaction, on either engine.
 *
 * Not here: repairing anything, the CLI output.
 */
#include "store.h"
#include "../lib/buf.h"
#include "../lib/log.h"
#include "../lib/xalloc.h"
#include "store_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct findings {
	struct check_finding *f;
	int n, cap;
};

static void add_finding(struct findings *fs, const char *kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void add_finding(struct findings *fs, const char *kind, const char *fmt, ...)
{
	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 16;
		fs->f = xreallocarray(fs->f, (size_t)fs->cap, sizeof *fs->f);
	}
	struct buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	char *msg = buf_detach(&b, NULL);
	buf_free(&b);
	fs->f[fs->n].kind = xstrdup(kind);
	fs->f[fs->n].message = msg ? msg : xstrdup("");
	fs->n++;
}

enum check_kind { CHK_NO_ORG, CHK_NO_COLLAB, CHK_EMPTY, CHK_ENDED, CHK_COUNT };

static const char *const check_sql[CHK_COUNT] = {
    [CHK_NO_ORG] = "SELECT p.id, p.organisation_id, coalesce(c.name, ''), coalesce(c.key, '') "
		   "FROM participation p "
		   "LEFT JOIN organisation o ON o.id = p.organisation_id "
		   "LEFT JOIN collaboration c ON c.id = p.collaboration_id "
		   "WHERE o.id IS NULL ORDER BY p.id",
    [CHK_NO_COLLAB] = "SELECT p.id, p.collaboration_id, coalesce(o.name, ''), "
		      "coalesce(o.code, '') FROM participation p "
		      "LEFT JOIN collaboration c ON c.id = p.collaboration_id "
		      "LEFT JOIN organisation o ON o.id = p.organisation_id "
		      "WHERE c.id IS NULL ORDER BY p.id",
    [CHK_EMPTY] = "SELECT c.name, c.key FROM collaboration c "
		  "WHERE c.phase <> 'beeindigd' AND (c.end_date = '' OR c.end_date > ?1) "
		  "AND NOT EXISTS (SELECT 1 FROM participation p WHERE p.collaboration_id = c.id "
		  "AND (p.left_on = '' OR p.left_on > ?1)) ORDER BY c.name, c.key",
    [CHK_ENDED] = "SELECT o.name, o.code, c.name, c.key FROM participation p "
		  "JOIN organisation o ON o.id = p.organisation_id "
		  "JOIN collaboration c ON c.id = p.collaboration_id "
		  "WHERE (o.ended = 1 OR (o.valid_to <> '' AND o.valid_to <= ?1)) "
		  "AND p.left_on = '' AND c.phase <> 'beeindigd' "
		  "AND (c.end_date = '' OR c.end_date > ?1) ORDER BY o.name, c.name",
};

int store_check(struct store *s, const char *today, struct check_finding **out, int *n)
{
	struct findings fs = {0};
	int rc = STORE_OK;

	*out = NULL;
	*n = 0;
	if (store_tx_begin_read(s, "controle", NULL, 0))
		return STORE_ERR;
	for (int k = 0; k < CHK_COUNT && rc == STORE_OK; k++) {
		db_stmt *st = store_stmt(s, check_sql[k]);
		if (!st) {
			rc = STORE_ERR;
			break;
		}
		if (k == CHK_EMPTY || k == CHK_ENDED)
			db_bind_text(st, 1, today, -1, DB_STATIC);
		int src;
		while ((src = db_step(st)) == DB_ROW) {
			long long id = db_column_int64(st, 0);
			const char *a = store_col_text(st, 0), *b = store_col_text(st, 1);
			switch (k) {
			case CHK_NO_ORG:
				add_finding(&fs, "onbekende-deelnemer",
					    "Deelname %lld aan '%s' (%s) verwijst naar organisatie "
					    "%lld, die niet bestaat.",
					    id, store_col_text(st, 2), store_col_text(st, 3),
					    (long long)db_column_int64(st, 1));
				break;
			case CHK_NO_COLLAB:
				add_finding(&fs, "onbekend-verband",
					    "Deelname %lld van '%s' (%s) verwijst naar "
					    "samenwerkingsverband %lld, dat niet bestaat.",
					    id, store_col_text(st, 2), store_col_text(st, 3),
					    (long long)db_column_int64(st, 1));
				break;
			case CHK_EMPTY:
				add_finding(
				    &fs, "zonder-deelnemers",
				    "Samenwerkingsverband '%s' (%s) is actief maar heeft geen "
				    "huidige deelnemers.",
				    a, b);
				break;
			default:
				add_finding(
				    &fs, "beeindigde-deelnemer",
				    "Organisatie '%s' (%s) is beëindigd maar neemt nog deel "
				    "aan '%s' (%s).",
				    a, b, store_col_text(st, 2), store_col_text(st, 3));
			}
		}
		db_reset(st);
		if (src != DB_DONE) {
			log_error("store: check: %s", db_errmsg(s));
			rc = STORE_ERR;
		}
	}
	store_tx_rollback(s);
	if (rc != STORE_OK) {
		store_check_free(fs.f, fs.n);
		return rc;
	}
	*out = fs.f;
	*n = fs.n;
	return STORE_OK;
}

void store_check_free(struct check_finding *f, int n)
{
	if (!f)
		return;
	for (int i = 0; i < n; i++) {
		free(f[i].kind);
		free(f[i].message);
	}
	free(f);
}
