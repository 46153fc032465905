import { FINDING_ACTIONS, FINDING_TRANSITIONS, type FindingAction } from '@suilian/contracts';
import { definePolicy, type PolicyRule, type ScopeRule } from '../../../platform/policy/policy.js';

/** A finding as its policy sees it: the enterprise whose asset it is and that enterprise's district. */
export interface FindingOwner {
  enterpriseId: string;
  districtId: string | null;
}

const scope: ScopeRule<FindingOwner> = { district: 'districtId', organisation: ['enterpriseId'] };

// Each lifecycle action needs the permission the shared rule table names (contracts' FINDING_TRANSITIONS).
const actionRules = Object.fromEntries(
  FINDING_ACTIONS.map((action) => [action, { access: FINDING_TRANSITIONS[action].permission, scope }]),
) as Record<FindingAction, PolicyRule<FindingOwner>>;

/**
 * Who may read findings (finding:read; also their matches and statistics) and take each lifecycle
 * action, for the owning enterprise and its district.
 */
export const findingPolicy = definePolicy<FindingOwner, 'read' | FindingAction>('finding', {
  read: { access: 'finding:read', scope },
  ...actionRules,
});
