import type { Permission } from '../roles.js';
import type { FindingAction, FindingState, FindingTransition } from '../vulnerabilities.js';

/**
 * The finding lifecycle (issue #5 item 5) as one pure rule, shared by the server (which enforces
 * it) and the console (which offers only the buttons it allows): which action leads from which
 * state to which, the permission each needs, what each must carry, and the four-eyes rule of
 * re-verification.
 *
 *   new | reopened ─confirm→ confirmed ─start_remediation→ remediating ─mark_fixed→ fixed_awaiting_verification
 *   fixed_awaiting_verification ─verify→ verified_closed   (by someone other than who fixed it)
 *   fixed_awaiting_verification ─reject_fix→ remediating
 *   new | reopened | confirmed ─mark_false_positive / mark_not_affected (VEX justification)→ …
 *   new | reopened | confirmed | remediating ─accept_risk (approver, expiry)→ risk_accepted
 *   false_positive | not_affected | verified_closed | risk_accepted ─reopen→ reopened
 */
export interface FindingTransitionRule {
  from: readonly FindingState[];
  to: FindingState;
  permission: Extract<Permission, 'finding:update' | 'finding:verify' | 'finding:accept_risk'>;
  /** The action must say why (the note is required). */
  noteRequired: boolean;
}

/** The rule of each action, in the order the console shows its buttons (main path first, side exits after). */
export const FINDING_TRANSITIONS: Readonly<Record<FindingAction, FindingTransitionRule>> = {
  confirm: { from: ['new', 'reopened'], to: 'confirmed', permission: 'finding:update', noteRequired: false },
  start_remediation: {
    from: ['confirmed', 'reopened', 'remediating'],
    to: 'remediating',
    permission: 'finding:update',
    noteRequired: false,
  },
  mark_fixed: { from: ['remediating'], to: 'fixed_awaiting_verification', permission: 'finding:update', noteRequired: false },
  verify: { from: ['fixed_awaiting_verification'], to: 'verified_closed', permission: 'finding:verify', noteRequired: false },
  reject_fix: { from: ['fixed_awaiting_verification'], to: 'remediating', permission: 'finding:verify', noteRequired: true },
  mark_false_positive: {
    from: ['new', 'reopened', 'confirmed'],
    to: 'false_positive',
    permission: 'finding:update',
    noteRequired: true,
  },
  mark_not_affected: { from: ['new', 'reopened', 'confirmed'], to: 'not_affected', permission: 'finding:update', noteRequired: false },
  accept_risk: {
    from: ['new', 'reopened', 'confirmed', 'remediating'],
    to: 'risk_accepted',
    permission: 'finding:accept_risk',
    noteRequired: true,
  },
  reopen: {
    from: ['false_positive', 'not_affected', 'verified_closed', 'risk_accepted'],
    to: 'reopened',
    permission: 'finding:update',
    noteRequired: true,
  },
};

/** The permissions that allow at least one lifecycle action (the transition endpoint's access). */
export const FINDING_TRANSITION_PERMISSIONS = ['finding:update', 'finding:verify', 'finding:accept_risk'] as const;

/** The actions a holder of `permissions` may take on a finding in `state`, in button order. */
export function findingActionsFor(state: FindingState, permissions: readonly Permission[]): FindingAction[] {
  return (Object.keys(FINDING_TRANSITIONS) as FindingAction[]).filter((action) => {
    const rule = FINDING_TRANSITIONS[action];
    return rule.from.includes(state) && permissions.includes(rule.permission);
  });
}

export type TransitionProblem = { field: string; rule: string; message: string };

/**
 * Four eyes: a fix is re-verified by a person other than who declared it. Returns why `actorId`
 * may not verify this finding, or null when they may.
 */
export function fourEyesProblem(finding: { fixedById: string | null }, actorId: string | null): TransitionProblem | null {
  if (!actorId) return { field: 'action', rule: 'four_eyes', message: 're-verification must be done by a person' };
  if (finding.fixedById && finding.fixedById === actorId)
    return { field: 'action', rule: 'four_eyes', message: 're-verification must be done by someone other than who fixed it' };
  return null;
}

type TransitionInput = Pick<
  FindingTransition,
  'action' | 'vexJustification' | 'plan' | 'remediationOwner' | 'remediationDue' | 'riskAcceptedUntil' | 'note'
>;

/** What an action must carry beyond its note: the first missing or wrong field, or null. */
function fieldProblem(input: TransitionInput, today: string): TransitionProblem | null {
  switch (input.action) {
    case 'mark_not_affected':
      return input.vexJustification
        ? null
        : problem('vexJustification', 'required', 'say why the asset is not affected (a CSAF VEX justification)');
    case 'start_remediation':
      if (!input.plan) return problem('plan', 'required', 'a remediation needs a plan');
      if (!input.remediationOwner) return problem('remediationOwner', 'required', 'a remediation needs an owner');
      if (!input.remediationDue) return problem('remediationDue', 'required', 'a remediation needs a due date');
      return input.remediationDue < today ? problem('remediationDue', 'future', 'the due date must not lie in the past') : null;
    case 'accept_risk':
      if (!input.riskAcceptedUntil) return problem('riskAcceptedUntil', 'required', 'a risk acceptance needs an expiry date');
      return input.riskAcceptedUntil <= today ? problem('riskAcceptedUntil', 'future', 'the expiry must lie in the future') : null;
    default:
      return null;
  }
}

/**
 * Checks one transition: the state allows it, the action's fields are there, and re-verification
 * is not done by whoever fixed it. Returns the target state or the first problem. Permission and
 * scope are the server's policy, not part of this rule.
 */
export function checkFindingTransition(
  finding: { state: FindingState; fixedById: string | null },
  input: TransitionInput,
  actorId: string | null,
  today: string,
): { ok: true; to: FindingState } | { ok: false; problem: TransitionProblem } {
  const rule = FINDING_TRANSITIONS[input.action];
  if (!rule.from.includes(finding.state))
    return fail(
      problem('action', 'state', `${input.action} is not possible in state ${finding.state} (only from ${rule.from.join(', ')})`),
    );
  const missing = fieldProblem(input, today);
  if (missing) return fail(missing);
  if (rule.noteRequired && !input.note)
    return fail(
      problem(
        'note',
        'required',
        input.action === 'accept_risk' ? 'a risk acceptance needs a reason' : `${input.action} needs a note saying why`,
      ),
    );
  if (input.action === 'verify') {
    const fourEyes = fourEyesProblem(finding, actorId);
    if (fourEyes) return fail(fourEyes);
  }
  return { ok: true, to: rule.to };
}

function problem(field: string, rule: string, message: string): TransitionProblem {
  return { field, rule, message };
}

function fail(p: TransitionProblem): { ok: false; problem: TransitionProblem } {
  return { ok: false, problem: p };
}
