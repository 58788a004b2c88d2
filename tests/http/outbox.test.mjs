// outbox — e-mail that cannot be lost (app/outbox.h): a real local SMTP
// server (tests/http/smtp_sink.py on Debian's python3-aiosmtpd) receives
// what the sender thread of `atlas serve` delivers.
//   - `atlas mail test` queues a message; it arrives once with the headers
//     of RFC 5322/MIME, the UTF-8 subject and display name decoded right,
//     the quoted-printable body intact and the line-length rules kept
//   - the SMTP server stops mid-queue, attempts fail, the atlas server is
//     killed and started again, a row left "bezig" by a crash (an expired
//     lease) is taken again: every message arrives, none twice
//   - a message that failed for good can be queued again from the page
//     (CSRF checked)
//   - page and API are for staff only; no address leaks into public pages
// Backoff and polling are configured small (ATLAS_MAIL_*) so this runs
// fast; every wait is a generous deadline, never a timed assertion.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ROOT, atlas, freshDb, freePort, startServer, addUser, login, anonymous, apiClient, sql, HAVE_SQL_CLI,
} from './harness.mjs';
import { vnuValidate } from './vnu.mjs';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const SINK = path.join(ROOT, 'tests', 'http', 'smtp_sink.py');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const DEADLINE_MS = 45_000;

// Start the SMTP sink on port, writing messages into dir; resolves when it listens.
async function startSink(port, dir) {
  const proc = spawn(PYTHON, [SINK, String(port), dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (err += d));
  const exited = new Promise((r) => proc.on('exit', r));
  const until = Date.now() + 20_000;
  while (!out.includes('ready')) {
    if (proc.exitCode !== null || Date.now() > until) {
      proc.kill('SIGKILL');
      throw new Error(`smtp sink did not start (is python3-aiosmtpd installed?): ${err}`);
    }
    await sleep(50);
  }
  return {
    async stop() {
      proc.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000).then(() => proc.kill('SIGKILL'))]);
    },
  };
}

// Poll fn until it returns a truthy value; fail with what() after the deadline.
async function waitFor(fn, what, ms = DEADLINE_MS) {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) assert.fail(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

// Decode RFC 2047 encoded words (UTF-8, B or Q); whitespace between two
// encoded words is dropped.
function decodeWords(s) {
  const parts = s.split(/(=\?UTF-8\?[BbQq]\?[^?]*\?=)/);
  const bytes = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const m = /^=\?UTF-8\?([BbQq])\?([^?]*)\?=$/.exec(p);
    if (m) {
      bytes.push(m[1].toUpperCase() === 'B'
        ? Buffer.from(m[2], 'base64')
        : Buffer.from(m[2].replace(/_/g, ' ').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1'));
    } else if (!(/^\s*$/.test(p) && i > 0 && i < parts.length - 1)) {
      bytes.push(Buffer.from(p, 'utf8'));
    }
  }
  return Buffer.concat(bytes).toString('utf8');
}

function qpDecode(s) {
  const soft = s.replace(/=\r\n/g, '');
  const out = [];
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/.test(soft.slice(i + 1, i + 3))) {
      out.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(soft.charCodeAt(i));
  }
  return Buffer.from(out).toString('utf8');
}

// Every message in dir: {envelope, raw, headers (lower-case name → unfolded value), body (decoded)}.
function mails(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.eml')).sort().map((f) => {
    const all = readFileSync(path.join(dir, f), 'latin1');
    const nl = all.indexOf('\r\n');
    const envelope = all.slice(0, nl);
    const raw = all.slice(nl + 2);
    const split = raw.indexOf('\r\n\r\n');
    const head = raw.slice(0, split);
    const headers = {};
    for (const line of head.replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
      const c = line.indexOf(':');
      headers[line.slice(0, c).toLowerCase()] = Buffer.from(line.slice(c + 1).trim(), 'latin1').toString('utf8');
    }
    return { file: f, envelope, raw, head, headers, body: qpDecode(raw.slice(split + 4)) };
  });
}

const mailEnv = (smtpPort, extra = {}) => ({
  ATLAS_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  ATLAS_SMTP_TLS: 'nee',
  ATLAS_MAIL_FROM: 'atlas@example.org',
  ATLAS_MAIL_FROM_NAME: 'Samenwerkingsatlas Utrecht',
  ATLAS_MAIL_POLL_MS: '100',
  ATLAS_MAIL_RETRY_BASE_MS: '200',
  ATLAS_MAIL_RETRY_MAX_MS: '800',
  ...extra,
});

const queueTest = (db, to, name) => {
  const args = ['mail', 'test', '--to', to, '--db', db];
  if (name) args.push('--naam', name);
  const r = atlas(args);
  assert.equal(r.status, 0, `atlas mail test: ${r.stderr}`);
  return Number(/testbericht (\d+)/.exec(r.stdout)[1]);
};

let tmp;
before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'atlas-outbox-'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

test('a queued message arrives once, with correct headers, UTF-8 subject and name, and body', async () => {
  const { dir, db } = freshDb();
  const staffToken = addUser(db, 'post.staf', 'programmateam', { token: 'post' });
  const smtpPort = await freePort();
  const maildir = path.join(tmp, 'mail-1');
  const sink = await startSink(smtpPort, maildir);
  const srv = await startServer({ db, dir, env: mailEnv(smtpPort) });
  try {
    // invalid addresses and header injection are refused before anything is queued
    for (const bad of ['geen-adres', 'a@b', 'x@example.org\r\nBcc: evil@example.org', 'a b@example.org']) {
      const r = atlas(['mail', 'test', '--to', bad, '--db', db]);
      assert.equal(r.status, 1, `accepted ${JSON.stringify(bad)}`);
      assert.match(r.stderr, /aan: Dit is geen geldig e-mailadres/);
    }
    const r = atlas(['mail', 'test', '--to', 'x@example.org', '--naam', 'Evil\r\nBcc: evil@example.org', '--db', db]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /naam:/);

    const id = queueTest(db, 'zoe.devries@example.org', 'Zoë de Vries-Ĳsselmeer');
    const [m] = await waitFor(() => mails(maildir).length >= 1 && mails(maildir), 'the message at the SMTP server');
    assert.equal(m.envelope, 'X-Envelope: atlas@example.org -> zoe.devries@example.org');
    const h = m.headers;
    assert.match(h.date, /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d \+0000$/);
    assert.equal(h.from, '"Samenwerkingsatlas Utrecht" <atlas@example.org>');
    assert.equal(decodeWords(h.to), 'Zoë de Vries-Ĳsselmeer <zoe.devries@example.org>');
    assert.equal(decodeWords(h.subject), 'Testbericht van de Samenwerkingsatlas: e-mail werkt ✓');
    assert.match(h['message-id'], /^<[A-Za-z0-9_-]+@example\.org>$/);
    assert.equal(h['mime-version'], '1.0');
    assert.equal(h['content-type'], 'text/plain; charset=UTF-8');
    assert.equal(h['content-transfer-encoding'], 'quoted-printable');
    assert.match(m.body, /^Dit is een testbericht van de Samenwerkingsatlas\.\r\n\r\nAls u dit leest/);
    assert.match(m.body, /'atlas mail test'\.\r\n$/);
    // CRLF only; header lines at most 78, every line at most 998 characters
    assert.ok(!/[^\r]\n/.test(m.raw), 'bare LF in the message');
    for (const line of m.head.split('\r\n')) assert.ok(line.length <= 78, `header line too long: ${line}`);
    for (const line of m.raw.split('\r\n')) assert.ok(line.length <= 998);

    // the API (staff token) says sent; nothing arrives twice
    const api = apiClient(srv, staffToken);
    await waitFor(async () => (await api.call('GET', '/api/v1/uitgaande-post?status=verzonden')).json?.totaal === 1, 'status verzonden');
    const list = (await api.call('GET', '/api/v1/uitgaande-post')).json;
    assert.equal(list.mailserverIngesteld, true);
    assert.deepEqual(list.aantallen, { wachtrij: 0, bezig: 0, verzonden: 1, mislukt: 0 });
    const row = list.berichten[0];
    assert.equal(row.id, id);
    assert.equal(row.soort, 'test');
    assert.equal(row.aan, 'zoe.devries@example.org');
    assert.equal(row.naam, 'Zoë de Vries-Ĳsselmeer');
    assert.equal(row.status, 'verzonden');
    assert.equal(row.pogingen, 1);
    assert.equal(row.laatsteFout, null);
    await sleep(1000);
    assert.equal(mails(maildir).length, 1, 'the message arrived more than once');
  } finally {
    await srv.stop();
    await sink.stop();
  }
});

test('SMTP server down mid-queue and the atlas server killed: nothing lost, nothing twice', async () => {
  const { dir, db } = freshDb();
  const staffToken = addUser(db, 'post.staf', 'programmateam', { token: 'post' });
  const smtpPort = await freePort();
  const maildir = path.join(tmp, 'mail-2');
  const env = mailEnv(smtpPort, { ATLAS_MAIL_MAX_ATTEMPTS: '100' });
  let sink = await startSink(smtpPort, maildir);
  let srv = await startServer({ db, dir, env });
  const ids = [];
  try {
    for (let i = 0; i < 3; i++) ids.push(queueTest(db, `eerste${i}@example.org`));
    await waitFor(() => mails(maildir).length === 3, 'the first three messages');

    // the SMTP server goes away; more mail is queued and its attempts fail
    await sink.stop();
    for (let i = 0; i < 4; i++) ids.push(queueTest(db, `tweede${i}@example.org`));
    const api = apiClient(srv, staffToken);
    await waitFor(async () => {
      const l = (await api.call('GET', '/api/v1/uitgaande-post?status=wachtrij')).json;
      return l && l.totaal === 4 && l.berichten.every((b) => b.pogingen >= 1 && b.laatsteFout);
    }, 'failed attempts on the four queued messages');

    // the atlas server crashes (SIGKILL: no clean shutdown)
    srv.proc.kill('SIGKILL');
    await waitFor(() => srv.exited(), 'the killed server to exit');

    // a crash in the middle of a send leaves a row "bezig" with a lease;
    // once the lease has passed, the next sender takes it again
    if (HAVE_SQL_CLI) {
      sql(db, `UPDATE outbox SET status = 'sending', claim = 'verloren', lease_until = '2000-01-01T00:00:00.000Z' WHERE id = ${ids[3]}`);
    }

    sink = await startSink(smtpPort, maildir);
    srv = await startServer({ db, dir, env });
    await waitFor(() => mails(maildir).length >= 7, 'all seven messages');
    const api2 = apiClient(srv, staffToken);
    await waitFor(async () => (await api2.call('GET', '/api/v1/uitgaande-post?status=verzonden')).json?.totaal === 7, 'seven sent');
    await sleep(1500); // a duplicate would have time to arrive
    const got = mails(maildir);
    assert.equal(got.length, 7, `expected 7 messages, got ${got.length}`);
    const msgIds = new Set(got.map((m) => m.headers['message-id']));
    assert.equal(msgIds.size, 7, 'a message arrived twice');
    const rcpts = got.map((m) => m.envelope.split(' -> ')[1]).sort();
    assert.deepEqual(rcpts, [0, 1, 2].map((i) => `eerste${i}@example.org`).concat([0, 1, 2, 3].map((i) => `tweede${i}@example.org`)).sort());
    const list = (await api2.call('GET', '/api/v1/uitgaande-post')).json;
    assert.deepEqual(list.aantallen, { wachtrij: 0, bezig: 0, verzonden: 7, mislukt: 0 });
  } finally {
    await srv.stop();
    await sink.stop();
  }
});

test('a failed message is queued again from the page (CSRF); page and API are for staff only', async () => {
  const { dir, db } = freshDb();
  const staffToken = addUser(db, 'post.staf', 'programmateam', { token: 'post' });
  const editorToken = addUser(db, 'post.redacteur', 'redacteur', { org: 'gm0344', token: 'red' });
  addUser(db, 'post.beheer', 'beheerder');
  const smtpPort = await freePort(); // nothing listens yet: every attempt fails
  const maildir = path.join(tmp, 'mail-3');
  const srv = await startServer({ db, dir, env: mailEnv(smtpPort, { ATLAS_MAIL_MAX_ATTEMPTS: '2' }) });
  let sink;
  try {
    const id = queueTest(db, 'mislukt@example.org', 'Geen Server');
    const staff = apiClient(srv, staffToken);
    const failed = await waitFor(async () => {
      const l = (await staff.call('GET', '/api/v1/uitgaande-post?status=mislukt')).json;
      return l?.totaal === 1 && l.berichten[0];
    }, 'the message to fail');
    assert.equal(failed.id, id);
    assert.equal(failed.pogingen, 2);
    assert.match(failed.laatsteFout, /connect/i);

    // access: anonymous → sign in (page) / 401 (API); editor → 403; a
    // staff web session is no API token → 401
    const anon = anonymous(srv.base);
    const ap = await anon.get('/beheer/uitgaande-post');
    assert.equal(ap.status, 303);
    assert.match(ap.location, /^\/inloggen\?terug=/);
    assert.equal((await anon.post(`/beheer/uitgaande-post/${id}/opnieuw`)).status, 401);
    assert.equal((await apiClient(srv, '').call('GET', '/api/v1/uitgaande-post')).status, 401);
    assert.equal((await apiClient(srv, editorToken).call('GET', '/api/v1/uitgaande-post')).status, 403);
    const ed = await login(srv.base, 'post.redacteur');
    assert.equal((await ed.get('/beheer/uitgaande-post')).status, 403);
    assert.equal((await ed.post(`/beheer/uitgaande-post/${id}/opnieuw`)).status, 403);
    const st = await login(srv.base, 'post.staf');
    const viaCookie = await srv.get('/api/v1/uitgaande-post', { cookie: st.cookie });
    assert.equal(viaCookie.status, 401);
    const admin = await login(srv.base, 'post.beheer');
    assert.equal((await admin.get('/beheer/uitgaande-post')).status, 200);

    // the page: the failed row with its error and the retry button
    const page = await st.get('/beheer/uitgaande-post?status=mislukt');
    assert.equal(page.status, 200);
    assert.match(page.text, /<table/);
    assert.match(page.text, /mislukt@example\.org/);
    assert.match(page.text, /Mislukt/);
    assert.match(page.text, new RegExp(`action="/beheer/uitgaande-post/${id}/opnieuw"`));
    assert.match(page.text, /Opnieuw proberen/);
    assert.equal((await st.get('/beheer/uitgaande-post?status=onzin')).status, 400);
    // valid HTML (Nu HTML Checker), one h1, no inline style
    const file = path.join(tmp, 'uitgaande-post.html');
    writeFileSync(file, page.text);
    assert.deepEqual((await vnuValidate([file])).map((m) => `${m.line}:${m.column}: ${m.message}`), []);
    assert.equal((page.text.match(/<h1[\s>]/g) || []).length, 1);
    assert.ok(!/\sstyle\s*=/.test(page.text));
    // the admin overview links to it
    assert.match((await st.get('/beheer')).text, /href="\/beheer\/uitgaande-post"/);

    // no CSRF token: refused, nothing changes
    assert.equal((await st.post(`/beheer/uitgaande-post/${id}/opnieuw`, [], { csrf: null })).status, 403);
    assert.equal((await staff.call('GET', '/api/v1/uitgaande-post?status=mislukt')).json.totaal, 1);

    // the mail server comes; staff queue the message again
    sink = await startSink(smtpPort, maildir);
    const loc = await st.submit(`/beheer/uitgaande-post/${id}/opnieuw`, []);
    assert.equal(loc, '/beheer/uitgaande-post?melding=opnieuw');
    assert.match((await st.get(loc)).text, /staat weer in de wachtrij/);
    await waitFor(() => mails(maildir).length === 1, 'the retried message');
    await waitFor(async () => (await staff.call('GET', '/api/v1/uitgaande-post?status=verzonden')).json?.totaal === 1, 'status verzonden');
    // a second retry of a message that is no longer failed: 409, nothing queued
    assert.equal((await st.post(`/beheer/uitgaande-post/${id}/opnieuw`)).status, 409);
    assert.equal((await st.post('/beheer/uitgaande-post/999999/opnieuw')).status, 404);

    // confidential: no address in public pages, feeds, search or open data
    for (const p of ['/wijzigingen', '/wijzigingen.atom', '/zoeken?q=mislukt', '/open-data/samenwerkingsatlas.json', '/api/v1/zoeken?q=mislukt']) {
      const r = await anon.get(p);
      assert.equal(r.status, 200, p);
      assert.ok(!r.text.includes('mislukt@example.org') && !r.text.includes('Geen Server'), `${p} shows the outbox`);
    }
    await sleep(500);
    assert.equal(mails(maildir).length, 1);
  } finally {
    await srv.stop();
    if (sink) await sink.stop();
  }
});

test('without a mail server the queue waits and the page says so', async () => {
  const { dir, db } = freshDb();
  addUser(db, 'post.staf', 'programmateam');
  const srv = await startServer({ db, dir });
  try {
    queueTest(db, 'wacht@example.org');
    const st = await login(srv.base, 'post.staf');
    const page = await st.get('/beheer/uitgaande-post');
    assert.equal(page.status, 200);
    assert.match(page.text, /Geen mailserver ingesteld: berichten blijven in de wachtrij/);
    assert.match(page.text, /wacht@example\.org/);
    assert.match(page.text, /In de wachtrij/);
  } finally {
    await srv.stop();
  }
});
