import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import { driveTestCsv, iperf3Json, pingOutput } from '../sample-files.js';
import { parseDriveTest } from './drive-test.js';
import { parseIperf3 } from './iperf3.js';
import { parsePing } from './ping.js';

const start = new Date('2026-11-03T02:00:00Z');
const buf = (text: string) => Buffer.from(text, 'utf8');

/** The reason codes and fields a rejected file was answered with. */
function rejection(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const issues = (error.details as { issues: Array<{ field: string; rule: string; reason: { code: string; params: object } }> }).issues;
    return issues.map((i) => ({ field: i.field, rule: i.rule, code: i.reason.code, params: i.reason.params }));
  }
  throw new Error('accepted');
}

describe('ping output (iputils) (#14 item 3)', () => {
  it('reads -D timestamps, round-trip times and the lost echoes of the summary', () => {
    const parsed = parsePing(buf(pingOutput({ seed: 1, start, count: 20, rttMs: 12, spreadMs: 2, lost: [5, 20] })), null);
    const [run] = parsed.samples.series;
    expect(run?.ms).toHaveLength(18);
    expect(run?.lost).toBe(2);
    expect(run?.intervalMs).toBeCloseTo(1000, -1);
    expect(run?.end).toBeGreaterThan(run?.at.at(-1) as number);
    expect(parsed.from).toBeCloseTo(start.getTime(), -2);
  });

  it('places replies without -D one second apart from startedAt, and needs startedAt then', () => {
    const text = [
      'PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.',
      '64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=8.10 ms',
      '64 bytes from 10.0.0.1: icmp_seq=3 ttl=64 time=9.30 ms',
      '64 bytes from 10.0.0.1: icmp_seq=3 ttl=64 time=9.30 ms (DUP!)',
      '',
      '--- 10.0.0.1 ping statistics ---',
      '4 packets transmitted, 2 received, +1 duplicates, 50% packet loss, time 3004ms',
    ].join('\n');
    const parsed = parsePing(buf(text), start.getTime());
    expect(parsed.samples.series[0]).toMatchObject({ at: [start.getTime(), start.getTime() + 2000], ms: [8.1, 9.3], lost: 2 });
    expect(rejection(() => parsePing(buf(text), null))).toEqual([
      { field: 'file', rule: 'required', code: 'sla.ping_no_start', params: {} },
    ]);
  });

  it('refuses empty files, other formats and other time units by name', () => {
    expect(rejection(() => parsePing(buf('  \n'), null))[0]?.code).toBe('sla.file_empty');
    expect(rejection(() => parsePing(buf('{"start":{}}'), null))[0]).toMatchObject({
      code: 'sla.wrong_format',
      params: { format: 'iperf3' },
    });
    expect(rejection(() => parsePing(buf('hello\nworld'), null))[0]?.code).toBe('sla.ping_no_replies');
    expect(rejection(() => parsePing(buf('64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=0.01 s'), 0))[0]).toMatchObject({
      rule: 'unit',
      code: 'sla.ping_unit',
      params: { unit: 's' },
    });
  });
});

describe('iperf3 -J (#14 item 3)', () => {
  it('takes each interval’s throughput in Mbit/s, uplink for a normal run and downlink for -R', () => {
    const up = parseIperf3(buf(iperf3Json({ seed: 2, start, seconds: 10, mbps: 150, spreadMbps: 10 })));
    expect(up.samples.uplink).toHaveLength(10);
    expect(up.samples.downlink).toHaveLength(0);
    expect(Math.min(...up.samples.uplink)).toBeGreaterThanOrEqual(140);
    expect(up.to - up.from).toBe(10_000);
    const down = parseIperf3(buf(iperf3Json({ seed: 2, start, seconds: 5, mbps: 600, spreadMbps: 10, reverse: true })));
    expect(down.samples.downlink).toHaveLength(5);
  });

  it('leaves out omitted warm-up intervals', () => {
    const doc = JSON.parse(iperf3Json({ seed: 3, start, seconds: 4, mbps: 100, spreadMbps: 0 }));
    doc.intervals[0].sum.omitted = true;
    expect(parseIperf3(buf(JSON.stringify(doc))).samples.uplink).toHaveLength(3);
  });

  it('refuses text that is not JSON, iperf3’s own error and JSON without intervals', () => {
    expect(rejection(() => parseIperf3(buf('not json')))[0]?.code).toBe('sla.file_not_json');
    expect(rejection(() => parseIperf3(buf('PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.\n')))[0]?.params).toEqual({ format: 'ping' });
    expect(
      rejection(() => parseIperf3(buf('{"start":{},"intervals":[],"error":"unable to connect to server: Connection refused"}')))[0],
    ).toMatchObject({
      code: 'sla.iperf3_error',
      params: { detail: 'unable to connect to server: Connection refused' },
    });
    expect(rejection(() => parseIperf3(buf('{"start":{"timestamp":{"timesecs":1}},"intervals":[]}')))[0]?.code).toBe(
      'sla.iperf3_no_intervals',
    );
  });
});

describe('drive-test CSV (#14 item 3)', () => {
  it('reads coverage, latency and throughput per row', () => {
    const parsed = parseDriveTest(
      buf(driveTestCsv({ seed: 4, start, rows: 30, longitude: 113.45, latitude: 23.16, rsrpDbm: -85, sinrDb: 18, latencyMs: 9 })),
    );
    expect(parsed.samples.coverage).toHaveLength(30);
    expect(parsed.samples.series[0]?.ms).toHaveLength(30);
    expect(parsed.samples.uplink).toHaveLength(30);
    expect(parsed.to - parsed.from).toBe(29 * 2000);
  });

  it('names every bad cell with its line and column: units, numbers, times; and unknown or missing columns', () => {
    const csv = [
      'timestamp,ss_rsrp_dbm,ss_sinr_db,latency_ms',
      '2026-11-03T02:00:00+08:00,-85,12,9.5',
      '2026-11-03T02:00:02+08:00,0.000001,12,9.5',
      'yesterday,-90,abc,',
    ].join('\n');
    expect(rejection(() => parseDriveTest(buf(csv)))).toEqual([
      {
        field: 'file.line 3.ss_rsrp_dbm',
        rule: 'range',
        code: 'sla.csv_out_of_range',
        params: { line: 3, column: 'ss_rsrp_dbm', min: -156, max: -31 },
      },
      { field: 'file.line 4.timestamp', rule: 'date', code: 'sla.csv_time', params: { line: 4, column: 'timestamp' } },
      { field: 'file.line 4.ss_sinr_db', rule: 'number', code: 'sla.csv_not_number', params: { line: 4, column: 'ss_sinr_db' } },
    ]);
    expect(rejection(() => parseDriveTest(buf('timestamp,rsrp,latency_s\n')))).toEqual([
      { field: 'file', rule: 'header_unknown', code: 'sla.csv_column_unknown', params: { column: 'rsrp' } },
      { field: 'file', rule: 'header_unknown', code: 'sla.csv_column_unknown', params: { column: 'latency_s' } },
      { field: 'file', rule: 'header_missing', code: 'sla.csv_column_missing', params: { column: 'ss_rsrp_dbm' } },
      { field: 'file', rule: 'header_missing', code: 'sla.csv_column_missing', params: { column: 'ss_sinr_db' } },
    ]);
    expect(rejection(() => parseDriveTest(buf('timestamp,ss_rsrp_dbm,ss_sinr_db\n')))[0]?.code).toBe('sla.file_empty');
  });
});
