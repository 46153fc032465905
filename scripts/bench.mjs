#!/usr/bin/env node
// npm run bench -- <name> [options]   runs bench/<name>.ts with tsx; the bench prints one JSON line.
// npm run bench -- --list             lists the benchmarks.
// npm run bench -- all --smoke        runs every benchmark at its smoke size, one JSON line each.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');
const available = readdirSync(benchDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => f.slice(0, -3))
  .sort();

const [name, ...rest] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h' || name === '--list') {
  console.error(`usage: npm run bench -- <name>|all [--smoke] [options]\nbenchmarks: ${available.join(', ')}`);
  process.exit(name === '--list' ? 0 : 2);
}

const names = name === 'all' ? available : [name];
let failed = 0;
for (const n of names) {
  const file = join(benchDir, `${n}.ts`);
  if (!existsSync(file)) {
    console.error(`no benchmark bench/${n}.ts (available: ${available.join(', ')})`);
    process.exit(2);
  }
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...rest], { cwd: root, stdio: 'inherit' });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    failed++;
    console.error(`bench ${n}: failed (exit ${r.status ?? r.signal}) after ${secs} s`);
  } else {
    console.error(`bench ${n}: done in ${secs} s`);
  }
}
process.exit(failed ? 1 : 0);
