// vnu — run the Nu HTML Checker (npm vnu-jar, on the machine's Java) over a
// set of saved HTML files in one java invocation (JVM start-up is slow) and
// return its messages. Only errors are reported (--errors-only).
// assertValidPages() saves pages a test collected and asserts that vnu
// finds nothing. Both are async: java runs beside the test's event loop, so
// a check that takes long on a busy machine does not leave the client's
// kept-alive connections to the test server unattended (the server closes
// them after 30 s idle, and a request on such a connection fails).
// The JVM runs with the C1 compiler only and the serial collector: a
// short run of vnu needs about half the CPU time that way.

import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';

export const VNU_JAR = path.join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

const JVM_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

// Run a command; resolves with {status, stdout, stderr, error} (error: it
// could not start or ran longer than timeoutMs and was killed).
function run(cmd, args, timeoutMs) {
  return new Promise((resolve) => {
    const proc = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    let error = null;
    const timer = setTimeout(() => {
      error = new Error(`${cmd} did not finish within ${timeoutMs} ms`);
      proc.kill('SIGKILL');
    }, timeoutMs);
    proc.stdout.on('data', (d) => out.push(d));
    proc.stderr.on('data', (d) => err.push(d));
    proc.on('error', (e) => (error = e));
    proc.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, error, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/*
 * Validate files (absolute paths ending in .html). Resolves with an array of
 * {file, type, line, column, message, extract}. Throws when Java or the jar
 * is missing or vnu's output cannot be read.
 */
export async function vnuValidate(files) {
  if (!existsSync(VNU_JAR)) throw new Error(`${VNU_JAR} missing: run the bootstrap (npm ci)`);
  const r = await run('java', ['-Xss4m', ...JVM_FLAGS, '-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], 180_000);
  if (r.error) throw new Error(`java: ${r.error.message}`);
  // vnu writes the JSON report to stderr; exit status 1 means "errors found"
  const raw = (r.stderr || '').trim() || (r.stdout || '').trim();
  let report;
  try {
    report = JSON.parse(raw);
  } catch {
    throw new Error(`cannot parse vnu output (exit ${r.status}): ${raw.slice(0, 1000)}`);
  }
  return (report.messages || []).map((m) => ({
    file: m.url ? decodeURIComponent(m.url.replace(/^file:/, '')) : '',
    type: m.subType ? `${m.type}/${m.subType}` : m.type,
    line: m.lastLine,
    column: m.lastColumn,
    message: m.message,
    extract: m.extract,
  }));
}

/*
 * Save pages ([name, html] pairs) as dir/<name>.html (dir is created) and
 * assert that the Nu HTML Checker reports no error; a failure lists
 * "<file>:<line>: <message>" per error.
 */
export async function assertValidPages(dir, pages) {
  mkdirSync(dir, { recursive: true });
  const files = pages.map(([name, html]) => {
    const f = path.join(dir, `${name}.html`);
    writeFileSync(f, html);
    return f;
  });
  const msgs = await vnuValidate(files);
  assert.deepEqual(msgs.map((m) => `${path.basename(m.file)}:${m.line}: ${m.message}`), []);
}
