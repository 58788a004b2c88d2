/*
 * atom — a small Atom 1.0 (RFC 4287) writer for the change feed
 * /wijzigingen.atom. Every text and attribute value goes through the XML
 * escapers of render/xml.h. Writes into a buf; no I/O, no knowledge of the
 * registry.
 */
#ifndef ATLAS_ATOM_H
#define ATLAS_ATOM_H

#include "../lib/buf.h"
#include "xml.h"

struct atom_feed {
	const char *id;	       /* absolute IRI, e.g. a tag: URI */
	const char *title;     /* plain text */
	const char *subtitle;  /* plain text or NULL */
	const char *updated;   /* RFC 3339 timestamp */
	const char *self;      /* URL of the feed itself (rel="self") */
	const char *alternate; /* URL of the HTML page (rel="alternate") or NULL */
	const char *author;    /* feed author name (required when entries have none) */
};

struct atom_entry {
	const char *id;	     /* absolute IRI, unique and stable */
	const char *title;   /* plain text */
	const char *updated; /* RFC 3339 timestamp */
	const char *link;    /* rel="alternate" URL or NULL */
	const char *author;  /* name or NULL (then the feed author applies) */
	const char *content; /* plain text, written as <content type="text"> */
};

/* XML declaration and the opening <feed> with its metadata. */
void atom_begin(struct buf *b, const struct atom_feed *f);
/* One <entry>. */
void atom_entry(struct buf *b, const struct atom_entry *e);
/* Close the feed. */
void atom_end(struct buf *b);

#endif
