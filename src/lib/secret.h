/*
 * secret — random secrets and their digests (libsodium): the one place
 * that makes session ids, CSRF tokens, OIDC state and API tokens, and the
 * one digest under which they are stored. Stores and compares nothing.
 */
#ifndef ATLAS_LIB_SECRET_H
#define ATLAS_LIB_SECRET_H

/* A new random token: 32 bytes as URL-safe base64 without padding
 * (43 characters) into out[44]. */
void secret_random_token(char out[44]);

/* The hex BLAKE2b-256 digest of the NUL-terminated secret into out[65]. */
void secret_digest(const char *secret, char out[65]);

#endif
