// relaties.test.mjs — the relations pages in a real browser:
//   1. an accounthouder, with the keyboard alone (Tab, typing, Enter; no
//      clicks), goes from the overview to a partner and records a contact
//      moment — first without a subject (the error summary gets the focus
//      and links to the field), then right — and finds it in the log;
//   2. axe-core (WCAG 2.0/2.1 A and AA) reports no violations on the
//      overview (both groups: gemeenten and waterschappen, regional networks;
//      a next event linked), the partner page (with errors, and filled) and
//      the partner editor's view of their own organisation;
//   3. screenshots at 1280 and 390 px wide in build/screenshots/relaties-*.png.
// Users are made with the CLI; the organisations come from the seed; the
// event, its registration and the network's accounthouder are fictional
// rows written into the database.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, visit, focused, tabUntil, screenshot, axe, formatViolations, assertNoPageErrors, addUser, signedInPage } from './harness.mjs';
import { sql } from '../http/harness.mjs';

const T = { timeout: 120_000 };
let env;
const F = {};

async function assertAxe(page, label) {
  const v = await axe(page);
  assert.equal(v.length, 0, formatViolations(label, v));
  assertNoPageErrors(page, label);
}

async function shots(page, name) {
  await screenshot(page, `relaties-${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `relaties-${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function pressAndWait(page, key) {
  await Promise.all([page.waitForEvent('framenavigated', (fr) => fr === page.mainFrame()), page.keyboard.press(key)]);
  await page.waitForLoadState('load');
}

before(async () => {
  env = await startEnv();
  const orgs = await env.srv.getJson('/api/v1/organisaties?soort=gemeente&paginaGrootte=100');
  const partner = orgs.organisaties.find((o) => o.inProvincie === true);
  F.ORG = partner.code;
  F.NAME = partner.naam;
  addUser(env.srv.db, 'br-ah', 'accounthouder', { display: 'Accounthouder Browsertest' });
  addUser(env.srv.db, 'br-red', 'redacteur', { org: F.ORG });
  // a fictional event the partner's editor holds a place at, and an accounthouder for U10
  const day = new Date(Date.now() + 30 * 86400e3).toISOString().slice(0, 10);
  sql(env.srv.db, `INSERT INTO event (kind, title, starts_at, ends_at, capacity, organiser, created_by, created_at, updated_at) VALUES ('netwerkdag', 'Netwerkdag Browsertest (fictief)', '${day}T10:00', '${day}T16:00', 20, 'Provincie Utrecht', 'gebruiker:br-ah', '2026-12-01T09:00:00Z', '2026-12-01T09:00:00Z')`);
  sql(env.srv.db, "INSERT INTO event_registration (event_id, user_id, name, status, created_at, updated_at) SELECT (SELECT max(id) FROM event), id, 'Redacteur Browsertest', 'bevestigd', '2026-12-01T09:00:00Z', '2026-12-01T09:00:00Z' FROM app_user WHERE username = 'br-red'");
  sql(env.srv.db, "INSERT INTO account_manager (org_code, user_id, start_date, created_at) SELECT 'u10', id, '2026-01-01', '2026-12-01T09:00:00Z' FROM app_user WHERE username = 'br-ah'");
});

after(async () => env && (await env.stop()));

test('keyboard only: from the overview to a partner, a contact moment recorded after a failed try', T, async () => {
  const page = await signedInPage(env, 'br-ah');
  await visit(env, page, '/relaties');
  assert.ok(await page.getByRole('heading', { name: 'Regionale netwerken' }).count(), 'the networks have their own group');
  assert.ok(await page.getByRole('link', { name: 'U10', exact: true }).count());
  assert.ok(await page.getByRole('link', { name: 'Netwerkdag Browsertest (fictief)' }).count(), 'the next event is linked');
  await assertAxe(page, '/relaties');
  await shots(page, 'overzicht');
  await tabUntil(page, (f) => f.tag === 'a' && f.text === F.NAME, { max: 120, what: `the link to ${F.NAME}` });
  await pressAndWait(page, 'Enter');
  assert.ok(page.url().endsWith(`/relaties/${F.ORG}`), page.url());
  await assertAxe(page, `/relaties/${F.ORG}`);
  // to the contact form: the date is filled in, choose a kind, leave the subject empty
  await tabUntil(page, (f) => f.id === 'f-soort', { max: 200, what: 'the kind of contact' });
  await page.keyboard.press('ArrowDown'); // "Bestuurlijk overleg"
  await tabUntil(page, (f) => f.tag === 'button' && /Contactmoment vastleggen/.test(f.text), { max: 80, what: 'submit' });
  await pressAndWait(page, 'Enter');
  const summary = page.locator('.utrecht-alert, [role="alert"]').first();
  assert.ok(await summary.count(), 'an error summary');
  await assertAxe(page, 'contact form with errors');
  await shots(page, 'fout');
  // the summary links to the subject field
  await tabUntil(page, (f) => f.tag === 'a' && /#f-onderwerp$/.test(f.href || ''), { max: 200, what: 'the error link' });
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'f-onderwerp');
  await page.keyboard.type('Werkbezoek aan het gemeentehuis (browsertest)');
  await tabUntil(page, (f) => f.tag === 'button' && /Contactmoment vastleggen/.test(f.text), { max: 80, what: 'submit' });
  await pressAndWait(page, 'Enter');
  assert.match(page.url(), /melding=contact/);
  assert.ok(await page.getByText('Werkbezoek aan het gemeentehuis (browsertest)').count(), 'the contact moment is in the log');
  await assertAxe(page, 'partner page with a contact moment');
  await shots(page, 'partner');
});

test('a partner editor sees what is shared with their organisation: axe clean', T, async () => {
  const page = await signedInPage(env, 'br-red');
  await visit(env, page, `/relaties/${F.ORG}`);
  assert.ok(await page.getByText('U ziet wat de provincie met uw organisatie deelt.').count());
  assert.equal(await page.getByText('Werkbezoek aan het gemeentehuis (browsertest)').count(), 0, 'the intern record stays hidden');
  await assertAxe(page, 'partner view');
  await visit(env, page, `/organisaties/${F.ORG}`);
  assert.ok(await page.getByText('Uw accounthouder bij de provincie').count());
  await assertAxe(page, 'organisation page with the accounthouder section');
  await shots(page, 'partnerzicht');
});
