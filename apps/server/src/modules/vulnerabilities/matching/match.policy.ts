import { definePolicy } from '../../../platform/policy/policy.js';

/** A match as its policy sees it: the enterprise whose asset it concerns and that enterprise's district. */
export interface MatchOwner {
  enterpriseId: string;
  districtId: string | null;
}

const scope = { district: 'districtId', organisation: ['enterpriseId'] } as const;

/** Matches are read like findings (finding:read, by owner); analysts with vuln:manage review them. */
export const matchPolicy = definePolicy<MatchOwner, 'read' | 'review'>('match', {
  read: { access: 'finding:read', scope },
  review: { access: 'vuln:manage', scope },
});
