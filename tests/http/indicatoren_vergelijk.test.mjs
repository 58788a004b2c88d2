// indicatoren_vergelijk — the compare page /kennis/vergelijk, its CSV and
// GET /api/v1/kennis/vergelijk against the real binary, on SQLite or
// PostgreSQL: values with national and provincial rank (shared ranks for
// ties), the national median and quintile classes, the share below, missing
// shown as missing (never zero), peers of a gemeente by class; and the
// router's repeatable list parameters (checkboxes of a GET form), also on
// the gemeente dashboard's vergelijk=. Fictional values
// (tests/fixtures/indicatoren plus the fictional rows written here; the
// codes of three real Utrecht gemeenten so the map draws them).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, anonymous, atlas, decodeEntities, ROOT } from './harness.mjs';

const FIX = path.join(ROOT, 'tests', 'fixtures', 'indicatoren');
let srv, anon, dir;
const imp = (file) => {
  const r = atlas(['import', 'indicatoren', file, '--db', srv.db]);
  assert.equal(r.status, 0, r.stderr);
};
const write = (name, text) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const cmp = (q) => anon.getJson(`/api/v1/kennis/vergelijk${q}`);
const text = (x) => decodeEntities(x.replace(/<title>[\s\S]*?<\/title>/g, '').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  dir = mkdtempSync(path.join(tmpdir(), 'atlas-vergelijk-'));
  for (const f of ['gebieden.csv', 'indicatoren.csv', 'waarden.csv']) imp(path.join(FIX, f));
  imp(
    write(
      'gebieden.csv',
      'code,naam,niveau,provincie\n' +
        'GM0321,Houten,gemeente,PV26\n' +
        'GM0344,Utrecht,gemeente,PV26\n' +
        'GM0355,Zeist,gemeente,PV26\n',
    ),
  );
  imp(
    write(
      'klasse.csv',
      'key,naam,definitie,eenheid,thema,bron,bron_url,licentie,richting,gebiedsniveau,waarschuwing\n' +
        'klasse_gemeentegrootte,Grootteklasse (fictief),Grootteklasse (fictief).,,Vergelijkingsklassen,Testbureau (fictief),,CC BY 4.0 (fictief),neutraal,gemeente,\n',
    ),
  );
  // 2024, fietspaden (hoger is beter): 13.5, 20, 20, 99, 1234.5 with a value;
  // Proefdorp a row without one; Zeist no row at all
  imp(
    write(
      'waarden.csv',
      'indicator,gebied,periode,waarde,bron\n' +
        'test_fietspaden,GM0321,2024,20,Testbureau 2024\n' +
        'test_fietspaden,GM0344,2024,20,Testbureau 2024\n' +
        'test_wachttijd,GM0321,2022,,Testbureau 2022\n' +
        'klasse_gemeentegrootte,GM9901,2024,3,Testbureau\n' +
        'klasse_gemeentegrootte,GM9902,2024,3,Testbureau\n' +
        'klasse_gemeentegrootte,GM9903,2024,2,Testbureau\n' +
        'klasse_gemeentegrootte,GM9904,2024,3,Testbureau\n' +
        'klasse_gemeentegrootte,GM0321,2024,3,Testbureau\n',
    ),
  );
});

after(() => {
  srv?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('API: ranks with shared places, median, quintile, share below; missing is null; repeated gebieden joined', async () => {
  const d = await cmp('?indicator=test_fietspaden&gebieden=gm0321&gebieden=GM9903,gm0355&gebieden=gm0321');
  assert.equal(d.indicator.sleutel, 'test_fietspaden');
  assert.equal(d.indicator.bron, 'Testbureau (fictief)');
  assert.equal(d.indicator.licentie, 'CC BY 4.0 (fictief)');
  assert.equal(d.indicator.eenheid, 'km');
  assert.equal(d.periode, '2024'); // the newest with a value
  assert.equal(d.nederland.aantalMetWaarde, 5);
  assert.equal(d.nederland.mediaan, 20);
  assert.deepEqual(
    d.nederland.klassen.map((k) => k.totEnMet),
    [18.7, 20, 51.6, 326.1, 1234.5],
  );
  assert.deepEqual(d.gemeenten.map((g) => g.code), ['GM0321', 'GM9903', 'GM0355']);
  const [houten, voorbeeld, zeist] = d.gemeenten;
  assert.equal(houten.waarde, 20);
  assert.equal(houten.rangNederland, 3); // 1234.5, 99, then 20 twice
  assert.equal(houten.gerangschiktNederland, 5);
  assert.equal(houten.rangProvincie, 2); // 1234.5, 20, 20, 13.5 in PV26
  assert.equal(houten.gerangschiktProvincie, 4);
  assert.equal(houten.verschilMediaan, 0);
  assert.equal(houten.percentageLager, 25); // 13.5 of the four others
  assert.equal(houten.klasse, 2);
  assert.equal(voorbeeld.rangNederland, 1);
  assert.equal(voorbeeld.verschilMediaan, 1214.5);
  assert.equal(voorbeeld.percentageLager, 100);
  assert.equal(voorbeeld.klasse, 5);
  // no row at all: missing, never zero
  assert.equal(zeist.naam, 'Zeist');
  assert.equal(zeist.waarde, null);
  assert.equal(zeist.rangNederland, null);
  assert.equal(zeist.verschilMediaan, null);
  assert.equal(zeist.klasse, null);
  // every gemeente of the country with a row
  const all = await cmp('?indicator=test_fietspaden&gebieden=gm0321&alle=ja');
  assert.equal(all.totaal, 6);
  const proef = all.gemeenten.find((g) => g.code === 'GM9902');
  assert.equal(proef.waarde, null);
  assert.equal(all.gemeenten.find((g) => g.code === 'GM0321').gekozen, true);
  assert.equal(proef.gekozen, false);
  // an older period
  const old = await cmp('?indicator=test_fietspaden&gebieden=gm9901&periode=2023');
  assert.equal(old.periode, '2023');
  assert.equal(old.gemeenten[0].waarde, 12.5);
});

test('API: the peers of a gemeente by class, then the codes asked', async () => {
  const d = await cmp('?indicator=test_fietspaden&van=gm0321&gebieden=gm0344');
  assert.deepEqual(d.gemeenten.map((g) => g.code), ['GM0321', 'GM9901', 'GM9902', 'GM9904', 'GM0344']);
});

test('Dutch 400s for bad input, never a 500', async () => {
  const cases = [
    ['?gebieden=gm0321', /Kies een indicator/],
    ['?indicator=bestaat_niet', /kennen we niet/],
    ['?indicator=Niet-Geldig!', /kennen we niet/],
    ['?indicator=test_fietspaden&gebieden=gm03', /'gm03' is geen gemeentecode/],
    ['?indicator=test_fietspaden&gebieden=gm0001', /code 'GM0001' kennen we niet/],
    ['?indicator=test_fietspaden&periode=1900', /geen periode '1900'/],
    ['?indicator=test_fietspaden&van=gm0001', /Vergelijkbaar met/],
    ['?indicator=test_fietspaden&van=gm0321&klasse=kleur', /Onbekende klasse/],
    ['?indicator=test_fietspaden&alle=nee', /alleen 'ja'/],
    ['?indicator=test_fietspaden&indicator=test_wachttijd', /mag maar één keer voorkomen/],
  ];
  for (const [q, re] of cases) {
    for (const p of ['/api/v1/kennis/vergelijk', '/kennis/vergelijk.csv']) {
      const r = await anon.get(p + q);
      assert.equal(r.status, 400, p + q);
      assert.match(decodeEntities(r.text), re, p + q);
    }
  }
  const page = await anon.get('/kennis/vergelijk?indicator=test_fietspaden&gebieden=gm03');
  assert.equal(page.status, 400);
  assert.match(decodeEntities(page.text), /'gm03' is geen gemeentecode/);
  assert.match(page.text, /<form[^>]*action="\/kennis\/vergelijk"/);
});

test('router: a list parameter may repeat up to its cap; others may not repeat', async () => {
  const codes = Array.from({ length: 121 }, (_, i) => `gm${String(1000 + i)}`);
  const many = await anon.get(`/api/v1/kennis/vergelijk?indicator=test_fietspaden&${codes.map((c) => `gebieden=${c}`).join('&')}`);
  assert.equal(many.status, 400);
  assert.match(decodeEntities(many.text), /hoogstens 120 waarden/);
  const long = await anon.get(`/api/v1/kennis/vergelijk?indicator=test_fietspaden&gebieden=${'gm0321,'.repeat(120)}&gebieden=${'gm0344,'.repeat(30)}`);
  assert.equal(long.status, 400);
  assert.match(decodeEntities(long.text), /te lang/);
  // empty checkbox values are skipped
  const d = await cmp('?indicator=test_fietspaden&gebieden=&gebieden=gm0344');
  assert.deepEqual(d.gemeenten.map((g) => g.code), ['GM0344']);
  // a parameter that is not a list still refuses a second value
  const dup = await anon.get('/kennis/indicatoren/test_fietspaden?periode=2023&periode=2024');
  assert.equal(dup.status, 400);
  assert.match(decodeEntities(dup.text), /'periode' mag maar één keer voorkomen/);
});

test("the gemeente dashboard's own selection may be ticked: vergelijk= repeats", async () => {
  const d = await anon.getJson('/api/v1/kennis/gemeenten/gm0321/dashboard?vergelijk=gm9903&vergelijk=gm9901');
  assert.deepEqual(d.vergelijking.gemeenten.map((g) => g.code).sort(), ['GM9901', 'GM9903']);
  const r = await anon.get('/organisaties/gm0321/kennis?klasse=eigen&vergelijk=gm9903&vergelijk=gm9901');
  assert.equal(r.status, 200);
  assert.match(decodeEntities(r.text), /Voorbeeldstad[\s\S]*Testwaard|Testwaard[\s\S]*Voorbeeldstad/);
  // each indicator row links to the compare page with Houten and its peers
  const page = decodeEntities((await anon.get('/organisaties/gm0321/kennis')).text);
  assert.match(page, /href="\/kennis\/vergelijk\?indicator=test_fietspaden&van=GM0321&klasse=grootteklasse"/);
  const own = decodeEntities(r.text);
  assert.match(own, /href="\/kennis\/vergelijk\?indicator=test_fietspaden&gebieden=GM0321%2CGM9903%2CGM9901"/);
});

test('page: the form without parameters, linked from /kennis and the indicator page', async () => {
  const k = await anon.get('/kennis');
  assert.match(k.text, /href="\/kennis\/vergelijk"/);
  const ind = decodeEntities((await anon.get('/kennis/indicatoren/test_fietspaden')).text);
  assert.match(ind, /href="\/kennis\/vergelijk\?indicator=test_fietspaden&periode=2024">Vergelijk gemeenten/);
  const r = await anon.get('/kennis/vergelijk?gebieden=gm0344');
  assert.equal(r.status, 200);
  const t = decodeEntities(r.text);
  assert.match(t, /<h1[^>]*>Gemeenten vergelijken<\/h1>/);
  assert.match(t, /<optgroup label="Testthema"><option value="test_fietspaden">Fietspaden \(fictief\) \(km\)/);
  // the province's gemeenten as checkboxes, the chosen one ticked
  assert.match(t, /<input[^>]*type="checkbox" name="gebieden" id="g-GM0344" value="GM0344" checked><label[^>]*>Utrecht</);
  assert.match(t, /<input[^>]*type="checkbox" name="gebieden" id="g-GM0321" value="GM0321"><label[^>]*>Houten</);
  assert.doesNotMatch(t, /id="g-GM9904"/); // another province: the text field
  assert.match(t, /<select[^>]*name="van"/);
  assert.match(t, /<select[^>]*name="klasse"/);
});

test('page: table, choropleth with legend and table, distribution with summary; missing shown as missing', async () => {
  const r = await anon.get('/kennis/vergelijk?indicator=test_fietspaden&gebieden=gm0321&gebieden=gm9904&gebieden=gm0355');
  assert.equal(r.status, 200);
  const t = decodeEntities(r.text);
  assert.match(t, /<h1[^>]*>Vergelijken: Fietspaden \(fictief\)<\/h1>/);
  assert.match(text(t), /Houten: 20 km — hoger dan 25% van de gemeenten \(rang 3 van 5 in Nederland\)\./);
  assert.match(text(t), /Zeist: geen gegevens voor 2024\./);
  // source, licence, period, unit
  assert.match(text(t), /Bron Testbureau \(fictief\)/);
  assert.match(text(t), /Licentie CC BY 4\.0 \(fictief\)/);
  assert.match(text(t), /Periode 2024 \(ook: 2023 ?\)/);
  const rows = [...t.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => text(m[1]));
  assert.ok(rows.some((x) => /^Houten \(GM0321\) 20 Testbureau 2024 3 van 5 2 van 4 0$/.test(x)), rows.join('\n'));
  assert.ok(rows.some((x) => /^Elders aan Zee \(GM9904\) 99 Testbureau 2024 2 van 5 1 van 1 \+79$/.test(x)), rows.join('\n'));
  assert.ok(rows.some((x) => /^Zeist \(GM0355\) geen gegevens — — —$/.test(x)), rows.join('\n'));
  // the choropleth: a title per gemeente, the chosen outlined, a text legend and a table
  assert.match(t, /<svg class="atlas-map__svg"[^>]*role="img"/);
  assert.match(t, /<path class="atlas-vergelijk__area atlas-map__t1" d="[^"]+"><title>Houten: 20 km \(klasse 2 van 5\)<\/title>/);
  assert.match(t, /<path class="atlas-vergelijk__area" fill="url\(#vg-ontbreekt\)" d="[^"]+"><title>Zeist: geen gegevens<\/title>/);
  const chosen = t.match(/<g class="atlas-vergelijk__chosen">([\s\S]*?)<\/g>/)[1];
  assert.equal((chosen.match(/<path/g) || []).length, 4); // Houten and Zeist, halo and line each
  assert.match(text(t), /2: boven 18,7 tot en met 20 \(2 gemeenten in Nederland\)/);
  assert.match(text(t), /gearceerd: geen gegevens/);
  assert.ok(rows.some((x) => /^Utrecht 20 2 2 van 4$/.test(x)), rows.join('\n'));
  assert.ok(rows.some((x) => /^Houten \(gekozen\) 20 2 2 van 4$/.test(x)), rows.join('\n'));
  // the national distribution: median, the chosen labelled, a table of the bins
  assert.match(t, /<svg class="atlas-vergelijk__svg"[^>]*role="img"/);
  assert.match(t, /mediaan 20<\/text>/);
  assert.match(t, /<text class="atlas-vergelijk__label"[^>]*>Houten<\/text>/);
  assert.match(t, /<summary>Toon de verdeling als tabel<\/summary>/);
  // exports
  assert.match(t, /href="\/kennis\/vergelijk\.csv\?indicator=test_fietspaden&gebieden=GM0321%2CGM9904%2CGM0355|href="\/kennis\/vergelijk\.csv\?indicator=test_fietspaden&gebieden=gm0321%2Cgm9904%2Cgm0355"/);
  assert.match(t, /href="\/api\/v1\/kennis\/vergelijk\?[^"]*alle=ja"/);
  // the form again, with the choice ticked
  assert.match(t, /id="g-GM0321" value="GM0321" checked/);
  assert.match(t, /id="gebieden-elders"[^>]*value="GM9904"/);
});

test('CSV: the chosen gemeenten or all, with source and licence; missing is empty', async () => {
  const r = await anon.get('/kennis/vergelijk.csv?indicator=test_fietspaden&gebieden=gm0321,gm0355');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /text\/csv/);
  assert.match(r.headers.get('content-disposition'), /vergelijk-test_fietspaden\.csv/);
  const lines = r.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(
    lines[0],
    'Gemeentecode,Gemeente,Provincie,Periode,Waarde,Eenheid,Rang in Nederland,Gerangschikt in Nederland,Rang in de provincie,Gerangschikt in de provincie,Verschil met de mediaan van Nederland,Gekozen,Bron,Licentie',
  );
  assert.equal(lines[1], 'GM0321,Houten,PV26,2024,20,km,3,5,2,4,0,ja,Testbureau 2024,CC BY 4.0 (fictief)');
  assert.equal(lines[2], 'GM0355,Zeist,PV26,2024,,km,,0,,0,,ja,Testbureau (fictief),CC BY 4.0 (fictief)');
  const all = await anon.get('/kennis/vergelijk.csv?indicator=test_fietspaden&gebieden=gm0321&alle=ja');
  assert.equal(all.text.trim().split('\r\n').length, 7);
  assert.match(all.headers.get('content-disposition'), /vergelijk-test_fietspaden-alle\.csv/);
});

test('a period in which no gemeente has a value: missing everywhere, no median, no zero', async () => {
  const d = await cmp('?indicator=test_wachttijd&gebieden=gm0321&periode=2022');
  assert.equal(d.periode, '2022');
  assert.equal(d.nederland.aantalMetWaarde, 0);
  assert.equal(d.nederland.mediaan, null);
  assert.deepEqual(d.nederland.klassen, []);
  assert.equal(d.gemeenten[0].waarde, null);
  assert.equal(d.gemeenten[0].percentageLager, null);
  const r = await anon.get('/kennis/vergelijk?indicator=test_wachttijd&gebieden=gm0321&periode=2022');
  assert.equal(r.status, 200);
  const t = text(r.text);
  assert.match(t, /Voor 2022 heeft geen enkele gemeente een waarde/);
  assert.match(t, /Houten \(GM0321\) geen gegevens/);
  assert.doesNotMatch(t, /mediaan (van de )?\d/);
  assert.doesNotMatch(t, / 0 /);
  assert.doesNotMatch(r.text, /atlas-vergelijk__svg|atlas-map__svg/);
});
