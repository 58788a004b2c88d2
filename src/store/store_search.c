/*
 * store_search — full-text search over collaborations and organisations:
 * the user's words become a safe prefix query (SQLite FTS5 MATCH or the
 * PostgreSQL text-search equivalent), ranked, with a total count for paging.
 *
 * Also here: what the index holds per record (store_search_index, used
 * by store_rebuild_search and store_reindex): name, short names (for an
 * organisation its codes and the abbreviations of its names), purpose,
 * and `terms`: former names, beleidsdomeinen (name, key, description),
 * legal form (code and words) and kind. Not here: the search page.
 */
#include "store.h"
#include "../domain/labels.h"
#include "../domain/search.h"
#include "../lib/arena.h"
#include "../lib/buf.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"
#include "store_internal.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEARCH_MAX_TOKENS 8
#define SEARCH_MAX_TOKEN_BYTES 64
#define SEARCH_MAX_LIMIT 1000

/* One record as the index needs it. */
struct index_row {
	char kind;
	int64_t id;
	const char *key, *name, *short_name, *purpose, *code2, *kind_db, *legal_form, *former,
	    *domains;
};

static void read_collab_row(db_stmt *st, struct arena *a, void *out)
{
	struct index_row *r = out;
	r->kind = 'c';
	r->key = arena_strdup(a, store_col_text(st, 0));
	r->name = arena_strdup(a, store_col_text(st, 1));
	r->short_name = arena_strdup(a, store_col_text(st, 2));
	r->purpose = arena_strdup(a, store_col_text(st, 3));
	r->legal_form = arena_strdup(a, store_col_text(st, 4));
	r->kind_db = arena_strdup(a, store_col_text(st, 5));
	r->former = arena_strdup(a, store_col_text(st, 6));
	r->domains = arena_strdup(a, store_col_text(st, 7));
	r->id = db_column_int64(st, 8);
	r->code2 = "";
}

static void read_org_row(db_stmt *st, struct arena *a, void *out)
{
	struct index_row *r = out;
	r->kind = 'o';
	r->key = arena_strdup(a, store_col_text(st, 0));
	r->name = arena_strdup(a, store_col_text(st, 1));
	r->code2 = arena_strdup(a, store_col_text(st, 2));
	r->kind_db = arena_strdup(a, store_col_text(st, 3));
	r->former = arena_strdup(a, store_col_text(st, 4));
	r->id = db_column_int64(st, 5);
	r->short_name = r->purpose = r->legal_form = r->domains = "";
}

/* The abbreviations of every name in names (separated by ';' or new lines)
 * appended to out. */
static void acronyms_of_list(struct buf *out, const char *names)
{
	const char *p = names;
	while (p && *p) {
		size_t len = strcspn(p, ";\n");
		char one[512], ac[128] = "";
		if (len < sizeof one) {
			memcpy(one, p, len);
			one[len] = '\0';
			search_acronyms(one, ac, sizeof ac);
			if (*ac) {
				buf_putc(out, ' ');
				buf_puts(out, ac);
			}
		}
		p += len;
		while (*p == ';' || *p == '\n')
			p++;
	}
}

static int insert_row(struct store *s, const struct index_row *r)
{
	struct buf shortn = BUF_INIT, terms = BUF_INIT;
	char ac[128] = "";
	if (r->kind == 'o') {
		buf_puts(&shortn, r->key);
		if (*r->code2) {
			buf_putc(&shortn, ' ');
			buf_puts(&shortn, r->code2);
		}
		search_acronyms(r->name, ac, sizeof ac);
		if (*ac) {
			buf_putc(&shortn, ' ');
			buf_puts(&shortn, ac);
		}
		acronyms_of_list(&shortn, r->former);
		int k = label_from_db(org_kind_labels, ORG_KIND_COUNT, r->kind_db);
		if (k >= 0)
			buf_puts(&terms, org_kind_labels[k].label);
	} else {
		buf_puts(&shortn, r->short_name);
		int k = label_from_db(collab_kind_labels, COLLAB_KIND_COUNT, r->kind_db);
		if (k >= 0)
			buf_puts(&terms, collab_kind_labels[k].label);
		k = label_from_db(legal_form_labels, LF_COUNT, r->legal_form);
		if (k > 0) {
			buf_putc(&terms, ' ');
			buf_puts(&terms, legal_form_labels[k].db);
			buf_putc(&terms, ' ');
			buf_puts(&terms, legal_form_labels[k].label);
		}
		buf_putc(&terms, ' ');
		buf_puts(&terms, r->domains);
	}
	if (*r->former) {
		buf_putc(&terms, ' ');
		buf_puts(&terms, r->former);
	}
	int rc = STORE_ERR;
	/* SQLite: the rowid follows from the record (store_search_rowid), so one
	 * row is replaced without scanning the index */
	bool pg = db_engine(s) == DB_PG;
	db_stmt *st = store_stmt(s, pg ? "INSERT INTO search_fts (kind, key, name, short_name, "
					 "purpose, terms) VALUES (?, ?, ?, ?, ?, ?)"
				       : "INSERT INTO search_fts (kind, key, name, short_name, "
					 "purpose, terms, rowid) VALUES (?, ?, ?, ?, ?, ?, ?)");
	if (st && !shortn.err && !terms.err) {
		char k[2] = {r->kind, '\0'};
		db_bind_text(st, 1, k, -1, DB_TRANSIENT);
		db_bind_text(st, 2, r->key, -1, DB_STATIC);
		db_bind_text(st, 3, r->name, -1, DB_STATIC);
		db_bind_text(st, 4, shortn.data ? shortn.data : "", -1, DB_STATIC);
		db_bind_text(st, 5, r->purpose, -1, DB_STATIC);
		db_bind_text(st, 6, terms.data ? terms.data : "", -1, DB_STATIC);
		if (!pg)
			db_bind_int64(st, 7, store_search_rowid(r->kind, r->id));
		rc = store_step_done(s, st, "zoekindex bijwerken", NULL, 0);
	}
	buf_free(&shortn);
	buf_free(&terms);
	return rc;
}

#define INDEX_COLLAB_SELECT                                                                        \
	"SELECT c.key, c.name, c.short_name, c.purpose, c.legal_form, c.kind, c.former_names, "    \
	"COALESCE((SELECT group_concat(d.name || ' ' || d.key || ' ' || d.description, ' ') "      \
	"FROM collaboration_domain cd JOIN domain d ON d.id = cd.domain_id "                       \
	"WHERE cd.collaboration_id = c.id), ''), c.id FROM collaboration c"
#define INDEX_ORG_SELECT                                                                           \
	"SELECT o.code, o.name, o.cbs_code, o.kind, o.former_names, o.id FROM organisation o"

int64_t store_search_rowid(char kind, int64_t id)
{
	return id * 2 + (kind == 'o');
}

int store_search_index(struct store *s, char kind, int64_t id)
{
	if (kind && id <= 0)
		return STORE_OK;
	struct arena *a = arena_new();
	struct index_row *rows = NULL;
	int n = 0, rc = STORE_OK;
	for (int pass = 0; pass < 2 && rc == STORE_OK; pass++) {
		char k = pass == 0 ? 'c' : 'o';
		if (kind && kind != k)
			continue;
		db_stmt *st = store_stmt(
		    s, k == 'c' ? (id ? INDEX_COLLAB_SELECT " WHERE c.id = ?" : INDEX_COLLAB_SELECT)
				: (id ? INDEX_ORG_SELECT " WHERE o.id = ?" : INDEX_ORG_SELECT));
		if (!st) {
			rc = STORE_ERR;
			break;
		}
		if (id)
			db_bind_int64(st, 1, id);
		rc = store_collect(s, a, st, sizeof *rows,
				   k == 'c' ? read_collab_row : read_org_row, (void **)&rows, &n);
		for (int i = 0; i < n && rc == STORE_OK; i++)
			rc = insert_row(s, &rows[i]);
	}
	arena_free(a);
	return rc;
}

/*
 * Turn free text into an FTS5 query: tokens of ASCII letters/digits and
 * any byte >= 0x80 (UTF-8 letters), each as a quoted prefix "tok"*, joined
 * by spaces (implicit AND). Returns the number of tokens; out is empty when
 * there are none.
 */
static int fts_query(const char *q, int pg, struct buf *out)
{
	int n = 0;
	const unsigned char *p = (const unsigned char *)q;
	while (*p && n < SEARCH_MAX_TOKENS) {
		while (*p && !(*p >= 0x80 || (*p >= '0' && *p <= '9') ||
			       ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')))
			p++;
		const unsigned char *start = p;
		while (*p >= 0x80 || (*p >= '0' && *p <= '9') ||
		       ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
			p++;
		size_t len = (size_t)(p - start);
		if (len == 0)
			break;
		if (len > SEARCH_MAX_TOKEN_BYTES) { /* cut at a character boundary */
			len = SEARCH_MAX_TOKEN_BYTES;
			while (len > 0 && (start[len] & 0xC0) == 0x80)
				len--;
		}
		/* tokens hold no quotes or operators (see the loops above); a
		 * word with a synonym also finds the synonym (domain/search.h):
		 * ("jeugdzorg"* OR "jeugd"*) */
		const struct search_synonym *syn = search_synonym((const char *)start, len);
		if (n)
			buf_puts(out, pg ? " & " : " ");
		if (syn)
			buf_putc(out, '(');
		buf_puts(out, pg ? "'" : "\"");
		buf_add(out, start, len);
		buf_puts(out, pg ? "':*" : "\"*");
		if (syn) {
			buf_puts(out, pg ? " | '" : " OR \"");
			buf_puts(out, syn->instead);
			buf_puts(out, pg ? "':*)" : "\"*)");
		}
		n++;
	}
	return n;
}

/*
 * PostgreSQL search: a row matches when the Dutch, unaccented, stemmed
 * document (doc, configuration atlas_nl) matches, or — as SQLite's FTS5
 * does — every word is a prefix of a word in it, unstemmed and unaccented
 * (search_words, configuration atlas_simple), so "parkeer" finds
 * ParkeerService and stop words still count. Both are GIN-indexed
 * (migrations_pg.c). Ranked by the Dutch match first; the unstemmed rank
 * orders only the rows the Dutch document does not match
 * (search_words is not stored, and computing it for every match to break
 * ties made q=test on the national registry, 5,178 matches, cost 27 ms
 * instead of 3 ms). ts_headline runs after the LIMIT (PostgreSQL projects
 * costly output columns after Limit/Sort: checked with EXPLAIN VERBOSE).
 */
#define PG_SEARCH_MATCH                                                                            \
	"(doc @@ to_tsquery('atlas_nl', ?1) OR search_words(search_fts.name, short_name, "         \
	"purpose, terms) @@ to_tsquery('atlas_simple', ?1))"

int store_search(struct store *s, struct arena *a, const char *query, int limit, int offset,
		 struct search_hit **hits, int *n, int *total)
{
	struct buf q = BUF_INIT;
	struct search_hit *h = NULL;
	int count = 0, cap = 0, rc = STORE_OK;

	*hits = NULL;
	*n = 0;
	*total = 0;
	int pg = s->engine == DB_PG;
	if (!query || !utf8_is_valid(query, strlen(query)) || fts_query(query, pg, &q) == 0 ||
	    q.err)
		goto out;
	if (limit < 0)
		limit = 0;
	if (limit > SEARCH_MAX_LIMIT)
		limit = SEARCH_MAX_LIMIT;
	if (offset < 0)
		offset = 0;

	/* PostgreSQL: the Dutch text search configuration with unaccent
	 * (atlas_nl, migration 1), weights A/B/C for name, short name, purpose */
	db_stmt *st =
	    store_stmt(s, pg ? "SELECT count(*) FROM search_fts WHERE " PG_SEARCH_MATCH
			     : "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?");
	if (!st) {
		rc = STORE_ERR;
		goto out;
	}
	db_bind_text(st, 1, q.data, (int)q.len, DB_STATIC);
	int src = db_step(st);
	if (src == DB_ROW)
		*total = db_column_int(st, 0);
	db_reset(st);
	if (src != DB_ROW) {
		log_error("store: search count: %s", db_errmsg(s));
		rc = STORE_ERR;
		goto out;
	}
	if (*total == 0 || limit == 0)
		goto out;

	/* names weigh most, then short names, then purposes; the snippet is
	 * the best fragment of the purpose, or the name when there is none.
	 * SQLite computes snippet() only for rows that enter the top-N sorter
	 * of ORDER BY ... LIMIT (after its "not better than the current last"
	 * test; checked with EXPLAIN), not for every match. */
	st = store_stmt(
	    s, pg ? "SELECT kind, key, name, CASE WHEN purpose <> '' "
		    "THEN ts_headline('atlas_nl', purpose, q, 'StartSel=\"\", StopSel=\"\", "
		    "MaxWords=16, MinWords=15, ShortWord=2, FragmentDelimiter=…') ELSE name END "
		    "FROM search_fts, to_tsquery('atlas_nl', ?1) AS q WHERE " PG_SEARCH_MATCH " "
		    "ORDER BY ts_rank('{0.1, 0.2, 0.5, 1.0}', doc, q) DESC, "
		    "CASE WHEN doc @@ q THEN 0 ELSE ts_rank('{0.1, 0.2, 0.5, 1.0}', "
		    "search_words(search_fts.name, short_name, purpose, terms), "
		    "to_tsquery('atlas_simple', ?1)) END DESC, search_fts.name, search_fts.key "
		    "LIMIT ?2 OFFSET ?3"
		  : "SELECT kind, key, name, CASE WHEN purpose <> '' "
		    "THEN snippet(search_fts, 4, '', '', '…', 16) ELSE name END "
		    "FROM search_fts WHERE search_fts MATCH ?1 "
		    "ORDER BY bm25(search_fts, 0.0, 0.0, 10.0, 5.0, 1.0, 0.5), name LIMIT ?2 "
		    "OFFSET ?3");
	if (!st) {
		rc = STORE_ERR;
		goto out;
	}
	db_bind_text(st, 1, q.data, (int)q.len, DB_STATIC);
	db_bind_int(st, 2, limit);
	db_bind_int(st, 3, offset);
	while ((src = db_step(st)) == DB_ROW) {
		if (count == cap) {
			int ncap = cap ? cap * 2 : 16;
			struct search_hit *bigger = arena_calloc(a, (size_t)ncap, sizeof *bigger);
			if (count)
				memcpy(bigger, h, (size_t)count * sizeof *bigger);
			h = bigger;
			cap = ncap;
		}
		struct search_hit *x = &h[count++];
		x->kind = store_col_text(st, 0)[0] == 'o' ? 'o' : 'c';
		x->key = arena_strdup(a, store_col_text(st, 1));
		x->name = arena_strdup(a, store_col_text(st, 2));
		x->snippet = arena_strdup(a, store_col_text(st, 3));
	}
	db_reset(st);
	if (src != DB_DONE) {
		log_error("store: search: %s", db_errmsg(s));
		h = NULL;
		count = 0;
		*total = 0;
		rc = STORE_ERR;
		goto out;
	}
	*hits = h;
	*n = count;
	h = NULL;
out:
	buf_free(&q);
	return rc;
}
