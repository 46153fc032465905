import type { DbOrTx } from '../../db/client.js';
import { createHandleRepo } from './handle.repo.js';
import { chinaDay } from './logic/counters.js';
import { asciiUpper } from './logic/syntax.js';
import { stringValue } from './logic/template.js';
import { defaultAdminValue, isoSeconds } from './logic/values.js';

/** One value of a platform-issued handle, typed (e.g. CERT_COURSE) with a string. */
export interface PlatformHandleValue {
  type: string;
  value: string;
}

/**
 * Handles the platform itself issues under its own (first served) prefix, inside another module's
 * transaction — training certificates (issue #15 item 6). No person's handle:write is involved:
 * the issuing module's policy decided; it also writes the audit entry. The registration counts in
 * the prefix's daily statistics, and other instances drop any cached "not found" at commit.
 */
export function createPlatformHandles(deps: { servedPrefixes: readonly string[] }) {
  const prefix = deps.servedPrefixes[0] ?? '88.118';
  return {
    prefix,
    /** Registers `<prefix>/<suffix>` with the values (indexes 1…) and the prefix's admin value; false when it exists. */
    async register(tx: DbOrTx, suffix: string, values: readonly PlatformHandleValue[], now: Date, isDemo = false): Promise<string | null> {
      const handle = `${prefix}/${suffix}`;
      const stamp = isoSeconds(now);
      const stored = values.map((v, i) => stringValue(i + 1, v.type, v.value, stamp));
      stored.push(defaultAdminValue(prefix, now));
      const repo = createHandleRepo(tx);
      const key = asciiUpper(handle);
      const inserted = await repo.insertMany([
        { handleKey: key, handle, prefix, handleValues: stored, isDemo, createdAt: now, updatedAt: now },
      ]);
      if (!inserted.has(key)) return null;
      await repo.addStats([{ prefix, day: chinaDay(now), registrations: 1, resolutions: 0 }]);
      await repo.notify([key]);
      return handle;
    },
  };
}

export type PlatformHandles = ReturnType<typeof createPlatformHandles>;
