// financien_kengetallen — the six BBV kengetallen against the real binary, on
// SQLite or PostgreSQL:
//   - the public page and API of a gemeente without inputs: every ratio "niet
//     te berekenen" with its reason, never a number
//   - staff enter a begroting in € 1.000 (stored in euro): the ratios, the
//     formula filled in, the signal A/B/C with the band's source, the BBV
//     presentation columns; negative eigen vermogen is not computable
//   - bad input: Dutch field errors, 400, nothing written
//   - the gemeente's own editor may enter, another gemeente's editor may not
//   - the CSV import: template, all or nothing with file, line and column,
//     the API import (text/csv) with 422 and its errors
//   - the signal bands as data: staff change one, the category follows
// Every amount and source is fictional.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, addUser, login, anonymous, apiClient, sql } from './harness.mjs';
import { assertValidPages } from './vnu.mjs';

let srv, anon, staff, ownEd, otherEd, staffApi, ownApi, otherApi;
const F = {};
const count = (q) => Number(String(sql(srv.db, q)).trim());
const inputs = () => count('SELECT count(*) FROM fin_kengetal_input');
const audits = () => count("SELECT count(*) FROM audit_event WHERE entity LIKE 'fin_kengetal%'");
const kg = (code, q = '') => anon.getJson(`/api/v1/financien/gemeenten/${code}/kengetallen${q}`);
const ratio = (d, key) => d.kengetallen.find((k) => k.sleutel === key);
const text = (html) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

// A begroting in € 1.000 (balance and exploitation) and euro (woonlasten).
const BEGROTING = {
  vaste_schulden: '100.000', netto_vlottende_schulden: '20.000', overlopende_passiva: '10.000',
  uitzettingen_lang: '5.000', leningen_verstrekt: '15.000', uitzettingen_kort: '1.000',
  liquide_middelen: '2.000', overlopende_activa: '2.000', totale_baten: '150.000',
  eigen_vermogen: '30.000', balanstotaal: '200.000', bouwgronden_niet_in_exploitatie: '0',
  bouwgronden_in_exploitatie: '45.000', totale_lasten: '148.000', incidentele_lasten: '3.000',
  incidentele_baten: '2.000', structurele_toevoegingen: '1.000', structurele_onttrekkingen: '1.500',
  ozb_gezin: '400', rioolheffing_gezin: '250', afvalstoffenheffing_gezin: '300', heffingskorting: '0',
  woonlasten_landelijk: '900',
};
const formOf = (year, kind, unit, amounts, src = 'Fictieve begroting, p. 1') => {
  const f = [['jaar', String(year)], ['soort', kind], ['eenheid', unit]];
  for (const [k, v] of Object.entries(amounts)) f.push([k, v], [`${k}_bron`, v === '' ? '' : src]);
  return f;
};

async function upload(s, code, name, body) {
  const fd = new FormData();
  if (s.csrf) fd.append('csrf', s.csrf);
  fd.append('bestand', new Blob([body]), name);
  const headers = s.cookie ? { cookie: s.cookie } : {};
  const r = await fetch(`${s.base}/financien/${code}/kengetallen/importeren`, { method: 'POST', body: fd, headers, redirect: 'manual' });
  return { status: r.status, location: r.headers.get('location'), text: await r.text() };
}

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  const gm = (await anon.getJson('/api/v1/organisaties?soort=gemeente&paginaGrootte=100')).organisaties
    .filter((o) => o.inProvincie === true && /^gm\d{4}$/.test(o.code));
  [F.P, F.Q] = gm;
  assert.ok(F.P && F.Q);
  addUser(srv.db, 'kg-staf', 'programmateam');
  addUser(srv.db, 'kg-red-p', 'redacteur', { org: F.P.code });
  addUser(srv.db, 'kg-red-q', 'redacteur', { org: F.Q.code });
  staff = await login(srv.base, 'kg-staf');
  ownEd = await login(srv.base, 'kg-red-p');
  otherEd = await login(srv.base, 'kg-red-q');
  const tok = (n) => srv.db && addUser(srv.db, `${n}-api`, n === 'staf' ? 'programmateam' : 'redacteur',
    { org: n === 'staf' ? undefined : n === 'p' ? F.P.code : F.Q.code, token: 'kg-test' });
  staffApi = apiClient(srv, tok('staf'));
  ownApi = apiClient(srv, tok('p'));
  otherApi = apiClient(srv, tok('q'));
});

after(() => srv?.stop());

test('no inputs: every kengetal "niet te berekenen" with its reason, page and API', async () => {
  const d = await kg(F.P.code, '?jaar=2024&soort=begroting');
  assert.equal(d.gemeente, F.P.code.toUpperCase());
  assert.equal(d.eenheid, 'euro');
  assert.deepEqual(d.kolommen.map((k) => k.kolom), ['Verslag 2022', 'Begroting 2023', 'Begroting 2024']);
  assert.equal(d.kengetallen.length, 6);
  for (const k of d.kengetallen)
    for (const c of k.kolommen) {
      assert.equal(c.waarde, null);
      assert.match(c.nietTeBerekenen, /^Niet te berekenen: (een onderdeel ontbreekt|onderdelen ontbreken)/);
      assert.equal(c.signaal, null);
    }
  const r = await anon.get(`/financien/${F.P.code}/kengetallen?jaar=2024`);
  assert.equal(r.status, 200);
  assert.match(r.text, /niet te berekenen/);
  assert.ok(!r.text.includes('/kengetallen/invoer'), 'no input link for the public');
  // the scan page links here
  const s = await anon.get(`/financien/${F.P.code}`);
  assert.ok(s.text.includes(`/financien/${F.P.code}/kengetallen`));
  // unknown gemeente, bad year
  assert.equal((await anon.get('/financien/gm0000/kengetallen')).status, 404);
  assert.equal((await anon.get(`/financien/${F.P.code}/kengetallen?jaar=1800`)).status, 400);
  assert.equal((await anon.get('/api/v1/financien/gemeenten/gm0000/kengetallen')).status, 404);
});

test('staff enter a begroting in € 1.000: ratios, formula, signal with source, stored in euro', async () => {
  const before = audits();
  const loc = await staff.submit(`/financien/${F.P.code}/kengetallen/invoer`, formOf(2024, 'begroting', 'duizend_euro', BEGROTING));
  assert.match(loc, /kengetallen\?jaar=2024&soort=begroting&melding=opgeslagen/);
  assert.equal(audits(), before + 1);
  // stored in euro cents: 100.000 thousand = 100 million euro
  assert.equal(count(`SELECT cents FROM fin_kengetal_input WHERE component = 'vaste_schulden' AND year = 2024`), 10000000000);
  assert.equal(count(`SELECT cents FROM fin_kengetal_input WHERE component = 'ozb_gezin' AND year = 2024`), 40000);
  const d = await kg(F.P.code, '?jaar=2024&soort=begroting');
  const t = (key) => ratio(d, key).kolommen[2];
  // NSQ (100+20+10-5-1-2-2)/150 = 80 %: A (< 90)
  assert.equal(t('netto_schuldquote').waarde, 80);
  assert.equal(t('netto_schuldquote').signaal, 'A');
  assert.equal(t('netto_schuldquote').berekening,
    '(€ 100.000.000 + € 20.000.000 + € 10.000.000 − € 5.000.000 − € 1.000.000 − € 2.000.000 − € 2.000.000) / € 150.000.000 × 100% = 80,0 %');
  // corrected: also the 15 million loans: 70 %
  assert.equal(t('netto_schuldquote_gecorrigeerd').waarde, 70);
  // solvabiliteit 30/200 = 15 %: C (< 20)
  assert.equal(t('solvabiliteitsratio').waarde, 15);
  assert.equal(t('solvabiliteitsratio').signaal, 'C');
  // grondexploitatie 45/150 = 30 %: B (20–35)
  assert.equal(t('grondexploitatie').signaal, 'B');
  // SER ((150-2)-(148-3) + (1.5-1))/150 = 2.3 %: A
  assert.equal(t('structurele_exploitatieruimte').waarde, 2.3);
  // belastingcapaciteit 950/900 = 105.6 %: C
  assert.equal(t('belastingcapaciteit').waarde, 105.6);
  assert.equal(t('belastingcapaciteit').signaal, 'C');
  const nsq = ratio(d, 'netto_schuldquote');
  assert.equal(nsq.signaleringswaarden.ondergrens, 90);
  assert.match(nsq.signaleringswaarden.bron, /Etten-Leur/);
  const vs = t('netto_schuldquote').onderdelen.find((o) => o.sleutel === 'vaste_schulden');
  assert.deepEqual([vs.bedrag, vs.bron, vs.artikel], [100000000, 'Fictieve begroting, p. 1', 'BBV art. 46']);
  // the earlier columns have no inputs
  assert.equal(ratio(d, 'netto_schuldquote').kolommen[0].waarde, null);
  // the page: the signal in words, the band's source, the formula filled in
  const page = text((await anon.get(`/financien/${F.P.code}/kengetallen?jaar=2024&soort=begroting`)).text);
  assert.match(page, /Categorie C \(meest risicovol\)/);
  assert.match(page, /Categorie A \(minst risicovol\)/);
  assert.match(page, /= 80,0 %/);
  assert.match(page, /Bron: Fictieve begroting, p\. 1/);
  assert.match(page, /Etten-Leur/);
  // the form shows the stored amounts in euro
  const form = await staff.get(`/financien/${F.P.code}/kengetallen/invoer?jaar=2024&soort=begroting`);
  assert.equal(form.status, 200);
  assert.match(form.text, /name="vaste_schulden"[^>]*value="100\.000\.000"/);
  assert.match(form.text, /BBV art\. 46/);
});

test('negative eigen vermogen and a zero balanstotaal: not computable, never a number', async () => {
  await staff.submit(`/financien/${F.Q.code}/kengetallen/invoer`,
    formOf(2024, 'jaarverslag', 'euro', { eigen_vermogen: '-1.200', balanstotaal: '50.000' }));
  let d = await kg(F.Q.code, '?jaar=2024&soort=jaarverslag');
  assert.deepEqual(d.kolommen.map((k) => k.kolom), ['Verslag 2023', 'Begroting 2024', 'Verslag 2024']);
  let sr = ratio(d, 'solvabiliteitsratio').kolommen[2];
  assert.equal(sr.waarde, null);
  assert.match(sr.nietTeBerekenen, /eigen vermogen is negatief/);
  await staff.submit(`/financien/${F.Q.code}/kengetallen/invoer`,
    formOf(2024, 'jaarverslag', 'euro', { eigen_vermogen: '0', balanstotaal: '0' }));
  d = await kg(F.Q.code, '?jaar=2024&soort=jaarverslag');
  sr = ratio(d, 'solvabiliteitsratio').kolommen[2];
  assert.equal(sr.waarde, null);
  assert.match(sr.nietTeBerekenen, /delen door nul/);
  // the form replaces the set: the negative amount is gone, two inputs remain
  assert.equal(count(`SELECT count(*) FROM fin_kengetal_input WHERE gemeente = '${F.Q.code.toUpperCase()}'`), 2);
});

test('bad input: Dutch field errors, 400, nothing written', async () => {
  const n = inputs(), a = audits();
  const bad = formOf(2025, 'begroting', 'euro', { vaste_schulden: '12,500', liquide_middelen: '-5', balanstotaal: '1.000' });
  const withoutSource = bad.map(([k, v]) => [k, k === 'balanstotaal_bron' ? '' : v]);
  const r = await staff.post(`/financien/${F.P.code}/kengetallen/invoer`, withoutSource);
  assert.equal(r.status, 400);
  assert.match(r.text, /Controleer uw invoer/);
  assert.match(r.text, /href="#f-vaste_schulden"/);
  assert.match(r.text, /kan niet negatief zijn/);
  assert.match(r.text, /Vul de bron in/);
  const r2 = await staff.post(`/financien/${F.P.code}/kengetallen/invoer`, [['jaar', '1999'], ['soort', 'rekening'], ['eenheid', 'miljoen']]);
  assert.equal(r2.status, 400);
  assert.match(r2.text, /Kies begroting of jaarverslag/);
  assert.equal(inputs(), n);
  assert.equal(audits(), a);
});

test('who may enter: the own editor yes, another gemeente\'s editor and the public no', async () => {
  const n = inputs();
  assert.equal((await ownEd.get(`/financien/${F.P.code}/kengetallen/invoer`)).status, 200);
  assert.ok((await ownEd.get(`/financien/${F.P.code}/kengetallen`)).text.includes(`/financien/${F.P.code}/kengetallen/invoer`));
  await ownEd.submit(`/financien/${F.P.code}/kengetallen/invoer`, formOf(2023, 'begroting', 'euro', { totale_baten: '1.000' }));
  assert.equal(inputs(), n + 1);
  assert.equal((await otherEd.get(`/financien/${F.P.code}/kengetallen/invoer`)).status, 403);
  assert.equal((await otherEd.post(`/financien/${F.P.code}/kengetallen/invoer`, formOf(2023, 'begroting', 'euro', { totale_baten: '9' }))).status, 403);
  assert.equal((await otherEd.get(`/financien/${F.P.code}/kengetallen/importeren`)).status, 403);
  const a = await anon.get(`/financien/${F.P.code}/kengetallen/invoer`);
  assert.equal(a.status, 303);
  assert.match(a.location, /^\/inloggen/);
  assert.equal(inputs(), n + 1);
  // API: the own editor's token reads and writes, another's is refused
  const w = await ownApi.call('POST', `/api/v1/financien/gemeenten/${F.P.code}/kengetallen/invoer`,
    { body: { jaar: 2022, soort: 'jaarverslag', eenheid: 'euro', onderdelen: { totale_baten: { bedrag: '2.000', bron: 'Fictief jaarverslag 2022, p. 9' } } } });
  assert.equal(w.status, 200, w.text);
  assert.deepEqual(w.json.onderdelen, { totale_baten: { bedrag: 2000, bron: 'Fictief jaarverslag 2022, p. 9' } });
  const g = await ownApi.call('GET', `/api/v1/financien/gemeenten/${F.P.code}/kengetallen/invoer?jaar=2022&soort=jaarverslag`);
  assert.equal(g.status, 200);
  assert.equal(g.json.onderdelen.totale_baten.bedrag, 2000);
  const o = await otherApi.call('POST', `/api/v1/financien/gemeenten/${F.P.code}/kengetallen/invoer`,
    { body: { jaar: 2022, soort: 'jaarverslag', onderdelen: {} } });
  assert.equal(o.status, 403);
  assert.equal((await otherApi.call('GET', `/api/v1/financien/gemeenten/${F.P.code}/kengetallen/invoer`)).status, 403);
  const bad = await staffApi.call('POST', `/api/v1/financien/gemeenten/${F.P.code}/kengetallen/invoer`,
    { body: { jaar: 2022, soort: 'jaarverslag', onderdelen: { onbekend: { bedrag: '1', bron: 'x' }, totale_baten: { bedrag: 'veel', bron: '' } } } });
  assert.equal(bad.status, 400);
  assert.equal(g.json.onderdelen.totale_baten.bedrag, 2000);
  assert.equal(count(`SELECT cents FROM fin_kengetal_input WHERE year = 2022 AND component = 'totale_baten' AND gemeente = '${F.P.code.toUpperCase()}'`), 200000);
});

test('CSV import: template, all or nothing with file, line and column, page and API', async () => {
  const tpl = await anon.get('/financien/kengetallen/sjabloon.csv');
  assert.equal(tpl.status, 200);
  assert.match(tpl.headers.get('content-type'), /text\/csv/);
  assert.match(tpl.text, /jaar,soort,onderdeel,bedrag,eenheid,bron,toelichting/);
  assert.match(tpl.text, /,,vaste_schulden,,duizend_euro,,Vaste schulden \(BBV art\. 46\)/);
  const n = inputs(), a = audits();
  const bad = 'jaar;soort;onderdeel;bedrag;eenheid;bron\n' +
    '2021;jaarverslag;vaste_schulden;1.000;duizend_euro;Fictief jaarverslag 2021, p. 3\n' +
    '2021;jaarverslag;schulden;1.000;duizend_euro;Fictief\n' +
    '2021;jaarverslag;liquide_middelen;12,500;euro;Fictief\n';
  const r = await upload(staff, F.P.code, 'fout.csv', bad);
  assert.equal(r.status, 400);
  const t = text(r.text);
  assert.match(t, /2 fouten gevonden/);
  assert.match(t, /fout\.csv, regel 3, kolom 3 \(onderdeel\): Onbekend onderdeel/);
  assert.match(t, /fout\.csv, regel 4, kolom 4 \(bedrag\)/);
  assert.match(t, /Er is niets opgeslagen/);
  assert.equal(inputs(), n);
  const good = 'jaar,soort,onderdeel,bedrag,eenheid,bron,toelichting\n' +
    '2022,jaarverslag,eigen_vermogen,"40.000",duizend_euro,"Fictief jaarverslag 2022, p. 80",\n' +
    '2022,jaarverslag,balanstotaal,"100.000",duizend_euro,"Fictief jaarverslag 2022, p. 80",\n' +
    ',,vaste_schulden,,duizend_euro,,overgeslagen sjabloonregel\n' +
    '2023,begroting,eigen_vermogen,"10.000",duizend_euro,"Fictieve begroting 2023, p. 5",\n' +
    '2023,begroting,balanstotaal,"100.000",duizend_euro,"Fictieve begroting 2023, p. 5",\n';
  const ok = await upload(staff, F.P.code, 'goed.csv', good);
  assert.equal(ok.status, 303, ok.text.slice(0, 500));
  assert.match(ok.location, /melding=geimporteerd/);
  assert.equal(audits(), a + 2); // one event per year and document
  const d = await kg(F.P.code, '?jaar=2024&soort=begroting');
  const sr = ratio(d, 'solvabiliteitsratio');
  // verslag 2022 40 %, begroting 2023 10 %, begroting 2024 15 % (earlier test)
  assert.deepEqual(sr.kolommen.map((k) => k.waarde), [40, 10, 15]);
  assert.deepEqual(sr.kolommen.map((k) => k.signaal), ['B', 'C', 'C']);
  // the import left the earlier 2022 totale_baten alone
  assert.equal(count(`SELECT count(*) FROM fin_kengetal_input WHERE year = 2022 AND gemeente = '${F.P.code.toUpperCase()}'`), 3);
  // API: raw text/csv; errors as 422 with line and column
  const n2 = inputs();
  const e = await staffApi.call('POST', `/api/v1/financien/gemeenten/${F.P.code}/kengetallen/importen?bestand=api.csv`,
    { body: 'jaar,soort,onderdeel,bedrag,eenheid,bron\n2021,rekening,vaste_schulden,1,euro,Fictief\n', type: 'text/csv' });
  assert.equal(e.status, 422);
  assert.deepEqual([e.json.fouten[0].regel, e.json.fouten[0].kolom, e.json.fouten[0].kolomnaam], [2, 2, 'soort']);
  assert.equal(e.json.opgeslagen, false);
  assert.equal(inputs(), n2);
  const g = await staffApi.call('POST', `/api/v1/financien/gemeenten/${F.P.code}/kengetallen/importen`,
    { body: 'jaar,soort,onderdeel,bedrag,eenheid,bron\n2021,jaarverslag,vaste_schulden,1,euro,Fictief jaarverslag 2021\n', type: 'text/csv' });
  assert.equal(g.status, 200, g.text);
  assert.equal(g.json.aantalOpgeslagen, 1);
  assert.equal(inputs(), n2 + 1);
  assert.equal((await otherApi.call('POST', `/api/v1/financien/gemeenten/${F.P.code}/kengetallen/importen`,
    { body: 'jaar,soort,onderdeel,bedrag,eenheid,bron\n2021,jaarverslag,liquide_middelen,1,euro,Fictief\n', type: 'text/csv' })).status, 403);
  assert.equal(inputs(), n2 + 1);
});

test('signal bands as data: staff change one and the category follows; bad bounds change nothing', async () => {
  const list = await staff.get('/beheer/financien/signaleringswaarden');
  assert.equal(list.status, 200);
  assert.match(text(list.text), /lager dan 90,0 %/);
  assert.equal((await ownEd.get('/beheer/financien/signaleringswaarden')).status, 403);
  const form = await staff.get('/beheer/financien/signaleringswaarden/netto_schuldquote');
  assert.equal(form.status, 200);
  const before = sql(srv.db, "SELECT low || '/' || high FROM fin_kengetal_band WHERE ratio = 'netto_schuldquote'").trim();
  const bad = await staff.post('/beheer/financien/signaleringswaarden/netto_schuldquote',
    [['ondergrens', '80'], ['bovengrens', '70'], ['richting', 'lager_is_beter'], ['bron', 'Fictieve nota'], ['bronUrl', '']]);
  assert.equal(bad.status, 400);
  assert.match(bad.text, /De bovengrens is lager dan de ondergrens/);
  assert.equal(sql(srv.db, "SELECT low || '/' || high FROM fin_kengetal_band WHERE ratio = 'netto_schuldquote'").trim(), before);
  assert.equal((await ownEd.post('/beheer/financien/signaleringswaarden/netto_schuldquote',
    [['ondergrens', '1'], ['bovengrens', '2'], ['richting', 'lager_is_beter'], ['bron', 'x']])).status, 403);
  await staff.submit('/beheer/financien/signaleringswaarden/netto_schuldquote',
    [['ondergrens', '60'], ['bovengrens', '75,5'], ['richting', 'lager_is_beter'], ['bron', 'Fictieve nota van de provincie'], ['bronUrl', 'https://voorbeeld.invalid/nota']]);
  const d = await kg(F.P.code, '?jaar=2024&soort=begroting');
  const nsq = ratio(d, 'netto_schuldquote');
  assert.equal(nsq.kolommen[2].waarde, 80);
  assert.equal(nsq.kolommen[2].signaal, 'C');
  assert.equal(nsq.signaleringswaarden.bovengrens, 75.5);
  assert.equal(nsq.signaleringswaarden.bron, 'Fictieve nota van de provincie');
  assert.equal(nsq.signaleringswaarden.categorieen.B, '60,0 % tot en met 75,5 %');
  assert.equal(count("SELECT count(*) FROM audit_event WHERE entity = 'fin_kengetal_band'"), 1);
});

test('every kengetallen page is valid HTML (Nu HTML Checker)', async () => {
  const bad = formOf(2025, 'begroting', 'euro', { vaste_schulden: '12,500' });
  const pages = [
    ['kengetallen', (await anon.get(`/financien/${F.P.code}/kengetallen?jaar=2024`)).text],
    ['kengetallen-staf', (await staff.get(`/financien/${F.P.code}/kengetallen?jaar=2024&melding=opgeslagen`)).text],
    ['kengetallen-fout', (await anon.get(`/financien/${F.P.code}/kengetallen?jaar=1800`)).text],
    ['invoer', (await staff.get(`/financien/${F.P.code}/kengetallen/invoer?jaar=2024&soort=begroting`)).text],
    ['invoer-fout', (await staff.post(`/financien/${F.P.code}/kengetallen/invoer`, bad)).text],
    ['importeren', (await staff.get(`/financien/${F.P.code}/kengetallen/importeren`)).text],
    ['importeren-fout', (await upload(staff, F.P.code, 'fout.csv', 'jaar,soort\n2024,begroting\n')).text],
    ['banden', (await staff.get('/beheer/financien/signaleringswaarden')).text],
    ['band', (await staff.get('/beheer/financien/signaleringswaarden/solvabiliteitsratio')).text],
    ['band-fout', (await staff.post('/beheer/financien/signaleringswaarden/solvabiliteitsratio', [['ondergrens', 'x']])).text],
  ];
  await assertValidPages(path.join(srv.dir, 'vnu-kengetallen'), pages);
});
