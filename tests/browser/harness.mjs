// harness — browser tests for the Samenwerkingsatlas: starts the real
// binary with a fresh seeded database (via tests/http/harness.mjs) and
// Debian's chromium (/usr/bin/chromium) through playwright-core, with
//   - the flags of issue 3 (headless, no sandbox, no GPU, no QUIC, no
//     first-run, no background networking, no component updates, no sync);
//   - a fresh profile: chromium.launch() gives every launch its own new
//     temporary --user-data-dir, removed when the browser closes;
//   - every request that does not go to 127.0.0.1 aborted and recorded
//     (env.external), so a test can assert that nothing left the machine;
//   - axe-core (WCAG 2.0/2.1 A and AA) with a readable violation report;
//   - full-page screenshots (1280 wide) under build/screenshots/.
// and signedInPage(): a page signed in through the login form.
//
// It does not build anything: `make test-browser` builds first. Each test
// file starts one server and one browser (see startEnv) and stops them in
// its after() hook.

import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { startServer, ROOT, TEST_PASSWORD } from '../http/harness.mjs';

export { ROOT };
// Users are made as in the HTTP tests: addUser(env.srv.db, name, role, opts).
export { addUser, TEST_PASSWORD } from '../http/harness.mjs';
export const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SHOT_DIR = path.join(ROOT, 'build', 'screenshots');
export const VIEWPORT = { width: 1280, height: 900 };
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Schemes that never touch the network.
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:', 'chrome:', 'chrome-error:']);

function isLocal(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (LOCAL_SCHEMES.has(u.protocol)) return true;
  return (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:') && u.hostname === '127.0.0.1';
}

/*
 * Start the server and the browser. Returns env:
 *   base, srv (the HTTP harness server: get(), getJson()), browser,
 *   external (array of {url, page} that were blocked),
 *   newContext(opts)  a browser context with the blocking route (opts are
 *                     passed to browser.newContext: javaScriptEnabled...),
 *   newPage(opts)     a page in a fresh such context,
 *   stop()            close the browser, stop the server (asserts exit 0).
 */
export async function startEnv() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (scripts/bootstrap does)`);
  mkdirSync(SHOT_DIR, { recursive: true });
  const srv = await startServer();
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 });
  } catch (e) {
    await srv.stop();
    throw e;
  }
  const external = [];
  const recorded = new WeakSet();
  const record = (req, how) => {
    if (recorded.has(req)) return;
    recorded.add(req);
    let from = '';
    try {
      from = req.frame().url();
    } catch {
      from = how;
    }
    external.push({ url: req.url(), from: from || how });
  };
  const contexts = [];
  const env = {
    base: srv.base,
    srv,
    browser,
    external,
    // opts go to browser.newContext, except blockScripts: true, which aborts
    // every script request (the page as without JavaScript, while axe-core,
    // which needs JavaScript in the browser, can still run on it)
    async newContext(opts = {}) {
      const { blockScripts = false, ...ctxOpts } = opts;
      const ctx = await browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL', ...ctxOpts });
      ctx.setDefaultTimeout(10_000);
      await ctx.route('**/*', (route) => {
        const url = route.request().url();
        if (blockScripts && route.request().resourceType() === 'script') return route.abort('blockedbyclient');
        if (isLocal(url)) return route.continue();
        record(route.request(), 'route');
        return route.abort('blockedbyclient');
      });
      // requests the route does not see (e.g. a service worker) are recorded too
      ctx.on('request', (req) => {
        if (!isLocal(req.url())) record(req, 'request event');
      });
      contexts.push(ctx);
      return ctx;
    },
    async newPage(opts = {}) {
      const ctx = await env.newContext(opts);
      const page = await ctx.newPage();
      page.on('pageerror', (err) => {
        page.__errors = page.__errors || [];
        page.__errors.push(String(err && err.stack ? err.stack : err));
      });
      // what the page's Content-Security-Policy refused (an inline style, a
      // script or a request to another host) counts as an error too
      page.on('console', (msg) => {
        if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) {
          page.__errors = page.__errors || [];
          page.__errors.push(`CSP: ${msg.text()}`);
        }
      });
      return page;
    },
    // assert no request tried to leave 127.0.0.1 so far
    assertNoExternalRequests() {
      assert.deepEqual(external, [], `requests that tried to leave 127.0.0.1:\n${external.map((x) => `  ${x.url} (from ${x.from})`).join('\n')}`);
    },
    async stop() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await srv.stop();
    },
  };
  return env;
}

// Go to a path and wait for the load event; returns the main response.
export async function visit(env, page, p, { status } = {}) {
  const res = await page.goto(env.base + p, { waitUntil: 'load' });
  assert.ok(res, `GET ${p}: no response`);
  if (status !== undefined) assert.equal(res.status(), status, `GET ${p}: status`);
  else assert.ok(res.status() < 400, `GET ${p}: status ${res.status()}`);
  return res;
}

/*
 * Colour-contrast results axe-core could not decide ("incomplete": e.g. text
 * over an image or a gradient) count as violations, except the nodes listed
 * here after checking them by hand: { target: RegExp on the node's CSS
 * selector and/or html: RegExp on its HTML, page: RegExp on the URL
 * (optional), reason }.
 */
export const CONTRAST_FALSE_POSITIVES = [
  {
    html: /^<text class="atlas-chart__text"/,
    reason:
      'bar charts (src/render/svg.c): #1a1a1a text (17:1) on the white page; labels sit on their own line and values after the end of the bar, never over it; axe-core cannot see through the SVG',
  },
  {
    html: /^<text [^>]*font-size="1[23]" fill="#(1a1a1a|3d3d3d)"/,
    page: /\/samenwerkingsverbanden\/[^/?]+$/,
    reason:
      'role quadrant (src/render/quadrant.c): #1a1a1a and #3d3d3d text on the pale quadrant fills #e8f0fb, #fdf1e3, #e6f4ee, #f3eaf7 (at least 9.4:1)',
  },
  {
    html: /^<text [^>]*font-weight="bold" fill="#ffffff">\d+<\/text>/,
    page: /\/samenwerkingsverbanden\/[^/?]+$/,
    reason: 'role quadrant: the white marker number on its #0b4f9c circle (8.0:1)',
  },
  // The map, network and overlap drawings: ratios measured by
  // svgTextContrast() below at 1280 and 390 px, which a11y.test.mjs asserts
  // on every view of these pages.
  {
    html: /^<text class="atlas-map__name atlas-map__name--(full|short|waterboard)"/,
    page: /\/kaart(\?|$)/,
    reason:
      'map names (src/pages/map.c) over gemeente fills, area colours and patterns: each has its own white halo (paint-order stroke, 0.25em), #1a1a1a on it 17.4:1, water-board names #00507a 8.7:1',
  },
  {
    html: /^<text class="atlas-map__badge-text"/,
    page: /\/kaart(\?|$)/,
    reason: 'map area letters: white on their badge, filled with the area colour (the darkest palette, at least 5.3:1 on #007a5a) or #1a1a1a (17.4:1)',
  },
  {
    html: /^<text class="atlas-map__num/,
    page: /\/(kaart|kennis\/vergelijk)(\?|$)/,
    reason:
      'count map numbers over the Blues shades: each has a halo in the opposite colour (paint-order stroke, 0.25em): #1a1a1a on white 17.4:1, white on #08306b 12.8:1, dimmed #545454 on white 7.6:1',
  },
  {
    html: /^<text class="atlas-vergelijk__(tick|label)"/,
    page: /\/(kennis\/vergelijk|financien)(\?|$)/,
    reason:
      'national distribution (src/pages/chart_verdeling.c, on the compare page and the financial national view): axis values #333 (12.6:1) below the axis and gemeente names #000 (21:1) in their own rows above the bars, both on the white page, never over a bar',
  },
  {
    html: /^<text class="net-(label|group__name|group__count)"/,
    page: /\/netwerk(\?|$)/,
    reason:
      'network (src/pages/network.c): labels #1a1a1a with a white halo (paint-order stroke) 17.4:1; group names #1a1a1a (17.4:1) and counts #3d3d3d (10.9:1) on the white page',
  },
  {
    html: /^<text[ >]/,
    page: /\/analyse\/overlap(\?|$)/,
    reason:
      'overlap heat map (src/render/heatmap.c): labels and legend #1a1a1a on white (17.4:1), beside the cells and swatches, never over them',
  },
];

// The incomplete colour-contrast nodes of an axe result that are not known
// false positives, as one violation (or null).
function undecidedContrast(result, url, known) {
  const inc = (result.incomplete || []).find((v) => v.id === 'color-contrast');
  if (!inc) return null;
  const listed = (n, k) => (!k.target || k.target.test(n.target.join(' '))) && (!k.html || k.html.test(n.html)) && (!k.page || k.page.test(url));
  const nodes = inc.nodes.filter((n) => !known.some((k) => listed(n, k)));
  if (nodes.length === 0) return null;
  return {
    ...inc,
    id: 'color-contrast (incomplete)',
    help: `${inc.help}: axe-core could not decide; check and fix, or list it in CONTRAST_FALSE_POSITIVES with a reason`,
    nodes: nodes.map((n) => ({ ...n, failureSummary: n.failureSummary || (n.any || []).map((c) => c.message).join('; ') })),
  };
}

const luminance = ([r, g, b]) => {
  const f = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
};
// WCAG contrast ratio of two [r, g, b] colours.
export function contrastRatio(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/*
 * Measure the contrast of every visible <text> in the page's SVGs, as axe
 * cannot: against its own halo when it has one (paint-order stroke of at
 * least 2 rendered px), otherwise against the pixels drawn under its box
 * (screenshot with all SVG text hidden), the worst colour covering 5 % or
 * more of the box. Returns [{text, cls, px, large, need, fill, bg, ratio}];
 * need is 3 for large text (24 px, or 18.66 px bold), 4.5 otherwise.
 */
export async function svgTextContrast(page) {
  const texts = await page.evaluate(() => {
    const rgb = (s) => (/rgba?\(([^)]*)\)/.exec(s) || [, ''])[1].split(',').slice(0, 3).map((x) => Math.round(parseFloat(x)));
    return [...document.querySelectorAll('svg text')].flatMap((t, i) => {
      const r = t.getBoundingClientRect();
      const s = getComputedStyle(t);
      if (r.width === 0 || s.visibility === 'hidden') return [];
      t.dataset.contrastProbe = String(i);
      const ctm = t.getScreenCTM();
      const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
      const halo = s.stroke !== 'none' && /^stroke/.test(s.paintOrder) && parseFloat(s.strokeWidth) * scale >= 2;
      return [{ i, text: t.textContent.trim().slice(0, 30), cls: t.getAttribute('class') || '', fill: rgb(s.fill), halo: halo ? rgb(s.stroke) : null, px: parseFloat(s.fontSize) * scale, bold: parseInt(s.fontWeight, 10) >= 700 }];
    });
  });
  const decoder = await page.context().newPage();
  const hide = (on) => page.evaluate((v) => document.querySelectorAll('svg text').forEach((t) => (v ? t.style.setProperty('visibility', 'hidden', 'important') : t.style.removeProperty('visibility'))), on);
  await hide(true);
  const out = [];
  try {
    for (const t of texts) {
      let bg = t.halo;
      if (!bg) {
        const box = await page.evaluate((i) => {
          const e = document.querySelector(`[data-contrast-probe="${i}"]`);
          e.scrollIntoView({ block: 'center', inline: 'center' });
          const r = e.getBoundingClientRect();
          return { x: Math.max(0, Math.floor(r.x)), y: Math.max(0, Math.floor(r.y)), right: Math.ceil(r.right), bottom: Math.ceil(r.bottom), vw: innerWidth, vh: innerHeight };
        }, t.i);
        const clip = { x: box.x, y: box.y, width: Math.max(1, Math.min(box.vw, box.right) - box.x), height: Math.max(1, Math.min(box.vh, box.bottom) - box.y) };
        const png = (await page.screenshot({ clip })).toString('base64');
        const colours = await decoder.evaluate(async (b64) => {
          const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
          const g = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d');
          g.drawImage(bmp, 0, 0);
          const d = g.getImageData(0, 0, bmp.width, bmp.height).data;
          const n = {};
          for (let k = 0; k < d.length; k += 4) n[`${d[k]},${d[k + 1]},${d[k + 2]}`] = (n[`${d[k]},${d[k + 1]},${d[k + 2]}`] || 0) + 1;
          return Object.entries(n).map(([c, k]) => ({ c: c.split(',').map(Number), share: k / (d.length / 4) }));
        }, png);
        const seen = colours.filter((c) => c.share >= 0.05).map((c) => c.c);
        bg = seen.reduce((w, c) => (contrastRatio(t.fill, c) < contrastRatio(t.fill, w) ? c : w), seen[0] || [255, 255, 255]);
      }
      const large = t.px >= 24 || (t.bold && t.px >= 18.66);
      const hex = (c) => '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('');
      out.push({ text: t.text, cls: t.cls, px: t.px, large, need: large ? 3 : 4.5, fill: hex(t.fill), bg: (t.halo ? 'halo ' : '') + hex(bg), ratio: contrastRatio(t.fill, bg) });
    }
  } finally {
    await hide(false);
    await decoder.close();
  }
  return out;
}

/*
 * Run axe-core with the WCAG 2.0/2.1 A+AA tags on the page as it is now.
 * Returns the violations, including undecided colour contrast (see
 * CONTRAST_FALSE_POSITIVES; pass knownContrast to use another list);
 * assertNoViolations() fails with a detailed list.
 */
export async function axe(page, { timeoutMs = 30_000, knownContrast = CONTRAST_FALSE_POSITIVES } = {}) {
  // axe-core runs inside the page: it cannot run with javaScriptEnabled:
  // false (it would wait for ever), hence the time limit
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`axe-core did not finish within ${timeoutMs} ms on ${page.url()}`)), timeoutMs);
  });
  try {
    const r = await Promise.race([new AxeBuilder({ page }).withTags(AXE_TAGS).analyze(), limit]);
    const undecided = undecidedContrast(r, page.url(), knownContrast);
    return undecided ? [...r.violations, undecided] : r.violations;
  } finally {
    clearTimeout(timer);
  }
}

// Format axe violations: rule id, impact, help, and per node the target and HTML.
export function formatViolations(url, violations) {
  const out = [];
  for (const v of violations) {
    out.push(`${url}: [${v.id}] (${v.impact}) ${v.help}\n    ${v.helpUrl}`);
    for (const n of v.nodes.slice(0, 12)) {
      out.push(`      ${n.target.join(' ')}\n        ${n.html.slice(0, 240)}\n        ${(n.failureSummary || '').replace(/\n/g, '\n        ')}`);
    }
    if (v.nodes.length > 12) out.push(`      ... and ${v.nodes.length - 12} more`);
  }
  return out.join('\n');
}

export async function assertNoAxeViolations(page, label) {
  const v = await axe(page);
  assert.equal(v.length, 0, `axe-core violations on ${label}:\n${formatViolations(label, v)}`);
}

// Full-page screenshot into build/screenshots/<name>.png; returns the path.
export async function screenshot(page, name) {
  const file = path.join(SHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// Assert the page raised no uncaught script errors and no CSP refusals
// since the last call.
export function assertNoPageErrors(page, label) {
  const errors = page.__errors || [];
  page.__errors = [];
  assert.deepEqual(errors, [], `uncaught script errors on ${label}`);
}

// The element that has focus now: a short description for messages and checks.
export async function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return { tag: 'body' };
    return {
      tag: e.tagName.toLowerCase(),
      id: e.id || '',
      cls: typeof e.className === 'string' ? e.className : (e.className && e.className.baseVal) || '',
      code: e.getAttribute('data-code') || '',
      dataId: e.getAttribute('data-id') || '',
      label: e.getAttribute('aria-label') || '',
      text: (e.textContent || '').trim().slice(0, 80),
      href: e.getAttribute('href') || '',
    };
  });
}

/*
 * Press Tab (or Shift+Tab with back=true) until pred(focusDescription) is
 * true; at most max presses. Returns the number of presses; fails with the
 * list of elements visited otherwise.
 */
export async function tabUntil(page, pred, { max = 80, back = false, what = 'target' } = {}) {
  const seen = [];
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (pred(f)) return i;
    seen.push(`${f.tag}${f.id ? '#' + f.id : ''}${f.code ? `[${f.code}]` : ''} ${f.label || f.text}`.slice(0, 100));
  }
  assert.fail(`${what} not reached with ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}; focus went:\n  ${seen.join('\n  ')}`);
}

// Press key until pred(focusDescription); at most max presses.
export async function pressUntil(page, key, pred, { max = 200, what = 'target' } = {}) {
  const seen = [];
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (pred(f)) return i;
    if (seen.length < 40) seen.push(`${f.tag}${f.id ? '#' + f.id : ''} ${f.label || f.text}`.slice(0, 100));
  }
  assert.fail(`${what} not reached with ${max} presses of ${key}; focus went:\n  ${seen.join('\n  ')}`);
}

// Screenshot of one element (e.g. the map or the network drawing), for
// views whose full page is too tall to judge at a glance.
export async function screenshotElement(page, selector, name) {
  const file = path.join(SHOT_DIR, `${name}.png`);
  await page.locator(selector).first().screenshot({ path: file });
  return file;
}

/*
 * A page in a fresh context of env, signed in as name through the login
 * form (fill and click: the keyboard-only sign-in is a test of its own);
 * asserts that the header then shows the sign-out button.
 */
export async function signedInPage(env, name, password = TEST_PASSWORD) {
  const page = await env.newPage();
  await visit(env, page, '/inloggen');
  await page.fill('#f-gebruikersnaam', name);
  await page.fill('#f-wachtwoord', password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/inloggen')), page.click('main button[type=submit]')]);
  assert.ok(await page.locator('.atlas-header__logout').count(), `${name} is not signed in (at ${page.url()})`);
  return page;
}
