import { describe, expect, it } from 'vitest';
import type { LatencySeries } from './samples.js';
import { availability, cdf, coverageClass, coverageShares, jitter, meets, percentile, percentiles } from './statistics.js';

const series = (at: number[], ms: number[], extra: Partial<LatencySeries> = {}): LatencySeries => ({
  start: at[0] ?? 0,
  end: at[at.length - 1] ?? 0,
  intervalMs: null,
  at,
  ms,
  lost: 0,
  ...extra,
});

describe('SLA statistics (#14 item 3)', () => {
  it('interpolates percentiles between closest ranks', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(sorted, 50)).toBe(5.5);
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile(sorted, 100)).toBe(10);
    expect(percentile(sorted, 95)).toBeCloseTo(9.55, 10);
    expect(percentile([7], 99)).toBe(7);
    expect(percentiles([])).toBeNull();
    expect(percentiles([3, 1, 2])).toMatchObject({ count: 3, p50: 2 });
  });

  it('takes jitter as the mean absolute difference of consecutive latencies, never across two runs', () => {
    expect(jitter([series([0, 1, 2, 3], [10, 12, 11, 15])])).toBeCloseTo((2 + 1 + 4) / 3, 10);
    // The jump from 15 to 50 is between two runs: not a jitter sample.
    expect(jitter([series([0, 1], [10, 15]), series([9, 10], [50, 50])])).toBe(2.5);
    expect(jitter([series([0], [10])])).toBeNull();
  });

  it('counts an interruption as an outage only when it exceeds the survival time', () => {
    // 100 echoes 1 s apart, #50 lost: a 1 s silence.
    const at = Array.from({ length: 100 }, (_, i) => i * 1000).filter((t) => t !== 49_000);
    const run = series(
      at,
      at.map(() => 10),
      { start: 0, end: 99_000, intervalMs: 1000, lost: 1 },
    );
    const strict = availability([run], 100);
    expect(strict).toEqual({ pct: 99, outages: 1, downtimeMs: 1000, spanMs: 100_000 });
    // A survival time of 1.5 s bridges one lost echo: no outage.
    expect(availability([run], 1500)).toMatchObject({ pct: 100, outages: 0 });
  });

  it('counts lost samples at the end of a run and infers the interval when not given', () => {
    const at = [0, 1000, 2000, 3000, 4000, 5000, 6000, 7000];
    const run = series(
      at,
      at.map(() => 5),
      { start: 0, end: 9000 },
    );
    // Echoes at 8 s and 9 s lost: 2 s beyond the interval.
    expect(availability([run], 0)).toMatchObject({ pct: 80, outages: 1, downtimeMs: 2000, spanMs: 10_000 });
    expect(availability([series([], [])], 0)).toBeNull();
  });

  it('grades coverage by SS-RSRP and SS-SINR and gives each class its share', () => {
    expect(coverageClass(-80, 25)).toBe('excellent');
    expect(coverageClass(-80, 12)).toBe('good');
    expect(coverageClass(-100, 25)).toBe('fair');
    expect(coverageClass(-110, 5)).toBe('poor');
    const shares = coverageShares([
      [-80, 25],
      [-90, 15],
      [-90, 15],
      [-120, -5],
    ]);
    expect(shares?.shares.map((s) => [s.class, s.pct])).toEqual([
      ['excellent', 25],
      ['good', 50],
      ['fair', 0],
      ['poor', 25],
    ]);
  });

  it('draws the CDF at evenly spaced ranks and compares by the item’s operator', () => {
    expect(cdf([4, 1, 3, 2], 2)).toEqual([
      { ms: 2, share: 0.5 },
      { ms: 4, share: 1 },
    ]);
    expect(cdf([])).toEqual([]);
    expect(meets(20, 'lte', 20)).toBe(true);
    expect(meets(20, 'lt', 20)).toBe(false);
    expect(meets(100, 'gte', 100)).toBe(true);
    expect(meets(99.98, 'gte', 99.99)).toBe(false);
  });
});
