import type { ConflictRules } from '@suilian/contracts';

export interface ExpertAffiliation {
  /** The organisation the expert works for, if any (an enterprise, a provider …). */
  orgId: string | null;
  districtId: string | null;
}

/** Why an expert may not review an application, or null when they may (issue #3 item 4). */
export function conflictOf(
  rules: ConflictRules,
  expert: ExpertAffiliation,
  application: { enterpriseId: string; districtId: string },
): string | null {
  if (rules.ownEnterprise && expert.orgId && expert.orgId === application.enterpriseId) return 'the expert works for the applicant';
  if (rules.ownDistrict && expert.districtId && expert.districtId === application.districtId)
    return 'the expert belongs to the applicant’s district';
  return null;
}
