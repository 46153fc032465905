/**
 * Robust z-score over a sliding window: |x - median| / (1.4826·MAD) of the previous `window`
 * points. Median and MAD ignore the outliers they are looking for, so a spike scores high against
 * a window that may already hold other spikes. When more than half the window is one value
 * (quantised sensors) the MAD is 0; the mean absolute deviation (×1.2533, its normal-consistency
 * factor) stands in so a change of one step is not an infinite score.
 */
export interface MadOptions {
  window: number;
}

export interface MadState {
  values: Float64Array;
  count: number;
  next: number;
}

export const newMad = (o: MadOptions): MadState => ({ values: new Float64Array(o.window), count: 0, next: 0 });

// Scratch space for the sorts, shared: scoring is synchronous, one series at a time.
let scratch = new Float64Array(64);

function median(values: Float64Array, n: number): number {
  const half = n >> 1;
  return n % 2 === 1 ? (values[half] as number) : ((values[half - 1] as number) + (values[half] as number)) / 2;
}

/** Scores x against the window (0 until the window is half full), then adds x to it. */
export function scoreMad(s: MadState, x: number): number {
  const n = s.count;
  let score = 0;
  if (n * 2 >= s.values.length) {
    if (scratch.length < n) scratch = new Float64Array(n);
    const sorted = scratch.subarray(0, n);
    sorted.set(s.values.subarray(0, n));
    sorted.sort();
    const med = median(sorted, n);
    let meanAbs = 0;
    for (let i = 0; i < n; i++) {
      const d = Math.abs((sorted[i] as number) - med);
      sorted[i] = d;
      meanAbs += d;
    }
    sorted.sort();
    const mad = median(sorted, n);
    const spread = mad > 0 ? 1.4826 * mad : 1.2533 * (meanAbs / n);
    score = Math.abs(x - med) / Math.max(spread, 1e-6 * Math.abs(med) + 1e-9);
  }
  s.values[s.next] = x;
  s.next = (s.next + 1) % s.values.length;
  if (s.count < s.values.length) s.count++;
  return score;
}
