// contract — the OpenAPI document (docs/openapi.json) against the real
// server. Every operation in the document is called with the example values
// the document itself gives for its parameters (so a new path without
// usable examples fails here), and every answer is checked: the status code
// is one the operation documents, the Content-Type is one of that
// response's media types, the documented headers are present, and the body
// validates against the response schema (additionalProperties: false
// rejects undocumented properties). Reads run anonymously and with a
// staff token (which shows more, e.g. officials and contact details); the
// writes run on a fictional collaboration ("Testregio Contractland") with a
// token made by the CLI. Documented errors are provoked too: an unknown id
// (404) and an invalid query value (400) must answer a valid problem+json.
// Finally every operation in the document must have been exercised, and
// every /api/v1 route in src/http/routes.c must be in the document.
//
// The schema validator below is deliberately small: it implements the
// OpenAPI 3.0 subset the document uses and throws on any keyword it does
// not know, so a constraint is never silently skipped.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, ROOT, addUser, addToken, login, atlas, sql } from './harness.mjs';

const DOC = JSON.parse(readFileSync(path.join(ROOT, 'docs', 'openapi.json'), 'utf8'));
const BASE = DOC.servers[0].url; // "/api/v1"
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];

/* ---------- a compact OpenAPI 3.0 schema validator ---------- */

const IGNORED = new Set(['description', 'example', 'examples', 'default', 'title', 'readOnly', 'writeOnly', 'deprecated', 'externalDocs', 'xml', 'discriminator']);
const KNOWN = new Set(['$ref', 'type', 'nullable', 'enum', 'properties', 'required', 'additionalProperties', 'items', 'minItems', 'maxItems',
  'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'pattern', 'format', 'allOf', 'oneOf', 'anyOf', 'uniqueItems']);

function deref(ref) {
  assert.ok(ref.startsWith('#/'), `only local $ref supported: ${ref}`);
  let node = DOC;
  for (const seg of ref.slice(2).split('/')) {
    node = node?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  assert.ok(node !== undefined, `unresolved $ref ${ref}`);
  return node;
}

const typeOf = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function checkFormat(fmt, v) {
  switch (fmt) {
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (!m) return false;
      const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
      return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
    }
    case 'date-time':
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v));
    case 'uri':
      try {
        return Boolean(new URL(v).protocol);
      } catch {
        return false;
      }
    case 'uri-reference':
      return !/[\s<>"]/.test(v);
    case 'email':
      return /^[^\s@]+@[^\s@]+$/.test(v);
    default:
      return true; // int32, double, ...: annotations only
  }
}

// Validate value against schema; push "path: message" strings on errs.
// closed: treat every object schema with properties and no
// additionalProperties as closed (used for responses: the document must
// name every property the server sends, without publishing
// additionalProperties: false, which would break clients on additions).
function validate(schema, value, where = '$', errs = [], closed = false) {
  if (schema.$ref) return validate(deref(schema.$ref), value, where, errs, closed);
  for (const k of Object.keys(schema)) {
    if (!KNOWN.has(k) && !IGNORED.has(k) && !k.startsWith('x-')) throw new Error(`validator does not know keyword '${k}' at ${where}`);
  }
  if (value === null && schema.nullable) return errs;
  const t = typeOf(value);
  if (schema.type) {
    const ok =
      schema.type === 'integer' ? t === 'number' && Number.isInteger(value) : schema.type === 'number' ? t === 'number' && Number.isFinite(value) : t === schema.type;
    if (!ok) {
      errs.push(`${where}: expected ${schema.type}${schema.nullable ? ' or null' : ''}, got ${t} ${JSON.stringify(value)?.slice(0, 80)}`);
      return errs;
    }
  }
  if (schema.enum && !schema.enum.some((e) => e === value)) errs.push(`${where}: ${JSON.stringify(value)} not in enum ${JSON.stringify(schema.enum)}`);
  if (schema.allOf) for (const s of schema.allOf) validate(s, value, where, errs, closed);
  if (schema.anyOf && !schema.anyOf.some((s) => validate(s, value, where, [], closed).length === 0)) errs.push(`${where}: matches none of anyOf`);
  if (schema.oneOf) {
    const n = schema.oneOf.filter((s) => validate(s, value, where, [], closed).length === 0).length;
    if (n !== 1) errs.push(`${where}: matches ${n} of oneOf (must be exactly 1)`);
  }
  if (t === 'string') {
    const len = [...value].length;
    if (schema.minLength !== undefined && len < schema.minLength) errs.push(`${where}: shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && len > schema.maxLength) errs.push(`${where}: longer than ${schema.maxLength}`);
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) errs.push(`${where}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
    if (schema.format && !checkFormat(schema.format, value)) errs.push(`${where}: ${JSON.stringify(value)} is not a valid ${schema.format}`);
  }
  if (t === 'number') {
    if (schema.minimum !== undefined && (schema.exclusiveMinimum ? value <= schema.minimum : value < schema.minimum)) errs.push(`${where}: ${value} below minimum ${schema.minimum}`);
    if (schema.maximum !== undefined && (schema.exclusiveMaximum ? value >= schema.maximum : value > schema.maximum)) errs.push(`${where}: ${value} above maximum ${schema.maximum}`);
  }
  if (t === 'array') {
    if (schema.minItems !== undefined && value.length < schema.minItems) errs.push(`${where}: fewer than ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) errs.push(`${where}: more than ${schema.maxItems} items`);
    if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) errs.push(`${where}: items not unique`);
    if (schema.items) value.forEach((v, i) => validate(schema.items, v, `${where}[${i}]`, errs, closed));
  }
  if (t === 'object') {
    const props = schema.properties || {};
    for (const r of schema.required || []) if (!(r in value)) errs.push(`${where}: missing required property '${r}'`);
    for (const [k, v] of Object.entries(value)) {
      const w = `${where}.${k}`;
      if (k in props) validate(props[k], v, w, errs, closed);
      else if (schema.additionalProperties === false || (closed && schema.properties && schema.additionalProperties === undefined)) errs.push(`${w}: undocumented property`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') validate(schema.additionalProperties, v, w, errs, closed);
    }
  }
  return errs;
}

/* ---------- the document's operations and example parameter values ---------- */

const param = (p) => (p.$ref ? deref(p.$ref) : p);
const exampleOf = (p) => (p.example !== undefined ? p.example : p.schema?.$ref ? deref(p.schema.$ref).example : p.schema?.example);

const OPS = [];
for (const [p, item] of Object.entries(DOC.paths)) {
  for (const m of METHODS) {
    if (!item[m]) continue;
    const params = [...(item.parameters || []), ...(item[m].parameters || [])].map(param);
    OPS.push({ id: `${m.toUpperCase()} ${p}`, path: p, method: m, op: item[m], params });
  }
}

// Path with {name} replaced by the given values (default: the document's examples).
function fillPath(op, values = {}) {
  return op.path.replace(/\{([^}]+)\}/g, (_, name) => {
    const p = op.params.find((x) => x.in === 'path' && x.name === name);
    assert.ok(p, `${op.id}: path parameter {${name}} is not declared`);
    const v = name in values ? values[name] : exampleOf(p);
    assert.ok(v !== undefined, `${op.id}: path parameter {${name}} has no example in the document`);
    return encodeURIComponent(String(v));
  });
}

// Query string with every query parameter that has an example (or the first
// enum value), or only the required ones when all=false.
function queryOf(op, all) {
  const q = new URLSearchParams();
  for (const p of op.params.filter((x) => x.in === 'query')) {
    if (!all && !p.required) continue;
    let v = exampleOf(p);
    const s = p.schema?.$ref ? deref(p.schema.$ref) : p.schema || {};
    if (v === undefined && s.enum) v = s.enum.find((e) => e !== null);
    if (v === undefined && s.default !== undefined) v = s.default;
    assert.ok(v !== undefined || !p.required, `${op.id}: required query parameter ${p.name} has no example`);
    if (v !== undefined) q.set(p.name, String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

/* ---------- the server, users and fixtures ---------- */

let srv;
const TOK = {};
const exercised = new Map(); // op id -> number of validated answers
const statusesSeen = new Map(); // op id -> Set of statuses
// CONTRACT_EXAMPLES_OUT=file: write the first validated body per operation
// and status there (used to refresh the examples in the document).
const samples = {};

// A form POST as a signed-in user (fixtures the API cannot write); returns Location.
/*
 * Call op at url and check the answer against the document. Options: token,
 * body (JSON), raw (a body sent as is), ifMatch, headers, expect (status
 * that must come back).
 * Returns the response ({status, headers, json, text}).
 */
async function check(op, url, { token, body, raw, ifMatch, headers = {}, expect, method } = {}) {
  const h = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  if (ifMatch) h['if-match'] = ifMatch;
  if (body !== undefined && !h['content-type']) h['content-type'] = 'application/json';
  // raw: a body sent as it is (with its own content-type header), e.g. CSV
  const sent = raw !== undefined ? raw : body === undefined ? undefined : JSON.stringify(body);
  const r = await srv.get(url, h, { method: method || op.method.toUpperCase(), body: sent });
  const what = `${op.id} → ${op.method.toUpperCase()} ${url}${token ? ' (token)' : ''}: ${r.status}`;
  if (expect !== undefined) assert.equal(r.status, expect, `${what} ${r.text.slice(0, 600)}`);
  let resp = op.op.responses[String(r.status)] || op.op.responses.default;
  assert.ok(resp, `${what}: status ${r.status} is not documented (${Object.keys(op.op.responses).join(', ')})\n${r.text.slice(0, 300)}`);
  if (resp.$ref) resp = deref(resp.$ref);
  // documented headers (ETag only where the server may cache: not for signed-in readers)
  for (const name of Object.keys(resp.headers || {})) {
    if (name.toLowerCase() === 'etag' && token && op.method === 'get') continue;
    assert.ok(r.headers.get(name) !== null, `${what}: documented header ${name} missing`);
  }
  const content = resp.content || {};
  const types = Object.keys(content);
  if (types.length === 0) {
    assert.equal(r.body.length, 0, `${what}: documented without content, but has a body`);
  } else {
    const ct = (r.headers.get('content-type') || '').split(';')[0].trim().toLowerCase();
    assert.ok(types.includes(ct), `${what}: Content-Type ${ct} is not one of ${types.join(', ')}`);
    const schema = content[ct].schema;
    if (/json$/.test(ct) && schema) {
      let v;
      assert.doesNotThrow(() => (v = JSON.parse(r.text)), `${what}: body is not JSON`);
      const errs = validate(schema, v, '$', [], true);
      assert.deepEqual(errs.slice(0, 20), [], `${what}: body does not match the schema\n${r.text.slice(0, 300)}`);
    }
  }
  if (process.env.CONTRACT_EXAMPLES_OUT && types.length && /json$/.test(r.headers.get('content-type') || '')) {
    const key = `${op.id} ${r.status}`;
    (samples[key] ||= []).push({ url, body: JSON.parse(r.text) });
  }
  if (r.status < 400 || expect === r.status) exercised.set(op.id, (exercised.get(op.id) || 0) + 1);
  if (!statusesSeen.has(op.id)) statusesSeen.set(op.id, new Set());
  statusesSeen.get(op.id).add(r.status);
  return r;
}

// Run fn for each item; collect assertion failures so one run lists every
// mismatch, then fail with all of them.
async function each(items, fn) {
  const fails = [];
  for (const it of items) {
    try {
      await fn(it);
    } catch (e) {
      fails.push(e.message.split('\n').slice(0, 8).join('\n'));
    }
  }
  assert.equal(fails.length, 0, `${fails.length} mismatches:\n\n${fails.join('\n\n')}`);
}

const OP = (id) => {
  const o = OPS.find((x) => x.id === id);
  assert.ok(o, `operation ${id} is not in the document`);
  return o;
};

before(async () => {
  srv = await startServer();
  TOK.staf = addUser(srv.db, 'ct-staf', 'programmateam', { token: 'contract' });
  TOK.beheerder = addUser(srv.db, 'ct-beheer', 'beheerder', { token: 'contract' });
  const staff = await login(srv.base, 'ct-staf');
  // an event for the example id of /bijeenkomsten/{id} (1 on a fresh database)
  {
    const ev = OP('POST /bijeenkomsten');
    const r = await check(ev, `${BASE}/bijeenkomsten`, { token: TOK.staf, body: { ...ev.op.requestBody.content['application/json'].example, begin: `${new Date(Date.now() + 30 * 86400e3).toISOString().slice(0, 10)}T10:00`, einde: `${new Date(Date.now() + 30 * 86400e3).toISOString().slice(0, 10)}T16:00`, aanmeldenTot: '' }, expect: 201 });
    assert.equal(r.json.id, exampleOf(deref('#/components/parameters/BijeenkomstId')));
  }
  // an accepted agenda item on that event: the example id 1 of /agendapunten/{id}
  {
    const orgs = (await srv.get(`${BASE}/organisaties?soort=gemeente&paginaGrootte=100`)).json.organisaties.filter((o) => o.inProvincie === true);
    addUser(srv.db, 'ct-agenda-a', 'redacteur', { org: orgs[0].code });
    addUser(srv.db, 'ct-agenda-b', 'redacteur', { org: orgs[1].code });
    TOK.agendaA = addToken(srv.db, 'ct-agenda-a', 'contract');
    TOK.agendaB = addToken(srv.db, 'ct-agenda-b', 'contract');
    const ev = exampleOf(deref('#/components/parameters/BijeenkomstId'));
    const propose = OP('POST /bijeenkomsten/{id}/agendapunten');
    const it = await check(propose, `${BASE}/bijeenkomsten/${ev}/agendapunten`, { token: TOK.agendaA, body: propose.op.requestBody.content['application/json'].example, expect: 201 });
    assert.equal(it.json.id, exampleOf(deref('#/components/parameters/AgendapuntId')), 'the agenda item example in the document');
    const decide = OP('PATCH /agendapunten/{id}');
    await check(decide, `${BASE}/agendapunten/${it.json.id}`, { token: TOK.staf, body: decide.op.requestBody.content['application/json'].example, expect: 200 });
  }
  // a funding call: the example id 1 of /kennis/subsidiekansen/{id}
  {
    const mk = OP('POST /kennis/subsidiekansen');
    const r = await check(mk, `${BASE}/kennis/subsidiekansen`, { token: TOK.staf, body: mk.op.requestBody.content['application/json'].example, expect: 201 });
    assert.equal(r.json.id, exampleOf(deref('#/components/parameters/SubsidiekansId')), 'the funding call example in the document');
  }
  // an established (fictional) IBT assessment: the example id 1 of /toezicht/beoordelingen/{id}
  {
    TOK.toezicht = addUser(srv.db, 'ct-toezicht', 'toezichthouder', { token: 'contract' });
    const mk = OP('POST /toezicht/beoordelingen');
    const r = await check(mk, `${BASE}/toezicht/beoordelingen`, { token: TOK.toezicht, body: mk.op.requestBody.content['application/json'].example, expect: 201 });
    assert.equal(r.json.id, exampleOf(deref('#/components/parameters/BeoordelingId')), 'the assessment example in the document');
    const mv = OP('POST /toezicht/beoordelingen/{id}/status');
    await check(mv, `${BASE}/toezicht/beoordelingen/${r.json.id}/status`, { token: TOK.toezicht, body: mv.op.requestBody.content['application/json'].example, expect: 200 });
    await check(mv, `${BASE}/toezicht/beoordelingen/${r.json.id}/status`, { token: TOK.toezicht, body: { status: 'vastgesteld' }, expect: 200 });
  }
  // a public (fictional) ladder step with an agreement: the example ids 1 of /toezicht/ladder/{id} and /toezicht/afspraken/{id}
  {
    const mk = OP('POST /toezicht/ladder');
    const r = await check(mk, `${BASE}/toezicht/ladder`, { token: TOK.toezicht, body: mk.op.requestBody.content['application/json'].example, expect: 201 });
    assert.equal(r.json.id, exampleOf(deref('#/components/parameters/TredeId')), 'the ladder example in the document');
    const ag = OP('POST /toezicht/ladder/{id}/afspraken');
    const a = await check(ag, `${BASE}/toezicht/ladder/${r.json.id}/afspraken`, { token: TOK.toezicht, body: ag.op.requestBody.content['application/json'].example, expect: 201 });
    assert.equal(a.json.id, exampleOf(deref('#/components/parameters/AfspraakId')), 'the agreement example in the document');
  }
  // Fictional people with a public office and a seat, so /personen and the
  // sub-resources answer with content (the person example is
  // "jan-de-testpersoon" in the document).
  const C = exampleOf(deref('#/components/parameters/VerbandId'));
  const ORG = exampleOf(deref('#/components/parameters/OrganisatieCode'));
  const loc = await staff.submit('/personen/nieuw', [['naam', 'Jan de Testpersoon'], ['partij', 'Testpartij'], ['email', 'jan@testdorp.example.org'], ['telefoon', '030-0000009'], ['opmerking', '']]);
  const key = decodeURIComponent(/^\/personen\/([^/?]+)/.exec(loc)[1]);
  assert.equal(key, exampleOf(deref('#/components/parameters/PersoonId')), 'the person example in the document');
  await staff.submit(`/personen/${key}/functies/nieuw`, [['organisatie', ORG], ['functie', 'wethouder'], ['portefeuille', 'Testzaken'], ['van', '2022-01-01'], ['tot', '']]);
  await staff.submit(`/personen/${key}/zetels/nieuw`, [['samenwerkingsverband', C], ['namens', ORG], ['orgaan', 'algemeen-bestuur'], ['van', '2022-06-01'], ['tot', '']]);
  const amb = await staff.submit('/personen/nieuw', [['naam', 'Testpersoon Ambtenaar Contract'], ['partij', ''], ['email', 'amb@testdorp.example.org'], ['telefoon', ''], ['opmerking', 'interne notitie']]);
  const ambKey = decodeURIComponent(/^\/personen\/([^/?]+)/.exec(amb)[1]);
  await staff.submit(`/personen/${ambKey}/functies/nieuw`, [['organisatie', ORG], ['functie', 'ambtenaar'], ['portefeuille', ''], ['van', '2020-01-01'], ['tot', '']]);
  // a role assessment, a phase and an agreement on the example collaboration
  const c = await srv.getJson(`${BASE}/samenwerkingsverbanden/${C}`);
  const deelname = c.deelnemers.find((d) => d.organisatie.code === ORG && d.actief).id;
  await staff.submit(`/samenwerkingsverbanden/${C}/deelnemers/${deelname}/rol`, [['datum', '2025-01-15'], ['rechtmatig', '2'], ['presterend', '3'], ['samenwerkend', '5'], ['responsief', '1'], ['toelichting', 'Fictieve beoordeling']]);
  await staff.submit(`/samenwerkingsverbanden/${C}/fasen/nieuw`, [['fase', 'groei'], ['procesfase', 'verkennen'], ['datum', '2010-01-01'], ['toelichting', 'Fictief']]);
  // the indicator store: the bundled areas and definitions, and the values of
  // the example indicator (data/indicatoren; the rest is not needed here)
  {
    const key = exampleOf(deref('#/components/parameters/IndicatorSleutel'));
    const dir = mkdtempSync(path.join(tmpdir(), 'atlas-contract-ind-'));
    const lines = readFileSync(path.join(ROOT, 'data', 'indicatoren', 'waarden.csv'), 'utf8').split('\n');
    writeFileSync(path.join(dir, 'waarden.csv'), [lines[0], ...lines.filter((l) => l.startsWith(`${key},`))].join('\n') + '\n');
    for (const f of [path.join(ROOT, 'data', 'indicatoren', 'gebieden.csv'), path.join(ROOT, 'data', 'indicatoren', 'indicatoren.csv'), path.join(dir, 'waarden.csv')]) {
      const r = atlas(['import', 'indicatoren', f, '--db', srv.db]);
      assert.equal(r.status, 0, r.stderr);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  // a public instrument request (a granted lobby dossier): the example id 1 of the document
  const ins = await srv.get(`${BASE}/instrumenten`, { authorization: `Bearer ${TOK.staf}`, 'content-type': 'application/json' }, { method: 'POST', body: JSON.stringify({ organisatie: ORG, soort: 'lobby', titel: 'Testdossier contract', doel: 'Fictief.' }) });
  assert.equal(ins.status, 201, ins.text);
  assert.equal(ins.json.id, exampleOf(deref('#/components/parameters/InstrumentId')), 'the instrument example in the document');
  const granted = await srv.get(`${BASE}/instrumenten/${ins.json.id}`, { authorization: `Bearer ${TOK.staf}`, 'content-type': 'application/json' }, { method: 'PATCH', body: JSON.stringify({ status: 'toegekend' }) });
  assert.equal(granted.status, 200, granted.text);
  // a public knowledge-base item of the example organisation: the example id 1 of /kennis/publicaties/{id}
  {
    const add = OP('POST /kennis/publicaties');
    const r = await check(add, `${BASE}/kennis/publicaties`, { token: TOK.staf, body: { ...add.op.requestBody.content['application/json'].example, organisatie: ORG }, expect: 201 });
    assert.equal(r.json.id, exampleOf(deref('#/components/parameters/PublicatieId')), 'the publication example in the document');
  }
  // a released (fictional, empty) evaluation round: the example id 1 of /evaluatie/rondes/{id}/resultaten
  {
    const item = sql(srv.db, "SELECT id FROM survey_item WHERE item_key = 'start-relatie-1'");
    const loc = await staff.submit('/evaluatie/rondes', [['naam', 'Nulmeting (fictief)'], ['begin', '2026-01-01'], ['einde', '2026-12-31'], ['doelgroep', 'bestuurders'], ['organisatie', ORG], ['vraag', item]]);
    const id = Number(/\/evaluatie\/(\d+)\/beheer/.exec(loc)[1]);
    assert.equal(id, exampleOf(deref('#/components/parameters/RondeId')), 'the round example in the document');
    await staff.submit(`/evaluatie/${id}/status`, [['status', 'open']]);
    await staff.submit(`/evaluatie/${id}/status`, [['status', 'gesloten']]);
    await staff.submit(`/evaluatie/${id}/vrijgeven`, [['vrijgeven', 'ja']]);
  }
  await staff.submit(`/samenwerkingsverbanden/${C}/afspraken/nieuw`, [['titel', 'Testafspraak contract'], ['omschrijving', 'Fictieve afspraak.'], ['partijen', ORG], ['sinds', '2024-02-01'], ['status', 'geldend'], ['document', 'https://example.org/testafspraak.pdf']]);
});

after(async () => {
  await srv?.stop();
  if (process.env.CONTRACT_EXAMPLES_OUT) (await import('node:fs')).writeFileSync(process.env.CONTRACT_EXAMPLES_OUT, JSON.stringify(samples, null, 1));
});

/* ---------- the tests ---------- */

test('every /api/v1 route in routes.c is described in the document', () => {
  const src = readFileSync(path.join(ROOT, 'src', 'http', 'routes.c'), 'utf8');
  const routes = new Set([...src.matchAll(/"\/api\/v1(\/[^"]*)"/g)].map((m) => m[1]));
  const missing = [...routes].filter((p) => !DOC.paths[p]);
  assert.deepEqual(missing, [], 'routes without a path in docs/openapi.json');
});

test('every read (GET) answers as documented: examples, all query examples, anonymous and with a token', async () => {
  await each(OPS.filter((o) => o.method === 'get'), async (op) => {
    const needsRole = (op.op.security || DOC.security || []).length > 0 || op.op.responses['403'] !== undefined && op.op.responses['401'] !== undefined;
    const base = BASE + fillPath(op);
    if (!needsRole) {
      // the bare call carries only the required query parameters (none for most)
      await check(op, base + queryOf(op, false), { expect: 200 });
      await check(op, base + queryOf(op, true), { expect: 200 });
      await check(op, base + queryOf(op, true), { token: TOK.staf, expect: 200 });
      if (op.params.some((x) => x.in === 'query' && x.name === 'paginaGrootte')) await check(op, base + '?paginaGrootte=2', { expect: 200 });
    } else {
      await check(op, base, { expect: 401 });
      // the programme team reviews corrections, sees relations and the outbox; the other guarded reads are for administrators
      const staffReads = ['GET /correcties', 'GET /relaties', 'GET /relaties/{code}', 'GET /uitgaande-post', 'GET /bijeenkomsten/{id}/aanmeldingen', 'GET /kennis/deskundigen', 'GET /toezicht/dialoog',
        'GET /financien/gemeenten/{code}/kengetallen/invoer'];
      await check(op, base, { token: TOK.staf, expect: staffReads.includes(op.id) ? 200 : 403 });
      await check(op, base, { token: TOK.beheerder, expect: 200 });
    }
  });
});

test('conditional GET: a documented 304 comes back without a body', async () => {
  await each(OPS.filter((o) => o.method === 'get' && o.op.responses['304']), async (op) => {
    const url = BASE + fillPath(op);
    const first = await srv.get(url);
    const etag = first.headers.get('etag');
    assert.ok(etag, `${op.id}: no ETag, yet 304 is documented`);
    await check(op, url, { headers: { 'if-none-match': etag }, expect: 304 });
  });
});

test('documented errors: unknown ids answer 404 and invalid query values 400, as problem+json', async () => {
  await each(OPS.filter((o) => o.method === 'get'), async (op) => {
    if (op.op.responses['404'] && /\{/.test(op.path)) {
      const values = {};
      for (const p of op.params.filter((x) => x.in === 'path')) {
        const s = p.schema?.$ref ? deref(p.schema.$ref) : p.schema || {};
        values[p.name] = s.type === 'integer' ? 999999 : 'bestaat-niet-contract';
      }
      // the sub-resource's own id is the unknown one when the parent must exist
      const last = [...op.path.matchAll(/\{([^}]+)\}/g)].pop()[1];
      for (const k of Object.keys(values)) if (k !== last) delete values[k];
      const r = await check(op, BASE + fillPath(op, values), op.op.security ? { token: TOK.beheerder } : {});
      assert.equal(r.status, 404, `${op.id}: unknown {${last}}`);
      assert.match(r.headers.get('content-type'), /^application\/problem\+json/);
    }
    if (op.op.responses['405'] && !DOC.paths[op.path].post) {
      const r = await srv.get(BASE + fillPath(op), {}, { method: 'POST' });
      assert.equal(r.status, 405, `${op.id}: POST`);
      assert.ok(r.headers.get('allow'), `${op.id}: 405 without Allow`);
      await check(op, BASE + fillPath(op), { headers: {}, expect: undefined, method: 'POST' });
    }
    const q = op.params.find((x) => x.in === 'query' && x.name === 'pagina') || op.params.find((x) => x.in === 'query');
    if (q && op.op.responses['400'] && !op.op.security) {
      const bad = q.name === 'pagina' ? 'abc' : 'x'.repeat(300);
      const r = await check(op, `${BASE}${fillPath(op)}?${encodeURIComponent(q.name)}=${bad}`);
      assert.equal(r.status, 400, `${op.id}: ${q.name}=${bad.slice(0, 10)}…`);
    }
  });
});

test('writes with a token: create, change, replace and end a fictional collaboration and a participation', async () => {
  const T = TOK.staf;
  const invoer = {
    naam: 'Testregio Contractland',
    korteNaam: 'TR Contract',
    soort: 'wgr',
    juridischeVorm: 'GO',
    bevoegdheidsverkrijging: 'mandaat',
    beleidsdomeinen: ['veiligheid'],
    fase: 'groei',
    doel: 'Fictief verband voor de contracttest.',
    vestigingsplaats: 'Testdorp',
    startdatum: '2024-01-01',
    website: 'https://testregio.example.org',
    opmerking: 'Fictief',
  };
  // the request bodies the test sends must themselves match the document
  const reqSchema = (op) => op.op.requestBody.content['application/json'].schema;
  const post = OP('POST /samenwerkingsverbanden');
  assert.deepEqual(validate(reqSchema(post), invoer), []);
  let r = await check(post, `${BASE}/samenwerkingsverbanden`, { token: T, body: invoer, expect: 201 });
  const id = r.json.id;
  assert.ok(r.headers.get('location')?.endsWith(`/samenwerkingsverbanden/${id}`));
  const one = `${BASE}/samenwerkingsverbanden/${encodeURIComponent(id)}`;
  // errors on the write side: 401 without a token, 428 without If-Match, 412 stale, 400 invalid
  const patch = OP('PATCH /samenwerkingsverbanden/{id}');
  await check(patch, one, { body: { opmerking: 'x' }, ifMatch: r.headers.get('etag'), expect: 401 });
  await check(patch, one, { token: T, body: { opmerking: 'x' }, expect: 428 });
  await check(patch, one, { token: T, body: { opmerking: 'x' }, ifMatch: '"c1-v999"', expect: 412 });
  await check(post, `${BASE}/samenwerkingsverbanden`, { token: T, body: { naam: '' }, expect: 400 });
  await check(post, `${BASE}/samenwerkingsverbanden`, { token: T, body: invoer, headers: { 'content-type': 'text/plain' }, expect: 415 });

  r = await check(patch, one, { token: T, body: { opmerking: 'Gewijzigd (fictief)' }, ifMatch: r.headers.get('etag'), expect: 200 });
  assert.deepEqual(validate(reqSchema(patch), { opmerking: 'Gewijzigd (fictief)' }), []);
  const put = OP('PUT /samenwerkingsverbanden/{id}');
  const full = { ...invoer, doel: 'Vervangen (fictief).' };
  assert.deepEqual(validate(reqSchema(put), full), []);
  r = await check(put, one, { token: T, body: full, ifMatch: r.headers.get('etag'), expect: 200 });

  // a participation
  const pcreate = OP('POST /samenwerkingsverbanden/{id}/deelnemers');
  const ORG = exampleOf(deref('#/components/parameters/OrganisatieCode'));
  const dinvoer = { organisatie: ORG, rol: 'deelnemer', orgaan: 'raad', kostenverdeelsleutel: 0.25, bijdrage: 1000, toegetreden: '2024-01-01', uitgetreden: '2030-12-31' };
  assert.deepEqual(validate(reqSchema(pcreate), dinvoer), []);
  r = await check(pcreate, `${one}/deelnemers`, { token: T, body: dinvoer, expect: 201 });
  const pid = r.json.id;
  const pone = `${one}/deelnemers/${pid}`;
  r = await check(OP('GET /samenwerkingsverbanden/{id}/deelnemers/{deelname}'), pone, { expect: 200 });
  await check(OP('GET /samenwerkingsverbanden/{id}'), one, { expect: 200 });
  await check(OP('GET /organisaties/{code}/deelnames'), `${BASE}/organisaties/${ORG}/deelnames?status=alle`, { expect: 200 });
  r = await check(OP('PATCH /samenwerkingsverbanden/{id}/deelnemers/{deelname}'), pone, { token: T, body: { rol: 'penvoerder' }, ifMatch: r.headers.get('etag'), expect: 200 });
  const pdel = OP('DELETE /samenwerkingsverbanden/{id}/deelnemers/{deelname}');
  await check(pdel, `${pone}?uitgetreden=2025-06-30`, { token: T, ifMatch: r.headers.get('etag'), expect: 200 });

  // end the collaboration
  const etag = (await srv.get(one)).headers.get('etag');
  await check(OP('DELETE /samenwerkingsverbanden/{id}'), one, { token: T, ifMatch: etag, expect: 200 });
});

test('corrections: propose anonymously, then accept and reject with a token', async () => {
  const create = OP('POST /correcties');
  const reqSchema = (op) => op.op.requestBody.content['application/json'].schema;
  const C = exampleOf(deref('#/components/parameters/VerbandId'));
  const body = { object: 'samenwerkingsverband', sleutel: C, veld: 'vestigingsplaats', waarde: 'Testdorp', bron: 'https://example.org/contract', toelichting: 'Fictief.' };
  assert.deepEqual(validate(reqSchema(create), body), []);
  const a = await check(create, `${BASE}/correcties`, { body, expect: 201 });
  await check(create, `${BASE}/correcties`, { body: { ...body, veld: 'startdatum', waarde: '2023-02-31' }, expect: 400 });
  const b = await check(create, `${BASE}/correcties`, { body: { ...body, waarde: 'Testdorp-Oost' }, expect: 201 });
  await check(OP('POST /correcties/{id}/overnemen'), `${BASE}/correcties/${a.json.id}/overnemen`, { token: TOK.staf, expect: 200 });
  await check(OP('POST /correcties/{id}/overnemen'), `${BASE}/correcties/${a.json.id}/overnemen`, { token: TOK.staf, expect: 409 });
  const reject = OP('POST /correcties/{id}/afwijzen');
  assert.deepEqual(validate(reqSchema(reject), { reden: 'Fictief.' }), []);
  await check(reject, `${BASE}/correcties/${b.json.id}/afwijzen`, { token: TOK.staf, body: {}, expect: 400 });
  await check(reject, `${BASE}/correcties/${b.json.id}/afwijzen`, { token: TOK.staf, body: { reden: 'Fictief.' }, expect: 200 });
  await check(reject, `${BASE}/correcties/999999/afwijzen`, { token: TOK.staf, body: { reden: 'Fictief.' }, expect: 404 });
});

test('the outbox: a queued test message as the programme team sees it', async () => {
  const q = atlas(['mail', 'test', '--to', 'contract@example.org', '--naam', 'Contract (fictief)', '--db', srv.db]);
  assert.equal(q.status, 0, q.stderr);
  const op = OP('GET /uitgaande-post');
  const r = await check(op, `${BASE}/uitgaande-post?status=wachtrij`, { token: TOK.staf, expect: 200 });
  assert.equal(r.json.mailserverIngesteld, false);
  assert.ok(r.json.berichten.some((b) => b.aan === 'contract@example.org' && b.naam === 'Contract (fictief)'));
  await check(op, `${BASE}/uitgaande-post?status=onzin`, { token: TOK.staf, expect: 400 });
});

test('the change-set import: a dry run answers the plan, a set with a problem 422', async () => {
  const op = OP('POST /wijzigingen');
  const csv = { 'content-type': 'text/csv' };
  const src = 'id,title,publisher,url,reference_date\ntestbron-contract,Testbron contract (fictief),Gemeente Contractwaard,https://example.org/contract,2026-01-01\n';
  await check(op, `${BASE}/wijzigingen?bestand=sources.csv`, { raw: src, headers: csv, expect: 401 });
  const r = await check(op, `${BASE}/wijzigingen?bestand=sources.csv&naam=contract`, { token: TOK.staf, raw: src, headers: csv, expect: 200 });
  assert.equal(r.json.aantalWijzigingen, 1);
  const bad = 'code,kind,name,source_id,confidence\ngm9905,municipality,Contractwaard,bestaat-niet,high\n';
  await check(op, `${BASE}/wijzigingen?bestand=new_organisations.csv&toepassen=true`, { token: TOK.staf, raw: bad, headers: csv, expect: 422 });
  await check(op, `${BASE}/wijzigingen?bestand=sources.csv&toepassen=misschien`, { token: TOK.staf, raw: src, headers: csv, expect: 400 });
  await check(op, `${BASE}/wijzigingen`, { token: TOK.staf, raw: src, headers: { 'content-type': 'text/plain' }, expect: 415 });
});

test('the indicator import: a dry run answers the counts, a file with an error 422 with line and column', async () => {
  const op = OP('POST /kennis/indicatoren/importen');
  const csv = { 'content-type': 'text/csv' };
  const key = exampleOf(deref('#/components/parameters/IndicatorSleutel'));
  const one = `indicator,gebied,periode,waarde,bron\n${key},GM0344,2099,1.5,Contracttest (fictief)\n`;
  await check(op, `${BASE}/kennis/indicatoren/importen?proef=true`, { raw: one, headers: csv, expect: 401 });
  const r = await check(op, `${BASE}/kennis/indicatoren/importen?proef=true&bestand=waarden.csv`, { token: TOK.staf, raw: one, headers: csv, expect: 200 });
  assert.equal(r.json.aantalNieuw, 1);
  assert.equal(r.json.opgeslagen, false);
  const bad = `indicator,gebied,periode,waarde\n${key},GM0000,2099,1\n`;
  const e = await check(op, `${BASE}/kennis/indicatoren/importen`, { token: TOK.staf, raw: bad, headers: csv, expect: 422 });
  assert.equal(e.json.fouten[0].regel, 2);
  assert.equal(e.json.fouten[0].kolom, 2);
  await check(op, `${BASE}/kennis/indicatoren/importen?proef=misschien`, { token: TOK.staf, raw: one, headers: csv, expect: 400 });
  await check(op, `${BASE}/kennis/indicatoren/importen`, { token: TOK.staf, raw: one, headers: { 'content-type': 'text/plain' }, expect: 415 });
});

test('kengetallen: inputs replaced and imported with a staff token; errors are problems', async () => {
  const code = 'gm0344';
  const save = OP('POST /financien/gemeenten/{code}/kengetallen/invoer');
  const body = save.op.requestBody.content['application/json'].example;
  await check(save, `${BASE}/financien/gemeenten/${code}/kengetallen/invoer`, { body, expect: 401 });
  const r = await check(save, `${BASE}/financien/gemeenten/${code}/kengetallen/invoer`, { token: TOK.staf, body, expect: 200 });
  assert.equal(r.json.onderdelen.balanstotaal.bedrag, 200000000);
  await check(save, `${BASE}/financien/gemeenten/${code}/kengetallen/invoer`, { token: TOK.staf, body: { ...body, soort: 'rekening' }, expect: 400 });
  await check(save, `${BASE}/financien/gemeenten/gm0000/kengetallen/invoer`, { token: TOK.staf, body, expect: 404 });
  const shown = await check(OP('GET /financien/gemeenten/{code}/kengetallen'), `${BASE}/financien/gemeenten/${code}/kengetallen?jaar=2024`, { expect: 200 });
  assert.equal(shown.json.kengetallen.find((k) => k.sleutel === 'solvabiliteitsratio').kolommen[2].waarde, 15);
  const imp = OP('POST /financien/gemeenten/{code}/kengetallen/importen');
  const csv = { 'content-type': 'text/csv' };
  const one = 'jaar,soort,onderdeel,bedrag,eenheid,bron\n2023,jaarverslag,liquide_middelen,1.000,euro,Contracttest (fictief)\n';
  await check(imp, `${BASE}/financien/gemeenten/${code}/kengetallen/importen`, { raw: one, headers: csv, expect: 401 });
  const ok = await check(imp, `${BASE}/financien/gemeenten/${code}/kengetallen/importen?bestand=kengetallen.csv`, { token: TOK.staf, raw: one, headers: csv, expect: 200 });
  assert.equal(ok.json.aantalOpgeslagen, 1);
  const bad = 'jaar,soort,onderdeel,bedrag,eenheid,bron\n2023,jaarverslag,onbekend,1,euro,Contracttest (fictief)\n';
  const e = await check(imp, `${BASE}/financien/gemeenten/${code}/kengetallen/importen`, { token: TOK.staf, raw: bad, headers: csv, expect: 422 });
  assert.deepEqual([e.json.fouten[0].regel, e.json.fouten[0].kolom], [2, 3]);
  await check(imp, `${BASE}/financien/gemeenten/${code}/kengetallen/importen`, { token: TOK.staf, raw: one, headers: { 'content-type': 'text/plain' }, expect: 415 });
});

test('relations: contact moments, signals and follow-ups with a staff token; status changes', async () => {
  const code = exampleOf(deref('#/components/parameters/PartnerCode'));
  const yesterday = new Date(Date.now() - 86400e3).toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86400e3).toISOString().slice(0, 10);
  const contact = OP('POST /relaties/{code}/contactmomenten');
  const cbody = { datum: yesterday, soort: 'ambtelijk', onderwerp: 'Contractoverleg (fictief)', vertrouwelijkheid: 'intern' };
  await check(contact, `${BASE}/relaties/${code}/contactmomenten`, { body: cbody, expect: 401 });
  await check(contact, `${BASE}/relaties/${code}/contactmomenten`, { token: TOK.staf, body: cbody, expect: 201 });
  await check(contact, `${BASE}/relaties/${code}/contactmomenten`, { token: TOK.staf, body: { ...cbody, datum: tomorrow }, expect: 400 });
  await check(contact, `${BASE}/relaties/gm9999/contactmomenten`, { token: TOK.staf, body: cbody, expect: 404 });
  const signal = OP('POST /relaties/{code}/signalen');
  const s = await check(signal, `${BASE}/relaties/${code}/signalen`, { token: TOK.staf, body: { titel: 'Contractknelpunt (fictief)', ernst: 'laag', vertrouwelijkheid: 'partner' }, expect: 201 });
  const follow = OP('POST /relaties/{code}/vervolgacties');
  const f = await check(follow, `${BASE}/relaties/${code}/vervolgacties`, { token: TOK.staf, body: { titel: 'Contractactie (fictief)', eigenaar: 'ct-staf', uiterlijk: tomorrow, vertrouwelijkheid: 'intern' }, expect: 201 });
  await check(follow, `${BASE}/relaties/${code}/vervolgacties`, { token: TOK.staf, body: { titel: 'Zonder eigenaar', uiterlijk: tomorrow, vertrouwelijkheid: 'intern' }, expect: 400 });
  const ps = OP('PATCH /signalen/{id}');
  await check(ps, `${BASE}/signalen/${s.json.id}`, { token: TOK.staf, body: { status: 'in_behandeling' }, expect: 200 });
  await check(ps, `${BASE}/signalen/${s.json.id}`, { token: TOK.staf, body: { status: 'in_behandeling' }, expect: 409 });
  await check(ps, `${BASE}/signalen/999999`, { token: TOK.staf, body: { status: 'opgelost' }, expect: 404 });
  const pf = OP('PATCH /vervolgacties/{id}');
  await check(pf, `${BASE}/vervolgacties/${f.json.id}`, { token: TOK.staf, body: { status: 'afgerond' }, expect: 200 });
  await check(pf, `${BASE}/vervolgacties/${f.json.id}`, { token: TOK.staf, body: { status: 'klaar' }, expect: 400 });
  const one = await check(OP('GET /relaties/{code}'), `${BASE}/relaties/${code}`, { token: TOK.staf, expect: 200 });
  assert.equal(one.json.contactmomenten.length, 1);
  assert.equal(one.json.signalen[0].status, 'in_behandeling');
});

test('events: create and change with a staff token; validation; registrations for staff only', async () => {
  const create = OP('POST /bijeenkomsten');
  const day = new Date(Date.now() + 20 * 86400e3).toISOString().slice(0, 10);
  const body = { soort: 'kennissessie', titel: 'Kennissessie contract (fictief)', begin: `${day}T13:00`, einde: `${day}T15:00`, locatie: 'Utrecht', capaciteit: 3, organisator: 'Provincie Utrecht' };
  await check(create, `${BASE}/bijeenkomsten`, { body, expect: 401 });
  await check(create, `${BASE}/bijeenkomsten`, { token: TOK.staf, body: { ...body, capaciteit: 0 }, expect: 400 });
  await check(create, `${BASE}/bijeenkomsten`, { token: TOK.staf, raw: 'x', headers: { 'content-type': 'text/plain' }, expect: 415 });
  const r = await check(create, `${BASE}/bijeenkomsten`, { token: TOK.staf, body, expect: 201 });
  const patch = OP('PATCH /bijeenkomsten/{id}');
  await check(patch, `${BASE}/bijeenkomsten/${r.json.id}`, { body: { capaciteit: 4 }, expect: 401 });
  const p = await check(patch, `${BASE}/bijeenkomsten/${r.json.id}`, { token: TOK.staf, body: { capaciteit: 4 }, expect: 200 });
  assert.equal(p.json.capaciteit, 4);
  await check(patch, `${BASE}/bijeenkomsten/${r.json.id}`, { token: TOK.staf, body: { einde: `${day}T12:00` }, expect: 400 });
  await check(patch, `${BASE}/bijeenkomsten/999999`, { token: TOK.staf, body: { capaciteit: 4 }, expect: 404 });
  await check(OP('GET /bijeenkomsten/{id}/aanmeldingen'), `${BASE}/bijeenkomsten/${r.json.id}/aanmeldingen`, { token: TOK.staf, expect: 200 });
});

test('events after the event: report, documents, contact log, follow-ups; staff correct and remove registrations', async () => {
  const day = (n) => new Date(Date.now() + n * 86400e3).toISOString().slice(0, 10);
  const ORG = exampleOf(deref('#/components/parameters/OrganisatieCode'));
  const ev = await check(OP('POST /bijeenkomsten'), `${BASE}/bijeenkomsten`, {
    token: TOK.staf, expect: 201,
    body: { soort: 'netwerkdag', titel: 'Netwerkdag contract (fictief)', begin: `${day(10)}T10:00`, einde: `${day(10)}T16:00`, locatie: 'Utrecht', capaciteit: 1, organisator: 'Provincie Utrecht' },
  });
  const id = ev.json.id;
  for (const n of ['ct-deeln-a', 'ct-deeln-b']) {
    addUser(srv.db, n, 'redacteur', { org: ORG, extra: ['--email', `${n}@testdorp.example.org`] });
    await (await login(srv.base, n)).submit(`/bijeenkomsten/${id}/aanmelden`, {});
  }
  const regs = await check(OP('GET /bijeenkomsten/{id}/aanmeldingen'), `${BASE}/bijeenkomsten/${id}/aanmeldingen`, { token: TOK.staf, expect: 200 });
  const [first, second] = regs.json.aanmeldingen.map((x) => x.id);
  const pr = OP('PATCH /bijeenkomsten/{id}/aanmeldingen/{rid}');
  await check(pr, `${BASE}/bijeenkomsten/${id}/aanmeldingen/${first}`, { body: { zichtbaar: true }, expect: 401 });
  await check(pr, `${BASE}/bijeenkomsten/${id}/aanmeldingen/${first}`, { token: TOK.staf, body: { naam: '' }, expect: 400 });
  await check(pr, `${BASE}/bijeenkomsten/${id}/aanmeldingen/${first}`, { token: TOK.staf, body: { organisatie: 'Gemeente Contract', zichtbaar: true }, expect: 200 });
  await check(pr, `${BASE}/bijeenkomsten/${id}/aanmeldingen/999999`, { token: TOK.staf, body: { zichtbaar: true }, expect: 404 });
  const del = OP('DELETE /bijeenkomsten/{id}/aanmeldingen/{rid}');
  await check(del, `${BASE}/bijeenkomsten/${id}/aanmeldingen/${second}`, { expect: 401 });
  const gone = await check(del, `${BASE}/bijeenkomsten/${id}/aanmeldingen/${second}`, { token: TOK.staf, expect: 200 });
  assert.equal(gone.json.verwijderd, true);
  await check(del, `${BASE}/bijeenkomsten/${id}/aanmeldingen/${second}`, { token: TOK.staf, expect: 404 });

  const put = OP('PUT /bijeenkomsten/{id}/verslag');
  await check(put, `${BASE}/bijeenkomsten/${id}/verslag`, { body: { verslag: 'x' }, expect: 401 });
  await check(put, `${BASE}/bijeenkomsten/${id}/verslag`, { token: TOK.staf, body: { verslag: 'Te vroeg.' }, expect: 400 });
  await check(OP('PATCH /bijeenkomsten/{id}'), `${BASE}/bijeenkomsten/${id}`, { token: TOK.staf, body: { begin: `${day(-3)}T10:00`, einde: `${day(-3)}T16:00` }, expect: 200 });
  await check(put, `${BASE}/bijeenkomsten/${id}/verslag`, { token: TOK.staf, body: { verslag: 'Een fictief verslag.' }, expect: 200 });
  await check(put, `${BASE}/bijeenkomsten/999999/verslag`, { token: TOK.staf, body: { verslag: 'x' }, expect: 404 });
  const doc = OP('POST /bijeenkomsten/{id}/documenten');
  await check(doc, `${BASE}/bijeenkomsten/${id}/documenten`, { body: { titel: 'x', url: 'https://example.org/x.pdf' }, expect: 401 });
  await check(doc, `${BASE}/bijeenkomsten/${id}/documenten`, { token: TOK.staf, body: { titel: 'Presentatie', url: 'http://example.org/x.pdf' }, expect: 400 });
  await check(doc, `${BASE}/bijeenkomsten/${id}/documenten`, { token: TOK.staf, body: { titel: 'Presentatie', url: 'https://example.org/presentatie.pdf' }, expect: 201 });
  const extra = await check(doc, `${BASE}/bijeenkomsten/${id}/documenten`, { token: TOK.staf, body: { titel: 'Weg ermee', url: 'https://example.org/weg.pdf' }, expect: 201 });
  const rm = OP('DELETE /bijeenkomsten/{id}/documenten/{did}');
  await check(rm, `${BASE}/bijeenkomsten/${id}/documenten/${extra.json.id}`, { expect: 401 });
  await check(rm, `${BASE}/bijeenkomsten/${id}/documenten/${extra.json.id}`, { token: TOK.staf, expect: 200 });
  await check(rm, `${BASE}/bijeenkomsten/${id}/documenten/${extra.json.id}`, { token: TOK.staf, expect: 404 });
  const got = await check(OP('GET /bijeenkomsten/{id}/verslag'), `${BASE}/bijeenkomsten/${id}/verslag`, { expect: 200 });
  assert.equal(got.json.documenten.length, 1);
  const log = OP('POST /bijeenkomsten/{id}/contactmomenten');
  await check(log, `${BASE}/bijeenkomsten/${id}/contactmomenten`, { body: { organisaties: [ORG] }, expect: 401 });
  await check(log, `${BASE}/bijeenkomsten/${id}/contactmomenten`, { token: TOK.staf, body: { organisaties: ['bestaat-niet-contract'] }, expect: 400 });
  await check(log, `${BASE}/bijeenkomsten/${id}/contactmomenten`, { token: TOK.staf, body: { organisaties: [ORG] }, expect: 201 });
  await check(log, `${BASE}/bijeenkomsten/${id}/contactmomenten`, { token: TOK.staf, body: { organisaties: [ORG] }, expect: 200 });
  const fu = OP('POST /bijeenkomsten/{id}/vervolgacties');
  const fuBody = { organisatie: ORG, titel: 'Fictieve actie', eigenaar: 'ct-staf', uiterlijk: day(7), vertrouwelijkheid: 'intern' };
  await check(fu, `${BASE}/bijeenkomsten/${id}/vervolgacties`, { body: fuBody, expect: 401 });
  await check(fu, `${BASE}/bijeenkomsten/${id}/vervolgacties`, { token: TOK.staf, body: { ...fuBody, eigenaar: '' }, expect: 400 });
  await check(fu, `${BASE}/bijeenkomsten/${id}/vervolgacties`, { token: TOK.staf, body: fuBody, expect: 201 });
});

test('agenda in samenspraak: propose, support, decide; the programme open, proposals with a partner token', async () => {
  const ev = exampleOf(deref('#/components/parameters/BijeenkomstId'));
  const propose = OP('POST /bijeenkomsten/{id}/agendapunten');
  await check(propose, `${BASE}/bijeenkomsten/${ev}/agendapunten`, { body: { titel: 'x' }, expect: 401 });
  await check(propose, `${BASE}/bijeenkomsten/${ev}/agendapunten`, { token: TOK.agendaB, body: { titel: '' }, expect: 400 });
  await check(propose, `${BASE}/bijeenkomsten/${ev}/agendapunten`, { token: TOK.agendaB, raw: 'x', headers: { 'content-type': 'text/plain' }, expect: 415 });
  await check(propose, `${BASE}/bijeenkomsten/${ev}/agendapunten`, { token: TOK.staf, body: { titel: 'Van de provincie' }, expect: 403 });
  await check(propose, `${BASE}/bijeenkomsten/999999/agendapunten`, { token: TOK.agendaB, body: { titel: 'Nergens' }, expect: 404 });
  const it = await check(propose, `${BASE}/bijeenkomsten/${ev}/agendapunten`, { token: TOK.agendaA, body: { titel: 'Contractpunt (fictief)' }, expect: 201 });
  const support = OP('POST /agendapunten/{id}/steun');
  await check(support, `${BASE}/agendapunten/${it.json.id}/steun`, { expect: 401 });
  await check(support, `${BASE}/agendapunten/${it.json.id}/steun`, { token: TOK.agendaA, expect: 403 });
  await check(support, `${BASE}/agendapunten/${it.json.id}/steun`, { token: TOK.agendaB, expect: 200 });
  await check(support, `${BASE}/agendapunten/${it.json.id}/steun`, { token: TOK.agendaB, expect: 409 });
  await check(support, `${BASE}/agendapunten/999999/steun`, { token: TOK.agendaB, expect: 404 });
  const show = OP('GET /agendapunten/{id}');
  await check(show, `${BASE}/agendapunten/${it.json.id}`, { expect: 404 });
  await check(show, `${BASE}/agendapunten/${it.json.id}`, { token: TOK.agendaB, expect: 200 });
  const agenda = OP('GET /bijeenkomsten/{id}/agenda');
  const pub = await check(agenda, `${BASE}/bijeenkomsten/${ev}/agenda`, { expect: 200 });
  assert.equal(pub.json.voorstellen, undefined);
  const mine = await check(agenda, `${BASE}/bijeenkomsten/${ev}/agenda`, { token: TOK.agendaB, expect: 200 });
  assert.ok(mine.json.voorstellen.some((x) => x.id === it.json.id));
  await check(agenda, `${BASE}/bijeenkomsten/999999/agenda`, { expect: 404 });
  const decide = OP('PATCH /agendapunten/{id}');
  await check(decide, `${BASE}/agendapunten/${it.json.id}`, { body: { status: 'afgewezen' }, expect: 401 });
  await check(decide, `${BASE}/agendapunten/${it.json.id}`, { token: TOK.agendaA, body: { status: 'afgewezen' }, expect: 403 });
  await check(decide, `${BASE}/agendapunten/${it.json.id}`, { token: TOK.staf, body: { status: 'weg' }, expect: 400 });
  await check(decide, `${BASE}/agendapunten/999999`, { token: TOK.staf, body: { status: 'afgewezen' }, expect: 404 });
  const r = await check(decide, `${BASE}/agendapunten/${it.json.id}`, { token: TOK.staf, body: { status: 'afgewezen' }, expect: 200 });
  assert.equal(r.json.status, 'afgewezen');
});

test('instrument requests: ask, decide, link, support; public and private reads', async () => {
  const orgs = (await srv.get(`${BASE}/organisaties?soort=gemeente&paginaGrootte=100`)).json.organisaties.filter((o) => o.inProvincie === true);
  addUser(srv.db, 'ct-red-a', 'redacteur', { org: orgs[0].code });
  addUser(srv.db, 'ct-red-b', 'redacteur', { org: orgs[1].code });
  const A = addToken(srv.db, 'ct-red-a', 'contract');
  const B = addToken(srv.db, 'ct-red-b', 'contract');
  const create = OP('POST /instrumenten');
  await check(create, `${BASE}/instrumenten`, { body: { soort: 'lobby', titel: 'x' }, expect: 401 });
  const lobby = await check(create, `${BASE}/instrumenten`, { token: A, body: { soort: 'lobby', titel: 'Contractdossier (fictief)', doel: 'Fictief.' }, expect: 201 });
  await check(create, `${BASE}/instrumenten`, { token: A, body: { soort: 'stimulans', titel: 'Zonder bedrag' , doel: 'Fictief.' }, expect: 400 });
  await check(create, `${BASE}/instrumenten`, { token: A, body: { soort: 'lobby', titel: 'Namens een ander', doel: 'x', organisatie: orgs[1].code }, expect: 403 });
  const show = OP('GET /instrumenten/{id}');
  await check(show, `${BASE}/instrumenten/${lobby.json.id}`, { expect: 404 });
  await check(show, `${BASE}/instrumenten/${lobby.json.id}`, { token: A, expect: 200 });
  const patch = OP('PATCH /instrumenten/{id}');
  await check(patch, `${BASE}/instrumenten/${lobby.json.id}`, { token: A, body: { status: 'toegekend' }, expect: 403 });
  await check(patch, `${BASE}/instrumenten/${lobby.json.id}`, { token: TOK.staf, body: { status: 'afgerond' }, expect: 409 });
  await check(patch, `${BASE}/instrumenten/${lobby.json.id}`, { token: TOK.staf, body: { status: 'toegekend' }, expect: 200 });
  await check(patch, `${BASE}/instrumenten/${lobby.json.id}`, { token: TOK.staf, body: { status: 'weg' }, expect: 400 });
  await check(show, `${BASE}/instrumenten/${lobby.json.id}`, { expect: 200 });
  const support = OP('POST /instrumenten/{id}/steun');
  await check(support, `${BASE}/instrumenten/${lobby.json.id}/steun`, { token: B, expect: 200 });
  await check(support, `${BASE}/instrumenten/${lobby.json.id}/steun`, { token: B, expect: 409 });
  await check(support, `${BASE}/instrumenten/${lobby.json.id}/steun`, { token: A, expect: 403 });
  await check(support, `${BASE}/instrumenten/999999/steun`, { token: B, expect: 404 });
  const list = await check(OP('GET /instrumenten'), `${BASE}/instrumenten`, { token: A, expect: 200 });
  assert.ok(list.json.aanvragen.some((x) => x.id === lobby.json.id));
});

test('funding calls: record, change with If-Match, mark and withdraw interest', async () => {
  const orgs = (await srv.get(`${BASE}/organisaties?soort=gemeente&paginaGrootte=100`)).json.organisaties.filter((o) => o.inProvincie === true);
  addUser(srv.db, 'ct-sk-red', 'redacteur', { org: orgs[2].code });
  const P = addToken(srv.db, 'ct-sk-red', 'contract');
  const create = OP('POST /kennis/subsidiekansen');
  const body = { ...create.op.requestBody.content['application/json'].example, titel: 'Contractoproep (fictief)' };
  await check(create, `${BASE}/kennis/subsidiekansen`, { body, expect: 401 });
  await check(create, `${BASE}/kennis/subsidiekansen`, { token: P, body, expect: 403 });
  await check(create, `${BASE}/kennis/subsidiekansen`, { token: TOK.staf, body: { ...body, cofinanciering: 101 }, expect: 400 });
  await check(create, `${BASE}/kennis/subsidiekansen`, { token: TOK.staf, raw: 'x', headers: { 'content-type': 'text/plain' }, expect: 415 });
  const r = await check(create, `${BASE}/kennis/subsidiekansen`, { token: TOK.staf, body, expect: 201 });
  const url = `${BASE}/kennis/subsidiekansen/${r.json.id}`;
  const show = OP('GET /kennis/subsidiekansen/{id}');
  await check(show, `${BASE}/kennis/subsidiekansen/999999`, { expect: 404 });
  const got = await check(show, url, { token: TOK.staf, expect: 200 });
  const patch = OP('PATCH /kennis/subsidiekansen/{id}');
  await check(patch, url, { body: { cofinanciering: 50 }, ifMatch: '*', expect: 401 });
  await check(patch, url, { token: P, body: { cofinanciering: 50 }, ifMatch: '*', expect: 403 });
  await check(patch, url, { token: TOK.staf, body: { cofinanciering: 50 }, expect: 428 });
  await check(patch, url, { token: TOK.staf, body: { cofinanciering: 50 }, ifMatch: `"sk${r.json.id}-v0"`, expect: 412 });
  await check(patch, url, { token: TOK.staf, body: { cofinanciering: 500 }, ifMatch: got.headers.get('etag'), expect: 400 });
  await check(patch, `${BASE}/kennis/subsidiekansen/999999`, { token: TOK.staf, body: { cofinanciering: 5 }, ifMatch: '*', expect: 404 });
  await check(patch, url, { token: TOK.staf, raw: 'x', headers: { 'content-type': 'text/plain' }, ifMatch: got.headers.get('etag'), expect: 415 });
  await check(patch, url, { token: TOK.staf, body: { cofinanciering: 50 }, ifMatch: got.headers.get('etag'), expect: 200 });
  const mark = OP('POST /kennis/subsidiekansen/{id}/interesse');
  await check(mark, `${url}/interesse`, { expect: 401 });
  await check(mark, `${url}/interesse`, { token: TOK.staf, expect: 403 });
  await check(mark, `${BASE}/kennis/subsidiekansen/999999/interesse`, { token: P, expect: 404 });
  await check(mark, `${url}/interesse`, { token: P, body: { toelichting: 'x'.repeat(1001) }, expect: 400 });
  await check(mark, `${url}/interesse`, { token: P, raw: 'x', headers: { 'content-type': 'text/plain' }, expect: 415 });
  await check(mark, `${url}/interesse`, { token: P, body: mark.op.requestBody.content['application/json'].example, expect: 201 });
  await check(mark, `${url}/interesse`, { token: P, expect: 409 });
  const staffView = await check(show, url, { token: TOK.staf, expect: 200 });
  assert.equal(staffView.json.interesse.length, 1);
  const withdraw = OP('DELETE /kennis/subsidiekansen/{id}/interesse');
  await check(withdraw, `${url}/interesse`, { expect: 401 });
  await check(withdraw, `${url}/interesse`, { token: TOK.staf, expect: 403 });
  await check(withdraw, `${BASE}/kennis/subsidiekansen/999999/interesse`, { token: P, expect: 404 });
  await check(withdraw, `${url}/interesse`, { token: P, expect: 204 });
  await check(withdraw, `${url}/interesse`, { token: P, expect: 409 });
  const list = OP('GET /kennis/subsidiekansen');
  await check(list, `${BASE}/kennis/subsidiekansen?status=dicht`, { expect: 400 });
});

test('toezicht: record a concept, move it, respond in the dialogue; refusals are problems', async () => {
  const orgs = (await srv.get(`${BASE}/organisaties?soort=gemeente&paginaGrootte=100`)).json.organisaties.filter((o) => o.inProvincie === true);
  const own = orgs.find((o) => o.code !== 'gm0344');
  addUser(srv.db, 'ct-tz-red', 'redacteur', { org: own.code });
  const P = addToken(srv.db, 'ct-tz-red', 'contract');
  const create = OP('POST /toezicht/beoordelingen');
  const body = { ...create.op.requestBody.content['application/json'].example, organisatie: own.code, domein: 'omgevingsrecht' };
  await check(create, `${BASE}/toezicht/beoordelingen`, { body, expect: 401 });
  await check(create, `${BASE}/toezicht/beoordelingen`, { token: P, body, expect: 403 });
  await check(create, `${BASE}/toezicht/beoordelingen`, { token: TOK.toezicht, body: { ...body, jaar: 2999 }, expect: 400 });
  await check(create, `${BASE}/toezicht/beoordelingen`, { token: TOK.toezicht, raw: 'x', headers: { 'content-type': 'text/plain' }, expect: 415 });
  const r = await check(create, `${BASE}/toezicht/beoordelingen`, { token: TOK.toezicht, body, expect: 201 });
  const url = `${BASE}/toezicht/beoordelingen/${r.json.id}`;
  const show = OP('GET /toezicht/beoordelingen/{id}');
  await check(show, url, { expect: 404 });
  await check(show, url, { token: P, expect: 404 });
  const move = OP('POST /toezicht/beoordelingen/{id}/status');
  await check(move, `${url}/status`, { body: { status: 'dialoog' }, expect: 401 });
  await check(move, `${url}/status`, { token: P, body: { status: 'dialoog' }, expect: 403 });
  await check(move, `${url}/status`, { token: TOK.toezicht, body: { status: 'vastgesteld' }, expect: 400 });
  await check(move, `${BASE}/toezicht/beoordelingen/999999/status`, { token: TOK.toezicht, body: { status: 'dialoog' }, expect: 404 });
  await check(move, `${url}/status`, { token: TOK.toezicht, raw: 'x', headers: { 'content-type': 'text/plain' }, expect: 415 });
  await check(move, `${url}/status`, { token: TOK.toezicht, body: { status: 'dialoog' }, expect: 200 });
  await check(show, url, { token: P, expect: 200 });
  const respond = OP('POST /toezicht/beoordelingen/{id}/reacties');
  await check(respond, `${url}/reacties`, { body: { tekst: 'x' }, expect: 401 });
  await check(respond, `${url}/reacties`, { token: P, body: { tekst: ' ' }, expect: 400 });
  await check(respond, `${url}/reacties`, { token: P, raw: 'x', headers: { 'content-type': 'text/plain' }, expect: 415 });
  await check(respond, `${BASE}/toezicht/beoordelingen/999999/reacties`, { token: P, body: { tekst: 'x' }, expect: 404 });
  await check(respond, `${url}/reacties`, { token: P, body: respond.op.requestBody.content['application/json'].example, expect: 201 });
  await check(respond, `${BASE}/toezicht/beoordelingen/1/reacties`, { token: TOK.toezicht, body: { tekst: 'x' }, expect: 409 });
  const list = OP('GET /toezicht/beoordelingen');
  await check(list, `${BASE}/toezicht/beoordelingen?status=concept`, { expect: 403 });
  await check(list, `${BASE}/toezicht/beoordelingen?jaar=vorig`, { expect: 400 });
  const mine = await check(list, `${BASE}/toezicht/beoordelingen?status=dialoog`, { token: P, expect: 200 });
  assert.deepEqual(mine.json.beoordelingen.map((a) => a.id), [r.json.id]);
});

test('toezicht ladder and dialogue: set, end, agreements, dialogue records; refusals are problems', async () => {
  const orgs = (await srv.get(`${BASE}/organisaties?soort=gemeente&paginaGrootte=100`)).json.organisaties.filter((o) => o.inProvincie === true);
  const own = orgs.find((o) => o.code !== 'gm0344');
  const peer = orgs.find((o) => o.code !== 'gm0344' && o.code !== own.code);
  addUser(srv.db, 'ct-tl-red', 'redacteur', { org: own.code });
  const P = addToken(srv.db, 'ct-tl-red', 'contract');
  const set = OP('POST /toezicht/ladder');
  const body = { organisatie: own.code, domein: 'omgevingsrecht', trede: 1, sinds: '2025-01-10' };
  await check(set, `${BASE}/toezicht/ladder`, { body, expect: 401 });
  await check(set, `${BASE}/toezicht/ladder`, { token: P, body, expect: 403 });
  await check(set, `${BASE}/toezicht/ladder`, { token: TOK.toezicht, body: { ...body, trede: 3 }, expect: 400 });
  await check(set, `${BASE}/toezicht/ladder`, { token: TOK.toezicht, raw: 'x', headers: { 'content-type': 'text/plain' }, expect: 415 });
  const s1 = await check(set, `${BASE}/toezicht/ladder`, { token: TOK.toezicht, body, expect: 201 });
  const show = OP('GET /toezicht/ladder/{id}');
  await check(show, `${BASE}/toezicht/ladder/${s1.json.id}`, { expect: 404 });
  const mine = await check(show, `${BASE}/toezicht/ladder/${s1.json.id}`, { token: P, expect: 200 });
  assert.deepEqual(mine.json.afspraken, []);
  const end = OP('POST /toezicht/ladder/{id}/einde');
  await check(end, `${BASE}/toezicht/ladder/${s1.json.id}/einde`, { body: {}, expect: 401 });
  await check(end, `${BASE}/toezicht/ladder/${s1.json.id}/einde`, { token: TOK.toezicht, body: { tot: '2024-01-01' }, expect: 400 });
  await check(end, `${BASE}/toezicht/ladder/999999/einde`, { token: TOK.toezicht, body: {}, expect: 404 });
  await check(end, `${BASE}/toezicht/ladder/${s1.json.id}/einde`, { token: TOK.toezicht, raw: 'x', headers: { 'content-type': 'text/plain' }, expect: 415 });
  await check(end, `${BASE}/toezicht/ladder/${s1.json.id}/einde`, { token: TOK.toezicht, body: end.op.requestBody.content['application/json'].example, expect: 200 });
  await check(end, `${BASE}/toezicht/ladder/${s1.json.id}/einde`, { token: TOK.toezicht, body: {}, expect: 409 });
  await check(set, `${BASE}/toezicht/ladder`, { token: TOK.toezicht, body: { organisatie: 'gm0344', domein: 'informatiebeheer', trede: 4, reden: 'x' }, expect: 400 });
  const add = OP('POST /toezicht/ladder/{id}/afspraken');
  await check(add, `${BASE}/toezicht/ladder/${s1.json.id}/afspraken`, { body: {}, expect: 401 });
  await check(add, `${BASE}/toezicht/ladder/${s1.json.id}/afspraken`, { token: TOK.toezicht, body: { actie: '' }, expect: 400 });
  await check(add, `${BASE}/toezicht/ladder/999999/afspraken`, { token: TOK.toezicht, body: add.op.requestBody.content['application/json'].example, expect: 404 });
  await check(add, `${BASE}/toezicht/ladder/${s1.json.id}/afspraken`, { token: TOK.toezicht, raw: 'x', headers: { 'content-type': 'text/plain' }, expect: 415 });
  const a = await check(add, `${BASE}/toezicht/ladder/${s1.json.id}/afspraken`, { token: TOK.toezicht, body: add.op.requestBody.content['application/json'].example, expect: 201 });
  const save = OP('POST /toezicht/afspraken/{id}');
  await check(save, `${BASE}/toezicht/afspraken/${a.json.id}`, { body: {}, expect: 401 });
  await check(save, `${BASE}/toezicht/afspraken/${a.json.id}`, { token: P, body: save.op.requestBody.content['application/json'].example, expect: 403 });
  await check(save, `${BASE}/toezicht/afspraken/${a.json.id}`, { token: TOK.toezicht, body: { status: 'klaar' }, expect: 400 });
  await check(save, `${BASE}/toezicht/afspraken/999999`, { token: TOK.toezicht, body: save.op.requestBody.content['application/json'].example, expect: 404 });
  await check(save, `${BASE}/toezicht/afspraken/${a.json.id}`, { token: TOK.toezicht, raw: 'x', headers: { 'content-type': 'text/plain' }, expect: 415 });
  await check(save, `${BASE}/toezicht/afspraken/${a.json.id}`, { token: TOK.toezicht, body: save.op.requestBody.content['application/json'].example, expect: 200 });
  const dlg = OP('POST /toezicht/dialoog');
  const dbody = { ...dlg.op.requestBody.content['application/json'].example, organisatie: own.code, beoordelaars: [peer.code] };
  await check(dlg, `${BASE}/toezicht/dialoog`, { body: dbody, expect: 401 });
  await check(dlg, `${BASE}/toezicht/dialoog`, { token: P, body: dbody, expect: 403 });
  await check(dlg, `${BASE}/toezicht/dialoog`, { token: TOK.toezicht, body: { ...dbody, beoordelaars: [] }, expect: 400 });
  await check(dlg, `${BASE}/toezicht/dialoog`, { token: TOK.toezicht, raw: 'x', headers: { 'content-type': 'text/plain' }, expect: 415 });
  await check(dlg, `${BASE}/toezicht/dialoog`, { token: TOK.toezicht, body: dbody, expect: 201 });
  await check(dlg, `${BASE}/toezicht/dialoog`, { token: TOK.toezicht, body: { ...dbody, soort: 'toezichtgesprek', beoordelaars: [], zichtbaarheid: 'intern', onderwerp: 'Intern contractgesprek (fictief)' }, expect: 201 });
  const list = OP('GET /toezicht/dialoog');
  const seen = await check(list, `${BASE}/toezicht/dialoog`, { token: P, expect: 200 });
  assert.equal(seen.json.totaal, 1, 'the own editor sees only the shared record');
  await check(list, `${BASE}/toezicht/dialoog?organisatie=bestaat-niet`, { token: TOK.toezicht, expect: 400 });
  const ladder = OP('GET /toezicht/ladder');
  await check(ladder, `${BASE}/toezicht/ladder?organisatie=bestaat-niet`, { expect: 400 });
});

test('the knowledge base: add, read, change, remove; items for partners need a token', async () => {
  const orgs = (await srv.get(`${BASE}/organisaties?soort=gemeente&paginaGrootte=100`)).json.organisaties.filter((o) => o.inProvincie === true);
  addUser(srv.db, 'ct-bib-a', 'redacteur', { org: orgs[0].code });
  addUser(srv.db, 'ct-bib-b', 'redacteur', { org: orgs[1].code });
  const A = addToken(srv.db, 'ct-bib-a', 'contract');
  const B = addToken(srv.db, 'ct-bib-b', 'contract');
  const add = OP('POST /kennis/publicaties');
  const item = { soort: 'rapport', titel: 'Contractrapport (fictief)', samenvatting: 'Fictief.', datum: '2026-01-10', zichtbaarheid: 'partners' };
  await check(add, `${BASE}/kennis/publicaties`, { body: item, expect: 401 });
  const made = await check(add, `${BASE}/kennis/publicaties`, { token: A, body: item, expect: 201 });
  assert.equal(made.headers.get('location'), `${BASE}/kennis/publicaties/${made.json.id}`);
  await check(add, `${BASE}/kennis/publicaties`, { token: A, body: { ...item, url: 'ftp://example.org', datum: 'morgen' }, expect: 400 });
  await check(add, `${BASE}/kennis/publicaties`, { token: A, body: { ...item, organisatie: orgs[1].code }, expect: 403 });
  const show = OP('GET /kennis/publicaties/{id}');
  await check(show, `${BASE}/kennis/publicaties/${made.json.id}`, { expect: 404 });
  await check(show, `${BASE}/kennis/publicaties/${made.json.id}`, { token: B, expect: 200 });
  await check(show, `${BASE}/kennis/publicaties/abc`, { expect: 404 });
  const list = OP('GET /kennis/publicaties');
  const mine = await check(list, `${BASE}/kennis/publicaties?soort=rapport`, { token: B, expect: 200 });
  assert.ok(mine.json.publicaties.some((x) => x.id === made.json.id));
  const pub = await check(list, `${BASE}/kennis/publicaties?soort=rapport`, { expect: 200 });
  assert.ok(!pub.json.publicaties.some((x) => x.id === made.json.id));
  await check(list, `${BASE}/kennis/publicaties?pagina=0`, { expect: 400 });
  const patch = OP('PATCH /kennis/publicaties/{id}');
  await check(patch, `${BASE}/kennis/publicaties/${made.json.id}`, { body: { licentie: 'x' }, expect: 401 });
  await check(patch, `${BASE}/kennis/publicaties/${made.json.id}`, { token: B, body: { licentie: 'x' }, expect: 403 });
  await check(patch, `${BASE}/kennis/publicaties/${made.json.id}`, { token: A, body: { titel: '' }, expect: 400 });
  await check(patch, `${BASE}/kennis/publicaties/${made.json.id}`, { token: A, body: { licentie: 'x', versie: 7 }, expect: 409 });
  await check(patch, `${BASE}/kennis/publicaties/999999`, { token: A, body: { licentie: 'x' }, expect: 404 });
  const changed = await check(patch, `${BASE}/kennis/publicaties/${made.json.id}`, { token: A, body: patch.op.requestBody.content['application/json'].example, expect: 200 });
  assert.equal(changed.json.versie, 2);
  const del = OP('DELETE /kennis/publicaties/{id}');
  await check(del, `${BASE}/kennis/publicaties/${made.json.id}`, { expect: 401 });
  await check(del, `${BASE}/kennis/publicaties/${made.json.id}`, { token: B, expect: 403 });
  await check(del, `${BASE}/kennis/publicaties/${made.json.id}`, { token: A, expect: 204 });
  await check(del, `${BASE}/kennis/publicaties/${made.json.id}`, { token: A, expect: 404 });
});

test('every operation in the document was exercised and validated', () => {
  const missed = OPS.map((o) => o.id).filter((id) => !exercised.get(id));
  assert.deepEqual(missed, [], 'operations in docs/openapi.json that this test did not call successfully (add a fixture or examples)');
});
