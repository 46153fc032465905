import { definePolicy } from '../../platform/policy/policy.js';

/** An account as its policy sees it: the organisation it belongs to and that organisation's district. */
export interface AccountHome {
  orgId: string;
  orgDistrictId: string | null;
}

const scope = { district: 'orgDistrictId', organisation: ['orgId'] } as const;

/**
 * Who may read and manage accounts: user:read / user:write within the actor's scope. Which roles an
 * actor may manage (ROLE_DEFINITIONS[role].manages) is checked by the service beside it.
 */
export const userPolicy = definePolicy<AccountHome, 'read' | 'manage'>('user', {
  read: { access: 'user:read', scope },
  manage: { access: 'user:write', scope },
});
