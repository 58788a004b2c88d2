// pages — the server-rendered HTML pages: every route answers, headers
// (security, ETag/304, gzip), content that follows from the seed, filter
// forms that work without JavaScript, static files with hashed names and
// immutable caching, the access log, and a concurrency smoke test.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, allPages, assertSecurityHeaders, decodeEntities } from './harness.mjs';

let srv;
before(async () => {
  srv = await startServer();
});
after(async () => {
  await srv?.stop();
});

const PAGES = [
  '/',
  '/samenwerkingsverbanden',
  '/samenwerkingsverbanden?beleidsdomein=veiligheid',
  '/samenwerkingsverbanden/veiligheidsregio-utrecht',
  '/organisaties',
  '/organisaties/gm0344',
  '/zoeken?q=utrecht',
  '/zoeken',
  '/over',
  '/toegankelijkheid',
];

const text = (html) => decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

test('every page answers 200 HTML with security headers and no CORS', async () => {
  for (const p of PAGES) {
    const r = await srv.get(p);
    assert.equal(r.status, 200, p);
    assert.equal(r.headers.get('content-type'), 'text/html; charset=utf-8', `${p}: content-type`);
    assertSecurityHeaders(r.headers, p);
    assert.match(r.text, /^<!DOCTYPE html>/i, `${p}: doctype`);
    assert.match(r.text, /<html[^>]*\blang="nl"/, `${p}: lang`);
  }
});

test('pages carry an ETag (except /zoeken) and answer If-None-Match with 304', async () => {
  for (const p of PAGES) {
    const r = await srv.get(p);
    const etag = r.headers.get('etag');
    if (p.startsWith('/zoeken')) continue;
    assert.ok(etag, `${p}: ETag missing`);
    const r2 = await srv.get(p, { 'If-None-Match': etag });
    assert.equal(r2.status, 304, `${p}: If-None-Match`);
    assert.equal(r2.body.length, 0, `${p}: 304 with a body`);
  }
});

test('HEAD / answers 200 without a body', async () => {
  const r = await srv.get('/', {}, { method: 'HEAD' });
  assert.equal(r.status, 200);
  assert.equal(r.body.length, 0);
  assert.equal(r.headers.get('content-type'), 'text/html; charset=utf-8');
});

test('pages are gzip-compressed when asked for', async () => {
  for (const p of ['/', '/samenwerkingsverbanden', '/over']) {
    const gz = await srv.get(p, { 'Accept-Encoding': 'gzip' });
    assert.equal(gz.headers.get('content-encoding'), 'gzip', `${p}: content-encoding`);
    const plain = await srv.get(p, { 'Accept-Encoding': 'identity' });
    assert.equal(plain.headers.get('content-encoding'), null, `${p}: compressed unasked`);
    assert.equal(gz.text, plain.text, `${p}: gzip and identity bodies differ`);
  }
});

test('home shows the counts and the reference dates, and a search form', async () => {
  const r = await srv.get('/');
  const t = text(r.text);
  for (const soort of ['wgr', 'privaatrechtelijk', 'netwerk']) {
    const j = await srv.getJson(`/api/v1/samenwerkingsverbanden?soort=${soort}`);
    if (j.totaal > 0) assert.match(t, new RegExp(`\\b${j.totaal}\\b`), `home lacks the count of ${soort} (${j.totaal})`);
  }
  assert.match(t, /2015/, 'home lacks the 2015 reference date of the OpenGR data');
  assert.match(r.text, /<form[^>]*action="\/zoeken"/, 'search form');
  assert.match(r.text, /<input[^>]*name="q"/);
  assert.match(r.text, /href="\/samenwerkingsverbanden"/);
  assert.match(r.text, /href="\/organisaties"/);
  assert.match(r.text, /href="\/over"/);
  assert.match(r.text, /href="\/toegankelijkheid"/);
});

test('collaboration list page shows the same first page as the API, in order', async () => {
  const r = await srv.get('/samenwerkingsverbanden?paginaGrootte=25');
  const j = await srv.getJson('/api/v1/samenwerkingsverbanden?paginaGrootte=25');
  const links = [...r.text.matchAll(/href="\/samenwerkingsverbanden\/([a-z0-9-]+)"/g)].map((m) => m[1]);
  const uniq = links.filter((x, i) => links.indexOf(x) === i);
  assert.deepEqual(uniq, j.samenwerkingsverbanden.map((c) => c.id));
  assert.match(text(r.text), new RegExp(`\\b${j.totaal}\\b`), 'page shows the total');
});

test('collaboration list page has a GET filter form with every filter', async () => {
  const r = await srv.get('/samenwerkingsverbanden');
  const form = /<form\b[^>]*>[\s\S]*?<\/form>/g;
  const forms = r.text.match(form) || [];
  const f = forms.find((x) => /name="beleidsdomein"/.test(x));
  assert.ok(f, 'no form with beleidsdomein');
  assert.doesNotMatch(f.slice(0, f.indexOf('>')), /method="post"/i);
  for (const n of ['beleidsdomein', 'juridischeVorm', 'fase', 'soort', 'deelnemer', 'status', 'sorteer']) {
    assert.match(f, new RegExp(`name="${n}"`), `filter form lacks ${n}`);
  }
});

test('filtered list page: beleidsdomein=veiligheid keeps the filter selected', async () => {
  const r = await srv.get('/samenwerkingsverbanden?beleidsdomein=veiligheid');
  assert.match(r.text, /href="\/samenwerkingsverbanden\/veiligheidsregio-utrecht"/);
  assert.doesNotMatch(r.text, /href="\/samenwerkingsverbanden\/afvalverwijdering-utrecht-avu"/);
  assert.match(r.text, /<option[^>]*value="veiligheid"[^>]*selected|<option[^>]*selected[^>]*value="veiligheid"/, 'selected option');
});

test('list page paginates with links that keep the filters', async () => {
  const r = await srv.get('/samenwerkingsverbanden?status=alle&paginaGrootte=5');
  const hrefs = [...r.text.matchAll(/href="(\/samenwerkingsverbanden\?[^"]*)"/g)].map((m) => decodeEntities(m[1]));
  const next = hrefs.find((h) => /[?&]pagina=2(&|$)/.test(h));
  assert.ok(next, `no link to page 2 among ${hrefs.join(' ')}`);
  assert.match(next, /status=alle/);
  assert.match(next, /paginaGrootte=5/);
  const r2 = await srv.get(next);
  assert.equal(r2.status, 200);
});

test('collaboration page: Veiligheidsregio Utrecht with its 26 gemeenten and its source', async () => {
  const r = await srv.get('/samenwerkingsverbanden/veiligheidsregio-utrecht');
  assert.equal(r.status, 200);
  assert.match(r.text, /<h1[^>]*>[^<]*Veiligheidsregio Utrecht/);
  const c = await srv.getJson('/api/v1/samenwerkingsverbanden/veiligheidsregio-utrecht');
  for (const d of c.deelnemers) assert.match(r.text, new RegExp(`href="/organisaties/${d.organisatie.code}"`), d.organisatie.code);
  const t = text(r.text);
  assert.match(t, /laatst bevestigd/i);
  assert.match(t, /Bron/);
  assert.match(r.text, /href="https:\/\/vru\.nl\//, 'link to the VRU source');
  assert.match(t, /Openbaar lichaam/);
});

test('organisation list page and soort filter', async () => {
  const r = await srv.get('/organisaties');
  assert.match(r.text, /href="\/organisaties\/gm0344"/);
  assert.match(r.text, /href="\/organisaties\/pv26"/);
  const ws = await srv.get('/organisaties?soort=waterschap');
  assert.equal(ws.status, 200);
  assert.match(ws.text, /href="\/organisaties\/ws0636"/);
  assert.doesNotMatch(ws.text, /href="\/organisaties\/gm0344"/);
});

test('organisation page: Utrecht lists its collaborations grouped by domain', async () => {
  const r = await srv.get('/organisaties/gm0344');
  assert.equal(r.status, 200);
  assert.match(r.text, /<h1[^>]*>[^<]*Utrecht/);
  assert.match(r.text, /href="\/samenwerkingsverbanden\/veiligheidsregio-utrecht"/);
  assert.match(r.text, /<h[23][^>]*>[^<]*Veiligheid/, 'domain heading Veiligheid');
  const d = await srv.getJson('/api/v1/organisaties/gm0344/deelnames');
  for (const x of d.deelnames) {
    const id = x.samenwerkingsverband?.id ?? x.samenwerkingsverbandId ?? x.id;
    if (id) assert.match(r.text, new RegExp(`href="/samenwerkingsverbanden/${id}"`), id);
  }
});

test('/over names every source from the seed, /toegankelijkheid answers', async () => {
  const r = await srv.get('/over');
  assert.match(text(r.text), /Bron: CBS/);
  const a = await srv.get('/toegankelijkheid');
  assert.equal(a.status, 200);
  assert.match(a.text, /<h1/);
});

test('static files: hashed names, right type, immutable caching, 304', async () => {
  const home = await srv.get('/');
  const urls = [...home.text.matchAll(/(?:href|src)="(\/static\/[^"]+)"/g)].map((m) => m[1]);
  assert.ok(urls.some((u) => u.endsWith('.css')), `no stylesheet linked from /: ${urls.join(' ')}`);
  for (const u of urls) {
    assert.match(u, /\.[0-9a-f]{8,}\.[a-z0-9]+$/, `not content-hashed: ${u}`);
    const r = await srv.get(u);
    assert.equal(r.status, 200, u);
    assert.equal(r.headers.get('cache-control'), 'public, max-age=31536000, immutable', `${u}: cache-control`);
    if (u.endsWith('.css')) assert.match(r.headers.get('content-type'), /^text\/css/);
    if (u.endsWith('.js')) assert.match(r.headers.get('content-type'), /^(text|application)\/javascript/);
    assertSecurityHeaders(r.headers, u);
    const gz = await srv.get(u, { 'Accept-Encoding': 'gzip' });
    if (/\.(css|js|svg)$/.test(u)) assert.equal(gz.headers.get('content-encoding'), 'gzip', `${u}: gzip`);
    const etag = r.headers.get('etag');
    if (etag) assert.equal((await srv.get(u, { 'If-None-Match': etag })).status, 304, `${u}: 304`);
  }
  const nf = await srv.get('/static/css/bestaat-niet.0123456789abcdef.css');
  assert.equal(nf.status, 404);
});

test('one access log line per request with method, path and status', async () => {
  const marker = '/over?logtest=' + Date.now();
  await srv.get(marker);
  await new Promise((r) => setTimeout(r, 200));
  const log = (srv.stdout() + srv.stderr()).split('\n');
  const lines = log.filter((l) => l.includes('/over') && l.includes('GET') && /\b200\b/.test(l));
  assert.ok(lines.length >= 1, `no access log line for GET /over: ${log.slice(-5).join('\n')}`);
});

test('concurrency smoke: 200 requests, 20 in parallel, all succeed', async () => {
  const urls = [
    '/', '/samenwerkingsverbanden', '/samenwerkingsverbanden/veiligheidsregio-utrecht', '/organisaties/gm0344',
    '/api/v1/samenwerkingsverbanden', '/api/v1/organisaties?status=alle', '/zoeken?q=zeist', '/over',
    '/api/v1/samenwerkingsverbanden/u10', '/api/v1/beleidsdomeinen',
  ];
  const expected = new Map();
  for (const u of urls) expected.set(u, (await srv.get(u)).text);
  let next = 0;
  const failures = [];
  async function worker() {
    while (next < 200) {
      const i = next++;
      const u = urls[i % urls.length];
      try {
        const r = await srv.get(u);
        if (r.status !== 200) failures.push(`${u}: ${r.status}`);
        else if (r.text !== expected.get(u)) failures.push(`${u}: body differs under load`);
      } catch (e) {
        failures.push(`${u}: ${e.message}`);
      }
    }
  }
  await Promise.all(Array.from({ length: 20 }, worker));
  assert.deepEqual(failures, []);
});
