/**
 * npm run bench -- csaf-import [--dir <dir> | <dir>] [--copies 20] [--workers N] [--smoke]
 *
 * Imports a directory of CSAF 2.0 files (searched recursively) through the same code path as the
 * directory-import job — parse, skip check, @secvisogram/csaf-validator-lib (schema + mandatory
 * tests) and extraction in worker threads, then batched writes (advisories, revisions,
 * vulnerabilities, entries, scores, audit) with one match per batch — into a fresh embedded
 * PostgreSQL, then imports them all again (every file skipped: the idempotent resume path).
 * Without a directory it uses the ten fixtures in apps/server/reference/csaf, each repeated
 * `--copies` times under altered tracking ids, so there is a meaningful number of distinct advisories.
 *
 * Baselines, same run, same bytes, in memory on one thread (best of three): JSON.parse of every
 * file, and the validator alone (parse + validation). Prints one JSON line with files/s and the
 * import's ratios to both; issue #13 item 4's goals: ≥ 150 files/s and import ≤ 2 × the validator alone.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { connectDatabase, ensureDatabaseExists, migrateDatabase } from '../apps/server/src/db/client.ts';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded-postgres.ts';
import { createNotificationService } from '../apps/server/src/modules/notifications/notification.service.ts';
import { createOrganisationRepo } from '../apps/server/src/modules/organisations/index.ts';
import { createAdvisoryService } from '../apps/server/src/modules/vulnerabilities/advisory.service.ts';
import { validateCsaf } from '../apps/server/src/modules/vulnerabilities/csaf-validate.ts';
import { extractCsafAffected } from '../apps/server/src/modules/vulnerabilities/logic/index.ts';
import { createMatchingService } from '../apps/server/src/modules/vulnerabilities/matching/matching.service.ts';
import { systemActor } from '../apps/server/src/platform/actor.ts';
import { createAuditService } from '../apps/server/src/platform/audit/audit.service.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import type { JobKind } from '../apps/server/src/platform/jobs/job.service.ts';
import { REFERENCE_DIR } from '../apps/server/src/platform/paths.ts';
import { loadReferenceData } from '../apps/server/src/seed/reference.ts';
import { environment, numberArg, parseArgs, removeDir, round, tempDir } from './lib/common.ts';

const argv = process.argv.slice(2);
const positional = argv[0] && !argv[0].startsWith('--') ? argv.shift() : undefined;
const args = parseArgs(argv);
const dirOption = args.get('dir');
const dirArg = typeof dirOption === 'string' ? dirOption : positional;
const smoke = args.has('smoke');
const copies = numberArg(args, 'copies', smoke ? 1 : 20);
const workersArg = args.get('workers');
const workers = typeof workersArg === 'string' ? Number(workersArg) : availableParallelism();
const log = (m: string) => process.stderr.write(`[csaf-import] ${m}\n`);

function jsonFiles(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const p = join(root, name);
    if (statSync(p).isDirectory()) return jsonFiles(p);
    return name.endsWith('.json') ? [p] : [];
  });
}

/** The files to import: the directory's, or the fixtures repeated under altered tracking ids. */
function corpus(): Array<{ name: string; content: Buffer }> {
  if (dirArg) return jsonFiles(dirArg).map((p) => ({ name: p, content: readFileSync(p) }));
  const fixtures = jsonFiles(join(REFERENCE_DIR, 'csaf'));
  const out: Array<{ name: string; content: Buffer }> = [];
  for (let k = 0; k < copies; k++)
    for (const p of fixtures) {
      const doc = JSON.parse(readFileSync(p, 'utf8'));
      if (k > 0) doc.document.tracking.id = `${doc.document.tracking.id}-B${k}`;
      out.push({ name: `${k}/${p.split('/').at(-1)}`, content: Buffer.from(JSON.stringify(doc)) });
    }
  return out;
}

const files = corpus();
const bytes = files.reduce((n, f) => n + f.content.length, 0);
log(`${files.length} files, ${round(bytes / 1048576, 2)} MB`);

const time = async (fn: () => unknown | Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};
// Baselines and breakdown in memory, best of three (warm JIT, no I/O).
const best = async (fn: () => unknown | Promise<unknown>) => Math.min(await time(fn), await time(fn), await time(fn));
const parseMs = await best(() => {
  for (const f of files) JSON.parse(f.content.toString('utf8'));
});
const validateMs = await best(async () => {
  for (const f of files) await validateCsaf(JSON.parse(f.content.toString('utf8')));
});
const extractMs = await best(() => {
  for (const f of files) extractCsafAffected(JSON.parse(f.content.toString('utf8')));
});

const dir = tempDir('suilian-bench-csaf-');
const embedded = await startEmbeddedPostgres({ dir: `${dir}/pg`, settings: { fsync: 'off', synchronous_commit: 'off' } });
let result: Record<string, unknown>;
try {
  await ensureDatabaseExists(embedded.adminUrl, 'bench');
  const database = connectDatabase(embedded.urlFor('bench'));
  await migrateDatabase(database);
  const audit = createAuditService({ db: database.db, clock: systemClock });
  await loadReferenceData(database.db, { clock: systemClock, audit });
  const city = await createOrganisationRepo(database.db).findCity();
  if (!city) throw new Error('no city organisation');
  const actor = systemActor('cli', city.id);
  // The bench imports its files in the call; the directory and re-match jobs are never started.
  const jobs = { define: <P>(name: string): JobKind<P> => ({ name, start: () => Promise.reject(new Error('not used')) }) };
  // The real notification service: announcing new findings is part of an import's cost.
  const notifications = createNotificationService({ db: database.db, clock: systemClock });
  const matching = createMatchingService({ db: database.db, clock: systemClock, audit, jobs, notifications });
  const service = createAdvisoryService({ db: database.db, clock: systemClock, audit, jobs, matching, csafWorkers: workers });

  let first: Awaited<ReturnType<typeof service.importFiles>> | undefined;
  const timings = { checkWaitMs: 0, writeMs: 0, batches: 0 };
  const importMs = await time(async () => {
    first = await service.importFiles(actor, files, () => {}, timings);
  });
  let again: Awaited<ReturnType<typeof service.importFiles>> | undefined;
  const reimportMs = await time(async () => {
    again = await service.importFiles(actor, files, () => {});
  });
  await service.close();
  const revisions = (await database.pool.query('SELECT count(*)::int AS n FROM vuln_advisory_revision')).rows[0].n;
  const counts = (
    await database.pool.query(
      'SELECT (SELECT count(*) FROM vuln_advisory)::int AS a, (SELECT count(*) FROM vulnerability)::int AS v, (SELECT count(*) FROM vuln_product_entry)::int AS e',
    )
  ).rows[0];
  await database.close();
  result = {
    bench: 'csaf-import',
    files: files.length,
    megabytes: round(bytes / 1048576, 2),
    advisories: counts.a,
    vulnerabilities: counts.v,
    entries: counts.e,
    revisions,
    created: first?.created,
    rejected: first?.rejected.length,
    rejectedReasons: [...new Set(first?.rejected.map((r) => r.reason.code))],
    workers,
    importMs: round(importMs),
    filesPerSecond: round((files.length / importMs) * 1000),
    reimportMs: round(reimportMs),
    reimportSkipped: again?.skipped,
    jsonParseMs: round(parseMs, 2),
    validatorAloneMs: round(validateMs),
    importToValidatorRatio: round(importMs / validateMs, 2),
    importToJsonParseRatio: round(importMs / parseMs),
    reimportToJsonParseRatio: round(reimportMs / parseMs),
    breakdown: {
      // Of the import: the main thread waiting for the worker threads' checks, and writing batches.
      waitingForChecksMs: round(timings.checkWaitMs),
      writingMs: round(timings.writeMs),
      batches: timings.batches,
      parseAndExtractMs: round(extractMs, 1),
      validateRatio: round(validateMs / parseMs),
      extractRatio: round(extractMs / parseMs),
    },
    goals: { filesPerSecond: 150, importToValidatorRatio: 2 },
    smoke,
    ...environment(),
  };
} finally {
  await embedded.stop();
  removeDir(dir);
}
console.log(JSON.stringify(result));
