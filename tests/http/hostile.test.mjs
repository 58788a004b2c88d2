// hostile — the quick version of issue 8 item 5: a table of >= 200 hostile
// payloads (script and event-handler injections, quotes, javascript: URLs,
// invalid and overlong UTF-8, NUL, CRLF, very long values, huge numbers,
// 0000-00-00, path traversal, SQL-ish strings, direction marks) sent to every
// query parameter of the public GET routes (read from src/http/routes.c and
// the param tables in src/), to path segments, to a few headers, to the
// fields of the collaboration web form and the JSON write body; checked
// where they come out (HTML, attributes, JSON, CSV, iCal, Atom, SVG, ROO XML
// with xmllint). Plus a 10 MB body, 10,000 query parameters, JSON nested
// 100,000 deep and a client that trickles its headers. Result: no response
// >= 500 in the access log, server still answering.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startServer, ROOT, atlas, addUser, login } from './harness.mjs';

const M = '7331'; // marker in every injection payload
let srv;
let token;
let sess;

// ---- the payload table ----------------------------------------------------
const BASE = [
  `<script>alert(${M})</script>`,
  `<SCRIPT SRC=//x.test/${M}.js></SCRIPT>`,
  `<img src=x onerror=alert(${M})>`,
  `<svg onload=alert(${M})>`,
  `<svg><script>alert(${M})</script></svg>`,
  `"><script>alert(${M})</script>`,
  `'><img src=x onerror=alert(${M})>`,
  `" onmouseover="alert(${M})`,
  `' onfocus='alert(${M})' autofocus='`,
  `javascript:alert(${M})`,
  `JaVaScRiPt:alert(${M})`,
  ` javascript:alert(${M})`,
  `data:text/html,<script>alert(${M})</script>`,
  `<iframe src=javascript:alert(${M})>`,
  `<a href="javascript:alert(${M})">x</a>`,
  `<body onload=alert(${M})>`,
  `<details open ontoggle=alert(${M})>`,
  `</textarea><script>alert(${M})</script>`,
  `</title><script>alert(${M})</script>`,
  `</style><script>alert(${M})</script>`,
  `<!--<script>alert(${M})</script>-->`,
  `<![CDATA[<script>alert(${M})</script>]]>`,
  `]]><x>${M}</x>`,
  `&lt;script&gt;alert(${M})&lt;/script&gt;`,
  `&#60;script&#62;alert(${M})`,
  `\u003cscript\u003ealert(${M})`,
  `{{constructor.constructor('alert(${M})')()}}`,
  `\${alert(${M})}`,
  `"`, `'`, '`', `""`, `''`, `\\`, `\\"`, `"'\`<>&`, `&`, `&amp;`, `<`, `>`,
  `=cmd|' /C calc'!A0`, `=HYPERLINK("http://x.test/${M}")`, `+1+1`, `-1+1`, `@SUM(1+1)`, `\t=1+1`, `\r=1+1`,
  `' OR '1'='1`, `' OR 1=1 --`, `"; DROP TABLE collaboration; --`, `1; SELECT sqlite_version()`,
  `' UNION SELECT NULL,NULL--`, `%' AND 1=1 AND '%'='`, `1' AND SLEEP(1)#`, `')) OR 1=1--`,
  `../../../../etc/passwd`, `..%2f..%2f..%2fetc%2fpasswd`, `..\\..\\windows\\win.ini`, `/etc/passwd`,
  `....//....//etc/passwd`, `%2e%2e%2f%2e%2e%2f`, `file:///etc/passwd`,
  'a\u0000b', '\u0000', 'a\r\nSet-Cookie: x=1', '\r\n\r\n<h1>x</h1>', 'a\nLocation: //evil.test', '\r', '\n',
  '\u202Egnp.exe', '\u200F\u200E', '\u2066x\u2069', '\uFEFFbom', '\u00A0', '\u2028\u2029', '💥', 'e\u0301',
  '\uFFFD', '\uFFFF', 'x'.repeat(300), 'x'.repeat(5000), 'é'.repeat(2000),
  '0', '-1', '-0', '1e309', '9'.repeat(40), '18446744073709551616', '2147483648', '-2147483649', 'NaN',
  'Infinity', '0x10', '1.5', '0.0000001', '1,5', '',
  '0000-00-00', '9999-99-99', '2023-02-31', '2023-13-01', '-0001-01-01', '99999-01-01', '2023-1-1', '1900-01-01T00:00:00Z',
  'null', 'true', '[]', '{}', '{"a":1}', '%', '%%', '%00', '%zz', '+', ';', '#', '?', '/', '//evil.test',
  'https://evil.test/', '\\\\evil.test', 'http://127.0.0.1:1/',
];
// raw percent-encoded forms that must stay encoded on the wire (invalid UTF-8 etc.)
const RAW = ['%C0%AF', '%E0%80%AF', '%C0%BC', '%FF', '%FE%FF', '%ED%A0%80', '%F8%88%80%80%80', '%80', '%C3', '%00', '%0D%0ASet-Cookie:%20x=1',
  '%E2%80%AE', '%3Cscript%3Ealert(' + M + ')%3C/script%3E', '%25%32%65', '%2e%2e%2f', '%C0%AE%C0%AE%C0%AF'];

const PAYLOADS = [];
for (const b of BASE) PAYLOADS.push({ text: b });
// wrapped variants so every injection is also tried inside ordinary text
for (const b of BASE.slice(0, 28)) PAYLOADS.push({ text: `Testregio ${b} einde` });
for (const b of BASE.slice(0, 28)) PAYLOADS.push({ text: b.toUpperCase() });
for (const r of RAW) PAYLOADS.push({ raw: r });
for (const r of RAW.slice(0, 10)) PAYLOADS.push({ raw: `a${r}b` });

const enc = (p) => (p.raw !== undefined ? p.raw : encodeURIComponent(p.text));


// ---- checks on outputs -----------------------------------------------------
// a tag the payload would have created, or an attribute it would have added
const TAG_RE = new RegExp(`<(script|img|svg|iframe|body|details|x)\\b[^>]*${M}|<script[^>]*>[^<]*${M}`, 'i');
const ELEMENT_RE = /<([a-z][\w-]*)((?:\s+[^\s=>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/gi;
const ATTR_ITEM_RE = /\s+([^\s=>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

function checkBody(what, ct, body) {
  const text = body.toString('utf8');
  if (/html|svg|xml|atom/.test(ct)) {
    assert.doesNotMatch(text, TAG_RE, `${what}: unescaped tag from payload`);
    for (const el of text.matchAll(ELEMENT_RE)) {
      for (const a of el[2].matchAll(ATTR_ITEM_RE)) {
        const name = a[1].toLowerCase();
        const v = (a[2] || '').replace(/^["']|["']$/g, '');
        assert.ok(!(name.startsWith('on') && v.includes(M)), `${what}: event handler attribute from payload: ${el[0].slice(0, 200)}`);
        assert.ok(!/^(href|src|action|formaction)$/.test(name) || !/^\s*javascript:/i.test(v), `${what}: javascript: URL: ${el[0].slice(0, 200)}`);
      }
    }
  }
  if (/json/.test(ct) && text.length) JSON.parse(text); // throws when not JSON
}

// ---- routes and parameters from the source ---------------------------------
function srcFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...srcFiles(p));
    else if (/\.[ch]$/.test(e.name)) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}
const ALL_SRC = srcFiles(path.join(ROOT, 'src')).join('\n');
const ROUTES_C = readFileSync(path.join(ROOT, 'src/http/routes.c'), 'utf8');

function paramKeys(table) {
  const m = new RegExp(`param_spec\\s+${table}\\[\\]\\s*=\\s*\\{([\\s\\S]*?)\\};`).exec(ALL_SRC);
  if (!m) return [];
  let body = m[1];
  for (const mac of body.match(/\b[A-Z_]{4,}\b/g) || []) {
    const d = new RegExp(`#define\\s+${mac}\\b((?:.*\\\\\\n)*.*)`).exec(ALL_SRC);
    if (d) body += d[1];
  }
  return [...new Set([...body.matchAll(/\{\s*"(\w+)"/g)].map((x) => x[1]))];
}

// [{methods, path, kind, flags, params, role}] from the route table
function parseRoutes() {
  const table = ROUTES_C.slice(ROUTES_C.indexOf('routes[] = {'));
  const out = [];
  const re = /\{\s*((?:GET|HTTP_\w+)(?:\s*\|\s*(?:GET|HTTP_\w+))*)\s*,\s*"([^"]+)"\s*,\s*\w+\s*,\s*(ROUTE_\w+)\s*,([^}]*)\}/g;
  for (const m of table.matchAll(re)) {
    let rest = m[4].replace(/EDIT_FORM/, 'ROUTE_CSRF | ROUTE_FORM, no_params, USER_ROLE_EDITOR');
    const parts = rest.split(',').map((s) => s.trim()).filter(Boolean);
    out.push({ methods: m[1], path: m[2], kind: m[3], flags: parts[0] || '', params: parts[1] || 'no_params', role: parts[2] || '' });
  }
  return out;
}
const ROUTES = parseRoutes();

const FILL = { id: 'veiligheidsregio-utrecht', code: 'gm0344', '*': 'css/app.css', naam: 'niemand', deelname: '1', f: '1', z: '1', afspraak: '1' };
const fill = (p) => p.replace(/\{([^}]+)\}/g, (_, k) => FILL[k] ?? '1');

async function pool(items, n, fn) {
  let i = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (i < items.length) await fn(items[i++]);
  }));
}

async function fetchChecked(p, init = {}, what = p) {
  const res = await fetch(srv.base + p, { redirect: 'manual', ...init });
  const body = Buffer.from(await res.arrayBuffer());
  assert.ok(res.status < 500, `${what}: ${res.status}`);
  checkBody(what, res.headers.get('content-type') || '', body);
  return { status: res.status, body, headers: res.headers };
}

before(async () => {
  srv = await startServer();
  token = addUser(srv.db, 'vijand-staf', 'programmateam', { token: 'test' });
  sess = await login(srv.base, 'vijand-staf');
});

after(async () => {
  if (!srv) return;
  // the access log (stderr: "METHOD URI STATUS BYTES TIMEus") has no 5xx
  const bad = srv.stderr().split('\n').filter((l) => / [5]\d\d \d+ \d+us$/.test(l) || / answered 5\d\d/.test(l));
  await srv.stop();
  assert.deepEqual(bad, [], 'responses >= 500 in the access log');
});

test('the payload table has at least 200 entries', () => {
  assert.ok(PAYLOADS.length >= 200, `${PAYLOADS.length} payloads`);
});

test('every query parameter of every public GET route, with every payload', async () => {
  const jobs = [];
  for (const r of ROUTES) {
    if (!/GET/.test(r.methods) || r.role || r.kind === 'ROUTE_STATIC') continue;
    const keys = paramKeys(r.params);
    const p = fill(r.path);
    for (const k of keys) {
      // the first 40 payloads + every raw one on each parameter; all on a rotating subset
      PAYLOADS.forEach((pl, i) => {
        if (i < 40 || pl.raw !== undefined || i % 17 === keys.indexOf(k) % 17) jobs.push(`${p}?${k}=${enc(pl)}`);
      });
    }
    // unknown parameters and a repeated one
    jobs.push(`${p}?onbekend=${enc(PAYLOADS[0])}`, `${p}?${keys[0] || 'x'}=1&${keys[0] || 'x'}=2`);
  }
  // every payload on the free-text search and the main filter
  for (const pl of PAYLOADS) jobs.push(`/zoeken?q=${enc(pl)}`, `/api/v1/samenwerkingsverbanden?deelnemer=${enc(pl)}`);
  assert.ok(jobs.length > 2000, `${jobs.length} requests`);
  await pool(jobs, 12, (j) => fetchChecked(j));
});

test('every payload in the path segments of the {id}/{code} routes', async () => {
  const jobs = [];
  const pats = ROUTES.filter((r) => /GET/.test(r.methods) && !r.role && /\{(id|code|\*)\}/.test(r.path)).map((r) => r.path);
  for (const pat of pats) {
    PAYLOADS.forEach((pl, i) => {
      if (i % 3 !== 0 && pat !== '/samenwerkingsverbanden/{id}' && pat !== '/static/{*}') return;
      const seg = enc(pl) || '%20';
      jobs.push(pat.replace(/\{(id|code|\*)\}/, seg).replace(/\{[^}]+\}/g, '1'));
    });
  }
  await pool(jobs, 12, (j) => fetchChecked(j));
  // path traversal on the file-serving route, raw on the wire
  for (const p of ['/static/../src/main.c', '/static/%2e%2e/%2e%2e/etc/passwd', '/static/..%2f..%2fMakefile',
    '/static/%C0%AE%C0%AE/Makefile', '/static/css/..%5c..%5cMakefile', '/static/css/%00.css']) {
    const r = await srv.raw(`GET ${p} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    assert.ok(r.status >= 400 && r.status < 500, `${p}: ${r.status}`);
    assert.doesNotMatch(r.text, /root:|#include|^CC\s*[?:]?=/m, `${p} served a file`);
  }
});

test('payloads in Accept, Accept-Encoding, If-None-Match, Cookie and Authorization', async () => {
  const hdrSafe = PAYLOADS.filter((p) => p.text !== undefined && /^[\x20-\x7e\t]*$/.test(p.text) && p.text.length < 4000);
  const jobs = [];
  for (const pl of hdrSafe) {
    for (const h of ['accept', 'accept-encoding', 'if-none-match', 'cookie', 'authorization']) {
      for (const p of ['/', '/api/v1/samenwerkingsverbanden?paginaGrootte=1']) jobs.push([p, { [h]: h === 'authorization' ? `Bearer ${pl.text}` : pl.text }]);
    }
  }
  await pool(jobs, 12, ([p, h]) => fetchChecked(p, { headers: h }, `${p} ${JSON.stringify(h)}`));
  // bytes fetch refuses to send: raw high bytes and NUL in a header
  for (const v of ['\xc0\xaf', '\xff\xfe', 'a\x00b', '\xe0\x80\xaf']) {
    for (const h of ['Accept', 'Cookie', 'If-None-Match', 'Authorization']) {
      const r = await srv.raw(Buffer.from(`GET / HTTP/1.1\r\nHost: x\r\n${h}: ${v}\r\nConnection: close\r\n\r\n`, 'latin1'));
      assert.ok(r.status < 500, `${h}: ${JSON.stringify(v)} -> ${r.status}`);
    }
  }
});

// Fields of the "new collaboration" form as [name, value] pairs.
function formFields(html) {
  const form = /<form class="atlas-edit-form"(.*?)<\/form>/s.exec(html)[1];
  const out = [];
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const name = /name="([^"]+)"/.exec(m[1])?.[1];
    if (!name || name === 'csrf') continue;
    out.push([name, /type="(\w+)"/.exec(m[1])?.[1] || 'text']);
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"/g)) out.push([m[1], 'select']);
  for (const m of form.matchAll(/<textarea[^>]*name="([^"]+)"/g)) out.push([m[1], 'textarea']);
  return out;
}

test('payloads in every field of the collaboration form and the JSON write body, checked in every output', async () => {
  let r = await fetch(srv.base + '/samenwerkingsverbanden/nieuw', { headers: { cookie: sess.cookie } });
  const fields = formFields(await r.text());
  assert.ok(fields.length >= 5, JSON.stringify(fields));
  const created = [];
  const textPl = PAYLOADS.filter((p) => p.text !== undefined);
  // web form: each field gets payloads while the others stay valid
  const valid = { naam: 'Testregio Vijand', soort: 'wgr', startdatum: '2020-01-01', fase: 'groei' };
  const jobs = [];
  for (const [name] of fields) {
    textPl.forEach((pl, i) => {
      if (i % 4 === fields.findIndex((f) => f[0] === name) % 4 || i < 12) jobs.push([name, pl.text]);
    });
  }
  await pool(jobs, 6, async ([name, value]) => {
    const body = new URLSearchParams();
    body.append('csrf', sess.csrf);
    for (const [k] of fields) body.append(k, k === name ? value : valid[k] ?? '');
    if (!fields.some(([k]) => k === 'beleidsdomeinen')) body.append('beleidsdomeinen', 'veiligheid');
    const res = await fetchChecked('/samenwerkingsverbanden/nieuw', {
      method: 'POST', body, headers: { cookie: sess.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    }, `form ${name}=${JSON.stringify(value).slice(0, 60)}`);
    if (res.status === 303) created.push(res.headers.get('location'));
  });
  // JSON write body: every property with payloads, also wrong types
  const props = ['naam', 'korteNaam', 'soort', 'juridischeVorm', 'bevoegdheid', 'fase', 'doel', 'vestiging', 'startdatum', 'einddatum', 'website', 'opmerking', 'beleidsdomeinen'];
  const apiJobs = [];
  for (const k of props) {
    textPl.forEach((pl, i) => { if (i % 5 === props.indexOf(k) % 5 || i < 8) apiJobs.push([k, pl.text]); });
    for (const v of [1e308, -1, 2 ** 64, null, true, [], {}, [[[]]], ['<script>'], 'x'.repeat(100_000)]) apiJobs.push([k, v]);
  }
  await pool(apiJobs, 6, async ([k, v]) => {
    const input = { naam: 'Testregio Vijand API', soort: 'wgr', beleidsdomeinen: ['veiligheid'], [k]: v };
    const res = await fetchChecked('/api/v1/samenwerkingsverbanden', {
      method: 'POST', body: JSON.stringify(input),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    }, `api ${k}=${JSON.stringify(v).slice(0, 60)}`);
    if (res.status === 201) {
      const got = JSON.parse(res.body.toString('utf8'));
      if (typeof v === 'string' && v !== '' && !/[\u0000-\u001f]/.test(v) && v.trim() === v && v.length < 200 && ['naam', 'doel', 'opmerking'].includes(k)) {
        assert.equal(got[k], v, `round trip of ${k}`);
      }
      created.push(res.headers.get('location'));
    }
  });
  assert.ok(created.length > 20, `only ${created.length} records were accepted`);
  // every output the records appear in
  const ids = [...new Set(created.map((l) => l.split('/').pop().split('?')[0]))];
  const outs = ['/', '/samenwerkingsverbanden?status=alle&paginaGrootte=100', '/zoeken?q=Testregio', '/wijzigingen', '/wijzigingen.atom',
    '/samenwerkingsverbanden.csv?status=alle', '/open-data/samenwerkingsverbanden.csv', '/netwerk', '/kaart', '/analyse/overlap',
    '/api/v1/samenwerkingsverbanden?status=alle&paginaGrootte=100', '/open-data/samenwerkingsatlas.json', '/kalender'];
  for (const id of ids.slice(0, 40)) outs.push(`/samenwerkingsverbanden/${id}`, `/api/v1/samenwerkingsverbanden/${id}`,
    `/samenwerkingsverbanden/${id}/kalender.ics`, `/samenwerkingsverbanden/${id}/geschiedenis`);
  for (const p of outs) {
    const res = await fetchChecked(p, { headers: { cookie: sess.cookie } });
    const text = res.body.toString('utf8');
    if (/\.csv/.test(p)) {
      // no cell starts with a formula character unless neutralised with '
      for (const line of text.split(/\r?\n/)) {
        for (const cell of line.match(/("([^"]|"")*"|[^,;]*)/g) || []) {
          const v = cell.replace(/^"|"$/g, '');
          assert.doesNotMatch(v, /^[=+@\t\r]|^-[^0-9]/, `${p}: formula cell ${JSON.stringify(v).slice(0, 80)}`);
        }
      }
    }
    if (/\.ics/.test(p)) for (const l of text.split('\r\n')) assert.doesNotMatch(l, /^(BEGIN|END):(?!VCALENDAR|VEVENT|VTIMEZONE|STANDARD|DAYLIGHT)/, `${p}: injected ${l}`);
  }
  // ROO XML export and Atom are well-formed
  for (const p of ['/api/v1/export/roo.xml', '/wijzigingen.atom']) {
    const res = await fetchChecked(p);
    const x = spawnSync('xmllint', ['--noout', '-'], { input: res.body, encoding: 'utf8' });
    assert.equal(x.status, 0, `${p} not well-formed: ${x.stderr.slice(0, 500)}`);
  }
});

test('10 MB body -> 413, 10,000 query parameters -> 4xx, JSON nested 100,000 deep -> 400', async () => {
  const big = Buffer.alloc(10 * 1024 * 1024, 'a');
  let r = await srv.raw([
    `POST /api/v1/samenwerkingsverbanden HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${big.length}\r\nConnection: close\r\n\r\n`,
    ...Array.from({ length: 40 }, (_, i) => big.subarray(i * 262144, (i + 1) * 262144)),
  ], { timeoutMs: 15000, pauseAfterHeadMs: 300 }); // as a 100-continue client: the 413 comes from the head
  assert.equal(r.status, 413);
  const q = Array.from({ length: 10_000 }, (_, i) => `p${i}=${i}`).join('&');
  r = await srv.raw(`GET /samenwerkingsverbanden?${q} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
  assert.ok([400, 414, 431].includes(r.status), `10,000 params: ${r.status}`);
  const q2 = Array.from({ length: 10_000 }, () => `status=alle`).join('&');
  r = await srv.raw(`GET /api/v1/samenwerkingsverbanden?${q2} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
  assert.ok(r.status < 500, `10,000 repeated params: ${r.status}`);
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  for (const body of [deep, `{"naam":${deep}}`, '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000)]) {
    const res = await srv.get('/api/v1/samenwerkingsverbanden', { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, { method: 'POST', body });
    assert.ok([400, 413].includes(res.status), `deep JSON: ${res.status}`);
  }
  // a form body of 10,000 fields
  const fb = Array.from({ length: 10_000 }, (_, i) => `f${i}=1`).join('&') + `&csrf=${sess.csrf}`;
  const res = await srv.get('/samenwerkingsverbanden/nieuw', { cookie: sess.cookie, 'content-type': 'application/x-www-form-urlencoded' }, { method: 'POST', body: fb });
  assert.ok(res.status < 500, `10,000 form fields: ${res.status}`);
});

test('a client trickling its headers does not block others', async () => {
  const slow = [];
  for (let i = 0; i < 8; i++) {
    const s = net.connect(srv.port, '127.0.0.1');
    s.on('error', () => {});
    s.write('GET / HTTP/1.1\r\nHost: x\r\n');
    slow.push(s);
  }
  const timers = slow.map((s) => setInterval(() => s.write('X-Trickle: a\r\n'), 200));
  try {
    const t0 = Date.now();
    for (let i = 0; i < 20; i++) {
      const r = await srv.get('/api/v1/health');
      assert.ok(r.status === 200 || r.status === 503, `health: ${r.status}`);
    }
    assert.ok(Date.now() - t0 < 5000, 'others were served promptly');
  } finally {
    timers.forEach(clearInterval);
    slow.forEach((s) => s.destroy());
  }
  // the server is still answering normally
  const r = await srv.get('/');
  assert.equal(r.status, 200);
});
