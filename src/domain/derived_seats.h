/*
 * derived_seats — seats that follow from the law instead of being
 * recorded: where a law fixes a body's composition by office (the
 * algemeen bestuur of a veiligheidsregio consists of the burgemeesters of
 * its participating gemeenten, Wet veiligheidsregio's art. 11), the seats
 * of that body are derived at read time from the current offices, so they
 * follow every change of burgemeester without being stored.
 *
 * The rules are data (data/wettelijke-samenstelling.csv, read by
 * io/derived_seats.c): which collaboration, which body, which office, the
 * law and article, and a link to the text. This file holds the parsing
 * of one rule row and the rule that picks the office holder per
 * participant. Pure: no I/O.
 */
#ifndef ATLAS_DOMAIN_DERIVED_SEATS_H
#define ATLAS_DOMAIN_DERIVED_SEATS_H

#include "people.h"

#include <stdbool.h>
#include <stddef.h>

/* One legal-composition rule. */
struct legal_rule {
	char collab_key[81];
	enum seat_body body;
	enum office_kind office;
	char law[121];	  /* "Wet veiligheidsregio's" */
	char article[41]; /* "art. 11 lid 1" */
	char url[301];	  /* the article on wetten.overheid.nl */
};

struct legal_rules {
	struct legal_rule *rules;
	int n;
};

/* The columns of a rule row, in order. */
#define LEGAL_RULE_COLUMNS "collaboration_key", "body", "office", "law", "article", "url"
#define LEGAL_RULE_NCOLS 6

/* Fill out from the six fields of a row (LEGAL_RULE_COLUMNS). 0, or -1
 * with a Dutch reason in why (unknown body or office, empty law, a URL
 * that is not https, a field too long). */
int legal_rule_from_fields(struct legal_rule *out, const char *const *cols, char *why,
			   size_t whylen);

/* An office as the rule sees it. */
struct derived_office {
	const char *org_code;
	enum office_kind kind;
	bool acting;
	const char *from, *to; /* YYYY-MM-DD or "" */
};

/*
 * The office that gives organisation org its seat by rule r on today:
 * among offices[0..n) of org with r's office kind that are current on
 * today ([from, to) with open ends), an acting one first (a waarnemend
 * burgemeester holds the seat while the appointed one is not in office),
 * then the latest start (a successor recorded before the predecessor's end
 * date), then the lowest index. -1 when there is none.
 */
int derived_seat_pick(const struct legal_rule *r, const char *org,
		      const struct derived_office *offices, int n, const char *today);

/* The Dutch basis of a derived seat: "volgens de wet (Wet
 * veiligheidsregio's, art. 11 lid 1)". Writes into buf, returns it. */
const char *derived_seat_basis(const struct legal_rule *r, char *buf, size_t n);

#endif
