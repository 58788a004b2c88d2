// persoonsgegevens — the personal data of event guests and others outside
// the people registry, against the real binary on SQLite or PostgreSQL:
//   - a guest's cancellation erases the guest's name and address; the
//     cancel link used again still says it was used
//   - the retention sweep (atlas bewaartermijn, and the server at start):
//     registrations of events that ended longer ago than the retention
//     period lose name and address, unconfirmed ones with an expired link
//     go, recent ones stay
//   - /beheer/persoonsgegevens (administrators only): look up by address,
//     JSON export, erasure with confirmation; bad input changes nothing
//   - the person export and erasure of the people registry include the
//     registrations under the person's address
//   - the audit trail never holds the address.
// No SMTP server: mail stays in the outbox, where the test reads the links.
// All people are fictional.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import {
  startServer, freshDb, dropPgDb, isPgUrl, addUser, addToken, login, anonymous, apiClient, sql, atlas, decodeEntities, assertControlsLabelled,
} from './harness.mjs';

const day = (n) => new Date(Date.now() + n * 86400e3).toISOString().slice(0, 10);
const GUEST = 'gerrit.gastvrij@voorbeeld.nl';
const OTHER = 'olga.onbekend@voorbeeld.nl';

let srv, anon, home;
const S = {};
const T = {};
const count = (q) => Number(String(sql(srv.db, q)).trim());
const one = (q) => String(sql(srv.db, q)).trim();

async function createEvent(over = {}) {
  const r = await T.staf.call('POST', '/api/v1/bijeenkomsten', {
    body: {
      soort: 'netwerkdag', titel: 'Netwerkdag Verzonnen Verbindingen', begin: `${day(20)}T10:00`, einde: `${day(20)}T15:00`,
      locatie: 'Provinciehuis, Utrecht', capaciteit: 5, organisator: 'Provincie Utrecht', ...over,
    },
  });
  assert.equal(r.status, 201, r.text);
  return r.json.id;
}

// A guest registers through the page; returns nothing (the link is in the outbox).
async function guestRegister(id, name, email) {
  const page = await fetch(`${srv.base}/bijeenkomsten/${id}`);
  const html = await page.text();
  const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('atlas_aanmelding='));
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)[1];
  const body = new URLSearchParams({ csrf, naam: name, organisatie: 'Gemeente Fictief', email });
  const r = await fetch(`${srv.base}/bijeenkomsten/${id}/aanmelden`, {
    method: 'POST', redirect: 'manual', body, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(r.status, 303, await r.text());
}

// The newest link of kind (bevestigen, afmelden) in the mail queued for email.
function linkFor(email, kind) {
  const body = one(`SELECT body FROM outbox WHERE to_address = '${email}' AND body LIKE '%/bijeenkomsten/${kind}/%' ORDER BY id DESC LIMIT 1`);
  const m = new RegExp(`/bijeenkomsten/${kind}/([A-Za-z0-9_-]+)`).exec(body);
  assert.ok(m, `no ${kind} link for ${email}`);
  return `/bijeenkomsten/${kind}/${m[1]}`;
}

before(async () => {
  home = freshDb(); // kept over a restart of the server
  srv = await startServer({ db: home.db, env: { ATLAS_BIJEENKOMSTEN_PER_UUR: '1000', ATLAS_BIJEENKOMSTEN_BEWAARTERMIJN_DAGEN: '30' } });
  anon = anonymous(srv.base);
  addUser(srv.db, 'pd-beheer', 'beheerder', { display: 'Beheerder Bedacht' });
  addUser(srv.db, 'pd-staf', 'programmateam', { display: 'Staf Verzonnen' });
  for (const n of ['pd-beheer', 'pd-staf']) S[n] = await login(srv.base, n);
  T.staf = apiClient(srv, addToken(srv.db, 'pd-staf', 'test'));
  T.beheer = apiClient(srv, addToken(srv.db, 'pd-beheer', 'test'));
});

after(async () => {
  await srv?.stop();
  if (home && isPgUrl(home.db)) dropPgDb(home.db);
  if (home) rmSync(home.dir, { recursive: true, force: true });
});

test("a guest's cancellation erases the guest's name and address, and nothing else changes", async () => {
  const id = await createEvent();
  await guestRegister(id, 'Gerrit Gastvrij', GUEST);
  const confirm = linkFor(GUEST, 'bevestigen');
  assert.equal((await anon.post(confirm, {})).status, 200);
  assert.equal(one(`SELECT status FROM event_registration WHERE email = '${GUEST}'`), 'bevestigd');
  const rid = one(`SELECT id FROM event_registration WHERE email = '${GUEST}'`);

  const cancel = linkFor(GUEST, 'afmelden');
  assert.equal((await anon.post(cancel, {})).status, 200);
  assert.equal(one(`SELECT status || '|' || name || '|' || COALESCE(email, '(geen)') || '|' || organisation FROM event_registration WHERE id = ${rid}`),
    'geannuleerd||(geen)|Gemeente Fictief');
  // the link used again: a clear page, not an unknown link
  const again = await anon.post(cancel, {});
  assert.equal(again.status, 410, again.text.slice(0, 300));

  // staff see an erased registration, by page, API and CSV
  const list = await T.staf.call('GET', `/api/v1/bijeenkomsten/${id}/aanmeldingen`);
  const reg = list.json.aanmeldingen.find((x) => String(x.id) === rid);
  assert.equal(reg.naam, null);
  assert.equal(reg.gewist, true);
  assert.equal(reg.email, null);
  const page = await S['pd-staf'].get(`/bijeenkomsten/${id}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /Gewiste deelnemer/);
  assert.doesNotMatch(page.text, /Gerrit Gastvrij/);
  const csv = await S['pd-staf'].get(`/bijeenkomsten/${id}/aanmeldingen.csv`);
  assert.match(csv.text, /Gewiste deelnemer/);
  assert.doesNotMatch(csv.text, /gastvrij/i);
  // the guest may register again with the same address
  await guestRegister(id, 'Gerrit Gastvrij', GUEST);
  assert.equal(count(`SELECT count(*) FROM event_registration WHERE event_id = ${id}`), 2);
  // the audit trail of all this never holds the address or the name
  const trail = one("SELECT group_concat(coalesce(\"after\", ''), ' ') FROM audit_event WHERE entity IN ('event_registration', 'persoonsgegevens')");
  assert.match(trail, /gewist/);
  assert.doesNotMatch(trail, /gastvrij/i);
});

test('the retention sweep erases registrations of events past the retention period and removes expired unconfirmed ones', async () => {
  const at = '2021-01-01T00:00:00.000Z';
  const mk = (title, ends) => {
    sql(srv.db, `INSERT INTO event (kind, title, starts_at, ends_at, location, capacity, organiser, created_by, created_at, updated_at) VALUES ('anders', '${title}', '${ends}', '${ends}', 'Utrecht', 10, 'Provincie Utrecht', 'test', '${at}', '${at}')`);
    return one(`SELECT id FROM event WHERE title = '${title}'`);
  };
  const old = mk('Terugblik Lang Geleden', `${day(-40)}T12:00`);
  const recent = mk('Terugblik Pas Geleden', `${day(-10)}T12:00`);
  const reg = (ev, name, email, status, until = '') => sql(srv.db,
    `INSERT INTO event_registration (event_id, email, name, organisation, status, confirm_until, client_key, created_at, updated_at) VALUES (${ev}, '${email}', '${name}', 'Gemeente Fictief', '${status}', '${until}', 'digest-${name.length}', '${at}', '${at}')`);
  reg(old, 'Aart Aanwezig', 'aart.aanwezig@voorbeeld.nl', 'aanwezig');
  reg(old, 'Bea Bevestigd', 'bea.bevestigd@voorbeeld.nl', 'bevestigd');
  reg(recent, 'Cas Recent', 'cas.recent@voorbeeld.nl', 'aanwezig');
  const upcoming = await createEvent({ titel: 'Netwerkdag Nog Niet' });
  reg(upcoming, 'Door Verlopen', 'door.verlopen@voorbeeld.nl', 'onbevestigd', '2021-01-03T00:00:00.000Z');

  const r = atlas(['bewaartermijn', '--db', srv.db], { env: { ATLAS_BIJEENKOMSTEN_BEWAARTERMIJN_DAGEN: '30' } });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^2 aanmelding\(en\) gewist, 1 onbevestigde aanmelding\(en\) verwijderd \(bewaartermijn 30 dagen\)/);
  assert.equal(count(`SELECT count(*) FROM event_registration WHERE event_id = ${old} AND name = '' AND email IS NULL AND client_key = ''`), 2);
  assert.equal(one(`SELECT group_concat(status, ',') FROM (SELECT status FROM event_registration WHERE event_id = ${old} ORDER BY status) x`), 'aanwezig,bevestigd',
    'attendance still counts');
  assert.equal(one(`SELECT name FROM event_registration WHERE event_id = ${recent}`), 'Cas Recent', 'within the retention period');
  assert.equal(count("SELECT count(*) FROM event_registration WHERE email = 'door.verlopen@voorbeeld.nl'"), 0);
  assert.match(one("SELECT \"after\" FROM audit_event WHERE entity = 'event_registration' AND entity_key = 'bewaartermijn' ORDER BY id DESC LIMIT 1"), /"gewist":2,"verwijderd":1/);
  // a second run finds nothing more
  assert.match(atlas(['bewaartermijn', '--db', srv.db]).stdout, /^0 aanmelding/);

  // the server applies the same rule by itself (at start, then every ten minutes)
  reg(old, 'Els Erbij', 'els.erbij@voorbeeld.nl', 'aanwezig');
  await srv.stop();
  srv = await startServer({ db: srv.db, env: { ATLAS_BIJEENKOMSTEN_PER_UUR: '1000', ATLAS_BIJEENKOMSTEN_BEWAARTERMIJN_DAGEN: '30' } });
  anon = anonymous(srv.base);
  for (const n of ['pd-beheer', 'pd-staf']) S[n] = await login(srv.base, n);
  T.staf = apiClient(srv, addToken(srv.db, 'pd-staf', 'test2'));
  T.beheer = apiClient(srv, addToken(srv.db, 'pd-beheer', 'test2'));
  const until = Date.now() + 15_000;
  while (count("SELECT count(*) FROM event_registration WHERE email = 'els.erbij@voorbeeld.nl'") && Date.now() < until)
    await new Promise((res) => setTimeout(res, 100));
  assert.equal(count("SELECT count(*) FROM event_registration WHERE email = 'els.erbij@voorbeeld.nl'"), 0, 'swept by the server');
});

test('/beheer/persoonsgegevens: administrators look up, export and erase what is held under an address', async () => {
  // who may: anonymous goes to sign in, programme staff get 403
  const a = await anon.get('/beheer/persoonsgegevens');
  assert.ok([302, 303, 401].includes(a.status), `anonymous: ${a.status}`);
  assert.equal((await S['pd-staf'].get('/beheer/persoonsgegevens')).status, 403);
  assert.equal((await S['pd-staf'].post('/beheer/persoonsgegevens', { actie: 'zoeken', email: OTHER })).status, 403);
  const form = await S['pd-beheer'].get('/beheer/persoonsgegevens');
  assert.equal(form.status, 200);
  assertControlsLabelled('persoonsgegevens', form.text);
  assert.match((await S['pd-beheer'].get('/beheer')).text, /href="\/beheer\/persoonsgegevens"/);

  // what there is under the address: a registration, a correction, mail
  const id = await createEvent({ titel: 'Kennissessie Onbekende Olga' });
  await guestRegister(id, 'Olga Onbekend', OTHER);
  sql(srv.db, `INSERT INTO correction (ticket, entity, entity_key, field, proposed_value, email, status, created_at) VALUES ('pd-ticket-1', 'organisation', 'gm0344', 'website', 'https://voorbeeld.nl', '${OTHER}', 'open', '2026-01-01T00:00:00.000Z')`);
  const before = one(`SELECT count(*) || '|' || group_concat(name, ',') FROM event_registration WHERE email = '${OTHER}'`);

  // bad input: Dutch message, nothing changed
  const bad = await S['pd-beheer'].post('/beheer/persoonsgegevens', { actie: 'zoeken', email: 'geen-adres' });
  assert.equal(bad.status, 422);
  assert.match(decodeEntities(bad.text), /geldig e-mailadres/);
  assert.equal((await S['pd-beheer'].post('/beheer/persoonsgegevens', { actie: 'weggooien', email: OTHER })).status, 400);

  const found = await S['pd-beheer'].post('/beheer/persoonsgegevens', { actie: 'zoeken', email: OTHER.toUpperCase() });
  assert.equal(found.status, 200);
  assert.match(found.text, /Kennissessie Onbekende Olga/);
  assert.match(found.text, /Olga Onbekend/);
  assert.match(decodeEntities(found.text), /1 aanmelding\(en\), 1 melding\(en\) en 1 bericht\(en\), en 0 vermelding/);
  assertControlsLabelled('persoonsgegevens-gevonden', found.text);

  const exp = await S['pd-beheer'].post('/beheer/persoonsgegevens', { actie: 'export', email: OTHER });
  assert.equal(exp.status, 200);
  assert.match(exp.headers.get('content-disposition') || '', /attachment/);
  const doc = JSON.parse(exp.text);
  assert.equal(doc.aanmeldingen.length, 1);
  assert.equal(doc.aanmeldingen[0].email, OTHER);
  assert.equal(doc.correctiemeldingen.length, 1);
  assert.equal(doc.berichten.length, 1);

  // erasing needs the confirmation
  const unconfirmed = await S['pd-beheer'].post('/beheer/persoonsgegevens', { actie: 'wissen', email: OTHER });
  assert.equal(unconfirmed.status, 400);
  assert.equal(one(`SELECT count(*) || '|' || group_concat(name, ',') FROM event_registration WHERE email = '${OTHER}'`), before);

  const gone = await S['pd-beheer'].post('/beheer/persoonsgegevens', { actie: 'wissen', email: OTHER, bevestigen: 'ja' });
  assert.equal(gone.status, 200);
  assert.match(decodeEntities(gone.text), /Gewist: 1 aanmelding\(en\), het e-mailadres in 1 melding\(en\) en 1 bericht\(en\); 0 vermelding/);
  assert.equal(count(`SELECT count(*) FROM event_registration WHERE lower(COALESCE(email, '')) = '${OTHER}' OR name = 'Olga Onbekend'`), 0);
  assert.equal(one(`SELECT status || '|' || organisation FROM event_registration WHERE event_id = ${id}`), 'onbevestigd|');
  assert.equal(one("SELECT email FROM correction WHERE ticket = 'pd-ticket-1'"), '');
  assert.equal(count(`SELECT count(*) FROM outbox WHERE to_address = '${OTHER}'`), 0, 'queued mail withdrawn');
  const audit = one("SELECT \"after\" FROM audit_event WHERE entity = 'persoonsgegevens' ORDER BY id DESC LIMIT 1");
  assert.match(audit, /"aanmeldingen":1,"correctiemeldingen":1,"berichten":1/);
  assert.doesNotMatch(one("SELECT group_concat(coalesce(\"after\", '') || coalesce(entity_key, ''), ' ') FROM audit_event"), /olga/i);
  // the request is not public history (page and feed)
  for (const p of ['/wijzigingen', '/wijzigingen.atom']) {
    const h = await anon.get(p);
    assert.equal(h.status, 200, p);
    assert.doesNotMatch(h.text, /persoonsgegevens|"aanmeldingen":/i, p);
  }
  // nothing left to find
  const after = await S['pd-beheer'].post('/beheer/persoonsgegevens', { actie: 'zoeken', email: OTHER });
  assert.match(decodeEntities(after.text), /0 aanmelding\(en\), 0 melding\(en\) en 0 bericht\(en\)/);
});

test("the people registry's export and erasure include the registrations under the person's address", async () => {
  const mail = 'pieter.persoon@voorbeeld.nl';
  let r = await S['pd-staf'].post('/personen/nieuw', { naam: 'Pieter Persoonsregister', partij: '', email: mail, telefoon: '', opmerking: '' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const key = /\/personen\/([^/?#]+)/.exec(r.location)[1];
  const id = await createEvent({ titel: 'Reflectieve Sessie Register', soort: 'kennissessie' });
  await guestRegister(id, 'Pieter Persoonsregister', mail);

  const exp = await T.beheer.call('GET', `/api/v1/personen/${key}/export`);
  assert.equal(exp.status, 200, exp.text);
  assert.equal(exp.json.aanmeldingen.length, 1);
  assert.equal(exp.json.aanmeldingen[0].bijeenkomstTitel, 'Reflectieve Sessie Register');
  assert.equal(exp.json.aanmeldingen[0].email, mail);

  r = await S['pd-beheer'].post(`/personen/${key}/wissen`, { bevestigen: 'ja' });
  assert.ok([200, 303].includes(r.status), `erase: ${r.status}`);
  assert.equal(count(`SELECT count(*) FROM event_registration WHERE email = '${mail}' OR name = 'Pieter Persoonsregister'`), 0);
  assert.equal(count(`SELECT count(*) FROM event_registration WHERE event_id = ${id}`), 1, 'the registration itself stays');
});
