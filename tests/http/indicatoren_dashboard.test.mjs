// indicatoren_dashboard — the gemeente dashboard against the real binary, on
// SQLite or PostgreSQL: the API /api/v1/kennis/gemeenten/{code}/dashboard
// (rank in the province by direction, peers by class or by an explicit
// list, mean and median without missing values, the trend, the position)
// and the page /organisaties/{code}/kennis (peer form, themes, values with
// period and source, "geen gegevens" for missing, sparklines with the
// numbers beside them). Fictional areas, indicators and values
// (tests/fixtures/indicatoren plus a fictional size class written here).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, anonymous, atlas, decodeEntities, ROOT } from './harness.mjs';

const FIX = path.join(ROOT, 'tests', 'fixtures', 'indicatoren');
let srv, anon, dir;
const imp = (file) => {
  const r = atlas(['import', 'indicatoren', file, '--db', srv.db]);
  assert.equal(r.status, 0, r.stderr);
};
const write = (name, text) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const dash = (code, q = '') => anon.getJson(`/api/v1/kennis/gemeenten/${code}/dashboard${q}`);
const item = (d, key) => d.indicatoren.find((x) => x.sleutel === key);

before(async () => {
  srv = await startServer();
  anon = anonymous(srv.base);
  dir = mkdtempSync(path.join(tmpdir(), 'atlas-dash-'));
  for (const f of ['gebieden.csv', 'indicatoren.csv', 'waarden.csv']) imp(path.join(FIX, f));
  imp(
    write(
      'klasse.csv',
      'key,naam,definitie,eenheid,thema,bron,bron_url,licentie,richting,gebiedsniveau,waarschuwing\n' +
        'klasse_gemeentegrootte,Grootteklasse (fictief),Grootteklasse (fictief).,,Vergelijkingsklassen,Testbureau (fictief),,CC BY 4.0 (fictief),neutraal,gemeente,\n',
    ),
  );
  imp(
    write(
      'klassewaarden.csv',
      'indicator,gebied,periode,waarde,bron\n' +
        'klasse_gemeentegrootte,GM9901,2024,3,Testbureau\n' +
        'klasse_gemeentegrootte,GM9902,2024,3,Testbureau\n' +
        'klasse_gemeentegrootte,GM9903,2024,2,Testbureau\n' +
        'klasse_gemeentegrootte,GM9904,2024,3,Testbureau\n',
    ),
  );
});

after(() => {
  srv?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('API: rank in the province by direction, peers of the same class, mean without missing values, trend', async () => {
  const d = await dash('gm9901');
  assert.equal(d.gemeente, 'GM9901');
  assert.equal(d.naam, 'Testwaard');
  assert.equal(d.provincie, 'PV26');
  assert.equal(d.vergelijking.klasse, 'grootteklasse');
  assert.equal(d.vergelijking.klasseWaarde, 3);
  assert.equal(d.vergelijking.klassePeriode, '2024');
  // the same class in the same period, in any province; never the gemeente itself
  assert.deepEqual(d.vergelijking.gemeenten.map((g) => g.code), ['GM9902', 'GM9904']);
  // the classes themselves are no rows
  assert.equal(item(d, 'klasse_gemeentegrootte'), undefined);
  const f = item(d, 'test_fietspaden');
  // the fixtures' newest value of GM9901 is 2024 (the 2025 CBS table is not loaded here)
  assert.equal(f.periode, '2024');
  assert.equal(f.waarde, 13.5);
  assert.deepEqual(f.reeks, [{ periode: '2023', waarde: 12.5 }, { periode: '2024', waarde: 13.5 }]);
  assert.equal(f.verandering, 1);
  // hoger is beter: Voorbeeldstad 1234.5 first; Proefdorp missing is unranked
  assert.equal(f.rang, 2);
  assert.equal(f.aantalGerangschikt, 2);
  // peers: Proefdorp missing (left out), Elders aan Zee 99
  assert.deepEqual(f.vergelijkbaar, { aantalMetWaarde: 1, gemiddelde: 99, mediaan: 99, positie: 'onder' });
  const w = item(d, 'test_wachttijd');
  assert.equal(w.waarschuwing, 'Definitie gewijzigd in 2024 (fictief).');
  // lager is beter: 2 and 2 share rank 1, 3.5 is third
  assert.equal(w.rang, 3);
  assert.equal(w.aantalGerangschikt, 3);
  assert.equal(w.verandering, null);
  assert.equal(w.vergelijkbaar.gemiddelde, 2);
  assert.equal(w.vergelijkbaar.positie, 'boven');
});

test('API: an explicit peer list, validated; unknown gemeente 404', async () => {
  const d = await dash('GM9901', '?vergelijk=gm9903,%20GM9903');
  assert.equal(d.vergelijking.klasse, null);
  assert.deepEqual(d.vergelijking.gemeenten, [{ code: 'GM9903', naam: 'Voorbeeldstad' }]);
  assert.equal(item(d, 'test_fietspaden').vergelijkbaar.gemiddelde, 1234.5);
  // a peer without a value for the period: no mean, no position
  const p = await dash('gm9903', '?vergelijk=gm9902');
  assert.deepEqual(item(p, 'test_fietspaden').vergelijkbaar, { aantalMetWaarde: 0, gemiddelde: null, mediaan: null, positie: null });
  for (const [q, re] of [
    ['?vergelijk=gm0000', /GM0000 is geen bekende gemeentecode/],
    ['?vergelijk=utrecht', /gemeentecodes zoals gm0344/],
    ['?klasse=inwoners', /kies grootteklasse, stedelijkheid, centrumfunctie of sociale_structuur/],
  ]) {
    const r = await anon.get(`/api/v1/kennis/gemeenten/gm9901/dashboard${q}`);
    assert.equal(r.status, 400, q);
    assert.match(decodeEntities(r.text), re, q);
  }
  for (const code of ['gm9999', 'PV26', 'geen-code']) {
    assert.equal((await anon.get(`/api/v1/kennis/gemeenten/${code}/dashboard`)).status, 404, code);
  }
});

test('page: a gemeente of the atlas with figures, the peer form, themes, sparklines beside the numbers', async () => {
  // Houten (gm0321 in the seed) gets fictional values for the fictional indicators
  imp(write('houten-gebied.csv', 'code,naam,niveau,provincie\nGM0321,Houten,gemeente,PV26\n'));
  imp(
    write(
      'houten.csv',
      'indicator,gebied,periode,waarde,bron\n' +
        'test_fietspaden,GM0321,2023,10,Testbureau 2023\n' +
        'test_fietspaden,GM0321,2024,20,Testbureau 2024\n' +
        'test_wachttijd,GM0321,2024,,Testbureau 2024\n' +
        'klasse_gemeentegrootte,GM0321,2024,3,Testbureau\n',
    ),
  );
  const org = await anon.get('/organisaties/gm0321');
  assert.match(org.text, /href="\/organisaties\/gm0321\/kennis"/);
  const r = await anon.get('/organisaties/gm0321/kennis');
  assert.equal(r.status, 200);
  const t = decodeEntities(r.text);
  assert.match(t, /<h1[^>]*>Cijfers van Houten<\/h1>/);
  assert.match(t, /<form[^>]*method="get"[^>]*action="\/organisaties\/gm0321\/kennis"/);
  assert.match(t, /<select[^>]*name="klasse"/);
  assert.match(t, /<h2[^>]*id="thema-1"[^>]*>Testthema<\/h2>/);
  const rows = [...t.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => m[1]);
  const fiets = rows.find((x) => /Fietspaden \(fictief\)/.test(x));
  assert.ok(fiets, rows.join('\n'));
  const text = (x) => x.replace(/<title>[\s\S]*?<\/title>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  assert.match(text(fiets), /20 2024, Testbureau 2024/);
  assert.match(fiets, /<svg[^>]*role="img"[\s\S]*<title>Verloop 2023 tot 2024: van 10 naar 20<\/title>/);
  assert.match(text(fiets), /2023: 10; 2024: 20 \(\+10\)/);
  // 1234.5, 20, 13.5 (Proefdorp missing): second of three; peers 13.5 and 99
  assert.match(text(fiets), /2 van 3/);
  assert.match(text(fiets), /56,25 mediaan 56,25, 2 gemeenten/);
  assert.match(text(fiets), /Houten ligt onder het gemiddelde van vergelijkbare gemeenten\./);
  const wacht = rows.find((x) => /Wachttijd loket/.test(x));
  assert.match(text(wacht), /geen gegevens/);
  assert.doesNotMatch(text(wacht), / 0 /);
  assert.match(wacht, /Definitie gewijzigd in 2024 \(fictief\)/);
  // an explicit selection is a shareable URL
  const own = decodeEntities((await anon.get('/organisaties/gm0321/kennis?klasse=eigen&vergelijk=gm9903')).text);
  assert.match(own, /uw eigen selectie/);
  assert.match(own, /Voorbeeldstad/);
  // the choice comes back ticked; the gemeente itself is not offered
  assert.match(own, /id="g-GM9903" value="GM9903" checked>/);
  assert.doesNotMatch(own, /id="g-GM0321"/);
  const bad = await anon.get('/organisaties/gm0321/kennis?klasse=eigen&vergelijk=gm12');
  assert.equal(bad.status, 400);
  assert.match(decodeEntities(bad.text), /gemeentecodes zoals gm0344/);
  // an organisation that is not a gemeente, and an unknown one
  assert.equal((await anon.get('/organisaties/bestaat-niet/kennis')).status, 404);
  // a gemeente without figures
  const none = await anon.get('/organisaties/gm0344/kennis');
  assert.equal(none.status, 200);
  assert.match(decodeEntities(none.text), /geen cijfers geladen/);
});

// The dashboard reads an in-memory model of the indicator data, keyed by
// the newest import event: a correction imported by another process while
// the server runs shows on the next request, and a file that changes
// nothing keeps the model.
test('a correction imported while the server runs shows at once, in the value and the peer mean', async () => {
  const before = item(await dash('gm9901'), 'test_fietspaden');
  assert.equal(before.waarde, 13.5);
  const fix = write(
    'correctie.csv',
    'indicator,gebied,periode,waarde,bron\n' +
      'test_fietspaden,GM9901,2024,14.5,Testbureau 2024 (gecorrigeerd)\n' +
      'test_fietspaden,GM9904,2024,101,Testbureau 2024 (gecorrigeerd)\n',
  );
  imp(fix);
  const after = item(await dash('gm9901'), 'test_fietspaden');
  assert.equal(after.waarde, 14.5);
  assert.equal(after.bronNotitie, 'Testbureau 2024 (gecorrigeerd)');
  assert.deepEqual(after.reeks.map((x) => x.waarde), [12.5, 14.5]);
  assert.equal(after.verandering, 2);
  // peers of class 3: GM9902 (missing), GM9904 (now 101) and Houten (20, the page test)
  assert.equal(before.vergelijkbaar.gemiddelde, 59.5);
  assert.equal(after.vergelijkbaar.gemiddelde, 60.5);
  imp(fix); // the same file again changes nothing
  assert.equal(item(await dash('gm9901'), 'test_fietspaden').waarde, 14.5);
});

test('the own selection on the page: the province\'s gemeenten as checkboxes, ticked when chosen', async () => {
  const r = await anon.get('/organisaties/gm0321/kennis?klasse=eigen&vergelijk=GM9901&vergelijk=gm9904');
  assert.equal(r.status, 200);
  assert.match(r.text, /type="checkbox" name="vergelijk" id="g-GM9901" value="GM9901" checked>/);
  assert.match(r.text, /type="checkbox" name="vergelijk" id="g-GM9902" value="GM9902">/);
  // Elders aan Zee is in another province: typed in the text field
  assert.match(r.text, /id="vergelijk-elders" name="vergelijk" aria-describedby="vergelijk-elders-uitleg" value="GM9904"/);
  assert.match(decodeEntities(r.text), /Vergelijkbaar: uw eigen selectie\. 2 gemeenten\./);
});
