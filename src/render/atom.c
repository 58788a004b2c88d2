/*
 * atom — Atom 1.0 writer and XML escaping (see atom.h).
 */
#include "atom.h"

#include <stdbool.h>

/* Allowed in XML 1.0: tab, LF, CR and everything from 0x20 (UTF-8 bytes are
 * passed through; the input is valid UTF-8 from the edge or the store). */
static bool xml_allowed(unsigned char c)
{
	return c >= 0x20 ? c != 0x7f : (c == '\t' || c == '\n' || c == '\r');
}

static void xml_escape(struct buf *b, const char *s, bool attr)
{
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		switch (*p) {
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		case '"':
			buf_puts(b, attr ? "&quot;" : "\"");
			break;
		case '\'':
			buf_puts(b, attr ? "&apos;" : "'");
			break;
		case '\t':
			buf_puts(b, attr ? "&#x9;" : "\t");
			break;
		case '\n':
			buf_puts(b, attr ? "&#xA;" : "\n");
			break;
		case '\r':
			buf_puts(b, "&#xD;");
			break;
		default:
			if (xml_allowed(*p))
				buf_putc(b, (char)*p);
		}
	}
}

void xml_text(struct buf *b, const char *s)
{
	xml_escape(b, s, false);
}

void xml_attr(struct buf *b, const char *s)
{
	xml_escape(b, s, true);
}

static void elem(struct buf *b, const char *name, const char *text)
{
	buf_printf(b, "<%s>", name);
	xml_text(b, text);
	buf_printf(b, "</%s>\n", name);
}

static void link(struct buf *b, const char *rel, const char *type, const char *href)
{
	buf_puts(b, "<link rel=\"");
	xml_attr(b, rel);
	buf_puts(b, "\"");
	if (type) {
		buf_puts(b, " type=\"");
		xml_attr(b, type);
		buf_puts(b, "\"");
	}
	buf_puts(b, " href=\"");
	xml_attr(b, href);
	buf_puts(b, "\"/>\n");
}

static void author(struct buf *b, const char *name)
{
	buf_puts(b, "<author><name>");
	xml_text(b, name);
	buf_puts(b, "</name></author>\n");
}

void atom_begin(struct buf *b, const struct atom_feed *f)
{
	buf_puts(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"nl\">\n");
	elem(b, "id", f->id);
	elem(b, "title", f->title);
	if (f->subtitle)
		elem(b, "subtitle", f->subtitle);
	elem(b, "updated", f->updated);
	link(b, "self", "application/atom+xml", f->self);
	if (f->alternate)
		link(b, "alternate", "text/html", f->alternate);
	if (f->author)
		author(b, f->author);
}

void atom_entry(struct buf *b, const struct atom_entry *e)
{
	buf_puts(b, "<entry>\n");
	elem(b, "id", e->id);
	elem(b, "title", e->title);
	elem(b, "updated", e->updated);
	if (e->link)
		link(b, "alternate", "text/html", e->link);
	if (e->author)
		author(b, e->author);
	buf_puts(b, "<content type=\"text\">");
	xml_text(b, e->content);
	buf_puts(b, "</content>\n</entry>\n");
}

void atom_end(struct buf *b)
{
	buf_puts(b, "</feed>\n");
}
