import { type FindingState, OPEN_FINDING_STATES, type VulnGrade } from '@suilian/contracts';

/**
 * What the server adds to the finding lifecycle (issue #5 item 5), pure: sightings that reopen a
 * finding, SLA due dates and overdue. The transitions themselves, with the permission each needs
 * and the four-eyes rule, are one rule shared with the console: contracts' FINDING_TRANSITIONS and
 * checkFindingTransition (packages/contracts/src/rules/finding-lifecycle.ts).
 */

/** States counted as open (needing work, subject to the SLA). */
export const OPEN_STATES: readonly FindingState[] = OPEN_FINDING_STATES;

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
