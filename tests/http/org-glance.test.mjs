// org-glance — "Houten in één oogopslag": the organisation page opens with
// one table (each collaboration once) with the organisation's seats, its
// yearly contribution and share of the collaboration's known total, the
// next moment for its council in council terms, totals per inhabitant and
// comparable gemeenten; the printable overview (/overzicht), the council
// feed (/raadskalender.ics: only council moments, only from today on), the
// organisation feed without past or supervisor dates, ?peildatum= on the
// page, and the same overview as JSON (/api/v1/organisaties/{code}/overzicht).
// Fixtures: a fictional person, fictional amounts and an AB date entered
// through the existing forms and API on the bundled seed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import ICAL from 'ical.js';
import { startServer, addUser, login, apiClient, decodeEntities, ROOT } from './harness.mjs';
import { assertValidPages } from './vnu.mjs';

const ORG = 'gm0321'; // Houten
const OL = 'veiligheidsregio-utrecht'; // the seed's one openbaar lichaam (own budget)
const OTHER = 'gm0307'; // Amersfoort, another VRU member
const JOIN = 'ferm-werk'; // a Wgr regeling Houten does not take part in (in the seed)
const AMOUNT = 123456; // fictional
const OTHER_AMOUNT = 876544; // fictional: the known total becomes 1.000.000
const PERSON = 'Fenna Fictief-Glance';
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

let srv;
let staff; // signed-in programme staff (web forms)
let token; // the same user's API token
const pages = [];

const iso = (d) => d.toISOString().slice(0, 10);
const today = iso(new Date());
function addDays(isoDate, n) {
  const d = new Date(isoDate + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}
const text = (html) => decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
// The glance section of an organisation page.
function glance(html) {
  const m = /<section class="atlas-glance"[\s\S]*?<\/section>/.exec(html);
  assert.ok(m, 'the page has the glance section');
  return m[0];
}
// The rows of the main table: [collaboration key, row html].
function rows(section) {
  const table = /atlas-glance__main[\s\S]*?<\/table>/.exec(section)[0];
  return [...table.matchAll(/<tr class="utrecht-table__row">([\s\S]*?)<\/tr>/g)]
    .map((m) => [/href="\/samenwerkingsverbanden\/([^"]+)"/.exec(m[1])?.[1], m[1]])
    .filter(([k]) => k);
}
function events(body) {
  const comp = new ICAL.Component(ICAL.parse(body));
  return comp.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, summary: e.summary, description: e.description, start: e.startDate.toString() };
  });
}
const api = (method, p, opts) => apiClient(srv, token).call(method, p, opts);
async function setContribution(org, amount) {
  const c = await srv.getJson(`/api/v1/samenwerkingsverbanden/${OL}`);
  const p = c.deelnemers.find((d) => d.organisatie.code === org && d.actief);
  assert.ok(p, `${org} takes part in ${OL}`);
  const loc = `/api/v1/samenwerkingsverbanden/${OL}/deelnemers/${p.id}`;
  const etag = (await srv.get(loc)).headers.get('etag');
  const r = await api('PATCH', loc, { ifMatch: etag, body: { bijdrage: amount } });
  assert.equal(r.status, 200, r.text);
}

before(async () => {
  srv = await startServer();
  token = addUser(srv.db, 'glance-staf', 'programmateam', { token: 'test' });
  staff = await login(srv.base, 'glance-staf');

  // a bijdrage for Houten and one for another member, through the API as it is
  await setContribution(ORG, AMOUNT);
  await setContribution(OTHER, OTHER_AMOUNT);

  // a fictional wethouder of Houten with a seat in the VRU's algemeen bestuur
  let r = await staff.post('/personen/nieuw', { naam: PERSON, partij: 'Testpartij', email: '', telefoon: '', opmerking: '' });
  assert.equal(r.status, 303, r.text.slice(0, 400));
  const key = /\/personen\/([^/?]+)/.exec(r.location)[1];
  r = await staff.post(`/personen/${key}/functies/nieuw`, { organisatie: ORG, functie: 'wethouder', portefeuille: '', van: '2022-06-01', tot: '' });
  assert.equal(r.status, 303, r.text.slice(0, 400));
  r = await staff.post(`/personen/${key}/zetels/nieuw`, { samenwerkingsverband: OL, namens: ORG, orgaan: 'algemeen-bestuur', van: '2022-07-01', tot: '' });
  assert.equal(r.status, 303, r.text.slice(0, 400));

  // Houten joins another regeling on 1 January 2025 (time travel shows the difference)
  r = await api('POST', `/api/v1/samenwerkingsverbanden/${JOIN}/deelnemers`, { body: { organisatie: ORG, rol: 'deelnemer', toegetreden: '2025-01-01' } });
  assert.equal(r.status, 201, r.text);
});

after(async () => {
  await srv?.stop();
});

test('the table comes first, each collaboration once, with the bijdrage, share, total and seat', async () => {
  const r = await srv.get(`/organisaties/${ORG}`);
  assert.equal(r.status, 200);
  pages.push(['houten', r.text]);
  const body = r.text;
  // the overview comes before the details
  assert.ok(body.indexOf('atlas-glance') < body.indexOf('>Gegevens</h2>'), 'the table precedes the details');
  const g = glance(body);
  const rs = rows(g);
  const keys = rs.map(([k]) => k);
  assert.ok(keys.length >= 5, `rows: ${keys.join()}`);
  assert.equal(new Set(keys).size, keys.length, `each collaboration once: ${keys.join()}`);
  assert.ok(keys.includes('u10'), 'U10 (a network of many domains) is one row');

  const vru = text(rs.find(([k]) => k === OL)[1]);
  assert.match(vru, /€ 123\.456/, 'the bijdrage in Dutch format');
  assert.match(vru, /12,3 %/, 'share of the known total');
  assert.match(vru, /van € 1\.000\.000/, 'the known total it is a share of');
  assert.match(vru, new RegExp(`Algemeen bestuur: ${PERSON}`), 'the seat from the people registry');
  // an unknown amount is "onbekend", never zero
  const u10 = text(rs.find(([k]) => k === 'u10')[1]);
  assert.match(u10, /onbekend/);
  assert.doesNotMatch(u10, /€ 0\b/);

  const all = text(g);
  assert.match(all, /Totaal bekende bijdragen/);
  assert.match(all, /Kosten: Houten draagt per jaar € 123\.456 bij aan 1 van de \d+ samenwerkingsverbanden/);
  assert.match(all, /per inwoner/);
  // comparison with gemeenten of similar size, unknown said as such
  assert.match(g, /id="vergelijking"/);
  const cmp = /Bekende bijdragen vergeleken[\s\S]*?<\/table>/.exec(g)[0];
  assert.ok((cmp.match(/href="\/organisaties\//g) || []).length >= 3, 'Houten and at least two peers');
  assert.match(text(cmp), /onbekend/);
  // links to the printable overview, the council feed and the JSON
  for (const href of [`/organisaties/${ORG}/overzicht`, `/organisaties/${ORG}/raadskalender.ics`, `/api/v1/organisaties/${ORG}/overzicht`])
    assert.ok(g.includes(`href="${href}"`), `link to ${href}`);
  // the time-travel control in a GET form
  assert.match(body, /<form[^>]*method="get"[^>]*action="\/organisaties\/gm0321"[\s\S]*?name="peildatum"/);
});

test('deadlines in council terms: an AB date gives "Zienswijze … indienen vóór … — agendeer in de raad van …"', async () => {
  const year = Number(today.slice(0, 4)) + 1;
  const ab = addDays(today, 150);
  const r = await staff.post(`/samenwerkingsverbanden/${OL}/ab-vergaderingen`, { begrotingsjaar: String(year), datum: ab });
  assert.equal(r.status, 303, r.text.slice(0, 400));
  const [y, m, d] = ab.split('-').map(Number);
  const agendaMonth = MONTHS[(m + 10) % 12] + (m === 1 ? ` ${y - 1}` : '');
  const phrase = `Zienswijze op de begroting ${year} indienen vóór ${d} ${MONTHS[m - 1]} ${y} — agendeer in de raad van ${agendaMonth}`;
  const page = await srv.get(`/organisaties/${ORG}`);
  const vru = text(rows(glance(page.text)).find(([k]) => k === OL)[1]);
  assert.ok(vru.includes(phrase), `"${phrase}" in: ${vru}`);
  // and in the summary above the table, the first thing a council member reads
  const facts = text(/atlas-glance__facts[\s\S]*?<\/ul>/.exec(page.text)[0]);
  assert.ok(facts.includes(phrase), `summary: ${facts}`);

  // the council feed holds the zienswijze and its agenda reminder
  const f = await srv.get(`/organisaties/${ORG}/raadskalender.ics`);
  assert.equal(f.status, 200);
  assert.equal(f.headers.get('content-type'), 'text/calendar; charset=utf-8');
  const ev = events(f.text);
  const zw = ev.find((e) => e.uid === `raad-zienswijze-begroting-${OL}-${year}-${ORG}@samenwerkingsatlas`);
  assert.ok(zw, 'the zienswijze deadline is an event');
  assert.equal(zw.start, ab);
  const ag = ev.find((e) => e.uid === `raad-agenderen-zienswijze-begroting-${OL}-${year}-${ORG}@samenwerkingsatlas`);
  const agendaStart = `${m === 1 ? y - 1 : y}-${String(m === 1 ? 12 : m - 1).padStart(2, '0')}-01`;
  if (agendaStart >= today) {
    assert.ok(ag, 'the agenderen reminder is an event');
    assert.equal(ag.start, agendaStart);
    assert.match(ag.summary, /^Agenderen: zienswijze begroting/);
  } else {
    assert.ok(!ag, 'no reminder in the past');
  }
});

test('the council feed: only council moments, only from today on; the organisation feed: nothing past, no supervisor dates', async () => {
  const council = events((await srv.get(`/organisaties/${ORG}/raadskalender.ics`)).text);
  assert.ok(council.length > 0, 'the feed has events (kadernota, voorlopige jaarrekening, zienswijze)');
  for (const e of council) {
    assert.ok(e.start >= today, `${e.uid} starts ${e.start}, before today`);
    assert.match(e.uid, /^raad-(agenderen-)?(kadernota|voorlopige-jaarrekening|ontwerpbegroting|zienswijze-begroting)-/, e.uid);
    assert.doesNotMatch(`${e.summary} ${e.description}`, /Gedeputeerde Staten|toezichthouder|minister/i, e.uid);
  }
  const org = events((await srv.get(`/organisaties/${ORG}/kalender.ics`)).text);
  assert.ok(org.length > 0);
  for (const e of org) {
    assert.ok(e.start >= today, `${e.uid} starts ${e.start}, before today`);
    assert.doesNotMatch(e.uid, /toezicht/, `supervisor moment ${e.uid} in a gemeente's feed`);
  }
  // the collaboration's own feed keeps the supervisor moments
  const col = events((await srv.get(`/samenwerkingsverbanden/${OL}/kalender.ics`)).text);
  assert.ok(col.some((e) => /toezicht/.test(e.uid)), 'the collaboration feed still has them');
  // the calendar page of the organisation shows no supervisor moment either
  const cal = text((await srv.get(`/organisaties/${ORG}/kalender`)).text);
  assert.doesNotMatch(cal, /Begroting naar toezichthouder \d{4}/);
  assert.equal((await srv.get('/organisaties/gm9999/raadskalender.ics')).status, 404);
});

test('?peildatum= changes the organisation page; a bad date is a clear 400', async () => {
  const now = rows(glance((await srv.get(`/organisaties/${ORG}`)).text)).map(([k]) => k);
  assert.ok(now.includes(JOIN), 'joined 2025: in the table today');
  const r = await srv.get(`/organisaties/${ORG}?peildatum=2024-06-01`);
  assert.equal(r.status, 200);
  pages.push(['houten-2024', r.text]);
  assert.match(text(r.text), /1 juni 2024/, 'the time-travel notice names the date');
  const then = rows(glance(r.text)).map(([k]) => k);
  assert.ok(!then.includes(JOIN), 'not yet joined on 1 June 2024');
  assert.match(r.text, /name="peildatum"[^>]*value="2024-06-01"/);
  const bad = await srv.get(`/organisaties/${ORG}?peildatum=morgen`);
  assert.equal(bad.status, 400);
  assert.match(bad.text, /peildatum/);
  const api2024 = await srv.getJson(`/api/v1/organisaties/${ORG}/overzicht?peildatum=2024-06-01`);
  assert.ok(!api2024.samenwerkingsverbanden.some((x) => x.samenwerkingsverband.id === JOIN));
});

test('the API overview matches the page', async () => {
  const j = await srv.getJson(`/api/v1/organisaties/${ORG}/overzicht`);
  assert.equal(j.organisatie.code, ORG);
  assert.equal(j.organisatie.volksvertegenwoordiging, 'de raad');
  const page = rows(glance((await srv.get(`/organisaties/${ORG}`)).text)).map(([k]) => k);
  assert.deepEqual(j.samenwerkingsverbanden.map((x) => x.samenwerkingsverband.id), page);
  const vru = j.samenwerkingsverbanden.find((x) => x.samenwerkingsverband.id === OL);
  assert.equal(vru.bijdrage.bedrag, AMOUNT);
  assert.equal(vru.bijdrage.totaalBekend, AMOUNT + OTHER_AMOUNT);
  assert.equal(vru.bijdrage.aandeel, 0.1235);
  assert.equal(vru.bijdrage.bedragVorigJaar, null, 'entered this year: last year unknown');
  assert.ok(vru.zetels.some((z) => z.persoon === PERSON && z.orgaan === 'algemeen-bestuur'));
  assert.ok(vru.volgendMoment && vru.volgendMoment.datum >= today);
  const u10 = j.samenwerkingsverbanden.find((x) => x.samenwerkingsverband.id === 'u10');
  assert.equal(u10.bijdrage.bedrag, null);
  assert.equal(u10.volgendMoment, null);
  assert.ok(u10.toelichtingMoment);
  assert.equal(j.totaal.bekendeBijdragen, AMOUNT);
  assert.equal(j.totaal.aantalBijdragenBekend, 1);
  assert.ok(j.vergelijking.length >= 2);
  for (const p of j.vergelijking) assert.equal(p.perInwoner, null, `${p.code}: no known contributions, so unknown`);
  assert.equal((await srv.get('/api/v1/organisaties/gm9999/overzicht')).status, 404);
  assert.equal((await srv.get(`/api/v1/organisaties/${ORG}/overzicht?peildatum=2024-02-30`)).status, 400);
});

test('the printable overview and the provincie and waterschap wording', async () => {
  const r = await srv.get(`/organisaties/${ORG}/overzicht`);
  assert.equal(r.status, 200);
  pages.push(['houten-overzicht', r.text]);
  assert.match(text(r.text), /Houten in één oogopslag/);
  assert.ok(rows(glance(r.text)).some(([k]) => k === OL));
  const pv = await srv.get('/organisaties/pv26');
  pages.push(['provincie', pv.text]);
  assert.match(text(glance(pv.text)), /Volgende moment voor Provinciale Staten/);
  const ws = await srv.get('/organisaties/ws0636');
  assert.match(text(glance(ws.text)), /Volgende moment voor het algemeen bestuur/);
  assert.equal((await srv.get('/organisaties/gm9999/overzicht')).status, 404);
});

test('the pages are valid HTML', async () => {
  await assertValidPages(path.join(ROOT, 'build', 'vnu', 'org-glance'), pages);
});
