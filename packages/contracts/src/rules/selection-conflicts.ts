import type { ConflictRules, Expert } from '../selections.js';

/**
 * Conflicts of interest in expert review (回避), written once: the server refuses a conflicted
 * assignment with the reason code, the console marks the conflicted experts before it is sent.
 */

/** Why an expert must stay away from an application; sent as `reason` of a `conflict_of_interest` issue. */
export const CONFLICT_REASONS = ['own_enterprise', 'own_district'] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];

/**
 * The reason an expert may not review an application under the round's rules, or null when they
 * may: they work for the applicant (own enterprise) or belong to its district (own district).
 */
export function conflictOf(
  rules: ConflictRules,
  expert: Pick<Expert, 'affiliationOrgId' | 'districtId'>,
  application: { enterpriseId: string; districtId: string },
): ConflictReason | null {
  if (rules.ownEnterprise && expert.affiliationOrgId && expert.affiliationOrgId === application.enterpriseId) return 'own_enterprise';
  if (rules.ownDistrict && expert.districtId && expert.districtId === application.districtId) return 'own_district';
  return null;
}
