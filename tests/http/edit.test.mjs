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
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, ATLAS, ROOT, decodeEntities } from './harness.mjs';
import { vnuValidate } from './vnu.mjs';

const PW = 'een-lang-testwachtwoord-2';
const TODAY = new Date().toISOString().slice(0, 10);
let srv;
const S = {};
const F = {};
const pages = []; // [name, html] for the validator

function addUser(name, rol, org) {
  const args = ['user', 'add', name, '--rol', rol, '--wachtwoord-stdin', '--db', srv.db];
  if (org) args.push('--organisatie', org);
  const r = spawnSync(ATLAS, args, { cwd: ROOT, input: PW + '\n', encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, `atlas user add ${name}: ${r.stderr}`);
}

async function login(name) {
  let r = await fetch(srv.base + '/inloggen', { redirect: 'manual' });
  const html = await r.text();
  const pre = (r.headers.getSetCookie() || []).map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)[1];
  r = await fetch(srv.base + '/inloggen', {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: pre, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ gebruikersnaam: name, wachtwoord: PW, csrf, terug: '/' }),
  });
  assert.equal(r.status, 303, `login ${name}`);
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('atlas_sessie='));
  const t = await (await fetch(srv.base + '/', { headers: { cookie } })).text();
  return { cookie, csrf: /name="csrf" value="([^"]+)"/.exec(t)[1] };
}

async function get(sess, p) {
  const r = await fetch(srv.base + p, { redirect: 'manual', headers: sess ? { cookie: sess.cookie } : {} });
  return { status: r.status, location: r.headers.get('location'), text: await r.text() };
}

async function post(sess, p, fields) {
  const body = new URLSearchParams();
  body.append('csrf', sess.csrf);
  for (const [k, v] of fields) body.append(k, v);
  const r = await fetch(srv.base + p, {
    method: 'POST', redirect: 'manual', body,
    headers: { cookie: sess.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  });
  return { status: r.status, location: r.headers.get('location'), text: await r.text() };
}

async function api(p) {
  const r = await fetch(srv.base + p);
  assert.equal(r.status, 200, `GET ${p}`);
  return r.json();
}
const total = async () => (await api('/api/v1/samenwerkingsverbanden?status=alle&paginaGrootte=1')).totaal;
const versie = (html) => /name="versie" value="(\d+)"/.exec(html)[1];
const summary = (html) => (/id="foutmeldingen"(.*?)<\/ul>/s.exec(html) || ['', ''])[1];

// All values of a collaboration form as [name, value] pairs (from its HTML).
function formValues(html) {
  const form = /<form class="atlas-edit-form"(.*?)<\/form>/s.exec(html)[1];
  const out = [];
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const a = m[1];
    const name = /name="([^"]+)"/.exec(a)?.[1];
    if (!name || name === 'csrf') continue;
    const value = decodeEntities(/value="([^"]*)"/.exec(a)?.[1] ?? '');
    if (/type="checkbox"/.test(a) && !/ checked/.test(a)) continue;
    out.push([name, value]);
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>(.*?)<\/select>/gs)) {
    const sel = /<option value="([^"]*)" selected>/.exec(m[2]);
    out.push([m[1], sel ? decodeEntities(sel[1]) : '']);
  }
  for (const m of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>(.*?)<\/textarea>/gs)) out.push([m[1], decodeEntities(m[2])]);
  return out;
}
// The body rows of the first table (header rows left out).
const bodyRows = (html) => [...((/<tbody[^>]*>(.*?)<\/tbody>/s.exec(html) || ['', ''])[1]).matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((m) => m[1]);
const setField = (vals, name, value) => vals.filter(([k]) => k !== name).concat([[name, value]]);

before(async () => {
  srv = await startServer();
  const list = await api('/api/v1/samenwerkingsverbanden?paginaGrootte=100');
  F.C = list.samenwerkingsverbanden[2].id;
  const c = await api(`/api/v1/samenwerkingsverbanden/${F.C}`);
  const inC = new Set(c.deelnemers.map((d) => d.organisatie.code));
  const orgs = await api('/api/v1/organisaties?soort=gemeente&paginaGrootte=100');
  F.OWN = orgs.organisaties.map((o) => o.code).find((k) => !inC.has(k));
  addUser('ed-staf', 'programmateam');
  addUser('ed-staf2', 'programmateam');
  addUser('ed-red', 'redacteur', F.OWN);
  S.staf = await login('ed-staf');
  S.staf2 = await login('ed-staf2');
  S.red = await login('ed-red');
});

after(async () => {
  await srv?.stop();
});

test('anonymous: the forms redirect to the login page, the record page shows no controls', async () => {
  for (const p of ['/samenwerkingsverbanden/nieuw', `/samenwerkingsverbanden/${F.C}/bewerken`, '/mijn-organisatie']) {
    const r = await get(null, p);
    assert.equal(r.status, 303, p);
    assert.match(r.location, /^\/inloggen\?terug=/, p);
  }
  const r = await get(null, `/samenwerkingsverbanden/${F.C}`);
  assert.equal(r.status, 200);
  assert.doesNotMatch(r.text, /Bevestig dat dit klopt|\/bewerken"/);
  assert.match(r.text, /Laatst bevestigd op/);
  assert.match(r.text, new RegExp(`/samenwerkingsverbanden/${F.C}/geschiedenis`));
});

test('new collaboration: invalid input gives 400 with an error summary, messages and the input kept', async () => {
  const form = await get(S.staf, '/samenwerkingsverbanden/nieuw');
  assert.equal(form.status, 200);
  pages.push(['nieuw', form.text]);
  const n0 = await total();
  const long = 'x'.repeat(5000);
  const r = await post(S.staf, '/samenwerkingsverbanden/nieuw', [
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
  const r2 = await post(S.staf, '/samenwerkingsverbanden/nieuw', [
    ['naam', 'Gemeenschappelijke regeling Testdorp'], ['soort', 'wgr'], ['beleidsdomeinen', 'bestuur'],
    ['startdatum', '2023-02-28'], ['einddatum', '2020-01-01'],
  ]);
  assert.equal(r2.status, 400);
  assert.match(summary(r2.text), /href="#f-einddatum"/);
  assert.equal(await total(), n0, 'nothing created');
});

test('new collaboration: valid input → 303 to the record, HTML shown escaped, notice shown', async () => {
  const n0 = await total();
  const r = await post(S.staf, '/samenwerkingsverbanden/nieuw', [
    ['naam', 'Testverband <script>alert(1)</script> Testdorp'], ['soort', 'netwerk'],
    ['beleidsdomeinen', 'bestuur'], ['beleidsdomeinen', 'veiligheid'], ['juridischeVorm', 'convenant'],
    ['bevoegdheidsverkrijging', 'onbekend'], ['fase', 'initiatief'], ['startdatum', '2024-02-29'],
    ['doel', 'Samen <em>testen</em>'],
  ]);
  assert.equal(r.status, 303, r.text.slice(0, 400));
  assert.match(r.location, /^\/samenwerkingsverbanden\/[a-z0-9-]+\?melding=aangemaakt$/);
  assert.equal(await total(), n0 + 1);
  F.NEW = /^\/samenwerkingsverbanden\/([^?]+)/.exec(r.location)[1];
  const page = await get(S.staf, r.location);
  assert.equal(page.status, 200);
  assert.match(page.text, /Het samenwerkingsverband is aangemaakt/);
  assert.match(page.text, /Testverband &lt;script&gt;alert\(1\)&lt;\/script&gt; Testdorp/);
  assert.doesNotMatch(page.text, /<script>alert/);
  assert.match(page.text, /Samen &lt;em&gt;testen&lt;\/em&gt;/);
  assert.match(page.text, /Laatst bevestigd op .* door ed-staf/);
  pages.push(['record-ingelogd', page.text]);
  const j = await api(`/api/v1/samenwerkingsverbanden/${F.NEW}`);
  assert.equal(j.naam, 'Testverband <script>alert(1)</script> Testdorp');
  assert.equal(j.laatstBevestigd, TODAY);
});

test('a partner editor who creates a collaboration becomes its penvoerder and can edit it', async () => {
  const r = await post(S.red, '/samenwerkingsverbanden/nieuw', [
    ['naam', 'Netwerk Testdorp en omstreken'], ['soort', 'netwerk'], ['beleidsdomeinen', 'bestuur'],
    ['juridischeVorm', 'onbekend'], ['bevoegdheidsverkrijging', 'onbekend'], ['fase', 'onbekend'],
  ]);
  assert.equal(r.status, 303, r.text.slice(0, 400));
  const key = /^\/samenwerkingsverbanden\/([^?]+)/.exec(r.location)[1];
  const j = await api(`/api/v1/samenwerkingsverbanden/${key}`);
  assert.deepEqual(j.deelnemers.map((d) => [d.organisatie.code, d.rol]), [[F.OWN, 'penvoerder']]);
  const form = await get(S.red, `/samenwerkingsverbanden/${key}/bewerken`);
  assert.equal(form.status, 200);
  F.RED_COLLAB = key;
});

test('edit collaboration: invalid → 400, valid → 303 with notice', async () => {
  const form = await get(S.staf, `/samenwerkingsverbanden/${F.C}/bewerken`);
  assert.equal(form.status, 200);
  pages.push(['bewerken', form.text]);
  const vals = formValues(form.text);
  const before = await api(`/api/v1/samenwerkingsverbanden/${F.C}`);
  for (const [field, value, target] of [
    ['naam', '', 'naam'],
    ['startdatum', '2023-02-31', 'startdatum'],
    ['fase', 'kapot', 'fase'],
    ['opmerking', 'y'.repeat(5000), 'opmerking'],
    ['website', 'javascript:alert(1)', 'website'],
  ]) {
    const r = await post(S.staf, `/samenwerkingsverbanden/${F.C}/bewerken`, setField(vals, field, value));
    assert.equal(r.status, 400, `${field}=${value.slice(0, 20)}`);
    assert.match(summary(r.text), new RegExp(`href="#f-${target}"`), field);
  }
  const r0 = await post(S.staf, `/samenwerkingsverbanden/${F.C}/bewerken`,
    setField(setField(vals, 'startdatum', '2020-05-01'), 'einddatum', '2020-04-30'));
  assert.equal(r0.status, 400);
  assert.match(summary(r0.text), /href="#f-einddatum"/);
  assert.deepEqual(await api(`/api/v1/samenwerkingsverbanden/${F.C}`), before, 'nothing changed');

  const r = await post(S.staf, `/samenwerkingsverbanden/${F.C}/bewerken`, setField(vals, 'vestigingsplaats', 'Testdorp <i>centrum</i>'));
  assert.equal(r.status, 303);
  assert.equal(r.location, `/samenwerkingsverbanden/${F.C}?melding=opgeslagen`);
  const page = await get(S.staf, r.location);
  assert.match(page.text, /De wijzigingen zijn opgeslagen/);
  assert.match(page.text, /Testdorp &lt;i&gt;centrum&lt;\/i&gt;/);
  const after = await api(`/api/v1/samenwerkingsverbanden/${F.C}`);
  assert.equal(after.vestigingsplaats, 'Testdorp <i>centrum</i>');
  assert.equal(after.versie, before.versie + 1);
});

test('conflict: the second of two sessions gets 409 with both versions and nothing is overwritten', async () => {
  const a = await get(S.staf, `/samenwerkingsverbanden/${F.C}/bewerken`);
  const b = await get(S.staf2, `/samenwerkingsverbanden/${F.C}/bewerken`);
  assert.equal(versie(a.text), versie(b.text));
  const va = setField(formValues(a.text), 'vestigingsplaats', 'Eerst-dorp');
  const vb = setField(formValues(b.text), 'vestigingsplaats', 'Tweede-dorp');
  const ra = await post(S.staf, `/samenwerkingsverbanden/${F.C}/bewerken`, va);
  assert.equal(ra.status, 303);
  const rb = await post(S.staf2, `/samenwerkingsverbanden/${F.C}/bewerken`, vb);
  assert.equal(rb.status, 409);
  pages.push(['conflict', rb.text]);
  assert.match(rb.text, /niet<\/strong> opgeslagen/);
  assert.match(rb.text, /Uw invoer/);
  assert.match(rb.text, /Nu opgeslagen/);
  assert.match(rb.text, /<mark>Tweede-dorp<\/mark>/);
  assert.match(rb.text, /<mark>Eerst-dorp<\/mark>/);
  assert.match(rb.text, /Verschilt/);
  assert.match(rb.text, new RegExp(`href="/samenwerkingsverbanden/${F.C}/bewerken"`));
  assert.equal((await api(`/api/v1/samenwerkingsverbanden/${F.C}`)).vestigingsplaats, 'Eerst-dorp');
});

test('participations: add (invalid, valid), edit, end with a date', async () => {
  const form = await get(S.staf, `/samenwerkingsverbanden/${F.C}/deelnemers/nieuw`);
  assert.equal(form.status, 200);
  pages.push(['deelnemer-nieuw', form.text]);
  const before = await api(`/api/v1/samenwerkingsverbanden/${F.C}`);
  const bad = await post(S.staf, `/samenwerkingsverbanden/${F.C}/deelnemers/nieuw`, [
    ['organisatie', F.OWN], ['orgaan', 'koning'], ['rol', 'baas'], ['kostenverdeelsleutel', '2'],
    ['bijdrage', '-5'], ['toegetreden', '2023-02-31'], ['opmerking', 'z'.repeat(5000)],
  ]);
  assert.equal(bad.status, 400);
  pages.push(['deelnemer-fouten', bad.text]);
  for (const f of ['orgaan', 'rol', 'kostenverdeelsleutel', 'bijdrage', 'toegetreden', 'opmerking']) {
    assert.match(summary(bad.text), new RegExp(`href="#f-${f}"`), f);
  }
  assert.deepEqual(await api(`/api/v1/samenwerkingsverbanden/${F.C}`), before, 'nothing changed');

  const ok = await post(S.staf, `/samenwerkingsverbanden/${F.C}/deelnemers/nieuw`, [
    ['organisatie', F.OWN], ['orgaan', 'college'], ['rol', 'deelnemer'], ['kostenverdeelsleutel', '0,25'],
    ['bijdrage', '12000'], ['toegetreden', '2025-01-01'], ['opmerking', '<b>vet</b>'],
  ]);
  assert.equal(ok.status, 303, ok.text.slice(0, 300));
  assert.equal(ok.location, `/samenwerkingsverbanden/${F.C}?melding=toegevoegd`);
  const c = await api(`/api/v1/samenwerkingsverbanden/${F.C}`);
  const p = c.deelnemers.find((d) => d.organisatie.code === F.OWN);
  assert.equal(p.kostenverdeelsleutel, 0.25);
  assert.equal(p.bijdrage, 12000);
  F.P = p.id;

  // the partner editor of that organisation may edit it
  const ef = await get(S.red, `/samenwerkingsverbanden/${F.C}/deelnemers/${F.P}/bewerken`);
  assert.equal(ef.status, 200);
  pages.push(['deelname-bewerken', ef.text]);
  const v = versie(ef.text);
  const e1 = await post(S.red, `/samenwerkingsverbanden/${F.C}/deelnemers/${F.P}/bewerken`, [
    ['versie', v], ['orgaan', 'raad'], ['rol', 'trekker'], ['kostenverdeelsleutel', ''], ['bijdrage', '15000'],
    ['toegetreden', '2025-01-01'], ['uitgetreden', '2024-12-31'], ['opmerking', ''],
  ]);
  assert.equal(e1.status, 400, 'left before joined');
  assert.match(summary(e1.text), /href="#f-uitgetreden"/);
  const e2 = await post(S.red, `/samenwerkingsverbanden/${F.C}/deelnemers/${F.P}/bewerken`, [
    ['versie', v], ['orgaan', 'raad'], ['rol', 'trekker'], ['kostenverdeelsleutel', ''], ['bijdrage', '15000'],
    ['toegetreden', '2025-01-01'], ['uitgetreden', ''], ['opmerking', ''],
  ]);
  assert.equal(e2.status, 303);
  const p2 = (await api(`/api/v1/samenwerkingsverbanden/${F.C}`)).deelnemers.find((d) => d.id === F.P);
  assert.equal(p2.rol, 'trekker');
  assert.equal(p2.bijdrage, 15000);
  // a stale version: conflict
  const e3 = await post(S.red, `/samenwerkingsverbanden/${F.C}/deelnemers/${F.P}/bewerken`, [
    ['versie', v], ['orgaan', 'college'], ['rol', 'deelnemer'], ['kostenverdeelsleutel', ''], ['bijdrage', ''],
    ['toegetreden', ''], ['uitgetreden', ''], ['opmerking', ''],
  ]);
  assert.equal(e3.status, 409);
  assert.equal((await api(`/api/v1/samenwerkingsverbanden/${F.C}`)).deelnemers.find((d) => d.id === F.P).rol, 'trekker');

  // end: invalid date, then valid
  const ef2 = await get(S.red, `/samenwerkingsverbanden/${F.C}/deelnemers/${F.P}/bewerken`);
  const endV = /action="[^"]*\/beeindigen">.*?name="versie" value="(\d+)"/s.exec(ef2.text)[1];
  const x1 = await post(S.red, `/samenwerkingsverbanden/${F.C}/deelnemers/${F.P}/beeindigen`, [['versie', endV], ['uittreding', '2023-02-31']]);
  assert.equal(x1.status, 400);
  assert.match(summary(x1.text), /href="#f-uittreding"/);
  pages.push(['beeindigen-fout', x1.text]);
  const x2 = await post(S.red, `/samenwerkingsverbanden/${F.C}/deelnemers/${F.P}/beeindigen`, [['versie', endV], ['uittreding', '2025-06-30']]);
  assert.equal(x2.status, 303);
  const p3 = (await api(`/api/v1/samenwerkingsverbanden/${F.C}`)).deelnemers.find((d) => d.id === F.P);
  assert.equal(p3.uitgetreden, '2025-06-30');
});

test('organisation: edit own organisation (invalid, valid); another organisation is forbidden', async () => {
  const form = await get(S.red, `/organisaties/${F.OWN}/bewerken`);
  assert.equal(form.status, 200);
  pages.push(['organisatie-bewerken', form.text]);
  const v = versie(form.text);
  const bad = await post(S.red, `/organisaties/${F.OWN}/bewerken`, [
    ['versie', v], ['naam', ''], ['inwoners', 'veel'], ['peildatumInwoners', '2023-02-31'], ['oppervlakte', 'groot'], ['opmerking', ''],
  ]);
  assert.equal(bad.status, 400);
  pages.push(['organisatie-fouten', bad.text]);
  for (const f of ['naam', 'inwoners', 'peildatumInwoners', 'oppervlakte']) assert.match(summary(bad.text), new RegExp(`href="#f-${f}"`), f);
  const name = (await api(`/api/v1/organisaties/${F.OWN}`)).naam;
  const ok = await post(S.red, `/organisaties/${F.OWN}/bewerken`, [
    ['versie', v], ['naam', name], ['inwoners', '12345'], ['peildatumInwoners', '2025-01-01'], ['oppervlakte', '12,5'], ['opmerking', 'Let op: <u>test</u>'],
  ]);
  assert.equal(ok.status, 303);
  const page = await get(S.red, ok.location);
  assert.match(page.text, /De wijzigingen zijn opgeslagen/);
  assert.match(page.text, /Let op: &lt;u&gt;test&lt;\/u&gt;/);
  pages.push(['organisatie-ingelogd', page.text]);
  assert.equal((await api(`/api/v1/organisaties/${F.OWN}`)).inwoners.aantal, 12345);
  const other = (await api('/api/v1/organisaties?soort=gemeente&paginaGrootte=100')).organisaties.find((o) => o.code !== F.OWN).code;
  const f2 = await get(S.red, `/organisaties/${other}/bewerken`);
  assert.equal(f2.status, 403);
});

test('"Bevestig dat dit klopt" renews laatst bevestigd, with the user', async () => {
  const page = await get(S.staf, `/samenwerkingsverbanden/${F.C}`);
  const before = await api(`/api/v1/samenwerkingsverbanden/${F.C}`);
  assert.notEqual(before.laatstBevestigd, TODAY);
  const v = /action="\/samenwerkingsverbanden\/[^"]+\/bevestigen">.*?name="versie" value="(\d+)"/s.exec(page.text)[1];
  const r = await post(S.staf, `/samenwerkingsverbanden/${F.C}/bevestigen`, [['versie', v]]);
  assert.equal(r.status, 303);
  assert.equal(r.location, `/samenwerkingsverbanden/${F.C}?melding=bevestigd`);
  const after = await api(`/api/v1/samenwerkingsverbanden/${F.C}`);
  assert.equal(after.laatstBevestigd, TODAY);
  const p2 = await get(S.staf, r.location);
  assert.match(p2.text, /Bevestigd: de datum/);
  assert.match(p2.text, /Laatst bevestigd op [^<]* door ed-staf/);
  // the same (now stale) version again: conflict, nothing changes
  const r2 = await post(S.staf, `/samenwerkingsverbanden/${F.C}/bevestigen`, [['versie', v]]);
  assert.equal(r2.status, 409);
  assert.deepEqual(await api(`/api/v1/samenwerkingsverbanden/${F.C}`), after);
});

test('/mijn-organisatie: oldest confirmation first, stale ones marked, confirming moves a record down', async () => {
  const r = await get(S.red, '/mijn-organisatie');
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
  const c = await post(S.red, `/organisaties/${F.OWN}/bevestigen`, [['versie', v], ['terug', '/mijn-organisatie']]);
  assert.equal(c.status, 303);
  assert.equal(c.location, '/mijn-organisatie?melding=bevestigd');
  const r2 = await get(S.red, c.location);
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
  const all = await get(S.staf, '/mijn-organisatie');
  assert.equal(all.status, 200);
  assert.ok(bodyRows(all.text).length > rows2.length);
});

test('home page: freshness per organisation table', async () => {
  const r = await get(null, '/');
  assert.equal(r.status, 200);
  assert.match(r.text, /<caption[^>]*>Verouderde deelnames per organisatie in de provincie<\/caption>/);
  assert.match(r.text, /Langer dan 12 maanden niet bevestigd/);
  pages.push(['home', r.text]);
});

test('every new page passes the Nu HTML Checker and labels every control', async () => {
  const dir = path.join(srv.dir, 'vnu-edit');
  mkdirSync(dir, { recursive: true });
  const files = pages.map(([name, html]) => {
    const f = path.join(dir, `${name}.html`);
    writeFileSync(f, html);
    return f;
  });
  const msgs = vnuValidate(files);
  assert.deepEqual(msgs.map((m) => `${path.basename(m.file)}:${m.line}: ${m.message}`), []);
  for (const [name, html] of pages) {
    // every visible input/select/textarea has a label for its id
    for (const m of html.matchAll(/<(input|select|textarea)([^>]*)>/g)) {
      if (/type="(hidden|submit)"/.test(m[2])) continue;
      const id = /id="([^"]+)"/.exec(m[2])?.[1];
      if (!id || id === 'q') continue; // the search box in the header has its own label check
      assert.ok(html.includes(`for="${id}"`) || /aria-label=/.test(m[2]), `${name}: control #${id} without label`);
    }
    // every aria-describedby target exists
    for (const m of html.matchAll(/aria-describedby="([^"]+)"/g)) {
      for (const id of m[1].split(' ')) assert.ok(html.includes(`id="${id}"`), `${name}: describedby #${id} missing`);
    }
    assert.equal((html.match(/<h1[ >]/g) || []).length, 1, `${name}: one h1`);
  }
});
