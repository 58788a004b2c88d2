/*
 * atom — Atom 1.0 writer (see atom.h); escaping through render/xml.h.
 */
#include "atom.h"

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
