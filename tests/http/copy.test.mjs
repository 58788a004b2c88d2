// copy — `atlas copy` moves a province's database from SQLite to PostgreSQL
// without loss (issue 7), verified by comparing what both serve and export:
// a SQLite database gets the seed plus edits through the API (a new
// collaboration, a patch, a new participation; a user and an API token),
// is copied to an empty PostgreSQL database, and then the JSON API, the
// open-data CSV files and the ROO export of both must be byte-identical.
// After the copy, writing on PostgreSQL must work (identity sequences moved
// past the copied ids), the token made on SQLite must still work, a second
// copy into the same database must be refused and change nothing, and the
// way back (PostgreSQL → a new SQLite file) must give the same exports.
//
// Needs a PostgreSQL test cluster (ATLAS_TEST_PG_URL; `make test-pg`).
// Fixtures are fictional ("Testregio Kopieerland", example.org).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, atlas, PG, createPgDb, sql, addUser, apiClient } from './harness.mjs';

const skip = !PG && 'needs a PostgreSQL test cluster (ATLAS_TEST_PG_URL; make test-pg)';

// Everything a client can read that depends on stored data.
const COMPARE = [
  '/api/v1/samenwerkingsverbanden?paginaGrootte=100',
  '/api/v1/samenwerkingsverbanden/testregio-kopieerland',
  '/api/v1/samenwerkingsverbanden/veiligheidsregio-utrecht',
  '/api/v1/organisaties?paginaGrootte=100',
  '/api/v1/organisaties/gm0344',
  '/api/v1/organisaties/gm0344/deelnames',
  '/api/v1/beleidsdomeinen',
  '/api/v1/kaart',
  '/api/v1/netwerk',
  '/open-data/samenwerkingsverbanden.csv',
  '/open-data/deelnames.csv',
  '/open-data/organisaties.csv',
  '/open-data/bronnen.csv',
  '/samenwerkingsverbanden/testregio-kopieerland/geschiedenis',
];
// Search: as many hits, the same ones when they fit one page (ranking and
// snippets are each engine's own).
const SEARCHES = ['/zoeken?q=kopieerland', '/zoeken?q=afval', '/zoeken?q=utrecht'];
const hits = (html) => [...html.matchAll(/class="atlas-result__title"><a [^>]*href="([^"]+)"/g)].map((m) => m[1]);

function sqliteDb(dir, name) {
  const db = path.join(dir, name);
  let r = atlas(['migrate', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  r = atlas(['import', 'seed', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  return db;
}

// The bodies of COMPARE on a server, with the ETags' snapshot part left out
// (the copy is itself a write: data_version moves on by one).
async function snapshotOf(srv) {
  const out = {};
  for (const p of COMPARE) {
    const r = await srv.get(p);
    assert.equal(r.status, 200, `GET ${p}: ${r.status} ${r.text.slice(0, 200)}`);
    out[p] = r.text;
  }
  for (const p of SEARCHES) {
    const r = await srv.get(p);
    assert.equal(r.status, 200, `GET ${p}`);
    const count = /<h2[^>]*>(\d+) resulta/.exec(r.text);
    out[p] = { count: count ? Number(count[1]) : 0, hits: hits(r.text) };
  }
  return out;
}

function exportRoo(db, file) {
  const r = atlas(['export', 'roo', '--db', db, '--out', file]);
  assert.equal(r.status, 0, r.stderr);
  return readFileSync(file, 'utf8');
}

// A JSON API call as the holder of token.
const call = (srv, method, p, token, body, ifMatch) => apiClient(srv, token).call(method, p, { body, ifMatch });

test('atlas copy moves a SQLite database to PostgreSQL without loss, and back', { skip }, async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-copy-'));
  let srv;
  try {
    // 1. a province on SQLite, with edits of its own
    const lite = sqliteDb(dir, 'provincie.db');
    const token = addUser(lite, 'kopieerder', 'programmateam', { token: 'kopie' });
    // a change set: an import batch, its audit events and provenance per field
    let r = atlas(['import', 'wijzigingen', 'data/wijzigingen/01-utrecht-2026', '--toepassen', '--db', lite]);
    assert.equal(r.status, 0, r.stderr);
    // fictional indicators and the policy-domain mapping of the collaboration figures
    for (const f of ['gebieden.csv', 'indicatoren.csv', 'waarden.csv', 'beleidsdomein_taakvelden.csv']) {
      r = atlas(['import', 'indicatoren', `tests/fixtures/samenwerking_cijfers/${f}`, '--db', lite]);
      assert.equal(r.status, 0, r.stderr);
    }
    srv = await startServer({ db: lite, dir });
    r = await call(srv, 'POST', '/api/v1/samenwerkingsverbanden', token, {
      naam: 'Testregio Kopieerland',
      korteNaam: 'TKL',
      soort: 'wgr',
      juridischeVorm: 'OL',
      beleidsdomeinen: ['veiligheid'],
      fase: 'groei',
      doel: 'Een fictieve regeling om het kopiëren te testen.',
      startdatum: '2021-03-01',
      website: 'https://example.org/kopieerland',
    });
    assert.equal(r.status, 201, r.text);
    const loc = r.headers.get('location');
    r = await call(srv, 'PATCH', loc, token, { opmerking: 'Gekopieerd met één transactie' }, r.headers.get('etag'));
    assert.equal(r.status, 200, r.text);
    r = await call(srv, 'POST', `${loc}/deelnemers`, token, { organisatie: 'gm0344', rol: 'deelnemer', toegetreden: '2021-03-01' });
    assert.equal(r.status, 201, r.text);
    // a proposed correction (the review queue) and an accepted one (provenance)
    for (const waarde of ['Kopieerdorp', 'Kopieerstad']) {
      r = await call(srv, 'POST', '/api/v1/correcties', '', { object: 'organisatie', sleutel: 'gm0344', veld: 'opmerking', waarde, bron: 'https://example.org/kopie' });
      assert.equal(r.status, 201, r.text);
    }
    r = await call(srv, 'POST', `/api/v1/correcties/${JSON.parse(r.text).id}/overnemen`, token);
    assert.equal(r.status, 200, r.text);
    const before = await snapshotOf(srv);
    await srv.stop();
    const MODULE_TABLES = ['import_batch', 'provenance', 'correction', 'indicator_value', 'samenwerking_cijfers_domein'];
    const liteModule = MODULE_TABLES.map((t) => sql(lite, `SELECT count(*) FROM ${t}`));
    const batched = sql(lite, 'SELECT count(*) FROM audit_event WHERE batch_id IS NOT NULL');
    const liteAudit = Number(sql(lite, 'SELECT count(*) FROM audit_event'));

    // 2. copy to an empty PostgreSQL database
    const pg = createPgDb();
    r = atlas(['copy', '--from', `sqlite:${lite}`, '--to', pg]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /rijen in \d+ tabellen gekopieerd/);

    // 3. PostgreSQL serves exactly what SQLite served
    srv = await startServer({ db: pg, dir });
    const after = await snapshotOf(srv);
    for (const p of COMPARE) assert.equal(after[p], before[p], `${p} differs after the copy`);
    for (const p of SEARCHES) {
      assert.ok(before[p].count > 0, `${p} finds something`);
      assert.equal(after[p].count, before[p].count, `${p}: number of hits after the copy`);
      if (before[p].count === before[p].hits.length)
        assert.deepEqual(new Set(after[p].hits), new Set(before[p].hits), `${p}: other hits after the copy`);
    }
    assert.equal(exportRoo(pg, path.join(dir, 'pg.xml')), exportRoo(lite, path.join(dir, 'lite.xml')));

    // the change set's batch, provenance and the correction queue came along
    assert.deepEqual(MODULE_TABLES.map((t) => sql(pg, `SELECT count(*) FROM ${t}`)), liteModule);
    assert.ok(liteModule.every((n) => Number(n) > 0), String(liteModule));
    assert.equal(sql(pg, 'SELECT count(*) FROM audit_event WHERE batch_id IS NOT NULL'), batched);

    // the copy is recorded: one audit event more than the source had
    assert.equal(Number(sql(pg, 'SELECT count(*) FROM audit_event')), liteAudit + 1);
    assert.equal(sql(pg, "SELECT entity || '|' || actor FROM audit_event ORDER BY id DESC LIMIT 1"), 'database|cli:copy');

    // 4. the token made on SQLite works; new rows get fresh ids
    const maxId = Number(sql(pg, 'SELECT max(id) FROM collaboration'));
    r = await call(srv, 'POST', '/api/v1/samenwerkingsverbanden', token, { naam: 'Testregio Na De Kopie', soort: 'netwerk', beleidsdomeinen: ['veiligheid'] });
    assert.equal(r.status, 201, r.text);
    assert.ok(Number(sql(pg, "SELECT id FROM collaboration WHERE name = 'Testregio Na De Kopie'")) > maxId);
    await srv.stop();

    // 5. a second copy into a database with data is refused and changes nothing
    const rows = sql(pg, "SELECT (SELECT count(*) FROM collaboration) || '/' || (SELECT count(*) FROM audit_event)");
    r = atlas(['copy', '--from', `sqlite:${lite}`, '--to', pg]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /doeldatabase bevat al gegevens/);
    assert.equal(sql(pg, "SELECT (SELECT count(*) FROM collaboration) || '/' || (SELECT count(*) FROM audit_event)"), rows);

    // 6. and back: PostgreSQL → a new SQLite file serves the same
    const back = path.join(dir, 'terug.db');
    r = atlas(['copy', '--from', pg, '--to', `sqlite:${back}`]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(exportRoo(back, path.join(dir, 'back.xml')), exportRoo(pg, path.join(dir, 'pg2.xml')));
    assert.equal(sql(back, 'SELECT count(*) FROM collaboration'), sql(pg, 'SELECT count(*) FROM collaboration'));
  } finally {
    // a failed assertion must not leave a server running (the runner would wait for it)
    if (srv && !srv.exited()) srv.proc.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('atlas copy: bad arguments give a Dutch message and exit non-zero', async () => {
  let r = atlas(['copy']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /Gebruik: atlas copy --from BRON --to DOEL/);
  r = atlas(['copy', '--from', 'sqlite:/nonexistent/atlas.db', '--to', 'sqlite:/tmp/x.db']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /bestaat niet of is niet leesbaar/);
  r = atlas(['copy', '--from', 'sqlite:/tmp/a.db', '--to', '/tmp/a.db']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /dezelfde database/);
  r = atlas(['copy', '--from', 'postgresql://gebruiker:geheim@127.0.0.1:1/atlas', '--to', 'sqlite:/tmp/y.db']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /niet bereikbaar/);
  assert.doesNotMatch(r.stderr + r.stdout, /geheim/);
});
