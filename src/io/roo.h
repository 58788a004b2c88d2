/*
 * roo — streaming reader of the national Register van Overheidsorganisaties
 * export (exportOO.xml, schema family
 * https://organisaties.overheid.nl/static/schema/oo/export/2.N.N).
 *
 * Reads the file with libxml2's xmlTextReader (memory independent of the
 * file size) and hands every top-level organisatie and every regeling to
 * callbacks as plain structs. It does not touch the database (that is
 * store_roo.h) and does not validate against the XSD; it checks what the
 * import relies on: well-formed UTF-8, the root element and its namespace,
 * the legal-form code samenwerkingsvorm/@afkorting, dates and
 * verdeelsleutel syntax.
 *
 * Security: no DTD loading, no entity substitution, no network
 * (XML_PARSE_NONET, never NOENT/DTDLOAD/DTDATTR/DTDVALID); any DOCTYPE is
 * rejected; a text node is capped at ROO_TEXT_MAX bytes and nesting at
 * ROO_DEPTH_MAX.
 */
#ifndef ATLAS_ROO_H
#define ATLAS_ROO_H

#include <stdbool.h>
#include <stddef.h>

#define ROO_TEXT_MAX (64 * 1024)
#define ROO_DEPTH_MAX 48
#define ROO_NS_PREFIX "https://organisaties.overheid.nl/static/schema/oo/export/"

/* A reference (referentieType): name text + systeemId (+ TOOI). */
struct roo_ref {
	char sid[24];
	char tooi[256];
	char name[256];
};

/* A medewerker: public facts only (name, party, period). */
struct roo_person {
	char sid[24];
	char name[256];
	char party[128];
	char from[11], to[11];
};

/* A functie with its medewerkers. */
struct roo_function {
	char sid[24];
	char name[256];
	char type[256];
	struct roo_person *people;
	int npeople, cap;
};

struct roo_participant {
	char sid[24];
	char tooi[256];
	char name[256];
	char joined[11];
	bool has_share;
	double share;	/* verdeelsleutel "0,25" → 0.25 */
	char body[256]; /* first bestuursorgaan name (or its TOOI id), "" */
};

struct roo_org {
	char sid[24];
	char tooi[256];
	char name[1025];
	char type[256]; /* first types/type */
	char from[11], to[11];
	struct roo_function *functions;
	int nfunctions, fcap;
};

struct roo_regeling {
	char sid[24];
	char tooi[256];
	char title[1025];
	char short_name[64];
	const char *legal_form; /* db code: OL GO BVO CC RZM */
	char powers[32];	/* db code of the first bevoegdheidsverkrijging, "" */
	char *purpose;		/* doel, "" when absent (owned by the parser) */
	char from[11], to[11];
	bool cross_border; /* from gemeenschappelijkeRegelingenGrensoverschrijdend */
	struct roo_ref body, bronhouder, previous, next;
	char **terms; /* beleidsterreinen */
	int nterms, tcap;
	struct roo_function *functions;
	int nfunctions, fcap;
	struct roo_participant *parts;
	int nparts, pcap;
};

struct roo_header {
	char ns[256];
	char version[32];   /* "2.6.9" */
	char timestamp[64]; /* @timestamp as in the file */
	char date[11];	    /* YYYY-MM-DD of the timestamp, "" if none */
};

/* Callbacks; each returns 0 to go on or negative to stop (err set by the
 * callback via roo_parse's err buffer: write it yourself). */
struct roo_handler {
	void *ctx;
	int (*header)(void *ctx, const struct roo_header *h, char *err, size_t errlen);
	int (*org)(void *ctx, const struct roo_org *o, char *err, size_t errlen);
	int (*regeling)(void *ctx, const struct roo_regeling *r, char *err, size_t errlen);
};

/* What roo_parse_file saw. */
struct roo_stats {
	long orgs, regelingen, functions, people, parts;
};

/*
 * Parse path, calling h for every record. Returns 0, or -1 with err set to
 * "FILE:LINE:COLUMN: reason" (Dutch). progress: print progress on stderr
 * (records/s, % of bytes) when stderr is a terminal or the file is large.
 */
int roo_parse_file(const char *path, const struct roo_handler *h, bool progress,
		   struct roo_stats *stats, char *err, size_t errlen);

/* The db legal-form code for a samenwerkingsvorm/@afkorting ("OL" …), NULL
 * when unknown. Matches the code exactly, never the enumerated text. */
const char *roo_legal_form(const char *afkorting);

/* The db powers code for a bevoegdheidsverkrijging text, NULL if unknown. */
const char *roo_powers(const char *text);

/* Parse a verdeelsleutel ("0,25", "12", ",5") into *out. 0 or -1. */
int roo_parse_share(const char *s, double *out);

/* True when ns is ROO_NS_PREFIX + "2.N[.N…]"; the version goes to
 * version (may be NULL). */
bool roo_namespace_ok(const char *ns, char *version, size_t vlen);

#endif
