// multi — issue 7: several instances on one PostgreSQL database behave as
// one system. Starts two `atlas serve` processes (A and B) on one fresh
// database and Debian's haproxy in front of them (roundrobin, health check
// GET /api/v1/health; the configuration of docs/DEPLOYMENT.md), all on
// loopback, then:
//  - a session made by signing in through A is valid on B and through
//    haproxy, and signing out through B ends it on A;
//  - an edit through B (web form) is visible through A and through haproxy
//    within 1 second; A's ETag after the write is not the old one;
//  - a stale If-Match (API) through A after B's write gives 412, a stale
//    form version through A the 409 conflict page; an API write through A
//    is visible through B within 1 second;
//  - B derives its snapshot from A's edit through the change journal, and
//    after its LISTEN connection was cut it rebuilds fully once and says so;
//  - haproxy spreads requests over both and takes a stopped instance out.
// Runs only with ATLAS_TEST_PG_URL (make test-pg). Test data is fictional.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startServer, freshDb, freePort, atlas, dropPgDb, PG, formValues, setField, addUser, login, psql } from './harness.mjs';

const HAPROXY = '/usr/sbin/haproxy';
const KEY = 'veiligheidsregio-utrecht';
const API = `/api/v1/samenwerkingsverbanden/${KEY}`;
const EDIT = `/samenwerkingsverbanden/${KEY}/bewerken`;
const VISIBLE_MS = 1000; // issue 7: visible through every instance within 1 s
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const skip = !PG ? 'PostgreSQL only (ATLAS_TEST_PG_URL; make test-pg)' : !existsSync(HAPROXY) ? `${HAPROXY} missing (apt-get install haproxy)` : false;

// The haproxy configuration of docs/DEPLOYMENT.md (section 2), on loopback
// and without TLS; `stats socket` only so the test can read the check state.
function haproxyConfig({ port, servers, statsSocket }) {
  return `global
    maxconn 1000
    stats socket ${statsSocket} mode 600 level user

defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    retries 2
    option redispatch

frontend atlas
    bind 127.0.0.1:${port}
    default_backend atlas

backend atlas
    balance roundrobin
    option httpchk GET /api/v1/health
    http-check expect status 200
    default-server check inter 500ms fall 2 rise 1
${servers.map((p, i) => `    server atlas${i + 1} 127.0.0.1:${p}`).join('\n')}
`;
}

// One command on haproxy's stats socket; resolves with its answer.
function haproxyCommand(socket, cmd) {
  return new Promise((resolve, reject) => {
    const c = net.connect(socket);
    let out = '';
    c.setEncoding('utf8');
    c.on('connect', () => c.write(cmd + '\n'));
    c.on('data', (d) => (out += d));
    c.on('end', () => resolve(out));
    c.on('error', reject);
  });
}

// {atlas1: 'UP', atlas2: 'DOWN', ...} from `show stat`.
async function backendStatus(socket) {
  const csv = await haproxyCommand(socket, 'show stat');
  const lines = csv.trim().split('\n');
  const head = lines[0].replace(/^# /, '').split(',');
  const out = {};
  for (const l of lines.slice(1)) {
    const f = l.split(',');
    const row = Object.fromEntries(head.map((h, i) => [h, f[i]]));
    if (row.pxname === 'atlas' && /^atlas\d$/.test(row.svname)) out[row.svname] = row.status;
  }
  return out;
}

async function waitFor(what, fn, ms) {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (last) return last;
    await sleep(50);
  }
  assert.fail(`${what}: not within ${ms} ms (last: ${JSON.stringify(last)})`);
}

// All values of a collaboration edit form as [name, value] pairs.

async function getRaw(base, p, headers = {}) {
  const r = await fetch(base + p, { redirect: 'manual', headers });
  const text = await r.text();
  return { status: r.status, headers: r.headers, text, json: /json/.test(r.headers.get('content-type') || '') && text ? JSON.parse(text) : undefined };
}

describe('two instances on one PostgreSQL database behind haproxy', { skip }, () => {
  let dir, db, A, B, token, hap, hapBase, statsSocket, hapOut = '';

  before(async () => {
    ({ dir, db } = freshDb());
    token = addUser(db, 'multi-staf', 'programmateam', { token: 'multi' });
    A = await startServer({ dir, db });
    B = await startServer({ dir, db });
    const port = await freePort();
    statsSocket = path.join(dir, 'haproxy.sock');
    const cfg = path.join(dir, 'haproxy.cfg');
    writeFileSync(cfg, haproxyConfig({ port, servers: [A.port, B.port], statsSocket }));
    const check = spawnSync(HAPROXY, ['-c', '-f', cfg], { encoding: 'utf8' });
    assert.equal(check.status, 0, `haproxy -c: ${check.stdout}${check.stderr}`);
    hap = spawn(HAPROXY, ['-db', '-f', cfg], { stdio: ['ignore', 'pipe', 'pipe'] });
    hap.stdout.on('data', (d) => (hapOut += d));
    hap.stderr.on('data', (d) => (hapOut += d));
    hapBase = `http://127.0.0.1:${port}`;
    // both backends pass haproxy's health check
    await waitFor('haproxy marks both instances UP', async () => {
      if (hap.exitCode !== null) assert.fail(`haproxy exited: ${hapOut}`);
      try {
        const s = await backendStatus(statsSocket);
        return s.atlas1 === 'UP' && s.atlas2 === 'UP' ? s : null;
      } catch {
        return null;
      }
    }, 10_000);
  });

  after(async () => {
    if (hap && hap.exitCode === null) {
      const gone = new Promise((r) => hap.once('exit', r));
      hap.kill('SIGTERM');
      await Promise.race([gone, sleep(3000)]);
      if (hap.exitCode === null && hap.signalCode === null) hap.kill('SIGKILL');
    }
    for (const s of [A, B]) if (s && !s.exited()) await s.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (db) dropPgDb(db);
  });

  test('haproxy spreads requests over both instances (roundrobin)', async () => {
    const marks = [];
    for (let i = 0; i < 10; i++) {
      const m = `rr-${i}-${Math.random().toString(36).slice(2, 8)}`;
      marks.push(m);
      const r = await getRaw(hapBase, `/over?via=${m}`);
      assert.equal(r.status, 200, `through haproxy: ${r.status}`);
    }
    await sleep(100);
    const seen = (s) => marks.filter((m) => s.stderr().includes(`via=${m}`)).length;
    const a = seen(A);
    const b = seen(B);
    assert.equal(a + b, 10, `every request reached exactly one instance (A ${a}, B ${b})`);
    assert.ok(a >= 4 && b >= 4, `both instances served requests (A ${a}, B ${b})`);
  });

  test('a session made through A is valid on B and through haproxy; signing out through B ends it on A', async () => {
    const s = await login(A.base, 'multi-staf');
    // an edit form needs a signed-in user: anonymous gets the sign-in redirect
    const anon = await getRaw(B.base, EDIT);
    assert.equal(anon.status, 303, 'anonymous edit form on B');
    const onB = await getRaw(B.base, EDIT, { cookie: s.cookie });
    assert.equal(onB.status, 200, 'A\'s session on B');
    assert.match(onB.text, /class="atlas-edit-form"/);
    assert.equal(/name="csrf" value="([^"]+)"/.exec(onB.text)[1], s.csrf, 'the same CSRF token on both instances');
    for (let i = 0; i < 4; i++) {
      const h = await getRaw(hapBase, EDIT, { cookie: s.cookie });
      assert.equal(h.status, 200, `A's session through haproxy, request ${i}`);
    }
    // sign out through B (with the CSRF token A gave): the session is gone on A too
    const out = await s.at(B.base).post('/uitloggen', []);
    assert.equal(out.status, 303, `sign out through B: ${out.status}`);
    const onA = await getRaw(A.base, EDIT, { cookie: s.cookie });
    assert.equal(onA.status, 303, 'the session ended through B is not valid on A');
  });

  test('an edit through B is visible through A and haproxy within 1 s; A serves the new ETag; stale writes through A fail', async (t) => {
    const s = await login(A.base, 'multi-staf');
    // what A serves before the write
    const before = await getRaw(A.base, API);
    assert.equal(before.status, 200);
    const oldEtag = before.headers.get('etag');
    const listBefore = await getRaw(A.base, '/api/v1/samenwerkingsverbanden');
    const oldListEtag = listBefore.headers.get('etag');
    assert.match(oldEtag, /^"c\d+-v\d+/, `record ETag ${oldEtag}`);
    assert.equal((await getRaw(A.base, API, { 'if-none-match': oldEtag })).status, 304, 'A: unchanged record answers 304');
    const formOnA = await getRaw(A.base, EDIT, { cookie: s.cookie }); // opened before B's write: stale afterwards

    // the edit, through B's web form
    const note = `Fictieve opmerking via instantie B ${Date.now()}`;
    const form = await getRaw(B.base, EDIT, { cookie: s.cookie });
    assert.equal(form.status, 200);
    const w = await s.at(B.base).post(EDIT, setField(formValues(form.text), 'opmerking', note));
    assert.equal(w.status, 303, `edit through B: ${w.status} ${w.text.slice(0, 300)}`);
    const t0 = Date.now();
    assert.equal((await getRaw(B.base, API)).json.opmerking, note, 'B answers from its own write');

    // visible through A (API and page) within 1 s
    const seenA = await waitFor('the edit through A', async () => {
      const r = await getRaw(A.base, API);
      return r.json?.opmerking === note ? r : null;
    }, VISIBLE_MS);
    const delay = Date.now() - t0;
    assert.equal(seenA.json.versie, before.json.versie + 1);
    const newEtag = seenA.headers.get('etag');
    assert.notEqual(newEtag, oldEtag, 'A no longer serves the old ETag');
    assert.equal((await getRaw(A.base, API, { 'if-none-match': oldEtag })).status, 200, 'the old ETag is not current on A');
    // the remark is not in the list: A's list is unchanged, and so is its ETag (a client's copy stays valid)
    const listAfter = await getRaw(A.base, '/api/v1/samenwerkingsverbanden');
    assert.equal(listAfter.text, listBefore.text, 'the list on A is unchanged');
    assert.equal((await getRaw(A.base, '/api/v1/samenwerkingsverbanden', { 'if-none-match': oldListEtag })).status, 304,
      'the list ETag on A still holds');
    assert.equal((await getRaw(B.base, API)).headers.get('etag'), newEtag, 'A and B give the record the same ETag');
    // and through haproxy (both instances in turn)
    for (let i = 0; i < 4; i++) {
      const r = await getRaw(hapBase, API);
      assert.equal(r.json.opmerking, note, `through haproxy, request ${i}`);
      assert.equal(r.headers.get('etag'), newEtag);
    }
    assert.ok(Date.now() - t0 < VISIBLE_MS + 1000, 'checks done promptly');

    // a stale If-Match through A: 412, nothing written
    const stale = await fetch(A.base + API, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/merge-patch+json', 'if-match': oldEtag },
      body: JSON.stringify({ opmerking: 'Fictief: mag niet worden opgeslagen' }),
    });
    const staleBody = await stale.text();
    assert.equal(stale.status, 412, `stale If-Match through A: ${stale.status} ${staleBody.slice(0, 300)}`);
    const bare = (e) => e.replace(/-gz"$/, '"'); // the gzip variant of the same version
    assert.equal(bare(stale.headers.get('etag')), bare(newEtag), '412 names the current ETag');
    // a stale form version through A: the conflict page, nothing written
    const staleForm = await s.post(EDIT, setField(formValues(formOnA.text), 'opmerking', 'Fictief: ook niet'));
    assert.equal(staleForm.status, 409, `stale form through A: ${staleForm.status}`);
    assert.match(staleForm.text, /niet<\/strong> opgeslagen/);
    for (const srv of [A, B]) assert.equal((await getRaw(srv.base, API)).json.opmerking, note, 'nothing overwrote the edit');

    // the other direction: an API write through A with A's current ETag, visible through B
    const note2 = `Fictieve opmerking via instantie A ${Date.now()}`;
    const ok = await fetch(A.base + API, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/merge-patch+json', 'if-match': newEtag },
      body: JSON.stringify({ opmerking: note2 }),
    });
    assert.equal(ok.status, 200, `PATCH through A: ${ok.status} ${(await ok.text()).slice(0, 300)}`);
    const t1 = Date.now();
    await waitFor('the API write through B', async () => (await getRaw(B.base, API)).json?.opmerking === note2, VISIBLE_MS);
    const delay2 = Date.now() - t1;
    t.diagnostic(`visible after ${delay} ms (B→A) and ${delay2} ms (A→B)`);
  });

  test('B applies A\'s edit incrementally from the change journal; after losing its LISTEN connection it rebuilds once and says so', async () => {
    const inc = (srv) => (srv.stderr().match(/bijgewerkt:/g) || []).length;
    const full = (srv) => (srv.stderr().match(/snapshot v\d+ for /g) || []).length;
    const patch = async (note) => {
      const cur = await getRaw(A.base, API);
      const r = await fetch(A.base + API, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/merge-patch+json', 'if-match': cur.headers.get('etag') },
        body: JSON.stringify({ opmerking: note }),
      });
      assert.equal(r.status, 200, await r.text());
      await waitFor(`B shows "${note}"`, async () => (await getRaw(B.base, API)).json?.opmerking === note, VISIBLE_MS);
    };
    const inc0 = inc(B), full0 = full(B);
    await patch(`Fictieve opmerking journaal ${Date.now()}`);
    assert.ok(inc(B) > inc0, 'B derived its snapshot from the journal');
    assert.equal(full(B), full0, 'B did not rebuild fully for an attribute edit');
    assert.equal(B.exited(), null);

    // cut B's LISTEN connection (PostgreSQL ends the backend, as a failover would)
    const killed = psql(db, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query = 'LISTEN atlas_data' AND datname = current_database()");
    assert.ok(Number(killed.trim()) >= 2, `listener connections ended: ${killed}`);
    await waitFor('B says it rebuilt after the LISTEN connection came back', async () => /LISTEN-verbinding hersteld; volledig herbouwd/.test(B.stderr()), 5000);
    assert.ok(full(B) > full0, 'B rebuilt fully once');
    // and it follows A's edits again
    await patch(`Fictieve opmerking na herstel ${Date.now()}`);
  });

  test('a created collaboration is visible on the other instance within 1 s (list, page, search)', async () => {
    const naam = `Testregio Tweeling ${Date.now()}`;
    const r = await fetch(B.base + '/api/v1/samenwerkingsverbanden', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ naam, soort: 'netwerk', beleidsdomeinen: ['veiligheid'], fase: 'groei', doel: 'Fictief verband voor de test met twee instanties.' }),
    });
    assert.equal(r.status, 201, await r.text());
    const key = r.headers.get('location').split('/').pop();
    await waitFor('the new collaboration on A', async () => (await getRaw(A.base, `/api/v1/samenwerkingsverbanden/${key}`)).status === 200, VISIBLE_MS);
    const page = await getRaw(A.base, `/samenwerkingsverbanden/${key}`);
    assert.equal(page.status, 200);
    assert.ok(page.text.includes(naam), 'A\'s page shows the name');
    const search = await getRaw(A.base, `/zoeken?q=${encodeURIComponent('Tweeling')}`);
    assert.equal(search.status, 200);
    assert.ok(search.text.includes(`/samenwerkingsverbanden/${key}`), 'A\'s search finds it');
  });

  test('haproxy takes a stopped instance out of rotation; requests keep answering', async () => {
    await B.stop();
    // requests through haproxy keep working (retries/redispatch cover the
    // moment before the check notices)
    for (let i = 0; i < 10; i++) {
      const r = await getRaw(hapBase, API);
      assert.equal(r.status, 200, `through haproxy with B stopped, request ${i}`);
    }
    await waitFor('haproxy marks B DOWN', async () => ((await backendStatus(statsSocket)).atlas2 || '').startsWith('DOWN'), 5000);
    assert.equal((await backendStatus(statsSocket)).atlas1, 'UP');
  });
});
