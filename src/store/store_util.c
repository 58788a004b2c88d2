/*
 * store_util — small helpers the store's write and list functions share:
 * today of a write context, resetting field errors, compact JSON audit
 * images, label code/value mapping and collecting result rows.
 *
 * Not here: transactions (store_tx.c), SQL of any entity.
 */
#include "store_internal.h"

#include "../domain/fields.h"
#include "../lib/arena.h"
#include "../lib/buf.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"
#include "store_write.h"

#include <stdlib.h>
#include <string.h>

const char *store_ctx_today(const struct write_ctx *w, char buf[11])
{
	if (w && w->today && is_iso_date(w->today))
		return w->today;
	today_iso(buf);
	return buf;
}

void store_errs_reset(struct field_errors *e)
{
	if (e)
		e->n = 0;
}

char *store_json_text(json_t *o)
{
	char *out = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	return out ? out : xstrdup("{}");
}

void store_json_set(json_t *o, const char *k, const char *v)
{
	json_object_set_new(o, k, json_string(field_nz(v)));
}

const char *store_label_db(const struct label *t, int n, const char *api)
{
	int i = label_from_api(t, n, api);
	return i >= 0 ? t[i].db : "";
}

const char *store_label_api(const struct label *t, int n, const char *db)
{
	int i = label_from_db(t, n, db);
	return i >= 0 ? t[i].api : field_nz(db);
}

int store_list(struct store *s, struct arena *a, const char *select, const char *tail,
	       const char *param, size_t elem, void (*read)(db_stmt *, struct arena *, void *),
	       void **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!s) /* no connection (e.g. store_thread() failed) */
		return STORE_ERR;
	struct buf sql = BUF_INIT;
	buf_printf(&sql, "%s%s", select, tail);
	db_stmt *st = sql.data ? store_stmt(s, sql.data) : NULL;
	buf_free(&sql);
	if (!st)
		return STORE_ERR;
	if (param)
		db_bind_text(st, 1, param, -1, DB_TRANSIENT);
	return store_collect(s, a, st, elem, read, out, n);
}

void *store_grow(struct arena *a, void *arr, int count, int *cap, size_t elem)
{
	if (count < *cap)
		return arr;
	int ncap = *cap ? *cap * 2 : 8;
	char *bigger = arena_calloc(a, (size_t)ncap, elem);
	if (count)
		memcpy(bigger, arr, (size_t)count * elem);
	*cap = ncap;
	return bigger;
}

int store_collect(struct store *s, struct arena *a, db_stmt *st, size_t elem,
		  void (*read)(db_stmt *, struct arena *, void *), void **out, int *n)
{
	char *arr = NULL;
	int cnt = 0, cap = 0, rc;
	*out = NULL;
	*n = 0;
	while ((rc = db_step(st)) == DB_ROW) {
		if (cnt == cap) {
			int ncap = cap ? cap * 2 : 8;
			char *bigger = arena_calloc(a, (size_t)ncap, elem);
			if (cnt)
				memcpy(bigger, arr, (size_t)cnt * elem);
			arr = bigger;
			cap = ncap;
		}
		read(st, a, arr + (size_t)cnt * elem);
		cnt++;
	}
	db_reset(st);
	if (rc != DB_DONE)
		return store_db_fail(s, "lijst lezen", NULL, 0);
	*out = arr;
	*n = cnt;
	return STORE_OK;
}
