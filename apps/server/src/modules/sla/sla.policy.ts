import { definePolicy } from '../../platform/policy/policy.js';

/** A network as the SLA policy sees it: the district it counts in, its enterprise and its operator. */
export interface SlaOwner {
  districtId: string;
  enterpriseId: string;
  operatorId: string;
}

/**
 * Who may do what in SLA validation (issue #14 item 3), scope as data (ADR 0011): whoever reads the
 * network reads its SLA; its operator and its enterprise (device:write — they run the tests) attach
 * a profile, upload tests and compute results; the district the network counts in (or the city)
 * signs off, never the parties who tested. The profiles are the city's (sla:manage).
 */
export const slaPolicy = definePolicy<SlaOwner, 'read' | 'test' | 'sign_off'>('network', {
  read: { access: 'network:read', scope: { district: 'districtId', organisation: ['enterpriseId', 'operatorId'] } },
  test: { access: 'device:write', scope: { district: null, organisation: ['enterpriseId', 'operatorId'] } },
  sign_off: { access: 'record:confirm', scope: { district: 'districtId', organisation: [] } },
});

/** SLA profiles: readable by everyone who reads networks, kept by the city. */
export const slaProfilePolicy = definePolicy<Record<string, never>, 'read' | 'manage'>('sla_profile', {
  read: { access: 'network:read' },
  manage: { access: 'sla:manage' },
});
