// npm run db:check — fails when `drizzle-kit generate` would write a migration that is not committed
// (a table file changed without `npm run db:generate`). drizzle-kit runs against a copy of
// apps/server/drizzle under .tmp/, so the clone is left as it was; on drift the tables and columns
// that differ and the SQL drizzle-kit would write are printed.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDrizzleJson } from 'drizzle-kit/api';
import drizzleConfig from '../../apps/server/drizzle.config.ts';
import * as schema from '../../apps/server/src/db/schema.ts';
import { describeSchemaChanges, type Snapshot } from './schema-diff.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const committedDir = join(root, drizzleConfig.out ?? 'apps/server/drizzle');
// drizzle-kit takes --out relative to the working directory.
const scratch = join(root, '.tmp', `migrations-check-${process.pid}`);
const scratchOut = join(scratch, 'out');

function lastSnapshot(dir: string): Snapshot {
  const journal = JSON.parse(readFileSync(join(dir, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number }[] };
  const last = journal.entries.at(-1);
  if (!last) return {};
  return JSON.parse(readFileSync(join(dir, 'meta', `${String(last.idx).padStart(4, '0')}_snapshot.json`), 'utf8')) as Snapshot;
}

function main(): number {
  const gitStatusBefore = gitStatus();
  rmSync(scratch, { recursive: true, force: true });
  cpSync(committedDir, scratchOut, { recursive: true });
  const before = new Set(readdirSync(scratchOut));
  try {
    const run = spawnSync(
      join(root, 'node_modules/.bin/drizzle-kit'),
      [
        'generate',
        '--dialect',
        drizzleConfig.dialect,
        '--schema',
        String(drizzleConfig.schema),
        '--out',
        `./${relative(root, scratchOut)}`,
      ],
      // No terminal: a question (was this column renamed?) fails at once instead of waiting.
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 5 * 60_000 },
    );
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
    const written = readdirSync(scratchOut).filter((f) => !before.has(f));
    const upToDate = run.status === 0 && written.length === 0 && /No schema changes/.test(output);
    if (upToDate) {
      console.log(`migrations: up to date (drizzle-kit generate finds nothing to write in ${relative(root, committedDir)})`);
      return 0;
    }
    console.log('migrations: the tables differ from the committed migrations; `drizzle-kit generate` would write a new one.');
    const current = JSON.parse(JSON.stringify(generateDrizzleJson(schema))) as Snapshot;
    const changes = describeSchemaChanges(lastSnapshot(committedDir), current);
    for (const line of changes) console.log(`  ${line}`);
    for (const file of written.filter((f) => f.endsWith('.sql'))) {
      console.log(`  SQL it would write (${file}):`);
      const statements = readFileSync(join(scratchOut, file), 'utf8').split('--> statement-breakpoint');
      for (const statement of statements.map((s) => s.trim()).filter(Boolean)) console.log(`    ${statement.replace(/\n/g, '\n    ')}`);
    }
    if (!written.length) {
      // drizzle-kit asks whether a table or column was renamed, which needs a terminal.
      const reason = output.split('\n').find((l) => /error/i.test(l)) ?? `drizzle-kit exited with ${run.status ?? run.signal}`;
      console.log(`  drizzle-kit: ${reason.trim()}`);
    }
    console.log('Run `npm run db:generate` (answer its rename questions), review the SQL and commit apps/server/drizzle.');
    return 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    if (gitStatus() !== gitStatusBefore) console.log('migrations: WARNING the migrations folder changed during the check');
  }
}

function gitStatus(): string {
  const r = spawnSync('git', ['status', '--porcelain', '--', relative(root, committedDir)], { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout : '(not a git checkout)';
}

process.exitCode = main();
