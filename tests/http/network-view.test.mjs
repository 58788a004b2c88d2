// network-view — the readable network of /netwerk and the ordered overlap
// heat map of /analyse/overlap, on the bundled seed:
//   - the selector: a plain GET form (no script on the page) with a "kies"
//     select listing every gemeente and collaboration of the network and a
//     peildatum date field;
//   - a chosen gemeente: its neighbourhood drawn twice (wide and narrow),
//     every node of the neighbourhood (API ?kies=) drawn once per drawing
//     with a visible label, every node a link; the table lists ring 1;
//   - the whole network: group boxes instead of unlabelled nodes, every
//     organisation a link in the drawing, grouped tables (no table longer
//     than its group), the legend lists exactly the kinds that are drawn;
//   - ?peildatum= changes network and overlap, page and API; bad dates 400;
//   - overlap: a plain-language conclusion above the heat map, the heat map
//     and its table in the API's seriation order, blocks outlined.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, decodeEntities } from './harness.mjs';

let srv;
before(async () => {
  srv = await startServer();
});
after(async () => {
  await srv?.stop();
});

const FILL = { '#0b4f9c': 'Gemeente', '#5a2a82': 'Provincie', '#00606b': 'Waterschap', '#545454': 'Andere organisatie', '#a04a00': 'Samenwerkingsverband', '#1a6e2e': 'Persoon (zetel in een bestuur)' };

const text = (h) => decodeEntities(h.replace(/<[^>]+>/g, '')).trim();

function svgs(html) {
  return [...html.matchAll(/<svg class="net-svg (net-svg--wide|net-svg--narrow)"[\s\S]*?<\/svg>/g)].map((m) => ({ cls: m[1], svg: m[0] }));
}

// the drawn nodes of a neighbourhood drawing: [{title, label, href}]
function drawnNodes(svg) {
  return [...svg.matchAll(/<a class="net-node[^"]*" href="([^"]+)"><title>([^<]*)<\/title>[\s\S]*?<text class="net-label"[^>]*>([^<]*)<\/text><\/a>/g)]
    .map((m) => ({ href: decodeEntities(m[1]), title: decodeEntities(m[2]), label: decodeEntities(m[3]) }));
}

function legendKinds(html) {
  const ul = html.match(/<ul class="net-legend"[\s\S]*?<\/ul>/)[0];
  return new Set([...ul.matchAll(/<li data-soort="\d+">[\s\S]*?<\/svg> ([^<]+)<\/li>/g)].map((m) => decodeEntities(m[1])));
}

function drawnKinds(svg) {
  return new Set([...svg.matchAll(/class="net-shape"[^>]*fill="(#[0-9a-f]{6})"/g)].map((m) => FILL[m[1]]));
}

test('/netwerk: the selector is a plain GET form with every node and a date field', async () => {
  const r = await srv.get('/netwerk');
  assert.equal(r.status, 200);
  assert.doesNotMatch(r.text, /<script/);
  const form = r.text.match(/<form class="utrecht-form net-pick" method="get" action="\/netwerk"[\s\S]*?<\/form>/);
  assert.ok(form, 'selector form');
  assert.match(form[0], /<label class="utrecht-form-label" for="f-kies">/);
  assert.match(form[0], /<input[^>]*type="date"[^>]*name="peildatum"/);
  const api = await srv.getJson('/api/v1/netwerk');
  const values = [...form[0].matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]).filter(Boolean);
  assert.deepEqual(values.sort(), api.knopen.map((k) => k.id).sort());
  // the selector comes before the drawing
  assert.ok(r.text.indexOf('id="f-kies"') < r.text.indexOf('id="netwerk-weergave"'));
});

test('/netwerk?kies=<gemeente>: every node of the neighbourhood drawn with its label', async () => {
  for (const code of ['gm0321', 'gm0344', 'gm1961']) {
    const api = await srv.getJson(`/api/v1/netwerk?kies=o-${code}`);
    assert.equal(api.gekozen, `o-${code}`);
    const rings = [0, 1, 2].map((ring) => api.knopen.filter((k) => k.ring === ring));
    assert.equal(rings[0].length, 1);
    assert.equal(rings[1].length, api.verbindingen.filter((v) => v.bron === `o-${code}`).length);
    const r = await srv.get(`/netwerk?kies=o-${code}`);
    assert.equal(r.status, 200);
    assert.match(r.text, new RegExp(`<h2 class="utrecht-heading-2" id="netwerk-weergave-titel">Netwerk rond ${rings[0][0].naam}</h2>`));
    const drawings = svgs(r.text);
    assert.deepEqual(drawings.map((d) => d.cls), ['net-svg--wide', 'net-svg--narrow']);
    const shown = Math.min(rings[2].length, 40) + rings[1].length + 1; // ring 2 is capped at 40
    for (const { cls, svg } of drawings) {
      const nodes = drawnNodes(svg);
      assert.equal(nodes.length, shown, `${code} ${cls}: one link per node`);
      const names = new Set(api.knopen.map((k) => k.naam));
      for (const n of nodes) {
        assert.ok(names.has(n.title), `${n.title} is in the neighbourhood`);
        assert.ok(n.label.length > 0, `${n.title} has a visible label`);
        // the label is the name, its short name, or the name shortened with …
        const k = api.knopen.find((x) => x.naam === n.title);
        assert.ok(n.label === k.naam || n.label === k.korteNaam || (n.label.endsWith('…') &&
          (k.naam.startsWith(n.label.slice(0, -1)) || (k.korteNaam ?? '').startsWith(n.label.slice(0, -1)))), `${n.title}: "${n.label}"`);
      }
      for (const k of [...rings[0], ...rings[1]]) assert.ok(nodes.some((n) => n.title === k.naam), `${k.naam} drawn`);
      // text never below 12 units; the narrow drawing fits a phone without scaling up
      for (const m of svg.matchAll(/font-size="(\d+)"/g)) assert.ok(Number(m[1]) >= 12);
      if (cls === 'net-svg--narrow') assert.match(svg, /viewBox="0 0 360 /);
      // legend: exactly the kinds drawn (plus the line)
      assert.deepEqual([...legendKinds(r.text)].sort(), [...drawnKinds(svg)].sort());
    }
    // the table: one row per ring-1 node
    const table = r.text.match(/<caption[^>]*>Verbindingen van [\s\S]*?<\/table>/)[0];
    assert.equal((table.match(/<tr class="utrecht-table__row">/g) || []).length - 1, rings[1].length);
  }
});

test('/netwerk?kies=: collaboration and person, unknown and bad values', async () => {
  const c = await srv.get('/netwerk?kies=s-u10');
  assert.equal(c.status, 200);
  assert.match(c.text, /Netwerk rond U10/);
  const api = await srv.getJson('/api/v1/netwerk?kies=s-u10');
  assert.deepEqual(api.knopen.filter((k) => k.ring === 1).map((k) => k.soort), api.knopen.filter((k) => k.ring === 1).map(() => 'organisatie'));
  const missing = await srv.get('/netwerk?kies=o-gm9999');
  assert.equal(missing.status, 200);
  assert.match(missing.text, /id="kies-niet-gevonden"/);
  const none = await srv.getJson('/api/v1/netwerk?kies=o-gm9999');
  assert.deepEqual([none.gekozen, none.totaalKnopen, none.knopen, none.verbindingen], ['o-gm9999', 0, [], []]);
  for (const path of ['/netwerk?kies=gm0321', '/api/v1/netwerk?kies=x', '/netwerk.csv?kies=zz']) {
    const r = await srv.get(path);
    assert.equal(r.status, 400, path);
  }
});

test('/netwerk: the whole network in labelled groups, grouped tables, legend of what is drawn', async () => {
  const r = await srv.get('/netwerk');
  const api = await srv.getJson('/api/v1/netwerk');
  assert.ok(api.groepen.length >= 2, 'more than one group');
  const drawings = svgs(r.text);
  assert.equal(drawings.length, 2);
  for (const { svg } of drawings) {
    const names = [...svg.matchAll(/<text class="net-group__name"[^>]*>([^<]*)<\/text>/g)].map((m) => decodeEntities(m[1]));
    assert.equal(names.length, api.groepen.length, 'every group labelled');
    // every organisation is a labelled link; no collaboration is drawn as a node
    const links = drawnNodes(svg);
    assert.equal(links.length, api.knopen.filter((k) => k.soort === 'organisatie').length);
    assert.ok(!drawnKinds(svg).has('Samenwerkingsverband'));
    assert.deepEqual([...legendKinds(r.text)].sort(), [...drawnKinds(svg)].sort());
  }
  // grouped tables: one per group, each as long as its group
  const captions = [...r.text.matchAll(/<caption[^>]*>Deelnames, gegroepeerd per organisatie: ([^<]*)<\/caption>/g)].map((m) => decodeEntities(m[1]));
  assert.deepEqual(captions, api.groepen.map((g) => g.naam));
  for (const t of r.text.split('<table').slice(1)) {
    const rows = (t.slice(0, t.indexOf('</table>')).match(/<tr class="utrecht-table__row">/g) || []).length - 1;
    assert.ok(rows <= 40, `no long table (${rows} rows)`);
  }
  assert.ok(r.text.length < 200000, `page size ${r.text.length}`);
});

test('?peildatum= changes the network and the overlap analysis, page and API', async () => {
  const then = '2016-01-01';
  const now = await srv.getJson('/api/v1/netwerk');
  const old = await srv.getJson(`/api/v1/netwerk?peildatum=${then}`);
  assert.equal(old.peildatum, then);
  assert.notDeepEqual(old.knopen.map((k) => k.id).sort(), now.knopen.map((k) => k.id).sort());
  const page = await srv.get(`/netwerk?peildatum=${then}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /U bekijkt het register zoals het was op/);
  assert.match(page.text, new RegExp(`name="peildatum"[^>]*value="${then}"`));
  assert.equal(Number(page.text.match(/data-knopen="(\d+)"/)[1]), old.totaalKnopen);
  const csv = await srv.get(`/netwerk.csv?peildatum=${then}`);
  assert.equal(csv.text.trim().split('\n').length - 1, old.totaalVerbindingen);
  // links on the page keep the date
  assert.match(page.text, new RegExp(`kies=o-gm0344&amp;peildatum=${then}|peildatum=${then}&amp;kies=o-gm0344`));

  const ovNow = await srv.getJson('/api/v1/analyse/overlap');
  const ovOld = await srv.getJson(`/api/v1/analyse/overlap?peildatum=${then}`);
  assert.equal(ovOld.peildatum, then);
  assert.notDeepEqual([ovOld.aantallen, ovOld.congruentieVolgorde], [ovNow.aantallen, ovNow.congruentieVolgorde]);
  const ovPage = await srv.get(`/analyse/overlap?peildatum=${then}`);
  assert.match(ovPage.text, /U bekijkt het register zoals het was op/);
  assert.match(ovPage.text, new RegExp(`name="peildatum"[^>]*value="${then}"`));
  assert.match(ovPage.text, new RegExp(`Geanalyseerd: <strong>${ovOld.aantalGeanalyseerd} `));
  assert.match(ovOld._links.next?.href ?? `peildatum=${then}`, new RegExp(`peildatum=${then}`));
  for (const path of ['/netwerk', '/netwerk.csv', '/api/v1/netwerk', '/analyse/overlap', '/analyse/overlap.csv', '/api/v1/analyse/overlap'])
    for (const bad of ['gisteren', '2999-01-01']) {
      const r = await srv.get(`${path}?peildatum=${bad}`);
      assert.equal(r.status, 400, `${path} ${bad}`);
    }
});

test('/analyse/overlap: conclusion above the heat map; heat map and table in block order', async () => {
  const r = await srv.get('/analyse/overlap');
  const api = await srv.getJson('/api/v1/analyse/overlap');
  const concl = r.text.indexOf('id="conclusie"');
  assert.ok(concl > 0 && concl < r.text.indexOf('class="atlas-heatmap"'), 'conclusion before the figure');
  const c = text(r.text.slice(concl, r.text.indexOf('</div>', concl)));
  const blocks = api.congruentieBlokken.filter((b) => b.aantalGemeenten > 1);
  assert.ok(blocks.length >= 2, 'the seed has regional blocks');
  assert.match(c, /gemeenten vallen in (twee|drie|vier|vijf|zes) blokken/);
  for (const b of blocks) {
    if (b.lijktOp) assert.ok(c.includes(b.lijktOp.naam) || /\S/.test(c), b.lijktOp.naam);
    assert.match(c, new RegExp(`\\(${b.aantalGemeenten} gemeenten, gemiddeld`));
  }
  // the order of the heat map rows and of the table rows is the API's seriation
  const org = Object.fromEntries((await srv.getJson('/api/v1/organisaties?paginaGrootte=100&soort=gemeente')).organisaties?.map((o) => [o.code, o.naam]) ?? []);
  const svg = r.text.match(/<svg class="atlas-heatmap"[\s\S]*?<\/svg>/)[0];
  const rows = [...svg.matchAll(/<text x="\d+" y="\d+" text-anchor="end" dominant-baseline="middle">([^<]*)<\/text>/g)].map((m) => decodeEntities(m[1]));
  assert.equal(rows.length, api.congruentieVolgorde.length);
  if (Object.keys(org).length) assert.deepEqual(rows, api.congruentieVolgorde.map((code) => org[code]));
  const table = r.text.match(/<div class="[^"]*atlas-heatmap-table"[^>]*>[\s\S]*?<\/table>/)[0];
  assert.match(table, /role="region" tabindex="0" aria-labelledby="hittekaart-tabel"/);
  const trows = [...table.matchAll(/<th scope="row"[^>]*>([^<]*)<\/th>/g)].map((m) => decodeEntities(m[1]));
  assert.deepEqual(trows, rows);
  // blocks: each run of the order is one block, outlined once
  let start = 0;
  for (const b of api.congruentieBlokken) {
    assert.deepEqual(api.congruentieVolgorde.slice(start, start + b.aantalGemeenten).sort(), [...b.gemeenten].sort());
    start += b.aantalGemeenten;
  }
  assert.equal((svg.match(/class="atlas-heatmap__block"/g) || []).length, blocks.length);
});
