import type { SolutionAction, SolutionState } from '../solutions.js';

/**
 * The solutions' lifecycle (issue #15 item 2), shared by the server and the console: who moves a
 * solution from which state to which. `side` says whose step it is: the provider that owns it, or
 * the city's reviewer.
 */
export interface SolutionTransition {
  action: SolutionAction;
  from: readonly SolutionState[];
  to: SolutionState;
  side: 'provider' | 'city';
  comment: 'required' | 'optional';
}

export const SOLUTION_TRANSITIONS: readonly SolutionTransition[] = [
  { action: 'submit', from: ['draft', 'returned'], to: 'submitted', side: 'provider', comment: 'optional' },
  { action: 'publish', from: ['submitted'], to: 'published', side: 'city', comment: 'optional' },
  { action: 'return', from: ['submitted'], to: 'returned', side: 'city', comment: 'required' },
  { action: 'retire', from: ['published', 'draft', 'returned'], to: 'retired', side: 'provider', comment: 'optional' },
];

/** States in which the owner edits the fields (a published solution is retired and written again). */
export const SOLUTION_EDITABLE_STATES: readonly SolutionState[] = ['draft', 'returned'];

/** The transition of `action` from `state`, or null when the lifecycle has none. */
export function solutionTransition(action: SolutionAction, state: SolutionState): SolutionTransition | null {
  return SOLUTION_TRANSITIONS.find((t) => t.action === action && t.from.includes(state)) ?? null;
}

/** The actions open from `state` to a caller who may act as the owner and/or as the reviewer. */
export function solutionActionsFor(state: SolutionState, sides: { provider: boolean; city: boolean }): SolutionAction[] {
  return SOLUTION_TRANSITIONS.filter((t) => t.from.includes(state) && (sides[t.side] || (t.action === 'retire' && sides.city))).map(
    (t) => t.action,
  );
}
