import type { FindingAction, FindingState, FindingTransition, VulnGrade } from '@suilian/contracts';

/**
 * The finding lifecycle (issue #5 item 5), pure: which action leads from which state to which,
 * what each action needs, and the four-eyes rule of re-verification. The service adds
 * permissions, scope, persistence and audit.
 *
 *   new | reopened ─confirm→ confirmed ─start_remediation→ remediating ─mark_fixed→ fixed_awaiting_verification
 *   fixed_awaiting_verification ─verify→ verified_closed   (by someone other than who fixed it)
 *   fixed_awaiting_verification ─reject_fix→ remediating
 *   new | reopened | confirmed ─mark_false_positive / mark_not_affected (VEX justification)→ …
 *   new | reopened | confirmed | remediating ─accept_risk (approver, expiry)→ risk_accepted
 *   false_positive | not_affected | verified_closed | risk_accepted ─reopen→ reopened
 */
export const TRANSITIONS: Record<FindingAction, { from: readonly FindingState[]; to: FindingState }> = {
  confirm: { from: ['new', 'reopened'], to: 'confirmed' },
  mark_false_positive: { from: ['new', 'reopened', 'confirmed'], to: 'false_positive' },
  mark_not_affected: { from: ['new', 'reopened', 'confirmed'], to: 'not_affected' },
  start_remediation: { from: ['confirmed', 'reopened', 'remediating'], to: 'remediating' },
  mark_fixed: { from: ['remediating'], to: 'fixed_awaiting_verification' },
  verify: { from: ['fixed_awaiting_verification'], to: 'verified_closed' },
  reject_fix: { from: ['fixed_awaiting_verification'], to: 'remediating' },
  accept_risk: { from: ['new', 'reopened', 'confirmed', 'remediating'], to: 'risk_accepted' },
  reopen: { from: ['false_positive', 'not_affected', 'verified_closed', 'risk_accepted'], to: 'reopened' },
};

/** The permission each action needs. */
export const ACTION_PERMISSION: Record<FindingAction, 'finding:update' | 'finding:verify' | 'finding:accept_risk'> = {
  confirm: 'finding:update',
  mark_false_positive: 'finding:update',
  mark_not_affected: 'finding:update',
  start_remediation: 'finding:update',
  mark_fixed: 'finding:update',
  verify: 'finding:verify',
  reject_fix: 'finding:verify',
  accept_risk: 'finding:accept_risk',
  reopen: 'finding:update',
};

/** States counted as open (needing work, subject to the SLA). */
export const OPEN_STATES: readonly FindingState[] = ['new', 'confirmed', 'remediating', 'fixed_awaiting_verification', 'reopened'];

export type TransitionProblem = { field: string; rule: string; message: string };

/**
 * Checks one transition: the state allows it, the action's fields are there, and re-verification
 * is not done by whoever fixed it. Returns the target state or the first problem.
 */
export function checkTransition(
  finding: { state: FindingState; fixedById: string | null },
  input: Pick<
    FindingTransition,
    'action' | 'vexJustification' | 'plan' | 'remediationOwner' | 'remediationDue' | 'riskAcceptedUntil' | 'note'
  >,
  actorId: string | null,
  today: string,
): { ok: true; to: FindingState } | { ok: false; problem: TransitionProblem } {
  const rule = TRANSITIONS[input.action];
  if (!rule.from.includes(finding.state))
    return fail('action', 'state', `${input.action} is not possible in state ${finding.state} (only from ${rule.from.join(', ')})`);
  switch (input.action) {
    case 'mark_not_affected':
      if (!input.vexJustification)
        return fail('vexJustification', 'required', 'say why the asset is not affected (a CSAF VEX justification)');
      break;
    case 'mark_false_positive':
    case 'reject_fix':
    case 'reopen':
      if (!input.note) return fail('note', 'required', `${input.action} needs a note saying why`);
      break;
    case 'start_remediation':
      if (!input.plan) return fail('plan', 'required', 'a remediation needs a plan');
      if (!input.remediationOwner) return fail('remediationOwner', 'required', 'a remediation needs an owner');
      if (!input.remediationDue) return fail('remediationDue', 'required', 'a remediation needs a due date');
      if (input.remediationDue < today) return fail('remediationDue', 'future', 'the due date must not lie in the past');
      break;
    case 'accept_risk':
      if (!input.riskAcceptedUntil) return fail('riskAcceptedUntil', 'required', 'a risk acceptance needs an expiry date');
      if (input.riskAcceptedUntil <= today) return fail('riskAcceptedUntil', 'future', 'the expiry must lie in the future');
      if (!input.note) return fail('note', 'required', 'a risk acceptance needs a reason');
      break;
    case 'verify':
      // Four eyes: the person who declared the fix cannot also confirm it.
      if (!actorId) return fail('action', 'four_eyes', 're-verification must be done by a person');
      if (finding.fixedById && finding.fixedById === actorId)
        return fail('action', 'four_eyes', 're-verification must be done by someone other than who fixed it');
      break;
    default:
      break;
  }
  return { ok: true, to: rule.to };
}

function fail(field: string, rule: string, message: string): { ok: false; problem: TransitionProblem } {
  return { ok: false, problem: { field, rule, message } };
}

/**
 * What happens when a later scan or match sees a finding again: closed or fixed ones reopen;
 * decisions (false positive, not affected, risk accepted) stand; open ones stay as they are.
 */
export function stateWhenSeenAgain(state: FindingState): FindingState | null {
  return state === 'verified_closed' || state === 'fixed_awaiting_verification' ? 'reopened' : null;
}

/** The SLA due time: detection plus the grade's days. */
export function slaDueAt(detectedAt: Date, grade: VulnGrade, days: Record<VulnGrade, number>): Date {
  return new Date(detectedAt.getTime() + days[grade] * 86_400_000);
}

/** Whether an open finding is past its SLA at `now`. */
export function isOverdue(finding: { state: FindingState; slaDueAt: Date }, now: Date): boolean {
  return OPEN_STATES.includes(finding.state) && finding.slaDueAt.getTime() < now.getTime();
}
