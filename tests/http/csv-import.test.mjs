// csv-import — the CSV import of issue 6 over HTTP and the CLI: the staff
// form /beheer/import (anonymous → sign-in, editor → 403, CSRF required),
// a file in the CSV template uploaded there (an upload with a
// preview instead of a paste box) — valid: previewed, then written by
// Toepassen; bad: 400, every bad line with its number, nothing written —
// the round trip download → `atlas import csv` → no changes (with
// --dry-run too), and the Nu HTML Checker over the form pages.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, atlas, sql, HAVE_SQL_CLI, addUser, login, anonymous, formValues } from './harness.mjs';
import { assertValidPages } from './vnu.mjs';

let srv;
let anon; // the anonymous visitor
const pages = [];

const total = async () =>
  (await (await fetch(srv.base + '/api/v1/samenwerkingsverbanden?status=alle&paginaGrootte=1')).json()).totaal;
// the number of audit events (sqlite3 or psql; null without that CLI)
const auditCount = () => (HAVE_SQL_CLI ? Number(sql(srv.db, 'SELECT count(*) FROM audit_event')) : null);

// Upload one CSV file to /beheer/import like a browser (multipart/form-data).
async function uploadCsv(s, name, data) {
  const fd = new FormData();
  fd.append('csrf', s.csrf);
  fd.append('bestanden', new Blob([data], { type: 'text/csv' }), name);
  const r = await fetch(s.base + '/beheer/import', { method: 'POST', body: fd, headers: { cookie: s.cookie }, redirect: 'manual' });
  return { status: r.status, text: await r.text() };
}

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  addUser(srv.db, 'csvstaf', 'programmateam');
  addUser(srv.db, 'csvredacteur', 'redacteur', { org: 'gm0344' });
});
after(async () => {
  await srv?.stop();
});

test('/beheer/import: sign-in required, editors 403, CSRF checked', async () => {
  const anonPage = await anon.get('/beheer/import');
  assert.equal(anonPage.status, 303);
  assert.match(anonPage.location, /^\/inloggen/);
  const ed = await login(srv.base, 'csvredacteur');
  assert.equal((await ed.get('/beheer/import')).status, 403);
  assert.equal((await ed.post('/beheer/import', [['csv', 'sleutel,naam\n,x']])).status, 403);
  const staff = await login(srv.base, 'csvstaf');
  const form = await staff.get('/beheer/import');
  assert.equal(form.status, 200);
  assert.match(form.text, /<input[^>]*type="file"[^>]*name="bestanden"/);
  pages.push(['import', form.text]);
  const before = await total();
  const nocsrf = await staff.post('/beheer/import', [['csv', 'sleutel,naam,soort,beleidsdomeinen\n,CSRF-loos verband,netwerk,afval\n']], { csrf: null });
  assert.equal(nocsrf.status, 403);
  assert.equal(await total(), before);
});

test('/beheer/import: a valid template file is previewed, then written; a bad one lists lines and writes nothing', async () => {
  const staff = await login(srv.base, 'csvstaf');
  const before = await total();
  const pre = await uploadCsv(staff, 'verbanden.csv', '\uFEFFsleutel;naam;soort;beleidsdomeinen\r\n;Testnetwerk Importdorp;netwerk;afval\r\n');
  assert.equal(pre.status, 200, pre.text.slice(0, 400));
  assert.match(pre.text, /1 toe te voegen, 0 te wijzigen/);
  assert.match(pre.text, /Er is nog niets opgeslagen/);
  pages.push(['import-proef', pre.text]);
  assert.equal(await total(), before);
  const good = await staff.post('/beheer/import', formValues(pre.text));
  assert.equal(good.status, 200, good.text.slice(0, 400));
  assert.match(good.text, /Import toegepast/);
  assert.match(good.text, /1 toegevoegd/);
  pages.push(['import-ok', good.text]);
  assert.equal(await total(), before + 1);

  const audit = auditCount();
  const bad = await uploadCsv(staff, 'fout.csv',
    'sleutel,naam,soort,beleidsdomeinen\n,Nog een netwerk,netwerk,afval\n,Fout verband,onzin,afval\n,Ander fout,wgr,geen-domein\n');
  assert.equal(bad.status, 400);
  assert.match(bad.text, /<td[^>]*>fout\.csv<\/td><td[^>]*>3<\/td><td[^>]*>[^<]*soort/);
  assert.match(bad.text, /<td[^>]*>fout\.csv<\/td><td[^>]*>4<\/td><td[^>]*>[^<]*beleidsdomein/);
  assert.match(bad.text, /niets toegepast/);
  pages.push(['import-fout', bad.text]);
  assert.equal(await total(), before + 1);
  if (audit !== null) assert.equal(auditCount(), audit);
});

test('round trip: download → atlas import csv → nothing changes', async () => {
  const dir = path.join(srv.dir, 'csv');
  mkdirSync(dir, { recursive: true });
  for (const name of ['samenwerkingsverbanden', 'deelnames']) {
    const r = await fetch(srv.base + `/open-data/${name}.csv`);
    assert.equal(r.status, 200);
    const file = path.join(dir, `${name}.csv`);
    writeFileSync(file, Buffer.from(await r.arrayBuffer()));
    const audit = auditCount();
    for (const extra of [['--dry-run'], []]) {
      const out = atlas(['import', 'csv', file, '--db', srv.db, ...extra]);
      assert.equal(out.status, 0, out.stderr);
      assert.match(out.stdout, / 0 toegevoegd, 0 gewijzigd, [1-9]\d* ongewijzigd/);
    }
    if (audit !== null) assert.equal(auditCount(), audit);
  }
});

test('atlas import csv: bad file → line numbers on stderr, exit 1', () => {
  const file = path.join(srv.dir, 'fout.csv');
  writeFileSync(file, 'id;samenwerkingsverband;organisatie;rol\n;bestaat-niet;gm0344;deelnemer\n');
  const r = atlas(['import', 'csv', file, '--db', srv.db]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /fout\.csv, regel 2: samenwerkingsverband/);
  assert.match(r.stderr, /niets gewijzigd/);
  assert.equal(atlas(['import', 'csv', '--db', srv.db]).status, 2);
});

test('vnu: the import pages are valid HTML', async () => {
  await assertValidPages(path.join(srv.dir, 'vnu'), pages);
});
