// indicatoren_import — the indicator import through the staff upload page
// (/kennis/indicatoren/importeren) and the API (POST
// /api/v1/kennis/indicatoren/importen), on SQLite or PostgreSQL: CSV and
// JSON as CBS's OData v4 API returns it (the long and the wide shape) with
// a mapping file; a dry run writes nothing; a file with errors writes
// nothing and lists every error with line and column (JSON: element and
// field); the same file twice writes nothing the second time; a corrected
// value keeps the old one in history; anonymous visitors and partner
// editors are refused; source notes with tabs, backslashes and line breaks
// are stored exactly (on PostgreSQL new values travel by COPY in its text
// format); a row the database itself refuses leaves nothing written, also
// in an import large enough to check the foreign keys once (PostgreSQL: the
// keys are back afterwards). Fictional areas, indicators and values
// (tests/fixtures/indicatoren).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startServer, anonymous, atlas, sql, addUser, login, apiClient, decodeEntities, csrfOf, ROOT, isPgUrl } from './harness.mjs';

const FIX = path.join(ROOT, 'tests', 'fixtures', 'indicatoren');
const PAGE = '/kennis/indicatoren/importeren';
const API = '/api/v1/kennis/indicatoren/importen';
let srv, anon, staff, partner, staffApi, partnerApi;
const fix = (name) => readFileSync(path.join(FIX, name), 'utf8');
const count = (t) => Number(sql(srv.db, `SELECT count(*) FROM ${t}`));
const audits = () => Number(sql(srv.db, "SELECT count(*) FROM audit_event WHERE entity = 'indicator'"));
const value = (key, area, period) =>
  sql(srv.db, `SELECT coalesce(cast(v.value AS text), 'NULL') || '|' || v.version FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id WHERE i.key = '${key}' AND v.area_code = '${area}' AND v.period = '${period}'`).trim();
// Everything an import may write, to show that a refused one wrote nothing.
const state = () => `${count('indicator_value')}|${count('indicator_value_history')}|${audits()}|${sql(srv.db, 'SELECT coalesce(sum(version), 0) FROM indicator_value').trim()}`;
const text = (html) => decodeEntities(html).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

// A multipart POST of the upload form as session s: csrf first, then the
// file, the optional mapping and the dry-run box.
async function upload(s, file, { mapping, proef = false, csrf } = {}) {
  const fd = new FormData();
  const token = csrf === undefined ? s.csrf : csrf;
  if (token) fd.append('csrf', token);
  if (file) fd.append('bestand', new Blob([file.text]), file.name);
  if (mapping) fd.append('koppelbestand', new Blob([mapping.text]), mapping.name);
  if (proef) fd.append('proef', 'ja');
  const headers = s.cookie ? { cookie: s.cookie } : {};
  const r = await fetch(s.base + PAGE, { method: 'POST', body: fd, headers, redirect: 'manual' });
  return { status: r.status, location: r.headers.get('location'), text: await r.text() };
}
const F = (name, body) => ({ name, text: body ?? fix(name) });
const MAP = () => F('mapping_odata.csv');

// The API with a multipart body (file and optional mapping) or a raw one.
async function apiUpload(token, query, file, mapping) {
  const fd = new FormData();
  if (file) fd.append('bestand', new Blob([file.text]), file.name);
  if (mapping) fd.append('koppelbestand', new Blob([mapping.text]), mapping.name);
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  const r = await fetch(srv.base + API + query, { method: 'POST', body: fd, headers });
  const t = await r.text();
  return { status: r.status, type: r.headers.get('content-type'), text: t, json: /json/.test(r.headers.get('content-type') || '') ? JSON.parse(t) : null };
}

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  for (const f of ['gebieden.csv', 'indicatoren.csv']) {
    const r = atlas(['import', 'indicatoren', path.join(FIX, f), '--db', srv.db]);
    assert.equal(r.status, 0, r.stderr);
  }
  const org = sql(srv.db, "SELECT code FROM organisation WHERE code LIKE 'gm%' ORDER BY code LIMIT 1").trim();
  const staffToken = addUser(srv.db, 'ind-staf', 'programmateam', { token: 'ind' });
  const partnerToken = addUser(srv.db, 'ind-partner', 'redacteur', { org, token: 'ind' });
  staff = await login(srv.base, 'ind-staf');
  partner = await login(srv.base, 'ind-partner');
  staffApi = apiClient(srv, staffToken);
  partnerApi = apiClient(srv, partnerToken);
});

after(() => srv?.stop());

test('the upload form: a file, an optional mapping, the dry-run box; linked from the list for staff only', async () => {
  const r = await staff.get(PAGE);
  assert.equal(r.status, 200);
  assert.match(r.text, /<form[^>]*method="post"[^>]*enctype="multipart\/form-data"[^>]*action="\/kennis\/indicatoren\/importeren"/);
  assert.ok(csrfOf(r.text));
  assert.match(r.text, /<label[^>]*for="f-bestand"[^>]*>Bestand/);
  assert.match(r.text, /<input[^>]*type="file"[^>]*id="f-bestand"[^>]*name="bestand"/);
  assert.match(r.text, /<input[^>]*type="file"[^>]*id="f-koppelbestand"[^>]*name="koppelbestand"/);
  assert.match(r.text, /<input[^>]*type="checkbox"[^>]*id="f-proef"[^>]*name="proef"/);
  assert.match(r.text, /<label[^>]*for="f-proef"[^>]*>Alleen controleren \(proefimport\)<\/label>/);
  assert.match(r.text, /hoogstens 8 MiB/);
  assert.match((await staff.get('/kennis/indicatoren')).text, /href="\/kennis\/indicatoren\/importeren"/);
  assert.doesNotMatch((await anon.get('/kennis/indicatoren')).text, /importeren/);
  assert.doesNotMatch((await partner.get('/kennis/indicatoren')).text, /importeren/);
});

test('anonymous visitors and partner editors are refused; nothing is written', async () => {
  const before = state();
  const g = await anon.get(PAGE);
  assert.equal(g.status, 303);
  assert.match(g.location, /^\/inloggen\?terug=/);
  const p = await upload(anon, F('waarden.csv'));
  assert.ok([401, 403].includes(p.status), String(p.status));
  assert.equal((await partner.get(PAGE)).status, 403);
  assert.equal((await upload(partner, F('waarden.csv'))).status, 403);
  // a staff session without the form's csrf token
  assert.equal((await upload(staff, F('waarden.csv'), { csrf: null })).status, 403);
  // the API: no token, a partner's token
  assert.equal((await apiUpload(null, '', F('waarden.csv'))).status, 401);
  assert.equal((await apiUpload(partnerApi.token, '', F('waarden.csv'))).status, 403);
  assert.equal(state(), before);
});

test('page: a dry run counts and writes nothing; the import writes once with links to the changed indicators; the same file twice writes nothing', async () => {
  const before = state();
  let r = await upload(staff, F('waarden.csv'), { proef: true });
  assert.equal(r.status, 200, r.text.slice(0, 800));
  let t = text(r.text);
  assert.match(t, /Proefimport gecontroleerd/);
  assert.match(t, /Er is niets opgeslagen/);
  assert.match(t, /9 nieuw/);
  assert.match(r.text, /id="f-proef"[^>]*checked/);
  assert.equal(state(), before);

  r = await upload(staff, F('waarden.csv'));
  assert.equal(r.status, 200, r.text.slice(0, 800));
  t = text(r.text);
  assert.match(t, /Import opgeslagen/);
  assert.match(t, /9 nieuw 0 gewijzigd 0 ongewijzigd/);
  assert.match(r.text, /href="\/kennis\/indicatoren\/test_fietspaden"/);
  assert.match(r.text, /href="\/kennis\/indicatoren\/test_wachttijd"/);
  assert.equal(count('indicator_value'), 9);
  assert.equal(audits(), 3);
  assert.equal(value('test_fietspaden', 'GM9902', '2024'), 'NULL|1');
  const who = sql(srv.db, "SELECT actor || '|' || via FROM audit_event WHERE entity = 'indicator' ORDER BY id DESC LIMIT 1").trim();
  assert.match(who, /ind-staf/);

  const again = state();
  r = await upload(staff, F('waarden.csv'));
  assert.equal(r.status, 200);
  assert.match(text(r.text), /0 nieuw 0 gewijzigd 9 ongewijzigd/);
  assert.doesNotMatch(r.text, /Gewijzigde indicatoren/);
  assert.equal(state(), again);
});

test('page: JSON in OData’s long shape with a mapping; null and a ValueAttribute other than None are missing, never 0', async () => {
  const r = await upload(staff, F('odata_lang.json'), { mapping: MAP() });
  assert.equal(r.status, 200, r.text.slice(0, 1500));
  assert.match(text(r.text), /CBS-tabel/);
  assert.match(text(r.text), /5 nieuw 0 gewijzigd 0 ongewijzigd/);
  assert.equal(value('test_fietspaden', 'GM9901', '2026'), '16.5|1');
  assert.equal(value('test_fietspaden', 'GM9902', '2026'), 'NULL|1');
  assert.equal(value('test_fietspaden', 'GM9903', '2026'), 'NULL|1');
  assert.equal(value('test_wachttijd', 'GM9902', '2026'), '7|1'.replace('7|', sql(srv.db, "SELECT cast(7.0 AS real)").trim() === '7.0' ? '7.0|' : '7|'));
  // the country row is skipped, the measure the mapping does not name too
  assert.equal(Number(sql(srv.db, "SELECT count(*) FROM indicator_value WHERE period = '2026'")), 5);
  assert.match(sql(srv.db, "SELECT source_note FROM indicator_value WHERE period = '2026' LIMIT 1"), /odata_lang\.json/);
});

test('page: JSON in the wide shape; a corrected value gets a new version and keeps the old one in history', async () => {
  let r = await upload(staff, F('odata_breed.json'), { mapping: MAP() });
  assert.equal(r.status, 200, r.text.slice(0, 1500));
  assert.match(text(r.text), /6 nieuw 0 gewijzigd 0 ongewijzigd/);
  assert.equal(value('test_fietspaden', 'GM9903', '2027'), sql(srv.db, "SELECT cast(1234.5 AS text)").trim() + '|1');
  assert.equal(value('test_wachttijd', 'GM9902', '2027'), 'NULL|1');
  const history = count('indicator_value_history');
  const corrected = fix('odata_breed.json').replace('"Fietspaden_1": 17.0', '"Fietspaden_1": 18.25');
  r = await upload(staff, F('odata_breed.json', corrected), { mapping: MAP() });
  assert.equal(r.status, 200, r.text.slice(0, 1500));
  assert.match(text(r.text), /0 nieuw 1 gewijzigd 5 ongewijzigd/);
  assert.match(r.text, /href="\/kennis\/indicatoren\/test_fietspaden"/);
  assert.doesNotMatch(r.text, /href="\/kennis\/indicatoren\/test_wachttijd"/);
  assert.equal(value('test_fietspaden', 'GM9901', '2027'), '18.25|2');
  assert.equal(count('indicator_value_history'), history + 1);
  assert.match(sql(srv.db, "SELECT cast(h.value AS text) || '|' || h.version FROM indicator_value_history h JOIN indicator_value v ON v.id = h.value_id WHERE v.area_code = 'GM9901' AND v.period = '2027'"), /^17(\.0)?\|1/);
});

test('page: files with errors write nothing and list every error with line and column (JSON: element and field)', async () => {
  const before = state();
  const bad = ['indicator,gebied,periode,waarde,bron', 'test_fietspaden,GM9901,2030,1.5,ok', 'test_fietspaden,GM0000,2030,2,x', 'test_fietspaden,GM9902,2030,veel,x'].join('\n') + '\n';
  let r = await upload(staff, F('fout.csv', bad));
  assert.equal(r.status, 400);
  let t = text(r.text);
  assert.match(t, /2 fouten gevonden/);
  assert.match(t, /Er is niets opgeslagen/);
  assert.match(t, /fout\.csv, regel 3, kolom 2: onbekende gebiedscode GM0000/);
  assert.match(t, /fout\.csv, regel 4, kolom 4: 'veel' is geen getal/);
  assert.match(r.text, /<ul[^>]*aria-labelledby="fouten"/);
  const json = fix('odata_lang.json').replace('"Value": 4.25', '"Value": "veel"').replace('"Perioden": "2026JJ00", "RegioS": "GM9902    ", "Value": 7', '"Perioden": "2026X000", "RegioS": "GM9902    ", "Value": 7');
  r = await upload(staff, F('odata_lang.json', json), { mapping: MAP() });
  assert.equal(r.status, 400);
  t = text(r.text);
  assert.match(t, /odata_lang\.json, waarde 5, veld 'Value': 'veel' is geen getal/);
  assert.match(t, /odata_lang\.json, waarde 6, veld 'Perioden': '2026X000' is geen periode/);
  // JSON without a mapping, text that is not JSON, no file, an empty file
  r = await upload(staff, F('odata_lang.json'));
  assert.equal(r.status, 400);
  assert.match(text(r.text), /voor een JSON-bestand \(OData\) is een koppelbestand nodig/);
  r = await upload(staff, F('kapot.json', '{"value": [ {"Measure": '), { mapping: MAP() });
  assert.equal(r.status, 400);
  assert.match(text(r.text), /kapot\.json: regel 1, kolom \d+: geen geldige JSON/);
  r = await upload(staff, null);
  assert.equal(r.status, 400);
  assert.match(text(r.text), /Kies een bestand om te importeren/);
  r = await upload(staff, F('leeg.csv', ''));
  assert.equal(r.status, 400);
  assert.equal(state(), before);
});

test('page: a file over the upload limit gets a Dutch 413, nothing written', async () => {
  const before = state();
  const big = 'indicator,gebied,periode,waarde\n' + 'test_fietspaden,GM9901,2031,1\n'.repeat(300000);
  const r = await upload(staff, F('groot.csv', big));
  assert.equal(r.status, 413);
  assert.match(text(r.text), /groter dan 8 MiB/);
  assert.equal(state(), before);
});

test('API: multipart with a mapping, dry run and import; raw CSV; the same file twice writes nothing', async () => {
  const before = state();
  let r = await apiUpload(staffApi.token, '?proef=true', F('odata_lang.json', fix('odata_lang.json').replaceAll('2026JJ00', '2028JJ00')), MAP());
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.proef, true);
  assert.equal(r.json.opgeslagen, false);
  assert.equal(r.json.soort, 'CBS-tabel');
  assert.equal(r.json.aantalNieuw, 5);
  assert.deepEqual(r.json.gewijzigdeIndicatoren.map((x) => x.sleutel), ['test_fietspaden', 'test_wachttijd']);
  assert.equal(state(), before);
  r = await apiUpload(staffApi.token, '', F('odata_lang.json', fix('odata_lang.json').replaceAll('2026JJ00', '2028JJ00')), MAP());
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.opgeslagen, true);
  assert.equal(r.json.aantalNieuw, 5);
  assert.equal(r.json.gewijzigdeIndicatoren[0]._links.self.href, '/api/v1/kennis/indicatoren/test_fietspaden');
  assert.equal(value('test_fietspaden', 'GM9903', '2028'), 'NULL|1');
  const csv = 'indicator,gebied,periode,waarde,bron\ntest_wachttijd,GM9903,2029,3.25,API-test\n';
  const c = await staffApi.call('POST', API + '?bestand=api.csv', { body: csv, type: 'text/csv' });
  assert.equal(c.status, 200, c.text);
  assert.equal(c.json.bestand, 'api.csv');
  assert.equal(c.json.aantalNieuw, 1);
  const mid = state();
  const again = await staffApi.call('POST', API + '?bestand=api.csv', { body: csv, type: 'text/csv' });
  assert.equal(again.status, 200);
  assert.equal(again.json.aantalNieuw, 0);
  assert.equal(again.json.aantalOngewijzigd, 1);
  assert.equal(again.json.opgeslagen, false);
  assert.equal(state(), mid);
});

test('API: errors are 422 problem+json with line and column or element and field; nothing written; bad requests 400 and 415', async () => {
  const before = state();
  const bad = 'indicator,gebied,periode,waarde\ntest_wachttijd,GM0000,2029,1\n';
  let r = await staffApi.call('POST', API + '?bestand=fout.csv', { body: bad, type: 'text/csv' });
  assert.equal(r.status, 422, r.text);
  assert.match(r.headers.get('content-type'), /application\/problem\+json/);
  assert.equal(r.json.aantalFouten, 1);
  assert.deepEqual(r.json.fouten[0], { bestand: 'fout.csv', regel: 2, kolom: 2, waarde: null, veld: null, plaats: 'fout.csv, regel 2, kolom 2', reden: 'onbekende gebiedscode GM0000 (importeer eerst data/indicatoren/gebieden.csv)' });
  const json = fix('odata_lang.json').replace('"Value": 16.5', '"Value": true');
  r = await apiUpload(staffApi.token, '', F('odata_lang.json', json), MAP());
  assert.equal(r.status, 422, r.text);
  assert.equal(r.json.fouten[0].waarde, 2);
  assert.equal(r.json.fouten[0].veld, 'Value');
  assert.equal(r.json.fouten[0].regel, null);
  // a raw JSON body has no mapping
  r = await staffApi.call('POST', API, { body: fix('odata_breed.json') });
  assert.equal(r.status, 422);
  assert.match(r.json.fouten[0].reden, /koppelbestand nodig/);
  assert.equal((await staffApi.call('POST', API + '?proef=misschien', { body: bad, type: 'text/csv' })).status, 400);
  assert.equal((await staffApi.call('POST', API, { body: bad, type: 'text/plain' })).status, 415);
  assert.equal((await staffApi.call('POST', API, { body: '', type: 'text/csv' })).status, 400);
  assert.equal(state(), before);
});

// A CSV field, quoted.
const q = (v) => '"' + String(v).replaceAll('"', '""') + '"';

test('source notes with tabs, backslashes, line breaks and the text \\N are stored exactly; the same file again changes nothing', async () => {
  const notes = ['tab\there', 'C:\\data\\bron.csv', 'regel 1\nregel 2', 'cr\r\nlf', '\\N', '\\.'];
  const csv = 'indicator,gebied,periode,waarde,bron\n' +
    notes.map((n, i) => `test_fietspaden,GM990${1 + (i % 3)},${2040 + Math.floor(i / 3)},${i}.5,${q(n)}`).join('\n') + '\n';
  let r = await staffApi.call('POST', API + '?bestand=bronnen.csv', { body: csv, type: 'text/csv' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.aantalNieuw, 6);
  const got = [];
  for (const p of ['2040', '2041']) {
    const v = await staffApi.call('GET', `/api/v1/kennis/indicatoren/test_fietspaden/waarden?periode=${p}`);
    assert.equal(v.status, 200, v.text);
    for (const w of v.json.waarden) got.push([`${w.periode} ${w.gebied}`, w.bronNotitie, w.waarde]);
  }
  got.sort((x, y) => (x[0] < y[0] ? -1 : 1));
  assert.deepEqual(got.map((g) => g[1]), notes);
  assert.deepEqual(got.map((g) => g[2]), [0.5, 1.5, 2.5, 3.5, 4.5, 5.5]);
  const mid = state();
  r = await staffApi.call('POST', API + '?bestand=bronnen.csv', { body: csv, type: 'text/csv' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.aantalNieuw, 0);
  assert.equal(r.json.aantalOngewijzigd, 6);
  assert.equal(state(), mid);
});

// A trigger that refuses one value, in either engine's dialect: the store
// checks keys and areas itself, so only the database can refuse this row.
function refuse(db, period, area) {
  if (isPgUrl(db)) {
    sql(db, `CREATE FUNCTION test_weiger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.period = '${period}' AND NEW.area_code = '${area}' THEN RAISE EXCEPTION 'geweigerd door de testtrigger'; END IF; RETURN NEW; END $$; ` +
      'CREATE TRIGGER test_weiger BEFORE INSERT ON indicator_value FOR EACH ROW EXECUTE FUNCTION test_weiger()');
    return () => sql(db, 'DROP TRIGGER test_weiger ON indicator_value; DROP FUNCTION test_weiger()');
  }
  sql(db, `CREATE TRIGGER test_weiger BEFORE INSERT ON indicator_value WHEN NEW.period = '${period}' AND NEW.area_code = '${area}' BEGIN SELECT RAISE(ABORT, 'geweigerd door de testtrigger'); END`);
  return () => sql(db, 'DROP TRIGGER test_weiger');
}
// psql's error text for a statement that must fail.
const psqlError = (db, query) => spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', db, '-c', query], { encoding: 'utf8' }).stderr;
const fkeys = () => isPgUrl(srv.db)
  ? sql(srv.db, "SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), '; ' ORDER BY conname) FROM pg_constraint WHERE conrelid = 'indicator_value'::regclass AND contype = 'f'")
  : '';

test('a value the database refuses: nothing written, not the new values nor a correction, and the reason reported', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-ind-'));
  try {
    const file = path.join(dir, 'geweigerd.csv');
    const rows = ['indicator,gebied,periode,waarde,bron', 'test_fietspaden,GM9901,2023,99,correctie'];
    for (const k of ['test_fietspaden', 'test_wachttijd']) for (const g of ['GM9901', 'GM9902', 'GM9903']) rows.push(`${k},${g},2042,1,x`);
    writeFileSync(file, rows.join('\n') + '\n');
    const before = state(), old = value('test_fietspaden', 'GM9901', '2023'), keys = fkeys();
    const undo = refuse(srv.db, '2042', 'GM9903');
    try {
      const r = atlas(['import', 'indicatoren', file, '--db', srv.db]);
      assert.notEqual(r.status, 0, r.stdout);
      assert.match(r.stderr, /databasefout bij indicatoren importeren: .*geweigerd door de testtrigger/);
    } finally {
      undo();
    }
    assert.equal(state(), before);
    assert.equal(value('test_fietspaden', 'GM9901', '2023'), old);
    assert.equal(fkeys(), keys);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a large import (10,000 values: the foreign keys checked once on PostgreSQL) writes everything or, refused, nothing; the keys stay as they were', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-ind-'));
  try {
    // 2,500 fictional gemeenten × 2 indicators × 2 periods
    const areas = Array.from({ length: 2500 }, (_, i) => `GM${5000 + i}`);
    writeFileSync(path.join(dir, 'gebieden.csv'), 'code,naam,niveau,provincie\n' + areas.map((a, i) => `${a},Testgemeente ${i},gemeente,PV99`).join('\n') + '\n');
    let r = atlas(['import', 'indicatoren', path.join(dir, 'gebieden.csv'), '--db', srv.db]);
    assert.equal(r.status, 0, r.stderr);
    const rows = ['indicator,gebied,periode,waarde,bron'];
    for (const k of ['test_fietspaden', 'test_wachttijd']) for (const a of areas) for (const p of ['2050', '2051']) rows.push(`${k},${a},${p},${rows.length % 97}.25,groot`);
    const file = path.join(dir, 'groot.csv');
    writeFileSync(file, rows.join('\n') + '\n');
    const keys = fkeys();
    if (isPgUrl(srv.db)) assert.match(keys, /indicator_value_area_code_fkey FOREIGN KEY \(area_code\) REFERENCES indicator_area\(code\)/);
    const before = state();
    const undo = refuse(srv.db, '2051', 'GM7499');
    try {
      r = atlas(['import', 'indicatoren', file, '--db', srv.db]);
      assert.notEqual(r.status, 0, r.stdout);
      assert.match(r.stderr, /databasefout bij indicatoren importeren: .*geweigerd door de testtrigger/);
    } finally {
      undo();
    }
    assert.equal(state(), before);
    assert.equal(fkeys(), keys);
    r = atlas(['import', 'indicatoren', file, '--db', srv.db]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /10000 toegevoegd/);
    assert.equal(count('indicator_value') - Number(before.split('|')[0]), 10000);
    assert.equal(Number(sql(srv.db, "SELECT count(*) FROM indicator_value WHERE source_note = 'groot' AND value IS NOT NULL")), 10000);
    assert.equal(Number(sql(srv.db, "SELECT sum(n_values) FROM indicator_period WHERE period IN ('2050', '2051')")), 10000);
    assert.equal(fkeys(), keys);
    // the keys still hold: an unknown area is refused by the database itself
    if (isPgUrl(srv.db)) {
      const bad = psqlError(srv.db, "INSERT INTO indicator_value (indicator_id, area_code, period, updated_at) SELECT min(id), 'GM0000', '2050', 'x' FROM indicator");
      assert.match(bad, /violates foreign key constraint "indicator_value_area_code_fkey"/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
