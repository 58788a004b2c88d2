// indicatoren_vergelijk.test.mjs — the compare page in a real browser:
// axe-core (WCAG 2.0/2.1 A and AA) reports no violations on the form and on
// a comparison (choropleth, distribution, a missing value, a warning) at
// 1280 and 390 px, with no horizontal overflow at 390 px; and the keyboard
// path without a mouse: a gemeente's dashboard → its compare link → tick and
// untick gemeenten → submit → the CSV export, downloaded. Screenshots in
// build/screenshots/indicatoren-vergelijk-*.png. Fictional indicators and
// values (tests/fixtures/indicatoren plus fictional values for three Utrecht
// gemeenten, so the map draws them).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEnv, visit, screenshot, screenshotElement, axe, formatViolations, assertNoPageErrors, tabUntil, ROOT } from './harness.mjs';
import { atlas } from '../http/harness.mjs';

const T = { timeout: 180_000 };
let env, dir;

async function assertAxe(page, label) {
  const v = await axe(page);
  assert.equal(v.length, 0, formatViolations(label, v));
  assertNoPageErrors(page, label);
}

before(async () => {
  env = await startEnv();
  dir = mkdtempSync(path.join(tmpdir(), 'atlas-vergelijk-b-'));
  const files = ['gebieden.csv', 'indicatoren.csv', 'waarden.csv'].map((f) => path.join(ROOT, 'tests', 'fixtures', 'indicatoren', f));
  const w = (name, text) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  files.push(w('gebieden.csv', 'code,naam,niveau,provincie\nGM0321,Houten,gemeente,PV26\nGM0344,Utrecht,gemeente,PV26\nGM0355,Zeist,gemeente,PV26\n'));
  files.push(
    w(
      'klasse.csv',
      'key,naam,definitie,eenheid,thema,bron,bron_url,licentie,richting,gebiedsniveau,waarschuwing\n' +
        'klasse_gemeentegrootte,Grootteklasse (fictief),Grootteklasse (fictief).,,Vergelijkingsklassen,Testbureau (fictief),,CC BY 4.0 (fictief),neutraal,gemeente,\n',
    ),
  );
  files.push(
    w(
      'waarden.csv',
      'indicator,gebied,periode,waarde,bron\n' +
        'test_fietspaden,GM0321,2023,10,Testbureau 2023\n' +
        'test_fietspaden,GM0321,2024,20,Testbureau 2024\n' +
        'test_fietspaden,GM0344,2024,45,Testbureau 2024\n' +
        'test_wachttijd,GM0321,2024,,Testbureau 2024\n' +
        'test_wachttijd,GM0344,2024,4,Testbureau 2024\n' +
        'klasse_gemeentegrootte,GM0321,2024,3,Testbureau\n' +
        'klasse_gemeentegrootte,GM9901,2024,3,Testbureau\n' +
        'klasse_gemeentegrootte,GM9904,2024,3,Testbureau\n',
    ),
  );
  for (const f of files) {
    const r = atlas(['import', 'indicatoren', f, '--db', env.srv.db]);
    assert.equal(r.status, 0, r.stderr);
  }
});

after(async () => {
  if (env) await env.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the compare page: axe clean at 1280 and 390 px, no overflow', T, async () => {
  const page = await env.newPage();
  const pages = [
    ['/kennis/vergelijk', 'formulier'],
    ['/kennis/vergelijk?indicator=test_wachttijd&gebieden=gm0321&gebieden=gm0344,gm9904', 'wachttijd'],
  ];
  for (const [p, name] of pages) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await visit(env, page, p);
    await assertAxe(page, p);
    await screenshot(page, `indicatoren-vergelijk-${name}-1280`);
    await page.setViewportSize({ width: 390, height: 844 });
    await visit(env, page, p);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `${p}: scroll width ${width} at 390 px`);
    await assertAxe(page, `${p} at 390 px`);
    await screenshot(page, `indicatoren-vergelijk-${name}-390`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await visit(env, page, pages[1][0]);
  await screenshotElement(page, '.atlas-vergelijk__kaart', 'indicatoren-vergelijk-kaart');
  await screenshotElement(page, '.atlas-vergelijk__verdeling', 'indicatoren-vergelijk-verdeling');
  await page.close();
});

test('keyboard only: dashboard → compare with peers → tick and untick → submit → CSV', T, async () => {
  const page = await env.newPage();
  await visit(env, page, '/organisaties/gm0321/kennis');
  // the compare link of the fietspaden row: Houten and its size-class peers
  await tabUntil(page, (f) => f.href.startsWith('/kennis/vergelijk?indicator=test_fietspaden'), { max: 200, what: 'the compare link' });
  await Promise.all([page.waitForURL(/\/kennis\/vergelijk\?indicator=test_fietspaden&van=GM0321/), page.keyboard.press('Enter')]);
  assert.match(await page.locator('h1').textContent(), /Vergelijken: Fietspaden \(fictief\)/);
  assert.equal(await page.locator('#g-GM9901').isChecked(), true); // Testwaard: same size class
  assert.equal(await page.locator('#g-GM0344').isChecked(), false);
  // tick Utrecht, untick Testwaard, with the space bar
  await tabUntil(page, (f) => f.id === 'g-GM9901', { max: 300, what: 'the Testwaard checkbox' });
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#g-GM9901').isChecked(), false);
  await tabUntil(page, (f) => f.id === 'g-GM0344', { max: 40, what: 'the Utrecht checkbox' });
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#g-GM0344').isChecked(), true);
  await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Vergelijken', { max: 40, what: 'the submit button' });
  await Promise.all([page.waitForURL(/gebieden=/), page.keyboard.press('Enter')]);
  const url = new URL(page.url());
  const chosen = url.searchParams.getAll('gebieden').join(',');
  assert.match(chosen, /GM0321/);
  assert.match(chosen, /GM0344/);
  assert.doesNotMatch(chosen, /GM9901/);
  // the CSV of the chosen gemeenten
  await tabUntil(page, (f) => f.text === 'CSV van de gekozen gemeenten', { max: 80, what: 'the CSV link' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(download.suggestedFilename(), /^vergelijk-test_fietspaden\.csv$/);
  assert.match(csv, /^\uFEFFGemeentecode,Gemeente,/);
  assert.match(csv, /\r\nGM0321,Houten,PV26,2024,20,km,/);
  assert.match(csv, /\r\nGM0344,Utrecht,PV26,2024,45,km,/);
  assert.doesNotMatch(csv, /GM9901/);
  assert.match(csv, /CC BY 4\.0 \(fictief\)/);
  await page.close();
});
