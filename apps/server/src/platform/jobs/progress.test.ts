import { describe, expect, it } from 'vitest';
import { throttledProgress } from './progress.js';

describe('throttled progress', () => {
  it('writes the first report, then at most once per interval, and remembers the last', async () => {
    let now = 0;
    const writes: Array<[number, number]> = [];
    const p = throttledProgress(async (d, t) => void writes.push([d, t]), { intervalMs: 250, now: () => now, onError: () => undefined });
    for (let i = 1; i <= 1000; i++) {
      now = i; // 1 ms per report
      p.report(i, 1000);
    }
    expect(await p.settle()).toEqual({ done: 1000, total: 1000 });
    expect(writes).toEqual([
      [1, 1000],
      [251, 1000],
      [501, 1000],
      [751, 1000],
    ]);
  });

  it('keeps going after a failed write', async () => {
    let now = 0;
    const errors: unknown[] = [];
    const seen: number[] = [];
    const p = throttledProgress(
      async (d) => {
        seen.push(d);
        if (d === 1) throw new Error('db hiccup');
      },
      { intervalMs: 10, now: () => now, onError: (e) => errors.push(e) },
    );
    p.report(1, 2);
    now = 20;
    p.report(2, 2);
    await p.settle();
    expect(seen).toEqual([1, 2]);
    expect(errors).toHaveLength(1);
  });
});
