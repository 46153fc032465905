import { seededRandom } from '../../../seed/prng.js';

/**
 * A labelled synthetic fault set (issue #14 item 4, measured): realistic plant metrics of a
 * Guangzhou factory — a daily shift pattern (busier 08:00–20:00 local time, quieter at weekends),
 * Gaussian noise and slow AR(1) wander — with faults injected at known times in weeks 2 and 3
 * (week 1 is clean: the detectors learn). Seeded, so every run and every machine sees the same set.
 */
export const FAULT_KINDS = ['step', 'drift', 'spike', 'flatline', 'dropout'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  series: number;
  kind: FaultKind;
  /** First and last affected instant (ms). */
  start: number;
  end: number;
}

export interface SyntheticSeries {
  metric: string;
  ts: Float64Array;
  values: Float64Array;
}

export interface SyntheticSet {
  series: SyntheticSeries[];
  faults: Fault[];
  intervalMs: number;
}

const PROFILES = [
  { metric: 'spindle_temperature_c', level: 48, daily: 9, noise: 0.6 },
  { metric: 'line_power_kw', level: 320, daily: 140, noise: 8 },
  { metric: 'air_pressure_mpa', level: 0.62, daily: 0.05, noise: 0.006 },
  { metric: 'vibration_mm_s', level: 2.4, daily: 1.1, noise: 0.15 },
  { metric: 'coolant_flow_l_min', level: 85, daily: 20, noise: 1.5 },
] as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function generateSyntheticSet(options: {
  seed: number;
  series: number;
  weeks?: number;
  intervalMs?: number;
  start?: number;
}): SyntheticSet {
  const random = seededRandom(options.seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const between = (a: number, b: number) => a + (b - a) * random();
  const intervalMs = options.intervalMs ?? 60_000;
  const weeks = options.weeks ?? 3;
  // Monday 2026-11-02 00:00 Guangzhou time.
  const start = options.start ?? Date.UTC(2026, 10, 1, 16);
  const n = Math.floor((weeks * 7 * DAY) / intervalMs);
  const out: SyntheticSet = { series: [], faults: [], intervalMs };

  for (let s = 0; s < options.series; s++) {
    const p = PROFILES[s % PROFILES.length] as (typeof PROFILES)[number];
    const level = p.level * between(0.9, 1.1);
    const clean = new Float64Array(n);
    let wander = 0;
    for (let i = 0; i < n; i++) {
      const local = start + i * intervalMs + 8 * HOUR;
      const hour = (local % DAY) / HOUR;
      const weekday = Math.floor((local - start - 8 * HOUR) / DAY) % 7 < 5;
      // Shift pattern: a smooth rise into the day shift, a dip at lunch, quieter weekends.
      const shift = Math.max(0, Math.sin(((hour - 6) / 16) * Math.PI)) - (hour >= 12 && hour < 13 ? 0.25 : 0);
      wander = 0.995 * wander + 0.1 * gauss();
      clean[i] = level + p.daily * (weekday ? 1 : 0.4) * shift + p.noise * (gauss() + 0.3 * wander);
    }
    const values = Float64Array.from(clean);
    const keep = new Uint8Array(n).fill(1);
    // Weeks 2 and 3: up to three faults per series, apart from each other; every sixth series is clean.
    const faults: Fault[] = [];
    if (s % 6 !== 5) {
      const count = 1 + Math.floor(random() * 3);
      const firstSlot = Math.ceil((7 * DAY) / intervalMs);
      const slot = Math.floor((n - firstSlot) / count);
      for (let f = 0; f < count; f++) {
        const kind = FAULT_KINDS[Math.floor(random() * FAULT_KINDS.length)] as FaultKind;
        const at = firstSlot + f * slot + Math.floor(between(0.1, 0.6) * slot);
        const sign = random() < 0.5 ? -1 : 1;
        let len = 1;
        if (kind === 'step') {
          len = Math.round(between(1, 6) * (HOUR / intervalMs));
          const shift = sign * between(5, 10) * p.noise;
          for (let i = at; i < at + len; i++) values[i] = (values[i] as number) + shift;
        } else if (kind === 'drift') {
          len = Math.round(between(2, 6) * (HOUR / intervalMs));
          const total = sign * between(8, 15) * p.noise;
          for (let i = at; i < at + len; i++) values[i] = (values[i] as number) + (total * (i - at + 1)) / len;
        } else if (kind === 'spike') {
          values[at] = (values[at] as number) + sign * between(10, 20) * p.noise;
        } else if (kind === 'flatline') {
          len = Math.round(between(0.5, 2) * (HOUR / intervalMs));
          for (let i = at; i < at + len; i++) values[i] = values[at - 1] as number;
        } else {
          len = Math.round(between(0.25, 1) * (HOUR / intervalMs));
          keep.fill(0, at, at + len);
        }
        faults.push({ series: s, kind, start: start + at * intervalMs, end: start + (at + len - 1) * intervalMs });
      }
    }
    let kept = 0;
    for (let i = 0; i < n; i++) kept += keep[i] as number;
    const ts = new Float64Array(kept);
    const vs = new Float64Array(kept);
    for (let i = 0, j = 0; i < n; i++) {
      if (!keep[i]) continue;
      ts[j] = start + i * intervalMs;
      vs[j++] = values[i] as number;
    }
    out.series.push({ metric: p.metric, ts, values: vs });
    out.faults.push(...faults);
  }
  return out;
}
