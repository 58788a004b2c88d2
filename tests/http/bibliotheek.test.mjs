// bibliotheek — the knowledge base against the real binary, on SQLite or
// PostgreSQL: a partner's editor adds an item of their own organisation
// (form and API), bad input gets a Dutch message per field and writes
// nothing; every route for anonymous visitors, the editor of the owner,
// the editor of another organisation and programme staff; items for
// partners stay off anonymous pages, the API without a token, /zoeken and
// the registry pages; search ignores case and diacritics; the
// organisation and collaboration pages show new public items at once
// (also from the reply cache). Clearly fictional items; seed organisations.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, addUser, addToken, login, anonymous, apiClient, sql, decodeEntities, assertControlsLabelled, formValues, setField } from './harness.mjs';

let srv, anon;
const S = {};
const T = {};
const F = {};
const count = (t) => Number(sql(srv.db, `SELECT count(*) FROM ${t}`));
const idOf = (title) => Number(sql(srv.db, `SELECT id FROM publication WHERE title = '${title}'`));

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  const orgs = await anon.getJson('/api/v1/organisaties?soort=gemeente&paginaGrootte=100');
  const inProv = orgs.organisaties.filter((o) => o.inProvincie === true);
  F.P = inProv[0].code;
  F.Q = inProv[1].code;
  F.R = inProv[2].code;
  const list = await anon.getJson('/api/v1/samenwerkingsverbanden?paginaGrootte=5');
  F.C = list.samenwerkingsverbanden[0].id;
  const domains = await anon.getJson('/api/v1/beleidsdomeinen');
  F.D = (domains.beleidsdomeinen || domains)[0].code;
  addUser(srv.db, 'bib-red-p', 'redacteur', { org: F.P });
  addUser(srv.db, 'bib-red-q', 'redacteur', { org: F.Q });
  addUser(srv.db, 'bib-staf', 'programmateam');
  for (const n of ['bib-red-p', 'bib-red-q', 'bib-staf']) S[n] = await login(srv.base, n);
  T.redP = apiClient(srv, addToken(srv.db, 'bib-red-p', 't'));
  T.redQ = apiClient(srv, addToken(srv.db, 'bib-red-q', 't'));
  T.staf = apiClient(srv, addToken(srv.db, 'bib-staf', 't'));
  T.none = apiClient(srv, '');
});

after(() => srv?.stop());

const GOOD = (extra = []) => [
  ['soort', 'analyse'],
  ['titel', 'Fictieve analyse Samenwerking Testwaard'],
  ['url', 'https://www.example.org/fictief/analyse-testwaard'],
  ['samenvatting', 'Een verzonnen analyse over de gedeelde dienst van drie testgemeenten.\n\nAlleen voor de tests.'],
  ['datum', '2026-01-15'],
  ['licentie', 'CC BY 4.0'],
  ['zichtbaarheid', 'openbaar'],
  ...extra,
];

test('a partner editor adds an item through the form; bad input writes nothing', async () => {
  const form = await S['bib-red-p'].get('/kennis/bibliotheek/nieuw');
  assert.equal(form.status, 200);
  assertControlsLabelled('nieuw stuk', form.text);
  assert.ok(!form.text.includes('name="organisatie"'), 'an editor does not choose the owner');
  const bad = await S['bib-red-p'].post('/kennis/bibliotheek/nieuw', [
    ['soort', 'boek'], ['titel', ''], ['url', 'ftp://example.org/x'], ['samenvatting', 'x'.repeat(2001)],
    ['datum', '15-01-2026'], ['licentie', ''], ['zichtbaarheid', 'openbaar'],
    ['thema', 'geen-thema'], ['samenwerkingsverband', 'geen-verband'], ['gemeente', 'gm9999'],
  ]);
  assert.equal(bad.status, 400);
  const t = decodeEntities(bad.text);
  for (const f of ['soort', 'titel', 'url', 'samenvatting', 'datum', 'thema', 'samenwerkingsverband', 'gemeente']) assert.match(bad.text, new RegExp(`href="#f-${f}"`), f);
  assert.match(t, /https:\/\//);
  assert.match(t, /Vul een datum in als 2026-03-31/);
  assert.match(t, /staat niet in de atlas/);
  assert.equal(count('publication'), 0);
  const loc = await S['bib-red-p'].submit('/kennis/bibliotheek/nieuw', GOOD([['thema', F.D], ['samenwerkingsverband', F.C], ['gemeente', F.Q]]));
  assert.match(loc, /\/kennis\/bibliotheek\/\d+\?melding=toegevoegd/);
  const id = idOf('Fictieve analyse Samenwerking Testwaard');
  assert.equal(sql(srv.db, `SELECT org_code || '|' || visibility || '|' || kind FROM publication WHERE id = ${id}`).trim(), `${F.P}|openbaar|analyse`);
  assert.equal(count('publication_theme'), 1);
  assert.equal(count('publication_collab'), 1);
  assert.equal(count('publication_org'), 1);
  // the audit trail names the item, not its text; not in the public history
  const audit = sql(srv.db, "SELECT \"after\" FROM audit_event WHERE entity = 'publication'");
  assert.ok(audit.includes(F.P) && !audit.includes('Fictieve analyse'));
  const page = await anon.get(`/kennis/bibliotheek/${id}`);
  assert.equal(page.status, 200);
  const p = decodeEntities(page.text);
  assert.match(p, /Een verzonnen analyse/);
  assert.match(p, /CC BY 4\.0/);
  assert.ok(page.text.includes('href="https://www.example.org/fictief/analyse-testwaard"'));
  assert.ok(page.text.includes(`href="/organisaties/${F.P}"`), 'owner linked');
  assert.ok(page.text.includes(`href="/organisaties/${F.Q}"`), 'gemeente linked');
  assert.ok(page.text.includes(`href="/samenwerkingsverbanden/${F.C}"`), 'collaboration linked');
  assert.ok(!page.text.includes('/bewerken'), 'anonymous visitors get no edit link');
});

test('an editor adds only for their own organisation; a private item stays with signed-in users', async () => {
  const other = await T.redP.call('POST', '/api/v1/kennis/publicaties', { body: { organisatie: F.Q, soort: 'rapport', titel: 'Namens een ander (fictief)', samenvatting: 'x', datum: '2026-01-01' } });
  assert.equal(other.status, 403);
  const created = await T.redP.call('POST', '/api/v1/kennis/publicaties', { body: { soort: 'rapport', titel: 'Vertrouwelijk rapport Zeeuwse Ëlfstedentocht (fictief)', samenvatting: 'Alleen voor partners; verzonnen.', datum: '2026-02-01', zichtbaarheid: 'partners' } });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.json.organisatie, F.P);
  assert.equal(created.json.zichtbaarheid, 'partners');
  const id = created.json.id;
  F.PRIV = id;
  assert.equal((await anon.get(`/kennis/bibliotheek/${id}`)).status, 404);
  assert.equal((await T.none.call('GET', `/api/v1/kennis/publicaties/${id}`)).status, 404);
  assert.equal((await T.redQ.call('GET', `/api/v1/kennis/publicaties/${id}`)).status, 200);
  assert.equal((await S['bib-red-q'].get(`/kennis/bibliotheek/${id}`)).status, 200);
  assert.ok(!(await anon.get('/kennis/bibliotheek')).text.includes('Vertrouwelijk rapport'));
  assert.ok((await S['bib-red-q'].get('/kennis/bibliotheek')).text.includes('Vertrouwelijk rapport'));
  const pub = await T.none.call('GET', '/api/v1/kennis/publicaties');
  assert.equal(pub.status, 200);
  assert.equal(pub.json.totaal, 1);
  assert.equal((await T.redQ.call('GET', '/api/v1/kennis/publicaties')).json.totaal, 2);
});

test('search: public items for everyone, private ones only signed in; case and diacritics ignored', async () => {
  const a = await anon.get('/zoeken?q=TESTWAARD');
  assert.equal(a.status, 200);
  assert.match(a.text, /id="h-bibliotheek"/);
  assert.ok(a.text.includes('Fictieve analyse Samenwerking Testwaard'));
  // diacritics both ways: "elfstedentocht" finds "Ëlfstedentocht", "zéeuwse" finds "Zeeuwse"
  const priv = await S['bib-red-q'].get('/zoeken?q=elfstedentocht');
  assert.ok(priv.text.includes('Vertrouwelijk rapport'));
  assert.ok((await S['bib-red-q'].get('/zoeken?q=z%C3%A9euwse')).text.includes('Vertrouwelijk rapport'));
  const anonPriv = await anon.get('/zoeken?q=elfstedentocht');
  assert.ok(!anonPriv.text.includes('Vertrouwelijk rapport'));
  // twice: the second answer may come from the reply cache
  assert.ok(!(await anon.get('/zoeken?q=elfstedentocht')).text.includes('Vertrouwelijk rapport'));
  const list = await anon.get('/kennis/bibliotheek?q=verzonnen');
  assert.ok(list.text.includes('Fictieve analyse') && !list.text.includes('Vertrouwelijk'));
  const api = await T.none.call('GET', '/api/v1/kennis/publicaties?q=elfstedentocht');
  assert.equal(api.json.totaal, 0);
  assert.equal((await T.redQ.call('GET', '/api/v1/kennis/publicaties?q=ELFSTEDENTOCHT')).json.totaal, 1);
});

test('filters: soort, thema, organisatie; newest first', async () => {
  const byKind = await T.redQ.call('GET', '/api/v1/kennis/publicaties?soort=rapport');
  assert.deepEqual(byKind.json.publicaties.map((x) => x.soort), ['rapport']);
  const byTheme = await anon.get(`/kennis/bibliotheek?thema=${F.D}`);
  assert.ok(byTheme.text.includes('Fictieve analyse'));
  const byOrg = await T.none.call('GET', `/api/v1/kennis/publicaties?organisatie=${F.Q}`);
  assert.equal(byOrg.json.totaal, 1, 'related gemeente counts');
  const all = await T.redQ.call('GET', '/api/v1/kennis/publicaties');
  assert.deepEqual(all.json.publicaties.map((x) => x.datum), ['2026-02-01', '2026-01-15']);
  assert.equal((await anon.get('/kennis/bibliotheek?soort=onbekend')).status, 200);
});

test('the organisation and collaboration pages show new public items, also after caching', async () => {
  const orgPage = await anon.get(`/organisaties/${F.Q}`);
  assert.ok(orgPage.text.includes('In de bibliotheek') && orgPage.text.includes('Fictieve analyse'));
  assert.ok(!orgPage.text.includes('Vertrouwelijk'));
  const before1 = await anon.get(`/organisaties/${F.R}`);
  assert.ok(!before1.text.includes('In de bibliotheek'));
  await anon.get(`/organisaties/${F.R}`); // cached now
  const c1 = await anon.get(`/samenwerkingsverbanden/${F.C}`);
  assert.ok(c1.text.includes('Fictieve analyse'));
  const made = await T.staf.call('POST', '/api/v1/kennis/publicaties', { body: { organisatie: F.R, soort: 'link', titel: 'Fictieve link Testrade', url: 'https://www.example.org/fictief/link', samenvatting: 'Verzonnen link.', datum: '2026-03-01', gemeenten: ['pv26'] } });
  assert.equal(made.status, 201, made.text);
  F.STAFF = made.json.id;
  const after1 = await anon.get(`/organisaties/${F.R}`);
  assert.ok(after1.text.includes('Fictieve link Testrade'), 'the cached page is replaced after the write');
});

test('edit and remove: the owner editor and staff may, another editor may not', async () => {
  const id = idOf('Fictieve analyse Samenwerking Testwaard');
  assert.equal((await anon.get(`/kennis/bibliotheek/${id}/bewerken`)).status !== 200, true);
  assert.equal((await S['bib-red-q'].get(`/kennis/bibliotheek/${id}/bewerken`)).status, 403);
  assert.equal((await S['bib-red-q'].post(`/kennis/bibliotheek/${id}/bewerken`, GOOD())).status, 403);
  assert.equal((await S['bib-red-q'].post(`/kennis/bibliotheek/${id}/verwijderen`, [])).status, 403);
  assert.equal((await T.redQ.call('PATCH', `/api/v1/kennis/publicaties/${id}`, { body: { titel: 'Gekaapt' } })).status, 403);
  assert.equal((await T.redQ.call('DELETE', `/api/v1/kennis/publicaties/${id}`)).status, 403);
  const show = await S['bib-red-p'].get(`/kennis/bibliotheek/${id}`);
  assert.ok(show.text.includes(`/kennis/bibliotheek/${id}/bewerken`));
  const form = await S['bib-red-p'].get(`/kennis/bibliotheek/${id}/bewerken`);
  assert.equal(form.status, 200);
  assertControlsLabelled('stuk bewerken', form.text);
  const vals = formValues(form.text);
  const badDate = await S['bib-red-p'].post(`/kennis/bibliotheek/${id}/bewerken`, setField(vals, 'datum', 'gisteren'));
  assert.equal(badDate.status, 400);
  assert.equal(sql(srv.db, `SELECT version FROM publication WHERE id = ${id}`).trim(), '1');
  await S['bib-red-p'].submit(`/kennis/bibliotheek/${id}/bewerken`, setField(vals, 'titel', 'Fictieve analyse Testwaard, herzien'));
  assert.equal(sql(srv.db, `SELECT title || '|' || version FROM publication WHERE id = ${id}`).trim(), 'Fictieve analyse Testwaard, herzien|2');
  // the old form again: a conflict, nothing written
  const stale = await S['bib-red-p'].post(`/kennis/bibliotheek/${id}/bewerken`, setField(vals, 'titel', 'Oud formulier'));
  assert.equal(stale.status, 409);
  const noVersion = await S['bib-red-p'].post(`/kennis/bibliotheek/${id}/bewerken`, setField(vals, 'titel', 'Zonder versie').filter(([k]) => k !== 'versie'));
  assert.equal(noVersion.status, 409, 'a form without a version does not overwrite blindly');
  const patched = await T.staf.call('PATCH', `/api/v1/kennis/publicaties/${id}`, { body: { licentie: 'CC0 1.0', beleidsdomeinen: [] } });
  assert.equal(patched.status, 200, patched.text);
  assert.equal(patched.json.licentie, 'CC0 1.0');
  assert.deepEqual(patched.json.beleidsdomeinen, []);
  assert.equal(patched.json.titel, 'Fictieve analyse Testwaard, herzien');
  const badPatch = await T.redP.call('PATCH', `/api/v1/kennis/publicaties/${id}`, { body: { url: 'javascript:alert(1)', titel: '' } });
  assert.equal(badPatch.status, 400);
  assert.deepEqual(badPatch.json.invalidParams.map((p) => p.name).sort(), ['titel', 'url']);
  await S['bib-red-p'].submit(`/kennis/bibliotheek/${id}/verwijderen`, []);
  assert.equal((await anon.get(`/kennis/bibliotheek/${id}`)).status, 404);
  assert.equal(count('publication_theme') + count('publication_collab'), 0);
  // staff remove another organisation's item through the API
  assert.equal((await T.staf.call('DELETE', `/api/v1/kennis/publicaties/${F.PRIV}`)).status, 204);
  assert.equal((await T.redP.call('GET', `/api/v1/kennis/publicaties/${F.PRIV}`)).status, 404);
});

test('every route by who asks', async () => {
  const id = F.STAFF;
  const cases = [
    ['GET', '/kennis/bibliotheek', { anon: 200, p: 200, q: 200, staf: 200 }],
    ['GET', `/kennis/bibliotheek/${id}`, { anon: 200, p: 200, q: 200, staf: 200 }],
    ['GET', '/kennis/bibliotheek/nieuw', { anon: 303, p: 200, q: 200, staf: 200 }],
    ['GET', `/kennis/bibliotheek/${id}/bewerken`, { anon: 303, p: 403, q: 403, staf: 200 }],
    ['GET', '/kennis/bibliotheek/999999', { anon: 404, p: 404, q: 404, staf: 404 }],
  ];
  const who = { anon, p: S['bib-red-p'], q: S['bib-red-q'], staf: S['bib-staf'] };
  for (const [m, path, want] of cases) {
    for (const [k, client] of Object.entries(who)) {
      const r = await client.get(path);
      assert.equal(r.status, want[k], `${m} ${path} as ${k}`);
    }
  }
  // POST routes without sign-in: refused, nothing written
  const before1 = count('publication');
  for (const p of ['/kennis/bibliotheek/nieuw', `/kennis/bibliotheek/${id}/bewerken`, `/kennis/bibliotheek/${id}/verwijderen`]) {
    const r = await anon.post(p, GOOD());
    assert.ok([303, 401, 403].includes(r.status), `${p}: ${r.status}`);
  }
  assert.equal(count('publication'), before1);
  assert.equal((await S['bib-red-p'].post(`/kennis/bibliotheek/${id}/verwijderen`, [])).status, 403);
  assert.equal((await T.none.call('POST', '/api/v1/kennis/publicaties', { body: { titel: 'x' } })).status, 401);
  // the edit form keeps a related organisation that is not a partner gemeente among its choices
  const staffForm = await S['bib-staf'].get(`/kennis/bibliotheek/${id}/bewerken`);
  assert.match(staffForm.text, /name="gemeente" value="pv26" checked/);
  await S['bib-staf'].submit(`/kennis/bibliotheek/${id}/verwijderen`, []);
  assert.equal(count('publication'), before1 - 1);
});
