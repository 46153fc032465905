import { z } from 'zod';
import { emptySamples, type Samples } from '../logic/samples.js';
import { fail, MAX_SAMPLES, type Parsed, textOf } from './problems.js';

/**
 * The parts of `iperf3 -J` output we read: the start timestamp, whether the client received
 * (`reverse`, `-R`), and per interval the sum over streams (bits/s, with `omitted` for the
 * `-O` warm-up); `--bidir` runs carry the reverse direction in `sum_bidir_reverse`. iperf3 writes
 * `error` instead of results when the test failed.
 */
const SumSchema = z.object({
  start: z.number(),
  end: z.number(),
  bits_per_second: z.number().finite().min(0),
  omitted: z.boolean().optional(),
});
const Iperf3Schema = z.object({
  start: z.object({
    timestamp: z.object({ timesecs: z.number().int().positive() }),
    test_start: z.object({ reverse: z.number().int().optional() }).optional(),
  }),
  intervals: z.array(z.object({ sum: SumSchema, sum_bidir_reverse: SumSchema.optional() })),
});

/**
 * Parses an `iperf3 -J` result run on the terminal side of the private network: a normal run
 * measures the uplink (terminal → server), `-R` the downlink, `--bidir` both. Each interval's
 * throughput (Mbit/s) is a sample; omitted warm-up intervals are left out.
 */
export function parseIperf3(content: Buffer): Parsed<Samples> {
  const text = textOf(content);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    if (/^PING |icmp_seq=/m.test(text)) fail('format', 'sla.wrong_format', { format: 'ping' });
    if (/ss_rsrp_dbm/.test(text.split('\n', 1)[0] ?? '')) fail('format', 'sla.wrong_format', { format: 'drive_test' });
    fail('json', 'sla.file_not_json');
  }
  if (json && typeof json === 'object' && 'error' in json && typeof json.error === 'string')
    fail('iperf3', 'sla.iperf3_error', { detail: json.error.slice(0, 200) });
  const parsed = Iperf3Schema.safeParse(json);
  if (!parsed.success) fail('iperf3', 'sla.iperf3_no_intervals');
  const { start, intervals } = parsed.data;
  const base = start.timestamp.timesecs * 1000;
  const reverse = start.test_start?.reverse === 1;
  const samples = emptySamples();
  const mbps = (bps: number) => bps / 1e6;
  let last = 0;
  for (const interval of intervals) {
    if (interval.sum.omitted) continue;
    (reverse ? samples.downlink : samples.uplink).push(mbps(interval.sum.bits_per_second));
    if (interval.sum_bidir_reverse && !interval.sum_bidir_reverse.omitted)
      (reverse ? samples.uplink : samples.downlink).push(mbps(interval.sum_bidir_reverse.bits_per_second));
    last = Math.max(last, interval.sum.end);
  }
  const count = samples.uplink.length + samples.downlink.length;
  if (count === 0) fail('iperf3', 'sla.iperf3_no_intervals');
  if (count > MAX_SAMPLES) fail('max_rows', 'sla.too_many_samples', { max: MAX_SAMPLES });
  return { samples, from: base, to: base + Math.round(last * 1000) };
}
