// nav — the main navigation and where users land: the main questions in
// the menu (and the page that marks its item), the menu button for small
// screens (a <details> element, no JavaScript), the role items ("Mijn
// organisatie" for signed-in partners, "Beheer" for the programme team with
// user management for administrators only), the /beheer and /analyse
// overview pages, and the landing page after signing in without a target.
// Fictional users only.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, addUser, login, anonymous, csrfOf, TEST_PASSWORD } from './harness.mjs';

let srv;

before(async () => {
  srv = await startServer();
  addUser(srv.db, 'redacteur.nav', 'redacteur', { org: 'gm0321', display: 'Redacteur Navigatie' });
  addUser(srv.db, 'accounthouder.nav', 'accounthouder', { display: 'Accounthouder Navigatie' });
  addUser(srv.db, 'programma.nav', 'programmateam', { display: 'Programma Navigatie' });
  addUser(srv.db, 'beheer.nav', 'beheerder', { display: 'Beheerder Navigatie' });
});

after(async () => {
  if (srv) await srv.stop();
});

// The main navigation's bar (the first list in <nav aria-label="Hoofdmenu">).
function bar(html) {
  const nav = /<nav[^>]*aria-label="Hoofdmenu"[^>]*>([\s\S]*?)<\/nav>/.exec(html);
  assert.ok(nav, 'main navigation present');
  const list = /<ul[^>]*atlas-nav__list--bar[^>]*>([\s\S]*?)<\/ul>/.exec(nav[1]);
  assert.ok(list, 'navigation bar present');
  return list[1];
}
// [{href, label, current}] of the bar
const items = (html) =>
  [...bar(html).matchAll(/<a\b([^>]*)>([^<]*)<\/a>/g)].map((m) => ({
    href: /href="([^"]*)"/.exec(m[1])[1],
    label: m[2],
    current: /aria-current="([^"]*)"/.exec(m[1])?.[1] || null,
  }));
const labels = (html) => items(html).map((i) => i.label);

// Sign in through the form; terug: undefined sends no field at all.
async function signIn(name, terug) {
  let r = await fetch(srv.base + '/inloggen', { redirect: 'manual' });
  const html = await r.text();
  const pre = r.headers.getSetCookie().map((c) => c.split(';')[0]);
  const fields = { gebruikersnaam: name, wachtwoord: TEST_PASSWORD, csrf: csrfOf(html) };
  if (terug !== undefined) fields.terug = terug;
  r = await fetch(srv.base + '/inloggen', {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: pre.join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
  await r.arrayBuffer();
  assert.equal(r.status, 303, `sign in ${name}`);
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('atlas_sessie='));
  return { location: r.headers.get('location'), cookie };
}

const MAIN = ['Samenwerkingen', 'Kaart', 'Organisaties', 'Wie zit waar', 'Kalender', 'Analyses', 'Zoeken'];

test('anonymous: the main questions, a menu button, no role items', async () => {
  const r = await anonymous(srv.base).get('/');
  assert.equal(r.status, 200);
  assert.deepEqual(labels(r.text), MAIN);
  assert.match(r.text, /<details class="atlas-menu"><summary class="atlas-menu__button">[\s\S]*?Menu<\/summary><ul[^>]*atlas-nav__list--menu/);
  assert.doesNotMatch(r.text, /href="\/beheer"|href="\/mijn-organisatie"/);
  // the hidden pages are linked now: the analyses from /analyse
  const a = await anonymous(srv.base).get('/analyse');
  assert.equal(a.status, 200);
  for (const href of ['/analyse/overlap', '/netwerk', '/analyse/bestuurders', '/analyse/rolwisselingen'])
    assert.match(a.text, new RegExp(`<a[^>]*href="${href}"`), `/analyse links ${href}`);
  assert.equal(items(a.text).find((i) => i.label === 'Analyses').current, 'page');
});

test('each page marks its menu item', async () => {
  const c = anonymous(srv.base);
  const cases = [
    ['/samenwerkingsverbanden', 'Samenwerkingen', 'page'],
    ['/organisaties/gm0321', 'Organisaties', 'true'],
    ['/personen', 'Wie zit waar', 'page'],
    ['/analyse/bestuurders', 'Wie zit waar', 'true'],
    ['/kalender', 'Kalender', 'page'],
    ['/analyse/overlap', 'Analyses', 'true'],
    ['/analyse/rolwisselingen', 'Analyses', 'true'],
    ['/netwerk', 'Analyses', 'true'],
  ];
  for (const [p, label, current] of cases) {
    const r = await c.get(p);
    assert.equal(r.status, 200, p);
    const marked = items(r.text).filter((i) => i.current);
    assert.deepEqual(marked.map((i) => [i.label, i.current]), [[label, current]], `${p} marks ${label}`);
  }
});

test('editor: "Mijn organisatie" in the menu, no Beheer; lands on the work list', async () => {
  const { location, cookie } = await signIn('redacteur.nav');
  assert.equal(location, '/mijn-organisatie', 'an editor without a target lands on the work list');
  const r = await fetch(srv.base + '/', { headers: { cookie } });
  const html = await r.text();
  assert.deepEqual(labels(html), [...MAIN, 'Mijn organisatie']);
  const mine = await (await fetch(srv.base + '/mijn-organisatie', { headers: { cookie } })).text();
  assert.equal(items(mine).find((i) => i.label === 'Mijn organisatie').current, 'page');
  const admin = await fetch(srv.base + '/beheer', { headers: { cookie }, redirect: 'manual' });
  assert.equal(admin.status, 403, 'an editor may not open /beheer');
  await admin.arrayBuffer();
});

test('other signed-in partners (accounthouder) also get "Mijn organisatie", and Relaties', async () => {
  const { location, cookie } = await signIn('accounthouder.nav');
  assert.equal(location, '/mijn-organisatie');
  const html = await (await fetch(srv.base + '/', { headers: { cookie } })).text();
  assert.deepEqual(labels(html), [...MAIN, 'Mijn organisatie', 'Relaties']);
});

test('staff: Beheer in the menu and as landing page, without user management', async () => {
  const { location, cookie } = await signIn('programma.nav');
  assert.equal(location, '/beheer');
  const r = await fetch(srv.base + '/beheer', { headers: { cookie } });
  assert.equal(r.status, 200);
  const html = await r.text();
  assert.deepEqual(labels(html), [...MAIN, 'Relaties', 'Beheer']);
  assert.equal(items(html).find((i) => i.label === 'Beheer').current, 'page');
  for (const href of ['/beheer/import', '/beheer/correcties', '/samenwerkingsverbanden/nieuw', '/actualiteit', '/mijn-organisatie'])
    assert.match(html, new RegExp(`<a[^>]*href="${href}"`), `/beheer links ${href}`);
  assert.doesNotMatch(html, /href="\/beheer\/gebruikers"/, 'staff do not manage users');
});

test('admin: Beheer with users and roles', async () => {
  const { location, cookie } = await signIn('beheer.nav');
  assert.equal(location, '/beheer');
  const html = await (await fetch(srv.base + '/beheer', { headers: { cookie } })).text();
  assert.deepEqual(labels(html), [...MAIN, 'Relaties', 'Beheer']);
  assert.match(html, /<a[^>]*href="\/beheer\/gebruikers"[^>]*>Gebruikers en rollen</);
  const users = await (await fetch(srv.base + '/beheer/gebruikers', { headers: { cookie } })).text();
  assert.equal(items(users).find((i) => i.label === 'Beheer').current, 'true');
});

test('anonymous visitors cannot open /beheer', async () => {
  const r = await anonymous(srv.base).get('/beheer');
  assert.notEqual(r.status, 200);
  assert.doesNotMatch(r.text, /Gebruikers en rollen/);
});

test('a given target wins over the landing page, also "/"; unsafe targets do not', async () => {
  assert.equal((await signIn('redacteur.nav', '/kaart')).location, '/kaart');
  assert.equal((await signIn('programma.nav', '/organisaties/gm0321')).location, '/organisaties/gm0321');
  assert.equal((await signIn('redacteur.nav', '/')).location, '/');
  assert.equal((await signIn('redacteur.nav', '')).location, '/mijn-organisatie');
  assert.equal((await signIn('programma.nav', 'https://voorbeeld.invalid/')).location, '/beheer');
  assert.equal((await signIn('redacteur.nav', '//voorbeeld.invalid/')).location, '/mijn-organisatie');
  // the header's login link from the home page carries no target
  const home = await anonymous(srv.base).get('/');
  assert.match(home.text, /href="\/inloggen"/);
});

test('signed in already: /inloggen sends the user on to the landing page or target', async () => {
  const c = await login(srv.base, 'programma.nav', { csrf: false });
  let r = await c.get('/inloggen');
  assert.equal(r.status, 303);
  assert.equal(r.location, '/beheer');
  r = await c.get('/inloggen?terug=%2Fkaart');
  assert.equal(r.location, '/kaart');
});
