import { describe, expect, it } from 'vitest';
import { createPlan, DEFAULT_THRESHOLDS, expectedAt, PlanError } from './plan.js';

/** The plan runs 2025-09-14 → 2027-12-31: 838 days. */
const plan = createPlan({ baseline: { date: '2025-09-14', value: 50_000 }, target: { date: '2027-12-31', value: 120_000 } });

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof PlanError) return error.problems;
    throw error;
  }
  throw new Error('expected a PlanError');
}

describe('expectedAt', () => {
  it('follows a straight line from baseline to target by default', () => {
    expect(expectedAt(plan, '2025-09-14')).toBe(50_000);
    expect(expectedAt(plan, '2026-09-14')).toBeCloseTo(50_000 + (70_000 * 365) / 838, 6); // 80,489.26
    expect(expectedAt(plan, '2027-12-31')).toBe(120_000);
  });

  it('holds the baseline before the plan and the target after it', () => {
    expect(expectedAt(plan, '2025-01-01')).toBe(50_000);
    expect(expectedAt(plan, '2028-06-30')).toBe(120_000);
  });

  it('passes through annual milestones, given in any order', () => {
    const stepped = createPlan({
      baseline: { date: '2025-09-14', value: 50_000 },
      target: { date: '2027-12-31', value: 120_000 },
      milestones: { '2027-09-14': 100_000, '2026-09-14': 80_000 },
    });
    expect(stepped.path.map((p) => p.value)).toEqual([50_000, 80_000, 100_000, 120_000]);
    expect(expectedAt(stepped, '2026-03-15')).toBeCloseTo(50_000 + (30_000 * 182) / 365, 6); // 182 of the 365 days to the first milestone
    expect(expectedAt(stepped, '2026-09-14')).toBe(80_000);
    expect(expectedAt(stepped, '2027-03-15')).toBeCloseTo(80_000 + (20_000 * 182) / 365, 6);
    expect(expectedAt(stepped, '2027-11-07')).toBeCloseTo(100_000 + (20_000 * 54) / 108, 6); // halfway through the last 108 days
  });

  it('fills in the default thresholds and takes given ones', () => {
    expect(plan.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(plan.cumulative).toBe(false);
    const own = createPlan({ ...plan, milestones: null, thresholds: { atRisk: 0.95, behind: 0.8 }, cumulative: true });
    expect(own.thresholds).toEqual({ atRisk: 0.95, behind: 0.8 });
    expect(own.cumulative).toBe(true);
  });
});

describe('createPlan refuses plans that make no sense, listing every problem', () => {
  it('names a bad date (and does not compare it), a target not after its baseline, a target equal to the baseline', () => {
    expect(problemsOf(() => createPlan({ baseline: { date: '2025-02-30', value: 1 }, target: { date: '2027-12-31', value: 2 } }))).toEqual([
      'baseline date: "2025-02-30" is not a date (YYYY-MM-DD)',
    ]);
    expect(problemsOf(() => createPlan({ baseline: { date: '2027-12-31', value: 5 }, target: { date: '2027-12-31', value: 5 } }))).toEqual([
      'the target date 2027-12-31 must come after the baseline date 2027-12-31',
      'the target equals the baseline, so there is no progress to track',
    ]);
  });

  it('names milestones outside the plan and thresholds out of order', () => {
    const error = problemsOf(() =>
      createPlan({
        baseline: { date: '2025-09-14', value: 0 },
        target: { date: '2027-12-31', value: 10 },
        milestones: { '2025-09-14': 1, '2028-01-01': 11 },
        thresholds: { atRisk: 0.7, behind: 0.8 },
      }),
    );
    expect(error).toEqual([
      'the milestone on 2025-09-14 must fall between the baseline (2025-09-14) and the target (2027-12-31)',
      'the milestone on 2028-01-01 must fall between the baseline (2025-09-14) and the target (2027-12-31)',
      'the thresholds must satisfy 0 < behind < atRisk ≤ 1',
    ]);
  });

  it('joins the problems into the error message', () => {
    expect(() => createPlan({ baseline: { date: '2026-01-01', value: 1 }, target: { date: '2026-01-01', value: 1 } })).toThrow(
      'the target date 2026-01-01 must come after the baseline date 2026-01-01; the target equals the baseline, so there is no progress to track',
    );
  });
});
