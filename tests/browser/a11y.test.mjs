// a11y.test.mjs — axe-core (WCAG 2.0/2.1 A and AA) reports no violations,
// and no colour contrast it could not decide, on every page of the atlas, each view is saved as a full-page screenshot
// (1280 wide) under build/screenshots/, no page raises a script error or a
// CSP refusal, no page is wider than the window, and no request leaves
// 127.0.0.1.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEnv, visit, axe, formatViolations, screenshot, screenshotElement, assertNoPageErrors, svgTextContrast } from './harness.mjs';
import { allPages, atlas, ROOT } from '../http/harness.mjs';
import path from 'node:path';

// time limits: a hanging browser call fails the test instead of the suite
const T = { timeout: 60_000 };

let env;
let page;
const ids = {};
const widths = []; // {path, width}: the document's scroll width per view

before(async () => {
  env = await startEnv();
  page = await env.newPage();
  // codes and ids the views need, from the open API
  const orgs = (await allPages(env.srv, '/api/v1/organisaties', 'organisaties')).items;
  const vianen = orgs.find((o) => o.naam === 'Vianen');
  assert.ok(vianen, 'organisation Vianen not in /api/v1/organisaties');
  assert.equal(vianen.opgeheven, true, 'Vianen should be an ended organisation');
  ids.vianen = vianen.code;
  const collabs = (await allPages(env.srv, '/api/v1/samenwerkingsverbanden', 'samenwerkingsverbanden')).items;
  assert.ok(collabs.length > 0, 'no collaborations');
  ids.collab = (collabs.find((c) => c.id === 'veiligheidsregio-utrecht') || collabs[0]).id;
  ids.u10 = (collabs.find((c) => c.id === 'u10') || collabs[0]).id;
  // a fictional collaboration with figures of its participants (tests/fixtures/samenwerking_cijfers)
  const fix = path.join(ROOT, 'tests', 'fixtures', 'samenwerking_cijfers');
  let r = atlas(['import', 'wijzigingen', path.join(fix, 'wijzigingen'), '--toepassen', '--db', env.srv.db]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  for (const f of ['gebieden.csv', 'indicatoren.csv', 'waarden.csv', 'beleidsdomein_taakvelden.csv']) {
    r = atlas(['import', 'indicatoren', path.join(fix, f), '--db', env.srv.db]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
  }
  for (let i = 0; i < 50 && (await env.srv.get('/samenwerkingsverbanden/testregio-cijfers')).status !== 200; i++)
    await new Promise((ok) => setTimeout(ok, 100));
}, T);

after(async () => {
  if (env) await env.stop();
});

// Wait until map.js has fetched its data and re-rendered (or until it is clear
// that it will not run: the regio-indeling is server-rendered only).
async function mapSettled(p) {
  await p.waitForFunction(() => {
    const k = document.getElementById('kaart');
    return !k || k.dataset.weergave === 'regio' || (k.classList.contains('atlas-map--js') && !k.hasAttribute('aria-busy'));
  });
  await p.waitForLoadState('networkidle');
}

// The network is drawn on the server: wait until its drawing is laid out.
async function networkSettled(p) {
  await p.waitForFunction(() => {
    const s = document.getElementById('netwerk-weergave');
    return s && s.querySelectorAll('.net-node').length > 0;
  });
}

// axe-core's undecided colour-contrast results ("incomplete") fail a view
// unless the node is a checked false positive (CONTRAST_FALSE_POSITIVES in
// the harness). For the drawings (map, network, overlap: drawing true) the
// contrast of every SVG text is measured as well, at 1280 and 390 px.
const VIEWS = [
  { name: 'home', path: '/' },
  { name: 'samenwerkingsverbanden', path: '/samenwerkingsverbanden' },
  {
    name: 'samenwerkingsverbanden-gefilterd',
    path: '/samenwerkingsverbanden?beleidsdomein=veiligheid&soort=wgr&status=alle&sorteer=naam',
  },
  { name: 'samenwerkingsverbanden-leeg', path: '/samenwerkingsverbanden?beleidsdomein=water&juridischeVorm=bv' },
  { name: 'samenwerkingsverband', path: () => `/samenwerkingsverbanden/${ids.collab}` },
  { name: 'samenwerkingsverband-cijfers', path: '/samenwerkingsverbanden/testregio-cijfers' },
  { name: 'organisaties', path: '/organisaties' },
  { name: 'organisatie-utrecht', path: '/organisaties/gm0344' },
  { name: 'organisatie-opgeheven-vianen', path: () => `/organisaties/${ids.vianen}` },
  { name: 'zoeken-utrecht', path: '/zoeken?q=utrecht' },
  { name: 'zoeken-jeugdzorg', path: '/zoeken?q=jeugdzorg' }, // the beleidsdomein hint
  { name: 'actualiteit', path: '/actualiteit' },
  { name: 'over', path: '/over' },
  { name: 'toegankelijkheid', path: '/toegankelijkheid' },
  { name: '404', path: '/deze-pagina-bestaat-niet', status: 404 },
  { name: 'kaart', path: '/kaart', settle: mapSettled, drawing: true },
  { name: 'kaart-regio-werk', path: '/kaart?beleidsdomein=werk-en-inkomen&waterschappen=ja', settle: mapSettled, drawing: true },
  { name: 'kaart-regio-mru', path: '/kaart?verband=metropoolregio-utrecht', settle: mapSettled, drawing: true },
  { name: 'kaart-regio-vergelijk', path: '/kaart?beleidsdomein=werk-en-inkomen&vergelijk=cultuur-en-erfgoed', settle: mapSettled, drawing: true },
  { name: 'kaart-aantal', path: '/kaart?weergave=aantal', settle: mapSettled, drawing: true },
  { name: 'kaart-verband-u10', path: () => `/kaart?weergave=aantal&verband=${ids.u10}`, settle: mapSettled, drawing: true },
  { name: 'kaart-verband-en-gemeente', path: () => `/kaart?weergave=aantal&verband=${ids.u10}&gemeente=gm0321`, settle: mapSettled, drawing: true },
  { name: 'kaart-gefilterd', path: '/kaart?weergave=aantal&beleidsdomein=veiligheid&soort=wgr', settle: mapSettled, drawing: true },
  { name: 'kaart-onbekend-verband', path: '/kaart?verband=bestaat-niet-xyz', status: 400, settle: mapSettled, drawing: true },
  { name: 'netwerk', path: '/netwerk', settle: networkSettled, detail: '#netwerk-weergave', drawing: true },
  { name: 'netwerk-gefilterd', path: '/netwerk?beleidsdomein=veiligheid', settle: networkSettled, drawing: true },
  { name: 'netwerk-houten', path: '/netwerk?kies=o-gm0321', settle: networkSettled, detail: '#netwerk-weergave', drawing: true },
  { name: 'analyse-overlap', path: '/analyse/overlap', drawing: true },
  { name: 'analyse-overlap-drempel', path: '/analyse/overlap?drempel=0.5', drawing: true },
  { name: 'analyse-overlap-ongeldig', path: '/analyse/overlap?drempel=7', status: 400, drawing: true },
];

for (const v of VIEWS) {
  test(`axe-core: no WCAG 2.1 A/AA violations on ${v.name}`, T, async () => {
    const p = typeof v.path === 'function' ? v.path() : v.path;
    await visit(env, page, p, { status: v.status });
    if (v.settle) await v.settle(page);
    widths.push({ path: p, width: await page.evaluate(() => document.documentElement.scrollWidth) });
    await screenshot(page, v.name);
    if (v.detail) await screenshotElement(page, v.detail, `${v.name}-detail`);
    const violations = await axe(page);
    assert.equal(violations.length, 0, `axe-core violations on ${p}:\n${formatViolations(p, violations)}`);
    if (v.drawing) await assertSvgTextContrast(page, p);
    assertNoPageErrors(page, p);
  });
}

// Every SVG text in the view meets its contrast minimum (see svgTextContrast).
let measured = 0;
async function assertSvgTextContrast(p, label) {
  const all = await svgTextContrast(p);
  measured += all.length;
  const low = all.filter((t) => t.ratio < t.need);
  assert.deepEqual(
    low.map((t) => `  "${t.text}" [${t.cls}] ${t.px.toFixed(1)} px: ${t.fill} on ${t.bg} ${t.ratio.toFixed(2)}:1 < ${t.need}:1`),
    [],
    `SVG text with too little contrast on ${label}`,
  );
}

test('SVG text contrast of the drawings at 390 px', { timeout: 300_000 }, async () => {
  const narrow = await env.newPage({ viewport: { width: 390, height: 900 } });
  for (const v of VIEWS.filter((x) => x.drawing)) {
    const p = typeof v.path === 'function' ? v.path() : v.path;
    await visit(env, narrow, p, { status: v.status });
    if (v.settle) await v.settle(narrow);
    await assertSvgTextContrast(narrow, `${p} at 390 px`);
  }
  assert.ok(measured > 100, `only ${measured} SVG texts measured: the check measured (almost) nothing`);
});

// A page wider than the window scrolls sideways as a whole: tables that do
// not fit must scroll in their own container instead.
test('no view is wider than the 1280 px window', T, () => {
  assert.ok(widths.length > 0, 'no view measured');
  const wide = widths.filter((w) => w.width > 1280);
  assert.deepEqual(wide, [], `views wider than the window (scrollWidth > 1280):\n${wide.map((w) => `  ${w.path}: ${w.width} px`).join('\n')}`);
});

test('no request left 127.0.0.1 while visiting every view', T, () => {
  env.assertNoExternalRequests();
});
