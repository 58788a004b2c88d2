/*
 * policy — every rule of who may see or change what, one predicate per
 * question: organisations, collaborations, participations, people (erasure
 * included), offices, accounts and API writes.
 *
 * Each predicate takes plain values — the signed-in user (NULL for an
 * anonymous visitor), the snapshot, indexes or keys — and answers true or
 * false; none reads a request or writes a reply. The router applies the
 * route-level rules (policy_has_role, policy_may_write_api) before a
 * handler runs; handlers ask the object-level ones. A disabled user may do
 * nothing a visitor may not.
 *
 * Roles, lowest to highest (store/store_auth.h): redacteur (partner editor,
 * scoped to one organisation), accounthouder, toezichthouder, programmateam
 * (staff: the whole registry), beheerder (administrator).
 */
#ifndef ATLAS_APP_POLICY_H
#define ATLAS_APP_POLICY_H

#include "../domain/model.h"
#include "../domain/people.h"
#include "../store/store_auth.h"
#include "../store/store_people.h"

#include <stdbool.h>

struct store;

/* ---- roles ------------------------------------------------------------------ */

/* Does u (NULL: anonymous) have at least role? USER_ROLE_NONE: everyone;
 * otherwise an enabled user with that role or a higher one. */
bool policy_has_role(const struct user *u, enum user_role role);

/* Programme staff or administrator (enabled): edits the whole registry. */
bool policy_is_staff(const struct user *u);

/* Has u a work list of records to keep current (/mijn-organisatie, the
 * "Mijn organisatie" menu item)? Every enabled signed-in user below the
 * programme team: partner editors see their organisation's records, the
 * other roles every record. Staff find the same list under Beheer. */
bool policy_has_work_list(const struct user *u);

/* Does u see the administration overview (/beheer, the "Beheer" menu
 * item): the programme team and administrators. */
bool policy_may_administer(const struct user *u);

/* Manage user accounts and roles (/beheer/gebruikers): administrators. */
bool policy_may_manage_users(const struct user *u);

/* The snapshot index of u's own organisation (an enabled user with an
 * organisation scope that is in s), or -1. */
int policy_own_org(const struct user *u, const struct snapshot *s);

/* The organisation an enabled partner editor is scoped to (snapshot index),
 * or -1 for every other user (staff are not scoped). */
int policy_scoped_org(const struct user *u, const struct snapshot *s);

/* ---- the registry: organisations, collaborations, participations ---------- */

/* Organisation org (snapshot index): staff, or an editor of that very
 * organisation. */
bool policy_may_edit_org(const struct user *u, const struct snapshot *s, int org);

/* Collaboration ci: staff, or a partner editor whose organisation is an
 * active participant with role penvoerder or centrumgemeente. */
bool policy_may_edit_collab(const struct user *u, const struct snapshot *s, int ci);

/* Participation pi: its collaboration may be edited, or the participating
 * organisation is the editor's own. */
bool policy_may_edit_part(const struct user *u, const struct snapshot *s, int pi);

/* Create a collaboration: staff, or a partner editor with an organisation
 * in s (which becomes its penvoerder). */
bool policy_may_create_collab(const struct user *u, const struct snapshot *s);

/* Add a participant to collaboration ci: the collaboration may be edited,
 * or u is a partner editor with an organisation in s (who may then add only
 * that organisation). */
bool policy_may_add_part(const struct user *u, const struct snapshot *s, int ci);

/* ---- proposed corrections ("Meld wat niet klopt", app/corrections.h) ------- */

/* Review (accept or reject) a proposed correction about record index of
 * entity ("collaboration", "organisation", "participation"; -1 when the
 * record is gone): programme staff, and the editors who may edit that
 * record — so a participant's proposal about the collaboration itself goes
 * to the penvoerder's (or centrumgemeente's) editors and the programme team. */
bool policy_may_review_correction(const struct user *u, const struct snapshot *s,
				  const char *entity, int index);

/* Open the review queue at all: staff, or a partner editor with an
 * organisation in s. */
bool policy_may_review_corrections(const struct user *u, const struct snapshot *s);

/* ---- the outbox of e-mail (app/outbox.h) ----------------------------------- */

/* See the outbox (addresses, subjects, errors) and queue failed mail again:
 * programme staff and administrators. Addresses are personal data: never
 * anyone else. */
bool policy_may_see_outbox(const struct user *u);

/* Import indicator values (the upload page and the API): the roles that
 * import registry data, programme staff and administrators. */
bool policy_may_import_indicators(const struct user *u);

/* ---- experts' listings, "Wie weet wat" (app/deskundigen.h) ------------------ */

/* See the experts and list oneself: every signed-in, enabled user (the
 * listing holds personal data: never anonymous, never in open data). */
bool policy_may_see_experts(const struct user *u);

/* ---- personal data requests (app/persoonsgegevens.h) ------------------------ */

/* Look up, export and erase what the atlas holds under an e-mail address
 * (a guest's event registrations, a proposer's address, mail): the
 * administrators, who also erase people (/personen/{id}/wissen). */
bool policy_may_handle_personal_data(const struct user *u);

/* ---- people and offices ------------------------------------------------------- */

/*
 * May u see person p — name, offices, seats, contact? Erased people
 * ("onbekende persoon") never; signed-in users everyone else; anonymous
 * visitors only holders of a public office. The one rule for every list,
 * page and API reply that shows a person.
 */
bool policy_person_visible(const struct user *u, const struct person *p);

/*
 * May u see that the record of person p exists (its page, or its place in
 * a list shown as "Onbekende persoon" when erased)? Signed-in users always;
 * anonymous visitors only for holders of a public office.
 */
bool policy_person_record_visible(const struct user *u, const struct person *p);

/* May u see an office of kind k? Public offices everyone; officials only
 * signed-in users. */
bool policy_office_visible(const struct user *u, enum office_kind k);

/* Add people, offices and seats: staff, or a partner editor with an
 * organisation in s. */
bool policy_may_create_person(const struct user *u, const struct snapshot *s);

/* Record or end offices and seats of organisation org_code: staff, or a
 * partner editor of that organisation. */
bool policy_may_manage_org_people(const struct user *u, const char *org_code);

/*
 * Change person key's own data (name, party, contact): staff always; a
 * partner editor when the person holds an office in, or a seat on behalf
 * of, the editor's organisation, or when the editor created the person and
 * it has no offices or seats yet. Reads those facts from st into arena a;
 * false when they cannot be read.
 */
bool policy_may_edit_person(struct store *st, struct arena *a, const struct user *u,
			    const struct snapshot *s, const char *key);

/* ---- relations (app/relaties.h) ----------------------------------------------- */

/* Province staff for the relations module: an enabled user with the role
 * accounthouder or higher. Sees every partner's relation records, writes
 * contact moments, signals and follow-ups. */
bool policy_is_province(const struct user *u);

/* May u see the relation records of organisation org_code at all? Province
 * staff; a partner editor only for their own organisation (and then only
 * what is shared with the partner: policy_relation_visible). */
bool policy_may_see_relations(const struct user *u, const char *org_code);

/* May u see one relation record of org_code with confidentiality
 * ("intern" or "partner")? */
bool policy_relation_visible(const struct user *u, const char *org_code,
			     const char *confidentiality);

/* Assign or end accounthouders: the programme team and administrators. */
bool policy_may_assign_account_managers(const struct user *u);

/* ---- events: agenda in samenspraak (app/bijeenkomsten_agenda.h) ------------------- */

/* Propose agenda items for an event: an enabled partner editor (the
 * editor of a gemeente or waterschap that is a partner: relaties_is_partner
 * of their organisation, own_org_is_partner). */
bool policy_may_propose_agenda(const struct user *u, bool own_org_is_partner);

/* See the open and rejected proposals and their support: partner editors
 * and province staff (everyone sees the accepted programme). */
bool policy_may_see_agenda_proposals(const struct user *u, bool own_org_is_partner);

/* Support an item proposed by organisation item_org: a partner editor of
 * another organisation. */
bool policy_may_support_agenda(const struct user *u, bool own_org_is_partner, const char *item_org);

/* Accept or reject items, set their order and time: province staff. */
bool policy_may_decide_agenda(const struct user *u);

/* ---- instrument requests (app/instrumenten.h) ------------------------------------ */

/* Ask for an instrument on behalf of organisation org_code: its own partner
 * editor, or province staff for any organisation. */
bool policy_may_request_instrument(const struct user *u, const char *org_code);

/* May u see a request of org_code with parties[0..n)? public: granted
 * stimulus contributions and lobby dossiers, seen by everyone; otherwise
 * province staff and the editors of the requesting organisation or of a
 * party. */
bool policy_instrument_visible(const struct user *u, bool public_, const char *org_code,
			       const char *const *parties, int n);

/* Decide on requests (status, decision, linked collaboration): province
 * staff. */
bool policy_may_decide_instrument(const struct user *u);

/* ---- funding calls (app/subsidiekansen.h) ---------------------------------------- */

/* Record and change funding calls: province staff (accounthouder and up). */
bool policy_may_manage_funding_calls(const struct user *u);

/* Mark (and withdraw) interest in a call for their own organisation: an
 * enabled partner editor (own_org_is_partner: relaties_is_partner of their
 * organisation). */
bool policy_may_mark_funding_interest(const struct user *u, bool own_org_is_partner);

/* See which organisations marked interest, by whom and with what note:
 * province staff (everyone else sees the count). */
bool policy_may_see_funding_interests(const struct user *u);

/* ---- interbestuurlijk toezicht (app/toezicht.h) ---------------------------------- */

/* Create assessments and move them through their statuses: supervisors, the
 * toezichthouder role and up. */
bool policy_is_supervisor(const struct user *u);

/* Change the IBT configuration (domains and label sets): administrators. */
bool policy_may_configure_ibt(const struct user *u);

/* May u see an assessment of organisation org_code in status (enum
 * ibt_status: 0 concept, 1 dialoog, 2 vastgesteld)? Established ones:
 * everyone; concept: supervisors; in dialogue: supervisors and the enabled
 * editors of org_code. */
bool policy_ibt_visible(const struct user *u, const char *org_code, int status);

/* May u respond in writing to an assessment of org_code in status? Only in
 * dialogue, by a supervisor or an editor of org_code. */
bool policy_may_respond_ibt(const struct user *u, const char *org_code, int status);

/* The intervention ladder and the dialogue log (app/toezicht_ladder.h).
 * May u see a step record of org_code? Public records (is_public: steps 4
 * and 5 and the crown track, domain/toezicht_ladder.h ibt_record_public):
 * everyone; the others (steps 1 to 3, the dialogue): supervisors and the
 * enabled editors of org_code. */
bool policy_ibt_ladder_visible(const struct user *u, const char *org_code, bool is_public);

/* May u see the agreements of a step record of org_code? Never public:
 * supervisors and the enabled editors of org_code. */
bool policy_ibt_agreements_visible(const struct user *u, const char *org_code);

/* May u see a dialogue record of org_code? Intern: supervisors only;
 * gedeeld (shared): also the enabled editors of org_code. Never anonymous
 * readers. */
bool policy_ibt_dialogue_visible(const struct user *u, const char *org_code, bool shared);

/* ---- the kengetallen of the financial scan (app/financien_kengetallen.h) ---------- */

/* May u enter or import the kengetal inputs of gemeente code (CBS code, any
 * case)? Programme staff and administrators for every gemeente; an enabled
 * partner editor for the own gemeente (the registry code of a gemeente is
 * its lower-case CBS code). The computed kengetallen are public. */
bool policy_may_enter_kengetallen(const struct user *u, const char *code);

/* May u change the signal bands of the kengetallen? Programme staff and
 * administrators. */
bool policy_may_edit_kengetal_bands(const struct user *u);

/* ---- the knowledge base (app/bibliotheek.h) --------------------------------------- */

/* May u read an item of visibility ("openbaar": everyone; "partners":
 * enabled signed-in users)? */
bool policy_publication_visible(const struct user *u, const char *visibility);

/* Add items at all: programme staff, or an enabled signed-in user scoped to
 * an organisation (a partner editor, for their own organisation). */
bool policy_may_add_publications(const struct user *u);

/* Add, edit or remove an item owned by organisation org_code: programme
 * staff for every organisation; an enabled user scoped to org_code (its
 * editor) for that organisation only. */
bool policy_may_manage_publication(const struct user *u, const char *org_code);

/* ---- measuring the programme (app/evaluatie.h) ------------------------------------ */

/* Keep the item bank, set up and move rounds, make response links, see
 * every round's results and the open answers: programme staff and
 * administrators. */
bool policy_may_manage_evaluations(const struct user *u);

/* See the aggregated results of a round: staff always; everyone once the
 * round is released (the aggregates only, never the open answers). */
bool policy_may_see_evaluation(const struct user *u, bool released);

/* ---- accounts and the API ------------------------------------------------------ */

/* Create a personal API token: an enabled user signed in with a web session
 * (a token cannot make new tokens). */
bool policy_may_create_token(const struct user *u, bool via_token);

/* Give user target the role role: administrators, except their own role
 * (another administrator must change it). */
bool policy_may_set_role(const struct user *u, const struct user *target, enum user_role role);

/* Block user target: administrators, except themselves. */
bool policy_may_disable_user(const struct user *u, const struct user *target);

/* May u write through the API? Only an enabled user signed in with a
 * personal API token (via_token); a web session does not count. */
bool policy_may_write_api(const struct user *u, bool via_token);

#endif
