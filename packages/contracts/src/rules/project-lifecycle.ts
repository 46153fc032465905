import type { ProjectAction, ProjectState } from '../projects.js';
import type { Role } from '../roles.js';

/**
 * The project lifecycle as data (issue #3 item 2), written once for the server (which decides
 * every transition) and the console (which asks for what a transition needs):
 * draft → submitted (enterprise) → city_review (district forwards) → approved (city) →
 * under_construction → built → accepted (验收, with the acceptance report); returned goes back to
 * the enterprise; rejected ends it; cancelled from any open state. Pure: no Node, no React.
 */
export interface ProjectTransition {
  action: ProjectAction;
  from: readonly ProjectState[];
  to: ProjectState;
  roles: readonly Role[];
  commentRequired?: boolean;
  /** What must be true of the project for the transition to go through. */
  needs?: ReadonlyArray<'scenarios' | 'date' | 'acceptanceReport'>;
}

export const OPEN_PROJECT_STATES: readonly ProjectState[] = [
  'draft',
  'submitted',
  'returned',
  'city_review',
  'approved',
  'under_construction',
];

export const PROJECT_TRANSITIONS: readonly ProjectTransition[] = [
  { action: 'submit', from: ['draft', 'returned'], to: 'submitted', roles: ['enterprise_user'], needs: ['scenarios'] },
  { action: 'forward', from: ['submitted'], to: 'city_review', roles: ['district_officer'] },
  { action: 'return', from: ['submitted'], to: 'returned', roles: ['district_officer'], commentRequired: true },
  { action: 'return', from: ['city_review'], to: 'returned', roles: ['city_admin'], commentRequired: true },
  { action: 'approve', from: ['city_review'], to: 'approved', roles: ['city_admin'] },
  { action: 'reject', from: ['city_review'], to: 'rejected', roles: ['city_admin'], commentRequired: true },
  {
    action: 'start_construction',
    from: ['approved'],
    to: 'under_construction',
    roles: ['enterprise_user', 'district_officer', 'city_admin'],
    needs: ['date'],
  },
  {
    action: 'complete',
    from: ['under_construction'],
    to: 'built',
    roles: ['enterprise_user', 'district_officer', 'city_admin'],
    needs: ['date'],
  },
  { action: 'accept', from: ['built'], to: 'accepted', roles: ['city_admin'], needs: ['acceptanceReport'] },
  { action: 'cancel', from: ['draft'], to: 'cancelled', roles: ['enterprise_user', 'city_admin'] },
  {
    action: 'cancel',
    from: ['submitted', 'returned', 'city_review', 'approved', 'under_construction'],
    to: 'cancelled',
    roles: ['enterprise_user', 'city_admin'],
    commentRequired: true,
  },
];

export interface ProjectTransitionFacts {
  comment?: string | undefined;
  date?: string | undefined;
  scenarioCount: number;
  hasAcceptanceReport: boolean;
}

export type ProjectTransitionDecision =
  | { ok: true; to: ProjectState; transition: ProjectTransition }
  | { ok: false; rule: 'illegal' | 'role' | 'comment' | 'scenarios' | 'date' | 'acceptanceReport'; reason: string };

const candidatesFor = (state: ProjectState, action: ProjectAction) =>
  PROJECT_TRANSITIONS.filter((t) => t.action === action && t.from.includes(state));

/** Decides one transition; pure, so every legal and illegal move is unit-tested. */
export function decideProjectTransition(
  state: ProjectState,
  action: ProjectAction,
  role: Role,
  facts: ProjectTransitionFacts,
): ProjectTransitionDecision {
  const candidates = candidatesFor(state, action);
  if (candidates.length === 0) {
    return { ok: false, rule: 'illegal', reason: `a project that is ${state} cannot be ${pastTense(action)}` };
  }
  const transition = candidates.find((t) => t.roles.includes(role));
  if (!transition) {
    const who = [...new Set(candidates.flatMap((t) => t.roles))].join(' or ');
    return { ok: false, rule: 'role', reason: `only ${who} may ${action.replace('_', ' ')} a ${state} project` };
  }
  if (transition.commentRequired && !facts.comment?.trim()) {
    return { ok: false, rule: 'comment', reason: `${action} needs a comment saying why` };
  }
  for (const need of transition.needs ?? []) {
    if (need === 'scenarios' && facts.scenarioCount === 0)
      return { ok: false, rule: 'scenarios', reason: 'choose at least one scenario before submitting' };
    if (need === 'date' && !facts.date) return { ok: false, rule: 'date', reason: `${action} needs the date it happened` };
    if (need === 'acceptanceReport' && !facts.hasAcceptanceReport)
      return { ok: false, rule: 'acceptanceReport', reason: 'attach the acceptance report (验收报告) before accepting' };
  }
  return { ok: true, to: transition.to, transition };
}

/** The actions a role could take from a state (before record-specific checks such as scope). */
export function projectActionsFor(state: ProjectState, role: Role): ProjectAction[] {
  return [...new Set(PROJECT_TRANSITIONS.filter((t) => t.from.includes(state) && t.roles.includes(role)).map((t) => t.action))];
}

/** What an action asks for from a state (the console's dialog): a comment saying why, and the date it happened. */
export function projectTransitionNeeds(action: ProjectAction, state: ProjectState): { comment: 'required' | 'optional'; date: boolean } {
  const candidates = candidatesFor(state, action);
  return {
    comment: candidates.some((t) => t.commentRequired) ? 'required' : 'optional',
    date: candidates.some((t) => t.needs?.includes('date')),
  };
}

function pastTense(action: ProjectAction): string {
  const words: Record<ProjectAction, string> = {
    submit: 'submitted',
    forward: 'forwarded',
    return: 'returned',
    approve: 'approved',
    reject: 'rejected',
    start_construction: 'started',
    complete: 'completed',
    accept: 'accepted',
    cancel: 'cancelled',
  };
  return words[action];
}
