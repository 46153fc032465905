import { and, asc, eq, sql } from 'drizzle-orm';
import type pg from 'pg';
import type { DbOrTx } from '../../db/client.js';
import { telemetryLatest, telemetryRejection } from './telemetry.table.js';

/** One data point on its way to the database. */
export interface Point {
  deviceId: string;
  metric: string;
  /** Milliseconds since the epoch. */
  ts: number;
  value: number;
}

/** Bad input counted since the last write, per device and reason. */
export interface RejectionTally {
  deviceId: string;
  reason: string;
  count: number;
  lastAt: Date;
  lastDetail: string | null;
}

/**
 * Writes one batch in one transaction over the `pg` driver: every point in a single multi-row
 * INSERT over `unnest` arrays (a replayed point lands once: ON CONFLICT DO NOTHING), the latest
 * value per device and metric, the devices' last-seen time and the tallied bad input. Resolves
 * once COMMIT returned, i.e. once the batch is durable.
 */
export async function writeBatch(pool: pg.Pool, points: readonly Point[], rejections: readonly RejectionTally[], now: Date): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    if (points.length > 0) {
      await client.query(
        `INSERT INTO telemetry_point (device_id, metric, ts, value)
         SELECT d, m, to_timestamp(t / 1000.0), v FROM unnest($1::uuid[], $2::text[], $3::float8[], $4::float8[]) AS u(d, m, t, v)
         ON CONFLICT DO NOTHING`,
        columns(points),
      );
      const latest = latestOf(points);
      await client.query(
        `INSERT INTO telemetry_latest (device_id, metric, ts, value, stale)
         SELECT d, m, to_timestamp(t / 1000.0), v, false FROM unnest($1::uuid[], $2::text[], $3::float8[], $4::float8[]) AS u(d, m, t, v)
         ON CONFLICT (device_id, metric) DO UPDATE SET ts = EXCLUDED.ts, value = EXCLUDED.value, stale = false
         WHERE telemetry_latest.ts <= EXCLUDED.ts`,
        columns(latest),
      );
      const devices = [...new Set(points.map((p) => p.deviceId))];
      await client.query('UPDATE telemetry_device SET last_seen_at = $2 WHERE id = ANY($1::uuid[])', [devices, now]);
    }
    if (rejections.length > 0) {
      await client.query(
        `INSERT INTO telemetry_rejection (device_id, reason, count, last_at, last_detail)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::timestamptz[], $5::text[])
         ON CONFLICT (device_id, reason) DO UPDATE SET count = telemetry_rejection.count + EXCLUDED.count,
           last_at = EXCLUDED.last_at, last_detail = EXCLUDED.last_detail`,
        [
          rejections.map((r) => r.deviceId),
          rejections.map((r) => r.reason),
          rejections.map((r) => r.count),
          rejections.map((r) => r.lastAt),
          rejections.map((r) => r.lastDetail),
        ],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function columns(points: readonly Point[]): [string[], string[], number[], number[]] {
  return [points.map((p) => p.deviceId), points.map((p) => p.metric), points.map((p) => p.ts), points.map((p) => p.value)];
}

/** The newest point per device and metric (one upsert may touch a row only once). */
function latestOf(points: readonly Point[]): Point[] {
  const newest = new Map<string, Point>();
  for (const p of points) {
    const key = `${p.deviceId}\u0000${p.metric}`;
    const seen = newest.get(key);
    if (!seen || seen.ts <= p.ts) newest.set(key, p);
  }
  return [...newest.values()];
}

/** Reads of stored telemetry: latest values, rejections, the 1-minute rollup. */
export function createPointRepo(db: DbOrTx) {
  return {
    async latest(deviceId: string) {
      return db.select().from(telemetryLatest).where(eq(telemetryLatest.deviceId, deviceId)).orderBy(asc(telemetryLatest.metric));
    },

    async rejections(deviceId: string) {
      return db.select().from(telemetryRejection).where(eq(telemetryRejection.deviceId, deviceId)).orderBy(asc(telemetryRejection.reason));
    },

    /**
     * The 1-minute rollup, computed by SQL on read from the points (no rollup table yet): the
     * primary key (device, metric, ts) serves the range scan.
     */
    async rollup(deviceId: string, from: Date, to: Date, metric?: string) {
      const result = await db.execute<{ metric: string; t: Date | string; avg: number; min: number; max: number; count: number }>(sql`
        select metric, date_trunc('minute', ts) as t, avg(value)::float8 as avg, min(value) as min, max(value) as max, count(*)::int as count
        from telemetry_point
        where device_id = ${deviceId} and ts >= ${from} and ts < ${to} ${metric ? sql`and metric = ${metric}` : sql``}
        group by metric, date_trunc('minute', ts)
        order by metric, t`);
      return result.rows;
    },

    /**
     * Marks metrics stale after a Sparkplug death certificate: all of the edge node's (NDEATH), or
     * those of one device behind it (DDEATH: the metrics named `<sparkplug device>:<metric>`).
     */
    async markStale(deviceId: string, sparkplugDevice: string | null) {
      await db
        .update(telemetryLatest)
        .set({ stale: true })
        .where(
          and(
            eq(telemetryLatest.deviceId, deviceId),
            sparkplugDevice === null ? undefined : sql`starts_with(${telemetryLatest.metric}, ${`${sparkplugDevice}:`})`,
          ),
        );
    },
  };
}
