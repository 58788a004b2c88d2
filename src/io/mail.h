/*
 * mail — the writer of one e-mail message (RFC 5322 + MIME): plain text in
 * UTF-8, ready to hand to an SMTP server.
 *
 *   Date, From, To, Subject, Message-ID, MIME-Version, Content-Type
 *   text/plain; charset=UTF-8, Content-Transfer-Encoding quoted-printable,
 *   Auto-Submitted: auto-generated
 *
 * Display names and subjects that are not plain printable ASCII, or would
 * make a header line longer than 78 characters, become RFC 2047 encoded
 * words (UTF-8, base64), folded over several lines and never split inside a
 * character. The body is quoted-printable: lines of at most 76 characters,
 * CRLF line ends, '=' , control bytes, non-ASCII bytes, trailing blanks and
 * a leading '.' encoded. Every line of the result is CRLF-terminated and at
 * most 998 bytes; header lines are at most 78 unless one address alone is
 * longer.
 *
 * Not here: validation policy (domain/mail_address.h, which this writer
 * applies once more so a header can never be injected), sending (io/smtp.h).
 */
#ifndef ATLAS_IO_MAIL_H
#define ATLAS_IO_MAIL_H

#include "../lib/buf.h"

#include <stddef.h>
#include <time.h>

struct mail_envelope {
	const char *from;	/* sender address */
	const char *from_name;	/* sender display name, NULL or "" for none */
	const char *to;		/* recipient address */
	const char *to_name;	/* recipient display name, NULL or "" for none */
	const char *subject;	/* UTF-8, no control characters */
	const char *body;	/* UTF-8 plain text, LF or CRLF line ends */
	const char *message_id; /* "local@domain", without the angle brackets */
	time_t date;		/* the Date header (UTC) */
};

/*
 * Append the whole message to out. Returns 0, or -1 (nothing appended)
 * when an address is invalid or a header text holds a control character
 * or invalid UTF-8.
 */
int mail_format(struct buf *out, const struct mail_envelope *m);

/*
 * The message id "<token>@<domain of from>" into out (n bytes); token is
 * the row's stable random token, so every attempt to send one row carries
 * the same Message-ID. Returns 0, or -1 when from has no domain or out is
 * too small.
 */
int mail_message_id(char *out, size_t n, const char *token, const char *from);

/* Quoted-printable body of text (exposed for the unit tests). */
void mail_qp_body(struct buf *out, const char *text);

#endif
