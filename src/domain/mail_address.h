/*
 * mail_address — the pure rules of outgoing e-mail: what an address may
 * look like, what may stand in a header (display name, subject), what a
 * message kind and a dedupe key are, and the retry schedule of the sender.
 *
 * Deliberately strict: an address is a dot-atom local part, '@', and a
 * domain of at least two DNS labels (ASCII only: no quoted local parts, no
 * IP literals, no internationalised addresses). No header text may hold a
 * CR, LF or any other control character, so a header can never be split
 * into two (header injection). No I/O.
 */
#ifndef ATLAS_MAIL_ADDRESS_H
#define ATLAS_MAIL_ADDRESS_H

#include "records.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MAIL_ADDRESS_MAX 254 /* RFC 5321: a path of at most 256 with <> */
#define MAIL_NAME_MAX 200    /* display name, in bytes */
#define MAIL_SUBJECT_MAX 400 /* subject, in bytes (folded into encoded words) */
#define MAIL_BODY_MAX 100000 /* plain-text body, in bytes */
#define MAIL_KIND_MAX 40
#define MAIL_DEDUPE_MAX 200

/* Is addr a deliverable-looking address (see above)? NULL is not. */
bool mail_address_valid(const char *addr);

/* May s stand in a header (display name, subject): valid UTF-8, no control
 * character (CR, LF, TAB, NUL … and DEL), at most max bytes. "" is valid. */
bool mail_header_text_valid(const char *s, size_t max);

/* Is kind a message kind: 1..MAIL_KIND_MAX of [a-z0-9-], starting with a
 * letter ("registratie-bevestiging")? */
bool mail_kind_valid(const char *kind);

/* A message as queued (app/outbox.h). Strings are borrowed. */
struct mail_message {
	const char *to;		/* recipient address */
	const char *to_name;	/* recipient display name, "" or NULL for none */
	const char *subject;	/* UTF-8 */
	const char *body;	/* UTF-8 plain text, LF or CRLF line ends */
	const char *kind;	/* machine word, mail_kind_valid */
	const char *dedupe_key; /* NULL or "": none; else unique over the outbox */
	const char *not_before; /* ISO UTC timestamp, NULL or "": now */
};

/*
 * Check every field of m; add one Dutch message per bad field to e (field
 * names "aan", "naam", "onderwerp", "tekst", "soort", "ontdubbelsleutel",
 * "nietVoor"). True when m is valid.
 */
bool mail_message_check(const struct mail_message *m, struct field_errors *e);

/*
 * The wait before retry number `attempt` (1 = after the first failure):
 * base_ms · 2^(attempt-1), never more than max_ms (overflow-safe).
 */
int64_t mail_retry_delay_ms(int attempt, int64_t base_ms, int64_t max_ms);

#endif
