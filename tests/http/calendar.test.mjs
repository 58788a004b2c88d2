// calendar — the Wgr planning & control calendar:
//   /kalender, /kalender?organisatie=, /organisaties/{code}/kalender   (HTML, vnu-valid)
//   /organisaties/{code}/kalender.ics, /samenwerkingsverbanden/{id}/kalender.ics
// Every feed is parsed by an independent parser (npm ical.js); UIDs are stable
// across requests; a regeling without an own budget (or with an unknown legal
// form) has no events, and the pages say so honestly.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { startServer } from './harness.mjs';
import { vnuValidate } from './vnu.mjs';

let srv;
before(async () => {
  srv = await startServer();
});
after(async () => {
  await srv?.stop();
});

const VRU = 'veiligheidsregio-utrecht'; // the seed's one OL (own budget)
const UNKNOWN = 'afvalverwijdering-utrecht-avu'; // Wgr regeling, legal form unknown
const NETWORK = 'u10'; // convenant: not a Wgr regeling

async function ics(p) {
  const r = await srv.get(p);
  assert.equal(r.status, 200, `GET ${p}: ${r.status}`);
  assert.equal(r.headers.get('content-type'), 'text/calendar; charset=utf-8');
  const text = r.text;
  // RFC 5545: CRLF everywhere, at most 75 octets per line
  for (const line of text.split('\r\n').slice(0, -1)) {
    assert.ok(!line.includes('\n'), `bare LF in ${p}`);
    assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line longer than 75 octets in ${p}: ${line}`);
  }
  assert.ok(text.endsWith('END:VCALENDAR\r\n'));
  const comp = new ICAL.Component(ICAL.parse(text));
  assert.equal(comp.name, 'vcalendar');
  assert.equal(comp.getFirstPropertyValue('version'), '2.0');
  assert.ok(comp.getFirstPropertyValue('prodid'));
  assert.equal(comp.getFirstPropertyValue('x-wr-timezone'), 'Europe/Amsterdam');
  const events = comp.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      start: e.startDate,
      end: e.endDate,
      dtstamp: v.getFirstPropertyValue('dtstamp'),
    };
  });
  return { text, events };
}

test('pages answer 200 and are valid HTML', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-cal-'));
  try {
    const files = [];
    for (const p of ['/kalender', '/kalender?organisatie=gm0344', '/organisaties/gm0344/kalender',
      '/organisaties/ws0636/kalender']) {
      const r = await srv.get(p);
      assert.equal(r.status, 200, `GET ${p}`);
      assert.match(r.headers.get('content-type'), /^text\/html/);
      const f = path.join(dir, `p${files.length}.html`);
      writeFileSync(f, r.body);
      files.push(f);
    }
    const msgs = await vnuValidate(files);
    assert.deepEqual(msgs.map((m) => `${m.file}:${m.line}: ${m.message}`), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the council member view names the zienswijze, the article and the confidence', async () => {
  const r = await srv.get('/organisaties/gm0344/kalender');
  assert.match(r.text, /een zienswijze geven, en wanneer\?/);
  assert.match(r.text, /gemeenteraad/);
  assert.match(r.text, /Veiligheidsregio Utrecht/);
  assert.match(r.text, /art\. 34b Wgr/);
  assert.match(r.text, /Zienswijze begroting/);
  assert.match(r.text, /12 weken vóór de AB-vergadering \(datum onbekend\)/);
  assert.match(r.text, /href="\/organisaties\/gm0344\/kalender\.ics"/);
  // regelingen with an unknown legal form are listed, not computed
  assert.match(r.text, /onbekend of deze regeling een eigen begroting heeft/);
});

test('/kalender links from the home page; unknown organisation → 400; unknown code → 404', async () => {
  const home = await srv.get('/');
  assert.match(home.text, /href="\/kalender"/);
  assert.equal((await srv.get('/kalender?organisatie=gm9999')).status, 400);
  assert.equal((await srv.get('/organisaties/gm9999/kalender')).status, 404);
  assert.equal((await srv.get('/organisaties/gm9999/kalender.ics')).status, 404);
  assert.equal((await srv.get('/samenwerkingsverbanden/bestaat-niet/kalender.ics')).status, 404);
});

test('feeds parse with ical.js; all-day dates; stable UIDs across requests', async () => {
  const a = await ics(`/samenwerkingsverbanden/${VRU}/kalender.ics`);
  assert.ok(a.events.length >= 10, `VRU events: ${a.events.length}`);
  const uids = a.events.map((e) => e.uid);
  assert.equal(new Set(uids).size, uids.length, 'UIDs are unique');
  for (const e of a.events) {
    assert.match(e.uid, new RegExp(`^[a-z-]+-${VRU}-\\d{4}@samenwerkingsatlas$`));
    assert.ok(e.start.isDate, 'all-day (VALUE=DATE)');
    assert.equal(e.end.toJSDate() - e.start.toJSDate(), 86400000, 'DTEND is the next day');
    assert.ok(e.dtstamp);
  }
  const kader = a.events.find((e) => e.uid.startsWith('kadernota-'));
  assert.ok(kader);
  assert.equal(kader.start.month, 4);
  assert.equal(kader.start.day, 30);
  assert.match(kader.description, /art\. 34b Wgr/);
  const b = await ics(`/samenwerkingsverbanden/${VRU}/kalender.ics`);
  assert.deepEqual(b.events.map((e) => e.uid), uids, 'same UIDs on a second request');
  // the organisation feed holds the same events for a participant, from today
  // on and without what goes only to the supervisor (the regeling's feed has those)
  const o = await ics('/organisaties/gm0344/kalender.ics');
  const today = new Date().toISOString().slice(0, 10);
  const coming = a.events.filter((e) => e.start.toString() >= today && !e.uid.includes('toezicht'));
  assert.ok(coming.length > 0);
  for (const e of coming) assert.ok(o.events.some((x) => x.uid === e.uid), `gm0344 feed lacks ${e.uid}`);
  for (const e of o.events) {
    assert.ok(e.start.toString() >= today, `past event ${e.uid} in the organisation feed`);
    assert.ok(!e.uid.includes('toezicht'), `supervisor event ${e.uid} in the organisation feed`);
  }
  // no undated moment becomes an event (ontwerpbegroting without AB date)
  assert.ok(!a.events.some((e) => e.uid.startsWith('ontwerpbegroting-')));
});

test('a regeling without own budget or with an unknown legal form has no events', async () => {
  for (const id of [UNKNOWN, NETWORK]) {
    const f = await ics(`/samenwerkingsverbanden/${id}/kalender.ics`);
    assert.equal(f.events.length, 0, `${id} has events`);
  }
});
