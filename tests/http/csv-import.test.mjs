// csv-import — the CSV import of issue 6 over HTTP and the CLI: the staff
// form /beheer/import (anonymous → sign-in, editor → 403, CSRF required),
// a valid paste, a bad paste (400, every bad line with its number, nothing
// written), the round trip download → `atlas import csv` → no changes
// (with --dry-run too), and the Nu HTML Checker over the form pages.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, atlas, ATLAS, ROOT, sql, HAVE_SQL_CLI } from './harness.mjs';
import { vnuValidate } from './vnu.mjs';

const PW = 'een-lang-testwachtwoord-6';
let srv;
const pages = [];

function addUser(name, rol, org) {
  const args = ['user', 'add', name, '--rol', rol, '--wachtwoord-stdin', '--db', srv.db];
  if (org) args.push('--organisatie', org);
  const r = spawnSync(ATLAS, args, { cwd: ROOT, input: PW + '\n', encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, `atlas user add ${name}: ${r.stderr}`);
}

async function login(name) {
  let r = await fetch(srv.base + '/inloggen', { redirect: 'manual' });
  const html = await r.text();
  const pre = (r.headers.getSetCookie() || []).map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)[1];
  r = await fetch(srv.base + '/inloggen', {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: pre, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ gebruikersnaam: name, wachtwoord: PW, csrf, terug: '/' }),
  });
  assert.equal(r.status, 303, `login ${name}`);
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('atlas_sessie='));
  const t = await (await fetch(srv.base + '/', { headers: { cookie } })).text();
  return { cookie, csrf: /name="csrf" value="([^"]+)"/.exec(t)[1] };
}

async function get(sess, p) {
  const r = await fetch(srv.base + p, { redirect: 'manual', headers: sess ? { cookie: sess.cookie } : {} });
  return { status: r.status, location: r.headers.get('location'), text: await r.text() };
}

async function post(sess, p, fields, csrf = sess.csrf) {
  const body = new URLSearchParams();
  if (csrf) body.append('csrf', csrf);
  for (const [k, v] of fields) body.append(k, v);
  const r = await fetch(srv.base + p, {
    method: 'POST', redirect: 'manual', body,
    headers: { cookie: sess.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  });
  return { status: r.status, location: r.headers.get('location'), text: await r.text() };
}

const total = async () =>
  (await (await fetch(srv.base + '/api/v1/samenwerkingsverbanden?status=alle&paginaGrootte=1')).json()).totaal;
// the number of audit events (sqlite3 or psql; null without that CLI)
const auditCount = () => (HAVE_SQL_CLI ? Number(sql(srv.db, 'SELECT count(*) FROM audit_event')) : null);

before(async () => {
  srv = await startServer();
  addUser('csvstaf', 'programmateam');
  addUser('csvredacteur', 'redacteur', 'gm0344');
});
after(async () => {
  await srv?.stop();
});

test('/beheer/import: sign-in required, editors 403, CSRF checked', async () => {
  const anon = await get(null, '/beheer/import');
  assert.equal(anon.status, 303);
  assert.match(anon.location, /^\/inloggen/);
  const ed = await login('csvredacteur');
  assert.equal((await get(ed, '/beheer/import')).status, 403);
  assert.equal((await post(ed, '/beheer/import', [['csv', 'sleutel,naam\n,x']])).status, 403);
  const staff = await login('csvstaf');
  const form = await get(staff, '/beheer/import');
  assert.equal(form.status, 200);
  assert.match(form.text, /<textarea[^>]*name="csv"/);
  pages.push(['import', form.text]);
  const before = await total();
  const nocsrf = await post(staff, '/beheer/import', [['csv', 'sleutel,naam,soort,beleidsdomeinen\n,CSRF-loos verband,netwerk,afval\n']], null);
  assert.equal(nocsrf.status, 403);
  assert.equal(await total(), before);
});

test('/beheer/import: valid paste is written, bad paste lists lines and writes nothing', async () => {
  const staff = await login('csvstaf');
  const before = await total();
  const good = await post(staff, '/beheer/import', [
    ['csv', '\uFEFFsleutel;naam;soort;beleidsdomeinen\r\n;Testnetwerk Importdorp;netwerk;afval\r\n'],
  ]);
  assert.equal(good.status, 200, good.text.slice(0, 400));
  assert.match(good.text, /Import geslaagd/);
  assert.match(good.text, /testnetwerk-importdorp/);
  pages.push(['import-ok', good.text]);
  assert.equal(await total(), before + 1);

  const audit = auditCount();
  const bad = await post(staff, '/beheer/import', [
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

  const dry = await post(staff, '/beheer/import', [
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
  const dir = path.join(srv.dir, 'vnu');
  mkdirSync(dir, { recursive: true });
  const files = pages.map(([n, html]) => {
    const f = path.join(dir, `${n}.html`);
    writeFileSync(f, html);
    return f;
  });
  const msgs = vnuValidate(files);
  assert.deepEqual(msgs, []);
});
