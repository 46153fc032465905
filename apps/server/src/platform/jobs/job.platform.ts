import type pg from 'pg';
import type { Db } from '../../db/client.js';
import type { Clock } from '../clock.js';
import { createJobService } from './job.service.js';
import { createJobQueue, type QueueLog } from './queue.js';
import { createSchedules } from './schedules.js';

export interface JobPlatformDeps {
  db: Db;
  pool: pg.Pool;
  clock: Clock;
  log: QueueLog;
  /** How often idle job workers poll the queue (default 2 s). */
  pollingSeconds?: number;
  /** How often unfinished jobs are checked against the queue (default 15 s). */
  reconcileEveryMs?: number;
  graceMs?: number;
}

/**
 * One instance's part of the durable job system (ADR 0012): the queue (pg-boss), the periodic
 * tasks and the user-facing jobs. Modules define handlers and tasks while the app is built;
 * `start` when the app is ready, `stop` when it closes.
 */
export function createJobPlatform(deps: JobPlatformDeps) {
  const queue = createJobQueue({ pool: deps.pool, log: deps.log, ...(deps.pollingSeconds ? { pollingSeconds: deps.pollingSeconds } : {}) });
  const schedules = createSchedules({ queue, log: deps.log });
  const jobs = createJobService({
    db: deps.db,
    clock: deps.clock,
    log: deps.log,
    durable: {
      pool: deps.pool,
      queue,
      schedules,
      ...(deps.reconcileEveryMs !== undefined ? { reconcileEveryMs: deps.reconcileEveryMs } : {}),
      ...(deps.graceMs !== undefined ? { graceMs: deps.graceMs } : {}),
    },
  });
  return {
    jobs,
    schedules,
    queue,
    /** Installs or upgrades the queue's schema, starts the workers and the schedules, and settles jobs left by a crash. */
    async start(): Promise<void> {
      await queue.start();
      schedules.start();
      await jobs.reconcile();
    },
    /** Stops proposing tasks and taking jobs, lets running jobs finish (up to `timeoutMs`), hands the rest back. */
    async stop(timeoutMs = 30_000): Promise<void> {
      schedules.stop();
      await queue.pause();
      await jobs.stop(timeoutMs);
      await queue.stop(1000);
    },
  };
}

export type JobPlatform = ReturnType<typeof createJobPlatform>;
