// provenance — "says who?" per field: a numbered source mark
// next to each field that has provenance, the Bronnen list with the
// certainty in words and "secundaire bron", unconfirmed claims next to
// their field ("Gepland per …, niet bevestigd"), one "Nog niet bekend: …"
// line instead of a wall of "Onbekend", the last confirmation with a
// marker when it is older than a year, each partner's currency (home,
// organisation page, /actualiteit), and the same provenance in the API
// (/herkomst).
//
// The fixture is fictional (Gemeente Testdorp, Testregeling Testdorp, a
// fictional Gemeenteblad) and planted with SQL before the server starts,
// until the change-set import (`atlas import wijzigingen`) lands.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { startServer, freshDb, sql, isPgUrl, dropPgDb, anonymous, addUser, login, decodeEntities } from './harness.mjs';

const C = 'testregeling-testdorp';
const ORG = 'gm9998';
const OLD = 'afvalverwijdering-utrecht-avu'; // seed: last confirmed 7 October 2015
let srv, dir, db, anon, today;

const isoToday = () => new Date().toISOString().slice(0, 10);

before(async () => {
  ({ dir, db } = freshDb());
  today = isoToday();
  sql(
    db,
    `INSERT INTO source (key, title, publisher, url, kind) VALUES ` +
      `('test-gemeenteblad', 'Fictief Gemeenteblad Testdorp 2026, nr. 1', 'Gemeente Testdorp (fictief)', ` +
      `'https://zoek.officielebekendmakingen.nl/gmb-2026-test.html', 'bekendmaking'), ` +
      `('test-wiki', 'Testregeling Testdorp (fictieve encyclopedie)', 'Testpedia', 'https://nl.wikipedia.org/wiki/Testregeling', 'secundair');` +
      `INSERT INTO organisation (code, kind, name, cbs_code, tooi, in_province, last_confirmed) VALUES ` +
      `('${ORG}', 'municipality', 'Gemeente Testdorp (fictief)', 'GM9998', '', 1, '${today}');` +
      `INSERT INTO collaboration (key, name, kind, legal_form, last_confirmed, confirmed_by) VALUES ` +
      `('${C}', 'Testregeling Testdorp (fictief)', 'joint_arrangement', 'OL', '${today}', 'gebruiker:test');` +
      `INSERT INTO participation (collaboration_id, organisation_id, body, role, last_confirmed) VALUES ` +
      `((SELECT id FROM collaboration WHERE key = '${C}'), (SELECT id FROM organisation WHERE code = '${ORG}'), 'college', 'penvoerder', '${today}');` +
      `INSERT INTO provenance (entity, entity_key, field, status, value, source_id, source_url, source_date, confidence, recorded_at, recorded_by) VALUES ` +
      `('collaboration', '${C}', 'legal_form', 'fact', 'OL', (SELECT id FROM source WHERE key = 'test-gemeenteblad'), '', '2026-01-15', 'high', '${today}', 'test'), ` +
      `('collaboration', '${C}', 'start_date', 'unconfirmed', '2099-01-01', (SELECT id FROM source WHERE key = 'test-gemeenteblad'), '', '2026-01-15', 'low', '${today}', 'test'), ` +
      `('participation', '${C}/${ORG}', 'record', 'fact', '', (SELECT id FROM source WHERE key = 'test-wiki'), '', '', 'medium', '${today}', 'test'), ` +
      `('organisation', '${ORG}', 'cbs_code', 'fact', 'GM9998', (SELECT id FROM source WHERE key = 'test-gemeenteblad'), '', '2026-01-15', 'high', '${today}', 'test');`,
  );
  srv = await startServer({ db, dir });
  anon = anonymous(srv.base);
});

after(async () => {
  await srv?.stop();
  if (db && isPgUrl(db)) dropPgDb(db);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// The <dd> of the data-list item with key label.
const item = (html, label) => {
  const m = new RegExp(`<dt[^>]*>${label}</dt><dd[^>]*>([\\s\\S]*?)</dd>`).exec(html);
  return m ? m[1] : null;
};
const text = (html) => decodeEntities(html.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();

test('collaboration page: a source mark per field, the Bronnen list, an unconfirmed claim', async () => {
  const r = await anon.get(`/samenwerkingsverbanden/${C}`);
  assert.equal(r.status, 200);
  const lf = item(r.text, 'Juridische vorm');
  assert.ok(lf, 'legal form shown');
  assert.match(lf, /Openbaar lichaam/);
  assert.match(lf, /<sup class="atlas-ref"><a [^>]*href="#bron-1">\[<span class="atlas-visually-hidden">bron <\/span>1\]<\/a><\/sup>/);
  // the claim on the empty start date: shown next to the field, with its source
  const sd = item(r.text, 'Startdatum');
  assert.ok(sd, 'the start date item is there because of its claim');
  assert.match(text(sd), /Niet bevestigd Gepland per 1 januari 2099, niet bevestigd \(volgens een officiële bekendmaking\) ?\[ ?bron 1\]/);
  // Bronnen at the bottom: numbered, with publisher, date, words, secondary marked
  const src = /<section class="atlas-sources"[\s\S]*?<\/section>/.exec(r.text)?.[0];
  assert.ok(src, 'Bronnen section');
  assert.match(src, /<h2[^>]*>Bronnen<\/h2>/);
  const one = /<li class="utrecht-ordered-list__item" id="bron-1">([\s\S]*?)<\/ul><\/li>/.exec(src)?.[1];
  assert.ok(one);
  assert.match(text(one), /Fictief Gemeenteblad Testdorp 2026, nr\. 1, Gemeente Testdorp \(fictief\), 15 januari 2026/);
  assert.match(text(one), /Juridische vorm: bevestigd door officiële bekendmaking/);
  assert.match(text(one), /Startdatum: „1 januari 2099”, gepland, niet bevestigd/);
  assert.match(one, /href="https:\/\/zoek\.officielebekendmakingen\.nl\/gmb-2026-test\.html"/);
  assert.doesNotMatch(one, /secundaire bron/);
  const two = /id="bron-2">([\s\S]*?)<\/ul><\/li>/.exec(src)?.[1];
  assert.match(text(two), /\(secundaire bron\)/);
  assert.match(text(two), /Deelname van Gemeente Testdorp \(fictief\): volgens een secundaire bron/);
  // the participation row carries its mark
  const row = /<tr[^>]*>\s*<th scope="row"[^>]*>[\s\S]*?Gemeente Testdorp \(fictief\)[\s\S]*?<\/tr>/.exec(r.text)?.[0];
  assert.ok(row, 'participation row');
  assert.match(row, /href="#bron-2"/);
  // no code letters for certainty anywhere
  assert.doesNotMatch(text(src), /\b(high|medium|low)\b/);
});

test('gaps: one "Nog niet bekend" line with a way to fill them, no wall of Onbekend', async () => {
  const r = await anon.get(`/samenwerkingsverbanden/${C}`);
  const dl = /<h2 class="utrecht-heading-2"[^>]*>Gegevens<\/h2>([\s\S]*?)<\/dl>/.exec(r.text)[1];
  assert.doesNotMatch(dl, /Onbekend/);
  const gaps = /<p class="utrecht-paragraph atlas-gaps">([\s\S]*?)<\/p>/.exec(r.text)?.[1];
  assert.ok(gaps, 'gaps line');
  const t = text(gaps);
  assert.match(t, /^Nog niet bekend: doel, bevoegdheden, beleidsdomein, fase, vestigingsplaats, website\. Weet u het\? Meld het ons$/);
  assert.match(gaps, new RegExp(`href="/samenwerkingsverbanden/${C}/melding"`));
  // who may edit gets the edit form instead
  addUser(db, 'herkomst-staf', 'programmateam');
  const staf = await login(srv.base, 'herkomst-staf');
  const r2 = await staf.get(`/samenwerkingsverbanden/${C}`);
  const g2 = /<p class="utrecht-paragraph atlas-gaps">([\s\S]*?)<\/p>/.exec(r2.text)?.[1];
  assert.match(g2, new RegExp(`href="/samenwerkingsverbanden/${C}/bewerken">Vul aan</a>`));
});

test('staleness: last confirmed and by whom, older than a year is marked', async () => {
  const old = await anon.get(`/samenwerkingsverbanden/${OLD}`);
  assert.match(old.text, /Niet bevestigd in het afgelopen jaar/);
  const lc = text(item(old.text, 'Laatst bevestigd'));
  assert.equal(lc, 'Laatst bevestigd op 7 oktober 2015 volgens de bron ouder dan een jaar');
  // the participations in the members table too
  assert.match(old.text, /<td[^>]*>7 oktober 2015<br><span class="atlas-meta">door de bron<\/span><br><span[^>]*>ouder dan een jaar<\/span><\/td>/);
  const fresh = await anon.get(`/samenwerkingsverbanden/${C}`);
  assert.doesNotMatch(fresh.text, /Niet bevestigd in het afgelopen jaar/);
  assert.match(text(item(fresh.text, 'Laatst bevestigd')), /^Laatst bevestigd op \d+ \S+ \d{4} door test$/);
});

test('organisation page: its provenance, staleness and currency share', async () => {
  const r = await anon.get(`/organisaties/${ORG}`);
  assert.equal(r.status, 200);
  assert.match(item(r.text, 'CBS-code'), /GM9998<sup class="atlas-ref"><a [^>]*href="#bron-1">/);
  assert.match(r.text, /id="bron-1">[\s\S]*?CBS-code: bevestigd door officiële bekendmaking/);
  // own record + its participation + the collaboration it is penvoerder of: all confirmed today
  assert.match(text(item(r.text, 'Actualiteit')), /^3 van 3 gegevens \(100 %\) bevestigd in het afgelopen jaar/);
  assert.match(item(r.text, 'Actualiteit'), /href="\/actualiteit"/);
  // a seed gemeente: nothing confirmed in the last year
  const u = await anon.get('/organisaties/gm0344');
  const [, cur, all] = /^(\d+) van (\d+) gegevens/.exec(text(item(u.text, 'Actualiteit')));
  assert.ok(Number(cur) < Number(all), 'the seed is mostly older than a year');
  assert.match(u.text, /Niet bevestigd in het afgelopen jaar/);
  // gaps on the organisation page: TOOI code unknown
  assert.match(text(/<p class="utrecht-paragraph atlas-gaps">([\s\S]*?)<\/p>/.exec(r.text)[1]), /Nog niet bekend: TOOI-code/);
  assert.match(r.text, new RegExp(`href="/organisaties/${ORG}/melding"`));
});

test('home and /actualiteit: partners by currency, least current first', async () => {
  const home = await anon.get('/');
  assert.match(home.text, /<caption[^>]*>Minst actuele partners in de provincie<\/caption>/);
  assert.match(home.text, /href="\/actualiteit"/);
  const r = await anon.get('/actualiteit');
  assert.equal(r.status, 200);
  assert.match(r.text, /<h1 class="utrecht-heading-1">Actualiteit per partner<\/h1>/);
  assert.match(r.text, /<caption[^>]*>Actualiteit per partner, minst actueel eerst<\/caption>/);
  assert.match(r.text, /<th scope="col"[^>]*>Actueel<\/th>/);
  const rows = [...r.text.matchAll(/<tr[^>]*>\s*<th scope="row"[^>]*>([\s\S]*?)<\/th>([\s\S]*?)<\/tr>/g)].map((m) => ({
    name: text(m[1]),
    pct: Number((/>(\d+)\u00a0%</.exec(m[2]) || [])[1]),
  }));
  const partners = rows.filter((x) => !x.name.startsWith('Totaal'));
  assert.ok(partners.length > 20);
  for (let i = 1; i < partners.length; i++) assert.ok(partners[i - 1].pct <= partners[i].pct, `${partners[i - 1].name} before ${partners[i].name}`);
  const td = partners.find((x) => x.name === 'Gemeente Testdorp (fictief)');
  assert.equal(td.pct, 100);
  assert.equal(partners.at(-1).pct, 100);
});

test('API: /herkomst per collaboration and organisation', async () => {
  const j = await anon.getJson(`/api/v1/samenwerkingsverbanden/${C}/herkomst`);
  assert.equal(j.id, C);
  assert.equal(j._links.samenwerkingsverband.href, `/api/v1/samenwerkingsverbanden/${C}`);
  assert.equal(j.verouderd, false);
  assert.equal(j.bevestigdDoor, 'gebruiker:test');
  assert.equal(j.gegevens.length, 3);
  const lf = j.gegevens.find((g) => g.veld === 'legal_form');
  assert.deepEqual(
    { status: lf.status, waarde: lf.waarde, zekerheid: lf.zekerheid, woorden: lf.zekerheidInWoorden, bron: lf.bron, naam: lf.veldNaam },
    { status: 'feit', waarde: 'OL', zekerheid: 'hoog', woorden: 'bevestigd door officiële bekendmaking', bron: 1, naam: 'Juridische vorm' },
  );
  const sd = j.gegevens.find((g) => g.veld === 'start_date');
  assert.equal(sd.status, 'onbevestigd');
  assert.equal(sd.gepland, true);
  const part = j.gegevens.find((g) => g.soort === 'deelname');
  assert.equal(part.sleutel, `${C}/${ORG}`);
  assert.equal(j.bronnen.length, 2);
  assert.deepEqual(j.bronnen.map((b) => [b.nummer, b.sleutel, b.secundair]), [[1, 'test-gemeenteblad', false], [2, 'test-wiki', true]]);
  const o = await anon.getJson(`/api/v1/organisaties/${ORG}/herkomst`);
  assert.equal(o.code, ORG);
  assert.equal(o.gegevens.length, 1);
  const old = await anon.getJson(`/api/v1/samenwerkingsverbanden/${OLD}/herkomst`);
  assert.equal(old.verouderd, true);
  assert.equal(old.laatstBevestigd, '2015-10-07');
  assert.deepEqual(old.gegevens, []);
  const nf = await anon.get('/api/v1/samenwerkingsverbanden/bestaat-niet/herkomst');
  assert.equal(nf.status, 404);
  const nf2 = await anon.get('/api/v1/organisaties/bestaat-niet/herkomst');
  assert.equal(nf2.status, 404);
});
