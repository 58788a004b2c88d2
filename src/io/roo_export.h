/*
 * roo_export — the registry in the shape of the national Register van
 * Overheidsorganisaties export (ROO, organisaties.overheid.nl), namespace
 * https://organisaties.overheid.nl/static/schema/oo/export/2.6.9, so that
 * tools reading exportOO.xml can read ours. The output validates against
 * oo-export-2.6.11.xsd (tests/fixtures/roo-schema/).
 *
 * Honest mapping (docs/API.md "ROO-export"): only fields we really hold
 * are written. The schema requires some values we often do not have
 * (samenwerkingsvorm, bevoegdheidsverkrijging, datumInwerkingtreding) and
 * has no "onbekend" value for them: such collaborations are left out and
 * counted in struct roo_export_stats. Other collaborations (private law,
 * networks) have no place in the ROO and are left out as well. No
 * systeemId (ROO's own numbers) is invented; references that require one
 * (bronhouder, hoortBijGemeenschappelijkeRegeling) are not written.
 *
 * The XSD declares its attributes globally, so they are namespace
 * qualified: written with the prefix p: bound to the same namespace
 * (p:timestamp, p:resourceIdentifierTOOI, p:afkorting, p:eenheid).
 *
 * Pure: reads a snapshot, writes a buffer; no I/O.
 */
#ifndef ATLAS_ROO_EXPORT_H
#define ATLAS_ROO_EXPORT_H

#include "../domain/model.h"
#include "../lib/buf.h"

#define ROO_EXPORT_NS "https://organisaties.overheid.nl/static/schema/oo/export/2.6.9"

struct roo_export_stats {
	int organisations;   /* organisatie elements written */
	int regelingen;	     /* regeling elements written */
	int skipped_not_wgr; /* private-law collaborations and networks */
	int skipped_form;    /* Wgr without a known ROO legal form */
	int skipped_powers;  /* ... without bevoegdheidsverkrijging */
	int skipped_start;   /* ... without datumInwerkingtreding */
};

/*
 * Write the whole export (XML declaration included) for snapshot s into b.
 * timestamp is written to the root's timestamp attribute (e.g.
 * "2026-11-28T10:00:00Z"). stats may be NULL.
 */
void roo_export_write(struct buf *b, const struct snapshot *s, const char *timestamp,
		      struct roo_export_stats *stats);

/* The ROO samenwerkingsvorm text for a legal form, or NULL when the ROO
 * has no such form (everything but OL, GO, BVO, CC, RZM). */
const char *roo_form_text(enum legal_form lf);

#endif
