/*
 * officeholders — public office holders as a change-set table
 * ("office_holders", the format of ../shared/data/people/office_holders.csv):
 * each row a person in one public office (burgemeester, waarnemend
 * burgemeester, commissaris van de Koning, gedeputeerde, dijkgraaf) or a
 * seat in a collaboration body (voorzitter algemeen bestuur), with source,
 * date and confidence. Only name, office, organisation and dates are
 * stored; the people registry's privacy rules apply.
 *
 * Called by app/changeset.c for a sheet named "office_holders": plan
 * appends the changes and problems of the sheet to rep (writes nothing);
 * write makes them inside the change-set's open batch (store_batch_begin
 * and the import batch are the caller's) and appends the changes made.
 */
#ifndef ATLAS_APP_OFFICEHOLDERS_H
#define ATLAS_APP_OFFICEHOLDERS_H

#include "changeset.h"

int officeholders_plan(struct store *st, struct arena *a, const struct sheet *sh,
		       const char *min_confidence, const char *today, struct cs_report *rep);
int officeholders_write(struct store *st, struct arena *a, const struct sheet *sh,
			const char *min_confidence, const struct write_ctx *w,
			struct cs_report *rep);

#endif
