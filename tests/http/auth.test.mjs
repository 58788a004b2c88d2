// auth — sign-in, sign-out, sessions, rate limiting, CSRF on the login and
// logout forms, open redirects through terug=, disabled users, the user
// administration pages and personal API tokens. Users are created with the
// CLI (`atlas user add ... --wachtwoord-stdin`), fictional names only.
// Every new page is checked with the Nu HTML Checker at the end.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, ATLAS, ROOT, addUser } from './harness.mjs';
import { vnuValidate } from './vnu.mjs';

const PW = 'correct-paard-batterij-nietje';
let srv;
const saved = []; // [name, html] validated with vnu at the end

// Run `atlas user ...` on the server's database; password (if any) on stdin.
function cli(db, args, input) {
  const r = spawnSync(ATLAS, ['user', ...args, '--db', db], {
    cwd: ROOT,
    encoding: 'utf8',
    input: input ?? '',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return r;
}

// The cookies a response sets, as {name: {value, attrs (lower-case string)}}.
function setCookies(res) {
  const out = {};
  for (const c of res.headers.getSetCookie()) {
    const [pair, ...attrs] = c.split(';');
    const i = pair.indexOf('=');
    out[pair.slice(0, i).trim()] = { value: pair.slice(i + 1), attrs: attrs.map((a) => a.trim().toLowerCase()), raw: c };
  }
  return out;
}

const hidden = (html, name) => {
  const m = html.match(new RegExp(`name="${name}" value="([^"]*)"`));
  return m ? m[1].replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>') : null;
};

async function req(s, p, { method = 'GET', cookie, form, headers = {} } = {}) {
  const h = { ...headers };
  if (cookie) h.cookie = cookie;
  let body;
  if (form) {
    h['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(form).toString();
  }
  const res = await fetch(s.base + p, { method, headers: h, body, redirect: 'manual' });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, res };
}

// GET /inloggen: the pre-login cookie and the token in the form.
async function loginForm(s, terug) {
  const r = await req(s, '/inloggen' + (terug !== undefined ? '?terug=' + encodeURIComponent(terug) : ''));
  assert.equal(r.status, 200);
  const c = setCookies(r.res).atlas_login;
  assert.ok(c, 'GET /inloggen sets atlas_login');
  return { cookie: `atlas_login=${c.value}`, token: hidden(r.text, 'csrf'), terug: hidden(r.text, 'terug'), r };
}

// Sign in; returns the response plus the session cookie header value.
async function login(s, user, pw = PW, terug) {
  const f = await loginForm(s);
  const form = { csrf: f.token, gebruikersnaam: user, wachtwoord: pw };
  if (terug !== undefined) form.terug = terug;
  const r = await req(s, '/inloggen', { method: 'POST', cookie: f.cookie, form });
  const sc = setCookies(r.res).atlas_sessie;
  return { ...r, session: sc ? `atlas_sessie=${sc.value}` : null, sessionCookie: sc };
}

// The session's CSRF token (from the logout form in the header).
async function sessionCsrf(s, cookie) {
  const r = await req(s, '/account', { cookie });
  assert.equal(r.status, 200, 'signed in: /account answers 200');
  return { csrf: hidden(r.text, 'csrf'), html: r.text };
}

before(async () => {
  srv = await startServer();
  addUser(srv.db, 'testbeheerder', 'beheerder', { password: PW, display: 'Bea Testbeheer' });
  addUser(srv.db, 'testredacteur', 'redacteur', { org: 'gm0344', password: PW, display: 'Rik Testdorp' });
  addUser(srv.db, 'teststaf', 'programmateam', { password: PW });
});
after(async () => {
  await srv?.stop();
});

test('GET /inloggen: form with a pre-login token in a short-lived HttpOnly cookie', async () => {
  const f = await loginForm(srv);
  const c = setCookies(f.r.res).atlas_login;
  assert.match(c.value, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(f.token, c.value, 'hidden csrf field equals the cookie');
  assert.ok(c.attrs.includes('httponly'));
  assert.ok(c.attrs.includes('samesite=strict'));
  assert.ok(c.attrs.includes('path=/inloggen'));
  assert.ok(c.attrs.some((a) => /^max-age=\d+$/.test(a)));
  assert.equal(f.r.headers.get('cache-control'), 'no-store');
  assert.match(f.r.text, /<label class="utrecht-form-label" for="f-gebruikersnaam">Gebruikersnaam<\/label>/);
  assert.match(f.r.text, /autocomplete="current-password"/);
  assert.match(f.r.text, /href="\/inloggen"[^>]*>|Inloggen/);
  saved.push(['inloggen', f.r.text]);
});

test('login succeeds: 303 to terug, session cookie flags, header shows the user', async () => {
  const r = await login(srv, 'TestRedacteur', PW, '/organisaties?status=alle');
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), '/organisaties?status=alle');
  const c = r.sessionCookie;
  assert.ok(c, 'atlas_sessie set');
  assert.match(c.value, /^[A-Za-z0-9_-]{43}$/, '256-bit random id');
  assert.ok(c.attrs.includes('httponly'));
  assert.ok(c.attrs.includes('samesite=lax'));
  assert.ok(c.attrs.includes('path=/'));
  assert.ok(!c.attrs.includes('secure'), 'no Secure over plain http without a trusted proxy');
  assert.ok(setCookies(r.res).atlas_login.attrs.includes('max-age=0'), 'pre-login cookie cleared');
  assert.equal(r.headers.get('cache-control'), 'no-store');

  const home = await req(srv, '/', { cookie: r.session });
  assert.equal(home.status, 200);
  assert.match(home.text, /Ingelogd als <\/span><a [^>]*href="\/account">Rik Testdorp<\/a>/);
  assert.match(home.text, /<form class="atlas-header__logout" method="post" action="\/uitloggen">/);
  assert.equal(home.headers.get('etag'), null, 'personalised page carries no ETag');
  const anon = await req(srv, '/organisaties');
  assert.match(anon.text, /href="\/inloggen\?terug=%2Forganisaties">Inloggen</);
  assert.doesNotMatch(anon.text, /Uitloggen/);
});

test('a new session id at every login (no fixation)', async () => {
  const a = await login(srv, 'testredacteur');
  const f = await loginForm(srv);
  const b = await req(srv, '/inloggen', {
    method: 'POST',
    cookie: `${f.cookie}; ${a.session}`,
    form: { csrf: f.token, gebruikersnaam: 'testredacteur', wachtwoord: PW },
  });
  // signed in already: GET /inloggen just redirects; the POST starts a fresh session
  assert.equal(b.status, 303);
  const nb = setCookies(b.res).atlas_sessie;
  assert.ok(nb && nb.value !== a.session.split('=')[1]);
  const old = await req(srv, '/account', { cookie: a.session });
  assert.equal(old.status, 303, 'the previous session of that browser is gone');
});

test('failed login: generic message, same answer for unknown account and wrong password', async () => {
  const wrong = await login(srv, 'teststaf', 'verkeerd-wachtwoord-123');
  const unknown = await login(srv, 'bestaat-niet-testdorp', 'verkeerd-wachtwoord-123');
  for (const r of [wrong, unknown]) {
    assert.equal(r.status, 400);
    assert.equal(r.session, null, 'no session cookie');
    assert.match(r.text, /Gebruikersnaam of wachtwoord onjuist\./);
    assert.match(r.text, /href="#f-gebruikersnaam"/, 'error summary links to the field');
    assert.doesNotMatch(r.text, /bestaat niet|onbekend account|geblokkeerd/i);
  }
  const strip = (t) => t.replace(/value="[^"]*"/g, '');
  assert.equal(strip(wrong.text), strip(unknown.text), 'identical pages apart from kept input');
  saved.push(['inloggen-fout', wrong.text]);

  const empty = await login(srv, '', '');
  assert.equal(empty.status, 400);
  assert.match(empty.text, /Vul uw gebruikersnaam in\./);
  assert.match(empty.text, /aria-invalid="true"/);
  saved.push(['inloggen-leeg', empty.text]);
});

test('CSRF on the login form: missing or wrong token → 403 and no attempt counted', async () => {
  addUser(srv.db, 'csrf-testdorp', 'redacteur', { org: 'gm0344', password: PW });
  const f = await loginForm(srv);
  const cases = [
    { cookie: f.cookie, form: { gebruikersnaam: 'csrf-testdorp', wachtwoord: 'fout-fout-fout-1' } },
    { cookie: f.cookie, form: { csrf: 'x'.repeat(43), gebruikersnaam: 'csrf-testdorp', wachtwoord: 'fout-fout-fout-1' } },
    { cookie: undefined, form: { csrf: f.token, gebruikersnaam: 'csrf-testdorp', wachtwoord: 'fout-fout-fout-1' } },
    { cookie: 'atlas_login=' + 'y'.repeat(43), form: { csrf: f.token, gebruikersnaam: 'csrf-testdorp', wachtwoord: 'fout-fout-fout-1' } },
  ];
  for (let i = 0; i < 2; i++)
    for (const c of cases) {
      const r = await req(srv, '/inloggen', { method: 'POST', ...c });
      assert.equal(r.status, 403);
      assert.equal(setCookies(r.res).atlas_sessie, undefined);
    }
  // eight rejected posts counted nothing: the account is not locked
  const ok = await login(srv, 'csrf-testdorp');
  assert.equal(ok.status, 303);
});

test('open redirect attempts through terug= all land on a local path', async () => {
  const attempts = ['//evil.example', 'https://evil.example', '/\\evil', 'javascript:alert(1)', '/\\/evil.example', ' //evil.example', 'http:/evil.example', '\\\\evil.example'];
  for (const t of attempts) {
    const f = await loginForm(srv, t);
    assert.equal(f.terug, '', `form keeps only a local terug for ${JSON.stringify(t)}`);
    const r = await login(srv, 'teststaf', PW, t);
    assert.equal(r.status, 303, `login with terug=${JSON.stringify(t)}`);
    // an unsafe target is dropped: programme staff land on /beheer
    const loc = r.headers.get('location');
    assert.equal(loc, '/beheer', `Location for terug=${JSON.stringify(t)} is ${loc}`);
  }
  const r = await login(srv, 'teststaf', PW, '/kaart?x=1');
  assert.equal(r.headers.get('location'), '/kaart?x=1', 'a local path is kept');
});

test('logout: CSRF required, session destroyed server-side, old cookie cannot be replayed', async () => {
  const s = await login(srv, 'testredacteur');
  const { csrf } = await sessionCsrf(srv, s.session);
  assert.match(csrf, /^[0-9a-f]{64}$/);

  let r = await req(srv, '/uitloggen', { method: 'POST', cookie: s.session, form: {} });
  assert.equal(r.status, 403, 'missing CSRF token');
  r = await req(srv, '/uitloggen', { method: 'POST', cookie: s.session, form: { csrf: '0'.repeat(64) } });
  assert.equal(r.status, 403, 'wrong CSRF token');
  assert.equal((await req(srv, '/account', { cookie: s.session })).status, 200, 'still signed in');

  r = await req(srv, '/uitloggen', { method: 'POST', cookie: s.session, form: { csrf } });
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), '/');
  const cleared = setCookies(r.res).atlas_sessie;
  assert.ok(cleared && cleared.value === '' && cleared.attrs.includes('max-age=0'), 'cookie cleared');

  // replay the stolen cookie
  const again = await req(srv, '/account', { cookie: s.session });
  assert.equal(again.status, 303);
  assert.equal(again.headers.get('location'), '/inloggen?terug=%2Faccount');
  const post = await req(srv, '/uitloggen', { method: 'POST', cookie: s.session, form: { csrf } });
  assert.equal(post.status, 401);
  const home = await req(srv, '/', { cookie: s.session });
  assert.doesNotMatch(home.text, /Uitloggen/);
});

test('rate limit per account: 5 failures in 15 minutes → 429 with Retry-After, even with the right password', async () => {
  addUser(srv.db, 'ratelimit-testdorp', 'redacteur', { org: 'gm0344', password: PW });
  for (let i = 0; i < 5; i++) {
    const r = await login(srv, 'ratelimit-testdorp', `fout-wachtwoord-${i}-xx`);
    assert.equal(r.status, 400, `failure ${i + 1}`);
  }
  const r = await login(srv, 'ratelimit-testdorp', PW);
  assert.equal(r.status, 429);
  const ra = Number(r.headers.get('retry-after'));
  assert.ok(Number.isInteger(ra) && ra > 0 && ra <= 900, `Retry-After ${r.headers.get('retry-after')}`);
  assert.match(r.text, /Te veel mislukte pogingen/);
  assert.equal(r.session, null);
  saved.push(['inloggen-429', r.text]);
  // other accounts from the same address are not locked
  assert.equal((await login(srv, 'teststaf')).status, 303);
});

test('rate limit per client address: 20 failures → 429 for any account', async () => {
  const s2 = await startServer();
  try {
    addUser(s2.db, 'adres-testdorp', 'redacteur', { org: 'gm0344', password: PW });
    for (let i = 0; i < 20; i++) {
      const r = await login(s2, `onbekend-${i}-testdorp`, 'verkeerd-wachtwoord');
      assert.equal(r.status, 400, `failure ${i + 1}`);
    }
    const r = await login(s2, 'adres-testdorp', PW);
    assert.equal(r.status, 429);
    assert.ok(Number(r.headers.get('retry-after')) > 0);
    assert.match(r.text, /Te veel mislukte pogingen/);
  } finally {
    await s2.stop();
  }
});

test('a disabled user cannot sign in and their sessions end', async () => {
  addUser(srv.db, 'blokkeer-testdorp', 'redacteur', { org: 'gm0344', password: PW });
  const s = await login(srv, 'blokkeer-testdorp');
  assert.equal(s.status, 303);
  assert.equal((await req(srv, '/account', { cookie: s.session })).status, 200);
  const d = cli(srv.db, ['disable', 'blokkeer-testdorp']);
  assert.equal(d.status, 0, d.stderr);
  assert.equal((await req(srv, '/account', { cookie: s.session })).status, 303, 'session ended');
  const again = await login(srv, 'blokkeer-testdorp');
  assert.equal(again.status, 400);
  assert.match(again.text, /Gebruikersnaam of wachtwoord onjuist\./, 'generic message, not "disabled"');
  assert.equal(cli(srv.db, ['enable', 'blokkeer-testdorp']).status, 0);
  assert.equal((await login(srv, 'blokkeer-testdorp')).status, 303);
});

test('admin pages: anonymous → /inloggen, non-admins → 403, admin → 200', async () => {
  const anon = await req(srv, '/beheer/gebruikers');
  assert.equal(anon.status, 303);
  assert.equal(anon.headers.get('location'), '/inloggen?terug=%2Fbeheer%2Fgebruikers');
  const anonPost = await req(srv, '/beheer/gebruikers', { method: 'POST', form: { gebruikersnaam: 'x' } });
  assert.equal(anonPost.status, 401);

  for (const name of ['testredacteur', 'teststaf']) {
    const s = await login(srv, name);
    const { csrf } = await sessionCsrf(srv, s.session);
    for (const p of ['/beheer/gebruikers', '/beheer/gebruikers/testredacteur']) {
      const r = await req(srv, p, { cookie: s.session });
      assert.equal(r.status, 403, `${name} GET ${p}`);
    }
    const post = await req(srv, '/beheer/gebruikers/teststaf/rol', {
      method: 'POST',
      cookie: s.session,
      form: { csrf, rol: 'beheerder', organisatie: '' },
    });
    assert.equal(post.status, 403, `${name} cannot change roles`);
  }
  const list = cli(srv.db, ['list']);
  assert.match(list.stdout, /teststaf\s+programmateam/, 'nothing changed');

  const a = await login(srv, 'testbeheerder');
  const r = await req(srv, '/beheer/gebruikers', { cookie: a.session });
  assert.equal(r.status, 200);
  assert.match(r.text, /<h1 class="utrecht-heading-1">Gebruikers beheren<\/h1>/);
  assert.match(r.text, /testredacteur/);
  assert.match(r.text, /Redacteur|redacteur/);
  saved.push(['beheer-gebruikers', r.text]);
});

test('admin adds a user (validation, CSRF), changes role, disables and enables', async () => {
  const a = await login(srv, 'testbeheerder');
  const { csrf } = await sessionCsrf(srv, a.session);
  const base = { gebruikersnaam: 'nieuw-testdorp', naam: 'Nina Nieuw', email: 'nina@testdorp.example', rol: 'redacteur', organisatie: 'gm0344', wachtwoord: PW };

  let r = await req(srv, '/beheer/gebruikers', { method: 'POST', cookie: a.session, form: base });
  assert.equal(r.status, 403, 'no CSRF token');
  assert.doesNotMatch(cli(srv.db, ['list']).stdout, /nieuw-testdorp/);

  r = await req(srv, '/beheer/gebruikers', {
    method: 'POST',
    cookie: a.session,
    form: { ...base, csrf, gebruikersnaam: 'Ni', wachtwoord: 'kort', organisatie: '', email: 'geen-adres', naam: '<b>Nina</b>' },
  });
  assert.equal(r.status, 400);
  for (const id of ['f-gebruikersnaam', 'f-wachtwoord', 'f-organisatie', 'f-email'])
    assert.match(r.text, new RegExp(`href="#${id}"`), `summary links to ${id}`);
  assert.match(r.text, /minstens 12 tekens/);
  assert.match(r.text, /value="&lt;b&gt;Nina&lt;\/b&gt;"/, 'input kept, escaped');
  assert.doesNotMatch(r.text, /value="kort"/, 'password never echoed');
  saved.push(['beheer-gebruikers-fout', r.text]);

  r = await req(srv, '/beheer/gebruikers', { method: 'POST', cookie: a.session, form: { ...base, csrf } });
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), '/beheer/gebruikers/nieuw-testdorp');
  const n = await login(srv, 'nieuw-testdorp');
  assert.equal(n.status, 303, 'the new user can sign in');

  const page = await req(srv, '/beheer/gebruikers/nieuw-testdorp', { cookie: a.session });
  assert.equal(page.status, 200);
  saved.push(['beheer-gebruiker', page.text]);

  r = await req(srv, '/beheer/gebruikers/nieuw-testdorp/rol', { method: 'POST', cookie: a.session, form: { csrf, rol: 'onzin', organisatie: '' } });
  assert.equal(r.status, 400);
  saved.push(['beheer-gebruiker-fout', r.text]);
  r = await req(srv, '/beheer/gebruikers/nieuw-testdorp/rol', { method: 'POST', cookie: a.session, form: { csrf, rol: 'programmateam', organisatie: '' } });
  assert.equal(r.status, 303);
  assert.match(cli(srv.db, ['list']).stdout, /nieuw-testdorp\s+programmateam/);

  // an administrator cannot lock themselves out
  r = await req(srv, '/beheer/gebruikers/testbeheerder/status', { method: 'POST', cookie: a.session, form: { csrf, actie: 'blokkeren' } });
  assert.equal(r.status, 400);

  r = await req(srv, '/beheer/gebruikers/nieuw-testdorp/status', { method: 'POST', cookie: a.session, form: { csrf, actie: 'blokkeren' } });
  assert.equal(r.status, 303);
  assert.equal((await req(srv, '/account', { cookie: n.session })).status, 303, 'their session ended');
  assert.equal((await login(srv, 'nieuw-testdorp')).status, 400);
  r = await req(srv, '/beheer/gebruikers/nieuw-testdorp/status', { method: 'POST', cookie: a.session, form: { csrf, actie: 'deblokkeren' } });
  assert.equal(r.status, 303);
  assert.equal((await login(srv, 'nieuw-testdorp')).status, 303);

  const missing = await req(srv, '/beheer/gebruikers/bestaat-niet', { cookie: a.session });
  assert.equal(missing.status, 404);
});

test('API tokens: created on /account, shown once, authenticate until revoked', async () => {
  const s = await login(srv, 'testredacteur');
  const { csrf, html } = await sessionCsrf(srv, s.session);
  saved.push(['account', html]);
  assert.match(html, /Rik Testdorp/);
  assert.match(html, /Redacteur/);

  let r = await req(srv, '/account/sleutels', { method: 'POST', cookie: s.session, form: { naam: 'koppeling' } });
  assert.equal(r.status, 403, 'no CSRF token');
  r = await req(srv, '/account/sleutels', { method: 'POST', cookie: s.session, form: { csrf, naam: '' } });
  assert.equal(r.status, 400);
  assert.match(r.text, /href="#f-sleutelnaam"/);
  saved.push(['account-fout', r.text]);

  r = await req(srv, '/account/sleutels', { method: 'POST', cookie: s.session, form: { csrf, naam: 'koppeling zaaksysteem' } });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('cache-control'), 'no-store');
  const m = r.text.match(/id="nieuwe-sleutel">(satl_[A-Za-z0-9_-]{43})</);
  assert.ok(m, 'the token is shown');
  const token = m[1];
  assert.match(r.text, /maar één keer getoond/);
  saved.push(['account-sleutel', r.text]);

  const acc = await req(srv, '/account', { cookie: s.session });
  assert.ok(!acc.text.includes(token), 'never shown again');
  assert.match(acc.text, /koppeling zaaksysteem/);
  assert.ok(acc.text.includes(token.slice(0, 12)), 'prefix listed');
  const idm = acc.text.match(/action="\/account\/sleutels\/(\d+)\/intrekken"/);
  assert.ok(idm);

  // Does the token authenticate? Use an API write route when there is one,
  // else a page that needs a signed-in user.
  const probe = await req(srv, '/api/v1/samenwerkingsverbanden', { method: 'POST', headers: { 'content-type': 'application/json' } });
  const apiWrites = probe.status === 401;
  const check = async (tok) =>
    apiWrites
      ? req(srv, '/api/v1/samenwerkingsverbanden', { method: 'POST', headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json' }, })
      : req(srv, '/account', { headers: { authorization: `Bearer ${tok}` } });
  let c = await check(token);
  assert.notEqual(c.status, 401, 'the token authenticates');
  if (!apiWrites) assert.equal(c.status, 200);
  c = await check(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'));
  assert.ok(c.status === 401 || c.status === 303, 'a wrong token does not');

  // another user cannot revoke it
  const other = await login(srv, 'teststaf');
  const oc = (await sessionCsrf(srv, other.session)).csrf;
  r = await req(srv, `/account/sleutels/${idm[1]}/intrekken`, { method: 'POST', cookie: other.session, form: { csrf: oc } });
  assert.equal(r.status, 404);
  assert.notEqual((await check(token)).status, 401);

  r = await req(srv, `/account/sleutels/${idm[1]}/intrekken`, { method: 'POST', cookie: s.session, form: { csrf } });
  assert.equal(r.status, 303);
  c = await check(token);
  assert.equal(c.status, apiWrites ? 401 : 303, 'revoked: no longer accepted');
  assert.match((await req(srv, '/account', { cookie: s.session })).text, /Ingetrokken/);

  // CLI tokens work the same way
  const t = cli(srv.db, ['token', 'teststaf', '--naam', 'cli-sleutel']);
  assert.equal(t.status, 0, t.stderr);
  assert.match(t.stdout.trim(), /^satl_[A-Za-z0-9_-]{43}$/);
  assert.notEqual((await check(t.stdout.trim())).status, 401);
});

test('CLI: passwords only on stdin and checked; roles validated', () => {
  let r = spawnSync(ATLAS, ['user', 'add', 'cli-testdorp', '--rol', 'programmateam', '--wachtwoord', 'geheimgeheim123', '--db', srv.db], { encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /--wachtwoord-stdin/);
  r = cli(srv.db, ['add', 'cli-testdorp', '--rol', 'programmateam', '--wachtwoord-stdin'], 'kort\n');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /minstens 12 tekens/);
  r = cli(srv.db, ['add', 'cli-testdorp', '--rol', 'koning', '--wachtwoord-stdin'], PW + '\n');
  assert.equal(r.status, 2);
  r = cli(srv.db, ['add', 'cli-testdorp', '--rol', 'redacteur', '--wachtwoord-stdin'], PW + '\n');
  assert.equal(r.status, 2, 'a redacteur needs --organisatie');
  r = cli(srv.db, ['add', 'cli-testdorp', '--rol', 'programmateam', '--wachtwoord-stdin'], PW + '\n');
  assert.equal(r.status, 0, r.stderr);
  r = cli(srv.db, ['add', 'cli-testdorp', '--rol', 'programmateam', '--wachtwoord-stdin'], PW + '\n');
  assert.equal(r.status, 1, 'duplicate');
  r = cli(srv.db, ['password', 'cli-testdorp', '--wachtwoord-stdin'], 'een-heel-nieuw-wachtwoord\n');
  assert.equal(r.status, 0, r.stderr);
  r = cli(srv.db, ['set-role', 'cli-testdorp', '--rol', 'redacteur', '--organisatie', 'gm0344']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(cli(srv.db, ['list']).stdout, /cli-testdorp\s+redacteur\s+gm0344/);
  r = cli(srv.db, ['disable', 'bestaat-niet-testdorp']);
  assert.equal(r.status, 1);
});

test('every new page passes the Nu HTML Checker', async () => {
  assert.ok(saved.length >= 8, `pages saved: ${saved.length}`);
  const dir = path.join(srv.dir, 'vnu-auth');
  mkdirSync(dir, { recursive: true });
  const files = saved.map(([name, html]) => {
    const f = path.join(dir, `${name}.html`);
    writeFileSync(f, html);
    assert.match(html, /<html lang="nl"/);
    assert.equal((html.match(/<h1[\s>]/g) || []).length, 1, `${name}: one h1`);
    assert.doesNotMatch(html, /\sstyle=|<script>|\son[a-z]+=/i, `${name}: CSP house rules`);
    return f;
  });
  const msgs = await vnuValidate(files);
  assert.deepEqual(msgs, [], JSON.stringify(msgs, null, 1));
});
