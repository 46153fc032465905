import { execFileSync } from 'node:child_process';
import { isStale, ROOT, TARGETS } from './build-state.mjs';

/** Builds the named targets whose output is missing or older than their sources. */
export function ensureBuilt(names) {
  for (const name of names) {
    const target = TARGETS[name];
    if (!isStale(target.output, target.inputs)) continue;
    process.stdout.write(`[suilian] building ${name}…\n`);
    execFileSync('npm', ['run', 'build', '-w', target.workspace], { cwd: ROOT, stdio: 'inherit' });
  }
}
