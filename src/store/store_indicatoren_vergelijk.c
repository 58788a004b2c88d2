/*
 * store_indicatoren_vergelijk — see store_indicatoren_vergelijk.h.
 */
#include "store_indicatoren_vergelijk.h"
#include "../lib/arena.h"
#include "store_internal.h"

#include <string.h>

static void read_value(db_stmt *st, struct arena *a, void *out)
{
	struct vergelijk_cell *c = out;
	c->area = arena_strdup(a, store_col_text(st, 0));
	c->name = arena_strdup(a, store_col_text(st, 1));
	c->province = arena_strdup(a, store_col_text(st, 2));
	c->has = db_column_type(st, 3) != DB_NULL;
	c->value = c->has ? db_column_double(st, 3) : 0;
	c->note = arena_strdup(a, store_col_text(st, 4));
}

int store_indicator_vergelijk_values(struct store *s, struct arena *a, int64_t id,
				     const char *period, struct vergelijk_cell **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!s)
		return STORE_ERR;
	/* the unique (indicator, area, period) index gives the indicator's rows */
	db_stmt *st = store_stmt(
	    s, "SELECT g.code, g.name, g.province, v.value, v.source_note FROM indicator_value v "
	       "JOIN indicator_area g ON g.code = v.area_code WHERE v.indicator_id = ?1 AND "
	       "v.period = ?2 AND g.level = 'gemeente' ORDER BY g.code");
	if (!st)
		return STORE_ERR;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, period, -1, DB_STATIC);
	return store_collect(s, a, st, sizeof **out, read_value, (void **)out, n);
}

static void read_area(db_stmt *st, struct arena *a, void *out)
{
	struct vergelijk_cell *c = out;
	memset(c, 0, sizeof *c);
	c->area = arena_strdup(a, store_col_text(st, 0));
	c->name = arena_strdup(a, store_col_text(st, 1));
	c->province = arena_strdup(a, store_col_text(st, 2));
	c->note = "";
}

int store_indicator_vergelijk_gemeenten(struct store *s, struct arena *a,
					struct vergelijk_cell **out, int *n)
{
	return store_list(s, a, "SELECT code, name, province FROM indicator_area ",
			  "WHERE level = 'gemeente' ORDER BY name, code", NULL, sizeof **out,
			  read_area, (void **)out, n);
}

static void read_code(db_stmt *st, struct arena *a, void *out)
{
	*(const char **)out = arena_strdup(a, store_col_text(st, 0));
}

int store_indicator_vergelijk_class_peers(struct store *s, struct arena *a, const char *class_key,
					  const char *area, const char ***out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!s)
		return STORE_ERR;
	/* o: area's newest class value; c: every area with that value then */
	db_stmt *st = store_stmt(
	    s, "SELECT c.area_code FROM indicator i JOIN indicator_value o ON o.indicator_id = "
	       "i.id AND o.area_code = ?2 AND o.value IS NOT NULL JOIN indicator_value c ON "
	       "c.indicator_id = i.id AND c.period = o.period AND c.value = o.value JOIN "
	       "indicator_area g ON g.code = c.area_code AND g.level = 'gemeente' WHERE i.key = ?1 "
	       "AND o.period = (SELECT max(p.period) FROM indicator_value p WHERE p.indicator_id = "
	       "i.id AND p.area_code = ?2 AND p.value IS NOT NULL) ORDER BY c.area_code");
	if (!st)
		return STORE_ERR;
	db_bind_text(st, 1, class_key, -1, DB_STATIC);
	db_bind_text(st, 2, area, -1, DB_STATIC);
	return store_collect(s, a, st, sizeof **out, read_code, (void **)out, n);
}
