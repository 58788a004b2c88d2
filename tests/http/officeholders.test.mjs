// officeholders — public office holders as a change-set table
// (app/officeholders.h), applied as a change set with `atlas import
// wijzigingen MAP [--toepassen]` (a folder holding office_holders.csv):
// the dry run writes nothing, the
// real run adds people, offices and a seat with their sources, a second
// run changes nothing; the Veiligheidsregio Utrecht page shows its
// algemeen bestuur "volgens de wet (Wet veiligheidsregio's, art. 11)" from
// the burgemeester offices, each with its own source, a waarnemer as
// "Waarnemend burgemeester" and a low-confidence row as "Mogelijk
// verouderd"; the API lists the same derived seats; anonymous visitors see
// these public office holders and no contact details (none are stored);
// a row with an unknown organisation code is refused with file and line.
// Every person here is fictional; the organisations are the seed's.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { atlas, freshDb, startServer } from './harness.mjs';

const { dir, db } = freshDb();
after(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'organisation_code,person_name,office,portfolio,collaboration_key,body,start_date,source_url,source_title,source_date,retrieved,confidence,note';
const ROWS = [
  'gm0344,Testa Eerstburger,burgemeester,,,,2020-12,https://example.org/test/utrecht,Testbericht burgemeester Utrecht,2026-01-29,2026-12-06,medium,Fictief.',
  'gm0307,Testo Waarnemer,waarnemend burgemeester,,,,2025-10-02,https://example.org/test/amersfoort,Testbericht waarnemer Amersfoort,,2026-12-06,high,',
  'gm0308,Testine Oudbron,burgemeester,,,,2023-03-30,https://example.org/test/baarn,Oud testbericht Baarn,2023,2026-12-06,low,Geen nieuwere bron.',
  'gm0344,Testa Eerstburger,voorzitter algemeen bestuur,,veiligheidsregio-utrecht,voorzitter,,https://example.org/test/vru,Testbericht voorzitter VRU,,2026-12-06,medium,',
];
const set = path.join(dir, 'ambtsdragers');
mkdirSync(set);
writeFileSync(path.join(set, 'office_holders.csv'), [HEADER, ...ROWS, ''].join('\n'));

const total = (out) => Number(out.match(/: (\d+) wijziging\(en\)/)?.[1]);

test('import: dry run writes nothing, the real run adds, a second run changes nothing', () => {
  const dry = atlas(['import', 'wijzigingen', set, '--db', db]);
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, /proefrun/);
  assert.ok(total(dry.stdout) > 0, dry.stdout);
  const again = atlas(['import', 'wijzigingen', set, '--db', db]);
  assert.equal(total(again.stdout), total(dry.stdout), 'the dry run wrote something');

  const real = atlas(['import', 'wijzigingen', set, '--toepassen', '--db', db]);
  assert.equal(real.status, 0, real.stderr);
  assert.equal(total(real.stdout), total(dry.stdout));
  assert.match(real.stdout, /office_holders\.csv:2\s+nieuw\s+person testa-eerstburger/);
  assert.match(real.stdout, /office_holders\.csv:5\s+nieuw\s+seat veiligheidsregio-utrecht\/\d+/);

  const second = atlas(['import', 'wijzigingen', set, '--toepassen', '--db', db]);
  assert.equal(second.status, 0, second.stderr);
  assert.equal(total(second.stdout), 0, second.stdout);
  assert.match(second.stdout, /4 regel\(s\) ongewijzigd/);
});

test('a bad row: file, line and reason; nothing written', () => {
  const bad = path.join(dir, 'slecht');
  mkdirSync(bad);
  writeFileSync(path.join(bad, 'office_holders.csv'), [HEADER, ROWS[0].replace('gm0344,Testa', 'gm9990,Testa'), 'gm0344,Testb,wethouder,,,,2020-02-30,https://example.org/x,X,,,medium,', ''].join('\n'));
  const r = atlas(['import', 'wijzigingen', bad, '--toepassen', '--db', db]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /office_holders\.csv:2: Onbekende organisatiecode 'gm9990'/);
  assert.match(r.stderr, /office_holders\.csv:3: Onbekende functie 'wethouder'/);
  assert.match(r.stderr, /office_holders\.csv:3: Ongeldige begindatum '2020-02-30'/);
  assert.match(r.stdout, /niets vastgelegd/);
});

test('the VRU page and API: algemeen bestuur by law, with each burgemeester\'s source', async () => {
  const srv = await startServer({ db, dir });
  try {
    const page = await srv.get('/samenwerkingsverbanden/veiligheidsregio-utrecht');
    assert.equal(page.status, 200);
    const html = page.text;
    assert.match(html, /Algemeen bestuur volgens de wet \(Wet veiligheidsregio(&#39;|')s, art\. 11\)/);
    assert.match(html, /wetten\.overheid\.nl\/jci1\.3:c:BWBR0027466&amp;artikel=11/);
    assert.match(html, /Testa Eerstburger/);
    assert.match(html, /Testbericht burgemeester Utrecht/);
    assert.match(html, /Waarnemend burgemeester/);
    assert.match(html, /Testo Waarnemer/);
    // the low row: shown, marked as possibly outdated, with its source
    const baarn = html.slice(html.indexOf('Testine Oudbron'));
    assert.ok(html.includes('Testine Oudbron'));
    assert.match(baarn.slice(0, 1500), /Oud testbericht Baarn/);
    assert.match(baarn.slice(0, 1500), /Mogelijk verouderd/);
    // gemeenten without a recorded burgemeester say so
    assert.match(html, /Geen burgemeester vastgelegd/);
    // the recorded seat (voorzitter) with its source
    assert.match(html, /Testbericht voorzitter VRU/);

    const api = await srv.getJson('/api/v1/samenwerkingsverbanden/veiligheidsregio-utrecht/zetels');
    const derived = api.wettelijkeZetels;
    assert.ok(Array.isArray(derived) && derived.length >= 26, 'one derived seat per gemeente');
    const utrecht = derived.find((d) => d.namens.code === 'gm0344');
    assert.equal(utrecht.orgaan, 'algemeen-bestuur');
    assert.equal(utrecht.persoon.naam, 'Testa Eerstburger');
    assert.equal(utrecht.van, '2020-12-01');
    assert.match(utrecht.grondslag.tekst, /volgens de wet \(Wet veiligheidsregio's, art\. 11\)/);
    assert.equal(utrecht.bron.titel, 'Testbericht burgemeester Utrecht');
    assert.equal(utrecht.bron.mogelijkVerouderd, false);
    const amersfoort = derived.find((d) => d.namens.code === 'gm0307');
    assert.equal(amersfoort.waarnemend, true);
    const baarnSeat = derived.find((d) => d.namens.code === 'gm0308');
    assert.equal(baarnSeat.bron.zekerheid, 'low');
    assert.equal(baarnSeat.bron.mogelijkVerouderd, true);
    assert.equal(derived.find((d) => d.namens.code === 'gm0355').persoon, null);
    assert.equal(api.zetels.length, 1);
    assert.equal(api.zetels[0].orgaan, 'voorzitter');

    // the network's person nodes: the derived seat is marked as by law
    const net = await srv.getJson('/api/v1/netwerk?personen=ja');
    const edges = net.verbindingen.filter((e) => e.bron === 'p-testa-eerstburger' && e.doel === 's-veiligheidsregio-utrecht');
    assert.ok(edges.some((e) => e.orgaan === 'algemeen-bestuur' && e.volgensDeWet === true), JSON.stringify(edges));
    assert.ok(edges.some((e) => e.orgaan === 'voorzitter' && e.volgensDeWet === false), JSON.stringify(edges));
    const netPage = await srv.get('/netwerk?personen=ja');
    assert.match(netPage.text, /\(volgens de wet\)/);

    // anonymous visitors see these public office holders, with no contact details
    const people = await srv.getJson('/api/v1/personen');
    const names = JSON.stringify(people);
    for (const n of ['Testa Eerstburger', 'Testo Waarnemer', 'Testine Oudbron']) assert.ok(names.includes(n), n);
    const person = await srv.getJson('/api/v1/personen/testa-eerstburger');
    assert.ok(!person.email && !person.telefoon, 'contact details appeared');
    // the seat by law also on the holder's page and on the gemeente's page
    const testa = await srv.get('/personen/testa-eerstburger');
    assert.match(testa.text, /Zetels volgens de wet/);
    assert.match(testa.text, /Algemeen bestuur, <a[^>]*>volgens de wet \(Wet veiligheidsregio(&#39;|')s, art\. 11\)<\/a> als burgemeester/);
    const utrechtPage = await srv.get('/organisaties/gm0344');
    assert.match(utrechtPage.text, /Zetels volgens de wet/);
    assert.match(utrechtPage.text.slice(utrechtPage.text.indexOf('Zetels volgens de wet')), /Testa Eerstburger[\s\S]*Veiligheidsregio Utrecht/);
    const baarnPage = await srv.get('/organisaties/gm0308');
    assert.match(baarnPage.text, /Testine Oudbron/);
    assert.match(baarnPage.text, /Mogelijk verouderd/);

    const personPage = await srv.get('/personen/testine-oudbron');
    assert.equal(personPage.status, 200);
    assert.match(personPage.text, /Mogelijk verouderd/);
    assert.match(personPage.text, /Oud testbericht Baarn/);
  } finally {
    await srv.stop();
  }
});
