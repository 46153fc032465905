import type { RoundAction, RoundStage } from '@suilian/contracts';

/** Stages of a selection round; only city administrators move a round. */
export const ROUND_TRANSITIONS: Record<RoundAction, { from: RoundStage; to: RoundStage }> = {
  open: { from: 'draft', to: 'open' },
  close_applications: { from: 'open', to: 'district_review' },
  start_review: { from: 'district_review', to: 'expert_review' },
  close_review: { from: 'expert_review', to: 'closed' },
  start_publicity: { from: 'closed', to: 'publicity' },
  publish: { from: 'publicity', to: 'published' },
};

export function nextStage(stage: RoundStage, action: RoundAction): RoundStage | string {
  const t = ROUND_TRANSITIONS[action];
  if (t.from !== stage) return `a round in ${stage} cannot ${action.replace('_', ' ')} (needs ${t.from})`;
  return t.to;
}
