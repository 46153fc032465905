import { describe, expect, it } from 'vitest';
import { expectedOn, monthEnds } from './pace.js';

const path = { baseline: 0, baselineDate: '2025-09-14', target: 150, targetDate: '2027-12-31', milestones: null };

describe('milestone path', () => {
  it('is a straight line from baseline to target by default', () => {
    expect(expectedOn(path, '2025-09-14')).toBe(0);
    expect(expectedOn(path, '2027-12-31')).toBe(150);
    expect(expectedOn(path, '2030-01-01')).toBe(150);
    // 2026-11-07 is 419 of the plan's 838 days: half way.
    expect(expectedOn(path, '2026-11-07')).toBeCloseTo(75, 6);
  });

  it('follows annual milestones when given', () => {
    const withMilestones = { ...path, milestones: { '2025-12-31': 10, '2026-12-31': 90 } };
    expect(expectedOn(withMilestones, '2025-12-31')).toBe(10);
    expect(expectedOn(withMilestones, '2026-12-31')).toBe(90);
    expect(expectedOn(withMilestones, '2027-07-01')).toBeGreaterThan(90);
  });

  it('lists month ends up to the requested day', () => {
    expect(monthEnds('2025-09-14', '2025-12-05')).toEqual([
      { period: '202509', date: '2025-09-30' },
      { period: '202510', date: '2025-10-31' },
      { period: '202511', date: '2025-11-30' },
      { period: '202512', date: '2025-12-05' },
    ]);
  });
});
