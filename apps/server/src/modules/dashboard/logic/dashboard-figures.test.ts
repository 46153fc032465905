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

  it('normalises a ratio target per district so a rate at its target does not count as the whole city target (#12 item 5)', () => {
    // Two districts, one count target (the city target 100) and one rate (target 60 %).
    const countA = { value: 30, target: 100 };
    const countB = { value: 70, target: 100 };
    const rate = { value: 60, target: 60, additive: false };
    const a = overallProgress([countA, rate], 2);
    const b = overallProgress([countB, rate], 2);
    // The rate scores 1 ÷ 2 for each district: its scores add up to 1, like the count target's.
    expect(a).toBe((0.3 + 0.5) / 2);
    expect(b).toBe((0.7 + 0.5) / 2);
    // Without the normalisation the rate would lift both to above the count target's share.
    expect(overallProgress([countA, { ...rate, additive: true }], 2)).toBe(0.65);
    // Over the targets, the districts' contributions add up to no more than the number of targets.
    expect(a + b).toBeLessThanOrEqual(1);
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
