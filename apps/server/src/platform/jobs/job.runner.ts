import type { Db } from '../../db/client.js';
import type { Actor } from '../actor.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { createJobRepo, type JobFile, type JobRow } from './job.repo.js';
import type { Liveness } from './liveness.js';
import { throttledProgress } from './progress.js';

/** Reports how far the work got; cheap to call for every row. */
export type ReportProgress = (done: number, total: number) => void;

/** What a handler gets: who started the job, its payload and files, and where to report progress. */
export interface JobRun<P> {
  /** The actor who started the job, as they were then (the job acts with their rights). */
  actor: Actor;
  payload: P;
  /** The files stored with the job when it was started. */
  files: JobFile[];
  progress: ReportProgress;
  /** `id` lets the work name the job (e.g. in audit entries); `attempt` is 1, then 2… after a lost instance. */
  job: { id: string; attempt: number };
}

/** A named job's work: its return value is the job's result. */
export type JobHandler<P> = (run: JobRun<P>) => Promise<unknown>;

export interface JobHandlerOptions<P> {
  /** Further runs after the instance running it was lost (default 1). Failures the work reports are final. */
  retries?: number;
  /** The longest a run may take before the queue takes the job back (default 1 h). */
  expireInSeconds?: number;
  /**
   * Called once, on an instance that has this handler, when the job is given up without its work
   * having ended (its instances were lost, or it ran past its time limit), with the reason shown.
   */
  abandoned?: (payload: P, message: string) => Promise<void>;
}

export interface JobDefinition<P = unknown> extends JobHandlerOptions<P> {
  name: string;
  handler: JobHandler<P>;
}

/** What the queue carries for a job: all a fresh instance needs to run it. */
export interface JobData {
  jobId: string;
  handler: string;
  actor: Actor;
  payload: unknown;
}

export interface RunnerDeps {
  db: Db;
  clock: Clock;
  log: { error(obj: object, msg: string): void; warn?(obj: object, msg: string): void };
  progressIntervalMs?: number;
  monotonic?: () => number;
  liveness?: Liveness;
}

const FINISH_ATTEMPTS = 3;
const INTERNAL_MESSAGE = 'an internal error occurred; quote the job id when reporting it';

/** Runs jobs of the handlers it is given and records their progress and outcome in the `job` row. */
export function createJobRunner(deps: RunnerDeps, handlers: ReadonlyMap<string, JobDefinition>) {
  const repo = createJobRepo(deps.db);
  const monotonic = deps.monotonic ?? (() => performance.now());

  /** Writes a run's outcome, retrying a failed write; false when a later run has taken the job over. */
  async function finish(id: string, attempt: number, patch: Partial<JobRow>): Promise<boolean> {
    for (let n = 1; ; n++) {
      try {
        return await repo.finish(id, attempt, patch);
      } catch (err) {
        if (n >= FINISH_ATTEMPTS) {
          // Keep the outcome somewhere: the log is the last place left.
          deps.log.error({ err, jobId: id, outcome: patch }, 'job outcome could not be recorded');
          return false;
        }
        await new Promise((resolve) => setTimeout(resolve, 200 * n));
      }
    }
  }

  async function runHeld(id: string, data: JobData, definition: JobDefinition): Promise<void> {
    const attempt = await repo.markRunning(id, deps.clock.now());
    if (attempt === null) return; // it already ended: a run that finished just before its instance was presumed lost
    const tracker = throttledProgress((done, total) => repo.updateProgress(id, attempt, done, total), {
      intervalMs: deps.progressIntervalMs ?? 250,
      now: monotonic,
      onError: (err) => deps.log.error({ err, jobId: id }, 'job progress write failed'),
    });
    let outcome: Partial<JobRow>;
    try {
      const files = await repo.loadInputs(id);
      const result = await definition.handler({
        actor: data.actor,
        payload: data.payload,
        files,
        progress: tracker.report,
        job: { id, attempt },
      });
      outcome = { status: 'succeeded', result: toJson(result), message: null };
    } catch (err) {
      if (!(err instanceof AppError)) deps.log.error({ err, jobId: id }, 'job failed');
      outcome = { status: 'failed', message: err instanceof AppError ? err.message : INTERNAL_MESSAGE };
    }
    const last = await tracker.settle();
    const recorded = await finish(id, attempt, {
      ...outcome,
      ...(last ? { progress: last.done, total: last.total } : {}),
      finishedAt: deps.clock.now(),
    });
    if (recorded) await repo.deleteInputs(id).catch((err) => deps.log.error({ err, jobId: id }, 'job input not deleted'));
    else deps.log.warn?.({ jobId: id, attempt }, 'a job run ended after a later run took the job over; its outcome was not recorded');
  }

  return {
    /** Runs one job to its end. Throws only when it cannot start here (no such handler, no liveness lock). */
    async run(id: string, data: JobData): Promise<void> {
      const definition = handlers.get(data.handler);
      if (!definition) throw new Error(`no handler named ${data.handler} on this instance`);
      await deps.liveness?.hold(id);
      try {
        await runHeld(id, data, definition);
      } finally {
        await deps.liveness?.release(id);
      }
    },

    /** Records a run as interrupted (the shutdown of an instance without a queue). */
    async interrupt(id: string): Promise<void> {
      const row = await repo.findById(id);
      if (!row) return;
      await finish(id, row.attempts, {
        status: 'failed',
        message: 'interrupted: the server shut down before the job finished',
        finishedAt: deps.clock.now(),
      });
    },
  };
}

/** Plain JSON, exactly what jsonb gives back. */
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
