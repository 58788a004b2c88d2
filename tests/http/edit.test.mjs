// edit — the web editing forms of issue 4 against the real binary: create
// and edit a collaboration, add/edit/end a participation, edit an
// organisation (valid and invalid input: empty name, 2023-02-31, end before
// start, unknown enumeration value, 5000 characters, HTML shown escaped),
// the conflict page when two sessions edit the same record, "Bevestig dat
// dit klopt", /mijn-organisatie (oldest first, stale marked), the
// freshness table on the home page, and the Nu HTML Checker over every new
// page. Users are made with the CLI.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, addUser, login, anonymous, formValues, setField, assertControlsLabelled } from './harness.mjs';
import { assertValidPages } from './vnu.mjs';

const TODAY = new Date().toISOString().slice(0, 10);
let srv;
let anon; // the anonymous visitor
const S = {};
const F = {};
const pages = []; // [name, html] for the validator

const total = async () => (await anon.getJson('/api/v1/samenwerkingsverbanden?status=alle&paginaGrootte=1')).totaal;
const versie = (html) => /name="versie" value="(\d+)"/.exec(html)[1];
const summary = (html) => (/id="foutmeldingen"(.*?)<\/ul>/s.exec(html) || ['', ''])[1];

// The body rows of the first table (header rows left out).
const bodyRows = (html) => [...((/<tbody[^>]*>(.*?)<\/tbody>/s.exec(html) || ['', ''])[1]).matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((m) => m[1]);

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  const list = await anon.getJson('/api/v1/samenwerkingsverbanden?paginaGrootte=100');
  F.C = list.samenwerkingsverbanden[2].id;
  const c = await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`);
  const inC = new Set(c.deelnemers.map((d) => d.organisatie.code));
  const orgs = await anon.getJson('/api/v1/organisaties?soort=gemeente&paginaGrootte=100');
  F.OWN = orgs.organisaties.map((o) => o.code).find((k) => !inC.has(k));
  addUser(srv.db, 'ed-staf', 'programmateam');
  addUser(srv.db, 'ed-staf2', 'programmateam');
  addUser(srv.db, 'ed-red', 'redacteur', { org: F.OWN });
  S.staf = await login(srv.base, 'ed-staf');
  S.staf2 = await login(srv.base, 'ed-staf2');
  S.red = await login(srv.base, 'ed-red');
});

after(async () => {
  await srv?.stop();
});

test('anonymous: the forms redirect to the login page, the record page shows no controls', async () => {
  for (const p of ['/samenwerkingsverbanden/nieuw', `/samenwerkingsverbanden/${F.C}/bewerken`, '/mijn-organisatie']) {
    const r = await anon.get(p);
    assert.equal(r.status, 303, p);
    assert.match(r.location, /^\/inloggen\?terug=/, p);
  }
  const r = await anon.get(`/samenwerkingsverbanden/${F.C}`);
  assert.equal(r.status, 200);
  assert.doesNotMatch(r.text, /Bevestig dat dit klopt|\/bewerken"/);
  assert.match(r.text, /Laatst bevestigd op/);
  assert.match(r.text, new RegExp(`/samenwerkingsverbanden/${F.C}/geschiedenis`));
});

test('new collaboration: invalid input gives 400 with an error summary, messages and the input kept', async () => {
  const form = await S.staf.get('/samenwerkingsverbanden/nieuw');
  assert.equal(form.status, 200);
  pages.push(['nieuw', form.text]);
  const n0 = await total();
  const long = 'x'.repeat(5000);
  const r = await S.staf.post('/samenwerkingsverbanden/nieuw', [
    ['naam', ''], ['soort', 'ufo'], ['juridischeVorm', 'onbekend'], ['bevoegdheidsverkrijging', 'onbekend'],
    ['fase', 'groei'], ['startdatum', '2023-02-31'], ['einddatum', '2020-01-01'], ['doel', long],
    ['vestigingsplaats', '<b>Testdorp</b>'],
  ]);
  assert.equal(r.status, 400);
  pages.push(['nieuw-fouten', r.text]);
  const sum = summary(r.text);
  for (const f of ['naam', 'soort', 'beleidsdomeinen', 'startdatum', 'doel']) {
    assert.match(sum, new RegExp(`href="#f-${f}"`), `summary links to ${f}`);
    assert.match(r.text, new RegExp(`id="f-${f}-fout"`), `message next to ${f}`);
  }
  assert.match(r.text, /id="f-naam"[^>]*aria-describedby="f-naam-fout" aria-invalid="true"/);
  assert.match(r.text, /<title>Fout: /);
  // input kept, HTML escaped
  assert.match(r.text, /value="&lt;b&gt;Testdorp&lt;\/b&gt;"/);
  assert.match(r.text, /value="2023-02-31"/);
  assert.match(r.text, /<option value="ufo" selected>ufo<\/option>/);
  assert.ok(r.text.includes(long), 'long text kept');
  assert.equal(await total(), n0, 'nothing created');

  // end before start with a valid start date
  const r2 = await S.staf.post('/samenwerkingsverbanden/nieuw', [
    ['naam', 'Gemeenschappelijke regeling Testdorp'], ['soort', 'wgr'], ['beleidsdomeinen', 'bestuur'],
    ['startdatum', '2023-02-28'], ['einddatum', '2020-01-01'],
  ]);
  assert.equal(r2.status, 400);
  assert.match(summary(r2.text), /href="#f-einddatum"/);
  assert.equal(await total(), n0, 'nothing created');
});

test('new collaboration: valid input → 303 to the record, HTML shown escaped, notice shown', async () => {
  const n0 = await total();
  const r = await S.staf.post('/samenwerkingsverbanden/nieuw', [
    ['naam', 'Testverband <script>alert(1)</script> Testdorp'], ['soort', 'netwerk'],
    ['beleidsdomeinen', 'bestuur'], ['beleidsdomeinen', 'veiligheid'], ['juridischeVorm', 'convenant'],
    ['bevoegdheidsverkrijging', 'onbekend'], ['fase', 'initiatief'], ['startdatum', '2024-02-29'],
    ['doel', 'Samen <em>testen</em>'],
  ]);
  assert.equal(r.status, 303, r.text.slice(0, 400));
  assert.match(r.location, /^\/samenwerkingsverbanden\/[a-z0-9-]+\?melding=aangemaakt$/);
  assert.equal(await total(), n0 + 1);
  F.NEW = /^\/samenwerkingsverbanden\/([^?]+)/.exec(r.location)[1];
  const page = await S.staf.get(r.location);
  assert.equal(page.status, 200);
  assert.match(page.text, /Het samenwerkingsverband is aangemaakt/);
  assert.match(page.text, /Testverband &lt;script&gt;alert\(1\)&lt;\/script&gt; Testdorp/);
  assert.doesNotMatch(page.text, /<script>alert/);
  assert.match(page.text, /Samen &lt;em&gt;testen&lt;\/em&gt;/);
  assert.match(page.text, /Laatst bevestigd op .* door ed-staf/);
  pages.push(['record-ingelogd', page.text]);
  const j = await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.NEW}`);
  assert.equal(j.naam, 'Testverband <script>alert(1)</script> Testdorp');
  assert.equal(j.laatstBevestigd, TODAY);
});

test('a partner editor who creates a collaboration becomes its penvoerder and can edit it', async () => {
  const r = await S.red.post('/samenwerkingsverbanden/nieuw', [
    ['naam', 'Netwerk Testdorp en omstreken'], ['soort', 'netwerk'], ['beleidsdomeinen', 'bestuur'],
    ['juridischeVorm', 'onbekend'], ['bevoegdheidsverkrijging', 'onbekend'], ['fase', 'onbekend'],
  ]);
  assert.equal(r.status, 303, r.text.slice(0, 400));
  const key = /^\/samenwerkingsverbanden\/([^?]+)/.exec(r.location)[1];
  const j = await anon.getJson(`/api/v1/samenwerkingsverbanden/${key}`);
  assert.deepEqual(j.deelnemers.map((d) => [d.organisatie.code, d.rol]), [[F.OWN, 'penvoerder']]);
  const form = await S.red.get(`/samenwerkingsverbanden/${key}/bewerken`);
  assert.equal(form.status, 200);
  F.RED_COLLAB = key;
});

test('edit collaboration: invalid → 400, valid → 303 with notice', async () => {
  const form = await S.staf.get(`/samenwerkingsverbanden/${F.C}/bewerken`);
  assert.equal(form.status, 200);
  pages.push(['bewerken', form.text]);
  const vals = formValues(form.text);
  const before = await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`);
  for (const [field, value, target] of [
    ['naam', '', 'naam'],
    ['startdatum', '2023-02-31', 'startdatum'],
    ['fase', 'kapot', 'fase'],
    ['opmerking', 'y'.repeat(5000), 'opmerking'],
    ['website', 'javascript:alert(1)', 'website'],
  ]) {
    const r = await S.staf.post(`/samenwerkingsverbanden/${F.C}/bewerken`, setField(vals, field, value));
    assert.equal(r.status, 400, `${field}=${value.slice(0, 20)}`);
    assert.match(summary(r.text), new RegExp(`href="#f-${target}"`), field);
  }
  const r0 = await S.staf.post(`/samenwerkingsverbanden/${F.C}/bewerken`,
    setField(setField(vals, 'startdatum', '2020-05-01'), 'einddatum', '2020-04-30'));
  assert.equal(r0.status, 400);
  assert.match(summary(r0.text), /href="#f-einddatum"/);
  assert.deepEqual(await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`), before, 'nothing changed');

  const r = await S.staf.post(`/samenwerkingsverbanden/${F.C}/bewerken`, setField(vals, 'vestigingsplaats', 'Testdorp <i>centrum</i>'));
  assert.equal(r.status, 303);
  assert.equal(r.location, `/samenwerkingsverbanden/${F.C}?melding=opgeslagen`);
  const page = await S.staf.get(r.location);
  assert.match(page.text, /De wijzigingen zijn opgeslagen/);
  assert.match(page.text, /Testdorp &lt;i&gt;centrum&lt;\/i&gt;/);
  const after = await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`);
  assert.equal(after.vestigingsplaats, 'Testdorp <i>centrum</i>');
  assert.equal(after.versie, before.versie + 1);
});

test('conflict: the second of two sessions gets 409 with both versions and nothing is overwritten', async () => {
  const a = await S.staf.get(`/samenwerkingsverbanden/${F.C}/bewerken`);
  const b = await S.staf2.get(`/samenwerkingsverbanden/${F.C}/bewerken`);
  assert.equal(versie(a.text), versie(b.text));
  const va = setField(formValues(a.text), 'vestigingsplaats', 'Eerst-dorp');
  const vb = setField(formValues(b.text), 'vestigingsplaats', 'Tweede-dorp');
  const ra = await S.staf.post(`/samenwerkingsverbanden/${F.C}/bewerken`, va);
  assert.equal(ra.status, 303);
  const rb = await S.staf2.post(`/samenwerkingsverbanden/${F.C}/bewerken`, vb);
  assert.equal(rb.status, 409);
  pages.push(['conflict', rb.text]);
  assert.match(rb.text, /niet<\/strong> opgeslagen/);
  assert.match(rb.text, /Uw invoer/);
  assert.match(rb.text, /Nu opgeslagen/);
  assert.match(rb.text, /<mark>Tweede-dorp<\/mark>/);
  assert.match(rb.text, /<mark>Eerst-dorp<\/mark>/);
  assert.match(rb.text, /Verschilt/);
  assert.match(rb.text, new RegExp(`href="/samenwerkingsverbanden/${F.C}/bewerken"`));
  assert.equal((await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`)).vestigingsplaats, 'Eerst-dorp');
});

test('participations: add (invalid, valid), edit, end with a date', async () => {
  const form = await S.staf.get(`/samenwerkingsverbanden/${F.C}/deelnemers/nieuw`);
  assert.equal(form.status, 200);
  pages.push(['deelnemer-nieuw', form.text]);
  const before = await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`);
  const bad = await S.staf.post(`/samenwerkingsverbanden/${F.C}/deelnemers/nieuw`, [
    ['organisatie', F.OWN], ['orgaan', 'koning'], ['rol', 'baas'], ['kostenverdeelsleutel', '2'],
    ['bijdrage', '-5'], ['toegetreden', '2023-02-31'], ['opmerking', 'z'.repeat(5000)],
  ]);
  assert.equal(bad.status, 400);
  pages.push(['deelnemer-fouten', bad.text]);
  for (const f of ['orgaan', 'rol', 'kostenverdeelsleutel', 'bijdrage', 'toegetreden', 'opmerking']) {
    assert.match(summary(bad.text), new RegExp(`href="#f-${f}"`), f);
  }
  assert.deepEqual(await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`), before, 'nothing changed');

  const ok = await S.staf.post(`/samenwerkingsverbanden/${F.C}/deelnemers/nieuw`, [
    ['organisatie', F.OWN], ['orgaan', 'college'], ['rol', 'deelnemer'], ['kostenverdeelsleutel', '0,25'],
    ['bijdrage', '12000'], ['toegetreden', '2025-01-01'], ['opmerking', '<b>vet</b>'],
  ]);
  assert.equal(ok.status, 303, ok.text.slice(0, 300));
  assert.equal(ok.location, `/samenwerkingsverbanden/${F.C}?melding=toegevoegd`);
  const c = await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`);
  const p = c.deelnemers.find((d) => d.organisatie.code === F.OWN);
  assert.equal(p.kostenverdeelsleutel, 0.25);
  assert.equal(p.bijdrage, 12000);
  F.P = p.id;

  // the partner editor of that organisation may edit it
  const ef = await S.red.get(`/samenwerkingsverbanden/${F.C}/deelnemers/${F.P}/bewerken`);
  assert.equal(ef.status, 200);
  pages.push(['deelname-bewerken', ef.text]);
  const v = versie(ef.text);
  const e1 = await S.red.post(`/samenwerkingsverbanden/${F.C}/deelnemers/${F.P}/bewerken`, [
    ['versie', v], ['orgaan', 'raad'], ['rol', 'trekker'], ['kostenverdeelsleutel', ''], ['bijdrage', '15000'],
    ['toegetreden', '2025-01-01'], ['uitgetreden', '2024-12-31'], ['opmerking', ''],
  ]);
  assert.equal(e1.status, 400, 'left before joined');
  assert.match(summary(e1.text), /href="#f-uitgetreden"/);
  const e2 = await S.red.post(`/samenwerkingsverbanden/${F.C}/deelnemers/${F.P}/bewerken`, [
    ['versie', v], ['orgaan', 'raad'], ['rol', 'trekker'], ['kostenverdeelsleutel', ''], ['bijdrage', '15000'],
    ['toegetreden', '2025-01-01'], ['uitgetreden', ''], ['opmerking', ''],
  ]);
  assert.equal(e2.status, 303);
  const p2 = (await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`)).deelnemers.find((d) => d.id === F.P);
  assert.equal(p2.rol, 'trekker');
  assert.equal(p2.bijdrage, 15000);
  // a stale version: conflict
  const e3 = await S.red.post(`/samenwerkingsverbanden/${F.C}/deelnemers/${F.P}/bewerken`, [
    ['versie', v], ['orgaan', 'college'], ['rol', 'deelnemer'], ['kostenverdeelsleutel', ''], ['bijdrage', ''],
    ['toegetreden', ''], ['uitgetreden', ''], ['opmerking', ''],
  ]);
  assert.equal(e3.status, 409);
  assert.equal((await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`)).deelnemers.find((d) => d.id === F.P).rol, 'trekker');

  // end: invalid date, then valid
  const ef2 = await S.red.get(`/samenwerkingsverbanden/${F.C}/deelnemers/${F.P}/bewerken`);
  const endV = /action="[^"]*\/beeindigen">.*?name="versie" value="(\d+)"/s.exec(ef2.text)[1];
  const x1 = await S.red.post(`/samenwerkingsverbanden/${F.C}/deelnemers/${F.P}/beeindigen`, [['versie', endV], ['uittreding', '2023-02-31']]);
  assert.equal(x1.status, 400);
  assert.match(summary(x1.text), /href="#f-uittreding"/);
  pages.push(['beeindigen-fout', x1.text]);
  const x2 = await S.red.post(`/samenwerkingsverbanden/${F.C}/deelnemers/${F.P}/beeindigen`, [['versie', endV], ['uittreding', '2025-06-30']]);
  assert.equal(x2.status, 303);
  const p3 = (await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`)).deelnemers.find((d) => d.id === F.P);
  assert.equal(p3.uitgetreden, '2025-06-30');
});

test('organisation: edit own organisation (invalid, valid); another organisation is forbidden', async () => {
  const form = await S.red.get(`/organisaties/${F.OWN}/bewerken`);
  assert.equal(form.status, 200);
  pages.push(['organisatie-bewerken', form.text]);
  const v = versie(form.text);
  const bad = await S.red.post(`/organisaties/${F.OWN}/bewerken`, [
    ['versie', v], ['naam', ''], ['inwoners', 'veel'], ['peildatumInwoners', '2023-02-31'], ['oppervlakte', 'groot'], ['opmerking', ''],
  ]);
  assert.equal(bad.status, 400);
  pages.push(['organisatie-fouten', bad.text]);
  for (const f of ['naam', 'inwoners', 'peildatumInwoners', 'oppervlakte']) assert.match(summary(bad.text), new RegExp(`href="#f-${f}"`), f);
  const name = (await anon.getJson(`/api/v1/organisaties/${F.OWN}`)).naam;
  const ok = await S.red.post(`/organisaties/${F.OWN}/bewerken`, [
    ['versie', v], ['naam', name], ['inwoners', '12345'], ['peildatumInwoners', '2025-01-01'], ['oppervlakte', '12,5'], ['opmerking', 'Let op: <u>test</u>'],
  ]);
  assert.equal(ok.status, 303);
  const page = await S.red.get(ok.location);
  assert.match(page.text, /De wijzigingen zijn opgeslagen/);
  assert.match(page.text, /Let op: &lt;u&gt;test&lt;\/u&gt;/);
  pages.push(['organisatie-ingelogd', page.text]);
  assert.equal((await anon.getJson(`/api/v1/organisaties/${F.OWN}`)).inwoners.aantal, 12345);
  const other = (await anon.getJson('/api/v1/organisaties?soort=gemeente&paginaGrootte=100')).organisaties.find((o) => o.code !== F.OWN).code;
  const f2 = await S.red.get(`/organisaties/${other}/bewerken`);
  assert.equal(f2.status, 403);
});

test('"Bevestig dat dit klopt" renews laatst bevestigd, with the user', async () => {
  const page = await S.staf.get(`/samenwerkingsverbanden/${F.C}`);
  const before = await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`);
  assert.notEqual(before.laatstBevestigd, TODAY);
  const v = /action="\/samenwerkingsverbanden\/[^"]+\/bevestigen">.*?name="versie" value="(\d+)"/s.exec(page.text)[1];
  const r = await S.staf.post(`/samenwerkingsverbanden/${F.C}/bevestigen`, [['versie', v]]);
  assert.equal(r.status, 303);
  assert.equal(r.location, `/samenwerkingsverbanden/${F.C}?melding=bevestigd`);
  const after = await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`);
  assert.equal(after.laatstBevestigd, TODAY);
  const p2 = await S.staf.get(r.location);
  assert.match(p2.text, /Bevestigd: de datum/);
  assert.match(p2.text, /Laatst bevestigd op [^<]* door ed-staf/);
  // the same (now stale) version again: conflict, nothing changes
  const r2 = await S.staf.post(`/samenwerkingsverbanden/${F.C}/bevestigen`, [['versie', v]]);
  assert.equal(r2.status, 409);
  assert.deepEqual(await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`), after);
});

test('/mijn-organisatie: oldest confirmation first, stale ones marked, confirming moves a record down', async () => {
  const r = await S.red.get('/mijn-organisatie');
  assert.equal(r.status, 200);
  pages.push(['mijn-organisatie', r.text]);
  const rows = bodyRows(r.text);
  assert.ok(rows.length >= 2, 'the organisation and its records');
  // stale rows come before fresh ones
  const stale = rows.map((row) => /Verouderd/.test(row));
  const firstFresh = stale.indexOf(false);
  if (firstFresh >= 0) assert.ok(stale.slice(firstFresh).every((x) => !x), `stale rows first: ${stale}`);
  // the organisation itself (seed: confirmed long ago) is stale until confirmed
  const orgRow = rows.find((row) => new RegExp(`href="/organisaties/${F.OWN}"`).test(row));
  assert.ok(orgRow, 'own organisation listed');
  const v = /action="\/organisaties\/[^"]+\/bevestigen"><input type="hidden" name="csrf" value="[^"]+"><input type="hidden" name="terug" value="\/mijn-organisatie"><input type="hidden" name="versie" value="(\d+)"/.exec(orgRow)[1];
  const c = await S.red.post(`/organisaties/${F.OWN}/bevestigen`, [['versie', v], ['terug', '/mijn-organisatie']]);
  assert.equal(c.status, 303);
  assert.equal(c.location, '/mijn-organisatie?melding=bevestigd');
  const r2 = await S.red.get(c.location);
  const rows2 = bodyRows(r2.text);
  const st2 = rows2.map((row) => /Verouderd/.test(row));
  const orgRow2 = rows2.find((row) => new RegExp(`href="/organisaties/${F.OWN}"`).test(row));
  assert.match(orgRow2, /Actueel/);
  assert.match(orgRow2, new RegExp(`datetime="${TODAY}"`));
  // oldest confirmation first
  const when = rows2.map((row) => (/<time datetime="([^"]+)"/.exec(row) || ['', ''])[1]);
  assert.deepEqual(when, [...when].sort(), 'ordered by laatst bevestigd');
  assert.ok(st2.some((x) => x) || stale.some((x) => x), 'seed records (confirmed years ago) are marked stale');
  assert.match(r2.text, /Bevestigd: de datum/);
  // order: every "Verouderd" before every "Actueel"
  const ff = st2.indexOf(false);
  assert.ok(st2.slice(ff).every((x) => !x));
  // staff see everything
  const all = await S.staf.get('/mijn-organisatie');
  assert.equal(all.status, 200);
  assert.ok(bodyRows(all.text).length > rows2.length);
});

test('home page: freshness per organisation table', async () => {
  const r = await anon.get('/');
  assert.equal(r.status, 200);
  assert.match(r.text, /<caption[^>]*>Minst actuele partners in de provincie<\/caption>/);
  assert.match(r.text, /Bevestigd in het afgelopen jaar/);
  pages.push(['home', r.text]);
});

test('every new page passes the Nu HTML Checker and labels every control', async () => {
  await assertValidPages(path.join(srv.dir, 'vnu-edit'), pages);
  for (const [name, html] of pages) {
    assertControlsLabelled(name, html);
    // every aria-describedby target exists
    for (const m of html.matchAll(/aria-describedby="([^"]+)"/g)) {
      for (const id of m[1].split(' ')) assert.ok(html.includes(`id="${id}"`), `${name}: describedby #${id} missing`);
    }
    assert.equal((html.match(/<h1[ >]/g) || []).length, 1, `${name}: one h1`);
  }
});
