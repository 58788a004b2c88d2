/*
 * siteinfo — the few facts about this installation that the information
 * pages show and that differ per deployment: the contact address of the
 * team that runs the atlas and the contact of its functionaris
 * gegevensbescherming (FG). Set once by `atlas serve` (--contact,
 * --fg-contact or ATLAS_CONTACT, ATLAS_FG_CONTACT) before serving; read by
 * the pages. Unset values are NULL: the pages then say plainly that the
 * address has not been configured, never a made-up one.
 */
#ifndef ATLAS_SITEINFO_H
#define ATLAS_SITEINFO_H

/* Set the addresses (NULL or "" = not configured). Not thread-safe: call
 * before the server starts. The strings must outlive the server. */
void siteinfo_set(const char *contact, const char *fg_contact);
/* The configured contact address of the atlas team, or NULL. */
const char *siteinfo_contact(void);
/* The configured contact of the functionaris gegevensbescherming, or NULL. */
const char *siteinfo_fg_contact(void);

/* The address links in mail point to: ATLAS_PUBLIC_URL (http or https,
 * without a trailing slash), read once; http://localhost:8080 (the address
 * of `make run`) when it is not set or not a web address. */
const char *siteinfo_public_url(void);

#endif
