import { COVERAGE_CLASSES, type CoverageClass, LOWER_IS_BETTER, type SlaItem, type SlaOperator } from '@suilian/contracts';
import type { LatencySeries } from './samples.js';

/**
 * Percentile of sorted values by linear interpolation between closest ranks (Hyndman–Fan type 7,
 * numpy's default): p in [0, 100]. Undefined for an empty list.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of nothing');
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low] as number;
  const b = sorted[high] as number;
  return a + (b - a) * (rank - low);
}

/** p5 / p50 / p95 / p99 of the values, or null when there are none. */
export function percentiles(values: readonly number[]) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  return {
    count: sorted.length,
    p5: percentile(sorted, 5),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

/**
 * Jitter as the mean absolute difference of consecutive latencies within each series (RFC 3550's
 * interarrival jitter without its 1/16 smoothing, so the figure does not depend on the order the
 * series are read in). null when no series has two received samples.
 */
export function jitter(series: readonly LatencySeries[]): number | null {
  let sum = 0;
  let n = 0;
  for (const s of series)
    for (let i = 1; i < s.ms.length; i++) {
      sum += Math.abs((s.ms[i] as number) - (s.ms[i - 1] as number));
      n++;
    }
  return n === 0 ? null : sum / n;
}

/** Median of the gaps between consecutive received samples: the transfer interval when not given. */
export function intervalOf(series: LatencySeries): number {
  if (series.intervalMs !== null) return series.intervalMs;
  const gaps: number[] = [];
  for (let i = 1; i < series.at.length; i++) gaps.push((series.at[i] as number) - (series.at[i - 1] as number));
  return gaps.length === 0
    ? 0
    : percentile(
        gaps.sort((a, b) => a - b),
        50,
      );
}

export interface Availability {
  pct: number;
  outages: number;
  downtimeMs: number;
  spanMs: number;
}

/**
 * Communication service availability with a survival time (3GPP TS 22.104 §5.2, Annex C): within
 * a series, the silence between two received samples beyond the transfer interval is an outage
 * only when it exceeds the survival time — the application bridges shorter ones — and then all of
 * it counts as down time. The series' first and last due instants bound it, so lost samples at
 * either end count too; a silence under half the interval is arrival jitter, never an outage. Each sample stands for one interval, so a series spans (end − start + T).
 * null when no series has a received sample.
 */
export function availability(series: readonly LatencySeries[], survivalTimeMs: number): Availability | null {
  let span = 0;
  let down = 0;
  let outages = 0;
  for (const s of series) {
    if (s.at.length === 0) continue;
    const interval = intervalOf(s);
    // One interval before the first due sample and after the last: a lost first or last sample is silence too.
    const instants = [s.start - interval, ...s.at, s.end + interval].sort((a, b) => a - b);
    // Shorter than half an interval is arrival jitter, not a missing sample: sampling cannot see less.
    const bridged = Math.max(survivalTimeMs, interval / 2);
    for (let i = 1; i < instants.length; i++) {
      const silence = (instants[i] as number) - (instants[i - 1] as number) - interval;
      if (silence > bridged) {
        down += silence;
        outages++;
      }
    }
    span += s.end - s.start + interval;
  }
  if (span <= 0) return null;
  return { pct: (100 * (span - down)) / span, outages, downtimeMs: down, spanMs: span };
}

/** The best coverage class whose SS-RSRP and SS-SINR floors the sample reaches. */
export function coverageClass(rsrpDbm: number, sinrDb: number): CoverageClass {
  const hit = COVERAGE_CLASSES.find((c) => rsrpDbm >= c.minRsrpDbm && sinrDb >= c.minSinrDb);
  return hit?.class ?? 'poor';
}

/** Samples per coverage class, with their share in %. */
export function coverageShares(samples: ReadonlyArray<readonly [number, number]>) {
  if (samples.length === 0) return null;
  const counts = new Map<CoverageClass, number>(COVERAGE_CLASSES.map((c) => [c.class, 0]));
  for (const [rsrp, sinr] of samples) {
    const c = coverageClass(rsrp, sinr);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return {
    count: samples.length,
    shares: COVERAGE_CLASSES.map((c) => {
      const count = counts.get(c.class) ?? 0;
      return { class: c.class as string, count, pct: (100 * count) / samples.length };
    }),
  };
}

/** The empirical CDF at up to `points` evenly spaced ranks: latency → share at or below it. */
export function cdf(values: readonly number[], points = 50): Array<{ ms: number; share: number }> {
  if (values.length === 0) return [];
  const sorted = [...values].sort((a, b) => a - b);
  const out: Array<{ ms: number; share: number }> = [];
  const steps = Math.min(points, sorted.length);
  for (let k = 1; k <= steps; k++) {
    const index = Math.ceil((k / steps) * sorted.length) - 1;
    out.push({ ms: sorted[index] as number, share: (index + 1) / sorted.length });
  }
  return out;
}

/** Whether a measured figure meets the item: `lt` / `lte` below the threshold, `gt` / `gte` above. */
export function meets(measured: number, op: SlaOperator, threshold: number): boolean {
  switch (op) {
    case 'lt':
      return measured < threshold;
    case 'lte':
      return measured <= threshold;
    case 'gt':
      return measured > threshold;
    case 'gte':
      return measured >= threshold;
  }
}

/** The direction an item's metric improves in (for wording "≤ 20 ms" against "≥ 100 Mbit/s"). */
export const lowerIsBetter = (item: Pick<SlaItem, 'metric'>) => LOWER_IS_BETTER.has(item.metric);
