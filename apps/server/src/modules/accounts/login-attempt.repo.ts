import { and, eq, gt, isNull, lt, max, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { loginAttempt } from './account.table.js';

export type LoginAttemptRow = typeof loginAttempt.$inferSelect;

/** Where failed logins are counted: the name as typed (lower-cased) and the client address. */
export interface AttemptKey {
  username: string;
  clientIp: string;
}

/** The key of a login: names are compared lower-cased so that `Admin` and `admin` share one counter. */
export function attemptKeyOf(username: string, clientIp: string): AttemptKey {
  return { username: username.toLowerCase(), clientIp };
}

/** Failed-login counters and locks per name and client address. */
export function createLoginAttemptRepo(db: DbOrTx) {
  const matches = (key: AttemptKey) => and(eq(loginAttempt.username, key.username), eq(loginAttempt.clientIp, key.clientIp));
  return {
    async find(key: AttemptKey): Promise<LoginAttemptRow | null> {
      const [row] = await db.select().from(loginAttempt).where(matches(key));
      return row ?? null;
    },

    /** Counts one more failure for the pair (atomically) and returns the row as it now is. */
    async addFailure(key: AttemptKey, now: Date): Promise<LoginAttemptRow> {
      const [row] = await db
        .insert(loginAttempt)
        .values({ ...key, failures: 1, locks: 0, lastFailureAt: now })
        .onConflictDoUpdate({
          target: [loginAttempt.username, loginAttempt.clientIp],
          set: { failures: sql`${loginAttempt.failures} + 1`, lastFailureAt: now },
        })
        .returning();
      if (!row) throw new Error('upsert returned no row');
      return row;
    },

    /** Locks the pair until `until`; the failure count starts again and the lock count grows. */
    async lock(key: AttemptKey, until: Date): Promise<void> {
      await db
        .update(loginAttempt)
        .set({ failures: 0, locks: sql`${loginAttempt.locks} + 1`, lockedUntil: until })
        .where(matches(key));
    },

    /** A successful login forgets the pair's failures and past locks. */
    async clear(key: AttemptKey): Promise<void> {
      await db.delete(loginAttempt).where(matches(key));
    },

    /** An administrator's unlock (or reset, disable, enable): every address of the name starts afresh. */
    async clearName(username: string): Promise<void> {
      await db.delete(loginAttempt).where(eq(loginAttempt.username, username.toLowerCase()));
    },

    /** The latest lock still running for the name from any address, shown on the account. */
    async lockedUntilOf(username: string, now: Date): Promise<Date | null> {
      const [row] = await db
        .select({ until: max(loginAttempt.lockedUntil) })
        .from(loginAttempt)
        .where(and(eq(loginAttempt.username, username.toLowerCase()), gt(loginAttempt.lockedUntil, now)));
      return row?.until ?? null;
    },

    /** Forgets pairs whose last failure is older than `before` and that are not locked any more. */
    async purge(before: Date, now: Date): Promise<void> {
      await db
        .delete(loginAttempt)
        .where(and(lt(loginAttempt.lastFailureAt, before), or(isNull(loginAttempt.lockedUntil), lt(loginAttempt.lockedUntil, now))));
    },
  };
}
