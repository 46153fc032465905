import { definePolicy } from '../../platform/policy/policy.js';

/** A factory as its policy sees it: the enterprise that runs it and the district it lies in. */
export interface FactoryOwner {
  enterpriseId: string;
  districtId: string | null;
}

const scope = { district: 'districtId', organisation: ['enterpriseId'] } as const;

/**
 * Who may do what to 5G factories: enterprise:read / enterprise:write, within the actor's scope;
 * confirm (or return) a declared factory: record:confirm — district users of the factory's
 * district and city admins, never the enterprise itself (issue #12 item 5).
 */
export const factoryPolicy = definePolicy<FactoryOwner, 'read' | 'write' | 'confirm'>('factory', {
  read: { access: 'enterprise:read', scope },
  write: { access: 'enterprise:write', scope },
  confirm: { access: 'record:confirm', scope: { district: 'districtId', organisation: [] } },
});
