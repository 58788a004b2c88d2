/*
 * store_indicatoren_dashboard — the gemeente dashboard's queries; see
 * store_indicatoren_dashboard.h.
 */
#include "store_indicatoren_dashboard.h"
#include "../lib/arena.h"
#include "store_internal.h"

#include <string.h>

static const char *dup(struct arena *a, db_stmt *st, int i)
{
	return arena_strdup(a, store_col_text(st, i));
}

static void read_own(db_stmt *st, struct arena *a, void *out)
{
	struct indicator_cell *c = out;
	c->indicator_id = db_column_int64(st, 0);
	c->period = dup(a, st, 1);
	c->has = db_column_type(st, 2) != DB_NULL;
	c->value = c->has ? db_column_double(st, 2) : 0;
	c->note = dup(a, st, 3);
	c->area = "";
	c->province = "";
	c->area_name = "";
}

int store_indicator_area_values(struct store *s, struct arena *a, const char *area,
				struct indicator_cell **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!s)
		return STORE_ERR;
	db_stmt *st = store_stmt(s, "SELECT indicator_id, period, value, source_note FROM "
				    "indicator_value WHERE area_code = ?1 ORDER BY indicator_id, "
				    "period");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, area, -1, DB_STATIC);
	return store_collect(s, a, st, sizeof **out, read_own, (void **)out, n);
}

static void read_cmp(db_stmt *st, struct arena *a, void *out)
{
	struct indicator_cell *c = out;
	c->indicator_id = db_column_int64(st, 0);
	c->area = dup(a, st, 1);
	c->has = db_column_type(st, 2) != DB_NULL;
	c->value = c->has ? db_column_double(st, 2) : 0;
	c->province = dup(a, st, 3);
	c->area_name = dup(a, st, 4);
	c->period = dup(a, st, 5);
	c->peer = db_column_int(st, 6) != 0;
	c->note = "";
}

int store_indicator_compare_values(struct store *s, struct arena *a, const char *area,
				   const char *province, const char *list, int64_t class_id,
				   const char *class_period, double class_value,
				   struct indicator_cell **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!s)
		return STORE_ERR;
		/* the list holds validated codes (GM + 4 digits): no LIKE wildcards */
#define PEER_EXPR                                                                                  \
	"((',' || CAST(?3 AS TEXT) || ',') LIKE ('%,' || g.code || ',%') OR g.code IN (SELECT "    \
	"c.area_code FROM indicator_value c WHERE c.indicator_id = ?4 AND c.period = ?5 AND "      \
	"c.value = ?6))"
	/* the areas first, then for each the values of the gemeente's newest
	 * periods through the unique (indicator, area, period) index; CROSS JOIN
	 * keeps that order on SQLite */
	db_stmt *st = store_stmt(
	    s,
	    "SELECT v.indicator_id, g.code, v.value, g.province, g.name, v.period, "
	    "CASE WHEN " PEER_EXPR " THEN 1 ELSE 0 END FROM indicator_area g CROSS JOIN (SELECT "
	    "indicator_id, max(period) AS p FROM indicator_value WHERE area_code = ?1 AND value "
	    "IS NOT NULL GROUP BY indicator_id) o CROSS JOIN indicator_value v WHERE "
	    "v.indicator_id = o.indicator_id AND v.area_code = g.code AND v.period = o.p AND "
	    "g.level = 'gemeente' AND (g.code = ?1 OR g.province = ?2 OR " PEER_EXPR ") ORDER BY "
	    "v.indicator_id, g.code");
#undef PEER_EXPR
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, area, -1, DB_STATIC);
	db_bind_text(st, 2, province, -1, DB_STATIC);
	db_bind_text(st, 3, list ? list : "", -1, DB_STATIC);
	db_bind_int64(st, 4, class_id);
	db_bind_text(st, 5, class_period ? class_period : "", -1, DB_STATIC);
	db_bind_double(st, 6, class_value);
	return store_collect(s, a, st, sizeof **out, read_cmp, (void **)out, n);
}

static void read_area(db_stmt *st, struct arena *a, void *out)
{
	struct indicator_cell *c = out;
	memset(c, 0, sizeof *c);
	c->area = dup(a, st, 0);
	c->area_name = dup(a, st, 1);
	c->period = dup(a, st, 2); /* the level */
	c->province = dup(a, st, 3);
	c->note = "";
}

int store_indicator_area_get(struct store *s, struct arena *a, const char *code,
			     struct indicator_cell *out)
{
	struct indicator_cell *rows;
	int n;
	if (store_list(s, a, "SELECT code, name, level, province FROM indicator_area ",
		       "WHERE code = ?1", code, sizeof *rows, read_area, (void **)&rows, &n))
		return STORE_ERR;
	if (!n)
		return STORE_ERR_NOTFOUND;
	*out = rows[0];
	return STORE_OK;
}

int store_indicator_gemeenten(struct store *s, struct arena *a, struct indicator_cell **out, int *n)
{
	return store_list(s, a, "SELECT code, name, level, province FROM indicator_area ",
			  "WHERE level = 'gemeente' ORDER BY name, code", NULL, sizeof **out,
			  read_area, (void **)out, n);
}
