// bench/burst.mjs — a burst of concurrent writes with reads alongside
// (bench/national.sh, issue 16).
//
//   node bench/burst.mjs BASE TOKEN KEY...
//
// BURST_CLIENTS (20) writer clients run at the same time, each on its own
// keep-alive connection (one http.Agent with maxSockets 1 per client), and
// each makes BURST_WRITES (10) acknowledged writes: GET the JSON detail of
// its collaboration for the ETag, then PATCH (JSON merge patch of
// "opmerking") with If-Match; on 412 it fetches the ETag again and retries
// (counted; at most BURST_MAX_RETRIES (100) per write, then the write counts
// as not acknowledged). Client i writes KEY[i mod number of keys], so with
// fewer keys than clients several clients edit the same record and conflict,
// as partners editing after a meeting would.
//
// While the writers run, BURST_READERS (4) reader connections in a worker
// thread (its own event loop, so reader and writer timings do not wait for
// each other's callbacks) GET, in turn, the HTML page and the JSON detail of
// the written collaborations and the JSON list (paginaGrootte=50), from the
// moment the writers start until the last write is acknowledged.
//
// Prints a human-readable summary and one line
//   BURST writes=… acknowledged=… patches=… conflicts_412=… write_errors=…
//         write_p50=… write_p99=… write_max=… e2e_p99=… reads=… read_errors=…
//         read_p50=… read_p99=… read_max=… duration_ms=…
// (times in ms). write_* is the latency of each PATCH request (including
// those answered 412); e2e_p99 is per acknowledged write, from its first
// ETag fetch to its 2xx, retries included. Exit status 0 unless the set-up
// fails; national.sh checks the targets.
import http from 'node:http';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

// one request on an agent; resolves { status, headers, ms } (status 0 on a socket error)
function request(base, agent, method, path, headers = {}, body = null) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const req = http.request(base + path, { method, agent, headers }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, ms: ms(t0) }));
      res.on('error', () => resolve({ status: 0, headers: {}, ms: ms(t0) }));
    });
    req.on('error', () => resolve({ status: 0, headers: {}, ms: ms(t0) }));
    if (body) req.end(body);
    else req.end();
  });
}

// nearest-rank percentile of an unsorted array
function pct(values, p) {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const f2 = (x) => x.toFixed(2);

if (!isMainThread) {
  // reader worker: loop until told to stop, then report the latencies
  const { base, paths, readers } = workerData;
  let stop = false;
  const lat = [];
  let errors = 0;
  parentPort.on('message', (m) => {
    if (m === 'stop') stop = true;
  });
  const loops = [];
  for (let c = 0; c < readers; c++) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    loops.push(
      (async () => {
        for (let i = c; !stop; i++) {
          const r = await request(base, agent, 'GET', paths[i % paths.length]);
          if (stop) break; // a read that ended after the burst does not count
          lat.push(r.ms);
          if (r.status !== 200) errors++;
        }
        agent.destroy();
      })(),
    );
  }
  parentPort.postMessage('ready');
  await Promise.all(loops);
  parentPort.postMessage({ lat, errors });
} else {
  const [base, token, ...keys] = process.argv.slice(2);
  if (!base || !token || !keys.length) {
    console.error('usage: node bench/burst.mjs BASE TOKEN KEY...');
    process.exit(2);
  }
  const clients = Number(process.env.BURST_CLIENTS || 20);
  const writes = Number(process.env.BURST_WRITES || 10);
  const readers = Number(process.env.BURST_READERS || 4);
  const maxRetries = Number(process.env.BURST_MAX_RETRIES || 100);
  const api = '/api/v1/samenwerkingsverbanden/';
  const paths = [];
  for (const k of keys) paths.push('/samenwerkingsverbanden/' + k, api + k);
  paths.push('/api/v1/samenwerkingsverbanden?paginaGrootte=50');

  // every path must answer 200 before the burst
  const probe = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (const p of paths) {
    const r = await request(base, probe, 'GET', p);
    if (r.status !== 200) {
      console.error(`burst: GET ${p} gave ${r.status} before the burst`);
      process.exit(1);
    }
  }
  probe.destroy();

  const worker = readers > 0 ? new Worker(new URL(import.meta.url), { workerData: { base, paths, readers } }) : null;
  if (worker) await new Promise((resolve) => worker.once('message', resolve));

  const patchLat = [];
  const e2e = [];
  let acked = 0;
  let conflicts = 0;
  let writeErrors = 0;
  let seq = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const key = keys[c % keys.length];
      for (let w = 0; w < writes; w++) {
        const start = process.hrtime.bigint();
        for (let attempt = 0; attempt <= maxRetries; attempt++) {
          const g = await request(base, agent, 'GET', api + key);
          if (g.status !== 200 || !g.headers.etag) {
            writeErrors++;
            continue;
          }
          seq++;
          const body = JSON.stringify({ opmerking: `Synthetische burstwijziging ${c}-${w}-${seq}` });
          const r = await request(
            base,
            agent,
            'PATCH',
            api + key,
            {
              Authorization: 'Bearer ' + token,
              'If-Match': g.headers.etag,
              'Content-Type': 'application/merge-patch+json',
              'Content-Length': Buffer.byteLength(body),
            },
            body,
          );
          patchLat.push(r.ms);
          if (r.status >= 200 && r.status < 300) {
            acked++;
            e2e.push(ms(start));
            break;
          }
          if (r.status === 412) conflicts++;
          else writeErrors++;
        }
      }
      agent.destroy();
    }),
  );
  const duration = ms(t0);
  let reads = { lat: [], errors: 0 };
  if (worker) {
    const done = new Promise((resolve) => worker.on('message', resolve));
    worker.postMessage('stop');
    reads = await done;
    await worker.terminate();
  }

  const total = clients * writes;
  console.log(
    `  burst: ${clients} clients × ${writes} writes on ${keys.length} collaborations, ` +
      `${readers} reader connections alongside; ${f2(duration)} ms`,
  );
  console.log(
    `  writes: ${acked}/${total} acknowledged, ${patchLat.length} PATCH requests, ${conflicts} × 412 (retried), ` +
      `${writeErrors} errors; PATCH p50 ${f2(pct(patchLat, 50))} ms, p99 ${f2(pct(patchLat, 99))} ms, ` +
      `max ${f2(pct(patchLat, 100))} ms; per acknowledged write (ETag fetch + retries) p99 ${f2(pct(e2e, 99))} ms`,
  );
  console.log(
    `  reads during the burst: ${reads.lat.length}, ${reads.errors} not 200; p50 ${f2(pct(reads.lat, 50))} ms, ` +
      `p99 ${f2(pct(reads.lat, 99))} ms, max ${f2(pct(reads.lat, 100))} ms`,
  );
  console.log(
    `BURST writes=${total} acknowledged=${acked} patches=${patchLat.length} conflicts_412=${conflicts} ` +
      `write_errors=${writeErrors} write_p50=${f2(pct(patchLat, 50))} write_p99=${f2(pct(patchLat, 99))} ` +
      `write_max=${f2(pct(patchLat, 100))} e2e_p99=${f2(pct(e2e, 99))} reads=${reads.lat.length} ` +
      `read_errors=${reads.errors} read_p50=${f2(pct(reads.lat, 50))} read_p99=${f2(pct(reads.lat, 99))} ` +
      `read_max=${f2(pct(reads.lat, 100))} duration_ms=${f2(duration)}`,
  );
}
