import { definePolicy } from '../../platform/policy/policy.js';

/** An enterprise as its policy sees it: the organisation itself and the district it lies in. */
export interface EnterpriseRecord {
  id: string;
  districtId: string | null;
}

// District officers reach the enterprises of their district; an enterprise's own users reach it.
const scope = { district: 'districtId', organisation: ['id'] } as const;

/**
 * Who may do what to enterprises: enterprise:read / enterprise:write within the actor's scope;
 * registering new ones (imports) also makes organisations, which needs org:write; confirming their
 * declared honours needs record:confirm in the enterprise's district.
 */
export const enterprisePolicy = definePolicy<EnterpriseRecord, 'read' | 'write' | 'register' | 'confirm'>('enterprise', {
  read: { access: 'enterprise:read', scope },
  write: { access: 'enterprise:write', scope },
  register: { access: 'org:write', scope: { district: 'districtId', organisation: [] } },
  // Confirming the honours an enterprise declared (issue #12 item 5): its district's users and the city.
  confirm: { access: 'record:confirm', scope: { district: 'districtId', organisation: [] } },
});
