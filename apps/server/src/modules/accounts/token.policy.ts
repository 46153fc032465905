import { definePolicy } from '../../platform/policy/policy.js';

/** An API token as its policy sees it: the organisation it acts for and that organisation's district. */
export interface TokenHome {
  orgId: string;
  orgDistrictId: string | null;
}

const scope = { district: 'orgDistrictId', organisation: ['orgId'] } as const;

/**
 * Who may see and issue API tokens: token:read / token:write within the actor's scope. The roles a
 * token may carry and "no token mints tokens" are the service's rules.
 */
export const tokenPolicy = definePolicy<TokenHome, 'read' | 'write'>('API token', {
  read: { access: 'token:read', scope },
  write: { access: 'token:write', scope },
});
