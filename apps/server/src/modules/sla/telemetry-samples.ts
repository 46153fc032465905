import { emptySamples, type Samples } from './logic/samples.js';

interface ProbePoint {
  deviceKey: string;
  metric: string;
  ts: Date;
  value: number;
}

/**
 * The probes' telemetry as samples (docs/sla.md): each probe device's `latency_ms` points are one
 * series (its interval inferred from their spacing; a probe that stops publishing leaves a
 * silence, which availability counts), `ul_mbps` / `dl_mbps` throughput samples, and
 * `ss_rsrp_dbm` / `ss_sinr_db` published at the same instant a coverage sample. Points arrive
 * ordered by device, then time.
 */
export function samplesFromTelemetry(points: readonly ProbePoint[]): { samples: Samples; devices: string[] } {
  const samples = emptySamples();
  const byDevice = new Map<string, ProbePoint[]>();
  for (const p of points) {
    const list = byDevice.get(p.deviceKey);
    if (list) list.push(p);
    else byDevice.set(p.deviceKey, [p]);
  }
  for (const list of byDevice.values()) {
    const latency = list.filter((p) => p.metric === 'latency_ms' && p.value >= 0);
    if (latency.length > 0)
      samples.series.push({
        start: (latency[0] as ProbePoint).ts.getTime(),
        end: (latency[latency.length - 1] as ProbePoint).ts.getTime(),
        intervalMs: null,
        at: latency.map((p) => p.ts.getTime()),
        ms: latency.map((p) => p.value),
        lost: 0,
      });
    for (const p of list) {
      if (p.metric === 'ul_mbps' && p.value >= 0) samples.uplink.push(p.value);
      if (p.metric === 'dl_mbps' && p.value >= 0) samples.downlink.push(p.value);
    }
    const sinrAt = new Map(list.filter((p) => p.metric === 'ss_sinr_db').map((p) => [p.ts.getTime(), p.value]));
    for (const p of list) {
      const sinr = p.metric === 'ss_rsrp_dbm' ? sinrAt.get(p.ts.getTime()) : undefined;
      if (sinr !== undefined) samples.coverage.push([p.value, sinr]);
    }
  }
  return { samples, devices: [...byDevice.keys()] };
}
