// bijeenkomsten_agenda.test.mjs — "agenda in samenspraak" on the event page
// in a real browser:
//   1. axe-core (WCAG 2.0/2.1 A and AA) reports no violations on the public
//      event page with a programme;
//   2. a partner editor, with the keyboard alone (Tab, typing, Enter; no
//      clicks), proposes an agenda item — first without a title (the error
//      summary links to the field), then right — and sees it among the
//      proposals; axe clean with errors, after proposing, and for staff with
//      the decision forms;
//   3. screenshots at 1280 and 390 px wide in build/screenshots/agenda-*.png.
// Users are made with the CLI; the event and the first items through the API.
// All fictional.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, visit, focused, tabUntil, screenshot, axe, formatViolations, assertNoPageErrors, addUser, signedInPage } from './harness.mjs';

const T = { timeout: 120_000 };
let env;
const F = {};

async function assertAxe(page, label) {
  const v = await axe(page);
  assert.equal(v.length, 0, formatViolations(label, v));
  assertNoPageErrors(page, label);
}

async function shots(page, name) {
  await screenshot(page, `agenda-${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `agenda-${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function pressAndWait(page, key) {
  await Promise.all([page.waitForEvent('framenavigated', (fr) => fr === page.mainFrame()), page.keyboard.press(key)]);
  await page.waitForLoadState('load');
}

async function api(token, method, p, body) {
  const r = await fetch(`${env.base}${p}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await r.text();
  assert.ok(r.status < 300, `${method} ${p}: ${r.status} ${text}`);
  return JSON.parse(text);
}

before(async () => {
  env = await startEnv();
  const orgs = await (await fetch(`${env.base}/api/v1/organisaties?soort=gemeente&paginaGrootte=100`)).json();
  const [p, q] = orgs.organisaties.filter((o) => o.inProvincie === true);
  const staf = addUser(env.srv.db, 'br-ag-staf', 'accounthouder', { display: 'Accounthouder Agendatest', token: 'browser' });
  const a = addUser(env.srv.db, 'br-ag-red-a', 'redacteur', { org: p.code, display: 'Redacteur Agendatest', token: 'browser' });
  addUser(env.srv.db, 'br-ag-red-b', 'redacteur', { org: q.code, display: 'Tweede Redacteur Agendatest' });
  const day = new Date(Date.now() + 40 * 86400e3).toISOString().slice(0, 10);
  const ev = await api(staf, 'POST', '/api/v1/bijeenkomsten', { soort: 'netwerkdag', titel: 'Netwerkdag Agendatest', omschrijving: 'Samen de agenda maken (fictief).', begin: `${day}T10:00`, einde: `${day}T16:00`, locatie: 'Provinciehuis, Utrecht', capaciteit: 30, organisator: 'Provincie Utrecht' });
  F.ID = ev.id;
  const one = await api(a, 'POST', `/api/v1/bijeenkomsten/${F.ID}/agendapunten`, { titel: 'Opening en kennismaking', toelichting: 'Wie zijn we, wat willen we samen bereiken?' });
  const two = await api(a, 'POST', `/api/v1/bijeenkomsten/${F.ID}/agendapunten`, { titel: 'Woningbouw in de regio: een gezamenlijke opgave voor de komende tien jaar', toelichting: 'Hoe verdelen we de opgave eerlijk tussen de gemeenten van de regio?' });
  await api(a, 'POST', `/api/v1/bijeenkomsten/${F.ID}/agendapunten`, { titel: 'Klimaatadaptatie en wateroverlast' });
  await api(staf, 'PATCH', `/api/v1/agendapunten/${one.id}`, { status: 'geaccepteerd', volgorde: 1, tijd: '10:00' });
  await api(staf, 'PATCH', `/api/v1/agendapunten/${two.id}`, { status: 'geaccepteerd', volgorde: 2, tijd: '10:45' });
});

after(async () => env && (await env.stop()));

test('the public event page with a programme is axe clean', T, async () => {
  const page = await env.newPage();
  await visit(env, page, `/bijeenkomsten/${F.ID}`);
  assert.ok(await page.getByText('Opening en kennismaking').count(), 'the programme');
  assert.equal(await page.getByText('Klimaatadaptatie en wateroverlast').count(), 0, 'no open proposal for anonymous visitors');
  await assertAxe(page, 'public event page with a programme');
  await shots(page, 'publiek');
  await page.close();
});

test('keyboard only: a partner editor proposes an item after a failed try; axe clean', T, async () => {
  const page = await signedInPage(env, 'br-ag-red-b');
  await visit(env, page, `/bijeenkomsten/${F.ID}`);
  await assertAxe(page, 'event page for a partner');
  await shots(page, 'partner');
  await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Agendapunt voorstellen', { max: 200, what: 'the propose button' });
  await pressAndWait(page, 'Enter');
  assert.ok(await page.getByText('Controleer uw invoer').count(), 'an error summary');
  await assertAxe(page, 'proposal with errors');
  await shots(page, 'fout');
  await tabUntil(page, (f) => f.tag === 'a' && /#f-titel$/.test(f.href || ''), { max: 200, what: 'the error link' });
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'f-titel');
  await page.keyboard.type('Samen optrekken richting het Rijk');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'f-toelichting');
  await page.keyboard.type('Een gezamenlijke lobby voor de spoorverdubbeling.');
  await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Agendapunt voorstellen', { max: 10, what: 'submit' });
  await pressAndWait(page, 'Enter');
  assert.match(page.url(), /melding=agendapunt/);
  assert.ok(await page.getByText('Samen optrekken richting het Rijk').count(), 'the new proposal');
  await assertAxe(page, 'after proposing');
  await page.close();
});

test('staff: the decision forms are axe clean', T, async () => {
  const page = await signedInPage(env, 'br-ag-staf');
  await visit(env, page, `/bijeenkomsten/${F.ID}`);
  assert.ok(await page.getByText('Besluit over dit agendapunt').count(), 'decision forms');
  await assertAxe(page, 'staff view of the agenda');
  await shots(page, 'staf');
  await page.close();
});
