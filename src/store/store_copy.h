/*
 * store_copy — copy a whole database to another one, across engines
 * (SQLite → PostgreSQL, or back): `atlas copy`. The destination is
 * migrated first and must be empty; the copy is one transaction on the
 * destination and one consistent read of the source, so the source may be
 * in use by a running server. Implemented in store_copy.c.
 */
#ifndef ATLAS_STORE_COPY_H
#define ATLAS_STORE_COPY_H

#include "store.h"

struct store_copy_report {
	int tables;	/* tables copied */
	long long rows; /* rows copied over all tables */
};

/* STORE_OK, STORE_ERR_INVALID (destination not empty), STORE_ERR_SCHEMA
 * (source not current) or STORE_ERR, with a Dutch message in err. */
int store_copy(struct store *from, struct store *to, const char *actor,
	       struct store_copy_report *rep, char *err, size_t errlen);

#endif
