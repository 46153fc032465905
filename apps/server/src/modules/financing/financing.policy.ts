import type { FinancingStep } from '@suilian/contracts';
import type { Actor } from '../../platform/actor.js';
import { definePolicy } from '../../platform/policy/policy.js';

/** A request as its policy sees it: the enterprise, its district, the banks it was routed to. */
export interface FinancingOwner {
  enterpriseId: string;
  districtId: string;
  /** Empty until submitted: banks never see a draft. */
  routedBankIds: readonly string[];
}

/**
 * Financing requests (issue #15 item 5): the enterprise reads and acts on its own, a bank reads and
 * answers the requests routed to it, a district officer reads its district's, the city and auditors
 * read all. Acting for the enterprise or the bank is their own users' act (a service rule).
 */
export const financingPolicy = definePolicy<FinancingOwner, 'read' | 'request' | 'offer'>('financing request', {
  read: { access: 'financing:read', scope: { district: 'districtId', organisation: ['enterpriseId', 'routedBankIds'] } },
  request: { access: 'financing:request', scope: { district: null, organisation: ['enterpriseId'] } },
  offer: { access: 'financing:offer', scope: { district: null, organisation: ['routedBankIds'] } },
});

/** Where a request stands, for the steps: its state, and the caller's bank's route if any. */
export interface FinancingFacts extends FinancingOwner {
  state: 'draft' | 'submitted' | 'accepted' | 'withdrawn' | 'closed';
  /** The caller's bank's answer on this request (null when the caller is no bank it was routed to). */
  myRoute: 'pending' | 'offered' | 'declined' | null;
  /** Whether the accepted offer is the caller's bank's. */
  acceptedByMyBank: boolean;
  /** Whether some bank made an offer (its validity is checked when it is accepted). */
  hasOffer: boolean;
}

/**
 * What the actor may do now. Only the enterprise's own users request (a city administrator holds the
 * permissions but does not borrow), only the routed bank's users answer.
 */
export function financingStepsFor(actor: Actor, r: FinancingFacts): FinancingStep[] {
  const steps: FinancingStep[] = [];
  const enterprise = actor.scope === 'organisation' && financingPolicy.can(actor, 'request', r);
  const bank = actor.scope === 'organisation' && financingPolicy.can(actor, 'offer', r);
  if (enterprise && r.state === 'draft') steps.push('edit', 'submit');
  if (enterprise && r.state === 'submitted') {
    if (r.hasOffer) steps.push('accept');
    steps.push('withdraw');
  }
  if (bank && r.state === 'submitted' && r.myRoute === 'pending') steps.push('offer', 'decline');
  if (bank && r.state === 'accepted' && r.acceptedByMyBank) steps.push('close');
  return steps;
}
