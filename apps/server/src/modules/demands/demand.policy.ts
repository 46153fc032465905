import { definePolicy } from '../../platform/policy/policy.js';

/** A demand as its policy sees it: the enterprise that has it and that enterprise's district. */
export interface DemandOwner {
  enterpriseId: string;
  districtId: string;
}

const scope = { district: 'districtId', organisation: ['enterpriseId'] } as const;

/**
 * Who may do what to demands (issue #15 item 3): the enterprise its own; the district officer the
 * demands of enterprises in the district (posting on their behalf after a visit); the city all.
 * Providers do not list demands: they meet them ranked for their solutions and through leads.
 */
export const demandPolicy = definePolicy<DemandOwner, 'read' | 'write'>('demand', {
  read: { access: 'demand:read', scope },
  write: { access: 'demand:write', scope },
});

/** A lead's parties: the enterprise (and its district) and the provider. */
export interface LeadParties {
  enterpriseId: string;
  providerId: string;
  districtId: string;
}

const parties = { district: 'districtId', organisation: ['enterpriseId', 'providerId'] } as const;

/**
 * Leads: both parties, the demand's district and the city read them and add follow-up notes; only
 * the provider (or the city) moves the status — the provider answers the lead.
 */
export const leadPolicy = definePolicy<LeadParties, 'read' | 'follow' | 'advance'>('lead', {
  read: { access: ['demand:read', 'solution:write'], scope: parties },
  follow: { access: ['demand:write', 'solution:write'], scope: parties },
  advance: { access: 'solution:write', scope: { district: null, organisation: ['providerId'] } },
});
