import { definePolicy, type ScopeRule } from '../../platform/policy/policy.js';

/** A project as its policy sees it: the enterprise that declares it, its operator and its district. */
export interface ProjectOwner {
  enterpriseId: string;
  operatorId: string | null;
  districtId: string | null;
}

/**
 * Who sees a project: the city all, a district officer those in the district, an enterprise user
 * its own enterprise's, a provider user those it operates (the 5G network of).
 */
export const PROJECT_READ_SCOPE = {
  district: 'districtId',
  organisation: ['enterpriseId', 'operatorId'],
} as const satisfies ScopeRule<ProjectOwner>;

/** Who changes a project: as above, but an operator only looks on. */
const writeScope = { district: 'districtId', organisation: ['enterpriseId'] } as const satisfies ScopeRule<ProjectOwner>;

/**
 * Who may do what to projects: project:read / project:write within the scope above. Which fields
 * and transitions are open in which state is the lifecycle's business (contracts/rules).
 */
export const projectPolicy = definePolicy<ProjectOwner, 'read' | 'write'>('project', {
  read: { access: 'project:read', scope: PROJECT_READ_SCOPE },
  write: { access: 'project:write', scope: writeScope },
});
