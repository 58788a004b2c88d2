/*
 * model — the spine of the atlas as plain C data: sources, domains,
 * organisations, collaborations and participations, plus the immutable
 * snapshot that request threads read (DESIGN.md "Read path").
 *
 * Codes (enums) map one to one to the English names in SQL and to the Dutch
 * labels and API values through the tables in labels.c. This header has no
 * I/O and depends on nothing outside lib/.
 *
 * Cross references inside a snapshot are indexes into the snapshot's arrays
 * (-1 = none), so a snapshot is one self-contained block of memory.
 */
#ifndef ATLAS_MODEL_H
#define ATLAS_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum org_kind {
	ORG_PROVINCE,
	ORG_MUNICIPALITY,
	ORG_WATER_BOARD,
	ORG_JOINT_BODY, /* the body of a joint arrangement, itself a participant */
	ORG_NATIONAL,
	ORG_OTHER,
	ORG_KIND_COUNT
};

enum collab_kind {
	COLLAB_JOINT_ARRANGEMENT, /* gemeenschappelijke regeling (Wgr) */
	COLLAB_PRIVATE_LAW,
	COLLAB_NETWORK, /* network / covenant, no legal entity */
	COLLAB_KIND_COUNT
};

enum legal_form {
	LF_UNKNOWN,
	LF_OL,	/* openbaar lichaam */
	LF_GO,	/* gemeenschappelijk orgaan */
	LF_BVO, /* bedrijfsvoeringsorganisatie */
	LF_CC,	/* centrumgemeente(constructie) */
	LF_RZM, /* regeling zonder meer */
	LF_STICHTING,
	LF_VERENIGING,
	LF_BV,
	LF_NV,
	LF_COOPERATIE,
	LF_CONVENANT,
	LF_NETWERK,
	LF_COUNT
};

enum powers {
	POW_UNKNOWN,
	POW_ATTRIBUTIE,
	POW_DELEGATIE,
	POW_MANDAAT,
	POW_ZONDER_MANDAAT,
	POW_COUNT
};

enum phase {
	PHASE_UNKNOWN,
	PHASE_INITIATIEF,
	PHASE_GROEI,
	PHASE_STABILISATIE,
	PHASE_TRANSFORMATIE,
	PHASE_BEEINDIGD,
	PHASE_COUNT
};

enum body {
	BODY_UNKNOWN,
	BODY_RAAD,
	BODY_COLLEGE,
	BODY_BURGEMEESTER,
	BODY_ALGEMEEN_BESTUUR,
	BODY_COUNT
};

enum role {
	ROLE_DEELNEMER,
	ROLE_CENTRUMGEMEENTE,
	ROLE_PENVOERDER,
	ROLE_TREKKER,
	ROLE_TOEHOORDER,
	ROLE_COUNT
};

struct source {
	int64_t id;
	char *key;	      /* short slug, e.g. "openstate-opengr-2015" */
	char *title;	      /* human title */
	char *publisher;      /* original publisher */
	char *url;	      /* may be empty */
	char *licence;	      /* e.g. "CC BY 4.0" */
	char *attribution;    /* text to show, e.g. "Bron: CBS" */
	char *reference_date; /* date the data describes (YYYY-MM-DD) */
	char *retrieved;      /* date we copied it */
	char *note;
};

struct domain {
	int64_t id;
	char *key; /* kebab-case, e.g. "sociaal-domein" */
	char *name;
	char *description;
	int n_active; /* active collaborations in this domain (derived) */
};

struct organisation {
	int64_t id;
	char *code; /* URL key: lower-case TOOI code or slug */
	enum org_kind kind;
	char *name;
	char *cbs_code; /* "GM0344" or empty */
	char *tooi;	/* "gm0344" or empty */
	bool in_province;
	char *valid_from, *valid_to; /* YYYY-MM-DD or empty */
	bool ended;		     /* derived: ended on the snapshot's date (snapshot_at) */
	bool recorded_ended;	     /* as stored: ended, possibly without a known date */
	int successor;		     /* index of the successor organisation, -1 */
	int64_t population;	     /* -1 when unknown */
	char *population_date;
	double area_km2;   /* < 0 when unknown */
	int collaboration; /* index of the collaboration this body represents, -1 */
	int source;	   /* index into sources, -1 */
	char *last_confirmed;
	char *confirmed_by; /* actor of the last confirmation ("" = the source) */
	int64_t version;    /* optimistic concurrency: +1 per change */
	char *note;
	/* derived */
	int *parts; /* indexes of its participations, sorted by collaboration name */
	int n_parts;
	int n_active_collabs; /* active participations in active collaborations */
	int *predecessors;    /* organisations whose successor this is */
	int n_predecessors;
};

struct collaboration {
	int64_t id;
	char *key; /* URL id (slug) */
	char *name;
	char *short_name;
	enum collab_kind kind;
	enum legal_form legal_form;
	enum powers powers;
	int *domains; /* indexes into domains */
	int n_domains;
	uint64_t domain_mask; /* bit i set when domain index i applies */
	enum phase phase;
	char *purpose, *seat, *start_date, *end_date, *website;
	int source;
	char *last_confirmed;
	char *confirmed_by;
	int64_t version;
	char *note;
	/* derived */
	bool active;
	int *parts; /* indexes of participations, sorted by organisation name */
	int n_parts;
	int n_active_parts;
};

struct participation {
	int64_t id;
	int collaboration; /* index */
	int organisation;  /* index */
	enum body body;
	enum role role;
	double cost_share;    /* < 0 when unknown; a fraction 0..1 */
	int64_t contribution; /* yearly contribution in euro, -1 unknown */
	char *joined, *left;  /* YYYY-MM-DD or empty */
	int source;
	char *last_confirmed;
	char *confirmed_by;
	int64_t version;
	char *note;
	bool active; /* derived: active on the snapshot's date (snapshot_at) */
};

/* Counts shown on the home page, derived when the snapshot is built. */
struct snapshot_stats {
	int n_orgs_by_kind[ORG_KIND_COUNT];
	int n_active_by_kind[COLLAB_KIND_COUNT];
	int n_active_by_form[LF_COUNT];
	int n_active;
	int n_ended;
	int n_participations;
	char oldest_confirmed[11], newest_confirmed[11];
};

/*
 * An immutable view of the whole registry. Built by the store, shared by
 * request threads through the read model (app/readmodel.h). Strings and arrays
 * live in the snapshot's own allocations and die with it.
 */
struct snapshot {
	uint64_t version; /* increases with every committed write */
	char today[11];	  /* the date "active" was computed for (snapshot_at) */
	char etag[40];	  /* quoted strong ETag for replies derived from it */
	struct source *sources;
	int n_sources;
	struct domain *domains; /* sorted by name */
	int n_domains;
	struct organisation *orgs; /* sorted by name */
	int n_orgs;
	struct collaboration *collabs; /* sorted by name */
	int n_collabs;
	struct participation *parts;
	int n_parts;
	struct snapshot_stats stats;
	/* Versions for reply caches: a reply built from version v for one
	 * record (its page, its API detail) still holds when v is at least
	 * global_changed and the record's entry in org_changed/collab_changed
	 * (per index: the data version of the last change of the record, its
	 * participations or the records they link it to); any other reply
	 * holds for its own version only. A full build sets all to version. */
	uint64_t global_changed;
	uint64_t *org_changed, *collab_changed;
	/* The last version that changed what lists of collaborations show
	 * (their summaries: names, kind, form, phase, domains, active, counts,
	 * confirmation dates, participants): a list reply from version v holds
	 * while v is at least this and global_changed. */
	uint64_t list_changed;
	void *mem; /* private: the allocation list (see snapshot.c) */
};

/* Lookups by key (binary search over sorted key indexes); -1 if absent. */
int snapshot_find_org(const struct snapshot *s, const char *code);
int snapshot_find_collab(const struct snapshot *s, const char *key);
int snapshot_find_domain(const struct snapshot *s, const char *key);
int snapshot_find_source(const struct snapshot *s, const char *key);
/* The participation with id pid (decimal text) in collaboration ci, or -1. */
int snapshot_find_part(const struct snapshot *s, int ci, const char *pid);

#endif
