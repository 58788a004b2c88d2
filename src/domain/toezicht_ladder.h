/*
 * toezicht_ladder (domain) — the pure rules of the intervention ladder and
 * the dialogue log of interbestuurlijk toezicht (IBT). No I/O.
 *
 * The interventieladder (facts file part B3; Bijlage interventieladder IBT)
 * has five steps per organisation x domain: 1 signalering, 2 verdere
 * factfinding en beoordeling, 3 afspraken over acties, termijnen en
 * vervolg, 4 besluit tot indeplaatsstelling, 5 uitvoering
 * indeplaatsstelling. Beside it runs a parallel track for schorsing en
 * vernietiging (a voordracht aan de Kroon), with a date and a subject. A
 * step record has a start date and an optional end date; setting a new step
 * ends the current one. Escalating beyond step 2, or skipping a step, needs
 * a reason (selectiviteit and proportionaliteit: the lightest instrument
 * that works).
 *
 * Agreements (afspraken) belong to one step record: an action, an owner
 * (free text), a due date and a status open / uitgevoerd / vervallen.
 *
 * The dialogue log: toezichtgesprek, reality check, thematische studie and
 * peer review (visitatie: which gemeenten reviewed the organisation, on
 * what, with the report), dated, with participants, intern (supervisors
 * only) or gedeeld (also the organisation's own editors).
 */
#ifndef ATLAS_DOMAIN_TOEZICHT_LADDER_H
#define ATLAS_DOMAIN_TOEZICHT_LADDER_H

#include "records.h"

#include <stdbool.h>

#define IBT_STEPS 5
#define IBT_SUBJECT_MAX 200
#define IBT_REVIEWERS_MAX 10

/* The track of a step record: the ladder, or schorsing/vernietiging. */
enum ibt_track { IBT_TRACK_LADDER, IBT_TRACK_CROWN, IBT_TRACK_COUNT };
/* "ladder", "kroon"; -1 for anything else. */
int ibt_track_from(const char *api);
const char *ibt_track_api(enum ibt_track t);

/* The Dutch name of step 1..5 ("Signalering", …); "" otherwise. */
const char *ibt_step_name(int step);
/* The name of a record: its step's name, or for the crown track
 * "Schorsing of vernietiging (voordracht aan de Kroon)". */
const char *ibt_record_name(enum ibt_track t, int step);

/* Does moving from step current (0: no step yet) to step next need a
 * reason? Escalating beyond step 2 (next >= 3 and next > current) and
 * skipping a step (next > current + 1) do. */
bool ibt_step_needs_reason(int current, int next);

/* Is a step record public? Steps 4 and 5 (the decision to act in the
 * organisation's place and its execution) and the crown track are public
 * decisions of Gedeputeerde Staten; steps 1 to 3 are the dialogue. */
bool ibt_record_public(enum ibt_track t, int step);

/* A step record as entered (text). */
struct ibt_step_input {
	const char *org;     /* organisatie: code */
	const char *domain;  /* domein: key */
	const char *track;   /* spoor: ladder | kroon ("" = ladder) */
	const char *step;    /* trede: 1..5 (ladder only) */
	const char *since;   /* sinds: a date, not in the future ("" = today) */
	const char *subject; /* onderwerp: the decision concerned (crown: required) */
	const char *reason;  /* reden: 0..IBT_TEXT_MAX; required to escalate beyond 2 */
};

/* What a step is checked against. */
struct ibt_step_context {
	bool org_known, domain_known, domain_applies;
	int current;		   /* the current ladder step, 0: none */
	const char *current_since; /* its start date, or "" */
	const char *today;
};

/* Check in against c; parsed values in *track and *step (0 for the crown
 * track). */
void ibt_check_step(struct field_errors *e, const struct ibt_step_input *in,
		    const struct ibt_step_context *c, enum ibt_track *track, int *step);

/* Ending a record on ended (field "tot"): a date, not before started, not
 * in the future. */
void ibt_check_end(struct field_errors *e, const char *ended, const char *started,
		   const char *today);

/* An agreement's status. */
enum ibt_agreement_status { IBT_AGR_OPEN, IBT_AGR_DONE, IBT_AGR_LAPSED, IBT_AGR_COUNT };
/* "open", "uitgevoerd", "vervallen"; -1 otherwise. */
int ibt_agreement_status_from(const char *api);
const char *ibt_agreement_status_api(enum ibt_agreement_status s);
/* "Open", "Uitgevoerd", "Vervallen". */
const char *ibt_agreement_status_name(enum ibt_agreement_status s);

struct ibt_agreement_input {
	const char *action; /* actie: 2..1000 */
	const char *owner;  /* eigenaar: 2..IBT_SUBJECT_MAX (free text) */
	const char *due;    /* termijn: a date */
	const char *status; /* status: open | uitgevoerd | vervallen ("" = open) */
};
void ibt_check_agreement(struct field_errors *e, const struct ibt_agreement_input *in,
			 enum ibt_agreement_status *status);

/* A dialogue record's kind. */
enum ibt_dialogue_kind {
	IBT_DLG_TALK,
	IBT_DLG_REALITY,
	IBT_DLG_STUDY,
	IBT_DLG_PEER,
	IBT_DLG_COUNT
};
/* "toezichtgesprek", "reality-check", "thematische-studie", "peer-review";
 * -1 otherwise. */
int ibt_dialogue_kind_from(const char *api);
const char *ibt_dialogue_kind_api(enum ibt_dialogue_kind k);
/* "Toezichtgesprek", "Reality check", "Thematische studie", "Peer review
 * (visitatie)". */
const char *ibt_dialogue_kind_name(enum ibt_dialogue_kind k);

struct ibt_dialogue_input {
	const char *org;	  /* organisatie: code */
	const char *domain;	  /* domein: key or "" (all domains) */
	const char *kind;	  /* soort */
	const char *held_on;	  /* datum: not in the future */
	const char *subject;	  /* onderwerp: 2..IBT_SUBJECT_MAX */
	const char *participants; /* deelnemers: free text 0..1000 */
	const char *reviewers;	  /* beoordelaars: ';'-joined gemeente codes (peer review only) */
	const char *report_url;	  /* rapport: http(s) or "" */
	const char *notes;	  /* aantekeningen: 0..IBT_TEXT_MAX */
	const char *visibility;	  /* zichtbaarheid: intern | gedeeld */
};

/* What a dialogue record is checked against. reviewer_known(code) says
 * whether code is a gemeente (reviewers of a peer review). */
struct ibt_dialogue_context {
	bool org_known;
	bool domain_known, domain_applies; /* when a domain is given */
	const char *today;
	bool (*reviewer_known)(const char *code, void *arg);
	void *arg;
};
void ibt_check_dialogue(struct field_errors *e, const struct ibt_dialogue_input *in,
			const struct ibt_dialogue_context *c, enum ibt_dialogue_kind *kind,
			bool *shared);

#endif
