// vnu — run the Nu HTML Checker (npm vnu-jar, on the machine's Java) over a
// set of saved HTML files in one java invocation (JVM start-up is slow) and
// return its messages. Only errors are reported (--errors-only).
// assertValidPages() saves pages a test collected and asserts that vnu
// finds nothing.

import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';

export const VNU_JAR = path.join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

/*
 * Validate files (absolute paths ending in .html). Returns an array of
 * {file, type, line, column, message, extract}. Throws when Java or the jar
 * is missing or vnu's output cannot be read.
 */
export function vnuValidate(files) {
  if (!existsSync(VNU_JAR)) throw new Error(`${VNU_JAR} missing: run the bootstrap (npm ci)`);
  const r = spawnSync('java', ['-Xss4m', '-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], {
    encoding: 'utf8',
    timeout: 180_000,
    maxBuffer: 64 * 1024 * 1024,
  });
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
export function assertValidPages(dir, pages) {
  mkdirSync(dir, { recursive: true });
  const files = pages.map(([name, html]) => {
    const f = path.join(dir, `${name}.html`);
    writeFileSync(f, html);
    return f;
  });
  const msgs = vnuValidate(files);
  assert.deepEqual(msgs.map((m) => `${path.basename(m.file)}:${m.line}: ${m.message}`), []);
}
