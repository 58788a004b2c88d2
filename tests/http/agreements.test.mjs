// agreements — issue 5 shared agreements ("gemeenschappelijke afspraken")
// against the real binary: adding (invalid input → 400 with field errors
// and nothing written; valid → 303 and listed with parties, date, status
// badge and an escaped http(s) document link), editing with the version
// (a stale version → 409 conflict page, nothing changed), all four
// statuses, permissions, and the Nu HTML Checker over the pages.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, addUser, login, anonymous } from './harness.mjs';
import { assertValidPages } from './vnu.mjs';

let srv;
let anon; // the anonymous visitor
const S = {};
const F = {};
const pages = []; // [name, html] for the validator

const summary = (html) => (/id="foutmeldingen"(.*?)<\/ul>/s.exec(html) || ['', ''])[1];
const section = (html, id) => (new RegExp(`<section aria-labelledby="${id}">(.*?)</section>`, 's').exec(html) || ['', ''])[1];
const rows = (html) => [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((m) => m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replace(/ ,/g, ',').trim());
const versie = (html) => /name="versie" value="(\d+)"/.exec(html)[1];

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  const list = await anon.getJson('/api/v1/samenwerkingsverbanden?paginaGrootte=100');
  const c = list.samenwerkingsverbanden.find((x) => x.aantalDeelnemers >= 3 && x.actief);
  F.C = c.id;
  const full = await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`);
  F.CNAME = full.naam;
  F.ORGS = full.deelnemers.filter((d) => d.actief).map((d) => d.organisatie);
  const orgs = await anon.getJson('/api/v1/organisaties?soort=gemeente&paginaGrootte=100');
  const inC = new Set(full.deelnemers.map((d) => d.organisatie.code));
  F.OUT = orgs.organisaties.map((o) => o.code).find((k) => !inC.has(k));
  addUser(srv.db, 'afs-staf', 'programmateam');
  addUser(srv.db, 'afs-staf2', 'programmateam');
  addUser(srv.db, 'afs-red', 'redacteur', { org: F.OUT });
  S.staf = await login(srv.base, 'afs-staf');
  S.staf2 = await login(srv.base, 'afs-staf2');
  S.red = await login(srv.base, 'afs-red');
  F.NEW = `/samenwerkingsverbanden/${F.C}/afspraken/nieuw`;
});

after(async () => {
  await srv?.stop();
});

test('empty state; anonymous and unrelated editors cannot add', async () => {
  const r = await anon.get(`/samenwerkingsverbanden/${F.C}`);
  assert.match(section(r.text, 'afspraken'), /nog geen gemeenschappelijke afspraken/);
  assert.doesNotMatch(r.text, /afspraken\/nieuw/);
  const a = await anon.get(F.NEW);
  assert.equal(a.status, 303);
  assert.match(a.location, /^\/inloggen\?terug=/);
  assert.equal((await S.red.get(F.NEW)).status, 403);
  assert.equal((await S.red.post(F.NEW, [['titel', 'Rolverdeling'], ['status', 'geldend']])).status, 403);
  const s = await S.staf.get(`/samenwerkingsverbanden/${F.C}`);
  assert.match(section(s.text, 'afspraken'), /href="\/samenwerkingsverbanden\/[^"]+\/afspraken\/nieuw">Afspraak toevoegen/);
});

test('add: invalid input → 400 with field errors, input kept, nothing written', async () => {
  const form = await S.staf.get(F.NEW);
  assert.equal(form.status, 200);
  assert.match(form.text, /<option value="voorgesteld" selected>/);
  for (const o of F.ORGS.slice(0, 2)) assert.ok(form.text.includes(`value="${o.code}"`));
  pages.push(['afspraak-nieuw', form.text]);
  const r = await S.staf.post(F.NEW, [
    ['titel', ''], ['omschrijving', 'x'.repeat(2500)], ['sinds', '2023-02-31'], ['status', 'ufo'],
    ['document', 'javascript:alert(1)'],
  ]);
  assert.equal(r.status, 400);
  pages.push(['afspraak-fouten', r.text]);
  const sum = summary(r.text);
  for (const f of ['titel', 'omschrijving', 'sinds', 'status', 'document']) {
    assert.match(sum, new RegExp(`href="#f-${f}"`), `summary links to ${f}`);
  }
  assert.match(r.text, /value="javascript:alert\(1\)"/);
  const page = await anon.get(`/samenwerkingsverbanden/${F.C}`);
  assert.match(section(page.text, 'afspraken'), /nog geen gemeenschappelijke afspraken/, 'nothing written');
});

test('add: valid input → listed with parties, date, status badge and an escaped document link', async () => {
  const [o1, o2] = F.ORGS;
  let r = await S.staf.post(F.NEW, [
    ['titel', 'Rolverdeling <b>penvoerder</b>'], ['omschrijving', 'Wie trekt & wie volgt'],
    ['partijen', o1.code], ['partijen', o2.code], ['sinds', '2025-02-01'], ['status', 'geldend'],
    ['document', 'https://example.org/afspraak?a=1&b=2'],
  ]);
  assert.equal(r.status, 303, summary(r.text));
  assert.equal(r.location, `/samenwerkingsverbanden/${F.C}?melding=opgeslagen#afspraken`);
  r = await S.staf.post(F.NEW, [['titel', 'Jaarlijkse evaluatie'], ['status', 'voorgesteld']]);
  assert.equal(r.status, 303);
  const page = await anon.get(`/samenwerkingsverbanden/${F.C}`);
  const sec = section(page.text, 'afspraken');
  assert.match(sec, /Rolverdeling &lt;b&gt;penvoerder&lt;\/b&gt;/);
  assert.doesNotMatch(sec, /<b>penvoerder/);
  assert.match(sec, /Wie trekt &amp; wie volgt/);
  assert.match(sec, /href="https:\/\/example\.org\/afspraak\?a=1&amp;b=2"/);
  assert.match(sec, /utrecht-status-badge--active">Geldend</);
  assert.match(sec, /utrecht-status-badge--neutral">Voorgesteld</);
  const t = rows(sec);
  assert.ok(t.some((x) => x.includes(`${o1.naam}, ${o2.naam} 1 februari 2025 Geldend Document`)), t.join('\n'));
  assert.ok(t.some((x) => x.startsWith('Jaarlijkse evaluatie Alle deelnemers — onbekend Voorgesteld Geen')), t.join('\n'));
  assert.doesNotMatch(sec, /bewerken/, 'no edit links for anonymous visitors');
  pages.push(['verband-afspraken', page.text]);
  const s = await S.staf.get(`/samenwerkingsverbanden/${F.C}`);
  F.EDIT = [...section(s.text, 'afspraken').matchAll(/href="([^"]+\/afspraken\/\d+\/bewerken)"/g)].map((m) => m[1]);
  assert.equal(F.EDIT.length, 2);
  pages.push(['verband-afspraken-ingelogd', s.text]);
});

test('edit with the version; a stale version → 409 and nothing changed; all statuses', async () => {
  const url = F.EDIT.find((u) => u) ;
  const f1 = await S.staf.get(url);
  assert.equal(f1.status, 200);
  pages.push(['afspraak-bewerken', f1.text]);
  const v = versie(f1.text);
  const title = /id="f-titel"[^>]*value="([^"]*)"/.exec(f1.text)[1];
  const f2 = await S.staf2.get(url);
  let r = await S.staf.post(url, [['versie', v], ['titel', 'Herziene afspraak'], ['status', 'herzien'], ['sinds', '2025-03-01']]);
  assert.equal(r.status, 303, r.text.slice(0, 400));
  r = await S.staf2.post(url, [['versie', versie(f2.text)], ['titel', 'Andere titel'], ['status', 'vervallen']]);
  assert.equal(r.status, 409);
  assert.match(r.text, /niet<\/strong> opgeslagen/);
  assert.match(r.text, /Andere titel/);
  pages.push(['afspraak-conflict', r.text]);
  let page = await anon.get(`/samenwerkingsverbanden/${F.C}`);
  let sec = section(page.text, 'afspraken');
  assert.match(sec, /Herziene afspraak/);
  assert.doesNotMatch(sec, /Andere titel/);
  assert.match(sec, /utrecht-status-badge--warning">Herzien</);
  assert.ok(title.length > 0);
  // without a version: 400, nothing changed
  r = await S.staf.post(url, [['titel', 'Zonder versie'], ['status', 'geldend']]);
  assert.equal(r.status, 400);
  // vervallen with the fresh version
  const f3 = await S.staf.get(url);
  r = await S.staf.post(url, [['versie', versie(f3.text)], ['titel', 'Herziene afspraak'], ['status', 'vervallen']]);
  assert.equal(r.status, 303);
  page = await anon.get(`/samenwerkingsverbanden/${F.C}`);
  sec = section(page.text, 'afspraken');
  assert.match(sec, /utrecht-status-badge--inactive">Vervallen</);
  assert.doesNotMatch(sec, /Zonder versie/);
  // unknown agreement id: 404
  assert.equal((await S.staf.get(`/samenwerkingsverbanden/${F.C}/afspraken/999999/bewerken`)).status, 404);
});

test('every agreement page passes the Nu HTML Checker', async () => {
  await assertValidPages(path.join(srv.dir, 'vnu-afspraken'), pages);
  for (const [name, html] of pages) assert.equal((html.match(/<h1[ >]/g) || []).length, 1, `${name}: one h1`);
});
