// csv-import — the CSV import of issue 6 over HTTP and the CLI: the staff
// form /beheer/import (anonymous → sign-in, editor → 403, CSRF required),
// a valid paste, a bad paste (400, every bad line with its number, nothing
// written), the round trip download → `atlas import csv` → no changes
// (with --dry-run too), and the Nu HTML Checker over the form pages.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, atlas, sql, HAVE_SQL_CLI, addUser, login, anonymous } from './harness.mjs';
import { assertValidPages } from './vnu.mjs';

let srv;
let anon; // the anonymous visitor
const pages = [];

const total = async () =>
  (await (await fetch(srv.base + '/api/v1/samenwerkingsverbanden?status=alle&paginaGrootte=1')).json()).totaal;
// the number of audit events (sqlite3 or psql; null without that CLI)
const auditCount = () => (HAVE_SQL_CLI ? Number(sql(srv.db, 'SELECT count(*) FROM audit_event')) : null);

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
  assert.match(form.text, /<textarea[^>]*name="csv"/);
  pages.push(['import', form.text]);
  const before = await total();
  const nocsrf = await staff.post('/beheer/import', [['csv', 'sleutel,naam,soort,beleidsdomeinen\n,CSRF-loos verband,netwerk,afval\n']], { csrf: null });
  assert.equal(nocsrf.status, 403);
  assert.equal(await total(), before);
});

test('/beheer/import: valid paste is written, bad paste lists lines and writes nothing', async () => {
  const staff = await login(srv.base, 'csvstaf');
  const before = await total();
  const good = await staff.post('/beheer/import', [
    ['csv', '\uFEFFsleutel;naam;soort;beleidsdomeinen\r\n;Testnetwerk Importdorp;netwerk;afval\r\n'],
  ]);
  assert.equal(good.status, 200, good.text.slice(0, 400));
  assert.match(good.text, /Import geslaagd/);
  assert.match(good.text, /testnetwerk-importdorp/);
  pages.push(['import-ok', good.text]);
  assert.equal(await total(), before + 1);

  const audit = auditCount();
  const bad = await staff.post('/beheer/import', [
    ['csv', 'sleutel,naam,soort,beleidsdomeinen\n,Nog een netwerk,netwerk,afval\n,Fout verband,onzin,afval\n,Ander fout,wgr,geen-domein\n'],
  ]);
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Regel 3: soort/);
  assert.match(bad.text, /Regel 4: beleidsdomeinen/);
  assert.match(bad.text, /niets opgeslagen/);
  assert.match(bad.text, /Fout verband/); // the pasted text is kept
  pages.push(['import-fout', bad.text]);
  assert.equal(await total(), before + 1);
  if (audit !== null) assert.equal(auditCount(), audit);

  const dry = await staff.post('/beheer/import', [
    ['csv', 'sleutel,naam,soort,beleidsdomeinen\n,Proefnetwerk,netwerk,afval\n'], ['proefrun', 'ja'],
  ]);
  assert.equal(dry.status, 200);
  assert.match(dry.text, /Proefrun geslaagd/);
  assert.equal(await total(), before + 1);
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

test('vnu: the import pages are valid HTML', () => {
  assertValidPages(path.join(srv.dir, 'vnu'), pages);
});
