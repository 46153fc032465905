/**
 * npm run bench -- detectors [--series 60] [--seed 1] [--grace-minutes 30] [--smoke]
 *
 * Fault early warning (issue #14 item 4), measured: generates the seeded, labelled synthetic fault
 * set (apps/server/src/modules/telemetry/detect/synthetic.ts — 1-minute points over three weeks,
 * daily shift pattern, noise, steps, drifts, spikes, flat-lines and dropouts injected in weeks 2
 * and 3) and streams every point through the production detection engine with its default
 * options, as the ingest path does.
 *
 * An alarm raise is a true positive when it falls on a series inside a labelled fault, from its
 * first affected point to `grace` minutes after its last (a dropout is only visible when the next
 * point arrives); any other raise is a false positive. Precision = true raises / all raises (over
 * all kinds; a false raise has no kind); recall per kind = faults with at least one raise inside
 * them / faults of that kind. `latencyMinutes` is the median time from a detected fault's start to
 * its first raise.
 *
 * Throughput: points per second through the engine on one core (this process), against a
 * baseline loop over the same points in the same run (summing the values per series): `ratio` is
 * how many times slower detection is than merely touching every point.
 *
 * Prints one JSON line.
 */
import { createDetectionEngine, type DetectionEvent } from '../apps/server/src/modules/telemetry/detect/engine.ts';
import { FAULT_KINDS, type FaultKind, generateSyntheticSet } from '../apps/server/src/modules/telemetry/detect/synthetic.ts';
import { environment, numberArg, parseArgs, round } from './lib/common.ts';

const args = parseArgs();
const smoke = args.has('smoke');
const seriesCount = numberArg(args, 'series', smoke ? 12 : 60);
const seed = numberArg(args, 'seed', 1);
const graceMs = numberArg(args, 'grace-minutes', 30) * 60_000;
const log = (s: string) => process.stderr.write(`[detectors] ${s}\n`);

const set = generateSyntheticSet({ seed, series: seriesCount });
const points = set.series.reduce((n, s) => n + s.ts.length, 0);
log(`${seriesCount} series, ${points} points, ${set.faults.length} faults`);

function runEngine(): { raises: Array<DetectionEvent & { series: number }>; ms: number } {
  const engine = createDetectionEngine();
  const raises: Array<DetectionEvent & { series: number }> = [];
  const t0 = performance.now();
  // Interleave the series minute by minute, as devices report, so the engine's map is exercised as in production.
  const cursor = new Array<number>(set.series.length).fill(0);
  for (let left = points; left > 0; ) {
    for (let s = 0; s < set.series.length; s++) {
      const series = set.series[s];
      const i = cursor[s] as number;
      if (!series || i >= series.ts.length) continue;
      cursor[s] = i + 1;
      left--;
      for (const e of engine.observe(`device-${s}`, series.metric, series.ts[i] as number, series.values[i] as number))
        if (e.change === 'raise') raises.push({ ...e, series: s });
    }
  }
  return { raises, ms: performance.now() - t0 };
}

function runBaseline(): { sum: number; ms: number } {
  const t0 = performance.now();
  const sums = new Map<string, number>();
  const cursor = new Array<number>(set.series.length).fill(0);
  for (let left = points; left > 0; ) {
    for (let s = 0; s < set.series.length; s++) {
      const series = set.series[s];
      const i = cursor[s] as number;
      if (!series || i >= series.ts.length) continue;
      cursor[s] = i + 1;
      left--;
      const key = `device-${s}\u0000${series.metric}`;
      sums.set(key, (sums.get(key) ?? 0) + (series.values[i] as number));
    }
  }
  let sum = 0;
  for (const v of sums.values()) sum += v;
  return { sum, ms: performance.now() - t0 };
}

// Warm both loops once (JIT), then time the second run of each.
runBaseline();
runEngine();
const baseline = runBaseline();
const { raises, ms } = runEngine();

const detected = new Set<number>();
const latencies: number[] = [];
let truePositives = 0;
const byType: Record<string, { raises: number; true: number }> = {};
for (const r of raises) {
  const t = byType[r.type] ?? { raises: 0, true: 0 };
  byType[r.type] = t;
  t.raises++;
  const hit = set.faults.findIndex((f) => f.series === r.series && r.at >= f.start && r.at <= f.end + graceMs);
  if (hit < 0) continue;
  truePositives++;
  t.true++;
  if (!detected.has(hit)) {
    detected.add(hit);
    latencies.push((r.at - (set.faults[hit]?.start ?? r.at)) / 60_000);
  }
}
const recall: Record<string, { faults: number; detected: number; recall: number }> = {};
for (const kind of FAULT_KINDS) {
  const of = set.faults.map((f, i) => [f, i] as const).filter(([f]) => f.kind === (kind as FaultKind));
  const found = of.filter(([, i]) => detected.has(i)).length;
  recall[kind] = { faults: of.length, detected: found, recall: of.length ? round(found / of.length, 3) : 0 };
}
latencies.sort((a, b) => a - b);

console.log(
  JSON.stringify({
    bench: 'detectors',
    ...environment(),
    smoke,
    seed,
    series: seriesCount,
    points,
    faults: set.faults.length,
    graceMinutes: graceMs / 60_000,
    raises: raises.length,
    falsePositives: raises.length - truePositives,
    precision: round(raises.length ? truePositives / raises.length : 0, 3),
    recall: Object.fromEntries(Object.entries(recall).map(([k, v]) => [k, v.recall])),
    faultsByKind: recall,
    raisesByType: byType,
    overallRecall: round(detected.size / set.faults.length, 3),
    latencyMinutes: round(latencies[Math.floor(latencies.length / 2)] ?? 0, 1),
    engineMs: round(ms),
    pointsPerSecond: Math.round(points / (ms / 1000)),
    baselineMs: round(baseline.ms),
    baselinePointsPerSecond: Math.round(points / (baseline.ms / 1000)),
    ratio: round(ms / baseline.ms, 1),
    checksum: round(baseline.sum, 0),
  }),
);
