/**
 * Measurements as the statistics read them, whatever their source (an uploaded file or the probes'
 * telemetry). Times are epoch milliseconds. Stored as JSON with the measurement set.
 */
export interface LatencySeries {
  /** When the first sample was due and when the last was due (lost ones included). */
  start: number;
  end: number;
  /** The spacing samples were sent at (ping's interval, the probe's period); null to infer it. */
  intervalMs: number | null;
  /** The received samples: when, and the latency in ms. */
  at: number[];
  ms: number[];
  /** Samples sent and never answered (ping's lost echoes). */
  lost: number;
  /** Whether the source knows what it sent (ping): only such series count toward packet loss. */
  countsLoss?: boolean;
}

export interface Samples {
  /** One series per test run or probe: availability and jitter never bridge two runs. */
  series: LatencySeries[];
  /** Throughput per measured interval, Mbit/s. */
  uplink: number[];
  downlink: number[];
  /** [SS-RSRP dBm, SS-SINR dB] per drive-test sample. */
  coverage: Array<[number, number]>;
}

export const emptySamples = (): Samples => ({ series: [], uplink: [], downlink: [], coverage: [] });

/** Several measurement sets as one (their series stay apart). */
export function mergeSamples(all: readonly Samples[]): Samples {
  const out = emptySamples();
  for (const s of all) {
    out.series.push(...s.series);
    out.uplink.push(...s.uplink);
    out.downlink.push(...s.downlink);
    out.coverage.push(...s.coverage);
  }
  return out;
}

/** How many samples of each kind (shown per set and in the report's evidence). */
export function countSamples(s: Samples) {
  return {
    latency: s.series.reduce((n, x) => n + x.ms.length, 0),
    lost: s.series.reduce((n, x) => n + x.lost, 0),
    uplink: s.uplink.length,
    downlink: s.downlink.length,
    coverage: s.coverage.length,
  };
}

/** The first and last instant the samples cover (null when they have no time). */
export function spanOf(s: Samples): { from: number; to: number } | null {
  const starts = s.series.map((x) => x.start);
  const ends = s.series.map((x) => x.end);
  if (starts.length === 0) return null;
  return { from: Math.min(...starts), to: Math.max(...ends) };
}
