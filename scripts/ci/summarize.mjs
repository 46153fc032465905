#!/usr/bin/env node
// Reads the step log written by .ci/run (tab-separated: name, exit code, milliseconds, optional
// Vitest JSON report) and prints the step timings and, as the very last line,
// `N passed, N failed`. Exits 1 when any step or test failed.
//
// A step that failed without a report that explains it (lint, typecheck, build, a test run
// that crashed before reporting, a suite that failed to load) counts as one failure, so the
// last line never says "0 failed" for a red run.
import { existsSync, readFileSync } from 'node:fs';

const stepsFile = process.argv[2];
if (!stepsFile) {
  console.error('usage: summarize.mjs <steps.tsv>');
  process.exit(2);
}

const lines = existsSync(stepsFile)
  ? readFileSync(stepsFile, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
  : [];

let passed = 0;
let failed = 0;
let skipped = 0;
let anyStepFailed = false;
const rows = [];

for (const line of lines) {
  const [name = '?', rcText = '1', msText = '0', report = ''] = line.split('\t');
  const rc = Number(rcText);
  const ms = Number(msText);
  let tests = '';
  let counted = 0;
  if (report) {
    if (existsSync(report)) {
      try {
        const r = JSON.parse(readFileSync(report, 'utf8'));
        const p = r.numPassedTests ?? 0;
        const f = r.numFailedTests ?? 0;
        const s = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
        // Files that failed to load or failed outside a test: no failed test says so.
        const badSuites = (r.testResults ?? []).filter(
          (t) => t.status === 'failed' && !(t.assertionResults ?? []).some((a) => a.status === 'failed'),
        ).length;
        passed += p;
        failed += f + badSuites;
        skipped += s;
        counted = f + badSuites;
        tests = `${p} passed, ${f} failed${s ? `, ${s} skipped` : ''}${badSuites ? `, ${badSuites} file(s) failed to run` : ''}`;
      } catch (err) {
        tests = `unreadable report ${report}: ${err.message}`;
      }
    } else {
      tests = `no report at ${report}`;
    }
  }
  if (rc !== 0) {
    anyStepFailed = true;
    if (counted === 0) failed += 1; // the step's failure is not otherwise visible in the count
  }
  const status = rc === 0 ? 'ok' : rc === 124 || rc === 137 ? `TIMEOUT (${rc})` : `FAILED (${rc})`;
  rows.push({ name, status, secs: (ms / 1000).toFixed(1), tests });
}

const w = Math.max(4, ...rows.map((r) => r.name.length));
console.log('');
console.log('=== CI summary');
for (const r of rows) {
  console.log(`${r.name.padEnd(w)}  ${r.status.padEnd(12)} ${r.secs.padStart(7)} s  ${r.tests}`);
}
const totalSecs = rows.reduce((a, r) => a + Number(r.secs), 0).toFixed(1);
console.log(`${'total'.padEnd(w)}  ${''.padEnd(12)} ${totalSecs.padStart(7)} s`);
if (skipped) console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(anyStepFailed || failed > 0 ? 1 : 0);
