#!/usr/bin/env node
// screenshots — PNGs of every public page at 1280 and 390 px, to look at.
//
//   make screenshots            (or: node scripts/screenshots.mjs [--out DIR] [--only REGEX])
//
// Starts build/atlas on a `make run`-style database in a temporary
// directory (seed + the change sets of data/wijzigingen, see
// scripts/atlas-demo-server.mjs), reads the page routes from
// src/http/routes.c (GET, ROUTE_PAGE, no role, not a download), fills the
// path parameters with real records ({id} of a collaboration, {code} of
// an organisation, a person, an import), and writes full-page screenshots
// with Debian's chromium (playwright-core) to build/screenshots/pages/
// (not committed): <name>-1280.png and <name>-390.png, plus index.txt
// with the URL of each. Pages that answer anything but 200 HTML to an
// anonymous visitor (sign-in required) are listed as skipped.

import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, startDemoServer } from './atlas-demo-server.mjs';

const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const WIDTHS = [1280, 390];
const DOWNLOAD = /\.(csv|ics|atom|geojson|json|xml)$/;

function argValue(name, dflt) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : dflt;
}

// The route table's public HTML pages: every entry `{GET, "/path", handler,
// ROUTE_PAGE, …}` (GET only: GET | HTTP_POST entries are forms) without a
// role (USER_ROLE_…, or the EDIT_FORM macro that carries one).
export function publicPageRoutes(src) {
  const out = [];
  const re = /\{\s*GET\s*,\s*"([^"]+)"\s*,\s*\w+\s*,\s*ROUTE_PAGE\b([^}]*)\}/g;
  let m;
  while ((m = re.exec(src))) {
    const [, route, rest] = m;
    if (/USER_ROLE_|EDIT_FORM/.test(rest)) continue;
    if (DOWNLOAD.test(route)) continue;
    out.push(route);
  }
  return [...new Set(out)];
}

async function firstHref(base, page, re) {
  const r = await fetch(base + page);
  const m = (await r.text()).match(re);
  return m ? m[1] : null;
}

// Real values for the path parameters, found on the running server.
async function instances(base) {
  return {
    collab: (await firstHref(base, '/samenwerkingsverbanden?peildatum=', /href="\/samenwerkingsverbanden\/([a-z0-9-]+)"/)) || 'u10',
    org: 'gm0321', // Houten: the raadslid's gemeente of issue 15
    person: await firstHref(base, '/personen', /href="\/personen\/([0-9a-z-]+)"/),
    import: await firstHref(base, '/wijzigingen', /href="\/wijzigingen\/import\/(\d+)"/),
  };
}

function fill(route, inst) {
  const first = route.split('/')[1];
  let missing = false;
  const url = route.replace(/\{(\w+)\}/g, (_, name) => {
    let v = null;
    if (first === 'samenwerkingsverbanden') v = inst.collab;
    else if (first === 'organisaties') v = inst.org;
    else if (first === 'personen') v = inst.person;
    else if (first === 'wijzigingen') v = inst.import;
    if (!v) missing = true;
    return v ? encodeURIComponent(v) : `{${name}}`;
  });
  return missing ? null : url;
}

function shotName(url) {
  if (url === '/') return 'home';
  return url.slice(1).replace(/[^a-z0-9]+/gi, '_').replace(/_+$/, '');
}

async function main() {
  const outDir = path.resolve(ROOT, argValue('--out', 'build/screenshots/pages'));
  const only = process.argv.includes('--only') ? new RegExp(argValue('--only', '.')) : null;
  mkdirSync(outDir, { recursive: true });
  const routes = publicPageRoutes(readFileSync(path.join(ROOT, 'src/http/routes.c'), 'utf8'));
  const srv = await startDemoServer();
  let browser;
  const index = [];
  const skipped = [];
  try {
    const inst = await instances(srv.base);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    for (const route of routes) {
      const url = fill(route, inst);
      if (!url) { skipped.push(`${route}  (no instance for the path parameter)`); continue; }
      if (only && !only.test(url)) continue;
      const probe = await fetch(srv.base + url, { redirect: 'manual' });
      const type = probe.headers.get('content-type') || '';
      await probe.arrayBuffer();
      if (probe.status !== 200 || !type.startsWith('text/html')) {
        skipped.push(`${url}  (${probe.status} ${type.split(';')[0]}: not a public HTML page)`);
        continue;
      }
      for (const width of WIDTHS) {
        const ctx = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
        const page = await ctx.newPage();
        await page.route('**/*', (r) => (new URL(r.request().url()).hostname === '127.0.0.1' ? r.continue() : r.abort()));
        await page.goto(srv.base + url, { waitUntil: 'load' });
        const file = path.join(outDir, `${shotName(url)}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        const h = await page.evaluate(() => document.documentElement.scrollHeight);
        index.push(`${path.basename(file)}\t${url}\t${width}x${h}`);
        await ctx.close();
      }
      process.stdout.write(`${url}\n`);
    }
  } finally {
    if (browser) await browser.close();
    await srv.stop();
  }
  writeFileSync(path.join(outDir, 'index.txt'), index.join('\n') + '\n');
  for (const s of skipped) process.stdout.write(`skipped: ${s}\n`);
  process.stdout.write(`${index.length} screenshots in ${path.relative(ROOT, outDir)}/\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
