import { type ConflictReason, conflictOf } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import { forbiddenBy } from './refusals.js';
import { createSelectionRepo, type RoundRow } from './selection.repo.js';

/** The English sentence of each conflict of interest (API users read it; the console translates the reason). */
export const CONFLICT_MESSAGES: Record<ConflictReason, string> = {
  own_enterprise: 'the expert works for the applicant',
  own_district: 'the expert belongs to the applicant’s district',
};

/**
 * Refuses (403, rule `expert_conflicted`) an assigned expert whose affiliation conflicts with the
 * application under the round's rules now — checked when they open and when they score, not only at
 * assignment, since an expert's affiliation can change after it (issue #12 item 6).
 */
export async function requireNoConflict(
  db: DbOrTx,
  round: Pick<RoundRow, 'conflictRules'>,
  application: { id: string; enterpriseId: string; districtId: string },
  expertId: string,
): Promise<void> {
  const profile = await createSelectionRepo(db).findExpertProfile(expertId);
  const reason = profile ? conflictOf(round.conflictRules, profile, application) : null;
  if (reason)
    throw forbiddenBy('expert_conflicted', `conflict of interest: ${CONFLICT_MESSAGES[reason]}`, { reason, applicationId: application.id });
}
