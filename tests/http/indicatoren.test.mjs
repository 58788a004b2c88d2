// indicatoren — the indicator store against the real binary, on SQLite or
// PostgreSQL: `atlas import indicatoren` with the repository's own formats
// and a CBS-style table with a mapping file (BOM, ';', decimal comma, '.'
// for missing, title and footer lines); bad files name file, line and
// column and write nothing; the same file twice changes nothing; a
// corrected value gets a new version and keeps the old one in history;
// the public pages /kennis/indicatoren and /kennis/indicatoren/{key} and
// the read API. Fictional areas and indicators (tests/fixtures/indicatoren).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, anonymous, atlas, sql, decodeEntities, ROOT } from './harness.mjs';

const FIX = path.join(ROOT, 'tests', 'fixtures', 'indicatoren');
let srv, anon, dir;
const count = (t) => Number(sql(srv.db, `SELECT count(*) FROM ${t}`));
const audits = () => Number(sql(srv.db, "SELECT count(*) FROM audit_event WHERE entity = 'indicator'"));
const imp = (file, ...extra) => atlas(['import', 'indicatoren', file, '--db', srv.db, ...extra]);
const fix = (name) => path.join(FIX, name);
const write = (name, text) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const value = (key, area, period) =>
  sql(srv.db, `SELECT coalesce(cast(v.value AS text), 'NULL') || '|' || v.version FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id WHERE i.key = '${key}' AND v.area_code = '${area}' AND v.period = '${period}'`);

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  dir = mkdtempSync(path.join(tmpdir(), 'atlas-ind-'));
});

after(() => {
  srv?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('values before their areas and definitions are refused with line and column, nothing written', () => {
  const r = imp(fix('waarden.csv'));
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stderr, /waarden\.csv, regel 2, kolom 1: onbekende indicator 'test_fietspaden'/);
  assert.match(r.stderr, /waarden\.csv, regel 2, kolom 2: onbekende gebiedscode GM9901/);
  assert.match(r.stderr, /niets gewijzigd/);
  assert.equal(count('indicator_value'), 0);
});

test('areas, definitions and values import; a dry run writes nothing; one audit event per file', () => {
  let r = imp(fix('gebieden.csv'));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /gebieden: 4 regels; 4 toegevoegd/);
  r = imp(fix('indicatoren.csv'));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /indicatordefinities: 2 regels; 2 toegevoegd/);
  r = imp(fix('waarden.csv'), '--dry-run');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /proefrun, niets opgeslagen — waarden: 9 regels; 9 toegevoegd/);
  assert.equal(count('indicator_value'), 0);
  assert.equal(audits(), 2);
  r = imp(fix('waarden.csv'));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /waarden: 9 regels; 9 toegevoegd, 0 gewijzigd, 0 ongewijzigd/);
  assert.equal(count('indicator_value'), 9);
  assert.equal(audits(), 3);
  // missing stays missing: NULL, never 0
  assert.equal(value('test_fietspaden', 'GM9902', '2024'), 'NULL|1');
  assert.equal(value('test_fietspaden', 'GM9901', '2023'), '12.5|1');
});

test('the same files twice change nothing (no audit event either)', () => {
  for (const f of ['gebieden.csv', 'indicatoren.csv', 'waarden.csv']) {
    const r = imp(fix(f));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, / 0 toegevoegd, 0 gewijzigd, \d+ ongewijzigd/);
  }
  assert.equal(count('indicator_value'), 9);
  assert.equal(count('indicator_value_history'), 0);
  assert.equal(audits(), 3);
});

test('a CBS-style table with a mapping: BOM, semicolons, decimal comma, "." missing, title and footer lines', () => {
  const r = imp(fix('cbs.csv'), '--mapping', fix('mapping.csv'));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /CBS-tabel: 6 regels; 6 toegevoegd/);
  assert.equal(value('test_fietspaden', 'GM9901', '2025'), '14.25|1');
  assert.equal(value('test_fietspaden', 'GM9902', '2025'), 'NULL|1');
  assert.equal(value('test_wachttijd', 'GM9902', '2025'), '5.5|1');
  // the country row is skipped; the provisional period is stored as 2025 with a note
  assert.equal(Number(sql(srv.db, "SELECT count(*) FROM indicator_value WHERE area_code = 'NL00'")), 0);
  assert.match(sql(srv.db, "SELECT source_note FROM indicator_value WHERE area_code = 'GM9903' AND period = '2025' LIMIT 1"), /cbs\.csv \(voorlopig\)/);
  const again = imp(fix('cbs.csv'), '--mapping', fix('mapping.csv'));
  assert.match(again.stdout, /0 toegevoegd, 0 gewijzigd, 6 ongewijzigd/);
});

test('a correction bumps the version and keeps the old value in history', () => {
  const text = readFileSync(fix('waarden.csv'), 'utf8').replace('test_fietspaden,GM9901,2024,13.5,Testbureau 2024', 'test_fietspaden,GM9901,2024,13.75,Testbureau 2024 (correctie)');
  const f = write('waarden.csv', text);
  const r = imp(f);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /0 toegevoegd, 1 gewijzigd, 8 ongewijzigd/);
  assert.equal(value('test_fietspaden', 'GM9901', '2024'), '13.75|2');
  assert.equal(sql(srv.db, 'SELECT cast(value AS text) || \'|\' || version || \'|\' || source_note FROM indicator_value_history'), '13.5|1|Testbureau 2024');
});

test('bad files: unknown area, non-numeric value, duplicate rows, bad period — Dutch errors with line and column; nothing written', () => {
  const before = sql(srv.db, "SELECT count(*) || '|' || sum(version) FROM indicator_value");
  const auditsBefore = audits();
  const f = write(
    'fout.csv',
    [
      'indicator,gebied,periode,waarde,bron',
      'test_fietspaden,GM9901,2022,1.5,ok',
      'test_fietspaden,GM0000,2022,2,onbekend gebied',
      'test_fietspaden,GM9902,2022,veel,geen getal',
      'test_fietspaden,GM9901,2022,3,dubbel',
      'test_fietspaden,GM9903,twintig,3,geen periode',
      'test_onbekend,GM9903,2022,3,onbekende indicator',
    ].join('\n') + '\n',
  );
  const r = imp(f);
  assert.equal(r.status, 1);
  const e = r.stderr;
  assert.match(e, /fout\.csv, regel 3, kolom 2: onbekende gebiedscode GM0000/);
  assert.match(e, /fout\.csv, regel 4, kolom 4: 'veel' is geen getal/);
  assert.match(e, /fout\.csv, regel 5, kolom 4: dubbele waarde voor indicator test_fietspaden, gebied GM9901, periode 2022 \(ook op regel 2\)/);
  assert.match(e, /fout\.csv, regel 6, kolom 3: 'twintig' is geen periode/);
  assert.match(e, /fout\.csv, regel 7, kolom 1: onbekende indicator 'test_onbekend'/);
  assert.match(e, /niets gewijzigd/);
  assert.equal(sql(srv.db, "SELECT count(*) || '|' || sum(version) FROM indicator_value"), before);
  assert.equal(audits(), auditsBefore);
  // a CBS table with a bad cell names the column of that cell
  const cbs = write('cbs.csv', 'Gemeentecode;Perioden;Fietspaden (km);Wachttijd (dagen)\nGM9901;2026;1,5;x\n');
  const c = imp(cbs, '--mapping', fix('mapping.csv'));
  assert.equal(c.status, 1);
  assert.match(c.stderr, /cbs\.csv, regel 2, kolom 4: 'x' is geen getal/);
  assert.equal(Number(sql(srv.db, "SELECT count(*) FROM indicator_value WHERE period = '2026'")), 0);
  // an unknown header without a mapping
  const u = imp(write('raar.csv', 'a;b\n1;2\n'));
  assert.equal(u.status, 1);
  assert.match(u.stderr, /raar\.csv, regel 1: onbekende kopregel/);
  // bad definitions
  const d = imp(write('def.csv', readFileSync(fix('indicatoren.csv'), 'utf8').replace('hoger_beter', 'omhoog')));
  assert.equal(d.status, 1);
  assert.match(d.stderr, /def\.csv, regel 2, kolom 9: richting 'omhoog' bestaat niet/);
});

test('the list page shows every indicator by theme with unit, source, periods and direction; public', async () => {
  const r = await anon.get('/kennis/indicatoren');
  assert.equal(r.status, 200);
  const t = decodeEntities(r.text);
  assert.match(t, /<h1[^>]*>Indicatoren<\/h1>/);
  assert.match(t, /<h2[^>]*id="thema-1"[^>]*>Testthema<\/h2>/);
  assert.match(t, /<caption[^>]*>Indicatoren in het thema Testthema<\/caption>/);
  assert.match(t, /href="\/kennis\/indicatoren\/test_fietspaden">Fietspaden \(fictief\)<\/a>/);
  assert.match(t, /2023, 2024, 2025/);
  assert.match(t, /hoger is beter/);
  assert.match(t, /lager is beter/);
  // linked from the knowledge page, which the footer of every page links to
  const home = await anon.get('/');
  assert.match(home.text, /href="\/kennis"/);
  assert.match((await anon.get('/kennis')).text, /href="\/kennis\/indicatoren"/);
});

test('an indicator page: definition, source and licence, periods, the Utrecht gemeenten ranked, missing shown as missing', async () => {
  const r = await anon.get('/kennis/indicatoren/test_fietspaden?periode=2024');
  assert.equal(r.status, 200);
  const t = decodeEntities(r.text);
  assert.match(t, /Lengte van de fietspaden in de gemeente \(fictief\)/);
  assert.match(t, /href="https:\/\/example\.org\/fietspaden"/);
  assert.match(t, /CC BY 4\.0 \(fictief\)/);
  assert.match(t, /<caption[^>]*>Fietspaden \(fictief\) per gemeente, 2024 \(km\)<\/caption>/);
  // ranked best first (hoger is beter), only the province's gemeenten, missing last
  const rows = [...t.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
  const body = rows.filter((x) => /Testbureau/.test(x));
  assert.equal(body.length, 3, rows.join('\n'));
  assert.match(body[0], /^1 Voorbeeldstad 1\.234,5/);
  assert.match(body[1], /^2 Testwaard 13,75/);
  assert.match(body[2], /^— Proefdorp/);
  assert.match(body[2], /onbekend|ontbreekt/);
  assert.doesNotMatch(t, /Elders aan Zee/);
  // the newest period by default; other periods are links
  const latest = decodeEntities((await anon.get('/kennis/indicatoren/test_fietspaden')).text);
  assert.match(latest, /Periode 2025\./);
  assert.match(latest, /href="\/kennis\/indicatoren\/test_fietspaden\?periode=2023"/);
  // lager is beter ranks the lowest first; equal values share a rank; the warning shows
  const w = decodeEntities((await anon.get('/kennis/indicatoren/test_wachttijd?periode=2024')).text);
  assert.match(w, /Definitie gewijzigd in 2024 \(fictief\)/);
  const wr = [...w.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()).filter((x) => /Testbureau/.test(x));
  assert.deepEqual(wr.map((x) => x.split(' ')[0]), ['1', '1', '3']);
  assert.equal((await anon.get('/kennis/indicatoren/bestaat_niet')).status, 404);
  assert.equal((await anon.get('/kennis/indicatoren/Geen%20Sleutel')).status, 404);
});

test('API: list, one indicator, values filtered and paginated; bad parameters are 400, unknown keys 404', async () => {
  const list = await anon.getJson('/api/v1/kennis/indicatoren');
  assert.equal(list.totaal, 2);
  const f = list.indicatoren.find((x) => x.sleutel === 'test_fietspaden');
  assert.equal(f.richting, 'hoger_beter');
  assert.deepEqual(f.perioden.map((p) => p.periode), ['2023', '2024', '2025']);
  assert.equal(f.href, '/api/v1/kennis/indicatoren/test_fietspaden');
  const one = await anon.getJson('/api/v1/kennis/indicatoren/test_wachttijd');
  assert.equal(one.waarschuwing, 'Definitie gewijzigd in 2024 (fictief).');
  assert.equal(one.bronUrl, null);
  assert.equal(one._links.waarden.href, '/api/v1/kennis/indicatoren/test_wachttijd/waarden');
  const v = await anon.getJson('/api/v1/kennis/indicatoren/test_fietspaden/waarden?gebied=GM9901&periode=2024');
  assert.equal(v.totaal, 1);
  assert.deepEqual(v.waarden[0], { gebied: 'GM9901', gebiedNaam: 'Testwaard', periode: '2024', waarde: 13.75, versie: 2, bronNotitie: 'Testbureau 2024 (correctie)' });
  const missing = await anon.getJson('/api/v1/kennis/indicatoren/test_fietspaden/waarden?gebied=GM9902&periode=2024');
  assert.equal(missing.waarden[0].waarde, null);
  const p1 = await anon.getJson('/api/v1/kennis/indicatoren/test_fietspaden/waarden?paginaGrootte=4');
  assert.equal(p1.totaal, 9);
  assert.equal(p1.aantalPaginas, 3);
  assert.equal(p1.waarden.length, 4);
  assert.equal(p1.waarden[0].periode, '2025');
  assert.match(p1._links.next.href, /paginaGrootte=4&pagina=2/);
  const p3 = await anon.getJson('/api/v1/kennis/indicatoren/test_fietspaden/waarden?paginaGrootte=4&pagina=3');
  assert.equal(p3.waarden.length, 1);
  for (const q of ['gebied=geen%20code', 'periode=ooit', 'pagina=0', 'paginaGrootte=101']) {
    const r = await anon.get(`/api/v1/kennis/indicatoren/test_fietspaden/waarden?${q}`);
    assert.equal(r.status, 400, q);
  }
  assert.equal((await anon.get('/api/v1/kennis/indicatoren/bestaat_niet')).status, 404);
  assert.equal((await anon.get('/api/v1/kennis/indicatoren/bestaat_niet/waarden')).status, 404);
});
