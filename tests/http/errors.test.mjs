// errors — every bad input of issue 2 gets a clear answer and never a 500:
// unknown routes (404 page / problem+json), wrong methods (405 + Allow),
// invalid filter values (400 naming the parameter), invalid UTF-8 and NUL
// (400), static path traversal (404), oversized body/URL/headers
// (413/414/431), and hostile text shown escaped.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, rawGet, assertSecurityHeaders, decodeEntities } from './harness.mjs';

let srv;
before(async () => {
  srv = await startServer();
});
after(async () => {
  await srv?.stop();
});

const ENGLISH_REASONS = /^(Not Found|Bad Request|Method Not Allowed|Payload Too Large|Content Too Large|URI Too Long|Internal Server Error)$/i;

function assertProblem(r, status, what) {
  assert.equal(r.status, status, `${what}: status (body: ${r.text.slice(0, 300)})`);
  assert.match(r.headers.get('content-type') || '', /^application\/problem\+json/, `${what}: content-type`);
  const j = r.json;
  assert.ok(j, `${what}: problem body is not JSON: ${r.text.slice(0, 200)}`);
  assert.equal(typeof j.type, 'string', `${what}: type`);
  assert.equal(typeof j.title, 'string', `${what}: title`);
  assert.ok(j.title.length > 0);
  assert.doesNotMatch(j.title, ENGLISH_REASONS, `${what}: title is English: ${j.title}`);
  assert.equal(j.status, status, `${what}: status member`);
  assert.equal(typeof j.detail, 'string', `${what}: detail`);
  assert.ok(j.detail.length > 0);
  assertSecurityHeaders(r.headers, what);
  return j;
}

function assertHtmlError(r, status, what) {
  assert.equal(r.status, status, `${what}: status`);
  assert.match(r.headers.get('content-type') || '', /^text\/html/, `${what}: content-type`);
  assert.match(r.text, /<html[^>]*\blang="nl"/, `${what}: not an HTML page`);
  assert.match(r.text, /<h1/, `${what}: no h1`);
  assertSecurityHeaders(r.headers, what);
}

// --- 404 ---------------------------------------------------------------

test('unknown page path gives a 404 HTML page', async () => {
  for (const p of ['/bestaat-niet', '/samenwerkingsverbanden/bestaat-niet', '/organisaties/gm9999', '/samenwerkingsverbanden/a/b', '/over/extra']) {
    const r = await srv.get(p);
    assertHtmlError(r, 404, p);
  }
});

test('unknown API path gives 404 problem+json with a Dutch title', async () => {
  for (const p of ['/api/v1/bestaat-niet', '/api/v1/samenwerkingsverbanden/bestaat-niet', '/api/v1/organisaties/gm9999', '/api/v2/samenwerkingsverbanden', '/api/v1/']) {
    const r = await srv.get(p);
    assertProblem(r, 404, p);
  }
});

// --- 405 ---------------------------------------------------------------

test('wrong method gives 405 with Allow', async () => {
  for (const [method, p, kind] of [
    ['POST', '/samenwerkingsverbanden', 'page'],
    ['DELETE', '/organisaties/gm0344', 'page'],
    ['PUT', '/over', 'page'],
    ['PUT', '/api/v1/samenwerkingsverbanden', 'api'],
    ['DELETE', '/api/v1/beleidsdomeinen', 'api'],
    ['PATCH', '/api/v1/organisaties/gm0344', 'api'],
  ]) {
    const r = await srv.get(p, { 'Content-Type': 'text/plain' }, { method, body: method === 'DELETE' ? undefined : 'x' });
    const what = `${method} ${p}`;
    assert.equal(r.status, 405, `${what}: status`);
    const allow = r.headers.get('allow') || '';
    assert.match(allow, /\bGET\b/, `${what}: Allow header "${allow}"`);
    assert.doesNotMatch(allow, new RegExp(`\\b${method}\\b`), `${what}: Allow lists the refused method`);
    if (kind === 'api') assertProblem(r, 405, what);
    else assertHtmlError(r, 405, what);
  }
});

// --- 400: invalid filter values ------------------------------------------

const BAD_FILTERS = [
  ['beleidsdomein', 'bestaatniet'],
  ['pagina', '-1'],
  ['pagina', '0'],
  ['pagina', 'abc'],
  ['pagina', '1.5'],
  ['paginaGrootte', '0'],
  ['paginaGrootte', '1000'],
  ['juridischeVorm', 'XX'],
  ['fase', 'bestaatniet'],
  ['soort', 'gemeente'],
  ['deelnemer', 'gm9999'],
  ['status', 'misschien'],
  ['sorteer', 'kleur'],
  ['beleidsdomein', 'a'.repeat(5000)],
];

test('invalid filter values on the API give 400 problem+json with invalidParams naming the parameter', async () => {
  for (const [name, value] of BAD_FILTERS) {
    const p = `/api/v1/samenwerkingsverbanden?${name}=${encodeURIComponent(value)}`;
    const what = `API ${name}=${value.slice(0, 20)}`;
    const j = assertProblem(await srv.get(p), 400, what);
    assert.ok(Array.isArray(j.invalidParams), `${what}: invalidParams missing: ${JSON.stringify(j)}`);
    assert.ok(j.invalidParams.some((ip) => ip.name === name && typeof ip.reason === 'string' && ip.reason.length > 0),
      `${what}: invalidParams does not name ${name}: ${JSON.stringify(j.invalidParams)}`);
  }
});

test('invalid filter values on the page give a 400 HTML page naming the parameter', async () => {
  for (const [name, value] of BAD_FILTERS) {
    const p = `/samenwerkingsverbanden?${name}=${encodeURIComponent(value)}`;
    const what = `page ${name}=${value.slice(0, 20)}`;
    const r = await srv.get(p);
    assertHtmlError(r, 400, what);
    assert.ok(r.text.toLowerCase().includes(name.toLowerCase()), `${what}: page does not name ${name}`);
    assert.ok(!r.text.includes('a'.repeat(300)), `${what}: the whole 5000-character value is echoed`);
  }
});

test('invalid values on other routes give 400 naming the parameter', async () => {
  for (const [p, name, api] of [
    ['/api/v1/organisaties?soort=bestaatniet', 'soort', true],
    ['/api/v1/organisaties?pagina=abc', 'pagina', true],
    ['/api/v1/organisaties?paginaGrootte=-1', 'paginaGrootte', true],
    ['/api/v1/organisaties?status=ooit', 'status', true],
    ['/api/v1/organisaties/gm0344/deelnames?status=ooit', 'status', true],
    ['/organisaties?soort=bestaatniet', 'soort', false],
    ['/organisaties?pagina=-1', 'pagina', false],
    ['/zoeken?q=' + 'z'.repeat(5000), 'q', false],
    ['/zoeken?q=utrecht&pagina=abc', 'pagina', false],
  ]) {
    const r = await srv.get(p);
    if (api) {
      const j = assertProblem(r, 400, p.slice(0, 60));
      assert.ok(j.invalidParams?.some((ip) => ip.name === name), `${p}: invalidParams ${JSON.stringify(j.invalidParams)}`);
    } else {
      assertHtmlError(r, 400, p.slice(0, 60));
      assert.ok(r.text.toLowerCase().includes(name.toLowerCase()), `${p.slice(0, 60)}: page does not name ${name}`);
    }
  }
});

test('undeclared query parameters are ignored', async () => {
  const r = await srv.get('/api/v1/samenwerkingsverbanden?onbekend=1&utm_source=x');
  assert.equal(r.status, 200);
  const p = await srv.get('/samenwerkingsverbanden?onbekend=1');
  assert.equal(p.status, 200);
});

// --- 400: invalid UTF-8 and NUL -------------------------------------------

test('invalid UTF-8 or NUL in path or query gives 400 (problem+json under /api/)', async () => {
  const wrong = [];
  for (const p of [
    '/zoeken?q=%C3%28',
    '/zoeken?q=%FF',
    '/zoeken?q=a%00b',
    '/zoeken?q=%C0%AF',
    '/zoeken?q=%ED%A0%80',
    '/samenwerkingsverbanden?beleidsdomein=%FF',
    '/samenwerkingsverbanden?onbekend=%FF',
    '/samenwerkingsverbanden/%C3%28',
    '/organisaties/gm%00344',
    '/organisaties/%FF',
    '/api/v1/samenwerkingsverbanden?beleidsdomein=%C3%28',
    '/api/v1/samenwerkingsverbanden?deelnemer=gm0344%00',
    '/api/v1/samenwerkingsverbanden/%FF',
    '/api/v1/organisaties/%00',
    '/static/css/%FF.css',
  ]) {
    const r = await srv.get(p);
    if (r.status !== 400) wrong.push(`${p}: status ${r.status}`);
    else if (p.startsWith('/api/') && !/^application\/problem\+json/.test(r.headers.get('content-type') || ''))
      wrong.push(`${p}: 400 as ${r.headers.get('content-type')}, not application/problem+json`);
  }
  assert.deepEqual(wrong, []);
});

// --- static traversal ----------------------------------------------------

test('static route: traversal, encoded dots and absolute paths give 404 without file contents', async () => {
  for (const p of [
    '/static/../src/main.c',
    '/static/../../etc/passwd',
    '/static/%2e%2e/%2e%2e/etc/passwd',
    '/static/%2e%2e%2fMakefile',
    '/static/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    '/static/css/..%2f..%2fMakefile',
    '/static//etc/passwd',
    '/static/%2fetc%2fpasswd',
    '/static/..%5c..%5cMakefile',
    '/static/.',
    '/static/',
    '/static/css/',
  ]) {
    const r = await rawGet(srv.port, p);
    assert.ok(r.status === 404 || r.status === 400, `${p}: status ${r.status}`);
    assert.notEqual(r.status, 200, p);
    assert.doesNotMatch(r.text, /root:.*:0:0:|#include|\$\(CC\)|CFLAGS/, `${p}: file contents leaked`);
  }
  // and the named cases must be exactly 404 as the issue says
  for (const p of ['/static/../src/main.c', '/static/%2e%2e/%2e%2e/etc/passwd', '/static/%2e%2e%2fMakefile', '/static//etc/passwd']) {
    const r = await rawGet(srv.port, p);
    assert.equal(r.status, 404, `${p}: status ${r.status}`);
  }
});

test('dot segments outside /static are not resolved into other routes', async () => {
  const r = await rawGet(srv.port, '/api/v1/../../etc/passwd');
  assert.ok(r.status === 404 || r.status === 400, `status ${r.status}`);
  assert.doesNotMatch(r.text, /root:.*:0:0:/);
});

// --- limits ----------------------------------------------------------------

test('a request body larger than 1 MiB gives 413 (not 405)', async () => {
  const size = 2 * 1024 * 1024;
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const body = Array.from({ length: size / chunk.length }, () => chunk);
  for (const p of ['/', '/api/v1/samenwerkingsverbanden']) {
    const head = `POST ${p} HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nContent-Type: application/octet-stream\r\nContent-Length: ${size}\r\nConnection: close\r\n\r\n`;
    const r = await srv.raw([head, ...body], { timeoutMs: 10000, pauseAfterHeadMs: 300 });
    assert.equal(r.status, 413, `POST ${p} with a 2 MiB body (Content-Length): status ${r.status}`);
  }
});

test('a chunked request body larger than 1 MiB gives 413 (not 405)', async () => {
  // no Content-Length: the server has to count while reading
  const piece = Buffer.alloc(64 * 1024, 0x62);
  const framed = Buffer.concat([Buffer.from(piece.length.toString(16) + '\r\n'), piece, Buffer.from('\r\n')]);
  const head = `POST / HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`;
  const parts = [head, ...Array.from({ length: 32 }, () => framed), '0\r\n\r\n'];
  const r = await srv.raw(parts, { timeoutMs: 10000, pauseBetweenMs: 10 });
  assert.equal(r.status, 413, `chunked 2 MiB POST /: status ${r.status}`);
});

test('a URL longer than 8 KiB gives 414', async () => {
  const r = await rawGet(srv.port, '/samenwerkingsverbanden?beleidsdomein=' + 'a'.repeat(9000));
  assert.equal(r.status, 414, `status ${r.status}`);
  const r2 = await rawGet(srv.port, '/' + 'b'.repeat(9000));
  assert.equal(r2.status, 414, `status ${r2.status}`);
});

test('headers too large give 431', async () => {
  const r = await rawGet(srv.port, '/', `X-Groot: ${'h'.repeat(40 * 1024)}\r\n`);
  assert.equal(r.status, 431, `status ${r.status}`);
  const many = Array.from({ length: 400 }, (_, i) => `X-Veel-${i}: ${'v'.repeat(100)}\r\n`).join('');
  const r2 = await rawGet(srv.port, '/', many);
  assert.equal(r2.status, 431, `many headers: status ${r2.status}`);
});

test('the server still answers after all the bad input', async () => {
  const r = await srv.get('/');
  assert.equal(r.status, 200);
  assert.equal(srv.exited(), null, 'server exited');
});

test('no reply above was a 500 (access log)', async () => {
  // the access log line has method, path, status, bytes, µs; look for a status 500
  const log = srv.stdout() + srv.stderr();
  const lines = log.split('\n').filter((l) => /\b(GET|POST|PUT|DELETE|PATCH|HEAD)\b/.test(l));
  assert.ok(lines.length > 0, 'no access log lines found');
  const bad = lines.filter((l) => /\s500\s/.test(l));
  assert.deepEqual(bad, [], 'a request was answered with 500');
});

// --- escaping --------------------------------------------------------------

const HOSTILE = `<script>alert(1)</script>"'&`;

test('a hostile search query is shown escaped in the page (text and attribute)', async () => {
  for (const q of [HOSTILE, `"'&`, '<script>alert(1)</script>', `"><img src=x onerror=alert(1)>`]) {
    const r = await srv.get('/zoeken?q=' + encodeURIComponent(q));
    assert.equal(r.status, 200, `q=${q}`);
    assert.ok(!r.text.includes('<script>alert'), `raw <script> in the page for q=${q}`);
    assert.ok(!r.text.includes('<img src=x'), `raw <img> in the page for q=${q}`);
    assert.doesNotMatch(r.text, /"'&(?!amp;|#)/, `raw "'& in the page for q=${q}`);
    // the search box keeps the value, correctly escaped in the attribute
    const input = /<input\b[^>]*\bname="q"[^>]*>/.exec(r.text);
    assert.ok(input, 'search input name="q" missing');
    const val = /\bvalue="([^"]*)"/.exec(input[0]);
    assert.ok(val, `search input without value: ${input[0]}`);
    assert.equal(decodeEntities(val[1]), q, 'value attribute does not round-trip');
    // every href that carries q= has it percent-encoded
    for (const m of r.text.matchAll(/href="([^"]*[?&](?:amp;)?q=[^"]*)"/g)) {
      assert.doesNotMatch(m[1], /[<>"' ]/, `unencoded q in href: ${m[1]}`);
    }
  }
});

test('a hostile value is escaped in JSON problem details and HTML error pages', async () => {
  const enc = encodeURIComponent(HOSTILE);
  for (const p of [`/api/v1/samenwerkingsverbanden?beleidsdomein=${enc}`, `/api/v1/samenwerkingsverbanden/${enc}`, `/api/v1/organisaties/${enc}`]) {
    const r = await srv.get(p);
    assert.ok(r.status === 400 || r.status === 404, `${p}: status ${r.status}`);
    assert.match(r.headers.get('content-type'), /^application\/problem\+json/);
    assert.ok(r.json, `${p}: not valid JSON: ${r.text.slice(0, 200)}`);
    assert.ok(!r.text.includes('<script>'), `${p}: raw <script> in JSON: ${r.text}`);
    if (r.json.detail.includes('alert')) assert.ok(r.json.detail.includes(HOSTILE) || r.json.detail.includes('<script>'), 'detail mangles the value');
  }
  for (const p of [`/samenwerkingsverbanden?beleidsdomein=${enc}`, `/samenwerkingsverbanden/${enc}`, `/organisaties/${enc}`]) {
    const r = await srv.get(p);
    assert.ok(r.status === 400 || r.status === 404, `${p}: status ${r.status}`);
    assert.ok(!r.text.includes('<script>alert'), `${p}: raw <script> in HTML`);
    assert.doesNotMatch(r.text, /"'&(?!amp;|#)/, `${p}: raw "'&`);
  }
});
