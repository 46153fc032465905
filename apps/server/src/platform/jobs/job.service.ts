import type { Job, JobListQuery } from '@suilian/contracts';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Db } from '../../db/client.js';
import type { Actor } from '../actor.js';
import type { Clock } from '../clock.js';
import { notFound } from '../errors.js';
import { createJobRepo, type JobFile, type JobOwner, type JobRow } from './job.repo.js';
import { createJobRunner, type JobData, type JobDefinition, type JobHandler, type JobHandlerOptions } from './job.runner.js';
import { createLiveness } from './liveness.js';
import type { JobQueue } from './queue.js';
import { type ReconcileResult, reconcileJobs } from './reconcile.js';
import type { Schedules } from './schedules.js';

export type { JobFile } from './job.repo.js';
export type { JobHandler, JobHandlerOptions, JobRun, ReportProgress } from './job.runner.js';

export interface JobServiceDeps {
  db: Db;
  clock: Clock;
  log: { error(obj: object, msg: string): void; warn?(obj: object, msg: string): void };
  /** Least time between two progress writes of one job (default 250 ms). */
  progressIntervalMs?: number;
  /** Monotonic milliseconds for the throttle (default performance.now). */
  monotonic?: () => number;
  /**
   * The durable queue. Without it a job runs in this process only, after the request returned (a
   * service's own tests, one-off scripts); the app always gives it.
   */
  durable?: {
    pool: pg.Pool;
    queue: JobQueue;
    schedules: Schedules;
    /** Jobs of one handler run at once on this instance (default 1); other instances take the rest. */
    concurrency?: number;
    /** How often unfinished jobs are checked against the queue (default 15 s). */
    reconcileEveryMs?: number;
    /** See ReconcileDeps.graceMs. */
    graceMs?: number;
  };
}

/** A defined job: start it with a payload that survives JSON (and files), from any instance. */
export interface JobKind<P> {
  name: string;
  start(actor: Actor, payload: P, extra?: { files?: readonly JobFile[]; kind?: string }): Promise<Job>;
}

/**
 * Long work as jobs (ADR 0006, ADR 0012): a module defines a named handler; `start` records the
 * job (and its files) and queues it in one transaction, and returns at once; whichever instance
 * takes it from the queue runs the handler. Progress, the outcome and failures land in the `job`
 * row, so any instance answers GET /api/jobs/:id.
 */
export function createJobService(deps: JobServiceDeps) {
  const repo = createJobRepo(deps.db);
  const handlers = new Map<string, JobDefinition>();
  const durable = deps.durable;
  const liveness = durable
    ? createLiveness({
        connection: (durable.pool as unknown as { options: pg.ClientConfig }).options,
        log: { warn: (o, m) => deps.log.warn?.(o, m), error: (o, m) => deps.log.error(o, m) },
      })
    : undefined;
  const runner = createJobRunner({ ...deps, ...(liveness ? { liveness } : {}) }, handlers);
  /** Runs in this process, for drain(). */
  const running = new Map<string, Promise<void>>();

  function track(id: string, run: Promise<void>): Promise<void> {
    running.set(id, run);
    void run.catch(() => undefined).finally(() => running.delete(id));
    return run;
  }

  const reconcile = (): Promise<ReconcileResult> =>
    durable
      ? reconcileJobs({
          pool: durable.pool,
          db: deps.db,
          queue: durable.queue,
          clock: deps.clock,
          log: { warn: (o, m) => deps.log.warn?.(o, m), error: (o, m) => deps.log.error(o, m) },
          ...(durable.graceMs !== undefined ? { graceMs: durable.graceMs } : {}),
          // This instance's idle workers take a retry, or a given-up job's clean-up, at once.
          settled: (handler, verdict) => durable.queue.wake(verdict === 'requeue' ? handler : abandonedQueue(handler)),
        })
      : Promise.resolve({ requeued: 0, failed: 0 });
  durable?.schedules.every('jobs.reconcile', durable.reconcileEveryMs ?? 15_000, reconcile);

  async function start(name: string, actor: Actor, payload: unknown, extra: { files?: readonly JobFile[]; kind?: string }) {
    const definition = handlers.get(name) as JobDefinition;
    const row = {
      kind: extra.kind ?? name,
      handler: name,
      createdById: actor.userId,
      createdByTokenId: actor.userId ? null : (actor.tokenId ?? null),
      orgId: actor.orgId,
      createdAt: deps.clock.now(),
    };
    const asData = (jobId: string): JobData => ({
      jobId,
      handler: name,
      actor: JSON.parse(JSON.stringify(actor)),
      payload: JSON.parse(JSON.stringify(payload ?? null)),
    });
    if (!durable) {
      const created = await deps.db.transaction(async (tx) => {
        const inserted = await createJobRepo(tx).insert(row);
        await createJobRepo(tx).insertInputs(inserted.id, extra.files ?? []);
        return inserted;
      });
      const data = asData(created.id);
      const run = new Promise<void>((resolve) =>
        setImmediate(() =>
          runner
            .run(created.id, data)
            .catch((err) => deps.log.error({ err, jobId: created.id }, 'job could not run'))
            .finally(resolve),
        ),
      );
      void track(created.id, run);
      return toJob(created);
    }
    // The row, its files and the queue's job commit together: no job is queued without its row, nor the reverse.
    await durable.queue.ensure(name);
    if (definition.abandoned) await durable.queue.ensure(abandonedQueue(name));
    const client = await durable.pool.connect();
    let created: JobRow;
    try {
      await client.query('BEGIN');
      const txRepo = createJobRepo(drizzle(client) as unknown as Db);
      created = await txRepo.insert(row);
      await txRepo.insertInputs(created.id, extra.files ?? []);
      await durable.queue.send(
        name,
        asData(created.id),
        {
          id: created.id,
          retryLimit: definition.retries ?? 1,
          retryDelaySeconds: 0,
          expireInSeconds: definition.expireInSeconds ?? 3600,
          ...(definition.abandoned ? { deadLetter: abandonedQueue(name) } : {}),
        },
        client,
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    durable.queue.wake(name);
    return toJob(created);
  }

  function visible(actor: Actor, row: JobRow): boolean {
    if (actor.scope === 'city') return true;
    const owner = ownerOf(actor);
    if (!owner) return false;
    return owner.id === (owner.by === 'user' ? row.createdById : row.createdByTokenId);
  }

  return {
    /** Names a kind of job and its handler; call while the app is built, once per name. */
    define<P>(name: string, handler: JobHandler<P>, options: JobHandlerOptions<P> = {}): JobKind<P> {
      if (handlers.has(name)) throw new Error(`job handler ${name} is defined twice`);
      handlers.set(name, { name, handler, ...options } as JobDefinition);
      durable?.queue.work(name, (job) => track(job.id, runner.run(job.id, job.data as JobData)), {
        concurrency: durable.concurrency ?? 1,
      });
      const abandoned = options.abandoned;
      // A job given up for good comes back here as a dead letter, to the handler's clean-up.
      if (durable && abandoned)
        durable.queue.work(
          abandonedQueue(name),
          async ({ data }) => {
            const { jobId, payload } = data as JobData;
            const row = await repo.findById(jobId);
            await abandoned(payload as P, row?.message ?? 'the job was given up');
          },
          { pollingSeconds: 30 },
        );
      return { name, start: (actor, payload, extra = {}) => start(name, actor, payload, extra) };
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

    /** Checks the unfinished jobs against the queue now (it also runs periodically and at start). */
    reconcile,

    /**
     * Waits for the runs in this process. After `timeoutMs` the rest are given up here; without the
     * queue they are recorded as interrupted (with it, see `stop`).
     */
    async drain(timeoutMs = 30_000): Promise<boolean> {
      if (running.size === 0) return true;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const all = Promise.allSettled([...running.values()]).then(() => 'done' as const);
      const outcome = await Promise.race([all, timeout]);
      clearTimeout(timer);
      if (outcome === 'done') return true;
      if (!durable) for (const id of running.keys()) await runner.interrupt(id);
      return false;
    },

    /**
     * At shutdown: waits for the runs in this process up to `timeoutMs`, then hands those still
     * running back to the queue (another instance, or this one after a restart, runs them again).
     */
    async stop(timeoutMs = 30_000): Promise<void> {
      const finished = await this.drain(timeoutMs);
      // Without the liveness locks the runs still here look dead, and the reconciler hands them back.
      await liveness?.close();
      if (!finished && durable) await reconcile();
    },
  };
}

export type JobService = ReturnType<typeof createJobService>;

/** The dead-letter queue of a handler's jobs. */
const abandonedQueue = (name: string) => `${name}.abandoned`;

/** Whose jobs these are: a person, or an API token acting without one. */
function ownerOf(actor: Actor): JobOwner | null {
  if (actor.userId) return { by: 'user', id: actor.userId };
  if (actor.tokenId) return { by: 'token', id: actor.tokenId };
  return null;
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

/** The one file a job was started with (an import's upload). */
export function onlyFile(files: readonly JobFile[]): JobFile {
  const [file] = files;
  if (!file || files.length > 1) throw new Error(`expected the job's one file, found ${files.length}`);
  return file;
}
