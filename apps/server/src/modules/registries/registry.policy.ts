import { definePolicy, ORG_OWNED, type OrgOwned } from '../../platform/policy/policy.js';

/**
 * Who may do what to ecosystem registry records (all eleven registries alike): registry:read /
 * registry:write, on the records of the actor's organisation, of its district, or city-wide.
 */
export const registryPolicy = definePolicy<OrgOwned, 'read' | 'write' | 'confirm'>('record', {
  read: { access: 'registry:read', scope: ORG_OWNED },
  write: { access: 'registry:write', scope: ORG_OWNED },
  /** Confirm or return a declared record: its district's users and city admins (issue #12 item 5). */
  confirm: { access: 'record:confirm', scope: { district: 'districtId', organisation: [] } },
});
