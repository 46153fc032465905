import { describe, expect, it } from 'vitest';
import { quarterDates, quarterLabel, reportDateFor } from './quarter.js';

describe('quarters', () => {
  it('knows their first and last days', () => {
    expect(quarterDates('2026Q1')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(quarterDates('2026Q3')).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(quarterDates('2027Q4')).toEqual({ start: '2027-10-01', end: '2027-12-31' });
    expect(() => quarterDates('2026Q5')).toThrow(RangeError);
  });

  it('reports a finished quarter as of its last day, a running one as of today, a future one not at all', () => {
    expect(reportDateFor('2026Q3', '2026-10-08')).toBe('2026-09-30');
    expect(reportDateFor('2026Q3', '2026-09-30')).toBe('2026-09-30');
    expect(reportDateFor('2026Q4', '2026-10-08')).toBe('2026-10-08');
    expect(reportDateFor('2027Q1', '2026-10-08')).toBeNull();
  });

  it('labels them in both languages', () => {
    expect(quarterLabel('2026Q3')).toEqual({ zh: '2026年第3季度', en: 'Q3 2026' });
  });
});
