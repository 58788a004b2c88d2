/*
 * people — pure rules for people (who sits where, which role each party
 * plays). No I/O:
 *   - offices a person holds and the bodies of a collaboration a seat can be
 *     in, which follow the collaboration's legal form (Wgr art. 8);
 *   - overlapping periods;
 *   - Van der Steen's four government perspectives: the dominant one of an
 *     assessment and role changes between consecutive assessments.
 */
#ifndef ATLAS_PEOPLE_H
#define ATLAS_PEOPLE_H

#include "model.h"

#include <stdbool.h>

enum office_kind {
	OFFICE_BURGEMEESTER,
	OFFICE_WETHOUDER,
	OFFICE_GEDEPUTEERDE,
	OFFICE_CDK, /* Commissaris van de Koning */
	OFFICE_DIJKGRAAF,
	OFFICE_HEEMRAAD,
	OFFICE_RAADSLID,
	OFFICE_STATENLID,
	OFFICE_AB_WATERSCHAP, /* lid algemeen bestuur waterschap */
	OFFICE_AMBTENAAR,     /* official: never public */
	OFFICE_COUNT
};

enum seat_body {
	SEAT_ALGEMEEN_BESTUUR,
	SEAT_DAGELIJKS_BESTUUR,
	SEAT_VOORZITTER,
	SEAT_BESTUUR, /* the single board of a GO or BVO, or a network */
	SEAT_PORTEFEUILLEHOUDERSOVERLEG,
	SEAT_ADVIESCOMMISSIE, /* gemeenschappelijke adviescommissie (OL only) */
	SEAT_BODY_COUNT
};

/* The four perspectives, in the seed's terms (NSOB names as explanation). */
enum perspective {
	PERSP_RECHTMATIG,   /* rechtmatige overheid */
	PERSP_PRESTEREND,   /* presterende overheid */
	PERSP_SAMENWERKEND, /* samenwerkende / netwerkende overheid */
	PERSP_RESPONSIEF,   /* responsieve / participerende overheid */
	PERSP_COUNT
};

/* {db code, api value, Dutch label} tables as in labels.h. */
#include "labels.h"
extern const struct label office_labels[OFFICE_COUNT];
extern const struct label seat_body_labels[SEAT_BODY_COUNT];
extern const struct label perspective_labels[PERSP_COUNT];
/* One-sentence Dutch explanation of each perspective (NSOB, Van der Steen). */
extern const char *const perspective_explanations[PERSP_COUNT];

/* Public office (an elected or appointed office holder), i.e. not an official. */
bool office_is_public(enum office_kind k);

/*
 * May a collaboration of this legal form have a seat in this body?
 * OL: algemeen bestuur, dagelijks bestuur, voorzitter, adviescommissie,
 * portefeuillehoudersoverleg; GO and BVO: bestuur (one board);
 * CC and RZM: none of their own (always false); private-law forms: bestuur;
 * networks/covenants: bestuur, portefeuillehoudersoverleg;
 * unknown legal form: any body (the form cannot be checked) — documented.
 * When false and msg is not NULL, a Dutch reason is written into msg.
 */
bool seat_body_allowed(enum legal_form lf, enum collab_kind kind, enum seat_body body, char *msg,
		       size_t msglen);

/* Do periods [a_from, a_to) and [b_from, b_to) overlap? ISO dates; an empty
 * from is open to the past, an empty to open to the future. */
bool periods_overlap(const char *a_from, const char *a_to, const char *b_from, const char *b_to);

/*
 * The dominant perspective of four scores (1..5): the highest score; a tie
 * between the highest gives -1 ("geen dominant perspectief"), so a role
 * change is only flagged when one perspective clearly leads.
 */
int perspective_dominant(const int scores[PERSP_COUNT]);

/*
 * Role change between two consecutive assessments of the same
 * participation: true when both have a dominant perspective and they
 * differ. A change to or from a tie is not a role change.
 */
bool perspective_changed(const int before[PERSP_COUNT], const int after[PERSP_COUNT]);

#endif
