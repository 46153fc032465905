import { type DropoutOptions, type DropoutState, newDropout, stepDropout } from './dropout.js';
import { type EwmaOptions, type EwmaState, newEwma, scoreEwma } from './ewma.js';
import { type FlatlineOptions, type FlatlineState, newFlatline, scoreFlatline } from './flatline.js';
import { type HysteresisOptions, type HysteresisState, idleHysteresis, stepHysteresis } from './hysteresis.js';
import { type MadOptions, type MadState, newMad, scoreMad } from './mad.js';
import { expectSeasonal, learnSeasonal, newSeasonal, type SeasonalOptions, type SeasonalState } from './seasonal.js';

/** The statistical detectors whose union is the `anomaly` condition of a metric. */
export const ANOMALY_DETECTORS = ['ewma', 'mad', 'seasonal'] as const;
export type AnomalyDetector = (typeof ANOMALY_DETECTORS)[number];

/** The alarm types the detectors raise (per device and metric). */
export type DetectedType = 'anomaly' | 'flatline' | 'dropout';

export interface DetectionEvent {
  deviceId: string;
  metric: string;
  type: DetectedType;
  change: 'raise' | 'clear';
  /** The point's time (ms) that changed the condition. */
  at: number;
  value: number;
  /** What raised it: the detectors and their scores (anomaly), the run or gap length. */
  details: Record<string, number | string | string[]>;
}

export interface DetectorOptions {
  ewma: EwmaOptions & HysteresisOptions;
  mad: MadOptions & HysteresisOptions;
  seasonal: SeasonalOptions & HysteresisOptions;
  flatline: FlatlineOptions & { clearHoldMs: number };
  dropout: DropoutOptions;
  /** Most series (device × metric) kept in memory; the least recently seen is forgotten beyond it. */
  maxSeries: number;
}

/**
 * Defaults for points about once a minute or faster, tuned on the labelled synthetic set of
 * `bench/detectors.ts` (figures in docs/performance.md). Thresholds are in σ units of each
 * detector's own score; raise thresholds sit well above clear thresholds (hysteresis).
 */
export const DEFAULT_DETECTOR_OPTIONS: DetectorOptions = {
  ewma: { lambda: 0.1, alpha: 0.002, warmup: 120, raiseAt: 6, clearAt: 3, raiseHoldMs: 3 * 60_000, clearHoldMs: 10 * 60_000 },
  mad: { window: 60, raiseAt: 9, clearAt: 4, raiseHoldMs: 0, clearHoldMs: 5 * 60_000 },
  seasonal: {
    utcOffsetMinutes: 480,
    alpha: 0.05,
    minSamples: 30,
    raiseAt: 6,
    clearAt: 3,
    raiseHoldMs: 10 * 60_000,
    clearHoldMs: 10 * 60_000,
  },
  flatline: { minMs: 15 * 60_000, minChangeRate: 0.5, clearHoldMs: 0 },
  dropout: { factor: 5, warmup: 20, clearPoints: 10 },
  maxSeries: 10_000,
};

interface Series {
  lastTs: number;
  ewma: EwmaState;
  mad: MadState;
  seasonal: SeasonalState;
  flatline: FlatlineState;
  dropout: DropoutState;
  switches: Record<AnomalyDetector | 'flatline', HysteresisState>;
  /** Anomaly detectors currently raised. */
  anomalous: Set<AnomalyDetector>;
}

/**
 * Per (device, metric) streaming detection (issue #14 item 4): every point goes through the EWMA
 * chart, the robust MAD z-score, the hour-of-week baseline (each with its own hysteresis and
 * minimum duration; any of them raised = the metric is anomalous), the flat-line run and the
 * dropout gap. Pure and synchronous; state is bounded — a few kilobytes per series, at most
 * `maxSeries` series (least recently seen forgotten: it learns again from scratch). Points not
 * newer than the series' last (replays, reordering) are ignored.
 */
export function createDetectionEngine(options: DetectorOptions = DEFAULT_DETECTOR_OPTIONS) {
  const series = new Map<string, Series>();

  function seriesOf(key: string): Series {
    let s = series.get(key);
    if (s) {
      // Map order is insertion order: re-inserting makes it the most recently seen.
      series.delete(key);
      series.set(key, s);
      return s;
    }
    s = {
      lastTs: Number.NEGATIVE_INFINITY,
      ewma: newEwma(),
      mad: newMad(options.mad),
      seasonal: newSeasonal(),
      flatline: newFlatline(),
      dropout: newDropout(),
      switches: { ewma: idleHysteresis(), mad: idleHysteresis(), seasonal: idleHysteresis(), flatline: idleHysteresis() },
      anomalous: new Set(),
    };
    series.set(key, s);
    if (series.size > options.maxSeries) series.delete(series.keys().next().value as string);
    return s;
  }

  return {
    /** Feeds one point; the alarm changes it causes (usually none). */
    observe(deviceId: string, metric: string, ts: number, value: number): DetectionEvent[] {
      const s = seriesOf(`${deviceId}\u0000${metric}`);
      if (ts <= s.lastTs) return [];
      s.lastTs = ts;
      const events: DetectionEvent[] = [];
      const emit = (type: DetectedType, change: 'raise' | 'clear', details: DetectionEvent['details']) =>
        events.push({ deviceId, metric, type, change, at: ts, value, details });

      // The EWMA chart watches the residual from the hour-of-week curve (a raw chart would call
      // every morning ramp a step), so it and the seasonal score speak once the curve is learned.
      const expected = expectSeasonal(s.seasonal, ts, options.seasonal);
      const frozen = s.switches.ewma.raised || s.switches.seasonal.raised;
      const scores: Record<AnomalyDetector, number> = {
        ewma: expected.warm ? scoreEwma(s.ewma, value - expected.mean, options.ewma, !s.switches.ewma.raised) : 0,
        mad: scoreMad(s.mad, value),
        seasonal: expected.warm ? Math.abs(value - expected.mean) / expected.sigma : 0,
      };
      if (!frozen || !expected.warm) learnSeasonal(s.seasonal, value, ts, expected.mean, options.seasonal, expected.warm);
      const wasAnomalous = s.anomalous.size > 0;
      for (const d of ANOMALY_DETECTORS) {
        const change = stepHysteresis(s.switches[d], scores[d], ts, options[d]);
        if (change === 'raise') s.anomalous.add(d);
        else if (change === 'clear') s.anomalous.delete(d);
      }
      if (!wasAnomalous && s.anomalous.size > 0)
        emit('anomaly', 'raise', {
          detectors: [...s.anomalous],
          ewma: round(scores.ewma),
          mad: round(scores.mad),
          seasonal: round(scores.seasonal),
        });
      else if (wasAnomalous && s.anomalous.size === 0) emit('anomaly', 'clear', {});

      const run = scoreFlatline(s.flatline, value, ts, options.flatline);
      const flat = stepHysteresis(s.switches.flatline, run, ts, {
        raiseAt: 1,
        clearAt: 1,
        raiseHoldMs: 0,
        clearHoldMs: options.flatline.clearHoldMs,
      });
      if (flat) emit('flatline', flat, flat === 'raise' ? { stuckSeconds: Math.round((run * options.flatline.minMs) / 1000) } : {});

      const gap = stepDropout(s.dropout, ts, options.dropout);
      if (gap.change) emit('dropout', gap.change, gap.change === 'raise' ? { gapSeconds: Math.round(gap.gapMs / 1000) } : {});
      return events;
    },

    /** Forgets a device's series (deleted device). */
    forget(deviceId: string) {
      for (const key of series.keys()) if (key.startsWith(`${deviceId}\u0000`)) series.delete(key);
    },

    get size() {
      return series.size;
    },
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

export type DetectionEngine = ReturnType<typeof createDetectionEngine>;
