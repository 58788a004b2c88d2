/*
 * siteinfo — see siteinfo.h. Two pointers set before the server starts and
 * only read afterwards.
 */
#include "siteinfo.h"

#include <stddef.h>

static const char *contact_addr;
static const char *fg_addr;

void siteinfo_set(const char *contact, const char *fg_contact)
{
	contact_addr = contact && *contact ? contact : NULL;
	fg_addr = fg_contact && *fg_contact ? fg_contact : NULL;
}

const char *siteinfo_contact(void)
{
	return contact_addr;
}

const char *siteinfo_fg_contact(void)
{
	return fg_addr;
}
