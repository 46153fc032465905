import pg from 'pg';
import type { QueueLog } from './queue.js';

/** The advisory lock key of a job, computed by PostgreSQL on both sides: `$1` is the job id. */
export const JOB_LOCK_KEY = `hashtextextended('suilian.job:' || $1::text, 0)`;

/**
 * Proof of life for running jobs: while a run lasts, this instance holds a session advisory lock
 * named after the job on a connection of its own. When the process dies (even by SIGKILL) the
 * server ends that session and the lock is free, which is how the reconciler tells a dead run from
 * a slow one without a timeout. Server-side TCP keepalives bound how long a vanished host is
 * believed alive (about a minute).
 */
export function createLiveness(deps: { connection: pg.ClientConfig; log: QueueLog }) {
  const held = new Set<string>();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;

  async function connect(): Promise<pg.Client> {
    const c = new pg.Client({ ...deps.connection, application_name: 'suilian-job-liveness' });
    const lost = (err?: Error) => {
      if (client !== c) return;
      client = null;
      if (!closed) deps.log.warn({ err, running: [...held] }, 'job liveness connection lost; reconnecting');
      // Take the locks again at once, so the running jobs do not look dead for longer than needed.
      if (!closed && held.size > 0) void ready().catch((e) => deps.log.error({ err: e }, 'job liveness reconnect failed'));
    };
    c.on('error', lost);
    c.on('end', () => lost());
    await c.connect();
    await c.query('SET tcp_keepalives_idle = 30; SET tcp_keepalives_interval = 10; SET tcp_keepalives_count = 3').catch(() => undefined); // not settable over a Unix socket, where it is not needed either
    for (const id of held) {
      const { rows } = await c.query(`SELECT pg_try_advisory_lock(${JOB_LOCK_KEY}) AS ok`, [id]);
      // Someone else holds it: the reconciler took the job back meanwhile, and this run's writes are fenced off.
      if (!rows[0]?.ok) deps.log.warn({ jobId: id }, 'a running job was taken over while the liveness connection was down');
    }
    return c;
  }

  async function ready(): Promise<pg.Client> {
    if (client) return client;
    connecting ??= connect()
      .then((c) => {
        client = c;
        return c;
      })
      .finally(() => {
        connecting = null;
      });
    return connecting;
  }

  return {
    /** Marks `jobId` as running here until `release`. */
    async hold(jobId: string): Promise<void> {
      if (closed) throw new Error('the job liveness connection is closed');
      held.add(jobId);
      try {
        const c = await ready();
        await c.query(`SELECT pg_advisory_lock(${JOB_LOCK_KEY})`, [jobId]);
      } catch (error) {
        held.delete(jobId);
        throw error;
      }
    },

    async release(jobId: string): Promise<void> {
      if (!held.delete(jobId)) return;
      await client?.query(`SELECT pg_advisory_unlock(${JOB_LOCK_KEY})`, [jobId]).catch(() => undefined);
    },

    /** Ends the connection: every job still held here looks dead to the reconciler from now on. */
    async close(): Promise<void> {
      closed = true;
      held.clear();
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}

export type Liveness = ReturnType<typeof createLiveness>;
