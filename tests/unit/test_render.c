/*
 * test_render — the HTML escaping writers (render/html.h) against hostile
 * strings and invalid UTF-8, the page components (render/components.h),
 * the page shell and error page (render/layout.h), and every page handler
 * (src/pages/) on a small fictional snapshot: status, one h1, landmarks,
 * no inline style, and hostile names escaped everywhere.
 *
 * All fixtures are fictional ("Gemeente Testdorp", gm9999).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/domain/snapshot.h"
#include "../../src/lib/arena.h"
#include "../../src/pages/pages.h"
#include "../../src/render/components.h"
#include "../../src/render/html.h"
#include "../../src/render/layout.h"
#include "fixtures.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HOSTILE "Testregio <script>alert(\"x\")</script> & 'co'"
#define HOSTILE_ESC "Testregio &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;"

/* ---- helpers ------------------------------------------------------------ */

/* Run a writer into a fresh buffer and compare with expected. */
#define EXPECT(expected, call)                                                                     \
	do {                                                                                       \
		struct buf b_ = BUF_INIT;                                                          \
		struct buf *b = &b_;                                                               \
		call;                                                                              \
		assert_false(b_.err);                                                              \
		assert_string_equal(b_.len ? b_.data : "", expected);                              \
		buf_free(&b_);                                                                     \
	} while (0)

static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

/* ---- html.h ----------------------------------------------------------------- */

static void test_html_text_hostile(void **state)
{
	(void)state;
	EXPECT(HOSTILE_ESC, html_text(b, HOSTILE));
	EXPECT("", html_text(b, ""));
	EXPECT("", html_text(b, NULL));
	EXPECT("&amp;amp;", html_text(b, "&amp;"));
	EXPECT("Zeïst — ‘s-Gravenhage", html_text(b, "Zeïst — ‘s-Gravenhage"));
}

static void test_html_attr_hostile(void **state)
{
	(void)state;
	EXPECT("&quot; onmouseover=&quot;alert(1)&quot; x=&#39;",
	       html_attr(b, "\" onmouseover=\"alert(1)\" x='"));
	EXPECT(HOSTILE_ESC, html_attr(b, HOSTILE));
}

static void test_invalid_utf8_passes_through(void **state)
{
	(void)state;
	/* bytes are not altered (input is validated at the edge), markup still escaped */
	EXPECT("\xff\xfe&lt;\xc3(", html_text(b, "\xff\xfe<\xc3("));
	EXPECT("\xed\xa0\x80&amp;", html_attr(b, "\xed\xa0\x80&"));
}

static void test_url_writers(void **state)
{
	(void)state;
	EXPECT("a%20b%2F%26%3F%3D%3C%3E%22%27%C3%A9-_.~", url_seg(b, "a b/&?=<>\"'é-_.~"));
	EXPECT("%3Cscript%3E%2B%23", url_arg(b, "<script>+#"));
	EXPECT("%FF", url_arg(b, "\xff"));
}

static void test_int_nl(void **state)
{
	(void)state;
	EXPECT("0", html_int_nl(b, 0));
	EXPECT("999", html_int_nl(b, 999));
	EXPECT("1.000", html_int_nl(b, 1000));
	EXPECT("374.238", html_int_nl(b, 374238));
	EXPECT("-1.234.567", html_int_nl(b, -1234567));
	EXPECT("-9.223.372.036.854.775.808", html_int_nl(b, LLONG_MIN));
}

static void test_date_nl(void **state)
{
	(void)state;
	EXPECT("12 januari 2006", html_date_nl(b, "2006-01-12"));
	EXPECT("1 december 2019", html_date_nl(b, "2019-12-01"));
	EXPECT("2019-13-01", html_date_nl(b, "2019-13-01"));
	EXPECT("&lt;b&gt;", html_date_nl(b, "<b>"));
	EXPECT("", html_date_nl(b, NULL));
}

/* ---- components ------------------------------------------------------------- */

static void test_decimal_nl(void **state)
{
	(void)state;
	EXPECT("99,21", comp_decimal_nl(b, 99.21, 2));
	EXPECT("1.234,5", comp_decimal_nl(b, 1234.5, 1));
	EXPECT("0", comp_decimal_nl(b, 0.0, 0));
	EXPECT("-2,5", comp_decimal_nl(b, -2.5, 1));
	EXPECT("0,0", comp_decimal_nl(b, -0.01, 1));
}

static void test_table(void **state)
{
	(void)state;
	static const struct comp_col cols[] = {{"Naam", false}, {"Aantal <n>", true}};
	struct buf b = BUF_INIT;
	comp_table_open(&b, HOSTILE, cols, 2);
	comp_row_open(&b);
	comp_th_open(&b);
	comp_link_seg(&b, "/organisaties", "gm 99/99", HOSTILE);
	comp_th_close(&b);
	comp_td_int(&b, 1234);
	comp_row_close(&b);
	comp_row_open(&b);
	comp_td_text(&b, NULL, "Onbekend");
	comp_td_text(&b, "", "Geen");
	comp_td_text(&b, "extra", NULL); /* past the last column: no label */
	comp_row_close(&b);
	comp_table_close(&b);
	/* after the table, cells carry no labels */
	comp_td_text(&b, "los", NULL);
	assert_false(b.err);
	assert_non_null(
	    strstr(b.data, "<caption class=\"utrecht-table__caption\">" HOSTILE_ESC "</caption>"));
	assert_int_equal(count(b.data, "scope=\"col\""), 2);
	assert_int_equal(count(b.data, "scope=\"row\""), 1);
	assert_non_null(strstr(b.data, "Aantal &lt;n&gt;"));
	assert_non_null(strstr(b.data, "href=\"/organisaties/gm%2099%2F99\""));
	/* each data cell carries its column label for the stacked layout */
	assert_non_null(
	    strstr(b.data, "numeric-column\" data-label=\"Aantal &lt;n&gt;\">1.234</td>"));
	assert_non_null(strstr(b.data,
			       "<td class=\"utrecht-table__cell\" data-label=\"Naam\">"
			       "<span class=\"atlas-unknown\"><span aria-hidden=\"true\">—</span>"
			       "<span class=\"atlas-visually-hidden\">onbekend</span>"));
	assert_non_null(strstr(b.data, "data-label=\"Aantal &lt;n&gt;\"><span "
				       "class=\"atlas-unknown\">Geen</span>"));
	assert_non_null(strstr(b.data, "<td class=\"utrecht-table__cell\">extra</td>"));
	assert_non_null(strstr(b.data, "<td class=\"utrecht-table__cell\">los</td>"));
	assert_int_equal(count(b.data, "data-label="), 3);
	assert_null(strstr(b.data, "<script"));
	buf_free(&b);
}

static void test_page_nav(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	html_raw(&b, "<h1>Testregio</h1>");
	size_t at = b.len;
	html_raw(&b, "<h2 class=\"x\" id=\"gegevens\">Gegevens</h2><p>tekst</p>"
		     "<h2 class=\"x\">Zonder id</h2>"
		     "<h2 class=\"x\" id=\"deelnemers\">Deelnemers <span>(3)</span></h2>"
		     "<h2 id=\"vragen\">A &amp; B</h2>");
	comp_page_nav_insert(&b, at);
	assert_false(b.err);
	/* inserted right after the h1, before the first section */
	assert_non_null(
	    strstr(b.data, "<h1>Testregio</h1><nav class=\"atlas-toc atlas-page-nav\""));
	assert_non_null(strstr(b.data, "href=\"#gegevens\">Gegevens</a>"));
	assert_non_null(strstr(b.data, "href=\"#deelnemers\">Deelnemers (3)</a>"));
	assert_non_null(strstr(b.data, "href=\"#vragen\">A &amp; B</a>"));
	assert_int_equal(count(b.data, "<li>"), 3);
	assert_non_null(strstr(b.data, "</nav><h2 class=\"x\" id=\"gegevens\">"));
	buf_free(&b);

	/* one section: no navigation */
	struct buf one = BUF_INIT;
	html_raw(&one, "<h2 id=\"a\">A</h2>");
	comp_page_nav_insert(&one, 0);
	assert_null(strstr(one.data, "<nav"));
	buf_free(&one);

	static const struct comp_anchor items[] = {{"a-b", "Eerste <deel>"}, {"c", "Tweede"}};
	struct buf list = BUF_INIT;
	comp_page_nav(&list, items, 2);
	assert_non_null(strstr(list.data, "href=\"#a-b\">Eerste &lt;deel&gt;</a>"));
	assert_non_null(strstr(list.data, "Op deze pagina"));
	buf_free(&list);
}

static void test_dl_unknown(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	comp_dl_open(&b);
	comp_dl_text(&b, "Doel", "");
	comp_dl_text(&b, "Naam", HOSTILE);
	comp_dl_date(&b, "Startdatum", "2006-01-12");
	comp_dl_date(&b, "Einddatum", NULL);
	comp_dl_close(&b);
	assert_int_equal(count(b.data, "Onbekend"), 2);
	assert_non_null(strstr(b.data, HOSTILE_ESC));
	assert_non_null(strstr(b.data, "<time datetime=\"2006-01-12\">12 januari 2006</time>"));
	buf_free(&b);
}

static void test_select(void **state)
{
	(void)state;
	static const struct comp_option opts[] = {
	    {"", "Alle"}, {"a\"b", "Optie <1>"}, {"c", "Optie 2"}};
	struct buf b = BUF_INIT;
	comp_select(&b, "soort", "Soort & vorm", opts, 3, "a\"b");
	assert_non_null(strstr(b.data, "<label class=\"utrecht-form-label\" for=\"f-soort\">"
				       "Soort &amp; vorm</label>"));
	assert_non_null(strstr(b.data, "id=\"f-soort\" name=\"soort\""));
	assert_non_null(strstr(b.data, "<option value=\"a&quot;b\" selected>Optie &lt;1&gt;"));
	assert_int_equal(count(b.data, " selected"), 1);
	buf_reset(&b);
	comp_select(&b, "soort", "Soort", opts, 3, NULL); /* NULL selects the "" option */
	assert_non_null(strstr(b.data, "<option value=\"\" selected>Alle"));
	buf_free(&b);
}

static void test_pagination(void **state)
{
	(void)state;
	EXPECT("", comp_pagination(b, "/x?", 1, 1));
	struct buf b = BUF_INIT;
	comp_pagination(&b, "/samenwerkingsverbanden?soort=wgr&", 5, 10);
	assert_false(b.err);
	assert_non_null(strstr(b.data, "aria-label=\"Paginering\""));
	assert_int_equal(count(b.data, "aria-current=\"page\""), 1);
	assert_non_null(strstr(b.data, "rel=\"prev\" href=\"/samenwerkingsverbanden?soort=wgr&amp;"
				       "pagina=4\""));
	assert_non_null(strstr(b.data, "rel=\"next\" href=\"/samenwerkingsverbanden?soort=wgr&amp;"
				       "pagina=6\""));
	/* 1 … 3 4 5 6 7 … 10 */
	assert_int_equal(count(b.data, "atlas-pagination__gap"), 2);
	assert_non_null(strstr(b.data, "pagina=10\""));
	assert_null(strstr(b.data, "pagina=2\""));
	buf_reset(&b);
	comp_pagination(&b, "/x?", 1, 3);
	assert_null(strstr(b.data, "rel=\"prev\""));
	buf_free(&b);
}

static void test_ext_link(void **state)
{
	(void)state;
	EXPECT("javascript:alert(1)",
	       comp_ext_link(b, "javascript:alert(1)", "javascript:alert(1)"));
	EXPECT(
	    "<a class=\"utrecht-link utrecht-link--html-a\" href=\"https://example.org/?a=1&amp;b"
	    "=&quot;\">Voorbeeld</a>",
	    comp_ext_link(b, "https://example.org/?a=1&b=\"", "Voorbeeld"));
}

static void test_badge_notice(void **state)
{
	(void)state;
	EXPECT("<span class=\"utrecht-status-badge atlas-badge utrecht-status-badge--inactive\">"
	       "Opgeheven &amp; weg</span>",
	       comp_badge(b, BADGE_ENDED, "Opgeheven & weg"));
	struct buf b = BUF_INIT;
	comp_notice(&b, "Let op:", HOSTILE);
	assert_non_null(strstr(b.data, "<strong>Let op:</strong> " HOSTILE_ESC));
	buf_free(&b);
}

/* ---- layout ------------------------------------------------------------------ */

static void assert_page_shell(const char *html)
{
	assert_non_null(strstr(html, "<!DOCTYPE html>"));
	assert_non_null(strstr(html, "<html lang=\"nl\""));
	assert_int_equal(count(html, "<h1"), 1);
	assert_int_equal(count(html, "<main id=\"inhoud\""), 1);
	assert_non_null(strstr(html, "href=\"#inhoud\""));
	assert_non_null(strstr(html, "<header"));
	assert_non_null(strstr(html, "<footer"));
	assert_non_null(strstr(html, "<nav class=\"utrecht-nav-bar atlas-nav\" aria-label="));
	assert_non_null(strstr(html, " — Samenwerkingsatlas Provincie Utrecht</title>"));
	assert_null(strstr(html, "style="));
	assert_null(strstr(html, "<script"));
	assert_non_null(strstr(html, "</html>"));
}

static void test_error_page(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	layout_error_page(&b, 404, "Niet <gevonden>", HOSTILE);
	assert_false(b.err);
	assert_page_shell(b.data);
	assert_non_null(strstr(b.data, "<title>Niet &lt;gevonden&gt; — "));
	assert_non_null(strstr(b.data, HOSTILE_ESC));
	assert_non_null(strstr(b.data, "Foutcode 404"));
	buf_reset(&b);
	layout_error_page(&b, 500, NULL, NULL);
	assert_page_shell(b.data);
	assert_non_null(strstr(b.data, "Foutcode 500"));
	buf_free(&b);
}

/* ---- pages on a fictional snapshot -------------------------------------------- */

static struct snapshot *snap;

static struct organisation *add_org(struct snapshot *s, int64_t id, const char *code,
				    enum org_kind kind, const char *name)
{
	struct organisation *o = fixture_org(s, id, code, kind, name);
	o->source = 1;
	o->last_confirmed = snapshot_str(s, "2015-10-07");
	return o;
}

static struct collaboration *add_collab(struct snapshot *s, int64_t id, const char *key,
					const char *name, int domain_id)
{
	struct collaboration *c = fixture_collab(s, id, key, name, domain_id);
	c->legal_form = LF_OL;
	c->purpose = snapshot_str(s, HOSTILE);
	c->seat = snapshot_str(s, "Testdorp");
	c->website = snapshot_str(s, "javascript:alert(1)");
	c->source = 1;
	c->last_confirmed = snapshot_str(s, "2015-10-07");
	c->note = snapshot_str(s, "Deelnemers volgens gegevens van 2015 <b>.");
	return c;
}

static void add_part(struct snapshot *s, int64_t id, int collab_id, int org_id, const char *left,
		     double cost_share, int64_t contribution)
{
	struct participation *p = fixture_part(s, id, collab_id, org_id);
	p->cost_share = cost_share;
	p->contribution = contribution;
	p->left = snapshot_str(s, left);
	p->source = 1;
	p->last_confirmed = snapshot_str(s, "2015-10-07");
}

static int setup(void **state)
{
	(void)state;
	struct snapshot *s = snapshot_new(3);
	struct source *src = snapshot_add_source(s);
	src->id = 1;
	src->key = snapshot_str(s, "test-bron");
	src->title = snapshot_str(s, "Testbron " HOSTILE);
	src->publisher = snapshot_str(s, "Testuitgever");
	src->url = snapshot_str(s, "https://example.org/bron?a=1&b=2");
	src->licence = snapshot_str(s, "CC BY 4.0");
	src->attribution = snapshot_str(s, "Bron: Testuitgever");
	src->reference_date = snapshot_str(s, "2015-10-07");
	src->retrieved = snapshot_str(s, "2024-02-01");
	src->note = snapshot_str(s, "");
	struct domain *d = snapshot_add_domain(s);
	d->id = 1;
	d->key = snapshot_str(s, "sociaal-domein");
	d->name = snapshot_str(s, "Sociaal <domein>");
	d->description = snapshot_str(s, "");

	struct organisation *o = add_org(s, 1, "gm9999", ORG_MUNICIPALITY, "Gemeente Testdorp");
	o->cbs_code = snapshot_str(s, "GM9999");
	o->in_province = true;
	o->population = 12345;
	o->population_date = snapshot_str(s, "2024-01-01");
	o->area_km2 = 42.5;
	o = add_org(s, 2, "gm9998", ORG_MUNICIPALITY, HOSTILE);
	o->valid_to = snapshot_str(s, "2019-01-01");
	o->ended = true;
	o->successor = 1;
	add_org(s, 3, "pv99", ORG_PROVINCE, "Provincie Testland");

	add_collab(s, 1, "testregio", HOSTILE, 1);
	add_collab(s, 2, "testnetwerk", "Testnetwerk", 1);
	add_part(s, 1, 1, 1, "", 0.125, 1000);
	add_part(s, 2, 1, 2, "2019-01-01", -1, -1);
	add_part(s, 3, 2, 3, "", -1, -1);

	snap = fixture_snapshot_finish(s, "2024-06-01");
	return snap ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	snapshot_free(snap);
	return 0;
}

struct call {
	struct request r;
	int status;
};

/* Run handler h for path (arg: captured segment or NULL; params: name,
 * value pairs ending with NULL). */
static void run(struct call *c, handler_fn h, const char *path, const char *arg, ...)
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
	va_list ap;
	va_start(ap, arg);
	const char *name;
	while ((name = va_arg(ap, const char *)) != NULL) {
		c->r.params[c->r.n_params].name = name;
		c->r.params[c->r.n_params].value = va_arg(ap, const char *);
		c->r.n_params++;
	}
	va_end(ap);
	c->status = h(&c->r);
	assert_false(c->r.out.err);
	assert_true(c->r.out.len > 0);
}

static void done(struct call *c)
{
	buf_free(&c->r.out);
	arena_free(c->r.arena);
}

static void test_pages_render(void **state)
{
	(void)state;
	static const struct {
		handler_fn h;
		const char *path, *arg;
	} pages[] = {
	    {page_home, "/", NULL},
	    {page_collab_list, "/samenwerkingsverbanden", NULL},
	    {page_collab_show, "/samenwerkingsverbanden/testregio", "testregio"},
	    {page_org_list, "/organisaties", NULL},
	    {page_org_show, "/organisaties/gm9999", "gm9999"},
	    {page_org_show, "/organisaties/gm9998", "gm9998"},
	    {page_search, "/zoeken", NULL},
	    {page_about, "/over", NULL},
	    {page_accessibility, "/toegankelijkheid", NULL},
	};
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		struct call c;
		run(&c, pages[i].h, pages[i].path, pages[i].arg, NULL);
		assert_int_equal(c.status, 200);
		assert_page_shell(c.r.out.data);
		assert_null(strstr(c.r.out.data, "<b>"));
		assert_null(strstr(c.r.out.data, "Sociaal <domein>"));
		assert_null(strstr(c.r.out.data, "href=\"javascript:"));
		if (pages[i].h != page_search)
			assert_ptr_equal(c.r.etag, snap->etag);
		done(&c);
	}
}

static void test_collab_show_content(void **state)
{
	(void)state;
	struct call c;
	run(&c, page_collab_show, "/samenwerkingsverbanden/testregio", "testregio", NULL);
	const char *html = c.r.out.data;
	assert_non_null(strstr(html, "<h1 class=\"utrecht-heading-1\">" HOSTILE_ESC "</h1>"));
	assert_non_null(strstr(html, "<title>" HOSTILE_ESC " — "));
	assert_non_null(strstr(html, "Deelnemers volgens gegevens van 2015 &lt;b&gt;."));
	assert_non_null(strstr(html, "12,5\u00a0%"));
	assert_non_null(strstr(html, "€\u00a01.000"));
	assert_non_null(strstr(html, "Voormalige deelnemers"));
	assert_non_null(strstr(html, "href=\"https://example.org/bron?a=1&amp;b=2\""));
	assert_non_null(strstr(html, "aria-current=\"page\""));
	done(&c);
}

static void test_org_show_successor(void **state)
{
	(void)state;
	struct call c;
	run(&c, page_org_show, "/organisaties/gm9998", "gm9998", NULL);
	assert_non_null(strstr(c.r.out.data, "Opgeheven"));
	assert_non_null(strstr(c.r.out.data, "href=\"/organisaties/gm9999\""));
	done(&c);
	run(&c, page_org_show, "/organisaties/gm9999", "gm9999", NULL);
	assert_non_null(strstr(c.r.out.data, "12.345"));
	assert_non_null(strstr(c.r.out.data, "42,50"));
	assert_non_null(strstr(c.r.out.data, "Voorganger"));
	done(&c);
}

static void test_list_filters(void **state)
{
	(void)state;
	struct call c;
	run(&c, page_collab_list, "/samenwerkingsverbanden", NULL, "beleidsdomein",
	    "sociaal-domein", "status", "alle", "sorteer", "-naam", NULL);
	assert_int_equal(c.status, 200);
	assert_non_null(strstr(c.r.out.data, "2 samenwerkingsverbanden"));
	assert_non_null(strstr(
	    c.r.out.data, "href=\"/api/v1/samenwerkingsverbanden?beleidsdomein=sociaal-domein&amp;"
			  "status=alle&amp;sorteer=-naam\""));
	assert_non_null(strstr(c.r.out.data, "<option value=\"-naam\" selected>"));
	done(&c);

	run(&c, page_collab_list, "/samenwerkingsverbanden", NULL, "beleidsdomein",
	    "<bestaat-niet>", NULL);
	assert_int_equal(c.status, 400);
	assert_page_shell(c.r.out.data);
	assert_null(strstr(c.r.out.data, "<bestaat-niet>"));
	done(&c);
}

static void test_not_found(void **state)
{
	(void)state;
	struct call c;
	run(&c, page_collab_show, "/samenwerkingsverbanden/x", "<x>", NULL);
	assert_int_equal(c.status, 404);
	assert_page_shell(c.r.out.data);
	done(&c);
	run(&c, page_org_show, "/organisaties/x", "gm0000", NULL);
	assert_int_equal(c.status, 404);
	done(&c);
	run(&c, page_org_list, "/organisaties", NULL, "soort", "onzin", NULL);
	assert_int_equal(c.status, 400);
	done(&c);
}

int main(void)
{
	const struct CMUnitTest writers[] = {
	    cmocka_unit_test(test_html_text_hostile),
	    cmocka_unit_test(test_html_attr_hostile),
	    cmocka_unit_test(test_invalid_utf8_passes_through),
	    cmocka_unit_test(test_url_writers),
	    cmocka_unit_test(test_int_nl),
	    cmocka_unit_test(test_date_nl),
	    cmocka_unit_test(test_decimal_nl),
	    cmocka_unit_test(test_table),
	    cmocka_unit_test(test_page_nav),
	    cmocka_unit_test(test_dl_unknown),
	    cmocka_unit_test(test_select),
	    cmocka_unit_test(test_pagination),
	    cmocka_unit_test(test_ext_link),
	    cmocka_unit_test(test_badge_notice),
	    cmocka_unit_test(test_error_page),
	};
	const struct CMUnitTest pages[] = {
	    cmocka_unit_test(test_pages_render),       cmocka_unit_test(test_collab_show_content),
	    cmocka_unit_test(test_org_show_successor), cmocka_unit_test(test_list_filters),
	    cmocka_unit_test(test_not_found),
	};
	int failed = cmocka_run_group_tests_name("render", writers, NULL, NULL);
	failed += cmocka_run_group_tests_name("pages", pages, setup, teardown);
	return failed ? 1 : 0;
}
