import type { DatedValue, IndicatorPlan, PaceThresholds } from '@suilian/contracts';
import { dayNumber } from './calendar-days.js';

/** The thresholds the plan's dashboard uses unless an indicator sets its own. */
export const DEFAULT_THRESHOLDS: PaceThresholds = { atRisk: 0.9, behind: 0.75 };

/** A checked plan: the milestone path as day numbers in date order, and the thresholds filled in. */
export interface PacePlan {
  baseline: DatedValue;
  target: DatedValue;
  /** Baseline, milestones, target: the straight segments between them are the expected path. */
  path: ReadonlyArray<{ day: number; value: number }>;
  thresholds: PaceThresholds;
  cumulative: boolean;
}

/** An indicator plan that makes no sense; `problems` lists every reason. */
export class PlanError extends Error {
  override name = 'PlanError';

  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

/** Checks a plan and prepares its path; throws PlanError listing every problem. */
export function createPlan(plan: IndicatorPlan): PacePlan {
  const problems: string[] = [];
  const day = (date: string, what: string) => {
    try {
      return dayNumber(date);
    } catch {
      problems.push(`${what}: ${JSON.stringify(date)} is not a date (YYYY-MM-DD)`);
      return Number.NaN;
    }
  };
  const start = day(plan.baseline.date, 'baseline date');
  const end = day(plan.target.date, 'target date');
  if (start >= end) problems.push(`the target date ${plan.target.date} must come after the baseline date ${plan.baseline.date}`);
  if (plan.target.value === plan.baseline.value) problems.push('the target equals the baseline, so there is no progress to track');
  const milestones = Object.entries(plan.milestones ?? {})
    .map(([date, value]) => ({ date, day: day(date, 'milestone date'), value }))
    .sort((a, b) => a.day - b.day);
  for (const milestone of milestones) {
    if (!(milestone.day > start && milestone.day < end)) {
      problems.push(
        `the milestone on ${milestone.date} must fall between the baseline (${plan.baseline.date}) and the target (${plan.target.date})`,
      );
    }
  }
  const thresholds = plan.thresholds ?? DEFAULT_THRESHOLDS;
  if (!(thresholds.behind > 0 && thresholds.behind < thresholds.atRisk && thresholds.atRisk <= 1)) {
    problems.push('the thresholds must satisfy 0 < behind < atRisk ≤ 1');
  }
  if (problems.length > 0) throw new PlanError(problems);
  const path = [
    { day: start, value: plan.baseline.value },
    ...milestones.map(({ day, value }) => ({ day, value })),
    { day: end, value: plan.target.value },
  ];
  return { baseline: plan.baseline, target: plan.target, path, thresholds, cumulative: plan.cumulative ?? false };
}

/** Where the path says the value should be on `date`: the baseline before it starts, the target after it ends. */
export function expectedAt(plan: PacePlan, date: string): number {
  const day = dayNumber(date);
  const first = plan.path[0];
  const last = plan.path[plan.path.length - 1];
  if (!first || !last) throw new Error('a plan path always has its baseline and target');
  if (day <= first.day) return first.value;
  if (day >= last.day) return last.value;
  for (let i = 1; i < plan.path.length; i++) {
    const from = plan.path[i - 1];
    const to = plan.path[i];
    if (from && to && day <= to.day) return from.value + ((to.value - from.value) * (day - from.day)) / (to.day - from.day);
  }
  return last.value;
}
