// history — the audit trail made readable (issue 4): after an API edit the
// record's "Geschiedenis" page shows the readable diff ("Fase: … → …"),
// /wijzigingen lists it (filters soort and door), /wijzigingen.atom is
// well-formed Atom with the entry, and time travel (?peildatum=) on the
// collaboration list shows real facts from the seed's validity periods.
// The new pages pass the Nu HTML Checker.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, addUser, apiClient, atlas, ROOT } from './harness.mjs';
import { vnuValidate } from './vnu.mjs';

const C = 'veiligheidsregio-utrecht';
const HOSTILE = '<script>alert("x")</script> & co';
let srv, token;

// A JSON API call with the staff token (Content-Type always JSON).
const call = (method, p, body, ifMatch) =>
  apiClient(srv, token).call(method, p, { body, ifMatch, headers: { 'content-type': 'application/json' } });

before(async () => {
  srv = await startServer();
  token = addUser(srv.db, 'histo', 'programmateam', { token: 'test' });

  // one API edit to look for: the phase, and a note with markup
  const g = await srv.get(`/api/v1/samenwerkingsverbanden/${C}`);
  const before1 = g.json.fase;
  assert.notEqual(before1, 'stabilisatie');
  const w = await call('PATCH', `/api/v1/samenwerkingsverbanden/${C}`, { fase: 'stabilisatie', opmerking: HOSTILE }, g.headers.get('etag'));
  assert.equal(w.status, 200, w.text);
});

after(async () => {
  await srv?.stop();
});

const text = (html) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/\s+/g, ' ');

test('the history page of a collaboration shows the API edit as readable lines', async () => {
  const r = await srv.get(`/samenwerkingsverbanden/${C}/geschiedenis`);
  assert.equal(r.status, 200);
  const t = text(r.text);
  assert.match(t, /Geschiedenis van Veiligheidsregio Utrecht/);
  assert.match(t, /Fase: onbekend → stabilisatie/);
  assert.match(t, /Door: histo, via de API/);
  // seed import events are attributed to the bundled dataset
  assert.match(t, /Door: Meegeleverde dataset/);
  assert.match(t, /Deelnemer toegevoegd: Vianen/);
  // markup from data is escaped, never rendered
  assert.ok(!r.text.includes('<script>alert'), 'escaped');
  assert.ok(r.text.includes('&lt;script&gt;'), 'shown as text');
  // newest first: the API edit comes before the seed events
  assert.ok(t.indexOf('stabilisatie') < t.indexOf('Meegeleverde dataset'));
  // a link back to the record
  assert.match(r.text, /href="\/samenwerkingsverbanden\/veiligheidsregio-utrecht"/);
});

test('the history page of an organisation and 404s', async () => {
  let r = await srv.get('/organisaties/gm0620/geschiedenis');
  assert.equal(r.status, 200);
  assert.match(text(r.text), /Organisatie opgenomen: Vianen/);
  r = await srv.get('/organisaties/gm9999/geschiedenis');
  assert.equal(r.status, 404);
  r = await srv.get('/samenwerkingsverbanden/bestaat-niet/geschiedenis');
  assert.equal(r.status, 404);
});

test('/wijzigingen lists the change with its record link; filters work', async () => {
  let r = await srv.get('/wijzigingen');
  assert.equal(r.status, 200);
  let t = text(r.text);
  const first = t.indexOf('Fase: onbekend → stabilisatie');
  assert.ok(first > 0, 'the API edit is listed');
  assert.match(r.text, /href="\/wijzigingen\.atom"/);
  assert.match(r.text, /href="\/samenwerkingsverbanden\/veiligheidsregio-utrecht"/);
  // user and token events are never public
  assert.ok(!/satl_|api_token|"prefix"|programmateam/.test(r.text));

  r = await srv.get('/wijzigingen?door=gebruiker%3Ahisto');
  t = text(r.text);
  assert.match(t, /1 wijziging\b/);
  assert.match(t, /Fase: onbekend → stabilisatie/);
  r = await srv.get('/wijzigingen?soort=deelname');
  t = text(r.text);
  assert.ok(!t.includes('Fase: onbekend → stabilisatie'));
  assert.match(t, /Deelnemer toegevoegd/);
  r = await srv.get('/wijzigingen?soort=gebruiker');
  assert.equal(r.status, 400);
  r = await srv.get('/wijzigingen?pagina=2');
  assert.equal(r.status, 200);
});

test('/wijzigingen.atom is well-formed Atom with the entry', async () => {
  const r = await srv.get('/wijzigingen.atom');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^application\/atom\+xml/);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-atom-'));
  const f = path.join(dir, 'feed.xml');
  writeFileSync(f, r.body);
  const x = spawnSync('xmllint', ['--noout', f], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  if (x.error) throw x.error;
  assert.equal(x.status, 0, `xmllint: ${x.stderr}`);
  const xml = r.text;
  assert.match(xml, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
  for (const el of ['id', 'title', 'updated']) assert.match(xml, new RegExp(`<feed[^]*?<${el}>[^<]+</${el}>`));
  assert.match(xml, /<link rel="self" type="application\/atom\+xml" href="\/wijzigingen\.atom"\/>/);
  const entries = xml.split('<entry>').slice(1);
  assert.ok(entries.length > 1 && entries.length <= 50);
  const e = entries[0];
  assert.match(e, /<id>tag:[^<]+:wijziging:\d+<\/id>/);
  assert.match(e, /<updated>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z<\/updated>/);
  assert.match(e, /<title>Samenwerkingsverband gewijzigd: Veiligheidsregio Utrecht<\/title>/);
  assert.match(e, /<content type="text">Fase: onbekend → stabilisatie/);
  assert.match(e, /<link rel="alternate" type="text\/html" href="\/samenwerkingsverbanden\/veiligheidsregio-utrecht"\/>/);
  assert.ok(!xml.includes('<script>'), 'escaped in XML');
  // ids are unique
  const ids = entries.map((x) => /<id>([^<]+)<\/id>/.exec(x)[1]);
  assert.equal(new Set(ids).size, ids.length);
  // filtered feed
  const d = await srv.get('/wijzigingen.atom?soort=organisatie');
  assert.equal(d.status, 200);
  assert.ok(!d.text.includes('Fase: onbekend'));
});

const listIds = async (q) => {
  const j = await srv.getJson(`/api/v1/samenwerkingsverbanden?paginaGrootte=100&${q}`);
  return j.samenwerkingsverbanden.map((c) => c.id);
};

test('time travel: Bestuur Regio Utrecht (ended 1 January 2015) was active in 2014, not in 2016', async () => {
  assert.ok((await listIds('peildatum=2014-06-01')).includes('bestuur-regio-utrecht'));
  assert.ok(!(await listIds('peildatum=2016-01-01')).includes('bestuur-regio-utrecht'));
  assert.ok(!(await listIds('')).includes('bestuur-regio-utrecht'));
  // the page too
  const p = await srv.get('/samenwerkingsverbanden?peildatum=2014-06-01&paginaGrootte=100');
  assert.equal(p.status, 200);
  assert.match(p.text, />Bestuur Regio Utrecht<\/a><\/th>/);
  assert.match(text(p.text), /U bekijkt het register zoals het was op 1 juni 2014/);
  // the filter form's date control keeps the date
  assert.match(p.text, /<input[^>]*type="date"[^>]*name="peildatum"[^>]*value="2014-06-01">/);
  const now = await srv.get('/samenwerkingsverbanden?paginaGrootte=100');
  assert.ok(!/>Bestuur Regio Utrecht<\/a><\/th>/.test(now.text));
});

test('time travel: before Vijfheerenlanden existed (2018), Vianen took part in the VRU', async () => {
  assert.ok((await listIds('peildatum=2018-06-01&deelnemer=gm0620')).includes('veiligheidsregio-utrecht'));
  assert.deepEqual(await listIds('peildatum=2018-06-01&deelnemer=gm1961'), []);
  assert.ok(!(await listIds('deelnemer=gm0620')).includes('veiligheidsregio-utrecht'));
  assert.ok((await listIds('deelnemer=gm1961')).includes('veiligheidsregio-utrecht'));
  assert.ok((await listIds('peildatum=2020-01-01&deelnemer=gm1961')).includes('veiligheidsregio-utrecht'));
  // the paging links keep the date
  const j = await srv.getJson('/api/v1/samenwerkingsverbanden?peildatum=2018-06-01&paginaGrootte=2');
  assert.equal(j.peildatum, '2018-06-01');
  assert.match(j._links.next.href, /peildatum=2018-06-01/);
});

test('time travel: impossible or future dates give 400 naming peildatum', async () => {
  for (const d of ['2022-02-31', '2022-13-01', 'gisteren', '2999-01-01', '2022-1-1']) {
    const a = await srv.get(`/api/v1/samenwerkingsverbanden?peildatum=${d}`);
    assert.equal(a.status, 400, d);
    assert.equal(a.json.invalidParams[0].name, 'peildatum');
    const p = await srv.get(`/samenwerkingsverbanden?peildatum=${d}`);
    assert.equal(p.status, 400, d);
  }
});

test('the history and change pages are valid HTML (Nu HTML Checker)', async () => {
  const pages = [
    `/samenwerkingsverbanden/${C}/geschiedenis`,
    '/organisaties/gm0344/geschiedenis',
    '/wijzigingen',
    '/wijzigingen?soort=deelname&pagina=2',
    '/samenwerkingsverbanden?peildatum=2018-06-01',
  ];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-vnu-hist-'));
  const files = [];
  for (const [i, p] of pages.entries()) {
    const r = await srv.get(p);
    assert.equal(r.status, 200, p);
    assert.equal((r.text.match(/<h1[\s>]/g) || []).length, 1, `${p}: one h1`);
    const f = path.join(dir, `p${i}.html`);
    writeFileSync(f, r.body);
    files.push(f);
  }
  const msgs = await vnuValidate(files);
  rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(msgs.map((m) => `${pages[files.indexOf(m.file)]}:${m.line}: ${m.message}`), []);
});

// The change list counts only what it may show: a module's audit events
// (here an indicator import, whose event names the imported file) are
// neither listed nor counted, so the count and the pages match the list.
test('/wijzigingen counts only the public registry events: an indicator import changes nothing there', async () => {
  const count = (html) => Number(text(html).match(/([\d.]+) wijziging(en)?\b/)[1].replace(/\./g, ''));
  // URLs not asked before: the reply cache (keyed by the raw URI) cannot answer
  const before1 = await srv.get('/wijzigingen?pagina=1&voor=1');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-hist-'));
  try {
    // the fictional fixtures; the values file under a name to look for
    const fix = path.join(ROOT, 'tests', 'fixtures', 'indicatoren');
    for (const f of ['gebieden.csv', 'indicatoren.csv']) {
      const r = atlas(['import', 'indicatoren', path.join(fix, f), '--db', srv.db]);
      assert.equal(r.status, 0, r.stderr);
    }
    const f = path.join(dir, 'geheim-pad-indicatoren.csv');
    writeFileSync(f, readFileSync(path.join(fix, 'waarden.csv')));
    const r = atlas(['import', 'indicatoren', f, '--db', srv.db]);
    assert.equal(r.status, 0, r.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const after1 = await srv.get('/wijzigingen?pagina=1&na=1');
  assert.equal(count(after1.text), count(before1.text));
  assert.ok(!after1.text.includes('geheim-pad-indicatoren'));
  const feed = await srv.get('/wijzigingen.atom?na=1');
  assert.ok(!feed.text.includes('geheim-pad-indicatoren'));
});
