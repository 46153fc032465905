import { describe, expect, it } from 'vitest';
import { addDays, dateOfDay, dayNumber, daysInMonth, isIsoDate, yearMonthOf } from './calendar.js';

describe('calendar days', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    for (const date of ['2026-11-30', '2028-02-29', '2000-02-29', '1000-01-01']) expect(isIsoDate(date), date).toBe(true);
    for (const date of [
      '2026-11-31',
      '2026-02-29',
      '1900-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-1-01',
      '20261130',
      '0999-01-01',
      '2026-11-30T00:00',
    ]) {
      expect(isIsoDate(date), date).toBe(false);
    }
  });

  it('counts days from 1970-01-01 in UTC', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-02-01')).toBe(31);
    expect(dayNumber('2025-09-14')).toBe(20345);
    expect(dateOfDay(20345)).toBe('2025-09-14');
    expect(dayNumber('2027-12-31') - dayNumber('2025-09-14')).toBe(838);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-11-30', 10)).toBe('2026-12-10');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('knows month lengths and refuses what is not a date', () => {
    expect([daysInMonth(2026, 2), daysInMonth(2028, 2), daysInMonth(2100, 2), daysInMonth(2026, 4), daysInMonth(2026, 12)]).toEqual([
      28, 29, 28, 30, 31,
    ]);
    expect(yearMonthOf('2026-11-05')).toEqual({ year: 2026, month: 11 });
    expect(() => dayNumber('2026-02-30')).toThrow('not a date: "2026-02-30" (expected YYYY-MM-DD)');
  });
});
