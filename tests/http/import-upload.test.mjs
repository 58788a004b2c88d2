// import-upload — the change-set import by file upload on /beheer/import:
// CSV files and an XLSX workbook made by a real spreadsheet
// library (exceljs) are previewed change by change with nothing written,
// "Toepassen" writes exactly the preview as one import batch, a second
// upload of the same content shows 0 changes, a file with problems lists
// file, line and reason and applies nothing, a changed plan is not applied,
// partners and anonymous visitors are refused, CSRF is checked for
// multipart forms, oversized uploads get a Dutch message (never a 500),
// and /wijzigingen shows the import as one grouped entry that opens to its
// events. All data is fictional (Testdorp, example.org).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { startServer, sql, HAVE_SQL_CLI, addUser, login, anonymous, formValues, decodeEntities } from './harness.mjs';
import { assertValidPages } from './vnu.mjs';

let srv;
const pages = [];

const SOURCES = 'id,title,publisher,url,reference_date\n' +
  'testbron-upload,Testbron voor de uploadtest (fictief),Gemeente Testdorp,https://example.org/testdorp/besluit,2026-01-15\n';
const NEW_ORGS = 'code,kind,name,source_id,confidence\ngm9901,municipality,Testdorp,testbron-upload,high\n';
const NEW_PARTS = 'collaboration_key,organisation_code,body,role,source_id,confidence\n' +
  'afvalverwijdering-utrecht-avu,gm9901,college,deelnemer,testbron-upload,medium\n';
const COLLAB_CHANGES = 'key,field,new_value,source_id,source_date,confidence,note\n' +
  'bel-combinatie,website,https://example.org/bel-test,testbron-upload,2026-01-15,low,\n';

const auditCount = () => (HAVE_SQL_CLI ? Number(sql(srv.db, 'SELECT count(*) FROM audit_event')) : null);
const orgStatus = async (code) => (await fetch(`${srv.base}/api/v1/organisaties/${code}`)).status;

// A multipart/form-data POST like a browser's: csrf first (the session's,
// or opts.csrf; null leaves it out), then the fields, then the files
// ({name, data: string|Buffer, type}) as the field "bestanden".
async function upload(s, files, { fields = [], csrf } = {}) {
  const fd = new FormData();
  const token = csrf === undefined ? s.csrf : csrf;
  if (token !== null) fd.append('csrf', token);
  for (const [k, v] of fields) fd.append(k, v);
  for (const f of files) fd.append('bestanden', new Blob([f.data], { type: f.type || 'text/csv' }), f.name);
  const headers = s.cookie ? { cookie: s.cookie } : {};
  const r = await fetch(s.base + '/beheer/import', { method: 'POST', body: fd, headers, redirect: 'manual' });
  return { status: r.status, text: await r.text(), headers: r.headers };
}

const csvSet = () => [
  { name: 'sources.csv', data: SOURCES },
  { name: 'new_organisations.csv', data: NEW_ORGS },
  { name: 'new_participations.csv', data: NEW_PARTS },
  { name: 'collaboration_changes.csv', data: COLLAB_CHANGES },
];

before(async () => {
  srv = await startServer();
  addUser(srv.db, 'uplstaf', 'programmateam');
  addUser(srv.db, 'uplredacteur', 'redacteur', { org: 'gm0344' });
});
after(async () => {
  await srv?.stop();
});

test('/beheer/import: a file upload form for staff; partners and anonymous refused', async () => {
  const anon = anonymous(srv.base);
  const a = await anon.get('/beheer/import');
  assert.equal(a.status, 303);
  assert.match(a.location, /^\/inloggen/);
  const au = await upload(anon, csvSet());
  assert.equal(au.status, 401);
  const ed = await login(srv.base, 'uplredacteur');
  assert.equal((await ed.get('/beheer/import')).status, 403);
  assert.equal((await upload(ed, csvSet())).status, 403);
  const staff = await login(srv.base, 'uplstaf');
  const form = await staff.get('/beheer/import');
  assert.equal(form.status, 200);
  assert.match(form.text, /enctype="multipart\/form-data"/);
  assert.match(form.text, /<input[^>]*type="file"[^>]*name="bestanden"[^>]*multiple/);
  assert.doesNotMatch(form.text, /<textarea/);
  pages.push(['upload-form', form.text]);
});

test('CSRF is enforced for multipart forms', async () => {
  const staff = await login(srv.base, 'uplstaf');
  const audit = auditCount();
  const none = await upload(staff, csvSet(), { csrf: null });
  assert.equal(none.status, 403);
  assert.match(none.text, /Formulier verlopen/);
  const wrong = await upload(staff, csvSet(), { csrf: 'x'.repeat(43) });
  assert.equal(wrong.status, 403);
  if (audit !== null) assert.equal(auditCount(), audit);
});

test('CSV files: preview lists every change and writes nothing; Toepassen writes one import; again → 0 changes', async () => {
  const staff = await login(srv.base, 'uplstaf');
  const audit = auditCount();
  const pre = await upload(staff, csvSet(), { fields: [['naam', 'uploadtest-csv']] });
  assert.equal(pre.status, 200, pre.text.slice(0, 800));
  const text = decodeEntities(pre.text);
  assert.match(text, /Wijzigingen controleren/);
  assert.match(text, /uploadtest-csv: <strong>4 wijzigingen<\/strong>/);
  for (const f of ['sources.csv', 'new_organisations.csv', 'new_participations.csv', 'collaboration_changes.csv'])
    assert.match(text, new RegExp(`<h3[^>]*>${f.replace('.', '\\.')}`));
  assert.match(text, /Organisatie gm9901 \(Testdorp\)/);
  assert.match(text, /https:\/\/example\.org\/bel-test/);
  assert.match(text, /niet bevestigd/); // the low row, in words
  assert.match(text, /bevestigd door een overheidsorganisatie/); // confidence in words, never a code
  assert.match(text, /Toepassen \(4 wijzigingen\)/);
  pages.push(['upload-preview', pre.text]);
  assert.equal(await orgStatus('gm9901'), 404, 'nothing written before Toepassen');
  if (audit !== null) assert.equal(auditCount(), audit);

  const vals = formValues(pre.text);
  assert.ok(vals.some(([k, v]) => k === 'stap' && v === 'toepassen'));
  const done = await staff.post('/beheer/import', vals);
  assert.equal(done.status, 200, done.text.slice(0, 800));
  assert.match(done.text, /Import toegepast/);
  assert.match(done.text, /4 wijzigingen uit uploadtest-csv opgeslagen als één import/);
  const href = /href="(\/wijzigingen\/import\/\d+)"/.exec(done.text)?.[1];
  assert.ok(href, 'a link to the history entry');
  pages.push(['upload-done', done.text]);
  assert.equal(await orgStatus('gm9901'), 200);
  const avu = await (await fetch(`${srv.base}/api/v1/samenwerkingsverbanden/afvalverwijdering-utrecht-avu`)).json();
  assert.ok(JSON.stringify(avu).includes('gm9901'), 'Testdorp takes part');

  // the same files again: nothing to do
  const again = await upload(staff, csvSet());
  assert.equal(again.status, 200);
  assert.match(again.text, /<strong>0 wijzigingen<\/strong>/);
  assert.match(again.text, /niets te wijzigen/);
  assert.doesNotMatch(again.text, /name="stap"/);

  // the history: one grouped entry, opening to the events
  const list = decodeEntities((await staff.get('/wijzigingen')).text);
  assert.match(list, /Import van 4 wijzigingen uit uploadtest-csv door uplstaf/);
  assert.equal((list.match(/Testdorp/g) || []).length, 0, 'the events are not listed one by one');
  const anonList = decodeEntities(await (await fetch(srv.base + '/wijzigingen')).text());
  assert.match(anonList, /Import van 4 wijzigingen uit uploadtest-csv/);
  const batch = await fetch(srv.base + href);
  assert.equal(batch.status, 200);
  const btext = decodeEntities(await batch.text());
  assert.match(btext, /<h1[^>]*>Import van 4 wijzigingen uit uploadtest-csv<\/h1>/);
  assert.match(btext, /Testdorp/);
  pages.push(['import-batch', btext]);
  const feed = await (await fetch(srv.base + '/wijzigingen.atom')).text();
  assert.match(feed, /<title>Import van 4 wijzigingen uit uploadtest-csv<\/title>/);
  assert.match(feed, new RegExp(href.replace(/\//g, '\\/')));
  // the record's own history names the import its change came from
  const rec = decodeEntities(await (await fetch(srv.base + '/organisaties/gm9901/geschiedenis')).text());
  assert.match(rec, new RegExp(`Onderdeel van <a[^>]*href="${href}"[^>]*>import \\d+ \\(uploadtest-csv\\)</a>`));
  assert.equal((await fetch(srv.base + '/wijzigingen/import/999999')).status, 404);
  assert.equal((await fetch(srv.base + '/wijzigingen/import/abc')).status, 404);
});

test('a file with problems: file, line and reason; nothing applied, not even when forced', async () => {
  const staff = await login(srv.base, 'uplstaf');
  const audit = auditCount();
  const bad = [
    { name: 'sources.csv', data: SOURCES },
    {
      name: 'new_participations.csv',
      data: 'collaboration_key,organisation_code,body,role,source_id,confidence\n' +
        'afvalverwijdering-utrecht-avu,gm0344,college,deelnemer,testbron-upload,medium\n' +
        'bestaat-niet-verband,gm0344,college,deelnemer,testbron-upload,medium\n' +
        'bel-combinatie,gm0344,college,deelnemer,,high\n',
    },
  ];
  const r = await upload(staff, bad);
  assert.equal(r.status, 400);
  const text = decodeEntities(r.text);
  assert.match(text, /problemen gevonden/);
  assert.match(text, /Er wordt niets toegepast/);
  assert.match(text, /<td[^>]*>new_participations\.csv<\/td><td[^>]*>3<\/td>/);
  assert.match(text, /<td[^>]*>new_participations\.csv<\/td><td[^>]*>4<\/td>/);
  assert.doesNotMatch(text, /name="stap"/);
  pages.push(['upload-problems', r.text]);
  // forge an apply of the same files: the plan has problems, nothing happens
  const fields = [['stap', 'toepassen'], ['plan', '0'.repeat(64)], ['naam', ''], ['zekerheid', 'medium']];
  for (const f of bad) fields.push(['bestandsnaam', f.name], ['inhoud', Buffer.from(f.data).toString('base64url')]);
  const forced = await staff.post('/beheer/import', fields);
  assert.equal(forced.status, 400);
  if (audit !== null) assert.equal(auditCount(), audit);
});

test('Toepassen applies only the plan that was previewed', async () => {
  const staff = await login(srv.base, 'uplstaf');
  const files = [
    { name: 'sources.csv', data: SOURCES },
    { name: 'collaboration_changes.csv', data: 'key,field,new_value,source_id,source_date,confidence,note\nbel-combinatie,website,https://example.org/bel-2,testbron-upload,2026-01-15,high,\n' },
  ];
  const pre = await upload(staff, files);
  assert.equal(pre.status, 200, pre.text.slice(0, 600));
  const vals = formValues(pre.text).map(([k, v]) => [k, k === 'plan' ? 'f'.repeat(64) : v]);
  const audit = auditCount();
  const r = await staff.post('/beheer/import', vals);
  assert.equal(r.status, 409);
  assert.match(r.text, /Het register is veranderd/);
  if (audit !== null) assert.equal(auditCount(), audit);
  // damaged carried files
  const broken = formValues(pre.text).map(([k, v]) => [k, k === 'inhoud' ? '!!' : v]);
  const b = await staff.post('/beheer/import', broken);
  assert.equal(b.status, 400);
  assert.match(b.text, /beschadigd/);
});

test('wrong files: a clear Dutch message, never a 500', async () => {
  const staff = await login(srv.base, 'uplstaf');
  const none = await upload(staff, []);
  assert.equal(none.status, 400);
  assert.match(none.text, /Kies een XLSX-werkmap of een of meer CSV-bestanden/);
  const txt = await upload(staff, [{ name: 'notities.txt', data: 'hallo' }]);
  assert.equal(txt.status, 400);
  assert.match(txt.text, /notities\.txt: dit bestand wordt niet gelezen/);
  const mixed = await upload(staff, [{ name: 'a.xlsx', data: 'PK' }, { name: 'sources.csv', data: SOURCES }]);
  assert.equal(mixed.status, 400);
  assert.match(mixed.text, /niet allebei/);
  const fake = await upload(staff, [{ name: 'wijzigingen.xlsx', data: 'id,title\n' }]);
  assert.equal(fake.status, 400);
  assert.match(fake.text, /wijzigingen\.xlsx: geen XLSX-bestand/);
  const unknown = await upload(staff, [{ name: 'onbekend.csv', data: 'a,b\n1,2\n' }]);
  assert.equal(unknown.status, 400);
  assert.match(unknown.text, /onbekend/);
  pages.push(['upload-errors', fake.text]);
  // over the file limit but under the body limit: a form error
  const nine = await upload(staff, [{ name: 'sources.csv', data: Buffer.alloc(9 << 20, 0x41) }]);
  assert.equal(nine.status, 400);
  assert.match(decodeEntities(nine.text), /groter dan 8 MiB/);
  // over the body limit: 413 with a Dutch page
  const big = await upload(staff, [{ name: 'sources.csv', data: Buffer.alloc(13 << 20, 0x41) }]);
  assert.equal(big.status, 413);
  assert.match(decodeEntities(big.text), /Bestand te groot/);
  assert.match(decodeEntities(big.text), /hoogstens 8 MiB/);
  // (other routes keep the 1 MiB limit: tests/http/errors.test.mjs)
});

test('an XLSX workbook made with exceljs: preview, apply, history', async () => {
  const wb = new ExcelJS.Workbook();
  const rows = (sheet, csv) => {
    const ws = wb.addWorksheet(sheet);
    for (const line of csv.trim().split('\n')) ws.addRow(line.split(','));
    return ws;
  };
  const src = rows('sources', 'id,title,publisher,url,reference_date\ntestbron-xlsx,Testbron werkmap (fictief),Gemeente Proefstad,https://example.org/proefstad,');
  // a real date cell with a date format, as a spreadsheet user types it
  src.getCell('E2').value = new Date(Date.UTC(2026, 1, 2));
  src.getCell('E2').numFmt = 'd-m-yyyy';
  rows('new_organisations', 'code,kind,name,source_id,confidence\ngm9902,municipality,Proefstad,testbron-xlsx,high');
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const staff = await login(srv.base, 'uplstaf');
  const audit = auditCount();
  const pre = await upload(staff, [{ name: 'proefstad.xlsx', data: buf, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }]);
  assert.equal(pre.status, 200, pre.text.slice(0, 800));
  const text = decodeEntities(pre.text);
  assert.match(text, /proefstad: <strong>2 wijzigingen<\/strong>/);
  assert.match(text, /proefstad\.xlsx, blad new_organisations/);
  assert.match(text, /Organisatie gm9902 \(Proefstad\)/);
  assert.equal(await orgStatus('gm9902'), 404);
  if (audit !== null) assert.equal(auditCount(), audit);
  const done = await staff.post('/beheer/import', formValues(pre.text));
  assert.equal(done.status, 200, done.text.slice(0, 800));
  assert.match(done.text, /Import toegepast/);
  assert.equal(await orgStatus('gm9902'), 200);
  if (HAVE_SQL_CLI) assert.equal(sql(srv.db, "SELECT reference_date FROM source WHERE key = 'testbron-xlsx'").trim(), '2026-02-02');
  const again = await upload(staff, [{ name: 'proefstad.xlsx', data: buf }]);
  assert.match(again.text, /<strong>0 wijzigingen<\/strong>/);
  const list = decodeEntities(await (await fetch(srv.base + '/wijzigingen')).text());
  assert.match(list, /Import van 2 wijzigingen uit proefstad door uplstaf/);
});

test('POST /api/v1/wijzigingen: plan by default, apply with ?toepassen=true; staff tokens only', async () => {
  const token = addUser(srv.db, 'uplapistaf', 'programmateam', { token: 'import' });
  const edToken = addUser(srv.db, 'uplapired', 'redacteur', { org: 'gm0344', token: 'import' });
  const post = (p, body, type, tok = token) =>
    fetch(srv.base + p, { method: 'POST', body, headers: { authorization: `Bearer ${tok}`, ...(type ? { 'content-type': type } : {}) } });
  const orgs = 'code,kind,name,source_id,confidence\ngm9903,municipality,Voorbeeldwaard,testbron-api,high\n';
  const src = 'id,title,publisher,url,reference_date\ntestbron-api,Testbron API (fictief),Gemeente Voorbeeldwaard,https://example.org/voorbeeldwaard,2026-03-01\n';
  const fd = () => {
    const f = new FormData();
    f.append('bestanden', new Blob([src], { type: 'text/csv' }), 'sources.csv');
    f.append('bestanden', new Blob([orgs], { type: 'text/csv' }), 'new_organisations.csv');
    return f;
  };
  // who may
  assert.equal((await fetch(srv.base + '/api/v1/wijzigingen', { method: 'POST', body: fd() })).status, 401);
  assert.equal((await post('/api/v1/wijzigingen', fd(), undefined, edToken)).status, 403);
  const staffWeb = await login(srv.base, 'uplstaf');
  const viaCookie = await fetch(srv.base + '/api/v1/wijzigingen', { method: 'POST', body: fd(), headers: { cookie: staffWeb.cookie } });
  assert.equal(viaCookie.status, 401);
  // dry run (the default): the plan, nothing written
  const audit = auditCount();
  const dry = await post('/api/v1/wijzigingen?naam=api-test', fd());
  assert.equal(dry.status, 200);
  const plan = await dry.json();
  assert.equal(plan.toegepast, false);
  assert.equal(plan.importId, null);
  assert.equal(plan.titel, 'api-test');
  assert.equal(plan.aantalWijzigingen, 2);
  assert.deepEqual(plan.problemen, []);
  const org = plan.wijzigingen.find((c) => c.entiteit === 'organisation');
  assert.equal(org.sleutel, 'gm9903');
  assert.equal(org.soort, 'nieuw');
  assert.equal(org.bestand, 'new_organisations.csv');
  assert.equal(org.regel, 2);
  assert.equal(org.zekerheid, 'high');
  assert.match(org.zekerheidInWoorden, /bevestigd/);
  assert.equal(await orgStatus('gm9903'), 404);
  if (audit !== null) assert.equal(auditCount(), audit);
  // a CSV body needs ?bestand=; bad parameters and media types are refused
  assert.equal((await post('/api/v1/wijzigingen', src, 'text/csv')).status, 400);
  const one = await post('/api/v1/wijzigingen?bestand=sources.csv', src, 'text/csv; charset=utf-8');
  assert.equal(one.status, 200);
  assert.equal((await one.json()).aantalWijzigingen, 1);
  assert.equal((await post('/api/v1/wijzigingen?toepassen=ja', fd())).status, 400);
  assert.equal((await post('/api/v1/wijzigingen', '{}', 'application/json')).status, 415);
  const huge = await post('/api/v1/wijzigingen?bestand=sources.csv', Buffer.alloc(13 << 20, 0x41), 'text/csv');
  assert.equal(huge.status, 413);
  assert.match(huge.headers.get('content-type'), /^application\/problem\+json/);
  const nine = await post('/api/v1/wijzigingen?bestand=sources.csv', Buffer.alloc(9 << 20, 0x41), 'text/csv');
  assert.equal(nine.status, 422);
  assert.match((await nine.json()).problemen[0].reden, /groter dan 8 MiB/);
  // problems: 422 with file, line and reason, nothing written
  const bad = await post('/api/v1/wijzigingen?toepassen=true&bestand=new_organisations.csv',
    'code,kind,name,source_id,confidence\ngm9904,municipality,Foutdorp,bestaat-niet,high\n', 'text/csv');
  assert.equal(bad.status, 422);
  const badPlan = await bad.json();
  assert.equal(badPlan.toegepast, false);
  assert.equal(badPlan.problemen[0].bestand, 'new_organisations.csv');
  assert.equal(badPlan.problemen[0].regel, 2);
  assert.ok(badPlan.problemen[0].reden.length > 0);
  assert.equal(await orgStatus('gm9904'), 404);
  // apply: one import batch
  const done = await post('/api/v1/wijzigingen?toepassen=true&naam=api-test', fd());
  assert.equal(done.status, 200);
  const applied = await done.json();
  assert.equal(applied.toegepast, true);
  assert.ok(applied.importId > 0);
  assert.equal(applied._links.import.href, `/wijzigingen/import/${applied.importId}`);
  assert.equal(await orgStatus('gm9903'), 200);
  const again = await (await post('/api/v1/wijzigingen?toepassen=true', fd())).json();
  assert.equal(again.aantalWijzigingen, 0);
  assert.equal(again.toegepast, false);
  // an XLSX body
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('new_organisations');
  for (const line of orgs.trim().split('\n')) ws.addRow(line.split(','));
  const xl = await post('/api/v1/wijzigingen', Buffer.from(await wb.xlsx.writeBuffer()),
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.equal(xl.status, 200);
  const xplan = await xl.json();
  assert.equal(xplan.titel, 'wijzigingen');
  assert.equal(xplan.aantalWijzigingen, 0);
  assert.equal(xplan.aantalOngewijzigd, 1);
  const list = decodeEntities(await (await fetch(srv.base + '/wijzigingen')).text());
  assert.match(list, /Import van 2 wijzigingen uit api-test door uplapistaf, via de API/);

  // a later edit wins: applied again, a row whose record was edited since is skipped
  const setWeb = 'key,field,new_value,source_id,source_date,confidence,note\nafvalverwijdering-utrecht-avu,website,https://example.org/avu-set,testbron-api,2026-03-01,high,\n';
  const q = '/api/v1/wijzigingen?toepassen=true&naam=later-wint&bestand=collaboration_changes.csv';
  const first = await (await post(q, setWeb, 'text/csv')).json();
  assert.equal(first.toegepast, true, JSON.stringify(first.problemen));
  const avu = `${srv.base}/api/v1/samenwerkingsverbanden/afvalverwijdering-utrecht-avu`;
  const etag = (await fetch(avu)).headers.get('etag');
  const patch = await fetch(avu, { method: 'PATCH', body: JSON.stringify({ website: 'https://example.org/avu-later' }), headers: { authorization: `Bearer ${token}`, 'if-match': etag, 'content-type': 'application/merge-patch+json' } });
  assert.equal(patch.status, 200);
  const second = await (await post(q, setWeb, 'text/csv')).json();
  assert.equal(second.aantalWijzigingen, 0);
  assert.equal(second.aantalOvergeslagen, 1);
  assert.equal(second.overgeslagen[0].sleutel, 'afvalverwijdering-utrecht-avu');
  // the page shows them too
  const staff = await login(srv.base, 'uplstaf');
  const pre = await upload(staff, [{ name: 'collaboration_changes.csv', data: setWeb }], { fields: [['naam', 'later-wint']] });
  assert.equal(pre.status, 200);
  assert.match(decodeEntities(pre.text), /Overgeslagen: later elders gewijzigd/);
  pages.push(['upload-superseded', pre.text]);
});

test('vnu: the upload pages are valid HTML', async () => {
  await assertValidPages(path.join(srv.dir, 'vnu'), pages);
});
