/*
 * test_atom — the Atom 1.0 writer (src/render/atom.c): XML escaping of text
 * and attributes, dropping characters XML forbids, and the feed/entry
 * structure (id, title, updated, self link, content type="text").
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../src/render/atom.h"

#include <string.h>

static void test_escape(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	xml_text(&b, "a<b>&\"c'\x01\x1f\t\n");
	assert_string_equal(b.data, "a&lt;b&gt;&amp;\"c'\t\n");
	buf_reset(&b);
	xml_attr(&b, "/x?a=1&b=\"2\"<'>\n\r");
	assert_string_equal(b.data, "/x?a=1&amp;b=&quot;2&quot;&lt;&apos;&gt;&#xA;&#xD;");
	buf_reset(&b);
	xml_text(&b, NULL);
	xml_text(&b, "Zeïst → ok");
	assert_string_equal(b.data, "Zeïst → ok");
	buf_free(&b);
}

static void test_feed(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	const struct atom_feed f = {.id = "tag:example.org,2025:feed",
				    .title = "Test & feed",
				    .updated = "2025-01-01T00:00:00Z",
				    .self = "/feed.atom?a=1&b=2",
				    .alternate = "/feed",
				    .author = "Testdorp"};
	atom_begin(&b, &f);
	const struct atom_entry e = {.id = "tag:example.org,2025:e:1",
				     .title = "<script>alert(1)</script>",
				     .updated = "2025-01-01T12:00:00.123Z",
				     .link = "/x/\"y\"",
				     .author = NULL,
				     .content = "Fase: groei → stabilisatie\nDoor: jan."};
	atom_entry(&b, &e);
	atom_end(&b);
	const char *x = b.data;
	static const char head[] = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed "
				   "xmlns=\"http://www.w3.org/2005/Atom\"";
	assert_true(strncmp(x, head, sizeof head - 1) == 0);
	assert_non_null(strstr(x, "<id>tag:example.org,2025:feed</id>"));
	assert_non_null(strstr(x, "<title>Test &amp; feed</title>"));
	assert_non_null(strstr(x, "<updated>2025-01-01T00:00:00Z</updated>"));
	assert_non_null(strstr(
	    x,
	    "<link rel=\"self\" type=\"application/atom+xml\" href=\"/feed.atom?a=1&amp;b=2\"/>"));
	assert_non_null(strstr(x, "<author><name>Testdorp</name></author>"));
	assert_non_null(strstr(x, "<entry>\n<id>tag:example.org,2025:e:1</id>"));
	assert_non_null(strstr(x, "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
	assert_non_null(strstr(x, "href=\"/x/&quot;y&quot;\""));
	assert_non_null(
	    strstr(x, "<content type=\"text\">Fase: groei → stabilisatie\nDoor: jan.</content>"));
	assert_null(strstr(x, "<script>"));
	assert_non_null(strstr(x, "</entry>\n</feed>\n"));
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_escape),
	    cmocka_unit_test(test_feed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
