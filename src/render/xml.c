/*
 * xml — XML character data and attribute escaping; see xml.h.
 */
#include "xml.h"

#include <stdbool.h>

/* Allowed in XML 1.0 (and not discouraged): tab, LF, CR and everything from
 * 0x20 except DEL; UTF-8 bytes pass through. */
static bool xml_allowed(unsigned char c)
{
	return c >= 0x20 ? c != 0x7f : (c == '\t' || c == '\n' || c == '\r');
}

static void xml_escape(struct buf *b, const char *s, bool attr, size_t max)
{
	size_t chars = 0;
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		if (max && (*p & 0xC0) != 0x80 && ++chars > max)
			break;
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
	xml_escape(b, s, false, 0);
}

void xml_text_max(struct buf *b, const char *s, size_t max)
{
	xml_escape(b, s, false, max);
}

void xml_attr(struct buf *b, const char *s)
{
	xml_escape(b, s, true, 0);
}
