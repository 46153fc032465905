import type { FindingGuidance } from '@suilian/contracts';
import type { DbOrTx } from '../../../db/client.js';
import { csafRemediations } from '../logic/csaf-remediations.js';
import { createGuidanceRepo } from './guidance.repo.js';

/**
 * The finding detail's "what to do" (#12 item 7): the vulnerability's description and score, the
 * remediations its CSAF advisories give (read from the documents as imported), the analyst's
 * solution text of a manual record, and the published notices sent to the finding's enterprise.
 */
export async function findingGuidance(db: DbOrTx, vulnerabilityId: string, enterpriseId: string): Promise<FindingGuidance> {
  const repo = createGuidanceRepo(db);
  const [v, advisories, notices] = await Promise.all([
    repo.vulnerabilityOf(vulnerabilityId),
    repo.advisoriesOf(vulnerabilityId),
    repo.noticesFor(vulnerabilityId, enterpriseId),
  ]);
  const ids = { cve: v?.cve ?? null, key: v?.key ?? '' };
  return {
    description: v?.description ?? null,
    baseScore: v?.baseScore ?? null,
    solution: v?.details?.解决方案 ?? null,
    remediations: advisories.filter((a) => a.source === 'csaf').flatMap((a) => csafRemediations(a.document, ids, a.trackingId)),
    notices: notices.map((n) => ({ id: n.id, title: n.title, publishedAt: n.publishedAt?.toISOString() ?? null })),
  };
}
