import { describe, expect, it } from 'vitest';
import { dateOfDay, dayNumber, LAST_DAY } from './calendar-days.js';

describe('calendar days', () => {
  it('numbers days from 1970-01-01 in UTC and back', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2027-12-31') - dayNumber('2025-09-14')).toBe(838);
    expect(dateOfDay(dayNumber('2028-02-28') + 1)).toBe('2028-02-29');
    expect(dateOfDay(LAST_DAY)).toBe('9999-12-31');
  });

  it('refuses what is not a real date', () => {
    for (const date of ['2026-02-29', '2026-13-01', '2026-1-1', '2026-11-30T00:00:00Z', '']) {
      expect(() => dayNumber(date), date).toThrow(`not a date: ${JSON.stringify(date)} (expected YYYY-MM-DD)`);
    }
  });
});
