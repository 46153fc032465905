import type { Me } from '@suilian/contracts';
import type { Actor } from '../../platform/actor.js';

export interface CachedSession {
  actor: Omit<Actor, 'requestId' | 'clientIp'>;
  me: Me;
  /** `me` serialised once: the hottest read of the console is answered without re-serialising. */
  meJson: string;
  userId: string;
  mustChangePassword: boolean;
  csrfToken: string;
  sessionExpiresAt: number;
  cachedUntil: number;
}

/**
 * Keeps resolved sessions for a few seconds so an authenticated read costs no database round trip.
 * Changes to a user clear its entries here at once; other server instances see them within the
 * TTL (docs/adr/0003-session-cache.md).
 */
export function createSessionCache(ttlMs = 5_000, maxEntries = 10_000) {
  const entries = new Map<string, CachedSession>();
  return {
    ttlMs,
    get(idHash: string, now: number): CachedSession | null {
      const hit = entries.get(idHash);
      if (!hit) return null;
      if (hit.cachedUntil <= now || hit.sessionExpiresAt <= now) {
        entries.delete(idHash);
        return null;
      }
      return hit;
    },
    set(idHash: string, value: CachedSession): void {
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
