// keyboard.test.mjs — the acceptance test of issue 3: "find which
// collaborations Houten shares with Nieuwegein" with the keyboard alone
// (page.keyboard: Tab, Shift+Tab, Enter, Space, arrows; no clicks, no
// element.focus()), on /kaart and on /netwerk. The expected answer comes
// from the open API (/api/v1/organisaties/{code}/deelnames).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startEnv,
  visit,
  focused,
  tabUntil,
  pressUntil,
  screenshot,
  screenshotElement,
  assertNoAxeViolations,
  assertNoPageErrors,
} from './harness.mjs';

const HOUTEN = 'gm0321';
const NIEUWEGEIN = 'gm0356';

// time limits: a hanging browser call fails the test instead of the suite
const T = { timeout: 60_000 };

let env;
const expected = {}; // code -> Set of ids of active collaborations it takes part in
let shared; // Set of ids shared by Houten and Nieuwegein

// Every active participation of an organisation in an active collaboration.
async function activeCollabs(code) {
  const j = await env.srv.getJson(`/api/v1/organisaties/${code}/deelnames?paginaGrootte=100`);
  assert.equal(j.deelnames.length, j.totaal ?? j.deelnames.length, `deelnames of ${code} are paged`);
  return new Set(j.deelnames.filter((d) => d.actief && d.samenwerkingsverband.actief).map((d) => d.samenwerkingsverband.id));
}

const sorted = (s) => [...s].sort();
const collabIdOfHref = (h) => decodeURIComponent((/^\/samenwerkingsverbanden\/([^/?#]+)$/.exec(h) || [])[1] || '');

before(async () => {
  env = await startEnv();
  expected[HOUTEN] = await activeCollabs(HOUTEN);
  expected[NIEUWEGEIN] = await activeCollabs(NIEUWEGEIN);
  shared = new Set([...expected[HOUTEN]].filter((id) => expected[NIEUWEGEIN].has(id)));
  assert.ok(shared.size > 0, 'Houten and Nieuwegein share no active collaboration in the seed: the test would prove nothing');
}, T);

after(async () => {
  if (env) await env.stop();
});

test('/kaart: Houten and Nieuwegein with the keyboard only', T, async () => {
  const page = await env.newPage();
  await visit(env, page, '/kaart?weergave=aantal');
  // map.js has fetched its data once #kaart has no aria-busy any more
  await page.waitForFunction(() => {
    const k = document.getElementById('kaart');
    return k && k.classList.contains('atlas-map--js') && !k.hasAttribute('aria-busy');
  });

  // 1. Tab to the map: the first gemeente on it takes the focus
  await tabUntil(page, (f) => f.cls.includes('atlas-map__link'), { max: 60, what: 'a gemeente on the map' });

  // 2. arrows to Houten (the map announces each gemeente by its name and count)
  let f = await focused(page);
  if (f.code !== HOUTEN) {
    await pressUntil(page, 'ArrowRight', (x) => x.code === HOUTEN, { max: 30, what: 'Houten on the map' });
  }
  f = await focused(page);
  assert.match(f.label, /^Houten: \d+ actieve? samenwerkingsverband/, `accessible name of Houten on the map: ${f.label}`);

  // 3. Enter selects it: the side panel shows Houten; focus moves to the panel
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => {
    const h = document.getElementById('paneel-gemeente');
    return h && h.textContent.trim() === 'Houten';
  });
  f = await focused(page);
  assert.equal(f.id, 'kaart-paneel', `after Enter on Houten the focus should be on the side panel, is on ${JSON.stringify(f)}`);

  const panelCollabs = async () =>
    page.evaluate(() => {
      const box = document.getElementById('paneel-lijsten');
      const h = box.querySelector('h3');
      const ul = box.querySelector('ul');
      return {
        heading: h ? h.textContent.trim() : '',
        hrefs: ul ? [...ul.querySelectorAll('a')].map((a) => a.getAttribute('href')).filter((x) => x.startsWith('/samenwerkingsverbanden/')) : [],
      };
    });
  let p = await panelCollabs();
  assert.deepEqual(sorted(p.hrefs.map(collabIdOfHref)), sorted(expected[HOUTEN]), `panel lists Houten's active collaborations (${p.heading})`);

  // 4. Tab to "Gedeeld met gemeente" and choose Nieuwegein with the arrow keys
  await tabUntil(page, (x) => x.id === 'f-met', { max: 20, what: 'the "Gedeeld met gemeente" select in the side panel' });
  for (let i = 0; i < 30; i++) {
    const v = await page.evaluate(() => document.getElementById('f-met').value);
    if (v === NIEUWEGEIN) break;
    await page.keyboard.press('ArrowDown');
  }
  assert.equal(await page.evaluate(() => document.getElementById('f-met').value), NIEUWEGEIN, 'Nieuwegein chosen with ArrowDown');
  await page.waitForFunction(() => /^Gedeeld met Nieuwegein/.test(document.querySelector('#paneel-lijsten h3')?.textContent || ''));

  // 5. the panel shows exactly the collaborations the two share
  p = await panelCollabs();
  assert.match(p.heading, new RegExp(`^Gedeeld met Nieuwegein \\(${shared.size}\\)$`), 'heading with the number shared');
  assert.deepEqual(sorted(p.hrefs.map(collabIdOfHref)), sorted(shared), 'panel lists exactly the collaborations Houten shares with Nieuwegein');

  // 6. the answer is reachable by keyboard: Tab reaches the first shared collaboration link
  const firstShared = p.hrefs[0];
  await tabUntil(page, (x) => x.href === firstShared, { max: 10, what: `the link ${firstShared} in the panel` });

  // the state is in the URL, so the answer can be shared
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('gemeente'), HOUTEN);
  assert.equal(url.searchParams.get('met'), NIEUWEGEIN);

  await screenshot(page, 'kaart-toetsenbord-houten-nieuwegein');
  await assertNoAxeViolations(page, '/kaart after choosing Houten and Nieuwegein by keyboard');
  assertNoPageErrors(page, '/kaart');
  await page.context().close();
});

test('/kaart: Space also selects a gemeente, Shift+Tab goes back through the map', T, async () => {
  const page = await env.newPage();
  await visit(env, page, '/kaart?weergave=aantal');
  await page.waitForFunction(() => {
    const k = document.getElementById('kaart');
    return k && k.classList.contains('atlas-map--js') && !k.hasAttribute('aria-busy');
  });
  await tabUntil(page, (f) => f.cls.includes('atlas-map__link'), { max: 60, what: 'a gemeente on the map' });
  // Tab goes on through the map's gemeenten; Shift+Tab comes back
  const first = (await focused(page)).code;
  await page.keyboard.press('Tab');
  const second = await focused(page);
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused(page)).code, first, `Shift+Tab back to the first gemeente (second was ${JSON.stringify(second)})`);
  await pressUntil(page, 'ArrowRight', (x) => x.code === NIEUWEGEIN, { max: 30, what: 'Nieuwegein on the map' });
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.getElementById('paneel-gemeente')?.textContent.trim() === 'Nieuwegein');
  const hrefs = await page.$$eval('#paneel-lijsten ul:first-of-type a', (as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(sorted(hrefs.map(collabIdOfHref).filter(Boolean)), sorted(expected[NIEUWEGEIN]), "panel lists Nieuwegein's active collaborations");
  assertNoPageErrors(page, '/kaart');
  await page.context().close();
});

test('/netwerk: Houten and Nieuwegein with the keyboard only', T, async () => {
  const page = await env.newPage();
  await visit(env, page, '/netwerk');

  // 1. Tab to the selector, type "Houten", Tab to "Toon" and press Enter
  await tabUntil(page, (f) => f.id === 'f-kies', { max: 80, what: 'the selector' });
  await page.keyboard.type('Houten');
  assert.equal(await page.$eval('#f-kies', (s) => s.value), `o-${HOUTEN}`, 'typing chooses Houten');
  await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Toon', { max: 5, what: 'the Toon button' });
  await Promise.all([page.waitForURL(/kies=o-gm0321/), page.keyboard.press('Enter')]);

  // 2. Tab into the drawing: every node is a link, with a visible focus
  const nodeHref = (f) => f.cls.includes('net-node') ? f.href : null;
  await tabUntil(page, (f) => !!nodeHref(f), { max: 80, what: 'a node of the drawing' });
  const focusLook = await page.evaluate(() => {
    const t = document.activeElement.querySelector('.net-label');
    const cs = getComputedStyle(t);
    return { stroke: cs.stroke, width: parseFloat(cs.strokeWidth), decoration: cs.textDecorationLine };
  });
  assert.equal(focusLook.stroke, 'rgb(255, 191, 71)', 'focused label has the yellow halo');
  assert.ok(focusLook.width >= 6 && focusLook.decoration.includes('underline'), JSON.stringify(focusLook));
  const seen = [];
  for (let i = 0; i < 200; i++) {
    const f = await focused(page);
    const h = nodeHref(f);
    if (!h) break;
    seen.push(decodeURIComponent(h));
    await page.keyboard.press('Tab');
  }
  const drawn = await page.$$eval('.net-svg--wide a.net-node', (as) => as.length);
  assert.equal(seen.length, drawn, 'Tab reaches every node of the drawing, one after the other');
  const collabsOf = (hrefs) => new Set(hrefs.map((h) => (/kies=s-([^&]+)$/.exec(h) || [])[1]).filter(Boolean));
  // ring 1 of Houten: its collaborations (ring 2 holds organisations only)
  assert.deepEqual(sorted(collabsOf(seen)), sorted(expected[HOUTEN]), "the drawing links every active collaboration of Houten");
  assert.ok(seen.some((h) => h.endsWith(`kies=o-${NIEUWEGEIN}`)), 'Nieuwegein is in the outer ring');

  // 3. back to Nieuwegein with Shift+Tab and Enter: its neighbourhood
  await pressUntil(page, 'Shift+Tab', (f) => (f.href || '').endsWith(`kies=o-${NIEUWEGEIN}`), { max: 200, what: 'Nieuwegein in the drawing' });
  await Promise.all([page.waitForURL(/kies=o-gm0356/), page.keyboard.press('Enter')]);
  const nHrefs = await page.$$eval('.net-svg--wide a.net-node', (as) => as.map((a) => decodeURIComponent(a.getAttribute('href'))));
  const both = [...collabsOf(seen)].filter((id) => collabsOf(nHrefs).has(id));
  assert.deepEqual(sorted(both), sorted(shared), 'the collaborations in both neighbourhoods are exactly the shared ones');
  await screenshot(page, 'netwerk-toetsenbord-nieuwegein');
  await screenshotElement(page, '#netwerk-weergave', 'netwerk-toetsenbord-nieuwegein-tekening');
  await assertNoAxeViolations(page, '/netwerk with Nieuwegein chosen by keyboard');
  assertNoPageErrors(page, '/netwerk');
  await page.context().close();
});

test('keyboard tests: no request left 127.0.0.1', T, () => {
  env.assertNoExternalRequests();
});
