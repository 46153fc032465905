import type { TelemetryRejection } from '@suilian/contracts';
import type { Point } from '../point.repo.js';

/** A reason a value or message was refused, with what to log. */
export interface Refused {
  reason: TelemetryRejection;
  detail: string;
}

/** What one message turned into: the points to store and what was refused. */
export interface Parsed {
  points: Point[];
  refused: Refused[];
}

/** Values beyond this magnitude are refused as out of range (sensor faults, unit mistakes). */
export const MAX_MAGNITUDE = 1e15;
/** Points stamped further ahead than this are refused (clock skew). */
export const MAX_FUTURE_MS = 5 * 60_000;
/** Points older than this are refused (a device replaying a month of buffer belongs in a bulk import). */
export const MAX_PAST_MS = 7 * 86_400_000;
const METRIC_NAME = /^[^\p{Cc}]{1,200}$/u;

/** Checks one value and its timestamp, adding a point or a refusal. */
export function addValue(out: Parsed, deviceId: string, metric: string, raw: unknown, ts: number, now: number) {
  if (!METRIC_NAME.test(metric))
    return void out.refused.push({ reason: 'invalid_shape', detail: `metric name ${JSON.stringify(metric.slice(0, 40))}` });
  const value = typeof raw === 'boolean' ? Number(raw) : raw;
  if (typeof value !== 'number' || Number.isNaN(value))
    return void out.refused.push({ reason: 'not_a_number', detail: `${metric}: ${JSON.stringify(raw)?.slice(0, 40)}` });
  if (!Number.isFinite(value) || Math.abs(value) > MAX_MAGNITUDE)
    return void out.refused.push({ reason: 'out_of_range', detail: `${metric}: ${value}` });
  if (ts > now + MAX_FUTURE_MS || ts < now - MAX_PAST_MS)
    return void out.refused.push({ reason: 'clock_skew', detail: `${metric}: ${new Date(ts).toISOString()}` });
  out.points.push({ deviceId, metric, ts, value });
}

/** A reading's time: ms since the epoch or ISO 8601; absent → now; unreadable → null. */
function timeOf(raw: unknown, now: number): number | null {
  if (raw === undefined || raw === null) return now;
  const ts = typeof raw === 'number' ? raw : typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
  return Number.isFinite(ts) ? Math.trunc(ts) : null;
}

/**
 * The plain JSON format (issue #14 item 2): `{ts?, values: {metric: number}}` or an array of
 * them. Pure; a bad reading refuses that reading only, a bad value that value only.
 */
export function readingsOf(deviceId: string, body: unknown, now: number): Parsed {
  const out: Parsed = { points: [], refused: [] };
  const readings = Array.isArray(body) ? body : [body];
  if (readings.length === 0 || readings.length > 1000) {
    out.refused.push({ reason: 'invalid_shape', detail: `${readings.length} readings (1 to 1,000)` });
    return out;
  }
  for (const reading of readings) {
    const values = (reading as { values?: unknown } | null)?.values;
    if (typeof reading !== 'object' || reading === null || typeof values !== 'object' || values === null || Array.isArray(values)) {
      out.refused.push({ reason: 'invalid_shape', detail: 'a reading is {ts?, values: {metric: number}}' });
      continue;
    }
    const ts = timeOf((reading as { ts?: unknown }).ts, now);
    if (ts === null) {
      out.refused.push({ reason: 'invalid_shape', detail: 'ts is ms since the epoch or ISO 8601' });
      continue;
    }
    for (const [metric, raw] of Object.entries(values)) addValue(out, deviceId, metric, raw, ts, now);
  }
  return out;
}

/** Parses a JSON telemetry message; malformed JSON refuses the whole message. */
export function jsonMessageOf(deviceId: string, payload: Buffer, now: number): Parsed {
  let body: unknown;
  try {
    body = JSON.parse(payload.toString('utf8'));
  } catch {
    return { points: [], refused: [{ reason: 'malformed_json', detail: `${payload.length} bytes` }] };
  }
  return readingsOf(deviceId, body, now);
}
