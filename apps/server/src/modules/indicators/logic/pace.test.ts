import { describe, expect, it } from 'vitest';
import { assessPace } from './pace.js';
import { createPlan } from './plan.js';

/** 100 on 2026-01-01 to 465 on 2027-01-01: one a day. 2026-07-02 is day 182, where 282 is expected. */
const plan = createPlan({ baseline: { date: '2026-01-01', value: 100 }, target: { date: '2027-01-01', value: 465 } });

describe('assessPace', () => {
  it('measures progress from the baseline, not from zero', () => {
    expect(assessPace(plan, 282, '2026-07-02')).toEqual({
      date: '2026-07-02',
      value: 282,
      expected: 282,
      progress: 182 / 365,
      expectedProgress: 182 / 365,
      ofTarget: 282 / 465,
      paceRatio: 1,
      status: 'on_track',
    });
  });

  it('is on track down to 90 % of the expected gain, at risk below it, behind below 75 %', () => {
    expect(assessPace(plan, 100 + 0.9 * 182, '2026-07-02').status).toBe('on_track'); // 263.8
    expect(assessPace(plan, 263, '2026-07-02')).toMatchObject({ paceRatio: 163 / 182, status: 'at_risk' });
    expect(assessPace(plan, 100 + 0.75 * 182, '2026-07-02').status).toBe('at_risk'); // 236.5
    expect(assessPace(plan, 236, '2026-07-02')).toMatchObject({ paceRatio: 136 / 182, status: 'behind' });
  });

  it('would call 263 on track if it compared values instead of gains (263 / 282 = 93 %), which is why it does not', () => {
    expect(263 / 282).toBeGreaterThan(0.9);
    expect(assessPace(plan, 263, '2026-07-02').status).toBe('at_risk');
  });

  it('expects nothing before the path has moved', () => {
    expect(assessPace(plan, 90, '2025-12-01')).toMatchObject({ expected: 100, expectedProgress: 0, paceRatio: 1, status: 'on_track' });
  });

  it('beats the path once the target is reached early', () => {
    expect(assessPace(plan, 500, '2026-07-02')).toMatchObject({ progress: 400 / 365, status: 'on_track' });
  });

  it('works for targets below the baseline', () => {
    // 100 on 2026-01-01 down to 0 on 2026-04-11 (100 days); 2026-02-20 is day 50, where 50 is expected.
    const falling = createPlan({ baseline: { date: '2026-01-01', value: 100 }, target: { date: '2026-04-11', value: 0 } });
    expect(assessPace(falling, 60, '2026-02-20')).toMatchObject({
      expected: 50,
      progress: 0.4,
      expectedProgress: 0.5,
      paceRatio: 0.8,
      status: 'at_risk',
      ofTarget: null,
    });
    expect(assessPace(falling, 40, '2026-02-20')).toMatchObject({ progress: 0.6, paceRatio: 1.2, status: 'on_track' });
  });

  it('uses the plan’s own thresholds', () => {
    const strict = createPlan({ ...plan, thresholds: { atRisk: 0.95, behind: 0.9 } });
    expect(assessPace(strict, 263, '2026-07-02').status).toBe('behind'); // 163 / 182 = 0.896
  });
});
