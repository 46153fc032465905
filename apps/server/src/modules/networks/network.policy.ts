import { definePolicy } from '../../platform/policy/policy.js';

/** A network as its policy sees it: the district it counts in, its enterprise and its operator. */
export interface NetworkOwner {
  districtId: string;
  enterpriseId: string;
  operatorId: string;
}

/**
 * Who may do what to private networks (issue #14 item 1), scope as data (ADR 0011): everyone with
 * network:read reaches the networks of their district, or those their organisation uses (the
 * enterprise) or runs (the operator); only the operator keeps them (network:write — district
 * officers do not hold it, city admins reach all); the district the network counts in confirms or
 * returns it (record:confirm), never the operator or the enterprise.
 */
export const networkPolicy = definePolicy<NetworkOwner, 'read' | 'write' | 'confirm'>('network', {
  read: { access: 'network:read', scope: { district: 'districtId', organisation: ['enterpriseId', 'operatorId'] } },
  write: { access: 'network:write', scope: { district: null, organisation: ['operatorId'] } },
  confirm: { access: 'record:confirm', scope: { district: 'districtId', organisation: [] } },
});
