import type pg from 'pg';
import PgBoss from 'pg-boss';

/**
 * One queue per named handler or periodic task: an instance works only the queues it has a handler
 * for, so during a rolling upgrade an older instance never takes a job it cannot run.
 */
export type QueueName = string;

/** What the queue logs through (pino's shape). */
export interface QueueLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** A queued job as a worker receives it. */
export interface QueuedJob<T> {
  id: string;
  data: T;
  /** 0 on the first run, then 1, 2… after the instance running it was lost. */
  retryCount: number;
  retryLimit: number;
}

/** The queue's view of one job, for the reconciler. */
export interface QueueState {
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  retryCount: number;
  retryLimit: number;
  startedOn: Date | null;
  /** Still in the live table (false once pg-boss archived it). */
  live: boolean;
  data: unknown;
  output: unknown;
}

/** A connection to run a queue statement on: the pool, or a client inside a transaction. */
export type Executor = Pick<pg.Pool | pg.PoolClient, 'query'>;

export interface SendOptions {
  id?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  expireInSeconds?: number;
  /** At most one job per key and time slot of this many seconds (the rest are dropped). */
  throttle?: { key: string; seconds: number };
  /** Where pg-boss puts a copy of the job when it gives it up for good (out of attempts, expired). */
  deadLetter?: QueueName;
}

interface Worker {
  queue: QueueName;
  concurrency: number;
  pollingSeconds: number;
  handle(job: QueuedJob<unknown>): Promise<unknown>;
}

const asDb = (executor: Executor) => ({
  executeSql: (text: string, values?: unknown[]) => executor.query(text, values as unknown[]),
});

/** pg-boss on the app's pool: it opens no pool of its own, and its statements can join our transactions. */
function bossOn(pool: pg.Pool, options: Partial<PgBoss.ConstructorOptions>): PgBoss {
  return new PgBoss({ db: asDb(pool), schedule: false, ...options });
}

/**
 * Creates or upgrades the queue's schema (`pgboss`) with pg-boss's own install and migrations,
 * under its advisory lock, so several instances may boot at once. Boot does it in `start`; the
 * test template calls it once so that each test database is cloned with it.
 */
export async function installJobQueue(pool: pg.Pool): Promise<void> {
  const boss = bossOn(pool, { supervise: false });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.stop({ graceful: false, close: false });
}

/**
 * Creates a queue unless it exists. pg-boss makes each queue a partition of its job table; two
 * instances attaching partitions at the same moment deadlock, so creations take turns.
 */
async function createQueue(pool: pg.Pool, name: QueueName): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('suilian.job_queue.create', 0))");
    const boss = new PgBoss({ db: asDb(client), migrate: false, supervise: false, schedule: false });
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, policy: 'standard' });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The PostgreSQL-backed queue (pg-boss, ADR 0012). Workers are registered while the app is built
 * and start on `start()`; `stop()` lets running work finish (up to `timeoutMs`), then hands what is
 * left back to the queue for another instance.
 */
export function createJobQueue(deps: {
  pool: pg.Pool;
  log: QueueLog;
  /** How often an idle worker asks for work (default 2 s); this instance's own sends wake it at once. */
  pollingSeconds?: number;
}) {
  const workers: Worker[] = [];
  const workerIds = new Map<QueueName, string[]>();
  /** Queues known to exist; each is created on first use (a DDL statement, so not for every boot of every test). */
  const ensured = new Map<QueueName, Promise<void>>();
  let boss: PgBoss | null = null;
  let archiveAfterSeconds = 12 * 3600;

  function started(): PgBoss {
    if (!boss) throw new Error('the job queue is not started');
    return boss;
  }

  function ensure(name: QueueName): Promise<void> {
    let done = ensured.get(name);
    if (!done) {
      done = createQueue(deps.pool, name);
      done.catch(() => ensured.delete(name));
      ensured.set(name, done);
    }
    return done;
  }

  async function startWorker(b: PgBoss, w: Worker): Promise<void> {
    const options = { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: w.pollingSeconds } as const;
    for (let i = 0; i < w.concurrency; i++) {
      const id = await b.work<unknown>(w.queue, options, async ([job]) => {
        if (!job) return;
        return w.handle({ id: job.id, data: job.data, retryCount: job.retryCount, retryLimit: job.retryLimit });
      });
      workerIds.set(w.queue, [...(workerIds.get(w.queue) ?? []), id]);
    }
  }

  return {
    /** Runs `handle` for jobs of `queue`, `concurrency` at a time on this instance. */
    work(queue: QueueName, handle: Worker['handle'], options: { concurrency?: number; pollingSeconds?: number } = {}): void {
      const worker: Worker = {
        queue,
        concurrency: options.concurrency ?? 1,
        pollingSeconds: options.pollingSeconds ?? deps.pollingSeconds ?? 2,
        handle,
      };
      workers.push(worker);
      if (boss) void startWorker(boss, worker).catch((err) => deps.log.error({ err, queue }, 'job worker did not start'));
    },

    /** Throttle slots longer than pg-boss's archive delay would not hold; the longest slot raises it. */
    keepCompletedFor(seconds: number): void {
      archiveAfterSeconds = Math.max(archiveAfterSeconds, seconds);
    },

    async start(): Promise<void> {
      if (boss) return;
      const b = bossOn(deps.pool, { archiveCompletedAfterSeconds: archiveAfterSeconds });
      b.on('error', (err) => deps.log.warn({ err }, 'job queue error'));
      await b.start();
      boss = b;
      for (const w of workers) await startWorker(b, w);
    },

    /** Creates the queue now unless it exists (before a transaction that will send to it holds a connection). */
    ensure,

    /** Stops taking new jobs (at shutdown, before the running ones are waited for); sends still work. */
    async pause(): Promise<void> {
      const b = boss;
      if (!b) return;
      for (const queue of workerIds.keys()) await b.offWork(queue);
      workerIds.clear();
    },

    /** Lets running work finish for up to `timeoutMs`; what is still running then goes back to the queue. */
    async stop(timeoutMs = 30_000): Promise<void> {
      const b = boss;
      if (!b) return;
      boss = null;
      workerIds.clear();
      await b.stop({ graceful: true, close: false, timeout: timeoutMs });
    },

    get running(): boolean {
      return boss !== null;
    },

    /** Queues a job (inside the caller's transaction when `on` is its client); null when throttled away. */
    async send(queue: QueueName, data: object, options: SendOptions = {}, on?: Executor): Promise<string | null> {
      const b = started();
      await ensure(queue);
      if (options.deadLetter) await ensure(options.deadLetter);
      return b.send(queue, data, {
        ...(options.deadLetter ? { deadLetter: options.deadLetter } : {}),
        ...(options.id ? { id: options.id } : {}),
        ...(options.retryLimit !== undefined ? { retryLimit: options.retryLimit } : {}),
        ...(options.retryDelaySeconds !== undefined ? { retryDelay: options.retryDelaySeconds } : {}),
        ...(options.expireInSeconds ? { expireInSeconds: options.expireInSeconds } : {}),
        ...(options.throttle ? { singletonKey: options.throttle.key, singletonSeconds: options.throttle.seconds } : {}),
        ...(on ? { db: asDb(on) } : {}),
      });
    },

    /** Wakes this instance's idle workers of `queue` (after a send), instead of waiting for their next poll. */
    wake(queue: QueueName): void {
      const b = boss;
      for (const id of workerIds.get(queue) ?? []) b?.notifyWorker(id);
    },

    /** Takes an active job back from a lost instance: retried if it has attempts left, else failed. */
    async fail(queue: QueueName, id: string, message: string, on?: Executor): Promise<void> {
      await started().fail(queue, id, { message }, on ? { db: asDb(on) } : {});
    },

    /** The queue's state of a job (archived ones included); null when pg-boss has no trace of it. */
    async find(queue: QueueName, id: string, on?: Executor): Promise<QueueState | null> {
      const b = started();
      const db = on ? { db: asDb(on) } : {};
      const live = await b.getJobById(queue, id, { ...db, includeArchive: false });
      const found = live ?? (await b.getJobById(queue, id, { ...db, includeArchive: true }));
      if (!found) return null;
      return {
        state: found.state,
        retryCount: found.retryCount,
        retryLimit: found.retryLimit,
        startedOn: found.startedOn ?? null,
        live: live !== null,
        data: found.data ?? null,
        output: found.output ?? null,
      };
    },
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;
