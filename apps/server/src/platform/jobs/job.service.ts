import type { Job, JobListQuery } from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../actor.js';
import type { Clock } from '../clock.js';
import { AppError, notFound } from '../errors.js';
import { createJobRepo, type JobOwner, type JobRow } from './job.repo.js';
import { throttledProgress } from './progress.js';

export interface JobServiceDeps {
  db: Db;
  clock: Clock;
  log: { error(obj: object, msg: string): void };
  /** Least time between two progress writes of one job (default 250 ms). */
  progressIntervalMs?: number;
  /** Monotonic milliseconds for the throttle (default performance.now). */
  monotonic?: () => number;
}

/** Reports how far the work got; cheap to call for every row. */
export type ReportProgress = (done: number, total: number) => void;
/** The work of a job; `job.id` lets it name the job (e.g. in audit entries). */
export type JobWork = (progress: ReportProgress, job: { id: string }) => Promise<unknown>;

const FINISH_ATTEMPTS = 3;
const INTERNAL_MESSAGE = 'an internal error occurred; quote the job id when reporting it';

/**
 * Long work as jobs: `start` records the job and returns at once; the work runs in this process
 * after the request has returned. Progress, the outcome and failures land in the `job` row, so any
 * server instance can answer GET /api/jobs/:id.
 */
export function createJobService(deps: JobServiceDeps) {
  const repo = createJobRepo(deps.db);
  const running = new Map<string, Promise<void>>();
  const monotonic = deps.monotonic ?? (() => performance.now());

  async function finish(id: string, patch: Partial<JobRow>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await repo.update(id, patch);
        return;
      } catch (err) {
        if (attempt >= FINISH_ATTEMPTS) {
          // Keep the outcome somewhere: the log is the last place left.
          deps.log.error({ err, jobId: id, outcome: patch }, 'job outcome could not be recorded');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  async function run(id: string, work: JobWork): Promise<void> {
    const tracker = throttledProgress((done, total) => repo.updateProgress(id, done, total), {
      intervalMs: deps.progressIntervalMs ?? 250,
      now: monotonic,
      onError: (err) => deps.log.error({ err, jobId: id }, 'job progress write failed'),
    });
    let outcome: Partial<JobRow>;
    try {
      await repo.update(id, { status: 'running', startedAt: deps.clock.now() });
      const result = await work(tracker.report, { id });
      outcome = { status: 'succeeded', result: toJson(result), message: null };
    } catch (err) {
      if (!(err instanceof AppError)) deps.log.error({ err, jobId: id }, 'job failed');
      outcome = { status: 'failed', message: err instanceof AppError ? err.message : INTERNAL_MESSAGE };
    }
    const last = await tracker.settle();
    await finish(id, { ...outcome, ...(last ? { progress: last.done, total: last.total } : {}), finishedAt: deps.clock.now() });
  }

  function visible(actor: Actor, row: JobRow): boolean {
    if (actor.scope === 'city') return true;
    const owner = ownerOf(actor);
    if (!owner) return false;
    return owner.id === (owner.by === 'user' ? row.createdById : row.createdByTokenId);
  }

  return {
    /** Records a queued job for `actor` and runs `work` after the current request has returned. */
    async start(actor: Actor, kind: string, work: JobWork): Promise<Job> {
      const row = await repo.insert({
        kind,
        createdById: actor.userId,
        createdByTokenId: actor.userId ? null : (actor.tokenId ?? null),
        orgId: actor.orgId,
        createdAt: deps.clock.now(),
      });
      const done = new Promise<void>((resolve) => setImmediate(() => run(row.id, work).finally(resolve)));
      running.set(row.id, done);
      void done.then(() => running.delete(row.id));
      return toJob(row);
    },

    /** A user sees their own jobs; city roles see every job. Others' jobs answer 404. */
    async get(actor: Actor, id: string): Promise<Job> {
      const row = await repo.findById(id);
      if (!row || !visible(actor, row)) throw notFound('job');
      return toJob(row);
    },

    /** The actor's own jobs, newest first. */
    async list(actor: Actor, query: JobListQuery): Promise<{ items: Job[]; total: number }> {
      const owner = ownerOf(actor);
      if (!owner) return { items: [], total: 0 };
      const page = await repo.findPage({ owner, kind: query.kind, status: query.status }, query);
      return { items: page.items.map(toJob), total: page.total };
    },

    /** Waits for running jobs (at shutdown); after `timeoutMs` the rest are recorded as interrupted. */
    async drain(timeoutMs = 30_000): Promise<void> {
      if (running.size === 0) return;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const all = Promise.allSettled([...running.values()]).then(() => 'done' as const);
      const outcome = await Promise.race([all, timeout]);
      clearTimeout(timer);
      if (outcome === 'done') return;
      for (const id of running.keys())
        await finish(id, {
          status: 'failed',
          message: 'interrupted: the server shut down before the job finished',
          finishedAt: deps.clock.now(),
        });
    },
  };
}

export type JobService = ReturnType<typeof createJobService>;

/** Whose jobs these are: a person, or an API token acting without one. */
function ownerOf(actor: Actor): JobOwner | null {
  if (actor.userId) return { by: 'user', id: actor.userId };
  if (actor.tokenId) return { by: 'token', id: actor.tokenId };
  return null;
}

/** Plain JSON, exactly what jsonb gives back. */
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

export function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: row.progress,
    total: row.total,
    message: row.message,
    result: row.result ?? null,
    createdById: row.createdById,
    orgId: row.orgId,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
