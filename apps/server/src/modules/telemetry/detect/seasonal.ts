/**
 * Hour-of-week seasonal baseline: 168 buckets (Monday 00:00 … Sunday 23:00, local time), each
 * with an exponentially learned mean and variance of the values seen in that hour. The expected
 * value at an instant is interpolated between the two nearest bucket centres, so a steep morning
 * ramp is not mistaken for a fault at the end of each hour. A point scores |x - expected| / σ, so a
 * load that is normal at 10:00 on a Tuesday and abnormal at 03:00 on a Sunday is told apart.
 * A bucket is warm after `minSamples` points (the first week of a series only learns).
 */
export interface SeasonalOptions {
  /** Offset of local time from UTC in minutes (Guangzhou: +480). */
  utcOffsetMinutes: number;
  /** Smallest learning weight (older weeks fade out with it). */
  alpha: number;
  minSamples: number;
}

export const HOURS_PER_WEEK = 168;

export interface SeasonalState {
  /** mean, variance and sample count per bucket: 3 × 168 numbers, the whole memory of a series. */
  buckets: Float64Array;
}

export const newSeasonal = (): SeasonalState => ({ buckets: new Float64Array(3 * HOURS_PER_WEEK) });

/** 1970-01-01 was a Thursday: shift so that bucket 0 is Monday 00:00. */
const MONDAY_SHIFT_HOURS = 3 * 24;

/** Hours since Monday 00:00 local time, fractional (0 ≤ h < 168). */
export function hourOfWeek(ts: number, utcOffsetMinutes: number): number {
  const hours = (ts + utcOffsetMinutes * 60_000) / 3_600_000 + MONDAY_SHIFT_HOURS;
  return ((hours % HOURS_PER_WEEK) + HOURS_PER_WEEK) % HOURS_PER_WEEK;
}

/** The expected value and spread at the instant; `warm` false while either neighbouring bucket is still learning. */
export function expectSeasonal(s: SeasonalState, ts: number, o: SeasonalOptions): { mean: number; sigma: number; warm: boolean } {
  const h = hourOfWeek(ts, o.utcOffsetMinutes) - 0.5;
  const lower = Math.floor(h);
  const frac = h - lower;
  const i = 3 * ((lower + HOURS_PER_WEEK) % HOURS_PER_WEEK);
  const j = 3 * ((lower + 1) % HOURS_PER_WEEK);
  const b = s.buckets;
  const warm = (b[i + 2] as number) >= o.minSamples && (b[j + 2] as number) >= o.minSamples;
  const mean = (1 - frac) * (b[i] as number) + frac * (b[j] as number);
  const variance = (1 - frac) * (b[i + 1] as number) + frac * (b[j + 1] as number);
  return { mean, sigma: Math.max(Math.sqrt(variance), 1e-6 * Math.abs(mean) + 1e-9), warm };
}

/**
 * Learns x into its own hour's bucket: the mean from x, the variance from x's distance to the
 * interpolated expectation (the spread around the curve, not around a flat hourly step).
 */
export function learnSeasonal(s: SeasonalState, x: number, ts: number, expected: number, o: SeasonalOptions, warm: boolean) {
  const i = 3 * Math.floor(hourOfWeek(ts, o.utcOffsetMinutes));
  const b = s.buckets;
  const n = b[i + 2] as number;
  // A running mean for the first samples of the bucket, then an exponential one.
  const w = Math.max(1 / (n + 1), o.alpha);
  const mean = b[i] as number;
  b[i] = mean + w * (x - mean);
  const d = warm ? x - expected : x - mean;
  b[i + 1] = (1 - w) * ((b[i + 1] as number) + w * d * d);
  b[i + 2] = n + 1;
}
