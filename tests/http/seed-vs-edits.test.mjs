// seed-vs-edits — regression test: `make run` imports the seed at every
// start, so a later `atlas import seed` must never undo a partner's edit.
// (Bug found in review: the import compared every seeded column and
// overwrote records that people had changed through the web or the API.)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, atlas, addUser } from './harness.mjs';

let srv;
let token;
const KEY = 'welstand-en-monumenten-midden-nederland';

before(async () => {
  srv = await startServer();
  token = addUser(srv.db, 'staf-seed', 'programmateam', { token: 'seed' });
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
