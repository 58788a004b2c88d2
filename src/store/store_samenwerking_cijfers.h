/*
 * store_samenwerking_cijfers — the collaboration figures on either engine:
 * the mapping from a registry policy domain to the indicators (Iv3
 * taakvelden) that measure what gemeenten spend on it (table
 * samenwerking_cijfers_domein, migration 20), the definitions of the
 * indicators a collaboration page names, and the values of its participants
 * in one indexed query. See app/samenwerking_cijfers.h.
 */
#ifndef ATLAS_STORE_SAMENWERKING_CIJFERS_H
#define ATLAS_STORE_SAMENWERKING_CIJFERS_H

#include "store.h"
#include "store_write.h"

#include <stdbool.h>
#include <stddef.h>

struct arena;

struct sc_domain_row {
	const char *domain; /* beleidsdomein key */
	const char *keys;   /* ';'-joined indicator keys, "" none */
	const char *note;   /* toelichting */
};

/* The whole mapping, by domain key. */
int store_sc_domains(struct store *s, struct arena *a, struct sc_domain_row **out, int *n);

/* The keys of the registry's policy domains, sorted (strcmp). */
int store_sc_registry_domains(struct store *s, struct arena *a, const char ***out, int *n);

/*
 * Replace the mapping with rows (one transaction, one audit event entity
 * indicator naming file, the journal ('extern', 0) through the table's
 * triggers and a data-version bump). *changed is false and nothing is
 * written when the rows equal the stored mapping; dry_run rolls back.
 */
int store_sc_domains_replace(struct store *s, const struct write_ctx *w, const char *file,
			     const struct sc_domain_row *rows, int n, bool dry_run, bool *changed,
			     char *err, size_t errlen);

struct sc_def {
	const char *key, *name, *unit, *source, *source_url, *licence, *warning;
};

/* The definitions of the indicators named in keys (comma-joined valid
 * keys), by key. */
int store_sc_defs(struct store *s, struct arena *a, const char *keys, struct sc_def **out, int *n);

struct sc_value {
	const char *key, *area, *period, *note;
	bool has; /* false: missing (NULL) */
	double value;
};

/*
 * Every value of the indicators in keys (comma-joined valid keys) for the
 * areas in areas (comma-joined gemeente codes, upper case), all periods, by
 * area, key and period: the keys through indicator's unique key, then per
 * area the unique (indicator, area, period) index — exact lookups. Each
 * list is bound as one parameter (json_each / unnest).
 */
int store_sc_values(struct store *s, struct arena *a, const char *areas, const char *keys,
		    struct sc_value **out, int *n);

#endif
