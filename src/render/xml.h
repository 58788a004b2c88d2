/*
 * xml — the one XML escaper: character data and attribute values for every
 * XML the atlas writes (the Atom change feed, the ROO export). Characters
 * XML 1.0 does not allow (control bytes other than tab, newline and carriage
 * return, and DEL) are dropped; UTF-8 passes through (input is valid UTF-8
 * from the edge or the store). Writes into a buf; no I/O.
 */
#ifndef ATLAS_XML_H
#define ATLAS_XML_H

#include "../lib/buf.h"

#include <stddef.h>

/* XML character data: & < > escaped, forbidden characters dropped. NULL
 * writes nothing. */
void xml_text(struct buf *b, const char *s);
/* As xml_text, at most max UTF-8 characters (0 = no limit), so a schema's
 * length limit holds; the cut is never inside a character. */
void xml_text_max(struct buf *b, const char *s, size_t max);
/* XML attribute value (always written inside "..."): & < > " ' and the
 * whitespace characters tab/newline/CR escaped as character references. */
void xml_attr(struct buf *b, const char *s);

#endif
