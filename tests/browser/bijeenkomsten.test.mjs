// bijeenkomsten.test.mjs — the event pages in a real browser:
//   1. a guest, with the keyboard alone (Tab, typing, Enter; no clicks),
//      goes from the list to an event and registers — first without an
//      e-mail address (the error summary links to the field), then right —
//      and is told to confirm by e-mail;
//   2. axe-core (WCAG 2.0/2.1 A and AA) reports no violations on the list,
//      the event page (empty form, with errors, after registering), the
//      event form for staff (empty and with errors) and the staff view with
//      the attendee list;
//   3. after the event: the public report and documents, "Verslag en vervolg"
//      (also with a field error) and a registration's page, axe clean;
//   4. screenshots at 1280 and 390 px wide in build/screenshots/bijeenkomsten-*.png.
// Users are made with the CLI; the event through the API. All fictional.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, visit, focused, tabUntil, screenshot, axe, formatViolations, assertNoPageErrors, addUser, signedInPage } from './harness.mjs';
import { addToken, sql } from '../http/harness.mjs';

const T = { timeout: 120_000 };
let env;
const F = {};

async function assertAxe(page, label) {
  const v = await axe(page);
  assert.equal(v.length, 0, formatViolations(label, v));
  assertNoPageErrors(page, label);
}

async function shots(page, name) {
  await screenshot(page, `bijeenkomsten-${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `bijeenkomsten-${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function pressAndWait(page, key) {
  await Promise.all([page.waitForEvent('framenavigated', (fr) => fr === page.mainFrame()), page.keyboard.press(key)]);
  await page.waitForLoadState('load');
}

before(async () => {
  env = await startEnv();
  const token = addUser(env.srv.db, 'br-ev-staf', 'programmateam', { display: 'Staf Browsertest', token: 'browser' });
  addUser(env.srv.db, 'br-ev-ah', 'accounthouder', { display: 'Accounthouder Browsertest' });
  const day = new Date(Date.now() + 40 * 86400e3).toISOString().slice(0, 10);
  F.TITLE = 'Netwerkdag Browsertest';
  const r = await fetch(`${env.base}/api/v1/bijeenkomsten`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ soort: 'netwerkdag', titel: F.TITLE, omschrijving: 'Kennismaken en samenwerken (fictief).', begin: `${day}T10:00`, einde: `${day}T16:00`, locatie: 'Provinciehuis, Utrecht', casus: 'REP', capaciteit: 30, organisator: 'Provincie Utrecht' }),
  });
  const text = await r.text();
  assert.equal(r.status, 201, text);
  F.ID = JSON.parse(text).id;
});

after(async () => env && (await env.stop()));

test('keyboard only: a guest registers after a failed try; axe clean', T, async () => {
  const page = await env.newPage();
  await visit(env, page, '/bijeenkomsten');
  await assertAxe(page, '/bijeenkomsten');
  await shots(page, 'lijst');
  await tabUntil(page, (f) => f.tag === 'a' && f.text === F.TITLE, { max: 80, what: 'the link to the event' });
  await pressAndWait(page, 'Enter');
  assert.ok(page.url().endsWith(`/bijeenkomsten/${F.ID}`), page.url());
  await assertAxe(page, 'event page');
  await shots(page, 'pagina');
  await tabUntil(page, (f) => f.id === 'f-naam', { max: 120, what: 'the name field' });
  await page.keyboard.type('Gast Browsertest');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'f-organisatie');
  await page.keyboard.type('Gemeente Verzonnen');
  await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Aanmelden', { max: 10, what: 'submit' });
  await pressAndWait(page, 'Enter');
  assert.ok(await page.getByText('Controleer uw invoer').count(), 'an error summary');
  await assertAxe(page, 'registration with errors');
  await shots(page, 'fout');
  await tabUntil(page, (f) => f.tag === 'a' && /#f-email$/.test(f.href || ''), { max: 120, what: 'the error link' });
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'f-email');
  await page.keyboard.type('gast.browsertest@voorbeeld.nl');
  await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Aanmelden', { max: 10, what: 'submit' });
  await pressAndWait(page, 'Enter');
  assert.match(page.url(), /melding=controleer-email/);
  assert.ok(await page.getByText(/Bevestig uw aanmelding/).count(), 'asked to confirm by e-mail');
  await assertAxe(page, 'after registering');
  await page.close();
});

test('staff: the event form and the attendee list are axe clean', T, async () => {
  const page = await signedInPage(env, 'br-ev-ah');
  await visit(env, page, '/bijeenkomsten/nieuw');
  await assertAxe(page, 'event form');
  await Promise.all([page.waitForEvent('framenavigated', (fr) => fr === page.mainFrame()), page.locator('main button[type="submit"]').first().press('Enter')]);
  await page.waitForLoadState('load');
  assert.ok(await page.getByText('Controleer uw invoer').count(), 'an error summary');
  await assertAxe(page, 'event form with errors');
  await shots(page, 'formulier-fout');
  await visit(env, page, `/bijeenkomsten/${F.ID}`);
  assert.ok(await page.getByText('gast.browsertest@voorbeeld.nl').count(), 'the attendee list');
  await assertAxe(page, 'staff view');
  await shots(page, 'staf');
});

test('after the event: the public report, "Verslag en vervolg" (with an error) and a registration page are axe clean', T, async () => {
  const token = addToken(env.srv.db, 'br-ev-staf', 'browser-verslag');
  const api = async (method, p, body) => {
    const r = await fetch(env.base + p, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await r.text();
    assert.ok(r.status < 300, `${method} ${p}: ${r.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  const day = (n) => new Date(Date.now() + n * 86400e3).toISOString().slice(0, 10);
  const ev = await api('POST', '/api/v1/bijeenkomsten', { soort: 'netwerkdag', titel: 'Netwerkdag Achteraf (fictief)', begin: `${day(5)}T10:00`, einde: `${day(5)}T16:00`, locatie: 'Provinciehuis, Utrecht', capaciteit: 20, organisator: 'Provincie Utrecht' });
  await api('PATCH', `/api/v1/bijeenkomsten/${ev.id}`, { begin: `${day(-2)}T10:00`, einde: `${day(-2)}T16:00` });
  await api('PUT', `/api/v1/bijeenkomsten/${ev.id}/verslag`, { verslag: 'Een dag vol verzonnen gesprekken over samenwerking tussen gemeenten.\n\nAfgesproken: een vervolg in het voorjaar.' });
  await api('POST', `/api/v1/bijeenkomsten/${ev.id}/documenten`, { titel: 'Presentatie van de dag', url: 'https://example.org/presentatie-netwerkdag.pdf' });
  sql(env.srv.db, `INSERT INTO event_registration (event_id, email, name, organisation, status, created_at, updated_at) VALUES (${ev.id}, 'deelnemer.achteraf@voorbeeld.nl', 'Deelnemer Achteraf', 'Gemeente Verzonnen', 'aanwezig', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`);
  const rid = String(sql(env.srv.db, `SELECT id FROM event_registration WHERE email = 'deelnemer.achteraf@voorbeeld.nl'`)).trim();

  const pub = await env.newPage();
  await visit(env, pub, `/bijeenkomsten/${ev.id}`);
  assert.ok(await pub.getByRole('heading', { name: 'Verslag' }).count(), 'the report');
  assert.ok(await pub.getByRole('link', { name: 'Presentatie van de dag' }).count(), 'the document link');
  await assertAxe(pub, 'event page with a report');
  await shots(pub, 'verslag-openbaar');
  await pub.close();

  const page = await signedInPage(env, 'br-ev-ah');
  await visit(env, page, `/bijeenkomsten/${ev.id}/verslag`);
  await assertAxe(page, 'Verslag en vervolg');
  await shots(page, 'verslag-staf');
  await page.fill('#f-titel', 'Een document');
  await page.fill('#f-url', 'http://example.org/niet-veilig.pdf');
  await Promise.all([page.waitForEvent('framenavigated', (fr) => fr === page.mainFrame()), page.getByRole('button', { name: 'Document toevoegen' }).press('Enter')]);
  await page.waitForLoadState('load');
  assert.ok(await page.getByText('Controleer uw invoer').count(), 'an error summary');
  await assertAxe(page, 'Verslag en vervolg with an error');
  await shots(page, 'verslag-fout');
  await visit(env, page, `/bijeenkomsten/${ev.id}/aanmeldingen/${rid}`);
  await assertAxe(page, 'a registration');
  await shots(page, 'aanmelding');
  await page.close();
});
