// info-pages — the government pages and the small trust details:
// /contact, /privacy and /colofon with the contact addresses of
// `atlas serve --contact/--fg-contact` (and, without them, a plain "not
// configured" — never an invented address); the accessibility statement in
// the government model (status, date, known problems, Nationale ombudsman);
// /over as a table of sources without commit hashes and the version on
// /gezondheid only; filter options with counts and empty ones marked; a
// bijdrage typed as "€ 12.500,-" stored as 12500 and shown as 12.500;
// date fields without a jjjj-mm-dd hint beside a date control.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, addUser, login, anonymous } from './harness.mjs';
import { assertValidPages } from './vnu.mjs';

// Fictional addresses (example.org is reserved for examples).
const CONTACT = 'atlas-team@example.org';
const FG = 'https://fg.example.org/contact';

let srv; // configured with both addresses
let bare; // without any address
let anon;
const pages = [];

const text = (html) =>
  html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const summary = (html) => (/id="foutmeldingen"(.*?)<\/ul>/s.exec(html) || ['', ''])[1];

before(async () => {
  srv = await startServer({ args: ['--contact', CONTACT], env: { ATLAS_FG_CONTACT: FG } });
  bare = await startServer({ env: { ATLAS_CONTACT: '', ATLAS_FG_CONTACT: '' } });
  anon = anonymous(srv.base);
});

after(async () => {
  await srv?.stop();
  await bare?.stop();
});

test('/contact, /privacy and /colofon answer with the configured addresses', async () => {
  for (const p of ['/contact', '/privacy', '/colofon']) {
    const r = await anon.get(p);
    assert.equal(r.status, 200, p);
    pages.push([p, r.text]);
    assert.match(r.text, new RegExp(`href="mailto:${CONTACT}"`), `${p}: contact link`);
    assert.doesNotMatch(r.text, /Nog niet ingesteld/, p);
  }
  const privacy = text((await anon.get('/privacy')).text);
  // which personal data, why, how long, who sees it, rights, objection
  for (const re of [/Accounts/, /e-mailadres/, /Ambtsdragers en hun rollen/, /Wijzigingsgeschiedenis \(auditlog\)/,
    /Correctiemeldingen/, /Serverlogboek/, /Grondslag/, /Hoe lang/, /Wie ziet het/, /bezwaar/,
    /Autoriteit Persoonsgegevens/, /Functionaris gegevensbescherming/]) {
    assert.match(privacy, re);
  }
  const pr = (await anon.get('/privacy')).text;
  assert.match(pr, new RegExp(`href="${FG}"`), 'FG contact from ATLAS_FG_CONTACT');
  const colofon = text((await anon.get('/colofon')).text);
  assert.match(colofon, /CC BY 4\.0/);
  assert.match(colofon, /EUPL-1\.2/);
});

test('without configuration the pages say so and show no address', async () => {
  const b = anonymous(bare.base);
  for (const p of ['/contact', '/privacy', '/toegankelijkheid']) {
    const r = await b.get(p);
    assert.equal(r.status, 200, p);
    assert.match(r.text, /Nog niet ingesteld/, p);
    assert.match(r.text, /atlas serve --contact/, p);
    assert.doesNotMatch(r.text, /mailto:/, p);
  }
  assert.match((await b.get('/privacy')).text, /atlas serve --fg-contact/);
});

test('the accessibility statement follows the government model', async () => {
  const r = await anon.get('/toegankelijkheid');
  assert.equal(r.status, 200);
  pages.push(['/toegankelijkheid', r.text]);
  const t = text(r.text);
  assert.match(t, /Organisatie Provincie Utrecht/);
  assert.match(t, /Status C — Eerste maatregelen genomen/);
  assert.match(t, /Besluit digitale toegankelijkheid overheid/);
  assert.match(t, /Datum van de verklaring \d{1,2} \w+ \d{4}/);
  assert.match(t, /Hoe we dit hebben beoordeeld/);
  assert.match(t, /Bekende problemen/);
  assert.match(t, /Opgelost uiterlijk/);
  assert.match(r.text, /href="https:\/\/www\.nationaleombudsman\.nl\/"/);
  assert.match(r.text, new RegExp(`href="mailto:${CONTACT}"`));
});

test('/over is a table of sources without commit hashes; the version is on /gezondheid', async () => {
  const r = await anon.get('/over');
  assert.equal(r.status, 200);
  pages.push(['/over', r.text]);
  assert.match(r.text, /<th[^>]*>Bron<\/th>/);
  assert.match(r.text, /<th[^>]*>Wat het levert<\/th>/);
  assert.doesNotMatch(r.text, /\b[0-9a-f]{40}\b/, 'no commit hash');
  assert.doesNotMatch(text(r.text), /\bcommit\b/);
  // every source is a row: the two tables together hold as many as the page names
  const n = Number(/De atlas gebruikt (\d+) bronnen/.exec(text(r.text))[1]);
  assert.ok(n > 10);
  assert.equal((r.text.match(/id="bron-/g) || []).length, n);
  const h = await anon.get('/gezondheid');
  assert.match(h.text, /^versie: \S+/m);
  const home = await anon.get('/');
  assert.doesNotMatch(home.text, /versie:/);
});

test('filter options show counts; options that give nothing are marked', async () => {
  const r = await anon.get('/samenwerkingsverbanden?soort=wgr');
  assert.equal(r.status, 200);
  const selects = [...r.text.matchAll(/<select[^>]*name="([^"]+)"[^>]*>(.*?)<\/select>/gs)].map((m) => ({
    name: m[1],
    opts: [...m[2].matchAll(/<option value="([^"]*)"( selected)?>([^<]*)<\/option>/g)].map((o) => ({ value: o[1], label: o[3] })),
  }));
  const dom = selects.find((x) => x.name === 'beleidsdomein');
  assert.ok(dom && dom.opts.every((o) => /\(\d+(, geen resultaten)?\)$/.test(o.label)), 'every domain choice counted');
  // each count equals the length of the list with that choice, soort=wgr kept
  let checked = 0;
  for (const sel of selects.filter((x) => x.name === 'beleidsdomein' || x.name === 'juridischeVorm')) {
    for (const o of sel.opts.filter((x) => x.value).slice(0, 5)) {
      const n = Number(/\((\d+)(, geen resultaten)?\)$/.exec(o.label)[1]);
      const api = await anon.getJson(`/api/v1/samenwerkingsverbanden?soort=wgr&${sel.name}=${encodeURIComponent(o.value)}&paginaGrootte=1`);
      assert.equal(api.totaal, n, `${sel.name}=${o.value}: ${o.label}`);
      checked++;
    }
  }
  assert.equal(checked, 10);
  const empty = selects.flatMap((x) => x.opts).find((o) => /\(0, geen resultaten\)$/.test(o.label));
  assert.ok(empty, 'at least one empty choice under soort=wgr is marked');
});

test('a bijdrage typed as people do is stored in euros and shown in Dutch format', async () => {
  addUser(srv.db, 'info-staf', 'programmateam');
  const staf = await login(srv.base, 'info-staf');
  const list = await anon.getJson('/api/v1/samenwerkingsverbanden?paginaGrootte=100');
  const C = list.samenwerkingsverbanden[1].id;
  const c = await anon.getJson(`/api/v1/samenwerkingsverbanden/${C}`);
  const inC = new Set(c.deelnemers.map((d) => d.organisatie.code));
  const orgs = await anon.getJson('/api/v1/organisaties?soort=gemeente&paginaGrootte=100');
  const [ORG, ORG2] = orgs.organisaties.map((o) => o.code).filter((k) => !inC.has(k));
  const form = await staf.get(`/samenwerkingsverbanden/${C}/deelnemers/nieuw`);
  assert.equal(form.status, 200);
  pages.push(['deelnemer-nieuw', form.text]);
  assert.doesNotMatch(form.text, /zonder punten/);
  // date controls: no jjjj-mm-dd hint beside a type=date input
  assert.match(form.text, /id="f-toegetreden"[^>]*type="date"|type="date"[^>]*id="f-toegetreden"/);
  assert.doesNotMatch(form.text, /jjjj-mm-dd/);

  const post = (org, bijdrage) => staf.post(`/samenwerkingsverbanden/${C}/deelnemers/nieuw`, [
    ['organisatie', org], ['orgaan', 'college'], ['rol', 'deelnemer'], ['kostenverdeelsleutel', ''],
    ['bijdrage', bijdrage], ['toegetreden', ''], ['opmerking', ''],
  ]);
  // ambiguous: refused with a clear message, nothing stored, the input kept
  const amb = await post(ORG, '12.50');
  assert.equal(amb.status, 400);
  assert.match(summary(amb.text), /href="#f-bijdrage"/);
  assert.match(text(amb.text), /niet eenduidig/);
  assert.match(amb.text, /value="12\.50"/);
  // cents cannot be stored in whole euros: said, not rounded
  const cents = await post(ORG, '12.500,50');
  assert.equal(cents.status, 400);
  assert.match(text(cents.text), /hele euro's/);

  const ok = await post(ORG, '€ 12.500,-');
  assert.equal(ok.status, 303, text(ok.text).slice(0, 400));
  let p = (await anon.getJson(`/api/v1/samenwerkingsverbanden/${C}`)).deelnemers.find((d) => d.organisatie.code === ORG);
  assert.equal(p.bijdrage, 12500, 'JSON number');
  const ok2 = await post(ORG2, '12500,00');
  assert.equal(ok2.status, 303);
  p = (await anon.getJson(`/api/v1/samenwerkingsverbanden/${C}`)).deelnemers.find((d) => d.organisatie.code === ORG2);
  assert.equal(p.bijdrage, 12500);

  // the edit form shows it as Dutch users write it, and takes it back unchanged
  const pid = (await anon.getJson(`/api/v1/samenwerkingsverbanden/${C}`)).deelnemers.find((d) => d.organisatie.code === ORG).id;
  const ef = await staf.get(`/samenwerkingsverbanden/${C}/deelnemers/${pid}/bewerken`);
  assert.equal(ef.status, 200);
  pages.push(['deelname-bewerken', ef.text]);
  assert.match(ef.text, /name="bijdrage" value="12\.500"/);
  const v = /name="versie" value="(\d+)"/.exec(ef.text)[1];
  const e = await staf.post(`/samenwerkingsverbanden/${C}/deelnemers/${pid}/bewerken`, [
    ['versie', v], ['orgaan', 'college'], ['rol', 'deelnemer'], ['kostenverdeelsleutel', ''], ['bijdrage', '1.250.000'],
    ['toegetreden', ''], ['uitgetreden', ''], ['opmerking', ''],
  ]);
  assert.equal(e.status, 303, text(e.text).slice(0, 400));
  p = (await anon.getJson(`/api/v1/samenwerkingsverbanden/${C}`)).deelnemers.find((d) => d.id === pid);
  assert.equal(p.bijdrage, 1250000);
});

test('the API keeps amounts as JSON numbers', async () => {
  const r = await anon.getJson('/api/v1/samenwerkingsverbanden?paginaGrootte=100');
  for (const c of r.samenwerkingsverbanden.slice(0, 3)) {
    const d = await anon.getJson(`/api/v1/samenwerkingsverbanden/${c.id}`);
    for (const p of d.deelnemers) assert.ok(p.bijdrage === null || Number.isInteger(p.bijdrage), `${c.id}: ${p.bijdrage}`);
  }
});

test('the new pages are valid HTML', async () => {
  await assertValidPages(path.join(srv.dir, 'vnu-info'), pages.map(([n, h]) => [n.replace(/[^a-z0-9-]+/gi, '_'), h]));
});
