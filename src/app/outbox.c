/*
 * outbox — queueing and the sender thread; see outbox.h.
 */
#include "outbox.h"

#include "../io/mail.h"
#include "../lib/arena.h"
#include "../lib/buf.h"
#include "../lib/log.h"
#include "../lib/secret.h"
#include "../lib/text.h"
#include "../lib/xalloc.h"
#include "../store/store.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PRUNE_EVERY_MS (10 * 60 * 1000)
/* After a database fault the sender waits this long before it tries again
 * (and logs the fault once per pause, not once per poll). */
#define FAULT_PAUSE_MS 5000

void outbox_config_defaults(struct outbox_config *c)
{
	memset(c, 0, sizeof *c);
	c->tls = SMTP_TLS_TRY;
	c->retry_base_ms = 60 * 1000;
	c->retry_max_ms = 60 * 60 * 1000;
	c->max_attempts = 8;
	c->retention_days = 30;
	c->poll_ms = 2000;
	c->lease_s = 300;
}

/* ---- time ------------------------------------------------------------------------ */

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ms since the epoch as the store's timestamp, YYYY-MM-DDTHH:MM:SS.sssZ. */
static void iso_ms(int64_t ms, char out[64])
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;
	gmtime_r(&t, &tm);
	snprintf(out, 64, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
		 tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, (int)(ms % 1000));
}

/* ---- queueing -------------------------------------------------------------------- */

static atomic_bool smtp_on;

int outbox_queue(struct store *s, const struct write_ctx *w, const struct mail_message *m,
		 int64_t *id_out, bool *duplicate, struct field_errors *e)
{
	*id_out = 0;
	*duplicate = false;
	if (!mail_message_check(m, e))
		return STORE_ERR_INVALID;
	struct mail_message q = *m;
	char nb[32];
	if (q.not_before && strlen(q.not_before) == 20) { /* whole seconds: the stored form */
		snprintf(nb, sizeof nb, "%.19s.000Z", q.not_before);
		q.not_before = nb;
	}
	char token[44];
	secret_random_token(token);
	int rc = store_outbox_queue(s, w, &q, token, id_out, duplicate);
	if (rc == STORE_OK && !*duplicate)
		outbox_wake();
	return rc;
}

int outbox_queue_test(struct store *s, const struct write_ctx *w, const char *to, const char *name,
		      int64_t *id_out, struct field_errors *e)
{
	const struct mail_message m = {
	    .to = to,
	    .to_name = name,
	    .subject = "Testbericht van de Samenwerkingsatlas: e-mail werkt ✓",
	    .body = "Dit is een testbericht van de Samenwerkingsatlas.\n"
		    "\n"
		    "Als u dit leest, kan de atlas e-mail versturen via de ingestelde mailserver.\n"
		    "Het bericht is verstuurd met de opdracht 'atlas mail test'.\n",
	    .kind = "test",
	};
	bool dup;
	return outbox_queue(s, w, &m, id_out, &dup, e);
}

int outbox_retry(struct store *s, const struct write_ctx *w, int64_t id)
{
	int rc = store_outbox_retry(s, w, id);
	if (rc == STORE_OK)
		outbox_wake();
	return rc;
}

static const struct {
	const char *code, *word;
} statuses[] = {
    {"queued", "wachtrij"},
    {"sending", "bezig"},
    {"sent", "verzonden"},
    {"failed", "mislukt"},
};

const char *outbox_status_word(const char *code)
{
	for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
		if (code && strcmp(code, statuses[i].code) == 0)
			return statuses[i].word;
	return code ? code : "";
}

const char *outbox_status_code(const char *word)
{
	for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
		if (word && strcmp(word, statuses[i].word) == 0)
			return statuses[i].code;
	return NULL;
}

bool outbox_smtp_configured(void)
{
	return atomic_load(&smtp_on);
}

/* ---- the sender thread ----------------------------------------------------------- */

static struct {
	pthread_t thread;
	bool running;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	bool wake;	 /* under mu */
	atomic_int stop; /* also cancels a transfer in progress */
	struct outbox_config c;
	char *strings[6]; /* owned copies of c's strings */
} snd = {.mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER};

void outbox_wake(void)
{
	pthread_mutex_lock(&snd.mu);
	snd.wake = true;
	pthread_cond_signal(&snd.cv);
	pthread_mutex_unlock(&snd.mu);
}

/* Wait up to ms or until woken or stopped. */
static void nap(int ms)
{
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += ms / 1000;
	until.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&snd.mu);
	while (!snd.wake && !atomic_load(&snd.stop))
		if (pthread_cond_timedwait(&snd.cv, &snd.mu, &until) != 0)
			break;
	snd.wake = false;
	pthread_mutex_unlock(&snd.mu);
}

/* Remove the bodies of mail sent before the retention period. */
static void prune(struct store *s, int64_t now)
{
	char before[64];
	iso_ms(now - (int64_t)snd.c.retention_days * 24 * 3600 * 1000, before);
	int n = 0;
	if (store_outbox_prune(s, before, &n) != STORE_OK)
		log_error("uitgaande post: opruimen mislukt");
	else if (n)
		log_info(
		    "uitgaande post: tekst van %d verzonden bericht(en) verwijderd (bewaartermijn "
		    "%d dagen)",
		    n, snd.c.retention_days);
}

/*
 * Claim, send and mark one due message. Returns 1 when a message was
 * handled, 0 when none was due, -1 on a database fault. Logs ids and
 * kinds, never addresses or text.
 */
static int send_one(struct store *s)
{
	const struct outbox_config *c = &snd.c;
	int64_t now = now_ms();
	char at[64], lease[64], claim[44];
	iso_ms(now, at);
	iso_ms(now + (int64_t)c->lease_s * 1000, lease);
	secret_random_token(claim);
	struct arena *a = arena_new();
	struct outbox_row row;
	int rc = store_outbox_claim(s, a, at, lease, claim, &row);
	if (rc != STORE_OK) {
		arena_free(a);
		return rc == STORE_ERR_NOTFOUND ? 0 : -1;
	}
	char msgid[320], err[512] = "";
	struct buf msg = BUF_INIT;
	const struct mail_envelope env = {
	    .from = c->from,
	    .from_name = c->from_name,
	    .to = row.to_address,
	    .to_name = row.to_name,
	    .subject = row.subject,
	    .body = row.body,
	    .message_id = msgid,
	    .date = (time_t)(now / 1000),
	};
	enum smtp_result res;
	if (mail_message_id(msgid, sizeof msgid, row.token, c->from) != 0 ||
	    mail_format(&msg, &env) != 0 || msg.err) {
		res = SMTP_PERMANENT;
		snprintf(err, sizeof err,
			 "het bericht kon niet worden opgemaakt (ongeldig adres of "
			 "ongeldige kopregel)");
	} else {
		const struct smtp_config sc = {
		    .url = c->smtp_url,
		    .user = c->smtp_user,
		    .password = c->smtp_password,
		    .tls = c->tls,
		    .timeout_s = c->lease_s / 2 > 5 ? c->lease_s / 2 : 5,
		    .cancel = &snd.stop,
		};
		res = smtp_send(&sc, c->from, row.to_address, msg.data, msg.len, err, sizeof err);
	}
	buf_free(&msg);
	int out = 1;
	if (res == SMTP_SENT) {
		char done[64];
		iso_ms(now_ms(), done);
		rc = store_outbox_sent(s, row.id, claim, done);
		if (rc == STORE_OK)
			log_info("uitgaande post: bericht %lld verzonden (soort %s, poging %d)",
				 (long long)row.id, row.kind, row.attempts);
		else if (rc == STORE_ERR_CONFLICT)
			log_error("uitgaande post: bericht %lld verzonden, maar de claim was al "
				  "verlopen (het kan dubbel aankomen)",
				  (long long)row.id);
		else
			out = -1; /* stays "bezig" until the lease ends: sent once more then */
	} else if (res == SMTP_CANCELLED) {
		if (store_outbox_release(s, row.id, claim) != STORE_OK)
			out = -1;
	} else {
		char next[64];
		iso_ms(now_ms() +
			   mail_retry_delay_ms(row.attempts, c->retry_base_ms, c->retry_max_ms),
		       next);
		bool failed = false;
		rc = store_outbox_failed(s, row.id, claim, next, c->max_attempts,
					 res == SMTP_PERMANENT, err, &failed);
		if (rc == STORE_OK)
			log_info("uitgaande post: bericht %lld niet verzonden (poging %d%s): %s",
				 (long long)row.id, row.attempts,
				 failed ? ", opgegeven" : ", later opnieuw", err);
		else if (rc != STORE_ERR_CONFLICT)
			out = -1;
	}
	arena_free(a);
	return out;
}

static void *sender_main(void *arg)
{
	(void)arg;
	int64_t last_prune = 0;
	bool faulted = false;
	while (!atomic_load(&snd.stop)) {
		struct store *s = store_thread();
		int64_t now = now_ms();
		int r = s ? 0 : -1;
		if (s && now - last_prune >= PRUNE_EVERY_MS) {
			prune(s, now);
			if (snd.c.housekeeping)
				snd.c.housekeeping(s);
			last_prune = now;
		}
		if (s && atomic_load(&smtp_on))
			r = send_one(s);
		if (r < 0) {
			if (!faulted)
				log_error("uitgaande post: de database is niet bereikbaar; de "
					  "wachtrij wacht");
			faulted = true;
			nap(FAULT_PAUSE_MS);
			continue;
		}
		faulted = false;
		if (r == 0)
			nap(snd.c.poll_ms);
	}
	store_thread_release();
	return NULL;
}

static char *keep(int i, const char *v)
{
	snd.strings[i] = v ? xstrdup(v) : NULL;
	return snd.strings[i];
}

int outbox_sender_start(const struct outbox_config *c)
{
	if (snd.running)
		return 0;
	snd.c = *c;
	snd.c.smtp_url = keep(0, c->smtp_url && *c->smtp_url ? c->smtp_url : NULL);
	snd.c.smtp_user = keep(1, c->smtp_user);
	snd.c.smtp_password = keep(2, c->smtp_password);
	snd.c.from = keep(3, c->from);
	snd.c.from_name = keep(4, c->from_name);
	if (snd.c.smtp_url && !mail_address_valid(snd.c.from)) {
		log_error("uitgaande post: ATLAS_MAIL_FROM is geen geldig e-mailadres; er wordt "
			  "niets verzonden");
		snd.c.smtp_url = NULL;
	}
	if (snd.c.from_name && !mail_header_text_valid(snd.c.from_name, MAIL_NAME_MAX)) {
		log_error(
		    "uitgaande post: ATLAS_MAIL_FROM_NAME bevat ongeldige tekens; weggelaten");
		snd.c.from_name = NULL;
	}
	if (snd.c.poll_ms < 10)
		snd.c.poll_ms = 10;
	if (snd.c.lease_s < 10)
		snd.c.lease_s = 10;
	if (snd.c.max_attempts < 1)
		snd.c.max_attempts = 1;
	if (snd.c.retention_days < 0)
		snd.c.retention_days = 0;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		log_error("uitgaande post: libcurl kon niet starten");
		return -1;
	}
	atomic_store(&smtp_on, snd.c.smtp_url != NULL);
	atomic_store(&snd.stop, 0);
	if (pthread_create(&snd.thread, NULL, sender_main, NULL) != 0) {
		log_error("uitgaande post: kan de verzendthread niet starten");
		curl_global_cleanup();
		return -1;
	}
	snd.running = true;
	if (snd.c.smtp_url)
		log_info("uitgaande post: verzenden via de ingestelde mailserver (%d pogingen, "
			 "eerste herhaling na %lld ms)",
			 snd.c.max_attempts, (long long)snd.c.retry_base_ms);
	else
		log_info("uitgaande post: geen mailserver ingesteld (ATLAS_SMTP_URL); berichten "
			 "blijven in de wachtrij");
	return 0;
}

void outbox_sender_stop(void)
{
	if (!snd.running)
		return;
	atomic_store(&snd.stop, 1);
	outbox_wake();
	pthread_join(snd.thread, NULL);
	snd.running = false;
	atomic_store(&smtp_on, false);
	curl_global_cleanup();
	for (int i = 0; i < 6; i++) {
		free(snd.strings[i]);
		snd.strings[i] = NULL;
	}
}
