/*
 * toezicht (domain) — the pure rules of interbestuurlijk toezicht (IBT):
 * assessment statuses and the moves between them, the label patterns, which
 * domains apply to which organisation kind in which year, and the input
 * rules of a domain, a label set and an assessment. No I/O.
 *
 * A domain (financieel toezicht, informatiebeheer, …) is data: a key, a
 * Dutch name, the years it is valid (valid_to 0: open) and the
 * organisation kinds it applies to (';'-joined api values of
 * org_kind_labels: "gemeente;waterschap;samenwerkingsorgaan"). Its label
 * set is ordered by level (1 = best); each label has a colour AND a
 * pattern, and no two labels of a set share a pattern, so a label is never
 * told by colour alone.
 */
#ifndef ATLAS_DOMAIN_TOEZICHT_H
#define ATLAS_DOMAIN_TOEZICHT_H

#include "records.h"

#include <stdbool.h>

/* An assessment's status: concept (supervisors only) → dialoog (also the
 * organisation's own editors) → vastgesteld (public). */
enum ibt_status { IBT_CONCEPT, IBT_DIALOGUE, IBT_ESTABLISHED, IBT_STATUS_COUNT };

/* "concept", "dialoog", "vastgesteld"; -1 for anything else. */
int ibt_status_from(const char *api);
const char *ibt_status_api(enum ibt_status s);
/* "Concept", "In dialoog", "Vastgesteld". */
const char *ibt_status_name(enum ibt_status s);

/* May an assessment move from status from to status to? concept → dialoog,
 * dialoog → vastgesteld, dialoog → concept (back for rework). An
 * established assessment is final. */
bool ibt_may_move(enum ibt_status from, enum ibt_status to);

/* The label patterns: "vol", "schuin", "kruis", "stippen", "horizontaal",
 * "verticaal". */
#define IBT_N_PATTERNS 6
#define IBT_LABELS_MAX 5
#define IBT_LINKS_MAX 10
#define IBT_NAME_MAX 120
#define IBT_TEXT_MAX 4000
extern const char *const ibt_pattern_keys[IBT_N_PATTERNS];
/* The pattern's index, or -1. */
int ibt_pattern_from(const char *key);
/* Its Dutch description ("effen", "schuine arcering", …). */
const char *ibt_pattern_name(int p);

/* Does a domain with kinds (';'-joined) apply to organisation kind kind_api? */
bool ibt_domain_applies(const char *kinds, const char *kind_api);
/* Is a domain valid from year from up to and including year to (0: open)
 * valid in year? */
bool ibt_domain_valid_in(int from, int to, int year);

/* A label as entered or stored. */
struct ibt_label {
	int level; /* 1 = best */
	const char *name, *colour, *pattern;
};

/* A domain as entered (strings; years as text). */
struct ibt_domain_input {
	const char *key;	/* sleutel: [a-z0-9-], 2..60 */
	const char *name;	/* naam: 2..IBT_NAME_MAX */
	const char *from;	/* geldigVanaf: a year */
	const char *to;		/* geldigTot: a year >= from, or "" */
	const char *kinds;	/* soorten: ';'-joined gemeente|waterschap|samenwerkingsorgaan */
	const char *source_url; /* bron: http(s) link or "" */
};
/* Check in; the parsed years in *from / *to (0 when empty). */
void ibt_check_domain(struct field_errors *e, const struct ibt_domain_input *in, int *from,
		      int *to);

/* Check a label set of n labels (levels 1..n in order): a name, a colour
 * #rrggbb and a known pattern each, names and patterns distinct. Errors on
 * field "labels". */
void ibt_check_labels(struct field_errors *e, const struct ibt_label *l, int n);

/* What an assessment is checked against: its domain and organisation. */
struct ibt_context {
	bool domain_known;
	int from, to;	   /* the domain's validity */
	const char *kinds; /* the domain's organisation kinds */
	int n_labels;	   /* levels 1..n_labels */
	bool org_known;
	const char *org_kind; /* api value of the organisation's kind */
	int this_year;
};

/* An assessment as entered (text). */
struct ibt_assessment_input {
	const char *org;	 /* organisatie: code */
	const char *domain;	 /* domein: key */
	const char *year;	 /* jaar */
	const char *level;	 /* niveau: 1..n */
	const char *own_level;	 /* eigenOordeel: 1..n or "" */
	const char *motivation;	 /* motivering: 0..IBT_TEXT_MAX */
	const char *links;	 /* bronnen: http(s) links, one per line, 0..IBT_LINKS_MAX */
	const char *assessed_on; /* beoordeeldOp: a date, not in the future */
	const char *today;
};
/* Check in against c; parsed values in *year, *level, *own_level (0 if none). */
void ibt_check_assessment(struct field_errors *e, const struct ibt_assessment_input *in,
			  const struct ibt_context *c, int *year, int *level, int *own_level);

/* A written response: 1..IBT_TEXT_MAX characters (field "tekst"). */
void ibt_check_response(struct field_errors *e, const char *text);

#endif
