// pg-faults — issue 7, "Bad input and faults" on PostgreSQL:
//  - PostgreSQL stops (pg_ctl stop -m fast through scripts/pg-cluster
//    stop-keep) while two instances serve light read/write load: requests
//    that need the database (writes, people, search, health, whatever needs
//    the user of an API token or a session) answer 503
//    application/problem+json (pages: a Dutch 503 page), pages and API reads
//    served from the in-memory snapshot keep answering 200, nothing answers
//    500, no process crashes; started again, writes and reads work within a
//    few seconds without restarting atlas, and a write through one instance
//    reaches the other again;
//  - a wrong or unreachable database URL stops `atlas serve` and `atlas
//    migrate` at start-up with a message naming what failed, never the
//    password, and a non-zero exit code.
// Runs only with ATLAS_TEST_PG_URL and ATLAS_TEST_PG_DIR (make test-pg).
// Test data is fictional.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { startServer, freshDb, freePort, atlas, dropPgDb, pgCluster, pgDbUrl, PG, PG_DIR, PG_URL, ATLAS, ROOT, addUser, login } from './harness.mjs';

const KEY = 'veiligheidsregio-utrecht';
const API = `/api/v1/samenwerkingsverbanden/${KEY}`;
const RECOVER_MS = 10_000; // "within a few seconds"
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const skip = !PG ? 'PostgreSQL only (ATLAS_TEST_PG_URL; make test-pg)' : !PG_DIR ? 'ATLAS_TEST_PG_DIR not set (the cluster to stop and start)' : false;

async function req(base, p, init = {}) {
  const r = await fetch(base + p, { redirect: 'manual', ...init, signal: AbortSignal.timeout(15_000) });
  const text = await r.text();
  const ct = r.headers.get('content-type') || '';
  let json;
  if (/json/.test(ct) && text) json = JSON.parse(text);
  return { status: r.status, ct, text, json, etag: r.headers.get('etag') };
}

async function patch(base, token, fields) {
  const cur = await req(base, API);
  assert.equal(cur.status, 200, `GET ${API}: ${cur.status}`);
  return req(base, API, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/merge-patch+json', 'if-match': cur.etag },
    body: JSON.stringify(fields),
  });
}

// A 503 problem+json that says nothing about internals: no URL, password,
// host, port or database name — not even the public health check (the
// details go to the server log for operators).
function assertProblem503(r, what) {
  assert.equal(r.status, 503, `${what}: ${r.status} ${r.text.slice(0, 300)}`);
  assert.match(r.ct, /^application\/problem\+json/, `${what}: content-type ${r.ct}`);
  assert.equal(r.json.status, 503, what);
  assert.ok(r.json.title, `${what}: title`);
  assert.doesNotMatch(r.text, /postgres(ql)?:\/\/|atlas@|libpq|SELECT|\.c:\d+/i, `${what}: internals in ${r.text}`);
  assert.doesNotMatch(r.text, /postgres|127\.0\.0\.1|atlas_t_/i, `${what}: internals in ${r.text}`);
}

// Everything that must hold on one instance while PostgreSQL is down.
async function checkDown(srv, term, token, cookie) {
  assertProblem503(await req(srv.base, '/api/v1/health'), 'health while down');
  const g = await req(srv.base, '/gezondheid');
  assert.equal(g.status, 503, '/gezondheid while down');
  assert.match(g.text, /^ongezond\n/);
  assertProblem503(await patch(srv.base, token, { opmerking: 'Fictief: tijdens de storing' }), 'PATCH while down');
  assertProblem503(
    await req(srv.base, '/api/v1/samenwerkingsverbanden', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ naam: 'Testregio Storing', soort: 'netwerk', beleidsdomeinen: ['veiligheid'], fase: 'groei' }),
    }),
    'POST while down',
  );
  assertProblem503(await req(srv.base, '/api/v1/personen'), 'GET /api/v1/personen while down (people are read from the database)');
  // a signed-in user is not silently treated as anonymous (that would send them to sign in)
  const form = await req(srv.base, `/samenwerkingsverbanden/${KEY}/bewerken`, { headers: { cookie } });
  assert.equal(form.status, 503, `signed-in edit form while down: ${form.status} ${form.ct}`);
  assert.match(form.text, /<html[^>]*lang="nl"/);
  const s = await req(srv.base, `/zoeken?q=${term}`);
  assert.equal(s.status, 503, `search page while down (${term}): ${s.status}`);
  assert.match(s.ct, /^text\/html/);
  assert.match(s.text, /<html[^>]*lang="nl"/);
  assert.doesNotMatch(s.text, /postgres|libpq|SQL|atlas_t_/i, 'internals on the 503 page');
  // from the in-memory snapshot
  assert.equal((await req(srv.base, '/api/v1/samenwerkingsverbanden?paginaGrootte=5')).status, 200, 'API list from the snapshot');
  assert.equal((await req(srv.base, '/')).status, 200, 'home page from the snapshot');
  assert.equal((await req(srv.base, API)).status, 200, 'record from the snapshot');
  assert.equal(srv.exited(), null, 'the instance is still running');
}

describe('PostgreSQL stops and starts again under load', { skip }, () => {
  let dir, db, A, B, token, cookie;
  let stop = false; // ends the load loops (also when a check fails)

  before(async () => {
    ({ dir, db } = freshDb());
    token = addUser(db, 'fout-staf', 'programmateam', { token: 'fout' });
    A = await startServer({ dir, db });
    B = await startServer({ dir, db });
    cookie = (await login(A.base, 'fout-staf', { csrf: false })).cookie;
  });

  after(async () => {
    stop = true;
    // never leave the cluster down for the test files that follow
    if (pgCluster('status').status !== 0) pgCluster('start');
    for (const s of [A, B]) if (s && !s.exited()) await s.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (db) dropPgDb(db);
  });

  test('503 problem+json while the database is down, snapshot reads keep working, no crash, recovery within seconds', async (t) => {
    // a write before the outage
    const before = `Fictief: vóór de storing ${Date.now()}`;
    let r = await patch(A.base, token, { opmerking: before });
    assert.equal(r.status, 200, r.text);

    // light load on both instances: reads (snapshot and database) and writes
    const results = []; // {phase (at the start), end (phase at the answer), what, status}
    let phase = 'voor';
    const errors = [];
    async function loop(srv, name) {
      let n = 0;
      while (!stop) {
        let ph = phase;
        try {
          for (const p of ['/api/v1/samenwerkingsverbanden?paginaGrootte=5', '/zoeken?q=utrecht', '/api/v1/personen', API, '/api/v1/health']) {
            ph = phase;
            const { status } = await req(srv.base, p);
            results.push({ phase: ph, end: phase, what: `${name} GET ${p}`, status });
          }
          ph = phase;
          const w = await patch(srv.base, token, { opmerking: `Fictief: belasting ${name} ${n++}` });
          results.push({ phase: ph, end: phase, what: `${name} PATCH`, status: w.status });
        } catch (e) {
          errors.push(`${name} (${ph}): ${e.message}`);
        }
        await sleep(50);
      }
    }
    const loops = [loop(A, 'A'), loop(B, 'B')];
    let downAt, upAt;
    let downChecks = 0;
    const recovered = {};
    try {
      await sleep(500);

      // stop PostgreSQL (fast shutdown: open connections are cut)
      phase = 'storing';
      pgCluster('stop-keep');
      assert.notEqual(pgCluster('status').status, 0, 'the cluster is down');
      downAt = Date.now();
      try {
        // check right after the stop and again once the version poll and
        // LISTEN have noticed the loss; fresh search terms each time (an
        // answer given before may come from the reply cache)
        const terms = ['zeist', 'woerden', 'houten', 'amersfoort'];
        for (const wait of [0, 1500]) {
          await sleep(wait);
          for (const srv of [A, B]) {
            await checkDown(srv, terms.shift(), token, cookie);
            downChecks++;
          }
        }
      } finally {
        phase = 'herstel';
        pgCluster('start');
      }
      upAt = Date.now();
      t.diagnostic(`database down for ${upAt - downAt} ms`);

      // writes and reads work again within a few seconds, on both instances
      for (const [name, srv] of [['A', A], ['B', B]]) {
        const deadline = Date.now() + RECOVER_MS;
        for (;;) {
          const w = await patch(srv.base, token, { opmerking: `Fictief: na de storing via ${name}` });
          if (w.status === 200) break;
          // 503 until reconnected; 412 when a load loop wrote in between (a
          // snapshot that stayed stale would give 412 until the deadline)
          assert.ok([503, 412].includes(w.status), `PATCH during recovery: ${w.status} ${w.text.slice(0, 200)}`);
          assert.ok(Date.now() < deadline, `${name}: no successful write within ${RECOVER_MS} ms after the restart`);
          await sleep(100);
        }
        recovered[name] = Date.now() - upAt;
        assert.equal((await req(srv.base, '/api/v1/health')).status, 200, `${name}: healthy again`);
        assert.equal((await req(srv.base, '/api/v1/personen')).status, 200, `${name}: people again`);
        const form = await req(srv.base, `/samenwerkingsverbanden/${KEY}/bewerken`, { headers: { cookie } });
        assert.equal(form.status, 200, `${name}: the session works again`);
        const again = await req(srv.base, `/zoeken?q=${name === 'A' ? 'veenendaal' : 'nieuwegein'}`);
        assert.equal(again.status, 200, `${name}: search again`);
        assert.match(again.text, />[1-9][\d.]* resulta+t/, `${name}: search results`);
      }
      t.diagnostic(`first successful write after the restart: A ${recovered.A} ms, B ${recovered.B} ms`);
      phase = 'na';
      await sleep(300);
    } finally {
      stop = true;
      await Promise.all(loops);
    }

    // a write through A reaches B again (LISTEN re-established or the version poll)
    const after = `Fictief: na het herstel ${Date.now()}`;
    r = await patch(A.base, token, { opmerking: after });
    assert.equal(r.status, 200, r.text);
    const deadline = Date.now() + 3000;
    while ((await req(B.base, API)).json.opmerking !== after) {
      assert.ok(Date.now() < deadline, 'B sees A\'s write after the recovery');
      await sleep(50);
    }

    // under load: no 500s and no dropped connections in any phase; 503 only while down or recovering
    assert.deepEqual(errors, [], 'requests failed without an answer');
    const outage = (x) => ['storing', 'herstel'].includes(x.phase) || ['storing', 'herstel'].includes(x.end);
    const bad = results.filter((x) => x.status >= 500 && !(x.status === 503 && outage(x)));
    assert.deepEqual(bad, [], 'unexpected 5xx');
    const allowed = new Set([200, 304, 412, 503]);
    assert.deepEqual(results.filter((x) => !allowed.has(x.status)), [], 'unexpected status');
    const count = (ph, f) => results.filter((x) => x.phase === ph && x.end === ph && f(x)).length;
    assert.ok(count('voor', (x) => x.what.endsWith('PATCH') && x.status === 200) > 0, 'writes succeeded before the outage');
    assert.ok(count('storing', (x) => x.status === 503) > 0, 'the load saw 503s while down');
    assert.equal(count('storing', (x) => x.what.endsWith('PATCH') && x.status === 200), 0, 'no write succeeded while down');
    t.diagnostic(`load: ${results.length} requests, ${count('storing', (x) => x.status === 503)} × 503 while down, ${downChecks} explicit checks`);

    // both processes survived the outage and stop cleanly (exit 0)
    for (const srv of [A, B]) assert.equal(srv.exited(), null, 'no crash');
    await A.stop();
    await B.stop();
  });
});

describe('a wrong or unreachable database URL at start-up', { skip }, () => {
  const SECRET = 'geheim-Wachtwoord-42';

  function runFor(args, ms) {
    const r = spawnSync(ATLAS, args, { cwd: ROOT, encoding: 'utf8', timeout: ms });
    assert.equal(r.error, undefined, `${args[0]} did not stop within ${ms} ms`);
    return r;
  }

  test('nobody listens on the port: serve and migrate stop with a message and exit ≠ 0', async () => {
    const port = await freePort();
    const url = `postgresql://atlas:${SECRET}@127.0.0.1:${port}/atlas`;
    for (const args of [['serve', '--db', url, '--port', String(await freePort())], ['migrate', '--db', url]]) {
      const r = runFor(args, 30_000);
      assert.notEqual(r.status, 0, `${args[0]}: exit ${r.status}`);
      assert.match(r.stderr, new RegExp(`127\\.0\\.0\\.1:${port}`), `${args[0]} names host and port: ${r.stderr}`);
      assert.ok(!(r.stderr + r.stdout).includes(SECRET), `${args[0]} printed the password: ${r.stderr}`);
    }
  });

  test('a database that does not exist, and a wrong user: serve stops with a message and exit ≠ 0', async () => {
    const noDb = new URL(pgDbUrl('atlas_bestaat_niet'));
    noDb.password = SECRET;
    let r = runFor(['serve', '--db', noDb.toString(), '--port', String(await freePort())], 30_000);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /atlas_bestaat_niet/, `names the database: ${r.stderr}`);
    assert.ok(!r.stderr.includes(SECRET), 'password printed');

    const badUser = new URL(PG_URL);
    badUser.username = 'niemand';
    badUser.password = SECRET;
    r = runFor(['serve', '--db', badUser.toString(), '--port', String(await freePort())], 30_000);
    assert.notEqual(r.status, 0);
    assert.ok(r.stderr.trim().length > 0, 'a message');
    assert.ok(!r.stderr.includes(SECRET), 'password printed');
  });
});
