import { definePolicy } from '../../platform/policy/policy.js';

/** A course or activity as the policy sees it: the district it counts in and the provider organising it. */
export interface TrainingOwner {
  districtId: string;
  organiserOrgId: string | null;
}

/**
 * Who may do what to courses, cohorts and events (issue #15 item 6), scope as data (ADR 0011): city
 * staff reach every one; district officers organise and read those counted in their district;
 * providers organise their own courses and events (the organiser field holds their organisation),
 * never another's. Analysts and auditors read (training:read). The public reads published
 * activities through the service's public list, without people.
 */
export const trainingPolicy = definePolicy<TrainingOwner, 'read' | 'manage'>('training', {
  read: { access: 'training:read', scope: { district: 'districtId', organisation: ['organiserOrgId'] } },
  manage: { access: 'training:manage', scope: { district: 'districtId', organisation: ['organiserOrgId'] } },
});
