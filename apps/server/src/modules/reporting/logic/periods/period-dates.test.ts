import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  nextPeriod,
  periodContaining,
  periodEnd,
  periodStart,
  periodsBetween,
  previousPeriod,
  shiftPeriod,
} from './period-dates.js';

describe('period dates', () => {
  it.each([
    ['202611', '2026-11-01', '2026-11-30'],
    ['202602', '2026-02-01', '2026-02-28'],
    ['202802', '2028-02-01', '2028-02-29'],
    ['202612', '2026-12-01', '2026-12-31'],
    ['2026Q1', '2026-01-01', '2026-03-31'],
    ['2026Q3', '2026-07-01', '2026-09-30'],
    ['2026Q4', '2026-10-01', '2026-12-31'],
    ['2027', '2027-01-01', '2027-12-31'],
  ])('%s runs from %s to %s', (id, start, end) => {
    expect(periodStart(id)).toBe(start);
    expect(periodEnd(id)).toBe(end);
  });

  it('steps forwards and backwards across year ends', () => {
    expect(nextPeriod('202612')).toBe('202701');
    expect(previousPeriod('202701')).toBe('202612');
    expect(nextPeriod('2026Q4')).toBe('2027Q1');
    expect(previousPeriod('2026Q1')).toBe('2025Q4');
    expect(nextPeriod('2026')).toBe('2027');
    expect(shiftPeriod('202611', -23)).toBe('202412');
    expect(shiftPeriod('202611', 14)).toBe('202801');
    expect(shiftPeriod('2026Q2', -9)).toBe('2024Q1');
    expect(shiftPeriod('202611', 0)).toBe('202611');
    expect(() => shiftPeriod('202611', 0.5)).toThrow('shiftPeriod: steps must be a whole number, got 0.5');
  });

  it('finds the period containing a date', () => {
    expect(periodContaining('monthly', '2025-09-14')).toBe('202509');
    expect(periodContaining('quarterly', '2025-09-14')).toBe('2025Q3');
    expect(periodContaining('quarterly', '2025-10-01')).toBe('2025Q4');
    expect(periodContaining('yearly', '2027-12-31')).toBe('2027');
  });

  it('lists the periods overlapping two dates, both ends included', () => {
    const months = periodsBetween('monthly', '2025-09-14', '2027-12-31');
    expect(months).toHaveLength(28);
    expect(months.slice(0, 5)).toEqual(['202509', '202510', '202511', '202512', '202601']);
    expect(months.at(-1)).toBe('202712');
    expect(periodsBetween('quarterly', '2025-09-14', '2026-04-01')).toEqual(['2025Q3', '2025Q4', '2026Q1', '2026Q2']);
    expect(periodsBetween('yearly', '2025-09-14', '2027-12-31')).toEqual(['2025', '2026', '2027']);
    expect(periodsBetween('monthly', '2026-11-05', '2026-11-20')).toEqual(['202611']);
    expect(periodsBetween('monthly', '2026-11-20', '2026-11-05')).toEqual([]);
  });

  it('orders periods by start, the shorter first when two start together', () => {
    expect(['2026Q4', '202611', '2026', '202610', '2026Q1', '202601'].sort(comparePeriods)).toEqual([
      '202601',
      '2026Q1',
      '2026',
      '202610',
      '2026Q4',
      '202611',
    ]);
  });
});
