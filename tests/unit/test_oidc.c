/*
 * test_oidc — id_token validation (http/oidc.c) with tokens signed here by
 * librhonabwy using freshly generated keys: a good token passes; a wrong
 * nonce, audience, issuer, an expired token, a token signed by another key,
 * an unsigned ("none") or HMAC token, and a tampered payload are refused.
 * Also the configuration parser and the e-mail domain map.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <jansson.h>
#include <rhonabwy.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../src/http/oidc.h"

#define ISS "http://127.0.0.1:9/oidc"
#define AUD "atlas-test"
#define NONCE "n-0123456789"

static jwk_t *priv, *pub, *other_priv, *other_pub;
static char *jwks_json;

static int setup(void **state)
{
	(void)state;
	if (sodium_init() < 0)
		return -1;
	r_jwk_init(&priv);
	r_jwk_init(&pub);
	r_jwk_init(&other_priv);
	r_jwk_init(&other_pub);
	if (r_jwk_generate_key_pair(priv, pub, R_KEY_TYPE_RSA, 2048, "k1") != RHN_OK ||
	    r_jwk_generate_key_pair(other_priv, other_pub, R_KEY_TYPE_RSA, 2048, "k1") != RHN_OK)
		return -1;
	jwks_t *jwks;
	r_jwks_init(&jwks);
	r_jwks_append_jwk(jwks, pub);
	char *s = r_jwks_export_to_json_str(jwks, 0);
	jwks_json = strdup(s);
	r_free(s);
	r_jwks_free(jwks);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	r_jwk_free(priv);
	r_jwk_free(pub);
	r_jwk_free(other_priv);
	r_jwk_free(other_pub);
	free(jwks_json);
	return 0;
}

/* A signed token with the given claims (a JSON object text). */
static char *sign(jwk_t *key, const char *claims)
{
	jwt_t *jwt;
	r_jwt_init(&jwt);
	r_jwt_set_sign_alg(jwt, R_JWA_ALG_RS256);
	r_jwt_set_header_str_value(jwt, "kid", "k1");
	assert_int_equal(r_jwt_set_full_claims_json_str(jwt, claims), RHN_OK);
	char *t = r_jwt_serialize_signed(jwt, key, 0);
	assert_non_null(t);
	char *copy = strdup(t);
	r_free(t);
	r_jwt_free(jwt);
	return copy;
}

static char *claims(const char *iss, const char *aud, long exp, const char *nonce,
		    const char *email)
{
	char *c;
	assert_true(asprintf(&c,
			     "{\"iss\":\"%s\",\"aud\":%s,\"sub\":\"u1\",\"exp\":%ld,\"iat\":%ld,"
			     "\"nonce\":\"%s\",\"email\":\"%s\",\"name\":\"Jan Test\"}",
			     iss, aud, exp, (long)time(NULL) - 5, nonce, email) > 0);
	return c;
}

static enum oidc_status check(const char *token)
{
	struct oidc_identity id;
	bool verified = false;
	char err[512];
	memset(&id, 0, sizeof id);
	return oidc_validate_id_token(token, jwks_json, ISS, AUD, NONCE, (int64_t)time(NULL), &id,
				      &verified, err, sizeof err);
}

static void expect(jwk_t *key, const char *iss, const char *aud, long exp, const char *nonce,
		   enum oidc_status want)
{
	char *c = claims(iss, aud, exp, nonce, "Jan@Testdorp.Example");
	char *t = sign(key, c);
	assert_int_equal(check(t), want);
	free(t);
	free(c);
}

static void test_good_token(void **state)
{
	(void)state;
	long later = (long)time(NULL) + 300;
	char *c = claims(ISS, "\"" AUD "\"", later, NONCE, "Jan@Testdorp.Example");
	char *t = sign(priv, c);
	struct oidc_identity id;
	bool verified = false;
	char err[512];
	assert_int_equal(oidc_validate_id_token(t, jwks_json, ISS, AUD, NONCE, (int64_t)time(NULL),
						&id, &verified, err, sizeof err),
			 OIDC_OK);
	assert_string_equal(id.email, "jan@testdorp.example");
	assert_string_equal(id.name, "Jan Test");
	assert_string_equal(id.sub, "u1");
	assert_true(verified);
	free(t);
	free(c);
	/* aud as an array containing the client */
	expect(priv, ISS, "[\"other\",\"" AUD "\"]", later, NONCE, OIDC_OK);
}

static void test_bad_claims(void **state)
{
	(void)state;
	long later = (long)time(NULL) + 300;
	expect(priv, ISS, "\"" AUD "\"", later, "n-wrong-nonce", OIDC_PROVIDER);
	expect(priv, ISS, "\"" AUD "\"", later, "", OIDC_PROVIDER);
	expect(priv, ISS, "\"someone-else\"", later, NONCE, OIDC_PROVIDER);
	expect(priv, ISS, "[\"someone-else\"]", later, NONCE, OIDC_PROVIDER);
	expect(priv, "http://127.0.0.1:9/evil", "\"" AUD "\"", later, NONCE, OIDC_PROVIDER);
	expect(priv, ISS, "\"" AUD "\"", (long)time(NULL) - 120, NONCE, OIDC_PROVIDER);
	/* within the leeway still accepted */
	expect(priv, ISS, "\"" AUD "\"", (long)time(NULL) - 10, NONCE, OIDC_OK);
}

static void test_bad_signatures(void **state)
{
	(void)state;
	long later = (long)time(NULL) + 300;
	/* same kid, different key */
	expect(other_priv, ISS, "\"" AUD "\"", later, NONCE, OIDC_PROVIDER);

	/* tampered payload: swap the payload of a good token */
	char *c1 = claims(ISS, "\"" AUD "\"", later, NONCE, "jan@testdorp.example");
	char *c2 = claims(ISS, "\"" AUD "\"", later, NONCE, "boss@testdorp.example");
	char *t1 = sign(priv, c1), *t2 = sign(priv, c2);
	char *d1 = strchr(t1, '.'), *d2 = strchr(t2, '.');
	char forged[8192];
	snprintf(forged, sizeof forged, "%.*s%.*s%s", (int)(d1 - t1), t1,
		 (int)(strrchr(t2, '.') - d2), d2, strrchr(t1, '.'));
	assert_int_equal(check(forged), OIDC_PROVIDER);

	/* alg none */
	const char *hdr = "{\"alg\":\"none\",\"kid\":\"k1\"}";
	char h64[128], p64[1024], none[2048];
	sodium_bin2base64(h64, sizeof h64, (const unsigned char *)hdr, strlen(hdr),
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_bin2base64(p64, sizeof p64, (const unsigned char *)c1, strlen(c1),
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	snprintf(none, sizeof none, "%s.%s.", h64, p64);
	assert_int_equal(check(none), OIDC_PROVIDER);

	/* HMAC with a key the attacker chose */
	jwk_t *hk;
	jwt_t *jwt;
	r_jwk_init(&hk);
	r_jwk_import_from_symmetric_key(
	    hk, (const unsigned char *)"0123456789abcdef0123456789abcdef", 32);
	r_jwt_init(&jwt);
	r_jwt_set_sign_alg(jwt, R_JWA_ALG_HS256);
	r_jwt_set_header_str_value(jwt, "kid", "k1");
	r_jwt_set_full_claims_json_str(jwt, c1);
	char *hs = r_jwt_serialize_signed(jwt, hk, 0);
	assert_non_null(hs);
	assert_int_equal(check(hs), OIDC_PROVIDER);
	r_free(hs);
	r_jwt_free(jwt);
	r_jwk_free(hk);

	/* garbage */
	assert_int_equal(check("not-a-token"), OIDC_PROVIDER);
	assert_int_equal(check(""), OIDC_PROVIDER);
	free(t1);
	free(t2);
	free(c1);
	free(c2);
}

static void test_config(void **state)
{
	(void)state;
	char err[256];
	assert_int_not_equal(oidc_configure_json("{", err, sizeof err), 0);
	assert_int_not_equal(
	    oidc_configure_json("{\"issuer\":\"http://idp.example\",\"clientId\":\"a\","
				"\"clientSecret\":\"b\",\"redirectUri\":\"http://127.0.0.1/x\","
				"\"domeinen\":{\"testdorp.example\":\"gm9999\"}}",
				err, sizeof err),
	    0); /* plain http only to loopback */
	assert_false(oidc_enabled());
	assert_int_equal(oidc_configure_json(
			     "{\"issuer\":\"https://idp.example\",\"clientId\":\"a\","
			     "\"clientSecret\":\"b\",\"redirectUri\":\"http://127.0.0.1:8114/x\","
			     "\"domeinen\":{\"Testdorp.Example\":\"gm9999\",\"ws.example\":"
			     "\"ws0001\"}}",
			     err, sizeof err),
			 0);
	assert_true(oidc_enabled());
	assert_string_equal(oidc_domain_org("jan@testdorp.example"), "gm9999");
	assert_string_equal(oidc_domain_org("JAN@TESTDORP.EXAMPLE"), "gm9999");
	assert_string_equal(oidc_domain_org("a@ws.example"), "ws0001");
	assert_null(oidc_domain_org("jan@evil.example"));
	assert_null(oidc_domain_org("jan@sub.testdorp.example"));
	assert_null(oidc_domain_org("testdorp.example"));
	assert_null(oidc_domain_org(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_good_token),
	    cmocka_unit_test(test_bad_claims),
	    cmocka_unit_test(test_bad_signatures),
	    cmocka_unit_test(test_config),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
