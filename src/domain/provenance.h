/*
 * provenance — pure rules about where a value came from: the kind of a
 * source (an official publication, an annual report, a news item …), the
 * words a reader sees for a value's certainty ("bevestigd door officiële
 * bekendmaking", "volgens een nieuwsbericht", "gepland, niet bevestigd"),
 * never a code letter, and the key a participation's provenance is filed
 * under. The rows themselves live in store/store_provenance.h.
 */
#ifndef ATLAS_DOMAIN_PROVENANCE_H
#define ATLAS_DOMAIN_PROVENANCE_H

#include <stdbool.h>
#include <stddef.h>

/* Source kinds (source.kind). */
#define SOURCE_KIND_PUBLICATION "bekendmaking" /* officiële bekendmaking, CVDR, wet */
#define SOURCE_KIND_GOVERNMENT "overheid"      /* a government body's own page or document */
#define SOURCE_KIND_REPORT "jaarverslag"       /* annual report, accounts, budget */
#define SOURCE_KIND_NEWS "nieuws"	       /* a news item */
#define SOURCE_KIND_DATASET "dataset"	       /* an open dataset of a third party */
#define SOURCE_KIND_SECONDARY "secundair"      /* encyclopaedia, association, citizens' site */
#define SOURCE_KIND_PARTNER "partner"	       /* stated by a partner in the atlas */
#define SOURCE_KIND_EDITORIAL "redactie"       /* the atlas's own editorial work */

/* Is kind one of the kinds above? */
bool provenance_kind_valid(const char *kind);

/*
 * The kind of a source from its URL, title and publisher when it has none
 * of its own: official publication hosts, then words of the title
 * (jaarverslag, jaarrekening, begroting …), then known news and secondary
 * hosts, then "overheid" for pages of gemeenten, provincies, waterschappen
 * and regio's, else "secundair". Never NULL.
 */
const char *provenance_kind_guess(const char *url, const char *title, const char *publisher);

/* Is url on the organisation's own website: is the domain's name label
 * (amersfoort in www.amersfoort.nl, provincie-utrecht in
 * magazine.provincie-utrecht.nl), letters and digits only, equal to the
 * organisation's name the same way ("De Bilt" → debilt)? */
bool provenance_own_site(const char *url, const char *org_name);

/* Is this kind a secondary source (shown as such)? */
bool provenance_kind_secondary(const char *kind);

/*
 * The words for a value's certainty, in Dutch, for a raadslid: from the
 * confidence ("high", "medium", "low"), whether the row is an unconfirmed
 * claim, the source's kind and whether the value is a date after today
 * (planned). Writes into buf and returns it.
 */
const char *provenance_words(const char *confidence, bool unconfirmed, const char *kind,
			     bool planned, char *buf, size_t n);

/* "<collab>/<org>" or "<collab>/<org>/<joined>": the entity_key of a
 * participation's provenance. Returns buf. */
const char *provenance_part_key(char *buf, size_t n, const char *collab, const char *org,
				const char *joined);

/* The Dutch name of a provenance field ("legal_form" → "Juridische vorm",
 * "record" → "Het gegeven zelf"); the field itself when unknown. */
const char *provenance_field_label(const char *field);

/* Is value an ISO date (YYYY-MM-DD…) after today (a planned value)? */
bool provenance_planned(const char *value, const char *today);

/*
 * Is a claim a plan ("gepland per …")? A date value after today is; so is
 * an unconfirmed date on a field that dates a change (start_date,
 * end_date, valid_from, valid_to, joined, left) when it lies after the
 * date of its source, or its source gives no date (an announcement). A
 * date before its source's date is a past fact that is merely uncertain.
 */
bool provenance_claim_planned(const char *field, const char *value, bool unconfirmed,
			      const char *source_date, const char *today);

/* Is a record last confirmed on `confirmed` (YYYY-MM-DD…, "" = never)
 * stale on `today`: never confirmed, or more than 12 months before? */
bool provenance_stale(const char *confirmed, const char *today);

#endif
