// backup — issue 7: the health check (/api/v1/health, /gezondheid) and
// `atlas backup` / `atlas restore`. The state test writes through the API
// with a token made by the CLI, backs up while the server runs, writes
// more, stops the server, restores, starts again and checks that the
// records, the lists and the change counts equal the moment of the backup
// exactly. Restore must refuse while the server runs, a file that is not a
// database, a database of a newer schema; backup must refuse to overwrite.
// Test data is fictional ("Testregio Back-upland").
//
// On PostgreSQL (ATLAS_TEST_PG_URL) `atlas backup`/`restore` refuse and
// point to pg_dump/pg_restore; the state test then runs exactly the
// commands of docs/DEPLOYMENT.md: `pg_dump -Fc` while the server runs,
// more writes, server stopped, `pg_restore --clean --if-exists
// --single-transaction`, and the same comparison.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { startServer, freshDb, atlas, allPages, sql, HAVE_SQL_CLI, PG, addUser, apiClient } from './harness.mjs';

const SQLITE_ONLY = PG && 'SQLite file backup (atlas backup/restore); PostgreSQL: the pg_dump/pg_restore test';

const C = 'veiligheidsregio-utrecht'; // an existing collaboration we edit
const col = (k) => `/api/v1/samenwerkingsverbanden/${k}`;

let dir, db, srv, token;

async function patch(key, fields) {
  const etag = (await srv.get(col(key))).headers.get('etag');
  const r = await call('PATCH', col(key), fields, etag);
  assert.equal(r.status, 200, r.text);
}

async function create(naam) {
  const r = await call('POST', '/api/v1/samenwerkingsverbanden', {
    naam,
    soort: 'netwerk',
    beleidsdomeinen: ['veiligheid'],
    fase: 'groei',
    doel: 'Fictief verband voor de back-uptest.',
    startdatum: '2024-01-01',
  });
  assert.equal(r.status, 201, r.text);
  return r.headers.get('location').split('/').pop();
}

// The number of changes /wijzigingen reports ("1.234 wijzigingen").
async function changeCount() {
  const r = await srv.get('/wijzigingen');
  assert.equal(r.status, 200);
  const m = /atlas-result-count"><strong>([\d.]+) wijziging/.exec(r.text);
  assert.ok(m, 'count on /wijzigingen');
  return Number(m[1].replace(/\./g, ''));
}

// Everything the test compares: the edited records (full JSON), the whole
// list, the change count and the data version.
async function state(keys) {
  const records = {};
  for (const k of keys) {
    const r = await srv.get(col(k));
    records[k] = r.status === 200 ? r.json : r.status;
  }
  const list = await allPages(srv, '/api/v1/samenwerkingsverbanden?status=alle', 'samenwerkingsverbanden');
  const health = await srv.getJson('/api/v1/health');
  return { records, list, changes: await changeCount(), dataVersie: health.database.dataVersie };
}

const sqliteCli = HAVE_SQL_CLI; // sqlite3, or psql on PostgreSQL

// A JSON API call with the staff token (Content-Type always JSON).
const call = (method, p, body, ifMatch) =>
  apiClient(srv, token).call(method, p, { body, ifMatch, headers: { 'content-type': 'application/json' } });

before(async () => {
  ({ dir, db } = freshDb());
  srv = await startServer({ dir, db });
  token = addUser(db, 'backup-staf', 'programmateam', { token: 'backup' });
});

after(async () => {
  if (srv && !srv.exited()) await srv.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('GET /api/v1/health: 200 JSON with versions, never cached, no ETag', async () => {
  const r = await srv.get('/api/v1/health');
  assert.equal(r.status, 200, r.text);
  assert.match(r.headers.get('content-type'), /^application\/json/);
  assert.equal(r.headers.get('etag'), null);
  assert.match(r.headers.get('cache-control'), /no-store/);
  const h = r.json;
  assert.equal(h.status, 'gezond');
  assert.equal(typeof h.versie, 'string');
  assert.equal(h.database.bereikbaar, true);
  assert.equal(h.database.migratiesActueel, true);
  assert.equal(h.database.schemaVersie, h.database.schemaVerwacht);
  assert.ok(Number.isInteger(h.database.dataVersie) && h.database.dataVersie >= 1);
  assert.equal(h.snapshotVersie, h.database.dataVersie);
  // HEAD for load balancers that only look at the status
  const head = await srv.get('/api/v1/health', {}, { method: 'HEAD' });
  assert.equal(head.status, 200);
  const p = await srv.get('/gezondheid');
  assert.equal(p.status, 200);
  assert.match(p.headers.get('content-type'), /^text\/plain/);
  assert.match(p.text, /^gezond\n/);
  assert.equal(p.headers.get('etag'), null);
});

test('health answers 503 problem+json while the schema is not current', { skip: !sqliteCli && 'sqlite3/psql CLI not installed' }, async () => {
  const before = (await srv.getJson('/api/v1/health')).database.schemaVersie;
  // SQLite keeps the schema version in user_version, PostgreSQL in the table schema_version
  const setv = (v) => sql(db, PG ? `UPDATE schema_version SET version = ${v}` : `PRAGMA user_version = ${v}`);
  setv(before + 1);
  try {
    const r = await srv.get('/api/v1/health');
    assert.equal(r.status, 503, r.text);
    assert.match(r.headers.get('content-type'), /^application\/problem\+json/);
    assert.equal(r.json.status, 503);
    assert.match(r.json.detail, /schema/);
    const p = await srv.get('/gezondheid');
    assert.equal(p.status, 503);
    assert.match(p.text, /^ongezond\n/);
  } finally {
    setv(before);
  }
  assert.equal((await srv.get('/api/v1/health')).status, 200);
});

test('backup while serving, write more, restore with the server stopped: state equals the backup', { skip: SQLITE_ONLY }, async () => {
  // 1. writes before the backup
  await patch(C, { opmerking: 'Fictieve opmerking vóór de reservekopie' });
  const k1 = await create('Testregio Back-upland');
  const keys = [C, k1];
  const atBackup = await state(keys);

  // 2. backup while the server runs; it refuses to overwrite
  const bak = path.join(dir, 'reserve.db');
  let r = atlas(['backup', bak, '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /reservekopie .* geschreven/);
  const bytes = readFileSync(bak);
  assert.equal(bytes.subarray(0, 16).toString('latin1'), 'SQLite format 3\0');
  assert.ok(!existsSync(bak + '-wal'), 'the backup is a single file');
  r = atlas(['backup', bak, '--db', db]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /bestaat al/);
  assert.deepEqual(readFileSync(bak), bytes, 'the refused backup left the file alone');

  // 3. more writes after the backup
  await patch(C, { opmerking: 'Fictieve opmerking ná de reservekopie' });
  const k2 = await create('Testregio Na-de-kopie');
  keys.push(k2);
  const later = await state(keys);
  assert.notDeepEqual(later.records[C], atBackup.records[C]);
  assert.ok(later.changes > atBackup.changes);

  // 4. restore refuses while the server has the database open
  r = atlas(['restore', bak, '--db', db]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /in gebruik/);
  assert.equal((await srv.get(col(k2))).status, 200, 'nothing was replaced');

  // 5. stop, restore, start again
  await srv.stop();
  r = atlas(['restore', bak, '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(existsSync(db + '.voor-herstel'), 'the old database is kept');
  srv = await startServer({ dir, db });
  const restored = await state([C, k1]);
  assert.deepEqual(restored, atBackup);
  const gone = await srv.get(col(k2));
  assert.equal(gone.status, 404, 'the collaboration written after the backup is gone');

  // a second restore does not overwrite the kept database silently
  await srv.stop();
  r = atlas(['restore', bak, '--db', db]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /voor-herstel bestaat al/);
  // the kept database is the state before the restore (with k2)
  srv = await startServer({ dir, db: db + '.voor-herstel' });
  assert.equal((await srv.get(col(k2))).status, 200);
  assert.deepEqual((await state([C, k1, k2])).records, later.records);
  await srv.stop();
  srv = await startServer({ dir, db });
});

test('restore refuses a file that is not a database and a newer schema; backup needs a database', { skip: SQLITE_ONLY }, async () => {
  const junk = path.join(dir, 'geen-database.db');
  writeFileSync(junk, 'Dit is geen database.\n'.repeat(100));
  await srv.stop();
  const before = readFileSync(db);
  let r = atlas(['restore', junk, '--db', db]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /geen SQLite-database/);

  const empty = path.join(dir, 'leeg.db');
  writeFileSync(empty, '');
  r = atlas(['restore', empty, '--db', db]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /geen database van de Samenwerkingsatlas/);

  // a valid backup whose schema version (header offset 60) is newer than ours
  const newer = path.join(dir, 'nieuwer.db');
  r = atlas(['backup', newer, '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  const buf = readFileSync(newer);
  buf.writeUInt32BE(buf.readUInt32BE(60) + 1, 60);
  writeFileSync(newer, buf);
  r = atlas(['restore', newer, '--db', db, '--overschrijven']);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /nieuwer dan dit programma/);
  assert.deepEqual(readFileSync(db), before, 'the database is untouched after refusals');

  r = atlas(['backup', path.join(dir, 'x.db'), '--db', path.join(dir, 'bestaat-niet.db')]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /bestaat niet/);
  assert.ok(statSync(db).size > 0);
  srv = await startServer({ dir, db });
  assert.equal((await srv.get('/api/v1/health')).status, 200);
});

// --- PostgreSQL: pg_dump / pg_restore (docs/DEPLOYMENT.md) -----------------

// Run a PostgreSQL client tool; asserts exit 0.
function pgTool(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r;
}

test('PostgreSQL: atlas backup and restore refuse and point to pg_dump/pg_restore', { skip: !PG && 'PostgreSQL only' }, () => {
  const file = path.join(dir, 'geen-kopie.db');
  for (const args of [['backup', file], ['restore', file]]) {
    const r = atlas([...args, '--db', db]);
    assert.notEqual(r.status, 0, `atlas ${args[0]} on PostgreSQL: exit ${r.status}`);
    assert.match(r.stderr, /pg_dump/, `atlas ${args[0]}: ${r.stderr}`);
  }
  assert.ok(!existsSync(file), 'no file written');
});

test('PostgreSQL: pg_dump while serving, write more, pg_restore with the server stopped: state equals the dump', { skip: !PG && 'PostgreSQL only' }, async () => {
  // 1. writes before the dump
  await patch(C, { opmerking: 'Fictieve opmerking vóór pg_dump' });
  const k1 = await create('Testregio Dumpland');
  const keys = [C, k1];
  const atBackup = await state(keys);
  const usersAtBackup = sql(db, 'SELECT username FROM app_user ORDER BY username');

  // 2. the dump while the server runs (one consistent snapshot)
  const dump = path.join(dir, 'atlas.dump');
  pgTool('pg_dump', ['-Fc', '-f', dump, db]);
  assert.equal(readFileSync(dump).subarray(0, 5).toString('latin1'), 'PGDMP', 'custom-format dump');

  // 3. more writes after the dump (a record, a new one, a user)
  await patch(C, { opmerking: 'Fictieve opmerking ná pg_dump' });
  const k2 = await create('Testregio Na-de-dump');
  keys.push(k2);
  addUser(db, 'na-de-dump', 'programmateam', { token: 'backup' });
  const later = await state(keys);
  assert.notDeepEqual(later.records[C], atBackup.records[C]);
  assert.ok(later.changes > atBackup.changes);
  assert.ok(later.dataVersie > atBackup.dataVersie);

  // 4. stop the server, restore, start again
  await srv.stop();
  pgTool('pg_restore', ['--clean', '--if-exists', '--single-transaction', '--exit-on-error', '-d', db, dump]);
  srv = await startServer({ dir, db });
  const restored = await state([C, k1]);
  assert.deepEqual(restored, atBackup);
  assert.equal((await srv.get(col(k2))).status, 404, 'the collaboration written after the dump is gone');
  assert.equal(sql(db, 'SELECT username FROM app_user ORDER BY username'), usersAtBackup, 'users as at the dump');
  // the token made before the dump still works; writing goes on from the restored state
  await patch(C, { opmerking: 'Fictieve opmerking na het herstel' });
  const after = await srv.getJson(col(C));
  assert.equal(after.versie, atBackup.records[C].versie + 1, 'the next write follows the restored version');
  assert.equal((await srv.getJson('/api/v1/health')).database.dataVersie, atBackup.dataVersie + 1);
  // search works on the restored database (the generated search column came back)
  const s = await srv.get('/zoeken?q=Dumpland');
  assert.equal(s.status, 200);
  assert.ok(s.text.includes(`/samenwerkingsverbanden/${k1}`), 'search finds the restored collaboration');
});
