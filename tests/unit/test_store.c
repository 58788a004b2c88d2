/*
 * test_store — the SQLite store against the fictional seed
 * (tests/fixtures/seed-fictional): migrations from empty, idempotent
 * import, change detection with audit events, damaged seeds that must leave
 * the database as it was, the snapshot, search and the consistency check.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/domain/snapshot.h"
#include "../../src/store/store.h"
#include "../../src/lib/arena.h"
#include "fixtures.h"

#include <pthread.h>

struct fx {
	struct arena *a; /* owns what the store's read functions return */
	char dir[128];	 /* temporary directory */
	char db[256];	 /* dir/var/atlas.db (parent created by store_open) */
	char seed[256];	 /* dir/seed: a copy of the fictional seed to damage */
	struct store *s;
	char err[1024];
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || fx_tempdir(f->dir, sizeof f->dir))
		return -1;
	f->a = arena_new();
	snprintf(f->db, sizeof f->db, "%s/var/nested/atlas.db", f->dir);
	snprintf(f->seed, sizeof f->seed, "%s/seed", f->dir);
	if (mkdir(f->seed, 0755) || fx_copy_seed(f->seed))
		return -1;
	if (store_open(f->db, &f->s, f->err, sizeof f->err) != STORE_OK)
		return -1;
	int applied;
	if (store_migrate(f->s, &applied, f->err, sizeof f->err) != STORE_OK)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	store_close(f->s);
	fx_rm_rf(f->dir);
	arena_free(f->a);
	free(f);
	return 0;
}

static void import_ok(struct fx *f, const char *dir, struct import_report *rep)
{
	int rc = store_import_seed(f->s, dir, "test", rep, f->err, sizeof f->err);
	if (rc != STORE_OK)
		print_error("import failed: %s\n", f->err);
	assert_int_equal(rc, STORE_OK);
}

static long long count(struct fx *f, const char *sql)
{
	return fx_query_int(f->db, sql);
}

static int total(const int *v)
{
	int n = 0;
	for (int i = 0; i < SEED_TABLES; i++)
		n += v[i];
	return n;
}

/* ------------------------------------------------------------ migrations */

static void test_migrate_from_empty(void **state)
{
	(void)state;
	char dir[128], db[256], err[512];
	struct store *s;
	int applied = -1;
	assert_int_equal(fx_tempdir(dir, sizeof dir), 0);
	snprintf(db, sizeof db, "%s/a/b/atlas.db", dir);
	assert_int_equal(store_open(db, &s, err, sizeof err), STORE_OK);
	assert_int_equal(store_check_schema(s, err, sizeof err), STORE_ERR_SCHEMA);
	assert_non_null(strstr(err, "atlas migrate"));
	assert_int_equal(store_migrate(s, &applied, err, sizeof err), STORE_OK);
	assert_true(applied > 0);
	assert_int_equal(store_check_schema(s, err, sizeof err), STORE_OK);
	assert_int_equal(store_migrate(s, &applied, err, sizeof err), STORE_OK);
	assert_int_equal(applied, 0);
	uint64_t v = 99;
	assert_int_equal(store_data_version(s, &v), STORE_OK);
	assert_int_equal(v, 0);
	store_close(s);

	/* reopening: still current, WAL and foreign keys set on open */
	assert_int_equal(store_open(db, &s, err, sizeof err), STORE_OK);
	assert_int_equal(store_check_schema(s, err, sizeof err), STORE_OK);
	assert_int_equal(store_migrate(s, &applied, err, sizeof err), STORE_OK);
	assert_int_equal(applied, 0);
	store_close(s);
	assert_int_equal(fx_query_int(db, "SELECT count(*) FROM pragma_journal_mode "
					  "WHERE journal_mode = 'wal'"),
			 1);

	/* a newer schema than this binary knows is refused */
	assert_int_equal(fx_exec_raw(db, "PRAGMA user_version = 999"), 0);
	assert_int_equal(store_open(db, &s, err, sizeof err), STORE_OK);
	assert_int_equal(store_check_schema(s, err, sizeof err), STORE_ERR_SCHEMA);
	assert_int_equal(store_migrate(s, &applied, err, sizeof err), STORE_ERR_SCHEMA);
	store_close(s);
	store_close(NULL);
	fx_rm_rf(dir);
}

/* ----------------------------------------------------------------- import */

static void test_import_counts_and_idempotence(void **state)
{
	struct fx *f = *state;
	struct import_report r;
	import_ok(f, FX_SEED_DIR, &r);
	assert_int_equal(r.added[SEED_SOURCES], 2);
	assert_int_equal(r.added[SEED_DOMAINS], 3);
	assert_int_equal(r.added[SEED_ORGS], 6);
	assert_int_equal(r.added[SEED_COLLABS], 3);
	assert_int_equal(r.added[SEED_PARTS], 10);
	assert_int_equal(total(r.changed), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event"), 24);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event WHERE action = 'insert' AND "
				  "actor = 'test' AND source = 'seed' AND \"before\" IS NULL AND "
				  "json_valid(\"after\") AND at LIKE '____-__-__T__:__:__%Z'"),
			 24);
	assert_int_equal(count(f, "SELECT count(*) FROM collaboration_domain"), 4);
	assert_int_equal(count(f, "SELECT count(*) FROM search_fts"), 9);
	/* the forward successor reference resolved */
	assert_int_equal(count(f, "SELECT count(*) FROM organisation o JOIN organisation s ON "
				  "s.id = o.successor_id WHERE o.code = 'gm9997' AND "
				  "s.code = 'gm9999'"),
			 1);
	/* empty text is '', unknown numbers NULL */
	assert_int_equal(count(f, "SELECT count(*) FROM organisation WHERE code = 'gm9997' AND "
				  "valid_from = '' AND population IS NULL AND area_km2 IS NULL"),
			 1);
	uint64_t v;
	assert_int_equal(store_data_version(f->s, &v), STORE_OK);
	assert_int_equal(v, 1);

	import_ok(f, FX_SEED_DIR, &r);
	assert_int_equal(total(r.added), 0);
	assert_int_equal(total(r.changed), 0);
	assert_int_equal(total(r.unchanged), 24);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event"), 24);
	assert_int_equal(store_data_version(f->s, &v), STORE_OK);
	assert_int_equal(v, 1);
}

static void test_import_detects_change(void **state)
{
	struct fx *f = *state;
	struct import_report r;
	import_ok(f, f->seed, &r);
	assert_int_equal(fx_replace(f->seed, "organisations.csv", "12345,2024-01-01,45.67",
				    "12346,2024-01-01,45.67"),
			 0);
	import_ok(f, f->seed, &r);
	assert_int_equal(total(r.added), 0);
	assert_int_equal(r.changed[SEED_ORGS], 1);
	assert_int_equal(total(r.changed), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event"), 25);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event WHERE action = 'update' AND "
				  "entity = 'organisation' AND entity_key = 'gm9998' AND "
				  "json_extract(\"before\", '$.population') = 12345 AND "
				  "json_extract(\"after\", '$.population') = 12346 AND "
				  "json_extract(\"after\", '$.name') = 'Gemeente Testdorp'"),
			 1);
	uint64_t v;
	assert_int_equal(store_data_version(f->s, &v), STORE_OK);
	assert_int_equal(v, 2);

	/* a changed domain list and a changed participation (keyed by joined) */
	assert_int_equal(
	    fx_replace(f->seed, "collaborations.csv", "sociaal-domein; afval", "afval;veiligheid"),
	    0);
	assert_int_equal(fx_replace(f->seed, "participations.csv", "Tweede periode.",
				    "\"Tweede periode & \"\"meer\"\".\""),
			 0);
	import_ok(f, f->seed, &r);
	assert_int_equal(r.changed[SEED_COLLABS], 1);
	assert_int_equal(r.changed[SEED_PARTS], 1);
	assert_int_equal(total(r.changed), 2);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event WHERE entity = "
				  "'participation' AND action = 'update' AND entity_key = "
				  "'netwerk-lege-tafel/gm9998/2021-01-01'"),
			 1);
	assert_int_equal(count(f,
			       "SELECT count(*) FROM audit_event WHERE entity = "
			       "'collaboration' AND action = 'update' AND "
			       "json_extract(\"before\", '$.domains') = 'afval;sociaal-domein' AND "
			       "json_extract(\"after\", '$.domains') = 'afval;veiligheid'"),
			 1);
	import_ok(f, f->seed, &r);
	assert_int_equal(total(r.changed) + total(r.added), 0);
}

/* Rows in the database that the seed no longer has stay. */
static void test_import_keeps_other_rows(void **state)
{
	struct fx *f = *state;
	struct import_report r;
	import_ok(f, f->seed, &r);
	char path[512];
	snprintf(path, sizeof path, "%s/participations.csv", f->seed);
	char *data = fx_read(path);
	char *last = strstr(data, "netwerk-lege-tafel,gm9998,college,trekker,,,2021");
	assert_non_null(last);
	*last = '\0';
	assert_int_equal(fx_write(path, data), 0);
	free(data);
	import_ok(f, f->seed, &r);
	assert_int_equal(total(r.added) + total(r.changed), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM participation"), 10);
}

struct damage {
	const char *file, *from, *to;
	const char *expect;  /* in err besides file and line */
	const char *line_of; /* text identifying the damaged line (after damage) */
};

static const struct damage damages[] = {
    {"organisations.csv", ",1,,,,12345,2024-01-01", ",1,2019-02-30,,,12345,2024-01-01",
     "kolom valid_from: '2019-02-30' is geen geldige datum", "2019-02-30"},
    {"participations.csv", "veiligheidsregio-testland,gm9996", "veiligheidsregio-testland,gm0000",
     "onbekende organisatie 'gm0000'", "gm0000"},
    {"domains.csv", "key,name,description", "key,naam,description", "kopregel", "naam"},
    {"collaborations.csv", "Testdorp,2010-10-01,,,", "Testdorp,2010-10-01,,",
     "15 kolommen, verwacht 16", "Testdorp,2010-10-01"},
    {"participations.csv", "pv99,,toehoorder", "pv99,,voorzitter",
     "kolom role: onbekende waarde 'voorzitter'", "voorzitter"},
    {"collaborations.csv", "sociaal-domein; afval", "sociaal-domein; onbekend",
     "onbekend beleidsdomein 'onbekend'", "onbekend,"},
    {"organisations.csv", "pv99,province,", "pv99,provincie,",
     "kolom kind: onbekende waarde 'provincie'", "pv99,provincie"},
    {"sources.csv", "test-bron-2,", "test-bron-1,", "staat ook al op regel 2",
     "test-bron-1,\"Fictieve"},
    {"organisations.csv", ",test-bron-2,2023-06-30", ",test-bron-9,2023-06-30",
     "onbekende bron 'test-bron-9'", "test-bron-9"},
    {"organisations.csv", "gm9997,municipality,Gemeente Oudstad,GM9997,gm9997,1,,2019-01-01,gm9999",
     "gm9997,municipality,Gemeente Oudstad,GM9997,gm9997,1,,2019-01-01,gm9990",
     "onbekende opvolger 'gm9990'", "gm9990"},
    {"participations.csv", "Tweede periode.", "\"Tweede periode.", "aanhalingsteken",
     "\"Tweede periode."},
    {"participations.csv", ",0.4,120000,", ",0,4,120000,", "kolommen, verwacht 11", ",0,4,"},
};

/* A damaged seed is refused with file and line; nothing is written, even
 * rows that came before the damage (the source title change). */
static void test_import_damaged_seed(void **state)
{
	struct fx *f = *state;
	struct import_report r;
	import_ok(f, f->seed, &r);
	const char *tables[] = {"source",	 "domain",	  "organisation",
				"collaboration", "participation", "collaboration_domain",
				"audit_event"};
	for (size_t d = 0; d < sizeof damages / sizeof damages[0]; d++) {
		const struct damage *dm = &damages[d];
		char dir[512], sql[128];
		snprintf(dir, sizeof dir, "%s/damaged%zu", f->dir, d);
		assert_int_equal(mkdir(dir, 0755), 0);
		assert_int_equal(fx_copy_seed(dir), 0);
		assert_int_equal(fx_replace(dir, "sources.csv", "Fictief register van Testland",
					    "Fictief register (gewijzigd)"),
				 0);
		if (fx_replace(dir, dm->file, dm->from, dm->to) != 0)
			fail_msg("damage %zu: text not found", d);
		long long before[7];
		for (int t = 0; t < 7; t++) {
			snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tables[t]);
			before[t] = count(f, sql);
		}
		uint64_t v0, v1;
		assert_int_equal(store_data_version(f->s, &v0), STORE_OK);

		f->err[0] = '\0';
		int rc = store_import_seed(f->s, dir, "test", &r, f->err, sizeof f->err);
		char want[640];
		snprintf(want, sizeof want, "%s/%s, regel %d: ", dir, dm->file,
			 fx_line_of(dir, dm->file, dm->line_of));
		if (rc != STORE_ERR_INVALID || !strstr(f->err, want) || !strstr(f->err, dm->expect))
			fail_msg("damage %zu: rc %d, err '%s', expected '%s' and '%s'", d, rc,
				 f->err, want, dm->expect);
		assert_int_equal(total(r.added) + total(r.changed), 0);

		for (int t = 0; t < 7; t++) {
			snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tables[t]);
			assert_int_equal(count(f, sql), before[t]);
		}
		assert_int_equal(count(f, "SELECT count(*) FROM source WHERE title LIKE "
					  "'%gewijzigd%'"),
				 0);
		assert_int_equal(store_data_version(f->s, &v1), STORE_OK);
		assert_int_equal(v0, v1);
	}
	/* missing file */
	char dir[512];
	snprintf(dir, sizeof dir, "%s/empty", f->dir);
	assert_int_equal(mkdir(dir, 0755), 0);
	assert_int_equal(store_import_seed(f->s, dir, "test", &r, f->err, sizeof f->err),
			 STORE_ERR_INVALID);
	assert_non_null(strstr(f->err, "sources.csv"));
	/* the store still works after all the rollbacks */
	import_ok(f, f->seed, &r);
	assert_int_equal(total(r.added) + total(r.changed), 0);
}

/* --------------------------------------------------------------- snapshot */

static int org(const struct snapshot *s, const char *code)
{
	int i = snapshot_find_org(s, code);
	assert_true(i >= 0);
	return i;
}

static void test_snapshot(void **state)
{
	struct fx *f = *state;
	struct import_report r;
	struct snapshot *s;
	import_ok(f, FX_SEED_DIR, &r);
	assert_int_equal(store_load_snapshot(f->s, "2025-06-01", &s, f->err, sizeof f->err),
			 STORE_OK);
	assert_int_equal(s->version, 1);
	assert_int_equal(s->n_sources, 2);
	assert_int_equal(s->n_domains, 3);
	assert_int_equal(s->n_orgs, 6);
	assert_int_equal(s->n_collabs, 3);
	assert_int_equal(s->n_parts, 10);

	int oud = org(s, "gm9997"), vb = org(s, "gm9999"), td = org(s, "gm9998");
	assert_int_equal(s->orgs[oud].successor, vb);
	assert_true(s->orgs[oud].ended);
	assert_string_equal(s->orgs[oud].valid_to, "2019-01-01");
	assert_int_equal(s->orgs[oud].population, -1);
	assert_true(s->orgs[oud].area_km2 < 0);
	assert_int_equal(s->orgs[vb].n_predecessors, 1);
	assert_int_equal(s->orgs[vb].predecessors[0], oud);
	assert_int_equal(s->orgs[td].population, 12345);
	assert_true(s->orgs[td].area_km2 > 45.66 && s->orgs[td].area_km2 < 45.68);
	assert_int_equal(s->orgs[td].kind, ORG_MUNICIPALITY);
	assert_int_equal(s->orgs[td].n_parts, 4);
	assert_string_equal(s->sources[s->orgs[td].source].key, "test-bron-1");
	assert_string_equal(s->orgs[org(s, "gm9996")].name, "Gemeente Zeïsterwoud");

	int afv = snapshot_find_collab(s, "gr-testregio-afval");
	int net = snapshot_find_collab(s, "netwerk-lege-tafel");
	assert_true(afv >= 0 && net >= 0);
	assert_int_equal(s->orgs[org(s, "afvalschap-testregio")].collaboration, afv);
	const struct collaboration *c = &s->collabs[afv];
	assert_int_equal(c->legal_form, LF_OL);
	assert_int_equal(c->powers, POW_DELEGATIE);
	assert_int_equal(c->phase, PHASE_STABILISATIE);
	assert_int_equal(c->n_parts, 4);
	assert_true(c->active);
	assert_int_equal(c->n_domains, 1);
	assert_string_equal(s->domains[c->domains[0]].key, "afval");
	assert_non_null(strstr(c->purpose, "<script>alert(1)</script>"));
	assert_int_equal(s->collabs[net].n_domains, 2);
	assert_int_equal(s->collabs[net].n_active_parts, 0);
	assert_int_equal(s->collabs[net].kind, COLLAB_NETWORK);
	assert_int_equal(s->collabs[net].legal_form, LF_CONVENANT);
	assert_non_null(strstr(s->collabs[net].name, "\"Lege Tafel\" & Co <script>"));

	int found = 0;
	for (int i = 0; i < s->n_parts; i++) {
		const struct participation *p = &s->parts[i];
		if (p->organisation == td && p->collaboration == afv) {
			found++;
			assert_int_equal(p->body, BODY_RAAD);
			assert_int_equal(p->role, ROLE_DEELNEMER);
			assert_true(p->cost_share > 0.39 && p->cost_share < 0.41);
			assert_int_equal(p->contribution, 120000);
			assert_string_equal(p->joined, "2015-01-01");
			assert_true(p->active);
		}
		if (p->organisation == org(s, "pv99")) {
			assert_int_equal(p->role, ROLE_TOEHOORDER);
			assert_int_equal(p->body, BODY_UNKNOWN);
			assert_true(p->cost_share < 0);
			assert_int_equal(p->contribution, -1);
		}
	}
	assert_int_equal(found, 1);
	snapshot_free(s);

	/* an unknown stored code is a fault, not a crash */
	assert_int_equal(fx_exec_raw(f->db, "UPDATE organisation SET kind = 'planet' WHERE code = "
					    "'gm9998'"),
			 0);
	s = (struct snapshot *)1;
	assert_int_equal(store_load_snapshot(f->s, "2025-06-01", &s, f->err, sizeof f->err),
			 STORE_ERR);
	assert_null(s);
	assert_non_null(strstr(f->err, "planet"));
}

/* ----------------------------------------------------------------- search */

static bool has_hit(const struct search_hit *h, int n, char kind, const char *key)
{
	for (int i = 0; i < n; i++)
		if (h[i].kind == kind && strcmp(h[i].key, key) == 0)
			return true;
	return false;
}

static void search(struct fx *f, const char *q, struct search_hit **h, int *n, int *tot)
{
	int rc = store_search(f->s, f->a, q, 20, 0, h, n, tot);
	if (rc != STORE_OK)
		fail_msg("search '%s' failed", q);
}

static void test_search(void **state)
{
	struct fx *f = *state;
	struct import_report r;
	struct search_hit *h;
	int n, tot;
	import_ok(f, FX_SEED_DIR, &r);

	const char *zeist[] = {"Zeïst", "zeist", "ZEIST", "Zeïsterwoud", "zeisterwoud", "zeïs"};
	for (size_t i = 0; i < sizeof zeist / sizeof zeist[0]; i++) {
		search(f, zeist[i], &h, &n, &tot);
		if (!has_hit(h, n, 'o', "gm9996") ||
		    !has_hit(h, n, 'c', "veiligheidsregio-testland"))
			fail_msg("'%s' did not find Zeïsterwoud (n=%d)", zeist[i], n);
		assert_int_equal(tot, 2);
		/* the organisation's name matches: it ranks first */
		assert_string_equal(h[0].key, "gm9996");
		assert_string_equal(h[0].name, "Gemeente Zeïsterwoud");
		assert_string_equal(h[0].snippet, h[0].name); /* no purpose: the name */
	}

	search(f, "TESTDORP", &h, &n, &tot);
	assert_true(has_hit(h, n, 'o', "gm9998"));
	assert_true(has_hit(h, n, 'c', "veiligheidsregio-testland")); /* purpose */

	/* purposes give a snippet with the matched text, no markup */
	search(f, "crisisbeheersing", &h, &n, &tot);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].kind, 'c');
	assert_non_null(strstr(h[0].snippet, "crisisbeheersing"));

	/* codes and short names */
	search(f, "gm9997", &h, &n, &tot);
	assert_true(has_hit(h, n, 'o', "gm9997"));
	search(f, "vrt", &h, &n, &tot);
	assert_true(has_hit(h, n, 'c', "veiligheidsregio-testland"));

	/* several words: all must match */
	search(f, "gemeente voorbeeld", &h, &n, &tot);
	assert_int_equal(tot, 1);
	assert_string_equal(h[0].key, "gm9999");

	/* paging: total counts all, n at most limit */
	assert_int_equal(store_search(f->s, f->a, "gemeente", 2, 0, &h, &n, &tot), STORE_OK);
	assert_int_equal(tot, 4);
	assert_int_equal(n, 2);
	assert_int_equal(store_search(f->s, f->a, "gemeente", 2, 3, &h, &n, &tot), STORE_OK);
	assert_int_equal(tot, 4);
	assert_int_equal(n, 1);

	/* hostile input: never an error, never FTS syntax */
	char longq[301];
	memset(longq, 'a', 300);
	longq[300] = '\0';
	char manyq[400] = "";
	for (int i = 0; i < 40; i++)
		strcat(manyq, "x\"y ");
	const char *hostile[] = {
	    "\"",  "*",		"AND OR NOT",	 "a\" OR 1=1 --", "(",
	    ")",   "NEAR(a b)", "name:testdorp", "^testdorp",	  "-",
	    "''",  "€ — …",	"\xc2\xa0",	 "\xff\xfe",	  "",
	    "   ", longq,	manyq,		 "script",	  "<script>alert(1)</script>"};
	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		h = (struct search_hit *)1;
		int rc = store_search(f->s, f->a, hostile[i], 20, 0, &h, &n, &tot);
		if (rc != STORE_OK)
			fail_msg("hostile query %zu failed", i);
		assert_true(n <= tot);
	}
	assert_int_equal(store_search(f->s, f->a, "", 20, 0, &h, &n, &tot), STORE_OK);
	assert_int_equal(n, 0);
	assert_int_equal(tot, 0);
	assert_null(h);
	assert_int_equal(store_search(f->s, f->a, "gemeente:testdorp", 20, 0, &h, &n, &tot),
			 STORE_OK);
	assert_true(has_hit(h, n, 'o', "gm9998")); /* both as words, not a column filter */
	assert_int_equal(store_search(f->s, f->a, "<script>", 20, 0, &h, &n, &tot), STORE_OK);
	assert_true(has_hit(h, n, 'c', "netwerk-lege-tafel"));
}

/* ------------------------------------------------------------------ check */

static bool has_finding(const struct check_finding *c, int n, const char *kind, const char *text)
{
	for (int i = 0; i < n; i++)
		if (strcmp(c[i].kind, kind) == 0 && strstr(c[i].message, text))
			return true;
	return false;
}

static void test_check(void **state)
{
	struct fx *f = *state;
	struct import_report r;
	struct check_finding *c;
	int n;
	import_ok(f, FX_SEED_DIR, &r);
	assert_int_equal(store_check(f->s, "2025-06-01", &c, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_true(has_finding(c, n, "zonder-deelnemers", "(netwerk-lege-tafel)"));
	assert_true(has_finding(c, n, "beeindigde-deelnemer", "Gemeente Oudstad' (gm9997)"));
	assert_true(has_finding(c, n, "beeindigde-deelnemer", "(gr-testregio-afval)"));
	store_check_free(c, n);

	/* on a day when the second period was still running, the network had
	 * a participant */
	assert_int_equal(store_check(f->s, "2021-06-01", &c, &n), STORE_OK);
	assert_false(has_finding(c, n, "zonder-deelnemers", "netwerk-lege-tafel"));
	store_check_free(c, n);

	/* plant what foreign keys would normally refuse */
	assert_int_equal(
	    fx_exec_raw(f->db,
			"INSERT INTO participation (collaboration_id, organisation_id, role) "
			"SELECT id, 999999, 'deelnemer' FROM collaboration WHERE key = "
			"'veiligheidsregio-testland';"
			"INSERT INTO participation (collaboration_id, organisation_id, role) "
			"SELECT 888888, id, 'deelnemer' FROM organisation WHERE code = 'gm9998';"),
	    0);
	assert_int_equal(store_check(f->s, "2025-06-01", &c, &n), STORE_OK);
	assert_int_equal(n, 4);
	assert_true(has_finding(c, n, "onbekende-deelnemer", "organisatie 999999"));
	assert_true(has_finding(c, n, "onbekend-verband", "samenwerkingsverband 888888"));
	store_check_free(c, n);
}

/* ---------------------------------------------------------------- threads */

struct thread_arg {
	struct store *first, *second;
	uint64_t version;
};

static void *thread_main(void *p)
{
	struct thread_arg *a = p;
	a->first = store_thread();
	a->second = store_thread();
	if (a->first)
		store_data_version(a->first, &a->version);
	return NULL;
}

static void test_thread_store(void **state)
{
	struct fx *f = *state;
	struct import_report r;
	import_ok(f, FX_SEED_DIR, &r);
	store_thread_setup(f->db);
	struct thread_arg a[4] = {{0}};
	pthread_t t[4];
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, thread_main, &a[i]), 0);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(pthread_join(t[i], NULL), 0);
		assert_non_null(a[i].first);
		assert_ptr_equal(a[i].first, a[i].second);
		assert_int_equal(a[i].version, 1);
	}
	/* connections were closed by the key destructor (leaks show up in
	 * make sanitize) */
}

/* The main thread's connection is never closed by the key destructor (exit()
 * does not run it): store_thread_release closes it (the server calls it at
 * shutdown; before, valgrind showed SQLite's page cache still held at exit). */
static void test_thread_store_release(void **state)
{
	struct fx *f = *state;
	struct import_report r;
	import_ok(f, FX_SEED_DIR, &r);
	store_thread_setup(f->db);
	struct store *s = store_thread();
	assert_non_null(s);
	uint64_t v = 0;
	assert_int_equal(store_data_version(s, &v), STORE_OK);
	store_thread_release();
	store_thread_release(); /* nothing open: no-op */
	s = store_thread();	/* a new connection that works */
	assert_non_null(s);
	assert_int_equal(store_data_version(s, &v), STORE_OK);
	assert_int_equal(v, 1);
	store_thread_release();
}

/* ------------------------------------------------------------- real seed */

/* The bundled dataset imports cleanly and idempotently (skipped when the
 * repository has no data/seed yet). */
/* issue 7: a database URL in messages never shows its password */
static void test_path_display(void **state)
{
	(void)state;
	char out[256];
	store_path_display("postgresql://atlas:geheim@db.example:5432/atlas?sslmode=require", out,
			   sizeof out);
	assert_string_equal(out, "postgresql://atlas:***@db.example:5432/atlas?sslmode=require");
	store_path_display("postgres://db.example/atlas?user=a&password=geheim&x=1", out,
			   sizeof out);
	assert_string_equal(out, "postgres://db.example/atlas?user=a&password=***&x=1");
	store_path_display("postgres://a@b@db/x", out, sizeof out);
	assert_string_equal(out, "postgres://a@b@db/x");
	store_path_display("postgres://a:p@ss@db/x", out, sizeof out);
	assert_string_equal(out, "postgres://a:***@db/x");
	store_path_display("var/atlas.db", out, sizeof out);
	assert_string_equal(out, "var/atlas.db");
	assert_true(store_path_is_pg("postgresql://x/y"));
	assert_true(store_path_is_pg("postgres://x/y"));
	assert_false(store_path_is_pg("var/postgres://x"));
	assert_false(store_path_is_pg("sqlite:var/atlas.db"));
}

static void test_real_seed(void **state)
{
	struct fx *f = *state;
	struct import_report r;
	struct snapshot *s;
	if (access("data/seed/sources.csv", R_OK) != 0)
		skip();
	import_ok(f, "data/seed", &r);
	assert_true(total(r.added) > 0);
	import_ok(f, "data/seed", &r);
	assert_int_equal(total(r.added) + total(r.changed), 0);
	assert_int_equal(store_load_snapshot(f->s, "2025-06-01", &s, f->err, sizeof f->err),
			 STORE_OK);
	assert_true(s->n_orgs > 26);
	snapshot_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_migrate_from_empty),
	    cmocka_unit_test_setup_teardown(test_import_counts_and_idempotence, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_import_detects_change, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_import_keeps_other_rows, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_import_damaged_seed, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_snapshot, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_search, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_check, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_thread_store, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_thread_store_release, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_real_seed, setup, teardown),
	    cmocka_unit_test(test_path_display),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
