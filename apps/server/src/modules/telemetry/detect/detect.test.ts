import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../seed/prng.js';
import { newDropout, stepDropout } from './dropout.js';
import { createDetectionEngine, DEFAULT_DETECTOR_OPTIONS, type DetectionEvent } from './engine.js';
import { newEwma, scoreEwma } from './ewma.js';
import { newFlatline, scoreFlatline } from './flatline.js';
import { idleHysteresis, stepHysteresis } from './hysteresis.js';
import { newMad, scoreMad } from './mad.js';
import { hourOfWeek } from './seasonal.js';
import { FAULT_KINDS, generateSyntheticSet } from './synthetic.js';

const MIN = 60_000;
const noise = (seed: number) => {
  const r = seededRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
};

describe('fault early warning detectors (#14 item 4)', () => {
  it('hysteresis raises only after the minimum duration above the raise threshold and clears only below the lower one', () => {
    const o = { raiseAt: 5, clearAt: 2, raiseHoldMs: 2 * MIN, clearHoldMs: MIN };
    const s = idleHysteresis();
    expect(stepHysteresis(s, 9, 0, o)).toBeNull();
    expect(stepHysteresis(s, 3, MIN, o)).toBeNull(); // dropped below: the excursion restarts
    expect(stepHysteresis(s, 6, 2 * MIN, o)).toBeNull();
    expect(stepHysteresis(s, 6, 3 * MIN, o)).toBeNull();
    expect(stepHysteresis(s, 6, 4 * MIN, o)).toBe('raise');
    // Between the thresholds it stays raised: no flapping around the raise threshold.
    expect(stepHysteresis(s, 4, 5 * MIN, o)).toBeNull();
    expect(stepHysteresis(s, 1, 6 * MIN, o)).toBeNull();
    expect(stepHysteresis(s, 1, 7 * MIN, o)).toBe('clear');
  });

  it('the EWMA chart stays quiet on noise and catches a one-σ step that a point-wise threshold would miss', () => {
    const o = DEFAULT_DETECTOR_OPTIONS.ewma;
    const g = noise(3);
    const s = newEwma();
    let quiet = 0;
    for (let i = 0; i < 2000; i++) quiet = Math.max(quiet, scoreEwma(s, 10 + g(), o, true));
    expect(quiet).toBeLessThan(o.raiseAt);
    let shifted = 0;
    for (let i = 0; i < 60; i++) shifted = Math.max(shifted, scoreEwma(s, 11.5 + g(), o, false));
    expect(shifted).toBeGreaterThan(o.raiseAt);
  });

  it('the robust z-score flags a spike against a window that holds other outliers, and stays finite on quantised data', () => {
    const s = newMad({ window: 20 });
    const g = noise(4);
    for (let i = 0; i < 20; i++) scoreMad(s, i === 5 ? 500 : 50 + g());
    expect(scoreMad(s, 50.5)).toBeLessThan(4);
    expect(scoreMad(s, 80)).toBeGreaterThan(9);
    const q = newMad({ window: 20 });
    for (let i = 0; i < 20; i++) scoreMad(q, i % 10 === 0 ? 3 : 2);
    const step = scoreMad(q, 3);
    expect(Number.isFinite(step)).toBe(true);
    expect(step).toBeLessThan(9);
  });

  it('hour of week is counted from Monday 00:00 Guangzhou time', () => {
    expect(hourOfWeek(Date.UTC(2026, 10, 1, 16), 480)).toBe(0); // Mon 2 Nov 2026 00:00 +08:00
    expect(Math.floor(hourOfWeek(Date.UTC(2026, 10, 8, 15, 30), 480))).toBe(167); // Sun 23:30
  });

  it('a flat line raises only on a series that normally moves, after the minimum run', () => {
    const o = DEFAULT_DETECTOR_OPTIONS.flatline;
    const g = noise(5);
    const moving = newFlatline();
    for (let i = 0; i < 100; i++) scoreFlatline(moving, g(), i * MIN, o);
    expect(scoreFlatline(moving, 0.25, 100 * MIN, o)).toBe(0);
    expect(scoreFlatline(moving, 0.25, 110 * MIN, o)).toBeLessThan(1);
    expect(scoreFlatline(moving, 0.25, 116 * MIN, o)).toBeGreaterThanOrEqual(1);
    const setpoint = newFlatline();
    let max = 0;
    for (let i = 0; i < 200; i++) max = Math.max(max, scoreFlatline(setpoint, 42, i * MIN, o));
    expect(max).toBe(0);
  });

  it('a dropout is seen when the next point ends the gap, and clears after regular points', () => {
    const o = DEFAULT_DETECTOR_OPTIONS.dropout;
    const s = newDropout();
    for (let i = 0; i < 30; i++) expect(stepDropout(s, i * MIN, o).change).toBeNull();
    expect(stepDropout(s, 60 * MIN, o)).toEqual({ change: 'raise', gapMs: 31 * MIN });
    const changes = Array.from({ length: o.clearPoints }, (_, i) => stepDropout(s, (61 + i) * MIN, o).change);
    expect(changes.at(-1)).toBe('clear');
    expect(changes.slice(0, -1).every((c) => c === null)).toBe(true);
  });

  it('keeps at most maxSeries series (least recently seen forgotten) and ignores replayed points', () => {
    const engine = createDetectionEngine({ ...DEFAULT_DETECTOR_OPTIONS, maxSeries: 3 });
    for (let d = 0; d < 10; d++) engine.observe(`d${d}`, 'm', 1000, 1);
    expect(engine.size).toBe(3);
    const events: DetectionEvent[] = [];
    for (let i = 0; i < 40; i++) events.push(...engine.observe('x', 'm', i * MIN, i % 2));
    // The same spike replayed with an old timestamp is ignored.
    expect(engine.observe('x', 'm', 5 * MIN, 1e6)).toEqual([]);
    engine.forget('x');
    expect(engine.size).toBe(2);
  });

  it('on a labelled synthetic set (another seed than the tuning one) it finds every kind of fault with few false alarms', () => {
    const set = generateSyntheticSet({ seed: 11, series: 8 });
    const raises: Array<DetectionEvent & { series: number }> = [];
    set.series.forEach((series, i) => {
      const engine = createDetectionEngine();
      for (let k = 0; k < series.ts.length; k++)
        for (const e of engine.observe('dev', series.metric, series.ts[k] as number, series.values[k] as number))
          if (e.change === 'raise') raises.push({ ...e, series: i });
    });
    const inside = (r: { series: number; at: number }) =>
      set.faults.findIndex((f) => f.series === r.series && r.at >= f.start && r.at <= f.end + 30 * MIN);
    const truePositives = raises.filter((r) => inside(r) >= 0).length;
    expect(truePositives / raises.length).toBeGreaterThan(0.7);
    const found = new Set(raises.map(inside).filter((i) => i >= 0));
    for (const kind of FAULT_KINDS) {
      const of = set.faults.map((f, i) => [f.kind, i] as const).filter(([k]) => k === kind);
      if (of.length === 0) continue;
      expect(of.filter(([, i]) => found.has(i)).length / of.length, kind).toBeGreaterThanOrEqual(0.75);
    }
  }, 60_000);
});
