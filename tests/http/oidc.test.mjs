// oidc — sign-in with OpenID Connect against a real local provider
// (tests/oidc/provider.mjs: npm oidc-provider 8.8.1 on 127.0.0.1). The whole
// authorization code + PKCE flow is driven with fetch and a small cookie
// jar per origin, following redirects by hand:
//   /inloggen/oidc → provider /auth → login form → consent form → provider
//   → /inloggen/oidc/terug?code&state&iss → 303 + atlas_sessie → /account
// and the refusals: unknown/wrong state (400), replay of a used callback
// (400), a domain not in the configuration (403), an unverified e-mail
// (403), a provider that refuses (403), a provider that is down (502).
// The pending sign-ins live in the database (issue 7): a sign-in started on
// one `atlas serve` process is finished by a second process on the same
// database, as behind a load balancer without sticky sessions.
// The id_token checks themselves (signature, iss, aud, exp, nonce, alg) are
// unit-tested with self-signed tokens in tests/unit/test_oidc.c.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ATLAS, ROOT, freshDb, freePort, atlas, sql, HAVE_SQL_CLI } from './harness.mjs';
import { startProvider } from '../oidc/provider.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let prov, srv, base, dir, db, cfgPath, providerPort;
let out = '';
let err = '';

async function startAtlas(port, configPath) {
  const proc = spawn(ATLAS, ['serve', '--db', db, '--listen', '127.0.0.1', '--port', String(port),
    '--oidc-config', configPath], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout.setEncoding('utf8');
  proc.stderr.setEncoding('utf8');
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (err += d));
  const b = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (proc.exitCode !== null) break;
    try {
      const r = await fetch(b + '/over', { signal: AbortSignal.timeout(1000) });
      await r.arrayBuffer();
      return { proc, base: b };
    } catch {
      await sleep(100);
    }
  }
  proc.kill('SIGKILL');
  throw new Error(`atlas did not start\n${out}\n${err}`);
}

before(async () => {
  ({ dir, db } = freshDb());
  const atlasPort = await freePort();
  providerPort = await freePort();
  const redirectUri = `http://127.0.0.1:${atlasPort}/inloggen/oidc/terug`;
  const clientSecret = randomBytes(24).toString('hex');
  prov = await startProvider({ port: providerPort, redirectUri, clientId: 'atlas-test', clientSecret });
  cfgPath = path.join(dir, 'oidc.json');
  writeFileSync(cfgPath, JSON.stringify({
    issuer: prov.issuer, clientId: 'atlas-test', clientSecret, redirectUri,
    domeinen: { 'testdorp.example': 'gm0344' },
  }));
  srv = await startAtlas(atlasPort, cfgPath);
  base = srv.base;
});

after(async () => {
  if (srv) {
    srv.proc.kill('SIGTERM');
    const code = await new Promise((r) =>
      srv.proc.exitCode !== null ? r(srv.proc.exitCode) : srv.proc.on('exit', (c) => r(c)));
    assert.equal(code, 0, `atlas exit after SIGTERM\nstderr tail:\n${err.slice(-3000)}`);
  }
  if (prov) await prov.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// A browser in miniature: cookies per origin (name → value, Max-Age=0 deletes).
function browser() {
  const jars = new Map();
  const jar = (u) => {
    const o = new URL(u).origin;
    if (!jars.has(o)) jars.set(o, new Map());
    return jars.get(o);
  };
  async function request(url, init = {}) {
    const j = jar(url);
    const headers = { ...(init.headers || {}) };
    if (j.size) headers.cookie = [...j].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '') j.delete(name);
      else j.set(name, value);
    }
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, url, setCookies: res.headers.getSetCookie() };
  }
  // Follow redirects by hand until one leads to stopAt (a URL prefix) or a non-redirect.
  async function follow(url, stopAt) {
    let r = await request(url);
    for (let i = 0; i < 10 && r.status >= 300 && r.status < 400; i++) {
      const next = new URL(r.headers.get('location'), r.url).href;
      if (stopAt && next.startsWith(stopAt)) return { ...r, next };
      r = await request(next);
    }
    return r;
  }
  return { request, follow, jar };
}

// Submit the single <form> of a provider interaction page with fields.
async function submitForm(b, page, fields) {
  const m = page.text.match(/<form[^>]*action="([^"]+)"/);
  assert.ok(m, `no form on provider page: ${page.text.slice(0, 300)}`);
  const action = new URL(m[1].replace(/&amp;/g, '&'), page.url).href;
  return b.request(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

// Drive the flow up to the redirect back to the atlas; returns {b, callback}.
async function toCallback(login, terug = '/account') {
  const b = browser();
  const start = await b.request(`${base}/inloggen/oidc?terug=${encodeURIComponent(terug)}`);
  assert.equal(start.status, 303);
  const loc = new URL(start.headers.get('location'));
  assert.equal(loc.origin, prov.issuer);
  const q = loc.searchParams;
  assert.equal(q.get('response_type'), 'code');
  assert.equal(q.get('client_id'), 'atlas-test');
  assert.equal(q.get('scope'), 'openid email profile');
  assert.equal(q.get('code_challenge_method'), 'S256');
  assert.match(q.get('code_challenge'), /^[A-Za-z0-9_-]{43}$/);
  assert.match(q.get('state'), /^[A-Za-z0-9_-]{43}$/);
  assert.match(q.get('nonce'), /^[A-Za-z0-9_-]{43}$/);
  const ck = start.setCookies.find((c) => c.startsWith('atlas_oidc='));
  assert.ok(ck, 'pending sign-in cookie set');
  assert.match(ck, /HttpOnly/);
  assert.match(ck, /SameSite=Lax/);
  assert.match(ck, /Path=\/inloggen\/oidc/);

  const back = `${base}/inloggen/oidc/terug`;
  let page = await b.follow(loc.href, back);
  for (let step = 0; step < 4 && !page.next; step++) {
    assert.equal(page.status, 200, `provider page: ${page.text.slice(0, 300)}`);
    let r;
    if (/name="login"/.test(page.text)) r = await submitForm(b, page, { prompt: 'login', login, password: 'x' });
    else r = await submitForm(b, page, { prompt: 'consent' });
    assert.ok(r.status >= 300 && r.status < 400, `provider submit: ${r.status}`);
    page = await b.follow(new URL(r.headers.get('location'), r.url).href, back);
  }
  assert.ok(page.next, 'provider redirected back to the atlas');
  return { b, callback: page.next, state: q.get('state') };
}

test('sign-in with the organisation: code + PKCE → session → /account', async () => {
  const { b, callback, state } = await toCallback('jan');
  const cb = new URL(callback);
  assert.ok(cb.searchParams.get('code'));
  assert.equal(cb.searchParams.get('state'), state);
  const r = await b.request(callback);
  assert.equal(r.status, 303, r.text.slice(0, 500));
  assert.equal(r.headers.get('location'), '/account');
  const sess = r.setCookies.find((c) => c.startsWith('atlas_sessie='));
  assert.ok(sess, 'session cookie set');
  assert.match(sess, /HttpOnly/);
  assert.ok(r.setCookies.some((c) => /^atlas_oidc=;.*Max-Age=0/.test(c)), 'pending cookie cleared');
  const acc = await b.request(`${base}/account`);
  assert.equal(acc.status, 200);
  assert.match(acc.text, /Jan Testpersoon|jan@testdorp\.example/);
  assert.match(acc.text, /Redacteur partnerorganisatie/);
  assert.match(acc.text, /href="\/organisaties\/\/?gm0344"/); // (account.c currently doubles the slash)

  // just-in-time account: redacteur of the configured organisation
  const list = atlas(['user', 'list', '--db', db]);
  assert.equal(list.status, 0, list.stderr);
  const line = list.stdout.split('\n').find((l) => l.includes('jan@testdorp.example'));
  assert.ok(line, list.stdout);
  assert.match(line, /redacteur/);
  assert.match(line, /gm0344/);

  // replaying the same callback (same code, same state, same cookie) fails
  const again = await b.request(callback);
  assert.equal(again.status, 400);
  assert.match(again.text, /onbekend of verlopen/);
  assert.ok(!again.setCookies.some((c) => c.startsWith('atlas_sessie=') && !/Max-Age=0/.test(c)));

  // a second sign-in reuses the account (no duplicate)
  const second = await toCallback('jan', '/');
  const r2 = await second.b.request(second.callback);
  assert.equal(r2.status, 303);
  assert.equal(r2.headers.get('location'), '/');
});

test('a wrong state is refused with 400 and the attempt is spent', async () => {
  const { b, callback } = await toCallback('jan');
  const bad = new URL(callback);
  bad.searchParams.set('state', 'x'.repeat(43));
  const r = await b.request(bad.href);
  assert.equal(r.status, 400);
  assert.match(r.headers.get('content-type'), /text\/html/);
  assert.match(r.text, /Deze inlogpoging is onbekend of verlopen/);
  // the right state afterwards does not work either: one try per attempt
  const r2 = await b.request(callback);
  assert.equal(r2.status, 400);
});

test('a callback without the pending cookie (another browser) is refused', async () => {
  const { callback } = await toCallback('jan');
  const other = browser();
  const r = await other.request(callback);
  assert.equal(r.status, 400);
});

test('a code replayed into a new attempt is refused by the provider', async () => {
  const first = await toCallback('jan');
  const ok = await first.b.request(first.callback);
  assert.equal(ok.status, 303);
  // a fresh attempt (new cookie + state), but the old, used code
  const second = await toCallback('jan');
  const forged = new URL(second.callback);
  forged.searchParams.set('code', new URL(first.callback).searchParams.get('code'));
  const r = await second.b.request(forged.href);
  assert.equal(r.status, 400);
  assert.match(r.text, /ongeldig, verlopen of al gebruikt/);
});

test('an e-mail domain that is not configured gets 403 with a Dutch message', async () => {
  const { b, callback } = await toCallback('kees');
  const r = await b.request(callback);
  assert.equal(r.status, 403);
  assert.match(r.text, /e-maildomein hoort niet bij een organisatie/);
  assert.ok(!r.setCookies.some((c) => c.startsWith('atlas_sessie=')));
  const list = atlas(['user', 'list', '--db', db]);
  assert.ok(!list.stdout.includes('kees@elders.example'));
});

test('an unverified e-mail address gets 403', async () => {
  const { b, callback } = await toCallback('els');
  const r = await b.request(callback);
  assert.equal(r.status, 403);
  assert.match(r.text, /niet bevestigd/);
});

const pendingRows = () => Number(sql(db, 'SELECT count(*) FROM oidc_pending'));

test('the provider refusing (error=access_denied) gets 403, a missing code 400', async () => {
  const b = browser();
  const n0 = HAVE_SQL_CLI ? pendingRows() : 0;
  const start = await b.request(`${base}/inloggen/oidc`);
  const state = new URL(start.headers.get('location')).searchParams.get('state');
  if (HAVE_SQL_CLI) assert.equal(pendingRows(), n0 + 1, 'the attempt is kept in the database');
  const r = await b.request(`${base}/inloggen/oidc/terug?error=access_denied&state=${state}`);
  assert.equal(r.status, 403);
  assert.match(r.text, /afgebroken of geweigerd/);
  if (HAVE_SQL_CLI) assert.equal(pendingRows(), n0, 'the refused attempt is consumed');
  const r2 = await b.request(`${base}/inloggen/oidc/terug?state=${state}`);
  assert.equal(r2.status, 400);
});

test('terug= only takes local paths', async () => {
  for (const t of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
    const { b, callback } = await toCallback('jan', t);
    const r = await b.request(callback);
    assert.equal(r.status, 303);
    // an unsafe target is dropped: the editor lands on the work list
    assert.equal(r.headers.get('location'), '/mijn-organisatie');
  }
});

test('a disabled account is refused with 403', async () => {
  const d = atlas(['user', 'disable', 'jan@testdorp.example', '--db', db]);
  assert.equal(d.status, 0, d.stderr);
  try {
    const { b, callback } = await toCallback('jan');
    const r = await b.request(callback);
    assert.equal(r.status, 403);
    assert.match(r.text, /uitgeschakeld/);
    assert.ok(!r.setCookies.some((c) => c.startsWith('atlas_sessie=')));
  } finally {
    atlas(['user', 'enable', 'jan@testdorp.example', '--db', db]);
  }
});

test('a sign-in started on one instance finishes on another (shared database)', async () => {
  // Behind a load balancer both processes have one origin and one redirect
  // URI; here the second one has its own port, so the callback the provider
  // sent to the first is delivered to the second with the browser's cookies.
  const other = await startAtlas(await freePort(), cfgPath);
  try {
    const { b, callback } = await toCallback('jan', '/over');
    const cb = new URL(callback);
    const onOther = `${other.base}${cb.pathname}${cb.search}`;
    const jarA = b.jar(base);
    const jarB = b.jar(other.base);
    assert.ok(jarA.get('atlas_oidc'), 'pending cookie from the first instance');
    for (const [k, v] of jarA) jarB.set(k, v);
    const r = await b.request(onOther);
    assert.equal(r.status, 303, r.text.slice(0, 500));
    assert.equal(r.headers.get('location'), '/over');
    assert.ok(r.setCookies.some((c) => c.startsWith('atlas_sessie=') && !/Max-Age=0/.test(c)),
      'session cookie set by the second instance');
    // the session is valid on both instances (sessions live in the database)
    const acc = await b.request(`${other.base}/account`);
    assert.equal(acc.status, 200);
    assert.match(acc.text, /jan@testdorp\.example|Jan Testpersoon/);
    jarA.set('atlas_sessie', jarB.get('atlas_sessie'));
    const accA = await b.request(`${base}/account`);
    assert.equal(accA.status, 200);
    // one try only, across instances: the first instance (which started the
    // attempt, and still gets the pending cookie) refuses the same callback
    const again = await b.request(callback);
    assert.equal(again.status, 400);
    assert.match(again.text, /onbekend of verlopen/);
  } finally {
    other.proc.kill('SIGTERM');
    const code = await new Promise((r) =>
      other.proc.exitCode !== null ? r(other.proc.exitCode) : other.proc.on('exit', (c) => r(c)));
    assert.equal(code, 0, `second atlas exit after SIGTERM\nstderr tail:\n${err.slice(-3000)}`);
  }
});

test('a provider that is down gives 502, not 500', async () => {
  const b = browser();
  const start = await b.request(`${base}/inloggen/oidc`);
  assert.equal(start.status, 303);
  const state = new URL(start.headers.get('location')).searchParams.get('state');
  await prov.close();
  prov = null;
  const r = await b.request(`${base}/inloggen/oidc/terug?code=abc&state=${state}`);
  assert.equal(r.status, 502);
  assert.match(r.text, /geen geldig antwoord|niet bereikbaar/);
});
