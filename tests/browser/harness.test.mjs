// harness.test.mjs — the browser harness checks what it claims to check:
// a request to another host is aborted and recorded, axe-core finds a
// known violation, and the browser runs with a fresh temporary profile.
// (Without these, a suite that "passes" could be passing vacuously.)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEnv, visit, axe, assertNoPageErrors, CHROMIUM_ARGS } from './harness.mjs';

const T = { timeout: 60_000 };
let env;

before(async () => {
  env = await startEnv();
}, T);

after(async () => {
  if (env) await env.stop();
});

test('a request to another host is aborted and recorded', T, async () => {
  let page = await env.newPage();
  // (a fetch() from our pages would already be stopped by their CSP, before
  // the route sees it; a navigation is not subject to it)
  const outcome = await page.goto('http://192.0.2.1/niet-bereikbaar.js').then(
    () => 'loaded',
    (e) => (/ERR_BLOCKED_BY_CLIENT/.test(String(e)) ? 'blocked' : String(e)),
  );
  assert.equal(outcome, 'blocked');
  assert.deepEqual(
    env.external.map((x) => x.url),
    ['http://192.0.2.1/niet-bereikbaar.js'],
    'the blocked request is recorded',
  );
  assert.throws(() => env.assertNoExternalRequests(), /192\.0\.2\.1/);
  env.external.length = 0; // this one was on purpose

  // from our pages, the CSP stops such a request first: that is reported
  // as a page error by assertNoPageErrors()
  await page.context().close();
  page = await env.newPage();
  await visit(env, page, '/over');
  await page.evaluate(() => fetch('http://192.0.2.1/x.json').catch(() => null));
  await page.waitForTimeout(100);
  assert.throws(() => assertNoPageErrors(page, '/over'), /CSP: .*192\.0\.2\.1/);
  env.assertNoExternalRequests();
  await page.context().close();
});

test('axe-core reports a known violation (image without alternative text)', T, async () => {
  const page = await env.newPage();
  await visit(env, page, '/over');
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    img.width = 10;
    img.height = 10;
    document.querySelector('main').append(img);
  });
  const v = await axe(page);
  assert.ok(
    v.some((x) => x.id === 'image-alt'),
    `expected image-alt, got ${v.map((x) => x.id).join(', ') || 'no violations'}`,
  );
  await page.context().close();
});

test('chromium runs headless with the issue-3 flags and a fresh temporary profile', T, async () => {
  for (const f of ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync']) {
    assert.ok(CHROMIUM_ARGS.includes(f), `flag ${f}`);
  }
  // the browser process (a child of this process): its command line
  const kids = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return { ppid, cmd: readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0') };
      } catch {
        return { ppid: -1, cmd: [] };
      }
    })
    .filter((p) => p.ppid === process.pid && /chrom/.test(p.cmd[0] || ''));
  assert.equal(kids.length, 1, 'one chromium started by this test process');
  const cmd = kids[0].cmd;
  for (const f of CHROMIUM_ARGS) assert.ok(cmd.includes(f), `chromium runs with ${f}`);
  const udd = cmd.find((a) => a.startsWith('--user-data-dir='));
  assert.ok(udd, 'chromium has a --user-data-dir');
  assert.ok(udd.slice('--user-data-dir='.length).startsWith(path.join(os.tmpdir(), 'playwright_')), `a fresh temporary profile: ${udd}`);
  // and nothing is stored in it for this origin
  const page = await env.newPage();
  await visit(env, page, '/over');
  const stored = await page.evaluate(() => [localStorage.length, document.cookie]);
  assert.deepEqual(stored, [0, ''], 'no stored state in the fresh profile');
  await page.context().close();
  env.assertNoExternalRequests();
});
