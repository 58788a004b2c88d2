/*
 * smtp — hand one formatted message to an SMTP server through libcurl:
 * smtp:// (with STARTTLS as configured) or smtps:// (TLS from the start),
 * optional AUTH with user and password, one recipient.
 *
 * It knows nothing of the outbox: the caller decides what a failure means
 * (retry or give up). Nothing is logged here; errors come back as text
 * without the password.
 */
#ifndef ATLAS_IO_SMTP_H
#define ATLAS_IO_SMTP_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

enum smtp_tls {
	SMTP_TLS_TRY = 0,  /* STARTTLS when the server offers it (smtp://) */
	SMTP_TLS_REQUIRED, /* STARTTLS or fail; smtps:// is always TLS */
	SMTP_TLS_NONE,	   /* never (a local relay on the same machine) */
};

struct smtp_config {
	const char *url;      /* "smtp://host:port" or "smtps://host:port" */
	const char *user;     /* NULL or "": no AUTH */
	const char *password; /* with user */
	enum smtp_tls tls;
	long timeout_s;		  /* the whole conversation, at most */
	const atomic_int *cancel; /* when non-zero the transfer is aborted */
};

/* The outcome of one attempt. */
enum smtp_result {
	SMTP_SENT = 0,	     /* the server accepted the message */
	SMTP_RETRY = -1,     /* a temporary failure: try again later */
	SMTP_PERMANENT = -2, /* the server refused the recipient or sender for good */
	SMTP_CANCELLED = -3, /* aborted through cancel: not delivered */
};

/*
 * Send msg (len bytes, CRLF lines, as io/mail.h writes it) from `from` to
 * `to` (bare addresses). On failure err (errlen bytes) gets a one-line
 * reason with the server's reply code where there is one.
 */
enum smtp_result smtp_send(const struct smtp_config *c, const char *from, const char *to,
			   const char *msg, size_t len, char *err, size_t errlen);

#endif
