// financien — the financial scan's comparison of lasten and baten against
// the real binary, on SQLite or PostgreSQL: GET /api/v1/financien/
// gemeenten/{code} (quartiles of the peer group by type-7 interpolation,
// deviation per inhabitant and in euros, missing never zero, the ranking,
// hoofdstuk totals, the peer groups and an explicit list, the document) and
// the pages /financien (with the national distribution) and /financien/{code}. Fictional gemeenten, Iv3
// indicators and values (tests/fixtures/financien).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, anonymous, atlas, ROOT } from './harness.mjs';

const FIX = path.join(ROOT, 'tests', 'fixtures', 'financien');
let srv, anon;
const fin = (code, q = '') => anon.getJson(`/api/v1/financien/gemeenten/${code}${q}`);
const tv = (d, code) => d.taakvelden.find((x) => x.code === code);
const text = (html) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  for (const f of ['gebieden.csv', 'indicatoren.csv', 'waarden.csv']) {
    const r = atlas(['import', 'indicatoren', path.join(FIX, f), '--db', srv.db]);
    assert.equal(r.status, 0, r.stderr);
  }
});

after(() => srv?.stop());

test('API: quartiles of the same size class and stedelijkheid, deviation per inhabitant and in euros', async () => {
  const d = await fin('gm9901');
  assert.equal(d.gemeente, 'GM9901');
  assert.equal(d.naam, 'Testwaard');
  assert.equal(d.soort, 'jaarrekening');
  assert.equal(d.periode, '2023');
  assert.equal(d.inwonertal, 10000);
  assert.equal(d.vergelijking.groep, 'grootte_stedelijkheid');
  // Elders aan Zee has another stedelijkheid; the gemeente itself is no peer
  assert.deepEqual(d.vergelijking.gemeenten.map((g) => g.code).sort(), ['GM9902', 'GM9903', 'GM9905', 'GM9906']);
  // lasten 0.1: peers 80, 90, 120, 200 -> p25 87.5, median 105, p75 140 (type 7)
  const b = tv(d, '0.1');
  assert.equal(b.naam, 'Bestuur (fictief)');
  assert.equal(b.hoofdstuk, 0);
  assert.deepEqual(b.lasten, {
    perInwoner: 100,
    vergelijkbaar: { aantalMetWaarde: 4, p25: 87.5, mediaan: 105, p75: 140 },
    afwijkingPerInwoner: -5,
    tenOpzichteVanKwartielen: 'binnen',
  });
  assert.equal(b.afwijkingLastenTotaal, -50000);
  // baten 0.1: Verweg has no value -> three peers 10, 20, 40 (missing is not zero)
  assert.deepEqual(b.baten.vergelijkbaar, { aantalMetWaarde: 3, p25: 15, mediaan: 20, p75: 30 });
  // saldo = baten - lasten, only where both are present: -60, -80, -80
  assert.equal(b.saldo.perInwoner, -70);
  assert.deepEqual(b.saldo.vergelijkbaar, { aantalMetWaarde: 3, p25: -80, mediaan: -80, p75: -70 });
  // 6.1: 500 against 300..330 -> 185 above the median 315, 1.85 million in all
  const s = tv(d, '6.1');
  assert.equal(s.lasten.afwijkingPerInwoner, 185);
  assert.equal(s.lasten.tenOpzichteVanKwartielen, 'boven');
  assert.equal(s.afwijkingLastenTotaal, 1850000);
  assert.equal(s.boekingsvoorschriftenGewijzigd2023, true);
  assert.equal(b.boekingsvoorschriftenGewijzigd2023, false);
  // 6.3: the gemeente's own value is missing: shown as missing, not ranked
  const i = tv(d, '6.3');
  assert.equal(i.lasten.perInwoner, null);
  assert.equal(i.lasten.afwijkingPerInwoner, null);
  assert.equal(i.lasten.vergelijkbaar.mediaan, 65);
  assert.equal(i.afwijkingLastenTotaal, null);
  // largest deviation in euros first; taakvelden in code order
  assert.deepEqual(d.grootsteAfwijkingen, ['6.1', '0.1']);
  assert.deepEqual(d.taakvelden.map((x) => x.code), ['0.1', '6.1', '6.3']);
  // hoofdstuk 6: the sum of the present taakvelden per gemeente (peers 350..410)
  const h6 = d.hoofdstukken[6];
  assert.equal(h6.naam, 'Sociaal domein');
  assert.equal(h6.lasten.perInwoner, 500);
  assert.equal(h6.lasten.vergelijkbaar.mediaan, 380);
  assert.equal(d.bron, 'Testbureau Iv3 (fictief)');
  assert.equal(d.licentie, 'CC BY 4.0 (fictief)');
});

test('API: the province, the country, an explicit list, the begroting; bad input is a Dutch 400, unknown codes 404', async () => {
  // provincie: the other PV26 gemeenten 80, 90, 120
  assert.equal(tv(await fin('gm9901', '?vergelijking=provincie'), '0.1').lasten.vergelijkbaar.mediaan, 90);
  // land: every other gemeente 60, 80, 90, 120, 200
  assert.equal(tv(await fin('GM9901', '?vergelijking=land'), '0.1').lasten.vergelijkbaar.mediaan, 90);
  const l = await fin('gm9901', '?vergelijk=gm9902,GM9904');
  assert.equal(l.vergelijking.groep, null);
  assert.equal(tv(l, '0.1').lasten.vergelijkbaar.mediaan, 70);
  const bg = await fin('gm9901', '?soort=begroting');
  assert.equal(bg.soort, 'begroting');
  assert.equal(bg.periode, '2024');
  assert.equal(tv(bg, '0.1').lasten.perInwoner, 110);
  assert.equal(tv(bg, '0.1').lasten.afwijkingPerInwoner, 0);
  // the begroting has no inwonertal here: no totals, ranked per inhabitant
  assert.equal(bg.inwonertal, null);
  assert.equal(tv(bg, '0.1').afwijkingLastenTotaal, null);

  let r = await anon.get('/api/v1/financien/gemeenten/gm9901?soort=kasboek');
  assert.equal(r.status, 400);
  assert.match(r.text, /kies jaarrekening of begroting/);
  r = await anon.get('/api/v1/financien/gemeenten/gm9901?vergelijking=buren');
  assert.equal(r.status, 400);
  r = await anon.get('/api/v1/financien/gemeenten/gm9901?vergelijk=gm0000');
  assert.equal(r.status, 400);
  assert.match(r.text, /GM0000 is geen bekende gemeentecode/);
  r = await anon.get('/api/v1/financien/gemeenten/gm9998');
  assert.equal(r.status, 404);
  r = await anon.get('/api/v1/financien/gemeenten/pv26');
  assert.equal(r.status, 404);
});

test('pages: the index lists the province, the comparison shows the largest deviations first and says a deviation is a question', async () => {
  let r = await anon.get('/financien');
  assert.equal(r.status, 200);
  assert.match(r.text, /href="\/financien\/gm9901"/);
  assert.ok(!r.text.includes('/financien/gm9904'), 'another province is not listed');
  r = await anon.get('/financien/gm9901');
  assert.equal(r.status, 200);
  const t = text(r.text);
  assert.match(t, /Financiën van Testwaard/);
  assert.match(t, /Een afwijking is een vraag, geen oordeel\./);
  assert.match(t, /10\.000 inwoners/);
  // the ranking in words: 6.1 before 0.1, with the total in euros
  assert.match(t, /6\.1 Samenkracht \(fictief\) : lasten € 500 per inwoner, € 185 meer dan de mediaan van € 315 \(€ 1,9 mln meer in totaal\)/);
  assert.ok(t.indexOf('6.1 Samenkracht') < t.indexOf('0.1 Bestuur'));
  assert.match(t, /boekingsvoorschriften gewijzigd in 2023/);
  // the missing value is shown as missing
  assert.match(t, /geen gegevens/);
  // every taakveld links to its indicator
  assert.match(r.text, /href="\/kennis\/indicatoren\/iv3_rekening_lasten_6_1"/);
  r = await anon.get('/financien/gm9901?vergelijking=eigen&vergelijk=gm9902,gm9904');
  assert.equal(r.status, 200);
  assert.match(text(r.text), /Vergeleken met uw eigen selectie: 2 gemeenten\./);
  r = await anon.get('/financien/gm9901?soort=kasboek');
  assert.equal(r.status, 400);
  assert.match(text(r.text), /Stuk: kies jaarrekening of begroting\./);
  r = await anon.get('/financien/gm9998');
  assert.equal(r.status, 404);
});

test('the organisation page of a gemeente links to its financial comparison', async () => {
  const r = await anon.get('/organisaties/gm0321');
  assert.equal(r.status, 200);
  assert.match(r.text, /href="\/financien\/gm0321"/);
  // no Iv3 figures for it in this database: said so, not a dead link
  const f = await anon.get('/financien/gm0321');
  assert.equal(f.status, 200);
  assert.match(text(f.text), /Voor deze gemeente zijn nog geen Iv3-cijfers geladen\./);
});

test('national view: one taakveld across every gemeente, ranked highest first, missing last; page, CSV and API agree', async () => {
  const d = await anon.getJson('/api/v1/financien/taakvelden/0.1');
  assert.equal(d.taakveld, '0.1');
  assert.equal(d.naam, 'Bestuur (fictief)');
  assert.equal(d.maat, 'lasten');
  assert.equal(d.periode, '2023');
  assert.equal(d.totaal, 6);
  assert.deepEqual(d.gemeenten.map((g) => [g.code, g.perInwoner, g.rang]), [
    ['GM9906', 200, 1], ['GM9903', 120, 2], ['GM9901', 100, 3], ['GM9905', 90, 4], ['GM9902', 80, 5], ['GM9904', 60, 6],
  ]);
  // six values 60..200: median between 90 and 100
  assert.deepEqual(d.landelijk, { aantalMetWaarde: 6, p25: 82.5, mediaan: 95, p75: 115 });
  // baten: Verweg has no value: listed last, without a rank, never as 0
  const b = await anon.getJson('/api/v1/financien/taakvelden/0.1?maat=baten&sorteer=laag');
  assert.deepEqual(b.gemeenten.at(-1), { code: 'GM9906', naam: 'Verweg', provincie: 'PV99', perInwoner: null, rang: null });
  assert.equal(b.gemeenten[0].code, 'GM9904');
  const byName = await anon.getJson('/api/v1/financien/taakvelden/0.1?sorteer=naam');
  assert.equal(byName.gemeenten[0].naam, 'Elders aan Zee');
  const saldo = await anon.getJson('/api/v1/financien/taakvelden/0.1?maat=saldo');
  assert.equal(saldo.gemeenten.find((g) => g.code === 'GM9901').perInwoner, -70);
  let r = await anon.get('/api/v1/financien/taakvelden/9.9');
  assert.equal(r.status, 404);
  r = await anon.get('/api/v1/financien/taakvelden/0.1?maat=winst');
  assert.equal(r.status, 400);

  r = await anon.get('/financien?taakveld=0.1&soort=jaarrekening&maat=lasten&sorteer=hoog');
  assert.equal(r.status, 200);
  const t = text(r.text);
  assert.match(t, /6 van de 6 gemeenten hebben een waarde; de mediaan is € 95/);
  const table = t.slice(t.indexOf('Rang Gemeente Per inwoner'));
  assert.ok(table.indexOf('Verweg') < table.indexOf('Voorbeeldstad'), 'highest first');
  assert.match(table, /Testwaard \(provincie Utrecht\) € 100 Utrecht/);
  assert.match(table, /Verweg € 200 PV99/);
  assert.match(r.text, /href="\/financien\.csv\?taakveld=0\.1&amp;soort=jaarrekening&amp;maat=lasten"/);
  // the national distribution beside the table: 20 bins from € 60 to € 200 holding all six,
  // the province's gemeenten marked in the SVG and named in the bin of their value
  assert.match(r.text, /<svg class="atlas-vergelijk__svg"[^>]*role="img"[^>]*><title id="verdeling-titel">Verdeling: Lasten per inwoner, taakveld 0\.1 Bestuur \(fictief\) \(jaarrekening 2023\), 6 gemeenten<\/title>/);
  const marks = [...r.text.matchAll(/<g class="atlas-vergelijk__mark"><title>([^<]+)<\/title>/g)].map((m) => m[1]);
  assert.deepEqual(marks.sort(), ['Nergenshuizen: € 90', 'Proefdorp: € 80', 'Testwaard: € 100', 'Voorbeeldstad: € 120']);
  const bins = [...r.text.matchAll(/<th scope="row"[^>]*>(€ [\d.]+ tot € [\d.]+(?: \(met\))?)<\/th><td[^>]*>(\d+)<\/td><td[^>]*>([^<]*)<\/td>/g)];
  assert.equal(bins.length, 20);
  assert.equal(bins.reduce((n, m) => n + Number(m[2]), 0), 6);
  assert.deepEqual(bins.find((m) => m[3] === 'Testwaard').slice(1, 3), ['€ 95 tot € 102', '1']);
  assert.deepEqual(bins.at(-1).slice(1, 3), ['€ 193 tot € 200 (met)', '1']); // Verweg's € 200, not marked
  assert.equal(bins.at(-1)[3], '');
  r = await anon.get('/financien?taakveld=9.9');
  assert.equal(r.status, 400);
  assert.doesNotMatch(r.text, /atlas-vergelijk__svg/);
  assert.match(text(r.text), /dit stuk heeft geen taakveld met deze code/);

  r = await anon.get('/financien.csv?taakveld=0.1&maat=baten');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /text\/csv/);
  const lines = r.text.replace(/^\uFEFF/, '').trim().split('\n');
  assert.equal(lines.length, 7);
  assert.match(lines[0], /^Rang,Gemeentecode,Gemeente,Provincie,Taakveld,Stuk,Periode,Bedrag,Euro per inwoner,Bron,Licentie/);
  // the missing value is an empty cell, not 0
  assert.match(lines.at(-1), /^,GM9906,Verweg,PV99,0\.1 Bestuur \(fictief\),jaarrekening,2023,baten,,/);
  r = await anon.get('/financien.csv');
  assert.equal(r.status, 400);
});

test('the own selection may be ticked: repeated vergelijk= values are one list (page and API)', async () => {
  const d = await fin('gm9901', '?vergelijk=gm9902&vergelijk=GM9904');
  assert.equal(tv(d, '0.1').lasten.vergelijkbaar.mediaan, 70);
  const r = await anon.get('/financien/gm9901?vergelijking=eigen&vergelijk=GM9902&vergelijk=gm9904');
  assert.equal(r.status, 200);
  assert.match(text(r.text), /Vergeleken met uw eigen selectie: 2 gemeenten\./);
  // the province's gemeenten are checkboxes, ticked when chosen; others typed
  assert.match(r.text, /<input class="utrecht-checkbox" type="checkbox" name="vergelijk" id="g-GM9902" value="GM9902" checked>/);
  assert.match(r.text, /<input class="utrecht-checkbox" type="checkbox" name="vergelijk" id="g-GM9903" value="GM9903">/);
  assert.ok(!r.text.includes('id="g-GM9904"'), 'another province is typed, not ticked');
  assert.match(r.text, /id="vergelijk-elders" name="vergelijk" aria-describedby="vergelijk-elders-uitleg" value="GM9904"/);
});
