import type { FindingAction, FindingState, Permission } from '@suilian/contracts';

/**
 * Which actions the console offers in which state, with the permission each needs. A mirror of
 * the server's rules (apps/server/…/findings/lifecycle.ts), used only to show the right buttons;
 * the server still decides.
 */
export const ACTIONS: Record<FindingAction, { from: readonly FindingState[]; permission: Permission }> = {
  confirm: { from: ['new', 'reopened'], permission: 'finding:update' },
  start_remediation: { from: ['confirmed', 'reopened', 'remediating'], permission: 'finding:update' },
  mark_fixed: { from: ['remediating'], permission: 'finding:update' },
  verify: { from: ['fixed_awaiting_verification'], permission: 'finding:verify' },
  reject_fix: { from: ['fixed_awaiting_verification'], permission: 'finding:verify' },
  mark_false_positive: { from: ['new', 'reopened', 'confirmed'], permission: 'finding:update' },
  mark_not_affected: { from: ['new', 'reopened', 'confirmed'], permission: 'finding:update' },
  accept_risk: { from: ['new', 'reopened', 'confirmed', 'remediating'], permission: 'finding:accept_risk' },
  reopen: { from: ['false_positive', 'not_affected', 'verified_closed', 'risk_accepted'], permission: 'finding:update' },
};

/** Actions whose note is required (the server refuses them without one). */
export const NOTE_REQUIRED: readonly FindingAction[] = ['mark_false_positive', 'reject_fix', 'reopen', 'accept_risk'];

/** The main path shown as steps; side exits (误报, 不受影响, 风险接受) show as the last step's status. */
export const MAIN_PATH: readonly FindingState[] = ['new', 'confirmed', 'remediating', 'fixed_awaiting_verification', 'verified_closed'];

/** The step a state stands at on the main path (side exits and reopening sit where they left it). */
export function stepOf(state: FindingState): number {
  const i = MAIN_PATH.indexOf(state);
  if (i >= 0) return i;
  return state === 'reopened' ? 0 : 1;
}

/** The actions a user may take now, in the order the buttons appear. */
export function actionsFor(state: FindingState, held: readonly Permission[]): FindingAction[] {
  return (Object.keys(ACTIONS) as FindingAction[]).filter((a) => ACTIONS[a].from.includes(state) && held.includes(ACTIONS[a].permission));
}
