// seed-vs-edits — regression test: `make run` imports the seed at every
// start, so a later `atlas import seed` must never undo a partner's edit.
// (Bug found in review: the import compared every seeded column and
// overwrote records that people had changed through the web or the API.)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startServer, atlas, ATLAS, ROOT } from './harness.mjs';

let srv;
let token;
const KEY = 'welstand-en-monumenten-midden-nederland';

before(async () => {
  srv = await startServer();
  const add = spawnSync(ATLAS, ['user', 'add', 'staf-seed', '--rol', 'programmateam', '--wachtwoord-stdin', '--db', srv.db], {
    cwd: ROOT, input: 'een-lang-testwachtwoord\n', encoding: 'utf8', timeout: 60_000,
  });
  assert.equal(add.status, 0, add.stderr);
  const t = atlas(['user', 'token', 'staf-seed', '--naam', 'seed', '--db', srv.db]);
  assert.equal(t.status, 0, t.stderr);
  token = t.stdout.trim().split(/\s+/).pop();
});

after(async () => {
  await srv?.stop();
});

test('an edited record survives a second seed import', async () => {
  const path = `/api/v1/samenwerkingsverbanden/${KEY}`;
  const before1 = await srv.get(path);
  assert.equal(before1.status, 200);
  const etag = before1.headers.get('etag');
  const r = await srv.get(path, { authorization: `Bearer ${token}`, 'if-match': etag, 'content-type': 'application/json' }, {
    method: 'PATCH',
    body: JSON.stringify({ fase: 'transformatie', vestigingsplaats: 'Testplaats (bewerkt)' }),
  });
  assert.equal(r.status, 200, r.text);

  const imp = atlas(['import', 'seed', '--db', srv.db]);
  assert.equal(imp.status, 0, imp.stderr);
  assert.match(imp.stdout, /collaborations: 0 toegevoegd, 0 gewijzigd/);

  // the server notices another process's write within a second
  await new Promise((res) => setTimeout(res, 1200));
  const after1 = await srv.getJson(path);
  assert.equal(after1.fase, 'transformatie');
  assert.equal(after1.vestigingsplaats, 'Testplaats (bewerkt)');
});

test('records nobody edited are still brought in line with the seed', async () => {
  const imp = atlas(['import', 'seed', '--db', srv.db]);
  assert.equal(imp.status, 0, imp.stderr);
  assert.match(imp.stdout, /organisations: 0 toegevoegd, 0 gewijzigd, \d+ ongewijzigd/);
});
