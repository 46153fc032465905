import type { Pace, PaceStatus } from '@suilian/contracts';
import { expectedAt, type PacePlan } from './plan.js';

/**
 * How far an indicator has come and whether it keeps pace. Progress is measured from the baseline
 * (0 at the baseline, 1 at the target), so an indicator that starts at 50,000 base stations is not
 * credited with the 50,000 it already had; it also works for targets below the baseline.
 * `ofTarget` is the plain value / target share some tables show.
 */
export function assessPace(plan: PacePlan, value: number, date: string): Pace {
  const base = plan.baseline.value;
  const span = plan.target.value - base;
  const expected = expectedAt(plan, date);
  const progress = (value - base) / span;
  const expectedProgress = (expected - base) / span;
  // Before the path has moved nothing is expected yet, so any value keeps pace.
  const paceRatio = expectedProgress > 0 ? progress / expectedProgress : 1;
  return {
    date,
    value,
    expected,
    progress,
    expectedProgress,
    ofTarget: plan.target.value === 0 ? null : value / plan.target.value,
    paceRatio,
    status: statusOf(plan, paceRatio),
  };
}

/** on_track at or above the at-risk share of the expected gain, behind below the behind share, at_risk between. */
export function statusOf(plan: PacePlan, paceRatio: number): PaceStatus {
  if (paceRatio < plan.thresholds.behind) return 'behind';
  if (paceRatio < plan.thresholds.atRisk) return 'at_risk';
  return 'on_track';
}
