/*
 * test_api — the JSON API handlers (src/api/) against a small fictional
 * snapshot built in memory: reply shapes, pagination and its links, the
 * shared collaboration filter, escaping of hostile names, 404 and 400
 * problem+json replies, and the OpenAPI document handler.
 *
 * All fixtures are fictional ("Gemeente Testdorp", gm9999).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/api/api.h"
#include "../../src/domain/snapshot.h"
#include "../../src/lib/arena.h"
#include "fixtures.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HOSTILE "Testregio <script>alert(\"x\")</script> & co"
#define N_FILLERS 25

static struct snapshot *snap;

/* ---- fixture ---------------------------------------------------------- */

static void add_source(struct snapshot *s)
{
	struct source *src = snapshot_add_source(s);
	src->id = 1;
	src->key = snapshot_str(s, "test-bron");
	src->title = snapshot_str(s, "Testbron");
	src->publisher = snapshot_str(s, "Testuitgever");
	src->url = snapshot_str(s, "https://example.org/bron");
	src->licence = snapshot_str(s, "CC BY 4.0");
	src->attribution = snapshot_str(s, "Bron: Testuitgever");
	src->reference_date = snapshot_str(s, "2020-01-01");
	src->retrieved = snapshot_str(s, "2020-02-01");
	src->note = snapshot_str(s, "");
}

static void add_domain(struct snapshot *s, int64_t id, const char *key, const char *name)
{
	fixture_domain(s, id, key, name, "Omschrijving van een testdomein.");
}

static struct organisation *add_org(struct snapshot *s, int64_t id, const char *code,
				    enum org_kind kind, const char *name)
{
	struct organisation *o = fixture_org(s, id, code, kind, name);
	o->source = 1;
	o->last_confirmed = snapshot_str(s, "2020-01-01");
	return o;
}

static void add_collab(struct snapshot *s, int64_t id, const char *key, const char *name,
		       enum collab_kind kind, enum legal_form lf, enum phase ph, int domain_id)
{
	struct collaboration *c = fixture_collab(s, id, key, name, domain_id);
	c->kind = kind;
	c->legal_form = lf;
	c->phase = ph;
	c->seat = snapshot_str(s, "Testdorp");
	c->source = 1;
	c->last_confirmed = snapshot_str(s, "2020-01-01");
}

static void add_part(struct snapshot *s, int64_t id, int collab_id, int org_id, enum role role,
		     const char *left, double cost_share, int64_t contribution)
{
	struct participation *p = fixture_part(s, id, collab_id, org_id);
	p->role = role;
	p->cost_share = cost_share;
	p->contribution = contribution;
	p->left = snapshot_str(s, left);
	p->source = 1;
	p->last_confirmed = snapshot_str(s, "2020-01-01");
}

static int setup(void **state)
{
	(void)state;
	struct snapshot *s = snapshot_new(7);
	add_source(s);
	add_domain(s, 1, "sociaal-domein", "Sociaal domein");
	add_domain(s, 2, "veiligheid", "Veiligheid");

	struct organisation *o = add_org(s, 1, "gm9999", ORG_MUNICIPALITY, "Gemeente Testdorp");
	o->cbs_code = snapshot_str(s, "GM9999");
	o->tooi = snapshot_str(s, "gm9999");
	o->in_province = true;
	o->population = 12345;
	o->population_date = snapshot_str(s, "2024-01-01");
	o->area_km2 = 42.5;
	o = add_org(s, 2, "gm9998", ORG_MUNICIPALITY, "Gemeente Oudedorp");
	o->valid_to = snapshot_str(s, "2019-01-01");
	o->ended = true;
	o->successor = 1;
	add_org(s, 3, "pv99", ORG_PROVINCE, "Provincie Testland");
	o = add_org(s, 4, "testregio", ORG_JOINT_BODY, HOSTILE);
	o->collaboration = 1;

	add_collab(s, 1, "testregio", HOSTILE, COLLAB_JOINT_ARRANGEMENT, LF_OL, PHASE_GROEI, 1);
	add_collab(s, 2, "testnetwerk", "Testnetwerk", COLLAB_NETWORK, LF_CONVENANT, PHASE_UNKNOWN,
		   2);
	add_collab(s, 3, "oude-regeling", "Oude regeling", COLLAB_JOINT_ARRANGEMENT, LF_UNKNOWN,
		   PHASE_BEEINDIGD, 1);
	for (int i = 0; i < N_FILLERS; i++) {
		char key[32], name[32];
		snprintf(key, sizeof key, "testverband-%02d", i + 1);
		snprintf(name, sizeof name, "Testverband %02d", i + 1);
		add_collab(s, 100 + i, key, name, COLLAB_NETWORK, LF_NETWERK, PHASE_UNKNOWN, 2);
	}

	add_part(s, 1, 1, 1, ROLE_DEELNEMER, "", 0.25, 1000);
	add_part(s, 2, 1, 2, ROLE_DEELNEMER, "2019-01-01", -1, -1);
	add_part(s, 3, 1, 3, ROLE_PENVOERDER, "", -1, -1);
	add_part(s, 4, 2, 3, ROLE_TREKKER, "", -1, -1);
	add_part(s, 5, 3, 1, ROLE_DEELNEMER, "", -1, -1);

	snap = fixture_snapshot_finish(s, "2024-06-01");
	return snap ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	snapshot_free(snap);
	snap = NULL;
	api_set_openapi(NULL, 0);
	return 0;
}

/* ---- request helpers -------------------------------------------------- */

struct call {
	struct request r;
	int status;
	json_t *json; /* parsed body or NULL */
};

/* Prepare a GET of path; arg is the captured path segment or NULL. */
static void call_run(struct call *c, const char *path, const char *arg)
{
	memset(c, 0, sizeof *c);
	c->r.arena = arena_new();
	c->r.snap = snap;
	c->r.method = HTTP_GET;
	c->r.path = path;
	c->r.query = "";
	if (arg) {
		c->r.path_args[0] = arg;
		c->r.n_path_args = 1;
	}
}

/* Add query parameters: name, value pairs ending with NULL. */
static void call_params(struct call *c, ...)
{
	va_list ap;
	va_start(ap, c);
	const char *name;
	while ((name = va_arg(ap, const char *)) != NULL) {
		c->r.params[c->r.n_params].name = name;
		c->r.params[c->r.n_params].value = va_arg(ap, const char *);
		c->r.n_params++;
	}
	va_end(ap);
}

/* Run the handler and parse its body (fails the test on invalid JSON). */
static void call_exec(struct call *c, handler_fn h)
{
	c->status = h(&c->r);
	assert_false(c->r.out.err);
	json_error_t jerr;
	c->json = c->r.out.len ? json_loadb(c->r.out.data, c->r.out.len, 0, &jerr) : NULL;
	if (c->r.out.len && !c->json)
		fail_msg("invalid JSON at %d: %s\n%.*s", jerr.position, jerr.text,
			 (int)c->r.out.len, c->r.out.data);
}

static void call_free(struct call *c)
{
	json_decref(c->json);
	buf_free(&c->r.out);
	arena_free(c->r.arena);
}

static const char *jstr(json_t *o, const char *path)
{
	/* path: "a.b.c" through objects */
	char tmp[128];
	snprintf(tmp, sizeof tmp, "%s", path);
	json_t *cur = o;
	for (char *tok = strtok(tmp, "."); tok && cur; tok = strtok(NULL, "."))
		cur = json_object_get(cur, tok);
	return json_string_value(cur);
}

static json_int_t jint(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	assert_true(json_is_integer(v));
	return json_integer_value(v);
}

static void assert_problem(struct call *c, int status, const char *param)
{
	assert_int_equal(c->status, status);
	assert_string_equal(c->r.content_type, "application/problem+json");
	assert_int_equal(jint(c->json, "status"), status);
	assert_non_null(jstr(c->json, "title"));
	assert_non_null(jstr(c->json, "detail"));
	if (param) {
		json_t *ip = json_object_get(c->json, "invalidParams");
		assert_true(json_is_array(ip));
		assert_string_equal(jstr(json_array_get(ip, 0), "name"), param);
	}
}

/* ---- collaborations --------------------------------------------------- */

static void test_collab_list_default(void **state)
{
	(void)state;
	struct call c;
	call_run(&c, "/api/v1/samenwerkingsverbanden", NULL);
	call_exec(&c, api_collab_list);
	assert_int_equal(c.status, 200);
	assert_string_equal(c.r.content_type, "application/json");
	assert_string_equal(c.r.etag, snap->etag);

	/* 2 + 25 active; the ended "Oude regeling" is left out by default */
	assert_int_equal(jint(c.json, "totaal"), 2 + N_FILLERS);
	assert_int_equal(jint(c.json, "pagina"), 1);
	assert_int_equal(jint(c.json, "paginaGrootte"), 20);
	assert_int_equal(jint(c.json, "aantalPaginas"), 2);
	json_t *items = json_object_get(c.json, "samenwerkingsverbanden");
	assert_int_equal(json_array_size(items), 20);
	assert_string_equal(jstr(c.json, "_links.self.href"),
			    "/api/v1/samenwerkingsverbanden?pagina=1");
	assert_string_equal(jstr(c.json, "_links.next.href"),
			    "/api/v1/samenwerkingsverbanden?pagina=2");
	assert_string_equal(jstr(c.json, "_links.last.href"),
			    "/api/v1/samenwerkingsverbanden?pagina=2");
	assert_null(json_object_get(json_object_get(c.json, "_links"), "prev"));

	/* sorted by name: Testnetwerk, Testregio ..., Testverband 01 ... */
	json_t *first = json_array_get(items, 0);
	assert_string_equal(jstr(first, "id"), "testnetwerk");
	assert_string_equal(jstr(first, "soort"), "netwerk");
	assert_string_equal(jstr(first, "juridischeVorm"), "convenant");
	assert_true(json_is_null(json_object_get(first, "fase")));
	assert_true(json_is_null(json_object_get(first, "korteNaam")));
	assert_true(json_is_true(json_object_get(first, "actief")));
	assert_int_equal(jint(first, "aantalDeelnemers"), 1);
	assert_string_equal(jstr(first, "laatstBevestigd"), "2020-01-01");
	assert_string_equal(
	    json_string_value(json_array_get(json_object_get(first, "beleidsdomeinen"), 0)),
	    "veiligheid");
	assert_string_equal(jstr(first, "_links.self.href"),
			    "/api/v1/samenwerkingsverbanden/testnetwerk");

	json_t *second = json_array_get(items, 1);
	assert_string_equal(jstr(second, "naam"), HOSTILE);
	assert_string_equal(jstr(second, "fase"), "groei");
	assert_int_equal(jint(second, "aantalDeelnemers"), 2); /* Oudedorp left */
	call_free(&c);
}

static void test_collab_list_page2_keeps_filters(void **state)
{
	(void)state;
	struct call c;
	call_run(&c, "/api/v1/samenwerkingsverbanden", NULL);
	call_params(&c, "soort", "netwerk", "pagina", "2", "paginaGrootte", "10", NULL);
	call_exec(&c, api_collab_list);
	assert_int_equal(c.status, 200);
	assert_int_equal(jint(c.json, "totaal"), 1 + N_FILLERS);
	assert_int_equal(jint(c.json, "aantalPaginas"), 3);
	assert_int_equal(json_array_size(json_object_get(c.json, "samenwerkingsverbanden")), 10);
	assert_string_equal(
	    jstr(c.json, "_links.self.href"),
	    "/api/v1/samenwerkingsverbanden?soort=netwerk&paginaGrootte=10&pagina=2");
	assert_string_equal(
	    jstr(c.json, "_links.prev.href"),
	    "/api/v1/samenwerkingsverbanden?soort=netwerk&paginaGrootte=10&pagina=1");
	assert_string_equal(
	    jstr(c.json, "_links.next.href"),
	    "/api/v1/samenwerkingsverbanden?soort=netwerk&paginaGrootte=10&pagina=3");
	call_free(&c);

	/* beyond the last page: empty list, no next */
	call_run(&c, "/api/v1/samenwerkingsverbanden", NULL);
	call_params(&c, "pagina", "99", NULL);
	call_exec(&c, api_collab_list);
	assert_int_equal(c.status, 200);
	assert_int_equal(json_array_size(json_object_get(c.json, "samenwerkingsverbanden")), 0);
	assert_null(json_object_get(json_object_get(c.json, "_links"), "next"));
	assert_string_equal(jstr(c.json, "_links.prev.href"),
			    "/api/v1/samenwerkingsverbanden?pagina=2");
	call_free(&c);
}

static void test_collab_list_filters(void **state)
{
	(void)state;
	struct call c;

	call_run(&c, "/api/v1/samenwerkingsverbanden", NULL);
	call_params(&c, "soort", "wgr", NULL);
	call_exec(&c, api_collab_list);
	assert_int_equal(jint(c.json, "totaal"), 1);
	assert_string_equal(
	    jstr(json_array_get(json_object_get(c.json, "samenwerkingsverbanden"), 0), "id"),
	    "testregio");
	call_free(&c);

	call_run(&c, "/api/v1/samenwerkingsverbanden", NULL);
	call_params(&c, "status", "beeindigd", NULL);
	call_exec(&c, api_collab_list);
	assert_int_equal(jint(c.json, "totaal"), 1);
	json_t *it = json_array_get(json_object_get(c.json, "samenwerkingsverbanden"), 0);
	assert_string_equal(jstr(it, "id"), "oude-regeling");
	assert_true(json_is_false(json_object_get(it, "actief")));
	assert_true(json_is_null(json_object_get(it, "juridischeVorm")));
	call_free(&c);

	call_run(&c, "/api/v1/samenwerkingsverbanden", NULL);
	call_params(&c, "beleidsdomein", "sociaal-domein", "status", "alle", NULL);
	call_exec(&c, api_collab_list);
	assert_int_equal(jint(c.json, "totaal"), 2);
	call_free(&c);

	/* a participant that left does not count for an active collaboration */
	call_run(&c, "/api/v1/samenwerkingsverbanden", NULL);
	call_params(&c, "deelnemer", "gm9998", NULL);
	call_exec(&c, api_collab_list);
	assert_int_equal(jint(c.json, "totaal"), 0);
	assert_int_equal(jint(c.json, "aantalPaginas"), 0);
	assert_string_equal(jstr(c.json, "_links.last.href"),
			    "/api/v1/samenwerkingsverbanden?deelnemer=gm9998&pagina=1");
	call_free(&c);

	call_run(&c, "/api/v1/samenwerkingsverbanden", NULL);
	call_params(&c, "deelnemer", "pv99", "sorteer", "-deelnemers", NULL);
	call_exec(&c, api_collab_list);
	assert_int_equal(jint(c.json, "totaal"), 2);
	assert_string_equal(
	    jstr(json_array_get(json_object_get(c.json, "samenwerkingsverbanden"), 0), "id"),
	    "testregio");
	call_free(&c);
}

static void test_collab_list_bad_params(void **state)
{
	(void)state;
	static const char *const bad[][2] = {{"beleidsdomein", "bestaat-niet"},
					     {"pagina", "abc"},
					     {"pagina", "-1"},
					     {"paginaGrootte", "1000"},
					     {"juridischeVorm", "ol"},
					     {"deelnemer", "<script>"},
					     {"sorteer", "prijs"}};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct call c;
		call_run(&c, "/api/v1/samenwerkingsverbanden", NULL);
		call_params(&c, bad[i][0], bad[i][1], NULL);
		call_exec(&c, api_collab_list);
		assert_problem(&c, 400, bad[i][0]);
		/* the echoed value is escaped in the raw JSON */
		assert_null(strstr(c.r.out.data, "<script>"));
		call_free(&c);
	}
}

static void test_collab_get(void **state)
{
	(void)state;
	struct call c;
	call_run(&c, "/api/v1/samenwerkingsverbanden/testregio", "testregio");
	call_exec(&c, api_collab_get);
	assert_int_equal(c.status, 200);
	assert_non_null(c.r.etag); /* per-record ETag (see api_write.c) */
	json_t *j = c.json;
	assert_string_equal(jstr(j, "id"), "testregio");
	assert_string_equal(jstr(j, "naam"), HOSTILE);
	assert_string_equal(jstr(j, "soort"), "wgr");
	assert_string_equal(jstr(j, "juridischeVorm.code"), "OL");
	assert_string_equal(jstr(j, "juridischeVorm.omschrijving"), "Openbaar lichaam");
	assert_true(json_is_null(json_object_get(j, "bevoegdheidsverkrijging")));
	assert_string_equal(jstr(j, "fase"), "groei");
	assert_true(json_is_null(json_object_get(j, "doel")));
	assert_string_equal(jstr(j, "vestigingsplaats"), "Testdorp");
	assert_true(json_is_true(json_object_get(j, "actief")));
	assert_string_equal(jstr(j, "bron.id"), "test-bron");
	assert_string_equal(jstr(j, "bron.licentie"), "CC BY 4.0");
	assert_string_equal(jstr(j, "bron.peildatum"), "2020-01-01");
	assert_string_equal(jstr(j, "_links.self.href"),
			    "/api/v1/samenwerkingsverbanden/testregio");
	json_t *dom = json_array_get(json_object_get(j, "beleidsdomeinen"), 0);
	assert_string_equal(jstr(dom, "code"), "sociaal-domein");
	assert_string_equal(jstr(dom, "naam"), "Sociaal domein");

	json_t *parts = json_object_get(j, "deelnemers");
	assert_int_equal(json_array_size(parts), 3);
	/* active first, by organisation name; the one that left last */
	json_t *p0 = json_array_get(parts, 0), *p2 = json_array_get(parts, 2);
	assert_string_equal(jstr(p0, "organisatie.code"), "gm9999");
	assert_string_equal(jstr(p0, "organisatie.soort"), "gemeente");
	assert_string_equal(jstr(p0, "organisatie._links.self.href"),
			    "/api/v1/organisaties/gm9999");
	assert_true(json_is_null(json_object_get(p0, "orgaan")));
	assert_string_equal(jstr(p0, "rol"), "deelnemer");
	assert_true(json_is_real(json_object_get(p0, "kostenverdeelsleutel")) ||
		    json_is_number(json_object_get(p0, "kostenverdeelsleutel")));
	assert_true(json_number_value(json_object_get(p0, "kostenverdeelsleutel")) == 0.25);
	assert_int_equal(jint(p0, "bijdrage"), 1000);
	assert_string_equal(jstr(p0, "bron.id"), "test-bron");
	assert_string_equal(jstr(p2, "organisatie.code"), "gm9998");
	assert_string_equal(jstr(p2, "uitgetreden"), "2019-01-01");
	assert_true(json_is_false(json_object_get(p2, "actief")));
	assert_true(json_is_null(json_object_get(p2, "kostenverdeelsleutel")));
	assert_true(json_is_null(json_object_get(p2, "bijdrage")));

	/* hostile text is escaped in the raw bytes, not only valid JSON */
	const char *raw = c.r.out.data;
	assert_null(strstr(raw, "<script>"));
	assert_null(strstr(raw, "&"));
	assert_non_null(strstr(raw, "\\u003cscript\\u003ealert(\\\"x\\\")"));
	assert_non_null(strstr(raw, "\\u0026 co"));
	call_free(&c);
}

static void test_collab_get_unknown(void **state)
{
	(void)state;
	struct call c;
	call_run(&c, "/api/v1/samenwerkingsverbanden/bestaat-niet", "bestaat-niet");
	call_exec(&c, api_collab_get);
	assert_problem(&c, 404, NULL);
	assert_null(c.r.etag);
	call_free(&c);
}

/* ---- organisations ---------------------------------------------------- */

static void test_org_list(void **state)
{
	(void)state;
	struct call c;
	call_run(&c, "/api/v1/organisaties", NULL);
	call_exec(&c, api_org_list);
	assert_int_equal(c.status, 200);
	assert_int_equal(jint(c.json, "totaal"), 4);
	assert_int_equal(jint(c.json, "paginaGrootte"), 50);
	assert_int_equal(jint(c.json, "aantalPaginas"), 1);
	json_t *items = json_object_get(c.json, "organisaties");
	assert_int_equal(json_array_size(items), 4);
	json_t *o = json_array_get(items, 0); /* Gemeente Oudedorp */
	assert_string_equal(jstr(o, "code"), "gm9998");
	assert_true(json_is_true(json_object_get(o, "opgeheven")));
	assert_true(json_is_null(json_object_get(o, "cbsCode")));
	o = json_array_get(items, 1); /* Gemeente Testdorp */
	assert_string_equal(jstr(o, "code"), "gm9999");
	assert_string_equal(jstr(o, "soort"), "gemeente");
	assert_string_equal(jstr(o, "cbsCode"), "GM9999");
	assert_string_equal(jstr(o, "tooiCode"), "gm9999");
	assert_true(json_is_true(json_object_get(o, "inProvincie")));
	assert_true(json_is_false(json_object_get(o, "opgeheven")));
	assert_int_equal(jint(o, "aantalActieveVerbanden"), 1); /* oude-regeling has ended */
	assert_string_equal(jstr(o, "_links.self.href"), "/api/v1/organisaties/gm9999");
	call_free(&c);

	call_run(&c, "/api/v1/organisaties", NULL);
	call_params(&c, "status", "beeindigd", NULL);
	call_exec(&c, api_org_list);
	assert_int_equal(jint(c.json, "totaal"), 1);
	call_free(&c);

	call_run(&c, "/api/v1/organisaties", NULL);
	call_params(&c, "soort", "gemeente", "status", "actief", NULL);
	call_exec(&c, api_org_list);
	assert_int_equal(jint(c.json, "totaal"), 1);
	call_free(&c);

	call_run(&c, "/api/v1/organisaties", NULL);
	call_params(&c, "paginaGrootte", "1", "pagina", "2", NULL);
	call_exec(&c, api_org_list);
	assert_int_equal(jint(c.json, "aantalPaginas"), 4);
	assert_int_equal(json_array_size(json_object_get(c.json, "organisaties")), 1);
	assert_string_equal(jstr(c.json, "_links.next.href"),
			    "/api/v1/organisaties?paginaGrootte=1&pagina=3");
	call_free(&c);

	call_run(&c, "/api/v1/organisaties", NULL);
	call_params(&c, "soort", "dorp", NULL);
	call_exec(&c, api_org_list);
	assert_problem(&c, 400, "soort");
	call_free(&c);
}

static void test_org_get(void **state)
{
	(void)state;
	struct call c;
	call_run(&c, "/api/v1/organisaties/gm9998", "gm9998");
	call_exec(&c, api_org_get);
	assert_int_equal(c.status, 200);
	assert_true(json_is_true(json_object_get(c.json, "opgeheven")));
	assert_string_equal(jstr(c.json, "geldigTot"), "2019-01-01");
	assert_string_equal(jstr(c.json, "opvolger.code"), "gm9999");
	assert_string_equal(jstr(c.json, "opvolger._links.self.href"),
			    "/api/v1/organisaties/gm9999");
	assert_true(json_is_null(json_object_get(c.json, "inwoners")));
	assert_true(json_is_null(json_object_get(c.json, "oppervlakteKm2")));
	assert_string_equal(jstr(c.json, "_links.deelnames.href"),
			    "/api/v1/organisaties/gm9998/deelnames");
	call_free(&c);

	call_run(&c, "/api/v1/organisaties/gm9999", "gm9999");
	call_exec(&c, api_org_get);
	assert_int_equal(c.status, 200);
	assert_true(json_is_null(json_object_get(c.json, "opvolger")));
	json_t *pred = json_object_get(c.json, "voorgangers");
	assert_int_equal(json_array_size(pred), 1);
	assert_string_equal(jstr(json_array_get(pred, 0), "code"), "gm9998");
	assert_int_equal(jint(json_object_get(c.json, "inwoners"), "aantal"), 12345);
	assert_string_equal(jstr(c.json, "inwoners.peildatum"), "2024-01-01");
	assert_true(json_number_value(json_object_get(c.json, "oppervlakteKm2")) == 42.5);
	assert_string_equal(jstr(c.json, "bron.titel"), "Testbron");
	assert_true(json_is_null(json_object_get(c.json, "samenwerkingsverband")));
	call_free(&c);

	call_run(&c, "/api/v1/organisaties/testregio", "testregio");
	call_exec(&c, api_org_get);
	assert_string_equal(jstr(c.json, "soort"), "samenwerkingsorgaan");
	assert_string_equal(jstr(c.json, "samenwerkingsverband.id"), "testregio");
	assert_string_equal(jstr(c.json, "naam"), HOSTILE);
	call_free(&c);

	call_run(&c, "/api/v1/organisaties/gm0000", "gm0000");
	call_exec(&c, api_org_get);
	assert_problem(&c, 404, NULL);
	call_free(&c);
}

static void test_org_participations(void **state)
{
	(void)state;
	struct call c;
	call_run(&c, "/api/v1/organisaties/gm9999/deelnames", "gm9999");
	call_exec(&c, api_org_participations);
	assert_int_equal(c.status, 200);
	assert_string_equal(jstr(c.json, "organisatie.code"), "gm9999");
	assert_string_equal(jstr(c.json, "organisatie.naam"), "Gemeente Testdorp");
	json_t *d = json_object_get(c.json, "deelnames");
	assert_int_equal(json_array_size(d), 1); /* only the active one */
	json_t *d0 = json_array_get(d, 0);
	assert_string_equal(jstr(d0, "samenwerkingsverband.id"), "testregio");
	assert_string_equal(jstr(d0, "samenwerkingsverband.juridischeVorm"), "OL");
	assert_string_equal(jstr(d0, "samenwerkingsverband._links.self.href"),
			    "/api/v1/samenwerkingsverbanden/testregio");
	assert_string_equal(jstr(d0, "rol"), "deelnemer");
	assert_true(json_is_true(json_object_get(d0, "actief")));
	assert_string_equal(
	    json_string_value(json_array_get(json_object_get(d0, "beleidsdomeinen"), 0)),
	    "sociaal-domein");
	assert_string_equal(jstr(c.json, "_links.self.href"),
			    "/api/v1/organisaties/gm9999/deelnames");
	call_free(&c);

	call_run(&c, "/api/v1/organisaties/gm9999/deelnames", "gm9999");
	call_params(&c, "status", "alle", NULL);
	call_exec(&c, api_org_participations);
	assert_int_equal(json_array_size(json_object_get(c.json, "deelnames")), 2);
	assert_int_equal(jint(c.json, "totaal"), 2);
	assert_string_equal(jstr(c.json, "_links.self.href"),
			    "/api/v1/organisaties/gm9999/deelnames?status=alle");
	call_free(&c);

	call_run(&c, "/api/v1/organisaties/gm9998/deelnames", "gm9998");
	call_params(&c, "status", "beeindigd", NULL);
	call_exec(&c, api_org_participations);
	d = json_object_get(c.json, "deelnames");
	assert_int_equal(json_array_size(d), 1);
	assert_string_equal(jstr(json_array_get(d, 0), "uitgetreden"), "2019-01-01");
	call_free(&c);

	call_run(&c, "/api/v1/organisaties/x/deelnames", "x");
	call_exec(&c, api_org_participations);
	assert_problem(&c, 404, NULL);
	call_free(&c);

	call_run(&c, "/api/v1/organisaties/gm9999/deelnames", "gm9999");
	call_params(&c, "status", "misschien", NULL);
	call_exec(&c, api_org_participations);
	assert_problem(&c, 400, "status");
	call_free(&c);
}

/* ---- domains and OpenAPI ---------------------------------------------- */

static void test_domain_list(void **state)
{
	(void)state;
	struct call c;
	call_run(&c, "/api/v1/beleidsdomeinen", NULL);
	call_exec(&c, api_domain_list);
	assert_int_equal(c.status, 200);
	assert_string_equal(c.r.etag, snap->etag);
	json_t *d = json_object_get(c.json, "beleidsdomeinen");
	assert_int_equal(json_array_size(d), 2);
	json_t *d0 = json_array_get(d, 0), *d1 = json_array_get(d, 1);
	assert_string_equal(jstr(d0, "code"), "sociaal-domein");
	assert_string_equal(jstr(d0, "naam"), "Sociaal domein");
	assert_non_null(jstr(d0, "omschrijving"));
	assert_int_equal(jint(d0, "aantalActieveVerbanden"), 1);
	assert_int_equal(jint(d1, "aantalActieveVerbanden"), 1 + N_FILLERS);
	assert_string_equal(jstr(d1, "_links.samenwerkingsverbanden.href"),
			    "/api/v1/samenwerkingsverbanden?beleidsdomein=veiligheid");
	call_free(&c);
}

static void test_openapi(void **state)
{
	(void)state;
	struct call c;
	api_set_openapi(NULL, 0);
	call_run(&c, "/api/v1/openapi.json", NULL);
	call_exec(&c, api_openapi);
	assert_problem(&c, 500, NULL);
	call_free(&c);

	static const char doc[] = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"t\"}}";
	char *copy = strdup(doc);
	api_set_openapi(copy, strlen(copy));
	memset(copy, 'x', strlen(copy)); /* the API keeps its own copy */
	free(copy);
	call_run(&c, "/api/v1/openapi.json", NULL);
	call_exec(&c, api_openapi);
	assert_int_equal(c.status, 200);
	assert_string_equal(c.r.content_type, "application/json");
	assert_non_null(c.r.etag);
	assert_int_equal(c.r.out.len, strlen(doc));
	assert_memory_equal(c.r.out.data, doc, strlen(doc));
	call_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_collab_list_default),
	    cmocka_unit_test(test_collab_list_page2_keeps_filters),
	    cmocka_unit_test(test_collab_list_filters),
	    cmocka_unit_test(test_collab_list_bad_params),
	    cmocka_unit_test(test_collab_get),
	    cmocka_unit_test(test_collab_get_unknown),
	    cmocka_unit_test(test_org_list),
	    cmocka_unit_test(test_org_get),
	    cmocka_unit_test(test_org_participations),
	    cmocka_unit_test(test_domain_list),
	    cmocka_unit_test(test_openapi),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
