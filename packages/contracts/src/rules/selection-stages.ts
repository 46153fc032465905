import type { RoundAction, RoundStage } from '../selections.js';

/** The stages of a selection round and the one action that moves each forward (organisers only). */
export const ROUND_TRANSITIONS: Readonly<Record<RoundAction, { from: RoundStage; to: RoundStage }>> = {
  open: { from: 'draft', to: 'open' },
  close_applications: { from: 'open', to: 'district_review' },
  start_review: { from: 'district_review', to: 'expert_review' },
  close_review: { from: 'expert_review', to: 'closed' },
  start_publicity: { from: 'closed', to: 'publicity' },
  publish: { from: 'publicity', to: 'published' },
};

/** The stage an action leads to, or null when the round is not in the stage the action starts from. */
export function nextStage(stage: RoundStage, action: RoundAction): RoundStage | null {
  const transition = ROUND_TRANSITIONS[action];
  return transition.from === stage ? transition.to : null;
}

/** The forward action from a stage (none once published). */
export function nextAction(stage: RoundStage): RoundAction | null {
  const entry = Object.entries(ROUND_TRANSITIONS).find(([, t]) => t.from === stage);
  return entry ? (entry[0] as RoundAction) : null;
}

/** Stages after the expert review closed: final scores, ranks and every expert's sheet are shown to those who see the application. */
export const AFTER_REVIEW_STAGES: readonly RoundStage[] = ['closed', 'publicity', 'published'];
