import type { SlaItem, SlaItemResult, SlaMetric, SlaStats } from '@suilian/contracts';
import type { Samples } from './samples.js';
import { availability, cdf, coverageShares, jitter, meets, percentiles } from './statistics.js';

/** Rounds a figure for storage and display (3 decimals; availability needs 4 after the point). */
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Echoes sent and lost, over the series that know what they sent (ping; probes and drive tests do not). */
function lossBase(samples: Samples) {
  const counted = samples.series.filter((s) => s.countsLoss);
  const lost = counted.reduce((n, s) => n + s.lost, 0);
  return { lost, sent: counted.reduce((n, s) => n + s.ms.length, 0) + lost };
}

/** The period's figures from all its samples (availability is per item: it depends on the survival time). */
export function computeStats(samples: Samples): SlaStats {
  const latencies = samples.series.flatMap((s) => s.ms);
  const received = latencies.length;
  const { sent, lost } = lossBase(samples);
  const lat = percentiles(latencies);
  const j = jitter(samples.series);
  const roundAll = (o: ReturnType<typeof percentiles>) =>
    o ? { count: o.count, p5: round(o.p5), p50: round(o.p50), p95: round(o.p95), p99: round(o.p99) } : null;
  return {
    latency: lat
      ? {
          ...(roundAll(lat) as NonNullable<ReturnType<typeof roundAll>>),
          mean: round(latencies.reduce((a, b) => a + b, 0) / received),
          max: latencies.reduce((a, b) => Math.max(a, b), 0),
        }
      : null,
    jitterMs: j === null ? null : round(j),
    lossPct: sent === 0 ? null : round((100 * lost) / sent),
    uplink: roundAll(percentiles(samples.uplink)),
    downlink: roundAll(percentiles(samples.downlink)),
    coverage: coverageShares(samples.coverage),
    latencyCdf: cdf(latencies).map((p) => ({ ms: round(p.ms), share: round(p.share, 4) })),
  };
}

interface Measured {
  value: number | null;
  samples: number;
  outages?: number;
  downtimeMs?: number;
  spanMs?: number;
}

function measure(metric: SlaMetric, item: SlaItem, stats: SlaStats, samples: Samples): Measured {
  const latencyCount = stats.latency?.count ?? 0;
  switch (metric) {
    case 'latency_p50_ms':
      return { value: stats.latency?.p50 ?? null, samples: latencyCount };
    case 'latency_p95_ms':
      return { value: stats.latency?.p95 ?? null, samples: latencyCount };
    case 'latency_p99_ms':
      return { value: stats.latency?.p99 ?? null, samples: latencyCount };
    case 'jitter_ms':
      return { value: stats.jitterMs, samples: latencyCount };
    case 'loss_pct':
      return { value: stats.lossPct, samples: lossBase(samples).sent };
    case 'uplink_p5_mbps':
      return { value: stats.uplink?.p5 ?? null, samples: stats.uplink?.count ?? 0 };
    case 'uplink_p50_mbps':
      return { value: stats.uplink?.p50 ?? null, samples: stats.uplink?.count ?? 0 };
    case 'downlink_p5_mbps':
      return { value: stats.downlink?.p5 ?? null, samples: stats.downlink?.count ?? 0 };
    case 'downlink_p50_mbps':
      return { value: stats.downlink?.p50 ?? null, samples: stats.downlink?.count ?? 0 };
    case 'availability_pct': {
      const a = availability(samples.series, item.survivalTimeMs ?? 0);
      if (!a) return { value: null, samples: 0 };
      return { value: round(a.pct, 4), samples: latencyCount, outages: a.outages, downtimeMs: round(a.downtimeMs), spanMs: a.spanMs };
    }
    case 'coverage_good_pct': {
      const c = stats.coverage;
      if (!c) return { value: null, samples: 0 };
      const good = c.shares.filter((s) => s.class === 'excellent' || s.class === 'good').reduce((n, s) => n + s.count, 0);
      return { value: round((100 * good) / c.count), samples: c.count };
    }
  }
}

/** Each item against the figures: pass or fail with its evidence; an item nothing measured fails. */
export function evaluateItems(items: readonly SlaItem[], stats: SlaStats, samples: Samples, sources: string[]): SlaItemResult[] {
  return items.map((item) => {
    const m = measure(item.metric, item, stats, samples);
    const { value, samples: n, ...extra } = m;
    return {
      metric: item.metric,
      op: item.op,
      threshold: item.threshold,
      survivalTimeMs: item.survivalTimeMs ?? null,
      measured: value,
      pass: value !== null && meets(value, item.op, item.threshold),
      evidence: { samples: n, sources: n > 0 ? sources : [], ...extra },
    };
  });
}
