import { describe, expect, it } from 'vitest';
import { formatPeriod, PeriodError, parsePeriod, validatePeriodId } from './period-id.js';

describe('period ids', () => {
  it('reads monthly, quarterly and yearly ids', () => {
    expect(parsePeriod('202611')).toEqual({ type: 'monthly', year: 2026, index: 11 });
    expect(parsePeriod('202601')).toEqual({ type: 'monthly', year: 2026, index: 1 });
    expect(parsePeriod('2026Q4')).toEqual({ type: 'quarterly', year: 2026, index: 4 });
    expect(parsePeriod('2026')).toEqual({ type: 'yearly', year: 2026, index: 1 });
  });

  it('writes them back unchanged', () => {
    for (const id of ['202611', '202601', '2026Q1', '2026Q4', '2026']) expect(formatPeriod(parsePeriod(id))).toBe(id);
    expect(formatPeriod({ type: 'monthly', year: 2027, index: 3 })).toBe('202703');
  });

  it('says what is wrong with a bad id', () => {
    expect(validatePeriodId('202613')).toEqual({ ok: false, message: 'period 202613: the month must be 01 to 12' });
    expect(validatePeriodId('202600')).toEqual({ ok: false, message: 'period 202600: the month must be 01 to 12' });
    expect(validatePeriodId('2026Q5')).toEqual({ ok: false, message: 'period 2026Q5: the quarter must be Q1 to Q4' });
    expect(validatePeriodId('0999')).toEqual({ ok: false, message: 'period 0999: the year must have four digits, 1000 or later' });
    for (const id of ['2026-11', '26Q4', '2026q4', '2026M11', '20261', '', ' 202611']) {
      expect(validatePeriodId(id), id).toEqual({
        ok: false,
        message: `period ${JSON.stringify(id)}: expected 202611 (month), 2026Q4 (quarter) or 2026 (year)`,
      });
    }
  });

  it('checks the period type a data set expects', () => {
    expect(validatePeriodId('2026Q4', 'monthly')).toEqual({
      ok: false,
      message: 'period 2026Q4 is quarterly, but this data set is monthly',
    });
    expect(validatePeriodId('202611', 'monthly').ok).toBe(true);
    expect(() => parsePeriod('2026', 'quarterly')).toThrow(PeriodError);
    expect(() => parsePeriod('2026', 'quarterly')).toThrow('period 2026 is yearly, but this data set is quarterly');
  });
});
