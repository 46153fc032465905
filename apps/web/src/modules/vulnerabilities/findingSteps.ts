import type { FindingState } from '@suilian/contracts';

/**
 * How the console draws a finding's lifecycle (the rule itself is contracts' FINDING_TRANSITIONS):
 * the main path as steps; side exits (误报, 不受影响, 风险接受) show as the last step's status.
 */
export const MAIN_PATH: readonly FindingState[] = ['new', 'confirmed', 'remediating', 'fixed_awaiting_verification', 'verified_closed'];

/** The step a state stands at on the main path (side exits and reopening sit where they left it). */
export function stepOf(state: FindingState): number {
  const i = MAIN_PATH.indexOf(state);
  if (i >= 0) return i;
  return state === 'reopened' ? 0 : 1;
}
