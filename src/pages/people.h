/*
 * people — the pages about people: the list /personen, one
 * person /personen/{id} with offices and seats (current and past), the
 * editing forms for signed-in editors (people_forms.c), the administrator's
 * export and erasure (AVG), and the sections other pages embed: the bodies
 * and members of a collaboration ("Bestuur en vertegenwoordiging") and who
 * represents an organisation where ("Wie zit waar").
 *
 * People are not in the snapshot: every page reads them per request from
 * the store (store_thread(); low traffic). Writes go through
 * store_people.h (one transaction each, audited) followed by
 * app_after_write(), so cached pages of anonymous visitors are
 * renewed.
 *
 * Privacy (AVG): anonymous visitors see only people who hold or held a
 * public office, with their public facts (name, party, public offices,
 * seats, periods). Officials (ambtenaren), contact details and notes are
 * shown to signed-in users only; a person with only ambtenaar offices does
 * not exist for anonymous visitors (404, absent from lists and sections).
 */
#ifndef ATLAS_PAGES_PEOPLE_H
#define ATLAS_PAGES_PEOPLE_H

#include "../http/request.h"
#include "../http/router.h"
#include "../store/store_people.h"

#include <stdbool.h>

/* Query parameters of the seat form (samenwerkingsverband: step 1 choice). */
extern const struct param_spec people_seat_params[];

/* Pages (people.c). */
int page_person_list(struct request *r);   /* GET /personen */
int page_person_show(struct request *r);   /* GET /personen/{id} */
int page_person_export(struct request *r); /* GET /personen/{id}/export (people_admin.c) */
int page_person_erase(struct request *r);  /* GET/POST /personen/{id}/wissen (people_admin.c) */

/* Forms (people_forms.c); routes need a signed-in editor and CSRF. */
int page_person_new(struct request *r);	       /* GET/POST /personen/nieuw */
int page_person_edit(struct request *r);       /* GET/POST /personen/{id}/bewerken */
int page_person_office_new(struct request *r); /* GET/POST /personen/{id}/functies/nieuw */
int page_person_seat_new(struct request *r);   /* GET/POST /personen/{id}/zetels/nieuw */
int page_person_office_end(struct request *r); /* POST /personen/{id}/functies/{f}/beeindigen */
int page_person_seat_end(struct request *r);   /* POST /personen/{id}/zetels/{z}/beeindigen */

/*
 * The section "Bestuur en vertegenwoordiging" of collaboration ci (its
 * bodies according to the legal form, current members per body, former
 * members collapsed), written into b. Reads the store; privacy rules above.
 */
void people_render_collab_bodies(struct buf *b, struct request *r, int ci);
/*
 * The section "Wie zit waar" of organisation oi: who represents it in
 * which collaboration body (current seats) and its office holders (public
 * offices for everyone, officials only for signed-in users).
 */
void people_render_org_section(struct buf *b, struct request *r, int oi);

/* ---- shared by people.c and people_forms.c ---------------------------------- */

/* Is the period [from, to) current on today (empty = open)? Future periods
 * count as current (not yet past). */
bool people_period_current(const char *from, const char *to, const char *today);
/* "/personen/<key><suffix>" (key URL-encoded), an arena string. */
const char *people_href(struct request *r, const char *key, const char *suffix);
/* All people, in arena a; NULL and *n = 0 on failure (logged). */
struct person *people_load_all(struct arena *a, int *n);
/* The person with id among all[0..n), or NULL. */
const struct person *people_find(const struct person *all, int n, int64_t id);
/* The person's name as shown: "Onbekende persoon" after an erasure, else
 * p->name, else fallback (when empty: "Onbekende persoon"). */
const char *people_shown_name(const struct person *p, const char *fallback);
/* Load the person of path argument 0 (any, erased ones too) from st into p:
 * 0, or the status of the 404 (unknown) or 500 (st NULL or failing) reply
 * already sent. */
int people_load_or_respond(struct request *r, struct store *st, struct person *p);
/* The 500 page for a store failure ("nothing changed"); returns 500. */
int people_store_failure(struct request *r);
/* The Dutch flash message for ?melding=... on the people pages. */
void people_flash(struct buf *b, const struct request *r);

#endif
