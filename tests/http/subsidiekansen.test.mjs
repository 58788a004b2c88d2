// subsidiekansen — funding calls against the real binary, on SQLite or
// PostgreSQL:
//   - province staff record and change calls (form and API, PATCH with
//     If-Match); bad input (deadline before opening, no http(s) link,
//     unknown theme, negative budget, rate over 100, empty title, a past
//     deadline without a status note) gives Dutch field errors and writes
//     nothing
//   - the public list: open calls by deadline, then upcoming, then closed
//     ones in their own section; filters thema= and binnen= (page) and
//     thema, binnenDagen, status (API); budgets in Dutch notation
//   - partner editors mark and withdraw interest for their own
//     organisation; other editors, anonymous visitors and staff may not
//   - staff see which organisations are interested, by whom and why; the
//     public sees only the count (pages, API, iCal, history)
//   - the iCal feed of deadlines parses with ical.js
//   - deadline reminders through a real SMTP server (tests/http/smtp_sink.py):
//     `atlas herinneringen` queues the one due reminder of a mark that asked
//     for it; it arrives once, however often the sweep runs; none for an
//     opted-out or withdrawn mark; a moved deadline gets its own reminder;
//     staff see the reminders on the call page, nobody sees an address.
// Every call and person is fictional.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import {
  ROOT, atlas, freePort, startServer, addUser, addToken, login, anonymous, apiClient, sql, decodeEntities, assertControlsLabelled,
} from './harness.mjs';
import { assertValidPages } from './vnu.mjs';

const day = (n) => new Date(Date.now() + n * 86400e3).toISOString().slice(0, 10);

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const SINK = path.join(ROOT, 'tests', 'http', 'smtp_sink.py');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const MAIL = {
  p: 'redacteur.subsidieveld@voorbeeld.nl',
  q: 'redacteur.tweede.kansdorp@voorbeeld.nl',
  r: 'redacteur.derde.kansdorp@voorbeeld.nl',
};

let srv, anon, sink, maildir, tmp;
const S = {};
const T = {};
const F = {};

const count = (q) => Number(String(sql(srv.db, q)).trim());
const calls = () => count('SELECT count(*) FROM funding_call');
const interests = () => count('SELECT count(*) FROM funding_interest');
const NAMES = ['Redacteur Subsidieveld', 'Redacteur Tweede Kansdorp', 'Redacteur Elders Bedacht'];
const NOTE = 'Fictief project Groene Wadi Kansdorp';

const call = (over = {}) => ({
  programma: 'interreg',
  titel: 'Fictieve oproep Grensloos Groen',
  link: 'https://voorbeeld.invalid/oproep/grensloos-groen',
  opent: '',
  deadline: day(20),
  themas: [],
  wieKanAanvragen: 'Gemeenten en waterschappen',
  budgetCenten: 250000000,
  cofinanciering: 40,
  omschrijving: 'Een verzonnen oproep voor de tests.',
  ...over,
});

// the same call as form fields
const formOf = (c) => {
  const f = [
    ['programma', c.programma], ['titel', c.titel], ['link', c.link], ['opent', c.opent || ''],
    ['deadline', c.deadline], ['wieKanAanvragen', c.wieKanAanvragen || ''],
    ['budget', c.budget ?? ''], ['cofinanciering', String(c.cofinanciering ?? '')],
    ['omschrijving', c.omschrijving || ''], ['statusNotitie', c.statusNotitie || ''],
  ];
  for (const t of c.themas || []) f.push(['themas', t]);
  return f;
};

async function startSink(port, dir) {
  const proc = spawn(PYTHON, [SINK, String(port), dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  const exited = new Promise((r) => proc.on('exit', r));
  const until = Date.now() + 20_000;
  while (!out.includes('ready')) {
    if (proc.exitCode !== null || Date.now() > until) throw new Error('smtp sink did not start');
    await sleep(50);
  }
  return { async stop() { proc.kill('SIGTERM'); await Promise.race([exited, sleep(5000)]); } };
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

// Every received message: {to (envelope), head, body (decoded)}.
function mails() {
  if (!existsSync(maildir)) return [];
  return readdirSync(maildir).filter((f) => f.endsWith('.eml')).sort().map((f) => {
    const all = readFileSync(path.join(maildir, f), 'latin1');
    const nl = all.indexOf('\r\n');
    const raw = all.slice(nl + 2);
    const split = raw.indexOf('\r\n\r\n');
    return { to: all.slice(0, nl).split(' -> ')[1], head: raw.slice(0, split), body: qpDecode(raw.slice(split + 4)) };
  });
}

async function waitMail(pred, what) {
  const until = Date.now() + 45_000;
  for (;;) {
    const m = mails().filter(pred);
    if (m.length) return m;
    if (Date.now() > until) assert.fail(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

// The outbox is empty of reminders: nothing queued or being sent.
async function outboxSettled() {
  const until = Date.now() + 45_000;
  while (count("SELECT count(*) FROM outbox WHERE kind = 'subsidiekans-herinnering' AND status IN ('queued', 'sending')") > 0) {
    if (Date.now() > until) assert.fail('reminders stayed in the queue');
    await sleep(100);
  }
}

// `atlas herinneringen`: the sweep now (with the server's public address for
// the links); returns its output line.
function sweep() {
  const r = atlas(['herinneringen', '--db', srv.db], { env: { ATLAS_PUBLIC_URL: 'https://atlas.example.org/' } });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

before(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'atlas-subsidiekansen-'));
  maildir = path.join(tmp, 'mail');
  const smtpPort = await freePort();
  sink = await startSink(smtpPort, maildir);
  srv = await startServer({
    env: {
      ATLAS_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      ATLAS_SMTP_TLS: 'nee',
      ATLAS_MAIL_FROM: 'atlas@example.org',
      ATLAS_MAIL_POLL_MS: '100',
      ATLAS_PUBLIC_URL: 'https://atlas.example.org/',
    },
  });
  anon = anonymous(srv.base);
  const orgs = await anon.getJson('/api/v1/organisaties?soort=gemeente&paginaGrootte=100');
  const inProv = orgs.organisaties.filter((o) => o.inProvincie === true);
  const outside = orgs.organisaties.find((o) => o.inProvincie === false) ||
    (await anon.getJson('/api/v1/organisaties?soort=provincie&paginaGrootte=100')).organisaties.find((o) => o.code);
  [F.P, F.Q, F.R] = [inProv[0], inProv[1], inProv[2]];
  F.X = outside;
  assert.ok(F.P && F.Q && F.R && F.X);
  const doms = await anon.getJson('/api/v1/beleidsdomeinen');
  const list = doms.beleidsdomeinen || doms.items || doms;
  F.D1 = list[0].key || list[0].sleutel || list[0].code;
  F.D2 = list[1].key || list[1].sleutel || list[1].code;
  assert.ok(F.D1 && F.D2, JSON.stringify(list[0]));
  addUser(srv.db, 'sk-staf', 'programmateam', { display: 'Stafmedewerker Subsidiedorp' });
  addUser(srv.db, 'sk-ah', 'accounthouder', { display: 'Accounthouder Subsidiedorp' });
  addUser(srv.db, 'sk-red-p', 'redacteur', { org: F.P.code, display: NAMES[0], extra: ['--email', MAIL.p] });
  addUser(srv.db, 'sk-red-q', 'redacteur', { org: F.Q.code, display: NAMES[1], extra: ['--email', MAIL.q] });
  addUser(srv.db, 'sk-red-x', 'redacteur', { org: F.X.code, display: NAMES[2] });
  addUser(srv.db, 'sk-red-r', 'redacteur', { org: F.R.code, display: 'Redacteur Derde Kansdorp', extra: ['--email', MAIL.r] });
  for (const n of ['sk-staf', 'sk-ah', 'sk-red-p', 'sk-red-q', 'sk-red-x', 'sk-red-r']) {
    S[n] = await login(srv.base, n);
    T[n] = apiClient(srv, addToken(srv.db, n, 'test'));
  }
  T.anon = apiClient(srv, '');
});

after(async () => {
  await srv?.stop();
  await sink?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('staff record a call through the form; the list and page show it to everyone', async () => {
  const form = await S['sk-ah'].get('/kennis/subsidiekansen/nieuw');
  assert.equal(form.status, 200);
  assertControlsLabelled('atlas-edit-form', form.text);
  const loc = await S['sk-ah'].submit('/kennis/subsidiekansen',
    formOf(call({ titel: 'Fictieve oproep Waterrijk Verzonnen', budget: '2.500.000', themas: [F.D1] })));
  const m = /\/kennis\/subsidiekansen\/(\d+)\?melding=opgeslagen/.exec(loc);
  assert.ok(m, loc);
  F.A = Number(m[1]);
  const page = await anon.get(`/kennis/subsidiekansen/${F.A}`);
  assert.equal(page.status, 200);
  const text = decodeEntities(page.text);
  assert.match(text, /Fictieve oproep Waterrijk Verzonnen/);
  assert.match(text, /€ 2\.500\.000/);
  assert.match(text, /40 procent/);
  assert.match(text, /Interreg/);
  assert.match(text, /Nog geen organisaties hebben interesse gemeld/);
  assert.doesNotMatch(text, /bewerken/);
  const list = decodeEntities((await anon.get('/kennis/subsidiekansen')).text);
  assert.match(list, /Fictieve oproep Waterrijk Verzonnen/);
  assert.match(list, /href="\/kennis\/subsidiekansen\.ics"/);
});

test('bad input gives Dutch field errors and writes nothing (form and API)', async () => {
  const before = calls();
  const bad = [
    [{ titel: '' }, 'titel', /titel/i],
    [{ titel: '   ' }, 'titel', /titel/i],
    [{ opent: day(30), deadline: day(10) }, 'deadline', /voor de openingsdatum/],
    [{ link: 'ftp://voorbeeld.invalid/x' }, 'link', /https:\/\/ of http:\/\//],
    [{ link: 'javascript:alert(1)' }, 'link', /https:\/\/ of http:\/\//],
    [{ themas: ['bestaat-niet-thema'] }, 'themas', /bestaat niet/],
    [{ budget: '-5', budgetCenten: -500 }, 'budget', /negatief/],
    [{ cofinanciering: 101 }, 'cofinanciering', /0 tot en met 100/],
    [{ deadline: day(-10) }, 'statusNotitie', /statusnotitie/],
    [{ programma: 'verzonnen' }, 'programma', /programma/],
    [{ deadline: '31-12-2027' }, 'deadline', /datum/],
  ];
  for (const [over, field, msg] of bad) {
    const c = call(over);
    const r = await S['sk-ah'].post('/kennis/subsidiekansen', formOf({ ...c, budget: over.budget ?? '' }));
    assert.equal(r.status, 400, `${field}: ${r.status}`);
    assert.match(decodeEntities(r.text), msg, field);
    assert.match(r.text, new RegExp(`href="#f-${field}"`), `the summary links ${field}`);
    const { budget, ...body } = c;
    const a = await T['sk-staf'].call('POST', '/api/v1/kennis/subsidiekansen', { body });
    assert.equal(a.status, 400, `${field} (API): ${a.text}`);
    assert.ok(a.json.invalidParams.some((p) => p.name === field && msg.test(p.reason)), `${field}: ${a.text}`);
  }
  const unknown = await T['sk-staf'].call('POST', '/api/v1/kennis/subsidiekansen', { body: { ...call(), geheim: 1 } });
  assert.equal(unknown.status, 400);
  assert.equal(calls(), before, 'nothing written');
});

test('a past call is recorded only with a status note, and is kept in its own section', async () => {
  const r = await T['sk-staf'].call('POST', '/api/v1/kennis/subsidiekansen', {
    body: call({ titel: 'Fictieve gesloten oproep Oud Kansdorp', opent: day(-90), deadline: day(-30), statusNotitie: 'Gesloten; opgenomen voor het overzicht.', themas: [F.D2] }),
  });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.status, 'gesloten');
  F.PAST = r.json.id;
  const up = await T['sk-staf'].call('POST', '/api/v1/kennis/subsidiekansen', {
    body: call({ titel: 'Fictieve komende oproep Later Kansdorp', programma: 'life', opent: day(40), deadline: day(120), themas: [F.D1, F.D2], budgetCenten: null, cofinanciering: null }),
  });
  assert.equal(up.status, 201, up.text);
  assert.equal(up.json.status, 'komend');
  F.UP = up.json.id;
  const soon = await T['sk-staf'].call('POST', '/api/v1/kennis/subsidiekansen', {
    body: call({ titel: 'Fictieve spoedoproep Morgen Kansdorp', programma: 'spuk', deadline: day(5), themas: [F.D2] }),
  });
  F.SOON = soon.json.id;
  const html = decodeEntities((await anon.get('/kennis/subsidiekansen')).text);
  const iOpen = html.indexOf('id="open"'), iUp = html.indexOf('id="komend"'), iPast = html.indexOf('id="gesloten"');
  assert.ok(iOpen > 0 && iUp > iOpen && iPast > iUp, 'three sections in order');
  const pos = (t) => html.indexOf(t);
  assert.ok(pos('Fictieve spoedoproep Morgen Kansdorp') > iOpen && pos('Fictieve spoedoproep Morgen Kansdorp') < pos('Fictieve oproep Waterrijk Verzonnen'), 'open calls by deadline');
  assert.ok(pos('Fictieve komende oproep Later Kansdorp') > iUp && pos('Fictieve komende oproep Later Kansdorp') < iPast);
  assert.ok(pos('Fictieve gesloten oproep Oud Kansdorp') > iPast);
  const page = decodeEntities((await anon.get(`/kennis/subsidiekansen/${F.PAST}`)).text);
  assert.match(page, /Gesloten; opgenomen voor het overzicht/);
});

test('filters: theme and deadline window on the page (a GET form) and the API', async () => {
  const page = await anon.get('/kennis/subsidiekansen');
  assert.match(page.text, /<form[^>]*method="get"[^>]*action="\/kennis\/subsidiekansen"/);
  assertControlsLabelled('atlas-filter', page.text);
  const byTheme = decodeEntities((await anon.get(`/kennis/subsidiekansen?thema=${F.D1}`)).text);
  assert.match(byTheme, /Fictieve oproep Waterrijk Verzonnen/);
  assert.match(byTheme, /Fictieve komende oproep Later Kansdorp/);
  assert.doesNotMatch(byTheme, /Fictieve spoedoproep Morgen Kansdorp/);
  const win = decodeEntities((await anon.get('/kennis/subsidiekansen?binnen=30')).text);
  assert.match(win, /Fictieve spoedoproep Morgen Kansdorp/);
  assert.match(win, /Fictieve oproep Waterrijk Verzonnen/);
  assert.doesNotMatch(win, /Fictieve komende oproep Later Kansdorp/);
  assert.doesNotMatch(win, /Fictieve gesloten oproep Oud Kansdorp/);
  const odd = await anon.get('/kennis/subsidiekansen?binnen=veel&thema=bestaat-niet');
  assert.equal(odd.status, 200);
  assert.match(decodeEntities(odd.text), /Kies een deadline uit de lijst/);
  const api = await T.anon.call('GET', `/api/v1/kennis/subsidiekansen?thema=${F.D2}&status=open`);
  assert.equal(api.status, 200);
  assert.deepEqual(api.json.subsidiekansen.map((c) => c.id), [F.SOON]);
  const w = await T.anon.call('GET', '/api/v1/kennis/subsidiekansen?binnenDagen=10');
  assert.deepEqual(w.json.subsidiekansen.map((c) => c.id), [F.SOON]);
  const all = await T.anon.call('GET', '/api/v1/kennis/subsidiekansen');
  assert.equal(all.json.totaal, 4);
  assert.deepEqual(all.json.subsidiekansen.map((c) => c.status), ['open', 'open', 'komend', 'gesloten']);
  for (const q of ['status=dicht', 'binnenDagen=0', 'binnenDagen=abc', 'thema=bestaat-niet']) {
    const r = await T.anon.call('GET', `/api/v1/kennis/subsidiekansen?${q}`);
    assert.equal(r.status, 400, q);
  }
});

test('staff change a call: the form keeps the version, the API needs If-Match', async () => {
  const edit = await S['sk-staf'].get(`/kennis/subsidiekansen/${F.A}/bewerken`);
  assert.equal(edit.status, 200);
  assert.match(edit.text, /name="versie" value="1"/);
  const fields = formOf(call({ titel: 'Fictieve oproep Waterrijk Herzien', budget: '1.250.000,50', themas: [F.D1] }));
  await S['sk-staf'].submit(`/kennis/subsidiekansen/${F.A}/bewerken`, [['versie', '1'], ...fields]);
  const stale = await S['sk-staf'].post(`/kennis/subsidiekansen/${F.A}/bewerken`, [['versie', '1'], ...fields]);
  assert.equal(stale.status, 409);
  assert.match(decodeEntities(stale.text), /intussen door iemand anders gewijzigd/);
  const got = await T.anon.call('GET', `/api/v1/kennis/subsidiekansen/${F.A}`);
  assert.equal(got.json.titel, 'Fictieve oproep Waterrijk Herzien');
  assert.equal(got.json.budgetCenten, 125000050);
  assert.equal(got.json.versie, 2);
  const etag = got.headers.get('etag');
  assert.equal(etag, `"sk${F.A}-v2"`);
  const none = await T['sk-staf'].call('PATCH', `/api/v1/kennis/subsidiekansen/${F.A}`, { body: { titel: 'X' } });
  assert.equal(none.status, 428);
  const old = await T['sk-staf'].call('PATCH', `/api/v1/kennis/subsidiekansen/${F.A}`, { body: { titel: 'X' }, ifMatch: `"sk${F.A}-v1"` });
  assert.equal(old.status, 412);
  const bad = await T['sk-staf'].call('PATCH', `/api/v1/kennis/subsidiekansen/${F.A}`, { body: { cofinanciering: 150 }, ifMatch: etag });
  assert.equal(bad.status, 400);
  const ok = await T['sk-staf'].call('PATCH', `/api/v1/kennis/subsidiekansen/${F.A}`, { body: { cofinanciering: 50, omschrijving: null }, ifMatch: etag });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.cofinanciering, 50);
  assert.equal(ok.json.omschrijving, null);
  assert.equal(ok.json.titel, 'Fictieve oproep Waterrijk Herzien', 'members left out are kept');
  assert.equal(ok.json.versie, 3);
  // a recorded past call can be edited without touching its deadline
  const past = await T['sk-staf'].call('GET', `/api/v1/kennis/subsidiekansen/${F.PAST}`);
  const p2 = await T['sk-staf'].call('PATCH', `/api/v1/kennis/subsidiekansen/${F.PAST}`, { body: { statusNotitie: null, titel: 'Fictieve gesloten oproep Oud Kansdorp' }, ifMatch: past.headers.get('etag') });
  assert.equal(p2.status, 200, p2.text);
  assert.equal((await T['sk-staf'].call('PATCH', '/api/v1/kennis/subsidiekansen/999999', { body: {}, ifMatch: '*' })).status, 404);
});

test('who may write: editors and anonymous visitors never; accounthouders and programmateam do', async () => {
  const before = calls();
  for (const n of ['sk-red-p', 'sk-red-x']) {
    assert.equal((await S[n].get('/kennis/subsidiekansen/nieuw')).status, 403, n);
    assert.equal((await S[n].get(`/kennis/subsidiekansen/${F.A}/bewerken`)).status, 403, n);
    assert.equal((await S[n].post('/kennis/subsidiekansen', formOf(call()))).status, 403, n);
    assert.equal((await S[n].post(`/kennis/subsidiekansen/${F.A}/bewerken`, formOf(call()))).status, 403, n);
    assert.equal((await T[n].call('POST', '/api/v1/kennis/subsidiekansen', { body: call() })).status, 403, n);
    assert.equal((await T[n].call('PATCH', `/api/v1/kennis/subsidiekansen/${F.A}`, { body: {}, ifMatch: '*' })).status, 403, n);
  }
  const a = await anon.get('/kennis/subsidiekansen/nieuw');
  assert.ok([302, 303, 401].includes(a.status), String(a.status));
  assert.equal((await T.anon.call('POST', '/api/v1/kennis/subsidiekansen', { body: call() })).status, 401);
  assert.equal(calls(), before);
  const list = await S['sk-staf'].get('/kennis/subsidiekansen');
  assert.match(list.text, /href="\/kennis\/subsidiekansen\/nieuw"/);
  assert.doesNotMatch((await S['sk-red-p'].get('/kennis/subsidiekansen')).text, /href="\/kennis\/subsidiekansen\/nieuw"/);
});

test('partner editors mark and withdraw interest for their own organisation; others may not', async () => {
  const page = await S['sk-red-p'].get(`/kennis/subsidiekansen/${F.A}`);
  assert.match(page.text, /Interesse melden voor mijn organisatie/);
  assertControlsLabelled('interesse-form', page.text);
  const long = await S['sk-red-p'].post(`/kennis/subsidiekansen/${F.A}/interesse`, { toelichting: 'x'.repeat(1001) });
  assert.equal(long.status, 400);
  assert.equal(interests(), 0);
  const loc = await S['sk-red-p'].submit(`/kennis/subsidiekansen/${F.A}/interesse`, { toelichting: NOTE });
  assert.match(loc, /melding=interesse/);
  assert.equal(interests(), 1);
  const twice = await S['sk-red-p'].post(`/kennis/subsidiekansen/${F.A}/interesse`, { toelichting: '' });
  assert.equal(twice.status, 409);
  assert.match((await S['sk-red-p'].get(`/kennis/subsidiekansen/${F.A}`)).text, /Interesse intrekken/);
  // the API: a second partner marks, withdraws and marks again
  const q = await T['sk-red-q'].call('POST', `/api/v1/kennis/subsidiekansen/${F.A}/interesse`, { body: { toelichting: 'Fictieve bundel Tweede Kansdorp' } });
  assert.equal(q.status, 201, q.text);
  assert.equal(q.json.interesseEigenOrganisatie, true);
  assert.equal(q.json.interesseAantal, 2);
  assert.equal(q.json.interesse, undefined, 'a partner never sees the others');
  assert.equal((await T['sk-red-q'].call('POST', `/api/v1/kennis/subsidiekansen/${F.A}/interesse`)).status, 409);
  assert.equal((await T['sk-red-q'].call('DELETE', `/api/v1/kennis/subsidiekansen/${F.A}/interesse`)).status, 204);
  assert.equal((await T['sk-red-q'].call('DELETE', `/api/v1/kennis/subsidiekansen/${F.A}/interesse`)).status, 409);
  assert.equal((await T['sk-red-q'].call('POST', `/api/v1/kennis/subsidiekansen/${F.A}/interesse`)).status, 201);
  // not a partner, staff, anonymous: refused, nothing written
  const n = interests();
  assert.equal((await S['sk-red-x'].post(`/kennis/subsidiekansen/${F.A}/interesse`, {})).status, 403);
  assert.equal((await T['sk-red-x'].call('POST', `/api/v1/kennis/subsidiekansen/${F.A}/interesse`)).status, 403);
  assert.equal((await S['sk-staf'].post(`/kennis/subsidiekansen/${F.A}/interesse`, {})).status, 403);
  assert.equal((await T['sk-ah'].call('DELETE', `/api/v1/kennis/subsidiekansen/${F.A}/interesse`)).status, 403);
  assert.equal((await T.anon.call('POST', `/api/v1/kennis/subsidiekansen/${F.A}/interesse`)).status, 401);
  assert.equal((await T['sk-red-p'].call('POST', '/api/v1/kennis/subsidiekansen/999999/interesse')).status, 404);
  assert.equal(interests(), n);
  // withdrawing through the form
  await S['sk-red-p'].submit(`/kennis/subsidiekansen/${F.A}/interesse`, { actie: 'intrekken' });
  assert.equal(interests(), n - 1);
  await S['sk-red-p'].submit(`/kennis/subsidiekansen/${F.A}/interesse`, { toelichting: NOTE });
});

test('staff see who is interested; the public sees only the count', async () => {
  const staff = decodeEntities((await S['sk-ah'].get(`/kennis/subsidiekansen/${F.A}`)).text);
  assert.match(staff, /Organisaties met interesse/);
  assert.ok(staff.includes(F.P.naam || F.P.name || F.P.code));
  assert.ok(staff.includes(NAMES[0]) && staff.includes(NOTE));
  const api = await T['sk-staf'].call('GET', `/api/v1/kennis/subsidiekansen/${F.A}`);
  assert.equal(api.json.interesse.length, 2);
  assert.ok(api.json.interesse.some((x) => x.gemeldDoor === NAMES[0] && x.toelichting === NOTE));
  const publicTexts = [
    (await anon.get(`/kennis/subsidiekansen/${F.A}`)).text,
    (await anon.get('/kennis/subsidiekansen')).text,
    (await anon.get('/kennis/subsidiekansen.ics')).text,
    (await T.anon.call('GET', `/api/v1/kennis/subsidiekansen/${F.A}`)).text,
    (await T.anon.call('GET', '/api/v1/kennis/subsidiekansen')).text,
    (await S['sk-red-q'].get(`/kennis/subsidiekansen/${F.A}`)).text,
    (await T['sk-red-q'].call('GET', `/api/v1/kennis/subsidiekansen/${F.A}`)).text,
    (await anon.get('/wijzigingen')).text,
    (await anon.get('/zoeken?q=Kansdorp')).text,
  ].map(decodeEntities);
  publicTexts.forEach((t, i) => {
    // pages 5 and 6 are the second partner's own: its header names the reader
    const names = i === 5 || i === 6 ? [NAMES[0], NAMES[2]] : NAMES;
    for (const s of [...names, NOTE, 'Fictieve bundel Tweede Kansdorp', ...Object.values(MAIL)]) assert.ok(!t.includes(s), `${i} leaked ${s}`);
  });
  assert.match(publicTexts[0], /2 organisaties hebben interesse gemeld/);
  assert.equal(JSON.parse(publicTexts[3]).interesseAantal, 2);
  assert.equal(JSON.parse(publicTexts[3]).interesse, undefined);
});

test('the iCal feed holds every deadline as an all-day event', async () => {
  const r = await anon.get('/kennis/subsidiekansen.ics');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /text\/calendar/);
  const comp = new ICAL.Component(ICAL.parse(r.text));
  const events = comp.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  assert.equal(events.length, 4);
  const a = events.find((e) => e.uid === `subsidiekans-${F.A}@samenwerkingsatlas`);
  assert.ok(a);
  assert.equal(a.startDate.isDate, true, 'all-day');
  assert.equal(a.startDate.toString(), day(20));
  assert.match(a.summary, /Deadline: Fictieve oproep Waterrijk Herzien/);
  assert.ok(r.text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75), 'folded lines');
});

test('unknown calls are 404 everywhere', async () => {
  for (const p of ['/kennis/subsidiekansen/999999', '/kennis/subsidiekansen/abc', '/kennis/subsidiekansen/0']) {
    assert.equal((await anon.get(p)).status, 404, p);
  }
  assert.equal((await S['sk-staf'].get('/kennis/subsidiekansen/999999/bewerken')).status, 404);
  assert.equal((await T.anon.call('GET', '/api/v1/kennis/subsidiekansen/999999')).status, 404);
});

test('every variant of the list, the call page and the form passes the Nu HTML Checker', async () => {
  const pages = [
    ['lijst', (await anon.get('/kennis/subsidiekansen')).text],
    ['lijst-filter', (await anon.get(`/kennis/subsidiekansen?thema=${F.D1}&binnen=90`)).text],
    ['lijst-staf', (await S['sk-ah'].get('/kennis/subsidiekansen')).text],
    ['oproep-anoniem', (await anon.get(`/kennis/subsidiekansen/${F.A}`)).text],
    ['oproep-partner', (await S['sk-red-p'].get(`/kennis/subsidiekansen/${F.A}`)).text],
    ['oproep-partner-nieuw', (await S['sk-red-p'].get(`/kennis/subsidiekansen/${F.UP}`)).text],
    ['oproep-partner-fout', (await S['sk-red-p'].post(`/kennis/subsidiekansen/${F.UP}/interesse`, { toelichting: 'x'.repeat(1001) })).text],
    ['oproep-staf', (await S['sk-ah'].get(`/kennis/subsidiekansen/${F.A}`)).text],
    ['formulier', (await S['sk-ah'].get('/kennis/subsidiekansen/nieuw')).text],
    ['formulier-fout', (await S['sk-ah'].post('/kennis/subsidiekansen', formOf(call({ titel: '', cofinanciering: 300 })))).text],
    ['bewerken', (await S['sk-ah'].get(`/kennis/subsidiekansen/${F.A}/bewerken`)).text],
  ];
  await assertValidPages(path.join(srv.dir, 'vnu-subsidiekansen'), pages);
});

test('a malformed ATLAS_SUBSIDIEKANSEN_HERINNERING_DAGEN stops the sweep and the server with a Dutch message', async () => {
  for (const bad of ['14;3', 'veertien', '14,', '400']) {
    const r = atlas(['herinneringen', '--db', srv.db], { env: { ATLAS_SUBSIDIEKANSEN_HERINNERING_DAGEN: bad } });
    assert.equal(r.status, 1, bad);
    assert.match(r.stderr, /ATLAS_SUBSIDIEKANSEN_HERINNERING_DAGEN moet een lijst van/, bad);
  }
  const s = atlas(['serve', '--db', srv.db, '--port', '0'], { env: { ATLAS_SUBSIDIEKANSEN_HERINNERING_DAGEN: '3,x' } });
  assert.equal(s.status, 1);
  assert.match(s.stderr, /atlas serve: ATLAS_SUBSIDIEKANSEN_HERINNERING_DAGEN/);
});

test('deadline reminders: once per mark that asked for one, by mail, never for an opted-out or withdrawn mark', async () => {
  const c = await T['sk-staf'].call('POST', '/api/v1/kennis/subsidiekansen', {
    body: call({ titel: 'Fictieve oproep Herinnering Kansdorp', programma: 'efro', deadline: day(10) }),
  });
  assert.equal(c.status, 201, c.text);
  const id = c.json.id;
  // P through the form: the checkbox is on by default
  const page = await S['sk-red-p'].get(`/kennis/subsidiekansen/${id}`);
  assert.match(page.text, /<input[^>]*type="checkbox"[^>]*name="herinnering"[^>]*checked>/);
  assert.match(decodeEntities(page.text), /Herinnering sturen voor de deadline/);
  assertControlsLabelled('interesse-form', page.text);
  await S['sk-red-p'].submit(`/kennis/subsidiekansen/${id}/interesse`, { toelichting: 'Fictief plan Herinneringswadi', herinnering: 'ja' });
  assert.match(decodeEntities((await S['sk-red-p'].get(`/kennis/subsidiekansen/${id}`)).text), /U krijgt een herinnering per e-mail/);
  // Q through the API: no reminder; a wrong type is a Dutch 400
  const wrong = await T['sk-red-q'].call('POST', `/api/v1/kennis/subsidiekansen/${id}/interesse`, { body: { herinnering: 'ja' } });
  assert.equal(wrong.status, 400);
  assert.ok(wrong.json.invalidParams.some((p) => p.name === 'herinnering'));
  const q = await T['sk-red-q'].call('POST', `/api/v1/kennis/subsidiekansen/${id}/interesse`, { body: { herinnering: false } });
  assert.equal(q.status, 201, q.text);
  assert.equal(q.json.herinneringEigenOrganisatie, false);
  // R through the API with the default (on), then withdrawn
  const r = await T['sk-red-r'].call('POST', `/api/v1/kennis/subsidiekansen/${id}/interesse`, { body: {} });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.herinneringEigenOrganisatie, true);
  assert.equal((await T['sk-red-r'].call('DELETE', `/api/v1/kennis/subsidiekansen/${id}/interesse`)).status, 204);
  const staffApi = await T['sk-staf'].call('GET', `/api/v1/kennis/subsidiekansen/${id}`);
  assert.deepEqual(staffApi.json.interesse.map((x) => x.herinnering).sort(), [false, true]);

  // the sweep: one mail, to P, for the 14-day lead time (ten days to go: the nearest due)
  assert.match(sweep(), /^1 herinnering\(en\) in de wachtrij gezet \(14 en 3 dagen/);
  const got = await waitMail((m) => m.head.includes('Fictieve oproep Herinnering Kansdorp') || m.body.includes('Fictieve oproep Herinnering Kansdorp'), 'the reminder');
  assert.equal(got.length, 1);
  assert.equal(got[0].to, MAIL.p);
  assert.match(got[0].body, /De deadline is over 10 dagen/);
  assert.match(got[0].head, /^Subject: /m);
  assert.match(got[0].head, /^Message-ID: /im);
  assert.match(got[0].body, /Programma: EFRO/i);
  assert.match(got[0].body, /Fictief plan Herinneringswadi/);
  assert.match(got[0].body, new RegExp(`https://atlas\\.example\\.org/kennis/subsidiekansen/${id}`));
  assert.match(got[0].body, /https:\/\/voorbeeld\.invalid\/oproep\/grensloos-groen/);

  // twice more (and a restart of the sweep is just another run): nothing new
  assert.match(sweep(), /^0 herinnering/);
  assert.match(sweep(), /^0 herinnering/);
  await outboxSettled();
  await sleep(500);
  const mine = () => mails().filter((m) => m.body.includes(`/kennis/subsidiekansen/${id}`));
  assert.equal(mine().length, 1, 'sent once');
  assert.ok(!mails().some((m) => m.to === MAIL.q || m.to === MAIL.r), 'none for the opted-out or withdrawn mark');
  assert.equal(count(`SELECT count(*) FROM funding_reminder WHERE call_id = ${id}`), 1);
  // one audit event with a count, out of the public history
  assert.equal(count("SELECT count(*) FROM audit_event WHERE entity = 'funding_reminder'"), 1);

  // staff see it on the call page (organisation, date, status), no address anywhere public
  const staff = decodeEntities((await S['sk-ah'].get(`/kennis/subsidiekansen/${id}`)).text);
  assert.match(staff, /Herinneringen voor de deadline/);
  assert.match(staff, /14 dagen ervoor/);
  assert.match(staff, /verzonden op/);
  assert.ok(staff.includes(F.P.naam || F.P.name || F.P.code));
  assert.ok(!staff.includes(MAIL.p), 'no address, not even for staff');
  const rem = (await T['sk-staf'].call('GET', `/api/v1/kennis/subsidiekansen/${id}`)).json.herinneringen;
  assert.equal(rem.length, 1);
  assert.equal(rem[0].organisatie, F.P.code);
  assert.equal(rem[0].dagenVoorDeadline, 14);
  assert.equal(rem[0].status, 'verzonden');
  for (const t of [
    (await anon.get(`/kennis/subsidiekansen/${id}`)).text,
    (await S['sk-red-q'].get(`/kennis/subsidiekansen/${id}`)).text,
    (await T.anon.call('GET', `/api/v1/kennis/subsidiekansen/${id}`)).text,
    (await T['sk-red-p'].call('GET', `/api/v1/kennis/subsidiekansen/${id}`)).text,
    (await anon.get('/wijzigingen')).text,
  ].map(decodeEntities)) {
    assert.doesNotMatch(t, /Herinneringen voor de deadline|"herinneringen"/);
    for (const a of Object.values(MAIL)) assert.ok(!t.includes(a));
  }

  // the deadline moves closer: the reminder follows it (the 3-day one, for the new date), once
  const cur = await T['sk-staf'].call('GET', `/api/v1/kennis/subsidiekansen/${id}`);
  const moved = await T['sk-staf'].call('PATCH', `/api/v1/kennis/subsidiekansen/${id}`, { body: { deadline: day(2) }, ifMatch: cur.headers.get('etag') });
  assert.equal(moved.status, 200, moved.text);
  assert.match(sweep(), /^1 herinnering/);
  assert.match(sweep(), /^0 herinnering/);
  const second = await waitMail((m) => m.body.includes(`/kennis/subsidiekansen/${id}`) && /over 2 dagen/.test(m.body), 'the reminder for the new deadline');
  assert.equal(second.length, 1);
  assert.equal(second[0].to, MAIL.p);
  await outboxSettled();
  assert.equal(mine().length, 2);
  assert.deepEqual(
    String(sql(srv.db, `SELECT lead_days || ':' || deadline FROM funding_reminder WHERE call_id = ${id} ORDER BY lead_days`)).trim().split(/\s+/),
    [`3:${day(2)}`, `14:${day(10)}`],
  );
});

test('a withdrawn mark gets no reminder, and a closed call gets none', async () => {
  // deadline today: the 3-day reminder would be due
  const c = await T['sk-staf'].call('POST', '/api/v1/kennis/subsidiekansen', {
    body: call({ titel: 'Fictieve oproep Vandaag Kansdorp', deadline: day(0) }),
  });
  assert.equal(c.status, 201, c.text);
  const id = c.json.id;
  assert.equal((await T['sk-red-p'].call('POST', `/api/v1/kennis/subsidiekansen/${id}/interesse`, { body: {} })).status, 201);
  assert.equal((await T['sk-red-p'].call('DELETE', `/api/v1/kennis/subsidiekansen/${id}/interesse`)).status, 204);
  assert.match(sweep(), /^0 herinnering/);
  // closed: the deadline passed yesterday (recorded as a past call), marked: nothing
  const past = await T['sk-staf'].call('POST', '/api/v1/kennis/subsidiekansen', {
    body: call({ titel: 'Fictieve oproep Gisteren Kansdorp', deadline: day(-1), statusNotitie: 'Gesloten; voor het overzicht.' }),
  });
  assert.equal(past.status, 201, past.text);
  assert.equal((await T['sk-red-p'].call('POST', `/api/v1/kennis/subsidiekansen/${past.json.id}/interesse`, { body: {} })).status, 201);
  assert.match(sweep(), /^0 herinnering/);
  assert.equal(count(`SELECT count(*) FROM funding_reminder WHERE call_id IN (${id}, ${past.json.id})`), 0);
});
