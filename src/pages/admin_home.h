/*
 * admin_home — /beheer: the programme team's starting page, where a staff
 * member lands after signing in. Links every administration task the user
 * may do (users and roles for administrators; imports, corrections, a new
 * collaboration, the work list of all records) and shows the partners whose
 * data is least current. Access: the route's min_role (staff); the links
 * follow app/policy.h.
 */
#ifndef ATLAS_PAGES_ADMIN_HOME_H
#define ATLAS_PAGES_ADMIN_HOME_H

#include "../http/request.h"

int page_admin_home(struct request *r); /* GET /beheer */

#endif
