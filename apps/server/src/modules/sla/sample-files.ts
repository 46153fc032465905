import { seededRandom } from '../../seed/prng.js';

/**
 * Test files as the tools write them, generated from a seed (demo data and tests): `ping -D`
 * output of iputils, `iperf3 -J` JSON and the drive-test CSV. The figures are plausible for a
 * 5G SA private network at n78/n79 with a UPF on the premises.
 */
export interface PingSpec {
  seed: number;
  start: Date;
  count: number;
  /** Median round trip and its spread (ms). */
  rttMs: number;
  spreadMs: number;
  /** Sequence numbers that get no answer. */
  lost?: readonly number[];
}

export function pingOutput(spec: PingSpec): string {
  const random = seededRandom(spec.seed);
  const lost = new Set(spec.lost ?? []);
  const lines = ['PING 10.20.0.1 (10.20.0.1) 56(84) bytes of data.'];
  let received = 0;
  for (let seq = 1; seq <= spec.count; seq++) {
    if (lost.has(seq)) continue;
    received++;
    const at = spec.start.getTime() / 1000 + (seq - 1) + random() * 0.002;
    const rtt = Math.max(1, spec.rttMs + (random() + random() + random() - 1.5) * spec.spreadMs);
    lines.push(`[${at.toFixed(6)}] 64 bytes from 10.20.0.1: icmp_seq=${seq} ttl=63 time=${rtt.toFixed(2)} ms`);
  }
  const loss = Math.round((100 * (spec.count - received)) / spec.count);
  lines.push('', '--- 10.20.0.1 ping statistics ---');
  lines.push(`${spec.count} packets transmitted, ${received} received, ${loss}% packet loss, time ${(spec.count - 1) * 1000}ms`);
  return `${lines.join('\n')}\n`;
}

export interface Iperf3Spec {
  seed: number;
  start: Date;
  seconds: number;
  mbps: number;
  spreadMbps: number;
  reverse?: boolean;
}

export function iperf3Json(spec: Iperf3Spec): string {
  const random = seededRandom(spec.seed);
  const intervals = Array.from({ length: spec.seconds }, (_, i) => {
    const bps = Math.max(0, (spec.mbps + (random() - 0.5) * 2 * spec.spreadMbps) * 1e6);
    const sum = {
      start: i,
      end: i + 1,
      seconds: 1,
      bytes: Math.round(bps / 8),
      bits_per_second: bps,
      retransmits: 0,
      omitted: false,
      sender: true,
    };
    return { streams: [{ socket: 5, ...sum }], sum };
  });
  const doc = {
    start: {
      connected: [{ socket: 5, local_host: '10.20.1.15', local_port: 43122, remote_host: '10.20.0.1', remote_port: 5201 }],
      version: 'iperf 3.12',
      system_info: 'Linux cpe-probe 6.1.0 x86_64',
      timestamp: { time: spec.start.toUTCString(), timesecs: Math.floor(spec.start.getTime() / 1000) },
      connecting_to: { host: '10.20.0.1', port: 5201 },
      test_start: {
        protocol: 'TCP',
        num_streams: 1,
        blksize: 131072,
        omit: 0,
        duration: spec.seconds,
        bytes: 0,
        blocks: 0,
        reverse: spec.reverse ? 1 : 0,
        tos: 0,
      },
    },
    intervals,
    end: {},
  };
  return JSON.stringify(doc, null, 2);
}

export interface DriveTestSpec {
  seed: number;
  start: Date;
  rows: number;
  /** Centre of the route (WGS84). */
  longitude: number;
  latitude: number;
  rsrpDbm: number;
  sinrDb: number;
  latencyMs: number;
}

export function driveTestCsv(spec: DriveTestSpec): string {
  const random = seededRandom(spec.seed);
  const lines = ['timestamp,longitude,latitude,ss_rsrp_dbm,ss_sinr_db,latency_ms,ul_mbps,dl_mbps'];
  for (let i = 0; i < spec.rows; i++) {
    const at = new Date(spec.start.getTime() + i * 2000).toISOString();
    const rsrp = Math.max(-140, Math.min(-44, spec.rsrpDbm + (random() - 0.5) * 24));
    const sinr = Math.max(-20, Math.min(35, spec.sinrDb + (random() - 0.5) * 16));
    const latency = spec.latencyMs + random() * 6;
    lines.push(
      [
        at,
        (spec.longitude + (random() - 0.5) * 0.004).toFixed(6),
        (spec.latitude + (random() - 0.5) * 0.004).toFixed(6),
        rsrp.toFixed(1),
        sinr.toFixed(1),
        latency.toFixed(2),
        (80 + random() * 60).toFixed(1),
        (400 + random() * 300).toFixed(1),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
