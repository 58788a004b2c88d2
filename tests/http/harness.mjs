// harness — starts the real binary (build/atlas) on 127.0.0.1 with a fresh
// temporary SQLite database loaded from the bundled seed (data/seed), and
// gives the tests a base URL, a get() helper, a raw-socket helper for
// requests that fetch would normalise (dot segments, oversized headers,
// huge bodies), and a stop() that sends SIGTERM and checks a clean exit.
// It also holds the helpers every test that signs in shares: addUser()
// (a user and, optionally, an API token made with the CLI), login() and
// session() (a signed-in or anonymous client with get/post/getJson),
// apiClient() (Bearer-token JSON calls) and formValues()/setField() (the
// values of an edit form, to post them back changed).
//
// It does not build anything: `make test-http` builds first. Run with
//   node --test --test-concurrency=1 tests/http/
// (each test file starts its own server on a free port with its own database).
//
// PostgreSQL: with ATLAS_TEST_PG_URL set to a cluster's URL
// (postgresql://atlas@127.0.0.1:PORT/postgres, from scripts/pg-cluster;
// `make test-pg` does this), freshDb() creates a new database
// atlas_t_<random> in that cluster for every call (a copy of a migrated
// and seeded template database, see "Template databases") and returns its URL as
// `db`; everything else passes `db` to `--db` unchanged. The databases are
// dropped when the server that made them stops and, for the rest, when the
// test process exits. ATLAS_TEST_PG_DIR is the cluster's directory, for
// tests that stop and start PostgreSQL (pgCluster()).

import { after } from 'node:test';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// ATLAS_BIN selects another build (e.g. build-asan/atlas for `make sanitize`).
export const ATLAS = process.env.ATLAS_BIN ? path.resolve(ROOT, process.env.ATLAS_BIN) : path.join(ROOT, 'build', 'atlas');
export const SEED_DIR = path.join(ROOT, 'data', 'seed');

const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
const LEFTOVER_GRACE_MS = 30_000;

// Servers started by startServer() that have not exited. A test that fails
// before its stop() would leave its server running, and the server's pipes
// would keep this test process alive for ever: a hang instead of a failure.
// So after the file's last test (and its own after hooks, given 30 s), what
// is left is killed; the timer itself keeps nobody waiting.
const running = new Set();
if (process.env.NODE_TEST_CONTEXT) {
  after(() => {
    setTimeout(() => {
      for (const p of running) p.kill('SIGKILL');
    }, LEFTOVER_GRACE_MS).unref();
  });
}
process.on('exit', () => {
  for (const p of running) p.kill('SIGKILL');
});

// Run the CLI synchronously (cwd = repository root). Returns {status, stdout, stderr}.
export function atlas(args, opts = {}) {
  if (!existsSync(ATLAS)) throw new Error(`${ATLAS} does not exist: run make first`);
  const r = spawnSync(ATLAS, args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...(opts.env || {}) },
  });
  if (r.error) throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

// --- PostgreSQL ------------------------------------------------------------

export const PG_URL = process.env.ATLAS_TEST_PG_URL || '';
export const PG = !!PG_URL;
export const PG_DIR = process.env.ATLAS_TEST_PG_DIR || '';
const PG_CLUSTER = path.join(ROOT, 'scripts', 'pg-cluster');

export const isPgUrl = (db) => /^postgres(ql)?:\/\//.test(db);

// The URL of database `name` in the cluster of ATLAS_TEST_PG_URL.
export function pgDbUrl(name) {
  const u = new URL(PG_URL);
  u.pathname = '/' + name;
  return u.toString();
}

// The database name in a PostgreSQL URL.
export const pgDbName = (url) => decodeURIComponent(new URL(url).pathname.slice(1));

// Run one SQL text with psql; returns the rows unaligned, '|' between the
// fields, no header (like `sqlite3 -batch -noheader -separator '|'`).
export function psql(url, query, { timeout = 60_000 } = {}) {
  const r = spawnSync('psql', ['-X', '-q', '-A', '-t', '-F', '|', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', query], {
    encoding: 'utf8',
    timeout,
    env: { ...process.env, PGCONNECT_TIMEOUT: '10' },
  });
  if (r.error) throw r.error;
  assert.equal(r.status, 0, `psql ${query.slice(0, 200)}: ${r.stderr}`);
  return r.stdout.trim();
}

// A query against either engine: psql for a PostgreSQL URL, the sqlite3 CLI
// for a file. Same output format. Write SQL both engines understand.
export function sql(db, query) {
  if (isPgUrl(db)) return psql(db, query);
  const r = spawnSync('sqlite3', ['-batch', '-noheader', '-separator', '|', '-cmd', '.timeout 5000', db, query], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  assert.equal(r.status, 0, `sqlite3 ${query.slice(0, 200)}: ${r.stderr}`);
  return r.stdout.trim();
}

// The tests can inspect the database: psql for PostgreSQL, sqlite3 otherwise.
export const HAVE_SQL_CLI = spawnSync(PG ? 'psql' : 'sqlite3', ['--version'], { encoding: 'utf8' }).status === 0;

const pgCreated = new Set(); // database names made by this process and not dropped yet

// A new empty database in the test cluster; returns its URL.
export function createPgDb() {
  assert.ok(PG, 'createPgDb needs ATLAS_TEST_PG_URL');
  const name = 'atlas_t_' + randomBytes(6).toString('hex');
  psql(PG_URL, `CREATE DATABASE ${name}`);
  pgCreated.add(name);
  return pgDbUrl(name);
}

// Drop a test database (closing the connections still open to it).
// Quiet when it is gone already or the cluster is down (returns false).
export function dropPgDb(url) {
  const name = pgDbName(url);
  if (!/^atlas_t_[0-9a-f]+$/.test(name)) throw new Error(`not a test database: ${name}`);
  const r = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', PG_URL, '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, PGCONNECT_TIMEOUT: '5' },
  });
  if (r.status === 0) pgCreated.delete(name);
  return r.status === 0;
}

// Stop/start the test cluster (scripts/pg-cluster stop-keep|start|restart|status).
export function pgCluster(cmd) {
  assert.ok(PG_DIR, 'ATLAS_TEST_PG_DIR is not set');
  const r = spawnSync(PG_CLUSTER, [cmd, PG_DIR], { encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  if (cmd !== 'status') assert.equal(r.status, 0, `scripts/pg-cluster ${cmd}: ${r.stderr}`);
  return r;
}

// Whatever a test left behind goes when the test process ends (the cluster
// itself is removed by `make test-pg`).
process.on('exit', () => {
  for (const name of [...pgCreated]) dropPgDb(pgDbUrl(name));
});

// Migrate (and with seed=true load the seed into) database db with the CLI.
function migrateAndSeed(db, seed) {
  let r = atlas(['migrate', '--db', db]);
  assert.equal(r.status, 0, `atlas migrate failed: ${r.stdout}\n${r.stderr}`);
  if (seed) {
    r = atlas(['import', 'seed', '--db', db]);
    assert.equal(r.status, 0, `atlas import seed failed: ${r.stdout}\n${r.stderr}`);
  }
}

/*
 * Template databases: `atlas migrate` (and `atlas import seed`) run once,
 * into a template, and every freshDb() gets a copy of it: a file copy on
 * SQLite, CREATE DATABASE ... TEMPLATE on PostgreSQL. Each copy is a
 * database of its own, so no test sees another's writes. The templates live
 * in ATLAS_TEST_TEMPLATE_DIR when it is set (`make test-http`, `make
 * test-pg` and `make sanitize` give every run a new empty directory, so all
 * test files of a run share them and they are built by that run's binary);
 * otherwise in a directory of this process, removed at exit. Whoever needs
 * a template first builds it under a name of its own and renames it into
 * place; two files doing so at once both finish (the second copy is
 * dropped). cli.test.mjs and the other tests of migrate and import run the
 * commands themselves, on databases of their own.
 */
const TEMPLATE_DIR = process.env.ATLAS_TEST_TEMPLATE_DIR || '';
let ownTemplateDir = '';
function templateDir() {
  if (TEMPLATE_DIR) return TEMPLATE_DIR;
  if (!ownTemplateDir) ownTemplateDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-template-'));
  return ownTemplateDir;
}
process.on('exit', () => {
  if (ownTemplateDir) rmSync(ownTemplateDir, { recursive: true, force: true });
});

// The path of the SQLite template (seeded or only migrated), built if missing.
function sqliteTemplate(seed) {
  const file = path.join(templateDir(), seed ? 'seeded.db' : 'migrated.db');
  if (existsSync(file)) return file;
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  migrateAndSeed(tmp, seed);
  assert.ok(!existsSync(tmp + '-wal'), `template ${tmp}: a -wal file was left behind`);
  renameSync(tmp, file);
  return file;
}

// The name of the PostgreSQL template database (seeded or only migrated),
// built if missing. Its name is kept in a file in the template directory.
function pgTemplate(seed) {
  const marker = path.join(templateDir(), seed ? 'pg-seeded.name' : 'pg-migrated.name');
  if (existsSync(marker)) return readFileSync(marker, 'utf8').trim();
  const url = createPgDb();
  migrateAndSeed(url, seed);
  const name = pgDbName(url);
  // a shared template outlives this process (the cluster goes with the run)
  if (TEMPLATE_DIR) pgCreated.delete(name);
  const tmp = `${marker}.${process.pid}`;
  writeFileSync(tmp, name + '\n');
  renameSync(tmp, marker);
  return readFileSync(marker, 'utf8').trim();
}

// A fresh temp dir with a migrated database. With seed=true, the seed is loaded.
// With ATLAS_TEST_PG_URL set, `db` is the URL of a new PostgreSQL database
// and `dir` an empty temp dir for the test's own files. Both are copies of
// a template (see above): the same content as migrate + import seed.
export function freshDb({ seed = true } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-http-'));
  if (PG) {
    const template = pgTemplate(seed);
    const name = 'atlas_t_' + randomBytes(6).toString('hex');
    psql(PG_URL, `CREATE DATABASE ${name} TEMPLATE ${template}`);
    pgCreated.add(name);
    return { dir, db: pgDbUrl(name) };
  }
  const db = path.join(dir, 'atlas.db');
  copyFileSync(sqliteTemplate(seed), db);
  return { dir, db };
}

// A free TCP port on 127.0.0.1 (bind to port 0, read it, close).
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/*
 * Start `atlas serve` on a database. Options:
 *   db, dir     use an existing database (else a fresh seeded one is made)
 *   env         extra environment
 *   usePortEnv  pass the port as ATLAS_PORT instead of --port
 *   args        further arguments for `atlas serve` (e.g. ['--trust-proxy'])
 * Returns a server object: { base, port, dir, db, proc, stdout(), stderr(),
 * get(path, headers, init), raw(bytes), stop() }.
 */
export async function startServer(opts = {}) {
  let dir = opts.dir;
  let db = opts.db;
  let ownDir = false;
  if (!db) {
    ({ dir, db } = freshDb());
    ownDir = true;
  }
  const port = await freePort();
  const args = ['serve', '--db', db, '--listen', '127.0.0.1'];
  // every test server compares each incrementally updated snapshot with a
  // full rebuild and aborts on a difference (app/readmodel.h)
  const env = { ATLAS_CHECK_INCREMENTAL: '1', ...process.env, ...(opts.env || {}) };
  if (opts.usePortEnv) env.ATLAS_PORT = String(port);
  else args.push('--port', String(port));
  args.push(...(opts.args || []));
  const proc = spawn(ATLAS, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(proc);
  proc.on('exit', () => running.delete(proc));
  let out = '';
  let err = '';
  proc.stdout.setEncoding('utf8');
  proc.stderr.setEncoding('utf8');
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (err += d));
  let exited = null;
  let termSent = false;
  const exitPromise = new Promise((resolve) =>
    proc.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    }),
  );
  const base = `http://127.0.0.1:${port}`;

  // Ready when the startup line appears or GET / answers, whichever first.
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let ready = false;
  while (Date.now() < deadline) {
    if (exited) break;
    if (out.includes(`Samenwerkingsatlas: ${base}/`)) {
      ready = true;
      break;
    }
    try {
      const res = await fetch(base + '/', { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      ready = true;
      break;
    } catch {
      await sleep(100);
    }
  }
  if (!ready) {
    if (!exited) proc.kill('SIGKILL');
    if (ownDir) {
      rmSync(dir, { recursive: true, force: true });
      if (isPgUrl(db)) dropPgDb(db);
    }
    throw new Error(
      `server did not become ready within ${READY_TIMEOUT_MS} ms` +
        (exited ? ` (exited ${JSON.stringify(exited)})` : '') +
        `\nstdout:\n${out}\nstderr:\n${err}`,
    );
  }

  const srv = {
    base,
    port,
    dir,
    db,
    proc,
    stdout: () => out,
    stderr: () => err,
    exited: () => exited,
    // fetch a path; returns {status, headers, text, body (Buffer), json}
    async get(p, headers = {}, init = {}) {
      const res = await fetch(base + p, { redirect: 'manual', ...init, headers });
      const body = Buffer.from(await res.arrayBuffer());
      const text = body.toString('utf8');
      let json;
      const ct = res.headers.get('content-type') || '';
      if (/json/.test(ct) && text.length) {
        try {
          json = JSON.parse(text);
        } catch (e) {
          json = undefined;
        }
      }
      return { status: res.status, headers: res.headers, body, text, json, res };
    },
    // the JSON body of a GET that must answer 200
    async getJson(p, headers = {}) {
      const r = await srv.get(p, headers);
      assert.equal(r.status, 200, `GET ${p}: status ${r.status}: ${r.text.slice(0, 500)}`);
      assert.ok(r.json !== undefined, `GET ${p}: body is not JSON: ${r.text.slice(0, 200)}`);
      return r.json;
    },
    raw: (data, o) => rawRequest(port, data, o),
    // send SIGTERM once (stop() will not send a second one)
    sigterm() {
      if (!termSent && !exited) proc.kill('SIGTERM');
      termSent = true;
    },
    // SIGTERM; resolves with {code, signal}; asserts exit 0 within 5 s
    async stop() {
      srv.sigterm();
      const res = await Promise.race([exitPromise, sleep(STOP_TIMEOUT_MS).then(() => null)]);
      if (!res) proc.kill('SIGKILL');
      if (ownDir) {
        rmSync(dir, { recursive: true, force: true });
        if (isPgUrl(db)) dropPgDb(db);
      }
      assert.ok(res, `server did not exit within ${STOP_TIMEOUT_MS} ms after SIGTERM`);
      assert.deepEqual(res, { code: 0, signal: null }, `server exit after SIGTERM\nstderr tail:\n${err.slice(-2000)}`);
      return res;
    },
  };
  return srv;
}

/*
 * Send raw bytes (string or Buffer, or an array of chunks written in turn)
 * over a fresh TCP connection and parse the first HTTP response. Resolves
 * with {status, headers (lower-case keys), body (Buffer), text, rawHead}.
 * Write errors after the response started (server closed early, e.g. 413)
 * are ignored. Options: timeoutMs, pauseAfterHeadMs (wait after the first
 * chunk, as a client sending Expect: 100-continue would), pauseBetweenMs.
 */
export function rawRequest(port, data, { timeoutMs = 5000, pauseAfterHeadMs = 0, pauseBetweenMs = 0 } = {}) {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    const chunks = [];
    let done = false;
    const finish = (err) => {
      if (done) return;
      const buf = Buffer.concat(chunks);
      const parsed = parseResponse(buf);
      if (parsed && (parsed.complete || err || sock.destroyed || sock.readableEnded)) {
        done = true;
        clearTimeout(timer);
        sock.destroy();
        resolve(parsed);
      } else if (err) {
        done = true;
        clearTimeout(timer);
        sock.destroy();
        reject(new Error(`raw request: ${err.message || err}; received ${buf.length} bytes: ${buf.toString('latin1').slice(0, 300)}`));
      }
    };
    const timer = setTimeout(() => finish(new Error('timeout')), timeoutMs);
    sock.on('data', (d) => {
      chunks.push(d);
      finish();
    });
    sock.on('end', () => finish(new Error('connection closed')));
    sock.on('close', () => finish(new Error('connection closed')));
    sock.on('error', (e) => {
      // EPIPE/ECONNRESET while we are still writing: wait for the answer
      if (chunks.length) finish(e);
      else setTimeout(() => finish(e), 200);
    });
    sock.on('connect', async () => {
      const parts = Array.isArray(data) ? data : [data];
      for (let i = 0; i < parts.length; i++) {
        // stop sending once the server has answered (e.g. 413 before the body)
        if (done || sock.destroyed || chunks.length) return;
        const ok = sock.write(parts[i]);
        if (!ok) await new Promise((r) => sock.once('drain', r).once('close', r));
        // like an Expect: 100-continue client: give the server a moment to
        // refuse the request from its head before the body is sent
        if (i === 0 && pauseAfterHeadMs) await new Promise((r) => setTimeout(r, pauseAfterHeadMs));
        else if (pauseBetweenMs) await new Promise((r) => setTimeout(r, pauseBetweenMs));
      }
    });
  });
}

// Parse an HTTP/1.1 response from buf; null if the head is not complete.
function parseResponse(buf) {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const head = buf.subarray(0, end).toString('latin1');
  const lines = head.split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0]);
  if (!m) return null;
  const headers = {};
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    if (i > 0) {
      const k = l.slice(0, i).trim().toLowerCase();
      headers[k] = headers[k] ? headers[k] + ', ' + l.slice(i + 1).trim() : l.slice(i + 1).trim();
    }
  }
  let body = buf.subarray(end + 4);
  let complete = false;
  if (headers['content-length'] !== undefined) {
    const n = Number(headers['content-length']);
    complete = body.length >= n;
    body = body.subarray(0, n);
  } else if (/chunked/i.test(headers['transfer-encoding'] || '')) {
    const dec = dechunk(body);
    if (dec) {
      complete = true;
      body = dec;
    }
  }
  return { status: Number(m[1]), headers, body, text: body.toString('utf8'), rawHead: head, complete };
}

function dechunk(b) {
  const out = [];
  let i = 0;
  for (;;) {
    const e = b.indexOf('\r\n', i);
    if (e < 0) return null;
    const n = parseInt(b.subarray(i, e).toString('latin1'), 16);
    if (Number.isNaN(n)) return null;
    if (n === 0) return Buffer.concat(out);
    if (b.length < e + 2 + n + 2) return null;
    out.push(b.subarray(e + 2, e + 2 + n));
    i = e + 2 + n + 2;
  }
}

// A minimal GET request over a raw socket for a path sent verbatim.
export function rawGet(port, p, extraHeaders = '') {
  return rawRequest(port, `GET ${p} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${extraHeaders}Connection: close\r\n\r\n`);
}

// Collect every item of a paged API list, following pagina= until aantalPaginas.
export async function allPages(srv, p, key) {
  const sep = p.includes('?') ? '&' : '?';
  const first = await srv.getJson(`${p}${sep}paginaGrootte=100&pagina=1`);
  const items = [...first[key]];
  for (let page = 2; page <= first.aantalPaginas; page++) {
    const j = await srv.getJson(`${p}${sep}paginaGrootte=100&pagina=${page}`);
    items.push(...j[key]);
  }
  return { items, totaal: first.totaal };
}

// Decode the few HTML entities the escaping writers emit.
export function decodeEntities(s) {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export const SECURITY_HEADERS = ['content-security-policy', 'x-content-type-options', 'referrer-policy'];

// Assert the security headers on a reply (fetch Headers or raw header object).
export function assertSecurityHeaders(headers, what) {
  const h = (k) => (typeof headers.get === 'function' ? headers.get(k) : headers[k]);
  const csp = h('content-security-policy');
  assert.ok(csp, `${what}: Content-Security-Policy missing`);
  assert.match(csp, /frame-ancestors\s+'none'/, `${what}: CSP without frame-ancestors 'none': ${csp}`);
  const scriptSrc = /(?:^|;)\s*script-src\s+([^;]*)/.exec(csp);
  const defaultSrc = /(?:^|;)\s*default-src\s+([^;]*)/.exec(csp);
  assert.ok(scriptSrc || defaultSrc, `${what}: CSP has neither script-src nor default-src: ${csp}`);
  const effective = (scriptSrc || defaultSrc)[1];
  assert.doesNotMatch(effective, /'unsafe-inline'|'unsafe-eval'/, `${what}: script-src allows inline/eval: ${csp}`);
  assert.equal(h('x-content-type-options'), 'nosniff', `${what}: X-Content-Type-Options`);
  assert.ok(h('referrer-policy'), `${what}: Referrer-Policy missing`);
}


// --- users, tokens and sessions --------------------------------------------

// The password addUser() gives and login() uses unless told otherwise.
export const TEST_PASSWORD = 'een-lang-testwachtwoord-2';

/*
 * Make a user with the CLI (`atlas user add NAME --rol ROLE
 * --wachtwoord-stdin --db DB`) and assert that it worked. Options:
 *   password  the password (default TEST_PASSWORD)
 *   org       --organisatie (an organisation code, for redacteur)
 *   display   --naam (the display name)
 *   extra     more arguments for `atlas user add`
 *   token     a token name: also make an API token (addToken) and return it
 * Returns the token, or undefined without the token option.
 */
export function addUser(db, name, role, { password = TEST_PASSWORD, org, display, extra = [], token } = {}) {
  const args = ['user', 'add', name, '--rol', role, '--wachtwoord-stdin', '--db', db];
  if (org) args.push('--organisatie', org);
  if (display) args.push('--naam', display);
  args.push(...extra);
  const r = spawnSync(ATLAS, args, { cwd: ROOT, input: password + '\n', encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  assert.equal(r.status, 0, `atlas user add ${name}: ${r.stderr}`);
  return token === undefined ? undefined : addToken(db, name, token);
}

// A new API token named tokenName for user name (`atlas user token`); returns it.
export function addToken(db, name, tokenName) {
  const t = atlas(['user', 'token', name, '--naam', tokenName, '--db', db]);
  assert.equal(t.status, 0, `atlas user token ${name}: ${t.stderr}`);
  return t.stdout.trim().split(/\s+/).pop();
}

// The value of the first hidden csrf field in a page, or undefined.
export const csrfOf = (html) => /name="csrf" value="([^"]+)"/.exec(html)?.[1];

// The name=value parts of Set-Cookie headers (attributes dropped).
const cookiePairs = (setCookies) => setCookies.map((c) => c.split(';')[0]);

/*
 * A web client for the server at base with a session cookie (the
 * `atlas_sessie=...` pair, or '' for an anonymous visitor) and the csrf token
 * of that session's forms (null: none). Redirects are never followed.
 *   get(p, headers)          GET; the cookie is added to headers
 *   post(p, fields, {csrf})  a form POST (x-www-form-urlencoded): first
 *                            csrf=<the session's token>, or opts.csrf when
 *                            given (null or false: no csrf field, '' an
 *                            empty one), then fields ([name, value] pairs or
 *                            an object, in order)
 *   submit(p, fields, opts)  post() that must answer 303; resolves with
 *                            the Location
 *   getJson(p)               the JSON of a GET that must answer 200
 *   at(base2)                the same session against another server
 *                            (instances that share a database)
 * get and post resolve with {status, location, headers, text}.
 */
export function session(base, cookie = '', csrf = null) {
  const withCookie = (headers = {}) => (cookie ? { ...headers, cookie } : { ...headers });
  const reply = async (r) => ({ status: r.status, location: r.headers.get('location'), headers: r.headers, text: await r.text() });
  const s = {
    base,
    cookie,
    csrf,
    async get(p, headers = {}) {
      return reply(await fetch(base + p, { redirect: 'manual', headers: withCookie(headers) }));
    },
    async post(p, fields = [], opts = {}) {
      const token = opts.csrf === undefined ? csrf : opts.csrf;
      const body = new URLSearchParams();
      if (token !== null && token !== false) body.append('csrf', token);
      for (const [k, v] of Array.isArray(fields) ? fields : Object.entries(fields)) body.append(k, v);
      const headers = withCookie({ 'content-type': 'application/x-www-form-urlencoded' });
      return reply(await fetch(base + p, { method: 'POST', redirect: 'manual', body, headers }));
    },
    async submit(p, fields, opts) {
      const r = await s.post(p, fields, opts);
      assert.equal(r.status, 303, `POST ${p}: ${r.status} ${r.text.slice(0, 600)}`);
      return r.location;
    },
    async getJson(p) {
      const r = await fetch(base + p, { headers: withCookie() });
      assert.equal(r.status, 200, `GET ${p}`);
      return r.json();
    },
    at: (other) => session(other, cookie, csrf),
  };
  return s;
}

// A client without a session (no cookie, no csrf field in posts).
export const anonymous = (base) => session(base);

/*
 * Sign in through the login form like a browser: GET /inloggen (its
 * pre-session cookie and csrf token), POST /inloggen with the user's name
 * and password and terug=/ (must answer 303 with an atlas_sessie cookie),
 * then GET / for the csrf token of the new session. Options:
 *   password  default TEST_PASSWORD
 *   headers   extra headers on these requests (e.g. x-forwarded-proto)
 *   csrf      false: skip the GET / (session.csrf stays null), for a
 *             test that only needs the cookie
 * Returns a session() with, besides, preCookies and setCookies: the
 * Set-Cookie headers of the GET and of the POST of /inloggen.
 */
export async function login(base, name, { password = TEST_PASSWORD, headers = {}, csrf = true } = {}) {
  let r = await fetch(base + '/inloggen', { redirect: 'manual', headers });
  const html = await r.text();
  const preCookies = r.headers.getSetCookie() || [];
  const formCsrf = csrfOf(html);
  assert.ok(formCsrf, `login ${name}: no csrf token on /inloggen`);
  r = await fetch(base + '/inloggen', {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, cookie: cookiePairs(preCookies).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ gebruikersnaam: name, wachtwoord: password, csrf: formCsrf, terug: '/' }),
  });
  await r.arrayBuffer();
  assert.equal(r.status, 303, `login ${name}`);
  const setCookies = r.headers.getSetCookie();
  const cookie = cookiePairs(setCookies).find((c) => c.startsWith('atlas_sessie='));
  assert.ok(cookie, `login ${name}: no session cookie`);
  let token = null;
  if (csrf) {
    const home = await (await fetch(base + '/', { headers: { ...headers, cookie } })).text();
    token = csrfOf(home);
    assert.ok(token, `login ${name}: no csrf token on /`);
  }
  return { ...session(base, cookie, token), preCookies, setCookies };
}

/*
 * A JSON API client for the server at base that sends
 * `Authorization: Bearer <token>` (no header when token is empty).
 *   call(method, p, {body, ifMatch, type, headers})
 * body is sent as JSON (a string as it is) with Content-Type type (default
 * application/json); ifMatch becomes If-Match. Resolves like srv.get():
 * {status, headers, body, text, json, res}.
 */
export function apiClient(srv, token) {
  return {
    token,
    call(method, p, { body, ifMatch, type = 'application/json', headers = {} } = {}) {
      const h = { ...headers };
      if (token) h.authorization = `Bearer ${token}`;
      if (ifMatch) h['if-match'] = ifMatch;
      if (body !== undefined) h['content-type'] = type;
      return srv.get(p, h, { method, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    },
  };
}

/*
 * The values of the edit form in a page (<form class="atlas-edit-form">) as
 * [name, value] pairs, as a browser would submit them: inputs (csrf left
 * out, unchecked checkboxes left out), the selected option of each select,
 * each textarea; entities decoded.
 */
export function formValues(html) {
  const form = /<form class="atlas-edit-form"(.*?)<\/form>/s.exec(html)[1];
  const out = [];
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const a = m[1];
    const name = /name="([^"]+)"/.exec(a)?.[1];
    if (!name || name === 'csrf') continue;
    if (/type="checkbox"/.test(a) && !/ checked/.test(a)) continue;
    out.push([name, decodeEntities(/value="([^"]*)"/.exec(a)?.[1] ?? '')]);
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>(.*?)<\/select>/gs)) {
    const sel = /<option value="([^"]*)" selected>/.exec(m[2]);
    out.push([m[1], sel ? decodeEntities(sel[1]) : '']);
  }
  for (const m of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>(.*?)<\/textarea>/gs)) out.push([m[1], decodeEntities(m[2])]);
  return out;
}

// Assert that every visible input, select and textarea of a page (the
// header's search box q aside: it has its own check) has a <label for> or an
// aria-label; name says which page failed.
export function assertControlsLabelled(name, html) {
  for (const m of html.matchAll(/<(input|select|textarea)([^>]*)>/g)) {
    if (/type="(hidden|submit)"/.test(m[2])) continue;
    const id = /id="([^"]+)"/.exec(m[2])?.[1];
    if (!id || id === 'q') continue;
    assert.ok(html.includes(`for="${id}"`) || /aria-label=/.test(m[2]), `${name}: control #${id} without label`);
  }
}

// Form values with field name set to value (moved to the end).
export const setField = (vals, name, value) => vals.filter(([k]) => k !== name).concat([[name, value]]);
