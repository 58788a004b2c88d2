/*
 * provenance (pages) — "says who?" on the collaboration and organisation
 * pages: a numbered source mark per field ([1] linking to the "Bronnen"
 * list), unconfirmed claims next to their field, one "Nog niet bekend: …"
 * line for the empty fields with a way to fill them, and the last
 * confirmation with a marker when it is older than a year. The data comes
 * shaped from app/provenance.h; every string is escaped through render/.
 */
#ifndef ATLAS_PAGES_PROVENANCE_H
#define ATLAS_PAGES_PROVENANCE_H

#include "../app/provenance.h"
#include "../http/request.h"

/* The names of the fields that are still empty, for the gaps line. */
struct prov_gaps {
	const char *names[16];
	int n;
};

/* Which record a page shows marks for. */
struct prov_record {
	const struct prov_view *view;
	const char *entity; /* "collaboration" or "organisation" */
	const char *key;
	struct prov_gaps gaps;
};

/* Add a field name to the gaps line (bounded). */
void provenance_add_gap(struct prov_record *pr, const char *name);

/* A whole <dl> item with a text value and the field's marks; when value is
 * empty and the field has no unconfirmed claim, nothing is written and
 * gap_name (if not NULL) is added to the gaps. */
void provenance_dl_text(struct buf *b, struct prov_record *pr, const char *label, const char *value,
			const char *field, const char *gap_name);
/* The same with an ISO date value. */
void provenance_dl_date(struct buf *b, struct prov_record *pr, const char *label, const char *iso,
			const char *field, const char *gap_name);
/* The marks of a field (fact mark and unconfirmed claim), for a value the
 * caller wrote itself. */
void provenance_marks(struct buf *b, const struct prov_record *pr, const char *field);
/* Just the [n] reference of a mark (nothing for NULL or a mark without source). */
void provenance_ref(struct buf *b, const struct prov_view *v, const struct prov_mark *m);
/* An unconfirmed claim: value, words and reference. */
void provenance_claim(struct buf *b, const struct prov_view *v, const struct prov_mark *m);

/* "Nog niet bekend: juridische vorm, fase — Vul aan" with a link to
 * edit_href when the reader may edit (not NULL), else to report_href. */
void provenance_gaps_line(struct buf *b, const struct prov_record *pr, const char *edit_href,
			  const char *report_href);

/* "Laatst bevestigd op 7 oktober 2015 door …", with "— ouder dan een jaar"
 * when stale on the snapshot's date. */
void provenance_confirmed(struct buf *b, const struct snapshot *s, const char *date,
			  const char *by);
/* The badge "Niet bevestigd in het afgelopen jaar" for the head of a page
 * (nothing when current). */
void provenance_stale_badge(struct buf *b, const struct snapshot *s, const char *date);

/* The "Bronnen" section: every numbered source with publisher, date, link,
 * "secundaire bron" where so, and the fields it supports with their
 * certainty in words. Nothing when the view has no sources. */
void provenance_sources_section(struct buf *b, const struct snapshot *s, const struct prov_view *v);

#endif
