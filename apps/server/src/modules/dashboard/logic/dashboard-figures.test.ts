import { describe, expect, it } from 'vitest';
import { overallProgress, rankByValue, reportPeriods, sparklineDates } from './dashboard-figures.js';

describe('dashboard figures', () => {
  it('takes the last twelve month ends, ending on the day asked', () => {
    const dates = sparklineDates('2025-09-14', '2026-11-20');
    expect(dates).toHaveLength(12);
    expect(dates[0]).toEqual({ period: '202512', date: '2025-12-31' });
    expect(dates[2]).toEqual({ period: '202602', date: '2026-02-28' });
    expect(dates.at(-1)).toEqual({ period: '202611', date: '2026-11-20' });
  });

  it('does not reach back before the plan started', () => {
    expect(sparklineDates('2025-09-14', '2025-11-05').map((d) => d.period)).toEqual(['202509', '202510', '202511']);
  });

  it('ranks highest first, ties sharing a rank, no value no rank', () => {
    expect(rankByValue([5, 9, null, 5, 1])).toEqual([2, 1, null, 2, 4]);
  });

  it('averages shares of the targets, each within 0–1', () => {
    expect(
      overallProgress([
        { value: 50, target: 100 },
        { value: 300, target: 100 },
        { value: null, target: 10 },
        { value: -5, target: 10 },
      ]),
    ).toBe(0.375);
    expect(overallProgress([])).toBe(0);
  });

  it('names last month as the period due and the eleven before it', () => {
    expect(reportPeriods('2025-09-14', '2026-11-20')).toMatchObject({ from: '202511', to: '202610' });
    expect(reportPeriods('2025-09-14', '2026-01-03')).toEqual({
      from: '202509',
      to: '202512',
      periods: ['202509', '202510', '202511', '202512'],
    });
  });
});
