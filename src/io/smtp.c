/*
 * smtp — see smtp.h.
 */
#include "smtp.h"

#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

struct upload {
	const char *p;
	size_t left;
};

static size_t read_cb(char *dst, size_t size, size_t nmemb, void *arg)
{
	struct upload *u = arg;
	size_t room = size * nmemb;
	size_t n = u->left < room ? u->left : room;
	memcpy(dst, u->p, n);
	u->p += n;
	u->left -= n;
	return n;
}

/* What the progress callback watches (a local copy: curl takes a
 * non-const pointer). */
struct cancel_ref {
	const atomic_int *flag;
};

static int progress_cb(void *arg, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
		       curl_off_t ulnow)
{
	(void)dltotal, (void)dlnow, (void)ultotal, (void)ulnow;
	const struct cancel_ref *ref = arg;
	return ref->flag && atomic_load(ref->flag) ? 1 : 0;
}

/* Reply codes that will not change by trying again: no such mailbox,
 * mailbox not allowed, address syntax. */
static bool permanent_code(long code)
{
	return code == 501 || code == 550 || code == 551 || code == 553;
}

enum smtp_result smtp_send(const struct smtp_config *c, const char *from, const char *to,
			   const char *msg, size_t len, char *err, size_t errlen)
{
	if (err && errlen)
		*err = '\0';
	CURL *h = curl_easy_init();
	if (!h) {
		snprintf(err, errlen, "libcurl kon niet starten");
		return SMTP_RETRY;
	}
	char from_path[300], to_path[300], ebuf[CURL_ERROR_SIZE] = "";
	snprintf(from_path, sizeof from_path, "<%s>", from);
	snprintf(to_path, sizeof to_path, "<%s>", to);
	struct curl_slist *rcpt = curl_slist_append(NULL, to_path);
	struct upload u = {msg, len};
	struct cancel_ref cancel = {c->cancel};
	curl_easy_setopt(h, CURLOPT_URL, c->url);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(h, CURLOPT_MAIL_FROM, from_path);
	curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(h, CURLOPT_READDATA, &u);
	curl_easy_setopt(h, CURLOPT_INFILESIZE, (long)len);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, ebuf);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, c->timeout_s < 20 ? c->timeout_s : 20L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, c->timeout_s);
	curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, progress_cb);
	curl_easy_setopt(h, CURLOPT_XFERINFODATA, &cancel);
	curl_easy_setopt(h, CURLOPT_USE_SSL,
			 c->tls == SMTP_TLS_REQUIRED ? (long)CURLUSESSL_ALL
			 : c->tls == SMTP_TLS_NONE   ? (long)CURLUSESSL_NONE
						     : (long)CURLUSESSL_TRY);
	if (c->user && *c->user) {
		curl_easy_setopt(h, CURLOPT_USERNAME, c->user);
		curl_easy_setopt(h, CURLOPT_PASSWORD, c->password ? c->password : "");
	}
	CURLcode rc = curl_easy_perform(h);
	long code = 0;
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
	enum smtp_result res = SMTP_SENT;
	if (rc == CURLE_ABORTED_BY_CALLBACK) {
		res = SMTP_CANCELLED;
		snprintf(err, errlen, "afgebroken: de server stopt");
	} else if (rc != CURLE_OK) {
		res = permanent_code(code) ? SMTP_PERMANENT : SMTP_RETRY;
		if (code)
			snprintf(err, errlen, "%s (SMTP %ld)",
				 *ebuf ? ebuf : curl_easy_strerror(rc), code);
		else
			snprintf(err, errlen, "%s", *ebuf ? ebuf : curl_easy_strerror(rc));
	}
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(h);
	return res;
}
