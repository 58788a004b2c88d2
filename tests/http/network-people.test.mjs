// network-people — /netwerk.csv with personen=ja (issue 5): the seat edges
// follow the participations in the same columns plus a last column
// "Soort verbinding" (deelname / zetel); the CSV agrees with
// GET /api/v1/netwerk?personen=ja; anonymous visitors get only people with
// a public office (an official's seat appears only when signed in); names
// are quoted and escaped; without personen the CSV is unchanged (7
// columns). Fictional people are made through the web forms as
// programmateam; users come from the CLI.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, addUser, login, anonymous } from './harness.mjs';
import { parseCsv, formulaCells } from './csv.mjs';

const HOSTILE = 'Kees "de" Test, <b>&'; // quotes, comma, markup
let srv;
let anon; // the anonymous visitor
let S;
const F = {};

async function csv(p, sess) {
  const r = await fetch(srv.base + p, { headers: sess ? { cookie: sess.cookie } : {} });
  assert.equal(r.status, 200, `GET ${p}`);
  assert.match(r.headers.get('content-type'), /^text\/csv/);
  return parseCsv(await r.text());
}

// a person with one office in org and one current seat in collab
async function person(name, office, org, collab, body) {
  let r = await S.post('/personen/nieuw', [['naam', name], ['partij', ''], ['email', ''], ['telefoon', ''], ['opmerking', '']]);
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const key = /^\/personen\/([^?]+)/.exec(r.location)[1];
  r = await S.post(`/personen/${key}/functies/nieuw`, [['organisatie', org], ['functie', office], ['portefeuille', ''], ['van', '2020-01-01'], ['tot', '']]);
  assert.equal(r.status, 303, r.text.slice(0, 300));
  r = await S.post(`/personen/${key}/zetels/nieuw`, [['samenwerkingsverband', collab], ['namens', org], ['orgaan', body], ['van', '2021-01-01'], ['tot', '']]);
  assert.equal(r.status, 303, r.text.slice(0, 300));
  return key;
}

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  const list = await anon.getJson('/api/v1/samenwerkingsverbanden?paginaGrootte=100');
  for (const c of list.samenwerkingsverbanden) {
    if (c.juridischeVorm !== 'OL' || !c.actief) continue;
    const full = await anon.getJson(`/api/v1/samenwerkingsverbanden/${c.id}`);
    const d = full.deelnemers.find((x) => x.actief && x.organisatie.soort === 'gemeente');
    if (!d) continue;
    F.C = c.id;
    F.CNAME = full.naam;
    F.ORG = d.organisatie.code;
    break;
  }
  assert.ok(F.C, 'an openbaar lichaam with an active municipal participant in the seed');
  addUser(srv.db, 'np-staf', 'programmateam');
  S = await login(srv.base, 'np-staf');
  F.WETHOUDER = await person(HOSTILE, 'wethouder', F.ORG, F.C, 'algemeen-bestuur');
  F.AMBTENAAR = await person('Els Voorbeeld', 'ambtenaar', F.ORG, F.C, 'portefeuillehoudersoverleg');
});

after(async () => {
  await srv?.stop();
});

const HEAD = ['Organisatie', 'Organisatiecode', 'Soort organisatie', 'Samenwerkingsverband', 'Samenwerkingsverband-id', 'Soort samenwerking', 'Rol'];

test('without personen the CSV is unchanged: 7 columns, participations only', async () => {
  const { rows } = await csv('/netwerk.csv');
  assert.deepEqual(rows[0], HEAD);
  assert.ok(rows.slice(1).every((r) => r.length === 7 && r[2] !== 'Persoon'));
  const j = await anon.getJson('/api/v1/netwerk');
  assert.equal(rows.length - 1, j.totaalVerbindingen);
});

test('anonymous, personen=ja: participations then the seats of public office holders only', async () => {
  const { rows } = await csv('/netwerk.csv?personen=ja');
  assert.deepEqual(rows[0], ['Organisatie of persoon', 'Organisatiecode of persoon-id', ...HEAD.slice(2), 'Soort verbinding']);
  const body = rows.slice(1);
  assert.ok(body.every((r) => r.length === 8), 'every row has 8 cells');
  const seats = body.filter((r) => r[7] === 'zetel');
  const parts = body.filter((r) => r[7] === 'deelname');
  assert.equal(seats.length + parts.length, body.length, 'each row is a deelname or a zetel');
  // the seats come after the participations
  assert.ok(body.findIndex((r) => r[7] === 'zetel') >= parts.length);
  assert.deepEqual(seats, [[HOSTILE, F.WETHOUDER, 'Persoon', F.CNAME, F.C, seats[0][5], 'Algemeen bestuur', 'zetel']]);
  assert.ok(!body.some((r) => r[0] === 'Els Voorbeeld' || r[1] === F.AMBTENAAR), 'the official is hidden from anonymous visitors');
  // the same numbers as the API
  const j = await anon.getJson('/api/v1/netwerk?personen=ja');
  assert.equal(body.length, j.totaalVerbindingen);
  assert.equal(seats.length, j.verbindingen.filter((v) => v.soort === 'zetel').length);
  assert.deepEqual(parts.map((r) => r.slice(0, 7)), (await csv('/netwerk.csv')).rows.slice(1), 'the participation rows are those without personen');
  assert.deepEqual(formulaCells(await csv('/netwerk.csv?personen=ja')), []);
});

test('signed in, personen=ja: the official\'s seat too; never cached', async () => {
  const r = await fetch(srv.base + '/netwerk.csv?personen=ja', { headers: { cookie: S.cookie } });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('etag'), null, 'no ETag for a signed-in user');
  const { rows } = parseCsv(await r.text());
  const seats = rows.slice(1).filter((x) => x[7] === 'zetel');
  assert.equal(seats.length, 2);
  assert.ok(seats.some((x) => x[0] === 'Els Voorbeeld' && x[1] === F.AMBTENAAR && x[6] === 'Portefeuillehoudersoverleg'));
  const j = await S.getJson('/api/v1/netwerk?personen=ja');
  assert.equal(rows.length - 1, j.totaalVerbindingen);
});

test('filters apply to the seats too; a bad personen value is 400', async () => {
  const { rows } = await csv(`/netwerk.csv?personen=ja&soort=netwerk`);
  assert.ok(!rows.slice(1).some((r) => r[7] === 'zetel' && r[4] === F.C), 'a seat in a filtered-out collaboration is left out');
  const bad = await fetch(srv.base + '/netwerk.csv?personen=misschien');
  assert.equal(bad.status, 400);
  // the page links to the CSV with the toggle kept
  const page = await (await fetch(srv.base + '/netwerk?personen=ja')).text();
  assert.match(page, /href="\/netwerk\.csv\?[^"]*personen=ja/);
});
