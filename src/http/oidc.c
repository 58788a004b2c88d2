/*
 * oidc — see oidc.h. Network I/O goes through libcurl with short timeouts,
 * no redirects and a size cap; JOSE (JWKS parsing, signature verification)
 * is librhonabwy; hashing and randomness are libsodium. The pending
 * sign-ins live in the database (store_oidc_pending_put/take, on the
 * request thread's connection), so with several instances on one database
 * the provider's callback may reach any of them.
 */
#include "oidc.h"
#include "request.h"
#include "session.h"
#include "../lib/buf.h"
#include "../lib/log.h"
#include "../lib/text.h"
#include "../store/store.h"
#include "../store/store_auth.h"

#include <ctype.h>
#include <curl/curl.h>
#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <rhonabwy.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define OIDC_MAX_DOMAINS 64
#define OIDC_MAX_PENDING 10000 /* pending sign-ins kept at most (a flood evicts the oldest) */
#define OIDC_MAX_BODY (1u << 20)
#define OIDC_URL_MAX 1024
#define OIDC_JWKS_MIN_REFRESH_S 30

struct domain_map {
	char domain[128];
	char org[81];
};

/* Read-only after oidc_init / oidc_configure_json. */
static struct {
	bool enabled;
	char issuer[OIDC_URL_MAX];
	char client_id[256];
	char client_secret[512];
	char redirect_uri[OIDC_URL_MAX];
	struct domain_map domains[OIDC_MAX_DOMAINS];
	int n_domains;
} cfg;

/* Discovery and JWKS cache, guarded by disc_lock. */
static pthread_mutex_t disc_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
	bool loaded;
	char authorization_endpoint[OIDC_URL_MAX];
	char token_endpoint[OIDC_URL_MAX];
	char jwks_uri[OIDC_URL_MAX];
	char *jwks_json;   /* malloc'd, or NULL */
	int64_t jwks_time; /* when jwks_json was fetched */
} disc;

static bool curl_ready;

static void set_err(char *err, size_t errlen, const char *msg)
{
	if (err && errlen)
		snprintf(err, errlen, "%s", msg);
}

static bool copy_str(char *dst, size_t cap, const char *src)
{
	if (!src || strlen(src) >= cap)
		return false;
	memcpy(dst, src, strlen(src) + 1);
	return true;
}

/* https, or http to a loopback host (local tests and development). */
static bool url_acceptable(const char *u)
{
	if (!u || strlen(u) >= OIDC_URL_MAX)
		return false;
	for (const char *p = u; *p; p++)
		if ((unsigned char)*p <= 0x20 || *p == 0x7f)
			return false;
	if (strncmp(u, "https://", 8) == 0)
		return u[8] != '\0';
	static const char *const local[] = {"http://127.0.0.1:", "http://127.0.0.1/",
					    "http://localhost:", "http://localhost/",
					    "http://[::1]:",	 "http://[::1]/"};
	for (size_t i = 0; i < sizeof local / sizeof local[0]; i++)
		if (strncmp(u, local[i], strlen(local[i])) == 0)
			return true;
	return false;
}

/* ---- configuration ---- */

int oidc_configure_json(const char *json, char *err, size_t errlen)
{
	json_error_t je;
	json_t *root = json_loads(json, 0, &je);
	int rc = -1;
	memset(&cfg, 0, sizeof cfg);
	if (!root || !json_is_object(root)) {
		snprintf(err, errlen, "OIDC-configuratie is geen geldig JSON-object (regel %d: %s)",
			 je.line, je.text);
		goto out;
	}
	const char *iss = json_string_value(json_object_get(root, "issuer"));
	const char *cid = json_string_value(json_object_get(root, "clientId"));
	const char *sec = json_string_value(json_object_get(root, "clientSecret"));
	const char *red = json_string_value(json_object_get(root, "redirectUri"));
	json_t *doms = json_object_get(root, "domeinen");
	if (!iss || !url_acceptable(iss) || !copy_str(cfg.issuer, sizeof cfg.issuer, iss)) {
		set_err(err, errlen,
			"OIDC-configuratie: 'issuer' ontbreekt of is geen https-adres");
		goto out;
	}
	if (!cid || !*cid || !copy_str(cfg.client_id, sizeof cfg.client_id, cid)) {
		set_err(err, errlen, "OIDC-configuratie: 'clientId' ontbreekt of is te lang");
		goto out;
	}
	if (!sec || !*sec || !copy_str(cfg.client_secret, sizeof cfg.client_secret, sec)) {
		set_err(err, errlen, "OIDC-configuratie: 'clientSecret' ontbreekt of is te lang");
		goto out;
	}
	if (!red || !url_acceptable(red) ||
	    !copy_str(cfg.redirect_uri, sizeof cfg.redirect_uri, red)) {
		set_err(err, errlen,
			"OIDC-configuratie: 'redirectUri' ontbreekt of is geen https-adres");
		goto out;
	}
	if (!json_is_object(doms) || json_object_size(doms) == 0) {
		set_err(err, errlen,
			"OIDC-configuratie: 'domeinen' moet e-maildomeinen aan organisatiecodes "
			"koppelen");
		goto out;
	}
	const char *dom;
	json_t *v;
	json_object_foreach(doms, dom, v)
	{
		const char *org = json_string_value(v);
		if (cfg.n_domains >= OIDC_MAX_DOMAINS || !org || !*org || !*dom ||
		    strchr(dom, '@')) {
			snprintf(err, errlen, "OIDC-configuratie: ongeldig domein '%.100s'", dom);
			goto out;
		}
		struct domain_map *m = &cfg.domains[cfg.n_domains];
		if (!copy_str(m->domain, sizeof m->domain, dom) ||
		    !copy_str(m->org, sizeof m->org, org)) {
			snprintf(err, errlen, "OIDC-configuratie: domein '%.100s' is te lang", dom);
			goto out;
		}
		for (char *p = m->domain; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		cfg.n_domains++;
	}
	cfg.enabled = true;
	rc = 0;
out:
	json_decref(root);
	if (rc != 0)
		memset(&cfg, 0, sizeof cfg);
	return rc;
}

bool oidc_enabled(void)
{
	return cfg.enabled;
}

const char *oidc_domain_org(const char *email)
{
	const char *at = email ? strrchr(email, '@') : NULL;
	if (!at || !at[1])
		return NULL;
	for (int i = 0; i < cfg.n_domains; i++)
		if (str_casecmp_ascii(at + 1, cfg.domains[i].domain) == 0)
			return cfg.domains[i].org;
	return NULL;
}

const char *oidc_cookie_value(const struct request *r)
{
	if (!r || !r->conn)
		return NULL;
	const char *v = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, OIDC_COOKIE);
	return v && *v && strlen(v) <= 64 ? v : NULL;
}

/* ---- HTTP client ---- */

static size_t on_data(char *p, size_t size, size_t n, void *ud)
{
	struct buf *b = ud;
	buf_add(b, p, size * n);
	return b->err ? 0 : size * n;
}

/*
 * GET url (post == NULL) or POST the form body post, with an optional
 * Authorization header value. The reply body goes to out (capped); *status
 * gets the HTTP status. Returns 0 when a reply arrived, -1 otherwise.
 */
static int http_call(const char *url, const char *post, const char *auth, struct buf *out,
		     long *status)
{
	if (!url_acceptable(url))
		return -1;
	CURL *c = curl_easy_init();
	if (!c)
		return -1;
	struct curl_slist *hdr = NULL;
	int rc = -1;
	out->limit = OIDC_MAX_BODY;
	hdr = curl_slist_append(hdr, "Accept: application/json");
	if (auth) {
		char *h = NULL;
		if (asprintf(&h, "Authorization: %s", auth) < 0)
			goto out;
		hdr = curl_slist_append(hdr, h);
		free(h);
	}
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 5L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 15L);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE, (long)OIDC_MAX_BODY);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "Samenwerkingsatlas-OIDC/1");
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, out);
	if (post) {
		curl_easy_setopt(c, CURLOPT_POST, 1L);
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, post);
	}
	CURLcode cc = curl_easy_perform(c);
	if (cc != CURLE_OK) {
		log_error("oidc: %s: %s", url, curl_easy_strerror(cc));
		goto out;
	}
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
	buf_putc(out, '\0');
	if (out->err)
		goto out;
	out->len--;
	rc = 0;
out:
	curl_slist_free_all(hdr);
	curl_easy_cleanup(c);
	return rc;
}

/* Fetch a JSON object from url; NULL on any failure. */
static json_t *http_get_json(const char *url)
{
	struct buf b = BUF_INIT;
	long status = 0;
	json_t *j = NULL;
	if (http_call(url, NULL, NULL, &b, &status) == 0 && status == 200 && b.data) {
		j = json_loadb(b.data, b.len, 0, NULL);
		if (j && !json_is_object(j)) {
			json_decref(j);
			j = NULL;
		}
	}
	buf_free(&b);
	return j;
}

/* ---- discovery and JWKS ---- */

static int64_t now_s(void)
{
	return (int64_t)time(NULL);
}

/* Load the discovery document unless cached. 0 or -1 (logged). */
static int ensure_discovery(void)
{
	pthread_mutex_lock(&disc_lock);
	bool loaded = disc.loaded;
	pthread_mutex_unlock(&disc_lock);
	if (loaded)
		return 0;
	char url[OIDC_URL_MAX + 64];
	size_t il = strlen(cfg.issuer);
	snprintf(url, sizeof url, "%.*s/.well-known/openid-configuration",
		 (int)(il && cfg.issuer[il - 1] == '/' ? il - 1 : il), cfg.issuer);
	json_t *d = http_get_json(url);
	if (!d) {
		log_error("oidc: discovery at %s failed", url);
		return -1;
	}
	int rc = -1;
	const char *iss = json_string_value(json_object_get(d, "issuer"));
	const char *ae = json_string_value(json_object_get(d, "authorization_endpoint"));
	const char *te = json_string_value(json_object_get(d, "token_endpoint"));
	const char *ju = json_string_value(json_object_get(d, "jwks_uri"));
	if (!iss || strcmp(iss, cfg.issuer) != 0) {
		log_error("oidc: discovery issuer '%s' differs from the configured issuer",
			  iss ? iss : "(none)");
		goto out;
	}
	if (!url_acceptable(ae) || !url_acceptable(te) || !url_acceptable(ju)) {
		log_error("oidc: discovery endpoints missing or not https");
		goto out;
	}
	pthread_mutex_lock(&disc_lock);
	copy_str(disc.authorization_endpoint, sizeof disc.authorization_endpoint, ae);
	copy_str(disc.token_endpoint, sizeof disc.token_endpoint, te);
	copy_str(disc.jwks_uri, sizeof disc.jwks_uri, ju);
	disc.loaded = true;
	pthread_mutex_unlock(&disc_lock);
	rc = 0;
out:
	json_decref(d);
	return rc;
}

/*
 * A copy of the cached JWKS (caller frees), fetching it when absent or when
 * refresh is asked and the cache is older than the minimum interval (key
 * rotation). NULL when none can be had.
 */
static char *jwks_copy(bool refresh)
{
	pthread_mutex_lock(&disc_lock);
	bool fetch =
	    !disc.jwks_json || (refresh && now_s() - disc.jwks_time >= OIDC_JWKS_MIN_REFRESH_S);
	char uri[OIDC_URL_MAX];
	memcpy(uri, disc.jwks_uri, sizeof uri);
	pthread_mutex_unlock(&disc_lock);
	if (fetch) {
		json_t *j = http_get_json(uri);
		char *text = j && json_is_array(json_object_get(j, "keys"))
				 ? json_dumps(j, JSON_COMPACT)
				 : NULL;
		json_decref(j);
		if (text) {
			pthread_mutex_lock(&disc_lock);
			free(disc.jwks_json);
			disc.jwks_json = text;
			disc.jwks_time = now_s();
			pthread_mutex_unlock(&disc_lock);
		} else {
			log_error("oidc: could not fetch the JWKS from %s", uri);
		}
	}
	pthread_mutex_lock(&disc_lock);
	char *copy = disc.jwks_json ? strdup(disc.jwks_json) : NULL;
	pthread_mutex_unlock(&disc_lock);
	return copy;
}

int oidc_init(const char *config_path, char *err, size_t errlen)
{
	FILE *f = fopen(config_path, "rb");
	if (!f) {
		snprintf(err, errlen, "kan OIDC-configuratie %s niet lezen", config_path);
		return -1;
	}
	char text[16384];
	size_t n = fread(text, 1, sizeof text - 1, f);
	bool too_big = !feof(f);
	fclose(f);
	if (too_big) {
		snprintf(err, errlen, "OIDC-configuratie %s is te groot", config_path);
		return -1;
	}
	text[n] = '\0';
	if (oidc_configure_json(text, err, errlen) != 0)
		return -1;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK || r_global_init() != RHN_OK) {
		set_err(err, errlen, "libcurl of librhonabwy kon niet starten");
		memset(&cfg, 0, sizeof cfg);
		return -1;
	}
	curl_ready = true;
	if (ensure_discovery() != 0)
		log_error("oidc: provider not reachable now; retrying at the first sign-in");
	else
		log_info("oidc: provider %s ready", cfg.issuer);
	return 0;
}

void oidc_shutdown(void)
{
	pthread_mutex_lock(&disc_lock);
	free(disc.jwks_json);
	memset(&disc, 0, sizeof disc);
	pthread_mutex_unlock(&disc_lock);
	if (curl_ready) {
		r_global_close();
		curl_global_cleanup();
		curl_ready = false;
	}
	sodium_memzero(&cfg, sizeof cfg);
}

/* ---- the flow ---- */

static char *url_escape(const char *s)
{
	return curl_easy_escape(NULL, s, 0);
}

/* base64url(SHA-256(verifier)) into out[44] (RFC 7636 S256). */
static void pkce_challenge(const char *verifier, char out[44])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, (const unsigned char *)verifier, strlen(verifier));
	sodium_bin2base64(out, 44, h, sizeof h, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

enum oidc_status oidc_begin(const char *terug, char cookie_out[44], char **url_out, char *err,
			    size_t errlen)
{
	*url_out = NULL;
	if (!cfg.enabled) {
		set_err(err, errlen, "Inloggen via uw organisatie is niet ingesteld.");
		return OIDC_BAD_REQUEST;
	}
	if (ensure_discovery() != 0) {
		set_err(
		    err, errlen,
		    "De inlogdienst van uw organisatie is nu niet bereikbaar. Probeer het later "
		    "opnieuw.");
		return OIDC_PROVIDER;
	}
	struct oidc_pending p = {0};
	char key[65];
	session_random_token(cookie_out);
	session_digest(cookie_out, key);
	session_random_token(p.state);
	session_random_token(p.nonce);
	session_random_token(p.verifier);
	if (!terug || !*terug || !utf8_is_valid(terug, strlen(terug)) ||
	    !copy_str(p.return_to, sizeof p.return_to, terug))
		copy_str(p.return_to, sizeof p.return_to, "/");
	int64_t now = now_s();
	p.expires = now + OIDC_PENDING_TTL_S;

	/* Keep it in the database: the callback may reach another instance. */
	struct store *st = store_thread();
	if (!st || store_oidc_pending_put(st, key, &p, now, OIDC_MAX_PENDING) != STORE_OK) {
		sodium_memzero(&p, sizeof p);
		set_err(err, errlen, "Er ging iets mis bij het starten van het inloggen.");
		return OIDC_INTERNAL;
	}

	char challenge[44];
	pkce_challenge(p.verifier, challenge);
	char ae[OIDC_URL_MAX];
	pthread_mutex_lock(&disc_lock);
	memcpy(ae, disc.authorization_endpoint, sizeof ae);
	pthread_mutex_unlock(&disc_lock);
	char *cid = url_escape(cfg.client_id), *red = url_escape(cfg.redirect_uri);
	int n = -1;
	if (cid && red)
		n = asprintf(url_out,
			     "%s%cresponse_type=code&client_id=%s&redirect_uri=%s"
			     "&scope=openid%%20email%%20profile&state=%s&nonce=%s"
			     "&code_challenge=%s&code_challenge_method=S256",
			     ae, strchr(ae, '?') ? '&' : '?', cid, red, p.state, p.nonce,
			     challenge);
	curl_free(cid);
	curl_free(red);
	sodium_memzero(&p, sizeof p);
	if (n < 0) {
		*url_out = NULL;
		set_err(err, errlen, "Er ging iets mis bij het starten van het inloggen.");
		return OIDC_INTERNAL;
	}
	return OIDC_OK;
}

/*
 * Remove the pending entry of cookie from the database and return it when
 * it existed, had not expired and its state equals state (compared in
 * constant time). One try only: the entry is consumed whatever the outcome,
 * also when state is missing. OIDC_OK, OIDC_BAD_REQUEST (unknown, expired,
 * wrong state) or OIDC_INTERNAL (the database failed).
 */
static enum oidc_status take_pending(const char *cookie, const char *state,
				     struct oidc_pending *out)
{
	memset(out, 0, sizeof *out);
	if (!cookie)
		return OIDC_BAD_REQUEST;
	char key[65];
	session_digest(cookie, key);
	struct store *st = store_thread();
	int rc = st ? store_oidc_pending_take(st, key, now_s(), out) : STORE_ERR;
	if (rc == STORE_ERR_NOTFOUND)
		return OIDC_BAD_REQUEST;
	if (rc != STORE_OK)
		return OIDC_INTERNAL;
	if (state && strlen(state) == strlen(out->state) &&
	    sodium_memcmp(out->state, state, strlen(state)) == 0)
		return OIDC_OK;
	sodium_memzero(out, sizeof *out);
	return OIDC_BAD_REQUEST;
}

/* Exchange the code; on success *id_token_out is malloc'd. */
static enum oidc_status exchange_code(const char *code, const char *verifier, char **id_token_out,
				      char *err, size_t errlen)
{
	enum oidc_status st = OIDC_PROVIDER;
	char *e_code = url_escape(code), *e_red = url_escape(cfg.redirect_uri),
	     *e_ver = url_escape(verifier), *e_id = url_escape(cfg.client_id),
	     *e_sec = url_escape(cfg.client_secret);
	char *body = NULL, *cred = NULL, *auth = NULL;
	struct buf reply = BUF_INIT;
	json_t *j = NULL;
	long status = 0;
	char te[OIDC_URL_MAX];
	pthread_mutex_lock(&disc_lock);
	memcpy(te, disc.token_endpoint, sizeof te);
	pthread_mutex_unlock(&disc_lock);
	set_err(err, errlen,
		"De inlogdienst van uw organisatie gaf geen geldig antwoord. Probeer het later "
		"opnieuw.");
	if (!e_code || !e_red || !e_ver || !e_id || !e_sec)
		goto out;
	if (asprintf(&body,
		     "grant_type=authorization_code&code=%s&redirect_uri=%s&code_verifier=%s",
		     e_code, e_red, e_ver) < 0) {
		body = NULL;
		goto out;
	}
	/* client_secret_basic (RFC 6749 2.3.1: form-encode, then base64). */
	if (asprintf(&cred, "%s:%s", e_id, e_sec) < 0) {
		cred = NULL;
		goto out;
	}
	size_t b64len = sodium_base64_ENCODED_LEN(strlen(cred), sodium_base64_VARIANT_ORIGINAL);
	auth = malloc(b64len + 6);
	if (!auth)
		goto out;
	memcpy(auth, "Basic ", 6);
	sodium_bin2base64(auth + 6, b64len, (const unsigned char *)cred, strlen(cred),
			  sodium_base64_VARIANT_ORIGINAL);
	if (http_call(te, body, auth, &reply, &status) != 0 || !reply.data)
		goto out;
	j = json_loadb(reply.data, reply.len, 0, NULL);
	if (!json_is_object(j))
		goto out;
	if (status != 200) {
		const char *e = json_string_value(json_object_get(j, "error"));
		log_error("oidc: token endpoint answered %ld (%s)", status, e ? e : "?");
		if (e && strcmp(e, "invalid_grant") == 0) {
			st = OIDC_BAD_REQUEST;
			set_err(err, errlen,
				"De inlogcode is ongeldig, verlopen of al gebruikt. Begin opnieuw "
				"met inloggen.");
		}
		goto out;
	}
	const char *idt = json_string_value(json_object_get(j, "id_token"));
	if (!idt || !(*id_token_out = strdup(idt)))
		goto out;
	st = OIDC_OK;
out:
	curl_free(e_code);
	curl_free(e_red);
	curl_free(e_ver);
	curl_free(e_id);
	curl_free(e_sec);
	free(body);
	if (cred)
		sodium_memzero(cred, strlen(cred));
	free(cred);
	free(auth);
	buf_free(&reply);
	json_decref(j);
	return st;
}

static bool alg_allowed(jwa_alg a)
{
	switch (a) {
	case R_JWA_ALG_RS256:
	case R_JWA_ALG_RS384:
	case R_JWA_ALG_RS512:
	case R_JWA_ALG_PS256:
	case R_JWA_ALG_PS384:
	case R_JWA_ALG_PS512:
	case R_JWA_ALG_ES256:
	case R_JWA_ALG_ES384:
	case R_JWA_ALG_ES512:
	case R_JWA_ALG_EDDSA:
		return true;
	default:
		return false;
	}
}

static bool aud_ok(json_t *aud, const char *client_id)
{
	if (json_is_string(aud))
		return strcmp(json_string_value(aud), client_id) == 0;
	if (!json_is_array(aud))
		return false;
	size_t i;
	json_t *v;
	json_array_foreach(aud, i, v)
	{
		if (json_is_string(v) && strcmp(json_string_value(v), client_id) == 0)
			return true;
	}
	return false;
}

enum oidc_status oidc_validate_id_token(const char *id_token, const char *jwks_json,
					const char *issuer, const char *client_id,
					const char *nonce, int64_t now, struct oidc_identity *id,
					bool *email_verified, char *err, size_t errlen)
{
	enum oidc_status st = OIDC_PROVIDER;
	jwt_t *jwt = NULL;
	jwks_t *jwks = NULL;
	jwk_t *key = NULL;
	json_t *claims = NULL;
	const char *why = "ongeldig id-token";
	if (!id_token || !jwks_json || strlen(id_token) > 16384)
		goto out;
	if (r_jwt_init(&jwt) != RHN_OK || r_jwks_init(&jwks) != RHN_OK)
		goto out;
	/* IGNORE_REMOTE: never fetch keys named inside the token (jku, x5u). */
	if (r_jwt_parse(jwt, id_token, R_FLAG_IGNORE_REMOTE) != RHN_OK ||
	    r_jwt_get_type(jwt) != R_JWT_TYPE_SIGN) {
		why = "id-token is geen ondertekend JWT";
		goto out;
	}
	if (!alg_allowed(r_jwt_get_sign_alg(jwt))) {
		why = "id-token gebruikt een niet toegestaan algoritme";
		goto out;
	}
	r_jwks_import_from_json_str(jwks, jwks_json); /* keeps the keys it can read */
	const char *kid = r_jwt_get_header_str_value(jwt, "kid");
	if (kid)
		key = r_jwks_get_by_kid(jwks, kid);
	else if (r_jwks_size(jwks) == 1)
		key = r_jwks_get_at(jwks, 0);
	if (!key) {
		why = "sleutel van het id-token onbekend";
		goto out;
	}
	if (r_jwt_verify_signature(jwt, key, R_FLAG_IGNORE_REMOTE) != RHN_OK) {
		why = "handtekening van het id-token klopt niet";
		goto out;
	}
	claims = r_jwt_get_full_claims_json_t(jwt);
	if (!json_is_object(claims))
		goto out;
	const char *iss = json_string_value(json_object_get(claims, "iss"));
	if (!iss || strcmp(iss, issuer) != 0) {
		why = "uitgever (iss) van het id-token klopt niet";
		goto out;
	}
	if (!aud_ok(json_object_get(claims, "aud"), client_id)) {
		why = "ontvanger (aud) van het id-token klopt niet";
		goto out;
	}
	const char *azp = json_string_value(json_object_get(claims, "azp"));
	if (json_is_array(json_object_get(claims, "aud")) && azp && strcmp(azp, client_id) != 0) {
		why = "azp van het id-token klopt niet";
		goto out;
	}
	json_t *exp = json_object_get(claims, "exp");
	if (!json_is_number(exp) || (int64_t)json_number_value(exp) + OIDC_LEEWAY_S <= now) {
		why = "id-token is verlopen";
		goto out;
	}
	json_t *iat = json_object_get(claims, "iat");
	if (json_is_number(iat) && (int64_t)json_number_value(iat) > now + OIDC_LEEWAY_S) {
		why = "id-token is uitgegeven in de toekomst";
		goto out;
	}
	const char *tn = json_string_value(json_object_get(claims, "nonce"));
	if (!tn || !nonce || strlen(tn) != strlen(nonce) ||
	    sodium_memcmp(tn, nonce, strlen(nonce)) != 0) {
		why = "nonce van het id-token klopt niet";
		goto out;
	}
	const char *sub = json_string_value(json_object_get(claims, "sub"));
	if (!sub || !*sub || !copy_str(id->sub, sizeof id->sub, sub)) {
		why = "id-token zonder geldige sub";
		goto out;
	}
	const char *email = json_string_value(json_object_get(claims, "email"));
	const char *name = json_string_value(json_object_get(claims, "name"));
	id->email[0] = '\0';
	if (email && !copy_str(id->email, sizeof id->email, email))
		id->email[0] = '\0';
	for (char *p = id->email; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	if (!name || !utf8_is_valid(name, strlen(name)) ||
	    !copy_str(id->name, sizeof id->name, name))
		id->name[0] = '\0';
	json_t *ev = json_object_get(claims, "email_verified");
	*email_verified = ev == NULL || json_is_true(ev);
	st = OIDC_OK;
out:
	if (st != OIDC_OK) {
		log_error("oidc: %s", why);
		snprintf(err, errlen,
			 "Het inlogbewijs van uw organisatie is afgekeurd (%s). Probeer het "
			 "opnieuw of neem contact op met de beheerder.",
			 why);
	}
	json_decref(claims);
	r_jwk_free(key);
	r_jwks_free(jwks);
	r_jwt_free(jwt);
	return st;
}

/* The kid in the token's header, or "" (for deciding on a JWKS refresh). */
static bool token_kid_known(const char *id_token, const char *jwks_json)
{
	jwt_t *jwt = NULL;
	jwks_t *jwks = NULL;
	jwk_t *k = NULL;
	bool known = true;
	if (r_jwt_init(&jwt) == RHN_OK && r_jwks_init(&jwks) == RHN_OK &&
	    r_jwt_parse_unsecure(jwt, id_token, R_FLAG_IGNORE_REMOTE) == RHN_OK) {
		const char *kid = r_jwt_get_header_str_value(jwt, "kid");
		if (kid) {
			r_jwks_import_from_json_str(jwks, jwks_json);
			k = r_jwks_get_by_kid(jwks, kid);
			known = k != NULL;
		}
	}
	r_jwk_free(k);
	r_jwks_free(jwks);
	r_jwt_free(jwt);
	return known;
}

enum oidc_status oidc_finish(const char *cookie, const char *state, const char *code,
			     const char *iss_param, struct oidc_identity *id, char *err,
			     size_t errlen)
{
	struct oidc_pending p;
	char *id_token = NULL, *jwks = NULL;
	enum oidc_status st;
	memset(id, 0, sizeof *id);
	if (!cfg.enabled) {
		set_err(err, errlen, "Inloggen via uw organisatie is niet ingesteld.");
		return OIDC_BAD_REQUEST;
	}
	/* Taken (consumed) before anything else is checked: one try only. */
	st = take_pending(cookie, state, &p);
	if (st == OIDC_INTERNAL) {
		set_err(err, errlen,
			"Er ging iets mis bij het afronden van het inloggen. Probeer het later "
			"opnieuw.");
		return st;
	}
	if (st != OIDC_OK || !code || !*code) {
		sodium_memzero(&p, sizeof p);
		set_err(err, errlen,
			"Deze inlogpoging is onbekend of verlopen. Begin opnieuw met inloggen.");
		return OIDC_BAD_REQUEST;
	}
	if (iss_param && strcmp(iss_param, cfg.issuer) != 0) {
		set_err(err, errlen, "Het antwoord komt niet van de ingestelde inlogdienst.");
		st = OIDC_BAD_REQUEST;
		goto out;
	}
	if (ensure_discovery() != 0) {
		set_err(
		    err, errlen,
		    "De inlogdienst van uw organisatie is nu niet bereikbaar. Probeer het later "
		    "opnieuw.");
		st = OIDC_PROVIDER;
		goto out;
	}
	st = exchange_code(code, p.verifier, &id_token, err, errlen);
	if (st != OIDC_OK)
		goto out;
	jwks = jwks_copy(false);
	if (jwks && !token_kid_known(id_token, jwks)) { /* the provider rotated its keys */
		free(jwks);
		jwks = jwks_copy(true);
	}
	if (!jwks) {
		set_err(err, errlen,
			"De sleutels van de inlogdienst zijn niet op te halen. Probeer het later "
			"opnieuw.");
		st = OIDC_PROVIDER;
		goto out;
	}
	bool verified = false;
	st = oidc_validate_id_token(id_token, jwks, cfg.issuer, cfg.client_id, p.nonce, now_s(), id,
				    &verified, err, errlen);
	if (st != OIDC_OK)
		goto out;
	if (!id->email[0] || !strchr(id->email, '@')) {
		set_err(err, errlen,
			"Uw organisatie gaf geen e-mailadres door. Vraag uw beheerder om de scope "
			"'email' toe te staan.");
		st = OIDC_DENIED;
		goto out;
	}
	if (!verified) {
		set_err(err, errlen, "Uw e-mailadres is bij uw organisatie niet bevestigd.");
		st = OIDC_DENIED;
		goto out;
	}
	const char *org = oidc_domain_org(id->email);
	if (!org) {
		set_err(err, errlen,
			"Uw e-maildomein hoort niet bij een organisatie die in de atlas mag "
			"inloggen. Neem contact op met het programmateam.");
		st = OIDC_DENIED;
		goto out;
	}
	copy_str(id->org_code, sizeof id->org_code, org);
	copy_str(id->terug, sizeof id->terug, p.return_to);
	st = OIDC_OK;
out:
	sodium_memzero(&p, sizeof p);
	free(id_token);
	free(jwks);
	return st;
}
