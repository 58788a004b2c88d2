// provider — a real local OpenID Connect provider (npm oidc-provider 8.8.1)
// for the sign-in tests and for trying OIDC by hand. One confidential
// client (client_secret_basic, authorization code + PKCE S256 required),
// development interactions (a plain login form that accepts any password
// and a consent form), and fictional in-memory accounts:
//   jan   jan@testdorp.example    (email_verified true)
//   kees  kees@elders.example     (a domain the atlas does not allow)
//   els   els@testdorp.example    (email_verified false)
// Only ever listens on 127.0.0.1. Not for production use.
//
// As a module: startProvider({ port, redirectUri, clientId, clientSecret })
// resolves with { issuer, close() }.
// By hand: node tests/oidc/provider.mjs --port 8115 --redirect
//   http://127.0.0.1:8114/inloggen/oidc/terug   (prints a config for
//   `atlas serve --oidc-config`; client secret from $OIDC_SECRET or random)

import Provider from 'oidc-provider';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export const ACCOUNTS = {
  jan: { email: 'jan@testdorp.example', email_verified: true, name: 'Jan Testpersoon' },
  kees: { email: 'kees@elders.example', email_verified: true, name: 'Kees Elders' },
  els: { email: 'els@testdorp.example', email_verified: false, name: 'Els Onbevestigd' },
};

export async function startProvider({ port, redirectUri, clientId = 'atlas-test', clientSecret }) {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { methods: ['S256'], required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Put the requested user claims into the id_token (many organisation
    // providers do); the atlas reads the e-mail from the id_token.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    findAccount: async (ctx, id) => {
      const a = ACCOUNTS[id];
      if (!a) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...a }) };
    },
  });
  // Quiet: oidc-provider logs development warnings to the console.
  provider.on('server_error', (ctx, err) => console.error('provider error:', err));
  const server = await new Promise((resolve, reject) => {
    const s = provider.listen(port, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });
  return {
    issuer,
    provider,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const port = Number(arg('--port', '8115'));
  const redirectUri = arg('--redirect', 'http://127.0.0.1:8114/inloggen/oidc/terug');
  const clientSecret = process.env.OIDC_SECRET || randomBytes(24).toString('hex');
  const p = await startProvider({ port, redirectUri, clientSecret });
  console.log(JSON.stringify({ issuer: p.issuer, clientId: 'atlas-test', clientSecret, redirectUri,
    domeinen: { 'testdorp.example': 'gm9999' } }, null, 2));
}
