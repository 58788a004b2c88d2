// financien_kengetallen.test.mjs — the kengetallen in a real browser: axe-core
// (WCAG 2.0/2.1 A and AA) reports no violations on /financien/{code}/kengetallen
// (computed ratios, a "niet te berekenen", signals in words) at 1280 and 390 px
// without sideways scrolling, on the staff's input form (also with field
// errors after a bad submit), the import page and the signal bands. A fictional
// gemeente (tests/fixtures/financien) with fictional amounts and sources;
// screenshots in build/screenshots/kengetallen-*.png.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startEnv, visit, screenshot, axe, formatViolations, assertNoPageErrors, signedInPage, addUser, ROOT } from './harness.mjs';
import { atlas } from '../http/harness.mjs';

const T = { timeout: 180_000 };
let env;

async function assertAxe(page, label) {
  const v = await axe(page);
  assert.equal(v.length, 0, formatViolations(label, v));
  assertNoPageErrors(page, label);
}

before(async () => {
  env = await startEnv();
  for (const f of ['gebieden.csv', 'indicatoren.csv', 'waarden.csv']) {
    const r = atlas(['import', 'indicatoren', path.join(ROOT, 'tests', 'fixtures', 'financien', f), '--db', env.srv.db]);
    assert.equal(r.status, 0, r.stderr);
  }
  const token = addUser(env.srv.db, 'kg-staf', 'programmateam', { token: 'kg' });
  const onderdelen = {};
  const src = 'Fictieve begroting 2024, p. 10';
  for (const [k, v] of Object.entries({ vaste_schulden: '90.000', netto_vlottende_schulden: '10.000', overlopende_passiva: '5.000',
    uitzettingen_lang: '1.000', uitzettingen_kort: '1.000', liquide_middelen: '1.000', overlopende_activa: '2.000', totale_baten: '100.000',
    eigen_vermogen: '25.000', balanstotaal: '150.000', totale_lasten: '99.000', incidentele_lasten: '1.000', incidentele_baten: '500',
    structurele_toevoegingen: '0', structurele_onttrekkingen: '0' })) onderdelen[k] = { bedrag: v, bron: src };
  const r = await fetch(`${env.srv.base}/api/v1/financien/gemeenten/gm9901/kengetallen/invoer`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ jaar: 2024, soort: 'begroting', eenheid: 'duizend_euro', onderdelen }),
  });
  assert.equal(r.status, 200, await r.text());
});

after(async () => {
  if (env) await env.stop();
});

test('the kengetallen page: axe clean at 1280 and 390 px, no sideways scrolling', T, async () => {
  const page = await env.newPage();
  const p = '/financien/gm9901/kengetallen?jaar=2024&soort=begroting';
  await page.setViewportSize({ width: 1280, height: 900 });
  await visit(env, page, p);
  assert.match(await page.locator('main').innerText(), /Categorie [ABC] \((minst risicovol|gemiddeld risico|meest risicovol)\)/);
  assert.match(await page.locator('main').innerText(), /niet te berekenen/);
  await assertAxe(page, p);
  await screenshot(page, 'kengetallen-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await visit(env, page, p);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `${p}: scroll width ${width} at 390 px`);
  await assertAxe(page, `${p} at 390 px`);
  await screenshot(page, 'kengetallen-390');
  await page.close();
});

test('the staff pages: input form (also with errors), import and bands are axe clean', T, async () => {
  const page = await signedInPage(env, 'kg-staf');
  for (const p of ['/financien/gm9901/kengetallen/invoer?jaar=2024&soort=begroting', '/financien/gm9901/kengetallen/importeren',
    '/beheer/financien/signaleringswaarden', '/beheer/financien/signaleringswaarden/netto_schuldquote']) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await visit(env, page, p);
    await assertAxe(page, p);
    await page.setViewportSize({ width: 390, height: 844 });
    await visit(env, page, p);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `${p}: scroll width ${width} at 390 px`);
    await assertAxe(page, `${p} at 390 px`);
  }
  // a bad amount: the form comes back with its errors, still axe clean
  await page.setViewportSize({ width: 1280, height: 900 });
  await visit(env, page, '/financien/gm9901/kengetallen/invoer?jaar=2024&soort=begroting');
  await page.fill('#f-liquide_middelen', '12,500');
  await Promise.all([page.waitForLoadState('load'), page.click('main form.atlas-edit-form button[type=submit]')]);
  assert.match(await page.locator('main').innerText(), /Controleer uw invoer/);
  await assertAxe(page, 'input form with errors');
  await screenshot(page, 'kengetallen-invoer-fout');
  await page.close();
});
