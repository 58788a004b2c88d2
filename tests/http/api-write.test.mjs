// api-write — the write side of the open API (issue 4): POST/PUT/PATCH/DELETE
// on /api/v1/samenwerkingsverbanden and its participants with personal API
// tokens made by the CLI (`atlas user token`), If-Match (428 missing, 412
// stale, nothing changed), every invalid field in invalidParams, 401 without
// a token or with only a browser session, and the per-object authorisation
// matrix over roles. Test data written here is fictional ("Testregio ...").

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, atlas, addUser, apiClient, login } from './harness.mjs';

const C = 'veiligheidsregio-utrecht'; // the collaboration the matrix edits
const PENV = 'gm0331'; // Lopik: made penvoerder of C below
const OTHER = 'gm0344'; // Utrecht: an ordinary participant of C

let srv;
const TOK = {}; // role name -> bearer token

// An API call with the Bearer token opts.token (see apiClient).
const call = (method, p, { token, ...opts } = {}) => apiClient(srv, token).call(method, p, opts);

// A user with an API token (returned).
function addUserWithToken(name, rol, org) {
  const token = addUser(srv.db, name, rol, { org, token: 'test' });
  assert.match(token, /^\S{20,}$/);
  return token;
}

const etagOf = async (path) => {
  const r = await srv.get(path);
  assert.equal(r.status, 200, `GET ${path}`);
  return r.headers.get('etag');
};
const collabPath = (k) => `/api/v1/samenwerkingsverbanden/${k}`;

async function partOf(key, org) {
  const c = await srv.getJson(collabPath(key));
  const p = c.deelnemers.find((d) => d.organisatie.code === org && d.actief);
  assert.ok(p, `${org} in ${key}`);
  return p;
}

before(async () => {
  srv = await startServer();
  TOK.programmateam = addUserWithToken('staf1', 'programmateam');
  TOK.beheerder = addUserWithToken('beheer1', 'beheerder');
  TOK['redacteur-penvoerder'] = addUserWithToken('red-penv', 'redacteur', PENV);
  TOK['redacteur-ander'] = addUserWithToken('red-ander', 'redacteur', OTHER);
  TOK.accounthouder = addUserWithToken('account1', 'accounthouder');
  TOK.toezichthouder = addUserWithToken('toezicht1', 'toezichthouder');
  // make Lopik penvoerder of C (as programme staff, through the API)
  const p = await partOf(C, PENV);
  const path = `${collabPath(C)}/deelnemers/${p.id}`;
  const r = await call('PATCH', path, { token: TOK.programmateam, ifMatch: await etagOf(path), body: { rol: 'penvoerder' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.rol, 'penvoerder');
});

after(async () => {
  await srv?.stop();
});

test('writes without a token, with a wrong token or with only a session cookie get 401', async () => {
  const etag = await etagOf(collabPath(C));
  let r = await call('PATCH', collabPath(C), { ifMatch: etag, body: { opmerking: 'x' } });
  assert.equal(r.status, 401);
  assert.match(r.headers.get('www-authenticate') || '', /^Bearer/);
  assert.equal(r.headers.get('content-type'), 'application/problem+json');
  r = await call('PATCH', collabPath(C), { token: 'satl_nietgeldig', ifMatch: etag, body: { opmerking: 'x' } });
  assert.equal(r.status, 401);

  // sign in through the web form: the session cookie must not authorise API writes
  const { cookie } = await login(srv.base, 'staf1', { csrf: false });
  r = await call('PATCH', collabPath(C), { ifMatch: etag, body: { opmerking: 'via cookie' }, headers: { cookie } });
  assert.equal(r.status, 401);
  r = await call('POST', '/api/v1/samenwerkingsverbanden', { body: { naam: 'Testregio Cookie' }, headers: { cookie } });
  assert.equal(r.status, 401);
  const now = await srv.getJson(collabPath(C));
  assert.notEqual(now.opmerking, 'via cookie');
  assert.equal(await etagOf(collabPath(C)), etag, 'nothing changed');
});

test('create, read back, patch, put and end a collaboration', async () => {
  const t = TOK.programmateam;
  const input = {
    naam: 'Testregio Waterland <b>&</b>',
    korteNaam: 'TWL',
    soort: 'wgr',
    juridischeVorm: 'OL',
    beleidsdomeinen: ['veiligheid'],
    fase: 'groei',
    doel: 'Een fictieve regeling om de API te testen.',
    startdatum: '2020-01-01',
    website: 'https://example.org/testregio',
  };
  let r = await call('POST', '/api/v1/samenwerkingsverbanden', { token: t, body: input });
  assert.equal(r.status, 201, r.text);
  const loc = r.headers.get('location');
  assert.match(loc, /^\/api\/v1\/samenwerkingsverbanden\/[a-z0-9-]+$/);
  assert.match(r.headers.get('etag'), /^"c\d+-v1-v\d+-\d{4}-\d\d-\d\d"$/); // record version + snapshot tag
  assert.equal(r.json.naam, input.naam);
  assert.equal(r.json.fase, 'groei');

  // visible right away, with the same per-record ETag
  const got = await srv.getJson(loc);
  assert.equal(got.naam, input.naam);
  assert.equal(got.versie, 1);
  let etag = await etagOf(loc);
  // the record part (id and version) is what If-Match checks; the snapshot tag may move on
  const recordPart = (e) => e.match(/^(?:W\/)?"([cp]\d+-v\d+)/)[1];
  assert.equal(recordPart(etag), recordPart(r.headers.get('etag')));
  const list = await srv.getJson('/api/v1/samenwerkingsverbanden?paginaGrootte=100&status=alle');
  assert.ok(list.samenwerkingsverbanden.some((c) => c.naam === input.naam), 'in the list');

  // PATCH: only the given field changes
  r = await call('PATCH', loc, { token: t, ifMatch: etag, body: { fase: 'stabilisatie' }, type: 'application/merge-patch+json' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.fase, 'stabilisatie');
  assert.equal(r.json.korteNaam, 'TWL');
  assert.match(r.headers.get('etag'), /^"c\d+-v2-/);
  assert.equal((await srv.getJson(loc)).fase, 'stabilisatie');

  // PUT: everything replaced; fields left out are cleared
  etag = await etagOf(loc);
  r = await call('PUT', loc, {
    token: t,
    ifMatch: etag,
    body: { naam: 'Testregio Waterland', soort: 'netwerk', beleidsdomeinen: ['veiligheid'], fase: 'transformatie' },
  });
  assert.equal(r.status, 200, r.text);
  const put = await srv.getJson(loc);
  assert.equal(put.naam, 'Testregio Waterland');
  assert.equal(put.soort, 'netwerk');
  assert.equal(put.korteNaam, null);
  assert.equal(put.doel, null);

  // DELETE ends it (soft): still there, no longer active
  etag = await etagOf(loc);
  r = await call('DELETE', loc, { token: t, ifMatch: etag });
  assert.ok(r.status === 200 || r.status === 204, r.text);
  const ended = await srv.getJson(loc);
  assert.equal(ended.actief, false);
  assert.equal(ended.fase, 'beeindigd');
  assert.ok(ended.einddatum);
});

test('If-Match: missing → 428, stale → 412 with the current version; nothing changes', async () => {
  const t = TOK.programmateam;
  const before1 = await srv.getJson(collabPath(C));
  const etag = await etagOf(collabPath(C));
  let r = await call('PATCH', collabPath(C), { token: t, body: { vestigingsplaats: 'Nergensveen' } });
  assert.equal(r.status, 428);
  assert.equal(r.json.status, 428);

  const stale = `"c1-v${before1.versie - 1}"`;
  r = await call('PATCH', collabPath(C), { token: t, ifMatch: `"c999999-v1"`, body: { vestigingsplaats: 'Nergensveen' } });
  assert.equal(r.status, 412);
  r = await call('PATCH', collabPath(C), {
    token: t,
    ifMatch: etag.replace(/-v(\d+)/, (m, v) => `-v${Number(v) - 1}`),
    body: { vestigingsplaats: 'Nergensveen' },
  });
  assert.equal(r.status, 412, r.text);
  assert.equal(r.headers.get('etag'), etag.replace(/-gz"$/, '"'));
  assert.match(r.json.detail, new RegExp(`versie is ${before1.versie}\\b`));
  assert.ok(stale);
  const after1 = await srv.getJson(collabPath(C));
  assert.equal(after1.vestigingsplaats, before1.vestigingsplaats);
  assert.equal(after1.versie, before1.versie);
  assert.equal(await etagOf(collabPath(C)), etag);
});

test('invalid bodies: every invalid field in invalidParams, unknown fields named, bad JSON → 400', async () => {
  const t = TOK.programmateam;
  const etag = await etagOf(collabPath(C));
  let r = await call('PATCH', collabPath(C), {
    token: t,
    ifMatch: etag,
    body: { naam: '', fase: 'bloei', startdatum: '2022-02-31', website: 'javascript:alert(1)' },
  });
  assert.equal(r.status, 400, r.text);
  assert.equal(r.headers.get('content-type'), 'application/problem+json');
  const names = r.json.invalidParams.map((p) => p.name).sort();
  assert.deepEqual(names, ['fase', 'naam', 'startdatum', 'website']);
  for (const p of r.json.invalidParams) assert.ok(p.reason.length > 5);

  r = await call('PATCH', collabPath(C), { token: t, ifMatch: etag, body: { kleur: 'rood', fase: 'groei', naam: 5 } });
  assert.equal(r.status, 400);
  assert.deepEqual(r.json.invalidParams.map((p) => p.name).sort(), ['kleur', 'naam']);

  r = await call('PATCH', collabPath(C), { token: t, ifMatch: etag, body: '{"fase": "groei",' });
  assert.equal(r.status, 400);
  r = await call('PATCH', collabPath(C), { token: t, ifMatch: etag, body: '[1,2]' });
  assert.equal(r.status, 400);
  r = await call('POST', '/api/v1/samenwerkingsverbanden', { token: t, body: { naam: 'x', soort: 'iets', beleidsdomeinen: [] } });
  assert.equal(r.status, 400);
  assert.ok(r.json.invalidParams.length >= 3, JSON.stringify(r.json.invalidParams));
  assert.equal(await etagOf(collabPath(C)), etag, 'nothing changed');
});

test('participations: add, change and end through the API', async () => {
  const t = TOK.programmateam;
  let r = await call('POST', `${collabPath(C)}/deelnemers`, {
    token: t,
    body: { organisatie: 'pv26', rol: 'toehoorder', toegetreden: '2025-01-01', bijdrage: 1000 },
  });
  assert.equal(r.status, 201, r.text);
  const loc = r.headers.get('location');
  assert.match(loc, /\/deelnemers\/\d+$/);
  assert.match(r.headers.get('etag'), /^"p\d+-v1-v\d+-\d{4}-\d\d-\d\d"$/);
  assert.equal(r.json.rol, 'toehoorder');

  let etag = await etagOf(loc);
  r = await call('PATCH', loc, { token: t, ifMatch: etag, body: { rol: 'deelnemer', kostenverdeelsleutel: 0.125 } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.rol, 'deelnemer');
  assert.equal(r.json.kostenverdeelsleutel, 0.125);

  r = await call('PATCH', loc, { token: t, ifMatch: etag, body: { rol: 'trekker' } });
  assert.equal(r.status, 412, 'stale participation ETag');
  r = await call('PATCH', loc, { token: t, ifMatch: await etagOf(loc), body: { organisatie: 'gm0344' } });
  assert.equal(r.status, 400);
  assert.equal(r.json.invalidParams[0].name, 'organisatie');

  etag = await etagOf(loc);
  r = await call('DELETE', `${loc}?uitgetreden=2025-06-30`, { token: t, ifMatch: etag });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.uitgetreden, '2025-06-30');
  assert.equal(r.json.actief, false);
  const c = await srv.getJson(collabPath(C));
  const p = c.deelnemers.find((d) => loc.endsWith(`/${d.id}`));
  assert.equal(p.uitgetreden, '2025-06-30');
});

// The authorisation matrix: every write route × every role.
let day = 0; // distinct joining dates (one participation per organisation and date)
const nextJoined = () => `2024-01-${String(++day).padStart(2, '0')}`;
// organisations outside C, one per successful POST (one active participation each)
const FREE = ['waterschap-brabantse-delta', 'waterschap-de-dommel', 'waterschap-blija-buitendijks', 'hoogheemraadschap-van-delfland'];
let freeIdx = 0;
const ROLES = ['anoniem', 'redacteur-penvoerder', 'redacteur-ander', 'accounthouder', 'toezichthouder', 'programmateam', 'beheerder'];
const ROUTES = [
  // [name, roles allowed, async fn(token) → response]
  ['PATCH samenwerkingsverband', new Set(['redacteur-penvoerder', 'programmateam', 'beheerder']), async (token) =>
    call('PATCH', collabPath(C), { token, ifMatch: await etagOf(collabPath(C)), body: { opmerking: `matrix ${Math.random()}` } })],
  ['PUT samenwerkingsverband', new Set(['redacteur-penvoerder', 'programmateam', 'beheerder']), async (token) => {
    const cur = await srv.getJson(collabPath(C));
    return call('PUT', collabPath(C), {
      token,
      ifMatch: await etagOf(collabPath(C)),
      body: {
        naam: cur.naam, korteNaam: cur.korteNaam, soort: cur.soort, juridischeVorm: cur.juridischeVorm,
        bevoegdheidsverkrijging: cur.bevoegdheidsverkrijging, beleidsdomeinen: cur.beleidsdomeinen, fase: cur.fase,
        doel: cur.doel, vestigingsplaats: cur.vestigingsplaats, startdatum: cur.startdatum, website: cur.website,
        opmerking: `matrix put ${Math.random()}`, bron: cur.bron,
      },
    });
  }],
  ['PATCH deelname van een andere organisatie', new Set(['redacteur-penvoerder', 'programmateam', 'beheerder']), async (token) => {
    const p = await partOf(C, 'gm0307');
    const path = `${collabPath(C)}/deelnemers/${p.id}`;
    return call('PATCH', path, { token, ifMatch: await etagOf(path), body: { opmerking: `m ${Math.random()}` } });
  }],
  ['PATCH eigen deelname (Utrecht)', new Set(['redacteur-penvoerder', 'redacteur-ander', 'programmateam', 'beheerder']), async (token) => {
    const p = await partOf(C, OTHER);
    const path = `${collabPath(C)}/deelnemers/${p.id}`;
    return call('PATCH', path, { token, ifMatch: await etagOf(path), body: { opmerking: `m ${Math.random()}` } });
  }],
  ['POST deelnemer (een waterschap)', new Set(['redacteur-penvoerder', 'programmateam', 'beheerder']), async (token) =>
    {
    const r = await call('POST', `${collabPath(C)}/deelnemers`, { token, body: { organisatie: FREE[freeIdx], rol: 'toehoorder', toegetreden: nextJoined() } });
    if (r.status === 201) freeIdx++;
    return r;
  }],
  ['DELETE deelname (Waterschap Aa en Maas)', new Set(['redacteur-penvoerder', 'programmateam', 'beheerder']), async (token) => {
    let c = await srv.getJson(collabPath(C));
    if (!c.deelnemers.some((d) => d.organisatie.code === 'waterschap-aa-en-maas' && d.actief)) {
      const add = await call('POST', `${collabPath(C)}/deelnemers`, {
        token: TOK.programmateam,
        body: { organisatie: 'waterschap-aa-en-maas', rol: 'toehoorder', toegetreden: nextJoined() },
      });
      assert.equal(add.status, 201, add.text);
      c = await srv.getJson(collabPath(C));
    }
    const p = c.deelnemers.find((d) => d.organisatie.code === 'waterschap-aa-en-maas' && d.actief);
    const path = `${collabPath(C)}/deelnemers/${p.id}`;
    return call('DELETE', path, { token, ifMatch: await etagOf(path) });
  }],
];

test('authorisation matrix: write route × role', async () => {
  const problems = [];
  for (const [name, ok, fn] of ROUTES) {
    for (const role of ROLES) {
      const r = await fn(TOK[role]);
      const expect = role === 'anoniem' ? 401 : ok.has(role) ? 'ok' : 403;
      const good = expect === 'ok' ? r.status >= 200 && r.status < 300 : r.status === expect;
      if (!good) problems.push(`${name} as ${role}: expected ${expect}, got ${r.status} ${r.text.slice(0, 200)}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('an editor of another organisation cannot end or create for others; DELETE of a collaboration is 403', async () => {
  let r = await call('DELETE', collabPath(C), { token: TOK['redacteur-ander'], ifMatch: await etagOf(collabPath(C)) });
  assert.equal(r.status, 403);
  r = await call('POST', `${collabPath(C)}/deelnemers`, { token: TOK['redacteur-ander'], body: { organisatie: 'gm0340', rol: 'deelnemer' } });
  assert.equal(r.status, 403);
  assert.equal((await srv.getJson(collabPath(C))).actief, true);
});
