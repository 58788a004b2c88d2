// samenwerking_cijfers — the figures of a collaboration's active
// participants against the real binary, on SQLite or PostgreSQL: the
// section "Cijfers van de deelnemers" of the collaboration page and
// GET /api/v1/samenwerkingsverbanden/{id}/cijfers. A fictional
// collaboration (three gemeenten, a water board, a former participant) is
// added with a change set; fictional indicator values and the policy-domain
// mapping come in through `atlas import indicatoren`. Checked: sums and the
// spending per inhabitant weighted by inhabitants, coverage ("2 van 4"),
// missing shown as missing (never 0), the water board without figures, the
// former participant left out, a domain without an Iv3 taakveld, the
// indicators' warning, bad mapping files, and that a corrected value
// imported while the server runs shows on the (cached) page.
// Fixtures: tests/fixtures/samenwerking_cijfers.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, anonymous, atlas, decodeEntities, ROOT } from './harness.mjs';

const FIX = path.join(ROOT, 'tests', 'fixtures', 'samenwerking_cijfers');
const PAGE = '/samenwerkingsverbanden/testregio-cijfers';
const API = '/api/v1/samenwerkingsverbanden/testregio-cijfers/cijfers';
let srv, anon, dir;
const imp = (file) => atlas(['import', 'indicatoren', file, '--db', srv.db]);
const text = (html) => decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
// the section of the page, as text
const section = (html) => {
  const i = html.indexOf('id="cijfers"');
  assert.ok(i > 0, 'the page has the section');
  return text(html.slice(i, html.indexOf('</section>', i)));
};
// the page as soon as it shows what we wait for (another process wrote:
// the server sees it within about a second)
async function pageShowing(re) {
  let last = '';
  for (let i = 0; i < 60; i++) {
    const r = await anon.get(PAGE);
    last = r.text;
    if (r.status === 200 && re.test(section(last))) return last;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.fail(`the page never showed ${re}: ${section(last).slice(0, 600)}`);
}

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  dir = mkdtempSync(path.join(tmpdir(), 'atlas-sc-'));
  const r = atlas(['import', 'wijzigingen', path.join(FIX, 'wijzigingen'), '--toepassen', '--db', srv.db]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  for (const f of ['gebieden.csv', 'indicatoren.csv', 'waarden.csv', 'beleidsdomein_taakvelden.csv']) {
    const out = imp(path.join(FIX, f));
    assert.equal(out.status, 0, `${f}: ${out.stdout}${out.stderr}`);
  }
});

after(() => {
  srv?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the collaboration page sums the active gemeenten, weighs spending by inhabitants and says what is missing', async () => {
  const html = await pageShowing(/€ 176 per inwoner/);
  const s = section(html);
  // inhabitants 2024: 1,000 + 3,000; Midden has no value (not 0), the water board none
  assert.match(s, /Inwoners 4\.000 2024 · gegevens voor 2 van 4 deelnemers; het totaal telt alleen die 2/);
  assert.match(s, /Oppervlakte 35,5 km² 2024 · gegevens voor 3 van 4 deelnemers/);
  // (100 × 900 + 200 × 2,900) / (900 + 2,900) = 176.3; Midden lacks one taakveld
  assert.match(s, /Lasten per inwoner: Sociaal domein € 176 per inwoner 2023 · gegevens voor 2 van 4 deelnemers/);
  assert.match(s, /Lasten per inwoner: Energie en klimaat geen Iv3-taakveld bij dit beleidsdomein Geen taakveld \(fictieve toelichting\)\./);
  assert.match(s, /Wat de 3 deelnemende gemeenten samen omvatten, uit open bronnen/);
  assert.match(s, /1 deelnemer is geen gemeente/);
  // source, licence, indicator pages and the warning the indicators carry
  assert.match(s, /Bron: Testbureau \(fictief\); licentie CC BY 4\.0 \(fictief\)/);
  assert.match(html, /href="\/kennis\/indicatoren\/inwoners"/);
  assert.match(html, /href="\/kennis\/indicatoren\/test_lasten_jeugd"/);
  assert.match(s, /Lasten per inwoner \(Iv3\): Fictieve boekingswijziging in het sociaal domein in 2023\./);
  assert.match(html, /href="\/api\/v1\/samenwerkingsverbanden\/testregio-cijfers\/cijfers"/);
  // the table: one row per active participant (the gemeente with two bodies once), the total row
  const table = s.slice(s.indexOf('Cijfers per deelnemer'));
  assert.match(table, /Testdorp Midden geen gegevens 5 geen gegevens/);
  assert.match(table, /Testdorp Noord 1\.000 10,5 € 100/);
  assert.match(table, /Testdorp Zuid 3\.000 20 € 200/);
  assert.match(table, /Waterschap Testpolder \(geen gemeente\) geen gegevens geen gegevens geen gegevens/);
  assert.match(table, /Totaal 4\.000 \(2 van 4\) 35,5 \(3 van 4\) € 176 \(2 van 4\)/);
  assert.equal((table.match(/Testdorp Noord/g) || []).length, 1);
  // the former participant and its large figures are not counted
  assert.doesNotMatch(s, /Testdorp Oud|99\.000|9\.000/);
  assert.match(html, /<th[^>]*>\s*Deelnemer\s*<\/th>/);
});

test('the API gives the same figures, periods, sources and coverage; missing is null', async () => {
  const j = await anon.getJson(API);
  assert.equal(j.deelnemers, 4);
  assert.equal(j.gemeenten, 3);
  assert.deepEqual([j.inwoners.periode, j.inwoners.totaal, j.inwoners.deelnemersMetGegevens, j.inwoners.deelnemers], ['2024', 4000, 2, 4]);
  assert.equal(j.inwoners.indicator.bron, 'Testbureau (fictief)');
  assert.equal(j.oppervlakte.totaal, 35.5);
  const sd = j.lastenPerInwoner.find((d) => d.beleidsdomein === 'sociaal-domein');
  assert.equal(sd.periode, '2023');
  assert.ok(Math.abs(sd.totaal - 670000 / 3800) < 1e-9, String(sd.totaal));
  assert.equal(sd.deelnemersMetGegevens, 2);
  assert.deepEqual(sd.indicatoren.map((i) => i.sleutel), ['test_lasten_jeugd', 'test_lasten_wmo']);
  const ek = j.lastenPerInwoner.find((d) => d.beleidsdomein === 'energie-en-klimaat');
  assert.equal(ek.iv3Taakvelden, false);
  assert.equal(ek.totaal, null);
  assert.equal(ek.periode, null);
  const midden = j.perDeelnemer.find((p) => p.gemeente === 'GM9913');
  assert.equal(midden.inwoners, null);
  assert.equal(midden.lastenPerInwoner['sociaal-domein'], null);
  const ws = j.perDeelnemer.find((p) => p.organisatie === 'waterschap-testpolder');
  assert.equal(ws.gemeente, null);
  assert.equal(ws.inwoners, null);
  assert.ok(!j.perDeelnemer.some((p) => p.gemeente === 'GM9914'));
  assert.deepEqual(j.waarschuwingen, [{ indicator: 'Lasten per inwoner (Iv3)', tekst: 'Fictieve boekingswijziging in het sociaal domein in 2023.' }]);
  assert.equal((await anon.get('/api/v1/samenwerkingsverbanden/bestaat-niet/cijfers')).status, 404);
});

test('bad mapping files are refused with line and column; the same file twice changes nothing', () => {
  const bad = path.join(dir, 'koppeling.csv');
  writeFileSync(bad, 'beleidsdomein,indicatoren,toelichting\nbestaat-niet,test_lasten_jeugd,x\nsociaal-domein,test_onbekend,x\nafval,a;a,x\n');
  let r = imp(bad);
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stderr, /koppeling\.csv, regel 2, kolom 1: 'bestaat-niet' is geen beleidsdomein van het register/);
  assert.match(r.stderr, /koppeling\.csv, regel 3, kolom 2: indicator 'test_onbekend' bestaat niet/);
  assert.match(r.stderr, /koppeling\.csv, regel 4, kolom 2: de lijst indicatoren is ongeldig/);
  r = imp(path.join(FIX, 'beleidsdomein_taakvelden.csv'));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /beleidsdomeinen: 2 regels; 0 toegevoegd, 0 gewijzigd, 1 ongewijzigd/);
});

test('a corrected value imported while the server runs shows on the cached page', async () => {
  // the page is cached for anonymous visitors: fetch it twice first
  await pageShowing(/€ 176 per inwoner/);
  assert.match(section((await anon.get(PAGE)).text), /€ 176 per inwoner/);
  const fix = path.join(dir, 'correctie.csv');
  writeFileSync(fix, 'indicator,gebied,periode,waarde,bron\ntest_lasten_jeugd,GM9911,2023,480,Testrekening 2023 (gecorrigeerd)\n');
  const r = imp(fix);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /1 gewijzigd/);
  // (480 × 900 + 200 × 2,900) / 3,800 = 266.3
  const html = await pageShowing(/€ 266 per inwoner/);
  assert.match(section(html), /Testdorp Noord 1\.000 10,5 € 480/);
  const j = await anon.getJson(API);
  const sd = j.lastenPerInwoner.find((d) => d.beleidsdomein === 'sociaal-domein');
  assert.ok(Math.abs(sd.totaal - 1012000 / 3800) < 1e-9, String(sd.totaal));
});
