// people — the people pages of issue 5 against the real binary: the honest
// empty state, adding fictional people through the forms (Jan Testpersoon,
// wethouder of gm0321 Houten; Els Voorbeeld, ambtenaar of gm0356
// Nieuwegein), offices, seats (a body the legal form does not have → 400
// with the field error and nothing written; overlapping periods → 400;
// end before start), ending a seat, the collaboration page's "Bestuur en
// vertegenwoordiging" and the organisation page's "Wie zit waar",
// permissions (an editor of another organisation → 403, nothing changed),
// CSRF, and the Nu HTML Checker over every new page. Users come from the CLI.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, decodeEntities, addUser, login, anonymous, assertControlsLabelled } from './harness.mjs';
import { assertValidPages } from './vnu.mjs';

const TODAY = new Date().toISOString().slice(0, 10);
const OL = 'veiligheidsregio-utrecht'; // openbaar lichaam; Houten and Nieuwegein take part
const NET = 'u10'; // network (convenant): bestuur and portefeuillehoudersoverleg only
let srv;
let anon; // the anonymous visitor
const S = {};
const K = {};
const pages = []; // [name, html] for the validator

const summary = (html) => (/id="foutmeldingen"(.*?)<\/ul>/s.exec(html) || ['', ''])[1];
const text = (html) => decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
// the options of a select
const options = (html, name) =>
  [...((new RegExp(`<select[^>]*name="${name}"[^>]*>(.*?)</select>`, 's').exec(html) || ['', ''])[1]).matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
// the part of a page from a heading id to the end of its section
const section = (html, id) => {
  const i = html.indexOf(`id="${id}"`);
  if (i < 0) return '';
  const j = html.indexOf('</section>', i);
  return html.slice(i, j < 0 ? undefined : j);
};

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  addUser(srv.db, 'pe-staf', 'programmateam');
  addUser(srv.db, 'pe-houten', 'redacteur', { org: 'gm0321' });
  addUser(srv.db, 'pe-nwg', 'redacteur', { org: 'gm0356' });
  S.staf = await login(srv.base, 'pe-staf');
  S.houten = await login(srv.base, 'pe-houten');
  S.nwg = await login(srv.base, 'pe-nwg');
});

after(async () => {
  await srv?.stop();
});

test('empty state: the bundled data contains no people, and says how people are added', async () => {
  const r = await anon.get('/personen');
  assert.equal(r.status, 200);
  const t = text(r.text);
  assert.match(t, /Er zijn nog geen personen vastgelegd/);
  assert.match(t, /bevatten bewust geen personen/);
  assert.match(t, /geen bronlijst/);
  assert.match(t, /Register van Overheidsorganisaties \(ROO\)/);
  assert.match(t, /redacteuren/i);
  pages.push(['list-empty', r.text]);
  // the collaboration and organisation pages have their sections, empty
  const c = await anon.get(`/samenwerkingsverbanden/${OL}`);
  assert.match(c.text, /Bestuur en vertegenwoordiging/);
  assert.match(text(c.text), /Er zijn nog geen leden vastgelegd/);
  const o = await anon.get('/organisaties/gm0321');
  assert.match(o.text, /Wie zit waar/);
});

test('anonymous visitors get the login page for the forms', async () => {
  for (const p of ['/personen/nieuw']) {
    const r = await anon.get(p);
    assert.equal(r.status, 303, p);
    assert.match(r.location, /^\/inloggen\?terug=/);
  }
  const r = await fetch(srv.base + '/personen/nieuw', { method: 'POST', redirect: 'manual', body: 'naam=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(r.status, 401);
});

test('create a person: validation errors, then Jan Testpersoon', async () => {
  let r = await S.staf.get('/personen/nieuw');
  assert.equal(r.status, 200);
  assert.match(r.text, /name="naam"/);
  pages.push(['person-new', r.text]);
  r = await S.staf.post('/personen/nieuw', { naam: '', partij: '', email: '', telefoon: '', opmerking: '' });
  assert.equal(r.status, 400);
  assert.match(summary(r.text), /href="#f-naam"/);
  assert.match(r.text, /aria-invalid="true"/);
  pages.push(['person-new-400', r.text]);
  r = await S.staf.post('/personen/nieuw', { naam: 'Jan Testpersoon', partij: 'Testpartij', email: 'jan@example.org', telefoon: '030-0000000', opmerking: '' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const m = /^\/personen\/([^?]+)\?melding=persoon-aangemaakt$/.exec(r.location);
  assert.ok(m, r.location);
  K.jan = m[1];
  r = await S.staf.get(r.location);
  assert.equal(r.status, 200);
  assert.match(r.text, /De persoon is toegevoegd/);
  assert.match(r.text, /<h1[^>]*>Jan Testpersoon<\/h1>/);
});

test('add an office (wethouder of Houten) and show it as current', async () => {
  let r = await S.staf.get(`/personen/${K.jan}/functies/nieuw`);
  assert.equal(r.status, 200);
  assert.ok(options(r.text, 'functie').includes('wethouder'));
  pages.push(['office-new', r.text]);
  r = await S.staf.post(`/personen/${K.jan}/functies/nieuw`, { organisatie: 'gm0321', functie: 'wethouder', portefeuille: 'Financiën <b>', van: '2022-06-01', tot: '' });
  assert.equal(r.status, 303, r.text.slice(0, 500));
  // end before start is refused
  r = await S.staf.post(`/personen/${K.jan}/functies/nieuw`, { organisatie: 'gm0321', functie: 'raadslid', portefeuille: '', van: '2020-01-01', tot: '2019-01-01' });
  assert.equal(r.status, 400);
  assert.match(summary(r.text), /#f-tot/);
  r = await anon.get(`/personen/${K.jan}`);
  assert.equal(r.status, 200);
  assert.match(r.text, /Huidige functies/);
  assert.match(r.text, /Wethouder/);
  assert.match(r.text, /Financiën &lt;b&gt;/);
  assert.doesNotMatch(r.text, /Raadslid/);
});

test('seat form: step 1 chooses the collaboration, step 2 offers only the bodies of its legal form', async () => {
  let r = await S.staf.get(`/personen/${K.jan}/zetels/nieuw`);
  assert.equal(r.status, 200);
  assert.ok(options(r.text, 'samenwerkingsverband').includes(OL));
  pages.push(['seat-step1', r.text]);
  r = await S.staf.get(`/personen/${K.jan}/zetels/nieuw?samenwerkingsverband=${OL}`);
  assert.equal(r.status, 200);
  const ol = options(r.text, 'orgaan');
  assert.ok(ol.includes('algemeen-bestuur') && ol.includes('dagelijks-bestuur') && ol.includes('voorzitter'), ol.join());
  assert.ok(!ol.includes('bestuur'), 'an openbaar lichaam has no single "bestuur"');
  assert.ok(options(r.text, 'namens').includes('gm0321'));
  pages.push(['seat-step2', r.text]);
  r = await S.staf.get(`/personen/${K.jan}/zetels/nieuw?samenwerkingsverband=${NET}`);
  const net = options(r.text, 'orgaan');
  assert.ok(net.includes('bestuur') && !net.includes('algemeen-bestuur'), net.join());
});

test('seat in a body the legal form does not have → 400 with the field error, nothing written', async () => {
  const r = await S.staf.post(`/personen/${K.jan}/zetels/nieuw`, { samenwerkingsverband: NET, namens: 'gm0321', orgaan: 'algemeen-bestuur', van: '2023-01-01', tot: '' });
  assert.equal(r.status, 400);
  assert.match(summary(r.text), /href="#f-orgaan"/);
  assert.match(text(r.text), /Algemeen bestuur past niet bij/);
  pages.push(['seat-400', r.text]);
  const p = await S.staf.get(`/personen/${K.jan}`);
  assert.match(p.text, /Geen huidige zetels vastgelegd/);
});

test('add seats; an overlapping period in the same body → 400', async () => {
  let r = await S.staf.post(`/personen/${K.jan}/zetels/nieuw`, { samenwerkingsverband: OL, namens: 'gm0321', orgaan: 'algemeen-bestuur', van: '2022-07-01', tot: '' });
  assert.equal(r.status, 303, r.text.slice(0, 500));
  r = await S.staf.post(`/personen/${K.jan}/zetels/nieuw`, { samenwerkingsverband: OL, namens: 'gm0321', orgaan: 'algemeen-bestuur', van: '2023-01-01', tot: '' });
  assert.equal(r.status, 400);
  assert.ok(summary(r.text).length > 0);
  // a former seat (past period) and a network seat
  r = await S.staf.post(`/personen/${K.jan}/zetels/nieuw`, { samenwerkingsverband: OL, namens: 'gm0321', orgaan: 'dagelijks-bestuur', van: '2019-01-01', tot: '2021-12-31' });
  assert.equal(r.status, 303, r.text.slice(0, 500));
  r = await S.staf.post(`/personen/${K.jan}/zetels/nieuw`, { samenwerkingsverband: NET, namens: 'gm0321', orgaan: 'portefeuillehoudersoverleg', van: '2023-01-01', tot: '' });
  assert.equal(r.status, 303, r.text.slice(0, 500));
  const p = await anon.get(`/personen/${K.jan}`);
  const cur = p.text.slice(p.text.indexOf('Huidige zetels'), p.text.indexOf('Eerdere zetels'));
  assert.match(cur, /Algemeen bestuur/);
  assert.match(cur, /Portefeuillehoudersoverleg/);
  assert.doesNotMatch(cur, /Dagelijks bestuur/);
  assert.match(p.text.slice(p.text.indexOf('Eerdere zetels')), /Dagelijks bestuur/);
  pages.push(['person-anon', p.text]);
  const ps = await S.staf.get(`/personen/${K.jan}`);
  pages.push(['person-staff', ps.text]);
});

test('a centrumgemeenteconstructie has no bodies of its own: no seat form, the server refuses one', async () => {
  const domains = await (await fetch(srv.base + '/api/v1/beleidsdomeinen')).json();
  const dom = domains.beleidsdomeinen[0].code;
  let r = await S.staf.post('/samenwerkingsverbanden/nieuw', { naam: 'Testregeling Centrumgemeente', soort: 'wgr', juridischeVorm: 'CC', bevoegdheidsverkrijging: 'onbekend', beleidsdomeinen: dom, fase: 'onbekend' });
  assert.equal(r.status, 303, r.text.slice(0, 400));
  const key = /^\/samenwerkingsverbanden\/([^?]+)/.exec(r.location)[1];
  r = await S.staf.get(`/personen/${K.jan}/zetels/nieuw?samenwerkingsverband=${key}`);
  assert.equal(r.status, 200);
  assert.doesNotMatch(r.text, /name="orgaan"/);
  assert.match(text(r.text), /Er kan daarom geen zetel worden vastgelegd/);
  pages.push(['seat-cc', r.text]);
  r = await S.staf.post(`/personen/${K.jan}/zetels/nieuw`, { samenwerkingsverband: key, namens: 'gm0321', orgaan: 'bestuur', van: '2024-01-01', tot: '' });
  assert.equal(r.status, 400);
  const c = await anon.get(`/samenwerkingsverbanden/${key}`);
  assert.match(c.text, /Bestuur en vertegenwoordiging/);
  assert.doesNotMatch(section(c.text, 'bestuur-kop'), /<table/);
});

test('collaboration page: bodies of the legal form, current members, former members collapsed', async () => {
  const r = await anon.get(`/samenwerkingsverbanden/${OL}`);
  assert.equal(r.status, 200);
  const s = section(r.text, 'bestuur-kop');
  assert.match(s, /Bestuursorganen bij de juridische vorm Openbaar lichaam/);
  assert.match(s, /<h3[^>]*>Algemeen bestuur<\/h3>/);
  const ab = s.slice(s.indexOf('>Algemeen bestuur</h3>'), s.indexOf('>Dagelijks bestuur</h3>'));
  assert.match(ab, new RegExp(`href="/personen/${K.jan}">Jan Testpersoon</a>`));
  assert.match(ab, /Gemeente Houten|Houten/);
  assert.match(s, /<details[^>]*><summary>Voormalige leden \(1\)<\/summary>/);
  pages.push(['collab', r.text]);
});

test('organisation page: "Wie zit waar" with seats and public office holders', async () => {
  const r = await anon.get('/organisaties/gm0321');
  assert.equal(r.status, 200);
  const s = section(r.text, 'wie-zit-waar');
  assert.match(s, /Jan Testpersoon/);
  assert.match(s, /Veiligheidsregio/);
  assert.match(s, /Wethouder/);
  pages.push(['org', r.text]);
});

test('end a seat with a date: it moves to the former seats; an end before the start → 400', async () => {
  const p = await S.staf.get(`/personen/${K.jan}`);
  const ids = [...p.text.matchAll(/action="\/personen\/[^/]+\/zetels\/(\d+)\/beeindigen"/g)].map((m) => m[1]);
  assert.equal(ids.length, 2, 'two current seats with an end form');
  // the network seat: which one is it? try the last
  let r = await S.staf.post(`/personen/${K.jan}/zetels/${ids[1]}/beeindigen`, { tot: '2000-01-01' });
  assert.equal(r.status, 400);
  assert.match(text(r.text), /Er is niets gewijzigd/);
  r = await S.staf.post(`/personen/${K.jan}/zetels/${ids[1]}/beeindigen`, { tot: TODAY });
  assert.equal(r.status, 303);
  assert.match(r.location, /melding=zetel-beeindigd/);
  const q = await anon.get(`/personen/${K.jan}`);
  const cur = q.text.slice(q.text.indexOf('Huidige zetels'), q.text.indexOf('Eerdere zetels'));
  assert.equal((cur.match(/<tr/g) || []).length - 1, 1, 'one current seat left');
});

test('partner editors: own organisation only; another organisation → 403 and nothing changed', async () => {
  // Nieuwegein's editor adds Els Voorbeeld, an official of Nieuwegein
  let r = await S.nwg.post('/personen/nieuw', { naam: 'Els Voorbeeld', partij: '', email: 'els@example.org', telefoon: '', opmerking: '' });
  assert.equal(r.status, 303);
  K.els = /^\/personen\/([^?]+)/.exec(r.location)[1];
  r = await S.nwg.get(`/personen/${K.els}/functies/nieuw`);
  assert.deepEqual(options(r.text, 'organisatie'), ['gm0356'], 'an editor only sees their own organisation');
  r = await S.nwg.post(`/personen/${K.els}/functies/nieuw`, { organisatie: 'gm0356', functie: 'ambtenaar', portefeuille: 'Regionale samenwerking', van: '2021-01-01', tot: '' });
  assert.equal(r.status, 303, r.text.slice(0, 400));
  // the creator may edit the person
  r = await S.nwg.get(`/personen/${K.els}/bewerken`);
  assert.equal(r.status, 200);
  pages.push(['person-edit', r.text]);

  const before = await S.staf.get(`/personen/${K.els}`);
  // Houten's editor may not touch Nieuwegein's official
  r = await S.houten.get(`/personen/${K.els}/bewerken`);
  assert.equal(r.status, 403);
  const v = /name="versie" value="(\d+)"/.exec((await S.nwg.get(`/personen/${K.els}/bewerken`)).text)[1];
  r = await S.houten.post(`/personen/${K.els}/bewerken`, { versie: v, naam: 'Gewijzigd', partij: '', email: '', telefoon: '', opmerking: '' });
  assert.equal(r.status, 403);
  r = await S.houten.post(`/personen/${K.els}/functies/nieuw`, { organisatie: 'gm0356', functie: 'wethouder', portefeuille: '', van: '2024-01-01', tot: '' });
  assert.equal(r.status, 403);
  r = await S.houten.post(`/personen/${K.els}/zetels/nieuw`, { samenwerkingsverband: OL, namens: 'gm0356', orgaan: 'algemeen-bestuur', van: '2024-01-01', tot: '' });
  assert.equal(r.status, 403);
  const fid = /action="\/personen\/[^/]+\/functies\/(\d+)\/beeindigen"/.exec(before.text)[1];
  r = await S.houten.post(`/personen/${K.els}/functies/${fid}/beeindigen`, { tot: TODAY });
  assert.equal(r.status, 403);
  const afterP = await S.staf.get(`/personen/${K.els}`);
  const strip = (h) => h.replace(/name="csrf" value="[^"]*"/g, '');
  assert.equal(strip(afterP.text), strip(before.text), 'nothing changed');
  // ...but may edit Jan, who holds an office in Houten, and add a seat on behalf of Houten
  r = await S.houten.get(`/personen/${K.jan}/bewerken`);
  assert.equal(r.status, 200);
  r = await S.houten.get(`/personen/${K.jan}/zetels/nieuw?samenwerkingsverband=${OL}`);
  assert.deepEqual(options(r.text, 'namens'), ['gm0321']);
  // the rule is stated on the person page
  r = await S.houten.get(`/personen/${K.jan}`);
  assert.match(text(r.text), /Als redacteur legt u functies vast binnen uw eigen organisatie/);
  // administrator pages are not for editors or staff
  for (const s of [S.houten, S.staf]) {
    assert.equal((await s.get(`/personen/${K.jan}/export`)).status, 403);
    assert.equal((await s.get(`/personen/${K.jan}/wissen`)).status, 403);
  }
});

test('CSRF: a POST without the right token changes nothing', async () => {
  const count = async () => (text((await S.staf.get('/personen')).text).match(/(\d+) personen/) || [0, 0])[1];
  const n = await count();
  let r = await S.staf.post('/personen/nieuw', { naam: 'Zonder Token' }, { csrf: 'fout' });
  assert.equal(r.status, 403);
  r = await S.staf.post(`/personen/${K.jan}/zetels/nieuw`, { samenwerkingsverband: OL, namens: 'gm0321', orgaan: 'voorzitter', van: '2024-01-01' }, { csrf: '' });
  assert.equal(r.status, 403);
  assert.equal(await count(), n);
  assert.doesNotMatch((await S.staf.get(`/personen/${K.jan}`)).text, /Voorzitter/);
});

test('the list shows people with their current seats', async () => {
  const r = await S.staf.get('/personen');
  assert.equal(r.status, 200);
  assert.match(r.text, /Jan Testpersoon/);
  assert.match(r.text, /Els Voorbeeld/);
  pages.push(['list', r.text]);
});

test('every new page passes the Nu HTML Checker and labels every control', async () => {
  await assertValidPages(path.join(srv.dir, 'vnu-people'), pages);
  for (const [name, html] of pages) {
    assertControlsLabelled(name, html);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length, `${name}: duplicate ids`);
  }
});
