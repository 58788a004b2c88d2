// reliability — issue 8, items 1 and 2 (quick versions for `make test`).
//
// 1. Crash safety: three API clients and one web-form client write
//    continuously while the server is killed with SIGKILL at random moments
//    (20 times), restarting it on the same SQLite database each time. Every
//    acknowledged write (2xx / 303) must be present afterwards, no record may
//    be half written, PRAGMA integrity_check / quick_check / foreign_key_check
//    must be clean after every kill, and the audit trail must match the data
//    (one insert event per created collaboration, one update event per
//    version step, no event for a write that did not commit).
// 2. No lost updates: N clients read–modify–write the same collaboration via
//    the API with If-Match (each appends a token to `opmerking`); every 200 was
//    based on the version it read, so the final text holds exactly the tokens
//    of the successful writes in commit order; all others got 412. Plus a
//    web-form variant with two signed-in sessions (conflict → 409 page).
//
// RELIABILITY_LONG=1 runs the long versions (1,000 attempts with 8 clients).
// The database checks use the sqlite3 CLI; without it they are skipped (and
// reported as such). Test data is fictional ("Testregio Crash ...").
//
// On PostgreSQL (ATLAS_TEST_PG_URL) the same test kills `atlas serve`, not
// the database server: the record, domain and audit checks run through
// psql, and instead of SQLite's PRAGMA checks every B-tree index is checked
// with amcheck (bt_index_check) after every kill.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, freshDb, atlas, sql as dbSql, HAVE_SQL_CLI, PG, formValues, setField, addUser, login } from './harness.mjs';
import { rmSync } from 'node:fs';

const LONG = process.env.RELIABILITY_LONG === '1';
const KILLS = 20;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const HAVE_SQLITE3 = HAVE_SQL_CLI; // sqlite3, or psql on PostgreSQL
const dirs = [];
const procs = []; // every server started here, killed at the end if a test failed early

after(() => {
  for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function start(opts) {
  const s = await startServer(opts);
  procs.push(s.proc);
  return s;
}

const sql = dbSql;

// All values of a collaboration edit form as [name, value] pairs.

const collabPath = (k) => `/api/v1/samenwerkingsverbanden/${k}`;

function dbChecks(db) {
  if (PG) {
    // amcheck raises an error (psql exits non-zero) on a damaged index;
    // PostgreSQL enforces the foreign keys itself.
    sql(db, 'CREATE EXTENSION IF NOT EXISTS amcheck');
    const n = sql(db, "SELECT count(bt_index_check(c.oid, true)) FROM pg_class c JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace s ON s.oid = c.relnamespace WHERE a.amname = 'btree' AND c.relkind = 'i' AND s.nspname = 'public'");
    assert.ok(Number(n) >= 10, `amcheck checked ${n} indexes`);
    return { integrity: 'ok', quick: 'ok', fk: '' };
  }
  return {
    integrity: sql(db, 'PRAGMA integrity_check;'),
    quick: sql(db, 'PRAGMA quick_check;'),
    fk: sql(db, 'PRAGMA foreign_key_check;'),
  };
}

test('crash safety: 20 SIGKILLs during continuous API and web-form writes lose no acknowledged write', async (t) => {
  const { dir, db } = freshDb();
  dirs.push(dir);
  const token = addUser(db, 'crash-api', 'programmateam', { token: 'test' });
  addUser(db, 'crash-web', 'programmateam', { token: 'test' });

  let srv = await start({ db, dir });
  // the record the web-form client edits (its own, so its versions are countable)
  let r = await fetch(srv.base + '/api/v1/samenwerkingsverbanden', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ naam: 'Testregio Crash Formulier', soort: 'wgr', juridischeVorm: 'OL', beleidsdomeinen: ['veiligheid'], fase: 'groei' }),
  });
  assert.equal(r.status, 201, await r.text());
  const webKey = r.headers.get('location').split('/').pop();
  let sess = await login(srv.base, 'crash-web');

  const stats = { attempts: 0, acked: 0, failed: 0, other: 0, webAttempts: 0, webAcked: 0 };
  const acked = new Map(); // name -> key (API creates answered 201)
  const attempted = new Set(); // every name sent
  let webLastAcked = null; // last opmerking the web form got a 303 for
  const webSent = []; // every opmerking sent by the web client, in order
  let up = true;
  let done = false;

  async function apiWriter(id) {
    let n = 0;
    while (!done) {
      if (!up) { await sleep(5); continue; }
      const base = srv.base;
      const name = `Testregio Crash ${id}-${n++}`;
      attempted.add(name);
      stats.attempts++;
      try {
        const res = await fetch(base + '/api/v1/samenwerkingsverbanden', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ naam: name, soort: 'wgr', juridischeVorm: 'GO', beleidsdomeinen: ['veiligheid'], fase: 'groei', doel: `Schrijver ${id}` }),
        });
        const body = await res.text();
        if (res.status === 201) {
          stats.acked++;
          acked.set(name, res.headers.get('location').split('/').pop());
        } else {
          stats.other++;
          assert.ok(res.status < 500, `POST answered ${res.status}: ${body.slice(0, 300)}`);
        }
      } catch {
        stats.failed++; // connection died with the server: not acknowledged
      }
    }
  }

  async function webWriter() {
    let n = 0;
    while (!done) {
      if (!up) { await sleep(5); continue; }
      const base = srv.base;
      try {
        const form = await fetch(base + `/samenwerkingsverbanden/${webKey}/bewerken`, { headers: { cookie: sess.cookie } });
        const html = await form.text();
        if (form.status !== 200) continue;
        const text = `web-${n++}`;
        webSent.push(text);
        stats.webAttempts++;
        const res = await sess.at(base).post(`/samenwerkingsverbanden/${webKey}/bewerken`, setField(formValues(html), 'opmerking', text));
        if (res.status === 303) {
          stats.webAcked++;
          webLastAcked = text;
        } else {
          assert.ok(res.status < 500, `form POST answered ${res.status}`);
        }
      } catch {
        stats.failed++;
      }
    }
  }

  const writers = [apiWriter(1), apiWriter(2), apiWriter(3), webWriter()];
  const integrity = [];
  let settled;
  try {
    for (let k = 0; k < KILLS; k++) {
      await sleep(150 + Math.floor(Math.random() * 450));
      const exited = new Promise((res) => srv.proc.once('exit', res));
      up = false;
      srv.proc.kill('SIGKILL');
      await exited;
      if (HAVE_SQLITE3) integrity.push(dbChecks(db));
      srv = await start({ db, dir });
      // sessions live in the database and survive the restart
      up = true;
    }
    await sleep(200);
  } finally {
    done = true;
    settled = await Promise.allSettled(writers);
  }
  for (const w of settled) assert.equal(w.status, 'fulfilled', `writer failed: ${w.reason}`);

  // every acknowledged write is there, through the API of the restarted server
  for (const [name, key] of acked) {
    const c = await srv.getJson(collabPath(key));
    assert.equal(c.naam, name, `acknowledged create ${name} present`);
    assert.equal(c.juridischeVorm?.code ?? c.juridischeVorm, 'GO', `${name} complete`);
    assert.equal(c.beleidsdomeinen.length, 1, `${name} has its domain`);
  }
  const web = await srv.getJson(collabPath(webKey));
  if (webLastAcked !== null) {
    const idx = webSent.indexOf(web.opmerking);
    assert.ok(idx >= webSent.indexOf(webLastAcked), `web form: last acknowledged ${webLastAcked}, found ${web.opmerking}`);
  }
  assert.ok(web.versie >= 1 + stats.webAcked, `web record version ${web.versie} >= 1 + ${stats.webAcked} acknowledged edits`);
  await srv.stop();

  const summary = { kills: KILLS, ...stats, present: null, integrity: HAVE_SQLITE3 ? 'ok' : 'skipped (no sqlite3)' };
  if (HAVE_SQLITE3) {
    for (const c of integrity) {
      assert.equal(c.integrity, 'ok', 'integrity_check after a kill');
      assert.equal(c.quick, 'ok', 'quick_check after a kill');
      assert.equal(c.fk, '', 'foreign_key_check after a kill');
    }
    const final = dbChecks(db);
    assert.deepEqual(final, { integrity: 'ok', quick: 'ok', fk: '' });
    // no half-written records: every crash collaboration has its domain row
    const rows = sql(db, "SELECT c.key, c.name, c.legal_form, (SELECT count(*) FROM collaboration_domain d WHERE d.collaboration_id = c.id) FROM collaboration c WHERE c.name LIKE 'Testregio Crash %' AND c.name <> 'Testregio Crash Formulier';")
      .split('\n').filter(Boolean).map((l) => l.split('|'));
    summary.present = rows.length;
    const present = new Map(rows.map(([key, name]) => [name, key]));
    for (const [, name, lf, nd] of rows) {
      assert.ok(attempted.has(name), `${name} was sent`);
      assert.equal(lf, 'GO', `${name} complete`);
      assert.equal(nd, '1', `${name} has exactly its one domain`);
    }
    for (const [name, key] of acked) assert.equal(present.get(name), key, `acknowledged ${name} stored`);
    assert.ok(rows.length >= acked.size && rows.length <= acked.size + 3 * KILLS, 'at most one unacknowledged commit per writer per kill');
    // audit trail matches the data
    const audit = sql(db, "SELECT entity_key, action, count(*) FROM audit_event WHERE entity_key IN (SELECT key FROM collaboration WHERE name LIKE 'Testregio Crash %') OR entity_key LIKE 'testregio-crash-%' GROUP BY entity_key, action;")
      .split('\n').filter(Boolean).map((l) => l.split('|'));
    const inserts = new Map();
    const updates = new Map();
    for (const [key, action, n] of audit) {
      if (action === 'insert') inserts.set(key, Number(n));
      else if (action === 'update') updates.set(key, Number(n));
    }
    for (const [, key] of present) assert.equal(inserts.get(key), 1, `one insert audit event for ${key}`);
    assert.equal(inserts.get(webKey), 1, 'insert audit event for the web record');
    for (const key of inserts.keys()) assert.ok(present.has([...present].find(([, k]) => k === key)?.[0]) || key === webKey, `audit event ${key} has its record`);
    const webVersion = Number(sql(db, `SELECT version FROM collaboration WHERE key = '${webKey.replace(/'/g, "''")}';`));
    assert.equal(updates.get(webKey) || 0, webVersion - 1, 'one update audit event per committed web edit');
    summary.webCommitted = webVersion - 1;
  }
  t.diagnostic(`crash summary: ${JSON.stringify(summary)}`);
  assert.ok(stats.acked > 50, `enough acknowledged writes (${stats.acked})`);
});

test('no lost updates: concurrent read–modify–write with If-Match via the API', async (t) => {
  const srv = await start();
  dirs.push(srv.dir);
  const clients = LONG ? 8 : 4;
  const total = LONG ? 1000 : 300;
  const token = addUser(srv.db, 'lu-api', 'programmateam', { token: 'test' });
  const list = await srv.getJson('/api/v1/samenwerkingsverbanden?paginaGrootte=5');
  const key = list.samenwerkingsverbanden[0].id;
  const path = collabPath(key);
  const h = { authorization: `Bearer ${token}`, 'content-type': 'application/merge-patch+json' };
  // start from an empty note
  let g = await srv.get(path);
  let r = await srv.get(path, { ...h, 'if-match': g.headers.get('etag') }, { method: 'PATCH', body: JSON.stringify({ opmerking: '' }) });
  assert.equal(r.status, 200, r.text);
  const startVersion = r.json.versie;

  const wins = []; // {token, basedOn, newVersion}
  let attempts = 0;
  let conflicts = 0;
  async function client(id) {
    let n = 0;
    while (attempts < total) {
      attempts++;
      const tok = `[${id}.${n++}]`;
      const cur = await srv.get(path);
      assert.equal(cur.status, 200);
      const res = await srv.get(path, { ...h, 'if-match': cur.headers.get('etag') }, {
        method: 'PATCH', body: JSON.stringify({ opmerking: (cur.json.opmerking ?? '') + tok }),
      });
      if (res.status === 200) {
        assert.equal(res.json.versie, cur.json.versie + 1, 'a success is exactly one version after what it read');
        assert.equal(res.json.opmerking, (cur.json.opmerking ?? '') + tok);
        wins.push({ tok, basedOn: cur.json.versie, newVersion: res.json.versie });
      } else {
        assert.equal(res.status, 412, `PATCH answered ${res.status}: ${res.text.slice(0, 300)}`);
        conflicts++;
      }
    }
  }
  await Promise.all(Array.from({ length: clients }, (_, i) => client(i + 1)));
  const final = await srv.getJson(path);
  wins.sort((a, b) => a.newVersion - b.newVersion);
  // every success based on the version before it: versions are consecutive
  wins.forEach((w, i) => assert.equal(w.basedOn, startVersion + i, `win ${i} based on the version it read`));
  assert.equal(final.versie, startVersion + wins.length);
  assert.equal(final.opmerking, wins.map((w) => w.tok).join(''), 'final text = the successful tokens in order');
  assert.equal(wins.length + conflicts, attempts);
  assert.ok(wins.length > 0 && conflicts > 0, 'both outcomes happened');
  t.diagnostic(`lost-update summary: ${JSON.stringify({ clients, attempts, successes: wins.length, conflicts412: conflicts })}`);
  await srv.stop();
});

test('no lost updates: two signed-in web sessions, conflicts get the 409 page', async (t) => {
  const srv = await start();
  dirs.push(srv.dir);
  for (const n of ['lu-web1', 'lu-web2']) addUser(srv.db, n, 'programmateam', { token: 'test' });
  const S = [await login(srv.base, 'lu-web1'), await login(srv.base, 'lu-web2')];
  const list = await srv.getJson('/api/v1/samenwerkingsverbanden?paginaGrootte=5');
  const key = list.samenwerkingsverbanden[1].id;
  const edit = `/samenwerkingsverbanden/${key}/bewerken`;
  const rounds = LONG ? 100 : 10;
  let expected = null;
  let ok = 0;
  let conflicts = 0;
  for (let i = 0; i < rounds; i++) {
    // both open the form on the same version, then both submit (in random order)
    const forms = await Promise.all(S.map((s) => fetch(srv.base + edit, { headers: { cookie: s.cookie } }).then((x) => x.text())));
    const order = Math.random() < 0.5 ? [0, 1] : [1, 0];
    const results = await Promise.all(order.map((w) =>
      S[w].post(edit, setField(formValues(forms[w]), 'opmerking', `ronde ${i} sessie ${w}`)).then((x) => ({ w, ...x }))));
    const won = results.filter((x) => x.status === 303);
    const lost = results.filter((x) => x.status !== 303);
    assert.equal(won.length, 1, `round ${i}: exactly one submit wins (${results.map((x) => x.status)})`);
    assert.equal(lost[0].status, 409, `round ${i}: the other gets the conflict page`);
    assert.match(lost[0].text, /niet<\/strong> opgeslagen/);
    expected = `ronde ${i} sessie ${won[0].w}`;
    ok++;
    conflicts++;
    assert.equal((await srv.getJson(collabPath(key))).opmerking, expected, 'final state = the winning write');
  }
  t.diagnostic(`web-form summary: ${JSON.stringify({ rounds, successes: ok, conflicts409: conflicts })}`);
  await srv.stop();
});
