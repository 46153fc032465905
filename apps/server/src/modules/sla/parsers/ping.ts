import { emptySamples, type Samples } from '../logic/samples.js';
import { fail, MAX_SAMPLES, type Parsed, textOf } from './problems.js';

/** `[1700000000.123456] 64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=12.3 ms` (`-D` adds the bracket). */
const REPLY = /^(?:\[(\d+(?:\.\d+)?)\]\s+)?\d+ bytes from .*?icmp_seq=(\d+).*?time[=<]([\d.]+)\s*(\S+)/;
const TRANSMITTED = /^(\d+) packets transmitted, (\d+) (?:packets )?received/;
/** iputils' default interval when the file carries no timestamps (`ping` without `-i`). */
const DEFAULT_INTERVAL_MS = 1000;

/**
 * Parses Linux iputils `ping` output. Each reply's round-trip time is a latency sample (the round
 * trip bounds the one-way latency from above, so the check errs on the safe side); echoes the
 * summary counts as sent but never answered are lost. With `-D` each reply carries its time;
 * without it the replies are placed one interval apart from `startedAt`. Duplicates (DUP!) count once.
 */
export function parsePing(content: Buffer, startedAt: number | null): Parsed<Samples> {
  const text = textOf(content);
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) fail('format', 'sla.wrong_format', { format: 'iperf3' });
  if (/ss_rsrp_dbm/.test(trimmed.split('\n', 1)[0] ?? '')) fail('format', 'sla.wrong_format', { format: 'drive_test' });
  const replies = new Map<number, { at: number | null; ms: number }>();
  let sent: number | null = null;
  for (const line of text.split(/\r?\n/)) {
    const reply = REPLY.exec(line.trim());
    if (reply) {
      const [, stamp, seq, time, unit] = reply;
      if (unit !== 'ms') fail('unit', 'sla.ping_unit', { unit: unit ?? '' });
      const ms = Number(time);
      const n = Number(seq);
      if (!replies.has(n)) replies.set(n, { at: stamp ? Math.round(Number(stamp) * 1000) : null, ms });
      continue;
    }
    const summary = TRANSMITTED.exec(line.trim());
    if (summary) sent = Number(summary[1]);
  }
  if (replies.size === 0) fail(sent === null ? 'format' : 'ping', 'sla.ping_no_replies');
  if (replies.size > MAX_SAMPLES) fail('max_rows', 'sla.too_many_samples', { max: MAX_SAMPLES });
  const seqs = [...replies.keys()].sort((a, b) => a - b);
  const first = seqs[0] as number;
  const last = seqs[seqs.length - 1] as number;
  const total = Math.max(sent ?? last, last);
  const stamped = seqs.every((s) => replies.get(s)?.at !== null);
  if (!stamped && startedAt === null) fail('required', 'sla.ping_no_start');
  // Interval from the stamps when there are any (first to last reply over their sequence distance).
  const stampOf = (s: number) => replies.get(s)?.at as number;
  const interval = stamped && last > first ? (stampOf(last) - stampOf(first)) / (last - first) : DEFAULT_INTERVAL_MS;
  const origin = stamped ? stampOf(first) - (first - 1) * interval : (startedAt as number);
  const timeOf = (s: number) => (stamped ? stampOf(s) : origin + (s - 1) * interval);
  const samples = emptySamples();
  const start = origin;
  const end = origin + (total - 1) * interval;
  samples.series.push({
    start,
    end,
    intervalMs: interval,
    at: seqs.map(timeOf),
    ms: seqs.map((s) => replies.get(s)?.ms as number),
    lost: Math.max(0, total - replies.size),
    countsLoss: true,
  });
  return { samples, from: start, to: end };
}
