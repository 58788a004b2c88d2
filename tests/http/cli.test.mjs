// cli — the atlas command line as a black box: --help for every command,
// migrate and import seed idempotent, a damaged seed stops with file, line
// and reason and leaves the database as it was (one transaction), atlas
// check, the serve start-up line, ATLAS_DB / ATLAS_PORT, clean SIGTERM.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, openSync, writeSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { atlas, freshDb, startServer, allPages, SEED_DIR, PG, createPgDb, dropPgDb, psql } from './harness.mjs';

const counts = (out, word) => [...out.matchAll(new RegExp(`(\\d+) ${word}\\b`, 'g'))].map((m) => Number(m[1]));

test('atlas --help and <command> --help exit 0 with usage on stdout', () => {
  const top = atlas(['--help']);
  assert.equal(top.status, 0, top.stderr);
  for (const cmd of ['serve', 'migrate', 'import', 'check']) assert.match(top.stdout, new RegExp(`\\b${cmd}\\b`), `--help lacks ${cmd}`);
  assert.match(top.stdout, /--db/);
  for (const args of [['serve', '--help'], ['migrate', '--help'], ['import', '--help'], ['import', 'seed', '--help'], ['check', '--help']]) {
    const r = atlas(args);
    assert.equal(r.status, 0, `${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
    assert.ok(r.stdout.trim().length > 0, `${args.join(' ')}: no usage on stdout`);
    assert.match(r.stdout, /--db/, `${args.join(' ')}: usage does not mention --db`);
  }
  assert.match(atlas(['serve', '--help']).stdout, /--port/);
  assert.match(atlas(['serve', '--help']).stdout, /--listen/);
  assert.match(atlas(['import', 'seed', '--help']).stdout, /--seed-dir/);
});

test('an unknown command or option exits non-zero with a message on stderr', () => {
  const r = atlas(['bestaatniet']);
  assert.notEqual(r.status, 0);
  assert.ok(r.stderr.trim().length > 0);
  const r2 = atlas(['check', '--onzin']);
  assert.notEqual(r2.status, 0);
});

test('migrate twice is fine; import seed twice changes nothing the second time', () => {
  const { dir, db } = freshDb({ seed: false });
  try {
    assert.equal(atlas(['migrate', '--db', db]).status, 0, 'second migrate');
    const first = atlas(['import', 'seed', '--db', db]);
    assert.equal(first.status, 0, first.stderr);
    const added = counts(first.stdout, 'toegevoegd');
    assert.ok(added.length >= 5, `first import output per table: ${first.stdout}`);
    assert.ok(added.reduce((a, b) => a + b, 0) > 0, `first import added nothing: ${first.stdout}`);
    const second = atlas(['import', 'seed', '--db', db]);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /0 toegevoegd/);
    assert.match(second.stdout, /0 gewijzigd/);
    const a2 = counts(second.stdout, 'toegevoegd');
    const c2 = counts(second.stdout, 'gewijzigd');
    assert.ok(a2.length >= 5 && c2.length >= 5, second.stdout);
    assert.deepEqual(a2.filter((n) => n !== 0), [], `second import added rows: ${second.stdout}`);
    assert.deepEqual(c2.filter((n) => n !== 0), [], `second import changed rows: ${second.stdout}`);
    const unchanged = counts(second.stdout, 'ongewijzigd').reduce((a, b) => a + b, 0);
    assert.equal(unchanged, added.reduce((a, b) => a + b, 0), 'second import: ongewijzigd = first import toegevoegd');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('ATLAS_DB is used when --db is absent', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-env-'));
  try {
    const db = path.join(dir, 'env.db');
    const r = atlas(['migrate'], { env: { ATLAS_DB: db } });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(db), 'ATLAS_DB database not created');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('PostgreSQL: ATLAS_DATABASE_URL and --database-url select the database; no password in the output', { skip: !PG && 'PostgreSQL only (ATLAS_TEST_PG_URL)' }, () => {
  const SECRET = 'geheim-Wachtwoord-7';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-env-'));
  const u1 = createPgDb();
  const u2 = createPgDb();
  try {
    // ATLAS_DATABASE_URL wins over ATLAS_DB (trust authentication ignores the password)
    const withPw = new URL(u1);
    withPw.password = SECRET;
    const file = path.join(dir, 'env.db');
    let r = atlas(['migrate'], { env: { ATLAS_DATABASE_URL: withPw.toString(), ATLAS_DB: file } });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(!(r.stdout + r.stderr).includes(SECRET), `the password was printed: ${r.stdout}${r.stderr}`);
    assert.ok(!existsSync(file), 'ATLAS_DB was used although ATLAS_DATABASE_URL is set');
    assert.match(psql(u1, 'SELECT version FROM schema_version'), /^[1-9]\d*$/, 'migrated');
    // --database-url, for every command
    r = atlas(['migrate', '--database-url', u2]);
    assert.equal(r.status, 0, r.stderr);
    r = atlas(['import', 'seed', '--database-url', u2]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(Number(psql(u2, 'SELECT count(*) FROM collaboration')) > 30, 'seed loaded through --database-url');
    assert.equal(Number(psql(u1, 'SELECT count(*) FROM collaboration')), 0, 'the other database untouched');
    // --database-url takes only a PostgreSQL URL
    r = atlas(['migrate', '--database-url', file]);
    assert.notEqual(r.status, 0);
    assert.ok(!existsSync(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    dropPgDb(u1);
    dropPgDb(u2);
  }
});

test('atlas check prints its findings and exits 0', () => {
  const { dir, db } = freshDb();
  try {
    const r = atlas(['check', '--db', db]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.trim().length > 0, 'check printed nothing');
    // the seed has ended organisations that still participated in 2015 data? either way the
    // report must be deterministic
    assert.equal(atlas(['check', '--db', db]).stdout, r.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// --- damaged seed ----------------------------------------------------------

function seedCopy() {
  const d = mkdtempSync(path.join(os.tmpdir(), 'atlas-seed-'));
  cpSync(SEED_DIR, d, { recursive: true });
  return d;
}

// Replace field `col` of the row whose first field is `key` in file; returns the 1-based line.
function editRow(dir, file, match, col, value) {
  const p = path.join(dir, file);
  const lines = readFileSync(p, 'utf8').split('\n');
  const header = lines[0].split(',');
  const ci = header.indexOf(col);
  assert.ok(ci >= 0, `${file} has no column ${col}`);
  const li = lines.findIndex((l, i) => i > 0 && l.startsWith(match));
  assert.ok(li > 0, `${file}: no row starting with ${match}`);
  assert.ok(!lines[li].includes('"'), `${file} line ${li + 1} has quoted fields; pick another row`);
  const f = lines[li].split(',');
  f[ci] = value;
  lines[li] = f.join(',');
  writeFileSync(p, lines.join('\n'));
  return li + 1;
}

test('a damaged seed stops with file, line and reason, and leaves the database unchanged', async () => {
  const { dir, db } = freshDb();
  const seeds = [];
  try {
    const checkBefore = atlas(['check', '--db', db]).stdout;
    const cases = [];

    // 1. invalid date in organisations.csv (after a valid change to Zeist earlier in the file)
    let s = seedCopy();
    seeds.push(s);
    editRow(s, 'organisations.csv', 'gm0355,', 'name', 'Zeist Gewijzigd');
    cases.push({ s, file: 'organisations.csv', line: editRow(s, 'organisations.csv', 'gm0620,', 'valid_to', '2019-13-45'), why: 'invalid date' });

    // 2. unknown successor in organisations.csv
    s = seedCopy();
    seeds.push(s);
    editRow(s, 'organisations.csv', 'gm0355,', 'name', 'Zeist Gewijzigd');
    cases.push({ s, file: 'organisations.csv', line: editRow(s, 'organisations.csv', 'gm0620,', 'successor_code', 'gm9998'), why: 'unknown successor' });

    // 3. unknown organisation in participations.csv, after valid changes in the other files
    s = seedCopy();
    seeds.push(s);
    editRow(s, 'organisations.csv', 'gm0355,', 'name', 'Zeist Gewijzigd');
    editRow(s, 'collaborations.csv', 'het-waterschapshuis,', 'name', 'Waterschapshuis Gewijzigd');
    cases.push({ s, file: 'participations.csv', line: editRow(s, 'participations.csv', 'veiligheidsregio-utrecht,gm0344,', 'organisation_code', 'gm9998'), why: 'unknown organisation' });

    // 4. invalid enum value in collaborations.csv
    s = seedCopy();
    seeds.push(s);
    editRow(s, 'collaborations.csv', 'het-waterschapshuis,', 'name', 'Waterschapshuis Gewijzigd');
    cases.push({ s, file: 'collaborations.csv', line: editRow(s, 'collaborations.csv', 'bel-combinatie,', 'phase', 'halfweg'), why: 'invalid phase' });

    // 5. unknown domain key in collaborations.csv
    s = seedCopy();
    seeds.push(s);
    cases.push({ s, file: 'collaborations.csv', line: editRow(s, 'collaborations.csv', 'ferm-werk,', 'domains', 'werk-en-inkomen;bestaatniet'), why: 'unknown domain' });

    for (const c of cases) {
      const r = atlas(['import', 'seed', '--db', db, '--seed-dir', c.s]);
      assert.notEqual(r.status, 0, `${c.why}: import succeeded: ${r.stdout}`);
      assert.ok(r.stderr.includes(c.file), `${c.why}: stderr does not name ${c.file}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`regel ${c.line}\\b`), `${c.why}: stderr does not say "regel ${c.line}": ${r.stderr}`);
      assert.equal(atlas(['check', '--db', db]).stdout, checkBefore, `${c.why}: atlas check output changed`);
    }

    // 6. a missing file
    s = seedCopy();
    seeds.push(s);
    rmSync(path.join(s, 'participations.csv'));
    const r6 = atlas(['import', 'seed', '--db', db, '--seed-dir', s]);
    assert.notEqual(r6.status, 0, 'import without participations.csv succeeded');
    assert.ok(r6.stderr.includes('participations.csv'), `missing file not named: ${r6.stderr}`);

    // the served data is unchanged
    const srv = await startServer({ db, dir });
    try {
      assert.equal((await srv.getJson('/api/v1/organisaties/gm0355')).naam, 'Zeist');
      assert.equal((await srv.getJson('/api/v1/samenwerkingsverbanden/het-waterschapshuis')).naam, 'Het Waterschapshuis');
      const vru = await srv.getJson('/api/v1/samenwerkingsverbanden/veiligheidsregio-utrecht');
      assert.equal(vru.deelnemers.filter((d) => d.actief).length, 26);
      const orgs = await allPages(srv, '/api/v1/organisaties?status=alle', 'organisaties');
      const collabs = await allPages(srv, '/api/v1/samenwerkingsverbanden?status=alle', 'samenwerkingsverbanden');
      const orgLines = readFileSync(path.join(SEED_DIR, 'organisations.csv'), 'utf8').trim().split('\n').length - 1;
      const colLines = readFileSync(path.join(SEED_DIR, 'collaborations.csv'), 'utf8').trim().split('\n').length - 1;
      assert.equal(orgs.totaal, orgLines, 'organisation count');
      assert.equal(collabs.totaal, colLines, 'collaboration count');
    } finally {
      await srv.stop();
    }

    // and the real seed still finds nothing to add or change
    const again = atlas(['import', 'seed', '--db', db]);
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(counts(again.stdout, 'toegevoegd').filter((n) => n), [], again.stdout);
    assert.deepEqual(counts(again.stdout, 'gewijzigd').filter((n) => n), [], again.stdout);
  } finally {
    for (const s of seeds) rmSync(s, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a damaged seed on an empty database leaves it empty', async () => {
  const { dir, db } = freshDb({ seed: false });
  const s = seedCopy();
  try {
    const line = editRow(s, 'participations.csv', 'veiligheidsregio-utrecht,gm0344,', 'joined', '2015-02-30');
    const r = atlas(['import', 'seed', '--db', db, '--seed-dir', s]);
    assert.notEqual(r.status, 0, 'import of 30 February succeeded');
    assert.match(r.stderr, /participations\.csv/);
    assert.match(r.stderr, new RegExp(`regel ${line}\\b`));
    const first = atlas(['import', 'seed', '--db', db]);
    assert.equal(first.status, 0, first.stderr);
    assert.deepEqual(counts(first.stdout, 'gewijzigd').filter((n) => n), [], `rows left behind by the failed import: ${first.stdout}`);
    assert.deepEqual(counts(first.stdout, 'ongewijzigd').filter((n) => n), [], `rows left behind by the failed import: ${first.stdout}`);
  } finally {
    rmSync(s, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
});

// --- serve -------------------------------------------------------------------

test('serve prints its URL, honours ATLAS_PORT, and exits 0 on SIGTERM', async () => {
  const srv = await startServer({ usePortEnv: true });
  try {
    const r = await srv.get('/');
    assert.equal(r.status, 200);
    assert.ok(srv.stdout().includes(`Samenwerkingsatlas: http://127.0.0.1:${srv.port}/`), `start-up line missing: ${srv.stdout()}`);
  } finally {
    await srv.stop(); // asserts exit code 0 within 5 s
  }
});

test('SIGTERM while requests are in flight: they finish, exit 0', async () => {
  const srv = await startServer();
  let results;
  try {
    const inflight = Array.from({ length: 30 }, () => srv.get('/api/v1/organisaties?status=alle&paginaGrootte=100').then((r) => r.status, (e) => e.message));
    await new Promise((r) => setTimeout(r, 5));
    srv.sigterm();
    results = await Promise.all(inflight);
  } finally {
    await srv.stop();
  }
  // requests already accepted must complete with 200; ones not yet connected may be refused
  const bad = results.filter((x) => typeof x === 'number' && x !== 200);
  assert.deepEqual(bad, [], `in-flight requests got ${JSON.stringify(results)}`);
});

test('an internal fault (database damaged under a running server) gives a plain Dutch 500 page, logged', { skip: PG && 'damages the SQLite file; PostgreSQL: the variant below' }, async () => {
  const srv = await startServer();
  try {
    assert.equal((await srv.get('/zoeken?q=zeist')).status, 200);
    // overwrite the start of the database file (and its WAL index) with garbage
    const garbage = Buffer.alloc(16384, 0xa5);
    for (const f of [srv.db, srv.db + '-shm']) {
      if (!existsSync(f)) continue;
      const fd = openSync(f, 'r+');
      writeSync(fd, garbage, 0, garbage.length, 0);
      closeSync(fd);
    }
    const r = await srv.get('/zoeken?q=utrecht');
    assert.equal(r.status, 500, `search on a damaged database: ${r.status}`);
    assert.match(r.headers.get('content-type'), /^text\/html/);
    assert.match(r.text, /<html[^>]*lang="nl"/);
    assert.doesNotMatch(r.text, /sqlite|SQL|malformed|\.db\b|\.c:\d+|errno|segfault/i, 'internals in the 500 page');
    assert.ok(!r.text.includes(srv.dir), 'file path in the 500 page');
    await new Promise((res) => setTimeout(res, 100));
    assert.match(srv.stderr(), /error/i, 'the fault is not logged');
    // pages served from the in-memory snapshot keep working
    assert.equal((await srv.get('/')).status, 200);
    assert.equal((await srv.get('/api/v1/samenwerkingsverbanden')).status, 200);
  } finally {
    await srv.stop();
  }
});

// PostgreSQL has no file to damage; the same fault from the server's point of
// view is a query that fails for a reason other than a lost connection (here
// the search table has gone under a running server).
test('PostgreSQL: an internal fault (search table gone under a running server) gives a plain Dutch 500 page, logged', { skip: !PG && 'PostgreSQL only' }, async () => {
  const srv = await startServer();
  try {
    assert.equal((await srv.get('/zoeken?q=zeist')).status, 200);
    psql(srv.db, 'ALTER TABLE search_fts RENAME TO search_fts_weg');
    const r = await srv.get('/zoeken?q=utrecht');
    assert.equal(r.status, 500, `search without its table: ${r.status}`);
    assert.match(r.headers.get('content-type'), /^text\/html/);
    assert.match(r.text, /<html[^>]*lang="nl"/);
    assert.doesNotMatch(r.text, /postgres|libpq|SQL|relation|search_fts|atlas_t_|\.c:\d+|errno/i, 'internals in the 500 page');
    await new Promise((res) => setTimeout(res, 100));
    assert.match(srv.stderr(), /error/i, 'the fault is not logged');
    // pages served from the in-memory snapshot keep working
    assert.equal((await srv.get('/')).status, 200);
    assert.equal((await srv.get('/api/v1/samenwerkingsverbanden')).status, 200);
    // repaired, search works again on the same connections
    psql(srv.db, 'ALTER TABLE search_fts_weg RENAME TO search_fts');
    assert.equal((await srv.get('/zoeken?q=utrecht')).status, 200);
  } finally {
    await srv.stop();
  }
});
