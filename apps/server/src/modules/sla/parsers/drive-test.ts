import type { FieldIssue } from '@suilian/contracts';
import { decodeText, parseCsv } from '../../../platform/tabular/csv.js';
import { emptySamples, type Samples } from '../logic/samples.js';
import { fail, fileIssue, MAX_SAMPLES, type Parsed, rejectFile } from './problems.js';

/**
 * The drive-test CSV (docs/sla.md): one row per sample, a header row naming these columns. Ranges
 * are the reporting ranges of TS 38.133 (SS-RSRP −156…−31 dBm, SS-SINR −23…40 dB); a value outside
 * them is usually a unit mistake (mW, a positive dB figure, seconds for ms) and is refused as such.
 */
export const DRIVE_TEST_COLUMNS = {
  timestamp: { required: true },
  longitude: { required: false, min: 73, max: 136 },
  latitude: { required: false, min: 3, max: 54 },
  ss_rsrp_dbm: { required: true, min: -156, max: -31 },
  ss_sinr_db: { required: true, min: -23, max: 40 },
  latency_ms: { required: false, min: 0, max: 60_000 },
  ul_mbps: { required: false, min: 0, max: 100_000 },
  dl_mbps: { required: false, min: 0, max: 100_000 },
} as const;
type Column = keyof typeof DRIVE_TEST_COLUMNS;
const isColumn = (name: string): name is Column => Object.hasOwn(DRIVE_TEST_COLUMNS, name);
const ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Parses a drive-test CSV: coverage samples (RSRP, SINR), and where measured the latency (one series
 * over the run, in time order) and throughput. Every bad cell is reported with its line and column;
 * one bad cell rejects the file.
 */
export function parseDriveTest(content: Buffer): Parsed<Samples> {
  const text = decodeText(content).text.replace(/^\uFEFF/, '');
  if (text.trim() === '') fail('empty', 'sla.file_empty');
  if (text.trimStart().startsWith('{')) fail('format', 'sla.wrong_format', { format: 'iperf3' });
  if (/^PING |icmp_seq=/m.test(text)) fail('format', 'sla.wrong_format', { format: 'ping' });
  const records = parseCsv(text).filter((r) => r.some((cell) => cell.trim() !== ''));
  const [header = [], ...rows] = records;
  const names = header.map((h) => h.trim().toLowerCase());
  const issues: FieldIssue[] = [];
  for (const name of names) if (!isColumn(name)) issues.push(fileIssue('header_unknown', 'sla.csv_column_unknown', { column: name }));
  for (const [name, spec] of Object.entries(DRIVE_TEST_COLUMNS))
    if (spec.required && !names.includes(name)) issues.push(fileIssue('header_missing', 'sla.csv_column_missing', { column: name }));
  if (issues.length > 0) throw rejectFile(issues);
  if (rows.length === 0) fail('empty', 'sla.file_empty');
  if (rows.length > MAX_SAMPLES) fail('max_rows', 'sla.too_many_samples', { max: MAX_SAMPLES });

  const parsed: Array<{ at: number; values: Partial<Record<Column, number>> }> = [];
  rows.forEach((row, i) => {
    const line = i + 2;
    const cell = (c: Column) => (row[names.indexOf(c)] ?? '').trim();
    const stamp = cell('timestamp');
    const at = ISO.test(stamp) ? Date.parse(stamp.replace(' ', 'T')) : Number.NaN;
    if (Number.isNaN(at)) issues.push(fileIssue('date', 'sla.csv_time', { line, column: 'timestamp' }, `file.line ${line}.timestamp`));
    const values: Partial<Record<Column, number>> = {};
    for (const name of names as Column[]) {
      if (name === 'timestamp') continue;
      const spec = DRIVE_TEST_COLUMNS[name];
      const raw = cell(name);
      if (raw === '') {
        if (spec.required) issues.push(fileIssue('required', 'sla.csv_not_number', { line, column: name }, `file.line ${line}.${name}`));
        continue;
      }
      const value = /^[+-]?\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
      if (Number.isNaN(value)) issues.push(fileIssue('number', 'sla.csv_not_number', { line, column: name }, `file.line ${line}.${name}`));
      else if (value < spec.min || value > spec.max)
        issues.push(
          fileIssue('range', 'sla.csv_out_of_range', { line, column: name, min: spec.min, max: spec.max }, `file.line ${line}.${name}`),
        );
      else values[name] = value;
    }
    parsed.push({ at, values });
  });
  if (issues.length > 0) throw rejectFile(issues);

  parsed.sort((a, b) => a.at - b.at);
  const samples = emptySamples();
  const timed = parsed.filter((p) => p.values.latency_ms !== undefined);
  for (const p of parsed) {
    samples.coverage.push([p.values.ss_rsrp_dbm as number, p.values.ss_sinr_db as number]);
    if (p.values.ul_mbps !== undefined) samples.uplink.push(p.values.ul_mbps);
    if (p.values.dl_mbps !== undefined) samples.downlink.push(p.values.dl_mbps);
  }
  if (timed.length > 0)
    samples.series.push({
      start: (timed[0] as (typeof timed)[number]).at,
      end: (timed[timed.length - 1] as (typeof timed)[number]).at,
      intervalMs: null,
      at: timed.map((p) => p.at),
      ms: timed.map((p) => p.values.latency_ms as number),
      lost: 0,
    });
  return { samples, from: (parsed[0] as (typeof parsed)[number]).at, to: (parsed[parsed.length - 1] as (typeof parsed)[number]).at };
}
