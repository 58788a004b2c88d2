// bench/visibility.mjs — how soon an edit on one instance is visible on
// another (bench/national.sh, PostgreSQL; issue 16).
//
//   node bench/visibility.mjs BASE_A BASE_B TOKEN KEY...
//
// Two `atlas serve` processes on the same PostgreSQL database. VIS_ROUNDS
// (100) times, one after the other: GET the JSON detail of a collaboration on
// instance A (keys in turn) for its ETag, PATCH it on A with If-Match, and —
// from the moment A acknowledged the PATCH (2xx) — GET the same JSON detail
// on instance B in a tight loop (one keep-alive connection, no pause) until
// B's ETag carries the record version A returned ("c<id>-v<version>-…"; the
// part after the version is the snapshot tag, which differs per instance).
// The delay is the time from A's reply to the first B reply with the new
// version (0 polls would be needed when B had it before A replied: then it
// is the time of the first poll); also reported, from the moment the PATCH
// was sent. A round gives up after VIS_TIMEOUT_MS (5000) and counts as missed.
// Between rounds it waits VIS_PAUSE_MS (20), so the rounds do not queue
// behind each other.
//
// Prints a human-readable summary and one line
//   VISIBILITY rounds=… seen=… missed=… write_errors=… p50=… p99=… max=…
//              polls_p50=… send_p50=… send_p99=…
// (times in ms). Exit status 0 unless the set-up fails.
import http from 'node:http';

const [baseA, baseB, token, ...keys] = process.argv.slice(2);
if (!baseA || !baseB || !token || !keys.length) {
  console.error('usage: node bench/visibility.mjs BASE_A BASE_B TOKEN KEY...');
  process.exit(2);
}
const rounds = Number(process.env.VIS_ROUNDS || 100);
const timeout = Number(process.env.VIS_TIMEOUT_MS || 5000);
const pause = Number(process.env.VIS_PAUSE_MS || 20);
const api = '/api/v1/samenwerkingsverbanden/';

const now = () => Number(process.hrtime.bigint()) / 1e6;
function request(base, agent, method, path, headers = {}, body = null) {
  return new Promise((resolve) => {
    const req = http.request(base + path, { method, agent, headers }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve({ status: res.statusCode, etag: res.headers.etag || '' }));
      res.on('error', () => resolve({ status: 0, etag: '' }));
    });
    req.on('error', () => resolve({ status: 0, etag: '' }));
    if (body) req.end(body);
    else req.end();
  });
}
const version = (etag) => {
  const m = /^(?:W\/)?"c(\d+)-v(\d+)-/.exec(etag);
  return m ? Number(m[2]) : -1;
};
function pct(values, p) {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const f2 = (x) => x.toFixed(2);

const agentA = new http.Agent({ keepAlive: true, maxSockets: 1 });
const agentB = new http.Agent({ keepAlive: true, maxSockets: 1 });
for (const k of keys) {
  for (const [base, agent] of [
    [baseA, agentA],
    [baseB, agentB],
  ]) {
    const r = await request(base, agent, 'GET', api + k);
    if (r.status !== 200 || version(r.etag) < 0) {
      console.error(`visibility: GET ${base}${api}${k} gave ${r.status} (ETag ${r.etag || 'none'})`);
      process.exit(1);
    }
  }
}

const delays = [];
const fromSend = [];
const polls = [];
let missed = 0;
let writeErrors = 0;
for (let i = 0; i < rounds; i++) {
  const k = keys[i % keys.length];
  const g = await request(baseA, agentA, 'GET', api + k);
  const body = JSON.stringify({ opmerking: `Synthetische zichtbaarheidswijziging ${i}` });
  const sent = now();
  const w = await request(
    baseA,
    agentA,
    'PATCH',
    api + k,
    {
      Authorization: 'Bearer ' + token,
      'If-Match': g.etag,
      'Content-Type': 'application/merge-patch+json',
      'Content-Length': Buffer.byteLength(body),
    },
    body,
  );
  const acked = now();
  const want = version(w.etag);
  if (w.status < 200 || w.status >= 300 || want < 0) {
    writeErrors++;
    continue;
  }
  let n = 0;
  for (;;) {
    const r = await request(baseB, agentB, 'GET', api + k);
    n++;
    const t = now();
    if (r.status === 200 && version(r.etag) >= want) {
      delays.push(t - acked);
      fromSend.push(t - sent);
      polls.push(n);
      break;
    }
    if (t - acked > timeout) {
      missed++;
      break;
    }
  }
  await new Promise((resolve) => setTimeout(resolve, pause));
}
agentA.destroy();
agentB.destroy();

console.log(
  `  visibility A → B: ${rounds} PATCHes on A, ${delays.length} seen on B, ${missed} not within ${timeout} ms, ` +
    `${writeErrors} PATCH errors; delay p50 ${f2(pct(delays, 50))} ms, p99 ${f2(pct(delays, 99))} ms, ` +
    `max ${f2(pct(delays, 100))} ms (${pct(polls, 50)} polls of B at the median); from sending the PATCH ` +
    `p50 ${f2(pct(fromSend, 50))} ms, p99 ${f2(pct(fromSend, 99))} ms`,
);
console.log(
  `VISIBILITY rounds=${rounds} seen=${delays.length} missed=${missed} write_errors=${writeErrors} ` +
    `p50=${f2(pct(delays, 50))} p99=${f2(pct(delays, 99))} max=${f2(pct(delays, 100))} polls_p50=${pct(polls, 50)} ` +
    `send_p50=${f2(pct(fromSend, 50))} send_p99=${f2(pct(fromSend, 99))}`,
);
