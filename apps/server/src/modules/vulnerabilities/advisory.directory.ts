import type { DirectoryImportResult } from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { ReportProgress } from '../../platform/jobs/job.service.js';
import type { UploadedFile } from '../../platform/tabular/http.js';
import { writeCsafBatch } from './advisory.batch.js';
import { createAdvisoryBatchRepo } from './advisory.batch.repo.js';
import type { CheckedAdvisory } from './csaf-check.js';
import type { CsafChecker } from './csaf-pool.js';
import type { MatchingService } from './matching/matching.service.js';

export interface DirectoryImportDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'appendMany'>;
  matching: Pick<MatchingService, 'matchVulnerabilities'>;
  checker: CsafChecker;
}

/** Advisories per transaction: large enough that round trips stop mattering, small enough to keep locks short. */
const BATCH_FILES = 200;
/** …and at most this much document text per transaction. */
const BATCH_BYTES = 16 * 1_048_576;

/**
 * A directory of CSAF files (issue #13 item 4): the files are checked in worker threads (parse,
 * skip check, validation, extraction) while the main thread writes what they produce in batches —
 * each batch one transaction with its audit entries, matched against the assets once. A batch the
 * database refuses as a whole (a value PostgreSQL cannot store) is written file by file, so only
 * the file at fault is rejected.
 */
export async function importCsafDirectory(
  deps: DirectoryImportDeps,
  actor: Actor,
  files: readonly UploadedFile[],
  progress: ReportProgress,
  timings?: DirectoryImportTimings,
): Promise<DirectoryImportResult> {
  const clock = () => performance.now();
  const result: DirectoryImportResult = { files: files.length, created: 0, updated: 0, skipped: 0, rejected: [] };
  const known = await createAdvisoryBatchRepo(deps.db).trackingVersions('csaf');
  const by = actor.displayName ?? actor.name;
  let done = 0;
  let batch: Array<{ name: string; advisory: CheckedAdvisory }> = [];
  let batchBytes = 0;

  async function writeBatch(items: typeof batch) {
    const started = clock();
    const written = await deps.db.transaction(async (tx) => {
      const w = await writeCsafBatch(
        tx,
        actor,
        deps.audit,
        items.map((i) => i.advisory),
        deps.clock.now(),
      );
      await deps.matching.matchVulnerabilities(tx, w.vulnerabilityIds, by);
      return w;
    });
    for (const outcome of written.outcomes) result[outcome]++;
    if (timings) {
      timings.writeMs += clock() - started;
      timings.batches++;
    }
  }

  async function flush() {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    batchBytes = 0;
    try {
      await writeBatch(items);
    } catch (e) {
      if (!isDataException(e)) throw e;
      for (const item of items)
        await writeBatch([item]).catch((error: unknown) => {
          if (!isDataException(error)) throw error;
          result.rejected.push({
            file: item.name,
            reason: { code: 'advisory.file_not_storable', params: { file: item.name } },
            messages: [(error as Error).message],
          });
        });
    }
    done += items.length;
    progress(done, files.length);
  }

  progress(0, files.length);
  const checks = deps.checker.check(files, known);
  for (;;) {
    const waited = clock();
    const next = await checks.next();
    if (timings) timings.checkWaitMs += clock() - waited;
    if (next.done) break;
    const checked = next.value;
    if (checked.kind === 'advisory') {
      // One version of a tracking id per batch: a second one waits for the next batch, in order.
      if (batch.some((b) => b.advisory.trackingId === checked.advisory.trackingId)) await flush();
      batch.push({ name: checked.name, advisory: checked.advisory });
      batchBytes += checked.advisory.raw.length;
      if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES) await flush();
      continue;
    }
    if (checked.kind === 'current') result.skipped++;
    else result.rejected.push({ file: checked.name, reason: checked.reason, messages: checked.messages });
    done++;
    if (batch.length === 0) progress(done, files.length);
  }
  await flush();
  return result;
}

/** Where a directory import's time went (the bench reads it): waiting for the checks, writing batches. */
export interface DirectoryImportTimings {
  checkWaitMs: number;
  writeMs: number;
  batches: number;
}

/** PostgreSQL's data exceptions (class 22: a character or number it cannot store), as opposed to faults of the database itself. */
function isDataException(e: unknown): boolean {
  const code = (e as { code?: unknown; cause?: { code?: unknown } }).code ?? (e as { cause?: { code?: unknown } }).cause?.code;
  return typeof code === 'string' && code.startsWith('22');
}
