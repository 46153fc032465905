import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { DbOrTx } from '../../db/client.js';
import type { SessionCache } from './session-cache.js';

/** The channel on which every instance hears of sessions to drop from its cache (ADR 0014). */
export const SESSION_REVOCATION_CHANNEL = 'suilian_session_revoked';

/** What to drop: every session of an account, or one session by the hash of its id. */
export type Revocation = { userId: string } | { idHash: string };

export interface SessionRevocationDeps {
  /** The pool's connection settings, reused for the dedicated LISTEN connection. */
  connection: pg.ClientConfig;
  sessions: SessionCache;
  log: { warn(obj: object, msg: string): void };
}

/**
 * Session revocation across server instances: a change that ends or alters sessions (logout, password,
 * disable, reset, second factor) sends a NOTIFY in its transaction; PostgreSQL delivers it at commit
 * to every instance, which drops the cached sessions at once. While the LISTEN connection is down the
 * cache is switched off (every request reads the database), so a missed notification can never keep a
 * revoked session alive; it is emptied again on reconnecting.
 */
export function createSessionRevocation(deps: SessionRevocationDeps) {
  let client: pg.Client | null = null;
  let stopped = false;
  let retryMs = 500;
  let timer: NodeJS.Timeout | undefined;
  let ready: Promise<void> | null = null;
  const waiters = new Set<{ matches: (r: Revocation) => boolean; resolve: () => void }>();

  function apply(payload: string) {
    let revocation: Revocation;
    try {
      revocation = JSON.parse(payload) as Revocation;
    } catch {
      return;
    }
    if ('userId' in revocation) deps.sessions.deleteUser(revocation.userId);
    else if ('idHash' in revocation) deps.sessions.delete(revocation.idHash);
    for (const waiter of waiters) {
      if (!waiter.matches(revocation)) continue;
      waiters.delete(waiter);
      waiter.resolve();
    }
  }

  async function connect(): Promise<void> {
    const c = new pg.Client({ ...deps.connection, application_name: 'suilian-sessions-listen' });
    c.on('notification', (msg) => {
      if (msg.channel === SESSION_REVOCATION_CHANNEL && msg.payload) apply(msg.payload);
    });
    c.on('error', (err) => {
      deps.log.warn({ err }, 'session revocation listener lost its connection; caching sessions is off until it reconnects');
      drop(c);
      schedule();
    });
    c.on('end', () => {
      if (client === c && !stopped) {
        drop(c);
        schedule();
      }
    });
    await c.connect();
    await c.query(`LISTEN ${SESSION_REVOCATION_CHANNEL}`);
    if (stopped) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    retryMs = 500;
    // Notifications sent while nobody listened are lost: start from an empty cache.
    deps.sessions.clear();
    deps.sessions.setEnabled(true);
  }

  function drop(c: pg.Client) {
    if (client === c) client = null;
    deps.sessions.setEnabled(false);
    c.removeAllListeners('notification');
    void c.end().catch(() => undefined);
  }

  function schedule() {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      connect().catch((err) => {
        deps.log.warn({ err }, 'session revocation listener could not reconnect');
        retryMs = Math.min(retryMs * 2, 30_000);
        schedule();
      });
    }, retryMs);
    timer.unref();
  }

  return {
    /** Sends the revocation to every instance when `tx` commits (this one included). */
    async notify(tx: DbOrTx, revocation: Revocation): Promise<void> {
      await tx.execute(sql`SELECT pg_notify(${SESSION_REVOCATION_CHANNEL}, ${JSON.stringify(revocation)})`);
    },
    /** Connects and LISTENs; until then (and whenever the connection is lost) nothing is cached. */
    start(): Promise<void> {
      ready ??= connect().catch((err) => {
        deps.log.warn({ err }, 'session revocation listener could not connect; retrying');
        schedule();
      });
      return ready;
    },
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      deps.sessions.setEnabled(false);
      const c = client;
      client = null;
      if (c) await c.end().catch(() => undefined);
    },
    /** Resolves once this instance has applied a revocation that `matches` (tests wait on it). */
    applied(matches: (revocation: Revocation) => boolean): Promise<void> {
      return new Promise((resolve) => waiters.add({ matches, resolve }));
    },
    /** For tests: kill the connection as a network failure would. */
    simulateFailure(): void {
      client?.emit('error', new Error('simulated connection loss'));
    },
    get listening(): boolean {
      return client !== null;
    },
  };
}

export type SessionRevocation = ReturnType<typeof createSessionRevocation>;
