/*
 * store_roo — import of the national ROO export (io/roo.h) into the store:
 * an idempotent upsert keyed on the ROO systeemId (then the TOOI id) of
 * organisations, regelingen (collaborations), deelnemende organisaties
 * (participations) and functies/medewerkers (people, offices, seats).
 *
 * The whole file is one transaction: any parse or store error rolls back
 * and nothing is written; --dry-run runs the same code and rolls back at
 * the end, so its report is exactly what a real run would do. Records of
 * an earlier ROO import that are missing from a newer file are ended with
 * the file's date. Every change gets an audit event with actor
 * "cli:import-roo", via "import" and source "ROO-export <timestamp>".
 * People: public facts only (name, party, function, dates).
 */
#ifndef ATLAS_STORE_ROO_H
#define ATLAS_STORE_ROO_H

#include "store.h"

#include <stdbool.h>
#include <stddef.h>

enum roo_entity {
	ROO_E_ORG,
	ROO_E_COLLAB,
	ROO_E_PART,
	ROO_E_PERSON,
	ROO_E_OFFICE,
	ROO_E_SEAT,
	ROO_E_COUNT
};

/* Dutch plural names for the report, indexed by enum roo_entity. */
extern const char *const roo_entity_names[ROO_E_COUNT];

struct roo_report {
	char timestamp[64]; /* the file's @timestamp */
	char version[32];   /* schema version from the namespace */
	int added[ROO_E_COUNT], changed[ROO_E_COUNT], ended[ROO_E_COUNT], unchanged[ROO_E_COUNT];
	long records;	       /* organisaties + regelingen read */
	int skipped_functions; /* functies that are no public office / body we keep */
	char **unknown_terms;  /* beleidsterreinen without a domain (owned) */
	int *unknown_counts;
	int nunknown, ucap;
};

/*
 * Import the ROO export at path. map_csv: the beleidsterrein → domain key
 * table (data/roo-beleidsterreinen.csv; header "beleidsterrein,domein").
 * dry_run: compute the report, write nothing. progress: progress on stderr.
 * Returns STORE_OK, STORE_ERR_INVALID (err: "FILE:LINE:COLUMN: reason") or
 * STORE_ERR; on any error nothing is written. rep is filled (free with
 * store_roo_report_free).
 */
int store_roo_import(struct store *s, const char *path, const char *map_csv, bool dry_run,
		     bool progress, struct roo_report *rep, char *err, size_t errlen);

/* Total number of added + changed + ended records in rep. */
int store_roo_report_changes(const struct roo_report *rep);

/* Free what rep owns. */
void store_roo_report_free(struct roo_report *rep);

/* Map a ROO beleidsterrein to a domain key using the table in map_csv;
 * writes the key to out (>= 81 bytes) and returns 0, or -1 when unknown or
 * the table cannot be read. For tests and tools. */
int store_roo_map_term(const char *map_csv, const char *term, char *out, size_t outlen);

#endif
