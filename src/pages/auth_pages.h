/*
 * auth_pages — one include for the route table: sign-in/out (login.h), the
 * user's own account page (account.h) and user management (users.h).
 */
#ifndef ATLAS_AUTH_PAGES_H
#define ATLAS_AUTH_PAGES_H

#include "account.h"
#include "login.h"
#include "users.h"

#endif
