import { availableParallelism } from 'node:os';
import {
  type AdvisoryImportOutcome,
  type DirectoryImportResult,
  type Job,
  MAX_ADVISORY_BYTES,
  type ManualVulnerabilityInput,
} from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { JobService, ReportProgress } from '../../platform/jobs/job.service.js';
import type { UploadedFile } from '../../platform/tabular/http.js';
import { type DirectoryImportTimings, importCsafDirectory } from './advisory.directory.js';
import { checkCveRecord, type IncomingAdvisory, incomingCsaf, incomingCve, incomingManual } from './advisory.incoming.js';
import { createAdvisoryRepo } from './advisory.repo.js';
import { writeAdvisory } from './advisory.write.js';
import { createCsafChecker } from './csaf-pool.js';
import { validateCsaf } from './csaf-validate.js';
import type { MatchingService } from './matching/matching.service.js';
import { vulnerabilityPolicy } from './vulnerability.policy.js';

export interface AdvisoryServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append' | 'appendMany'>;
  jobs: Pick<JobService, 'define'>;
  matching: Pick<MatchingService, 'matchVulnerabilities'>;
  /** Worker threads validating directory imports (CSAF_IMPORT_WORKERS); default: one per core. */
  csafWorkers?: number;
}

/** A failure of one document: the messages the user sees (validator output, JSON errors). */
export class DocumentRejected extends AppError {
  constructor(
    readonly messages: string[],
    summary: string,
  ) {
    super('VALIDATION_FAILED', summary, { issues: messages.map((message) => ({ field: 'file', rule: 'csaf', message })) });
  }
}

/** Reads an upload as JSON: size limit (413), UTF-8 with or without BOM, parse errors named (a truncated file says so). */
export function parseJsonUpload(file: UploadedFile): { doc: unknown; raw: string } {
  if (file.content.length > MAX_ADVISORY_BYTES)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `file: ${file.name} is ${(file.content.length / 1048576).toFixed(1)} MB; advisories may be at most ${MAX_ADVISORY_BYTES / 1048576} MB`,
      { issues: [{ field: 'file', rule: 'max_size', message: `at most ${MAX_ADVISORY_BYTES} bytes` }] },
    );
  if (file.content.length === 0) throw fieldError('VALIDATION_FAILED', 'file', 'empty', 'the file is empty');
  const raw = file.content.toString('utf8').replace(/^\uFEFF/, '');
  try {
    return { doc: JSON.parse(raw), raw };
  } catch (e) {
    throw fieldError(
      'VALIDATION_FAILED',
      'file',
      'json',
      `${file.name} is not valid JSON (truncated or damaged?): ${(e as Error).message}`,
    );
  }
}

/** Reads and validates one CSAF 2.0 file; refuses it with the validator's messages. */
export async function readCsaf(file: UploadedFile): Promise<IncomingAdvisory> {
  const { doc, raw } = parseJsonUpload(file);
  return checkedCsaf(file.name, doc, raw);
}

/** Validates an already parsed CSAF document (the directory import parses each file once). */
async function checkedCsaf(name: string, doc: unknown, raw: string): Promise<IncomingAdvisory> {
  const verdict = await validateCsaf(doc);
  if (!verdict.ok) throw new DocumentRejected(verdict.messages, `${name} is not a valid CSAF 2.0 document: ${verdict.messages[0] ?? ''}`);
  return incomingCsaf(doc, raw);
}

/** Importing advisories (CSAF, CVE, manual records, directories) — each document in one transaction with its audit entry. */
export function createAdvisoryService(deps: AdvisoryServiceDeps) {
  const checker = createCsafChecker({ workers: deps.csafWorkers ?? availableParallelism() });

  async function importOne(actor: Actor, incoming: IncomingAdvisory): Promise<AdvisoryImportOutcome> {
    return deps.db.transaction(async (tx) => {
      const written = await writeAdvisory(tx, actor, deps.audit, incoming, deps.clock.now());
      const counts = await deps.matching.matchVulnerabilities(tx, written.vulnerabilityIds, actor.displayName ?? actor.name);
      return { ...written.outcome, matches: { affected: counts.affected, needsReview: counts.needsReview } };
    });
  }

  /** Imports a directory's files: checked in worker threads, written and matched in batches (advisory.directory.ts). */
  function importFiles(
    actor: Actor,
    files: readonly UploadedFile[],
    progress: ReportProgress,
    timings?: DirectoryImportTimings,
  ): Promise<DirectoryImportResult> {
    return importCsafDirectory({ ...deps, checker }, actor, files, progress, timings);
  }

  // A named job over the stored files, so any instance can run it (ADR 0012).
  const directoryJob = deps.jobs.define('vulnerabilities.csaf_directory', ({ actor, files, progress }) =>
    importFiles(actor, files, progress),
  );

  return {
    importFiles,
    /** Stops the validation threads (tests and benches; they also stop by themselves when idle). */
    close: () => checker.close(),

    async importCsaf(actor: Actor, upload: () => Promise<UploadedFile>): Promise<AdvisoryImportOutcome> {
      vulnerabilityPolicy.authorize(actor, 'manage');
      return importOne(actor, await readCsaf(await upload()));
    },

    async importCve(actor: Actor, upload: () => Promise<UploadedFile>): Promise<AdvisoryImportOutcome> {
      vulnerabilityPolicy.authorize(actor, 'manage');
      const file = await upload();
      const { doc, raw } = parseJsonUpload(file);
      const problems = checkCveRecord(doc);
      if (problems.length) throw new DocumentRejected(problems, `${file.name} is not a CVE JSON 5.x record: ${problems[0]}`);
      return importOne(actor, incomingCve(doc, raw));
    },

    /** A directory of CSAF files as a job: progress per file; re-running skips what is already imported. */
    async startDirectoryImport(actor: Actor, files: UploadedFile[]): Promise<Job> {
      vulnerabilityPolicy.authorize(actor, 'manage');
      if (files.length === 0) throw fieldError('VALIDATION_FAILED', 'files', 'required', 'choose at least one .json file');
      return directoryJob.start(actor, {}, { files });
    },

    /** An analyst's CNVD / CICSVD record; the same id again is refused (use update). */
    async createManual(actor: Actor, input: ManualVulnerabilityInput): Promise<AdvisoryImportOutcome> {
      vulnerabilityPolicy.authorize(actor, 'manage');
      const existing = await createAdvisoryRepo(deps.db).findAdvisory('manual', input.id);
      if (existing) throw fieldError('DUPLICATE', 'id', 'unique', `${input.id} is already recorded; edit it instead`);
      return importOne(actor, incomingManual(input, '1'));
    },

    async updateManual(actor: Actor, id: string, input: ManualVulnerabilityInput): Promise<AdvisoryImportOutcome> {
      vulnerabilityPolicy.authorize(actor, 'manage');
      if (input.id !== id) throw fieldError('VALIDATION_FAILED', 'id', 'immutable', 'the CNVD id of a record does not change');
      const existing = await createAdvisoryRepo(deps.db).findAdvisory('manual', id);
      if (!existing) throw notFound('manual vulnerability record');
      return importOne(actor, incomingManual(input, String(Number.parseInt(existing.trackingVersion, 10) + 1)));
    },
  };
}

export type AdvisoryService = ReturnType<typeof createAdvisoryService>;
