/*
 * test_store_write — registry edits through store_write.h against the
 * fictional seed: create/update/end of collaborations with optimistic
 * versions and conflicts, every validation rule (one failing field each and
 * a case with several), no partial writes (rows and audit events counted
 * before and after every rejected call), confirmations, participations,
 * organisation edits, history and the change list, the version bump of the
 * seed import, and hostile text stored unchanged.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/domain/snapshot.h"
#include "../../src/store/store.h"
#include "../../src/store/store_write.h"
#include "../../src/lib/arena.h"
#include "fixtures.h"

#include <jansson.h>

#define TODAY "2025-03-01"
#define HOSTILE "<script>alert(\"x\")</script> & 'quotes' \"dubbel\""

struct fx {
	struct arena *a; /* owns what the store's read functions return */
	char dir[128];
	char db[256];
	struct store *s;
	struct write_ctx w;
	char err[1024];
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || fixture_store_seeded(f))
		return -1;
	f->a = arena_new();
	f->w = (struct write_ctx){"gebruiker:jan", "web", TODAY};
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	fixture_store_free(f);
	arena_free(f->a);
	free(f);
	return 0;
}

static long long q(struct fx *f, const char *sql)
{
	return fx_query_int(f->db, sql);
}

/* A fingerprint of everything a write may touch. */
static long long state_sum(struct fx *f)
{
	return q(f, "SELECT (SELECT count(*) FROM audit_event) * 1000000 + "
		    "(SELECT count(*) FROM collaboration) * 10000 + "
		    "(SELECT count(*) FROM participation) * 100 + (SELECT count(*) FROM source) + "
		    "(SELECT sum(version) FROM collaboration) + (SELECT sum(version) FROM "
		    "participation) + (SELECT sum(version) FROM organisation) + "
		    "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'data_version') * 7");
}

static struct collab_input valid_collab(void)
{
	return (struct collab_input){
	    .name = "Samenwerking Testkwartier",
	    .short_name = "STK",
	    .kind = "netwerk",
	    .legal_form = "convenant",
	    .powers = "onbekend",
	    .domains = "veiligheid, afval",
	    .phase = "groei",
	    .purpose = "Samen oefenen.",
	    .seat = "Testdorp",
	    .start_date = "2021-01-01",
	    .end_date = "",
	    .website = "https://example.org/stk",
	    .note = "",
	    .source_key = NULL,
	};
}

static void expect_field(const struct field_errors *e, const char *field)
{
	for (int i = 0; i < e->n; i++)
		if (strcmp(e->e[i].field, field) == 0) {
			assert_true(strlen(e->e[i].message) > 5);
			return;
		}
	print_error("no error for field %s (%d errors)\n", field, e->n);
	fail();
}

/* The string value of key in JSON text. */
static char *json_field(const char *text, const char *key)
{
	json_t *j = json_loads(text, 0, NULL);
	const char *v = json_string_value(json_object_get(j, key));
	char *out = v ? strdup(v) : NULL;
	json_decref(j);
	return out;
}

/*
 * Regression: creating with optional fields left out (NULL) once made the
 * merge copy a string that rec_set had just freed (found with valgrind; an
 * ASan build of this test fails on the old code). The fields must come out
 * empty, and the write must succeed.
 */
static void test_collab_create_minimal(void **state)
{
	struct fx *f = *state;
	struct field_errors e;
	struct collab_input in = {
	    .name = "Minimale Testsamenwerking", .kind = "netwerk", .domains = "afval"};
	char key[96];
	assert_int_equal(store_collab_create(f->s, &f->w, &in, key, sizeof key, &e), STORE_OK);
	assert_int_equal(q(f, "SELECT count(*) FROM collaboration WHERE key = "
			      "'minimale-testsamenwerking' AND short_name = '' AND purpose = '' "
			      "AND seat = '' AND website = '' AND note = ''"),
			 1);
}

/* --------------------------------------------------------- collaborations */

static void test_collab_lifecycle(void **state)
{
	struct fx *f = *state;
	struct field_errors e;
	struct collab_input in = valid_collab();
	char key[96];
	int64_t cur = -1;
	long long dv = q(f, "SELECT value FROM meta WHERE key = 'data_version'");

	assert_int_equal(store_collab_create(f->s, &f->w, &in, key, sizeof key, &e), STORE_OK);
	assert_string_equal(key, "samenwerking-testkwartier");
	assert_int_equal(e.n, 0);
	assert_int_equal(q(f, "SELECT version FROM collaboration WHERE key = "
			      "'samenwerking-testkwartier'"),
			 1);
	assert_int_equal(q(f, "SELECT count(*) FROM collaboration WHERE key = "
			      "'samenwerking-testkwartier' AND last_confirmed = '" TODAY "' AND "
			      "confirmed_by = 'gebruiker:jan' AND kind = 'network' AND "
			      "legal_form = 'convenant' AND powers = '' AND phase = 'groei'"),
			 1);
	assert_int_equal(q(f, "SELECT count(*) FROM collaboration c JOIN source s ON "
			      "s.id = c.source_id WHERE c.key = 'samenwerking-testkwartier' AND "
			      "s.key = 'invoer-gebruiker' AND s.title = 'Ingevoerd door een "
			      "partner in de Samenwerkingsatlas'"),
			 1);
	assert_int_equal(q(f, "SELECT count(*) FROM collaboration_domain cd JOIN collaboration c "
			      "ON c.id = cd.collaboration_id WHERE c.key = "
			      "'samenwerking-testkwartier'"),
			 2);
	assert_int_equal(q(f, "SELECT value FROM meta WHERE key = 'data_version'"), dv + 1);
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE entity = 'collaboration' "
			      "AND entity_key = 'samenwerking-testkwartier' AND action = 'insert' "
			      "AND actor = 'gebruiker:jan' AND via = 'web' AND source = 'web' "
			      "AND \"before\" IS NULL AND json_extract(\"after\", '$.naam') = "
			      "'Samenwerking Testkwartier' AND json_extract(\"after\", "
			      "'$.beleidsdomeinen') = 'afval;veiligheid'"),
			 1);

	/* same name again: a unique key; the source row is made only once */
	assert_int_equal(store_collab_create(f->s, &f->w, &in, key, sizeof key, &e), STORE_OK);
	assert_string_equal(key, "samenwerking-testkwartier-2");
	assert_int_equal(q(f, "SELECT count(*) FROM source WHERE key = 'invoer-gebruiker'"), 1);
	/* diacritics and punctuation fold into the key */
	in.name = "Ëindhoven & Zeïst: \"samen\"";
	assert_int_equal(store_collab_create(f->s, &f->w, &in, key, sizeof key, &e), STORE_OK);
	assert_string_equal(key, "eindhoven-zeist-samen");

	/* update: version 1 -> 2, before/after readable */
	struct collab_input up = {.phase = "stabilisatie"};
	assert_int_equal(
	    store_collab_update(f->s, &f->w, "samenwerking-testkwartier", 1, &up, &e, &cur),
	    STORE_OK);
	assert_int_equal(cur, 2);
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE action = 'update' AND "
			      "entity_key = 'samenwerking-testkwartier' AND "
			      "json_extract(\"before\", '$.fase') = 'groei' AND "
			      "json_extract(\"after\", '$.fase') = 'stabilisatie' AND "
			      "json_extract(\"after\", '$.naam') = 'Samenwerking Testkwartier'"),
			 1);
	/* NULL fields kept */
	assert_int_equal(q(f, "SELECT count(*) FROM collaboration WHERE key = "
			      "'samenwerking-testkwartier' AND short_name = 'STK' AND "
			      "seat = 'Testdorp' AND phase = 'stabilisatie'"),
			 1);

	/* stale version: conflict, current version reported, nothing written */
	long long before = state_sum(f);
	up.phase = "transformatie";
	cur = -1;
	assert_int_equal(
	    store_collab_update(f->s, &f->w, "samenwerking-testkwartier", 1, &up, &e, &cur),
	    STORE_ERR_CONFLICT);
	assert_int_equal(cur, 2);
	assert_int_equal(state_sum(f), before);

	/* an edit that changes nothing writes nothing */
	up.phase = "stabilisatie";
	assert_int_equal(
	    store_collab_update(f->s, &f->w, "samenwerking-testkwartier", 2, &up, &e, &cur),
	    STORE_OK);
	assert_int_equal(cur, 2);
	assert_int_equal(state_sum(f), before);

	/* unknown key */
	assert_int_equal(store_collab_update(f->s, &f->w, "bestaat-niet", 1, &up, &e, &cur),
			 STORE_ERR_NOTFOUND);

	/* end (soft delete) */
	assert_int_equal(store_collab_end(f->s, &f->w, "samenwerking-testkwartier", 1, &cur),
			 STORE_ERR_CONFLICT);
	assert_int_equal(store_collab_end(f->s, &f->w, "samenwerking-testkwartier", 2, &cur),
			 STORE_OK);
	assert_int_equal(cur, 3);
	assert_int_equal(q(f, "SELECT count(*) FROM collaboration WHERE key = "
			      "'samenwerking-testkwartier' AND phase = 'beeindigd' AND "
			      "end_date = '" TODAY "' AND version = 3"),
			 1);
	assert_int_equal(q(f,
			   "SELECT count(*) FROM audit_event WHERE action = 'delete' AND "
			   "entity = 'collaboration' AND json_extract(\"after\", '$.fase') = "
			   "'beeindigd' AND json_extract(\"after\", '$.einddatum') = '" TODAY "'"),
			 1);
	/* the search index follows */
	struct search_hit *hits;
	int n, total;
	assert_int_equal(store_search(f->s, f->a, "Testkwartier", 10, 0, &hits, &n, &total),
			 STORE_OK);
	assert_int_equal(total, 2);
}

static void test_collab_update_seeded(void **state)
{
	struct fx *f = *state;
	struct field_errors e;
	int64_t cur;
	/* a seeded record: version 1 after the import, keeps its seed source */
	assert_int_equal(q(f, "SELECT version FROM collaboration WHERE key = "
			      "'veiligheidsregio-testland'"),
			 1);
	struct collab_input up = {.name = "Veiligheidsregio Testland-Noord", .end_date = ""};
	assert_int_equal(
	    store_collab_update(f->s, &f->w, "veiligheidsregio-testland", 1, &up, &e, &cur),
	    STORE_OK);
	assert_int_equal(cur, 2);
	assert_int_equal(q(f,
			   "SELECT count(*) FROM collaboration c JOIN source s ON s.id = "
			   "c.source_id WHERE c.key = 'veiligheidsregio-testland' AND "
			   "s.key = 'test-bron-2' AND c.name = 'Veiligheidsregio Testland-Noord'"),
			 1);
	/* the snapshot carries version and confirmed_by */
	struct snapshot *snap;
	assert_int_equal(store_load_snapshot(f->s, TODAY, &snap, f->err, sizeof f->err), STORE_OK);
	bool found = false;
	for (int i = 0; i < snap->n_collabs; i++) {
		const struct collaboration *c = &snap->collabs[i];
		if (strcmp(c->key, "veiligheidsregio-testland") == 0) {
			found = true;
			assert_int_equal(c->version, 2);
			assert_string_equal(c->confirmed_by, "");
		}
	}
	assert_true(found);
	snapshot_free(snap);
}

static void test_hostile_text_unchanged(void **state)
{
	struct fx *f = *state;
	struct field_errors e;
	struct collab_input in = valid_collab();
	char key[96];
	in.name = "Test " HOSTILE;
	in.purpose = HOSTILE "\nTweede regel.";
	in.note = HOSTILE;
	assert_int_equal(store_collab_create(f->s, &f->w, &in, key, sizeof key, &e), STORE_OK);
	struct snapshot *snap;
	assert_int_equal(store_load_snapshot(f->s, TODAY, &snap, f->err, sizeof f->err), STORE_OK);
	bool found = false;
	for (int i = 0; i < snap->n_collabs; i++) {
		const struct collaboration *c = &snap->collabs[i];
		if (strcmp(c->key, key) == 0) {
			found = true;
			assert_string_equal(c->name, "Test " HOSTILE);
			assert_string_equal(c->purpose, HOSTILE "\nTweede regel.");
			assert_string_equal(c->note, HOSTILE);
			assert_string_equal(c->confirmed_by, "gebruiker:jan");
			assert_int_equal(c->version, 1);
		}
	}
	assert_true(found);
	snapshot_free(snap);
	/* and in the audit image */
	struct audit_row *rows;
	int n;
	assert_int_equal(store_history(f->s, f->a, "collaboration", key, &rows, &n), STORE_OK);
	assert_int_equal(n, 1);
	char *v = json_field(rows[0].after, "opmerking");
	assert_string_equal(v, HOSTILE);
	free(v);
}

struct vcase {
	const char *field;
	int which; /* index of the input member to replace */
	const char *value;
};

/* collab_input members by index, for the table below */
static const char **member(struct collab_input *in, int i)
{
	const char **m[] = {&in->name,	 &in->short_name, &in->kind,	 &in->legal_form,
			    &in->powers, &in->domains,	  &in->phase,	 &in->purpose,
			    &in->seat,	 &in->start_date, &in->end_date, &in->website,
			    &in->note,	 &in->source_key};
	return m[i];
}

static char long_text[3000];

static const char *repeat(char c, int n)
{
	memset(long_text, c, (size_t)n);
	long_text[n] = '\0';
	return long_text;
}

static void test_collab_validation(void **state)
{
	struct fx *f = *state;
	struct field_errors e;
	char key[96];
	int64_t cur;
	const struct vcase cases[] = {
	    {"naam", 0, ""},
	    {"naam", 0, "x"},
	    {"naam", 0, NULL /* 201 characters */},
	    {"naam", 0, "Met\x01stuurteken"},
	    {"korteNaam", 1, NULL /* 61 */},
	    {"soort", 2, ""},
	    {"soort", 2, "gr"},
	    {"juridischeVorm", 3, "ol"},
	    {"bevoegdheidsverkrijging", 4, "volmacht"},
	    {"beleidsdomeinen", 5, ""},
	    {"beleidsdomeinen", 5, "bestaat-niet"},
	    {"beleidsdomeinen", 5, "Geen Sleutel"},
	    {"fase", 6, "bloei"},
	    {"doel", 7, NULL /* 2001 */},
	    {"vestigingsplaats", 8, NULL /* 101 */},
	    {"startdatum", 9, "2023-02-31"},
	    {"startdatum", 9, "1-1-2023"},
	    {"einddatum", 10, "2020-12-31"}, /* before start 2021-01-01 */
	    {"einddatum", 10, "2021-13-01"},
	    {"website", 11, "javascript:alert(1)"},
	    {"website", 11, "www.example.org"},
	    {"opmerking", 12, NULL /* 1001 */},
	    {"bron", 13, "bestaat-niet"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct collab_input in = valid_collab();
		const char *v = cases[i].value;
		if (!v) {
			int len = strcmp(cases[i].field, "naam") == 0		    ? 201
				  : strcmp(cases[i].field, "korteNaam") == 0	    ? 61
				  : strcmp(cases[i].field, "doel") == 0		    ? 2001
				  : strcmp(cases[i].field, "vestigingsplaats") == 0 ? 101
										    : 1001;
			v = repeat('a', len);
		}
		*member(&in, cases[i].which) = v;
		long long before = state_sum(f);
		int rc = store_collab_create(f->s, &f->w, &in, key, sizeof key, &e);
		if (rc != STORE_ERR_INVALID || e.n != 1 || strcmp(e.e[0].field, cases[i].field))
			print_error("case %zu (%s): rc %d, %d errors, first %s\n", i,
				    cases[i].field, rc, e.n, e.n ? e.e[0].field : "-");
		assert_int_equal(rc, STORE_ERR_INVALID);
		assert_int_equal(e.n, 1);
		assert_string_equal(e.e[0].field, cases[i].field);
		assert_int_equal(state_sum(f), before);
		/* the same through an update of a seeded record */
		struct collab_input up = {0};
		*member(&up, cases[i].which) = v;
		if (cases[i].which == 10) /* end before the seeded start 2010-10-01 */
			*member(&up, 10) = strcmp(v, "2020-12-31") == 0 ? "2009-01-01" : v;
		rc =
		    store_collab_update(f->s, &f->w, "veiligheidsregio-testland", 1, &up, &e, &cur);
		assert_int_equal(rc, STORE_ERR_INVALID);
		assert_int_equal(e.n, 1);
		assert_string_equal(e.e[0].field, cases[i].field);
		assert_int_equal(state_sum(f), before);
	}

	/* character limits count characters, not bytes: 200 x "é" is fine */
	struct collab_input in = valid_collab();
	char name[401];
	for (int i = 0; i < 200; i++)
		memcpy(name + 2 * i, "\xC3\xA9", 2);
	name[400] = '\0';
	in.name = name;
	assert_int_equal(store_collab_create(f->s, &f->w, &in, key, sizeof key, &e), STORE_OK);

	/* several errors at once: all reported, nothing written */
	in = valid_collab();
	in.name = "";
	in.kind = "onzin";
	in.start_date = "2024-02-30";
	in.end_date = "morgen";
	in.website = "ftp://example.org";
	in.domains = "";
	long long before = state_sum(f);
	assert_int_equal(store_collab_create(f->s, &f->w, &in, key, sizeof key, &e),
			 STORE_ERR_INVALID);
	assert_int_equal(e.n, 6);
	expect_field(&e, "naam");
	expect_field(&e, "soort");
	expect_field(&e, "startdatum");
	expect_field(&e, "einddatum");
	expect_field(&e, "website");
	expect_field(&e, "beleidsdomeinen");
	assert_int_equal(state_sum(f), before);
	/* Dutch messages */
	assert_string_equal(e.e[0].message, "Vul een naam in.");
}

/* ---------------------------------------------------------- confirmation */

static void test_confirm(void **state)
{
	struct fx *f = *state;
	int64_t cur = -1;
	assert_int_equal(store_confirm(f->s, &f->w, "collaboration", "gr-testregio-afval", 2, &cur),
			 STORE_ERR_CONFLICT);
	assert_int_equal(cur, 1);
	assert_int_equal(store_confirm(f->s, &f->w, "collaboration", "gr-testregio-afval", 1, &cur),
			 STORE_OK);
	assert_int_equal(cur, 2);
	assert_int_equal(q(f, "SELECT count(*) FROM collaboration WHERE key = "
			      "'gr-testregio-afval' AND last_confirmed = '" TODAY "' AND "
			      "confirmed_by = 'gebruiker:jan' AND version = 2"),
			 1);
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE action = 'confirm' AND "
			      "entity = 'collaboration' AND entity_key = 'gr-testregio-afval' AND "
			      "json_extract(\"before\", '$.laatstBevestigd') = '2024-01-01' AND "
			      "json_extract(\"after\", '$.laatstBevestigd') = '" TODAY "' AND "
			      "json_extract(\"after\", '$.bevestigdDoor') = 'gebruiker:jan'"),
			 1);

	long long pid = q(f, "SELECT p.id FROM participation p JOIN organisation o ON o.id = "
			     "p.organisation_id WHERE o.code = 'gm9998' AND p.collaboration_id = "
			     "(SELECT id FROM collaboration WHERE key = 'gr-testregio-afval')");
	char pk[32];
	snprintf(pk, sizeof pk, "%lld", pid);
	assert_int_equal(store_confirm(f->s, &f->w, "participation", pk, 1, &cur), STORE_OK);
	assert_int_equal(cur, 2);
	char sql[256];
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM audit_event WHERE action = 'confirm' AND entity_key = "
		 "'gr-testregio-afval/%lld'",
		 pid);
	assert_int_equal(q(f, sql), 1);
	assert_int_equal(store_confirm(f->s, &f->w, "organisation", "gm9998", 1, &cur), STORE_OK);
	assert_int_equal(q(f, "SELECT count(*) FROM organisation WHERE code = 'gm9998' AND "
			      "confirmed_by = 'gebruiker:jan' AND version = 2"),
			 1);
	long long before = state_sum(f);
	assert_int_equal(store_confirm(f->s, &f->w, "domain", "afval", 1, &cur), STORE_ERR_INVALID);
	assert_int_equal(store_confirm(f->s, &f->w, "organisation", "gm0000", 1, &cur),
			 STORE_ERR_NOTFOUND);
	assert_int_equal(store_confirm(f->s, &f->w, "participation", "abc", 1, &cur),
			 STORE_ERR_NOTFOUND);
	assert_int_equal(state_sum(f), before);
}

/* -------------------------------------------------------- participations */

static struct part_input valid_part(const char *org)
{
	return (struct part_input){.org_code = org,
				   .body = "college",
				   .role = "deelnemer",
				   .cost_share = "0,1",
				   .contribution = "5000",
				   .joined = "2024-01-01",
				   .left = "",
				   .note = HOSTILE};
}

static void test_participations(void **state)
{
	struct fx *f = *state;
	struct field_errors e;
	int64_t id = 0, cur;
	struct part_input in = valid_part("gm9996");

	assert_int_equal(store_part_create(f->s, &f->w, "gr-testregio-afval", &in, &id, &e),
			 STORE_OK);
	assert_true(id > 0);
	char sql[512];
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM participation WHERE id = %lld AND version = 1 AND "
		 "cost_share = 0.1 AND contribution_eur = 5000 AND body = 'college' AND "
		 "last_confirmed = '" TODAY "' AND confirmed_by = 'gebruiker:jan' AND "
		 "source_id = (SELECT id FROM source WHERE key = 'invoer-gebruiker')",
		 (long long)id);
	assert_int_equal(q(f, sql), 1);
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM audit_event WHERE entity = 'participation' AND "
		 "action = 'insert' AND entity_key = 'gr-testregio-afval/%lld' AND "
		 "json_extract(\"after\", '$.organisatie') = 'gm9996' AND "
		 "json_extract(\"after\", '$.samenwerkingsverband') = 'gr-testregio-afval' AND "
		 "json_extract(\"after\", '$.organisatieNaam') = 'Gemeente Zeïsterwoud' AND "
		 "json_extract(\"after\", '$.kostenverdeelsleutel') = 0.1",
		 (long long)id);
	assert_int_equal(q(f, sql), 1);

	/* duplicate active participation, unknown organisation, unknown collaboration */
	long long before = state_sum(f);
	int64_t id2 = 0;
	in = valid_part("gm9998");
	assert_int_equal(store_part_create(f->s, &f->w, "gr-testregio-afval", &in, &id2, &e),
			 STORE_ERR_INVALID);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.e[0].field, "organisatie");
	in = valid_part("gm0000");
	assert_int_equal(store_part_create(f->s, &f->w, "gr-testregio-afval", &in, &id2, &e),
			 STORE_ERR_INVALID);
	assert_string_equal(e.e[0].field, "organisatie");
	in = valid_part("");
	assert_int_equal(store_part_create(f->s, &f->w, "gr-testregio-afval", &in, &id2, &e),
			 STORE_ERR_INVALID);
	assert_string_equal(e.e[0].field, "organisatie");
	in = valid_part("gm9996");
	assert_int_equal(store_part_create(f->s, &f->w, "bestaat-niet", &in, &id2, &e),
			 STORE_ERR_NOTFOUND);
	assert_int_equal(state_sum(f), before);

	/* one invalid field each */
	const struct {
		const char *field, *value;
		int which;
	} cases[] = {
	    {"orgaan", "gemeenteraad", 0},
	    {"rol", "baas", 1},
	    {"kostenverdeelsleutel", "1,5", 2},
	    {"kostenverdeelsleutel", "een derde", 2},
	    {"bijdrage", "12.000", 3},
	    {"bijdrage", "-5", 3},
	    {"toegetreden", "2024-02-30", 4},
	    {"uitgetreden", "2023-12-31", 5},
	    {"opmerking", NULL, 6},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		in = valid_part("gm9996");
		in.org_code = "gm9997"; /* ended in the seed: may join again */
		const char *v = cases[i].value ? cases[i].value : repeat('x', 1001);
		const char **m[] = {&in.body,	&in.role, &in.cost_share, &in.contribution,
				    &in.joined, &in.left, &in.note};
		*m[cases[i].which] = v;
		int rc = store_part_create(f->s, &f->w, "veiligheidsregio-testland", &in, &id2, &e);
		if (rc != STORE_ERR_INVALID || e.n != 1)
			print_error("part case %zu: rc %d n %d %s\n", i, rc, e.n,
				    e.n ? e.e[0].field : "");
		assert_int_equal(rc, STORE_ERR_INVALID);
		assert_int_equal(e.n, 1);
		assert_string_equal(e.e[0].field, cases[i].field);
		assert_int_equal(state_sum(f), before);
	}
	/* an organisation that left may join again */
	in = valid_part("gm9997");
	assert_int_equal(store_part_create(f->s, &f->w, "veiligheidsregio-testland", &in, &id2, &e),
			 STORE_OK);

	/* update: change role and share; stale version; org cannot change */
	struct part_input up = {.role = "penvoerder", .cost_share = "0,25"};
	assert_int_equal(store_part_update(f->s, &f->w, id, 1, &up, &e, &cur), STORE_OK);
	assert_int_equal(cur, 2);
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM participation WHERE id = %lld AND role = 'penvoerder' AND "
		 "cost_share = 0.25 AND version = 2",
		 (long long)id);
	assert_int_equal(q(f, sql), 1);
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM audit_event WHERE action = 'update' AND entity_key = "
		 "'gr-testregio-afval/%lld' AND json_extract(\"before\", '$.rol') = 'deelnemer' "
		 "AND json_extract(\"after\", '$.rol') = 'penvoerder'",
		 (long long)id);
	assert_int_equal(q(f, sql), 1);
	before = state_sum(f);
	assert_int_equal(store_part_update(f->s, &f->w, id, 1, &up, &e, &cur), STORE_ERR_CONFLICT);
	assert_int_equal(cur, 2);
	struct part_input other = {.org_code = "gm9999"};
	assert_int_equal(store_part_update(f->s, &f->w, id, 2, &other, &e, &cur),
			 STORE_ERR_INVALID);
	assert_string_equal(e.e[0].field, "organisatie");
	assert_int_equal(store_part_update(f->s, &f->w, 999999, 1, &up, &e, &cur),
			 STORE_ERR_NOTFOUND);

	/* end: date required, not before joined */
	assert_int_equal(store_part_end(f->s, &f->w, id, 2, "", &e, &cur), STORE_ERR_INVALID);
	assert_string_equal(e.e[0].field, "uitgetreden");
	assert_int_equal(store_part_end(f->s, &f->w, id, 2, "2023-06-30", &e, &cur),
			 STORE_ERR_INVALID);
	assert_string_equal(e.e[0].field, "uitgetreden");
	assert_int_equal(store_part_end(f->s, &f->w, id, 2, "2025-02-29", &e, &cur),
			 STORE_ERR_INVALID);
	assert_int_equal(state_sum(f), before);
	assert_int_equal(store_part_end(f->s, &f->w, id, 2, "2025-02-28", &e, &cur), STORE_OK);
	assert_int_equal(cur, 3);
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM audit_event WHERE action = 'delete' AND entity_key = "
		 "'gr-testregio-afval/%lld' AND json_extract(\"after\", '$.uitgetreden') = "
		 "'2025-02-28'",
		 (long long)id);
	assert_int_equal(q(f, sql), 1);
	/* ended: the organisation may join again, but not with the same join date */
	in = valid_part("gm9996");
	assert_int_equal(store_part_create(f->s, &f->w, "gr-testregio-afval", &in, &id2, &e),
			 STORE_ERR_INVALID);
	assert_string_equal(e.e[0].field, "toegetreden");
	in.joined = "2025-03-01";
	assert_int_equal(store_part_create(f->s, &f->w, "gr-testregio-afval", &in, &id2, &e),
			 STORE_OK);
	/* ... and the ended one cannot become active again next to it */
	struct part_input reopen = {.left = ""};
	assert_int_equal(store_part_update(f->s, &f->w, id, 3, &reopen, &e, &cur),
			 STORE_ERR_INVALID);
	assert_string_equal(e.e[0].field, "organisatie");
}

/* --------------------------------------------------------- organisations */

static void test_org_update(void **state)
{
	struct fx *f = *state;
	struct field_errors e;
	int64_t cur;
	struct org_input in = {.name = "Gemeente Testdorp aan Zee",
			       .population = "13000",
			       .population_date = "2025-01-01",
			       .area_km2 = "45,7"};
	assert_int_equal(store_org_update(f->s, &f->w, "gm9998", 1, &in, &e, &cur), STORE_OK);
	assert_int_equal(cur, 2);
	assert_int_equal(q(f, "SELECT count(*) FROM organisation WHERE code = 'gm9998' AND "
			      "name = 'Gemeente Testdorp aan Zee' AND population = 13000 AND "
			      "area_km2 = 45.7 AND version = 2"),
			 1);
	assert_int_equal(q(f, "SELECT count(*) FROM audit_event WHERE entity = 'organisation' AND "
			      "entity_key = 'gm9998' AND action = 'update' AND "
			      "json_extract(\"before\", '$.inwoners') = 12345 AND "
			      "json_extract(\"after\", '$.inwoners') = 13000"),
			 1);
	struct search_hit *hits;
	int n, total;
	assert_int_equal(store_search(f->s, f->a, "aan Zee", 10, 0, &hits, &n, &total), STORE_OK);
	assert_int_equal(total, 1);

	long long before = state_sum(f);
	assert_int_equal(store_org_update(f->s, &f->w, "gm9998", 1, &in, &e, &cur),
			 STORE_ERR_CONFLICT);
	assert_int_equal(cur, 2);
	struct org_input bad = {.name = "",
				.population = "13.000",
				.population_date = "2025-02-30",
				.area_km2 = "-1",
				.note = repeat('n', 1001)};
	assert_int_equal(store_org_update(f->s, &f->w, "gm9998", 2, &bad, &e, &cur),
			 STORE_ERR_INVALID);
	assert_int_equal(e.n, 5);
	expect_field(&e, "naam");
	expect_field(&e, "inwoners");
	expect_field(&e, "peildatumInwoners");
	expect_field(&e, "oppervlakte");
	expect_field(&e, "opmerking");
	assert_int_equal(store_org_update(f->s, &f->w, "gm0000", 1, &in, &e, &cur),
			 STORE_ERR_NOTFOUND);
	/* unchanged input: nothing written (45,7 equals the stored 45.7) */
	assert_int_equal(store_org_update(f->s, &f->w, "gm9998", 2, &in, &e, &cur), STORE_OK);
	assert_int_equal(cur, 2);
	assert_int_equal(state_sum(f), before);
}

/* ------------------------------------------------------ history, changes */

static void test_history_and_changes(void **state)
{
	struct fx *f = *state;
	struct field_errors e;
	int64_t id, cur;
	struct part_input in = valid_part("gm9996");
	assert_int_equal(store_part_create(f->s, &f->w, "gr-testregio-afval", &in, &id, &e),
			 STORE_OK);
	struct collab_input up = {.phase = "groei"};
	assert_int_equal(store_collab_update(f->s, &f->w, "gr-testregio-afval", 1, &up, &e, &cur),
			 STORE_OK);
	long long pid = q(f, "SELECT p.id FROM participation p JOIN organisation o ON o.id = "
			     "p.organisation_id WHERE o.code = 'gm9998' AND p.collaboration_id = "
			     "(SELECT id FROM collaboration WHERE key = 'gr-testregio-afval')");
	struct part_input pu = {.body = "college"};
	struct write_ctx api = {"gebruiker:piet", "api", TODAY};
	assert_int_equal(store_part_update(f->s, &api, pid, 1, &pu, &e, &cur), STORE_OK);

	/* the collaboration: 1 seed insert + 4 seed participation inserts + 3 edits */
	struct audit_row *rows;
	int n;
	assert_int_equal(
	    store_history(f->s, f->a, "collaboration", "gr-testregio-afval", &rows, &n), STORE_OK);
	assert_int_equal(n, 8);
	assert_string_equal(rows[0].entity, "participation"); /* newest first */
	assert_string_equal(rows[0].action, "update");
	assert_string_equal(rows[0].actor, "gebruiker:piet");
	assert_string_equal(rows[0].via, "api");
	assert_string_equal(rows[1].entity, "collaboration");
	char *v = json_field(rows[1].after, "fase");
	assert_string_equal(v, "groei");
	free(v);
	v = json_field(rows[1].before, "fase");
	assert_string_equal(v, "stabilisatie");
	free(v);
	assert_string_equal(rows[n - 1].source, "seed");
	assert_string_equal(rows[n - 1].via, "import");
	assert_string_equal(rows[n - 1].before, "");
	for (int i = 1; i < n; i++)
		assert_true(rows[i - 1].id > rows[i].id);

	/* a key that is a prefix of another does not mix histories */
	assert_int_equal(store_history(f->s, f->a, "collaboration", "gr-testregio", &rows, &n),
			 STORE_OK);
	assert_int_equal(n, 0);

	/* one participation: its seed insert and its edit */
	char pk[32];
	snprintf(pk, sizeof pk, "%lld", pid);
	assert_int_equal(store_history(f->s, f->a, "participation", pk, &rows, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].action, "update");
	assert_string_equal(rows[1].action, "insert");
	assert_string_equal(rows[1].entity_key, "gr-testregio-afval/gm9998/2015-01-01");
	assert_int_equal(store_history(f->s, f->a, "participation", "999999", &rows, &n),
			 STORE_ERR_NOTFOUND);
	assert_int_equal(store_history(f->s, f->a, "organisation", "gm9998", &rows, &n), STORE_OK);
	assert_int_equal(n, 1);

	/* changes: paging, filters, total */
	int total;
	long long all = q(f, "SELECT count(*) FROM audit_event");
	assert_int_equal(store_changes(f->s, f->a, NULL, NULL, 2, 0, &rows, &n, &total), STORE_OK);
	assert_int_equal(total, all);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].actor, "gebruiker:piet");
	int64_t second = rows[1].id;
	assert_int_equal(store_changes(f->s, f->a, NULL, NULL, 2, 1, &rows, &n, &total), STORE_OK);
	assert_int_equal(rows[0].id, second);
	assert_int_equal(
	    store_changes(f->s, f->a, "participation", NULL, 100, 0, &rows, &n, &total), STORE_OK);
	assert_int_equal(total, q(f, "SELECT count(*) FROM audit_event WHERE entity = "
				     "'participation'"));
	for (int i = 0; i < n; i++)
		assert_string_equal(rows[i].entity, "participation");
	assert_int_equal(store_changes(f->s, f->a, "", "gebruiker:jan", 100, 0, &rows, &n, &total),
			 STORE_OK);
	assert_int_equal(total, 2);
	assert_int_equal(n, 2);
	assert_int_equal(store_changes(f->s, f->a, NULL, NULL, 10, 10000, &rows, &n, &total),
			 STORE_OK);
	assert_int_equal(n, 0);
	assert_int_equal(total, all);
}

/* --------------------------------------------------------- seed import */

static void test_seed_import_bumps_version(void **state)
{
	struct fx *f = *state;
	char seed[256];
	struct import_report rep;
	snprintf(seed, sizeof seed, "%s/seed", f->dir);
	assert_int_equal(mkdir(seed, 0755), 0);
	assert_int_equal(fx_copy_seed(seed), 0);
	/* unchanged: idempotent, versions stay */
	assert_int_equal(store_import_seed(f->s, seed, "test", &rep, f->err, sizeof f->err),
			 STORE_OK);
	assert_int_equal(q(f, "SELECT sum(version) FROM collaboration"),
			 q(f, "SELECT count(*) FROM collaboration"));
	assert_int_equal(q(f, "SELECT max(version) FROM organisation"), 1);
	assert_int_equal(fx_replace(seed, "collaborations.csv", "Veiligheidsregio Testland,",
				    "Veiligheidsregio Testland (gewijzigd),"),
			 0);
	assert_int_equal(store_import_seed(f->s, seed, "test", &rep, f->err, sizeof f->err),
			 STORE_OK);
	assert_int_equal(rep.changed[SEED_COLLABS], 1);
	assert_int_equal(q(f, "SELECT version FROM collaboration WHERE key = "
			      "'veiligheidsregio-testland'"),
			 2);
	assert_int_equal(q(f, "SELECT version FROM collaboration WHERE key = "
			      "'gr-testregio-afval'"),
			 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_collab_lifecycle, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_collab_create_minimal, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_collab_update_seeded, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_hostile_text_unchanged, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_collab_validation, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_confirm, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_participations, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_org_update, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_history_and_changes, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_seed_import_bumps_version, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
