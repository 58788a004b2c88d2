/*
 * users — user management for administrators (min_role USER_ROLE_ADMIN):
 *   GET  /beheer/gebruikers                  all users + form to add one
 *   POST /beheer/gebruikers                  add a user (initial password)
 *   GET  /beheer/gebruikers/{naam}           one user: change role/organisation,
 *                                            disable/enable
 *   POST /beheer/gebruikers/{naam}/rol       set role and organisation
 *   POST /beheer/gebruikers/{naam}/status    disable (ends their sessions) or enable
 * Every POST carries the session CSRF token (ROUTE_CSRF); changes are
 * audited by the store with actor "gebruiker:<admin>".
 */
#ifndef ATLAS_USERS_H
#define ATLAS_USERS_H

#include "../http/request.h"

int page_users(struct request *r);
int page_users_add(struct request *r);
int page_user_show(struct request *r);
int page_user_set_role(struct request *r);
int page_user_set_status(struct request *r);

#endif
