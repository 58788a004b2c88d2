/*
 * siteinfo — see siteinfo.h. Two pointers set before the server starts and
 * only read afterwards.
 */
#include "siteinfo.h"

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static char public_url[512];
static pthread_once_t public_url_once = PTHREAD_ONCE_INIT;

static void read_public_url(void)
{
	const char *v = getenv("ATLAS_PUBLIC_URL");
	bool web = v && (strncmp(v, "https://", 8) == 0 || strncmp(v, "http://", 7) == 0);
	snprintf(public_url, sizeof public_url, "%s", web ? v : "http://localhost:8080");
	size_t n = strlen(public_url);
	while (n > 8 && public_url[n - 1] == '/')
		public_url[--n] = '\0';
}

const char *siteinfo_public_url(void)
{
	pthread_once(&public_url_once, read_public_url);
	return public_url;
}
