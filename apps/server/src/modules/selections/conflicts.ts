import type { ConflictRules } from '@suilian/contracts';

export interface ExpertAffiliation {
  /** The organisation the expert works for, if any (an enterprise, a provider …). */
  orgId: string | null;
  districtId: string | null;
}

/** Why an expert may not review an application, or null when they may (issue #3 item 4). */
export const OWN_ENTERPRISE = 'the expert works for the applicant';
export const OWN_DISTRICT = 'the expert belongs to the applicant’s district';

/** The machine-readable reason for a conflict message, for the console to translate. */
export function conflictReason(message: string): 'own_enterprise' | 'own_district' {
  return message === OWN_ENTERPRISE ? 'own_enterprise' : 'own_district';
}

export function conflictOf(
  rules: ConflictRules,
  expert: ExpertAffiliation,
  application: { enterpriseId: string; districtId: string },
): string | null {
  if (rules.ownEnterprise && expert.orgId && expert.orgId === application.enterpriseId) return OWN_ENTERPRISE;
  if (rules.ownDistrict && expert.districtId && expert.districtId === application.districtId) return OWN_DISTRICT;
  return null;
}
