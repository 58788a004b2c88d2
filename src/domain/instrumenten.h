/*
 * instrumenten — the pure rules of the instrument kit ("Instrumentenkoffer"):
 * the kinds a partner may ask for (financiële scan, stimulans in
 * samenwerking, belangenbehartiging), the statuses of a request and the
 * moves between them, the input rules of a request and of a decision, and
 * which requests are public. API and form values are the Dutch words below;
 * the database stores the same words. No I/O.
 */
#ifndef ATLAS_DOMAIN_INSTRUMENTEN_H
#define ATLAS_DOMAIN_INSTRUMENTEN_H

#include "labels.h"
#include "records.h"

#include <stdbool.h>
#include <stdint.h>

extern const struct label instrument_kind_labels[3];
extern const struct label instrument_status_labels[5];

#define INSTRUMENT_TITLE_MAX 200
#define INSTRUMENT_TEXT_MAX 8000
#define INSTRUMENT_PARTIES_MAX 40

/* A request as entered. amount: the amount asked as typed ("12.500",
 * stimulus only); parties: organisation codes (checked by the caller). */
struct instrument_input {
	const char *kind, *title, *purpose, *amount, *period_start, *period_end;
};

/*
 * Check a request: kind (soort), title (titel), purpose (doel; required for
 * a stimulus and a lobby dossier), for a stimulus the amount asked
 * (bedrag, > 0, at most 10 million euro) and the period (periodeVan,
 * periodeTot: dates, end not before start). *cents the amount (0 when
 * none). Adds one Dutch message per wrong field to e.
 */
void instrument_check(struct field_errors *e, const struct instrument_input *in, int64_t *cents);

/* May a request move from status `from` to `to`? ingediend → in_behandeling,
 * toegekend, afgewezen; in_behandeling → toegekend, afgewezen; toegekend →
 * afgerond. */
bool instrument_transition(const char *from, const char *to);

/*
 * Check a decision to status `to` of a request of kind: a decision date
 * (besluitdatum, a date not after today; "" = today), a reason (reden:
 * required when refused), for a granted stimulus the amount granted
 * (bedragToegekend, > 0). *cents the amount granted (0 when none).
 */
void instrument_check_decision(struct field_errors *e, const char *kind, const char *to,
			       const char *decision_date, const char *reason, const char *amount,
			       const char *today, int64_t *cents);

/* Is a request of kind that was granted public? Stimulus contributions and
 * lobby dossiers are (subsidies are public information); financial scans
 * never. */
bool instrument_public(const char *kind, bool granted);

/* The Dutch label of api value v in table t (n entries), or v itself. */
const char *instrument_label(const struct label *t, int n, const char *v);

#endif
