import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { createHandleRepo, type RecordRow } from './handle.repo.js';
import { chinaDay, DailyCounters } from './logic/counters.js';
import { TtlCache } from './logic/ttl-cache.js';
import { canPublicRead, recordTtl, type StoredValue, toWire } from './logic/values.js';

export interface ResolverDeps {
  db: Db;
  clock: Clock;
  /** Records held per instance (each ≈ 1–2 KB). */
  cacheEntries?: number;
  /** Seconds a "no such handle" answer is cached (a create on any instance clears it sooner). */
  negativeTtlSeconds?: number;
}

/** A cached handle: the row (null when absent) and, built on first use, the anonymous answer. */
export interface CachedRecord {
  record: RecordRow | null;
  publicValues: StoredValue[];
  /** The JSON body (UTF-8 bytes) of an unfiltered anonymous resolution, for the handle spelled as stored. */
  publicBody?: Buffer;
  /** Its entity tag and Cache-Control header, made with the body. */
  publicEtag?: string;
  publicCacheControl?: string;
}

/**
 * Resolution from an in-process cache honouring each record's smallest value TTL, with daily
 * resolution counters drained to handle_stat_daily by `flush()` (never a write per resolution).
 */
export function createResolver(deps: ResolverDeps) {
  const repo = createHandleRepo(deps.db);
  const findByKey = repo.preparedFindByKey();
  const now = () => deps.clock.now().getTime();
  const cache = new TtlCache<CachedRecord>(deps.cacheEntries ?? 200_000, now);
  const counters = new DailyCounters();
  // Loads of the same key share one query (a burst of misses on a new QR code hits the database once).
  const inflight = new Map<string, Promise<CachedRecord>>();
  let generation = 0;
  let dayCache = { until: 0, day: '' };

  function today(): string {
    const t = now();
    if (t >= dayCache.until) dayCache = { until: t - (t % 60_000) + 60_000, day: chinaDay(t) };
    return dayCache.day;
  }

  async function load(key: string): Promise<CachedRecord> {
    const startedAt = generation;
    const record = await findByKey(key);
    const entry: CachedRecord = { record, publicValues: record ? record.handleValues.filter((v) => canPublicRead(v.permissions)) : [] };
    // An invalidation that arrived while we were reading may concern this very row: do not cache.
    if (startedAt === generation)
      cache.set(key, entry, record ? Math.min(recordTtl(record.handleValues), 86_400) : (deps.negativeTtlSeconds ?? 30));
    return entry;
  }

  return {
    /** The cached record for a handle key, loading it on a miss. */
    get(key: string): CachedRecord | Promise<CachedRecord> {
      const hit = cache.get(key);
      if (hit) return hit;
      let pending = inflight.get(key);
      if (!pending) {
        pending = load(key).finally(() => inflight.delete(key));
        inflight.set(key, pending);
      }
      return pending;
    },

    /** The cached record for a handle key, or undefined when it is not cached (never loads). */
    peek(key: string): CachedRecord | undefined {
      return cache.get(key);
    },

    /**
     * The body of an unfiltered anonymous resolution, serialised and encoded once per cached record
     * (a cache hit sends these bytes as they are, with no JSON or UTF-8 work).
     */
    publicBody(entry: CachedRecord): Buffer {
      if (entry.publicBody === undefined) {
        const body = Buffer.from(
          entry.record ? JSON.stringify({ responseCode: 1, handle: entry.record.handle, values: entry.publicValues.map(toWire) }) : '',
        );
        entry.publicEtag = entityTag(body);
        entry.publicCacheControl = publicCacheControl(entry.publicValues);
        entry.publicBody = body;
      }
      return entry.publicBody;
    },

    countResolution(prefix: string): void {
      counters.add(prefix, today(), 'resolutions');
    },

    invalidate(keys: readonly string[]): void {
      generation++;
      for (const key of keys) cache.delete(key);
    },

    /** Forget everything (after the invalidation channel was down: notifications may be lost). */
    clear(): void {
      generation++;
      cache.clear();
    },

    /** Counts not yet written to the database. */
    pending() {
      return counters.peek();
    },

    get cacheSize(): number {
      return cache.size;
    },

    /** Writes pending resolution counts in one statement; on failure they are kept for the next try. */
    async flush(): Promise<void> {
      const rows = counters.drain();
      if (rows.length === 0) return;
      try {
        await repo.addStats(rows);
      } catch (err) {
        counters.restore(rows);
        throw err;
      }
    },
  };
}

export type Resolver = ReturnType<typeof createResolver>;

/** A strong entity tag of an answer's bytes. */
export function entityTag(body: Buffer | string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Shared caches may keep an anonymous answer as long as its shortest-lived value (RFC 3651 TTLs). */
export function publicCacheControl(values: readonly { ttl: number }[]): string {
  return `public, max-age=${Math.min(recordTtl(values as StoredValue[]), 86_400)}`;
}
