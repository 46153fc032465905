import type { Me } from '@suilian/contracts';
import type { Actor } from '../../platform/actor.js';

export interface CachedSession {
  actor: Omit<Actor, 'requestId' | 'clientIp'>;
  me: Me;
  /** `me` serialised once: the hottest read of the console is answered without re-serialising. */
  meJson: string;
  userId: string;
  mustChangePassword: boolean;
  /** The password was given, the second factor not yet. */
  secondFactorPending: boolean;
  /** The role requires a second factor the account has not enrolled. */
  enrolmentRequired: boolean;
  csrfToken: string;
  sessionExpiresAt: number;
  cachedUntil: number;
}

/**
 * Keeps resolved sessions for a few seconds so an authenticated read costs no database round trip.
 * Changes to a user clear its entries on every instance at once through LISTEN/NOTIFY
 * (session-revocation.ts, ADR 0014; docs/adr/0003-session-cache.md). The cache starts switched off
 * and is on only while this instance listens for revocations.
 */
export function createSessionCache(ttlMs = 5_000, maxEntries = 10_000, enabled = false) {
  const entries = new Map<string, CachedSession>();
  let on = enabled;
  return {
    ttlMs,
    get enabled(): boolean {
      return on;
    },
    /** Off: nothing is kept or served (the instance cannot hear revocations). */
    setEnabled(value: boolean): void {
      on = value;
      if (!value) entries.clear();
    },
    clear(): void {
      entries.clear();
    },
    get(idHash: string, now: number): CachedSession | null {
      if (!on) return null;
      const hit = entries.get(idHash);
      if (!hit) return null;
      if (hit.cachedUntil <= now || hit.sessionExpiresAt <= now) {
        entries.delete(idHash);
        return null;
      }
      return hit;
    },
    set(idHash: string, value: CachedSession): void {
      if (!on) return;
      if (entries.size >= maxEntries) entries.clear();
      entries.set(idHash, value);
    },
    delete(idHash: string): void {
      entries.delete(idHash);
    },
    deleteUser(userId: string): void {
      for (const [key, value] of entries) if (value.userId === userId) entries.delete(key);
    },
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;
