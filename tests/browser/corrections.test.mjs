// corrections.test.mjs — "Meld wat niet klopt" in a real browser:
//   1. an anonymous visitor, with the keyboard alone (Tab, typing, arrows,
//      Enter; no clicks), goes from a collaboration page to the form,
//      chooses the field, fills in the value, a source and a comment,
//      submits — first with an invalid source (the error summary), then
//      right — and opens the status link; the honeypot is never a Tab stop;
//   2. axe-core (WCAG 2.0/2.1 A and AA) reports no violations on the form
//      (both steps, with errors), the thanks page, the status page, the
//      review queue (staff), Mijn organisatie and "Bevestig alles wat
//      klopt" (a partner editor);
//   3. screenshots at 1280 and 390 px wide in build/screenshots/corrections-*.png.
// Users are made with the CLI; the organisations come from the seed.

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

// Full-page screenshots at 1280 and 390 px.
async function shots(page, name) {
  await screenshot(page, `corrections-${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `corrections-${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function pressAndWait(page, key) {
  await Promise.all([page.waitForEvent('framenavigated', (fr) => fr === page.mainFrame()), page.keyboard.press(key)]);
  await page.waitForLoadState('load');
}

before(async () => {
  env = await startEnv();
  const list = await env.srv.getJson('/api/v1/samenwerkingsverbanden?paginaGrootte=100');
  for (const c of list.samenwerkingsverbanden) {
    const d = await env.srv.getJson(`/api/v1/samenwerkingsverbanden/${c.id}`);
    const g = d.deelnemers.filter((x) => x.organisatie.code.startsWith('gm') && x.actief);
    if (g.length >= 2) {
      F.C = d.id;
      F.CNAME = d.naam;
      F.ORG = g[0].organisatie.code;
      break;
    }
  }
  addUser(env.srv.db, 'br-staf', 'programmateam');
  addUser(env.srv.db, 'br-red', 'redacteur', { org: F.ORG });
}, T);

after(async () => {
  await env?.stop();
});

test('an anonymous visitor reports a correction with the keyboard alone; the pages pass axe', T, async () => {
  const page = await env.newPage();
  await visit(env, page, `/samenwerkingsverbanden/${F.C}`);
  await assertAxe(page, 'record page with the section');
  await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Meld wat niet klopt', { max: 400, what: 'the Meld wat niet klopt link' });
  await pressAndWait(page, 'Enter');
  assert.match(page.url(), /\/melding$/);
  await assertAxe(page, 'form step 1');
  await shots(page, 'stap1');
  // choose "Fase" in the select with the keyboard
  await tabUntil(page, (f) => f.tag === 'select' && f.id === 'f-veld', { what: 'the field select' });
  await page.keyboard.type('Fase');
  assert.equal(await page.locator('#f-veld').inputValue(), 'fase');
  await tabUntil(page, (f) => f.tag === 'button' && /Verder/.test(f.text), { what: 'Verder' });
  await pressAndWait(page, 'Enter');
  assert.match(page.url(), /veld=fase/);
  await assertAxe(page, 'form step 2');
  // the value (a select for an enumeration), then source, comment, e-mail
  await tabUntil(page, (f) => f.id === 'f-waarde', { what: 'the value' });
  await page.keyboard.type('Groei');
  assert.equal(await page.locator('#f-waarde').inputValue(), 'groei');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'f-bron');
  await page.keyboard.type('geen-link');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'f-toelichting');
  await page.keyboard.type('Volgens het jaarverslag is het verband in de groeifase.');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'f-email');
  await page.keyboard.type('melder@example.org');
  await page.keyboard.press('Tab');
  const f = await focused(page);
  assert.equal(f.tag, 'button', 'after the e-mail address comes the submit button: the honeypot is no Tab stop');
  assert.match(f.text, /Melding versturen/);
  await shots(page, 'stap2');
  await pressAndWait(page, 'Enter');
  // the invalid source: an error summary linking to the field
  assert.equal(await page.locator('#f-bron-fout').count(), 1);
  await assertAxe(page, 'form with errors');
  await shots(page, 'fout');
  await page.locator('#f-bron').fill('');
  await tabUntil(page, (x) => x.id === 'f-bron', { max: 60, what: 'the source field' });
  await page.keyboard.type('https://example.org/jaarverslag-testdorp');
  await tabUntil(page, (x) => x.tag === 'button' && /Melding versturen/.test(x.text), { what: 'submit' });
  await pressAndWait(page, 'Enter');
  assert.match(await page.locator('h1').innerText(), /Dank u, uw melding is ontvangen/);
  await assertAxe(page, 'thanks');
  await shots(page, 'ontvangen');
  await tabUntil(page, (x) => x.tag === 'a' && /\/correcties\/status\//.test(x.href), { what: 'the status link' });
  await pressAndWait(page, 'Enter');
  assert.match(await page.locator('main').innerText(), /In behandeling/);
  assert.doesNotMatch(await page.locator('main').innerText(), /melder@example\.org/);
  await assertAxe(page, 'status page');
  await shots(page, 'status');
  env.assertNoExternalRequests();
});

test('the review queue, Mijn organisatie and "Bevestig alles wat klopt" pass axe', T, async () => {
  const staff = await signedInPage(env, 'br-staf');
  await visit(env, staff, '/beheer/correcties');
  assert.match(await staff.locator('main').innerText(), /Open \(1\)/);
  assert.equal(await staff.locator('main a[href^="https://example.org"]').count(), 0, 'the source link is not live');
  await assertAxe(staff, 'review queue');
  await shots(staff, 'wachtrij');
  // reject without a reason: the message is next to the field
  await staff.locator('main button', { hasText: 'Afwijzen' }).first().click();
  await staff.waitForLoadState('load');
  assert.match(await staff.locator('main').innerText(), /Geef een reden/);
  await assertAxe(staff, 'review queue with an error');

  const ed = await signedInPage(env, 'br-red');
  await visit(env, ed, '/mijn-organisatie');
  assert.match(await ed.locator('main').innerText(), /Dit klopt niet/);
  await assertAxe(ed, 'Mijn organisatie');
  await shots(ed, 'mijn-organisatie');
  await visit(env, ed, '/mijn-organisatie/bevestigen');
  await assertAxe(ed, 'Bevestig alles wat klopt');
  await shots(ed, 'bevestigen');
  await visit(env, ed, '/mijn/correcties');
  await assertAxe(ed, 'Mijn meldingen');
  env.assertNoExternalRequests();
});
