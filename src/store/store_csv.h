/*
 * store_csv — the CSV import (io/csv_import.h) applied to the store: the
 * sink that turns each record into a store_write.h call, all inside one
 * store batch (store_batch_begin … store_batch_end), so the import is
 * all-or-nothing. Part of the store interface (conventions in store.h).
 */
#ifndef ATLAS_STORE_CSV_H
#define ATLAS_STORE_CSV_H

#include "../io/csv_import.h"
#include "store_write.h"

#include <stdbool.h>
#include <stddef.h>

/* Parse and apply data[0..len) as w in one batch; see csv_import. Returns
 * 0 when the import is (or would be, dry_run) committed, -1 when nothing
 * was written (rep->errors say why). Release rep with
 * csv_import_report_free. */
int store_csv_import(struct store *s, const struct write_ctx *w, const char *data, size_t len,
		     bool dry_run, struct csv_import_report *rep);

#endif
