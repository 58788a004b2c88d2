// ab-meeting — recording the date of the algemeen-bestuur meeting that
// adopts a collaboration's begroting (GET/POST
// /samenwerkingsverbanden/{id}/ab-vergaderingen) and the Wgr calendar
// deriving the ontwerpbegroting deadline (12 weeks before, art. 35 Wgr)
// from it, on the organisation's calendar page and in the .ics feeds
// (parsed with ical.js). Invalid input answers 400 with field errors,
// anonymous users are sent to the login page, a POST without CSRF token
// is refused (403). The user is made with the CLI.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { startServer, addUser, login, anonymous } from './harness.mjs';

const C = 'veiligheidsregio-utrecht';
const ORG = 'gm0307'; // Amersfoort, a participant
const PAGE = `/samenwerkingsverbanden/${C}/ab-vergaderingen`;
let srv;
let anon; // the anonymous visitor
let sess;

const iso = (d) => d.toISOString().slice(0, 10);
function addDays(isoDate, n) {
  const d = new Date(isoDate + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}

function events(text) {
  const comp = new ICAL.Component(ICAL.parse(text));
  return comp.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, start: e.startDate.toString() };
  });
}

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  addUser(srv.db, 'programma', 'programmateam');
  sess = await login(srv.base, 'programma');
});

after(async () => {
  await srv?.stop();
});

test('anonymous: the form redirects to the login page; a POST changes nothing', async () => {
  const r = await anon.get(PAGE);
  assert.ok([302, 303].includes(r.status), `status ${r.status}`);
  assert.match(r.location, /^\/inloggen\?terug=/);
  const p = await anon.post(PAGE, { begrotingsjaar: '2030', datum: '2030-01-01' }, { csrf: false });
  assert.ok([302, 303, 401, 403].includes(p.status), `anonymous POST ${p.status}`);
  assert.doesNotMatch((await anon.get(`/samenwerkingsverbanden/${C}/kalender.ics`)).text, /ontwerpbegroting-/);
});

test('POST without CSRF token: 403, nothing recorded', async () => {
  const r = await sess.post(PAGE, { begrotingsjaar: '2030', datum: '2030-01-01' }, { csrf: false });
  assert.equal(r.status, 403);
  assert.doesNotMatch((await sess.get(PAGE)).text, /<time datetime="2030-01-01"/);
});

test('invalid input: 400 with field errors, nothing recorded', async () => {
  for (const [fields, field] of [
    [{ begrotingsjaar: '2027', datum: '2027-02-31' }, 'datum'],
    [{ begrotingsjaar: '2027', datum: 'morgen' }, 'datum'],
    [{ begrotingsjaar: '2027', datum: '2025-06-01' }, 'datum'],
    [{ begrotingsjaar: '1999', datum: '1999-06-01' }, 'begrotingsjaar'],
    [{ begrotingsjaar: 'abc', datum: '' }, 'begrotingsjaar'],
  ]) {
    const r = await sess.post(PAGE, fields);
    assert.equal(r.status, 400, JSON.stringify(fields));
    assert.match(r.text, /id="foutmeldingen"/);
    assert.match(r.text, new RegExp(`href="#f-${field}"`), JSON.stringify(fields));
  }
  assert.match((await sess.get(PAGE)).text, /Nog geen vergaderingen vastgelegd/);
});

test('a recorded AB date gives the ontwerpbegroting a real date on the calendar and in the feeds', async () => {
  const today = iso(new Date());
  const year = Number(today.slice(0, 4)) + 1; // next year's budget
  const ab = addDays(today, 120); // in this year or the budget year itself
  const ontwerp = addDays(ab, -84); // 12 weeks before (art. 35 Wgr)
  const uid = `ontwerpbegroting-${C}-${year}@samenwerkingsatlas`;

  assert.ok(!events((await anon.get(`/samenwerkingsverbanden/${C}/kalender.ics`)).text).some((e) => e.uid === uid));

  const r = await sess.post(PAGE, { begrotingsjaar: String(year), datum: ab });
  assert.equal(r.status, 303, r.text.slice(0, 500));
  assert.equal(r.location, `${PAGE}?melding=opgeslagen`);
  const form = await sess.get(r.location);
  assert.equal(form.status, 200);
  assert.match(form.text, new RegExp(`<time datetime="${ab}"`));

  const page = await anon.get(`/organisaties/${ORG}/kalender`);
  assert.equal(page.status, 200);
  assert.match(page.text, new RegExp(`<time datetime="${ontwerp}"`), 'derived date on the calendar page');

  for (const feed of [`/samenwerkingsverbanden/${C}/kalender.ics`, `/organisaties/${ORG}/kalender.ics`]) {
    const ev = events((await anon.get(feed)).text).find((e) => e.uid === uid);
    assert.ok(ev, `event ${uid} in ${feed}`);
    assert.equal(ev.start, ontwerp, feed);
  }

  // a second POST for the same year replaces the date
  const ab2 = addDays(ab, 7);
  assert.equal((await sess.post(PAGE, { begrotingsjaar: String(year), datum: ab2 })).status, 303);
  const ev = events((await anon.get(`/samenwerkingsverbanden/${C}/kalender.ics`)).text).find((e) => e.uid === uid);
  assert.equal(ev.start, addDays(ab2, -84));
});
