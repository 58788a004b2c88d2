/*
 * diff — turns one audit event (action, entity, before/after JSON images)
 * into short readable Dutch lines for the history pages and the change feed:
 *
 *   "Fase: groei → stabilisatie"
 *   "Deelnemer toegevoegd: Lopik (per 1 januari 2025)"
 *   "Naam: Oude naam → Nieuwe naam"
 *
 * Keys are the stored (English) column names used by the seed import and the
 * store writes ("phase", "legal_form", ...); the Dutch API names ("fase",
 * ...) are understood too. Enumerations show their Dutch label, dates are
 * written out, long texts are shortened, and a key this module does not know
 * is shown with its own name. Pure: parses JSON with jansson, looks names up
 * in the snapshot (optional), does no I/O and writes plain text (callers
 * escape it for HTML/XML).
 */
#ifndef ATLAS_DIFF_H
#define ATLAS_DIFF_H

#include "model.h"
#include "../lib/buf.h"

/*
 * Append the readable lines of one event to out, each terminated by '\n'
 * (values never contain a newline). entity is "collaboration",
 * "participation", "organisation" or another table name; action is
 * "insert", "update", "delete" or "confirm"; before/after are JSON objects
 * or NULL/"" (invalid JSON is treated as absent). snap (may be NULL) is used
 * to show organisation and domain names instead of codes. Returns the
 * number of lines written (at least 1).
 */
int diff_describe(struct buf *out, const struct snapshot *snap, const char *entity,
		  const char *action, const char *before, const char *after);

/* The Dutch noun for an entity ("samenwerkingsverband", "deelname", ...);
 * unknown entities are returned unchanged. */
const char *diff_entity_label(const char *entity);

/* Write an ISO date YYYY-MM-DD as "1 januari 2025" into out (plain text);
 * anything else is copied unchanged. */
void diff_date_nl(struct buf *out, const char *iso);

#endif
