// "Wie weet wat" — experts' listings, against the real binary on SQLite or
// PostgreSQL: signed-in users only (page and API); a user lists themself
// only with consent, changes the listing and removes it at once; search by
// words and theme; bad input writes nothing; a disabled account is not
// listed; an erasure by e-mail address (/beheer/persoonsgegevens) deletes the
// listing; nothing of it in the public history. All people are fictional.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, addUser, addToken, login, anonymous, apiClient, sql, atlas, decodeEntities, assertControlsLabelled,
} from './harness.mjs';

let srv, anon, P, Q;
const S = {};
const T = {};
const count = (q) => Number(String(sql(srv.db, q)).trim());

const listing = (over = {}) => ({
  expertise: 'Opzetten van een gemeenschappelijke regeling voor jeugdhulp, met de kostenverdeling.',
  trefwoorden: 'Wgr, jeugdzorg, kostenverdeelsleutel',
  contact: 'wieke.weetal@voorbeeld.nl',
  themas: [],
  bevestigen: 'ja',
  ...over,
});
const fields = (o) => Object.entries(o).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]));

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  const orgs = await anon.getJson('/api/v1/organisaties?soort=gemeente&paginaGrootte=2');
  [P, Q] = orgs.organisaties.map((o) => o);
  addUser(srv.db, 'ww-wieke', 'redacteur', { org: P.code, display: 'Wieke Weetal', extra: ['--email', 'wieke.weetal@voorbeeld.nl'] });
  addUser(srv.db, 'ww-bart', 'redacteur', { org: Q.code, display: 'Bart Bedacht' });
  addUser(srv.db, 'ww-beheer', 'beheerder', { display: 'Beheerder Verzonnen' });
  for (const n of ['ww-wieke', 'ww-bart', 'ww-beheer']) S[n] = await login(srv.base, n);
  T.wieke = apiClient(srv, addToken(srv.db, 'ww-wieke', 'test'));
  T.bart = apiClient(srv, addToken(srv.db, 'ww-bart', 'test'));
  T.anon = apiClient(srv, '');
});

after(async () => {
  await srv?.stop();
});

test('only signed-in users see who knows what; the account page links to it', async () => {
  const a = await anon.get('/kennis/wie-weet-wat');
  assert.ok([302, 303].includes(a.status) && /inloggen/.test(a.location || ''), `anonymous: ${a.status}`);
  assert.ok([302, 303].includes((await anon.get('/kennis/wie-weet-wat/mijn-vermelding')).status));
  assert.equal((await T.anon.call('GET', '/api/v1/kennis/deskundigen')).status, 401);
  const page = await S['ww-bart'].get('/kennis/wie-weet-wat');
  assert.equal(page.status, 200);
  assert.match(decodeEntities(page.text), /0 collega's gevonden/);
  assertControlsLabelled('wie-weet-wat', page.text);
  assert.equal(page.headers.get('cache-control'), 'no-store');
  assert.match((await S['ww-bart'].get('/account')).text, /href="\/kennis\/wie-weet-wat"/);
  // the knowledge page links to it for signed-in users only
  const pub = await anon.get('/kennis');
  assert.equal(pub.status, 200);
  for (const p of ['/kennis/indicatoren', '/kennis/bibliotheek', '/kennis/subsidiekansen']) assert.match(pub.text, new RegExp(`href="${p}"`));
  assert.doesNotMatch(pub.text, /href="\/kennis\/wie-weet-wat"/);
  assert.match((await S['ww-bart'].get('/kennis')).text, /href="\/kennis\/wie-weet-wat"/);
});

test('a listing needs consent and valid fields; bad input writes nothing', async () => {
  const form = await S['ww-wieke'].get('/kennis/wie-weet-wat/mijn-vermelding');
  assert.equal(form.status, 200);
  assertControlsLabelled('mijn-vermelding', form.text);
  const bad = [
    [{ bevestigen: '' }, /toestemming/],
    [{ expertise: '   ' }, /Beschrijf uw kennis/],
    [{ contact: '' }, /bereiken/],
    [{ themas: ['bestaat-niet'] }, /thema's uit de lijst/],
    [{ expertise: 'x'.repeat(1001) }, /hoogstens 1000 tekens/],
  ];
  for (const [over, msg] of bad) {
    const r = await S['ww-wieke'].post('/kennis/wie-weet-wat/mijn-vermelding', fields(listing(over)));
    assert.equal(r.status, 400, JSON.stringify(over));
    assert.match(decodeEntities(r.text), msg);
  }
  assert.equal(count('SELECT count(*) FROM expert_listing'), 0, 'nothing written');
});

test('list, find, change and remove one\'s own listing', async () => {
  const theme = (await anon.getJson('/api/v1/beleidsdomeinen')).beleidsdomeinen[0].code;
  const r = await S['ww-wieke'].post('/kennis/wie-weet-wat/mijn-vermelding', fields(listing({ themas: [theme] })));
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal(count('SELECT count(*) FROM expert_listing'), 1);
  assert.ok(String(sql(srv.db, 'SELECT consent_at FROM expert_listing')).trim().length > 10, 'consent recorded');

  // others find her by word, organisation and theme
  const all = await S['ww-bart'].get('/kennis/wie-weet-wat');
  assert.match(all.text, /Wieke Weetal/);
  assert.match(decodeEntities(all.text), new RegExp(P.naam));
  for (const q of ['jeugdzorg', 'KOSTENVERDEEL wgr', P.naam.split(' ').pop()]) {
    const f = await S['ww-bart'].get(`/kennis/wie-weet-wat?q=${encodeURIComponent(q)}`);
    assert.match(f.text, /Wieke Weetal/, q);
  }
  assert.doesNotMatch((await S['ww-bart'].get('/kennis/wie-weet-wat?q=afvalinzameling')).text, /Wieke Weetal/);
  assert.match((await S['ww-bart'].get(`/kennis/wie-weet-wat?thema=${theme}`)).text, /Wieke Weetal/);
  assert.equal((await S['ww-bart'].get('/kennis/wie-weet-wat?thema=bestaat-niet')).status, 400);
  const api = await T.bart.call('GET', `/api/v1/kennis/deskundigen?q=jeugdzorg&thema=${theme}`);
  assert.equal(api.status, 200, api.text);
  assert.equal(api.json.totaal, 1);
  assert.equal(api.json.deskundigen[0].naam, 'Wieke Weetal');
  assert.equal(api.json.deskundigen[0].organisatie, P.code);
  assert.deepEqual(api.json.deskundigen[0].themas, [theme]);
  assert.equal(api.headers.get('cache-control'), 'no-store');
  assert.equal((await T.bart.call('GET', '/api/v1/kennis/deskundigen?thema=bestaat-niet')).status, 400);

  // a change replaces the listing
  const again = await S['ww-wieke'].post('/kennis/wie-weet-wat/mijn-vermelding', fields(listing({ trefwoorden: 'omgevingswet' })));
  assert.equal(again.status, 303);
  assert.equal(count('SELECT count(*) FROM expert_listing'), 1);
  assert.match((await S['ww-bart'].get('/kennis/wie-weet-wat?q=omgevingswet')).text, /Wieke Weetal/);

  // a disabled account is not listed
  assert.equal(atlas(['user', 'disable', 'ww-wieke', '--db', srv.db]).status, 0);
  assert.doesNotMatch((await S['ww-bart'].get('/kennis/wie-weet-wat')).text, /Wieke Weetal/);
  assert.equal(atlas(['user', 'enable', 'ww-wieke', '--db', srv.db]).status, 0);
  S['ww-wieke'] = await login(srv.base, 'ww-wieke');
  assert.match((await S['ww-bart'].get('/kennis/wie-weet-wat')).text, /Wieke Weetal/);

  // removed at once, without a copy
  const mine = await S['ww-wieke'].get('/kennis/wie-weet-wat/mijn-vermelding');
  assert.match(mine.text, /Vermelding verwijderen/);
  assert.equal((await S['ww-wieke'].post('/kennis/wie-weet-wat/mijn-vermelding/verwijderen', [])).status, 303);
  assert.equal(count('SELECT count(*) FROM expert_listing'), 0);
  assert.equal((await S['ww-wieke'].post('/kennis/wie-weet-wat/mijn-vermelding/verwijderen', [])).status, 404);
  assert.doesNotMatch((await S['ww-bart'].get('/kennis/wie-weet-wat')).text, /Wieke Weetal/);
  // the trail names the listing, never its text
  const trail = String(sql(srv.db, "SELECT group_concat(coalesce(\"after\", '') || coalesce(\"before\", ''), ' ') FROM audit_event WHERE entity = 'expert_listing'"));
  assert.doesNotMatch(trail, /jeugd|omgevingswet|wieke/i);
  for (const p of ['/wijzigingen', '/wijzigingen.atom']) assert.doesNotMatch((await anon.get(p)).text, /Wieke|jeugdzorg/, p);
});

test('an erasure by e-mail address deletes the listing of the account with that address', async () => {
  assert.equal((await S['ww-wieke'].post('/kennis/wie-weet-wat/mijn-vermelding', fields(listing()))).status, 303);
  const found = await S['ww-beheer'].post('/beheer/persoonsgegevens', { actie: 'zoeken', email: 'Wieke.Weetal@voorbeeld.nl' });
  assert.match(decodeEntities(found.text), /1 vermelding\(en\) in Wie weet wat/);
  const gone = await S['ww-beheer'].post('/beheer/persoonsgegevens', { actie: 'wissen', email: 'wieke.weetal@voorbeeld.nl', bevestigen: 'ja' });
  assert.equal(gone.status, 200);
  assert.match(decodeEntities(gone.text), /1 vermelding\(en\) in Wie weet wat verwijderd/);
  assert.equal(count('SELECT count(*) FROM expert_listing'), 0);
});
