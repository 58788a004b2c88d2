// bijeenkomsten — events with registration against the real binary, on
// SQLite or PostgreSQL, with a real SMTP server (tests/http/smtp_sink.py):
//   - events made and changed by province staff through the form and the
//     API, with Dutch field errors and nothing written on bad input; who may
//     do what (anonymous, partner editor, accounthouder, programmateam)
//   - the public list (upcoming, earlier) and event page with places left
//   - a guest's double opt-in: the confirmation link read out of the mail
//   - a signed-in user's one-step registration; fellow attendees only with
//     consent; the waiting list and its promotion mail; links used twice
//   - the reminder of the day before (queued once, withdrawn on cancel)
//   - capacity under 30 concurrent confirmations for 10 places
//   - staff attendee list, attendance and CSV; iCal (RFC 5545)
//   - privacy: no guest name or address on anonymous pages, the open API,
//     history, feeds or search; the rate limit and the deadline.
// All people are fictional.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import {
  ROOT, startServer, freePort, addUser, addToken, login, anonymous, apiClient, sql, csrfOf, decodeEntities, assertControlsLabelled,
} from './harness.mjs';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const SINK = path.join(ROOT, 'tests', 'http', 'smtp_sink.py');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const day = (n) => new Date(Date.now() + n * 86400e3).toISOString().slice(0, 10);
const FUTURE = day(30);
const GUEST_MAIL = 'fenna.kwakkel@voorbeeld.nl';
const GUEST_NAME = 'Fenna Kwakkelstaart';

let srv, anon, sink, maildir, tmp;
const S = {};
const T = {};

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

// Every received message: {to (envelope), body (decoded)}.
function mails() {
  if (!existsSync(maildir)) return [];
  return readdirSync(maildir).filter((f) => f.endsWith('.eml')).sort().map((f) => {
    const all = readFileSync(path.join(maildir, f), 'latin1');
    const nl = all.indexOf('\r\n');
    const envelope = all.slice(0, nl);
    const raw = all.slice(nl + 2);
    const split = raw.indexOf('\r\n\r\n');
    return { to: envelope.split(' -> ')[1], head: raw.slice(0, split), body: qpDecode(raw.slice(split + 4)) };
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

const linkIn = (body, kind) => {
  const m = new RegExp(`/bijeenkomsten/${kind}/([A-Za-z0-9_-]+)`).exec(body);
  assert.ok(m, `no ${kind} link in: ${body}`);
  return `/bijeenkomsten/${kind}/${m[1]}`;
};

const count = (q) => Number(String(sql(srv.db, q)).trim());

const event = (over = {}) => ({
  soort: 'netwerkdag',
  doelgroep: '',
  titel: 'Netwerkdag Samen Sterker',
  omschrijving: 'Een dag over regionale samenwerking.',
  begin: `${FUTURE}T10:00`,
  einde: `${FUTURE}T16:00`,
  locatie: 'Provinciehuis, Utrecht',
  onlineLink: '',
  casus: 'REP',
  capaciteit: '40',
  aanmeldenTot: '',
  organisator: 'Provincie Utrecht',
  ...over,
});

// A guest registration through the page: GET for the cookie and token, then POST.
async function guestRegister(id, name, email, extra = {}) {
  const page = await fetch(`${srv.base}/bijeenkomsten/${id}`);
  const html = await page.text();
  const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('atlas_aanmelding='));
  assert.ok(cookie, 'a form cookie for guests');
  const body = new URLSearchParams({ csrf: csrfOf(html), naam: name, organisatie: 'Gemeente Fictief', email, ...extra });
  const r = await fetch(`${srv.base}/bijeenkomsten/${id}/aanmelden`, {
    method: 'POST', redirect: 'manual', body, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
  });
  return { status: r.status, location: r.headers.get('location'), text: await r.text() };
}

async function createApi(over = {}) {
  const r = await T.staf.call('POST', '/api/v1/bijeenkomsten', { body: { ...event(), capaciteit: 40, ...over } });
  assert.equal(r.status, 201, r.text);
  return r.json.id;
}

before(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'atlas-bijeenkomsten-'));
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
      ATLAS_BIJEENKOMSTEN_PER_UUR: '1000',
    },
  });
  anon = anonymous(srv.base);
  const orgs = await anon.getJson('/api/v1/organisaties?soort=gemeente&paginaGrootte=10');
  const P = orgs.organisaties[0].code;
  addUser(srv.db, 'ev-staf', 'programmateam', { display: 'Stafmedewerker Testdorp' });
  addUser(srv.db, 'ev-ah', 'accounthouder', { display: 'Accounthouder Fictief' });
  addUser(srv.db, 'ev-red', 'redacteur', { org: P, display: 'Redacteur Verzonnen', extra: ['--email', 'redacteur.verzonnen@voorbeeld.nl'] });
  addUser(srv.db, 'ev-red2', 'redacteur', { org: P, display: 'Tweede Redacteur Bedacht' });
  for (const n of ['ev-staf', 'ev-ah', 'ev-red', 'ev-red2']) S[n] = await login(srv.base, n);
  T.staf = apiClient(srv, addToken(srv.db, 'ev-staf', 'test'));
  T.ah = apiClient(srv, addToken(srv.db, 'ev-ah', 'test'));
  T.red = apiClient(srv, addToken(srv.db, 'ev-red', 'test'));
  T.anon = apiClient(srv, '');
});

after(async () => {
  await srv?.stop();
  await sink?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('only province staff make events; bad input gives Dutch field errors and writes nothing', async () => {
  // anonymous: sent to sign in; a partner editor: 403
  const a = await anon.get('/bijeenkomsten/nieuw');
  assert.ok([302, 303, 401].includes(a.status), `anonymous: ${a.status}`);
  assert.equal((await S['ev-red'].get('/bijeenkomsten/nieuw')).status, 403);
  assert.equal((await S['ev-red'].post('/bijeenkomsten', event())).status, 403);
  assert.notEqual((await anon.post('/bijeenkomsten', event(), { csrf: null })).status, 303);
  assert.equal((await T.red.call('POST', '/api/v1/bijeenkomsten', { body: event() })).status, 403);
  assert.equal((await T.anon.call('POST', '/api/v1/bijeenkomsten', { body: event() })).status, 401);
  assert.equal(count('SELECT count(*) FROM event'), 0);

  const form = await S['ev-ah'].get('/bijeenkomsten/nieuw');
  assert.equal(form.status, 200);
  assertControlsLabelled('bijeenkomst-form', form.text);
  const bad = [
    [{ begin: '2020-01-01T10:00', einde: '2020-01-01T12:00' }, 'begin', /verleden/],
    [{ einde: `${FUTURE}T09:00` }, 'einde', /vóór of op het begin/],
    [{ aanmeldenTot: `${FUTURE}T11:00` }, 'aanmeldenTot', /vóór het begin/],
    [{ capaciteit: '0' }, 'capaciteit', /minstens 1/],
    [{ soort: 'reflectieve_sessie' }, 'doelgroep', /doelgroep/],
    [{ locatie: '', onlineLink: '' }, 'locatie', /locatie of een onlinelink/],
  ];
  for (const [over, field, msg] of bad) {
    const r = await S['ev-ah'].post('/bijeenkomsten', event(over));
    assert.equal(r.status, 400, `${field}: ${r.status}`);
    assert.match(decodeEntities(r.text), msg, field);
    assert.match(r.text, new RegExp(`href="#f-${field}"`), `summary links ${field}`);
    const api = await T.ah.call('POST', '/api/v1/bijeenkomsten', { body: event(over) });
    assert.equal(api.status, 400, `API ${field}`);
    assert.ok(api.json.invalidParams.some((p) => p.name === field), `API names ${field}: ${api.text}`);
  }
  assert.equal(count('SELECT count(*) FROM event'), 0, 'nothing written');

  const loc = await S['ev-ah'].submit('/bijeenkomsten', event({ titel: 'Kennissessie Wonen', soort: 'kennissessie' }));
  assert.match(loc, /^\/bijeenkomsten\/\d+\?melding=opgeslagen$/);
  const page = await S['ev-ah'].get(loc);
  assert.match(page.text, /De bijeenkomst is vastgelegd/);
  assert.match(page.text, /Kennissessie Wonen/);
  const id = Number(/\d+/.exec(loc)[0]);
  // edit through the form
  const edit = await S['ev-staf'].get(`/bijeenkomsten/${id}/bewerken`);
  assert.equal(edit.status, 200);
  assert.match(edit.text, /value="Kennissessie Wonen"/);
  assert.equal((await S['ev-red'].get(`/bijeenkomsten/${id}/bewerken`)).status, 403);
  const loc2 = await S['ev-staf'].submit(`/bijeenkomsten/${id}/bewerken`, event({ titel: 'Kennissessie Wonen en Ruimte', soort: 'kennissessie' }));
  assert.match(loc2, /melding=gewijzigd/);
  // the audit events name the record, and no data version bump
  assert.equal(count("SELECT count(*) FROM audit_event WHERE entity = 'event'"), 2);
});

test('the API: open list and event, staff create and PATCH', async () => {
  const id = await createApi({ titel: 'Reflectieve sessie bestuurders', soort: 'reflectieve_sessie', doelgroep: 'bestuurders', capaciteit: 12 });
  const one = await T.anon.call('GET', `/api/v1/bijeenkomsten/${id}`);
  assert.equal(one.status, 200);
  assert.equal(one.json.doelgroep, 'bestuurders');
  assert.equal(one.json.plaatsenVrij, 12);
  const p = await T.ah.call('PATCH', `/api/v1/bijeenkomsten/${id}`, { body: { capaciteit: 15, casus: 'RES' } });
  assert.equal(p.status, 200, p.text);
  assert.equal(p.json.capaciteit, 15);
  assert.equal(p.json.casus, 'RES');
  assert.equal(p.json.titel, 'Reflectieve sessie bestuurders', 'PATCH keeps what it does not name');
  assert.equal((await T.ah.call('PATCH', `/api/v1/bijeenkomsten/${id}`, { body: { capaciteit: 0 } })).status, 400);
  assert.equal((await T.ah.call('PATCH', `/api/v1/bijeenkomsten/${id}`, { body: { onbekend: 1 } })).status, 400);
  assert.equal((await T.red.call('PATCH', `/api/v1/bijeenkomsten/${id}`, { body: { capaciteit: 3 } })).status, 403);
  assert.equal((await T.anon.call('PATCH', `/api/v1/bijeenkomsten/${id}`, { body: { capaciteit: 3 } })).status, 401);
  assert.equal((await T.anon.call('GET', '/api/v1/bijeenkomsten/999999')).status, 404);
  const list = await T.anon.call('GET', '/api/v1/bijeenkomsten');
  assert.equal(list.status, 200);
  assert.ok(list.json.bijeenkomsten.some((e) => e.id === id));
  // registrations: staff tokens only
  assert.equal((await T.anon.call('GET', `/api/v1/bijeenkomsten/${id}/aanmeldingen`)).status, 401);
  assert.equal((await T.red.call('GET', `/api/v1/bijeenkomsten/${id}/aanmeldingen`)).status, 403);
  assert.equal((await S['ev-staf'].get(`/api/v1/bijeenkomsten/${id}/aanmeldingen`)).status, 401, 'a web session is not a token');
  const regs = await T.staf.call('GET', `/api/v1/bijeenkomsten/${id}/aanmeldingen`);
  assert.equal(regs.status, 200);
  assert.deepEqual(regs.json.aanmeldingen, []);
});

test('public list and page: upcoming and earlier events, places left, the form', async () => {
  const id = await createApi({ titel: 'IBT-kennisbijeenkomst Financiën', soort: 'ibt_kennisbijeenkomst', capaciteit: 25 });
  // an earlier event (written directly: the form refuses a start in the past)
  sql(srv.db, "INSERT INTO event (kind, title, starts_at, ends_at, location, capacity, organiser, created_by, created_at, updated_at) VALUES ('anders', 'Terugblik Voorjaarsbijeenkomst', '2021-03-01T10:00', '2021-03-01T12:00', 'Utrecht', 10, 'Provincie Utrecht', 'test', '2021-01-01T00:00:00.000Z', '2021-01-01T00:00:00.000Z')");
  const list = await anon.get('/bijeenkomsten');
  assert.equal(list.status, 200);
  assert.equal(list.headers.get('cache-control'), 'no-store');
  const up = list.text.indexOf('Komende bijeenkomsten');
  const past = list.text.indexOf('Eerdere bijeenkomsten');
  assert.ok(up > 0 && past > up);
  assert.ok(list.text.indexOf('IBT-kennisbijeenkomst Financiën') < past);
  assert.ok(list.text.indexOf('Terugblik Voorjaarsbijeenkomst') > past);
  const page = await anon.get(`/bijeenkomsten/${id}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /25 van 25 vrij/);
  assert.match(page.text, /name="email"/);
  assertControlsLabelled('bijeenkomst', page.text);
  assert.doesNotMatch(page.text, /Aanmeldingen als CSV/);
  assert.equal((await anon.get('/bijeenkomsten/999999')).status, 404);
  assert.equal((await anon.get('/bijeenkomsten/abc')).status, 404);
});

test('a guest registers with double opt-in through the real SMTP server; links used twice give a clear page', async () => {
  const id = await createApi({ titel: 'Netwerkdag Opt-in', capaciteit: 5 });
  // invalid address: field errors, nothing stored
  const bad = await guestRegister(id, GUEST_NAME, 'geen-adres');
  assert.equal(bad.status, 400);
  assert.match(decodeEntities(bad.text), /geldig e-mailadres/);
  // a forged post without the form token
  const forged = await anon.post(`/bijeenkomsten/${id}/aanmelden`, { naam: 'X', organisatie: 'Y', email: 'x@voorbeeld.nl' }, { csrf: 'vals' });
  assert.equal(forged.status, 403);
  assert.equal(count(`SELECT count(*) FROM event_registration WHERE event_id = ${id}`), 0);

  const r = await guestRegister(id, GUEST_NAME, GUEST_MAIL);
  assert.equal(r.status, 303, r.text.slice(0, 400));
  assert.match(r.location, /melding=controleer-email/);
  // not counted yet
  assert.equal((await T.anon.call('GET', `/api/v1/bijeenkomsten/${id}`)).json.plaatsenVrij, 5);
  const [m] = await waitMail((x) => x.to === GUEST_MAIL && /Bevestig uw aanmelding/.test(x.body), 'the confirmation request');
  const confirm = linkIn(m.body, 'bevestigen');
  assert.match(m.body, /https:\/\/atlas\.example\.org\/bijeenkomsten\/bevestigen\//);
  // a second registration with the same address: same answer, no new row, no mail
  const again = await guestRegister(id, GUEST_NAME, GUEST_MAIL.toUpperCase());
  assert.equal(again.status, 303);
  assert.equal(count(`SELECT count(*) FROM event_registration WHERE event_id = ${id}`), 1);

  const show = await anon.get(confirm);
  assert.equal(show.status, 200);
  assert.match(show.text, /Bevestig mijn aanmelding/);
  assert.equal(count(`SELECT count(*) FROM event_registration WHERE event_id = ${id} AND status = 'onbevestigd'`), 1, 'GET changes nothing');
  const done = await anon.post(confirm, {});
  assert.equal(done.status, 200);
  assert.match(done.text, /Aanmelding bevestigd/);
  assert.equal((await T.anon.call('GET', `/api/v1/bijeenkomsten/${id}`)).json.plaatsenVrij, 4);
  const twice = await anon.post(confirm, {});
  assert.equal(twice.status, 410);
  assert.match(twice.text, /al gebruikt/);
  assert.equal((await anon.get(confirm)).status, 410);
  assert.equal((await anon.get('/bijeenkomsten/bevestigen/onzin')).status, 404);

  const [c] = await waitMail((x) => x.to === GUEST_MAIL && /Aanmelding bevestigd/.test(x.head + x.body), 'the confirmation');
  // the reminder of the day before: due now (moved by hand), sent once with the cancel link
  assert.equal(count("SELECT count(*) FROM outbox WHERE kind = 'bijeenkomst-herinnering' AND status = 'queued' AND to_address = '" + GUEST_MAIL + "'"), 1);
  sql(srv.db, "UPDATE outbox SET not_before = '2020-01-01T00:00:00.000Z' WHERE kind = 'bijeenkomst-herinnering' AND to_address = '" + GUEST_MAIL + "'");
  const [rem] = await waitMail((x) => x.to === GUEST_MAIL && /Morgen is de bijeenkomst/.test(x.body), 'the reminder');
  assert.match(rem.body, /bijeenkomsten\/afmelden\//);
  const cancel = linkIn(c.body, 'afmelden');
  const off = await anon.post(cancel, {});
  assert.equal(off.status, 200);
  assert.match(off.text, /U bent afgemeld/);
  const off2 = await anon.post(cancel, {});
  assert.equal(off2.status, 410);
  assert.match(off2.text, /al afgemeld/);
  assert.equal((await T.anon.call('GET', `/api/v1/bijeenkomsten/${id}`)).json.plaatsenVrij, 5);
  // an expired confirmation link
  const exp = await guestRegister(id, 'Gijs Verlopen', 'gijs.verlopen@voorbeeld.nl');
  assert.equal(exp.status, 303);
  const [em] = await waitMail((x) => x.to === 'gijs.verlopen@voorbeeld.nl', 'the second confirmation request');
  sql(srv.db, "UPDATE event_registration SET confirm_until = '2020-01-01T00:00:00.000Z' WHERE email = 'gijs.verlopen@voorbeeld.nl'");
  const late = await anon.post(linkIn(em.body, 'bevestigen'), {});
  assert.equal(late.status, 410);
  assert.match(late.text, /verlopen/);
});

test('full: the waiting list, and a cancellation moves the first up with a mail', async () => {
  const id = await createApi({ titel: 'Kennissessie Omgevingswet', soort: 'kennissessie', capaciteit: 1 });
  const links = {};
  for (const [who, addr] of [['a', 'anna.eerst@voorbeeld.nl'], ['b', 'bram.tweede@voorbeeld.nl'], ['c', 'cor.derde@voorbeeld.nl']]) {
    assert.equal((await guestRegister(id, `Deelnemer ${who.toUpperCase()}`, addr)).status, 303);
    const [m] = await waitMail((x) => x.to === addr, `request ${who}`);
    const r = await anon.post(linkIn(m.body, 'bevestigen'), {});
    assert.equal(r.status, 200);
    if (who !== 'a') assert.match(r.text, /wachtlijst/);
    const [c] = await waitMail((x) => x.to === addr && /afmelden/.test(x.body), `status mail ${who}`);
    links[who] = linkIn(c.body, 'afmelden');
  }
  const ev = (await T.anon.call('GET', `/api/v1/bijeenkomsten/${id}`)).json;
  assert.equal(ev.plaatsenVrij, 0);
  assert.equal(ev.wachtlijst, 2);
  assert.match((await anon.get(`/bijeenkomsten/${id}`)).text, /vol/);
  // A cancels: B (first on the list) moves up and is mailed; C stays waiting
  assert.equal((await anon.post(links.a, {})).status, 200);
  const [promo] = await waitMail((x) => x.to === 'bram.tweede@voorbeeld.nl' && /plaats vrijgekomen/.test(x.body), 'the promotion mail');
  assert.match(promo.body, /afmelden/);
  const status = (addr) => String(sql(srv.db, `SELECT status FROM event_registration WHERE email = '${addr}'`)).trim();
  assert.equal(status('bram.tweede@voorbeeld.nl'), 'bevestigd');
  assert.equal(status('cor.derde@voorbeeld.nl'), 'wachtlijst');
  // the old cancel link of B (from its waiting-list mail) was replaced by the promotion's
  assert.equal((await anon.get(links.b)).status, 404);
  assert.equal((await anon.get(linkIn(promo.body, 'afmelden'))).status, 200);
});

test('capacity holds under 30 concurrent confirmations for 10 places', async () => {
  const id = await createApi({ titel: 'Netwerkdag Druk', capaciteit: 10 });
  const addrs = Array.from({ length: 30 }, (_, i) => `drukte.${i}@voorbeeld.nl`);
  for (const a of addrs) assert.equal((await guestRegister(id, `Drukte ${a.split('.')[1]}`, a)).status, 303);
  const got = await waitMail((x) => addrs.includes(x.to) && /bevestigen/.test(x.body), 'requests');
  const until = Date.now() + 60_000;
  let ms = got;
  while (ms.length < 30 && Date.now() < until) {
    await sleep(200);
    ms = mails().filter((x) => addrs.includes(x.to) && /bijeenkomsten\/bevestigen/.test(x.body));
  }
  assert.equal(ms.length, 30);
  const rs = await Promise.all(ms.map((m) => anon.post(linkIn(m.body, 'bevestigen'), {})));
  for (const r of rs) assert.equal(r.status, 200, r.text.slice(0, 300));
  assert.equal(count(`SELECT count(*) FROM event_registration WHERE event_id = ${id} AND status = 'bevestigd'`), 10);
  assert.equal(count(`SELECT count(*) FROM event_registration WHERE event_id = ${id} AND status = 'wachtlijst'`), 20);
  assert.equal((await T.anon.call('GET', `/api/v1/bijeenkomsten/${id}`)).json.plaatsenVrij, 0);
});

test('signed-in users register in one step; attendees see each other only with consent; staff list, attendance and CSV', async () => {
  const id = await createApi({ titel: 'Netwerkdag Ontmoeten', capaciteit: 10 });
  const page = await S['ev-red'].get(`/bijeenkomsten/${id}`);
  assert.doesNotMatch(page.text, /name="email"/, 'no guest fields when signed in');
  const loc = await S['ev-red'].submit(`/bijeenkomsten/${id}/aanmelden`, { zichtbaar: '1' });
  assert.match(loc, /melding=bevestigd/);
  assert.match((await S['ev-red'].get(loc)).text, /U bent aangemeld/);
  await waitMail((x) => x.to === 'redacteur.verzonnen@voorbeeld.nl' && /Aanmelding bevestigd/.test(x.head + x.body), 'the user mail');
  // the reminder of the day before is queued in the same transaction, once
  const regRed = count(`SELECT id FROM event_registration WHERE event_id = ${id} AND email = 'redacteur.verzonnen@voorbeeld.nl'`);
  const reminder = () => String(sql(srv.db, `SELECT not_before FROM outbox WHERE dedupe_key = 'bijeenkomst-herinnering-${regRed}' AND status = 'queued'`)).trim();
  assert.equal(reminder(), `${day(29)}T07:00:00.000Z`);
  const dup = await S['ev-red'].post(`/bijeenkomsten/${id}/aanmelden`, {});
  assert.equal(dup.status, 409);
  // the second editor (no address, no consent) registers too
  await S['ev-red2'].submit(`/bijeenkomsten/${id}/aanmelden`, {});
  // a guest with consent and a formula-like name
  assert.equal((await guestRegister(id, '=HYPERLINK("x")', 'formule@voorbeeld.nl', { zichtbaar: '1' })).status, 303);
  const [m] = await waitMail((x) => x.to === 'formule@voorbeeld.nl', 'formula request');
  await anon.post(linkIn(m.body, 'bevestigen'), {});

  // fellow attendees: the second editor sees the first (consent) but not their address
  const seen = await S['ev-red2'].get(`/bijeenkomsten/${id}`);
  assert.match(seen.text, /Wie komen er/);
  assert.match(seen.text, /Redacteur Verzonnen/);
  assert.doesNotMatch(seen.text, /redacteur\.verzonnen@voorbeeld\.nl/);
  assert.doesNotMatch(seen.text, /Aanmeldingen als CSV/);
  const seen1 = await S['ev-red'].get(`/bijeenkomsten/${id}`);
  assert.doesNotMatch(seen1.text, /Tweede Redacteur Bedacht/, 'no consent: not shown');
  assert.doesNotMatch((await anon.get(`/bijeenkomsten/${id}`)).text, /Redacteur Verzonnen/);

  // staff: the list with addresses and statuses
  const staff = await S['ev-ah'].get(`/bijeenkomsten/${id}`);
  assert.match(staff.text, /redacteur\.verzonnen@voorbeeld\.nl/);
  assert.match(staff.text, /formule@voorbeeld\.nl/);
  assertControlsLabelled('bijeenkomst-staf', staff.text);
  const regId = count(`SELECT id FROM event_registration WHERE event_id = ${id} AND email = 'formule@voorbeeld.nl'`);
  const a = await S['ev-ah'].submit(`/bijeenkomsten/${id}/aanwezigheid`, [['aanwezig', String(regId)]]);
  assert.match(a, /melding=aanwezigheid/);
  assert.equal(String(sql(srv.db, `SELECT status FROM event_registration WHERE id = ${regId}`)).trim(), 'aanwezig');
  assert.equal((await S['ev-red'].post(`/bijeenkomsten/${id}/aanwezigheid`, [['aanwezig', String(regId)]])).status, 403);
  assert.match((await S['ev-ah'].get(`/bijeenkomsten/${id}`)).text, /Aanwezig/);

  const csv = await S['ev-ah'].get(`/bijeenkomsten/${id}/aanmeldingen.csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  assert.match(csv.text, /formule@voorbeeld\.nl/);
  assert.match(csv.text, /aanwezig/);
  assert.doesNotMatch(csv.text, /(^|[\r\n,])"?=HYPERLINK/, 'formula neutralised');
  assert.equal((await S['ev-red'].get(`/bijeenkomsten/${id}/aanmeldingen.csv`)).status, 403);
  assert.notEqual((await anon.get(`/bijeenkomsten/${id}/aanmeldingen.csv`)).status, 200);
  const api = await T.ah.call('GET', `/api/v1/bijeenkomsten/${id}/aanmeldingen`);
  assert.equal(api.json.totaal, 3);

  // the user cancels from the page
  const off = await S['ev-red'].submit(`/bijeenkomsten/${id}/afmelden`, {});
  assert.match(off, /melding=afgemeld/);
  assert.equal(reminder(), '', 'the reminder is withdrawn with the registration');
  assert.equal((await T.anon.call('GET', `/api/v1/bijeenkomsten/${id}`)).json.plaatsenVrij, 8);
});

test('iCal: one event and the feed are valid RFC 5545', async () => {
  const id = await createApi({ titel: 'Kennissessie RES, met komma; en puntkomma', soort: 'kennissessie', omschrijving: 'Regel een\nRegel twee die lang genoeg is om gevouwen te worden over meer dan vijfenzeventig octetten heen.' });
  for (const p of [`/bijeenkomsten/${id}.ics`, '/bijeenkomsten.ics']) {
    const r = await anon.get(p);
    assert.equal(r.status, 200, p);
    assert.equal(r.headers.get('content-type'), 'text/calendar; charset=utf-8');
    for (const line of r.text.split('\r\n').slice(0, -1)) {
      assert.ok(!line.includes('\n'), `bare LF in ${p}`);
      assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `long line in ${p}: ${line}`);
    }
    assert.ok(r.text.endsWith('END:VCALENDAR\r\n'));
    const comp = new ICAL.Component(ICAL.parse(r.text));
    assert.equal(comp.getFirstPropertyValue('version'), '2.0');
    const evs = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const e = evs.find((x) => x.uid === `bijeenkomst-${id}@samenwerkingsatlas`);
    assert.ok(e, `event in ${p}`);
    assert.equal(e.summary, 'Kennissessie RES, met komma; en puntkomma');
    assert.equal(e.startDate.toString(), `${FUTURE}T10:00:00`);
    assert.equal(e.endDate.toString(), `${FUTURE}T16:00:00`);
    // local times in Europe/Amsterdam, with the zone's rules in the calendar
    assert.equal(comp.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid'), 'Europe/Amsterdam');
    assert.equal(e.startDate.zone?.tzid, 'Europe/Amsterdam');
    const utc = e.startDate.convertToZone(ICAL.Timezone.utcTimezone).toString();
    const month = Number(FUTURE.slice(5, 7));
    const offset = month > 3 && month < 10 ? 2 : month < 3 || month > 10 ? 1 : null;
    if (offset) assert.equal(utc, `${FUTURE}T${String(10 - offset).padStart(2, '0')}:00:00Z`, 'UTC follows CET/CEST');
    assert.doesNotMatch(r.text, /@voorbeeld\.nl/);
  }
  assert.equal((await anon.get('/bijeenkomsten/999999.ics')).status, 404);
  assert.match((await anon.get(`/bijeenkomsten/${id}`)).text, new RegExp(`href="/bijeenkomsten/${id}\\.ics"`));
});

test('after the deadline no new registrations', async () => {
  const id = await createApi({ titel: 'Netwerkdag Gesloten', aanmeldenTot: `${day(-1)}T12:00` });
  const page = await anon.get(`/bijeenkomsten/${id}`);
  assert.match(page.text, /Aanmelden is gesloten/);
  assert.doesNotMatch(page.text, /name="email"/);
  const r = await S['ev-red2'].post(`/bijeenkomsten/${id}/aanmelden`, {});
  assert.equal(r.status, 409);
  assert.match(r.text, /Aanmelden is gesloten/);
  assert.equal(count(`SELECT count(*) FROM event_registration WHERE event_id = ${id}`), 0);
  assert.equal((await T.anon.call('GET', `/api/v1/bijeenkomsten/${id}`)).json.aanmeldenOpen, false);
});

test('privacy: no guest name or address on anonymous pages, the open API, history, feeds or search', async () => {
  const paths = ['/bijeenkomsten', '/bijeenkomsten.ics', '/api/v1/bijeenkomsten', '/wijzigingen', '/wijzigingen.atom',
    `/zoeken?q=${encodeURIComponent('Kwakkelstaart')}`, `/zoeken?q=${encodeURIComponent(GUEST_MAIL)}`, '/api/v1/zoeken?q=Kwakkelstaart'];
  const ids = (await T.anon.call('GET', '/api/v1/bijeenkomsten')).json.bijeenkomsten.map((e) => e.id);
  for (const id of ids) paths.push(`/bijeenkomsten/${id}`, `/api/v1/bijeenkomsten/${id}`, `/bijeenkomsten/${id}.ics`);
  for (const p of paths) {
    const r = await anon.get(p);
    // the search page repeats the query itself: leave that out
    const text = decodeEntities(r.text).split(GUEST_MAIL).join('');
    if (p.startsWith('/zoeken')) assert.match(text, /0 resultaten/, p);
    assert.doesNotMatch(text, /@voorbeeld\.nl/, `address on ${p}`);
    assert.ok(!text.includes(GUEST_NAME), `guest name on ${p}`);
    assert.ok(!text.includes('Deelnemer A'), `guest name on ${p}`);
  }
  // the audit trail names records, never people
  const audit = String(sql(srv.db, `SELECT group_concat(coalesce("after", ''), ' ') FROM audit_event WHERE entity IN ('event_registration', 'outbox')`));
  assert.doesNotMatch(audit, /@voorbeeld\.nl|Kwakkelstaart/);
});

test('guests are rate-limited per client address', async () => {
  const small = await startServer({ env: { ATLAS_BIJEENKOMSTEN_PER_UUR: '2' } });
  try {
    const staf = apiClient(small, addToken(small.db, (addUser(small.db, 'rl-staf', 'programmateam'), 'rl-staf'), 'x'));
    const c = await staf.call('POST', '/api/v1/bijeenkomsten', { body: { ...event(), capaciteit: 5 } });
    assert.equal(c.status, 201, c.text);
    const keep = srv;
    srv = small;
    try {
      for (let i = 0; i < 2; i++) assert.equal((await guestRegister(c.json.id, 'Snelle Aanmelder', `snel${i}@voorbeeld.nl`)).status, 303);
      const r = await guestRegister(c.json.id, 'Snelle Aanmelder', 'snel9@voorbeeld.nl');
      assert.equal(r.status, 429);
      assert.match(r.text, /afgelopen uur al veel aanmeldingen/);
    } finally {
      srv = keep;
    }
  } finally {
    await small.stop();
  }
});
