import { definePolicy } from '../../platform/policy/policy.js';

/** A solution as its policy sees it: the provider (or operator) that owns it. */
export interface SolutionOwner {
  providerId: string;
}

const owner = { district: null, organisation: ['providerId'] } as const;

/**
 * Who may do what to solutions (issue #15 item 2): the owning provider reads and writes its own in
 * any state; the city reads every one and reviews (publish / return); district officers reach none
 * of them through scope. Published solutions are readable by every logged-in account — a lifecycle
 * rule the service adds beside `read` (solution.service.ts `readable`), not a scope.
 */
export const solutionPolicy = definePolicy<SolutionOwner, 'read' | 'write' | 'review'>('solution', {
  read: { access: 'authenticated', scope: owner },
  write: { access: 'solution:write', scope: owner },
  review: { access: 'solution:review' },
});
