import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Db } from '../../db/client.js';
import type { Clock } from '../clock.js';
import { createJobRepo, type JobRow } from './job.repo.js';
import { JOB_LOCK_KEY } from './liveness.js';
import type { JobQueue, QueueLog, QueueState } from './queue.js';

export interface ReconcileDeps {
  pool: pg.Pool;
  db: Db;
  queue: JobQueue;
  clock: Clock;
  log: QueueLog;
  /** Told of each job handed back (`requeue`) or given up (`fail`) after its transaction committed. */
  settled?: (handler: string, verdict: 'requeue' | 'fail') => void;
  /**
   * How long a job may sit taken from the queue without its run having begun before its taker is
   * presumed lost (default 60 s). Runs that have begun need no such wait: their lock tells.
   */
  graceMs?: number;
}

export interface ReconcileResult {
  requeued: number;
  failed: number;
}

type Verdict = { kind: 'keep' } | { kind: 'requeue'; message: string } | { kind: 'fail'; message: string };

/**
 * Makes each unfinished job row agree with the queue: a run whose instance died (its liveness lock
 * is free) is handed back to the queue, which retries it or gives it up; a job the queue gave up
 * (expired, out of attempts, lost) ends `failed` with the reason. Safe to run on several instances
 * at once: each job is decided under its row lock and its liveness lock, and every write is fenced
 * by the attempt it judged.
 */
export async function reconcileJobs(deps: ReconcileDeps): Promise<ReconcileResult> {
  const result: ReconcileResult = { requeued: 0, failed: 0 };
  for (const row of await createJobRepo(deps.db).findOpen(500)) {
    try {
      const verdict = await reconcileOne(deps, row.id);
      if (verdict === 'requeue') result.requeued++;
      if (verdict === 'fail') result.failed++;
    } catch (err) {
      deps.log.warn({ err, jobId: row.id }, 'job reconciliation failed; tried again next time');
    }
  }
  return result;
}

async function reconcileOne(deps: ReconcileDeps, id: string): Promise<Verdict['kind']> {
  const client = await deps.pool.connect();
  let handler: string | null = null;
  let verdict: Verdict = { kind: 'keep' };
  try {
    await client.query('BEGIN');
    // The repository on this transaction's connection; only the query builder is used.
    const repo = createJobRepo(drizzle(client) as unknown as Db);
    const row = await repo.lockOpen(id);
    if (row) {
      handler = row.handler;
      const state = row.handler ? await deps.queue.find(row.handler, row.id, client) : null;
      verdict = row.handler ? await judge(deps, client, row, state) : { kind: 'fail', message: LEGACY };
      if (verdict.kind === 'requeue') {
        await repo.finish(row.id, row.attempts, { status: 'queued', message: verdict.message });
      }
      if (verdict.kind === 'fail') {
        // The handler's own clean-up (ADR 0012) comes through the queue's dead letter, on an instance that has it.
        await repo.finish(row.id, row.attempts, { status: 'failed', message: verdict.message, finishedAt: deps.clock.now() });
        await repo.deleteInputs(row.id);
      }
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  if (handler && verdict.kind !== 'keep') deps.settled?.(handler, verdict.kind);
  return verdict.kind;
}

const LEGACY = 'interrupted: the server that ran it stopped before it finished; start it again';

async function judge(deps: ReconcileDeps, client: pg.PoolClient, row: JobRow, state: QueueState | null): Promise<Verdict> {
  const handler = row.handler as string;
  if (!state) return { kind: 'fail', message: 'lost: the queue has no record of this job; start it again' };
  const attempts = `${row.attempts} of ${state.retryLimit + 1} attempts`;
  switch (state.state) {
    case 'completed':
      return { kind: 'fail', message: 'its outcome could not be recorded; quote the job id when reporting it' };
    case 'failed':
    case 'cancelled':
      return { kind: 'fail', message: `${reasonOf(state.output)} (${attempts}); start it again` };
    case 'created':
    case 'retry':
      if (!state.live) return { kind: 'fail', message: 'it waited longer than the queue keeps a job; start it again' };
      return row.status === 'running' ? { kind: 'requeue', message: 'the server running it stopped; it will run again' } : { kind: 'keep' };
    case 'active': {
      const { rows } = await client.query(`SELECT pg_try_advisory_xact_lock(${JOB_LOCK_KEY}) AS free, now() AS now`, [row.id]);
      if (!rows[0]?.free) return { kind: 'keep' }; // its instance is alive and holds it
      // The run that holds the queue's current attempt has begun (and so had its lock): it is dead.
      const begun = row.status === 'running' && row.attempts === state.retryCount + 1;
      const waited = state.startedOn !== null && rows[0].now.getTime() - state.startedOn.getTime() > (deps.graceMs ?? 60_000);
      if (!begun && !waited) return { kind: 'keep' }; // taken a moment ago; its run is about to begin
      await deps.queue.fail(handler, row.id, LOST, client);
      const after = await deps.queue.find(handler, row.id, client);
      if (after && (after.state === 'retry' || after.state === 'created'))
        return {
          kind: 'requeue',
          message: `the server running it stopped; it runs again (attempt ${row.attempts + 1} of ${state.retryLimit + 1})`,
        };
      return { kind: 'fail', message: `the server running it stopped before it finished (${attempts}); start it again` };
    }
  }
}

const LOST = 'the server running it stopped';

/** The queue's reason for giving a job up, in the words the console shows. */
function reasonOf(output: unknown): string {
  const text = JSON.stringify(output ?? '');
  if (text.includes('timeout')) return 'it ran longer than its time limit';
  if (text.includes('shut down')) return 'the server running it shut down before it finished';
  if (text.includes('no handler named')) return 'no server instance could run it';
  if (text.includes(LOST)) return 'the server running it stopped before it finished';
  return 'the queue gave it up';
}
