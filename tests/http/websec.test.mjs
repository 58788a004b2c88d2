// websec — issue 8 item 6: the security headers on every response of every
// route in src/http/routes.c (CSP without inline script and unsafe-eval,
// nosniff, frame-ancestors 'none', Referrer-Policy); cookie flags (HttpOnly,
// SameSite, no Secure over plain HTTP, Secure with --trust-proxy and
// X-Forwarded-Proto: https); CSRF on every state-changing route (enumerated
// from the route table: ROUTE_CSRF) without and with a wrong token -> 403
// and nothing changed in the database; session fixation (the session cookie
// after login is new); error pages without paths, SQL or stack traces.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startServer, ATLAS, ROOT, freshDb, freePort, assertSecurityHeaders, sql, PG, addUser, login, TEST_PASSWORD } from './harness.mjs';

let srv;
let admin;

const ROUTES_C = readFileSync(path.join(ROOT, 'src/http/routes.c'), 'utf8');
function parseRoutes() {
  const table = ROUTES_C.slice(ROUTES_C.indexOf('routes[] = {'));
  const out = [];
  const re = /\{\s*((?:GET|HTTP_\w+)(?:\s*\|\s*(?:GET|HTTP_\w+))*)\s*,\s*"([^"]+)"\s*,\s*\w+\s*,\s*(ROUTE_\w+)\s*,([^}]*)\}/g;
  for (const m of table.matchAll(re)) {
    const rest = m[4].replace(/EDIT_FORM/, 'ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_EDITOR');
    const parts = rest.split(',').map((s) => s.trim()).filter(Boolean);
    out.push({ methods: m[1], path: m[2], kind: m[3], flags: parts[0] || '', role: parts[2] || '' });
  }
  return out;
}
const ROUTES = parseRoutes();
const FILL = { id: 'veiligheidsregio-utrecht', code: 'gm0344', '*': 'css/atlas.css', naam: 'web-beheer', deelname: '1', f: '1', z: '1', afspraak: '1' };
const fill = (p) => p.replace(/\{([^}]+)\}/g, (_, k) => FILL[k] ?? '1');

// A fingerprint of everything stored except sessions (row counts per table).
function dbState(db) {
  const tables = sql(db, PG
    ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '%session%' ORDER BY 1"
    : "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%session%' ORDER BY 1")
    .split('\n').filter(Boolean);
  assert.ok(tables.length >= 10, `tables found: ${tables}`);
  const q = tables.map((t) => `SELECT '${t}', count(*) FROM "${t}"`).join(' UNION ALL ');
  return sql(db, q);
}

before(async () => {
  srv = await startServer();
  addUser(srv.db, 'web-beheer', 'beheerder');
  addUser(srv.db, 'web-staf', 'programmateam');
  admin = await login(srv.base, 'web-beheer');
});

after(async () => {
  if (!srv) return;
  const bad = srv.stderr().split('\n').filter((l) => / 5\d\d \d+ \d+us$/.test(l));
  await srv.stop();
  assert.deepEqual(bad, [], 'responses >= 500 in the access log');
});

test('the route table was read', () => {
  assert.ok(ROUTES.length >= 60, `${ROUTES.length} routes`);
  assert.ok(ROUTES.filter((r) => /ROUTE_CSRF/.test(r.flags)).length >= 20);
});

test('security headers on every response of every route (anonymous and signed in, every method)', async () => {
  let n = 0;
  for (const r of ROUTES) {
    const p = fill(r.path);
    const methods = [];
    if (/GET/.test(r.methods)) methods.push('GET', 'HEAD');
    for (const m of ['POST', 'PUT', 'PATCH', 'DELETE']) if (r.methods.includes(`HTTP_${m}`)) methods.push(m);
    methods.push('OPTIONS');
    for (const m of methods) {
      for (const who of [null, admin]) {
        const res = await fetch(srv.base + p, { method: m, redirect: 'manual', headers: who ? { cookie: who.cookie } : {} });
        await res.arrayBuffer();
        assert.ok(res.status < 500, `${m} ${p}: ${res.status}`);
        assertSecurityHeaders(res.headers, `${m} ${p} (${who ? 'signed in' : 'anonymous'}) ${res.status}`);
        n++;
      }
    }
  }
  // error responses too
  for (const p of ['/bestaat-niet', '/samenwerkingsverbanden/bestaat-niet', '/api/v1/bestaat-niet', '/zoeken?q=' + 'x'.repeat(500), '/static/../x']) {
    const res = await fetch(srv.base + p, { redirect: 'manual' });
    await res.arrayBuffer();
    assertSecurityHeaders(res.headers, `${p} ${res.status}`);
    n++;
  }
  assert.ok(n > 200, `${n} responses checked`);
});

test('cookies: HttpOnly and SameSite, no Secure over plain HTTP', async () => {
  const all = [...admin.preCookies, ...admin.setCookies];
  assert.ok(all.length >= 2, JSON.stringify(all));
  for (const c of all) {
    assert.match(c, /;\s*HttpOnly/i, c);
    assert.match(c, /;\s*SameSite=(Lax|Strict)/i, c);
    assert.doesNotMatch(c, /;\s*Secure/i, `plain HTTP: ${c}`);
  }
  // the API sets no cookies
  const r = await fetch(srv.base + '/api/v1/samenwerkingsverbanden');
  assert.equal(r.headers.getSetCookie().length, 0);
});

test('cookies get Secure behind a trusted TLS proxy (--trust-proxy, X-Forwarded-Proto: https)', async () => {
  const { dir, db } = freshDb();
  addUser(db, 'web-proxy', 'programmateam');
  const port = await freePort();
  const proc = spawn(ATLAS, ['serve', '--db', db, '--listen', '127.0.0.1', '--port', String(port), '--trust-proxy'], { cwd: ROOT, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; i < 100; i++) {
      try { await (await fetch(base + '/api/v1/health')).arrayBuffer(); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    const s = await login(base, 'web-proxy', { headers: { 'x-forwarded-proto': 'https' } });
    for (const c of [...s.preCookies, ...s.setCookies]) assert.match(c, /;\s*Secure/i, c);
    // without the header the same server does not claim Secure
    const r = await fetch(base + '/inloggen');
    for (const c of r.headers.getSetCookie()) assert.doesNotMatch(c, /;\s*Secure/i, c);
    // HSTS only when the request came over TLS (via the proxy)
    const h = await fetch(base + '/', { headers: { 'x-forwarded-proto': 'https' } });
    assert.match(h.headers.get('strict-transport-security') || '', /max-age=\d+/);
  } finally {
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every state-changing route refuses a request without or with a wrong CSRF token (403, nothing changed)', async () => {
  const csrfRoutes = ROUTES.filter((r) => /ROUTE_CSRF/.test(r.flags) && r.methods.includes('HTTP_POST'));
  const before = dbState(srv.db);
  for (const r of csrfRoutes) {
    const p = fill(r.path);
    for (const tok of [null, 'f'.repeat(64), admin.csrf.slice(0, -1) + (admin.csrf.endsWith('0') ? '1' : '0'), '']) {
      const body = new URLSearchParams({ naam: 'Testregio CSRF', soort: 'wgr', beleidsdomeinen: 'veiligheid', rol: 'beheerder', status: 'geblokkeerd', versie: '1' });
      if (tok !== null) body.append('csrf', tok);
      const res = await fetch(srv.base + p, {
        method: 'POST', redirect: 'manual', body,
        headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      });
      await res.arrayBuffer();
      assert.equal(res.status, 403, `POST ${p} csrf=${tok}: ${res.status}`);
    }
  }
  assert.equal(dbState(srv.db), before, 'nothing changed');
  // the admin session still works (the logout POST without token did nothing)
  const res = await fetch(srv.base + '/account', { headers: { cookie: admin.cookie }, redirect: 'manual' });
  assert.equal(res.status, 200);
});

test('session fixation: a cookie set before login is not the session after login', async () => {
  // a session id chosen by an attacker
  const forged = 'atlas_sessie=' + 'a'.repeat(64);
  let r = await fetch(srv.base + '/inloggen', { headers: { cookie: forged } });
  const html = await r.text();
  const pre = (r.headers.getSetCookie() || []).map((c) => c.split(';')[0]);
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)[1];
  r = await fetch(srv.base + '/inloggen', {
    method: 'POST', redirect: 'manual',
    headers: { cookie: [forged, ...pre].join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ gebruikersnaam: 'web-staf', wachtwoord: TEST_PASSWORD, csrf, terug: '/' }),
  });
  assert.equal(r.status, 303);
  const after = r.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('atlas_sessie='));
  assert.ok(after && after !== forged, 'a new session id is issued');
  for (const c of pre) assert.notEqual(after, c);
  // the forged id is not signed in
  const acc = await fetch(srv.base + '/account', { headers: { cookie: forged }, redirect: 'manual' });
  await acc.arrayBuffer();
  assert.notEqual(acc.status, 200);
  // a second login gives yet another id
  const s2 = await login(srv.base, 'web-staf');
  assert.notEqual(s2.cookie, after);
});

test('error pages leak no file paths, SQL or stack traces', async () => {
  const LEAK = /\/work\/|\/home\/|\/tmp\/|\.c:\d+|sqlite|postgres|relation "|SELECT\s|INSERT\s|syntax error|Traceback|at [\w.<>]+ \([^)]*:\d+|segfault|0x[0-9a-f]{8,}/i;
  const cases = [
    ['GET', '/bestaat-niet'], ['GET', '/samenwerkingsverbanden/%27%20OR%201=1--'], ['GET', '/api/v1/samenwerkingsverbanden?pagina=abc'],
    ['GET', '/api/v1/organisaties/%27%3B--'], ['DELETE', '/'], ['PUT', '/zoeken'], ['GET', '/samenwerkingsverbanden?beleidsdomein=%27'],
    ['GET', '/static/../../etc/passwd'], ['GET', '/zoeken?q=' + 'x'.repeat(5000)],
  ];
  const seen = new Set();
  for (const [m, p] of cases) {
    for (const h of [{}, { accept: 'application/json' }]) {
      const res = await fetch(srv.base + p, { method: m, headers: h, redirect: 'manual' });
      const t = await res.text();
      seen.add(res.status);
      assert.doesNotMatch(t, LEAK, `${m} ${p}: ${t.slice(0, 300)}`);
    }
  }
  // 413 and a malformed JSON body
  const big = await srv.raw([
    'POST /api/v1/samenwerkingsverbanden HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer x\r\n' +
      `Content-Length: ${2 * 1024 * 1024}\r\nConnection: close\r\n\r\n`,
    Buffer.alloc(2 * 1024 * 1024, 'x'),
  ], { timeoutMs: 10000, pauseAfterHeadMs: 300 });
  assert.equal(big.status, 413);
  seen.add(big.status);
  assert.doesNotMatch(big.text, LEAK);
  for (const s of [400, 404, 405]) assert.ok(seen.has(s), `no ${s} seen: ${[...seen]}`);
});
