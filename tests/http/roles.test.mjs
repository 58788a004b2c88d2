// roles — issue 5 against the real binary: role perspectives (the
// assessment form, the quadrant diagram and its table, role changes on the
// collaboration page and in /analyse/rolwisselingen, scores 0/6/abc
// rejected with nothing written), the life-cycle phase history (timeline in
// date order; the newest event sets the current phase so the list filter
// follows), /analyse/bestuurders (honest empty state, then ranking and
// interlocks after fictional people and seats are added through the
// /personen forms; anonymous visitors see public office holders only), the
// person toggle of the network view and its API, and the Nu HTML Checker
// over every new page. Users are made with the CLI; all people are fictional.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, decodeEntities, addUser, login, anonymous, assertControlsLabelled } from './harness.mjs';
import { assertValidPages } from './vnu.mjs';

let srv;
let anon; // the anonymous visitor
const S = {};
const F = {};
const pages = []; // [name, html] for the validator

const summary = (html) => (/id="foutmeldingen"(.*?)<\/ul>/s.exec(html) || ['', ''])[1];
const section = (html, id) => (new RegExp(`<section aria-labelledby="${id}">(.*?)</section>`, 's').exec(html) || ['', ''])[1];
const rows = (html) => [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((m) => m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
const roleUrl = (pid) => `/samenwerkingsverbanden/${F.C}/deelnemers/${pid}/rol`;
const scores = (d, r, p, s, q, note = '') => [['datum', d], ['rechtmatig', r], ['presterend', p], ['samenwerkend', s], ['responsief', q], ['toelichting', note]];

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  // a fixture collaboration with at least two active participants, and a
  // second one that shares a participant (for the interlock)
  const list = await anon.getJson('/api/v1/samenwerkingsverbanden?paginaGrootte=100');
  for (const c of list.samenwerkingsverbanden) {
    if (c.aantalDeelnemers < 2 || ![null, 'OL'].includes(c.juridischeVorm)) continue;
    const full = await anon.getJson(`/api/v1/samenwerkingsverbanden/${c.id}`);
    const act = full.deelnemers.filter((d) => d.actief && d.organisatie.soort === 'gemeente');
    if (act.length < 2) continue;
    const parts = await anon.getJson(`/api/v1/organisaties/${act[0].organisatie.code}/deelnames`);
    // (a legal form that has an algemeen bestuur, or an unknown one)
    const other = (parts.deelnames || []).find((d) => d.actief && d.samenwerkingsverband.id !== c.id &&
      d.samenwerkingsverband.actief && [null, 'OL'].includes(d.samenwerkingsverband.juridischeVorm));
    if (!other) continue;
    F.C = c.id;
    F.CNAME = full.naam;
    F.P1 = act[0].id;
    F.ORG1 = act[0].organisatie;
    F.P2 = act[1].id;
    F.ORG2 = act[1].organisatie;
    F.C2 = other.samenwerkingsverband.id;
    break;
  }
  assert.ok(F.C && F.C2, 'fixture collaborations found');
  const orgs = await anon.getJson('/api/v1/organisaties?soort=gemeente&paginaGrootte=100');
  const inC = new Set((await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`)).deelnemers.map((d) => d.organisatie.code));
  F.OUT = orgs.organisaties.map((o) => o.code).find((k) => !inC.has(k));
  addUser(srv.db, 'rol-staf', 'programmateam');
  addUser(srv.db, 'rol-staf2', 'programmateam');
  addUser(srv.db, 'rol-red', 'redacteur', { org: F.OUT });
  S.staf = await login(srv.base, 'rol-staf');
  S.staf2 = await login(srv.base, 'rol-staf2');
  S.red = await login(srv.base, 'rol-red');
});

after(async () => {
  await srv?.stop();
});

test('anonymous: empty sections on the collaboration page; the forms need a login', async () => {
  const r = await anon.get(`/samenwerkingsverbanden/${F.C}`);
  assert.equal(r.status, 200);
  assert.match(r.text, /<h2 class="utrecht-heading-2" id="rollen">Rollen van de partijen<\/h2>/);
  assert.match(section(r.text, 'rollen'), /nog geen rolbeoordelingen/);
  assert.match(section(r.text, 'rollen'), /Rechtmatige overheid \(rechtmatig\)/);
  assert.match(section(r.text, 'fasen'), /nog geen levensloop/);
  assert.match(section(r.text, 'afspraken'), /nog geen gemeenschappelijke/);
  assert.doesNotMatch(r.text, /\/rol"|fasen\/nieuw|afspraken\/nieuw/);
  for (const p of [roleUrl(F.P1), `/samenwerkingsverbanden/${F.C}/fasen/nieuw`, `/samenwerkingsverbanden/${F.C}/afspraken/nieuw`]) {
    const g = await anon.get(p);
    assert.equal(g.status, 303, p);
    assert.match(g.location, /^\/inloggen\?terug=/);
  }
  pages.push(['verband-leeg', r.text]);
  // a partner editor of an organisation that does not take part: 403
  const f = await S.red.get(roleUrl(F.P1));
  assert.equal(f.status, 403);
  const f2 = await S.red.post(`/samenwerkingsverbanden/${F.C}/fasen/nieuw`, [['fase', 'groei'], ['datum', '2024-01-01']]);
  assert.equal(f2.status, 403);
});

test('role form: scores 0, 6 and abc → 400 with field errors, nothing written', async () => {
  const form = await S.staf.get(roleUrl(F.P1));
  assert.equal(form.status, 200);
  assert.match(form.text, /<legend[^>]*>Scores per perspectief<\/legend>/);
  assert.match(form.text, /Rechtmatig \(Rechtmatige overheid\)/);
  assert.match(form.text, /NSOB/);
  pages.push(['rol-formulier', form.text]);
  const r = await S.staf.post(roleUrl(F.P1), scores('2026-01-15', '0', '6', 'abc', ''));
  assert.equal(r.status, 400);
  pages.push(['rol-fouten', r.text]);
  const sum = summary(r.text);
  for (const f of ['rechtmatig', 'presterend', 'samenwerkend', 'responsief']) {
    assert.match(sum, new RegExp(`href="#f-${f}"`), `summary links to ${f}`);
    assert.match(r.text, new RegExp(`id="f-${f}-fout"`), `message next to ${f}`);
  }
  assert.match(r.text, /<option value="abc" selected>abc<\/option>/, 'input kept');
  const bad = await S.staf.post(roleUrl(F.P1), scores('2026-02-30', '3', '3', '3', '3'));
  assert.equal(bad.status, 400);
  assert.match(summary(bad.text), /href="#f-datum"/);
  const page = await anon.get(`/samenwerkingsverbanden/${F.C}`);
  assert.match(section(page.text, 'rollen'), /nog geen rolbeoordelingen/, 'nothing written');
});

test('assessments of two parties: quadrant SVG and table show them', async () => {
  let r = await S.staf.post(roleUrl(F.P1), scores('2026-01-15', '5', '2', '2', '1', 'Toetst vooral <regels>'));
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal(r.location, `/samenwerkingsverbanden/${F.C}?melding=opgeslagen#rollen`);
  r = await S.staf.post(roleUrl(F.P2), scores('2026-01-20', '1', '2', '5', '3'));
  assert.equal(r.status, 303);
  const page = await anon.get(`/samenwerkingsverbanden/${F.C}`);
  const sec = section(page.text, 'rollen');
  const svg = /<svg class="atlas-quadrant"[^>]*>(.*?)<\/svg>/s.exec(sec);
  assert.ok(svg, 'quadrant svg');
  assert.match(svg[0], /role="img" aria-labelledby="rollen-kwadrant-titel rollen-kwadrant-beschrijving"/);
  assert.match(svg[1], /<desc id="rollen-kwadrant-beschrijving">[^<]*verticale as[^<]*gedeeld door 8/);
  assert.ok(svg[1].includes(`<title>1. ${F.ORG1.naam}: Rechtmatig 5, Presterend 2, Samenwerkend 2, Responsief 1</title>`));
  assert.ok(svg[1].includes(`<title>2. ${F.ORG2.naam}: Rechtmatig 1, Presterend 2, Samenwerkend 5, Responsief 3</title>`));
  // positions: ORG1 x = (2+2-5-1)/8 = -0.25 → 320 - 0.25*196 = 271; y = (5+2-2-1)/8 = 0.5 → 270 - 98 = 172
  assert.match(svg[1], /<circle cx="271" cy="172"/);
  // ORG2 x = (2+5-1-3)/8 = 0.375 → 394 (393.5 rounded); y = (1+2-5-3)/8 = -0.625 → 392.5 → 393
  assert.match(svg[1], /<circle cx="394" cy="393"/);
  const t = rows(sec);
  assert.ok(t.some((x) => x === `1 ${F.ORG1.naam} 5 2 2 1 Rechtmatige overheid 15 januari 2026`), t.join('\n'));
  assert.ok(t.some((x) => x === `2 ${F.ORG2.naam} 1 2 5 3 Samenwerkende (netwerkende) overheid 20 januari 2026`));
  assert.match(sec, /Toelichting: Toetst vooral &lt;regels&gt;/);
  assert.doesNotMatch(sec, /Rolwisseling/);
  pages.push(['verband-rollen', page.text]);
});

test('a later assessment with another dominant perspective is a role change; a tie is not', async () => {
  let r = await S.staf.post(roleUrl(F.P1), scores('2026-03-01', '2', '5', '3', '1'));
  assert.equal(r.status, 303);
  r = await S.staf.post(roleUrl(F.P2), scores('2026-03-02', '2', '2', '4', '4')); // tie: no change
  assert.equal(r.status, 303);
  const page = await anon.get(`/samenwerkingsverbanden/${F.C}`);
  const sec = section(page.text, 'rollen');
  assert.match(sec, /Rolwisseling: van rechtmatig naar presterend per 1 maart 2026/);
  assert.equal((sec.match(/Rolwisseling:/g) || []).length, 1);
  assert.match(sec, /Geen \(gelijke hoogste scores\)/);
  // the diagram shows the latest assessment: ORG1 at x=(5+3-2-1)/8, y=(2+5-3-1)/8
  assert.ok(sec.includes(`${F.ORG1.naam}: Rechtmatig 2, Presterend 5, Samenwerkend 3, Responsief 1</title>`));
  const a = await anon.get('/analyse/rolwisselingen');
  assert.equal(a.status, 200);
  pages.push(['rolwisselingen', a.text]);
  const t = rows(a.text);
  assert.ok(t.includes(`1 maart 2026 ${F.CNAME} ${F.ORG1.naam} rechtmatig presterend`), t.join('\n'));
  assert.equal(t.length, 2, 'header + one change');
  // a third change for ORG2, dated later: listed first (newest first)
  r = await S.staf.post(roleUrl(F.P2), scores('2026-04-10', '1', '5', '2', '2'));
  assert.equal(r.status, 303);
  const t2 = rows((await anon.get('/analyse/rolwisselingen')).text);
  assert.equal(t2.length, 2, 'a tie in between is not a change, so samenwerkend → (tie) → presterend is not counted');
  r = await S.staf.post(roleUrl(F.P2), scores('2026-05-01', '1', '1', '5', '2'));
  const t3 = rows((await anon.get('/analyse/rolwisselingen')).text);
  assert.equal(t3[1], `1 mei 2026 ${F.CNAME} ${F.ORG2.naam} presterend samenwerkend`);
  assert.equal(t3[2], `1 maart 2026 ${F.CNAME} ${F.ORG1.naam} rechtmatig presterend`);
});

test('phase history: a timeline in date order; the newest event sets the current phase', async () => {
  const url = `/samenwerkingsverbanden/${F.C}/fasen/nieuw`;
  const form = await S.staf.get(url);
  assert.equal(form.status, 200);
  pages.push(['fase-formulier', form.text]);
  let r = await S.staf.post(url, [['fase', ''], ['procesfase', 'raden'], ['datum', 'gisteren']]);
  assert.equal(r.status, 400);
  for (const f of ['fase', 'datum']) assert.match(summary(r.text), new RegExp(`href="#f-${f}"`));
  pages.push(['fase-fouten', r.text]);
  r = await S.staf.post(url, [['fase', 'groei'], ['procesfase', 'overeenkomen'], ['datum', '2024-01-01'], ['toelichting', 'Meer <taken>']]);
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal((await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`)).fase, 'groei');
  r = await S.staf.post(url, [['fase', 'initiatief'], ['procesfase', 'verkennen'], ['datum', '2019-05-01']]);
  assert.equal(r.status, 303);
  assert.equal((await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`)).fase, 'groei', 'an older event leaves the current phase');
  r = await S.staf.post(url, [['fase', 'stabilisatie'], ['procesfase', 'uitvoeren-en-vernieuwen'], ['datum', '2025-06-01']]);
  assert.equal(r.status, 303);
  assert.equal((await anon.getJson(`/api/v1/samenwerkingsverbanden/${F.C}`)).fase, 'stabilisatie');
  const list = await anon.getJson('/api/v1/samenwerkingsverbanden?fase=stabilisatie&paginaGrootte=100');
  assert.ok(list.samenwerkingsverbanden.some((c) => c.id === F.C), 'list filter follows');
  const page = await anon.get(`/samenwerkingsverbanden/${F.C}`);
  const items = [...section(page.text, 'fasen').matchAll(/<li[^>]*>(.*?)<\/li>/gs)].map((m) => m[1].replace(/<[^>]+>/g, '').trim());
  assert.equal(items.length, 3);
  assert.match(items[0], /^1 mei 2019: Initiatief \(procesfase: Verkennen\)/);
  assert.match(items[1], /^1 januari 2024: Groei \(procesfase: Overeenkomen\)Meer &lt;taken&gt;/);
  assert.match(items[2], /^1 juni 2025: Stabilisatie \(procesfase: Uitvoeren en vernieuwen\) — meest recent/);
  assert.match(section(page.text, 'fasen'), /<time datetime="2019-05-01">/);
  pages.push(['verband-fasen', page.text]);
});

test('/analyse/bestuurders: honest empty state while there are no people', async () => {
  const r = await anon.get('/analyse/bestuurders');
  assert.equal(r.status, 200);
  assert.match(r.text, /Nog geen bestuurders met zetels/);
  assert.match(r.text, /bevatten bewust geen personen/);
  assert.doesNotMatch(r.text, /<table/);
  pages.push(['bestuurders-leeg', r.text]);
  const n = await anon.get('/netwerk?personen=ja');
  assert.equal(n.status, 200);
  assert.match(n.text, /<h2 class="utrecht-heading-2" id="zetels">Zetels als tabel<\/h2>/);
  assert.match(n.text, /Er zijn geen personen met een openbaar ambt met een huidige zetel/);
});

// Add a fictional person with one office and seats through the /personen forms.
async function addPerson(name, office, seats) {
  let r = await S.staf.post('/personen/nieuw', [['naam', name], ['partij', 'Testpartij'], ['email', ''], ['telefoon', ''], ['opmerking', '']]);
  assert.equal(r.status, 303, `person ${name}: ${r.text.slice(0, 300)}`);
  const key = /^\/personen\/([^?]+)/.exec(r.location)[1];
  r = await S.staf.post(`/personen/${key}/functies/nieuw`, [['organisatie', F.ORG1.code], ['functie', office], ['portefeuille', ''], ['van', '2022-01-01'], ['tot', '']]);
  assert.equal(r.status, 303, `office ${name}: ${r.text.slice(0, 600)}`);
  for (const c of seats) {
    r = await S.staf.post(`/personen/${key}/zetels/nieuw`, [['samenwerkingsverband', c], ['namens', F.ORG1.code], ['orgaan', 'algemeen-bestuur'], ['van', '2022-06-01'], ['tot', '']]);
    assert.equal(r.status, 303, `seat ${name} in ${c}: ${r.text.slice(0, 600)}`);
  }
  return key;
}

test('/analyse/bestuurders: ranking and interlocks; officials only for signed-in users', async () => {
  F.K1 = await addPerson('Testpersoon Een', 'wethouder', [F.C, F.C2]);
  F.K2 = await addPerson('Testpersoon Twee <b>', 'ambtenaar', [F.C]);
  F.K3 = await addPerson('Testpersoon Drie', 'burgemeester', [F.C2]);
  const anonPage = await anon.get('/analyse/bestuurders');
  assert.equal(anonPage.status, 200);
  pages.push(['bestuurders', anonPage.text]);
  assert.match(anonPage.text, /alleen personen met een openbaar ambt/);
  assert.doesNotMatch(anonPage.text, /Testpersoon Twee/);
  const t = rows(anonPage.text);
  const i1 = t.findIndex((x) => x.startsWith('Testpersoon Een Testpartij 2 2'));
  const i3 = t.findIndex((x) => x.startsWith('Testpersoon Drie Testpartij 1 1'));
  assert.ok(i1 >= 0 && i3 > i1, t.join('\n'));
  const inter = /id="verwevenheid"(.*)$/s.exec(anonPage.text)[1];
  const it = rows(inter);
  assert.equal(it.length, 2, 'header + one interlock');
  assert.match(it[1], /^Testpersoon Een 2 /);
  assert.ok(inter.includes(`href="/samenwerkingsverbanden/${F.C}"`) && inter.includes(`href="/samenwerkingsverbanden/${F.C2}"`));
  assert.ok(anonPage.text.includes(`href="/personen/${F.K1}"`));
  const signed = await S.staf.get('/analyse/bestuurders');
  assert.match(signed.text, /Testpersoon Twee &lt;b&gt;/);
  assert.doesNotMatch(signed.text, /Testpersoon Twee <b>/);
  pages.push(['bestuurders-ingelogd', signed.text]);
});

test('network: the personen toggle adds person nodes (public office holders only when anonymous)', async () => {
  const plain = await anon.getJson('/api/v1/netwerk');
  assert.ok(plain.knopen.every((k) => k.soort !== 'persoon'));
  assert.equal(plain.personen, undefined);
  const withP = await anon.getJson('/api/v1/netwerk?personen=ja');
  assert.equal(withP.personen, true);
  const pn = withP.knopen.filter((k) => k.soort === 'persoon');
  assert.deepEqual(pn.map((k) => k.naam).sort(), ['Testpersoon Drie', 'Testpersoon Een']);
  assert.equal(withP.totaalKnopen, plain.totaalKnopen + 2);
  const seats = withP.verbindingen.filter((v) => v.soort === 'zetel' && !v.volgensDeWet);
  assert.equal(seats.length, 3);
  assert.ok(seats.some((v) => v.bron === `p-${F.K1}` && v.doel === `s-${F.C2}` && v.orgaan === 'algemeen-bestuur'));
  // a burgemeester also sits, by law, in the algemeen bestuur of the veiligheidsregio
  const byLaw = withP.verbindingen.filter((v) => v.soort === 'zetel' && v.volgensDeWet);
  assert.ok(byLaw.every((v) => v.bron === `p-${F.K3}`), JSON.stringify(byLaw));
  assert.equal(withP.totaalVerbindingen, plain.totaalVerbindingen + 3 + byLaw.length);
  const signed = await S.staf.getJson('/api/v1/netwerk?personen=ja');
  assert.equal(signed.knopen.filter((k) => k.soort === 'persoon').length, 3);
  const bad = await fetch(srv.base + '/api/v1/netwerk?personen=misschien');
  assert.equal(bad.status, 400);

  const page = await anon.get('/netwerk?personen=ja');
  assert.equal(page.status, 200);
  assert.match(page.text, /id="f-personen" name="personen" value="ja"[^>]*checked/);
  // the people can be chosen in the selector; a chosen person shows its seats
  assert.ok(page.text.includes(`<option value="p-${F.K1}">Testpersoon Een</option>`));
  const chosen = await anon.get(`/netwerk?kies=p-${F.K1}`);
  assert.equal(chosen.status, 200);
  assert.match(chosen.text, /id="netwerk-weergave-titel">Netwerk rond Testpersoon Een</);
  assert.match(page.text, new RegExp(`data-personen="2" data-zetels="${3 + byLaw.length}"`));
  const zet = /id="zetels"(.*?)<\/table>/s.exec(page.text)[1];
  const zr = rows(zet);
  assert.equal(zr.length, 4 + byLaw.length, zr.join('\n'));
  if (byLaw.length) assert.ok(zr.some((x) => /^Testpersoon Drie .* Algemeen bestuur \(volgens de wet\)$/.test(x)), zr.join('\n'));
  assert.ok(zr.includes(`Testpersoon Een ${F.CNAME} Algemeen bestuur`));
  assert.doesNotMatch(page.text, /Testpersoon Twee/);
  pages.push(['netwerk-personen', page.text]);
  const off = await anon.get('/netwerk');
  assert.doesNotMatch(off.text, /id="zetels"|Testpersoon/);
  assert.doesNotMatch(off.text, /id="f-personen"[^>]*checked/);
});

test('every new page passes the Nu HTML Checker and labels every control', async () => {
  await assertValidPages(path.join(srv.dir, 'vnu-roles'), pages);
  for (const [name, html] of pages) {
    assertControlsLabelled(name, html);
    for (const m of html.matchAll(/aria-describedby="([^"]+)"/g)) {
      for (const id of m[1].split(' ')) assert.ok(html.includes(`id="${id}"`), `${name}: describedby #${id} missing`);
    }
    assert.equal((html.match(/<h1[ >]/g) || []).length, 1, `${name}: one h1`);
  }
  assert.ok(decodeEntities('&amp;') === '&');
});
