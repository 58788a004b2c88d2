// menu.test.mjs — the main navigation in a browser: at 1280 px one row of
// items (also with the role items of an administrator) and no menu button;
// at 390 px a "Menu" button (a <details> element) that opens the navigation
// without JavaScript, and by keyboard alone (Tab to the button, Enter opens,
// Tab into the items, Enter follows one; Escape-free: Enter/Space on the
// button closes it again); axe-core on the open menu. Fictional users.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, visit, tabUntil, focused, screenshot, assertNoAxeViolations, signedInPage, addUser } from './harness.mjs';

const T = { timeout: 90_000 };
const PHONE = { width: 390, height: 844 };

let env;

before(async () => {
  env = await startEnv();
  addUser(env.srv.db, 'beheer.menu', 'beheerder', { display: 'Beheerder Menu' });
}, T);

after(async () => {
  if (env) await env.stop();
});

// Geometry of the navigation: which list is shown, the rows of the bar.
async function navState(page) {
  return page.evaluate(() => {
    const shown = (e) => !!e && e.checkVisibility();
    const bar = document.querySelector('.atlas-nav__list--bar');
    const menu = document.querySelector('.atlas-menu');
    const menuList = document.querySelector('.atlas-nav__list--menu');
    const tops = [...bar.querySelectorAll('li')].map((li) => Math.round(li.getBoundingClientRect().top));
    return {
      barShown: shown(bar),
      barRows: new Set(tops).size,
      barLabels: [...bar.querySelectorAll('a')].map((a) => a.textContent.trim()),
      buttonShown: shown(menu && menu.querySelector('summary')),
      menuOpen: !!(menu && menu.open),
      menuListShown: shown(menuList),
      menuLabels: [...menuList.querySelectorAll('a')].map((a) => a.textContent.trim()),
      mainTop: Math.round(document.querySelector('main').getBoundingClientRect().top),
      overflow: document.documentElement.scrollWidth > window.innerWidth,
    };
  });
}

test('1280 px: the main questions in one row, no menu button', T, async () => {
  const page = await env.newPage();
  await visit(env, page, '/');
  const s = await navState(page);
  assert.ok(s.barShown && !s.buttonShown);
  assert.deepEqual(s.barLabels, ['Samenwerkingen', 'Kaart', 'Organisaties', 'Wie zit waar', 'Kalender', 'Analyses', 'Zoeken']);
  assert.equal(s.barRows, 1, 'the navigation does not wrap');
  assert.ok(!s.overflow);
  await screenshot(page, 'menu-home-1280-anoniem');
});

test('1280 px as administrator: Beheer fits on the same row', T, async () => {
  const page = await signedInPage(env, 'beheer.menu');
  assert.equal(new URL(page.url()).pathname, '/beheer', 'staff land on /beheer');
  const s = await navState(page);
  assert.equal(s.barLabels.at(-1), 'Beheer');
  assert.equal(s.barRows, 1, 'the navigation does not wrap');
  await visit(env, page, '/');
  await screenshot(page, 'menu-home-1280-beheerder');
});

test('390 px without JavaScript: the menu button opens the navigation', T, async () => {
  const page = await env.newPage({ javaScriptEnabled: false, viewport: PHONE });
  await visit(env, page, '/');
  let s = await navState(page);
  assert.ok(!s.barShown, 'the bar is collapsed');
  assert.ok(s.buttonShown && !s.menuOpen && !s.menuListShown, 'only the menu button shows');
  assert.ok(s.mainTop < 260, `content starts high on the page (at ${s.mainTop} px)`);
  assert.ok(!s.overflow);
  await screenshot(page, 'menu-home-390-dicht');
  await page.click('summary.atlas-menu__button');
  s = await navState(page);
  assert.ok(s.menuOpen && s.menuListShown, 'the button opened the navigation');
  assert.deepEqual(s.menuLabels, ['Samenwerkingen', 'Kaart', 'Organisaties', 'Wie zit waar', 'Kalender', 'Analyses', 'Zoeken']);
  assert.ok(!s.overflow);
  await screenshot(page, 'menu-home-390-open');
  await Promise.all([page.waitForURL(/\/analyse$/), page.click('.atlas-nav__list--menu >> text=Analyses')]);
  assert.equal(await page.locator('h1').textContent(), 'Analyses');
});

test('390 px with the keyboard: Tab to Menu, Enter opens, Tab to an item, Enter follows it', T, async () => {
  const page = await env.newPage({ viewport: PHONE });
  await visit(env, page, '/');
  await tabUntil(page, (f) => f.tag === 'summary', { max: 10, what: 'the menu button' });
  await page.keyboard.press('Enter');
  assert.ok((await navState(page)).menuOpen, 'Enter opened the menu');
  await page.keyboard.press('Tab');
  const f = await focused(page);
  assert.equal(f.tag, 'a');
  assert.equal(f.href, '/samenwerkingsverbanden', 'Tab goes into the menu, first item first');
  // Space on the button closes it again
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused(page)).tag, 'summary');
  await page.keyboard.press('Space');
  assert.ok(!(await navState(page)).menuOpen, 'Space closed the menu');
  await page.keyboard.press('Space');
  await tabUntil(page, (x) => x.href === '/kalender', { max: 10, what: 'Kalender' });
  await Promise.all([page.waitForURL(/\/kalender$/), page.keyboard.press('Enter')]);
  const cur = await page.locator('.atlas-nav__list--menu [aria-current]').textContent();
  assert.equal(cur.trim(), 'Kalender', 'the calendar page marks its item');
});

test('390 px: axe-core finds nothing on the open menu; the administrator sees Beheer in it', T, async () => {
  const page = await signedInPage(env, 'beheer.menu');
  await page.setViewportSize(PHONE);
  await visit(env, page, '/');
  await page.click('summary.atlas-menu__button');
  const s = await navState(page);
  assert.equal(s.menuLabels.at(-1), 'Beheer');
  assert.ok(!s.overflow);
  await assertNoAxeViolations(page, '/ at 390 px with the menu open');
  await screenshot(page, 'menu-home-390-open-beheerder');
});

test('menu tests: no request left 127.0.0.1', T, () => {
  env.assertNoExternalRequests();
});
