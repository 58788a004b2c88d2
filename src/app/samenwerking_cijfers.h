/*
 * samenwerking_cijfers — the figures of a collaboration's active
 * participating gemeenten, shared by the collaboration page
 * (pages/samenwerking_cijfers.c) and the API
 * (GET /api/v1/samenwerkingsverbanden/{id}/cijfers): total inhabitants and
 * area, and per policy domain of the collaboration the participants' lasten
 * per inhabitant on the Iv3 taakvelden mapped to it (weighted by
 * inhabitants), each for the newest period with data, with coverage
 * ("11 of 12 participants"), sources and warnings. Participants that are
 * not gemeenten with a CBS code have no figures. Public open data; renders
 * nothing.
 *
 * Also reads the mapping file (header beleidsdomein,indicatoren,toelichting)
 * for `atlas import indicatoren` (app/indicatoren.c dispatches to it).
 */
#ifndef ATLAS_APP_SAMENWERKING_CIJFERS_H
#define ATLAS_APP_SAMENWERKING_CIJFERS_H

#include "../domain/model.h"
#include "../domain/samenwerking_cijfers.h"
#include "../io/sheet.h"
#include "../store/store_samenwerking_cijfers.h"
#include "indicatoren.h"

#include <stdbool.h>

struct arena;
struct store;

struct sc_member {
	const char *org_code, *org_name; /* registry organisation */
	const char *cbs;		 /* "GM0344"; "" when not a gemeente with a CBS code */
	struct sc_cell inhabitants, area;
	struct sc_cell *spend; /* per domain (sc_figures.domains), euro per inhabitant */
};

/* One total: the indicator, the newest period with a value (NULL: none)
 * and the total over the members. */
struct sc_figure {
	const struct sc_def *def; /* NULL when the store has no such indicator */
	const char *period;
	struct sc_total total;
};

struct sc_domain_figure {
	const char *key, *name;	    /* the registry's policy domain */
	bool mapped;		    /* the mapping names this domain */
	const char *note;	    /* the mapping's toelichting ("" none) */
	const struct sc_def **defs; /* the taakvelden (indicators) of the domain */
	int n_defs;
	const char *period;    /* newest period with a value, NULL none */
	struct sc_total total; /* weighted: euro per inhabitant */
};

struct sc_figures {
	struct sc_member *members; /* active participants, each organisation once, by name */
	int n_members;
	int n_gemeenten;     /* members with a CBS gemeente code */
	bool mapping_loaded; /* the policy-domain mapping has rows (else no domain
			      * is known to have no Iv3 taakveld) */
	struct sc_figure inhabitants, area;
	struct sc_domain_figure *domains; /* the collaboration's domains, in its order */
	int n_domains;
	const char **warnings;	    /* distinct warnings of the indicators shown */
	const char **warning_names; /* the figure each concerns ("Inwoners", …) */
	int n_warnings;
};

/* The figures of collaboration ci of snapshot s. STORE_ERR when the
 * database is unreachable. */
int samenwerking_cijfers_build(struct store *st, struct arena *a, const struct snapshot *s, int ci,
			       struct sc_figures *out);

/* The mapping file's header. */
extern const char *const sc_mapping_header[3];

/*
 * Import the mapping file sh (header sc_mapping_header) for
 * indicatoren_import: every row's domain must be a registry policy domain,
 * named once; every key an indicator in keys (sorted). Errors go to rep
 * (file, line, column); with any, nothing is written. Otherwise the file
 * replaces the whole mapping (rep->counts.changed 1, or unchanged 1 when
 * equal). 0 when written (or, dry_run, when it would be), -1 otherwise.
 */
int samenwerking_cijfers_import_domains(struct store *st, struct arena *a,
					const struct write_ctx *w, const char *file,
					const struct sheet *sh, const char **keys, int nkeys,
					bool dry_run, struct ind_import_report *rep);

#endif
