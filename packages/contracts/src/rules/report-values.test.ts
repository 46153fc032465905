import { describe, expect, it } from 'vitest';
import { checkReportValue } from './report-values.js';

describe('reported values are refused, never changed (#12 item 4)', () => {
  it('refuses out-of-range and malformed values with the type as the rule and its range', () => {
    expect(checkReportValue('percentage', '120')).toMatchObject({ ok: false, rule: 'percentage', params: { min: 0, max: 100 } });
    expect(checkReportValue('integer', '-3')).toMatchObject({ ok: false, rule: 'integer', params: { min: 0 } });
    expect(checkReportValue('number', 'abc')).toMatchObject({ ok: false, rule: 'number' });
    expect(checkReportValue('integer', '1.5')).toMatchObject({ ok: false, rule: 'integer' });
    expect(checkReportValue('percentage', '99.555')).toMatchObject({ ok: false, rule: 'percentage' });
    expect(checkReportValue('boolean', 'yes')).toMatchObject({ ok: false, rule: 'boolean' });
  });

  it('keeps valid values as typed (whole numbers lose leading zeros only)', () => {
    expect(checkReportValue('percentage', '100')).toEqual({ ok: true, value: '100' });
    expect(checkReportValue('percentage', '0')).toEqual({ ok: true, value: '0' });
    expect(checkReportValue('percentage', '99.5')).toEqual({ ok: true, value: '99.5' });
    expect(checkReportValue('integer', ' 0120 ')).toEqual({ ok: true, value: '120' });
    expect(checkReportValue('number', '-3.25')).toEqual({ ok: true, value: '-3.25' });
  });
});
