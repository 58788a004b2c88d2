// atlas-demo-server — start build/atlas the way `make run` does, but in a
// temporary directory: migrate, `import seed`, every change set of
// data/wijzigingen/ in name order, then `serve` on a free loopback port.
// Used by scripts/screenshots.mjs and scripts/lighthouse, so both look at
// the real Utrecht data and never touch var/atlas.db.
//
//   const srv = await startDemoServer({ bin: 'build/atlas' });
//   … fetch(srv.base + '/') …
//   await srv.stop();   // stops the server and removes the directory

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function run(bin, args) {
  const r = spawnSync(bin, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (${r.status}):\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

export async function startDemoServer({ bin = process.env.ATLAS_BIN || 'build/atlas', quiet = true } = {}) {
  const atlas = path.resolve(ROOT, bin);
  if (!existsSync(atlas)) throw new Error(`${atlas} not found: run make first`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-demo-'));
  const db = path.join(dir, 'atlas.db');
  try {
    run(atlas, ['migrate', '--db', db]);
    run(atlas, ['import', 'seed', '--db', db]);
    const sets = path.join(ROOT, 'data', 'wijzigingen');
    if (existsSync(sets)) {
      for (const name of readdirSync(sets).sort()) {
        const d = path.join(sets, name);
        if (statSync(d).isDirectory()) run(atlas, ['import', 'wijzigingen', d, '--toepassen', '--db', db]);
      }
    }
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const port = await freePort();
  const args = ['serve', '--db', db, '--listen', '127.0.0.1', '--port', String(port)];
  if (quiet) args.push('--quiet');
  const proc = spawn(atlas, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (d) => { err += d; });
  proc.stdout.resume();
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (proc.exitCode === null) {
      const done = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await done;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (proc.exitCode !== null) break;
    try {
      const r = await fetch(base + '/gezondheid');
      if (r.ok) return { base, db, dir, bin: atlas, stop };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`atlas serve did not start:\n${err}`);
}
