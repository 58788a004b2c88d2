/*
 * persoonsgegevens — personal data requests and retention; see
 * persoonsgegevens.h.
 */
#include "persoonsgegevens.h"
#include "../domain/bijeenkomsten.h"
#include "../domain/mail_address.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "accounts.h"
#include "policy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define RETENTION_DEFAULT 90
#define RETENTION_MAX 3650
/* Unconfirmed registrations go this long after their link expired, and the
 * rate limit's client digests this long after the registration. */
#define STALE_SECONDS (2L * 24 * 3600)

int persoonsgegevens_retention_days(void)
{
	const char *v = getenv("ATLAS_BIJEENKOMSTEN_BEWAARTERMIJN_DAGEN");
	if (!v || !*v)
		return RETENTION_DEFAULT;
	char *end;
	long n = strtol(v, &end, 10);
	return *end || n < 0 || n > RETENTION_MAX ? RETENTION_DEFAULT : (int)n;
}

const char *persoonsgegevens_shown_name(const char *name)
{
	return str_empty(name) ? "Gewiste deelnemer" : name;
}

static bool address_ok(const char *email, struct field_errors *e)
{
	if (str_empty(email)) {
		field_errors_add(e, "email", "Vul het e-mailadres in.");
		return false;
	}
	if (strlen(email) > MAIL_ADDRESS_MAX || !mail_address_valid(email)) {
		field_errors_add(e, "email",
				 "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.");
		return false;
	}
	return true;
}

/* May u act on email? PD_OK, or the outcome to answer. */
static enum pd_outcome allowed(const struct user *u, const char *email, struct field_errors *e)
{
	if (!policy_may_handle_personal_data(u))
		return PD_FORBIDDEN;
	return address_ok(email, e) ? PD_OK : PD_INVALID;
}

enum pd_outcome persoonsgegevens_find(struct store *st, struct arena *a, const struct user *u,
				      const char *email, struct personal_data *out,
				      struct field_errors *e)
{
	memset(out, 0, sizeof *out);
	enum pd_outcome o = allowed(u, email, e);
	if (o != PD_OK)
		return o;
	return store_personal_data_find(st, a, email, out) == STORE_OK ? PD_OK : PD_FAILED;
}

enum pd_outcome persoonsgegevens_erase(struct store *st, const struct user *u, const char *via,
				       const char *email, struct personal_erased *out,
				       struct field_errors *e)
{
	memset(out, 0, sizeof *out);
	enum pd_outcome o = allowed(u, email, e);
	if (o != PD_OK)
		return o;
	struct write_ctx w;
	char actor[80], today[11];
	accounts_write_ctx(u, via, &w, actor, today);
	return store_personal_data_erase(st, &w, email, out) == STORE_OK ? PD_OK : PD_FAILED;
}

int persoonsgegevens_sweep(struct store *st, int *erased, int *removed)
{
	*erased = *removed = 0;
	time_t now = time(NULL);
	char ended_before[17], expired_before[32];
	bijeenkomst_local_time((int64_t)now - (int64_t)persoonsgegevens_retention_days() * 86400,
			       ended_before);
	time_t t = now - STALE_SECONDS;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(expired_before, sizeof expired_before, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
	char today[11];
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	struct write_ctx w = {.actor = "bewaartermijn", .via = "systeem", .today = today};
	int rc = store_registrations_sweep(st, &w, ended_before, expired_before, erased, removed);
	if (rc == STORE_OK && (*erased || *removed))
		log_info("bewaartermijn: %d aanmelding(en) gewist, %d onbevestigde verwijderd "
			 "(bijeenkomsten afgelopen voor %s)",
			 *erased, *removed, ended_before);
	return rc;
}

void persoonsgegevens_housekeeping(struct store *st)
{
	int erased, removed;
	if (persoonsgegevens_sweep(st, &erased, &removed) != STORE_OK)
		log_error("bewaartermijn: aanmeldingen wissen mislukt");
}
