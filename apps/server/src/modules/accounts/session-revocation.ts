import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { DbOrTx } from '../../db/client.js';
import { createChannelListener } from '../../platform/db/listen.js';
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

  const listener = createChannelListener({
    connection: deps.connection,
    channel: SESSION_REVOCATION_CHANNEL,
    applicationName: 'suilian-sessions-listen',
    onPayload: apply,
    onConnected: () => {
      // Notifications sent while nobody listened are lost: start from an empty cache.
      deps.sessions.clear();
      deps.sessions.setEnabled(true);
    },
    onDisconnected: () => deps.sessions.setEnabled(false),
    log: deps.log,
  });

  return {
    /** Sends the revocation to every instance when `tx` commits (this one included). */
    async notify(tx: DbOrTx, revocation: Revocation): Promise<void> {
      await tx.execute(sql`SELECT pg_notify(${SESSION_REVOCATION_CHANNEL}, ${JSON.stringify(revocation)})`);
    },
    /** Connects and LISTENs; until then (and whenever the connection is lost) nothing is cached. */
    start: () => listener.start(),
    stop: () => listener.stop(),
    /** Resolves once this instance has applied a revocation that `matches` (tests wait on it). */
    applied(matches: (revocation: Revocation) => boolean): Promise<void> {
      return new Promise((resolve) => waiters.add({ matches, resolve }));
    },
    /** For tests: kill the connection as a network failure would. */
    simulateFailure: () => listener.simulateFailure(),
    get listening(): boolean {
      return listener.connected;
    },
  };
}

export type SessionRevocation = ReturnType<typeof createSessionRevocation>;
