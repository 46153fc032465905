import { definePolicy } from '../../platform/policy/policy.js';

/** An organisation as its policy sees it: itself and the district it lies in (a district is its own). */
export interface OrganisationPlace {
  id: string;
  districtId: string | null;
}

const scope = { district: 'districtId', organisation: ['id'] } as const;

/**
 * Who may do what to organisations: org:read / org:write within the actor's scope (an organisation
 * user reaches its own organisation only). Which kinds a scope may create or edit
 * (ORG_KINDS_WRITABLE_BY_SCOPE) is the service's rule. The provider directory is open to whoever
 * picks an operator for a project.
 */
export const organisationPolicy = definePolicy<OrganisationPlace, 'read' | 'write' | 'listProviders'>('organisation', {
  read: { access: 'org:read', scope },
  write: { access: 'org:write', scope },
  listProviders: { access: ['project:read', 'org:write'] },
});
