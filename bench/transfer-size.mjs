#!/usr/bin/env node
// transfer-size — what the map page /kaart costs a first-time visitor on
// the wire: the HTML, every stylesheet, script and image it links, the
// favicon, and the GeoJSON the script fetches (/api/v1/kaart), each
// requested with Accept-Encoding: gzip and counted as compressed bytes
// received (body only, no headers). Prints one line per resource and the
// total against the budget (<= 300 KB). Usage:
//   node bench/transfer-size.mjs http://127.0.0.1:8080 [/kaart]
// Exits 0 whatever the figure (a benchmark, not a test); 1 on set-up errors.

import http from 'node:http';
import zlib from 'node:zlib';

const base = process.argv[2] || 'http://127.0.0.1:8080';
const page = process.argv[3] || '/kaart';
const BUDGET = 300 * 1024;

function get(url) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const gz = res.headers['content-encoding'] === 'gzip';
        resolve({ status: res.statusCode, wire: raw.length, gz, body: gz ? zlib.gunzipSync(raw) : raw });
      });
      res.on('error', reject);
    }).on('error', reject);
  });
}

try {
  const html = await get(base + page);
  if (html.status !== 200) throw new Error(`${page}: status ${html.status}`);
  const text = html.body.toString('utf8');
  const urls = new Set();
  for (const m of text.matchAll(/<(?:link|script|img)\b[^>]*\s(?:href|src)="(\/[^"]+)"/g)) urls.add(m[1].replace(/&amp;/g, '&'));
  // the data the script fetches: the API with the page's own query
  const api = text.match(/data-api="([^"]+)"/);
  if (api) urls.add(api[1] + (page.includes('?') ? page.slice(page.indexOf('?')) : ''));
  const rows = [[page, html.wire, html.body.length, html.gz]];
  for (const u of urls) {
    const r = await get(base + u);
    if (r.status !== 200) throw new Error(`${u}: status ${r.status}`);
    rows.push([u, r.wire, r.body.length, r.gz]);
  }
  let total = 0;
  let raw = 0;
  for (const [u, wire, size, gz] of rows) {
    total += wire;
    raw += size;
    console.log(`${String(wire).padStart(8)} B ${gz ? 'gzip' : '    '} (${String(size).padStart(7)} B ongecomprimeerd)  ${u}`);
  }
  const kb = (n) => (n / 1024).toFixed(1);
  console.log(`Totaal ${page}: ${kb(total)} KB over de lijn (${kb(raw)} KB ongecomprimeerd), ${rows.length} bestanden`);
  console.log(`  Doel (issue 3): ${page} <= 300 KB gecomprimeerd: ${total <= BUDGET ? 'GEHAALD' : 'NIET GEHAALD'}`);
} catch (e) {
  console.error(`transfer-size: ${e.message}`);
  process.exit(1);
}
