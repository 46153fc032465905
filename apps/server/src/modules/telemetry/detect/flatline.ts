/**
 * Flat-line (stuck sensor): the same value repeated for longer than `minMs`, on a series that
 * normally changes from one point to the next. The change rate is learned (exponentially) outside
 * stuck runs, so a set-point or a counter that legitimately holds still never counts as stuck.
 * The score is the run's length over `minMs` (≥ 1: stuck).
 */
export interface FlatlineOptions {
  minMs: number;
  /** Learned fraction of points that differ from their predecessor below which a series is "normally still". */
  minChangeRate: number;
}

export interface FlatlineState {
  last: number;
  runStart: number;
  seen: number;
  changeRate: number;
}

export const newFlatline = (): FlatlineState => ({ last: Number.NaN, runStart: 0, seen: 0, changeRate: 0 });

export function scoreFlatline(s: FlatlineState, x: number, ts: number, o: FlatlineOptions): number {
  const same = Math.abs(x - s.last) <= 1e-12 * Math.max(1, Math.abs(x));
  if (!same) s.runStart = ts;
  s.last = x;
  const run = ts - s.runStart;
  // Learn how often the series changes, but not from inside a long run (the fault itself).
  if (run < o.minMs) {
    s.seen++;
    s.changeRate += ((same ? 0 : 1) - s.changeRate) / Math.min(s.seen, 200);
  }
  if (s.seen < 20 || s.changeRate < o.minChangeRate) return 0;
  return run / o.minMs;
}
